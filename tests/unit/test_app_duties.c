/* test_app_duties.c — issue 13 §4/§5: who may decide (the Art. 33 ¶2
** extension only by the head of the disclosure office; review and approval
** roles), the answers of row （四）1 (Art. 36(四) and (五) distinct, both in
** the same table-三 row), and what an organisation's kind decides (Arts.
** 27, 49, 54, 55).  Expectations read off the Regulation. */
#include <string.h>

#include "core/application.h"
#include "core/org_kind.h"
#include "core/perm.h"
#include "harness.h"

TEST(duties_extension_only_by_office_head) {
  /* Art. 33 ¶2: 经政府信息公开工作机构负责人同意. */
  CHECK(perm_role_has(ROLE_OFFICE_HEAD, PERM_APP_EXTEND));
  CHECK(!perm_role_has(ROLE_OFFICE, PERM_APP_EXTEND));
  CHECK(!perm_role_has(ROLE_DRAFTER, PERM_APP_EXTEND));
  CHECK(!perm_role_has(ROLE_APPROVER, PERM_APP_EXTEND));
  CHECK(!perm_role_has(ROLE_ADMIN, PERM_APP_EXTEND));
  /* The drafter's role can neither review nor approve answers. */
  CHECK(perm_role_has(ROLE_DRAFTER, PERM_APP_HANDLE));
  CHECK(!perm_role_has(ROLE_DRAFTER, PERM_APP_REVIEW));
  CHECK(!perm_role_has(ROLE_DRAFTER, PERM_APP_APPROVE));
  CHECK(perm_role_has(ROLE_DEPT_HEAD, PERM_APP_REVIEW));
  CHECK(!perm_role_has(ROLE_DEPT_HEAD, PERM_APP_APPROVE));
  CHECK(perm_role_has(ROLE_APPROVER, PERM_APP_APPROVE));
  /* The role parses and is labelled. */
  CHECK_INT(perm_roles_parse("office_head"), ROLE_OFFICE_HEAD);
  CHECK_STR(perm_role_label(ROLE_OFFICE_HEAD), "公开工作机构负责人");
  CHECK_STR(perm_name(PERM_APP_EXTEND), "app_extend");
}

TEST(duties_row_four_one_has_two_answers) {
  const char *zOutcome = NULL, *zBasis = NULL;
  const AppOutcome *o4 =
      app_answer("results.cannot_provide.not_held", &zOutcome, &zBasis);
  CHECK(o4 != NULL);
  CHECK_STR(zOutcome, "results.cannot_provide.not_held");
  CHECK_STR(zBasis, "art36_4");
  CHECK_STR(o4->zGround, "《条例》第三十六条第（四）项");
  CHECK(strstr(o4->zDecision, "不存在") != NULL);
  const AppOutcome *o5 = app_answer(APP_ANSWER_OTHER_ORGAN, &zOutcome, &zBasis);
  CHECK(o5 != NULL);
  CHECK_STR(zOutcome, "results.cannot_provide.not_held"); /* same row */
  CHECK_STR(zBasis, "art36_5");
  CHECK_STR(o5->zGround, "《条例》第三十六条第（五）项");
  CHECK(strstr(o5->zDecision, "不存在") == NULL);
  CHECK(app_answer_of("results.cannot_provide.not_held", "art36_5") == o5);
  CHECK(app_answer_of("results.cannot_provide.not_held", "art36_4") == o4);
  /* 21 rows + the second answer of （四）1, that one right after its row. */
  int n = 0, iRow = -1, iOther = -1;
  for (; app_answer_at(n); n++) {
    if (!strcmp(app_answer_at(n)->zId, "results.cannot_provide.not_held")) iRow = n;
    if (app_answer_at(n) == o5) iOther = n;
  }
  CHECK_INT(n, 22);
  CHECK_INT(iOther, iRow + 1);
  CHECK(app_answer("", &zOutcome, &zBasis) == NULL); /* no default */
  CHECK(app_answer("results.granted", &zOutcome, &zBasis) != NULL);
  CHECK_STR(zBasis, "");
}

TEST(duties_org_kind_decides) {
  /* Art. 49: departments by 31 January, governments by 31 March. */
  CHECK(org_kind("government")->bGovernment);
  CHECK(!org_kind("department")->bGovernment);
  CHECK(!org_kind("authorised")->bGovernment); /* Art. 54: as an organ */
  CHECK(org_kind("authorised")->bApplications);
  CHECK(org_kind("authorised")->bOwnReport);
  /* Art. 55: no applications, no annual report, no 行政许可 figures. */
  const OrgKind *k = org_kind("public_enterprise");
  CHECK(!k->bApplications && !k->bOwnReport && !k->bAdminFigures);
  CHECK(strstr(org_kind_no_applications(k), "第五十五条") != NULL);
  /* Acting in another organ's name: that organ answers and reports. */
  k = org_kind("acting");
  CHECK(!k->bApplications && !k->bOwnReport);
  CHECK(org_kind_no_applications(org_kind("department")) == NULL);
  /* The name decides nothing: an unknown kind is a department. */
  CHECK_STR(org_kind("人民政府")->zId, "department");
  CHECK(!org_kind_valid("人民政府"));
  CHECK(org_kind_valid("acting"));
}
