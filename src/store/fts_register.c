/*
** fts_register.c — registers every custom SQLite function and FTS5
** tokenizer gongkai needs on a new connection: the gk tokenizer
** (fts_cjk.c) and gk_text / gk_pack over packed texts (sqlite_textpack.c).
** Called by store_open().
*/
#include <sqlite3.h>

#include "store/fts_cjk.h"
#include "store/sqlite_textpack.h"

int fts_register_all(sqlite3 *db);

int fts_register_all(sqlite3 *db) {
  int rc = fts_cjk_register(db);
  return rc == SQLITE_OK ? sqlite_textpack_register(db) : rc;
}
