/*
** cmd_report.c — `gongkai report SUBCOMMAND`: annual reports from the
** command line.  Subcommands (table below): check.  `show` and `export`
** come later, once reports are computed from the stores.
**
**   gongkai report check FILE [--strict] [--format ID] [--prev FILE]
**
** FILE is the JSON form (see core/report.h) or the text of a published
** report (see core/report_text.h); "-" reads standard input.  Prints the
** format, the notes from reading, every violation and every blank-cell
** warning.  Exit status: 0 no rule broken (blank cells and warning-level
** rules are warnings; --strict makes them fail too), 1 a rule is broken by
** the printed numbers, 2 the input cannot be read or bad usage.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/commands.h"
#include "core/report.h"
#include "core/report_text.h"
#include "cli/cli_util.h"
#include "lib/buf.h"
#include "store/store_reports.h"
#include "web/reports.h"

/* Reads a whole file ("-" = stdin), any bytes.  Returns 0, or -1 with
** *pzErr (static text). */
static int read_all(const char *zPath, Buf *b, const char **pzErr) {
  FILE *in = strcmp(zPath, "-") ? fopen(zPath, "rb") : stdin;
  char a[8192];
  size_t n;
  if (!in) { *pzErr = "无法打开文件"; return -1; }
  while ((n = fread(a, 1, sizeof a, in)) > 0) buf_append(b, a, n);
  int bErr = ferror(in);
  if (in != stdin) fclose(in);
  if (bErr) { *pzErr = "读取失败"; return -1; }
  return 0;
}

static int report_check_cmd(int argc, char **argv) {
  const char *zStrict = NULL, *zFormat = NULL, *zPrev = NULL, *zJson = NULL;
  CliOpt aOpt[] = {
    {"--strict", 1, &zStrict},
    {"--format", 0, &zFormat},
    {"--prev", 0, &zPrev},
    {"--json", 1, &zJson},
  };
  char **aPos;
  int nPos, bHelp, rc;
  RfSet set = {0};
  char *zErr = NULL;
  const char *zRead = NULL;
  Buf file = BUF_INIT, prev = BUF_INIT, out = BUF_INIT;
  rc = cli_parse("report check", argc, argv, 1, aOpt, 4, &aPos, &nPos,
                 &bHelp);
  if (rc) return rc;
  if (bHelp) {
    puts("usage: gongkai report check FILE [--strict] [--json] [--format ID] "
         "[--prev FILE]\n\n"
         "Checks an annual report against its format's consistency rules,\n"
         "the format against the report's year, and the numbers in its text\n"
         "against its tables.  FILE is the report as published: PDF, a saved\n"
         "web page (HTML), DOCX, XLSX, JSON ({\"format\":\"2021\",...}) or "
         "text;\nthe kind is found from the content; - reads standard input.\n\n"
         "  --format ID  the format (2021, 2019, stat2018); default: from "
         "the file\n"
         "  --prev FILE  last year's report, for the cross-year rules\n"
         "  --strict     blank cells and warnings also fail\n"
         "  --json       print the findings as JSON\n\n"
         "Exit status: 0 consistent, 1 a rule is broken, 2 unreadable "
         "input.");
    return 0;
  }
  if (nPos != 1) {
    fprintf(stderr, "gongkai report check: expected one FILE (see --help)\n");
    return 2;
  }
  if (rf_set_load_builtin(&set, &zErr)) {
    fprintf(stderr, "gongkai report check: formats: %s\n", zErr);
    free(zErr);
    return 2;
  }
  if (zFormat && !rf_format_find(&set, zFormat)) {
    fprintf(stderr, "gongkai report check: 未知的报告格式：%s\n", zFormat);
    rf_set_free(&set);
    return 2;
  }
  if (read_all(aPos[0], &file, &zRead) ||
      (zPrev && read_all(zPrev, &prev, &zRead))) {
    fprintf(stderr, "gongkai report check: %s: %s\n",
            zRead && file.n ? zPrev : aPos[0], zRead);
    rc = 2;
  } else {
    RcInput in = {buf_str(&file), file.n, zFormat, zStrict != NULL,
                  zPrev ? buf_str(&prev) : NULL, prev.n};
    rc = report_check_bytes(&set, &in, zJson ? NULL : &out, zJson ? &out : NULL);
    if (rc == 2 && !zJson)
      fprintf(stderr, "gongkai report check: %s: %s", aPos[0], buf_str(&out));
    else
      fputs(buf_str(&out), stdout);
  }
  buf_free(&file);
  buf_free(&prev);
  buf_free(&out);
  rf_set_free(&set);
  return rc;
}

/* Builds the report of (org, year, scope) from the database for show and
** export: the stored one or the computed numbers.  Returns 0, or an exit
** status after printing why.  *pRec gets the stored record (id 0 when
** computed). */
static int db_report(const char *zCmd, const char *zDb, const char *zOrg,
                     const char *zYear, int bSubtree, RfSet *pSet, Arena *a,
                     ReportRec *pRec, Report **pp) {
  char *zErr = NULL;
  int year = zYear ? atoi(zYear) : 0, rc;
  *pp = NULL;
  if (!zOrg || year < 1990 || year > 2999) {
    fprintf(stderr, "gongkai %s: --org and a valid --year are required\n",
            zCmd);
    return 2;
  }
  if (rf_set_load_builtin(pSet, &zErr)) {
    fprintf(stderr, "gongkai %s: formats: %s\n", zCmd, zErr);
    free(zErr);
    return 2;
  }
  Store *s = cli_open(zCmd, zDb, STORE_MIGRATE);
  if (!s) return 1;
  long long org = cli_org(zCmd, s, a, zOrg);
  if (!org) {
    store_close(s);
    return 1;
  }
  rc = store_report_get(s, a, org, year, bSubtree, pRec);
  if (rc == STORE_OK) {
    rc = store_report_build(s, pSet, pRec, 0, pp);
  } else if (rc == STORE_NOTFOUND) {
    Org o;
    memset(pRec, 0, sizeof *pRec);
    rc = store_org_get(s, a, org, &o);
    const RfFormat *f =
        rf_format_find(pSet, store_report_format_for_year(year));
    if (!rc && f) {
      *pp = report_new(f, o.zName, year);
      rc = store_report_compute(s, org, bSubtree, 0, *pp);
    }
  }
  if (rc) {
    fprintf(stderr, "gongkai %s: %s\n", zCmd, store_errmsg(s));
    report_free(*pp);
    *pp = NULL;
    store_close(s);
    return 1;
  }
  store_close(s);
  return 0;
}

static int report_show_cmd(int argc, char **argv) {
  const char *zDb = CLI_DEFAULT_DB, *zOrg = NULL, *zYear = NULL;
  const char *zSub = NULL, *zFormat = "json";
  CliOpt aOpt[] = {{"--db", 0, &zDb},        {"--org", 0, &zOrg},
                   {"--year", 0, &zYear},    {"--subtree", 1, &zSub},
                   {"--format", 0, &zFormat}};
  char **aPos;
  int nPos, bHelp, rc;
  RfSet set = {0};
  Arena a = ARENA_INIT;
  ReportRec rec;
  Report *p = NULL;
  rc = cli_parse("report show", argc, argv, 1, aOpt, 5, &aPos, &nPos, &bHelp);
  if (rc) return rc;
  if (bHelp) {
    puts("usage: gongkai report show --org ORG --year Y [--subtree] "
         "[--format json|csv] [--db PATH]\n\n"
         "Prints the annual report of an organisation (or its whole subtree)\n"
         "computed from the records, with the stored overrides.");
    return 0;
  }
  if (strcmp(zFormat, "json") && strcmp(zFormat, "csv")) {
    fprintf(stderr, "gongkai report show: --format json or csv\n");
    return 2;
  }
  rc = db_report("report show", zDb, zOrg, zYear, zSub != NULL, &set, &a,
                 &rec, &p);
  if (!rc) {
    Buf b = BUF_INIT;
    if (!strcmp(zFormat, "csv")) report_out_csv(p, &b);
    else {
      char *z = report_to_json(p);
      buf_puts(&b, z);
      buf_putc(&b, '\n');
      free(z);
    }
    fwrite(buf_str(&b), 1, b.n, stdout);
    buf_free(&b);
  }
  report_free(p);
  rf_set_free(&set);
  arena_free(&a);
  return rc;
}

static int report_export_cmd(int argc, char **argv) {
  const char *zDb = CLI_DEFAULT_DB, *zOrg = NULL, *zYear = NULL;
  const char *zSub = NULL, *zFormat = NULL, *zOut = NULL;
  CliOpt aOpt[] = {{"--db", 0, &zDb},        {"--org", 0, &zOrg},
                   {"--year", 0, &zYear},    {"--subtree", 1, &zSub},
                   {"--format", 0, &zFormat}, {"--out", 0, &zOut}};
  char **aPos;
  int nPos, bHelp, rc;
  RfSet set = {0};
  Arena a = ARENA_INIT;
  ReportRec rec;
  Report *p = NULL;
  rc = cli_parse("report export", argc, argv, 1, aOpt, 6, &aPos, &nPos,
                 &bHelp);
  if (rc) return rc;
  if (bHelp) {
    puts("usage: gongkai report export --org ORG --year Y [--subtree] "
         "--format xlsx|docx|csv|json --out FILE [--db PATH]\n\n"
         "Writes the annual report as a file.");
    return 0;
  }
  if (!zFormat || !zOut ||
      (strcmp(zFormat, "xlsx") && strcmp(zFormat, "docx") &&
       strcmp(zFormat, "csv") && strcmp(zFormat, "json"))) {
    fprintf(stderr, "gongkai report export: --format xlsx|docx|csv|json and "
                    "--out FILE are required\n");
    return 2;
  }
  rc = db_report("report export", zDb, zOrg, zYear, zSub != NULL, &set, &a,
                 &rec, &p);
  if (!rc) {
    Buf b = BUF_INIT;
    char *z6 = report_section6(p, rec.zSection6);
    ReportText txt = {rec.zSection1, rec.zSection5, z6};
    int bad = 0;
    if (!strcmp(zFormat, "csv")) report_out_csv(p, &b);
    else if (!strcmp(zFormat, "json")) {
      char *z = report_to_json(p);
      buf_puts(&b, z);
      buf_putc(&b, '\n');
      free(z);
    } else if (!strcmp(zFormat, "docx")) bad = report_out_docx(p, &txt, &b);
    else bad = report_out_xlsx_buf(p, &txt, &b);
    FILE *out = bad ? NULL : fopen(zOut, "wb");
    if (!out || fwrite(buf_str(&b), 1, b.n, out) != b.n) {
      fprintf(stderr, "gongkai report export: cannot write %s\n", zOut);
      rc = 1;
    }
    if (out && fclose(out)) rc = 1;
    buf_free(&b);
    free(z6);
  }
  report_free(p);
  rf_set_free(&set);
  arena_free(&a);
  return rc;
}

/* Subcommands, sorted. */
static const CliCmd aSub[] = {
  {"check", report_check_cmd, "check a report's consistency rules"},
  {"export", report_export_cmd, "write a report as xlsx, docx, csv or json"},
  {"show", report_show_cmd, "print a report computed from the database"},
};

int cmd_report(int argc, char **argv) {
  size_t i;
  if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
    FILE *out = argc < 2 ? stderr : stdout;
    fputs("usage: gongkai report SUBCOMMAND ...\n\nsubcommands:\n", out);
    for (i = 0; i < sizeof aSub / sizeof aSub[0]; i++)
      fprintf(out, "  %-8s %s\n", aSub[i].zName, aSub[i].zSummary);
    return argc < 2 ? 2 : 0;
  }
  for (i = 0; i < sizeof aSub / sizeof aSub[0]; i++)
    if (!strcmp(aSub[i].zName, argv[1]))
      return aSub[i].xRun(argc - 1, argv + 1);
  fprintf(stderr, "gongkai report: unknown subcommand '%s'\n", argv[1]);
  return 2;
}
