/* arena.c — region allocator (see arena.h). */
#include "lib/arena.h"

#include <stdlib.h>
#include <string.h>

#include "lib/buf.h"

struct ArenaChunk {
  ArenaChunk *pNext;  /* older chunk */
  size_t nUsed;       /* bytes handed out from aData */
  size_t nSize;       /* capacity of aData */
  _Alignas(16) unsigned char aData[];
};

#define ARENA_CHUNK 16384

void *arena_alloc(Arena *a, size_t n) {
  ArenaChunk *c = a->pHead;
  n = (n + 15) & ~(size_t)15;
  if (!c || c->nUsed + n > c->nSize) {
    size_t sz = n > ARENA_CHUNK / 2 ? n : ARENA_CHUNK;
    c = xmalloc(sizeof(ArenaChunk) + sz);
    c->nUsed = 0;
    c->nSize = sz;
    /* Big allocations go behind the head so the head keeps its free room. */
    if (a->pHead && sz > ARENA_CHUNK) {
      c->pNext = a->pHead->pNext;
      a->pHead->pNext = c;
    } else {
      c->pNext = a->pHead;
      a->pHead = c;
    }
  }
  void *p = c->aData + c->nUsed;
  c->nUsed += n;
  memset(p, 0, n);
  return p;
}

char *arena_strndup(Arena *a, const char *z, size_t n) {
  if (!z) return NULL;
  char *p = arena_alloc(a, n + 1);
  memcpy(p, z, n);
  p[n] = 0;
  return p;
}

char *arena_strdup(Arena *a, const char *z) {
  return z ? arena_strndup(a, z, strlen(z)) : NULL;
}

char *arena_printf(Arena *a, const char *zFmt, ...) {
  Buf b = BUF_INIT;
  va_list ap;
  va_start(ap, zFmt);
  buf_vprintf(&b, zFmt, ap);
  va_end(ap);
  char *z = arena_strndup(a, buf_str(&b), b.n);
  buf_free(&b);
  return z;
}

void arena_free(Arena *a) {
  ArenaChunk *c = a->pHead;
  while (c) {
    ArenaChunk *n = c->pNext;
    free(c);
    c = n;
  }
  a->pHead = NULL;
}

void *arena_grow(Arena *a, void *p, size_t nUsedBytes, size_t nNewBytes) {
  void *q = arena_alloc(a, nNewBytes);
  if (p && nUsedBytes) memcpy(q, p, nUsedBytes);
  return q;
}
