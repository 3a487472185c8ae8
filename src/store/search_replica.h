/*
** search_replica.h — private to src/store/: the FTS5 search replica of a
** PostgreSQL store (search_replica.c) and what it uses of the SQLite search
** implementation (sqlite_search.c).  docs/search.md, "PostgreSQL: the FTS5
** replica".
*/
#ifndef GK_STORE_SEARCH_REPLICA_H
#define GK_STORE_SEARCH_REPLICA_H

#include <stdint.h>

#include "store/store_int.h"
#include "store/store_search.h"

/* search_replica_search()'s answer when the replica is not used (not
** configured, inside a transaction, or failed: logged); the caller then
** runs pg_search(). */
#define SEARCH_REPLICA_UNUSED 1

/* store_search() on PostgreSQL store s through its replica, brought up to
** date with search_log first: STORE_OK, STORE_INVALID for a query it
** refuses (message on s), or SEARCH_REPLICA_UNUSED. */
int search_replica_search(Store *s, Arena *a, const SearchQuery *q,
                          int64_t **paDocId, int *pn, int *pnTotal);

/* sqlite_search.c.  lite_search: store_search() on the SQLite index of
** sIdx, with the settings and the messages of query errors on sMain. */
int lite_search(Store *sIdx, Store *sMain, Arena *a, const SearchQuery *q,
                int64_t **paDocId, int *pn, int *pnTotal);
/* Indexes every search_doc row with indexed = 0 in both FTS5 tables. */
int lite_search_index_pending(Store *r);
/* Empties both FTS5 tables, search_stale and search_doc. */
int lite_search_clear(Store *r);

#endif
