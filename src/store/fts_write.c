/*
** fts_write.c — THE SEARCH INDEX WRITTEN AS FTS5 SEGMENTS (fts_write.h),
** for bulk imports (docs/search.md, "How the index is written";
** bench/analysis.md, target 4).
**
** Why: FTS5's insert puts every (term, document) pair into its in-memory
** hash of pending terms, one cache miss per pair (≈ 1,000 per document),
** half of an import's writer.  Here each document's entries come grouped
** per term (fts_prep.h: prepared by `docs import`'s reader thread and
** handed over with store_search_give(), else read from zText and prepared
** here), are added to the batch's arrays, sorted by term with a radix sort
** (streaming passes), and the leaves written in one pass.
**
** What is written is FTS5's format as SQLite 3.40.1 writes it (SQLite's
** ext/fts5/fts5_index.c describes it; this is our own code):
**  - leaves %_data(segid << 37 | page): a 4-byte header (offset of the
**    first rowid when it precedes the first term, else 0; offset of the
**    footer), terms ('0' + token) with prefix compression (the first
**    term of a leaf whole), each followed by its doclist (first rowid
**    absolute, then deltas; detail=full: varint 2 * size and the position
**    list, column 0's offsets then 0x01, column, offsets, each offset as
**    delta + 2; detail=none: rowids only), the footer: the term offsets
**    as deltas.  A doclist that does not fit continues on the next
**    leaves (rowid absolute first on each), split between varints.  The
**    page filling follows FTS5's flush of its hash exactly, so a batch
**    gives the same bytes as FTS5 flushing that batch as one segment
**    (the test fts_write_same_bytes compares them);
**  - %_idx(segid, separator, page << 1 | dlidx flag) per leaf on which a
**    term starts; the separator is the shortest prefix of that term
**    greater than the last term before it ('' for leaf 1);
**  - doclist indexes (%_data(segid << 37 | 1 << 36 | height << 31 |
**    page)) for a doclist spanning 4 or more termless leaves: per leaf
**    its first rowid (0x00 for a leaf without one), as FTS5 builds them;
**  - %_docsize(rowid, varint token count per column), the averages
**    record (rowid 1: rows, then tokens per column) and the structure
**    record (rowid 10): the new segment appended to level 0 with the
**    smallest free segment id, the write counter advanced by its leaves
**    when automerge is on.
**
** FTS5's own state on the connection: it keeps pending terms, a cached
** structure record and cached totals per table between statements (and
** the structure across transactions).  Before writing, a SAVEPOINT makes
** FTS5 flush what it holds (its xSavepoint writes pending terms and
** totals); after writing, a second SAVEPOINT rolled back at once makes it
** forget its cached structure and totals (xRollbackTo), so its next
** statement reads ours.  Both tables are joined to the transaction first
** (a DELETE of rowid 0, which matches nothing), since FTS5 gets these
** calls only as a member of it.  Then 'merge' with the leaves FTS5's
** automerge would have worked for the same write.
*/
#include "store/fts_write.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/buf.h"
#include "store/fts_prep.h"

int fts_write_no_merge = 0;
int64_t fts_write_batches = 0;
int64_t fts_write_prepared = 0;

#define FW_NCOL 5               /* columns of both tables */
#define FW_MAX_SEGMENT 2000     /* FTS5_MAX_SEGMENT */
#define FW_MIN_DLIDX 4          /* FTS5_MIN_DLIDX_SIZE */
#define FW_WORK_UNIT 64         /* FTS5_WORK_UNIT */
#define FW_MAX_LEVEL 64
#define FW_LEAF_ROWID(seg, pg) (((int64_t)(seg) << 37) + (int64_t)(pg))
#define FW_DLIDX_ROWID(seg, h, pg) \
  (((int64_t)(seg) << 37) + ((int64_t)1 << 36) + ((int64_t)(h) << 31) + (pg))

/* ---- Bytes and varints (SQLite's format) ------------------------------- */

typedef struct Bytes {
  uint8_t *a;
  size_t n, cap;
} Bytes;

static void by_need(Bytes *b, size_t k) {
  if (b->n + k <= b->cap) return;
  size_t c = b->cap ? b->cap * 2 : 256;
  while (c < b->n + k) c *= 2;
  b->a = xrealloc(b->a, c);
  b->cap = c;
}

static void by_add(Bytes *b, const void *p, size_t k) {
  by_need(b, k);
  if (k) memcpy(b->a + b->n, p, k);
  b->n += k;
}

#define put_varint fts_put_varint /* fts_prep.c */

static void by_varint(Bytes *b, uint64_t v) {
  by_need(b, 9);
  b->n += (size_t)put_varint(b->a + b->n, v);
}

static int varint_len(const uint8_t *p) {
  for (int i = 0; i < 8; i++)
    if (p[i] < 0x80) return i + 1;
  return 9;
}

/* Reads a varint from p[0..end); NULL when it runs past end. */
static const uint8_t *get_varint(const uint8_t *p, const uint8_t *end,
                                 uint64_t *pv) {
  uint64_t v = 0;
  for (int i = 0; i < 9; i++) {
    if (p + i >= end) return NULL;
    if (i == 8) {
      *pv = (v << 8) | p[i];
      return p + 9;
    }
    v = (v << 7) | (p[i] & 0x7f);
    if (p[i] < 0x80) {
      *pv = v;
      return p + i + 1;
    }
  }
  return NULL;
}

/* ---- Terms of a batch: a dictionary, then ranks in FTS5's order -------- */

/* A token of at most 8 bytes as a big-endian word (zero-padded) and its
** length: (key, n) order is memcmp order, the shorter first on a tie. */
typedef struct Term {
  uint64_t key;
  uint32_t n;
} Term;

/* A slot of the dictionary's hash table: the term itself, so that a
** lookup touches one cache line. */
typedef struct Slot {
  uint64_t key;
  uint32_t n;
  uint32_t id1; /* term id + 1, 0: empty */
} Slot;

typedef struct Dict {
  Slot *aSlot;
  uint32_t mask;
  int shift; /* 64 - log2(mask + 1) */
  Term *aTerm;
  uint32_t nTerm, cap;
} Dict;

/* The slot of (key, n) in a table of 2^(64 - shift) slots: the top bits of a
** Fibonacci hash, which depend on every bit of the key (the low bits of
** the product ignore the key's high bytes, the first character of a
** bigram, and made long probe chains). */
static inline uint32_t dict_slot(uint64_t key, uint32_t n, int shift) {
  return (uint32_t)(((key ^ n) * 0x9E3779B97F4A7C15ull) >> shift);
}

static void dict_grow(Dict *d) {
  uint32_t nSlot = d->mask ? (d->mask + 1) * 2 : 65536;
  free(d->aSlot);
  d->aSlot = xmalloc(sizeof(Slot) * nSlot);
  memset(d->aSlot, 0, sizeof(Slot) * nSlot);
  d->mask = nSlot - 1;
  d->shift = 64 - __builtin_ctz(nSlot);
  for (uint32_t i = 0; i < d->nTerm; i++) {
    uint32_t h = dict_slot(d->aTerm[i].key, d->aTerm[i].n, d->shift);
    while (d->aSlot[h].id1) h = (h + 1) & d->mask;
    d->aSlot[h].key = d->aTerm[i].key;
    d->aSlot[h].n = d->aTerm[i].n;
    d->aSlot[h].id1 = i + 1;
  }
  d->cap = nSlot / 2;
  d->aTerm = xrealloc(d->aTerm, sizeof(Term) * d->cap);
}

/* The id of term (key, n), added when new. */
static inline uint32_t dict_id(Dict *d, uint64_t key, uint32_t n) {
  if (d->nTerm >= d->cap) dict_grow(d);
  uint32_t h = dict_slot(key, n, d->shift);
  for (;;) {
    Slot *sl = &d->aSlot[h];
    if (!sl->id1) break;
    if (sl->key == key && sl->n == n) return sl->id1 - 1;
    h = (h + 1) & d->mask;
  }
  d->aSlot[h].key = key;
  d->aSlot[h].n = n;
  d->aSlot[h].id1 = d->nTerm + 1;
  d->aTerm[d->nTerm].key = key;
  d->aTerm[d->nTerm].n = n;
  return d->nTerm++;
}

static void dict_free(Dict *d) {
  free(d->aSlot);
  free(d->aTerm);
}

static int term_cmp(const void *a, const void *b, void *pTerms) {
  const Term *x = &((const Term *)pTerms)[*(const uint32_t *)a];
  const Term *y = &((const Term *)pTerms)[*(const uint32_t *)b];
  if (x->key != y->key) return x->key < y->key ? -1 : 1;
  return (x->n > y->n) - (x->n < y->n);
}

/* ---- Entries of a batch ------------------------------------------------ */

/* One (term, document) entry: the term (its id, then its rank), the
** document's index in the batch and, for detail=full, its position list
** (varint 2 * size, then the list) inline when it has at most 8 bytes,
** else at offset data of the table's arena. */
typedef struct Pair {
  uint32_t term;
  uint32_t docLen; /* document << 4 | inline length (0: in the arena) */
  uint64_t data;
} Pair;

typedef struct Tab {
  const char *zName;
  int bNone;
  Dict d;
  Pair *aPair;
  size_t nPair, capPair;
  Bytes arena;
  int64_t nRow, aTotal[FW_NCOL];
} Tab;

static void pair_add(Tab *t, uint32_t term, uint32_t docLen, uint64_t data) {
  if (t->nPair == t->capPair) {
    t->capPair = t->capPair ? t->capPair * 2 : 65536;
    t->aPair = xrealloc(t->aPair, sizeof(Pair) * t->capPair);
  }
  Pair *p = &t->aPair[t->nPair++];
  p->term = term;
  p->docLen = docLen;
  p->data = data;
}

#define FW_AHEAD 8 /* lookups prefetched ahead */

/* Adds document iDoc's prepared entries (fts_prep.h) to the batch: each
** distinct term looked up in the dictionary, the slot of the term FW_AHEAD
** places on prefetched (the dictionary of a batch outgrows the caches: the
** lookups' misses then overlap), and its entry added with its position
** list inline when it has at most 8 bytes, else copied to the arena. */
static void tab_add_doc(Tab *t, uint32_t iDoc, const FtsPrepTab *p) {
  Dict *d = &t->d;
  for (uint32_t i = 0; i < p->nTerm; i++) {
    if (i + FW_AHEAD < p->nTerm) {
      const FtsPrepTerm *f = &p->aTerm[i + FW_AHEAD];
      __builtin_prefetch(&d->aSlot[dict_slot(f->key, f->n, d->shift)]);
    }
    const FtsPrepTerm *k = &p->aTerm[i];
    uint32_t id = dict_id(d, k->key, k->n);
    if (t->bNone) {
      pair_add(t, id, iDoc << 4, 0);
    } else if (k->len <= 8) {
      uint64_t v = 0;
      memcpy(&v, p->aPl + k->off, k->len);
      pair_add(t, id, iDoc << 4 | k->len, v);
    } else {
      uint64_t off = t->arena.n;
      by_add(&t->arena, p->aPl + k->off, k->len);
      pair_add(t, id, iDoc << 4, off);
    }
  }
  for (int c = 0; c < FW_NCOL; c++) t->aTotal[c] += p->aSize[c];
  t->nRow++;
}

/* ---- Writing one segment ----------------------------------------------- */

typedef struct Dlidx {
  Bytes buf;
  int pgno, bPrev;
  int64_t iPrev;
} Dlidx;

#define FW_DLIDX_LEVELS 32

typedef struct Seg {
  sqlite3_stmt *pData, *pIdx; /* REPLACE INTO %_data, INSERT INTO %_idx */
  int rc, segid, pgsz, bNone;
  Bytes pg, pgidx;            /* the leaf being filled, its footer */
  int iPrevPgidx, pgno, bFirstTerm, bFirstRowid;
  Bytes term, btterm;         /* last term written; separator of iBtPage */
  int iBtPage, nEmpty, nLeaf;
  Dlidx aDl[FW_DLIDX_LEVELS];
} Seg;

static void put_u16(uint8_t *p, int v) {
  p[0] = (uint8_t)(v >> 8);
  p[1] = (uint8_t)v;
}

static void seg_data(Seg *w, int64_t id, const uint8_t *a, size_t n) {
  if (w->rc) return;
  sqlite3_bind_int64(w->pData, 1, id);
  sqlite3_bind_blob(w->pData, 2, a, (int)n, SQLITE_STATIC);
  sqlite3_step(w->pData);
  w->rc = sqlite3_reset(w->pData);
}

/* Writes the doclist index of the doclist that started on leaf iBtPage
** when it spans FW_MIN_DLIDX or more termless leaves; returns 1 if so. */
static int seg_flush_dlidx(Seg *w) {
  int bFlag = w->aDl[0].buf.n > 0 && w->nEmpty >= FW_MIN_DLIDX;
  for (int i = 0; i < FW_DLIDX_LEVELS && w->aDl[i].buf.n; i++) {
    if (bFlag)
      seg_data(w, FW_DLIDX_ROWID(w->segid, i, w->aDl[i].pgno), w->aDl[i].buf.a,
               w->aDl[i].buf.n);
    w->aDl[i].buf.n = 0;
    w->aDl[i].bPrev = 0;
  }
  w->nEmpty = 0;
  return bFlag;
}

/* The %_idx row of leaf iBtPage (its separator and doclist-index flag). */
static void seg_flush_btree(Seg *w) {
  if (w->iBtPage == 0) return;
  int bFlag = seg_flush_dlidx(w);
  if (!w->rc) {
    static const uint8_t zEmpty[1] = {0};
    sqlite3_bind_blob(w->pIdx, 2, w->btterm.n ? w->btterm.a : zEmpty,
                      (int)w->btterm.n, SQLITE_STATIC);
    sqlite3_bind_int64(w->pIdx, 3, bFlag + ((int64_t)w->iBtPage << 1));
    sqlite3_step(w->pIdx);
    w->rc = sqlite3_reset(w->pIdx);
  }
  w->iBtPage = 0;
}

static uint64_t dlidx_first_rowid(const Bytes *b) {
  uint64_t v;
  const uint8_t *p = get_varint(b->a + 1, b->a + b->n, &v);
  if (!p || !get_varint(p, b->a + b->n, &v)) return 0;
  return v;
}

/* Rowid r is the first on the current leaf: adds it to the doclist index
** being built (levels above the first when a level's page fills). */
static void seg_dlidx_append(Seg *w, int64_t r) {
  int bDone = 0;
  for (int i = 0; !w->rc && !bDone && i < FW_DLIDX_LEVELS - 1; i++) {
    Dlidx *d = &w->aDl[i];
    uint64_t v;
    if (d->buf.n >= (size_t)w->pgsz) {
      d->buf.a[0] = 0x01;
      seg_data(w, FW_DLIDX_ROWID(w->segid, i, d->pgno), d->buf.a, d->buf.n);
      if (d[1].buf.n == 0) { /* d was the root: push its first rowid up */
        uint64_t first = dlidx_first_rowid(&d->buf);
        d[1].pgno = d->pgno;
        by_varint(&d[1].buf, 0);
        by_varint(&d[1].buf, (uint64_t)d->pgno);
        by_varint(&d[1].buf, first);
        d[1].bPrev = 1;
        d[1].iPrev = (int64_t)first;
      }
      d->buf.n = 0;
      d->bPrev = 0;
      d->pgno++;
    } else {
      bDone = 1;
    }
    if (d->bPrev) {
      v = (uint64_t)r - (uint64_t)d->iPrev;
    } else {
      by_varint(&d->buf, (uint64_t)!bDone);
      by_varint(&d->buf, (uint64_t)(i == 0 ? w->pgno : d[-1].pgno));
      v = (uint64_t)r;
    }
    by_varint(&d->buf, v);
    d->bPrev = 1;
    d->iPrev = r;
  }
}

static void seg_flush_leaf(Seg *w) {
  put_u16(w->pg.a + 2, (int)w->pg.n);
  if (w->bFirstTerm) { /* no term on this leaf */
    if (w->bFirstRowid && w->aDl[0].buf.n > 0) by_varint(&w->aDl[0].buf, 0);
    w->nEmpty++;
  } else {
    by_add(&w->pg, w->pgidx.a, w->pgidx.n);
  }
  seg_data(w, FW_LEAF_ROWID(w->segid, w->pgno), w->pg.a, w->pg.n);
  w->pg.n = 0;
  by_add(&w->pg, "\0\0\0\0", 4);
  w->pgidx.n = 0;
  w->iPrevPgidx = 0;
  w->pgno++;
  w->nLeaf++;
  w->bFirstTerm = 1;
  w->bFirstRowid = 1;
}

static int prefix_len(const Bytes *old, const uint8_t *z, int n) {
  int i = 0, m = (int)old->n < n ? (int)old->n : n;
  while (i < m && old->a[i] == z[i]) i++;
  return i;
}

static void seg_append_term(Seg *w, const uint8_t *z, int n) {
  int nPrefix = 0;
  if (w->pg.n + w->pgidx.n + (size_t)n + 2 >= (size_t)w->pgsz && w->pg.n > 4)
    seg_flush_leaf(w);
  by_varint(&w->pgidx, w->pg.n - (size_t)w->iPrevPgidx);
  w->iPrevPgidx = (int)w->pg.n;
  if (w->bFirstTerm) {
    if (w->pgno != 1) { /* the separator: one byte past the common prefix */
      int nSep = w->term.n ? 1 + prefix_len(&w->term, z, n) : n;
      seg_flush_btree(w);
      w->btterm.n = 0;
      by_add(&w->btterm, z, (size_t)nSep);
      w->iBtPage = w->pgno;
    }
  } else {
    nPrefix = prefix_len(&w->term, z, n);
    by_varint(&w->pg, (uint64_t)nPrefix);
  }
  by_varint(&w->pg, (uint64_t)(n - nPrefix));
  by_add(&w->pg, z + nPrefix, (size_t)(n - nPrefix));
  w->term.n = 0;
  by_add(&w->term, z, (size_t)n);
  w->bFirstTerm = 0;
  w->bFirstRowid = 0;
  w->aDl[0].pgno = w->pgno;
}

/* The longest run of whole varints at a[0..) of at most nMax bytes (at
** least the first). */
static int poslist_prefix(const uint8_t *a, int nMax) {
  int r = varint_len(a);
  if (r < nMax) {
    for (;;) {
      int i = varint_len(a + r);
      if (r + i > nMax) break;
      r += i;
    }
  }
  return r;
}

/* Appends a term and its doclist a[0..n) (as FTS5's hash holds it) the
** way FTS5's flush of its hash does: whole when it fits on the leaf,
** else entry by entry, position lists split between varints. */
static void seg_add(Seg *w, const uint8_t *z, int nz, const uint8_t *a,
                    size_t n) {
  seg_append_term(w, z, nz);
  if (w->pg.n + w->pgidx.n + n + 1 <= (size_t)w->pgsz) {
    by_add(&w->pg, a, n);
    return;
  }
  uint64_t r = 0, prev = 0;
  size_t i = 0;
  while (!w->rc && i < n) {
    uint64_t delta;
    const uint8_t *p = get_varint(a + i, a + n, &delta);
    if (!p) { w->rc = SQLITE_CORRUPT; return; }
    i = (size_t)(p - a);
    r += delta;
    if (w->bFirstRowid) {
      put_u16(w->pg.a, (int)w->pg.n);
      by_varint(&w->pg, r);
      w->bFirstRowid = 0;
      seg_dlidx_append(w, (int64_t)r);
    } else {
      by_varint(&w->pg, r - prev);
    }
    prev = r;
    if (w->bNone) {
      if (w->pg.n + w->pgidx.n >= (size_t)w->pgsz) seg_flush_leaf(w);
      continue;
    }
    uint64_t sz;
    if (!get_varint(a + i, a + n, &sz)) { w->rc = SQLITE_CORRUPT; return; }
    size_t nCopy = (size_t)varint_len(a + i) + (size_t)(sz >> 1);
    if (w->pg.n + w->pgidx.n + nCopy <= (size_t)w->pgsz) {
      by_add(&w->pg, a + i, nCopy);
    } else {
      size_t iPos = 0;
      while (!w->rc) {
        long nSpace = (long)w->pgsz - (long)w->pg.n - (long)w->pgidx.n;
        size_t k = (long)(nCopy - iPos) <= nSpace
                       ? nCopy - iPos
                       : (size_t)poslist_prefix(a + i + iPos, (int)nSpace);
        by_add(&w->pg, a + i + iPos, k);
        iPos += k;
        if (w->pg.n + w->pgidx.n >= (size_t)w->pgsz) seg_flush_leaf(w);
        if (iPos >= nCopy) break;
      }
    }
    i += nCopy;
  }
}

/* Flushes the last leaf and the last %_idx row; the last leaf's number,
** 0 when nothing was written. */
static int seg_finish(Seg *w) {
  if (w->pg.n > 4) seg_flush_leaf(w);
  if (w->pgno > 1) seg_flush_btree(w);
  return w->pgno - 1;
}

static void seg_free(Seg *w) {
  free(w->pg.a);
  free(w->pgidx.a);
  free(w->term.a);
  free(w->btterm.a);
  for (int i = 0; i < FW_DLIDX_LEVELS; i++) free(w->aDl[i].buf.a);
  sqlite3_finalize(w->pData);
  sqlite3_finalize(w->pIdx);
}

/* ---- The table: configuration, structure, averages --------------------- */

typedef struct Cfg {
  int pgsz, automerge;
} Cfg;

/* Reads the table's configuration; FTS_WRITE_UNKNOWN unless it is the
** table this writer knows (declaration, version 4, known keys). */
static int check_table(sqlite3 *db, const Tab *t, Cfg *c) {
  char z[200];
  sqlite3_stmt *st;
  int rc, bOk;
  c->pgsz = 4050;
  c->automerge = 4;
  if ((rc = sqlite3_prepare_v2(db,
          "SELECT sql FROM sqlite_schema WHERE type='table' AND name=?1", -1,
          &st, NULL)))
    return rc;
  sqlite3_bind_text(st, 1, t->zName, -1, SQLITE_STATIC);
  rc = sqlite3_step(st);
  const char *zSql = rc == SQLITE_ROW ? (const char *)sqlite3_column_text(st, 0) : NULL;
  bOk = zSql &&
        strstr(zSql, "body, title, doc_number, keywords, attachment_text,") &&
        strstr(zSql, "content='search_text', content_rowid='id',") &&
        strstr(zSql, t->bNone ? "tokenize='gk chars', detail=none)"
                              : "tokenize='gk', detail=full)") &&
        !strstr(zSql, "prefix") && !strstr(zSql, "columnsize") &&
        !strstr(zSql, "contentless");
  sqlite3_finalize(st);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) return rc;
  if (!bOk) return FTS_WRITE_UNKNOWN;
  snprintf(z, sizeof z, "SELECT k, v FROM \"%s_config\"", t->zName);
  if ((rc = sqlite3_prepare_v2(db, z, -1, &st, NULL))) return rc;
  int bVersion = 0;
  bOk = 1;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    const char *k = (const char *)sqlite3_column_text(st, 0);
    int v = sqlite3_column_int(st, 1), bInt = sqlite3_column_type(st, 1) == SQLITE_INTEGER;
    if (!k) bOk = 0;
    else if (!strcmp(k, "version")) bVersion = bInt && v == 4;
    else if (!strcmp(k, "pgsz")) {
      if (!bInt || v < 32 || v > 65536) bOk = 0;
      c->pgsz = v;
    } else if (!strcmp(k, "automerge")) {
      if (!bInt || v < 0 || v > 64) bOk = 0;
      c->automerge = v == 1 ? 4 : v;
    } else if (strcmp(k, "hashsize") && strcmp(k, "usermerge") &&
               strcmp(k, "crisismerge") && strcmp(k, "rank")) {
      bOk = 0;
    }
  }
  sqlite3_finalize(st);
  if (rc != SQLITE_DONE) return rc;
  return bOk && bVersion ? FTS_WRITE_OK : FTS_WRITE_UNKNOWN;
}

typedef struct SegRef {
  int id, first, last;
} SegRef;

typedef struct Structure {
  uint8_t cookie[4];
  uint64_t nWrite;
  int nLevel, nSegment;
  int aMerge[FW_MAX_LEVEL], aNSeg[FW_MAX_LEVEL];
  SegRef *aSeg; /* all levels' segments, level by level, oldest first */
} Structure;

/* Parses the legacy structure record a[0..n); 0, or -1 for anything else. */
static int parse_structure(Structure *s, const uint8_t *a, int n) {
  const uint8_t *p = a + 4, *end = a + n;
  uint64_t nLevel, nSegment, v[3];
  int k = 0;
  if (n < 5 || (n >= 8 && memcmp(a + 4, "\xff\x00\x00\x01", 4) == 0)) return -1;
  memcpy(s->cookie, a, 4);
  if (!(p = get_varint(p, end, &nLevel)) || !(p = get_varint(p, end, &nSegment)) ||
      !(p = get_varint(p, end, &s->nWrite)) || nLevel > FW_MAX_LEVEL ||
      nSegment > FW_MAX_SEGMENT)
    return -1;
  s->nLevel = (int)nLevel;
  s->nSegment = (int)nSegment;
  s->aSeg = xmalloc(sizeof(SegRef) * (nSegment + 1));
  for (int l = 0; l < s->nLevel; l++) {
    if (!(p = get_varint(p, end, &v[0])) || !(p = get_varint(p, end, &v[1])) ||
        v[1] > nSegment - (uint64_t)k || v[0] > v[1])
      return -1;
    s->aMerge[l] = (int)v[0];
    s->aNSeg[l] = (int)v[1];
    for (int i = 0; i < s->aNSeg[l]; i++, k++) {
      uint64_t g[3];
      for (int j = 0; j < 3; j++)
        if (!(p = get_varint(p, end, &g[j]))) return -1;
      if (g[0] == 0 || g[0] > 65535 || g[1] > 0x7fffffff || g[2] > 0x7fffffff)
        return -1;
      s->aSeg[k].id = (int)g[0];
      s->aSeg[k].first = (int)g[1];
      s->aSeg[k].last = (int)g[2];
    }
  }
  return p == end && k == s->nSegment ? 0 : -1;
}

/* The smallest segment id in use by no segment (FTS5's rule), 0 if none. */
static int free_segid(const Structure *s) {
  uint8_t aUsed[FW_MAX_SEGMENT + 1] = {0};
  for (int i = 0; i < s->nSegment; i++)
    if (s->aSeg[i].id <= FW_MAX_SEGMENT) aUsed[s->aSeg[i].id] = 1;
  for (int id = 1; id <= FW_MAX_SEGMENT; id++)
    if (!aUsed[id]) return id;
  return 0;
}

/* The record of s with segment (id, 1, last) appended to level 0. */
static void structure_add(const Structure *s, int id, int last, uint64_t nWrite,
                          Bytes *b) {
  int nLevel = s->nLevel ? s->nLevel : 1, k = 0;
  by_add(b, s->cookie, 4);
  by_varint(b, (uint64_t)nLevel);
  by_varint(b, (uint64_t)s->nSegment + 1);
  by_varint(b, nWrite);
  for (int l = 0; l < nLevel; l++) {
    int nSeg = l < s->nLevel ? s->aNSeg[l] : 0;
    by_varint(b, (uint64_t)(l < s->nLevel ? s->aMerge[l] : 0));
    by_varint(b, (uint64_t)nSeg + (l == 0));
    for (int i = 0; i < nSeg; i++, k++) {
      by_varint(b, (uint64_t)s->aSeg[k].id);
      by_varint(b, (uint64_t)s->aSeg[k].first);
      by_varint(b, (uint64_t)s->aSeg[k].last);
    }
    if (l == 0) {
      by_varint(b, (uint64_t)id);
      by_varint(b, 1);
      by_varint(b, (uint64_t)last);
    }
  }
}

/* Runs one statement with up to one blob and one integer bound. */
static int exec1(sqlite3 *db, const char *zSql, int64_t i1, const void *a,
                 int n) {
  sqlite3_stmt *st;
  int rc = sqlite3_prepare_v2(db, zSql, -1, &st, NULL);
  if (rc) return rc;
  if (sqlite3_bind_parameter_count(st) >= 1) sqlite3_bind_int64(st, 1, i1);
  if (sqlite3_bind_parameter_count(st) >= 2) sqlite3_bind_blob(st, 2, a, n, SQLITE_STATIC);
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
  }
  sqlite3_finalize(st);
  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* Reads %_data row id into *b (empty when absent). */
static int read_data(sqlite3 *db, const char *zTab, int64_t id, Bytes *b) {
  char z[160];
  sqlite3_stmt *st;
  snprintf(z, sizeof z, "SELECT block FROM \"%s_data\" WHERE id=?1", zTab);
  int rc = sqlite3_prepare_v2(db, z, -1, &st, NULL);
  if (rc) return rc;
  sqlite3_bind_int64(st, 1, id);
  b->n = 0;
  rc = sqlite3_step(st);
  if (rc == SQLITE_ROW) by_add(b, sqlite3_column_blob(st, 0), (size_t)sqlite3_column_bytes(st, 0));
  sqlite3_finalize(st);
  return rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* Adds the batch's rows and column sizes to the averages record. */
static int update_averages(sqlite3 *db, const Tab *t) {
  Bytes b = {0}, o = {0};
  uint64_t v[1 + FW_NCOL] = {0};
  char z[160];
  int rc = read_data(db, t->zName, 1, &b);
  const uint8_t *p = b.a, *end = b.a + b.n;
  for (int i = 0; rc == SQLITE_OK && i < 1 + FW_NCOL && p && p < end; i++)
    p = get_varint(p, end, &v[i]);
  if (!rc) {
    by_varint(&o, v[0] + (uint64_t)t->nRow);
    for (int i = 0; i < FW_NCOL; i++) by_varint(&o, v[1 + i] + (uint64_t)t->aTotal[i]);
    snprintf(z, sizeof z, "REPLACE INTO \"%s_data\"(id, block) VALUES(?1, ?2)", t->zName);
    rc = exec1(db, z, 1, o.a, (int)o.n);
  }
  free(b.a);
  free(o.a);
  return rc;
}

/* ---- The batch --------------------------------------------------------- */

/* Sorts the entries by term rank, stably (so each term's entries stay in
** document order): LSD radix sort, 11 bits a pass. */
static void sort_pairs(Tab *t, uint32_t nTerm) {
  size_t n = t->nPair;
  if (n == 0 || nTerm <= 1) return;
  Pair *tmp = xmalloc(sizeof(Pair) * (n ? n : 1)), *src = t->aPair, *dst = tmp;
  size_t *aCnt = xmalloc(sizeof(size_t) * 2048);  /* per call: no shared state */
  for (int shift = 0; shift < 32 && (shift == 0 || (nTerm - 1) >> shift);
       shift += 11) {
    memset(aCnt, 0, sizeof(size_t) * 2048);
    for (size_t i = 0; i < n; i++) aCnt[(src[i].term >> shift) & 2047]++;
    size_t sum = 0;
    for (int b = 0; b < 2048; b++) {
      size_t c = aCnt[b];
      aCnt[b] = sum;
      sum += c;
    }
    for (size_t i = 0; i < n; i++) dst[aCnt[(src[i].term >> shift) & 2047]++] = src[i];
    Pair *x = src;
    src = dst;
    dst = x;
  }
  free(aCnt);
  if (src != t->aPair) {
    free(t->aPair);
    t->aPair = src;
    t->capPair = n ? n : 1;
  } else {
    free(tmp);
  }
}

/* Ranks the batch's terms in FTS5's order and relabels the entries. */
static uint32_t *rank_terms(Tab *t) {
  uint32_t n = t->d.nTerm;
  uint32_t *aIdx = xmalloc(sizeof(uint32_t) * (n + 1));
  for (uint32_t i = 0; i < n; i++) aIdx[i] = i;
  qsort_r(aIdx, n, sizeof(uint32_t), term_cmp, t->d.aTerm);
  uint32_t *aRank = xmalloc(sizeof(uint32_t) * (n + 1));
  for (uint32_t r = 0; r < n; r++) aRank[aIdx[r]] = r;
  for (size_t i = 0; i < t->nPair; i++) t->aPair[i].term = aRank[t->aPair[i].term];
  free(aRank);
  return aIdx; /* rank -> term id */
}

/* Writes the table's segment, structure and averages; *pnMerge receives
** the merge work (leaves) FTS5's automerge would do after it. */
static int write_table(sqlite3 *db, Tab *t, const Cfg *c, const int64_t *aRowid,
                       int *pnMerge) {
  char z[200];
  Bytes st = {0}, dl = {0};
  Structure s;
  memset(&s, 0, sizeof s);
  Seg w;
  memset(&w, 0, sizeof w);
  uint32_t *aIdx = NULL;
  *pnMerge = 0;
  int rc = read_data(db, t->zName, 10, &st);
  if (rc) goto done;
  if (parse_structure(&s, st.a, (int)st.n) || !(w.segid = free_segid(&s))) {
    rc = FTS_WRITE_UNKNOWN;
    goto done;
  }
  aIdx = rank_terms(t);
  sort_pairs(t, t->d.nTerm);
  w.pgsz = c->pgsz;
  w.bNone = t->bNone;
  w.pgno = 1;
  w.bFirstTerm = 1;
  w.iBtPage = 1;
  by_add(&w.pg, "\0\0\0\0", 4);
  snprintf(z, sizeof z, "REPLACE INTO \"%s_data\"(id, block) VALUES(?1, ?2)", t->zName);
  if ((rc = sqlite3_prepare_v2(db, z, -1, &w.pData, NULL))) goto done2;
  snprintf(z, sizeof z, "INSERT INTO \"%s_idx\"(segid, term, pgno) VALUES(?1, ?2, ?3)", t->zName);
  if ((rc = sqlite3_prepare_v2(db, z, -1, &w.pIdx, NULL))) goto done2;
  sqlite3_bind_int(w.pIdx, 1, w.segid);
  for (size_t i = 0; i < t->nPair && !w.rc;) {
    uint32_t r = t->aPair[i].term;
    uint64_t prev = 0;
    dl.n = 0;
    for (; i < t->nPair && t->aPair[i].term == r; i++) {
      const Pair *p = &t->aPair[i];
      uint64_t rowid = (uint64_t)aRowid[p->docLen >> 4];
      by_varint(&dl, rowid - prev);
      prev = rowid;
      if (t->bNone) continue;
      uint32_t len = p->docLen & 15;
      if (len) {
        by_add(&dl, &p->data, len);
      } else {
        const uint8_t *a = t->arena.a + p->data;
        uint64_t sz = 0;
        get_varint(a, t->arena.a + t->arena.n, &sz);
        by_add(&dl, a, (size_t)varint_len(a) + (size_t)(sz >> 1));
      }
    }
    const Term *tm = &t->d.aTerm[aIdx[r]];
    uint8_t aTerm[9];
    aTerm[0] = '0';
    for (uint32_t k = 0; k < tm->n; k++) aTerm[1 + k] = (uint8_t)(tm->key >> (56 - 8 * k));
    seg_add(&w, aTerm, 1 + (int)tm->n, dl.a, dl.n);
  }
  int last = w.rc ? 0 : seg_finish(&w);
  if ((rc = w.rc)) goto done2;
  if (last > 0) {
    uint64_t nWrite = s.nWrite + (c->automerge > 0 ? (uint64_t)last : 0);
    st.n = 0;
    structure_add(&s, w.segid, last, nWrite, &st);
    snprintf(z, sizeof z, "REPLACE INTO \"%s_data\"(id, block) VALUES(?1, ?2)", t->zName);
    if ((rc = exec1(db, z, 10, st.a, (int)st.n))) goto done2;
    if (c->automerge > 0) {
      uint64_t nWork = (s.nWrite + (uint64_t)last) / FW_WORK_UNIT - s.nWrite / FW_WORK_UNIT;
      *pnMerge = (int)(FW_WORK_UNIT * nWork * (uint64_t)(s.nLevel ? s.nLevel : 1));
    }
  }
  rc = update_averages(db, t);
done2:
  free(aIdx);
done:
  seg_free(&w);
  free(s.aSeg);
  free(st.a);
  free(dl.a);
  return rc;
}

static void tab_free(Tab *t) {
  dict_free(&t->d);
  free(t->aPair);
  free(t->arena.a);
}

/* The statements of collect(). */
typedef struct Rows {
  sqlite3_stmt *pRows, *pText, *aSize[2];
  FtsPrepper *pp;       /* for rows nobody prepared; created when needed */
} Rows;

/* Row iDoc's entries: the prepared ones of document docId, else its
** columns read with pText and prepared here.  NULL on an SQLite error
** (*pRc set). */
static FtsDocPrep *row_prep(Rows *r, FtsPending *pPend, int64_t rowid,
                            int64_t docId, int *pRc) {
  FtsDocPrep *p = fts_pending_take(pPend, docId);
  if (p) {
    __atomic_add_fetch(&fts_write_prepared, 1, __ATOMIC_RELAXED);
    return p;
  }
  const char *az[FW_NCOL];
  int an[FW_NCOL];
  sqlite3_bind_int64(r->pText, 1, rowid);
  int rc = sqlite3_step(r->pText);
  if (rc == SQLITE_ROW) {
    for (int c = 0; c < FW_NCOL; c++) {
      az[c] = (const char *)sqlite3_column_text(r->pText, c);
      an[c] = sqlite3_column_bytes(r->pText, c);
    }
    if (!r->pp) r->pp = fts_prepper_new();
    p = fts_prep_cols(r->pp, az, an);
  }
  int rc2 = sqlite3_reset(r->pText);
  *pRc = rc == SQLITE_ROW ? rc2 : rc == SQLITE_DONE ? SQLITE_CORRUPT : rc;
  return p;
}

/* Adds row iDoc's entries p to both tables and writes its %_docsize rows. */
static int add_row(Rows *r, Tab *aT, uint32_t iDoc, int64_t rowid,
                   const FtsDocPrep *p) {
  if (p->bBad) return FTS_WRITE_UNKNOWN;
  int rc = SQLITE_OK;
  for (int i = 0; i < 2 && !rc; i++) {
    uint8_t aSz[9 * FW_NCOL];
    int nSz = 0;
    for (int c = 0; c < FW_NCOL; c++) nSz += put_varint(aSz + nSz, p->a[i].aSize[c]);
    tab_add_doc(&aT[i], iDoc, &p->a[i]);
    sqlite3_bind_int64(r->aSize[i], 1, rowid);
    sqlite3_bind_blob(r->aSize[i], 2, aSz, nSz, SQLITE_STATIC);
    sqlite3_step(r->aSize[i]);
    rc = sqlite3_reset(r->aSize[i]);
  }
  return rc;
}

static int rows_open(sqlite3 *db, Rows *r, const Tab *aT, const char *zRows,
                     const char *zText) {
  char z[160];
  memset(r, 0, sizeof *r);
  int rc = sqlite3_prepare_v2(db, zRows, -1, &r->pRows, NULL);
  if (!rc) rc = sqlite3_prepare_v2(db, zText, -1, &r->pText, NULL);
  for (int i = 0; i < 2 && !rc; i++) {
    snprintf(z, sizeof z, "REPLACE INTO \"%s_docsize\"(id, sz) VALUES(?1, ?2)",
             aT[i].zName);
    rc = sqlite3_prepare_v2(db, z, -1, &r->aSize[i], NULL);
  }
  return rc;
}

static void rows_close(Rows *r) {
  sqlite3_finalize(r->pRows);
  sqlite3_finalize(r->pText);
  sqlite3_finalize(r->aSize[0]);
  sqlite3_finalize(r->aSize[1]);
  fts_prepper_free(r->pp);
}

/* Reads the rows of zRows into both tables; *paRowid the rowids. */
static int collect(sqlite3 *db, const char *zRows, const char *zText,
                   FtsPending *pPend, Tab *aT, int64_t **paRowid, uint32_t *pn) {
  Rows r;
  size_t cap = 0;
  int rc = rows_open(db, &r, aT, zRows, zText);
  *pn = 0;
  while (!rc && (rc = sqlite3_step(r.pRows)) == SQLITE_ROW) {
    int64_t rowid = sqlite3_column_int64(r.pRows, 0);
    rc = SQLITE_OK;
    if ((*pn && rowid <= (*paRowid)[*pn - 1]) || *pn >= (1u << 27)) {
      rc = FTS_WRITE_UNKNOWN;
      break;
    }
    if (*pn == cap) {
      cap = cap ? cap * 2 : 1024;
      *paRowid = xrealloc(*paRowid, sizeof(int64_t) * cap);
    }
    (*paRowid)[*pn] = rowid;
    FtsDocPrep *p = row_prep(&r, pPend, rowid, sqlite3_column_int64(r.pRows, 1), &rc);
    if (p && !rc) rc = add_row(&r, aT, *pn, rowid, p);
    fts_doc_prep_free(p);
    (*pn)++;
  }
  if (rc == SQLITE_DONE) rc = SQLITE_OK;
  rows_close(&r);
  return rc;
}

/* Makes FTS5 on db forget the structure and totals it caches (see the top
** of this file). */
static int fts5_forget(sqlite3 *db) {
  return sqlite3_exec(db, "SAVEPOINT fts_write_forget;"
                          " ROLLBACK TO fts_write_forget;"
                          " RELEASE fts_write_forget", NULL, NULL, NULL);
}

int fts_write_rows(sqlite3 *db, const char *zRows, const char *zText,
                   FtsPending *pPend, int *pnRows) {
  Tab aT[2];
  Cfg aCfg[2];
  int64_t *aRowid = NULL;
  uint32_t nRow = 0;
  int aMerge[2] = {0, 0}, rc = SQLITE_OK;
  memset(aT, 0, sizeof aT);
  aT[0].zName = "search_fts";
  aT[1].zName = "search_chr";
  aT[1].bNone = 1;
  if (pnRows) *pnRows = 0;
  for (int i = 0; i < 2 && !rc; i++) rc = check_table(db, &aT[i], &aCfg[i]);
  if (rc) return rc;
  /* Both tables join the transaction; the savepoint makes FTS5 flush. */
  rc = sqlite3_exec(db, "DELETE FROM search_fts WHERE rowid=0;"
                        " DELETE FROM search_chr WHERE rowid=0;"
                        " SAVEPOINT fts_write", NULL, NULL, NULL);
  if (rc) return rc;
  rc = collect(db, zRows, zText, pPend, aT, &aRowid, &nRow);
  for (int i = 0; i < 2 && !rc; i++)
    rc = write_table(db, &aT[i], &aCfg[i], aRowid, &aMerge[i]);
  if (!rc) rc = fts5_forget(db);
  if (rc) {
    sqlite3_exec(db, "ROLLBACK TO fts_write", NULL, NULL, NULL);
  }
  int rc2 = sqlite3_exec(db, "RELEASE fts_write", NULL, NULL, NULL);
  if (!rc) rc = rc2;
  char z[120];
  for (int i = 0; i < 2 && !rc && !fts_write_no_merge; i++) {
    if (aMerge[i] <= 0) continue;
    snprintf(z, sizeof z, "INSERT INTO %s(%s, rank) VALUES('merge', ?1)",
             aT[i].zName, aT[i].zName);
    rc = exec1(db, z, aMerge[i], NULL, 0);
  }
  if (!rc && pnRows) *pnRows = (int)nRow;
  if (!rc && nRow) __atomic_add_fetch(&fts_write_batches, 1, __ATOMIC_RELAXED);
  tab_free(&aT[0]);
  tab_free(&aT[1]);
  free(aRowid);
  return rc;
}
