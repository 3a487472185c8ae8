/*
** page_freshness.c — catalogue freshness: each proactive catalogue item
** with an update frequency (每月 / 每季度 / 每半年 / 每年) compared with its
** latest published document (core/freshness.h), flagged due soon or
** overdue, and the "本期无新增" statement for a period.  Reading needs
** PERM_VIEW_STAFF on the organisation; the statement, PERM_DOC_MANAGE (the
** catalogue's own permission) on the item's organisation.
*/
#include <string.h>

#include "core/freshness.h"
#include "web/feedback.h"
#include "web/pages.h"
#include "web/registers.h"

/* The latest covered day of a row: its latest document or statement. */
static Date row_latest(const FreshRow *f) {
  Date d1 = DATE_NONE, d2 = DATE_NONE;
  if (f->zLatestDoc[0]) date_parse(f->zLatestDoc, &d1);
  if (f->zLatestNil[0]) date_parse(f->zLatestNil, &d2);
  return d1 == DATE_NONE ? d2 : d2 == DATE_NONE ? d1 : (d1 > d2 ? d1 : d2);
}

int reg_fresh_state(const FreshRow *f, Date dToday, Date *pdDue) {
  return (int)fresh_state(fresh_period(f->zFrequency), row_latest(f), dToday,
                          pdDue, NULL);
}

/* The ?filter= values: the states each selects and its caption.  The
** dashboard counts with reg_fresh_state too and links its figures here
** with checked, overdue and due_soon. */
static const struct {
  const char *zName, *zLabel;
  unsigned mState;   /* bit (1 << FrState) set for each state shown */
} aFilter[] = {
  {"late", "逾期和即将到期", (1u << FR_OVERDUE) | (1u << FR_DUE_SOON)},
  {"checked", "按周期检查的事项", ~(1u << FR_NA)},
  {"overdue", "逾期未更新", 1u << FR_OVERDUE},
  {"due_soon", "即将到期", 1u << FR_DUE_SOON},
};

static const char *state_class(FrState e) {
  return e == FR_OVERDUE ? "missed" : e == FR_DUE_SOON ? "due" : e == FR_CURRENT ? "met" : "";
}

int page_freshness(Req *r) {
  RegScope sc;
  const char *zErr = NULL;
  r->bNoCache = 1;
  if (reg_scope(r, PERM_VIEW_STAFF, &sc)) return 0;
  Date dToday = reg_today_date();
  if (r->method == HTTP_POST) {
    int64_t itemId = 0;
    FreshRow f;
    if (req_param_int(r, "item", 1, INT64_MAX, &itemId) != 1 ||
        store_fresh_get(r->store, &r->arena, itemId, &f) != STORE_OK) {
      http_error(r, 404, "目录事项不存在");
      return 0;
    }
    if (reg_check(r, PERM_DOC_MANAGE, f.orgId)) return 0;
    FrPeriod e = fresh_period(f.zFrequency);
    const char *zNote = req_param_or(r, "note", "");
    const char *zWhich = req_param_or(r, "which", "current");
    Date s, t;
    if (e == FR_NONE) zErr = "该事项没有固定的更新周期，无需登记“本期无新增”";
    else if (strcmp(zWhich, "current") && strcmp(zWhich, "previous")) zErr = "期间参数无效";
    if (!zErr) zErr = reg_text_check("说明", zNote, 500, 0);
    if (!zErr) {
      fresh_bounds(e, dToday, &s, &t);
      if (!strcmp(zWhich, "previous")) fresh_bounds(e, s - 1, &s, &t);
      char zS[DATE_STRLEN], zT[DATE_STRLEN];
      if (store_fresh_nil_add(r->store, itemId, date_format(s, zS), date_format(t, zT),
                              zNote, reg_today(r), r->user->id) != STORE_OK)
        zErr = store_errmsg(r->store);
      else {
        store_audit(r->store, r->user->id, f.orgId, "catalogue.nil", zS);
        page_feedback(r, FB_FRESH_NIL, f.zContent[0] ? f.zContent : f.zLevel2[0] ? f.zLevel2 : f.zLevel1,
                      req_fmt(r, "期间为%s至%s", fmt_date(r, zS), fmt_date(r, zT)), NULL);
        const char *zQs_raw = reg_qs(r, &sc);
        req_redirect(r, req_fmt(r, "/staff/freshness%s", zQs_raw));
        return 0;
      }
    }
  }
  /* ?filter= (absent or "all": every item; else one of aFilter). */
  const char *zFilter = req_param_or(r, "filter", "all");
  int iFilter = -1;
  for (int k = 0; k < (int)(sizeof aFilter / sizeof aFilter[0]); k++)
    if (!strcmp(zFilter, aFilter[k].zName)) iFilter = k;
  if (iFilter < 0 && strcmp(zFilter, "all") && zFilter[0]) {
    http_error(r, 400, "筛选参数无效，请使用页面上的筛选链接");
    return 0;
  }
  FreshRow *aF;
  int n;
  if (store_fresh_list(r->store, &r->arena, sc.orgId, sc.bSubtree, &aF, &n) != STORE_OK) {
    http_store_error(r, store_errcode(r->store));
    return 0;
  }
  const char *zQs = reg_qs(r, &sc);
  page_begin(r, "目录更新检查");
  req_puts(r, "<h1>公开目录更新检查</h1>\n");
  reg_nav(r, &sc, "freshness");
  if (zErr) page_notice(r, "error", zErr);
  req_printf(r, "<p>按更新频率（每月、每季度、每半年、每年）检查每个目录事项是否在每一期内发布了文件，"
                "或登记了“本期无新增”。<a href=\"/staff/freshness%h&amp;filter=late\">只看逾期和即将到期</a></p>\n",
             zQs);
  if (iFilter >= 0)
    req_printf(r, "<p class=\"filter\" id=\"filter\">筛选：%h <a href=\"/staff/freshness%h\">清除筛选</a></p>\n",
               aFilter[iFilter].zLabel, zQs);
  req_puts(r, "<table class=\"grid cards\" id=\"fresh-list\"><caption>目录事项</caption><thead><tr>"
              "<th scope=\"col\">单位</th><th scope=\"col\">事项</th><th scope=\"col\">负责科室</th>"
              "<th scope=\"col\">更新频率</th><th scope=\"col\">最近发布</th><th scope=\"col\">最近“无新增”</th>"
              "<th scope=\"col\">状态</th><th scope=\"col\">期限</th><th scope=\"col\">登记</th>"
              "</tr></thead><tbody>\n");
  int nShown = 0;
  for (int i = 0; i < n; i++) {
    Date dDue;
    FrState e = (FrState)reg_fresh_state(&aF[i], dToday, &dDue);
    if (iFilter >= 0 && !(aFilter[iFilter].mState & (1u << e))) continue;
    char zDue[DATE_STRLEN];
    req_printf(r, "<tr><td>%h</td><td>%h%h%h<br><small>%h</small></td><td>%h</td><td>%h</td>"
                  "<td>%h</td><td>%h</td><td class=\"%h\">%h</td><td>%h</td><td>",
               aF[i].zOrgName, aF[i].zLevel1, aF[i].zLevel2[0] ? " / " : "", aF[i].zLevel2,
               aF[i].zContent, aF[i].zDept, aF[i].zFrequency, aF[i].zLatestDoc,
               aF[i].zLatestNil, state_class(e), fresh_state_label(e),
               dDue == DATE_NONE ? "" : date_format(dDue, zDue));
    if (e != FR_NA && e != FR_CURRENT && req_can(r, PERM_DOC_MANAGE, aF[i].orgId)) {
      req_printf(r, "<form method=\"post\" class=\"inline\"><input type=\"hidden\" name=\"item\" value=\"%lld\">"
                    "<input type=\"hidden\" name=\"org\" value=\"%lld\">"
                    "<input type=\"hidden\" name=\"which\" value=\"%s\">",
                 (long long)aF[i].itemId, (long long)sc.orgId,
                 e == FR_OVERDUE ? "previous" : "current");
      page_csrf_field(r);
      req_printf(r, "<button type=\"submit\" class=\"link\">%s本期无新增</button></form>",
                 e == FR_OVERDUE ? "补登上期：" : "");
    }
    req_puts(r, "</td></tr>\n");
    nShown++;
  }
  if (!nShown) req_puts(r, "<tr><td colspan=\"9\">没有需要按周期检查的目录事项</td></tr>\n");
  req_puts(r, "</tbody></table>\n");
  page_end(r);
  if (zErr) r->status = 422;
  return 0;
}
