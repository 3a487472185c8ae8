/* sqlite_search.c — the search index on SQLite FTS5 with the gk tokenizer
** (see store_search.h, docs/search.md and migration 0007_search.sql). */
#include <stdlib.h>
#include <string.h>

#include "lib/buf.h"
#include "store/fts_cjk.h"
#include "store/store_documents.h"
#include "store/store_int.h"
#include "store/store_search.h"

/* The index row of one document, computed from doc, doc_attachment and
** attachment_blob (the attachment column: per attachment in upload order
** its file name, a line break and its extracted text (migration 0008),
** attachments separated by a line break); ?1 restricts to one document,
** NULL to all. */
#define SEARCH_ROW_SQL                                                        \
  "INSERT INTO search_doc(id,doc_id,org_id,published_date,catalogue_item_id," \
  " genre,validity,body,title,doc_number,keywords,attachment_text)"         \
  " SELECT CAST(replace(coalesce(d.published_date,'0000-00-00'),'-','')"     \
  "  AS INTEGER)*1000000000+d.id,"                                          \
  " d.id,d.org_id,coalesce(d.published_date,''),d.catalogue_item_id,"        \
  " d.genre,d.validity,d.body,d.title,d.doc_number,d.keywords,"             \
  " coalesce((SELECT group_concat(x.t,char(10)) FROM"                       \
  "  (SELECT t.filename||char(10)||coalesce(b.text,'') AS t"                 \
  "   FROM doc_attachment t JOIN attachment_blob b USING(sha256)"            \
  "   WHERE t.doc_id=d.id ORDER BY t.id) x),"                                \
  "  '')"                                                                   \
  " FROM doc d WHERE d.state='published' AND (?1 IS NULL OR d.id=?1)"

/* Contract in store_search.h.  Attachment texts are read from
** attachment_blob.text as stored at upload (never extracted here). */
int store_search_sync(Store *s, int64_t docId) {
  int rc = store_begin(s);
  if (rc) return rc;
  sqlite3_stmt *st = stmt(s, "DELETE FROM search_doc WHERE doc_id=?1");
  if (!st) { store_rollback(s); return STORE_ERROR; }
  bind_int(st, 1, docId);
  if ((rc = stmt_exec(s, st, "更新检索索引"))) { store_rollback(s); return rc; }
  st = stmt(s, SEARCH_ROW_SQL);
  if (!st) { store_rollback(s); return STORE_ERROR; }
  bind_int(st, 1, docId);
  if ((rc = stmt_exec(s, st, "更新检索索引"))) { store_rollback(s); return rc; }
  return store_commit(s);
}

int store_search_rebuild(Store *s) {
  int rc = store_attachment_text_backfill(s, NULL);
  if (rc) return rc;
  rc = store_begin(s);
  if (rc) return rc;
  sqlite3_stmt *st = stmt(s, "DELETE FROM search_doc");
  if (!st) { store_rollback(s); return STORE_ERROR; }
  if ((rc = stmt_exec(s, st, "重建检索索引"))) { store_rollback(s); return rc; }
  st = stmt(s, SEARCH_ROW_SQL);
  if (!st) { store_rollback(s); return STORE_ERROR; }
  bind_id(st, 1, 0);
  if ((rc = stmt_exec(s, st, "重建检索索引"))) { store_rollback(s); return rc; }
  return store_commit(s);
}

int store_search_attachment_text(Store *s, Arena *a, int64_t docId,
                                 const char **pz) {
  *pz = "";
  sqlite3_stmt *st = stmt(s,
      "SELECT attachment_text FROM search_doc WHERE doc_id=?1");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, docId);
  int rc = sqlite3_step(st);
  if (rc == SQLITE_ROW) *pz = col_text(a, st, 0);
  stmt_done(st);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return store_sqlite_err(s, rc, "读取附件文本");
  return STORE_OK;
}

/* The filters shared by every search statement.  ?1 MATCH expression,
** ?2 org, ?3 subtree flag, ?4/?5 key range of the year, ?6 catalogue item,
** ?7 genre, ?8 validity, ?12 Art. 20 item (?9-?11 are paging). */
#define SEARCH_FILTERS                                                       \
  " AND (?2 IS NULL OR (?3=0 AND sd.org_id=?2) OR (?3=1 AND sd.org_id IN ("  \
  "  WITH RECURSIVE t(id) AS (SELECT ?2 UNION ALL"                           \
  "   SELECT x.id FROM org x JOIN t ON x.parent_id=t.id) SELECT id FROM t)))"\
  " AND (?6 IS NULL OR sd.catalogue_item_id=?6)"                             \
  " AND (?7 IS NULL OR sd.genre=?7)"                                         \
  " AND (?8 IS NULL OR sd.validity=?8)"                                      \
  " AND (?12 IS NULL OR sd.catalogue_item_id IN"                             \
  "  (SELECT id FROM catalogue_item WHERE art20_item=?12))"
#define SEARCH_FROM                                                          \
  " FROM search_fts f JOIN search_doc sd ON sd.id=f.rowid"                   \
  " WHERE search_fts MATCH ?1"                                               \
  " AND (?4 IS NULL OR f.rowid BETWEEN ?4 AND ?5)" SEARCH_FILTERS
#define BROWSE_FROM                                                          \
  " FROM search_doc sd WHERE ?1 IS NULL"                                     \
  " AND (?4 IS NULL OR sd.id BETWEEN ?4 AND ?5)" SEARCH_FILTERS

static void bind_search(sqlite3_stmt *st, const char *zMatch,
                        const SearchQuery *q) {
  bind_text(st, 1, zMatch);
  bind_id(st, 2, q->orgId);
  bind_int(st, 3, q->bSubtree ? 1 : 0);
  if (q->year > 0) {
    bind_int(st, 4, (int64_t)(q->year * 10000 + 101) * 1000000000LL);
    bind_int(st, 5, (int64_t)(q->year * 10000 + 1231) * 1000000000LL + 999999999LL);
  } else {
    bind_id(st, 4, 0);
    bind_id(st, 5, 0);
  }
  bind_id(st, 6, q->catalogueItemId);
  bind_text(st, 7, q->zGenre && q->zGenre[0] ? q->zGenre : NULL);
  bind_text(st, 8, q->zValidity && q->zValidity[0] ? q->zValidity : NULL);
  bind_id(st, 12, q->art20);
}

/* Appends the doc ids of statement st (column 0) to the result array. */
static int collect(Store *s, Arena *a, sqlite3_stmt *st, int64_t **pa, int *pn,
                   int *pnAlloc) {
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    ARENA_PUSH(a, *pa, *pn, *pnAlloc);
    (*pa)[(*pn)++] = sqlite3_column_int64(st, 0);
  }
  stmt_done(st);
  return rc == SQLITE_DONE ? STORE_OK : store_sqlite_err(s, rc, "检索");
}

/* store_search() without a query: published documents newest first. */
static int browse(Store *s, Arena *a, const SearchQuery *q, int64_t **paDocId,
                  int *pn, int *pnTotal) {
  int limit = q->limit <= 0 ? 20 : q->limit > 500 ? 500 : q->limit;
  int nAlloc = 0, rc;
  sqlite3_stmt *st;
  if (pnTotal) {
    st = stmt(s, "SELECT count(*)" BROWSE_FROM);
    if (!st) return STORE_ERROR;
    bind_search(st, NULL, q);
    rc = sqlite3_step(st);
    *pnTotal = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
    stmt_done(st);
    if (rc != SQLITE_ROW) return store_sqlite_err(s, rc, "读取文件列表");
  }
  st = stmt(s, "SELECT sd.doc_id" BROWSE_FROM " ORDER BY sd.id DESC LIMIT ?9 OFFSET ?10");
  if (!st) return STORE_ERROR;
  bind_search(st, NULL, q);
  bind_int(st, 9, limit);
  bind_int(st, 10, q->offset > 0 ? q->offset : 0);
  return collect(s, a, st, paDocId, pn, &nAlloc);
}

int store_search_years(Store *s, Arena *a, int64_t orgId, int bSubtree,
                       int **paYear, int **paCount, int *pn) {
  sqlite3_stmt *st = stmt(s,
      "SELECT sd.id / 10000000000000 AS y, count(*) FROM search_doc sd"
      " WHERE (?1 IS NULL OR (?2=0 AND sd.org_id=?1) OR (?2=1 AND sd.org_id IN ("
      "  WITH RECURSIVE t(id) AS (SELECT ?1 UNION ALL"
      "   SELECT x.id FROM org x JOIN t ON x.parent_id=t.id) SELECT id FROM t)))"
      " GROUP BY y ORDER BY y DESC");
  if (!st) return STORE_ERROR;
  bind_id(st, 1, orgId);
  bind_int(st, 2, bSubtree ? 1 : 0);
  int n = 0, nAlloc = 0, nAlloc2 = 0, n2 = 0, rc;
  int *aY = NULL, *aC = NULL;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    ARENA_PUSH(a, aY, n, nAlloc);
    ARENA_PUSH(a, aC, n2, nAlloc2);
    aY[n++] = sqlite3_column_int(st, 0);
    aC[n2++] = sqlite3_column_int(st, 1);
  }
  stmt_done(st);
  if (rc != SQLITE_DONE) return store_sqlite_err(s, rc, "读取年份");
  *paYear = aY;
  *paCount = aC;
  *pn = n;
  return STORE_OK;
}

int store_search(Store *s, Arena *a, const SearchQuery *q, int64_t **paDocId,
                 int *pn, int *pnTotal) {
  Buf m = BUF_INIT;
  char *zErr = NULL;
  *paDocId = NULL;
  *pn = 0;
  if (pnTotal) *pnTotal = 0;
  if (!q->zQuery) return browse(s, a, q, paDocId, pn, pnTotal);
  int qrc = fts_cjk_query(q->zQuery, &m, &zErr);
  if (qrc != FTS_CJK_OK) {
    /* The tokenizer's messages are English; users get Chinese. */
    int rc = store_fail(s, STORE_INVALID, "%s",
        qrc == FTS_CJK_ETOOMANY ? "检索词过多（最多16个）"
        : qrc == FTS_CJK_ETOOLONG ? "检索词过长（每个最多100个字）"
        : "请输入检索词");
    free(zErr);
    buf_free(&m);
    return rc;
  }
  const char *zMatch = arena_strdup(a, buf_str(&m));
  buf_free(&m);
  int limit = q->limit <= 0 ? 20 : q->limit > 200 ? 200 : q->limit;
  int offset = q->offset > 0 ? q->offset : 0;
  int total = 0, rc, nAlloc = 0;
  sqlite3_stmt *st = stmt(s, "SELECT count(*)" SEARCH_FROM);
  if (!st) return STORE_ERROR;
  bind_search(st, zMatch, q);
  rc = sqlite3_step(st);
  if (rc == SQLITE_ROW) total = sqlite3_column_int(st, 0);
  stmt_done(st);
  if (rc != SQLITE_ROW) return store_sqlite_err(s, rc, "检索");
  if (pnTotal) *pnTotal = total;
  int nCand = total < SEARCH_CANDIDATES ? total : SEARCH_CANDIDATES;
  if (!q->bByDate && offset < nCand) {
    /* Relevance over the newest nCand matches: bm25 (negative, lower is
    ** better) scaled up by up to 1.5 for documents published this year,
    ** fading with age; ties newest first. */
    st = stmt(s,
        "SELECT doc_id FROM (SELECT sd.doc_id, f.rowid AS k,"
        "  bm25(search_fts,1.0,5.0,5.0,2.0,1.0) AS score,"
        "  julianday('now') - julianday(sd.published_date) AS age"
        SEARCH_FROM " ORDER BY f.rowid DESC LIMIT ?9)"
        " ORDER BY score * (1.0 + 0.5 / (1.0 + max(coalesce(age,0),0) / 365.0)),"
        "  k DESC LIMIT ?10 OFFSET ?11");
    if (!st) return STORE_ERROR;
    bind_search(st, zMatch, q);
    bind_int(st, 9, nCand);
    bind_int(st, 10, limit);
    bind_int(st, 11, offset);
    if ((rc = collect(s, a, st, paDocId, pn, &nAlloc))) return rc;
    if (*pn == limit) return STORE_OK;
    /* The page runs past the candidates: continue newest first with the
    ** older matches (positions nCand… of the date order). */
    limit -= *pn;
    offset = nCand;
  }
  st = stmt(s, "SELECT sd.doc_id" SEARCH_FROM
               " ORDER BY f.rowid DESC LIMIT ?9 OFFSET ?10");
  if (!st) return STORE_ERROR;
  bind_search(st, zMatch, q);
  bind_int(st, 9, limit);
  bind_int(st, 10, offset);
  return collect(s, a, st, paDocId, pn, &nAlloc);
}
