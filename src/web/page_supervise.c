/*
** page_supervise.c — the supervisor's view (督查): every unit under the
** user side by side with the figures of its registers, each linking to the
** records; inspections with findings and follow-up; and the dashboard per
** organisation or subtree with inline-SVG charts (no script: the CSP
** forbids it) and its XLSX export (libxlsxwriter).
**
** Every figure of the registers links to the list of exactly the records
** it counts (same organisation, scope, year and a filter the list applies
** with the same definition; docs/dashboard.md lists them).  The
** applications figures need the applications module (without it the
** dashboard says so); they link to /staff/applications with the same
** org/subtree and f=open, due_soon, overdue or closed&year=Y, which the
** list selects with the conditions counted with (app_where.h) and
** the due-soon window of app_due_soon_window.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "core/freshness.h"
#include "core/org_kind.h"
#include "core/regime.h"
#include "core/response_clock.h"
#include "lib/utf8.h"
#include "web/applications.h"
#include "web/feedback.h"
#include "web/pages.h"
#include "web/registers.h"
#include "web/reports.h"
#include "store/store_reports.h"

/* The figures of one organisation (or subtree) for one year. */
typedef struct RegStats {
  int nMsg, nMsgOpen, nMsgOverdue, nMsgPublished;
  int aMsgMonth[12];          /* received per month */
  int nEvent, nEventMissed;
  int aEventMonth[12];
  int nProp, nPropOpen, nPropOverdue, nPropPublished;
  int nAct, aActKind[6], nTrainSessions, nTrainPeople;
  int nTask, nTaskDone, nTaskOverdue;
  int nInsp, nInspOpen;
  int nCatChecked, nCatOverdue, nCatDueSoon;   /* catalogue freshness */
  int nPub, aPubMonth[12];    /* published documents of the year */
  int bApps;                  /* the applications module is present */
  AppStats app;               /* its figures */
  int nAppSoonDays;           /* the due-soon window, working days */
} RegStats;

/* Month index 0..11 of "YYYY-MM-DD" in year y, or -1. */
static int month_of(const char *z, int y) {
  Date d;
  if (date_parse(z, &d) || date_year(d) != y) return -1;
  return date_month(d) - 1;
}

/* Computes *p for org (with bSubtree) and year; 0 or -1 (store error). */
static int reg_stats(Req *r, int64_t org, int bSubtree, int year,
                     const Calendar *pCal, int nDays, RegStats *p) {
  Arena *a = &r->arena;
  Store *s = r->store;
  Date dToday = reg_today_date();
  const char *zToday = reg_today(r);
  time_t tNow = time(NULL);
  memset(p, 0, sizeof *p);

  Message *aM;
  int n;
  if (store_message_list(s, a, org, bSubtree, 0, &aM, &n) != STORE_OK) return -1;
  for (int i = 0; i < n; i++) {
    RcMessage c;
    int mo = month_of(aM[i].zReceivedOn, year);
    reg_message_clock(pCal, nDays, &aM[i], dToday, &c);
    /* Open and overdue ones count whatever their year: they are work. */
    if (!c.bReplied) p->nMsgOpen++;
    if (!c.bReplied && c.bOverdue) p->nMsgOverdue++;
    if (mo < 0) continue;
    p->nMsg++;
    p->aMsgMonth[mo]++;
    if (aM[i].bPublished) p->nMsgPublished++;
  }

  OpinionEvent *aE;
  if (store_opinion_list(s, a, org, bSubtree, year, &aE, &n) != STORE_OK) return -1;
  for (int i = 0; i < n; i++) {
    /* The opinion list's filter=missed selects with the same function. */
    p->nEvent++;
    p->nEventMissed += reg_event_missed(&aE[i], tNow);
    Date d = date_from_time_cn((time_t)aE[i].tFound);
    p->aEventMonth[date_month(d) - 1]++;
  }

  Proposal *aP;
  if (store_proposal_list(s, a, org, bSubtree, year, &aP, &n) != STORE_OK) return -1;
  for (int i = 0; i < n; i++) {
    p->nProp++;
    if (!aP[i].zRepliedOn[0]) p->nPropOpen++;
    p->nPropOverdue += reg_proposal_overdue(&aP[i], zToday);
    if (aP[i].bPublished) p->nPropPublished++;
  }

  Activity *aA;
  int nKind;
  const char *const *aKind = reg_activity_kinds(&nKind);
  if (store_activity_list(s, a, org, bSubtree, year, &aA, &n) != STORE_OK) return -1;
  for (int i = 0; i < n; i++) {
    p->nAct++;
    for (int k = 0; k < nKind && k < 6; k++)
      if (!strcmp(aA[i].zKind, aKind[k])) p->aActKind[k]++;
    if (!strcmp(aA[i].zKind, "training")) {
      p->nTrainSessions += aA[i].sessions;
      p->nTrainPeople += aA[i].people;
    }
  }

  WorkplanRec *aW;
  if (store_workplan_list(s, a, org, bSubtree, year, zToday, &aW, &n) != STORE_OK) return -1;
  for (int i = 0; i < n; i++) {
    p->nTask += aW[i].nTask;
    p->nTaskDone += aW[i].nDone;
    p->nTaskOverdue += aW[i].nOverdue;
  }

  FreshRow *aF;
  if (store_fresh_list(s, a, org, bSubtree, &aF, &n) != STORE_OK) return -1;
  for (int i = 0; i < n; i++) {
    int e = reg_fresh_state(&aF[i], dToday, NULL);
    if (e == FR_NA) continue;
    p->nCatChecked++;
    p->nCatOverdue += e == FR_OVERDUE;
    p->nCatDueSoon += e == FR_DUE_SOON;
  }
  if (store_reg_pub_month(s, org, bSubtree, year, p->aPubMonth) != STORE_OK) return -1;
  {
    /* The window the list's f=due_soon takes too. */
    char zSoon[DATE_STRLEN];
    int nSoon = app_due_soon_window(r, dToday, zSoon);
    if (nSoon < 0) return -1;
    p->nAppSoonDays = nSoon;
    int rc = store_reg_app_stats(s, org, bSubtree, year, zToday, zSoon, &p->app);
    if (rc != STORE_OK && rc != STORE_NOTFOUND) return -1;
    p->bApps = rc == STORE_OK;
  }
  for (int m = 0; m < 12; m++) p->nPub += p->aPubMonth[m];

  /* Inspections of the year, and those still 整改中 whatever their year:
  ** the store's selections, which the inspection list shows too. */
  Inspection *aI;
  if (store_inspection_list(s, a, org, bSubtree, year, 0, &aI, &p->nInsp) != STORE_OK)
    return -1;
  if (store_inspection_list(s, a, org, bSubtree, 0, 1, &aI, &p->nInspOpen) != STORE_OK)
    return -1;
  return 0;
}

/* A figure that links to its records; "missed" styling when bBad and > 0. */
static void fig(Req *r, int v, const char *zHref, int bBad) {
  req_printf(r, "<td class=\"num%s\"><a href=\"%h\">%d</a></td>",
             bBad && v > 0 ? " missed" : "", zHref, v);
}

/* The year in view: ?year= or this year. */
static int view_year(const RegScope *sc) {
  return sc->year ? sc->year : date_year(reg_today_date());
}

/* The figure cells of one row of the supervisor's table; links go to
** organisation id (with its subtree when bSub) with the year and filter
** the figure was counted with (as the dashboard's, page_dashboard). */
static void sup_cells(Req *r, const RegStats *pSt, int64_t id, int bSub, int year) {
  long long o = (long long)id;
  const char *zSub = bSub ? "&subtree=1" : "";
  fig(r, pSt->nMsg, req_fmt(r, "/staff/messages?org=%lld%s&year=%d", o, zSub, year), 0);
  fig(r, pSt->nMsgOpen, req_fmt(r, "/staff/messages?org=%lld%s&filter=open", o, zSub), 0);
  fig(r, pSt->nMsgOverdue, req_fmt(r, "/staff/messages?org=%lld%s&filter=overdue", o, zSub), 1);
  fig(r, pSt->nEvent, req_fmt(r, "/staff/opinion?org=%lld%s&year=%d", o, zSub, year), 0);
  fig(r, pSt->nEventMissed,
      req_fmt(r, "/staff/opinion?org=%lld%s&year=%d&filter=missed", o, zSub, year), 1);
  fig(r, pSt->nProp, req_fmt(r, "/staff/proposals?org=%lld%s&year=%d", o, zSub, year), 0);
  fig(r, pSt->nPropOverdue,
      req_fmt(r, "/staff/proposals?org=%lld%s&year=%d&filter=overdue", o, zSub, year), 1);
  fig(r, pSt->nAct, req_fmt(r, "/staff/activities?org=%lld%s&year=%d", o, zSub, year), 0);
  fig(r, pSt->nTrainPeople,
      req_fmt(r, "/staff/activities?org=%lld%s&year=%d&kind=training", o, zSub, year), 0);
  fig(r, pSt->nTask,
      req_fmt(r, "/staff/workplans?org=%lld%s&year=%d&filter=tasks", o, zSub, year), 0);
  fig(r, pSt->nTaskOverdue,
      req_fmt(r, "/staff/workplans?org=%lld%s&year=%d&filter=overdue", o, zSub, year), 1);
  fig(r, pSt->nCatOverdue, req_fmt(r, "/staff/freshness?org=%lld%s&filter=overdue", o, zSub), 1);
  fig(r, pSt->nPub,
      req_fmt(r, "/staff/docs?org=%lld%s&year=%d&state=published", o, zSub, year), 0);
  fig(r, pSt->nInsp, req_fmt(r, "/staff/inspections?org=%lld%s&year=%d", o, zSub, year), 0);
  fig(r, pSt->nInspOpen, req_fmt(r, "/staff/inspections?org=%lld%s&filter=open", o, zSub), 1);
}

/* ---- The supervisor's view -------------------------------------------- */

/* One row of the supervisor's table: o alone, or with bSub o and every
** unit below it (its name then opens its own view).  -1 after an error
** response. */
static int sup_row(Req *r, const Org *o, int bSub, int year, const Calendar *pCal,
                   int nDays) {
  RegStats st;
  if (!req_can(r, PERM_SUPERVISE, o->id)) return 0;
  if (reg_stats(r, o->id, bSub, year, pCal, nDays, &st)) {
    http_store_error(r, store_errcode(r->store));
    return -1;
  }
  if (bSub)
    req_printf(r, "<tr><th scope=\"row\" class=\"depth-1\"><a href=\"/staff/supervise?org=%lld&amp;year=%d\">%h</a>"
                  "（含下级单位）</th>", (long long)o->id, year, o->zName);
  else
    req_printf(r, "<tr><th scope=\"row\" class=\"depth-%d\"><a href=\"/staff/registers?org=%lld\">%h</a></th>",
               o->depth, (long long)o->id, o->zName);
  sup_cells(r, &st, o->id, bSub, year);
  req_puts(r, "</tr>\n");
  return 0;
}

int page_supervise(Req *r) {
  RegScope sc;
  r->bNoCache = 1;
  if (reg_scope(r, PERM_SUPERVISE, &sc)) return 0;
  int year = view_year(&sc);
  Org *aOrg;
  int nOrg;
  if (store_org_tree(r->store, &r->arena, sc.orgId, &aOrg, &nOrg) != STORE_OK) {
    http_store_error(r, store_errcode(r->store));
    return 0;
  }
  Calendar cal;
  if (reg_calendar(r, &cal)) return 0;
  int nDays = store_reg_reply_days(r->store, &r->arena);
  page_begin(r, "督查");
  req_printf(r, "<h1>督查：下级单位一览</h1>\n<p>%h及其下级单位 %d 年的公开工作情况。"
                "每个数字链接到对应记录。<a href=\"/staff/inspections?org=%lld&amp;subtree=1\">督查记录</a> · "
                "<a href=\"/staff/dashboard?org=%lld&amp;subtree=1&amp;year=%d\">全系统统计看板</a></p>\n",
             sc.org.zName, year, (long long)sc.orgId, (long long)sc.orgId, year);
  req_puts(r, "<table class=\"grid supervise cards\"><caption>各单位情况</caption><thead><tr>"
              "<th scope=\"col\">单位</th><th scope=\"col\">留言</th><th scope=\"col\">未答复</th>"
              "<th scope=\"col\">超期留言</th><th scope=\"col\">舆情事件</th><th scope=\"col\">回应超时</th>"
              "<th scope=\"col\">建议提案</th><th scope=\"col\">超期未答复</th><th scope=\"col\">活动</th>"
              "<th scope=\"col\">培训人次</th><th scope=\"col\">要点任务</th><th scope=\"col\">逾期任务</th>"
              "<th scope=\"col\">目录逾期未更新</th><th scope=\"col\">发布文件</th>"
              "<th scope=\"col\">督查</th><th scope=\"col\">待整改</th></tr></thead><tbody>\n");
  /* The unit itself and its direct children, a child with units below it
  ** counted with them (a link opens its own view): the figures cost a
  ** bounded number of queries per row, so the rows are bounded by the
  ** fan-out, not by the size of a province's tree. */
  for (int i = 0; i < nOrg; i++) {
    if (aOrg[i].depth > 1) continue;
    int bSub = aOrg[i].depth == 1 && i + 1 < nOrg && aOrg[i + 1].depth > 1;
    if (sup_row(r, &aOrg[i], bSub, year, &cal, nDays)) {
      cal_free(&cal);
      return 0;
    }
  }
  if (nOrg > 1) {
    RegStats st;
    if (reg_stats(r, sc.orgId, 1, year, &cal, nDays, &st)) {
      cal_free(&cal);
      http_store_error(r, store_errcode(r->store));
      return 0;
    }
    req_puts(r, "</tbody><tfoot><tr><th scope=\"row\">合计（含下级单位）</th>");
    sup_cells(r, &st, sc.orgId, 1, year);
    req_puts(r, "</tr></tfoot></table>\n");
  } else {
    req_puts(r, "</tbody></table>\n");
  }
  page_end(r);
  cal_free(&cal);
  return 0;
}

/* ---- Inspections ---------------------------------------------------------- */

/* The feedback after inspection in was registered: who must put what
** right by when. */
static void inspection_feedback(Req *r, const Inspection *in) {
  Org o;
  const char *zOrg = store_org_get(r->store, &r->arena, in->orgId, &o) == STORE_OK
                         ? o.zName : "";
  if (!in->zFollowUp[0]) {
    page_feedback(r, FB_INSPECTION_ADD_NONE, in->zSubject,
                  req_fmt(r, "被督查单位：%s", zOrg), NULL);
    return;
  }
  int bDue = in->zFollowUpDue && in->zFollowUpDue[0];
  page_feedback(r, FB_INSPECTION_ADD, in->zSubject,
                req_fmt(r, "被督查单位：%s%s%s", zOrg, bDue ? "，整改期限为" : "",
                        bDue ? fmt_date(r, in->zFollowUpDue) : ""),
                req_fmt(r, "下一步：%s按整改要求整改，整改完成后在本页确认整改办结。", zOrg));
}

/* reg_inspection_dates over the stored or typed dates of *in (valid
** YYYY-MM-DD or empty) and the closing day zClosed (NULL: none). */
static const char *inspection_dates(const Inspection *in, const char *zClosed) {
  Date dOn = DATE_NONE, dDue = DATE_NONE, dClosed = DATE_NONE;
  if (in->zInspectedOn) date_parse(in->zInspectedOn, &dOn);
  if (in->zFollowUpDue) date_parse(in->zFollowUpDue, &dDue);
  if (zClosed) date_parse(zClosed, &dClosed);
  if (dOn == DATE_NONE) return NULL;
  return reg_inspection_dates(dOn, dDue, dClosed, reg_today_date());
}

/* Reads and checks the inspection form into *in (target unit, 督查日期,
** subject, findings, follow-up, 整改期限 and, when bClosed, the 整改办结
** date): NULL, else the refusal with its field marked; -1 in *pDone when
** the answer (403) is already written. */
static const char *inspection_form(Req *r, Inspection *in, int bClosed, int *pDone) {
  int64_t target = 0;
  const char *zErr = NULL, *zField = NULL, *zClosed = NULL;
  *pDone = 0;
  in->zSubject = req_param_or(r, "subject", "");
  in->zFindings = req_param_or(r, "findings", "");
  in->zFollowUp = req_param_or(r, "follow_up", "");
  if (req_param_int(r, "target", 1, INT64_MAX, &target) != 1) {
    zErr = "请选择被督查单位";
    zField = "target";
  } else if (reg_check(r, PERM_SUPERVISE, target)) {
    *pDone = -1;
    return "";
  }
  in->orgId = target;
  if (!zErr && (zErr = reg_date_field(r, "inspected_on", "督查日期", 1, &in->zInspectedOn)))
    zField = "inspected_on";
  if (!zErr && (zErr = reg_text_check("督查事项", in->zSubject, 200, 1))) zField = "subject";
  if (!zErr && (zErr = reg_text_check("发现的问题", in->zFindings, 8000, 1))) zField = "findings";
  if (!zErr && (zErr = reg_text_check("整改要求", in->zFollowUp, 8000, 0))) zField = "follow_up";
  if (!zErr && (zErr = reg_date_field(r, "follow_up_due", "整改期限", 0, &in->zFollowUpDue)))
    zField = "follow_up_due";
  if (!zErr && bClosed &&
      (zErr = reg_date_field(r, "closed_on", "整改办结日期", 0, &zClosed)))
    zField = "closed_on";
  if (!zErr) {  /* the field whose date breaks the rule: each in turn */
    Inspection on = *in;
    on.zFollowUpDue = NULL;
    if ((zErr = inspection_dates(&on, NULL)) != NULL) zField = "inspected_on";
    else if ((zErr = inspection_dates(in, NULL)) != NULL) zField = "follow_up_due";
    else if ((zErr = inspection_dates(in, zClosed)) != NULL) zField = "closed_on";
  }
  in->zClosedOn = zClosed;
  if (zErr) page_field_error(r, zField, zErr);
  return zErr;
}

/* The fields of the inspection form from *in (the units of aOrg the user
** supervises to choose from; bClosed: with the 整改办结 date). */
static void inspection_fields(Req *r, const Inspection *in, const Org *aOrg, int nOrg,
                              int bClosed) {
  req_puts(r, "<p class=\"field\"><label for=\"f-target\">被督查单位</label>");
  const char *zErr_html = page_field_error_attrs(r, "target", "f-target");
  page_org_select_open(r, "f-target", "target", nOrg);
  req_printf(r, "%s>", zErr_html);
  for (int i = 0; i < nOrg; i++) {
    if (!req_can_in_own_tree(r, PERM_SUPERVISE, &aOrg[i])) continue;
    req_printf(r, "<option value=\"%lld\"%s>", (long long)aOrg[i].id,
               aOrg[i].id == in->orgId ? " selected" : "");
    for (int d = 0; d < aOrg[i].depth; d++) req_puts(r, "　");
    req_printf(r, "%h</option>", aOrg[i].zName);
  }
  req_puts(r, "</select></p>\n");
  reg_date_input(r, "inspected_on", "督查日期", in->zInspectedOn, 1);
  page_input(r, "subject", "督查事项", in->zSubject, "required maxlength=\"200\"");
  reg_textarea(r, "findings", "发现的问题", in->zFindings, 1);
  reg_textarea(r, "follow_up", "整改要求", in->zFollowUp, 0);
  reg_date_input(r, "follow_up_due", "整改期限", in->zFollowUpDue, 0);
  if (bClosed)
    reg_date_input(r, "closed_on", "整改办结日期（未办结时留空）", in->zClosedOn, 0);
}

/* The units the user may choose as inspected: the tree of the user's own
** organisation (0 on error). */
static int inspection_orgs(Req *r, Org **paOrg) {
  int nOrg;
  if (store_org_tree(r->store, &r->arena, r->user->orgId, paOrg, &nOrg) != STORE_OK) nOrg = 0;
  return nOrg;
}

int page_inspection_list(Req *r) {
  RegScope sc;
  const char *zErr = NULL;
  r->bNoCache = 1;
  if (reg_scope(r, PERM_SUPERVISE, &sc)) return 0;
  Inspection in;
  memset(&in, 0, sizeof in);
  in.orgId = sc.orgId;
  in.zInspectedOn = reg_today(r);
  if (r->method == HTTP_POST) {
    int bDone;
    in.byOrgId = r->user->orgId;
    in.userId = r->user->id;
    zErr = inspection_form(r, &in, 0, &bDone);
    if (bDone) return 0;
    if (!zErr) {
      if (store_inspection_add(r->store, &in) != STORE_OK) zErr = store_errmsg(r->store);
      else {
        store_audit(r->store, r->user->id, in.orgId, "inspection.add", in.zSubject);
        inspection_feedback(r, &in);
        req_redirect(r, req_fmt(r, "/staff/inspections/%lld", (long long)in.id));
        return 0;
      }
    }
    /* What was typed is shown again, a bad date as sent. */
    in.zInspectedOn = req_param_or(r, "inspected_on", "");
    in.zFollowUpDue = req_param_or(r, "follow_up_due", "");
  }
  /* ?year= (by 督查日期) and ?filter=open (整改中, whatever the year): the
  ** dashboard's 接受督查 and the supervisor's 待整改 link here with them. */
  const char *zFilter = req_param_or(r, "filter", "");
  int bOpen = !strcmp(zFilter, "open");
  if (zFilter[0] && !bOpen) {
    http_error(r, 400, "筛选参数无效，请使用页面上的筛选链接");
    return 0;
  }
  Inspection *aI;
  int n;
  if (store_inspection_list(r->store, &r->arena, sc.orgId, sc.bSubtree, bOpen ? 0 : sc.year,
                            bOpen, &aI, &n) != STORE_OK) {
    http_store_error(r, store_errcode(r->store));
    return 0;
  }
  Org *aOrg;
  int nOrg = inspection_orgs(r, &aOrg);
  page_begin(r, "督查记录");
  req_printf(r, "<p><a href=\"/staff/supervise\">返回督查一览</a></p>\n<h1>督查记录</h1>\n"
                "<p>%h%s。", sc.org.zName, sc.bSubtree ? "及其下级单位" : "（不含下级单位）");
  if (!sc.bSubtree)
    req_printf(r, " <a href=\"/staff/inspections?org=%lld&amp;subtree=1\">含下级单位</a>",
               (long long)sc.orgId);
  req_puts(r, "</p>\n");
  static const RegFilter aIF[] = {{"", "全部"}, {"open", "整改中"}};
  reg_filter_links(r, &sc, "/staff/inspections", aIF, 2, zFilter);
  if (bOpen || sc.year)
    req_printf(r, "<p class=\"filter\" id=\"filter\">筛选：%h <a href=\"/staff/inspections%h\">清除筛选</a></p>\n",
               bOpen ? "整改中（不限年度）" : req_fmt(r, "%d 年督查", sc.year), reg_qs(r, &sc));
  if (zErr) page_form_error(r, zErr);
  req_puts(r, "<table class=\"grid cards\" id=\"inspection-list\"><caption>督查</caption><thead><tr><th scope=\"col\">日期</th>"
              "<th scope=\"col\">被督查单位</th><th scope=\"col\">事项</th><th scope=\"col\">整改期限</th>"
              "<th scope=\"col\">整改</th></tr></thead><tbody>\n");
  for (int i = 0; i < n; i++)
    req_printf(r, "<tr><td>%h</td><td>%h</td><td><a href=\"/staff/inspections/%lld\">%h</a></td>"
                  "<td>%h</td><td>%h</td></tr>\n",
               aI[i].zInspectedOn, aI[i].zOrgName, (long long)aI[i].id, aI[i].zSubject,
               aI[i].zFollowUpDue,
               aI[i].zClosedOn[0] ? "已办结" : aI[i].zFollowUp[0] ? "整改中" : "无需整改");
  if (!n) req_puts(r, "<tr><td colspan=\"5\">暂无督查记录</td></tr>\n");
  req_puts(r, "</tbody></table>\n<h2>登记督查</h2><form method=\"post\" class=\"form\">");
  page_csrf_field(r);
  req_printf(r, "<input type=\"hidden\" name=\"org\" value=\"%lld\">", (long long)sc.orgId);
  inspection_fields(r, &in, aOrg, nOrg, 0);
  req_puts(r, "<p><button type=\"submit\">保存</button></p></form>\n");
  page_end(r);
  if (zErr) r->status = 422;
  return 0;
}

/* The POST of an inspection's page: the 整改办结 date, or with action=edit
** the correction of the record.  NULL after redirecting, else the
** refusal ("" when the answer is already written). */
static const char *inspection_post(Req *r, const Inspection *pOld) {
  const char *zErr;
  Inspection in = *pOld;
  if (!strcmp(req_param_or(r, "action", ""), "edit")) {
    int bDone;
    if ((zErr = inspection_form(r, &in, 1, &bDone)) != NULL) return zErr;
    if (store_inspection_update(r->store, &in) != STORE_OK) return store_errmsg(r->store);
    store_audit(r->store, r->user->id, in.orgId, "inspection.update", in.zSubject);
    page_feedback(r, FB_INSPECTION_UPDATE, in.zSubject,
                  req_fmt(r, "督查日期为%s", fmt_date(r, in.zInspectedOn)), NULL);
  } else {
    const char *zOn;
    zErr = reg_date_field(r, "closed_on", "办结日期", 1, &zOn);
    if (!zErr) zErr = inspection_dates(pOld, zOn);
    if (!zErr && store_inspection_close(r->store, pOld->id, zOn) != STORE_OK)
      zErr = store_errmsg(r->store);
    if (zErr) {
      page_field_error(r, "closed_on", zErr);
      return zErr;
    }
    store_audit(r->store, r->user->id, pOld->orgId, "inspection.close", pOld->zSubject);
    page_feedback(r, FB_INSPECTION_CLOSE, pOld->zSubject,
                  req_fmt(r, "办结日期为%s", fmt_date(r, zOn)), NULL);
  }
  req_redirect(r, req_fmt(r, "/staff/inspections/%lld", (long long)pOld->id));
  return NULL;
}

/* The forms of inspection *in's page: closing its follow-up, then the
** correction (what was typed, after a refused correction). */
static void inspection_forms(Req *r, const Inspection *in) {
  int bEdit = r->method == HTTP_POST && !strcmp(req_param_or(r, "action", ""), "edit");
  /* After a refused correction only its form is shown: its fields then
  ** have the ids the error summary links to (page_field_id, f-closed_on). */
  if (!in->zClosedOn[0] && in->zFollowUp[0] && !bEdit) {
    req_puts(r, "<h2>整改办结</h2><form method=\"post\" class=\"form narrow\">");
    page_csrf_field(r);
    reg_date_input(r, "closed_on", "办结日期", reg_today(r), 1);
    req_puts(r, "<p><button type=\"submit\">确认整改办结</button></p></form>\n");
  }
  r->bOtherForm = r->method == HTTP_POST && !bEdit;
  Inspection typed = *in;
  if (bEdit) {
    typed.zSubject = req_param_or(r, "subject", "");
    typed.zFindings = req_param_or(r, "findings", "");
    typed.zFollowUp = req_param_or(r, "follow_up", "");
    typed.zInspectedOn = req_param_or(r, "inspected_on", "");
    typed.zFollowUpDue = req_param_or(r, "follow_up_due", "");
    typed.zClosedOn = req_param_or(r, "closed_on", "");
    int64_t t;
    if (req_param_int(r, "target", 1, INT64_MAX, &t) == 1) typed.orgId = t;
  }
  Org *aOrg;
  int nOrg = inspection_orgs(r, &aOrg);
  req_puts(r, "<h2>更正督查记录</h2><form method=\"post\" class=\"form\">"
              "<input type=\"hidden\" name=\"action\" value=\"edit\">");
  page_csrf_field(r);
  inspection_fields(r, &typed, aOrg, nOrg, 1);
  req_puts(r, "<p><button type=\"submit\">保存更正</button></p></form>\n");
  r->bOtherForm = 0;
}

int page_inspection_view(Req *r) {
  int64_t id = req_arg_id(r, 0);
  Inspection in;
  const char *zErr = NULL;
  r->bNoCache = 1;
  if (!id || store_inspection_get(r->store, &r->arena, id, &in) != STORE_OK) {
    http_error(r, 404, "督查记录不存在");
    return 0;
  }
  if (reg_check(r, PERM_SUPERVISE, in.orgId)) return 0;
  if (r->method == HTTP_POST) {
    if ((zErr = inspection_post(r, &in)) == NULL || !zErr[0]) return 0;
  }
  page_begin(r, "督查记录");
  req_printf(r, "<p><a href=\"/staff/inspections?org=%lld&amp;subtree=1\">返回督查记录</a></p>\n<h1>%h</h1>\n",
             (long long)in.byOrgId, in.zSubject);
  if (zErr) page_form_error(r, zErr);
  req_printf(r, "<dl class=\"meta\"><dt>被督查单位</dt><dd>%h</dd><dt>日期</dt><dd>%h</dd>"
                "<dt>督查人</dt><dd>%h</dd><dt>发现的问题</dt><dd>%h</dd><dt>整改要求</dt><dd>%h</dd>"
                "<dt>整改期限</dt><dd>%h</dd><dt>办结</dt><dd>%h</dd></dl>\n",
             in.zOrgName, in.zInspectedOn, in.zUserName, in.zFindings, in.zFollowUp,
             in.zFollowUpDue, in.zClosedOn[0] ? in.zClosedOn : "未办结");
  inspection_forms(r, &in);
  page_end(r);
  if (zErr) r->status = 422;
  return 0;
}

/* ---- Dashboard ------------------------------------------------------------ */

/* A horizontal-axis bar chart as inline SVG: n bars with labels, values
** and links.  Presentation attributes only (no style, no script). */
static void svg_bars(Req *r, const char *zTitle, const char *const *azLabel,
                     const int *aValue, const char *const *azHref, int n) {
  int vMax = 1, nChar = 2;
  for (int i = 0; i < n; i++) {
    if (aValue[i] > vMax) vMax = aValue[i];
    int k = (int)utf8_len(azLabel[i], strlen(azLabel[i]));
    if (k > nChar) nChar = k;
  }
  /* Each slot is wide enough for its label at 11 px per character. */
  int slot = nChar * 12 + 8 > 40 ? nChar * 12 + 8 : 40;
  int w = slot * n + 40, h = 180;
  req_printf(r, "<figure class=\"chart\"><figcaption>%h</figcaption>"
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" "
                "role=\"group\" aria-label=\"%h\">",
             zTitle, w, h, w, h, zTitle);
  req_printf(r, "<line x1=\"30\" y1=\"150\" x2=\"%d\" y2=\"150\" stroke=\"#767676\"/>", w - 5);
  for (int i = 0; i < n; i++) {
    int bh = aValue[i] * 120 / vMax, x = 35 + slot * i + (slot - 40) / 2;
    /* The SVG is a group of links, not an image (axe: nested-interactive);
    ** each link is named by its text, the figure. */
    req_printf(r, "<a href=\"%h\"><rect x=\"%d\" y=\"%d\" width=\"28\" height=\"%d\" fill=\"#0b4f9c\">"
                  "<title>%h：%d</title></rect>"
                  "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\" fill=\"#1a1a1a\">%d</text></a>"
                  "<text x=\"%d\" y=\"166\" font-size=\"11\" text-anchor=\"middle\" fill=\"#1a1a1a\" aria-hidden=\"true\">%h</text>",
               azHref[i], x, 150 - bh, bh, azLabel[i], aValue[i], x + 14, 146 - bh,
               aValue[i], x + 14, azLabel[i]);
  }
  req_puts(r, "</svg></figure>\n");
}

/* The annual report of year (due the next 31 January; a people's
** government's 31 March, Art. 49) for the organisation in view, or for
** every unit of its subtree: status 草稿/已提交/已发布 (未开始 when none is
** stored), days left, each linking to the report. */
static void report_status_panel(Req *r, const RegScope *sc, int year) {
  ReportUnit *aU;
  int n;
  if (store_report_units(r->store, &r->arena, sc->orgId, year, &aU, &n) != STORE_OK) {
    page_notice(r, "warn", "年度报告状态暂时无法读取。");
    return;
  }
  Date dToday = reg_today_date();
  req_printf(r, "<table class=\"grid cards\" id=\"report-status\"><caption>%d 年度报告</caption>"
                "<thead><tr><th scope=\"col\">单位</th><th scope=\"col\">状态</th>"
                "<th scope=\"col\">截止日期</th><th scope=\"col\">剩余天数</th></tr>"
                "</thead><tbody>\n", year);
  for (int i = 0; i < n; i++) {
    if (!sc->bSubtree && aU[i].orgId != sc->orgId) continue;
    if (!req_can(r, PERM_VIEW_STAFF, aU[i].orgId)) continue;
    int bDone = !strcmp(aU[i].zStatus, "submitted") || !strcmp(aU[i].zStatus, "published");
    const OrgKind *pK = org_kind(aU[i].zOrgKind); /* the deadline by kind */
    if (!pK->bOwnReport) continue;
    int bGov = pK->bGovernment;
    Date dDue = regime_report_due(year, bGov, NULL);
    char zDue[DATE_STRLEN];
    /* The unit's name links to its report for those who may read it. */
    if (req_can(r, PERM_REPORT_VIEW, aU[i].orgId))
      req_printf(r, "<tr data-org=\"%h\"><th scope=\"row\"><a href=\"/staff/reports/%u/%d\">"
                    "%h</a></th>", aU[i].zOrgSlug, aU[i].zOrgSlug, year, aU[i].zOrgName);
    else
      req_printf(r, "<tr data-org=\"%h\"><th scope=\"row\">%h</th>", aU[i].zOrgSlug,
                 aU[i].zOrgName);
    req_printf(r, "<td class=\"status\">%h</td><td>%h</td><td class=\"left\">",
               aU[i].zStatus[0] ? report_status_label(aU[i].zStatus) : "未开始",
               date_format(dDue, zDue));
    if (bDone) req_puts(r, "—");
    else if (dDue >= dToday) req_printf(r, "%lld", (long long)(dDue - dToday));
    else req_printf(r, "逾期 %lld 天", (long long)(dToday - dDue));
    req_puts(r, "</td></tr>\n");
  }
  req_puts(r, "</tbody></table>\n");
}

/* One figure card: the number (or text) large, its label, a link to the
** records it counts; bBad marks a figure that is work overdue. */
static void card(Req *r, const char *zId, const char *zValue, const char *zLabel,
                 const char *zHref, int bBad) {
  /* Without zHref (a page the user may not open) the card is no link. */
  if (!zHref) {
    req_printf(r, "<li class=\"card%s\" id=\"card-%h\"><div class=\"card-body\">"
                  "<span class=\"fig\">%h</span><span class=\"label\">%h</span></div></li>\n",
               bBad ? " bad" : "", zId, zValue, zLabel);
    return;
  }
  req_printf(r, "<li class=\"card%s\" id=\"card-%h\"><a href=\"%h\">"
                "<span class=\"fig\">%h</span><span class=\"label\">%h</span></a></li>\n",
             bBad ? " bad" : "", zId, zHref, zValue, zLabel);
}

/* The 年报状态 card: the organisation's report of year (its status, linking
** to it) or, for a subtree, how many of its units have submitted (linking
** to the status table below). */
static void report_card(Req *r, const RegScope *sc, int year) {
  ReportUnit *aU;
  int n, nUnit = 0, nDone = 0;
  if (store_report_units(r->store, &r->arena, sc->orgId, year, &aU, &n) != STORE_OK) return;
  const char *zOwn = "未开始", *zSlug = "";
  for (int i = 0; i < n; i++) {
    if (!sc->bSubtree && aU[i].orgId != sc->orgId) continue;
    if (!req_can(r, PERM_VIEW_STAFF, aU[i].orgId)) continue;
    /* Only units that publish a report of their own (core/org_kind.h). */
    if (aU[i].orgId != sc->orgId && !org_kind(aU[i].zOrgKind)->bOwnReport)
      continue;
    nUnit++;
    nDone += !strcmp(aU[i].zStatus, "submitted") || !strcmp(aU[i].zStatus, "published");
    if (aU[i].orgId == sc->orgId) {
      zSlug = aU[i].zOrgSlug;
      if (aU[i].zStatus[0]) zOwn = report_status_label(aU[i].zStatus);
    }
  }
  const char *zLabel = req_fmt(r, "%d 年度报告", year);
  if (sc->bSubtree)
    card(r, "report", req_fmt(r, "%d/%d 已提交", nDone, nUnit), zLabel, "#report-status",
         nDone < nUnit);
  else
    card(r, "report", zOwn, zLabel,
         req_can(r, PERM_REPORT_VIEW, sc->orgId) ? req_fmt(r, "/staff/reports/%u/%d", zSlug, year)
                                                 : NULL,
         0);
}

/* The figures that matter first (docs/dashboard.md): applications open,
** due soon, overdue and the on-time rate, catalogue items overdue for
** update and the annual report; each links to exactly its records, as the
** tables below do. */
static void lead_cards(Req *r, const RegScope *sc, const RegStats *p, const char *zQs_raw,
                       int year) {
  req_puts(r, "<ul class=\"cards\" aria-label=\"主要指标\">\n");
  if (p->bApps) {
    const char *zBase = req_fmt(r, "/staff/applications%s", zQs_raw);
    card(r, "open", req_fmt(r, "%d", p->app.nOpen), "在办申请",
         req_fmt(r, "%s&f=open", zBase), 0);
    card(r, "due-soon", req_fmt(r, "%d", p->app.nDueSoon),
         req_fmt(r, "%d个工作日内到期", p->nAppSoonDays), req_fmt(r, "%s&f=due_soon", zBase),
         p->app.nDueSoon > 0);
    card(r, "overdue", req_fmt(r, "%d", p->app.nOverdue), "超期未答复",
         req_fmt(r, "%s&f=overdue", zBase), p->app.nOverdue > 0);
    card(r, "on-time",
         p->app.nClosed ? req_fmt(r, "%.1f%%", 100.0 * p->app.nOnTime / p->app.nClosed) : "—",
         req_fmt(r, "%d年按时答复率", year), req_fmt(r, "%s&f=closed&year=%d", zBase, year), 0);
  }
  card(r, "catalogue", req_fmt(r, "%d", p->nCatOverdue), "目录逾期未更新",
       req_fmt(r, "/staff/freshness%s&filter=overdue", zQs_raw), p->nCatOverdue > 0);
  report_card(r, sc, year);
  req_puts(r, "</ul>\n");
}

static const char *const azMonth[12] = {"1月", "2月", "3月", "4月", "5月", "6月",
                                        "7月", "8月", "9月", "10月", "11月", "12月"};

int page_dashboard(Req *r) {
  RegScope sc;
  r->bNoCache = 1;
  if (reg_scope(r, PERM_VIEW_STAFF, &sc)) return 0;
  int year = view_year(&sc);
  Calendar cal;
  if (reg_calendar(r, &cal)) return 0;
  RegStats st;
  int rc = reg_stats(r, sc.orgId, sc.bSubtree, year, &cal,
                     store_reg_reply_days(r->store, &r->arena), &st);
  cal_free(&cal);
  if (rc) {
    http_store_error(r, store_errcode(r->store));
    return 0;
  }
  const char *zQs_raw = reg_qs(r, &sc);
  page_begin(r, "统计看板");
  req_printf(r, "<h1>统计看板 · %d 年</h1>\n", year);
  reg_nav(r, &sc, "dashboard");
  req_printf(r, "<p><a href=\"/staff/dashboard%h&amp;year=%d\">本单位</a> · ",
             req_fmt(r, "?org=%lld", (long long)sc.orgId), year);
  /* The subtree view only for roles that reach the units below. */
  if (req_can_subtree(r, PERM_VIEW_STAFF, sc.orgId))
    req_printf(r, "<a href=\"/staff/dashboard?org=%lld&amp;subtree=1&amp;year=%d\">含下级单位</a> · ",
               (long long)sc.orgId, year);
  req_printf(r, "<a href=\"/staff/dashboard%h&amp;year=%d\">上一年</a> · "
                "<a class=\"button\" href=\"/staff/dashboard.xlsx%h&amp;year=%d\">导出 Excel</a></p>\n",
             zQs_raw, year - 1, zQs_raw, year);
  lead_cards(r, &sc, &st, zQs_raw, year);
  req_puts(r, "<table class=\"grid\"><caption>登记簿汇总</caption><thead><tr><th scope=\"col\">项目</th>"
              "<th scope=\"col\">数量</th></tr></thead><tbody>\n");
  /* Each figure links to the list of exactly the records it counts: the
  ** same organisation and scope (zQs_raw), the year unless bAnyYear (open
  ** and overdue messages and the catalogue's state as of today count
  ** whatever the year) and the filter, which each list validates and
  ** applies with the definition counted with here (tests/http/
  ** test_dashboard_links.py follows every row). */
  struct { const char *zLabel; int v; const char *zPath, *zFilter; int bBad, bAnyYear; } aRow[] = {
    {"收到留言", st.nMsg, "/staff/messages", "", 0, 0},
    {"未答复留言", st.nMsgOpen, "/staff/messages", "&filter=open", 0, 1},
    {"超期未答复留言", st.nMsgOverdue, "/staff/messages", "&filter=overdue", 1, 1},
    {"公开的留言答复", st.nMsgPublished, "/staff/messages", "&filter=published", 0, 0},
    {"舆情事件", st.nEvent, "/staff/opinion", "", 0, 0},
    {"回应超时的舆情事件", st.nEventMissed, "/staff/opinion", "&filter=missed", 1, 0},
    {"建议提案", st.nProp, "/staff/proposals", "", 0, 0},
    {"超期未答复建议提案", st.nPropOverdue, "/staff/proposals", "&filter=overdue", 1, 0},
    {"公开答复全文的建议提案", st.nPropPublished, "/staff/proposals", "&filter=published", 0, 0},
    {"新闻发布会", st.aActKind[0], "/staff/activities", "&kind=press", 0, 0},
    {"在线访谈", st.aActKind[1], "/staff/activities", "&kind=interview", 0, 0},
    {"政府开放日", st.aActKind[2], "/staff/activities", "&kind=open_day", 0, 0},
    {"培训场次", st.nTrainSessions, "/staff/activities", "&kind=training", 0, 0},
    {"培训人次", st.nTrainPeople, "/staff/activities", "&kind=training", 0, 0},
    {"工作要点任务", st.nTask, "/staff/workplans", "&filter=tasks", 0, 0},
    {"已完成任务", st.nTaskDone, "/staff/workplans", "&filter=done", 0, 0},
    {"逾期未完成任务", st.nTaskOverdue, "/staff/workplans", "&filter=overdue", 1, 0},
    {"接受督查", st.nInsp, "/staff/inspections", "", 0, 0},
    {"按周期检查的目录事项", st.nCatChecked, "/staff/freshness", "&filter=checked", 0, 1},
    {"目录事项逾期未更新", st.nCatOverdue, "/staff/freshness", "&filter=overdue", 1, 1},
    {"目录事项即将到期", st.nCatDueSoon, "/staff/freshness", "&filter=due_soon", 1, 1},
    {"发布文件", st.nPub, "/staff/docs", "&state=published", 0, 0},
  };
  for (size_t i = 0; i < sizeof aRow / sizeof aRow[0]; i++) {
    const char *zPath_raw = aRow[i].zPath, *zFilter_raw = aRow[i].zFilter;
    const char *zHref =
        aRow[i].bAnyYear ? req_fmt(r, "%s%s%s", zPath_raw, zQs_raw, zFilter_raw)
                         : req_fmt(r, "%s%s&year=%d%s", zPath_raw, zQs_raw, year, zFilter_raw);
    req_printf(r, "<tr><th scope=\"row\">%h</th>", aRow[i].zLabel);
    /* The inspection list is the supervisor's (PERM_SUPERVISE): without
    ** it the figure is shown without a link rather than one to a 403. */
    if (!strcmp(zPath_raw, "/staff/inspections") && !req_can(r, PERM_SUPERVISE, sc.orgId))
      req_printf(r, "<td class=\"num\">%d</td>", aRow[i].v);
    else
      fig(r, aRow[i].v, zHref, aRow[i].bBad);
    req_puts(r, "</tr>\n");
  }
  req_puts(r, "</tbody></table>\n");
  const char *azHref[12];
  for (int m = 0; m < 12; m++)
    azHref[m] = req_fmt(r, "/staff/messages%s&year=%d&month=%d", zQs_raw, year, m + 1);
  svg_bars(r, "每月收到留言", azMonth, st.aMsgMonth, azHref, 12);
  for (int m = 0; m < 12; m++)
    azHref[m] = req_fmt(r, "/staff/opinion%s&year=%d&month=%d", zQs_raw, year, m + 1);
  svg_bars(r, "每月舆情事件", azMonth, st.aEventMonth, azHref, 12);
  int nKind;
  const char *const *aKind = reg_activity_kinds(&nKind);
  const char *azKind[6];
  for (int k = 0; k < nKind && k < 6; k++) {
    azKind[k] = reg_activity_label(aKind[k]);
    azHref[k] = req_fmt(r, "/staff/activities%s&year=%d&kind=%u", zQs_raw, year, aKind[k]);
  }
  svg_bars(r, "活动（按类别）", azKind, st.aActKind, azHref, nKind < 6 ? nKind : 6);
  for (int m = 0; m < 12; m++)
    azHref[m] = req_fmt(r, "/staff/docs%s&state=published&year=%d&month=%d", zQs_raw, year,
                        m + 1);
  svg_bars(r, "每月发布文件", azMonth, st.aPubMonth, azHref, 12);
  for (int bChannel = 0; bChannel < 2; bChannel++) {
    PubCount *aP;
    int nP;
    if (store_reg_pub_group(r->store, &r->arena, sc.orgId, sc.bSubtree, year, bChannel,
                            &aP, &nP) != STORE_OK) {
      http_store_error(r, store_errcode(r->store));
      return 0;
    }
    req_printf(r, "<table class=\"grid\"><caption>%s</caption><thead><tr><th scope=\"col\">%s</th>"
                  "<th scope=\"col\">发布文件</th></tr></thead><tbody>\n",
               bChannel ? "发布渠道" : "按目录类别", bChannel ? "渠道" : "类别");
    for (int i = 0; i < nP; i++) {
      req_printf(r, "<tr><th scope=\"row\">%h</th>", aP[i].zKey);
      /* Exactly the documents counted: same scope, year, state and group. */
      fig(r, aP[i].n,
          req_fmt(r, "/staff/docs%s&state=published&year=%d&%s=%u", zQs_raw, year,
                  bChannel ? "channel" : "category", aP[i].zKey),
          0);
      req_puts(r, "</tr>\n");
    }
    if (!nP) req_puts(r, "<tr><td colspan=\"2\">本年度没有发布文件</td></tr>\n");
    req_puts(r, "</tbody></table>\n");
  }
  if (st.bApps) {
    /* Same organisation and scope; open, due soon and overdue as of
    ** today whatever the year, closed (and the on-time rate, whose
    ** denominator is the closed) in the year; the list selects with the
    ** conditions counted with here (store_app_query, app_where.h). */
    const char *zBase = req_fmt(r, "/staff/applications%s", zQs_raw);
    const char *zYear = req_fmt(r, "%s&f=closed&year=%d", zBase, year);
    req_puts(r, "<table class=\"grid\" id=\"app-figures\"><caption>依申请公开</caption><tbody>\n");
    req_puts(r, "<tr><th scope=\"row\">在办申请</th>");
    fig(r, st.app.nOpen, req_fmt(r, "%s&f=open", zBase), 0);
    req_printf(r, "</tr>\n<tr><th scope=\"row\">%d个工作日内到期</th>", st.nAppSoonDays);
    fig(r, st.app.nDueSoon, req_fmt(r, "%s&f=due_soon", zBase), 1);
    req_puts(r, "</tr>\n<tr><th scope=\"row\">超期未答复</th>");
    fig(r, st.app.nOverdue, req_fmt(r, "%s&f=overdue", zBase), 1);
    req_puts(r, "</tr>\n<tr><th scope=\"row\">本年办结</th>");
    fig(r, st.app.nClosed, zYear, 0);
    req_printf(r, "</tr>\n<tr><th scope=\"row\">按时办结率</th><td class=\"num\"><a href=\"%h\">", zYear);
    if (st.app.nClosed)
      req_printf(r, "%.1f%%", 100.0 * st.app.nOnTime / st.app.nClosed);
    else
      req_puts(r, "—");
    req_puts(r, "</a></td></tr>\n</tbody></table>\n");
  } else {
    page_notice(r, "warn", "依申请公开模块尚未安装，本看板暂不显示申请办理统计。");
  }
  report_status_panel(r, &sc, year);
  page_end(r);
  return 0;
}

/* Reads the whole file zPath into r->out; 0 or -1. */
static int slurp(Req *r, const char *zPath) {
  FILE *f = fopen(zPath, "rb");
  char aBuf[8192];
  size_t n;
  if (!f) return -1;
  while ((n = fread(aBuf, 1, sizeof aBuf, f)) > 0) buf_append(&r->out, aBuf, n);
  int bErr = ferror(f);
  fclose(f);
  return bErr ? -1 : 0;
}

int page_dashboard_xlsx(Req *r) {
  RegScope sc;
  r->bNoCache = 1;
  if (reg_scope(r, PERM_VIEW_STAFF, &sc)) return 0;
  int year = view_year(&sc);
  Org *aOrg;
  int nOrg;
  if (sc.bSubtree) {
    if (store_org_tree(r->store, &r->arena, sc.orgId, &aOrg, &nOrg) != STORE_OK) {
      http_store_error(r, store_errcode(r->store));
      return 0;
    }
  } else {
    aOrg = &sc.org;
    nOrg = 1;
  }
  Calendar cal;
  if (reg_calendar(r, &cal)) return 0;
  int nDays = store_reg_reply_days(r->store, &r->arena);
  char zTmp[] = "/tmp/gongkai-xlsx-XXXXXX";
  int fd = mkstemp(zTmp);
  if (fd < 0) {
    cal_free(&cal);
    http_error(r, 500, "无法创建临时文件");
    return 0;
  }
  close(fd);
  lxw_workbook *wb = workbook_new(zTmp);
  lxw_worksheet *ws = wb ? workbook_add_worksheet(wb, "统计") : NULL;
  int bErr = !ws;
  static const char *const azHead[] = {
    "单位", "收到留言", "未答复留言", "超期未答复留言", "公开的留言答复", "舆情事件",
    "回应超时", "建议提案", "超期未答复建议提案", "公开答复全文", "新闻发布会", "在线访谈",
    "政府开放日", "培训场次", "培训人次", "工作要点任务", "已完成任务", "逾期任务", "督查",
    "目录逾期未更新", "发布文件"};
  int nHead = (int)(sizeof azHead / sizeof azHead[0]);
  if (ws) {
    lxw_format *bold = workbook_add_format(wb);
    format_set_bold(bold);
    worksheet_write_string(ws, 0, 0, req_fmt(r, "%d 年公开工作登记统计", year), bold);
    for (int c = 0; c < nHead; c++) worksheet_write_string(ws, 2, (lxw_col_t)c, azHead[c], bold);
    worksheet_set_column(ws, 0, 0, 30, NULL);
    for (int i = 0; i < nOrg && !bErr; i++) {
      RegStats st;
      if (!req_can(r, PERM_VIEW_STAFF, aOrg[i].id)) continue;
      if (reg_stats(r, aOrg[i].id, 0, year, &cal, nDays, &st)) { bErr = 1; break; }
      int aV[] = {st.nMsg, st.nMsgOpen, st.nMsgOverdue, st.nMsgPublished, st.nEvent,
                  st.nEventMissed, st.nProp, st.nPropOverdue, st.nPropPublished,
                  st.aActKind[0], st.aActKind[1], st.aActKind[2], st.nTrainSessions,
                  st.nTrainPeople, st.nTask, st.nTaskDone, st.nTaskOverdue, st.nInsp,
                  st.nCatOverdue, st.nPub};
      lxw_row_t row = (lxw_row_t)(3 + i);
      worksheet_write_string(ws, row, 0, aOrg[i].zName, NULL);
      for (int c = 0; c < (int)(sizeof aV / sizeof aV[0]); c++)
        worksheet_write_number(ws, row, (lxw_col_t)(c + 1), aV[c], NULL);
    }
  }
  if (wb && workbook_close(wb) != LXW_NO_ERROR) bErr = 1;
  cal_free(&cal);
  buf_reset(&r->out);
  if (bErr || slurp(r, zTmp)) {
    unlink(zTmp);
    http_error(r, 500, "生成 Excel 文件失败");
    return 0;
  }
  unlink(zTmp);
  r->zType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  req_header(r, "Content-Disposition",
             req_fmt(r, "attachment; filename=\"registers-%d.xlsx\"", year));
  return 0;
}
