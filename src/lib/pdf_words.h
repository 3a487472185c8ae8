/*
** pdf_words.h — a PDF's words with their positions (the XHTML that
** `pdftotext -bbox` writes: <page width height> and <word xMin yMin xMax
** yMax>text</word>) turned into the table text of lib/doctable.h: one
** line per line of the page, and every line of a table a row of
** tab-separated cells in which each number stands under its column, so
** that a blank cell stays blank instead of the numbers after it moving
** left into the wrong columns (what `pdftotext -layout` text loses).
**
** On each page the words are grouped into lines (by their vertical
** centre), a line into cells (a gap wider than half the line's height
** starts a new cell).  A table is a run of lines that hold a number (or a
** blank mark — / -) after a wide gap, with the lines of wrapped row
** labels between them (lines whose words all stand left of the numbers);
** a line with words over the numbers (a heading, prose, the next table's
** header) ends it.  The table's columns are the x ranges its numbers
** occupy (numbers in one column overlap horizontally, whatever their
** alignment); when the header lines just above the first row name more
** columns than the numbers fill (a column blank in every row), the
** header's words are the columns, provided every column of numbers falls
** under one of them in order.  A row is then its label cells, a tab, and
** one tab-separated cell per column (empty where nothing stands).  Lines
** outside tables are their words joined by single spaces.
**
** Pure: no I/O.  Never crashes on any input; output is capped by the
** caller's buffer limit (pOut grows).
*/
#ifndef GK_PDF_WORDS_H
#define GK_PDF_WORDS_H

#include <stddef.h>

#include "lib/buf.h"

/* Appends the text of the bbox XHTML z[0..n) to pOut.  Returns the number
** of words read (0 for anything that is not such XHTML). */
int pdf_words_text(const char *z, size_t n, Buf *pOut);

#endif
