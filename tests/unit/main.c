/*
** main.c — runs every TEST() registered by the unit-test files.
** Usage: unit [SUBSTRING]  (runs only tests whose name contains it).
** GK_UNIT_FORK=1 runs each test in a child process (a crash fails that test
** only; tests/pg/run.sh uses it while store tests may still crash on
** PostgreSQL).
** Exit status 0 when all selected tests pass, 1 otherwise.
*/
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

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
  int nPass = 0, nFail = 0;
  const char *zFork = getenv("GK_UNIT_FORK");
  int bFork = zFork && *zFork && *zFork != '0';
  qsort(aTest, (size_t)nTest, sizeof aTest[0], by_name);
  for (int i = 0; i < nTest; i++) {
    if (argc > 1 && !strstr(aTest[i].zName, argv[1])) continue;
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
  printf("unit: %d passed, %d failed\n", nPass, nFail);
  return nFail ? 1 : 0;
}
