/*
** main.c — runs every TEST() registered by the unit-test files.
** Usage: unit [SUBSTRING]  (runs only tests whose name contains it).
** GK_UNIT_FORK=1 runs each test in a child process (a crash fails that test
** only; tests/pg/run.sh uses it while store tests may still crash on
** PostgreSQL).
** GK_UNIT_SKIP=FILE names tests not to run, one per line ("#" starts a
** comment): tests/pg/unit_skip.txt lists those that exercise what the
** PostgreSQL store does not have yet (the FTS5 search index).  Skipped
** tests are counted and named on the closing line, never as passed.
** Exit status 0 when all selected tests pass, 1 otherwise.
*/
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "harness.h"

#define MAX_SKIP 64
static char azSkip[MAX_SKIP][128];
static int nSkip;

/* Reads the skip list named by GK_UNIT_SKIP (none when unset); a missing
** file is an error, so that a typo does not run everything silently. */
static int load_skip(void) {
  const char *zFile = getenv("GK_UNIT_SKIP");
  if (!zFile || !*zFile) return 0;
  FILE *f = fopen(zFile, "r");
  if (!f) { fprintf(stderr, "unit: cannot read GK_UNIT_SKIP=%s\n", zFile); return 1; }
  char zLine[256];
  while (nSkip < MAX_SKIP && fgets(zLine, sizeof zLine, f)) {
    size_t n = strcspn(zLine, "# \t\r\n");
    if (n == 0 || n >= sizeof azSkip[0]) continue;
    memcpy(azSkip[nSkip], zLine, n);
    azSkip[nSkip++][n] = 0;
  }
  fclose(f);
  return 0;
}

static int skipped(const char *zName) {
  for (int i = 0; i < nSkip; i++)
    if (!strcmp(azSkip[i], zName)) return 1;
  return 0;
}

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

/* Runs fn in a child process, so that a test that crashes (a NULL result
** dereferenced after a failed CHECK) fails alone instead of ending the
** run.  harness_failed is set from the child's exit status. */
static void run_forked(const char *zName, TestFn fn) {
  fflush(stdout);
  fflush(stderr);
  pid_t pid = fork();
  if (pid == 0) {
    fn();
    fflush(stdout);
    fflush(stderr);
    _exit(harness_failed ? 1 : 0);
  }
  int st = 0;
  if (pid < 0 || waitpid(pid, &st, 0) != pid) {
    harness_failed = 1;
    return;
  }
  if (WIFSIGNALED(st)) fprintf(stderr, "  %s: crashed (signal %d)\n", zName, WTERMSIG(st));
  harness_failed = !WIFEXITED(st) || WEXITSTATUS(st) != 0;
}

int main(int argc, char **argv) {
  int nPass = 0, nFail = 0, nSkipped = 0;
  if (load_skip()) return 2;
  const char *zFork = getenv("GK_UNIT_FORK");
  int bFork = zFork && *zFork && *zFork != '0';
  qsort(aTest, (size_t)nTest, sizeof aTest[0], by_name);
  for (int i = 0; i < nTest; i++) {
    if (argc > 1 && !strstr(aTest[i].zName, argv[1])) continue;
    if (skipped(aTest[i].zName)) {
      printf("SKIP %s\n", aTest[i].zName);
      nSkipped++;
      continue;
    }
    harness_failed = 0;
    if (bFork) run_forked(aTest[i].zName, aTest[i].fn);
    else aTest[i].fn();
    if (harness_failed) {
      printf("FAIL %s\n", aTest[i].zName);
      nFail++;
    } else {
      nPass++;
    }
  }
  if (nSkipped) printf("unit: %d skipped (GK_UNIT_SKIP)\n", nSkipped);
  printf("unit: %d passed, %d failed\n", nPass, nFail);
  return nFail ? 1 : 0;
}
