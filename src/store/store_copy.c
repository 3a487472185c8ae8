/*
** store_copy.c — copying a whole installation into an empty PostgreSQL
** database (store_copy.h, `gongkai db copy`, issue 16).
**
** The target's schema is the list: its tables, their columns and types and
** the foreign keys come from PostgreSQL's catalogue (the migrations of
** schema/pg/ made it, and tests/pg/test_schema.sh keeps it equal to the
** SQLite schema), so no table list is kept here.  The SQLite-only search
** index (FTS5) has no table there and is not copied; the portal index rows
** (search_doc) are, and the target's own index (search_pg) is built from
** them in the same transaction.  The statements are built at run time from those names
** (quoted), so they are prepared through the driver directly instead of
** the statement cache (stmt() caches literals).
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/buf.h"
#include "store/pg_search.h"
#include "store/store_copy.h"
#include "store/store_int.h"

enum { COL_INT, COL_TEXT, COL_BLOB };

typedef struct Col {
  const char *zName;
  int kind;         /* COL_* */
  int bIdentity;    /* an identity column: its sequence is reset */
  int bSelf;        /* refers to its own table: filled in a second pass */
} Col;

typedef struct Tab {
  const char *zName;
  Col *aCol;
  int nCol, nColAlloc;
  int bDone;        /* placed in the copy order */
  int bHasId;       /* a column named id (the source is read in id order) */
} Tab;

typedef struct Schema {
  Tab *aTab;
  int nTab;
  const char **azFrom, **azTo;  /* foreign keys: azFrom[i] refers to azTo[i] */
  int nFk;
} Schema;

/* Bookkeeping the target keeps for itself. */
static int skipped(const char *zTable) {
  return !strcmp(zTable, "schema_migration") || !strcmp(zTable, "content_generation") ||
         !strcmp(zTable, "job_lease") ||
         !strcmp(zTable, "search_pg") || /* the target's own index, built below */
         !strcmp(zTable, "search_log");  /* its change log (search replicas) */
}

static Tab *tab_find(Schema *sc, const char *zName) {
  for (int i = 0; i < sc->nTab; i++)
    if (!strcmp(sc->aTab[i].zName, zName)) return &sc->aTab[i];
  return NULL;
}

/* Reads the target's tables and columns (current schema). */
static int read_columns(Store *s, Arena *a, Schema *sc) {
  Stmt *st = stmt(s,
      "SELECT c.table_name,c.column_name,c.data_type,c.is_identity"
      " FROM information_schema.columns c JOIN information_schema.tables t"
      " ON t.table_schema=c.table_schema AND t.table_name=c.table_name"
      " WHERE c.table_schema=current_schema() AND t.table_type='BASE TABLE'"
      " ORDER BY c.table_name,c.ordinal_position");
  if (!st) return STORE_ERROR;
  int rc, nAlloc = 0;
  while ((rc = stmt_step(st)) == STMT_ROW) {
    const char *zTab = col_str(st, 0);
    if (skipped(zTab)) continue;
    Tab *t = sc->nTab ? &sc->aTab[sc->nTab - 1] : NULL;
    if (!t || strcmp(t->zName, zTab)) {
      if (sc->nTab == nAlloc) {
        nAlloc = nAlloc ? 2 * nAlloc : 64;
        Tab *aNew = arena_alloc(a, sizeof *aNew * (size_t)nAlloc);
        if (sc->nTab) memcpy(aNew, sc->aTab, sizeof *aNew * (size_t)sc->nTab);
        sc->aTab = aNew;
      }
      t = &sc->aTab[sc->nTab++];
      memset(t, 0, sizeof *t);
      t->zName = col_text(a, st, 0);
    }
    if (t->nCol == t->nColAlloc) {
      t->nColAlloc = t->nColAlloc ? 2 * t->nColAlloc : 16;
      Col *aNew = arena_alloc(a, sizeof *aNew * (size_t)t->nColAlloc);
      if (t->nCol) memcpy(aNew, t->aCol, sizeof *aNew * (size_t)t->nCol);
      t->aCol = aNew;
    }
    Col *c = &t->aCol[t->nCol++];
    c->zName = col_text(a, st, 1);
    const char *zType = col_str(st, 2);
    c->kind = !strcmp(zType, "bigint") || !strcmp(zType, "integer") || !strcmp(zType, "smallint")
                  ? COL_INT
                  : !strcmp(zType, "bytea") ? COL_BLOB : COL_TEXT;
    c->bIdentity = !strcmp(col_str(st, 3), "YES");
    if (!strcmp(c->zName, "id")) t->bHasId = 1;
  }
  stmt_done(st);
  return rc < 0 ? store_db_err(s, "读取目标数据库的表结构") : STORE_OK;
}

/* Reads the foreign keys between the target's tables. */
static int read_fks(Store *s, Arena *a, Schema *sc) {
  Stmt *st = stmt(s,
      "SELECT DISTINCT f.relname,p.relname FROM pg_constraint k"
      " JOIN pg_class f ON f.oid=k.conrelid JOIN pg_class p ON p.oid=k.confrelid"
      " WHERE k.contype='f' AND f.relnamespace=current_schema()::regnamespace");
  if (!st) return STORE_ERROR;
  int rc, nAlloc = 0;
  while ((rc = stmt_step(st)) == STMT_ROW) {
    if (sc->nFk == nAlloc) {
      nAlloc = nAlloc ? 2 * nAlloc : 64;
      const char **azF = arena_alloc(a, sizeof(char *) * (size_t)nAlloc);
      const char **azT = arena_alloc(a, sizeof(char *) * (size_t)nAlloc);
      if (sc->nFk) {
        memcpy(azF, sc->azFrom, sizeof(char *) * (size_t)sc->nFk);
        memcpy(azT, sc->azTo, sizeof(char *) * (size_t)sc->nFk);
      }
      sc->azFrom = azF;
      sc->azTo = azT;
    }
    sc->azFrom[sc->nFk] = col_text(a, st, 0);
    sc->azTo[sc->nFk++] = col_text(a, st, 1);
  }
  stmt_done(st);
  return rc < 0 ? store_db_err(s, "读取目标数据库的外键") : STORE_OK;
}

/* Marks the columns by which a table refers to itself (org.parent_id,
** doc.replaced_by_id …): a row may refer to a later one, so they are
** copied as NULL first and set once every row is there. */
static int read_self_refs(Store *s, Schema *sc) {
  Stmt *st = stmt(s,
      "SELECT f.relname,a.attname FROM pg_constraint k"
      " JOIN pg_class f ON f.oid=k.conrelid"
      " JOIN pg_attribute a ON a.attrelid=k.conrelid AND a.attnum=ANY(k.conkey)"
      " WHERE k.contype='f' AND k.conrelid=k.confrelid"
      " AND f.relnamespace=current_schema()::regnamespace");
  if (!st) return STORE_ERROR;
  int rc;
  while ((rc = stmt_step(st)) == STMT_ROW) {
    Tab *t = tab_find(sc, col_str(st, 0));
    for (int i = 0; t && t->bHasId && i < t->nCol; i++)
      if (!strcmp(t->aCol[i].zName, col_str(st, 1))) t->aCol[i].bSelf = 1;
  }
  stmt_done(st);
  return rc < 0 ? store_db_err(s, "读取目标数据库的外键") : STORE_OK;
}

/* The copy order: every table after the tables it refers to (a table's
** references to itself are met by reading it in id order).  Fails on a
** cycle between tables. */
static int copy_order(Store *s, Arena *a, Schema *sc, Tab ***paOrder) {
  Tab **aOrder = arena_alloc(a, sizeof *aOrder * (size_t)(sc->nTab + 1));
  int n = 0;
  while (n < sc->nTab) {
    int nBefore = n;
    for (int i = 0; i < sc->nTab; i++) {
      Tab *t = &sc->aTab[i];
      if (t->bDone) continue;
      int bReady = 1;
      for (int k = 0; k < sc->nFk && bReady; k++) {
        if (strcmp(sc->azFrom[k], t->zName) || !strcmp(sc->azTo[k], t->zName)) continue;
        Tab *p = tab_find(sc, sc->azTo[k]);
        if (p && !p->bDone) bReady = 0;
      }
      if (bReady) aOrder[n++] = t;
    }
    for (int i = nBefore; i < n; i++) aOrder[i]->bDone = 1;
    if (n == nBefore)
      return store_fail(s, STORE_ERROR, "目标数据库的表之间有循环外键，无法确定复制顺序");
  }
  *paOrder = aOrder;
  return STORE_OK;
}

static int count_rows(Store *s, const char *zTable, int64_t *pn);

/* Fails when the source has a table with rows that the target's schema
** lacks (a migration missing on one side): those rows would be lost.  The
** SQLite full-text index (virtual tables and their shadow tables) is
** rebuilt, not copied. */
static int check_source_tables(Store *pFrom, Store *pTo, Schema *sc) {
  Stmt *st = stmt(pFrom, SQL_DIALECT(pFrom,
      "SELECT t.name FROM sqlite_master t WHERE t.type='table'"
      " AND t.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND t.sql NOT LIKE 'CREATE VIRTUAL%'"
      " AND NOT EXISTS (SELECT 1 FROM sqlite_master v WHERE v.type='table'"
      "  AND v.sql LIKE 'CREATE VIRTUAL%' AND t.name LIKE v.name || '\\_%' ESCAPE '\\')",
      "SELECT table_name FROM information_schema.tables"
      " WHERE table_schema=current_schema() AND table_type='BASE TABLE'"));
  if (!st) return store_fail(pTo, STORE_ERROR, "读取源数据库的表结构失败");
  Arena a = ARENA_INIT;
  int rc, nMissing = 0;
  const char *azMissing[64];
  while ((rc = stmt_step(st)) == STMT_ROW)
    if (!skipped(col_str(st, 0)) && !tab_find(sc, col_str(st, 0)) && nMissing < 64)
      azMissing[nMissing++] = col_text(&a, st, 0);
  stmt_done(st);
  if (rc < 0) {
    arena_free(&a);
    return store_fail(pTo, rc, "读取源数据库的表结构失败：%s", store_errmsg(pFrom));
  }
  rc = STORE_OK;
  for (int i = 0; i < nMissing && rc == STORE_OK; i++) {
    int64_t n = 0;
    if (count_rows(pFrom, azMissing[i], &n) == STORE_OK && n == 0) continue;
    rc = store_fail(pTo, STORE_INVALID,
                    "源数据库的表 %s 有 %lld 行，目标数据库没有这张表（两边的迁移不一致）",
                    azMissing[i], (long long)n);
  }
  arena_free(&a);
  return rc;
}

/* Runs a statement built at run time, no parameters, rows ignored. */
static int exec_built(Store *s, const char *zSql, const char *zWhat) {
  Stmt *st = s->drv->xPrepare(s, zSql);
  if (!st) return STORE_ERROR;
  int rc;
  while ((rc = stmt_step(st)) == STMT_ROW) {
  }
  s->drv->xFinalize(st);
  return rc < 0 ? store_fail(s, rc, "%s失败：%s", zWhat, store_errmsg(s)) : STORE_OK;
}

/* The source's rows of t into the target, one INSERT per row. */
static int copy_rows(Store *pFrom, Store *pTo, Tab *t) {
  Buf sel = BUF_INIT, ins = BUF_INIT;
  int bIdentity = 0;
  buf_puts(&sel, "SELECT ");
  buf_printf(&ins, "INSERT INTO \"%s\"(", t->zName);
  for (int i = 0; i < t->nCol; i++) {
    /* A text column through gk_text(): the SQLite source may hold it
    ** packed (doc.body, migration 0104); PostgreSQL stores it plain. */
    int bText = t->aCol[i].kind == COL_TEXT;
    buf_printf(&sel, "%s%s\"%s\"%s", i ? "," : "", bText ? "gk_text(" : "",
               t->aCol[i].zName, bText ? ")" : "");
    buf_printf(&ins, "%s\"%s\"", i ? "," : "", t->aCol[i].zName);
    bIdentity |= t->aCol[i].bIdentity;
  }
  buf_printf(&sel, " FROM \"%s\"%s", t->zName, t->bHasId ? " ORDER BY id" : "");
  buf_printf(&ins, ")%s VALUES(", bIdentity ? " OVERRIDING SYSTEM VALUE" : "");
  for (int i = 0; i < t->nCol; i++) buf_printf(&ins, "%s?%d", i ? "," : "", i + 1);
  buf_puts(&ins, ")");
  Stmt *pSel = pFrom->drv->xPrepare(pFrom, buf_str(&sel));
  Stmt *pIns = pSel ? pTo->drv->xPrepare(pTo, buf_str(&ins)) : NULL;
  int rc = STORE_OK;
  if (!pSel) {
    rc = store_fail(pTo, STORE_ERROR, "读取源数据库的表 %s 失败：%s", t->zName,
                    store_errmsg(pFrom));
  } else if (!pIns) {
    rc = store_fail(pTo, STORE_ERROR, "复制表 %s 失败：%s", t->zName, store_errmsg(pTo));
  }
  while (rc == STORE_OK) {
    int r = stmt_step(pSel);
    if (r == STMT_DONE) break;
    if (r < 0) {
      rc = store_fail(pTo, r, "读取源数据库的表 %s 失败：%s", t->zName, store_errmsg(pFrom));
      break;
    }
    for (int i = 0; i < t->nCol; i++) {
      if (col_is_null(pSel, i) || t->aCol[i].bSelf) bind_null(pIns, i + 1);
      else if (t->aCol[i].kind == COL_INT) bind_int(pIns, i + 1, col_int(pSel, i));
      else if (t->aCol[i].kind == COL_BLOB)
        bind_blob(pIns, i + 1, col_blob(pSel, i) ? col_blob(pSel, i) : "",
                  (size_t)col_bytes(pSel, i));
      else bind_text(pIns, i + 1, col_str(pSel, i));
    }
    r = stmt_step(pIns);
    stmt_done(pIns);
    if (r < 0) rc = store_fail(pTo, r, "复制表 %s 失败：%s", t->zName, store_errmsg(pTo));
  }
  if (pSel) pFrom->drv->xFinalize(pSel);
  if (pIns) pTo->drv->xFinalize(pIns);
  buf_free(&sel);
  buf_free(&ins);
  return rc;
}

/* The second pass for the columns by which t refers to itself. */
static int copy_self_refs(Store *pFrom, Store *pTo, Tab *t) {
  int rc = STORE_OK;
  for (int i = 0; i < t->nCol && rc == STORE_OK; i++) {
    if (!t->aCol[i].bSelf) continue;
    const char *zC = t->aCol[i].zName;
    char *zSel = mprintf("SELECT id,\"%s\" FROM \"%s\" WHERE \"%s\" IS NOT NULL",
                         zC, t->zName, zC);
    char *zUpd = mprintf("UPDATE \"%s\" SET \"%s\"=?2 WHERE id=?1", t->zName, zC);
    Stmt *pSel = pFrom->drv->xPrepare(pFrom, zSel);
    Stmt *pUpd = pSel ? pTo->drv->xPrepare(pTo, zUpd) : NULL;
    if (!pUpd) rc = store_fail(pTo, STORE_ERROR, "复制表 %s 失败", t->zName);
    while (rc == STORE_OK) {
      int r = stmt_step(pSel);
      if (r == STMT_DONE) break;
      if (r < 0) {
        rc = store_fail(pTo, r, "读取源数据库的表 %s 失败：%s", t->zName, store_errmsg(pFrom));
        break;
      }
      bind_int(pUpd, 1, col_int(pSel, 0));
      bind_int(pUpd, 2, col_int(pSel, 1));
      r = stmt_step(pUpd);
      stmt_done(pUpd);
      if (r < 0) rc = store_fail(pTo, r, "复制表 %s 失败：%s", t->zName, store_errmsg(pTo));
    }
    if (pSel) pFrom->drv->xFinalize(pSel);
    if (pUpd) pTo->drv->xFinalize(pUpd);
    free(zSel);
    free(zUpd);
  }
  return rc;
}

/* Sets each identity sequence of t past the highest id copied. */
static int reset_identity(Store *s, Tab *t) {
  for (int i = 0; i < t->nCol; i++) {
    if (!t->aCol[i].bIdentity) continue;
    char *z = mprintf("SELECT setval(pg_get_serial_sequence('\"%s\"','%s'),"
                      " coalesce(max(\"%s\"),0)+1, false) FROM \"%s\"",
                      t->zName, t->aCol[i].zName, t->aCol[i].zName, t->zName);
    int rc = exec_built(s, z, "重置编号序列");
    free(z);
    if (rc) return rc;
  }
  return STORE_OK;
}

/* Inside the target's transaction: empties the tables (rows the migrations
** seeded), copies, resets the sequences.  The content-generation triggers
** are off while copying (one advance at the end instead of one per row). */
static int copy_tx(Store *pFrom, Store *pTo, Tab **aOrder, int n) {
  int rc = STORE_OK;
  for (int i = n - 1; i >= 0 && rc == STORE_OK; i--) {
    char *z = mprintf("DELETE FROM \"%s\"", aOrder[i]->zName);
    rc = exec_built(pTo, z, "清空目标表");
    free(z);
  }
  for (int i = 0; i < n && rc == STORE_OK; i++) {
    char *z = mprintf("ALTER TABLE \"%s\" DISABLE TRIGGER USER", aOrder[i]->zName);
    rc = exec_built(pTo, z, "暂停内容触发器");
    free(z);
    if (rc == STORE_OK) rc = copy_rows(pFrom, pTo, aOrder[i]);
    if (rc == STORE_OK) rc = copy_self_refs(pFrom, pTo, aOrder[i]);
    if (rc == STORE_OK) rc = reset_identity(pTo, aOrder[i]);
    if (rc == STORE_OK) {
      z = mprintf("ALTER TABLE \"%s\" ENABLE TRIGGER USER", aOrder[i]->zName);
      rc = exec_built(pTo, z, "恢复内容触发器");
      free(z);
    }
  }
  if (rc == STORE_OK)
    rc = exec_built(pTo, "UPDATE content_generation SET gen=gen+1 WHERE id=1", "更新内容版本");
  return rc;
}

static int count_rows(Store *s, const char *zTable, int64_t *pn) {
  char *z = mprintf("SELECT count(*) FROM \"%s\"", zTable);
  Stmt *st = s->drv->xPrepare(s, z);
  free(z);
  *pn = -1;
  if (!st) return STORE_ERROR;
  int rc = stmt_step(st);
  if (rc == STMT_ROW) *pn = col_int(st, 0);
  s->drv->xFinalize(st);
  return rc == STMT_ROW ? STORE_OK : STORE_ERROR;
}

/* The copy and the counts, with the source's transaction open. */
static int copy_all_tx(Store *pFrom, Store *pTo, Arena *a, StoreCopyTable **paT, int *pn) {
  Schema sc;
  memset(&sc, 0, sizeof sc);
  Tab **aOrder = NULL;
  int rc = read_columns(pTo, a, &sc);
  if (rc == STORE_OK) rc = read_fks(pTo, a, &sc);
  if (rc == STORE_OK) rc = read_self_refs(pTo, &sc);
  if (rc == STORE_OK) rc = copy_order(pTo, a, &sc, &aOrder);
  if (rc == STORE_OK) rc = check_source_tables(pFrom, pTo, &sc);
  if (rc != STORE_OK) return rc;
  if (store_begin(pTo) != STORE_OK) return STORE_BUSY;
  rc = copy_tx(pFrom, pTo, aOrder, sc.nTab);
  /* The PostgreSQL full-text index of the copied search_doc rows, in the
  ** same transaction (pg_search.c). */
  if (rc == STORE_OK) rc = pg_search_index_all(pTo);
  if (rc != STORE_OK) {
    store_rollback(pTo);
    return rc;
  }
  if ((rc = store_commit(pTo)) != STORE_OK) return rc;
  StoreCopyTable *aT = arena_alloc(a, sizeof *aT * (size_t)(sc.nTab + 1));
  for (int i = 0; i < sc.nTab; i++) {
    aT[i].zName = aOrder[i]->zName;
    if (count_rows(pFrom, aT[i].zName, &aT[i].nFrom))
      return store_fail(pTo, STORE_ERROR, "统计源数据库的表 %s 失败：%s", aT[i].zName,
                        store_errmsg(pFrom));
    if (count_rows(pTo, aT[i].zName, &aT[i].nTo))
      return store_fail(pTo, STORE_ERROR, "统计目标数据库的表 %s 失败", aT[i].zName);
  }
  *paT = aT;
  *pn = sc.nTab;
  return STORE_OK;
}

int store_copy_all(Store *pFrom, Store *pTo, Arena *a, StoreCopyTable **paT, int *pn) {
  *paT = NULL;
  *pn = 0;
  if (db_dialect(pTo) != DB_POSTGRES)
    return store_fail(pTo, STORE_INVALID, "目标必须是 PostgreSQL 数据库");
  /* One transaction on the source too: every table and the counts are
  ** read from one state of it (on SQLite the write lock: a server still
  ** writing waits, or fails busy, until the copy is done). */
  if (store_begin(pFrom) != STORE_OK)
    return store_fail(pTo, STORE_BUSY, "源数据库忙：%s", store_errmsg(pFrom));
  int rc = copy_all_tx(pFrom, pTo, a, paT, pn);
  store_rollback(pFrom);
  return rc;
}
