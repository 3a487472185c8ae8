/*
** test_org_kind.c — which register figures an organisation of each kind
** records (core/org_kind.c): 行政许可, 行政处罚, 行政强制 and 行政事业性收费
** are figures of administrative organs (the report's table 二, Art. 50);
** an Art. 55 public enterprise and a unit acting in another organ's name
** record none of them, and every kind records the other figures.
*/
#include "harness.h"
#include "core/org_kind.h"

TEST(org_kind_register_figures_by_kind) {
  static const char *const azAdmin[] = {"licensing", "penalty", "coercion", "admin_fees"};
  for (int i = 0; i < 4; i++) {
    CHECK(org_kind_register_refusal(org_kind("government"), azAdmin[i]) == NULL);
    CHECK(org_kind_register_refusal(org_kind("department"), azAdmin[i]) == NULL);
    CHECK(org_kind_register_refusal(org_kind("authorised"), azAdmin[i]) == NULL);
    CHECK(org_kind_register_refusal(org_kind("public_enterprise"), azAdmin[i]) != NULL);
    CHECK(org_kind_register_refusal(org_kind("acting"), azAdmin[i]) != NULL);
  }
  /* 政府集中采购 and the other service items are not administrative acts. */
  CHECK(org_kind_register_refusal(org_kind("public_enterprise"), "central_procurement") == NULL);
  CHECK(org_kind_register_refusal(org_kind("public_enterprise"), NULL) == NULL);
}
