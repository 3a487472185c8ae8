/* pg_search.c — THE POSTGRESQL SEARCH IMPLEMENTATION behind store_search.h
** and store_doc_lookup (issue 16; docs/search.md, "PostgreSQL").  The
** entry points in sqlite_search.c and sqlite_doc_lookup.c hand over to the
** functions here when db_dialect(s) is DB_POSTGRES (pg_search.h).  Written
** against the statement layer (db.h) with PostgreSQL-only SQL (arrays,
** strpos, string_agg): it runs on PostgreSQL only.
**
** The index (migration pg/0091_search_pg.sql): search_doc as on SQLite
** (same keys, same filters, newest first = key descending), and per
** indexed row a search_pg row holding the FOLDED columns (textmatch_fold,
** folded here in C) and `grams`, the distinct single characters and
** bigrams (two consecutive code points) of every folded column, under a
** GIN index.  A query term of one or two characters matches iff its gram
** is in `grams` (the gram occurs in one column: exactly the substring
** rule); a longer term's bigrams select candidates (a superset: every
** bigram of a substring is a bigram of its column), which are verified by
** strpos() against each folded column.  So recall equals a substring scan
** by construction.  Results are newest first, or by relevance over the
** newest SEARCH_CANDIDATES matches (PG_RANK_SQL: SQLite's gk_rank with
** exact term frequencies, times the same recency boost). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/buf.h"
#include "lib/date.h"
#include "lib/textmatch.h"
#include "store/pg_search.h"
#include "store/store_int.h"

/* Bytes of the UTF-8 sequence starting with byte c (folded text is valid
** UTF-8: textmatch_fold turns invalid bytes into U+FFFD). */
static int u8len(unsigned char c) {
  return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

/* Appends one element of a PostgreSQL array literal: "z[0..n)" quoted. */
static void arr_elem(Buf *b, const char *z, size_t n) {
  buf_append(b, b->n > 1 ? ",\"" : "\"", b->n > 1 ? 2 : 1);
  for (size_t i = 0; i < n; i++) {
    if (z[i] == '"' || z[i] == '\\') buf_append(b, "\\", 1);
    buf_append(b, &z[i], 1);
  }
  buf_append(b, "\"", 1);
}

/* Appends to the array literal b (opened with "{") the grams of folded
** text z: bOne, its single characters; bTwo, its bigrams. */
static void add_grams(Buf *b, const char *z, int bOne, int bTwo) {
  size_t n = strlen(z);
  for (size_t i = 0; i < n;) {
    int l1 = u8len((unsigned char)z[i]);
    if (i + (size_t)l1 > n) break;
    if (bOne) arr_elem(b, z + i, (size_t)l1);
    if (bTwo && i + (size_t)l1 < n) {
      int l2 = u8len((unsigned char)z[i + l1]);
      if (i + (size_t)l1 + (size_t)l2 <= n) arr_elem(b, z + i, (size_t)(l1 + l2));
    }
    i += (size_t)l1;
  }
}

/* One gram of a folded column: z[0..n), pointing into the column. */
typedef struct Gram {
  const char *z;
  int n;
} Gram;

/* Appends to *pa (of *pn, room for *pAlloc; grown with xrealloc) the single
** characters and the bigrams of folded text z. */
static void collect_grams(const char *z, Gram **pa, size_t *pn, size_t *pAlloc) {
  size_t n = strlen(z);
  for (size_t i = 0; i < n;) {
    int l1 = u8len((unsigned char)z[i]);
    if (i + (size_t)l1 > n) break;
    int l2 = i + (size_t)l1 < n ? u8len((unsigned char)z[i + l1]) : 0;
    if (l2 && i + (size_t)l1 + (size_t)l2 > n) l2 = 0;
    if (*pn + 2 > *pAlloc) {
      *pAlloc = *pAlloc ? 2 * *pAlloc : 1024;
      *pa = xrealloc(*pa, *pAlloc * sizeof **pa);
    }
    (*pa)[(*pn)++] = (Gram){z + i, l1};
    if (l2) (*pa)[(*pn)++] = (Gram){z + i, l1 + l2};
    i += (size_t)l1;
  }
}

/* Byte order of two grams (the order of COLLATE "C", migration pg/0103). */
static int cmp_gram(const void *pA, const void *pB) {
  const Gram *a = pA, *b = pB;
  int c = memcmp(a->z, b->z, (size_t)(a->n < b->n ? a->n : b->n));
  return c ? c : a->n - b->n;
}

/* Appends to the array literal b (opened with "{") the n grams of a, each
** once: sorted and without repeats here, so that the server stores the
** array as given instead of sorting it again (SELECT DISTINCT). */
static void add_distinct(Buf *b, Gram *a, size_t n) {
  if (n > 1) qsort(a, n, sizeof *a, cmp_gram);
  for (size_t i = 0; i < n; i++)
    if (i == 0 || cmp_gram(&a[i - 1], &a[i])) arr_elem(b, a[i].z, (size_t)a[i].n);
}

/* Code points in z. */
static int nchars(const char *z) {
  int n = 0;
  for (; *z; z++) n += ((unsigned char)*z & 0xC0) != 0x80;
  return n;
}

/* ---- Index upkeep --------------------------------------------------------- */

/* The day of zDate ("YYYY-MM-DD") counted from 1900-01-01; 0 when zDate is
** not a date (migration 0010's key rule). */
static int64_t day_of(const char *zDate) {
  Date d;
  if (!zDate || date_parse(zDate, &d)) return 0;
  return (int64_t)(d - date_from_ymd(1900, 1, 1));
}
#define SEARCH_DAY_KEYS 16

/* Runs st (one integer column, at most one row): *pv, *pb = 1 when it gave
** a non-NULL value. */
static int opt_int(Store *s, Stmt *st, int64_t *pv, int *pb) {
  int rc = stmt_step(st);
  *pb = rc == STMT_ROW && !col_is_null(st, 0);
  *pv = *pb ? col_int(st, 0) : 0;
  stmt_done(st);
  return rc < 0 ? store_db_err(s, "读写检索索引") : STORE_OK;
}

/* The key at an edge of date zDate (as sqlite_search.c edge_key). */
static int edge_key(Store *s, const char *zDate, int bAfter, int64_t *pKey,
                    int *pb) {
  Stmt *st = stmt(s, bAfter
      ? "SELECT id FROM search_doc WHERE published_date>?1"
        " ORDER BY published_date, id LIMIT 1"
      : "SELECT id FROM search_doc WHERE published_date<=?1"
        " ORDER BY published_date DESC, id DESC LIMIT 1");
  bind_text(st, 1, zDate);
  return opt_int(s, st, pKey, pb);
}

/* The key for a new row dated zDate, by the rule of migration 0010 (the
** same as sqlite_search.c new_key). */
static int new_key(Store *s, const char *zDate, int64_t *pKey,
                   int *pbDisplaced) {
  int64_t k1, k2, kMax, taken;
  int b1, b2, bMax, bTaken, rc;
  if ((rc = edge_key(s, zDate, 0, &k1, &b1)) ||
      (rc = edge_key(s, zDate, 1, &k2, &b2)))
    return rc;
  int64_t key = day_of(zDate) * SEARCH_DAY_KEYS;
  if (b1 && k1 + 1 > key) key = k1 + 1;
  Stmt *st = stmt(s, "SELECT 1 FROM search_doc WHERE id=?1");
  bind_int(st, 1, key);
  if ((rc = opt_int(s, st, &taken, &bTaken))) return rc;
  *pbDisplaced = 0;
  if ((b2 && key >= k2) || bTaken) {
    st = stmt(s, "SELECT max(id) FROM search_doc");
    if ((rc = opt_int(s, st, &kMax, &bMax))) return rc;
    if (key <= kMax) key = kMax + 1;
    *pbDisplaced = b2;
  }
  *pKey = key;
  return STORE_OK;
}

/* Indexes search_doc row `key` (indexed = 0): reads the document's text,
** folds each column, writes its search_pg row, marks the row indexed. */
static int index_row(Store *s, int64_t key) {
  Arena a = ARENA_INIT;
  Stmt *st = stmt(s,
      "SELECT coalesce(d.body,''),coalesce(d.title,''),"
      " coalesce(d.doc_number,''),coalesce(d.keywords,''),"
      " coalesce((SELECT string_agg(t.filename||chr(10)||coalesce(b.text,''),"
      "   chr(10) ORDER BY t.id) FROM doc_attachment t"
      "   JOIN attachment_blob b USING(sha256) WHERE t.doc_id=d.id),'')"
      " FROM search_doc sd JOIN doc d ON d.id=sd.doc_id WHERE sd.id=?1");
  bind_int(st, 1, key);
  int rc = stmt_step(st);
  if (rc != STMT_ROW) {
    stmt_done(st);
    return rc < 0 ? store_db_err(s, "更新检索索引") : STORE_OK;
  }
  Buf f[5], g = BUF_INIT;
  Gram *aGram = NULL;
  size_t nGram = 0, nGramAlloc = 0;
  for (int i = 0; i < 5; i++) {
    f[i] = (Buf)BUF_INIT;
    textmatch_fold(col_str(st, i) ? col_str(st, i) : "", &f[i]);
  }
  stmt_done(st);
  for (int i = 0; i < 5; i++) collect_grams(buf_str(&f[i]), &aGram, &nGram, &nGramAlloc);
  buf_append(&g, "{", 1);
  add_distinct(&g, aGram, nGram);
  buf_append(&g, "}", 1);
  free(aGram);
  st = stmt(s,
      "INSERT INTO search_pg(id,body,title,doc_number,keywords,"
      " attachment_text,grams) VALUES(?1,?2,?3,?4,?5,?6,CAST(?7 AS text[]))");
  bind_int(st, 1, key);
  for (int i = 0; i < 5; i++) bind_text(st, 2 + i, buf_str(&f[i]));
  bind_text(st, 7, buf_str(&g));
  rc = stmt_exec(s, st, "更新检索索引");
  for (int i = 0; i < 5; i++) buf_free(&f[i]);
  buf_free(&g);
  arena_free(&a);
  if (rc) return rc;
  st = stmt(s, "UPDATE search_doc SET indexed=1 WHERE id=?1");
  bind_int(st, 1, key);
  return stmt_exec(s, st, "更新检索索引");
}

/* Runs a literal statement with ?1 = key (or none). */
static int exec_key(Store *s, const char *zSql, int64_t key) {
  Stmt *st = stmt(s, zSql);
  if (strstr(zSql, "?1")) bind_int(st, 1, key);
  return stmt_exec(s, st, "更新检索索引");
}
#define exec_key0(s, zSql) exec_key(s, zSql, 0)

/* ---- The change log of the search replicas (migration pg/0093) -------- */

/* Entries kept in search_log: a replica further behind starts again from
** scratch (search_replica.c). */
#define SEARCH_LOG_KEEP 100000

/* Appends to search_log, in the caller's transaction, the entries the SQL
** literal zSql inserts (?1 = docId when it names one), after taking the
** search key lock: writers of the log commit in seq order (migration
** pg/0093), and prunes entries older than SEARCH_LOG_KEEP. */
static int log_change(Store *s, const char *zSql, int64_t docId) {
  int rc = store_lock(s, STORE_LOCK_SEARCH_KEY);
  if (rc) return rc;
  Stmt *st = stmt(s, zSql);
  if (strstr(zSql, "?1")) bind_int(st, 1, docId);
  if ((rc = stmt_exec(s, st, "更新检索索引"))) return rc;
  st = stmt(s, "DELETE FROM search_log WHERE seq<"
               "(SELECT max(seq) FROM search_log)-?1");
  bind_int(st, 1, SEARCH_LOG_KEEP);
  return stmt_exec(s, st, "更新检索索引");
}
#define LOG_DOC "INSERT INTO search_log(doc_id) VALUES(?1)"
#define LOG_UNINDEXED \
  "INSERT INTO search_log(doc_id) SELECT doc_id FROM search_doc" \
  " WHERE indexed=0 ORDER BY id"
#define LOG_ALL "INSERT INTO search_log(what) VALUES('all')"

/* Indexes every unindexed search_doc row (caller's transaction), and logs
** their documents for the replicas. */
static int index_unindexed(Store *s) {
  Arena a = ARENA_INIT;
  int64_t *aKey = NULL;
  int n = 0, nAlloc = 0, rc;
  Stmt *st = stmt(s, "SELECT id FROM search_doc WHERE indexed=0 ORDER BY id");
  while ((rc = stmt_step(st)) == STMT_ROW) {
    ARENA_PUSH(&a, aKey, n, nAlloc);
    aKey[n++] = col_int(st, 0);
  }
  stmt_done(st);
  rc = rc < 0 ? store_db_err(s, "更新检索索引") : STORE_OK;
  if (!rc && n > 0) rc = log_change(s, LOG_UNINDEXED, 0);
  for (int i = 0; i < n && !rc; i++) rc = index_row(s, aKey[i]);
  arena_free(&a);
  return rc;
}

/* Locks the content generation's row (migration pg/0040) in the caller's
** transaction, before the search key lock.  Every transaction that changes
** public content updates that row at its first public write (the trigger
** of pg/0100) and holds it to the end; a publication does that before
** pg_search_sync() takes the search key lock.  A search writer that took
** the search key lock first and then wrote public rows (a rebuild, a
** deferred index's flush) would wait for the publication's row while the
** publication waited for its lock: a deadlock PostgreSQL ends by failing
** one of them.  Taking the row first gives every writer the same order. */
static int lock_content_row(Store *s) {
  return exec_key0(s, "SELECT 1 FROM content_generation WHERE id=1"
                      " FOR NO KEY UPDATE");
}

int pg_search_index_all(Store *s) {
  int rc;
  if ((rc = lock_content_row(s)) ||
      (rc = exec_key0(s, "DELETE FROM search_pg")) ||
      (rc = exec_key0(s, "UPDATE search_doc SET indexed=0")) ||
      (rc = log_change(s, LOG_ALL, 0)))
    return rc;
  return index_unindexed(s);
}

int pg_search_flush(Store *s) {
  if (!s->bSearchDefer) return STORE_OK;
  int rc = store_begin(s);
  if (rc) return rc;
  if ((rc = lock_content_row(s)) || (rc = index_unindexed(s))) {
    store_rollback(s);
    return rc;
  }
  return store_commit(s);
}

int pg_search_defer(Store *s, int bOn) {
  int rc = STORE_OK;
  if (!bOn && s->bSearchDefer) rc = pg_search_flush(s);
  if (rc == STORE_OK) s->bSearchDefer = bOn;
  return rc;
}


int pg_search_sync(Store *s, int64_t docId) {
  Arena a = ARENA_INIT;
  int rc = store_begin(s);
  if (rc) return rc;
  int64_t oldKey = 0, key = 0;
  const char *zOldDate = NULL, *zDate = NULL;
  Stmt *st = stmt(s, "SELECT id,published_date FROM search_doc WHERE doc_id=?1");
  bind_int(st, 1, docId);
  if ((rc = stmt_step(st)) == STMT_ROW) {
    oldKey = col_int(st, 0);
    zOldDate = col_text(&a, st, 1);
  }
  stmt_done(st);
  if (rc < 0) { rc = store_db_err(s, "更新检索索引"); goto fail; }
  if (zOldDate &&
      ((rc = exec_key(s, "DELETE FROM search_pg WHERE id=?1", oldKey)) ||
       (rc = exec_key(s, "DELETE FROM search_doc WHERE id=?1", oldKey))))
    goto fail;
  /* By the primary key alone, the state tested here: with "AND
  ** state='published'" in SQL, PostgreSQL's generic plan for this prepared
  ** statement, made while doc was small (a new database, an import),
  ** walked the index doc_published over every published document and
  ** filtered on id, a cost growing with the table (bench/analysis.md,
  ** "PostgreSQL", import). */
  st = stmt(s, "SELECT coalesce(published_date,''),state FROM doc WHERE id=?1");
  bind_int(st, 1, docId);
  if ((rc = stmt_step(st)) == STMT_ROW && col_str(st, 1) &&
      !strcmp(col_str(st, 1), "published"))
    zDate = col_text(&a, st, 0);
  stmt_done(st);
  if (rc < 0) { rc = store_db_err(s, "更新检索索引"); goto fail; }
  rc = STORE_OK;
  /* A removed row is logged here, a (re)added one when it is indexed. */
  if (!zDate && zOldDate && (rc = log_change(s, LOG_DOC, docId))) goto fail;
  if (!zDate) goto done;
  if (zOldDate && !strcmp(zOldDate, zDate)) {
    key = oldKey;
  } else {
    int bDisplaced;
    if ((rc = store_lock(s, STORE_LOCK_SEARCH_KEY)) ||
        (rc = new_key(s, zDate, &key, &bDisplaced)))
      goto fail;
    if (bDisplaced &&
        (rc = exec_key(s, "UPDATE search_meta SET value=value+1"
                          " WHERE name='displaced'", 0)))
      goto fail;
  }
  st = stmt(s,
      "INSERT INTO search_doc(id,doc_id,org_id,published_date,"
      " catalogue_item_id,genre,validity,indexed)"
      " SELECT ?2,d.id,d.org_id,coalesce(d.published_date,''),"
      " d.catalogue_item_id,d.genre,d.validity,0 FROM doc d WHERE d.id=?1");
  bind_int(st, 1, docId);
  bind_int(st, 2, key);
  if ((rc = stmt_exec(s, st, "更新检索索引"))) goto fail;
  if (!s->bSearchDefer && (rc = index_unindexed(s))) goto fail;
done:
  arena_free(&a);
  return store_commit(s);
fail:
  arena_free(&a);
  store_rollback(s);
  return rc;
}

int pg_search_rebuild(Store *s) {
  int rc = store_begin(s);
  if (rc) return rc;
  if ((rc = lock_content_row(s)) ||
      (rc = store_lock(s, STORE_LOCK_SEARCH_KEY)) ||
      (rc = exec_key(s, "DELETE FROM search_pg", 0)) ||
      (rc = exec_key(s, "DELETE FROM search_doc", 0)) ||
      (rc = exec_key(s,
          "INSERT INTO search_doc(id,doc_id,org_id,published_date,"
          " catalogue_item_id,genre,validity,indexed)"
          " SELECT rn+max(day*16-rn) OVER (ORDER BY rn ROWS UNBOUNDED PRECEDING),"
          "  doc_id,org_id,published_date,catalogue_item_id,genre,validity,0"
          " FROM (SELECT CASE WHEN coalesce(d.published_date,'')"
          "   ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'"
          "   THEN CAST(d.published_date AS date) - DATE '1900-01-01' ELSE 0 END"
          "   AS day, row_number() OVER (ORDER BY coalesce(d.published_date,''),d.id)"
          "   AS rn, d.id AS doc_id,d.org_id AS org_id,"
          "   coalesce(d.published_date,'') AS published_date,"
          "   d.catalogue_item_id AS catalogue_item_id,d.genre AS genre,"
          "   d.validity AS validity"
          "  FROM doc d WHERE d.state='published') x", 0)) ||
      (rc = index_unindexed(s)) ||
      (rc = log_change(s, LOG_ALL, 0)) ||
      (rc = exec_key(s, "UPDATE search_meta SET value=0 WHERE name='displaced'", 0))) {
    store_rollback(s);
    return rc;
  }
  return store_commit(s);
}

int pg_search_attachment_text(Store *s, Arena *a, int64_t docId,
                              const char **pz) {
  *pz = "";
  Stmt *st = stmt(s,
      "SELECT coalesce((SELECT string_agg(t.filename||chr(10)||coalesce(b.text,''),"
      "  chr(10) ORDER BY t.id) FROM doc_attachment t"
      "  JOIN attachment_blob b USING(sha256) WHERE t.doc_id=sd.doc_id),'')"
      " FROM search_doc sd WHERE sd.doc_id=?1 AND sd.indexed=1");
  bind_int(st, 1, docId);
  int rc = stmt_step(st);
  if (rc == STMT_ROW) *pz = col_text(a, st, 0);
  stmt_done(st);
  return rc < 0 ? store_db_err(s, "读取附件文本") : STORE_OK;
}

/* ---- Queries -------------------------------------------------------------- */

/* The grams of the query's terms (array literal; NULL when the query has
** no term) and the terms that need verification (longer than two
** characters), from textmatch_terms().  On error the STORE_INVALID of
** store_search. */
typedef struct PgQuery {
  char *zGrams;   /* array literal of grams every match holds */
  char *zVerify;  /* array literal of terms checked with strpos */
  char *zTerms;   /* array literal of all terms */
  char *zRank;    /* array literal of the terms scored (two or more
                  ** characters, as SQLite's search_fts terms) */
  int bRank;      /* 1 when zRank has a term */
} PgQuery;

static int pg_query(Arena *a, const char *zQ, PgQuery *p) {
  char **az = NULL;
  int n = 0;
  int qrc = textmatch_terms(zQ, &az, &n, NULL);
  if (qrc != TEXTMATCH_OK) return qrc;
  Buf g = BUF_INIT, v = BUF_INIT, t = BUF_INIT, r = BUF_INIT;
  buf_append(&g, "{", 1);
  buf_append(&v, "{", 1);
  buf_append(&t, "{", 1);
  buf_append(&r, "{", 1);
  p->bRank = 0;
  for (int i = 0; i < n; i++) {
    int nc = nchars(az[i]);
    add_grams(&g, az[i], nc == 1, nc >= 2);
    if (nc > 2) arr_elem(&v, az[i], strlen(az[i]));
    if (nc >= 2) arr_elem(&r, az[i], strlen(az[i])), p->bRank = 1;
    arr_elem(&t, az[i], strlen(az[i]));
  }
  buf_append(&g, "}", 1);
  buf_append(&v, "}", 1);
  buf_append(&t, "}", 1);
  buf_append(&r, "}", 1);
  p->zGrams = arena_strdup(a, buf_str(&g));
  p->zVerify = arena_strdup(a, buf_str(&v));
  p->zTerms = arena_strdup(a, buf_str(&t));
  p->zRank = arena_strdup(a, buf_str(&r));
  buf_free(&g);
  buf_free(&v);
  buf_free(&t);
  buf_free(&r);
  textmatch_terms_free(az, n);
  return TEXTMATCH_OK;
}

/* 1 when the folded column COL of p holds term t.x. */
#define HAS(COL) "strpos(p." COL ",t.x)>0"
/* Filters: ?3 org, ?4 subtree flag, ?5/?6 first and last day of the year,
** ?7 catalogue item, ?8 genre, ?9 validity, ?10 Art. 20 item. */
#define PG_FILTERS                                                           \
  " AND (CAST(?5 AS text) IS NULL OR sd.published_date BETWEEN ?5 AND ?6)"   \
  " AND (CAST(?3 AS bigint) IS NULL OR (?4=0 AND sd.org_id=?3)"              \
  "  OR (?4=1 AND sd.org_id IN (WITH RECURSIVE " ORG_SUBTREE_CTE("t", "3")  \
  "  SELECT id FROM t)))"                                                    \
  " AND (CAST(?7 AS bigint) IS NULL OR sd.catalogue_item_id=?7)"             \
  " AND (CAST(?8 AS text) IS NULL OR sd.genre=?8)"                           \
  " AND (CAST(?9 AS text) IS NULL OR sd.validity=?9)"                        \
  " AND (CAST(?10 AS bigint) IS NULL OR sd.catalogue_item_id IN"             \
  "  (SELECT id FROM catalogue_item WHERE art20_item=?10))"
/* Matches: ?1 the grams (GIN), ?2 the terms to verify. */
#define PG_MATCH                                                             \
  " FROM search_doc sd JOIN search_pg p ON p.id=sd.id"                       \
  " WHERE p.grams @> CAST(?1 AS text[])"                                     \
  " AND NOT EXISTS (SELECT 1 FROM unnest(CAST(?2 AS text[])) t(x) WHERE NOT" \
  "  (" HAS("body") " OR " HAS("title") " OR " HAS("doc_number") " OR "     \
  HAS("keywords") " OR " HAS("attachment_text") "))" PG_FILTERS
#define PG_BROWSE " FROM search_doc sd WHERE 1=1" PG_FILTERS

static void bind_filters(Stmt *st, const PgQuery *p, const SearchQuery *q) {
  char zFrom[16], zTo[16];
  bind_text(st, 1, p ? p->zGrams : NULL);
  bind_text(st, 2, p ? p->zVerify : NULL);
  bind_id(st, 3, q->orgId);
  bind_int(st, 4, q->bSubtree ? 1 : 0);
  if (q->year > 0) {
    snprintf(zFrom, sizeof zFrom, "%04d-01-01", q->year % 10000);
    snprintf(zTo, sizeof zTo, "%04d-12-31", q->year % 10000);
    bind_text(st, 5, zFrom);
    bind_text(st, 6, zTo);
  } else {
    bind_text(st, 5, NULL);
    bind_text(st, 6, NULL);
  }
  bind_id(st, 7, q->catalogueItemId);
  bind_text(st, 8, q->zGenre && q->zGenre[0] ? q->zGenre : NULL);
  bind_text(st, 9, q->zValidity && q->zValidity[0] ? q->zValidity : NULL);
  bind_id(st, 10, q->art20);
}

/* The query statements are prepared afresh per call and finalized after
** it (fresh(), unfresh()) instead of through the statement cache:
** PostgreSQL then plans them with the bound values.  A cached statement
** soon gets a generic plan, which estimates one matching row, walks
** search_doc and tests the grams of every document (0.8 s at 10,000
** documents instead of 40 ms: docs/search.md, "PostgreSQL"). */
static Stmt *fresh(Store *s, const char *zSql) {
  return s->drv->xPrepare(s, zSql);
}
static void unfresh(Store *s, Stmt *st) {
  if (st) s->drv->xFinalize(st);
}

/* Appends the doc ids of st (column 0) to the *pn ids of *pa (an array
** with room for exactly *pn: it grows from there). */
static int collect(Store *s, Arena *a, Stmt *st, int64_t **pa, int *pn) {
  int rc, nAlloc = *pn;
  while ((rc = stmt_step(st)) == STMT_ROW) {
    ARENA_PUSH(a, *pa, *pn, nAlloc);
    (*pa)[(*pn)++] = col_int(st, 0);
  }
  stmt_done(st);
  return rc < 0 ? store_db_err(s, "检索") : STORE_OK;
}

/* Relevance over the newest ?11 matches (SEARCH_CANDIDATES), as SQLite's
** gk_rank: BM25 per column without IDF, k1 1.2, b 0.75, title and 文号
** weighted 5, keywords 2, body and attachments 1, summed over the scored
** terms ?13 (two or more characters).  The term frequency is the exact
** number of non-overlapping occurrences in the folded column (replace()),
** the average column length that of the candidates (FTS5 keeps it over
** every row; here the candidates stand for the corpus).  Times the recency
** boost of SQLite: 1 + ?14/100 (search_recency_percent) for documents
** published today, halving after a year and fading with age (the day from
** the key, day * 16 + rank); ties newest first; rows ?15 to ?15 + ?12. */
#define PG_RANK_SQL                                                          \
  "WITH c AS (SELECT sd.id AS k, sd.doc_id AS d, p.body, p.title,"           \
  "  p.doc_number, p.keywords, p.attachment_text" PG_MATCH                   \
  "  ORDER BY sd.id DESC LIMIT ?11),"                                        \
  " u AS MATERIALIZED (SELECT c.k, c.d, w.i, w.w, w.x||'' AS x"              \
  "  FROM c CROSS JOIN LATERAL (VALUES (1,1.0,c.body),(2,5.0,c.title),"      \
  "  (3,5.0,c.doc_number),(4,2.0,c.keywords),(5,1.0,c.attachment_text))"     \
  "  w(i,w,x)),"                                                             \
  " v AS (SELECT u.k, u.d, u.w, u.x, CAST(length(u.x) AS float8) AS len,"    \
  "  CAST(avg(length(u.x)) OVER (PARTITION BY u.i) AS float8) AS av FROM u),"\
  " f AS (SELECT v.k, v.d, CAST(v.w AS float8) AS w, v.len, v.av,"           \
  "  CAST((length(v.x)-length(replace(v.x,t.x,'')))/length(t.x) AS float8)"  \
  "  AS tf FROM v CROSS JOIN unnest(CAST(?13 AS text[])) t(x))"              \
  " SELECT d FROM f GROUP BY k, d"                                           \
  " ORDER BY sum(w*tf*2.2/(tf+1.2*(0.25+0.75*len/greatest(av,1.0))))"        \
  "  * (1.0 + CAST(?14 AS float8)/100.0/(1.0 + greatest(CURRENT_DATE"        \
  "  - DATE '1900-01-01' - k/16, 0)/365.0)) DESC, k DESC"                    \
  " LIMIT ?12 OFFSET ?15"

/* Keeps the planner on the GIN index for the statements of one search:
** the filter `grams @> …` on a row reads the whole (TOASTed, compressed)
** array, which the planner does not cost, so for a common term it chose a
** sequential scan that de-TOASTed every row's grams (公开: 990 ms at 10,000
** documents, 23 ms through the index; docs/search.md).  Walking the keys
** backwards with that filter stays allowed: it stops after the page (or
** the SEARCH_CANDIDATES of relevance) where the bitmap would verify every
** match.  Local to the caller's transaction (store_begin), set back after. */
static int seqscan(Store *s, int bOn) {
  Stmt *st = stmt(s, bOn ? "SELECT set_config('enable_seqscan','on',true)"
                         : "SELECT set_config('enable_seqscan','off',true)");
  return stmt_exec(s, st, "检索");
}

/* Runs the matches statement zSql (filters bound, then the integers ?11,
** ?12 and the extra bindings of pg_search) and appends its doc ids. */
static int run_page(Store *s, Arena *a, const char *zSql, const PgQuery *p,
                    const SearchQuery *q, const int64_t aInt[5],
                    int64_t **paDocId, int *pn) {
  Stmt *st = fresh(s, zSql);
  if (!st) return STORE_ERROR;
  bind_filters(st, p, q);
  bind_int(st, 11, aInt[0]);
  bind_int(st, 12, aInt[1]);
  if (strstr(zSql, "?13")) {
    bind_text(st, 13, p->zRank);
    bind_int(st, 14, aInt[2]);
    bind_int(st, 15, aInt[3]);
  }
  int rc = collect(s, a, st, paDocId, pn);
  unfresh(s, st);
  return rc;
}

/* store_search() with a query (p): the count up to cap + 1, relevance
** over the newest SEARCH_CANDIDATES matches when asked for and the query
** has a scored term, then newest first, as sqlite_search.c. */
static int query(Store *s, Arena *a, const SearchQuery *q, const PgQuery *p,
                 int64_t **paDocId, int *pn, int *pnTotal) {
  int limit = q->limit <= 0 ? 20 : q->limit > 200 ? 200 : q->limit;
  int offset = q->offset > 0 ? q->offset : 0;
  int cap = q->countCap == 0 ? SEARCH_COUNT_CAP : q->countCap;
  Stmt *st = fresh(s, "SELECT count(*) FROM (SELECT 1" PG_MATCH " LIMIT ?11) x");
  if (!st) return STORE_ERROR;
  bind_filters(st, p, q);
  bind_limit(st, 11, cap < 0 ? -1 : (int64_t)cap + 1);
  int64_t nTotal;
  int rc = stmt_int(s, st, &nTotal, "检索");
  unfresh(s, st);
  if (rc) return rc;
  if (pnTotal) *pnTotal = (int)nTotal;
  int nCand = (cap >= 0 && nTotal > cap) || nTotal > SEARCH_CANDIDATES
                  ? SEARCH_CANDIDATES : (int)nTotal;
  if (p->bRank && !q->bByDate && offset < nCand) {
    int64_t aInt[5] = {nCand, limit,
                       store_setting_int(s, SET_SEARCH_RECENCY_PERCENT), offset};
    if ((rc = run_page(s, a, PG_RANK_SQL, p, q, aInt, paDocId, pn))) return rc;
    if (*pn == limit) return STORE_OK;
    /* The page runs past the candidates: continue newest first with the
    ** older matches (positions nCand… of the date order). */
    limit -= *pn;
    offset = nCand;
  }
  int64_t aInt[5] = {limit, offset};
  return run_page(s, a,
      "SELECT sd.doc_id" PG_MATCH " ORDER BY sd.id DESC LIMIT ?11 OFFSET ?12",
      p, q, aInt, paDocId, pn);
}

int pg_search(Store *s, Arena *a, const SearchQuery *q, int64_t **paDocId,
              int *pn, int *pnTotal) {
  PgQuery pq;
  int rc;
  *paDocId = NULL;
  *pn = 0;
  if (pnTotal) *pnTotal = 0;
  if (q->zQuery) {
    int qrc = pg_query(a, q->zQuery, &pq);
    if (qrc != TEXTMATCH_OK)
      return store_fail(s, STORE_INVALID, "%s",
          qrc == TEXTMATCH_ETOOMANY ? "检索词过多（最多16个）"
          : qrc == TEXTMATCH_ETOOLONG ? "检索词过长（每个最多100个字）"
          : "请输入检索词");
    if ((rc = store_begin(s))) return rc;
    if ((rc = seqscan(s, 0)) ||
        (rc = query(s, a, q, &pq, paDocId, pn, pnTotal)) ||
        (rc = seqscan(s, 1))) {
      store_rollback(s);
      return rc;
    }
    return store_commit(s);
  }
  int limit = q->limit <= 0 ? 20 : q->limit > 500 ? 500 : q->limit;
  if (pnTotal) {
    /* Browsing counts every row. */
    Stmt *st = fresh(s, "SELECT count(*) FROM (SELECT 1" PG_BROWSE " LIMIT ?11) x");
    if (!st) return STORE_ERROR;
    bind_filters(st, NULL, q);
    bind_limit(st, 11, -1);
    int64_t n;
    rc = stmt_int(s, st, &n, "检索");
    unfresh(s, st);
    if (rc) return rc;
    *pnTotal = (int)n;
  }
  int64_t aInt[5] = {limit, q->offset > 0 ? q->offset : 0};
  Stmt *st = fresh(s, "SELECT sd.doc_id" PG_BROWSE " ORDER BY sd.id DESC LIMIT ?11 OFFSET ?12");
  if (!st) return STORE_ERROR;
  bind_filters(st, NULL, q);
  bind_int(st, 11, aInt[0]);
  bind_int(st, 12, aInt[1]);
  rc = collect(s, a, st, paDocId, pn);
  unfresh(s, st);
  return rc;
}

int pg_search_years(Store *s, Arena *a, int64_t orgId, int bSubtree,
                    int **paYear, int **paCount, int *pn) {
  int n = 0, nAlloc = 0, nAlloc2 = 0, n2 = 0, rc;
  int *aY = NULL, *aC = NULL;
  Stmt *st = stmt(s,
      "SELECT CAST(substr(sd.published_date,1,4) AS INTEGER) AS y, count(*)"
      " FROM search_doc sd WHERE sd.published_date>'0'"
      " AND (CAST(?1 AS bigint) IS NULL OR (?2=0 AND sd.org_id=?1) OR"
      "  (?2=1 AND sd.org_id IN (WITH RECURSIVE " ORG_SUBTREE_CTE("t", "1")
      "  SELECT id FROM t)))"
      " GROUP BY y ORDER BY y DESC");
  bind_id(st, 1, orgId);
  bind_int(st, 2, bSubtree ? 1 : 0);
  while ((rc = stmt_step(st)) == STMT_ROW) {
    ARENA_PUSH(a, aY, n, nAlloc);
    ARENA_PUSH(a, aC, n2, nAlloc2);
    aY[n++] = (int)col_int(st, 0);
    aC[n2++] = (int)col_int(st, 1);
  }
  stmt_done(st);
  if (rc < 0) return store_db_err(s, "读取年份");
  *paYear = aY;
  if (paCount) *paCount = aC;
  *pn = n;
  return STORE_OK;
}

/* ---- store_doc_lookup ----------------------------------------------------- */

#define REF_COLS                                                       \
  "d.id,d.org_id,d.title,d.doc_number,d.state,o.name,"                 \
  "coalesce(d.published_date,''),"                                     \
  "coalesce(d.published_date,substr(d.created_at,1,10))"

/* Published documents whose folded title or 文号 holds every term (?2),
** through the grams (?1), newest first, not document ?3, at most ?4. */
static const char zPublishedSql[] =
    "SELECT " REF_COLS " FROM search_doc sd JOIN search_pg p ON p.id=sd.id"
    " JOIN doc d ON d.id=sd.doc_id JOIN org o ON o.id=d.org_id"
    " WHERE p.grams @> CAST(?1 AS text[]) AND d.id<>?3"
    " AND NOT EXISTS (SELECT 1 FROM unnest(CAST(?2 AS text[])) t(x) WHERE NOT"
    "  (" HAS("title") " OR " HAS("doc_number") "))"
    " ORDER BY sd.id DESC LIMIT ?4";
/* The unpublished documents of the organisations in scope (as
** sqlite_doc_lookup.c). */
static const char zUnpublishedSql[] =
    "WITH RECURSIVE " ORG_SCOPE_CTE("sub", "1", "?2<>0")
    " SELECT " REF_COLS " FROM doc d JOIN org o ON o.id=d.org_id"
    " WHERE d.org_id IN (SELECT id FROM sub) AND d.id<>?3"
    " AND d.state IN ('draft','dept_review','secrecy_review','approval','filed','withdrawn')"
    " ORDER BY 8 DESC, d.id DESC";

typedef struct Cand {
  DocRef ref;
  const char *zKey;
} Cand;

/* 1 when every folded term is in the folded title or 文号 of p. */
static int ref_matches(const DocRef *p, char **azTerm, int nTerm) {
  Buf t = BUF_INIT, n = BUF_INIT;
  textmatch_fold(p->zTitle, &t);
  textmatch_fold(p->zDocNumber, &n);
  const char *zT = buf_str(&t), *zN = buf_str(&n);
  int bAll = 1;
  for (int i = 0; i < nTerm && bAll; i++)
    bAll = strstr(zT, azTerm[i]) || strstr(zN, azTerm[i]);
  buf_free(&t);
  buf_free(&n);
  return bAll;
}

/* Steps st, keeping the matching rows, into aC[*pn..max). */
static int ref_collect(Store *s, Arena *a, Stmt *st, char **azTerm, int nTerm,
                       Cand *aC, int *pn, int max) {
  int rc = STMT_DONE;
  while (*pn < max && (rc = stmt_step(st)) == STMT_ROW) {
    Cand *c = &aC[*pn];
    c->ref.id = col_int(st, 0);
    c->ref.orgId = col_int(st, 1);
    c->ref.zTitle = col_text(a, st, 2);
    c->ref.zDocNumber = col_text(a, st, 3);
    c->ref.zState = col_text(a, st, 4);
    c->ref.zOrgName = col_text(a, st, 5);
    c->ref.zPublishedDate = col_text(a, st, 6);
    c->zKey = col_text(a, st, 7);
    if (ref_matches(&c->ref, azTerm, nTerm)) (*pn)++;
  }
  stmt_done(st);
  return rc < 0 ? store_db_err(s, "查找文件") : STORE_OK;
}

static int cand_cmp(const void *x, const void *y) {
  const Cand *a = x, *b = y;
  int c = strcmp(b->zKey, a->zKey);
  return c ? c : (b->ref.id > a->ref.id) - (b->ref.id < a->ref.id);
}

int pg_doc_lookup(Store *s, Arena *a, const char *zQ, int64_t orgId,
                  int bSubtree, int64_t excludeId, int limit, DocRef **paRef,
                  int *pn) {
  if (limit < 1) limit = 1;
  if (limit > 50) limit = 50;
  *paRef = arena_alloc(a, sizeof **paRef * (size_t)limit);
  *pn = 0;
  PgQuery pq;
  char **azTerm = NULL;
  int nTerm = 0;
  int qrc = pg_query(a, zQ, &pq);
  if (qrc == TEXTMATCH_OK) qrc = textmatch_terms(zQ, &azTerm, &nTerm, NULL);
  if (qrc != TEXTMATCH_OK)
    return store_fail(s, STORE_INVALID, "%s",
                      qrc == TEXTMATCH_ETOOMANY ? "查找词过多（最多16个）"
                      : qrc == TEXTMATCH_ETOOLONG ? "查找词过长（每个最多100个字）"
                                                  : "请输入标题或文号中的文字");
  int n = 0;
  Cand *aC = arena_alloc(a, sizeof *aC * (size_t)(2 * limit));
  Stmt *st = fresh(s, zPublishedSql);
  bind_text(st, 1, pq.zGrams);
  bind_text(st, 2, pq.zTerms);
  bind_int(st, 3, excludeId);
  bind_int(st, 4, limit);
  int rc = st ? ref_collect(s, a, st, azTerm, nTerm, aC, &n, limit) : STORE_ERROR;
  unfresh(s, st);
  int nPub = n;
  if (!rc) {
    st = stmt(s, zUnpublishedSql);
    bind_int(st, 1, orgId);
    bind_int(st, 2, bSubtree);
    bind_int(st, 3, excludeId);
    rc = ref_collect(s, a, st, azTerm, nTerm, aC, &n, nPub + limit);
  }
  textmatch_terms_free(azTerm, nTerm);
  if (rc) return rc;
  qsort(aC, (size_t)n, sizeof *aC, cand_cmp);
  for (int i = 0; i < n && i < limit; i++) (*paRef)[(*pn)++] = aC[i].ref;
  return STORE_OK;
}

int pg_search_displaced(Store *s, int64_t *pn) {
  int b;
  Stmt *st = stmt(s, "SELECT value FROM search_meta WHERE name='displaced'");
  return opt_int(s, st, pn, &b);
}
