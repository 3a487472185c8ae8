/*
** response_clock.c — public-opinion and message reply clocks (see
** response_clock.h).
*/
#include "core/response_clock.h"

#include <stddef.h>

/* Fills one hour clock. */
static void one_clock(RcClock *p, const char *zName, const char *zBasis,
                      int nHours, time_t tFound, const time_t *ptDone,
                      time_t tNow) {
  p->zName = zName;
  p->zBasis = zBasis;
  p->nHours = nHours;
  p->tDue = (time_t)((long long)tFound + nHours * 3600LL);
  p->nLate = 0;
  if (ptDone) {
    if (*ptDone <= p->tDue) {
      p->eState = RC_MET;
    } else {
      p->eState = RC_MISSED;
      p->nLate = (long long)*ptDone - (long long)p->tDue;
    }
  } else if (tNow > p->tDue) {
    p->eState = RC_MISSED;
    p->nLate = (long long)tNow - (long long)p->tDue;
  } else {
    p->eState = RC_PENDING;
  }
}

int rc_opinion(RcCase eCase, time_t tFound, const time_t *ptInfo,
               const time_t *ptPress, time_t tNow,
               RcClock aOut[RC_MAX_CLOCKS]) {
  switch (eCase) {
    case RC_MAJOR_EMERGENCY:
      one_clock(&aOut[0], "发布权威信息", "国办发〔2016〕80号", 5, tFound,
                ptInfo, tNow);
      one_clock(&aOut[1], "召开新闻发布会", "国办发〔2016〕61号、80号", 24,
                tFound, ptPress, tNow);
      return 2;
    case RC_OTHER:
      one_clock(&aOut[0], "回应社会关切", "国办发〔2016〕61号", 48, tFound,
                ptInfo, tNow);
      return 1;
  }
  return -1;
}

void rc_message(const Calendar *pCal, Date dReceived, int nDays,
                Date dReplied, Date dToday, RcMessage *pOut) {
  pOut->nDays = nDays > 0 ? nDays : RC_MESSAGE_DAYS;
  pOut->dDue = cal_add_workdays(pCal, dReceived, pOut->nDays);
  pOut->bReplied = dReplied != DATE_NONE;
  Date d = pOut->bReplied ? dReplied : dToday;
  if (d > pOut->dDue) {
    pOut->bOverdue = 1;
    pOut->nLeft = -cal_workdays_between(pCal, pOut->dDue, d);
  } else {
    pOut->bOverdue = 0;
    pOut->nLeft = cal_workdays_between(pCal, d, pOut->dDue);
  }
}

const char *rc_state_label(RcState e) {
  switch (e) {
    case RC_PENDING: return "处理中";
    case RC_MET: return "按时";
    case RC_MISSED: return "超时";
  }
  return "未知";
}
