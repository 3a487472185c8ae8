/*
** fts_cjk.c — the FTS5 tokenizer "gk" and the query/highlight side of
** full-text search (see fts_cjk.h and lib/textmatch.h for the contract; docs/search.md for the
** design discussion and the measurements).
**
** Tokens.  The text is folded (utf8_fold per code point) and cut into runs of
** non-space characters.  A run c0 c1 ... c(n-1) yields exactly one token per
** character, at consecutive positions:
**
**     position p+i : the bigram c(i)c(i+1)   for i < n-1
**     position p+n-1: the unigram c(n-1)     (marks the end of the run)
**
** and the next run continues at position p+n (no gap).  So the token at a
** position always starts with the character at that position, bigrams never
** span white space, and a unigram appears only where a run ends.
**
** Queries (built by fts_cjk_query, tokenized by the same function in
** FTS5_TOKENIZE_QUERY mode, which differs only in which unigrams it emits):
**
**   1 char    x           "x"*         prefix: any token starting with x,
**                                      i.e. x anywhere (prefix='1' index)
**   2 chars   ab          "ab"         the bigram
**   n chars   abcd        "abcd"       phrase ab bc cd at consecutive
**                                      positions = the substring
**   mixed     第3季度      "第3季度"     phrase 第3 3季 季度 (no special case:
**                                      digits, Latin and punctuation are
**                                      characters like any other)
**   phrase    "ab c"      "ab c"*      ab, b (unigram: run ends), c* (next
**                                      run starts with c)
**
** In query mode a run followed by another run emits its unigram (the run
** must end there); the last run emits a unigram only when it is a single
** character, and fts_cjk_query() then appends '*'.  Because every term is an
** FTS5 quoted string, no user input is ever parsed as FTS5 syntax.
**
** Measurements (docs/search.md has the tables and the command; 100k
** generated documents, 181 MB of text, tools/fts_probe.c): with
** prefix='1' detail=full the index is 2.29x the text (trigram: 1.89x, no
** prefix index: 1.44x); newest-20 takes 0.03-0.09 ms for every query with
** many hits (16 ms for a rare phrase of common bigrams), count 1-34 ms,
** bm25 over the newest 1000 matches 1-48 ms.  Trigram finds nothing for
** one- and two-character queries.
*/
#include "store/fts_cjk.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lib/utf8.h"

/* ---------------------------------------------------------------------------
** The tokenizer.
*/

/* Slots of the per-document set of characters already emitted in "chars"
** mode (a power of two); past GK_SEEN_MAX distinct characters a document's
** further characters are emitted unfiltered (FTS5 drops the duplicates
** itself, only slower). */
#define GK_SEEN_SLOTS 2048
#define GK_SEEN_MAX 1400

/* The tokenizer object.  Option "chars" selects the character mode used
** by the one-character index (search_chr); without options the bigram mode
** described at the top of this file. */
typedef struct GkTokenizer {
  int bChars;       /* 1: every folded non-space character is one token */
  uint32_t iGen;    /* generation of the current xTokenize call */
  uint32_t *aKey;   /* "chars": GK_SEEN_SLOTS packed UTF-8 characters */
  uint32_t *aGen;   /* ... and the generation that stored each */
} GkTokenizer;

/* xCreate: accepts no argument (bigrams) or the single argument "chars".
** Returns SQLITE_ERROR for anything else, SQLITE_NOMEM never (xmalloc
** aborts). */
static int gk_create(void *pUnused, const char **azArg, int nArg,
                     Fts5Tokenizer **ppOut) {
  (void)pUnused;
  int bChars = 0;
  if (nArg == 1 && strcmp(azArg[0], "chars") == 0) {
    bChars = 1;
  } else if (nArg > 0) {
    *ppOut = 0;
    return SQLITE_ERROR;
  }
  GkTokenizer *p = xmalloc(sizeof *p);
  memset(p, 0, sizeof *p);
  p->bChars = bChars;
  if (bChars) {
    p->aKey = xmalloc(sizeof(uint32_t) * GK_SEEN_SLOTS);
    p->aGen = xmalloc(sizeof(uint32_t) * GK_SEEN_SLOTS);
    memset(p->aGen, 0, sizeof(uint32_t) * GK_SEEN_SLOTS);
  }
  *ppOut = (Fts5Tokenizer *)p;
  return SQLITE_OK;
}

/* xDelete: frees the object from gk_create(). */
static void gk_delete(Fts5Tokenizer *pTok) {
  GkTokenizer *p = (GkTokenizer *)pTok;
  free(p->aKey);
  free(p->aGen);
  free(p);
}

/* One folded character remembered between loop iterations.  Its UTF-8
** bytes are kept in one 32-bit word (bytes in memory order, unused bytes
** zero) that is always written whole: writing the bytes one by one and
** reading them back as a word stalled the CPU on every token (store
** forwarding), a tenth of the tokenizer's time (bench/analysis.md, second
** round). */
typedef struct GkChar {
  uint32_t v; /* folded UTF-8 bytes; (const char *)&v is the string */
  int n;      /* byte count; 0 = no character held */
  int iStart; /* byte offset of the original character in the input */
  int iEnd;   /* byte offset just past it */
} GkChar;

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
#define GK_BYTE(b, k) ((uint32_t)(b) << (24 - 8 * (k)))
#else
#define GK_BYTE(b, k) ((uint32_t)(b) << (8 * (k)))
#endif

/* Writes the bigram of a and b (a->n + b->n bytes) to aTok[8] with whole
** words. */
static inline void gk_pair(char aTok[8], const GkChar *a, const GkChar *b) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
  memcpy(aTok, &a->v, 4);
  memcpy(aTok + a->n, &b->v, 4);
#else
  uint64_t t = (uint64_t)a->v | ((uint64_t)b->v << (8 * a->n));
  memcpy(aTok, &t, 8);
#endif
}

/* Reads the character at z[i..n) into *pc (folded) and returns the offset
** just past it, or -1 when it is white space.  The common cases are done
** inline: printable ASCII, and the three-byte sequences of U+4000..U+9FFF
** (lead bytes E4..E9: CJK ideographs), which utf8_fold() leaves alone and
** which are never space; everything else goes through utf8_decode(),
** utf8_is_space() and utf8_fold(), so the result is the same. */
static inline int gk_next(const unsigned char *z, int i, int n, GkChar *pc) {
  unsigned char b = z[i];
  pc->iStart = i;
  if (b > 0x20 && b < 0x7F) {
    pc->v = GK_BYTE(b >= 'A' && b <= 'Z' ? b + 32 : b, 0);
    pc->n = 1;
    pc->iEnd = i + 1;
    return i + 1;
  }
  if (b >= 0xE4 && b <= 0xE9 && i + 2 < n && (z[i + 1] & 0xC0) == 0x80 &&
      (z[i + 2] & 0xC0) == 0x80) {
    pc->v = GK_BYTE(b, 0) | GK_BYTE(z[i + 1], 1) | GK_BYTE(z[i + 2], 2);
    pc->n = 3;
    pc->iEnd = i + 3;
    return i + 3;
  }
  int len;
  uint32_t c = utf8_decode((const char *)z + i, (size_t)(n - i), &len);
  pc->iEnd = i + len;
  if (utf8_is_space(c)) return -(i + len) - 1;
  char a[4] = {0};
  pc->n = utf8_encode(utf8_fold(c), a);
  memcpy(&pc->v, a, 4);
  return i + len;
}

/* The "chars" mode of xTokenize: each folded non-space character is a
** token (the same one in document and query mode).  In document mode each
** distinct character is passed to FTS5 once (a detail=none table keeps no
** positions, so repeats carry nothing), found in p's set of this call. */
static int gk_tokenize_chars(GkTokenizer *p, void *pCtx, int bQuery,
                             const char *pText, int nText,
                             int (*xToken)(void *, int, const char *, int,
                                           int, int)) {
  const unsigned char *z = (const unsigned char *)pText;
  int i = 0, rc = SQLITE_OK, nSeen = 0;
  if (++p->iGen == 0) { /* wrapped: forget every generation */
    memset(p->aGen, 0, sizeof(uint32_t) * GK_SEEN_SLOTS);
    p->iGen = 1;
  }
  while (i < nText && rc == SQLITE_OK) {
    GkChar cur;
    int iNext = gk_next(z, i, nText, &cur);
    if (iNext < 0) {
      i = -iNext - 1;
      continue;
    }
    i = iNext;
    if (!bQuery && nSeen < GK_SEEN_MAX) {
      uint32_t k = cur.v; /* n <= 4 bytes: unique per character */
      uint32_t h = (k * 2654435761u) >> 21; /* 11 bits: GK_SEEN_SLOTS */
      while (p->aGen[h] == p->iGen && p->aKey[h] != k)
        h = (h + 1) & (GK_SEEN_SLOTS - 1);
      if (p->aGen[h] == p->iGen) continue; /* emitted before */
      p->aGen[h] = p->iGen;
      p->aKey[h] = k;
      nSeen++;
    }
    rc = xToken(pCtx, 0, (const char *)&cur.v, cur.n, cur.iStart, cur.iEnd);
  }
  return rc;
}

/* xTokenize: emits the tokens described at the top of this file.  Offsets
** are byte ranges of the original text: a bigram covers both characters.
** Returns the first non-OK code from xToken, else SQLITE_OK. */
static int gk_tokenize(Fts5Tokenizer *pTok, void *pCtx, int flags,
                       const char *pText, int nText,
                       int (*xToken)(void *, int, const char *, int, int,
                                     int)) {
  int bQuery = (flags & FTS5_TOKENIZE_QUERY) != 0;
  GkChar prev = {0, 0, 0, 0};    /* last character of the current run */
  GkChar pending = {0, 0, 0, 0}; /* query mode: unigram of a finished run */
  int nRun = 0;                    /* characters in the current run */
  int nLastRun = 0;                /* characters in the last finished run */
  int i = 0;
  int rc = SQLITE_OK;
  const unsigned char *z = (const unsigned char *)pText;
  if (pText == 0) nText = 0;
  if (((GkTokenizer *)pTok)->bChars)
    return gk_tokenize_chars((GkTokenizer *)pTok, pCtx, bQuery, pText, nText,
                             xToken);

  while (i < nText && rc == SQLITE_OK) {
    GkChar cur;
    int iNext = gk_next(z, i, nText, &cur);
    if (iNext < 0) {
      i = -iNext - 1;
      if (prev.n) {
        if (bQuery) {
          pending = prev;
        } else {
          rc = xToken(pCtx, 0, (const char *)&prev.v, prev.n, prev.iStart, prev.iEnd);
        }
        prev.n = 0;
        nLastRun = nRun;
        nRun = 0;
      }
      continue;
    }
    i = iNext;
    if (pending.n) {
      /* A run follows, so the previous run must end where it ended. */
      rc = xToken(pCtx, 0, (const char *)&pending.v, pending.n, pending.iStart,
                  pending.iEnd);
      pending.n = 0;
      if (rc != SQLITE_OK) break;
    }
    if (prev.n) {
      char aTok[8];
      gk_pair(aTok, &prev, &cur);
      rc = xToken(pCtx, 0, aTok, prev.n + cur.n, prev.iStart, cur.iEnd);
    }
    prev = cur;
    nRun++;
  }
  if (rc != SQLITE_OK) return rc;

  if (prev.n) {
    /* The input ends inside a run. */
    if (!bQuery || nRun == 1) {
      rc = xToken(pCtx, 0, (const char *)&prev.v, prev.n, prev.iStart, prev.iEnd);
    }
  } else if (pending.n && nLastRun == 1) {
    /* Query ends with white space after a one-character run. */
    rc = xToken(pCtx, 0, (const char *)&pending.v, pending.n, pending.iStart, pending.iEnd);
  }
  return rc;
}

int fts_cjk_tokenize_query(int bChars, const char *z, int n, void *pCtx,
                           int (*xToken)(void *, int, const char *, int, int,
                                         int)) {
  GkTokenizer t; /* query mode reads neither aKey nor aGen */
  memset(&t, 0, sizeof t);
  t.bChars = bChars;
  return gk_tokenize((Fts5Tokenizer *)&t, pCtx, FTS5_TOKENIZE_QUERY, z, n,
                     xToken);
}

/* The tokenizer outside FTS5, in document mode (fts_write.c builds FTS5's
** segments itself from the same tokens). */
FtsCjkTok *fts_cjk_tok_new(int bChars) {
  Fts5Tokenizer *p = NULL;
  const char *azArg[1] = {"chars"};
  gk_create(NULL, azArg, bChars ? 1 : 0, &p);
  return (FtsCjkTok *)p;
}

void fts_cjk_tok_free(FtsCjkTok *p) {
  if (p) gk_delete((Fts5Tokenizer *)p);
}

int fts_cjk_tokenize_doc(FtsCjkTok *p, const char *z, int n, void *pCtx,
                         int (*xToken)(void *, int, const char *, int, int,
                                       int)) {
  return gk_tokenize((Fts5Tokenizer *)p, pCtx, FTS5_TOKENIZE_DOCUMENT, z, n,
                     xToken);
}

/* Returns the fts5_api of db, or NULL when FTS5 is not available.  Uses the
** documented "SELECT fts5(?1)" + sqlite3_bind_pointer() handshake. */
static fts5_api *gk_fts5_api(sqlite3 *db) {
  fts5_api *pApi = 0;
  sqlite3_stmt *pStmt = 0;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &pStmt, 0) == SQLITE_OK) {
    sqlite3_bind_pointer(pStmt, 1, (void *)&pApi, "fts5_api_ptr", 0);
    sqlite3_step(pStmt);
  }
  sqlite3_finalize(pStmt);
  return pApi;
}

/* ---------------------------------------------------------------------------
** Ranking: gk_rank(tbl, w0, w1, ...).
*/

/* Per-query data of gk_rank: the average size of each column in tokens. */
typedef struct GkRankData {
  int nCol;
  double aAvg[1]; /* nCol entries (allocated with the struct) */
} GkRankData;

#define GK_RANK_K1 1.2 /* term-frequency saturation, as FTS5's bm25 */
#define GK_RANK_B 0.75 /* length normalisation, as FTS5's bm25 */

/* The FTS5 auxiliary function gk_rank: BM25 without the inverse document
** frequency.  For each column c the term frequency tf is the number of
** phrase instances in it; the score is the sum over columns of
**     w_c * tf * (k1 + 1) / (tf + k1 * (1 - b + b * len_c / avglen_c))
** (w_c the c-th argument, 1.0 when absent), returned negated so that lower
** is better, as bm25().  FTS5's bm25() gets each phrase's IDF by counting
** every row that holds the phrase (xQueryPhrase over the whole index):
** for a phrase at a million documents that is as slow as an exact count
** (0.3 s), while the candidates to rank are only the newest 1000.  Without
** IDF all terms of a query weigh the same, which for the usual one- and
** two-term queries of a portal changes little (bench/analysis.md).
** Errors are reported through pCtx. */
static void gk_rank(const Fts5ExtensionApi *pApi, Fts5Context *pFts,
                    sqlite3_context *pCtx, int nVal, sqlite3_value **apVal) {
  GkRankData *p = (GkRankData *)pApi->xGetAuxdata(pFts, 0);
  int rc = SQLITE_OK;
  if (p == 0) {
    int nCol = pApi->xColumnCount(pFts);
    sqlite3_int64 nRow = 0;
    p = sqlite3_malloc64(sizeof(GkRankData) + sizeof(double) * (size_t)nCol);
    if (p == 0) {
      sqlite3_result_error_nomem(pCtx);
      return;
    }
    p->nCol = nCol;
    rc = pApi->xRowCount(pFts, &nRow);
    for (int c = 0; c < nCol && rc == SQLITE_OK; c++) {
      sqlite3_int64 nTok = 0;
      rc = pApi->xColumnTotalSize(pFts, c, &nTok);
      p->aAvg[c] = nRow > 0 && nTok > 0 ? (double)nTok / (double)nRow : 1.0;
    }
    if (rc == SQLITE_OK) rc = pApi->xSetAuxdata(pFts, p, sqlite3_free);
    else sqlite3_free(p);
    if (rc != SQLITE_OK) {
      sqlite3_result_error_code(pCtx, rc);
      return;
    }
  }
  double aTf[16];
  int nCol = p->nCol < 16 ? p->nCol : 16;
  for (int c = 0; c < nCol; c++) aTf[c] = 0;
  int nInst = 0;
  rc = pApi->xInstCount(pFts, &nInst);
  for (int i = 0; i < nInst && rc == SQLITE_OK; i++) {
    int iPhrase, iCol, iOff;
    rc = pApi->xInst(pFts, i, &iPhrase, &iCol, &iOff);
    if (rc == SQLITE_OK && iCol >= 0 && iCol < nCol) aTf[iCol] += 1.0;
  }
  double score = 0;
  for (int c = 0; c < nCol && rc == SQLITE_OK; c++) {
    if (aTf[c] == 0) continue;
    int nTok = 0;
    rc = pApi->xColumnSize(pFts, c, &nTok);
    double w = c < nVal ? sqlite3_value_double(apVal[c]) : 1.0;
    double norm = 1.0 - GK_RANK_B + GK_RANK_B * (double)nTok / p->aAvg[c];
    score += w * aTf[c] * (GK_RANK_K1 + 1.0) / (aTf[c] + GK_RANK_K1 * norm);
  }
  if (rc != SQLITE_OK) {
    sqlite3_result_error_code(pCtx, rc);
    return;
  }
  sqlite3_result_double(pCtx, -score);
}

int fts_cjk_register(sqlite3 *db) {
  static fts5_tokenizer tok = {gk_create, gk_delete, gk_tokenize};
  fts5_api *pApi = gk_fts5_api(db);
  if (pApi == 0) return FTS_CJK_ESQLITE;
  if (pApi->xCreateTokenizer(pApi, "gk", 0, &tok, 0) != SQLITE_OK ||
      pApi->xCreateFunction(pApi, "gk_rank", 0, gk_rank, 0) != SQLITE_OK) {
    return FTS_CJK_ESQLITE;
  }
  return TEXTMATCH_OK;
}

/* Returns 1 when the last space-separated run of the folded term z is a
** single character (the MATCH string then needs a trailing '*'). */
static int last_run_is_one_char(const char *z) {
  const char *zRun = strrchr(z, ' ');
  zRun = zRun ? zRun + 1 : z;
  return utf8_len(zRun, strlen(zRun)) == 1;
}

/* Appends term z as an FTS5 quoted string (inner '"' doubled) to pOut,
** " AND " first when pOut already holds a term, and '*' when bStar. */
static void put_term(Buf *pOut, const char *z, int bStar) {
  if (pOut->n > 0) buf_puts(pOut, " AND ");
  buf_putc(pOut, '"');
  for (const char *p = z; *p; p++) {
    if (*p == '"') buf_putc(pOut, '"'); /* FTS5 doubles quotes */
    buf_putc(pOut, *p);
  }
  buf_putc(pOut, '"');
  if (bStar) buf_putc(pOut, '*');
}

int fts_cjk_query(const char *zUserQuery, Buf *pMatchExpr, char **pzErr) {
  char **azTerm;
  int nTerm;
  int rc = textmatch_terms(zUserQuery, &azTerm, &nTerm, pzErr);
  if (rc != TEXTMATCH_OK) return rc;
  Buf m = BUF_INIT;
  for (int k = 0; k < nTerm; k++)
    put_term(&m, azTerm[k], last_run_is_one_char(azTerm[k]));
  buf_append(pMatchExpr, m.z, m.n);
  buf_free(&m);
  textmatch_terms_free(azTerm, nTerm);
  return TEXTMATCH_OK;
}

int fts_cjk_query_split(const char *zUserQuery, Buf *pBigrams, Buf *pChars,
                        char **pzErr) {
  char **azTerm;
  int nTerm;
  int rc = textmatch_terms(zUserQuery, &azTerm, &nTerm, pzErr);
  if (rc != TEXTMATCH_OK) return rc;
  Buf m = BUF_INIT, c = BUF_INIT;
  for (int k = 0; k < nTerm; k++) {
    if (utf8_len(azTerm[k], strlen(azTerm[k])) == 1) {
      put_term(&c, azTerm[k], 0);
    } else {
      /* A phrase whose last run is one character keeps the prefix query:
      ** exact without a prefix index too (FTS5 then merges the doclists of
      ** the bigrams starting with it), and rare. */
      put_term(&m, azTerm[k], last_run_is_one_char(azTerm[k]));
    }
  }
  buf_append(pBigrams, m.z, m.n);
  buf_append(pChars, c.z, c.n);
  buf_free(&m);
  buf_free(&c);
  textmatch_terms_free(azTerm, nTerm);
  return TEXTMATCH_OK;
}
