/*
** app_where.h — the SQL conditions that define the applications
** (依申请公开) figures, shared by the dashboard's counts
** (store_reg_app_stats in store_registers.c) and the application list that
** its figures link to (store_app_query in store_applications.c), so that
** a figure and its list select with one rule written once.  Store-internal:
** included only by store_*.c files.
**
** Each macro takes the column prefix P ("" or "a.") and the SQL parameter
** placeholders (e.g. "?4") as string literals and expands to a
** parenthesised condition:
**   open       not closed (whatever the year);
**   due_soon   open, due today or later and on or before the last day of
**              the due-soon window (today + N working days, computed by the
**              caller);
**   overdue    open and due before today;
**   closed     closed (answered or otherwise ended) in the year;
**   on_time    closed in the year, with a due date, on or before it (the
**              numerator of 按时办结率, whose denominator is "closed").
*/
#ifndef GONGKAI_STORE_APP_WHERE_H
#define GONGKAI_STORE_APP_WHERE_H

#define APP_WHERE_OPEN(P) "(" P "closed_on IS NULL)"
#define APP_WHERE_DUE_SOON(P, TODAY, SOON)                              \
  "(" P "closed_on IS NULL AND " P "due_on>=" TODAY " AND " P "due_on<=" \
  SOON ")"
#define APP_WHERE_OVERDUE(P, TODAY) \
  "(" P "closed_on IS NULL AND " P "due_on<" TODAY ")"
#define APP_WHERE_CLOSED(P, YEAR) \
  "(substr(" P "closed_on,1,4)=CAST(" YEAR " AS TEXT))"
#define APP_WHERE_ON_TIME(P, YEAR)                             \
  "(" APP_WHERE_CLOSED(P, YEAR) " AND " P "due_on IS NOT NULL" \
  " AND " P "closed_on<=" P "due_on)"

#endif
