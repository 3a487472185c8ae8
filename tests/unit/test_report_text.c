/* test_report_text.c — reading published report text: the two real seeds,
** format detection, run-together rows (unique and ambiguous), a single-row
** （六）其他处理, blank cells. */
#include <stdlib.h>
#include <string.h>

#include "core/report_text.h"
#include "harness.h"
#include "report_fixture.h"

#define FX "tests/fixtures/report/"

/* Reads a fixture as text; 0 on success. */
static int read_fx(RfSet *s, const char *zFile, const char *zFormat,
                   RtResult *r) {
  char *z = fixture_read(zFile);
  int rc;
  fixture_formats(s);
  if (!z) { memset(r, 0, sizeof *r); return -1; }
  rc = report_text_read(s, z, zFormat, r);
  if (rc) fprintf(stderr, "  %s: %s\n", zFile, r->zErr);
  free(z);
  return rc;
}

/* Value of a cell in whole units, or -1 for blank. */
static long long val(const Report *p, const char *zT, const char *zR,
                     const char *zC) {
  long long v;
  int i = rf_cell(p->pFmt, zT, zR, zC);
  if (i < 0) { fprintf(stderr, "  no cell %s[%s][%s]\n", zT, zR, zC);
               return -999; }
  return report_get(p, i, &v) ? v / RF_SCALE : -1;
}

static int has_note(const RtResult *r, const char *zPart) {
  for (int i = 0; i < r->nNote; i++)
    if (strstr(r->azNote[i], zPart)) return 1;
  for (int i = 0; i < r->nNote; i++) fprintf(stderr, "  note: %s\n",
                                              r->azNote[i]);
  return 0;
}

/* Seed 001: 盐池县卫生健康局 2020 report in the 2019 format.  Every number
** below was read by hand from the seed text. */
TEST(report_text_seed001_reads_back_exactly) {
  RfSet s = {0};
  RtResult r;
  static const struct { const char *zT, *zR; int a[3]; int n; } aT2[] = {
    {"t2_art20_1", "regulations", {0, 0, 0}, 3},
    {"t2_art20_1", "normative_docs", {0, 0, 0}, 3},
    {"t2_art20_5", "licensing", {0, 0, 0}, 3},
    {"t2_art20_5", "other_services", {44, 0, 73}, 3},
    {"t2_art20_6", "penalty", {160, 5, 27}, 3},
    {"t2_art20_6", "coercion", {8, 0, 0}, 3},
    {"t2_art20_8", "admin_fees", {0, 0, 0}, 2},
    {"t2_art20_9", "central_procurement", {0, 0, 0}, 2},
  };
  if (read_fx(&s, FX "seed001_yanchi_2020.txt", NULL, &r)) {
    CHECK(0); rt_result_free(&r); rf_set_free(&s); return;
  }
  const Report *p = r.pReport;
  CHECK_STR(p->pFmt->zId, "2019");
  CHECK_STR(p->zOrg, "盐池县卫生健康局");
  CHECK_INT(p->iYear, 2020);
  for (size_t i = 0; i < sizeof aT2 / sizeof aT2[0]; i++) {
    const RfTable *t = rf_table_find(p->pFmt, aT2[i].zT);
    CHECK_INT(t->nCol, aT2[i].n);
    for (int c = 0; c < aT2[i].n; c++)
      CHECK_INT(val(p, aT2[i].zT, aT2[i].zR, t->aCol[c].zId), aT2[i].a[c]);
  }
  /* table 三 and table 四: every cell is 0 in the seed */
  const RfTable *t3 = rf_table_find(p->pFmt, "t3");
  int nData = 0;
  for (int row = 0; row < t3->nRow; row++) {
    if (!t3->aRow[row].bData) continue;
    nData++;
    for (int c = 0; c < t3->nCol; c++)
      CHECK_INT(val(p, "t3", t3->aRow[row].zId, t3->aCol[c].zId), 0);
  }
  CHECK_INT(nData, 23);
  const RfTable *t4 = rf_table_find(p->pFmt, "t4");
  for (int c = 0; c < t4->nCol; c++)
    CHECK_INT(val(p, "t4", "cases", t4->aCol[c].zId), 0);
  /* two rows of the PDF text lost a cell; the row rule fills it */
  CHECK_INT(r.nNote, 2);
  CHECK(has_note(&r, "三（一）予以公开：文本只有6个数"));
  CHECK_INT(r.nAmbiguous, 0);
  RpResult res;
  report_check(p, NULL, &res);
  CHECK_INT(res.n, 0);
  rp_result_free(&res);
  rt_result_free(&r);
  rf_set_free(&s);
}

/* Seed 004: the pre-2019 statistical form of 鄞州区卫生健康局 2018. */
TEST(report_text_seed004_stat_form) {
  RfSet s = {0};
  RtResult r;
  static const struct { const char *zR; int v; } aV[] = {
    {"active.published", 979},
    {"active.published.normative", 33},
    {"active.published.normative_made", 33},
    {"active.channels.gazette", -1},
    {"active.channels.website", 979},
    {"active.channels.weibo", 180},
    {"active.channels.wechat", 639},
    {"active.channels.other", -1},
    {"response.hotspots", 96},
    {"response.channels.press", 1},
    {"response.channels.press.leader", 0},
    {"response.channels.interviews", 0},
    {"response.channels.interviews.leader", 0},
    {"response.channels.interpretations", 1},
    {"response.channels.weibo_wechat", 1},
    {"response.channels.other", 0},
    {"apply.received", 2},
    {"apply.received.in_person", 0},
    {"apply.received.fax", 0},
    {"apply.received.online", 2},
    {"apply.received.letter", 0},
    {"apply.closed", 2},
    {"apply.closed.on_time", 2},
    {"apply.closed.extended", 0},
    {"apply.answered", -1},
    {"apply.answered.already_public", 0},
    {"apply.answered.granted", 2},
    {"apply.answered.partial", 0},
    {"apply.answered.denied", 0},
    {"apply.answered.denied.state_secret", 0},
    {"apply.answered.denied.commercial_secret", 0},
    {"apply.answered.denied.privacy", 0},
    {"apply.answered.denied.security", 0},
    {"apply.answered.denied.not_gov_info", 0},
    {"apply.answered.denied.other_law", 0},
    {"apply.answered.not_this_org", 0},
    {"apply.answered.not_exist", 0},
    {"apply.answered.to_amend", 0},
    {"apply.answered.other_channel", 0},
    {"review", 0},
    {"review.upheld", 0},
    {"review.corrected", 0},
    {"review.other", 0},
    {"litigation", 0},
    {"litigation.upheld", 0},
    {"litigation.corrected", 0},
    {"litigation.other", 0},
    {"complaints", 0},
    {"fees", 0},
    {"staffing.offices", 1},
    {"staffing.reading_points", 1},
    {"staffing.staff", 2},
    {"staffing.staff.full_time", 0},
    {"staffing.staff.part_time", 2},
    {"staffing.budget", -1},
    {"meetings.meetings", 1},
    {"meetings.trainings", 1},
    {"meetings.trainees", 30},
  };
  if (read_fx(&s, FX "seed004_yinzhou_2018.txt", NULL, &r)) {
    CHECK(0); rt_result_free(&r); rf_set_free(&s); return;
  }
  const Report *p = r.pReport;
  CHECK_STR(p->pFmt->zId, "stat2018");
  CHECK_STR(p->zOrg, "鄞州区卫生健康局");
  CHECK_INT(p->iYear, 2018);
  for (size_t i = 0; i < sizeof aV / sizeof aV[0]; i++) {
    long long v = val(p, "stat", aV[i].zR, "value");
    if (v != aV[i].v) fprintf(stderr, "  row %s\n", aV[i].zR);
    CHECK_INT(v, aV[i].v);
  }
  /* every data row of the form was found */
  const RfTable *t = rf_table_find(p->pFmt, "stat");
  int nData = 0;
  for (int k = 0; k < t->nRow; k++) nData += t->aRow[k].bData;
  CHECK_INT(nData, (int)(sizeof aV / sizeof aV[0]));
  CHECK_INT(r.nRowRead, nData);
  /* the sums hold; three relations involve a blank cell */
  RpResult res;
  report_check(p, NULL, &res);
  CHECK_INT(res.nBroken, 0);
  CHECK_INT(res.nWarning, 0);
  CHECK_INT(res.nBlank, 3);
  CHECK_STR(res.a[0].zKey, "S3");
  CHECK_STR(res.a[0].zMsg, "三（三）申请答复数 为空，无法核对");
  rp_result_free(&res);
  rt_result_free(&r);
  rf_set_free(&s);
}

TEST(report_text_stat_form_sum_broken) {
  RfSet s = {0};
  RtResult r;
  const char *z =
      "政府信息公开情况统计表\n"
      "三、依申请公开情况\t——\t\n"
      "（一）收到申请数\t件\t5\n"
      "1.当面申请数\t件\t1\n"
      "2.传真申请数\t件\t0\n"
      "3.网络申请数\t件\t2\n"
      "4.信函申请数\t件\t1\n";
  fixture_formats(&s);
  CHECK_INT(report_text_read(&s, z, NULL, &r), 0);
  if (r.pReport) {
    RpResult res;
    CHECK_STR(r.pReport->pFmt->zId, "stat2018");
    report_check(r.pReport, NULL, &res);
    CHECK_INT(res.nBroken, 1);
    for (int i = 0; i < res.n; i++) {
      if (res.a[i].eStatus != RP_BROKEN) continue;
      CHECK_STR(res.a[i].zKey, "S1");
      CHECK_STR(res.a[i].zMsg,
                "三（一）收到申请数(5)，但 三（一）1.当面申请数(1) + "
                "三（一）2.传真申请数(0) + 三（一）3.网络申请数(2) + "
                "三（一）4.信函申请数(1) = 4");
    }
    rp_result_free(&res);
  }
  rt_result_free(&r);
  rf_set_free(&s);
}

TEST(report_text_2021_passes) {
  RfSet s = {0};
  RtResult r;
  if (read_fx(&s, FX "2021_text.txt", NULL, &r)) {
    CHECK(0); rt_result_free(&r); rf_set_free(&s); return;
  }
  const Report *p = r.pReport;
  CHECK_STR(p->pFmt->zId, "2021");
  CHECK_INT(r.nNote, 0);
  CHECK_INT(val(p, "t3", "new", "natural_person"), 11);
  CHECK_INT(val(p, "t3", "new", "total"), 14);
  CHECK_INT(val(p, "t3", "results.denied.third_party", "legal_service"), 1);
  CHECK_INT(val(p, "t3", "results.other.other", "total"), 1);
  CHECK_INT(val(p, "t4", "cases", "review.total"), 2);
  CHECK_INT(val(p, "t4", "cases", "lit_after_review.upheld"), 1);
  CHECK_INT(val(p, "t2_art20_1", "normative_docs", "valid"), 20);
  long long v;
  CHECK(report_get(p, rf_cell(p->pFmt, "t2_art20_8", "admin_fees",
                              "amount_wan_yuan"), &v));
  CHECK_INT(v, 125000);
  RpResult res;
  report_check(p, NULL, &res);
  CHECK_INT(res.n, 0);
  rp_result_free(&res);
  rt_result_free(&r);
  rf_set_free(&s);
}

TEST(report_text_run_together_unique_split) {
  RfSet s = {0};
  RtResult r;
  static const int aWant[] = {9, 1, 0, 0, 0, 0, 10};
  if (read_fx(&s, FX "2021_runtogether.txt", NULL, &r)) {
    CHECK(0); rt_result_free(&r); rf_set_free(&s); return;
  }
  const RfTable *t3 = rf_table_find(r.pReport->pFmt, "t3");
  for (int c = 0; c < 7; c++)
    CHECK_INT(val(r.pReport, "t3", "results.granted", t3->aCol[c].zId),
              aWant[c]);
  CHECK_INT(r.nNote, 1);
  CHECK(has_note(&r, "三（一）予以公开：数字连写“91000010”，按本行勾稽关系"
                     "唯一拆分为 9、1、0、0、0、0、10"));
  CHECK_INT(r.nAmbiguous, 0);
  RpResult res;
  report_check(r.pReport, NULL, &res);
  CHECK_INT(res.n, 0);
  rp_result_free(&res);
  rt_result_free(&r);
  rf_set_free(&s);
}

TEST(report_text_run_together_ambiguous) {
  RfSet s = {0};
  RtResult r;
  if (read_fx(&s, FX "2021_ambiguous.txt", NULL, &r)) {
    CHECK(0); rt_result_free(&r); rf_set_free(&s); return;
  }
  const RfTable *t3 = rf_table_find(r.pReport->pFmt, "t3");
  for (int c = 0; c < 7; c++)
    CHECK_INT(val(r.pReport, "t3", "results.partial", t3->aCol[c].zId), -1);
  CHECK_INT(r.nAmbiguous, 1);
  CHECK(has_note(&r, "“031012218”有2种读法，无法确定，该行留空；例如 "
                     "0、3、1、0、12、2、18 或 0、3、10、1、2、2、18"));
  RpResult res;
  report_check(r.pReport, NULL, &res);
  CHECK_INT(res.nBroken, 0);
  CHECK_INT(res.nBlank, 8);   /* R2 of the row and R3 of every column */
  rp_result_free(&res);
  rt_result_free(&r);
  rf_set_free(&s);
}

TEST(report_text_split_search_is_bounded) {
  RfSet s = {0};
  RtResult r;
  /* 30 digits into the 15 cells of table 四: too many readings to list */
  const char *z = "四、政府信息公开行政复议、行政诉讼情况\n"
                  "123456789012345678901234567890\n";
  fixture_formats(&s);
  CHECK_INT(report_text_read(&s, z, "2021", &r), 0);
  CHECK_INT(r.nAmbiguous, 1);
  CHECK_INT(val(r.pReport, "t4", "cases", "review.total"), -1);
  rt_result_free(&r);
  rf_set_free(&s);
}

TEST(report_text_other_single_row_2021) {
  RfSet s = {0};
  RtResult r;
  if (read_fx(&s, FX "2021_other_single.txt", NULL, &r)) {
    CHECK(0); rt_result_free(&r); rf_set_free(&s); return;
  }
  const Report *p = r.pReport;
  CHECK_STR(p->pFmt->zId, "2021");
  CHECK_INT(val(p, "t3", "results.other", "natural_person"), 1);
  CHECK_INT(val(p, "t3", "results.other", "total"), 1);
  CHECK_INT(val(p, "t3", "results.other.other", "total"), -1);
  CHECK(has_note(&r, "三（六）其他处理：以单行给出（无分项），按合计读入"));
  RpResult res;
  report_check(p, NULL, &res);
  CHECK_INT(res.n, 0);       /* R1 and R3 use the single row as the sum */
  rp_result_free(&res);
  rt_result_free(&r);
  rf_set_free(&s);
}

TEST(report_text_other_single_row_is_2019) {
  RfSet s = {0};
  RtResult r;
  if (read_fx(&s, FX "t3_only_other_single.txt", NULL, &r)) {
    CHECK(0); rt_result_free(&r); rf_set_free(&s); return;
  }
  CHECK_STR(r.pReport->pFmt->zId, "2019");
  CHECK_INT(val(r.pReport, "t3", "results.other", "natural_person"), 1);
  CHECK_INT(val(r.pReport, "t3", "results.total", "total"), 15);
  RpResult res;
  report_check(r.pReport, NULL, &res);
  CHECK_INT(res.n, 0);
  rp_result_free(&res);
  rt_result_free(&r);
  rf_set_free(&s);
}

TEST(report_text_blank_cells_space_separated) {
  RfSet s = {0};
  RtResult r;
  if (read_fx(&s, FX "2021_blank_spaces.txt", NULL, &r)) {
    CHECK(0); rt_result_free(&r); rf_set_free(&s); return;
  }
  const Report *p = r.pReport;
  CHECK_INT(val(p, "t3", "new", "natural_person"), 11);
  CHECK_INT(val(p, "t3", "new", "research"), -1);
  CHECK_INT(val(p, "t3", "new", "total"), 14);
  CHECK_INT(val(p, "t3", "results.denied.state_secret", "total"), 0);
  RpResult res;
  report_check(p, NULL, &res);
  CHECK_INT(res.nBroken, 0);
  CHECK_INT(res.nBlank, 2);
  CHECK_STR(res.a[0].zMsg, "科研机构列：一 为空，无法核对");
  CHECK_STR(res.a[1].zMsg, "一行：科研机构 为空，无法核对");
  rp_result_free(&res);
  rt_result_free(&r);
  rf_set_free(&s);
}

TEST(report_text_detect_and_errors) {
  RfSet s = {0};
  RtResult r;
  fixture_formats(&s);
  CHECK(report_text_detect(&s, "只有一段文字，没有表格。\n") == NULL);
  CHECK_INT(report_text_read(&s, "只有一段文字，没有表格。\n", NULL, &r), -1);
  CHECK_STR(r.zErr, "无法识别报告格式：文本中没有找到任何统计表的行或列标签");
  rt_result_free(&r);
  CHECK_INT(report_text_read(&s, "x\n", "1999", &r), -1);
  CHECK_STR(r.zErr, "未知的报告格式：1999");
  rt_result_free(&r);
  /* labels spelt with half-width brackets and stray spaces still match */
  const char *z = "第二十条第(一)项\n信息内容 本年制发件数 本年废止件数 现行有效件数\n"
                  "规 章 1 0 5\n行政规范性文件 2 1 9\n";
  CHECK_INT(report_text_read(&s, z, NULL, &r), 0);
  if (r.pReport) {
    CHECK_STR(r.pReport->pFmt->zId, "2021");
    CHECK_INT(val(r.pReport, "t2_art20_1", "regulations", "valid"), 5);
    CHECK_INT(val(r.pReport, "t2_art20_1", "normative_docs", "made"), 2);
  }
  rt_result_free(&r);
  rf_set_free(&s);
}

TEST(report_text_label_variants) {
  RfSet s = {0};
  RtResult r;
  /* no enumerators, a label wrapped onto two lines, 1,234 and a U+2212
  ** minus in the 2019 本年增/减 column */
  const char *z =
      "第二十条第（五）项\n"
      "信息内容\t上一年项目数量\t本年增/减\t处理决定数量\n"
      "行政许可\t1,234\t\xE2\x88\x92" "3\t2,001\n"
      "三、收到和处理政府信息公开申请情况\n"
      "予以公开\t3\t1\t0\t0\t0\t0\t4\n"
      "\t5.要求行政机关确认或重新出\n"
      "具已获取信息\t0\t1\t0\t0\t0\t0\t1\n";
  fixture_formats(&s);
  CHECK_INT(report_text_read(&s, z, NULL, &r), 0);
  if (r.pReport) {
    const Report *p = r.pReport;
    CHECK_STR(p->pFmt->zId, "2019");
    CHECK_INT(val(p, "t2_art20_5", "licensing", "prev_items"), 1234);
    CHECK_INT(val(p, "t2_art20_5", "licensing", "delta"), -3);
    CHECK_INT(val(p, "t2_art20_5", "licensing", "decisions"), 2001);
    CHECK_INT(val(p, "t3", "results.granted", "total"), 4);
    CHECK_INT(val(p, "t3", "results.not_processed.confirm_or_reissue",
                  "commercial"), 1);
  }
  rt_result_free(&r);
  rf_set_free(&s);
}

/* A 2021 report checked against last year's report in the 2019 format
** (seed 001, all zeros): 上年结转 must equal last year's 结转下年度. */
TEST(report_text_prev_year_other_format) {
  RfSet s = {0};
  RtResult prev, cur;
  if (read_fx(&s, FX "seed001_yanchi_2020.txt", NULL, &prev)) {
    CHECK(0); rt_result_free(&prev); rf_set_free(&s); return;
  }
  char *z = fixture_read(FX "2021_text.txt");
  CHECK_INT(report_text_read(&s, z ? z : "", NULL, &cur), 0);
  free(z);
  if (!cur.pReport) {
    rt_result_free(&prev); rt_result_free(&cur); rf_set_free(&s);
    return;
  }
  RpResult res;
  report_check(cur.pReport, prev.pReport, &res);
  CHECK_INT(res.nBroken, 2);      /* natural_person and total carried in 1 */
  CHECK_INT(res.nWarning, 0);     /* R8 needs 现行有效, absent in 2019 */
  CHECK_STR(res.a[0].zKey, "R6[natural_person]");
  CHECK_STR(res.a[0].zMsg, "自然人列：二(1)，但 上年四(0)");
  CHECK_STR(res.a[1].zKey, "R6[total]");
  rp_result_free(&res);
  rt_result_free(&prev);
  rt_result_free(&cur);
  rf_set_free(&s);
}

TEST(report_text_other_single_row_total_checked) {
  RfSet s = {0};
  RtResult r;
  char *z = fixture_read(FX "2021_other_single.txt"), *q;
  fixture_formats(&s);
  if (!z) { CHECK(0); rf_set_free(&s); return; }
  /* the single （六） row: 1 0 0 0 0 0 1 -> 总计 2 */
  q = strstr(z, "（六）其他处理\t1\t0\t0\t0\t0\t0\t1");
  CHECK(q != NULL);
  if (q) q[strlen("（六）其他处理\t1\t0\t0\t0\t0\t0\t")] = '2';
  CHECK_INT(report_text_read(&s, z, NULL, &r), 0);
  free(z);
  if (r.pReport) {
    RpResult res;
    int bFound = 0;
    report_check(r.pReport, NULL, &res);
    for (int i = 0; i < res.n; i++) {
      if (strcmp(res.a[i].zKey, "R2[results.other]")) continue;
      bFound = 1;
      CHECK_INT(res.a[i].eStatus, RP_BROKEN);
      CHECK(res.a[i].pCheck == NULL);
      CHECK_STR(res.a[i].zMsg, "三（六）其他处理行：总计(2)，但 自然人(1)"
                               "（其余为0） = 1");
    }
    CHECK(bFound);
    rp_result_free(&res);
  }
  rt_result_free(&r);
  rf_set_free(&s);
}

TEST(report_text_table4_numbers_over_lines) {
  RfSet s = {0};
  RtResult r;
  const char *z = "四、政府信息公开行政复议、行政诉讼情况\n"
                  "行政复议 行政诉讼\n"
                  "2 1 0 0 3\n"
                  "0 0 0 1 1\n"
                  "0 0 0 0 0\n"
                  "五、存在的主要问题及改进情况\n";
  fixture_formats(&s);
  CHECK_INT(report_text_read(&s, z, "2021", &r), 0);
  if (r.pReport) {
    CHECK_INT(val(r.pReport, "t4", "cases", "review.upheld"), 2);
    CHECK_INT(val(r.pReport, "t4", "cases", "review.total"), 3);
    CHECK_INT(val(r.pReport, "t4", "cases", "lit_direct.pending"), 1);
    CHECK_INT(val(r.pReport, "t4", "cases", "lit_after_review.total"), 0);
  }
  rt_result_free(&r);
  rf_set_free(&s);
}

/* The organisation before the year: a title names it; a sentence gives
** what follows its last punctuation without the announcing verb; a
** sentence cut before a year, or a pronoun, names none. */
TEST(report_text_org_from_first_lines) {
  static const struct { const char *zText, *zOrg; } a[] = {
    {"仪陇县新政镇2023年政府信息公开工作年度报告\n", "仪陇县新政镇"},
    {"根据《中华人民共和国政府信息公开条例》,现向社会公布龙口镇2022年度"
     "政府信息公开工作年度报告。\n", "龙口镇"},
    {"(一)主动公开情况。2024年,我局共主动公开政府信息376条。\n", NULL},
    {"本报告所列数据的统计期限为2024年1月1日至2024年12月31日。\n", NULL},
    {"我局2021年政府信息公开工作年度报告\n", NULL},
  };
  for (size_t i = 0; i < sizeof a / sizeof a[0]; i++) {
    RfSet s = {0};
    RtResult r;
    Buf b = BUF_INIT;
    buf_printf(&b, "%s第二十条第（五）项\n行政许可\t3\n", a[i].zText);
    fixture_formats(&s);
    CHECK_INT(report_text_read(&s, buf_str(&b), NULL, &r), 0);
    if (r.pReport) {
      if (a[i].zOrg) CHECK_STR(r.pReport->zOrg ? r.pReport->zOrg : "", a[i].zOrg);
      else CHECK(r.pReport->zOrg == NULL);
    }
    rt_result_free(&r);
    rf_set_free(&s);
    buf_free(&b);
  }
}
