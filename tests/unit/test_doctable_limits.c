/*
** test_doctable_limits.c — the published-file reader (lib/doctable.c)
** and the Word import (lib/docx_md.c) refuse hostile packages with a
** Chinese reason instead of spending memory or time on them: a shared
** string repeated by many cells, overlapping merged ranges, parts that
** inflate past the package's total, and document type declarations
** hidden from a byte search by UTF-16 (entity bombs, external entities).
** The expectations are the refusals and their messages; the sizes are
** worked out in the comments.
*/
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "harness.h"
#include "lib/buf.h"
#include "lib/doctable.h"
#include "lib/docx_md.h"

/* A ZIP in memory of nPart (name, bytes, length) members, stored (not
** deflated) when bStore; *pn gets its size; caller frees. */
typedef struct Part { const char *zName; const char *p; size_t n; } Part;

static char *zip_parts(const Part *a, int nPart, int bStore, size_t *pn) {
  zip_error_t e;
  zip_error_init(&e);
  zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &e);
  zip_source_keep(src);
  zip_t *z = zip_open_from_source(src, ZIP_TRUNCATE, &e);
  for (int i = 0; i < nPart; i++) {
    zip_source_t *f = zip_source_buffer(z, a[i].p, a[i].n, 0);
    zip_int64_t k = zip_file_add(z, a[i].zName, f, ZIP_FL_OVERWRITE);
    if (bStore) zip_set_file_compression(z, (zip_uint64_t)k, ZIP_CM_STORE, 0);
  }
  zip_close(z);
  zip_source_open(src);
  zip_source_seek(src, 0, SEEK_END);
  zip_int64_t k = zip_source_tell(src);
  zip_source_seek(src, 0, SEEK_SET);
  char *p = malloc((size_t)k + 1);
  zip_source_read(src, p, (zip_uint64_t)k);
  zip_source_close(src);
  zip_source_free(src);
  zip_error_fini(&e);
  *pn = (size_t)k;
  return p;
}

/* doctable_text() on the package: its return code; the reason in pErr. */
static int read_pkg(const Part *a, int nPart, int bStore, Buf *pOut,
                    Buf *pErr) {
  size_t n;
  char *p = zip_parts(a, nPart, bStore, &n);
  const char *zKind = NULL;
  int rc = doctable_text(p, n, pOut, pErr, &zKind);
  free(p);
  return rc;
}

#define S "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
#define WORKBOOK "<workbook " S "><sheets><sheet name=\"a\" sheetId=\"1\"/></sheets></workbook>"

static Part part(const char *zName, const char *z) {
  Part p = {zName, z, strlen(z)};
  return p;
}

/* Cell <column i>1 holding shared string 0 ("%c" is buf_printf's CSV
** conversion, so the letter is put by hand). */
static void shared_cell(Buf *b, int i) {
  buf_puts(b, "<c r=\"");
  buf_putc(b, (char)('A' + i));
  buf_puts(b, "1\" t=\"s\"><v>0</v></c>");
}

/* One shared string of 600,000 bytes used by 20 cells is 12,000,000 bytes
** of cell text, over the 8 MiB (8,388,608) a sheet may hold: refused,
** where the grid used to copy the string into every cell (a 1 MB string
** in 2,000 cells: 2 GB from a file of a few KB). */
TEST(doctable_xlsx_shared_string_in_many_cells_is_refused) {
  Buf sst = BUF_INIT, sheet = BUF_INIT, out = BUF_INIT, err = BUF_INIT;
  buf_puts(&sst, "<sst " S "><si><t>");
  for (int i = 0; i < 600000; i++) buf_putc(&sst, 'x');
  buf_puts(&sst, "</t></si></sst>");
  buf_puts(&sheet, "<worksheet " S "><sheetData><row r=\"1\">");
  for (int i = 0; i < 20; i++)
    shared_cell(&sheet, i);
  buf_puts(&sheet, "</row></sheetData></worksheet>");
  Part a[] = {part("xl/workbook.xml", WORKBOOK),
              {"xl/sharedStrings.xml", sst.z, sst.n},
              {"xl/worksheets/sheet1.xml", sheet.z, sheet.n}};
  CHECK_INT(read_pkg(a, 3, 0, &out, &err), -1);
  CHECK_STR(buf_str(&err), "XLSX 工作表中的文字过多（超过 8 MB），拒绝读取");
  /* 13 cells are 7,800,000 bytes: under the limit, read. */
  buf_reset(&sheet);
  buf_reset(&err);
  buf_puts(&sheet, "<worksheet " S "><sheetData><row r=\"1\">");
  for (int i = 0; i < 13; i++)
    shared_cell(&sheet, i);
  buf_puts(&sheet, "</row></sheetData></worksheet>");
  a[2].p = sheet.z;
  a[2].n = sheet.n;
  CHECK_INT(read_pkg(a, 3, 0, &out, &err), 0);
  CHECK_INT(err.n, 0);
  buf_free(&sst);
  buf_free(&sheet);
  buf_free(&out);
  buf_free(&err);
}

/* A merged range A1:BL20000 covers the whole 20,000 x 64 grid; a second
** one over the same cells is no sheet Excel writes (ranges never
** overlap) but makes the reader mark 1,280,000 cells again, and a few
** thousand of them in a 100 KB sheet kept it busy for minutes. */
TEST(doctable_xlsx_overlapping_merges_are_refused) {
  Buf sheet = BUF_INIT, out = BUF_INIT, err = BUF_INIT;
  buf_puts(&sheet, "<worksheet " S "><sheetData><row r=\"1\"><c r=\"A1\">"
                   "<v>1</v></c></row></sheetData><mergeCells>");
  buf_puts(&sheet, "<mergeCell ref=\"A1:BL20000\"/>");
  buf_puts(&sheet, "</mergeCells></worksheet>");
  Part a[] = {part("xl/workbook.xml", WORKBOOK),
              {"xl/worksheets/sheet1.xml", sheet.z, sheet.n}};
  CHECK_INT(read_pkg(a, 2, 0, &out, &err), 0);    /* once: fine */
  CHECK_STR(buf_str(&out), "1\n");
  buf_reset(&out);
  buf_reset(&sheet);
  buf_puts(&sheet, "<worksheet " S "><sheetData><row r=\"1\"><c r=\"A1\">"
                   "<v>1</v></c></row></sheetData><mergeCells>");
  for (int i = 0; i < 100; i++) buf_puts(&sheet, "<mergeCell ref=\"A1:BL20000\"/>");
  buf_puts(&sheet, "</mergeCells></worksheet>");
  a[1].p = sheet.z;
  a[1].n = sheet.n;
  CHECK_INT(read_pkg(a, 2, 0, &out, &err), -1);
  CHECK_STR(buf_str(&err), "XLSX 中的合并单元格相互重叠或过多，拒绝读取");
  CHECK_INT(out.n, 0);
  buf_free(&sheet);
  buf_free(&out);
  buf_free(&err);
}

/* Appends "<worksheet>" + 4 elements of 7,500,000 letters (each text
** node under libxml2's 10,000,000-byte limit) + "</worksheet>": about
** 30 MB of valid XML, under the 32 MiB entry limit, hardly compressible
** (it is stored anyway). */
static void big_sheet(Buf *b, const char *zRoot) {
  buf_printf(b, "<%s " S ">", zRoot);
  for (int k = 0; k < 4; k++) {
    buf_puts(b, "<x>");
    for (int i = 0; i < 7500000; i++) buf_putc(b, (char)('a' + (i * 7 + k) % 26));
    buf_puts(b, "</x>");
  }
  buf_printf(b, "</%s>", zRoot);
}

/* Each part within its own limit, together over 64 MiB: shared strings
** 30 MB + sheet1 30 MB = 60 MB read, sheet2's 30 MB would pass 67,108,864
** bytes: refused before it is inflated.  (64 sheets of 32 MiB were 2 GiB
** of XML to parse.) */
TEST(doctable_package_total_inflation_is_capped) {
  Buf sst = BUF_INIT, big = BUF_INIT, out = BUF_INIT, err = BUF_INIT;
  big_sheet(&sst, "sst");
  big_sheet(&big, "worksheet");
  Part a[] = {part("xl/workbook.xml", WORKBOOK),
              {"xl/sharedStrings.xml", sst.z, sst.n},
              {"xl/worksheets/sheet1.xml", big.z, big.n},
              {"xl/worksheets/sheet2.xml", big.z, big.n}};
  CHECK(sst.n < 32u << 20 && sst.n > 29000000);
  CHECK_INT(read_pkg(a, 3, 1, &out, &err), 0);     /* 60 MB: read */
  CHECK_INT(err.n, 0);
  buf_reset(&out);
  CHECK_INT(read_pkg(a, 4, 1, &out, &err), -1);
  CHECK_STR(buf_str(&err), "文件各部分解压后合计超过 64 MB，拒绝读取");
  buf_free(&sst);
  buf_free(&big);
  buf_free(&out);
  buf_free(&err);
}

/* z (ASCII) as UTF-16LE with a byte order mark, into b. */
static void utf16(Buf *b, const char *z) {
  buf_append(b, "\xFF\xFE", 2);
  for (; *z; z++) {
    buf_putc(b, *z);
    buf_putc(b, 0);
  }
}

#define W "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""

/* A billion-laughs document.xml in UTF-16: "<!DOCTYPE" never occurs as
** bytes, so only the parser itself can see it.  Ten levels of ten
** references would be 10^10 copies of "lol" if expanded. */
TEST(doctable_and_docx_md_refuse_utf16_entity_bomb) {
  Buf x = BUF_INIT, out = BUF_INIT, err = BUF_INIT;
  const char *zDoc =
    "<?xml version=\"1.0\" encoding=\"UTF-16\"?>"
    "<!DOCTYPE d [<!ENTITY a0 \"lol\">"
    "<!ENTITY a1 \"&a0;&a0;&a0;&a0;&a0;&a0;&a0;&a0;&a0;&a0;\">"
    "<!ENTITY a2 \"&a1;&a1;&a1;&a1;&a1;&a1;&a1;&a1;&a1;&a1;\">"
    "<!ENTITY a3 \"&a2;&a2;&a2;&a2;&a2;&a2;&a2;&a2;&a2;&a2;\">"
    "<!ENTITY a4 \"&a3;&a3;&a3;&a3;&a3;&a3;&a3;&a3;&a3;&a3;\">"
    "<!ENTITY a5 \"&a4;&a4;&a4;&a4;&a4;&a4;&a4;&a4;&a4;&a4;\">"
    "<!ENTITY a6 \"&a5;&a5;&a5;&a5;&a5;&a5;&a5;&a5;&a5;&a5;\">"
    "<!ENTITY a7 \"&a6;&a6;&a6;&a6;&a6;&a6;&a6;&a6;&a6;&a6;\">"
    "<!ENTITY a8 \"&a7;&a7;&a7;&a7;&a7;&a7;&a7;&a7;&a7;&a7;\">"
    "<!ENTITY a9 \"&a8;&a8;&a8;&a8;&a8;&a8;&a8;&a8;&a8;&a8;\">]>"
    "<w:document " W "><w:body><w:p><w:r><w:t>&a9;</w:t></w:r></w:p>"
    "</w:body></w:document>";
  utf16(&x, zDoc);
  CHECK(memmem(x.z, x.n, "<!DOCTYPE", 9) == NULL);
  Part a[] = {{"word/document.xml", x.z, x.n}};
  CHECK_INT(read_pkg(a, 1, 0, &out, &err), -1);
  CHECK_STR(buf_str(&err), "文件中的 XML 含有实体声明，拒绝读取：word/document.xml");
  CHECK_INT(out.n, 0);
  size_t n;
  char *p = zip_parts(a, 1, 0, &n);
  char *zTitle = NULL, zErr[200] = "";
  buf_reset(&out);
  CHECK_INT(docx_to_markdown(p, n, &out, &zTitle, zErr, sizeof zErr), -1);
  CHECK(zErr[0] != 0);
  CHECK_INT(out.n, 0);
  free(zTitle);
  free(p);
  buf_free(&x);
  buf_free(&out);
  buf_free(&err);
}

/* An external entity naming a local file, in UTF-16: refused before the
** parser could open anything; the file's text never reaches the output. */
TEST(doctable_refuses_utf16_external_entity) {
  Buf x = BUF_INIT, out = BUF_INIT, err = BUF_INIT;
  utf16(&x, "<?xml version=\"1.0\" encoding=\"UTF-16\"?>"
            "<!DOCTYPE d [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
            "<w:document " W "><w:body><w:p><w:r><w:t>&e;</w:t></w:r></w:p>"
            "</w:body></w:document>");
  Part a[] = {{"word/document.xml", x.z, x.n}};
  CHECK_INT(read_pkg(a, 1, 0, &out, &err), -1);
  CHECK_STR(buf_str(&err), "文件中的 XML 含有实体声明，拒绝读取：word/document.xml");
  CHECK(strstr(buf_str(&out), "root:") == NULL);
  buf_free(&x);
  buf_free(&out);
  buf_free(&err);
}

/* A UTF-16 part without a DOCTYPE is still read (OOXML allows UTF-16). */
TEST(doctable_reads_utf16_part) {
  Buf x = BUF_INIT, out = BUF_INIT, err = BUF_INIT;
  utf16(&x, "<?xml version=\"1.0\" encoding=\"UTF-16\"?>"
            "<w:document " W "><w:body><w:p><w:r><w:t>Report 2021</w:t>"
            "</w:r></w:p></w:body></w:document>");
  Part a[] = {{"word/document.xml", x.z, x.n}};
  CHECK_INT(read_pkg(a, 1, 0, &out, &err), 0);
  CHECK_STR(buf_str(&out), "Report 2021\n");
  buf_free(&x);
  buf_free(&out);
  buf_free(&err);
}

/* Row numbers start at 1: "A0" is no cell.  A merged range from A0 and a
** cell A0 used to be written into the row before the grid (a heap write
** out of bounds, found by fuzz_doctable_xlsx); now they are skipped and
** the rest of the sheet is read. */
TEST(doctable_xlsx_row_zero_is_no_cell) {
  Buf out = BUF_INIT, err = BUF_INIT;
  const char *zSheet =
    "<worksheet " S "><sheetData><row r=\"1\"><c r=\"A0\"><v>7</v></c>"
    "<c r=\"A1\"><v>1</v></c><c r=\"B1\"><v>2</v></c></row></sheetData>"
    "<mergeCells><mergeCell ref=\"A0:BL3\"/></mergeCells></worksheet>";
  Part a[] = {part("xl/workbook.xml", WORKBOOK),
              part("xl/worksheets/sheet1.xml", zSheet)};
  CHECK_INT(read_pkg(a, 2, 0, &out, &err), 0);
  CHECK_STR(buf_str(&out), "1\t2\n");
  buf_free(&out);
  buf_free(&err);
}
