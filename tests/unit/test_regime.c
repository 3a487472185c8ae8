/* test_regime.c — the rules in force by date (src/core/regime.c) and the
** clock under each regime and the new periods (src/core/deadline.c).
**
** Every date below was counted BY HAND from data/holidays_cn.csv (day 1 =
** the first working day after the start).  2019: 元旦 off 2018-12-30 ..
** 2019-01-01; 春节 off 02-04 .. 02-10, adjusted workdays Sat 02-02 and Sun
** 02-03; 劳动节 05-01..04 (Sun 05-05 worked); 端午 Fri 06-07.  2025:
** 清明 off Fri 04-04 .. Sun 04-06, no adjusted workday. */
#include <stdlib.h>
#include <string.h>

#include "../../src/core/deadline.h"
#include "../../src/core/regime.h"
#include "../../src/lib/embed.h"
#include "harness.h"
#include "datefix.h"





static DlEvent EV(DlEventKind k, const char *zDate) {
  DlEvent e = {k, D(zDate), DATE_NONE, 0, NULL};
  return e;
}

TEST(regime_by_date) {
  CHECK_INT(regime_for(D("2019-05-14"))->nAnswerDays, 15);
  CHECK_INT(regime_for(D("2019-05-14"))->nExtensionMax, 15);
  CHECK_INT(regime_for(D("2019-05-15"))->nAnswerDays, 20);
  CHECK_INT(regime_for(D("2019-05-15"))->nExtensionMax, 20);
  const char *zArt = NULL;
  /* The 2018 report: old Art. 31, 31 March for every organ. */
  CHECK_STR(F(regime_report_due(2018, 0, &zArt)), "2019-03-31");
  CHECK_STR(zArt, "原条例第三十一条");
  CHECK_STR(F(regime_report_due(2019, 0, &zArt)), "2020-01-31");
  CHECK_STR(zArt, "条例第四十九条");
  CHECK_STR(F(regime_report_due(2019, 1, NULL)), "2020-03-31");
  CHECK(!regime_fees_apply(D("2020-12-31")));
  CHECK(regime_fees_apply(D("2021-01-01")));
  CHECK(!regime_review_first(D("2023-12-31")));
  CHECK(regime_review_first(D("2024-01-01")));
}

TEST(clock_2007_regulation_before_2019_05_15) {
  Calendar cal;
  DlResult r;
  load_official(&cal);
  /* znwsj-2019-0001: received Mon 2019-01-07.  15 working days:
  ** 08..11 (4) 14..18 (9) 21..25 (14) 28 (15) -> 2019-01-28 (old Art. 24).
  ** (20 would have given 29 30 31 02-01 Sat 02-02 = 2019-02-02.) */
  DlEvent a = EV(DL_EV_ANSWERED, "2019-01-29");
  CHECK_INT(deadline_compute(&cal, D("2019-01-07"), &a, 1, NULL,
                             D("2019-03-01"), &r), DL_OK);
  CHECK_STR(F(r.dDue), "2019-01-28");
  CHECK_INT(r.eStatus, DL_ST_ANSWERED_LATE);
  CHECK_INT(r.nLeft, -1);
  CHECK(has_step(&r, "适用2007年《中华人民共和国政府信息公开条例》"
                     "（国务院令第492号）"));
  CHECK(has_step(&r, "收到申请之日起15个工作日内，即2019-01-28"
                     "（原条例第二十四条第二款）"));
  CHECK(has_step(&r, "2019-01-07 收到申请"));
  CHECK(!has_step(&r, "第三十一条"));
  deadline_result_free(&r);

  /* One extension of at most 15 working days: 16 refused; 15 from 01-28:
  ** 29 30 31 02-01 (4) Sat 02 (5) Sun 03 (6) 11..15 (11) 18..21 (15). */
  DlEvent x = EV(DL_EV_EXTENSION, "2019-01-25");
  x.nDays = 16;
  x.zText = "王主任";
  CHECK_INT(deadline_compute(&cal, D("2019-01-07"), &x, 1, NULL,
                             D("2019-01-25"), &r), DL_EINVAL);
  CHECK(r.zErr && strstr(r.zErr, "最长不得超过15个工作日"));
  CHECK(r.zErr && strstr(r.zErr, "原条例第二十四条第二款"));
  deadline_result_free(&r);
  x.nDays = 15;
  CHECK_INT(deadline_compute(&cal, D("2019-01-07"), &x, 1, NULL,
                             D("2019-01-25"), &r), DL_OK);
  CHECK_STR(F(r.dDue), "2019-02-21");
  CHECK(has_step(&r, "答复期限延长15个工作日（原条例第二十四条第二款）"));
  deadline_result_free(&r);

  /* Art. 35 did not exist; consulting another organ pauses nothing. */
  DlEvent y = EV(DL_EV_ART35, "2019-01-10");
  y.dLimit = D("2019-03-29");
  y.zText = "大量申请";
  CHECK_INT(deadline_compute(&cal, D("2019-01-07"), &y, 1, NULL,
                             D("2019-01-25"), &r), DL_EINVAL);
  deadline_result_free(&r);
  DlEvent o[2] = {EV(DL_EV_ORGAN_START, "2019-01-10"),
                  EV(DL_EV_ORGAN_END, "2019-01-21")};
  CHECK_INT(deadline_compute(&cal, D("2019-01-07"), o, 2, NULL,
                             D("2019-01-22"), &r), DL_OK);
  CHECK_STR(F(r.dDue), "2019-01-28");
  deadline_result_free(&r);
  /* A third party's time is not counted (old Art. 24 ¶3), without a limit:
  ** (01-10, 01-21] = 11 14..18 21 = 7 days; 01-28 + 7: 29 30 31 02-01 (4)
  ** Sat 02 (5) Sun 03 (6) 02-11 (7). */
  DlEvent t[2] = {EV(DL_EV_THIRD_PARTY_START, "2019-01-10"),
                  EV(DL_EV_THIRD_PARTY_END, "2019-01-21")};
  CHECK_INT(deadline_compute(&cal, D("2019-01-07"), t, 2, NULL,
                             D("2019-01-22"), &r), DL_OK);
  CHECK_STR(F(r.dDue), "2019-02-11");
  CHECK(has_step(&r, "（原条例第二十三条、原条例第二十四条第三款）"));
  deadline_result_free(&r);

  /* The boundary: Tue 2019-05-14 (old) and Wed 2019-05-15 (new).
  ** 05-14 + 15: 15 16 17 (3) 20..24 (8) 27..31 (13) 06-03 04 -> 06-04.
  ** 05-15 + 20: 16 17 (2) 20..24 (7) 27..31 (12) 06-03..06 (16),
  ** 06-07 off, 10..13 (20) -> 2019-06-13. */
  deadline_compute(&cal, D("2019-05-14"), NULL, 0, NULL, D("2019-05-14"), &r);
  CHECK_STR(F(r.dDue), "2019-06-04");
  deadline_result_free(&r);
  deadline_compute(&cal, D("2019-05-15"), NULL, 0, NULL, D("2019-05-15"), &r);
  CHECK_STR(F(r.dDue), "2019-06-13");
  CHECK(has_step(&r, "收到申请之日起20个工作日内，即2019-06-13"
                     "（第三十三条第二款）"));
  CHECK(!has_step(&r, "原条例"));
  deadline_result_free(&r);
  cal_free(&cal);
}

TEST(clock_consultation_stops_after_15_working_days) {
  Calendar cal;
  DlResult r;
  load_official(&cal);
  /* Received Mon 2025-03-03; third party asked Tue 03-04.  Its 15 days:
  ** 05 06 07 (3) 10..14 (8) 17..21 (13) 24 25 (15) -> 2025-03-25.
  ** Counted before: 03-04 (1); 19 left after 03-25: 26 27 28 (3) 31 (4)
  ** 04-01..03 (7) 04-07..11 (12) 14..18 (17) 21 22 (19) -> 2025-04-22.
  ** The reply recorded 06-30 pauses only until 03-25 (not 80 days). */
  DlEvent a[2] = {EV(DL_EV_THIRD_PARTY_START, "2025-03-04"),
                  EV(DL_EV_THIRD_PARTY_END, "2025-06-30")};
  CHECK_INT(deadline_compute(&cal, D("2025-03-03"), a, 1, NULL,
                             D("2025-03-20"), &r), DL_OK);
  CHECK_INT(r.eStatus, DL_ST_PAUSED);
  CHECK_INT(r.nLeft, 19);
  deadline_result_free(&r);
  CHECK_INT(deadline_compute(&cal, D("2025-03-03"), a, 1, NULL,
                             D("2025-03-26"), &r), DL_OK);
  CHECK_STR(F(r.dDue), "2025-04-22");
  CHECK_INT(r.eStatus, DL_ST_OPEN);
  CHECK(has_step(&r, "15个工作日内未收到意见，由行政机关依照本条例决定是否"
                     "公开"));
  deadline_result_free(&r);
  CHECK_INT(deadline_compute(&cal, D("2025-03-03"), a, 2, NULL,
                             D("2025-07-01"), &r), DL_OK);
  CHECK_STR(F(r.dDue), "2025-04-22");
  CHECK(has_step(&r, "2025-03-04 至 2025-03-25 征求第三方意见，其间15个工作日"
                     "不计入答复期限（第三十二条、第三十三条第三款）"));
  CHECK(has_step(&r, "期限只暂停至 2025-03-25"));
  deadline_result_free(&r);
  /* Another organ that stays silent consents (Art. 34): same dates. */
  DlEvent o = EV(DL_EV_ORGAN_START, "2025-03-04");
  CHECK_INT(deadline_compute(&cal, D("2025-03-03"), &o, 1, NULL,
                             D("2025-04-01"), &r), DL_OK);
  CHECK_STR(F(r.dDue), "2025-04-22");
  CHECK(has_step(&r, "视为同意公开（第三十四条）"));
  deadline_result_free(&r);
  cal_free(&cal);
}

TEST(clock_disclosure_over_objection_step) {
  Calendar cal;
  DlResult r;
  load_official(&cal);
  DlEvent n = EV(DL_EV_DISCLOSE_NOTICE, "2025-03-20");
  CHECK_INT(deadline_compute(&cal, D("2025-03-03"), &n, 1, NULL,
                             D("2025-03-20"), &r), DL_EINVAL);
  CHECK(r.zErr && strstr(r.zErr, "未征求过第三方意见"));
  deadline_result_free(&r);
  DlEvent a[4] = {EV(DL_EV_THIRD_PARTY_START, "2025-03-04"),
                  EV(DL_EV_THIRD_PARTY_END, "2025-03-14"),
                  EV(DL_EV_ANSWERED, "2025-03-20"),
                  EV(DL_EV_DISCLOSE_NOTICE, "2025-03-20")};
  CHECK_INT(deadline_compute(&cal, D("2025-03-03"), a, 4, NULL,
                             D("2025-03-20"), &r), DL_OK);
  CHECK(has_step(&r, "决定予以公开，并将决定公开的政府信息内容和理由书面告知"
                     "第三方（第三十二条）"));
  CHECK_INT(r.eStatus, DL_ST_ANSWERED);
  CHECK(deadline_event_kind("disclose_notice") == DL_EV_DISCLOSE_NOTICE);
  CHECK_STR(deadline_event_name(DL_EV_CORRECTION_EXTENDED),
            "correction_extended");
  deadline_result_free(&r);
  cal_free(&cal);
}

TEST(clock_correction_period) {
  Calendar cal;
  DlResult r;
  load_official(&cal);
  /* Notice Wed 2025-03-05 without a period: the default 15 working days:
  ** 06 07 (2) 10..14 (7) 17..21 (12) 24 25 26 (15) -> 2025-03-26.
  ** "逾期未补正" the next day, or on 03-26, is refused; 03-27 closes. */
  DlEvent a[2] = {EV(DL_EV_CORRECTION_SENT, "2025-03-05"),
                  EV(DL_EV_CORRECTION_LAPSED, "2025-03-06")};
  CHECK_INT(deadline_compute(&cal, D("2025-03-03"), a, 1, NULL,
                             D("2025-03-06"), &r), DL_OK);
  CHECK_STR(F(r.dCorrLimit), "2025-03-26");
  CHECK(has_step(&r, "补正期限至 2025-03-26（通知未载明期限"));
  deadline_result_free(&r);
  CHECK_INT(deadline_compute(&cal, D("2025-03-03"), a, 2, NULL,
                             D("2025-03-06"), &r), DL_EINVAL);
  CHECK(r.zErr && strstr(r.zErr, "补正期限至 2025-03-26"));
  deadline_result_free(&r);
  a[1].date = D("2025-03-26");
  CHECK_INT(deadline_compute(&cal, D("2025-03-03"), a, 2, NULL,
                             D("2025-03-27"), &r), DL_EINVAL);
  deadline_result_free(&r);
  a[1].date = D("2025-03-27");
  CHECK_INT(deadline_compute(&cal, D("2025-03-03"), a, 2, NULL,
                             D("2025-03-27"), &r), DL_OK);
  CHECK_INT(r.eStatus, DL_ST_ABANDONED);
  deadline_result_free(&r);
  /* A setting of 10 days: 06 07 (2) 10..14 (7) 17 18 19 -> 2025-03-19. */
  DlParams p = DL_PARAMS_DEFAULT;
  p.nCorrectionDays = 10;
  CHECK_INT(deadline_compute(&cal, D("2025-03-03"), a, 1, &p,
                             D("2025-03-06"), &r), DL_OK);
  CHECK_STR(F(r.dCorrLimit), "2025-03-19");
  deadline_result_free(&r);
  /* Extended on request to 04-09: a lapse on 03-27 is now refused. */
  DlEvent b[3] = {a[0], EV(DL_EV_CORRECTION_EXTENDED, "2025-03-20"),
                  EV(DL_EV_CORRECTION_LAPSED, "2025-03-27")};
  b[1].dLimit = D("2025-04-09");
  CHECK_INT(deadline_compute(&cal, D("2025-03-03"), b, 3, NULL,
                             D("2025-03-27"), &r), DL_EINVAL);
  CHECK(r.zErr && strstr(r.zErr, "补正期限至 2025-04-09"));
  deadline_result_free(&r);
  CHECK_INT(deadline_compute(&cal, D("2025-03-03"), b, 2, NULL,
                             D("2025-03-27"), &r), DL_OK);
  CHECK(has_step(&r, "经申请人申请，补正期限延长至 2025-04-09（第三十条）"));
  CHECK_STR(F(r.dCorrLimit), "2025-04-09");
  deadline_result_free(&r);
  /* Not later than the current period: refused. */
  b[1].dLimit = D("2025-03-26");
  CHECK_INT(deadline_compute(&cal, D("2025-03-03"), b, 2, NULL,
                             D("2025-03-27"), &r), DL_EINVAL);
  deadline_result_free(&r);
  cal_free(&cal);
}

TEST(clock_fees_only_from_2021) {
  Calendar cal;
  DlResult r;
  load_official(&cal);
  DlEvent a = EV(DL_EV_FEE_NOTICE, "2020-06-10");
  CHECK_INT(deadline_compute(&cal, D("2020-06-01"), &a, 1, NULL,
                             D("2020-06-10"), &r), DL_EINVAL);
  CHECK(r.zErr && strstr(r.zErr, "自2021年1月1日起收取"));
  deadline_result_free(&r);
  a.date = D("2021-01-06");
  CHECK_INT(deadline_compute(&cal, D("2020-12-31"), &a, 1, NULL,
                             D("2021-01-06"), &r), DL_EINVAL);
  deadline_result_free(&r);
  CHECK_INT(deadline_compute(&cal, D("2021-01-04"), &a, 1, NULL,
                             D("2021-01-06"), &r), DL_OK);
  CHECK_INT(r.eStatus, DL_ST_AWAIT_FEE);
  deadline_result_free(&r);
  cal_free(&cal);
}
