/*
** textmatch.h — the text side of full-text search for Chinese government
** documents, without any database: folding, query terms, excerpts.  The
** search index (src/store/fts_cjk.c, SQLite FTS5) is built on this
** definition, and the pages use the excerpts.
**
** The contract ("exact by construction"): a document matches a single-term
** query iff the folded term is a substring of the folded text of one of its
** indexed columns.  Folding is textmatch_fold(): utf8_fold() on every code
** point, every run of white space collapsed to one ' ', leading and trailing
** space dropped.  Several terms are ANDed.  A quoted phrase is one term that
** may contain spaces; it matches across a run boundary only where the text
** has white space at the same place.
**
*/
#ifndef GK_TEXTMATCH_H
#define GK_TEXTMATCH_H

#include "lib/buf.h"

/* Status codes returned by the functions below. */
enum {
  TEXTMATCH_OK = 0,         /* success */
  TEXTMATCH_EEMPTY = -1,    /* the query holds no term */
  TEXTMATCH_ETOOMANY = -2,  /* more than TEXTMATCH_MAX_TERMS terms */
  TEXTMATCH_ETOOLONG = -3   /* a term longer than TEXTMATCH_MAX_CHARS */
};

#define TEXTMATCH_MAX_TERMS 16   /* terms per query (bounds query cost) */
#define TEXTMATCH_MAX_CHARS 100  /* code points per folded term */

/* Appends to pOut the folded form of the NUL-terminated UTF-8 string z (see
** the contract above).  Invalid bytes fold to U+FFFD.  Never fails; pOut may
** already hold data (the result is appended). */
void textmatch_fold(const char *z, Buf *pOut);

/* Splits a user query into its terms, each folded.  Rules: white space
** separates terms; a '"' at the start of a term opens a phrase that runs to
** the next '"' (its inner white space is kept, collapsed to one space); a '"'
** with no closing partner, or inside a word, is an ordinary character.  No
** other character is special: * - ^ : ( ) AND OR NOT NEAR are searched for
** literally.  Empty phrases ("") are ignored.
** On success returns TEXTMATCH_OK and stores a new array of *pnTerm (>= 1)
** heap strings in *pazTerm; free it with textmatch_terms_free().  On error
** returns TEXTMATCH_EEMPTY / ETOOMANY / ETOOLONG, stores NULL and 0, and, when
** pzErr is not NULL, a heap message the caller frees with free(). */
int textmatch_terms(const char *zUserQuery, char ***pazTerm, int *pnTerm,
                  char **pzErr);

/* Frees an array from textmatch_terms().  NULL is a no-op. */
void textmatch_terms_free(char **azTerm, int nTerm);

/* Appends to pOut an HTML excerpt of about nChars code points of zText around
** the first match (in folded text, as above) of any term of zUserQuery, with
** every match inside the excerpt wrapped in <mark>...</mark>.  The excerpt
** shows the original characters (white space runs as one space), HTML-escaped
** by buf_html(); "…" marks a cut.  Returns 1 when a match was found, 0 when
** not (the excerpt is then the start of the text without marks; a query
** error counts as no match).  nChars < 10 is treated as 10.  zText NULL is
** treated as "". */
int textmatch_snippet(const char *zText, const char *zUserQuery, Buf *pOut,
                    int nChars);

#endif
