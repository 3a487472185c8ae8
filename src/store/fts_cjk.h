/*
** fts_cjk.h — full-text search for Chinese government documents: the FTS5
** tokenizer "gk", the translation of what a user typed into an FTS5 MATCH
** expression, and the folding and highlighting that share its definition.
**
** The contract ("exact by construction") is that of lib/textmatch.h: a
** document matches a single-term query iff the folded term is a
** substring of the folded text of one of its indexed columns.
**
** Two ways to lay out the index (docs/search.md):
**  - one table, tokenize='gk', detail=full (prefix='1' optional: it makes
**    one-character terms one doclist read; without it they are exact but
**    slow), queried with fts_cjk_query();
**  - the portal's: a bigram table tokenize='gk', detail=full, no prefix
**    index, plus a character table tokenize='gk chars', detail=none over the
**    same columns, queried with fts_cjk_query_split(): one-character terms
**    go to the character table, all others to the bigram table.
** detail=full keeps the positions that make phrase (three or more
** character) queries exact.  Declare the body column first (smaller index)
** and keep columnsize=1 (fast bm25).
**
** This module knows FTS5 but no application table; the store decides which
** table and columns it indexes.
*/
#ifndef GK_FTS_CJK_H
#define GK_FTS_CJK_H

#include <sqlite3.h>

#include "lib/buf.h"
#include "lib/textmatch.h"

/* Status codes returned by the functions below: those of textmatch.h and
** one of the tokenizer's. */
enum {
  FTS_CJK_OK = TEXTMATCH_OK,
  FTS_CJK_EEMPTY = TEXTMATCH_EEMPTY,
  FTS_CJK_ETOOMANY = TEXTMATCH_ETOOMANY,
  FTS_CJK_ETOOLONG = TEXTMATCH_ETOOLONG,
  FTS_CJK_ESQLITE = -4    /* SQLite refused (fts_cjk_register only) */
};

/* Registers the tokenizer "gk" and the ranking function gk_rank(table,
** w0, w1, ...) (BM25 per column without IDF; see fts_cjk.c) with the FTS5
** module of db.  Must be called on
** every connection before a table using tokenize='gk' is read or written.
** Returns FTS_CJK_OK, or FTS_CJK_ESQLITE when db has no FTS5 or registration
** fails (the message is then available from sqlite3_errmsg(db) if SQLite set
** one).  Allocates nothing that outlives db. */
int fts_cjk_register(sqlite3 *db);

/* Appends to pMatchExpr an FTS5 MATCH expression for zUserQuery (terms as in
** textmatch_terms(), ANDed) whose result over a tokenize='gk' table is exactly
** the substring rule above.  Every term is emitted as a quoted FTS5 string,
** so nothing the user types is read as FTS5 syntax.
** Returns FTS_CJK_OK, or an error code as textmatch_terms() (then pMatchExpr is
** unchanged and *pzErr, if pzErr is not NULL, is a heap message). */
int fts_cjk_query(const char *zUserQuery, Buf *pMatchExpr, char **pzErr);

/* The two-table form of fts_cjk_query(): appends to pBigrams the MATCH
** expression (terms ANDed) of every term of two or more characters, for the
** tokenize='gk' table, and to pChars that of every one-character term, for
** the tokenize='gk chars' table; either may stay empty (nothing appended),
** never both.  A document matches the query iff it matches both non-empty
** expressions.  Errors as fts_cjk_query() (then neither buffer changes). */
int fts_cjk_query_split(const char *zUserQuery, Buf *pBigrams, Buf *pChars,
                        char **pzErr);

/* Runs the gk tokenizer (bChars 1: the "chars" mode of search_chr) over
** z[0..n) in FTS5's query mode, as FTS5 does for a quoted string of a
** MATCH expression, calling xToken as FTS5's xTokenize would (tokens at
** consecutive positions).  For readers of the index that do not go
** through FTS5 (fts_read.c).  Returns the first non-OK code of xToken,
** else SQLITE_OK. */
int fts_cjk_tokenize_query(int bChars, const char *z, int n, void *pCtx,
                           int (*xToken)(void *, int, const char *, int, int,
                                         int));

/* The gk tokenizer in document mode outside FTS5, for writers of the
** index that do not go through FTS5 (fts_write.c): the same tokens, at the
** same positions, as FTS5's xTokenize of a table with tokenize='gk'
** (bChars 0) or tokenize='gk chars' (bChars 1) gives, one call per column
** value as FTS5 makes them (the chars mode forgets its set of characters
** seen at each call).  fts_cjk_tok_new() never returns NULL (xmalloc);
** the object is the caller's, freed with fts_cjk_tok_free(), used by one
** thread at a time.  fts_cjk_tokenize_doc() returns the first non-OK code
** of xToken, else SQLITE_OK. */
typedef struct FtsCjkTok FtsCjkTok;
FtsCjkTok *fts_cjk_tok_new(int bChars);
void fts_cjk_tok_free(FtsCjkTok *p);
int fts_cjk_tokenize_doc(FtsCjkTok *p, const char *z, int n, void *pCtx,
                         int (*xToken)(void *, int, const char *, int, int,
                                       int));

#endif
