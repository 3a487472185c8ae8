/* sqlite_checkpoint.c — the checkpointer thread of a bulk write (contract
** in sqlite_checkpoint.h and store_admin.h).
**
** SQLite's automatic checkpoint runs on the committing thread: after each
** commit that leaves 1,000 frames or more in the WAL it copies them into
** the database (and syncs it) before the commit returns, so a bulk import
** stores nothing meanwhile.  Here the committing connection's WAL hook only
** signals; a thread of its own, on a connection of its own, runs a PASSIVE
** checkpoint (never waits for the writer, never blocks it: the writer
** appends to the WAL while pages are copied; the WAL starts again from its
** beginning at the first commit after a checkpoint that caught up).  What
** the database holds is the same: a checkpoint only copies pages. */
#include "store/sqlite_checkpoint.h"

#include <pthread.h>
#include <sqlite3.h>
#include <stdlib.h>

#define CHECKPOINT_FRAMES 1000 /* SQLite's automatic checkpoint threshold */

struct Checkpointer {
  sqlite3 *db;          /* the thread's connection */
  pthread_t th;
  pthread_mutex_t mu;
  pthread_cond_t cv;
  int bPending;         /* under mu: a commit asked for a checkpoint */
  int bStop;            /* under mu: checkpointer_stop() was called */
};

/* The writer's WAL hook, on the committing thread after each commit. */
static int on_commit(void *pArg, sqlite3 *db, const char *zDb, int nFrame) {
  (void)db;
  (void)zDb;
  Checkpointer *c = pArg;
  if (nFrame >= CHECKPOINT_FRAMES) {
    pthread_mutex_lock(&c->mu);
    c->bPending = 1;
    pthread_cond_signal(&c->cv);
    pthread_mutex_unlock(&c->mu);
  }
  return SQLITE_OK;
}

static void *checkpointer_main(void *pArg) {
  Checkpointer *c = pArg;
  pthread_mutex_lock(&c->mu);
  for (;;) {
    while (!c->bPending && !c->bStop) pthread_cond_wait(&c->cv, &c->mu);
    if (c->bStop) break;
    c->bPending = 0;
    pthread_mutex_unlock(&c->mu);
    /* SQLITE_BUSY (another checkpoint runs) is no error here: the next
    ** commit asks again, and closing the last connection checkpoints. */
    sqlite3_wal_checkpoint_v2(c->db, "main", SQLITE_CHECKPOINT_PASSIVE, NULL,
                              NULL);
    pthread_mutex_lock(&c->mu);
  }
  pthread_mutex_unlock(&c->mu);
  return NULL;
}

Checkpointer *checkpointer_start(sqlite3 *db) {
  const char *zPath = sqlite3_db_filename(db, "main");
  if (!zPath || !zPath[0]) return NULL;
  Checkpointer *c = calloc(1, sizeof *c);
  if (!c) return NULL;
  if (sqlite3_open_v2(zPath, &c->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX,
                      NULL) != SQLITE_OK) {
    sqlite3_close(c->db);
    free(c);
    return NULL;
  }
  sqlite3_busy_timeout(c->db, 5000);
  pthread_mutex_init(&c->mu, NULL);
  pthread_cond_init(&c->cv, NULL);
  if (pthread_create(&c->th, NULL, checkpointer_main, c)) {
    pthread_cond_destroy(&c->cv);
    pthread_mutex_destroy(&c->mu);
    sqlite3_close(c->db);
    free(c);
    return NULL;
  }
  sqlite3_wal_hook(db, on_commit, c);  /* replaces the automatic one */
  return c;
}

void checkpointer_stop(Checkpointer *c, sqlite3 *db) {
  if (!c) return;
  sqlite3_wal_autocheckpoint(db, CHECKPOINT_FRAMES);  /* SQLite's own hook */
  pthread_mutex_lock(&c->mu);
  c->bStop = 1;
  pthread_cond_signal(&c->cv);
  pthread_mutex_unlock(&c->mu);
  pthread_join(c->th, NULL);
  pthread_cond_destroy(&c->cv);
  pthread_mutex_destroy(&c->mu);
  sqlite3_close(c->db);
  free(c);
}
