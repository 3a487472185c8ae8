/*
** store_notice.h — issued notices of applications (0024_app_notice.sql):
** issuing one takes the next 文号 of the organisation's series for the
** year, inside the caller's transaction.
*/
#ifndef GK_STORE_NOTICE_H
#define GK_STORE_NOTICE_H

#include "core/calendar.h"
#include "lib/date.h"
#include "store/store.h"

typedef struct AppNotice {
  int64_t id, appId, orgId;
  const char *zKind;      /* core/notice.h kind id */
  int year, serial;
  const char *zDocNo;     /* 文号 */
  const char *zIssuedOn;  /* 'YYYY-MM-DD' */
  const char *zEventText; /* what the event recorded */
  const char *zLimit;     /* deadline or "" */
  int nDays;              /* extension working days */
  int bDueKept;           /* 1: zDueOn, yDueOpen are the notice's (0108) */
  const char *zDueOn;     /* the due date it stated, "" none then */
  int yDueOpen;           /* first year to the due date without a holiday
                          ** notice loaded then, or 0 */
  const char *zReviewOrgan; /* the reconsideration organ it named, NULL
                          ** for notices issued before 0108 */
} AppNotice;

/* Issues a notice of kind zKind for application appId of orgId on zDay
** with the event's text, limit and days and the organisation's
** reconsideration organ of now (store_remedy.h); fills *pOut (may be
** NULL).
** Inside a transaction (the 文号 is taken under STORE_LOCK_SERIAL). */
int store_notice_issue(Store *s, Arena *a, int64_t appId, int64_t orgId,
                       const char *zKind, const char *zDay,
                       const char *zEventText, const char *zLimit, int nDays,
                       AppNotice *pOut);
/* The answer due date on day zDay of application appId (received on
** zReceivedOn): the clock over its events dated on or before zDay, today
** being zDay — what a notice issued that day stated.  zDue gets
** 'YYYY-MM-DD' or "" (no due date then: waiting for a correction, a payment
** or a consultation's end); *pyOpen the first year from receipt to it
** whose holiday notice pCal lacks, or 0.  STORE_INVALID when the clock
** refuses those events. */
int store_notice_due_then(Store *s, Arena *a, const Calendar *pCal,
                          int64_t appId, const char *zReceivedOn,
                          const char *zDay, char zDue[DATE_STRLEN],
                          int *pyOpen);
/* Keeps the due date (store_notice_due_then on its day) in every notice
** of appId not yet holding one: the notices just issued in the caller's
** transaction, and those issued before 0108.  Called by the due-date
** refresh (store_app_refresh_due), so a notice keeps what it said. */
int store_notice_keep_due(Store *s, Arena *a, const Calendar *pCal,
                          int64_t appId, const char *zReceivedOn);
/* The notices of application appId in order of issue. */
int store_notices(Store *s, Arena *a, int64_t appId, AppNotice **pa, int *pn);
/* Notice nid of application appId (STORE_NOTFOUND when not its). */
int store_notice_get(Store *s, Arena *a, int64_t appId, int64_t nid,
                     AppNotice *p);
/* The organisation's contact person for notices and its 文号 prefix. */
int store_org_notice_settings(Store *s, Arena *a, int64_t orgId,
                              const char **pzContact, const char **pzPrefix);
int store_org_set_notice_settings(Store *s, int64_t orgId,
                                  const char *zContact, const char *zPrefix);

#endif
