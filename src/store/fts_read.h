/*
** fts_read.h — the exact count of a search read from FTS5's own segments
** (fts_read.c), without FTS5's query engine: for the unfiltered counts of
** sqlite_search.c (a MATCH on the bigram table search_fts, optionally
** ANDed with one-character terms of the character table search_chr, and
** optionally a rowid range), the doclists of the query's tokens are read
** from the %_data leaves of every segment, merged (the newest segment
** wins, delete markers honoured), intersected, and each phrase's
** positions aligned, stopping at the first instance in a document.
**
** Whatever it does not understand (a structure record or data version it
** was not written for, a MATCH form other than quoted strings joined by
** AND, a prefix term, a connection inside a transaction, where FTS5 may
** hold pending terms in memory, anything inconsistent in the pages) it
** reports as FTS_READ_UNKNOWN, and the caller counts with FTS5.
*/
#ifndef GK_FTS_READ_H
#define GK_FTS_READ_H

#include <stddef.h>
#include <stdint.h>

#include <sqlite3.h>

enum {
  FTS_READ_OK = 0,      /* *pn is the count */
  FTS_READ_UNKNOWN = -1 /* not answered: count with FTS5 */
};

/* A count to make: the MATCH expressions as fts_cjk_query_split() builds
** them (zMatch for the bigram table, zChars for the character table;
** either may be NULL, not both), an inclusive rowid range when bRange,
** and nStop: stop counting there (a capped count; -1: count all). */
typedef struct FtsReadQuery {
  const char *zMatch;
  const char *zChars;
  int bRange;
  int64_t lo, hi;
  int64_t nStop;
} FtsReadQuery;

/* Counts the rows of search_fts/search_chr in db matching *q, at most
** q->nStop when that is >= 0, into *pn, reading every page in one read
** transaction of its own (db must be outside any transaction: otherwise
** FTS_READ_UNKNOWN).  Returns FTS_READ_OK, FTS_READ_UNKNOWN, or an SQLite
** error code of a failed read (> 0).  The doclists read are held until
** it returns; the calling thread keeps that buffer (up to 16 MB) for its
** next count, freed when the thread ends.  An exact count (nStop < 0)
** whose doclists hold fts_read_split_min bytes or more is counted by two
** threads, the calling one and one started for the count, each over one
** half of the rowids (about equal bytes of doclists), sharing the
** doclists read-only; the counts are added. */
int fts_read_count(sqlite3 *db, const FtsReadQuery *q, int64_t *pn);

/* Test hook: when set, delete markers are ignored (a deliberately wrong
** reader, to show that the differential tests notice).  0 normally. */
extern int fts_read_break_deletes;

/* The doclist bytes from which an exact count is split over two threads
** (1 MB; tests set 0 to split every count). */
extern size_t fts_read_split_min;

/* Test hooks: the rowid to split at instead of the one that halves the
** bytes (0: that one; a split is made only inside the query's range);
** when fts_read_break_split is set, the upper half starts one rowid too
** late (a deliberately wrong split).  fts_read_splits counts the split
** counts made (atomically). */
extern int64_t fts_read_split_at;
extern int fts_read_break_split;
extern int64_t fts_read_splits;

#endif
