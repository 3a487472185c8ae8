/*
** store_int.h — private to src/store/: the Store struct and the statement
** helpers every sqlite_*.c file uses.  Nothing outside src/store/ includes it.
*/
#ifndef GK_STORE_INT_H
#define GK_STORE_INT_H

#include <sqlite3.h>
#include <stdint.h>

#include "lib/arena.h"
#include "store/store.h"

#define STMT_CACHE 1024  /* more than the statements gongkai prepares */

struct Store {
  sqlite3 *db;        /* the connection */
  char *zErr;         /* last error message (heap) or NULL */
  int nTx;            /* transaction nesting depth */
  int bTxFailed;      /* a nested level rolled back */
  int bSearchDefer;   /* search index rows wait for store_search_flush() */
  int64_t dbNs;       /* time in SQL statements, summed (store_db_ns) */
  struct {
    const char *zSql; /* cache key: the SQL text's address (a literal) */
    sqlite3_stmt *st;
  } aStmt[STMT_CACHE];
  int nStmt;
};

/* A prepared statement for the SQL literal zSql, cached per connection and
** reset; NULL with the error set on failure.  Call stmt_done() after use. */
sqlite3_stmt *stmt(Store *s, const char *zSql);
void stmt_done(sqlite3_stmt *st);

/* z, or "" when z is NULL (for NOT NULL DEFAULT '' text columns). */
static inline const char *nz(const char *z) { return z ? z : ""; }

/* Binding helpers (1-based index as in SQLite).  NULL text binds NULL. */
void bind_text(sqlite3_stmt *st, int i, const char *z);
void bind_int(sqlite3_stmt *st, int i, int64_t v);
void bind_id(sqlite3_stmt *st, int i, int64_t v);  /* 0 binds NULL */

/* Column helpers: text copied into the arena ("" for NULL). */
const char *col_text(Arena *a, sqlite3_stmt *st, int i);
int64_t col_int(sqlite3_stmt *st, int i);

/* Sets s->zErr from a printf-style message and returns rc. */
int store_fail(Store *s, int rc, const char *zFmt, ...);
/* Maps the SQLite result rc after a failed step to a STORE_* code with a
** message; zWhat names the operation ("保存单位"). */
int store_sqlite_err(Store *s, int rc, const char *zWhat);
/* Runs a statement to completion (no rows expected). */
int stmt_exec(Store *s, sqlite3_stmt *st, const char *zWhat);
/* ISO 8601 UTC timestamp "2026-11-23T02:06:43Z" for now, into z[21]. */
void store_now_iso(char z[21]);

#endif
