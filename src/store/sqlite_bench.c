/*
** sqlite_bench.c — bulk-import index maintenance, benchmark search tables
** and statements, sizes, generated applications (see store_bench.h).
**
** The SQL here names tables discovered at run time (the portal's search
** table, the benchmark's own), so it is built with sqlite3_mprintf's %w
** (identifier quoting) and prepared directly rather than through the
** literal-keyed statement cache.  Values are always bound.
*/
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "lib/crypto.h"
#include "store/store_bench.h"
#include "store/store_sqlite.h"
#include "store/store_search.h"

/* The two look-ups below are plain SQL through the statement layer, so
** `gongkai docs import` runs on PostgreSQL too. */
int store_bench_first_user(Store *s, int64_t *pId) {
  int64_t id = 0;
  int rc = stmt_int(s, stmt(s, "SELECT coalesce(min(id),0) FROM \"user\""), &id,
                    "查找用户");
  if (rc != STORE_OK) return rc;
  if (!id) return store_fail(s, STORE_NOTFOUND, "数据库中没有用户");
  *pId = id;
  return STORE_OK;
}

int store_bench_index_taken(Store *s, const char *zIndex, int *pbTaken) {
  Stmt *st = stmt(s, "SELECT 1 FROM doc WHERE index_number=?1");
  bind_text(st, 1, zIndex);
  int rc = stmt_step(st);
  stmt_done(st);
  if (rc < 0) return store_db_err(s, "检查索引号");
  *pbTaken = rc == STMT_ROW;
  return STORE_OK;
}

/* ---- Discovering the full-text tables over doc ------------------------ */

#define FTS_MAX_COL 16

typedef struct FtsTab {
  const char *zName;               /* table name */
  const char *zContent;            /* its content table */
  const char *zRowid;              /* content_rowid column ("rowid") */
  const char *azCol[FTS_MAX_COL];  /* indexed columns, in order */
  int nCol;
  int bTriggered;                  /* a trigger on doc names the table */
} FtsTab;

/* The value of option zKey (e.g. "content") in CREATE VIRTUAL TABLE text
** zSql, unquoted, copied into the arena; NULL when absent. */
static const char *fts_option(Arena *a, const char *zSql, const char *zKey) {
  size_t nKey = strlen(zKey);
  for (const char *z = zSql; (z = strstr(z, zKey)) != NULL; z += nKey) {
    if (z > zSql && (isalnum((unsigned char)z[-1]) || z[-1] == '_')) continue;
    const char *p = z + nKey;
    while (*p == ' ') p++;
    if (*p != '=') continue;
    p++;
    while (*p == ' ') p++;
    char q = (*p == '\'' || *p == '"') ? *p++ : 0;
    const char *e = p;
    while (*e && (q ? *e != q : (*e != ',' && *e != ')' && *e != ' '))) e++;
    return arena_strndup(a, p, (size_t)(e - p));
  }
  return NULL;
}

/* Every FTS5 table whose content table is doc (bIndexOnly: only those) or
** search_text (the portal's index, kept by store_search_sync(); a view
** with the key column id, migration 0071), into *pa / *pn. */
static int fts_tables(Store *s, Arena *a, FtsTab **pa, int *pn,
                      int bDocOnly) {
  FtsTab *aT = NULL;
  int n = 0, nAlloc = 0, rc;
  sqlite3_stmt *st = lite_stmt(s,
      "SELECT name,sql FROM sqlite_master WHERE type='table'"
      " AND sql LIKE 'CREATE VIRTUAL TABLE%' AND sql LIKE '%fts5%'"
      " ORDER BY name");
  if (!st) return STORE_ERROR;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    const char *zSql = lite_col_text(a, st, 1);
    const char *zContent = fts_option(a, zSql, "content");
    if (!zContent || (strcmp(zContent, "doc") &&
                      (bDocOnly || strcmp(zContent, "search_text"))))
      continue;
    ARENA_PUSH(a, aT, n, nAlloc);
    memset(&aT[n], 0, sizeof aT[n]);
    aT[n].zContent = zContent;
    aT[n].zName = lite_col_text(a, st, 0);
    const char *zRowid = fts_option(a, zSql, "content_rowid");
    aT[n].zRowid = zRowid ? zRowid : "rowid";
    n++;
  }
  lite_done(st);
  if (rc != SQLITE_DONE) return store_sqlite_err(s, rc, "读取检索表");
  for (int i = 0; i < n; i++) {
    char *zSql = sqlite3_mprintf("PRAGMA table_info(\"%w\")", aT[i].zName);
    sqlite3_stmt *pi = NULL;
    rc = sqlite3_prepare_v2(s->db, zSql, -1, &pi, NULL);
    sqlite3_free(zSql);
    if (rc != SQLITE_OK) return store_sqlite_err(s, rc, "读取检索表");
    while (sqlite3_step(pi) == SQLITE_ROW && aT[i].nCol < FTS_MAX_COL)
      aT[i].azCol[aT[i].nCol++] = lite_col_text(a, pi, 1);
    sqlite3_finalize(pi);
    sqlite3_stmt *tr = lite_stmt(s,
        "SELECT 1 FROM sqlite_master WHERE type='trigger' AND tbl_name='doc'"
        " AND instr(sql,?1)>0");
    if (!tr) return STORE_ERROR;
    lite_bind_text(tr, 1, aT[i].zName);
    aT[i].bTriggered = sqlite3_step(tr) == SQLITE_ROW;
    lite_done(tr);
  }
  *pa = aT;
  *pn = n;
  return STORE_OK;
}

/* Appends `"c1","c2",…` (with prefix zPre before each; bText: each as
** gk_text(…), the plain text of a column stored maybe packed, migration
** 0104) to *pz (sqlite3 heap string, reallocated). */
static char *col_list(char *z, const FtsTab *t, const char *zPre, int bText) {
  for (int k = 0; k < t->nCol; k++) {
    char *zNew = sqlite3_mprintf("%z%s%s%s\"%w\"%s", z, k ? "," : "",
                                 bText ? "gk_text(" : "", zPre, t->azCol[k],
                                 bText ? ")" : "");
    z = zNew;
  }
  return z;
}

int store_search_index_docs(Store *s, int64_t firstId, int64_t lastId,
                            int *pnTable) {
  Arena a = ARENA_INIT;
  FtsTab *aT;
  int n, rc, nDone = 0;
  if (pnTable) *pnTable = 0;
  if (!s->db) return STORE_OK; /* PostgreSQL: no FTS5 tables; pg_search.c
                               ** indexes in the publishing transaction */
  if ((rc = fts_tables(s, &a, &aT, &n, 1))) goto done;
  for (int i = 0; i < n; i++) {
    if (aT[i].bTriggered || !aT[i].nCol) continue;
    char *zSql = sqlite3_mprintf("INSERT INTO \"%w\"(rowid,", aT[i].zName);
    zSql = col_list(zSql, &aT[i], "", 0);
    zSql = sqlite3_mprintf("%z) SELECT d.\"%w\",", zSql, aT[i].zRowid);
    zSql = col_list(zSql, &aT[i], "d.", 1);
    zSql = sqlite3_mprintf("%z FROM doc d WHERE d.id BETWEEN ?1 AND ?2"
                           " AND d.state='published' ORDER BY d.id", zSql);
    sqlite3_stmt *st = NULL;
    rc = sqlite3_prepare_v2(s->db, zSql, -1, &st, NULL);
    sqlite3_free(zSql);
    if (rc != SQLITE_OK) {
      rc = store_sqlite_err(s, rc, "更新全文索引");
      goto done;
    }
    lite_bind_int(st, 1, firstId);
    lite_bind_int(st, 2, lastId);
    rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
      rc = store_sqlite_err(s, rc, "更新全文索引");
      goto done;
    }
    nDone++;
  }
  rc = STORE_OK;
  if (pnTable) *pnTable = nDone;
done:
  arena_free(&a);
  return rc;
}

/* ---- Benchmark search tables ------------------------------------------ */

int store_bench_search_table(Store *s, Arena *a, const char **pz) {
  FtsTab *aT;
  int n, rc = fts_tables(s, a, &aT, &n, 0);
  if (rc) return rc;
  for (int i = 0; i < n; i++) {
    /* Not the comparison table, nor the portal's character table (sized
    ** with its bigram table, store_bench_sizes()). */
    if (strstr(aT[i].zName, "_tri") || !strcmp(aT[i].zName, "search_chr"))
      continue;
    *pz = aT[i].zName;
    return STORE_OK;
  }
  return store_fail(s, STORE_NOTFOUND, "没有全文检索表");
}

/* 1 when z is a plain lower-case identifier. */
static int name_ok(const char *z) {
  if (!z || !z[0] || strlen(z) > 40) return 0;
  for (; *z; z++)
    if (!((*z >= 'a' && *z <= 'z') || *z == '_')) return 0;
  return 1;
}

int store_bench_create_search(Store *s, const char *zName, const char *zTok,
                              int bRebuild) {
  if (!name_ok(zName)) return store_fail(s, STORE_INVALID, "表名无效");
  const char *zOpt;
  if (!strcmp(zTok, "gk")) {
    zOpt = "tokenize='gk', prefix='1', detail=full";
  } else if (!strcmp(zTok, "trigram")) {
    zOpt = "tokenize='trigram', detail=full";
  } else {
    return store_fail(s, STORE_INVALID, "未知的分词器“%s”", zTok);
  }
  /* body first: FTS5 spends two bytes per term and document on every
  ** column other than column 0 (docs/search.md). */
  char *zSql = sqlite3_mprintf(
      "CREATE VIRTUAL TABLE \"%w\" USING fts5(body, title, doc_number,"
      " keywords, content='doc', content_rowid='id', %s)",
      zName, zOpt);
  char *zErr = NULL;
  int rc = sqlite3_exec(s->db, zSql, NULL, NULL, &zErr);
  sqlite3_free(zSql);
  if (rc == SQLITE_OK && bRebuild) {
    /* Not 'rebuild', which would index drafts too: only what is public. */
    zSql = sqlite3_mprintf(
        "INSERT INTO \"%w\"(rowid,body,title,doc_number,keywords)"
        " SELECT id,gk_text(body),title,doc_number,keywords FROM doc"
        " WHERE state='published' ORDER BY id", zName);
    rc = sqlite3_exec(s->db, zSql, NULL, NULL, &zErr);
    sqlite3_free(zSql);
  }
  if (rc != SQLITE_OK) {
    rc = store_fail(s, STORE_ERROR, "创建检索表失败：%s",
                    zErr ? zErr : sqlite3_errmsg(s->db));
    sqlite3_free(zErr);
    return rc;
  }
  return STORE_OK;
}

int store_bench_drop(Store *s, const char *zName) {
  if (!name_ok(zName)) return store_fail(s, STORE_INVALID, "表名无效");
  char *zSql = sqlite3_mprintf("DROP TABLE IF EXISTS \"%w\"", zName);
  int rc = sqlite3_exec(s->db, zSql, NULL, NULL, NULL);
  sqlite3_free(zSql);
  return rc == SQLITE_OK ? STORE_OK : store_sqlite_err(s, rc, "删除检索表");
}

struct BenchStmt {
  sqlite3_stmt *st;
  int eKind;
  int nTerm;
};

int store_bench_prepare(Store *s, const char *zTable, int eKind, int nTerm,
                        BenchStmt **pp) {
  Arena a = ARENA_INIT;
  FtsTab *aT, *t = NULL;
  int n, rc;
  char *zSql = NULL;
  *pp = NULL;
  if ((rc = fts_tables(s, &a, &aT, &n, 0))) goto done;
  for (int i = 0; i < n; i++)
    if (!strcmp(aT[i].zName, zTable)) t = &aT[i];
  if (!t) {
    rc = store_fail(s, STORE_NOTFOUND, "没有检索表“%s”", zTable);
    goto done;
  }
  int bDoc = !strcmp(t->zContent, "doc");
  switch (eKind) {
    case BENCH_Q_NEWEST:
      zSql = sqlite3_mprintf("SELECT rowid FROM \"%w\" WHERE \"%w\" MATCH ?1"
                             " ORDER BY rowid DESC LIMIT 20", zTable, zTable);
      break;
    case BENCH_Q_RELEVANCE:
      zSql = sqlite3_mprintf(
          "SELECT r FROM (SELECT rowid AS r, gk_rank(\"%w\") AS sc FROM \"%w\""
          " WHERE \"%w\" MATCH ?1 ORDER BY rowid DESC LIMIT 1000)"
          " ORDER BY sc LIMIT 20", zTable, zTable, zTable);
      break;
    case BENCH_Q_BM25_ALL:
    case BENCH_Q_RANK_ALL:
      /* bm25() reads every row of each phrase for its IDF and scores
      ** every match: the exact reference the fast order is measured
      ** against.  The portal's keys map to document ids via search_doc. */
      zSql = sqlite3_mprintf(
          "SELECT %s FROM (SELECT rowid AS r FROM \"%w\" WHERE \"%w\" MATCH ?1"
          " ORDER BY %s(\"%w\",1.0,5.0,5.0,2.0,1.0), rowid DESC LIMIT 20)",
          !strcmp(t->zContent, "search_doc")
              ? "(SELECT doc_id FROM search_doc WHERE id=r)" : "r",
          zTable, zTable, eKind == BENCH_Q_BM25_ALL ? "bm25" : "gk_rank", zTable);
      break;
    case BENCH_Q_COUNT:
      zSql = sqlite3_mprintf("SELECT count(*) FROM \"%w\" WHERE \"%w\" MATCH ?1",
                             zTable, zTable);
      break;
    case BENCH_Q_COUNT_CAPPED:
      zSql = sqlite3_mprintf("SELECT count(*) FROM (SELECT 1 FROM \"%w\""
                             " WHERE \"%w\" MATCH ?1 LIMIT %d)",
                             zTable, zTable, SEARCH_COUNT_CAP + 1);
      break;
    case BENCH_Q_LIKE_NEWEST:
    case BENCH_Q_LIKE_COUNT: {
      if (nTerm < 1 || nTerm > 8) {
        rc = store_fail(s, STORE_INVALID, "词数无效");
        goto done;
      }
      /* The content table the FTS table indexes: doc (published rows)
      ** or the portal's search_text (only published rows). */
      zSql = sqlite3_mprintf("SELECT %s FROM \"%w\" WHERE %s",
                             eKind == BENCH_Q_LIKE_COUNT ? "count(*)"
                                                         : t->zRowid,
                             t->zContent, bDoc ? "state='published'" : "1");
      for (int k = 0; k < nTerm; k++) {
        zSql = sqlite3_mprintf("%z AND (", zSql);
        for (int c = 0; c < t->nCol; c++)
          zSql = sqlite3_mprintf("%z%sgk_text(\"%w\") LIKE ?%d ESCAPE '\\'", zSql,
                                 c ? " OR " : "", t->azCol[c], k + 1);
        zSql = sqlite3_mprintf("%z)", zSql);
      }
      if (eKind == BENCH_Q_LIKE_NEWEST)
        zSql = sqlite3_mprintf("%z ORDER BY \"%w\" DESC LIMIT 20", zSql,
                               t->zRowid);
      break;
    }
    default:
      rc = store_fail(s, STORE_INVALID, "未知的查询类型");
      goto done;
  }
  BenchStmt *p = calloc(1, sizeof *p);
  if (!p) {
    rc = store_fail(s, STORE_ERROR, "内存不足");
    goto done;
  }
  p->eKind = eKind;
  p->nTerm = nTerm;
  rc = sqlite3_prepare_v2(s->db, zSql, -1, &p->st, NULL);
  if (rc != SQLITE_OK) {
    rc = store_sqlite_err(s, rc, "准备检索语句");
    free(p);
    goto done;
  }
  *pp = p;
  rc = STORE_OK;
done:
  sqlite3_free(zSql);
  arena_free(&a);
  return rc;
}

/* Binds azArg, steps p to the end: *pnRow rows (or the count), the first
** nMax values of column 0 into aOut (may be NULL). */
static int bench_step(Store *s, BenchStmt *p, const char *const *azArg,
                      int64_t *pnRow, int64_t *aOut, int nMax) {
  sqlite3_reset(p->st);
  sqlite3_clear_bindings(p->st);
  if (p->eKind == BENCH_Q_LIKE_NEWEST || p->eKind == BENCH_Q_LIKE_COUNT) {
    for (int k = 0; k < p->nTerm; k++) {
      /* '%' + term with % _ \ escaped + '%' */
      size_t n = strlen(azArg[k]);
      char *z = malloc(2 * n + 3), *o = z;
      if (!z) return store_fail(s, STORE_ERROR, "内存不足");
      *o++ = '%';
      for (size_t i = 0; i < n; i++) {
        if (azArg[k][i] == '%' || azArg[k][i] == '_' || azArg[k][i] == '\\')
          *o++ = '\\';
        *o++ = azArg[k][i];
      }
      *o++ = '%';
      sqlite3_bind_text(p->st, k + 1, z, (int)(o - z), free);
    }
  } else {
    lite_bind_text(p->st, 1, azArg[0]);
  }
  int64_t nRow = 0;
  int rc;
  int bCount = p->eKind == BENCH_Q_COUNT || p->eKind == BENCH_Q_LIKE_COUNT ||
               p->eKind == BENCH_Q_COUNT_CAPPED;
  while ((rc = sqlite3_step(p->st)) == SQLITE_ROW) {
    if (bCount) {
      nRow = sqlite3_column_int64(p->st, 0);
    } else {
      if (aOut && nRow < nMax) aOut[nRow] = sqlite3_column_int64(p->st, 0);
      nRow++;
    }
  }
  sqlite3_reset(p->st);
  if (rc != SQLITE_DONE) return store_sqlite_err(s, rc, "检索");
  *pnRow = nRow;
  return STORE_OK;
}

int store_bench_run(Store *s, BenchStmt *p, const char *const *azArg,
                    int64_t *pnRow, int64_t *pFirst) {
  int64_t first = 0;
  int rc = bench_step(s, p, azArg, pnRow, &first, 1);
  if (pFirst) *pFirst = rc == STORE_OK && *pnRow ? first : 0;
  return rc;
}

int store_bench_rows(Store *s, BenchStmt *p, const char *const *azArg,
                     int64_t *aOut, int nMax, int *pn) {
  int64_t nRow = 0;
  int rc = bench_step(s, p, azArg, &nRow, aOut, nMax);
  *pn = rc == STORE_OK ? (int)(nRow < nMax ? nRow : nMax) : 0;
  return rc;
}



void store_bench_finalize(BenchStmt *p) {
  if (!p) return;
  sqlite3_finalize(p->st);
  free(p);
}

int store_bench_sizes(Store *s, const char *zTable, int64_t *pnIndex,
                      int64_t *pnText) {
  Arena a = ARENA_INIT;
  FtsTab *aT, *t = NULL;
  int n, rc;
  if ((rc = fts_tables(s, &a, &aT, &n, 0))) goto done;
  for (int i = 0; i < n; i++)
    if (!strcmp(aT[i].zName, zTable)) t = &aT[i];
  if (!t) {
    rc = store_fail(s, STORE_NOTFOUND, "没有检索表“%s”", zTable);
    goto done;
  }
  sqlite3_stmt *st = lite_stmt(s,
      "SELECT coalesce(sum(pgsize),0) FROM dbstat"
      " WHERE name=?1 OR substr(name,1,length(?1)+1)=?1||'_'");
  if (!st) { rc = STORE_ERROR; goto done; }
  lite_bind_text(st, 1, zTable);
  rc = sqlite3_step(st);
  *pnIndex = rc == SQLITE_ROW ? lite_col_int(st, 0) : 0;
  lite_done(st);
  if (rc != SQLITE_ROW) { rc = store_sqlite_err(s, rc, "统计索引大小"); goto done; }
  char *zSql = sqlite3_mprintf("SELECT 0");
  for (int c = 0; c < t->nCol; c++)
    zSql = sqlite3_mprintf("%z+coalesce(sum(length(CAST(gk_text(\"%w\") AS BLOB))),0)",
                           zSql, t->azCol[c]);
  zSql = sqlite3_mprintf("%z FROM \"%w\" WHERE %s", zSql, t->zContent,
                         strcmp(t->zContent, "doc") ? "1" : "state='published'");
  sqlite3_stmt *pt = NULL;
  rc = sqlite3_prepare_v2(s->db, zSql, -1, &pt, NULL);
  sqlite3_free(zSql);
  if (rc != SQLITE_OK) { rc = store_sqlite_err(s, rc, "统计文本大小"); goto done; }
  rc = sqlite3_step(pt);
  *pnText = rc == SQLITE_ROW ? sqlite3_column_int64(pt, 0) : 0;
  sqlite3_finalize(pt);
  rc = rc == SQLITE_ROW ? STORE_OK : store_sqlite_err(s, rc, "统计文本大小");
done:
  arena_free(&a);
  return rc;
}

int store_bench_file_size(Store *s, int64_t *pnFile, int64_t *pnFree) {
  sqlite3_stmt *st = lite_stmt(s,
      "SELECT page_count*page_size, freelist_count*page_size"
      " FROM pragma_page_count, pragma_page_size, pragma_freelist_count");
  if (!st) return STORE_ERROR;
  int rc = sqlite3_step(st);
  *pnFile = rc == SQLITE_ROW ? lite_col_int(st, 0) : 0;
  *pnFree = rc == SQLITE_ROW ? lite_col_int(st, 1) : 0;
  lite_done(st);
  return rc == SQLITE_ROW ? STORE_OK : store_sqlite_err(s, rc, "统计数据库大小");
}

int store_bench_doc_range(Store *s, int64_t *pnDoc, int64_t *pMaxId) {
  /* The statement layer: `bench-search --compare` runs it on PostgreSQL. */
  Stmt *st = stmt(s,
      "SELECT count(*),coalesce(max(id),0) FROM doc WHERE state='published'");
  int rc = stmt_step(st);
  if (rc == STMT_ROW) {
    *pnDoc = col_int(st, 0);
    *pMaxId = col_int(st, 1);
  }
  stmt_done(st);
  return rc == STMT_ROW ? STORE_OK : store_db_err(s, "统计文件");
}

/* ---- Generated applications ------------------------------------------- */

int store_bench_app_add(Store *s, int64_t orgId, const char *zRegNo,
                        const char *zChannel, const char *zApplicantType,
                        const char *zName, const char *zTitle,
                        const char *zReceived, const char *zClosed,
                        const char *zOutcome) {
  char zHash[65], zNow[21];
  int bClosed = zClosed && zClosed[0];
  crypto_sha256_hex(zRegNo, strlen(zRegNo), zHash);
  store_now_iso(zNow);
  /* The statement layer: `bench-gen apps` runs on PostgreSQL too. */
  Stmt *st = stmt(s,
      "INSERT INTO application(org_id,reg_no,tracking_hash,channel,"
      "applicant_type,applicant_name,id_kind,info_title,received_on,state,"
      "outcome,closed_on,created_at) VALUES(?1,?2,?3,?4,?5,?6,'other',?7,?8,"
      "?9,?10,?11,?12)");
  bind_int(st, 1, orgId);
  bind_text(st, 2, zRegNo);
  bind_text(st, 3, zHash);
  bind_text(st, 4, zChannel);
  bind_text(st, 5, zApplicantType);
  bind_text(st, 6, zName);
  bind_text(st, 7, zTitle);
  bind_text(st, 8, zReceived);
  bind_text(st, 9, bClosed ? "answered" : "in_progress");
  bind_text(st, 10, bClosed ? zOutcome : NULL);
  bind_text(st, 11, bClosed ? zClosed : NULL);
  bind_text(st, 12, zNow);
  return stmt_exec(s, st, "保存申请");
}
