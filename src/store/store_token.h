/*
** store_token.h — API tokens (0023_api_token.sql): create, find by hash,
** list, revoke, note use.  Only the SHA-256 of a token is stored.
*/
#ifndef GK_STORE_TOKEN_H
#define GK_STORE_TOKEN_H

#include "store/store.h"

typedef struct ApiToken {
  int64_t id;
  int64_t orgId;
  const char *zName;       /* what it is for */
  const char *zPerms;      /* "view_staff,app_handle" */
  long long permMask;      /* perm_token_parse(zPerms) */
  const char *zCreatedAt, *zLastUsedAt, *zRevokedAt; /* "" when none */
  const char *zOrgName, *zOrgSlug;
  int bCreatorDisabled;    /* the administrator who made it is disabled */
} ApiToken;

/* Stores a token (orgId, zName, zPerms) with the hash of its secret;
** sets t->id.  createdBy 0: the CLI. */
int store_token_add(Store *s, ApiToken *t, const char *zHash,
                    int64_t createdBy);
/* The active token with hash zHash: not revoked, and not made by an
** administrator who has since been disabled (docs/security.md, "API
** tokens"); STORE_NOTFOUND else. */
int store_token_by_hash(Store *s, Arena *a, const char *zHash, ApiToken *t);
/* Tokens of orgId and the organisations below it (0: all), newest first. */
int store_token_list(Store *s, Arena *a, int64_t orgId, ApiToken **pa,
                     int *pn);
/* Revokes token id (STORE_NOTFOUND when none or already revoked). */
int store_token_revoke(Store *s, int64_t id);
/* Records the token's last use (at most once a minute matters). */
int store_token_touch(Store *s, int64_t id);

#endif
