/*
** store_staff.h — the small counts the staff menu shows beside its
** entries (what waits for the signed-in user).  Each is one grouped query
** over the records still in a workflow; the caller decides, with req_can,
** which of the rows concern the user.  Conventions as in store.h.
*/
#ifndef GK_STORE_STAFF_H
#define GK_STORE_STAFF_H

#include "store/store.h"

/* Records of one organisation in one workflow state.  bMine: the rows the
** user created (documents) or handles (applications). */
typedef struct WaitCount {
  int64_t orgId;
  const char *zState;
  int bMine;
  int n;
} WaitCount;

/* Documents in a review step (dept_review, secrecy_review, approval),
** grouped by organisation, state and whether userId drafted them. */
int store_wait_docs(Store *s, Arena *a, int64_t userId, WaitCount **paW,
                    int *pn);

/* Open applications (not closed), grouped by organisation, state and
** whether userId is their handler (承办人). */
int store_wait_apps(Store *s, Arena *a, int64_t userId, WaitCount **paW,
                    int *pn);

#endif
