/*
** store_notice.h — issued notices of applications (0024_app_notice.sql):
** issuing one takes the next 文号 of the organisation's series for the
** year, inside the caller's transaction.
*/
#ifndef GK_STORE_NOTICE_H
#define GK_STORE_NOTICE_H

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
} AppNotice;

/* Issues a notice of kind zKind for application appId of orgId on zDay
** with the event's text, limit and days; fills *pOut (may be NULL).
** Inside a transaction (the 文号 is taken under STORE_LOCK_SERIAL). */
int store_notice_issue(Store *s, Arena *a, int64_t appId, int64_t orgId,
                       const char *zKind, const char *zDay,
                       const char *zEventText, const char *zLimit, int nDays,
                       AppNotice *pOut);
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
