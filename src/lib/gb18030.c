/* gb18030.c — GB18030 text to UTF-8 (see gb18030.h). */
#include "lib/gb18030.h"

#include <iconv.h>

char *gb18030_to_utf8(Arena *a, const char *p, size_t n, size_t *pnOut) {
  iconv_t cd = iconv_open("UTF-8", "GB18030");
  if (cd == (iconv_t)-1) return NULL;
  size_t nOut = 2 * n + 16, left = nOut;
  char *zOut = arena_alloc(a, nOut + 1);
  char *in = (char *)p, *out = zOut;
  size_t inLeft = n;
  size_t rc = iconv(cd, &in, &inLeft, &out, &left);
  iconv_close(cd);
  if (rc == (size_t)-1) return NULL;
  *out = 0;
  *pnOut = (size_t)(out - zOut);
  return zOut;
}
