/*
** date.h — civil dates and Beijing-time datetimes.
**
** A Date is the number of days since 1970-01-01 in the proleptic Gregorian
** calendar (1970-01-01 is 0, 1969-12-31 is -1).  It is a plain integer, so
** comparing and subtracting dates is ordinary arithmetic, and adding days
** is `d + n` (date_add_days() exists for readability).  DATE_NONE marks a
** missing date.
**
** Datetimes for hour-level clocks are plain time_t (seconds since the Unix
** epoch, UTC).  China has one time zone, UTC+8 without daylight saving, so
** the conversions here use that fixed offset and never consult the TZ
** environment or the C library's time-zone machinery (thread-safe, no I/O).
**
** This module knows nothing about working days; see core/calendar.h.
** Nothing here allocates.
*/
#ifndef GK_DATE_H
#define GK_DATE_H

#include <stdint.h>
#include <time.h>

typedef int32_t Date;              /* days since 1970-01-01 */

#define DATE_NONE INT32_MIN        /* "no date" sentinel */
#define DATE_STRLEN 11             /* "YYYY-MM-DD" plus NUL */
#define DATETIME_STRLEN 20         /* "YYYY-MM-DD HH:MM:SS" plus NUL */
#define DATE_YEAR_MIN 1            /* smallest year date_parse() accepts */
#define DATE_YEAR_MAX 9999         /* largest year date_parse() accepts */
#define DATE_CN_OFFSET (8 * 3600)  /* Asia/Shanghai offset from UTC, s */

/* 1 if y-m-d names a real day (1 <= m <= 12, d within the month, leap
** years per the Gregorian rule), else 0.  Any year is accepted. */
int date_valid_ymd(int y, int m, int d);

/* The Date of y-m-d.  The caller guarantees date_valid_ymd(y, m, d);
** invalid input gives an unspecified (but defined) result. */
Date date_from_ymd(int y, int m, int d);

/* Splits d into year, month (1-12) and day (1-31).  Any pointer may be
** NULL.  d must not be DATE_NONE. */
void date_ymd(Date d, int *py, int *pm, int *pd);
int date_year(Date d);             /* year of d */
int date_month(Date d);            /* month of d, 1-12 */
int date_day(Date d);              /* day of month of d, 1-31 */

/* ISO weekday: 1 = Monday ... 7 = Sunday. */
int date_weekday(Date d);

/* 1 for Saturday and Sunday, else 0. */
int date_is_weekend(Date d);

/* d + n days.  No overflow check: dates stay far inside int32 range. */
Date date_add_days(Date d, int n);

/* d + n months (n >= 0) as the civil code counts a period of months
** (民法典 Art. 202): the day of the same number in the month reached, or
** that month's last day when it has no such day (2026-11-30 + 3 →
** 2027-02-28).  d must not be DATE_NONE. */
Date date_add_months(Date d, int n);

/* Parses exactly "YYYY-MM-DD" (four-digit year DATE_YEAR_MIN..MAX, two-digit
** month and day, no spaces, nothing after) and rejects impossible days such
** as 2023-02-30.  On success stores the date in *pd and returns 0; on
** failure returns -1 and leaves *pd alone.  date_parse_n() reads the n
** bytes at z (no NUL needed). */
int date_parse(const char *z, Date *pd);
/* Parses exactly four ASCII digits "YYYY" (a report year in a path or a
** file): the year, or -1 for anything else ("2026abc", "+2026", "２０２６",
** an overflowing number). */
int year_parse(const char *z);

/* 1 when d is a date a record of this government can carry: from
** 1949-10-01 (the founding of the PRC) to one year after today (the same
** month and day next year, inclusive). */
int date_plausible(Date d, Date today);
int date_parse_n(const char *z, int n, Date *pd);

/* Writes "YYYY-MM-DD" into zOut (DATE_STRLEN bytes) and returns zOut.
** DATE_NONE is written as "-". */
char *date_format(Date d, char zOut[DATE_STRLEN]);

/* The calendar day in Beijing (UTC+8) at instant t. */
Date date_from_time_cn(time_t t);

/* Today in Beijing at instant t; the same as date_from_time_cn(), named
** for call sites that pass time(NULL). */
Date date_today_cn(time_t t);

/* The instant of Beijing local time d hh:mm:ss (h 0-23, mi 0-59,
** s 0-59; not checked). */
time_t datetime_from_cn(Date d, int h, int mi, int s);

/* Parses a Beijing local time "YYYY-MM-DD HH:MM" or "YYYY-MM-DD HH:MM:SS"
** (a 'T' may replace the space).  Returns 0 and sets *pt, or -1 on any
** malformed or impossible value (leaving *pt alone). */
int datetime_parse_cn(const char *z, time_t *pt);

/* Writes Beijing local time "YYYY-MM-DD HH:MM:SS" into zOut
** (DATETIME_STRLEN bytes) and returns zOut. */
char *datetime_format_cn(time_t t, char zOut[DATETIME_STRLEN]);

/* ---- How people read dates and times (issue 15) ---- */
#define DATE_CN_STRLEN 24          /* "2026年12月7日" plus NUL, with room */
#define DATETIME_CN_STRLEN 32      /* "2026年12月7日 07:20" plus NUL */

/* Parses a stored UTC instant: "YYYY-MM-DDTHH:MM:SSZ" (store_now_iso),
** "YYYY-MM-DD HH:MM:SS" or "YYYY-MM-DD HH:MM" (SQLite datetime(), UTC).
** 0 and *pt set, or -1 on anything else. */
int datetime_parse_utc(const char *z, time_t *pt);

/* "2026年12月7日" (no leading zeros); DATE_NONE gives "-". */
char *date_format_cn_long(Date d, char zOut[DATE_CN_STRLEN]);

/* Beijing time of t as "2026年12月7日 07:20". */
char *datetime_format_cn_long(time_t t, char zOut[DATETIME_CN_STRLEN]);

#endif
