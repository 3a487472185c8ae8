/*
** deadline.c — the application answer clock (see deadline.h for the rules).
**
** One state (struct Clock): the current start date (receipt, or receipt
** of the corrected application), the pauses (consultations; the fee wait
** unless it counts), the extension, an Art. 35 deadline, the correction
** and payment limits, and whether the case is closed.  The events are
** replayed in date order; each kind is one row of aRule: a function that
** checks the event against the state and the regime in force on the
** receipt date (core/regime.h), updates the state and writes its step
** with the article.  The due date is then "the day the 20 (+ extension)
** counted working days after the start are used up", where a working day
** inside a pause (s, e] is not counted.  Pauses may overlap (a third party
** and another organ consulted at once); they are merged.  A consultation
** pause ends at the reply or, at the latest, when the consulted party's
** 15 working days are over.
*/
#include "core/deadline.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/regime.h"
#include "lib/buf.h"

enum { PK_THIRD = 1, PK_ORGAN, PK_FEE };   /* pause kinds */
#define OPEN_COUNTED (-2)  /* iOpen: open consultation that pauses nothing */

typedef struct Pause {
  Date dStart;     /* consultation / notice sent: still counted */
  Date dEnd;       /* reply / payment: first uncounted day ends here;
                   ** DATE_NONE while still open */
  Date dCap;       /* the consulted party's last day, or DATE_NONE */
  int eKind;       /* PK_* */
} Pause;

/* The one state the events are replayed over. */
typedef struct Clock {
  const Calendar *pCal;
  const DlParams *pP;
  const Regime *pR;  /* the Regulation in force on the receipt date */
  DlResult *pRes;
  Date dReceipt;     /* first receipt (regime, fees) */
  Date dToday;
  Date dStart;       /* start of the answer period */
  int nExt;          /* extension in working days, 0 if none */
  Pause *aPause;     /* pauses since dStart */
  int nPause;        /* entries in aPause */
  int iOpen[4];      /* index of the open pause per PK_*, -1, OPEN_COUNTED */
  int bThirdAsked;   /* a third party was consulted */
  int bCorrUsed;     /* a correction notice has been sent */
  int bAwaitCorr;    /* waiting for the corrected application */
  Date dCorrLimit;   /* correction deadline */
  Date dFeeLimit;    /* payment deadline, or DATE_NONE */
  Date dArt35;       /* Art. 35 deadline, or DATE_NONE */
  DlStatus eClosed;  /* 0, DL_ST_ABANDONED, DL_ST_FEE_UNPAID, DL_ST_ANSWERED */
  Date dClosed;      /* when it closed */
  char z1[DATE_STRLEN], z2[DATE_STRLEN], z3[DATE_STRLEN];
} Clock;

/* Appends a step whose text z the result takes over. */
static void add_step(DlResult *pRes, Date d, int bWarn, char *z) {
  pRes->aStep = xrealloc(pRes->aStep,
                         (size_t)(pRes->nStep + 1) * sizeof pRes->aStep[0]);
  pRes->aStep[pRes->nStep].date = d;
  pRes->aStep[pRes->nStep].bWarn = bWarn;
  pRes->aStep[pRes->nStep].zText = z;
  pRes->nStep++;
}

static void step(Clock *c, Date d, int bWarn, char *z) {
  add_step(c->pRes, d, bWarn, z);
}

/* Records the error message z (taken over); returns DL_EINVAL. */
static int fail(Clock *c, char *z) {
  free(c->pRes->zErr);
  c->pRes->zErr = z;
  return DL_EINVAL;
}

/* "（第三十三条第二款）" or "（原条例第二十四条第二款）" for article zArt of
** the regime (static buffer per call site is not needed: the result goes
** straight into mprintf). */
static const char *art(const Clock *c, const char *zArt, char z[96]) {
  snprintf(z, 96, "（%s%s）", c->pR->zCite, zArt);
  return z;
}

static const char *D1(Clock *c, Date d) { return date_format(d, c->z1); }
static const char *D2(Clock *c, Date d) { return date_format(d, c->z2); }
static const char *D3(Clock *c, Date d) { return date_format(d, c->z3); }

static int pause_cmp(const void *a, const void *b) {
  const Pause *p = a, *q = b;
  return (p->dStart > q->dStart) - (p->dStart < q->dStart);
}

/* The end that counts for pause p on dToday: the reply, else the cap once
** it has passed (the consulted party's days are over), else open. */
static Date pause_end(const Pause *p, Date dToday) {
  if (p->dCap == DATE_NONE) return p->dEnd;
  if (p->dEnd != DATE_NONE) return p->dEnd < p->dCap ? p->dEnd : p->dCap;
  return dToday > p->dCap ? p->dCap : DATE_NONE;
}

/*
** The due date for nDays counted working days after dStart, skipping the
** pauses aP[0..n) (any order, may overlap; DATE_NONE end = open).  Returns
** DATE_NONE when an open pause is reached before the days are used up, and
** then stores the days still unused in *pnLeft.  Allocates a scratch copy.
*/
static Date due_with_pauses(const Calendar *pCal, Date dStart, int nDays,
                            const Pause *aP, int n, Date dToday, int *pnLeft) {
  Pause *a = xmalloc((size_t)(n ? n : 1) * sizeof a[0]);
  int nM = 0;
  for (int i = 0; i < n; i++) {
    a[i] = aP[i];
    a[i].dEnd = pause_end(&aP[i], dToday);
  }
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
  Date dCur = dStart, dDue;
  for (int i = 0; i < nM; i++) {
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
static Date current_due(const Clock *c, int *pnLeft) {
  int nLeft = 0;
  if (c->dArt35 != DATE_NONE) return c->dArt35;
  Date d = due_with_pauses(c->pCal, c->dStart, c->pR->nAnswerDays + c->nExt,
                           c->aPause, c->nPause, c->dToday, &nLeft);
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
  if (pzWhy && regime_for(dEvent)->zArtReceipt == NULL) {
    /* Before 2019-05-15: the 2007 Regulation has no receipt-date rule. */
    zRule = "收到申请（2007年条例未规定收到申请之日的确定方式，按实际收到之日"
            "计算）";
  }
  if (pzWhy) {
    int bOff = pCal && !cal_is_workday(pCal, dEvent);
    *pzWhy = mprintf("%s %s%s", date_format(dEvent, zD), zRule,
                     bOff ? "；该日为非工作日，期限自其后第一个工作日起算"
                          : "");
  }
  return dEvent;
}


/* ---- one function per event kind ---------------------------------------- */

/* The last day of a period the organ set as a calendar date d (correction,
** payment, Art. 35): when d is not a working day, the period ends on the
** first working day after it (民法典 Art. 203 ¶1, regulation.md §1.5),
** and a step says so.  A limit computed in working days is one already. */
static Date limit_day(Clock *c, Date d) {
  if (d == DATE_NONE || cal_is_workday(c->pCal, d)) return d;
  Date dLast = cal_add_workdays(c->pCal, d, 1);
  step(c, d, 0, mprintf("期限的最后一日 %s 不是工作日，顺延至 %s（《中华人民"
                        "共和国民法典》第二百零三条）", D1(c, d), D2(c, dLast)));
  return dLast;
}

static int ev_correction_sent(Clock *c, const DlEvent *e) {
  char zA[96];
  Date d = e->date;
  if (c->bCorrUsed)
    return fail(c, mprintf("%s 补正通知只能发出一次，应一次性告知需要补正的"
                           "事项%s", D1(c, d), art(c, c->pR->zArtCorr, zA)));
  if (e->dLimit != DATE_NONE && e->dLimit < d)
    return fail(c, mprintf("补正期限 %s 早于补正通知日期 %s",
                           D2(c, e->dLimit), D1(c, d)));
  c->bCorrUsed = c->bAwaitCorr = 1;
  int bDefault = e->dLimit == DATE_NONE;
  c->dCorrLimit = bDefault ? cal_add_workdays(c->pCal, d,
                                              c->pP->nCorrectionDays)
                           : limit_day(c, e->dLimit);
  step(c, d, 0, mprintf("%s 发出补正通知，一次性告知申请人需要补正的事项，"
                        "补正期限至 %s%s%s", D1(c, d), D2(c, c->dCorrLimit),
                        bDefault ? "（通知未载明期限，按本机关设置的补正期限"
                                   "计算）" : "",
                        art(c, c->pR->zArtCorr, zA)));
  if (c->pR->nCorrNoticeDays > 0) {
    Date dLim = cal_add_workdays(c->pCal, c->dStart, c->pR->nCorrNoticeDays);
    if (d > dLim)
      step(c, d, 1, mprintf("补正通知应当自收到申请之日起%d个工作日内发出，"
                            "即不迟于 %s；本次迟延%d个工作日%s",
                            c->pR->nCorrNoticeDays, D2(c, dLim),
                            cal_workdays_between(c->pCal, dLim, d),
                            art(c, c->pR->zArtCorr, zA)));
  }
  return DL_OK;
}

static int ev_correction_extended(Clock *c, const DlEvent *e) {
  char zA[96];
  if (!c->bAwaitCorr)
    return fail(c, mprintf("%s 延长补正期限，但并未在等待补正", D1(c, e->date)));
  if (e->dLimit == DATE_NONE || e->dLimit <= c->dCorrLimit)
    return fail(c, mprintf("延长后的补正期限应晚于原期限 %s",
                           D2(c, c->dCorrLimit)));
  if (e->date > c->dCorrLimit)
    return fail(c, mprintf("补正期限已于 %s 届满，%s 不能再延长",
                           D2(c, c->dCorrLimit), D1(c, e->date)));
  c->dCorrLimit = limit_day(c, e->dLimit);
  step(c, e->date, 0, mprintf("%s 经申请人申请，补正期限延长至 %s%s",
                              D1(c, e->date), D2(c, e->dLimit),
                              art(c, c->pR->zArtCorr, zA)));
  return DL_OK;
}

static int ev_correction_received(Clock *c, const DlEvent *e) {
  char zA[96], zB[96];
  Date d = e->date;
  if (!c->bAwaitCorr)
    return fail(c, mprintf("%s 登记收到补正，但未发出补正通知或已收到过补正",
                           D1(c, d)));
  c->bAwaitCorr = 0;
  c->dStart = d;
  c->nPause = 0;   /* the original clock is void (Art. 30) */
  for (int k = 0; k < 4; k++) c->iOpen[k] = -1;
  c->nExt = 0;
  c->dArt35 = DATE_NONE;
  c->pRes->dReceipt = d;
  step(c, d, 0, mprintf("%s 收到补正后的申请，答复期限自该日起重新计算%s",
                        D1(c, d), art(c, c->pR->zArtCorr, zA)));
  if (d > c->dCorrLimit)
    step(c, d, 1, mprintf("补正晚于补正期限 %s；是否有正当理由应予记录%s",
                          D2(c, c->dCorrLimit), art(c, c->pR->zArtCorr, zA)));
  step(c, DATE_NONE, 0,
       mprintf("答复期限：收到补正后的申请之日起%d个工作日内，即%s%s",
               c->pR->nAnswerDays,
               D2(c, cal_add_workdays(c->pCal, d, c->pR->nAnswerDays)),
               art(c, c->pR->zArtAnswer, zB)));
  return DL_OK;
}

static int ev_correction_lapsed(Clock *c, const DlEvent *e) {
  char zA[96];
  Date d = e->date;
  if (!c->bAwaitCorr)
    return fail(c, mprintf("%s 登记逾期未补正，但并未在等待补正", D1(c, d)));
  if (d <= c->dCorrLimit)
    return fail(c, mprintf("补正期限至 %s，%s 尚未届满，不能按逾期未补正处理",
                           D2(c, c->dCorrLimit), D1(c, d)));
  c->bAwaitCorr = 0;
  c->eClosed = DL_ST_ABANDONED;
  c->dClosed = d;
  step(c, d, 0, mprintf("%s 补正期限 %s 届满，申请人无正当理由逾期不补正，视为"
                        "放弃申请，行政机关不再处理该申请%s", D1(c, d),
                        D2(c, c->dCorrLimit), art(c, c->pR->zArtCorr, zA)));
  return DL_OK;
}

/* Opens a pause of kind k on day d with cap dCap (DATE_NONE: none). */
static void open_pause(Clock *c, int k, Date d, Date dCap) {
  c->aPause = xrealloc(c->aPause, (size_t)(c->nPause + 1) * sizeof c->aPause[0]);
  c->aPause[c->nPause].dStart = d;
  c->aPause[c->nPause].dEnd = DATE_NONE;
  c->aPause[c->nPause].dCap = dCap;
  c->aPause[c->nPause].eKind = k;
  c->iOpen[k] = c->nPause++;
}

/* Flags a pause opened after the due date: it cannot move it. */
static void warn_after_due(Clock *c, Date d, const char *zWhat) {
  Date dDue = current_due(c, NULL);
  if (dDue != DATE_NONE && d > dDue)
    step(c, d, 1, mprintf("%s 时答复期限（%s）已经届满，此后的%s不能顺延期限",
                          D1(c, d), D2(c, dDue), zWhat));
}

static int ev_consult_start(Clock *c, const DlEvent *e) {
  char zA[96], zB[96];
  int k = e->eKind == DL_EV_THIRD_PARTY_START ? PK_THIRD : PK_ORGAN;
  Date d = e->date;
  if (c->iOpen[k] != -1)
    return fail(c, mprintf("%s 上一次征求意见尚未结束", D1(c, d)));
  int n = c->pR->nConsultDays;
  Date dCap = n ? cal_add_workdays(c->pCal, d, n) : DATE_NONE;
  if (k == PK_THIRD) {
    c->bThirdAsked = 1;
    if (n)
      step(c, d, 0, mprintf("%s 书面征求第三方意见；第三方应当自收到之日起%d个"
                            "工作日内提出意见，逾期未提出的由行政机关依照本"
                            "条例决定是否公开%s；自发出之日起算为 %s",
                            D1(c, d), n, art(c, c->pR->zArtThird, zA),
                            D2(c, dCap)));
    else
      step(c, d, 0, mprintf("%s 书面征求第三方意见%s；征求意见所需时间不计算在"
                            "答复期限内%s", D1(c, d),
                            art(c, c->pR->zArtThird, zA),
                            art(c, c->pR->zArtPause, zB)));
  } else if (c->pR->zArtOrgan) {
    step(c, d, 0, mprintf("%s 征求其他机关意见；被征求意见机关应当自收到之日"
                          "起%d个工作日内提出意见，逾期未提出的视为同意公开"
                          "%s；自发出之日起算为 %s", D1(c, d), n,
                          art(c, c->pR->zArtOrgan, zA), D2(c, dCap)));
  } else {
    step(c, d, 0, mprintf("%s 征求其他机关意见；原条例未规定该时间不计入答复"
                          "期限，照常计算%s", D1(c, d),
                          art(c, c->pR->zArtAnswer, zA)));
    c->iOpen[k] = OPEN_COUNTED;
    return DL_OK;
  }
  warn_after_due(c, d, "征求意见时间");
  open_pause(c, k, d, dCap);
  return DL_OK;
}

static int ev_consult_end(Clock *c, const DlEvent *e) {
  char zA[96];
  int k = e->eKind == DL_EV_THIRD_PARTY_END ? PK_THIRD : PK_ORGAN;
  Date d = e->date;
  int i = c->iOpen[k];
  if (i == -1)
    return fail(c, mprintf("%s 登记征求意见结束，但没有对应的征求意见开始",
                           D1(c, d)));
  c->iOpen[k] = -1;
  if (i == OPEN_COUNTED) {
    step(c, d, 0, mprintf("%s 其他机关回复意见", D1(c, d)));
    return DL_OK;
  }
  Pause *p = &c->aPause[i];
  p->dEnd = d;
  Date s = p->dStart, dEnd = pause_end(p, d);
  const char *zArt = k == PK_THIRD ? c->pR->zArtThird : c->pR->zArtOrgan;
  step(c, d, 0, mprintf("%s 至 %s 征求%s意见，其间%d个工作日不计入答复期限"
                        "（%s%s、%s%s）", D2(c, s), D1(c, dEnd),
                        k == PK_THIRD ? "第三方" : "其他机关",
                        cal_workdays_between(c->pCal, s, dEnd), c->pR->zCite,
                        zArt, c->pR->zCite, c->pR->zArtPause));
  if (dEnd < d)
    step(c, d, 0, mprintf("%s 才收到意见，已超过%d个工作日的期限；期限只暂停至"
                          " %s%s%s", D1(c, d), c->pR->nConsultDays, D3(c, dEnd),
                          k == PK_THIRD ? "，由行政机关依照本条例决定是否公开"
                                        : "，逾期未提出意见的视为同意公开",
                          art(c, zArt, zA)));
  return DL_OK;
}

static int ev_disclose_notice(Clock *c, const DlEvent *e) {
  char zA[96];
  if (!c->bThirdAsked)
    return fail(c, mprintf("%s 书面告知第三方决定公开，但未征求过第三方意见",
                           D1(c, e->date)));
  step(c, e->date, 0,
       mprintf("%s 第三方不同意公开，行政机关认为不公开可能对公共利益造成重大"
               "影响，决定予以公开，并将决定公开的政府信息内容和理由书面告知"
               "第三方%s", D1(c, e->date), art(c, c->pR->zArtThird, zA)));
  return DL_OK;
}

static int ev_fee_notice(Clock *c, const DlEvent *e) {
  Date d = e->date;
  if (!regime_fees_apply(c->dReceipt))
    return fail(c, mprintf("信息处理费自2021年1月1日起收取，%s 收到的申请不"
                           "收费（国办函〔2020〕109号）", D2(c, c->dReceipt)));
  if (c->iOpen[PK_FEE] != -1 || c->dFeeLimit != DATE_NONE)
    return fail(c, mprintf("%s 已经发出过收费通知", D1(c, d)));
  Date dMin = cal_add_workdays(c->pCal, d, DL_FEE_PAY_DAYS);
  if (e->dLimit != DATE_NONE && e->dLimit < dMin)
    return fail(c, mprintf("缴费期限 %s 短于收到收费通知之日起%d个工作日"
                           "（不早于 %s；国办函〔2020〕109号）",
                           D2(c, e->dLimit), DL_FEE_PAY_DAYS, D3(c, dMin)));
  c->dFeeLimit = e->dLimit != DATE_NONE ? limit_day(c, e->dLimit) : dMin;
  step(c, d, 0, mprintf("%s 发出收费通知，载明收费依据、标准、金额和缴费期限；"
                        "申请人应当自收到之日起%d个工作日内缴费，自发出之日起"
                        "算至 %s（国办函〔2020〕109号）", D1(c, d),
                        DL_FEE_PAY_DAYS, D2(c, c->dFeeLimit)));
  if (c->pP->bFeeWaitCounted) {
    c->iOpen[PK_FEE] = OPEN_COUNTED;
    return DL_OK;
  }
  warn_after_due(c, d, "等待缴费时间");
  open_pause(c, PK_FEE, d, DATE_NONE);
  return DL_OK;
}

static int ev_fee_paid(Clock *c, const DlEvent *e) {
  Date d = e->date;
  int i = c->iOpen[PK_FEE];
  if (i == -1)
    return fail(c, mprintf("%s 登记缴费，但没有对应的收费通知", D1(c, d)));
  c->iOpen[PK_FEE] = -1;
  if (i == OPEN_COUNTED) {
    step(c, d, 0, mprintf("%s 申请人缴纳信息处理费；等待缴费的时间计入答复"
                          "期限（本系统设置）", D1(c, d)));
    return DL_OK;
  }
  c->aPause[i].dEnd = d;
  Date s = c->aPause[i].dStart;
  step(c, d, 0, mprintf("%s 至 %s 等待申请人缴费，其间%d个工作日不计入答复"
                        "期限（国办函〔2020〕109号）", D2(c, s), D1(c, d),
                        cal_workdays_between(c->pCal, s, d)));
  if (d > c->dFeeLimit)
    step(c, d, 1, mprintf("缴费晚于缴费期限 %s", D2(c, c->dFeeLimit)));
  return DL_OK;
}

static int ev_fee_lapsed(Clock *c, const DlEvent *e) {
  Date d = e->date;
  if (c->iOpen[PK_FEE] == -1)
    return fail(c, mprintf("%s 登记逾期未缴费，但没有未缴的收费通知",
                           D1(c, d)));
  if (d <= c->dFeeLimit)
    return fail(c, mprintf("缴费期限至 %s，%s 尚未届满，不能按逾期未缴费处理",
                           D2(c, c->dFeeLimit), D1(c, d)));
  c->eClosed = DL_ST_FEE_UNPAID;
  c->dClosed = d;
  step(c, d, 0, mprintf("%s 缴费期限 %s 届满，申请人逾期未按收费通知要求缴纳"
                        "费用，行政机关不再处理其政府信息公开申请"
                        "（国办函〔2020〕109号）", D1(c, d),
                        D2(c, c->dFeeLimit)));
  return DL_OK;
}

static int ev_extension(Clock *c, const DlEvent *e) {
  char zA[96];
  Date d = e->date;
  const char *zArt = art(c, c->pR->zArtAnswer, zA);
  if (c->nExt > 0)
    return fail(c, mprintf("%s 答复期限已经延长过一次，不能再次延长%s",
                           D1(c, d), zArt));
  if (e->nDays < 1 || e->nDays > c->pR->nExtensionMax)
    return fail(c, mprintf("延长的期限最长不得超过%d个工作日，申请延长%d个工作"
                           "日%s", c->pR->nExtensionMax, e->nDays, zArt));
  if (!e->zText || !e->zText[0])
    return fail(c, mprintf("延长答复期限应当经政府信息公开工作机构负责人同意，"
                           "未登记批准人%s", zArt));
  if (c->dArt35 != DATE_NONE)
    return fail(c, mprintf("已依第三十五条确定答复期限，不再适用延期"));
  Date dOld = current_due(c, NULL);
  c->nExt = e->nDays;
  step(c, d, 0, mprintf("%s 经政府信息公开工作机构负责人（%s）同意并告知申请"
                        "人，答复期限延长%d个工作日%s", D1(c, d), e->zText,
                        e->nDays, zArt));
  if (dOld != DATE_NONE && d > dOld)
    step(c, d, 1, mprintf("延期决定晚于原答复期限 %s，应在期限届满前作出",
                          D2(c, dOld)));
  return DL_OK;
}

static int ev_art35(Clock *c, const DlEvent *e) {
  Date d = e->date;
  if (!c->pR->bArt35)
    return fail(c, mprintf("%s 收到的申请适用原条例，原条例没有第三十五条"
                           "（延迟答复）的规定", D2(c, c->dReceipt)));
  if (e->dLimit == DATE_NONE)
    return fail(c, mprintf("%s 依第三十五条确定延迟答复期限，但未填写期限",
                           D1(c, d)));
  if (!e->zText || !e->zText[0])
    return fail(c, mprintf("%s 依第三十五条确定延迟答复期限，应当记录理由",
                           D1(c, d)));
  Date dStat = current_due(c, NULL);
  Date dLimit = limit_day(c, e->dLimit);
  if (dStat != DATE_NONE && dLimit <= dStat)
    return fail(c, mprintf("第三十五条确定的期限 %s 不晚于第三十三条规定的"
                           "期限 %s，无需适用第三十五条", D2(c, e->dLimit),
                           D3(c, dStat)));
  c->dArt35 = dLimit;
  step(c, d, 0, mprintf("%s 申请数量、频次明显超过合理范围，申请人说明的理由"
                        "合理但无法在第三十三条规定的期限内答复，确定合理的"
                        "答复期限至 %s 并告知申请人（第三十五条）；理由：%s",
                        D1(c, d), D2(c, dLimit), e->zText));
  return DL_OK;
}

static int ev_answered(Clock *c, const DlEvent *e) {
  c->eClosed = DL_ST_ANSWERED;
  c->dClosed = e->date;
  step(c, e->date, 0, mprintf("%s 作出答复（%s）", D1(c, e->date),
                              c->pR->iYear == 2007 ? "原条例第二十一条"
                                                   : "第三十六条"));
  return DL_OK;
}

/* The table: stored name, what it does, whether it is allowed while the
** applicant is asked to correct, and after an answer. */
static const struct Rule {
  DlEventKind eKind;
  const char *zName;       /* application_event.kind */
  int (*xApply)(Clock *, const DlEvent *);
  int bWhileCorr;          /* allowed while waiting for the correction */
  int bAfterAnswer;        /* allowed once answered */
} aRule[] = {
  {DL_EV_CORRECTION_SENT, "correction_sent", ev_correction_sent, 0, 0},
  {DL_EV_CORRECTION_RECEIVED, "correction_received", ev_correction_received,
   1, 0},
  {DL_EV_CORRECTION_LAPSED, "correction_lapsed", ev_correction_lapsed, 1, 0},
  {DL_EV_THIRD_PARTY_START, "third_party_start", ev_consult_start, 0, 0},
  {DL_EV_THIRD_PARTY_END, "third_party_end", ev_consult_end, 0, 0},
  {DL_EV_ORGAN_START, "organ_start", ev_consult_start, 0, 0},
  {DL_EV_ORGAN_END, "organ_end", ev_consult_end, 0, 0},
  {DL_EV_EXTENSION, "extension", ev_extension, 0, 0},
  {DL_EV_ART35, "art35", ev_art35, 0, 0},
  {DL_EV_FEE_NOTICE, "fee_notice", ev_fee_notice, 0, 0},
  {DL_EV_FEE_PAID, "fee_paid", ev_fee_paid, 0, 0},
  {DL_EV_FEE_LAPSED, "fee_lapsed", ev_fee_lapsed, 0, 0},
  {DL_EV_ANSWERED, "answered", ev_answered, 1, 0},
  {DL_EV_CORRECTION_EXTENDED, "correction_extended", ev_correction_extended,
   1, 0},
  {DL_EV_DISCLOSE_NOTICE, "disclose_notice", ev_disclose_notice, 0, 1},
};
#define N_RULE ((int)(sizeof aRule / sizeof aRule[0]))

static const struct Rule *rule_of(DlEventKind e) {
  for (int i = 0; i < N_RULE; i++)
    if (aRule[i].eKind == e) return &aRule[i];
  return NULL;
}

DlEventKind deadline_event_kind(const char *zName) {
  if (!zName) return 0;
  for (int i = 0; i < N_RULE; i++)
    if (!strcmp(aRule[i].zName, zName)) return aRule[i].eKind;
  return 0;
}

const char *deadline_event_name(DlEventKind e) {
  const struct Rule *p = rule_of(e);
  return p ? p->zName : NULL;
}

/* Checks event e against the closed / waiting state, then applies it. */
static int apply(Clock *c, const DlEvent *e) {
  const struct Rule *p = rule_of(e->eKind);
  Date d = e->date;
  if (!p) return fail(c, mprintf("未知的事件类型 %d", (int)e->eKind));
  if (d == DATE_NONE || d < c->dReceipt)
    return fail(c, mprintf("事件日期 %s 早于收到申请之日 %s", D1(c, d),
                           D2(c, c->dReceipt)));
  if (c->eClosed && !(c->eClosed == DL_ST_ANSWERED && p->bAfterAnswer))
    return fail(c, mprintf("申请已于 %s 办结或终止，%s 不能再登记事件",
                           D2(c, c->dClosed), D1(c, d)));
  if (c->bAwaitCorr && !p->bWhileCorr)
    return fail(c, mprintf("%s 正在等待申请人补正，只能登记收到补正、延长补正"
                           "期限、逾期未补正或答复", D1(c, d)));
  return p->xApply(c, e);
}

/* The opening steps: regime, receipt, the statutory period. */
static void open_steps(Clock *c) {
  char zA[96];
  const Regime *r = c->pR;
  if (r->iYear == 2007)
    step(c, DATE_NONE, 0, mprintf("收到申请之日在2019年5月15日之前，适用%s",
                                  r->zName));
  step(c, c->dReceipt, 0, mprintf("%s 收到申请%s", D1(c, c->dReceipt),
                                  r->zArtReceipt ? "（第三十一条）" : ""));
  step(c, DATE_NONE, 0,
       mprintf("答复期限：收到申请之日起%d个工作日内，即%s%s", r->nAnswerDays,
               D2(c, cal_add_workdays(c->pCal, c->dReceipt, r->nAnswerDays)),
               art(c, r->zArtAnswer, zA)));
}

/* Consultations still open on dToday whose 15 days are over. */
static void lapsed_consultations(Clock *c) {
  char zA[96];
  for (int k = PK_THIRD; k <= PK_ORGAN; k++) {
    int i = c->iOpen[k];
    if (i < 0 || c->aPause[i].dCap == DATE_NONE ||
        c->dToday <= c->aPause[i].dCap)
      continue;
    Pause *p = &c->aPause[i];
    step(c, p->dCap, 0,
         mprintf("%s 至 %s 征求%s意见，%d个工作日内未收到意见，%s；其间%d个"
                 "工作日不计入答复期限，此后期限恢复计算%s", D1(c, p->dStart),
                 D2(c, p->dCap), k == PK_THIRD ? "第三方" : "其他机关",
                 c->pR->nConsultDays,
                 k == PK_THIRD ? "由行政机关依照本条例决定是否公开"
                               : "视为同意公开",
                 cal_workdays_between(c->pCal, p->dStart, p->dCap),
                 art(c, k == PK_THIRD ? c->pR->zArtThird : c->pR->zArtOrgan,
                     zA)));
  }
}

/* The status on dToday and the closing steps, once every event applied. */
static void finish(Clock *c, Date *pdLast) {
  DlResult *pRes = c->pRes;
  const DlParams *pP = c->pP;
  char zA[96];
  int nLeft = 0;
  if (c->eClosed == DL_ST_ABANDONED || c->eClosed == DL_ST_FEE_UNPAID) {
    pRes->eStatus = c->eClosed;
    return;
  }
  if (c->bAwaitCorr) {
    pRes->eStatus = DL_ST_AWAIT_CORRECTION;
    pRes->nLeft = c->pR->nAnswerDays;
    pRes->dCorrLimit = c->dCorrLimit;
    if (c->dToday > c->dCorrLimit)
      step(c, c->dToday, 1, mprintf("补正期限 %s 已过，申请人仍未补正；无正当"
                                    "理由的，视为放弃申请%s",
                                    D1(c, c->dCorrLimit),
                                    art(c, c->pR->zArtCorr, zA)));
    return;
  }
  lapsed_consultations(c);
  Date dDue = current_due(c, &nLeft);
  pRes->dDue = dDue;
  if (dDue == DATE_NONE) {
    int bFee = c->iOpen[PK_FEE] >= 0 &&
               c->aPause[c->iOpen[PK_FEE]].dEnd == DATE_NONE;
    pRes->nLeft = nLeft;
    pRes->eStatus = bFee ? DL_ST_AWAIT_FEE : DL_ST_PAUSED;
    step(c, DATE_NONE, 0, mprintf("期限暂停计算，尚余%d个工作日%s", nLeft,
                                  art(c, c->pR->zArtPause, zA)));
    if (bFee) {
      pRes->dFeeLimit = c->dFeeLimit;
      if (c->dToday > c->dFeeLimit)
        step(c, c->dToday, 1, mprintf("缴费期限 %s 已过，申请人仍未缴费",
                                      D1(c, c->dFeeLimit)));
    }
    return;
  }
  int bChanged = c->nPause > 0 || c->nExt > 0;
  if (c->dArt35 != DATE_NONE)
    step(c, dDue, 0, mprintf("答复期限届满日为 %s（第三十五条）", D1(c, dDue)));
  else if (bChanged)
    step(c, dDue, 0, mprintf("%s后，答复期限届满日为 %s（%s%s）",
                             c->nPause == 0 ? "加上延长的期限"
                             : c->nExt ? "扣除不计入期限的时间并加上延长的期限"
                                       : "扣除不计入期限的时间",
                             D1(c, dDue), c->pR->zCite,
                             c->pR->iYear == 2007 ? "第二十四条" : "第三十三条"));
  if (c->eClosed == DL_ST_ANSWERED) {
    Date a = c->dClosed;
    pRes->eStatus = a <= dDue ? DL_ST_ANSWERED : DL_ST_ANSWERED_LATE;
    pRes->nLeft = a <= dDue ? cal_workdays_between(c->pCal, a, dDue)
                            : -deadline_overdue_workdays(c->pCal, dDue, a);
    if (a > dDue)
      step(c, a, 1, mprintf("答复晚于答复期限 %s，超期%d个工作日",
                            D1(c, dDue), -pRes->nLeft));
  } else if (c->dToday > dDue) {
    pRes->eStatus = DL_ST_OVERDUE;
    pRes->nLeft = -deadline_overdue_workdays(c->pCal, dDue, c->dToday);
  } else {
    pRes->nLeft = cal_workdays_between(c->pCal, c->dToday, dDue);
    pRes->eStatus = pRes->nLeft <= pP->nDueSoon ? DL_ST_DUE_SOON : DL_ST_OPEN;
  }
  if (dDue > *pdLast) *pdLast = dDue;
}

int deadline_compute(const Calendar *pCal, Date dReceipt, const DlEvent *aEv,
                     int nEv, const DlParams *pParams, Date dToday,
                     DlResult *pRes) {
  static const DlParams defaults = DL_PARAMS_DEFAULT;
  Clock c;
  int rc = DL_OK;
  Date dLast = dReceipt;

  memset(pRes, 0, sizeof *pRes);
  pRes->dReceipt = dReceipt;
  pRes->dDue = pRes->dCorrLimit = pRes->dFeeLimit = DATE_NONE;
  memset(&c, 0, sizeof c);
  c.pCal = pCal;
  c.pP = pParams ? pParams : &defaults;
  c.pR = regime_for(dReceipt);
  c.pRes = pRes;
  c.dReceipt = c.dStart = dReceipt;
  c.dToday = dToday;
  c.dCorrLimit = c.dFeeLimit = c.dArt35 = DATE_NONE;
  for (int k = 0; k < 4; k++) c.iOpen[k] = -1;
  pRes->pRegime = c.pR;

  /* Stable order by date (insertion sort: event lists are short). */
  int *aIdx = xmalloc((size_t)(nEv > 0 ? nEv : 1) * sizeof *aIdx);
  for (int i = 0; i < nEv; i++) {
    int j = i;
    while (j > 0 && aEv[aIdx[j - 1]].date > aEv[i].date) {
      aIdx[j] = aIdx[j - 1];
      j--;
    }
    aIdx[j] = i;
  }
  open_steps(&c);
  for (int i = 0; i < nEv && rc == DL_OK; i++) {
    rc = apply(&c, &aEv[aIdx[i]]);
    if (aEv[aIdx[i]].date > dLast) dLast = aEv[aIdx[i]].date;
  }
  if (rc == DL_OK) {
    finish(&c, &dLast);
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
  free(c.aPause);
  return rc;
}

void deadline_result_free(DlResult *pRes) {
  for (int i = 0; i < pRes->nStep; i++) free(pRes->aStep[i].zText);
  free(pRes->aStep);
  free(pRes->zErr);
  memset(pRes, 0, sizeof *pRes);
  pRes->dReceipt = pRes->dDue = DATE_NONE;
}

int deadline_overdue_workdays(const Calendar *pCal, Date dDue, Date dOn) {
  return cal_workdays_between(pCal, dDue, dOn);
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
