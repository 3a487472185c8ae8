/*
** cmd_docs.c — `gongkai docs import`: bulk import of documents published
** elsewhere (a previous system, a migration) from JSON lines, as published
** proactive documents with their own index numbers when given, publication
** ledger entries, and every full-text index over the documents.
**
** One JSON object per line:
**   title (required), published_date (required, YYYY-MM-DD), doc_number,
**   publisher, signed_date, genre, keywords, summary, body (Markdown),
**   index_number, report_kind (regulation|normative|other).
** Unknown keys are ignored; blank lines are skipped.
**
** Two passes.  The first reads every line and checks it (JSON, types,
** dates, index numbers: format, unique in the file and not yet used), so
** bad input stops the import before anything is stored.  The second stores
** the documents in batches of --batch lines per transaction (default
** 5000), reusing the store's prepared statements; each batch adds its
** documents to the search index before it commits.  An I/O failure in the
** second pass rolls back the current batch only; the message names the
** last line stored.  In the second pass a reader thread reads, parses and
** prepares the documents (packed body, hashed ledger content) while this
** thread stores them (import_pipe.h; --import-threads 1: both on this thread).
*/
#include <stdio.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "cli/cli_util.h"
#include "cli/commands.h"
#include "cli/docs_html.h"
#include "cli/import_pipe.h"
#include "core/index_number.h"
#include "lib/buf.h"
#include "lib/crypto.h"
#include "lib/date.h"
#include "lib/jsonl.h"
#include "lib/utf8.h"
#include "store/store_bench.h"
#include "store/store_documents.h"
#include "store/store_admin.h"
#include "store/store_search.h"

static const char zUsage[] =
    "usage: gongkai docs import --org ID|SLUG [--db PATH] [--user LOGIN]\n"
    "                           [--batch N] [--import-threads 1|2]\n"
    "                           [--fts-writer store|fts5] FILE.jsonl\n\n"
    "Imports published documents, one JSON object per line (title,\n"
    "published_date required; doc_number, publisher, signed_date, genre,\n"
    "keywords, summary, body, index_number, report_kind optional).  Every\n"
    "line is checked before anything is stored.  Documents without an\n"
    "index_number get the organisation's next one.  --user names the\n"
    "drafter recorded (default: the first user).  --import-threads 2 (default)\n"
    "reads and prepares the documents on a second thread while the first\n"
    "stores them; 1 does both on one thread (the same result).  The search\n"
    "index is written per batch as one FTS5 segment per table by gongkai\n"
    "itself (--fts-writer store, default) or through FTS5's insert (fts5):\n"
    "the same index.  Prints the documents per second, search index\n"
    "included.\n\n"
    "       gongkai docs import-html --org ID|SLUG [--db PATH] [--user LOGIN]\n"
    "                                PAGE.html...\n\n"
    "Imports pages saved from an old disclosure site: the metadata block\n"
    "(索引号, 发布机构, 生成日期/发文日期, 文号, 主题分类, 有效性), the title, the\n"
    "body and the attachment files saved beside each page (UTF-8 or GBK).\n"
    "Original index numbers and dates are kept; one transaction per page;\n"
    "pages that cannot be imported are listed with the reason (exit 1).\n";

#define MAX_FIELD 64 /* members per line */

/* The string member zKey of a line: its value, "" when absent or null;
** NULL when present with another type. */
static const char *jstr(const JsonlField *a, int n, const char *zKey) {
  const JsonlField *f = jsonl_get(a, n, zKey);
  if (!f || !f->zVal) return "";
  return f->bString ? f->zVal : NULL;
}

static const char *const azField[] = {
    "title", "published_date", "doc_number", "publisher", "signed_date",
    "genre", "keywords", "summary", "body", "index_number", "report_kind"};
#define N_FIELD (int)(sizeof azField / sizeof azField[0])

/* Parses line z[0..n) in place and fills *d with pointers into it; returns
** NULL, or a static message naming what is wrong (the caller adds the line
** number). */
const char *docs_import_line(char *z, size_t n, Doc *d) {
  const char *az[N_FIELD];
  JsonlField aF[MAX_FIELD];
  int nF;
  const char *zErr;
  if (jsonl_parse(z, n, aF, MAX_FIELD, &nF, &zErr)) return zErr;
  for (int k = 0; k < N_FIELD; k++) {
    az[k] = jstr(aF, nF, azField[k]);
    if (!az[k]) return "字段类型错误（应为字符串）";
    /* jsonl_parse() has checked that the line is UTF-8. */
    const char *zWhy = utf8_valid_text_problem(az[k], strlen(az[k]));
    if (zWhy) return zWhy;
  }
  Date day;
  if (utf8_blank(az[0])) return "缺少标题 title";
  if (strlen(az[0]) > 1000) return "标题过长";
  if (date_parse(az[1], &day)) return "发布日期 published_date 无效";
  if (az[4][0] && date_parse(az[4], &day)) return "成文日期 signed_date 无效";
  Doc dates;
  memset(&dates, 0, sizeof dates);
  dates.zPublishedDate = az[1];
  dates.zSignedDate = az[4];
  const char *zDates = doc_dates_check(&dates, date_today_cn(time(NULL)));
  if (zDates) return zDates;
  if (az[10][0] && strcmp(az[10], "regulation") && strcmp(az[10], "normative") &&
      strcmp(az[10], "other"))
    return "report_kind 取值无效";
  if (az[9][0]) {
    IndexNumberErr err;
    if (index_number_check(az[9], &err) != INDEX_NUMBER_OK) return "索引号无效";
  }
  memset(d, 0, sizeof *d);
  d->zTitle = az[0];
  d->zPublishedDate = az[1];
  d->zDocNumber = az[2];
  d->zPublisher = az[3];
  d->zSignedDate = az[4][0] ? az[4] : NULL;
  d->zFormedDate = d->zSignedDate;
  d->zGenre = az[5];
  d->zKeywords = az[6];
  d->zSummary = az[7];
  d->zBody = az[8];
  d->zIndexNumber = az[9][0] ? az[9] : NULL;
  d->zReportKind = az[10][0] ? az[10] : "other";
  d->zMode = "proactive";
  d->zScope = "全社会";
  /* store_doc_import() stores it as published in one step: one INSERT, one
  ** ledger entry from this Doc and one portal search-index sync (it was
  ** store_doc_add as approved + store_doc_publish: an UPDATE of the whole
  ** row and two reads of it more). */
  d->zValidity = "valid";
  return NULL;
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Pass 1: checks every line; returns the number of documents, or -1 after
** printing the first problem. */
static long check_file(Store *s, FILE *f) {
  Buf line = BUF_INIT;
  long nLine = 0, nDoc = 0;
  char **azIdx = NULL;
  size_t nIdx = 0, nIdxAlloc = 0;
  long rc = 0;
  while (import_read_line(f, &line)) {
    nLine++;
    if (line.n == 0) continue;
    Doc d;
    const char *zWhy = docs_import_line(line.z, line.n, &d);
    if (!zWhy && d.zIndexNumber) {
      int bTaken = 0;
      if (store_bench_index_taken(s, d.zIndexNumber, &bTaken) != STORE_OK) {
        fprintf(stderr, "gongkai docs: %s\n", store_errmsg(s));
        rc = -1;
      } else if (bTaken) {
        zWhy = "索引号已被使用";
      } else {
        if (nIdx == nIdxAlloc) {
          nIdxAlloc = nIdxAlloc ? 2 * nIdxAlloc : 1024;
          azIdx = xrealloc(azIdx, nIdxAlloc * sizeof *azIdx);
        }
        azIdx[nIdx++] = xstrdup(d.zIndexNumber);
      }
    }
    if (zWhy) {
      fprintf(stderr, "gongkai docs: 第 %ld 行：%s，未导入任何文件\n", nLine, zWhy);
      rc = -1;
    }
    if (rc) break;
    nDoc++;
  }
  if (!rc && nIdx > 1) {
    qsort(azIdx, nIdx, sizeof *azIdx, cmp_str);
    for (size_t i = 1; i < nIdx; i++) {
      if (!strcmp(azIdx[i - 1], azIdx[i])) {
        fprintf(stderr, "gongkai docs: 索引号“%s”在文件中重复，未导入任何文件\n",
                azIdx[i]);
        rc = -1;
        break;
      }
    }
  }
  for (size_t i = 0; i < nIdx; i++) free(azIdx[i]);
  free(azIdx);
  buf_free(&line);
  return rc ? -1 : nDoc;
}

static double now_s(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Pass 2: stores the documents in batches; returns the exit status.
** bThread: the documents are read and prepared on a thread of their own
** (import_pipe.h), their search index entries too (store_search_give);
** this thread only stores them. */
static int import_file(Store *s, FILE *f, int64_t orgId, int64_t userId,
                       long nBatch, long nDoc, double t0, int bThread) {
  Arena a = ARENA_INIT;
  long nDone = 0, nInBatch = 0, nLastStored = 0, nLastLine = 0;
  int64_t firstId = 0, lastId = 0;
  int nTable = 0, rc = STORE_OK;
  /* The search index's tokens on the reader thread too, when there is
  ** one; on one thread the flush prepares them from the stored text (the
  ** other path, which tests/cli/test_docs_import.sh compares). */
  ImportPipe *ip = import_pipe_start(f, orgId, userId, store_doc_packs_body(s),
                                     bThread && store_search_wants_prep(s),
                                     bThread);
  while (rc == STORE_OK) {
    ImportLine *pl = import_pipe_next(ip);
    if (pl) {
      if (nInBatch == 0 && (rc = store_begin(s)) != STORE_OK) break;
      if (pl->zErr) {
        store_rollback(s);
        import_pipe_stop(ip);
        fprintf(stderr, "gongkai docs: 第 %ld 行在检查后被改动（已导入 %ld 个文件）\n",
                pl->iLine, nDone);
        return 1;
      }
      rc = store_doc_import_prepared(s, &a, &pl->p);
      arena_free(&a);
      if (rc != STORE_OK) break;
      store_search_give(s, pl->p.d.id, pl->pIdx); /* the text just stored */
      pl->pIdx = NULL;
      if (!firstId) firstId = pl->p.d.id;
      lastId = pl->p.d.id;
      nLastLine = pl->iLine;
      nInBatch++;
    }
    if (nInBatch && (!pl || nInBatch >= nBatch)) {
      rc = store_search_flush(s); /* the portal's index, one statement */
      if (rc == STORE_OK)
        rc = store_search_index_docs(s, firstId, lastId, &nTable);
      if (rc == STORE_OK) rc = store_commit(s);
      if (rc != STORE_OK) break;
      nDone += nInBatch;
      nLastStored = nLastLine;
      nInBatch = 0;
      firstId = 0;
      if (nDone % 100000 < (long)nBatch && nDoc >= 200000)
        fprintf(stderr, "gongkai docs: %ld / %ld\n", nDone, nDoc);
    }
    if (!pl) break;
  }
  import_pipe_stop(ip);
  if (rc != STORE_OK) {
    if (nInBatch) store_rollback(s);
    fprintf(stderr, "gongkai docs: %s（已导入 %ld 个文件，至第 %ld 行）\n",
            store_errmsg(s), nDone, nLastStored);
    return 1;
  }
  double t = now_s() - t0;
  printf("imported %ld documents in %.2f s (%.0f documents/s); "
         "search tables updated: %d\n",
         nDone, t, t > 0 ? (double)nDone / t : 0.0, nTable);
  return 0;
}

/* Finds the recording user: zUser, else the first user.  0 after printing
** why. */
static int64_t import_user(Store *s, Arena *a, const char *zUser) {
  int64_t userId = 0;
  if (zUser) {
    User u;
    if (store_user_by_login(s, a, zUser, &u) != STORE_OK) {
      fprintf(stderr, "gongkai docs: 用户“%s”不存在\n", zUser);
      return 0;
    }
    return u.id;
  }
  if (store_bench_first_user(s, &userId) != STORE_OK)
    fprintf(stderr, "gongkai docs: %s\n", store_errmsg(s));
  return userId;
}

/* Puts documents imported out of date order back in order (store_search.h).
** Returns 0, or 1 after printing why. */
static int reorder_search(Store *s) {
  int64_t nDisplaced = 0;
  if (store_search_displaced(s, &nDisplaced) != STORE_OK || nDisplaced == 0) return 0;
  printf("search index: %lld documents out of date order, rebuilding\n",
         (long long)nDisplaced);
  if (store_search_rebuild(s) == STORE_OK) return 0;
  fprintf(stderr, "gongkai docs: %s\n", store_errmsg(s));
  return 1;
}

static int import_html(const char *zDb, const char *zOrg, const char *zUser,
                       char **azPage, int nPage) {
  Store *s = cli_open("docs", zDb, STORE_MIGRATE);
  if (!s) return 1;
  Arena a = ARENA_INIT;
  int64_t orgId = cli_org("docs", s, &a, zOrg);
  int64_t userId = orgId ? import_user(s, &a, zUser) : 0;
  int rc = orgId && userId ? docs_import_html(s, orgId, userId, azPage, nPage) : 1;
  if (orgId && userId && reorder_search(s)) rc = 1;
  arena_free(&a);
  store_close(s);
  return rc;
}

int cmd_docs(int argc, char **argv) {
  const char *zDb = CLI_DEFAULT_DB, *zOrg = NULL, *zUser = NULL;
  const char *zBatch = "5000", *zThreads = "2", *zWriter = "store";
  CliOpt aOpt[] = {{"--db", 0, &zDb},
                   {"--org", 0, &zOrg},
                   {"--user", 0, &zUser},
                   {"--batch", 0, &zBatch},
                   {"--import-threads", 0, &zThreads},
                   {"--fts-writer", 0, &zWriter}};
  char **aPos;
  int nPos, bHelp;
  int rc = cli_parse("docs", argc, argv, 1, aOpt, 6, &aPos, &nPos, &bHelp);
  if (rc) return rc;
  if (bHelp) {
    fputs(zUsage, stdout);
    return 0;
  }
  int bHtml = nPos >= 2 && !strcmp(aPos[0], "import-html");
  if ((!bHtml && (nPos != 2 || strcmp(aPos[0], "import"))) || !zOrg) {
    fputs(zUsage, stderr);
    return 2;
  }
  long nBatch = atol(zBatch);
  if (nBatch < 1 || nBatch > 1000000) {
    fprintf(stderr, "gongkai docs: --batch 应为 1 至 1000000\n");
    return 2;
  }
  if (strcmp(zThreads, "1") && strcmp(zThreads, "2")) {
    fprintf(stderr, "gongkai docs: --import-threads 应为 1 或 2\n");
    return 2;
  }
  if (strcmp(zWriter, "store") && strcmp(zWriter, "fts5")) {
    fprintf(stderr, "gongkai docs: --fts-writer 应为 store 或 fts5\n");
    return 2;
  }
  if (crypto_init()) return 1;
#ifdef __GLIBC__
  /* Importing frees and reallocates large blocks for every document
  ** (SQLite's statement and FTS5 buffers, the arena); with glibc's
  ** defaults each free returns them to the kernel and each allocation
  ** faults them back in: half of the import's time went to brk, mmap
  ** and page faults (bench/analysis.md).  Keep them for this process. */
  mallopt(M_MMAP_THRESHOLD, 64 << 20);
  mallopt(M_TRIM_THRESHOLD, 256 << 20);
  mallopt(M_TOP_PAD, 64 << 20);
#endif
  if (bHtml) return import_html(zDb, zOrg, zUser, aPos + 1, nPos - 1);
  FILE *f = fopen(aPos[1], "rb");
  if (!f) {
    fprintf(stderr, "gongkai docs: 无法打开 %s\n", aPos[1]);
    return 1;
  }
  /* The file is read twice from start to end: 1 MB reads instead of
  ** stdio's 4 KB (15,000 read() calls for 10,000 documents).  glibc
  ** ignores the size unless it is given the buffer; freed after fclose. */
  char *zIoBuf = xmalloc(1 << 20);
  setvbuf(f, zIoBuf, _IOFBF, 1 << 20);
  double t0 = now_s();
  Store *s = cli_open("docs", zDb, STORE_MIGRATE);
  if (!s) {
    fclose(f);
    free(zIoBuf);
    return 1;
  }
  Arena a = ARENA_INIT;
  int64_t orgId = cli_org("docs", s, &a, zOrg), userId = 0;
  rc = 1;
  if (!orgId) goto done;
  if (!(userId = import_user(s, &a, zUser))) goto done;
  store_search_segwrite(s, strcmp(zWriter, "fts5") != 0);
  if (store_bulk_mode(s, 256) != STORE_OK ||
      store_search_defer(s, 1) != STORE_OK) {
    fprintf(stderr, "gongkai docs: %s\n", store_errmsg(s));
    goto done;
  }
  long nDoc = check_file(s, f);
  if (nDoc < 0) goto done;
  rewind(f);
  rc = import_file(s, f, orgId, userId, nBatch, nDoc, t0, zThreads[0] == '2');
  /* Documents dated before ones already indexed, where no key was free,
  ** went to the top of the search order: one rebuild puts them back
  ** (store_search.h). */
  if (rc == 0) rc = reorder_search(s);
  /* The index's merged segments left free pages: back to the file system. */
  if (rc == 0 && store_release_free(s) != STORE_OK) {
    fprintf(stderr, "gongkai docs: %s\n", store_errmsg(s));
    rc = 1;
  }
done:
  arena_free(&a);
  store_close(s);
  fclose(f);
  free(zIoBuf);
  return rc;
}
