/* util.c — helpers shared by the fuzz targets (see util.h). */
#include "util.h"

#include <stdlib.h>
#include <string.h>

char *fuzz_cstr(const uint8_t *p, size_t n) {
  char *z = malloc(n + 1);
  if (!z) abort();
  if (n) memcpy(z, p, n);
  z[n] = 0;
  return z;
}
