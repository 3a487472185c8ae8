/*
** fuzz_catalogue_xlsx.c — catalogue import from XLSX bytes: the ZIP and
** the sheet/shared-strings XML readers (lib/table.c) then the mapping to
** catalogue items (core/catalogue.c).
**
** Two kinds of input: a whole workbook ("PK…": mutations hit the archive
** structure; the members are compressed and CRC-checked, so they rarely
** reach the XML), or "SHEET-XML \0 SHARED-STRINGS-XML", which this target
** packs into a valid workbook so that mutations reach the XML readers.
*/
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "util.h"

#include "core/catalogue.h"
#include "lib/table.h"

/* Packs the two XML parts into an XLSX in b; 0 or -1. */
static int pack(const uint8_t *p, size_t n, Buf *b) {
  zip_error_t ze;
  zip_error_init(&ze);
  zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
  zip_error_fini(&ze);
  if (!src) return -1;
  zip_source_keep(src);
  zip_t *z = zip_open_from_source(src, ZIP_TRUNCATE, NULL);
  if (!z) {
    zip_source_free(src);
    return -1;
  }
  const uint8_t *sep = n ? memchr(p, 0, n) : NULL;
  size_t nSheet = sep ? (size_t)(sep - p) : n;
  /* Stored, not deflated: packing is then cheap and the reader still
  ** goes through libzip as for any workbook. */
  zip_source_t *s1 = zip_source_buffer(z, p, nSheet, 0);
  zip_int64_t i1 = s1 ? zip_file_add(z, "xl/worksheets/sheet1.xml", s1, 0) : -1;
  if (s1 && i1 < 0) zip_source_free(s1);
  if (i1 >= 0) zip_set_file_compression(z, (zip_uint64_t)i1, ZIP_CM_STORE, 0);
  if (sep) {
    zip_source_t *s2 = zip_source_buffer(z, sep + 1, n - nSheet - 1, 0);
    zip_int64_t i2 = s2 ? zip_file_add(z, "xl/sharedStrings.xml", s2, 0) : -1;
    if (s2 && i2 < 0) zip_source_free(s2);
    if (i2 >= 0) zip_set_file_compression(z, (zip_uint64_t)i2, ZIP_CM_STORE, 0);
  }
  int rc = -1;
  if (zip_close(z)) {
    zip_discard(z);
  } else if (zip_source_open(src) == 0) {
    char a[4096];
    zip_int64_t got;
    while ((got = zip_source_read(src, a, sizeof a)) > 0) buf_append(b, a, (size_t)got);
    zip_source_close(src);
    rc = got < 0 ? -1 : 0;
  }
  zip_source_free(src);
  return rc;
}

int LLVMFuzzerTestOneInput(const uint8_t *p, size_t n) {
  Buf b = BUF_INIT;
  const void *pData = p;
  size_t nData = n;
  if (!(n >= 2 && p[0] == 'P' && p[1] == 'K')) {
    if (pack(p, n, &b)) {
      buf_free(&b);
      return 0;
    }
    pData = b.z;
    nData = b.n;
  }
  Arena a = ARENA_INIT;
  Table t = {0};
  const char *zErr = NULL;
  if (table_read_xlsx(&a, pData, nData, &t, &zErr) == 0) {
    CatImport ci = {0};
    cat_import_map(&a, &t, "on_request", 1, &ci);
    (void)cat_import_report_text(&a, &ci);
  }
  arena_free(&a);
  buf_free(&b);
  return 0;
}
