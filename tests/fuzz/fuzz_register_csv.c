/*
** fuzz_register_csv.c — the annual report's register CSV import from raw
** bytes (core/register_csv.c over lib/table.c: RFC 4180, BOM, GB18030
** fallback, XLSX by signature, full-width commas and digits, Excel's
** ="…"), as the report page's register-csv action reads an upload.
** Invariants: a parse either fails with a message and no rows, or gives
** rows whose values are in range.
*/
#include "util.h"

#include <stdlib.h>

#include "core/register_csv.h"

static RfSet set;

int LLVMFuzzerTestOneInput(const uint8_t *p, size_t n) {
  if (!set.nFormat) {
    char *zErr = NULL;
    if (rf_set_load_builtin(&set, &zErr)) abort();
  }
  Arena a = ARENA_INIT;
  RegCsv csv;
  if (regcsv_parse(&a, (const char *)p, n, rf_format_find(&set, "2019"), &csv)) {
    if (!csv.zErr || csv.nRow) abort();
  } else {
    if (!csv.nRow) abort();
    for (int i = 0; i < csv.nRow; i++) {
      const RegCsvRow *w = &csv.aRow[i];
      if (!w->zOrg[0] || !w->zKind || w->year < 1990 || w->year > 2999 ||
          w->count < 0 || w->amount < 0 || w->items < -1 || w->iLine < 1)
        abort();
    }
  }
  arena_free(&a);
  return 0;
}
