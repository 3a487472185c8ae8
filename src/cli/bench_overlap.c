/*
** bench_overlap.c — the relevance section of `gongkai bench-search`
** (--overlap): how much of the exact ranking the portal's fast order finds.
**
** Reference: FTS5's bm25() (BM25 with IDF, the portal's column weights)
** over EVERY match, top 20 (BENCH_Q_BM25_ALL).  Fast order: store_search()
** as the search page calls it (gk_rank — BM25 per column without IDF —
** times the recency boost, over the newest SEARCH_CANDIDATES matches).
** overlap@20 = how many of the reference's top 20 the fast top 20 holds,
** as a share of the reference's list (fewer than 20 when there are fewer
** matches).  One-character queries are not ranked by the portal (the
** character table has no positions), so they are left out.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/bench_overlap.h"
#include "cli/cli_util.h"
#include "store/fts_cjk.h"
#include "store/store_bench.h"
#include "store/store_search.h"

#define N_OCLASS 4
static const struct {
  const char *zName;
  int nTerm, nChar;
} aOClass[N_OCLASS] = {{"2 字", 1, 2}, {"3 字", 1, 3}, {"4 字", 1, 4},
                       {"2 词（2+2 字）", 2, 2}};

static int ov_cmp(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

/* The q-quantile of a[0..n) after sorting it (nearest rank). */
static double ov_quantile(double *a, int n, double q) {
  if (n == 0) return 0;
  qsort(a, (size_t)n, sizeof *a, ov_cmp);
  int k = (int)(q * n + 0.999999) - 1;
  return a[k < 0 ? 0 : k >= n ? n - 1 : k];
}

/* How many of aRef[0..nRef) are in aFast[0..nFast). */
static int ov_common(const int64_t *aRef, int nRef, const int64_t *aFast,
                     int nFast) {
  int n = 0;
  for (int i = 0; i < nRef; i++)
    for (int j = 0; j < nFast; j++)
      if (aRef[i] == aFast[j]) { n++; break; }
  return n;
}

/* Per class: timings of both orders and the overlap of every query. */
typedef struct OvClass {
  double *aFull, *aFast, *aRank; /* wall ms, nQ * nRun each */
  double sumOvRank;      /* overlap of gk_rank over every match */
  int nT;
  double sumOv, minOv;   /* overlap share 0..1 over queries with matches */
  int nOv;
  double sumOvBig;       /* the same over queries with > SEARCH_CANDIDATES */
  int nOvBig;
  int64_t *anHits;
} OvClass;

/* Runs query u (user text) and its bigram MATCH zMatch nRun + 1 times in
** both orders (the first run untimed); adds to *pc.  0 or 1 (message
** printed). */
static int ov_query(Store *s, BenchStmt *pFull, BenchStmt *pRank, BenchStmt *pCount,
                    const char *u, const char *zMatch, int nRun, OvClass *pc,
                    int iQ) {
  int64_t aRef[20], aFast[20], aRank[20];
  int nRef = 0, nFast = 0, nRank = 0;
  const char *azArg[1] = {zMatch};
  int64_t nHits = 0;
  if (store_bench_run(s, pCount, azArg, &nHits, NULL) != STORE_OK) goto fail;
  pc->anHits[iQ] = nHits;
  for (int r = 0; r <= nRun; r++) {
    double t0 = cli_wall_ms();
    if (store_bench_rows(s, pFull, azArg, aRef, 20, &nRef) != STORE_OK) goto fail;
    double t1 = cli_wall_ms();
    Arena a = ARENA_INIT;
    SearchQuery q;
    memset(&q, 0, sizeof q);
    q.zQuery = u;
    q.limit = 20;
    int64_t *aId;
    int total;
    int rc = store_search(s, &a, &q, &aId, &nFast, &total);
    double t2 = cli_wall_ms();
    if (rc == STORE_OK && store_bench_rows(s, pRank, azArg, aRank, 20, &nRank) != STORE_OK)
      rc = STORE_ERROR;
    double t3 = cli_wall_ms();
    if (rc == STORE_OK) memcpy(aFast, aId, sizeof(int64_t) * (size_t)(nFast < 20 ? nFast : 20));
    arena_free(&a);
    if (rc != STORE_OK) goto fail;
    if (r > 0) {
      pc->aFull[pc->nT] = t1 - t0;
      pc->aRank[pc->nT] = t3 - t2;
      pc->aFast[pc->nT++] = t2 - t1;
    }
  }
  if (nRef > 0) {
    double ov = (double)ov_common(aRef, nRef, aFast, nFast) / nRef;
    pc->sumOv += ov;
    pc->sumOvRank += (double)ov_common(aRef, nRef, aRank, nRank) / nRef;
    if (pc->nOv == 0 || ov < pc->minOv) pc->minOv = ov;
    pc->nOv++;
    if (nHits > SEARCH_CANDIDATES) {
      pc->sumOvBig += ov;
      pc->nOvBig++;
    }
  }
  return 0;
fail:
  fprintf(stderr, "gongkai bench-search: %s\n", store_errmsg(s));
  return 1;
}

/* Formats a mean overlap as "k.k / 20" or "—". */
static void ov_fmt(char *z, size_t n, double sum, int cnt) {
  if (cnt) snprintf(z, n, "%.1f / 20", 20.0 * sum / cnt);
  else snprintf(z, n, "—");
}

int bench_overlap(Store *s, const BenchVocab *v, uint64_t seed, int nQ,
                  int nRun, int64_t nDoc) {
  BenchStmt *pFull = NULL, *pCount = NULL, *pRank = NULL;
  if (store_bench_prepare(s, "search_fts", BENCH_Q_BM25_ALL, 1, &pFull) != STORE_OK ||
      store_bench_prepare(s, "search_fts", BENCH_Q_RANK_ALL, 1, &pRank) != STORE_OK ||
      store_bench_prepare(s, "search_fts", BENCH_Q_COUNT, 1, &pCount) != STORE_OK) {
    fprintf(stderr, "gongkai bench-search: %s\n", store_errmsg(s));
    store_bench_finalize(pFull);
    store_bench_finalize(pRank);
    return 1;
  }
  printf("\n## 2b. Relevance over all matches, %lld documents\n\n", (long long)nDoc);
  printf("Reference: FTS5 `bm25()` (BM25 with IDF) over **every** match, weights "
         "body 1, title 5, 文号 5, keywords 2, attachments 1, top 20. Fast order: "
         "the portal's (`store_search()`: gk_rank, BM25 without IDF, times the "
         "recency boost, over the newest %d matches). overlap@20 = how many of the "
         "reference's top 20 the portal's first page holds (mean over the queries; "
         "scaled to 20 when a query has fewer matches). %d queries per class "
         "(seed %llu), one warm-up run, then %d timed; ms wall clock. One-character "
         "queries are ordered by date (not ranked) and left out. The last column "
         "separates the causes: gk_rank over every match (no window of %d, no "
         "recency) against the same reference, i.e. what only the missing IDF "
         "and gk_rank's per-column saturation change.\n\n",
         SEARCH_CANDIDATES, nQ, (unsigned long long)seed, nRun, SEARCH_CANDIDATES);
  printf("| query class | median hits | full BM25 p50 / p99 | portal order p50 / p99 "
         "| overlap@20 mean (min) | overlap@20, queries with > %d matches "
         "| gk_rank over all matches p50 / p99 | its overlap@20 |\n"
         "|---|---|---|---|---|---|---|---|\n", SEARCH_CANDIDATES);
  int rc = 0;
  for (int c = 0; c < N_OCLASS && !rc; c++) {
    OvClass oc;
    memset(&oc, 0, sizeof oc);
    oc.aFull = xmalloc(sizeof(double) * (size_t)(nQ * nRun + 1));
    oc.aFast = xmalloc(sizeof(double) * (size_t)(nQ * nRun + 1));
    oc.aRank = xmalloc(sizeof(double) * (size_t)(nQ * nRun + 1));
    oc.anHits = xmalloc(sizeof(int64_t) * (size_t)nQ);
    int nBig = 0;
    for (int i = 0; i < nQ && !rc; i++) {
      Buf u = BUF_INIT, m = BUF_INIT, ch = BUF_INIT;
      for (int k = 0; k < aOClass[c].nTerm; k++) {
        if (k) buf_putc(&u, ' ');
        bench_query_term(v, seed + (uint64_t)c * 7919u, i * 2 + k,
                         aOClass[c].nChar, &u);
      }
      if (fts_cjk_query_split(buf_str(&u), &m, &ch, NULL) == FTS_CJK_OK && m.n)
        rc = ov_query(s, pFull, pRank, pCount, buf_str(&u), buf_str(&m), nRun, &oc, i);
      else
        oc.anHits[i] = 0;
      buf_free(&u);
      buf_free(&m);
      buf_free(&ch);
    }
    if (!rc) {
      for (int i = 0; i < nQ; i++) nBig += oc.anHits[i] > SEARCH_CANDIDATES;
      int64_t *aS = xmalloc(sizeof(int64_t) * (size_t)nQ);
      memcpy(aS, oc.anHits, sizeof(int64_t) * (size_t)nQ);
      for (int i = 1; i < nQ; i++) /* insertion sort: nQ is small */
        for (int j = i; j > 0 && aS[j - 1] > aS[j]; j--) {
          int64_t t = aS[j]; aS[j] = aS[j - 1]; aS[j - 1] = t;
        }
      char zAll[48], zBig[64], zRank[48];
      ov_fmt(zRank, sizeof zRank, oc.sumOvRank, oc.nOv);
      ov_fmt(zAll, sizeof zAll, oc.sumOv, oc.nOv);
      ov_fmt(zBig, sizeof zBig, oc.sumOvBig, oc.nOvBig);
      printf("| %s | %lld | %.2f / %.2f | %.2f / %.2f | %s (%.0f) | %s (%d queries) "
             "| %.2f / %.2f | %s |\n",
             aOClass[c].zName, (long long)aS[nQ / 2],
             ov_quantile(oc.aFull, oc.nT, 0.5), ov_quantile(oc.aFull, oc.nT, 0.99),
             ov_quantile(oc.aFast, oc.nT, 0.5), ov_quantile(oc.aFast, oc.nT, 0.99),
             zAll, 20.0 * oc.minOv, zBig, nBig,
             ov_quantile(oc.aRank, oc.nT, 0.5), ov_quantile(oc.aRank, oc.nT, 0.99), zRank);
      free(aS);
    }
    free(oc.aFull);
    free(oc.aFast);
    free(oc.aRank);
    free(oc.anHits);
  }
  store_bench_finalize(pFull);
  store_bench_finalize(pRank);
  store_bench_finalize(pCount);
  return rc;
}
