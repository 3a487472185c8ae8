/* search_count_cache.c — the counts of recent searches per (query, content
** generation), one small direct-mapped table per Store
** (search_count_cache.h).  Pure memory: no SQL, no locking (a Store is
** used by one thread at a time). */
#include <stdlib.h>
#include <string.h>

#include "store/search_count_cache.h"

typedef struct Slot {
  char *zKey;  /* heap; NULL: empty */
  int64_t gen; /* content generation the count belongs to */
  int64_t n;   /* the count */
} Slot;

struct SearchCountCache {
  Slot a[SEARCH_COUNT_CACHE_SLOTS];
};

/* FNV-1a of z. */
static uint64_t key_hash(const char *z) {
  uint64_t h = 1469598103934665603ULL;
  for (; *z; z++) h = (h ^ (unsigned char)*z) * 1099511628211ULL;
  return h;
}

static Slot *slot_of(SearchCountCache *p, const char *zKey) {
  return &p->a[key_hash(zKey) % SEARCH_COUNT_CACHE_SLOTS];
}

int search_count_cache_get(SearchCountCache *p, const char *zKey, int64_t gen,
                           int64_t *pn) {
  if (!p) return 0;
  Slot *q = slot_of(p, zKey);
  if (!q->zKey || q->gen != gen || strcmp(q->zKey, zKey)) return 0;
  *pn = q->n;
  return 1;
}

void search_count_cache_put(SearchCountCache **pp, const char *zKey,
                            int64_t gen, int64_t n) {
  if (!*pp && !(*pp = calloc(1, sizeof **pp))) return;
  Slot *q = slot_of(*pp, zKey);
  char *z = strdup(zKey);
  if (!z) return;
  free(q->zKey);
  q->zKey = z;
  q->gen = gen;
  q->n = n;
}

void search_count_cache_free(SearchCountCache **pp) {
  if (!*pp) return;
  for (int i = 0; i < SEARCH_COUNT_CACHE_SLOTS; i++) free((*pp)->a[i].zKey);
  free(*pp);
  *pp = NULL;
}
