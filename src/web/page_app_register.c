/*
** page_app_register.c — the staff register of applications for disclosure
** (依申请公开): the list with its filters and the year's table 三 summary,
** registration of applications that arrived in person, by letter, fax,
** e-mail or online (with the Art. 31 receipt date; the storing is the app
** layer's app_action_register(), shared with the write API and the CLI),
** and the staff-home panel (due soon, overdue, on-time rate, the Art. 44
** suggestion).
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app_action.h"
#include "core/fees.h"
#include "core/org_kind.h"
#include "lib/crypto.h"
#include "lib/utf8.h"
#include "web/applications.h"
#include "web/pages.h"

#define LIST_MAX 500

/* 1 when the user's view of applications reaches the subtree. */
static int sees_subtree(Req *r) {
  return r->user && perm_reaches_subtree(r->user->roles, PERM_VIEW_STAFF);
}

/* ---- list ---------------------------------------------------------------- */

#define PAGE_SIZE 100

int app_due_soon_window(Req *r, Date dToday, char zSoon[DATE_STRLEN]) {
  Calendar cal;
  int n = (int)store_setting_int(r->store, SET_APPLICATION_DUE_SOON_WORKDAYS);
  date_format(dToday, zSoon);
  if (app_load_calendar(r, &cal) != STORE_OK) {
    cal_free(&cal);
    return -1;
  }
  date_format(cal_add_workdays(&cal, dToday, n), zSoon);
  cal_free(&cal);
  return n;
}

/* The year's table 三 rows over orgId (with bSubtree; all applicant
** types): 新收, 上年结转, each outcome closed in the year, 结转下年度, with
** the consistency rule 一 + 二 = 三（七）+ 四. */
static void year_summary(Req *r, int64_t orgId, int bSubtree, int iYear) {
  AppT3Cell *aCell;
  int n;
  if (store_app_t3(r->store, &r->arena, orgId, bSubtree, iYear, &aCell, &n) !=
      STORE_OK)
    return;
  int nNew = 0, nIn = 0, nOut = 0, nDone = 0;
  int aOut[32];
  memset(aOut, 0, sizeof aOut);
  for (int i = 0; i < n; i++) {
    if (!strcmp(aCell[i].zRow, "new"))
      nNew += aCell[i].n;
    else if (!strcmp(aCell[i].zRow, "carried_in"))
      nIn += aCell[i].n;
    else if (!strcmp(aCell[i].zRow, "carry_out"))
      nOut += aCell[i].n;
    else {
      nDone += aCell[i].n;
      for (int k = 0; aAppOutcome[k].zId && k < 32; k++)
        if (!strcmp(aAppOutcome[k].zId, aCell[i].zRow)) aOut[k] += aCell[i].n;
    }
  }
  req_printf(r,
             "<table class=\"grid\" id=\"year-summary\"><caption>"
             "%d年度收到和处理申请情况（年度报告表三，合计列）</caption>"
             "<tbody><tr><th scope=\"row\">一、本年新收</th><td>%d</td></tr>"
             "<tr><th scope=\"row\">二、上年结转</th><td>%d</td></tr>",
             iYear, nNew, nIn);
  for (int k = 0; aAppOutcome[k].zId && k < 32; k++)
    if (aOut[k])
      req_printf(r, "<tr><th scope=\"row\">三、%h</th><td>%d</td></tr>",
                 aAppOutcome[k].zLabel, aOut[k]);
  req_printf(r,
             "<tr><th scope=\"row\">三、（七）总计</th><td>%d</td></tr>"
             "<tr><th scope=\"row\">四、结转下年度继续办理</th><td>%d</td></tr>"
             "</tbody></table>\n<p>勾稽关系（一＋二＝三（七）＋四）：%s</p>\n",
             nDone, nOut, nNew + nIn == nDone + nOut ? "成立" : "不成立");
}

/* GET /staff/applications?[org=ID][&subtree=1][&f=F][&year=Y][&q=T][&mine=1][&p=N]: the
** applications of org (default the user's; subtree=1 adds the units
** below; with neither org nor subtree, the user's own view: the subtree
** when the role reaches it), filtered by f (default open):
**   open      not closed;
**   due_soon  open and due within the due-soon window (app_due_soon_window);
**   overdue   open and past the due date;
**   closed    closed in year Y (default this year);
**   all (or empty)  all;  YYYY  received in YYYY;
** q searches the applicant's name and the 登记号; mine=1 keeps the cases
** whose 承办人 is the user.
** These are the dashboard's definitions (store_app_query shares them with
** store_reg_app_stats).  PAGE_SIZE rows a page, with the total.  403
** without PERM_VIEW_STAFF over org (and its subtree), 400 for a bad
** parameter.  The list shows what it showed before: names, not identity
** numbers (those are on the case page, for handlers only). */
int page_apps(Req *r) {
  App *aApp;
  int n, nTotal = 0;
  int64_t org = r->user->orgId, year = 0, page = 1;
  int bExplicit = req_param(r, "org") || req_param(r, "subtree");
  const char *zSub = req_param(r, "subtree");
  /* f absent: open; present and empty, or "all": all. */
  const char *zFilter = req_param(r, "f") ? req_param(r, "f") : "open";
  /* q: part of the applicant's name or of the 登记号 (the filter bar). */
  const char *zSearch = req_param_or(r, "q", "");
  Date dToday = app_today();
  char zToday[DATE_STRLEN], zSoon[DATE_STRLEN];
  AppQuery q;
  r->bNoCache = 1;
  if (req_param_int(r, "org", 1, INT64_MAX, &org) < 0) {
    http_error(r, 400, "单位参数无效");
    return 0;
  }
  if (req_param_int(r, "year", 2000, 2999, &year) < 0) {
    http_error(r, 400, "年度参数无效");
    return 0;
  }
  if (req_param_int(r, "p", 1, 1000000, &page) < 0) {
    http_error(r, 400, "页码参数无效");
    return 0;
  }
  if (zSub && strcmp(zSub, "1") && strcmp(zSub, "0") && zSub[0]) {
    http_error(r, 400, "下级单位参数无效");
    return 0;
  }
  const char *zMine = req_param_or(r, "mine", "");
  if (zMine[0] && strcmp(zMine, "1") && strcmp(zMine, "0")) {
    http_error(r, 400, "“只看我承办的”参数无效");
    return 0;
  }
  int bMine = !strcmp(zMine, "1");
  if (strlen(zSearch) > 180) {
    http_error(r, 400, "查询内容过长");
    return 0;
  }
  memset(&q, 0, sizeof q);
  q.zSearch = zSearch;
  q.handlerId = bMine ? r->user->id : 0;
  q.orgId = org;
  q.bSubtree = bExplicit ? zSub && !strcmp(zSub, "1") : sees_subtree(r);
  q.zToday = date_format(dToday, zToday);
  q.nLimit = PAGE_SIZE;
  q.nOffset = (int)(page - 1) * PAGE_SIZE;
  q.year = year ? (int)year : date_year(dToday);
  const char *zWhat = NULL; /* the filter, said above the table */
  int nSoonDays = 0;
  if (!strcmp(zFilter, "open")) {
    q.zFilter = "open";
    zWhat = "未办结的申请";
  } else if (!strcmp(zFilter, "due_soon")) {
    nSoonDays = app_due_soon_window(r, dToday, zSoon);
    if (nSoonDays < 0) {
      http_store_error(r, store_errcode(r->store));
      return 0;
    }
    q.zFilter = "due_soon";
    q.zSoon = zSoon;
    zWhat = req_fmt(r, "%d个工作日内到期的在办申请（%s 至 %s）", nSoonDays,
                    zToday, zSoon);
  } else if (!strcmp(zFilter, "overdue")) {
    q.zFilter = "overdue";
    zWhat = "超期未答复的申请";
  } else if (!strcmp(zFilter, "closed")) {
    q.zFilter = "closed";
    zWhat = req_fmt(r, "%d 年办结的申请", q.year);
  } else if (!strcmp(zFilter, "received")) {  /* the bar's 某年收到 */
    q.zFilter = "received";
    zWhat = req_fmt(r, "%d 年收到的申请", q.year);
  } else if (!zFilter[0] || !strcmp(zFilter, "all")) {
    q.zFilter = "";
  } else if (strlen(zFilter) == 4 && zFilter[0] >= '1' && zFilter[0] <= '2' &&
             strspn(zFilter, "0123456789") == 4 && atoi(zFilter) >= 2000) {
    q.zFilter = "received";
    q.year = atoi(zFilter);
    zWhat = req_fmt(r, "%d 年收到的申请", q.year);
  } else {
    http_error(r, 400, "筛选参数无效，请使用页面上的筛选链接");
    return 0;
  }
  if (!req_can(r, PERM_VIEW_STAFF, org) ||
      (q.bSubtree && !req_can_subtree(r, PERM_VIEW_STAFF, org))) {
    http_error(r, 403, "您无权查看该单位的申请");
    return 0;
  }
  Org o;
  if (store_org_get(r->store, &r->arena, org, &o) != STORE_OK) {
    http_error(r, 404, "单位不存在");
    return 0;
  }
  store_app_recalc_if_calendar_changed(r->store, dToday, NULL);
  if (store_app_query(r->store, &r->arena, &q, &aApp, &n, &nTotal) !=
      STORE_OK) {
    http_store_error(r, store_errcode(r->store));
    return 0;
  }
  int nPages = nTotal ? (nTotal + PAGE_SIZE - 1) / PAGE_SIZE : 1;
  if (page > nPages) {
    http_error(r, 404, "没有这一页");
    return 0;
  }
  Calendar cal; /* the overdue marks count working days (app_due_cell) */
  if (app_load_calendar(r, &cal) != STORE_OK) {
    cal_free(&cal);
    http_store_error(r, store_errcode(r->store));
    return 0;
  }
  /* The scope as a query string (HTML-escaped on output with %h). */
  const char *zScopeQs = req_fmt(r, "?org=%lld%s", (long long)org,
                                 q.bSubtree ? "&subtree=1" : "&subtree=0");
  const char *zQs = req_fmt(r, "%s%s", zScopeQs, bMine ? "&mine=1" : "");
  /* The year of f=closed, kept by the scope and page links. */
  const char *zYearQs =
      !strcmp(q.zFilter, "closed") ? req_fmt(r, "&year=%d", q.year) : "";
  page_begin(r, "依申请公开");
  req_printf(r, "<h1>依申请公开 · %h%s</h1>\n<p>", o.zName,
             q.bSubtree ? "（含下级单位）" : "");
  if (req_can(r, PERM_APP_HANDLE, 0))
    req_puts(
        r,
        "<a class=\"button\" href=\"/staff/applications/new\">登记申请</a> ");
  if (req_can(r, PERM_APP_APPROVE, 0))
    req_puts(r, "<a href=\"/staff/answer-templates\">答复模板</a> ");
  int nSoonLabel =
      (int)store_setting_int(r->store, SET_APPLICATION_DUE_SOON_WORKDAYS);
  req_puts(r, "</p>\n");
  app_register_bar(r, org, q.bSubtree, zFilter, q.year, zSearch, nSoonLabel, bMine);
  if (bMine) zWhat = req_fmt(r, "我承办的%s", zWhat ? zWhat : "申请");
  if (zSearch[0])
    zWhat = req_fmt(r, "%s%s申请人或登记号含“%s”", zWhat ? zWhat : "", zWhat ? "，" : "",
                    zSearch);
  if (zWhat)
    req_printf(r,
               "<p id=\"filter\">筛选：%h · <a href=\"%h&amp;f=all\">清除筛选</a>"
               "</p>\n",
               zWhat, zScopeQs);
  if (!strcmp(q.zFilter, "received")) year_summary(r, org, q.bSubtree, q.year);
  req_printf(r, "<p>共 <span id=\"n-apps\">%d</span> 条", nTotal);
  if (nPages > 1) req_printf(r, "，第 %lld / %d 页", (long long)page, nPages);
  req_puts(r, "</p>\n");
  req_puts(
      r,
      "<table class=\"grid cards\" id=\"apps\"><caption>申请登记</caption><thead><tr>"
      "<th scope=\"col\">登记号</th><th scope=\"col\">单位</th>"
      "<th scope=\"col\">申请人</th><th scope=\"col\">所需信息</th>"
      "<th scope=\"col\">收到日期</th><th scope=\"col\">答复期限</th>"
      "<th scope=\"col\">状态</th><th scope=\"col\">办理结果</th></tr></thead><tbody>\n");
  for (int i = 0; i < n; i++) {
    App *a = &aApp[i];
    const AppOutcome *oc = app_answer_of(a->zOutcome, a->zAnswerBasis);
    req_printf(r,
               "<tr><td><a href=\"/staff/applications/%lld\">%h</a></td>"
               "<td>%h</td><td>%h</td><td>%h</td><td>%h</td>",
               (long long)a->id, a->zRegNo, a->zOrgName, a->zApplicantName,
               a->zInfoTitle[0] ? a->zInfoTitle : a->zInfoDescription,
               a->zReceivedOn);
    app_due_cell(r, a, dToday, &cal);  /* 今日到期 / 已超期 marked */
    req_printf(r, "<td>%h</td><td>%h</td></tr>\n", app_label(aAppState, a->zState),
               oc ? oc->zLabel : "");
  }
  cal_free(&cal);
  req_puts(r, "</tbody></table>\n");
  if (n == 0) req_puts(r, "<p>没有符合条件的申请。</p>\n");
  if (nPages > 1) {
    const char *zBase = req_fmt(r, "%s&f=%u%s%s", zQs, zFilter, zYearQs,
                                zSearch[0] ? req_fmt(r, "&q=%u", zSearch) : "");
    req_puts(r, "<nav aria-label=\"分页\" class=\"pages\"><p>");
    if (page > 1)
      req_printf(r, "<a href=\"%h&amp;p=%lld\" rel=\"prev\">上一页</a> ", zBase,
                 (long long)page - 1);
    for (int k = 1; k <= nPages; k++)
      if (k == page)
        req_printf(r, "<strong>%d</strong> ", k);
      else
        req_printf(r, "<a href=\"%h&amp;p=%d\">%d</a> ", zBase, k, k);
    if (page < nPages)
      req_printf(r, "<a href=\"%h&amp;p=%lld\" rel=\"next\">下一页</a>", zBase,
                 (long long)page + 1);
    req_puts(r, "</p></nav>\n");
  }
  page_end(r);
  return 0;
}

/* ---- registration -------------------------------------------------------- */

/* The select of the organisations in which the user may handle
** applications (one query for the tree, none per organisation). */
static void handle_org_select(Req *r, int64_t selected) {
  Org *aOrg;
  int n, nOpt = 0;
  if (store_org_tree(r->store, &r->arena, r->user->orgId, &aOrg, &n) != STORE_OK) n = 0;
  char *aOffer = arena_alloc(&r->arena, (size_t)n + 1);
  for (int i = 0; i < n; i++) {
    aOffer[i] = req_can_in_own_tree(r, PERM_APP_HANDLE, &aOrg[i]) &&
                org_kind(aOrg[i].zKind)->bApplications;
    nOpt += aOffer[i];
  }
  page_org_select_open(r, "f-org_id", "org_id", nOpt);
  req_puts(r, ">");
  for (int i = 0; i < n; i++)
    if (aOffer[i])
      req_printf(r, "<option value=\"%lld\"%s>%h</option>", (long long)aOrg[i].id,
                 aOrg[i].id == selected ? " selected" : "", aOrg[i].zName);
  req_puts(r, "</select>");
}

int page_app_registered(Req *r) {
  App a;
  const char *zCode;
  if (!app_done_lookup(r, &a, &zCode) || !req_can(r, PERM_APP_HANDLE, a.orgId)) {
    req_redirect(r, "/staff/applications");
    return 0;
  }
  page_begin(r, "申请已登记");
  req_printf(
      r,
      "<h1>申请已登记</h1>\n<dl class=\"meta\">"
      "<dt>登记号</dt><dd id=\"reg-no\">%h</dd>"
      "<dt>查询码</dt><dd id=\"tracking-code\"><strong>%h</strong></dd>"
      "<dt>收到申请日期</dt><dd>%h</dd><dt>答复期限</dt><dd>%h</dd></dl>\n"
      "<p><strong>请将登记号和查询码告知申请人（例如写入受理回执）。"
      "本机关不保存查询码原文。</strong></p>\n"
      "<p><a class=\"button\" href=\"/staff/applications/%lld\">进入办理页面</a></p>\n",
      a.zRegNo, zCode, fmt_date(r, a.zReceivedOn),
      a.zDueOn && a.zDueOn[0] ? fmt_date(r, a.zDueOn) : "-", (long long)a.id);
  page_end(r);
  return 0;
}

int page_app_new(Req *r) {
  AppInput in;
  AppFieldErr aErr[APP_MAX_ERRORS];
  int nErr = 0;
  int64_t orgId = r->user->orgId;
  const char *zChannel = req_param_or(r, "channel", "in_person");
  const char *zEventDay = req_param_or(r, "event_day", "");
  char zToday[DATE_STRLEN];
  date_format(app_today(), zToday);
  r->bNoCache = 1;
  app_input_from_req(r, &in);
  if (r->method == HTTP_GET) {
    in.zApplicantType = "natural_person";
    in.zIdKind = "resident_id";
    in.zForm = "paper";
    in.zDelivery = "post";
    zEventDay = zToday;
  } else {
    AppActor who;
    AppParams par;
    AppAct x;
    char zCode[32];
    const ReqParam *f = req_file(r, "attachment");
    const char *zFileErr = app_attachment_check(r);
    int64_t v;
    if (req_param_int(r, "org_id", 1, INT64_MAX, &v) == 1) orgId = v;
    app_web_act(r, &x, &who, &par);
    if (zFileErr) {
      aErr[0].zField = "attachment";
      snprintf(aErr[0].zMsg, sizeof aErr[0].zMsg, "%s", zFileErr);
      nErr = 1;
    } else if (app_action_register(&x, f ? f->zFilename : NULL,
                                   f ? f->zType : NULL, f ? f->zValue : NULL,
                                   f ? f->nValue : 0, aErr, &nErr,
                                   zCode) == 0) {
      app_done_redirect(r, "/staff/applications/registered", x.a.zRegNo, zCode);
      return 0;
    }
    if (x.status == 500 || x.status == 403) {
      http_error(r, x.status, x.zErr);
      return 0;
    }
    r->status = 422;
  }
  page_begin(r, "登记申请");
  req_puts(r, "<h1>登记政府信息公开申请</h1>\n");
  app_form_errors(r, aErr, nErr);
  req_puts(
      r,
      "<form method=\"post\" class=\"form\" enctype=\"multipart/form-data\""
      " action=\"/staff/applications/new\" novalidate>\n");
  page_csrf_field(r);
  req_puts(
      r,
      "<fieldset><legend>受理</legend><p class=\"field\"><label for=\"f-org_id\">"
      "受理单位</label>");
  handle_org_select(r, orgId);
  req_puts(r,
           "</p>\n<p class=\"field\"><label for=\"f-channel\">申请渠道"
           "</label><select id=\"f-channel\" name=\"channel\">");
  for (int i = 0; aAppChannel[i].zId; i++)
    req_printf(r, "<option value=\"%h\"%s>%h（%h）</option>",
               aAppChannel[i].zId,
               !strcmp(zChannel, aAppChannel[i].zId) ? " selected" : "",
               aAppChannel[i].zLabel, aAppChannel[i].zEvent);
  req_puts(r, "</select></p>\n");
  page_input(r, "event_day", "提交、签收或双方确认的日期（第三十一条）",
             zEventDay, "type=\"date\" required");
  req_puts(r, "</fieldset>\n");
  app_form_fields(r, &in, aErr, nErr);
  req_puts(
      r,
      "<p class=\"field\"><label for=\"f-attachment\">附件（不超过5MB）"
      "</label><input type=\"file\" id=\"f-attachment\" name=\"attachment\"></p>\n"
      "<p><button type=\"submit\">登记</button></p>\n</form>\n");
  page_end(r);
  return 0;
}


/* ---- staff home ---------------------------------------------------------- */

void panel_applications(Req *r) {
  if (!r->user || !req_can(r, PERM_VIEW_STAFF, 0)) return;
  store_app_recalc_if_calendar_changed(r->store, app_today(), NULL);
  App *aApp;
  int n;
  int bSub = sees_subtree(r);
  if (store_app_list(r->store, &r->arena, r->user->orgId, bSub, "open",
                     LIST_MAX, &aApp, &n) != STORE_OK)
    return;
  Calendar cal;
  if (app_load_calendar(r, &cal) != STORE_OK) {
    cal_free(&cal);
    return;
  }
  Date dToday = app_today();
  req_puts(
      r,
      "<section class=\"panel\" id=\"panel-applications\"><h2>依申请公开</h2>\n");
  int nSoon = 0, nOver = 0;
  int nSoonDays =
      (int)store_setting_int(r->store, SET_APPLICATION_DUE_SOON_WORKDAYS);
  Buf soon = BUF_INIT, over = BUF_INIT;
  for (int i = 0; i < n; i++) {
    Date dDue;
    if (!aApp[i].zDueOn[0] || date_parse(aApp[i].zDueOn, &dDue)) continue;
    /* Each case named as a clerk knows it: 登记号, applicant, what. */
    Buf *pB = dDue < dToday ? &over
            : cal_workdays_between(&cal, dToday, dDue) <= nSoonDays ? &soon : NULL;
    if (!pB) continue;
    if (pB == &over) nOver++;
    else nSoon++;
    const char *zWhat = aApp[i].zInfoTitle[0] ? aApp[i].zInfoTitle : aApp[i].zInfoDescription;
    size_t nWhat = utf8_prefix(zWhat, strlen(zWhat), 40);
    buf_printf(pB, "<li><a href=\"/staff/applications/%lld\">%h</a> %h · %h%s，期限 %h</li>",
               (long long)aApp[i].id, aApp[i].zRegNo, aApp[i].zApplicantName,
               arena_strndup(&r->arena, zWhat, nWhat), zWhat[nWhat] ? "…" : "",
               aApp[i].zDueOn);
  }
  int nAns = 0, nOnTime = 0;
  store_app_on_time(r->store, r->user->orgId, bSub, date_year(dToday), &nAns,
                    &nOnTime);
  req_printf(
      r,
      "<p>未办结 %d 件；<a href=\"/staff/applications\">进入申请登记</a>"
      " · <a href=\"/staff/applications?f=open&amp;mine=1\">我承办的</a></p>\n",
      n);
  req_printf(r, "<h3>%d个工作日内到期（%d）</h3><ul id=\"due-soon\">",
             nSoonDays, nSoon);
  req_puts(r, buf_str(&soon));
  req_printf(r, "</ul>\n<h3>已超期（%d）</h3><ul id=\"overdue\">", nOver);
  req_puts(r, buf_str(&over));
  req_puts(r, "</ul>\n");
  if (nAns)
    req_printf(
        r,
        "<p id=\"on-time\">%d年已答复 %d 件，按期答复 %d 件，按期答复率 %.1f%%</p>\n",
        date_year(dToday), nAns, nOnTime, 100.0 * nOnTime / nAns);
  else
    req_printf(r, "<p id=\"on-time\">%d年尚无已答复的申请</p>\n",
               date_year(dToday));
  buf_free(&soon);
  buf_free(&over);
  AppSimilar *aSim;
  int nSim;
  char zSince[DATE_STRLEN];
  date_format(dToday - 365, zSince);
  if (store_app_similar(r->store, &r->arena, r->user->orgId, bSub, zSince,
                        &aSim, &nSim) == STORE_OK &&
      nSim) {
    req_puts(
        r, "<h3>建议转为主动公开（《条例》第四十四条）</h3><ul id=\"art44\">");
    for (int i = 0; i < nSim; i++)
      req_printf(
          r,
          "<li>“%h”：近一年 %d 位申请人申请 %d 次。多个申请人就相同政府信息"
          "提出申请，可以公开的，可纳入主动公开范围。</li>",
          aSim[i].zTitle, aSim[i].nApplicants, aSim[i].nApplications);
    req_puts(r, "</ul>\n");
  }
  req_puts(r, "</section>\n");
  cal_free(&cal);
}
