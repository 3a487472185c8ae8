/*
** test_fts_read.c — the exact count read from FTS5's segments
** (store/fts_read.c) against FTS5's own count and against a substring
** scan, on a generated corpus written through the store (external
** content: withdrawals, text changes through search_stale, re-publication)
** with FTS5 set to tiny pages, a small pending-term buffer and eager
** merging, so that the index has many segments on several levels,
** incremental merges under way, doclists over many leaves with doclist
** indexes, and delete markers in newer segments.  The texts mix Chinese
** with digits, Latin in both cases and single spaces over four columns,
** with runs of one repeated character.  SQLite only.
*/
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "harness.h"
#include "storefix.h"
#include "lib/buf.h"
#include "lib/crypto.h"
#include "lib/textmatch.h"
#include "store/fts_cjk.h"
#include "store/fts_read.h"
#include "store/store_documents.h"
#include "store/store_search.h"

#define FR_N 160 /* documents */

/* The alphabet: a repeated character (哈) to make runs like 哈哈哈,
** Latin in both cases and digits; " " only between characters. */
static const char *const azFrChar[] = {"水", "质", "检", "测", "哈", "哈",
                                       "报", "A", "b", "B", "1", "2"};
#define FR_ALPHA ((int)(sizeof azFrChar / sizeof azFrChar[0]))

typedef struct FrDoc {
  int64_t id;
  char azCol[4][400]; /* title, 文号, body, keywords */
  char *azFold[4];
  int year;           /* of its published date */
  int bLive;
} FrDoc;

static uint32_t fr_rand(uint32_t *p) {
  *p = *p * 1103515245u + 12345u;
  return (*p >> 8) & 0xffffff;
}

/* nChar characters of the alphabet into z, a single space now and then
** (never first, last or doubled). */
static void fr_text(uint32_t *pSeed, char *z, int nChar) {
  z[0] = 0;
  for (int i = 0; i < nChar; i++) {
    if (i > 0 && i < nChar - 1 && fr_rand(pSeed) % 9 == 0) strcat(z, " ");
    strcat(z, azFrChar[fr_rand(pSeed) % FR_ALPHA]);
  }
}

static void fr_fold(FrDoc *d) {
  for (int c = 0; c < 4; c++) {
    Buf b = BUF_INIT;
    textmatch_fold(d->azCol[c], &b);
    free(d->azFold[c]);
    d->azFold[c] = strdup(buf_str(&b));
    buf_free(&b);
  }
}

static void fr_new_text(uint32_t *pSeed, FrDoc *d) {
  fr_text(pSeed, d->azCol[0], 4 + (int)(fr_rand(pSeed) % 8));
  fr_text(pSeed, d->azCol[1], 3);
  fr_text(pSeed, d->azCol[2], 20 + (int)(fr_rand(pSeed) % 100));
  fr_text(pSeed, d->azCol[3], 2 + (int)(fr_rand(pSeed) % 4));
  fr_fold(d);
}

/* Live documents (of year y, 0: any) holding every term of zQ, each in
** one column; -1 for a query without valid terms. */
static int fr_scan(const FrDoc *aDoc, int nDoc, const char *zQ, int y) {
  char **az;
  int nTerm, n = 0;
  if (textmatch_terms(zQ, &az, &nTerm, NULL) != TEXTMATCH_OK) return -1;
  for (int i = 0; i < nDoc; i++) {
    if (!aDoc[i].bLive || (y && aDoc[i].year != y)) continue;
    int bAll = 1;
    for (int t = 0; t < nTerm && bAll; t++) {
      int bIn = 0;
      for (int c = 0; c < 4 && !bIn; c++) bIn = strstr(aDoc[i].azFold[c], az[t]) != NULL;
      bAll = bIn;
    }
    n += bAll;
  }
  textmatch_terms_free(az, nTerm);
  return n;
}

/* store_search()'s exact count of zQ (year y, cap), fast count on or off,
** counted (the count cache off: it would answer the second way with the
** first way's number); -1 on error. */
static int fr_store_count(Store *s, const char *zQ, int y, int cap, int bFast) {
  Arena a = ARENA_INIT;
  SearchQuery q;
  memset(&q, 0, sizeof q);
  q.zQuery = zQ;
  q.bByDate = 1;
  q.countCap = cap;
  q.limit = 1;
  q.year = y;
  int64_t *aId;
  int n, total = -1;
  store_search_fast_count(s, bFast);
  store_search_count_cache(s, 0);
  int rc = store_search(s, &a, &q, &aId, &n, &total);
  store_search_count_cache(s, 1);
  store_search_fast_count(s, 1);
  arena_free(&a);
  return rc == STORE_OK ? total : -1;
}

/* fts_read_count() of zQ on its own connection to zPath: the count, or
** -1 when the reader did not answer (*pbAnswered 0). */
static int64_t fr_direct(const char *zPath, const char *zQ, int *pbAnswered) {
  sqlite3 *db;
  int64_t n = -1;
  *pbAnswered = 0;
  if (sqlite3_open(zPath, &db) != SQLITE_OK) return -1;
  Buf m = BUF_INIT, c = BUF_INIT;
  if (fts_cjk_query_split(zQ, &m, &c, NULL) == FTS_CJK_OK) {
    FtsReadQuery rq = {m.n ? buf_str(&m) : NULL, c.n ? buf_str(&c) : NULL, 0,
                       0, 0, -1};
    *pbAnswered = fts_read_count(db, &rq, &n) == FTS_READ_OK;
  }
  buf_free(&m);
  buf_free(&c);
  sqlite3_close(db);
  return *pbAnswered ? n : -1;
}

/* A query: a piece of a live document's column (1 to 7 characters, which
** may hold a space), a quoted piece with a space, or two pieces. */
static void fr_query(uint32_t *pSeed, const FrDoc *aDoc, int nDoc, char *zQ,
                     size_t nQ) {
  char azPart[2][64];
  int nPart = fr_rand(pSeed) % 5 == 0 ? 2 : 1;
  for (int k = 0; k < nPart; k++) {
    const FrDoc *d = &aDoc[fr_rand(pSeed) % (uint32_t)nDoc];
    const char *z = d->azCol[fr_rand(pSeed) % 4];
    if (fr_rand(pSeed) % 6 == 0) { /* not from a document: mostly absent */
      fr_text(pSeed, azPart[k], 2 + (int)(fr_rand(pSeed) % 5));
      continue;
    }
    size_t n = strlen(z), off = fr_rand(pSeed) % (n ? n : 1), e;
    while (off > 0 && ((unsigned char)z[off] & 0xC0) == 0x80) off--;
    int len = 1 + (int)(fr_rand(pSeed) % 7);
    e = off;
    for (int i = 0; i < len && e < n; i++) {
      e++;
      while (e < n && ((unsigned char)z[e] & 0xC0) == 0x80) e++;
    }
    while (e > off && z[e - 1] == ' ') e--;
    size_t b = off;
    while (b < e && z[b] == ' ') b++;
    if (e - b > 40) e = b + 40;
    int bQuote = memchr(z + b, ' ', e - b) != NULL && fr_rand(pSeed) % 2;
    snprintf(azPart[k], sizeof azPart[k], "%s%.*s%s", bQuote ? "\"" : "",
             (int)(e - b), z + b, bQuote ? "\"" : "");
    if (!azPart[k][0]) snprintf(azPart[k], sizeof azPart[k], "哈哈");
  }
  snprintf(zQ, nQ, "%s%s%s", azPart[0], nPart > 1 ? " " : "",
           nPart > 1 ? azPart[1] : "");
}

static int frQuiet; /* the deliberately broken run: no messages */

/* nQuery queries: the store's count with the reader, without it (FTS5)
** and the scan must agree, for all years, each year, and a cap of 3; the
** reader on its own connection must answer (or have a reason not to: a
** prefix term).  Returns the disagreements; *pnAnswered counts the
** queries the reader answered directly. */
static int fr_check(Store *s, const char *zPath, const FrDoc *aDoc, int nDoc,
                    uint32_t seed, int nQuery, int *pnAnswered) {
  int nBad = 0;
  *pnAnswered = 0;
  for (int k = 0; k < nQuery; k++) {
    char zQ[160];
    fr_query(&seed, aDoc, nDoc, zQ, sizeof zQ);
    int want = fr_scan(aDoc, nDoc, zQ, 0);
    if (want < 0) continue;
    int bAns;
    int64_t direct = fr_direct(zPath, zQ, &bAns);
    *pnAnswered += bAns;
    if (bAns && direct != want) {
      nBad++;
      if (!frQuiet) fprintf(stderr, "  fts_read_count [%s]: %lld, scan %d\n", zQ, (long long)direct, want);
    }
    int y = k % 3 == 0 ? 0 : k % 3 == 1 ? 2025 : 2026;
    int wantY = fr_scan(aDoc, nDoc, zQ, y);
    int got = fr_store_count(s, zQ, y, -1, 1);
    int got5 = fr_store_count(s, zQ, y, -1, 0);
    int gotCap = fr_store_count(s, zQ, 0, 3, 1);
    if (got != wantY || got5 != wantY || gotCap != (want > 3 ? 4 : want)) {
      nBad++;
      if (!frQuiet) fprintf(stderr, "  count [%s] year %d: %d, FTS5 %d, scan %d (cap 3: %d)\n",
              zQ, y, got, got5, wantY, gotCap);
    }
  }
  return nBad;
}

/* The direct count of each of nQuery queries split over two threads at
** every key of search_doc (the FTS5 rowid) and one past it must equal the
** scan (the segments overlap in rowids after text changes and
** withdrawals: a rowid with entries in several segments is a split point
** too).  Returns the disagreements; *pnSplit the split counts made. */
static int fr_check_splits(const char *zPath, const FrDoc *aDoc, int nDoc,
                           uint32_t seed, int nQuery, int64_t *pnSplit) {
  sqlite3 *db;
  int nBad = 0;
  int64_t nSplit0 = fts_read_splits, aAt[2 * FR_N + 2];
  int nAt = 0;
  sqlite3_stmt *st;
  if (sqlite3_open(zPath, &db) != SQLITE_OK) return -1;
  if (sqlite3_prepare_v2(db, "SELECT id FROM search_doc ORDER BY id", -1, &st,
                         NULL) != SQLITE_OK) {
    sqlite3_close(db);
    return -1;
  }
  while (sqlite3_step(st) == SQLITE_ROW && nAt < 2 * FR_N) {
    aAt[nAt++] = sqlite3_column_int64(st, 0);
    aAt[nAt++] = sqlite3_column_int64(st, 0) + 1;
  }
  sqlite3_finalize(st);
  size_t splitMin = fts_read_split_min;
  fts_read_split_min = 0;
  for (int k = 0; k < nQuery; k++) {
    char zQ[160];
    fr_query(&seed, aDoc, nDoc, zQ, sizeof zQ);
    int want = fr_scan(aDoc, nDoc, zQ, 0);
    Buf m = BUF_INIT, c = BUF_INIT;
    if (want < 0 || fts_cjk_query_split(zQ, &m, &c, NULL) != FTS_CJK_OK) {
      buf_free(&m);
      buf_free(&c);
      continue;
    }
    FtsReadQuery rq = {m.n ? buf_str(&m) : NULL, c.n ? buf_str(&c) : NULL, 0,
                       0, 0, -1};
    for (int i = 0; i < nAt; i++) {
      int64_t n = -1, at = aAt[i];
      fts_read_split_at = at;
      int rc = fts_read_count(db, &rq, &n);
      if (rc == FTS_READ_OK && n != want) {
        nBad++;
        if (!frQuiet) fprintf(stderr, "  split at %lld [%s]: %lld, scan %d\n",
                              (long long)at, zQ, (long long)n, want);
      }
    }
    buf_free(&m);
    buf_free(&c);
  }
  fts_read_split_at = 0;
  fts_read_split_min = splitMin;
  sqlite3_close(db);
  *pnSplit = fts_read_splits - nSplit0;
  return nBad;
}

/* Runs SQL on zPath through its own connection with the tokenizer. */
static int fr_exec(const char *zPath, const char *zSql) {
  sqlite3 *db;
  if (sqlite3_open(zPath, &db) != SQLITE_OK) return -1;
  int rc = fts_cjk_register(db) == FTS_CJK_OK
               ? sqlite3_exec(db, zSql, NULL, NULL, NULL) : -1;
  sqlite3_close(db);
  return rc;
}

/* Segments of search_fts (levels: their number into *pnLevel) and
** whether an incremental merge is under way, from the structure record. */
static int fr_segments(const char *zPath, int *pnLevel, int *pbMerging) {
  sqlite3 *db;
  sqlite3_stmt *st;
  int nSeg = -1;
  *pnLevel = 0;
  *pbMerging = 0;
  if (sqlite3_open(zPath, &db) != SQLITE_OK) return -1;
  if (sqlite3_prepare_v2(db, "SELECT block FROM search_fts_data WHERE id=10", -1,
                         &st, NULL) == SQLITE_OK &&
      sqlite3_step(st) == SQLITE_ROW) {
    /* Small values: every varint is one byte here. */
    const unsigned char *a = sqlite3_column_blob(st, 0);
    int n = sqlite3_column_bytes(st, 0);
    if (n > 7 && a[4] < 0x80 && a[5] < 0x80) {
      *pnLevel = a[4];
      nSeg = a[5];
      int i = 4 + 3;
      while (a[i - 1] & 0x80) i++; /* the write counter */
      for (int l = 0; l < *pnLevel && i + 1 < n; l++) {
        int nMerge = a[i], nLvl = a[i + 1];
        i += 2;
        if (nMerge) *pbMerging = 1;
        for (int k = 0; k < nLvl * 3 && i < n; k++) {
          while (i < n && (a[i] & 0x80)) i++;
          i++;
        }
      }
    }
  }
  sqlite3_finalize(st);
  sqlite3_close(db);
  return nSeg;
}

static Store *fr_open(char zPath[128], int64_t *pOrg, int64_t *pUser) {
  char zDir[] = "/tmp/gk-fts-read-XXXXXX";
  Store *s = fix_org_store(zDir, zPath, pOrg, pUser);
  if (!s) return NULL;
  /* Tiny leaves (doclists over many of them, with doclist indexes), a
  ** small pending buffer (segments written inside a transaction) and
  ** merges of two segments at a time, a little at each write. */
  const char *zCfg =
      "INSERT INTO search_fts(search_fts, rank) VALUES('pgsz', 64);"
      "INSERT INTO search_fts(search_fts, rank) VALUES('hashsize', 4096);"
      "INSERT INTO search_fts(search_fts, rank) VALUES('automerge', 2);"
      "INSERT INTO search_fts(search_fts, rank) VALUES('crisismerge', 64);"
      "INSERT INTO search_chr(search_chr, rank) VALUES('pgsz', 64);"
      "INSERT INTO search_chr(search_chr, rank) VALUES('hashsize', 4096);"
      "INSERT INTO search_chr(search_chr, rank) VALUES('automerge', 2);";
  if (fr_exec(zPath, zCfg) != SQLITE_OK) return NULL;
  return s;
}

static void fr_close(Store *s, const char *zPath) {
  char z[160];
  store_close(s);
  const char *azSuffix[] = {"", "-wal", "-shm"};
  for (int i = 0; i < 3; i++) {
    snprintf(z, sizeof z, "%s%s", zPath, azSuffix[i]);
    unlink(z);
  }
  snprintf(z, sizeof z, "%s", zPath);
  char *zSlash = strrchr(z, '/');
  if (zSlash) {
    *zSlash = 0;
    rmdir(z);
  }
}

static int64_t fr_add(Store *s, Arena *a, int64_t org, int64_t user, FrDoc *d,
                      int i) {
  Doc x;
  memset(&x, 0, sizeof x);
  x.orgId = org;
  x.zTitle = d->azCol[0];
  x.zDocNumber = d->azCol[1];
  x.zBody = d->azCol[2];
  x.zKeywords = d->azCol[3];
  x.zMode = "proactive";
  x.zFormedDate = "2025-01-05";
  x.zGenre = "通知";
  x.createdBy = user;
  if (store_doc_add(s, &x) != STORE_OK) return 0;
  char zDate[16];
  d->year = i % 2 ? 2026 : 2025;
  snprintf(zDate, sizeof zDate, "%d-%02d-%02d", d->year, 1 + i % 12, 1 + i % 28);
  d->id = x.id;
  d->bLive = store_doc_publish(s, a, x.id, "published", zDate) == STORE_OK;
  return d->bLive ? x.id : 0;
}

TEST(fts_read_counts_equal_fts5_and_a_scan_across_segments_and_changes) {
  if (fix_on_pg()) return; /* FTS5 only */
  char zPath[128];
  int64_t org, user;
  Store *s = fr_open(zPath, &org, &user);
  CHECK(s != NULL);
  if (!s) return;
  Arena a = ARENA_INIT;
  static FrDoc aDoc[FR_N];
  memset(aDoc, 0, sizeof aDoc);
  uint32_t seed = 5;
  int nAns, nDoc = 0;
  /* Half one publication per transaction, half in batches of 20. */
  for (; nDoc < FR_N / 2; nDoc++) {
    fr_new_text(&seed, &aDoc[nDoc]);
    CHECK(fr_add(s, &a, org, user, &aDoc[nDoc], nDoc) > 0);
  }
  while (nDoc < FR_N) {
    CHECK_INT(store_begin(s), STORE_OK);
    for (int k = 0; k < 20 && nDoc < FR_N; k++, nDoc++) {
      fr_new_text(&seed, &aDoc[nDoc]);
      CHECK(fr_add(s, &a, org, user, &aDoc[nDoc], nDoc) > 0);
    }
    CHECK_INT(store_commit(s), STORE_OK);
  }
  int nLevel, bMerging;
  int nSeg = fr_segments(zPath, &nLevel, &bMerging);
  CHECK(nSeg >= 3);
  CHECK(nLevel >= 2);
  CHECK_INT(fr_check(s, zPath, aDoc, nDoc, 1, 150, &nAns), 0);
  CHECK(nAns > 100);
  /* Withdrawals (delete markers in newer segments), new texts for
  ** published documents (the old terms removed through search_stale),
  ** and some withdrawn ones published again. */
  for (int i = 0; i < FR_N; i += 4) {
    CHECK_INT(store_doc_withdraw(s, &a, aDoc[i].id, "内容有误"), STORE_OK);
    aDoc[i].bLive = 0;
  }
  CHECK_INT(fr_check(s, zPath, aDoc, nDoc, 2, 150, &nAns), 0);
  CHECK(nAns > 100);
  /* A merge left half done: its input segments trimmed at their front
  ** (first leaf > 1, rewritten), its output holding the terms before. */
  CHECK_INT(fr_exec(zPath, "INSERT INTO search_fts(search_fts, rank) VALUES('merge', 40);"
                           "INSERT INTO search_chr(search_chr, rank) VALUES('merge', 20);"),
            SQLITE_OK);
  nSeg = fr_segments(zPath, &nLevel, &bMerging);
  CHECK(bMerging);
  CHECK_INT(fr_check(s, zPath, aDoc, nDoc, 6, 150, &nAns), 0);
  CHECK(nAns > 100);
  for (int i = 1; i < FR_N; i += 5) {
    if (!aDoc[i].bLive) continue;
    fr_text(&seed, aDoc[i].azCol[0], 6);
    fr_text(&seed, aDoc[i].azCol[2], 60);
    fr_fold(&aDoc[i]);
    CHECK_INT(store_doc_set_text(s, aDoc[i].id, aDoc[i].azCol[0], aDoc[i].azCol[2]),
              STORE_OK);
    CHECK_INT(store_search_sync(s, aDoc[i].id), STORE_OK);
  }
  CHECK_INT(fr_check(s, zPath, aDoc, nDoc, 3, 150, &nAns), 0);
  CHECK(nAns > 100);
  for (int i = 0; i < FR_N; i += 8) {
    CHECK_INT(store_doc_publish(s, &a, aDoc[i].id, "published",
                                aDoc[i].year == 2026 ? "2026-06-01" : "2025-06-01"),
              STORE_OK);
    aDoc[i].bLive = 1;
  }
  nSeg = fr_segments(zPath, &nLevel, &bMerging);
  CHECK(nSeg >= 3);
  CHECK_INT(fr_check(s, zPath, aDoc, nDoc, 4, 200, &nAns), 0);
  CHECK(nAns > 130);
  /* The count split over two threads at every rowid (FTS5's and the
  ** store's counts above were single-threaded: below fts_read_split_min),
  ** and a split that loses the rowid at the cut is caught. */
  int64_t nSplit;
  CHECK_INT(fr_check_splits(zPath, aDoc, nDoc, 8, 30, &nSplit), 0);
  CHECK(nSplit > 30 * FR_N);
  fts_read_break_split = frQuiet = 1;
  CHECK(fr_check_splits(zPath, aDoc, nDoc, 8, 30, &nSplit) > 0);
  fts_read_break_split = frQuiet = 0;
  /* Every count split where the bytes halve (the store's too). */
  fts_read_split_min = 0;
  int64_t nSplit0 = fts_read_splits;
  CHECK_INT(fr_check(s, zPath, aDoc, nDoc, 4, 200, &nAns), 0);
  CHECK(fts_read_splits - nSplit0 > 300); /* year ranges split too */
  fts_read_split_min = (size_t)1 << 20;
  /* A reader that ignores delete markers is caught by the same check. */
  fts_read_break_deletes = frQuiet = 1;
  int nBroken = fr_check(s, zPath, aDoc, nDoc, 4, 200, &nAns);
  fts_read_break_deletes = frQuiet = 0;
  CHECK(nBroken > 0);
  /* After 'optimize' (one segment) as before. */
  CHECK_INT(fr_exec(zPath, "INSERT INTO search_fts(search_fts) VALUES('optimize');"
                           "INSERT INTO search_chr(search_chr) VALUES('optimize');"),
            SQLITE_OK);
  CHECK_INT(fr_segments(zPath, &nLevel, &bMerging), 1);
  CHECK_INT(fr_check(s, zPath, aDoc, nDoc, 5, 150, &nAns), 0);
  for (int i = 0; i < FR_N; i++)
    for (int c = 0; c < 4; c++) free(aDoc[i].azFold[c]);
  arena_free(&a);
  fr_close(s, zPath);
}

/* Hand-made cases on the real tables: repeated characters, a phrase that
** would span a space or two columns, folding, one-character terms. */
TEST(fts_read_phrases_runs_columns_and_repeats) {
  if (fix_on_pg()) return;
  char zPath[128];
  int64_t org, user;
  Store *s = fr_open(zPath, &org, &user);
  CHECK(s != NULL);
  if (!s) return;
  Arena a = ARENA_INIT;
  static FrDoc aDoc[6];
  memset(aDoc, 0, sizeof aDoc);
  const char *azText[6][4] = {
      {"哈哈哈", "", "水质 检测报告", ""},          /* 0 */
      {"哈哈", "", "哈哈 哈哈", ""},                /* 1: no 哈哈哈 */
      {"水质检", "", "测报告ABC", ""},              /* 2: 水质检测 only across columns */
      {"第1期", "", "abc水质检测2026", "检测"},     /* 3 */
      {"报告", "", "哈哈哈哈", "哈"},               /* 4 */
      {"b", "", "水 质检测", ""}};                  /* 5: 水质检测 only across a space */
  for (int i = 0; i < 6; i++) {
    for (int c = 0; c < 4; c++)
      snprintf(aDoc[i].azCol[c], sizeof aDoc[i].azCol[c], "%s", azText[i][c]);
    fr_fold(&aDoc[i]);
    CHECK(fr_add(s, &a, org, user, &aDoc[i], i) > 0);
  }
  /* Expected counts worked out from the texts above. */
  const struct {
    const char *zQ;
    int n;
  } aCase[] = {{"哈哈哈", 2},     {"哈哈哈哈", 1}, {"哈哈", 3},
               {"水质检测", 1},   {"质检测", 2},   {"水质", 3},
               {"\"水质 检测\"", 1}, {"ABC", 2},   {"abc水质", 1},
               {"检测 报告", 1},  {"哈", 3},       {"b 检测", 2},
               {"测报告abc", 1},  {"2026", 1},     {"水质检测报告", 0}};
  for (size_t k = 0; k < sizeof aCase / sizeof aCase[0]; k++) {
    CHECK_INT(fr_scan(aDoc, 6, aCase[k].zQ, 0), aCase[k].n);
    int bAns;
    int64_t n = fr_direct(zPath, aCase[k].zQ, &bAns);
    CHECK(bAns);
    CHECK_INT((int)n, aCase[k].n);
    CHECK_INT(fr_store_count(s, aCase[k].zQ, 0, -1, 1), aCase[k].n);
    CHECK_INT(fr_store_count(s, aCase[k].zQ, 0, -1, 0), aCase[k].n);
  }
  /* A prefix term ("水 质" ends with a one-character run) is FTS5's. */
  int bAns;
  fr_direct(zPath, "\"水 质\"", &bAns);
  CHECK(!bAns);
  CHECK_INT(fr_store_count(s, "\"水 质\"", 0, -1, 1), 1);
  for (int i = 0; i < 6; i++)
    for (int c = 0; c < 4; c++) free(aDoc[i].azFold[c]);
  arena_free(&a);
  fr_close(s, zPath);
}

/* What the reader must leave to FTS5: a connection inside a transaction
** (FTS5 keeps pending terms in memory), a data version it does not know. */
TEST(fts_read_declines_transactions_and_unknown_versions) {
  if (fix_on_pg()) return;
  char zPath[128];
  int64_t org, user;
  Store *s = fr_open(zPath, &org, &user);
  CHECK(s != NULL);
  if (!s) return;
  Arena a = ARENA_INIT;
  FrDoc d;
  memset(&d, 0, sizeof d);
  snprintf(d.azCol[0], sizeof d.azCol[0], "水质检测");
  fr_fold(&d);
  CHECK(fr_add(s, &a, org, user, &d, 0) > 0);
  int bAns;
  CHECK_INT((int)fr_direct(zPath, "水质检测", &bAns), 1);
  CHECK(bAns);
  sqlite3 *db;
  CHECK_INT(sqlite3_open(zPath, &db), SQLITE_OK);
  FtsReadQuery rq = {"\"水质检测\"", NULL, 0, 0, 0, -1};
  int64_t n = -1;
  CHECK_INT(sqlite3_exec(db, "BEGIN", NULL, NULL, NULL), SQLITE_OK);
  CHECK_INT(fts_read_count(db, &rq, &n), FTS_READ_UNKNOWN);
  CHECK_INT(sqlite3_exec(db, "COMMIT", NULL, NULL, NULL), SQLITE_OK);
  CHECK_INT(fts_read_count(db, &rq, &n), FTS_READ_OK);
  CHECK_INT((int)n, 1);
  /* A prefix term, a bareword: not the forms of fts_cjk_query_split. */
  FtsReadQuery rq2 = {"\"水质\"*", NULL, 0, 0, 0, -1};
  CHECK_INT(fts_read_count(db, &rq2, &n), FTS_READ_UNKNOWN);
  FtsReadQuery rq3 = {"水质", NULL, 0, 0, 0, -1};
  CHECK_INT(fts_read_count(db, &rq3, &n), FTS_READ_UNKNOWN);
  /* Another data version. */
  CHECK_INT(sqlite3_exec(db, "UPDATE search_fts_config SET v=5 WHERE k='version'",
                         NULL, NULL, NULL), SQLITE_OK);
  CHECK_INT(fts_read_count(db, &rq, &n), FTS_READ_UNKNOWN);
  CHECK_INT(sqlite3_exec(db, "UPDATE search_fts_config SET v=4 WHERE k='version'",
                         NULL, NULL, NULL), SQLITE_OK);
  sqlite3_close(db);
  /* Inside the store's transaction the count sees its own pending write
  ** (FTS5 answers it). */
  CHECK_INT(store_begin(s), STORE_OK);
  FrDoc e;
  memset(&e, 0, sizeof e);
  snprintf(e.azCol[2], sizeof e.azCol[2], "水质检测");
  fr_fold(&e);
  CHECK(fr_add(s, &a, org, user, &e, 1) > 0);
  CHECK_INT(fr_store_count(s, "水质检测", 0, -1, 1), 2);
  store_rollback(s);
  CHECK_INT(fr_store_count(s, "水质检测", 0, -1, 1), 1);
  free(d.azFold[0]); free(d.azFold[1]); free(d.azFold[2]); free(d.azFold[3]);
  free(e.azFold[0]); free(e.azFold[1]); free(e.azFold[2]); free(e.azFold[3]);
  arena_free(&a);
  fr_close(s, zPath);
}
