/*
** store_copy.h — copying a whole installation from one database to another
** (`gongkai db copy`, issue 16): an existing SQLite installation moved to
** an empty PostgreSQL database.  For commands only (tools/check_layers.sh).
** Conventions of store.h.
*/
#ifndef GK_STORE_COPY_H
#define GK_STORE_COPY_H

#include <stdint.h>

#include "lib/arena.h"
#include "store/store.h"

/* One copied table and its row counts, read after the copy committed. */
typedef struct StoreCopyTable {
  const char *zName;
  int64_t nFrom;   /* rows in the source */
  int64_t nTo;     /* rows in the target */
} StoreCopyTable;

/* Copies every table of the target's schema (its migrations already
** applied; pTo a PostgreSQL connection) from pFrom, in foreign-key order,
** in one transaction on pTo: the rows the migrations seeded are replaced by
** the source's, the identity sequences are set past the highest id, the
** bookkeeping tables (migrations, content generation, job leases) are left
** alone.  The source is read in one transaction of its own (the copy and
** the counts see one state of it).  Then reads both sides' row counts into *paT / *pn (in the arena).
** STORE_OK, or the failure with its message on pTo (or pFrom when reading
** failed); nothing of the copy is left on failure. */
int store_copy_all(Store *pFrom, Store *pTo, Arena *a, StoreCopyTable **paT, int *pn);

#endif
