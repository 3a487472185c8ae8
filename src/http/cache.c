/*
** cache.c — the public response cache (see cache.h): a fixed table of
** slots indexed by a hash of (path, variant), one mutex, bounded entry
** size.  A colliding entry simply replaces the old one.
*/
#include "http/cache.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "lib/buf.h"

#define CACHE_SLOTS 4096
#define CACHE_MAX_ENTRY (256 * 1024)
/* All entries together (bodies and paths).  Without it the slots alone
** allowed 4096 × 256 KiB = 1 GiB, and anyone fills them: every query
** string is a key of its own (`?x=1`, `?x=2` …). */
#define CACHE_MAX_TOTAL ((size_t)64 << 20)

typedef struct Slot {
  char *zPath;
  int bGzip;
  uint64_t gen;
  char zType[64];
  char zEtag[24];
  char zLastModified[40];
  char *p;
  size_t n;
} Slot;

static Slot aSlot[CACHE_SLOTS];
static size_t nTotal;   /* bytes held by all slots, under mu */
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;

static size_t slot_bytes(const Slot *s) {
  return s->zPath ? s->n + strlen(s->zPath) + 1 : 0;
}

/* Empties slot s (under mu). */
static void slot_clear(Slot *s) {
  nTotal -= slot_bytes(s);
  free(s->zPath);
  free(s->p);
  s->zPath = NULL;
  s->p = NULL;
  s->n = 0;
}

/* Makes room for n more bytes (under mu) by emptying the slots after
** `from` in turn: keys are spread by their hash, so an attacker's many keys
** cannot pin memory nor keep the pages people read out for long. */
static void make_room(size_t n, unsigned from) {
  for (unsigned k = 1; k < CACHE_SLOTS && nTotal + n > CACHE_MAX_TOTAL; k++)
    slot_clear(&aSlot[(from + k) % CACHE_SLOTS]);
}

static unsigned slot_of(const char *zPath, int bGzip) {
  uint64_t h = 1469598103934665603ULL ^ (uint64_t)bGzip;
  for (const unsigned char *z = (const unsigned char *)zPath; *z; z++) {
    h ^= *z;
    h *= 1099511628211ULL;
  }
  return (unsigned)(h % CACHE_SLOTS);
}

int cache_get(const char *zPath, int bGzip, uint64_t gen, CacheHit *pHit) {
  unsigned i = slot_of(zPath, bGzip);
  int hit = 0;
  pthread_mutex_lock(&mu);
  Slot *s = &aSlot[i];
  if (s->zPath && s->gen == gen && s->bGzip == bGzip && !strcmp(s->zPath, zPath)) {
    pHit->pBody = xmalloc(s->n ? s->n : 1);
    memcpy(pHit->pBody, s->p, s->n);
    pHit->nBody = s->n;
    memcpy(pHit->zType, s->zType, sizeof pHit->zType);
    memcpy(pHit->zLastModified, s->zLastModified, sizeof pHit->zLastModified);
    memcpy(pHit->zEtag, s->zEtag, sizeof pHit->zEtag);
    hit = 1;
  }
  pthread_mutex_unlock(&mu);
  return hit;
}

void cache_put(const char *zPath, int bGzip, uint64_t gen, const char *zType,
               const char *zEtag, const char *zLastModified, const char *p,
               size_t n) {
  if (!zLastModified) zLastModified = "";
  if (n > CACHE_MAX_ENTRY || strlen(zPath) > 1024 || strlen(zType) >= 64 ||
      strlen(zLastModified) >= 40)
    return;
  char *zCopy = xstrdup(zPath), *pCopy = xmalloc(n ? n : 1);
  memcpy(pCopy, p, n);
  unsigned i = slot_of(zPath, bGzip);
  pthread_mutex_lock(&mu);
  Slot *s = &aSlot[i];
  nTotal -= slot_bytes(s);
  char *zOld = s->zPath, *pOld = s->p;
  s->zPath = NULL;
  make_room(n + strlen(zCopy) + 1, i);
  s->zPath = zCopy;
  s->bGzip = bGzip;
  s->gen = gen;
  strcpy(s->zType, zType);
  strcpy(s->zLastModified, zLastModified);
  memcpy(s->zEtag, zEtag, sizeof s->zEtag);
  s->zEtag[sizeof s->zEtag - 1] = 0;
  s->p = pCopy;
  s->n = n;
  nTotal += slot_bytes(s);
  pthread_mutex_unlock(&mu);
  free(zOld);
  free(pOld);
}
