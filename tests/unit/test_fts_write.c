/*
** test_fts_write.c — the search index written as FTS5 segments by the
** store (store/fts_write.c) against the index FTS5's own insert writes.
** Three oracles: (1) the segment of one flush is byte for byte the one
** FTS5 writes when it flushes the same rows as one segment (leaves,
** %_idx, doclist indexes, %_docsize, averages, structure); (2) FTS5's
** integrity-check of both tables after bulk batches mixed with ordinary
** edits through FTS5 (new texts, withdrawals, attachments, publications
** one by one) on tiny leaves with eager merging; (3) the same corpus
** through both writers gives the same answers to generated queries:
** newest first, relevance, capped and exact counts (FTS5's and the
** store's reader), and equal to a substring scan.  Each also with the
** entries of the documents without attachments prepared beforehand
** (store/fts_prep.h, as `docs import` prepares them on its reader thread)
** and handed to the store: the same bytes and answers.  SQLite only.
*/
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "harness.h"
#include "storefix.h"
#include "lib/buf.h"
#include "lib/textmatch.h"
#include "store/fts_cjk.h"
#include "store/fts_write.h"
#include "store/sqlite_textpack.h"
#include "store/store_admin.h"
#include "store/store_documents.h"
#include "store/store_search.h"

#define FW_N 240 /* documents */

/* Chinese, Latin in both cases, digits, punctuation (full and half
** width); white space is added by fw_text. */
static const char *const azFwChar[] = {"水", "质", "检", "测", "哈", "哈", "报",
                                       "A", "b", "B", "1", "2", "〔", "。",
                                       ",", "Ｑ", "-"};
#define FW_ALPHA ((int)(sizeof azFwChar / sizeof azFwChar[0]))
static const char *const azFwSpace[] = {" ", "  ", "\t", "\xe3\x80\x80", " \n "};

typedef struct FwDoc {
  int64_t id;
  char azCol[4][6000]; /* title, 文号, body, keywords */
  char *azFold[4];
  char zAtt[200];      /* attachment text ("" none) */
  char *zAttFold;
  int bLive;
} FwDoc;

static uint32_t fw_rand(uint32_t *p) {
  *p = *p * 1103515245u + 12345u;
  return (*p >> 8) & 0xffffff;
}

/* nChar characters into z with white space runs now and then. */
static void fw_text(uint32_t *pSeed, char *z, int nChar) {
  z[0] = 0;
  for (int i = 0; i < nChar; i++) {
    if (i > 0 && i < nChar - 1 && fw_rand(pSeed) % 9 == 0)
      strcat(z, azFwSpace[fw_rand(pSeed) % 5]);
    strcat(z, azFwChar[fw_rand(pSeed) % FW_ALPHA]);
  }
}

static char *fold(const char *z) {
  Buf b = BUF_INIT;
  textmatch_fold(z, &b);
  char *r = strdup(buf_str(&b));
  buf_free(&b);
  return r;
}

static void fw_fold(FwDoc *d) {
  for (int c = 0; c < 4; c++) {
    free(d->azFold[c]);
    d->azFold[c] = fold(d->azCol[c]);
  }
  free(d->zAttFold);
  d->zAttFold = fold(d->zAtt);
}

/* A document's texts: empty keywords at times, a long body (doclists
** over many leaves) at times, a long run of one character at times. */
static void fw_new_text(uint32_t *pSeed, FwDoc *d, int i) {
  fw_text(pSeed, d->azCol[0], 4 + (int)(fw_rand(pSeed) % 8));
  fw_text(pSeed, d->azCol[1], 3);
  fw_text(pSeed, d->azCol[2], i % 7 == 0 ? 700 : 20 + (int)(fw_rand(pSeed) % 100));
  if (i % 10 == 3) { /* one run of 1,500 哈: a position list over leaves */
    d->azCol[2][0] = 0;
    for (int k = 0; k < 1500; k++) strcat(d->azCol[2], "哈");
  }
  if (i % 5 == 0) d->azCol[3][0] = 0;
  else fw_text(pSeed, d->azCol[3], 2 + (int)(fw_rand(pSeed) % 4));
  d->zAtt[0] = 0;
  if (i % 6 == 1) fw_text(pSeed, d->zAtt, 30);
  fw_fold(d);
}

/* Live documents holding every term of zQ (each in one column, the
** attachment's file name and text included). */
static int fw_scan(const FwDoc *aDoc, int nDoc, const char *zQ) {
  char **az;
  int nTerm, n = 0;
  if (textmatch_terms(zQ, &az, &nTerm, NULL) != TEXTMATCH_OK) return -1;
  for (int i = 0; i < nDoc; i++) {
    if (!aDoc[i].bLive) continue;
    int bAll = 1;
    for (int t = 0; t < nTerm && bAll; t++) {
      int bIn = aDoc[i].zAtt[0] && (strstr(aDoc[i].zAttFold, az[t]) ||
                                    strstr("att.txt", az[t]));
      for (int c = 0; c < 4 && !bIn; c++) bIn = strstr(aDoc[i].azFold[c], az[t]) != NULL;
      bAll = bIn;
    }
    n += bAll;
  }
  textmatch_terms_free(az, nTerm);
  return n;
}

static int fw_exec(const char *zPath, const char *zSql) {
  sqlite3 *db;
  if (sqlite3_open(zPath, &db) != SQLITE_OK) return -1;
  int rc = fts_cjk_register(db) == FTS_CJK_OK &&
                   sqlite_textpack_register(db) == SQLITE_OK
               ? sqlite3_exec(db, zSql, NULL, NULL, NULL) : -1;
  sqlite3_close(db);
  return rc;
}

static int fw_integrity(const char *zPath) {
  return fw_exec(zPath,
                 "INSERT INTO search_fts(search_fts, rank) VALUES('integrity-check', 1);"
                 "INSERT INTO search_chr(search_chr, rank) VALUES('integrity-check', 1)");
}

/* The rows of zSql on zPath, appended to b (one line per row). */
static void fw_dump(const char *zPath, const char *zSql, Buf *b) {
  sqlite3 *db;
  sqlite3_stmt *st;
  if (sqlite3_open(zPath, &db) != SQLITE_OK) return;
  if (sqlite3_prepare_v2(db, zSql, -1, &st, NULL) == SQLITE_OK) {
    while (sqlite3_step(st) == SQLITE_ROW) {
      for (int i = 0; i < sqlite3_column_count(st); i++) {
        const unsigned char *a = sqlite3_column_blob(st, i);
        int n = sqlite3_column_bytes(st, i);
        buf_printf(b, "%d:", sqlite3_column_type(st, i));
        for (int k = 0; k < n; k++) {
          char zHex[3];
          snprintf(zHex, sizeof zHex, "%02x", a[k]);
          buf_append(b, zHex, 2);
        }
        buf_append(b, " ", 1);
      }
      buf_append(b, "\n", 1);
    }
  } else {
    buf_printf(b, "error %s\n", sqlite3_errmsg(db));
  }
  sqlite3_finalize(st);
  sqlite3_close(db);
}

/* The integer of zSql's first row on zPath, -1 on error. */
static int64_t fw_int(const char *zPath, const char *zSql) {
  sqlite3 *db;
  sqlite3_stmt *st;
  int64_t v = -1;
  if (sqlite3_open(zPath, &db) != SQLITE_OK) return -1;
  if (sqlite3_prepare_v2(db, zSql, -1, &st, NULL) == SQLITE_OK &&
      sqlite3_step(st) == SQLITE_ROW)
    v = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  sqlite3_close(db);
  return v;
}

static Store *fw_open(char zPath[128], int64_t *pOrg, int64_t *pUser,
                      const char *zCfg) {
  char zDir[] = "/tmp/gk-fts-write-XXXXXX";
  Store *s = fix_org_store(zDir, zPath, pOrg, pUser);
  if (!s) return NULL;
  if (zCfg && fw_exec(zPath, zCfg) != SQLITE_OK) {
    store_close(s);
    return NULL;
  }
  return s;
}

static void fw_close(Store *s, const char *zPath) {
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

/* When set, fw_add() hands the store the prepared index entries of each
** document without an attachment (store_search_give), as `docs import`
** does; those with one are read and tokenized by the writer. */
static FtsPrepper *fwPrep;

/* Adds document i as a draft (with its attachment), and publishes it. */
static int fw_add(Store *s, Arena *a, int64_t org, int64_t user, FwDoc *d,
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
  d->id = x.id;
  if (d->zAtt[0] &&
      store_doc_attach_text(s, x.id, "att.txt", "text/plain", d->zAtt,
                            strlen(d->zAtt), d->zAtt, "", user, NULL) != STORE_OK)
    return 0;
  char zDate[16];
  snprintf(zDate, sizeof zDate, "2025-%02d-%02d", 1 + i % 12, 1 + i % 28);
  d->bLive = store_doc_publish(s, a, x.id, "published", zDate) == STORE_OK;
  if (d->bLive && fwPrep && !d->zAtt[0])
    store_search_give(s, x.id, fts_prep_doc(fwPrep, &x));
  return d->bLive;
}

/* Documents [i0, i1) published in one deferred batch (one flush), as
** `docs import` does. */
static int fw_batch(Store *s, Arena *a, int64_t org, int64_t user, FwDoc *aDoc,
                    int i0, int i1) {
  int ok = store_search_defer(s, 1) == STORE_OK && store_begin(s) == STORE_OK;
  for (int i = i0; i < i1 && ok; i++) ok = fw_add(s, a, org, user, &aDoc[i], i);
  ok = ok && store_search_flush(s) == STORE_OK && store_commit(s) == STORE_OK;
  return ok && store_search_defer(s, 0) == STORE_OK;
}

#define FW_SHADOW(t)                                                          \
  "SELECT id, block FROM " t "_data ORDER BY id",                            \
  "SELECT segid, term, pgno FROM " t "_idx ORDER BY 1, 2",                   \
  "SELECT id, sz FROM " t "_docsize ORDER BY id"

/* (1) One batch into an empty index, FTS5's pending buffer large enough
** to flush it as one segment: the same bytes. */
TEST(fts_write_same_bytes_as_fts5_flush) {
  if (fix_on_pg()) return;
  static FwDoc aDoc[FW_N];
  const char *azCfg[] = {
      "INSERT INTO search_fts(search_fts, rank) VALUES('pgsz', 64);"
      "INSERT INTO search_fts(search_fts, rank) VALUES('hashsize', 1000000000);"
      "INSERT INTO search_chr(search_chr, rank) VALUES('pgsz', 64);"
      "INSERT INTO search_chr(search_chr, rank) VALUES('hashsize', 1000000000);",
      "INSERT INTO search_fts(search_fts, rank) VALUES('hashsize', 1000000000);"
      "INSERT INTO search_chr(search_chr, rank) VALUES('hashsize', 1000000000);"};
  const char *azSql[] = {FW_SHADOW("search_fts"), FW_SHADOW("search_chr")};
  for (int k = 0; k < 2; k++) {
    Buf aDump[3] = {BUF_INIT, BUF_INIT, BUF_INIT};
    for (int w = 0; w < 3; w++) {
      char zPath[128];
      int64_t org, user;
      Arena a = ARENA_INIT;
      uint32_t seed = 11;
      Store *s = fw_open(zPath, &org, &user, azCfg[k]);
      CHECK(s != NULL);
      if (!s) return;
      store_search_segwrite(s, w != 0);
      fts_write_no_merge = 1;
      for (int i = 0; i < FW_N; i++) fw_new_text(&seed, &aDoc[i], i);
      int64_t nWrote = fts_write_batches, nPrep = fts_write_prepared;
      if (w == 2) fwPrep = fts_prepper_new();
      CHECK(fw_batch(s, &a, org, user, aDoc, 0, FW_N));
      fts_prepper_free(fwPrep);
      fwPrep = NULL;
      CHECK_INT(fts_write_batches - nWrote, w != 0); /* the writer wrote it */
      /* w 2: every document without an attachment came prepared. */
      int nNoAtt = 0;
      for (int i = 0; i < FW_N; i++) nNoAtt += !aDoc[i].zAtt[0];
      CHECK(nNoAtt > FW_N / 4 && nNoAtt < FW_N);
      CHECK_INT(fts_write_prepared - nPrep, w == 2 ? nNoAtt : 0);
      fts_write_no_merge = 0;
      for (int q = 0; q < 6; q++) fw_dump(zPath, azSql[q], &aDump[w]);
      /* With 64-byte leaves, long doclists have doclist indexes, some of
      ** more than one level. */
      if (k == 0 && w != 0) {
        CHECK(fw_int(zPath, "SELECT count(*) FROM search_fts_data"
                            " WHERE (id >> 36) & 1") > 10);
        CHECK(fw_int(zPath, "SELECT count(*) FROM search_fts_data"
                            " WHERE (id >> 36) & 1 AND (id >> 31) & 31") > 0);
      }
      CHECK_INT(fw_integrity(zPath), SQLITE_OK);
      arena_free(&a);
      fw_close(s, zPath);
    }
    CHECK(aDump[0].n > 10000);
    for (int w = 1; w < 3; w++) {
      CHECK(aDump[0].n == aDump[w].n &&
            memcmp(buf_str(&aDump[0]), buf_str(&aDump[w]), aDump[0].n) == 0);
      buf_free(&aDump[w]);
    }
    buf_free(&aDump[0]);
  }
}

/* A query from document d's text: 1-8 characters of one of its folded
** columns (quoted when they hold a space), sometimes two such terms. */
static void fw_query(uint32_t *pSeed, const FwDoc *aDoc, int nDoc, char *zQ) {
  zQ[0] = 0;
  int nTerm = 1 + (fw_rand(pSeed) % 4 == 0);
  for (int t = 0; t < nTerm; t++) {
    const FwDoc *d = &aDoc[fw_rand(pSeed) % (uint32_t)nDoc];
    const char *z = d->azFold[fw_rand(pSeed) % 4];
    int n = (int)strlen(z), nChar = 0, aOff[3000];
    for (int i = 0; i < n && nChar < 2999; i++)
      if (((unsigned char)z[i] & 0xC0) != 0x80) aOff[nChar++] = i;
    aOff[nChar] = n;
    if (nChar == 0) continue;
    int len = 1 + (int)(fw_rand(pSeed) % 8), i0 = (int)(fw_rand(pSeed) % (uint32_t)nChar);
    if (i0 + len > nChar) len = nChar - i0;
    char zT[200];
    int nb = aOff[i0 + len] - aOff[i0];
    memcpy(zT, z + aOff[i0], (size_t)nb);
    zT[nb] = 0;
    while (nb > 0 && zT[nb - 1] == ' ') zT[--nb] = 0; /* no space at an end */
    char *p = zT;
    while (*p == ' ') p++;
    if (!*p) continue;
    if (zQ[0]) strcat(zQ, " ");
    if (strchr(p, ' ') || strchr(p, '"')) {
      if (strchr(p, '"')) continue;
      strcat(zQ, "\"");
      strcat(zQ, p);
      strcat(zQ, "\"");
    } else {
      strcat(zQ, p);
    }
  }
  if (!zQ[0]) strcpy(zQ, "水质");
}

/* Appends store s's answers to zQ: newest first and by relevance (ids,
** up to 50), the capped count, and the exact count read by the store and
** by FTS5 (the count cache off). */
static int fw_answers(Store *s, const char *zQ, Buf *b) {
  int aTotal[4] = {-1, -1, -1, -1};
  buf_printf(b, "%s:", zQ);
  store_search_count_cache(s, 0);
  for (int k = 0; k < 4; k++) {
    Arena a = ARENA_INIT;
    SearchQuery q;
    memset(&q, 0, sizeof q);
    q.zQuery = zQ;
    q.bByDate = k != 1;
    q.limit = 50;
    q.countCap = k == 1 ? 0 : -1;
    store_search_fast_count(s, k != 3);
    int64_t *aId;
    int n;
    if (store_search(s, &a, &q, &aId, &n, &aTotal[k]) != STORE_OK) buf_printf(b, " error");
    for (int i = 0; k < 2 && i < n; i++) buf_printf(b, " %lld", (long long)aId[i]);
    buf_printf(b, " | %d |", aTotal[k]);
    arena_free(&a);
  }
  store_search_fast_count(s, 1);
  store_search_count_cache(s, 1);
  buf_append(b, "\n", 1);
  return aTotal[0] == aTotal[2] && aTotal[2] == aTotal[3] ? aTotal[0] : -2;
}

/* Sets a new text for document d through the normal path. */
static int fw_retext(Store *s, uint32_t *pSeed, FwDoc *d) {
  fw_text(pSeed, d->azCol[0], 6);
  fw_text(pSeed, d->azCol[2], 60);
  fw_fold(d);
  return store_doc_set_text(s, d->id, d->azCol[0], d->azCol[2]) == STORE_OK &&
         store_search_sync(s, d->id) == STORE_OK;
}

/* Builds the corpus in a store whose flushes use FTS5's insert (bStore
** 0) or the store's writer (1; 2: without the merge work after it; 3:
** with prepared entries handed over, fwPrep), with edits through FTS5
** between and inside the batches; its
** answers to the generated queries go to b.  Returns the number of
** queries whose counts differed from a substring scan or between the
** store's reader and FTS5 (0 expected), -1 on setup failure. */
static int fw_build(int bStore, FwDoc *aDoc, Buf *b) {
  char zPath[128];
  int64_t org, user;
  Arena a = ARENA_INIT;
  uint32_t seed = 23;
  Store *s = fw_open(zPath, &org, &user,
      "INSERT INTO search_fts(search_fts, rank) VALUES('pgsz', 64);"
      "INSERT INTO search_fts(search_fts, rank) VALUES('hashsize', 4096);"
      "INSERT INTO search_fts(search_fts, rank) VALUES('automerge', 2);"
      "INSERT INTO search_fts(search_fts, rank) VALUES('crisismerge', 64);"
      "INSERT INTO search_chr(search_chr, rank) VALUES('pgsz', 64);"
      "INSERT INTO search_chr(search_chr, rank) VALUES('hashsize', 4096);"
      "INSERT INTO search_chr(search_chr, rank) VALUES('automerge', 2);");
  if (!s) return -1;
  store_search_segwrite(s, bStore != 0);
  fts_write_no_merge = bStore == 2;
  int64_t nPrep = fts_write_prepared;
  if (bStore == 3) fwPrep = fts_prepper_new();
  int ok = 1, nBad = 0;
  int64_t nWrote = fts_write_batches;
  for (int i = 0; i < FW_N; i++) fw_new_text(&seed, &aDoc[i], i);
  /* A query before anything (FTS5 caches its structure record). */
  Buf scratch = BUF_INIT;
  fw_answers(s, "水质", &scratch);
  ok = ok && fw_batch(s, &a, org, user, aDoc, 0, 80);
  /* The batch is found at once on the same connection. */
  CHECK_INT(fw_answers(s, "水质", &scratch), fw_scan(aDoc, 80, "水质"));
  for (int i = 80; i < 100 && ok; i++) ok = fw_add(s, &a, org, user, &aDoc[i], i);
  ok = ok && fw_batch(s, &a, org, user, aDoc, 100, 180);
  for (int i = 3; i < 180 && ok; i += 9) ok = fw_retext(s, &seed, &aDoc[i]);
  for (int i = 5; i < 180 && ok; i += 11) {
    ok = store_doc_withdraw(s, &a, aDoc[i].id, "内容有误") == STORE_OK;
    aDoc[i].bLive = 0;
  }
  /* A batch that also re-indexes changed texts (their old terms deleted
  ** through FTS5 in the same flush). */
  ok = ok && store_search_defer(s, 1) == STORE_OK && store_begin(s) == STORE_OK;
  for (int i = 7; i < 180 && ok; i += 13)
    if (aDoc[i].bLive) ok = fw_retext(s, &seed, &aDoc[i]);
  for (int i = 180; i < FW_N && ok; i++) ok = fw_add(s, &a, org, user, &aDoc[i], i);
  ok = ok && store_search_flush(s) == STORE_OK && store_commit(s) == STORE_OK &&
       store_search_defer(s, 0) == STORE_OK;
  /* Edits through FTS5 after the last batch. */
  for (int i = 181; i < FW_N && ok; i += 10) ok = fw_retext(s, &seed, &aDoc[i]);
  for (int i = 182; i < FW_N && ok; i += 15) {
    ok = store_doc_withdraw(s, &a, aDoc[i].id, "内容有误") == STORE_OK;
    aDoc[i].bLive = 0;
  }
  CHECK(ok);
  /* The store's writer wrote all three batches (it declines silently). */
  CHECK_INT(fts_write_batches - nWrote, bStore ? 3 : 0);
  /* Prepared entries were used for the new documents only (the changed
  ** texts were read back), and only when handed over. */
  CHECK(bStore == 3 ? fts_write_prepared - nPrep > FW_N / 4
                    : fts_write_prepared == nPrep);
  fts_prepper_free(fwPrep);
  fwPrep = NULL;
  CHECK_INT(fw_integrity(zPath), SQLITE_OK);
  uint32_t qseed = 99;
  for (int k = 0; k < 150 && ok; k++) {
    char zQ[600];
    fw_query(&qseed, aDoc, FW_N, zQ);
    int n = fw_answers(s, zQ, b), nScan = fw_scan(aDoc, FW_N, zQ);
    if (n != nScan) {
      if (nBad++ < 5) fprintf(stderr, "  query %s: index %d, scan %d\n", zQ, n, nScan);
    }
  }
  buf_free(&scratch);
  arena_free(&a);
  fw_close(s, zPath);
  fts_write_no_merge = 0;
  return ok ? nBad : -1;
}

/* (2) and (3): both writers, the same corpus and edits. */
TEST(fts_write_index_equals_fts5_across_batches_and_edits) {
  if (fix_on_pg()) return;
  static FwDoc aDoc[FW_N];
  Buf aAns[4] = {BUF_INIT, BUF_INIT, BUF_INIT, BUF_INIT};
  for (int w = 0; w < 4; w++) CHECK_INT(fw_build(w, aDoc, &aAns[w]), 0);
  CHECK(aAns[0].n > 3000);
  for (int w = 1; w < 4; w++)
    CHECK(aAns[0].n == aAns[w].n &&
          memcmp(buf_str(&aAns[0]), buf_str(&aAns[w]), aAns[0].n) == 0);
  buf_free(&aAns[2]);
  buf_free(&aAns[3]);
  for (int i = 0; i < FW_N; i++) {
    for (int c = 0; c < 4; c++) free(aDoc[i].azFold[c]);
    free(aDoc[i].zAttFold);
  }
  buf_free(&aAns[0]);
  buf_free(&aAns[1]);
}

/* Prepared entries handed over in a transaction that ends without a flush
** are dropped: a later flush reads the document's text, even when the
** entries were of another text (here on purpose). */
TEST(fts_write_drops_prepared_entries_at_commit) {
  if (fix_on_pg()) return;
  static FwDoc d;
  char zPath[128];
  int64_t org, user;
  Arena a = ARENA_INIT;
  uint32_t seed = 5;
  Store *s = fw_open(zPath, &org, &user, NULL);
  CHECK(s != NULL);
  if (!s) return;
  fw_new_text(&seed, &d, 0); /* document 0: no attachment */
  FtsPrepper *pp = fts_prepper_new();
  Doc wrong;
  memset(&wrong, 0, sizeof wrong);
  wrong.zTitle = "完全不同的标题";
  wrong.zBody = "完全不同的正文";
  int ok = store_search_defer(s, 1) == STORE_OK && store_begin(s) == STORE_OK &&
           fw_add(s, &a, org, user, &d, 0);
  if (ok) store_search_give(s, d.id, fts_prep_doc(pp, &wrong));
  ok = ok && store_commit(s) == STORE_OK;
  int64_t nPrep = fts_write_prepared, nWrote = fts_write_batches;
  ok = ok && store_search_flush(s) == STORE_OK && store_search_defer(s, 0) == STORE_OK;
  CHECK(ok);
  CHECK_INT(fts_write_batches - nWrote, 1);
  CHECK_INT(fts_write_prepared - nPrep, 0);
  Buf b = BUF_INIT;
  CHECK_INT(fw_answers(s, "不同", &b), 0);
  uint32_t qseed = 7;
  for (int k = 0; k < 10; k++) {
    char zQ[600];
    fw_query(&qseed, &d, 1, zQ);
    CHECK_INT(fw_answers(s, zQ, &b), fw_scan(&d, 1, zQ));
  }
  CHECK_INT(fw_integrity(zPath), SQLITE_OK);
  buf_free(&b);
  fts_prepper_free(pp);
  for (int c = 0; c < 4; c++) {
    free(d.azFold[c]);
    d.azFold[c] = NULL;
  }
  free(d.zAttFold);
  d.zAttFold = NULL;
  arena_free(&a);
  fw_close(s, zPath);
}
