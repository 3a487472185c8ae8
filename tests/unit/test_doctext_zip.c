/*
** test_doctext_zip.c — the attachment text of a DOCX/XLSX (lib/doctext.c)
** is read from a bounded number of inflated bytes: sheets that each stay
** under the 32 MiB entry limit but together inflate past 64 MiB are a
** zip bomb the scanner refuses with a note, instead of inflating all of
** them (300 such sheets fit in a 9 MB upload: 9 GB to inflate).
*/
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "harness.h"
#include "lib/buf.h"
#include "lib/doctext.h"

/* A deflated ZIP in memory of nPart members all holding p[0..n), named
** azName[i]; *pnZip gets its size; caller frees. */
static char *zip_same(const char **azName, int nPart, const char *p,
                      size_t n, size_t *pnZip) {
  zip_error_t e;
  zip_error_init(&e);
  zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &e);
  zip_source_keep(src);
  zip_t *z = zip_open_from_source(src, ZIP_TRUNCATE, &e);
  for (int i = 0; i < nPart; i++)
    zip_file_add(z, azName[i], zip_source_buffer(z, p, n, 0), 0);
  zip_close(z);
  zip_source_open(src);
  zip_source_seek(src, 0, SEEK_END);
  zip_int64_t k = zip_source_tell(src);
  zip_source_seek(src, 0, SEEK_SET);
  char *pZip = malloc((size_t)k + 1);
  zip_source_read(src, pZip, (zip_uint64_t)k);
  zip_source_close(src);
  zip_source_free(src);
  zip_error_fini(&e);
  *pnZip = (size_t)k;
  return pZip;
}

/* 30,000,000 bytes of "<a/>" per sheet (no text, so the 8 MiB text cap
** never stops the reading): two sheets are 60,000,000 bytes, read; a
** third passes 67,108,864 bytes: refused with the zip-bomb note. */
TEST(doctext_xlsx_sheets_inflating_past_total_are_refused) {
  size_t nSheet = 30000000;
  char *zSheet = malloc(nSheet);
  for (size_t i = 0; i < nSheet; i += 4) memcpy(zSheet + i, "<a/>", 4);
  const char *az[] = {"xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml",
                      "xl/worksheets/sheet3.xml"};
  size_t n;
  Buf text = BUF_INIT, notes = BUF_INIT;
  char *p = zip_same(az, 2, zSheet, nSheet, &n);
  CHECK(n < 1000000);                          /* small file, big inflation */
  CHECK_INT(doctext_extract(DOCTEXT_MIME_XLSX, p, n, &text, &notes), 0);
  CHECK_INT(notes.n, 0);
  free(p);
  buf_reset(&text);
  p = zip_same(az, 3, zSheet, nSheet, &n);
  CHECK_INT(doctext_extract(DOCTEXT_MIME_XLSX, p, n, &text, &notes), -1);
  CHECK_STR(buf_str(&notes),
            "文件中的部件解压后超过限制（疑似压缩炸弹），无法完整检查，不予接收\n");
  free(p);
  free(zSheet);
  buf_free(&text);
  buf_free(&notes);
}
