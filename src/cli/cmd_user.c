/*
** cmd_user.c — `gongkai user add|list|passwd|disable` and
** `gongkai org add|list`.
*/
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "core/org_kind.h"
#include "cli/cli_util.h"
#include "cli/commands.h"
#include "core/perm.h"
#include "lib/crypto.h"

static const char zUserHelp[] =
    "usage: gongkai user add --login L --name N --org ORG [--dept NAME]\n"
    "                        [--roles admin,office,...] [--password P] [--db PATH]\n"
    "       gongkai user list [--org ORG] [--db PATH]\n"
    "       gongkai user passwd LOGIN [--password P] [--db PATH]\n"
    "       gongkai user disable LOGIN [--enable] [--db PATH]\n\n"
    "Roles: admin (系统管理员), office (公开办), drafter (承办人),\n"
    "dept_head (科室负责人), secrecy (保密审查员), approver (领导),\n"
    "supervisor (督查).  Without --password a random one is printed once.\n"
    "ORG is an organisation id or its URL name.";

/* Hashes zPw, or a new random password printed to stdout when zPw is NULL. */
static int make_hash(const char *zPw, char *zHash) {
  char zRand[32];
  if (!zPw) {
    crypto_random_token(zRand, 12);
    zPw = zRand;
    printf("password: %s\n", zPw);
  } else {
    const char *zWhy = user_password_check(zPw);
    if (zWhy) {
      fprintf(stderr, "gongkai user: %s\n", zWhy);
      return 1;
    }
  }
  return crypto_password_hash(zPw, zHash) ? 1 : 0;
}

int cmd_user(int argc, char **argv) {
  const char *zDb = CLI_DEFAULT_DB, *zLogin = NULL, *zName = NULL, *zOrg = NULL,
             *zDept = NULL, *zRoles = "", *zPw = NULL, *zEnable = NULL;
  CliOpt aOpt[] = {{"--db", 0, &zDb},         {"--login", 0, &zLogin},
                   {"--name", 0, &zName},     {"--org", 0, &zOrg},
                   {"--dept", 0, &zDept},     {"--roles", 0, &zRoles},
                   {"--password", 0, &zPw},   {"--enable", 1, &zEnable}};
  char **aPos;
  int nPos, bHelp;
  if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
    puts(zUserHelp);
    return argc < 2 ? 2 : 0;
  }
  const char *zSub = argv[1];
  int rc = cli_parse("user", argc, argv, 2, aOpt, 8, &aPos, &nPos, &bHelp);
  if (rc) return rc;
  if (bHelp) { puts(zUserHelp); return 0; }
  if (crypto_init()) return 1;
  if (strcmp(zSub, "add") && strcmp(zSub, "list") && strcmp(zSub, "passwd") &&
      strcmp(zSub, "disable")) {
    fprintf(stderr, "gongkai user: unknown subcommand '%s'\n%s\n", zSub, zUserHelp);
    return 2;
  }
  Store *s = cli_open("user", zDb, 0);
  if (!s) return 1;
  Arena a = ARENA_INIT;
  rc = 0;
  if (!strcmp(zSub, "add")) {
    User u;
    char zHash[CRYPTO_PWHASH_LEN];
    long roles = perm_roles_parse(zRoles);
    memset(&u, 0, sizeof u);
    if (!zLogin || !zName || !zOrg || nPos) {
      fprintf(stderr, "gongkai user add: --login, --name and --org are required\n");
      rc = 2;
    } else if (roles < 0) {
      fprintf(stderr, "gongkai user add: unknown role in '%s'\n", zRoles);
      rc = 2;
    } else if (user_login_check(zLogin)) {
      fprintf(stderr, "gongkai user add: %s\n", user_login_check(zLogin));
      rc = 1;
    } else if (!(u.orgId = cli_org("user add", s, &a, zOrg))) {
      rc = 1;
    } else {
      if (zDept) {
        Dept *aDept;
        int nDept;
        if (store_dept_list(s, &a, u.orgId, &aDept, &nDept) == STORE_OK)
          for (int i = 0; i < nDept; i++)
            if (!strcmp(aDept[i].zName, zDept)) u.deptId = aDept[i].id;
        if (!u.deptId) {
          fprintf(stderr, "gongkai user add: no department '%s' in that organisation\n", zDept);
          rc = 1;
        }
      }
      if (!rc && make_hash(zPw, zHash)) rc = 1;
      if (!rc) {
        u.zLogin = zLogin;
        u.zName = zName;
        u.zPwHash = zHash;
        u.roles = (unsigned)roles;
        if (store_user_add(s, &u) != STORE_OK) {
          fprintf(stderr, "gongkai user add: %s\n", store_errmsg(s));
          rc = 1;
        } else {
          store_audit(s, 0, u.orgId, "user.add", zLogin);
          printf("user %s added (id %lld)\n", zLogin, (long long)u.id);
        }
      }
    }
  } else if (!strcmp(zSub, "list")) {
    User *aUser;
    int n;
    long long org = zOrg ? cli_org("user list", s, &a, zOrg) : 0;
    if (zOrg && !org) {
      rc = 1;
    } else if (store_user_list(s, &a, org, 1, &aUser, &n) != STORE_OK) {
      fprintf(stderr, "gongkai user list: %s\n", store_errmsg(s));
      rc = 1;
    } else {
      for (int i = 0; i < n; i++) {
        printf("%-16s %-10s %s%s%s  [", aUser[i].zLogin, aUser[i].zName,
               aUser[i].zOrgName, aUser[i].zDeptName[0] ? "/" : "", aUser[i].zDeptName);
        int first = 1;
        for (unsigned b = 1; b <= ROLE_OFFICE_HEAD; b <<= 1)
          if (aUser[i].roles & b) {
            printf("%s%s", first ? "" : ",", perm_role_name(b));
            first = 0;
          }
        printf("]%s\n", aUser[i].bDisabled ? " disabled" : "");
      }
    }
  } else {
    User u;
    if (nPos != 1) {
      fprintf(stderr, "gongkai user %s: give exactly one LOGIN\n", zSub);
      rc = 2;
    } else if (store_user_by_login(s, &a, aPos[0], &u) != STORE_OK) {
      fprintf(stderr, "gongkai user %s: no user '%s'\n", zSub, aPos[0]);
      rc = 1;
    } else if (!strcmp(zSub, "passwd")) {
      char zHash[CRYPTO_PWHASH_LEN];
      if (make_hash(zPw, zHash) || store_user_set_password(s, u.id, zHash) ||
          store_session_delete_user(s, u.id)) {
        fprintf(stderr, "gongkai user passwd: %s\n", store_errmsg(s));
        rc = 1;
      } else {
        store_audit(s, 0, u.orgId, "user.passwd", u.zLogin);
        printf("password of %s changed\n", u.zLogin);
      }
    } else {
      int bDisable = zEnable == NULL;
      if (store_user_set_disabled(s, u.id, bDisable) ||
          (bDisable && store_session_delete_user(s, u.id))) {
        fprintf(stderr, "gongkai user disable: %s\n", store_errmsg(s));
        rc = 1;
      } else {
        store_audit(s, 0, u.orgId, bDisable ? "user.disable" : "user.enable", u.zLogin);
        printf("%s %s\n", u.zLogin, bDisable ? "disabled" : "enabled");
      }
    }
  }
  store_close(s);
  arena_free(&a);
  return rc;
}

static const char zOrgHelp[] =
    "usage: gongkai org add --name NAME --slug SLUG [--parent ORG] [--short-name S]\n"
    "                       [--uscc CODE] [--org-code CODE] [--address A] [--postcode P]\n"
    "                       [--phone P] [--fax F] [--email E] [--hours H]\n"
    "                       [--kind government|department|authorised|\n"
    "                               public_enterprise|acting] [--db PATH]\n"
    "       gongkai org list [--db PATH]\n"
    "       gongkai org dept ORG NAME [--db PATH]   (add a department)\n"
    "       gongkai org move ORG --parent ORG [--db PATH]\n"
    "                       (机构改革: puts ORG and its units under another unit)\n";

/* gongkai org move ORG --parent P: 0, 1 (refused) or 2 (usage). */
static int org_move(Store *s, Arena *a, int nPos, char **aPos, const char *zParent) {
  long long org, parent;
  if (nPos != 1 || !zParent) {
    fputs("gongkai org move: give ORG and --parent ORG\n", stderr);
    return 2;
  }
  if (!(org = cli_org("org move", s, a, aPos[0])) ||
      !(parent = cli_org("org move", s, a, zParent)))
    return 1;
  if (store_org_move(s, org, parent) != STORE_OK) {
    fprintf(stderr, "gongkai org move: %s\n", store_errmsg(s));
    return 1;
  }
  store_audit(s, 0, org, "org.move", zParent);
  printf("organisation %s moved under %s\n", aPos[0], zParent);
  return 0;
}

int cmd_org(int argc, char **argv) {
  const char *zDb = CLI_DEFAULT_DB;
  Org o;
  const char *zParent = NULL;
  memset(&o, 0, sizeof o);
  CliOpt aOpt[] = {{"--db", 0, &zDb},
                   {"--name", 0, &o.zName},
                   {"--slug", 0, &o.zSlug},
                   {"--parent", 0, &zParent},
                   {"--short-name", 0, &o.zShortName},
                   {"--uscc", 0, &o.zUscc},
                   {"--org-code", 0, &o.zOrgCode},
                   {"--address", 0, &o.zAddress},
                   {"--postcode", 0, &o.zPostcode},
                   {"--phone", 0, &o.zPhone},
                   {"--fax", 0, &o.zFax},
                   {"--email", 0, &o.zEmail},
                   {"--hours", 0, &o.zOfficeHours},
                   {"--kind", 0, &o.zKind}};
  char **aPos;
  int nPos, bHelp;
  if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
    puts(zOrgHelp);
    return argc < 2 ? 2 : 0;
  }
  const char *zSub = argv[1];
  int rc = cli_parse("org", argc, argv, 2, aOpt, 14, &aPos, &nPos, &bHelp);
  if (rc) return rc;
  if (bHelp) { puts(zOrgHelp); return 0; }
  if (o.zKind && !org_kind_valid(o.zKind)) {
    fprintf(stderr, "gongkai org: 单位性质无效：%s\n", o.zKind);
    return 2;
  }
  if (strcmp(zSub, "add") && strcmp(zSub, "list") && strcmp(zSub, "dept") &&
      strcmp(zSub, "move")) {
    fprintf(stderr, "gongkai org: unknown subcommand '%s'\n%s", zSub, zOrgHelp);
    return 2;
  }
  Store *s = cli_open("org", zDb, 0);
  if (!s) return 1;
  Arena a = ARENA_INIT;
  rc = 0;
  if (!strcmp(zSub, "add")) {
    const char *zWhy;
    if (nPos) {
      fprintf(stderr, "gongkai org add: unexpected argument '%s'\n", aPos[0]);
      rc = 2;
    } else if (zParent && !(o.parentId = cli_org("org add", s, &a, zParent))) {
      rc = 1;
    } else if ((zWhy = org_validate(&o)) != NULL) {
      fprintf(stderr, "gongkai org add: %s\n", zWhy);
      rc = 1;
    } else if (store_org_add(s, &o) != STORE_OK) {
      fprintf(stderr, "gongkai org add: %s\n", store_errmsg(s));
      rc = 1;
    } else {
      store_audit(s, 0, o.id, "org.add", o.zName);
      printf("organisation %s added (id %lld)\n", o.zSlug, (long long)o.id);
    }
  } else if (!strcmp(zSub, "move")) {
    rc = org_move(s, &a, nPos, aPos, zParent);
  } else if (!strcmp(zSub, "dept")) {
    long long org;
    if (nPos != 2) {
      fputs("gongkai org dept: give ORG and NAME\n", stderr);
      rc = 2;
    } else if (!(org = cli_org("org dept", s, &a, aPos[0]))) {
      rc = 1;
    } else if (store_dept_add(s, org, aPos[1], NULL) != STORE_OK) {
      fprintf(stderr, "gongkai org dept: %s\n", store_errmsg(s));
      rc = 1;
    } else {
      printf("department %s added\n", aPos[1]);
    }
  } else {
    Org *aOrg;
    int n;
    if (store_org_tree(s, &a, 0, &aOrg, &n) != STORE_OK) {
      fprintf(stderr, "gongkai org list: %s\n", store_errmsg(s));
      rc = 1;
    } else {
      for (int i = 0; i < n; i++)
        printf("%*s%lld %s  %s\n", aOrg[i].depth * 2, "", (long long)aOrg[i].id,
               aOrg[i].zSlug, aOrg[i].zName);
    }
  }
  store_close(s);
  arena_free(&a);
  return rc;
}
