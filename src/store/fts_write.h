/*
** fts_write.h — the search index written without FTS5's per-row insert
** (fts_write.c): for a bulk import, the rows to index are tokenized with
** the gk tokenizer, their (term, rowid, column, position) entries sorted
** (not hashed) and written as one new level-0 segment per table in
** FTS5's own format, with the rows' %_docsize entries, the averages and
** the structure record, inside the caller's transaction.  FTS5 reads and
** merges that segment as one of its own; after the write FTS5 is asked to
** do the merge work its automerge would have done for as many leaves.
**
** Only the two tables of the portal's layout (docs/search.md: search_fts,
** tokenize='gk' detail=full; search_chr, tokenize='gk chars'
** detail=none; five columns, no prefix index, columnsize on) as SQLite
** 3.40.1 writes them (%_config version 4, the legacy structure record,
** known configuration keys only).  Anything else is FTS_WRITE_UNKNOWN
** before anything is written, and the caller indexes through FTS5.
*/
#ifndef GK_FTS_WRITE_H
#define GK_FTS_WRITE_H

#include <stdint.h>

#include <sqlite3.h>

#include "store/fts_prep.h"

enum {
  FTS_WRITE_OK = 0,      /* indexed */
  FTS_WRITE_UNKNOWN = -1 /* nothing written: index through FTS5 */
};

/* Indexes in search_fts and search_chr of db the rows of zRows: a
** statement without parameters giving (rowid, document id) in ascending
** rowid order, rowids that have no entries in either table (new rows, or
** rows whose old entries were deleted through FTS5 before this call).  A
** row's entries are those prepared for its document in pPend (taken from
** it; the caller vouches that they are of the row's current text), else
** prepared here from zText: a statement with ?1 = rowid giving (body,
** title, doc_number, keywords, attachment_text).  Must run inside a
** transaction on db (the caller's: it commits or rolls back).  Returns
** FTS_WRITE_OK, FTS_WRITE_UNKNOWN (nothing changed: a table this writer
** does not know, a token longer than 8 bytes, rowids not ascending), or
** an SQLite error code (> 0; what was written is rolled back to the
** call's start).  *pnRows, when not NULL, receives the rows indexed. */
int fts_write_rows(sqlite3 *db, const char *zRows, const char *zText,
                   FtsPending *pPend, int *pnRows);

/* Test hook: when set, the writer skips the merge work after its write
** (to compare the segments it writes with FTS5's own). 0 normally. */
extern int fts_write_no_merge;
/* Calls of fts_write_rows() that wrote rows (tests check that the writer was
** used, not FTS5's insert after it declined). */
extern int64_t fts_write_batches;
/* Rows whose entries were taken prepared (fts_prep.h), not read and
** tokenized by the writer (tests check that the prepared ones are used). */
extern int64_t fts_write_prepared;

#endif
