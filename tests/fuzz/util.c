/* util.c — helpers shared by the fuzz targets (see util.h). */
#include "util.h"

#include <stdlib.h>
#include <string.h>
#include <zip.h>

char *fuzz_cstr(const uint8_t *p, size_t n) {
  char *z = malloc(n + 1);
  if (!z) abort();
  if (n) memcpy(z, p, n);
  z[n] = 0;
  return z;
}

int fuzz_is_zip(const uint8_t *p, size_t n) {
  return n >= 4 && !memcmp(p, "PK\3\4", 4);
}

char *fuzz_package(const uint8_t *p, size_t n, const char *const *azName,
                   int nName, const char *const *azFixed, size_t *pn) {
  if (fuzz_is_zip(p, n)) {
    char *z = malloc(n);
    if (!z) abort();
    memcpy(z, p, n);
    *pn = n;
    return z;
  }
  Buf pkg = BUF_INIT;
  if (fuzz_zip_pack(p, n, azName, nName, azFixed, &pkg)) {
    buf_free(&pkg);
    return NULL;
  }
  *pn = pkg.n;
  return buf_steal(&pkg);
}

/* Adds p[0..n) as a stored member zName; 0 or -1. */
static int add_member(zip_t *z, const char *zName, const void *p, size_t n) {
  zip_source_t *s = zip_source_buffer(z, p, n, 0);
  zip_int64_t i = s ? zip_file_add(z, zName, s, ZIP_FL_OVERWRITE) : -1;
  if (i < 0) {
    if (s) zip_source_free(s);
    return -1;
  }
  zip_set_file_compression(z, (zip_uint64_t)i, ZIP_CM_STORE, 0);
  return 0;
}

int fuzz_zip_pack(const uint8_t *p, size_t n, const char *const *azName,
                  int nName, const char *const *azFixed, Buf *pOut) {
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
  for (int i = 0; azFixed && azFixed[i]; i += 2)
    add_member(z, azFixed[i], azFixed[i + 1], strlen(azFixed[i + 1]));
  size_t off = 0;
  for (int i = 0; i < nName && off <= n; i++) {
    const uint8_t *sep = off < n ? memchr(p + off, 0, n - off) : NULL;
    size_t k = sep ? (size_t)(sep - (p + off)) : n - off;
    add_member(z, azName[i], p + off, k);
    if (!sep) break;
    off += k + 1;
  }
  int rc = -1;
  if (zip_close(z)) {
    zip_discard(z);
  } else if (zip_source_open(src) == 0) {
    char a[4096];
    zip_int64_t got;
    while ((got = zip_source_read(src, a, sizeof a)) > 0)
      buf_append(pOut, a, (size_t)got);
    zip_source_close(src);
    rc = got < 0 ? -1 : 0;
  }
  zip_source_free(src);
  return rc;
}
