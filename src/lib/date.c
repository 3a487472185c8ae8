/*
** date.c — civil date arithmetic (see date.h).
**
** Conversions between y-m-d and a day count use the usual "era of 400
** years starting on 1 March" arithmetic: shifting the year start to March
** puts the leap day last, so the day-of-year of a month start is a linear
** formula.  All divisions are floor divisions so negative dates work.
*/
#include "lib/date.h"

#include <string.h>

/* Floor division and matching non-negative remainder for b > 0. */
static long long floor_div(long long a, long long b) {
  return a >= 0 ? a / b : -((-a + b - 1) / b);
}

static int is_leap(int y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int date_valid_ymd(int y, int m, int d) {
  static const unsigned char aLen[12] = {31, 28, 31, 30, 31, 30,
                                         31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12 || d < 1) return 0;
  int nMax = aLen[m - 1] + (m == 2 && is_leap(y));
  return d <= nMax;
}

Date date_from_ymd(int y, int m, int d) {
  long long yy = (long long)y - (m <= 2);            /* year starting 1 Mar */
  long long era = floor_div(yy, 400);
  long long yoe = yy - era * 400;                    /* 0..399 */
  long long mp = (m + 9) % 12;                       /* Mar = 0 ... Feb = 11 */
  long long doy = (153 * mp + 2) / 5 + d - 1;        /* 0..365 */
  long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy; /* 0..146096 */
  return (Date)(era * 146097 + doe - 719468);        /* 719468: 0000-03-01 */
}

void date_ymd(Date dt, int *py, int *pm, int *pd) {
  long long z = (long long)dt + 719468;
  long long era = floor_div(z, 146097);
  long long doe = z - era * 146097;                          /* 0..146096 */
  long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);   /* 0..365 */
  long long mp = (5 * doy + 2) / 153;                        /* 0..11 */
  int d = (int)(doy - (153 * mp + 2) / 5 + 1);
  int m = (int)(mp < 10 ? mp + 3 : mp - 9);
  int y = (int)(yoe + era * 400 + (m <= 2));
  if (py) *py = y;
  if (pm) *pm = m;
  if (pd) *pd = d;
}

int date_year(Date d) { int y; date_ymd(d, &y, 0, 0); return y; }
int date_month(Date d) { int m; date_ymd(d, 0, &m, 0); return m; }
int date_day(Date d) { int x; date_ymd(d, 0, 0, &x); return x; }

int date_weekday(Date d) {
  /* 1970-01-01 was a Thursday (ISO 4). */
  return (int)(((long long)d + 3) - floor_div((long long)d + 3, 7) * 7) + 1;
}

int date_is_weekend(Date d) { return date_weekday(d) >= 6; }

Date date_add_days(Date d, int n) { return d + n; }

Date date_add_months(Date d, int n) {
  int y, m, day;
  date_ymd(d, &y, &m, &day);
  int k = (m - 1) + n;
  y += k / 12;
  m = k % 12 + 1;
  while (day > 28 && !date_valid_ymd(y, m, day)) day--;
  return date_from_ymd(y, m, day);
}

/* Reads n ASCII digits at z into *pv; 0 on success, -1 if any is not a
** digit. */
static int read_digits(const char *z, int n, int *pv) {
  int v = 0;
  for (int i = 0; i < n; i++) {
    if (z[i] < '0' || z[i] > '9') return -1;
    v = v * 10 + (z[i] - '0');
  }
  *pv = v;
  return 0;
}

int date_parse_n(const char *z, int n, Date *pd) {
  int y, m, d;
  if (!z || n != 10 || z[4] != '-' || z[7] != '-') return -1;
  if (read_digits(z, 4, &y) || read_digits(z + 5, 2, &m) ||
      read_digits(z + 8, 2, &d))
    return -1;
  if (y < DATE_YEAR_MIN || y > DATE_YEAR_MAX || !date_valid_ymd(y, m, d))
    return -1;
  *pd = date_from_ymd(y, m, d);
  return 0;
}

int year_parse(const char *z) {
  if (!z) return -1;
  int y = 0;
  for (int i = 0; i < 4; i++) {
    if (z[i] < '0' || z[i] > '9') return -1;
    y = y * 10 + (z[i] - '0');
  }
  return z[4] ? -1 : y;
}

int date_parse(const char *z, Date *pd) {
  if (!z) return -1;
  size_t n = strlen(z);
  if (n != 10) return -1;
  return date_parse_n(z, 10, pd);
}

/* Writes v as exactly n decimal digits (v >= 0). */
static void put_digits(char *z, int n, int v) {
  for (int i = n - 1; i >= 0; i--) {
    z[i] = (char)('0' + v % 10);
    v /= 10;
  }
}

char *date_format(Date d, char zOut[DATE_STRLEN]) {
  int y, m, dd;
  if (d == DATE_NONE) {
    zOut[0] = '-';
    zOut[1] = 0;
    return zOut;
  }
  date_ymd(d, &y, &m, &dd);
  if (y < 0 || y > 9999) y = 0;      /* outside the printable range */
  put_digits(zOut, 4, y);
  zOut[4] = '-';
  put_digits(zOut + 5, 2, m);
  zOut[7] = '-';
  put_digits(zOut + 8, 2, dd);
  zOut[10] = 0;
  return zOut;
}

Date date_from_time_cn(time_t t) {
  return (Date)floor_div((long long)t + DATE_CN_OFFSET, 86400);
}

Date date_today_cn(time_t t) { return date_from_time_cn(t); }

time_t datetime_from_cn(Date d, int h, int mi, int s) {
  return (time_t)((long long)d * 86400 + h * 3600 + mi * 60 + s -
                  DATE_CN_OFFSET);
}

int datetime_parse_cn(const char *z, time_t *pt) {
  Date d;
  int h, mi, s = 0;
  if (!z) return -1;
  size_t n = strlen(z);
  if (n != 16 && n != 19) return -1;
  if (date_parse_n(z, 10, &d)) return -1;
  if ((z[10] != ' ' && z[10] != 'T') || z[13] != ':') return -1;
  if (read_digits(z + 11, 2, &h) || read_digits(z + 14, 2, &mi)) return -1;
  if (n == 19 && (z[16] != ':' || read_digits(z + 17, 2, &s))) return -1;
  if (h > 23 || mi > 59 || s > 59) return -1;
  *pt = datetime_from_cn(d, h, mi, s);
  return 0;
}

char *datetime_format_cn(time_t t, char zOut[DATETIME_STRLEN]) {
  long long secs = (long long)t + DATE_CN_OFFSET;
  long long day = floor_div(secs, 86400);
  int sod = (int)(secs - day * 86400);
  date_format((Date)day, zOut);
  zOut[10] = ' ';
  put_digits(zOut + 11, 2, sod / 3600);
  zOut[13] = ':';
  put_digits(zOut + 14, 2, sod / 60 % 60);
  zOut[16] = ':';
  put_digits(zOut + 17, 2, sod % 60);
  zOut[19] = 0;
  return zOut;
}

int date_plausible(Date d, Date today) {
  int y, m, dd;
  date_ymd(today, &y, &m, &dd);
  if (m == 2 && dd == 29) dd = 28;  /* next year may have no 29 February */
  return d >= date_from_ymd(1949, 10, 1) && d <= date_from_ymd(y + 1, m, dd);
}

int datetime_parse_utc(const char *z, time_t *pt) {
  time_t t;
  if (!z) return -1;
  size_t n = strlen(z);
  /* "…Z" (store_now_iso) or SQLite's datetime('now') without the Z. */
  if (n == 20 && z[19] == 'Z') {
    char zCopy[20];
    memcpy(zCopy, z, 19);
    zCopy[19] = 0;
    if (datetime_parse_cn(zCopy, &t)) return -1;
  } else if (n == 19 || n == 16) {
    if (datetime_parse_cn(z, &t)) return -1;
  } else {
    return -1;
  }
  *pt = t + DATE_CN_OFFSET; /* the digits were UTC, not Beijing time */
  return 0;
}

/* Appends the decimal v to z at *pi (no padding). */
static void put_int(char *z, int *pi, int v) {
  char a[12];
  int n = 0;
  do { a[n++] = (char)('0' + v % 10); v /= 10; } while (v && n < 11);
  while (n) z[(*pi)++] = a[--n];
}

static void put_cjk(char *z, int *pi, const char *zUtf8) {
  size_t n = strlen(zUtf8);
  memcpy(z + *pi, zUtf8, n);
  *pi += (int)n;
}

char *date_format_cn_long(Date d, char zOut[DATE_CN_STRLEN]) {
  int y, m, dd, i = 0;
  if (d == DATE_NONE) return strcpy(zOut, "-");
  date_ymd(d, &y, &m, &dd);
  if (y < 0 || y > 9999) y = 0;
  put_int(zOut, &i, y);
  put_cjk(zOut, &i, "年");
  put_int(zOut, &i, m);
  put_cjk(zOut, &i, "月");
  put_int(zOut, &i, dd);
  put_cjk(zOut, &i, "日");
  zOut[i] = 0;
  return zOut;
}

char *datetime_format_cn_long(time_t t, char zOut[DATETIME_CN_STRLEN]) {
  long long secs = (long long)t + DATE_CN_OFFSET;
  long long day = floor_div(secs, 86400);
  int sod = (int)(secs - day * 86400);
  date_format_cn_long((Date)day, zOut);
  size_t i = strlen(zOut);
  zOut[i] = ' ';
  put_digits(zOut + i + 1, 2, sod / 3600);
  zOut[i + 3] = ':';
  put_digits(zOut + i + 4, 2, sod / 60 % 60);
  zOut[i + 6] = 0;
  return zOut;
}
