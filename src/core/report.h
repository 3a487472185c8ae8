/*
** report.h — the value grid of one annual report (one format, organisation
** and year) and the consistency checker.
**
** Every cell of the format's grid (see report_format.h for numbering) is
** blank or holds a number in fixed point (RF_SCALE units: 1 = 1/10000, so
** integers are n * RF_SCALE and 万元 amounts keep four decimals).  A cell
** may carry an override reason (why a value differs from what the records
** give) and a list of record ids (the applications or documents counted in
** it, for drill-down): a store function fills the grid cell by cell with
** report_add_record().
**
** report_check() evaluates every rule of the format and lists the issues:
** broken rules, rules that cannot be checked because a cell is blank (a
** blank is never read as 0), and broken rules the report has accepted
** with a reason (report_accept()).
**
** JSON form (ids from data/report_formats.json, null for blank):
**   {"format":"2021","org":"…","year":2021,
**    "tables":{"t3":{"new":{"natural_person":0,…},…},…},
**    "reasons":{"t3[new][total]":"…"},      optional cell override reasons
**    "accepted":{"R1[total]":"…"}}           optional accepted violations
**
** Pure functions: no I/O, no globals.  A Report is not shared between
** threads while it is written.
*/
#ifndef GK_REPORT_H
#define GK_REPORT_H

#include "core/report_format.h"

typedef struct RpCell {
  int bSet;            /* 0 = blank */
  long long v;         /* value in RF_SCALE units when bSet */
  char *zReason;       /* override reason or NULL */
  long long *aRec;     /* record ids counted in this cell */
  int nRec, nRecAlloc;
} RpCell;

typedef struct RpAccept {
  char *zKey;          /* check key, e.g. "R1[natural_person]" */
  char *zReason;       /* why the inconsistency stands */
} RpAccept;

typedef struct Report {
  const RfFormat *pFmt;  /* not owned; must outlive the report */
  char *zOrg;            /* organisation name or NULL */
  int iYear;             /* report year, 0 when unknown */
  RpCell *aCell;         /* pFmt->nCell cells */
  RpAccept *aAcc;  int nAcc;
} Report;

enum { RP_BROKEN = 1, RP_BLANK = 2, RP_ACCEPTED = 3 };  /* issue status */

typedef struct RpIssue {
  const RfRule *pRule;   /* the rule */
  const RfCheck *pCheck; /* the instance; NULL for a cell-type issue and
                         ** for a group row's moved check */
  char *zKey;            /* pCheck->zKey, or "R7[t3[new][total]]" */
  int eStatus;           /* RP_BROKEN / RP_BLANK / RP_ACCEPTED */
  int eSeverity;         /* RF_ERROR / RF_WARNING (from the rule) */
  long long lhs, rhs;    /* side values (RF_SCALE) when evaluated */
  int *aCell; int nCell; /* this year's cells involved; for RP_BLANK the
                         ** blank ones */
  char *zMsg;            /* Chinese message */
  const char *zReason;   /* acceptance reason (owned by the report) */
} RpIssue;

typedef struct RpResult {
  RpIssue *a; int n;
  int nBroken;           /* broken, severity error, not accepted */
  int nWarning;          /* broken, severity warning, not accepted */
  int nBlank;            /* not checkable */
  int nAccepted;         /* broken but accepted */
} RpResult;

/* A new empty (all blank) report.  Caller frees with report_free(). */
Report *report_new(const RfFormat *pFmt, const char *zOrg, int iYear);
void report_free(Report *p);

/* Sets a cell to v (RF_SCALE units) / to the integer n.  Returns 0, or -1
** when iCell or the value is out of range (|n| < RF_MAX_UNITS). */
int report_set(Report *p, int iCell, long long v);
int report_set_int(Report *p, int iCell, long long n);
void report_clear(Report *p, int iCell);   /* back to blank */

/* 1 and *pV when the cell holds a value, 0 when blank or out of range. */
int report_get(const Report *p, int iCell, long long *pV);

/* Sets (NULL clears) a cell's override reason; copies it.  0 or -1. */
int report_set_reason(Report *p, int iCell, const char *zReason);

/* Drill-down: adds record idRecord to a cell and delta (RF_SCALE units) to
** its value (a blank cell becomes 0 first).  0 or -1. */
int report_add_record(Report *p, int iCell, long long idRecord,
                      long long delta);

/* Accepts the violation with key zKey (see RpIssue.zKey) for zReason;
** replaces an earlier reason; NULL reason withdraws.  Returns 0. */
int report_accept(Report *p, const char *zKey, const char *zReason);
const char *report_accepted(const Report *p, const char *zKey);

/* Evaluates every rule.  pPrev (the previous year's report, any format, or
** NULL) enables cross-year rules; without it they are skipped.  Fills *pOut
** (free with rp_result_free()).  Returns the number of issues. */
int report_check(const Report *p, const Report *pPrev, RpResult *pOut);
void rp_result_free(RpResult *r);

/* Parses the JSON form.  zFormat (or NULL) overrides the "format" member.
** Returns 0 and a new report in *pp, or -1 and a Chinese message in *pzErr
** (caller frees). */
int report_from_json(const RfSet *pSet, const char *zJson,
                     const char *zFormat, Report **pp, char **pzErr);

/* The JSON form; caller frees. */
char *report_to_json(const Report *p);

#endif
