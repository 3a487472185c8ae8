/*
** arena.h — a region allocator: many small allocations, one free.
**
** Each HTTP request and each CLI command owns one Arena.  Strings returned by
** the store and the page helpers live in the caller's arena, so nothing in a
** request needs its own free().  Allocation failure aborts (xmalloc).
*/
#ifndef GK_ARENA_H
#define GK_ARENA_H

#include <stdarg.h>
#include <stddef.h>

typedef struct ArenaChunk ArenaChunk;
typedef struct Arena {
  ArenaChunk *pHead;  /* newest chunk first */
} Arena;

#define ARENA_INIT {0}

void *arena_alloc(Arena *a, size_t n);       /* zeroed, 16-byte aligned */
char *arena_strdup(Arena *a, const char *z); /* NULL -> NULL */
char *arena_strndup(Arena *a, const char *z, size_t n);
char *arena_printf(Arena *a, const char *zFmt, ...); /* buf_printf rules */
void arena_free(Arena *a);                   /* frees all; re-inits */

/* Growable arrays in an arena: ARENA_PUSH(a, arr, n, cap) makes room for
** element arr[n] (doubling cap, copying), after which the caller fills
** arr[n] and increments n.  arr starts NULL with n = cap = 0. */
void *arena_grow(Arena *a, void *p, size_t nUsedBytes, size_t nNewBytes);
#define ARENA_PUSH(a, arr, n, cap)                                     \
  do {                                                                 \
    if ((n) >= (cap)) {                                                \
      size_t c2_ = (cap) ? (size_t)(cap) * 2 : 16;                     \
      (arr) = arena_grow((a), (arr), sizeof(*(arr)) * (size_t)(n),     \
                         sizeof(*(arr)) * c2_);                        \
      (cap) = (int)c2_;                                                \
    }                                                                  \
  } while (0)

#endif
