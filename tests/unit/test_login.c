/* test_login.c — the sign-in rules of issue 12 item 5: where /login?next=
** may lead, and which failure counts stop an attempt.  Worked out by hand
** from the rules in core/session.h. */
#include "core/session.h"
#include "harness.h"

TEST(login_next_accepts_same_site_paths) {
  CHECK(login_next_ok("/staff"));
  CHECK(login_next_ok("/staff/docs/12?tab=files#x"));
  CHECK(login_next_ok("/o/znwsj/apply"));
  CHECK(login_next_ok("/"));
  CHECK(login_next_ok("/%2F%2Fevil.example"));   /* stays a path here */
}

TEST(login_next_refuses_everything_else) {
  CHECK(!login_next_ok(NULL));
  CHECK(!login_next_ok(""));
  CHECK(!login_next_ok("staff"));                 /* relative */
  CHECK(!login_next_ok("//evil.example/"));       /* scheme-relative */
  CHECK(!login_next_ok("/\\evil.example/"));      /* browsers read / \ as // */
  CHECK(!login_next_ok("/\t/evil.example"));      /* %09 after decoding */
  CHECK(!login_next_ok("/\r\nSet-Cookie: x=1"));  /* CR/LF */
  CHECK(!login_next_ok("/a\nb"));
  CHECK(!login_next_ok("/a\\b"));                 /* any backslash */
  CHECK(!login_next_ok("https://evil.example/"));
  CHECK(!login_next_ok("javascript:alert(1)"));
  CHECK(!login_next_ok("/\x7f"));
  char z[1100];
  memset(z, 'a', sizeof z - 1);
  z[0] = '/';
  z[sizeof z - 1] = 0;
  CHECK(!login_next_ok(z));                       /* over 1000 bytes */
  z[999] = 0;
  CHECK(login_next_ok(z));                        /* 999 bytes */
}

TEST(login_throttle_pair_account_address) {
  /* Four failures of this account from this address: a fifth try. */
  CHECK_INT(login_throttle(4, 4, 4), LOGIN_GO);
  /* Five from this address: this address stops for this account… */
  CHECK_INT(login_throttle(5, 5, 5), LOGIN_STOP_PAIR);
  /* …while the owner at another address (0 there, 5 on the account)
  ** still signs in: no lockout of a victim by a stranger. */
  CHECK_INT(login_throttle(0, 5, 0), LOGIN_GO);
  CHECK_INT(login_throttle(0, 49, 0), LOGIN_GO);
  /* The slower global back-off: 50 failures from everywhere. */
  CHECK_INT(login_throttle(0, 50, 0), LOGIN_STOP_ACCOUNT);
  /* One address spraying 20 accounts stops for every account. */
  CHECK_INT(login_throttle(0, 0, 19), LOGIN_GO);
  CHECK_INT(login_throttle(0, 0, 20), LOGIN_STOP_ADDR);
}
