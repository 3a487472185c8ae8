/* report_fixture.h — helpers shared by the report tests: the built-in
** formats and fixture files read relative to the repository root. */
#ifndef GK_REPORT_FIXTURE_H
#define GK_REPORT_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>

#include "core/report_format.h"
#include "lib/buf.h"

/* Whole file as a NUL-terminated string, or NULL; caller frees. */
static inline char *fixture_read(const char *zPath) {
  FILE *in = fopen(zPath, "rb");
  Buf b = BUF_INIT;
  char a[4096];
  size_t n;
  if (!in) {
    fprintf(stderr, "  cannot open %s (run tests from the repo root)\n",
            zPath);
    return NULL;
  }
  while ((n = fread(a, 1, sizeof a, in)) > 0) buf_append(&b, a, n);
  fclose(in);
  return buf_steal(&b);
}

/* The built-in formats; aborts the process if they do not load. */
static inline void fixture_formats(RfSet *pSet) {
  char *zErr = NULL;
  if (rf_set_load_builtin(pSet, &zErr)) {
    fprintf(stderr, "built-in formats: %s\n", zErr);
    abort();
  }
}

#endif
