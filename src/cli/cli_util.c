/* cli_util.c — shared CLI helpers (see cli_util.h). */
#include "cli/cli_util.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

Store *cli_open(const char *zCmd, const char *zDb, int flags) {
  Store *s = NULL;
  char *zErr = NULL;
  if (store_open(zDb, flags, &s, &zErr) != STORE_OK) {
    fprintf(stderr, "gongkai %s: %s\n", zCmd, zErr ? zErr : "cannot open database");
    free(zErr);
    return NULL;
  }
  return s;
}

long long cli_id(const char *zCmd, const char *zWhat, const char *z) {
  char *zEnd;
  long long v = z ? strtoll(z, &zEnd, 10) : 0;
  if (!z || !*z || *zEnd || v <= 0) {
    fprintf(stderr, "gongkai %s: %s must be a positive number, got '%s'\n", zCmd,
            zWhat, z ? z : "");
    return 0;
  }
  return v;
}

long long cli_org(const char *zCmd, Store *s, Arena *a, const char *zRef) {
  Org o;
  char *zEnd;
  long long v = zRef ? strtoll(zRef, &zEnd, 10) : 0;
  int rc = (zRef && *zRef && !*zEnd && v > 0)
               ? store_org_get(s, a, v, &o)
               : store_org_by_slug(s, a, zRef ? zRef : "", &o);
  if (rc != STORE_OK) {
    fprintf(stderr, "gongkai %s: no organisation '%s'\n", zCmd, zRef ? zRef : "");
    return 0;
  }
  return o.id;
}

static double clock_ms(clockid_t id) {
  struct timespec t;
  clock_gettime(id, &t);
  return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

double cli_wall_ms(void) { return clock_ms(CLOCK_MONOTONIC); }
double cli_cpu_ms(void) { return clock_ms(CLOCK_PROCESS_CPUTIME_ID); }
