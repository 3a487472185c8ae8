/*
** fts_register.c — registers every custom SQLite function and FTS5
** tokenizer gongkai needs on a new connection.  Called by store_open().
*/
#include <sqlite3.h>

#include "store/fts_cjk.h"

int fts_register_all(sqlite3 *db);

int fts_register_all(sqlite3 *db) { return fts_cjk_register(db); }
