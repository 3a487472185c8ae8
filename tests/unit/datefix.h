/*
** datefix.h — helpers the date, calendar and clock tests share: dates
** from text and back, the official holiday calendar (data/holidays_cn.csv)
** and a search of a clock's steps.  Static inline: each test file that
** includes it gets its own copy, unused ones cost nothing.
*/
#ifndef GK_TEST_DATEFIX_H
#define GK_TEST_DATEFIX_H

#include <stdio.h>
#include <string.h>

#include "core/calendar.h"
#include "core/deadline.h"
#include "harness.h"
#include "lib/date.h"
#include "lib/embed.h"

/* The date z ("YYYY-MM-DD"); a malformed one fails the test. */
static inline Date D(const char *z) {
  Date d = DATE_NONE;
  CHECK(date_parse(z, &d) == 0);
  return d;
}

/* d as "YYYY-MM-DD", in one of four rotating buffers (so several may
** stand in one CHECK). */
static inline const char *F(Date d) {
  static char z[4][DATE_STRLEN];
  static int i;
  i = (i + 1) % 4;
  return date_format(d, z[i]);
}

/* The official calendar compiled into the binary (data/holidays_cn.csv). */
static inline void load_official(Calendar *pCal) {
  const Embedded *p = embed_find(aData, "holidays_cn.csv");
  cal_init(pCal);
  CHECK(p != NULL);
  if (!p) return;
  int rc = cal_load_csv(pCal, (const char *)p->pData, p->nData, "holidays_cn.csv");
  if (rc) fprintf(stderr, "  %s\n", pCal->zErr);
  CHECK_INT(rc, 0);
}

/* 1 if some step's text contains z. */
static inline int has_step(const DlResult *r, const char *z) {
  for (int i = 0; i < r->nStep; i++)
    if (strstr(r->aStep[i].zText, z)) return 1;
  return 0;
}

#endif
