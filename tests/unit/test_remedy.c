/* test_remedy.c — the remedy paragraphs by answer date and outcome
** (src/core/remedy.c).  Expected texts written from 行政复议法 (2023)
** Arts. 20, 23 ¶1(四), ¶2, 24 and 行政诉讼法 Arts. 45, 46: before
** 2024-01-01 either route (60 days / 6 months); from 2024-01-01 不予公开
** and the withheld part of 部分公开 go to reconsideration first, naming the
** organ. */
#include <stdlib.h>
#include <string.h>

#include "../../src/core/remedy.h"
#include "harness.h"
#include "datefix.h"


static const char zEither[] =
    "如对本答复不服，可以自收到本告知书之日起六十日内依法申请行政复议，"
    "或者自收到本告知书之日起六个月内依法向人民法院提起行政诉讼。";

TEST(remedy_before_2024_either_route) {
  char *z = remedy_text(D("2023-12-31"), "results.denied.third_party",
                        "中宁县人民政府");
  CHECK_STR(z, zEither);
  free(z);
  z = remedy_text(D("2019-02-03"), "results.partial", "中宁县人民政府");
  CHECK_STR(z, zEither);
  free(z);
  CHECK(!remedy_review_first(D("2023-12-31"), "results.denied.state_secret"));
}

TEST(remedy_from_2024_refusal_reconsideration_first) {
  char *z = remedy_text(D("2024-01-01"), "results.denied.process_info",
                        "中宁县人民政府");
  CHECK_STR(z, "如对本机关不予公开的决定不服的，应当自收到本告知书之日起六十日内"
               "先向中宁县人民政府申请行政复议；对行政复议决定不服的，可以自收到"
               "行政复议决定书之日起十五日内依法向人民法院提起行政诉讼（《中华人民"
               "共和国行政复议法》第二十三条第一款第（四）项、第二款，《中华人民"
               "共和国行政诉讼法》第四十五条）。");
  free(z);
  /* Partial: the withheld part first to reconsideration, the rest either. */
  z = remedy_text(D("2024-05-06"), "results.partial", "");
  CHECK(strstr(z, "如对本答复中不予公开的部分不服的，应当自收到本告知书之日起"
                  "六十日内先向本机关的同级人民政府申请行政复议") != NULL);
  CHECK(strstr(z, "\n对本答复的其他内容不服的，可以自收到本告知书之日起六十日"
                  "内依法申请行政复议，或者自收到本告知书之日起六个月内") != NULL);
  free(z);
  /* Other answers keep either route after 2024, too, and name the
  ** reconsideration organ: 行政复议法 (2023) Art. 20 ¶3 — a decision that
  ** does not tell the applicant the organ leaves the 60 days running from
  ** when he learns it (up to a year); Art. 24: a department's cases go to
  ** the government at its level.  Without an organ the sentence is the old
  ** one; before 2024 (the 1999 Act, a department's case could also go to
  ** the department above) none is named. */
  static const char zNamed[] =
      "如对本答复不服，可以自收到本告知书之日起六十日内依法向中宁县人民政府"
      "申请行政复议，或者自收到本告知书之日起六个月内依法向人民法院提起行政"
      "诉讼。";
  z = remedy_text(D("2024-05-06"), "results.granted", "中宁县人民政府");
  CHECK_STR(z, zNamed);
  free(z);
  z = remedy_text(D("2024-01-01"), "results.cannot_provide.not_held",
                  "中宁县人民政府");
  CHECK_STR(z, zNamed);
  free(z);
  z = remedy_text(D("2024-05-06"), NULL, "中宁县人民政府");
  CHECK_STR(z, zNamed);
  free(z);
  z = remedy_text(D("2024-05-06"), "results.granted", "");
  CHECK_STR(z, zEither);
  free(z);
  z = remedy_text(D("2023-12-31"), "results.granted", "中宁县人民政府");
  CHECK_STR(z, zEither);
  free(z);
}

TEST(remedy_guide_by_date) {
  char *z = remedy_guide_text(D("2023-12-31"), "中宁县人民政府");
  CHECK(strstr(z, "先向") == NULL);
  free(z);
  z = remedy_guide_text(D("2024-01-01"), "中宁县人民政府");
  CHECK(strstr(z, "应当先向中宁县人民政府申请行政复议") != NULL);
  CHECK(strstr(z, "第二十三条") != NULL);
  free(z);
}
