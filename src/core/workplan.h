/*
** workplan.h — reads an annual work plan (工作要点) written as plain text,
** like seeds 002 and 003, into numbered tasks.
**
** The text is read line by line; each non-empty line is a paragraph.
** Headings set the numbering context: "一、…" a chapter, "（一）…" a section,
** "1." / "1．" / "1、" / "1）" / "（1）" an item.  A paragraph is a task when it ends with a
** closing parenthesis naming departments (its content mentions 牵头, 配合,
** 落实 or 负责), e.g. "（办公室牵头负责，局机关其他业务科室配合落实）".
** The task number is built from the context: "1" in a flat list (seed 002),
** "一（一）1" or "一（二）" in a nested one (seed 003).
**
** Departments: the parenthesis is split into clauses at "，"/"；"; a clause
** with 牵头 names the lead departments (the part before 牵头, split at "、"
** and "及", "分别" dropped); a clause with 配合 / 落实 / 负责 names the
** co-operating ones.  When no clause has 牵头, the departments that are to
** 具体落实 are recorded as lead (they carry the task).
**
** A due date is taken from the first "YYYY年M月D日前", "YYYY年M月底前" or
** "YYYY年(年)底前" in the task text.
**
** Pure: no I/O.  Everything returned lives in the caller's Arena.
*/
#ifndef GK_WORKPLAN_H
#define GK_WORKPLAN_H

#include <stddef.h>

#include "lib/arena.h"
#include "lib/date.h"

#define WP_MAX_TEXT (1 << 20)   /* largest plan text accepted, bytes */

typedef struct WpTask {
  int seq;              /* 1, 2, … in text order */
  const char *zNumber;  /* "一（一）1"; unique within the plan */
  const char *zHeading; /* section (or chapter) heading, may be "" */
  const char *zText;    /* paragraph without number and parenthesis */
  const char *zDepts;   /* the parenthesis content as written */
  const char *zLead;    /* lead departments joined with "、" */
  const char *zCo;      /* co-operating departments joined with "、" */
  int nLead;            /* number of lead departments */
  int nCo;              /* number of co-operating departments */
  Date dDue;            /* DATE_NONE when the text names no date */
} WpTask;

typedef struct WpPlan {
  const char *zTitle;   /* the first non-empty line */
  WpTask *aTask;        /* the tasks in order */
  int nTask;
  int nTaskAlloc;
} WpPlan;

/* Parses z[0..n) into *pPlan (allocating in a).  Text that is not UTF-8
** is read as GB18030 (GBK: a .txt saved as "ANSI" on Chinese Windows).
** Returns 0, or -1 with a Chinese message in *pzErr (static storage) when
** the text is in neither encoding, too long, or holds no task. */
int workplan_parse(Arena *a, const char *z, size_t n, WpPlan *pPlan,
                   const char **pzErr);

/* Splits a department clause such as "综合管理办公室及监督科" into names
** joined with "、" (the result is in a); *pn gets the count. */
const char *workplan_dept_list(Arena *a, const char *z, size_t n, int *pn);

/* 1 when the "、"-joined list zList contains the name zName exactly. */
int workplan_list_has(const char *zList, const char *zName);

#endif
