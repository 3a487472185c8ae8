/* test_foundation.c — credit codes, passwords, sessions, permission scope. */
#include <stdlib.h>
#include <string.h>

#include "core/ident.h"
#include "core/model.h"
#include "core/perm.h"
#include "core/session.h"
#include "harness.h"
#include "lib/crypto.h"

TEST(foundation_org_validate_credit_code) {
  Org o;
  memset(&o, 0, sizeof o);
  o.zName = "中宁县人民医院";
  o.zSlug = "zn-hospital";
  o.zUscc = "126405214536290205";
  CHECK(org_validate(&o) == NULL);
  o.zUscc = "126405214536290204"; /* check character off by one */
  CHECK(org_validate(&o) != NULL);
  o.zUscc = "";
  o.zSlug = "Bad Slug";
  CHECK(org_validate(&o) != NULL);
  o.zSlug = "ok-slug";
  o.zPostcode = "75510";
  CHECK(org_validate(&o) != NULL);
}

TEST(foundation_password_hash_roundtrip) {
  char zHash[CRYPTO_PWHASH_LEN];
  CHECK_INT(crypto_init(), 0);
  CHECK_INT(crypto_password_hash("correct horse battery", zHash), 0);
  CHECK(!strncmp(zHash, "$argon2id$", 10));
  CHECK(crypto_password_verify(zHash, "correct horse battery"));
  CHECK(!crypto_password_verify(zHash, "correct horse batterz"));
  CHECK(!crypto_password_verify("plain-text", "plain-text"));
  CHECK(!crypto_password_verify(NULL, "x"));
}

TEST(foundation_password_policy) {
  CHECK(user_password_check("short1") != NULL);
  CHECK(user_password_check("aaaaaaaaaaaa") != NULL);
  CHECK(user_password_check("aaaaaaaaaa1") == NULL);
  CHECK(user_login_check("a") != NULL);
  CHECK(user_login_check("王") != NULL);
  CHECK(user_login_check("hosp-admin") == NULL);
}

TEST(foundation_session_expiry) {
  Session s = {1, "t", 1000, 1000};
  CHECK(!session_expired(&s, 1000 + 7200, 7200, 43200));   /* idle limit itself */
  CHECK(session_expired(&s, 1000 + 7201, 7200, 43200));    /* idle too long */
  s.lastSeen = 1000 + 43000;
  CHECK(!session_expired(&s, 1000 + 43200, 7200, 43200));
  CHECK(session_expired(&s, 1000 + 43201, 7200, 43200));   /* absolute */
  CHECK_INT(login_throttle(4, 4, 19), LOGIN_GO);
  CHECK_INT(login_throttle(5, 5, 5), LOGIN_STOP_PAIR);
  CHECK_INT(login_throttle(0, 0, 20), LOGIN_STOP_ADDR);
}

TEST(foundation_permission_scope) {
  /* Tree: 1 bureau > 2 hospital > 7 ward; 9 another root. */
  int64_t anc2[] = {1}, anc7[] = {2, 1}, anc1[1];
  /* Bureau office reaches the subtree. */
  CHECK(perm_allows(ROLE_OFFICE, 1, PERM_DOC_MANAGE, 2, anc2, 1));
  CHECK(perm_allows(ROLE_OFFICE, 1, PERM_DOC_MANAGE, 7, anc7, 2));
  /* Hospital admin does not reach the bureau, nor a sibling root. */
  CHECK(!perm_allows(ROLE_ADMIN, 2, PERM_ADMIN, 1, anc1, 0));
  CHECK(!perm_allows(ROLE_ADMIN, 2, PERM_ADMIN, 9, anc1, 0));
  CHECK(perm_allows(ROLE_ADMIN, 2, PERM_ADMIN, 7, anc7, 2));
  /* Own-org-only roles: a bureau drafter cannot draft for the hospital. */
  CHECK(perm_allows(ROLE_DRAFTER, 1, PERM_DOC_DRAFT, 1, anc1, 0));
  CHECK(!perm_allows(ROLE_DRAFTER, 1, PERM_DOC_DRAFT, 2, anc2, 1));
  /* The wrong role is refused everywhere. */
  CHECK(!perm_allows(ROLE_DRAFTER, 1, PERM_DOC_APPROVE, 1, anc1, 0));
  CHECK(!perm_allows(ROLE_SUPERVISOR, 1, PERM_ADMIN, 1, anc1, 0));
  /* The supervisor reads the subtree. */
  CHECK(perm_allows(ROLE_SUPERVISOR, 1, PERM_SUPERVISE, 7, anc7, 2));
  CHECK(perm_allows(ROLE_SUPERVISOR, 1, PERM_VIEW_STAFF, 2, anc2, 1));
  /* Annual reports in preparation: read by their editors (the office) and
  ** the supervisor, over the subtree, and by the leader who approves his
  ** own organisation's report (领导审批); not by a drafter. */
  CHECK(perm_allows(ROLE_OFFICE, 1, PERM_REPORT_VIEW, 2, anc2, 1));
  CHECK(perm_allows(ROLE_SUPERVISOR, 1, PERM_REPORT_VIEW, 7, anc7, 2));
  CHECK(!perm_allows(ROLE_DRAFTER, 1, PERM_REPORT_VIEW, 1, anc1, 0));
  CHECK(perm_allows(ROLE_APPROVER, 1, PERM_REPORT_VIEW, 1, anc1, 0));  /* approves it */
  CHECK(!perm_allows(ROLE_APPROVER, 1, PERM_REPORT_VIEW, 2, anc2, 1));  /* not below */
  CHECK(!perm_allows(ROLE_OFFICE, 2, PERM_REPORT_VIEW, 1, anc1, 0));
  /* Public needs nothing; login needs some role. */
  CHECK(perm_allows(0, 0, PERM_PUBLIC, 5, anc1, 0));
  CHECK(!perm_role_has(0, PERM_LOGIN));
  CHECK_INT(perm_roles_parse("admin,office"), ROLE_ADMIN | ROLE_OFFICE);
  CHECK_INT(perm_roles_parse("admin,root"), -1);
}

/* The keyed hash behind the flash cookie: 32 hex digits, the same for the
** same key and text, another for another key or another text, none for a
** malformed key. */
TEST(foundation_crypto_mac) {
  const char *zKey = "0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f";
  const char *zKey2 = "1f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f";
  char a[33], b[33], c[33], d[33];
  CHECK_INT(crypto_init(), 0);
  CHECK_INT(crypto_mac_hex(zKey, "已提交。", 12, a), 0);
  CHECK_INT((int)strlen(a), 32);
  CHECK_INT((int)strspn(a, "0123456789abcdef"), 32);
  CHECK_INT(crypto_mac_hex(zKey, "已提交。", 12, b), 0);
  CHECK_STR(a, b);
  CHECK_INT(crypto_mac_hex(zKey2, "已提交。", 12, c), 0);
  CHECK(strcmp(a, c) != 0);
  CHECK_INT(crypto_mac_hex(zKey, "已提交、", 12, d), 0);
  CHECK(strcmp(a, d) != 0);
  CHECK_INT(crypto_mac_hex("0f0f", "x", 1, d), -1);
  CHECK_STR(d, "");
}

TEST(foundation_crypto_seal_roundtrip) {
  const char *zKey = "0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f";
  CHECK_INT(crypto_init(), 0);
  char *zSealed = crypto_seal(zKey, "640302199001011234");
  CHECK(zSealed && !strstr(zSealed, "640302"));
  char *zPlain = crypto_open(zKey, zSealed);
  CHECK_STR(zPlain, "640302199001011234");
  free(zPlain);
  zSealed[5] ^= 1;
  CHECK(crypto_open(zKey, zSealed) == NULL);
  CHECK(crypto_open("00", "abc") == NULL);
  free(zSealed);
}
