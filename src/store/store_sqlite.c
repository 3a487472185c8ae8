/*
** store_sqlite.c — the SQLite driver of the statement layer (db.h): open
** and pragmas, statements, the error classification, transactions, the
** migrations runner, the TEMP triggers of the content generation, and the
** SQLite-only administration of store_admin.h (backup, integrity check,
** bulk mode).  The domain tables live in store_<area>.c files.
*/
#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/settings.h"
#include "lib/buf.h"
#include "lib/embed.h"
#include "store/store_admin.h"
#include "store/store_applications.h"
#include "store/store_int.h"
#include "store/store_pg.h"
#include "store/store_sqlite.h"

/* The page size of a new database (PRAGMA page_size), bytes. */
#define GK_PAGE_SIZE_STR "16384"

/* PRAGMA application_id: "GKAI". */
#define GK_APPLICATION_ID 0x474b4149

/* A statement: the layer's head, then SQLite's. */
struct Stmt {
  StmtHead h;
  sqlite3_stmt *p;
};

/* NULL for a statement of another driver: the SQLite-only parts then fail
** cleanly on a PostgreSQL store instead of reading a foreign struct. */
sqlite3_stmt *stmt_lite(Stmt *st) {
  return st && st->h.drv == &dbSqlite ? st->p : NULL;
}

/* Classifies the connection's last failure into s->dbErr, logs SQLite's
** own (English) message and returns the STORE_* code. */
static int lite_fail(Store *s, int rc, const char *zWhat) {
  int ext = sqlite3_extended_errcode(s->db);
  store_log_raw(zWhat, sqlite3_errmsg(s->db));
  if (ext == SQLITE_CONSTRAINT_UNIQUE || ext == SQLITE_CONSTRAINT_PRIMARYKEY)
    s->dbErr = DB_ERR_UNIQUE;
  else if (ext == SQLITE_CONSTRAINT_FOREIGNKEY)
    s->dbErr = DB_ERR_FOREIGN_KEY;
  else if ((rc & 0xff) == SQLITE_CONSTRAINT)
    s->dbErr = DB_ERR_CHECK;
  else if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
    s->dbErr = DB_ERR_BUSY;
  else
    s->dbErr = DB_ERR_OTHER;
  return store_db_err(s, zWhat);
}

int store_sqlite_err(Store *s, int rc, const char *zWhat) {
  return lite_fail(s, rc, zWhat);
}

int lite_exec(Store *s, sqlite3_stmt *st, const char *zWhat) {
  if (!st) return STORE_ERROR;
  s->dbErr = DB_ERR_NONE;
  int rc = sqlite3_step(st);
  int out = (rc == SQLITE_DONE || rc == SQLITE_ROW) ? STORE_OK : lite_fail(s, rc, zWhat);
  lite_done(st);
  return out;
}

static Stmt *drv_prepare(Store *s, const char *zSql) {
  sqlite3_stmt *p = NULL;
  int rc = sqlite3_prepare_v3(s->db, zSql, -1, SQLITE_PREPARE_PERSISTENT, &p, NULL);
  if (rc != SQLITE_OK) {
    lite_fail(s, rc, "SQL 预编译");
    return NULL;
  }
  Stmt *st = xmalloc(sizeof *st);
  st->h.drv = &dbSqlite;
  st->h.s = s;
  st->p = p;
  return st;
}

static void drv_finalize(Stmt *st) {
  if (!st) return;
  sqlite3_finalize(st->p);
  free(st);
}

static void drv_reset(Stmt *st) {
  sqlite3_reset(st->p);
  sqlite3_clear_bindings(st->p);
}

static void drv_bind_text(Stmt *st, int i, const char *z) {
  sqlite3_bind_text(st->p, i, z, -1, SQLITE_TRANSIENT);
}
static void drv_bind_int(Stmt *st, int i, int64_t v) { sqlite3_bind_int64(st->p, i, v); }
static void drv_bind_blob(Stmt *st, int i, const void *p, size_t n) {
  sqlite3_bind_blob64(st->p, i, p ? p : "", (sqlite3_uint64)n, SQLITE_STATIC);
}
static void drv_bind_null(Stmt *st, int i) { sqlite3_bind_null(st->p, i); }

static int drv_step(Stmt *st) {
  int rc = sqlite3_step(st->p);
  if (rc == SQLITE_ROW) return STMT_ROW;
  if (rc == SQLITE_DONE) return STMT_DONE;
  return lite_fail(st->h.s, rc, "数据库操作");
}

static const char *drv_col_text(Stmt *st, int i, int *pn) {
  const char *z = (const char *)sqlite3_column_text(st->p, i);
  *pn = sqlite3_column_bytes(st->p, i);
  return z;
}
static int64_t drv_col_int(Stmt *st, int i) { return sqlite3_column_int64(st->p, i); }
static const void *drv_col_blob(Stmt *st, int i, int *pn) {
  const void *p = sqlite3_column_blob(st->p, i);
  *pn = sqlite3_column_bytes(st->p, i);
  return p;
}
static int drv_col_is_null(Stmt *st, int i) {
  return sqlite3_column_type(st->p, i) == SQLITE_NULL;
}
static int drv_col_count(Stmt *st) { return sqlite3_column_count(st->p); }
static int drv_changes(Store *s) { return sqlite3_changes(s->db); }

/* Creates zPath empty with mode 0600 (owner only) unless it exists.  SQLite
** gives the -wal and -shm files the mode of the database file, so the
** database, its WAL and backups are all readable by the owner only. */
static int create_private(const char *zPath) {
  int fd = open(zPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return errno == EEXIST ? 0 : -1;
  close(fd);
  return 0;
}

/* Runs one or more statements without parameters; STORE_OK or the
** failure, classified. */
static int exec_sql(Store *s, const char *zSql) {
  s->dbErr = DB_ERR_NONE;
  int rc = sqlite3_exec(s->db, zSql, NULL, NULL, NULL);
  return rc == SQLITE_OK ? STORE_OK : lite_fail(s, rc, "数据库操作");
}

extern int fts_register_all(sqlite3 *db);

/* Tables whose rows never appear on a public page: writing them leaves the
** public content generation alone (migration 0040).  Every other table,
** including ones added later, advances it. */
static int private_table(const char *zName) {
  static const char *const az[] = {
    "session", "login_failure", "login_throttle", "audit_log", "apply_attempt",
    "message_throttle", "form_submission", "api_token", "schema_migration",
    "content_generation", "holiday", "job_lease", "search_log", NULL};
  for (int i = 0; az[i]; i++)
    if (!strcmp(az[i], zName)) return 1;
  /* Applications and their case files are seen by their handlers and, at
  ** /track, by the applicant (never cached). */
  return !strncmp(zName, "application", 11) || !strncmp(zName, "app_", 4);
}

/* Creates, on this connection, the TEMP triggers that advance the content
** generation on every change to a public table.  Nothing before migration
** 0040 (the counter's table does not exist yet).  STORE_OK or an error. */
static int content_triggers(Store *s) {
  sqlite3_stmt *st = NULL;
  int rc = sqlite3_prepare_v2(s->db,
      "SELECT t.name FROM sqlite_master t WHERE t.type='table'"
      " AND t.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND t.sql NOT LIKE 'CREATE VIRTUAL%'"
      " AND EXISTS (SELECT 1 FROM sqlite_master c WHERE c.name='content_generation')"
      " AND NOT EXISTS (SELECT 1 FROM sqlite_master v WHERE v.type='table'"
      "  AND v.sql LIKE 'CREATE VIRTUAL%' AND t.name LIKE v.name || '\\_%' ESCAPE '\\')",
      -1, &st, NULL);
  if (rc != SQLITE_OK) return store_fail(s, STORE_ERROR, "读取表结构失败：%s", sqlite3_errmsg(s->db));
  Buf b = BUF_INIT;
  while (sqlite3_step(st) == SQLITE_ROW) {
    const char *zName = (const char *)sqlite3_column_text(st, 0);
    if (!zName || private_table(zName)) continue;
    static const char *const azOp[] = {"INSERT", "UPDATE", "DELETE"};
    for (int i = 0; i < 3; i++) {
      char *z = sqlite3_mprintf(
          "CREATE TEMP TRIGGER IF NOT EXISTS \"gk_gen_%w_%d\" AFTER %s ON main.\"%w\""
          " BEGIN UPDATE content_generation SET gen=gen+1 WHERE id=1; END;\n",
          zName, i, azOp[i], zName);
      buf_puts(&b, z);
      sqlite3_free(z);
    }
  }
  sqlite3_finalize(st);
  rc = b.n ? exec_sql(s, buf_str(&b)) : STORE_OK;
  buf_free(&b);
  return rc;
}

/* SQLITE_TRACE_PROFILE: x points to the statement's run time in ns. */
static int on_profile(unsigned type, void *ctx, void *p, void *x) {
  (void)type, (void)p;
  ((Store *)ctx)->dbNs += *(const sqlite3_int64 *)x;
  return 0;
}

/* The integer a PRAGMA returns, or dflt. */
static int lite_pragma_int(Store *s, const char *zPragma, int dflt) {
  sqlite3_stmt *st = NULL;
  int v = dflt;
  if (sqlite3_prepare_v2(s->db, zPragma, -1, &st, NULL) == SQLITE_OK &&
      sqlite3_step(st) == SQLITE_ROW)
    v = sqlite3_column_int(st, 0);
  sqlite3_finalize(st);
  return v;
}

/* Opens the file zPath into s (see DbDriver.xOpen); the caller closes s
** on failure. */
static int drv_open(Store *s, const char *zPath, int flags, char **pzErr) {
  struct stat sb;
  int exists = stat(zPath, &sb) == 0;
  if ((flags & STORE_RAW) && !exists) {
    if (create_private(zPath)) {
      if (pzErr) *pzErr = mprintf("无法创建文件 %s", zPath);
      return STORE_ERROR;
    }
    exists = 1;
  }
  if ((flags & STORE_CREATE) && exists) {
    if (pzErr) *pzErr = mprintf("数据库文件已存在：%s（不会覆盖）", zPath);
    return STORE_CONFLICT;
  }
  if (!(flags & STORE_CREATE) && !exists) {
    if (pzErr)
      *pzErr = mprintf("数据库文件不存在：%s（先运行 gongkai init --db %s）",
                       zPath, zPath);
    return STORE_NOTFOUND;
  }
  if ((flags & STORE_CREATE) && create_private(zPath)) {
    if (pzErr) *pzErr = mprintf("无法创建数据库文件 %s", zPath);
    return STORE_ERROR;
  }
  int oflags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX |
               ((flags & STORE_CREATE) ? SQLITE_OPEN_CREATE : 0);
  if (sqlite3_open_v2(zPath, &s->db, oflags, NULL) != SQLITE_OK) {
    if (pzErr) *pzErr = mprintf("无法打开数据库 %s：%s", zPath,
                                s->db ? sqlite3_errmsg(s->db) : "内存不足");
    return STORE_ERROR;
  }
  sqlite3_busy_timeout(s->db, 5000);
  sqlite3_trace_v2(s->db, SQLITE_TRACE_PROFILE, on_profile, s);
  sqlite3_extended_result_codes(s->db, 1);
  /* A new database gets pages of GK_PAGE_SIZE bytes: a document's row
  ** (2-7 KB of text) filled a 4 KB page alone or spilled to a half-empty
  ** overflow page, a quarter of the table unused; and auto_vacuum
  ** INCREMENTAL, so that a bulk import can give back the pages its search
  ** index merges freed (store_release_free; bench/analysis.md, second
  ** round).  Only before the first write: an existing database keeps both
  ** (VACUUM outside WAL mode changes them). */
  if ((flags & STORE_CREATE) &&
      exec_sql(s, "PRAGMA page_size=" GK_PAGE_SIZE_STR ";"
                  "PRAGMA auto_vacuum=INCREMENTAL;") != STORE_OK) {
    if (pzErr) *pzErr = mprintf("数据库设置失败：%s", store_errmsg(s));
    return STORE_ERROR;
  }
  if (exec_sql(s, "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON;"
                  "PRAGMA synchronous=NORMAL;") != STORE_OK) {
    if (pzErr) *pzErr = mprintf("数据库设置失败：%s", store_errmsg(s));
    return STORE_ERROR;
  }
  if (flags & STORE_RAW)
    return fts_register_all(s->db) == SQLITE_OK ? STORE_OK : STORE_ERROR;
  if (flags & STORE_CREATE) {
    char z[64];
    snprintf(z, sizeof z, "PRAGMA application_id=%d;", GK_APPLICATION_ID);
    exec_sql(s, z);
  } else {
    int id = lite_pragma_int(s, "PRAGMA application_id", -1);
    if (id != GK_APPLICATION_ID) {
      if (pzErr) *pzErr = mprintf("%s 不是 gongkai 数据库", zPath);
        return STORE_INVALID;
    }
  }
  if (fts_register_all(s->db) != SQLITE_OK) {
    if (pzErr) *pzErr = mprintf("全文检索分词器注册失败");
    return STORE_ERROR;
  }
  if (flags & (STORE_CREATE | STORE_MIGRATE)) {
    if (store_migrate(s, NULL) != STORE_OK) {
      if (pzErr) *pzErr = mprintf("数据库迁移失败：%s", store_errmsg(s));
        return STORE_ERROR;
    }
  }
  if (content_triggers(s) != STORE_OK) {
    if (pzErr) *pzErr = mprintf("数据库设置失败：%s", store_errmsg(s));
    return STORE_ERROR;
  }
  return STORE_OK;
}

static void drv_close(Store *s) {
  if (s->db) sqlite3_close(s->db);
  s->db = NULL;
}

static int drv_schema_version(Store *s) {
  return lite_pragma_int(s, "PRAGMA user_version", 0);
}

/* The administration below is SQLite's; on another database it is refused
** with a message (or, for the cache hint of bulk mode, nothing happens). */
static int lite_only(Store *s, const char *zWhat) {
  return store_fail(s, STORE_INVALID, "%s仅适用于 SQLite 数据库文件；"
                    "PostgreSQL 请用 pg_dump 与 pg_amcheck", zWhat);
}

int store_bulk_mode(Store *s, int nMiB) {
  if (!s->db) return STORE_OK;
  char z[64];
  /* Every statement that fires a content trigger (above) writes several
  ** rows, so SQLite keeps a statement journal of the pages it changes,
  ** spilled to a temporary file past 64 KiB: 6.1 GB of pwrite() for an
  ** import of 20,000 documents (16 KiB pages), and the trigger's UPDATE
  ** itself, once per row (bench/analysis.md, "the import pipeline").  In
  ** bulk mode the generation advances once per committed transaction
  ** instead (drv_commit): changing temp_store drops the TEMP schema, the
  ** triggers with it, and puts any statement journal in memory. */
  snprintf(z, sizeof z, "PRAGMA cache_size=-%d; PRAGMA temp_store=MEMORY;",
           nMiB > 0 ? nMiB * 1024 : 2048);
  int rc = exec_sql(s, z);
  if (rc == STORE_OK) s->bBulkGen = db_has_table(s, "content_generation") > 0;
  return rc;
}

int store_release_free(Store *s) {
  if (!s->db) return STORE_OK;
  return exec_sql(s, "PRAGMA incremental_vacuum;");
}

/* Version number of a migration file name "0003_name.sql". */
static int migration_version(const char *zName) { return atoi(zName); }

int store_schema_latest(void) {
  int v = 0;
  for (const Embedded *e = aSchema; e->zName; e++) {
    if (migration_version(e->zName) > v) v = migration_version(e->zName);
    /* Two files with one number would make the second one never run. */
    for (const Embedded *f = e + 1; f->zName; f++)
      assert(migration_version(f->zName) != migration_version(e->zName));
  }
  return v;
}

/* 1 when migration v is recorded as applied. */
static int migration_applied(Store *s, int v) {
  Stmt *st = stmt(s, "SELECT 1 FROM schema_migration WHERE version=?1");
  bind_int(st, 1, v);
  int r = stmt_step(st) == STMT_ROW;
  stmt_done(st);
  return r;
}

/*
** Applies every embedded migration not yet recorded in schema_migration,
** in file-name order, each in its own transaction together with its
** record.  A migration numbered below the newest applied one (a branch
** that landed late) is still applied.  user_version mirrors the newest.
*/
static int drv_migrate(Store *s, int *pnApplied) {
  int n = 0;
  if (drv_schema_version(s) > store_schema_latest())
    return store_fail(s, STORE_INVALID,
                      "数据库版本 %d 比程序支持的 %d 新，请升级 gongkai",
                      drv_schema_version(s), store_schema_latest());
  if (exec_sql(s, "CREATE TABLE IF NOT EXISTS schema_migration ("
                  " version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
                  " applied_at TEXT NOT NULL)") != STORE_OK)
    return STORE_ERROR;
  for (const Embedded *e = aSchema; e->zName; e++) {
    int v = migration_version(e->zName);
    if (migration_applied(s, v)) continue;
    char zNow[21];
    store_now_iso(zNow);
    Buf b = BUF_INIT;
    buf_puts(&b, "BEGIN IMMEDIATE;\n");
    buf_append(&b, e->pData, e->nData);
    buf_printf(&b, "\n;INSERT INTO schema_migration VALUES(%d,'", v);
    for (const char *z = e->zName; *z; z++)  /* file names are [0-9a-z_.] */
      if (*z != '\'') buf_putc(&b, *z);
    buf_printf(&b, "','%s');\n", zNow);
    int latest = v > drv_schema_version(s) ? v : drv_schema_version(s);
    buf_printf(&b, "PRAGMA user_version=%d;\n", latest);
    int rc = exec_sql(s, buf_str(&b));
    buf_free(&b);
    if (rc != STORE_OK) {
      char *zErr = xstrdup(store_errmsg(s));
      sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
      store_fail(s, STORE_ERROR, "迁移 %s 失败：%s", e->zName, zErr);
      free(zErr);
      return STORE_ERROR;
    }
    if (exec_sql(s, "COMMIT") != STORE_OK) return STORE_ERROR;
    n++;
  }
  if (pnApplied) *pnApplied = n;
  return STORE_OK;
}

int store_backup(Store *s, const char *zTo) {
  if (!s->db) return s->pg ? store_pg_backup(s, zTo) : lite_only(s, "备份");
  struct stat sb;
  if (stat(zTo, &sb) == 0)
    return store_fail(s, STORE_CONFLICT, "备份目标已存在：%s", zTo);
  sqlite3 *dst = NULL;
  if (create_private(zTo) ||
      sqlite3_open_v2(zTo, &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                      NULL) != SQLITE_OK) {
    store_fail(s, STORE_ERROR, "无法创建备份文件 %s", zTo);
    sqlite3_close(dst);
    return STORE_ERROR;
  }
  sqlite3_backup *b = sqlite3_backup_init(dst, "main", s->db, "main");
  int rc;
  if (!b) {
    store_fail(s, STORE_ERROR, "备份失败：%s", sqlite3_errmsg(dst));
    sqlite3_close(dst);
    unlink(zTo);
    return STORE_ERROR;
  }
  /* The whole copy in one step, i.e. one read transaction: the database is
  ** in WAL mode, where a reader blocks no writer, so the server goes on
  ** writing and the copy is the snapshot of the moment it began.  (Copying
  ** a few pages per step restarted the copy from the first page at every
  ** write between two steps: under a steady stream of writes a large
  ** database's backup took minutes or never finished.) */
  do {
    rc = sqlite3_backup_step(b, -1);
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(20);
  } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish(b);
  if (rc != SQLITE_DONE) {
    store_fail(s, STORE_ERROR, "备份失败：%s", sqlite3_errmsg(dst));
    sqlite3_close(dst);
    unlink(zTo);
    return STORE_ERROR;
  }
  sqlite3_close(dst);
  return STORE_OK;
}

int store_integrity_check(Store *s) {
  if (!s->db) return lite_only(s, "完整性检查");
  sqlite3_stmt *st = NULL;
  if (sqlite3_prepare_v2(s->db, "PRAGMA integrity_check(1)", -1, &st, NULL) != SQLITE_OK)
    return store_fail(s, STORE_ERROR, "完整性检查失败：%s", sqlite3_errmsg(s->db));
  int rc = sqlite3_step(st);
  const char *z = rc == SQLITE_ROW ? (const char *)sqlite3_column_text(st, 0) : NULL;
  int ok = z && !strcmp(z, "ok");
  if (!ok) store_fail(s, STORE_ERROR, "数据库文件已损坏：%s", z ? z : sqlite3_errmsg(s->db));
  sqlite3_finalize(st);
  return ok ? STORE_OK : STORE_ERROR;
}



/* store_applications.h: the database file ("" when none: in memory, or
** not a SQLite connection). */
const char *store_app_db_path(Store *s) {
  const char *z = s->db ? sqlite3_db_filename(s->db, "main") : NULL;
  return z ? z : "";
}

/* ---- Transactions ----------------------------------------------------------- */


/* Every writing transaction takes the write lock at once (no upgrade
** deadlocks between readers that become writers). */
static int drv_begin(Store *s) {
  s->dbErr = DB_ERR_NONE;
  int rc = sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  return rc == SQLITE_OK ? STORE_OK : lite_fail(s, rc, "开始事务");
}

static int drv_commit(Store *s) {
  s->dbErr = DB_ERR_NONE;
  /* Bulk mode: the content triggers are gone (store_bulk_mode). */
  int rc = s->bBulkGen ? sqlite3_exec(s->db,
      "UPDATE content_generation SET gen=gen+1 WHERE id=1", NULL, NULL, NULL)
                       : SQLITE_OK;
  if (rc != SQLITE_OK) return lite_fail(s, rc, "提交事务");
  rc = sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
  return rc == SQLITE_OK ? STORE_OK : lite_fail(s, rc, "提交事务");
}

static void drv_rollback(Store *s) {
  sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
}

/* BEGIN IMMEDIATE already holds the database's one write lock for the
** whole transaction: every named lock is covered by it. */
static int drv_lock(Store *s, StoreLock lock) {
  (void)s, (void)lock;
  return STORE_OK;
}

const DbDriver dbSqlite = {
  .zName = "sqlite",
  .dialect = DB_SQLITE,
  .xOpen = drv_open,
  .xClose = drv_close,
  .xPrepare = drv_prepare,
  .xFinalize = drv_finalize,
  .xReset = drv_reset,
  .xBindText = drv_bind_text,
  .xBindInt = drv_bind_int,
  .xBindBlob = drv_bind_blob,
  .xBindNull = drv_bind_null,
  .xStep = drv_step,
  .xColText = drv_col_text,
  .xColInt = drv_col_int,
  .xColBlob = drv_col_blob,
  .xColIsNull = drv_col_is_null,
  .xColCount = drv_col_count,
  .xChanges = drv_changes,
  .xExec = exec_sql,
  .xBegin = drv_begin,
  .xCommit = drv_commit,
  .xRollback = drv_rollback,
  .xLock = drv_lock,
  .xSchemaVersion = drv_schema_version,
  .xMigrate = drv_migrate,
};
