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

/* s (UTF-8, ASCII and CJK of the BMP and one character beyond it) as
** UTF-16 of the given byte order, with a byte-order mark when bBom;
** *pn gets the length.  Caller frees. */
static char *utf16_of(const char *s, int bBigEndian, int bBom, size_t *pn) {
  size_t n = strlen(s), k = 0;
  unsigned char *o = malloc(4 * n + 2);
  unsigned aUnit[2];
  if (bBom) {
    o[k++] = bBigEndian ? 0xFE : 0xFF;
    o[k++] = bBigEndian ? 0xFF : 0xFE;
  }
  for (size_t i = 0; i < n;) {
    unsigned c = (unsigned char)s[i], len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    unsigned cp = len == 1 ? c : c & (0x3F >> (len - 1));
    for (unsigned j = 1; j < len; j++) cp = cp << 6 | ((unsigned char)s[i + j] & 0x3F);
    i += len;
    int nUnit = 1;
    aUnit[0] = cp;
    if (cp >= 0x10000) {
      aUnit[0] = 0xD800 | ((cp - 0x10000) >> 10);
      aUnit[1] = 0xDC00 | ((cp - 0x10000) & 0x3FF);
      nUnit = 2;
    }
    for (int u = 0; u < nUnit; u++) {
      o[k++] = (unsigned char)(bBigEndian ? aUnit[u] >> 8 : aUnit[u] & 0xFF);
      o[k++] = (unsigned char)(bBigEndian ? aUnit[u] & 0xFF : aUnit[u] >> 8);
    }
  }
  *pn = k;
  return (char *)o;
}

#define DOCX_UTF16_BODY                                                          \
  "<?xml version=\"1.0\" encoding=\"UTF-16\" standalone=\"yes\"?>"            \
  "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/" \
  "2006/main\"><w:body><w:p><w:r><w:t>申请人：马建国，电话13995551234</w:t>"   \
  "</w:r></w:p><w:p><w:r><w:t>&amp;𠀋</w:t></w:r></w:p></w:body></w:document>"

/* Word may save a part in UTF-16 (OPC allows UTF-8 and UTF-16): the text
** the privacy scan reads is the document's words, not bytes with a NUL
** between every letter; the same with or without a byte-order mark, in
** either byte order.  Expectations: the two paragraphs of the body. */
TEST(doctext_docx_utf16_part_is_decoded) {
  static const struct { int bBig, bBom; } aCase[] = {{0, 1}, {1, 1}, {0, 0}, {1, 0}};
  for (size_t c = 0; c < sizeof aCase / sizeof aCase[0]; c++) {
    size_t nPart, n;
    char *zPart = utf16_of(DOCX_UTF16_BODY, aCase[c].bBig, aCase[c].bBom, &nPart);
    const char *az[] = {"word/document.xml"};
    char *p = zip_same(az, 1, zPart, nPart, &n);
    Buf text = BUF_INIT, notes = BUF_INIT;
    CHECK_INT(doctext_extract(DOCTEXT_MIME_DOCX, p, n, &text, &notes), 0);
    CHECK_STR(buf_str(&text), "申请人：马建国，电话13995551234\n&𠀋\n");
    CHECK_INT(notes.n, 0);
    buf_free(&text), buf_free(&notes);
    free(p), free(zPart);
  }
}

/* A UTF-16 part cut in the middle of a unit (an odd number of bytes) or
** with a DOCTYPE (spelled in UTF-16, which a byte search for "<!DOCTYPE"
** misses) is refused with a Chinese note, not read as garbled text. */
TEST(doctext_docx_broken_utf16_part_is_refused) {
  size_t nPart, n;
  char *zPart = utf16_of(DOCX_UTF16_BODY, 0, 1, &nPart);
  const char *az[] = {"word/document.xml"};
  char *p = zip_same(az, 1, zPart, nPart - 1, &n);
  Buf text = BUF_INIT, notes = BUF_INIT;
  CHECK_INT(doctext_extract(DOCTEXT_MIME_DOCX, p, n, &text, &notes), -1);
  CHECK(strstr(buf_str(&notes), "UTF-16") != NULL);
  CHECK(strstr(buf_str(&notes), "人工审查") != NULL);
  free(p), free(zPart);
  buf_reset(&text), buf_reset(&notes);
  zPart = utf16_of("<?xml version=\"1.0\" encoding=\"UTF-16\"?><!DOCTYPE d [<!ENTITY a \"x\">]>"
                   "<d>&a;</d>", 0, 1, &nPart);
  p = zip_same(az, 1, zPart, nPart, &n);
  CHECK_INT(doctext_extract(DOCTEXT_MIME_DOCX, p, n, &text, &notes), -1);
  CHECK(strstr(buf_str(&notes), "DTD") != NULL);
  buf_free(&text), buf_free(&notes);
  free(p), free(zPart);
}
