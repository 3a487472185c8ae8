/*
** store_sqlite.c — the SQLite connection: open, pragmas, the statement
** cache, errors, migrations, transactions, backup and settings.  The
** domain tables live in sqlite_<area>.c files.
*/
#include <assert.h>
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
#include "store/store_int.h"

/* PRAGMA application_id: "GKAI". */
#define GK_APPLICATION_ID 0x474b4149

int store_fail(Store *s, int rc, const char *zFmt, ...) {
  Buf b = BUF_INIT;
  va_list ap;
  va_start(ap, zFmt);
  buf_vprintf(&b, zFmt, ap);
  va_end(ap);
  free(s->zErr);
  s->zErr = buf_steal(&b);
  return rc;
}

int store_sqlite_err(Store *s, int rc, const char *zWhat) {
  int ext = sqlite3_extended_errcode(s->db);
  if (ext == SQLITE_CONSTRAINT_UNIQUE || ext == SQLITE_CONSTRAINT_PRIMARYKEY)
    return store_fail(s, STORE_CONFLICT, "%s失败：记录已存在（%s）", zWhat,
                      sqlite3_errmsg(s->db));
  if ((rc & 0xff) == SQLITE_CONSTRAINT)
    return store_fail(s, STORE_INVALID, "%s失败：数据不符合约束（%s）", zWhat,
                      sqlite3_errmsg(s->db));
  if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
    return store_fail(s, STORE_BUSY, "%s失败：数据库忙，请稍后重试", zWhat);
  return store_fail(s, STORE_ERROR, "%s失败：%s", zWhat, sqlite3_errmsg(s->db));
}

const char *store_errmsg(Store *s) {
  return s && s->zErr ? s->zErr : "";
}

sqlite3_stmt *stmt(Store *s, const char *zSql) {
  for (int i = 0; i < s->nStmt; i++)
    if (s->aStmt[i].zSql == zSql) return s->aStmt[i].st;
  sqlite3_stmt *st = NULL;
  int rc = sqlite3_prepare_v3(s->db, zSql, -1,
                              s->nStmt < STMT_CACHE ? SQLITE_PREPARE_PERSISTENT : 0,
                              &st, NULL);
  if (rc != SQLITE_OK) {
    store_fail(s, STORE_ERROR, "SQL 预编译失败：%s", sqlite3_errmsg(s->db));
    return NULL;
  }
  /* Every statement is a literal, so the cache never needs to evict; a
  ** full cache means STMT_CACHE is too small, which tests must catch. */
  assert(s->nStmt < STMT_CACHE);
  if (s->nStmt < STMT_CACHE) {
    s->aStmt[s->nStmt].zSql = zSql;
    s->aStmt[s->nStmt].st = st;
    s->nStmt++;
  }
  return st;
}

void stmt_done(sqlite3_stmt *st) {
  if (!st) return;
  sqlite3_reset(st);
  sqlite3_clear_bindings(st);
}

void bind_text(sqlite3_stmt *st, int i, const char *z) {
  if (z) sqlite3_bind_text(st, i, z, -1, SQLITE_TRANSIENT);
  else sqlite3_bind_null(st, i);
}

void bind_int(sqlite3_stmt *st, int i, int64_t v) { sqlite3_bind_int64(st, i, v); }

void bind_id(sqlite3_stmt *st, int i, int64_t v) {
  if (v) sqlite3_bind_int64(st, i, v);
  else sqlite3_bind_null(st, i);
}

const char *col_text(Arena *a, sqlite3_stmt *st, int i) {
  const unsigned char *z = sqlite3_column_text(st, i);
  int n = sqlite3_column_bytes(st, i);
  return z ? arena_strndup(a, (const char *)z, (size_t)n) : "";
}

int64_t col_int(sqlite3_stmt *st, int i) { return sqlite3_column_int64(st, i); }

int stmt_exec(Store *s, sqlite3_stmt *st, const char *zWhat) {
  if (!st) return STORE_ERROR;
  int rc = sqlite3_step(st);
  int out = (rc == SQLITE_DONE || rc == SQLITE_ROW) ? STORE_OK
                                                    : store_sqlite_err(s, rc, zWhat);
  stmt_done(st);
  return out;
}

void store_now_iso(char z[21]) {
  time_t t = time(NULL);
  struct tm tm;
  gmtime_r(&t, &tm);
  strftime(z, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static int exec_sql(Store *s, const char *zSql) {
  char *zErr = NULL;
  if (sqlite3_exec(s->db, zSql, NULL, NULL, &zErr) != SQLITE_OK) {
    store_fail(s, STORE_ERROR, "%s", zErr ? zErr : sqlite3_errmsg(s->db));
    sqlite3_free(zErr);
    return STORE_ERROR;
  }
  return STORE_OK;
}

extern int fts_register_all(sqlite3 *db);

/* Tables whose rows never appear on a public page: writing them leaves the
** public content generation alone (migration 0040).  Every other table,
** including ones added later, advances it. */
static int private_table(const char *zName) {
  static const char *const az[] = {
    "session", "login_failure", "login_throttle", "audit_log", "apply_attempt",
    "message_throttle", "form_submission", "api_token", "schema_migration",
    "content_generation", "holiday", NULL};
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

int store_content_generation(Store *s, int64_t *pGen) {
  sqlite3_stmt *st = stmt(s, "SELECT gen FROM content_generation WHERE id=1");
  if (!st) return STORE_ERROR;
  int rc = sqlite3_step(st);
  *pGen = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
  stmt_done(st);
  return rc == SQLITE_ROW ? STORE_OK : store_fail(s, STORE_ERROR, "读取内容版本失败");
}

/* SQLITE_TRACE_PROFILE: x points to the statement's run time in ns. */
static int on_profile(unsigned type, void *ctx, void *p, void *x) {
  (void)type, (void)p;
  ((Store *)ctx)->dbNs += *(const sqlite3_int64 *)x;
  return 0;
}

int64_t store_db_ns(Store *s) { return s ? s->dbNs : 0; }

int store_open(const char *zPath, int flags, Store **pp, char **pzErr) {
  struct stat sb;
  int exists = stat(zPath, &sb) == 0;
  *pp = NULL;
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
  Store *s = xmalloc(sizeof *s);
  memset(s, 0, sizeof *s);
  int oflags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX |
               ((flags & STORE_CREATE) ? SQLITE_OPEN_CREATE : 0);
  if (sqlite3_open_v2(zPath, &s->db, oflags, NULL) != SQLITE_OK) {
    if (pzErr) *pzErr = mprintf("无法打开数据库 %s：%s", zPath,
                                s->db ? sqlite3_errmsg(s->db) : "内存不足");
    store_close(s);
    return STORE_ERROR;
  }
  sqlite3_busy_timeout(s->db, 5000);
  sqlite3_trace_v2(s->db, SQLITE_TRACE_PROFILE, on_profile, s);
  sqlite3_extended_result_codes(s->db, 1);
  if (exec_sql(s, "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON;"
                  "PRAGMA synchronous=NORMAL;") != STORE_OK) {
    if (pzErr) *pzErr = mprintf("数据库设置失败：%s", store_errmsg(s));
    store_close(s);
    return STORE_ERROR;
  }
  if (flags & STORE_CREATE) {
    char z[64];
    snprintf(z, sizeof z, "PRAGMA application_id=%d;", GK_APPLICATION_ID);
    exec_sql(s, z);
  } else {
    sqlite3_stmt *st = stmt(s, "PRAGMA application_id");
    int id = (st && sqlite3_step(st) == SQLITE_ROW) ? sqlite3_column_int(st, 0) : -1;
    stmt_done(st);
    if (id != GK_APPLICATION_ID) {
      if (pzErr) *pzErr = mprintf("%s 不是 gongkai 数据库", zPath);
      store_close(s);
      return STORE_INVALID;
    }
  }
  if (fts_register_all(s->db) != SQLITE_OK) {
    if (pzErr) *pzErr = mprintf("全文检索分词器注册失败");
    store_close(s);
    return STORE_ERROR;
  }
  if (flags & (STORE_CREATE | STORE_MIGRATE)) {
    if (store_migrate(s, NULL) != STORE_OK) {
      if (pzErr) *pzErr = mprintf("数据库迁移失败：%s", store_errmsg(s));
      store_close(s);
      return STORE_ERROR;
    }
  }
  if (content_triggers(s) != STORE_OK) {
    if (pzErr) *pzErr = mprintf("数据库设置失败：%s", store_errmsg(s));
    store_close(s);
    return STORE_ERROR;
  }
  *pp = s;
  return STORE_OK;
}

void store_close(Store *s) {
  if (!s) return;
  for (int i = 0; i < s->nStmt; i++) sqlite3_finalize(s->aStmt[i].st);
  if (s->db) sqlite3_close(s->db);
  free(s->zErr);
  free(s);
}

int store_schema_version(Store *s) {
  sqlite3_stmt *st = stmt(s, "PRAGMA user_version");
  int v = (st && sqlite3_step(st) == SQLITE_ROW) ? sqlite3_column_int(st, 0) : 0;
  stmt_done(st);
  return v;
}

int store_bulk_mode(Store *s, int nMiB) {
  char z[64];
  snprintf(z, sizeof z, "PRAGMA cache_size=-%d;", nMiB > 0 ? nMiB * 1024 : 2048);
  return exec_sql(s, z);
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
  sqlite3_stmt *st = stmt(s, "SELECT 1 FROM schema_migration WHERE version=?1");
  if (!st) return 0;
  bind_int(st, 1, v);
  int r = sqlite3_step(st) == SQLITE_ROW;
  stmt_done(st);
  return r;
}

/*
** Applies every embedded migration not yet recorded in schema_migration,
** in file-name order, each in its own transaction together with its
** record.  A migration numbered below the newest applied one (a branch
** that landed late) is still applied.  user_version mirrors the newest.
*/
int store_migrate(Store *s, int *pnApplied) {
  int n = 0;
  if (store_schema_version(s) > store_schema_latest())
    return store_fail(s, STORE_INVALID,
                      "数据库版本 %d 比程序支持的 %d 新，请升级 gongkai",
                      store_schema_version(s), store_schema_latest());
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
    int latest = v > store_schema_version(s) ? v : store_schema_version(s);
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

int store_begin(Store *s) {
  if (s->nTx++ > 0) return STORE_OK;
  s->bTxFailed = 0;
  int rc = sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  if (rc != SQLITE_OK) {
    s->nTx = 0;
    return store_sqlite_err(s, rc, "开始事务");
  }
  return STORE_OK;
}

int store_commit(Store *s) {
  if (s->nTx <= 0) return store_fail(s, STORE_ERROR, "没有进行中的事务");
  if (--s->nTx > 0) return STORE_OK;
  if (s->bTxFailed) {
    sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    return store_fail(s, STORE_ERROR, "事务已回滚");
  }
  int rc = sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
  if (rc != SQLITE_OK) {
    int out = store_sqlite_err(s, rc, "提交事务");
    sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    return out;
  }
  return STORE_OK;
}

void store_rollback(Store *s) {
  if (s->nTx <= 0) return;
  if (--s->nTx > 0) {
    s->bTxFailed = 1;
    return;
  }
  sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
}

void store_rollback_all(Store *s) {
  if (s->nTx <= 0) return;
  s->nTx = 0;
  sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
}

int store_backup(Store *s, const char *zTo) {
  struct stat sb;
  if (stat(zTo, &sb) == 0)
    return store_fail(s, STORE_CONFLICT, "备份目标已存在：%s", zTo);
  sqlite3 *dst = NULL;
  if (sqlite3_open_v2(zTo, &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
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
  /* Copy in steps so writers are not blocked for the whole copy; a write
  ** by another connection restarts the copy, which keeps it consistent. */
  do {
    rc = sqlite3_backup_step(b, 256);
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

const char *store_setting_get(Store *s, Arena *a, const char *zName) {
  sqlite3_stmt *st = stmt(s, "SELECT value FROM setting WHERE name=?1");
  if (!st) return NULL;
  bind_text(st, 1, zName);
  const char *z = sqlite3_step(st) == SQLITE_ROW ? col_text(a, st, 0) : NULL;
  stmt_done(st);
  return z;
}

int64_t store_setting_int(Store *s, const char *zName) {
  const SettingDef *d = settings_find(zName);
  Arena a = ARENA_INIT;
  const char *z = store_setting_get(s, &a, zName);
  int64_t v = 0;
  if (d && z && !settings_validate(d, z)) v = strtoll(z, NULL, 10);
  else if (d) v = strtoll(d->zDefault, NULL, 10);
  arena_free(&a);
  return v;
}

int store_setting_set(Store *s, const char *zName, const char *zValue) {
  const SettingDef *d = settings_find(zName);
  const char *zWhy;
  if (!d) return store_fail(s, STORE_INVALID, "没有名为“%s”的设置", zName);
  if ((zWhy = settings_validate(d, zValue)) != NULL)
    return store_fail(s, STORE_INVALID, "设置“%s”的取值无效：%s", zName, zWhy);
  sqlite3_stmt *st = stmt(s,
      "INSERT INTO setting(name,value) VALUES(?1,?2)"
      " ON CONFLICT(name) DO UPDATE SET value=excluded.value");
  if (!st) return STORE_ERROR;
  bind_text(st, 1, zName);
  bind_text(st, 2, zValue);
  return stmt_exec(s, st, "保存设置");
}

int store_audit(Store *s, int64_t userId, int64_t orgId, const char *zAction,
                const char *zDetail) {
  char zNow[21];
  store_now_iso(zNow);
  sqlite3_stmt *st = stmt(s,
      "INSERT INTO audit_log(at,user_id,org_id,action,detail)"
      " VALUES(?1,?2,?3,?4,?5)");
  if (!st) return STORE_ERROR;
  bind_text(st, 1, zNow);
  bind_id(st, 2, userId);
  bind_id(st, 3, orgId);
  bind_text(st, 4, zAction);
  bind_text(st, 5, zDetail ? zDetail : "");
  return stmt_exec(s, st, "记录审计日志");
}
