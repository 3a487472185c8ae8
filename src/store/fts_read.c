/*
** fts_read.c — THE EXACT COUNT READ FROM FTS5'S SEGMENTS (fts_read.h):
** the store's own reader of FTS5's on-disk index, for the unfiltered
** search counts of sqlite_search.c (docs/search.md, "Counts";
** bench/analysis.md, target 5).
**
** What it reads (FTS5 as in SQLite 3.40.1, %_config version 4; SQLite's
** ext/fts5/fts5_index.c describes the format):
**  - the structure record (%_data rowid 10), legacy format only: a 4-byte
**    cookie, varints nLevel, nSegment, write counter, then per level
**    nMerge, nSeg and per segment (id, first leaf, last leaf), oldest
**    first.  A V2 record (0xFF 00 00 01 after the cookie), bytes left
**    over, or counts that do not add up: FTS_READ_UNKNOWN.
**  - per segment and token, the leaf where the token's term ('0' + token
**    bytes) would start, from %_idx (the greatest separator <= the term,
**    page number << 1 | doclist-index flag, raised to the segment's first
**    leaf as FTS5 does for a segment trimmed by an incremental merge),
**    and the term on that leaf, walked through the leaf's footer of term
**    offsets (first term in full, the others as prefix length + suffix).
**  - the term's doclist: from after the term to the next term on the
**    leaf or the leaf's end, then on the following leaves from byte 4 to
**    their first term or end, until a leaf holds a term or the segment
**    ends.  The pieces are copied end to end into one buffer; the first
**    rowid of the doclist and the first rowid on each following leaf
**    (the leaf header's offset) are absolute, the others deltas, so the
**    offsets of the absolute ones are kept beside the buffer.  Every
**    entry is checked to end before the next absolute rowid.
**  - an entry: detail=full (search_fts): rowid, a varint 2 * size + delete
**    flag, then the position list (column 0's offsets, then 0x01, column,
**    offsets; each offset as delta + 2); detail=none (search_chr): rowid,
**    then 0x00 for a delete, 0x00 0x00 for a delete and a new instance.
**    An entry with no positions (a delete) hides the rowid.
**  - segments newest first (level 0's last segment first, as FTS5's
**    multi-segment iterator), so for a rowid in several segments the
**    newest entry decides.
**
** A count: every token of every term gets an iterator over its merged
** doclist; the iterators are intersected by leapfrogging rowids (each
** segment cursor steps on alone to the target); a candidate then needs,
** for each phrase (a term of two or more tokens), one (column, offset)
** where its token i sits at offset + i, found by leapfrogging the
** positions and stopping at the first.  A token of the gk tokenizer at a
** position always starts with the character there (fts_cjk.c), so a
** phrase's tokens at consecutive offsets are exactly FTS5's phrase rule.
** No allocation per candidate; the doclists are read before the count.
*/
#include "store/fts_read.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/buf.h"
#include "store/fts_cjk.h"

int fts_read_break_deletes = 0;

#define FR_MAX_TOK 64  /* tokens in all terms together (more: UNKNOWN) */
#define FR_MAX_SEG 128 /* segments of one table (more: UNKNOWN) */
#define FR_MAX_TERM 512 /* bytes of a token (more: UNKNOWN) */
#define FR_MAX_BYTES ((size_t)256 << 20) /* doclists read (more: UNKNOWN) */

/* ---- Varints (SQLite's format: big-endian groups of 7 bits, the ninth
** byte whole) ---------------------------------------------------------- */

static inline const uint8_t *get_varint(const uint8_t *p, uint64_t *pv) {
  if (p[0] < 0x80) {
    *pv = p[0];
    return p + 1;
  }
  if (p[1] < 0x80) {
    *pv = ((uint64_t)(p[0] & 0x7f) << 7) | p[1];
    return p + 2;
  }
  uint64_t v = 0;
  for (int i = 0; i < 8; i++) {
    uint8_t c = p[i];
    v = (v << 7) | (c & 0x7f);
    if (c < 0x80) {
      *pv = v;
      return p + i + 1;
    }
  }
  *pv = (v << 8) | p[8];
  return p + 9;
}

/* The varint at p (< end) into *pv; NULL when it runs past end. */
static const uint8_t *get_varint_safe(const uint8_t *p, const uint8_t *end,
                                      uint64_t *pv) {
  uint8_t a[9] = {0};
  size_t n = (size_t)(end - p) < 9 ? (size_t)(end - p) : 9;
  if (p >= end) return NULL;
  memcpy(a, p, n);
  const uint8_t *q = get_varint(a, pv);
  if ((size_t)(q - a) > n) return NULL;
  return p + (q - a);
}

/* ---- The query: tokens of each term ------------------------------------ */

typedef struct FrTok {
  uint8_t z[FR_MAX_TERM + 1]; /* '0' + the token's bytes */
  int n;
  int bChr;   /* search_chr's token */
  int iTerm;  /* the term it belongs to */
  int iOff;   /* its offset in the phrase */
  int bNeg;   /* must NOT be at that offset (a run's end, see cover()) */
  int bFilter; /* a bigram of the phrase not needed for exactness: only
               ** narrows the documents (choose_filters()) */
  int64_t nEst; /* its doclist's leaves, estimated */
} FrTok;

typedef struct FrQuery {
  FrTok aTok[FR_MAX_TOK];
  int nTok;
  int nTerm;
  int aTermFirst[FR_MAX_TOK + 1]; /* first token of term i */
  int bFail;
} FrQuery;

typedef struct FrTokCtx {
  FrQuery *pq;
  int bChr;
} FrTokCtx;

static int fr_on_token(void *pCtx, int tflags, const char *z, int n, int s,
                       int e) {
  (void)s;
  (void)e;
  FrTokCtx *c = pCtx;
  FrQuery *pq = c->pq;
  if (tflags != 0 || n <= 0 || n > FR_MAX_TERM || pq->nTok >= FR_MAX_TOK) {
    pq->bFail = 1;
    return SQLITE_DONE;
  }
  FrTok *t = &pq->aTok[pq->nTok];
  t->z[0] = '0';
  memcpy(t->z + 1, z, (size_t)n);
  t->n = n + 1;
  t->bChr = c->bChr;
  t->iTerm = pq->nTerm;
  t->iOff = pq->nTok - pq->aTermFirst[pq->nTerm];
  pq->nTok++;
  return SQLITE_OK;
}

/* The byte length of the UTF-8 character led by byte c (1 for a stray
** continuation byte). */
static int utf8_lead_len(uint8_t c) {
  return c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

/* Number of characters of token t (its bytes after the '0'). */
static int tok_chars(const FrTok *t) {
  int n = 0;
  for (int i = 1; i < t->n; i += utf8_lead_len(t->z[i])) n++;
  return n;
}

/* A phrase of one run of n >= 4 characters c0 c1 ... is the bigrams
** c(i)c(i+1) at offsets i = 0 .. n-2.  Every token at a position starts
** with the character there, and a character is followed by a bigram
** unless its run ends there (then it is the unigram); so with c(j-1)c(j)
** at p+j-1 and c(j+1)c(j+2) at p+j+1, the bigram c(j)c(j+1) is at p+j
** exactly when the unigram c(j) is not.  Replaces the term's tokens from
** iFirst on (the last term's) by the bigrams at even offsets and the last
** one (read) plus the unigrams of the odd ones left out (must be
** absent; those doclists are short: a run ends at white space). */
static void cover(FrQuery *pq, int iFirst) {
  int m = pq->nTok - iFirst;
  FrTok *a = &pq->aTok[iFirst];
  if (m < 3) return;
  for (int i = 0; i < m; i++)
    if (tok_chars(&a[i]) != 2) return; /* not one run of bigrams */
  int nNew = 0, aSkip[FR_MAX_TOK], nSkip = 0;
  FrTok aLeft[FR_MAX_TOK / 2];
  if (pq->nTok + m / 2 > FR_MAX_TOK) {
    pq->bFail = 1;
    return;
  }
  for (int i = 0; i < m; i++) {
    if (i % 2 == 0 || i == m - 1) {
      if (nNew != i) a[nNew] = a[i];
      nNew++;
    } else {
      aLeft[nSkip] = a[i];
      aLeft[nSkip].bFilter = 1;
      aSkip[nSkip++] = i;
    }
  }
  /* The unigram at an odd offset j is the second character of the bigram
  ** kept at offset j - 1; the unigrams go after the bigrams. */
  FrTok aUni[FR_MAX_TOK];
  for (int k = 0; k < nSkip; k++) {
    const FrTok *prev = NULL;
    for (int i = 0; i < nNew; i++)
      if (a[i].iOff == aSkip[k] - 1) prev = &a[i];
    FrTok *u = &aUni[k];
    *u = *prev;
    int l0 = utf8_lead_len(prev->z[1]);
    int l1 = prev->n - 1 - l0; /* the second character */
    memmove(u->z + 1, prev->z + 1 + l0, (size_t)l1);
    u->n = 1 + l1;
    u->iOff = aSkip[k];
    u->bNeg = 1;
  }
  for (int k = 0; k < nSkip; k++) a[nNew + k] = aUni[k];
  /* The bigrams left out stay as candidate filters (choose_filters()). */
  for (int k = 0; k < nSkip; k++) a[nNew + nSkip + k] = aLeft[k];
  pq->nTok = iFirst + nNew + 2 * nSkip;
}

/* Adds the terms of MATCH expression z ("t1" AND "t2" ..., '"' doubled
** inside; nothing else) for the table of bChr.  0, or -1 for any other
** form (a prefix '*', a bareword, an empty phrase). */
static int parse_match(FrQuery *pq, const char *z, int bChr) {
  Buf t = BUF_INIT;
  int rc = 0;
  while (*z && rc == 0) {
    buf_reset(&t);
    if (*z != '"') { rc = -1; break; }
    for (z++;; z++) {
      if (!*z) { rc = -1; break; }
      if (*z == '"') {
        if (z[1] != '"') break;
        z++;
      }
      buf_putc(&t, *z);
    }
    if (rc) break;
    z++; /* the closing quote */
    if (*z && strncmp(z, " AND \"", 6) != 0) { rc = -1; break; }
    if (*z) z += 5;
    pq->aTermFirst[pq->nTerm] = pq->nTok;
    FrTokCtx c = {pq, bChr};
    fts_cjk_tokenize_query(bChr, t.z ? t.z : "", (int)t.n, &c, fr_on_token);
    int nTok = pq->nTok - pq->aTermFirst[pq->nTerm];
    /* detail=none has no positions: one token per character term. */
    if (pq->bFail || nTok == 0 || (bChr && nTok != 1) ||
        pq->nTerm >= FR_MAX_TOK) {
      rc = -1;
      break;
    }
    if (!bChr) cover(pq, pq->aTermFirst[pq->nTerm]);
    pq->nTerm++;
  }
  pq->aTermFirst[pq->nTerm] = pq->nTok;
  buf_free(&t);
  return rc;
}

/* ---- Growable bytes, offsets ------------------------------------------- */

typedef struct FrBytes {
  uint8_t *a;
  size_t n, cap;
} FrBytes;

static void bytes_add(FrBytes *b, const void *p, size_t n) {
  if (b->n + n + 16 > b->cap) {
    size_t cap = b->cap ? b->cap : 65536;
    while (b->n + n + 16 > cap) cap *= 2;
    b->a = xrealloc(b->a, cap);
    b->cap = cap;
  }
  memcpy(b->a + b->n, p, n);
  b->n += n;
}

typedef struct FrOffs {
  size_t *a;
  int n, cap;
} FrOffs;

static void offs_add(FrOffs *o, size_t v) {
  if (o->n > 0 && o->a[o->n - 1] == v) return;
  if (o->n + 1 >= o->cap) {
    o->cap = o->cap ? o->cap * 2 : 256;
    o->a = xrealloc(o->a, sizeof(size_t) * (size_t)o->cap);
  }
  o->a[o->n++] = v;
}

/* ---- The structure record ---------------------------------------------- */

typedef struct FrSeg {
  int id, pgFirst, pgLast;
} FrSeg;

typedef struct FrTable {
  const char *zName;    /* "search_fts" / "search_chr" */
  int bNone;            /* detail=none */
  FrSeg aSeg[FR_MAX_SEG]; /* newest first */
  int nSeg;
  sqlite3_stmt *pIdx;   /* greatest separator <= term */
  sqlite3_stmt *pLeaf;  /* leaves of a range, in order */
  sqlite3_stmt *pNext;  /* least separator > term */
} FrTable;

#define FR_LEAF_ROWID(seg, pg) (((int64_t)(seg) << 37) + (int64_t)(pg))

/* Parses the structure record a[0..n) into p->aSeg (newest first).  0, or
** -1 for a format this reader does not know. */
static int parse_structure(FrTable *p, const uint8_t *a, int n) {
  const uint8_t *z = a + 4, *end = a + n;
  uint64_t nLevel, nSegment, nWrite;
  FrSeg aLvl[FR_MAX_SEG];
  int nAll = 0;
  if (n < 5 || (n >= 8 && memcmp(a + 4, "\xff\x00\x00\x01", 4) == 0))
    return -1;
  if (!(z = get_varint_safe(z, end, &nLevel)) ||
      !(z = get_varint_safe(z, end, &nSegment)) ||
      !(z = get_varint_safe(z, end, &nWrite)))
    return -1;
  if (nLevel > 64 || nSegment > FR_MAX_SEG) return -1;
  p->nSeg = 0;
  /* Levels are listed newest (0) first, segments oldest first. */
  for (uint64_t l = 0; l < nLevel; l++) {
    uint64_t nMerge, nSeg;
    if (!(z = get_varint_safe(z, end, &nMerge)) ||
        !(z = get_varint_safe(z, end, &nSeg)))
      return -1;
    if (nSeg > FR_MAX_SEG || nAll + (int)nSeg > FR_MAX_SEG || nMerge > nSeg)
      return -1;
    for (uint64_t i = 0; i < nSeg; i++) {
      uint64_t id, first, last;
      if (!(z = get_varint_safe(z, end, &id)) ||
          !(z = get_varint_safe(z, end, &first)) ||
          !(z = get_varint_safe(z, end, &last)))
        return -1;
      if (id == 0 || id > 65535 || first > last || last > 0x7fffffff)
        return -1;
      aLvl[i].id = (int)id;
      aLvl[i].pgFirst = (int)first;
      aLvl[i].pgLast = (int)last;
    }
    for (int i = (int)nSeg - 1; i >= 0; i--) {
      nAll++;
      if (aLvl[i].pgFirst == 0) continue; /* emptied by a merge */
      p->aSeg[p->nSeg++] = aLvl[i];
    }
  }
  if (z != end || (uint64_t)nAll != nSegment) return -1;
  return 0;
}

/* ---- Reading a token's doclist in one segment --------------------------- */

/* A token's doclist in one segment: bytes [iStart, iEnd) of the shared
** buffer, the absolute rowids at aAbs[iAbs0 .. iAbs1) (offsets into the
** buffer). */
typedef struct FrDl {
  size_t iStart, iEnd;
  int iAbs0, iAbs1;
} FrDl;

typedef struct FrLoad {
  FrBytes data;
  FrOffs abs;
  FrBytes term; /* scratch: the term being rebuilt on a leaf */
} FrLoad;

static inline int get_u16(const uint8_t *a) { return (a[0] << 8) | a[1]; }

/* The offset of the first term on leaf a[0..n) (0: none) and its
** szLeaf, or -1 when the header is inconsistent. */
static int leaf_first_term(const uint8_t *a, int n, int *pszLeaf) {
  if (n < 4) return -1;
  int szLeaf = get_u16(a + 2);
  if (szLeaf < 4 || szLeaf > n) return -1;
  *pszLeaf = szLeaf;
  if (szLeaf == n) return 0;
  uint64_t v;
  if (!get_varint_safe(a + szLeaf, a + n, &v) || v < 4 || v >= (uint64_t)szLeaf)
    return -1;
  return (int)v;
}

/* Finds term t on leaf a[0..n); *piDoc, *piEnd: its doclist on the leaf,
** *pbLast: another term follows on the leaf.  1 found, 0 not on the leaf,
** -1 inconsistent. */
static int leaf_seek(FrLoad *L, const uint8_t *a, int n, const FrTok *t,
                     int *piDoc, int *piEnd, int *pbLast) {
  int szLeaf;
  int iTerm = leaf_first_term(a, n, &szLeaf);
  if (iTerm <= 0) return iTerm;
  const uint8_t *pIdx = a + szLeaf, *end = a + n;
  uint64_t v;
  pIdx = get_varint_safe(pIdx, end, &v); /* the first offset, known */
  L->term.n = 0;
  for (int bFirst = 1;; bFirst = 0) {
    const uint8_t *z = a + iTerm, *zEnd = a + szLeaf;
    uint64_t nPrefix = 0, nSuffix;
    if (!bFirst && !(z = get_varint_safe(z, zEnd, &nPrefix))) return -1;
    if (!(z = get_varint_safe(z, zEnd, &nSuffix))) return -1;
    if (nPrefix > L->term.n || nSuffix > (uint64_t)(zEnd - z)) return -1;
    L->term.n = (size_t)nPrefix;
    bytes_add(&L->term, z, (size_t)nSuffix);
    z += nSuffix;
    /* The next term's offset, if any. */
    int iNext = 0;
    if (pIdx && pIdx < end) {
      if (!(pIdx = get_varint_safe(pIdx, end, &v))) return -1;
      if (v == 0 || (uint64_t)iTerm + v >= (uint64_t)szLeaf) return -1;
      iNext = iTerm + (int)v;
    }
    size_t nCmp = L->term.n < (size_t)t->n ? L->term.n : (size_t)t->n;
    int c = memcmp(L->term.a, t->z, nCmp);
    if (c == 0) c = L->term.n < (size_t)t->n ? -1 : L->term.n > (size_t)t->n;
    if (c == 0) {
      *piDoc = (int)(z - a);
      *piEnd = iNext ? iNext : szLeaf;
      *pbLast = iNext != 0;
      return *piDoc <= *piEnd ? 1 : -1;
    }
    if (c > 0 || !iNext) return 0;
    iTerm = iNext;
  }
}

/* Appends token t's doclist in segment g of table p to L (*pDl; an empty
** one when the segment lacks the term).  SQLITE_OK, FTS_READ_UNKNOWN or
** an SQLite error. */
static int load_doclist(FrTable *p, const FrSeg *g, const FrTok *t,
                        FrLoad *L, FrDl *pDl) {
  int rc, pg = g->pgFirst;
  pDl->iStart = pDl->iEnd = L->data.n;
  pDl->iAbs0 = pDl->iAbs1 = L->abs.n;
  sqlite3_bind_int(p->pIdx, 1, g->id);
  sqlite3_bind_blob(p->pIdx, 2, t->z, t->n, SQLITE_STATIC);
  if ((rc = sqlite3_step(p->pIdx)) == SQLITE_ROW) {
    int64_t v = sqlite3_column_int64(p->pIdx, 0);
    if ((v >> 1) > pg) pg = (int)(v >> 1);
  }
  sqlite3_reset(p->pIdx);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) return rc;
  if (pg > g->pgLast) return FTS_READ_UNKNOWN;
  sqlite3_bind_int64(p->pLeaf, 1, FR_LEAF_ROWID(g->id, pg));
  sqlite3_bind_int64(p->pLeaf, 2, FR_LEAF_ROWID(g->id, g->pgLast));
  int64_t want = FR_LEAF_ROWID(g->id, pg);
  int bDone = 0, bFirst = 1;
  rc = FTS_READ_UNKNOWN;
  while (!bDone) {
    int src = sqlite3_step(p->pLeaf);
    if (src == SQLITE_DONE) { rc = bFirst ? FTS_READ_UNKNOWN : SQLITE_OK; break; }
    if (src != SQLITE_ROW) { rc = src; break; }
    if (sqlite3_column_int64(p->pLeaf, 0) != want++) break; /* a gap */
    const uint8_t *a = sqlite3_column_blob(p->pLeaf, 1);
    int n = sqlite3_column_bytes(p->pLeaf, 1);
    int iDoc, iEnd, bLast;
    if (bFirst) {
      int f = leaf_seek(L, a, n, t, &iDoc, &iEnd, &bLast);
      if (f <= 0) { rc = f == 0 ? SQLITE_OK : FTS_READ_UNKNOWN; break; }
      offs_add(&L->abs, L->data.n); /* a doclist starts with a rowid */
      bFirst = 0;
    } else {
      int szLeaf;
      int iTerm = leaf_first_term(a, n, &szLeaf);
      if (iTerm < 0) break;
      int iRowid = get_u16(a);
      iDoc = 4;
      iEnd = iTerm ? iTerm : szLeaf;
      bLast = iTerm != 0;
      if (iRowid) {
        if (iRowid < 4 || iRowid >= iEnd) break;
        offs_add(&L->abs, L->data.n + (size_t)(iRowid - 4));
      }
    }
    bytes_add(&L->data, a + iDoc, (size_t)(iEnd - iDoc));
    if (bLast) { rc = SQLITE_OK; bDone = 1; }
  }
  sqlite3_reset(p->pLeaf);
  if (rc == SQLITE_OK) {
    pDl->iEnd = L->data.n;
    pDl->iAbs1 = L->abs.n;
  }
  return rc;
}

/* ---- Iterating a merged doclist ----------------------------------------- */

/* A cursor over one segment's doclist of a token. */
typedef struct FrCur {
  const uint8_t *p, *end;  /* the next entry; the end of the doclist */
  const uint8_t *pAbs;     /* the next absolute rowid (end when none) */
  const size_t *aAbs;      /* the absolute rowids after it */
  int nAbs;
  int64_t rowid;
  const uint8_t *pos;      /* the entry's positions */
  int nPos;                /* their size in bytes (0: a delete) */
  int bEof;
} FrCur;

/* Steps c to its next entry; -1 when the bytes are inconsistent. */
static inline int cur_next(FrCur *c, int bNone, const uint8_t *base) {
  if (c->p >= c->end) {
    c->bEof = 1;
    return 0;
  }
  uint64_t v;
  if (c->p == c->pAbs) {
    c->p = get_varint(c->p, &v);
    c->rowid = (int64_t)v;
    if (c->nAbs > 0) {
      c->pAbs = base + c->aAbs[0];
      c->aAbs++;
      c->nAbs--;
    } else {
      c->pAbs = c->end;
    }
  } else {
    c->p = get_varint(c->p, &v);
    c->rowid = (int64_t)((uint64_t)c->rowid + v);
  }
  if (bNone) {
    c->nPos = 1;
    if (c->p < c->pAbs && c->p < c->end && *c->p == 0) {
      c->p++;
      c->nPos = 0;
      if (c->p < c->pAbs && c->p < c->end && *c->p == 0) {
        c->p++;
        c->nPos = 1;
      }
      if (fts_read_break_deletes) c->nPos = 1;
    }
    c->pos = c->p;
  } else {
    c->p = get_varint(c->p, &v);
    c->nPos = (int)(v >> 1);
    c->pos = c->p;
    c->p += v >> 1;
    if (fts_read_break_deletes && c->nPos == 0) c->nPos = 1;
  }
  if (c->p > c->pAbs || c->p > c->end) return -1;
  return 1;
}

/* Moves c, when target lies beyond the next leaf start, to the last
** leaf start whose (absolute) rowid is <= target, found by bisecting the
** leaf starts: the entries passed over are all below target.  The
** doclist index of FTS5 serves the same purpose; this reads only what
** was loaded. */
static void cur_jump(FrCur *c, const uint8_t *base, int64_t target) {
  uint64_t v;
  if (c->pAbs >= c->end) return;
  get_varint(c->pAbs, &v);
  if ((int64_t)v > target) return;
  int lo = 0, hi = c->nAbs;
  while (lo < hi) {
    int mid = lo + (hi - lo) / 2;
    get_varint(base + c->aAbs[mid], &v);
    if ((int64_t)v <= target) lo = mid + 1;
    else hi = mid;
  }
  if (lo > 0) {
    c->pAbs = base + c->aAbs[lo - 1];
    c->aAbs += lo;
    c->nAbs -= lo;
  }
  c->p = c->pAbs;
  c->rowid = INT64_MIN; /* the entry at pAbs is read next */
}

/* Steps c (not at its end) on until its rowid is target or more, or it
** ends: cur_next() in a loop over local copies, the entries passed over
** are not kept (the hot loop of a count).  -1 when inconsistent. */
static inline int cur_skip(FrCur *c, int bNone, const uint8_t *base,
                           int64_t target) {
  if ((uint64_t)target - (uint64_t)c->rowid > 64) cur_jump(c, base, target);
  if (bNone || fts_read_break_deletes) {
    while (!c->bEof && c->rowid < target)
      if (cur_next(c, bNone, base) < 0) return -1;
    return 0;
  }
  const uint8_t *p = c->p, *pAbs = c->pAbs, *end = c->end, *pos = c->pos;
  uint64_t rowid = (uint64_t)c->rowid, v, sz = (uint64_t)c->nPos << 1;
  while ((int64_t)rowid < target) {
    if (p >= end) {
      c->bEof = 1;
      break;
    }
    if (p == pAbs) {
      c->p = p;
      if (cur_next(c, 0, base) < 0) return -1;
      p = c->p;
      pAbs = c->pAbs;
      pos = c->pos;
      rowid = (uint64_t)c->rowid;
      sz = (uint64_t)c->nPos << 1;
      continue;
    }
    p = get_varint(p, &v);
    rowid += v;
    p = get_varint(p, &sz);
    pos = p;
    p += sz >> 1;
    if (p > pAbs) return -1;
  }
  c->p = p;
  c->rowid = (int64_t)rowid;
  c->pos = pos;
  c->nPos = (int)(sz >> 1);
  return 0;
}

/* A token's doclist merged over the segments (aCur[0] newest).  The
** segments of a bulk import hold disjoint rowid ranges, so the cursor
** that gave the current rowid usually gives the next ones too: while it
** stays below every other cursor (nextMin) only it is stepped. */
typedef struct FrIter {
  /* The current merged entry and the state of the fast path first (one
  ** cache line): the count reads them for every candidate. */
  int64_t rowid;       /* current merged entry */
  const uint8_t *pos;
  int nPos;
  int bEof;
  int iCur;            /* cursor of the current entry, -1 before the first */
  int bPlain;          /* detail=full and deletes honoured: cur_step1() */
  int64_t nextMin;     /* the least rowid of the other cursors */
  const uint8_t *base;
  int nCur;
  int bNone;
  FrCur aCur[FR_MAX_SEG];
} FrIter;

/* Steps every cursor to target or beyond and picks the least rowid (the
** newest segment's entry on a tie).  -1 inconsistent. */
static int iter_pick(FrIter *it, int64_t target) {
  int64_t best = INT64_MAX, next = INT64_MAX;
  int iBest = -1;
  for (int i = 0; i < it->nCur; i++) {
    FrCur *c = &it->aCur[i];
    if (!c->bEof && c->rowid < target &&
        cur_skip(c, it->bNone, it->base, target) < 0)
      return -1;
    if (c->bEof) continue;
    if (c->rowid < best) {
      next = best;
      best = c->rowid;
      iBest = i;
    } else if (c->rowid < next) {
      next = c->rowid;
    }
  }
  it->iCur = iBest;
  it->nextMin = next;
  return 0;
}

/* Moves it to its first live rowid >= target.  0 ok (it->bEof at the
** end), -1 inconsistent. */
static int iter_seek(FrIter *it, int64_t target) {
  for (;;) {
    FrCur *w = it->iCur >= 0 ? &it->aCur[it->iCur] : NULL;
    if (w && target < it->nextMin) {
      if (!w->bEof && w->rowid < target &&
          cur_skip(w, it->bNone, it->base, target) < 0)
        return -1;
      if (w->bEof || w->rowid >= it->nextMin) w = NULL;
    } else {
      w = NULL;
    }
    if (!w) {
      if (iter_pick(it, target) < 0) return -1;
      if (it->iCur < 0) {
        it->bEof = 1;
        return 0;
      }
      w = &it->aCur[it->iCur];
    }
    if (w->nPos > 0) {
      it->rowid = w->rowid;
      it->pos = w->pos;
      it->nPos = w->nPos;
      return 0;
    }
    if (w->rowid == INT64_MAX) {
      it->bEof = 1;
      return 0;
    }
    target = w->rowid + 1; /* deleted in its newest segment */
  }
}

/* One entry of c (detail=full, not at a leaf start nor at its end) read
** in place: the step of a dense doclist.  -1 when inconsistent. */
static inline int cur_step1(FrCur *c) {
  uint64_t v, sz;
  const uint8_t *p = get_varint(c->p, &v);
  p = get_varint(p, &sz);
  c->rowid = (int64_t)((uint64_t)c->rowid + v);
  c->pos = p;
  c->nPos = (int)(sz >> 1);
  c->p = p + (sz >> 1);
  return c->p > c->pAbs ? -1 : 0;
}

/* iter_seek() with its common cases inline: the current cursor alone
** reaches target below every other cursor, mostly in one step. */
static inline __attribute__((always_inline)) int iter_seek_fast(FrIter *it,
                                                            int64_t target) {
  if (it->iCur >= 0 && target < it->nextMin) {
    FrCur *w = &it->aCur[it->iCur];
    if (!w->bEof && w->rowid < target) {
      if (it->bPlain && w->p < w->end && w->p != w->pAbs &&
          (uint64_t)target - (uint64_t)w->rowid <= 64) {
        if (cur_step1(w) < 0) return -1;
        if (w->rowid < target &&
            cur_skip(w, it->bNone, it->base, target) < 0)
          return -1;
      } else if (cur_skip(w, it->bNone, it->base, target) < 0) {
        return -1;
      }
    }
    if (!w->bEof && w->rowid < it->nextMin && w->nPos > 0) {
      it->rowid = w->rowid;
      it->pos = w->pos;
      it->nPos = w->nPos;
      return 0;
    }
  }
  return iter_seek(it, target);
}

/* ---- Positions ------------------------------------------------------- */

typedef struct FrPos {
  const uint8_t *p, *end;
  int64_t v; /* column << 32 | offset */
  int bEof;
} FrPos;

static inline int pos_next(FrPos *d) {
  if (d->p >= d->end) {
    d->bEof = 1;
    return 0;
  }
  uint64_t x;
  d->p = get_varint(d->p, &x);
  if (x == 1) {
    if (d->p >= d->end) return -1;
    d->p = get_varint(d->p, &x);
    d->v = (int64_t)(x << 32);
    if (d->p >= d->end) return -1;
    d->p = get_varint(d->p, &x);
  }
  if (x < 2) return -1;
  d->v += (int64_t)((x - 2) & 0x7fffffff);
  return 1;
}

/* 1 when the phrase's tokens aIt[0..nP) sit at their offsets aOff[0..nP)
** from one (column, position) somewhere and its tokens aIt[nP..nP+nN)
** (the unigrams of cover(); NULL when not in this document) are absent
** at theirs there; 0 not; -1 inconsistent. */
static int phrase_at(FrIter *const *aIt, const int *aOff, int nP, int nN) {
  FrPos d[FR_MAX_TOK];
  int n = nP + nN, i;
  for (i = 0; i < n; i++) {
    d[i].bEof = 1;
    if (!aIt[i]) continue;
    d[i].p = aIt[i]->pos;
    d[i].end = aIt[i]->pos + aIt[i]->nPos;
    d[i].v = 0;
    d[i].bEof = 0;
    if (pos_next(&d[i]) < 0) return -1;
    if (d[i].bEof && i < nP) return 0;
  }
  int64_t x = d[0].v - aOff[0];
  for (;;) {
    for (i = 0; i < nP; i++) { /* leapfrog to an x where all sit */
      while (d[i].v - aOff[i] < x) {
        if (pos_next(&d[i]) < 0) return -1;
        if (d[i].bEof) return 0;
      }
      if (d[i].v - aOff[i] > x) {
        x = d[i].v - aOff[i];
        break;
      }
    }
    if (i < nP) continue;
    for (i = nP; i < n; i++) { /* and no run ends inside */
      if (d[i].bEof) continue;
      while (d[i].v - aOff[i] < x) {
        if (pos_next(&d[i]) < 0) return -1;
        if (d[i].bEof) break;
      }
      if (!d[i].bEof && d[i].v - aOff[i] == x) break;
    }
    if (i == n) return 1;
    x++;
  }
}

/* ---- The count ------------------------------------------------------- */

typedef struct FrCount {
  FrQuery q;
  FrTable aTab[2]; /* search_fts, search_chr */
  FrLoad L;
  FrDl *aDl;       /* [token][segment of its table] */
  FrIter *aIt;     /* one per token */
} FrCount;

static int prepare_table(sqlite3 *db, FrTable *p, const char *zName,
                         int bNone) {
  char z[256];
  int rc;
  p->zName = zName;
  p->bNone = bNone;
  /* The table must be what this reader was written for. */
  sqlite3_stmt *st;
  snprintf(z, sizeof z, "SELECT v FROM \"%s_config\" WHERE k='version'", zName);
  if ((rc = sqlite3_prepare_v2(db, z, -1, &st, NULL)) != SQLITE_OK) return rc;
  rc = sqlite3_step(st);
  int bVersion = rc == SQLITE_ROW && sqlite3_column_int(st, 0) == 4;
  sqlite3_finalize(st);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) return rc;
  if (!bVersion) return FTS_READ_UNKNOWN;
  if ((rc = sqlite3_prepare_v2(db,
          "SELECT sql FROM sqlite_schema WHERE type='table' AND name=?1",
          -1, &st, NULL)) != SQLITE_OK)
    return rc;
  sqlite3_bind_text(st, 1, zName, -1, SQLITE_STATIC);
  rc = sqlite3_step(st);
  const char *zSql = rc == SQLITE_ROW ? (const char *)sqlite3_column_text(st, 0) : NULL;
  int bOk = zSql && strstr(zSql, bNone ? "detail=none" : "detail=full") &&
            !strstr(zSql, "prefix") && !strstr(zSql, "contentless_delete");
  sqlite3_finalize(st);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) return rc;
  if (!bOk) return FTS_READ_UNKNOWN;
  snprintf(z, sizeof z, "SELECT block FROM \"%s_data\" WHERE id=10", zName);
  if ((rc = sqlite3_prepare_v2(db, z, -1, &st, NULL)) != SQLITE_OK) return rc;
  rc = sqlite3_step(st);
  int bParsed = rc == SQLITE_ROW &&
      parse_structure(p, sqlite3_column_blob(st, 0), sqlite3_column_bytes(st, 0)) == 0;
  sqlite3_finalize(st);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) return rc;
  if (!bParsed) return FTS_READ_UNKNOWN;
  snprintf(z, sizeof z, "SELECT pgno FROM \"%s_idx\" WHERE segid=?1 AND"
           " term<=?2 ORDER BY term DESC LIMIT 1", zName);
  if ((rc = sqlite3_prepare_v2(db, z, -1, &p->pIdx, NULL)) != SQLITE_OK) return rc;
  snprintf(z, sizeof z, "SELECT id,block FROM \"%s_data\" WHERE id BETWEEN ?1"
           " AND ?2 ORDER BY id", zName);
  if ((rc = sqlite3_prepare_v2(db, z, -1, &p->pLeaf, NULL)) != SQLITE_OK)
    return rc;
  snprintf(z, sizeof z, "SELECT pgno FROM \"%s_idx\" WHERE segid=?1 AND"
           " term>?2 ORDER BY term LIMIT 1", zName);
  return sqlite3_prepare_v2(db, z, -1, &p->pNext, NULL);
}

/* The first row's integer of st with segment id and term bound, or dflt
** when there is none; < 0 on error (-rc). */
static int64_t idx_page(sqlite3_stmt *st, int segid, const FrTok *t,
                        int64_t dflt) {
  sqlite3_bind_int(st, 1, segid);
  sqlite3_bind_blob(st, 2, t->z, t->n, SQLITE_STATIC);
  int rc = sqlite3_step(st);
  int64_t v = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) >> 1 : dflt;
  sqlite3_reset(st);
  return rc == SQLITE_ROW || rc == SQLITE_DONE ? v : -(int64_t)rc;
}

/* The leaves token t's doclists span, over the segments, from %_idx
** alone (from the leaf where it starts to the one where the next
** separator starts; 1 per segment at least); < 0 on error. */
static int64_t estimate(FrTable *p, const FrTok *t) {
  int64_t n = 0;
  for (int i = 0; i < p->nSeg; i++) {
    const FrSeg *g = &p->aSeg[i];
    int64_t pg0 = idx_page(p->pIdx, g->id, t, g->pgFirst);
    int64_t pg1 = idx_page(p->pNext, g->id, t, (int64_t)g->pgLast + 1);
    if (pg0 < 0 || pg1 < 0) return pg0 < 0 ? pg0 : pg1;
    if (pg0 < g->pgFirst) pg0 = g->pgFirst;
    n += pg1 > pg0 ? pg1 - pg0 : 1;
  }
  return n;
}

/* Keeps, of each phrase's left-out bigrams (cover()), the one with the
** shortest doclists when they are shorter than those of every bigram
** the phrase is checked on: the documents must hold it too, and the
** intersection then steps mostly through it (通过政府: 过政 is rare, 通过
** and 政府 are everywhere).  The others are dropped unread. */
static int choose_filters(FrCount *C) {
  FrQuery *q = &C->q;
  int nOut = 0;
  for (int t = 0; t < q->nTerm; t++) {
    int i0 = q->aTermFirst[t], i1 = q->aTermFirst[t + 1];
    int64_t minCover = INT64_MAX, minFilter = INT64_MAX;
    int iBest = -1, bAny = 0;
    for (int i = i0; i < i1; i++) bAny |= q->aTok[i].bFilter;
    for (int i = i0; i < i1 && bAny; i++) {
      FrTok *k = &q->aTok[i];
      if (k->bNeg) continue;
      int64_t e = estimate(&C->aTab[k->bChr], k);
      if (e < 0) return (int)-e;
      k->nEst = e;
      if (k->bFilter && e < minFilter) {
        minFilter = e;
        iBest = i;
      } else if (!k->bFilter && e < minCover) {
        minCover = e;
      }
    }
    q->aTermFirst[t] = nOut;
    for (int i = i0; i < i1; i++) {
      if (q->aTok[i].bFilter && (i != iBest || 2 * minFilter >= minCover))
        continue;
      q->aTok[nOut++] = q->aTok[i];
    }
  }
  q->aTermFirst[q->nTerm] = nOut;
  q->nTok = nOut;
  return SQLITE_OK;
}

/* Reads every token's doclists and sets up its iterator. */
static int load_all(FrCount *C) {
  int rc;
  C->aDl = xmalloc(sizeof(FrDl) * (size_t)(C->q.nTok * FR_MAX_SEG));
  C->aIt = xmalloc(sizeof(FrIter) * (size_t)C->q.nTok);
  for (int k = 0; k < C->q.nTok; k++) {
    const FrTok *t = &C->q.aTok[k];
    FrTable *p = &C->aTab[t->bChr];
    int j = 0; /* the same token earlier (哈哈哈哈, a repeated term) */
    while (j < k && (C->q.aTok[j].bChr != t->bChr || C->q.aTok[j].n != t->n ||
                     memcmp(C->q.aTok[j].z, t->z, (size_t)t->n)))
      j++;
    for (int i = 0; i < p->nSeg; i++) {
      if (j < k) {
        C->aDl[k * FR_MAX_SEG + i] = C->aDl[j * FR_MAX_SEG + i];
      } else if ((rc = load_doclist(p, &p->aSeg[i], t, &C->L,
                                    &C->aDl[k * FR_MAX_SEG + i]))) {
        return rc;
      }
    }
    /* Beyond this FTS5's streaming is the better way (at a million
    ** documents the commonest bigram's doclist is 10 MB). */
    if (C->L.data.n > FR_MAX_BYTES) return FTS_READ_UNKNOWN;
  }
  /* Offsets to pointers once the buffer no longer moves. */
  const uint8_t *base = C->L.data.a;
  for (int k = 0; k < C->q.nTok; k++) {
    FrTable *p = &C->aTab[C->q.aTok[k].bChr];
    FrIter *it = &C->aIt[k];
    memset(it, 0, sizeof *it);
    it->iCur = -1;
    it->bNone = p->bNone;
    it->bPlain = !p->bNone && !fts_read_break_deletes;
    it->base = base;
    it->nCur = p->nSeg;
    for (int i = 0; i < p->nSeg; i++) {
      FrDl *d = &C->aDl[k * FR_MAX_SEG + i];
      FrCur *c = &it->aCur[i];
      c->p = base + d->iStart;
      c->end = base + d->iEnd;
      c->aAbs = C->L.abs.a + d->iAbs0;
      c->nAbs = d->iAbs1 - d->iAbs0;
      c->bEof = d->iStart == d->iEnd;
      c->rowid = INT64_MIN;
      if (c->nAbs > 0) {
        c->pAbs = base + c->aAbs[0];
        c->aAbs++;
        c->nAbs--;
      } else {
        c->pAbs = c->end;
      }
      if (!c->bEof && (c->p != c->pAbs || cur_next(c, it->bNone, base) < 0))
        return FTS_READ_UNKNOWN;
    }
  }
  return SQLITE_OK;
}

/* Intersects the iterators aIt (one per token of q, at their start or
** anywhere below lo) over the rowids [lo, hi] and checks the phrases;
** stops at nStop (>= 0).  *pn the count.  Touches nothing but aIt. */
static int count_range(const FrQuery *q, FrIter *aIt, int64_t lo, int64_t hi,
                       int64_t nStop, int64_t *pn) {
  int64_t x = lo, n = 0;
  FrIter *aPh[FR_MAX_TOK];
  /* The phrases to check on a candidate, worked out once: per phrase its
  ** tokens at aIdx[aFirst[f] ..), nP present ones, then nN absent ones. */
  int aIdx[FR_MAX_TOK], aOff[FR_MAX_TOK], aFirst[FR_MAX_TOK + 1];
  int aP[FR_MAX_TOK], aN[FR_MAX_TOK], nPh = 0, nIdx = 0;
  int aLead[FR_MAX_TOK], nLead = 0; /* the tokens stepped together */
  for (int t = 0; t < q->nTerm; t++) {
    int i0 = q->aTermFirst[t], i1 = q->aTermFirst[t + 1];
    if (i1 - i0 < 2) continue;
    aFirst[nPh] = nIdx;
    aP[nPh] = aN[nPh] = 0;
    for (int bNeg = 0; bNeg < 2; bNeg++)
      for (int i = i0; i < i1; i++) {
        if (q->aTok[i].bFilter || q->aTok[i].bNeg != bNeg) continue;
        aIdx[nIdx] = i;
        aOff[nIdx++] = q->aTok[i].iOff;
        if (bNeg) aN[nPh]++;
        else aP[nPh]++;
      }
    nPh++;
  }
  aFirst[nPh] = nIdx;
  for (int k = 0; k < q->nTok; k++)
    if (!q->aTok[k].bNeg) aLead[nLead++] = k;
  *pn = 0;
  if (lo > hi) return SQLITE_OK;
  while (nStop < 0 || n < nStop) {
    int bAll = 1;
    for (int j = 0; j < nLead; j++) {
      FrIter *it = &aIt[aLead[j]];
      if (it->rowid < x || it->pos == NULL) {
        if (it->bEof) goto done;
        if (iter_seek_fast(it, x) < 0) return FTS_READ_UNKNOWN;
        if (it->bEof) goto done;
      }
      if (it->rowid > x) {
        x = it->rowid;
        bAll = 0;
      }
    }
    if (x > hi) break;
    if (!bAll) continue;
    int bMatch = 1;
    for (int f = 0; f < nPh && bMatch; f++) {
      int i0 = aFirst[f], nP = aP[f];
      for (int j = i0; j < i0 + nP; j++) aPh[j - i0] = &aIt[aIdx[j]];
      for (int j = i0 + nP; j < aFirst[f + 1]; j++) {
        FrIter *it = &aIt[aIdx[j]];
        if (!it->bEof && (it->rowid < x || !it->pos) &&
            iter_seek_fast(it, x) < 0)
          return FTS_READ_UNKNOWN;
        aPh[j - i0] = it->bEof || it->rowid != x ? NULL : it;
      }
      int r = phrase_at(aPh, aOff + i0, nP, aN[f]);
      if (r < 0) return FTS_READ_UNKNOWN;
      bMatch = r;
    }
    n += bMatch;
    if (x == INT64_MAX) break;
    x++;
  }
done:
  *pn = n;
  return SQLITE_OK;
}

/* ---- The count over two threads ---------------------------------------- */

size_t fts_read_split_min = (size_t)1 << 20;
int64_t fts_read_split_at = 0;
int fts_read_break_split = 0;
int64_t fts_read_splits = 0;

/* Bytes of the doclist d below rowid m, to the granularity of its leaves:
** from its start to the last leaf start whose absolute rowid is <= m (the
** whole doclist when every one is). */
static size_t dl_bytes_below(const FrDl *d, const FrLoad *L, int64_t m) {
  const uint8_t *base = L->data.a;
  const size_t *aAbs = L->abs.a;
  int lo = d->iAbs0, hi = d->iAbs1; /* first start with rowid > m */
  uint64_t v;
  if (d->iStart == d->iEnd) return 0;
  while (lo < hi) {
    int mid = lo + (hi - lo) / 2;
    get_varint(base + aAbs[mid], &v);
    if ((int64_t)v <= m) lo = mid + 1;
    else hi = mid;
  }
  if (lo == d->iAbs1) return d->iEnd - d->iStart;
  return aAbs[lo] - d->iStart;
}

/* Bytes of the doclists stepped by the count (every token but the absent
** unigrams) below rowid m + 1, to the granularity of their leaves. */
static size_t bytes_below(const FrCount *C, int64_t m) {
  size_t n = 0;
  for (int k = 0; k < C->q.nTok; k++) {
    if (C->q.aTok[k].bNeg) continue;
    for (int i = 0; i < C->aTab[C->q.aTok[k].bChr].nSeg; i++)
      n += dl_bytes_below(&C->aDl[k * FR_MAX_SEG + i], &C->L, m);
  }
  return n;
}

/* The rowid where the doclists stepped by the count are cut in two halves
** of (about) equal bytes within the query's rowids [lo, hi], found by
** bisecting the rowids; the rows below it are one half.  *pnBytes: the
** bytes of those doclists within [lo, hi] (0 when there is nothing to
** cut). */
static int64_t split_rowid(const FrCount *C, int64_t lo, int64_t hi,
                           size_t *pnBytes) {
  size_t nAll = 0;
  int64_t r0 = INT64_MAX, r1 = INT64_MIN;
  uint64_t v;
  for (int k = 0; k < C->q.nTok; k++) {
    if (C->q.aTok[k].bNeg) continue;
    for (int i = 0; i < C->aTab[C->q.aTok[k].bChr].nSeg; i++) {
      const FrDl *d = &C->aDl[k * FR_MAX_SEG + i];
      if (d->iStart == d->iEnd) continue;
      nAll += d->iEnd - d->iStart;
      get_varint(C->L.data.a + C->L.abs.a[d->iAbs0], &v);
      if ((int64_t)v < r0) r0 = (int64_t)v;
      get_varint(C->L.data.a + C->L.abs.a[d->iAbs1 - 1], &v);
      if ((int64_t)v > r1) r1 = (int64_t)v;
    }
  }
  *pnBytes = 0;
  if (r0 < lo) r0 = lo;
  if (r1 > hi) r1 = hi;
  if (nAll == 0 || r0 >= r1) return r0;
  /* The bytes from r0 on: the half of those up to r1. */
  size_t nBase = r0 > INT64_MIN ? bytes_below(C, r0 - 1) : 0;
  *pnBytes = bytes_below(C, r1) - nBase;
  size_t nHalf = *pnBytes / 2;
  while (r0 < r1) { /* the least m with half the bytes below m + 1 */
    int64_t m = r0 + (r1 - r0) / 2;
    if (bytes_below(C, m) - nBase >= nHalf) r1 = m;
    else r0 = m + 1;
  }
  return r0 + 1;
}

/* One half of a split count: its own copies of the iterators (at their
** start), read-only access to the query and the doclists. */
typedef struct FrHalf {
  const FrQuery *q;
  FrIter *aIt;
  int64_t lo, hi, n;
  int rc;
} FrHalf;

static void *half_main(void *p) {
  FrHalf *h = p;
  h->rc = count_range(h->q, h->aIt, h->lo, h->hi, -1, &h->n);
  return NULL;
}

/* Intersects the iterators and checks the phrases over the query's
** range; *pn the count.  An exact count (no nStop) of doclists of
** fts_read_split_min bytes or more is cut at a rowid into two halves of
** about equal bytes, the upper counted by a second thread on copies of
** the iterators, the two counts added (one thread when it cannot be
** started). */
static int count_all(FrCount *C, const FtsReadQuery *rq, int64_t *pn) {
  int64_t lo = rq->bRange ? rq->lo : INT64_MIN;
  int64_t hi = rq->bRange ? rq->hi : INT64_MAX;
  size_t nBytes = 0;
  int64_t m = rq->nStop < 0 ? split_rowid(C, lo, hi, &nBytes) : lo;
  if (fts_read_split_at) m = fts_read_split_at;
  if (rq->nStop >= 0 || nBytes < fts_read_split_min || m <= lo || m > hi)
    return count_range(&C->q, C->aIt, lo, hi, rq->nStop, pn);
  FrHalf h = {&C->q, xmalloc(sizeof(FrIter) * (size_t)C->q.nTok),
              m + (fts_read_break_split != 0), hi, 0, SQLITE_OK};
  memcpy(h.aIt, C->aIt, sizeof(FrIter) * (size_t)C->q.nTok);
  pthread_t th;
  pthread_attr_t attr;
  int bThread = pthread_attr_init(&attr) == 0;
  if (bThread) {
    pthread_attr_setstacksize(&attr, (size_t)256 << 10);
    bThread = pthread_create(&th, &attr, half_main, &h) == 0;
    pthread_attr_destroy(&attr);
  }
  int64_t nLow = 0;
  int rc = count_range(&C->q, C->aIt, lo, m - 1, -1, &nLow);
  if (bThread) pthread_join(th, NULL);
  else half_main(&h);
  free(h.aIt);
  __atomic_fetch_add(&fts_read_splits, 1, __ATOMIC_RELAXED);
  if (rc == SQLITE_OK) rc = h.rc;
  *pn = rc == SQLITE_OK ? nLow + h.n : 0;
  return rc;
}

/* The doclist buffer of this thread's last count, kept for the next one
** (a fresh buffer of tens of MB costs its page faults and the copies of
** its growth each time: a tenth of a count at a million documents); up to
** FR_KEEP_BYTES: the memory a server thread keeps for this). */
#define FR_KEEP_BYTES ((size_t)16 << 20)
static pthread_key_t frKeptKey;
static pthread_once_t frKeptOnce = PTHREAD_ONCE_INIT;

/* The key's destructor: a thread's kept buffer when the thread ends. */
static void kept_free(void *p) {
  FrBytes *b = p;
  free(b->a);
  free(b);
}

static void kept_key(void) { pthread_key_create(&frKeptKey, kept_free); }

static void take_bytes(FrBytes *b) {
  pthread_once(&frKeptOnce, kept_key);
  FrBytes *k = pthread_getspecific(frKeptKey);
  memset(b, 0, sizeof *b);
  if (k) {
    *b = *k;
    b->n = 0;
    free(k);
    pthread_setspecific(frKeptKey, NULL);
  }
}

static void keep_bytes(FrBytes *b) {
  if (b->a && b->cap <= FR_KEEP_BYTES && !pthread_getspecific(frKeptKey)) {
    FrBytes *k = xmalloc(sizeof *k);
    *k = *b;
    pthread_setspecific(frKeptKey, k);
  } else {
    free(b->a);
  }
  memset(b, 0, sizeof *b);
}

static void count_free(FrCount *C) {
  for (int i = 0; i < 2; i++) {
    sqlite3_finalize(C->aTab[i].pIdx);
    sqlite3_finalize(C->aTab[i].pLeaf);
    sqlite3_finalize(C->aTab[i].pNext);
  }
  keep_bytes(&C->L.data);
  free(C->L.abs.a);
  free(C->L.term.a);
  free(C->aDl);
  free(C->aIt);
}

int fts_read_count(sqlite3 *db, const FtsReadQuery *rq, int64_t *pn) {
  if (!sqlite3_get_autocommit(db)) return FTS_READ_UNKNOWN;
  if (!rq->zMatch && !rq->zChars) return FTS_READ_UNKNOWN;
  FrCount *C = xmalloc(sizeof *C);
  memset(C, 0, sizeof *C);
  take_bytes(&C->L.data);
  int rc = FTS_READ_UNKNOWN;
  if ((rq->zMatch && parse_match(&C->q, rq->zMatch, 0)) ||
      (rq->zChars && parse_match(&C->q, rq->zChars, 1)) || C->q.nTok == 0)
    goto out;
  /* One read transaction: every page of the same snapshot. */
  if ((rc = sqlite3_exec(db, "BEGIN", NULL, NULL, NULL)) != SQLITE_OK) goto out;
  if ((!rq->zMatch || (rc = prepare_table(db, &C->aTab[0], "search_fts", 0)) == SQLITE_OK) &&
      (!rq->zChars || (rc = prepare_table(db, &C->aTab[1], "search_chr", 1)) == SQLITE_OK) &&
      (rc = choose_filters(C)) == SQLITE_OK && (rc = load_all(C)) == SQLITE_OK)
    rc = count_all(C, rq, pn);
  for (int i = 0; i < 2; i++) {
    sqlite3_finalize(C->aTab[i].pIdx);
    sqlite3_finalize(C->aTab[i].pLeaf);
    sqlite3_finalize(C->aTab[i].pNext);
    C->aTab[i].pIdx = C->aTab[i].pLeaf = C->aTab[i].pNext = NULL;
  }
  int rcEnd = sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
  if (rcEnd != SQLITE_OK && !sqlite3_get_autocommit(db))
    sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
  if (rc == SQLITE_OK && rcEnd != SQLITE_OK) rc = rcEnd;
out:
  count_free(C);
  free(C);
  return rc == SQLITE_OK ? FTS_READ_OK : rc;
}
