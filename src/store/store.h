/*
** store.h — the persistence interface.  It speaks the domain (organisation,
** user, session …); only src/store/ knows SQL.  The store_<area>.c files
** implement it once over the statement layer (db.h); a driver per database
** stands behind that layer (store_sqlite.c; PostgreSQL).  SQLite-only
** administration (backup, integrity check, bulk mode, benchmark tables)
** is in store_admin.h.
**
** Conventions for every function here:
**  - Return STORE_OK (0) or a negative STORE_* code; on failure the message
**    (Chinese when it is meant for users, e.g. a uniqueness conflict) is
**    available from store_errmsg() until the next call.
**  - Strings in returned records are allocated in the caller's Arena and
**    live until that arena is freed.
**  - A Store is one connection and is used by one thread at a time.
**  - Writes are not implicitly transactional across calls: a change that
**    touches several rows runs between store_begin() and store_commit(),
**    and store_rollback() undoes it on any error.
*/
#ifndef GK_STORE_H
#define GK_STORE_H

#include <stdint.h>

#include "core/calendar.h"
#include "core/model.h"
#include "core/settings.h"
#include "lib/arena.h"

typedef struct Store Store;

enum {
  STORE_OK = 0,
  STORE_ERROR = -1,     /* I/O or internal error */
  STORE_NOTFOUND = -2,  /* no such record */
  STORE_CONFLICT = -3,  /* uniqueness or state conflict */
  STORE_INVALID = -4,   /* rejected input (message says why) */
  STORE_BUSY = -5       /* database locked past the busy timeout */
};

/* Open flags. */
#define STORE_CREATE  1  /* the file must not exist; create it and migrate */
#define STORE_MIGRATE 2  /* apply pending migrations after opening */

/* Which database a --db value names.  A postgresql:// or postgres:// URI,
** or a libpq keyword=value string whose first keyword is a libpq one
** ("host=/run/postgresql dbname=gongkai"), names a PostgreSQL database;
** anything else is the path of a SQLite file (write "./host=x" for a file
** whose name looks like a keyword). */
typedef enum StoreKind { STORE_KIND_SQLITE = 1, STORE_KIND_POSTGRES = 2 } StoreKind;
StoreKind store_kind(const char *zTarget);
/* zTarget as it may be printed, logged or audited: a PostgreSQL password
** (password=…, or user:password@ in a URI) written "***".  Heap string,
** the caller frees it. */
char *store_target_redacted(const char *zTarget);

/* Opens the database at zPath (WAL, foreign keys, busy timeout).  Without
** STORE_CREATE the file must exist.  On failure *pp is NULL and, when pzErr
** is not NULL, *pzErr receives a heap message the caller frees. */
int store_open(const char *zPath, int flags, Store **pp, char **pzErr);
void store_close(Store *s);
/* Nanoseconds this connection has spent running SQL statements since it
** was opened (for the /metrics database time). */
int64_t store_db_ns(Store *s);
const char *store_errmsg(Store *s);
/* The STORE_* code of the last failure (the one store_errmsg describes). */
int store_errcode(Store *s);

/* Schema migrations (src/store/schema/NNNN_*.sql, embedded). */
int store_schema_version(Store *s);   /* applied version, 0 when none */
int store_schema_latest(void);        /* newest migration compiled in */
int store_migrate(Store *s, int *pnApplied);

/* Transactions; BEGIN IMMEDIATE.  Nested begin/commit pairs count, only the
** outermost commits; a rollback at any depth rolls everything back. */
int store_begin(Store *s);
int store_commit(Store *s);
void store_rollback(Store *s);
/* Rolls back whatever transaction is open, at any depth (request end). */
void store_rollback_all(Store *s);

/* Concurrency contract.  Every change runs in one transaction.  Values that
** are read, advanced and written back by concurrent writers are written
** under an explicit serialisation taken inside that transaction with
** store_lock(), before the value is read:
**   STORE_LOCK_LEDGER      the head of the publication ledger (the chain
**                          of hashes over published documents);
**   STORE_LOCK_SEARCH_KEY  the search index key sequence (search_doc ids);
**   STORE_LOCK_THROTTLE    the counts behind the sign-in throttle and the
**                          public forms' rate limits (counted, then a row
**                          added: two servers must not both pass the limit);
**   STORE_LOCK_SERIAL      the numbering series counted from the rows
**                          already there: an application's registration
**                          number and a notice's 文号 (two submissions at
**                          once must not take the same number).
** On SQLite every writing transaction is BEGIN IMMEDIATE, which already
** serialises all writers, so store_lock() only checks that a transaction
** is open; on PostgreSQL it is pg_advisory_xact_lock(lock), held until the
** transaction ends.  STORE_OK, STORE_ERROR outside a transaction, or the
** failure (STORE_BUSY). */
typedef enum StoreLock {
  STORE_LOCK_LEDGER = 1,
  STORE_LOCK_SEARCH_KEY = 2,
  STORE_LOCK_THROTTLE = 3,
  STORE_LOCK_SERIAL = 4
} StoreLock;
int store_lock(Store *s, StoreLock lock);

/* Jobs that one server process at a time should run (migration 0081): N
** processes on one database each notice the same lazy or periodic work,
** and the lease makes all but one of them leave it alone.  The numbers are
** stored: never renumber. */
typedef enum StoreJob {
  JOB_CALENDAR_RECALC = 1  /* due dates after a holiday-calendar change */
} StoreJob;
/* Takes the lease on job for ttl seconds from now, in one writing
** transaction of its own (call it outside any): 1 when this connection now
** holds it, 0 when another connection holds it and its lease has not
** lapsed (expires_at > now), or a negative STORE_* code.  Not re-entrant:
** a holder asking again is refused too. */
int store_try_job(Store *s, StoreJob job, int64_t now, int ttl);
/* Gives the lease back: the job may be taken again from nextAt on (now:
** at once; a later time: the next run of a periodic job).  Only the
** holder's lease changes (none when it lapsed and another took it).
** STORE_OK or the failure. */
int store_job_done(Store *s, StoreJob job, int64_t nextAt);

/* The public content generation (migration 0040): advanced, in the same
** transaction, by every change to a table whose rows can appear on a public
** page, by any connection or process.  Cached public pages are valid while
** it stays the same.  STORE_OK or STORE_ERROR. */
int store_content_generation(Store *s, int64_t *pGen);

/* Run-time settings (table `setting`); NULL when unset. */
const char *store_setting_get(Store *s, Arena *a, const char *zName);
/* Validates against core/settings.c and stores; STORE_INVALID with a
** message for an unknown name or a bad value. */
int store_setting_set(Store *s, const char *zName, const char *zValue);
/* The one reader of a setting's value: the stored value, or the default
** of core/settings.c when unset (or when it no longer validates). */
int64_t store_setting_int(Store *s, SettingId id);       /* INT, BOOL */
const char *store_setting_text(Store *s, Arena *a, SettingId id);

/* ---- Organisations ---------------------------------------------------- */
int store_org_add(Store *s, Org *o);              /* sets o->id */
int store_org_update(Store *s, const Org *o);
/* Puts organisation id under newParent (机构改革: a unit transferred to
** another government or department); its units, users, documents, index
** numbers and applications go with it.  STORE_INVALID with a message when
** newParent is id itself or a unit below it (the tree would become a
** cycle), STORE_NOTFOUND when either does not exist. */
int store_org_move(Store *s, int64_t id, int64_t newParent);
int store_org_get(Store *s, Arena *a, int64_t id, Org *o);
int store_org_by_slug(Store *s, Arena *a, const char *zSlug, Org *o);
/* Every organisation whose current name is exactly zName (names need not
** be unique: two counties may each have a 卫生健康局), in id order. */
int store_org_by_name(Store *s, Arena *a, const char *zName, Org **paOrg,
                      int *pn);
/* The tree below rootId (0: every root) in pre-order with depth set. */
int store_org_tree(Store *s, Arena *a, int64_t rootId, Org **paOrg, int *pn);
/* The organisations directly below parentId (0: the roots), in id order,
** depth 0: one level of the tree for pages that must not grow with a
** province's whole tree. */
int store_org_children(Store *s, Arena *a, int64_t parentId, Org **paOrg, int *pn);
/* Ancestors of id, parent first, into a[0..nMax); returns the count (>= 0)
** or a negative STORE_* code. */
int store_org_ancestors(Store *s, int64_t id, int64_t *a, int nMax);
int store_org_count(Store *s);
/* Records that orgId was called zName up to and including zUntil. */
int store_org_former_name_add(Store *s, int64_t orgId, const char *zName,
                              const char *zUntil);
/* The name orgId bore on zDay ('YYYY-MM-DD'): the former name whose period
** covers it, else the current name; NULL when orgId does not exist. */
const char *store_org_name_on(Store *s, Arena *a, int64_t orgId,
                              const char *zDay);
int store_dept_add(Store *s, int64_t orgId, const char *zName, int64_t *pId);
int store_dept_list(Store *s, Arena *a, int64_t orgId, Dept **paDept, int *pn);

/* ---- Users ------------------------------------------------------------ */
int store_user_add(Store *s, User *u);            /* u->zPwHash required */
int store_user_get(Store *s, Arena *a, int64_t id, User *u);
int store_user_by_login(Store *s, Arena *a, const char *zLogin, User *u);
/* Users of orgId (0: all), with bSubtree also those of organisations below. */
int store_user_list(Store *s, Arena *a, int64_t orgId, int bSubtree,
                    User **paUser, int *pn);
int store_user_update(Store *s, const User *u);   /* name, dept, roles */
int store_user_set_password(Store *s, int64_t id, const char *zHash);
int store_user_set_disabled(Store *s, int64_t id, int bDisabled);

/* ---- Sessions and login throttling ------------------------------------ */
int store_session_create(Store *s, int64_t userId, const char *zTokenHash,
                         const char *zCsrf, int64_t now, const char *zAddr);
int store_session_get(Store *s, Arena *a, const char *zTokenHash,
                      Session *pOut);
int store_session_touch(Store *s, const char *zTokenHash, int64_t now);
int store_session_delete(Store *s, const char *zTokenHash);
int store_session_delete_user(Store *s, int64_t userId);
/* A sign-in attempt, check and record in one IMMEDIATE transaction (no
** race between parallel attempts): counts the failures under the three
** keys (account+address, account, address) within LOGIN_WINDOW, asks
** core's login_throttle(), and when it says LOGIN_GO records the attempt
** as a failure under all three before the password is checked.  Returns
** the LoginVerdict (core/session.h), or a negative STORE_* code. */
int store_login_attempt(Store *s, const char *zPair, const char *zAccount,
                        const char *zAddr, int64_t now);
/* The attempt succeeded: forgets the failures of the pair and the account
** and the address's record of this attempt. */
int store_login_succeeded(Store *s, const char *zPair, const char *zAccount,
                          const char *zAddr);
/* The attempt was not checked (no password slot free): takes back its
** record, one row under each key, and nothing else. */
int store_login_attempt_undo(Store *s, const char *zPair, const char *zAccount,
                             const char *zAddr);
/* Changes the password and ends every other session of the user (the one
** with zKeepTokenHash stays), in one transaction. */
int store_user_change_password(Store *s, int64_t id, const char *zHash,
                               const char *zKeepTokenHash);

/* Single-use form submission tokens (schema 0011).  claim: 1 when the token
** was unused and is now taken, 0 when it was taken before (a replay), or
** STORE_ERROR; also forgets tokens older than two days.  result: records
** where the submission led.  release: frees a token whose submission was
** refused.  get: *pzResult set to the recorded result ("" when none). */
int store_form_claim(Store *s, const char *zTokenHash, int64_t now);
int store_form_result(Store *s, const char *zTokenHash, const char *zUrl);
int store_form_release(Store *s, const char *zTokenHash);
int store_form_get(Store *s, Arena *a, const char *zTokenHash,
                   const char **pzResult);

/* ---- Working-day calendar ------------------------------------------- */
typedef struct HolidayRow {
  const char *zDay;   /* 'YYYY-MM-DD' */
  const char *zKind;  /* 'holiday' or 'workday' */
  const char *zName;  /* 春节 … */
} HolidayRow;
/* Every override, by date. */
int store_holiday_list(Store *s, Arena *a, HolidayRow **paRow, int *pn);
/* Adds or replaces one override. */
int store_holiday_put(Store *s, const char *zDay, const char *zKind,
                      const char *zName);
/* Builds *pCal (initialised here; caller cal_free()s it) from the table. */
int store_calendar(Store *s, Calendar *pCal);
/* Loads the embedded official calendar (data/holidays_cn.csv) into the
** table in one transaction; *pnAdded gets the number of rows written. */
int store_calendar_seed(Store *s, int *pnAdded);

/* ---- Audit log ---------------------------------------------------------- */
int store_audit(Store *s, int64_t userId, int64_t orgId, const char *zAction,
                const char *zDetail);

#endif
