/*
** fuzz_pdf_words.c — the reader of `pdftotext -bbox` XHTML
** (lib/pdf_words.c) that places a PDF's numbers under their table
** columns for `gongkai report check`: any bytes, then its text read back
** by the annual-report text reader as the checker does.
*/
#include <stdlib.h>

#include "util.h"

#include "core/report_format.h"
#include "core/report_text.h"
#include "lib/pdf_words.h"

static RfSet set;

int LLVMFuzzerTestOneInput(const uint8_t *p, size_t n) {
  static int bInit;
  if (!bInit) {
    char *zErr = NULL;
    if (rf_set_load_builtin(&set, &zErr)) abort();
    bInit = 1;
  }
  char *z = fuzz_cstr(p, n);
  Buf out = BUF_INIT;
  (void)pdf_words_text(z, n, &out);
  RtResult r;
  (void)report_text_read(&set, buf_str(&out), NULL, &r);
  rt_result_free(&r);
  buf_free(&out);
  free(z);
  return 0;
}
