/*
** calendar.h — the official working-day calendar.
**
** A working day (工作日) is Monday–Friday, minus the official holidays,
** plus the announced adjusted working days (调休上班日, always a Saturday or
** Sunday) — regulation.md §1.5 and §4.  A Calendar holds those overrides;
** everything else follows the Mon–Fri rule.  The official data ships as
** data/holidays_cn.csv (embedded; the caller loads it with cal_load_csv()).
**
** Coverage: the holidays of a year are known only once its notice has been
** loaded.  The calendar remembers which years have official data
** (cal_covers()).  In a year without it, the days the law itself fixes by
** date are still days off (全国年节及纪念日放假办法 Art. 2: 元旦 1 January;
** 劳动节 1 May, also 2 May from 2025 and 1–3 May before 2008; 国庆节 1–3
** October), so a period over 1 January of a year not yet announced does
** not count New Year's Day; the lunar festivals (春节, 清明, 端午, 中秋), the
** make-up day for a holiday on a weekend and the 调休 working days are
** unknown.  Callers must warn when a computed date involves an uncovered
** year, since the rule is only a lower bound of its holidays there.
**
** Counting convention (regulation.md §1.5, after 民法典 Art. 201): a period
** of n working days "from" a date starts the next day, so day 1 is the first
** working day after the start date.
**
** Thread safety: a Calendar is built by one thread (init, add, load) and
** may then be read by many threads at once; every read function is pure.
** Reads cost O(log n) in the number of overrides.  The Calendar owns its
** memory; cal_free() releases it.  This module does no I/O.
*/
#ifndef GK_CALENDAR_H
#define GK_CALENDAR_H

#include "lib/date.h"

/* Status codes returned by the functions below. */
enum {
  CAL_OK = 0,        /* success */
  CAL_EINVAL = -1,   /* malformed input; message in zErr */
  CAL_ECONFLICT = -2 /* a date given two different kinds; message in zErr */
};

typedef enum CalKind {
  CAL_HOLIDAY = 1,   /* official day off (放假) */
  CAL_WORKDAY = 2    /* adjusted working day (调休上班) */
} CalKind;

#define CAL_YEAR_MIN 1900  /* first year that can be marked covered */
#define CAL_YEAR_MAX 2299  /* last year that can be marked covered */

typedef struct CalOverride {
  Date date;         /* the day */
  CalKind eKind;     /* holiday or adjusted working day */
  char *zName;       /* festival, e.g. "春节"; owned; never NULL */
} CalOverride;

typedef struct Calendar {
  CalOverride *aOv;  /* all overrides, sorted by date, unique dates */
  int nOv;           /* entries used in aOv */
  int nOvAlloc;      /* entries allocated in aOv */
  Date *aHol;        /* sorted dates of holidays falling on Mon–Fri */
  int nHol;          /* entries in aHol */
  Date *aWork;       /* sorted dates of adjusted workdays on Sat/Sun */
  int nWork;         /* entries in aWork */
  unsigned char aCover[CAL_YEAR_MAX - CAL_YEAR_MIN + 1]; /* 1: year covered */
  char *zErr;        /* last error message (Chinese), owned; NULL if none */
} Calendar;

/* Initialises an empty calendar (plain Mon–Fri, no year covered).  Never
** fails; pair with cal_free(). */
void cal_init(Calendar *pCal);

/* Releases everything pCal owns and leaves it as after cal_init(). */
void cal_free(Calendar *pCal);

/* Adds one override and marks its year covered.  zName may be NULL
** (stored as "").  Adding the same date again with the same kind replaces
** the name; with the other kind it fails with CAL_ECONFLICT.  An adjusted
** working day on a Monday–Friday is rejected with CAL_EINVAL (it would be a
** working day anyway and signals a data error).  On error pCal is unchanged
** and pCal->zErr holds a message.  Allocates; aborts on OOM. */
int cal_add(Calendar *pCal, Date d, CalKind eKind, const char *zName);

/* Marks year y as covered by official data (also done by cal_add()).
** Years outside CAL_YEAR_MIN..CAL_YEAR_MAX are ignored. */
void cal_cover_year(Calendar *pCal, int y);

/* Loads overrides from CSV text in the format of data/holidays_cn.csv:
** a header line "date,kind,name", then one "YYYY-MM-DD,holiday|workday,name"
** per line; LF or CRLF line ends, a UTF-8 BOM and blank lines are allowed.
** The name may not contain a comma or a quote.  Every year that has at
** least one line is marked covered.  All-or-nothing: on error pCal is
** unchanged, the result is CAL_EINVAL or CAL_ECONFLICT and pCal->zErr says
** which line is wrong and why (e.g. "第3行：日期无效 …").  zName is the
** source name used in messages (may be NULL).  z need not be
** NUL-terminated; n is its length. */
int cal_load_csv(Calendar *pCal, const char *z, size_t n, const char *zName);

/* 1 if d is a working day, else 0. */
int cal_is_workday(const Calendar *pCal, Date d);

/* The override on d, or NULL when d follows the Mon–Fri rule.  The
** pointer stays valid until the next cal_add()/cal_load_csv()/cal_free(). */
const CalOverride *cal_override(const Calendar *pCal, Date d);

/* The n-th working day after dFrom (n >= 1; day 1 is the first working day
** strictly after dFrom).  n <= 0 returns dFrom unchanged. */
Date cal_add_workdays(const Calendar *pCal, Date dFrom, int n);

/* Number of working days in the half-open range (d1, d2]; 0 when
** d2 <= d1.  cal_add_workdays(c, d, n) is the first day e with
** cal_workdays_between(c, d, e) == n. */
int cal_workdays_between(const Calendar *pCal, Date d1, Date d2);

/* 1 if the year of d has official data, else 0. */
int cal_covers(const Calendar *pCal, Date d);

/* 1 if every year from the year of d1 to the year of d2 is covered.
** Otherwise 0, and *pyMissing (if not NULL) gets the first uncovered year. */
int cal_covers_range(const Calendar *pCal, Date d1, Date d2, int *pyMissing);

/* First and last covered year; both 0 when no year is covered. */
void cal_coverage(const Calendar *pCal, int *pyFirst, int *pyLast);

#endif
