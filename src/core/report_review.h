/*
** report_review.h — what a reviewer at the supervising office checks in a
** published annual report beyond the format's arithmetic rules:
**
**  - the format fits the year: the statistical form up to 2018, the 2019
**    format (国办公开办函〔2019〕60号) for the 2019 and 2020 reports, the
**    2021 format (国办公开办函〔2021〕30号) from the 2021 report on
**    (first/last_used_for_report_year in data/report_formats*.json).  A
**    2019-format table presented as a 2022 report, or the 2021 table with
**    its fee row （六）2 in a 2020 report, is a finding;
**  - numbers stated in the text agree with the tables: sentences such as
**    "行政许可处理决定数量 203 件" or "共收到政府信息公开申请 12 件" are
**    compared with the cell they describe (table in the phrase table of
**    report_review.c); a mismatch quotes the sentence and names the cell
**    and its value.  Only clauses that state a count plainly are read:
**    clauses with comparisons (同比, 较上年, 增加, 减少, %, 占) are skipped,
**    and so are table rows (lines with tabs or pipes).
**
** Pure: report and text in, findings out.
*/
#ifndef GK_REPORT_REVIEW_H
#define GK_REPORT_REVIEW_H

#include "core/report.h"

typedef struct RvFinding {
  char *zKey;    /* "年度格式" or "文字与表格" */
  char *zMsg;    /* Chinese, quoting both places */
} RvFinding;

typedef struct RvResult {
  RvFinding *a;
  int n;
} RvResult;

/* Appends the format-year finding, if any, for p (year p->iYear; nothing
** when the year is unknown). */
void rv_format_year(const RfSet *pSet, const Report *p, RvResult *pOut);

/* Appends a finding for every number in zText's prose that differs from
** the table cell it states. */
void rv_text_numbers(const Report *p, const char *zText, RvResult *pOut);

void rv_result_free(RvResult *p);

#endif
