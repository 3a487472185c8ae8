/* search_time.c — times store_search() on one or more databases (SQLite
** files or PostgreSQL connection strings) over the query set of
** docs/search.md ("PostgreSQL"), in one run so that both backends meet the
** same machine load.  For each query and database: the matches, then the
** best of R runs (ms) of the newest-first page of 20 with the count capped
** at SEARCH_COUNT_CAP, the same with the exact count, and the relevance
** top 20 (with the capped count, as the portal asks).  Build: link this
** file with the release objects except main.o and the libraries of the
** Makefile's PKGS (docs/search.md, "PostgreSQL", has the command line);
** run: build/search_time RUNS [--replica FILE] DB...  (--replica: the
** next database, PostgreSQL, is searched through an FTS5 replica in FILE,
** search_replica.c; the time to fill it and to apply one change are
** printed first). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lib/arena.h"
#include "store/store.h"
#include "store/store_search.h"

static const char *const azQ[] = {"公开", "饮用水", "水", "政府信息公开工作",
                                  "2010年", "卫监督发", "行政执法",
                                  "中宁县 饮用水"};

static const char *azReplica[8];  /* per database: its replica or NULL */

static double now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

/* Best of nRun runs of one search; *pnTotal its count. */
static double best(Store *s, int d, const char *zQ, int bByDate, int cap,
                   int nRun, int *pnTotal) {
  double b = 1e12;
  store_search_replica_set(azReplica[d]);
  for (int i = 0; i < nRun; i++) {
    Arena a = ARENA_INIT;
    SearchQuery q = {.zQuery = zQ, .bByDate = bByDate, .countCap = cap};
    int64_t *aId;
    int n;
    double t0 = now_ms();
    if (store_search(s, &a, &q, &aId, &n, pnTotal)) {
      fprintf(stderr, "search_time: %s failed\n", zQ);
      exit(1);
    }
    double t = now_ms() - t0;
    if (t < b) b = t;
    arena_free(&a);
  }
  store_search_replica_set(NULL);
  return b;
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: search_time RUNS DB...\n");
    return 2;
  }
  int nRun = atoi(argv[1]), nDb = 0;
  Store *aS[8];
  for (int i = 2; i < argc && nDb < 8; i++) {
    if (!strcmp(argv[i], "--replica") && i + 1 < argc) {
      azReplica[nDb] = argv[++i];
      continue;
    }
    char *zErr = NULL;
    if (store_open(argv[i], 0, &aS[nDb], &zErr)) {
      fprintf(stderr, "search_time: %s: %s\n", argv[i], zErr ? zErr : "");
      return 1;
    }
    store_search_count_cache(aS[nDb], 0);  /* time the counts themselves */
    if (azReplica[nDb]) {
      /* A new replica is filled, then one change is applied. */
      store_search_replica_set(azReplica[nDb]);
      double t0 = now_ms();
      int rc = store_search_replica_refresh(aS[nDb]);
      printf("db%d: replica %s: refresh %.0f ms (%s)\n", nDb, azReplica[nDb],
             now_ms() - t0, rc ? store_errmsg(aS[nDb]) : "ok");
      /* Catching up: n documents re-indexed on PostgreSQL (logged), then
      ** one search (水, newest first) applies them. */
      for (int n = 1; n <= 100 && !rc; n *= 10) {
        for (int k = 1; k <= n; k++) store_search_sync(aS[nDb], k);
        Arena a = ARENA_INIT;
        SearchQuery q = {.zQuery = "水", .bByDate = 1};
        int64_t *aId;
        int nId, nTotal;
        t0 = now_ms();
        rc = store_search(aS[nDb], &a, &q, &aId, &nId, &nTotal);
        printf("db%d: %d change(s) applied + search: %.1f ms\n", nDb, n,
               now_ms() - t0);
        arena_free(&a);
      }
      store_search_replica_set(NULL);
    }
    nDb++;
  }
  printf("| query | hits |");
  for (int d = 0; d < nDb; d++) printf(" db%d capped | db%d exact | db%d relevance |", d, d, d);
  printf("\n");
  for (size_t i = 0; i < sizeof azQ / sizeof *azQ; i++) {
    int nCapped = 0, nExact = 0, nRel = 0;
    printf("| %s |", azQ[i]);
    double aT[8][3];
    for (int d = 0; d < nDb; d++) {
      aT[d][0] = best(aS[d], d, azQ[i], 1, 0, nRun, &nCapped);
      aT[d][1] = best(aS[d], d, azQ[i], 1, -1, nRun, &nExact);
      aT[d][2] = best(aS[d], d, azQ[i], 0, 0, nRun, &nRel);
    }
    printf(" %d |", nExact);
    for (int d = 0; d < nDb; d++)
      printf(" %.1f | %.1f | %.1f |", aT[d][0], aT[d][1], aT[d][2]);
    printf("\n");
    fflush(stdout);
  }
  for (int d = 0; d < nDb; d++) store_close(aS[d]);
  return 0;
}
