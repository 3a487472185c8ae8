/*
** test_register_csv.c — the register CSV as a clerk saves it from Excel or
** WPS (core/register_csv.c): a UTF-8 BOM, GBK bytes (Excel's plain "CSV" on
** Chinese Windows), RFC 4180 quotes and Excel's ="…", CRLF, a Chinese
** header, Chinese category names, full-width digits and commas, trailing
** empty columns; and the errors, each naming its line (and column).
** Expected values are worked out by hand from the lines.
*/
#include "harness.h"

#include <string.h>

#include "core/register_csv.h"
#include "core/report_format.h"
#include "lib/buf.h"
#include "lib/table.h"

static RfSet set;

/* The 2019 format (every register kind), loaded once. */
static const RfFormat *fmt2019(void) {
  if (!set.nFormat) {
    char *zErr = NULL;
    if (rf_set_load_builtin(&set, &zErr)) return NULL;
  }
  return rf_format_find(&set, "2019");
}

/* Parses z (NUL-terminated) or n bytes of it. */
static int parse_n(Arena *a, const char *z, size_t n, RegCsv *p) {
  return regcsv_parse(a, z, n, fmt2019(), p);
}
static int parse(Arena *a, const char *z, RegCsv *p) {
  return parse_n(a, z, strlen(z), p);
}

/* 1 when z begins with zPrefix. */
static int starts(const char *z, const char *zPrefix) {
  return z && !strncmp(z, zPrefix, strlen(zPrefix));
}

TEST(regcsv_chinese_line_with_header_bom_crlf) {
  Arena a = ARENA_INIT;
  RegCsv p;
  const char *z = "\xEF\xBB\xBF" "单位,年度,类别,件数,金额（万元）,年末事项数\r\n"
                  "宁县卫生健康局,2025,行政许可,222,0\r\n"
                  "宁县卫生健康局,2025,行政事业性收费,,12.5,3\r\n"
                  "\r\n";
  CHECK_INT(parse(&a, z, &p), 0);
  CHECK_INT(p.bHeader, 1);
  CHECK_STR(p.zEncoding, "UTF-8");
  CHECK_INT(p.nRow, 2);
  CHECK_INT(p.aRow[0].iLine, 2);
  CHECK_STR(p.aRow[0].zOrg, "宁县卫生健康局");
  CHECK_INT(p.aRow[0].year, 2025);
  CHECK_STR(p.aRow[0].zKind, "licensing");
  CHECK_STR(p.aRow[0].zKindLabel, "行政许可");
  CHECK_INT(p.aRow[0].count, 222);
  CHECK_INT(p.aRow[0].amount, 0);
  CHECK_INT(p.aRow[0].items, -1);
  /* an empty count is 0; 12.5 万元 is 125000 in RF_SCALE (10^4) units */
  CHECK_INT(p.aRow[1].iLine, 3);
  CHECK_STR(p.aRow[1].zKind, "admin_fees");
  CHECK_INT(p.aRow[1].count, 0);
  CHECK_INT(p.aRow[1].amount, 125000);
  CHECK_INT(p.aRow[1].items, 3);
  arena_free(&a);
}

TEST(regcsv_gbk_bytes) {
  /* "宁县卫生健康局,2025,行政许可,222,0" in GBK, typed from the GBK code
  ** table: 宁 C4FE 县 CFD8 卫 CEC0 生 C9FA 健 BDA1 康 BFB5 局 BED6,
  ** 行 D0D0 政 D5FE 许 D0ED 可 BFC9. */
  const char z[] = "\xC4\xFE\xCF\xD8\xCE\xC0\xC9\xFA\xBD\xA1\xBF\xB5\xBE\xD6"
                   ",2025,\xD0\xD0\xD5\xFE\xD0\xED\xBF\xC9,222,0\r\n";
  Arena a = ARENA_INIT;
  RegCsv p;
  CHECK_INT(parse(&a, z, &p), 0);
  CHECK_STR(p.zEncoding, "GB18030");
  CHECK_INT(p.nRow, 1);
  CHECK_STR(p.aRow[0].zOrg, "宁县卫生健康局");
  CHECK_STR(p.aRow[0].zKind, "licensing");
  CHECK_INT(p.aRow[0].count, 222);
  arena_free(&a);
}

TEST(regcsv_bytes_neither_utf8_nor_gb18030) {
  /* 0xFF is no lead byte in GB18030; the message says how to save. */
  Arena a = ARENA_INIT;
  RegCsv p;
  CHECK_INT(parse(&a, "znwsj,2025,\xFF\xFF,1,0\n", &p), -1);
  CHECK(p.zErr && strstr(p.zErr, "CSV UTF-8"));
  CHECK_INT(p.nRow, 0);
  /* UTF-16 (Excel's "Unicode text") is named as such */
  CHECK_INT(parse_n(&a, "\xFF\xFEz\0n\0", 6, &p), -1);
  CHECK(p.zErr && strstr(p.zErr, "UTF-16") && strstr(p.zErr, "CSV UTF-8"));
  arena_free(&a);
}

TEST(regcsv_quotes_and_excel_wrappers) {
  /* "1,234" is one field (RFC 4180) with a thousands separator;
  ** "=""2025""" is Excel's ="2025"; "" inside quotes is one quote. */
  Arena a = ARENA_INIT;
  RegCsv p;
  const char *z = "\"宁县卫生健康局\",\"=\"\"2025\"\"\",行政处罚,\"1,234\",\"1,000.25\"\n"
                  "\"县\"\"甲\"\"局\",2024,coercion,7,0\n";
  CHECK_INT(parse(&a, z, &p), 0);
  CHECK_INT(p.nRow, 2);
  CHECK_INT(p.aRow[0].year, 2025);
  CHECK_STR(p.aRow[0].zKind, "penalty");
  CHECK_INT(p.aRow[0].count, 1234);
  CHECK_INT(p.aRow[0].amount, 10002500);
  CHECK_STR(p.aRow[1].zOrg, "县\"甲\"局");
  CHECK_STR(p.aRow[1].zKind, "coercion");
  /* "12,34" groups by two: not a thousands separator, so not a number */
  CHECK_INT(parse(&a, "znwsj,2025,penalty,\"12,34\",0\n", &p), -1);
  CHECK_STR(p.zErr, "第 1 行第 4 列（件数）：件数应为非负整数");
  arena_free(&a);
}

TEST(regcsv_fullwidth_commas_digits_and_blanks) {
  Arena a = ARENA_INIT;
  RegCsv p;
  /* typed by hand: full-width commas and digits, an ideographic space;
  ** a spreadsheet's trailing empty columns; a trailing blank line */
  const char *z = "宁县卫生健康局，２０２５，行政强制，　１２　，０\n"
                  "宁县卫生健康局,2025,其他对外管理服务事项,3,0,,,,\n"
                  "宁县卫生健康局,2025,政府集中采购,2,19.5,\n"
                  "\n";
  CHECK_INT(parse(&a, z, &p), 0);
  CHECK_INT(p.bHeader, 0);
  CHECK_INT(p.nRow, 3);
  CHECK_STR(p.aRow[0].zKind, "coercion");
  CHECK_INT(p.aRow[0].year, 2025);
  CHECK_INT(p.aRow[0].count, 12);
  CHECK_STR(p.aRow[1].zKind, "other_services");
  CHECK_INT(p.aRow[1].items, -1);
  CHECK_STR(p.aRow[2].zKind, "central_procurement");
  CHECK_INT(p.aRow[2].count, 2);
  CHECK_INT(p.aRow[2].amount, 195000);
  CHECK_INT(p.aRow[2].items, -1);
  arena_free(&a);
}

TEST(regcsv_pasted_from_a_spreadsheet_is_tab_separated) {
  Arena a = ARENA_INIT;
  RegCsv p;
  CHECK_INT(parse(&a, "单位\t年度\t类别\t件数\t金额\n乙局\t2023\t行政许可\t5\t0\n", &p), 0);
  CHECK_INT(p.bHeader, 1);
  CHECK_INT(p.nRow, 1);
  CHECK_STR(p.aRow[0].zOrg, "乙局");
  CHECK_INT(p.aRow[0].count, 5);
  arena_free(&a);
}

TEST(regcsv_header_only_when_it_looks_like_one) {
  Arena a = ARENA_INIT;
  RegCsv p;
  /* the English header of earlier versions is still a header */
  CHECK_INT(parse(&a, "org,year,kind,count,amount\nznwsj,2023,penalty,40,0\n", &p), 0);
  CHECK_INT(p.bHeader, 1);
  CHECK_INT(p.nRow, 1);
  /* a first line that is neither a header nor data is an error, not skipped */
  CHECK_INT(parse(&a, "单位名称,2023年,类别,件数,金额\nznwsj,2023,penalty,40,0\n", &p), -1);
  CHECK_STR(p.zErr, "第 1 行第 2 列（年度）：年度应为四位数字，如 2025");
  /* a header further down is a bad data line */
  CHECK_INT(parse(&a, "znwsj,2023,penalty,40,0\n单位,年度,类别,件数,金额\n", &p), -1);
  CHECK_STR(p.zErr, "第 2 行第 2 列（年度）：年度应为四位数字，如 2025");
  /* a header alone has no data */
  CHECK_INT(parse(&a, "单位,年度,类别,件数,金额\r\n", &p), -1);
  CHECK(p.zErr && strstr(p.zErr, "没有数据行"));
  arena_free(&a);
}

TEST(regcsv_bad_lines_name_line_and_column) {
  Arena a = ARENA_INIT;
  RegCsv p;
  CHECK_INT(parse(&a, "znwsj,2023,penalty,40,0\nznwsj,23,penalty,1,0\n", &p), -1);
  CHECK_INT(p.iErrLine, 2);
  CHECK_STR(p.zErr, "第 2 行第 2 列（年度）：年度应为四位数字，如 2025");
  CHECK_INT(p.nRow, 0);
  CHECK_INT(parse(&a, "znwsj,2023abc,penalty,1,0\n", &p), -1);
  CHECK_INT(parse(&a, "znwsj,1989,penalty,1,0\n", &p), -1);
  /* wrong column counts: 4, and 7 with a non-empty seventh */
  CHECK_INT(parse(&a, "znwsj,2023,penalty,40\n", &p), -1);
  CHECK_STR(p.zErr, "第 1 行：应有 5 或 6 列（单位,年度,类别,件数,金额（万元）"
                    "[,年末事项数]），实际 4 列");
  CHECK_INT(parse(&a, "znwsj,2023,penalty,40,0,1,x\n", &p), -1);
  CHECK(p.zErr && strstr(p.zErr, "实际 7 列"));
  /* an unknown category lists the Chinese names */
  CHECK_INT(parse(&a, "\n\nznwsj,2023,罚款,1,0\n", &p), -1);
  CHECK_INT(p.iErrLine, 3);
  CHECK(starts(p.zErr, "第 3 行第 3 列（类别）：类别无法识别"));
  CHECK(strstr(p.zErr, "行政许可、其他对外管理服务事项、行政处罚、行政强制、"
                       "行政事业性收费、政府集中采购"));
  CHECK(!strstr(p.zErr, "licensing"));
  /* counts are whole and not negative; amounts not negative */
  CHECK_INT(parse(&a, "znwsj,2023,penalty,1.5,0\n", &p), -1);
  CHECK_STR(p.zErr, "第 1 行第 4 列（件数）：件数应为非负整数");
  CHECK_INT(parse(&a, "znwsj,2023,penalty,-1,0\n", &p), -1);
  CHECK_INT(parse(&a, "znwsj,2023,admin_fees,0,-2\n", &p), -1);
  CHECK(starts(p.zErr, "第 1 行第 5 列（金额（万元））"));
  CHECK_INT(parse(&a, "znwsj,2023,penalty,1,0,2.5\n", &p), -1);
  CHECK_STR(p.zErr, "第 1 行第 6 列（年末事项数）：年末事项数应为非负整数");
  CHECK_INT(parse(&a, ",2023,penalty,1,0\n", &p), -1);
  CHECK_STR(p.zErr, "第 1 行第 1 列（单位）：单位不能为空");
  /* an unclosed quote, a control character */
  CHECK_INT(parse(&a, "\"znwsj,2023,penalty,1,0\n", &p), -1);
  CHECK_INT(parse(&a, "zn\x01wsj,2023,penalty,1,0\n", &p), -1);
  CHECK(starts(p.zErr, "第 1 行："));
  CHECK_INT(parse(&a, "", &p), -1);
  arena_free(&a);
}

TEST(regcsv_kind_names_come_from_the_format) {
  const RfFormat *f = fmt2019();
  const char *zL = NULL;
  CHECK_STR(regcsv_kind(f, "行政许可", &zL), "licensing");
  CHECK_STR(zL, "行政许可");
  CHECK_STR(regcsv_kind(f, "admin_fees", NULL), "admin_fees");
  CHECK_STR(regcsv_kind(f, "政府集中采购", NULL), "central_procurement");
  CHECK(regcsv_kind(f, "规章", NULL) == NULL);      /* a document row */
  CHECK(regcsv_kind(f, "", NULL) == NULL);
  /* the 2021 format has four kinds, the 2019 format six */
  CHECK_INT(regcsv_kinds(rf_format_find(&set, "2021"), NULL, NULL, 16), 4);
  CHECK_INT(regcsv_kinds(f, NULL, NULL, 16), 6);
}

TEST(regcsv_xlsx_workbook) {
  /* The same lines saved as a workbook (numbers as numeric cells). */
  Arena a = ARENA_INIT;
  Table t = {0};
  const char *azHead[] = {"单位", "年度", "类别", "件数", "金额（万元）"};
  const char *azRow[] = {"宁县卫生健康局", "2025", "行政处罚", "31", "0"};
  table_add_row(&a, &t, 1, azHead, 5);
  table_add_row(&a, &t, 2, azRow, 5);
  Buf b = BUF_INIT;
  const char *zErr = NULL;
  CHECK_INT(table_write_xlsx(&t, "登记", &b, &zErr), 0);
  RegCsv p;
  CHECK_INT(parse_n(&a, b.z, b.n, &p), 0);
  CHECK_STR(p.zEncoding, "XLSX");
  CHECK_INT(p.bHeader, 1);
  CHECK_INT(p.nRow, 1);
  CHECK_INT(p.aRow[0].iLine, 2);
  CHECK_STR(p.aRow[0].zKind, "penalty");
  CHECK_INT(p.aRow[0].year, 2025);
  CHECK_INT(p.aRow[0].count, 31);
  buf_free(&b);
  arena_free(&a);
}
