/* store_user.c — users, sessions and login throttling. */
#include <string.h>

#include "core/session.h"
#include "store/store_int.h"

#define USER_COLS                                                      \
  "u.id,u.org_id,coalesce(u.dept_id,0),u.login,u.name,u.pw_hash,u.roles," \
  "u.disabled,o.name,coalesce(d.name,'')"
#define USER_FROM \
  " FROM \"user\" u JOIN org o ON o.id=u.org_id LEFT JOIN dept d ON d.id=u.dept_id"

static void user_row(Arena *a, Stmt *st, User *u) {
  memset(u, 0, sizeof *u);
  u->id = col_int(st, 0);
  u->orgId = col_int(st, 1);
  u->deptId = col_int(st, 2);
  u->zLogin = col_text(a, st, 3);
  u->zName = col_text(a, st, 4);
  u->zPwHash = col_text(a, st, 5);
  u->roles = (unsigned)col_int(st, 6);
  u->bDisabled = (int)col_int(st, 7);
  u->zOrgName = col_text(a, st, 8);
  u->zDeptName = col_text(a, st, 9);
}

int store_user_add(Store *s, User *u) {
  char zNow[21];
  store_now_iso(zNow);
  Stmt *st = stmt(s,
      "INSERT INTO \"user\"(org_id,dept_id,login,name,pw_hash,roles,disabled,"
      "created_at) VALUES(?1,?2,?3,?4,?5,?6,?7,?8) RETURNING id");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, u->orgId);
  bind_id(st, 2, u->deptId);
  bind_text(st, 3, u->zLogin);
  bind_text(st, 4, u->zName);
  bind_text(st, 5, u->zPwHash);
  bind_int(st, 6, u->roles);
  bind_int(st, 7, u->bDisabled);
  bind_text(st, 8, zNow);
  int rc = stmt_insert_id(s, st, &u->id, "保存用户");
  if (rc != STORE_OK && db_err(s) == DB_ERR_UNIQUE)
    return store_fail(s, STORE_CONFLICT, "登录名“%s”已被使用", u->zLogin);
  if (rc != STORE_OK && db_err(s) == DB_ERR_FOREIGN_KEY)
    return store_fail(s, STORE_INVALID, "所属单位或科室不存在");
  return rc;
}

static void user_get_row(Stmt *st, Arena *a, void *pRow) {
  user_row(a, st, pRow);
}

static int user_one(Store *s, Arena *a, Stmt *st, User *u) {
  int rc = stmt_row(s, st, a, sizeof *u, user_get_row, u, "读取用户");
  return rc == STORE_NOTFOUND ? store_fail(s, rc, "用户不存在") : rc;
}

int store_user_get(Store *s, Arena *a, int64_t id, User *u) {
  Stmt *st = stmt(s, "SELECT " USER_COLS USER_FROM " WHERE u.id=?1");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, id);
  return user_one(s, a, st, u);
}

int store_user_by_login(Store *s, Arena *a, const char *zLogin, User *u) {
  Stmt *st = stmt(s, "SELECT " USER_COLS USER_FROM " WHERE u.login=?1");
  if (!st) return STORE_ERROR;
  bind_text(st, 1, zLogin);
  return user_one(s, a, st, u);
}

/* RowFill for a listing: no password hash. */
static void user_list_row(Stmt *st, Arena *a, void *pRow) {
  User *u = pRow;
  user_row(a, st, u);
  u->zPwHash = NULL; /* listings never carry password hashes */
}

int store_user_list(Store *s, Arena *a, int64_t orgId, int bSubtree,
                    User **paUser, int *pn) {
  Stmt *st = stmt(s,
      "WITH RECURSIVE " ORG_SCOPE_CTE("t", "1", "?2<>0")
      " SELECT " USER_COLS USER_FROM
      " WHERE ?1 IS NULL OR u.org_id IN (SELECT id FROM t)"
      " ORDER BY u.org_id,u.login");
  bind_id(st, 1, orgId);
  bind_int(st, 2, bSubtree ? 1 : 0);
  return stmt_rows(s, st, a, sizeof **paUser, user_list_row, paUser, pn,
                   "读取用户列表");
}

/* Runs an UPDATE that must touch exactly one user. */
static int user_update_one(Store *s, Stmt *st, const char *zWhat) {
  int rc = stmt_exec(s, st, zWhat);
  if (rc == STORE_OK && stmt_changes(s) == 0)
    return store_fail(s, STORE_NOTFOUND, "用户不存在");
  return rc;
}

int store_user_update(Store *s, const User *u) {
  Stmt *st = stmt(s,
      "UPDATE \"user\" SET name=?2,dept_id=?3,roles=?4 WHERE id=?1");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, u->id);
  bind_text(st, 2, u->zName);
  bind_id(st, 3, u->deptId);
  bind_int(st, 4, u->roles);
  return user_update_one(s, st, "保存用户");
}

int store_user_set_password(Store *s, int64_t id, const char *zHash) {
  Stmt *st = stmt(s, "UPDATE \"user\" SET pw_hash=?2 WHERE id=?1");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, id);
  bind_text(st, 2, zHash);
  return user_update_one(s, st, "修改密码");
}

int store_user_set_disabled(Store *s, int64_t id, int bDisabled) {
  Stmt *st = stmt(s, "UPDATE \"user\" SET disabled=?2 WHERE id=?1");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, id);
  bind_int(st, 2, bDisabled ? 1 : 0);
  return user_update_one(s, st, "停用用户");
}

int store_session_create(Store *s, int64_t userId, const char *zTokenHash,
                         const char *zCsrf, int64_t now, const char *zAddr) {
  Stmt *st = stmt(s,
      "INSERT INTO session(token_hash,user_id,csrf,created_at,last_seen,addr)"
      " VALUES(?1,?2,?3,?4,?4,?5)");
  if (!st) return STORE_ERROR;
  bind_text(st, 1, zTokenHash);
  bind_int(st, 2, userId);
  bind_text(st, 3, zCsrf);
  bind_int(st, 4, now);
  bind_text(st, 5, zAddr ? zAddr : "");
  return stmt_exec(s, st, "创建会话");
}

int store_session_get(Store *s, Arena *a, const char *zTokenHash,
                      Session *pOut) {
  Stmt *st = stmt(s,
      "SELECT user_id,csrf,created_at,last_seen FROM session"
      " WHERE token_hash=?1");
  if (!st) return STORE_ERROR;
  bind_text(st, 1, zTokenHash);
  int rc = stmt_step(st), out = STORE_OK;
  if (rc == STMT_ROW) {
    pOut->userId = col_int(st, 0);
    pOut->zCsrf = col_text(a, st, 1);
    pOut->createdAt = col_int(st, 2);
    pOut->lastSeen = col_int(st, 3);
  } else if (rc == STMT_DONE) {
    out = store_fail(s, STORE_NOTFOUND, "会话不存在");
  } else {
    out = store_db_err(s, "读取会话");
  }
  stmt_done(st);
  return out;
}

int store_session_touch(Store *s, const char *zTokenHash, int64_t now) {
  Stmt *st = stmt(s, "UPDATE session SET last_seen=?2 WHERE token_hash=?1");
  if (!st) return STORE_ERROR;
  bind_text(st, 1, zTokenHash);
  bind_int(st, 2, now);
  return stmt_exec(s, st, "更新会话");
}

int store_session_delete(Store *s, const char *zTokenHash) {
  Stmt *st = stmt(s, "DELETE FROM session WHERE token_hash=?1");
  if (!st) return STORE_ERROR;
  bind_text(st, 1, zTokenHash);
  return stmt_exec(s, st, "删除会话");
}

int store_session_delete_user(Store *s, int64_t userId) {
  Stmt *st = stmt(s, "DELETE FROM session WHERE user_id=?1");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, userId);
  return stmt_exec(s, st, "删除会话");
}

static int login_failures(Store *s, const char *zKey, int64_t since) {
  Stmt *st = stmt(s,
      "SELECT count(*) FROM login_failure WHERE key=?1 AND at>=?2");
  if (!st) return STORE_ERROR;
  bind_text(st, 1, zKey);
  bind_int(st, 2, since);
  int64_t n = 0;
  int rc = stmt_int(s, st, &n, "读取登录记录");
  return rc == STORE_OK ? (int)n : rc;
}

static int login_failure_add(Store *s, const char *zKey, int64_t now) {
  Stmt *st = stmt(s, "INSERT INTO login_failure(key,at) VALUES(?1,?2)");
  if (!st) return STORE_ERROR;
  bind_text(st, 1, zKey);
  bind_int(st, 2, now);
  return stmt_exec(s, st, "记录登录失败");
}

/* Counts, decides and records; inside the caller's transaction. */
static int login_attempt_tx(Store *s, const char *azKey[3], int64_t now) {
  int an[3];
  /* Two servers must not both count below the limit (store.h). */
  if (store_lock(s, STORE_LOCK_THROTTLE) != STORE_OK) return STORE_BUSY;
  for (int i = 0; i < 3; i++) {
    an[i] = login_failures(s, azKey[i], now - LOGIN_WINDOW);
    if (an[i] < 0) return an[i];
  }
  LoginVerdict v = login_throttle(an[0], an[1], an[2]);
  if (v != LOGIN_GO) return (int)v;
  for (int i = 0; i < 3; i++) {
    int rc = login_failure_add(s, azKey[i], now);
    if (rc) return rc;
  }
  /* Keep the table small: forget failures older than a day. */
  Stmt *st = stmt(s, "DELETE FROM login_failure WHERE at<?1");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, now - 86400);
  int rc = stmt_exec(s, st, "清理登录记录");
  return rc ? rc : LOGIN_GO;
}

int store_login_attempt(Store *s, const char *zPair, const char *zAccount,
                        const char *zAddr, int64_t now) {
  const char *azKey[3] = {zPair, zAccount, zAddr};
  if (store_begin(s) != STORE_OK) return STORE_BUSY;
  int rc = login_attempt_tx(s, azKey, now);
  if (rc < 0) {
    store_rollback(s);
    return rc;
  }
  int rcCommit = store_commit(s);
  return rcCommit ? rcCommit : rc;
}

/* Removes the newest failure row under zKey (one attempt's record). */
static int login_failure_drop_one(Store *s, const char *zKey) {
  /* The table has no key of its own: the row's physical id (dialect). */
  Stmt *st = stmt(s, SQL_DIALECT(s,
      "DELETE FROM login_failure WHERE rowid="
      "(SELECT max(rowid) FROM login_failure WHERE key=?1)",
      "DELETE FROM login_failure WHERE ctid="
      "(SELECT ctid FROM login_failure WHERE key=?1 ORDER BY at DESC LIMIT 1)"));
  if (!st) return STORE_ERROR;
  bind_text(st, 1, zKey);
  return stmt_exec(s, st, "清理登录记录");
}

int store_login_succeeded(Store *s, const char *zPair, const char *zAccount,
                          const char *zAddr) {
  Stmt *st = stmt(s, "DELETE FROM login_failure WHERE key IN (?1,?2)");
  if (!st) return STORE_ERROR;
  bind_text(st, 1, zPair);
  bind_text(st, 2, zAccount);
  int rc = stmt_exec(s, st, "清理登录记录");
  return rc ? rc : login_failure_drop_one(s, zAddr);
}

int store_login_attempt_undo(Store *s, const char *zPair, const char *zAccount,
                             const char *zAddr) {
  const char *azKey[3] = {zPair, zAccount, zAddr};
  if (store_begin(s) != STORE_OK) return STORE_BUSY;
  int rc = STORE_OK;
  for (int i = 0; i < 3 && rc == STORE_OK; i++) rc = login_failure_drop_one(s, azKey[i]);
  if (rc != STORE_OK) {
    store_rollback(s);
    return rc;
  }
  return store_commit(s);
}

int store_user_change_password(Store *s, int64_t id, const char *zHash,
                               const char *zKeepTokenHash) {
  if (store_begin(s) != STORE_OK) return STORE_BUSY;
  int rc = store_user_set_password(s, id, zHash);
  if (rc == STORE_OK) {
    Stmt *st = stmt(s, "DELETE FROM session WHERE user_id=?1 AND token_hash<>?2");
    if (!st) rc = STORE_ERROR;
    else {
      bind_int(st, 1, id);
      bind_text(st, 2, zKeepTokenHash);
      rc = stmt_exec(s, st, "结束其他会话");
    }
  }
  if (rc != STORE_OK) {
    store_rollback(s);
    return rc;
  }
  return store_commit(s);
}

/* ---- Single-use form submission tokens (schema 0011) ---- */

int store_form_claim(Store *s, const char *zTokenHash, int64_t now) {
  Stmt *st = stmt(s, "DELETE FROM form_submission WHERE created_at<?1");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, now - 2 * 86400);
  if (stmt_exec(s, st, "清理表单记录")) return STORE_ERROR;
  st = stmt(s, "INSERT INTO form_submission(token_hash,created_at)"
               " VALUES(?1,?2) ON CONFLICT(token_hash) DO NOTHING");
  if (!st) return STORE_ERROR;
  bind_text(st, 1, zTokenHash);
  bind_int(st, 2, now);
  if (stmt_exec(s, st, "登记表单提交")) return STORE_ERROR;
  return stmt_changes(s) == 1;
}

int store_form_result(Store *s, const char *zTokenHash, const char *zUrl) {
  Stmt *st = stmt(s, "UPDATE form_submission SET result=?2 WHERE token_hash=?1");
  if (!st) return STORE_ERROR;
  bind_text(st, 1, zTokenHash);
  bind_text(st, 2, zUrl);
  return stmt_exec(s, st, "登记表单结果");
}

int store_form_release(Store *s, const char *zTokenHash) {
  Stmt *st = stmt(s, "DELETE FROM form_submission WHERE token_hash=?1");
  if (!st) return STORE_ERROR;
  bind_text(st, 1, zTokenHash);
  return stmt_exec(s, st, "释放表单令牌");
}

int store_form_get(Store *s, Arena *a, const char *zTokenHash,
                   const char **pzResult) {
  Stmt *st = stmt(s, "SELECT result FROM form_submission WHERE token_hash=?1");
  if (!st) return STORE_ERROR;
  bind_text(st, 1, zTokenHash);
  int rc = stmt_step(st), out = STORE_OK;
  if (rc == STMT_ROW) *pzResult = col_text(a, st, 0);
  else if (rc == STMT_DONE) out = STORE_NOTFOUND;
  else out = store_db_err(s, "读取表单记录");
  stmt_done(st);
  return out;
}
