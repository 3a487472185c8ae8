/*
** sqlite_checkpoint.h — private to the SQLite driver: the checkpointer
** thread of a bulk write (store_bulk_checkpointer, store_admin.h).
*/
#ifndef GK_SQLITE_CHECKPOINT_H
#define GK_SQLITE_CHECKPOINT_H

struct sqlite3;
typedef struct Checkpointer Checkpointer;

/* Starts a thread with its own connection to db's main database that
** copies the WAL into the database whenever a commit on db leaves
** CHECKPOINT_FRAMES frames or more, and turns db's automatic checkpoint
** off.  NULL (and nothing changed) when the thread or the connection
** cannot start. */
Checkpointer *checkpointer_start(struct sqlite3 *db);

/* Stops and joins the thread, closes its connection and gives db back
** SQLite's automatic checkpoint.  c may be NULL. */
void checkpointer_stop(Checkpointer *c, struct sqlite3 *db);

#endif
