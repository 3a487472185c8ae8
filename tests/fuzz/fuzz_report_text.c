/*
** fuzz_report_text.c — the annual-report text reader (core/report_text.c)
** with the built-in formats, as `gongkai report check FILE` and the report
** import page use it: detect the format, read the grid, collect notes,
** then the reviewer's checks (core/report_review.c: format against year,
** counts in the prose against the grid, wrapped prose lines joined).
** The first byte picks the format the caller names (none, 2019, 2021).
*/
#include <stdlib.h>

#include "util.h"

#include "core/report_format.h"
#include "core/report_review.h"
#include "core/report_text.h"

static RfSet set;

int LLVMFuzzerTestOneInput(const uint8_t *p, size_t n) {
  static int bInit;
  if (!bInit) {
    char *zErr = NULL;
    if (rf_set_load_builtin(&set, &zErr)) abort();
    bInit = 1;
  }
  if (n == 0) return 0;
  static const char *const azFmt[] = {NULL, "2019", "2021"};
  const char *zFmt = azFmt[p[0] % 3];
  char *z = fuzz_cstr(p + 1, n - 1);
  (void)report_text_detect(&set, z);
  RtResult r;
  if (report_text_read(&set, z, zFmt, &r) == 0 && r.pReport) {
    RvResult rv = {0};
    rv_format_year(&set, r.pReport, &rv);
    rv_text_numbers(r.pReport, z, &rv);
    rv_result_free(&rv);
  }
  rt_result_free(&r);
  free(z);
  return 0;
}
