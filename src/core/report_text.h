/*
** report_text.h — reads the TEXT of a published annual report (copied from
** a web page or a PDF) into a report grid.
**
** What it understands:
**   - table rows as tab- or space-separated cells ("一、本年新收…\t0\t0…"),
**     with merged-cell prefixes ("三、本年度\t(一) 予以公开\t…") and labels
**     broken by stray spaces or wrapped onto the previous line;
**   - label-less rows (table 四: a line of numbers after its heading);
**   - the stat form's one-cell-per-line layout (label / unit / value);
**   - blank cells: an empty tab-separated cell, a dash (—, ——, -, /) or
**     "无"; a unit in a cell ("57件", "12.35万元") is read with a note,
**     other short text among a row's cells is a blank with a note;
**   - rows whose cells run together ("（一）予以公开91000010"), and rows
**     with fewer numbers than columns: every way of splitting the digits
**     (or placing the missing cells) is tried and kept only when it
**     satisfies the rules that involve that row alone (e.g. 总计 = the sum
**     of the applicant columns).  Exactly one survivor is used and noted;
**     several make the row ambiguous (noted with two candidates, the row is
**     left blank) — it never guesses;
**   - a （六）其他处理 given as one row: in the 2019 format it is a row; in
**     the 2021 format the number goes to the group row and the checker
**     reads it as the sum of its blank 1/2/3 children.
** The format is decided from the labels present (labels that belong to
** one format only, then the share of a table's labels found), unless the
** caller names it.
**
** Pure: text in, grid and notes out.  Nothing is printed.
*/
#ifndef GK_REPORT_TEXT_H
#define GK_REPORT_TEXT_H

#include "core/report.h"

typedef struct RtResult {
  Report *pReport;     /* the grid (owned); NULL when the text is unreadable */
  char **azNote;       /* Chinese notes: splits, ambiguities, rows missing */
  int nNote;
  int nRowRead;        /* rows whose numbers were read */
  int nAmbiguous;      /* rows left blank because several readings fit */
  char *zErr;          /* why nothing could be read (Chinese), or NULL */
} RtResult;

/* The format whose labels best match the text, or NULL when no table
** label of any format occurs. */
const RfFormat *report_text_detect(const RfSet *pSet, const char *zText);

/* Reads zText.  zFormat (or NULL to detect) names the format.  Fills *pOut
** (free with rt_result_free()).  Returns 0, or -1 with pOut->zErr set. */
int report_text_read(const RfSet *pSet, const char *zText,
                     const char *zFormat, RtResult *pOut);

void rt_result_free(RtResult *p);

#endif
