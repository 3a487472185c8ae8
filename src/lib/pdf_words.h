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
** centre), a line into cells: a gap wider than half the line's height
** starts a new cell, and so does a number after a mere space (a full
** label cell leaves no more room before its number than prose does;
** such a "soft" number is a cell only in a table row, and a unit after a
** number stays with it).  A table starts at a line with a number after
** a wide gap and runs over the lines that hold numbers as a row does
** (ending with a number, or two of them, or a wide gap after one) and
** the lines of wrapped labels left of the numbers; a line with words
** over the numbers (a heading, prose, the next table's header) or far
** below ends it.  Rows just above the first one whose numbers stand
** where its numbers stand (the top of a page that continues a table)
** are taken in.  The table's columns are the x ranges its numbers
** occupy (numbers in one column overlap horizontally, whatever their
** alignment; two cells of one row never share a column); when the words
** of the header lines just above the first row name more columns than
** the numbers fill (a column blank in every row), the header's words are
** the columns, provided every column of numbers falls under one of them
** in order; and a table with fewer columns than the one before, all
** falling on that one's columns, takes them (a table continued on the
** next page without its header).  A row is then its label cells, a tab,
** and one tab-separated cell per column (empty where nothing stands; a
** row without a label starts with its first cell; the first half of a
** label wrapped around its numbers joins them).  Lines outside tables
** are their words joined by single spaces.
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
