/*
** sqlite_staff.c — the staff menu's counts (store_staff.h): grouped counts
** of documents in review and of open applications.  Both read only rows
** still in a workflow (documents through the (state, …) index; open
** applications), so they stay cheap however large the archive grows.
*/
#include <string.h>

#include "store/app_where.h"
#include "store/store_int.h"
#include "store/store_staff.h"

/* Runs st (bound) and collects (org, state, mine, n) rows into *paW. */
static int collect(Store *s, Arena *a, Stmt *st, WaitCount **paW, int *pn) {
  int nAlloc = 8, n = 0, rc;
  WaitCount *aW = arena_alloc(a, sizeof *aW * nAlloc);
  while ((rc = stmt_step(st)) == STMT_ROW) {
    if (n == nAlloc) {
      WaitCount *aNew = arena_alloc(a, sizeof *aW * nAlloc * 2);
      memcpy(aNew, aW, sizeof *aW * n);
      aW = aNew;
      nAlloc *= 2;
    }
    aW[n].orgId = col_int(st, 0);
    aW[n].zState = col_text(a, st, 1);
    aW[n].bMine = (int)col_int(st, 2);
    aW[n].n = (int)col_int(st, 3);
    n++;
  }
  stmt_done(st);
  if (rc != STMT_DONE) return store_db_err(s, "统计待办事项");
  *paW = aW;
  *pn = n;
  return STORE_OK;
}

int store_wait_docs(Store *s, Arena *a, int64_t userId, WaitCount **paW, int *pn) {
  Stmt *st = stmt(s,
      "SELECT org_id,state,created_by=?1,count(*) FROM doc"
      " WHERE state IN ('dept_review','secrecy_review','approval')"
      " GROUP BY 1,2,3");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, userId);
  return collect(s, a, st, paW, pn);
}

int store_wait_apps(Store *s, Arena *a, int64_t userId, WaitCount **paW, int *pn) {
  Stmt *st = stmt(s,
      /* Organisation first (CROSS JOIN keeps the order): one index seek
      ** per organisation for its open applications, not a scan of all. */
      "SELECT a.org_id,a.state,coalesce(a.handler_id=?1,0),count(*) FROM org o"
      " CROSS JOIN application a ON a.org_id=o.id AND " APP_WHERE_OPEN("a.")
      " GROUP BY 1,2,3");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, userId);
  return collect(s, a, st, paW, pn);
}
