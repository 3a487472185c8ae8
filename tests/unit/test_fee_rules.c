/* test_fee_rules.c — when and how much an application may be charged
** (core/fees.c fee_compute, fee_notice_text; store_app_month_count), the
** cases of issue 13 §1–§2 worked out BY HAND from 国办函〔2020〕109号:
**  - 按件: items 1–10 free, 11–30 100 元, 31–40 200 元 (第四条);
**    25 items on 2025-03-03: 11..25 = 15 × 100 = 1,500 元; then 10 items on
**    2025-03-10 are items 26–35: 26..30 = 5 × 100 + 31..35 = 5 × 200 =
**    1,500 元 (not 100 元: earlier records are counted by their items);
**  - 5 applications to the 疾控中心 then 10 items to the 局 in the same
**    month: the 局 counts its own, items 1–10 = 0 元;
**  - an application received 2020-06-01: no fee (in force 2021-01-01);
**  - 300 pages inspected on the spot (当场查阅): 按量 does not apply (第五条;
**    the old code gave 30×0 + 70×10 + 100×20 + 100×40 = 6,700 元). */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../src/core/fees.h"
#include "../../src/store/store_applications.h"
#include "../../src/store/store_remedy.h"
#include "harness.h"
#include "storefix.h"
#include "datefix.h"


static long long fee(const char *zRec, const char *zMethod, const char *zForm,
                     int nPrior, int nCount, int wantRc) {
  FeeRequest q = {D(zRec), zMethod, zForm, nPrior, nCount};
  FeeResult r;
  CHECK_INT(fee_compute(&q, &r), wantRc);
  long long v = wantRc == FEE_OK ? r.nYuan : -1;
  fee_result_free(&r);
  return v;
}

TEST(fee_compute_cases_of_issue_13) {
  CHECK_INT(fee("2025-03-03", "per_item", "paper", 0, 25, FEE_OK), 1500);
  CHECK_INT(fee("2025-03-10", "per_item", "paper", 25, 10, FEE_OK), 1500);
  CHECK_INT(fee("2025-03-10", "per_item", "paper", 0, 10, FEE_OK), 0);
  /* 2020-06-01: nothing may be charged, either way; 2021-01-01 may. */
  CHECK_INT(fee("2020-06-01", "per_volume", "paper", 0, 150, FEE_EINVAL), -1);
  CHECK_INT(fee("2020-12-31", "per_item", "paper", 0, 40, FEE_EINVAL), -1);
  CHECK_INT(fee("2021-01-01", "per_volume", "paper", 0, 150, FEE_OK), 1700);
  /* 300 pages: on-site inspection refused; paper = 6,700 元. */
  CHECK_INT(fee("2025-03-03", "per_volume", "inspection", 0, 300, FEE_EINVAL),
            -1);
  CHECK_INT(fee("2025-03-03", "per_volume", "paper", 0, 300, FEE_OK), 6700);
  CHECK_INT(fee("2025-03-03", "per_volume", "email", 0, 31, FEE_OK), 10);
  /* 按件 applies to every decision, inspection included. */
  CHECK_INT(fee("2025-03-03", "per_item", "inspection", 0, 11, FEE_OK), 100);
  CHECK_INT(fee("2025-03-03", "", "paper", 0, 11, FEE_EINVAL), -1);
  FeeRequest q = {D("2020-06-01"), "per_volume", "paper", 0, 150};
  FeeResult r;
  fee_compute(&q, &r);
  CHECK(r.zText && strstr(r.zText, "自2021年1月1日起收取"));
  fee_result_free(&r);
  q.dReceived = D("2025-03-03");
  q.zForm = "inspection";
  fee_compute(&q, &r);
  CHECK(r.zText && strstr(r.zText, "当场查阅的不按量计收"));
  fee_result_free(&r);
}

TEST(fee_notice_states_basis_standard_amount_deadline) {
  char *z = fee_notice_text("per_item", 1500, "（计算）", D("2025-04-08"));
  CHECK(strstr(z, "收费依据") && strstr(z, "国办函〔2020〕109号）第四条"));
  CHECK(strstr(z, "收费标准：按件计收"));
  CHECK(strstr(z, "收费金额：1500元"));
  CHECK(strstr(z, "收到本通知之日起20个工作日内缴纳（自发出之日起算至 "
                  "2025-04-08）"));
  CHECK(strstr(z, "逾期未缴纳的，本机关不再处理"));
  free(z);
  z = fee_notice_text("per_volume", 10, "", D("2025-04-08"));
  CHECK(strstr(z, "第五条") && strstr(z, "按量计收"));
  free(z);
}

/* Adds an application of applicant zHash to org on zDay; returns its id. */
static int64_t add(Store *s, Arena *a, int64_t org, const char *zDay,
                   const char *zHash) {
  App app;
  memset(&app, 0, sizeof app);
  app.orgId = org;
  app.zChannel = "in_person";
  app.zApplicantType = "natural_person";
  app.zApplicantName = "马建国";
  app.zIdKind = "resident_id";
  app.zIdHash = zHash;
  app.zReceivedOn = zDay;
  char zTrack[40];
  static int n;
  snprintf(zTrack, sizeof zTrack, "track%d", ++n);
  CHECK_INT(store_begin(s), STORE_OK); /* the number is taken under a lock */
  CHECK_INT(store_app_add(s, a, &app, zTrack), STORE_OK);
  CHECK_INT(store_commit(s), STORE_OK);
  return app.id;
}

TEST(fee_month_count_same_applicant_same_organ_items) {
  char zPath[] = "/tmp/gk-unit-fees-XXXXXX";
  Store *s = temp_store(zPath);
  if (!s) return;
  Arena a = ARENA_INIT;
  Org bureau, cdc;
  memset(&bureau, 0, sizeof bureau);
  memset(&cdc, 0, sizeof cdc);
  bureau.zSlug = "ju";
  bureau.zName = "县卫生健康局";
  cdc.zSlug = "cdc";
  cdc.zName = "县疾病预防控制中心";
  CHECK_INT(store_org_add(s, &bureau), STORE_OK);
  CHECK_INT(store_org_add(s, &cdc), STORE_OK);
  /* 25 items on 03-03 charged per item, then an application on 03-10. */
  int64_t a1 = add(s, &a, bureau.id, "2025-03-03", "H1");
  CHECK_INT(store_app_set_fee(s, a1, "per_item", 25, 1500, "paid", ""),
            STORE_OK);
  int64_t a2 = add(s, &a, bureau.id, "2025-03-10", "H1");
  CHECK_INT(store_app_month_count(s, "H1", "2025-03-10", a2), 25);
  CHECK_INT(store_app_month_count(s, "H1", "2025-03-03", a1), 0);
  /* Five to the 疾控中心, then one to the 局 by another applicant. */
  for (int i = 0; i < 5; i++) add(s, &a, cdc.id, "2025-04-01", "H2");
  int64_t b = add(s, &a, bureau.id, "2025-04-02", "H2");
  CHECK_INT(store_app_month_count(s, "H2", "2025-04-02", b), 0);
  /* The next month starts again; an uncharged application counts 1. */
  int64_t c = add(s, &a, bureau.id, "2025-04-20", "H2");
  CHECK_INT(store_app_month_count(s, "H2", "2025-04-20", c), 1);
  int64_t m = add(s, &a, bureau.id, "2025-05-02", "H1");
  CHECK_INT(store_app_month_count(s, "H1", "2025-05-02", m), 0);
  arena_free(&a);
  store_close(s);
  unlink(zPath);
}

/* The reconsideration organ (行政复议法 Art. 24): the setting, else the
** nearest organisation of kind 'government' above (a department's cases
** go to the government at its level, a government's to the one above). */
TEST(review_organ_setting_and_default_by_kind) {
  char zPath[] = "/tmp/gk-unit-remedy-XXXXXX";
  Store *s = temp_store(zPath);
  if (!s) return;
  Arena a = ARENA_INIT;
  Org city, county, bureau, unit;
  memset(&city, 0, sizeof city);
  city.zSlug = "city";
  city.zName = "中卫市人民政府";
  city.zKind = "government";
  CHECK_INT(store_org_add(s, &city), STORE_OK);
  county = city;
  county.zSlug = "county";
  county.zName = "中宁县人民政府";
  county.parentId = city.id;
  CHECK_INT(store_org_add(s, &county), STORE_OK);
  bureau = county;
  bureau.zSlug = "ju";
  bureau.zName = "中宁县卫生健康局";
  bureau.zKind = "department";
  bureau.parentId = county.id;
  CHECK_INT(store_org_add(s, &bureau), STORE_OK);
  unit = bureau;
  unit.zSlug = "jd";
  unit.zName = "中宁县卫生监督所";
  unit.zKind = "acting";
  unit.parentId = bureau.id;
  CHECK_INT(store_org_add(s, &unit), STORE_OK);
  const char *z = NULL;
  int bDef = 0;
  CHECK_INT(store_org_review_organ(s, &a, bureau.id, &z, &bDef), STORE_OK);
  CHECK_STR(z, "中宁县人民政府");
  CHECK_INT(bDef, 1);
  CHECK_INT(store_org_review_organ(s, &a, unit.id, &z, NULL), STORE_OK);
  CHECK_STR(z, "中宁县人民政府");
  CHECK_INT(store_org_review_organ(s, &a, county.id, &z, NULL), STORE_OK);
  CHECK_STR(z, "中卫市人民政府");           /* a government: the one above */
  CHECK_INT(store_org_review_organ(s, &a, city.id, &z, NULL), STORE_OK);
  CHECK_STR(z, "");                          /* none known */
  CHECK_INT(store_org_set_review_organ(s, bureau.id, "宁夏回族自治区卫生健康委员会"),
            STORE_OK);
  CHECK_INT(store_org_review_organ(s, &a, bureau.id, &z, &bDef), STORE_OK);
  CHECK_STR(z, "宁夏回族自治区卫生健康委员会");
  CHECK_INT(bDef, 0);
  char zLong[400];
  zLong[0] = 0;
  for (int i = 0; i < 101; i++) strcat(zLong, "县");
  CHECK_INT(store_org_set_review_organ(s, bureau.id, zLong), STORE_INVALID);
  CHECK_INT(store_org_review_organ(s, &a, 999, &z, NULL), STORE_NOTFOUND);
  arena_free(&a);
  store_close(s);
  unlink(zPath);
}
