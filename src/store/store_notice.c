/* store_notice.c — issued notices (see store_notice.h). */
#include <stdlib.h>
#include <string.h>

#include "core/notice.h"
#include "store/store_int.h"
#include "store/store_notice.h"

#define NOTICE_COLS                                                       \
  "id,application_id,org_id,kind,year,serial,doc_no,issued_on,event_text," \
  "limit_day,n_days FROM app_notice"

static void notice_row(Stmt *st, Arena *a, void *pRow) {
  AppNotice *n = pRow;
  n->id = col_int(st, 0);
  n->appId = col_int(st, 1);
  n->orgId = col_int(st, 2);
  n->zKind = col_text(a, st, 3);
  n->year = (int)col_int(st, 4);
  n->serial = (int)col_int(st, 5);
  n->zDocNo = col_text(a, st, 6);
  n->zIssuedOn = col_text(a, st, 7);
  n->zEventText = col_text(a, st, 8);
  n->zLimit = col_text(a, st, 9);
  n->nDays = (int)col_int(st, 10);
}

/* The next serial of orgId's series for iYear and its prefix. */
static int next_serial(Store *s, Arena *a, int64_t orgId, int iYear,
                       int *pSerial, const char **pzPrefix) {
  Stmt *st = stmt(s,
      "SELECT coalesce((SELECT max(serial) FROM app_notice WHERE org_id=?1"
      " AND year=?2),0)+1,CASE WHEN o.notice_prefix<>'' THEN o.notice_prefix"
      " WHEN o.short_name<>'' THEN o.short_name||'依申'"
      " ELSE o.name||'依申' END FROM org o WHERE o.id=?1");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, orgId);
  bind_int(st, 2, iYear);
  int rc = stmt_step(st), out = STORE_OK;
  if (rc == STMT_ROW) {
    *pSerial = (int)col_int(st, 0);
    *pzPrefix = col_text(a, st, 1);
  } else {
    out = store_fail(s, STORE_NOTFOUND, "单位不存在");
  }
  stmt_done(st);
  return out;
}

int store_notice_issue(Store *s, Arena *a, int64_t appId, int64_t orgId,
                       const char *zKind, const char *zDay,
                       const char *zEventText, const char *zLimit, int nDays,
                       AppNotice *pOut) {
  int iYear = atoi(zDay), serial = 0;
  const char *zPrefix = "";
  char zNo[200], zNow[21];
  /* The serial is counted from the rows there: serialised (store.h). */
  if (store_lock(s, STORE_LOCK_SERIAL) != STORE_OK) return STORE_BUSY;
  int rc = next_serial(s, a, orgId, iYear, &serial, &zPrefix);
  if (rc != STORE_OK) return rc;
  notice_doc_no(zNo, sizeof zNo, zPrefix, iYear, serial);
  store_now_iso(zNow);
  Stmt *st = stmt(s,
      "INSERT INTO app_notice(application_id,org_id,kind,year,serial,doc_no,"
      "issued_on,event_text,limit_day,n_days,created_at)"
      " VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11) RETURNING id");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, appId);
  bind_int(st, 2, orgId);
  bind_text(st, 3, zKind);
  bind_int(st, 4, iYear);
  bind_int(st, 5, serial);
  bind_text(st, 6, zNo);
  bind_text(st, 7, zDay);
  bind_text(st, 8, zEventText ? zEventText : "");
  bind_text(st, 9, zLimit ? zLimit : "");
  bind_int(st, 10, nDays);
  bind_text(st, 11, zNow);
  int64_t newId = 0;
  rc = stmt_insert_id(s, st, &newId, "出具告知书");
  if (rc != STORE_OK) return rc;
  if (pOut) {
    memset(pOut, 0, sizeof *pOut);
    pOut->id = newId;
    pOut->zDocNo = arena_strdup(a, zNo);
  }
  return STORE_OK;
}

int store_notices(Store *s, Arena *a, int64_t appId, AppNotice **pa, int *pn) {
  Stmt *st = stmt(s, "SELECT " NOTICE_COLS
                             " WHERE application_id=?1 ORDER BY id");
  bind_int(st, 1, appId);
  return stmt_rows(s, st, a, sizeof **pa, notice_row, pa, pn, "读取告知书");
}

int store_notice_get(Store *s, Arena *a, int64_t appId, int64_t nid,
                     AppNotice *p) {
  Stmt *st = stmt(s, "SELECT " NOTICE_COLS
                             " WHERE id=?1 AND application_id=?2");
  bind_int(st, 1, nid);
  bind_int(st, 2, appId);
  int rc = stmt_row(s, st, a, sizeof *p, notice_row, p, "读取告知书");
  return rc == STORE_NOTFOUND ? store_fail(s, rc, "告知书不存在") : rc;
}

int store_org_notice_settings(Store *s, Arena *a, int64_t orgId,
                              const char **pzContact, const char **pzPrefix) {
  Stmt *st = stmt(s, "SELECT notice_contact,notice_prefix FROM org"
                             " WHERE id=?1");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, orgId);
  int rc = stmt_step(st), out = STORE_OK;
  if (rc == STMT_ROW) {
    *pzContact = col_text(a, st, 0);
    *pzPrefix = col_text(a, st, 1);
  } else {
    out = store_fail(s, STORE_NOTFOUND, "单位不存在");
  }
  stmt_done(st);
  return out;
}

int store_org_set_notice_settings(Store *s, int64_t orgId,
                                  const char *zContact, const char *zPrefix) {
  Stmt *st = stmt(s, "UPDATE org SET notice_contact=?2,"
                             "notice_prefix=?3 WHERE id=?1");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, orgId);
  bind_text(st, 2, zContact ? zContact : "");
  bind_text(st, 3, zPrefix ? zPrefix : "");
  return stmt_exec(s, st, "保存告知书设置");
}
