/*
** fuzz_doctable_docx.c — DOCX through the published-file reader of the
** annual-report check (lib/doctable.c): the ZIP (libzip, the entry size
** and ratio checks), word/document.xml (libxml2, the DTD refusal), tables
** with gridSpan/vMerge, tables in text boxes and layout tables.
**
** Two kinds of input: a whole package ("PK\3\4…", fed as the uploaded
** file: mutations hit the archive structure), or any other bytes, which
** become word/document.xml of a package this target builds
** (fuzz_zip_pack), so that mutations reach the XML walk.  A refusal must
** carry its reason; the text goes on to the report reader.
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
  static const char *const azPart[] = {"word/document.xml"};
  size_t nZ;
  char *z = fuzz_package(p, n, azPart, 1, NULL, &nZ);
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
