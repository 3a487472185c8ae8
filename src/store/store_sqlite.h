/*
** store_sqlite.h — private to src/store/: what the SQLite-only parts of the
** store (the FTS5 search index, sqlite_search.c; the benchmark tables,
** sqlite_bench.c; the tokenizer glue, fts_register.c) use beyond the
** statement layer: the SQLite API itself and a statement's SQLite handle.
** A domain file (store_<area>.c) never includes it.
*/
#ifndef GK_STORE_SQLITE_H
#define GK_STORE_SQLITE_H

#include <sqlite3.h>

#include "store/store_int.h"

/* The SQLite statement behind st (NULL for NULL); valid while st is. */
sqlite3_stmt *stmt_lite(Stmt *st);

/* The cached statement for the SQL literal zSql as a SQLite statement
** (stmt() of db.h), and its reset. */
static inline sqlite3_stmt *lite_stmt(Store *s, const char *zSql) {
  return stmt_lite(stmt(s, zSql));
}
static inline void lite_done(sqlite3_stmt *st) {
  if (!st) return;
  sqlite3_reset(st);
  sqlite3_clear_bindings(st);
}

/* bind_* and col_* of db.h on a SQLite statement. */
static inline void lite_bind_text(sqlite3_stmt *st, int i, const char *z) {
  if (z) sqlite3_bind_text(st, i, z, -1, SQLITE_TRANSIENT);
  else sqlite3_bind_null(st, i);
}
static inline void lite_bind_int(sqlite3_stmt *st, int i, int64_t v) {
  sqlite3_bind_int64(st, i, v);
}
static inline void lite_bind_id(sqlite3_stmt *st, int i, int64_t v) {
  if (v) sqlite3_bind_int64(st, i, v);
  else sqlite3_bind_null(st, i);
}
static inline const char *lite_col_text(Arena *a, sqlite3_stmt *st, int i) {
  const unsigned char *z = sqlite3_column_text(st, i);
  int n = sqlite3_column_bytes(st, i);
  return z ? arena_strndup(a, (const char *)z, (size_t)n) : "";
}
static inline int64_t lite_col_int(sqlite3_stmt *st, int i) {
  return sqlite3_column_int64(st, i);
}

/* Classifies a failed SQLite call's result rc on s (db_err) and sets the
** message "<zWhat>失败：…"; returns the STORE_* code. */
int store_sqlite_err(Store *s, int rc, const char *zWhat);
/* Runs a SQLite statement to completion (then reset), like stmt_exec. */
int lite_exec(Store *s, sqlite3_stmt *st, const char *zWhat);

#endif
