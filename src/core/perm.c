/* perm.c — the permission matrix and the scope rule (see perm.h). */
#include "core/perm.h"

#include <string.h>

static const struct {
  unsigned role;
  const char *zName;
  const char *zLabel;
} aRole[] = {
  {ROLE_ADMIN, "admin", "系统管理员"},
  {ROLE_OFFICE, "office", "公开办"},
  {ROLE_DRAFTER, "drafter", "承办人"},
  {ROLE_DEPT_HEAD, "dept_head", "科室负责人"},
  {ROLE_SECRECY, "secrecy", "保密审查员"},
  {ROLE_APPROVER, "approver", "领导"},
  {ROLE_SUPERVISOR, "supervisor", "督查"},
  {ROLE_OFFICE_HEAD, "office_head", "公开工作机构负责人"},
};

#define STAFF (ROLE_ALL)
/* Which roles grant each permission.  Keep in the order of enum Perm. */
static const unsigned aGrant[PERM__COUNT] = {
  [PERM_PUBLIC] = 0,
  [PERM_LOGIN] = 0,
  [PERM_ADMIN] = ROLE_ADMIN,
  [PERM_VIEW_STAFF] = STAFF,
  [PERM_DOC_DRAFT] = ROLE_DRAFTER | ROLE_OFFICE,
  [PERM_DOC_DEPT_REVIEW] = ROLE_DEPT_HEAD,
  [PERM_DOC_SECRECY] = ROLE_SECRECY,
  [PERM_DOC_APPROVE] = ROLE_APPROVER,
  [PERM_DOC_MANAGE] = ROLE_OFFICE,
  [PERM_APP_HANDLE] = ROLE_OFFICE | ROLE_DRAFTER,
  [PERM_APP_APPROVE] = ROLE_APPROVER | ROLE_OFFICE | ROLE_OFFICE_HEAD,
  [PERM_APP_REVIEW] = ROLE_DEPT_HEAD | ROLE_APPROVER | ROLE_OFFICE |
                      ROLE_OFFICE_HEAD,
  [PERM_APP_EXTEND] = ROLE_OFFICE_HEAD,
  [PERM_REPORT_EDIT] = ROLE_OFFICE,
  [PERM_REGISTER_EDIT] = ROLE_OFFICE | ROLE_DRAFTER,
  [PERM_SUPERVISE] = ROLE_SUPERVISOR | ROLE_OFFICE,
  /* The leader reads the report he approves (POST …/approve). */
  [PERM_REPORT_VIEW] = ROLE_OFFICE | ROLE_SUPERVISOR | ROLE_APPROVER,
};

/* Roles whose grants extend to the subtree below their organisation. */
#define SUBTREE_ROLES (ROLE_ADMIN | ROLE_OFFICE | ROLE_SUPERVISOR)

unsigned perm_roles_for(Perm p) {
  return (p >= 0 && p < PERM__COUNT) ? aGrant[p] : 0;
}

int perm_role_has(unsigned roles, Perm p) {
  if (p == PERM_PUBLIC) return 1;
  if (p == PERM_LOGIN) return roles != 0;
  return (roles & perm_roles_for(p)) != 0;
}

int perm_reaches_subtree(unsigned roles, Perm p) {
  return (roles & perm_roles_for(p) & SUBTREE_ROLES) != 0 ||
         (p == PERM_VIEW_STAFF && (roles & SUBTREE_ROLES));
}

int perm_allows(unsigned roles, int64_t userOrg, Perm p, int64_t targetOrg,
                const int64_t *aAncestor, int nAncestor) {
  if (p == PERM_PUBLIC) return 1;
  if (!perm_role_has(roles, p)) return 0;
  if (targetOrg == 0 || targetOrg == userOrg) return 1;
  if (!perm_reaches_subtree(roles, p)) return 0;
  for (int i = 0; i < nAncestor; i++)
    if (aAncestor[i] == userOrg) return 1;
  return 0;
}

const char *perm_role_label(unsigned role) {
  for (size_t i = 0; i < sizeof aRole / sizeof aRole[0]; i++)
    if (aRole[i].role == role) return aRole[i].zLabel;
  return NULL;
}

const char *perm_role_name(unsigned role) {
  for (size_t i = 0; i < sizeof aRole / sizeof aRole[0]; i++)
    if (aRole[i].role == role) return aRole[i].zName;
  return NULL;
}

long perm_roles_parse(const char *zList) {
  long mask = 0;
  const char *z = zList;
  while (z && *z) {
    size_t n = strcspn(z, ",");
    size_t i;
    for (i = 0; i < sizeof aRole / sizeof aRole[0]; i++)
      if (strlen(aRole[i].zName) == n && !strncmp(aRole[i].zName, z, n)) break;
    if (n && i == sizeof aRole / sizeof aRole[0]) return -1;
    if (n) mask |= aRole[i].role;
    z += n;
    if (*z == ',') z++;
  }
  return mask;
}

const char *perm_name(Perm p) {
  static const char *az[PERM__COUNT] = {
    [PERM_PUBLIC] = "public", [PERM_LOGIN] = "login", [PERM_ADMIN] = "admin",
    [PERM_VIEW_STAFF] = "view_staff", [PERM_DOC_DRAFT] = "doc_draft",
    [PERM_DOC_DEPT_REVIEW] = "doc_dept_review", [PERM_DOC_SECRECY] = "doc_secrecy",
    [PERM_DOC_APPROVE] = "doc_approve", [PERM_DOC_MANAGE] = "doc_manage",
    [PERM_APP_HANDLE] = "app_handle", [PERM_APP_APPROVE] = "app_approve",
    [PERM_APP_REVIEW] = "app_review", [PERM_APP_EXTEND] = "app_extend",
    [PERM_REPORT_EDIT] = "report_edit", [PERM_REGISTER_EDIT] = "register_edit",
    [PERM_SUPERVISE] = "supervise", [PERM_REPORT_VIEW] = "report_view"};
  return (p >= 0 && p < PERM__COUNT && az[p]) ? az[p] : "?";
}

int perm_by_name(const char *zName) {
  for (int p = 0; zName && p < PERM__COUNT; p++)
    if (!strcmp(perm_name((Perm)p), zName)) return p;
  return -1;
}

int perm_token_grantable(Perm p) {
  return p == PERM_VIEW_STAFF || p == PERM_APP_HANDLE;
}

long long perm_token_parse(const char *zList) {
  long long mask = 0;
  const char *z = zList;
  while (z && *z) {
    size_t n = strcspn(z, ",");
    char zName[32];
    if (n >= sizeof zName) return -1;
    memcpy(zName, z, n);
    zName[n] = 0;
    int p = perm_by_name(zName);
    if (n && (p < 0 || !perm_token_grantable((Perm)p))) return -1;
    if (n) mask |= 1LL << p;
    z += n;
    if (*z == ',') z++;
  }
  return mask;
}
