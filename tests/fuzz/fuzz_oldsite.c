/*
** fuzz_oldsite.c — a document page saved from an old disclosure site, as
** `gongkai docs import-html` reads it (lib/oldsite.c: libxml2's HTML
** parser, the charset guess and GB18030 conversion, the metadata labels,
** the body as Markdown, attachment links, dates).
*/
#include <stdlib.h>
#include <string.h>

#include "util.h"

#include "lib/arena.h"
#include "lib/oldsite.h"

int LLVMFuzzerTestOneInput(const uint8_t *p, size_t n) {
  /* An exact-size heap copy: ASan sees any read past n. */
  char *z = malloc(n ? n : 1);
  if (!z) abort();
  if (n) memcpy(z, p, n);
  Arena a = ARENA_INIT;
  OldSitePage pg;
  const char *zWhy = oldsite_parse(&a, z, n, &pg);
  if (!zWhy) {
    char zDate[11];
    (void)oldsite_date(pg.zSignedDate, zDate);
    if (pg.nLink < 0 || pg.nLink > OLDSITE_MAX_LINKS) abort();
  }
  arena_free(&a);
  free(z);
  return 0;
}
