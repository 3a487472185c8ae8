/*
** store_staff.c — the staff menu's counts (store_staff.h): grouped counts
** of documents in review and of open applications.  Both read only rows
** still in a workflow (documents through the (state, …) index; open
** applications), so they stay cheap however large the archive grows.
*/
#include <string.h>

#include "store/app_where.h"
#include "store/store_int.h"
#include "store/store_staff.h"

/* Runs st (bound) and collects (org, state, mine, n) rows into *paW. */
static void wait_row(Stmt *st, Arena *a, void *pRow) {
  WaitCount *w = pRow;
  w->orgId = col_int(st, 0);
  w->zState = col_text(a, st, 1);
  w->bMine = (int)col_int(st, 2);
  w->n = (int)col_int(st, 3);
}

static int collect(Store *s, Arena *a, Stmt *st, WaitCount **paW, int *pn) {
  return stmt_rows(s, st, a, sizeof **paW, wait_row, paW, pn, "统计待办事项");
}

int store_wait_docs(Store *s, Arena *a, int64_t userId, WaitCount **paW, int *pn) {
  Stmt *st = stmt(s,
      "SELECT org_id,state," SQL_BOOL("created_by=?1") ",count(*) FROM doc"
      " WHERE state IN ('dept_review','secrecy_review','approval')"
      " GROUP BY 1,2,3");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, userId);
  return collect(s, a, st, paW, pn);
}

int store_wait_apps(Store *s, Arena *a, int64_t userId, WaitCount **paW, int *pn) {
  /* Organisation first (SQLite: CROSS JOIN keeps the order): one index
  ** seek per organisation for its open applications, not a scan of all. */
#define WAIT_APPS_SQL(JOIN)                                                \
  "SELECT a.org_id,a.state," SQL_BOOL("a.handler_id=?1") ",count(*) FROM org o" \
  " " JOIN " application a ON a.org_id=o.id AND " APP_WHERE_OPEN("a.")       \
  " GROUP BY 1,2,3"
  Stmt *st = stmt(s, SQL_DIALECT(s, WAIT_APPS_SQL("CROSS JOIN"),
                                 WAIT_APPS_SQL("JOIN")));
  if (!st) return STORE_ERROR;
  bind_int(st, 1, userId);
  return collect(s, a, st, paW, pn);
}
