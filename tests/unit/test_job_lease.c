/*
** test_job_lease.c — job leases (store_try_job / store_job_done, migration
** 0081, issue 16): two connections to one database stand for two server
** processes; while one holds a job's lease the other is refused, it gets
** the lease once the first gives it back or the lease lapses, and a lapsed
** holder cannot give back the lease another has taken.  Runs on
** PostgreSQL too under make check-pg (storefix.h).
*/
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "storefix.h"

typedef struct Two {
  char zPath[64];
  Store *a, *b;
} Two;

static int two_open(Two *t) {
  memcpy(t->zPath, "/tmp/gk-unit-job-XXXXXX", 24);
  t->a = temp_store(t->zPath);
  t->b = NULL;
  char *zErr = NULL;
  if (t->a && fix_store_open(t->zPath, 0, &t->b, &zErr) != STORE_OK) {
    fprintf(stderr, "  second connection: %s\n", zErr ? zErr : "?");
    t->b = NULL;
  }
  free(zErr);
  CHECK(t->a && t->b);
  return t->a && t->b;
}

static void two_close(Two *t) {
  store_close(t->b);
  store_close(t->a);
  unlink(t->zPath);
}

TEST(job_lease_second_holder_refused_until_expiry) {
  Two t;
  if (!two_open(&t)) return;
  const int64_t t0 = 1796000000;
  /* A takes the lease for 60 s. */
  CHECK_INT(store_try_job(t.a, JOB_CALENDAR_RECALC, t0, 60), 1);
  /* B is refused while it holds: at once, and one second before it lapses. */
  CHECK_INT(store_try_job(t.b, JOB_CALENDAR_RECALC, t0, 60), 0);
  CHECK_INT(store_try_job(t.b, JOB_CALENDAR_RECALC, t0 + 59, 60), 0);
  /* A asking again is refused too (not re-entrant). */
  CHECK_INT(store_try_job(t.a, JOB_CALENDAR_RECALC, t0 + 1, 60), 0);
  /* At t0+60 the lease has lapsed (A died): B takes it over until t0+120. */
  CHECK_INT(store_try_job(t.b, JOB_CALENDAR_RECALC, t0 + 60, 60), 1);
  /* A, come back late, cannot give back B's lease… */
  CHECK_INT(store_job_done(t.a, JOB_CALENDAR_RECALC, t0 + 61), STORE_OK);
  CHECK_INT(store_try_job(t.a, JOB_CALENDAR_RECALC, t0 + 61, 60), 0);
  /* …B can: from t0+62 on anyone may take it again. */
  CHECK_INT(store_job_done(t.b, JOB_CALENDAR_RECALC, t0 + 62), STORE_OK);
  CHECK_INT(store_try_job(t.a, JOB_CALENDAR_RECALC, t0 + 61, 60), 0);
  CHECK_INT(store_try_job(t.a, JOB_CALENDAR_RECALC, t0 + 62, 60), 1);
  two_close(&t);
}

TEST(job_lease_done_with_a_later_time_spaces_a_periodic_job) {
  Two t;
  if (!two_open(&t)) return;
  const int64_t t0 = 1796000000;
  CHECK_INT(store_try_job(t.a, JOB_CALENDAR_RECALC, t0, 60), 1);
  /* Done after 5 s, next run due a day later: nobody runs it before. */
  CHECK_INT(store_job_done(t.a, JOB_CALENDAR_RECALC, t0 + 86400), STORE_OK);
  CHECK_INT(store_try_job(t.b, JOB_CALENDAR_RECALC, t0 + 3600, 60), 0);
  CHECK_INT(store_try_job(t.b, JOB_CALENDAR_RECALC, t0 + 86400, 60), 1);
  two_close(&t);
}
