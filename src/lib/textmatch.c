/*
** textmatch.c — the text side of full-text search, with no database: the
** folding that defines a match, the parsing of what a user typed into
** terms, and highlighted excerpts (contract in textmatch.h).  The SQLite
** FTS5 tokenizer and the MATCH expressions built from these terms are in
** src/store/fts_cjk.c.
*/
#include "lib/textmatch.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lib/utf8.h"

/* ---------------------------------------------------------------------------
** Folding.
*/

/* Where each folded character came from (filled by fold_range when asked). */
typedef struct FoldMap {
  size_t nChar;    /* folded characters */
  size_t nAlloc;   /* allocated entries in the arrays */
  size_t *aFold;   /* byte offset of char k in the folded text (relative to
                   ** the start of this fold); aFold[nChar] = folded length */
  size_t *aStart;  /* byte offset of char k's source in the original */
  size_t *aEnd;    /* byte offset just past its source */
} FoldMap;

/* Records one folded character in pMap (grows the arrays). */
static void foldmap_add(FoldMap *pMap, size_t iFold, size_t iStart,
                        size_t iEnd) {
  if (pMap->nChar + 2 > pMap->nAlloc) {
    pMap->nAlloc = pMap->nAlloc ? pMap->nAlloc * 2 : 64;
    pMap->aFold = xrealloc(pMap->aFold, pMap->nAlloc * sizeof(size_t));
    pMap->aStart = xrealloc(pMap->aStart, pMap->nAlloc * sizeof(size_t));
    pMap->aEnd = xrealloc(pMap->aEnd, pMap->nAlloc * sizeof(size_t));
  }
  pMap->aFold[pMap->nChar] = iFold;
  pMap->aStart[pMap->nChar] = iStart;
  pMap->aEnd[pMap->nChar] = iEnd;
  pMap->nChar++;
}

/* Frees the arrays of pMap. */
static void foldmap_free(FoldMap *pMap) {
  free(pMap->aFold);
  free(pMap->aStart);
  free(pMap->aEnd);
  memset(pMap, 0, sizeof *pMap);
}

/* Appends the folded form of z[0..n) to pOut (the rule in textmatch.h).  When
** pMap is not NULL it must be zeroed; it receives one entry per folded
** character (a collapsed white-space run is one ' ' covering the whole run)
** plus the closing aFold[nChar]. */
static void fold_range(const char *z, size_t n, Buf *pOut, FoldMap *pMap) {
  size_t n0 = pOut->n;
  size_t i = 0;
  int bSpace = 0;        /* white space seen since the last character */
  size_t iSpaceStart = 0; /* where that white space began */
  while (i < n) {
    int len;
    size_t iStart = i;
    uint32_t c = utf8_decode(z + i, n - i, &len);
    i += (size_t)len;
    if (utf8_is_space(c)) {
      if (!bSpace) iSpaceStart = iStart;
      bSpace = 1;
      continue;
    }
    if (bSpace && pOut->n > n0) {
      if (pMap) foldmap_add(pMap, pOut->n - n0, iSpaceStart, iStart);
      buf_putc(pOut, ' ');
    }
    bSpace = 0;
    char a[4];
    int nA = utf8_encode(utf8_fold(c), a);
    if (pMap) foldmap_add(pMap, pOut->n - n0, iStart, i);
    buf_append(pOut, a, (size_t)nA);
  }
  if (pMap) {
    if (pMap->nAlloc == 0) {
      foldmap_add(pMap, 0, 0, 0); /* allocates room for the closing entry */
      pMap->nChar = 0;
    }
    pMap->aFold[pMap->nChar] = pOut->n - n0;
  }
  if (pOut->z == 0) buf_append(pOut, "", 0);
}

void textmatch_fold(const char *z, Buf *pOut) {
  fold_range(z ? z : "", z ? strlen(z) : 0, pOut, 0);
}

/* ---------------------------------------------------------------------------
** Query parsing.
*/

/* Returns 1 when the byte at z starts a white-space character. */
static int at_space(const char *z, size_t n) {
  int len;
  return n > 0 && utf8_is_space(utf8_decode(z, n, &len));
}

/* Sets *pzErr (if not NULL) to a heap copy of zMsg and returns rc. */
static int query_error(char **pzErr, int rc, const char *zMsg) {
  if (pzErr) *pzErr = xstrdup(zMsg);
  return rc;
}

void textmatch_terms_free(char **azTerm, int nTerm) {
  if (azTerm == 0) return;
  for (int i = 0; i < nTerm; i++) free(azTerm[i]);
  free(azTerm);
}

int textmatch_terms(const char *zUserQuery, char ***pazTerm, int *pnTerm,
                  char **pzErr) {
  const char *z = zUserQuery ? zUserQuery : "";
  size_t n = strlen(z);
  size_t i = 0;
  char **azTerm = xmalloc(sizeof(char *) * (TEXTMATCH_MAX_TERMS + 1));
  int nTerm = 0;
  int rc = TEXTMATCH_OK;
  const char *zMsg = 0;

  *pazTerm = 0;
  *pnTerm = 0;
  if (pzErr) *pzErr = 0;
  while (i < n) {
    int len;
    if (utf8_is_space(utf8_decode(z + i, n - i, &len))) {
      i += (size_t)len;
      continue;
    }
    size_t iFrom, iTo;
    const char *zClose = z[i] == '"' ? strchr(z + i + 1, '"') : 0;
    if (zClose) {
      iFrom = i + 1;
      iTo = (size_t)(zClose - z);
      i = iTo + 1;
    } else {
      iFrom = i;
      while (i < n && !at_space(z + i, n - i)) {
        utf8_decode(z + i, n - i, &len);
        i += (size_t)len;
      }
      iTo = i;
    }
    Buf t = BUF_INIT;
    fold_range(z + iFrom, iTo - iFrom, &t, 0);
    if (t.n == 0) {
      buf_free(&t);
      continue;
    }
    if (nTerm == TEXTMATCH_MAX_TERMS) {
      buf_free(&t);
      rc = TEXTMATCH_ETOOMANY;
      zMsg = "too many search terms";
      break;
    }
    if (utf8_len(t.z, t.n) > TEXTMATCH_MAX_CHARS) {
      buf_free(&t);
      rc = TEXTMATCH_ETOOLONG;
      zMsg = "search term too long";
      break;
    }
    azTerm[nTerm++] = buf_steal(&t);
  }
  if (rc == TEXTMATCH_OK && nTerm == 0) {
    rc = TEXTMATCH_EEMPTY;
    zMsg = "empty search";
  }
  if (rc != TEXTMATCH_OK) {
    textmatch_terms_free(azTerm, nTerm);
    return query_error(pzErr, rc, zMsg);
  }
  *pazTerm = azTerm;
  *pnTerm = nTerm;
  return TEXTMATCH_OK;
}

/* ---------------------------------------------------------------------------
** Snippets.
*/

/* A highlighted range of folded characters [iFrom, iTo). */
typedef struct Span {
  size_t iFrom; /* first character */
  size_t iTo;   /* one past the last */
} Span;

/* qsort comparator: by start, then by end. */
static int span_cmp(const void *a, const void *b) {
  const Span *x = a, *y = b;
  if (x->iFrom != y->iFrom) return x->iFrom < y->iFrom ? -1 : 1;
  if (x->iTo != y->iTo) return x->iTo < y->iTo ? -1 : 1;
  return 0;
}

/* Index of the folded character that starts at byte iByte (binary search
** over pMap->aFold). */
static size_t char_at_byte(const FoldMap *pMap, size_t iByte) {
  size_t lo = 0, hi = pMap->nChar;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (pMap->aFold[mid] < iByte) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/* Appends the original text of folded character k, HTML-escaped; a space
** run becomes one ' ', and an invalid byte becomes U+FFFD. */
static void put_orig_char(Buf *pOut, const char *zText, const FoldMap *pMap,
                          const char *zFold, size_t k) {
  char a[8];
  size_t iS = pMap->aStart[k], nS = pMap->aEnd[k] - iS;
  if (zFold[pMap->aFold[k]] == ' ') {
    buf_putc(pOut, ' ');
    return;
  }
  int len;
  uint32_t c = utf8_decode(zText + iS, nS, &len);
  if (c == 0xFFFD && len == 1) {
    buf_puts(pOut, "\xEF\xBF\xBD");
    return;
  }
  memcpy(a, zText + iS, nS);
  a[nS] = 0;
  buf_html(pOut, a);
}

int textmatch_snippet(const char *zText, const char *zUserQuery, Buf *pOut,
                    int nChars) {
  const char *zT = zText ? zText : "";
  Buf fold = BUF_INIT;
  FoldMap map;
  char **azTerm = 0;
  int nTerm = 0;
  Span *aSpan = 0;
  size_t nSpan = 0, nSpanAlloc = 0;
  size_t iFirst = (size_t)-1; /* first match, in folded characters */
  size_t nWant = nChars < 10 ? 10 : (size_t)nChars;

  memset(&map, 0, sizeof map);
  fold_range(zT, strlen(zT), &fold, &map);
  if (textmatch_terms(zUserQuery, &azTerm, &nTerm, 0) != TEXTMATCH_OK) nTerm = 0;
  for (int k = 0; k < nTerm; k++) {
    const char *p = strstr(fold.z, azTerm[k]);
    if (p) {
      size_t c = char_at_byte(&map, (size_t)(p - fold.z));
      if (c < iFirst) iFirst = c;
    }
  }

  /* The window [iLo, iHi): a quarter of it before the first match. */
  size_t iLo = 0, iHi;
  if (iFirst != (size_t)-1 && iFirst > nWant / 4) iLo = iFirst - nWant / 4;
  iHi = iLo + nWant < map.nChar ? iLo + nWant : map.nChar;
  if (iHi - iLo < nWant) iLo = iHi > nWant ? iHi - nWant : 0;

  /* Every occurrence of every term that starts inside the window. */
  if (iFirst != (size_t)-1) {
    for (int k = 0; k < nTerm; k++) {
      size_t nTermChar = utf8_len(azTerm[k], strlen(azTerm[k]));
      const char *p = fold.z + map.aFold[iLo];
      const char *zEnd = fold.z + map.aFold[iHi];
      while ((p = strstr(p, azTerm[k])) != 0 && p < zEnd) {
        size_t c = char_at_byte(&map, (size_t)(p - fold.z));
        if (nSpan == nSpanAlloc) {
          nSpanAlloc = nSpanAlloc ? 2 * nSpanAlloc : 16;
          aSpan = xrealloc(aSpan, nSpanAlloc * sizeof *aSpan);
        }
        aSpan[nSpan].iFrom = c;
        aSpan[nSpan].iTo = c + nTermChar < iHi ? c + nTermChar : iHi;
        nSpan++;
        /* Next occurrence may overlap this one: advance one character. */
        int len;
        utf8_decode(p, strlen(p), &len);
        p += len;
      }
    }
    if (nSpan > 1) qsort(aSpan, nSpan, sizeof *aSpan, span_cmp);
  }

  /* Emit, merging overlapping spans. */
  if (iLo > 0) buf_puts(pOut, "…");
  size_t s = 0;
  size_t iMarkEnd = 0; /* 0 = no <mark> open */
  for (size_t k = iLo; k < iHi; k++) {
    if (iMarkEnd == 0 && s < nSpan && aSpan[s].iFrom == k) {
      buf_puts(pOut, "<mark>");
      iMarkEnd = aSpan[s].iTo;
    }
    while (s < nSpan && aSpan[s].iFrom <= k) {
      if (iMarkEnd && aSpan[s].iTo > iMarkEnd) iMarkEnd = aSpan[s].iTo;
      s++;
    }
    put_orig_char(pOut, zT, &map, fold.z, k);
    if (iMarkEnd == k + 1) {
      /* Close; a match starting at k+1 opens its own <mark>. */
      buf_puts(pOut, "</mark>");
      iMarkEnd = 0;
    }
  }
  if (iMarkEnd) buf_puts(pOut, "</mark>");
  if (iHi < map.nChar) buf_puts(pOut, "…");
  if (pOut->z == 0) buf_append(pOut, "", 0);

  free(aSpan);
  textmatch_terms_free(azTerm, nTerm);
  foldmap_free(&map);
  buf_free(&fold);
  return iFirst != (size_t)-1;
}
