/*
** app_action.c — the action table, the runner that wraps each step in its
** checks and transaction, and registration (see app_action.h).
*/
#include "app/app_action.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app_steps.h"
#include "core/org_kind.h"
#include "store/store_notice.h"
#include "lib/buf.h"
#include "lib/crypto.h"

const AppAction aAppAction[] = {
    /* name, permission, label, on a closed case, while an answer awaits
    ** review or approval, step, parameters */
    {"assign", PERM_APP_HANDLE, "分办", 0, 0, step_assign, "dept_id, handler_id"},
    {"event", PERM_APP_HANDLE, "记录办理事项", 0, 0, step_event,
     "kind, on_day, limit_day, text"},
    {"extend", PERM_APP_EXTEND, "批准延期", 0, 0, step_extend,
     "on_day, n_days (1-20), text, notified=1"},
    {"fee", PERM_APP_HANDLE, "信息处理费", 0, 0, step_fee,
     "op (notice|paid|waive|lapse), method, count, on_day, limit_day, note"},
    {"draft", PERM_APP_HANDLE, "拟定答复", 0, 0, step_draft,
     "outcome, decision_text, other_organ, other_organ_contact, obtain_at"},
    {"dept_review", PERM_APP_REVIEW, "科室审核", 0, 1, step_dept_review, "note"},
    {"return", PERM_APP_REVIEW, "退回修改", 0, 1, step_return, "note"},
    {"approve", PERM_APP_APPROVE, "批准答复", 0, 1, step_approve, "answer_day"},
    {"withdraw", PERM_APP_HANDLE, "申请人撤回申请", 0, 1, step_withdraw,
     "on_day, text"},
    {"correction_request", PERM_APP_HANDLE, "更正请求（第四十一条）", 1, 1,
     step_correction_request, "on_day, result, text"},
    {"assistance", PERM_APP_HANDLE, "提供必要帮助（第四十三条）", 0, 1,
     step_assistance, "on_day, text"},
    {"review", PERM_APP_HANDLE, "登记行政复议、行政诉讼", 1, 1, step_review,
     "kind, result, filed_on, decided_on, body, case_no, note"},
    {"review_decide", PERM_APP_HANDLE, "登记复议、诉讼结果", 1, 1,
     step_review_decide, "review_id, result, decided_on"},
    {"recalc", PERM_APP_HANDLE, "重新计算期限", 1, 1, step_recalc, ""},
    {NULL, 0, NULL, 0, 0, NULL, NULL}};

const AppAction *app_action(const char *zName) {
  for (int i = 0; zName && aAppAction[i].zName; i++)
    if (!strcmp(aAppAction[i].zName, zName)) return &aAppAction[i];
  return NULL;
}

/* The refusal for a missing permission. */
static const char *perm_refusal(Perm p) {
  switch (p) {
    case PERM_APP_APPROVE: return "您没有审批答复的权限";
    case PERM_APP_REVIEW: return "您没有审核答复的权限";
    case PERM_APP_EXTEND:
      return "延期须经政府信息公开工作机构负责人同意，您没有批准延期的权限";
    default: return "您没有办理申请的权限";
  }
}

static int fail(AppAct *x, int status, const char *zErr) {
  x->status = status;
  x->zErr = zErr;
  return status;
}

static int can(AppAct *x, Perm p, int64_t orgId) {
  return x->who->xCan(x->who->pCtx, p, orgId);
}

/* Runs the step inside a transaction with the due-date refresh. */
static int run_step(AppAct *x, const AppAction *ac) {
  const char *zErr;
  if (store_app_calendar(x->store, &x->cal) != STORE_OK ||
      store_begin(x->store) != STORE_OK)
    return fail(x, 500, store_errmsg(x->store));
  zErr = ac->xStep(x);
  if (!zErr &&
      store_app_refresh_due(x->store, x->arena, &x->cal, x->a.id, x->dToday,
                            !strcmp(ac->zName, "recalc") ? "手动重新计算" : NULL,
                            NULL) != STORE_OK)
    zErr = store_errmsg(x->store);
  if (zErr) {
    zErr = arena_strdup(x->arena, zErr);
    store_rollback(x->store);
    return fail(x, 422, zErr);
  }
  if (store_commit(x->store) != STORE_OK)
    return fail(x, 500, store_errmsg(x->store));
  char zWhat[64];
  snprintf(zWhat, sizeof zWhat, "application.%s", ac->zName);
  store_audit(x->store, x->who->userId, x->a.orgId, zWhat, x->a.zRegNo);
  return 0;
}

int app_action_run(AppAct *x, const char *zName, int64_t appId) {
  const AppAction *ac = app_action(zName);
  int rc;
  x->status = 0;
  x->zErr = NULL;
  cal_init(&x->cal);
  if (!ac) return fail(x, 404, "未知操作");
  if (store_app_get(x->store, x->arena, appId, &x->a) != STORE_OK)
    return fail(x, 404, "申请不存在");
  if (!can(x, PERM_VIEW_STAFF, x->a.orgId))
    return fail(x, 403, "您无权查看其他单位的申请");
  if (!can(x, ac->perm, x->a.orgId)) return fail(x, 403, perm_refusal(ac->perm));
  if (!ac->bOnClosed && x->a.zClosedOn[0]) return fail(x, 422, "该申请已办结");
  /* Under review or approval the answer and the facts it rests on are
  ** fixed: a stale tab or a hand-made request must not change them. */
  if (!ac->bAtReview && !strncmp(x->a.zState, "awaiting_", 9))
    return fail(x, 409,
                app_fmt(x, "答复已提交审核或审批，不能再%s；需要修改的，"
                           "请审核人员先退回修改%s",
                        ac->zLabel, ""));
  rc = run_step(x, ac);
  cal_free(&x->cal);
  return rc;
}

/* ---- registration ------------------------------------------------------- */

void app_id_hash_key(const char *zSecretKey, const char *zIdNorm,
                     char zOut[65]) {
  char *z = mprintf("%j:%j", zSecretKey ? zSecretKey : "", zIdNorm); /*escaped: an unambiguous key:id encoding for the hash, never output*/
  crypto_sha256_hex(z, strlen(z), zOut);
  free(z);
}

void app_params_input(const AppParams *in, AppInput *p) {
#define GET(f, n) \
  p->f = in->xGet(in->pCtx, n) ? in->xGet(in->pCtx, n) : ""
  GET(zApplicantType, "applicant_type");
  GET(zName, "name");
  GET(zIdKind, "id_kind");
  GET(zIdNumber, "id_number");
  GET(zContactPerson, "contact_person");
  GET(zPhone, "phone");
  GET(zEmail, "email");
  GET(zAddress, "address");
  GET(zPostcode, "postcode");
  GET(zInfoTitle, "info_title");
  GET(zInfoDocNumber, "info_doc_number");
  GET(zInfoDescription, "info_description");
  GET(zPurpose, "purpose");
  GET(zForm, "form");
  GET(zDelivery, "delivery");
#undef GET
}

/* Fills a's applicant fields from p and the sealed identity number. */
static int fill_applicant(Arena *ar, const char *zSecretKey, App *a,
                          const AppInput *p, const char *zIdNorm,
                          char zIdHash[65]) {
  char *zSealed = crypto_seal(zSecretKey, zIdNorm);
  char *zMasked = app_mask_id(p->zIdKind, zIdNorm);
  a->zIdSealed = arena_strdup(ar, zSealed ? zSealed : "");
  a->zIdMasked = arena_strdup(ar, zMasked ? zMasked : "");
  free(zSealed);
  free(zMasked);
  if (!a->zIdSealed[0]) return STORE_ERROR; /* no usable server key */
  app_id_hash_key(zSecretKey, zIdNorm, zIdHash);
  a->zApplicantType = p->zApplicantType;
  a->zApplicantName = p->zName;
  a->zIdKind = p->zIdKind;
  a->zIdHash = zIdHash;
  a->zContactPerson = p->zContactPerson;
  a->zPhone = p->zPhone;
  a->zEmail = p->zEmail;
  a->zAddress = p->zAddress;
  a->zPostcode = p->zPostcode;
  a->zInfoTitle = p->zInfoTitle;
  a->zInfoDocNumber = p->zInfoDocNumber;
  a->zInfoDescription = p->zInfoDescription;
  a->zPurpose = p->zPurpose;
  a->zForm = p->zForm;
  a->zDelivery = p->zDelivery;
  return STORE_OK;
}

int app_store_new(Store *s, Arena *ar, const char *zSecretKey, App *a,
                  const AppInput *p, const char *zIdNorm, int64_t userId,
                  const char *zAction, const char *zFileName,
                  const char *zFileType, const void *pFile, size_t nFile,
                  Date dToday, char zCode[32]) {
  char zHash[65], zIdHash[65];
  int rc = fill_applicant(ar, zSecretKey, a, p, zIdNorm, zIdHash);
  if (rc != STORE_OK) return rc;
  crypto_random_hex(zCode, 10);
  crypto_sha256_hex(zCode, strlen(zCode), zHash);
  rc = store_app_add(s, ar, a, zHash);
  if (rc == STORE_OK)
    rc = store_app_log(s, a->id, userId, zAction, a->zReceiptNote);
  /* The Art. 31 receipt (登记回执), numbered in the organisation's series. */
  if (rc == STORE_OK)
    rc = store_notice_issue(s, ar, a->id, a->orgId, "receipt", a->zReceivedOn,
                            "", "", 0, NULL);
  if (rc == STORE_OK && pFile && nFile)
    rc = store_app_file_add(s, a->id, zFileName ? zFileName : "附件",
                            zFileType ? zFileType : "application/octet-stream",
                            pFile, nFile);
  if (rc != STORE_OK) return rc;
  Calendar cal;
  rc = store_app_calendar(s, &cal);
  if (rc == STORE_OK)
    rc = store_app_refresh_due(s, ar, &cal, a->id, dToday, NULL, NULL);
  cal_free(&cal);
  return rc;
}

/* Adds a field error (when there is room). */
static void field_err(AppFieldErr *aErr, int *pn, const char *zField,
                    const char *zMsg) {
  if (*pn >= APP_MAX_ERRORS) return;
  aErr[*pn].zField = zField;
  snprintf(aErr[*pn].zMsg, sizeof aErr[0].zMsg, "%s", zMsg);
  (*pn)++;
}

/* Checks the registration's parameters into aErr; fills *pIn, the org, the
** channel and the event day. */
static void register_check(AppAct *x, AppInput *pIn, char zIdNorm[64],
                           int64_t *pOrg, const AppChannel **pCh, Date *pEv,
                           AppFieldErr *aErr, int *pnErr) {
  int y, m, d;
  int64_t org = x->orgDefault;
  const char *zOrg = app_p(x, "org_id", "");
  app_params_input(x->in, pIn);
  date_ymd(x->dToday, &y, &m, &d);
  *pnErr = app_validate(pIn, y * 10000 + m * 100 + d, zIdNorm, aErr);
  if (app_p_int(x, "org_id", 1, INT64_MAX, &org) < 0 || !org ||
      !can(x, PERM_APP_HANDLE, org)) {
    field_err(aErr, pnErr, "org_id",
            zOrg[0] || org ? "您无权为该单位登记申请" : "请选择受理单位");
    org = 0;
  }
  Org o;
  if (org && store_org_get(x->store, x->arena, org, &o) == STORE_OK &&
      !org_kind(o.zKind)->bApplications)
    field_err(aErr, pnErr, "org_id",
            app_fmt(x, "该单位为%s（%s），不受理政府信息公开申请",
                    org_kind(o.zKind)->zLabel, org_kind(o.zKind)->zBasis));
  *pOrg = org;
  *pCh = app_channel(app_p(x, "channel", ""));
  if (!*pCh) field_err(aErr, pnErr, "channel", "请选择申请渠道");
  if (date_parse(app_p(x, "event_day", ""), pEv) || *pEv > x->dToday ||
      !date_plausible(*pEv, x->dToday))
    field_err(aErr, pnErr, "event_day",
            "请填写有效的日期（YYYY-MM-DD，1949年10月1日之后，不晚于今天）");
}

int app_action_register(AppAct *x, const char *zFileName, const char *zFileType,
                        const void *pFile, size_t nFile,
                        AppFieldErr aErr[APP_MAX_ERRORS], int *pnErr,
                        char zCode[32]) {
  AppInput in;
  char zIdNorm[64];
  int64_t org;
  const AppChannel *ch;
  Date dEvent = 0;
  x->status = 0;
  x->zErr = NULL;
  memset(&x->a, 0, sizeof x->a);
  register_check(x, &in, zIdNorm, &org, &ch, &dEvent, aErr, pnErr);
  if (*pnErr) return fail(x, 422, aErr[0].zMsg);
  char *zWhy = NULL;
  cal_init(&x->cal);
  int rc = store_app_calendar(x->store, &x->cal);
  Date dRec = deadline_receipt_date(ch->eDl, dEvent, &x->cal, &zWhy);
  cal_free(&x->cal);
  char *zRec = arena_alloc(x->arena, DATE_STRLEN);
  x->a.orgId = org;
  x->a.zChannel = ch->zId;
  x->a.zReceivedOn = date_format(dRec, zRec);
  x->a.zReceiptNote = arena_strdup(x->arena, zWhy ? zWhy : "");
  free(zWhy);
  if (rc == STORE_OK) rc = store_begin(x->store);
  if (rc != STORE_OK) return fail(x, 500, store_errmsg(x->store));
  const char *zAction = x->who->userId
                            ? "登记"
                            : app_fmt(x, "登记（%s）%s", x->who->zName, "");
  rc = app_store_new(x->store, x->arena, x->zSecretKey, &x->a, &in, zIdNorm,
                     x->who->userId, zAction, zFileName, zFileType, pFile,
                     nFile, x->dToday, zCode);
  if (rc == STORE_OK) rc = store_commit(x->store);
  if (rc != STORE_OK) {
    const char *zMsg = store_errmsg(x->store);
    zMsg = arena_strdup(x->arena, zMsg && zMsg[0] ? zMsg : "保存申请失败");
    store_rollback(x->store);
    return fail(x, 500, zMsg);
  }
  store_audit(x->store, x->who->userId, org, "application.register",
              x->a.zRegNo);
  return 0;
}
