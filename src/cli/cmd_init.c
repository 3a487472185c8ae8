/*
** cmd_init.c — `gongkai init` and `gongkai migrate`: create a database with
** its first organisation and administrator, or bring one up to date.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cli_util.h"
#include "cli/commands.h"
#include "core/perm.h"
#include "lib/crypto.h"

int cmd_init(int argc, char **argv) {
  const char *zDb = CLI_DEFAULT_DB, *zOrg = "本机关", *zSlug = "main",
             *zLogin = "admin";
  CliOpt aOpt[] = {{"--db", 0, &zDb}, {"--org-name", 0, &zOrg},
                   {"--org-slug", 0, &zSlug}, {"--admin", 0, &zLogin}};
  char **aPos;
  int nPos, bHelp;
  int rc = cli_parse("init", argc, argv, 1, aOpt, 4, &aPos, &nPos, &bHelp);
  if (rc) return rc;
  if (bHelp) {
    puts("usage: gongkai init [--db PATH] [--org-name NAME] [--org-slug SLUG] [--admin LOGIN]\n\n"
         "Creates a new database (refuses if the file exists), a first\n"
         "organisation and an administrator whose random password is printed\n"
         "once.  Default database: " CLI_DEFAULT_DB);
    return 0;
  }
  if (nPos) { fprintf(stderr, "gongkai init: unexpected argument '%s'\n", aPos[0]); return 2; }
  if (crypto_init()) { fputs("gongkai init: libsodium failed\n", stderr); return 1; }
  Store *s = cli_open("init", zDb, STORE_CREATE);
  if (!s) return 1;
  Arena a = ARENA_INIT;
  char *zRedacted = store_target_redacted(zDb);  /* no password shown */
  const char *zShown = arena_strdup(&a, zRedacted);
  free(zRedacted);
  Org o;
  memset(&o, 0, sizeof o);
  o.zName = zOrg;
  o.zSlug = zSlug;
  const char *zErr = org_validate(&o);
  if (!zErr) zErr = user_login_check(zLogin);
  char zPw[32], zHash[CRYPTO_PWHASH_LEN];
  crypto_random_token(zPw, 12);
  if (!zErr && crypto_password_hash(zPw, zHash)) zErr = "password hashing failed";
  User u;
  memset(&u, 0, sizeof u);
  if (!zErr) {
    store_begin(s);
    if (store_org_add(s, &o) != STORE_OK) zErr = store_errmsg(s);
    u.orgId = o.id;
    u.zLogin = zLogin;
    u.zName = "系统管理员";
    u.zPwHash = zHash;
    u.roles = ROLE_ADMIN | ROLE_OFFICE;
    if (!zErr && store_user_add(s, &u) != STORE_OK) zErr = store_errmsg(s);
    if (!zErr && store_calendar_seed(s, NULL) != STORE_OK) zErr = store_errmsg(s);
    if (!zErr) store_audit(s, 0, o.id, "init", zShown);
    if (zErr) store_rollback(s);
    else if (store_commit(s) != STORE_OK) zErr = store_errmsg(s);
  }
  if (zErr) {
    fprintf(stderr, "gongkai init: %s\n", zErr);
    store_close(s);
    if (store_kind(zDb) == STORE_KIND_SQLITE) remove(zDb);
    arena_free(&a);
    return 1;
  }
  printf("created %s (schema version %d)\n", zShown, store_schema_version(s));
  printf("administrator login: %s\npassword: %s\n(shown once; change it after signing in)\n",
         zLogin, zPw);
  store_close(s);
  arena_free(&a);
  return 0;
}

int cmd_migrate(int argc, char **argv) {
  const char *zDb = CLI_DEFAULT_DB;
  CliOpt aOpt[] = {{"--db", 0, &zDb}};
  char **aPos;
  int nPos, bHelp;
  int rc = cli_parse("migrate", argc, argv, 1, aOpt, 1, &aPos, &nPos, &bHelp);
  if (rc) return rc;
  if (bHelp) {
    puts("usage: gongkai migrate [--db PATH]\n\nApplies pending schema migrations.");
    return 0;
  }
  if (nPos) { fprintf(stderr, "gongkai migrate: unexpected argument '%s'\n", aPos[0]); return 2; }
  Store *s = cli_open("migrate", zDb, 0);
  if (!s) return 1;
  int before = store_schema_version(s), n = 0;
  if (store_migrate(s, &n) != STORE_OK) {
    fprintf(stderr, "gongkai migrate: %s\n", store_errmsg(s));
    store_close(s);
    return 1;
  }
  printf("schema version %d -> %d (%d migration%s applied)\n", before,
         store_schema_version(s), n, n == 1 ? "" : "s");
  store_close(s);
  return 0;
}
