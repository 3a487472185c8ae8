/*
** cmd_workplan.c — `gongkai workplan`: import an annual work plan (工作要点)
** from plain text and list plans and tasks.
**
**   gongkai workplan import --org ORG --year Y FILE [--db PATH]
**   gongkai workplan list --org ORG [--year Y] [--db PATH]
**   gongkai workplan tasks PLAN_ID [--db PATH]
**
** The text is read by core/workplan.h: one task per numbered paragraph,
** lead (牵头) and co-operating (配合) departments from the closing
** parenthesis.  Exit status: 0 ok; 1 bad input or failure (message on
** stderr, nothing stored); 2 usage error.
*/
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "cli/cli_util.h"
#include "cli/commands.h"
#include "lib/buf.h"
#include "store/store_registers.h"

static const char zHelp[] =
    "usage: gongkai workplan import --org ORG --year Y FILE [--db PATH]\n"
    "       gongkai workplan list --org ORG [--year Y] [--db PATH]\n"
    "       gongkai workplan tasks PLAN_ID [--db PATH]\n\n"
    "导入年度工作要点（纯文本，UTF-8）：每项任务为一个编号段落，段末括号\n"
    "写明牵头和配合部门，如“（办公室牵头负责，局机关其他业务科室配合落实）”。\n"
    "ORG 为单位编号或网址标识。导入失败时不保存任何内容。";

/* Reads zPath ("-" for stdin) into *pb; 0 or -1 with a message. */
static int read_all(const char *zPath, Buf *pb) {
  FILE *f = strcmp(zPath, "-") ? fopen(zPath, "rb") : stdin;
  char aChunk[8192];
  size_t n;
  if (!f) {
    fprintf(stderr, "gongkai workplan: 无法打开 %s：%s\n", zPath, strerror(errno));
    return -1;
  }
  while ((n = fread(aChunk, 1, sizeof aChunk, f)) > 0) {
    buf_append(pb, aChunk, n);
    if (pb->n > WP_MAX_TEXT) break;
  }
  int bErr = ferror(f);
  if (f != stdin) fclose(f);
  if (bErr) {
    fprintf(stderr, "gongkai workplan: 读取 %s 出错\n", zPath);
    return -1;
  }
  return 0;
}

/* Parses a year option; 0 when absent or invalid (message printed when
** invalid). */
static int year_arg(const char *z) {
  if (!z) return 0;
  char *zEnd;
  long v = strtol(z, &zEnd, 10);
  if (*zEnd || v < 1990 || v > 2999) {
    fprintf(stderr, "gongkai workplan: --year must be a year, got '%s'\n", z);
    return -1;
  }
  return (int)v;
}

int cmd_workplan(int argc, char **argv) {
  const char *zDb = CLI_DEFAULT_DB, *zOrg = NULL, *zYear = NULL;
  CliOpt aOpt[] = {{"--db", 0, &zDb}, {"--org", 0, &zOrg}, {"--year", 0, &zYear}};
  char **aPos;
  int nPos, bHelp;
  if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
    puts(zHelp);
    return argc < 2 ? 2 : 0;
  }
  const char *zSub = argv[1];
  int rc = cli_parse("workplan", argc, argv, 2, aOpt, 3, &aPos, &nPos, &bHelp);
  if (rc) return rc;
  if (bHelp) { puts(zHelp); return 0; }
  if (strcmp(zSub, "import") && strcmp(zSub, "list") && strcmp(zSub, "tasks")) {
    fprintf(stderr, "gongkai workplan: unknown subcommand '%s'\n%s\n", zSub, zHelp);
    return 2;
  }
  int year = year_arg(zYear);
  if (year < 0) return 2;
  if (!strcmp(zSub, "import") && (!zOrg || !year || nPos != 1)) {
    fputs("gongkai workplan import: --org, --year and one FILE are required\n", stderr);
    return 2;
  }
  if (!strcmp(zSub, "list") && (!zOrg || nPos)) {
    fputs("gongkai workplan list: --org is required\n", stderr);
    return 2;
  }
  if (!strcmp(zSub, "tasks") && nPos != 1) {
    fputs("gongkai workplan tasks: give one PLAN_ID\n", stderr);
    return 2;
  }
  Store *s = cli_open("workplan", zDb, 0);
  if (!s) return 1;
  Arena a = ARENA_INIT;
  rc = 0;
  if (!strcmp(zSub, "import")) {
    Buf b = BUF_INIT;
    WpPlan plan;
    const char *zErr = NULL;
    int64_t id = 0;
    long long org = cli_org("workplan import", s, &a, zOrg);
    if (!org || read_all(aPos[0], &b)) {
      rc = 1;
    } else if (workplan_parse(&a, b.z ? b.z : "", b.n, &plan, &zErr)) {
      fprintf(stderr, "gongkai workplan import: %s\n", zErr);
      rc = 1;
    } else if (store_workplan_import(s, org, year, &plan, buf_str(&b), &id) != STORE_OK) {
      fprintf(stderr, "gongkai workplan import: %s\n", store_errmsg(s));
      rc = 1;
    } else {
      store_audit(s, 0, org, "workplan.import", plan.zTitle);
      printf("work plan %lld \"%s\" (%d): %d tasks\n", (long long)id, plan.zTitle,
             year, plan.nTask);
    }
    buf_free(&b);
  } else if (!strcmp(zSub, "list")) {
    WorkplanRec *aW;
    int n;
    char zToday[DATE_STRLEN];
    date_format(date_today_cn(time(NULL)), zToday);
    long long org = cli_org("workplan list", s, &a, zOrg);
    if (!org) rc = 1;
    else if (store_workplan_list(s, &a, org, 0, year, zToday, &aW, &n) != STORE_OK) {
      fprintf(stderr, "gongkai workplan list: %s\n", store_errmsg(s));
      rc = 1;
    } else {
      for (int i = 0; i < n; i++)
        printf("%lld\t%d\t%s\t%d tasks\t%d done\t%d overdue\n", (long long)aW[i].id,
               aW[i].year, aW[i].zTitle, aW[i].nTask, aW[i].nDone, aW[i].nOverdue);
    }
  } else {
    TaskRec *aT;
    int n;
    long long id = cli_id("workplan tasks", "PLAN_ID", aPos[0]);
    if (!id) rc = 2;
    else if (store_workplan_tasks(s, &a, id, &aT, &n) != STORE_OK) {
      fprintf(stderr, "gongkai workplan tasks: %s\n", store_errmsg(s));
      rc = 1;
    } else {
      for (int i = 0; i < n; i++)
        printf("%s\t%s\t%s\t%s\n", aT[i].zNumber, aT[i].zLead, aT[i].zCo, aT[i].zDueOn);
    }
  }
  store_close(s);
  arena_free(&a);
  return rc;
}
