/* zipmem.c — an in-memory ZIP archive (see zipmem.h). */
#include "lib/zipmem.h"

zip_t *zip_open_memory(const void *p, size_t n) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t *src = zip_source_buffer_create(p, n, 0, &err);
  zip_t *z = src ? zip_open_from_source(src, ZIP_RDONLY, &err) : NULL;
  if (!z && src) zip_source_free(src);
  zip_error_fini(&err);
  return z;
}
