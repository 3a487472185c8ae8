/*
** fts_prep.c — one document's search index entries, prepared away from
** the database (contract in fts_prep.h).
**
** Per table the document's tokens are collected column by column (FTS5
** counts every token a position), looked up in a small per-document hash
** of (token, length) to give each distinct term a local index, counted per
** term and ordered by a counting sort, so each term's positions come out
** in (column, position) order: the position list is then encoded exactly
** as FTS5's hash of pending terms holds it (varint 2 * size; column 0's
** offsets, then 0x01, column, offsets; each offset as delta + 2).  The
** hash is reset between documents by a stamp, not by clearing it.
*/
#include "store/fts_prep.h"

#include <stdlib.h>
#include <string.h>

#include "lib/buf.h"
#include "store/fts_cjk.h"

/* A token of the document being prepared. */
typedef struct PTok {
  uint64_t key;
  uint32_t n, col, pos, local;
} PTok;

/* A slot of the per-document hash (16 bytes: four to a cache line): tag
** is stamp << 4 | token length; empty unless its stamp is the current. */
typedef struct PSlot {
  uint64_t key;
  uint32_t tag, local;
} PSlot;
#define PREP_STAMP_MAX (1u << 27)

struct FtsPrepper {
  FtsCjkTok *apTok[2];  /* gk (bigrams), gk chars */
  PTok *aTok;
  size_t nTok, capTok;
  uint32_t col, szCol;
  int bBad;
  PSlot *aSlot;         /* mask + 1 slots; this document uses use + 1 */
  uint32_t mask, use, stamp;
  FtsPrepTerm *aLoc;    /* the distinct terms of the table being prepared */
  uint32_t *aCnt, *aOrder;
  size_t capLoc;
  uint8_t *aPl;         /* position lists being encoded */
  size_t nPl, capPl;
};

int fts_put_varint(uint8_t *p, uint64_t v) {
  if (v <= 0x7f) {
    p[0] = (uint8_t)v;
    return 1;
  }
  if (v <= 0x3fff) {
    p[0] = (uint8_t)((v >> 7) | 0x80);
    p[1] = (uint8_t)(v & 0x7f);
    return 2;
  }
  if (v >> 56) {
    p[8] = (uint8_t)v;
    v >>= 8;
    for (int i = 7; i >= 0; i--) {
      p[i] = (uint8_t)((v & 0x7f) | 0x80);
      v >>= 7;
    }
    return 9;
  }
  uint8_t t[10];
  int n = 0;
  do {
    t[n++] = (uint8_t)((v & 0x7f) | 0x80);
    v >>= 7;
  } while (v);
  t[0] &= 0x7f;
  for (int i = 0; i < n; i++) p[i] = t[n - 1 - i];
  return n;
}

FtsPrepper *fts_prepper_new(void) {
  FtsPrepper *pp = xmalloc(sizeof *pp);
  memset(pp, 0, sizeof *pp);
  pp->apTok[0] = fts_cjk_tok_new(0);
  pp->apTok[1] = fts_cjk_tok_new(1);
  return pp;
}

void fts_prepper_free(FtsPrepper *pp) {
  if (!pp) return;
  fts_cjk_tok_free(pp->apTok[0]);
  fts_cjk_tok_free(pp->apTok[1]);
  free(pp->aTok);
  free(pp->aSlot);
  free(pp->aLoc);
  free(pp->aCnt);
  free(pp->aOrder);
  free(pp->aPl);
  free(pp);
}

/* xToken: one token of column pp->col at the next position (FTS5 counts
** every token; the gk tokenizer sets no flag). */
static int on_token(void *pCtx, int tflags, const char *z, int n, int s,
                    int e) {
  (void)tflags, (void)s, (void)e;
  FtsPrepper *pp = pCtx;
  uint32_t pos = pp->szCol++;
  if (n <= 0 || n > 8) {
    pp->bBad = 1;
    return 0;
  }
  uint64_t key = 0;
  for (int i = 0; i < n; i++) key |= (uint64_t)(uint8_t)z[i] << (56 - 8 * i);
  if (pp->nTok == pp->capTok) {
    pp->capTok = pp->capTok ? pp->capTok * 2 : 4096;
    pp->aTok = xrealloc(pp->aTok, sizeof(PTok) * pp->capTok);
  }
  PTok *k = &pp->aTok[pp->nTok++];
  k->key = key;
  k->n = (uint32_t)n;
  k->col = pp->col;
  k->pos = pos;
  return 0;
}

/* Makes room: a hash of at least twice the tokens, and per-term arrays. */
static void prep_room(FtsPrepper *pp) {
  size_t nSlot = pp->mask ? (size_t)pp->mask + 1 : 0;
  if (nSlot < 2 * pp->nTok || nSlot < 1024) {
    while (nSlot < 2 * pp->nTok || nSlot < 1024) nSlot = nSlot ? nSlot * 2 : 1024;
    free(pp->aSlot);
    pp->aSlot = xmalloc(sizeof(PSlot) * nSlot);
    memset(pp->aSlot, 0, sizeof(PSlot) * nSlot);
    pp->mask = (uint32_t)nSlot - 1;
    pp->stamp = 0;
  }
  if (++pp->stamp == PREP_STAMP_MAX) { /* wrapped: every slot empty again */
    memset(pp->aSlot, 0, sizeof(PSlot) * ((size_t)pp->mask + 1));
    pp->stamp = 1;
  }
  /* Only as many slots as this document needs: a long document earlier
  ** must not spread the next ones' lookups over a table that has left
  ** the cache (stale slots of earlier documents carry older stamps). */
  size_t nUse = 1024;
  while (nUse < 2 * pp->nTok) nUse *= 2;
  pp->use = (uint32_t)nUse - 1;
  if (pp->capLoc < pp->nTok + 1) {
    pp->capLoc = pp->nTok + 1;
    pp->aLoc = xrealloc(pp->aLoc, sizeof(FtsPrepTerm) * pp->capLoc);
    pp->aCnt = xrealloc(pp->aCnt, sizeof(uint32_t) * (pp->capLoc + 1));
    pp->aOrder = xrealloc(pp->aOrder, sizeof(uint32_t) * pp->capLoc);
  }
}

/* Gives every token its term's local index; returns the distinct terms
** (pp->aLoc, first-seen order) with their token counts in pp->aCnt. */
static uint32_t prep_group(FtsPrepper *pp) {
  uint32_t nLoc = 0;
  prep_room(pp);
  uint32_t stamp = pp->stamp;
  int shift = 64 - __builtin_ctz(pp->use + 1);
  for (size_t i = 0; i < pp->nTok; i++) {
    PTok *k = &pp->aTok[i];
    /* The top bits of a Fibonacci hash: they depend on every key bit. */
    uint32_t h = (uint32_t)(((k->key ^ k->n) * 0x9E3779B97F4A7C15ull) >> shift);
    uint32_t tag = stamp << 4 | k->n;
    PSlot *sl;
    for (;;) {
      sl = &pp->aSlot[h];
      if ((sl->tag >> 4) != stamp || (sl->key == k->key && sl->tag == tag)) break;
      h = (h + 1) & pp->use;
    }
    if ((sl->tag >> 4) != stamp) {
      sl->tag = tag;
      sl->key = k->key;
      sl->local = nLoc;
      pp->aLoc[nLoc].key = k->key;
      pp->aLoc[nLoc].n = k->n;
      pp->aLoc[nLoc].len = 0;
      pp->aLoc[nLoc].off = 0;
      pp->aCnt[nLoc++] = 0;
    }
    pp->aCnt[sl->local]++;
    k->local = sl->local;
  }
  return nLoc;
}

static void pl_byte(FtsPrepper *pp, const uint8_t *a, size_t n) {
  if (pp->nPl + n > pp->capPl) {
    while (pp->nPl + n > pp->capPl) pp->capPl = pp->capPl ? pp->capPl * 2 : 4096;
    pp->aPl = xrealloc(pp->aPl, pp->capPl);
  }
  memcpy(pp->aPl + pp->nPl, a, n);
  pp->nPl += n;
}

/* Encodes term t's position list from its tokens aIdx[0..n) (in column,
** position order) at the end of pp->aPl. */
static void prep_poslist(FtsPrepper *pp, FtsPrepTerm *t, const uint32_t *aIdx,
                         uint32_t n) {
  uint8_t aList[64], aHead[9];
  uint8_t *pList = aList;
  size_t nList = 0, capList = sizeof aList;
  uint32_t col = 0, prev = 0;
  for (uint32_t i = 0; i < n; i++) {
    const PTok *k = &pp->aTok[aIdx[i]];
    if (nList + 20 > capList) { /* room for a column change and an offset */
      uint8_t *pNew = xmalloc(capList * 2);
      memcpy(pNew, pList, nList);
      if (pList != aList) free(pList);
      pList = pNew;
      capList *= 2;
    }
    if (k->col != col) {
      pList[nList++] = 0x01;
      nList += (size_t)fts_put_varint(pList + nList, k->col);
      col = k->col;
      prev = 0;
    }
    nList += (size_t)fts_put_varint(pList + nList, (uint64_t)k->pos - prev + 2);
    prev = k->pos;
  }
  int nHead = fts_put_varint(aHead, (uint64_t)nList * 2);
  t->off = pp->nPl;
  t->len = (uint32_t)((size_t)nHead + nList);
  pl_byte(pp, aHead, (size_t)nHead);
  pl_byte(pp, pList, nList);
  if (pList != aList) free(pList);
}

/* Copies n bytes of a to a new heap block (NULL when n is 0). */
static void *dup_mem(const void *a, size_t n) {
  if (!n) return NULL;
  void *p = xmalloc(n);
  memcpy(p, a, n);
  return p;
}

/* Prepares table iTab (0: detail=full, 1: detail=none) into *pt. */
static void prep_table(FtsPrepper *pp, int iTab, const char *const az[],
                       const int an[], FtsPrepTab *pt) {
  pp->nTok = 0;
  for (int c = 0; c < FTS_PREP_NCOL; c++) {
    pp->col = (uint32_t)c;
    pp->szCol = 0;
    /* Called for empty columns too: the chars mode forgets its characters
    ** at each call, as under FTS5. */
    fts_cjk_tokenize_doc(pp->apTok[iTab], az[c], az[c] ? an[c] : 0, pp,
                         on_token);
    pt->aSize[c] = pp->szCol;
  }
  uint32_t nLoc = prep_group(pp);
  pp->nPl = 0;
  if (iTab == 0) {
    uint32_t sum = 0;
    for (uint32_t l = 0; l < nLoc; l++) { /* aCnt becomes the start */
      uint32_t c = pp->aCnt[l];
      pp->aCnt[l] = sum;
      sum += c;
    }
    for (size_t i = 0; i < pp->nTok; i++)
      pp->aOrder[pp->aCnt[pp->aTok[i].local]++] = (uint32_t)i;
    uint32_t begin = 0; /* aCnt[l] is now the end of l's tokens */
    for (uint32_t l = 0; l < nLoc; l++) {
      prep_poslist(pp, &pp->aLoc[l], pp->aOrder + begin, pp->aCnt[l] - begin);
      begin = pp->aCnt[l];
    }
  }
  pt->nTerm = nLoc;
  pt->aTerm = dup_mem(pp->aLoc, sizeof(FtsPrepTerm) * nLoc);
  pt->nPl = pp->nPl;
  pt->aPl = dup_mem(pp->aPl, pp->nPl);
}

FtsDocPrep *fts_prep_cols(FtsPrepper *pp, const char *const az[FTS_PREP_NCOL],
                          const int an[FTS_PREP_NCOL]) {
  FtsDocPrep *p = xmalloc(sizeof *p);
  memset(p, 0, sizeof *p);
  pp->bBad = 0;
  prep_table(pp, 0, az, an, &p->a[0]);
  prep_table(pp, 1, az, an, &p->a[1]);
  p->bBad = pp->bBad;
  return p;
}

FtsDocPrep *fts_prep_doc(FtsPrepper *pp, const Doc *d) {
  const char *az[FTS_PREP_NCOL] = {d->zBody, d->zTitle, d->zDocNumber,
                                   d->zKeywords, ""};
  int an[FTS_PREP_NCOL];
  for (int i = 0; i < FTS_PREP_NCOL; i++) an[i] = az[i] ? (int)strlen(az[i]) : 0;
  return fts_prep_cols(pp, az, an);
}

void fts_doc_prep_free(FtsDocPrep *p) {
  if (!p) return;
  for (int i = 0; i < 2; i++) {
    free(p->a[i].aTerm);
    free(p->a[i].aPl);
  }
  free(p);
}

/* ---- Prepared documents waiting for a flush ---------------------------- */

typedef struct PendEntry {
  int64_t docId;
  FtsDocPrep *p;
} PendEntry;

struct FtsPending {
  PendEntry *a;
  size_t n, cap;
  int bUnsorted;  /* an id was added below the one before it */
};

void fts_pending_add(FtsPending **pp, int64_t docId, FtsDocPrep *p) {
  if (!*pp) {
    *pp = xmalloc(sizeof **pp);
    memset(*pp, 0, sizeof **pp);
  }
  FtsPending *q = *pp;
  if (q->n == q->cap) {
    q->cap = q->cap ? q->cap * 2 : 1024;
    q->a = xrealloc(q->a, sizeof(PendEntry) * q->cap);
  }
  if (q->n && q->a[q->n - 1].docId >= docId) q->bUnsorted = 1;
  q->a[q->n].docId = docId;
  q->a[q->n++].p = p;
}

static int pend_cmp(const void *a, const void *b) {
  const PendEntry *x = a, *y = b;
  return (x->docId > y->docId) - (x->docId < y->docId);
}

FtsDocPrep *fts_pending_take(FtsPending *q, int64_t docId) {
  if (!q || !q->n) return NULL;
  if (q->bUnsorted) {
    qsort(q->a, q->n, sizeof(PendEntry), pend_cmp);
    /* A document given twice: which is current is unknown, so neither is
    ** used (the writer reads its text from the database). */
    for (size_t i = 1; i < q->n; i++) {
      if (q->a[i].docId != q->a[i - 1].docId) continue;
      fts_doc_prep_free(q->a[i - 1].p);
      fts_doc_prep_free(q->a[i].p);
      q->a[i - 1].p = q->a[i].p = NULL;
    }
    q->bUnsorted = 0;
  }
  size_t lo = 0, hi = q->n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (q->a[mid].docId < docId) lo = mid + 1;
    else hi = mid;
  }
  if (lo == q->n || q->a[lo].docId != docId) return NULL;
  FtsDocPrep *p = q->a[lo].p;
  q->a[lo].p = NULL;
  return p;
}

void fts_pending_clear(FtsPending **pp) {
  FtsPending *q = *pp;
  if (!q) return;
  for (size_t i = 0; i < q->n; i++) fts_doc_prep_free(q->a[i].p);
  free(q->a);
  free(q);
  *pp = NULL;
}
