/*
** deadline.c — the application answer clock (see deadline.h for the rules).
**
** The events are replayed in date order over a small state: the current
** start date (receipt, or receipt of the corrected application), the list
** of pauses (consultations; the fee wait unless it counts), the extension
** and an Art. 35 deadline.  The due date is then "the day the
** 20 (+ extension) counted working days after the start are used up", where
** a working day inside a pause (s, e] is not counted.  Pauses may overlap
** (a third party and another organ consulted at once); they are merged.
*/
#include "core/deadline.h"

#include <stdlib.h>
#include <string.h>

#include "lib/buf.h"

enum { PK_THIRD = 1, PK_ORGAN, PK_FEE };   /* pause kinds */

typedef struct Pause {
  Date dStart;     /* consultation / notice sent: still counted */
  Date dEnd;       /* reply / payment: first uncounted day ends here;
                   ** DATE_NONE while still open */
  int eKind;       /* PK_* */
} Pause;

typedef struct State {
  Date dStart;       /* start of the 20-day period */
  int nExt;          /* extension in working days, 0 if none */
  Pause *aPause;     /* pauses since dStart */
  int nPause;        /* entries in aPause */
  int iOpen[4];      /* index of the open pause per PK_*, or -1 */
  int bCorrUsed;     /* a correction notice has been sent */
  int bAwaitCorr;    /* waiting for the corrected application */
  Date dCorrLimit;   /* correction deadline given, or DATE_NONE */
  Date dFeeLimit;    /* payment deadline given, or DATE_NONE */
  Date dArt35;       /* Art. 35 deadline, or DATE_NONE */
  DlStatus eClosed;  /* 0, DL_ST_ABANDONED, DL_ST_FEE_UNPAID, DL_ST_ANSWERED */
  Date dClosed;      /* when it closed */
} State;

/* Appends a step whose text z the result takes over. */
static void add_step(DlResult *pRes, Date d, int bWarn, char *z) {
  pRes->aStep = xrealloc(pRes->aStep,
                         (size_t)(pRes->nStep + 1) * sizeof pRes->aStep[0]);
  pRes->aStep[pRes->nStep].date = d;
  pRes->aStep[pRes->nStep].bWarn = bWarn;
  pRes->aStep[pRes->nStep].zText = z;
  pRes->nStep++;
}

/* Records the error message z (taken over); returns DL_EINVAL. */
static int fail(DlResult *pRes, char *z) {
  free(pRes->zErr);
  pRes->zErr = z;
  return DL_EINVAL;
}

static int pause_cmp(const void *a, const void *b) {
  const Pause *p = a, *q = b;
  return (p->dStart > q->dStart) - (p->dStart < q->dStart);
}

/*
** The due date for nDays counted working days after dStart, skipping the
** pauses aP[0..n) (any order, may overlap; DATE_NONE end = open).  Returns
** DATE_NONE when an open pause is reached before the days are used up, and
** then stores the days still unused in *pnLeft.  Allocates a scratch copy.
*/
static Date due_with_pauses(const Calendar *pCal, Date dStart, int nDays,
                            const Pause *aP, int n, int *pnLeft) {
  Pause *a = xmalloc((size_t)(n ? n : 1) * sizeof a[0]);
  int nM = 0;
  if (n) memcpy(a, aP, (size_t)n * sizeof a[0]);
  qsort(a, (size_t)n, sizeof a[0], pause_cmp);
  for (int i = 0; i < n; i++) {         /* merge overlapping pauses */
    if (nM > 0 && (a[nM - 1].dEnd == DATE_NONE ||
                   a[i].dStart <= a[nM - 1].dEnd)) {
      if (a[nM - 1].dEnd != DATE_NONE &&
          (a[i].dEnd == DATE_NONE || a[i].dEnd > a[nM - 1].dEnd))
        a[nM - 1].dEnd = a[i].dEnd;
    } else {
      a[nM++] = a[i];
    }
  }
  int nLeft = nDays;
  Date dCur = dStart, dDue = DATE_NONE;
  int i;
  for (i = 0; i < nM; i++) {
    Date s = a[i].dStart, e = a[i].dEnd;
    if (e != DATE_NONE && e <= dCur) continue;
    if (s < dCur) s = dCur;
    int k = cal_workdays_between(pCal, dCur, s);
    if (k >= nLeft) break;
    nLeft -= k;
    if (e == DATE_NONE) {
      *pnLeft = nLeft;
      free(a);
      return DATE_NONE;
    }
    dCur = e;
  }
  dDue = cal_add_workdays(pCal, dCur, nLeft);
  free(a);
  return dDue;
}

/* The due date under the state as it stands (DATE_NONE if open pause). */
static Date current_due(const Calendar *pCal, const State *p, int *pnLeft) {
  int nLeft = 0;
  if (p->dArt35 != DATE_NONE) return p->dArt35;
  Date d = due_with_pauses(pCal, p->dStart, DL_ANSWER_DAYS + p->nExt,
                           p->aPause, p->nPause, &nLeft);
  if (pnLeft) *pnLeft = nLeft;
  return d;
}

Date deadline_receipt_date(DlChannel eChannel, Date dEvent,
                           const Calendar *pCal, char **pzWhy) {
  const char *zRule;
  char zD[DATE_STRLEN];
  switch (eChannel) {
    case DL_CH_IN_PERSON:
      zRule = "当面提交申请，以提交之日为收到申请之日（第三十一条第一项）";
      break;
    case DL_CH_ORAL:
      zRule = "口头提出申请，由政府信息公开工作机构代为填写（第二十九条），"
              "以提出之日为收到申请之日（第三十一条第一项）";
      break;
    case DL_CH_POST_SIGNED:
      zRule = "以邮寄方式提交申请，以行政机关签收之日为收到申请之日"
              "（第三十一条第二项）";
      break;
    case DL_CH_POST_ORDINARY:
      zRule = "以无需签收的平常信函提交申请，以政府信息公开工作机构于收到"
              "当日与申请人确认之日为收到申请之日（第三十一条第二项）";
      break;
    case DL_CH_ONLINE:
      zRule = "通过互联网渠道提交申请，以双方确认之日为收到申请之日"
              "（第三十一条第三项）";
      break;
    case DL_CH_FAX:
      zRule = "通过政府信息公开工作机构的传真提交申请，以双方确认之日为"
              "收到申请之日（第三十一条第三项）";
      break;
    default:
      if (pzWhy) *pzWhy = NULL;
      return DATE_NONE;
  }
  if (pzWhy) {
    int bOff = pCal && !cal_is_workday(pCal, dEvent);
    *pzWhy = mprintf("%s %s%s", date_format(dEvent, zD), zRule,
                     bOff ? "；该日为非工作日，期限自其后第一个工作日起算"
                          : "");
  }
  return dEvent;
}

static const char *zConsultName[] = {"", "第三方", "其他机关", ""};

int deadline_compute(const Calendar *pCal, Date dReceipt, const DlEvent *aEv,
                     int nEv, const DlParams *pParams, Date dToday,
                     DlResult *pRes) {
  static const DlParams defaults = DL_PARAMS_DEFAULT;
  const DlParams *pP = pParams ? pParams : &defaults;
  char z1[DATE_STRLEN], z2[DATE_STRLEN], z3[DATE_STRLEN];
  State st;
  int rc = DL_OK, nLeft = 0;
  Date dLast = dReceipt;

  memset(pRes, 0, sizeof *pRes);
  pRes->dReceipt = dReceipt;
  pRes->dDue = DATE_NONE;
  memset(&st, 0, sizeof st);
  st.dStart = dReceipt;
  st.dCorrLimit = st.dFeeLimit = st.dArt35 = DATE_NONE;
  for (int k = 0; k < 4; k++) st.iOpen[k] = -1;
  st.aPause = xmalloc((size_t)(nEv + 1) * sizeof st.aPause[0]);

  /* Sort the events by date, keeping the given order within a day. */
  int *aIdx = xmalloc((size_t)(nEv + 1) * sizeof aIdx[0]);
  for (int i = 0; i < nEv; i++) {
    int j = i;
    while (j > 0 && aEv[aIdx[j - 1]].date > aEv[i].date) {
      aIdx[j] = aIdx[j - 1];
      j--;
    }
    aIdx[j] = i;
  }

  add_step(pRes, dReceipt, 0,
           mprintf("%s 收到申请（第三十一条）", date_format(dReceipt, z1)));
  add_step(pRes, DATE_NONE, 0,
           mprintf("答复期限：收到申请之日起%d个工作日内，即%s"
                   "（第三十三条第一款）",
                   DL_ANSWER_DAYS,
                   date_format(cal_add_workdays(pCal, dReceipt, DL_ANSWER_DAYS),
                               z2)));

  for (int ii = 0; ii < nEv && rc == DL_OK; ii++) {
    const DlEvent *e = &aEv[aIdx[ii]];
    Date d = e->date;
    date_format(d, z1);
    if (d == DATE_NONE || d < dReceipt) {
      rc = fail(pRes, mprintf("事件日期 %s 早于收到申请之日 %s", z1,
                              date_format(dReceipt, z2)));
      break;
    }
    if (d > dLast) dLast = d;
    if (st.eClosed) {
      rc = fail(pRes, mprintf("申请已于 %s 办结或终止，%s 不能再登记事件",
                              date_format(st.dClosed, z2), z1));
      break;
    }
    if (st.bAwaitCorr && e->eKind != DL_EV_CORRECTION_RECEIVED &&
        e->eKind != DL_EV_CORRECTION_LAPSED && e->eKind != DL_EV_ANSWERED) {
      rc = fail(pRes, mprintf("%s 正在等待申请人补正，只能登记收到补正、"
                              "逾期未补正或答复", z1));
      break;
    }
    switch (e->eKind) {
      case DL_EV_CORRECTION_SENT: {
        if (st.bCorrUsed) {
          rc = fail(pRes, mprintf("%s 补正通知只能发出一次，应一次性告知需要"
                                  "补正的事项（第三十条）", z1));
          break;
        }
        st.bCorrUsed = st.bAwaitCorr = 1;
        st.dCorrLimit = e->dLimit;
        if (e->dLimit != DATE_NONE && e->dLimit < d) {
          rc = fail(pRes, mprintf("补正期限 %s 早于补正通知日期 %s",
                                  date_format(e->dLimit, z2), z1));
          break;
        }
        add_step(pRes, d, 0,
                 mprintf("%s 发出补正通知，一次性告知申请人需要补正的事项%s%s"
                         "（第三十条）", z1,
                         e->dLimit != DATE_NONE ? "，补正期限至 " : "",
                         e->dLimit != DATE_NONE ? date_format(e->dLimit, z2)
                                                : ""));
        Date dLim = cal_add_workdays(pCal, st.dStart, DL_CORRECTION_DAYS);
        if (d > dLim) {
          add_step(pRes, d, 1,
                   mprintf("补正通知应当自收到申请之日起%d个工作日内发出，即"
                           "不迟于 %s；本次迟延%d个工作日（第三十条）",
                           DL_CORRECTION_DAYS, date_format(dLim, z2),
                           cal_workdays_between(pCal, dLim, d)));
        }
        break;
      }
      case DL_EV_CORRECTION_RECEIVED:
        if (!st.bAwaitCorr) {
          rc = fail(pRes, mprintf("%s 登记收到补正，但未发出补正通知或已"
                                  "收到过补正", z1));
          break;
        }
        st.bAwaitCorr = 0;
        st.dStart = d;
        st.nPause = 0;   /* the original clock is void (Art. 30) */
        for (int k = 0; k < 4; k++) st.iOpen[k] = -1;
        st.nExt = 0;
        st.dArt35 = DATE_NONE;
        pRes->dReceipt = d;
        add_step(pRes, d, 0,
                 mprintf("%s 收到补正后的申请，答复期限自该日起重新计算"
                         "（第三十条）", z1));
        if (st.dCorrLimit != DATE_NONE && d > st.dCorrLimit)
          add_step(pRes, d, 1,
                   mprintf("补正晚于补正期限 %s；是否有正当理由应予记录"
                           "（第三十条）", date_format(st.dCorrLimit, z2)));
        add_step(pRes, DATE_NONE, 0,
                 mprintf("答复期限：收到补正后的申请之日起%d个工作日内，即%s"
                         "（第三十三条第一款）", DL_ANSWER_DAYS,
                         date_format(cal_add_workdays(pCal, d, DL_ANSWER_DAYS),
                                     z2)));
        break;
      case DL_EV_CORRECTION_LAPSED:
        if (!st.bAwaitCorr) {
          rc = fail(pRes, mprintf("%s 登记逾期未补正，但并未在等待补正", z1));
          break;
        }
        if (st.dCorrLimit != DATE_NONE && d <= st.dCorrLimit) {
          rc = fail(pRes, mprintf("补正期限至 %s，%s 尚未届满",
                                  date_format(st.dCorrLimit, z2), z1));
          break;
        }
        st.bAwaitCorr = 0;
        st.eClosed = DL_ST_ABANDONED;
        st.dClosed = d;
        add_step(pRes, d, 0,
                 mprintf("%s 申请人无正当理由逾期不补正，视为放弃申请，行政"
                         "机关不再处理该申请（第三十条）", z1));
        break;
      case DL_EV_THIRD_PARTY_START:
      case DL_EV_ORGAN_START:
      case DL_EV_FEE_NOTICE: {
        int k = e->eKind == DL_EV_THIRD_PARTY_START ? PK_THIRD
              : e->eKind == DL_EV_ORGAN_START      ? PK_ORGAN
                                                   : PK_FEE;
        if (st.iOpen[k] >= 0) {
          rc = fail(pRes, mprintf("%s 上一次%s尚未结束", z1,
                                  k == PK_FEE ? "收费通知" : "征求意见"));
          break;
        }
        if (k == PK_FEE) {
          st.dFeeLimit = e->dLimit;
          add_step(pRes, d, 0,
                   mprintf("%s 发出收费通知%s%s（国办函〔2020〕109号）", z1,
                           e->dLimit != DATE_NONE ? "，缴费期限至 " : "",
                           e->dLimit != DATE_NONE ? date_format(e->dLimit, z2)
                                                  : ""));
          if (pP->bFeeWaitCounted) break;   /* the wait counts: no pause */
        } else if (k == PK_THIRD) {
          add_step(pRes, d, 0,
                   mprintf("%s 书面征求第三方意见；第三方应当自收到之日起%d个"
                           "工作日内提出意见，逾期未提出的由行政机关依照本"
                           "条例决定是否公开（第三十二条）；自发出之日起算为"
                           " %s",
                           z1, DL_CONSULT_DAYS,
                           date_format(cal_add_workdays(pCal, d,
                                                        DL_CONSULT_DAYS),
                                       z2)));
        } else {
          add_step(pRes, d, 0,
                   mprintf("%s 征求其他机关意见；被征求意见机关应当自收到之日"
                           "起%d个工作日内提出意见，逾期未提出的视为同意公开"
                           "（第三十四条）；自发出之日起算为 %s",
                           z1, DL_CONSULT_DAYS,
                           date_format(cal_add_workdays(pCal, d,
                                                        DL_CONSULT_DAYS),
                                       z2)));
        }
        int nBefore = 0;
        Date dDueNow = current_due(pCal, &st, &nBefore);
        if (dDueNow != DATE_NONE && d > dDueNow)
          add_step(pRes, d, 1,
                   mprintf("%s 时答复期限（%s）已经届满，此后的%s不能顺延期限",
                           z1, date_format(dDueNow, z2),
                           k == PK_FEE ? "等待缴费时间" : "征求意见时间"));
        st.aPause[st.nPause].dStart = d;
        st.aPause[st.nPause].dEnd = DATE_NONE;
        st.aPause[st.nPause].eKind = k;
        st.iOpen[k] = st.nPause++;
        break;
      }
      case DL_EV_THIRD_PARTY_END:
      case DL_EV_ORGAN_END:
      case DL_EV_FEE_PAID: {
        int k = e->eKind == DL_EV_THIRD_PARTY_END ? PK_THIRD
              : e->eKind == DL_EV_ORGAN_END      ? PK_ORGAN
                                                 : PK_FEE;
        if (k == PK_FEE && pP->bFeeWaitCounted) {
          add_step(pRes, d, 0,
                   mprintf("%s 申请人缴纳信息处理费；等待缴费的时间计入答复"
                           "期限（本系统设置）", z1));
          break;
        }
        int i = st.iOpen[k];
        if (i < 0) {
          rc = fail(pRes, mprintf("%s 登记%s，但没有对应的%s", z1,
                                  k == PK_FEE ? "缴费" : "征求意见结束",
                                  k == PK_FEE ? "收费通知" : "征求意见开始"));
          break;
        }
        st.aPause[i].dEnd = d;
        st.iOpen[k] = -1;
        Date s = st.aPause[i].dStart;
        int nOff = cal_workdays_between(pCal, s, d);
        if (k == PK_FEE) {
          add_step(pRes, d, 0,
                   mprintf("%s 至 %s 等待申请人缴费，其间%d个工作日不计入答复"
                           "期限（本系统设置；国办函〔2020〕109号相应条款未"
                           "核实）", date_format(s, z2), z1, nOff));
        } else {
          add_step(pRes, d, 0,
                   mprintf("%s 至 %s 征求%s意见，其间%d个工作日不计入答复期限"
                           "（%s、第三十三条第二款）", date_format(s, z2), z1,
                           zConsultName[k], nOff,
                           k == PK_THIRD ? "第三十二条" : "第三十四条"));
        }
        break;
      }
      case DL_EV_EXTENSION: {
        if (st.nExt > 0) {
          rc = fail(pRes, mprintf("%s 答复期限已经延长过一次，不能再次延长"
                                  "（第三十三条第一款）", z1));
          break;
        }
        if (e->nDays < 1 || e->nDays > DL_EXTENSION_MAX) {
          rc = fail(pRes, mprintf("延长的期限最长不得超过%d个工作日，申请延长"
                                  "%d个工作日（第三十三条第一款）",
                                  DL_EXTENSION_MAX, e->nDays));
          break;
        }
        if (!e->zText || !e->zText[0]) {
          rc = fail(pRes, mprintf("延长答复期限应当经政府信息公开工作机构负责"
                                  "人同意，未登记批准人（第三十三条第一款）"));
          break;
        }
        if (st.dArt35 != DATE_NONE) {
          rc = fail(pRes, mprintf("已依第三十五条确定答复期限，不再适用延期"));
          break;
        }
        Date dOld = current_due(pCal, &st, NULL);
        st.nExt = e->nDays;
        add_step(pRes, d, 0,
                 mprintf("%s 经政府信息公开工作机构负责人（%s）同意并告知"
                         "申请人，答复期限延长%d个工作日（第三十三条第一款）",
                         z1, e->zText, e->nDays));
        if (dOld != DATE_NONE && d > dOld)
          add_step(pRes, d, 1,
                   mprintf("延期决定晚于原答复期限 %s，应在期限届满前作出",
                           date_format(dOld, z2)));
        break;
      }
      case DL_EV_ART35: {
        if (e->dLimit == DATE_NONE) {
          rc = fail(pRes, mprintf("%s 依第三十五条确定延迟答复期限，但未填写"
                                  "期限", z1));
          break;
        }
        if (!e->zText || !e->zText[0]) {
          rc = fail(pRes, mprintf("%s 依第三十五条确定延迟答复期限，应当记录"
                                  "理由", z1));
          break;
        }
        Date dStat = current_due(pCal, &st, NULL);
        if (dStat != DATE_NONE && e->dLimit <= dStat) {
          rc = fail(pRes, mprintf("第三十五条确定的期限 %s 不晚于第三十三条"
                                  "规定的期限 %s，无需适用第三十五条",
                                  date_format(e->dLimit, z2),
                                  date_format(dStat, z3)));
          break;
        }
        st.dArt35 = e->dLimit;
        add_step(pRes, d, 0,
                 mprintf("%s 申请数量、频次明显超过合理范围，申请人说明的理由"
                         "合理但无法在第三十三条规定的期限内答复，确定合理的"
                         "答复期限至 %s 并告知申请人（第三十五条）；理由：%s",
                         z1, date_format(e->dLimit, z2), e->zText));
        break;
      }
      case DL_EV_FEE_LAPSED:
        if (st.iOpen[PK_FEE] < 0 && !pP->bFeeWaitCounted) {
          rc = fail(pRes, mprintf("%s 登记逾期未缴费，但没有未缴的收费通知",
                                  z1));
          break;
        }
        if (st.dFeeLimit != DATE_NONE && d <= st.dFeeLimit) {
          rc = fail(pRes, mprintf("缴费期限至 %s，%s 尚未届满",
                                  date_format(st.dFeeLimit, z2), z1));
          break;
        }
        st.eClosed = DL_ST_FEE_UNPAID;
        st.dClosed = d;
        add_step(pRes, d, 0,
                 mprintf("%s 申请人逾期未按收费通知要求缴纳费用，行政机关不再"
                         "处理其政府信息公开申请（国办函〔2020〕109号）", z1));
        break;
      case DL_EV_ANSWERED:
        st.eClosed = DL_ST_ANSWERED;
        st.dClosed = d;
        add_step(pRes, d, 0, mprintf("%s 作出答复（第三十六条）", z1));
        break;
      default:
        rc = fail(pRes, mprintf("未知的事件类型 %d", (int)e->eKind));
        break;
    }
  }

  if (rc == DL_OK) {
    if (st.eClosed == DL_ST_ABANDONED || st.eClosed == DL_ST_FEE_UNPAID) {
      pRes->eStatus = st.eClosed;
    } else if (st.bAwaitCorr) {
      pRes->eStatus = DL_ST_AWAIT_CORRECTION;
      pRes->nLeft = DL_ANSWER_DAYS;
      if (st.dCorrLimit != DATE_NONE && dToday > st.dCorrLimit)
        add_step(pRes, dToday, 1,
                 mprintf("补正期限 %s 已过，申请人仍未补正；无正当理由的，"
                         "视为放弃申请（第三十条）",
                         date_format(st.dCorrLimit, z1)));
    } else {
      Date dDue = current_due(pCal, &st, &nLeft);
      pRes->dDue = dDue;
      int bChanged = st.nPause > 0 || st.nExt > 0 || st.dArt35 != DATE_NONE;
      if (dDue == DATE_NONE) {
        pRes->nLeft = nLeft;
        pRes->eStatus = st.iOpen[PK_THIRD] >= 0 || st.iOpen[PK_ORGAN] >= 0
                            ? DL_ST_PAUSED : DL_ST_AWAIT_FEE;
        add_step(pRes, DATE_NONE, 0,
                 mprintf("期限暂停计算，尚余%d个工作日（第三十三条第二款）",
                         nLeft));
        if (pRes->eStatus == DL_ST_AWAIT_FEE && st.dFeeLimit != DATE_NONE &&
            dToday > st.dFeeLimit)
          add_step(pRes, dToday, 1,
                   mprintf("缴费期限 %s 已过，申请人仍未缴费",
                           date_format(st.dFeeLimit, z1)));
      } else {
        if (bChanged && st.dArt35 == DATE_NONE)
          add_step(pRes, dDue, 0,
                   mprintf("%s后，答复期限届满日为 %s（第三十三条）",
                           st.nPause == 0 ? "加上延长的期限"
                           : st.nExt ? "扣除不计入期限的时间并加上延长的期限"
                                     : "扣除不计入期限的时间",
                           date_format(dDue, z1)));
        else if (st.dArt35 != DATE_NONE)
          add_step(pRes, dDue, 0,
                   mprintf("答复期限届满日为 %s（第三十五条）",
                           date_format(dDue, z1)));
        if (st.eClosed == DL_ST_ANSWERED) {
          Date a = st.dClosed;
          pRes->eStatus = a <= dDue ? DL_ST_ANSWERED : DL_ST_ANSWERED_LATE;
          pRes->nLeft = a <= dDue ? cal_workdays_between(pCal, a, dDue)
                                  : -cal_workdays_between(pCal, dDue, a);
          if (a > dDue)
            add_step(pRes, a, 1,
                     mprintf("答复晚于答复期限 %s，超期%d个工作日",
                             date_format(dDue, z1), -pRes->nLeft));
        } else if (dToday > dDue) {
          pRes->eStatus = DL_ST_OVERDUE;
          pRes->nLeft = -cal_workdays_between(pCal, dDue, dToday);
        } else {
          pRes->nLeft = cal_workdays_between(pCal, dToday, dDue);
          pRes->eStatus = pRes->nLeft <= pP->nDueSoon ? DL_ST_DUE_SOON
                                                      : DL_ST_OPEN;
        }
        if (dDue > dLast) dLast = dDue;
      }
    }
    int yMiss = 0;
    Date dHi = dLast > dToday ? dLast : dToday;
    if (!cal_covers_range(pCal, dReceipt, dHi, &yMiss)) {
      pRes->bUncovered = 1;
      add_step(pRes, DATE_NONE, 1,
               mprintf("注意：尚未载入%d年的法定节假日安排，该年按周一至周五"
                       "计算工作日，结果可能不准确", yMiss));
    }
  }
  free(aIdx);
  free(st.aPause);
  return rc;
}

void deadline_result_free(DlResult *pRes) {
  for (int i = 0; i < pRes->nStep; i++) free(pRes->aStep[i].zText);
  free(pRes->aStep);
  free(pRes->zErr);
  memset(pRes, 0, sizeof *pRes);
  pRes->dReceipt = pRes->dDue = DATE_NONE;
}

const char *deadline_status_label(DlStatus e) {
  switch (e) {
    case DL_ST_OPEN: return "办理中";
    case DL_ST_DUE_SOON: return "即将到期";
    case DL_ST_OVERDUE: return "已超期";
    case DL_ST_PAUSED: return "征求意见中（期限暂停）";
    case DL_ST_AWAIT_CORRECTION: return "等待补正";
    case DL_ST_AWAIT_FEE: return "等待缴费";
    case DL_ST_ABANDONED: return "逾期未补正，视为放弃";
    case DL_ST_FEE_UNPAID: return "逾期未缴费，不再处理";
    case DL_ST_ANSWERED: return "已按期答复";
    case DL_ST_ANSWERED_LATE: return "超期答复";
  }
  return "未知";
}
