/* test_report_adjust.c — the hand adjustment of a report cell (人工调整,
** src/app/app_report.c over src/store/sqlite_reports.c): the adjusted value
** replaces the computed one every time the report is built, also after the
** records change (the draft is recomputed, the adjustment stays); the
** consistency rules read it (an adjustment that breaks the arithmetic is a
** finding); it needs a reason, a number and the permission; it can be
** removed; a published report refuses it. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../src/app/app_report.h"
#include "harness.h"
#include "report_fixture.h"
#include "storefix.h"

static int can_all(void *p, Perm perm, int64_t orgId) {
  (void)p; (void)perm; (void)orgId;
  return 1;
}
static int can_none(void *p, Perm perm, int64_t orgId) {
  (void)p; (void)perm; (void)orgId;
  return 0;
}

/* One call of app_report_override on (org, 2022) with the given inputs. */
static int adjust(Store *s, Arena *a, const RfSet *pSet, int64_t org,
                  int bCan, const char *zCell, const char *zValue,
                  const char *zReason, int bRemove, AppReportCell *x) {
  static AppActor all = {0, "测试", can_all, NULL};
  static AppActor none = {0, "测试", can_none, NULL};
  memset(x, 0, sizeof *x);
  x->store = s;
  x->arena = a;
  x->who = bCan ? &all : &none;
  x->pSet = pSet;
  x->orgId = org;
  x->year = 2022;
  x->zCell = zCell;
  x->zValue = zValue;
  x->zReason = zReason;
  x->bRemove = bRemove;
  return app_report_override(x);
}

/* The value of t3[r][c] in the stored report as built now (-1 blank). */
static long long cell(Store *s, const RfSet *pSet, const ReportRec *pRec,
                      const char *zTab, const char *zRow, const char *zCol,
                      int *pnBroken, const char **pzReason) {
  Report *p = NULL;
  long long v = -1;
  CHECK_INT(store_report_build(s, pSet, pRec, 0, &p), STORE_OK);
  if (!p) return -2;
  int i = rf_cell(p->pFmt, zTab, zRow, zCol);
  if (!report_get(p, i, &v)) v = -1;
  if (pzReason) {
    static char zR[64];
    snprintf(zR, sizeof zR, "%s", p->aCell[i].zReason ? p->aCell[i].zReason : "");
    *pzReason = zR;
  }
  if (pnBroken) {
    RpResult res;
    report_check(p, NULL, &res);
    *pnBroken = res.nBroken;
    rp_result_free(&res);
  }
  report_free(p);
  return v;
}

TEST(report_adjust_kept_across_recomputation_and_checked) {
  RfSet set = {0};
  Arena a = ARENA_INIT;
  char zPath[] = "/tmp/gk-unit-adj-XXXXXX";
  AppReportCell x;
  ReportRec rec;
  int nBroken = -1;
  const char *zR = NULL;
  fixture_formats(&set);
  Store *s = temp_store(zPath);
  if (!s) return;
  Org o = {0};
  o.zSlug = "t-org";
  o.zName = "测试局";
  CHECK_INT(store_org_add(s, &o), STORE_OK);
  /* Refusals store nothing, not even the draft. */
  CHECK_INT(adjust(s, &a, &set, o.id, 1, "t3[new][natural_person]", "2", " ",
                   0, &x), 400);
  CHECK_STR(x.zErr, "请填写修改理由");
  CHECK_INT(adjust(s, &a, &set, o.id, 1, "t3[new][natural_person]", "两件",
                   "补录", 0, &x), 400);
  CHECK_INT(adjust(s, &a, &set, o.id, 1, "t3[old][total]", "2", "补录", 0, &x),
            400);
  CHECK_INT(adjust(s, &a, &set, o.id, 0, "t3[new][natural_person]", "2",
                   "补录", 0, &x), 403);
  CHECK_INT(adjust(s, &a, &set, o.id, 1, "t3[new][natural_person]", "", "",
                   1, &x), 409);
  CHECK_INT(store_report_get(s, &a, o.id, 2022, 0, &rec), STORE_NOTFOUND);
  /* No records: every computed number of table 三 is 0, table 二's
  ** 行政处罚 comes from the register (7). */
  CHECK_INT(store_report_register_put(s, o.id, 2022, "penalty", 7, 0, "form",
                                      0), STORE_OK);
  CHECK_INT(adjust(s, &a, &set, o.id, 1, "t3[new][natural_person]", "2",
                   "纸质登记簿补录两件", 0, &x), 0);
  CHECK(x.zDone && strstr(x.zDone, "已将“一·自然人”人工调整为2"));
  CHECK_INT(store_report_get(s, &a, o.id, 2022, 0, &rec), STORE_OK);
  CHECK_STR(rec.zStatus, "draft");
  CHECK_STR(rec.zFormat, "2021");
  CHECK(cell(s, &set, &rec, "t3", "new", "natural_person", &nBroken, &zR) ==
        2 * RF_SCALE);
  CHECK_STR(zR, "纸质登记簿补录两件");
  /* 一 total (0) ≠ the columns (2): R2[new]; 自然人 column: 一 + 二 = 2 but
  ** results + carry out = 0: R1[natural_person]. */
  CHECK_INT(nBroken, 2);
  /* The records change (the register says 9): the draft is recomputed,
  ** the adjustment stays and the rules still read it. */
  CHECK_INT(store_report_register_put(s, o.id, 2022, "penalty", 9, 0, "csv",
                                      0), STORE_OK);
  CHECK(cell(s, &set, &rec, "t2_art20_6", "penalty", "decisions", NULL,
             NULL) == 9 * RF_SCALE);
  CHECK(cell(s, &set, &rec, "t3", "new", "natural_person", &nBroken, NULL) ==
        2 * RF_SCALE);
  CHECK_INT(nBroken, 2);
  /* The total adjusted too: R2[new] holds again, R1 now breaks for 自然人
  ** and for 总计 (new 2, results and carry out 0). */
  CHECK_INT(adjust(s, &a, &set, o.id, 1, "t3[new][total]", "2", "同上", 0, &x),
            0);
  CHECK(cell(s, &set, &rec, "t3", "new", "natural_person", &nBroken, NULL) ==
        2 * RF_SCALE);
  CHECK_INT(nBroken, 2);
  /* Blank by hand: the rule cannot be checked, it is not broken. */
  CHECK_INT(adjust(s, &a, &set, o.id, 1, "t3[new][total]", "", "未统计", 0, &x),
            0);
  CHECK(cell(s, &set, &rec, "t3", "new", "total", NULL, &zR) == -1);
  CHECK_STR(zR, "未统计");
  /* 恢复计算值, one cell after the other: back to 0 and no finding. */
  CHECK_INT(adjust(s, &a, &set, o.id, 1, "t3[new][total]", "", "", 1, &x), 0);
  CHECK(x.zDone && strstr(x.zDone, "已恢复“一·总计”的计算值"));
  CHECK_INT(adjust(s, &a, &set, o.id, 1, "t3[new][natural_person]", NULL,
                   NULL, 1, &x), 0);
  CHECK(cell(s, &set, &rec, "t3", "new", "natural_person", &nBroken, &zR) ==
        0);
  CHECK_STR(zR, "");
  CHECK_INT(nBroken, 0);
  CHECK_INT(adjust(s, &a, &set, o.id, 1, "t3[new][natural_person]", "", "",
                   1, &x), 409);
  ReportOverride *aO;
  int nO = 0;
  CHECK_INT(store_report_overrides(s, &a, rec.id, &aO, &nO), STORE_OK);
  CHECK_INT(nO, 5);
  if (nO == 5) CHECK_STR(aO[0].zReason, "恢复计算值");
  /* Published: frozen, the adjustment is refused with the way out. */
  CHECK_INT(store_report_set_status(s, rec.id, "published", "{}", 0),
            STORE_OK);
  CHECK_INT(adjust(s, &a, &set, o.id, 1, "t3[new][natural_person]", "3",
                   "更正", 0, &x), 409);
  CHECK(x.zErr && strstr(x.zErr, "报告已发布") && strstr(x.zErr, "退回草稿"));
  CHECK_INT(store_report_overrides(s, &a, rec.id, &aO, &nO), STORE_OK);
  CHECK_INT(nO, 5);
  store_close(s);
  unlink(zPath);
  arena_free(&a);
  rf_set_free(&set);
}
