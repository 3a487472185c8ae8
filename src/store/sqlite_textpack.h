/* sqlite_textpack.h — registers gk_text() and gk_pack() on a SQLite
** connection (sqlite_textpack.c; store_open() does it on every connection
** of the store, fts_register.c).  SQLITE_OK or an SQLite error code. */
#ifndef GK_SQLITE_TEXTPACK_H
#define GK_SQLITE_TEXTPACK_H

#include <sqlite3.h>

int sqlite_textpack_register(sqlite3 *db);

#endif
