/*
** storefix.h — a new, empty database for the store tests, on SQLite (a
** temporary file) or, when GK_TEST_PG holds a PostgreSQL connection string
** in keyword form ("host=… dbname=…", tests/pg/pg.sh prints one), on that
** server in a schema of its own.
**
**   temp_store(zPath)   zPath is a mkstemp() template ("/tmp/gk-unit-x-
**                       XXXXXX") that receives the file's name (the caller
**                       unlinks it when done).  Returns the store, or NULL
**                       after a failed CHECK.
**   fix_store_open(zPath, flags, &s, &zErr)
**                       store_open() for tests: on SQLite exactly that; on
**                       PostgreSQL zPath names a schema (gkt_<hash of the
**                       path>) that STORE_CREATE makes anew (dropping one
**                       left by an earlier file of the same name), so a
**                       test opens "the same database" again, from another
**                       thread too, by passing the same path.
**   fix_exec_sql(zPath, zSql)
**                       runs SQL on the database of zPath through a
**                       connection of its own, behind the store's back
**                       (tampering, old rows); 0 on success.
**   fix_query_int(zPath, zSql)
**                       the first column of the first row of zSql on the
**                       database of zPath (own connection); -1 when there
**                       is no row, -2 on failure.
**   fix_org_store(zDirTemplate, zPath, &org, &user)
**                       a new database in a new directory made from the
**                       mkdtemp() template zDirTemplate ("/tmp/gk-x-XXXXXX",
**                       changed in place), zPath its file name (128 bytes),
**                       holding one organisation (t-org, 测试局) and one user
**                       (t-user, every role) whose ids it returns; NULL on
**                       failure.
**   fix_on_pg()         1 when the tests run on PostgreSQL.
*/
#ifndef GK_TEST_STOREFIX_H
#define GK_TEST_STOREFIX_H

#include <libpq-fe.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "lib/crypto.h"
#include "store/store.h"

static inline int fix_on_pg(void) {
  const char *z = getenv("GK_TEST_PG");
  return z && *z;
}

/* The schema of the PostgreSQL database for zPath: FNV-1a of the path. */
static inline void fix_pg_schema(const char *zPath, char z[32]) {
  uint64_t h = 1469598103934665603ull;
  for (const char *p = zPath; *p; p++) h = (h ^ (unsigned char)*p) * 1099511628211ull;
  snprintf(z, 32, "gkt_%016llx", (unsigned long long)h);
}

/* (Re)creates the schema; 0 on success. */
static inline int fix_pg_new_schema(const char *zSchema) {
  PGconn *c = PQconnectdb(getenv("GK_TEST_PG"));
  int ok = PQstatus(c) == CONNECTION_OK;
  if (ok) {
    char zSql[160];
    snprintf(zSql, sizeof zSql,
             "SET client_min_messages=warning; DROP SCHEMA IF EXISTS %s CASCADE;"
             " CREATE SCHEMA %s", zSchema, zSchema);
    PGresult *r = PQexec(c, zSql);
    ok = PQresultStatus(r) == PGRES_COMMAND_OK;
    if (!ok) fprintf(stderr, "  storefix: %s", PQresultErrorMessage(r));
    PQclear(r);
  } else {
    fprintf(stderr, "  storefix: %s", PQerrorMessage(c));
  }
  PQfinish(c);
  return ok ? 0 : -1;
}

static inline int fix_store_open(const char *zPath, int flags, Store **pp,
                                 char **pzErr) {
  if (!fix_on_pg()) return store_open(zPath, flags, pp, pzErr);
  char zSchema[32], zTarget[1024];
  fix_pg_schema(zPath, zSchema);
  if ((flags & STORE_CREATE) && fix_pg_new_schema(zSchema)) {
    *pp = NULL;
    return STORE_ERROR;
  }
  snprintf(zTarget, sizeof zTarget, "%s options=-csearch_path=%s",
           getenv("GK_TEST_PG"), zSchema);
  return store_open(zTarget, flags, pp, pzErr);
}

static inline int fix_exec_sql(const char *zPath, const char *zSql) {
  if (!fix_on_pg()) {
    sqlite3 *db = NULL;
    int rc = sqlite3_open_v2(zPath, &db, SQLITE_OPEN_READWRITE, NULL);
    if (rc == SQLITE_OK) {
      sqlite3_busy_timeout(db, 2000);
      rc = sqlite3_exec(db, zSql, NULL, NULL, NULL);
    }
    sqlite3_close(db);
    return rc == SQLITE_OK ? 0 : -1;
  }
  char zSchema[32], zTarget[1024];
  fix_pg_schema(zPath, zSchema);
  snprintf(zTarget, sizeof zTarget, "%s options=-csearch_path=%s",
           getenv("GK_TEST_PG"), zSchema);
  PGconn *c = PQconnectdb(zTarget);
  PGresult *r = PQexec(c, zSql);
  int ok = PQresultStatus(r) == PGRES_COMMAND_OK || PQresultStatus(r) == PGRES_TUPLES_OK;
  if (!ok) fprintf(stderr, "  storefix: %s", PQresultErrorMessage(r));
  PQclear(r);
  PQfinish(c);
  return ok ? 0 : -1;
}

static inline int64_t fix_query_int(const char *zPath, const char *zSql) {
  int64_t v = -2;
  if (!fix_on_pg()) {
    sqlite3 *db = NULL;
    sqlite3_stmt *st = NULL;
    if (sqlite3_open_v2(zPath, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
        sqlite3_prepare_v2(db, zSql, -1, &st, NULL) == SQLITE_OK) {
      int rc = sqlite3_step(st);
      v = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : rc == SQLITE_DONE ? -1 : -2;
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
    return v;
  }
  char zSchema[32], zTarget[1024];
  fix_pg_schema(zPath, zSchema);
  snprintf(zTarget, sizeof zTarget, "%s options=-csearch_path=%s",
           getenv("GK_TEST_PG"), zSchema);
  PGconn *c = PQconnectdb(zTarget);
  PGresult *r = PQexec(c, zSql);
  if (PQresultStatus(r) == PGRES_TUPLES_OK)
    v = PQntuples(r) > 0 ? strtoll(PQgetvalue(r, 0, 0), NULL, 10) : -1;
  PQclear(r);
  PQfinish(c);
  return v;
}

static inline Store *temp_store(char *zPath) {
  int fd = mkstemp(zPath);
  CHECK(fd >= 0);
  if (fd < 0) return NULL;
  close(fd);
  unlink(zPath);
  Store *s = NULL;
  char *zErr = NULL;
  int rc = fix_store_open(zPath, STORE_CREATE, &s, &zErr);
  if (rc != STORE_OK) fprintf(stderr, "  store_open: %s\n", zErr ? zErr : "?");
  CHECK_INT(rc, STORE_OK);
  free(zErr);
  return s;
}

static inline Store *fix_org_store(char *zDirTemplate, char zPath[128],
                                   int64_t *pOrg, int64_t *pUser) {
  Store *s = NULL;
  char *zErr = NULL;
  crypto_init();
  if (!mkdtemp(zDirTemplate)) return NULL;
  snprintf(zPath, 128, "%s/t.db", zDirTemplate);
  if (fix_store_open(zPath, STORE_CREATE, &s, &zErr) != STORE_OK) {
    fprintf(stderr, "  store_open: %s\n", zErr ? zErr : "?");
    free(zErr);
    return NULL;
  }
  Org o;
  memset(&o, 0, sizeof o);
  o.zSlug = "t-org";
  o.zName = "测试局";
  o.zOrgCode = "453629012";
  if (store_org_add(s, &o) != STORE_OK) return NULL;
  User u;
  memset(&u, 0, sizeof u);
  u.orgId = o.id;
  u.zLogin = "t-user";
  u.zName = "测试";
  u.zPwHash = "x";
  u.roles = 0x7f;
  if (store_user_add(s, &u) != STORE_OK) return NULL;
  *pOrg = o.id;
  *pUser = u.id;
  return s;
}

#endif
