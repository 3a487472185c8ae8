/*
** page_registers.c — the helpers every register page shares (scope,
** navigation, date fields), the registers' home, the public-opinion
** register with its 5 h / 24 h / 48 h clocks, NPC suggestions and CPPCC
** proposals, and activities with their attachments.  Messages, work plans
** and the supervisor's pages have their own files.
*/
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/response_clock.h"
#include "lib/crypto.h"
#include "web/feedback.h"
#include "web/pages.h"
#include "web/registers.h"

/* ---- Helpers ------------------------------------------------------------ */

int reg_check(Req *r, Perm p, int64_t orgId) {
  if (req_can(r, p, orgId)) return 0;
  http_error(r, 403, "您无权查看或办理该单位的记录");
  return -1;
}

int reg_scope(Req *r, Perm p, RegScope *sc) {
  int64_t org = r->user ? r->user->orgId : 0, year = 0;
  memset(sc, 0, sizeof *sc);
  if (req_param_int(r, "org", 1, INT64_MAX, &org) < 0) {
    http_error(r, 400, "单位参数无效");
    return -1;
  }
  if (req_param_int(r, "year", 1900, 2999, &year) < 0) {
    http_error(r, 400, "年度参数无效");
    return -1;
  }
  if (store_org_get(r->store, &r->arena, org, &sc->org) != STORE_OK) {
    http_error(r, 404, "单位不存在");
    return -1;
  }
  if (reg_check(r, p, org)) return -1;
  sc->orgId = org;
  sc->year = (int)year;
  sc->bSubtree = req_param(r, "subtree") && !strcmp(req_param(r, "subtree"), "1");
  if (sc->bSubtree && !req_can_subtree(r, p, org)) {
    http_error(r, 403, "您无权查看下级单位的记录");
    return -1;
  }
  sc->bEdit = req_can(r, PERM_REGISTER_EDIT, org);
  return 0;
}

const char *reg_qs(Req *r, const RegScope *sc) {
  return req_fmt(r, "?org=%lld%s", (long long)sc->orgId,
                 sc->bSubtree ? "&subtree=1" : "");
}

void reg_filter_links(Req *r, const RegScope *sc, const char *zPath, const RegFilter *aF,
                      int n, const char *zCur) {
  req_puts(r, "<ul class=\"fb-quick\" aria-label=\"筛选\">");
  for (int i = 0; i < n; i++)
    req_printf(r, "<li><a href=\"%h%h%s%h\"%s>%h</a></li>", zPath, reg_qs(r, sc),
               aF[i].zValue[0] ? "&amp;filter=" : "", aF[i].zValue,
               !strcmp(zCur, aF[i].zValue) ? " aria-current=\"true\"" : "", aF[i].zLabel);
  req_puts(r, "</ul>\n");
}

void reg_nav(Req *r, const RegScope *sc, const char *zCurrent) {
  static const struct { const char *zKey, *zPath, *zLabel; } aItem[] = {
    {"home", "/staff/registers", "概览"},
    {"opinion", "/staff/opinion", "回应关切"},
    {"messages", "/staff/messages", "网民留言"},
    {"proposals", "/staff/proposals", "建议提案"},
    {"activities", "/staff/activities", "公开活动"},
    {"workplans", "/staff/workplans", "工作要点"},
    {"freshness", "/staff/freshness", "目录更新"},
    {"dashboard", "/staff/dashboard", "统计看板"},
  };
  const char *zQs = reg_qs(r, sc);
  req_puts(r, "<nav class=\"subnav\" aria-label=\"登记簿\"><ul>");
  for (size_t i = 0; i < sizeof aItem / sizeof aItem[0]; i++) {
    int bCur = !strcmp(aItem[i].zKey, zCurrent);
    req_printf(r, "<li><a href=\"%h%h\"%s>%h</a></li>", aItem[i].zPath, zQs,
               bCur ? " aria-current=\"page\"" : "", aItem[i].zLabel);
  }
  if (req_can(r, PERM_SUPERVISE, 0))
    req_puts(r, "<li><a href=\"/staff/supervise\">督查</a></li>");
  req_printf(r, "</ul></nav>\n<p class=\"scope\">单位：<strong>%h</strong>%s</p>\n",
             sc->org.zName, sc->bSubtree ? "（含下级单位）" : "");
}

Date reg_today_date(void) { return date_today_cn(time(NULL)); }

const char *reg_today(Req *r) {
  char z[DATE_STRLEN];
  return req_strdup(r, date_format(reg_today_date(), z));
}

const char *reg_date_field(Req *r, const char *zName, const char *zLabel,
                           int bRequired, const char **pz) {
  const char *z = req_param(r, zName);
  Date d;
  *pz = NULL;
  if (!z || !z[0]) return bRequired ? req_fmt(r, "请填写%s", zLabel) : NULL;
  if (date_parse(z, &d)) return req_fmt(r, "%s有误，请按 2026-12-07 的格式填写", zLabel);
  *pz = z;
  return NULL;
}

void reg_textarea(Req *r, const char *zName, const char *zLabel,
                  const char *zValue, int bRequired) {
  const char *zId = page_field_id(r, zName);
  zValue = page_typed(r, zName, zValue);  /* a refused POST: what was typed */
  req_printf(r, "<p class=\"field\"><label for=\"%h\">%h</label>", zId, zLabel);
  const char *zErr_html = page_field_error_attrs(r, zName, zId);
  req_printf(r, "<textarea id=\"%h\" name=\"%h\"%s%s>%h</textarea></p>\n", zId, zName,
             bRequired ? " required" : "", zErr_html, zValue ? zValue : "");
}

void reg_date_input(Req *r, const char *zName, const char *zLabel,
                    const char *zValue, int bRequired) {
  const char *zId = page_field_id(r, zName);
  zValue = page_typed(r, zName, zValue);
  req_printf(r, "<p class=\"field\"><label for=\"%h\">%h</label>", zId, zLabel);
  const char *zErr_html = page_field_error_attrs(r, zName, zId);
  req_printf(r, "<input type=\"date\" id=\"%h\" name=\"%h\" value=\"%h\"%s%s></p>\n",
             zId, zName, zValue ? zValue : "", bRequired ? " required" : "", zErr_html);
}

int reg_calendar(Req *r, Calendar *pCal) {
  cal_init(pCal);
  if (store_reg_calendar(r->store, &r->arena, pCal) != STORE_OK) {
    cal_free(pCal);
    http_store_error(r, store_errcode(r->store));
    return -1;
  }
  return 0;
}

void reg_message_clock(const Calendar *pCal, int nDays, const Message *m,
                       Date dToday, RcMessage *pOut) {
  Date dRecv = DATE_NONE, dRep = DATE_NONE;
  date_parse(m->zReceivedOn, &dRecv);
  if (m->zRepliedOn[0]) date_parse(m->zRepliedOn, &dRep);
  if (dRecv == DATE_NONE) dRecv = dToday;
  rc_message(pCal, dRecv, nDays, dRep, dToday, pOut);
}

/* Redirect after a successful change (its feedback already queued), back
** to zPath with the scope. */
static void done(Req *r, const char *zPath_raw, const RegScope *sc) {
  const char *zQs_raw = reg_qs(r, sc);
  req_redirect(r, req_fmt(r, "%s%s", zPath_raw, zQs_raw));
}

/* Hidden scope fields for a form posting to a list page. */
static void scope_fields(Req *r, const RegScope *sc) {
  req_printf(r, "<input type=\"hidden\" name=\"org\" value=\"%lld\">",
             (long long)sc->orgId);
  page_csrf_field(r);
}

/* ---- The registers' home ---------------------------------------------- */

int page_reg_home(Req *r) {
  RegScope sc;
  r->bNoCache = 1;
  if (reg_scope(r, PERM_VIEW_STAFF, &sc)) return 0;
  Org *aOrg;
  int nOrg;
  if (store_org_tree(r->store, &r->arena, r->user->orgId, &aOrg, &nOrg) != STORE_OK) {
    http_store_error(r, store_errcode(r->store));
    return 0;
  }
  page_begin(r, "公开工作登记");
  req_puts(r, "<h1>公开工作登记</h1>\n");
  reg_nav(r, &sc, "home");
  req_puts(r, "<form method=\"get\" class=\"form inline-form\"><p class=\"field\">"
              "<label for=\"f-org\">查看单位</label>");
  page_org_select_open(r, "f-org", "org", nOrg);
  req_puts(r, ">");
  for (int i = 0; i < nOrg; i++) {
    if (!req_can_in_own_tree(r, PERM_VIEW_STAFF, &aOrg[i])) continue;
    req_printf(r, "<option value=\"%lld\"%s>", (long long)aOrg[i].id,
               aOrg[i].id == sc.orgId ? " selected" : "");
    for (int d = 0; d < aOrg[i].depth; d++) req_puts(r, "　");
    req_printf(r, "%h</option>", aOrg[i].zName);
  }
  req_printf(r, "</select></p><p><label class=\"check\"><input type=\"checkbox\" "
                "name=\"subtree\" value=\"1\"%s> 含下级单位</label> "
                "<button type=\"submit\">切换</button></p></form>\n",
             sc.bSubtree ? " checked" : "");
  req_printf(r, "<ul class=\"links\">"
                "<li><a href=\"/staff/opinion%h\">回应关切 / 政务舆情</a>：事件、回应与 5 小时、24 小时、48 小时时限</li>"
                "<li><a href=\"/staff/messages%h\">网民留言 / 领导信箱</a>：转办、答复、公开与超期提醒</li>"
                "<li><a href=\"/staff/proposals%h\">人大代表建议 / 政协委员提案</a></li>"
                "<li><a href=\"/staff/activities%h\">新闻发布会、在线访谈、政府开放日、培训、会议、宣传</a></li>"
                "<li><a href=\"/staff/workplans%h\">工作要点</a>：任务、牵头和配合部门、进展</li>"
                "<li><a href=\"/staff/dashboard%h\">统计看板</a></li>"
                "<li><a href=\"/o/%h/messages\">公众留言页面</a></li></ul>\n",
             reg_qs(r, &sc), reg_qs(r, &sc), reg_qs(r, &sc), reg_qs(r, &sc),
             reg_qs(r, &sc), reg_qs(r, &sc), sc.org.zSlug);
  page_end(r);
  return 0;
}

static int opinion_clocks(const OpinionEvent *e, time_t tNow,
                          RcClock aOut[RC_MAX_CLOCKS]);

void reg_panel(Req *r) {
  if (!req_can(r, PERM_VIEW_STAFF, 0)) return;
  int64_t org = r->user->orgId;
  int bSub = perm_reaches_subtree(r->user->roles, PERM_VIEW_STAFF);
  const char *zSub = bSub ? "&subtree=1" : "";
  int nOverdue = 0, nOpen = 0, nEventLate = 0;
  Message *aM;
  OpinionEvent *aE;
  int n;
  Calendar cal;
  cal_init(&cal);
  if (store_reg_calendar(r->store, &r->arena, &cal) == STORE_OK &&
      store_message_list(r->store, &r->arena, org, bSub, 0, &aM, &n) == STORE_OK) {
    int nDays = store_reg_reply_days(r->store, &r->arena);
    Date dToday = reg_today_date();
    for (int i = 0; i < n; i++) {
      RcMessage c;
      reg_message_clock(&cal, nDays, &aM[i], dToday, &c);
      if (!c.bReplied) nOpen++;
      if (!c.bReplied && c.bOverdue) nOverdue++;
    }
  }
  cal_free(&cal);
  if (store_opinion_list(r->store, &r->arena, org, bSub, date_year(reg_today_date()), &aE,
                         &n) == STORE_OK) {
    for (int i = 0; i < n; i++) {
      RcClock ac[RC_MAX_CLOCKS];
      int k = opinion_clocks(&aE[i], time(NULL), ac);
      int bLate = 0;
      for (int j = 0; j < k; j++) bLate |= ac[j].eState != RC_MET;
      nEventLate += bLate;
    }
  }
  req_printf(r, "<section class=\"panel\"><h2>公开工作登记</h2><ul>"
                "<li><a href=\"/staff/messages?org=%lld%h&amp;filter=open\">未答复留言 %d 条</a>"
                "，其中<a href=\"/staff/messages?org=%lld%h&amp;filter=overdue\" class=\"%s\">超期 %d 条</a></li>"
                "<li><a href=\"/staff/opinion?org=%lld%h\">本年舆情事件未按时或仍待回应 %d 件</a></li>"
                "<li><a href=\"/staff/registers\">回应关切、网民留言、建议提案、活动、工作要点</a></li>"
                "<li><a href=\"/staff/freshness?org=%lld%h\">公开目录更新检查</a></li>"
                "<li><a href=\"/staff/dashboard\">统计看板</a></li>",
             (long long)org, zSub, nOpen, (long long)org, zSub, nOverdue ? "missed" : "",
             nOverdue, (long long)org, zSub, nEventLate, (long long)org, zSub);
  if (req_can(r, PERM_SUPERVISE, 0))
    req_puts(r, "<li><a href=\"/staff/supervise\">督查：下级单位一览</a></li>");
  req_puts(r, "</ul></section>\n");
}

/* ---- Public opinion ------------------------------------------------------ */

/* The clocks of e as of now. */
static int opinion_clocks(const OpinionEvent *e, time_t tNow,
                          RcClock aOut[RC_MAX_CLOCKS]) {
  time_t tInfo = (time_t)e->tInfo, tPress = (time_t)e->tPress;
  return rc_opinion(strcmp(e->zLevel, "major") ? RC_OTHER : RC_MAJOR_EMERGENCY,
                    (time_t)e->tFound, e->tInfo ? &tInfo : NULL,
                    e->tPress ? &tPress : NULL, tNow, aOut);
}

/* "发布权威信息须在 2026年12月7日 12:00 前" for each clock of the new
** event e, for the feedback after it is registered. */
static const char *opinion_due_text(Req *r, const OpinionEvent *e) {
  RcClock a[RC_MAX_CLOCKS];
  int n = opinion_clocks(e, time(NULL), a);
  const char *z = "";
  for (int i = 0; i < n; i++)
    z = req_fmt(r, "%s%s%s须在 %s 前", z, i ? "、" : "", a[i].zName, fmt_instant(r, a[i].tDue));
  return z;
}

static const char *state_class(RcState e) {
  return e == RC_MET ? "met" : e == RC_MISSED ? "missed" : "due";
}

/* "发布权威信息：按时" list of the clocks, with their due times. */
static void clocks_html(Req *r, const OpinionEvent *e) {
  RcClock a[RC_MAX_CLOCKS];
  int n = opinion_clocks(e, time(NULL), a);
  for (int i = 0; i < n; i++) {
    const char *zState = rc_state_label(a[i].eState);
    req_printf(r, "<span class=\"clock %h\">%h（%d小时，%h前）：%h</span> ",
               state_class(a[i].eState), a[i].zName, a[i].nHours,
               fmt_instant(r, a[i].tDue), zState);
  }
}

int reg_event_missed(const OpinionEvent *e, time_t tNow) {
  RcClock ac[RC_MAX_CLOCKS];
  time_t tInfo = (time_t)e->tInfo, tPress = (time_t)e->tPress;
  int k = rc_opinion(strcmp(e->zLevel, "major") ? RC_OTHER : RC_MAJOR_EMERGENCY,
                     (time_t)e->tFound, e->tInfo ? &tInfo : NULL,
                     e->tPress ? &tPress : NULL, tNow, ac);
  for (int j = 0; j < k; j++)
    if (ac[j].eState == RC_MISSED) return 1;
  return 0;
}

/* Reads an event's fields (title, source, level, time found, summary)
** from the form into *e.  Returns NULL or the Chinese message of the
** first problem: the time found may not be after now, nor after the
** event's earliest response (e->tInfo, 0 when none). */
static const char *opinion_form(Req *r, OpinionEvent *e) {
  const char *zErr = NULL;
  time_t tFound;
  e->zTitle = req_param_or(r, "title", "");
  e->zSource = req_param_or(r, "source", "");
  e->zLevel = req_param_or(r, "level", "");
  e->zSummary = req_param_or(r, "summary", "");
  if (!reg_level_label(e->zLevel)) return "请选择事件级别";
  if (!zErr) zErr = reg_text_check("事件名称", e->zTitle, 200, 1);
  if (!zErr) zErr = reg_text_check("来源", e->zSource, 100, 0);
  if (!zErr) zErr = reg_text_check("概要", e->zSummary, 4000, 0);
  if (!zErr && datetime_parse_cn(req_param_or(r, "found_at", ""), &tFound))
    zErr = "发现时间有误，请按 2026-12-07 09:30 的格式填写";
  if (!zErr && tFound > time(NULL) + 300) zErr = "发现时间不能晚于现在";
  if (!zErr && e->tInfo && tFound > (time_t)e->tInfo) zErr = "发现时间不能晚于第一次回应的时间";
  if (!zErr) e->tFound = tFound;
  return zErr;
}

/* The fields of an event's form, filled from *e (as typed when bTyped). */
static void opinion_fields(Req *r, const OpinionEvent *e, int bTyped) {
  const char *zLevel = bTyped ? req_param_or(r, "level", "") : e->zLevel ? e->zLevel : "";
  char zAt[DATETIME_STRLEN];
  const char *zFound = req_param(r, "found_at");
  if (!bTyped && e->tFound) {
    datetime_format_cn((time_t)e->tFound, zAt);
    zAt[10] = 'T';
    zFound = zAt;
  }
  page_input(r, "title", "事件名称", e->zTitle, "required maxlength=\"200\"");
  page_input(r, "source", "来源（网络、媒体、信访等）", e->zSource, "maxlength=\"100\"");
  req_printf(r, "<p class=\"field\"><label for=\"f-level\">级别</label><select id=\"f-level\" name=\"level\" required>"
                "<option value=\"other\">其他政务舆情（48小时内回应）</option>"
                "<option value=\"major\"%s>特别重大、重大突发事件（5小时发布权威信息，24小时举行新闻发布会）</option>"
                "</select></p>\n", !strcmp(zLevel, "major") ? " selected" : "");
  page_input(r, "found_at", "发现时间（北京时间，如 2026-12-07 09:30）", zFound,
             "required type=\"datetime-local\"");
  reg_textarea(r, "summary", "概要", e->zSummary, 0);
}

int page_opinion_list(Req *r) {
  RegScope sc;
  const char *zErr = NULL;
  r->bNoCache = 1;
  if (reg_scope(r, PERM_VIEW_STAFF, &sc)) return 0;
  OpinionEvent e;
  memset(&e, 0, sizeof e);
  if (r->method == HTTP_POST) {
    if (reg_check(r, PERM_REGISTER_EDIT, sc.orgId)) return 0;
    e.orgId = sc.orgId;
    zErr = opinion_form(r, &e);
    if (!zErr) {
      if (store_opinion_add(r->store, &e, r->user->id) != STORE_OK)
        zErr = store_errmsg(r->store);
      else {
        store_audit(r->store, r->user->id, sc.orgId, "opinion.add", e.zTitle);
        page_feedback(r, FB_OPINION_ADD, e.zTitle, opinion_due_text(r, &e), NULL);
        req_redirect(r, req_fmt(r, "/staff/opinion/%lld", (long long)e.id));
        return 0;
      }
    }
  }
  /* ?month= (with ?year=) and ?filter=missed narrow the list the way the
  ** dashboard counts. */
  int64_t month = 0;
  if (req_param_int(r, "month", 1, 12, &month) < 0 || (month && !sc.year)) {
    http_error(r, 400, "月份参数无效（按月筛选须同时指定年度）");
    return 0;
  }
  const char *zOFilter = req_param_or(r, "filter", "");
  int bMissedOnly = !strcmp(zOFilter, "missed");
  if (zOFilter[0] && !bMissedOnly) {
    http_error(r, 400, "筛选参数无效，请使用页面上的筛选链接");
    return 0;
  }
  time_t tNow = time(NULL);
  OpinionEvent *aE;
  int n;
  if (store_opinion_list(r->store, &r->arena, sc.orgId, sc.bSubtree, sc.year,
                         &aE, &n) != STORE_OK) {
    http_store_error(r, store_errcode(r->store));
    return 0;
  }
  page_begin(r, "回应关切");
  req_puts(r, "<h1>回应关切 / 政务舆情</h1>\n");
  reg_nav(r, &sc, "opinion");
  static const RegFilter aOF[] = {{"", "全部"}, {"missed", "未在时限内回应"}};
  reg_filter_links(r, &sc, "/staff/opinion", aOF, 2, zOFilter);
  if (zErr) page_notice(r, "error", zErr);
  req_puts(r, "<p>时限依据：特别重大、重大突发事件最迟5小时内发布权威信息、24小时内举行新闻发布会"
              "（国办发〔2016〕80号、61号）；其他政务舆情48小时内回应（国办发〔2016〕61号）。</p>\n"
              "<table class=\"grid cards\" id=\"opinion-list\"><caption>舆情事件</caption><thead><tr>"
              "<th scope=\"col\">发现时间</th><th scope=\"col\">事件</th><th scope=\"col\">级别</th>"
              "<th scope=\"col\">单位</th><th scope=\"col\">时限</th></tr></thead><tbody>\n");
  int nShown = 0;
  for (int i = 0; i < n; i++) {
    if (month && date_month(date_from_time_cn((time_t)aE[i].tFound)) != (int)month) continue;
    if (bMissedOnly && !reg_event_missed(&aE[i], tNow)) continue;
    nShown++;
    req_printf(r, "<tr><td>%h</td><td><a href=\"/staff/opinion/%lld\">%h</a></td>"
                  "<td>%h</td><td>%h</td><td>",
               fmt_instant(r, (time_t)aE[i].tFound), (long long)aE[i].id,
               aE[i].zTitle, reg_level_label(aE[i].zLevel), aE[i].zOrgName);
    clocks_html(r, &aE[i]);
    req_puts(r, "</td></tr>\n");
  }
  if (!nShown) req_puts(r, "<tr><td colspan=\"5\">暂无记录</td></tr>\n");
  req_puts(r, "</tbody></table>\n");
  if (sc.bEdit) {
    req_puts(r, "<h2>登记舆情事件</h2>\n<form method=\"post\" class=\"form\">");
    scope_fields(r, &sc);
    opinion_fields(r, &e, 1);
    req_puts(r, "<p><button type=\"submit\">登记</button></p></form>\n");
  }
  page_end(r);
  if (zErr) r->status = 422;
  return 0;
}

/* A response to event *e (POST without action).  Returns NULL after
** queuing the feedback, else the Chinese message of the refusal. */
static const char *opinion_respond_post(Req *r, const OpinionEvent *e) {
  OpinionResponse p;
  time_t t;
  const char *zErr;
  memset(&p, 0, sizeof p);
  p.eventId = e->id;
  p.zKind = req_param_or(r, "kind", "");
  p.zNote = req_param_or(r, "note", "");
  if (!reg_response_label(p.zKind)) return "请选择回应方式";
  if (datetime_parse_cn(req_param_or(r, "at", ""), &t))
    return "回应时间有误，请按 2026-12-07 14:00 的格式填写";
  if (t < (time_t)e->tFound) return "回应时间不能早于发现时间";
  if (t > time(NULL) + 300) return "回应时间不能晚于现在";
  if ((zErr = reg_text_check("说明", p.zNote, 2000, 0)) != NULL) return zErr;
  p.tAt = t;
  if (store_opinion_response_add(r->store, &p) != STORE_OK) return store_errmsg(r->store);
  store_audit(r->store, r->user->id, e->orgId, "opinion.respond", p.zKind);
  page_feedback(r, FB_OPINION_RESPOND, e->zTitle,
                req_fmt(r, "%s（%s）", reg_response_label(p.zKind), fmt_instant(r, t)), NULL);
  return NULL;
}

/* The correction of event *e (action=edit): level, time found and the
** texts; the clocks follow.  Returns NULL after queuing the feedback. */
static const char *opinion_edit_post(Req *r, const OpinionEvent *e) {
  OpinionEvent f = *e;
  const char *zErr = opinion_form(r, &f);
  if (zErr) return zErr;
  if (store_opinion_update(r->store, &f) != STORE_OK) return store_errmsg(r->store);
  store_audit(r->store, r->user->id, e->orgId, "opinion.update", f.zTitle);
  page_feedback(r, FB_OPINION_UPDATE, f.zTitle,
                req_fmt(r, "%s，发现时间%s", reg_level_label(f.zLevel),
                        fmt_instant(r, (time_t)f.tFound)), NULL);
  return NULL;
}

int page_opinion_view(Req *r) {
  int64_t id = req_arg_id(r, 0);
  OpinionEvent e;
  const char *zErr = NULL;
  r->bNoCache = 1;
  if (!id || store_opinion_get(r->store, &r->arena, id, &e) != STORE_OK) {
    http_error(r, 404, "舆情事件不存在");
    return 0;
  }
  if (reg_check(r, PERM_VIEW_STAFF, e.orgId)) return 0;
  int bEdit = req_can(r, PERM_REGISTER_EDIT, e.orgId);
  int bTyped = 0;
  if (r->method == HTTP_POST) {
    if (reg_check(r, PERM_REGISTER_EDIT, e.orgId)) return 0;
    bTyped = !strcmp(req_param_or(r, "action", ""), "edit");
    zErr = bTyped ? opinion_edit_post(r, &e) : opinion_respond_post(r, &e);
    if (!zErr) {
      req_redirect(r, req_fmt(r, "/staff/opinion/%lld", (long long)id));
      return 0;
    }
  }
  OpinionResponse *aR;
  int n;
  if (store_opinion_responses(r->store, &r->arena, id, &aR, &n) != STORE_OK) {
    http_store_error(r, store_errcode(r->store));
    return 0;
  }
  page_begin(r, e.zTitle);
  req_printf(r, "<p><a href=\"/staff/opinion?org=%lld\">返回舆情登记</a></p>\n<h1>%h</h1>\n",
             (long long)e.orgId, e.zTitle);
  if (zErr) page_notice(r, "error", zErr);
  req_printf(r, "<dl class=\"meta\"><dt>单位</dt><dd>%h</dd><dt>级别</dt><dd>%h</dd>"
                "<dt>来源</dt><dd>%h</dd><dt>发现时间</dt><dd>%h</dd><dt>概要</dt><dd>%h</dd>"
                "<dt>时限</dt><dd>",
             e.zOrgName, reg_level_label(e.zLevel), e.zSource,
             fmt_instant(r, (time_t)e.tFound), e.zSummary);
  clocks_html(r, &e);
  req_puts(r, "</dd></dl>\n<table class=\"grid cards\"><caption>回应</caption><thead><tr>"
              "<th scope=\"col\">时间</th><th scope=\"col\">方式</th><th scope=\"col\">说明</th>"
              "</tr></thead><tbody>\n");
  for (int i = 0; i < n; i++)
    req_printf(r, "<tr><td>%h</td><td>%h</td><td>%h</td></tr>\n",
               fmt_instant(r, (time_t)aR[i].tAt),
               reg_response_label(aR[i].zKind), aR[i].zNote);
  if (!n) req_puts(r, "<tr><td colspan=\"3\">尚未回应</td></tr>\n");
  req_puts(r, "</tbody></table>\n");
  if (bEdit) {
    req_puts(r, "<h2>登记回应</h2><form method=\"post\" class=\"form\">");
    page_csrf_field(r);
    req_puts(r, "<p class=\"field\"><label for=\"f-kind\">方式</label><select id=\"f-kind\" name=\"kind\">"
                "<option value=\"release\">发布权威信息</option>"
                "<option value=\"press\">举行新闻发布会</option>"
                "<option value=\"online\">网上回应</option></select></p>\n");
    page_input(r, "at", "时间（北京时间，如 2026-12-07 14:00）", req_param(r, "at"),
               "required type=\"datetime-local\"");
    reg_textarea(r, "note", "说明", bTyped ? "" : req_param(r, "note"), 0);
    req_puts(r, "<p><button type=\"submit\">保存</button></p></form>\n");
    OpinionEvent typed = e;
    if (bTyped) opinion_form(r, &typed);
    req_puts(r, "<h2>更正事件信息</h2><form method=\"post\" class=\"form\">"
                "<input type=\"hidden\" name=\"action\" value=\"edit\">");
    page_csrf_field(r);
    opinion_fields(r, &typed, bTyped);
    req_puts(r, "<p><button type=\"submit\">保存更正</button></p></form>\n");
  }
  page_end(r);
  if (zErr) r->status = 422;
  return 0;
}

/* ---- Proposals ---------------------------------------------------------- */

/* 1 when p is open past its due date as of zToday. */
int reg_proposal_overdue(const Proposal *p, const char *zToday) {
  return !p->zRepliedOn[0] && p->zDueOn[0] && strcmp(p->zDueOn, zToday) < 0;
}

/* Reads the registration fields of a proposal (kind, year, number, title,
** delegate, departments, 交办 date, 办理期限) from the form into *p (strings
** from the request); a blank 办理期限 of an NPC suggestion becomes three
** months after 交办 (reg_proposal_dates).  Returns NULL or the Chinese
** message of the first problem. */
static const char *proposal_form(Req *r, Proposal *p) {
  int64_t year = 0;
  const char *zErr = NULL;
  p->zKind = req_param_or(r, "kind", "");
  p->zNumber = req_param_or(r, "number", "");
  p->zTitle = req_param_or(r, "title", "");
  p->zDelegate = req_param_or(r, "delegate", "");
  p->zLeadDept = req_param_or(r, "lead_dept", "");
  p->zCoDepts = req_param_or(r, "co_depts", "");
  if (!reg_proposal_label(p->zKind)) return "请选择类别（人大代表建议或政协委员提案）";
  if (req_param_int(r, "pyear", 1990, 2999, &year) != 1) return "请填写有效的年度";
  p->year = (int)year;
  if (!zErr) zErr = reg_text_check("编号", p->zNumber, 40, 1);
  if (!zErr) zErr = reg_text_check("标题", p->zTitle, 200, 1);
  if (!zErr) zErr = reg_text_check("代表或委员", p->zDelegate, 100, 0);
  if (!zErr) zErr = reg_text_check("主办部门", p->zLeadDept, 100, 1);
  if (!zErr) zErr = reg_text_check("协办部门", p->zCoDepts, 200, 0);
  const char *zRecv, *zDue;
  p->zReceivedOn = req_param_or(r, "received_on", "");
  p->zDueOn = req_param_or(r, "due_on", "");
  if (!zErr) zErr = reg_date_field(r, "received_on", "交办日期", 0, &zRecv);
  if (!zErr) zErr = reg_date_field(r, "due_on", "办理期限", 0, &zDue);
  if (zErr) return zErr;
  Date dRecv = DATE_NONE, dDue = DATE_NONE;
  if (zRecv) date_parse(zRecv, &dRecv);
  if (zDue) date_parse(zDue, &dDue);
  if ((zErr = reg_proposal_dates(p->zKind, dRecv, dDue, &dDue)) != NULL) return zErr;
  char z[DATE_STRLEN];
  p->zDueOn = dDue == DATE_NONE ? NULL : req_strdup(r, date_format(dDue, z));
  return NULL;
}

/* The registration fields of a proposal form, filled from *p (the year
** from zYear, as typed). */
static void proposal_fields(Req *r, const Proposal *p, const char *zYear) {
  int bCppcc = p->zKind && !strcmp(p->zKind, "cppcc");
  req_printf(r, "<p class=\"field\"><label for=\"f-kind\">类别</label><select id=\"f-kind\" name=\"kind\">"
                "<option value=\"npc\">人大代表建议</option><option value=\"cppcc\"%s>政协委员提案</option>"
                "</select></p>\n", bCppcc ? " selected" : "");
  page_input(r, "pyear", "年度", zYear, "required inputmode=\"numeric\"");
  page_input(r, "number", "编号", p->zNumber, "required maxlength=\"40\"");
  page_input(r, "title", "标题", p->zTitle, "required maxlength=\"200\"");
  page_input(r, "delegate", "代表或委员", p->zDelegate, "maxlength=\"100\"");
  page_input(r, "lead_dept", "主办部门", p->zLeadDept, "required maxlength=\"100\"");
  page_input(r, "co_depts", "协办部门（用顿号分隔）", p->zCoDepts, "maxlength=\"200\"");
  reg_date_input(r, "received_on", "交办日期", p->zReceivedOn, 0);
  reg_date_input(r, "due_on", "办理期限（人大代表建议不填时为交办日期后三个月）", p->zDueOn, 0);
}

int page_proposal_list(Req *r) {
  RegScope sc;
  const char *zErr = NULL;
  r->bNoCache = 1;
  if (reg_scope(r, PERM_VIEW_STAFF, &sc)) return 0;
  Proposal p;
  memset(&p, 0, sizeof p);
  if (r->method == HTTP_POST) {
    if (reg_check(r, PERM_REGISTER_EDIT, sc.orgId)) return 0;
    p.orgId = sc.orgId;
    zErr = proposal_form(r, &p);
    if (!zErr) {
      if (store_proposal_add(r->store, &p) != STORE_OK) zErr = store_errmsg(r->store);
      else {
        store_audit(r->store, r->user->id, sc.orgId, "proposal.add", p.zTitle);
        page_feedback(r, FB_PROPOSAL_ADD, p.zTitle,
                      req_fmt(r, "%s第 %s 号%s%s", reg_proposal_label(p.zKind), p.zNumber,
                              p.zDueOn && p.zDueOn[0] ? "，办理期限为" : "",
                              p.zDueOn && p.zDueOn[0] ? fmt_date(r, p.zDueOn) : ""),
                      req_fmt(r, "下一步：%s办理答复后，在该件页面登记答复并决定是否公开全文。",
                              p.zLeadDept));
        done(r, "/staff/proposals", &sc);
        return 0;
      }
    }
  }
  Proposal *aP;
  int n;
  if (store_proposal_list(r->store, &r->arena, sc.orgId, sc.bSubtree, sc.year,
                          &aP, &n) != STORE_OK) {
    http_store_error(r, store_errcode(r->store));
    return 0;
  }
  const char *zToday = reg_today(r);
  /* ?filter=overdue|published: the dashboard's figures. */
  const char *zPFilter = req_param_or(r, "filter", "");
  if (zPFilter[0] && strcmp(zPFilter, "overdue") && strcmp(zPFilter, "published")) {
    http_error(r, 400, "筛选参数无效，请使用页面上的筛选链接");
    return 0;
  }
  page_begin(r, "建议提案");
  req_puts(r, "<h1>人大代表建议 / 政协委员提案</h1>\n");
  reg_nav(r, &sc, "proposals");
  static const RegFilter aPF[] = {
      {"", "全部"}, {"overdue", "超期未答复"}, {"published", "已公开答复全文"}};
  reg_filter_links(r, &sc, "/staff/proposals", aPF, 3, zPFilter);
  if (zErr) page_notice(r, "error", zErr);
  req_puts(r, "<table class=\"grid cards\" id=\"proposal-list\"><caption>建议提案办理</caption><thead><tr>"
              "<th scope=\"col\">年度</th><th scope=\"col\">类别</th><th scope=\"col\">编号</th>"
              "<th scope=\"col\">标题</th><th scope=\"col\">代表/委员</th><th scope=\"col\">主办</th>"
              "<th scope=\"col\">协办</th><th scope=\"col\">期限</th><th scope=\"col\">状态</th>"
              "</tr></thead><tbody>\n");
  int nShown = 0;
  for (int i = 0; i < n; i++) {
    if (!strcmp(zPFilter, "overdue") && !reg_proposal_overdue(&aP[i], zToday)) continue;
    if (!strcmp(zPFilter, "published") && !aP[i].bPublished) continue;
    nShown++;
    const char *zState = aP[i].zRepliedOn[0]
        ? (aP[i].bPublished ? "已答复，已公开全文" : "已答复")
        : reg_proposal_overdue(&aP[i], zToday) ? "超期未答复" : "办理中";
    req_printf(r, "<tr><td>%d</td><td>%h</td><td>%h</td><td><a href=\"/staff/proposals/%lld\">%h</a></td>"
                  "<td>%h</td><td>%h</td><td>%h</td><td>%h</td><td class=\"%s\">%h</td></tr>\n",
               aP[i].year, reg_proposal_label(aP[i].zKind), aP[i].zNumber,
               (long long)aP[i].id, aP[i].zTitle, aP[i].zDelegate, aP[i].zLeadDept,
               aP[i].zCoDepts, aP[i].zDueOn,
               reg_proposal_overdue(&aP[i], zToday) ? "missed" : "", zState);
  }
  if (!nShown) req_puts(r, "<tr><td colspan=\"9\">暂无记录</td></tr>\n");
  req_puts(r, "</tbody></table>\n");
  if (sc.bEdit) {
    req_puts(r, "<h2>登记建议提案</h2><form method=\"post\" class=\"form\">");
    scope_fields(r, &sc);
    proposal_fields(r, &p, req_param(r, "pyear"));
    req_puts(r, "<p><button type=\"submit\">登记</button></p></form>\n");
  }
  page_end(r);
  if (zErr) r->status = 422;
  return 0;
}

/* The POST of a proposal's page: the reply (and its publication), or with
** action=edit the correction of its registration.  Returns NULL after
** redirecting, else the Chinese message of the refusal. */
static const char *proposal_post(Req *r, const Proposal *pOld) {
  const char *zErr;
  if (!strcmp(req_param_or(r, "action", ""), "edit")) {
    Proposal p = *pOld;
    if ((zErr = proposal_form(r, &p)) != NULL) return zErr;
    if (store_proposal_update(r->store, &p) != STORE_OK) return store_errmsg(r->store);
    store_audit(r->store, r->user->id, p.orgId, "proposal.update", p.zNumber);
    page_feedback(r, FB_PROPOSAL_UPDATE, p.zTitle,
                  req_fmt(r, "%s第 %s 号%s%s", reg_proposal_label(p.zKind), p.zNumber,
                          p.zDueOn && p.zDueOn[0] ? "，办理期限为" : "",
                          p.zDueOn && p.zDueOn[0] ? fmt_date(r, p.zDueOn) : ""), NULL);
  } else {
    const char *zReply = req_param_or(r, "reply", ""), *zOn;
    int bPublish = req_param(r, "publish") != NULL;
    zErr = reg_text_check("答复内容", zReply, 20000, 1);
    if (zErr) {
      page_field_error(r, "reply", zErr);
      return zErr;
    }
    zErr = reg_date_field(r, "replied_on", "答复日期", 1, &zOn);
    if (!zErr && pOld->zReceivedOn[0] && strcmp(zOn, pOld->zReceivedOn) < 0)
      zErr = "答复日期不能早于交办日期";
    if (!zErr && strcmp(zOn, reg_today(r)) > 0) zErr = "答复日期不能晚于今天";
    if (zErr) {
      page_field_error(r, "replied_on", zErr);
      return zErr;
    }
    if (store_proposal_reply(r->store, pOld->id, zReply, zOn, bPublish) != STORE_OK)
      return store_errmsg(r->store);
    store_audit(r->store, r->user->id, pOld->orgId, "proposal.reply", pOld->zNumber);
    page_feedback(r, bPublish ? FB_PROPOSAL_REPLY_PUBLIC : FB_PROPOSAL_REPLY, pOld->zTitle,
                  req_fmt(r, "答复日期为%s", fmt_date(r, zOn)), NULL);
  }
  req_redirect(r, req_fmt(r, "/staff/proposals/%lld", (long long)pOld->id));
  return NULL;
}

/* The forms of a proposal's page for an editor: reply and publication,
** then the correction of the registration. */
static void proposal_forms(Req *r, const Proposal *p) {
  int bEdit = !strcmp(req_param_or(r, "action", ""), "edit") && r->method == HTTP_POST;
  int bReply = r->method == HTTP_POST && !bEdit;   /* a refused reply: as typed */
  Proposal typed = *p;
  if (bEdit) proposal_form(r, &typed);   /* what was typed, shown again */
  req_puts(r, "<h2>答复与公开</h2><form method=\"post\" class=\"form\">");
  page_csrf_field(r);
  r->bOtherForm = bEdit;
  reg_textarea(r, "reply", "答复内容", bReply ? req_param(r, "reply") : p->zReply, 1);
  reg_date_input(r, "replied_on", "答复日期",
                 bReply ? req_param(r, "replied_on")
                        : p->zRepliedOn[0] ? p->zRepliedOn : reg_today(r), 1);
  req_printf(r, "<p><label class=\"check\"><input type=\"checkbox\" name=\"publish\" value=\"1\"%s> "
                "公开答复全文</label></p><p><button type=\"submit\">保存</button></p></form>\n",
             (bReply ? req_param(r, "publish") != NULL : p->bPublished) ? " checked" : "");
  r->bOtherForm = r->method == HTTP_POST && !bEdit;
  req_puts(r, "<h2>更正登记信息</h2><form method=\"post\" class=\"form\">"
              "<input type=\"hidden\" name=\"action\" value=\"edit\">");
  page_csrf_field(r);
  proposal_fields(r, &typed, bEdit ? req_param(r, "pyear") : req_fmt(r, "%d", p->year));
  req_puts(r, "<p><button type=\"submit\">保存更正</button></p></form>\n");
  r->bOtherForm = 0;
}

int page_proposal_view(Req *r) {
  int64_t id = req_arg_id(r, 0);
  Proposal p;
  const char *zErr = NULL;
  r->bNoCache = 1;
  if (!id || store_proposal_get(r->store, &r->arena, id, &p) != STORE_OK) {
    http_error(r, 404, "建议提案不存在");
    return 0;
  }
  if (reg_check(r, PERM_VIEW_STAFF, p.orgId)) return 0;
  if (r->method == HTTP_POST) {
    if (reg_check(r, PERM_REGISTER_EDIT, p.orgId)) return 0;
    if ((zErr = proposal_post(r, &p)) == NULL) return 0;
  }
  page_begin(r, p.zTitle);
  req_printf(r, "<p><a href=\"/staff/proposals?org=%lld\">返回建议提案</a></p>\n<h1>%h</h1>\n",
             (long long)p.orgId, p.zTitle);
  if (zErr) page_form_error(r, zErr);
  req_printf(r, "<dl class=\"meta\"><dt>类别</dt><dd>%h</dd><dt>年度、编号</dt><dd>%d年 %h</dd>"
                "<dt>代表/委员</dt><dd>%h</dd><dt>主办部门</dt><dd>%h</dd><dt>协办部门</dt><dd>%h</dd>"
                "<dt>交办日期</dt><dd>%h</dd><dt>办理期限</dt><dd>%h</dd><dt>答复日期</dt><dd>%h</dd>"
                "<dt>答复全文公开</dt><dd>%h</dd></dl>\n",
             reg_proposal_label(p.zKind), p.year, p.zNumber, p.zDelegate, p.zLeadDept,
             p.zCoDepts, p.zReceivedOn, p.zDueOn, p.zRepliedOn,
             p.bPublished ? p.zPublishedOn : "未公开");
  if (p.zReply[0]) req_printf(r, "<h2>答复</h2><div class=\"reply\">%h</div>\n", p.zReply);
  if (req_can(r, PERM_REGISTER_EDIT, p.orgId)) proposal_forms(r, &p);
  page_end(r);
  if (zErr) r->status = 422;
  return 0;
}

/* ---- Activities ----------------------------------------------------------- */

#define ACT_FILE_MAX (10 * 1024 * 1024)

const char *reg_activity_form(Req *r, Activity *a) {
  int64_t sessions = 1, people = 0;
  const char *zErr = NULL;
  a->zKind = req_param_or(r, "kind", "");
  a->zTitle = req_param_or(r, "title", "");
  a->zDescription = req_param_or(r, "description", "");
  a->zHeldOn = req_param_or(r, "held_on", "");
  const char *zLeader = req_param_or(r, "leader", "");
  if (!reg_activity_label(a->zKind)) return "请选择活动类别";
  if (!zErr) zErr = reg_date_field(r, "held_on", "日期", 1, &a->zHeldOn);
  if (!zErr) zErr = reg_text_check("名称", a->zTitle, 200, 1);
  if (!zErr) zErr = reg_text_check("简要说明", a->zDescription, 4000, 0);
  if (!zErr && req_param_int(r, "sessions", 1, 1000, &sessions) < 0)
    zErr = "场次应为 1 到 1000 的整数";
  if (!zErr && req_param_int(r, "people", 0, 1000000, &people) < 0)
    zErr = "人次应为非负整数";
  a->leaderAttended = -1;
  if (!zErr && (!strcmp(a->zKind, "press") || !strcmp(a->zKind, "interview"))) {
    if (!strcmp(zLeader, "yes")) a->leaderAttended = 1;
    else if (!strcmp(zLeader, "no")) a->leaderAttended = 0;
    else zErr = "请选择主要负责人是否出席";
  }
  a->sessions = (int)sessions;
  a->people = (int)people;
  return zErr;
}

int page_activity_list(Req *r) {
  RegScope sc;
  const char *zErr = NULL;
  r->bNoCache = 1;
  if (reg_scope(r, PERM_VIEW_STAFF, &sc)) return 0;
  Activity a;
  memset(&a, 0, sizeof a);
  if (r->method == HTTP_POST) {
    if (reg_check(r, PERM_REGISTER_EDIT, sc.orgId)) return 0;
    const ReqParam *f = req_file(r, "file");
    a.orgId = sc.orgId;
    zErr = reg_activity_form(r, &a);
    if (!zErr && f && f->nValue > ACT_FILE_MAX) zErr = "附件不能超过 10 MB";
    if (!zErr) {
      int rc = store_begin(r->store);
      if (rc == STORE_OK) rc = store_activity_add(r->store, &a);
      if (rc == STORE_OK && f) {
        char zHash[65];
        crypto_sha256_hex(f->zValue, f->nValue, zHash);
        rc = store_activity_file_add(r->store, a.id, f->zFilename,
                                     f->zType && f->zType[0] ? f->zType : "application/octet-stream",
                                     f->zValue, f->nValue, zHash);
      }
      if (rc == STORE_OK) rc = store_commit(r->store);
      else store_rollback(r->store);
      if (rc != STORE_OK) zErr = store_errmsg(r->store);
      else {
        store_audit(r->store, r->user->id, sc.orgId, "activity.add", a.zTitle);
        page_feedback(r, FB_ACTIVITY_ADD, a.zTitle,
                      req_fmt(r, "%s，%s%s", reg_activity_label(a.zKind), fmt_date(r, a.zHeldOn),
                              f ? "，附件已上传" : ""),
                      NULL);
        done(r, "/staff/activities", &sc);
        return 0;
      }
    }
  }
  Activity *aA;
  int n;
  if (store_activity_list(r->store, &r->arena, sc.orgId, sc.bSubtree, sc.year,
                          &aA, &n) != STORE_OK) {
    http_store_error(r, store_errcode(r->store));
    return 0;
  }
  /* ?kind= (one of the activity kinds): the dashboard's figures. */
  const char *zKind = r->method == HTTP_GET ? req_param(r, "kind") : NULL;
  if (zKind && !*zKind) zKind = NULL;
  if (zKind) {
    int nKind, bKnown = 0;
    const char *const *aKind = reg_activity_kinds(&nKind);
    for (int k = 0; k < nKind; k++) bKnown |= !strcmp(aKind[k], zKind);
    if (!bKnown) {
      http_error(r, 400, "活动类别无效");
      return 0;
    }
  }
  int nSessions = 0, nPeople = 0;
  page_begin(r, "公开活动");
  req_puts(r, "<h1>新闻发布、政府开放日、培训与宣传</h1>\n");
  reg_nav(r, &sc, "activities");
  if (zErr) page_notice(r, "error", zErr);
  req_puts(r, "<table class=\"grid cards\" id=\"activity-list\"><caption>活动</caption><thead><tr>"
              "<th scope=\"col\">日期</th><th scope=\"col\">类别</th><th scope=\"col\">名称</th>"
              "<th scope=\"col\">单位</th><th scope=\"col\">主要负责人出席</th>"
              "<th scope=\"col\">场次</th><th scope=\"col\">人次</th><th scope=\"col\">附件</th>"
              "</tr></thead><tbody>\n");
  for (int i = 0; i < n; i++) {
    if (zKind && strcmp(aA[i].zKind, zKind)) continue;
    nSessions += aA[i].sessions;
    nPeople += aA[i].people;
    req_printf(r, "<tr><td>%h</td><td>%h</td><td><a href=\"/staff/activities/%lld\">%h</a>"
                  "<br><small>%h</small></td><td>%h</td>"
                  "<td>%h</td><td>%d</td><td>%d</td><td>",
               aA[i].zHeldOn, reg_activity_label(aA[i].zKind), (long long)aA[i].id, aA[i].zTitle,
               aA[i].zDescription, aA[i].zOrgName,
               aA[i].leaderAttended < 0 ? "—" : aA[i].leaderAttended ? "是" : "否",
               aA[i].sessions, aA[i].people);
    if (aA[i].nFile) {
      ActivityFile *aF;
      int nF;
      if (store_activity_files(r->store, &r->arena, aA[i].id, &aF, &nF) == STORE_OK)
        for (int k = 0; k < nF; k++)
          req_printf(r, "<a href=\"/staff/activity-files/%lld\">%h</a> ",
                     (long long)aF[k].id, aF[k].zName);
    }
    req_puts(r, "</td></tr>\n");
  }
  if (!n) req_puts(r, "<tr><td colspan=\"8\">暂无记录</td></tr>\n");
  req_printf(r, "</tbody><tfoot><tr><th scope=\"row\" colspan=\"5\">合计</th>"
                "<td id=\"act-sessions\">%d</td><td id=\"act-people\">%d</td><td></td>"
                "</tr></tfoot></table>\n", nSessions, nPeople);
  if (sc.bEdit) {
    int nKind;
    const char *const *aKind = reg_activity_kinds(&nKind);
    req_puts(r, "<h2>登记活动</h2><form method=\"post\" class=\"form\" enctype=\"multipart/form-data\">");
    scope_fields(r, &sc);
    req_puts(r, "<p class=\"field\"><label for=\"f-kind\">类别</label><select id=\"f-kind\" name=\"kind\">");
    for (int i = 0; i < nKind; i++)
      req_printf(r, "<option value=\"%h\">%h</option>", aKind[i], reg_activity_label(aKind[i]));
    req_puts(r, "</select></p>\n");
    reg_date_input(r, "held_on", "日期", req_param(r, "held_on"), 1);
    page_input(r, "title", "名称", a.zTitle, "required maxlength=\"200\"");
    reg_textarea(r, "description", "简要说明", a.zDescription, 0);
    req_puts(r, "<fieldset><legend>主要负责人是否出席（新闻发布会、在线访谈）</legend>"
                "<label class=\"check\"><input type=\"radio\" name=\"leader\" value=\"yes\"> 是</label>"
                "<label class=\"check\"><input type=\"radio\" name=\"leader\" value=\"no\"> 否</label>"
                "</fieldset>\n");
    page_input(r, "sessions", "场次（培训、会议）", req_param_or(r, "sessions", "1"),
               "inputmode=\"numeric\"");
    page_input(r, "people", "人次", req_param_or(r, "people", "0"), "inputmode=\"numeric\"");
    req_puts(r, "<p class=\"field\"><label for=\"f-file\">附件（可选，不超过 10 MB）</label>"
                "<input type=\"file\" id=\"f-file\" name=\"file\"></p>\n"
                "<p><button type=\"submit\">登记</button></p></form>\n");
  }
  page_end(r);
  if (zErr) r->status = 422;
  return 0;
}

int page_activity_file(Req *r) {
  int64_t id = req_arg_id(r, 0), actId;
  const char *zName, *zType;
  const void *p;
  size_t n;
  Activity a;
  if (!id || store_activity_file_get(r->store, &r->arena, id, &actId, &zName,
                                     &zType, &p, &n) != STORE_OK ||
      store_activity_get(r->store, &r->arena, actId, &a) != STORE_OK) {
    http_error(r, 404, "附件不存在");
    return 0;
  }
  if (reg_check(r, PERM_VIEW_STAFF, a.orgId)) return 0;
  r->bNoCache = 1;
  buf_append(&r->out, p, n);
  r->zType = "application/octet-stream";
  req_header(r, "Content-Disposition",
             req_fmt(r, "attachment; filename*=UTF-8''%u", zName));
  return 0;
}

/* ---- Public: published proposal replies --------------------------------- */

int page_public_proposals(Req *r) {
  Org o;
  if (store_org_by_slug(r->store, &r->arena, req_arg(r, 0), &o) != STORE_OK) {
    http_error(r, 404, "单位不存在");
    return 0;
  }
  page_set_org(r, &o);
  Proposal *aP;
  int n;
  if (store_proposal_list(r->store, &r->arena, o.id, 0, 0, &aP, &n) != STORE_OK) {
    http_store_error(r, store_errcode(r->store));
    return 0;
  }
  page_begin(r, "建议提案办理结果公开");
  req_printf(r, "<h1>%h · 建议提案办理结果公开</h1>\n", o.zName);
  int nShown = 0;
  for (int i = 0; i < n; i++) {
    if (!aP[i].bPublished) continue;
    req_printf(r, "<article class=\"qa\"><h2>%h</h2>"
                  "<p class=\"meta-line\">%d年%h %h · 代表/委员：%h · 主办：%h%h%h · 答复日期：%h</p>"
                  "<div class=\"reply\">%h</div></article>\n",
               aP[i].zTitle, aP[i].year, reg_proposal_label(aP[i].zKind), aP[i].zNumber,
               aP[i].zDelegate, aP[i].zLeadDept, aP[i].zCoDepts[0] ? " · 协办：" : "",
               aP[i].zCoDepts, aP[i].zRepliedOn, aP[i].zReply);
    nShown++;
  }
  if (!nShown) req_puts(r, "<p>暂无公开的建议提案答复。</p>\n");
  page_end(r);
  return 0;
}
