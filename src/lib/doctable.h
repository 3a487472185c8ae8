/*
** doctable.h — a published file (PDF, saved web page, DOCX, XLSX, JSON or
** text) as plain text whose table rows are lines of tab-separated cells,
** for the annual-report reader (core/report_text.h).
**
** The kind is found from the content, never from a name:
**   "%PDF-"            PDF   → the words with their positions
**                              (`pdftotext -bbox`, lib/doctext.h) placed
**                              in lines and table columns by
**                              lib/pdf_words.h, so a blank cell stays in
**                              its column; `pdftotext -layout` text (page
**                              breaks as line breaks) when the words cannot
**                              be had;
**   "PK\3\4" ZIP       DOCX  (word/document.xml) or XLSX (xl/...);
**   OLE "\xD0\xCF\x11\xE0" → refused (old .doc/.xls, say so);
**   '{' first          JSON  (passed through);
**   '<' first, or "<table"/"<html" near the start: HTML, read with
**                              libxml2's HTML parser;
**   anything else without NUL bytes: text (GB18030 converted to UTF-8
**   when it is not valid UTF-8; form feeds become new lines).
** HTML that is not UTF-8 and declares no charset, a GB one or UTF-8 is
** read as GB18030; a table row holding a table is layout, read as blocks.
** DOCX tables in text boxes are read once; XLSX numbers as shown.
**
** Tables: every row is one line, its cells joined by tabs.  A spanned cell
** (HTML rowspan/colspan, DOCX gridSpan/vMerge, XLSX mergeCells) is given
** once, in the row and column where it starts; the cells it covers are
** not repeated, so a row under a merged group label starts with its own
** label.  Text outside tables: one line per paragraph or block.
**
** Limits: ZIP entries over DOCTEXT_MAX_ENTRY bytes or with an
** implausible compression ratio, or parts inflating to more than
** DT_MAX_INFLATED bytes together, are refused (zip bombs); XML with a
** DOCTYPE is refused in any encoding (lib/xmlpart.h: entity bombs and
** external entities; OOXML has none), no network access, element nesting
** read to DT_MAX_DEPTH, spreadsheets to DT_MAX_COLS columns and
** DT_MAX_ROWS rows; a sheet whose cells hold more than DOCTEXT_MAX_TEXT
** bytes of text (one long shared string used by many cells) or whose
** merged ranges cover more than the grid (overlapping ranges) is refused;
** output capped at DOCTEXT_MAX_TEXT bytes.  Every refusal says why in
** Chinese.  Never crashes on any input.
*/
#ifndef GK_DOCTABLE_H
#define GK_DOCTABLE_H

#include <stddef.h>

#include "lib/buf.h"
#include "lib/doctext.h"

#define DT_MAX_DEPTH 200
#define DT_MAX_COLS 64
#define DT_MAX_ROWS 20000
/* Bytes inflated from all parts of one DOCX/XLSX together. */
#define DT_MAX_INFLATED DOCTEXT_MAX_TOTAL

/* The kind of p[0..n): "pdf", "docx", "xlsx", "html", "json", "text", or
** NULL when it is none of them (binary). */
const char *doctable_kind(const void *p, size_t n);

/* Appends the text of p[0..n) to pOut (see above); *pzKind gets the kind
** (static).  Returns 0, or -1 with a Chinese reason appended to pErr. */
int doctable_text(const void *p, size_t n, Buf *pOut, Buf *pErr,
                  const char **pzKind);

#endif
