/* test_report_format.c — parsing the annual-report format definitions. */
#include <stdlib.h>
#include <string.h>

#include "core/report_format.h"
#include "harness.h"

static const RfRule *rule(const RfFormat *f, const char *zId) {
  for (int i = 0; i < f->nRule; i++)
    if (!strcmp(f->aRule[i].zId, zId)) return &f->aRule[i];
  return NULL;
}

TEST(report_format_builtin_loads) {
  RfSet s = {0};
  char *zErr = NULL;
  CHECK_INT(rf_set_load_builtin(&s, &zErr), 0);
  if (zErr) fprintf(stderr, "  %s\n", zErr);
  free(zErr);
  CHECK(rf_format_find(&s, "2021") != NULL);
  CHECK(rf_format_find(&s, "2019") != NULL);
  CHECK(rf_format_find(&s, "stat2018") != NULL);
  rf_set_free(&s);
}

TEST(report_format_2021_rules_expand) {
  RfSet s = {0};
  char *zErr = NULL;
  rf_set_load_builtin(&s, &zErr);
  free(zErr);
  const RfFormat *f = rf_format_find(&s, "2021");
  if (!f) { CHECK(0); rf_set_free(&s); return; }
  const RfTable *t3 = rf_table_find(f, "t3");
  CHECK(t3 != NULL);
  CHECK_INT(t3->nCol, 7);
  CHECK_INT(rule(f, "R1")->eKind, RF_RULE_FORMULA);
  CHECK_INT(rule(f, "R1")->nCheck, 7);
  CHECK_STR(rule(f, "R1")->aCheck[0].zKey, "R1[natural_person]");
  CHECK_STR(rule(f, "R1")->aCheck[0].zContext, "自然人列");
  CHECK_INT(rule(f, "R1")->aCheck[0].nLhs, 2);
  CHECK_INT(rule(f, "R2")->eKind, RF_RULE_FORMULA);
  CHECK_INT(rule(f, "R3")->nCheck, 7);
  CHECK_INT(rule(f, "R3")->aCheck[0].nRhs, 21);
  CHECK_INT(rule(f, "R4")->nCheck, 3);
  CHECK_STR(rule(f, "R4")->aCheck[0].zKey, "R4[review]");
  CHECK_STR(rule(f, "R4")->aCheck[0].zContext, "行政复议");
  CHECK_INT(rule(f, "R5")->eKind, RF_RULE_NOTE);
  CHECK_INT(rule(f, "R6")->eKind, RF_RULE_FORMULA);
  CHECK(rule(f, "R6")->bCrossYear);
  CHECK_INT(rule(f, "R6")->nCheck, 7);
  CHECK_INT(rule(f, "R7")->eKind, RF_RULE_CELL_TYPES);
  CHECK_INT(rule(f, "R8")->eKind, RF_RULE_FORMULA);
  CHECK_INT(rule(f, "R8")->eSeverity, RF_WARNING);
  CHECK_INT(rule(f, "R8")->nCheck, 2);
  CHECK_INT(rule(f, "R8")->aCheck[0].nRhs, 3);
  CHECK_INT(rule(f, "R8")->aCheck[0].aRhs[2].sign, -1);
  CHECK_INT(rule(f, "R8")->aCheck[0].aRhs[0].iYear, -1);
  int r = rf_row_find(t3, "results.total");
  CHECK_STR(t3->aRow[r].zShort, "三（七）总计");
  CHECK_STR(t3->aRow[rf_row_find(t3, "new")].zShort, "一");
  CHECK_INT(rf_row_find_label(t3, "(二) 部分公开(区分处理)"),
            rf_row_find(t3, "results.partial"));
  CHECK_INT(rf_row_find_label(t3, "３．危及\"三安全一稳定\""),
            rf_row_find(t3, "results.denied.three_security_one_stability"));
  CHECK_INT(rf_col_find_label(t3, "总 计"), 6);
  CHECK_INT(rf_cell_type(f, rf_cell(f, "t2_art20_8", "admin_fees",
                                    "amount_wan_yuan")), RF_DECIMAL);
  char *z = rf_cell_id(f, rf_cell(f, "t3", "carry_out", "total"));
  CHECK_STR(z, "t3[carry_out][total]");
  free(z);
  rf_set_free(&s);
}

TEST(report_format_label_norm) {
  char *z = rf_label_norm("（二）部分公开（区分处理的，只计这一情形，不计其他情形）");
  CHECK_STR(z, "二部分公开");
  free(z);
  z = rf_label_norm("（四）政府信息公开专项经费（不包括用于政府公报编辑管理及");
  CHECK_STR(z, "四政府信息公开专项经费");
  free(z);
  z = rf_label_norm("(一)");
  CHECK_STR(z, "一");
  free(z);
  z = rf_label_norm("１．本机关 不掌握");
  CHECK_STR(z, "1本机关不掌握");
  free(z);
}

TEST(report_format_stat2018_rules) {
  RfSet s = {0};
  char *zErr = NULL;
  rf_set_load_builtin(&s, &zErr);
  free(zErr);
  const RfFormat *f = rf_format_find(&s, "stat2018");
  if (!f) { CHECK(0); rf_set_free(&s); return; }
  CHECK_INT(rule(f, "S8")->nCheck, 2);
  CHECK_INT(rule(f, "S8")->aCheck[0].op, RF_LE);
  CHECK_INT(rule(f, "S10")->nCheck, 5);
  CHECK_INT(rule(f, "S12")->nCheck, 2);
  CHECK_INT(rule(f, "S12")->aCheck[0].op, RF_LE);
  CHECK_INT(rule(f, "S3")->aCheck[0].nRhs, 8);
  CHECK_INT(rule(f, "S11")->eKind, RF_RULE_CELL_TYPES);
  const RfTable *t = rf_table_find(f, "stat");
  CHECK_STR(t->aRow[rf_row_find(t, "apply.received.online")].zShort,
            "三（一）3.网络申请数");
  CHECK_STR(t->aRow[rf_row_find(t, "apply.received.online")].zUnit, "件");
  rf_set_free(&s);
}

TEST(report_format_bad_reference_rejected) {
  RfSet s = {0};
  char *zErr = NULL;
  const char *zJ =
      "{\"formats\":[{\"id\":\"x\",\"tables\":[{\"id\":\"t\",\"columns\":"
      "[{\"id\":\"a\",\"label\":\"A\"}],\"rows\":[{\"id\":\"r\",\"label\":"
      "\"R\",\"data\":true}]}],\"rules\":[{\"id\":\"Q\",\"formula\":"
      "\"t[r][a] == t[r][nope]\"}]}]}";
  CHECK_INT(rf_set_parse(&s, zJ, &zErr), -1);
  CHECK(zErr && strstr(zErr, "t[r][nope]"));
  free(zErr);
  CHECK_INT(s.nFormat, 0);
  rf_set_free(&s);
}
