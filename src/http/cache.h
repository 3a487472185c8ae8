/*
** cache.h — a shared in-memory cache of public responses (anonymous GETs
** whose handler used no CSRF token, set no header of its own, answered
** 200).  Entries are tagged with the public content generation the
** database keeps (store_content_generation(), read by server.c at the start
** of each request): a change to anything a public page can show advances
** it in the same transaction, in any process, so a cached page is never
** served after the data behind it changed; sessions, sign-in failures and
** applications leave it alone.  Thread-safe.
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

/* Looks up (path, gzip variant) valid for generation gen; 1 on a hit. */
int cache_get(const char *zPath, int bGzip, uint64_t gen, CacheHit *pHit);
/* Stores a response rendered while the generation was gen. */
void cache_put(const char *zPath, int bGzip, uint64_t gen, const char *zType,
               const char *zEtag, const char *zLastModified, const char *p,
               size_t n);
#endif
