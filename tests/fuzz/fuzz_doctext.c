/*
** fuzz_doctext.c — the text the privacy scanner reads from an uploaded
** attachment (lib/doctext.c, the document files page and the review):
** DOCX and XLSX packages, the hostile-package checks (entry count, size,
** DTDs), the XML text scanner and its entities, hidden sheets, comments
** and tracked changes.  PDF goes to pdftotext, a program: not here.
**
** The first byte picks DOCX or XLSX.  The rest is a whole package
** ("PK\3\4…", the upload), or NUL-separated parts this target packs into
** one (fuzz_zip_pack): for DOCX document.xml and comments.xml, for XLSX
** workbook.xml, sharedStrings.xml, a sheet and comments1.xml.  A failure
** must say why.
*/
#include <stdlib.h>
#include <string.h>

#include "util.h"

#include "lib/doctext.h"

int LLVMFuzzerTestOneInput(const uint8_t *p, size_t n) {
  static const char *const azDocx[] = {"word/document.xml",
                                       "word/comments.xml"};
  static const char *const azXlsx[] = {
    "xl/workbook.xml", "xl/sharedStrings.xml", "xl/worksheets/sheet1.xml",
    "xl/comments1.xml"};
  if (n == 0) return 0;
  int bXlsx = p[0] & 1;
  p++, n--;
  size_t nZ;
  char *z = bXlsx ? fuzz_package(p, n, azXlsx, 4, NULL, &nZ)
                  : fuzz_package(p, n, azDocx, 2, NULL, &nZ);
  if (!z) return 0;
  Buf text = BUF_INIT, notes = BUF_INIT;
  int rc = doctext_extract(bXlsx ? DOCTEXT_MIME_XLSX : DOCTEXT_MIME_DOCX, z,
                           nZ, &text, &notes);
  if (rc < 0 && notes.n == 0) abort();
  if (text.n > DOCTEXT_MAX_TEXT + 65536) abort();   /* the cap holds */
  buf_free(&text);
  buf_free(&notes);
  free(z);
  return 0;
}
