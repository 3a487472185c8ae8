/*
** app_token.h — creating an API token (issue 13 §7), one function for the
** administrator's page and `gongkai token add`: checks the name and the
** permissions (only those perm_token_grantable() allows), makes the secret
** "gk_" + 40 hex characters from libsodium's generator, stores its SHA-256
** and returns the secret, which is shown once and never stored.
*/
#ifndef GK_APP_TOKEN_H
#define GK_APP_TOKEN_H

#include "store/store_token.h"

#define APP_TOKEN_LEN 44 /* "gk_" + 40 hex + NUL */

/* Creates a token for orgId; zPerms "view_staff,app_handle".  Returns
** STORE_OK with the secret in zToken and *pId, or an error with a Chinese
** message in *pzErr (nothing stored). */
int app_token_create(Store *s, int64_t orgId, const char *zName,
                     const char *zPerms, int64_t createdBy,
                     char zToken[APP_TOKEN_LEN], int64_t *pId,
                     const char **pzErr);

#endif
