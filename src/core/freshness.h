/*
** freshness.h — is a catalogue item kept up to date?  A catalogue item's
** update frequency (更新频率, free text such as "每季度" in seed 002, or
** "每月", "每半年", "每年") defines calendar periods; each period needs a
** published document of the item, or an explicit "本期无新增" statement
** for that period.  "实时", "及时", "长期" and other texts without a period
** are not checked.
**
** States as of a day:
**   FR_CURRENT  the current period already has an update or a statement;
**   FR_PENDING  the previous period was covered, the current one not yet;
**   FR_DUE_SOON as FR_PENDING, and the current period ends within its
**               warning window (7 days for a week … 30 days for a year);
**   FR_OVERDUE  the previous period ended without an update or statement.
** Pure, no I/O, no allocation.
*/
#ifndef GK_FRESHNESS_H
#define GK_FRESHNESS_H

#include "lib/date.h"

typedef enum FrPeriod {
  FR_NONE = 0,     /* no fixed period: not checked */
  FR_MONTH,        /* 每月 / 按月 / 月度 */
  FR_QUARTER,      /* 每季度 / 按季 / 季度 */
  FR_HALF,         /* 每半年 / 半年 */
  FR_YEAR          /* 每年 / 按年 / 年度 */
} FrPeriod;

typedef enum FrState {
  FR_NA = 0,       /* not checked (FR_NONE) */
  FR_CURRENT,
  FR_PENDING,
  FR_DUE_SOON,
  FR_OVERDUE
} FrState;

/* The period named by a frequency text; FR_NONE when it names none. */
FrPeriod fresh_period(const char *zFrequency);

/* The period of kind e containing d: first and last day. */
void fresh_bounds(FrPeriod e, Date d, Date *pStart, Date *pEnd);

/* The state as of dToday, given the latest day the item was covered
** (latest published document or statement period start; DATE_NONE if
** never).  *pdDue (may be NULL) gets the end of the period that needs an
** update next (the current one, or for FR_OVERDUE the one that ended).
** Days in the warning window: *pnLeft (may be NULL) gets days left in the
** current period (0 on its last day). */
FrState fresh_state(FrPeriod e, Date dLatest, Date dToday, Date *pdDue,
                    int *pnLeft);

/* Chinese label of a state ("本期已更新" …) and of a period kind. */
const char *fresh_state_label(FrState s);
const char *fresh_period_label(FrPeriod e);

/* A name for the period starting on dStart, e.g. "2026年第3季度",
** "2026年11月", "2026年上半年", "2026年", into z (at least 32 bytes). */
char *fresh_period_name(FrPeriod e, Date dStart, char *z, int n);

#endif
