/*
** fuzz_doctable_xlsx.c — XLSX through the published-file reader of the
** annual-report check (lib/doctable.c): the ZIP (libzip, the entry size
** and ratio checks), shared strings, sheets (cell references, merged
** ranges, numbers as shown) and the grid written as rows.
**
** Two kinds of input: a whole workbook ("PK\3\4…", fed as the uploaded
** file), or "SHEET1 \0 SHARED-STRINGS \0 SHEET2", which this target packs
** with an xl/workbook.xml into a workbook (fuzz_zip_pack) so that
** mutations reach the XML readers.  A refusal must carry its reason; the
** text goes on to the report reader.
*/
#include <stdlib.h>
#include <string.h>

#include "util.h"

#include "core/report_format.h"
#include "core/report_text.h"
#include "lib/doctable.h"

static RfSet set;

int LLVMFuzzerTestOneInput(const uint8_t *p, size_t n) {
  static int bInit;
  if (!bInit) {
    char *zErr = NULL;
    if (rf_set_load_builtin(&set, &zErr)) abort();
    bInit = 1;
  }
  static const char *const azPart[] = {
    "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml",
    "xl/worksheets/sheet2.xml"};
  static const char *const azFixed[] = {
    "xl/workbook.xml",
    "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/"
    "2006/main\"><sheets><sheet name=\"a\" sheetId=\"1\"/></sheets>"
    "</workbook>",
    NULL};
  size_t nZ;
  char *z = fuzz_package(p, n, azPart, 3, azFixed, &nZ);
  if (!z) return 0;
  const char *zKind = NULL;
  Buf out = BUF_INIT, err = BUF_INIT;
  if (doctable_text(z, nZ, &out, &err, &zKind) == 0) {
    RtResult r;
    (void)report_text_read(&set, buf_str(&out), NULL, &r);
    rt_result_free(&r);
  } else if (err.n == 0) {
    abort();                            /* a refusal always says why */
  }
  buf_free(&out);
  buf_free(&err);
  free(z);
  return 0;
}
