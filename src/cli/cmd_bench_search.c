/*
** cmd_bench_search.c — `gongkai bench-search`: times the search statements
** of docs/search.md on a database (newest 20, gk_rank top 20 of the newest
** 1000, total count) for query classes of two, four and six characters and
** two two-character terms, against a plain LIKE scan of the same columns
** and, when given, an FTS5 trigram table over the same documents; checks
** recall (the count equals the LIKE count); prints the index size against
** the text it indexes.  Output is a Markdown section for bench/RESULTS.md.
**
** Queries come from the generator's vocabulary (cli/bench_gen.h), seeded,
** so two runs ask the same questions.  Each query is run once to warm the
** cache, then --runs times; p50/p99 are over all timed runs of a class.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/bench_compare.h"
#include "cli/bench_gen.h"
#include "cli/bench_overlap.h"
#include "cli/cli.h"
#include "cli/cli_util.h"
#include "cli/commands.h"
#include "store/fts_cjk.h"
#include "store/store_bench.h"
#include "store/store_search.h"

static const char zUsage[] =
    "usage: gongkai bench-search [--db PATH] [--table NAME] [--trigram NAME]\n"
    "                            [--queries N] [--runs R] [--like L]\n"
    "                            [--seed S] [--overlap N] [--latency]\n"
    "                            [--compare DB2 [--replica FILE]]\n"
    "                            [--exact [--fts5] [--each]]\n\n"
    "Times search on the documents of PATH and prints a Markdown report.\n"
    "--table    the search table (default: the first FTS5 table over doc)\n"
    "--trigram  a trigram table to compare (see bench-search --create)\n"
    "--queries  queries per class (default 40), --runs timed runs each (3)\n"
    "--like     queries per class also run as LIKE scans (default 3)\n"
    "--overlap  also the relevance section: the portal's order against BM25\n"
    "           with IDF over every match, N queries per class (default 0)\n"
    "--latency  only newest 20 / relevance / portal page over all classes\n"
    "           together, one line: for each wall p50, p99 and CPU p99 (ms)\n"
    "--compare  the same queries through store_search() on PATH and on DB2\n"
    "           (SQLite or PostgreSQL), alternately: newest 20, relevance 20,\n"
    "           exact count, portal page; a Markdown table with the ratios;\n"
    "           --replica: a PostgreSQL DB2 searched through its FTS5 replica\n"
    "           FILE (serve --search-replica), filled or caught up first\n"
    "--exact    only the exact count through store_search() (count cache\n"
    "           off), per class: queries, median matches, wall p50 p99, CPU\n"
    "           p50 p99 (ms); --fts5: counted by FTS5, not read from the\n"
    "           segments (fts_read.c); without it each count is first\n"
    "           compared with FTS5's (a difference: exit status 1);\n"
    "           --each: every query's first count on stderr (class, query,\n"
    "           matches, CPU ms)\n"
    "--create NAME --tokenizer gk|trigram  creates and fills a search table\n"
    "           instead (prints the seconds it took); --drop NAME drops it.\n";

#define N_CLASS 4
static const struct {
  const char *zName;
  int nTerm, nChar;
} aClass[N_CLASS] = {{"2 字", 1, 2}, {"4 字", 1, 4}, {"6 字", 1, 6},
                     {"2 词（2+2 字）", 2, 2}};

/* Wall-clock and CPU quantiles of one statement kind. */
typedef struct Lat {
  double w50, w99;  /* wall clock p50, p99 (ms) */
  double c50, c99;  /* process CPU time p50, p99 (ms) */
} Lat;

static int cmp_dbl(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

/* The q-quantile (0..1) of a[0..n) after sorting it (nearest rank). */
static double quantile(double *a, int n, double q) {
  if (n == 0) return 0;
  qsort(a, (size_t)n, sizeof *a, cmp_dbl);
  int k = (int)(q * n + 0.999999) - 1;
  if (k < 0) k = 0;
  if (k >= n) k = n - 1;
  return a[k];
}

/* Stores the wall-clock (aT) and CPU (aC) quantiles of nT timings in
** *pLat and frees both arrays. */
static void lat_finish(double *aT, double *aC, int nT, Lat *pLat) {
  pLat->w99 = quantile(aT, nT, 0.99);
  pLat->w50 = quantile(aT, nT, 0.50);
  pLat->c99 = quantile(aC, nT, 0.99);
  pLat->c50 = quantile(aC, nT, 0.50);
  free(aT);
  free(aC);
}

/* One query: its terms and MATCH expression. */
typedef struct Query {
  char *azTerm[2];
  int nTerm;
  char *zMatch;
  int64_t nHits;    /* count from the main table */
} Query;

/* Times statement kind eKind of zTable over aQ[0..nQ) (runs each once
** untimed, then nRun times); writes the quantiles to *pLat, and each
** query's last result to anRes when not NULL.
** Returns 0, or 1 after printing the store's message. */
static int time_kind(Store *s, const char *zTable, int eKind, Query *aQ,
                     int nQ, int nTerm, int nRun, Lat *pLat,
                     int64_t *anRes) {
  BenchStmt *p;
  if (store_bench_prepare(s, zTable, eKind, nTerm, &p) != STORE_OK) {
    fprintf(stderr, "gongkai bench-search: %s\n", store_errmsg(s));
    return 1;
  }
  double *aT = xmalloc(sizeof(double) * (size_t)(nQ * nRun + 1));
  double *aC = xmalloc(sizeof(double) * (size_t)(nQ * nRun + 1));
  int nT = 0, rc = 0;
  for (int i = 0; i < nQ && !rc; i++) {
    const char *azArg[2];
    int bLike = eKind == BENCH_Q_LIKE_NEWEST || eKind == BENCH_Q_LIKE_COUNT;
    for (int k = 0; k < aQ[i].nTerm; k++) azArg[k] = aQ[i].azTerm[k];
    if (!bLike) azArg[0] = aQ[i].zMatch;
    int64_t nRow = 0;
    for (int r = 0; r <= nRun && !rc; r++) {
      double t0 = cli_wall_ms(), c0 = cli_cpu_ms();
      if (store_bench_run(s, p, azArg, &nRow, NULL) != STORE_OK) {
        fprintf(stderr, "gongkai bench-search: %s\n", store_errmsg(s));
        rc = 1;
      }
      double t = cli_wall_ms() - t0, c = cli_cpu_ms() - c0;
      if (r > 0) { /* run 0 warms the cache */
        aC[nT] = c;
        aT[nT++] = t;
      }
    }
    if (anRes) anRes[i] = nRow;
  }
  store_bench_finalize(p);
  lat_finish(aT, aC, nT, pLat);
  return rc;
}

/* Times store_search() with the shape of *pShape (limit, order, count
** cap; its zQuery is ignored) over aQ[0..nQ): one untimed run each, then
** nRun timed.  bCache 0 turns the count cache off for the runs, so every
** run counts.  Returns 0, or 1 after printing the message. */
static int time_search(Store *s, const SearchQuery *pShape, int bCache,
                       Query *aQ, int nQ, int nRun, Lat *pLat) {
  if (!bCache) store_search_count_cache(s, 0);
  double *aT = xmalloc(sizeof(double) * (size_t)(nQ * nRun + 1));
  double *aC = xmalloc(sizeof(double) * (size_t)(nQ * nRun + 1));
  int nT = 0, rc = 0;
  for (int i = 0; i < nQ && !rc; i++) {
    Buf u = BUF_INIT;
    for (int k = 0; k < aQ[i].nTerm; k++) {
      if (k) buf_putc(&u, ' ');
      buf_puts(&u, aQ[i].azTerm[k]);
    }
    for (int r = 0; r <= nRun && !rc; r++) {
      Arena a = ARENA_INIT;
      SearchQuery q = *pShape;
      q.zQuery = buf_str(&u);
      int64_t *aId;
      int n, total;
      double t0 = cli_wall_ms(), c0 = cli_cpu_ms();
      if (store_search(s, &a, &q, &aId, &n, &total) != STORE_OK) {
        fprintf(stderr, "gongkai bench-search: %s\n", store_errmsg(s));
        rc = 1;
      }
      double t = cli_wall_ms() - t0, c = cli_cpu_ms() - c0;
      arena_free(&a);
      if (r > 0) {
        aC[nT] = c;
        aT[nT++] = t;
      }
    }
    buf_free(&u);
  }
  if (!bCache) store_search_count_cache(s, 1);
  lat_finish(aT, aC, nT, pLat);
  return rc;
}

/* As the portal's search page calls it: first page of 20 by relevance,
** with the capped total, every run counting. */
static int time_portal(Store *s, Query *aQ, int nQ, int nRun, Lat *pLat) {
  SearchQuery q;
  memset(&q, 0, sizeof q);
  q.limit = 20;
  return time_search(s, &q, 0, aQ, nQ, nRun, pLat);
}

/* The exact count (countCap -1, first result newest first) asked again:
** the untimed run fills the count cache, the timed runs are answered
** from it. */
static int time_exact_again(Store *s, Query *aQ, int nQ, int nRun, Lat *pLat) {
  SearchQuery q;
  memset(&q, 0, sizeof q);
  q.limit = 1;
  q.bByDate = 1;
  q.countCap = -1;
  return time_search(s, &q, 1, aQ, nQ, nRun, pLat);
}

/* Fills aQ[0..nQ) with the queries of class c (seed): terms and MATCH. */
static void make_queries(const BenchVocab *v, uint64_t seed, int c, Query *aQ,
                         int nQ) {
  memset(aQ, 0, sizeof(Query) * (size_t)nQ);
  for (int i = 0; i < nQ; i++) {
    Buf m = BUF_INIT;
    aQ[i].nTerm = aClass[c].nTerm;
    for (int k = 0; k < aClass[c].nTerm; k++) {
      Buf t = BUF_INIT;
      bench_query_term(v, seed + (uint64_t)c * 1000003u, i * 2 + k,
                       aClass[c].nChar, &t);
      aQ[i].azTerm[k] = buf_steal(&t);
      if (k) buf_putc(&m, ' ');
      buf_puts(&m, aQ[i].azTerm[k]);
    }
    Buf x = BUF_INIT;
    if (fts_cjk_query(buf_str(&m), &x, NULL) != FTS_CJK_OK) buf_puts(&x, "\"\"");
    aQ[i].zMatch = buf_steal(&x);
    buf_free(&m);
  }
}

/* Frees the strings of aQ[0..nQ) (NULL members are fine). */
static void free_queries(Query *aQ, int nQ) {
  for (int i = 0; i < nQ; i++) {
    free(aQ[i].azTerm[0]);
    free(aQ[i].azTerm[1]);
    free(aQ[i].zMatch);
  }
}

static int cmp_i64(const void *a, const void *b) {
  int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
  return x < y ? -1 : x > y;
}

static const char *kind_name(const char *zDb) {
  return store_kind(zDb) == STORE_KIND_POSTGRES ? "PostgreSQL" : "SQLite";
}

/* Creates (or drops) a comparison table; returns the exit status. */
static int create_or_drop(Store *s, const char *zCreate, const char *zTok,
                          const char *zDrop) {
  double t0 = cli_wall_ms();
  int rc;
  if (zDrop) {
    rc = store_bench_drop(s, zDrop);
  } else {
    rc = store_begin(s);
    if (rc == STORE_OK)
      rc = store_bench_create_search(s, zCreate, zTok ? zTok : "gk", 1);
    if (rc == STORE_OK) rc = store_commit(s);
    else store_rollback(s);
  }
  if (rc != STORE_OK) {
    fprintf(stderr, "gongkai bench-search: %s\n", store_errmsg(s));
    return 1;
  }
  printf("%.2f\n", (cli_wall_ms() - t0) / 1000.0);
  return 0;
}

/* --latency: newest 20, relevance (gk_rank of the newest 1000) and the
** portal page over the queries of every class together; prints one line
** of nine numbers (ms): for each of the three, wall-clock p50 and p99 and
** the p99 of the process's CPU time.  Returns the exit status. */
static int latency_only(Store *s, const char *zTable, const BenchVocab *v,
                        uint64_t seed, int nQ, int nRun) {
  int nAll = nQ * N_CLASS;
  Query *aQ = xmalloc(sizeof(Query) * (size_t)nAll);
  for (int c = 0; c < N_CLASS; c++) make_queries(v, seed, c, aQ + c * nQ, nQ);
  Lat ln, lr, lp;
  memset(&lp, 0, sizeof lp);
  int rc = time_kind(s, zTable, BENCH_Q_NEWEST, aQ, nAll, 1, nRun, &ln, NULL) ||
           time_kind(s, zTable, BENCH_Q_RELEVANCE, aQ, nAll, 1, nRun, &lr, NULL) ||
           (!strcmp(zTable, "search_fts") && time_portal(s, aQ, nAll, nRun, &lp));
  if (!rc)
    printf("%.3f %.3f %.3f %.3f %.3f %.3f %.3f %.3f %.3f\n", ln.w50, ln.w99, ln.c99,
           lr.w50, lr.w99, lr.c99, lp.w50, lp.w99, lp.c99);
  free_queries(aQ, nAll);
  free(aQ);
  return rc;
}

/* --exact: the exact count of store_search() (as `search` with countCap
** -1, by date, one row; the count cache off) per class; prints one line
** per class.  bFts5: counted by FTS5.  bEach: each query's first count
** (CPU ms, cold) on stderr.  Returns the exit status. */
static int exact_only(Store *s, const BenchVocab *v, uint64_t seed, int nQ,
                      int nRun, int bFts5, int bEach) {
  store_search_fast_count(s, !bFts5);
  SearchQuery q;
  memset(&q, 0, sizeof q);
  q.limit = 1;
  q.bByDate = 1;
  q.countCap = -1;
  int rc = 0, nBad = 0;
  for (int c = 0; c < N_CLASS && !rc; c++) {
    Query *aQ = xmalloc(sizeof(Query) * (size_t)nQ);
    make_queries(v, seed, c, aQ, nQ);
    int64_t *aN = xmalloc(sizeof(int64_t) * (size_t)nQ);
    for (int i = 0; i < nQ && !rc; i++) { /* the matches, once */
      Arena a = ARENA_INIT;
      Buf u = BUF_INIT;
      for (int k = 0; k < aQ[i].nTerm; k++) {
        if (k) buf_putc(&u, ' ');
        buf_puts(&u, aQ[i].azTerm[k]);
      }
      SearchQuery q1 = q;
      q1.zQuery = buf_str(&u);
      int64_t *aId;
      int n, total = 0;
      double c0 = cli_cpu_ms();
      rc = store_search(s, &a, &q1, &aId, &n, &total) != STORE_OK;
      if (bEach)
        fprintf(stderr, "%s\t%s\t%d\t%.2f\n", aClass[c].zName, q1.zQuery,
                total, cli_cpu_ms() - c0);
      aN[i] = total;
      if (!bFts5 && !rc) { /* the same count by FTS5 (not the cache's) */
        int total5 = -1;
        store_search_fast_count(s, 0);
        store_search_count_cache(s, 0);
        rc = store_search(s, &a, &q1, &aId, &n, &total5) != STORE_OK;
        store_search_count_cache(s, 1);
        store_search_fast_count(s, 1);
        if (total5 != total) {
          nBad++;
          fprintf(stderr, "gongkai bench-search: count of %s: %d, FTS5 %d\n",
                  q1.zQuery, total, total5);
        }
      }
      buf_free(&u);
      arena_free(&a);
    }
    Lat l;
    if (rc) fprintf(stderr, "gongkai bench-search: %s\n", store_errmsg(s));
    if (!rc) rc = time_search(s, &q, 0, aQ, nQ, nRun, &l);
    qsort(aN, (size_t)nQ, sizeof *aN, cmp_i64);
    if (!rc)
      printf("%s\t%d\t%lld\t%.2f\t%.2f\t%.2f\t%.2f\n", aClass[c].zName, nQ,
             (long long)aN[nQ / 2], l.w50, l.w99, l.c50, l.c99);
    free(aN);
    free_queries(aQ, nQ);
    free(aQ);
  }
  return rc || nBad;
}

/* --compare: the queries of every class through store_search() on s and
** on the database zDb2 (bench_compare.c).  Returns the exit status. */
static int compare_only(Store *s, const char *zDb, const char *zDb2,
                        const char *zReplica, const BenchVocab *v,
                        uint64_t seed, int nQ, int nRun) {
  if (zReplica) store_search_replica_set(zReplica);
  Store *s2 = cli_open("bench-search", zDb2, 0);
  if (!s2) return 1;
  if (zReplica) {
    /* filled (or caught up) here, not in the first timed query */
    double t0 = cli_wall_ms();
    if (store_search_replica_refresh(s2) != STORE_OK) {
      store_close(s2);
      return 1;
    }
    printf("Search replica `%s` brought up to date in %.1f s before the "
           "queries.\n\n", zReplica, (cli_wall_ms() - t0) / 1000.0);
  }
  const char *azName[N_CLASS];
  char **aazQ[N_CLASS];
  Query *aQ = xmalloc(sizeof(Query) * (size_t)nQ);
  for (int c = 0; c < N_CLASS; c++) {
    azName[c] = aClass[c].zName;
    aazQ[c] = xmalloc(sizeof(char *) * (size_t)nQ);
    make_queries(v, seed, c, aQ, nQ);
    for (int i = 0; i < nQ; i++) {
      Buf u = BUF_INIT;
      for (int k = 0; k < aQ[i].nTerm; k++) {
        if (k) buf_putc(&u, ' ');
        buf_puts(&u, aQ[i].azTerm[k]);
      }
      aazQ[c][i] = buf_steal(&u);
    }
    free_queries(aQ, nQ);
  }
  int rc = bench_compare(s, s2, kind_name(zDb), kind_name(zDb2), azName,
                         aazQ, N_CLASS, nQ, nRun);
  for (int c = 0; c < N_CLASS; c++) {
    for (int i = 0; i < nQ; i++) free(aazQ[c][i]);
    free(aazQ[c]);
  }
  free(aQ);
  store_close(s2);
  return rc;
}

int cmd_bench_search(int argc, char **argv) {
  const char *zDb = CLI_DEFAULT_DB, *zTable = NULL, *zTri = NULL;
  const char *zQ = "40", *zRuns = "3", *zLike = "3", *zSeed = "7";
  const char *zCreate = NULL, *zTok = NULL, *zDrop = NULL, *zOverlap = "0",
             *zLatency = NULL, *zCompare = NULL, *zReplica = NULL,
             *zExact = NULL, *zFts5 = NULL, *zEach = NULL;
  CliOpt aOpt[] = {{"--db", 0, &zDb},         {"--table", 0, &zTable},
                   {"--trigram", 0, &zTri},   {"--queries", 0, &zQ},
                   {"--runs", 0, &zRuns},     {"--like", 0, &zLike},
                   {"--seed", 0, &zSeed},     {"--create", 0, &zCreate},
                   {"--tokenizer", 0, &zTok}, {"--drop", 0, &zDrop},
                   {"--overlap", 0, &zOverlap}, {"--latency", 1, &zLatency},
                   {"--compare", 0, &zCompare}, {"--replica", 0, &zReplica},
                   {"--exact", 1, &zExact},   {"--fts5", 1, &zFts5},
                   {"--each", 1, &zEach}};
  char **aPos;
  int nPos, bHelp;
  int rc = cli_parse("bench-search", argc, argv, 1, aOpt,
                     (int)(sizeof aOpt / sizeof aOpt[0]), &aPos, &nPos,
                     &bHelp);
  if (rc) return rc;
  if (bHelp) {
    fputs(zUsage, stdout);
    return 0;
  }
  int nQ = atoi(zQ), nRun = atoi(zRuns), nLike = atoi(zLike);
  int nOverlap = atoi(zOverlap);
  if (nPos || nQ < 1 || nQ > 10000 || nRun < 1 || nRun > 100 || nLike < 0 ||
      nOverlap < 0 || nOverlap > 10000) {
    fputs(zUsage, stderr);
    return 2;
  }
  if (nLike > nQ) nLike = nQ;
  Store *s = cli_open("bench-search", zDb, 0);
  if (!s) return 1;
  if (zCreate || zDrop) {
    rc = create_or_drop(s, zCreate, zTok, zDrop);
    store_close(s);
    return rc;
  }
  Arena a = ARENA_INIT;
  BenchVocab v;
  memset(&v, 0, sizeof v);
  rc = 1;
  if (zCompare) {
    if (bench_vocab_load(&v)) {
      fprintf(stderr, "gongkai bench-search: 词表缺失\n");
      goto done0;
    }
    rc = compare_only(s, zDb, zCompare, zReplica, &v, strtoull(zSeed, NULL, 10),
                      nQ, nRun);
    goto done0;
  }
  if (!zTable && store_bench_search_table(s, &a, &zTable) != STORE_OK) {
    fprintf(stderr, "gongkai bench-search: %s\n", store_errmsg(s));
    goto done0;
  }
  int bPortal = !strcmp(zTable, "search_fts");
  if (bench_vocab_load(&v)) {
    fprintf(stderr, "gongkai bench-search: 词表缺失\n");
    goto done0;
  }
  if (zExact) {
    rc = exact_only(s, &v, strtoull(zSeed, NULL, 10), nQ, nRun, zFts5 != NULL,
                    zEach != NULL);
    goto done0;
  }
  if (zLatency) {
    rc = latency_only(s, zTable, &v, strtoull(zSeed, NULL, 10), nQ, nRun);
    goto done0;
  }
  int64_t nDoc = 0, maxId = 0, nIndex = 0, nText = 0, nTri = 0, nTriText = 0;
  int64_t nChr = 0, nChrText = 0;
  if (store_bench_doc_range(s, &nDoc, &maxId) != STORE_OK ||
      store_bench_sizes(s, zTable, &nIndex, &nText) != STORE_OK ||
      (bPortal && store_bench_sizes(s, "search_chr", &nChr, &nChrText) != STORE_OK) ||
      (zTri && store_bench_sizes(s, zTri, &nTri, &nTriText) != STORE_OK)) {
    fprintf(stderr, "gongkai bench-search: %s\n", store_errmsg(s));
    goto done0;
  }
  printf("\n## 2. Search over %lld documents\n\n", (long long)nDoc);
  printf("Table `%s` (tokenizer gk, docs/search.md); %d queries per class "
         "drawn from the vocabulary (seed %s), each run once to warm up, then "
         "%d timed runs; latency in ms, wall-clock p50 / p99 over all timed "
         "runs of the class, and in parentheses the p99 of the process's CPU "
         "time (what the query costs without the waits a busy machine adds). Newest 20 = `ORDER BY rowid DESC LIMIT 20`; relevance = gk_rank "
         "(BM25 without IDF, fts_cjk.c) top 20 of the newest 1000 matches; count = all matches (exact); "
         "count ≤ %d = the count the portal shows (\"%d 条以上\" beyond); "
         "portal page = `store_search()` as the search page calls it (capped "
         "count, then the first 20 by relevance, no filter)%s. LIKE = "
         "`col LIKE '%%term%%'` on the same columns (%d queries per class).\n\n",
         zTable, nQ, zSeed, nRun, SEARCH_COUNT_CAP, SEARCH_COUNT_CAP,
         bPortal ? "" : " (only on the portal's table search_fts)", nLike);
  printf("| engine | query class | newest 20 p50 / p99 | relevance p50 / p99 "
         "| count p50 / p99 | count ≤ %d p50 / p99 | portal page p50 / p99 "
         "| median hits | recall (= LIKE count) |\n"
         "|---|---|---|---|---|---|---|---|---|\n", SEARCH_COUNT_CAP);
  uint64_t seed = strtoull(zSeed, NULL, 10);
  Query *aQ = xmalloc(sizeof(Query) * (size_t)nQ);
  int64_t *anCount = xmalloc(sizeof(int64_t) * (size_t)nQ);
  int64_t *anLike = xmalloc(sizeof(int64_t) * (size_t)nQ);
  int64_t *anTri = xmalloc(sizeof(int64_t) * (size_t)nQ);
  int bFail = 0;
  char zLikeRows[N_CLASS][400], zTriRows[N_CLASS][400];
  char zAgainRows[N_CLASS][200];
  for (int c = 0; c < N_CLASS && !bFail; c++) {
    make_queries(&v, seed, c, aQ, nQ);
    Lat ln, lr, lc, lk, lp;
    memset(&lp, 0, sizeof lp);
    if (time_kind(s, zTable, BENCH_Q_NEWEST, aQ, nQ, 1, nRun, &ln, NULL) ||
        time_kind(s, zTable, BENCH_Q_RELEVANCE, aQ, nQ, 1, nRun, &lr, NULL) ||
        time_kind(s, zTable, BENCH_Q_COUNT, aQ, nQ, 1, nRun, &lc, anCount) ||
        time_kind(s, zTable, BENCH_Q_COUNT_CAPPED, aQ, nQ, 1, nRun, &lk, NULL) ||
        (bPortal && time_portal(s, aQ, nQ, nRun, &lp))) {
      free_queries(aQ, nQ);
      bFail = 1;
      break;
    }
    zAgainRows[c][0] = 0;
    Lat la;
    if (bPortal) {
      if (time_exact_again(s, aQ, nQ, nRun, &la)) {
        free_queries(aQ, nQ);
        bFail = 1;
        break;
      }
      snprintf(zAgainRows[c], sizeof zAgainRows[c],
               "| %s | %.3f / %.3f (%.3f) | %.3f / %.3f (%.3f) |",
               aClass[c].zName, lc.w50, lc.w99, lc.c99, la.w50, la.w99, la.c99);
    }
    Lat kn, kc;
    memset(&kn, 0, sizeof kn);
    memset(&kc, 0, sizeof kc);
    int nExact = 0;
    if (nLike > 0) {
      if (time_kind(s, zTable, BENCH_Q_LIKE_NEWEST, aQ, nLike, aClass[c].nTerm,
                    1, &kn, NULL) ||
          time_kind(s, zTable, BENCH_Q_LIKE_COUNT, aQ, nLike, aClass[c].nTerm,
                    1, &kc, anLike)) {
        free_queries(aQ, nQ);
        bFail = 1;
        break;
      }
      for (int i = 0; i < nLike; i++) {
        nExact += anLike[i] == anCount[i];
        if (anLike[i] != anCount[i])
          fprintf(stderr, "bench-search: recall differs for \"%s%s%s\": "
                  "gk %lld, LIKE %lld\n", aQ[i].azTerm[0],
                  aQ[i].nTerm > 1 ? " " : "",
                  aQ[i].nTerm > 1 ? aQ[i].azTerm[1] : "",
                  (long long)anCount[i], (long long)anLike[i]);
      }
    }
    int64_t *aSorted = xmalloc(sizeof(int64_t) * (size_t)nQ);
    memcpy(aSorted, anCount, sizeof(int64_t) * (size_t)nQ);
    qsort(aSorted, (size_t)nQ, sizeof *aSorted, cmp_i64);
    int64_t nMed = aSorted[nQ / 2];
    free(aSorted);
    char zRecall[64];
    if (nLike)
      snprintf(zRecall, sizeof zRecall, "%d / %d exact", nExact, nLike);
    else
      snprintf(zRecall, sizeof zRecall, "not checked");
    char zPortal[80] = "—";
    if (bPortal)
      snprintf(zPortal, sizeof zPortal, "%.3f / %.3f (%.3f)", lp.w50, lp.w99,
               lp.c99);
    printf("| gk | %s | %.3f / %.3f (%.3f) | %.3f / %.3f (%.3f) | %.3f / %.3f "
           "(%.3f) | %.3f / %.3f (%.3f) | %s | %lld | %s |\n",
           aClass[c].zName, ln.w50, ln.w99, ln.c99, lr.w50, lr.w99, lr.c99,
           lc.w50, lc.w99, lc.c99, lk.w50, lk.w99, lk.c99, zPortal,
           (long long)nMed, zRecall);
    snprintf(zLikeRows[c], sizeof zLikeRows[c],
             "| LIKE scan | %s | %.1f / %.1f (%.1f) | — | %.1f / %.1f (%.1f) | — "
             "| — | | (reference) |",
             aClass[c].zName, kn.w50, kn.w99, kn.c99, kc.w50, kc.w99, kc.c99);
    zTriRows[c][0] = 0;
    if (zTri) {
      Lat tn, tr, tc;
      if (time_kind(s, zTri, BENCH_Q_NEWEST, aQ, nQ, 1, nRun, &tn, NULL) ||
          time_kind(s, zTri, BENCH_Q_RELEVANCE, aQ, nQ, 1, nRun, &tr, NULL) ||
          time_kind(s, zTri, BENCH_Q_COUNT, aQ, nQ, 1, nRun, &tc, anTri)) {
        free_queries(aQ, nQ);
        bFail = 1;
        break;
      }
      int nSame = 0;
      for (int i = 0; i < nQ; i++) nSame += anTri[i] == anCount[i];
      snprintf(zTriRows[c], sizeof zTriRows[c],
               "| trigram | %s | %.3f / %.3f (%.3f) | %.3f / %.3f (%.3f) | "
               "%.3f / %.3f (%.3f) | — | — | | %d / %d same count as gk |",
               aClass[c].zName, tn.w50, tn.w99, tn.c99, tr.w50, tr.w99,
               tr.c99, tc.w50, tc.w99, tc.c99, nSame, nQ);
    }
    free_queries(aQ, nQ);
  }
  if (!bFail) {
    for (int c = 0; c < N_CLASS && zTri; c++) printf("%s\n", zTriRows[c]);
    for (int c = 0; c < N_CLASS && nLike; c++) printf("%s\n", zLikeRows[c]);
    if (bPortal) {
      printf("\nExact count (every match, target p99 ≤ 50 ms at 1M), ms as "
             "above: first ask (the count column: the count statement of "
             "`store_search` with no cap) and asked again at the same "
             "content generation (`store_search` with countCap -1, answered "
             "from the count cache):\n\n"
             "| query class | first ask p50 / p99 | asked again p50 / p99 |\n"
             "|---|---|---|\n");
      for (int c = 0; c < N_CLASS; c++) printf("%s\n", zAgainRows[c]);
    }
    printf("\nIndex size on disk (dbstat, the FTS5 shadow tables) against the "
           "UTF-8 text it indexes (%.1f MB):\n\n"
           "| index | MB | × text |\n|---|---|---|\n",
           (double)nText / 1e6);
    printf("| gk (`%s`%s) | %.1f | %.2f |\n", zTable,
           bPortal ? ", bigrams with positions" : "", (double)nIndex / 1e6,
           nText ? (double)nIndex / (double)nText : 0.0);
    if (bPortal) {
      printf("| gk characters (`search_chr`, detail=none) | %.1f | %.2f |\n",
             (double)nChr / 1e6, nText ? (double)nChr / (double)nText : 0.0);
      printf("| **gk total (the portal's index)** | **%.1f** | **%.2f** |\n",
             (double)(nIndex + nChr) / 1e6,
             nText ? (double)(nIndex + nChr) / (double)nText : 0.0);
    }
    if (zTri)
      printf("| trigram (`%s`) | %.1f | %.2f |\n", zTri, (double)nTri / 1e6,
             nTriText ? (double)nTri / (double)nTriText : 0.0);
    /* The whole file against the same text (target ≤ 2.5×; a trigram
    ** table, when made, is in it). */
    int64_t nFile = 0, nFree = 0;
    if (bPortal && store_bench_file_size(s, &nFile, &nFree) == STORE_OK)
      printf("| the whole database file (%.1f MB of it free pages) | %.1f | %.2f |\n",
             (double)nFree / 1e6, (double)nFile / 1e6,
             nText ? (double)nFile / (double)nText : 0.0);
    rc = 0;
    if (bPortal && nOverlap > 0)
      rc = bench_overlap(s, &v, seed, nOverlap, nRun, nDoc);
  }
  free(aQ);
  free(anCount);
  free(anLike);
  free(anTri);
done0:
  bench_vocab_free(&v);
  arena_free(&a);
  store_close(s);
  return rc;
}
