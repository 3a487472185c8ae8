/*
** page_messages.c — netizen messages and the leader mailbox (网民留言 /
** 领导信箱): the public form at /o/{org}/messages (rate-limited per
** address; bad input refused with nothing stored) with the published
** questions and answers, and the staff register: transfer to a department,
** reply, publication, and the reply clock in working days (the limit is
** the setting message_reply_workdays, default 5; the rate limit is
** message_rate_limit_per_hour — core/settings.c).
*/
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/response_clock.h"
#include "web/feedback.h"
#include "web/pages.h"
#include "web/registers.h"

/* The 留言类型 select with zBox chosen (marked when it was refused). */
static void box_select(Req *r, const char *zBox) {
  const char *zId = page_field_id(r, "box");
  req_printf(r, "<p class=\"field\"><label for=\"%h\">留言类型</label>", zId);
  const char *zErr_html = page_field_error_attrs(r, "box", zId);
  req_printf(r, "<select id=\"%h\" name=\"box\"%s>"
                "<option value=\"message\"%s>网民留言</option>"
                "<option value=\"mailbox\"%s>领导信箱</option></select></p>\n",
             zId, zErr_html, strcmp(zBox, "mailbox") ? " selected" : "",
             strcmp(zBox, "mailbox") ? "" : " selected");
}

/* The public form, refilled with the submitted values after an error
** (the refused field marked, page_field_error). */
static void message_form(Req *r, const Org *o) {
  const char *zBox = req_param_or(r, "box", "message");
  req_printf(r, "<h2>我要留言</h2>\n<form method=\"post\" action=\"/o/%h/messages\" class=\"form\">",
             o->zSlug);
  page_csrf_field(r);
  box_select(r, zBox);
  page_input(r, "subject", "标题（必填，不超过100字）", req_param(r, "subject"),
             "required maxlength=\"100\"");
  req_puts(r, "<p class=\"field\"><label for=\"f-body\">留言内容（必填，不超过2000字）</label>");
  const char *zErr_html = page_field_error_attrs(r, "body", "f-body");
  req_printf(r, "<textarea id=\"f-body\" name=\"body\" required maxlength=\"2000\"%s>%h</textarea></p>\n",
             zErr_html, req_param_or(r, "body", ""));
  page_input(r, "name", "姓名（选填，不公开）", req_param(r, "name"), "maxlength=\"50\"");
  page_input(r, "contact", "联系电话或电子邮箱（选填，不公开，用于答复）",
             req_param(r, "contact"), "maxlength=\"100\"");
  req_puts(r, "<p><button type=\"submit\">提交留言</button></p></form>\n");
}

int page_public_messages(Req *r) {
  Org o;
  const char *zErr = NULL;
  int status = 200;
  if (store_org_by_slug(r->store, &r->arena, req_arg(r, 0), &o) != STORE_OK) {
    http_error(r, 404, "单位不存在");
    return 0;
  }
  page_set_org(r, &o);
  if (r->method == HTTP_POST) {
    r->bNoCache = 1;
    int64_t now = (int64_t)time(NULL);
    const char *zKey = req_fmt(r, "addr:%s", r->zLimitKey);
    int nRecent = store_message_recent(r->store, zKey, now - MSG_RATE_WINDOW);
    if (nRecent < 0) {
      http_store_error(r, store_errcode(r->store));
      return 0;
    }
    int64_t nMax = store_setting_int(r->store, SET_MESSAGE_RATE_LIMIT_PER_HOUR);
    if (nRecent >= nMax) {
      req_header(r, "Retry-After", "3600");
      http_error(r, 429, req_fmt(r, "提交过于频繁：同一地址每小时最多提交%lld条留言，请稍后再试",
                                 (long long)nMax));
      return 0;
    }
    Message m;
    memset(&m, 0, sizeof m);
    m.orgId = o.id;
    m.zBox = req_param_or(r, "box", "");
    m.zName = req_param_or(r, "name", "");
    m.zContact = req_param_or(r, "contact", "");
    m.zSubject = req_param_or(r, "subject", "");
    m.zBody = req_param_or(r, "body", "");
    m.zReceivedOn = reg_today(r);
    const char *zField;
    zErr = reg_message_check(m.zBox, m.zName, m.zContact, m.zSubject, m.zBody, &zField);
    if (zErr) page_field_error(r, zField, zErr);
    int rc = zErr ? STORE_OK
                  : store_message_add_limited(r->store, &m, zKey, now,
                                              now - MSG_RATE_WINDOW, (int)nMax);
    if (rc == STORE_CONFLICT) {   /* a parallel submission took the last slot */
      req_header(r, "Retry-After", "3600");
      http_error(r, 429, req_fmt(r, "提交过于频繁：同一地址每小时最多提交%lld条留言，请稍后再试",
                                 (long long)nMax));
      return 0;
    }
    if (rc != STORE_OK) zErr = store_errmsg(r->store);
    if (!zErr) {
      store_audit(r->store, 0, o.id, "message.receive", req_fmt(r, "%lld", (long long)m.id));
      req_redirect(r, req_fmt(r, "/o/%u/messages?sent=1", o.zSlug));
      return 0;
    }
    status = 422;
  }
  Message *aM;
  int n;
  if (store_message_list(r->store, &r->arena, o.id, 0, 1, &aM, &n) != STORE_OK) {
    http_store_error(r, store_errcode(r->store));
    return 0;
  }
  page_begin(r, "网民留言与领导信箱");
  req_printf(r, "<h1>%h · 网民留言与领导信箱</h1>\n", o.zName);
  if (zErr) page_form_error(r, zErr);
  if (req_param(r, "sent"))
    page_notice(r, "ok", "留言已收到。我们将在规定时限内答复，答复后可能在本页公开问题与答复（不公开姓名和联系方式）。");
  message_form(r, &o);
  req_puts(r, "<h2>留言答复公开</h2>\n");
  if (!n) req_puts(r, "<p>暂无公开的留言答复。</p>\n");
  for (int i = 0; i < n; i++) {
    req_printf(r, "<article class=\"qa\"><h3>%h</h3>"
                  "<p class=\"meta-line\">%h · 收到日期：%h · 答复日期：%h · 答复部门：%h</p>"
                  "<div class=\"question\"><strong>留言：</strong>%h</div>"
                  "<div class=\"answer\"><strong>答复：</strong>%h</div></article>\n",
               aM[i].zSubject, reg_box_label(aM[i].zBox), aM[i].zReceivedOn,
               aM[i].zRepliedOn,
               aM[i].zReplyDeptName[0] ? aM[i].zReplyDeptName : aM[i].zOrgName,
               aM[i].zBody, aM[i].zReply);
  }
  page_end(r);
  r->status = status;
  return 0;
}

/* A short state text and CSS class of a message as of today. */
static const char *message_state(Req *r, const RcMessage *c, const Message *m,
                                 const char **pzClass) {
  if (c->bReplied) {
    *pzClass = c->bOverdue ? "missed" : "met";
    return c->bOverdue ? "已答复（超期）" : "已按时答复";
  }
  if (c->bOverdue) {
    *pzClass = "missed";
    return req_fmt(r, "超期 %d 个工作日", -c->nLeft);
  }
  *pzClass = "due";
  return c->nLeft == 0 ? "今日到期" : req_fmt(r, "剩余 %d 个工作日", c->nLeft);
}

int page_message_list(Req *r) {
  RegScope sc;
  Calendar cal;
  r->bNoCache = 1;
  if (reg_scope(r, PERM_VIEW_STAFF, &sc)) return 0;
  const char *zFilter = req_param_or(r, "filter", "all");
  if (!zFilter[0]) zFilter = "all";
  if (strcmp(zFilter, "all") && strcmp(zFilter, "open") && strcmp(zFilter, "overdue") &&
      strcmp(zFilter, "published")) {
    http_error(r, 400, "筛选参数无效，请使用页面上的筛选链接");
    return 0;
  }
  /* ?year= (with ?month=) limits to messages received then; the dashboard
  ** links its figures here with the same filters it counted with. */
  int64_t month = 0;
  if (req_param_int(r, "month", 1, 12, &month) < 0 || (month && !sc.year)) {
    http_error(r, 400, "月份参数无效（按月筛选须同时指定年度）");
    return 0;
  }
  char zPrefix[8] = "";
  if (sc.year)
    snprintf(zPrefix, sizeof zPrefix, month ? "%04d-%02d" : "%04d", sc.year, (int)month);
  Message *aM;
  int n;
  if (store_message_list(r->store, &r->arena, sc.orgId, sc.bSubtree, 0, &aM, &n) != STORE_OK) {
    http_store_error(r, store_errcode(r->store));
    return 0;
  }
  if (reg_calendar(r, &cal)) return 0;
  int nDays = store_reg_reply_days(r->store, &r->arena);
  Date dToday = reg_today_date();
  page_begin(r, "网民留言");
  req_puts(r, "<h1>网民留言 / 领导信箱</h1>\n");
  reg_nav(r, &sc, "messages");
  req_printf(r, "<p>答复时限：收到后 %d 个工作日（系统设置）。"
                "<a href=\"/staff/messages%h&amp;filter=all\">全部</a> · "
                "<a href=\"/staff/messages%h&amp;filter=open\">未答复</a> · "
                "<a href=\"/staff/messages%h&amp;filter=overdue\">超期</a></p>\n",
             nDays, reg_qs(r, &sc), reg_qs(r, &sc), reg_qs(r, &sc));
  req_puts(r, "<table class=\"grid cards\" id=\"message-list\"><caption>留言</caption><thead><tr>"
              "<th scope=\"col\">收到日期</th><th scope=\"col\">类型</th><th scope=\"col\">标题</th>"
              "<th scope=\"col\">单位</th><th scope=\"col\">转办部门</th><th scope=\"col\">答复期限</th>"
              "<th scope=\"col\">状态</th><th scope=\"col\">公开</th></tr></thead><tbody>\n");
  int nShown = 0;
  for (int i = 0; i < n; i++) {
    RcMessage c;
    const char *zClass;
    char zDue[DATE_STRLEN];
    reg_message_clock(&cal, nDays, &aM[i], dToday, &c);
    if (!strcmp(zFilter, "open") && c.bReplied) continue;
    if (!strcmp(zFilter, "overdue") && (c.bReplied || !c.bOverdue)) continue;
    if (!strcmp(zFilter, "published") && !aM[i].bPublished) continue;
    if (zPrefix[0] && strncmp(aM[i].zReceivedOn, zPrefix, strlen(zPrefix))) continue;
    const char *zState = message_state(r, &c, &aM[i], &zClass);
    req_printf(r, "<tr><td>%h</td><td>%h</td><td><a href=\"/staff/messages/%lld\">%h</a></td>"
                  "<td>%h</td><td>%h</td><td>%h</td><td class=\"%h\">%h</td><td>%h</td></tr>\n",
               aM[i].zReceivedOn, reg_box_label(aM[i].zBox), (long long)aM[i].id,
               aM[i].zSubject, aM[i].zOrgName, aM[i].zDeptName,
               date_format(c.dDue, zDue), zClass, zState,
               aM[i].bPublished ? "已公开" : "");
    nShown++;
  }
  if (!nShown) req_puts(r, "<tr><td colspan=\"8\">暂无记录</td></tr>\n");
  req_puts(r, "</tbody></table>\n");
  if (r->user->orgId == sc.orgId && req_is_system_admin(r)) {
    req_puts(r, "<h2>设置</h2><form method=\"post\" action=\"/staff/messages/settings\" class=\"form narrow\">");
    page_csrf_field(r);
    page_input(r, "reply_days", "留言答复时限（工作日，1–60）", req_fmt(r, "%d", nDays),
               "required inputmode=\"numeric\"");
    req_puts(r, "<p><button type=\"submit\">保存</button></p></form>\n");
  }
  page_end(r);
  cal_free(&cal);
  return 0;
}

int page_message_settings(Req *r) {
  int64_t v;
  Org o;
  /* Who may: the route table (ROUTE_SYSTEM, req_is_system_admin). */
  if (store_org_get(r->store, &r->arena, r->user->orgId, &o) != STORE_OK) {
    http_store_error(r, store_errcode(r->store));
    return 0;
  }
  if (req_param_int(r, "reply_days", 1, 60, &v) != 1) {
    http_error(r, 422, "留言答复时限应为 1 到 60 之间的整数（工作日）");
    return 0;
  }
  int rc = store_setting_set(r->store, aSettingDef[SET_MESSAGE_REPLY_WORKDAYS].zName, req_fmt(r, "%lld", (long long)v));
  if (rc != STORE_OK) {
    http_store_error(r, rc);
    return 0;
  }
  store_audit(r->store, r->user->id, o.id, "config.set", "message_reply_workdays");
  page_feedback(r, FB_MESSAGE_DAYS, NULL,
                req_fmt(r, "现为收到后 %lld 个工作日", (long long)v), NULL);
  req_redirect(r, req_fmt(r, "/staff/messages?org=%lld", (long long)o.id));
  return 0;
}

/* The department dept of organisation org, or 0 when it is not one of
** its departments (or dept is 0). */
static int dept_ok(Req *r, int64_t org, int64_t dept) {
  Dept *aDept;
  int n;
  if (store_dept_list(r->store, &r->arena, org, &aDept, &n) != STORE_OK) return 0;
  for (int i = 0; i < n; i++)
    if (aDept[i].id == dept) return 1;
  return 0;
}

static void dept_select(Req *r, const char *zName, const char *zLabel,
                        int64_t org, int64_t selected) {
  Dept *aDept;
  int n;
  if (store_dept_list(r->store, &r->arena, org, &aDept, &n) != STORE_OK) n = 0;
  const char *zId = page_field_id(r, zName);
  req_printf(r, "<p class=\"field\"><label for=\"%h\">%h</label><select id=\"%h\" name=\"%h\">"
                "<option value=\"0\">（本单位）</option>",
             zId, zLabel, zId, zName);
  for (int i = 0; i < n; i++)
    req_printf(r, "<option value=\"%lld\"%s>%h</option>", (long long)aDept[i].id,
               aDept[i].id == selected ? " selected" : "", aDept[i].zName);
  req_puts(r, "</select></p>\n");
}

/* The feedback after action zAction on message id (as it is now). */
static void message_feedback(Req *r, const char *zAction, int64_t id) {
  Message m;
  if (store_message_get(r->store, &r->arena, id, &m) != STORE_OK) return;
  if (!strcmp(zAction, "transfer")) {
    Calendar cal;
    RcMessage c;
    char zDue[DATE_STRLEN];
    cal_init(&cal);
    int bCal = store_reg_calendar(r->store, &r->arena, &cal) == STORE_OK;
    if (bCal)
      reg_message_clock(&cal, store_reg_reply_days(r->store, &r->arena), &m,
                        reg_today_date(), &c);
    cal_free(&cal);
    page_feedback(r, FB_MESSAGE_TRANSFER, m.zSubject,
                  req_fmt(r, "承办科室：%s%s%s", m.zDeptName, bCal ? "，答复期限为" : "",
                          bCal ? fmt_date(r, date_format(c.dDue, zDue)) : ""),
                  req_fmt(r, "下一步：%s拟写答复后，在本页登记答复。", m.zDeptName));
  } else if (!strcmp(zAction, "edit")) {
    page_feedback(r, FB_MESSAGE_UPDATE, m.zSubject,
                  req_fmt(r, "收到日期为%s", fmt_date(r, m.zReceivedOn)), NULL);
  } else if (!strcmp(zAction, "reply")) {
    page_feedback(r, FB_MESSAGE_REPLY, m.zSubject,
                  req_fmt(r, "答复日期为%s", fmt_date(r, m.zRepliedOn)),
                  m.bPublished ? "已公开的答复随之更新。" : NULL);
  } else {
    page_feedback(r, strcmp(zAction, "publish") ? FB_MESSAGE_UNPUBLISH : FB_MESSAGE_PUBLISH,
                  m.zSubject, NULL, NULL);
  }
}

/* The correction of message *m (action=edit): box, writer, contact,
** subject, text and 收到日期 (not after today, the transfer or the reply).
** NULL when stored, else the refusal (its field marked). */
static const char *message_edit(Req *r, const Message *m) {
  Message n = *m;
  const char *zField = NULL, *zOn = NULL, *zErr;
  n.zBox = req_param_or(r, "box", "");
  n.zName = req_param_or(r, "name", "");
  n.zContact = req_param_or(r, "contact", "");
  n.zSubject = req_param_or(r, "subject", "");
  n.zBody = req_param_or(r, "body", "");
  zErr = reg_message_check(n.zBox, n.zName, n.zContact, n.zSubject, n.zBody, &zField);
  if (!zErr && (zErr = reg_date_field(r, "received_on", "收到日期", 1, &zOn)) == NULL) {
    if (strcmp(zOn, reg_today(r)) > 0) zErr = "收到日期不能晚于今天";
    else if (m->zTransferredOn[0] && strcmp(zOn, m->zTransferredOn) > 0)
      zErr = "收到日期不能晚于转办日期";
    else if (m->zRepliedOn[0] && strcmp(zOn, m->zRepliedOn) > 0)
      zErr = "收到日期不能晚于答复日期";
  }
  if (zErr) {
    page_field_error(r, zField ? zField : "received_on", zErr);
    return zErr;
  }
  n.zReceivedOn = zOn;
  return store_message_update(r->store, &n) == STORE_OK ? NULL : store_errmsg(r->store);
}

/* The reply to message *m with department dept: text and date (not
** before the message, not after today); NULL when stored, else the
** refusal (its field marked). */
static const char *message_reply(Req *r, const Message *m, int64_t dept) {
  const char *zReply = req_param_or(r, "reply", ""), *zOn = NULL;
  const char *zErr = reg_text_check("答复内容", zReply, 5000, 1);
  if (zErr) {
    page_field_error(r, "reply", zErr);
    return zErr;
  }
  zErr = reg_date_field(r, "replied_on", "答复日期", 1, &zOn);
  if (!zErr && strcmp(zOn, m->zReceivedOn) < 0) zErr = "答复日期不能早于收到日期";
  if (!zErr && strcmp(zOn, reg_today(r)) > 0) zErr = "答复日期不能晚于今天";
  if (zErr) {
    page_field_error(r, "replied_on", zErr);
    return zErr;
  }
  return store_message_reply(r->store, m->id, zReply, zOn, dept) == STORE_OK
             ? NULL : store_errmsg(r->store);
}

/* The POST of a message's page: transfer, reply, publish or unpublish,
** or the correction (edit).  NULL after redirecting, else the refusal. */
static const char *message_post(Req *r, const Message *m) {
  const char *zAction = req_param_or(r, "action", "");
  const char *zErr = NULL;
  int64_t dept = 0;
  if (req_param_int(r, "dept_id", 0, INT64_MAX, &dept) < 0 ||
      (dept && !dept_ok(r, m->orgId, dept)))
    return "所选科室不属于该单位";
  if (!strcmp(zAction, "transfer")) {
    if (!dept) return "请选择转办科室";
    if (store_message_transfer(r->store, m->id, dept, reg_today(r)) != STORE_OK)
      zErr = store_errmsg(r->store);
  } else if (!strcmp(zAction, "reply")) {
    zErr = message_reply(r, m, dept);
  } else if (!strcmp(zAction, "edit")) {
    zErr = message_edit(r, m);
  } else if (!strcmp(zAction, "publish") || !strcmp(zAction, "unpublish")) {
    if (store_message_publish(r->store, m->id, !strcmp(zAction, "publish"),
                              reg_today(r)) != STORE_OK)
      zErr = store_errmsg(r->store);
  } else {
    return "未知操作";
  }
  if (zErr) return zErr;
  store_audit(r->store, r->user->id, m->orgId,
              req_fmt(r, "message.%s", strcmp(zAction, "edit") ? zAction : "update"),
              req_fmt(r, "%lld", (long long)m->id));
  message_feedback(r, zAction, m->id);
  req_redirect(r, req_fmt(r, "/staff/messages/%lld", (long long)m->id));
  return NULL;
}

/* The editor's forms of message *m: transfer, reply, publication and the
** correction; after a refused POST the form sent shows what was typed. */
static void message_forms(Req *r, const Message *m) {
  const char *zSent = r->method == HTTP_POST ? req_param_or(r, "action", "") : "";
  req_puts(r, "<h2>转办</h2><form method=\"post\" class=\"form\">");
  page_csrf_field(r);
  r->bOtherForm = r->method == HTTP_POST && strcmp(zSent, "transfer");
  dept_select(r, "dept_id", "转办科室", m->orgId, m->deptId);
  req_puts(r, "<p><button type=\"submit\" name=\"action\" value=\"transfer\">转办</button></p></form>\n"
              "<h2>答复</h2><form method=\"post\" class=\"form\">");
  page_csrf_field(r);
  int bReply = !strcmp(zSent, "reply");
  r->bOtherForm = r->method == HTTP_POST && !bReply;
  reg_textarea(r, "reply", "答复内容", bReply ? req_param(r, "reply") : m->zReply, 1);
  reg_date_input(r, "replied_on", "答复日期",
                 bReply ? req_param(r, "replied_on")
                        : m->zRepliedOn[0] ? m->zRepliedOn : reg_today(r), 1);
  dept_select(r, "dept_id", "答复部门", m->orgId, m->replyDeptId ? m->replyDeptId : m->deptId);
  req_puts(r, "<p><button type=\"submit\" name=\"action\" value=\"reply\">保存答复</button></p></form>\n");
  if (m->zRepliedOn[0]) {
    req_puts(r, "<form method=\"post\" class=\"form inline-form\">");
    page_csrf_field(r);
    if (m->bPublished)
      req_puts(r, "<p><button type=\"submit\" name=\"action\" value=\"unpublish\">取消公开</button></p></form>\n");
    else
      req_puts(r, "<p><button type=\"submit\" name=\"action\" value=\"publish\">公开问题与答复</button></p></form>\n");
  }
  int bEdit = !strcmp(zSent, "edit");
  r->bOtherForm = r->method == HTTP_POST && !bEdit;
  req_puts(r, "<h2>更正留言信息</h2><p>来信来电登记有误，或公开前需删去留言中的个人信息时更正；"
              "转办、答复和公开情况不变。</p><form method=\"post\" class=\"form\">"
              "<input type=\"hidden\" name=\"action\" value=\"edit\">");
  page_csrf_field(r);
  box_select(r, bEdit ? req_param_or(r, "box", "") : m->zBox);
  page_input(r, "subject", "标题", m->zSubject, "required maxlength=\"100\"");
  reg_textarea(r, "body", "留言内容", bEdit ? req_param(r, "body") : m->zBody, 1);
  page_input(r, "name", "留言人", m->zName, "maxlength=\"50\"");
  page_input(r, "contact", "联系方式", m->zContact, "maxlength=\"100\"");
  reg_date_input(r, "received_on", "收到日期",
                 bEdit ? req_param(r, "received_on") : m->zReceivedOn, 1);
  req_puts(r, "<p><button type=\"submit\">保存更正</button></p></form>\n");
  r->bOtherForm = 0;
}

int page_message_view(Req *r) {
  int64_t id = req_arg_id(r, 0);
  Message m;
  const char *zErr = NULL;
  r->bNoCache = 1;
  if (!id || store_message_get(r->store, &r->arena, id, &m) != STORE_OK) {
    http_error(r, 404, "留言不存在");
    return 0;
  }
  if (reg_check(r, PERM_VIEW_STAFF, m.orgId)) return 0;
  if (r->method == HTTP_POST) {
    if (reg_check(r, PERM_REGISTER_EDIT, m.orgId)) return 0;
    if ((zErr = message_post(r, &m)) == NULL) return 0;
  }
  Calendar cal;
  if (reg_calendar(r, &cal)) return 0;
  RcMessage c;
  const char *zClass;
  char zDue[DATE_STRLEN];
  reg_message_clock(&cal, store_reg_reply_days(r->store, &r->arena), &m,
                    reg_today_date(), &c);
  cal_free(&cal);
  const char *zState = message_state(r, &c, &m, &zClass);
  page_begin(r, m.zSubject);
  req_printf(r, "<p><a href=\"/staff/messages?org=%lld\">返回留言登记</a></p>\n<h1>%h</h1>\n",
             (long long)m.orgId, m.zSubject);
  if (zErr) page_form_error(r, zErr);
  req_printf(r, "<dl class=\"meta\"><dt>类型</dt><dd>%h</dd><dt>单位</dt><dd>%h</dd>"
                "<dt>收到日期</dt><dd>%h</dd><dt>答复期限</dt><dd>%h</dd>"
                "<dt>状态</dt><dd class=\"%h\">%h</dd>"
                "<dt>留言人</dt><dd>%h</dd><dt>联系方式</dt><dd>%h</dd>"
                "<dt>转办</dt><dd>%h %h</dd><dt>答复</dt><dd>%h %h</dd>"
                "<dt>公开</dt><dd>%h</dd></dl>\n"
                "<h2>留言内容</h2><div class=\"question\">%h</div>\n",
             reg_box_label(m.zBox), m.zOrgName, m.zReceivedOn, date_format(c.dDue, zDue),
             zClass, zState, m.zName, m.zContact, m.zDeptName, m.zTransferredOn,
             m.zReplyDeptName, m.zRepliedOn, m.bPublished ? m.zPublishedOn : "未公开",
             m.zBody);
  if (m.zReply[0]) req_printf(r, "<h2>答复</h2><div class=\"answer\">%h</div>\n", m.zReply);
  if (req_can(r, PERM_REGISTER_EDIT, m.orgId)) message_forms(r, &m);
  page_end(r);
  if (zErr) r->status = 422;
  return 0;
}
