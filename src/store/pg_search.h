/*
** pg_search.h — the PostgreSQL implementation of store_search.h,
** store_admin.h's index upkeep and store_doc_lookup (pg_search.c), private
** to src/store/: the entry points in sqlite_search.c and
** sqlite_doc_lookup.c call these when db_dialect(s) is DB_POSTGRES.  The
** contracts are those of the public functions of the same names.
*/
#ifndef GK_STORE_PG_SEARCH_H
#define GK_STORE_PG_SEARCH_H

#include <stdint.h>

#include "store/store_documents.h"
#include "store/store_search.h"

int pg_search_defer(Store *s, int bOn);
int pg_search_flush(Store *s);
int pg_search_sync(Store *s, int64_t docId);
int pg_search_rebuild(Store *s);
/* Indexes every search_doc row again (search_pg), keys unchanged, in the
** caller's transaction: after `gongkai db copy` filled search_doc. */
int pg_search_index_all(Store *s);
int pg_search_attachment_text(Store *s, Arena *a, int64_t docId,
                              const char **pz);
int pg_search(Store *s, Arena *a, const SearchQuery *q, int64_t **paDocId,
              int *pn, int *pnTotal);
int pg_search_displaced(Store *s, int64_t *pn);
int pg_search_years(Store *s, Arena *a, int64_t orgId, int bSubtree,
                    int **paYear, int **paCount, int *pn);
int pg_doc_lookup(Store *s, Arena *a, const char *zQ, int64_t orgId,
                  int bSubtree, int64_t excludeId, int limit, DocRef **paRef,
                  int *pn);

#endif
