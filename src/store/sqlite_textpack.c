/*
** sqlite_textpack.c — the SQL functions over packed texts (lib/textpack)
** that every SQLite connection of the store has (registered by
** fts_register_all(), migration 0104):
**
**   gk_text(x)  the plain text of a stored value: a packed text (a BLOB)
**               unpacked, anything else (TEXT, NULL) as it is.  A BLOB
**               that is not a sound packed text is an SQL error ("stored
**               text is corrupt: …"), so the statement fails, the store
**               returns its error, nothing crashes.
**   gk_pack(x)  the value to store for text x: the packed BLOB when that
**               is worth it (textpack.h), else x as it is.
**
** On PostgreSQL both are the identity (schema/pg/0104, TOAST compresses
** there), so the store's shared SQL writes gk_pack(?N) and reads
** gk_text(col) on either backend (docs/store.md).
*/
#include <sqlite3.h>
#include <stdlib.h>

#include "lib/textpack.h"
#include "store/sqlite_textpack.h"

static void fn_text(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  (void)argc;
  sqlite3_value *v = argv[0];
  if (sqlite3_value_type(v) != SQLITE_BLOB) {
    sqlite3_result_value(ctx, v);
    return;
  }
  const void *p = sqlite3_value_blob(v);
  size_t n = (size_t)sqlite3_value_bytes(v);
  char *z;
  size_t m;
  const char *zWhy;
  if (textpack_unpack(p, n, &z, &m, &zWhy)) {
    char *zErr = sqlite3_mprintf("stored text is corrupt: %s", zWhy);
    sqlite3_result_error(ctx, zErr ? zErr : "stored text is corrupt", -1);
    sqlite3_free(zErr);
    return;
  }
  sqlite3_result_text64(ctx, z, m, free, SQLITE_UTF8);
}

static void fn_pack(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  (void)argc;
  sqlite3_value *v = argv[0];
  unsigned char *p;
  size_t n;
  if (sqlite3_value_type(v) == SQLITE_TEXT &&
      textpack_pack((const char *)sqlite3_value_text(v),
                    (size_t)sqlite3_value_bytes(v), &p, &n)) {
    sqlite3_result_blob64(ctx, p, n, free);
    return;
  }
  sqlite3_result_value(ctx, v);
}

int sqlite_textpack_register(sqlite3 *db) {
  int f = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
  int rc = sqlite3_create_function(db, "gk_text", 1, f, NULL, fn_text, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_create_function(db, "gk_pack", 1, f, NULL, fn_pack, NULL, NULL);
  return rc;
}
