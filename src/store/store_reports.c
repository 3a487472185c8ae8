/*
** store_reports.c — annual reports (see store_reports.h).  The
** only file that knows the SQL of tables report, report_override,
** report_acceptance and report_register, and of the report's reading of
** doc, application and application_review.
**
** Counting (the year Y, scope = the organisation or its subtree):
**   table 三  一 new        received_on in Y
**             二 carried in  received_on < Y-01-01, not closed before Y-01-01
**             三 results     closed_on in Y, by outcome (leaf row id)
**             四 carry out   received_on <= Y-12-31, open on Y-12-31
**   table 四  cases filed in Y by kind; the result as known on Y-12-31
**             (undecided then: pending)
**   table 二  documents of report_kind regulation / normative: made =
**             signed (or, without a signed date, published) in Y and
**             published; repealed = validity repealed/expired dated in Y;
**             in force = published on Y-12-31 (not withdrawn by then),
**             signed by Y-12-31 and not repealed or expired by then.  Decisions and fees from report_register.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/register_kind.h"
#include "lib/buf.h"
#include "store/store_int.h"
#include "store/store_reports.h"

/* Organisations in scope: ?1 and, when ?2 is true, its subtree. */
#define SCOPE_CTE "WITH RECURSIVE " ORG_SCOPE_CTE("sc", "1", "?2<>0") " "

const char *store_report_format_for_year(int year) {
  if (year >= 2021) return "2021";
  if (year >= 2019) return "2019";
  return "stat2018";
}

/* Adds n (whole units) or one record to cell iCell; ignores iCell < 0. */
static void add(Report *p, int iCell, int bRecords, long long id,
                long long n) {
  if (iCell < 0) return;
  if (bRecords) report_add_record(p, iCell, id, n * RF_SCALE);
  else {
    long long v = 0;
    report_get(p, iCell, &v);
    report_set(p, iCell, v + n * RF_SCALE);
  }
}

/* Sets every cell of table zTab in columns of the record-fed kind to 0. */
static void zero_table(Report *p, const char *zTab) {
  const RfTable *t = rf_table_find(p->pFmt, zTab);
  if (!t) return;
  for (int r = 0; r < t->nRow; r++) {
    if (!t->aRow[r].bData) continue;
    for (int c = 0; c < t->nCol; c++)
      report_set_int(p, t->iCell0 + r * t->nCol + c, 0);
  }
}

/* Cell of t3 for an outcome (leaf row id); a 2019-format report has one
** row for 其他处理, so "results.other.*" falls back to "results.other". */
static int t3_cell(const RfFormat *f, const char *zRow, const char *zCol) {
  int i = rf_cell(f, "t3", zRow, zCol);
  if (i < 0 && !strncmp(zRow, "results.other.", 14))
    i = rf_cell(f, "t3", "results.other", zCol);
  return i;
}

/* Adds one application (or a group of n) to row zRow, column zType and the
** total column; for a result row also to （七）总计. */
static void t3_add(Report *p, const char *zRow, const char *zType,
                   int bRecords, long long id, long long n) {
  const RfFormat *f = p->pFmt;
  add(p, t3_cell(f, zRow, zType), bRecords, id, n);
  add(p, t3_cell(f, zRow, "total"), bRecords, id, n);
  if (!strncmp(zRow, "results.", 8)) {
    add(p, rf_cell(f, "t3", "results.total", zType), bRecords, id, n);
    add(p, rf_cell(f, "t3", "results.total", "total"), bRecords, id, n);
  }
}

/* Runs one table-三 query: ?1 org, ?2 subtree, ?3 first day, ?4 last day;
** rows (id or 0, applicant_type, outcome or NULL, count).  zRow NULL takes
** the row from column 2. */
static int t3_query(Store *s, Report *p, const char *zSql, int64_t orgId,
                    int bSubtree, const char *zFrom, const char *zTo,
                    const char *zRow, int bRecords) {
  Stmt *st = stmt(s, zSql);
  int rc;
  if (!st) return STORE_ERROR;
  bind_int(st, 1, orgId);
  bind_int(st, 2, bSubtree);
  bind_text(st, 3, zFrom);
  bind_text(st, 4, zTo);
  while ((rc = stmt_step(st)) == STMT_ROW) {
    const char *zType = col_str(st, 1);
    const char *zR = zRow ? zRow : col_str(st, 2);
    if (!zType || !zR) continue;
    t3_add(p, zR, zType, bRecords, col_int(st, 0),
           col_int(st, 3));
  }
  stmt_done(st);
  return rc == STMT_DONE ? STORE_OK : store_db_err(s, "统计申请");
}

/* Table 三 from the applications.  Each SQL text comes in a grouped and a
** per-record form (same WHERE clause). */
static int compute_t3(Store *s, Report *p, int64_t orgId, int bSubtree,
                      int bRec, const char *zFrom, const char *zTo) {
  int rc;
  zero_table(p, "t3");
/* INDEXED BY (SQLite only, a dialect alternative): without it SQLite
** takes application_org (org_id, received_on), which does not cover
** applicant_type, and reads every row. */
#define T3_NEW_HINT " INDEXED BY application_report_received"
#define T3_NEW_W(HINT) \
  " FROM application a" HINT \
  " WHERE a.org_id IN (SELECT id FROM sc)" \
  " AND a.received_on BETWEEN ?3 AND ?4"
#define T3_IN_W \
  " FROM application a WHERE a.org_id IN (SELECT id FROM sc)" \
  " AND a.received_on < ?3 AND (a.closed_on IS NULL OR a.closed_on >= ?3)"
#define T3_RES_W \
  " FROM application a WHERE a.org_id IN (SELECT id FROM sc)" \
  " AND a.closed_on BETWEEN ?3 AND ?4"
#define T3_OUT_W \
  " FROM application a WHERE a.org_id IN (SELECT id FROM sc)" \
  " AND a.received_on <= ?4 AND (a.closed_on IS NULL OR a.closed_on > ?4)"
  if (bRec) {
#define T3_NEW_ROWS(HINT) SCOPE_CTE "SELECT a.id,a.applicant_type,NULL,1" T3_NEW_W(HINT)
    rc = t3_query(s, p, SQL_DIALECT(s, T3_NEW_ROWS(T3_NEW_HINT), T3_NEW_ROWS("")),
                  orgId, bSubtree, zFrom, zTo, "new", 1);
    if (!rc) rc = t3_query(s, p, SCOPE_CTE "SELECT a.id,a.applicant_type,"
                           "NULL,1" T3_IN_W, orgId, bSubtree, zFrom, zTo,
                           "carried_in", 1);
    if (!rc) rc = t3_query(s, p, SCOPE_CTE "SELECT a.id,a.applicant_type,"
                           "coalesce(a.outcome,'results.other.other'),1"
                           T3_RES_W, orgId, bSubtree, zFrom, zTo, NULL, 1);
    if (!rc) rc = t3_query(s, p, SCOPE_CTE "SELECT a.id,a.applicant_type,"
                           "NULL,1" T3_OUT_W, orgId, bSubtree, zFrom, zTo,
                           "carry_out", 1);
  } else {
#define T3_NEW_COUNT(HINT) \
  SCOPE_CTE "SELECT 0,a.applicant_type,NULL,count(*)" T3_NEW_W(HINT) " GROUP BY 2"
    rc = t3_query(s, p, SQL_DIALECT(s, T3_NEW_COUNT(T3_NEW_HINT), T3_NEW_COUNT("")),
                  orgId, bSubtree, zFrom, zTo, "new", 0);
    if (!rc) rc = t3_query(s, p, SCOPE_CTE "SELECT 0,a.applicant_type,NULL,"
                           "count(*)" T3_IN_W " GROUP BY 2", orgId, bSubtree,
                           zFrom, zTo, "carried_in", 0);
    if (!rc) rc = t3_query(s, p, SCOPE_CTE "SELECT 0,a.applicant_type,"
                           "coalesce(a.outcome,'results.other.other'),"
                           "count(*)" T3_RES_W " GROUP BY 2,3", orgId,
                           bSubtree, zFrom, zTo, NULL, 0);
    if (!rc) rc = t3_query(s, p, SCOPE_CTE "SELECT 0,a.applicant_type,NULL,"
                           "count(*)" T3_OUT_W " GROUP BY 2", orgId, bSubtree,
                           zFrom, zTo, "carry_out", 0);
  }
  return rc;
}

/* Table 四 from application_review: cases filed in the year. */
static int compute_t4(Store *s, Report *p, int64_t orgId, int bSubtree,
                      int bRec, const char *zFrom, const char *zTo) {
  const RfFormat *f = p->pFmt;
  int rc;
  if (!rf_table_find(f, "t4")) return STORE_OK;
  zero_table(p, "t4");
  Stmt *st = stmt(s, SCOPE_CTE
      "SELECT v.id,v.kind,CASE WHEN v.decided_on IS NULL OR v.decided_on > ?4"
      " THEN 'pending' ELSE v.result END"
      " FROM application_review v JOIN application a ON a.id=v.application_id"
      " WHERE a.org_id IN (SELECT id FROM sc) AND v.filed_on BETWEEN ?3 AND ?4");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, orgId);
  bind_int(st, 2, bSubtree);
  bind_text(st, 3, zFrom);
  bind_text(st, 4, zTo);
  while ((rc = stmt_step(st)) == STMT_ROW) {
    char zCol[64];
    const char *zKind = col_str(st, 1);
    const char *zRes = col_str(st, 2);
    long long id = col_int(st, 0);
    snprintf(zCol, sizeof zCol, "%s.%s", zKind, zRes);
    add(p, rf_cell(f, "t4", "cases", zCol), bRec, id, 1);
    snprintf(zCol, sizeof zCol, "%s.total", zKind);
    add(p, rf_cell(f, "t4", "cases", zCol), bRec, id, 1);
  }
  stmt_done(st);
  return rc == STMT_DONE ? STORE_OK : store_db_err(s, "统计复议诉讼");
}

/* Table 二 (第二十条第（一）项) from the documents.  Column ids of the 2021
** format (made, repealed, valid) and of the 2019 one (new_made,
** new_published, total_public). */
static int compute_t2_docs(Store *s, Report *p, int64_t orgId, int bSubtree,
                           int bRec, const char *zFrom, const char *zTo) {
  const RfFormat *f = p->pFmt;
  const RfTable *t = rf_table_find(f, "t2_art20_1");
  int rc;
  if (!t) return STORE_OK;
  for (int r = 0; r < t->nRow; r++)
    for (int c = 0; c < t->nCol; c++) {
      const char *zC = t->aCol[c].zId;
      if (!strcmp(zC, "made") || !strcmp(zC, "repealed") ||
          !strcmp(zC, "valid") || !strcmp(zC, "new_made") ||
          !strcmp(zC, "new_published") || !strcmp(zC, "total_public"))
        report_set_int(p, t->iCell0 + r * t->nCol + c, 0);
    }
  /* One row per document and column it counts in. */
  Stmt *st = stmt(s, SCOPE_CTE
      "SELECT d.id, CASE d.report_kind WHEN 'regulation' THEN 'regulations'"
      " ELSE 'normative_docs' END,"
      " (d.state IN ('published','withdrawn') AND"
      "  coalesce(d.signed_date,d.published_date) BETWEEN ?3 AND ?4),"
      " (d.validity IN ('repealed','expired') AND d.validity_date"
      "  BETWEEN ?3 AND ?4),"
      " ((d.state='published' OR d.withdrawn_at>=?5) AND"
      "  coalesce(d.signed_date,d.published_date)<=?4"
      "  AND NOT (d.validity IN ('repealed','expired') AND"
      "  coalesce(d.validity_date,'')<=?4)),"
      " (d.state IN ('published','withdrawn') AND d.published_date"
      "  BETWEEN ?3 AND ?4)"
      " FROM doc d WHERE d.org_id IN (SELECT id FROM sc)"
      " AND d.report_kind IN ('regulation','normative')"
      " AND d.state IN ('published','withdrawn')");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, orgId);
  bind_int(st, 2, bSubtree);
  bind_text(st, 3, zFrom);
  bind_text(st, 4, zTo);
  /* Withdrawn from the first Beijing second of Y+1 on: still published on
  ** 31 December (withdrawn_at is a UTC instant). */
  char zEnd[32];
  snprintf(zEnd, sizeof zEnd, "%04d-12-31T16:00:00Z", p->iYear);
  bind_text(st, 5, zEnd);
  while ((rc = stmt_step(st)) == STMT_ROW) {
    long long id = col_int(st, 0);
    const char *zRow = col_str(st, 1);
    static const char *aMade[] = {"made", "new_made"};
    if ((int)col_int(st, 2))
      for (int i = 0; i < 2; i++)
        add(p, rf_cell(f, "t2_art20_1", zRow, aMade[i]), bRec, id, 1);
    if ((int)col_int(st, 3))
      add(p, rf_cell(f, "t2_art20_1", zRow, "repealed"), bRec, id, 1);
    if ((int)col_int(st, 4)) {
      add(p, rf_cell(f, "t2_art20_1", zRow, "valid"), bRec, id, 1);
      add(p, rf_cell(f, "t2_art20_1", zRow, "total_public"), bRec, id, 1);
    }
    if ((int)col_int(st, 5))
      add(p, rf_cell(f, "t2_art20_1", zRow, "new_published"), bRec, id, 1);
  }
  stmt_done(st);
  return rc == STMT_DONE ? STORE_OK : store_db_err(s, "统计文件");
}

/* Table 二's decisions and fees from the register. */
static int compute_t2_register(Store *s, Report *p, int64_t orgId,
                               int bSubtree, int bRec) {
  static const struct { const char *zKind, *zTab, *zCol; int bAmount; } a[] = {
    {"licensing", "t2_art20_5", "decisions", 0},
    {"other_services", "t2_art20_5", "decisions", 0},
    {"penalty", "t2_art20_6", "decisions", 0},
    {"coercion", "t2_art20_6", "decisions", 0},
    {"admin_fees", "t2_art20_8", "amount_wan_yuan", 1},
    {"central_procurement", "t2_art20_9", "count", 0},
    {"central_procurement", "t2_art20_9", "amount", 1},
  };
  const RfFormat *f = p->pFmt;
  int rc;
  for (size_t i = 0; i < sizeof a / sizeof a[0]; i++) {
    int iCell = rf_cell(f, a[i].zTab, a[i].zKind, a[i].zCol);
    if (iCell >= 0) report_set(p, iCell, 0);
  }
  Stmt *st = stmt(s, SCOPE_CTE
      "SELECT r.id,r.kind,r.count,r.amount FROM report_register r"
      " WHERE r.org_id IN (SELECT id FROM sc) AND r.year=?3");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, orgId);
  bind_int(st, 2, bSubtree);
  bind_int(st, 3, p->iYear);
  while ((rc = stmt_step(st)) == STMT_ROW) {
    const char *zKind = col_str(st, 1);
    for (size_t i = 0; i < sizeof a / sizeof a[0]; i++) {
      if (strcmp(zKind, a[i].zKind)) continue;
      int iCell = rf_cell(f, a[i].zTab, a[i].zKind, a[i].zCol);
      if (iCell < 0) continue;
      long long d = a[i].bAmount ? col_int(st, 3)
                                 : col_int(st, 2) * RF_SCALE;
      if (bRec) report_add_record(p, iCell, col_int(st, 0), d);
      else {
        long long v = 0;
        report_get(p, iCell, &v);
        report_set(p, iCell, v + d);
      }
    }
  }
  stmt_done(st);
  return rc == STMT_DONE ? STORE_OK : store_db_err(s, "读取登记");
}

/* The 2019 format's 上一年项目数量 and 本年增/减 from the 事项 numbers of
** the register: last year's number, and this year's less it; a year
** without a number carries last year's over (增/减 0).  Over a subtree
** each unit carries its own number over (one unit's silence is not a
** decrease), and a unit with no number last year adds its number this
** year as an increase.  Cells stay blank when no unit in scope has a
** number last year. */
static int compute_t2_items(Store *s, Report *p, int64_t orgId,
                            int bSubtree) {
  static const struct { const char *zKind, *zTab; } a[] = {
    {"licensing", "t2_art20_5"}, {"other_services", "t2_art20_5"},
    {"penalty", "t2_art20_6"}, {"coercion", "t2_art20_6"},
    {"admin_fees", "t2_art20_8"}};
  long long aPrev[5], aCur[5];
  int aHas[5], rc;
  memset(aHas, 0, sizeof aHas);
  memset(aPrev, 0, sizeof aPrev);
  memset(aCur, 0, sizeof aCur);
  /* Per unit and kind: last year's number (or NULL) and this year's, else
  ** last year's carried over. */
  Stmt *st = stmt(s, SCOPE_CTE
      "SELECT r.kind,sum(CASE WHEN r.year=?3-1 THEN r.items END),"
      " coalesce(sum(CASE WHEN r.year=?3 THEN r.items END),"
      "  sum(CASE WHEN r.year=?3-1 THEN r.items END)),"
      " count(CASE WHEN r.year=?3-1 THEN 1 END)"
      " FROM report_register r WHERE r.org_id IN (SELECT id FROM sc)"
      " AND r.year IN (?3-1,?3) AND r.items IS NOT NULL"
      " GROUP BY r.org_id,r.kind");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, orgId);
  bind_int(st, 2, bSubtree);
  bind_int(st, 3, p->iYear);
  while ((rc = stmt_step(st)) == STMT_ROW) {
    const char *zKind = col_str(st, 0);
    for (int i = 0; i < 5; i++)
      if (!strcmp(zKind, a[i].zKind)) {
        if (col_int(st, 3)) aHas[i] = 1;
        aPrev[i] += col_int(st, 1);
        aCur[i] += col_int(st, 2);
      }
  }
  stmt_done(st);
  if (rc != STMT_DONE) return store_db_err(s, "读取事项数");
  for (int i = 0; i < 5; i++) {
    int iPrev = rf_cell(p->pFmt, a[i].zTab, a[i].zKind, "prev_items");
    int iDelta = rf_cell(p->pFmt, a[i].zTab, a[i].zKind, "delta");
    if (iPrev < 0 || !aHas[i]) continue;
    report_set(p, iPrev, aPrev[i] * RF_SCALE);
    if (iDelta >= 0) report_set(p, iDelta, (aCur[i] - aPrev[i]) * RF_SCALE);
  }
  return STORE_OK;
}

/* ---- The pre-2019 statistical form (stat2018) ----------------------- */

/* One statement for every stat-form row that has a record source: rows
** (record id or 0, row id, amount in 1/RF_SCALE units).  ?1 org, ?2
** subtree, ?3 first day, ?4 last day, ?5 per record (1) or grouped (0),
** ?6 the year's first and ?7 its last unix second in Beijing time.  The
** mapping is documented in docs/reports.md; the inner SELECTs give one row
** per record and row it counts in, the outer one groups them. */
/* The day application A's fee was paid: its fee_paid event (the case may
** close in a later year), else the day it closed (records without the
** event).  A fee counts in the year it was collected. */
#define FEE_PAID_DAY(A) \
  "coalesce((SELECT max(x.on_day) FROM application_event x" \
  " WHERE x.application_id=" A ".id AND x.kind='fee_paid')," A ".closed_on)"
#define STAT_DOC_Y \
  " FROM doc d WHERE d.org_id IN (SELECT id FROM sc)" \
  " AND d.state IN ('published','withdrawn')"
#define STAT_APP_C \
  " FROM application a WHERE a.org_id IN (SELECT id FROM sc)" \
  " AND a.closed_on BETWEEN ?3 AND ?4"
#define STAT_EV_Y \
  " FROM opinion_event e WHERE e.org_id IN (SELECT id FROM sc)" \
  " AND e.found_at BETWEEN ?6 AND ?7"
#define STAT_ACT_Y \
  " FROM activity t WHERE t.org_id IN (SELECT id FROM sc)" \
  " AND t.held_on BETWEEN ?3 AND ?4"
#define STAT_REV_Y \
  " FROM application_review v JOIN application a ON a.id=v.application_id" \
  " WHERE a.org_id IN (SELECT id FROM sc) AND v.filed_on BETWEEN ?3 AND ?4"
static const char zStatSql[] = SCOPE_CTE
  "SELECT CASE WHEN ?5<>0 THEN x.id ELSE 0 END,x.r,sum(x.n) FROM ("
  /* 一 published: documents published in Y (all are on the website). */
  " SELECT d.id AS id,'active.published' AS r,1 AS n" STAT_DOC_Y
  "  AND d.published_date BETWEEN ?3 AND ?4"
  " UNION ALL SELECT d.id,'active.channels.website',1" STAT_DOC_Y
  "  AND d.published_date BETWEEN ?3 AND ?4"
  " UNION ALL SELECT d.id,'active.published.normative',1" STAT_DOC_Y
  "  AND d.published_date BETWEEN ?3 AND ?4 AND d.report_kind='normative'"
  " UNION ALL SELECT d.id,'active.published.normative_made',1" STAT_DOC_Y
  "  AND coalesce(d.signed_date,d.published_date) BETWEEN ?3 AND ?4"
  "  AND d.report_kind='normative'"
  /* Further channels: a document counts once per channel kind. */
  " UNION ALL SELECT DISTINCT d.id,CASE"
  "  WHEN c.channel LIKE '%公报%' THEN 'active.channels.gazette'"
  "  WHEN c.channel LIKE '%微博%' THEN 'active.channels.weibo'"
  "  WHEN c.channel LIKE '%微信%' THEN 'active.channels.wechat'"
  "  ELSE 'active.channels.other' END,1"
  "  FROM doc_channel c JOIN doc d ON d.id=c.doc_id"
  "  WHERE d.org_id IN (SELECT id FROM sc)"
  "  AND d.state IN ('published','withdrawn') AND c.day BETWEEN ?3 AND ?4"
  /* 二 responses and interpretations. */
  " UNION ALL SELECT e.id,'response.hotspots',1" STAT_EV_Y
  "  AND EXISTS (SELECT 1 FROM opinion_response o WHERE o.event_id=e.id)"
  " UNION ALL SELECT e.id,'response.channels.weibo_wechat',1" STAT_EV_Y
  "  AND EXISTS (SELECT 1 FROM opinion_response o WHERE o.event_id=e.id"
  "  AND o.kind='online')"
  " UNION ALL SELECT e.id,'response.channels.other',1" STAT_EV_Y
  "  AND EXISTS (SELECT 1 FROM opinion_response o WHERE o.event_id=e.id"
  "  AND o.kind='release')"
  " UNION ALL SELECT t.id,CASE t.kind WHEN 'press'"
  "  THEN 'response.channels.press' ELSE 'response.channels.interviews'"
  "  END,1" STAT_ACT_Y " AND t.kind IN ('press','interview')"
  " UNION ALL SELECT t.id,CASE t.kind WHEN 'press'"
  "  THEN 'response.channels.press.leader'"
  "  ELSE 'response.channels.interviews.leader' END,1" STAT_ACT_Y
  "  AND t.kind IN ('press','interview') AND t.leader_attended=1"
  " UNION ALL SELECT d.id,'response.channels.interpretations',1" STAT_DOC_Y
  "  AND d.published_date BETWEEN ?3 AND ?4"
  "  AND (d.interprets_id IS NOT NULL OR d.genre LIKE '%解读%')"
  /* 三 applications: received by channel, closed, answered by outcome. */
  " UNION ALL SELECT a.id,'apply.received',1"
  "  FROM application a WHERE a.org_id IN (SELECT id FROM sc)"
  "  AND a.received_on BETWEEN ?3 AND ?4"
  " UNION ALL SELECT a.id,CASE a.channel"
  "  WHEN 'fax' THEN 'apply.received.fax'"
  "  WHEN 'online' THEN 'apply.received.online'"
  "  WHEN 'email' THEN 'apply.received.online'"
  "  WHEN 'post_signed' THEN 'apply.received.letter'"
  "  WHEN 'post_ordinary' THEN 'apply.received.letter'"
  "  ELSE 'apply.received.in_person' END,1"
  "  FROM application a WHERE a.org_id IN (SELECT id FROM sc)"
  "  AND a.received_on BETWEEN ?3 AND ?4"
  " UNION ALL SELECT a.id,'apply.closed',1" STAT_APP_C
  " UNION ALL SELECT a.id,CASE WHEN EXISTS (SELECT 1 FROM application_event"
  "  x WHERE x.application_id=a.id AND x.kind='extension')"
  "  THEN 'apply.closed.extended' ELSE 'apply.closed.on_time' END,1"
  STAT_APP_C
  " UNION ALL SELECT a.id,'apply.answered',1" STAT_APP_C
  " UNION ALL SELECT a.id,CASE"
  "  WHEN a.outcome='results.granted' THEN 'apply.answered.granted'"
  "  WHEN a.outcome='results.partial' THEN 'apply.answered.partial'"
  "  WHEN a.outcome LIKE 'results.denied.%' THEN 'apply.answered.denied'"
  "  WHEN a.outcome IN ('results.cannot_provide.not_held',"
  "   'results.cannot_provide.needs_creation')"
  "   THEN 'apply.answered.not_exist'"
  "  WHEN a.outcome IN ('results.cannot_provide.still_unclear',"
  "   'results.other.no_correction') THEN 'apply.answered.to_amend'"
  "  ELSE 'apply.answered.other_channel' END,1" STAT_APP_C
  " UNION ALL SELECT a.id,CASE a.outcome"
  "  WHEN 'results.denied.state_secret'"
  "   THEN 'apply.answered.denied.state_secret'"
  "  WHEN 'results.denied.third_party' THEN 'apply.answered.denied.privacy'"
  "  WHEN 'results.denied.three_security_one_stability'"
  "   THEN 'apply.answered.denied.security'"
  "  WHEN 'results.denied.internal_affairs'"
  "   THEN 'apply.answered.denied.not_gov_info'"
  "  WHEN 'results.denied.process_info'"
  "   THEN 'apply.answered.denied.not_gov_info'"
  "  ELSE 'apply.answered.denied.other_law' END,1" STAT_APP_C
  "  AND a.outcome LIKE 'results.denied.%'"
  /* Fees: paid in Y (yuan = 万元/10000), whenever the case closed. */
  " UNION ALL SELECT a.id,'fees',a.fee_yuan"
  "  FROM application a WHERE a.org_id IN (SELECT id FROM sc)"
  "  AND a.fee_status='paid' AND a.fee_yuan>0"
  "  AND " FEE_PAID_DAY("a") " BETWEEN ?3 AND ?4"
  /* 四 五 reconsideration and litigation filed in Y, result on 31 Dec. */
  " UNION ALL SELECT v.id,CASE v.kind WHEN 'review' THEN 'review'"
  "  ELSE 'litigation' END,1" STAT_REV_Y
  " UNION ALL SELECT v.id,(CASE v.kind WHEN 'review' THEN 'review'"
  "  ELSE 'litigation' END)||CASE WHEN v.decided_on IS NULL"
  "  OR v.decided_on>?4 OR v.result IN ('other','pending') THEN '.other'"
  "  ELSE '.'||v.result END,1" STAT_REV_Y
  /* 九 meetings and trainings: sessions held, people trained. */
  " UNION ALL SELECT t.id,CASE t.kind WHEN 'meeting'"
  "  THEN 'meetings.meetings' ELSE 'meetings.trainings' END,t.sessions"
  STAT_ACT_Y " AND t.kind IN ('meeting','training')"
  " UNION ALL SELECT t.id,'meetings.trainees',t.people" STAT_ACT_Y
  "  AND t.kind='training'"
  ") x GROUP BY 1,2";

/* Rows of the stat form filled from the records (the others are entered). */
static const char *const aStatRows[] = {
  "active.published", "active.published.normative",
  "active.published.normative_made", "active.channels.gazette",
  "active.channels.website", "active.channels.weibo",
  "active.channels.wechat", "active.channels.other", "response.hotspots",
  "response.channels.press", "response.channels.press.leader",
  "response.channels.interviews", "response.channels.interviews.leader",
  "response.channels.interpretations", "response.channels.weibo_wechat",
  "response.channels.other", "apply.received", "apply.received.in_person",
  "apply.received.fax", "apply.received.online", "apply.received.letter",
  "apply.closed", "apply.closed.on_time", "apply.closed.extended",
  "apply.answered", "apply.answered.already_public",
  "apply.answered.granted", "apply.answered.partial",
  "apply.answered.denied", "apply.answered.denied.state_secret",
  "apply.answered.denied.commercial_secret",
  "apply.answered.denied.privacy", "apply.answered.denied.security",
  "apply.answered.denied.not_gov_info", "apply.answered.denied.other_law",
  "apply.answered.not_this_org", "apply.answered.not_exist",
  "apply.answered.to_amend", "apply.answered.other_channel", "review",
  "review.upheld", "review.corrected", "review.other", "litigation",
  "litigation.upheld", "litigation.corrected", "litigation.other", "fees",
  "meetings.meetings", "meetings.trainings", "meetings.trainees",
};

/* Unix second of Beijing midnight starting day d (YYYY-01-01 of year y). */
static long long beijing_year_start(int y) {
  /* Days from 1970-01-01 to y-01-01 (proleptic Gregorian). */
  long long days = 0;
  for (int k = 1970; k < y; k++)
    days += (k % 4 == 0 && (k % 100 != 0 || k % 400 == 0)) ? 366 : 365;
  for (int k = y; k < 1970; k++)
    days -= (k % 4 == 0 && (k % 100 != 0 || k % 400 == 0)) ? 366 : 365;
  return days * 86400 - 8 * 3600;
}

/* The stat form from the records: the rows of aStatRows are set to 0, then
** filled by zStatSql. */
static int compute_stat(Store *s, Report *p, int64_t orgId, int bSubtree,
                        int bRec, const char *zFrom, const char *zTo) {
  const RfFormat *f = p->pFmt;
  int rc;
  for (size_t i = 0; i < sizeof aStatRows / sizeof aStatRows[0]; i++) {
    int iCell = rf_cell(f, "stat", aStatRows[i], "value");
    if (iCell >= 0) report_set(p, iCell, 0);
  }
  Stmt *st = stmt(s, zStatSql);
  if (!st) return STORE_ERROR;
  bind_int(st, 1, orgId);
  bind_int(st, 2, bSubtree);
  bind_text(st, 3, zFrom);
  bind_text(st, 4, zTo);
  bind_int(st, 5, bRec);
  bind_int(st, 6, beijing_year_start(p->iYear));
  bind_int(st, 7, beijing_year_start(p->iYear + 1) - 1);
  while ((rc = stmt_step(st)) == STMT_ROW) {
    const char *zRow = col_str(st, 1);
    long long n = col_int(st, 2);
    int iCell = zRow ? rf_cell(f, "stat", zRow, "value") : -1;
    if (iCell < 0) continue;
    /* fees are yuan: 万元 in 1/10000 units is the yuan amount itself. */
    long long d = !strcmp(zRow, "fees") ? n : n * RF_SCALE;
    if (bRec) report_add_record(p, iCell, col_int(st, 0), d);
    else {
      long long v = 0;
      report_get(p, iCell, &v);
      report_set(p, iCell, v + d);
    }
  }
  stmt_done(st);
  return rc == STMT_DONE ? STORE_OK : store_db_err(s, "统计表");
}

int store_report_compute(Store *s, int64_t orgId, int bSubtree, int bRecords,
                         Report *p) {
  char zFrom[16], zTo[16];
  int rc;
  if (p->iYear < 1000 || p->iYear > 9999)
    return store_fail(s, STORE_INVALID, "年度无效");
  snprintf(zFrom, sizeof zFrom, "%04d-01-01", p->iYear);
  snprintf(zTo, sizeof zTo, "%04d-12-31", p->iYear);
  if (rf_table_find(p->pFmt, "stat"))
    return compute_stat(s, p, orgId, bSubtree, bRecords, zFrom, zTo);
  if (!rf_table_find(p->pFmt, "t3")) return STORE_OK;
  rc = compute_t3(s, p, orgId, bSubtree, bRecords, zFrom, zTo);
  if (!rc) rc = compute_t4(s, p, orgId, bSubtree, bRecords, zFrom, zTo);
  if (!rc) rc = compute_t2_docs(s, p, orgId, bSubtree, bRecords, zFrom, zTo);
  if (!rc) rc = compute_t2_register(s, p, orgId, bSubtree, bRecords);
  if (!rc) rc = compute_t2_items(s, p, orgId, bSubtree);
  return rc;
}

/* ---- Stored reports ------------------------------------------------- */

#define REP_COLS                                                        \
  "r.id,r.org_id,r.year,r.format_id,r.scope='subtree',r.status,"       \
  "r.section1,r.section5,r.section6,r.updated_at,r.submitted_at,"      \
  "r.published_at,o.name,o.slug,coalesce(r.doc_id,0),"                \
  "coalesce(r.approved_by,0),coalesce(r.approved_at,''),"              \
  "coalesce((SELECT name FROM \"user\" WHERE id=r.approved_by),'')"

static void rep_row(Stmt *st, Arena *a, void *pRow) {
  ReportRec *p = pRow;
  memset(p, 0, sizeof *p);
  p->id = col_int(st, 0);
  p->orgId = col_int(st, 1);
  p->year = (int)col_int(st, 2);
  p->zFormat = col_text(a, st, 3);
  p->bSubtree = (int)col_int(st, 4);
  p->zStatus = col_text(a, st, 5);
  p->zSection1 = col_text(a, st, 6);
  p->zSection5 = col_text(a, st, 7);
  p->zSection6 = col_text(a, st, 8);
  p->zUpdatedAt = col_text(a, st, 9);
  p->zSubmittedAt = col_text(a, st, 10);
  p->zPublishedAt = col_text(a, st, 11);
  p->zOrgName = col_text(a, st, 12);
  p->zOrgSlug = col_text(a, st, 13);
  p->docId = col_int(st, 14);
  p->approvedBy = col_int(st, 15);
  p->zApprovedAt = col_text(a, st, 16);
  p->zApproverName = col_text(a, st, 17);
}


/* Steps st expecting one row into *pOut; STORE_NOTFOUND when none. */
static int rep_one(Store *s, Arena *a, Stmt *st, ReportRec *pOut) {
  int rc = stmt_step(st);
  if (rc == STMT_ROW) {
    rep_row(st, a, pOut);
    stmt_done(st);
    return STORE_OK;
  }
  stmt_done(st);
  if (rc == STMT_DONE) return store_fail(s, STORE_NOTFOUND, "没有这份报告");
  return store_db_err(s, "读取报告");
}

int store_report_get(Store *s, Arena *a, int64_t orgId, int year,
                     int bSubtree, ReportRec *pOut) {
  Stmt *st = stmt(s, "SELECT " REP_COLS " FROM report r JOIN org o"
                          " ON o.id=r.org_id WHERE r.org_id=?1 AND r.year=?2"
                          " AND r.scope=?3");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, orgId);
  bind_int(st, 2, year);
  bind_text(st, 3, bSubtree ? "subtree" : "org");
  return rep_one(s, a, st, pOut);
}

int store_report_by_id(Store *s, Arena *a, int64_t id, ReportRec *pOut) {
  Stmt *st = stmt(s, "SELECT " REP_COLS " FROM report r JOIN org o"
                          " ON o.id=r.org_id WHERE r.id=?1");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, id);
  return rep_one(s, a, st, pOut);
}

int store_report_ensure(Store *s, Arena *a, int64_t orgId, int year,
                        int bSubtree, const char *zFormat, int64_t userId,
                        ReportRec *pOut) {
  int rc = store_report_get(s, a, orgId, year, bSubtree, pOut);
  char zNow[21];
  if (rc != STORE_NOTFOUND) return rc;
  store_now_iso(zNow);
  Stmt *st = stmt(s, "INSERT INTO report(org_id,year,format_id,scope,"
                          "created_by,created_at,updated_at)"
                          " VALUES(?1,?2,?3,?4,?5,?6,?6)");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, orgId);
  bind_int(st, 2, year);
  bind_text(st, 3, zFormat);
  bind_text(st, 4, bSubtree ? "subtree" : "org");
  bind_id(st, 5, userId);
  bind_text(st, 6, zNow);
  rc = stmt_exec(s, st, "新建报告");
  if (rc) return rc;
  return store_report_get(s, a, orgId, year, bSubtree, pOut);
}

/* Cell index of a cell id ("t3[new][total]") or -1. */
static int cell_by_id(const RfFormat *f, const char *zId) {
  for (int i = 0; i < f->nCell; i++) {
    char *z = rf_cell_id(f, i);
    int eq = z && !strcmp(z, zId);
    free(z);
    if (eq) return i;
  }
  return -1;
}

int store_report_build(Store *s, const RfSet *pSet, const ReportRec *pRec,
                       int bRecords, Report **pp) {
  const RfFormat *f = rf_format_find(pSet, pRec->zFormat);
  Report *p;
  int rc;
  *pp = NULL;
  if (!f) return store_fail(s, STORE_INVALID, "未知的报告格式");
  if (!bRecords && !strcmp(pRec->zStatus, "published")) {
    Stmt *q = stmt(s, "SELECT snapshot FROM report WHERE id=?1");
    char *zSnap = NULL, *zErr = NULL;
    if (!q) return STORE_ERROR;
    bind_int(q, 1, pRec->id);
    if (stmt_step(q) == STMT_ROW && col_str(q, 0))
      zSnap = xstrdup(col_str(q, 0));
    stmt_done(q);
    if (zSnap) {
      rc = report_from_json(pSet, zSnap, NULL, pp, &zErr);
      free(zSnap);
      if (rc) {
        rc = store_fail(s, STORE_ERROR, "已发布报告数据损坏：%s", zErr);
        free(zErr);
        return rc;
      }
      return STORE_OK;
    }
  }
  p = report_new(f, pRec->zOrgName, pRec->year);
  rc = store_report_compute(s, pRec->orgId, pRec->bSubtree, bRecords, p);
  if (rc) {
    report_free(p);
    return rc;
  }
  /* Latest override per cell. */
  Stmt *st = stmt(s,
      "SELECT o.cell,o.value,o.reason,o.removed FROM report_override o"
      " WHERE o.report_id=?1 AND o.id=(SELECT max(id) FROM report_override"
      " WHERE report_id=o.report_id AND cell=o.cell)");
  if (!st) {
    report_free(p);
    return STORE_ERROR;
  }
  bind_int(st, 1, pRec->id);
  while ((rc = stmt_step(st)) == STMT_ROW) {
    int i = cell_by_id(f, col_str(st, 0));
    if (i < 0 || (int)col_int(st, 3)) continue;
    if (col_is_null(st, 1)) report_clear(p, i);
    else report_set(p, i, col_int(st, 1));
    report_set_reason(p, i, col_str(st, 2));
  }
  stmt_done(st);
  if (rc != STMT_DONE) {
    report_free(p);
    return store_db_err(s, "读取覆盖值");
  }
  st = stmt(s, "SELECT check_key,reason FROM report_acceptance"
               " WHERE report_id=?1 ORDER BY id");
  if (!st) {
    report_free(p);
    return STORE_ERROR;
  }
  bind_int(st, 1, pRec->id);
  while ((rc = stmt_step(st)) == STMT_ROW)
    report_accept(p, col_str(st, 0),
                  col_str(st, 1));
  stmt_done(st);
  if (rc != STMT_DONE) {
    report_free(p);
    return store_db_err(s, "读取接受的不一致");
  }
  *pp = p;
  return STORE_OK;
}

/* Stamps updated_at of a report. */
static int touch(Store *s, int64_t reportId) {
  char zNow[21];
  store_now_iso(zNow);
  Stmt *st = stmt(s, "UPDATE report SET updated_at=?2 WHERE id=?1");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, reportId);
  bind_text(st, 2, zNow);
  return stmt_exec(s, st, "更新报告");
}

/* Whether a text is blank (NULL or white space only). */
static int blank(const char *z) {
  if (!z) return 1;
  while (*z == ' ' || *z == '\t' || *z == '\r' || *z == '\n') z++;
  return *z == 0;
}

int store_report_override(Store *s, const RfSet *pSet, int64_t reportId,
                          const char *zCell, int bSet, long long v,
                          int bRemove, const char *zReason, int64_t userId) {
  Arena a = {0};
  ReportRec rec;
  char zNow[21];
  int rc = store_report_by_id(s, &a, reportId, &rec);
  const RfFormat *f;
  if (rc) goto done;
  f = rf_format_find(pSet, rec.zFormat);
  if (!f || !zCell || cell_by_id(f, zCell) < 0) {
    rc = store_fail(s, STORE_INVALID, "报告格式中没有这个单元格");
    goto done;
  }
  if (blank(zReason)) {
    rc = store_fail(s, STORE_INVALID, "请填写修改理由");
    goto done;
  }
  if (bSet && (v <= -RF_MAX_UNITS * RF_SCALE || v >= RF_MAX_UNITS * RF_SCALE)) {
    rc = store_fail(s, STORE_INVALID, "数值超出范围");
    goto done;
  }
  store_now_iso(zNow);
  Stmt *st = stmt(s, "INSERT INTO report_override(report_id,cell,"
                          "value,reason,removed,user_id,at)"
                          " VALUES(?1,?2,?3,?4,?5,?6,?7)");
  if (!st) {
    rc = STORE_ERROR;
    goto done;
  }
  bind_int(st, 1, reportId);
  bind_text(st, 2, zCell);
  if (bSet && !bRemove) bind_int(st, 3, v);
  else bind_null(st, 3);
  bind_text(st, 4, zReason);
  bind_int(st, 5, bRemove ? 1 : 0);
  bind_id(st, 6, userId);
  bind_text(st, 7, zNow);
  rc = stmt_exec(s, st, "保存覆盖值");
  if (!rc) rc = touch(s, reportId);
  if (!rc) {
    /* The audit line: the report, the cell, the new value and why. */
    char zV[32];
    char *zDetail = mprintf(
        "%lld %d %s %s：%s", (long long)reportId, rec.year, zCell,
        bRemove ? "恢复计算值" : bSet ? rf_value_str(v, zV) : "空白", zReason);
    rc = store_audit(s, userId, rec.orgId,
                     bRemove ? "report.override.remove" : "report.override",
                     zDetail);
    free(zDetail);
  }
done:
  arena_free(&a);
  return rc;
}

static void report_overrides_row(Stmt *st, Arena *a, void *pRow) {
  ReportOverride *o = pRow;
  o->id = col_int(st, 0);
  o->zCell = col_text(a, st, 1);
  o->bSet = (int)col_int(st, 2);
  o->v = col_int(st, 3);
  o->zReason = col_text(a, st, 4);
  o->bRemoved = (int)col_int(st, 5);
  o->zUser = col_text(a, st, 6);
  o->zAt = col_text(a, st, 7);
}

int store_report_overrides(Store *s, Arena *a, int64_t reportId,
                           ReportOverride **pa, int *pn) {
  Stmt *st = stmt(s,
      "SELECT o.id,o.cell,o.value IS NOT NULL,coalesce(o.value,0),o.reason,"
      "o.removed,coalesce(u.name,''),o.at FROM report_override o"
      " LEFT JOIN \"user\" u ON u.id=o.user_id WHERE o.report_id=?1"
      " ORDER BY o.id DESC");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, reportId);
  return stmt_rows(s, st, a, sizeof **pa, report_overrides_row, pa, pn, "读取覆盖记录");
}

int store_report_accept(Store *s, int64_t reportId, const char *zKey,
                        const char *zReason, int64_t userId) {
  char zNow[21];
  Stmt *st;
  int rc;
  if (blank(zKey)) return store_fail(s, STORE_INVALID, "缺少规则编号");
  if (!zReason) {
    st = stmt(s, "DELETE FROM report_acceptance WHERE report_id=?1"
                 " AND check_key=?2");
    if (!st) return STORE_ERROR;
    bind_int(st, 1, reportId);
    bind_text(st, 2, zKey);
    rc = stmt_exec(s, st, "撤回接受");
  } else {
    if (blank(zReason)) return store_fail(s, STORE_INVALID, "请填写接受理由");
    store_now_iso(zNow);
    st = stmt(s, "INSERT INTO report_acceptance(report_id,check_key,reason,"
                 "user_id,at) VALUES(?1,?2,?3,?4,?5) ON CONFLICT(report_id,"
                 "check_key) DO UPDATE SET reason=excluded.reason,"
                 "user_id=excluded.user_id,at=excluded.at");
    if (!st) return STORE_ERROR;
    bind_int(st, 1, reportId);
    bind_text(st, 2, zKey);
    bind_text(st, 3, zReason);
    bind_id(st, 4, userId);
    bind_text(st, 5, zNow);
    rc = stmt_exec(s, st, "接受不一致");
  }
  if (!rc) rc = touch(s, reportId);
  if (!rc) rc = store_audit(s, userId, 0, "report.accept", zKey);
  return rc;
}

int store_report_set_text(Store *s, int64_t reportId, const char *z1,
                          const char *z5, const char *z6) {
  char zNow[21];
  store_now_iso(zNow);
  Stmt *st = stmt(s, "UPDATE report SET section1=coalesce(?2,section1),"
                          "section5=coalesce(?3,section5),"
                          "section6=coalesce(?4,section6),updated_at=?5"
                          " WHERE id=?1");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, reportId);
  bind_text(st, 2, z1);
  bind_text(st, 3, z5);
  bind_text(st, 4, z6);
  bind_text(st, 5, zNow);
  return stmt_exec(s, st, "保存报告正文");
}

int store_report_approve(Store *s, int64_t reportId, int64_t userId) {
  char zNow[21];
  store_now_iso(zNow);
  Stmt *st = stmt(s,
      "UPDATE report SET approved_by=?2,"
      " approved_at=CASE WHEN ?2 IS NULL THEN NULL ELSE ?3 END"
      " WHERE id=?1 AND status='draft'");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, reportId);
  bind_id(st, 2, userId);
  bind_text(st, 3, zNow);
  int rc = stmt_exec(s, st, "领导审批");
  if (!rc && userId) rc = store_audit(s, userId, 0, "report.approve", "");
  return rc;
}

int store_report_set_status(Store *s, int64_t reportId, const char *zStatus,
                            const char *zSnapshot, int64_t userId) {
  char zNow[21];
  int rc;
  if (strcmp(zStatus, "draft") && strcmp(zStatus, "submitted") &&
      strcmp(zStatus, "published"))
    return store_fail(s, STORE_INVALID, "状态无效");
  if (!strcmp(zStatus, "published") && !zSnapshot)
    return store_fail(s, STORE_INVALID, "发布时须保存报告数据");
  store_now_iso(zNow);
  Stmt *st = stmt(s,
      "UPDATE report SET status=?2,updated_at=?4,"
      " submitted_at=CASE WHEN ?2='submitted' THEN ?4 WHEN ?2='draft'"
      "  THEN NULL ELSE submitted_at END,"
      " submitted_by=CASE WHEN ?2='submitted' THEN ?3 WHEN ?2='draft'"
      "  THEN NULL ELSE submitted_by END,"
      " published_at=CASE WHEN ?2='published' THEN ?4 ELSE NULL END,"
      " published_by=CASE WHEN ?2='published' THEN ?3 ELSE NULL END,"
      " snapshot=CASE WHEN ?2='published' THEN ?5 ELSE NULL END,"
      " approved_by=CASE WHEN ?2='draft' THEN NULL ELSE approved_by END,"
      " approved_at=CASE WHEN ?2='draft' THEN NULL ELSE approved_at END"
      " WHERE id=?1");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, reportId);
  bind_text(st, 2, zStatus);
  bind_id(st, 3, userId);
  bind_text(st, 4, zNow);
  bind_text(st, 5, zSnapshot);
  rc = stmt_exec(s, st, "变更报告状态");
  if (!rc) rc = store_audit(s, userId, 0, "report.status", zStatus);
  return rc;
}

int store_report_set_doc(Store *s, int64_t reportId, int64_t docId) {
  Stmt *st = stmt(s, "UPDATE report SET doc_id=?2 WHERE id=?1");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, reportId);
  bind_id(st, 2, docId);
  return stmt_exec(s, st, "关联报告文件");
}

int store_report_list(Store *s, Arena *a, int64_t orgId, int bPublished,
                      ReportRec **pa, int *pn) {
  Stmt *st = stmt(s, "SELECT " REP_COLS " FROM report r JOIN org o"
                          " ON o.id=r.org_id WHERE r.org_id=?1 AND"
                          " (?2=0 OR r.status='published')"
                          " ORDER BY r.year DESC, r.scope");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, orgId);
  bind_int(st, 2, bPublished);
  return stmt_rows(s, st, a, sizeof **pa, rep_row, pa, pn, "读取报告列表");
}

static void report_units_row(Stmt *st, Arena *a, void *pRow) {
  ReportUnit *u = pRow;
  u->orgId = col_int(st, 0);
  u->zOrgName = col_text(a, st, 1);
  u->zOrgSlug = col_text(a, st, 2);
  u->depth = (int)col_int(st, 3);
  u->zStatus = col_text(a, st, 4);
  u->zSubmittedAt = col_text(a, st, 5);
  u->zOrgKind = col_text(a, st, 6);
}

int store_report_units(Store *s, Arena *a, int64_t rootId, int year,
                       ReportUnit **pa, int *pn) {
  Stmt *st = stmt(s,
      "WITH RECURSIVE " ORG_TREE_CTE("t", "id=?1")
      " SELECT t.id,o.name,o.slug,t.depth,coalesce(r.status,''),"
      " coalesce(r.submitted_at,''),o.kind FROM t JOIN org o ON o.id=t.id"
      " LEFT JOIN report r ON r.org_id=t.id AND r.year=?2 AND r.scope='org'"
      " ORDER BY t.path");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, rootId);
  bind_int(st, 2, year);
  return stmt_rows(s, st, a, sizeof **pa, report_units_row, pa, pn, "读取下属单位");
}

/* ---- Register ------------------------------------------------------- */

/* 1 for a register kind (a row id of table 二). */
int store_report_register_items(Store *s, int64_t orgId, int year,
                                const char *zKind, long long items,
                                const char *zSource, int64_t userId) {
  char zNow[21];
  if (!reg_kind_find(zKind))
    return store_fail(s, STORE_INVALID, "事项类别无效");
  if (year < 1990 || year > 2999)
    return store_fail(s, STORE_INVALID, "年度无效");
  if (items >= RF_MAX_UNITS) return store_fail(s, STORE_INVALID, "事项数无效");
  store_now_iso(zNow);
  Stmt *st = stmt(s,
      "INSERT INTO report_register(org_id,year,kind,items,source,user_id,at)"
      " VALUES(?1,?2,?3,?4,?5,?6,?7)"
      " ON CONFLICT(org_id,year,kind) DO UPDATE SET items=excluded.items,"
      " source=excluded.source,user_id=excluded.user_id,at=excluded.at");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, orgId);
  bind_int(st, 2, year);
  bind_text(st, 3, zKind);
  if (items < 0) bind_null(st, 4);
  else bind_int(st, 4, items);
  bind_text(st, 5, zSource ? zSource : "form");
  bind_id(st, 6, userId);
  bind_text(st, 7, zNow);
  return stmt_exec(s, st, "保存事项数");
}

int store_report_register_put(Store *s, int64_t orgId, int year,
                              const char *zKind, long long count,
                              long long amount, const char *zSource,
                              int64_t userId) {
  char zNow[21];
  if (!reg_kind_find(zKind))
    return store_fail(s, STORE_INVALID, "事项类别无效（licensing、"
                      "other_services、penalty、coercion、admin_fees、"
                      "central_procurement）");
  if (year < 1990 || year > 2999)
    return store_fail(s, STORE_INVALID, "年度无效");
  if (count < 0 || count >= RF_MAX_UNITS || amount < 0 ||
      amount >= RF_MAX_UNITS * RF_SCALE)
    return store_fail(s, STORE_INVALID, "数量或金额无效");
  store_now_iso(zNow);
  Stmt *st = stmt(s,
      "INSERT INTO report_register(org_id,year,kind,count,amount,source,"
      "user_id,at) VALUES(?1,?2,?3,?4,?5,?6,?7,?8)"
      " ON CONFLICT(org_id,year,kind) DO UPDATE SET count=excluded.count,"
      " amount=excluded.amount,source=excluded.source,"
      " user_id=excluded.user_id,at=excluded.at");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, orgId);
  bind_int(st, 2, year);
  bind_text(st, 3, zKind);
  bind_int(st, 4, count);
  bind_int(st, 5, amount);
  bind_text(st, 6, zSource ? zSource : "form");
  bind_id(st, 7, userId);
  bind_text(st, 8, zNow);
  return stmt_exec(s, st, "保存登记");
}

static void report_register_list_row(Stmt *st, Arena *a, void *pRow) {
  ReportRegister *r = pRow;
  r->id = col_int(st, 0);
  r->orgId = col_int(st, 1);
  r->year = (int)col_int(st, 2);
  r->zKind = col_text(a, st, 3);
  r->count = col_int(st, 4);
  r->amount = col_int(st, 5);
  r->zSource = col_text(a, st, 6);
  r->zOrgName = col_text(a, st, 7);
  r->items = col_int(st, 8);
}

int store_report_register_list(Store *s, Arena *a, int64_t orgId, int year,
                               ReportRegister **pa, int *pn) {
  Stmt *st = stmt(s,
      "SELECT r.id,r.org_id,r.year,r.kind,r.count,r.amount,r.source,o.name,"
      "coalesce(r.items,-1)"
      " FROM report_register r JOIN org o ON o.id=r.org_id"
      " WHERE r.org_id=?1 AND r.year=?2 ORDER BY r.kind");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, orgId);
  bind_int(st, 2, year);
  return stmt_rows(s, st, a, sizeof **pa, report_register_list_row, pa, pn, "读取登记");
}

/* ---- Drill-down ----------------------------------------------------- */

int store_report_records(Store *s, Arena *a, const char *zTable,
                         const long long *aId, int n, ReportRecord **pa,
                         int *pn) {
  const char *zSql, *zKind;
  /* The stat form mixes kinds: "stat.ROW" picks the kind by row. */
  if (!strncmp(zTable, "stat.", 5)) {
    const char *zRow = zTable + 5;
    if (!strncmp(zRow, "apply.", 6) || !strcmp(zRow, "fees"))
      zTable = "t3";
    else if (!strncmp(zRow, "review", 6) || !strncmp(zRow, "litigation", 10))
      zTable = "t4";
    else if (!strncmp(zRow, "active.", 7) ||
             !strcmp(zRow, "response.channels.interpretations"))
      zTable = "t2_art20_1";
    else if (!strncmp(zRow, "response.channels.press", 23) ||
             !strncmp(zRow, "response.channels.interviews", 28) ||
             !strncmp(zRow, "meetings.", 9))
      zTable = "activity";
    else
      zTable = "opinion";
  }
  if (!strcmp(zTable, "activity")) {
    zKind = "activity";
    zSql = "SELECT t.id,t.kind,t.title,o.name,t.held_on,"
           "t.sessions||' / '||t.people FROM activity t JOIN org o"
           " ON o.id=t.org_id WHERE t.id=?1";
  } else if (!strcmp(zTable, "opinion")) {
    zKind = "opinion";
    /* The day in Beijing time of a Unix time (dialect). */
#define OPINION_SQL(DAY)                                                \
  "SELECT e.id,e.level,e.title,o.name," DAY ",e.source FROM opinion_event e" \
  " JOIN org o ON o.id=e.org_id WHERE e.id=?1"
    zSql = SQL_DIALECT(s, OPINION_SQL("date(e.found_at+28800,'unixepoch')"),
                       OPINION_SQL("to_char(to_timestamp(e.found_at+28800)"
                                   " AT TIME ZONE 'UTC','YYYY-MM-DD')"));
  } else if (!strcmp(zTable, "t3")) {
    zKind = "application";
    zSql = "SELECT a.id,a.reg_no,a.info_title,o.name,a.received_on,"
           "coalesce(a.closed_on,'')||' '||coalesce(a.outcome,a.state)"
           " FROM application a JOIN org o ON o.id=a.org_id WHERE a.id=?1";
  } else if (!strcmp(zTable, "t4")) {
    zKind = "review";
    zSql = "SELECT v.id,v.case_no,v.body,o.name,v.filed_on,"
           "v.kind||' '||v.result FROM application_review v JOIN application"
           " a ON a.id=v.application_id JOIN org o ON o.id=a.org_id"
           " WHERE v.id=?1";
  } else if (!strcmp(zTable, "t2_art20_1")) {
    zKind = "doc";
    zSql = "SELECT d.id,coalesce(d.index_number,''),d.title,o.name,"
           "coalesce(d.signed_date,d.published_date,''),"
           "d.state||' '||d.validity||' '||coalesce(d.validity_date,'')"
           " FROM doc d JOIN org o ON o.id=d.org_id WHERE d.id=?1";
  } else {
    zKind = "register";
    zSql = "SELECT r.id,r.kind,r.source,o.name,r.at,"
           "r.count||' / '||r.amount FROM report_register r JOIN org o"
           " ON o.id=r.org_id WHERE r.id=?1";
  }
  ReportRecord *aR = n ? arena_alloc(a, sizeof *aR * (size_t)n) : NULL;
  int m = 0;
  for (int i = 0; i < n; i++) {
    Stmt *st = stmt(s, zSql);
    int rc;
    if (!st) return STORE_ERROR;
    bind_int(st, 1, aId[i]);
    rc = stmt_step(st);
    if (rc == STMT_ROW) {
      ReportRecord *r = &aR[m++];
      r->id = col_int(st, 0);
      r->zKind = zKind;
      r->zRef = col_text(a, st, 1);
      r->zTitle = col_text(a, st, 2);
      r->zOrgName = col_text(a, st, 3);
      r->zDate = col_text(a, st, 4);
      r->zDetail = col_text(a, st, 5);
    }
    stmt_done(st);
    if (rc != STMT_ROW && rc != STMT_DONE)
      return store_db_err(s, "读取记录");
  }
  *pa = aR;
  *pn = m;
  return STORE_OK;
}

/* ---- Facts for the narrative ---------------------------------------- */

/* The facts 30号 asks section 一 and 六 to cover, from the catalogue,
** the channels, the activity, inspection, work-plan and proposal
** registers: one row of scalar subqueries.  Tasks done, inspections
** closed and proposals replied to or published count by 31 December.  ?1 org, ?2 subtree, ?3/?4 the
** year's first and last day, ?5 the year. */
static int facts_registers(Store *s, int64_t orgId, int bSubtree, int year,
                           const char *zFrom, const char *zTo,
                           ReportFacts *pOut) {
  long long *aOut[] = {
    &pOut->nCatalogue, &pOut->nNilStatements, &pOut->nChannelDocs,
    &pOut->nPress, &pOut->nInterview, &pOut->nMeetings,
    &pOut->nTrainSessions, &pOut->nTrainPeople, &pOut->nInspections,
    &pOut->nInspectionsClosed, &pOut->nTasks, &pOut->nTasksDone,
    &pOut->nNpc, &pOut->nCppcc, &pOut->nProposalsReplied,
    &pOut->nProposalsPublished};
  Stmt *st = stmt(s, SCOPE_CTE
      "SELECT (SELECT count(*) FROM catalogue_item WHERE org_id IN"
      "  (SELECT id FROM sc)),"
      " (SELECT count(*) FROM catalogue_nil n JOIN catalogue_item i"
      "  ON i.id=n.item_id WHERE i.org_id IN (SELECT id FROM sc)"
      "  AND n.stated_on BETWEEN ?3 AND ?4||'~'),"
      " (SELECT count(*) FROM doc_channel c JOIN doc d ON d.id=c.doc_id"
      "  WHERE d.org_id IN (SELECT id FROM sc) AND c.day BETWEEN ?3 AND ?4),"
      " (SELECT count(*) FROM activity WHERE kind='press' AND org_id IN"
      "  (SELECT id FROM sc) AND held_on BETWEEN ?3 AND ?4),"
      " (SELECT count(*) FROM activity WHERE kind='interview' AND org_id IN"
      "  (SELECT id FROM sc) AND held_on BETWEEN ?3 AND ?4),"
      " (SELECT coalesce(sum(sessions),0) FROM activity WHERE kind='meeting'"
      "  AND org_id IN (SELECT id FROM sc) AND held_on BETWEEN ?3 AND ?4),"
      " (SELECT coalesce(sum(sessions),0) FROM activity WHERE kind='training'"
      "  AND org_id IN (SELECT id FROM sc) AND held_on BETWEEN ?3 AND ?4),"
      " (SELECT coalesce(sum(people),0) FROM activity WHERE kind='training'"
      "  AND org_id IN (SELECT id FROM sc) AND held_on BETWEEN ?3 AND ?4),"
      " (SELECT count(*) FROM inspection WHERE org_id IN (SELECT id FROM sc)"
      "  AND inspected_on BETWEEN ?3 AND ?4),"
      " (SELECT count(*) FROM inspection WHERE org_id IN (SELECT id FROM sc)"
      "  AND inspected_on BETWEEN ?3 AND ?4 AND closed_on IS NOT NULL"
      "  AND closed_on<=?4),"
      " (SELECT count(*) FROM workplan_task t JOIN workplan w ON w.id=t.plan_id"
      "  WHERE w.org_id IN (SELECT id FROM sc) AND w.year=?5),"
      " (SELECT count(*) FROM workplan_task t JOIN workplan w ON w.id=t.plan_id"
      "  WHERE w.org_id IN (SELECT id FROM sc) AND w.year=?5"
      "  AND t.done_on IS NOT NULL AND t.done_on<=?4),"
      " (SELECT count(*) FROM proposal WHERE kind='npc' AND year=?5 AND"
      "  org_id IN (SELECT id FROM sc)),"
      " (SELECT count(*) FROM proposal WHERE kind='cppcc' AND year=?5 AND"
      "  org_id IN (SELECT id FROM sc)),"
      " (SELECT count(*) FROM proposal WHERE year=?5 AND org_id IN"
      "  (SELECT id FROM sc) AND replied_on<=?4),"
      " (SELECT count(*) FROM proposal WHERE year=?5 AND org_id IN"
      "  (SELECT id FROM sc) AND published=1 AND published_on<=?4)");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, orgId);
  bind_int(st, 2, bSubtree);
  bind_text(st, 3, zFrom);
  bind_text(st, 4, zTo);
  bind_int(st, 5, year);
  int rc = stmt_step(st);
  if (rc == STMT_ROW)
    for (size_t i = 0; i < sizeof aOut / sizeof aOut[0]; i++)
      *aOut[i] = col_int(st, (int)i);
  stmt_done(st);
  return rc == STMT_ROW ? STORE_OK : store_db_err(s, "统计登记簿");
}

int store_report_facts(Store *s, int64_t orgId, int bSubtree, int year,
                       ReportFacts *pOut) {
  char zFrom[16], zTo[16];
  int rc;
  memset(pOut, 0, sizeof *pOut);
  snprintf(zFrom, sizeof zFrom, "%04d-01-01", year);
  snprintf(zTo, sizeof zTo, "%04d-12-31", year);
  Stmt *st = stmt(s, SCOPE_CTE
      "SELECT count(*)," SQL_COUNT_IF("report_kind='regulation'") ","
      SQL_COUNT_IF("report_kind='normative'") ","
      SQL_COUNT_IF("interprets_id IS NOT NULL OR genre LIKE '%解读%'") " FROM doc"
      " WHERE org_id IN (SELECT id FROM sc) AND state IN"
      " ('published','withdrawn') AND published_date BETWEEN ?3 AND ?4");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, orgId);
  bind_int(st, 2, bSubtree);
  bind_text(st, 3, zFrom);
  bind_text(st, 4, zTo);
  rc = stmt_step(st);
  if (rc == STMT_ROW) {
    pOut->nPublished = col_int(st, 0);
    pOut->nRegulations = col_int(st, 1);
    pOut->nNormative = col_int(st, 2);
    pOut->nInterpretations = col_int(st, 3);
  }
  stmt_done(st);
  if (rc != STMT_ROW) return store_db_err(s, "统计文件");
  st = stmt(s, SCOPE_CTE
      "SELECT " SQL_COUNT_IF("received_on BETWEEN ?3 AND ?4") ","
      SQL_COUNT_IF("closed_on BETWEEN ?3 AND ?4") ","
      SQL_COUNT_IF("received_on<=?4 AND (closed_on IS NULL OR closed_on>?4)") ","
      "coalesce(sum(CASE WHEN fee_status<>'paid' THEN 0 WHEN "
      FEE_PAID_DAY("a") " BETWEEN ?3 AND ?4 THEN fee_yuan ELSE 0 END),0)"
      " FROM application a WHERE org_id IN (SELECT id FROM sc)");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, orgId);
  bind_int(st, 2, bSubtree);
  bind_text(st, 3, zFrom);
  bind_text(st, 4, zTo);
  rc = stmt_step(st);
  if (rc == STMT_ROW) {
    pOut->nNew = col_int(st, 0);
    pOut->nClosed = col_int(st, 1);
    pOut->nOpen = col_int(st, 2);
    pOut->nFeeYuan = col_int(st, 3);
  }
  stmt_done(st);
  if (rc != STMT_ROW) return store_db_err(s, "统计申请");
  st = stmt(s, SCOPE_CTE
      "SELECT " SQL_COUNT_IF("v.kind='review'") "," SQL_COUNT_IF("v.kind<>'review'")
      " FROM application_review v JOIN application a ON a.id=v.application_id"
      " WHERE a.org_id IN (SELECT id FROM sc) AND v.filed_on BETWEEN ?3 AND ?4");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, orgId);
  bind_int(st, 2, bSubtree);
  bind_text(st, 3, zFrom);
  bind_text(st, 4, zTo);
  rc = stmt_step(st);
  if (rc == STMT_ROW) {
    pOut->nReviews = col_int(st, 0);
    pOut->nLitigations = col_int(st, 1);
  }
  stmt_done(st);
  if (rc != STMT_ROW) return store_db_err(s, "统计复议诉讼");
  return facts_registers(s, orgId, bSubtree, year, zFrom, zTo, pOut);
}
