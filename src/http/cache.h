/*
** cache.h — a shared in-memory cache of public responses (anonymous GETs
** whose handler used no CSRF token, set no header of its own, answered
** 200).  Entries are tagged with a generation number; any change to the
** database bumps the generation (server.c asks store_take_changed() before
** and after each request), so a cached page is never served after the data
** behind it changed.  Thread-safe.
*/
#ifndef GK_CACHE_H
#define GK_CACHE_H

#include <stddef.h>
#include <stdint.h>

typedef struct CacheHit {
  char *pBody;        /* copy the caller frees */
  size_t nBody;
  char zType[64];     /* Content-Type */
  char zLastModified[40]; /* "" when none */
  char zEtag[24];
} CacheHit;

uint64_t cache_generation(void);
void cache_bump(void);
/* Looks up (path, gzip variant) valid for generation gen; 1 on a hit. */
int cache_get(const char *zPath, int bGzip, uint64_t gen, CacheHit *pHit);
/* Stores a response rendered while the generation was gen. */
void cache_put(const char *zPath, int bGzip, uint64_t gen, const char *zType,
               const char *zEtag, const char *zLastModified, const char *p,
               size_t n);
#endif
