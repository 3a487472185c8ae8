/* store_remedy.c — the reconsideration organ of an organisation
** (see store_remedy.h). */
#include <string.h>

#include "lib/utf8.h"
#include "store/store_int.h"
#include "store/store_remedy.h"

int store_org_review_organ(Store *s, Arena *a, int64_t orgId,
                           const char **pzOrgan, int *pbDefault) {
  /* The setting, then the ancestors nearest first. */
  Stmt *st = stmt(s,
      "WITH RECURSIVE up(id,parent,depth) AS ("
      "  SELECT id,parent_id,0 FROM org WHERE id=?1"
      "  UNION ALL SELECT o.id,o.parent_id,up.depth+1 FROM org o"
      "   JOIN up ON o.id=up.parent)"
      " SELECT (SELECT review_organ FROM org WHERE id=?1),"
      "  (SELECT o.name FROM up JOIN org o USING(id) WHERE up.depth>0"
      "   AND o.kind='government' ORDER BY up.depth LIMIT 1)");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, orgId);
  int rc = stmt_step(st);
  if (rc != STMT_ROW || col_is_null(st, 0)) {
    stmt_done(st);   /* (no organisation: the setting reads NULL) */
    return rc == STMT_ROW ? store_fail(s, STORE_NOTFOUND, "单位不存在")
                            : store_db_err(s, "读取复议机关");
  }
  const char *zSet = col_text(a, st, 0);
  const char *zUp = col_text(a, st, 1);
  stmt_done(st);
  if (pbDefault) *pbDefault = !zSet[0];
  *pzOrgan = zSet[0] ? zSet : zUp;
  return STORE_OK;
}

int store_org_set_review_organ(Store *s, int64_t orgId, const char *zOrgan) {
  const char *z = zOrgan ? zOrgan : "";
  if (utf8_len(z, strlen(z)) > 100)
    return store_fail(s, STORE_INVALID, "复议机关名称过长（不超过100字）");
  Stmt *st = stmt(s, "UPDATE org SET review_organ=?2 WHERE id=?1");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, orgId);
  bind_text(st, 2, zOrgan ? zOrgan : "");
  return stmt_exec(s, st, "保存复议机关");
}
