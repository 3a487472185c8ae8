/*
** metrics.c — the Prometheus endpoint (see metrics.h).
**
** Per route, lock-free counters: one per answered status (a fixed list, the
** rest counted as "other") and one per latency bucket, plus the sum of the
** latencies.  Domain figures are read from the store at scrape time with
** the same store functions the dashboard uses.
*/
#include "http/metrics.h"

#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/freshness.h"
#include "http/routes.h"
#include "lib/date.h"
#include "lib/ipaddr.h"
#include "lib/version.h"
#include "store/store_registers.h"
#include "store/store_search.h"
#include "store/store_reports.h"
#include "web/pages.h"
#include "web/registers.h"

static const int aStatus[] = {200, 201, 204, 301, 302, 303, 304, 400, 401, 403,
                              404, 405, 409, 413, 422, 429, 500, 503};
#define N_STATUS (int)(sizeof aStatus / sizeof aStatus[0])

/* Label values are route patterns, organisation slugs ([a-z0-9-]) and
** fixed words; %j escapes the characters Prometheus escapes (\\ \" \n). */

/* Upper bounds in microseconds; the last bucket is +Inf. */
static const int64_t aBucketUs[] = {1000, 2500, 5000, 10000, 25000, 50000,
                                    100000, 250000, 500000, 1000000, 2500000,
                                    5000000, 10000000};
#define N_BUCKET (int)(sizeof aBucketUs / sizeof aBucketUs[0])
static const char *const azBucketLe[N_BUCKET + 1] = {
    "0.001", "0.0025", "0.005", "0.01", "0.025", "0.05", "0.1", "0.25",
    "0.5", "1", "2.5", "5", "10", "+Inf"};

typedef struct RouteStats {
  atomic_uint_fast64_t aStatus[N_STATUS + 1]; /* last: other statuses */
  atomic_uint_fast64_t aBucket[N_BUCKET + 1]; /* last: +Inf */
  atomic_uint_fast64_t sumUs;
} RouteStats;

static RouteStats *aStats; /* nStats entries; the last is "no route" */
static int nStats;
static atomic_uint_fast64_t nCacheHit, nCacheMiss, dbNsTotal;
static IpNet aAllow[32];
static int nAllow;

int metrics_init(int nRoutes, const char *zAllow) {
  nStats = nRoutes + 1;
  aStats = calloc((size_t)nStats, sizeof *aStats);
  nAllow = 0;
  while (zAllow && *zAllow) {
    size_t k = strcspn(zAllow, ", \t");
    if (k) {
      char zNet[64];
      if (k >= sizeof zNet || nAllow >= 32) return 1;
      memcpy(zNet, zAllow, k);
      zNet[k] = 0;
      if (ip_net_parse(zNet, &aAllow[nAllow++])) return 1;
    }
    zAllow += k;
    zAllow += strspn(zAllow, ", \t");
  }
  return aStats ? 0 : 1;
}

void metrics_observe(int iRoute, int status, int64_t elapsedUs, int bCacheHit,
                     int bCacheable, int64_t dbNs) {
  if (!aStats) return;
  RouteStats *p = &aStats[iRoute >= 0 && iRoute < nStats - 1 ? iRoute : nStats - 1];
  int i = 0;
  while (i < N_STATUS && aStatus[i] != status) i++;
  atomic_fetch_add_explicit(&p->aStatus[i], 1, memory_order_relaxed);
  int b = 0;
  while (b < N_BUCKET && elapsedUs > aBucketUs[b]) b++;
  atomic_fetch_add_explicit(&p->aBucket[b], 1, memory_order_relaxed);
  atomic_fetch_add_explicit(&p->sumUs, (uint64_t)(elapsedUs > 0 ? elapsedUs : 0),
                            memory_order_relaxed);
  if (bCacheHit) atomic_fetch_add_explicit(&nCacheHit, 1, memory_order_relaxed);
  else if (bCacheable) atomic_fetch_add_explicit(&nCacheMiss, 1, memory_order_relaxed);
  if (dbNs > 0) atomic_fetch_add_explicit(&dbNsTotal, (uint64_t)dbNs, memory_order_relaxed);
}

int metrics_allowed(const char *zAddr) {
  IpAddr a;
  return zAddr && nAllow && ip_parse(zAddr, strlen(zAddr), &a) == 0 &&
         ip_in_nets(&a, aAllow, nAllow);
}

static const char *route_label(int i) {
  return i < nStats - 1 ? aRoute[i].zPattern : "(none)";
}

static void put_http(Req *r) {
  req_puts(r, "# HELP gongkai_http_requests_total Requests answered, by route pattern and status.\n"
              "# TYPE gongkai_http_requests_total counter\n");
  for (int i = 0; i < nStats; i++)
    for (int k = 0; k <= N_STATUS; k++) {
      uint64_t n = atomic_load_explicit(&aStats[i].aStatus[k], memory_order_relaxed);
      if (!n) continue;
      req_printf(r, "gongkai_http_requests_total{route=\"%j\",status=\"%h\"} %lld\n",
                 route_label(i), k < N_STATUS ? req_fmt(r, "%d", aStatus[k]) : "other",
                 (long long)n);
    }
  req_puts(r, "# HELP gongkai_http_request_duration_seconds Time from the first byte read to the response queued.\n"
              "# TYPE gongkai_http_request_duration_seconds histogram\n");
  for (int i = 0; i < nStats; i++) {
    uint64_t cum = 0, a[N_BUCKET + 1];
    for (int b = 0; b <= N_BUCKET; b++)
      cum += a[b] = atomic_load_explicit(&aStats[i].aBucket[b], memory_order_relaxed);
    if (!cum) continue;
    uint64_t run = 0;
    for (int b = 0; b <= N_BUCKET; b++) {
      run += a[b];
      req_printf(r, "gongkai_http_request_duration_seconds_bucket{route=\"%j\",le=\"%h\"} %lld\n",
                 route_label(i), azBucketLe[b], (long long)run);
    }
    req_printf(r, "gongkai_http_request_duration_seconds_sum{route=\"%j\"} %.6f\n", route_label(i),
               (double)atomic_load(&aStats[i].sumUs) / 1e6);
    req_printf(r, "gongkai_http_request_duration_seconds_count{route=\"%j\"} %lld\n",
               route_label(i), (long long)cum);
  }
  req_printf(r, "# HELP gongkai_cache_hits_total Public pages served from the response cache.\n"
                "# TYPE gongkai_cache_hits_total counter\ngongkai_cache_hits_total %lld\n"
                "# HELP gongkai_cache_misses_total Cacheable public pages rendered afresh.\n"
                "# TYPE gongkai_cache_misses_total counter\ngongkai_cache_misses_total %lld\n"
                "# HELP gongkai_db_seconds_total Time spent running SQL statements.\n"
                "# TYPE gongkai_db_seconds_total counter\ngongkai_db_seconds_total %.6f\n",
             (long long)atomic_load(&nCacheHit), (long long)atomic_load(&nCacheMiss),
             (double)atomic_load(&dbNsTotal) / 1e9);
  req_printf(r, "# HELP gongkai_search_replica_filling 1 while the search replica is being"
                " filled from scratch (searches meanwhile run on PostgreSQL).\n"
                "# TYPE gongkai_search_replica_filling gauge\n"
                "gongkai_search_replica_filling %d\n", store_search_replica_filling());
}

/* Open and overdue applications, overdue catalogue items, per organisation. */
static int put_orgs(Req *r, const Org *aOrg, int n, const char *zToday, Date dToday, int year) {
  Buf ap = BUF_INIT, ov = BUF_INIT, cat = BUF_INIT;
  int rc = 0;
  for (int i = 0; i < n && !rc; i++) {
    AppStats st;
    memset(&st, 0, sizeof st);
    int e = store_reg_app_stats(r->store, aOrg[i].id, 0, year, zToday, zToday, &st);
    if (e != STORE_OK && e != STORE_NOTFOUND) rc = -1;
    FreshRow *aF;
    int nF = 0, nLate = 0;
    if (!rc && store_fresh_list(r->store, &r->arena, aOrg[i].id, 0, &aF, &nF) != STORE_OK) rc = -1;
    for (int k = 0; !rc && k < nF; k++) nLate += reg_fresh_state(&aF[k], dToday, NULL) == FR_OVERDUE;
    buf_printf(&ap, "gongkai_applications_open{org=\"%j\"} %d\n", aOrg[i].zSlug, st.nOpen);
    buf_printf(&ov, "gongkai_applications_overdue{org=\"%j\"} %d\n", aOrg[i].zSlug, st.nOverdue);
    buf_printf(&cat, "gongkai_catalogue_items_overdue{org=\"%j\"} %d\n", aOrg[i].zSlug, nLate);
  }
  req_puts(r, "# HELP gongkai_applications_open Applications not yet answered.\n"
              "# TYPE gongkai_applications_open gauge\n");
  buf_append(&r->out, buf_str(&ap), ap.n);
  req_puts(r, "# HELP gongkai_applications_overdue Open applications past their due date.\n"
              "# TYPE gongkai_applications_overdue gauge\n");
  buf_append(&r->out, buf_str(&ov), ov.n);
  req_puts(r, "# HELP gongkai_catalogue_items_overdue Catalogue items whose update period ended without an update.\n"
              "# TYPE gongkai_catalogue_items_overdue gauge\n");
  buf_append(&r->out, buf_str(&cat), cat.n);
  buf_free(&ap), buf_free(&ov), buf_free(&cat);
  return rc;
}

/* Last year's annual report of every organisation: 1 for its state. */
static int put_reports(Req *r, const Org *aOrg, int n, int year) {
  req_printf(r, "# HELP gongkai_annual_report_status The state of each organisation's annual report for %d (1 for the current state).\n"
                "# TYPE gongkai_annual_report_status gauge\n", year);
  for (int i = 0; i < n; i++) {
    if (aOrg[i].parentId) continue;
    ReportUnit *aU;
    int nU;
    if (store_report_units(r->store, &r->arena, aOrg[i].id, year, &aU, &nU) != STORE_OK) return -1;
    for (int k = 0; k < nU; k++)
      req_printf(r, "gongkai_annual_report_status{org=\"%j\",year=\"%d\",status=\"%j\"} 1\n",
                 aU[k].zOrgSlug, year, aU[k].zStatus[0] ? aU[k].zStatus : "none");
  }
  return 0;
}

int page_metrics(Req *r) {
  /* The client's address (behind a trusted proxy, the one it forwards):
  ** a request relayed by nginx from outside is not the scraper. */
  if (!metrics_allowed(r->zRemoteAddr)) {
    http_error(r, 404, "页面不存在，请检查网址是否正确");
    return 0;
  }
  r->zType = "text/plain; version=0.0.4; charset=utf-8";
  r->bNoCache = 1;
  req_printf(r, "# HELP gongkai_build_info The running program.\n# TYPE gongkai_build_info gauge\n"
                "gongkai_build_info{version=\"%j\",commit=\"%j\"} 1\n", GK_VERSION, gk_build_commit);
  put_http(r);
  Date dToday = date_today_cn(time(NULL));
  char zToday[DATE_STRLEN];
  date_format(dToday, zToday);
  Org *aOrg;
  int n;
  if (store_org_tree(r->store, &r->arena, 0, &aOrg, &n) != STORE_OK ||
      put_orgs(r, aOrg, n, zToday, dToday, date_year(dToday)) ||
      put_reports(r, aOrg, n, date_year(dToday) - 1)) {
    req_printf(r, "# error reading the database: %j\n", store_errmsg(r->store));
  }
  return 0;
}
