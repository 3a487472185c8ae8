/*
** test_search_replica.c — the FTS5 search replica of a PostgreSQL store
** (src/store/search_replica.c, docs/search.md "PostgreSQL: the FTS5
** replica").  On PostgreSQL (GK_TEST_PG): the same store_search() calls
** through the replica and through pg_search.c give the same documents in
** the same order and the same counts, for generated documents and queries
** taken from their text, with filters, before and after documents are
** published, corrected and withdrawn; a second connection with a replica
** of its own sees a publication of the first at once and loses a
** withdrawn document; a replica whose log entry is gone, or that sees a
** rebuild, starts again from scratch; a search inside a transaction and a
** replica that cannot be opened answer through pg_search.c; a server's
** replica is filled by a thread of its own while pg_search.c answers.  On
** SQLite the
** option changes nothing (the same comparison holds trivially, and no
** file is made).
*/
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "gen_corpus.h"
#include "harness.h"
#include "storefix.h"
#include "lib/buf.h"
#include "lib/crypto.h"
#include "lib/textmatch.h"
#include "store/store_admin.h"
#include "store/store_documents.h"
#include "store/store_search.h"

enum { N_DOC = 60 };

/* A store with two organisations (the second below the first) and one
** user; *pOrg the first, *pChild the second. */
static Store *open_db(const char *zPath, int64_t *pOrg, int64_t *pChild,
                      int64_t *pUser) {
  Store *s = NULL;
  char *zErr = NULL;
  crypto_init();
  if (fix_store_open(zPath, STORE_CREATE, &s, &zErr) != STORE_OK) {
    free(zErr);
    return NULL;
  }
  Org o, c;
  memset(&o, 0, sizeof o);
  o.zSlug = "r-org";
  o.zName = "测试局";
  o.zOrgCode = "453629012";
  if (store_org_add(s, &o) != STORE_OK) return NULL;
  memset(&c, 0, sizeof c);
  c.zSlug = "r-child";
  c.zName = "测试科";
  c.zOrgCode = "45362902X";
  c.parentId = o.id;
  if (store_org_add(s, &c) != STORE_OK) return NULL;
  User u;
  memset(&u, 0, sizeof u);
  u.orgId = o.id;
  u.zLogin = "r-user";
  u.zName = "测试";
  u.zPwHash = "x";
  u.roles = 0x7f;
  if (store_user_add(s, &u) != STORE_OK) return NULL;
  *pOrg = o.id;
  *pChild = c.id;
  *pUser = u.id;
  return s;
}

/* Adds and publishes generated document i (seed 13) dated zDate in org;
** its id, or 0. */
static int64_t add_doc(Store *s, Arena *a, int i, int64_t org, int64_t user,
                       const char *zDate) {
  CorpusDoc cd;
  corpus_doc(13, (uint64_t)i, 3, &cd);
  Doc d;
  memset(&d, 0, sizeof d);
  d.orgId = org;
  d.zTitle = cd.azCol[0];
  d.zDocNumber = cd.azCol[1];
  d.zBody = cd.azCol[2];
  d.zKeywords = cd.azCol[3];
  d.zMode = "proactive";
  d.zFormedDate = "2024-01-05";
  d.zGenre = i % 3 ? "通知" : "公告";
  d.createdBy = user;
  int rc = store_doc_add(s, &d);
  if (rc == STORE_OK) rc = store_doc_publish(s, a, d.id, "published", zDate);
  if (rc) fprintf(stderr, "  add_doc: %s\n", store_errmsg(s));
  corpus_doc_free(&cd);
  return rc == STORE_OK ? d.id : 0;
}

/* store_search(q) on s with the replica at zReplica (NULL: pg_search.c). */
static int run(Store *s, Arena *a, const char *zReplica, const SearchQuery *q,
               int64_t **paId, int *pn, int *pnTotal) {
  store_search_replica_set(zReplica);
  int rc = store_search(s, a, q, paId, pn, pnTotal);
  store_search_replica_set(NULL);
  return rc;
}

static int cmp_id(const void *x, const void *y) {
  int64_t a = *(const int64_t *)x, b = *(const int64_t *)y;
  return a < b ? -1 : a > b;
}

/* The number of queries (from the text of every fifth document, 1 to 4
** code points, as test_search.c) on which the replica and pg_search.c
** differ in result code, total, or documents and their order, by date and
** by relevance, unfiltered and with one filter of each kind; *pnQuery
** counts the comparisons. */
static int compare_all(Store *s, const char *zReplica, int64_t org,
                       int64_t child, int *pnQuery) {
  Arena a = ARENA_INIT;
  int nBad = 0;
  for (int i = 0; i < N_DOC; i += 5) {
    CorpusDoc cd;
    corpus_doc(13, (uint64_t)i, 3, &cd);
    Buf f = BUF_INIT;
    textmatch_fold(cd.azCol[i % 4 == 1 ? 0 : 2], &f);
    corpus_doc_free(&cd);
    const char *z = buf_str(&f);
    size_t n = strlen(z);
    for (size_t off = 0; off < n; off += 1 + n / 4) {
      while (off < n && ((unsigned char)z[off] & 0xC0) == 0x80) off++;
      for (int len = 1; len <= 4 && off < n; len++) {
        size_t e = off;
        for (int k = 0; k < len && e < n; k++) {
          e++;
          while (e < n && ((unsigned char)z[e] & 0xC0) == 0x80) e++;
        }
        char zQ[64];
        if (e - off >= 30) break;
        memcpy(zQ, z + off, e - off);
        zQ[e - off] = 0;
        for (int v = 0; v < 8; v++) {
          SearchQuery q;
          memset(&q, 0, sizeof q);
          q.zQuery = zQ;
          q.bByDate = (v & 1) || v == 2;
          q.limit = v == 2 ? 7 : 30;
          q.offset = v == 2 ? 3 : 0;
          q.countCap = v == 3 ? 5 : -1;
          if (v == 4) { q.orgId = org; q.bSubtree = 1; }
          if (v == 5) q.orgId = child;
          if (v == 6) q.year = 2025;
          if (v == 7) q.zGenre = "公告";
          int64_t *a1 = NULL, *a2 = NULL;
          int n1 = 0, n2 = 0, t1 = -1, t2 = -1;
          int rc1 = run(s, &a, zReplica, &q, &a1, &n1, &t1);
          int rc2 = run(s, &a, NULL, &q, &a2, &n2, &t2);
          (*pnQuery)++;
          /* Relevance: the same documents (the scores differ where FTS5
          ** counts tokens and pg_search.c characters, docs/search.md), in
          ** date order: the same order. */
          if (!q.bByDate && n1 == t1 && n2 == t2 && n1 > 0 && n2 > 0) {
            qsort(a1, (size_t)n1, sizeof *a1, cmp_id);
            qsort(a2, (size_t)n2, sizeof *a2, cmp_id);
          }
          int bSame = rc1 == rc2 && t1 == t2 && n1 == n2 &&
                      (n1 == 0 || !memcmp(a1, a2, (size_t)n1 * sizeof *a1) ||
                       (!q.bByDate && n1 < t1));
          if (!bSame && nBad++ < 5)
            fprintf(stderr, "  [%s] variant %d: replica rc %d %d/%d, pg rc %d %d/%d\n",
                    zQ, v, rc1, n1, t1, rc2, n2, t2);
        }
      }
    }
    buf_free(&f);
  }
  arena_free(&a);
  return nBad;
}

/* Published documents in the replica file zFile (-1 when it has none). */
static int64_t replica_rows(const char *zFile) {
  sqlite3 *db = NULL;
  sqlite3_stmt *st = NULL;
  int64_t v = -1;
  if (sqlite3_open_v2(zFile, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
      sqlite3_prepare_v2(db, "SELECT count(*) FROM search_doc", -1, &st, NULL) == SQLITE_OK &&
      sqlite3_step(st) == SQLITE_ROW)
    v = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  sqlite3_close(db);
  return v;
}

/* 1 when query zQ finds document id through s with replica zReplica. */
static int finds(Store *s, const char *zReplica, const char *zQ, int64_t id) {
  Arena a = ARENA_INIT;
  SearchQuery q;
  memset(&q, 0, sizeof q);
  q.zQuery = zQ;
  q.bByDate = 1;
  q.limit = 200;
  int64_t *aId = NULL;
  int n = 0, b = 0;
  if (run(s, &a, zReplica, &q, &aId, &n, NULL) == STORE_OK)
    for (int i = 0; i < n; i++) b |= aId[i] == id;
  arena_free(&a);
  return b;
}

static void remove_files(const char *zFile) {
  char z[300];
  unlink(zFile);
  snprintf(z, sizeof z, "%s-wal", zFile);
  unlink(z);
  snprintf(z, sizeof z, "%s-shm", zFile);
  unlink(z);
}

TEST(search_replica_answers_as_pg_search) {
  char zDir[] = "/tmp/gk-replica-test-XXXXXX";
  CHECK(mkdtemp(zDir) != NULL);
  char zPath[128], zRep[160];
  snprintf(zPath, sizeof zPath, "%s/t.db", zDir);
  snprintf(zRep, sizeof zRep, "%s/replica.db", zDir);
  int64_t org, child, user;
  Store *s = open_db(zPath, &org, &child, &user);
  CHECK(s != NULL);
  if (!s) return;
  Arena a = ARENA_INIT;
  int64_t aDoc[N_DOC];
  for (int i = 0; i < N_DOC; i++) {
    char zDate[16];
    snprintf(zDate, sizeof zDate, "%d-%02d-%02d", 2024 + i % 3, 1 + i % 12,
             1 + i % 27);
    aDoc[i] = add_doc(s, &a, i, i % 4 ? org : child, user, zDate);
    CHECK(aDoc[i] > 0);
  }
  int nQuery = 0;
  CHECK_INT(compare_all(s, zRep, org, child, &nQuery), 0);
  CHECK(nQuery > 200);
  if (fix_on_pg()) CHECK_INT(replica_rows(zRep), N_DOC);
  else CHECK_INT(replica_rows(zRep), -1);
  /* Changes after the fill: applied from the log. */
  CHECK_INT(store_doc_withdraw(s, &a, aDoc[3], "撤回"), STORE_OK);
  CHECK_INT(store_doc_correct(s, &a, aDoc[6], "补充关键词甲乙", "", "", 0), STORE_OK);
  CHECK_INT(store_doc_set_validity(s, &a, aDoc[9], "repealed", "2026-03-01", 0),
            STORE_OK);
  CHECK(add_doc(s, &a, N_DOC, child, user, "2025-06-30") > 0);
  nQuery = 0;
  CHECK_INT(compare_all(s, zRep, org, child, &nQuery), 0);
  CHECK(finds(s, zRep, "补充关键词甲乙", aDoc[6]));
  if (fix_on_pg()) CHECK_INT(replica_rows(zRep), N_DOC);
  /* The org tree changes (a trigger logs it): the subtree filter follows. */
  CHECK_INT(fix_exec_sql(zPath, "UPDATE org SET parent_id=NULL WHERE slug='r-child'"), 0);
  nQuery = 0;
  CHECK_INT(compare_all(s, zRep, org, child, &nQuery), 0);
  /* A rebuild re-keys every row ('all'): filled from scratch. */
  CHECK_INT(store_search_rebuild(s), STORE_OK);
  nQuery = 0;
  CHECK_INT(compare_all(s, zRep, org, child, &nQuery), 0);
  if (fix_on_pg()) {
    /* The replica's last entry is gone (pruned, or another database):
    ** filled from scratch. */
    CHECK_INT(fix_exec_sql(zPath, "DELETE FROM search_log WHERE seq<"
                                  "(SELECT max(seq) FROM search_log)"), 0);
    CHECK(add_doc(s, &a, N_DOC + 1, org, user, "2026-01-02") > 0);
    CHECK_INT(fix_exec_sql(zPath, "DELETE FROM search_log WHERE seq<"
                                  "(SELECT max(seq) FROM search_log)"), 0);
    nQuery = 0;
    CHECK_INT(compare_all(s, zRep, org, child, &nQuery), 0);
    CHECK_INT(replica_rows(zRep), N_DOC + 1);
  }
  arena_free(&a);
  store_close(s);
  remove_files(zRep);
  unlink(zPath);
  rmdir(zDir);
}

TEST(search_replica_second_connection_sees_changes_at_once) {
  char zDir[] = "/tmp/gk-replica-test-XXXXXX";
  CHECK(mkdtemp(zDir) != NULL);
  char zPath[128], zRepA[160], zRepB[160];
  snprintf(zPath, sizeof zPath, "%s/t.db", zDir);
  snprintf(zRepA, sizeof zRepA, "%s/a.db", zDir);
  snprintf(zRepB, sizeof zRepB, "%s/b.db", zDir);
  int64_t org, child, user;
  Store *s = open_db(zPath, &org, &child, &user);
  CHECK(s != NULL);
  if (!s) return;
  Store *s2 = NULL;
  char *zErr = NULL;
  CHECK_INT(fix_store_open(zPath, 0, &s2, &zErr), STORE_OK);
  free(zErr);
  if (!s2) return;
  Arena a = ARENA_INIT;
  int64_t id0 = add_doc(s, &a, 0, org, user, "2025-01-01");
  CHECK(id0 > 0);
  /* Each connection opens its replica at its first search: s at a.db,
  ** s2 at b.db (two servers, each with its own file). */
  (void)finds(s, zRepA, "网站", 0);
  CHECK(!finds(s2, zRepB, "独一无二的标题词", 0));
  Doc d;
  memset(&d, 0, sizeof d);
  d.orgId = org;
  d.zTitle = "关于独一无二的标题词的通知";
  d.zBody = "正文";
  d.zMode = "proactive";
  d.zFormedDate = "2025-01-05";
  d.zGenre = "通知";
  d.createdBy = user;
  CHECK_INT(store_doc_add(s, &d), STORE_OK);
  CHECK(!finds(s2, zRepB, "独一无二的标题词", d.id));
  CHECK_INT(store_doc_publish(s, &a, d.id, "published", "2025-02-01"), STORE_OK);
  CHECK(finds(s2, zRepB, "独一无二的标题词", d.id));
  CHECK(finds(s2, zRepB, "题", d.id));
  CHECK_INT(store_doc_withdraw(s, &a, d.id, "撤回"), STORE_OK);
  CHECK(!finds(s2, zRepB, "独一无二的标题词", d.id));
  CHECK(!finds(s, zRepA, "独一无二的标题词", d.id));
  if (fix_on_pg()) {
    CHECK_INT(replica_rows(zRepA), 1);
    CHECK_INT(replica_rows(zRepB), 1);
  }
  /* Inside a transaction the connection's own uncommitted publication is
  ** found (pg_search.c), and after the rollback no replica holds it. */
  CHECK_INT(store_begin(s), STORE_OK);
  int64_t idTx = add_doc(s, &a, 7, org, user, "2025-03-01");
  CHECK(idTx > 0);
  SearchQuery q;
  memset(&q, 0, sizeof q);
  q.zQuery = NULL;
  int64_t *aId;
  int n, total;
  store_search_replica_set(zRepA);
  CHECK_INT(store_search(s, &a, &q, &aId, &n, &total), STORE_OK);
  store_search_replica_set(NULL);
  CHECK_INT(total, 2);
  store_rollback(s);
  CHECK_INT(run(s2, &a, zRepB, &q, &aId, &n, &total), STORE_OK);
  CHECK_INT(total, 1);
  if (fix_on_pg()) CHECK_INT(replica_rows(zRepB), 1);
  arena_free(&a);
  store_close(s2);
  store_close(s);
  remove_files(zRepA);
  remove_files(zRepB);
  unlink(zPath);
  rmdir(zDir);
}

TEST(search_replica_that_cannot_open_falls_back) {
  char zDir[] = "/tmp/gk-replica-test-XXXXXX";
  CHECK(mkdtemp(zDir) != NULL);
  char zPath[128], zRep[200];
  snprintf(zPath, sizeof zPath, "%s/t.db", zDir);
  snprintf(zRep, sizeof zRep, "%s/no-such-dir/replica.db", zDir);
  int64_t org, child, user;
  Store *s = open_db(zPath, &org, &child, &user);
  CHECK(s != NULL);
  if (!s) return;
  Arena a = ARENA_INIT;
  Doc d;
  memset(&d, 0, sizeof d);
  d.orgId = org;
  d.zTitle = "回退检索测试";
  d.zBody = "正文";
  d.zMode = "proactive";
  d.zFormedDate = "2025-01-05";
  d.zGenre = "通知";
  d.createdBy = user;
  CHECK_INT(store_doc_add(s, &d), STORE_OK);
  CHECK_INT(store_doc_publish(s, &a, d.id, "published", "2025-02-01"), STORE_OK);
  CHECK(finds(s, zRep, "检索测", d.id));
  CHECK(finds(s, zRep, "退", d.id));
  struct stat sb;
  CHECK(stat(zRep, &sb) != 0);
  /* A SQLite file that is not a replica (a gongkai database given by
  ** mistake) is left alone, and the search still answers. */
  char zOther[160];
  snprintf(zOther, sizeof zOther, "%s/other.db", zDir);
  if (fix_on_pg()) {
    sqlite3 *db = NULL;
    CHECK_INT(sqlite3_open(zOther, &db), SQLITE_OK);
    CHECK_INT(sqlite3_exec(db, "CREATE TABLE search_doc(x); INSERT INTO search_doc VALUES(7)",
                           NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
    CHECK(finds(s, zOther, "检索测", d.id));
    CHECK_INT(replica_rows(zOther), 1);
    unlink(zOther);
  }
  arena_free(&a);
  store_close(s);
  unlink(zPath);
  rmdir(zDir);
}

/* One worker of the threaded test: its own connection to the database of
** zPath, publishing documents and finding each through the shared replica
** at once. */
typedef struct Worker {
  const char *zPath;
  int64_t org, user;
  int id, nFound, nRun;
} Worker;

static void *worker_main(void *p) {
  Worker *w = p;
  Store *s = NULL;
  char *zErr = NULL;
  if (fix_store_open(w->zPath, 0, &s, &zErr) != STORE_OK) {
    free(zErr);
    return NULL;
  }
  for (int k = 0; k < 5; k++) {
    Arena a = ARENA_INIT;
    char zTitle[96], zQ[64];
    snprintf(zQ, sizeof zQ, "并发检索%c%c", 'a' + w->id, 'a' + k);
    snprintf(zTitle, sizeof zTitle, "关于%s的通知", zQ);
    Doc d;
    memset(&d, 0, sizeof d);
    d.orgId = w->org;
    d.zTitle = zTitle;
    d.zBody = "正文";
    d.zMode = "proactive";
    d.zFormedDate = "2025-01-05";
    d.zGenre = "通知";
    d.createdBy = w->user;
    if (store_doc_add(s, &d) == STORE_OK &&
        store_doc_publish(s, &a, d.id, "published", "2025-04-01") == STORE_OK) {
      SearchQuery q;
      memset(&q, 0, sizeof q);
      q.zQuery = zQ;
      q.bByDate = 1;
      int64_t *aId = NULL;
      int n = 0;
      w->nRun++;
      if (store_search(s, &a, &q, &aId, &n, NULL) == STORE_OK && n == 1 &&
          aId[0] == d.id)
        w->nFound++;
    }
    arena_free(&a);
  }
  store_close(s);
  return NULL;
}

/* Several connections of one process share one replica file (one SQLite
** connection each, one applier at a time): each finds every document it
** just published, and the file ends equal to pg_search.c's answers. */
TEST(search_replica_shared_by_threads) {
  char zDir[] = "/tmp/gk-replica-test-XXXXXX";
  CHECK(mkdtemp(zDir) != NULL);
  char zPath[128], zRep[160];
  snprintf(zPath, sizeof zPath, "%s/t.db", zDir);
  snprintf(zRep, sizeof zRep, "%s/replica.db", zDir);
  int64_t org, child, user;
  Store *s = open_db(zPath, &org, &child, &user);
  CHECK(s != NULL);
  if (!s) return;
  enum { NT = 3 };
  Worker aW[NT];
  pthread_t aT[NT];
  store_search_replica_set(zRep);
  for (int i = 0; i < NT; i++) {
    aW[i] = (Worker){zPath, org, user, i, 0, 0};
    CHECK_INT(pthread_create(&aT[i], NULL, worker_main, &aW[i]), 0);
  }
  for (int i = 0; i < NT; i++) pthread_join(aT[i], NULL);
  store_search_replica_set(NULL);
  for (int i = 0; i < NT; i++) {
    CHECK_INT(aW[i].nRun, 5);
    CHECK_INT(aW[i].nFound, 5);
  }
  Arena a = ARENA_INIT;
  SearchQuery q;
  memset(&q, 0, sizeof q);
  q.zQuery = "并发检索";
  q.bByDate = 1;
  q.limit = 100;
  int64_t *a1, *a2;
  int n1, n2, t1, t2;
  CHECK_INT(run(s, &a, zRep, &q, &a1, &n1, &t1), STORE_OK);
  CHECK_INT(run(s, &a, NULL, &q, &a2, &n2, &t2), STORE_OK);
  CHECK_INT(t1, NT * 5);
  CHECK_INT(t2, NT * 5);
  CHECK(n1 == n2 && !memcmp(a1, a2, (size_t)n1 * sizeof *a1));
  if (fix_on_pg()) CHECK_INT(replica_rows(zRep), NT * 5);
  arena_free(&a);
  store_close(s);
  remove_files(zRep);
  unlink(zPath);
  rmdir(zDir);
}

/* Waits (up to 120 s) for the background filler to end; 1 when it did. */
static int filler_done(void) {
  for (int i = 0; i < 1200 && store_search_replica_filling(); i++) usleep(100000);
  return !store_search_replica_filling();
}

/* A server's replica (store_search_replica_background): a thread of its
** own fills it while searches are answered by pg_search.c with the same
** documents; a search that finds it needs a fill from scratch (after a
** rebuild) starts the thread again instead of filling in the request. */
TEST(search_replica_filled_in_the_background) {
  if (!fix_on_pg()) return;  /* a server on SQLite has no replica */
  char zDir[] = "/tmp/gk-replica-test-XXXXXX";
  CHECK(mkdtemp(zDir) != NULL);
  char zPath[128], zRep[160], zSchema[32], zTarget[1200];
  snprintf(zPath, sizeof zPath, "%s/t.db", zDir);
  snprintf(zRep, sizeof zRep, "%s/replica.db", zDir);
  int64_t org, child, user;
  Store *s = open_db(zPath, &org, &child, &user);
  CHECK(s != NULL);
  if (!s) return;
  fix_pg_schema(zPath, zSchema);
  snprintf(zTarget, sizeof zTarget, "%s options=-csearch_path=%s",
           getenv("GK_TEST_PG"), zSchema);
  Arena a = ARENA_INIT;
  for (int i = 0; i < N_DOC; i++)
    CHECK(add_doc(s, &a, i, i % 4 ? org : child, user, "2025-05-05") > 0);
  SearchQuery q;
  memset(&q, 0, sizeof q);
  q.bByDate = 1;
  q.limit = 5;
  int64_t *aId;
  int n, total = -1;
  store_search_replica_inline_max(0);  /* every index "large" */
  store_search_replica_set(zRep);
  store_search_replica_background(zTarget);
  /* Answered at once, whether the fill has finished or not. */
  CHECK_INT(store_search(s, &a, &q, &aId, &n, &total), STORE_OK);
  CHECK_INT(total, N_DOC);
  CHECK(filler_done());
  CHECK_INT(replica_rows(zRep), N_DOC);
  /* A rebuild ('all' in the log): the next search starts the filler and
  ** is answered by pg_search.c; then the replica holds every row again. */
  CHECK_INT(store_search_rebuild(s), STORE_OK);
  CHECK(add_doc(s, &a, N_DOC, org, user, "2025-06-06") > 0);
  total = -1;
  CHECK_INT(store_search(s, &a, &q, &aId, &n, &total), STORE_OK);
  CHECK_INT(total, N_DOC + 1);
  CHECK(filler_done());
  CHECK_INT(replica_rows(zRep), N_DOC + 1);
  total = -1;
  CHECK_INT(store_search(s, &a, &q, &aId, &n, &total), STORE_OK);
  CHECK_INT(total, N_DOC + 1);
  int nQuery = 0;
  CHECK_INT(compare_all(s, zRep, org, child, &nQuery), 0);
  /* A small index (the server's rule: up to 20,000 documents) is filled
  ** in the request instead: after another rebuild the very next search
  ** finds the replica filled, and no thread ran. */
  store_search_replica_inline_max(20000);
  store_search_replica_set(zRep);  /* compare_all's run() cleared it */
  CHECK_INT(store_search_rebuild(s), STORE_OK);
  CHECK(add_doc(s, &a, N_DOC + 1, org, user, "2025-07-07") > 0);
  total = -1;
  CHECK_INT(store_search(s, &a, &q, &aId, &n, &total), STORE_OK);
  CHECK_INT(total, N_DOC + 2);
  CHECK(!store_search_replica_filling());
  CHECK_INT(replica_rows(zRep), N_DOC + 2);
  store_search_replica_background(NULL);
  store_search_replica_set(NULL);
  arena_free(&a);
  store_close(s);
  remove_files(zRep);
  unlink(zPath);
  rmdir(zDir);
}
