/*
** table.h — a sheet of text cells read from, or written to, a CSV or XLSX
** file.  Used by the catalogue import and export; knows nothing about what
** the cells mean.
**
** Reading (table_read also refuses cells with controls, and CSV cells a
** spreadsheet would run as formulas):
**  - CSV: RFC 4180 (quoted fields, doubled quotes, CR, LF or CRLF line
**    ends, line breaks inside quotes), comma or tab separated (sniffed from
**    the first line), UTF-8 with or without a BOM; input that is not valid
**    UTF-8 is converted from GB18030 (the encoding Excel uses for "CSV" on
**    Chinese Windows) with iconv.
**  - XLSX: the first worksheet (xl/worksheets/sheet1.xml, else the first
**    sheet file in the archive) with its shared strings, inline strings,
**    numbers and booleans; enough for files saved by Excel, WPS and
**    LibreOffice.  Formulas give their cached value.
**  Cells are trimmed of nothing: the caller decides.  Fully empty rows are
**  dropped, but each row remembers its line (CSV) or row number (XLSX) for
**  error messages.
**
** Memory: a Table and its strings live in the Arena passed in.  On error
** the functions return -1 and set *pzErr to a Chinese message (static or in
** the arena).
*/
#ifndef GK_TABLE_H
#define GK_TABLE_H

#include <stddef.h>

#include "lib/arena.h"
#include "lib/buf.h"

typedef struct TableRow {
  int iLine;          /* 1-based line (CSV) or row number (XLSX) */
  int nCell;          /* cells in this row */
  const char **azCell;/* NUL-terminated UTF-8 strings, never NULL */
} TableRow;

typedef struct Table {
  int nRow;           /* rows, header included */
  TableRow *aRow;
  int nRowAlloc;
  const char *zFormat;/* "csv", "tsv", "csv-gb18030", "xlsx" */
} Table;

/* Parses CSV/TSV text p[0..n) into t.  Returns 0 or -1 (*pzErr set). */
int table_read_csv(Arena *a, const char *p, size_t n, Table *t,
                   const char **pzErr);

/* Reads the first worksheet of the XLSX file p[0..n) into t. */
int table_read_xlsx(Arena *a, const void *p, size_t n, Table *t,
                    const char **pzErr);

/* Either of the above, by content: a ZIP signature means XLSX. */
int table_read(Arena *a, const void *p, size_t n, Table *t,
               const char **pzErr);

/* Appends t as RFC 4180 CSV (CRLF line ends, UTF-8 with a BOM so Excel
** opens it correctly) to b.  Cells are quoted when needed; a cell a
** spreadsheet would evaluate (csv_formula_start) gets a leading ', which
** the catalogue import drops again.  */
void table_write_csv(const Table *t, Buf *b);

/* Appends t as tab-separated text (UTF-8, no BOM, LF line ends); cells
** holding a tab, a line break or a leading quote are quoted as in CSV, and
** formula-like cells get a leading ' as in table_write_csv. */
void table_write_tsv(const Table *t, Buf *b);

/* Writes t as an XLSX workbook with one sheet named zSheet (first row
** bold, as a header) into b.  Uses a temporary file.  Returns 0 or -1
** (*pzErr set). */
int table_write_xlsx(const Table *t, const char *zSheet, Buf *b,
                     const char **pzErr);

/* Appends a row of n cells (copied into a) to t; returns the row. */
TableRow *table_add_row(Arena *a, Table *t, int iLine, const char **azCell,
                        int n);

#endif
