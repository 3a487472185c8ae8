/*
** page_app_actions.c — the staff actions on an application, one route each
** (src/http/routes.c, with the action's own permission): each handler
** hands its form to app_action_run() (src/app/app_action.h), the same
** function the write API and the CLI call, then redirects to the case page
** (303) or answers 4xx with the Chinese message and stores nothing.  Also
** the answer-template editor.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app_action.h"
#include "core/fees.h"
#include "core/notice.h"
#include "lib/crypto.h"
#include "web/applications.h"
#include "web/feedback.h"
#include "web/pages.h"

/* ---- the actions -------------------------------------------------------- */

static int web_can(void *p, Perm perm, int64_t orgId) {
  return req_can((Req *)p, perm, orgId);
}

static const char *web_param(void *p, const char *zName) {
  return req_param((Req *)p, zName);
}

void app_web_act(Req *r, AppAct *x, AppActor *who, AppParams *par) {
  memset(x, 0, sizeof *x);
  memset(who, 0, sizeof *who);
  who->userId = r->user ? r->user->id : 0;
  who->zName = r->user ? r->user->zName : "";
  who->xCan = web_can;
  who->pCtx = r;
  par->xGet = web_param;
  par->pCtx = r;
  x->store = r->store;
  x->arena = &r->arena;
  x->who = who;
  x->in = par;
  x->dToday = app_today();
  x->zSecretKey = r->cfg->zSecretKey;
  x->orgDefault = r->user ? r->user->orgId : 0;
}

/* The steps that end a case ask first on the web (page_confirmed; the
** API and CLI caller has decided): the answer, issued with its date, and
** the applicant's withdrawal.  1 to go on; 0 when the question page is
** written.  Only someone who sees the case and may take the step is asked
** (anyone else goes on to the runner's 403 or 404). */
static int confirm_end(Req *r, const char *zName) {
  int bApprove = !strcmp(zName, "approve");
  if (!bApprove && strcmp(zName, "withdraw")) return 1;
  App a;
  if (store_app_get(r->store, &r->arena, req_arg_id(r, 0), &a) != STORE_OK ||
      !req_can(r, PERM_VIEW_STAFF, a.orgId) ||
      !req_can(r, bApprove ? PERM_APP_APPROVE : PERM_APP_HANDLE, a.orgId))
    return 1;
  const char *zCase = req_fmt(r, "申请 %s（%s）", a.zRegNo, a.zApplicantName);
  const char *zDay = req_param_or(r, bApprove ? "answer_day" : "on_day", "");
  if (bApprove)
    return page_confirmed(r, req_fmt(r, "批准并答复%s？答复告知书将以%s为答复日期签发，"
                                        "申请随即办结，此后不能再修改答复。",
                                     zCase, zDay[0] ? fmt_date(r, zDay) : "所填日期"),
                          "确认批准并答复");
  return page_confirmed(r, req_fmt(r, "记录%s已由申请人撤回？该申请将终止办理，不能恢复。", zCase),
                        "确认记录撤回");
}

/* Runs action zName on the route's application, then back to the case. */
static int web_action(Req *r, const char *zName) {
  AppAct x;
  AppActor who;
  AppParams par;
  if (!confirm_end(r, zName)) return 0;
  app_web_act(r, &x, &who, &par);
  if (app_action_run(&x, zName, req_arg_id(r, 0))) {
    /* A case that cannot be shown (unknown, another unit's) gets the
    ** plain error; otherwise the case page says why, input kept. */
    if (x.status == 404 || x.status == 403 || !x.a.id) http_error(r, x.status, x.zErr);
    else app_case_refuse(r, x.status, x.zErr);
    return 0;
  }
  req_flash(r, app_done_message(zName));
  req_redirect(r, req_fmt(r, "/staff/applications/%lld", (long long)x.a.id));
  return 0;
}

#define ACTION_PAGE(name) \
  int page_app_do_##name(Req *r) { return web_action(r, #name); }
ACTION_PAGE(assign)
ACTION_PAGE(event)
ACTION_PAGE(extend)
ACTION_PAGE(fee)
ACTION_PAGE(draft)
ACTION_PAGE(dept_review)
ACTION_PAGE(return)
ACTION_PAGE(approve)
ACTION_PAGE(withdraw)
ACTION_PAGE(correction_request)
ACTION_PAGE(assistance)
ACTION_PAGE(review)
ACTION_PAGE(review_decide)
ACTION_PAGE(recalc)

/* ---- templates ----------------------------------------------------------- */

/* The title of the notice or answer whose template key is zKey. */
static const char *template_title(Req *r, const NoticeKind *pK, const char *zKey) {
  if (pK) return pK->zTitle;
  for (int i = 0; app_answer_at(i); i++)
    if (!strcmp(app_answer_at(i)->zId, zKey))
      return req_fmt(r, "答复告知书：%s", app_answer_at(i)->zLabel);
  return "答复告知书";
}

/* Art. 36(一) and (二) are both counted as 予以公开 but answered by
** different letters (each its own template, 0106): an office that edited
** its 予以公开 letter is told that the already-disclosed answer keeps the
** default written from Art. 36(一) (nothing is sent; the letter says where
** the information is) until it edits that one too. */
static void template_scope_note(Req *r, int64_t orgId, const char *zKey) {
  if (!strcmp(zKey, "results.granted"))
    req_puts(r, "<p class=\"hint\">本模板用于依照第三十六条第（二）项予以公开并提供"
                "信息的答复；已经主动公开、告知获取方式和途径的答复（第三十六条第"
                "（一）项）另有模板。</p>\n");
  if (strcmp(zKey, APP_ANSWER_ALREADY_PUBLIC) ||
      store_app_template(r->store, &r->arena, orgId, zKey) ||
      !store_app_template(r->store, &r->arena, orgId, "results.granted"))
    return;
  req_puts(r, "<p class=\"notice warn\">本单位修改过“予以公开”的答复模板；该修改不适用于"
              "已主动公开的答复，此类答复目前使用下面的默认模板（依照第三十六条"
              "第（一）项写明获取方式、途径，不随文提供信息）。如需相同的格式，"
              "请在此修改后保存。</p>\n");
}

int page_app_templates(Req *r) {
  const char *zOutcome = req_param_or(r, "outcome", "results.granted");
  int64_t orgId = r->user->orgId;
  r->bNoCache = 1;
  const char *zRow, *zBasis;
  const NoticeKind *pK = notice_kind_of_key(zOutcome);
  if (!pK && !app_answer(zOutcome, &zRow, &zBasis)) {
    http_error(r, 422, "文书类型无效");
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
      http_store_error(r, store_errcode(r->store));
      return 0;
    }
    store_commit(r->store);
    store_audit(r->store, r->user->id, orgId, "answer_template.set", zOutcome);
    page_feedback(r, FB_TEMPLATE_SET, template_title(r, pK, zOutcome),
                  zBody[0] ? NULL : "已恢复为默认模板", NULL);
    req_redirect(r, req_fmt(r, "/staff/answer-templates?outcome=%u", zOutcome));
    return 0;
  }
  const char *zBody = store_app_template(r->store, &r->arena, orgId, zOutcome);
  page_begin(r, "答复模板");
  req_puts(r, "<h1>告知书模板</h1>\n");
  req_puts(
      r,
      "<form method=\"get\" class=\"form\"><p class=\"field\"><label for=\"f-o\">"
      "文书</label><select id=\"f-o\" name=\"outcome\">");
  for (int i = 0; aNoticeKind[i].zId; i++) {
    const char *zKey = notice_template_key(&aNoticeKind[i]);
    if (!aNoticeKind[i].zDefault) continue; /* answers: one per answer */
    req_printf(r, "<option value=\"%h\"%s>%h</option>", zKey,
               !strcmp(zOutcome, zKey) ? " selected" : "",
               aNoticeKind[i].zTitle);
  }
  for (int i = 0; app_answer_at(i); i++)
    req_printf(r, "<option value=\"%h\"%s>答复告知书：%h</option>",
               app_answer_at(i)->zId,
               !strcmp(zOutcome, app_answer_at(i)->zId) ? " selected" : "",
               app_answer_at(i)->zLabel);
  req_puts(
      r, "</select></p><p><button type=\"submit\">选择</button></p></form>\n");
  template_scope_note(r, orgId, zOutcome);
  req_puts(
      r,
      "<p>可用的占位符：{applicant} 申请人，{reg_no} 登记号，{received_on} 收到日期，"
      "{info} 所需信息，{decision} 答复结论，{reasons} 理由及说明，{ground} 法律依据，"
      "{obtain} 获取方式和时间，{remedy} 救济途径，{org} 单位，{date} 日期，"
      "{doc_no} 文号，{contact} 联系人，{phone} 联系电话，{event_text} 办理事项的说明"
      "（补正内容、延期理由、第三方、收费），{limit} 补正或缴费期限，{days} 延长的"
      "工作日数，{due} 答复期限。"
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
      zBody ? zBody : pK ? pK->zDefault : app_default_template(zOutcome));
  page_end(r);
  return 0;
}

