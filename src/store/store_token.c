/* sqlite_token.c — API tokens on SQLite (see store_token.h). */
#include <string.h>

#include "core/perm.h"
#include "store/store_int.h"
#include "store/store_token.h"

#define TOKEN_COLS                                                       \
  "t.id,t.org_id,t.name,t.perms,t.created_at,coalesce(t.last_used_at,'')," \
  "coalesce(t.revoked_at,''),o.name,o.slug FROM api_token t"             \
  " JOIN org o ON o.id=t.org_id"

static void token_row(Arena *a, Stmt *st, ApiToken *t) {
  memset(t, 0, sizeof *t);
  t->id = col_int(st, 0);
  t->orgId = col_int(st, 1);
  t->zName = col_text(a, st, 2);
  t->zPerms = col_text(a, st, 3);
  t->permMask = perm_token_parse(t->zPerms);
  if (t->permMask < 0) t->permMask = 0;
  t->zCreatedAt = col_text(a, st, 4);
  t->zLastUsedAt = col_text(a, st, 5);
  t->zRevokedAt = col_text(a, st, 6);
  t->zOrgName = col_text(a, st, 7);
  t->zOrgSlug = col_text(a, st, 8);
}

int store_token_add(Store *s, ApiToken *t, const char *zHash,
                    int64_t createdBy) {
  char zNow[21];
  store_now_iso(zNow);
  Stmt *st = stmt(s,
      "INSERT INTO api_token(org_id,name,perms,token_hash,created_by,"
      "created_at) VALUES(?1,?2,?3,?4,?5,?6) RETURNING id");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, t->orgId);
  bind_text(st, 2, t->zName);
  bind_text(st, 3, t->zPerms);
  bind_text(st, 4, zHash);
  bind_id(st, 5, createdBy);
  bind_text(st, 6, zNow);
  int rc = stmt_step(st);
  int64_t newId = rc == STMT_ROW ? col_int(st, 0) : 0;
  stmt_done(st);
  if (rc != STMT_ROW) return store_db_err(s, "保存接口令牌");
  t->id = newId;
  return STORE_OK;
}

int store_token_by_hash(Store *s, Arena *a, const char *zHash, ApiToken *t) {
  Stmt *st = stmt(s, "SELECT " TOKEN_COLS
                             " WHERE t.token_hash=?1 AND t.revoked_at IS NULL");
  if (!st) return STORE_ERROR;
  bind_text(st, 1, zHash);
  int rc = stmt_step(st), out = STORE_OK;
  if (rc == STMT_ROW) token_row(a, st, t);
  else if (rc == STMT_DONE) out = store_fail(s, STORE_NOTFOUND, "接口令牌无效");
  else out = store_db_err(s, "读取接口令牌");
  stmt_done(st);
  return out;
}

int store_token_list(Store *s, Arena *a, int64_t orgId, ApiToken **pa,
                     int *pn) {
  Stmt *st = stmt(s,
      "WITH RECURSIVE sc(id) AS (SELECT id FROM org WHERE ?1 IS NULL OR id=?1"
      " UNION ALL SELECT o.id FROM org o JOIN sc ON o.parent_id=sc.id)"
      " SELECT " TOKEN_COLS " WHERE t.org_id IN (SELECT id FROM sc)"
      " ORDER BY t.id DESC");
  int rc, n = 0, nAlloc = 0;
  ApiToken *aT = NULL;
  if (!st) return STORE_ERROR;
  bind_id(st, 1, orgId);
  while ((rc = stmt_step(st)) == STMT_ROW) {
    ARENA_PUSH(a, aT, n, nAlloc);
    token_row(a, st, &aT[n++]);
  }
  stmt_done(st);
  if (rc != STMT_DONE) return store_db_err(s, "读取接口令牌");
  *pa = aT;
  *pn = n;
  return STORE_OK;
}

int store_token_revoke(Store *s, int64_t id) {
  char zNow[21];
  store_now_iso(zNow);
  Stmt *st = stmt(s, "UPDATE api_token SET revoked_at=?2"
                             " WHERE id=?1 AND revoked_at IS NULL");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, id);
  bind_text(st, 2, zNow);
  int rc = stmt_step(st);
  stmt_done(st);
  if (rc != STMT_DONE) return store_db_err(s, "吊销接口令牌");
  if (stmt_changes(s) == 0)
    return store_fail(s, STORE_NOTFOUND, "接口令牌不存在或已吊销");
  return STORE_OK;
}

int store_token_touch(Store *s, int64_t id) {
  char zNow[21];
  store_now_iso(zNow);
  Stmt *st = stmt(s, "UPDATE api_token SET last_used_at=?2"
                             " WHERE id=?1");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, id);
  bind_text(st, 2, zNow);
  int rc = stmt_step(st);
  stmt_done(st);
  return rc == STMT_DONE ? STORE_OK : store_db_err(s, "记录令牌使用");
}
