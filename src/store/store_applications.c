/*
** store_applications.c — applications for disclosure (see
** store_applications.h).  The only file that knows the SQL of tables
** application*, answer_template and apply_attempt.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lib/buf.h"
#include "lib/embed.h"
#include "store/app_where.h"
#include "store/store_applications.h"
#include "store/store_int.h"
#include "store/store_notice.h"

/* Organisations in scope: ?1 and, when ?2 is true, its subtree. */
#define SCOPE_CTE "WITH RECURSIVE " ORG_SCOPE_CTE("sc", "1", "?2<>0") " "

#define APP_COLS                                                           \
  "a.id,a.org_id,a.reg_no,a.channel,a.applicant_type,a.applicant_name,"    \
  "a.id_kind,a.id_sealed,a.id_masked,a.id_hash,a.contact_person,a.phone,"  \
  "a.email,a.address,a.postcode,a.info_title,a.info_doc_number,"           \
  "a.info_description,a.purpose,a.form_wanted,a.delivery,a.received_on,"   \
  "a.receipt_note,coalesce(a.dept_id,0),coalesce(a.handler_id,0),a.state," \
  "a.due_on,a.outcome,a.decision_text,coalesce(a.drafted_by,0),"           \
  "coalesce(a.approved_by,0),a.approved_at,a.closed_on,a.fee_method,"      \
  "a.fee_count,a.fee_yuan,a.fee_status,a.fee_note,a.created_at,o.name,"    \
  "o.slug,coalesce(d.name,''),coalesce(u.name,''),"                     \
  "coalesce(a.reviewed_by,0),a.answer_basis,a.other_organ,"               \
  "a.other_organ_contact,a.obtain_at"
#define APP_FROM                                    \
  " FROM application a JOIN org o ON o.id=a.org_id" \
  " LEFT JOIN dept d ON d.id=a.dept_id LEFT JOIN \"user\" u ON u.id=a.handler_id"

static void app_row(Stmt *st, Arena *ar, void *pRow) {
  App *a = pRow;
  int i = 0;
  memset(a, 0, sizeof *a);
  a->id = col_int(st, i++);
  a->orgId = col_int(st, i++);
  a->zRegNo = col_text(ar, st, i++);
  a->zChannel = col_text(ar, st, i++);
  a->zApplicantType = col_text(ar, st, i++);
  a->zApplicantName = col_text(ar, st, i++);
  a->zIdKind = col_text(ar, st, i++);
  a->zIdSealed = col_text(ar, st, i++);
  a->zIdMasked = col_text(ar, st, i++);
  a->zIdHash = col_text(ar, st, i++);
  a->zContactPerson = col_text(ar, st, i++);
  a->zPhone = col_text(ar, st, i++);
  a->zEmail = col_text(ar, st, i++);
  a->zAddress = col_text(ar, st, i++);
  a->zPostcode = col_text(ar, st, i++);
  a->zInfoTitle = col_text(ar, st, i++);
  a->zInfoDocNumber = col_text(ar, st, i++);
  a->zInfoDescription = col_text(ar, st, i++);
  a->zPurpose = col_text(ar, st, i++);
  a->zForm = col_text(ar, st, i++);
  a->zDelivery = col_text(ar, st, i++);
  a->zReceivedOn = col_text(ar, st, i++);
  a->zReceiptNote = col_text(ar, st, i++);
  a->deptId = col_int(st, i++);
  a->handlerId = col_int(st, i++);
  a->zState = col_text(ar, st, i++);
  a->zDueOn = col_text(ar, st, i++);
  a->zOutcome = col_text(ar, st, i++);
  a->zDecisionText = col_text(ar, st, i++);
  a->draftedBy = col_int(st, i++);
  a->approvedBy = col_int(st, i++);
  a->zApprovedAt = col_text(ar, st, i++);
  a->zClosedOn = col_text(ar, st, i++);
  a->zFeeMethod = col_text(ar, st, i++);
  a->feeCount = (int)col_int(st, i++);
  a->feeYuan = col_int(st, i++);
  a->zFeeStatus = col_text(ar, st, i++);
  a->zFeeNote = col_text(ar, st, i++);
  a->zCreatedAt = col_text(ar, st, i++);
  a->zOrgName = col_text(ar, st, i++);
  a->zOrgSlug = col_text(ar, st, i++);
  a->zDeptName = col_text(ar, st, i++);
  a->zHandlerName = col_text(ar, st, i++);
  a->reviewedBy = col_int(st, i++);
  a->zAnswerBasis = col_text(ar, st, i++);
  a->zOtherOrgan = col_text(ar, st, i++);
  a->zOtherOrganContact = col_text(ar, st, i++);
  a->zObtainAt = col_text(ar, st, i++);
}



/* Sets the store's message to the text z (not a format); returns rc. */
static int fail_text(Store *s, int rc, const char *z) {
  free(s->zErr);
  s->zErr = xstrdup(z);
  return rc;
}

/* NULL for "" so that optional columns stay NULL. */
static const char *nn(const char *z) {
  return z && z[0] ? z : NULL;
}

int store_app_add(Store *s, Arena *ar, App *a, const char *zTrackingHash) {
  char zNow[21];
  store_now_iso(zNow);
  if (!a->zReceivedOn || strlen(a->zReceivedOn) != 10)
    return store_fail(s, STORE_INVALID, "收到申请日期无效");
  /* The number is counted from the rows there: serialised (store.h). */
  if (store_lock(s, STORE_LOCK_SERIAL) != STORE_OK) return STORE_BUSY;
  Stmt *st = stmt(
      s,
      "SELECT o.slug,(SELECT count(*) FROM application x WHERE x.org_id=o.id"
      " AND substr(x.received_on,1,4)=?2) FROM org o WHERE o.id=?1");
  if (!st) return STORE_ERROR;
  char zYear[5];
  memcpy(zYear, a->zReceivedOn, 4);
  zYear[4] = 0;
  bind_int(st, 1, a->orgId);
  bind_text(st, 2, zYear);
  int rc = stmt_step(st);
  if (rc != STMT_ROW) {
    stmt_done(st);
    return rc == STMT_DONE ? store_fail(s, STORE_NOTFOUND, "单位不存在")
                             : store_db_err(s, "登记申请");
  }
  char zSerial[16];
  snprintf(zSerial, sizeof zSerial, "%04d", (int)col_int(st, 1) + 1);
  char *zRegNo = arena_printf(
      ar, "%s-%s-%s", col_str(st, 0), zYear, zSerial);
  stmt_done(st);
  st =
      stmt(s,
           "INSERT INTO application(org_id,reg_no,tracking_hash,channel,"
           "applicant_type,applicant_name,id_kind,id_sealed,id_masked,id_hash,"
           "contact_person,phone,email,address,postcode,info_title,"
           "info_doc_number,info_description,purpose,form_wanted,delivery,"
           "received_on,receipt_note,dept_id,handler_id,created_at)"
           " VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,"
           "?18,?19,?20,?21,?22,?23,?24,?25,?26) RETURNING id");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, a->orgId);
  bind_text(st, 2, zRegNo);
  bind_text(st, 3, zTrackingHash);
  bind_text(st, 4, a->zChannel);
  bind_text(st, 5, a->zApplicantType);
  bind_text(st, 6, a->zApplicantName);
  bind_text(st, 7, a->zIdKind);
  bind_text(st, 8, nz(a->zIdSealed));
  bind_text(st, 9, nz(a->zIdMasked));
  bind_text(st, 10, nz(a->zIdHash));
  bind_text(st, 11, nz(a->zContactPerson));
  bind_text(st, 12, nz(a->zPhone));
  bind_text(st, 13, nz(a->zEmail));
  bind_text(st, 14, nz(a->zAddress));
  bind_text(st, 15, nz(a->zPostcode));
  bind_text(st, 16, nz(a->zInfoTitle));
  bind_text(st, 17, nz(a->zInfoDocNumber));
  bind_text(st, 18, nz(a->zInfoDescription));
  bind_text(st, 19, nz(a->zPurpose));
  bind_text(st, 20, a->zForm ? a->zForm : "paper");
  bind_text(st, 21, a->zDelivery ? a->zDelivery : "post");
  bind_text(st, 22, a->zReceivedOn);
  bind_text(st, 23, nz(a->zReceiptNote));
  bind_id(st, 24, a->deptId);
  bind_id(st, 25, a->handlerId);
  bind_text(st, 26, zNow);
  rc = stmt_step(st);
  int64_t newId = rc == STMT_ROW ? col_int(st, 0) : 0;
  stmt_done(st);
  if (rc != STMT_ROW) {
    if (db_err(s) == DB_ERR_CHECK)
      return store_fail(s, STORE_INVALID, "申请的渠道或申请人类型无效");
    return store_db_err(s, "登记申请");
  }
  a->id = newId;
  a->zRegNo = zRegNo;
  return STORE_OK;
}

/* Steps a statement that yields at most one application. */
static int app_one(Store *s, Arena *ar, Stmt *st, App *a) {
  int rc = stmt_row(s, st, ar, sizeof *a, app_row, a, "读取申请");
  return rc == STORE_NOTFOUND ? store_fail(s, rc, "申请不存在") : rc;
}

int store_app_get(Store *s, Arena *ar, int64_t id, App *a) {
  Stmt *st = stmt(s, "SELECT " APP_COLS APP_FROM " WHERE a.id=?1");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, id);
  return app_one(s, ar, st, a);
}

int store_app_by_tracking(Store *s, Arena *ar, const char *zRegNo,
                          const char *zHash, App *a) {
  Stmt *st = stmt(s, "SELECT " APP_COLS APP_FROM
                             " WHERE a.reg_no=?1 AND a.tracking_hash=?2");
  if (!st) return STORE_ERROR;
  bind_text(st, 1, zRegNo);
  bind_text(st, 2, zHash);
  return app_one(s, ar, st, a);
}

/* The selection of store_app_query: ?1 org, ?2 subtree, ?3 filter, ?4
** year, ?5 today, ?6 end of the due-soon window, ?7 the search (a
** substring test per dialect: CONTAINS), ?8 the handler (0: anyone). */
#define APP_QUERY_WHERE(CONTAINS)                                   \
  " WHERE a.org_id IN (SELECT id FROM sc) AND (?3=''"               \
  " OR (?3='open' AND " APP_WHERE_OPEN("a.") ")"                    \
  " OR (?3='received' AND substr(a.received_on,1,4)=CAST(?4 AS TEXT))" \
  " OR (?3='due_soon' AND " APP_WHERE_DUE_SOON("a.", "?5", "?6") ")" \
  " OR (?3='overdue' AND " APP_WHERE_OVERDUE("a.", "?5") ")"        \
  " OR (?3='closed' AND " APP_WHERE_CLOSED("a.", "?4") "))"                 \
  " AND (?7='' OR " CONTAINS("a.applicant_name", "?7")                      \
  " OR " CONTAINS("lower(a.reg_no)", "lower(?7)") ")"                     \
  " AND (?8=0 OR a.handler_id=?8)"

/* Binds ?1..?8 (?7 the search, ?8 the handler) of APP_QUERY_WHERE. */
static void bind_query(Stmt *st, const AppQuery *q) {
  bind_text(st, 7, q->zSearch ? q->zSearch : "");
  bind_int(st, 1, q->orgId);
  bind_int(st, 2, q->bSubtree != 0);
  bind_text(st, 3, q->zFilter ? q->zFilter : "");
  bind_int(st, 4, q->year);
  bind_text(st, 5, q->zToday ? q->zToday : "");
  bind_text(st, 6, q->zSoon ? q->zSoon : "");
  bind_int(st, 8, q->handlerId);
}

int store_app_query(Store *s, Arena *ar, const AppQuery *q, App **paApp,
                    int *pn, int *pnTotal) {
  static const char *const azFilter[] = {"",        "open",    "received",
                                         "due_soon", "overdue", "closed"};
  const char *zF = q->zFilter ? q->zFilter : "";
  int bKnown = 0;
  for (size_t k = 0; k < sizeof azFilter / sizeof azFilter[0]; k++)
    if (!strcmp(zF, azFilter[k])) bKnown = 1;
  if (!bKnown) return fail_text(s, STORE_INVALID, "筛选参数无效");
  Stmt *st;
  int rc;
  if (pnTotal) {
    st = stmt(s, SQL_DIALECT(s,
        SCOPE_CTE "SELECT count(*) FROM application a" APP_QUERY_WHERE(SQL_CONTAINS_SQLITE),
        SCOPE_CTE "SELECT count(*) FROM application a" APP_QUERY_WHERE(SQL_CONTAINS_PG)));
    if (!st) return STORE_ERROR;
    bind_query(st, q);
    rc = stmt_step(st);
    *pnTotal = rc == STMT_ROW ? (int)col_int(st, 0) : 0;
    stmt_done(st);
    if (rc != STMT_ROW) return store_db_err(s, "统计申请数量");
  }
#define APP_QUERY_PAGE(CONTAINS)                                         \
  SCOPE_CTE "SELECT " APP_COLS APP_FROM APP_QUERY_WHERE(CONTAINS)          \
  " ORDER BY a.received_on DESC, a.id DESC LIMIT ?9 OFFSET ?10"
  st = stmt(s, SQL_DIALECT(s, APP_QUERY_PAGE(SQL_CONTAINS_SQLITE),
                           APP_QUERY_PAGE(SQL_CONTAINS_PG)));
  if (!st) return STORE_ERROR;
  bind_query(st, q);
  bind_limit(st, 9, q->nLimit);
  bind_int(st, 10, q->nOffset > 0 ? q->nOffset : 0);
  return stmt_rows(s, st, ar, sizeof **paApp, app_row, paApp, pn, "读取申请列表");
}

int store_app_list(Store *s, Arena *ar, int64_t orgId, int bSubtree,
                   const char *zFilter, int nMax, App **paApp, int *pn) {
  AppQuery q;
  memset(&q, 0, sizeof q);
  q.orgId = orgId;
  q.bSubtree = bSubtree;
  q.zFilter = zFilter ? zFilter : "";
  q.nLimit = nMax;
  if (strlen(q.zFilter) == 4 && strcmp(q.zFilter, "open")) { /* a year */
    q.year = atoi(q.zFilter);
    q.zFilter = "received";
  }
  return store_app_query(s, ar, &q, paApp, pn, NULL);
}

static void app_ids_row(Stmt *st, Arena *a, void *pRow) {
  (void)a;
  *(int64_t *)pRow = col_int(st, 0);
}

/* The ids of the open applications, or of all with bAll. */
static int app_ids(Store *s, Arena *ar, int bAll, int64_t **paId, int *pn) {
  Stmt *st =
      stmt(s, "SELECT id FROM application WHERE closed_on IS NULL OR ?1<>0"
              " ORDER BY id");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, bAll);
  return stmt_rows(s, st, ar, sizeof **paId, app_ids_row, paId, pn, "读取申请列表");
}

/* Runs a one-row UPDATE; STORE_CONFLICT when no row matched. */
static int update_one(Store *s, Stmt *st, const char *zWhat,
                      const char *zConflict) {
  int rc = stmt_exec(s, st, zWhat);
  if (rc != STORE_OK) return rc;
  if (stmt_changes(s) == 0)
    return fail_text(s, STORE_CONFLICT, zConflict);
  return STORE_OK;
}

int store_app_assign(Store *s, int64_t id, int64_t deptId, int64_t handlerId) {
  Stmt *st =
      stmt(s,
           "UPDATE application SET dept_id=?2,handler_id=?3,"
           "state=CASE state WHEN 'received' THEN 'in_progress' ELSE state END"
           " WHERE id=?1 AND closed_on IS NULL");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, id);
  bind_id(st, 2, deptId);
  bind_id(st, 3, handlerId);
  return update_one(s, st, "分办申请", "该申请已办结，不能再分办");
}

int store_app_draft(Store *s, int64_t id, const char *zOutcome,
                    const char *zDecisionText, int64_t userId) {
  Stmt *st =
      stmt(s,
           "UPDATE application SET outcome=?2,decision_text=?3,drafted_by=?4,"
           "state='awaiting_review',reviewed_by=NULL,approved_by=NULL,"
           "approved_at=NULL WHERE id=?1 AND closed_on IS NULL"
           " AND state NOT IN ('awaiting_review','awaiting_approval')");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, id);
  bind_text(st, 2, zOutcome);
  bind_text(st, 3, nz(zDecisionText));
  bind_id(st, 4, userId);
  return update_one(s, st, "保存答复草稿",
                    "该申请已办结或答复已提交审核，不能再修改答复");
}

int store_app_set_basis(Store *s, int64_t id, const char *zBasis,
                        const char *zOrgan, const char *zContact,
                        const char *zObtainAt) {
  Stmt *st =
      stmt(s,
           "UPDATE application SET answer_basis=?2,other_organ=?3,"
           "other_organ_contact=?4,obtain_at=?5 WHERE id=?1"
           " AND closed_on IS NULL");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, id);
  bind_text(st, 2, nz(zBasis));
  bind_text(st, 3, nz(zOrgan));
  bind_text(st, 4, nz(zContact));
  bind_text(st, 5, nz(zObtainAt));
  return update_one(s, st, "保存答复依据", "该申请已办结，不能再修改答复");
}

int store_app_return(Store *s, int64_t id) {
  Stmt *st = stmt(s,
                          "UPDATE application SET state='in_progress'"
                          " WHERE id=?1 AND state IN ('awaiting_review',"
                          "'awaiting_approval')");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, id);
  return update_one(s, st, "退回答复", "该申请不在待审核或待审批状态");
}

int store_app_dept_review(Store *s, int64_t id, int64_t userId) {
  Stmt *st =
      stmt(s,
           "UPDATE application SET state='awaiting_approval',"
           "reviewed_by=?2 WHERE id=?1 AND state='awaiting_review'");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, id);
  bind_id(st, 2, userId);
  return update_one(s, st, "科室审核", "该申请不在待科室审核状态");
}

int store_app_approve(Store *s, int64_t id, int64_t userId, const char *zDay) {
  char zNow[21];
  store_now_iso(zNow);
  Stmt *st = stmt(
      s,
      "UPDATE application SET state='answered',approved_by=?2,approved_at=?3,"
      "closed_on=?4 WHERE id=?1 AND state='awaiting_approval'");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, id);
  bind_id(st, 2, userId);
  bind_text(st, 3, zNow);
  bind_text(st, 4, zDay);
  return update_one(s, st, "审批答复", "该申请不在待审批状态");
}

int store_app_close(Store *s, int64_t id, const char *zOutcome,
                    const char *zDay, const char *zText) {
  Stmt *st =
      stmt(s,
           "UPDATE application SET state='closed',outcome=?2,closed_on=?3,"
           "decision_text=?4,due_on=NULL WHERE id=?1 AND closed_on IS NULL");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, id);
  bind_text(st, 2, zOutcome);
  bind_text(st, 3, zDay);
  bind_text(st, 4, nz(zText));
  return update_one(s, st, "终止办理", "该申请已办结");
}

int store_app_set_due(Store *s, int64_t id, const char *zDue) {
  Stmt *st = stmt(s, "UPDATE application SET due_on=?2 WHERE id=?1");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, id);
  bind_text(st, 2, nn(zDue));
  return stmt_exec(s, st, "保存答复期限");
}

int store_app_set_fee(Store *s, int64_t id, const char *zMethod, int nCount,
                      int64_t nYuan, const char *zStatus, const char *zNote) {
  Stmt *st =
      stmt(s,
           "UPDATE application SET fee_method=?2,fee_count=?3,fee_yuan=?4,"
           "fee_status=?5,fee_note=?6 WHERE id=?1");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, id);
  bind_text(st, 2, zMethod);
  bind_int(st, 3, nCount);
  bind_int(st, 4, nYuan);
  bind_text(st, 5, zStatus);
  bind_text(st, 6, nz(zNote));
  int rc = stmt_exec(s, st, "保存收费信息");
  if (rc == STORE_ERROR &&
      db_err(s) == DB_ERR_CHECK)
    return store_fail(s, STORE_INVALID, "收费方式或状态无效");
  return rc;
}

int store_app_month_count(Store *s, const char *zIdHash, const char *zDay,
                          int64_t id) {
  Stmt *st =
      stmt(s,
           /* Items, not records: an application charged per item counts
           ** its items (fee_count, after 一事一申请), any other one 1; only
           ** the same organ's (core/fees.h fee_compute). */
           "SELECT coalesce(sum(CASE WHEN fee_method='per_item' AND"
           " fee_count>0 THEN fee_count ELSE 1 END),0) FROM application"
           " WHERE id_hash=?1 AND id_hash<>''"
           " AND org_id=(SELECT org_id FROM application WHERE id=?3)"
           " AND substr(received_on,1,7)=substr(?2,1,7)"
           " AND (received_on<?2 OR (received_on=?2 AND id<?3))");
  if (!st) return STORE_ERROR;
  bind_text(st, 1, zIdHash);
  bind_text(st, 2, zDay);
  bind_int(st, 3, id);
  int n = stmt_step(st) == STMT_ROW ? (int)col_int(st, 0) : 0;
  stmt_done(st);
  return n;
}

int store_app_event_add(Store *s, int64_t appId, const AppEventRec *e,
                        int64_t userId) {
  char zNow[21];
  store_now_iso(zNow);
  Stmt *st =
      stmt(s,
           "INSERT INTO application_event(application_id,kind,on_day,limit_day,"
           "n_days,text,user_id,created_at) VALUES(?1,?2,?3,?4,?5,?6,?7,?8)");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, appId);
  bind_text(st, 2, e->zKind);
  bind_text(st, 3, e->zOn);
  bind_text(st, 4, nn(e->zLimit));
  bind_int(st, 5, e->nDays);
  bind_text(st, 6, nz(e->zText));
  bind_id(st, 7, userId);
  bind_text(st, 8, zNow);
  int rc = stmt_exec(s, st, "保存办理记录");
  if (rc == STORE_ERROR &&
      db_err(s) == DB_ERR_CHECK)
    return store_fail(s, STORE_INVALID, "办理记录类型无效");
  return rc;
}

static void app_events_row(Stmt *st, Arena *a, void *pRow) {
  AppEvent *e = pRow;
  e->id = col_int(st, 0);
  e->rec.zKind = col_text(a, st, 1);
  e->rec.zOn = col_text(a, st, 2);
  e->rec.zLimit = col_text(a, st, 3);
  e->rec.nDays = (int)col_int(st, 4);
  e->rec.zText = col_text(a, st, 5);
  e->zUserName = col_text(a, st, 6);
  e->zCreatedAt = col_text(a, st, 7);
}

int store_app_events(Store *s, Arena *ar, int64_t appId, AppEvent **pa,
                     int *pn) {
  Stmt *st = stmt(
      s,
      "SELECT e.id,e.kind,e.on_day,coalesce(e.limit_day,''),e.n_days,e.text,"
      "coalesce(u.name,''),e.created_at FROM application_event e"
      " LEFT JOIN \"user\" u ON u.id=e.user_id WHERE e.application_id=?1"
      " ORDER BY e.on_day, e.id");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, appId);
  return stmt_rows(s, st, ar, sizeof **pa, app_events_row, pa, pn, "读取办理记录");
}

int store_app_log(Store *s, int64_t appId, int64_t userId, const char *zAction,
                  const char *zDetail) {
  char zNow[21];
  store_now_iso(zNow);
  Stmt *st = stmt(
      s,
      "INSERT INTO application_log(application_id,at,user_id,action,detail)"
      " VALUES(?1,?2,?3,?4,?5)");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, appId);
  bind_text(st, 2, zNow);
  bind_id(st, 3, userId);
  bind_text(st, 4, zAction);
  bind_text(st, 5, nz(zDetail));
  return stmt_exec(s, st, "记录办理过程");
}

static void app_logs_row(Stmt *st, Arena *a, void *pRow) {
  AppLog *r = pRow;
  r->zAt = col_text(a, st, 0);
  r->zUserName = col_text(a, st, 1);
  r->zAction = col_text(a, st, 2);
  r->zDetail = col_text(a, st, 3);
}

int store_app_logs(Store *s, Arena *ar, int64_t appId, AppLog **pa, int *pn) {
  Stmt *st = stmt(
      s,
      "SELECT l.at,coalesce(u.name,''),l.action,l.detail FROM application_log l"
      " LEFT JOIN \"user\" u ON u.id=l.user_id WHERE l.application_id=?1"
      " ORDER BY l.id");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, appId);
  return stmt_rows(s, st, ar, sizeof **pa, app_logs_row, pa, pn, "读取办理过程");
}

int store_app_file_add(Store *s, int64_t appId, const char *zName,
                       const char *zMime, const void *p, size_t n) {
  Stmt *st =
      stmt(s,
           "INSERT INTO application_file(application_id,name,mime,data)"
           " VALUES(?1,?2,?3,?4)");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, appId);
  bind_text(st, 2, zName);
  bind_text(st, 3, zMime ? zMime : "application/octet-stream");
  bind_blob(st, 4, p, n);
  return stmt_exec(s, st, "保存附件");
}

static void app_files_row(Stmt *st, Arena *a, void *pRow) {
  AppFile *r = pRow;
  r->id = col_int(st, 0);
  r->zName = col_text(a, st, 1);
  r->zMime = col_text(a, st, 2);
  r->nBytes = col_int(st, 3);
}

int store_app_files(Store *s, Arena *ar, int64_t appId, AppFile **pa, int *pn) {
  Stmt *st =
      stmt(s,
           "SELECT id,name,mime,length(data) FROM application_file"
           " WHERE application_id=?1 ORDER BY id");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, appId);
  return stmt_rows(s, st, ar, sizeof **pa, app_files_row, pa, pn, "读取附件");
}

int store_app_review_add(Store *s, AppReview *r) {
  Stmt *st =
      stmt(s,
           "INSERT INTO application_review(application_id,kind,result,filed_on,"
           "decided_on,body,case_no,note) VALUES(?1,?2,?3,?4,?5,?6,?7,?8) RETURNING id");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, r->appId);
  bind_text(st, 2, r->zKind);
  bind_text(st, 3, r->zResult);
  bind_text(st, 4, r->zFiledOn);
  bind_text(st, 5, nn(r->zDecidedOn));
  bind_text(st, 6, nz(r->zBody));
  bind_text(st, 7, nz(r->zCaseNo));
  bind_text(st, 8, nz(r->zNote));
  int64_t newId = 0;
  int rc = stmt_insert_id(s, st, &newId, "保存复议诉讼记录");
  if (rc == STORE_ERROR &&
      db_err(s) == DB_ERR_CHECK)
    return store_fail(s, STORE_INVALID, "复议诉讼的类型或结果无效");
  if (rc == STORE_OK) r->id = newId;
  return rc;
}

static void app_reviews_row(Stmt *st, Arena *a, void *pRow) {
  AppReview *r = pRow;
  r->id = col_int(st, 0);
  r->appId = col_int(st, 1);
  r->zKind = col_text(a, st, 2);
  r->zResult = col_text(a, st, 3);
  r->zFiledOn = col_text(a, st, 4);
  r->zDecidedOn = col_text(a, st, 5);
  r->zBody = col_text(a, st, 6);
  r->zCaseNo = col_text(a, st, 7);
  r->zNote = col_text(a, st, 8);
}

int store_app_reviews(Store *s, Arena *ar, int64_t appId, AppReview **pa,
                      int *pn) {
  Stmt *st = stmt(
      s,
      "SELECT id,application_id,kind,result,filed_on,coalesce(decided_on,''),"
      "body,case_no,note FROM application_review WHERE application_id=?1"
      " ORDER BY filed_on,id");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, appId);
  return stmt_rows(s, st, ar, sizeof **pa, app_reviews_row, pa, pn, "读取复议诉讼记录");
}

const char *store_app_template(Store *s, Arena *ar, int64_t orgId,
                               const char *zOutcome) {
  Stmt *st = stmt(
      s,
      "SELECT body FROM answer_template WHERE outcome=?2"
      " AND (org_id=?1 OR org_id IS NULL) ORDER BY org_id IS NULL LIMIT 1");
  if (!st) return NULL;
  bind_int(st, 1, orgId);
  bind_text(st, 2, zOutcome);
  const char *z = stmt_step(st) == STMT_ROW ? col_text(ar, st, 0) : NULL;
  stmt_done(st);
  return z;
}

int store_app_template_set(Store *s, int64_t orgId, const char *zOutcome,
                           const char *zBody) {
  char zNow[21];
  store_now_iso(zNow);
  Stmt *st =
      stmt(s, "DELETE FROM answer_template WHERE outcome=?2"
              " AND (org_id=?1 OR (org_id IS NULL AND ?1 IS NULL))");
  if (!st) return STORE_ERROR;
  bind_id(st, 1, orgId);
  bind_text(st, 2, zOutcome);
  int rc = stmt_exec(s, st, "保存答复模板");
  if (rc != STORE_OK || !zBody || !zBody[0]) return rc;
  st = stmt(s,
            "INSERT INTO answer_template(org_id,outcome,body,updated_at)"
            " VALUES(?1,?2,?3,?4)");
  if (!st) return STORE_ERROR;
  bind_id(st, 1, orgId);
  bind_text(st, 2, zOutcome);
  bind_text(st, 3, zBody);
  bind_text(st, 4, zNow);
  return stmt_exec(s, st, "保存答复模板");
}

/* The count and the new row, under the throttle lock (store.h). */
static int apply_attempt_take_tx(Store *s, const char *zAddr, int64_t now,
                                 int64_t since, int nMax) {
  if (store_lock(s, STORE_LOCK_THROTTLE) != STORE_OK) return STORE_BUSY;
  Stmt *st = stmt(s,
      "INSERT INTO apply_attempt(addr,at) SELECT ?1,?2 WHERE "
      "(SELECT count(*) FROM apply_attempt WHERE addr=?1 AND at>=?3)<?4");
  if (!st) return STORE_ERROR;
  bind_text(st, 1, zAddr);
  bind_int(st, 2, now);
  bind_int(st, 3, since);
  bind_int(st, 4, nMax);
  int rc = stmt_exec(s, st, "记录提交次数");
  if (rc != STORE_OK) return rc;
  int bTaken = stmt_changes(s) == 1;
  /* Old entries are useless after a day. */
  st = stmt(s, "DELETE FROM apply_attempt WHERE at<?1");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, now - 86400);
  rc = stmt_exec(s, st, "清理提交次数");
  return rc != STORE_OK ? rc : bTaken;
}

int store_apply_attempt_take(Store *s, const char *zAddr, int64_t now,
                             int64_t since, int nMax) {
  /* One transaction: SQLite's write lock, PostgreSQL's throttle lock, so
  ** that two servers never both count below the limit. */
  if (store_begin(s) != STORE_OK) return STORE_BUSY;
  int rc = apply_attempt_take_tx(s, zAddr, now, since, nMax);
  if (rc < 0) {
    store_rollback(s);
    return rc;
  }
  int rcCommit = store_commit(s);
  return rcCommit ? rcCommit : rc;
}

int store_app_calendar(Store *s, Calendar *pCal) {
  int rc = store_calendar(s, pCal);
  if (rc == STORE_OK && pCal->nOv == 0) {
    /* A database made before `init` seeded the calendar: use the
    ** embedded official data rather than plain Monday-Friday. */
    const Embedded *p = embed_find(aData, "holidays_cn.csv");
    if (p && cal_load_csv(pCal, (const char *)p->pData, p->nData,
                          "holidays_cn.csv") != CAL_OK)
      rc = fail_text(s, STORE_ERROR, pCal->zErr ? pCal->zErr : "日历数据有误");
  }
  return rc;
}

int store_app_refresh_due(Store *s, Arena *ar, const Calendar *pCal, int64_t id,
                          Date dToday, const char *zReason, int *pbChanged) {
  App app;
  AppEvent *aEv;
  int nEv, rc;
  if (pbChanged) *pbChanged = 0;
  if ((rc = store_app_get(s, ar, id, &app)) != STORE_OK) return rc;
  if ((rc = store_app_events(s, ar, id, &aEv, &nEv)) != STORE_OK) return rc;
  AppEventRec *aRec = arena_alloc(ar, sizeof *aRec * (size_t)(nEv + 1));
  for (int i = 0; i < nEv; i++) aRec[i] = aEv[i].rec;
  DlResult res;
  DlParams par;
  store_app_clock_params(s, &par);
  int dl = app_clock_ex(pCal, app.zReceivedOn, aRec, nEv, &par, dToday, &res);
  if (dl != DL_OK) {
    rc = fail_text(s, STORE_INVALID, res.zErr ? res.zErr : "期限计算失败");
    deadline_result_free(&res);
    return rc;
  }
  char zDue[DATE_STRLEN] = "";
  if (res.dDue != DATE_NONE) date_format(res.dDue, zDue);
  deadline_result_free(&res);
  /* The notices just issued keep the due date they state (0108). */
  if ((rc = store_notice_keep_due(s, ar, pCal, id, app.zReceivedOn)) !=
      STORE_OK)
    return rc;
  if (!strcmp(zDue, app.zDueOn)) return STORE_OK;
  if ((rc = store_app_set_due(s, id, zDue)) != STORE_OK) return rc;
  if (pbChanged) *pbChanged = 1;
  if (zReason) {
    char zNow[21];
    store_now_iso(zNow);
    Stmt *st =
        stmt(s,
             "INSERT INTO application_due_change(application_id,at,old_due,"
             "new_due,reason) VALUES(?1,?2,?3,?4,?5)");
    if (!st) return STORE_ERROR;
    bind_int(st, 1, id);
    bind_text(st, 2, zNow);
    bind_text(st, 3, nn(app.zDueOn));
    bind_text(st, 4, nn(zDue));
    bind_text(st, 5, zReason);
    rc = stmt_exec(s, st, "记录期限变更");
  }
  return rc;
}

int store_app_open_ids(Store *s, Arena *ar, int64_t **paId, int *pn) {
  return app_ids(s, ar, 0, paId, pn);
}

int store_app_recalc_all(Store *s, const Calendar *pCal, Date dToday,
                         const char *zReason, int *pnChanged) {
  return store_app_recalc(s, pCal, dToday, zReason, 0, pnChanged);
}

int store_app_recalc(Store *s, const Calendar *pCal, Date dToday,
                     const char *zReason, int bClosedToo, int *pnChanged) {
  Arena a = ARENA_INIT;
  int64_t *aId;
  int n, nChanged = 0, rc = store_begin(s);
  if (rc == STORE_OK) rc = app_ids(s, &a, bClosedToo, &aId, &n);
  for (int i = 0; rc == STORE_OK && i < n; i++) {
    int b;
    rc = store_app_refresh_due(s, &a, pCal, aId[i], dToday, zReason, &b);
    if (rc == STORE_INVALID) rc = STORE_OK; /* inconsistent case: skip it */
    nChanged += b;
  }
  if (rc == STORE_OK)
    rc = store_commit(s);
  else
    store_rollback(s);
  arena_free(&a);
  if (pnChanged) *pnChanged = nChanged;
  return rc;
}

static void app_due_changes_row(Stmt *st, Arena *a, void *pRow) {
  AppDueChange *r = pRow;
  r->zAt = col_text(a, st, 0);
  r->zOld = col_text(a, st, 1);
  r->zNew = col_text(a, st, 2);
  r->zReason = col_text(a, st, 3);
}

int store_app_due_changes(Store *s, Arena *ar, int64_t appId, AppDueChange **pa,
                          int *pn) {
  Stmt *st = stmt(
      s,
      "SELECT at,coalesce(old_due,''),coalesce(new_due,''),reason"
      " FROM application_due_change WHERE application_id=?1 ORDER BY id DESC");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, appId);
  return stmt_rows(s, st, ar, sizeof **pa, app_due_changes_row, pa, pn, "读取期限变更");
}

int store_app_on_time(Store *s, int64_t orgId, int bSubtree, int iYear,
                      int *pnAnswered, int *pnOnTime) {
  Stmt *st =
      stmt(s, SCOPE_CTE
           "SELECT count(*)," SQL_COUNT_IF("closed_on<=due_on") " FROM application"
           " WHERE org_id IN (SELECT id FROM sc) AND state='answered'"
           " AND substr(closed_on,1,4)=?3 AND due_on IS NOT NULL");
  if (!st) return STORE_ERROR;
  char zYear[12];
  snprintf(zYear, sizeof zYear, "%04d", iYear);
  bind_int(st, 1, orgId);
  bind_int(st, 2, bSubtree != 0);
  bind_text(st, 3, zYear);
  int rc = stmt_step(st);
  if (rc == STMT_ROW) {
    *pnAnswered = (int)col_int(st, 0);
    *pnOnTime = (int)col_int(st, 1);
  }
  stmt_done(st);
  return rc == STMT_ROW ? STORE_OK
                          : store_db_err(s, "统计按时答复率");
}

static void app_similar_row(Stmt *st, Arena *a, void *pRow) {
  AppSimilar *r = pRow;
  r->zTitle = col_text(a, st, 0);
  r->nApplicants = (int)col_int(st, 1);
  r->nApplications = (int)col_int(st, 2);
}

int store_app_similar(Store *s, Arena *ar, int64_t orgId, int bSubtree,
                      const char *zSince, AppSimilar **pa, int *pn) {
  Stmt *st =
      stmt(s, SCOPE_CTE
           "SELECT min(t),count(DISTINCT id_hash),count(*) FROM ("
           " SELECT CASE WHEN info_doc_number<>'' THEN info_doc_number"
           "  ELSE info_title END AS t,"
           " lower(replace(replace(CASE WHEN info_doc_number<>''"
           "  THEN info_doc_number ELSE info_title END,' ',''),'　','')) AS k,"
           " id_hash FROM application"
           " WHERE org_id IN (SELECT id FROM sc) AND received_on>=?3"
           "  AND id_hash<>'') x WHERE k<>''"
           " GROUP BY k HAVING count(DISTINCT id_hash)>=2"
           " ORDER BY count(DISTINCT id_hash) DESC, k LIMIT 20");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, orgId);
  bind_int(st, 2, bSubtree != 0);
  bind_text(st, 3, zSince);
  return stmt_rows(s, st, ar, sizeof **pa, app_similar_row, pa, pn, "统计相同申请");
}

int store_app_year_counts(Store *s, int64_t orgId, int iYear,
                          AppYearCounts *p) {
  Stmt *st = stmt(
      s,
      "SELECT " SQL_COUNT_IF("received_on BETWEEN ?2 AND ?3") ","
      " " SQL_COUNT_IF("received_on<?2 AND (closed_on IS NULL OR closed_on>=?2)") ","
      " " SQL_COUNT_IF("closed_on BETWEEN ?2 AND ?3") ","
      " " SQL_COUNT_IF("received_on<=?3 AND (closed_on IS NULL OR closed_on>?3)")
      " FROM application WHERE (?1 IS NULL OR org_id=?1)");
  if (!st) return STORE_ERROR;
  char zFirst[16], zLast[16];
  snprintf(zFirst, sizeof zFirst, "%04d-01-01", iYear);
  snprintf(zLast, sizeof zLast, "%04d-12-31", iYear);
  bind_id(st, 1, orgId);
  bind_text(st, 2, zFirst);
  bind_text(st, 3, zLast);
  int rc = stmt_step(st);
  if (rc == STMT_ROW) {
    p->nNew = (int)col_int(st, 0);
    p->nCarriedIn = (int)col_int(st, 1);
    p->nClosed = (int)col_int(st, 2);
    p->nCarriedOut = (int)col_int(st, 3);
  }
  stmt_done(st);
  return rc == STMT_ROW ? STORE_OK : store_db_err(s, "统计年度申请");
}

void store_app_clock_params(Store *s, DlParams *p) {
  DlParams d = DL_PARAMS_DEFAULT;
  d.bFeeWaitCounted = store_setting_int(s, SET_APPLICATION_FEE_WAIT_COUNTED) == 1;
  long long n = store_setting_int(s, SET_APPLICATION_CORRECTION_WORKDAYS);
  if (n >= 1 && n <= 60) d.nCorrectionDays = (int)n;
  *p = d;
}

static void app_t3_row(Stmt *st, Arena *a, void *pRow) {
  AppT3Cell *r = pRow;
  r->zRow = col_text(a, st, 0);
  r->zCol = col_text(a, st, 1);
  r->n = (int)col_int(st, 2);
}

static int cmp_t3_cell(const void *pA, const void *pB) {
  const AppT3Cell *a = pA, *b = pB;
  int c = strcmp(a->zRow, b->zRow);
  return c ? c : strcmp(a->zCol, b->zCol);
}

int store_app_t3(Store *s, Arena *ar, int64_t orgId, int bSubtree, int iYear,
                 AppT3Cell **pa, int *pn) {
  /* Every branch is a range of one of the covering indexes of migration
  ** 0008 (application_received, application_closed_cover), so the cost
  ** follows the year's applications and the open ones, not the whole
  ** history: an open-or-later-closed case is "closed after the date" or
  ** "not closed", two ranges instead of one OR that scans every earlier
  ** application (bench/analysis.md, section 4). */
  Stmt *st = stmt(s, SCOPE_CTE
      " SELECT 'new',applicant_type,count(*) FROM application"
      "  WHERE org_id IN (SELECT id FROM sc)"
      "  AND received_on BETWEEN ?3 AND ?4 GROUP BY 2"
      " UNION ALL SELECT 'carried_in',t,count(*) FROM ("
      "  SELECT applicant_type AS t FROM application"
      "   WHERE org_id IN (SELECT id FROM sc) AND closed_on>=?3"
      "   AND received_on<?3"
      "  UNION ALL SELECT applicant_type FROM application"
      "   WHERE org_id IN (SELECT id FROM sc) AND closed_on IS NULL"
      "   AND received_on<?3) ci GROUP BY 2"
      " UNION ALL SELECT outcome,applicant_type,count(*) FROM application"
      "  WHERE org_id IN (SELECT id FROM sc)"
      "  AND closed_on BETWEEN ?3 AND ?4 GROUP BY 1,2"
      " UNION ALL SELECT 'carry_out',t,count(*) FROM ("
      "  SELECT applicant_type AS t FROM application"
      "   WHERE org_id IN (SELECT id FROM sc) AND closed_on>?4"
      "   AND received_on<=?4"
      "  UNION ALL SELECT applicant_type FROM application"
      "   WHERE org_id IN (SELECT id FROM sc) AND closed_on IS NULL"
      "   AND received_on<=?4) co GROUP BY 2");
  if (!st) return STORE_ERROR;
  char zFirst[16], zLast[16];
  snprintf(zFirst, sizeof zFirst, "%04d-01-01", iYear);
  snprintf(zLast, sizeof zLast, "%04d-12-31", iYear);
  bind_int(st, 1, orgId);
  bind_int(st, 2, bSubtree != 0);
  bind_text(st, 3, zFirst);
  bind_text(st, 4, zLast);
  int rc = stmt_rows(s, st, ar, sizeof **pa, app_t3_row, pa, pn, "统计年度申请");
  /* GROUP BY gives no order (PostgreSQL's hash aggregate differs from run
  ** to run): byte order of row, then column, the same on both databases. */
  if (rc == STORE_OK && *pn > 1) qsort(*pa, (size_t)*pn, sizeof **pa, cmp_t3_cell);
  return rc;
}

int store_app_file_get(Store *s, Arena *ar, int64_t appId, int64_t fileId,
                       AppFile *pFile, const void **ppData, size_t *pnData) {
  Stmt *st = stmt(s,
                          "SELECT id,name,mime,data FROM application_file"
                          " WHERE id=?2 AND application_id=?1");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, appId);
  bind_int(st, 2, fileId);
  int rc = stmt_step(st), out = STORE_OK;
  if (rc == STMT_ROW) {
    pFile->id = col_int(st, 0);
    pFile->zName = col_text(ar, st, 1);
    pFile->zMime = col_text(ar, st, 2);
    size_t n = (size_t)col_bytes(st, 3);
    void *p = arena_alloc(ar, n + 1);
    if (n) memcpy(p, col_blob(st, 3), n);
    pFile->nBytes = (int64_t)n;
    *ppData = p;
    *pnData = n;
  } else if (rc == STMT_DONE) {
    out = store_fail(s, STORE_NOTFOUND, "附件不存在");
  } else {
    out = store_db_err(s, "读取附件");
  }
  stmt_done(st);
  return out;
}

int store_app_review_decide(Store *s, int64_t appId, int64_t reviewId,
                            const char *zResult, const char *zDecidedOn) {
  Stmt *st =
      stmt(s,
           "UPDATE application_review SET result=?3,decided_on=?4"
           " WHERE id=?2 AND application_id=?1 AND result='pending'");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, appId);
  bind_int(st, 2, reviewId);
  bind_text(st, 3, zResult);
  bind_text(st, 4, zDecidedOn);
  return update_one(s, st, "保存复议诉讼结果", "该案件不存在或已审结");
}

/* The holiday calendar's signature into the arena; NULL on failure. */
static const char *calendar_signature(Store *s, Arena *a) {
  /* The first character's code point: unicode() / ascii() (dialect). */
#define CAL_SIG_SQL(FIRST)                                                \
  "SELECT count(*)||':'||coalesce(max(day),'')||':'||"                     \
  "coalesce(sum(" FIRST "(kind)*length(day||name)),0) FROM holiday"
  Stmt *st = stmt(s, SQL_DIALECT(s, CAL_SIG_SQL("unicode"), CAL_SIG_SQL("ascii")));
  if (!st) return NULL;
  int rc = stmt_step(st);
  const char *zSig = rc == STMT_ROW ? col_text(a, st, 0) : NULL;
  stmt_done(st);
  if (!zSig) store_db_err(s, "读取节假日安排");
  return zSig;
}

/* 1 when the signature recorded after the last recalculation differs from
** zSig (or none is recorded), 0 when equal, negative on failure; *pzOld
** gets the recorded one (NULL when none). */
static int calendar_changed(Store *s, Arena *a, const char *zSig, const char **pzOld) {
  *pzOld = NULL;
  Stmt *st = stmt(s, "SELECT signature FROM application_calendar WHERE id=1");
  if (!st) return STORE_ERROR;
  int rc = stmt_step(st);
  if (rc == STMT_ROW) *pzOld = col_text(a, st, 0);
  stmt_done(st);
  if (rc < 0) return rc;
  return !*pzOld || strcmp(*pzOld, zSig) != 0;
}

static int calendar_recalc(Store *s, Date dToday, const char *zSig,
                           const char *zOld, int *pnChanged);

/* How long one process may hold the recalculation before another may take
** it over (a process that died mid-way). */
#define CAL_RECALC_LEASE 600

int store_app_recalc_if_calendar_changed(Store *s, Date dToday,
                                         int *pnChanged) {
  if (pnChanged) *pnChanged = 0;
  Arena a = ARENA_INIT;
  const char *zSig = calendar_signature(s, &a), *zOld = NULL;
  int rc = zSig ? calendar_changed(s, &a, zSig, &zOld) : STORE_ERROR;
  if (rc <= 0) {
    arena_free(&a);
    return rc;
  }
  /* Changed: one process recalculates (job lease, migration 0081); the
  ** others go on with the due dates as they are until it has committed.
  ** Outside a transaction only (the lease commits on its own); inside one
  ** the caller's transaction already serialises the writers. */
  int bLease = s->nTx == 0;
  if (bLease) {
    rc = store_try_job(s, JOB_CALENDAR_RECALC, (int64_t)time(NULL), CAL_RECALC_LEASE);
    if (rc <= 0) {
      arena_free(&a);
      return rc;
    }
    /* Another process may have finished just before the lease was taken. */
    zSig = calendar_signature(s, &a);
    rc = zSig ? calendar_changed(s, &a, zSig, &zOld) : STORE_ERROR;
    if (rc <= 0) {
      store_job_done(s, JOB_CALENDAR_RECALC, (int64_t)time(NULL));
      arena_free(&a);
      return rc;
    }
  }
  rc = calendar_recalc(s, dToday, zSig, zOld, pnChanged);
  if (bLease) store_job_done(s, JOB_CALENDAR_RECALC, (int64_t)time(NULL));
  arena_free(&a);
  return rc;
}

/* Recalculates every open application's due date and records zSig, in one
** transaction. */
static int calendar_recalc(Store *s, Date dToday, const char *zSig,
                           const char *zOld, int *pnChanged) {
  if (store_begin(s) != STORE_OK) return STORE_BUSY;
  Stmt *st;
  int rc;
  Calendar cal;
  rc = store_app_calendar(s, &cal);
  if (rc == STORE_OK)
    rc = store_app_recalc_all(
        s, &cal, dToday, zOld ? "节假日安排变更后重新计算" : NULL, pnChanged);
  cal_free(&cal);
  if (rc == STORE_OK &&
      (st = stmt(s,
                 "INSERT INTO application_calendar(id,"
                 "signature) VALUES(1,?1) ON CONFLICT(id) DO"
                 " UPDATE SET signature=excluded.signature"))) {
    bind_text(st, 1, zSig);
    rc = stmt_exec(s, st, "记录节假日安排");
  } else if (rc == STORE_OK) {
    rc = STORE_ERROR;
  }
  if (rc != STORE_OK) {
    store_rollback(s);
    return rc;
  }
  return store_commit(s);
}
