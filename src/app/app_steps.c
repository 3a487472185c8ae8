/*
** app_steps.c — the steps of the application workflow (see app_action.h):
** assignment, clock events, the extension, fees, draft, review, approval,
** return, withdrawal, Art. 41 correction requests, Art. 43 assistance,
** reconsideration and litigation.  Each step runs inside the runner's
** transaction on x->a and returns NULL or a Chinese message (422); the
** runner refreshes the due date and commits.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app_steps.h"
#include "core/fees.h"
#include "core/notice.h"
#include "lib/utf8.h"
#include "store/store_notice.h"

int app_log(AppAct *x, const char *zAction, const char *zDetail) {
  if (!x->who->userId && x->who->zName && x->who->zName[0])
    zAction = app_fmt(x, "%s（%s）", zAction, x->who->zName);
  return store_app_log(x->store, x->a.id, x->who->userId, zAction, zDetail);
}

/* The period an event's notice states when the clerk typed none, in
** working days after the notice (-1: the organisation's setting). */
static const struct {
  const char *zKind;
  int nDays;
} aDefaultPeriod[] = {{"correction_sent", -1}, {"fee_notice", DL_FEE_PAY_DAYS}};

/* e's limit, or the default period's last day as the clock counts it
** (x->cal loaded), or "" when the kind has none. */
static const char *notice_limit(AppAct *x, const AppEventRec *e) {
  Date dOn;
  DlParams par;
  if (e->zLimit[0] || date_parse(e->zOn, &dOn)) return e->zLimit;
  for (size_t i = 0; i < sizeof aDefaultPeriod / sizeof aDefaultPeriod[0]; i++)
    if (!strcmp(aDefaultPeriod[i].zKind, e->zKind)) {
      int n = aDefaultPeriod[i].nDays;
      if (n < 0) {
        store_app_clock_params(x->store, &par);
        n = par.nCorrectionDays;
      }
      char *z = arena_alloc(x->arena, DATE_STRLEN);
      return date_format(cal_add_workdays(&x->cal, dOn, n), z);
    }
  return e->zLimit;
}

int app_notice_for(AppAct *x, const AppEventRec *e) {
  const NoticeKind *k = notice_kind_for_event(e->zKind);
  if (!k) return STORE_OK;
  return store_notice_issue(x->store, x->arena, x->a.id, x->a.orgId, k->zId,
                            e->zOn, e->zText, notice_limit(x, e), e->nDays,
                            NULL);
}

/* A parameter, or zDflt when absent. */
const char *app_p(AppAct *x, const char *zName, const char *zDflt) {
  const char *z = x->in->xGet(x->in->pCtx, zName);
  return z ? z : zDflt;
}

/* An integer parameter in [lo, hi]: 1 set, 0 absent or empty, -1 bad. */
int app_p_int(AppAct *x, const char *zName, int64_t lo, int64_t hi,
              int64_t *pv) {
  const char *z = app_p(x, zName, "");
  char *zEnd;
  if (!z[0]) return 0;
  long long v = strtoll(z, &zEnd, 10);
  if (*zEnd || v < lo || v > hi) return -1;
  *pv = v;
  return 1;
}

/* A formatted string in the action's arena. */
const char *app_fmt(AppAct *x, const char *zFmt, const char *z1,
                    const char *z2) {
  size_t n = strlen(zFmt) + strlen(z1) + strlen(z2) + 1;
  char *z = arena_alloc(x->arena, n);
  snprintf(z, n, zFmt, z1, z2);
  return z;
}

/* A required date parameter not after today, into *pz; NULL or a message. */
static const char *date_param(AppAct *x, const char *zName, const char **pz) {
  Date d;
  *pz = app_p(x, zName, "");
  if (date_parse(*pz, &d) || d > x->dToday || !date_plausible(d, x->dToday))
    return "请填写有效的日期（YYYY-MM-DD，1949年10月1日之后，不晚于今天）";
  return NULL;
}

/* An optional date parameter: 1 ok (*pz may be ""), 0 malformed. */
static int opt_date(AppAct *x, const char *zName, const char **pz) {
  Date d;
  *pz = app_p(x, zName, "");
  return !(*pz)[0] || date_parse(*pz, &d) == 0;
}

const char *app_clock_accepts(AppAct *x, const AppEventRec *pNew) {
  AppEvent *aEv;
  int nEv;
  if (store_app_events(x->store, x->arena, x->a.id, &aEv, &nEv) != STORE_OK)
    return store_errmsg(x->store);
  AppEventRec *aRec = arena_alloc(x->arena, sizeof *aRec * (size_t)(nEv + 1));
  for (int i = 0; i < nEv; i++) aRec[i] = aEv[i].rec;
  aRec[nEv] = *pNew;
  DlResult res;
  DlParams par;
  const char *zErr = NULL;
  store_app_clock_params(x->store, &par);
  if (app_clock_ex(&x->cal, x->a.zReceivedOn, aRec, nEv + 1, &par, x->dToday,
                   &res) != DL_OK)
    zErr = arena_strdup(x->arena,
                        res.zErr ? res.zErr : "办理记录与期限规则不符");
  deadline_result_free(&res);
  return zErr;
}

/* Stores event e with a history line zAction; NULL or a message. */
static const char *add_event(AppAct *x, const AppEventRec *e,
                             const char *zAction) {
  const char *zErr = app_clock_accepts(x, e);
  if (zErr) return zErr;
  if (store_app_event_add(x->store, x->a.id, e, x->who->userId) != STORE_OK ||
      app_log(x, zAction, e->zText) != STORE_OK ||
      app_notice_for(x, e) != STORE_OK)
    return store_errmsg(x->store);
  return NULL;
}

/* A history line; NULL or the store's message. */
static const char *log_line(AppAct *x, const char *zAction,
                            const char *zDetail) {
  return app_log(x, zAction, zDetail) == STORE_OK
             ? NULL
             : store_errmsg(x->store);
}

const char *step_assign(AppAct *x) {
  int64_t dept = 0, handler = 0;
  Dept *aDept;
  User u;
  int nDept, ok;
  if (app_p_int(x, "dept_id", 0, INT64_MAX, &dept) < 0 ||
      app_p_int(x, "handler_id", 0, INT64_MAX, &handler) < 0)
    return "承办科室或承办人参数无效";
  ok = dept == 0;
  if (store_dept_list(x->store, x->arena, x->a.orgId, &aDept, &nDept) ==
      STORE_OK)
    for (int i = 0; i < nDept; i++) ok |= aDept[i].id == dept;
  if (!ok) return "承办科室不属于该单位";
  if (handler &&
      (store_user_get(x->store, x->arena, handler, &u) != STORE_OK ||
       u.orgId != x->a.orgId || !perm_role_has(u.roles, PERM_APP_HANDLE)))
    return "承办人须为该单位有办理权限的用户";
  if (store_app_assign(x->store, x->a.id, dept, handler) != STORE_OK)
    return store_errmsg(x->store);
  return log_line(x, "分办", handler ? u.zName : "");
}

/* The events whose notice is built around the clerk's text, and what to
** ask for when it is empty. */
static const AppCode aNoticeText[] = {
    {"correction_sent",
     "请写明需要补正的事项（第三十条：一次性告知申请人），补正告知书要载明"},
    {"third_party_start", "请写明被征求意见的第三方名称，征求意见书以其为抬头"},
    {"disclose_notice", "请写明决定公开的内容和理由，告知第三方书要载明"},
    {NULL, NULL}};

/* The kinds `event` records: not fees (fee), the answer (approve) or the
** extension (extend, which needs the office head). */
static int plain_event(const char *zKind) {
  return app_event_kind(zKind) && strncmp(zKind, "fee_", 4) &&
         strcmp(zKind, "answered") && strcmp(zKind, "extension");
}

const char *step_event(AppAct *x) {
  AppEventRec e;
  const char *zErr;
  memset(&e, 0, sizeof e);
  e.zKind = app_p(x, "kind", "");
  e.zText = app_p(x, "text", "");
  if (!strcmp(e.zKind, "extension"))
    return "延期须经政府信息公开工作机构负责人批准（使用“批准延期”）";
  if (!plain_event(e.zKind)) return "事项类型无效";
  if ((zErr = date_param(x, "on_day", &e.zOn))) return zErr;
  if (!opt_date(x, "limit_day", &e.zLimit)) return "期限日期无效";
  if (strlen(e.zText) > 1500) return "说明过长";
  if (!e.zText[0] && app_code(aNoticeText, e.zKind))
    return app_label(aNoticeText, e.zKind);
  if ((zErr = add_event(x, &e, app_label(aAppEventKind, e.zKind)))) return zErr;
  if (!strcmp(e.zKind, "correction_lapsed") &&
      store_app_close(x->store, x->a.id, "results.other.no_correction", e.zOn,
                      e.zText) != STORE_OK)
    return store_errmsg(x->store);
  return NULL;
}

/* Art. 33 ¶2: one extension of at most 20 working days, with the consent
** of the head of the disclosure office (the actor) and notice to the
** applicant. */
const char *step_extend(AppAct *x) {
  AppEventRec e;
  int64_t nDays = 0;
  const char *zErr;
  memset(&e, 0, sizeof e);
  e.zKind = "extension";
  e.zLimit = "";
  if ((zErr = date_param(x, "on_day", &e.zOn))) return zErr;
  if (app_p_int(x, "n_days", 1, 20, &nDays) != 1)
    return "延长的工作日数应为1至20";
  const char *zWhy = app_p(x, "text", "");
  if (!zWhy[0]) return "请写明延期的理由";
  if (strlen(zWhy) > 1500) return "说明过长";
  if (strcmp(app_p(x, "notified", ""), "1"))
    return "延期须告知申请人，请确认已告知后再记录";
  e.nDays = (int)nDays;
  e.zText = app_fmt(x, "批准人：%s；已告知申请人；%s", x->who->zName, zWhy);
  return add_event(x, &e, "批准延期");
}

const char *step_draft(AppAct *x) {
  const char *zOutcome, *zBasis;
  const char *zChoice = app_p(x, "outcome", "");
  const char *zText = app_p(x, "decision_text", "");
  const char *zOrgan = app_p(x, "other_organ", "");
  const char *zContact = app_p(x, "other_organ_contact", "");
  const char *zObtain = app_p(x, "obtain_at", "");
  const AppOutcome *o = app_answer(zChoice, &zOutcome, &zBasis);
  if (!o) return "请选择办理结果";
  if (!strcmp(zOutcome, "results.other.no_correction") ||
      !strcmp(zOutcome, "results.other.fee_unpaid"))
    return "逾期不补正、逾期未缴费由相应办理事项自动终止，不能直接拟定";
  if (strcmp(zOutcome, "results.granted") && !zText[0])
    return "予以公开以外的答复须写明理由";
  if (strlen(zText) > 12000) return "理由及说明过长";
  if (strlen(zOrgan) > 300 || strlen(zContact) > 300)
    return "负责公开的机关或联系方式过长";
  if (strlen(zObtain) > 600) return "获取方式、途径过长";
  if (strcmp(zBasis, "art36_5")) zOrgan = zContact = "";
  if (strcmp(zBasis, "art36_1")) zObtain = "";
  else if (utf8_blank(zObtain))  /* Art. 36(一): the way and place */
    return "已主动公开的，须写明获取该政府信息的方式、途径（如网址、查阅场所）";
  if (store_app_draft(x->store, x->a.id, zOutcome, zText, x->who->userId) !=
          STORE_OK ||
      store_app_set_basis(x->store, x->a.id, zBasis, zOrgan, zContact,
                          zObtain) != STORE_OK)
    return store_errmsg(x->store);
  return log_line(x, "拟定答复", o->zLabel);
}

/* Who drafted cannot pass the draft on. */
static const char *not_drafter(AppAct *x, const char *zWhat) {
  if (x->a.draftedBy && x->a.draftedBy == x->who->userId)
    return app_fmt(x, "拟定答复的人员不能%s自己拟定的答复%s", zWhat, "");
  return NULL;
}

const char *step_dept_review(AppAct *x) {
  const char *zErr = not_drafter(x, "审核");
  if (zErr) return zErr;
  if (store_app_dept_review(x->store, x->a.id, x->who->userId) != STORE_OK)
    return store_errmsg(x->store);
  return log_line(x, "科室审核通过", app_p(x, "note", ""));
}

const char *step_return(AppAct *x) {
  if (store_app_return(x->store, x->a.id) != STORE_OK)
    return store_errmsg(x->store);
  return log_line(x, "退回修改", app_p(x, "note", ""));
}

const char *step_approve(AppAct *x) {
  AppEventRec e;
  const char *zErr;
  memset(&e, 0, sizeof e);
  e.zKind = "answered";
  e.zLimit = "";
  e.zText = "";
  if (strcmp(x->a.zState, "awaiting_approval")) return "该申请不在待审批状态";
  if ((zErr = not_drafter(x, "审批"))) return zErr;
  if ((zErr = date_param(x, "answer_day", &e.zOn)))
    return "请填写有效的答复日期（不晚于今天）";
  if ((zErr = app_clock_accepts(x, &e))) return zErr;
  if (store_app_event_add(x->store, x->a.id, &e, x->who->userId) != STORE_OK ||
      store_app_approve(x->store, x->a.id, x->who->userId, e.zOn) != STORE_OK ||
      store_notice_issue(x->store, x->arena, x->a.id, x->a.orgId, "answer",
                         e.zOn, "", "", 0, NULL) != STORE_OK)
    return store_errmsg(x->store);
  return log_line(x, "批准答复", e.zOn);
}

/* （六）3: the applicant withdraws; the case closes under 其他. */
const char *step_withdraw(AppAct *x) {
  const char *zOn, *zErr;
  const char *zHow = app_p(x, "text", "");
  if ((zErr = date_param(x, "on_day", &zOn))) return zErr;
  /* The day it closes is the day table 三 counts it as concluded: never
  ** before the application was received (a case received in January
  ** withdrawn "last December" would break 一 + 二 = 三 + 四 of both years). */
  if (strcmp(zOn, x->a.zReceivedOn) < 0)
    return app_fmt(x, "撤回日期不能早于收到申请之日（%s）%s", x->a.zReceivedOn, "");
  if (!zHow[0]) return "请写明申请人撤回申请的方式（如书面撤回、电话确认）";
  if (strlen(zHow) > 1500) return "说明过长";
  const char *zText = app_fmt(x, "申请人撤回申请：%s%s", zHow, "");
  if (store_app_close(x->store, x->a.id, "results.other.other", zOn, zText) !=
      STORE_OK)
    return store_errmsg(x->store);
  return log_line(x, "申请人撤回申请", app_fmt(x, "%s；%s", zOn, zHow));
}

/* Art. 41: the results of a request to correct a record about oneself. */
static const AppCode aArt41Result[] = {
    {"corrected", "审核属实，已予更正并告知申请人"},
    {"forwarded", "不属于本机关职能范围，已转送有权更正的机关并告知申请人"},
    {"redirected", "不属于本机关职能范围，已告知申请人向有权更正的机关提出"},
    {"not_proven", "经审核，证据不能证明记录不准确，不予更正并告知理由"},
    {"pending", "已收到，正在审核"},
    {NULL, NULL}};

const char *step_correction_request(AppAct *x) {
  const char *zOn, *zErr;
  const char *zResult = app_p(x, "result", "");
  const char *zText = app_p(x, "text", "");
  if ((zErr = date_param(x, "on_day", &zOn))) return zErr;
  if (!app_code(aArt41Result, zResult)) return "请选择更正请求的处理结果";
  if (!zText[0]) return "请写明申请人要求更正的记录及其证据";
  if (strlen(zText) > 1500) return "说明过长";
  const char *zHead =
      app_fmt(x, "%s：%s；", zOn, app_label(aArt41Result, zResult));
  return log_line(x, "更正请求（第四十一条）", app_fmt(x, "%s%s", zHead, zText));
}

/* Art. 43: the help given to an applicant with reading difficulties or a
** visual or hearing impairment. */
const char *step_assistance(AppAct *x) {
  const char *zOn, *zErr;
  const char *zText = app_p(x, "text", "");
  if ((zErr = date_param(x, "on_day", &zOn))) return zErr;
  if (!zText[0]) return "请写明提供的帮助（如代为填写、读给申请人听、手语）";
  if (strlen(zText) > 1500) return "说明过长";
  return log_line(x, "提供必要帮助（第四十三条）",
                  app_fmt(x, "%s：%s", zOn, zText));
}

const char *step_recalc(AppAct *x) {
  (void)x;
  return NULL; /* the runner recomputes (logged as 手动重新计算) */
}

/* The labels of the Art. 41 results, for the pages. */
const AppCode *app_art41_result_codes(void) {
  return aArt41Result;
}
