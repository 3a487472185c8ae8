/*
** calendar.c — working days over the official holiday overrides (see
** calendar.h).
**
** Counting working days in (d1, d2] is closed-form: count Mon–Fri days
** arithmetically, subtract the weekday holidays in the range and add the
** weekend working days in the range, each found by binary search in a
** sorted array; in a year without official data the holidays the law
** fixes by date (元旦, 劳动节, 国庆节) are subtracted as well.
** cal_add_workdays() then searches for the first day whose
** count reaches n, so both questions cost O(log n) regardless of distance.
*/
#include "core/calendar.h"

#include <stdlib.h>
#include <string.h>

#include "lib/buf.h"
#include "lib/utf8.h"

/* Replaces pCal->zErr with z (taking ownership). */
static void set_err(Calendar *pCal, char *z) {
  free(pCal->zErr);
  pCal->zErr = z;
}

void cal_init(Calendar *pCal) { memset(pCal, 0, sizeof *pCal); }

void cal_free(Calendar *pCal) {
  for (int i = 0; i < pCal->nOv; i++) free(pCal->aOv[i].zName);
  free(pCal->aOv);
  free(pCal->aHol);
  free(pCal->aWork);
  free(pCal->zErr);
  cal_init(pCal);
}

void cal_cover_year(Calendar *pCal, int y) {
  if (y >= CAL_YEAR_MIN && y <= CAL_YEAR_MAX)
    pCal->aCover[y - CAL_YEAR_MIN] = 1;
}

/* Number of entries of the sorted array a[0..n) that are <= x. */
static int count_le(const Date *a, int n, Date x) {
  int lo = 0, hi = n;
  while (lo < hi) {
    int mid = lo + (hi - lo) / 2;
    if (a[mid] <= x) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/* Index of the first override whose date is >= d (nOv if none). */
static int ov_lower_bound(const Calendar *pCal, Date d) {
  int lo = 0, hi = pCal->nOv;
  while (lo < hi) {
    int mid = lo + (hi - lo) / 2;
    if (pCal->aOv[mid].date < d) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/* Inserts d into the sorted array a of *pn entries (capacity assured). */
static void insert_sorted(Date *a, int *pn, Date d) {
  int i = count_le(a, *pn, d);
  memmove(a + i + 1, a + i, (size_t)(*pn - i) * sizeof a[0]);
  a[i] = d;
  (*pn)++;
}

static const char *kind_name(CalKind e) {
  return e == CAL_HOLIDAY ? "放假日" : "调休上班日";
}

/* Checks that adding (d, eKind) would succeed; 0 or an error code with a
** message in pCal->zErr (prefixed by zWhere, which may be ""). */
static int check_add(Calendar *pCal, Date d, CalKind eKind,
                     const char *zWhere) {
  char zDate[DATE_STRLEN];
  if (eKind != CAL_HOLIDAY && eKind != CAL_WORKDAY) {
    set_err(pCal, mprintf("%s类型无效", zWhere));
    return CAL_EINVAL;
  }
  if (eKind == CAL_WORKDAY && !date_is_weekend(d)) {
    set_err(pCal, mprintf("%s调休上班日 %s 不是周六或周日", zWhere,
                          date_format(d, zDate)));
    return CAL_EINVAL;
  }
  const CalOverride *p = cal_override(pCal, d);
  if (p && p->eKind != eKind) {
    set_err(pCal, mprintf("%s日期 %s 已登记为%s，不能再登记为%s", zWhere,
                          date_format(d, zDate), kind_name(p->eKind),
                          kind_name(eKind)));
    return CAL_ECONFLICT;
  }
  return CAL_OK;
}

/* Adds an override already checked by check_add(). */
static void add_checked(Calendar *pCal, Date d, CalKind eKind,
                        const char *zName) {
  int i = ov_lower_bound(pCal, d);
  cal_cover_year(pCal, date_year(d));
  if (i < pCal->nOv && pCal->aOv[i].date == d) {   /* same kind: rename */
    free(pCal->aOv[i].zName);
    pCal->aOv[i].zName = xstrdup(zName ? zName : "");
    return;
  }
  if (pCal->nOv == pCal->nOvAlloc) {
    int nNew = pCal->nOvAlloc ? pCal->nOvAlloc * 2 : 64;
    pCal->aOv = xrealloc(pCal->aOv, (size_t)nNew * sizeof pCal->aOv[0]);
    pCal->aHol = xrealloc(pCal->aHol, (size_t)nNew * sizeof pCal->aHol[0]);
    pCal->aWork = xrealloc(pCal->aWork, (size_t)nNew * sizeof pCal->aWork[0]);
    pCal->nOvAlloc = nNew;
  }
  memmove(pCal->aOv + i + 1, pCal->aOv + i,
          (size_t)(pCal->nOv - i) * sizeof pCal->aOv[0]);
  pCal->aOv[i].date = d;
  pCal->aOv[i].eKind = eKind;
  pCal->aOv[i].zName = xstrdup(zName ? zName : "");
  pCal->nOv++;
  if (eKind == CAL_HOLIDAY && !date_is_weekend(d))
    insert_sorted(pCal->aHol, &pCal->nHol, d);
  else if (eKind == CAL_WORKDAY)
    insert_sorted(pCal->aWork, &pCal->nWork, d);
}

int cal_add(Calendar *pCal, Date d, CalKind eKind, const char *zName) {
  int rc = check_add(pCal, d, eKind, "");
  if (rc) return rc;
  add_checked(pCal, d, eKind, zName);
  return CAL_OK;
}

/* Splits the line z[0..n) at commas into at most nMax fields; returns the
** field count (which may exceed nMax; extra fields are not stored). */
static int split_fields(const char *z, int n, const char **az, int *an,
                        int nMax) {
  int nField = 0, iStart = 0;
  for (int i = 0; i <= n; i++) {
    if (i == n || z[i] == ',') {
      if (nField < nMax) {
        az[nField] = z + iStart;
        an[nField] = i - iStart;
      }
      nField++;
      iStart = i + 1;
    }
  }
  return nField;
}

int cal_load_csv(Calendar *pCal, const char *z, size_t n, const char *zName) {
  Calendar tmp;
  int iLine = 0, bHeader = 0, rc = CAL_OK;
  size_t i = 0;
  char *zWhere = NULL;
  cal_init(&tmp);
  const char *zText = utf8_text_problem(z, n);
  if (zText) {
    set_err(pCal, mprintf("%s%s%s", zName ? zName : "", zName ? "：" : "", zText));
    cal_free(&tmp);
    return CAL_EINVAL;
  }
  if (n >= 3 && memcmp(z, "\xEF\xBB\xBF", 3) == 0) i = 3;   /* UTF-8 BOM */
  while (i < n && rc == CAL_OK) {
    size_t iEnd = i;
    while (iEnd < n && z[iEnd] != '\n') iEnd++;
    int nLine = (int)(iEnd - i);
    const char *zLine = z + i;
    i = iEnd + 1;
    iLine++;
    if (nLine > 0 && zLine[nLine - 1] == '\r') nLine--;
    if (nLine == 0) continue;
    free(zWhere);
    zWhere = mprintf("%s%s第%d行：", zName ? zName : "", zName ? " " : "",
                     iLine);
    if (!bHeader) {
      if (nLine != 14 || memcmp(zLine, "date,kind,name", 14) != 0) {
        set_err(pCal, mprintf("%s缺少表头“date,kind,name”", zWhere));
        rc = CAL_EINVAL;
      }
      bHeader = 1;
      continue;
    }
    const char *az[3];
    int an[3];
    int nField = split_fields(zLine, nLine, az, an, 3);
    if (nField != 3) {
      set_err(pCal, mprintf("%s应有3个字段（date,kind,name），实际为%d个",
                            zWhere, nField));
      rc = CAL_EINVAL;
      break;
    }
    Date d;
    if (date_parse_n(az[0], an[0], &d)) {
      char *zBad = xstrndup(az[0], (size_t)an[0]);
      set_err(pCal, mprintf("%s日期无效“%s”（应为真实存在的日期，格式"
                            " YYYY-MM-DD）", zWhere, zBad));
      free(zBad);
      rc = CAL_EINVAL;
      break;
    }
    CalKind eKind;
    if (an[1] == 7 && memcmp(az[1], "holiday", 7) == 0) {
      eKind = CAL_HOLIDAY;
    } else if (an[1] == 7 && memcmp(az[1], "workday", 7) == 0) {
      eKind = CAL_WORKDAY;
    } else {
      char *zBad = xstrndup(az[1], (size_t)an[1]);
      set_err(pCal, mprintf("%s类型无效“%s”（应为 holiday 或 workday）",
                            zWhere, zBad));
      free(zBad);
      rc = CAL_EINVAL;
      break;
    }
    if (memchr(az[2], '"', (size_t)an[2])) {
      set_err(pCal, mprintf("%s名称不能含引号", zWhere));
      rc = CAL_EINVAL;
      break;
    }
    if (cal_override(&tmp, d)) {
      char zDate[DATE_STRLEN];
      set_err(pCal, mprintf("%s日期 %s 重复出现", zWhere,
                            date_format(d, zDate)));
      rc = CAL_ECONFLICT;
      break;
    }
    rc = check_add(&tmp, d, eKind, zWhere);
    if (rc) {
      set_err(pCal, tmp.zErr);
      tmp.zErr = NULL;
      break;
    }
    /* Also reject a clash with what pCal already holds. */
    const CalOverride *pOld = cal_override(pCal, d);
    if (pOld && pOld->eKind != eKind) {
      rc = check_add(pCal, d, eKind, zWhere);
      break;
    }
    char *zFest = xstrndup(az[2], (size_t)an[2]);
    add_checked(&tmp, d, eKind, zFest);
    free(zFest);
  }
  if (rc == CAL_OK && !bHeader) {
    set_err(pCal, mprintf("%s%s没有数据（缺少表头“date,kind,name”）",
                          zName ? zName : "", zName ? " " : ""));
    rc = CAL_EINVAL;
  }
  if (rc == CAL_OK) {
    for (int k = 0; k < tmp.nOv; k++)
      add_checked(pCal, tmp.aOv[k].date, tmp.aOv[k].eKind, tmp.aOv[k].zName);
  }
  free(zWhere);
  cal_free(&tmp);
  return rc;
}

const CalOverride *cal_override(const Calendar *pCal, Date d) {
  int i = ov_lower_bound(pCal, d);
  if (i < pCal->nOv && pCal->aOv[i].date == d) return &pCal->aOv[i];
  return NULL;
}

/* The holidays the law fixes by calendar date (全国年节及纪念日放假办法:
** 1999 text to 2007, 2007/2013 texts 2008–2024, 2024 text from 2025), as
** month*100+day; terminated by 0.  The lunar festivals and the 调休 days
** need the year's notice. */
static const int *fixed_holidays(int y) {
  static const int a1999[] = {101, 501, 502, 503, 1001, 1002, 1003, 0};
  static const int a2008[] = {101, 501, 1001, 1002, 1003, 0};
  static const int a2025[] = {101, 501, 502, 1001, 1002, 1003, 0};
  return y < 2008 ? a1999 : y < 2025 ? a2008 : a2025;
}

/* 1 when d is a fixed-date holiday of a year without official data. */
static int uncovered_fixed_holiday(const Calendar *pCal, Date d) {
  if (cal_covers(pCal, d)) return 0;
  int md = date_month(d) * 100 + date_day(d);
  for (const int *p = fixed_holidays(date_year(d)); *p; p++)
    if (*p == md) return 1;
  return 0;
}

/* Fixed-date holidays on Monday–Friday in (d1, d2] that fall in years
** without official data (d1 < d2). */
static int uncovered_fixed_between(const Calendar *pCal, Date d1, Date d2) {
  int n = 0;
  for (int y = date_year(d1 + 1); y <= date_year(d2); y++) {
    if (y >= CAL_YEAR_MIN && y <= CAL_YEAR_MAX &&
        pCal->aCover[y - CAL_YEAR_MIN])
      continue;
    for (const int *p = fixed_holidays(y); *p; p++) {
      Date h = date_from_ymd(y, *p / 100, *p % 100);
      if (h > d1 && h <= d2 && !date_is_weekend(h)) n++;
    }
  }
  return n;
}

int cal_is_workday(const Calendar *pCal, Date d) {
  const CalOverride *p = cal_override(pCal, d);
  if (p) return p->eKind == CAL_WORKDAY;
  return !date_is_weekend(d) && !uncovered_fixed_holiday(pCal, d);
}

/* Number of Mondays–Fridays in (-inf, d], offset by a constant that
** cancels in differences.  1970-01-05 (day 4) was a Monday. */
static long long weekdays_upto(Date d) {
  long long m = (long long)d - 4;
  long long q = m >= 0 ? m / 7 : -((-m + 6) / 7);
  long long r = m - q * 7;                  /* 0 = Monday ... 6 = Sunday */
  return q * 5 + (r < 5 ? r + 1 : 5);
}

int cal_workdays_between(const Calendar *pCal, Date d1, Date d2) {
  if (d2 <= d1) return 0;
  long long n = weekdays_upto(d2) - weekdays_upto(d1);
  n -= count_le(pCal->aHol, pCal->nHol, d2) -
       count_le(pCal->aHol, pCal->nHol, d1);
  n += count_le(pCal->aWork, pCal->nWork, d2) -
       count_le(pCal->aWork, pCal->nWork, d1);
  n -= uncovered_fixed_between(pCal, d1, d2);
  return (int)n;
}

Date cal_add_workdays(const Calendar *pCal, Date dFrom, int n) {
  if (n <= 0) return dFrom;
  /* Find an upper bound, then the first day whose count reaches n. */
  int nSpan = n + n / 2 + 16;
  while (cal_workdays_between(pCal, dFrom, dFrom + nSpan) < n) nSpan *= 2;
  Date lo = dFrom, hi = dFrom + nSpan;      /* count(lo) < n <= count(hi) */
  while (hi - lo > 1) {
    Date mid = lo + (hi - lo) / 2;
    if (cal_workdays_between(pCal, dFrom, mid) >= n) hi = mid; else lo = mid;
  }
  return hi;
}

int cal_covers(const Calendar *pCal, Date d) {
  int y = date_year(d);
  return y >= CAL_YEAR_MIN && y <= CAL_YEAR_MAX &&
         pCal->aCover[y - CAL_YEAR_MIN];
}

int cal_covers_range(const Calendar *pCal, Date d1, Date d2, int *pyMissing) {
  int y1 = date_year(d1), y2 = date_year(d2);
  if (y1 > y2) { int t = y1; y1 = y2; y2 = t; }
  for (int y = y1; y <= y2; y++) {
    if (y < CAL_YEAR_MIN || y > CAL_YEAR_MAX ||
        !pCal->aCover[y - CAL_YEAR_MIN]) {
      if (pyMissing) *pyMissing = y;
      return 0;
    }
  }
  return 1;
}

void cal_coverage(const Calendar *pCal, int *pyFirst, int *pyLast) {
  int yF = 0, yL = 0;
  for (int y = CAL_YEAR_MIN; y <= CAL_YEAR_MAX; y++) {
    if (!pCal->aCover[y - CAL_YEAR_MIN]) continue;
    if (!yF) yF = y;
    yL = y;
  }
  if (pyFirst) *pyFirst = yF;
  if (pyLast) *pyLast = yL;
}
