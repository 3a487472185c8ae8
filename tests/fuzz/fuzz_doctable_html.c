/*
** fuzz_doctable_html.c — the published-file reader of the annual-report
** check (lib/doctable.c) on what is not a PDF or a ZIP: saved web pages
** (libxml2's HTML parser, GB18030 pages, tables in layout tables,
** rowspan/colspan), JSON passed through, and plain text in UTF-8 or
** GB18030; then, as report_check.c does, the report reader on the text
** or report_from_json (core/report.c) on JSON.
** A PDF would start pdftotext (fuzz_pdf_words covers what follows it) and
** a ZIP is the DOCX/XLSX targets' business: both are skipped.
*/
#include <stdlib.h>
#include <string.h>

#include "util.h"

#include "core/report.h"
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
  const char *zKind = doctable_kind(p, n);
  if (zKind && (!strcmp(zKind, "pdf") || !strcmp(zKind, "docx") ||
                !strcmp(zKind, "xlsx")))
    return 0;
  /* An exact-size heap copy: ASan sees any read past n. */
  char *z = malloc(n ? n : 1);
  if (!z) abort();
  if (n) memcpy(z, p, n);
  Buf out = BUF_INIT, err = BUF_INIT;
  if (doctable_text(z, n, &out, &err, &zKind) == 0) {
    if (err.n) abort();                 /* success says nothing */
    if (!strcmp(zKind, "json")) {       /* report_check.c's JSON path */
      Report *pRep = NULL;
      char *zMsg = NULL;
      if (report_from_json(&set, buf_str(&out), NULL, &pRep, &zMsg) == 0)
        report_free(pRep);
      else if (!zMsg)
        abort();                        /* a refusal always says why */
      free(zMsg);
    } else {
      RtResult r;
      (void)report_text_read(&set, buf_str(&out), NULL, &r);
      rt_result_free(&r);
    }
  } else if (err.n == 0) {
    abort();                            /* a refusal always says why */
  }
  buf_free(&out);
  buf_free(&err);
  free(z);
  return 0;
}
