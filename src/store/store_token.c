/* store_token.c — API tokens (see store_token.h). */
#include <string.h>

#include "core/perm.h"
#include "store/store_int.h"
#include "store/store_token.h"

#define TOKEN_COLS                                                       \
  "t.id,t.org_id,t.name,t.perms,t.created_at,coalesce(t.last_used_at,'')," \
  "coalesce(t.revoked_at,''),o.name,o.slug,coalesce(cu.disabled,0)"      \
  " FROM api_token t JOIN org o ON o.id=t.org_id"                        \
  " LEFT JOIN \"user\" cu ON cu.id=t.created_by"

static void token_row(Stmt *st, Arena *a, void *pRow) {
  ApiToken *t = pRow;
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
  t->bCreatorDisabled = col_int(st, 9) != 0;
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
  return stmt_insert_id(s, st, &t->id, "保存接口令牌");
}

int store_token_by_hash(Store *s, Arena *a, const char *zHash, ApiToken *t) {
  Stmt *st = stmt(s, "SELECT " TOKEN_COLS
                             " WHERE t.token_hash=?1 AND t.revoked_at IS NULL"
                             " AND coalesce(cu.disabled,0)=0");
  if (!st) return STORE_ERROR;
  bind_text(st, 1, zHash);
  int rc = stmt_row(s, st, a, sizeof *t, token_row, t, "读取接口令牌");
  return rc == STORE_NOTFOUND ? store_fail(s, rc, "接口令牌无效") : rc;
}

int store_token_list(Store *s, Arena *a, int64_t orgId, ApiToken **pa,
                     int *pn) {
  Stmt *st = stmt(s,
      "WITH RECURSIVE " ORG_SUBTREE_CTE("sc", "1")
      " SELECT " TOKEN_COLS " WHERE ?1 IS NULL OR t.org_id IN (SELECT id FROM sc)"
      " ORDER BY t.id DESC");
  bind_id(st, 1, orgId);
  return stmt_rows(s, st, a, sizeof **pa, token_row, pa, pn, "读取接口令牌");
}

int store_token_revoke(Store *s, int64_t id) {
  char zNow[21];
  store_now_iso(zNow);
  Stmt *st = stmt(s, "UPDATE api_token SET revoked_at=?2"
                             " WHERE id=?1 AND revoked_at IS NULL");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, id);
  bind_text(st, 2, zNow);
  int rc = stmt_exec(s, st, "吊销接口令牌");
  if (rc != STORE_OK) return rc;
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
  return stmt_exec(s, st, "记录令牌使用");
}
