/*
** regime.h — which rules were in force on a given day (regulation.md §9).
**
** A case is judged by the law in force on its date:
**  - applications received before 2019-05-15 follow the 2007 Regulation
**    (国务院令第492号, in force 2008-05-01): answer within 15 working days,
**    one extension of at most 15 (old Art. 24 ¶2), third-party consultation
**    time not counted (old Art. 24 ¶3), no time limit for the third party
**    and no rule on consulting other organs; from 2019-05-15 the 2019
**    Regulation (国务院令第711号, Art. 56): 20 + 20 (Art. 33), Arts. 30–35;
**  - the annual report for a year before 2019 was due on 31 March of the
**    next year for every organ (old Art. 31); from the 2019 report on,
**    departments by 31 January and governments by 31 March (Art. 49);
**  - information processing fees exist only for applications received
**    from 2021-01-01 (国办函〔2020〕109号);
**  - litigation directly against an answer: within three months of knowing
**    of it under the 1989 行政诉讼法 (Art. 39), six months from 2015-05-01
**    (行政诉讼法 as revised 2014-11-01, Art. 46);
**  - from 2024-01-01 a refusal to disclose goes to administrative
**    reconsideration first (行政复议法 as revised 2023-09-01, Art. 23 ¶1(四)).
** Pure functions over static tables; thread-safe.
*/
#ifndef GK_REGIME_H
#define GK_REGIME_H

#include "lib/date.h"

/* The rules of the application clock under one Regulation. */
typedef struct Regime {
  int iYear;               /* 2007 or 2019 */
  const char *zName;       /* 《政府信息公开条例》（国务院令第492号） */
  const char *zCite;       /* prefix of article citations: "原条例" / "" */
  int nAnswerDays;         /* 15 / 20 */
  int nExtensionMax;       /* 15 / 20 */
  const char *zArtReceipt; /* 第三十一条 / NULL (no receipt-date rule) */
  const char *zArtAnswer;  /* 第二十四条第二款 / 第三十三条第二款 */
  const char *zArtPause;   /* 第二十四条第三款 / 第三十三条第三款 */
  const char *zArtThird;   /* 第二十三条 / 第三十二条 */
  const char *zArtOrgan;   /* NULL / 第三十四条 */
  const char *zArtCorr;    /* 第二十一条第（四）项 / 第三十条 */
  int nCorrNoticeDays;     /* 0 (no limit) / 7 */
  int nConsultDays;        /* 0 (no limit) / 15 */
  int bArt35;              /* Art. 35 later deadline exists */
} Regime;

#define REGIME_2019_FROM "2019-05-15"
#define FEES_FROM "2021-01-01"
#define REVIEW_FIRST_FROM "2024-01-01"
#define LITIGATION_6M_FROM "2015-05-01"

/* The regime in force on the receipt date d. */
const Regime *regime_for(Date d);

/* The publication deadline of the annual report for iYear; bGovernment: the
** report of a people's government (else a department).  Writes the
** article into *pzArt when not NULL (static). */
Date regime_report_due(int iYear, int bGovernment, const char **pzArt);

/* 1 when an application received on d may be charged a fee. */
int regime_fees_apply(Date dReceipt);

/* The months to sue directly against an answer given on d: 3 before
** 2015-05-01 (行政诉讼法 1989 Art. 39), then 6 (Art. 46). */
int regime_litigation_months(Date dAnswer);

/* 1 when an answer given on d must send a refusal to reconsideration
** first (行政复议法 2023 Art. 23). */
int regime_review_first(Date dAnswer);

#endif
