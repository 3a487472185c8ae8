/* test_report.c — the report grid, the consistency rules (one test per
** rule), blank cells, accepted violations and the JSON form. */
#include <stdlib.h>
#include <string.h>

#include "core/report.h"
#include "harness.h"
#include "report_fixture.h"

typedef struct Fx {
  RfSet set;
  Report *p;      /* tests/fixtures/report/2021_pass.json */
  Report *pPrev;  /* tests/fixtures/report/2021_prev.json */
} Fx;

static Report *load(const RfSet *s, const char *zPath) {
  char *zJ = fixture_read(zPath), *zErr = NULL;
  Report *p = NULL;
  if (zJ && report_from_json(s, zJ, NULL, &p, &zErr)) {
    fprintf(stderr, "  %s: %s\n", zPath, zErr);
    free(zErr);
  }
  free(zJ);
  return p;
}

static int fx_open(Fx *x) {
  memset(x, 0, sizeof *x);
  fixture_formats(&x->set);
  x->p = load(&x->set, "tests/fixtures/report/2021_pass.json");
  x->pPrev = load(&x->set, "tests/fixtures/report/2021_prev.json");
  return x->p && x->pPrev ? 0 : -1;
}

static void fx_close(Fx *x) {
  report_free(x->p);
  report_free(x->pPrev);
  rf_set_free(&x->set);
}

static void set(Report *p, const char *zT, const char *zR, const char *zC,
                long long n) {
  int i = rf_cell(p->pFmt, zT, zR, zC);
  CHECK(i >= 0);
  report_set_int(p, i, n);
}

/* 1 when every issue belongs to rule zRule and there are nExpect of them. */
static int only_rule(const RpResult *r, const char *zRule, int nExpect) {
  for (int i = 0; i < r->n; i++) {
    if (strcmp(r->a[i].pRule->zId, zRule)) {
      fprintf(stderr, "  unexpected issue %s: %s\n", r->a[i].zKey,
              r->a[i].zMsg);
      return 0;
    }
  }
  if (r->n != nExpect) fprintf(stderr, "  %d issues\n", r->n);
  return r->n == nExpect;
}

TEST(report_2021_json_passes) {
  Fx x;
  RpResult r;
  if (fx_open(&x)) { CHECK(0); fx_close(&x); return; }
  report_check(x.p, x.pPrev, &r);
  CHECK_INT(r.n, 0);
  CHECK_INT(r.nBroken, 0);
  rp_result_free(&r);
  long long v;
  CHECK(report_get(x.p, rf_cell(x.p->pFmt, "t2_art20_8", "admin_fees",
                                "amount_wan_yuan"), &v));
  CHECK_INT(v, 125000);
  CHECK_STR(x.p->zOrg, "某县卫生健康局");
  CHECK_INT(x.p->iYear, 2021);
  fx_close(&x);
}

TEST(report_rule_R1_column_balance) {
  Fx x;
  RpResult r;
  if (fx_open(&x)) { CHECK(0); fx_close(&x); return; }
  set(x.p, "t3", "carried_in", "natural_person", 2);
  set(x.p, "t3", "carried_in", "total", 2);
  report_check(x.p, NULL, &r);   /* (with last year, R6 would break too) */
  CHECK(only_rule(&r, "R1", 2));
  CHECK_INT(r.nBroken, 2);
  CHECK_STR(r.a[0].zKey, "R1[natural_person]");
  CHECK_STR(r.a[0].zMsg,
            "自然人列：一(5) + 二(2) = 7，但 三（七）总计(5) + 四(1) = 6");
  CHECK_INT(r.a[0].lhs, 7 * RF_SCALE);
  CHECK_INT(r.a[0].rhs, 6 * RF_SCALE);
  CHECK_INT(r.a[0].nCell, 4);
  CHECK_STR(r.a[1].zKey, "R1[total]");
  rp_result_free(&r);
  fx_close(&x);
}

TEST(report_rule_R2_total_column) {
  Fx x;
  RpResult r;
  if (fx_open(&x)) { CHECK(0); fx_close(&x); return; }
  set(x.p, "t3", "results.granted", "natural_person", 4);
  set(x.p, "t3", "results.partial", "natural_person", 0);
  report_check(x.p, x.pPrev, &r);
  CHECK(only_rule(&r, "R2", 2));
  CHECK_STR(r.a[0].zKey, "R2[results.granted]");
  CHECK_STR(r.a[0].zMsg, "三（一）予以公开行：总计(4)，但 自然人(4) + "
                         "商业企业(1)（其余为0） = 5");
  CHECK_STR(r.a[1].zKey, "R2[results.partial]");
  rp_result_free(&r);
  fx_close(&x);
}

TEST(report_rule_R3_results_total) {
  Fx x;
  RpResult r;
  if (fx_open(&x)) { CHECK(0); fx_close(&x); return; }
  set(x.p, "t3", "results.total", "natural_person", 6);
  set(x.p, "t3", "results.total", "total", 8);
  set(x.p, "t3", "carry_out", "natural_person", 0);
  set(x.p, "t3", "carry_out", "total", 0);
  report_check(x.p, x.pPrev, &r);
  CHECK(only_rule(&r, "R3", 2));
  CHECK_STR(r.a[0].zKey, "R3[natural_person]");
  CHECK(strstr(r.a[0].zMsg, "自然人列：三（七）总计(6)，但 ") == r.a[0].zMsg);
  CHECK(strstr(r.a[0].zMsg, "= 5") != NULL);
  rp_result_free(&r);
  fx_close(&x);
}

TEST(report_rule_R4_table4_totals) {
  Fx x;
  RpResult r;
  if (fx_open(&x)) { CHECK(0); fx_close(&x); return; }
  set(x.p, "t4", "cases", "review.total", 3);
  report_check(x.p, x.pPrev, &r);
  CHECK(only_rule(&r, "R4", 1));
  CHECK_STR(r.a[0].zKey, "R4[review]");
  CHECK_STR(r.a[0].zMsg, "行政复议：总计(3)，但 结果维持(1) + 结果纠正(0) + "
                         "其他结果(0) + 尚未审结(1) = 2");
  rp_result_free(&r);
  fx_close(&x);
}

TEST(report_rule_R6_carried_in_matches_last_year) {
  Fx x;
  RpResult r;
  if (fx_open(&x)) { CHECK(0); fx_close(&x); return; }
  set(x.pPrev, "t3", "carry_out", "natural_person", 2);
  set(x.pPrev, "t3", "carry_out", "total", 2);
  report_check(x.p, x.pPrev, &r);
  CHECK(only_rule(&r, "R6", 2));
  CHECK_STR(r.a[0].zKey, "R6[natural_person]");
  CHECK_STR(r.a[0].zMsg, "自然人列：二(1)，但 上年四(2)");
  CHECK_INT(r.nBroken, 2);
  rp_result_free(&r);
  /* without last year's report the cross-year rules are skipped */
  report_check(x.p, NULL, &r);
  CHECK_INT(r.n, 0);
  rp_result_free(&r);
  fx_close(&x);
}

TEST(report_rule_R8_valid_rolls_forward_is_warning) {
  Fx x;
  RpResult r;
  if (fx_open(&x)) { CHECK(0); fx_close(&x); return; }
  set(x.pPrev, "t2_art20_1", "normative_docs", "valid", 18);
  report_check(x.p, x.pPrev, &r);
  CHECK(only_rule(&r, "R8", 1));
  CHECK_STR(r.a[0].zKey, "R8[normative_docs]");
  CHECK_INT(r.a[0].eSeverity, RF_WARNING);
  CHECK_INT(r.nBroken, 0);
  CHECK_INT(r.nWarning, 1);
  CHECK_STR(r.a[0].zMsg, "行政规范性文件行：现行有效件数(20)，但 上年现行有效件数(18) "
                         "+ 本年制发件数(4) - 本年废止件数(1) = 21");
  rp_result_free(&r);
  fx_close(&x);
}

TEST(report_rule_R7_cell_types) {
  Fx x;
  RpResult r;
  if (fx_open(&x)) { CHECK(0); fx_close(&x); return; }
  int i = rf_cell(x.p->pFmt, "t2_art20_5", "licensing", "decisions");
  report_set(x.p, i, 15000);   /* 1.5 in an integer column */
  report_check(x.p, x.pPrev, &r);
  CHECK(only_rule(&r, "R7", 1));
  CHECK_STR(r.a[0].zKey, "R7[t2_art20_5[licensing][decisions]]");
  CHECK_STR(r.a[0].zMsg, "行政许可(1.5)应为整数");
  rp_result_free(&r);
  fx_close(&x);
}

TEST(report_blank_cells_not_checkable) {
  Fx x;
  RpResult r;
  if (fx_open(&x)) { CHECK(0); fx_close(&x); return; }
  report_clear(x.p, rf_cell(x.p->pFmt, "t3", "new", "research"));
  report_check(x.p, x.pPrev, &r);
  CHECK_INT(r.n, 2);
  CHECK_INT(r.nBlank, 2);
  CHECK_INT(r.nBroken, 0);
  CHECK_INT(r.a[0].eStatus, RP_BLANK);
  CHECK_STR(r.a[0].zKey, "R1[research]");
  CHECK_STR(r.a[0].zMsg, "科研机构列：一 为空，无法核对");
  CHECK_STR(r.a[1].zKey, "R2[new]");
  CHECK_INT(r.a[1].nCell, 1);
  rp_result_free(&r);
  /* a blank is never 0: the same grid with 0 there passes */
  set(x.p, "t3", "new", "research", 0);
  report_check(x.p, x.pPrev, &r);
  CHECK_INT(r.n, 0);
  rp_result_free(&r);
  fx_close(&x);
}

TEST(report_accept_violation_with_reason) {
  Fx x;
  RpResult r;
  if (fx_open(&x)) { CHECK(0); fx_close(&x); return; }
  set(x.p, "t4", "cases", "review.total", 3);
  report_accept(x.p, "R4[review]", "一件复议申请被撤回，按上级口径计入总计");
  report_check(x.p, x.pPrev, &r);
  CHECK_INT(r.n, 1);
  CHECK_INT(r.nBroken, 0);
  CHECK_INT(r.nAccepted, 1);
  CHECK_INT(r.a[0].eStatus, RP_ACCEPTED);
  CHECK_STR(r.a[0].zReason, "一件复议申请被撤回，按上级口径计入总计");
  rp_result_free(&r);
  /* the acceptance survives the JSON form */
  char *zJ = report_to_json(x.p), *zErr = NULL;
  Report *p2 = NULL;
  CHECK_INT(report_from_json(&x.set, zJ, NULL, &p2, &zErr), 0);
  free(zErr);
  if (p2) {
    CHECK_STR(report_accepted(p2, "R4[review]"),
              "一件复议申请被撤回，按上级口径计入总计");
    report_check(p2, NULL, &r);
    CHECK_INT(r.nAccepted, 1);
    rp_result_free(&r);
  }
  report_free(p2);
  free(zJ);
  /* withdrawing the acceptance makes it a violation again */
  report_accept(x.p, "R4[review]", NULL);
  report_check(x.p, NULL, &r);
  CHECK_INT(r.nBroken, 1);
  rp_result_free(&r);
  fx_close(&x);
}

TEST(report_json_round_trip) {
  Fx x;
  if (fx_open(&x)) { CHECK(0); fx_close(&x); return; }
  int i = rf_cell(x.p->pFmt, "t3", "new", "legal_service");
  report_set_reason(x.p, i, "含一件代理申请");
  report_clear(x.p, rf_cell(x.p->pFmt, "t4", "cases", "lit_direct.other"));
  char *zJ = report_to_json(x.p), *zErr = NULL;
  Report *p2 = NULL;
  CHECK(strstr(zJ, "\"amount_wan_yuan\": 12.5") != NULL);
  CHECK(strstr(zJ, "\"lit_direct.other\": null") != NULL);
  CHECK(strstr(zJ, "\"t3[new][legal_service]\": \"含一件代理申请\"") != NULL);
  CHECK_INT(report_from_json(&x.set, zJ, NULL, &p2, &zErr), 0);
  if (p2) {
    for (int k = 0; k < x.p->pFmt->nCell; k++) {
      long long a = -1, b = -1;
      int sa = report_get(x.p, k, &a), sb = report_get(p2, k, &b);
      CHECK_INT(sa, sb);
      if (sa && sb) CHECK_INT(a, b);
    }
    CHECK_STR(p2->aCell[i].zReason, "含一件代理申请");
  }
  report_free(p2);
  free(zJ);
  free(zErr);
  fx_close(&x);
}

TEST(report_json_errors) {
  RfSet s = {0};
  Report *p = NULL;
  char *zErr = NULL;
  fixture_formats(&s);
  CHECK_INT(report_from_json(&s, "{\"format\":\"1999\"}", NULL, &p, &zErr),
            -1);
  CHECK_STR(zErr, "未知的报告格式：1999");
  free(zErr);
  CHECK_INT(report_from_json(&s, "{\"format\":\"2021\",\"tables\":{\"t3\":"
                                 "{\"new\":{\"martian\":1}}}}",
                             NULL, &p, &zErr), -1);
  CHECK_STR(zErr, "表 t3 中没有列 martian");
  free(zErr);
  CHECK_INT(report_from_json(&s, "[1,", NULL, &p, &zErr), -1);
  CHECK(zErr && strstr(zErr, "JSON") == zErr);
  free(zErr);
  CHECK(p == NULL);
  rf_set_free(&s);
}

TEST(report_drill_down_records) {
  RfSet s = {0};
  fixture_formats(&s);
  const RfFormat *f = rf_format_find(&s, "2021");
  Report *p = report_new(f, "x", 2021);
  int i = rf_cell(f, "t3", "new", "natural_person");
  long long v = -1;
  CHECK(!report_get(p, i, &v));
  report_add_record(p, i, 101, RF_SCALE);
  report_add_record(p, i, 102, RF_SCALE);
  CHECK(report_get(p, i, &v));
  CHECK_INT(v, 2 * RF_SCALE);
  CHECK_INT(p->aCell[i].nRec, 2);
  CHECK_INT(p->aCell[i].aRec[1], 102);
  report_free(p);
  rf_set_free(&s);
}

TEST(report_values_out_of_range_rejected) {
  RfSet s = {0};
  Report *p = NULL;
  char *zErr = NULL;
  fixture_formats(&s);
  const RfFormat *f = rf_format_find(&s, "2021");
  Report *q = report_new(f, NULL, 0);
  CHECK_INT(report_set_int(q, 0, RF_MAX_UNITS), -1);
  CHECK_INT(report_set_int(q, 0, RF_MAX_UNITS - 1), 0);
  CHECK_INT(report_set_int(q, f->nCell, 1), -1);
  report_free(q);
  CHECK_INT(report_from_json(&s, "{\"format\":\"2021\",\"tables\":{\"t3\":"
                                 "{\"new\":{\"total\":1e300}}}}",
                             NULL, &p, &zErr), -1);
  CHECK_STR(zErr, "t3[new][total] 超出范围");
  free(zErr);
  rf_set_free(&s);
}
