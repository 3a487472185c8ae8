/*
** application.h — the rules of applications for disclosure (依申请公开,
** Arts. 27–45 of the Regulation) that need no I/O: the code lists
** (channels, applicant types, outcomes = leaf rows of table 三 of the 2021
** report format with their legal grounds, reconsideration and litigation
** kinds), validation of the public form, the application's clock (mapping
** stored events onto core/deadline.h), and answer-letter templates.
**
** Ids are the ones stored in the database (0004_applications.sql) and the
** report formats (data/report_formats.json): applicant types are the
** column ids of table 三, outcomes its leaf row ids, review kinds and
** results the column groups of table 四.  Labels are Simplified Chinese.
** Pure functions and static tables; thread-safe.
*/
#ifndef GK_APPLICATION_H
#define GK_APPLICATION_H

#include "core/deadline.h"
#include "lib/date.h"

/* A code with its Chinese label (static storage). */
typedef struct AppCode {
  const char *zId;    /* stored value, e.g. "natural_person" */
  const char *zLabel; /* 自然人 */
} AppCode;

/* A channel (Art. 31): id, label and the deadline module's channel. */
typedef struct AppChannel {
  const char *zId;    /* in_person, oral, post_signed, post_ordinary,
                       ** online, fax, email */
  const char *zLabel; /* 当面提交 … */
  DlChannel eDl;      /* how the receipt date is fixed */
  const char *zEvent; /* label of the deciding event's date field */
} AppChannel;

/* An outcome: a leaf row of table 三 with its legal ground. */
typedef struct AppOutcome {
  const char *zId;       /* "results.denied.third_party" */
  const char *zLabel;    /* official row label, abbreviated group prefix */
  const char *zGround;   /* 《条例》第十五条 … */
  const char *zDecision; /* default decision sentence for the letter */
} AppOutcome;

extern const AppChannel aAppChannel[];    /* terminated by zId == NULL */
extern const AppCode aAppApplicantType[]; /* the six columns of table 三 */
extern const AppCode aAppIdKind[];     /* resident_id, uscc, passport, permits, other */
extern const AppCode aAppForm[];       /* paper, email, electronic, … */
extern const AppCode aAppDelivery[];   /* post, email, pickup */
extern const AppOutcome aAppOutcome[]; /* the 21 leaf rows, report order */
extern const AppCode
    aAppReviewKind[]; /* review, lit_direct, lit_after_review */
extern const AppCode aAppReviewResult[]; /* upheld, corrected, other, pending */
extern const AppCode aAppEventKind[];    /* application_event.kind values */
extern const AppCode aAppState[];        /* received … closed */

/* The entry with id zId in a NULL-terminated table, or NULL. */
const AppCode *app_code(const AppCode *a, const char *zId);
/* Its label, or zId itself when unknown ("" for NULL). */
const char *app_label(const AppCode *a, const char *zId);
const AppChannel *app_channel(const char *zId);
const AppOutcome *app_outcome(const char *zId);

/* ---- answers (a drafter's choice) --------------------------------------- */

/* The answers a drafter chooses from are the outcomes, except that two
** rows of table 三 each cover two answers of Art. 36 with different
** letters.  Row （一）予以公开: (二) the information is provided (the row's
** own id, basis "") and (一) it has already been proactively disclosed
** (APP_ANSWER_ALREADY_PUBLIC, basis "art36_1"; the letter tells the way
** and place to obtain it, which the drafter gives).  Row （四）1: (四) the
** information does not exist (the row's own id, basis "art36_4") and (五)
** it is not this organ's to disclose (APP_ANSWER_OTHER_ORGAN, basis
** "art36_5"; the letter names the responsible organ and its contact). */
#define APP_ANSWER_ALREADY_PUBLIC "results.granted.already_public"
#define APP_ANSWER_OTHER_ORGAN "results.cannot_provide.not_held.other_organ"

/* The i-th answer in report order (0-based), NULL past the end. */
const AppOutcome *app_answer_at(int i);
/* The answer with id zChoice, or NULL; sets *pzOutcome to its table-三 row
** and *pzBasis to "art36_1", "art36_4", "art36_5" or "". */
const AppOutcome *app_answer(const char *zChoice, const char **pzOutcome,
                             const char **pzBasis);
/* The answer of a stored outcome and basis (the letter's key is its zId). */
const AppOutcome *app_answer_of(const char *zOutcome, const char *zBasis);

/* The legal ground of answer o for an application received on dReceipt:
** o->zGround under the 2019 Regulation; before 2019-05-15 the articles of
** the 2007 Regulation (国务院令第492号, core/regime.h) — Art. 21 (the
** answers), Art. 22 (separable parts), Arts. 8, 14 ¶4 and 23 (what is not
** disclosed), Art. 2 (what government information is).  Static. */
const char *app_ground(const AppOutcome *o, Date dReceipt);

/* ---- the public form ---------------------------------------------------- */

/* What an applicant submits.  Strings are borrowed (NULL = empty). */
typedef struct AppInput {
  const char *zApplicantType, *zName, *zIdKind, *zIdNumber;
  const char *zContactPerson, *zPhone, *zEmail, *zAddress, *zPostcode;
  const char *zInfoTitle, *zInfoDocNumber, *zInfoDescription, *zPurpose;
  const char *zForm, *zDelivery;
} AppInput;

/* One rejected field. */
typedef struct AppFieldErr {
  const char *zField; /* form field name ("id_number") */
  char zMsg[160];     /* Chinese message */
} AppFieldErr;

#define APP_MAX_ERRORS 16

/* Validates p.  iToday is today as YYYYMMDD (identity numbers with a later
** birth date are refused).  Rules: a known applicant type, id kind, form
** and delivery; a name (1..100 characters); the identity number checked
** by kind (居民身份证 with its check digit; 统一社会信用代码 with its check
** character; natural persons may not use a credit code and organisations
** must); a phone, e-mail or address so the organ can answer (Art. 29(一)),
** e-mail delivery needs an e-mail, postal delivery an address; the
** information sought by title, document number or description (Art.
** 29(二)); size limits on every field.  Fills aErr[0..] (at most
** APP_MAX_ERRORS) and returns the number of errors (0 = acceptable).
** zIdNorm (64 bytes) receives the normalised identity number. */
int app_validate(const AppInput *p, int iToday, char zIdNorm[64],
                 AppFieldErr *aErr);

/* The masked form of a normalised identity number of kind zIdKind into a
** new heap string the caller frees (resident ids keep 6 + 4 characters,
** credit codes 8 + 2, others the first and last 2). */
char *app_mask_id(const char *zIdKind, const char *zIdNorm);

/* ---- the clock ---------------------------------------------------------- */

/* One stored clock event (application_event), strings borrowed. */
typedef struct AppEventRec {
  const char *zKind;  /* application_event.kind */
  const char *zOn;    /* 'YYYY-MM-DD' */
  const char *zLimit; /* 'YYYY-MM-DD' or "" */
  int nDays;          /* extension days */
  const char *zText;  /* approver / reasons */
} AppEventRec;

/* The DlEventKind for a stored kind, or 0 when unknown. */
DlEventKind app_event_kind(const char *zKind);

/* Computes the clock of an application received on zReceived (Art. 31
** date) with events a[0..n) on dToday; see deadline_compute() for the
** result (caller frees with deadline_result_free()).  Returns DL_OK, or
** DL_EINVAL with pRes->zErr (also for a malformed stored date). */
int app_clock(const Calendar *pCal, const char *zReceived, const AppEventRec *a,
              int n, Date dToday, DlResult *pRes);

/* app_clock() with explicit parameters (pParams NULL = defaults); the
** fee wait is counted only when pParams->bFeeWaitCounted is set. */
int app_clock_ex(const Calendar *pCal, const char *zReceived,
                 const AppEventRec *a, int n, const DlParams *pParams,
                 Date dToday, DlResult *pRes);

/* ---- answer letters ----------------------------------------------------- */

/* The compiled-in template for an outcome (static).  Placeholders in
** braces: {applicant} {reg_no} {received_on} {info} {decision} {reasons}
** {ground} {obtain} {remedy} {org} {date}. */
const char *app_default_template(const char *zOutcome);

/* Replaces each {name} in zTpl with xGet(pCtx, name) (NULL: left as is).
** Returns a new heap string the caller frees. */
char *app_template_fill(const char *zTpl,
                        const char *(*xGet)(void *pCtx, const char *zName),
                        void *pCtx);

/* The remedy paragraph depends on the answer's date: core/remedy.h. */

#endif
