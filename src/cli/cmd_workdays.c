/*
** cmd_workdays.c — `gongkai workdays`: working-day arithmetic on the
** official calendar from the command line (core/calendar.h).
**
**   gongkai workdays add DATE N            the N-th working day after DATE
**   gongkai workdays between DATE1 DATE2   working days in (DATE1, DATE2]
**   --calendar FILE   holiday CSV (date,kind,name); default: the embedded
**                     data/holidays_cn.csv
**
** Exit status: 0 ok; 1 bad input (message on stderr); 2 usage error.  A
** warning goes to stderr when a date lies in a year the calendar does not
** cover.
*/
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/commands.h"
#include "core/calendar.h"
#include "lib/buf.h"
#include "lib/date.h"
#include "lib/embed.h"

static const char zUsage[] =
  "usage: gongkai workdays add DATE N [--calendar FILE]\n"
  "       gongkai workdays between DATE1 DATE2 [--calendar FILE]\n"
  "\n"
  "按官方放假和调休安排计算工作日（周一至周五，扣除法定节假日，\n"
  "加上调休上班日）。\n"
  "  add DATE N          输出 DATE 之后第 N 个工作日（DATE 当日不计，N >= 0）\n"
  "  between DATE1 DATE2 输出 (DATE1, DATE2] 内的工作日数；\n"
  "                      DATE2 早于 DATE1 时为负数\n"
  "  --calendar FILE     节假日 CSV（表头 date,kind,name）；默认使用内置的\n"
  "                      data/holidays_cn.csv\n"
  "日期格式为 YYYY-MM-DD。日期所在年份没有官方数据时，在标准错误输出警告。\n";

/* Reads the whole file zPath into a new buffer (*pz, *pn); 0 or -1 with a
** message on stderr. */
static int read_file(const char *zPath, char **pz, size_t *pn) {
  FILE *f = fopen(zPath, "rb");
  Buf b = BUF_INIT;
  char aChunk[8192];
  size_t n;
  if (!f) {
    fprintf(stderr, "gongkai workdays: 无法打开 %s：%s\n", zPath,
            strerror(errno));
    return -1;
  }
  while ((n = fread(aChunk, 1, sizeof aChunk, f)) > 0)
    buf_append(&b, aChunk, n);
  int bErr = ferror(f);
  fclose(f);
  if (bErr) {
    fprintf(stderr, "gongkai workdays: 读取 %s 出错\n", zPath);
    buf_free(&b);
    return -1;
  }
  *pn = b.n;
  *pz = buf_steal(&b);
  if (!*pz) *pz = xstrdup("");
  return 0;
}

/* Loads the calendar from zFile, or the embedded copy when zFile is NULL.
** 0 or -1 with a message on stderr. */
static int load_calendar(Calendar *pCal, const char *zFile) {
  int rc;
  if (zFile) {
    char *z;
    size_t n;
    if (read_file(zFile, &z, &n)) return -1;
    rc = cal_load_csv(pCal, z, n, zFile);
    free(z);
  } else {
    const Embedded *p = embed_find(aData, "holidays_cn.csv");
    if (!p) {
      fputs("gongkai workdays: 程序中没有内置的 holidays_cn.csv\n", stderr);
      return -1;
    }
    rc = cal_load_csv(pCal, (const char *)p->pData, p->nData,
                      "holidays_cn.csv");
  }
  if (rc) {
    fprintf(stderr, "gongkai workdays: %s\n", pCal->zErr);
    return -1;
  }
  return 0;
}

/* Parses a date argument; 0 or -1 with a message on stderr. */
static int parse_date_arg(const char *z, Date *pd) {
  if (date_parse(z, pd) == 0) return 0;
  fprintf(stderr, "gongkai workdays: 日期无效“%s”（应为真实存在的日期，格式"
          " YYYY-MM-DD）\n", z);
  return -1;
}

/* Warns on stderr when a year between d1 and d2 has no official data. */
static void warn_coverage(const Calendar *pCal, Date d1, Date d2) {
  int y = 0, yF = 0, yL = 0;
  if (cal_covers_range(pCal, d1, d2, &y)) return;
  cal_coverage(pCal, &yF, &yL);
  if (yF)
    fprintf(stderr, "gongkai workdays: 警告：日历没有%d年的官方放假安排（已载入"
            " %d–%d 年），该年按周一至周五计算，结果可能不准确\n", y, yF, yL);
  else
    fprintf(stderr, "gongkai workdays: 警告：日历没有%d年的官方放假安排，"
            "该年按周一至周五计算，结果可能不准确\n", y);
}

int cmd_workdays(int argc, char **argv) {
  const char *zCalendar = NULL;
  CliOpt aOpt[] = {{"--calendar", 0, &zCalendar}};
  char **aPos;
  int nPos, bHelp;
  int rc = cli_parse("workdays", argc, argv, 1, aOpt, 1, &aPos, &nPos, &bHelp);
  if (rc) return rc;
  if (bHelp) {
    fputs(zUsage, stdout);
    return 0;
  }
  if (nPos != 3 || (strcmp(aPos[0], "add") && strcmp(aPos[0], "between"))) {
    fputs(zUsage, stderr);
    return 2;
  }
  Date d1, d2;
  long n = 0;
  if (parse_date_arg(aPos[1], &d1)) return 1;
  int bAdd = !strcmp(aPos[0], "add");
  if (bAdd) {
    char *zEnd;
    errno = 0;
    n = strtol(aPos[2], &zEnd, 10);
    if (errno || zEnd == aPos[2] || *zEnd || aPos[2][0] < '0' ||
        aPos[2][0] > '9' || n > 100000) {
      fprintf(stderr, "gongkai workdays: 工作日数无效“%s”（应为 0 到 100000 的"
              "整数）\n", aPos[2]);
      return 1;
    }
  } else if (parse_date_arg(aPos[2], &d2)) {
    return 1;
  }
  Calendar cal;
  cal_init(&cal);
  if (load_calendar(&cal, zCalendar)) {
    cal_free(&cal);
    return 1;
  }
  char z[DATE_STRLEN];
  if (bAdd) {
    Date e = cal_add_workdays(&cal, d1, (int)n);
    warn_coverage(&cal, d1, e);
    printf("%s\n", date_format(e, z));
  } else {
    int k = d2 >= d1 ? cal_workdays_between(&cal, d1, d2)
                     : -cal_workdays_between(&cal, d2, d1);
    warn_coverage(&cal, d1, d2);
    printf("%d\n", k);
  }
  cal_free(&cal);
  return 0;
}
