/*
** cmd_token.c — `gongkai token`: API tokens for the write API (issue 13
** §7) from the command line: add (prints the secret once), list, revoke.
** Creation is app_token_create(), shared with /admin/tokens.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app_token.h"
#include "cli/cli.h"
#include "cli/cli_util.h"
#include "cli/commands.h"

static const char zUsage[] =
    "usage: gongkai token add --org ORG --name NAME [--perms view_staff,app_handle] [--db PATH]\n"
    "       gongkai token list [--org ORG] [--db PATH]\n"
    "       gongkai token revoke ID [--db PATH]\n\n"
    "add     creates a token for organisation ORG (id or slug) and prints it\n"
    "        once; only its SHA-256 is stored.  Permissions a token may hold:\n"
    "        view_staff (read applications), app_handle (register and handle).\n"
    "list    prints id, organisation, permissions, created, last used, revoked.\n"
    "revoke  revokes a token at once.\n";

/* The organisation with id or slug z; 0 after a message. */
static int64_t find_org(Store *s, Arena *a, const char *z) {
  Org o;
  char *zEnd;
  long long id = strtoll(z, &zEnd, 10);
  if ((*zEnd == 0 && id > 0 && store_org_get(s, a, id, &o) == STORE_OK) ||
      store_org_by_slug(s, a, z, &o) == STORE_OK)
    return o.id;
  fprintf(stderr, "gongkai token: 单位不存在：%s\n", z);
  return 0;
}

static int token_add(Store *s, Arena *a, const char *zOrg, const char *zName,
                     const char *zPerms) {
  char zTok[APP_TOKEN_LEN];
  int64_t id, org = zOrg ? find_org(s, a, zOrg) : 0;
  const char *zErr;
  if (!org) return zOrg ? 1 : 2;
  if (app_token_create(s, org, zName, zPerms, 0, zTok, &id, &zErr) !=
      STORE_OK) {
    /* The message names the permissions as the page does; the command
    ** line's words for them are in the usage. */
    fprintf(stderr, "gongkai token: %s\n%s", zErr, zUsage);
    return 1;
  }
  store_audit(s, 0, org, "api_token.add", zName);
  printf("token %lld: %s\n(shown once; use it as Authorization: Bearer %s)\n",
         (long long)id, zTok, zTok);
  return 0;
}

static int token_list(Store *s, Arena *a, const char *zOrg) {
  ApiToken *aT;
  int n;
  int64_t org = zOrg ? find_org(s, a, zOrg) : 0;
  if (zOrg && !org) return 1;
  if (store_token_list(s, a, org, &aT, &n) != STORE_OK) {
    fprintf(stderr, "gongkai token: %s\n", store_errmsg(s));
    return 1;
  }
  for (int i = 0; i < n; i++)
    printf("%lld\t%s\t%s\t%s\t%s\t%s\t%s\n", (long long)aT[i].id,
           aT[i].zOrgSlug, aT[i].zName, aT[i].zPerms, aT[i].zCreatedAt,
           aT[i].zLastUsedAt[0] ? aT[i].zLastUsedAt : "-",
           aT[i].zRevokedAt[0] ? aT[i].zRevokedAt
           : aT[i].bCreatorDisabled ? "creator-disabled" : "active");
  return 0;
}

int cmd_token(int argc, char **argv) {
  const char *zDb = CLI_DEFAULT_DB, *zOrg = NULL, *zName = "";
  const char *zPerms = "view_staff,app_handle";
  CliOpt aOpt[] = {{"--db", 0, &zDb}, {"--org", 0, &zOrg},
                   {"--name", 0, &zName}, {"--perms", 0, &zPerms}};
  char **aPos;
  int nPos, bHelp;
  if (argc < 2) { fputs(zUsage, stderr); return 2; }
  int rc = cli_parse("token", argc, argv, 2, aOpt, 4, &aPos, &nPos, &bHelp);
  if (rc) return rc;
  if (bHelp || !strcmp(argv[1], "--help")) { fputs(zUsage, stdout); return 0; }
  const char *zSub = argv[1];
  if (strcmp(zSub, "add") && strcmp(zSub, "list") && strcmp(zSub, "revoke")) {
    fprintf(stderr, "gongkai token: unknown subcommand '%s'\n%s", zSub, zUsage);
    return 2;
  }
  long long id = 0;
  if (!strcmp(zSub, "revoke") && (nPos != 1 || !(id = cli_id("token", "令牌", aPos[0]))))
    return 2;
  Store *s = cli_open("token", zDb, 0);
  if (!s) return 1;
  Arena a = ARENA_INIT;
  if (!strcmp(zSub, "add")) {
    rc = token_add(s, &a, zOrg, zName, zPerms);
  } else if (!strcmp(zSub, "list")) {
    rc = token_list(s, &a, zOrg);
  } else if (store_token_revoke(s, id) != STORE_OK) {
    fprintf(stderr, "gongkai token: %s\n", store_errmsg(s));
    rc = 1;
  } else {
    store_audit(s, 0, 0, "api_token.revoke", "");
    printf("token %lld revoked\n", id);
  }
  arena_free(&a);
  store_close(s);
  return rc;
}
