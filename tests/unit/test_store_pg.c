/*
** test_store_pg.c — the PostgreSQL side of the store (issue 16): which
** --db value names which database (store_kind), the ?N → $N rewriting and
** the SQLSTATE classes of the libpq driver, and, when GK_TEST_PG names a
** server (make check-pg), the driver against it: creation, migrations,
** errors, transactions, locks, the content generation, the lock order of
** a search rebuild against a publication, and a lost connection.
*/
#include <libpq-fe.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "lib/embed.h"
#include "storefix.h"
#include "store/store_int.h"
#include "store/store_pg.h"
#include "store/store_admin.h"

TEST(store_kind_by_target) {
  /* libpq's two URI schemes. */
  CHECK_INT(store_kind("postgresql://gk@db.example/gongkai"), STORE_KIND_POSTGRES);
  CHECK_INT(store_kind("postgres:///gongkai?host=/run/postgresql"), STORE_KIND_POSTGRES);
  /* keyword=value strings, spaces around '=' allowed. */
  CHECK_INT(store_kind("host=/run/postgresql dbname=gongkai"), STORE_KIND_POSTGRES);
  CHECK_INT(store_kind("dbname = gongkai"), STORE_KIND_POSTGRES);
  CHECK_INT(store_kind("service=gongkai"), STORE_KIND_POSTGRES);
  /* Paths, including ones with '=' or a scheme-like prefix. */
  CHECK_INT(store_kind("var/gongkai.db"), STORE_KIND_SQLITE);
  CHECK_INT(store_kind("/srv/gongkai/gongkai.db"), STORE_KIND_SQLITE);
  CHECK_INT(store_kind("./host=x"), STORE_KIND_SQLITE);
  CHECK_INT(store_kind("backup=2026.db"), STORE_KIND_SQLITE);
  CHECK_INT(store_kind("postgres.db"), STORE_KIND_SQLITE);
  CHECK_INT(store_kind("postgresql:/x"), STORE_KIND_SQLITE);
  CHECK_INT(store_kind(""), STORE_KIND_SQLITE);
}

static void check_redacted(const char *zIn, const char *zWant) {
  char *z = store_target_redacted(zIn);
  CHECK_STR(z, zWant);
  free(z);
}

TEST(store_target_redacted_hides_passwords) {
  check_redacted("host=db dbname=gk user=gk password=s3cret sslmode=require",
                 "host=db dbname=gk user=gk password=*** sslmode=require");
  check_redacted("dbname=gk password = 'a b\\' c'", "dbname=gk password=***");
  check_redacted("postgresql://gk:s3cret@db.example:5432/gk?sslmode=require",
                 "postgresql://gk:***@db.example:5432/gk?sslmode=require");
  check_redacted("postgres://gk@db/gk?password=s3cret&application_name=x",
                 "postgres://gk@db/gk?password=***&application_name=x");
  check_redacted("postgres:///gk?host=/run/postgresql", "postgres:///gk?host=/run/postgresql");
  check_redacted("host=/run/postgresql dbname=gk", "host=/run/postgresql dbname=gk");
  /* A SQLite path is shown as it is. */
  check_redacted("/var/lib/gongkai/password=x.db", "/var/lib/gongkai/password=x.db");
}

TEST(store_pg_rewrite_params) {
  int n = -1;
  char *z = pg_rewrite_params("SELECT a FROM t WHERE b=?1 AND c=?12 OR d=?2", &n);
  CHECK_STR(z, "SELECT a FROM t WHERE b=$1 AND c=$12 OR d=$2");
  CHECK_INT(n, 12);
  free(z);
  /* Not inside literals (with doubled quotes), identifiers or comments. */
  z = pg_rewrite_params("SELECT '?1', 'it''s ?2', \"?3\" -- ?4\n, ?5 /* ?6 */", &n);
  CHECK_STR(z, "SELECT '?1', 'it''s ?2', \"?3\" -- ?4\n, $5 /* ?6 */");
  CHECK_INT(n, 5);
  free(z);
  /* No parameters; a '?' that is not ?N stays. */
  z = pg_rewrite_params("SELECT 1 WHERE x ? 'k'", &n);
  CHECK_STR(z, "SELECT 1 WHERE x ? 'k'");
  CHECK_INT(n, 0);
  free(z);
}

TEST(store_pg_sqlstate_classes) {
  /* PostgreSQL error codes, Appendix A of its manual. */
  CHECK_INT(pg_classify_sqlstate("23505"), DB_ERR_UNIQUE);
  CHECK_INT(pg_classify_sqlstate("23503"), DB_ERR_FOREIGN_KEY);
  CHECK_INT(pg_classify_sqlstate("23514"), DB_ERR_CHECK);
  CHECK_INT(pg_classify_sqlstate("23502"), DB_ERR_CHECK);
  CHECK_INT(pg_classify_sqlstate("40001"), DB_ERR_BUSY);
  CHECK_INT(pg_classify_sqlstate("40P01"), DB_ERR_BUSY);
  CHECK_INT(pg_classify_sqlstate("55P03"), DB_ERR_BUSY);
  CHECK_INT(pg_classify_sqlstate("42601"), DB_ERR_OTHER);  /* syntax error */
  CHECK_INT(pg_classify_sqlstate("57P01"), DB_ERR_LOST);   /* admin shutdown */
  CHECK_INT(pg_classify_sqlstate("08006"), DB_ERR_LOST);   /* connection failure */
  CHECK_INT(pg_classify_sqlstate(NULL), DB_ERR_OTHER);
}

/* ---- Against a server (GK_TEST_PG) ---------------------------------------- */

/* A store on a fresh schema, or NULL (and nothing checked) without a
** server. */
static Store *pg_store(char *zPath) {
  if (!fix_on_pg()) return NULL;
  return temp_store(zPath);
}

static int64_t one_int(Store *s, const char *zSql) {
  int64_t v = -1;
  Stmt *st = stmt(s, zSql);
  stmt_int(s, st, &v, "测试");
  return v;
}

TEST(store_pg_open_and_migrate) {
  char zPath[] = "/tmp/gk-unit-pg-XXXXXX";
  Store *s = pg_store(zPath);
  if (!s) return;
  CHECK_INT(db_dialect(s), DB_POSTGRES);
  CHECK_INT(store_schema_version(s), store_schema_latest());
  int n = -1;
  CHECK_INT(store_migrate(s, &n), STORE_OK);
  CHECK_INT(n, 0);  /* nothing left to apply */
  /* One row per migration file (the SQLite and PostgreSQL sets agree). */
  int nFile = 0;
  for (const Embedded *e = aSchemaPg; e->zName; e++) nFile++;
  CHECK_INT(one_int(s, "SELECT count(*) FROM schema_migration"), nFile);
  store_close(s);
  /* Creating again over gongkai's tables is refused; opening works. */
  Store *s2 = NULL;
  char *zErr = NULL;
  char zSchema[32], zTarget[1024];
  fix_pg_schema(zPath, zSchema);
  snprintf(zTarget, sizeof zTarget, "%s options=-csearch_path=%s",
           getenv("GK_TEST_PG"), zSchema);
  CHECK_INT(store_open(zTarget, STORE_CREATE, &s2, &zErr), STORE_CONFLICT);
  CHECK(s2 == NULL);
  free(zErr);
  zErr = NULL;
  CHECK_INT(store_open(zTarget, 0, &s2, &zErr), STORE_OK);
  free(zErr);
  store_close(s2);
  /* An empty schema without STORE_CREATE: not a gongkai database. */
  CHECK_INT(fix_pg_new_schema("gkt_empty"), 0);
  snprintf(zTarget, sizeof zTarget, "%s options=-csearch_path=gkt_empty",
           getenv("GK_TEST_PG"));
  zErr = NULL;
  CHECK_INT(store_open(zTarget, 0, &s2, &zErr), STORE_NOTFOUND);
  CHECK(zErr && strstr(zErr, "gongkai init"));
  free(zErr);
}

TEST(store_pg_statements_and_errors) {
  char zPath[] = "/tmp/gk-unit-pg-XXXXXX";
  Store *s = pg_store(zPath);
  if (!s) return;
  Arena a = ARENA_INIT;
  /* A new row's id through RETURNING; text, NULL and blob round trips. */
  Stmt *st = stmt(s, "INSERT INTO org(slug,name,created_at) VALUES(?1,?2,?3)"
                     " RETURNING id");
  bind_text(st, 1, "a");
  bind_text(st, 2, "甲局");
  bind_text(st, 3, "2026-12-07T00:00:00Z");
  int64_t id = 0;
  CHECK_INT(stmt_insert_id(s, st, &id, "保存单位"), STORE_OK);
  CHECK(id > 0);
  st = stmt(s, "SELECT name, parent_id, parent_id IS NULL, ?2 FROM org WHERE id=?1");
  bind_int(st, 1, id);
  bind_text(st, 2, "参数");
  CHECK_INT(stmt_step(st), STMT_ROW);
  CHECK_STR(col_text(&a, st, 0), "甲局");
  CHECK(col_is_null(st, 1));
  CHECK_STR(col_text(&a, st, 1), "");
  CHECK_INT(col_int(st, 2), 1);  /* a boolean reads as 1, as on SQLite */
  CHECK_STR(col_text(&a, st, 3), "参数");
  CHECK_INT(stmt_step(st), STMT_DONE);
  stmt_done(st);
  static const unsigned char aBin[] = {0, 1, 0xff, '\'', '\\', 0};
  st = stmt(s, "INSERT INTO attachment_blob(sha256,size,mime,data)"
               " VALUES('x',6,'application/octet-stream',?1)");
  bind_blob(st, 1, aBin, sizeof aBin);
  CHECK_INT(stmt_exec(s, st, "保存"), STORE_OK);
  CHECK_INT(stmt_changes(s), 1);
  st = stmt(s, "SELECT data FROM attachment_blob WHERE sha256='x'");
  CHECK_INT(stmt_step(st), STMT_ROW);
  CHECK_INT(col_bytes(st, 0), 6);
  CHECK(col_blob(st, 0) && !memcmp(col_blob(st, 0), aBin, 6));
  stmt_done(st);
  /* A duplicate key is a conflict, a missing parent invalid. */
  st = stmt(s, "INSERT INTO org(slug,name,created_at) VALUES('a','乙','x')");
  CHECK_INT(stmt_exec(s, st, "保存单位"), STORE_CONFLICT);
  CHECK_INT(db_err(s), DB_ERR_UNIQUE);
  CHECK_STR(store_errmsg(s), "保存单位失败：记录已存在");
  st = stmt(s, "INSERT INTO dept(org_id,name) VALUES(999999,'科')");
  CHECK_INT(stmt_exec(s, st, "保存科室"), STORE_INVALID);
  CHECK_INT(db_err(s), DB_ERR_FOREIGN_KEY);
  st = stmt(s, "INSERT INTO holiday(day,kind) VALUES('2026-01-01','party')");
  CHECK_INT(stmt_exec(s, st, "保存"), STORE_INVALID);
  CHECK_INT(db_err(s), DB_ERR_CHECK);
  /* A text the server refuses fails at stmt(), as on SQLite, and inside a
  ** transaction leaves the transaction usable. */
  CHECK(stmt(s, "SELEC 1") == NULL);
  CHECK_INT(store_errcode(s), STORE_ERROR);
  CHECK_INT(store_begin(s), STORE_OK);
  CHECK(stmt(s, "SELECT no_such_column FROM org") == NULL);
  CHECK_INT(one_int(s, "SELECT count(*) FROM org"), 1);
  CHECK_INT(store_commit(s), STORE_OK);
  /* Tested for NULL before the column that decides its type: guessed. */
  int64_t v = -1;
  st = stmt(s, "SELECT count(*) FROM org WHERE (?1 IS NULL OR id=?1)");
  bind_null(st, 1);
  CHECK_INT(stmt_int(s, st, &v, "读取"), STORE_OK);
  CHECK_INT(v, 1);
  st = stmt(s, "SELECT count(*) FROM org WHERE (?1 IS NULL OR slug=?1)");
  bind_null(st, 1);
  CHECK_INT(stmt_int(s, st, &v, "读取"), STORE_OK);
  CHECK_INT(v, 1);
  st = stmt(s, "SELECT count(*) FROM org WHERE (?1 IS NULL OR slug=?1)");
  bind_text(st, 1, "b");
  CHECK_INT(stmt_int(s, st, &v, "读取"), STORE_OK);
  CHECK_INT(v, 0);
  /* An integer parameter is int8 wherever it stands. */
  st = stmt(s, "SELECT ?1 + 1, ?2 <> 0");
  bind_int(st, 1, INT64_C(5000000000));
  bind_int(st, 2, 0);
  CHECK_INT(stmt_step(st), STMT_ROW);
  CHECK_INT(col_int(st, 0), INT64_C(5000000001));
  CHECK_INT(col_int(st, 1), 0);
  stmt_done(st);
  /* A parameter only tested for NULL has no type the server can infer; the
  ** driver declares it text. */
  st = stmt(s, "SELECT count(*) FROM org WHERE (?1 IS NULL OR slug=?2)");
  CHECK(st != NULL);
  bind_null(st, 1);
  bind_text(st, 2, "zz");
  CHECK_INT(stmt_int(s, st, &v, "读取"), STORE_OK);
  CHECK_INT(v, 1);
  /* UPDATE counts its rows. */
  st = stmt(s, "UPDATE org SET short_name='甲' WHERE id=?1 OR id=?2");
  bind_int(st, 1, id);
  bind_int(st, 2, -1);
  CHECK_INT(stmt_exec(s, st, "保存"), STORE_OK);
  CHECK_INT(stmt_changes(s), 1);
  /* A SELECT in between leaves the count of the last write. */
  CHECK_INT(one_int(s, "SELECT count(*) FROM org WHERE id>0"), 1);
  CHECK_INT(stmt_changes(s), 1);
  arena_free(&a);
  store_close(s);
}

TEST(store_pg_transactions_and_generation) {
  char zPath[] = "/tmp/gk-unit-pg-XXXXXX";
  Store *s = pg_store(zPath);
  if (!s) return;
  int64_t g0 = 0, g1 = 0;
  CHECK_INT(store_content_generation(s, &g0), STORE_OK);
  /* Nested begin/commit: only the outermost commits. */
  CHECK_INT(store_begin(s), STORE_OK);
  CHECK_INT(store_lock(s, STORE_LOCK_LEDGER), STORE_OK);
  CHECK_INT(store_begin(s), STORE_OK);
  CHECK_INT(stmt_exec(s, stmt(s, "INSERT INTO org(slug,name,created_at)"
                                 " VALUES('t1','一','x')"), "保存"), STORE_OK);
  CHECK_INT(store_commit(s), STORE_OK);
  CHECK_INT(store_commit(s), STORE_OK);
  CHECK_INT(one_int(s, "SELECT count(*) FROM org WHERE slug='t1'"), 1);
  /* The public write advanced the generation; a private one does not. */
  CHECK_INT(store_content_generation(s, &g1), STORE_OK);
  CHECK_INT(g1, g0 + 1);
  CHECK_INT(stmt_exec(s, stmt(s, "INSERT INTO login_failure(key,at) VALUES('k',1)"),
                      "保存"), STORE_OK);
  CHECK_INT(store_content_generation(s, &g0), STORE_OK);
  CHECK_INT(g0, g1);
  /* A statement whose parameter type is guessed, first met inside a
  ** transaction, leaves the transaction usable. */
  CHECK_INT(store_begin(s), STORE_OK);
  Stmt *st = stmt(s, "SELECT count(*) FROM org WHERE (?1 IS NULL OR name=?1)");
  bind_text(st, 1, "一");
  int64_t v = -1;
  CHECK_INT(stmt_int(s, st, &v, "读取"), STORE_OK);
  CHECK_INT(v, 1);
  CHECK_INT(one_int(s, "SELECT count(*) FROM org"), 1);
  CHECK_INT(store_commit(s), STORE_OK);
  /* A rollback at an inner level rolls everything back. */
  CHECK_INT(store_begin(s), STORE_OK);
  CHECK_INT(stmt_exec(s, stmt(s, "INSERT INTO org(slug,name,created_at)"
                                 " VALUES('t2','二','x')"), "保存"), STORE_OK);
  CHECK_INT(store_begin(s), STORE_OK);
  store_rollback(s);
  CHECK(store_commit(s) != STORE_OK);
  CHECK_INT(one_int(s, "SELECT count(*) FROM org WHERE slug='t2'"), 0);
  CHECK_INT(store_content_generation(s, &g1), STORE_OK);
  CHECK_INT(g1, g0);
  /* A lock outside a transaction is refused. */
  CHECK_INT(store_lock(s, STORE_LOCK_SEARCH_KEY), STORE_ERROR);
  /* A lock asked for twice in one transaction is held once, and a new
  ** transaction (after a commit or a rollback) asks the server again: it
  ** holds the lock, seen from pg_locks, until the transaction ends. */
  static const char zHeld[] =
      "SELECT count(*) FROM pg_locks WHERE locktype='advisory'"
      " AND pid=pg_backend_pid() AND objid=1 AND granted";
  for (int k = 0; k < 3; k++) {
    CHECK_INT(store_begin(s), STORE_OK);
    CHECK_INT(one_int(s, zHeld), 0);
    CHECK_INT(store_lock(s, STORE_LOCK_LEDGER), STORE_OK);
    CHECK_INT(store_lock(s, STORE_LOCK_LEDGER), STORE_OK);
    CHECK_INT(one_int(s, zHeld), 1);
    if (k == 1) store_rollback(s);
    else CHECK_INT(store_commit(s), STORE_OK);
    CHECK_INT(one_int(s, zHeld), 0);
  }
  /* Migration 0100: three public writes in one transaction advance the
  ** generation once; the next transaction advances it again (the mark
  ** that it was advanced ends with the transaction). */
  CHECK_INT(store_content_generation(s, &g0), STORE_OK);
  for (int k = 0; k < 2; k++) {
    CHECK_INT(store_begin(s), STORE_OK);
    for (int i = 0; i < 3; i++) {
      Stmt *q = stmt(s, "INSERT INTO org(slug,name,created_at) VALUES(?1,'三','x')");
      bind_text(q, 1, k ? (i == 0 ? "u0" : i == 1 ? "u1" : "u2")
                        : (i == 0 ? "v0" : i == 1 ? "v1" : "v2"));
      CHECK_INT(stmt_exec(s, q, "保存"), STORE_OK);
    }
    CHECK_INT(store_commit(s), STORE_OK);
    CHECK_INT(store_content_generation(s, &g1), STORE_OK);
    CHECK_INT(g1, g0 + 1);
    g0 = g1;
  }
  store_close(s);
}

/* Ends the server process of s's connection from another connection. */
static void kill_backend(Store *s) {
  int64_t pid = one_int(s, "SELECT pg_backend_pid()");
  PGconn *c = PQconnectdb(getenv("GK_TEST_PG"));
  char z[64];
  snprintf(z, sizeof z, "SELECT pg_terminate_backend(%lld)", (long long)pid);
  PQclear(PQexec(c, z));
  PQfinish(c);
}

TEST(store_pg_lost_connection) {
  char zPath[] = "/tmp/gk-unit-pg-XXXXXX";
  Store *s = pg_store(zPath);
  if (!s) return;
  Stmt *st = stmt(s, "SELECT count(*) FROM org");  /* prepared, cached */
  stmt_done(st);
  /* Inside a transaction the loss is reported, clearly, and not hidden. */
  CHECK_INT(store_begin(s), STORE_OK);
  kill_backend(s);
  int64_t v = -1;
  CHECK(stmt_int(s, stmt(s, "SELECT count(*) FROM org"), &v, "读取") < 0);
  store_rollback(s);
  /* Outside one, the next statement reconnects and prepares again; a read
  ** is run again at once, a write is not (it may have committed). */
  CHECK_INT(one_int(s, "SELECT count(*) FROM org"), 0);
  kill_backend(s);
  CHECK_INT(one_int(s, "SELECT count(*) FROM org"), 0);
  kill_backend(s);
  Stmt *w = stmt(s, "INSERT INTO org(slug,name,created_at) VALUES('k','丙','x')");
  CHECK_INT(stmt_exec(s, w, "保存"), STORE_ERROR);
  CHECK_INT(db_err(s), DB_ERR_LOST);
  CHECK(strstr(store_errmsg(s), "失败：数据库连接已断开，请稍后重试") != NULL);
  CHECK_INT(stmt_exec(s, stmt(s, "INSERT INTO org(slug,name,created_at)"
                                 " VALUES('k','丙','x')"), "保存"), STORE_OK);
  CHECK_INT(one_int(s, "SELECT count(*) FROM org"), 1);
  store_close(s);
}

/* A rebuild of the search index on one connection. */
static void *rebuild_main(void *p) {
  Store *s = p;
  return (void *)(intptr_t)store_search_rebuild(s);
}

/* 1 once the server process pid waits for a lock (asked on a connection
** of its own: pg_stat_activity is read once per transaction). */
static int waits_for_lock(PGconn *c, int64_t pid) {
  char z[128];
  snprintf(z, sizeof z, "SELECT count(*) FROM pg_stat_activity WHERE pid=%lld"
           " AND wait_event_type='Lock'", (long long)pid);
  PGresult *r = PQexec(c, z);
  int b = PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1 &&
          atoi(PQgetvalue(r, 0, 0)) > 0;
  PQclear(r);
  return b;
}

/* A publication writes public rows (taking the content generation's row)
** and then takes the search key lock (pg_search_sync); a rebuild started
** in between must wait for the publication, not hold the search key lock
** and wait for the row: that order was a deadlock, which PostgreSQL ended
** by failing one of the two ("数据库忙"). */
TEST(store_pg_search_rebuild_waits_for_a_publication) {
  char zPath[] = "/tmp/gk-unit-pg-XXXXXX";
  Store *a = pg_store(zPath);
  if (!a) return;
  char zSchema[32], zTarget[1024];
  fix_pg_schema(zPath, zSchema);
  snprintf(zTarget, sizeof zTarget, "%s options=-csearch_path=%s",
           getenv("GK_TEST_PG"), zSchema);
  Store *b = NULL;
  char *zErr = NULL;
  CHECK_INT(store_open(zTarget, 0, &b, &zErr), STORE_OK);
  free(zErr);
  PGconn *c = PQconnectdb(getenv("GK_TEST_PG"));
  CHECK(PQstatus(c) == CONNECTION_OK);
  if (!b || PQstatus(c) != CONNECTION_OK) {
    PQfinish(c);
    store_close(a);
    return;
  }
  int64_t pidB = one_int(b, "SELECT pg_backend_pid()");
  CHECK_INT(stmt_exec(a, stmt(a, "INSERT INTO org(slug,name,created_at)"
                                 " VALUES('p1','甲','x')"), "保存"), STORE_OK);
  /* A public write that takes no lock of its own (a new organisation or
  ** tree would: the search log's trigger takes the search key lock). */
  CHECK_INT(store_begin(a), STORE_OK);
  CHECK_INT(stmt_exec(a, stmt(a, "UPDATE org SET name='乙' WHERE slug='p1'"),
                      "保存"), STORE_OK);
  pthread_t t;
  CHECK_INT(pthread_create(&t, NULL, rebuild_main, b), 0);
  int bWaits = 0;
  for (int i = 0; i < 500 && !bWaits; i++) {
    usleep(10000);
    bWaits = waits_for_lock(c, pidB);
  }
  CHECK(bWaits);
  CHECK_INT(store_lock(a, STORE_LOCK_SEARCH_KEY), STORE_OK);
  CHECK_INT(store_commit(a), STORE_OK);
  void *pRc = NULL;
  pthread_join(t, &pRc);
  CHECK_INT((int)(intptr_t)pRc, STORE_OK);
  PQfinish(c);
  store_close(b);
  store_close(a);
}
