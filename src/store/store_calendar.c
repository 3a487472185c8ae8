/*
** store_calendar.c — the working-day calendar in the `holiday` table:
** list and put overrides, build a core Calendar from them, and seed the
** table from the embedded official calendar.
*/
#include <stdio.h>
#include <string.h>

#include "lib/date.h"
#include "lib/embed.h"
#include "store/store_int.h"

static void holiday_row(Stmt *st, Arena *a, void *pRow) {
  HolidayRow *r = pRow;
  r->zDay = col_text(a, st, 0);
  r->zKind = col_text(a, st, 1);
  r->zName = col_text(a, st, 2);
}

int store_holiday_list(Store *s, Arena *a, HolidayRow **paRow, int *pn) {
  Stmt *st = stmt(s, "SELECT day,kind,name FROM holiday ORDER BY day");
  return stmt_rows(s, st, a, sizeof **paRow, holiday_row, paRow, pn, "读取节假日");
}

int store_holiday_put(Store *s, const char *zDay, const char *zKind,
                      const char *zName) {
  Stmt *st = stmt(s,
      "INSERT INTO holiday(day,kind,name) VALUES(?1,?2,?3)"
      " ON CONFLICT(day) DO UPDATE SET kind=excluded.kind,name=excluded.name");
  if (!st) return STORE_ERROR;
  bind_text(st, 1, zDay);
  bind_text(st, 2, zKind);
  bind_text(st, 3, zName ? zName : "");
  return stmt_exec(s, st, "保存节假日");
}

int store_calendar(Store *s, Calendar *pCal) {
  Arena a = ARENA_INIT;
  HolidayRow *aRow;
  int n, rc = store_holiday_list(s, &a, &aRow, &n);
  cal_init(pCal);
  for (int i = 0; rc == STORE_OK && i < n; i++) {
    Date d;
    if (date_parse(aRow[i].zDay, &d) != 0 ||
        cal_add(pCal, d, strcmp(aRow[i].zKind, "workday") ? CAL_HOLIDAY : CAL_WORKDAY,
                aRow[i].zName) != CAL_OK) {
      rc = store_fail(s, STORE_INVALID, "节假日数据有误：%s %s", aRow[i].zDay,
                      pCal->zErr ? pCal->zErr : "");
    }
  }
  arena_free(&a);
  if (rc != STORE_OK) cal_free(pCal);
  return rc;
}

int store_calendar_seed(Store *s, int *pnAdded) {
  const Embedded *e = embed_find(aData, "holidays_cn.csv");
  Calendar cal;
  int rc = STORE_OK;
  if (!e) return store_fail(s, STORE_ERROR, "内置节假日数据缺失");
  cal_init(&cal);
  if (cal_load_csv(&cal, (const char *)e->pData, e->nData, "holidays_cn.csv") != CAL_OK) {
    rc = store_fail(s, STORE_INVALID, "%s", cal.zErr ? cal.zErr : "节假日数据有误");
    cal_free(&cal);
    return rc;
  }
  if ((rc = store_begin(s)) != STORE_OK) { cal_free(&cal); return rc; }
  for (int i = 0; rc == STORE_OK && i < cal.nOv; i++) {
    char z[DATE_STRLEN];
    rc = store_holiday_put(s, date_format(cal.aOv[i].date, z),
                           cal.aOv[i].eKind == CAL_WORKDAY ? "workday" : "holiday",
                           cal.aOv[i].zName);
  }
  if (rc == STORE_OK) rc = store_commit(s);
  else store_rollback(s);
  if (rc == STORE_OK && pnAdded) *pnAdded = cal.nOv;
  cal_free(&cal);
  return rc;
}
