/*
** bench_compare.c — `gongkai bench-search --compare DB2`: the portal's
** search through store_search() on two databases holding the same
** documents (`make bench`: SQLite and PostgreSQL, bench/pg.sh), measured
** side by side: every query runs on one, then on the other, so a change in
** the machine's load falls on both (the machine is shared).
**
** Four measures per query, the calls the portal and the CLI make:
**   newest 20     first page newest first, count capped at 1 (the order
**                 alone: SQLite otherwise counts up to 10,000 first);
**   relevance 20  first page by relevance, count capped at 1;
**   exact count   countCap -1 and one result (the count `search query` and
**                 the API's total_exact need);
**   portal page   the search page's call: relevance, count up to 10,000.
** Latency: wall clock, and CPU: this process's CPU time (an exact count
** may run on two threads, fts_read.h) plus, for the
** second database when it is a server reached over a Unix socket (a
** PostgreSQL cluster on this machine), the CPU time of that server's
** processes (/proc/PID/schedstat of the listening process, found with
** SO_PEERCRED, and its children: the backend and the background workers,
** so keep other clients off the cluster while it runs), so the CPU
** column counts the work wherever it is done.  Exact counts are compared
** between the two databases: recall must be the same.  The stores' count
** caches are off (every run counts).
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

#include "cli/bench_compare.h"
#include "cli/cli_util.h"
#include "lib/arena.h"
#include "store/store_search.h"

enum { K_NEWEST, K_RELEVANCE, K_COUNT, K_PORTAL, N_KIND };
static const struct {
  const char *zName;
  int bByDate, countCap, limit, bTotal;
} aKind[N_KIND] = {{"newest 20", 1, 1, 20, 0},
                   {"relevance 20", 0, 1, 20, 0},
                   {"exact count", 1, -1, 1, 1},
                   {"portal page", 0, 0, 20, 1}};

/* The processes of a server reached over a Unix socket of this process
** (libpq's connection to a local PostgreSQL): SO_PEERCRED names the
** process that listens (the postmaster), whose children are the backend
** serving this connection and the cluster's background processes. */
#define MAX_SERVER_PROC 64
typedef struct ServerProcs {
  pid_t aPid[MAX_SERVER_PROC];
  int n;
} ServerProcs;

/* The parent of process pid from /proc/PID/stat, 0 when unknown. */
static pid_t parent_of(pid_t pid) {
  char zPath[64], zLine[512];
  snprintf(zPath, sizeof zPath, "/proc/%d/stat", (int)pid);
  FILE *f = fopen(zPath, "r");
  if (!f) return 0;
  int ppid = 0;
  if (fgets(zLine, sizeof zLine, f)) {
    char *z = strrchr(zLine, ')'); /* the name may hold spaces */
    if (z) sscanf(z + 1, " %*c %d", &ppid);
  }
  fclose(f);
  return (pid_t)ppid;
}

/* Fills *p with the listening process of the first connected Unix socket
** of this process and its children; p->n = 0 when there is none. */
static void server_procs(ServerProcs *p) {
  p->n = 0;
  pid_t lis = 0;
  for (int fd = 3; fd < 1024 && !lis; fd++) {
    struct ucred c;
    socklen_t n = sizeof c;
    if (getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &c, &n) == 0 && c.pid > 0 &&
        c.pid != getpid())
      lis = c.pid;
  }
  if (!lis) return;
  p->aPid[p->n++] = lis;
  DIR *d = opendir("/proc");
  if (!d) return;
  struct dirent *e;
  while ((e = readdir(d)) != NULL && p->n < MAX_SERVER_PROC) {
    pid_t pid = (pid_t)atoi(e->d_name);
    if (pid > 0 && parent_of(pid) == lis) p->aPid[p->n++] = pid;
  }
  closedir(d);
}

/* CPU time (ms) the processes of *p have run, from /proc/PID/schedstat;
** 0 when p is NULL or empty. */
static double proc_cpu_ms(const ServerProcs *p) {
  double ms = 0;
  for (int i = 0; p && i < p->n; i++) {
    char zPath[64];
    snprintf(zPath, sizeof zPath, "/proc/%d/schedstat", (int)p->aPid[i]);
    FILE *f = fopen(zPath, "r");
    if (!f) continue;
    unsigned long long ns = 0;
    if (fscanf(f, "%llu", &ns) == 1) ms += (double)ns / 1e6;
    fclose(f);
  }
  return ms;
}

static int dbl_cmp(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

/* The q-quantile (nearest rank) of a[0..n), sorting a. */
static double qtile(double *a, int n, double q) {
  if (n == 0) return 0;
  qsort(a, (size_t)n, sizeof *a, dbl_cmp);
  int k = (int)(q * n + 0.999999) - 1;
  return a[k < 0 ? 0 : k >= n ? n - 1 : k];
}

/* Timings of one measure on one database. */
typedef struct Series {
  double *aW, *aC;  /* wall, CPU per timed run (ms) */
  int n;
  double sumC;      /* total CPU */
} Series;

/* Runs measure k for query zQ on s once; adds wall and CPU (with the
** server's when pid) to *pS when pS; *pnTotal receives the count.
** Returns STORE_OK or a STORE_* code. */
static int run_one(Store *s, const ServerProcs *pid, int k, const char *zQ, Series *pS,
                   int *pnTotal) {
  Arena a = ARENA_INIT;
  SearchQuery q;
  memset(&q, 0, sizeof q);
  q.zQuery = zQ;
  q.bByDate = aKind[k].bByDate;
  q.countCap = aKind[k].countCap;
  q.limit = aKind[k].limit;
  int64_t *aId;
  int n, total = 0;
  double p0 = proc_cpu_ms(pid), c0 = cli_cpu_ms(), t0 = cli_wall_ms();
  int rc = store_search(s, &a, &q, &aId, &n, aKind[k].bTotal ? &total : NULL);
  double t = cli_wall_ms() - t0, c = cli_cpu_ms() - c0 + proc_cpu_ms(pid) - p0;
  arena_free(&a);
  if (pS) {
    pS->aW[pS->n] = t;
    pS->aC[pS->n++] = c;
    pS->sumC += c;
  }
  if (pnTotal) *pnTotal = total;
  return rc;
}

static void series_init(Series *p, int nMax) {
  memset(p, 0, sizeof *p);
  p->aW = calloc((size_t)nMax + 1, sizeof(double));
  p->aC = calloc((size_t)nMax + 1, sizeof(double));
}

static void series_free(Series *p) {
  free(p->aW);
  free(p->aC);
}

/* "p50 / p99 (CPU p50 / p99)" of *p into z. */
static void series_fmt(Series *p, char *z, size_t nz, double *pW50,
                       double *pW99) {
  double w50 = qtile(p->aW, p->n, 0.5), w99 = qtile(p->aW, p->n, 0.99);
  double c50 = qtile(p->aC, p->n, 0.5), c99 = qtile(p->aC, p->n, 0.99);
  snprintf(z, nz, "%.3f / %.3f (%.3f / %.3f)", w50, w99, c50, c99);
  *pW50 = w50;
  *pW99 = w99;
}

static int i_cmp(const void *a, const void *b) {
  int x = *(const int *)a, y = *(const int *)b;
  return x < y ? -1 : x > y;
}

int bench_compare(Store *pA, Store *pB, const char *zA, const char *zB,
                  const char *const *azClass, char ***aazQuery, int nClass,
                  int nQ, int nRun) {
  ServerProcs procs, *pid = &procs;
  server_procs(pid);
  /* Every run counts: no answer from a remembered count. */
  store_search_count_cache(pA, 0);
  store_search_count_cache(pB, 0);
  printf("| query class | measure | %s wall p50 / p99 (CPU p50 / p99) | %s "
         "wall p50 / p99 (CPU p50 / p99) | **%s / %s** wall p50 | wall p99 "
         "| CPU (sum) |\n|---|---|---|---|---|---|---|\n",
         zA, zB, zB, zA);
  int rc = STORE_OK, *anA = calloc((size_t)nQ, sizeof(int)),
      *anB = calloc((size_t)nQ, sizeof(int));
  Series tot[N_KIND][2];
  for (int k = 0; k < N_KIND; k++)
    for (int d = 0; d < 2; d++) series_init(&tot[k][d], nClass * nQ * nRun);
  char zFoot[4096] = "";
  size_t nFoot = 0;
  for (int c = 0; c < nClass && rc == STORE_OK; c++) {
    for (int k = 0; k < N_KIND && rc == STORE_OK; k++) {
      Series sA, sB;
      series_init(&sA, nQ * nRun);
      series_init(&sB, nQ * nRun);
      for (int i = 0; i < nQ && rc == STORE_OK; i++) {
        const char *zQ = aazQuery[c][i];
        for (int r = 0; r <= nRun && rc == STORE_OK; r++) {
          /* run 0 warms both caches; then A and B alternate */
          Store *pFail = pA;
          rc = run_one(pA, NULL, k, zQ, r ? &sA : NULL, &anA[i]);
          if (rc == STORE_OK) {
            pFail = pB;
            rc = run_one(pB, pid, k, zQ, r ? &sB : NULL, &anB[i]);
          }
          if (rc != STORE_OK)
            fprintf(stderr, "gongkai bench-search: %s\n", store_errmsg(pFail));
        }
      }
      if (rc != STORE_OK) {
        series_free(&sA);
        series_free(&sB);
        break;
      }
      for (int d = 0; d < 2; d++) {
        Series *p = d ? &sB : &sA, *t = &tot[k][d];
        memcpy(t->aW + t->n, p->aW, sizeof(double) * (size_t)p->n);
        memcpy(t->aC + t->n, p->aC, sizeof(double) * (size_t)p->n);
        t->n += p->n;
        t->sumC += p->sumC;
      }
      char zSA[96], zSB[96];
      double a50, a99, b50, b99;
      series_fmt(&sA, zSA, sizeof zSA, &a50, &a99);
      series_fmt(&sB, zSB, sizeof zSB, &b50, &b99);
      printf("| %s | %s | %s | %s | **%.2f** | %.2f | %.2f |\n", azClass[c],
             aKind[k].zName, zSA, zSB, a50 > 0 ? b50 / a50 : 0,
             a99 > 0 ? b99 / a99 : 0, sA.sumC > 0 ? sB.sumC / sA.sumC : 0);
      fflush(stdout); /* a long run stopped early keeps its rows */
      if (k == K_COUNT) {
        int nSame = 0;
        for (int i = 0; i < nQ; i++) {
          nSame += anA[i] == anB[i];
          if (anA[i] != anB[i])
            fprintf(stderr, "bench-search: count differs for \"%s\": %s %d, "
                    "%s %d\n", aazQuery[c][i], zA, anA[i], zB, anB[i]);
        }
        qsort(anA, (size_t)nQ, sizeof(int), i_cmp);
        int w = snprintf(zFoot + nFoot, sizeof zFoot - nFoot,
                         "%s%s: median %d matches, the same count on both "
                         "for %d of %d queries", nFoot ? "; " : "",
                         azClass[c], anA[nQ / 2], nSame, nQ);
        if (w > 0 && (size_t)w < sizeof zFoot - nFoot) nFoot += (size_t)w;
      }
      series_free(&sA);
      series_free(&sB);
    }
  }
  if (rc == STORE_OK) {
    printf("| **all classes** | | | | | | |\n");
    for (int k = 0; k < N_KIND; k++) {
      char zSA[96], zSB[96];
      double a50, a99, b50, b99;
      series_fmt(&tot[k][0], zSA, sizeof zSA, &a50, &a99);
      series_fmt(&tot[k][1], zSB, sizeof zSB, &b50, &b99);
      printf("| all | **%s** | %s | %s | **%.2f** | %.2f | %.2f |\n",
             aKind[k].zName, zSA, zSB, a50 > 0 ? b50 / a50 : 0,
             a99 > 0 ? b99 / a99 : 0,
             tot[k][0].sumC > 0 ? tot[k][1].sumC / tot[k][0].sumC : 0);
    }
    printf("\nRecall: %s. CPU of %s: %s.\n", zFoot, zB,
           pid->n ? "this process's thread plus the server's processes "
                    "(the listening process and its children, "
                    "/proc/PID/schedstat)"
               : "this process's thread only (no local server found)");
  }
  for (int k = 0; k < N_KIND; k++)
    for (int d = 0; d < 2; d++) series_free(&tot[k][d]);
  free(anA);
  free(anB);
  return rc != STORE_OK;
}
