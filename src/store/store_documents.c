/* store_documents.c — documents, review chain, attachments, findings,
** channels, index-number serials and the ledger (see
** store_documents.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/index_number.h"
#include "lib/buf.h"
#include "lib/crypto.h"
#include "lib/doctext.h"
#include "store/store_documents.h"
#include "store/store_int.h"

/* The ledger (below): entries, and the version a newest entry records
** kept before its document changes (migration 0101). */
static int ledger_append_doc(Store *s, Arena *a, const Doc *d,
                             const char *zEvent);
static int ledger_append_hash(Store *s, Arena *a, int64_t docId,
                              const char *zEvent, const char *zContentHash);
static int ledger_keep(Store *s, Arena *a, int64_t docId);
static int ledger_keep_doc(Store *s, int64_t docId);
#include "store/store_search.h"

#define DOC_COLS_HEAD                                                       \
  "d.id,d.org_id,coalesce(d.dept_id,0),coalesce(d.index_number,''),"        \
  "d.index_imported,d.title,d.doc_number,d.publisher,"                      \
  "coalesce(d.signed_date,''),coalesce(d.formed_date,''),"                  \
  "coalesce(d.published_date,''),d.mode,d.withheld_ground,d.scope,"         \
  "coalesce(d.catalogue_item_id,0),d.genre,d.report_kind,d.keywords,"       \
  "d.summary,"
#define DOC_COLS_TAIL                                                       \
  ",coalesce(d.interprets_id,0),d.state,d.validity,"                        \
  "coalesce(d.validity_date,''),coalesce(d.replaced_by_id,0),"              \
  "d.withdraw_reason,coalesce(d.withdrawn_at,''),coalesce(d.scanned_at,''),"\
  "d.created_by,d.created_at,d.updated_at,"                             \
  ORG_NAME_ON("o", "d.published_date") ",o.slug,"                           \
  "coalesce(dp.name,''),coalesce(u.name,''),coalesce(d.changed_on,'')"     \
  " FROM doc d JOIN org o ON o.id=d.org_id"                                 \
  " LEFT JOIN dept dp ON dp.id=d.dept_id"                                   \
  " LEFT JOIN \"user\" u ON u.id=d.created_by"
/* The body through gk_text(): stored packed on SQLite (migration 0104). */
#define DOC_SELECT "SELECT " DOC_COLS_HEAD "gk_text(d.body)" DOC_COLS_TAIL
#define DOC_SELECT_NOBODY "SELECT " DOC_COLS_HEAD "''" DOC_COLS_TAIL

static void doc_row(Stmt *st, Arena *a, void *pRow) {
  Doc *d = pRow;
  int i = 0;
  memset(d, 0, sizeof *d);
  d->id = col_int(st, i++);
  d->orgId = col_int(st, i++);
  d->deptId = col_int(st, i++);
  d->zIndexNumber = col_text(a, st, i++);
  d->bIndexImported = (int)col_int(st, i++);
  d->zTitle = col_text(a, st, i++);
  d->zDocNumber = col_text(a, st, i++);
  d->zPublisher = col_text(a, st, i++);
  d->zSignedDate = col_text(a, st, i++);
  d->zFormedDate = col_text(a, st, i++);
  d->zPublishedDate = col_text(a, st, i++);
  d->zMode = col_text(a, st, i++);
  d->zWithheldGround = col_text(a, st, i++);
  d->zScope = col_text(a, st, i++);
  d->catalogueItemId = col_int(st, i++);
  d->zGenre = col_text(a, st, i++);
  d->zReportKind = col_text(a, st, i++);
  d->zKeywords = col_text(a, st, i++);
  d->zSummary = col_text(a, st, i++);
  d->zBody = col_text(a, st, i++);
  d->interpretsId = col_int(st, i++);
  d->zState = col_text(a, st, i++);
  d->zValidity = col_text(a, st, i++);
  d->zValidityDate = col_text(a, st, i++);
  d->replacedById = col_int(st, i++);
  d->zWithdrawReason = col_text(a, st, i++);
  d->zWithdrawnAt = col_text(a, st, i++);
  d->zScannedAt = col_text(a, st, i++);
  d->createdBy = col_int(st, i++);
  d->zCreatedAt = col_text(a, st, i++);
  d->zUpdatedAt = col_text(a, st, i++);
  d->zOrgName = col_text(a, st, i++);
  d->zOrgSlug = col_text(a, st, i++);
  d->zDeptName = col_text(a, st, i++);
  d->zCreatedByName = col_text(a, st, i++);
  d->zChangedOn = col_text(a, st, i++);
}



/* Binds text, or NULL when empty (optional dates). */
static void bind_opt(Stmt *st, int i, const char *z) {
  bind_text(st, i, z && z[0] ? z : NULL);
}

/* Checks that a referenced document exists and belongs to orgId (when
** orgId is not 0). */
static int doc_ref_ok(Store *s, int64_t id, int64_t orgId, const char *zWhat) {
  if (!id) return STORE_OK;
  Stmt *st = stmt(s, "SELECT org_id FROM doc WHERE id=?1");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, id);
  int rc = stmt_step(st);
  int64_t org = rc == STMT_ROW ? col_int(st, 0) : -1;
  stmt_done(st);
  if (org < 0) return store_fail(s, STORE_INVALID, "%s不存在", zWhat);
  if (orgId && org != orgId)
    return store_fail(s, STORE_INVALID, "%s必须是本单位的文件", zWhat);
  return STORE_OK;
}

/* 1 when the catalogue table of migration 0002 is installed. */
static int catalogue_installed(Store *s) {
  return db_has_table(s, "catalogue_item") > 0;
}

/* The catalogue item must exist and belong to orgId. */
static int item_ok(Store *s, int64_t itemId, int64_t orgId) {
  if (!itemId) return STORE_OK;
  if (!catalogue_installed(s))
    return store_fail(s, STORE_INVALID, "公开目录尚未建立，不能关联目录事项");
  /* The table name is fixed; the SQL is prepared once per connection. */
  Stmt *st = stmt(s, "SELECT org_id FROM catalogue_item WHERE id=?1");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, itemId);
  int rc = stmt_step(st);
  int64_t org = rc == STMT_ROW ? col_int(st, 0) : -1;
  stmt_done(st);
  if (org < 0) return store_fail(s, STORE_INVALID, "目录事项不存在");
  if (org != orgId) return store_fail(s, STORE_INVALID, "目录事项不属于本单位");
  return STORE_OK;
}

int store_doc_item_requires_interp(Store *s, int64_t itemId, int *pbRequired) {
  *pbRequired = 0;
  if (!itemId || !catalogue_installed(s)) return STORE_OK;
  Stmt *st = stmt(s,
      "SELECT coalesce(requires_interpretation,0) FROM catalogue_item WHERE id=?1");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, itemId);
  if (stmt_step(st) == STMT_ROW) *pbRequired = col_int(st, 0) != 0;
  stmt_done(st);
  return STORE_OK;
}

/* The stored value of the three fields whose empty value the INSERT
** replaces by a default: report kind, state and validity.  Shared by
** doc_insert() and the canonical content store_doc_import() builds from the
** Doc it inserted, so both see the same values. */
static const char *dflt(const char *z, const char *zDefault) {
  return z && z[0] ? z : zDefault;
}

/* The checks of a new document before its INSERT: an imported index
** number's format, the catalogue item, the interpreted and the replacing
** document.  STORE_OK or STORE_INVALID with the message set. */
static int doc_new_ok(Store *s, const Doc *d) {
  int rc;
  if (d->zIndexNumber && d->zIndexNumber[0]) {
    IndexNumberErr err;
    if (index_number_check(d->zIndexNumber, &err) != INDEX_NUMBER_OK)
      return store_fail(s, STORE_INVALID, "索引号无效：%s", err.zMsg);
  }
  if ((rc = item_ok(s, d->catalogueItemId, d->orgId)) != STORE_OK) return rc;
  if ((rc = doc_ref_ok(s, d->interpretsId, d->orgId, "所解读的政策文件")) != STORE_OK)
    return rc;
  return doc_ref_ok(s, d->replacedById, 0, "替代文件");
}

/* The INSERT of store_doc_add() and the imports, after doc_new_ok():
** inserts d and sets d->id.  zAllocated, when not NULL, is an index number
** allocated by the store for this document (d has none): it is stored with
** index_imported 0.  pPacked, when not NULL, is d's body already packed
** (n bytes, textpack_pack() of d->zBody: SQLite only): bound as the BLOB
** gk_pack() leaves as it is, so the row is what gk_pack(d->zBody) would
** store.  Writes no search index and no ledger entry. */
static int doc_insert_packed(Store *s, Doc *d, const char *zAllocated,
                             const unsigned char *pPacked, size_t nPacked) {
  char zNow[21];
  int rc;
  store_now_iso(zNow);
  Stmt *st = stmt(s,
      "INSERT INTO doc(org_id,dept_id,index_number,index_imported,title,"
      "doc_number,publisher,signed_date,formed_date,published_date,mode,"
      "withheld_ground,scope,catalogue_item_id,genre,report_kind,keywords,"
      "summary,body,interprets_id,state,validity,validity_date,replaced_by_id,"
      "created_by,created_at,updated_at) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,"
      "?10,?11,?12,?13,?14,?15,?16,?17,?18,gk_pack(?19),?20,?21,?22,?23,?24,?25,?26,?26)"
      " RETURNING id");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, d->orgId);
  bind_id(st, 2, d->deptId);
  bind_opt(st, 3, zAllocated ? zAllocated : d->zIndexNumber);
  bind_int(st, 4, !zAllocated && d->zIndexNumber && d->zIndexNumber[0] ? 1 : 0);
  bind_text(st, 5, nz(d->zTitle));
  bind_text(st, 6, nz(d->zDocNumber));
  bind_text(st, 7, nz(d->zPublisher));
  bind_opt(st, 8, d->zSignedDate);
  bind_opt(st, 9, d->zFormedDate);
  bind_opt(st, 10, d->zPublishedDate);
  bind_text(st, 11, nz(d->zMode));
  bind_text(st, 12, nz(d->zWithheldGround));
  bind_text(st, 13, nz(d->zScope));
  bind_id(st, 14, d->catalogueItemId);
  bind_text(st, 15, nz(d->zGenre));
  bind_text(st, 16, dflt(d->zReportKind, "other"));
  bind_text(st, 17, nz(d->zKeywords));
  bind_text(st, 18, nz(d->zSummary));
  if (pPacked) bind_blob(st, 19, pPacked, nPacked);
  else bind_text(st, 19, nz(d->zBody));
  bind_id(st, 20, d->interpretsId);
  bind_text(st, 21, dflt(d->zState, "draft"));
  bind_text(st, 22, dflt(d->zValidity, "valid"));
  bind_opt(st, 23, d->zValidityDate);
  bind_id(st, 24, d->replacedById);
  bind_int(st, 25, d->createdBy);
  bind_text(st, 26, zNow);
  rc = stmt_step(st);
  int64_t newId = rc == STMT_ROW ? col_int(st, 0) : 0;
  stmt_done(st);
  if (rc != STMT_ROW) {
    if (db_err(s) == DB_ERR_UNIQUE)
      return store_fail(s, STORE_CONFLICT, "索引号“%s”已被使用",
                        nz(zAllocated ? zAllocated : d->zIndexNumber));
    if (db_err(s) == DB_ERR_CHECK)
      return store_fail(s, STORE_INVALID, "文件的状态、公开方式、类别或有效性取值无效");
    return store_db_err(s, "保存文件");
  }
  d->id = newId;
  return STORE_OK;
}

static int doc_insert(Store *s, Doc *d, const char *zAllocated) {
  return doc_insert_packed(s, d, zAllocated, NULL, 0);
}

int store_doc_add(Store *s, Doc *d) {
  int rc = doc_new_ok(s, d);
  if (rc == STORE_OK) rc = doc_insert(s, d, NULL);
  /* An import may add a document already published: index it.  (Runs in
  ** the caller's transaction, as the INSERT above.) */
  if (rc == STORE_OK && d->zState && !strcmp(d->zState, "published"))
    rc = store_search_sync(s, d->id);  /* portal index */
  return rc;
}

int store_doc_update(Store *s, const Doc *d) {
  char zNow[21];
  int rc;
  store_now_iso(zNow);
  if ((rc = item_ok(s, d->catalogueItemId, d->orgId)) != STORE_OK) return rc;
  if ((rc = doc_ref_ok(s, d->interpretsId, d->orgId, "所解读的政策文件")) != STORE_OK)
    return rc;
  Stmt *st = stmt(s,
      "UPDATE doc SET dept_id=?2,title=?3,doc_number=?4,publisher=?5,"
      "signed_date=?6,formed_date=?7,mode=?8,withheld_ground=?9,scope=?10,"
      "catalogue_item_id=?11,genre=?12,report_kind=?13,keywords=?14,"
      "summary=?15,body=gk_pack(?16),interprets_id=?17,updated_at=?18,"
      /* Art. 26: a changed title or body restarts the period. */
      "changed_on=CASE WHEN title<>?3 OR gk_text(body)<>?16 THEN ?19"
      " ELSE changed_on END"
      " WHERE id=?1 AND state='draft'");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, d->id);
  bind_id(st, 2, d->deptId);
  bind_text(st, 3, nz(d->zTitle));
  bind_text(st, 4, nz(d->zDocNumber));
  bind_text(st, 5, nz(d->zPublisher));
  bind_opt(st, 6, d->zSignedDate);
  bind_opt(st, 7, d->zFormedDate);
  bind_text(st, 8, nz(d->zMode));
  bind_text(st, 9, nz(d->zWithheldGround));
  bind_text(st, 10, nz(d->zScope));
  bind_id(st, 11, d->catalogueItemId);
  bind_text(st, 12, nz(d->zGenre));
  bind_text(st, 13, d->zReportKind && d->zReportKind[0] ? d->zReportKind : "other");
  bind_text(st, 14, nz(d->zKeywords));
  bind_text(st, 15, nz(d->zSummary));
  bind_text(st, 16, nz(d->zBody));
  bind_id(st, 17, d->interpretsId);
  bind_text(st, 18, zNow);
  char zToday[DATE_STRLEN];
  bind_text(st, 19, date_format(date_today_cn(time(NULL)), zToday));
  rc = stmt_step(st);
  stmt_done(st);
  if (rc != STMT_DONE) {
    if (db_err(s) == DB_ERR_CHECK)
      return store_fail(s, STORE_INVALID, "公开方式或类别取值无效");
    return store_db_err(s, "保存文件");
  }
  if (stmt_changes(s) == 0)
    return store_fail(s, STORE_CONFLICT, "只有草稿可以修改；请先退回修改");
  return STORE_OK;
}

static int doc_one(Store *s, Arena *a, Stmt *st, Doc *d) {
  int rc = stmt_row(s, st, a, sizeof *d, doc_row, d, "读取文件");
  return rc == STORE_NOTFOUND ? store_fail(s, rc, "文件不存在") : rc;
}

int store_doc_get(Store *s, Arena *a, int64_t id, Doc *d) {
  Stmt *st = stmt(s, DOC_SELECT " WHERE d.id=?1");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, id);
  return doc_one(s, a, st, d);
}

int store_doc_by_index(Store *s, Arena *a, int64_t orgId, const char *zIndex,
                       Doc *d) {
  Stmt *st = stmt(s, DOC_SELECT " WHERE d.org_id=?1 AND d.index_number=?2");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, orgId);
  bind_text(st, 2, zIndex);
  return doc_one(s, a, st, d);
}

int store_doc_by_ref(Store *s, Arena *a, int64_t orgId, const char *zRef, int64_t id,
                     Doc *d) {
  Stmt *st = stmt(s, DOC_SELECT " WHERE d.org_id=?1 AND (d.index_number=?2 OR d.id=?3)"
                             " ORDER BY CASE WHEN d.index_number=?2 THEN 0 ELSE 1 END"
                             " LIMIT 1");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, orgId);
  bind_text(st, 2, zRef);
  bind_int(st, 3, id);
  return doc_one(s, a, st, d);
}

int store_doc_public_by_index(Store *s, Arena *a, const char *zIndex, Doc *d) {
  /* Index numbers are unique per organisation; across organisations the
  ** oldest public one is taken, as the portal would link it. */
  Stmt *st = stmt(s, DOC_SELECT " WHERE d.index_number=?1"
                             " AND d.state IN ('published','withdrawn') ORDER BY d.id LIMIT 1");
  if (!st) return STORE_ERROR;
  bind_text(st, 1, zIndex);
  return doc_one(s, a, st, d);
}

#define DOC_WHERE                                                            \
  " WHERE (?1 IS NULL OR (?2=0 AND d.org_id=?1) OR (?2=1 AND d.org_id IN ("  \
  "  WITH RECURSIVE " ORG_SUBTREE_CTE("t", "1") " SELECT id FROM t)))"      \
  " AND (?3 IS NULL OR d.state=?3 OR (?3='pending' AND d.state IN"           \
  "  ('draft','dept_review','secrecy_review','approval')))"                  \
  " AND (?4=0 OR d.state IN ('published','withdrawn'))"                      \
  " AND (?5 IS NULL OR substr(d.published_date,1,4)=?5)"                     \
  " AND (?6 IS NULL OR d.catalogue_item_id=?6)"                              \
  " AND (?7 IS NULL OR d.genre=?7)"                                          \
  " AND (?8 IS NULL OR d.report_kind=?8)"                                    \
  " AND (?9 IS NULL OR d.validity=?9)"                                       \
  " AND (?10 IS NULL OR substr(d.published_date,6,2)=?10)"                   \
  " AND (?11 IS NULL OR ?11='政府网站' OR EXISTS (SELECT 1 FROM doc_channel" \
  "  k WHERE k.doc_id=d.id AND k.channel=?11))"                              \
  " AND (?12 IS NULL OR coalesce(nullif((SELECT c.level1 FROM"               \
  "  catalogue_item c WHERE c.id=d.catalogue_item_id),''),'未归类')=?12)"

static void bind_query(Stmt *st, const DocQuery *q) {
  char zYear[8];
  bind_id(st, 1, q->orgId);
  bind_int(st, 2, q->bSubtree ? 1 : 0);
  bind_opt(st, 3, q->zState);
  bind_int(st, 4, q->bPublicOnly ? 1 : 0);
  snprintf(zYear, sizeof zYear, "%04d", q->year);
  bind_text(st, 5, q->year > 0 ? zYear : NULL);
  bind_id(st, 6, q->catalogueItemId);
  bind_opt(st, 7, q->zGenre);
  bind_opt(st, 8, q->zReportKind);
  bind_opt(st, 9, q->zValidity);
  char zMonth[8];
  snprintf(zMonth, sizeof zMonth, "%02d", q->month);
  bind_text(st, 10, q->month >= 1 && q->month <= 12 ? zMonth : NULL);
  bind_opt(st, 11, q->zChannel);
  bind_opt(st, 12, q->zCategory);
}

int store_doc_list(Store *s, Arena *a, const DocQuery *q, Doc **paDoc,
                   int *pn, int *pnTotal) {
  int limit = q->limit <= 0 ? 50 : q->limit > 500 ? 500 : q->limit;
  Stmt *st = stmt(s, DOC_SELECT_NOBODY DOC_WHERE
      " ORDER BY coalesce(d.published_date,substr(d.created_at,1,10)) DESC,"
      " d.id DESC LIMIT ?13 OFFSET ?14");
  if (!st) return STORE_ERROR;
  bind_query(st, q);
  bind_int(st, 13, limit);
  bind_int(st, 14, q->offset > 0 ? q->offset : 0);
  int nAlloc = 0, n = 0, rc;
  Doc *aDoc = NULL;
  while ((rc = stmt_step(st)) == STMT_ROW) {
    ARENA_PUSH(a, aDoc, n, nAlloc);
    doc_row(st, a, &aDoc[n++]);
  }
  stmt_done(st);
  if (rc != STMT_DONE) return store_db_err(s, "读取文件列表");
  *paDoc = aDoc;
  *pn = n;
  if (pnTotal) {
    st = stmt(s, "SELECT count(*) FROM doc d" DOC_WHERE);
    if (!st) return STORE_ERROR;
    bind_query(st, q);
    *pnTotal = stmt_step(st) == STMT_ROW ? (int)col_int(st, 0) : 0;
    stmt_done(st);
  }
  return STORE_OK;
}

int store_doc_interpretations(Store *s, Arena *a, int64_t policyId,
                              Doc **paDoc, int *pn) {
  Stmt *st = stmt(s, DOC_SELECT_NOBODY " WHERE d.interprets_id=?1 ORDER BY d.id");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, policyId);
  return stmt_rows(s, st, a, sizeof **paDoc, doc_row, paDoc, pn, "读取解读");
}

int store_doc_step(Store *s, int64_t docId, const char *zFrom,
                   const char *zTo, const char *zDecision,
                   const char *zOpinion, int64_t userId) {
  char zNow[21];
  store_now_iso(zNow);
  int rc = store_begin(s);
  if (rc) return rc;
  if ((rc = ledger_keep_doc(s, docId))) { store_rollback(s); return rc; }
  Stmt *st = stmt(s,
      "UPDATE doc SET state=?3,updated_at=?4 WHERE id=?1 AND state=?2");
  if (!st) { store_rollback(s); return STORE_ERROR; }
  bind_int(st, 1, docId);
  bind_text(st, 2, zFrom);
  bind_text(st, 3, zTo);
  bind_text(st, 4, zNow);
  rc = stmt_exec(s, st, "更新文件状态");
  if (rc == STORE_OK && stmt_changes(s) == 0)
    rc = store_fail(s, STORE_CONFLICT, "文件状态已被他人改变，请刷新后重试");
  if (rc == STORE_OK) {
    st = stmt(s,
        "INSERT INTO doc_review(doc_id,from_state,to_state,decision,opinion,"
        "user_id,at) VALUES(?1,?2,?3,?4,?5,?6,?7)");
    if (!st) rc = STORE_ERROR;
    else {
      bind_int(st, 1, docId);
      bind_text(st, 2, zFrom);
      bind_text(st, 3, zTo);
      bind_text(st, 4, zDecision);
      bind_text(st, 5, nz(zOpinion));
      bind_int(st, 6, userId);
      bind_text(st, 7, zNow);
      rc = stmt_exec(s, st, "记录审核");
    }
  }
  if (rc == STORE_OK) rc = store_search_sync(s, docId);  /* portal index */
  if (rc) { store_rollback(s); return rc; }
  return store_commit(s);
}

static void doc_reviews_row(Stmt *st, Arena *a, void *pRow) {
  DocReview *r = pRow;
  r->id = col_int(st, 0);
  r->zFrom = col_text(a, st, 1);
  r->zTo = col_text(a, st, 2);
  r->zDecision = col_text(a, st, 3);
  r->zOpinion = col_text(a, st, 4);
  r->userId = col_int(st, 5);
  r->zUserName = col_text(a, st, 6);
  r->zAt = col_text(a, st, 7);
}

int store_doc_reviews(Store *s, Arena *a, int64_t docId, DocReview **paRev,
                      int *pn) {
  Stmt *st = stmt(s,
      "SELECT r.id,r.from_state,r.to_state,r.decision,r.opinion,r.user_id,"
      "coalesce(u.name,''),r.at FROM doc_review r LEFT JOIN \"user\" u"
      " ON u.id=r.user_id WHERE r.doc_id=?1 ORDER BY r.id");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, docId);
  return stmt_rows(s, st, a, sizeof **paRev, doc_reviews_row, paRev, pn, "读取审核记录");
}

int store_doc_alloc_index(Store *s, Arena *a, int64_t orgId,
                          const char *zDate, const char *zCategory,
                          const char **pzOut) {
  Org o;
  Date day;
  unsigned mUses = 0;
  IndexNumberErr err;
  int rc = store_org_get(s, a, orgId, &o);
  if (rc) return rc;
  if (!zDate || date_parse(zDate, &day))
    return store_fail(s, STORE_INVALID, "发布日期无效");
  const char *zTpl = o.zIndexTemplate && o.zIndexTemplate[0]
                         ? o.zIndexTemplate : INDEX_NUMBER_DEFAULT_TEMPLATE;
  if (index_number_template_check(zTpl, &mUses, &err) != INDEX_NUMBER_OK)
    return store_fail(s, STORE_INVALID, "本单位的索引号模板有误：%s", err.zMsg);
  int year = (mUses & INDEX_NUMBER_USES_YEAR) ? date_year(day) : 0;
  if ((rc = store_begin(s))) return rc;
  for (int attempt = 0; attempt < 10000; attempt++) {
    Stmt *st = stmt(s,
        "INSERT INTO doc_serial(org_id,year,last) VALUES(?1,?2,1)"
        " ON CONFLICT(org_id,year) DO UPDATE SET last=doc_serial.last+1 RETURNING last");
    if (!st) { store_rollback(s); return STORE_ERROR; }
    bind_int(st, 1, orgId);
    bind_int(st, 2, year);
    int src = stmt_step(st);
    int64_t serial = src == STMT_ROW ? col_int(st, 0) : 0;
    stmt_done(st);
    if (src != STMT_ROW) {
      rc = store_db_err(s, "分配索引号");
      store_rollback(s);
      return rc;
    }
    IndexNumberParts parts;
    memset(&parts, 0, sizeof parts);
    parts.zOrgCode = o.zOrgCode;
    parts.iYear = date_year(day);
    parts.iMonth = date_month(day);
    parts.zCategory = zCategory ? zCategory : "";
    parts.iSerial = serial;
    char *zNum = NULL;
    if (index_number_expand(zTpl, &parts, &zNum, &err) != INDEX_NUMBER_OK) {
      store_rollback(s);
      return store_fail(s, STORE_INVALID, "无法生成索引号：%s", err.zMsg);
    }
    st = stmt(s, "SELECT 1 FROM doc WHERE index_number=?1");
    if (!st) { free(zNum); store_rollback(s); return STORE_ERROR; }
    bind_text(st, 1, zNum);
    int bTaken = stmt_step(st) == STMT_ROW;
    stmt_done(st);
    if (!bTaken) {
      *pzOut = arena_strdup(a, zNum);
      free(zNum);
      return store_commit(s);
    }
    free(zNum);
  }
  store_rollback(s);
  return store_fail(s, STORE_CONFLICT, "无法分配未被占用的索引号");
}

/* Allocates the next index number for document d published on zDate
** (store_doc_alloc_index with the catalogue item's code as {category});
** *pzNum in the arena. */
static int alloc_for_doc(Store *s, Arena *a, const Doc *d, const char *zDate,
                         const char **pzNum) {
  /* {category} in a template is the catalogue item's code. */
  const char *zCat = "";
  if (d->catalogueItemId && catalogue_installed(s)) {
    Stmt *sc = stmt(s, "SELECT code FROM catalogue_item WHERE id=?1");
    if (!sc) return STORE_ERROR;
    bind_int(sc, 1, d->catalogueItemId);
    if (stmt_step(sc) == STMT_ROW) zCat = col_text(a, sc, 0);
    stmt_done(sc);
  }
  return store_doc_alloc_index(s, a, d->orgId, zDate, zCat, pzNum);
}


int store_doc_publish(Store *s, Arena *a, int64_t docId, const char *zState,
                      const char *zDate) {
  Doc d;
  char zNow[21];
  const char *zNum;
  store_now_iso(zNow);
  int rc = store_begin(s);
  if (rc) return rc;
  if ((rc = store_doc_get(s, a, docId, &d))) goto fail;
  zNum = d.zIndexNumber;
  if (!zNum[0] && (rc = alloc_for_doc(s, a, &d, zDate, &zNum))) goto fail;
  int bPub = !strcmp(zState, "published");
  if (bPub && (rc = ledger_keep(s, a, docId))) goto fail;
  Stmt *st = stmt(s,
      "UPDATE doc SET index_number=?2,state=?3,"
      "published_date=CASE WHEN ?4 IS NULL THEN published_date ELSE ?4 END,"
      "updated_at=?5 WHERE id=?1");
  if (!st) { rc = STORE_ERROR; goto fail; }
  bind_int(st, 1, docId);
  bind_text(st, 2, zNum);
  bind_text(st, 3, zState);
  bind_text(st, 4, bPub ? zDate : NULL);
  bind_text(st, 5, zNow);
  if ((rc = stmt_exec(s, st, "发布文件"))) goto fail;
  if (bPub) {
    /* d as the UPDATE left it (the canonical content's columns), so the
    ** ledger entry need not read the document again. */
    d.zIndexNumber = zNum;
    d.zState = zState;
    if (zDate) d.zPublishedDate = zDate;
    if ((rc = ledger_append_doc(s, a, &d, "publish"))) goto fail;
  }
  if ((rc = store_search_sync(s, docId))) goto fail;  /* portal index */
  return store_commit(s);
fail:
  store_rollback(s);
  return rc;
}

int store_doc_import(Store *s, Arena *a, Doc *d) {
  const char *zNum = NULL;
  int rc = store_begin(s);
  if (rc) return rc;
  /* The checks of store_doc_add() come first, as on that path. */
  if ((rc = doc_new_ok(s, d))) goto fail;
  if (!d->zIndexNumber || !d->zIndexNumber[0]) {
    if ((rc = alloc_for_doc(s, a, d, d->zPublishedDate, &zNum))) goto fail;
  }
  d->zState = "published";
  if ((rc = doc_insert(s, d, zNum))) goto fail;
  /* The canonical content from d with the values the INSERT stored: the
  ** allocated number and the defaults of doc_insert(); every other field
  ** reads back as given (NULL and "" are alike in doc_canonical()). */
  Doc v = *d;
  if (zNum) v.zIndexNumber = zNum;
  v.zReportKind = dflt(d->zReportKind, "other");
  v.zValidity = dflt(d->zValidity, "valid");
  if ((rc = ledger_append_doc(s, a, &v, "publish"))) goto fail;
  if ((rc = store_search_sync(s, d->id))) goto fail;  /* portal index */
  return store_commit(s);
fail:
  store_rollback(s);
  return rc;
}

int store_doc_import_prepared(Store *s, Arena *a, DocImport *p) {
  Doc *d = &p->d;
  const char *zNum = NULL;
  char zHash[65];
  int rc = store_begin(s);
  if (rc) return rc;
  /* The steps of store_doc_import(), with the body packed and the
  ** canonical content hashed beforehand: the same row and entry. */
  if ((rc = doc_new_ok(s, d))) goto fail;
  if (!d->zIndexNumber || !d->zIndexNumber[0]) {
    if ((rc = alloc_for_doc(s, a, d, d->zPublishedDate, &zNum))) goto fail;
  }
  if ((rc = doc_insert_packed(s, d, zNum, store_doc_packs_body(s) ? p->pBody : NULL,
                              p->nBody)))
    goto fail;
  /* A new document has no attachments: the canonical content is the
  ** prepared head and tail around its id and index number. */
  doc_import_content_hash(p, d->id, zNum ? zNum : d->zIndexNumber, zHash);
  if ((rc = ledger_append_hash(s, a, d->id, "publish", zHash))) goto fail;
  if ((rc = store_search_sync(s, d->id))) goto fail;  /* portal index */
  return store_commit(s);
fail:
  store_rollback(s);
  return rc;
}

int store_doc_packs_body(Store *s) { return db_dialect(s) == DB_SQLITE; }

/* Runs one UPDATE on a document in state zNeed and appends a ledger entry
** for zEvent, in one transaction.  The statement's ?1 is the doc id. */
static int update_and_log(Store *s, Arena *a, Stmt *st, int64_t docId,
                          const char *zEvent, const char *zWhat) {
  int rc = ledger_keep(s, a, docId);  /* the version before the UPDATE */
  if (rc == STORE_OK) rc = stmt_exec(s, st, zWhat);
  if (rc == STORE_OK && stmt_changes(s) == 0)
    rc = store_fail(s, STORE_CONFLICT, "只有已发布的文件可以%s", zWhat);
  if (rc == STORE_OK) rc = store_ledger_append(s, a, docId, zEvent);
  if (rc == STORE_OK) rc = store_search_sync(s, docId);  /* portal index */
  if (rc) { store_rollback(s); return rc; }
  return store_commit(s);
}

int store_doc_withdraw(Store *s, Arena *a, int64_t docId, const char *zReason) {
  char zNow[21];
  store_now_iso(zNow);
  if (!zReason || !zReason[0])
    return store_fail(s, STORE_INVALID, "撤回必须填写理由（理由将公开）");
  int rc = store_begin(s);
  if (rc) return rc;
  Stmt *st = stmt(s,
      "UPDATE doc SET state='withdrawn',withdraw_reason=?2,withdrawn_at=?3,"
      "updated_at=?3 WHERE id=?1 AND state IN ('published','withdrawn')"
      " AND withdraw_reason=''");
  if (!st) { store_rollback(s); return STORE_ERROR; }
  bind_int(st, 1, docId);
  bind_text(st, 2, zReason);
  bind_text(st, 3, zNow);
  return update_and_log(s, a, st, docId, "withdraw", "撤回");
}

int store_doc_set_validity(Store *s, Arena *a, int64_t docId,
                           const char *zValidity, const char *zValidityDate,
                           int64_t replacedBy) {
  char zNow[21];
  Doc d;
  store_now_iso(zNow);
  int rc = store_doc_get(s, a, docId, &d);
  if (rc) return rc;
  /* What has happened, by today in Beijing (core/document.h). */
  const char *zWhy = doc_validity_check(&d, zValidity, zValidityDate,
                                        date_today_cn(time(NULL)));
  if (zWhy) return store_fail(s, STORE_INVALID, "%s", zWhy);
  if (replacedBy == docId)
    return store_fail(s, STORE_INVALID, "替代文件不能是本文件");
  rc = doc_ref_ok(s, replacedBy, 0, "替代文件");
  if (rc) return rc;
  if ((rc = store_begin(s))) return rc;
  Stmt *st = stmt(s,
      "UPDATE doc SET validity=?2,validity_date=?3,replaced_by_id=?4,"
      "updated_at=?5 WHERE id=?1 AND state='published'");
  if (!st) { store_rollback(s); return STORE_ERROR; }
  bind_int(st, 1, docId);
  bind_text(st, 2, zValidity);
  bind_opt(st, 3, zValidityDate);
  bind_id(st, 4, replacedBy);
  bind_text(st, 5, zNow);
  return update_and_log(s, a, st, docId, "validity", "变更有效性");
}

int store_doc_correct(Store *s, Arena *a, int64_t docId,
                      const char *zKeywords, const char *zSummary,
                      const char *zScope, int64_t catalogueItemId) {
  char zNow[21];
  Doc d;
  store_now_iso(zNow);
  int rc = store_doc_get(s, a, docId, &d);
  if (rc) return rc;
  if ((rc = item_ok(s, catalogueItemId, d.orgId))) return rc;
  if ((rc = store_begin(s))) return rc;
  Stmt *st = stmt(s,
      "UPDATE doc SET keywords=?2,summary=?3,scope=?4,catalogue_item_id=?5,"
      "updated_at=?6 WHERE id=?1 AND state='published'");
  if (!st) { store_rollback(s); return STORE_ERROR; }
  bind_int(st, 1, docId);
  bind_text(st, 2, nz(zKeywords));
  bind_text(st, 3, nz(zSummary));
  bind_text(st, 4, nz(zScope));
  bind_id(st, 5, catalogueItemId);
  bind_text(st, 6, zNow);
  return update_and_log(s, a, st, docId, "edit", "更正");
}

int store_doc_set_text(Store *s, int64_t docId, const char *zTitle,
                       const char *zBody) {
  char zNow[21];
  store_now_iso(zNow);
  int rc = store_begin(s);
  if (rc) return rc;
  if ((rc = ledger_keep_doc(s, docId))) { store_rollback(s); return rc; }
  Stmt *st = stmt(s,
      "UPDATE doc SET title=?2,body=gk_pack(?3),updated_at=?4 WHERE id=?1");
  if (!st) { store_rollback(s); return STORE_ERROR; }
  bind_int(st, 1, docId);
  bind_text(st, 2, nz(zTitle));
  bind_text(st, 3, nz(zBody));
  bind_text(st, 4, zNow);
  rc = stmt_exec(s, st, "保存文件");
  if (rc == STORE_OK) rc = store_search_sync(s, docId);  /* portal index */
  if (rc) { store_rollback(s); return rc; }
  return store_commit(s);
}

int store_doc_set_scanned(Store *s, int64_t docId) {
  char zNow[21];
  store_now_iso(zNow);
  Stmt *st = stmt(s, "UPDATE doc SET scanned_at=?2 WHERE id=?1");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, docId);
  bind_text(st, 2, zNow);
  return stmt_exec(s, st, "记录扫描");
}

/* ---- Attachments ---- */

/* 1 when content zSha is stored with its text (NULL text: not yet). */
static int blob_has_text(Store *s, const char *zSha) {
  Stmt *st = stmt(s,
      "SELECT 1 FROM attachment_blob WHERE sha256=?1 AND text IS NOT NULL");
  if (!st) return 0;
  bind_text(st, 1, zSha);
  int bHas = stmt_step(st) == STMT_ROW;
  stmt_done(st);
  return bHas;
}

/* The searchable text of p[0..n) of type zMime into pText: the extracted
** text, or nothing when the type has none or extraction failed (the
** reviewer sees the failure through the privacy scan's notes). */
static void extract_text(const char *zMime, const void *p, size_t n,
                         Buf *pText) {
  Buf notes = BUF_INIT;
  if (doctext_extract(zMime, p, n, pText, &notes) != 0) buf_reset(pText);
  buf_free(&notes);
}

int store_doc_attach(Store *s, int64_t docId, const char *zFilename,
                     const char *zMime, const void *p, size_t n,
                     const char *zNotes, int64_t userId, int64_t *pId) {
  return store_doc_attach_text(s, docId, zFilename, zMime, p, n, NULL, zNotes,
                               userId, pId);
}

/* Art. 26: a draft whose attachments change has changed; its 20 working
** days restart today (as an edit of its title or body does). */
static int draft_changed_today(Store *s, int64_t docId) {
  char zToday[DATE_STRLEN];
  Stmt *st = stmt(s, "UPDATE doc SET changed_on=?2 WHERE id=?1 AND state='draft'");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, docId);
  bind_text(st, 2, date_format(date_today_cn(time(NULL)), zToday));
  return stmt_exec(s, st, "记录文件变更日期");
}

int store_doc_lock_draft(Store *s, int64_t docId) {
  char zNow[21];
  store_now_iso(zNow);
  Stmt *st = stmt(s, "UPDATE doc SET updated_at=?2 WHERE id=?1 AND state='draft'");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, docId);
  bind_text(st, 2, zNow);
  int rc = stmt_exec(s, st, "锁定草稿");
  if (rc == STORE_OK && stmt_changes(s) == 0)
    rc = store_fail(s, STORE_CONFLICT, "该文件已不是草稿（已提交审核），附件只能在草稿阶段增删；请刷新页面");
  return rc;
}

int store_doc_attach_text(Store *s, int64_t docId, const char *zFilename,
                          const char *zMime, const void *p, size_t n,
                          const char *zText, const char *zNotes,
                          int64_t userId, int64_t *pId) {
  char zSha[65], zNow[21];
  crypto_sha256_hex(p, n, zSha);
  store_now_iso(zNow);
  Buf text = BUF_INIT;
  if (!zText && !blob_has_text(s, zSha)) {
    extract_text(zMime, p, n, &text);
    zText = buf_str(&text);
  }
  int rc = store_begin(s);
  if (rc) { buf_free(&text); return rc; }
  /* A content stored before migration 0008 receives its text now. */
  Stmt *st = stmt(s,
      "INSERT INTO attachment_blob(sha256,size,mime,data,text)"
      " VALUES(?1,?2,?3,?4,?5)"
      " ON CONFLICT(sha256) DO UPDATE SET text=coalesce(attachment_blob.text,excluded.text)");
  if (!st) { buf_free(&text); store_rollback(s); return STORE_ERROR; }
  bind_text(st, 1, zSha);
  bind_int(st, 2, (int64_t)n);
  bind_text(st, 3, zMime);
  bind_blob(st, 4, p, n);
  bind_text(st, 5, zText);
  rc = stmt_exec(s, st, "保存附件");
  buf_free(&text);
  if (!rc) rc = ledger_keep_doc(s, docId);
  if (!rc) {
    st = stmt(s,
        "INSERT INTO doc_attachment(doc_id,sha256,filename,notes,added_by,"
        "added_at) VALUES(?1,?2,?3,?4,?5,?6) RETURNING id");
    if (!st) rc = STORE_ERROR;
    else {
      bind_int(st, 1, docId);
      bind_text(st, 2, zSha);
      bind_text(st, 3, zFilename);
      bind_text(st, 4, nz(zNotes));
      bind_int(st, 5, userId);
      bind_text(st, 6, zNow);
      int64_t newId = 0;
      rc = stmt_insert_id(s, st, &newId, "保存附件");
      if (!rc && pId) *pId = newId;
    }
  }
  if (rc == STORE_OK) rc = draft_changed_today(s, docId);
  if (rc == STORE_OK) rc = store_search_sync(s, docId);  /* portal index */
  if (rc) { store_rollback(s); return rc; }
  return store_commit(s);
}

int store_attachment_text_backfill(Store *s, int *pn) {
  int rc = store_begin(s), nDone = 0;
  if (rc) return rc;
  for (;;) {
    Stmt *st = stmt(s,
        "SELECT sha256,mime,data FROM attachment_blob WHERE text IS NULL"
        " LIMIT 1");
    if (!st) { rc = STORE_ERROR; break; }
    int r = stmt_step(st);
    if (r != STMT_ROW) {
      stmt_done(st);
      if (r != STMT_DONE) rc = store_db_err(s, "读取附件");
      break;
    }
    char zSha[65];
    snprintf(zSha, sizeof zSha, "%s", col_str(st, 0));
    char zMime[128];
    snprintf(zMime, sizeof zMime, "%s", col_str(st, 1));
    Buf text = BUF_INIT;
    const void *pData = col_blob(st, 2);
    size_t nData = (size_t)col_bytes(st, 2);
    extract_text(zMime, pData, nData, &text);
    stmt_done(st);
    st = stmt(s, "UPDATE attachment_blob SET text=?2 WHERE sha256=?1");
    if (!st) { buf_free(&text); rc = STORE_ERROR; break; }
    bind_text(st, 1, zSha);
    bind_text(st, 2, buf_str(&text));
    rc = stmt_exec(s, st, "保存附件文本");
    buf_free(&text);
    if (rc) break;
    nDone++;
  }
  if (rc) { store_rollback(s); return rc; }
  if (pn) *pn = nDone;
  return store_commit(s);
}

static void att_row(Stmt *st, Arena *a, void *pRow) {
  DocAttachment *t = pRow;
  t->id = col_int(st, 0);
  t->docId = col_int(st, 1);
  t->zSha256 = col_text(a, st, 2);
  t->zFilename = col_text(a, st, 3);
  t->zMime = col_text(a, st, 4);
  t->size = col_int(st, 5);
  t->zNotes = col_text(a, st, 6);
  t->zAddedAt = col_text(a, st, 7);
}


#define ATT_COLS \
  "t.id,t.doc_id,t.sha256,t.filename,b.mime,b.size,t.notes,t.added_at"

int store_doc_attachments(Store *s, Arena *a, int64_t docId,
                          DocAttachment **paAtt, int *pn) {
  Stmt *st = stmt(s,
      "SELECT " ATT_COLS " FROM doc_attachment t JOIN attachment_blob b"
      " USING(sha256) WHERE t.doc_id=?1 ORDER BY t.id");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, docId);
  return stmt_rows(s, st, a, sizeof **paAtt, att_row, paAtt, pn, "读取附件");
}

int store_doc_attachment_get(Store *s, Arena *a, int64_t attId,
                             DocAttachment *pAtt, const void **ppData) {
  Stmt *st = stmt(s,
      "SELECT " ATT_COLS ",b.data FROM doc_attachment t JOIN attachment_blob b"
      " USING(sha256) WHERE t.id=?1");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, attId);
  int rc = stmt_step(st), out = STORE_OK;
  if (rc == STMT_ROW) {
    att_row(st, a, pAtt);
    if (ppData) {
      int n = col_bytes(st, 8);
      void *p = arena_alloc(a, (size_t)n + 1);
      if (n) memcpy(p, col_blob(st, 8), (size_t)n);
      *ppData = p;
    }
  } else if (rc == STMT_DONE) {
    out = store_fail(s, STORE_NOTFOUND, "附件不存在");
  } else {
    out = store_db_err(s, "读取附件");
  }
  stmt_done(st);
  return out;
}

int store_doc_attachment_delete(Store *s, int64_t attId) {
  int rc = store_begin(s);
  if (rc) return rc;
  int64_t docId = 0;
  Stmt *st = stmt(s, "SELECT doc_id FROM doc_attachment WHERE id=?1");
  if (!st) { store_rollback(s); return STORE_ERROR; }
  bind_int(st, 1, attId);
  if (stmt_step(st) == STMT_ROW) docId = col_int(st, 0);
  stmt_done(st);
  if (docId && (rc = ledger_keep_doc(s, docId))) { store_rollback(s); return rc; }
  st = stmt(s, "DELETE FROM doc_attachment WHERE id=?1");
  if (!st) { store_rollback(s); return STORE_ERROR; }
  bind_int(st, 1, attId);
  rc = stmt_exec(s, st, "删除附件");
  if (rc == STORE_OK && docId) rc = draft_changed_today(s, docId);
  if (rc == STORE_OK && docId) rc = store_search_sync(s, docId);  /* portal index */
  if (rc) { store_rollback(s); return rc; }
  return store_commit(s);
}

/* ---- Findings ---- */

int store_doc_finding_add(Store *s, const DocFinding *f) {
  char zNow[21];
  store_now_iso(zNow);
  Stmt *st = stmt(s,
      "INSERT INTO doc_finding(doc_id,source,kind,match_text,context,mask,"
      "found_at) VALUES(?1,?2,?3,?4,?5,?6,?7)");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, f->docId);
  bind_text(st, 2, f->zSource);
  bind_text(st, 3, f->zKind);
  bind_text(st, 4, f->zMatch);
  bind_text(st, 5, nz(f->zContext));
  bind_text(st, 6, nz(f->zMask));
  bind_text(st, 7, zNow);
  return stmt_exec(s, st, "保存扫描结果");
}

#define FINDING_COLS                                                   \
  "f.id,f.doc_id,f.source,f.kind,f.match_text,f.context,f.mask,"       \
  "f.status,f.reason,f.found_at,coalesce(f.decided_by,0),"             \
  "coalesce(u.name,''),coalesce(f.decided_at,'')"                      \
  " FROM doc_finding f LEFT JOIN \"user\" u ON u.id=f.decided_by"

static void finding_row(Stmt *st, Arena *a, void *pRow) {
  DocFinding *f = pRow;
  f->id = col_int(st, 0);
  f->docId = col_int(st, 1);
  f->zSource = col_text(a, st, 2);
  f->zKind = col_text(a, st, 3);
  f->zMatch = col_text(a, st, 4);
  f->zContext = col_text(a, st, 5);
  f->zMask = col_text(a, st, 6);
  f->zStatus = col_text(a, st, 7);
  f->zReason = col_text(a, st, 8);
  f->zFoundAt = col_text(a, st, 9);
  f->decidedBy = col_int(st, 10);
  f->zDecidedByName = col_text(a, st, 11);
  f->zDecidedAt = col_text(a, st, 12);
}


int store_doc_findings(Store *s, Arena *a, int64_t docId, const char *zStatus,
                       DocFinding **paF, int *pn) {
  Stmt *st = stmt(s,
      "SELECT " FINDING_COLS " WHERE f.doc_id=?1 AND (?2 IS NULL OR f.status=?2)"
      " ORDER BY f.id");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, docId);
  bind_text(st, 2, zStatus);
  return stmt_rows(s, st, a, sizeof **paF, finding_row, paF, pn, "读取扫描结果");
}

int store_doc_finding_get(Store *s, Arena *a, int64_t id, DocFinding *f) {
  Stmt *st = stmt(s, "SELECT " FINDING_COLS " WHERE f.id=?1");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, id);
  int rc = stmt_row(s, st, a, sizeof *f, finding_row, f, "读取扫描结果");
  return rc == STORE_NOTFOUND ? store_fail(s, rc, "扫描结果不存在") : rc;
}

int store_doc_finding_decide(Store *s, int64_t id, const char *zStatus,
                             const char *zReason, int64_t userId) {
  char zNow[21];
  store_now_iso(zNow);
  Stmt *st = stmt(s,
      "UPDATE doc_finding SET status=?2,reason=?3,decided_by=?4,decided_at=?5"
      " WHERE id=?1 AND status='open'");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, id);
  bind_text(st, 2, zStatus);
  bind_text(st, 3, nz(zReason));
  bind_int(st, 4, userId);
  bind_text(st, 5, zNow);
  int rc = stmt_exec(s, st, "处理扫描结果");
  if (rc == STORE_OK && stmt_changes(s) == 0)
    return store_fail(s, STORE_CONFLICT, "该项已处理");
  return rc;
}

int store_doc_findings_clear_open(Store *s, int64_t docId) {
  Stmt *st = stmt(s, "DELETE FROM doc_finding WHERE doc_id=?1 AND status='open'");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, docId);
  return stmt_exec(s, st, "清除扫描结果");
}

int store_doc_findings_open(Store *s, int64_t docId) {
  Stmt *st = stmt(s,
      "SELECT count(*) FROM doc_finding WHERE doc_id=?1 AND status='open'");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, docId);
  int rc = stmt_step(st);
  int n = rc == STMT_ROW ? (int)col_int(st, 0) : -1;
  stmt_done(st);
  if (n < 0) return store_db_err(s, "读取扫描结果");
  return n;
}

/* ---- Channels ---- */

int store_doc_channel_add(Store *s, int64_t docId, const char *zChannel,
                          const char *zDay, const char *zNote,
                          int64_t userId) {
  char zNow[21];
  Date day;
  store_now_iso(zNow);
  if (!zChannel || !zChannel[0]) return store_fail(s, STORE_INVALID, "请填写渠道");
  if (!zDay || date_parse(zDay, &day))
    return store_fail(s, STORE_INVALID, "发布日期格式应为 YYYY-MM-DD");
  Stmt *st = stmt(s,
      "INSERT INTO doc_channel(doc_id,channel,day,note,added_by,added_at)"
      " VALUES(?1,?2,?3,?4,?5,?6)");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, docId);
  bind_text(st, 2, zChannel);
  bind_text(st, 3, zDay);
  bind_text(st, 4, nz(zNote));
  bind_int(st, 5, userId);
  bind_text(st, 6, zNow);
  return stmt_exec(s, st, "保存渠道");
}

static void doc_channels_row(Stmt *st, Arena *a, void *pRow) {
  DocChannel *r = pRow;
  r->id = col_int(st, 0);
  r->docId = col_int(st, 1);
  r->zChannel = col_text(a, st, 2);
  r->zDay = col_text(a, st, 3);
  r->zNote = col_text(a, st, 4);
  r->zAddedAt = col_text(a, st, 5);
}

int store_doc_channels(Store *s, Arena *a, int64_t docId, DocChannel **paCh,
                       int *pn) {
  Stmt *st = stmt(s,
      "SELECT id,doc_id,channel,day,note,added_at FROM doc_channel"
      " WHERE doc_id=?1 ORDER BY day,id");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, docId);
  return stmt_rows(s, st, a, sizeof **paCh, doc_channels_row, paCh, pn, "读取渠道");
}

/* ---- Ledger ---- */

/* The canonical content of document d (heap string), with its
** attachments as stored now. */
static int canonical_of(Store *s, Arena *a, const Doc *d, char **pz) {
  DocAttachment *aAtt;
  int nAtt;
  int rc = store_doc_attachments(s, a, d->id, &aAtt, &nAtt);
  if (rc) return rc;
  *pz = doc_canonical(d, aAtt, nAtt);
  return STORE_OK;
}

/* The canonical content of a document as stored now (heap string). */
static int canonical_now(Store *s, Arena *a, int64_t docId, char **pz) {
  Doc d;
  int rc = store_doc_get(s, a, docId, &d);
  if (rc) return rc;
  return canonical_of(s, a, &d, pz);
}

/* The newest ledger entry of docId holds no content (migration 0101): the
** document is that version.  Before a change to the document, its content
** as stored now is written into that entry, so that the entry keeps the
** version it records — when it still hashes to the entry's content_hash.
** When it does not (the document was changed behind the ledger's back),
** the entry stays without content and `ledger verify` keeps reporting it.
** No entry (never published): nothing to keep. */
static int ledger_keep(Store *s, Arena *a, int64_t docId) {
  int64_t seq = 0;
  const char *zHash = "";
  /* Twice: a document never published returns at once; one that was is
  ** read again under the ledger's lock, so that a concurrent change of
  ** the same document (PostgreSQL) has appended its entry before this one
  ** looks for the newest (else its entry would be left without content). */
  for (int bLocked = 0; bLocked < 2; bLocked++) {
    if (bLocked) {
      int rc = store_lock(s, STORE_LOCK_LEDGER);
      if (rc) return rc;
    }
    Stmt *st = stmt(s,
        "SELECT seq,content_hash,content IS NULL FROM doc_ledger WHERE doc_id=?1"
        " ORDER BY seq DESC LIMIT 1");
    if (!st) return STORE_ERROR;
    bind_int(st, 1, docId);
    int src = stmt_step(st);
    seq = 0;
    if (src == STMT_ROW) {
      seq = col_int(st, 0);
      zHash = col_text(a, st, 1);
      if (!col_int(st, 2)) seq = -1;  /* it holds its content: nothing to do */
    }
    stmt_done(st);
    if (src < 0) return src;
    if (seq <= 0) return STORE_OK;
  }
  Stmt *st;
  char *zContent = NULL, zNowHash[65];
  int rc = canonical_now(s, a, docId, &zContent);
  if (rc) return rc;
  crypto_sha256_hex(zContent, strlen(zContent), zNowHash);
  if (!strcmp(zNowHash, zHash)) {
    st = stmt(s, "UPDATE doc_ledger SET content=?2 WHERE seq=?1");
    if (!st) rc = STORE_ERROR;
    else {
      bind_int(st, 1, seq);
      bind_text(st, 2, zContent);
      rc = stmt_exec(s, st, "写入公开台账");
    }
  }
  free(zContent);
  return rc;
}

/* ledger_keep() with an arena of its own, for the functions that change a
** document without a ledger entry of their own (a state step, the text of
** a draft, its attachments): when the document was published, the version
** its newest entry records is kept before the change. */
static int ledger_keep_doc(Store *s, int64_t docId) {
  Arena a = ARENA_INIT;
  int rc = ledger_keep(s, &a, docId);
  arena_free(&a);
  return rc;
}

/* Appends a ledger entry for zEvent whose content is the canonical content
** of d.  The entry stores only its hash (the document holds the content;
** ledger_keep() must have run before the document changed).  d must hold the document's fields as store_doc_get() would read
** them now (the caller has just written them): `gongkai ledger verify`
** compares the two.  Runs in a nested transaction. */
static int ledger_append_doc(Store *s, Arena *a, const Doc *d,
                             const char *zEvent) {
  char zContentHash[65];
  char *zContent = NULL;
  int rc = canonical_of(s, a, d, &zContent);
  if (rc) return rc;
  crypto_sha256_hex(zContent, strlen(zContent), zContentHash);
  free(zContent);
  return ledger_append_hash(s, a, d->id, zEvent, zContentHash);
}

/* Appends a ledger entry for zEvent on docId whose content hashes to
** zContentHash (ledger_append_doc(), or an import's prepared hash).  Runs
** in a nested transaction. */
static int ledger_append_hash(Store *s, Arena *a, int64_t docId,
                              const char *zEvent, const char *zContentHash) {
  char zNow[21], zEntry[65];
  store_now_iso(zNow);
  int rc = store_begin(s);
  if (rc) return rc;
  /* The head is read, extended and written back: one writer at a time
  ** (store.h, the concurrency contract). */
  if ((rc = store_lock(s, STORE_LOCK_LEDGER))) goto done;
  Stmt *st = stmt(s,
      "SELECT seq,entry_hash FROM doc_ledger ORDER BY seq DESC LIMIT 1");
  if (!st) { rc = STORE_ERROR; goto done; }
  int64_t seq = 1;
  const char *zPrev = DOC_LEDGER_ZERO_HASH;
  if (stmt_step(st) == STMT_ROW) {
    seq = col_int(st, 0) + 1;
    zPrev = col_text(a, st, 1);
  }
  stmt_done(st);
  doc_ledger_entry_hash(seq, zNow, docId, zEvent, zContentHash, zPrev, zEntry);
  st = stmt(s,
      "INSERT INTO doc_ledger(seq,at,doc_id,event,content_hash,"
      "prev_hash,entry_hash) VALUES(?1,?2,?3,?4,?5,?6,?7)");
  if (!st) { rc = STORE_ERROR; goto done; }
  bind_int(st, 1, seq);
  bind_text(st, 2, zNow);
  bind_int(st, 3, docId);
  bind_text(st, 4, zEvent);
  bind_text(st, 5, zContentHash);
  bind_text(st, 6, zPrev);
  bind_text(st, 7, zEntry);
  rc = stmt_exec(s, st, "写入公开台账");
done:
  if (rc) { store_rollback(s); return rc; }
  return store_commit(s);
}

int store_ledger_append(Store *s, Arena *a, int64_t docId,
                        const char *zEvent) {
  Doc d;
  int rc = store_doc_get(s, a, docId, &d);
  if (rc) return rc;
  return ledger_append_doc(s, a, &d, zEvent);
}

static void ledger_row(Stmt *st, Arena *a, void *pRow) {
  LedgerEntry *e = pRow;
  e->seq = col_int(st, 0);
  e->zAt = col_text(a, st, 1);
  e->docId = col_int(st, 2);
  e->zEvent = col_text(a, st, 3);
  /* NULL: the newest entry of its document, whose content is the
  ** document itself (migration 0101; store_ledger_content()). */
  e->zContent = col_is_null(st, 4) ? NULL : col_text(a, st, 4);
  e->zContentHash = col_text(a, st, 5);
  e->zPrevHash = col_text(a, st, 6);
  e->zEntryHash = col_text(a, st, 7);
  e->orgId = 0;
}

/* A row of store_ledger_list: the entry and its document's organisation. */
static void ledger_list_row(Stmt *st, Arena *a, void *pRow) {
  ledger_row(st, a, pRow);
  ((LedgerEntry *)pRow)->orgId = col_is_null(st, 8) ? 0 : col_int(st, 8);
}

int store_ledger_list(Store *s, Arena *a, int64_t docId, int64_t afterSeq,
                      int limit, LedgerEntry **paE, int *pn) {
  /* Two statements: with "(?1 IS NULL OR doc_id=?1)" SQLite cannot use
  ** doc_ledger_doc and walked the whole ledger for every document page
  ** (0.3-0.5 s at 100k documents; bench/analysis.md, section 5). */
  /* Column 8: the document's organisation (the scope of its content). */
  Stmt *st = docId > 0
      ? stmt(s,
             "SELECT seq,at,doc_id,event,content,content_hash,prev_hash,"
             "entry_hash,(SELECT org_id FROM doc WHERE id=l.doc_id)"
             " FROM doc_ledger l WHERE doc_id=?1 AND seq>?2"
             " ORDER BY seq LIMIT ?3")
      : stmt(s,
             "SELECT seq,at,doc_id,event,content,content_hash,prev_hash,"
             "entry_hash,(SELECT org_id FROM doc WHERE id=l.doc_id)"
             " FROM doc_ledger l WHERE CAST(?1 AS INTEGER) IS NULL AND seq>?2"
             " ORDER BY seq LIMIT ?3");
  if (!st) return STORE_ERROR;
  bind_id(st, 1, docId);
  bind_int(st, 2, afterSeq);
  bind_limit(st, 3, limit > 0 ? limit : -1);
  return stmt_rows(s, st, a, sizeof **paE, ledger_list_row, paE, pn, "读取公开台账");
}

int store_ledger_content(Store *s, Arena *a, LedgerEntry *aE, int n) {
  for (int i = 0; i < n; i++) {
    if (aE[i].zContent) continue;
    char *zNow = NULL, zHash[65];
    int rc = canonical_now(s, a, aE[i].docId, &zNow);
    if (rc) return rc;
    crypto_sha256_hex(zNow, strlen(zNow), zHash);
    if (aE[i].zContentHash && !strcmp(zHash, aE[i].zContentHash))
      aE[i].zContent = arena_strdup(a, zNow);
    free(zNow);
  }
  return STORE_OK;
}

int store_ledger_head(Store *s, int64_t *pSeq) {
  Stmt *st = stmt(s, "SELECT coalesce(max(seq),0) FROM doc_ledger");
  if (!st) return STORE_ERROR;
  int rc = stmt_step(st);
  *pSeq = rc == STMT_ROW ? col_int(st, 0) : 0;
  stmt_done(st);
  return rc == STMT_ROW ? STORE_OK : store_fail(s, STORE_ERROR, "读取公开台账失败");
}

int store_ledger_verify(Store *s, int64_t *pBadSeq, int64_t *pnChecked) {
  Arena a = ARENA_INIT;
  char zPrev[65];
  int64_t expect = 1, nChecked = 0;
  int rc = STORE_OK;
  *pBadSeq = 0;
  memcpy(zPrev, DOC_LEDGER_ZERO_HASH, 65);
  /* Column 8: 1 when the entry holds no content but is not its
  ** document's newest (only the newest may leave it to the document). */
  Stmt *st = stmt(s,
      "SELECT seq,at,doc_id,event,content,content_hash,prev_hash,entry_hash,"
      "CASE WHEN content IS NULL AND EXISTS (SELECT 1 FROM doc_ledger m"
      " WHERE m.doc_id=l.doc_id AND m.seq>l.seq) THEN 1 ELSE 0 END"
      " FROM doc_ledger l ORDER BY seq");
  if (!st) return STORE_ERROR;
  int src;
  while ((src = stmt_step(st)) == STMT_ROW) {
    LedgerEntry e;
    ledger_row(st, &a, &e);
    const char *zWhy = e.seq != expect ? "序号不连续（条目被删除或插入）"
                       : col_int(st, 8) ? "内容缺失（较早的版本未保存内容）"
                                        : doc_ledger_check(&e, zPrev);
    if (zWhy) {
      *pBadSeq = e.seq;
      rc = store_fail(s, STORE_CONFLICT, "公开台账第%lld条：%s",
                      (long long)e.seq, zWhy);
      break;
    }
    memcpy(zPrev, e.zEntryHash, 65);
    expect++;
    nChecked++;
    arena_free(&a);
  }
  stmt_done(st);
  if (rc == STORE_OK && src != STMT_DONE)
    rc = store_db_err(s, "读取公开台账");
  /* Each document's current content must hash to its newest entry's
  ** content hash (which the entry hash covers): a change that bypassed the
  ** ledger shows here. */
  if (rc == STORE_OK) {
    int64_t aSeq[64], aDoc[64];
    char azHash[64][65];
    int nRow;
    int64_t lastDoc = 0;
    /* In batches of 64 documents: canonical_now() needs other statements,
    ** so the batch is read completely before it is checked. */
    do {
      nRow = 0;
      st = stmt(s,
          "SELECT l.seq,l.doc_id,l.content_hash FROM doc_ledger l"
          " WHERE l.doc_id>?1 AND l.seq=(SELECT max(seq) FROM doc_ledger m"
          " WHERE m.doc_id=l.doc_id) ORDER BY l.doc_id LIMIT 64");
      if (!st) { rc = STORE_ERROR; break; }
      bind_int(st, 1, lastDoc);
      while (nRow < 64 && (src = stmt_step(st)) == STMT_ROW) {
        aSeq[nRow] = col_int(st, 0);
        aDoc[nRow] = col_int(st, 1);
        const char *zH = col_str(st, 2);
        snprintf(azHash[nRow], 65, "%s", zH ? zH : "");
        nRow++;
      }
      stmt_done(st);
      for (int i = 0; i < nRow; i++) {
        char *zNow = NULL;
        lastDoc = aDoc[i];
        if (rc == STORE_OK) {
          char zNowHash[65];
          rc = canonical_now(s, &a, aDoc[i], &zNow);
          if (rc == STORE_OK)
            crypto_sha256_hex(zNow, strlen(zNow), zNowHash);
          if (rc == STORE_OK && strcmp(zNowHash, azHash[i])) {
            *pBadSeq = aSeq[i];
            rc = store_fail(s, STORE_CONFLICT,
                            "文件%lld的当前内容与公开台账第%lld条不符（未经台账的改动）",
                            (long long)aDoc[i], (long long)aSeq[i]);
          }
        }
        free(zNow);
      }
      arena_free(&a);
    } while (nRow == 64 && rc == STORE_OK);
  }
  arena_free(&a);
  if (pnChecked) *pnChecked = nChecked;
  return rc;
}
