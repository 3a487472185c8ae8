/*
** app_steps_fee.c — the fee steps (国办函〔2020〕109号: notice, payment,
** waiver, lapse) and the reconsideration and litigation records (table 四)
** of the application workflow; see app_steps.h.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app_steps.h"
#include "core/fees.h"

/* The fee notice: the amount computed by core/fees. */
static const char *fee_notice(AppAct *x, AppEventRec *e, const char *zNote) {
  const char *zMethod = app_p(x, "method", "");
  int64_t nCount = 0;
  FeeResult fr;
  const char *zErr = NULL;
  memset(&fr, 0, sizeof fr);
  if (strcmp(x->a.zFeeStatus, "none")) return "已发出过收费通知";
  if (app_p_int(x, "count", 1, FEE_MAX_COUNT, &nCount) != 1)
    return "请填写件数或页数（正整数）";
  FeeRequest q = {DATE_NONE, zMethod, x->a.zForm, 0, (int)nCount};
  date_parse(x->a.zReceivedOn, &q.dReceived);
  if (!strcmp(zMethod, "per_item")) {
    q.nPrior = store_app_month_count(x->store, x->a.zIdHash, x->a.zReceivedOn,
                                     x->a.id);
    if (q.nPrior < 0) q.nPrior = 0;
  }
  if (fee_compute(&q, &fr) != FEE_OK) {
    zErr = arena_strdup(x->arena, fr.zText ? fr.zText : "收费参数无效");
    fee_result_free(&fr);
    return zErr;
  }
  if (fr.nYuan <= 0) zErr = "按该方式计算不需收费，无需发出收费通知";
  if (!zErr) {
    /* The payment deadline: 20 working days (国办函〔2020〕109号). */
    Date dN, dLim;
    char zYuan[32];
    date_parse(e->zOn, &dN);
    dLim = cal_add_workdays(&x->cal, dN, DL_FEE_PAY_DAYS);
    if (e->zLimit[0]) date_parse(e->zLimit, &dLim);
    char *zNotice = fee_notice_text(zMethod, fr.nYuan, fr.zText, dLim);
    snprintf(zYuan, sizeof zYuan, "%lld元。", (long long)fr.nYuan);
    e->zKind = "fee_notice";
    e->zText = app_fmt(x, "%s%s", zYuan, zNotice ? zNotice : "");
    free(zNotice);
    zErr = app_clock_accepts(x, e);
  }
  if (!zErr &&
      (store_app_event_add(x->store, x->a.id, e, x->who->userId) != STORE_OK ||
       store_app_set_fee(x->store, x->a.id, zMethod, (int)nCount, fr.nYuan,
                         "notified", zNote) != STORE_OK ||
       app_notice_for(x, e) != STORE_OK ||
       app_log(x, "收费通知", e->zText) !=
           STORE_OK))
    zErr = store_errmsg(x->store);
  fee_result_free(&fr);
  return zErr;
}

/* Payment, waiver or lapse (the lapse closes the case, （六）2). */
static const char *fee_settle(AppAct *x, AppEventRec *e, const char *zOp,
                              const char *zNote) {
  int bWaive = !strcmp(zOp, "waive"), bLapse = !strcmp(zOp, "lapse");
  const char *zErr;
  if (strcmp(x->a.zFeeStatus, "notified")) return "尚未发出收费通知";
  if (bWaive && !zNote[0]) return "减免须说明理由";
  e->zKind = bLapse ? "fee_lapsed" : "fee_paid";
  e->zText = bWaive ? app_fmt(x, "减免：%s%s", zNote, "") : zNote;
  e->zLimit = "";
  if ((zErr = app_clock_accepts(x, e))) return zErr;
  const char *zStatus = bLapse ? "unpaid" : bWaive ? "waived" : "paid";
  const char *zLog = bLapse ? "逾期未缴费" : bWaive ? "减免收费" : "已缴费";
  if (store_app_event_add(x->store, x->a.id, e, x->who->userId) != STORE_OK ||
      store_app_set_fee(x->store, x->a.id, x->a.zFeeMethod, x->a.feeCount,
                        x->a.feeYuan, zStatus, zNote) != STORE_OK ||
      app_log(x, zLog, zNote) !=
          STORE_OK)
    return store_errmsg(x->store);
  if (bLapse && store_app_close(x->store, x->a.id, "results.other.fee_unpaid",
                                e->zOn, zNote) != STORE_OK)
    return store_errmsg(x->store);
  return NULL;
}

const char *step_fee(AppAct *x) {
  const char *zOp = app_p(x, "op", "");
  const char *zNote = app_p(x, "note", "");
  AppEventRec e;
  Date d;
  memset(&e, 0, sizeof e);
  e.zOn = app_p(x, "on_day", "");
  if (date_parse(e.zOn, &d) || d > x->dToday)
    return "请填写有效的日期（不晚于今天）";
  e.zLimit = app_p(x, "limit_day", "");
  if (e.zLimit[0] && date_parse(e.zLimit, &d)) return "缴费期限无效";
  if (strlen(zNote) > 300) return "说明过长";
  if (!strcmp(zOp, "notice")) return fee_notice(x, &e, zNote);
  if (!strcmp(zOp, "paid") || !strcmp(zOp, "waive") || !strcmp(zOp, "lapse"))
    return fee_settle(x, &e, zOp, zNote);
  return "收费操作无效";
}

/* Checks a review record's kind, result and dates; NULL or a message. */
static const char *review_check(const AppReview *v) {
  Date d1, d2;
  if (!app_code(aAppReviewKind, v->zKind)) return "请选择复议或诉讼类型";
  if (!app_code(aAppReviewResult, v->zResult)) return "请选择结果";
  if (date_parse(v->zFiledOn, &d1)) return "请填写申请或起诉日期";
  if (v->zDecidedOn[0] && date_parse(v->zDecidedOn, &d2))
    return "决定或判决日期无效";
  if (v->zDecidedOn[0] && d2 < d1)
    return "决定或判决日期不能早于申请或起诉日期";
  if (strcmp(v->zResult, "pending") && !v->zDecidedOn[0])
    return "已审结的案件须填写决定或判决日期";
  if (!strcmp(v->zResult, "pending") && v->zDecidedOn[0])
    return "尚未审结的案件不应填写决定或判决日期";
  return NULL;
}

const char *step_review(AppAct *x) {
  AppReview v;
  const char *zErr;
  memset(&v, 0, sizeof v);
  v.appId = x->a.id;
  v.zKind = app_p(x, "kind", "");
  v.zResult = app_p(x, "result", "");
  v.zFiledOn = app_p(x, "filed_on", "");
  v.zDecidedOn = app_p(x, "decided_on", "");
  v.zBody = app_p(x, "body", "");
  v.zCaseNo = app_p(x, "case_no", "");
  v.zNote = app_p(x, "note", "");
  if ((zErr = review_check(&v))) return zErr;
  if (store_app_review_add(x->store, &v) != STORE_OK ||
      app_log(x, app_label(aAppReviewKind, v.zKind),
                    app_label(aAppReviewResult, v.zResult)) != STORE_OK)
    return store_errmsg(x->store);
  return NULL;
}

const char *step_review_decide(AppAct *x) {
  int64_t rid = 0;
  const char *zResult = app_p(x, "result", "");
  const char *zDay = app_p(x, "decided_on", "");
  Date d;
  AppReview *aRev;
  int nRev;
  const AppReview *pRev = NULL;
  app_p_int(x, "review_id", 1, INT64_MAX, &rid);
  if (store_app_reviews(x->store, x->arena, x->a.id, &aRev, &nRev) ==
      STORE_OK)
    for (int i = 0; i < nRev; i++)
      if (aRev[i].id == rid) pRev = &aRev[i];
  if (!pRev) return "该案件不存在";
  if (!app_code(aAppReviewResult, zResult) || !strcmp(zResult, "pending"))
    return "请选择审结结果";
  if (date_parse(zDay, &d) || strcmp(zDay, pRev->zFiledOn) < 0)
    return "决定或判决日期无效或早于申请、起诉日期";
  if (store_app_review_decide(x->store, x->a.id, rid, zResult, zDay) !=
          STORE_OK ||
      app_log(x, app_label(aAppReviewKind, pRev->zKind),
                    app_label(aAppReviewResult, zResult)) != STORE_OK)
    return store_errmsg(x->store);
  return NULL;
}
