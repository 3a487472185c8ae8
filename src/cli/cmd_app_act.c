/*
** cmd_app_act.c — `gongkai applications act` and `gongkai applications
** register`: the workflow actions and registration from the command line,
** through the same app-layer functions as the pages and the write API
** (src/app/app_action.h).  The operator names the user he acts as
** (--user LOGIN): that user's roles and organisation decide what is
** allowed, and the history names him; separation of duties holds here too.
** Parameters are NAME=VALUE words with the form's field names.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app/app_key.h"
#include "app/app_action.h"
#include "cli/cli.h"
#include "cli/cli_util.h"
#include "cli/commands.h"
#include "cli/conffile.h"
#include "lib/buf.h"

static const char zUsage[] =
    "usage: gongkai applications act ID ACTION --user LOGIN [--db PATH] [NAME=VALUE ...]\n"
    "       gongkai applications register --user LOGIN [--db PATH] NAME=VALUE ...\n\n"
    "ACTION is one of: assign event extend fee draft dept_review return approve\n"
    "withdraw correction_request assistance review review_decide recalc\n"
    "(parameters: docs/applications.md).  register takes org_id (default: the\n"
    "user's organisation), channel, event_day and the applicant and\n"
    "information fields of the form; it prints the registration number and\n"
    "the tracking code.  Identity numbers are sealed with GONGKAI_KEY or\n"
    "gongkai.key beside the database.  Exit 1 when refused, with the reason.\n";

/* NAME=VALUE words. */
typedef struct CliParams {
  char **aPos;
  int nPos;
} CliParams;

static const char *cli_param(void *p, const char *zName) {
  CliParams *c = p;
  size_t n = strlen(zName);
  for (int i = 0; i < c->nPos; i++)
    if (!strncmp(c->aPos[i], zName, n) && c->aPos[i][n] == '=')
      return c->aPos[i] + n + 1;
  return NULL;
}

typedef struct CliWho {
  Store *s;
  User u;
} CliWho;

/* The user's permission over orgId: perm_allows with the ancestors. */
static int cli_can(void *p, Perm perm, int64_t orgId) {
  CliWho *w = p;
  int64_t aAnc[64];
  int nAnc = 0;
  if (orgId && orgId != w->u.orgId) {
    nAnc = store_org_ancestors(w->s, orgId, aAnc, 64);
    if (nAnc < 0) return 0;
  }
  return perm_allows(w->u.roles, w->u.orgId, perm, orgId, aAnc, nAnc);
}

/* The secret key, as the server reads it (app_key.h: the configured
** key-file, else GONGKAI_KEY, else gongkai.key beside zDb, never created
** here) into zKey; "" when there is none. */
static void read_key(const char *zDb, char zKey[65]) {
  char *zErr = NULL;
  app_key_load(zDb, conf_value("key-file"), 0, zKey, &zErr);
  free(zErr);
}

/* Runs the registration; returns the exit status. */
static int do_register(AppAct *x) {
  AppFieldErr aErr[APP_MAX_ERRORS];
  int nErr = 0;
  char zCode[32];
  if (app_action_register(x, NULL, NULL, NULL, 0, aErr, &nErr, zCode)) {
    fprintf(stderr, "gongkai applications register: %s\n", x->zErr);
    for (int i = 1; i < nErr; i++)
      fprintf(stderr, "  %s: %s\n", aErr[i].zField, aErr[i].zMsg);
    return 1;
  }
  printf("registered %s (id %lld), received %s\ntracking code: %s\n",
         x->a.zRegNo, (long long)x->a.id, x->a.zReceivedOn, zCode);
  return 0;
}

int cmd_app_act(int argc, char **argv) {
  const char *zDb = CLI_DEFAULT_DB, *zLogin = NULL;
  CliOpt aOpt[] = {{"--db", 0, &zDb}, {"--user", 0, &zLogin}};
  CliParams par = {NULL, 0};
  int bHelp, bReg = !strcmp(argv[1], "register");
  int rc = cli_parse("applications", argc, argv, 2, aOpt, 2, &par.aPos,
                     &par.nPos, &bHelp);
  if (rc) return rc;
  if (bHelp) { fputs(zUsage, stdout); return 0; }
  if (!zLogin || (!bReg && par.nPos < 2)) { fputs(zUsage, stderr); return 2; }
  long long id = bReg ? 0 : cli_id("applications act", "申请", par.aPos[0]);
  if (!bReg && !id) return 2;
  Store *s = cli_open("applications", zDb, 0);
  if (!s) return 1;
  Arena a = ARENA_INIT;
  CliWho w = {s, {0}};
  char zKey[65];
  if (store_user_by_login(s, &a, zLogin, &w.u) != STORE_OK || w.u.bDisabled) {
    fprintf(stderr, "gongkai applications: 用户不存在或已停用：%s\n", zLogin);
    rc = 1;
  } else {
    AppActor who = {w.u.id, w.u.zName, cli_can, &w};
    CliParams kv = {par.aPos + (bReg ? 0 : 2), par.nPos - (bReg ? 0 : 2)};
    AppParams in = {cli_param, &kv};
    AppAct x;
    memset(&x, 0, sizeof x);
    read_key(zDb, zKey);
    x.store = s;
    x.arena = &a;
    x.who = &who;
    x.in = &in;
    x.dToday = date_today_cn(time(NULL));
    x.zSecretKey = zKey;
    x.orgDefault = w.u.orgId;
    if (bReg) {
      rc = do_register(&x);
    } else if (app_action_run(&x, par.aPos[1], id)) {
      fprintf(stderr, "gongkai applications act: %s\n", x.zErr);
      rc = 1;
    } else {
      printf("%s: %s done\n", x.a.zRegNo, par.aPos[1]);
    }
  }
  arena_free(&a);
  store_close(s);
  return rc;
}
