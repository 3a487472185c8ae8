/*
** main.c — runs every TEST() registered by the unit-test files.
** Usage: unit [SUBSTRING]  (runs only tests whose name contains it).
** Exit status 0 when all selected tests pass, 1 otherwise.
*/
#include <stdlib.h>

#include "harness.h"

#define MAX_TESTS 4096
static struct { const char *zName; TestFn fn; } aTest[MAX_TESTS];
static int nTest;
int harness_failed;

void harness_register(const char *zName, TestFn fn) {
  if (nTest >= MAX_TESTS) { fputs("too many tests\n", stderr); abort(); }
  aTest[nTest].zName = zName;
  aTest[nTest].fn = fn;
  nTest++;
}

static int by_name(const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

int main(int argc, char **argv) {
  int nPass = 0, nFail = 0;
  qsort(aTest, (size_t)nTest, sizeof aTest[0], by_name);
  for (int i = 0; i < nTest; i++) {
    if (argc > 1 && !strstr(aTest[i].zName, argv[1])) continue;
    harness_failed = 0;
    aTest[i].fn();
    if (harness_failed) {
      printf("FAIL %s\n", aTest[i].zName);
      nFail++;
    } else {
      nPass++;
    }
  }
  printf("unit: %d passed, %d failed\n", nPass, nFail);
  return nFail ? 1 : 0;
}
