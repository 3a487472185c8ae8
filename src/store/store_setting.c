/*
** store_setting.c — run-time settings, the audit log, the public content
** generation and the clock of the store (see store.h), over the statement
** layer.
*/
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/settings.h"
#include "store/store_int.h"

void store_now_iso(char z[21]) {
  time_t t = time(NULL);
  struct tm tm;
  gmtime_r(&t, &tm);
  strftime(z, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

int store_content_generation(Store *s, int64_t *pGen) {
  Stmt *st = stmt(s, "SELECT gen FROM content_generation WHERE id=1");
  if (!st) return STORE_ERROR;
  int rc = stmt_step(st);
  *pGen = rc == STMT_ROW ? col_int(st, 0) : 0;
  stmt_done(st);
  return rc == STMT_ROW ? STORE_OK : store_fail(s, STORE_ERROR, "读取内容版本失败");
}

const char *store_setting_get(Store *s, Arena *a, const char *zName) {
  Stmt *st = stmt(s, "SELECT value FROM setting WHERE name=?1");
  if (!st) return NULL;
  bind_text(st, 1, zName);
  const char *z = stmt_step(st) == STMT_ROW ? col_text(a, st, 0) : NULL;
  stmt_done(st);
  return z;
}

int64_t store_setting_int(Store *s, SettingId id) {
  const SettingDef *d = &aSettingDef[id];
  Arena a = ARENA_INIT;
  const char *z = store_setting_get(s, &a, d->zName);
  int64_t v;
  if (z && !settings_validate(d, z)) v = strtoll(z, NULL, 10);
  else v = strtoll(d->zDefault, NULL, 10);
  arena_free(&a);
  return v;
}

const char *store_setting_text(Store *s, Arena *a, SettingId id) {
  const SettingDef *d = &aSettingDef[id];
  const char *z = store_setting_get(s, a, d->zName);
  return z && !settings_validate(d, z) ? z : d->zDefault;
}

int store_setting_set(Store *s, const char *zName, const char *zValue) {
  const SettingDef *d = settings_find(zName);
  const char *zWhy;
  if (!d) return store_fail(s, STORE_INVALID, "没有名为“%s”的设置", zName);
  if ((zWhy = settings_validate(d, zValue)) != NULL)
    return store_fail(s, STORE_INVALID, "设置“%s”的取值无效：%s", zName, zWhy);
  Stmt *st = stmt(s,
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
  Stmt *st = stmt(s,
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
