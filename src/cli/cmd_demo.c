/* cmd_demo.c — `gongkai demo`: load the demo data set (see demo.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cli_util.h"
#include "cli/commands.h"
#include "cli/demo.h"
#include "lib/crypto.h"

/* The steps, in order.  Each feature area appends its own. */
static const struct { const char *zName; DemoStep xStep; } aStep[] = {
  {"organisations and users", demo_foundation},
  {"disclosure catalogue", demo_catalogue},
  {"documents", demo_documents},
  {"portal documents", demo_portal},
  {"applications for disclosure", demo_applications},
  {"registers", demo_registers},
  {"annual reports", demo_reports},
  {"second agency (seeds 001 and 004)", demo_seed_reports},
};

int cmd_demo(int argc, char **argv) {
  const char *zDb = CLI_DEFAULT_DB, *zPw = "gongkai-demo-2026";
  CliOpt aOpt[] = {{"--db", 0, &zDb}, {"--password", 0, &zPw}};
  char **aPos;
  int nPos, bHelp;
  int rc = cli_parse("demo", argc, argv, 1, aOpt, 2, &aPos, &nPos, &bHelp);
  if (rc) return rc;
  if (bHelp) {
    puts("usage: gongkai demo [--db PATH] [--password P]\n\n"
         "Loads the demo data set drawn from the seed documents: 中宁县卫生和\n"
         "计划生育局, its departments and the units under it, users for every\n"
         "role (all with password P, default gongkai-demo-2026), and the records\n"
         "of each feature; and 安泉县卫生健康局, whose 2020 and 2018 reports\n"
         "regenerate the tables of seeds 001 and 004.  Runs once per database,\n"
         "in one transaction.");
    return 0;
  }
  if (nPos) { fprintf(stderr, "gongkai demo: unexpected argument '%s'\n", aPos[0]); return 2; }
  if (crypto_init()) return 1;
  Store *s = cli_open("demo", zDb, STORE_MIGRATE);
  if (!s) return 1;
  Arena a = ARENA_INIT;
  char *zRedacted = store_target_redacted(zDb);  /* no password shown */
  const char *zShown = arena_strdup(&a, zRedacted);
  free(zRedacted);
  Org o;
  if (store_org_by_slug(s, &a, "znwsj", &o) == STORE_OK) {
    fprintf(stderr, "gongkai demo: the demo data is already loaded in %s\n", zShown);
    store_close(s);
    arena_free(&a);
    return 1;
  }
  DemoCtx ctx;
  memset(&ctx, 0, sizeof ctx);
  ctx.s = s;
  ctx.a = &a;
  ctx.zPassword = zPw;
  rc = store_begin(s);
  for (size_t i = 0; rc == 0 && i < sizeof aStep / sizeof aStep[0]; i++) {
    if (aStep[i].xStep(&ctx)) {
      fprintf(stderr, "gongkai demo: step '%s' failed; nothing was loaded\n", aStep[i].zName);
      rc = 1;
    }
  }
  if (rc) store_rollback(s);
  else if (store_commit(s) != STORE_OK) {
    fprintf(stderr, "gongkai demo: %s\n", store_errmsg(s));
    rc = 1;
  }
  if (!rc) {
    store_audit(s, 0, ctx.bureau, "demo", zShown);
    printf("demo data loaded into %s\n"
           "demo users (password %s): office 公开办, drafter 承办人, depthead 科室负责人,\n"
           "  officehead 公开工作机构负责人, secrecy 保密审查员, leader 领导, inspector 督查,\n"
           "  sysadmin 系统管理员, "
           "hosp-admin 县医院管理员, hosp-drafter 县医院承办人;\n"
           "  安泉县卫生健康局: aq-office 公开办, aq-drafter 承办人, aq-leader 领导\n",
           zShown, zPw);
  }
  store_close(s);
  arena_free(&a);
  return rc;
}
