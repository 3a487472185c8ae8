/*
** store_applications.h — persistence of applications for disclosure
** (0004_applications.sql): the application, its clock events, workflow
** history, attachments, reconsideration and litigation records, answer
** templates, the due-date recalculation log and the public form's rate
** limit.  Conventions as in store.h: STORE_* return codes with the message
** in store_errmsg(); strings of returned records live in the caller's
** Arena; writes that touch several rows run inside store_begin/commit.
*/
#ifndef GK_STORE_APPLICATIONS_H
#define GK_STORE_APPLICATIONS_H

#include <stddef.h>
#include <stdint.h>

#include "core/application.h"
#include "core/calendar.h"
#include "store/store.h"

/* One application (a row of `application`, see the schema for fields). */
typedef struct App {
  int64_t id;
  int64_t orgId;
  const char *zRegNo;         /* 登记号 */
  const char *zChannel;       /* aAppChannel id */
  const char *zApplicantType; /* table 三 column id */
  const char *zApplicantName;
  const char *zIdKind;   /* aAppIdKind id */
  const char *zIdSealed; /* crypto_seal() text; "" when none */
  const char *zIdMasked; /* masked number for display */
  const char *zIdHash;   /* keyed hash grouping one applicant */
  const char *zContactPerson, *zPhone, *zEmail, *zAddress, *zPostcode;
  const char *zInfoTitle, *zInfoDocNumber, *zInfoDescription, *zPurpose;
  const char *zForm;         /* aAppForm id */
  const char *zDelivery;     /* aAppDelivery id */
  const char *zReceivedOn;   /* Art. 31 receipt date */
  const char *zReceiptNote;  /* why that date */
  int64_t deptId;            /* 0 when not assigned */
  int64_t handlerId;         /* 0 when not assigned */
  const char *zState;        /* aAppState id */
  const char *zDueOn;        /* "" while paused / closed without answer */
  const char *zOutcome;      /* "" until drafted */
  const char *zDecisionText; /* reasons and how to obtain */
  int64_t draftedBy, approvedBy;
  const char *zApprovedAt;
  const char *zClosedOn;  /* "" while open */
  const char *zFeeMethod; /* none, per_item, per_volume */
  int feeCount;           /* items or pages */
  int64_t feeYuan;
  const char *zFeeStatus; /* none, notified, paid, waived, unpaid */
  const char *zFeeNote;
  const char *zCreatedAt;
  /* Filled by get and list. */
  const char *zOrgName, *zOrgSlug, *zDeptName, *zHandlerName;
  int64_t reviewedBy;             /* 科室审核 by; 0 when not reviewed */
  const char *zAnswerBasis;       /* "", art36_1, art36_4, art36_5 (0021, 0106) */
  const char *zOtherOrgan;        /* Art. 36(五): the responsible organ */
  const char *zOtherOrganContact; /* and how to reach it */
  const char *zObtainAt;          /* Art. 36(一): where the proactively
                                  ** disclosed information is (link, place) */
} App;

/* One clock event with who recorded it. */
typedef struct AppEvent {
  int64_t id;
  AppEventRec rec;       /* kind, dates, days, text */
  const char *zUserName; /* "" for the CLI / demo */
  const char *zCreatedAt;
} AppEvent;

/* One line of the workflow history. */
typedef struct AppLog {
  const char *zAt, *zUserName, *zAction, *zDetail;
} AppLog;

/* A reconsideration or litigation record (table 四). */
typedef struct AppReview {
  int64_t id, appId;
  const char *zKind;   /* review, lit_direct, lit_after_review */
  const char *zResult; /* upheld, corrected, other, pending */
  const char *zFiledOn, *zDecidedOn, *zBody, *zCaseNo, *zNote;
} AppReview;

/* An attachment (without its bytes). */
typedef struct AppFile {
  int64_t id;
  const char *zName, *zMime;
  int64_t nBytes;
} AppFile;

/* Inserts a new application.  Required: orgId, zChannel, zApplicantType,
** zApplicantName, zIdKind, zReceivedOn, and a tracking-code hash.  Gives it
** the next registration number "<org slug>-<year of receipt>-NNNN" and
** sets a->id and a->zRegNo (in arena ar).  Inside a transaction (the
** number is taken under STORE_LOCK_SERIAL).  Returns STORE_OK or an error. */
int store_app_add(Store *s, Arena *ar, App *a, const char *zTrackingHash);

/* Reads application id into *a (with org, department, handler names). */
int store_app_get(Store *s, Arena *ar, int64_t id, App *a);

/* Finds the application with registration number zRegNo whose tracking
** hash equals zHash; STORE_NOTFOUND when either does not match. */
int store_app_by_tracking(Store *s, Arena *ar, const char *zRegNo,
                          const char *zHash, App *a);

/* Applications of orgId (with bSubtree: and of the organisations below it)
** newest first; zFilter "" (all), "open" (not answered or closed) or a
** 4-digit year of receipt.  At most nMax rows. */
int store_app_list(Store *s, Arena *ar, int64_t orgId, int bSubtree,
                   const char *zFilter, int nMax, App **paApp, int *pn);

/* A selection of applications: those of orgId (with bSubtree: and of the
** organisations below it) that match zFilter:
**   ""          all;
**   "open"      not closed;
**   "received"  received in year;
**   "due_soon"  open and due from zToday to zSoon (both "YYYY-MM-DD");
**   "overdue"   open and due before zToday;
**   "closed"    closed in year.
** The conditions are those the dashboard counts with
** (store_reg_app_stats; app_where.h).  Rows nOffset.. of the
** selection, at most nLimit, newest received first. */
typedef struct AppQuery {
  int64_t orgId;
  int bSubtree;
  const char *zFilter;
  int year;
  const char *zToday, *zSoon;
  int nOffset, nLimit;
  const char *zSearch;  /* part of the applicant's name or of the 登记号
                           (any case); NULL or "": no search */
  int64_t handlerId;    /* only the cases of this 承办人; 0: anyone's */
} AppQuery;

/* Runs q: the rows into *paApp and *pn (arena ar) and, when pnTotal is not
** NULL, the number of applications in the whole selection into *pnTotal.
** STORE_INVALID for an unknown filter. */
int store_app_query(Store *s, Arena *ar, const AppQuery *q, App **paApp,
                    int *pn, int *pnTotal);

/* Every open application (all organisations), for recalculation. */
int store_app_open_ids(Store *s, Arena *ar, int64_t **paId, int *pn);

/* Assigns a department and handler (0 clears); state becomes in_progress
** when it was received. */
int store_app_assign(Store *s, int64_t id, int64_t deptId, int64_t handlerId);

/* Records the drafted answer: outcome, decision text, drafter; state
** becomes awaiting_review.  STORE_CONFLICT when the case is closed or its
** answer already awaits review or approval (a change goes back by return). */
int store_app_draft(Store *s, int64_t id, const char *zOutcome,
                    const char *zDecisionText, int64_t userId);

/* Sets which answer of Art. 36 a drafted answer is where one row of table
** 三 counts two (0021_app_workflow.sql, 0106_answer_already_public.sql):
** zBasis "", art36_1 (row （一）: already proactively disclosed, with the
** way and place to obtain it, zObtainAt), art36_4 or art36_5 (row （四）1;
** art36_5 with the responsible organ and its contact).  STORE_CONFLICT
** when the case is closed. */
int store_app_set_basis(Store *s, int64_t id, const char *zBasis,
                        const char *zOrgan, const char *zContact,
                        const char *zObtainAt);

/* Sends the draft back (from review or approval): state in_progress. */
int store_app_return(Store *s, int64_t id);

/* The department head's review (科室审核) of the draft: reviewer recorded,
** state awaiting_approval.  STORE_CONFLICT unless awaiting review. */
int store_app_dept_review(Store *s, int64_t id, int64_t userId);

/* Approves the drafted answer: approver, time, closed_on = zDay, state
** answered.  STORE_CONFLICT unless it is awaiting approval. */
int store_app_approve(Store *s, int64_t id, int64_t userId, const char *zDay);

/* Closes without an answer (abandoned, fee unpaid): outcome and closed_on,
** state closed. */
int store_app_close(Store *s, int64_t id, const char *zOutcome,
                    const char *zDay, const char *zText);

/* Sets the cached due date (NULL or "" clears). */
int store_app_set_due(Store *s, int64_t id, const char *zDue);

/* Sets the fee fields. */
int store_app_set_fee(Store *s, int64_t id, const char *zMethod, int nCount,
                      int64_t nYuan, const char *zStatus, const char *zNote);

/* Items of the applicant with hash zIdHash received by the organisation of
** application id in the natural month of zDay before it (earlier receipt
** date, or the same day and a smaller id), for 按件计收: an application
** charged per item counts its items (fee_count), any other one 1. */
int store_app_month_count(Store *s, const char *zIdHash, const char *zDay,
                          int64_t id);

/* Clock events. */
int store_app_event_add(Store *s, int64_t appId, const AppEventRec *e,
                        int64_t userId);
int store_app_events(Store *s, Arena *ar, int64_t appId, AppEvent **pa,
                     int *pn);

/* Workflow history. */
int store_app_log(Store *s, int64_t appId, int64_t userId, const char *zAction,
                  const char *zDetail);
int store_app_logs(Store *s, Arena *ar, int64_t appId, AppLog **pa, int *pn);

/* Attachments. */
int store_app_file_add(Store *s, int64_t appId, const char *zName,
                       const char *zMime, const void *p, size_t n);
int store_app_files(Store *s, Arena *ar, int64_t appId, AppFile **pa, int *pn);

/* The bytes of attachment fileId of application appId into *pFile and
** *ppData / *pnData (in ar).  STORE_NOTFOUND when no such pair. */
int store_app_file_get(Store *s, Arena *ar, int64_t appId, int64_t fileId,
                       AppFile *pFile, const void **ppData, size_t *pnData);

/* Reconsideration and litigation. */
int store_app_review_add(Store *s, AppReview *r);
int store_app_reviews(Store *s, Arena *ar, int64_t appId, AppReview **pa,
                      int *pn);
/* Records the result of a pending case reviewId of application appId.
** STORE_CONFLICT unless it exists and is still pending. */
int store_app_review_decide(Store *s, int64_t appId, int64_t reviewId,
                            const char *zResult, const char *zDecidedOn);

/* The organisation's template for an outcome, else the system-wide one
** (org_id NULL), else NULL (use app_default_template()). */
const char *store_app_template(Store *s, Arena *ar, int64_t orgId,
                               const char *zOutcome);
int store_app_template_set(Store *s, int64_t orgId, const char *zOutcome,
                           const char *zBody);

/* The online-submission rate limit, check and record in one transaction
** under STORE_LOCK_THROTTLE (no race between parallel submissions, on any
** server): records an attempt from zAddr at
** `now` only while fewer than nMax were recorded since `since`.  1 when
** recorded, 0 when the limit is reached, or a negative STORE_* code. */
int store_apply_attempt_take(Store *s, const char *zAddr, int64_t now,
                             int64_t since, int nMax);

/* store_calendar() (initialises pCal; the caller cal_free()s it), except
** that an empty holiday table falls back to the embedded
** data/holidays_cn.csv.  Returns STORE_OK or an error. */
int store_app_calendar(Store *s, Calendar *pCal);

/* Recomputes application id's clock on dToday and stores its due date;
** when the due date changes and zReason is not NULL, logs the change in
** application_due_change.  *pbChanged (may be NULL) says whether it did.
** Returns STORE_OK, or STORE_INVALID with the clock's message. */
int store_app_refresh_due(Store *s, Arena *ar, const Calendar *pCal, int64_t id,
                          Date dToday, const char *zReason, int *pbChanged);

/* The clock parameters from the settings: application_fee_wait_counted
** = 1 counts the time between a fee notice and payment (default: not). */
void store_app_clock_params(Store *s, DlParams *p);

/* Refreshes every open application (see above) in one transaction;
** *pnChanged gets the number whose due date moved. */
int store_app_recalc_all(Store *s, const Calendar *pCal, Date dToday,
                         const char *zReason, int *pnChanged);

/* store_app_recalc_all() over the open applications, or, with bClosedToo,
** every application: after the clock's rules changed (issue 13: the 2007
** Regulation's 15 days for cases received before 2019-05-15) the due
** dates of answered cases, which decide "on time", are recomputed too. */
int store_app_recalc(Store *s, const Calendar *pCal, Date dToday,
                     const char *zReason, int bClosedToo, int *pnChanged);

/* The year's figures for table 三 (all applicant types together) over
** orgId (0: every organisation): new (received in the year), carried in
** (received earlier, still open on 1 January), closed in the year, carried
** out (received by 31 December and still open then).  Rule R1 of the
** report: new + carried in == closed + carried out. */
typedef struct AppYearCounts {
  int nNew, nCarriedIn, nClosed, nCarriedOut;
} AppYearCounts;
int store_app_year_counts(Store *s, int64_t orgId, int iYear, AppYearCounts *p);

/* One cell of table 三 of the annual report for a year. */
typedef struct AppT3Cell {
  const char *zRow; /* "new", "carried_in", a leaf outcome id, "carry_out" */
  const char *zCol; /* applicant type (column id) */
  int n;            /* applications */
} AppT3Cell;
/* The non-zero cells of table 三 for iYear over orgId (bSubtree: and the
** organisations below), grouped by SQL: new = received in the year;
** carried_in = received before and open on 1 January; each outcome row =
** closed in the year with that outcome; carry_out = open on 31 December.
** Sorted by row, then column (byte order).  Cells live in ar. */
int store_app_t3(Store *s, Arena *ar, int64_t orgId, int bSubtree, int iYear,
                 AppT3Cell **pa, int *pn);

/* The file name of the main database ("" for an in-memory one); used by
** the demo to find the key file beside it. */
const char *store_app_db_path(Store *s);

/* Recalculates every open application (reason "节假日安排变更后重新计算")
** when the holiday table differs from the one last used for that (its
** signature is kept in table application_calendar), so that
** holidays added by any means move open deadlines, with the change logged.
** *pnChanged (may be NULL) gets the number of moved due dates.  Cheap when
** nothing changed (one query).  Returns STORE_OK or an error. */
int store_app_recalc_if_calendar_changed(Store *s, Date dToday, int *pnChanged);

/* Due-date changes of an application, newest first. */
typedef struct AppDueChange {
  const char *zAt, *zOld, *zNew, *zReason;
} AppDueChange;
int store_app_due_changes(Store *s, Arena *ar, int64_t appId, AppDueChange **pa,
                          int *pn);

/* Staff-home figures over orgId (bSubtree as for lists) for the calendar
** year iYear: answered (closed with an answer), answered on time (closed_on
** <= due_on). */
int store_app_on_time(Store *s, int64_t orgId, int bSubtree, int iYear,
                      int *pnAnswered, int *pnOnTime);

/* Art. 44: information asked for by at least two different applicants
** since zSince (same title or document number, case and spaces ignored). */
typedef struct AppSimilar {
  const char *zTitle; /* the title (or document number) */
  int nApplicants;    /* distinct applicants */
  int nApplications;
} AppSimilar;
int store_app_similar(Store *s, Arena *ar, int64_t orgId, int bSubtree,
                      const char *zSince, AppSimilar **pa, int *pn);

#endif
