/* embed.c — lookup in the embedded file tables (see embed.h). */
#include "lib/embed.h"

#include <string.h>

const Embedded *embed_find(const Embedded *a, const char *zName) {
  for (; a->zName; a++)
    if (!strcmp(a->zName, zName)) return a;
  return NULL;
}
