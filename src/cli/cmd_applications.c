/*
** cmd_applications.c — `gongkai applications`: the year's application
** figures with the carry-over reconciliation, recalculation of open
** deadlines, and loading a new year's official holidays (which triggers
** the recalculation, each moved due date being logged in
** application_due_change).
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "cli/cli_util.h"
#include "cli/commands.h"
#include "lib/buf.h"
#include "store/store_applications.h"

static const char zUsage[] =
    "usage: gongkai applications year YEAR [--org ID|SLUG] [--db PATH]\n"
    "       gongkai applications recalc [--all] [--db PATH]\n"
    "       gongkai applications holidays FILE [--db PATH]\n"
    "       gongkai applications act ID ACTION --user LOGIN [NAME=VALUE ...]\n"
    "       gongkai applications register --user LOGIN NAME=VALUE ...\n"
    "       gongkai applications clock --received DATE --channel C\n"
    "           [--event KIND:DATE[:ARG[:TEXT]]]... [--today DATE] [--json]\n\n"
    "year      prints 新收 / 上年结转 / 办结 / 结转下年度 for YEAR and the\n"
    "          cells of table 三 (t3 ROW COLUMN N), and checks 新收 + 上年结转 =\n"
    "          办结 + 结转下年度 overall and per column (exit 1 when it fails).\n"
    "recalc    recomputes the due date of every open application from the\n"
    "          holiday table and logs each change; --all also answered ones\n"
    "          (after an upgrade that changed the clock's rules).\n"
    "holidays  adds the overrides of FILE (format of data/holidays_cn.csv:\n"
    "          date,kind,name) to the holiday table, then runs recalc.\n"
    "act       one workflow action as user LOGIN (the pages' and the API's\n"
    "          function; `gongkai applications act --help`).\n"
    "register  registers an application as user LOGIN.\n"
    "clock     the answer clock: due date and every step with its article\n"
    "          (`gongkai applications clock --help`).\n";

/* Reads a whole file into a new heap string; 0 or -1 with a message. */
static int slurp(const char *zPath, char **pz, size_t *pn) {
  FILE *f = fopen(zPath, "rb");
  if (!f) {
    fprintf(stderr, "gongkai applications: 无法打开 %s\n", zPath);
    return -1;
  }
  Buf b = BUF_INIT;
  char aBuf[4096];
  size_t n;
  while ((n = fread(aBuf, 1, sizeof aBuf, f)) > 0) buf_append(&b, aBuf, n);
  fclose(f);
  *pn = b.n;
  *pz = buf_steal(&b);
  if (!*pz) *pz = xstrdup("");
  return 0;
}

/* Recalculates every open application (bAll: every one, answered ones
** too); returns the exit status. */
static int recalc(Store *s, const char *zReason, int bAll) {
  Calendar cal;
  int n = 0;
  if (store_app_calendar(s, &cal) != STORE_OK ||
      store_app_recalc(s, &cal, date_today_cn(time(NULL)), zReason, bAll,
                       &n) != STORE_OK) {
    fprintf(stderr, "gongkai applications: %s\n", store_errmsg(s));
    cal_free(&cal);
    return 1;
  }
  cal_free(&cal);
  /* Record the calendar just used, so the pages do not redo the work. */
  store_app_recalc_if_calendar_changed(s, date_today_cn(time(NULL)), NULL);
  printf("%d %sapplication(s) got a new due date\n", n, bAll ? "" : "open ");
  return 0;
}

/* Prints the non-zero cells of table 三 ("t3 ROW COLUMN N") for year y over
** org (0: every root organisation with its subtree) and checks rule R1 per
** applicant column; returns 0, or 1 when a column does not reconcile. */
static int print_t3(Store *s, Arena *a, long long org, int y) {
  Org *aOrg = NULL;
  int nOrg = 0, rc = 0;
  int aSum[6][4];
  memset(aSum, 0, sizeof aSum);
  if (!org && store_org_tree(s, a, 0, &aOrg, &nOrg) != STORE_OK) return 1;
  for (int i = 0; i < (org ? 1 : nOrg); i++) {
    if (!org && aOrg[i].depth != 0) continue;
    AppT3Cell *aCell;
    int n;
    if (store_app_t3(s, a, org ? org : aOrg[i].id, 1, y, &aCell, &n) !=
        STORE_OK) {
      fprintf(stderr, "gongkai applications: %s\n", store_errmsg(s));
      return 1;
    }
    for (int k = 0; k < n; k++) {
      printf("t3 %s %s %d\n", aCell[k].zRow, aCell[k].zCol, aCell[k].n);
      int iCol = 0, iRow;
      while (aAppApplicantType[iCol].zId &&
             strcmp(aAppApplicantType[iCol].zId, aCell[k].zCol))
        iCol++;
      if (iCol >= 6) continue;
      iRow = !strcmp(aCell[k].zRow, "new")          ? 0
             : !strcmp(aCell[k].zRow, "carried_in") ? 1
             : !strcmp(aCell[k].zRow, "carry_out")  ? 3
                                                    : 2;
      aSum[iCol][iRow] += aCell[k].n;
    }
  }
  for (int c = 0; c < 6; c++) {
    if (aSum[c][0] + aSum[c][1] != aSum[c][2] + aSum[c][3]) {
      fprintf(stderr, "gongkai applications: %s 列勾稽关系不成立\n",
              aAppApplicantType[c].zId);
      rc = 1;
    }
  }
  return rc;
}

int cmd_applications(int argc, char **argv) {
  const char *zDb = CLI_DEFAULT_DB, *zOrg = NULL, *zAll = NULL;
  if (argc > 1 && !strcmp(argv[1], "clock")) return cmd_app_clock(argc, argv);
  if (argc > 1 && (!strcmp(argv[1], "act") || !strcmp(argv[1], "register")))
    return cmd_app_act(argc, argv);
  CliOpt aOpt[] = {{"--db", 0, &zDb}, {"--org", 0, &zOrg}, {"--all", 1, &zAll}};
  char **aPos;
  int nPos, bHelp;
  int rc =
      cli_parse("applications", argc, argv, 1, aOpt, 3, &aPos, &nPos, &bHelp);
  if (rc) return rc;
  if (bHelp || nPos == 0) {
    fputs(zUsage, bHelp ? stdout : stderr);
    return bHelp ? 0 : 2;
  }
  const char *zSub = aPos[0];
  if (strcmp(zSub, "year") && strcmp(zSub, "recalc") &&
      strcmp(zSub, "holidays")) {
    fprintf(stderr, "gongkai applications: unknown subcommand '%s'\n", zSub);
    return 2;
  }
  if ((!strcmp(zSub, "recalc") && nPos != 1) ||
      (strcmp(zSub, "recalc") && nPos != 2)) {
    fputs(zUsage, stderr);
    return 2;
  }
  Store *s = cli_open("applications", zDb, STORE_MIGRATE);
  if (!s) return 1;
  Arena a = ARENA_INIT;
  rc = 0;
  if (!strcmp(zSub, "year")) {
    int y = atoi(aPos[1]);
    long long org = zOrg ? cli_org("applications", s, &a, zOrg) : 0;
    AppYearCounts c;
    if (y < 2000 || y > 2200) {
      fprintf(stderr, "gongkai applications: 年份无效“%s”\n", aPos[1]);
      rc = 2;
    } else if (zOrg && !org) {
      rc = 1;
    } else if (store_app_year_counts(s, org, y, &c) != STORE_OK) {
      fprintf(stderr, "gongkai applications: %s\n", store_errmsg(s));
      rc = 1;
    } else {
      printf("%d 新收 %d 上年结转 %d 办结 %d 结转下年度 %d\n", y, c.nNew,
             c.nCarriedIn, c.nClosed, c.nCarriedOut);
      if (c.nNew + c.nCarriedIn != c.nClosed + c.nCarriedOut) {
        fprintf(stderr, "gongkai applications: 勾稽关系不成立\n");
        rc = 1;
      }
      rc |= print_t3(s, &a, org, y);
    }
  } else if (!strcmp(zSub, "recalc")) {
    rc = recalc(s, zAll ? "按现行期限规则重新计算（含已办结）" : "手动重新计算",
                zAll != NULL);
  } else {
    char *z;
    size_t n;
    Calendar add;
    cal_init(&add);
    if (slurp(aPos[1], &z, &n)) {
      rc = 1;
    } else {
      if (cal_load_csv(&add, z, n, aPos[1]) != CAL_OK) {
        fprintf(stderr, "gongkai applications: %s\n", add.zErr);
        rc = 1;
      }
      free(z);
    }
    if (!rc && store_begin(s) == STORE_OK) {
      for (int i = 0; !rc && i < add.nOv; i++) {
        char zD[DATE_STRLEN];
        if (store_holiday_put(
                s, date_format(add.aOv[i].date, zD),
                add.aOv[i].eKind == CAL_WORKDAY ? "workday" : "holiday",
                add.aOv[i].zName) != STORE_OK)
          rc = 1;
      }
      if (!rc && store_commit(s) != STORE_OK) rc = 1;
      if (rc) {
        store_rollback(s);
        fprintf(stderr, "gongkai applications: %s\n", store_errmsg(s));
      }
    }
    if (!rc) {
      printf("%d calendar override(s) loaded from %s\n", add.nOv, aPos[1]);
      rc = recalc(s, "节假日安排更新后重新计算", 0);
    }
    cal_free(&add);
  }
  arena_free(&a);
  store_close(s);
  return rc;
}
