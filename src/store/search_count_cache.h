/* search_count_cache.h — the counts of recent searches, remembered per
** (query, content generation) on one Store (docs/search.md, "Counts").
** An exact count of a common phrase reads every matching document's
** positions (about 0.3 s at 1M documents), so the same question asked
** again on the same Store — the next page, a reload, another visitor
** served by the same server thread — is answered from here while the
** public content has not changed.  A supplement: the first ask still
** costs the full count (and a one-shot command gains nothing). */
#ifndef GK_SEARCH_COUNT_CACHE_H
#define GK_SEARCH_COUNT_CACHE_H

#include <stdint.h>

/* Slots per Store (direct-mapped by a hash of the key). */
#define SEARCH_COUNT_CACHE_SLOTS 256

typedef struct SearchCountCache SearchCountCache;

/* 1 and *pn when *pp holds the count of zKey at generation gen; 0
** otherwise.  *pp may be NULL (nothing cached yet). */
int search_count_cache_get(SearchCountCache *p, const char *zKey, int64_t gen,
                           int64_t *pn);

/* Remembers n as the count of zKey at generation gen, replacing what its
** slot held; allocates *pp on first use (on failure nothing is kept). */
void search_count_cache_put(SearchCountCache **pp, const char *zKey,
                            int64_t gen, int64_t n);

/* Frees *pp and everything in it; *pp = NULL. */
void search_count_cache_free(SearchCountCache **pp);

#endif
