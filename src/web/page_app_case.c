/*
** page_app_case.c — the staff case page of one application: the applicant
** (identity number shown only to handlers), the information sought, the
** clock with its explained steps, the events, the letters, the forms of
** the actions this user may take now (each posts to its own route, see
** page_app_actions.c), reconsideration and litigation, the history, and
** the applicant's attachments.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app_action.h"
#include "core/fees.h"
#include "core/regime.h"
#include "lib/crypto.h"
#include "web/applications.h"
#include "web/pages.h"

/* The receipt date (today when malformed): which Regulation's articles
** the grounds cite (core/application.h app_ground). */
static Date case_received(const App *a) {
  Date d;
  return date_parse(a->zReceivedOn, &d) ? app_today() : d;
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

/* ---- the case page ------------------------------------------------------- */

/* Loads the route's application into *a and checks that the user may see
** it (PERM_VIEW_STAFF over its organisation); writes the error page and
** returns 0 otherwise. */
static int load_visible(Req *r, App *a) {
  if (app_get_current(r, req_arg_id(r, 0), a) != STORE_OK) {
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

/* Whether the refused POST being answered was sent by the form of action
** zAct (the 退回 button posts the review or approval form to return). */
static int posted_here(Req *r, const char *zAct) {
  const char *zSent = strrchr(r->zPath ? r->zPath : "", '/');
  zSent = zSent ? zSent + 1 : "";
  return !strcmp(zSent, zAct) ||
         (!strcmp(zSent, "return") &&
          (!strcmp(zAct, "dept_review") || !strcmp(zAct, "approve")));
}

/* A select of code values. */
static void code_select(Req *r, const char *zName, const char *zLabel,
                        const AppCode *a, const char *zSel) {
  const char *zId = page_field_id(r, zName);
  req_printf(r,
             "<p class=\"field\"><label for=\"%h\">%h</label>"
             "<select id=\"%h\" name=\"%h\">",
             zId, zLabel, zId, zName);
  for (int i = 0; a[i].zId; i++)
    req_printf(r, "<option value=\"%h\"%s>%h</option>", a[i].zId,
               !strcmp(page_typed(r, zName, zSel ? zSel : ""), a[i].zId) ? " selected" : "",
               a[i].zLabel);
  req_puts(r, "</select></p>\n");
}

/* Opens an action form. */
static void action_form(Req *r, const App *a, const char *zAct,
                        const char *zLegend) {
  req_printf(r,
             "<form method=\"post\" class=\"form\" action=\"/staff/"
             "applications/%lld/%h\"><fieldset><legend>%h</legend>\n",
             (long long)a->id, zAct, zLegend);
  r->bOtherForm = r->method == HTTP_POST && !posted_here(r, zAct);
  page_csrf_field(r);
}

static void action_end(Req *r, const char *zButton) {
  req_printf(r,
             "<p><button type=\"submit\">%h</button></p></fieldset></form>\n",
             zButton);
}

/* What a clerk needs beside the answer deadline's date: the working days
** left or overdue while the clock runs; while waiting for a correction or
** a payment, that deadline's date (the answer clock restarts on the
** corrected application, resumes on payment); NULL when nothing to add. */
static const char *due_note(Req *r, const DlResult *res) {
  char zLimit[DATE_STRLEN];
  switch (res->eStatus) {
    case DL_ST_AWAIT_CORRECTION:
      if (res->dCorrLimit == DATE_NONE) return NULL;
      return req_fmt(r, "收到补正后重新计算（补正期限 %s）",
                     date_format(res->dCorrLimit, zLimit));
    case DL_ST_AWAIT_FEE:
      if (res->dFeeLimit == DATE_NONE) return NULL;
      return req_fmt(r, "缴费后继续计算，尚余 %d 个工作日（缴费期限 %s）",
                     res->nLeft, date_format(res->dFeeLimit, zLimit));
    case DL_ST_PAUSED:
      return req_fmt(r, "征求意见期间暂停，尚余 %d 个工作日", res->nLeft);
    case DL_ST_OPEN:
    case DL_ST_DUE_SOON:
      if (res->dDue == DATE_NONE) return NULL;
      return req_fmt(r, "%s%s", app_due_words(r, res->nLeft, 0),
                     res->nLeft > 0 && res->bUncovered
                         ? "，待节假日安排载入后可能调整" : "");
    case DL_ST_OVERDUE:
      return app_due_words(r, res->nLeft, 1);
    default: return NULL;
  }
}

/* The answer deadline's date, or "-" while there is none. */
static const char *due_date(Req *r, const DlResult *res) {
  char zDue[DATE_STRLEN];
  if (res->dDue == DATE_NONE) return "-";
  return req_fmt(r, "%s", date_format(res->dDue, zDue));
}

/* The case's summary: organisation, state, clock, receipt, assignment and,
** once drafted, the answer with its legal ground. */
static void view_summary(Req *r, const App *a, const DlResult *res) {
  req_printf(
      r,
      "<dl class=\"meta\"><dt>受理单位</dt><dd>%h</dd>"
      "<dt>状态</dt><dd id=\"state\">%h</dd>"
      "<dt>期限状态</dt><dd id=\"clock-status\">%h</dd>"
      "<dt>答复期限</dt><dd id=\"due\">%h</dd>"
      "<dt>申请渠道</dt><dd>%h</dd>"
      "<dt>收到申请日期</dt><dd>%h</dd><dt>收到日期依据</dt><dd>%h</dd>"
      "<dt>承办科室</dt><dd>%h</dd><dt>承办人</dt><dd>%h</dd>",
      a->zOrgName, app_label(aAppState, a->zState),
      res->zErr ? res->zErr : deadline_status_label(res->eStatus),
      due_date(r, res),
      app_channel(a->zChannel) ? app_channel(a->zChannel)->zLabel
                               : a->zChannel,
      a->zReceivedOn, a->zReceiptNote,
      a->zDeptName[0] ? a->zDeptName : "未分办",
      a->zHandlerName[0] ? a->zHandlerName : "-");
  if (due_note(r, res))
    req_printf(r, "<dt>剩余期限</dt><dd id=\"due-note\">%h</dd>",
               due_note(r, res));
  if (a->zOutcome[0]) {
    const AppOutcome *o = app_answer_of(a->zOutcome, a->zAnswerBasis);
    req_printf(
        r,
        "<dt>办理结果</dt><dd id=\"outcome\">%h</dd><dt>法律依据</dt><dd>%h</dd>",
        o ? o->zLabel : a->zOutcome, o ? app_ground(o, case_received(a)) : "");
    if (a->zOtherOrgan[0])
      req_printf(r, "<dt>负责公开的机关</dt><dd id=\"other-organ\">%h %h</dd>",
                 a->zOtherOrgan, a->zOtherOrganContact);
    if (a->zObtainAt[0])
      req_printf(r, "<dt>获取方式、途径</dt><dd id=\"obtain-at\">%h</dd>",
                 a->zObtainAt);
  }
  if (a->zClosedOn[0])
    req_printf(r, "<dt>办结日期</dt><dd>%h</dd>", a->zClosedOn);
  req_puts(r, "</dl>\n");
}

/* The procedure as steps (登记 → 分办 → 办理 → 审核 → 答复, Art. 45) with
** the clock beside it: steps before the current one are done. */
static void view_stepper(Req *r, const App *a, const DlResult *res) {
  static const char *azStep[] = {"登记", "分办", "办理", "审核", "答复"};
  const char *st = a->zState;
  int iCur = !strcmp(st, "received")                 ? 1
             : !strcmp(st, "in_progress")            ? 2
             : !strncmp(st, "awaiting_", 9)          ? 3
                                                     : 5; /* answered, closed */
  if (iCur == 1 && (a->deptId || a->handlerId)) iCur = 2;
  req_puts(r, "<div class=\"case-head\"><ol class=\"stepper\" id=\"stepper\""
              " aria-label=\"办理流程\">");
  for (int i = 0; i < 5; i++) {
    int bClosedHere = i == 4 && !strcmp(st, "closed");
    req_printf(r, "<li class=\"%s\"%s>%h%h</li>",
               i < iCur ? "done" : i == iCur ? "current" : "todo",
               i == iCur ? " aria-current=\"step\"" : "", azStep[i],
               bClosedHere ? "（终止办理）" : "");
  }
  req_printf(r, "</ol><p class=\"clock\">期限：<strong>%h</strong>，答复期限 %h%h</p>"
                "</div>\n",
             res->zErr ? res->zErr : deadline_status_label(res->eStatus),
             due_date(r, res),
             due_note(r, res) ? req_fmt(r, "（%s）", due_note(r, res)) : "");
}

/* The tabs of the case page (no script: links). */
static void view_tabs(Req *r, const App *a, int bHistory) {
  req_printf(r, "<nav class=\"tabs\" aria-label=\"申请页面\"><a href=\"/staff/"
                "applications/%lld\"%s>办理</a> <a href=\"/staff/applications/"
                "%lld?tab=history\"%s>办理过程</a></nav>\n",
             (long long)a->id, bHistory ? "" : " aria-current=\"page\"",
             (long long)a->id, bHistory ? " aria-current=\"page\"" : "");
}

/* The applicant, the information sought and the attachments. */
static void view_applicant(Req *r, const App *a, const AppFile *aFile,
                           int nFile, int bHandle) {
  req_printf(
      r,
      "<h2>申请人</h2>\n<dl class=\"meta\"><dt>类型</dt><dd>%h</dd>"
      "<dt>姓名或名称</dt><dd>%h</dd><dt>%h</dt><dd id=\"id-number\">%h</dd>"
      "<dt>联系人</dt><dd>%h</dd><dt>联系电话</dt><dd>%h</dd>"
      "<dt>电子邮箱</dt><dd>%h</dd><dt>通信地址</dt><dd>%h %h</dd></dl>\n",
      app_label(aAppApplicantType, a->zApplicantType), a->zApplicantName,
      app_label(aAppIdKind, a->zIdKind), shown_id(r, a), a->zContactPerson,
      a->zPhone, a->zEmail, a->zAddress, a->zPostcode);
  req_printf(
      r,
      "<h2>所需信息</h2>\n<dl class=\"meta\"><dt>名称</dt><dd>%h</dd>"
      "<dt>文号</dt><dd>%h</dd><dt>描述</dt><dd>%h</dd><dt>用途</dt><dd>%h</dd>"
      "<dt>提供形式</dt><dd>%h</dd><dt>获取方式</dt><dd>%h</dd></dl>\n",
      a->zInfoTitle, a->zInfoDocNumber, a->zInfoDescription, a->zPurpose,
      app_label(aAppForm, a->zForm), app_label(aAppDelivery, a->zDelivery));
  if (!nFile) return;
  req_puts(r, "<p>附件：");
  for (int i = 0; i < nFile; i++) {
    if (bHandle)
      req_printf(r, "<a href=\"/staff/applications/%lld/files/%lld\">%h</a>",
                 (long long)a->id, (long long)aFile[i].id, aFile[i].zName);
    else
      req_printf(r, "%h", aFile[i].zName);
    req_printf(r, "（%lld字节） ", (long long)aFile[i].nBytes);
  }
  req_puts(r, "</p>\n");
}

/* The clock step by step, the due-date changes and the stored events. */
static void view_clock(Req *r, const DlResult *res, const AppDueChange *aChg,
                       int nChg, const AppEvent *aEv, int nEv) {
  req_puts(r, "<h2>期限计算</h2>\n<ol class=\"steps\" id=\"clock-steps\">\n");
  for (int i = 0; i < res->nStep; i++) /* each step names its date */
    req_printf(r, "<li%s>%h</li>\n",
               res->aStep[i].bWarn ? " class=\"warn\"" : "",
               res->aStep[i].zText);
  req_puts(r, "</ol>\n");
  if (res->bUncovered)
    page_notice(r, "warn",
                "计算涉及尚未载入官方放假安排的年份，该年按周一至周五计算；"
                "载入新一年放假安排后系统将重新计算并记录变更。");
  if (nChg) {
    req_puts(
        r,
        "<table class=\"grid cards\"><caption>期限变更记录</caption><thead><tr>"
        "<th scope=\"col\">时间</th><th scope=\"col\">原期限</th>"
        "<th scope=\"col\">新期限</th><th scope=\"col\">原因</th></tr></thead><tbody>");
    for (int i = 0; i < nChg; i++)
      req_printf(r, "<tr><td>%h</td><td>%h</td><td>%h</td><td>%h</td></tr>",
                 fmt_time(r, aChg[i].zAt), aChg[i].zOld, aChg[i].zNew,
                 aChg[i].zReason);
    req_puts(r, "</tbody></table>\n");
  }
  req_puts(
      r,
      "<table class=\"grid cards\"><caption>办理记录（计入期限计算）</caption><thead><tr>"
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
}

/* 分办: department and handler. */
static void form_assign(Req *r, const App *a) {
  Dept *aDept;
  int nDept;
  User *aUser;
  int nUser;
  action_form(r, a, "assign", "分办");
  req_puts(
      r,
      "<p class=\"field\"><label for=\"f-dept\">承办科室</label>"
      "<select id=\"f-dept\" name=\"dept_id\"><option value=\"0\">-</option>");
  if (store_dept_list(r->store, &r->arena, a->orgId, &aDept, &nDept) ==
      STORE_OK)
    for (int i = 0; i < nDept; i++)
      req_printf(r, "<option value=\"%lld\"%s>%h</option>",
                 (long long)aDept[i].id,
                 aDept[i].id == a->deptId ? " selected" : "", aDept[i].zName);
  req_puts(
      r,
      "</select></p><p class=\"field\"><label for=\"f-handler\">承办人</label>"
      "<select id=\"f-handler\" name=\"handler_id\"><option value=\"0\">-</option>");
  if (store_user_list(r->store, &r->arena, a->orgId, 0, &aUser, &nUser) ==
      STORE_OK)
    for (int i = 0; i < nUser; i++)
      if (perm_role_has(aUser[i].roles, PERM_APP_HANDLE) && !aUser[i].bDisabled)
        req_printf(r, "<option value=\"%lld\"%s>%h</option>",
                   (long long)aUser[i].id,
                   aUser[i].id == a->handlerId ? " selected" : "",
                   aUser[i].zName);
  req_puts(r, "</select></p>\n");
  action_end(r, "分办");
}

/* Clock events other than fees, the extension and the answer. */
static void form_event(Req *r, const App *a, const char *zToday) {
  action_form(r, a, "event", "记录办理事项（补正、征求意见、第三十五条）");
  const char *zId = page_field_id(r, "kind");
  req_printf(r,
             "<p class=\"field\"><label for=\"%h\">事项</label>"
             "<select id=\"%h\" name=\"kind\">", zId, zId);
  for (int i = 0; aAppEventKind[i].zId; i++) {
    const char *k = aAppEventKind[i].zId;
    if (!strncmp(k, "fee_", 4) || !strcmp(k, "answered") ||
        !strcmp(k, "extension"))
      continue;
    req_printf(r, "<option value=\"%h\"%s>%h</option>", k,
               !strcmp(page_typed(r, "kind", ""), k) ? " selected" : "",
               aAppEventKind[i].zLabel);
  }
  req_puts(r, "</select></p>\n");
  page_input(r, "on_day", "日期", zToday, "type=\"date\" required");
  page_input(r, "limit_day",
             "期限（补正期限、延长后的补正期限或第三十五条的答复期限；补正期限"
             "不填的，按本机关设置的工作日数计算）", "", "type=\"date\"");
  page_input(r, "text", "说明（补正内容、征求对象、理由）", "",
             "maxlength=\"500\"");
  action_end(r, "记录");
}

/* Art. 33 ¶2: the extension, for the head of the disclosure office; once
** granted (only one is allowed), the reason instead of the form. */
static void form_extend(Req *r, const App *a, const char *zToday,
                        const AppEvent *aEv, int nEv) {
  /* The limit and the article of the Regulation in force on receipt. */
  Date dRec = DATE_NONE;
  date_parse(a->zReceivedOn, &dRec);
  const Regime *pR = regime_for(dRec);
  for (int i = 0; i < nEv; i++)
    if (!strcmp(aEv[i].rec.zKind, "extension")) {
      req_printf(r, "<p id=\"extended\">答复期限已延长一次，不能再次延长"
                    "（%h%h）。</p>\n", pR->zCite, pR->zArtAnswer);
      return;
    }
  action_form(r, a, "extend",
              req_fmt(r, "批准延期（%s%s）", pR->zCite, pR->zArtAnswer));
  req_printf(r, "<p>延期须经政府信息公开工作机构负责人同意并告知申请人，"
                "延长期限最长不超过%d个工作日，只能延长一次。</p>\n",
             pR->nExtensionMax);
  page_input(r, "on_day", "日期", zToday, "type=\"date\" required");
  page_input(r, "n_days", req_fmt(r, "延长的工作日数（1至%d）", pR->nExtensionMax),
             req_fmt(r, "%d", pR->nExtensionMax),
             "inputmode=\"numeric\" required");
  page_input(r, "text", "延期理由", "", "maxlength=\"500\" required");
  req_puts(r,
           "<p class=\"field\"><label><input type=\"checkbox\" name=\"notified\""
           " value=\"1\"> 已将延期告知申请人</label></p>\n");
  action_end(r, "批准延期");
}

/* The Chinese label of application.fee_status (no internal id on screen). */
static const char *fee_status_label(const char *z) {
  static const AppCode a[] = {{"notified", "已发出收费通知，待缴费"},
                              {"paid", "已缴费"},
                              {"waived", "已减免"},
                              {"unpaid", "逾期未缴费"},
                              {"none", "未收费"},
                              {NULL, NULL}};
  return app_label(a, z);
}

/* Fees (国办函〔2020〕109号). */
static void form_fee(Req *r, const App *a, const char *zToday) {
  static const AppCode aOp[] = {{"notice", "发出收费通知"},
                                {"paid", "已缴费"},
                                {"waive", "减免（须说明理由）"},
                                {"lapse", "逾期未缴费，终止办理"},
                                {NULL, NULL}};
  static const AppCode aMethod[] = {
      {"per_item", "按件计收"}, {"per_volume", "按量计收"}, {NULL, NULL}};
  action_form(r, a, "fee", "信息处理费（国办函〔2020〕109号）");
  code_select(r, "op", "操作", aOp, "notice");
  code_select(r, "method", "计收方式", aMethod, "per_item");
  page_input(r, "count", "件数（本申请拆分后的件数）或页数", "",
             "inputmode=\"numeric\"");
  page_input(r, "on_day", "日期", zToday, "type=\"date\"");
  page_input(r, "limit_day",
             "缴费期限（不填：自发出之日起20个工作日；不得更短）", "",
             "type=\"date\"");
  page_input(r, "note", "说明（减免理由、票据号）", "", "maxlength=\"300\"");
  action_end(r, "保存");
  if (strcmp(a->zFeeStatus, "none"))
    req_printf(r, "<p>当前收费：%lld元，%h，%h</p>\n", (long long)a->feeYuan,
               fee_status_label(a->zFeeStatus), a->zFeeNote);
}

/* The draft answer: no outcome is preselected for a new draft. */
static void form_draft(Req *r, const App *a) {
  const AppOutcome *cur =
      a->zOutcome[0] ? app_answer_of(a->zOutcome, a->zAnswerBasis) : NULL;
  action_form(r, a, "draft", "拟定答复（提交科室审核）");
  req_puts(r,
           "<p class=\"field\"><label for=\"f-outcome\">办理结果</label>"
           "<select id=\"f-outcome\" name=\"outcome\" required>"
           "<option value=\"\">请选择</option>");
  for (int i = 0; app_answer_at(i); i++) {
    const AppOutcome *o = app_answer_at(i);
    req_printf(r, "<option value=\"%h\"%s>%h（%h）</option>", o->zId,
               !strcmp(page_typed(r, "outcome", cur ? cur->zId : ""), o->zId)
                   ? " selected" : "",
               o->zLabel,
               app_ground(o, case_received(a)));
  }
  req_printf(
      r,
      "</select></p><p class=\"field\"><label for=\"f-decision\">理由及"
      "说明（予以公开以外的答复必填）</label><textarea id=\"f-decision\" "
      "name=\"decision_text\" maxlength=\"4000\">%h</textarea></p>\n",
      page_typed(r, "decision_text", a->zDecisionText));
  page_input(r, "obtain_at",
             "已主动公开的信息的获取方式、途径（第三十六条第（一）项必填，"
             "如网址、查阅场所）",
             a->zObtainAt, "maxlength=\"200\"");
  page_input(r, "other_organ",
             "负责公开的机关（第三十六条第（五）项，能够确定时填写）",
             a->zOtherOrgan, "maxlength=\"100\"");
  page_input(r, "other_organ_contact", "该机关的联系方式",
             a->zOtherOrganContact, "maxlength=\"100\"");
  action_end(r, "提交审核");
}

/* Withdrawal, Art. 41 correction requests and Art. 43 assistance. */
static void form_steps(Req *r, const App *a, const char *zToday, int bOpen) {
  if (bOpen) {
    action_form(r, a, "withdraw", "申请人撤回申请（终止办理）");
    page_input(r, "on_day", "撤回日期", zToday, "type=\"date\" required");
    page_input(r, "text", "撤回方式及说明", "", "maxlength=\"500\" required");
    action_end(r, "记录撤回");
    action_form(r, a, "assistance", "提供必要帮助（第四十三条）");
    page_input(r, "on_day", "日期", zToday, "type=\"date\" required");
    page_input(r, "text", "提供的帮助（如代为填写、读给申请人听、手语）", "",
               "maxlength=\"500\" required");
    action_end(r, "记录");
  }
  action_form(r, a, "correction_request", "更正个人相关记录的请求（第四十一条）");
  page_input(r, "on_day", "日期", zToday, "type=\"date\" required");
  code_select(r, "result", "处理结果", app_art41_result_codes(), "pending");
  page_input(r, "text", "要求更正的记录及证据", "", "maxlength=\"500\" required");
  action_end(r, "记录");
}

/* Review or approval and return, to those who may (not the drafter): one
** form, one comment box, two buttons (the return button posts the same
** form to the return action; no JavaScript needed). */
static void forms_decide(Req *r, const App *a, const char *zToday) {
  int bDrafter = r->user && a->draftedBy == r->user->id;
  int bReview = req_can(r, PERM_APP_REVIEW, a->orgId);
  int bAtReview = !strcmp(a->zState, "awaiting_review");
  int bAtApproval = !strcmp(a->zState, "awaiting_approval");
  int bPass = !bDrafter && ((bReview && bAtReview) ||
                            (bAtApproval && req_can(r, PERM_APP_APPROVE, a->orgId)));
  int bReturn = bReview && (bAtReview || bAtApproval);
  if (bPass || bReturn) {
    action_form(r, a, !bPass ? "return" : bAtReview ? "dept_review" : "approve",
                bAtReview ? "科室审核" : "领导审批");
    page_input(r, "note", bPass ? "意见（退回时必填）" : "退回理由", "", "maxlength=\"300\"");
    if (bPass && bAtApproval)
      page_input(r, "answer_day", "答复日期", zToday, "type=\"date\" required");
    req_puts(r, "<p class=\"actions\">");
    if (bPass)
      req_printf(r, "<button type=\"submit\">%h</button> ",
                 bAtReview ? "审核通过，提交领导审批" : "批准并答复");
    if (bReturn)
      req_printf(r, "<button type=\"submit\" class=\"secondary\" formnovalidate "
                    "formaction=\"/staff/applications/%lld/return\">退回修改</button>",
                 (long long)a->id);
    req_puts(r, "</p></fieldset></form>\n");
  }
  if (bDrafter && (bAtReview || bAtApproval))
    req_puts(r, "<p id=\"sod-note\">您拟定了该答复，须由其他人员审核、审批。</p>\n");
}

/* Reconsideration and litigation: the form and the table. */
static void view_reviews(Req *r, const App *a, const AppReview *aRev, int nRev,
                         int bHandle) {
  if (bHandle) {
    action_form(r, a, "review", "行政复议、行政诉讼");
    code_select(r, "kind", "类型", aAppReviewKind, "review");
    code_select(r, "result", "结果", aAppReviewResult, "pending");
    page_input(r, "filed_on", "申请或起诉日期", "", "type=\"date\" required");
    page_input(r, "decided_on", "决定或判决日期", "", "type=\"date\"");
    page_input(r, "body", "复议机关或法院", "", "maxlength=\"100\"");
    page_input(r, "case_no", "案号", "", "maxlength=\"100\"");
    action_end(r, "添加");
  }
  if (!nRev) return;
  req_puts(
      r,
      "<table class=\"grid cards\" id=\"reviews\"><caption>行政复议、行政诉讼</caption>"
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
                 (long long)a->id);
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

/* The history of the case. */
static void view_history(Req *r, const AppLog *aLog, int nLog) {
  req_puts(
      r,
      "<table class=\"grid cards\" id=\"history\"><caption>办理过程</caption><thead><tr>"
      "<th scope=\"col\">时间</th><th scope=\"col\">人员</th>"
      "<th scope=\"col\">操作</th><th scope=\"col\">说明</th></tr></thead><tbody>\n");
  for (int i = 0; i < nLog; i++)
    req_printf(r, "<tr><td>%h</td><td>%h</td><td>%h</td><td>%h</td></tr>\n",
               fmt_time(r, aLog[i].zAt),
               aLog[i].zUserName[0] ? aLog[i].zUserName : "申请人/系统",
               aLog[i].zAction, aLog[i].zDetail);
  req_puts(r, "</tbody></table>\n");
}

/* The records the case page shows. */
typedef struct CaseData {
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
} CaseData;

static int load_case(Req *r, const App *a, CaseData *d) {
  return store_app_events(r->store, &r->arena, a->id, &d->aEv, &d->nEv) ==
             STORE_OK &&
         store_app_logs(r->store, &r->arena, a->id, &d->aLog, &d->nLog) ==
             STORE_OK &&
         store_app_reviews(r->store, &r->arena, a->id, &d->aRev, &d->nRev) ==
             STORE_OK &&
         store_app_files(r->store, &r->arena, a->id, &d->aFile, &d->nFile) ==
             STORE_OK &&
         store_app_due_changes(r->store, &r->arena, a->id, &d->aChg,
                               &d->nChg) == STORE_OK;
}

/* The forms of the actions the procedure allows next and this user may
** take: before a draft is submitted, assignment, events, the extension,
** fees and the draft; while it is under review or approval, only the
** decisions (a change goes back through 退回); once closed, Art. 41
** requests and reconsideration or litigation. */
static void view_actions(Req *r, const App *a, const char *zToday,
                         const AppEvent *aEv, int nEv) {
  int bHandle = req_can(r, PERM_APP_HANDLE, a->orgId);
  int bOpen = !a->zClosedOn[0];
  int bDrafting = bOpen && strncmp(a->zState, "awaiting_", 9);
  if (bDrafting && bHandle) {
    form_assign(r, a);
    form_event(r, a, zToday);
  }
  if (bDrafting && req_can(r, PERM_APP_EXTEND, a->orgId))
    form_extend(r, a, zToday, aEv, nEv);
  if (bDrafting && bHandle) {
    form_fee(r, a, zToday);
    form_draft(r, a);
  }
  if (bOpen) forms_decide(r, a, zToday);
  if (bHandle) form_steps(r, a, zToday, bOpen);
}

static int case_view(Req *r, const char *zRefusal);

const char *app_done_message(const char *zAct) {
  static const struct { const char *zAct, *zMsg; } a[] = {
    {"assign", "已分办。下一步：承办人拟定答复。"},
    {"draft", "答复已拟定。下一步：科室负责人审核（拟定人不能审核自己的答复）。"},
    {"dept_review", "审核已通过。下一步：领导审批。"},
    {"return", "已退回。下一步：承办人修改答复后重新提交。"},
    {"approve", "已批准并答复，告知书已生成。办理结束。"},
    {"extend", "已延期并记录告知申请人。新的答复期限见办理时限。"},
    {"event", "已记录。办理时限已按该事项重新计算。"},
    {"fee", "收费事项已记录。办理时限已重新计算。"},
    {"withdraw", "申请人撤回申请，已记录，办理结束。"},
    {"correction_request", "更正申请（第四十一条）已记录。"},
    {"assistance", "协助申请（第四十三条）已记录。"},
    {"review", "行政复议或行政诉讼已登记。下一步：结果出来后登记结果。"},
    {"review_decide", "复议或诉讼结果已登记。"},
    {"recalc", "答复期限已重新计算。"},
  };
  for (size_t i = 0; zAct && i < sizeof a / sizeof a[0]; i++)
    if (!strcmp(a[i].zAct, zAct)) return a[i].zMsg;
  return "操作已完成，办理记录已更新。";
}

int page_app_view(Req *r) { return case_view(r, NULL); }

void app_case_refuse(Req *r, int status, const char *zMsg) {
  buf_reset(&r->out);
  if (case_view(r, zMsg) == 0 && r->out.n) r->status = status;
}

/* The case page; zRefusal, when not NULL, says why the action just posted
** was refused (the page is shown again with what was typed). */
static int case_view(Req *r, const char *zRefusal) {
  App a;
  CaseData d;
  Calendar cal;
  DlResult res;
  char zToday[DATE_STRLEN];
  r->bNoCache = 1;
  if (!load_visible(r, &a)) return 0;
  int bHandle = req_can(r, PERM_APP_HANDLE, a.orgId);
  memset(&d, 0, sizeof d);
  if (!load_case(r, &a, &d) || app_load_calendar(r, &cal) != STORE_OK) {
    cal_free(&cal);
    http_store_error(r, store_errcode(r->store));
    return 0;
  }
  Date dToday = app_today();
  date_format(dToday, zToday);
  status_of(r, &cal, &a, d.aEv, d.nEv, dToday, &res);
  cal_free(&cal);
  int bHistory = !strcmp(req_param_or(r, "tab", ""), "history");
  page_begin(r, a.zRegNo);
  req_printf(r, "<h1>申请 %h</h1>\n", a.zRegNo);
  if (zRefusal) {
    req_printf(r, "<p class=\"notice error\" role=\"alert\">未能保存：%h</p>\n", zRefusal);
  }
  view_stepper(r, &a, &res);
  view_tabs(r, &a, bHistory);
  if (bHistory) {
    deadline_result_free(&res);
    view_history(r, d.aLog, d.nLog);
    page_end(r);
    return 0;
  }
  view_summary(r, &a, &res);
  view_applicant(r, &a, d.aFile, d.nFile, bHandle);
  view_clock(r, &res, d.aChg, d.nChg, d.aEv, d.nEv);
  deadline_result_free(&res);
  app_letter_links(r, &a);
  view_actions(r, &a, zToday, d.aEv, d.nEv);
  view_reviews(r, &a, d.aRev, d.nRev, bHandle);
  page_end(r);
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

