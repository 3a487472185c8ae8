/*
** metrics.h — GET /metrics in the Prometheus text format (version 0.0.4).
**
** Counted in the process: requests by route and status, latency histograms
** by route, public-cache hits and misses, time spent in the database.  Read
** from the database at each scrape: open and overdue applications and
** overdue catalogue items per organisation, the state of each
** organisation's annual report for last year.
**
** Only addresses in the metrics access list (`serve --metrics-allow`, the
** configuration key metrics-allow) may read it; everyone else gets 404, so
** the endpoint is not advertised.  Counters are lock-free (C11 atomics).
*/
#ifndef GK_METRICS_H
#define GK_METRICS_H

#include <stdint.h>

#include "http/req.h"

/* Sizes the counters for nRoute routes (index nRoute: no route matched).
** Call once before serving; returns 0, or 1 when zAllow is not a list of
** addresses or networks. */
int metrics_init(int nRoutes, const char *zAllow);

/* Records one finished request.  iRoute as in metrics_init (-1: none). */
void metrics_observe(int iRoute, int status, int64_t elapsedUs, int bCacheHit,
                     int bCacheable, int64_t dbNs);

/* 1 when the peer address zAddr may read /metrics. */
int metrics_allowed(const char *zAddr);

/* The handler of GET /metrics. */
int page_metrics(Req *r);

#endif
