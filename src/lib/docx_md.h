/*
** docx_md.h — reads a Word document (.docx, as Word, WPS and LibreOffice
** save it) into Markdown for a draft's body: headings (by style: Title,
** heading 1-6 or an outline level), paragraphs, bulleted and numbered
** lists (numbering.xml) with their nesting, tables (GitHub tables, the
** first row as header) and bold text.  Images, footnotes, text boxes and
** tracked changes' deletions are left out.
**
** Untrusted input: the package is read in memory with libzip, only its
** word/document.xml, styles.xml and numbering.xml parts, each at most
** DOCXMD_MAX_PART bytes uncompressed (a zip bomb stops there); the XML is
** parsed by lib/xmlpart.h: libxml2 without network, DTD loading or entity
** substitution, and a part that declares a DOCTYPE, in any encoding, is
** refused (WordprocessingML never has one; this also rules out entity
** expansion).
*/
#ifndef GK_DOCX_MD_H
#define GK_DOCX_MD_H

#include <stddef.h>

#include "lib/buf.h"

#define DOCXMD_MAX_PART (16u << 20)   /* bytes of one XML part */

/* Converts the .docx in p[0..n) and appends the Markdown to pOut; the
** first heading's (or Title's) text goes to *pzTitle (malloc'ed, caller
** frees; NULL when none).  Returns 0, or -1 with a Chinese message in
** zErr[0..nErr) and nothing appended. */
int docx_to_markdown(const void *p, size_t n, Buf *pOut, char **pzTitle,
                     char *zErr, size_t nErr);

#endif
