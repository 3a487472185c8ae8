/*
** model.h — the foundation's domain records, shared by store, pages, API
** and CLI.  Strings are owned by whoever filled the record (normally an
** Arena: see store.h); records are plain data with no behaviour.
*/
#ifndef GK_MODEL_H
#define GK_MODEL_H

#include <stdint.h>

typedef struct Org {
  int64_t id;
  int64_t parentId;        /* 0 for a root */
  const char *zSlug;       /* URL name: [a-z0-9-], unique */
  const char *zName;       /* 中宁县卫生健康局 */
  const char *zShortName;
  const char *zUscc;       /* 统一社会信用代码, may be empty */
  const char *zOrgCode;    /* 组织机构代码 (index numbers) */
  const char *zAddress;
  const char *zPostcode;
  const char *zPhone;
  const char *zFax;
  const char *zEmail;
  const char *zOfficeHours;
  const char *zIndexTemplate; /* index-number template */
  const char *zKind;       /* core/org_kind.h id; NULL/"" = keep/department */
  int depth;               /* 0 for a root (filled by tree listings) */
} Org;

typedef struct Dept {
  int64_t id;
  int64_t orgId;
  const char *zName;       /* 办公室, 政策法规科 … */
} Dept;

typedef struct User {
  int64_t id;
  int64_t orgId;
  int64_t deptId;          /* 0 when none */
  const char *zLogin;
  const char *zName;       /* display name */
  const char *zPwHash;     /* argon2id string; NULL outside auth */
  unsigned roles;          /* ROLE_* mask (core/perm.h) */
  int bDisabled;
  const char *zOrgName;    /* filled by listings */
  const char *zDeptName;   /* filled by listings */
} User;

typedef struct Session {
  int64_t userId;
  const char *zCsrf;       /* per-session CSRF token */
  int64_t createdAt;       /* unix seconds */
  int64_t lastSeen;        /* unix seconds */
} Session;

/* Validates an organisation record before it is stored.  Returns NULL when
** acceptable, else a Chinese message naming the bad field (static string). */
const char *org_validate(const Org *o);

/* 1 when z is a valid URL slug: 1..40 of [a-z0-9-], not starting with '-'. */
int org_slug_valid(const char *z);

/* Validates a login name (2..32 of [A-Za-z0-9_.-]); NULL or a message. */
const char *user_login_check(const char *zLogin);
/* Password policy: at least 10 characters, not all one class; NULL or a
** message. */
const char *user_password_check(const char *zPassword);

#endif
