/*
** fuzz_index_number.c — the index-number template (core/index_number.c):
** template check, expansion with values taken from the input, and the
** check of user-supplied numbers.  Invariants from index_number.h: an
** expanded number always passes index_number_check() and is at most
** INDEX_NUMBER_MAX bytes; a template that expands passed the check.
**
** Input: template \n org code \n category \n imported number \n, then the
** last bytes give year, month and serial.
*/
#include <stdlib.h>
#include <string.h>

#include "util.h"

#include "core/index_number.h"

static char *next_line(char **pz) {
  char *z = *pz, *e = strchr(z, '\n');
  if (e) {
    *e = 0;
    *pz = e + 1;
  } else {
    *pz = z + strlen(z);
  }
  return z;
}

int LLVMFuzzerTestOneInput(const uint8_t *p, size_t n) {
  char *z = fuzz_cstr(p, n), *zRest = z;
  const char *zTpl = next_line(&zRest);
  IndexNumberParts parts = {0};
  parts.zOrgCode = next_line(&zRest);
  parts.zCategory = next_line(&zRest);
  const char *zImported = next_line(&zRest);
  unsigned v = n >= 4 ? (unsigned)(p[n - 4] | p[n - 3] << 8 | p[n - 2] << 16) : 7;
  parts.iYear = 1890 + (int)(v % 8200);
  parts.iMonth = (int)(v / 8200 % 14);
  parts.iSerial = n ? (long long)(p[n - 1]) * 7919 - 3 : 1;

  IndexNumberErr err;
  unsigned mUses = 0;
  int rcTpl = index_number_template_check(zTpl, &mUses, &err);
  char *zOut = NULL;
  int rc = index_number_expand(zTpl, &parts, &zOut, &err);
  if (rc == INDEX_NUMBER_OK) {
    if (!zOut || (zTpl[0] && rcTpl != INDEX_NUMBER_OK) ||
        strlen(zOut) > INDEX_NUMBER_MAX ||
        index_number_check(zOut, &err) != INDEX_NUMBER_OK)
      abort();
  } else if (zOut) {
    abort();
  }
  free(zOut);
  (void)index_number_check(zImported, &err);
  free(z);
  return 0;
}
