/*
** fuzz_catalogue_csv.c — catalogue import from CSV/TSV bytes: the table
** reader (lib/table.c: RFC 4180, BOM, GB18030 fallback) then the mapping
** of the sheet to catalogue items (core/catalogue.c), then the report text
** and the export of what was read, as `gongkai catalogue import` does.
*/
#include "util.h"

#include "core/catalogue.h"
#include "lib/table.h"

int LLVMFuzzerTestOneInput(const uint8_t *p, size_t n) {
  Arena a = ARENA_INIT;
  Table t = {0};
  const char *zErr = NULL;
  if (table_read_csv(&a, (const char *)p, n, &t, &zErr) == 0) {
    CatImport ci = {0};
    cat_import_map(&a, &t, "proactive", 1, &ci);
    (void)cat_import_ok(&ci, 1);
    (void)cat_import_report_text(&a, &ci);
    Table out = {0};
    cat_export_table(&a, ci.aItem, ci.nItem, &out);
    Buf b = BUF_INIT;
    table_write_csv(&out, &b);
    buf_free(&b);
  }
  arena_free(&a);
  return 0;
}
