/*
** response_clock.h — public-opinion response clocks (回应关切 / 政务舆情) and
** the reply limit for netizen messages (网民留言), regulation.md §7.
**
**  - 特别重大、重大突发事件: authoritative information within 5 hours
**    (国办发〔2016〕80号) and a press conference within 24 hours
**    (国办发〔2016〕61号 and 80号) of the matter being found.
**  - other 政务舆情: respond within 48 hours (国办发〔2016〕61号).
**  - netizen messages: NO national number was found (regulation.md §7, [U]);
**    local rules vary (3 or 5 working days), so the limit is a parameter,
**    default RC_MESSAGE_DAYS working days after receipt (day 1 = the first
**    working day after receipt, as in calendar.h).
**
** Hour clocks are elapsed time (time_t seconds), not working hours: the
** documents say "最迟5小时内 / 24小时内 / 48小时内".  Pure functions, no I/O,
** thread-safe.
*/
#ifndef GK_RESPONSE_CLOCK_H
#define GK_RESPONSE_CLOCK_H

#include <time.h>

#include "core/calendar.h"
#include "lib/date.h"

#define RC_MESSAGE_DAYS 5     /* default message reply limit, working days */
#define RC_MAX_CLOCKS 2       /* most clocks rc_opinion() fills */

typedef enum RcCase {
  RC_MAJOR_EMERGENCY = 1,  /* 特别重大、重大突发事件 */
  RC_OTHER                 /* 其他政务舆情 */
} RcCase;

typedef enum RcState {
  RC_PENDING = 1,   /* not done, still within time */
  RC_MET,           /* done on or before the due time */
  RC_MISSED         /* done late, or not done and the time has passed */
} RcState;

typedef struct RcClock {
  const char *zName;   /* what must happen, e.g. "发布权威信息"; static */
  const char *zBasis;  /* the document, e.g. "国办发〔2016〕80号"; static */
  int nHours;          /* the limit in hours */
  time_t tDue;         /* found-at + nHours */
  RcState eState;      /* as of tNow */
  long long nLate;     /* RC_MISSED: seconds past tDue (to the act, or to
                       ** tNow if not done); else 0 */
} RcClock;

/* Fills aOut with the clocks for one public-opinion case found at tFound:
** two for RC_MAJOR_EMERGENCY (authoritative information, press
** conference), one for RC_OTHER (response).  ptInfo is when authoritative
** information / the response was released and ptPress when the press
** conference was held; NULL means not yet (ptPress is ignored for
** RC_OTHER).  Returns the number of clocks filled, or -1 for an unknown
** case.  No allocation. */
int rc_opinion(RcCase eCase, time_t tFound, const time_t *ptInfo,
               const time_t *ptPress, time_t tNow,
               RcClock aOut[RC_MAX_CLOCKS]);

typedef struct RcMessage {
  Date dDue;        /* last day for the reply */
  int nDays;        /* the limit used, working days */
  int bReplied;     /* a reply date was given */
  int bOverdue;     /* replied after dDue, or not replied and today > dDue */
  int nLeft;        /* working days left after today (not replied), or
                    ** negative = working days late; 0 = due today */
} RcMessage;

/* The reply clock for a netizen message received on dReceived.  nDays <= 0
** selects RC_MESSAGE_DAYS.  dReplied is the reply date or DATE_NONE.
** Fills *pOut.  No allocation. */
void rc_message(const Calendar *pCal, Date dReceived, int nDays,
                Date dReplied, Date dToday, RcMessage *pOut);

/* Chinese label for e ("处理中", "按时", "超时"); static storage. */
const char *rc_state_label(RcState e);

#endif
