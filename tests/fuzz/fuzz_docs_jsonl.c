/*
** fuzz_docs_jsonl.c — one `gongkai docs import` line: the in-place flat
** JSON reader (lib/jsonl.c) and the field checks of cli/cmd_docs.c (dates,
** index number, report kind), exactly as the import runs them per line.
*/
#include <stdlib.h>
#include <string.h>

#include "util.h"

#include "cli/commands.h"
#include "lib/jsonl.h"

int LLVMFuzzerTestOneInput(const uint8_t *p, size_t n) {
  /* An exact-size heap copy, not NUL-terminated: ASan sees any read past
  ** n (the reader must not rely on a terminator). */
  char *z = malloc(n ? n : 1);
  if (!z) abort();
  memcpy(z, p, n);
  Doc d;
  (void)docs_import_line(z, n, &d);
  memcpy(z, p, n);
  JsonlField aF[4];
  int nF = 0;
  const char *zErr = NULL;
  if (jsonl_parse(z, n, aF, 4, &nF, &zErr) == 0)
    (void)jsonl_get(aF, nF, "title");
  free(z);
  return 0;
}
