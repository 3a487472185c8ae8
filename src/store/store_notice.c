/* store_notice.c — issued notices (see store_notice.h). */
#include <stdlib.h>
#include <string.h>

#include "core/application.h"
#include "core/notice.h"
#include "store/store_applications.h"
#include "store/store_int.h"
#include "store/store_notice.h"
#include "store/store_remedy.h"

#define NOTICE_COLS                                                       \
  "id,application_id,org_id,kind,year,serial,doc_no,issued_on,event_text," \
  "limit_day,n_days,due_kept,due_on,due_open_year,review_organ FROM app_notice"

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
  n->bDueKept = (int)col_int(st, 11);
  n->zDueOn = col_text(a, st, 12);
  n->yDueOpen = (int)col_int(st, 13);
  n->zReviewOrgan = col_is_null(st, 14) ? NULL : col_text(a, st, 14);
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
  const char *zOrgan = "";
  if ((rc = store_org_review_organ(s, a, orgId, &zOrgan, NULL)) != STORE_OK)
    return rc;
  notice_doc_no(zNo, sizeof zNo, zPrefix, iYear, serial);
  store_now_iso(zNow);
  Stmt *st = stmt(s,
      "INSERT INTO app_notice(application_id,org_id,kind,year,serial,doc_no,"
      "issued_on,event_text,limit_day,n_days,created_at,due_kept,review_organ)"
      " VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,0,?12) RETURNING id");
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
  bind_text(st, 12, zOrgan);
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

int store_notice_due_then(Store *s, Arena *a, const Calendar *pCal,
                          int64_t appId, const char *zReceivedOn,
                          const char *zDay, char zDue[DATE_STRLEN],
                          int *pyOpen) {
  AppEvent *aEv;
  int nEv, n = 0, rc;
  Date dDay, dRec;
  zDue[0] = 0;
  *pyOpen = 0;
  if (date_parse(zDay, &dDay) || date_parse(zReceivedOn, &dRec))
    return store_fail(s, STORE_INVALID, "告知书日期无效");
  if ((rc = store_app_events(s, a, appId, &aEv, &nEv)) != STORE_OK) return rc;
  AppEventRec *aRec = arena_alloc(a, sizeof *aRec * (size_t)(nEv + 1));
  for (int i = 0; i < nEv; i++) /* 'YYYY-MM-DD' compares as text */
    if (strcmp(aEv[i].rec.zOn, zDay) <= 0) aRec[n++] = aEv[i].rec;
  DlResult res;
  DlParams par;
  store_app_clock_params(s, &par);
  rc = app_clock_ex(pCal, zReceivedOn, aRec, n, &par, dDay, &res);
  if (rc == DL_OK && res.dDue != DATE_NONE) {
    date_format(res.dDue, zDue);
    if (cal_covers_range(pCal, dRec, res.dDue, pyOpen)) *pyOpen = 0;
  }
  rc = rc == DL_OK ? STORE_OK
                   : store_fail(s, STORE_INVALID, "告知书当日的答复期限无法计算");
  deadline_result_free(&res);
  return rc;
}

int store_notice_keep_due(Store *s, Arena *a, const Calendar *pCal,
                          int64_t appId, const char *zReceivedOn) {
  AppNotice *aN;
  int n, rc;
  Stmt *st = stmt(s, "SELECT " NOTICE_COLS
                             " WHERE application_id=?1 AND due_kept=0");
  bind_int(st, 1, appId);
  rc = stmt_rows(s, st, a, sizeof *aN, notice_row, &aN, &n, "读取告知书");
  for (int i = 0; rc == STORE_OK && i < n; i++) {
    char zDue[DATE_STRLEN];
    int yOpen;
    /* A notice whose day the clock refuses keeps showing the current due
    ** date (as before due dates were kept) rather than failing the step. */
    if (store_notice_due_then(s, a, pCal, appId, zReceivedOn, aN[i].zIssuedOn,
                              zDue, &yOpen) != STORE_OK)
      continue;
    st = stmt(s, "UPDATE app_notice SET due_kept=1,due_on=?2,due_open_year=?3"
                 " WHERE id=?1");
    if (!st) return STORE_ERROR;
    bind_int(st, 1, aN[i].id);
    bind_text(st, 2, zDue);
    bind_int(st, 3, yOpen);
    rc = stmt_exec(s, st, "保存告知书答复期限");
  }
  return rc;
}
