/* test_app_duties.c — issue 13 §4/§5: who may decide (the Art. 33 ¶2
** extension only by the head of the disclosure office; review and approval
** roles), the answers of row （四）1 (Art. 36(四) and (五) distinct, both in
** the same table-三 row), and what an organisation's kind decides (Arts.
** 27, 49, 54, 55).  Expectations read off the Regulation. */
#include <string.h>

#include "core/application.h"
#include "core/notice.h"
#include "core/org_kind.h"
#include "core/perm.h"
#include "datefix.h"
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
  /* Art. 36(一), already proactively disclosed: its own answer, counted
  ** in row （一）予以公开 with Art. 36(二) (regulation.md §1.6). */
  const AppOutcome *o1 = app_answer(APP_ANSWER_ALREADY_PUBLIC, &zOutcome, &zBasis);
  CHECK(o1 != NULL);
  CHECK_STR(zOutcome, "results.granted"); /* same row */
  CHECK_STR(zBasis, "art36_1");
  CHECK_STR(o1->zGround, "《条例》第三十六条第（一）项");
  CHECK_STR(app_ground(o1, D("2019-01-07")),
            "《条例》（国务院令第492号）第二十一条第（一）项");
  CHECK(app_answer_of("results.granted", "art36_1") == o1);
  const AppOutcome *o2 = app_answer("results.granted", &zOutcome, &zBasis);
  CHECK(o2 != NULL);
  CHECK_STR(zBasis, "");
  CHECK_STR(o2->zGround, "《条例》第三十六条第（二）项");
  CHECK(app_answer_of("results.granted", "") == o2);
  /* 21 rows + the second answers of （一） and （四）1, each right after
  ** its row. */
  int n = 0, iRow = -1, iOther = -1, iGranted = -1, iPublic = -1;
  for (; app_answer_at(n); n++) {
    if (!strcmp(app_answer_at(n)->zId, "results.cannot_provide.not_held")) iRow = n;
    if (app_answer_at(n) == o5) iOther = n;
    if (app_answer_at(n) == o2) iGranted = n;
    if (app_answer_at(n) == o1) iPublic = n;
  }
  CHECK_INT(n, 23);
  CHECK_INT(iOther, iRow + 1);
  CHECK_INT(iGranted, 0);
  CHECK_INT(iPublic, 1);
  CHECK(app_answer("", &zOutcome, &zBasis) == NULL); /* no default */
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

TEST(duties_notices_by_step) {
  /* Each procedural step issues its notice (issue 13 §6). */
  CHECK_STR(notice_kind_for_event("correction_sent")->zId, "correction");
  CHECK_STR(notice_kind_for_event("extension")->zId, "extension");
  CHECK_STR(notice_kind_for_event("third_party_start")->zId, "third_party");
  CHECK_STR(notice_kind_for_event("disclose_notice")->zId,
            "disclose_third_party");
  CHECK_STR(notice_kind_for_event("fee_notice")->zId, "fee");
  CHECK(notice_kind_for_event("correction_received") == NULL);
  CHECK(notice_kind_for_event("answered") == NULL); /* the approval issues */
  /* Bases: Art. 31 receipt, Art. 30 correction, Art. 33 ¶2 extension. */
  CHECK_STR(notice_kind("receipt")->zBasis, "《条例》第三十一条");
  CHECK_STR(notice_kind("correction")->zBasis, "《条例》第三十条");
  CHECK_STR(notice_kind("extension")->zBasis, "《条例》第三十三条第二款");
  /* Letters to third parties are not the applicant's. */
  CHECK(!notice_kind("third_party")->bToApplicant);
  CHECK(!notice_kind("disclose_third_party")->bToApplicant);
  CHECK(notice_kind("fee")->bToApplicant);
  /* Template keys round-trip; the answer has per-answer keys instead. */
  CHECK_STR(notice_template_key(notice_kind("fee")), "notice.fee");
  CHECK(notice_kind_of_key("notice.fee") == notice_kind("fee"));
  CHECK(notice_kind_of_key("notice.answer") == NULL);
  CHECK(notice_kind_of_key("results.granted") == NULL);
  /* Every default carries the contact and the date. */
  for (int i = 0; aNoticeKind[i].zId; i++)
    if (aNoticeKind[i].zDefault) {
      CHECK(strstr(aNoticeKind[i].zDefault, "{contact}") != NULL);
      CHECK(strstr(aNoticeKind[i].zDefault, "{date}") != NULL);
    }
  char z[64];
  notice_doc_no(z, sizeof z, "宁卫健依申", 2026, 12);
  CHECK_STR(z, "宁卫健依申〔2026〕12号");
}
