/*
** register_csv.h — the annual report's register as a CSV file, the way a
** county clerk saves it from Excel or WPS: one line per figure
**
**   单位,年度,类别,件数,金额（万元）[,年末事项数]
**   宁县卫生健康局,2025,行政许可,222,0
**
** Reading (regcsv_parse): the bytes go through lib/table (RFC 4180 quoting,
** CR/LF/CRLF, a UTF-8 BOM, GB18030 when the bytes are not UTF-8, a tab
** instead of the comma when pasted from a spreadsheet; an XLSX workbook is
** read from its first sheet), then each line is read here:
**  - a full-width comma ， separates columns like a comma (a field cannot
**    hold one); trailing empty columns beyond the fifth are ignored; a
**    sixth column left empty means "事项数 not stated";
**  - a cell is trimmed of white space (U+3000 too); Excel's ="…" wrapper is
**    unwrapped; full-width digits and ． are read as ASCII; in a number,
**    thousands separators "1,234" are dropped (only in groups of three);
**  - the first line is a header only when its year column says 年度, 年份
**    or year; every other line is data, and a bad data line is an error
**    (never skipped);
**  - the category is a register kind by its code (licensing …) or by the
**    Chinese row label the report format gives it (行政许可 …), compared
**    after rf_label_norm; the format passed in names the kinds (the 2019
**    format has all six);
**  - the year is four digits (year_parse); count and 事项数 whole numbers
**    >= 0, amount a number >= 0 in 万元 (rf_value_parse); an empty count or
**    amount is 0, as in the register form.
** The organisation stays text (a slug or a Chinese name): the caller
** resolves it and checks permission.
**
** Errors: the first problem stops the parse; zErr is a Chinese sentence
** naming the line (and the column when one cell is at fault), e.g.
** "第 3 行第 2 列（年度）：应为四位数字的年度，如 2025".
**
** Memory: rows and strings live in the Arena passed in.  Pure: no I/O.
*/
#ifndef GK_REGISTER_CSV_H
#define GK_REGISTER_CSV_H

#include <stddef.h>

#include "core/report_format.h"
#include "lib/arena.h"

typedef struct RegCsvRow {
  int iLine;            /* line of the file, 1-based */
  const char *zOrg;     /* as written (trimmed): slug or Chinese name */
  int year;
  const char *zKind;    /* register kind code (a row id of the format) */
  const char *zKindLabel;/* its Chinese label in the format */
  long long count;      /* whole units */
  long long amount;     /* 万元 in RF_SCALE units */
  long long items;      /* whole units; -1 when not stated */
} RegCsvRow;

typedef struct RegCsv {
  RegCsvRow *aRow;
  int nRow, nRowAlloc;
  int bHeader;          /* the first line was a header */
  const char *zEncoding;/* "UTF-8", "GB18030" or "XLSX" */
  int iErrLine;         /* line of the error (0: the whole file) */
  const char *zErr;     /* NULL, or the Chinese message */
} RegCsv;

/* Reads p[0..n) into *pOut (zeroed first).  pFmt names the categories
** (its register tables' rows).  Returns 0, or -1 with pOut->zErr set and
** no rows.  A file without a data line is an error. */
int regcsv_parse(Arena *a, const char *p, size_t n, const RfFormat *pFmt,
                 RegCsv *pOut);

/* The register kind code for zText (a code or a Chinese label of pFmt's
** register rows), or NULL.  *pzLabel (may be NULL) gets the label. */
const char *regcsv_kind(const RfFormat *pFmt, const char *zText,
                        const char **pzLabel);

/* The register kinds of pFmt in the format's order: up to nMax codes and
** labels into azKind/azLabel (either may be NULL); returns the count. */
int regcsv_kinds(const RfFormat *pFmt, const char **azKind,
                 const char **azLabel, int nMax);

/* The header line of the file the template and the form show. */
#define REGCSV_HEADER "单位,年度,类别,件数,金额（万元）,年末事项数"

#endif
