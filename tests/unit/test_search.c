/*
** test_search.c — the search index (store_search.h) on a real SQLite file:
** only published documents are indexed, and the index follows publication,
** correction, validity change, withdrawal and attachments in the same
** transaction (a rolled-back publication leaves no trace); filters, date
** order, paging past the relevance candidates, and query errors.  On
** PostgreSQL too (storefix.h: GK_TEST_PG), against pg_search.c.
*/
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "gen_corpus.h"
#include "harness.h"
#include "storefix.h"
#include "lib/crypto.h"
#include "lib/buf.h"
#include "lib/textmatch.h"
#include "store/fts_cjk.h"
#include "store/sqlite_textpack.h"
#include "store/store_documents.h"
#include "store/store_admin.h"
#include "store/store_search.h"

static Store *open_db(char zPath[128], int64_t *pOrg, int64_t *pUser) {
  char zDir[] = "/tmp/gk-search-test-XXXXXX";
  return fix_org_store(zDir, zPath, pOrg, pUser);
}

static void close_db(Store *s, const char *zPath) {
  char z[160];
  store_close(s);
  unlink(zPath);
  snprintf(z, sizeof z, "%s-wal", zPath);
  unlink(z);
  snprintf(z, sizeof z, "%s-shm", zPath);
  unlink(z);
  snprintf(z, sizeof z, "%s", zPath);
  char *zSlash = strrchr(z, '/');
  if (zSlash) { *zSlash = 0; rmdir(z); }
}

static int64_t add_draft(Store *s, int64_t org, int64_t user, const char *zTitle,
                         const char *zBody) {
  Doc d;
  memset(&d, 0, sizeof d);
  d.orgId = org;
  d.zTitle = zTitle;
  d.zMode = "proactive";
  d.zFormedDate = "2026-01-05";
  d.zBody = zBody;
  d.zGenre = "通知";
  d.createdBy = user;
  return store_doc_add(s, &d) == STORE_OK ? d.id : 0;
}

/* Number of matches of zQuery (with date order), or -1 on error. */
static int count(Store *s, const char *zQuery) {
  Arena a = ARENA_INIT;
  SearchQuery q;
  memset(&q, 0, sizeof q);
  q.zQuery = zQuery;
  q.bByDate = 1;
  int64_t *aId;
  int n, total;
  int rc = store_search(s, &a, &q, &aId, &n, &total);
  arena_free(&a);
  return rc == STORE_OK ? total : -1;
}

/* 1 when both FTS5 tables hold exactly the terms of their content (the
** documents' current text, read through the view search_text): FTS5's
** integrity-check tokenizes the content again and compares. */
static int index_consistent(const char *zPath) {
  /* PostgreSQL (pg_search.c): a search_pg row for exactly the indexed
  ** search_doc rows. */
  if (fix_on_pg())
    return fix_exec_sql(zPath,
        "DO $$ BEGIN IF EXISTS (SELECT 1 FROM search_doc sd FULL JOIN"
        " search_pg p ON p.id=sd.id WHERE sd.id IS NULL OR p.id IS NULL"
        " OR sd.indexed<>1) THEN RAISE EXCEPTION 'index differs'; END IF;"
        " END $$") == 0;
  sqlite3 *db;
  int ok = sqlite3_open(zPath, &db) == SQLITE_OK &&
           fts_cjk_register(db) == FTS_CJK_OK &&
           sqlite_textpack_register(db) == SQLITE_OK &&
           sqlite3_exec(db,
               "INSERT INTO search_fts(search_fts, rank) VALUES('integrity-check', 1);"
               "INSERT INTO search_chr(search_chr, rank) VALUES('integrity-check', 1)",
               NULL, NULL, NULL) == SQLITE_OK;
  sqlite3_close(db);
  return ok;
}

TEST(search_index_follows_the_document_store) {
  char zPath[128];
  int64_t org, user;
  Store *s = open_db(zPath, &org, &user);
  CHECK(s != NULL);
  if (!s) return;
  Arena a = ARENA_INIT;
  int64_t id = add_draft(s, org, user, "关于疫苗接种的通知", "第３季度接种率为96%");
  CHECK(id > 0);
  CHECK_INT(count(s, "疫苗"), 0);  /* a draft is not indexed */
  /* A publication rolled back leaves nothing in the index. */
  CHECK_INT(store_begin(s), STORE_OK);
  CHECK_INT(store_doc_publish(s, &a, id, "published", "2026-02-01"), STORE_OK);
  CHECK_INT(count(s, "疫苗"), 1);
  store_rollback(s);
  CHECK_INT(count(s, "疫苗"), 0);
  CHECK_INT(store_doc_publish(s, &a, id, "published", "2026-02-01"), STORE_OK);
  CHECK_INT(count(s, "疫苗"), 1);
  CHECK_INT(count(s, "疫"), 1);
  CHECK_INT(count(s, "第3季度"), 1);  /* full-width digit folded */
  CHECK_INT(count(s, "率为9"), 1);
  CHECK_INT(count(s, "水质"), 0);
  /* Correction: keywords become searchable. */
  CHECK_INT(store_doc_correct(s, &a, id, "免疫规划", "", "全社会", 0), STORE_OK);
  CHECK_INT(count(s, "免疫规划"), 1);
  CHECK(index_consistent(zPath));
  /* Attachments: file names are indexed. */
  int64_t att = 0;
  CHECK_INT(store_doc_attach(s, id, "接种点名单.PDF", "application/pdf", "%PDF-1.4", 8, "",
                             user, &att), STORE_OK);
  CHECK_INT(count(s, "pdf"), 1);
  CHECK_INT(store_doc_attachment_delete(s, att), STORE_OK);
  CHECK_INT(count(s, "pdf"), 0);
  CHECK(index_consistent(zPath));
  /* Attachment text: extracted at upload (pdftotext) and indexed. */
  static const char zPdf[] =
      "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
      "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
      "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 300 144]"
      "/Resources<</Font<</F1 5 0 R>>>>/Contents 4 0 R>>endobj\n"
      "4 0 obj<</Length 44>>stream\nBT /F1 18 Tf 20 60 Td (Vaccination sites) Tj ET\n"
      "endstream endobj\n5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\n"
      "trailer<</Root 1 0 R>>\n%%EOF\n";
  CHECK_INT(count(s, "vaccination"), 0);
  CHECK_INT(store_doc_attach(s, id, "a.pdf", "application/pdf", zPdf, sizeof zPdf - 1,
                             "", user, &att), STORE_OK);
  CHECK_INT(count(s, "vaccination"), 1);
  CHECK_INT(count(s, "sites"), 1);
  /* A content stored before migration 0008 (text NULL) is not searchable
  ** until `search reindex` extracts it. */
  CHECK_INT(fix_exec_sql(zPath, "UPDATE attachment_blob SET text=NULL"), 0);
  CHECK_INT(store_search_sync(s, id), STORE_OK);
  CHECK_INT(count(s, "vaccination"), 0);
  CHECK_INT(count(s, "a.pdf"), 1);
  CHECK(index_consistent(zPath));
  CHECK_INT(store_search_rebuild(s), STORE_OK);
  CHECK_INT(count(s, "vaccination"), 1);
  CHECK(index_consistent(zPath));
  /* The text changed outside the store (a connection without the gk
  ** tokenizer, twice): the index keeps the old terms until the next sync,
  ** which removes them and indexes the text as it is then. */
  CHECK_INT(fix_exec_sql(zPath,
                "UPDATE doc SET keywords='饮用水' WHERE state='published';"
                "UPDATE doc SET keywords='地表水' WHERE state='published'"), 0);
  CHECK_INT(store_search_sync(s, id), STORE_OK);
  CHECK_INT(count(s, "免疫规划"), 0);
  CHECK_INT(count(s, "饮用水"), 0);
  CHECK_INT(count(s, "地表水"), 1);
  CHECK(index_consistent(zPath));
  /* Text given by the caller (the upload page extracted it already); a
  ** rolled-back upload leaves nothing in the index. */
  CHECK_INT(store_begin(s), STORE_OK);
  CHECK_INT(store_doc_attach_text(s, id, "b.docx", "application/octet-stream", "xyz", 3,
                                  "取水点说明", "", user, NULL), STORE_OK);
  CHECK_INT(count(s, "取水点"), 1);
  store_rollback(s);
  CHECK_INT(count(s, "取水点"), 0);
  CHECK_INT(store_doc_attach_text(s, id, "b.docx", "application/octet-stream", "xyz", 3,
                                  "取水点说明", "", user, NULL), STORE_OK);
  CHECK_INT(count(s, "取水点"), 1);
  CHECK_INT(store_doc_attachment_delete(s, att), STORE_OK);
  CHECK_INT(count(s, "vaccination"), 0);
  CHECK_INT(count(s, "取水点"), 1);
  CHECK(index_consistent(zPath));
  /* Validity: the filter follows. */
  CHECK_INT(store_doc_set_validity(s, &a, id, "repealed", "2026-03-01", 0), STORE_OK);
  SearchQuery q;
  memset(&q, 0, sizeof q);
  q.zQuery = "疫苗";
  q.zValidity = "repealed";
  int64_t *aId;
  int n, total;
  CHECK_INT(store_search(s, &a, &q, &aId, &n, &total), STORE_OK);
  CHECK_INT(total, 1);
  q.zValidity = "valid";
  CHECK_INT(store_search(s, &a, &q, &aId, &n, &total), STORE_OK);
  CHECK_INT(total, 0);
  /* Withdrawal removes it. */
  CHECK_INT(store_doc_withdraw(s, &a, id, "内容有误"), STORE_OK);
  CHECK_INT(count(s, "疫苗"), 0);
  CHECK(index_consistent(zPath));
  /* Query errors. */
  CHECK_INT(count(s, "   "), -1);
  CHECK(strstr(store_errmsg(s), "检索词") != NULL);
  arena_free(&a);
  close_db(s, zPath);
}

TEST(search_date_order_year_filter_and_paging_past_candidates) {
  char zPath[128];
  int64_t org, user;
  Store *s = open_db(zPath, &org, &user);
  CHECK(s != NULL);
  if (!s) return;
  Arena a = ARENA_INIT;
  /* SEARCH_CANDIDATES + 30 documents over three years, published out of
  ** date order. */
  int nDoc = SEARCH_CANDIDATES + 30;
  CHECK_INT(store_begin(s), STORE_OK);
  for (int i = 0; i < nDoc; i++) {
    char zDate[16], zTitle[64];
    snprintf(zDate, sizeof zDate, "%d-%02d-%02d", 2024 + (i * 7) % 3, 1 + i % 12, 1 + i % 28);
    snprintf(zTitle, sizeof zTitle, "水质监测结果第%d期", i);
    int64_t id = add_draft(s, org, user, zTitle, i % 2 ? "饮用水" : "水质合格");
    CHECK(id > 0);
    CHECK_INT(store_doc_publish(s, &a, id, "published", zDate), STORE_OK);
  }
  CHECK_INT(store_commit(s), STORE_OK);
  CHECK_INT(count(s, "水质"), nDoc);
  /* Relevance and date order page through the same set, without
  ** duplicates, past the candidate bound. */
  for (int bByDate = 0; bByDate < 2; bByDate++) {
    char *aSeen = calloc((size_t)nDoc + 100, 1);
    int nSeen = 0;
    SearchQuery q;
    memset(&q, 0, sizeof q);
    q.zQuery = "水质";
    q.bByDate = bByDate;
    q.limit = 97;
    for (;;) {
      int64_t *aId;
      int n, total;
      CHECK_INT(store_search(s, &a, &q, &aId, &n, &total), STORE_OK);
      for (int i = 0; i < n; i++) {
        CHECK(aId[i] > 0 && aId[i] < nDoc + 100);
        if (aId[i] > 0 && aId[i] < nDoc + 100) {
          CHECK(!aSeen[aId[i]]);
          aSeen[aId[i]] = 1;
          nSeen++;
        }
      }
      if (n < q.limit) break;
      q.offset += n;
    }
    CHECK_INT(nSeen, nDoc);
    free(aSeen);
  }
  /* Year filter: one of three years. */
  SearchQuery q;
  memset(&q, 0, sizeof q);
  q.zQuery = "监测";
  q.year = 2025;
  int64_t *aId;
  int n, total;
  CHECK_INT(store_search(s, &a, &q, &aId, &n, &total), STORE_OK);
  int nWant = 0;
  for (int i = 0; i < nDoc; i++) nWant += 2024 + (i * 7) % 3 == 2025;
  CHECK_INT(total, nWant);
  /* Browsing (no query) lists them newest first. */
  memset(&q, 0, sizeof q);
  q.limit = 5;
  CHECK_INT(store_search(s, &a, &q, &aId, &n, &total), STORE_OK);
  CHECK_INT(total, nDoc);
  CHECK_INT(n, 5);
  Doc d0, d4;
  CHECK_INT(store_doc_get(s, &a, aId[0], &d0), STORE_OK);
  CHECK_INT(store_doc_get(s, &a, aId[4], &d4), STORE_OK);
  CHECK(strcmp(d0.zPublishedDate, d4.zPublishedDate) >= 0);
  CHECK(strncmp(d0.zPublishedDate, "2026", 4) == 0);
  arena_free(&a);
  close_db(s, zPath);
}

/* The key of document docId in search_doc (read with a second connection),
** or -1 when it has no row. */
static int64_t key_of(const char *zPath, int64_t docId) {
  if (fix_on_pg()) {
    char zSql[96];
    snprintf(zSql, sizeof zSql, "SELECT id FROM search_doc WHERE doc_id=%lld",
             (long long)docId);
    return fix_query_int(zPath, zSql);
  }
  sqlite3 *db;
  sqlite3_stmt *st;
  int64_t k = -1;
  if (sqlite3_open(zPath, &db) != SQLITE_OK) return -2;
  if (sqlite3_prepare_v2(db, "SELECT id FROM search_doc WHERE doc_id=?1", -1,
                         &st, NULL) == SQLITE_OK) {
    sqlite3_bind_int64(st, 1, docId);
    if (sqlite3_step(st) == SQLITE_ROW) k = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
  }
  sqlite3_close(db);
  return k;
}

/* Runs q; returns the total (or -1) and the first page in aId/pn. */
static int run(Store *s, Arena *a, SearchQuery *q, int64_t **paId, int *pn) {
  int total;
  return store_search(s, a, q, paId, pn, &total) == STORE_OK ? total : -1;
}

/* Relevance on both backends (SQLite gk_rank, PostgreSQL the same formula
** in SQL): a term in the title (weight 5) outranks the same term once in
** a body of about the same length (weight 1), although the title match is
** six years older (the recency boost is at most 1.5 with the default
** search_recency_percent 50, and about 1.06 at six years); by date the
** newer one comes first.  A query of one-character terms only is not
** ranked (store_search_ranks) and comes newest first either way. */
TEST(search_relevance_title_before_body_on_both_backends) {
  char zPath[128];
  int64_t org, user;
  Store *s = open_db(zPath, &org, &user);
  CHECK(s != NULL);
  if (!s) return;
  Arena a = ARENA_INIT;
  int64_t old = add_draft(s, org, user, "城乡饮用水安全通知", "本通知适用于全县。");
  int64_t recent = add_draft(s, org, user, "年度工作通知", "今年检查了饮用水。");
  int64_t other = add_draft(s, org, user, "其他通知", "无关的内容。");
  CHECK(old > 0 && recent > 0 && other > 0);
  CHECK_INT(store_doc_publish(s, &a, old, "published", "2020-03-02"), STORE_OK);
  CHECK_INT(store_doc_publish(s, &a, recent, "published", "2026-01-10"), STORE_OK);
  CHECK_INT(store_doc_publish(s, &a, other, "published", "2026-02-10"), STORE_OK);
  CHECK(store_search_ranks("饮用水"));
  CHECK(!store_search_ranks("水"));
  SearchQuery q;
  memset(&q, 0, sizeof q);
  int64_t *aId;
  int n;
  q.zQuery = "饮用水";
  CHECK_INT(run(s, &a, &q, &aId, &n), 2);
  CHECK_INT(n, 2);
  if (n == 2) CHECK(aId[0] == old && aId[1] == recent);
  q.bByDate = 1;
  CHECK_INT(run(s, &a, &q, &aId, &n), 2);
  if (n == 2) CHECK(aId[0] == recent && aId[1] == old);
  q.zQuery = "水";
  q.bByDate = 0;
  CHECK_INT(run(s, &a, &q, &aId, &n), 2);
  if (n == 2) CHECK(aId[0] == recent && aId[1] == old);
  /* Paging: the second result alone, by relevance. */
  q.zQuery = "饮用水";
  q.offset = 1;
  CHECK_INT(run(s, &a, &q, &aId, &n), 2);
  CHECK_INT(n, 1);
  if (n == 1) CHECK(aId[0] == recent);
  arena_free(&a);
  close_db(s, zPath);
}

/* Number of the nDoc documents whose folded columns (title, 文号, body,
** keywords: azFold[i * 4 + c]) hold every term of zQ, each in one column:
** the substring rule of docs/search.md, by brute force; -1 when the query
** has no valid terms. */
static int scan_count(char **azFold, int nDoc, const char *zQ) {
  char **az;
  int nTerm, nHit = 0;
  if (textmatch_terms(zQ, &az, &nTerm, NULL) != TEXTMATCH_OK) return -1;
  for (int i = 0; i < nDoc; i++) {
    int bAll = 1;
    for (int t = 0; t < nTerm && bAll; t++) {
      int bIn = 0;
      for (int c = 0; c < 4 && !bIn; c++) bIn = strstr(azFold[i * 4 + c], az[t]) != NULL;
      bAll = bIn;
    }
    nHit += bAll;
  }
  textmatch_terms_free(az, nTerm);
  return nHit;
}

/* The store's search (either backend) against a substring scan of the
** folded text on generated documents (digits mixed with Chinese, full-width
** forms, Latin in mixed case, white space): every query taken from the
** text (1 to 5 code points at several offsets, and two of them as a
** two-term query) counts exactly the documents the scan finds, by date
** and by relevance. */
TEST(search_store_equals_substring_scan) {
  char zPath[128];
  int64_t org, user;
  Store *s = open_db(zPath, &org, &user);
  CHECK(s != NULL);
  if (!s) return;
  Arena a = ARENA_INIT;
  enum { N = 40 };
  char *azFold[N * 4];
  CHECK_INT(store_begin(s), STORE_OK);
  for (int i = 0; i < N; i++) {
    CorpusDoc cd;
    corpus_doc(11, (uint64_t)i, 3, &cd);
    const char *azCol[4] = {cd.azCol[0], cd.azCol[1], cd.azCol[2], cd.azCol[3]};
    Doc d;
    memset(&d, 0, sizeof d);
    d.orgId = org;
    d.zTitle = azCol[0];
    d.zDocNumber = azCol[1];
    d.zBody = azCol[2];
    d.zKeywords = azCol[3];
    d.zMode = "proactive";
    d.zFormedDate = "2026-01-05";
    d.zGenre = "通知";
    d.createdBy = user;
    CHECK_INT(store_doc_add(s, &d), STORE_OK);
    char zDate[16];
    snprintf(zDate, sizeof zDate, "2025-%02d-%02d", 1 + i % 12, 1 + i % 27);
    CHECK_INT(store_doc_publish(s, &a, d.id, "published", zDate), STORE_OK);
    for (int c = 0; c < 4; c++) {
      Buf b = BUF_INIT;
      textmatch_fold(azCol[c], &b);
      azFold[i * 4 + c] = strdup(buf_str(&b));
      buf_free(&b);
    }
    corpus_doc_free(&cd);
  }
  CHECK_INT(store_commit(s), STORE_OK);
  int nQuery = 0, nBad = 0;
  for (int i = 0; i < N; i += 3) {
    for (int c = 0; c < 4; c++) {
      const char *z = azFold[i * 4 + c];
      size_t n = strlen(z);
      for (size_t off = 0; off < n; off += 1 + n / 5) {
        while (off < n && ((unsigned char)z[off] & 0xC0) == 0x80) off++;
        for (int len = 1; len <= 5 && off < n; len++) {
          size_t e = off;
          for (int k = 0; k < len && e < n; k++) {
            e++;
            while (e < n && ((unsigned char)z[e] & 0xC0) == 0x80) e++;
          }
          char zQ[64];
          if (e - off >= 30) break;
          memcpy(zQ, z + off, e - off);
          zQ[e - off] = 0;
          if (len == 5 && c == 2) snprintf(zQ + (e - off), sizeof zQ - (e - off), " %s", "通知");
          int want = scan_count(azFold, N, zQ);
          if (want < 0) continue;
          for (int bByDate = 0; bByDate < 2; bByDate++) {
            SearchQuery q;
            memset(&q, 0, sizeof q);
            q.zQuery = zQ;
            q.bByDate = bByDate;
            q.countCap = -1;
            q.limit = 200;
            int64_t *aId;
            int got, total = -1;
            int rc = store_search(s, &a, &q, &aId, &got, &total);
            nQuery++;
            if (rc != STORE_OK || total != want || got != want) {
              if (nBad++ < 5)
                fprintf(stderr, "  query [%s] by %s: %d/%d, scan %d\n", zQ,
                        bByDate ? "date" : "relevance", got, total, want);
            }
          }
        }
      }
    }
  }
  CHECK(nQuery > 200);
  CHECK_INT(nBad, 0);
  for (int i = 0; i < N * 4; i++) free(azFold[i]);
  arena_free(&a);
  close_db(s, zPath);
}

TEST(search_keys_days_years_caps_and_single_characters) {
  char zPath[128];
  int64_t org, user;
  Store *s = open_db(zPath, &org, &user);
  CHECK(s != NULL);
  if (!s) return;
  Arena a = ARENA_INIT;
  /* Keys (migration 0010): max(day since 1900-01-01 * 16, 1 + the key of
  ** the last document of an earlier or equal date). */
  const char *azDate[] = {"2024-12-31", "2025-01-01", "2025-01-01",
                          "2024-12-31", "2025-06-30"};
  const char *azTitle[] = {"年末水质通报", "新年水质通报", "元旦供水安排",
                           "年末饮用水检测", "年中水质通报"};
  int64_t aId[5];
  for (int i = 0; i < 5; i++) {
    aId[i] = add_draft(s, org, user, azTitle[i], "检测结果");
    CHECK(aId[i] > 0);
    CHECK_INT(store_doc_publish(s, &a, aId[i], "published", azDate[i]), STORE_OK);
  }
  /* julianday('2024-12-31') - julianday('1900-01-01') = 45655 */
  CHECK(key_of(zPath, aId[0]) == 45655LL * 16);
  CHECK(key_of(zPath, aId[3]) == 45655LL * 16 + 1); /* back-dated, room */
  CHECK(key_of(zPath, aId[1]) == 45656LL * 16);
  CHECK(key_of(zPath, aId[2]) == 45656LL * 16 + 1);
  CHECK(key_of(zPath, aId[4]) == 45836LL * 16);
  /* Re-syncing keeps the key while the date stays. */
  CHECK_INT(store_search_sync(s, aId[1]), STORE_OK);
  CHECK(key_of(zPath, aId[1]) == 45656LL * 16);
  /* Newest first: by day, then by publication within the day. */
  SearchQuery q;
  memset(&q, 0, sizeof q);
  q.zQuery = "水质";
  q.bByDate = 1;
  int64_t *aGot;
  int n;
  CHECK_INT(run(s, &a, &q, &aGot, &n), 3);
  CHECK_INT(n, 3);
  if (n == 3) CHECK(aGot[0] == aId[4] && aGot[1] == aId[1] && aGot[2] == aId[0]);
  q.zQuery = "年";
  CHECK_INT(run(s, &a, &q, &aGot, &n), 4);
  if (n == 4) {
    CHECK(aGot[0] == aId[4] && aGot[1] == aId[1] && aGot[2] == aId[3] &&
          aGot[3] == aId[0]);
  }
  /* Year boundaries. */
  q.zQuery = "水质";
  q.year = 2024;
  CHECK_INT(run(s, &a, &q, &aGot, &n), 1);
  q.year = 2025;
  CHECK_INT(run(s, &a, &q, &aGot, &n), 2);
  q.year = 2023;
  CHECK_INT(run(s, &a, &q, &aGot, &n), 0);
  q.year = 0;
  int *aYear, *aCount, nYear;
  CHECK_INT(store_search_years(s, &a, 0, 0, &aYear, NULL, &nYear), STORE_OK);
  CHECK_INT(nYear, 2);
  if (nYear == 2) CHECK(aYear[0] == 2025 && aYear[1] == 2024);
  CHECK_INT(store_search_years(s, &a, org, 1, &aYear, &aCount, &nYear), STORE_OK);
  CHECK_INT(nYear, 2);
  if (nYear == 2) CHECK(aYear[0] == 2025 && aCount[0] == 3 && aYear[1] == 2024 &&
                        aCount[1] == 2);
  /* One-character terms: alone (character table) and with longer terms
  ** (bigram table, checked against the character table per candidate). */
  q.zQuery = "末";
  CHECK_INT(run(s, &a, &q, &aGot, &n), 2);
  q.zQuery = "旦";
  CHECK_INT(run(s, &a, &q, &aGot, &n), 1);
  q.zQuery = "水质 末";
  CHECK_INT(run(s, &a, &q, &aGot, &n), 1);
  if (n == 1) CHECK(aGot[0] == aId[0]);
  q.zQuery = "末 饮 检测";
  CHECK_INT(run(s, &a, &q, &aGot, &n), 1);
  q.zQuery = "末 新";
  CHECK_INT(run(s, &a, &q, &aGot, &n), 0);
  q.zQuery = "水 通 报";
  CHECK_INT(run(s, &a, &q, &aGot, &n), 3);
  /* The count cap: cap + 1 means "more"; -1 counts everything. */
  q.zQuery = "检测";
  q.countCap = 2;
  CHECK_INT(run(s, &a, &q, &aGot, &n), 3);
  CHECK_INT(n, 5); /* the page itself is not capped */
  q.countCap = -1;
  CHECK_INT(run(s, &a, &q, &aGot, &n), 5);
  q.countCap = 0;
  CHECK_INT(run(s, &a, &q, &aGot, &n), 5);
  q.bByDate = 0;
  q.countCap = 2;
  CHECK_INT(run(s, &a, &q, &aGot, &n), 3);
  CHECK_INT(n, 5);
  /* No free key: a document dated before one already indexed, where its
  ** day's keys are taken, goes above all others and is counted; the year
  ** filter still finds it; a rebuild puts it back in date order. */
  int64_t next = add_draft(s, org, user, "次日文件", "次日");
  int64_t filler = add_draft(s, org, user, "占位", "占位");
  int64_t late = add_draft(s, org, user, "补发文件", "补发");
  CHECK(next > 0 && filler > 0 && late > 0);
  CHECK_INT(store_doc_publish(s, &a, next, "published", "2030-01-02"), STORE_OK);
  CHECK(key_of(zPath, next) == 47483LL * 16);
  {
    char *zSql = sqlite3_mprintf(
        "UPDATE doc SET state='published',published_date='2030-01-01'"
        " WHERE id=%lld;"
        "INSERT INTO search_doc(id,doc_id,org_id,published_date)"
        " VALUES(%lld,%lld,%lld,'2030-01-01')",
        (long long)filler, (long long)(47483LL * 16 - 1), (long long)filler,
        (long long)org);
    if (fix_on_pg()) {
      CHECK_INT(fix_exec_sql(zPath, zSql), 0);
    } else {
      sqlite3 *db;
      CHECK_INT(sqlite3_open(zPath, &db), SQLITE_OK);
      CHECK_INT(fts_cjk_register(db), FTS_CJK_OK);
      CHECK_INT(sqlite3_exec(db, zSql, NULL, NULL, NULL), SQLITE_OK);
      sqlite3_close(db);
    }
    sqlite3_free(zSql);
  }
  int64_t nDisplaced = -1;
  CHECK_INT(store_search_displaced(s, &nDisplaced), STORE_OK);
  CHECK(nDisplaced == 0);
  CHECK_INT(store_doc_publish(s, &a, late, "published", "2030-01-01"), STORE_OK);
  CHECK(key_of(zPath, late) == 47483LL * 16 + 1);
  CHECK_INT(store_search_displaced(s, &nDisplaced), STORE_OK);
  CHECK(nDisplaced == 1);
  memset(&q, 0, sizeof q);
  q.zQuery = "补发";
  q.year = 2030;
  CHECK_INT(run(s, &a, &q, &aGot, &n), 1);
  q.zQuery = NULL; /* browsing the year */
  CHECK_INT(run(s, &a, &q, &aGot, &n), 3);
  CHECK_INT(store_search_rebuild(s), STORE_OK);
  CHECK_INT(store_search_displaced(s, &nDisplaced), STORE_OK);
  CHECK(nDisplaced == 0);
  CHECK(key_of(zPath, filler) == 47482LL * 16);
  CHECK(key_of(zPath, late) == 47482LL * 16 + 1);
  CHECK(key_of(zPath, next) == 47483LL * 16);
  CHECK(key_of(zPath, aId[3]) == 45655LL * 16 + 1);
  q.zQuery = NULL;
  CHECK_INT(run(s, &a, &q, &aGot, &n), 3);
  if (n == 3) CHECK(aGot[0] == next && aGot[1] == late && aGot[2] == filler);
  arena_free(&a);
  close_db(s, zPath);
}

TEST(search_deferred_indexing_for_bulk_writers) {
  char zPath[128];
  int64_t org, user;
  Store *s = open_db(zPath, &org, &user);
  CHECK(s != NULL);
  if (!s) return;
  Arena a = ARENA_INIT;
  int64_t aId[3];
  for (int i = 0; i < 3; i++) {
    aId[i] = add_draft(s, org, user, "批量导入公告", "批量");
    CHECK(aId[i] > 0);
  }
  CHECK_INT(store_search_defer(s, 1), STORE_OK);
  CHECK_INT(store_begin(s), STORE_OK);
  CHECK_INT(store_doc_publish(s, &a, aId[0], "published", "2026-01-05"), STORE_OK);
  CHECK_INT(store_doc_publish(s, &a, aId[1], "published", "2026-01-06"), STORE_OK);
  CHECK_INT(count(s, "导入"), 0);  /* pending: not indexed yet */
  CHECK_INT(count(s, "批"), 0);
  CHECK_INT(store_search_flush(s), STORE_OK);
  CHECK_INT(count(s, "导入"), 2);
  CHECK_INT(count(s, "批"), 2);
  /* A pending row replaced before the flush, an indexed one after. */
  CHECK_INT(store_doc_publish(s, &a, aId[2], "published", "2026-01-07"), STORE_OK);
  CHECK_INT(store_doc_withdraw(s, &a, aId[2], "重复"), STORE_OK);
  CHECK_INT(store_doc_withdraw(s, &a, aId[0], "重复"), STORE_OK);
  CHECK_INT(store_search_flush(s), STORE_OK);
  CHECK_INT(store_commit(s), STORE_OK);
  CHECK_INT(count(s, "导入"), 1);
  CHECK_INT(count(s, "批"), 1);
  /* A rolled-back batch leaves nothing pending or indexed. */
  int64_t extra = add_draft(s, org, user, "回滚公告", "回滚");
  CHECK_INT(store_begin(s), STORE_OK);
  CHECK_INT(store_doc_publish(s, &a, extra, "published", "2026-01-08"), STORE_OK);
  store_rollback(s);
  CHECK_INT(store_search_defer(s, 0), STORE_OK); /* flushes nothing */
  CHECK_INT(count(s, "回滚"), 0);
  CHECK_INT(count(s, "导入"), 1);
  /* Off again: rows are indexed at once. */
  CHECK_INT(store_doc_publish(s, &a, extra, "published", "2026-01-08"), STORE_OK);
  CHECK_INT(count(s, "回滚"), 1);
  arena_free(&a);
  close_db(s, zPath);
}

/* A generated corpus over a small alphabet for the count checks: texts of
** CJK characters and ASCII digits only (folding changes nothing, there is
** no white space), so a term matches a column iff strstr() finds it. */
#define CC_ALPHA 10
static const char *const azCcChar[CC_ALPHA] = {"水", "质", "检", "测", "供",
                                               "报", "通", "年", "1", "2"};
typedef struct CcDoc {
  int64_t id;
  char zTitle[32], zBody[128];
  int bLive; /* published */
} CcDoc;

static uint32_t cc_rand(uint32_t *p) {
  *p = *p * 1103515245u + 12345u;
  return (*p >> 8) & 0xffffff;
}

static void cc_text(uint32_t *pSeed, char *z, int nChar) {
  z[0] = 0;
  for (int i = 0; i < nChar; i++) strcat(z, azCcChar[cc_rand(pSeed) % CC_ALPHA]);
}

/* Brute-force count of zQuery (terms separated by one space, ANDed, each
** a substring of the title or the body) over the live documents. */
static int cc_scan(const CcDoc *aDoc, int nDoc, const char *zQuery) {
  char z[64];
  int n = 0;
  for (int i = 0; i < nDoc; i++) {
    if (!aDoc[i].bLive) continue;
    snprintf(z, sizeof z, "%s", zQuery);
    int ok = 1;
    for (char *t = strtok(z, " "); t && ok; t = strtok(NULL, " "))
      ok = strstr(aDoc[i].zTitle, t) || strstr(aDoc[i].zBody, t);
    n += ok;
  }
  return n;
}

/* Exact count (countCap -1) of zQuery by store_search, or -1. */
static int cc_count(Store *s, const char *zQuery) {
  Arena a = ARENA_INIT;
  SearchQuery q;
  memset(&q, 0, sizeof q);
  q.zQuery = zQuery;
  q.bByDate = 1;
  q.countCap = -1;
  q.limit = 1;
  int64_t *aId;
  int n, total;
  int rc = store_search(s, &a, &q, &aId, &n, &total);
  arena_free(&a);
  return rc == STORE_OK ? total : -1;
}

/* Every generated query, asked twice (the second answer may come from the
** count cache), against the scan; returns the number of disagreements. */
static int cc_check(Store *s, const CcDoc *aDoc, int nDoc, uint32_t seed) {
  int nBad = 0;
  for (int k = 0; k < 80; k++) {
    char zQ[64], zT[32];
    cc_text(&seed, zQ, 1 + (int)(cc_rand(&seed) % 4));
    if (k % 4 == 3) { /* two terms */
      cc_text(&seed, zT, 1 + (int)(cc_rand(&seed) % 3));
      strcat(zQ, " ");
      strcat(zQ, zT);
    }
    int want = cc_scan(aDoc, nDoc, zQ);
    for (int r = 0; r < 2; r++) {
      int got = cc_count(s, zQ);
      if (got != want) {
        nBad++;
        fprintf(stderr, "  count of '%s': %d, scan %d (ask %d)\n", zQ, got, want, r + 1);
      }
    }
  }
  return nBad;
}

TEST(search_exact_counts_equal_a_scan_across_changes) {
  char zPath[128];
  int64_t org, user;
  Store *s = open_db(zPath, &org, &user);
  CHECK(s != NULL);
  if (!s) return;
  Arena a = ARENA_INIT;
  CcDoc aDoc[40];
  uint32_t seed = 18;
  int nDoc = 0;
  for (; nDoc < 30; nDoc++) {
    CcDoc *d = &aDoc[nDoc];
    cc_text(&seed, d->zTitle, 4);
    cc_text(&seed, d->zBody, 30);
    d->id = add_draft(s, org, user, d->zTitle, d->zBody);
    d->bLive = d->id > 0 &&
        store_doc_publish(s, &a, d->id, "published", "2025-03-01") == STORE_OK;
    CHECK(d->bLive);
  }
  CHECK_INT(cc_check(s, aDoc, nDoc, 7), 0);
  /* The cap and the filters are part of what is remembered: the same
  ** query asked with another cap or year gets its own count. */
  int nAll = cc_scan(aDoc, nDoc, "水");
  CHECK(nAll > 3);
  for (int r = 0; r < 2; r++) {
    Arena b = ARENA_INIT;
    SearchQuery q;
    memset(&q, 0, sizeof q);
    q.zQuery = "水";
    q.bByDate = 1;
    q.countCap = -1;
    int64_t *aId;
    int n, total = -1;
    CHECK_INT(store_search(s, &b, &q, &aId, &n, &total), STORE_OK);
    CHECK_INT(total, nAll);
    q.countCap = 2;
    CHECK_INT(store_search(s, &b, &q, &aId, &n, &total), STORE_OK);
    CHECK_INT(total, 3); /* cap + 1: "more than 2" */
    q.countCap = -1;
    q.year = 2024;
    CHECK_INT(store_search(s, &b, &q, &aId, &n, &total), STORE_OK);
    CHECK_INT(total, 0);
    q.year = 2025;
    CHECK_INT(store_search(s, &b, &q, &aId, &n, &total), STORE_OK);
    CHECK_INT(total, nAll);
    arena_free(&b);
  }
  /* Changes: five withdrawn, five more published; the same queries again
  ** (a remembered count of the old content must not be served). */
  for (int i = 0; i < 5; i++) {
    CHECK_INT(store_doc_withdraw(s, &a, aDoc[i * 3].id, "内容有误"), STORE_OK);
    aDoc[i * 3].bLive = 0;
  }
  for (; nDoc < 35; nDoc++) {
    CcDoc *d = &aDoc[nDoc];
    cc_text(&seed, d->zTitle, 4);
    cc_text(&seed, d->zBody, 30);
    d->id = add_draft(s, org, user, d->zTitle, d->zBody);
    d->bLive = d->id > 0 &&
        store_doc_publish(s, &a, d->id, "published", "2025-04-01") == STORE_OK;
    CHECK(d->bLive);
  }
  CHECK_INT(cc_check(s, aDoc, nDoc, 7), 0);
  /* Inside a transaction the count sees its own writes, and after the
  ** rollback no count of them is left behind. */
  CHECK_INT(store_begin(s), STORE_OK);
  CcDoc *d = &aDoc[nDoc++];
  cc_text(&seed, d->zTitle, 4);
  cc_text(&seed, d->zBody, 30);
  d->id = add_draft(s, org, user, d->zTitle, d->zBody);
  d->bLive = d->id > 0 &&
      store_doc_publish(s, &a, d->id, "published", "2025-05-01") == STORE_OK;
  CHECK(d->bLive);
  CHECK_INT(cc_check(s, aDoc, nDoc, 7), 0);
  store_rollback(s);
  d->bLive = 0;
  /* The same steps committed for another text advance the content
  ** generation to the value it had inside the rolled-back transaction: no
  ** count from inside may be served for it. */
  d = &aDoc[nDoc++];
  cc_text(&seed, d->zTitle, 4);
  cc_text(&seed, d->zBody, 30);
  d->id = add_draft(s, org, user, d->zTitle, d->zBody);
  d->bLive = d->id > 0 &&
      store_doc_publish(s, &a, d->id, "published", "2025-05-01") == STORE_OK;
  CHECK(d->bLive);
  CHECK_INT(cc_check(s, aDoc, nDoc, 7), 0);
  arena_free(&a);
  close_db(s, zPath);
}

/* Migration 0104: a long body stored packed is indexed as its text; an
** edit changes what finds it; a change behind the store's back (a
** connection without gk_text: the triggers copy the packed old text,
** unpacked when its terms are removed) is followed at the next sync; a
** corrupt packed body makes the sync fail, not crash. */
TEST(search_packed_body_indexed_and_edits_followed) {
  char zPath[128];
  int64_t org, user;
  Store *s = open_db(zPath, &org, &user);
  CHECK(s != NULL);
  if (!s) return;
  Arena a = ARENA_INIT;
  /* 30 sentences of 60 bytes + one naming 蓝藻 (1830 bytes). */
  Buf b = BUF_INIT;
  for (int i = 0; i < 30; i++) buf_puts(&b, "今年全市地表水环境质量总体保持稳定。");
  buf_puts(&b, "湖区蓝藻");
  char *zBody = buf_steal(&b);
  int64_t id = add_draft(s, org, user, "水环境质量公报", zBody);
  CHECK(id > 0);
  CHECK_INT(store_doc_publish(s, &a, id, "published", "2026-02-01"), STORE_OK);
  char z[128];
  snprintf(z, sizeof z, "SELECT typeof(body) FROM doc WHERE id=%lld"
           " AND typeof(body)='blob'", (long long)id);
  if (!fix_on_pg()) CHECK(fix_query_int(zPath, z) != -1);
  CHECK_INT(count(s, "蓝藻"), 1);
  CHECK_INT(count(s, "地表水环境"), 1);
  CHECK(index_consistent(zPath));
  /* The edit (the secrecy review's masking, store_doc_set_text): 蓝藻 →
  ** 赤潮. */
  char *zNew = strdup(zBody);
  memcpy(strstr(zNew, "蓝藻"), "赤潮", 6);
  CHECK_INT(store_doc_set_text(s, id, "水环境质量公报", zNew), STORE_OK);
  CHECK_INT(count(s, "蓝藻"), 0);
  CHECK_INT(count(s, "赤潮"), 1);
  CHECK(index_consistent(zPath));
  Doc d;
  CHECK_INT(store_doc_get(s, &a, id, &d), STORE_OK);
  CHECK_STR(d.zBody, zNew);
  /* Behind the store's back, a connection without gk_text: the body
  ** becomes plain text again with 赤潮 → 水华. */
  if (!fix_on_pg()) {
    char *zPlain = strdup(zNew);
    memcpy(strstr(zPlain, "赤潮"), "水华", 6);
    sqlite3 *db;
    sqlite3_stmt *st = NULL;
    CHECK_INT(sqlite3_open(zPath, &db), SQLITE_OK);
    CHECK_INT(sqlite3_prepare_v2(db, "UPDATE doc SET body=?1 WHERE id=?2", -1,
                                 &st, NULL), SQLITE_OK);
    sqlite3_bind_text(st, 1, zPlain, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 2, id);
    CHECK_INT(sqlite3_step(st), SQLITE_DONE);
    sqlite3_finalize(st);
    sqlite3_close(db);
    CHECK_INT(store_search_sync(s, id), STORE_OK);
    CHECK_INT(count(s, "赤潮"), 0);
    CHECK_INT(count(s, "水华"), 1);
    CHECK(index_consistent(zPath));
    CHECK_INT(store_doc_get(s, &a, id, &d), STORE_OK);
    CHECK_STR(d.zBody, zPlain);
    /* A corrupt packed body: the sync fails with an error. */
    snprintf(z, sizeof z, "UPDATE doc SET body=X'28B52FFD2400' WHERE id=%lld",
             (long long)id);
    CHECK_INT(fix_exec_sql(zPath, z), 0);
    CHECK(store_search_sync(s, id) != STORE_OK);
    free(zPlain);
  }
  free(zNew);
  free(zBody);
  arena_free(&a);
  close_db(s, zPath);
}
