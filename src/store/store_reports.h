/*
** store_reports.h — annual reports (年度报告) in the store: the grid of one
** organisation or its subtree (全系统) computed from the records (documents
** for table 二, the register for table 二's decisions and fees,
** applications for table 三, reconsideration and litigation for table 四),
** stored reports with their narrative, overrides, accepted violations and
** status, and the register itself.  Schema: schema/0006_reports.sql.
**
** Records returned in arenas live as long as the arena.  Functions return
** STORE_OK or a STORE_* code with the message in store_errmsg().
*/
#ifndef GK_STORE_REPORTS_H
#define GK_STORE_REPORTS_H

#include <stdint.h>

#include "core/report.h"
#include "store/store.h"

/* One stored report. */
typedef struct ReportRec {
  int64_t id;
  int64_t orgId;
  int year;
  const char *zFormat;     /* "2021" */
  int bSubtree;            /* scope 'subtree' (全系统) */
  const char *zStatus;     /* 'draft' | 'submitted' | 'published' */
  const char *zSection1, *zSection5, *zSection6;
  const char *zUpdatedAt, *zSubmittedAt, *zPublishedAt;  /* "" when unset */
  const char *zOrgName, *zOrgSlug;
  int64_t docId;           /* portal document of the published report, 0 */
} ReportRec;

/* One entry of the override log (newest first). */
typedef struct ReportOverride {
  int64_t id;
  const char *zCell;       /* "t3[new][total]" */
  int bSet;                /* 0: the cell is blank */
  long long v;             /* RF_SCALE units */
  const char *zReason;
  int bRemoved;            /* 1: back to the computed value */
  const char *zUser;       /* name of who did it, "" for the CLI */
  const char *zAt;
} ReportOverride;

/* One register entry (table 二's decisions and fees). */
typedef struct ReportRegister {
  int64_t id, orgId;
  int year;
  const char *zKind;       /* licensing | penalty | coercion | admin_fees */
  long long count;
  long long amount;        /* 万元 × RF_SCALE */
  const char *zSource;     /* form | csv */
  const char *zOrgName;
} ReportRegister;

/* A unit of a subtree with its report state for a year (supervisor list). */
typedef struct ReportUnit {
  int64_t orgId;
  const char *zOrgName, *zOrgSlug;
  int depth;
  const char *zStatus;     /* "" when no report exists */
  const char *zSubmittedAt;
  const char *zOrgKind;    /* core/org_kind.h: decides deadline and duty */
} ReportUnit;

/* One record behind a number (drill-down). */
typedef struct ReportRecord {
  int64_t id;
  const char *zKind;       /* application | doc | review | register */
  const char *zRef;        /* 登记号, 索引号, 案号 … */
  const char *zTitle;
  const char *zOrgName;
  const char *zDate;
  const char *zDetail;     /* outcome / state */
} ReportRecord;

/* The format id in force for a report year: "2021" from 2021, "2019" for
** 2019–2020, "stat2018" before (static strings). */
const char *store_report_format_for_year(int year);

/* Fills p (a fresh report of its format, any year/org) with the numbers
** the records give for organisation orgId (and its subtree when
** bSubtree) in p->iYear: every cell of tables t2*, t3, t4 (and of the
** stat2018 form the rows docs/reports.md maps to records) that the
** format has and the records feed is set (0 when nothing counts).  When
** bRecords, each record is also added to its cells (report_add_record) for
** drill-down; otherwise the numbers come from SQL grouping only (fast).
** Cells the records cannot feed stay blank. */
int store_report_compute(Store *s, int64_t orgId, int bSubtree, int bRecords,
                         Report *p);

/* The stored report of (orgId, year, scope), STORE_NOTFOUND when none. */
int store_report_get(Store *s, Arena *a, int64_t orgId, int year,
                     int bSubtree, ReportRec *pOut);
int store_report_by_id(Store *s, Arena *a, int64_t id, ReportRec *pOut);

/* The stored report, created as a draft in format zFormat when absent. */
int store_report_ensure(Store *s, Arena *a, int64_t orgId, int year,
                        int bSubtree, const char *zFormat, int64_t userId,
                        ReportRec *pOut);

/* Builds the full report of a stored one: the computed numbers, then the
** latest overrides (with their reasons) and the accepted violations; a
** published report is its snapshot (unless bRecords, for drill-down).
** *pp is new (report_free); the format comes from pSet.  STORE_INVALID when
** the format is unknown. */
int store_report_build(Store *s, const RfSet *pSet, const ReportRec *pRec,
                       int bRecords, Report **pp);

/* Overrides cell zCell ("t3[new][total]", must exist in the report's
** format): bSet=0 makes it blank; bRemove=1 goes back to the computed
** value.  zReason is required (STORE_INVALID without).  Logged in
** report_override and audit_log. */
int store_report_override(Store *s, const RfSet *pSet, int64_t reportId,
                          const char *zCell, int bSet, long long v,
                          int bRemove, const char *zReason, int64_t userId);
int store_report_overrides(Store *s, Arena *a, int64_t reportId,
                           ReportOverride **pa, int *pn);

/* Accepts violation zKey for zReason (required); a NULL reason withdraws. */
int store_report_accept(Store *s, int64_t reportId, const char *zKey,
                        const char *zReason, int64_t userId);

/* Saves the narrative sections 一、五、六 (NULL keeps a section). */
int store_report_set_text(Store *s, int64_t reportId, const char *z1,
                          const char *z5, const char *z6);

/* Moves the status to zStatus ('draft', 'submitted', 'published'); the
** caller has checked the rules.  Stamps who and when.  Publishing stores
** zSnapshot (the JSON form of the report as published; required then),
** any other status clears it. */
int store_report_set_status(Store *s, int64_t reportId, const char *zStatus,
                            const char *zSnapshot, int64_t userId);

/* Links the portal document of a published report (0 unlinks). */
int store_report_set_doc(Store *s, int64_t reportId, int64_t docId);

/* Reports of an organisation (newest year first); bPublished: only
** published ones. */
int store_report_list(Store *s, Arena *a, int64_t orgId, int bPublished,
                      ReportRec **pa, int *pn);

/* Every organisation of rootId's subtree (rootId included) with the state of
** its own ('org' scope) report for year, in tree order. */
int store_report_units(Store *s, Arena *a, int64_t rootId, int year,
                       ReportUnit **pa, int *pn);

/* Register: sets (replaces) one entry.  kind as in the schema; count >= 0,
** amount >= 0 (万元 × RF_SCALE).  STORE_INVALID on bad input. */
int store_report_register_put(Store *s, int64_t orgId, int year,
                              const char *zKind, long long count,
                              long long amount, const char *zSource,
                              int64_t userId);
int store_report_register_list(Store *s, Arena *a, int64_t orgId, int year,
                               ReportRegister **pa, int *pn);

/* The records with ids aId[0..n) of the kind that feeds table zTable
** ("t3" applications, "t4" reconsideration/litigation, "t2_art20_1"
** documents, other t2 tables register entries; "stat.ROW" for a row of
** the stat2018 form, the kind that row counts, see docs/reports.md). */
int store_report_records(Store *s, Arena *a, const char *zTable,
                         const long long *aId, int n, ReportRecord **pa,
                         int *pn);

/* Facts for the generated draft of the narrative (year, scope). */
typedef struct ReportFacts {
  long long nPublished;     /* documents published in the year */
  long long nRegulations;   /* of which 规章 */
  long long nNormative;     /* of which 行政规范性文件 */
  long long nInterpretations; /* of which 解读 (genre) */
  long long nNew, nClosed, nOpen;  /* applications */
  long long nFeeYuan;       /* 信息处理费 collected (paid, closed in year) */
  long long nReviews, nLitigations; /* filed in the year */
} ReportFacts;
int store_report_facts(Store *s, int64_t orgId, int bSubtree, int year,
                       ReportFacts *pOut);

#endif
