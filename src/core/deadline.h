/*
** deadline.h — the statutory answer clock for applications (Arts. 30–35 of
** the Regulation; regulation.md §1.3 and §1.5).
**
** Given the receipt date (Art. 31) and the events of one application, it
** computes the answer due date, explains the calculation as a list of
** Chinese sentences each citing its article, and classifies the state of
** the clock on a given day.  Pure computation over a Calendar: no I/O, no
** globals; thread-safe as long as the Calendar is not being modified.
**
** Rules (regulation.md §1.3, §1.5; our interpretations marked [I]):
**  - Art. 33 ¶2: answer within 20 working days of receipt (¶1: on the
**    spot when possible); day 1 is the
**    first working day after receipt [I, 民法典 Art. 201].  One extension
**    of at most 20 working days, approved by the head of the OGI office and
**    notified to the applicant.
**  - Art. 33 ¶3: time spent consulting third parties (Art. 32) and other
**    organs (Art. 34) is not counted.  A consultation from day s to day e
**    pauses the working days in (s, e]: the day the request is sent still
**    counts, the day the reply arrives does not [I].
**  - Art. 30: a correction notice goes out once, within 7 working days of
**    receipt, listing everything and a reasonable correction period; the
**    answer period then runs afresh from receipt of the corrected
**    application; no correction by the deadline = application abandoned.
**  - Art. 35: for excessive applications the organ may fix a reasonable
**    later deadline, which replaces the Art. 33 deadline.
**  - Fee (国办函〔2020〕109号): only for applications received from
**    2021-01-01; the applicant pays within 20 working days of receiving
**    the notice (the limit defaults to 20 WD after the day the notice is
**    sent and may not be shorter); "逾期未缴费" only after it.  Whether the
**    wait counts is a setting: DlParams.bFeeWaitCounted, default 0 = not.
**  - The regime is chosen by the receipt date (core/regime.h): before
**    2019-05-15 the 2007 Regulation (15 + 15 WD, old Art. 24; third-party
**    time not counted, old Art. 24 ¶3, without a limit for the third party;
**    no Art. 34/35 equivalents: consulting another organ is counted).
**  - Consultation (Arts. 32, 34): the consulted party has 15 working days
**    (counted from the day the request is sent [I]: the day it is received
**    is not recorded); after them the pause ends whether or not a reply
**    came (the organ decides; another organ's silence = consent).
**  - 补正 (Art. 30): the notice states a period (DlParams.nCorrectionDays
**    working days when none is given, default 15 [I: "合理的补正期限"]),
**    which may be extended on request (DL_EV_CORRECTION_EXTENDED);
**    "逾期未补正" only after it.
**  - Disclosure over a third party's objection (Art. 32, last sentence):
**    DL_EV_DISCLOSE_NOTICE, after a consultation, records the written notice
**    of the content and reasons to the third party.
**
** Shape: deadline_compute() replays the events in date order over one
** state (struct Clock); each event kind is one entry of a table (aRule in
** deadline.c) whose function checks the event, updates the state and adds
** the step with its article.
**
** Where the task statement and the Regulation differ, this module follows
** the Regulation (Art. numbers per regulation.md §1.3):
**  - Art. 31(三): online and fax applications are received on the day
**    "双方确认" (both sides confirm), not on the day the organ alone
**    confirms receipt.  Art. 31(二): registered post counts from the day
**    the organ signs for it; ordinary post from the day the OGI office
**    confirms with the applicant (it must do so on the day it gets it).
**  - Art. 33: the not-counted rule for consultation time is Art. 33 ¶3
**    ("不计算在前款规定的期限内"); Arts. 32/34 only give the consulted
**    party its 15 working days.  Steps cite both.
**  - Art. 30: abandonment needs the absence of correction "无正当理由"
**    (without good reason); the caller records the lapse only then.
**  - The task's sample step "收到申请 2024-02-05 … 即2024-03-05" does not
**    match the official calendar: with 春节 2024-02-10..17 off and Sun
**    02-18 a working day, the 20th working day after 2024-02-05 is
**    2024-03-08 (tests/unit/test_deadline.c).
*/
#ifndef GK_DEADLINE_H
#define GK_DEADLINE_H

#include "core/calendar.h"
#include "lib/date.h"

/* Status codes. */
enum {
  DL_OK = 0,          /* success */
  DL_EINVAL = -1      /* events inconsistent or refused; message in zErr */
};

#define DL_ANSWER_DAYS 20      /* Art. 33 ¶2 (2007: 15, core/regime.h) */
#define DL_EXTENSION_MAX 20    /* Art. 33 ¶2 (2007: 15) */
#define DL_CORRECTION_DAYS 7   /* Art. 30 */
#define DL_CONSULT_DAYS 15     /* Arts. 32 and 34 */

/* How the application arrived (Art. 31). */
typedef enum DlChannel {
  DL_CH_IN_PERSON = 1,  /* 当面提交: the day of submission */
  DL_CH_ORAL,           /* 口头提出 (Art. 29), recorded on the spot: that day */
  DL_CH_POST_SIGNED,    /* 邮寄, signed for: the day the organ signs */
  DL_CH_POST_ORDINARY,  /* 平常信函: the day the OGI office confirms with the
                        ** applicant (it must do so on the day it gets it) */
  DL_CH_ONLINE,         /* 互联网渠道: the day both sides confirm */
  DL_CH_FAX             /* 政府信息公开工作机构的传真: both sides confirm */
} DlChannel;

/* What happened. */
typedef enum DlEventKind {
  DL_EV_CORRECTION_SENT = 1, /* 补正通知 sent; dLimit = correction deadline
                             ** given to the applicant (may be DATE_NONE) */
  DL_EV_CORRECTION_RECEIVED, /* corrected application received: restart */
  DL_EV_CORRECTION_LAPSED,   /* deadline passed, no correction: abandoned */
  DL_EV_THIRD_PARTY_START,   /* Art. 32 written consultation sent */
  DL_EV_THIRD_PARTY_END,     /* Art. 32 reply received (or 15 WD lapsed) */
  DL_EV_ORGAN_START,         /* Art. 34 consultation of other organs sent */
  DL_EV_ORGAN_END,           /* Art. 34 reply received (or 15 WD lapsed) */
  DL_EV_EXTENSION,           /* Art. 33 extension: nDays, zText = approver */
  DL_EV_ART35,               /* Art. 35 later deadline dLimit, zText = reason */
  DL_EV_FEE_NOTICE,          /* fee notice sent; dLimit = payment deadline
                             ** (may be DATE_NONE) */
  DL_EV_FEE_PAID,            /* fee paid */
  DL_EV_FEE_LAPSED,          /* not paid in time: no longer processed */
  DL_EV_ANSWERED,            /* answer sent: the clock stops */
  DL_EV_CORRECTION_EXTENDED, /* correction period extended; dLimit = new */
  DL_EV_DISCLOSE_NOTICE      /* disclosed over the third party's objection:
                             ** written notice to it (Art. 32) */
} DlEventKind;

typedef struct DlEvent {
  DlEventKind eKind;   /* what happened */
  Date date;           /* when */
  Date dLimit;         /* see DlEventKind; DATE_NONE if not used */
  int nDays;           /* DL_EV_EXTENSION: working days (1..20) */
  const char *zText;   /* approver (extension) or reasons (Art. 35) */
} DlEvent;

typedef struct DlParams {
  int bFeeWaitCounted; /* 1: fee notice..payment counts; 0 (default): not */
  int nDueSoon;        /* "due soon" within this many working days (3) */
  int nCorrectionDays; /* correction period when the notice names none (15) */
} DlParams;

#define DL_PARAMS_DEFAULT {0, 3, 15}
#define DL_FEE_PAY_DAYS 20     /* 国办函〔2020〕109号: 20 WD from receipt */

typedef enum DlStatus {
  DL_ST_OPEN = 1,         /* running, more than nDueSoon WD left */
  DL_ST_DUE_SOON,         /* running, due within nDueSoon WD (0 = today) */
  DL_ST_OVERDUE,          /* running, past the due date */
  DL_ST_PAUSED,           /* consultation under way (Arts. 32/34) */
  DL_ST_AWAIT_CORRECTION, /* waiting for the corrected application */
  DL_ST_AWAIT_FEE,        /* waiting for payment (wait not counted) */
  DL_ST_ABANDONED,        /* closed: no correction (Art. 30) */
  DL_ST_FEE_UNPAID,       /* closed: fee not paid */
  DL_ST_ANSWERED,         /* answered on or before the due date */
  DL_ST_ANSWERED_LATE     /* answered after the due date */
} DlStatus;

typedef struct DlStep {
  Date date;           /* the day the step is about (DATE_NONE if none) */
  int bWarn;           /* 1: a legal problem to flag (late notice, …) */
  char *zText;         /* Chinese sentence with its article; owned */
} DlStep;

typedef struct DlResult {
  Date dReceipt;       /* effective start: receipt or corrected receipt */
  Date dDue;           /* answer due date; DATE_NONE while paused/waiting
                       ** or once closed without an answer */
  int nLeft;           /* working days left after today (0 = due today,
                       ** negative = working days overdue); while paused or
                       ** waiting: working days still unused */
  DlStatus eStatus;    /* state on dToday */
  int bUncovered;      /* some date lies in a year without official data */
  DlStep *aStep;       /* the calculation, in order; owned */
  int nStep;           /* entries in aStep */
  char *zErr;          /* message on DL_EINVAL; owned */
  const struct Regime *pRegime; /* the Regulation applied (core/regime.h) */
  Date dCorrLimit;     /* correction period end while waiting, else NONE */
  Date dFeeLimit;      /* payment deadline while waiting, else DATE_NONE */
} DlResult;

/* Art. 31: the receipt date for an application that came through eChannel,
** where dEvent is the channel's deciding event (submission; signature for
** registered post; the office's confirmation with the applicant for
** ordinary post; the both-sides confirmation for online and fax).  Returns
** dEvent (the Regulation moves none of them) and, if pzWhy is not NULL, a
** new Chinese sentence explaining the rule (caller frees); the sentence
** notes when dEvent is not a working day under pCal (pCal may be NULL).
** Returns DATE_NONE (and *pzWhy = NULL) for an unknown channel. */
Date deadline_receipt_date(DlChannel eChannel, Date dEvent,
                           const Calendar *pCal, char **pzWhy);

/* Computes the clock.  aEv[0..nEv) may be in any order; events on the
** same day keep their given order.  pParams may be NULL (defaults).
** dToday sets the status.  On success returns DL_OK and fills *pRes; on
** refused or inconsistent events (second extension, extension over 20 WD
** or without an approver, second correction notice, an end without a
** start, an event before receipt, an Art. 35 deadline not later than the
** statutory one, events after the case closed …) returns DL_EINVAL with
** pRes->zErr set and the steps so far kept.  Either way the caller must
** call deadline_result_free().  Allocates; aborts on OOM. */
int deadline_compute(const Calendar *pCal, Date dReceipt, const DlEvent *aEv,
                     int nEv, const DlParams *pParams, Date dToday,
                     DlResult *pRes);

/* Releases what pRes owns. */
void deadline_result_free(DlResult *pRes);

/* The event kind for its stored name (application_event.kind:
** "correction_sent" …), or 0; and the name of a kind (NULL if unknown). */
DlEventKind deadline_event_kind(const char *zName);
const char *deadline_event_name(DlEventKind e);

/* How far an answer due on dDue is overdue on dOn, as the law counts
** periods: the working days of the official calendar after dDue up to and
** including dOn (0 when dOn <= dDue, or when only days off have passed).
** The one count behind the case page, the register, the API and a late
** answer's step. */
int deadline_overdue_workdays(const Calendar *pCal, Date dDue, Date dOn);

/* A short Chinese label for e ("办理中", "已超期" …); static storage. */
const char *deadline_status_label(DlStatus e);

#endif
