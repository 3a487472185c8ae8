/*
** fts_probe.c — a standalone measurement of full-text search: builds an
** SQLite database of N generated documents (tests/unit/gen_corpus.c) with an
** FTS5 index in one of several configurations, then reports index size and
** query latencies.  Not a test and not part of the product; the numbers go
** to docs/search.md.
**
** Build and run (from the repository root):
**   cc -std=c11 -D_GNU_SOURCE -O2 -Isrc -o build/fts_probe tools/fts_probe.c \
**      src/store/fts_cjk.c src/lib/textmatch.c src/lib/buf.c src/lib/utf8.c \
**      tests/unit/gen_corpus.c -lsqlite3
**   build/fts_probe /tmp/probe.db 100000 gk   # or gk-np, gk-cs, gk-t0,
**                                             # gk-col, trigram
** (gk-t0 is gk with the columns in document order, title first; all others
** declare body first.  "chars" is a candidate side index for single
** characters: tokenizer gk1, defined here, detail=none.)
** Arguments: database file (overwritten), document count, configuration,
** optionally sentences per body (default 30, about 600 characters) and
** "reuse" to skip the build and query an existing database.
*/
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "lib/buf.h"
#include "lib/utf8.h"
#include "store/fts_cjk.h"
#include "../tests/unit/gen_corpus.h"

/* One index configuration. */
typedef struct Config {
  const char *zName; /* command-line name */
  const char *zOpts; /* FTS5 options after the column list */
  int bGk;           /* 1: queries go through fts_cjk_query(); 0: quoted
                     ** terms (trigram); 2: single characters only */
  int bBodyFirst;    /* declare body as column 0 (saves a column marker
                     ** per term and document for body text) */
} Config;

static const Config aConfig[] = {
    {"gk", "tokenize='gk', prefix='1', detail=full, columnsize=0", 1, 1},
    {"gk-np", "tokenize='gk', detail=full, columnsize=0", 1, 1},
    {"gk-cs", "tokenize='gk', prefix='1', detail=full", 1, 1},
    {"gk-t0", "tokenize='gk', prefix='1', detail=full, columnsize=0", 1, 0},
    {"gk-col", "tokenize='gk', prefix='1', detail=column, columnsize=0", 1,
     1},
    {"trigram", "tokenize='trigram', detail=full, columnsize=0", 0, 1},
    {"chars", "tokenize='gk1', detail=none, columnsize=0", 2, 1},
    {"uni", "tokenize='gk1', detail=full", 0, 1},
};

/* ---- "gk1": a candidate single-character side index (probe only) ----
** Emits every folded non-space character as a one-character token.  With
** detail=none a query "x" is exactly "documents containing x". */

/* xCreate/xDelete for gk1: stateless. */
static int gk1_create(void *p, const char **az, int n, Fts5Tokenizer **pp) {
  (void)p;
  (void)az;
  (void)n;
  *pp = (Fts5Tokenizer *)&aConfig[0]; /* any non-NULL pointer */
  return SQLITE_OK;
}
static void gk1_delete(Fts5Tokenizer *p) { (void)p; }

/* xTokenize for gk1. */
static int gk1_tokenize(Fts5Tokenizer *pTok, void *pCtx, int flags,
                        const char *z, int n,
                        int (*xToken)(void *, int, const char *, int, int,
                                      int)) {
  int i = 0, rc = SQLITE_OK;
  (void)pTok;
  (void)flags;
  while (i < n && rc == SQLITE_OK) {
    int len;
    uint32_t c = utf8_decode(z + i, (size_t)(n - i), &len);
    if (!utf8_is_space(c)) {
      char a[4];
      int nA = utf8_encode(utf8_fold(c), a);
      rc = xToken(pCtx, 0, a, nA, i, i + len);
    }
    i += len;
  }
  return rc;
}

/* Registers gk1 on db. */
static void gk1_register(sqlite3 *db) {
  static fts5_tokenizer tok = {gk1_create, gk1_delete, gk1_tokenize};
  fts5_api *pApi = 0;
  sqlite3_stmt *p = 0;
  sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &p, 0);
  sqlite3_bind_pointer(p, 1, (void *)&pApi, "fts5_api_ptr", 0);
  sqlite3_step(p);
  sqlite3_finalize(p);
  if (pApi) pApi->xCreateTokenizer(pApi, "gk1", 0, &tok, 0);
}

/* Seconds on the monotonic clock. */
static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Runs zSql or exits with the message. */
static void exec_or_die(sqlite3 *db, const char *zSql) {
  char *zErr = 0;
  if (sqlite3_exec(db, zSql, 0, 0, &zErr) != SQLITE_OK) {
    fprintf(stderr, "%s: %s\n", zSql, zErr);
    exit(1);
  }
}

/* First column of the first row of zSql as an integer (0 if none). */
static long long query_int(sqlite3 *db, const char *zSql) {
  sqlite3_stmt *p = 0;
  long long v = 0;
  if (sqlite3_prepare_v2(db, zSql, -1, &p, 0) != SQLITE_OK) {
    fprintf(stderr, "%s: %s\n", zSql, sqlite3_errmsg(db));
    exit(1);
  }
  if (sqlite3_step(p) == SQLITE_ROW) v = sqlite3_column_int64(p, 0);
  sqlite3_finalize(p);
  return v;
}

/* Creates the tables and inserts nDoc documents; prints build time. */
static void build(sqlite3 *db, const Config *pCfg, int nDoc, int nSent) {
  char zSql[512];
  exec_or_die(db, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
                  "PRAGMA cache_size=-262144;"
                  "CREATE TABLE doc(id INTEGER PRIMARY KEY, title, doc_number,"
                  " body, keywords, attachment_text);");
  snprintf(zSql, sizeof zSql,
           "CREATE VIRTUAL TABLE doc_fts USING fts5(%s,"
           " keywords, attachment_text, content='doc', content_rowid='id',"
           " %s)",
           pCfg->bBodyFirst ? "body, title, doc_number"
                            : "title, doc_number, body",
           pCfg->zOpts);
  exec_or_die(db, zSql);
  sqlite3_stmt *pDoc = 0, *pFts = 0;
  sqlite3_prepare_v2(db, "INSERT INTO doc VALUES(?1,?2,?3,?4,?5,?6)", -1,
                     &pDoc, 0);
  sqlite3_prepare_v2(db,
                     "INSERT INTO doc_fts(rowid, title, doc_number, body,"
                     " keywords, attachment_text) VALUES(?1,?2,?3,?4,?5,?6)",
                     -1, &pFts, 0);
  double t0 = now();
  exec_or_die(db, "BEGIN");
  for (int i = 1; i <= nDoc; i++) {
    CorpusDoc d;
    corpus_doc(1, (uint64_t)i, nSent, &d);
    sqlite3_stmt *ap[2] = {pDoc, pFts};
    for (int k = 0; k < 2; k++) {
      sqlite3_bind_int(ap[k], 1, i);
      for (int c = 0; c < CORPUS_NCOL; c++) {
        sqlite3_bind_text(ap[k], c + 2, d.azCol[c], -1, SQLITE_STATIC);
      }
      if (sqlite3_step(ap[k]) != SQLITE_DONE) {
        fprintf(stderr, "insert: %s\n", sqlite3_errmsg(db));
        exit(1);
      }
      sqlite3_reset(ap[k]);
    }
    corpus_doc_free(&d);
    if (i % 10000 == 0) {
      exec_or_die(db, "COMMIT; BEGIN");
    }
  }
  exec_or_die(db, "COMMIT");
  double t1 = now();
  exec_or_die(db, "INSERT INTO doc_fts(doc_fts) VALUES('optimize')");
  double t2 = now();
  sqlite3_finalize(pDoc);
  sqlite3_finalize(pFts);
  printf("build: %d docs in %.1f s, optimize %.1f s\n", nDoc, t1 - t0,
         t2 - t1);
}

/* Runs zSql with ?1 = zArg nRep times; prints min/median/max ms and the
** first column of the last row (a count or a rowid). */
static void time_query(sqlite3 *db, const char *zLabel, const char *zSql,
                       const char *zArg, int nRep) {
  double a[64];
  long long v = -1;
  int nRow = 0;
  sqlite3_stmt *p = 0;
  if (sqlite3_prepare_v2(db, zSql, -1, &p, 0) != SQLITE_OK) {
    printf("  %-10s error: %s\n", zLabel, sqlite3_errmsg(db));
    return;
  }
  if (nRep > 64) nRep = 64;
  for (int r = 0; r < nRep; r++) {
    double t0 = now();
    sqlite3_bind_text(p, 1, zArg, -1, SQLITE_STATIC);
    int rc;
    nRow = 0;
    while ((rc = sqlite3_step(p)) == SQLITE_ROW) {
      v = sqlite3_column_int64(p, 0);
      nRow++;
    }
    if (rc != SQLITE_DONE) {
      printf("  %-10s error: %s\n", zLabel, sqlite3_errmsg(db));
      sqlite3_finalize(p);
      return;
    }
    sqlite3_reset(p);
    a[r] = (now() - t0) * 1000.0;
  }
  sqlite3_finalize(p);
  for (int i = 1; i < nRep; i++) { /* insertion sort */
    double x = a[i];
    int j = i - 1;
    while (j >= 0 && a[j] > x) a[j + 1] = a[j], j--;
    a[j + 1] = x;
  }
  printf("  %-10s %9.3f %9.3f %9.3f ms  rows=%d last=%lld\n", zLabel, a[0],
         a[nRep / 2], a[nRep - 1], nRow, v);
}

int main(int argc, char **argv) {
  if (argc < 4) {
    fprintf(stderr, "usage: %s DB NDOC CONFIG [SENTENCES] [reuse]\n",
            argv[0]);
    return 2;
  }
  const char *zDb = argv[1];
  int nDoc = atoi(argv[2]);
  int nSent = argc > 4 ? atoi(argv[4]) : 30;
  int bReuse = argc > 5 && strcmp(argv[5], "reuse") == 0;
  const Config *pCfg = 0;
  for (size_t i = 0; i < sizeof aConfig / sizeof aConfig[0]; i++) {
    if (strcmp(aConfig[i].zName, argv[3]) == 0) pCfg = &aConfig[i];
  }
  if (pCfg == 0) {
    fprintf(stderr, "unknown config %s\n", argv[3]);
    return 2;
  }
  if (!bReuse) unlink(zDb);
  sqlite3 *db = 0;
  if (sqlite3_open(zDb, &db) != SQLITE_OK || fts_cjk_register(db) != 0) {
    fprintf(stderr, "cannot open %s\n", zDb);
    return 1;
  }
  gk1_register(db);
  printf("config %s: fts5(%s), sqlite %s\n", pCfg->zName, pCfg->zOpts,
         sqlite3_libversion());
  if (!bReuse) build(db, pCfg, nDoc, nSent);
  exec_or_die(db, "PRAGMA cache_size=-262144");

  long long nText = query_int(
      db, "SELECT sum(length(CAST(title AS BLOB))+length(CAST(doc_number AS"
          " BLOB))+length(CAST(body AS BLOB))+length(CAST(keywords AS BLOB))"
          "+ifnull(length(CAST(attachment_text AS BLOB)),0)) FROM doc");
  long long nChar = query_int(
      db, "SELECT sum(length(title)+length(doc_number)+length(body)"
          "+length(keywords)+ifnull(length(attachment_text),0)) FROM doc");
  long long nIdx = query_int(
      db, "SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'doc_fts%'");
  long long nDocTab = query_int(
      db, "SELECT sum(pgsize) FROM dbstat WHERE name = 'doc'");
  printf("text: %lld bytes (%lld chars, %.0f bytes/doc); doc table %lld"
         " bytes\n",
         nText, nChar, (double)nText / nDoc, nDocTab);
  printf("index: %lld bytes = %.2f x text\n", nIdx, (double)nIdx / nText);

  static const char *const azQ[] = {
      "的", "龘", "工作", "疫苗", "饮用水", "合格率为9", "宁卫发〔2018〕12号",
      "2018", "01", "pdf", "df", "第3季度", "疫苗 接种", "\"pdf 文件\"",
      "量子纠缠"};
  printf("query latency, warm, min / median / max of 11 runs:\n");
  for (size_t i = 0; i < sizeof azQ / sizeof azQ[0]; i++) {
    Buf expr = BUF_INIT;
    if (pCfg->bGk == 2) {
      /* chars: only single characters can be asked */
      if (utf8_len(azQ[i], strlen(azQ[i])) != 1) continue;
      buf_printf(&expr, "\"%s\"", azQ[i]);
    } else if (pCfg->bGk) {
      if (fts_cjk_query(azQ[i], &expr, 0) != 0) continue;
    } else {
      /* trigram: each term quoted, ANDed (what a naive caller would do) */
      char **az;
      int n;
      textmatch_terms(azQ[i], &az, &n, 0);
      for (int k = 0; k < n; k++) {
        buf_printf(&expr, "%s\"%s\"", k ? " AND " : "", az[k]);
      }
      textmatch_terms_free(az, n);
    }
    printf("[%s]  MATCH %s\n", azQ[i], buf_str(&expr));
    time_query(db, "newest20",
               "SELECT rowid FROM doc_fts WHERE doc_fts MATCH ?1"
               " ORDER BY rowid DESC LIMIT 20",
               buf_str(&expr), 11);
    time_query(db, "count",
               "SELECT count(*) FROM doc_fts WHERE doc_fts MATCH ?1",
               buf_str(&expr), 11);
    time_query(db, "bm25@1000",
               "SELECT rowid FROM (SELECT rowid, bm25(doc_fts) AS s"
               " FROM doc_fts WHERE doc_fts MATCH ?1 ORDER BY rowid DESC"
               " LIMIT 1000) ORDER BY s LIMIT 20",
               buf_str(&expr), 11);
    time_query(db, "bm25-all",
               "SELECT rowid FROM doc_fts WHERE doc_fts MATCH ?1"
               " ORDER BY rank LIMIT 20",
               buf_str(&expr), 3);
    buf_free(&expr);
  }
  sqlite3_close(db);
  return 0;
}
