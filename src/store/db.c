/*
** db.c — the driver-independent part of the statement layer (db.h): the
** statement cache, the calls that dispatch to the connection's driver, the
** row helpers, error messages, nested transactions and store_open/close.
*/
#include <assert.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/buf.h"
#include "store/fts_prep.h"
#include "store/search_count_cache.h"
#include "store/store_int.h"
#include "store/store_pg.h"

#define HEAD(st) ((StmtHead *)(void *)(st))

int store_fail(Store *s, int rc, const char *zFmt, ...) {
  Buf b = BUF_INIT;
  va_list ap;
  va_start(ap, zFmt);
  buf_vprintf(&b, zFmt, ap);
  va_end(ap);
  free(s->zErr);
  s->zErr = buf_steal(&b);
  s->rcErr = rc;
  return rc;
}

void store_log_raw(const char *zWhat, const char *zRaw) {
  char zSafe[200];
  size_t i = 0;
  for (; zRaw && zRaw[i] && i + 1 < sizeof zSafe; i++)
    zSafe[i] = (unsigned char)zRaw[i] < 0x20 ? '?' : zRaw[i];
  zSafe[i] = 0;
  fprintf(stderr, "gongkai: store: %s: %s\n", zWhat, zSafe);
}

int store_errcode(Store *s) { return s ? s->rcErr : STORE_ERROR; }
const char *store_errmsg(Store *s) { return s && s->zErr ? s->zErr : ""; }
int64_t store_db_ns(Store *s) { return s ? s->dbNs : 0; }
Dialect db_dialect(Store *s) { return s->drv->dialect; }
DbErr db_err(Store *s) { return s->dbErr; }

/* The STORE_* code and the message tail of each DbErr. */
static const struct {
  int rc;
  const char *zWhy;
} aErrKind[] = {
  [DB_ERR_NONE] = {STORE_ERROR, "数据库错误"},
  [DB_ERR_UNIQUE] = {STORE_CONFLICT, "记录已存在"},
  [DB_ERR_FOREIGN_KEY] = {STORE_INVALID, "数据不符合约束"},
  [DB_ERR_CHECK] = {STORE_INVALID, "数据不符合约束"},
  [DB_ERR_BUSY] = {STORE_BUSY, "数据库忙，请稍后重试"},
  [DB_ERR_LOST] = {STORE_ERROR, "数据库连接已断开，请稍后重试"},
  [DB_ERR_OTHER] = {STORE_ERROR, "数据库错误"},
};

int store_db_err(Store *s, const char *zWhat) {
  DbErr e = s->dbErr <= DB_ERR_OTHER ? s->dbErr : DB_ERR_OTHER;
  return store_fail(s, aErrKind[e].rc, "%s失败：%s", zWhat, aErrKind[e].zWhy);
}

/* ---- Statements ---------------------------------------------------------- */

Stmt *stmt(Store *s, const char *zSql) {
  for (int i = 0; i < s->nStmt; i++)
    if (s->aStmt[i].zSql == zSql) return s->aStmt[i].st;
  Stmt *st = s->drv->xPrepare(s, zSql);
  if (!st) return NULL;
  /* Every statement is a literal, so the cache never needs to evict; a
  ** full cache means STMT_CACHE is too small, which tests must catch. */
  assert(s->nStmt < STMT_CACHE);
  if (s->nStmt < STMT_CACHE) {
    s->aStmt[s->nStmt].zSql = zSql;
    s->aStmt[s->nStmt].st = st;
    s->nStmt++;
  } else {
    store_log_raw("statement cache", "full: raise STMT_CACHE");
  }
  return st;
}

void stmt_done(Stmt *st) {
  if (st) HEAD(st)->drv->xReset(st);
}

void bind_text(Stmt *st, int i, const char *z) {
  if (!st) return;
  if (z) HEAD(st)->drv->xBindText(st, i, z);
  else HEAD(st)->drv->xBindNull(st, i);
}

void bind_int(Stmt *st, int i, int64_t v) {
  if (st) HEAD(st)->drv->xBindInt(st, i, v);
}

void bind_id(Stmt *st, int i, int64_t v) {
  if (!st) return;
  if (v) HEAD(st)->drv->xBindInt(st, i, v);
  else HEAD(st)->drv->xBindNull(st, i);
}

void bind_blob(Stmt *st, int i, const void *p, size_t n) {
  if (st) HEAD(st)->drv->xBindBlob(st, i, p, n);
}

void bind_null(Stmt *st, int i) {
  if (st) HEAD(st)->drv->xBindNull(st, i);
}

int stmt_step(Stmt *st) {
  if (!st) return STORE_ERROR;
  HEAD(st)->s->dbErr = DB_ERR_NONE;
  return HEAD(st)->drv->xStep(st);
}

const char *col_text(Arena *a, Stmt *st, int i) {
  int n = 0;
  const char *z = HEAD(st)->drv->xColText(st, i, &n);
  return z ? arena_strndup(a, z, (size_t)n) : "";
}

const char *col_str(Stmt *st, int i) {
  int n = 0;
  return HEAD(st)->drv->xColText(st, i, &n);
}

int64_t col_int(Stmt *st, int i) { return HEAD(st)->drv->xColInt(st, i); }

const void *col_blob(Stmt *st, int i) {
  int n = 0;
  return HEAD(st)->drv->xColBlob(st, i, &n);
}

int col_bytes(Stmt *st, int i) {
  int n = 0;
  HEAD(st)->drv->xColBlob(st, i, &n);
  return n;
}

int col_is_null(Stmt *st, int i) { return HEAD(st)->drv->xColIsNull(st, i); }
int col_count(Stmt *st) { return HEAD(st)->drv->xColCount(st); }
int stmt_changes(Store *s) { return s->drv->xChanges(s); }
int db_exec_sql(Store *s, const char *zSql) { return s->drv->xExec(s, zSql); }

/* ---- Row helpers ----------------------------------------------------------- */

int stmt_exec(Store *s, Stmt *st, const char *zWhat) {
  if (!st) return STORE_ERROR;
  int rc;
  while ((rc = stmt_step(st)) == STMT_ROW) {}
  stmt_done(st);
  return rc == STMT_DONE ? STORE_OK : store_db_err(s, zWhat);
}

int stmt_rows(Store *s, Stmt *st, Arena *a, size_t szRow, RowFill fill,
              void *ppOut, int *pn, const char *zWhat) {
  if (!st) return STORE_ERROR;
  char *aRow = NULL;
  int n = 0, nAlloc = 0, rc;
  while ((rc = stmt_step(st)) == STMT_ROW) {
    if (n >= nAlloc) {
      int n2 = nAlloc ? nAlloc * 2 : 16;
      aRow = arena_grow(a, aRow, szRow * (size_t)n, szRow * (size_t)n2);
      nAlloc = n2;
    }
    void *p = aRow + szRow * (size_t)n;
    memset(p, 0, szRow);
    fill(st, a, p);
    n++;
  }
  stmt_done(st);
  if (rc != STMT_DONE) return store_db_err(s, zWhat);
  memcpy(ppOut, &aRow, sizeof aRow);
  *pn = n;
  return STORE_OK;
}

int stmt_row(Store *s, Stmt *st, Arena *a, size_t szRow, RowFill fill,
             void *pRow, const char *zWhat) {
  if (!st) return STORE_ERROR;
  int rc = stmt_step(st);
  if (rc == STMT_ROW) {
    memset(pRow, 0, szRow);
    fill(st, a, pRow);
  }
  stmt_done(st);
  if (rc == STMT_ROW) return STORE_OK;
  if (rc == STMT_DONE)
    return store_fail(s, STORE_NOTFOUND, "%s失败：记录不存在", zWhat);
  return store_db_err(s, zWhat);
}

int stmt_int(Store *s, Stmt *st, int64_t *pv, const char *zWhat) {
  *pv = 0;
  if (!st) return STORE_ERROR;
  int rc = stmt_step(st);
  if (rc == STMT_ROW) *pv = col_int(st, 0);
  stmt_done(st);
  if (rc == STMT_ROW) return STORE_OK;
  if (rc == STMT_DONE)
    return store_fail(s, STORE_NOTFOUND, "%s失败：记录不存在", zWhat);
  return store_db_err(s, zWhat);
}

const char *stmt_text(Store *s, Stmt *st, Arena *a) {
  if (!st) return NULL;
  int rc = stmt_step(st);
  const char *z = rc == STMT_ROW ? col_text(a, st, 0) : NULL;
  stmt_done(st);
  if (rc < 0) store_db_err(s, "读取数据");
  return z;
}

int db_has_table(Store *s, const char *zTable) {
  Stmt *st = stmt(s, SQL_DIALECT(s,
      "SELECT count(*) FROM sqlite_master WHERE type='table' AND name=?1",
      "SELECT count(*) FROM information_schema.tables"
      " WHERE table_schema=current_schema() AND table_name=?1"));
  bind_text(st, 1, zTable);
  int64_t n = 0;
  int rc = stmt_int(s, st, &n, "读取表结构");
  return rc == STORE_OK ? n > 0 : rc;
}

int db_has_column(Store *s, const char *zTable, const char *zColumn) {
  Stmt *st = stmt(s, SQL_DIALECT(s,
      "SELECT count(*) FROM pragma_table_info(?1) WHERE name=?2",
      "SELECT count(*) FROM information_schema.columns"
      " WHERE table_schema=current_schema() AND table_name=?1"
      " AND column_name=?2"));
  bind_text(st, 1, zTable);
  bind_text(st, 2, zColumn);
  int64_t n = 0;
  int rc = stmt_int(s, st, &n, "读取表结构");
  return rc == STORE_OK ? n > 0 : rc;
}

void bind_limit(Stmt *st, int i, int64_t n) {
  bind_int(st, i, n < 0 ? INT64_MAX : n);
}

/* ---- Connection and transactions ------------------------------------------ */

/* The driver for a target: a PostgreSQL connection string (store_kind:
** a postgres:// or postgresql:// URI, or libpq keyword=value) names a
** PostgreSQL server, anything else is a SQLite file path. */
static const DbDriver *driver_for(const char *zTarget) {
  return store_kind(zTarget) == STORE_KIND_POSTGRES ? &dbPostgres : &dbSqlite;
}

int store_open(const char *zTarget, int flags, Store **pp, char **pzErr) {
  *pp = NULL;
  const DbDriver *drv = driver_for(zTarget);
  if (!drv) {
    if (pzErr) *pzErr = mprintf("不支持的数据库：%s", zTarget);
    return STORE_INVALID;
  }
  Store *s = xmalloc(sizeof *s);
  memset(s, 0, sizeof *s);
  s->drv = drv;
  int rc = drv->xOpen(s, zTarget, flags, pzErr);
  if (rc != STORE_OK) {
    store_close(s);
    return rc;
  }
  *pp = s;
  return STORE_OK;
}

void store_close(Store *s) {
  if (!s) return;
  store_close(s->pReplica);  /* a PostgreSQL store's search replica */
  for (int i = 0; i < s->nStmt; i++) s->drv->xFinalize(s->aStmt[i].st);
  s->nStmt = 0;
  s->drv->xClose(s);
  search_count_cache_free(&s->pCountCache);
  fts_pending_clear(&s->pFtsPending);
  free(s->zErr);
  free(s);
}

int store_schema_version(Store *s) { return s->drv->xSchemaVersion(s); }
int store_migrate(Store *s, int *pnApplied) { return s->drv->xMigrate(s, pnApplied); }

int store_begin(Store *s) {
  if (s->nTx++ > 0) return STORE_OK;
  s->bTxFailed = 0;
  int rc = s->drv->xBegin(s);
  if (rc != STORE_OK) s->nTx = 0;
  return rc;
}

int store_commit(Store *s) {
  if (s->nTx <= 0) return store_fail(s, STORE_ERROR, "没有进行中的事务");
  if (--s->nTx > 0) return STORE_OK;
  fts_pending_clear(&s->pFtsPending); /* store_search_give(): this tx only */
  if (s->bTxFailed) {
    s->drv->xRollback(s);
    return store_fail(s, STORE_ERROR, "事务已回滚");
  }
  int rc = s->drv->xCommit(s);
  if (rc != STORE_OK) s->drv->xRollback(s);
  return rc;
}

void store_rollback(Store *s) {
  if (s->nTx <= 0) return;
  if (--s->nTx > 0) {
    s->bTxFailed = 1;
    return;
  }
  fts_pending_clear(&s->pFtsPending);
  s->drv->xRollback(s);
}

void store_rollback_all(Store *s) {
  if (s->nTx <= 0) return;
  s->nTx = 0;
  fts_pending_clear(&s->pFtsPending);
  s->drv->xRollback(s);
}

int store_lock(Store *s, StoreLock lock) {
  if (s->nTx <= 0)
    return store_fail(s, STORE_ERROR, "内部错误：加锁须在事务中进行");
  return s->drv->xLock(s, lock);
}
