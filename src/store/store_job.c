/*
** store_job.c — job leases (store.h store_try_job, migration 0081): work
** that N server processes on one database would each start (a lazy
** recalculation, a periodic clean-up) is done by the one that takes the
** lease; the others are refused until it is given back or lapses.
**
** The same SQL on both databases: an upsert that replaces the row only
** where the old lease has lapsed.  On SQLite it runs in a BEGIN IMMEDIATE
** transaction (the single write lock); on PostgreSQL ON CONFLICT … DO
** UPDATE … WHERE locks the conflicting row, so of two concurrent takers
** one waits for the other's commit and then sees its lease as not lapsed.
** A lease row, not a session advisory lock, because it has an expiry: a
** process that dies holding it blocks the job only until expires_at, and
** a lease outlives the connection (a pooled connection per thread).
*/
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "store/store_int.h"

/* Who holds a lease: host, process and connection (one Store per thread),
** so two connections of one process are different holders. */
static void holder_name(Store *s, char z[160]) {
  char zHost[64] = "";
  if (gethostname(zHost, sizeof zHost - 1)) strcpy(zHost, "?");
  zHost[sizeof zHost - 1] = 0;
  snprintf(z, 160, "%s:%ld:%p", zHost, (long)getpid(), (void *)s);
}

int store_try_job(Store *s, StoreJob job, int64_t now, int ttl) {
  char zHolder[160];
  holder_name(s, zHolder);
  if (store_begin(s) != STORE_OK) return STORE_BUSY;
  Stmt *st = stmt(s,
      "INSERT INTO job_lease(job,holder,taken_at,expires_at) VALUES(?1,?2,?3,?4)"
      " ON CONFLICT(job) DO UPDATE SET holder=excluded.holder,"
      " taken_at=excluded.taken_at, expires_at=excluded.expires_at"
      " WHERE job_lease.expires_at<=?3");
  bind_int(st, 1, (int64_t)job);
  bind_text(st, 2, zHolder);
  bind_int(st, 3, now);
  bind_int(st, 4, now + (ttl > 0 ? ttl : 1));
  int rc = st ? stmt_exec(s, st, "领取后台任务") : STORE_ERROR;
  int bGot = rc == STORE_OK && stmt_changes(s) == 1;
  if (rc != STORE_OK) {
    store_rollback(s);
    return rc;
  }
  rc = store_commit(s);
  return rc != STORE_OK ? rc : bGot;
}

int store_job_done(Store *s, StoreJob job, int64_t nextAt) {
  char zHolder[160];
  holder_name(s, zHolder);
  Stmt *st = stmt(s, "UPDATE job_lease SET expires_at=?3 WHERE job=?1 AND holder=?2");
  bind_int(st, 1, (int64_t)job);
  bind_text(st, 2, zHolder);
  bind_int(st, 3, nextAt);
  return stmt_exec(s, st, "交还后台任务");
}
