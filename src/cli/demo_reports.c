/*
** demo_reports.c — demo data for the annual report: the register of
** table 二 (licensing, penalty and coercion decisions, fees) for the bureau
** and its units, 2019–2025; the bureau's 2024 report published with its
** narrative, which also makes it a document on the portal.  Only units
** that report (core/org_kind.h) have figures; the 疾控中心 has not
** submitted its 2025 report (the supervisor's list shows it).
*/
#include <stdio.h>
#include <stdlib.h>

#include "cli/demo.h"
#include "core/org_kind.h"
#include "core/report.h"
#include "store/store_reports.h"
#include "web/reports.h"

/* Prints the store's message and returns -1. */
static int fail(DemoCtx *c, const char *zWhat) {
  fprintf(stderr, "demo: %s: %s\n", zWhat, store_errmsg(c->s));
  return -1;
}

int demo_reports(DemoCtx *c) {
  /* Decisions and fees per year: bureau, then each unit a share. */
  for (int y = 2019; y <= 2025; y++) {
    int k = y - 2019;
    if (store_report_register_put(c->s, c->bureau, y, "licensing",
                                  180 + 7 * k, 0, "form", c->uOffice) ||
        store_report_register_put(c->s, c->bureau, y, "penalty", 25 + k, 0,
                                  "form", c->uOffice) ||
        store_report_register_put(c->s, c->bureau, y, "coercion", k % 3, 0,
                                  "form", c->uOffice) ||
        store_report_register_put(c->s, c->bureau, y, "admin_fees", 0,
                                  (long long)(12500 + 500 * k), "form",
                                  c->uOffice))
      return fail(c, "登记");
    /* Units whose kind makes such decisions (core/org_kind.h): not the
    ** hospitals (Art. 55) nor the 卫生监督所, whose decisions are the
    ** bureau's (it acts in the bureau's name). */
    for (int u = 0; u < c->nUnit; u++) {
      Org o;
      if (store_org_get(c->s, c->a, c->aUnit[u], &o) != STORE_OK)
        return fail(c, "单位");
      if (org_kind(o.zKind)->bAdminFigures &&
          store_report_register_put(c->s, c->aUnit[u], y, "licensing",
                                    3 + u + k, 0, "csv", c->uOffice))
        return fail(c, "登记");
    }
  }
  /* The bureau's 2024 report, published. */
  Arena *a = c->a;
  ReportRec rec;
  if (store_report_ensure(c->s, a, c->bureau, 2024, 0, "2021", c->uOffice,
                          &rec) ||
      store_report_set_text(
          c->s, rec.id,
          "2024 年，本局认真贯彻落实《中华人民共和国政府信息公开条例》，"
          "坚持以公开为常态、不公开为例外，主动公开卫生健康领域政府信息，"
          "依法办理政府信息公开申请。",
          "一是部分科室信息发布不够及时；二是政策解读形式较为单一。2025 年"
          "将完善发布审核机制，丰富图解、视频等解读形式。",
          "本年未收取信息处理费。") ||
      store_report_set_status(c->s, rec.id, "submitted", NULL, c->uOffice))
    return fail(c, "2024 年度报告");
  /* Published as the numbers stand (with a snapshot). */
  RfSet set = {0};
  char *zErr = NULL;
  Report *p = NULL;
  if (rf_set_load_builtin(&set, &zErr)) {
    fprintf(stderr, "demo: formats: %s\n", zErr);
    free(zErr);
    return -1;
  }
  int rc = store_report_by_id(c->s, a, rec.id, &rec);
  if (!rc) rc = store_report_build(c->s, &set, &rec, 0, &p);
  char *zSnap = rc ? NULL : report_to_json(p);
  if (!rc) rc = store_report_set_status(c->s, rec.id, "published", zSnap,
                                        c->uOffice);
  if (!rc) rc = store_report_by_id(c->s, a, rec.id, &rec);
  if (!rc) rc = report_publish_doc(c->s, a, p, &rec, "2025-01-20", c->uOffice,
                                   NULL);
  free(zSnap);
  report_free(p);
  rf_set_free(&set);
  if (rc) return fail(c, "发布 2024 年度报告");
  /* No hospital report: public hospitals disclose under their sector's
  ** rules (Art. 55) and publish no Art. 50 annual report. */
  return 0;
}
