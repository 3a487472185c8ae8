/*
** store_pg.h — private to src/store/: the PostgreSQL driver of the
** statement layer (store_pg.c) and the two pure helpers it is built on,
** exposed for the unit tests (tests/unit/test_store_pg.c).
*/
#ifndef GK_STORE_PG_H
#define GK_STORE_PG_H

#include "store/db.h"

/* The driver (db.c picks it for a PostgreSQL target, store_kind()). */
extern const DbDriver dbPostgres;

/* zSql with every ?N outside quotes and comments written $N, as a heap
** string the caller frees; *pnParam (when not NULL) gets the largest N. */
char *pg_rewrite_params(const char *zSql, int *pnParam);

/* How a failure with this SQLSTATE counts (23505 → DB_ERR_UNIQUE …);
** DB_ERR_OTHER for NULL or an unlisted state. */
DbErr pg_classify_sqlstate(const char *zState);

/* store_backup() on a PostgreSQL store (pg_admin.c): pg_dump in custom
** format into a new file zTo (0600, written under a temporary name, checked
** with pg_restore --list, then linked into place; zTo must not exist). */
int store_pg_backup(Store *s, const char *zTo);

#endif
