/* test_cache.c — the public response cache (http/cache.c) holds at most
** its byte budget however many keys are put: every query string is a key
** of its own, so an anonymous client could fill 4096 slots × 256 KiB. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "http/cache.h"

TEST(cache_stays_within_its_byte_budget_and_keeps_the_newest) {
  enum { N = 1500, SIZE = 100 * 1024 };
  const uint64_t gen = 987654321;
  char *p = malloc(SIZE);
  memset(p, 'x', SIZE);
  char zKey[64], zEtag[24] = "\"e\"";   /* cache_put copies 24 bytes */
  for (int i = 0; i < N; i++) {
    snprintf(zKey, sizeof zKey, "/api/v1/documents?junk=%d", i);
    cache_put(zKey, 0, gen, "application/json", zEtag, "", p, SIZE);
  }
  size_t nHeld = 0;
  CacheHit h;
  for (int i = 0; i < N; i++) {
    snprintf(zKey, sizeof zKey, "/api/v1/documents?junk=%d", i);
    if (cache_get(zKey, 0, gen, &h)) {
      nHeld += h.nBody;
      free(h.pBody);
    }
  }
  /* 1500 × 100 KiB = 146 MiB were put; at most 64 MiB stay. */
  CHECK(nHeld <= (size_t)64 << 20);
  CHECK(nHeld >= (size_t)32 << 20);
  /* The page put last is there. */
  snprintf(zKey, sizeof zKey, "/api/v1/documents?junk=%d", N - 1);
  CHECK(cache_get(zKey, 0, gen, &h));
  free(h.pBody);
  /* A new generation's page finds room. */
  cache_put("/", 0, gen + 1, "text/html", zEtag, "", p, SIZE);
  CHECK(cache_get("/", 0, gen + 1, &h));
  free(h.pBody);
  free(p);
}
