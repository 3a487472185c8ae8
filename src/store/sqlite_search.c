/* sqlite_search.c — THE SQLITE SEARCH IMPLEMENTATION behind
** store_search.h: the index on SQLite FTS5 with the gk tokenizer (see
** docs/search.md and migration 0007_search.sql).  It stays on the SQLite
** API (store_sqlite.h: lite_stmt and friends over the same statement
** cache) and is not part of the backend-neutral store (docs/store.md). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/buf.h"
#include "lib/date.h"
#include "store/fts_cjk.h"
#include "store/fts_read.h"
#include "store/fts_write.h"
#include "store/store_documents.h"
#include "store/store_admin.h"
#include "store/pg_search.h"
#include "store/search_replica.h"
#include "store/search_count_cache.h"
#include "store/store_sqlite.h"
#include "store/store_search.h"

/* The columns of a document's index row after its key, from doc (the
** text is not copied: the FTS5 tables read it through the view
** search_text, migration 0071).  Keep equal to the INSERT of migration
** 0010. */
#define SEARCH_ROW_COLUMNS                                                    \
  " d.id AS doc_id,d.org_id AS org_id,"                                      \
  " coalesce(d.published_date,'') AS published_date,"                        \
  " d.catalogue_item_id AS catalogue_item_id,d.genre AS genre,"              \
  " d.validity AS validity"
#define SEARCH_INSERT                                                        \
  "INSERT INTO search_doc(id,doc_id,org_id,published_date,catalogue_item_id," \
  " genre,validity)"

/* Keys per day of published date (migration 0010: the key rule). */
#define SEARCH_DAY_KEYS 16

/* The day of zDate ("YYYY-MM-DD") counted from 1900-01-01; 0 when zDate
** is not a date. */
static int64_t day_of(const char *zDate) {
  Date d;
  if (!zDate || date_parse(zDate, &d)) return 0;
  return (int64_t)(d - date_from_ymd(1900, 1, 1));
}

/* Runs st (bound; one integer column, at most one row) into *pv; *pb = 1
** when it gave a non-NULL value.  Finishes st. */
static int opt_int(Store *s, sqlite3_stmt *st, int64_t *pv, int *pb) {
  int rc = sqlite3_step(st);
  *pb = rc == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL;
  *pv = *pb ? lite_col_int(st, 0) : 0;
  lite_done(st);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return store_sqlite_err(s, rc, "读写检索索引");
  return STORE_OK;
}

/* The key at an edge of date zDate in date order (index search_doc_date):
** bAfter 0, the last key dated zDate or earlier; 1, the first key dated
** after zDate.  *pb = 0 when there is none. */
static int edge_key(Store *s, const char *zDate, int bAfter, int64_t *pKey,
                    int *pb) {
  sqlite3_stmt *st = lite_stmt(s, bAfter
      ? "SELECT id FROM search_doc WHERE published_date>?1"
        " ORDER BY published_date, id LIMIT 1"
      : "SELECT id FROM search_doc WHERE published_date<=?1"
        " ORDER BY published_date DESC, id DESC LIMIT 1");
  if (!st) return STORE_ERROR;
  lite_bind_text(st, 1, zDate);
  return opt_int(s, st, pKey, pb);
}

/* The key for a new index row dated zDate, by the rule of migration 0010;
** *pbDisplaced = 1 when it had to go above a later-dated document. */
static int new_key(Store *s, const char *zDate, int64_t *pKey,
                   int *pbDisplaced) {
  int64_t k1, k2, kMax, taken;
  int b1, b2, bMax, bTaken, rc;
  if ((rc = edge_key(s, zDate, 0, &k1, &b1)) ||
      (rc = edge_key(s, zDate, 1, &k2, &b2)))
    return rc;
  sqlite3_stmt *st;
  int64_t key = day_of(zDate) * SEARCH_DAY_KEYS;
  if (b1 && k1 + 1 > key) key = k1 + 1;
  st = lite_stmt(s, "SELECT 1 FROM search_doc WHERE id=?1");
  if (!st) return STORE_ERROR;
  lite_bind_int(st, 1, key);
  if ((rc = opt_int(s, st, &taken, &bTaken))) return rc;
  *pbDisplaced = 0;
  if ((b2 && key >= k2) || bTaken) {
    st = lite_stmt(s, "SELECT max(id) FROM search_doc");
    if (!st) return STORE_ERROR;
    if ((rc = opt_int(s, st, &kMax, &bMax))) return rc;
    if (key <= kMax) key = kMax + 1;
    *pbDisplaced = b2;
  }
  *pKey = key;
  return STORE_OK;
}

/* The statements that add the index rows of the unindexed search_doc
** rows (search_doc.indexed = 0: new rows, deferred rows of a bulk import,
** rows whose text changed, migration 0071) to both FTS5 tables, reading
** the text through search_text, and then mark them indexed. */
#define FTS_COLS "body,title,doc_number,keywords,attachment_text"
#define FTS_ADD_PENDING(t)                                                    \
  "INSERT INTO " t "(rowid," FTS_COLS ") SELECT id," FTS_COLS                \
  " FROM search_text WHERE id IN"                                            \
  " (SELECT id FROM search_doc WHERE indexed=0) ORDER BY id"
#define FTS_MARK_INDEXED "UPDATE search_doc SET indexed=1 WHERE indexed=0"
/* Removes the index rows of indexed search_doc row ?1 (FTS5 needs the
** text it indexed: the row's current text while it is indexed; the
** triggers of migration 0071 save the old text in search_stale and mark
** the row unindexed before it changes). */
#define FTS_DEL_ONE(t)                                                        \
  "INSERT INTO " t "(" t ",rowid," FTS_COLS ") SELECT 'delete',id," FTS_COLS \
  " FROM search_text WHERE id=?1"                                            \
  " AND (SELECT indexed FROM search_doc WHERE id=?1)=1"

/* Runs the statement zSql (a literal) with ?1 = key; a statement without
** parameters ignores the key (exec_sql0). */
static int exec_key(Store *s, const char *zSql, int64_t key) {
  sqlite3_stmt *st = lite_stmt(s, zSql);
  if (!st) return STORE_ERROR;
  if (sqlite3_bind_parameter_count(st) > 0) lite_bind_int(st, 1, key);
  return lite_exec(s, st, "更新检索索引");
}
#define exec_sql0(s, zSql) exec_key(s, zSql, 0)

/* Removes the terms of the saved old texts (search_stale) from both FTS5
** tables.  The triggers save body as stored, maybe packed (migration
** 0104): unpacked here. */
#define FTS_DEL_STALE(t)                                                      \
  "INSERT INTO " t "(" t ",rowid," FTS_COLS ") SELECT 'delete',id,"          \
  "gk_text(body),title,doc_number,keywords,attachment_text FROM search_stale"
static int purge_stale(Store *s) {
  int rc;
  if ((rc = exec_sql0(s, FTS_DEL_STALE("search_fts"))) ||
      (rc = exec_sql0(s, FTS_DEL_STALE("search_chr"))))
    return rc;
  return exec_sql0(s, "DELETE FROM search_stale");
}

/* The rows the flush indexes and the text of one, for fts_write_rows(). */
#define FTS_PENDING_ROWS                                                      \
  "SELECT id,doc_id FROM search_doc WHERE indexed=0 ORDER BY id"
#define FTS_ROW_TEXT "SELECT " FTS_COLS " FROM search_text WHERE id=?1"

/* A deferred flush's rows written as FTS5 segments by the store
** (fts_write.h): STORE_OK, STORE_ERROR, or 1 when the writer declined
** (nothing written: index through FTS5). */
static int index_by_segments(Store *s) {
  int rc = fts_write_rows(s->db, FTS_PENDING_ROWS, FTS_ROW_TEXT,
                          s->pFtsPending, NULL);
  fts_pending_clear(&s->pFtsPending);
  if (rc == FTS_WRITE_UNKNOWN) return 1;
  if (rc != FTS_WRITE_OK) return store_sqlite_err(s, rc, "更新检索索引");
  return exec_sql0(s, FTS_MARK_INDEXED);
}

void store_search_segwrite(Store *s, int bOn) { s->bNoSegWrite = !bOn; }

int store_search_wants_prep(Store *s) {
  return db_dialect(s) == DB_SQLITE && s->bSearchDefer && !s->bNoSegWrite;
}

void store_search_give(Store *s, int64_t docId, FtsDocPrep *p) {
  if (p && store_search_wants_prep(s) && s->nTx > 0)
    fts_pending_add(&s->pFtsPending, docId, p);
  else
    fts_doc_prep_free(p);
}

/* Indexes every unindexed search_doc row, after removing the old terms of
** the rows whose text changed (inside the caller's transaction). */
static int index_unindexed(Store *s) {
  int rc;
  if ((rc = purge_stale(s))) return rc;
  if (s->bSearchDefer && !s->bNoSegWrite && (rc = index_by_segments(s)) != 1)
    return rc;
  if ((rc = exec_sql0(s, FTS_ADD_PENDING("search_fts"))) ||
      (rc = exec_sql0(s, FTS_ADD_PENDING("search_chr"))))
    return rc;
  return exec_sql0(s, FTS_MARK_INDEXED);
}

/* On PostgreSQL every entry point hands over to pg_search.c (issue 16:
** no FTS5 there; docs/search.md, "PostgreSQL"). */
#define ON_PG(s, call) \
  do { if (db_dialect(s) != DB_SQLITE) return call; } while (0)

int store_search_defer(Store *s, int bOn) {
  ON_PG(s, pg_search_defer(s, bOn));
  int rc = STORE_OK;
  if (!bOn && s->bSearchDefer) rc = store_search_flush(s);
  if (rc == STORE_OK) s->bSearchDefer = bOn;
  return rc;
}

int store_search_flush(Store *s) {
  ON_PG(s, pg_search_flush(s));
  if (!s->bSearchDefer) return STORE_OK;
  int rc = store_begin(s);
  if (rc) return rc;
  if ((rc = index_unindexed(s))) {
    store_rollback(s);
    return rc;
  }
  return store_commit(s);
}

/* Removes the index row with key `key`: its terms from FTS5 (the old ones
** of a changed text, or the current ones when it is indexed), then the
** row. */
static int remove_row(Store *s, int64_t key) {
  int rc;
  if ((rc = purge_stale(s)) ||
      (rc = exec_key(s, FTS_DEL_ONE("search_fts"), key)) ||
      (rc = exec_key(s, FTS_DEL_ONE("search_chr"), key)))
    return rc;
  return exec_key(s, "DELETE FROM search_doc WHERE id=?1", key);
}

/* Contract in store_search.h.  Attachment texts are read from
** attachment_blob.text as stored at upload (never extracted here).  The
** key is kept while the published date stays; otherwise new_key(). */
int store_search_sync(Store *s, int64_t docId) {
  ON_PG(s, pg_search_sync(s, docId));
  Arena a = ARENA_INIT;
  int rc = store_begin(s);
  if (rc) return rc;
  int64_t oldKey = 0, key = 0;
  const char *zOldDate = NULL, *zDate = NULL;
  sqlite3_stmt *st = lite_stmt(s,
      "SELECT id,published_date FROM search_doc WHERE doc_id=?1");
  if (!st) { rc = STORE_ERROR; goto fail; }
  lite_bind_int(st, 1, docId);
  if (sqlite3_step(st) == SQLITE_ROW) {
    oldKey = lite_col_int(st, 0);
    zOldDate = lite_col_text(&a, st, 1);
  }
  lite_done(st);
  if (zOldDate && (rc = remove_row(s, oldKey))) goto fail;
  st = lite_stmt(s, "SELECT coalesce(published_date,'') FROM doc"
               " WHERE id=?1 AND state='published'");
  if (!st) { rc = STORE_ERROR; goto fail; }
  lite_bind_int(st, 1, docId);
  if (sqlite3_step(st) == SQLITE_ROW) zDate = lite_col_text(&a, st, 0);
  lite_done(st);
  if (!zDate) goto done; /* not public: no row */
  if (zOldDate && !strcmp(zOldDate, zDate)) {
    key = oldKey;
  } else {
    int bDisplaced;
    /* A free key is looked for, then taken: one writer at a time
    ** (store.h, the concurrency contract). */
    if ((rc = store_lock(s, STORE_LOCK_SEARCH_KEY))) goto fail;
    if ((rc = new_key(s, zDate, &key, &bDisplaced))) goto fail;
    if (bDisplaced &&
        (rc = exec_sql0(s, "UPDATE search_meta SET value=value+1"
                          " WHERE name='displaced'")))
      goto fail;
  }
  st = lite_stmt(s, SEARCH_INSERT " SELECT ?2," SEARCH_ROW_COLUMNS
               " FROM doc d WHERE d.id=?1");
  if (!st) { rc = STORE_ERROR; goto fail; }
  lite_bind_int(st, 1, docId);
  lite_bind_int(st, 2, key);
  if ((rc = lite_exec(s, st, "更新检索索引"))) goto fail;
  /* Deferred: the row waits for store_search_flush().  Otherwise it is
  ** indexed now, with any other row left unindexed by a text change that
  ** was not followed by a sync (e.g. an attachment's text shared by
  ** several documents, migration 0071). */
  if (!s->bSearchDefer && (rc = index_unindexed(s))) goto fail;
done:
  arena_free(&a);
  return store_commit(s);
fail:
  arena_free(&a);
  store_rollback(s);
  return rc;
}

int store_search_displaced(Store *s, int64_t *pn) {
  ON_PG(s, pg_search_displaced(s, pn));
  sqlite3_stmt *st = lite_stmt(s,
      "SELECT value FROM search_meta WHERE name='displaced'");
  if (!st) return STORE_ERROR;
  int b;
  int rc = opt_int(s, st, pn, &b);
  return rc;
}

int store_search_rebuild(Store *s) {
  int rc = store_attachment_text_backfill(s, NULL);
  if (rc) return rc;
  ON_PG(s, pg_search_rebuild(s));
  rc = store_begin(s);
  if (rc) return rc;
  if ((rc = store_lock(s, STORE_LOCK_SEARCH_KEY))) {
    store_rollback(s);
    return rc;
  }
  /* Empty both indexes and the rows, refill the rows with keys by the rule
  ** of migration 0010 in (date, document id) order: key(n) = max over
  ** m <= n of (day(m) * 16 + n - m), then index them in one statement per
  ** table. */
  if ((rc = exec_sql0(s, "INSERT INTO search_fts(search_fts) VALUES('delete-all')")) ||
      (rc = exec_sql0(s, "INSERT INTO search_chr(search_chr) VALUES('delete-all')")) ||
      (rc = exec_sql0(s, "DELETE FROM search_stale")) ||
      (rc = exec_sql0(s, "DELETE FROM search_doc")) ||
      (rc = exec_key(s, SEARCH_INSERT
          " SELECT rn+max(day*16-rn) OVER (ORDER BY rn ROWS UNBOUNDED PRECEDING),"
          "  doc_id,org_id,published_date,catalogue_item_id,genre,validity FROM"
          " (SELECT coalesce(CAST(julianday(d.published_date)-2415020.5 AS INTEGER),0)"
          "   AS day, row_number() OVER (ORDER BY coalesce(d.published_date,''),d.id)"
          "   AS rn," SEARCH_ROW_COLUMNS
          "  FROM doc d WHERE d.state='published') ORDER BY rn", 0)) ||
      (rc = index_unindexed(s)) ||
      (rc = exec_sql0(s, "UPDATE search_meta SET value=0 WHERE name='displaced'"))) {
    store_rollback(s);
    return rc;
  }
  return store_commit(s);
}

int store_search_attachment_text(Store *s, Arena *a, int64_t docId,
                                 const char **pz) {
  ON_PG(s, pg_search_attachment_text(s, a, docId, pz));
  *pz = "";
  sqlite3_stmt *st = lite_stmt(s,
      "SELECT t.attachment_text FROM search_doc sd"
      " JOIN search_text t ON t.id=sd.id WHERE sd.doc_id=?1");
  if (!st) return STORE_ERROR;
  lite_bind_int(st, 1, docId);
  int rc = sqlite3_step(st);
  if (rc == SQLITE_ROW) *pz = lite_col_text(a, st, 0);
  lite_done(st);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return store_sqlite_err(s, rc, "读取附件文本");
  return STORE_OK;
}

/* The filters shared by every search statement.  ?2 org, ?3 subtree flag,
** ?4/?5 key range of the year (bounds the walk) and ?16/?17 its first and
** last day (exact), ?6 catalogue item, ?7 genre, ?8 validity, ?12 Art. 20
** item (?1 and ?13 are the MATCH expressions, ?9-?11 and ?14 paging). */
#define SEARCH_FILTERS                                                       \
  " AND (?4 IS NULL OR (sd.id BETWEEN ?4 AND ?5"                             \
  "  AND sd.published_date BETWEEN ?16 AND ?17))"                            \
  " AND (?2 IS NULL OR (?3=0 AND sd.org_id=?2) OR (?3=1 AND sd.org_id IN ("  \
  "  WITH RECURSIVE " ORG_SUBTREE_CTE("t", "2") " SELECT id FROM t)))"      \
  " AND (?6 IS NULL OR sd.catalogue_item_id=?6)"                             \
  " AND (?7 IS NULL OR sd.genre=?7)"                                         \
  " AND (?8 IS NULL OR sd.validity=?8)"                                      \
  " AND (?12 IS NULL OR sd.catalogue_item_id IN"                             \
  "  (SELECT id FROM catalogue_item WHERE art20_item=?12))"
/* The matching keys (column k).  FTS_*: terms of two or more characters
** (?1, bigram table), with the one-character terms (?13, character table,
** NULL when there are none) checked per candidate by rowid (a doclist
** seek); CHR_*: only one-character terms, the character table alone.
** *_BARE read the FTS5 tables only (no filter but the year's key range,
** exact while no key is displaced); *_FILT join search_doc for the
** filters. */
#define FTS_MATCH                                                            \
  " WHERE search_fts MATCH ?1"                                               \
  " AND (?4 IS NULL OR f.rowid BETWEEN ?4 AND ?5)"                           \
  " AND (?13 IS NULL OR EXISTS (SELECT 1 FROM search_chr c"                  \
  "  WHERE search_chr MATCH ?13 AND c.rowid=f.rowid))"
#define CHR_MATCH                                                            \
  " WHERE search_chr MATCH ?13 AND ?1 IS NULL"                               \
  " AND (?4 IS NULL OR f.rowid BETWEEN ?4 AND ?5)"
#define FTS_BARE " FROM search_fts f" FTS_MATCH
#define FTS_FILT                                                             \
  " FROM search_fts f JOIN search_doc sd ON sd.id=f.rowid" FTS_MATCH         \
  SEARCH_FILTERS
#define CHR_BARE " FROM search_chr f" CHR_MATCH
#define CHR_FILT                                                             \
  " FROM search_chr f JOIN search_doc sd ON sd.id=f.rowid" CHR_MATCH         \
  SEARCH_FILTERS
/* Count (up to ?14 rows, -1: all), and keys newest first (?9 rows from
** ?10), by [character table][filtered]. */
#define COUNT_SQL(from) "SELECT count(*) FROM (SELECT 1" from " LIMIT ?14)"
#define NEWEST_SQL(from)                                                     \
  "SELECT (SELECT doc_id FROM search_doc WHERE id=k) FROM"                   \
  " (SELECT f.rowid AS k" from " ORDER BY f.rowid DESC LIMIT ?9 OFFSET ?10)"
static const char *const azCountSql[2][2] = {
    {COUNT_SQL(FTS_BARE), COUNT_SQL(FTS_FILT)},
    {COUNT_SQL(CHR_BARE), COUNT_SQL(CHR_FILT)}};
static const char *const azNewestSql[2][2] = {
    {NEWEST_SQL(FTS_BARE), NEWEST_SQL(FTS_FILT)},
    {NEWEST_SQL(CHR_BARE), NEWEST_SQL(CHR_FILT)}};
/* Relevance over the newest ?9 matches: gk_rank, BM25 per column without
** the IDF, whose computation counts every match of the query (fts_cjk.c),
** (negative, lower is better)
** scaled up by up to 1 + ?18/100 (the setting search_recency_percent,
** default 50) for documents published this year, the boost halving after
** a year and fading with age (the age in days from the key: day * 16 plus
** the day's rank, so at most a few days off where days are crowded); ties
** newest first; rows ?11 to ?11 + ?10. */
#define RELEVANCE_SQL(from)                                                  \
  "SELECT (SELECT doc_id FROM search_doc WHERE id=k) FROM"                   \
  " (SELECT f.rowid AS k, gk_rank(search_fts,1.0,5.0,5.0,2.0,1.0) AS score"    \
  from " ORDER BY f.rowid DESC LIMIT ?9)"                                    \
  " ORDER BY score * (1.0 + ?18 / 100.0 / (1.0 + max(julianday('now') - 2415020.5"   \
  "  - k / 16, 0) / 365.0)), k DESC LIMIT ?10 OFFSET ?11"
static const char *const azRelevanceSql[2] = {RELEVANCE_SQL(FTS_BARE),
                                              RELEVANCE_SQL(FTS_FILT)};
#define BROWSE_FROM                                                          \
  " FROM search_doc sd WHERE ?1 IS NULL" SEARCH_FILTERS

/* A year filter: its first and last day, the key range holding every
** document of the year (keys follow the date, migration 0010; documents
** displaced above later ones open the range upwards; an empty year gives
** an empty range), and whether any key is displaced (then the dates are
** checked too).  y 0: no year filter. */
typedef struct YearRange {
  int y;
  char zFrom[16], zTo[16];
  int64_t lo, hi;
  int64_t nDisplaced;
} YearRange;

/* Fills *p for year y (0: no filter; nothing is read). */
static int year_range(Store *s, int y, YearRange *p) {
  char zBefore[16];
  int bLo, bHi, rc;
  memset(p, 0, sizeof *p);
  p->y = y;
  if (y <= 0) return STORE_OK;
  snprintf(zBefore, sizeof zBefore, "%04d-12-31", (y - 1) % 10000);
  snprintf(p->zFrom, sizeof p->zFrom, "%04d-01-01", y % 10000);
  snprintf(p->zTo, sizeof p->zTo, "%04d-12-31", y % 10000);
  if ((rc = edge_key(s, zBefore, 1, &p->lo, &bLo)) ||
      (rc = edge_key(s, p->zTo, 0, &p->hi, &bHi)) ||
      (rc = store_search_displaced(s, &p->nDisplaced)))
    return rc;
  if (p->nDisplaced > 0) p->hi = INT64_MAX;
  if (!bLo || !bHi || p->lo > p->hi) {
    p->lo = 1;
    p->hi = 0;
  }
  return STORE_OK;
}

/* Binds the MATCH expressions (NULL: none), the filters of q and its year
** range *pY. */
static void bind_search(sqlite3_stmt *st, const char *zMatch,
                        const char *zChars, const SearchQuery *q,
                        const YearRange *pY) {
  lite_bind_text(st, 1, zMatch);
  lite_bind_text(st, 13, zChars);
  lite_bind_id(st, 2, q->orgId);
  lite_bind_int(st, 3, q->bSubtree ? 1 : 0);
  if (pY->y > 0) {
    lite_bind_int(st, 4, pY->lo);
    lite_bind_int(st, 5, pY->hi);
    lite_bind_text(st, 16, pY->zFrom);
    lite_bind_text(st, 17, pY->zTo);
  } else {
    lite_bind_id(st, 4, 0);
    lite_bind_id(st, 5, 0);
  }
  lite_bind_id(st, 6, q->catalogueItemId);
  lite_bind_text(st, 7, q->zGenre && q->zGenre[0] ? q->zGenre : NULL);
  lite_bind_text(st, 8, q->zValidity && q->zValidity[0] ? q->zValidity : NULL);
  lite_bind_id(st, 12, q->art20);
}

/* Appends the doc ids of statement st (column 0) to the result array. */
static int collect(Store *s, Arena *a, sqlite3_stmt *st, int64_t **pa, int *pn,
                   int *pnAlloc) {
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    ARENA_PUSH(a, *pa, *pn, *pnAlloc);
    (*pa)[(*pn)++] = sqlite3_column_int64(st, 0);
  }
  lite_done(st);
  return rc == SQLITE_DONE ? STORE_OK : store_sqlite_err(s, rc, "检索");
}

/* store_search() without a query: published documents newest first. */
static int browse(Store *s, Arena *a, const SearchQuery *q,
                  const YearRange *pY, int64_t **paDocId, int *pn,
                  int *pnTotal) {
  int limit = q->limit <= 0 ? 20 : q->limit > 500 ? 500 : q->limit;
  int nAlloc = 0, rc;
  sqlite3_stmt *st;
  if (pnTotal) {
    st = lite_stmt(s, "SELECT count(*)" BROWSE_FROM);
    if (!st) return STORE_ERROR;
    bind_search(st, NULL, NULL, q, pY);
    int64_t n;
    int b;
    if ((rc = opt_int(s, st, &n, &b))) return rc;
    *pnTotal = (int)n;
  }
  st = lite_stmt(s, "SELECT sd.doc_id" BROWSE_FROM " ORDER BY sd.id DESC LIMIT ?9 OFFSET ?10");
  if (!st) return STORE_ERROR;
  bind_search(st, NULL, NULL, q, pY);
  lite_bind_int(st, 9, limit);
  lite_bind_int(st, 10, q->offset > 0 ? q->offset : 0);
  return collect(s, a, st, paDocId, pn, &nAlloc);
}

int store_search_years(Store *s, Arena *a, int64_t orgId, int bSubtree,
                       int **paYear, int **paCount, int *pn) {
  ON_PG(s, pg_search_years(s, a, orgId, bSubtree, paYear, paCount, pn));
  int n = 0, nAlloc = 0, nAlloc2 = 0, n2 = 0, rc;
  int *aY = NULL, *aC = NULL;
  sqlite3_stmt *st;
  if (!orgId && !paCount) {
    /* Years only, over all organisations: one index seek per year. */
    char zBefore[16] = "9999-99-99";
    for (;;) {
      st = lite_stmt(s, "SELECT CAST(substr(max(published_date),1,4) AS INTEGER)"
                   " FROM search_doc WHERE published_date<?1");
      if (!st) return STORE_ERROR;
      lite_bind_text(st, 1, zBefore);
      rc = sqlite3_step(st);
      int y = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
      lite_done(st);
      if (rc != SQLITE_ROW) return store_sqlite_err(s, rc, "读取年份");
      if (y <= 0) break; /* none left, or only undated documents */
      ARENA_PUSH(a, aY, n, nAlloc);
      aY[n++] = y;
      snprintf(zBefore, sizeof zBefore, "%04d", y % 10000);
    }
  } else {
    /* Counts from the covering indexes on (org_id, published_date) and
    ** (published_date); undated documents (published_date '') have no
    ** year. */
    st = lite_stmt(s,
        "SELECT CAST(substr(sd.published_date,1,4) AS INTEGER) AS y, count(*)"
        " FROM search_doc sd WHERE sd.published_date>'0'"
        " AND (?1 IS NULL OR (?2=0 AND sd.org_id=?1) OR (?2=1 AND sd.org_id IN ("
        "  WITH RECURSIVE " ORG_SUBTREE_CTE("t", "1") " SELECT id FROM t)))"
        " GROUP BY y ORDER BY y DESC");
    if (!st) return STORE_ERROR;
    lite_bind_id(st, 1, orgId);
    lite_bind_int(st, 2, bSubtree ? 1 : 0);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
      ARENA_PUSH(a, aY, n, nAlloc);
      ARENA_PUSH(a, aC, n2, nAlloc2);
      aY[n++] = sqlite3_column_int(st, 0);
      aC[n2++] = sqlite3_column_int(st, 1);
    }
    lite_done(st);
    if (rc != SQLITE_DONE) return store_sqlite_err(s, rc, "读取年份");
  }
  *paYear = aY;
  if (paCount) *paCount = aC;
  *pn = n;
  return STORE_OK;
}

int store_search_ranks(const char *zQuery) {
  Buf m = BUF_INIT, c = BUF_INIT;
  int b = zQuery && fts_cjk_query_split(zQuery, &m, &c, NULL) == FTS_CJK_OK && m.n > 0;
  buf_free(&m);
  buf_free(&c);
  return b;
}

/* ---- The search replica's use of this file (search_replica.h) ---------- */

int lite_search_index_pending(Store *r) { return index_unindexed(r); }
int lite_search_clear(Store *r) {
  int rc;
  if ((rc = exec_sql0(r, "INSERT INTO search_fts(search_fts) VALUES('delete-all')")) ||
      (rc = exec_sql0(r, "INSERT INTO search_chr(search_chr) VALUES('delete-all')")) ||
      (rc = exec_sql0(r, "DELETE FROM search_stale")))
    return rc;
  return exec_sql0(r, "DELETE FROM search_doc");
}

/* On PostgreSQL: through this connection's search replica when it is
** configured and current (search_replica.c), else pg_search.c. */
void store_search_count_cache(Store *s, int bOn) { s->bNoCountCache = !bOn; }
void store_search_fast_count(Store *s, int bOn) { s->bNoFastCount = !bOn; }

/* The key of a count in the count cache: everything that decides it
** besides the content (the MATCH expressions, the filters, the cap). */
static void count_key(Buf *pKey, const SearchQuery *q, const char *zMatch,
                      const char *zChars, int cap) {
  const char *az[] = {zMatch, zChars, q->zGenre, q->zValidity};
  for (int i = 0; i < 4; i++) {
    buf_puts(pKey, az[i] ? az[i] : "");
    buf_putc(pKey, '\x1f');
  }
  buf_printf(pKey, "%lld %d %d %lld %d %d", (long long)q->orgId,
             q->bSubtree ? 1 : 0, q->year, (long long)q->catalogueItemId,
             q->art20, cap);
}

/* The count of an unfiltered query (the *_BARE statements) read from
** the FTS5 segments directly (fts_read.h), outside a transaction only;
** FTS_READ_UNKNOWN when the reader does not answer it. */
static int fast_count(Store *s, const char *zMatch, const char *zChars,
                      const YearRange *pY, int cap, int64_t *pn) {
  if (s->nTx > 0) return FTS_READ_UNKNOWN;
  FtsReadQuery rq = {zMatch, zChars, pY->y > 0, pY->lo, pY->hi,
                     cap < 0 ? -1 : (int64_t)cap + 1};
  int rc = fts_read_count(s->db, &rq, pn);
  if (rc > 0) return store_sqlite_err(s, rc, "检索");
  return rc;
}

/* The number of matches of (zMatch, zChars) under the filters of q,
** stopping at cap + 1 (cap -1: every match).  Outside a transaction the
** count is remembered per content generation (search_count_cache.h) and
** kept only when the generation was the same before and after the count
** (so it is the count of that generation: the statement's snapshot lies
** between the two reads); inside one (own writes, perhaps rolled back)
** the cache is not used. */
static int count_matches(Store *s, const SearchQuery *q, const char *zMatch,
                         const char *zChars, const YearRange *pY, int bFilt,
                         int cap, int64_t *pn) {
  int64_t gen0 = -1, gen1 = -1;
  int bCache = s->nTx == 0 && !s->bNoCountCache &&
               store_content_generation(s, &gen0) == STORE_OK;
  Buf key = BUF_INIT;
  if (bCache) {
    count_key(&key, q, zMatch, zChars, cap);
    if (search_count_cache_get(s->pCountCache, buf_str(&key), gen0, pn)) {
      buf_free(&key);
      return STORE_OK;
    }
  }
  /* Exact counts only: the reader loads whole doclists before counting,
  ** while FTS5 stops a capped count (the portal's) after cap + 1 rows. */
  int rc = bFilt || s->bNoFastCount || cap >= 0
               ? FTS_READ_UNKNOWN
               : fast_count(s, zMatch, zChars, pY, cap, pn);
  if (rc == FTS_READ_UNKNOWN) {
    sqlite3_stmt *st = lite_stmt(s, azCountSql[zMatch == NULL][bFilt]);
    if (!st) {
      buf_free(&key);
      return STORE_ERROR;
    }
    bind_search(st, zMatch, zChars, q, pY);
    lite_bind_int(st, 14, cap < 0 ? -1 : (int64_t)cap + 1);
    int b;
    rc = opt_int(s, st, pn, &b);
  }
  if (rc == STORE_OK && bCache &&
      store_content_generation(s, &gen1) == STORE_OK && gen1 == gen0)
    search_count_cache_put(&s->pCountCache, buf_str(&key), gen0, *pn);
  buf_free(&key);
  return rc;
}

int store_search(Store *s, Arena *a, const SearchQuery *q, int64_t **paDocId,
                 int *pn, int *pnTotal) {
  if (db_dialect(s) != DB_SQLITE) {
    int rc = search_replica_search(s, a, q, paDocId, pn, pnTotal);
    return rc != SEARCH_REPLICA_UNUSED ? rc
                                       : pg_search(s, a, q, paDocId, pn, pnTotal);
  }
  return lite_search(s, s, a, q, paDocId, pn, pnTotal);
}

int lite_search(Store *s, Store *sMain, Arena *a, const SearchQuery *q,
                int64_t **paDocId, int *pn, int *pnTotal) {
  Buf m = BUF_INIT, c = BUF_INIT;
  char *zErr = NULL;
  *paDocId = NULL;
  *pn = 0;
  if (pnTotal) *pnTotal = 0;
  YearRange yr;
  int yrc = year_range(s, q->year, &yr);
  if (yrc) return yrc;
  if (!q->zQuery) return browse(s, a, q, &yr, paDocId, pn, pnTotal);
  int qrc = fts_cjk_query_split(q->zQuery, &m, &c, &zErr);
  if (qrc != FTS_CJK_OK) {
    /* The tokenizer's messages are English; users get Chinese. */
    int rc = store_fail(sMain, STORE_INVALID, "%s",
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
  int bChr = zMatch == NULL;
  int bFilt = q->orgId || q->catalogueItemId || (q->zGenre && q->zGenre[0]) ||
              (q->zValidity && q->zValidity[0]) || q->art20 || yr.nDisplaced > 0;
  int64_t nTotal;
  if ((rc = count_matches(s, q, zMatch, zChars, &yr, bFilt, cap, &nTotal)))
    return rc;
  total = (int)nTotal;
  sqlite3_stmt *st;
  if (pnTotal) *pnTotal = total;
  int nCand = (cap >= 0 && total > cap) || total > SEARCH_CANDIDATES
                  ? SEARCH_CANDIDATES : total;
  if (!bChr && !q->bByDate && offset < nCand) {
    /* One-character terms only filter (the character table has no
    ** positions to score), so a query of those alone is by date. */
    st = lite_stmt(s, azRelevanceSql[bFilt]);
    if (!st) return STORE_ERROR;
    bind_search(st, zMatch, zChars, q, &yr);
    lite_bind_int(st, 9, nCand);
    lite_bind_int(st, 10, limit);
    lite_bind_int(st, 11, offset);
    lite_bind_int(st, 18, store_setting_int(sMain, SET_SEARCH_RECENCY_PERCENT));
    if ((rc = collect(s, a, st, paDocId, pn, &nAlloc))) return rc;
    if (*pn == limit) return STORE_OK;
    /* The page runs past the candidates: continue newest first with the
    ** older matches (positions nCand… of the date order). */
    limit -= *pn;
    offset = nCand;
  }
  st = lite_stmt(s, azNewestSql[bChr][bFilt]);
  if (!st) return STORE_ERROR;
  bind_search(st, zMatch, zChars, q, &yr);
  lite_bind_int(st, 9, limit);
  lite_bind_int(st, 10, offset);
  return collect(s, a, st, paDocId, pn, &nAlloc);
}
