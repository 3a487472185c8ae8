/*
** perm.h — roles, permissions and organisation scope: the one place that
** decides who may do what where.
**
** A user holds a set of roles (bit mask).  Each permission is granted by some
** roles.  Scope: a permission applies to the user's own organisation; for the
** disclosure office (公开办), the administrator and the supervisor (督查) it
** also covers every organisation below theirs (the subtree).  The HTTP
** dispatcher calls perm_allows() for the route's permission and handlers
** call it again with the organisation of the record they touch.
*/
#ifndef GK_PERM_H
#define GK_PERM_H

#include <stdint.h>

/* Roles (stored as a bit mask on the user). */
enum {
  ROLE_ADMIN = 1 << 0,       /* 系统管理员 */
  ROLE_OFFICE = 1 << 1,      /* 公开办 */
  ROLE_DRAFTER = 1 << 2,     /* 承办人 */
  ROLE_DEPT_HEAD = 1 << 3,   /* 科室负责人 */
  ROLE_SECRECY = 1 << 4,     /* 保密审查员 */
  ROLE_APPROVER = 1 << 5,    /* 领导 */
  ROLE_SUPERVISOR = 1 << 6,  /* 督查 (read-only over a subtree) */
  ROLE_OFFICE_HEAD = 1 << 7, /* 政府信息公开工作机构负责人 (Art. 33) */
  ROLE_ALL = (1 << 8) - 1
};

/* Permissions: what a route or an action requires. */
typedef enum Perm {
  PERM_PUBLIC = 0,        /* anyone, no login */
  PERM_LOGIN,             /* any signed-in user */
  PERM_ADMIN,             /* manage organisations and users */
  PERM_VIEW_STAFF,        /* read internal records (all roles) */
  PERM_DOC_DRAFT,         /* create and edit drafts */
  PERM_DOC_DEPT_REVIEW,   /* 科室审核 */
  PERM_DOC_SECRECY,       /* 保密审查 */
  PERM_DOC_APPROVE,       /* 领导审批 */
  PERM_DOC_MANAGE,        /* catalogue, validity, withdrawal, channels */
  PERM_APP_HANDLE,        /* handle applications; see identity numbers */
  PERM_APP_APPROVE,       /* approve answers (领导审批) */
  PERM_APP_REVIEW,        /* review drafted answers (科室审核), return them */
  PERM_APP_EXTEND,        /* approve an extension (Art. 33 ¶2: the head of
                          ** the disclosure office only) */
  PERM_REPORT_EDIT,       /* annual report */
  PERM_REGISTER_EDIT,     /* opinion, messages, proposals, activities */
  PERM_SUPERVISE,         /* supervisor's view and inspections */
  PERM_REPORT_VIEW,       /* read annual reports in preparation: their
                          ** editors, the supervisor and the approving
                          ** leader */
  PERM__COUNT
} Perm;

/* Bit mask of roles granting p (0 for PERM_PUBLIC and PERM_LOGIN). */
unsigned perm_roles_for(Perm p);

/* 1 when a role set grants p, ignoring scope. */
int perm_role_has(unsigned roles, Perm p);

/* 1 when a role set's grant of p reaches organisations below the user's
** own (disclosure office, admin, supervisor), 0 when it is own-org only. */
int perm_reaches_subtree(unsigned roles, Perm p);

/*
** The scope check.  aAncestor[0..nAncestor) lists the target organisation's
** ancestors from its parent up to the root.  Returns 1 when a user with
** `roles` in organisation userOrg may exercise p on targetOrg.
*/
int perm_allows(unsigned roles, int64_t userOrg, Perm p, int64_t targetOrg,
                const int64_t *aAncestor, int nAncestor);

/* Code name of a permission ("PERM_ADMIN" -> "admin"). */
const char *perm_name(Perm p);

/* The permission with code name zName ("app_handle"), or -1. */
int perm_by_name(const char *zName);
/* 1 when an API token may be granted p: reading staff records and
** handling applications (registration, events, drafts); never the
** decisions that need a person (review, approval, extension) nor
** administration. */
int perm_token_grantable(Perm p);
/* Parses "view_staff,app_handle" into a bit mask (bit p for Perm p) of
** grantable permissions; -1 when a name is unknown or not grantable. */
long long perm_token_parse(const char *zList);

/* Chinese name of a role bit ("公开办"), or NULL for an unknown bit. */
const char *perm_role_label(unsigned role);
/* Code name ("office") of a role bit, or NULL. */
const char *perm_role_name(unsigned role);
/* Parses "admin,office" into a mask; returns -1 on an unknown name. */
long perm_roles_parse(const char *zList);

#endif
