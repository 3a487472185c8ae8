/*
** harness.h — the unit-test harness: a table of {name, fn} filled by
** TEST() at load time, run by tests/unit/main.c.
**
**   TEST(calendar_spring_festival_2024) {
**     CHECK(x == 3);
**     CHECK_INT(workdays_between(...), 17);
**     CHECK_STR(z, "2024-02-19");
**   }
**
** A failing CHECK prints file:line and the values, marks the test failed and
** continues.  tests/unit/main.c prints one line per failed test and ends with
** "unit: N passed, N failed".  Run one test: build/.../unit NAME_SUBSTRING.
*/
#ifndef GK_HARNESS_H
#define GK_HARNESS_H

#include <stdio.h>
#include <string.h>

typedef void (*TestFn)(void);
void harness_register(const char *zName, TestFn fn);
extern int harness_failed;   /* set by CHECK macros for the running test */

#define TEST(name)                                              \
  static void test_##name(void);                                \
  __attribute__((constructor)) static void reg_##name(void) {   \
    harness_register(#name, test_##name);                       \
  }                                                             \
  static void test_##name(void)

#define CHECK(c)                                                       \
  do {                                                                 \
    if (!(c)) {                                                        \
      fprintf(stderr, "  %s:%d: CHECK(%s) failed\n", __FILE__, __LINE__, \
              #c);                                                     \
      harness_failed = 1;                                              \
    }                                                                  \
  } while (0)

#define CHECK_INT(a, b)                                                 \
  do {                                                                  \
    long long va_ = (long long)(a), vb_ = (long long)(b);               \
    if (va_ != vb_) {                                                   \
      fprintf(stderr, "  %s:%d: %s == %lld, expected %lld\n", __FILE__, \
              __LINE__, #a, va_, vb_);                                  \
      harness_failed = 1;                                               \
    }                                                                   \
  } while (0)

#define CHECK_STR(a, b)                                                   \
  do {                                                                    \
    const char *sa_ = (a), *sb_ = (b);                                    \
    if (!sa_ || !sb_ || strcmp(sa_, sb_) != 0) {                          \
      fprintf(stderr, "  %s:%d: %s == \"%s\", expected \"%s\"\n", __FILE__, \
              __LINE__, #a, sa_ ? sa_ : "(null)", sb_ ? sb_ : "(null)");  \
      harness_failed = 1;                                                 \
    }                                                                     \
  } while (0)

#endif
