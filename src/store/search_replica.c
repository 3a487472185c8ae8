/* search_replica.c — THE FTS5 SEARCH REPLICA OF A POSTGRESQL STORE (issue
** 16, the third option; docs/search.md "PostgreSQL: the FTS5 replica").
**
** With store_search_replica_set(PATH) (gongkai serve --search-replica),
** each PostgreSQL connection keeps a SQLite connection to the file PATH,
** shared by every connection of the process (WAL: readers never wait).
** The file holds SQLite's search index over what PostgreSQL's index holds:
** search_doc with PostgreSQL's keys, the folded text of search_pg as
** search_text (the FTS5 tables' external content: folding again changes
** nothing, so FTS5 indexes the same tokens), search_meta's displaced
** count, and the two tables the filters join (org's tree, catalogue
** items' Art. 20 item).  Searches run sqlite_search.c on it.
**
** Keeping it current: every change of PostgreSQL's index appends to
** search_log in its own transaction (pg_search.c; org and catalogue_item
** by trigger; migration pg/0093).  Before a search, one PostgreSQL query
** reads the log's last seq and the tag of the entry the replica applied
** last; when they differ the replica applies the entries after it in one
** SQLite transaction (BEGIN IMMEDIATE: one applier at a time), reading the
** changed rows in the same PostgreSQL statement as the entries (one
** snapshot, which holds a prefix of the log: writers commit in seq order).
** A new replica, one whose last entry is no longer in the log (another
** database, a restored backup, pruned), one more than REPLICA_MAX_LAG
** entries behind or one that sees a whole rebuild ('all') is filled from
** scratch: the log's head is read first, then every row copied in key
** order in batches, then the entries after that head applied (every row
** that changed during the copy is among them).
**
** A fill from scratch takes minutes at a million documents, so a server
** (store_search_replica_background) does not fill a large index in a
** request: one thread of the process fills while every search of the
** process is answered by pg_search.c, and a request that finds the
** replica needs a fill starts that thread instead of filling itself.  An
** index of at most gnInlineMax documents (seconds to fill) is still
** filled in place, at start and in the request that needs it, so that a
** small installation never answers one search from pg_search.c and the
** next from the replica (their relevance orders differ: paging through
** results would repeat or skip documents across the switch).  Without a
** background target (the CLI, tests) every fill is in place.
**
** Never a wrong answer: inside a transaction on the PostgreSQL connection
** (its own uncommitted changes may be in the log) and after any failure
** (logged; retried REPLICA_RETRY_S later) the search runs pg_search.c.
*/
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lib/buf.h"
#include "store/pg_search.h"
#include "store/search_replica.h"

#define REPLICA_VERSION 930002  /* PRAGMA user_version of the file */
#define REPLICA_MAX_LAG 2000    /* entries; more: filled from scratch */
#define REPLICA_BATCH 500       /* rows per statement when filling */
#define REPLICA_RETRY_S 30      /* after a failure: seconds on pg_search */

static char *gzPath;  /* NULL: no replica (the default) */
static char *gzTarget;  /* the database a background filler opens, or NULL:
                        ** fills happen in place */
static atomic_int gbFilling;        /* a background fill is running */
static int gnInlineMax = 20000;     /* indexes up to this size: filled in place */
static atomic_llong gFillRetryAt;   /* after a failed one: not before */

void store_search_replica_set(const char *zPath) {
  free(gzPath);
  gzPath = zPath && *zPath ? xstrdup(zPath) : NULL;
}

/* The tables of the file: those of migrations 0010 and 0071 that
** sqlite_search.c reads, search_text a table instead of a view. */
static const char zSchema[] =
    "CREATE TABLE search_doc ("
    " id INTEGER PRIMARY KEY, doc_id INTEGER NOT NULL UNIQUE,"
    " org_id INTEGER NOT NULL, published_date TEXT NOT NULL,"
    " catalogue_item_id INTEGER, genre TEXT NOT NULL DEFAULT '',"
    " validity TEXT NOT NULL DEFAULT 'valid',"
    " indexed INTEGER NOT NULL DEFAULT 0);"
    "CREATE INDEX search_doc_org ON search_doc(org_id, id);"
    "CREATE INDEX search_doc_date ON search_doc(published_date);"
    "CREATE INDEX search_doc_org_date ON search_doc(org_id, published_date);"
    "CREATE INDEX search_doc_unindexed ON search_doc(id) WHERE indexed = 0;"
    "CREATE TABLE search_text (id INTEGER PRIMARY KEY, body TEXT NOT NULL,"
    " title TEXT NOT NULL, doc_number TEXT NOT NULL, keywords TEXT NOT NULL,"
    " attachment_text TEXT NOT NULL);"
    "CREATE TABLE search_stale (id INTEGER PRIMARY KEY, body TEXT NOT NULL,"
    " title TEXT NOT NULL, doc_number TEXT NOT NULL, keywords TEXT NOT NULL,"
    " attachment_text TEXT NOT NULL);"
    "CREATE TABLE search_meta (name TEXT PRIMARY KEY, value INTEGER NOT NULL);"
    "INSERT INTO search_meta VALUES ('displaced', 0);"
    "CREATE TABLE org (id INTEGER PRIMARY KEY, parent_id INTEGER);"
    "CREATE INDEX org_parent ON org(parent_id);"
    "CREATE TABLE catalogue_item (id INTEGER PRIMARY KEY, art20_item INTEGER);"
    "CREATE TABLE content_generation (id INTEGER PRIMARY KEY"
    " CHECK (id = 1), gen INTEGER NOT NULL);"
    "INSERT INTO content_generation VALUES (1, 1);"
    "CREATE TABLE replica_state (id INTEGER PRIMARY KEY CHECK (id = 1),"
    " seq INTEGER NOT NULL, tag INTEGER NOT NULL);"
    "INSERT INTO replica_state VALUES (1, 0, 0);"
    "CREATE VIRTUAL TABLE search_fts USING fts5("
    " body, title, doc_number, keywords, attachment_text,"
    " content='search_text', content_rowid='id', tokenize='gk', detail=full);"
    "CREATE VIRTUAL TABLE search_chr USING fts5("
    " body, title, doc_number, keywords, attachment_text,"
    " content='search_text', content_rowid='id', tokenize='gk chars',"
    " detail=none);"
    "INSERT INTO search_fts(search_fts, rank) VALUES ('hashsize', 16777216);"
    "INSERT INTO search_chr(search_chr, rank) VALUES ('hashsize', 16777216);";
static const char zDrop[] =
    "DROP TABLE IF EXISTS search_fts; DROP TABLE IF EXISTS search_chr;"
    "DROP TABLE IF EXISTS search_doc; DROP TABLE IF EXISTS search_text;"
    "DROP TABLE IF EXISTS search_stale; DROP TABLE IF EXISTS search_meta;"
    "DROP TABLE IF EXISTS org; DROP TABLE IF EXISTS catalogue_item;"
    "DROP TABLE IF EXISTS replica_state;"
    "DROP TABLE IF EXISTS content_generation;";

static int64_t now_s(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (int64_t)t.tv_sec;
}

/* The integer of a one-value statement on r (0 when no row). */
static int one_int(Store *r, const char *zSql, int64_t *pv) {
  Stmt *st = stmt(r, zSql);
  if (!st) return STORE_ERROR;
  int rc = stmt_step(st);
  *pv = rc == STMT_ROW ? col_int(st, 0) : 0;
  stmt_done(st);
  return rc < 0 ? store_db_err(r, "读取检索副本") : STORE_OK;
}

/* Opens the file and gives it this version's tables (an empty file, or
** one of another version, starts empty: filled at the first search). */
static int replica_open(Store **pr, char **pzErr) {
  Store *r = NULL;
  int rc = store_open(gzPath, STORE_RAW, &r, pzErr);
  if (rc) return rc;
  int64_t v;
  if ((rc = one_int(r, "PRAGMA user_version", &v))) goto fail;
  if (v != REPLICA_VERSION) {
    /* Only an empty file or an older replica is (re)made: never a gongkai
    ** database or any other file given by mistake. */
    int64_t nTab;
    if ((rc = one_int(r, "SELECT count(*) FROM sqlite_master", &nTab))) goto fail;
    if ((v / 1000 != REPLICA_VERSION / 1000 && (v != 0 || nTab > 0)) ||
        (v == 0 && nTab > 0)) {
      rc = store_fail(r, STORE_INVALID, "%s 不是检索副本文件（不会改动它）", gzPath);
      goto fail;
    }
    if ((rc = store_begin(r))) goto fail;
    if ((rc = one_int(r, "PRAGMA user_version", &v)) ||
        (v != REPLICA_VERSION &&
         ((rc = db_exec_sql(r, zDrop)) || (rc = db_exec_sql(r, zSchema)) ||
          (rc = db_exec_sql(r, "PRAGMA user_version=930002"))))) {
      store_rollback(r);
      goto fail;
    }
    if ((rc = store_commit(r))) goto fail;
  }
  if ((rc = db_exec_sql(r, "CREATE TEMP TABLE IF NOT EXISTS replica_drop"
                           " (key INTEGER PRIMARY KEY)")))
    goto fail;
  *pr = r;
  return STORE_OK;
fail:
  if (pzErr) *pzErr = mprintf("%s", store_errmsg(r));
  store_close(r);
  return rc ? rc : STORE_ERROR;
}

/* The log's last seq and the tag of entry `seq` (0 when it is gone). */
static int log_head(Store *s, int64_t seq, int64_t *pLast, int64_t *pTag) {
  Stmt *st = stmt(s, "SELECT (SELECT max(seq) FROM search_log),"
                     " (SELECT tag FROM search_log WHERE seq=?1)");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, seq);
  int rc = stmt_step(st);
  *pLast = rc == STMT_ROW ? col_int(st, 0) : 0;
  *pTag = rc == STMT_ROW && !col_is_null(st, 1) ? col_int(st, 1) : 0;
  stmt_done(st);
  return rc < 0 ? store_db_err(s, "读取检索日志") : STORE_OK;
}

/* Copies org's tree or the catalogue items' Art. 20 items (bCat) whole. */
static int copy_table(Store *s, Store *r, int bCat) {
  int rc = db_exec_sql(r, bCat ? "DELETE FROM catalogue_item" : "DELETE FROM org");
  if (rc) return rc;
  Stmt *st = stmt(s, bCat ? "SELECT id,art20_item FROM catalogue_item"
                          : "SELECT id,parent_id FROM org");
  if (!st) return STORE_ERROR;
  Stmt *ins = stmt(r, bCat ? "INSERT INTO catalogue_item VALUES(?1,?2)"
                           : "INSERT INTO org VALUES(?1,?2)");
  if (!ins) { stmt_done(st); return STORE_ERROR; }
  while ((rc = stmt_step(st)) == STMT_ROW) {
    bind_int(ins, 1, col_int(st, 0));
    bind_id(ins, 2, col_is_null(st, 1) ? 0 : col_int(st, 1));
    if ((rc = stmt_exec(r, ins, "写入检索副本"))) break;
  }
  stmt_done(st);
  stmt_done(ins);
  return rc < 0 ? rc : STORE_OK;
}

/* An index row of PostgreSQL's search_doc + search_pg: key, document,
** organisation, catalogue item; date, genre, validity, then the five
** folded texts (body, title, 文号, keywords, attachments).  ROW_COLS
** selects them in that order (aliases sd, p). */
typedef struct Row {
  int64_t key, doc, org, cat;
  const char *az[8];
} Row;
#define ROW_COLS                                                             \
  "sd.id,sd.doc_id,sd.org_id,sd.catalogue_item_id,sd.published_date,"        \
  "sd.genre,sd.validity,p.body,p.title,p.doc_number,p.keywords,"             \
  "p.attachment_text"

/* *p from the columns of st from column c on (texts into a). */
static void get_row(Stmt *st, int c, Arena *a, Row *p) {
  p->key = col_int(st, c);
  p->doc = col_int(st, c + 1);
  p->org = col_int(st, c + 2);
  p->cat = col_is_null(st, c + 3) ? 0 : col_int(st, c + 3);
  for (int i = 0; i < 8; i++) p->az[i] = col_text(a, st, c + 4 + i);
}

/* Writes row *p into the replica, unindexed (INSERT OR REPLACE when
** bReplace: the fill, where a document copied twice keeps its later
** row). */
static int put_row(Store *r, const Row *p, int bReplace) {
  Stmt *ins = stmt(r, bReplace
      ? "INSERT OR REPLACE INTO search_doc(id,doc_id,org_id,catalogue_item_id,"
        "published_date,genre,validity,indexed) VALUES(?1,?2,?3,?4,?5,?6,?7,0)"
      : "INSERT INTO search_doc(id,doc_id,org_id,catalogue_item_id,"
        "published_date,genre,validity,indexed) VALUES(?1,?2,?3,?4,?5,?6,?7,0)");
  if (!ins) return STORE_ERROR;
  bind_int(ins, 1, p->key);
  bind_int(ins, 2, p->doc);
  bind_int(ins, 3, p->org);
  bind_id(ins, 4, p->cat);
  for (int i = 0; i < 3; i++) bind_text(ins, 5 + i, p->az[i]);
  int rc = stmt_exec(r, ins, "写入检索副本");
  if (rc) return rc;
  ins = stmt(r, "INSERT OR REPLACE INTO search_text VALUES(?1,?2,?3,?4,?5,?6)");
  if (!ins) return STORE_ERROR;
  bind_int(ins, 1, p->key);
  for (int i = 0; i < 5; i++) bind_text(ins, i + 2, p->az[3 + i]);
  return stmt_exec(r, ins, "写入检索副本");
}

/* Marks document docId's row, if the replica has one, for drop_marked()
** (TEMP table replica_drop). */
static int mark_doc(Store *r, int64_t docId) {
  Stmt *st = stmt(r, "INSERT OR IGNORE INTO replica_drop"
                     " SELECT id FROM search_doc WHERE doc_id=?1");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, docId);
  return stmt_exec(r, st, "写入检索副本");
}

/* Removes the marked rows: their terms from both FTS5 tables (one
** statement each: FTS5 writes a segment per statement, and a segment per
** document made 100 changes take seconds), then their rows. */
#define DROP_TERMS(t)                                                         \
  "INSERT INTO " t "(" t ",rowid,body,title,doc_number,keywords,"             \
  "attachment_text) SELECT 'delete',t.id,t.body,t.title,t.doc_number,"        \
  "t.keywords,t.attachment_text FROM search_text t JOIN search_doc sd"        \
  " ON sd.id=t.id AND sd.indexed=1 WHERE t.id IN (SELECT key FROM replica_drop)"
static int drop_marked(Store *r) {
  int rc;
  if ((rc = db_exec_sql(r, DROP_TERMS("search_fts"))) ||
      (rc = db_exec_sql(r, DROP_TERMS("search_chr"))) ||
      (rc = db_exec_sql(r, "DELETE FROM search_doc WHERE id IN"
                           " (SELECT key FROM replica_drop)")) ||
      (rc = db_exec_sql(r, "DELETE FROM search_text WHERE id IN"
                           " (SELECT key FROM replica_drop)")))
    return rc;
  return db_exec_sql(r, "DELETE FROM replica_drop");
}

/* Sets the replica's head to (seq, tag) and its displaced count, and
** advances its content generation (content_generation: the count cache
** of sqlite_search.c keys its counts by it, as on a gongkai database). */
static int set_head(Store *r, int64_t seq, int64_t tag, int64_t displaced) {
  int rc = db_exec_sql(r, "UPDATE content_generation SET gen=gen+1");
  if (rc) return rc;
  Stmt *st = stmt(r, "UPDATE search_meta SET value=?1 WHERE name='displaced'");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, displaced);
  if ((rc = stmt_exec(r, st, "写入检索副本"))) return rc;
  st = stmt(r, "UPDATE replica_state SET seq=?1,tag=?2");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, seq);
  bind_int(st, 2, tag);
  return stmt_exec(r, st, "写入检索副本");
}

/* One entry of the log with the current row of its document (bRow 0:
** not indexed, or not a 'doc' entry). */
typedef struct Entry {
  int64_t seq, tag, displaced;
  char cWhat;   /* d(oc), a(ll), o(rg), c(atalogue), s(tart) */
  int bRow;
  int64_t doc;
  Row row;
} Entry;

/* Applies the log entries after seq (r in a transaction; FTS5 upkeep
** left to the caller).  *pbRefill = 1 when one asks for a fill from
** scratch (nothing applied then). */
static int apply_log(Store *s, Store *r, int64_t seq, int *pbRefill) {
  Arena a = ARENA_INIT;
  Entry *aE = NULL;
  int n = 0, nAlloc = 0, rc;
  *pbRefill = 0;
  /* The entries and the rows they name, in one statement: one snapshot,
  ** in which keys are unique. */
  Stmt *st = stmt(s,
      "SELECT l.seq,l.tag,l.what,l.doc_id,"
      " (SELECT value FROM search_meta WHERE name='displaced'),"
      " p.id IS NOT NULL," ROW_COLS " FROM search_log l"
      " LEFT JOIN search_doc sd ON sd.doc_id=l.doc_id AND sd.indexed=1"
      "  AND l.what='doc'"
      " LEFT JOIN search_pg p ON p.id=sd.id"
      " WHERE l.seq>?1 ORDER BY l.seq");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, seq);
  while ((rc = stmt_step(st)) == STMT_ROW) {
    ARENA_PUSH(&a, aE, n, nAlloc);
    Entry *e = &aE[n++];
    memset(e, 0, sizeof *e);
    e->seq = col_int(st, 0);
    e->tag = col_int(st, 1);
    e->cWhat = col_str(st, 2) ? col_str(st, 2)[0] : 's';
    e->doc = col_is_null(st, 3) ? 0 : col_int(st, 3);
    e->displaced = col_int(st, 4);
    e->bRow = (int)col_int(st, 5);
    if (e->bRow) get_row(st, 6, &a, &e->row);
  }
  stmt_done(st);
  if (rc < 0) { arena_free(&a); return store_db_err(s, "读取检索日志"); }
  rc = STORE_OK;
  int bOrg = 0, bCat = 0;
  /* Every named document leaves the replica, then the indexed ones come
  ** back with their current row (once each). */
  for (int i = 0; i < n && !rc; i++) {
    if (aE[i].cWhat == 'a') *pbRefill = 1;
    bOrg |= aE[i].cWhat == 'o';
    bCat |= aE[i].cWhat == 'c';
    if (aE[i].cWhat == 'd' && aE[i].doc) rc = mark_doc(r, aE[i].doc);
  }
  if (!rc && !*pbRefill) rc = drop_marked(r);
  for (int i = 0; i < n && !rc && !*pbRefill; i++) {
    if (!aE[i].bRow) continue;
    Stmt *q = stmt(r, "SELECT 1 FROM search_doc WHERE doc_id=?1");
    if (!q) { rc = STORE_ERROR; break; }
    bind_int(q, 1, aE[i].doc);
    int b = stmt_step(q);
    stmt_done(q);
    if (b < 0) rc = store_db_err(r, "读取检索副本");
    else if (b != STMT_ROW) rc = put_row(r, &aE[i].row, 0);
  }
  if (!rc && !*pbRefill) {
    if ((bOrg && (rc = copy_table(s, r, 0))) ||
        (bCat && (rc = copy_table(s, r, 1))))
      ;
    else if (n)
      rc = set_head(r, aE[n - 1].seq, aE[n - 1].tag, aE[n - 1].displaced);
  }
  arena_free(&a);
  return rc;
}

/* Fills the replica from scratch (r in a transaction): the log's head
** first, then every indexed row in key order in batches, then the entries
** after the head (which name every row that changed during the copy). */
static int fill(Store *s, Store *r) {
  int64_t head = 0, tag = 0, last = -1, displaced = 0;
  Stmt *st = stmt(s, "SELECT seq,tag,(SELECT value FROM search_meta"
                     " WHERE name='displaced') FROM search_log"
                     " ORDER BY seq DESC LIMIT 1");
  if (!st) return STORE_ERROR;
  int rc = stmt_step(st);
  if (rc == STMT_ROW) {
    head = col_int(st, 0);
    tag = col_int(st, 1);
    displaced = col_int(st, 2);
  }
  stmt_done(st);
  if (rc < 0) return store_db_err(s, "读取检索日志");
  if ((rc = lite_search_clear(r)) ||
      (rc = db_exec_sql(r, "DELETE FROM search_text")) ||
      (rc = db_exec_sql(r, "DELETE FROM replica_drop")) ||
      (rc = copy_table(s, r, 0)) || (rc = copy_table(s, r, 1)))
    return rc;
  for (int n = REPLICA_BATCH; n == REPLICA_BATCH;) {
    Arena a = ARENA_INIT;
    st = stmt(s, "SELECT " ROW_COLS " FROM search_doc sd"
                 " JOIN search_pg p ON p.id=sd.id"
                 " WHERE sd.indexed=1 AND sd.id>?1 ORDER BY sd.id LIMIT ?2");
    if (!st) return STORE_ERROR;
    bind_int(st, 1, last);
    bind_int(st, 2, REPLICA_BATCH);
    n = 0;
    while ((rc = stmt_step(st)) == STMT_ROW) {
      Row row;
      get_row(st, 0, &a, &row);
      if ((rc = put_row(r, &row, 1))) break;
      last = row.key;
      n++;
    }
    stmt_done(st);
    arena_free(&a);
    if (rc < 0) return rc;
  }
  int bRefill;
  if ((rc = db_exec_sql(r, "DELETE FROM search_text WHERE id NOT IN"
                           " (SELECT id FROM search_doc)")) ||
      (rc = set_head(r, head, tag, displaced)) ||
      (rc = apply_log(s, r, head, &bRefill)))
    return rc;
  return bRefill ? store_fail(r, STORE_BUSY, "检索索引正在重建") : STORE_OK;
}

/* The replica's head. */
static int replica_head(Store *r, int64_t *pSeq, int64_t *pTag) {
  Stmt *st = stmt(r, "SELECT seq,tag FROM replica_state");
  if (!st) return STORE_ERROR;
  int rc = stmt_step(st);
  *pSeq = rc == STMT_ROW ? col_int(st, 0) : 0;
  *pTag = rc == STMT_ROW ? col_int(st, 1) : 0;
  stmt_done(st);
  return rc < 0 ? store_db_err(r, "读取检索副本") : STORE_OK;
}

/* 1 when the replica (head seq, tag) holds every entry of the log. */
static int current(int64_t seq, int64_t tag, int64_t last, int64_t lastTag) {
  return seq > 0 && seq == last && tag == lastTag;
}

/* refresh()'s answer when a fill is needed and not allowed (bMayFill 0). */
#define NEEDS_FILL 1000

/* Brings replica r of s up to date (see the top of the file); a fill from
** scratch only when bMayFill, else NEEDS_FILL with nothing changed. */
static int refresh(Store *s, Store *r, int bMayFill) {
  int64_t seq, tag, last, lastTag;
  int rc, bRefill = 0;
  if ((rc = replica_head(r, &seq, &tag)) ||
      (rc = log_head(s, seq, &last, &lastTag)))
    return rc;
  if (current(seq, tag, last, lastTag)) return STORE_OK;
  if ((rc = store_begin(r))) return rc;
  if ((rc = replica_head(r, &seq, &tag)) ||
      (rc = log_head(s, seq, &last, &lastTag)))
    goto fail;
  if (current(seq, tag, last, lastTag)) return store_commit(r);
  if (seq <= 0 || tag != lastTag || last - seq > REPLICA_MAX_LAG ||
      (rc = apply_log(s, r, seq, &bRefill)) || bRefill) {
    if (!rc && !bMayFill) rc = NEEDS_FILL;
    if (rc || (rc = fill(s, r))) goto fail;
  }
  if ((rc = lite_search_index_pending(r))) goto fail;
  return store_commit(r);
fail:
  store_rollback(r);
  return rc;
}

/* Logs why the replica is not used, closes it and waits before the next
** try. */
static void give_up(Store *s, const char *zWhy) {
  store_log_raw("search replica, searching PostgreSQL instead", zWhy);
  store_close(s->pReplica);
  s->pReplica = NULL;
  s->replicaRetryAt = now_s() + REPLICA_RETRY_S;
}

/* Opens s's replica if needed; 0 when it is open. */
static int ensure_open(Store *s) {
  if (s->pReplica) return 0;
  if (s->replicaRetryAt && now_s() < s->replicaRetryAt) return -1;
  char *zErr = NULL;
  if (replica_open(&s->pReplica, &zErr)) {
    s->pReplica = NULL;
    store_log_raw("search replica, searching PostgreSQL instead",
                  zErr ? zErr : "cannot open");
    free(zErr);
    s->replicaRetryAt = now_s() + REPLICA_RETRY_S;
    return -1;
  }
  return 0;
}

int store_search_replica_refresh(Store *s) {
  if (!gzPath || db_dialect(s) == DB_SQLITE) return STORE_OK;
  if (ensure_open(s)) return store_fail(s, STORE_ERROR, "检索副本无法打开");
  Store *r = s->pReplica;
  int rc = refresh(s, r, 1);
  if (rc) {
    char *z = mprintf("%s", r->zErr ? store_errmsg(r) : store_errmsg(s));
    give_up(s, z);
    store_fail(s, rc, "检索副本更新失败：%s", z);
    free(z);
  }
  return rc;
}

/* store_search_replica_refresh(s), logging "up to date after N s" when it
** succeeds (t0: when the work began); a failure is logged by give_up(). */
static int refresh_logged(Store *s, int64_t t0) {
  int rc = store_search_replica_refresh(s);
  if (rc == STORE_OK) {
    char z[64];
    snprintf(z, sizeof z, "up to date after %lld s", (long long)(now_s() - t0));
    store_log_raw("search replica", z);
  }
  return rc;
}

/* The background filler: its own connection to gzTarget, one refresh
** (a fill when needed), logged. */
static void *filler_main(void *pArg) {
  char *zTarget = pArg;  /* owned */
  Store *s = NULL;
  char *zErr = NULL;
  int64_t t0 = now_s();
  int rc = store_open(zTarget, 0, &s, &zErr);
  if (rc != STORE_OK)
    store_log_raw("search replica, searching PostgreSQL instead",
                  zErr ? zErr : "cannot open the database");
  else
    rc = refresh_logged(s, t0);
  if (rc != STORE_OK) atomic_store(&gFillRetryAt, now_s() + REPLICA_RETRY_S);
  store_close(s);
  free(zErr);
  free(zTarget);
  atomic_store(&gbFilling, 0);
  return NULL;
}

/* Starts the filler unless it runs or failed less than REPLICA_RETRY_S
** ago. */
static void start_filler(void) {
  int bNo = 0;
  if (!gzTarget || now_s() < atomic_load(&gFillRetryAt) ||
      !atomic_compare_exchange_strong(&gbFilling, &bNo, 1))
    return;
  pthread_t t;
  pthread_attr_t at;
  pthread_attr_init(&at);
  pthread_attr_setdetachstate(&at, PTHREAD_CREATE_DETACHED);
  char *zArg = xstrdup(gzTarget);
  if (pthread_create(&t, &at, filler_main, zArg)) {
    free(zArg);
    atomic_store(&gbFilling, 0);
  }
  pthread_attr_destroy(&at);
}

/* 1 when s's index holds at most gnInlineMax documents (a fill takes
** seconds), 0 when more or on failure. */
static int small_index(Store *s) {
  Stmt *st = stmt(s, "SELECT count(*) FROM (SELECT 1 FROM search_doc"
                     " WHERE indexed=1 LIMIT ?1) t");
  if (!st) return 0;
  bind_int(st, 1, (int64_t)gnInlineMax + 1);
  int64_t n = gnInlineMax + 1;
  if (stmt_step(st) == STMT_ROW) n = col_int(st, 0);
  stmt_done(st);
  return n <= gnInlineMax;
}

void store_search_replica_inline_max(int n) { gnInlineMax = n; }

void store_search_replica_background(const char *zDbTarget) {
  free(gzTarget);
  gzTarget = gzPath && zDbTarget ? xstrdup(zDbTarget) : NULL;
  atomic_store(&gFillRetryAt, 0);
  start_filler();
}

void store_search_replica_start(Store *s, const char *zDbTarget) {
  if (!gzPath || db_dialect(s) == DB_SQLITE) return;
  if (!small_index(s)) {
    store_search_replica_background(zDbTarget);
    return;
  }
  refresh_logged(s, now_s());
  free(gzTarget);
  gzTarget = xstrdup(zDbTarget);
}

int store_search_replica_filling(void) { return atomic_load(&gbFilling); }

int search_replica_search(Store *s, Arena *a, const SearchQuery *q,
                          int64_t **paDocId, int *pn, int *pnTotal) {
  if (!gzPath || s->nTx > 0 || (gzTarget && atomic_load(&gbFilling)) || ensure_open(s))
    return SEARCH_REPLICA_UNUSED;
  Store *r = s->pReplica;
  int rc = refresh(s, r, !gzTarget);
  if (rc == NEEDS_FILL && small_index(s)) rc = refresh(s, r, 1);
  if (rc == NEEDS_FILL) {
    start_filler();
    return SEARCH_REPLICA_UNUSED;
  }
  if (rc) {
    give_up(s, r->zErr ? store_errmsg(r) : store_errmsg(s));
    return SEARCH_REPLICA_UNUSED;
  }
  r->bNoCountCache = s->bNoCountCache;
  rc = lite_search(r, s, a, q, paDocId, pn, pnTotal);
  if (rc == STORE_OK || rc == STORE_INVALID) return rc;
  give_up(s, store_errmsg(r));
  return SEARCH_REPLICA_UNUSED;
}
