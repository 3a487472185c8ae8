/* freshness.c — catalogue item update periods and states (see freshness.h). */
#include "core/freshness.h"

#include <stdio.h>
#include <string.h>

FrPeriod fresh_period(const char *z) {
  if (!z || !z[0]) return FR_NONE;
  /* Longest names first: 半年 before 年, 季 before 月 (季度 has no 月). */
  if (strstr(z, "半年")) return FR_HALF;
  if (strstr(z, "季")) return FR_QUARTER;
  if (strstr(z, "月")) return FR_MONTH;
  if (strstr(z, "每年") || strstr(z, "按年") || strstr(z, "年度") || !strcmp(z, "年"))
    return FR_YEAR;
  return FR_NONE;
}

void fresh_bounds(FrPeriod e, Date d, Date *pStart, Date *pEnd) {
  int y, m, dd;
  date_ymd(d, &y, &m, &dd);
  int m0 = 1, nMonths = 12;
  switch (e) {
    case FR_MONTH: m0 = m; nMonths = 1; break;
    case FR_QUARTER: m0 = (m - 1) / 3 * 3 + 1; nMonths = 3; break;
    case FR_HALF: m0 = m <= 6 ? 1 : 7; nMonths = 6; break;
    default: m0 = 1; nMonths = 12; break;
  }
  *pStart = date_from_ymd(y, m0, 1);
  int m1 = m0 + nMonths, y1 = y;
  if (m1 > 12) { m1 -= 12; y1++; }
  *pEnd = date_from_ymd(y1, m1, 1) - 1;
}

/* Days of the warning window of a period kind. */
static int window(FrPeriod e) {
  switch (e) {
    case FR_MONTH: return 7;
    case FR_QUARTER: return 15;
    case FR_HALF: return 20;
    default: return 30;
  }
}

FrState fresh_state(FrPeriod e, Date dLatest, Date dToday, Date *pdDue,
                    int *pnLeft) {
  Date s, t, ps, pt;
  if (pdDue) *pdDue = DATE_NONE;
  if (pnLeft) *pnLeft = 0;
  if (e == FR_NONE) return FR_NA;
  fresh_bounds(e, dToday, &s, &t);
  fresh_bounds(e, s - 1, &ps, &pt);
  if (pnLeft) *pnLeft = t - dToday;
  if (dLatest != DATE_NONE && dLatest >= s) {
    if (pdDue) *pdDue = t;
    return FR_CURRENT;
  }
  if (dLatest == DATE_NONE || dLatest < ps) {
    if (pdDue) *pdDue = pt;
    return FR_OVERDUE;
  }
  if (pdDue) *pdDue = t;
  return t - dToday < window(e) ? FR_DUE_SOON : FR_PENDING;
}

const char *fresh_state_label(FrState s) {
  switch (s) {
    case FR_CURRENT: return "本期已更新";
    case FR_PENDING: return "本期待更新";
    case FR_DUE_SOON: return "即将到期";
    case FR_OVERDUE: return "逾期未更新";
    default: return "不按周期检查";
  }
}

const char *fresh_period_label(FrPeriod e) {
  switch (e) {
    case FR_MONTH: return "每月";
    case FR_QUARTER: return "每季度";
    case FR_HALF: return "每半年";
    case FR_YEAR: return "每年";
    default: return "不定期";
  }
}

char *fresh_period_name(FrPeriod e, Date dStart, char *z, int n) {
  int y, m, d;
  date_ymd(dStart, &y, &m, &d);
  switch (e) {
    case FR_MONTH: snprintf(z, (size_t)n, "%d年%d月", y, m); break;
    case FR_QUARTER: snprintf(z, (size_t)n, "%d年第%d季度", y, (m - 1) / 3 + 1); break;
    case FR_HALF: snprintf(z, (size_t)n, "%d年%s", y, m <= 6 ? "上半年" : "下半年"); break;
    case FR_YEAR: snprintf(z, (size_t)n, "%d年", y); break;
    default: snprintf(z, (size_t)n, "-"); break;
  }
  return z;
}
