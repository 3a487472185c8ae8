/* sqlite_search.c — the search index on SQLite FTS5 with the gk tokenizer
** (see store_search.h, docs/search.md and migration 0007_search.sql). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lib/buf.h"
#include "lib/date.h"
#include "store/fts_cjk.h"
#include "store/store_documents.h"
#include "store/store_int.h"
#include "store/store_search.h"

/* The columns of a document's index row after its key, computed from doc,
** doc_attachment and attachment_blob (the attachment column: per
** attachment in upload order its file name, a line break and its
** extracted text (migration 0008), attachments separated by a line
** break).  Keep equal to the INSERT of migration 0010. */
#define SEARCH_ROW_COLUMNS                                                    \
  " d.id,d.org_id,coalesce(d.published_date,''),d.catalogue_item_id,"        \
  " d.genre,d.validity,d.body,d.title,d.doc_number,d.keywords,"             \
  " coalesce((SELECT group_concat(x.t,char(10)) FROM"                       \
  "  (SELECT t.filename||char(10)||coalesce(b.text,'') AS t"                 \
  "   FROM doc_attachment t JOIN attachment_blob b USING(sha256)"            \
  "   WHERE t.doc_id=d.id ORDER BY t.id) x),"                                \
  "  '')"
#define SEARCH_INSERT                                                        \
  "INSERT INTO search_doc(id,doc_id,org_id,published_date,catalogue_item_id," \
  " genre,validity,body,title,doc_number,keywords,attachment_text)"

/* Keys per published day (migration 0010: day * 65536 + ordinal). */
#define SEARCH_DAY_SLOTS 65536

/* The first key of the day of zDate ("YYYY-MM-DD"; day 0 when it is not a
** date): days since 1900-01-01 times SEARCH_DAY_SLOTS. */
static int64_t day_key(const char *zDate) {
  Date d;
  if (!zDate || date_parse(zDate, &d)) return 0;
  return (int64_t)(d - date_from_ymd(1900, 1, 1)) * SEARCH_DAY_SLOTS;
}

/* The year of key k (its day since 1900-01-01). */
static int key_year(int64_t k) {
  int64_t day = k >= 0 ? k / SEARCH_DAY_SLOTS
                       : -((-k + SEARCH_DAY_SLOTS - 1) / SEARCH_DAY_SLOTS);
  return date_year((Date)(day + date_from_ymd(1900, 1, 1)));
}

/* The first key of 1 January of year y. */
static int64_t year_key(int y) {
  return (int64_t)(date_from_ymd(y, 1, 1) - date_from_ymd(1900, 1, 1)) *
         SEARCH_DAY_SLOTS;
}

/* Contract in store_search.h.  Attachment texts are read from
** attachment_blob.text as stored at upload (never extracted here).  The
** key is kept while the published date stays; otherwise the document gets
** the next free key of its day. */
int store_search_sync(Store *s, int64_t docId) {
  Arena a = ARENA_INIT;
  int rc = store_begin(s);
  if (rc) return rc;
  int64_t oldKey = 0, key = 0;
  const char *zOldDate = NULL, *zDate = NULL;
  sqlite3_stmt *st = stmt(s,
      "SELECT id,published_date FROM search_doc WHERE doc_id=?1");
  if (!st) { rc = STORE_ERROR; goto fail; }
  bind_int(st, 1, docId);
  if (sqlite3_step(st) == SQLITE_ROW) {
    oldKey = col_int(st, 0);
    zOldDate = col_text(&a, st, 1);
  }
  stmt_done(st);
  if (zOldDate) {
    st = stmt(s, "DELETE FROM search_doc WHERE doc_id=?1");
    if (!st) { rc = STORE_ERROR; goto fail; }
    bind_int(st, 1, docId);
    if ((rc = stmt_exec(s, st, "更新检索索引"))) goto fail;
  }
  st = stmt(s, "SELECT coalesce(published_date,'') FROM doc"
               " WHERE id=?1 AND state='published'");
  if (!st) { rc = STORE_ERROR; goto fail; }
  bind_int(st, 1, docId);
  if (sqlite3_step(st) == SQLITE_ROW) zDate = col_text(&a, st, 0);
  stmt_done(st);
  if (!zDate) goto done; /* not public: no row */
  if (zOldDate && !strcmp(zOldDate, zDate)) {
    key = oldKey;
  } else {
    int64_t base = day_key(zDate);
    st = stmt(s, "SELECT max(id) FROM search_doc WHERE id BETWEEN ?1 AND ?2");
    if (!st) { rc = STORE_ERROR; goto fail; }
    bind_int(st, 1, base);
    bind_int(st, 2, base + SEARCH_DAY_SLOTS - 1);
    key = base;
    if (sqlite3_step(st) == SQLITE_ROW &&
        sqlite3_column_type(st, 0) != SQLITE_NULL)
      key = col_int(st, 0) + 1;
    stmt_done(st);
    if (key >= base + SEARCH_DAY_SLOTS) {
      rc = store_fail(s, STORE_CONFLICT,
                      "发布日期为%s的文件已达%d件，检索索引无法再收录",
                      zDate, SEARCH_DAY_SLOTS);
      goto fail;
    }
  }
  st = stmt(s, SEARCH_INSERT " SELECT ?2," SEARCH_ROW_COLUMNS
               " FROM doc d WHERE d.id=?1");
  if (!st) { rc = STORE_ERROR; goto fail; }
  bind_int(st, 1, docId);
  bind_int(st, 2, key);
  if ((rc = stmt_exec(s, st, "更新检索索引"))) goto fail;
done:
  arena_free(&a);
  return store_commit(s);
fail:
  arena_free(&a);
  store_rollback(s);
  return rc;
}

int store_search_rebuild(Store *s) {
  int rc = store_attachment_text_backfill(s, NULL);
  if (rc) return rc;
  rc = store_begin(s);
  if (rc) return rc;
  sqlite3_stmt *st = stmt(s,
      "SELECT coalesce(max(n),0) FROM (SELECT count(*) AS n FROM doc"
      " WHERE state='published' GROUP BY coalesce(published_date,''))");
  if (!st) { store_rollback(s); return STORE_ERROR; }
  int64_t nMax = sqlite3_step(st) == SQLITE_ROW ? col_int(st, 0) : 0;
  stmt_done(st);
  if (nMax > SEARCH_DAY_SLOTS) {
    store_rollback(s);
    return store_fail(s, STORE_CONFLICT,
                      "同一发布日期的文件超过%d件，检索索引无法收录",
                      SEARCH_DAY_SLOTS);
  }
  st = stmt(s, "DELETE FROM search_doc");
  if (!st) { store_rollback(s); return STORE_ERROR; }
  if ((rc = stmt_exec(s, st, "重建检索索引"))) { store_rollback(s); return rc; }
  /* Keys in (day, document id) order, as migration 0010 assigns them. */
  st = stmt(s, SEARCH_INSERT
      " SELECT coalesce(CAST(julianday(d.published_date)-2415020.5 AS INTEGER),0)"
      "  *65536+row_number() OVER (PARTITION BY coalesce(d.published_date,'')"
      "  ORDER BY d.id)-1," SEARCH_ROW_COLUMNS
      " FROM doc d WHERE d.state='published'");
  if (!st) { store_rollback(s); return STORE_ERROR; }
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

/* The filters shared by every search statement.  ?2 org, ?3 subtree flag,
** ?4/?5 key range of the year, ?6 catalogue item, ?7 genre, ?8 validity,
** ?12 Art. 20 item (?1 and ?13 are the MATCH expressions, ?9-?11 paging). */
#define SEARCH_FILTERS                                                       \
  " AND (?4 IS NULL OR sd.id BETWEEN ?4 AND ?5)"                             \
  " AND (?2 IS NULL OR (?3=0 AND sd.org_id=?2) OR (?3=1 AND sd.org_id IN ("  \
  "  WITH RECURSIVE t(id) AS (SELECT ?2 UNION ALL"                           \
  "   SELECT x.id FROM org x JOIN t ON x.parent_id=t.id) SELECT id FROM t)))"\
  " AND (?6 IS NULL OR sd.catalogue_item_id=?6)"                             \
  " AND (?7 IS NULL OR sd.genre=?7)"                                         \
  " AND (?8 IS NULL OR sd.validity=?8)"                                      \
  " AND (?12 IS NULL OR sd.catalogue_item_id IN"                             \
  "  (SELECT id FROM catalogue_item WHERE art20_item=?12))"
/* Terms of two or more characters (?1, bigram table), and the
** one-character terms (?13, character table, NULL when there are none),
** checked per candidate by rowid (a doclist seek). */
#define SEARCH_FROM                                                          \
  " FROM search_fts f JOIN search_doc sd ON sd.id=f.rowid"                   \
  " WHERE search_fts MATCH ?1"                                               \
  " AND (?4 IS NULL OR f.rowid BETWEEN ?4 AND ?5)"                           \
  " AND (?13 IS NULL OR EXISTS (SELECT 1 FROM search_chr c"                  \
  "  WHERE search_chr MATCH ?13 AND c.rowid=f.rowid))" SEARCH_FILTERS
/* Only one-character terms (?13): the character table alone. */
#define CHARS_FROM                                                           \
  " FROM search_chr f JOIN search_doc sd ON sd.id=f.rowid"                   \
  " WHERE search_chr MATCH ?13 AND ?1 IS NULL"                               \
  " AND (?4 IS NULL OR f.rowid BETWEEN ?4 AND ?5)" SEARCH_FILTERS
#define BROWSE_FROM                                                          \
  " FROM search_doc sd WHERE ?1 IS NULL" SEARCH_FILTERS

/* Binds the MATCH expressions (NULL: none) and the filters of q. */
static void bind_search(sqlite3_stmt *st, const char *zMatch,
                        const char *zChars, const SearchQuery *q) {
  bind_text(st, 1, zMatch);
  bind_text(st, 13, zChars);
  bind_id(st, 2, q->orgId);
  bind_int(st, 3, q->bSubtree ? 1 : 0);
  if (q->year > 0 && q->year < 9999) {
    bind_int(st, 4, year_key(q->year));
    bind_int(st, 5, year_key(q->year + 1) - 1);
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

/* Runs the one-column integer statement st (already bound) and stores its
** value in *pn.  zWhat names the action for the error message. */
static int one_int(Store *s, sqlite3_stmt *st, int *pn, const char *zWhat) {
  int rc = sqlite3_step(st);
  *pn = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
  stmt_done(st);
  return rc == SQLITE_ROW ? STORE_OK : store_sqlite_err(s, rc, zWhat);
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
    bind_search(st, NULL, NULL, q);
    if ((rc = one_int(s, st, pnTotal, "读取文件列表"))) return rc;
  }
  st = stmt(s, "SELECT sd.doc_id" BROWSE_FROM " ORDER BY sd.id DESC LIMIT ?9 OFFSET ?10");
  if (!st) return STORE_ERROR;
  bind_search(st, NULL, NULL, q);
  bind_int(st, 9, limit);
  bind_int(st, 10, q->offset > 0 ? q->offset : 0);
  return collect(s, a, st, paDocId, pn, &nAlloc);
}

int store_search_years(Store *s, Arena *a, int64_t orgId, int bSubtree,
                       int **paYear, int **paCount, int *pn) {
  int n = 0, nAlloc = 0, nAlloc2 = 0, n2 = 0, rc;
  int *aY = NULL, *aC = NULL;
  sqlite3_stmt *st;
  if (!orgId && !paCount) {
    /* Years only, over all organisations: one rowid seek per year. */
    int64_t lim = INT64_MAX;
    for (;;) {
      st = stmt(s, "SELECT max(id) FROM search_doc WHERE id<?1");
      if (!st) return STORE_ERROR;
      bind_int(st, 1, lim);
      rc = sqlite3_step(st);
      int bRow = rc == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL;
      int64_t k = bRow ? col_int(st, 0) : 0;
      stmt_done(st);
      if (rc != SQLITE_ROW) return store_sqlite_err(s, rc, "读取年份");
      if (!bRow) break;
      int y = key_year(k);
      ARENA_PUSH(a, aY, n, nAlloc);
      aY[n++] = y;
      lim = year_key(y);
    }
  } else {
    /* Counts per day from the covering index (org_id, id), then per year
    ** here: the key's day says the year. */
    st = stmt(s,
        "SELECT sd.id>>16 AS day, count(*) FROM search_doc sd"
        " WHERE (?1 IS NULL OR (?2=0 AND sd.org_id=?1) OR (?2=1 AND sd.org_id IN ("
        "  WITH RECURSIVE t(id) AS (SELECT ?1 UNION ALL"
        "   SELECT x.id FROM org x JOIN t ON x.parent_id=t.id) SELECT id FROM t)))"
        " GROUP BY day ORDER BY day DESC");
    if (!st) return STORE_ERROR;
    bind_id(st, 1, orgId);
    bind_int(st, 2, bSubtree ? 1 : 0);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
      int y = key_year(col_int(st, 0) * SEARCH_DAY_SLOTS);
      int c = sqlite3_column_int(st, 1);
      if (n && aY[n - 1] == y) {
        aC[n2 - 1] += c;
        continue;
      }
      ARENA_PUSH(a, aY, n, nAlloc);
      ARENA_PUSH(a, aC, n2, nAlloc2);
      aY[n++] = y;
      aC[n2++] = c;
    }
    stmt_done(st);
    if (rc != SQLITE_DONE) return store_sqlite_err(s, rc, "读取年份");
  }
  *paYear = aY;
  if (paCount) *paCount = aC;
  *pn = n;
  return STORE_OK;
}

int store_search(Store *s, Arena *a, const SearchQuery *q, int64_t **paDocId,
                 int *pn, int *pnTotal) {
  Buf m = BUF_INIT, c = BUF_INIT;
  char *zErr = NULL;
  *paDocId = NULL;
  *pn = 0;
  if (pnTotal) *pnTotal = 0;
  if (!q->zQuery) return browse(s, a, q, paDocId, pn, pnTotal);
  int qrc = fts_cjk_query_split(q->zQuery, &m, &c, &zErr);
  if (qrc != FTS_CJK_OK) {
    /* The tokenizer's messages are English; users get Chinese. */
    int rc = store_fail(s, STORE_INVALID, "%s",
        qrc == FTS_CJK_ETOOMANY ? "检索词过多（最多16个）"
        : qrc == FTS_CJK_ETOOLONG ? "检索词过长（每个最多100个字）"
        : "请输入检索词");
    free(zErr);
    buf_free(&m);
    buf_free(&c);
    return rc;
  }
  const char *zMatch = m.n ? arena_strdup(a, buf_str(&m)) : NULL;
  const char *zChars = c.n ? arena_strdup(a, buf_str(&c)) : NULL;
  buf_free(&m);
  buf_free(&c);
  int limit = q->limit <= 0 ? 20 : q->limit > 200 ? 200 : q->limit;
  int offset = q->offset > 0 ? q->offset : 0;
  int total = 0, rc, nAlloc = 0;
  int cap = q->countCap == 0 ? SEARCH_COUNT_CAP : q->countCap;
  sqlite3_stmt *st;
  /* The count stops at cap + 1 (LIMIT -1: no limit). */
  if (zMatch)
    st = stmt(s, "SELECT count(*) FROM (SELECT 1" SEARCH_FROM
                 " LIMIT ?14)");
  else
    st = stmt(s, "SELECT count(*) FROM (SELECT 1" CHARS_FROM
                 " LIMIT ?14)");
  if (!st) return STORE_ERROR;
  bind_search(st, zMatch, zChars, q);
  bind_int(st, 14, cap < 0 ? -1 : (int64_t)cap + 1);
  if ((rc = one_int(s, st, &total, "检索"))) return rc;
  if (pnTotal) *pnTotal = total;
  int nCand = (cap >= 0 && total > cap) || total > SEARCH_CANDIDATES
                  ? SEARCH_CANDIDATES : total;
  if (zMatch && !q->bByDate && offset < nCand) {
    /* Relevance over the newest nCand matches: bm25 (negative, lower is
    ** better) scaled up by up to 1.5 for documents published this year,
    ** fading with age; ties newest first.  One-character terms only
    ** filter (the character table has no positions to score). */
    st = stmt(s,
        "SELECT doc_id FROM (SELECT sd.doc_id, f.rowid AS k,"
        "  bm25(search_fts,1.0,5.0,5.0,2.0,1.0) AS score,"
        "  julianday('now') - julianday(sd.published_date) AS age"
        SEARCH_FROM " ORDER BY f.rowid DESC LIMIT ?9)"
        " ORDER BY score * (1.0 + 0.5 / (1.0 + max(coalesce(age,0),0) / 365.0)),"
        "  k DESC LIMIT ?10 OFFSET ?11");
    if (!st) return STORE_ERROR;
    bind_search(st, zMatch, zChars, q);
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
  if (zMatch)
    st = stmt(s, "SELECT sd.doc_id" SEARCH_FROM
                 " ORDER BY f.rowid DESC LIMIT ?9 OFFSET ?10");
  else
    st = stmt(s, "SELECT sd.doc_id" CHARS_FROM
                 " ORDER BY f.rowid DESC LIMIT ?9 OFFSET ?10");
  if (!st) return STORE_ERROR;
  bind_search(st, zMatch, zChars, q);
  bind_int(st, 9, limit);
  bind_int(st, 10, offset);
  return collect(s, a, st, paDocId, pn, &nAlloc);
}
