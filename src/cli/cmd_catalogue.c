/*
** cmd_catalogue.c — `gongkai catalogue import|export|list`: the disclosure
** catalogue of one organisation from and to CSV/TSV/XLSX files.  The rules
** (header aliases, per-row errors) are in core/catalogue.c; the file
** formats in lib/table.c.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cli_util.h"
#include "cli/commands.h"
#include "core/catalogue.h"
#include "lib/table.h"
#include "store/store_catalogue.h"

static const char zUsage[] =
    "usage: gongkai catalogue import --org ORG FILE [--list LIST]\n"
    "                                [--skip-bad-rows] [--dry-run] [--db PATH]\n"
    "       gongkai catalogue export --org ORG --format csv|tsv|xlsx\n"
    "                                --out FILE [--list LIST]\n"
    "                                [--columns H1,H2,...] [--db PATH]\n"
    "       gongkai catalogue list --org ORG [--list LIST] [--db PATH]\n\n"
    "ORG is an organisation id or slug.  LIST is proactive (主动公开基本目录,\n"
    "the default), on_request (依申请公开目录) or negative (负面清单).\n"
    "import reads CSV or TSV (UTF-8 with or without BOM, or GB18030) or XLSX\n"
    "(by content).  The header is the first row naming known columns (序号,\n"
    "类别/一级事项, 公开内容, 公开形式/公开方式 …; title rows above it are\n"
    "skipped, two-row headers and channel checkbox columns understood).\n"
    "Items are appended to the list in one transaction.\n"
    "Any error in the file stops the import and nothing is stored, unless\n"
    "--skip-bad-rows is given (then good rows are stored, bad rows and unknown\n"
    "columns are reported).  --dry-run only checks the file.\n"
    "export writes every column, or with --columns only the named ones\n"
    "under the names given (aliases allowed), e.g. seed 000's layout:\n"
    "--columns 序号,类别,公开内容,公开形式,公开时限,公开渠道,更新频率,负责科室,\n"
    "责任科室负责人,联系电话\n";

/* Reads a whole file into the arena; NULL with a message on failure. */
static char *read_file(Arena *a, const char *zPath, size_t *pn) {
  FILE *f = fopen(zPath, "rb");
  if (!f) {
    fprintf(stderr, "gongkai catalogue: cannot open %s\n", zPath);
    return NULL;
  }
  Buf b = BUF_INIT;
  char aBuf[65536];
  size_t got;
  while ((got = fread(aBuf, 1, sizeof aBuf, f)) > 0) buf_append(&b, aBuf, got);
  int bErr = ferror(f);
  fclose(f);
  if (bErr) {
    buf_free(&b);
    fprintf(stderr, "gongkai catalogue: cannot read %s\n", zPath);
    return NULL;
  }
  char *p = arena_alloc(a, b.n + 1);
  if (b.n) memcpy(p, b.z, b.n);
  *pn = b.n;
  buf_free(&b);
  return p;
}

/* `catalogue import`: report on stderr; exit status 0 or 1. */
static int cat_import(Store *s, Arena *a, long long org, const char *zList,
                      const char *zFile, int bSkip, int bDry) {
  size_t n;
  char *p = read_file(a, zFile, &n);
  if (!p) return 1;
  Table t;
  const char *zErr = NULL;
  if (table_read(a, p, n, &t, &zErr)) {
    fprintf(stderr, "gongkai catalogue: %s: %s\n", zFile, zErr);
    return 1;
  }
  CatImport ci;
  cat_import_map(a, &t, zList, org, &ci);
  fputs(cat_import_report_text(a, &ci), stderr);
  if (!cat_import_ok(&ci, bSkip)) {
    fprintf(stderr, "gongkai catalogue: %s: 文件有错误，未导入任何内容%s\n",
            zFile,
            (ci.nFileError || ci.nItem == 0)
                ? ""
                : "（可用 --skip-bad-rows 跳过错误行）");
    return 1;
  }
  if (bDry) {
    printf("%d items would be imported (dry run)\n", ci.nItem);
    return 0;
  }
  if (store_cat_import(s, org, ci.aItem, ci.nItem) != STORE_OK) {
    fprintf(stderr, "gongkai catalogue: %s\n", store_errmsg(s));
    return 1;
  }
  store_audit(s, 0, org, "catalogue.import",
              arena_printf(a, "%s: %d", zFile, ci.nItem));
  printf("imported %d items into %s\n", ci.nItem, cat_list_label(zList));
  return 0;
}

/* `catalogue export`: writes zOut; 0, 1 (I/O) or 2 (bad --columns). */
static int cat_export(Store *s, Arena *a, long long org, const char *zList,
                      const char *zFormat, const char *zColumns,
                      const char *zOut) {
  CatItem *aItem;
  int n;
  if (store_cat_list(s, a, org, zList, &aItem, &n) != STORE_OK) {
    fprintf(stderr, "gongkai catalogue: %s\n", store_errmsg(s));
    return 1;
  }
  Table t;
  const char *zErr = NULL;
  if (zColumns) {
    zErr = cat_export_columns(a, aItem, n, zColumns, &t);
    if (zErr) {
      fprintf(stderr, "gongkai catalogue: --columns: %s\n", zErr);
      return 2;
    }
  } else {
    cat_export_table(a, aItem, n, &t);
  }
  Buf b = BUF_INIT;
  if (!strcmp(zFormat, "csv")) {
    table_write_csv(&t, &b);
  } else if (!strcmp(zFormat, "tsv")) {
    table_write_tsv(&t, &b);
  } else if (table_write_xlsx(&t, cat_list_label(zList), &b, &zErr)) {
    fprintf(stderr, "gongkai catalogue: %s\n", zErr);
    buf_free(&b);
    return 1;
  }
  FILE *f = fopen(zOut, "wb");
  int rc = 0;
  if (!f || fwrite(b.z ? b.z : "", 1, b.n, f) != b.n) rc = 1;
  if (f && fclose(f)) rc = 1;
  buf_free(&b);
  if (rc) {
    fprintf(stderr, "gongkai catalogue: cannot write %s\n", zOut);
    return 1;
  }
  printf("exported %d items to %s\n", n, zOut);
  return 0;
}

/* `catalogue list`: id, 序号, 一级, 二级, 内容 tab-separated on stdout. */
static int cat_print(Store *s, Arena *a, long long org, const char *zList) {
  CatItem *aItem;
  int n;
  if (store_cat_list(s, a, org, zList, &aItem, &n) != STORE_OK) {
    fprintf(stderr, "gongkai catalogue: %s\n", store_errmsg(s));
    return 1;
  }
  for (int i = 0; i < n; i++)
    printf("%lld\t%d\t%s\t%s\t%s\n", (long long)aItem[i].id, aItem[i].seq,
           aItem[i].zLevel1, aItem[i].zLevel2, aItem[i].zContent);
  return 0;
}

int cmd_catalogue(int argc, char **argv) {
  const char *zDb = CLI_DEFAULT_DB, *zOrg = NULL, *zList = "proactive";
  const char *zFormat = NULL, *zOut = NULL, *zSkip = NULL, *zDry = NULL;
  const char *zColumns = NULL;
  CliOpt aOpt[] = {{"--db", 0, &zDb},          {"--org", 0, &zOrg},
                   {"--list", 0, &zList},      {"--format", 0, &zFormat},
                   {"--out", 0, &zOut},        {"--skip-bad-rows", 1, &zSkip},
                   {"--dry-run", 1, &zDry},    {"--columns", 0, &zColumns}};
  char **aPos;
  int nPos, bHelp;
  int rc = cli_parse("catalogue", argc, argv, 1, aOpt,
                     (int)(sizeof aOpt / sizeof aOpt[0]), &aPos, &nPos, &bHelp);
  if (rc) return rc;
  if (bHelp) {
    fputs(zUsage, stdout);
    return 0;
  }
  const char *zSub = nPos ? aPos[0] : "";
  int bImport = !strcmp(zSub, "import"), bExport = !strcmp(zSub, "export");
  int bList = !strcmp(zSub, "list");
  if ((!bImport && !bExport && !bList) || !zOrg || (bImport && nPos != 2) ||
      (!bImport && nPos != 1)) {
    fputs(zUsage, stderr);
    return 2;
  }
  if (!cat_list_valid(zList)) {
    fprintf(stderr, "gongkai catalogue: --list must be proactive, on_request "
                    "or negative\n");
    return 2;
  }
  if (bExport && (!zOut || !zFormat ||
                  (strcmp(zFormat, "csv") && strcmp(zFormat, "tsv") &&
                   strcmp(zFormat, "xlsx")))) {
    fprintf(stderr, "gongkai catalogue: export needs --format csv|tsv|xlsx and "
                    "--out FILE\n");
    return 2;
  }
  Store *s = cli_open("catalogue", zDb, STORE_MIGRATE);
  if (!s) return 1;
  Arena a = ARENA_INIT;
  long long org = cli_org("catalogue", s, &a, zOrg);
  if (!org) rc = 1;
  else if (bImport) rc = cat_import(s, &a, org, zList, aPos[1], zSkip != NULL,
                                    zDry != NULL);
  else if (bExport)
    rc = cat_export(s, &a, org, zList, zFormat, zColumns, zOut);
  else rc = cat_print(s, &a, org, zList);
  store_close(s);
  arena_free(&a);
  return rc;
}
