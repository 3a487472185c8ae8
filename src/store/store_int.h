/*
** store_int.h — private to src/store/: the Store struct and the statement
** layer (db.h) every store_<area>.c file uses.  Nothing outside src/store/
** includes it, and it names no database library: a domain file that
** includes only this header cannot reach SQLite or libpq.
*/
#ifndef GK_STORE_INT_H
#define GK_STORE_INT_H

#include <stdint.h>

#include "lib/arena.h"
#include "store/db.h"
#include "store/store.h"

#define STMT_CACHE 1024  /* more than the statements gongkai prepares */

struct sqlite3;  /* the SQLite driver's connection */
struct pg_conn;  /* libpq's PGconn */

struct Store {
  const DbDriver *drv;     /* the driver behind this connection */
  struct sqlite3 *db;      /* SQLite: the connection (else NULL) */
  struct pg_conn *pg;      /* PostgreSQL: the connection (else NULL) */
  void *pDrv;              /* anything else a driver keeps */
  char *zErr;              /* last error message (heap) or NULL */
  int rcErr;               /* the STORE_* code that went with zErr */
  DbErr dbErr;             /* how the last failed statement failed */
  int nTx;                 /* transaction nesting depth */
  int bTxFailed;           /* a nested level rolled back */
  int bSearchDefer;        /* search index rows wait for store_search_flush() */
  struct SearchCountCache *pCountCache; /* recent search counts (SQLite) */
  int bNoCountCache;       /* store_search_count_cache(s, 0) */
  int bNoFastCount;        /* store_search_fast_count(s, 0) */
  int bNoSegWrite;         /* store_search_segwrite(s, 0) */
  struct FtsPending *pFtsPending; /* entries given by store_search_give()
                           ** (SQLite): dropped at the outermost commit
                           ** or rollback */
  int64_t dbNs;            /* time in SQL statements, summed (store_db_ns) */
  int bBulkGen;            /* SQLite bulk mode: the content generation
                           ** advances at each commit, not per row */
  struct Store *pReplica;  /* PostgreSQL: this connection's search replica
                           ** (search_replica.c), or NULL */
  int64_t replicaRetryAt;  /* after a replica failure: when to try again
                           ** (monotonic seconds) */
  struct {
    const char *zSql;      /* cache key: the SQL text's address (a literal) */
    Stmt *st;
  } aStmt[STMT_CACHE];
  int nStmt;
};

/* Open flag private to src/store/: a plain SQLite file that is not a
** gongkai database (a search replica, search_replica.c): created when
** missing, no migrations, no content triggers, the gk tokenizer
** registered. */
#define STORE_RAW 0x100

/* z, or "" when z is NULL (for NOT NULL DEFAULT '' text columns). */
static inline const char *nz(const char *z) { return z ? z : ""; }

/* Sets s->zErr from a printf-style message and returns rc. */
int store_fail(Store *s, int rc, const char *zFmt, ...);
/* ISO 8601 UTC timestamp "2026-11-23T02:06:43Z" for now, into z[21]. */
void store_now_iso(char z[21]);
/* Writes a database's own (English) message to the operator's log, with
** control characters replaced; never shown to users. */
void store_log_raw(const char *zWhat, const char *zRaw);

#endif
