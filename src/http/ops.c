/*
** ops.c — /healthz and /readyz for load balancers and systemd watchdogs
** (see ops.h).  /readyz answers 503 while the database cannot be read or
** its schema is behind this binary's migrations (an upgrade in progress).
*/
#include "http/ops.h"

#include "store/store.h"

int page_healthz(Req *r) {
  r->zType = "text/plain; charset=utf-8";
  r->bNoCache = 1;
  req_puts(r, "ok\n");
  return 0;
}

int page_readyz(Req *r) {
  r->zType = "text/plain; charset=utf-8";
  r->bNoCache = 1;
  int have = r->store ? store_schema_version(r->store) : -1;
  int want = store_schema_latest();
  if (have == want) {
    req_printf(r, "ready: schema %d\n", have);
  } else {
    r->status = 503;
    if (have < 0) req_puts(r, "not ready: database unavailable\n");
    else req_printf(r, "not ready: schema %d, this binary needs %d (run gongkai migrate)\n", have, want);
  }
  return 0;
}
