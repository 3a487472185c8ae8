/*
** docx.h — a minimal WordprocessingML (.docx) writer for printable letters:
** a title and plain paragraphs in one section, packaged with libzip in
** memory ([Content_Types].xml, _rels/.rels, word/document.xml).  Word and
** LibreOffice open the result.  No styles part: the text uses direct
** formatting (SimSun / 宋体, 16 pt for the body, bold 22 pt title).
*/
#ifndef GK_DOCX_H
#define GK_DOCX_H

#include "lib/buf.h"

/* One paragraph of a letter. */
typedef struct DocxPara {
  const char *zText; /* UTF-8 text; NUL-terminated */
  int eAlign;        /* 0 left (first-line indent), 1 centre, 2 right */
  int bBold;         /* 1: bold */
  int bNoIndent;     /* 1: no first-line indent (salutation) */
} DocxPara;

/* Builds the .docx package for aPara[0..n) into pOut (appended).  Returns
** 0, or -1 when libzip fails (pOut then unchanged).  Allocates. */
int docx_build(const DocxPara *aPara, int n, Buf *pOut);

#endif
