/*
** page_applications.c — the staff side of applications for disclosure:
** the register (list), registration of applications that arrived in
** person, by letter, fax, e-mail or online (with the Art. 31 receipt
** date), the case page (applicant with the identity number shown only to
** handlers, the clock with its explained steps, events, assignment, the
** answer drafted by PERM_APP_HANDLE and approved by PERM_APP_APPROVE,
** fees, reconsideration and litigation, history), the answer-template
** editor and the staff-home panel (due soon, overdue, on-time rate, the
** Art. 44 suggestion).
**
** Every action is a POST to /staff/applications/{id}/{act}; it runs in one
** transaction, checks the permission for the application's organisation,
** and on bad input answers 422 with a Chinese message and stores nothing.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/fees.h"
#include "lib/crypto.h"
#include "web/applications.h"
#include "web/pages.h"

#define LIST_MAX 500

/* 1 when the user's view of applications reaches the subtree. */
static int sees_subtree(Req *r) {
  return r->user && perm_reaches_subtree(r->user->roles, PERM_VIEW_STAFF);
}

/* The clock of application a with its events on dToday into *pRes (the
** caller frees it with deadline_result_free()). */
static void status_of(Req *r, const Calendar *pCal, App *a, AppEvent *aEv,
                      int nEv, Date dToday, DlResult *pRes) {
  DlParams par;
  store_app_clock_params(r->store, &par);
  AppEventRec *aRec = arena_alloc(&r->arena, sizeof *aRec * (size_t)(nEv + 1));
  for (int i = 0; i < nEv; i++) aRec[i] = aEv[i].rec;
  app_clock_ex(pCal, a->zReceivedOn, aRec, nEv, &par, dToday, pRes);
}

/* ---- list ---------------------------------------------------------------- */

#define PAGE_SIZE 100

int app_due_soon_window(Req *r, Date dToday, char zSoon[DATE_STRLEN]) {
  Calendar cal;
  int n = (int)store_setting_int(r->store, "application_due_soon_workdays");
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

/* GET /staff/applications?[org=ID][&subtree=1][&f=F][&year=Y][&p=N]: the
** applications of org (default the user's; subtree=1 adds the units
** below; with neither org nor subtree, the user's own view: the subtree
** when the role reaches it), filtered by f (default open):
**   open      not closed;
**   due_soon  open and due within the due-soon window (app_due_soon_window);
**   overdue   open and past the due date;
**   closed    closed in year Y (default this year);
**   all (or empty)  all;  YYYY  received in YYYY.
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
  memset(&q, 0, sizeof q);
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
      http_error(r, 500, store_errmsg(r->store));
      return 0;
    }
    q.zFilter = "due_soon";
    q.zSoon = zSoon;
    zWhat = req_fmt(r, "%d个工作日内到期的在办申请（%h 至 %h）", nSoonDays,
                    zToday, zSoon);
  } else if (!strcmp(zFilter, "overdue")) {
    q.zFilter = "overdue";
    zWhat = "超期未答复的申请";
  } else if (!strcmp(zFilter, "closed")) {
    q.zFilter = "closed";
    zWhat = req_fmt(r, "%d 年办结的申请", q.year);
  } else if (!zFilter[0] || !strcmp(zFilter, "all")) {
    q.zFilter = "";
  } else if (strlen(zFilter) == 4 && zFilter[0] >= '1' && zFilter[0] <= '2' &&
             strspn(zFilter, "0123456789") == 4 && atoi(zFilter) >= 2000) {
    q.zFilter = "received";
    q.year = atoi(zFilter);
    zWhat = req_fmt(r, "%d 年收到的申请", q.year);
  } else {
    http_error(r, 400,
               "筛选参数无效：f 应为 open（未办结）、due_soon（即将到期）、"
               "overdue（超期）、closed（某年办结，配合 year）、all（全部）"
               "或四位年份");
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
    http_error(r, 500, store_errmsg(r->store));
    return 0;
  }
  int nPages = nTotal ? (nTotal + PAGE_SIZE - 1) / PAGE_SIZE : 1;
  if (page > nPages) {
    http_error(r, 404, "没有这一页");
    return 0;
  }
  /* The scope as a query string (HTML-escaped on output with %h). */
  const char *zQs = req_fmt(r, "?org=%lld%s", (long long)org,
                            q.bSubtree ? "&subtree=1" : "&subtree=0");
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
      (int)store_setting_int(r->store, "application_due_soon_workdays");
  req_printf(r,
             "</p>\n<nav aria-label=\"筛选\"><p>显示：<a href=\"%h&amp;f=open\">"
             "未办结</a> | <a href=\"%h&amp;f=due_soon\">%d个工作日内到期</a>"
             " | <a href=\"%h&amp;f=overdue\">超期未答复</a>"
             " | <a href=\"%h&amp;f=all\">全部</a>",
             zQs, zQs, nSoonLabel, zQs, zQs);
  for (int y = date_year(dToday); y >= 2019; y--)
    req_printf(r, " | <a href=\"%h&amp;f=%d\">%d年收到</a>", zQs, y, y);
  for (int y = date_year(dToday); y >= 2019; y--)
    req_printf(r, " | <a href=\"%h&amp;f=closed&amp;year=%d\">%d年办结</a>", zQs,
               y, y);
  req_printf(r, "</p><p><a href=\"?org=%lld&amp;subtree=0&amp;f=%u%h\">本单位</a> · "
                "<a href=\"?org=%lld&amp;subtree=1&amp;f=%u%h\">含下级单位</a></p>"
                "</nav>\n",
             (long long)org, zFilter, zYearQs, (long long)org, zFilter, zYearQs);
  if (zWhat)
    req_printf(r,
               "<p id=\"filter\">筛选：%h · <a href=\"%h&amp;f=all\">清除筛选</a>"
               "</p>\n",
               zWhat, zQs);
  if (!strcmp(q.zFilter, "received")) year_summary(r, org, q.bSubtree, q.year);
  req_printf(r, "<p>共 <span id=\"n-apps\">%d</span> 条", nTotal);
  if (nPages > 1) req_printf(r, "，第 %lld / %d 页", (long long)page, nPages);
  req_puts(r, "</p>\n");
  req_puts(
      r,
      "<table class=\"grid\" id=\"apps\"><caption>申请登记</caption><thead><tr>"
      "<th scope=\"col\">登记号</th><th scope=\"col\">单位</th>"
      "<th scope=\"col\">申请人</th><th scope=\"col\">所需信息</th>"
      "<th scope=\"col\">收到日期</th><th scope=\"col\">答复期限</th>"
      "<th scope=\"col\">状态</th><th scope=\"col\">办理结果</th></tr></thead><tbody>\n");
  for (int i = 0; i < n; i++) {
    App *a = &aApp[i];
    const AppOutcome *oc = app_outcome(a->zOutcome);
    int bOver = !a->zClosedOn[0] && a->zDueOn[0] && strcmp(a->zDueOn, zToday) < 0;
    req_printf(r,
               "<tr><td><a href=\"/staff/applications/%lld\">%h</a></td>"
               "<td>%h</td><td>%h</td><td>%h</td><td>%h</td><td%s>%h</td>"
               "<td>%h</td><td>%h</td></tr>\n",
               (long long)a->id, a->zRegNo, a->zOrgName, a->zApplicantName,
               a->zInfoTitle[0] ? a->zInfoTitle : a->zInfoDescription,
               a->zReceivedOn, bOver ? " class=\"overdue\"" : "",
               a->zDueOn[0] ? a->zDueOn : "-", app_label(aAppState, a->zState),
               oc ? oc->zLabel : "");
  }
  req_puts(r, "</tbody></table>\n");
  if (n == 0) req_puts(r, "<p>没有符合条件的申请。</p>\n");
  if (nPages > 1) {
    const char *zBase = req_fmt(r, "%s&f=%u%s", zQs, zFilter, zYearQs);
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

/* Options for the organisations in which the user may handle applications. */
static void handle_org_options(Req *r, int64_t selected) {
  Org *aOrg;
  int n;
  if (store_org_tree(r->store, &r->arena, r->user->orgId, &aOrg, &n) !=
      STORE_OK)
    return;
  for (int i = 0; i < n; i++) {
    if (!req_can(r, PERM_APP_HANDLE, aOrg[i].id)) continue;
    req_printf(r, "<option value=\"%lld\"%s>%h</option>", (long long)aOrg[i].id,
               aOrg[i].id == selected ? " selected" : "", aOrg[i].zName);
  }
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
    char zIdNorm[64];
    int y, m, d;
    Date dEvent;
    const AppChannel *ch = app_channel(zChannel);
    date_ymd(app_today(), &y, &m, &d);
    nErr = app_validate(&in, y * 10000 + m * 100 + d, zIdNorm, aErr);
    int64_t v;
    if (req_param_int(r, "org_id", 1, INT64_MAX, &v) == 1) orgId = v;
    if (!req_can(r, PERM_APP_HANDLE, orgId) && nErr < APP_MAX_ERRORS) {
      aErr[nErr].zField = "org_id";
      snprintf(aErr[nErr++].zMsg, sizeof aErr[0].zMsg,
               "您无权为该单位登记申请");
    }
    if (!ch && nErr < APP_MAX_ERRORS) {
      aErr[nErr].zField = "channel";
      snprintf(aErr[nErr++].zMsg, sizeof aErr[0].zMsg, "请选择申请渠道");
    }
    if ((date_parse(zEventDay, &dEvent) || dEvent > app_today()) &&
        nErr < APP_MAX_ERRORS) {
      aErr[nErr].zField = "event_day";
      snprintf(aErr[nErr++].zMsg, sizeof aErr[0].zMsg,
               "请填写有效的日期（YYYY-MM-DD，不晚于今天）");
    }
    const char *zFileErr = app_attachment_check(r);
    if (zFileErr && nErr < APP_MAX_ERRORS) {
      aErr[nErr].zField = "attachment";
      snprintf(aErr[nErr++].zMsg, sizeof aErr[0].zMsg, "%s", zFileErr);
    }
    if (!nErr) {
      Calendar cal;
      char *zWhy = NULL;
      App a;
      char zCode[32], zRec[DATE_STRLEN];
      memset(&a, 0, sizeof a);
      int rc = app_load_calendar(r, &cal);
      Date dRec = deadline_receipt_date(ch->eDl, dEvent, &cal, &zWhy);
      cal_free(&cal);
      a.orgId = orgId;
      a.zChannel = ch->zId;
      a.zReceivedOn = date_format(dRec, zRec);
      a.zReceiptNote = req_strdup(r, zWhy ? zWhy : "");
      free(zWhy);
      if (rc == STORE_OK) rc = store_begin(r->store);
      if (rc == STORE_OK) {
        rc = app_register(r, &a, &in, zIdNorm, zCode, "登记");
        if (rc == STORE_OK)
          rc = store_commit(r->store);
        else
          store_rollback(r->store);
      }
      if (rc != STORE_OK) {
        http_error(r, 500,
                   store_errmsg(r->store)[0] ? store_errmsg(r->store)
                                             : "保存申请失败");
        return 0;
      }
      store_audit(r->store, r->user->id, orgId, "application.register",
                  a.zRegNo);
      page_begin(r, "申请已登记");
      req_printf(
          r,
          "<h1>申请已登记</h1>\n<dl class=\"meta\">"
          "<dt>登记号</dt><dd id=\"reg-no\">%h</dd>"
          "<dt>查询码</dt><dd id=\"tracking-code\"><strong>%h</strong></dd>"
          "<dt>收到申请日期</dt><dd>%h</dd><dt>依据</dt><dd>%h</dd></dl>\n"
          "<p><strong>请将登记号和查询码告知申请人（例如写入受理回执）。"
          "查询码只显示这一次。</strong></p>\n"
          "<p><a href=\"/staff/applications/%lld\">进入办理页面</a></p>\n",
          a.zRegNo, zCode, a.zReceivedOn, a.zReceiptNote, (long long)a.id);
      page_end(r);
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
      "受理单位</label><select id=\"f-org_id\" name=\"org_id\">");
  handle_org_options(r, orgId);
  req_puts(r,
           "</select></p>\n<p class=\"field\"><label for=\"f-channel\">申请渠道"
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

/* ---- the case page ------------------------------------------------------- */

/* Loads the route's application into *a and checks that the user may see
** it (PERM_VIEW_STAFF over its organisation); writes the error page and
** returns 0 otherwise. */
static int load_visible(Req *r, App *a) {
  if (store_app_get(r->store, &r->arena, req_arg_id(r, 0), a) != STORE_OK) {
    http_error(r, 404, "申请不存在");
    return 0;
  }
  if (!req_can(r, PERM_VIEW_STAFF, a->orgId)) {
    http_error(r, 403, "您无权查看其他单位的申请");
    return 0;
  }
  return 1;
}

/* The identity number as this user may see it. */
static const char *shown_id(Req *r, const App *a) {
  if (!req_can(r, PERM_APP_HANDLE, a->orgId) || !a->zIdSealed[0])
    return a->zIdMasked;
  char *z = crypto_open(r->cfg->zSecretKey, a->zIdSealed);
  if (!z) return a->zIdMasked;
  const char *zOut = req_strdup(r, z);
  free(z);
  return zOut;
}

/* A select of code values. */
static void code_select(Req *r, const char *zName, const char *zLabel,
                        const AppCode *a, const char *zSel) {
  req_printf(r,
             "<p class=\"field\"><label for=\"f-%h\">%h</label>"
             "<select id=\"f-%h\" name=\"%h\">",
             zName, zLabel, zName, zName);
  for (int i = 0; a[i].zId; i++)
    req_printf(r, "<option value=\"%h\"%s>%h</option>", a[i].zId,
               zSel && !strcmp(zSel, a[i].zId) ? " selected" : "", a[i].zLabel);
  req_puts(r, "</select></p>\n");
}

/* Opens an action form. */
static void action_form(Req *r, const App *a, const char *zAct,
                        const char *zLegend) {
  req_printf(r,
             "<form method=\"post\" class=\"form\" action=\"/staff/"
             "applications/%lld/%h\"><fieldset><legend>%h</legend>\n",
             (long long)a->id, zAct, zLegend);
  page_csrf_field(r);
}

static void action_end(Req *r, const char *zButton) {
  req_printf(r,
             "<p><button type=\"submit\">%h</button></p></fieldset></form>\n",
             zButton);
}

int page_app_view(Req *r) {
  App a;
  r->bNoCache = 1;
  if (!load_visible(r, &a)) return 0;
  int bHandle = req_can(r, PERM_APP_HANDLE, a.orgId);
  int bApprove = req_can(r, PERM_APP_APPROVE, a.orgId);
  AppEvent *aEv;
  int nEv;
  AppLog *aLog;
  int nLog;
  AppReview *aRev;
  int nRev;
  AppFile *aFile;
  int nFile;
  AppDueChange *aChg;
  int nChg;
  Calendar cal;
  if (store_app_events(r->store, &r->arena, a.id, &aEv, &nEv) != STORE_OK ||
      store_app_logs(r->store, &r->arena, a.id, &aLog, &nLog) != STORE_OK ||
      store_app_reviews(r->store, &r->arena, a.id, &aRev, &nRev) != STORE_OK ||
      store_app_files(r->store, &r->arena, a.id, &aFile, &nFile) != STORE_OK ||
      store_app_due_changes(r->store, &r->arena, a.id, &aChg, &nChg) !=
          STORE_OK) {
    http_error(r, 500, store_errmsg(r->store));
    return 0;
  }
  if (app_load_calendar(r, &cal) != STORE_OK) {
    cal_free(&cal);
    http_error(r, 500, store_errmsg(r->store));
    return 0;
  }
  DlResult res;
  Date dToday = app_today();
  status_of(r, &cal, &a, aEv, nEv, dToday, &res);

  page_begin(r, a.zRegNo);
  req_printf(r, "<h1>申请 %h</h1>\n", a.zRegNo);
  if (req_param(r, "done")) page_notice(r, "ok", "已保存");
  char zDue[DATE_STRLEN];
  req_printf(
      r,
      "<dl class=\"meta\"><dt>受理单位</dt><dd>%h</dd>"
      "<dt>状态</dt><dd id=\"state\">%h</dd>"
      "<dt>期限状态</dt><dd id=\"clock-status\">%h</dd>"
      "<dt>答复期限</dt><dd id=\"due\">%h</dd>"
      "<dt>申请渠道</dt><dd>%h</dd>"
      "<dt>收到申请日期</dt><dd>%h</dd><dt>收到日期依据</dt><dd>%h</dd>"
      "<dt>承办科室</dt><dd>%h</dd><dt>承办人</dt><dd>%h</dd>",
      a.zOrgName, app_label(aAppState, a.zState),
      res.zErr ? res.zErr : deadline_status_label(res.eStatus),
      res.dDue != DATE_NONE ? date_format(res.dDue, zDue) : "-",
      app_channel(a.zChannel) ? app_channel(a.zChannel)->zLabel : a.zChannel,
      a.zReceivedOn, a.zReceiptNote, a.zDeptName[0] ? a.zDeptName : "未分办",
      a.zHandlerName[0] ? a.zHandlerName : "-");
  if (a.zOutcome[0]) {
    const AppOutcome *o = app_outcome(a.zOutcome);
    req_printf(
        r,
        "<dt>办理结果</dt><dd id=\"outcome\">%h</dd><dt>法律依据</dt><dd>%h</dd>",
        o ? o->zLabel : a.zOutcome, o ? o->zGround : "");
  }
  if (a.zClosedOn[0])
    req_printf(r, "<dt>办结日期</dt><dd>%h</dd>", a.zClosedOn);
  req_puts(r, "</dl>\n");

  /* Applicant and information. */
  req_printf(
      r,
      "<h2>申请人</h2>\n<dl class=\"meta\"><dt>类型</dt><dd>%h</dd>"
      "<dt>姓名或名称</dt><dd>%h</dd><dt>%h</dt><dd id=\"id-number\">%h</dd>"
      "<dt>联系人</dt><dd>%h</dd><dt>联系电话</dt><dd>%h</dd>"
      "<dt>电子邮箱</dt><dd>%h</dd><dt>通信地址</dt><dd>%h %h</dd></dl>\n",
      app_label(aAppApplicantType, a.zApplicantType), a.zApplicantName,
      app_label(aAppIdKind, a.zIdKind), shown_id(r, &a), a.zContactPerson,
      a.zPhone, a.zEmail, a.zAddress, a.zPostcode);
  req_printf(
      r,
      "<h2>所需信息</h2>\n<dl class=\"meta\"><dt>名称</dt><dd>%h</dd>"
      "<dt>文号</dt><dd>%h</dd><dt>描述</dt><dd>%h</dd><dt>用途</dt><dd>%h</dd>"
      "<dt>提供形式</dt><dd>%h</dd><dt>获取方式</dt><dd>%h</dd></dl>\n",
      a.zInfoTitle, a.zInfoDocNumber, a.zInfoDescription, a.zPurpose,
      app_label(aAppForm, a.zForm), app_label(aAppDelivery, a.zDelivery));
  if (nFile) {
    req_puts(r, "<p>附件：");
    for (int i = 0; i < nFile; i++) {
      if (bHandle)
        req_printf(r, "<a href=\"/staff/applications/%lld/files/%lld\">%h</a>",
                   (long long)a.id, (long long)aFile[i].id, aFile[i].zName);
      else
        req_printf(r, "%h", aFile[i].zName);
      req_printf(r, "（%lld字节） ", (long long)aFile[i].nBytes);
    }
    req_puts(r, "</p>\n");
  }

  /* The clock, step by step. */
  req_puts(r, "<h2>期限计算</h2>\n<ol class=\"steps\" id=\"clock-steps\">\n");
  for (int i = 0; i < res.nStep; i++) /* each step names its date */
    req_printf(r, "<li%s>%h</li>\n",
               res.aStep[i].bWarn ? " class=\"warn\"" : "", res.aStep[i].zText);
  req_puts(r, "</ol>\n");
  if (res.bUncovered)
    page_notice(r, "warn",
                "计算涉及尚未载入官方放假安排的年份，该年按周一至周五计算；"
                "载入新一年放假安排后系统将重新计算并记录变更。");
  deadline_result_free(&res);
  if (nChg) {
    req_puts(
        r,
        "<table class=\"grid\"><caption>期限变更记录</caption><thead><tr>"
        "<th scope=\"col\">时间</th><th scope=\"col\">原期限</th>"
        "<th scope=\"col\">新期限</th><th scope=\"col\">原因</th></tr></thead><tbody>");
    for (int i = 0; i < nChg; i++)
      req_printf(r, "<tr><td>%h</td><td>%h</td><td>%h</td><td>%h</td></tr>",
                 aChg[i].zAt, aChg[i].zOld, aChg[i].zNew, aChg[i].zReason);
    req_puts(r, "</tbody></table>\n");
  }

  /* Events. */
  req_puts(
      r,
      "<table class=\"grid\"><caption>办理记录（计入期限计算）</caption><thead><tr>"
      "<th scope=\"col\">日期</th><th scope=\"col\">事项</th>"
      "<th scope=\"col\">期限</th><th scope=\"col\">说明</th>"
      "<th scope=\"col\">记录人</th></tr></thead><tbody>\n");
  for (int i = 0; i < nEv; i++)
    req_printf(
        r,
        "<tr><td>%h</td><td>%h</td><td>%h</td><td>%h%h</td><td>%h</td></tr>\n",
        aEv[i].rec.zOn, app_label(aAppEventKind, aEv[i].rec.zKind),
        aEv[i].rec.zLimit,
        aEv[i].rec.nDays ? req_fmt(r, "%d个工作日 ", aEv[i].rec.nDays) : "",
        aEv[i].rec.zText, aEv[i].zUserName);
  req_puts(r, "</tbody></table>\n");

  /* Letter. */
  if (a.zOutcome[0])
    req_printf(
        r,
        "<p><a href=\"/staff/applications/%lld/letter\">答复告知书（可打印）</a>"
        " | <a href=\"/staff/applications/%lld/letter.docx\">下载 Word</a></p>\n",
        (long long)a.id, (long long)a.id);

  int bOpen = !a.zClosedOn[0];
  if (bOpen && bHandle) {
    /* Assignment. */
    Dept *aDept;
    int nDept;
    User *aUser;
    int nUser;
    action_form(r, &a, "assign", "分办");
    req_puts(
        r,
        "<p class=\"field\"><label for=\"f-dept\">承办科室</label>"
        "<select id=\"f-dept\" name=\"dept_id\"><option value=\"0\">-</option>");
    if (store_dept_list(r->store, &r->arena, a.orgId, &aDept, &nDept) ==
        STORE_OK)
      for (int i = 0; i < nDept; i++)
        req_printf(r, "<option value=\"%lld\"%s>%h</option>",
                   (long long)aDept[i].id,
                   aDept[i].id == a.deptId ? " selected" : "", aDept[i].zName);
    req_puts(
        r,
        "</select></p><p class=\"field\"><label for=\"f-handler\">承办人</label>"
        "<select id=\"f-handler\" name=\"handler_id\"><option value=\"0\">-</option>");
    if (store_user_list(r->store, &r->arena, a.orgId, 0, &aUser, &nUser) ==
        STORE_OK)
      for (int i = 0; i < nUser; i++)
        if (perm_role_has(aUser[i].roles, PERM_APP_HANDLE) &&
            !aUser[i].bDisabled)
          req_printf(
              r, "<option value=\"%lld\"%s>%h</option>", (long long)aUser[i].id,
              aUser[i].id == a.handlerId ? " selected" : "", aUser[i].zName);
    req_puts(r, "</select></p>\n");
    action_end(r, "分办");

    /* Clock events. */
    action_form(r, &a, "event",
                "记录办理事项（补正、征求意见、延期、第三十五条）");
    req_puts(r,
             "<p class=\"field\"><label for=\"f-kind\">事项</label>"
             "<select id=\"f-kind\" name=\"kind\">");
    for (int i = 0; aAppEventKind[i].zId; i++) {
      const char *k = aAppEventKind[i].zId;
      if (!strncmp(k, "fee_", 4) || !strcmp(k, "answered")) continue;
      req_printf(r, "<option value=\"%h\">%h</option>", k,
                 aAppEventKind[i].zLabel);
    }
    req_puts(r, "</select></p>\n");
    page_input(r, "on_day", "日期", req_fmt(r, "%h", date_format(dToday, zDue)),
               "type=\"date\" required");
    page_input(r, "limit_day", "期限（补正期限或第三十五条的答复期限）", "",
               "type=\"date\"");
    page_input(r, "n_days", "延长的工作日数（延期，不超过20）", "",
               "inputmode=\"numeric\"");
    page_input(r, "text", "说明（补正内容、征求对象、理由）", "",
               "maxlength=\"500\"");
    req_puts(
        r,
        "<p>延期须经政府信息公开工作机构负责人同意（由有审批权限的用户记录，"
        "记录人即为批准人），并告知申请人。</p>\n"
        "<p class=\"field\"><label><input type=\"checkbox\" name=\"notified\" "
        "value=\"1\"> 已将延期告知申请人（仅延期时需要）</label></p>\n");
    action_end(r, "记录");

    /* Fees. */
    action_form(r, &a, "fee", "信息处理费（国办函〔2020〕109号）");
    req_puts(
        r,
        "<p class=\"field\"><label for=\"f-op\">操作</label><select id=\"f-op\" name=\"op\">"
        "<option value=\"notice\">发出收费通知</option>"
        "<option value=\"paid\">已缴费</option>"
        "<option value=\"waive\">减免（须说明理由）</option>"
        "<option value=\"lapse\">逾期未缴费，终止办理</option></select></p>"
        "<p class=\"field\"><label for=\"f-method\">计收方式</label>"
        "<select id=\"f-method\" name=\"method\">"
        "<option value=\"per_item\">按件计收</option>"
        "<option value=\"per_volume\">按量计收</option></select></p>\n");
    page_input(r, "count", "件数（本申请拆分后的件数）或页数", "",
               "inputmode=\"numeric\"");
    page_input(r, "on_day", "日期", req_fmt(r, "%h", zDue), "type=\"date\"");
    page_input(r, "limit_day", "缴费期限", "", "type=\"date\"");
    page_input(r, "note", "说明（减免理由、票据号）", "", "maxlength=\"300\"");
    action_end(r, "保存");
    if (strcmp(a.zFeeStatus, "none"))
      req_printf(r, "<p>当前收费：%lld元，%h，%h</p>\n", (long long)a.feeYuan,
                 a.zFeeStatus, a.zFeeNote);

    /* Draft. */
    action_form(r, &a, "draft", "拟定答复（提交科室审核）");
    req_puts(r,
             "<p class=\"field\"><label for=\"f-outcome\">办理结果</label>"
             "<select id=\"f-outcome\" name=\"outcome\">");
    for (int i = 0; aAppOutcome[i].zId; i++)
      req_printf(r, "<option value=\"%h\"%s>%h（%h）</option>",
                 aAppOutcome[i].zId,
                 !strcmp(a.zOutcome, aAppOutcome[i].zId) ? " selected" : "",
                 aAppOutcome[i].zLabel, aAppOutcome[i].zGround);
    req_printf(
        r,
        "</select></p><p class=\"field\"><label for=\"f-decision\">理由及"
        "说明</label><textarea id=\"f-decision\" name=\"decision_text\" "
        "maxlength=\"4000\">%h</textarea></p>\n",
        a.zDecisionText);
    action_end(r, "提交审核");
  }
  int bReview = req_can(r, PERM_DOC_DEPT_REVIEW, a.orgId) || bApprove;
  if (bOpen && bReview && !strcmp(a.zState, "awaiting_review")) {
    action_form(r, &a, "dept_review", "科室审核");
    page_input(r, "note", "审核意见", "", "maxlength=\"300\"");
    action_end(r, "审核通过，提交领导审批");
  }
  if (bOpen && bApprove && !strcmp(a.zState, "awaiting_approval")) {
    action_form(r, &a, "approve", "领导审批");
    page_input(r, "answer_day", "答复日期",
               req_fmt(r, "%h", date_format(dToday, zDue)),
               "type=\"date\" required");
    action_end(r, "批准并答复");
  }
  if (bOpen && bReview &&
      (!strcmp(a.zState, "awaiting_review") ||
       !strcmp(a.zState, "awaiting_approval"))) {
    action_form(r, &a, "return", "退回修改");
    page_input(r, "note", "退回理由", "", "maxlength=\"300\"");
    action_end(r, "退回");
  }
  if (bHandle) {
    action_form(r, &a, "review", "行政复议、行政诉讼");
    code_select(r, "kind", "类型", aAppReviewKind, "review");
    code_select(r, "result", "结果", aAppReviewResult, "pending");
    page_input(r, "filed_on", "申请或起诉日期", "", "type=\"date\" required");
    page_input(r, "decided_on", "决定或判决日期", "", "type=\"date\"");
    page_input(r, "body", "复议机关或法院", "", "maxlength=\"100\"");
    page_input(r, "case_no", "案号", "", "maxlength=\"100\"");
    action_end(r, "添加");
  }
  if (nRev) {
    req_puts(
        r,
        "<table class=\"grid\" id=\"reviews\"><caption>行政复议、行政诉讼</caption>"
        "<thead><tr><th scope=\"col\">类型</th><th scope=\"col\">结果</th>"
        "<th scope=\"col\">申请/起诉</th><th scope=\"col\">决定/判决</th>"
        "<th scope=\"col\">机关或法院</th><th scope=\"col\">案号</th>"
        "<th scope=\"col\">登记结果</th></tr></thead><tbody>");
    for (int i = 0; i < nRev; i++) {
      req_printf(
          r,
          "<tr><td>%h</td><td>%h</td><td>%h</td><td>%h</td><td>%h</td><td>%h</td><td>",
          app_label(aAppReviewKind, aRev[i].zKind),
          app_label(aAppReviewResult, aRev[i].zResult), aRev[i].zFiledOn,
          aRev[i].zDecidedOn, aRev[i].zBody, aRev[i].zCaseNo);
      if (bHandle && !strcmp(aRev[i].zResult, "pending")) {
        req_printf(r,
                   "<form method=\"post\" class=\"inline\" action=\"/staff/"
                   "applications/%lld/review_decide\">",
                   (long long)a.id);
        page_csrf_field(r);
        req_printf(
            r,
            "<input type=\"hidden\" name=\"review_id\" value=\"%lld\">"
            "<label>结果 <select name=\"result\">"
            "<option value=\"upheld\">结果维持</option>"
            "<option value=\"corrected\">结果纠正</option>"
            "<option value=\"other\">其他结果</option></select></label> "
            "<label>日期 <input type=\"date\" name=\"decided_on\" "
            "required></label> <button type=\"submit\">保存</button></form>",
            (long long)aRev[i].id);
      }
      req_puts(r, "</td></tr>");
    }
    req_puts(r, "</tbody></table>\n");
  }
  req_puts(
      r,
      "<table class=\"grid\"><caption>办理过程</caption><thead><tr>"
      "<th scope=\"col\">时间</th><th scope=\"col\">人员</th>"
      "<th scope=\"col\">操作</th><th scope=\"col\">说明</th></tr></thead><tbody>\n");
  for (int i = 0; i < nLog; i++)
    req_printf(r, "<tr><td>%h</td><td>%h</td><td>%h</td><td>%h</td></tr>\n",
               aLog[i].zAt,
               aLog[i].zUserName[0] ? aLog[i].zUserName : "申请人/系统",
               aLog[i].zAction, aLog[i].zDetail);
  req_puts(r, "</tbody></table>\n");
  cal_free(&cal);
  page_end(r);
  return 0;
}

/* ---- actions ------------------------------------------------------------- */

/* Checks that the clock accepts the events plus pNew; NULL when it does,
** else the clock's message (in the arena). */
static const char *clock_accepts(Req *r, const Calendar *pCal, const App *a,
                                 const AppEventRec *pNew) {
  AppEvent *aEv;
  int nEv;
  if (store_app_events(r->store, &r->arena, a->id, &aEv, &nEv) != STORE_OK)
    return store_errmsg(r->store);
  AppEventRec *aRec = arena_alloc(&r->arena, sizeof *aRec * (size_t)(nEv + 1));
  for (int i = 0; i < nEv; i++) aRec[i] = aEv[i].rec;
  aRec[nEv] = *pNew;
  DlResult res;
  const char *zErr = NULL;
  DlParams par;
  store_app_clock_params(r->store, &par);
  if (app_clock_ex(pCal, a->zReceivedOn, aRec, nEv + 1, &par, app_today(),
                   &res) != DL_OK)
    zErr = req_strdup(r, res.zErr ? res.zErr : "办理记录与期限规则不符");
  deadline_result_free(&res);
  return zErr;
}

/* Parses an optional date parameter: 1 ok (z may be ""), 0 malformed. */
static int opt_date(Req *r, const char *zName, const char **pz) {
  Date d;
  *pz = req_param_or(r, zName, "");
  return !(*pz)[0] || date_parse(*pz, &d) == 0;
}

int page_app_action(Req *r) {
  App a;
  if (!load_visible(r, &a)) return 0;
  const char *zAct = req_arg(r, 1);
  const char *zErr = NULL;
  Perm need = !strcmp(zAct, "approve") ? PERM_APP_APPROVE
              : !strcmp(zAct, "dept_review") || !strcmp(zAct, "return")
                  ? PERM_DOC_DEPT_REVIEW
                  : PERM_APP_HANDLE;
  /* The disclosure office and the approvers may also review and return. */
  if (!req_can(r, need, a.orgId) && !(need == PERM_DOC_DEPT_REVIEW &&
                                      req_can(r, PERM_APP_APPROVE, a.orgId))) {
    http_error(r, 403,
               need == PERM_APP_APPROVE       ? "您没有审批答复的权限"
               : need == PERM_DOC_DEPT_REVIEW ? "您没有审核答复的权限"
                                              : "您没有办理申请的权限");
    return 0;
  }
  Calendar cal;
  Date dToday = app_today();
  char zToday[DATE_STRLEN];
  date_format(dToday, zToday);
  int rc = app_load_calendar(r, &cal);
  if (rc == STORE_OK) rc = store_begin(r->store);
  if (rc != STORE_OK) {
    cal_free(&cal);
    http_error(r, 500, store_errmsg(r->store));
    return 0;
  }
  int64_t uid = r->user->id;
  if (strcmp(zAct, "review") && strcmp(zAct, "review_decide") &&
      strcmp(zAct, "recalc") && a.zClosedOn[0]) {
    zErr = "该申请已办结";
  } else if (!strcmp(zAct, "assign")) {
    int64_t dept = 0, handler = 0;
    req_param_int(r, "dept_id", 0, INT64_MAX, &dept);
    req_param_int(r, "handler_id", 0, INT64_MAX, &handler);
    Dept *aDept;
    int nDept, ok = dept == 0;
    if (store_dept_list(r->store, &r->arena, a.orgId, &aDept, &nDept) ==
        STORE_OK)
      for (int i = 0; i < nDept; i++) ok |= aDept[i].id == dept;
    User u;
    if (!ok)
      zErr = "承办科室不属于该单位";
    else if (handler &&
             (store_user_get(r->store, &r->arena, handler, &u) != STORE_OK ||
              u.orgId != a.orgId || !perm_role_has(u.roles, PERM_APP_HANDLE)))
      zErr = "承办人须为该单位有办理权限的用户";
    else if (store_app_assign(r->store, a.id, dept, handler) != STORE_OK ||
             store_app_log(r->store, a.id, uid, "分办",
                           handler ? u.zName : "") != STORE_OK)
      zErr = store_errmsg(r->store);
  } else if (!strcmp(zAct, "event")) {
    AppEventRec e;
    int64_t nDays = 0;
    memset(&e, 0, sizeof e);
    e.zKind = req_param_or(r, "kind", "");
    e.zText = req_param_or(r, "text", "");
    Date d;
    if (!app_event_kind(e.zKind) || !strncmp(e.zKind, "fee_", 4) ||
        !strcmp(e.zKind, "answered"))
      zErr = "事项类型无效";
    else if (date_parse(req_param_or(r, "on_day", ""), &d) || d > dToday)
      zErr = "请填写有效的日期（不晚于今天）";
    else if (!opt_date(r, "limit_day", &e.zLimit))
      zErr = "期限日期无效";
    else if (req_param_int(r, "n_days", 0, 20, &nDays) < 0)
      zErr = "延长的工作日数应为1至20";
    else if (!strcmp(e.zKind, "extension") &&
             !req_can(r, PERM_APP_APPROVE, a.orgId))
      zErr = "延期须经政府信息公开工作机构负责人同意，请由有审批权限的用户记录";
    else if (!strcmp(e.zKind, "extension") &&
             strcmp(req_param_or(r, "notified", ""), "1"))
      zErr = "延期须告知申请人，请确认已告知后再记录";
    else if (strlen(e.zText) > 1500)
      zErr = "说明过长";
    if (!zErr) {
      e.zOn = req_param(r, "on_day");
      e.nDays = (int)nDays;
      if (!strcmp(e.zKind, "extension"))
        e.zText = req_fmt(r, "批准人：%h；已告知申请人%h%h", r->user->zName,
                          e.zText[0] ? "；" : "", e.zText);
      zErr = clock_accepts(r, &cal, &a, &e);
    }
    if (!zErr &&
        (store_app_event_add(r->store, a.id, &e, uid) != STORE_OK ||
         store_app_log(r->store, a.id, uid, app_label(aAppEventKind, e.zKind),
                       e.zText) != STORE_OK))
      zErr = store_errmsg(r->store);
    if (!zErr && !strcmp(e.zKind, "correction_lapsed") &&
        store_app_close(r->store, a.id, "results.other.no_correction", e.zOn,
                        e.zText) != STORE_OK)
      zErr = store_errmsg(r->store);
  } else if (!strcmp(zAct, "fee")) {
    const char *zOp = req_param_or(r, "op", "");
    const char *zNote = req_param_or(r, "note", "");
    AppEventRec e;
    memset(&e, 0, sizeof e);
    e.zOn = req_param_or(r, "on_day", zToday);
    Date d;
    if (date_parse(e.zOn, &d) || d > dToday)
      zErr = "请填写有效的日期（不晚于今天）";
    else if (!opt_date(r, "limit_day", &e.zLimit))
      zErr = "缴费期限无效";
    else if (!strcmp(zOp, "notice")) {
      const char *zMethod = req_param_or(r, "method", "");
      int64_t nCount = 0;
      FeeResult fr;
      memset(&fr, 0, sizeof fr);
      if (strcmp(a.zFeeStatus, "none"))
        zErr = "已发出过收费通知";
      else if (req_param_int(r, "count", 1, FEE_MAX_COUNT, &nCount) != 1)
        zErr = "请填写件数或页数（正整数）";
      else {
        FeeRequest q = {DATE_NONE, zMethod, a.zForm, 0, (int)nCount};
        date_parse(a.zReceivedOn, &q.dReceived);
        if (!strcmp(zMethod, "per_item")) {
          q.nPrior =
              store_app_month_count(r->store, a.zIdHash, a.zReceivedOn, a.id);
          if (q.nPrior < 0) q.nPrior = 0;
        }
        if (fee_compute(&q, &fr) != FEE_OK)
          zErr = req_strdup(r, fr.zText ? fr.zText : "收费参数无效");
      }
      if (!zErr && fr.nYuan <= 0)
        zErr = "按该方式计算不需收费，无需发出收费通知";
      if (!zErr) {
        /* The payment deadline: 20 working days (国办函〔2020〕109号). */
        Date dN, dLim;
        date_parse(e.zOn, &dN);
        dLim = cal_add_workdays(&cal, dN, DL_FEE_PAY_DAYS);
        if (e.zLimit[0]) date_parse(e.zLimit, &dLim);
        char *zNotice = fee_notice_text(zMethod, fr.nYuan, fr.zText, dLim);
        e.zKind = "fee_notice";
        e.zText = req_fmt(r, "%lld元。%h", fr.nYuan, zNotice);
        free(zNotice);
        zErr = clock_accepts(r, &cal, &a, &e);
        if (!zErr &&
            (store_app_event_add(r->store, a.id, &e, uid) != STORE_OK ||
             store_app_set_fee(r->store, a.id, zMethod, (int)nCount, fr.nYuan,
                               "notified", zNote) != STORE_OK ||
             store_app_log(r->store, a.id, uid, "收费通知", e.zText) !=
                 STORE_OK))
          zErr = store_errmsg(r->store);
      }
      fee_result_free(&fr);
    } else if (!strcmp(zOp, "paid") || !strcmp(zOp, "waive") ||
               !strcmp(zOp, "lapse")) {
      int bWaive = !strcmp(zOp, "waive"), bLapse = !strcmp(zOp, "lapse");
      if (strcmp(a.zFeeStatus, "notified"))
        zErr = "尚未发出收费通知";
      else if (bWaive && !zNote[0])
        zErr = "减免须说明理由";
      if (!zErr) {
        e.zKind = bLapse ? "fee_lapsed" : "fee_paid";
        e.zText = bWaive ? req_fmt(r, "减免：%h", zNote) : zNote;
        e.zLimit = "";
        zErr = clock_accepts(r, &cal, &a, &e);
      }
      if (!zErr && (store_app_event_add(r->store, a.id, &e, uid) != STORE_OK ||
                    store_app_set_fee(r->store, a.id, a.zFeeMethod, a.feeCount,
                                      a.feeYuan,
                                      bLapse   ? "unpaid"
                                      : bWaive ? "waived"
                                               : "paid",
                                      zNote) != STORE_OK ||
                    store_app_log(r->store, a.id, uid,
                                  bLapse   ? "逾期未缴费"
                                  : bWaive ? "减免收费"
                                           : "已缴费",
                                  zNote) != STORE_OK))
        zErr = store_errmsg(r->store);
      if (!zErr && bLapse &&
          store_app_close(r->store, a.id, "results.other.fee_unpaid", e.zOn,
                          zNote) != STORE_OK)
        zErr = store_errmsg(r->store);
    } else {
      zErr = "收费操作无效";
    }
  } else if (!strcmp(zAct, "draft")) {
    const char *zOutcome = req_param_or(r, "outcome", "");
    const char *zText = req_param_or(r, "decision_text", "");
    if (!app_outcome(zOutcome))
      zErr = "请选择办理结果";
    else if (!strncmp(zOutcome, "results.other.no_correction", 27) ||
             !strcmp(zOutcome, "results.other.fee_unpaid"))
      zErr = "逾期不补正、逾期未缴费由相应办理事项自动终止，不能直接拟定";
    else if (strncmp(zOutcome, "results.granted", 15) && !zText[0])
      zErr = "不予公开、无法提供、不予处理等答复须写明理由";
    else if (strlen(zText) > 12000)
      zErr = "理由及说明过长";
    else if (store_app_draft(r->store, a.id, zOutcome, zText, uid) !=
                 STORE_OK ||
             store_app_log(r->store, a.id, uid, "拟定答复",
                           app_outcome(zOutcome)->zLabel) != STORE_OK)
      zErr = store_errmsg(r->store);
  } else if (!strcmp(zAct, "approve")) {
    AppEventRec e;
    Date d;
    memset(&e, 0, sizeof e);
    e.zKind = "answered";
    e.zOn = req_param_or(r, "answer_day", "");
    e.zLimit = "";
    e.zText = "";
    if (strcmp(a.zState, "awaiting_approval"))
      zErr = "该申请不在待审批状态";
    else if (date_parse(e.zOn, &d) || d > dToday)
      zErr = "请填写有效的答复日期（不晚于今天）";
    else
      zErr = clock_accepts(r, &cal, &a, &e);
    if (!zErr &&
        (store_app_event_add(r->store, a.id, &e, uid) != STORE_OK ||
         store_app_approve(r->store, a.id, uid, e.zOn) != STORE_OK ||
         store_app_log(r->store, a.id, uid, "批准答复", e.zOn) != STORE_OK))
      zErr = store_errmsg(r->store);
  } else if (!strcmp(zAct, "dept_review")) {
    if (store_app_dept_review(r->store, a.id, uid) != STORE_OK ||
        store_app_log(r->store, a.id, uid, "科室审核通过",
                      req_param_or(r, "note", "")) != STORE_OK)
      zErr = store_errmsg(r->store);
  } else if (!strcmp(zAct, "return")) {
    if (store_app_return(r->store, a.id) != STORE_OK ||
        store_app_log(r->store, a.id, uid, "退回修改",
                      req_param_or(r, "note", "")) != STORE_OK)
      zErr = store_errmsg(r->store);
  } else if (!strcmp(zAct, "review")) {
    AppReview v;
    Date d1, d2;
    memset(&v, 0, sizeof v);
    v.appId = a.id;
    v.zKind = req_param_or(r, "kind", "");
    v.zResult = req_param_or(r, "result", "");
    v.zFiledOn = req_param_or(r, "filed_on", "");
    v.zBody = req_param_or(r, "body", "");
    v.zCaseNo = req_param_or(r, "case_no", "");
    v.zNote = req_param_or(r, "note", "");
    if (!app_code(aAppReviewKind, v.zKind))
      zErr = "请选择复议或诉讼类型";
    else if (!app_code(aAppReviewResult, v.zResult))
      zErr = "请选择结果";
    else if (date_parse(v.zFiledOn, &d1))
      zErr = "请填写申请或起诉日期";
    else if (!opt_date(r, "decided_on", &v.zDecidedOn))
      zErr = "决定或判决日期无效";
    else if (v.zDecidedOn[0] && (date_parse(v.zDecidedOn, &d2) || d2 < d1))
      zErr = "决定或判决日期不能早于申请或起诉日期";
    else if (strcmp(v.zResult, "pending") && !v.zDecidedOn[0])
      zErr = "已审结的案件须填写决定或判决日期";
    else if (!strcmp(v.zResult, "pending") && v.zDecidedOn[0])
      zErr = "尚未审结的案件不应填写决定或判决日期";
    else if (store_app_review_add(r->store, &v) != STORE_OK ||
             store_app_log(r->store, a.id, uid,
                           app_label(aAppReviewKind, v.zKind),
                           app_label(aAppReviewResult, v.zResult)) != STORE_OK)
      zErr = store_errmsg(r->store);
  } else if (!strcmp(zAct, "review_decide")) {
    int64_t rid = 0;
    const char *zResult = req_param_or(r, "result", "");
    const char *zDay = req_param_or(r, "decided_on", "");
    Date d;
    AppReview *aRev;
    int nRev;
    const AppReview *pRev = NULL;
    req_param_int(r, "review_id", 1, INT64_MAX, &rid);
    if (store_app_reviews(r->store, &r->arena, a.id, &aRev, &nRev) == STORE_OK)
      for (int i = 0; i < nRev; i++)
        if (aRev[i].id == rid) pRev = &aRev[i];
    if (!pRev)
      zErr = "该案件不存在";
    else if (!app_code(aAppReviewResult, zResult) ||
             !strcmp(zResult, "pending"))
      zErr = "请选择审结结果";
    else if (date_parse(zDay, &d) || strcmp(zDay, pRev->zFiledOn) < 0)
      zErr = "决定或判决日期无效或早于申请、起诉日期";
    else if (store_app_review_decide(r->store, a.id, rid, zResult, zDay) !=
                 STORE_OK ||
             store_app_log(r->store, a.id, uid,
                           app_label(aAppReviewKind, pRev->zKind),
                           app_label(aAppReviewResult, zResult)) != STORE_OK)
      zErr = store_errmsg(r->store);
  } else if (!strcmp(zAct, "recalc")) {
    /* handled below */
  } else {
    zErr = "未知操作";
  }
  if (!zErr &&
      store_app_refresh_due(r->store, &r->arena, &cal, a.id, dToday,
                            !strcmp(zAct, "recalc") ? "手动重新计算" : NULL,
                            NULL) != STORE_OK)
    zErr = store_errmsg(r->store);
  cal_free(&cal);
  if (zErr) {
    store_rollback(r->store);
    http_error(r, 422, zErr);
    return 0;
  }
  if (store_commit(r->store) != STORE_OK) {
    http_error(r, 500, store_errmsg(r->store));
    return 0;
  }
  store_audit(r->store, uid, a.orgId, req_fmt(r, "application.%h", zAct),
              a.zRegNo);
  req_redirect(
      r, req_fmt(r, "/staff/applications/%lld?done=%u", (long long)a.id, zAct));
  return 0;
}

/* ---- attachments --------------------------------------------------------- */

int page_app_file(Req *r) {
  App a;
  AppFile f;
  const void *p;
  size_t n;
  r->bNoCache = 1;
  if (!load_visible(r, &a)) return 0;
  /* Attachments hold identity proofs: handlers only. */
  if (!req_can(r, PERM_APP_HANDLE, a.orgId)) {
    http_error(r, 403, "您没有办理申请的权限");
    return 0;
  }
  if (store_app_file_get(r->store, &r->arena, a.id, req_arg_id(r, 1), &f, &p,
                         &n) != STORE_OK) {
    http_error(r, 404, "附件不存在");
    return 0;
  }
  buf_reset(&r->out);
  buf_append(&r->out, p, n);
  r->zType = "application/octet-stream";
  req_header(r, "Content-Disposition",
             req_fmt(r, "attachment; filename*=UTF-8''%u", f.zName));
  return 0;
}

/* ---- templates ----------------------------------------------------------- */

int page_app_templates(Req *r) {
  const char *zOutcome = req_param_or(r, "outcome", "results.granted");
  int64_t orgId = r->user->orgId;
  r->bNoCache = 1;
  if (!app_outcome(zOutcome)) {
    http_error(r, 422, "办理结果无效");
    return 0;
  }
  if (r->method == HTTP_POST) {
    const char *zBody = req_param_or(r, "body", "");
    if (strlen(zBody) > 20000) {
      http_error(r, 422, "模板过长");
      return 0;
    }
    if (store_begin(r->store) != STORE_OK ||
        store_app_template_set(r->store, orgId, zOutcome, zBody) != STORE_OK) {
      store_rollback(r->store);
      http_error(r, 500, store_errmsg(r->store));
      return 0;
    }
    store_commit(r->store);
    store_audit(r->store, r->user->id, orgId, "answer_template.set", zOutcome);
    req_redirect(
        r, req_fmt(r, "/staff/answer-templates?outcome=%u&saved=1", zOutcome));
    return 0;
  }
  const char *zBody = store_app_template(r->store, &r->arena, orgId, zOutcome);
  page_begin(r, "答复模板");
  req_puts(r, "<h1>答复告知书模板</h1>\n");
  if (req_param(r, "saved")) page_notice(r, "ok", "已保存");
  req_puts(
      r,
      "<form method=\"get\" class=\"form\"><p class=\"field\"><label for=\"f-o\">"
      "办理结果</label><select id=\"f-o\" name=\"outcome\">");
  for (int i = 0; aAppOutcome[i].zId; i++)
    req_printf(r, "<option value=\"%h\"%s>%h</option>", aAppOutcome[i].zId,
               !strcmp(zOutcome, aAppOutcome[i].zId) ? " selected" : "",
               aAppOutcome[i].zLabel);
  req_puts(
      r, "</select></p><p><button type=\"submit\">选择</button></p></form>\n");
  req_puts(
      r,
      "<p>可用的占位符：{applicant} 申请人，{reg_no} 登记号，{received_on} 收到日期，"
      "{info} 所需信息，{decision} 答复结论，{reasons} 理由及说明，{ground} 法律依据，"
      "{obtain} 获取方式和时间，{remedy} 救济途径，{org} 单位，{date} 答复日期。"
      "留空保存即恢复默认模板。</p>\n");
  req_printf(
      r,
      "<form method=\"post\" class=\"form\" action=\"/staff/answer-templates?outcome=%u\">",
      zOutcome);
  page_csrf_field(r);
  req_printf(
      r,
      "<p class=\"field\"><label for=\"f-body\">模板正文</label>"
      "<textarea id=\"f-body\" name=\"body\" rows=\"16\">%h</textarea></p>"
      "<p><button type=\"submit\">保存</button></p></form>\n",
      zBody ? zBody : app_default_template(zOutcome));
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
      (int)store_setting_int(r->store, "application_due_soon_workdays");
  Buf soon = BUF_INIT, over = BUF_INIT;
  for (int i = 0; i < n; i++) {
    Date dDue;
    if (!aApp[i].zDueOn[0] || date_parse(aApp[i].zDueOn, &dDue)) continue;
    if (dDue < dToday) {
      nOver++;
      buf_printf(&over,
                 "<li><a href=\"/staff/applications/%lld\">%h</a> 期限 %h</li>",
                 (long long)aApp[i].id, aApp[i].zRegNo, aApp[i].zDueOn);
    } else if (cal_workdays_between(&cal, dToday, dDue) <= nSoonDays) {
      nSoon++;
      buf_printf(&soon,
                 "<li><a href=\"/staff/applications/%lld\">%h</a> 期限 %h</li>",
                 (long long)aApp[i].id, aApp[i].zRegNo, aApp[i].zDueOn);
    }
  }
  int nAns = 0, nOnTime = 0;
  store_app_on_time(r->store, r->user->orgId, bSub, date_year(dToday), &nAns,
                    &nOnTime);
  req_printf(
      r,
      "<p>未办结 %d 件；<a href=\"/staff/applications\">进入申请登记</a></p>\n",
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
