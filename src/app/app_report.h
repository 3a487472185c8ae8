/*
** app_report.h — the hand adjustment of one cell of an annual report
** (人工调整), the one function that the staff page and the API call.
**
** A cell computed from the records may be set by hand to another value
** (or left blank) with a reason (原因); the adjustment is stored in the
** override log (store_report_override: who, when, the reason; audit_log),
** applied on top of the computed numbers every time the report is built
** (so it survives any recomputation of the draft), checked with the other
** numbers by the consistency rules, and removable (恢复计算值).  Only a
** draft may change: a submitted report must first go back to draft, a
** published one is frozen (its snapshot) and is refused with a message
** that says how to correct it.  Any change clears the leader's approval.
*/
#ifndef GK_APP_REPORT_H
#define GK_APP_REPORT_H

#include "app/app_action.h"
#include "core/report.h"
#include "store/store_reports.h"

/* One adjustment: inputs, then what the call filled in. */
typedef struct AppReportCell {
  Store *store;
  Arena *arena;
  const AppActor *who;      /* needs PERM_REPORT_EDIT over orgId */
  const RfSet *pSet;
  int64_t orgId;
  int year;
  int bSubtree;             /* the 全系统 report */
  const char *zFormat;      /* format of a report this call creates; NULL:
                            ** the format in force for the year */
  const char *zCell;        /* "t3[new][natural_person]" */
  const char *zValue;       /* "30", "0.25"; "" leaves the cell blank */
  const char *zReason;      /* required unless bRemove */
  int bRemove;              /* 1: back to the computed value */
  /* Filled by the call. */
  int status;               /* 0 ok, else 400/403/404/409/500 */
  const char *zErr;         /* Chinese message when status != 0 */
  const char *zDone;        /* Chinese: what happened and what comes next */
} AppReportCell;

/* Adjusts (or restores) the cell in one transaction, creating the stored
** draft when the report has none yet.  Returns x->status. */
int app_report_override(AppReportCell *x);

/* The refusal for a report in status zStatus ("draft": NULL). */
const char *app_report_frozen(const char *zStatus);

#endif
