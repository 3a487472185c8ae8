/*
** store_pg.c — the PostgreSQL driver of the statement layer (db.h) over
** libpq: the connection, prepared statements, errors by SQLSTATE,
** transactions, advisory locks and the migrations of src/store/schema/pg/.
**
** Statements.  stmt() checks that the server can prepare the text
** (pg_probe: a bad text fails there, as on SQLite) and the first run
** prepares it for good, once per connection, as a named server-side
** statement ("gk<n>", typed by the values bound: pg_server_prepare), with
** ?N rewritten to $N outside quotes and comments (pg_rewrite_params).  Parameters travel as text
** (integers formatted in decimal) and blobs as binary; the first
** stmt_step() runs PQexecPrepared and keeps the whole result, the
** following steps walk its rows.  Results come back as text: col_int
** parses them (a boolean 't'/'f' is 1/0, as SQLite gives comparisons),
** col_blob unescapes bytea.
**
** Errors.  The SQLSTATE decides the DbErr (table aState); the server's
** text goes to stderr only.  A lost connection is reset before the next
** statement when no transaction is open, and its statements are prepared
** again.  A serialisation failure or deadlock outside a transaction is
** retried; inside one it is STORE_BUSY (the caller's transaction is lost).
**
** Differences from SQLite the domain code must know (docs/deploy.md):
** a failed statement inside a transaction aborts the transaction (every
** later statement fails until the rollback); no full-text index yet.
*/
#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "lib/buf.h"
#include "lib/embed.h"
#include "store/store_int.h"
#include "store/store_pg.h"

#define PG_BOOLOID 16
#define PG_BYTEAOID 17
#define PG_INT8OID 20
#define PG_TEXTOID 25
/* pg_advisory_lock's first key: "GKAI", as SQLite's application_id. */
#define PG_LOCK_NS 0x474b4149
#define PG_LOCK_MIGRATE 100  /* the migration run (session lock) */
#define PG_RETRIES 3

/* What the driver keeps per connection (s->pDrv). */
typedef struct PgConn {
  int gen;          /* connection generation: +1 at every reset */
  int nName;        /* statements named so far */
  int nChanges;     /* rows changed by the last command */
  unsigned locks;   /* StoreLock bits held by the current transaction */
} PgConn;

typedef struct PgStmt {
  StmtHead h;
  char zName[24];   /* server-side name, "gk<n>" */
  char *zSql;       /* the text with $N */
  int gen;          /* PgConn.gen it was prepared in; other: prepare again */
  int nParam;
  char **azVal;     /* parameter values (heap), NULL for NULL */
  int *anLen;
  int *anFmt;       /* 0 text, 1 binary (blobs) */
  Oid *aType;       /* the bound value's type: int8, bytea, or 0 (text or
                    ** NULL: the server infers it from where it stands) */
  PGresult *res;    /* the result once run */
  int iRow;         /* current row; -1 before the first */
  unsigned char *pBlob;  /* unescaped bytea of the current row (PQfreemem) */
  size_t nBlob;
} PgStmt;

#define PGS(st) ((PgStmt *)(void *)(st))
#define CONN(s) ((PgConn *)(s)->pDrv)

/* ---- Parameters ---------------------------------------------------------- */

char *pg_rewrite_params(const char *zSql, int *pnParam) {
  Buf b = BUF_INIT;
  int nMax = 0;
  for (const char *z = zSql; *z;) {
    char c = *z;
    if (c == '\'' || c == '"') {              /* literal or identifier */
      const char *e = z + 1;
      while (*e && !(*e == c && e[1] != c)) e += (*e == c) ? 2 : 1;
      if (*e) e++;
      buf_append(&b, z, (size_t)(e - z));
      z = e;
    } else if (c == '-' && z[1] == '-') {     /* comment to end of line */
      const char *e = strchr(z, '\n');
      if (!e) e = z + strlen(z);
      buf_append(&b, z, (size_t)(e - z));
      z = e;
    } else if (c == '/' && z[1] == '*') {
      const char *e = strstr(z + 2, "*/");
      e = e ? e + 2 : z + strlen(z);
      buf_append(&b, z, (size_t)(e - z));
      z = e;
    } else if (c == '?' && z[1] >= '1' && z[1] <= '9') {
      int n = 0;
      z++;
      while (*z >= '0' && *z <= '9') n = n * 10 + (*z++ - '0');
      if (n > nMax) nMax = n;
      buf_printf(&b, "$%d", n);
    } else {
      buf_putc(&b, c);
      z++;
    }
  }
  if (pnParam) *pnParam = nMax;
  return buf_steal(&b);
}

/* ---- Errors -------------------------------------------------------------- */

/* SQLSTATE, or its first characters (a class), → DbErr; first match wins. */
static const struct { const char *zState; DbErr e; } aState[] = {
  {"23505", DB_ERR_UNIQUE},       /* unique_violation */
  {"23503", DB_ERR_FOREIGN_KEY},  /* foreign_key_violation */
  {"23514", DB_ERR_CHECK},        /* check_violation */
  {"23502", DB_ERR_CHECK},        /* not_null_violation */
  {"23", DB_ERR_CHECK},           /* other integrity constraints */
  {"40001", DB_ERR_BUSY},         /* serialization_failure */
  {"40P01", DB_ERR_BUSY},         /* deadlock_detected */
  {"55P03", DB_ERR_BUSY},         /* lock_not_available */
  {"57014", DB_ERR_BUSY},         /* query_canceled (statement timeout) */
  {"57P0", DB_ERR_LOST},          /* admin/crash shutdown, cannot connect now */
  {"08", DB_ERR_LOST},            /* connection exceptions */
};

DbErr pg_classify_sqlstate(const char *zState) {
  if (!zState) return DB_ERR_OTHER;
  for (size_t i = 0; i < sizeof aState / sizeof aState[0]; i++)
    if (!strncmp(zState, aState[i].zState, strlen(aState[i].zState)))
      return aState[i].e;
  return DB_ERR_OTHER;
}

/* Records a failed command (res may be NULL: the connection failed):
** classifies it (db_err), sets the message "<zWhat>失败：…" and returns
** its STORE_* code.  The server's message goes to stderr only. */
static int pg_fail(Store *s, PGresult *res, const char *zWhat) {
  const char *zState = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
  if (PQstatus(s->pg) == CONNECTION_BAD) {
    store_log_raw(zWhat, "PostgreSQL connection lost");
    s->dbErr = DB_ERR_LOST;
  } else {
    store_log_raw(zWhat, res ? PQresultErrorMessage(res) : PQerrorMessage(s->pg));
    s->dbErr = pg_classify_sqlstate(zState);
  }
  return store_db_err(s, zWhat);
}

/* A bad connection outside a transaction is reset (its prepared
** statements are gone: the generation changes).  1 when usable. */
static int pg_usable(Store *s) {
  if (PQstatus(s->pg) == CONNECTION_OK) return 1;
  if (s->nTx > 0) return 0;
  PQreset(s->pg);
  if (PQstatus(s->pg) != CONNECTION_OK) return 0;
  CONN(s)->gen++;
  return 1;
}

static int64_t now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (int64_t)t.tv_sec * 1000000000 + t.tv_nsec;
}

/* Runs a text without parameters; STORE_OK or the failure. */
static int pg_exec(Store *s, const char *zSql) {
  if (!pg_usable(s)) return pg_fail(s, NULL, "数据库操作");
  int64_t t0 = now_ns();
  PGresult *res = PQexec(s->pg, zSql);
  s->dbNs += now_ns() - t0;
  ExecStatusType es = PQresultStatus(res);
  int rc = (es == PGRES_COMMAND_OK || es == PGRES_TUPLES_OK)
               ? STORE_OK : pg_fail(s, res, "数据库操作");
  PQclear(res);
  return rc;
}

/* ---- Statements ---------------------------------------------------------- */

/* The N of "… parameter $N" in a 42P18 message, or 0. */
static int undetermined_param(PGresult *res) {
  const char *z = PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY);
  const char *d = z ? strstr(z, "parameter $") : NULL;
  return d ? atoi(d + 11) : 0;
}

/* Type errors that a wrong guess of a parameter's type causes:
** undefined_function (no operator bigint = text), datatype_mismatch (CASE
** branches text and bigint), invalid_text_representation (a text literal
** compared with an int8 guess), indeterminate and ambiguous parameter. */
static int type_error(const char *zState) {
  return zState && (!strcmp(zState, "42883") || !strcmp(zState, "42804") ||
                    !strcmp(zState, "22P02") ||
                    !strcmp(zState, "42P18") || !strcmp(zState, "42P08"));
}

/*
** Prepares p on the server in the current connection generation, at its
** first run, with the types of the values bound then: an integer is int8
** (so `?1<>0`, `LIMIT ?1` and 64-bit ids work wherever they stand), a blob
** bytea, text and NULL are left for the server to infer from where they
** stand (as an untyped literal).  The server must know a parameter's type
** where it first meets it, and `?1 IS NULL OR col=?1` tells it too late
** (42P18 or 42P08, "could not determine data type of parameter $1"): such
** a parameter is then declared by a guess — text when text was bound, else
** int8 — and, when that guess makes a type error, the other one.  (The
** portable spelling that needs no guess is CAST(?1 AS BIGINT) IS NULL:
** INTEGER is 32 bits on PostgreSQL.)
** The types stay with the prepared statement: a later run binding another
** kind of value is converted by the server.
*/
static int pg_server_prepare(Store *s, PgStmt *p) {
  if (p->gen == CONN(s)->gen) return STORE_OK;
  Oid *aType = p->aType;
  int nType = p->nParam, iGuess = 0, bFlipped = 0;
  /* In a transaction a failed PREPARE would abort it (SQLite's failed
  ** prepare leaves it alone): the attempts run under a savepoint. */
  int bSave = s->nTx > 0;
  if (bSave && pg_exec(s, "SAVEPOINT gk_prepare") != STORE_OK) return STORE_ERROR;
  for (;;) {
    PGresult *res = PQprepare(s->pg, p->zName, p->zSql, nType, aType);
    if (PQresultStatus(res) == PGRES_COMMAND_OK) {
      PQclear(res);
      p->gen = CONN(s)->gen;
      return bSave ? pg_exec(s, "RELEASE SAVEPOINT gk_prepare") : STORE_OK;
    }
    if (bSave) PQclear(PQexec(s->pg, "ROLLBACK TO SAVEPOINT gk_prepare"));
    const char *zState = PQresultErrorField(res, PG_DIAG_SQLSTATE);
    int i = zState && (!strcmp(zState, "42P18") || !strcmp(zState, "42P08"))
                ? undetermined_param(res) : 0;
    if (i >= 1 && i <= nType && !aType[i - 1]) {
      aType[i - 1] = p->azVal[i - 1] ? PG_TEXTOID : PG_INT8OID;
      iGuess = i;
      bFlipped = 0;
    } else if (iGuess && !bFlipped && type_error(zState)) {
      aType[iGuess - 1] = aType[iGuess - 1] == PG_TEXTOID ? PG_INT8OID : PG_TEXTOID;
      bFlipped = 1;
    } else {
      int rc = pg_fail(s, res, "SQL 预编译");
      PQclear(res);
      if (bSave) PQclear(PQexec(s->pg, "RELEASE SAVEPOINT gk_prepare"));
      return rc;
    }
    PQclear(res);
  }
}

static void pg_free(PgStmt *p) {
  free(p->azVal);
  free(p->anLen);
  free(p->anFmt);
  free(p->aType);
  free(p->zSql);
  free(p);
}

/* Checks that the server can prepare p's text at all (syntax, tables,
** columns), as the unnamed statement, without parameter types: a failure
** that only a parameter's type causes is left to pg_server_prepare.  In a
** transaction under a savepoint, so that a failure does not abort it. */
static int pg_probe(Store *s, PgStmt *p) {
  if (!pg_usable(s)) return pg_fail(s, NULL, "SQL 预编译");
  int bSave = s->nTx > 0;
  if (bSave && pg_exec(s, "SAVEPOINT gk_probe") != STORE_OK) return STORE_ERROR;
  PGresult *res = PQprepare(s->pg, "", p->zSql, 0, NULL);
  int rc = STORE_OK;
  if (PQresultStatus(res) != PGRES_COMMAND_OK) {
    if (bSave) PQclear(PQexec(s->pg, "ROLLBACK TO SAVEPOINT gk_probe"));
    if (!type_error(PQresultErrorField(res, PG_DIAG_SQLSTATE)))
      rc = pg_fail(s, res, "SQL 预编译");
  }
  PQclear(res);
  if (bSave) PQclear(PQexec(s->pg, "RELEASE SAVEPOINT gk_probe"));
  return rc;
}

static Stmt *pg_prepare(Store *s, const char *zSql) {
  PgStmt *p = xmalloc(sizeof *p);
  memset(p, 0, sizeof *p);
  p->h.drv = s->drv;
  p->h.s = s;
  p->zSql = pg_rewrite_params(zSql, &p->nParam);
  snprintf(p->zName, sizeof p->zName, "gk%d", ++CONN(s)->nName);
  p->gen = -1;
  p->iRow = -1;
  int n = p->nParam ? p->nParam : 1;
  p->azVal = xmalloc(sizeof(char *) * (size_t)n);
  p->anLen = xmalloc(sizeof(int) * (size_t)n);
  p->anFmt = xmalloc(sizeof(int) * (size_t)n);
  memset(p->azVal, 0, sizeof(char *) * (size_t)n);
  memset(p->anLen, 0, sizeof(int) * (size_t)n);
  memset(p->anFmt, 0, sizeof(int) * (size_t)n);
  p->aType = xmalloc(sizeof(Oid) * (size_t)n);
  memset(p->aType, 0, sizeof(Oid) * (size_t)n);
  /* The server prepares it for good at the first step (pg_server_prepare),
  ** when the bound values tell the parameters' types; a text it cannot
  ** prepare at all fails here, as on SQLite (pg_probe). */
  if (pg_probe(s, p) != STORE_OK) {
    pg_free(p);
    return NULL;
  }
  return (Stmt *)(void *)p;
}

static void pg_clear_row(PgStmt *p) {
  if (p->pBlob) PQfreemem(p->pBlob);
  p->pBlob = NULL;
  p->nBlob = 0;
}

static void pg_reset(Stmt *st) {
  PgStmt *p = PGS(st);
  pg_clear_row(p);
  PQclear(p->res);
  p->res = NULL;
  p->iRow = -1;
  for (int i = 0; i < p->nParam; i++) {
    free(p->azVal[i]);
    p->azVal[i] = NULL;
    p->anLen[i] = 0;
    p->anFmt[i] = 0;
    if (p->gen != CONN(p->h.s)->gen) p->aType[i] = 0;
  }
}

static void pg_finalize(Stmt *st) {
  if (!st) return;
  PgStmt *p = PGS(st);
  Store *s = p->h.s;
  pg_reset(st);
  if (p->gen == CONN(s)->gen && PQstatus(s->pg) == CONNECTION_OK) {
    char z[64];
    snprintf(z, sizeof z, "DEALLOCATE %s", p->zName);
    PQclear(PQexec(s->pg, z));
  }
  pg_free(p);
}

/* Stores parameter i (1-based) as n bytes of z in format fmt, of type
** ty (0: for the server to infer) for a statement not yet prepared. */
static void pg_bind(PgStmt *p, int i, const void *z, size_t n, int fmt, Oid ty) {
  if (i < 1 || i > p->nParam) return;
  free(p->azVal[i - 1]);
  p->azVal[i - 1] = NULL;
  if (z) {
    char *c = xmalloc(n + 1);
    memcpy(c, z, n);
    c[n] = 0;
    p->azVal[i - 1] = c;
  }
  p->anLen[i - 1] = (int)n;
  p->anFmt[i - 1] = fmt;
  if (p->gen != CONN(p->h.s)->gen) p->aType[i - 1] = ty;
}

static void pg_bind_text(Stmt *st, int i, const char *z) {
  pg_bind(PGS(st), i, z, strlen(z), 0, 0);
}

static void pg_bind_int(Stmt *st, int i, int64_t v) {
  char z[24];
  int n = snprintf(z, sizeof z, "%lld", (long long)v);
  pg_bind(PGS(st), i, z, (size_t)n, 0, PG_INT8OID);
}

static void pg_bind_blob(Stmt *st, int i, const void *pv, size_t n) {
  pg_bind(PGS(st), i, pv ? pv : "", n, 1, PG_BYTEAOID);
}

static void pg_bind_null(Stmt *st, int i) { pg_bind(PGS(st), i, NULL, 0, 0, 0); }

/* 1 when zSql is a plain SELECT (safe to run again). */
static int is_read(const char *zSql) {
  while (*zSql == ' ' || *zSql == '\n' || *zSql == '\t') zSql++;
  return !strncasecmp(zSql, "SELECT", 6);
}

/* Runs p (first step).  STORE_OK with p->res holding the rows, or the
** failure.  Outside a transaction, retries a serialisation failure or
** deadlock, a read whose connection was lost (after the reset), and a
** statement the server no longer knows. */
static int pg_run(Store *s, PgStmt *p) {
  for (int attempt = 0;; attempt++) {
    if (!pg_usable(s)) return pg_fail(s, NULL, "数据库操作");
    int rc = pg_server_prepare(s, p);
    if (rc != STORE_OK) return rc;
    int64_t t0 = now_ns();
    PGresult *res = PQexecPrepared(s->pg, p->zName, p->nParam,
                                   (const char *const *)p->azVal, p->anLen,
                                   p->anFmt, 0);
    s->dbNs += now_ns() - t0;
    ExecStatusType es = PQresultStatus(res);
    if (es == PGRES_TUPLES_OK || es == PGRES_COMMAND_OK) {
      /* As sqlite3_changes(): only a write counts (a SELECT leaves it). */
      const char *zCmd = PQcmdStatus(res);
      if (!strncmp(zCmd, "INSERT", 6) || !strncmp(zCmd, "UPDATE", 6) ||
          !strncmp(zCmd, "DELETE", 6))
        CONN(s)->nChanges = atoi(PQcmdTuples(res));
      p->res = res;
      s->dbErr = DB_ERR_NONE;
      return STORE_OK;
    }
    const char *zState = PQresultErrorField(res, PG_DIAG_SQLSTATE);
    int bRetry = attempt < PG_RETRIES && s->nTx == 0 &&
                 (/* serialisation failure, deadlock: rolled back whole */
                  (pg_classify_sqlstate(zState) == DB_ERR_BUSY && zState &&
                   zState[0] == '4') ||
                  /* a lost connection: again only a read, since a write
                  ** may have committed before the connection went */
                  (PQstatus(s->pg) == CONNECTION_BAD && is_read(p->zSql)) ||
                  /* 26000: the statement vanished (DISCARD ALL, a pooler) */
                  (zState && !strcmp(zState, "26000")));
    if (!bRetry) {
      rc = pg_fail(s, res, "数据库操作");
      PQclear(res);
      return rc;
    }
    if (zState && !strcmp(zState, "26000")) p->gen = -1;
    PQclear(res);
  }
}

static int pg_step(Stmt *st) {
  PgStmt *p = PGS(st);
  Store *s = p->h.s;
  if (!p->res) {
    int rc = pg_run(s, p);
    if (rc != STORE_OK) return rc;
  }
  pg_clear_row(p);
  if (p->iRow + 1 < PQntuples(p->res)) {
    p->iRow++;
    return STMT_ROW;
  }
  p->iRow = PQntuples(p->res);
  return STMT_DONE;
}

static int pg_col_ok(PgStmt *p, int i) {
  return p->res && p->iRow >= 0 && p->iRow < PQntuples(p->res) && i >= 0 &&
         i < PQnfields(p->res);
}

static const char *pg_col_text(Stmt *st, int i, int *pn) {
  PgStmt *p = PGS(st);
  *pn = 0;
  if (!pg_col_ok(p, i) || PQgetisnull(p->res, p->iRow, i)) return NULL;
  const char *z = PQgetvalue(p->res, p->iRow, i);
  if (PQftype(p->res, i) == PG_BOOLOID) {  /* as SQLite: 1 and 0 */
    *pn = 1;
    return z[0] == 't' ? "1" : "0";
  }
  *pn = PQgetlength(p->res, p->iRow, i);
  return z;
}

static int64_t pg_col_int(Stmt *st, int i) {
  int n;
  const char *z = pg_col_text(st, i, &n);
  return z ? strtoll(z, NULL, 10) : 0;
}

static const void *pg_col_blob(Stmt *st, int i, int *pn) {
  PgStmt *p = PGS(st);
  if (pg_col_ok(p, i) && !PQgetisnull(p->res, p->iRow, i) &&
      PQftype(p->res, i) == PG_BYTEAOID) {
    pg_clear_row(p);
    p->pBlob = PQunescapeBytea(
        (const unsigned char *)PQgetvalue(p->res, p->iRow, i), &p->nBlob);
    *pn = (int)p->nBlob;
    return p->nBlob ? p->pBlob : NULL;
  }
  const char *z = pg_col_text(st, i, pn);
  return z && *pn ? z : NULL;
}

static int pg_col_is_null(Stmt *st, int i) {
  PgStmt *p = PGS(st);
  return !pg_col_ok(p, i) || PQgetisnull(p->res, p->iRow, i);
}

static int pg_col_count(Stmt *st) {
  PgStmt *p = PGS(st);
  return p->res ? PQnfields(p->res) : 0;
}

static int pg_changes(Store *s) { return CONN(s)->nChanges; }

/* ---- Transactions and locks ---------------------------------------------- */

static int pg_begin(Store *s) {
  CONN(s)->locks = 0;
  return pg_exec(s, "BEGIN ISOLATION LEVEL READ COMMITTED");
}

static int pg_commit(Store *s) {
  int rc = pg_exec(s, "COMMIT");
  if (rc != STORE_OK) PQclear(PQexec(s->pg, "ROLLBACK"));
  return rc;
}

static void pg_rollback(Store *s) {
  if (PQstatus(s->pg) == CONNECTION_OK) PQclear(PQexec(s->pg, "ROLLBACK"));
}

/* A transaction-level advisory lock, held until COMMIT or ROLLBACK.  A lock
** this transaction already holds is not asked for again (a bulk import
** takes the ledger's and the search key's once per document, in one
** transaction of thousands: a round trip each).  Nested store_begin()
** calls share the one transaction and no savepoint takes a lock, so the
** bits only need clearing when a transaction begins. */
static int pg_lock(Store *s, StoreLock lock) {
  if (s->nTx <= 0) return store_fail(s, STORE_ERROR, "加锁须在事务中");
  unsigned bit = 1u << ((unsigned)lock & 31u);
  if (CONN(s)->locks & bit) return STORE_OK;
  char z[96];
  snprintf(z, sizeof z, "SELECT pg_advisory_xact_lock(%d, %d)", PG_LOCK_NS,
           (int)lock);
  int rc = pg_exec(s, z);
  if (rc == STORE_OK) CONN(s)->locks |= bit;
  return rc;
}

/* ---- Schema -------------------------------------------------------------- */

/* The first row's first column of a text without parameters as an
** integer, or dflt on no row or failure. */
static int64_t pg_query_int(Store *s, const char *zSql, int64_t dflt) {
  PGresult *res = PQexec(s->pg, zSql);
  int64_t v = dflt;
  if (PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) > 0 &&
      !PQgetisnull(res, 0, 0)) {
    const char *z = PQgetvalue(res, 0, 0);
    v = z[0] == 't' ? 1 : z[0] == 'f' ? 0 : strtoll(z, NULL, 10);
  }
  PQclear(res);
  return v;
}

static int pg_has_schema(Store *s) {
  return (int)pg_query_int(
      s, "SELECT to_regclass('schema_migration') IS NOT NULL", 0);
}

static int pg_schema_version(Store *s) {
  if (!pg_has_schema(s)) return 0;
  return (int)pg_query_int(
      s, "SELECT coalesce(max(version), 0) FROM schema_migration", 0);
}

static int pg_latest(void) {
  int v = 0;
  for (const Embedded *e = aSchemaPg; e->zName; e++)
    if (atoi(e->zName) > v) v = atoi(e->zName);
  return v;
}

/* Applies migration e in one transaction with its record. */
static int pg_apply(Store *s, const Embedded *e) {
  char zNow[21];
  store_now_iso(zNow);
  Buf b = BUF_INIT;
  buf_puts(&b, "BEGIN;\n");
  buf_append(&b, e->pData, e->nData);
  buf_printf(&b, "\n;INSERT INTO schema_migration VALUES(%d,'", atoi(e->zName));
  for (const char *z = e->zName; *z; z++)  /* file names are [0-9a-z_.] */
    if (*z != '\'') buf_putc(&b, *z);
  buf_printf(&b, "','%s');\nCOMMIT;", zNow);
  PGresult *res = PQexec(s->pg, buf_str(&b));
  buf_free(&b);
  int rc = PQresultStatus(res) == PGRES_COMMAND_OK ||
                   PQresultStatus(res) == PGRES_TUPLES_OK
               ? STORE_OK : pg_fail(s, res, "数据库迁移");
  if (rc != STORE_OK) {
    PQclear(PQexec(s->pg, "ROLLBACK"));
    char *zErr = xstrdup(store_errmsg(s));
    store_fail(s, STORE_ERROR, "迁移 %s 失败：%s", e->zName, zErr);
    free(zErr);
  }
  PQclear(res);
  return rc;
}

/*
** Applies every migration of src/store/schema/pg/ not yet recorded in
** schema_migration, in number order, each in its own transaction, under
** a session advisory lock so that two processes starting together do not
** both apply one.  Then gives every public table added since its content
** generation trigger (gk_content_triggers, migration 0040).
*/
static int pg_migrate(Store *s, int *pnApplied) {
  int n = 0, rc = STORE_OK;
  if (pnApplied) *pnApplied = 0;
  if (pg_schema_version(s) > pg_latest())
    return store_fail(s, STORE_INVALID,
                      "数据库版本 %d 比程序支持的 %d 新，请升级 gongkai",
                      pg_schema_version(s), pg_latest());
  char z[128];
  snprintf(z, sizeof z, "SELECT pg_advisory_lock(%d, %d)", PG_LOCK_NS,
           PG_LOCK_MIGRATE);
  if (pg_exec(s, z) != STORE_OK) return STORE_ERROR;
  if (pg_exec(s, "CREATE TABLE IF NOT EXISTS schema_migration ("
                 " version bigint PRIMARY KEY, name TEXT NOT NULL,"
                 " applied_at TEXT NOT NULL)") != STORE_OK)
    rc = STORE_ERROR;
  for (const Embedded *e = aSchemaPg; rc == STORE_OK && e->zName; e++) {
    char zQ[96];
    snprintf(zQ, sizeof zQ, "SELECT count(*) FROM schema_migration WHERE version=%d",
             atoi(e->zName));
    if (pg_query_int(s, zQ, 0) > 0) continue;
    rc = pg_apply(s, e);
    if (rc == STORE_OK) n++;
  }
  if (rc == STORE_OK &&
      pg_query_int(s, "SELECT to_regproc('gk_content_triggers') IS NOT NULL", 0))
    rc = pg_exec(s, "SELECT gk_content_triggers()");
  snprintf(z, sizeof z, "SELECT pg_advisory_unlock(%d, %d)", PG_LOCK_NS,
           PG_LOCK_MIGRATE);
  PQclear(PQexec(s->pg, z));
  if (pnApplied) *pnApplied = n;
  return rc;
}

/* ---- Connection ---------------------------------------------------------- */

/* libpq's notices (NOTICE, WARNING) to the log, one line each. */
static void on_notice(void *arg, const char *zMsg) {
  (void)arg;
  store_log_raw("postgres", zMsg);
}

static int pg_open(Store *s, const char *zTarget, int flags, char **pzErr) {
  PgConn *c = xmalloc(sizeof *c);
  memset(c, 0, sizeof *c);
  s->pDrv = c;
  s->pg = PQconnectdb(zTarget);
  if (!s->pg || PQstatus(s->pg) != CONNECTION_OK) {
    if (s->pg) store_log_raw("postgres", PQerrorMessage(s->pg));
    if (pzErr) *pzErr = mprintf("无法连接 PostgreSQL 数据库（详情见日志）");
    return STORE_ERROR;
  }
  PQsetNoticeProcessor(s->pg, on_notice, NULL);
  if (pg_exec(s, "SET client_encoding = 'UTF8'; SET TIME ZONE 'UTC';"
                 " SET client_min_messages = warning") != STORE_OK) {
    if (pzErr) *pzErr = mprintf("数据库设置失败：%s", store_errmsg(s));
    return STORE_ERROR;
  }
  int bHas = pg_has_schema(s);
  if ((flags & STORE_CREATE) && bHas) {
    if (pzErr) *pzErr = mprintf("数据库中已有 gongkai 数据（不会覆盖）");
    return STORE_CONFLICT;
  }
  if (!(flags & STORE_CREATE) && !bHas) {
    if (pzErr) *pzErr = mprintf("数据库中没有 gongkai 数据（先运行 gongkai init --db …）");
    return STORE_NOTFOUND;
  }
  if ((flags & (STORE_CREATE | STORE_MIGRATE)) && pg_migrate(s, NULL) != STORE_OK) {
    if (pzErr) *pzErr = mprintf("数据库迁移失败：%s", store_errmsg(s));
    return STORE_ERROR;
  }
  return STORE_OK;
}

static void pg_close(Store *s) {
  if (s->pg) PQfinish(s->pg);
  s->pg = NULL;
  free(s->pDrv);
  s->pDrv = NULL;
}

const DbDriver dbPostgres = {
  .zName = "postgres",
  .dialect = DB_POSTGRES,
  .xOpen = pg_open,
  .xClose = pg_close,
  .xPrepare = pg_prepare,
  .xFinalize = pg_finalize,
  .xReset = pg_reset,
  .xBindText = pg_bind_text,
  .xBindInt = pg_bind_int,
  .xBindBlob = pg_bind_blob,
  .xBindNull = pg_bind_null,
  .xStep = pg_step,
  .xColText = pg_col_text,
  .xColInt = pg_col_int,
  .xColBlob = pg_col_blob,
  .xColIsNull = pg_col_is_null,
  .xColCount = pg_col_count,
  .xChanges = pg_changes,
  .xExec = pg_exec,
  .xBegin = pg_begin,
  .xCommit = pg_commit,
  .xRollback = pg_rollback,
  .xLock = pg_lock,
  .xSchemaVersion = pg_schema_version,
  .xMigrate = pg_migrate,
};
