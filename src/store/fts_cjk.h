/*
** fts_cjk.h — full-text search for Chinese government documents: the FTS5
** tokenizer "gk", the translation of what a user typed into an FTS5 MATCH
** expression, and the folding and highlighting that share its definition.
**
** The contract ("exact by construction"): a document matches a single-term
** query iff the folded term is a substring of the folded text of one of its
** indexed columns.  Folding is fts_cjk_fold(): utf8_fold() on every code
** point, every run of white space collapsed to one ' ', leading and trailing
** space dropped.  Several terms are ANDed.  A quoted phrase is one term that
** may contain spaces; it matches across a run boundary only where the text
** has white space at the same place.
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

/* Status codes returned by the functions below. */
enum {
  FTS_CJK_OK = 0,         /* success */
  FTS_CJK_EEMPTY = -1,    /* the query holds no term */
  FTS_CJK_ETOOMANY = -2,  /* more than FTS_CJK_MAX_TERMS terms */
  FTS_CJK_ETOOLONG = -3,  /* a term longer than FTS_CJK_MAX_CHARS */
  FTS_CJK_ESQLITE = -4    /* SQLite refused (fts_cjk_register only) */
};

#define FTS_CJK_MAX_TERMS 16   /* terms per query (bounds query cost) */
#define FTS_CJK_MAX_CHARS 100  /* code points per folded term */

/* Registers the tokenizer "gk" and the ranking function gk_rank(table,
** w0, w1, ...) (BM25 per column without IDF; see fts_cjk.c) with the FTS5
** module of db.  Must be called on
** every connection before a table using tokenize='gk' is read or written.
** Returns FTS_CJK_OK, or FTS_CJK_ESQLITE when db has no FTS5 or registration
** fails (the message is then available from sqlite3_errmsg(db) if SQLite set
** one).  Allocates nothing that outlives db. */
int fts_cjk_register(sqlite3 *db);

/* Appends to pOut the folded form of the NUL-terminated UTF-8 string z (see
** the contract above).  Invalid bytes fold to U+FFFD.  Never fails; pOut may
** already hold data (the result is appended). */
void fts_cjk_fold(const char *z, Buf *pOut);

/* Splits a user query into its terms, each folded.  Rules: white space
** separates terms; a '"' at the start of a term opens a phrase that runs to
** the next '"' (its inner white space is kept, collapsed to one space); a '"'
** with no closing partner, or inside a word, is an ordinary character.  No
** other character is special: * - ^ : ( ) AND OR NOT NEAR are searched for
** literally.  Empty phrases ("") are ignored.
** On success returns FTS_CJK_OK and stores a new array of *pnTerm (>= 1)
** heap strings in *pazTerm; free it with fts_cjk_terms_free().  On error
** returns FTS_CJK_EEMPTY / ETOOMANY / ETOOLONG, stores NULL and 0, and, when
** pzErr is not NULL, a heap message the caller frees with free(). */
int fts_cjk_terms(const char *zUserQuery, char ***pazTerm, int *pnTerm,
                  char **pzErr);

/* Frees an array from fts_cjk_terms().  NULL is a no-op. */
void fts_cjk_terms_free(char **azTerm, int nTerm);

/* Appends to pMatchExpr an FTS5 MATCH expression for zUserQuery (terms as in
** fts_cjk_terms(), ANDed) whose result over a tokenize='gk' table is exactly
** the substring rule above.  Every term is emitted as a quoted FTS5 string,
** so nothing the user types is read as FTS5 syntax.
** Returns FTS_CJK_OK, or an error code as fts_cjk_terms() (then pMatchExpr is
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

/* Appends to pOut an HTML excerpt of about nChars code points of zText around
** the first match (in folded text, as above) of any term of zUserQuery, with
** every match inside the excerpt wrapped in <mark>...</mark>.  The excerpt
** shows the original characters (white space runs as one space), HTML-escaped
** by buf_html(); "…" marks a cut.  Returns 1 when a match was found, 0 when
** not (the excerpt is then the start of the text without marks; a query
** error counts as no match).  nChars < 10 is treated as 10.  zText NULL is
** treated as "". */
int fts_cjk_snippet(const char *zText, const char *zUserQuery, Buf *pOut,
                    int nChars);

#endif
