/* test_lawreview.c — an outside legal review of the application rules
** (src/core/application.c, remedy.c, deadline.c, calendar.c): cases the
** other tests do not cover, each expectation worked out by hand from the
** law (regulation.md and the statutes it names) and the official calendar
** (data/holidays_cn.csv).  Day 1 of a period is the first working day after
** its start (regulation.md §1.5). */
#include <stdlib.h>
#include <string.h>

#include "../../src/core/application.h"
#include "../../src/core/notice.h"
#include "../../src/core/remedy.h"
#include "harness.h"
#include "datefix.h"

static DlEvent EVL(DlEventKind k, const char *zDate, const char *zLimit) {
  DlEvent e = {k, D(zDate), zLimit ? D(zLimit) : DATE_NONE, 0, NULL};
  return e;
}

/* The 依据 line of an answer letter is read by the applicant: it cites
** articles, never the software's own remarks ("按本系统理解").  Art. 36(七)
** (工商、不动产登记资料等) is the basis of 行政查询事项; the request to
** confirm or reissue information already obtained rests on Art. 2 (what
** government information is) and Art. 38 (only existing information). */
TEST(lawreview_grounds_are_fit_for_a_letter) {
  for (int i = 0; app_answer_at(i); i++) {
    const AppOutcome *o = app_answer_at(i);
    CHECK(strstr(o->zGround, "本系统") == NULL);
    CHECK(strstr(o->zGround, "理解") == NULL);
  }
  CHECK_STR(app_outcome("results.denied.admin_inquiry")->zGround,
            "《条例》第三十六条第（七）项");
  CHECK_STR(app_outcome("results.not_processed.confirm_or_reissue")->zGround,
            "《条例》第二条、第三十八条");
}

/* 行政诉讼法 as revised 2014-11-01, in force 2015-05-01, Art. 46: six
** months from knowing of the act; before, the 1989 Act Art. 39: three
** months.  An answer of Thu 2015-04-30 gives three months, one of Fri
** 2015-05-01 six.  Reconsideration: 60 days throughout (行政复议法 1999
** Art. 9). */
TEST(lawreview_litigation_period_before_2015_05_01) {
  char *z = remedy_text(D("2015-04-30"), "results.granted", NULL);
  CHECK_STR(z, "如对本答复不服，可以自收到本告知书之日起六十日内依法申请行政"
               "复议，或者自收到本告知书之日起三个月内依法向人民法院提起行政"
               "诉讼。");
  free(z);
  z = remedy_text(D("2012-06-01"), "results.denied.state_secret", NULL);
  CHECK(strstr(z, "三个月内依法向人民法院提起行政诉讼") != NULL);
  free(z);
  z = remedy_text(D("2015-05-01"), "results.granted", NULL);
  CHECK(strstr(z, "六个月内依法向人民法院提起行政诉讼") != NULL);
  CHECK(strstr(z, "三个月") == NULL);
  free(z);
}

/* A correction period the organ sets as a calendar date that falls on a
** statutory holiday ends on the first working day after it (民法典 Art. 203
** ¶1, regulation.md §1.5).  Application received Mon 2024-09-23 (2019
** Regulation).  Notice Wed 09-25 with the limit Tue 2024-10-01 (国庆, off
** 10-01..10-07; Sat 10-12 and Sun 09-29 worked): the period runs to Tue
** 2024-10-08.  "逾期未补正" on 10-08 is refused; on 10-09 it is accepted. */
TEST(lawreview_correction_limit_on_a_holiday_moves_on) {
  Calendar cal;
  DlResult r;
  load_official(&cal);
  DlEvent a[2] = {EVL(DL_EV_CORRECTION_SENT, "2024-09-25", "2024-10-01"),
                  EVL(DL_EV_CORRECTION_LAPSED, "2024-10-02", NULL)};
  CHECK_INT(deadline_compute(&cal, D("2024-09-23"), a, 1, NULL,
                             D("2024-09-26"), &r), DL_OK);
  CHECK_STR(F(r.dCorrLimit), "2024-10-08");
  CHECK(has_step(&r, "2024-10-01 不是工作日，顺延至 2024-10-08"));
  deadline_result_free(&r);
  CHECK_INT(deadline_compute(&cal, D("2024-09-23"), a, 2, NULL,
                             D("2024-10-02"), &r), DL_EINVAL);
  deadline_result_free(&r);
  a[1].date = D("2024-10-08");
  CHECK_INT(deadline_compute(&cal, D("2024-09-23"), a, 2, NULL,
                             D("2024-10-08"), &r), DL_EINVAL);
  deadline_result_free(&r);
  a[1].date = D("2024-10-09");
  CHECK_INT(deadline_compute(&cal, D("2024-09-23"), a, 2, NULL,
                             D("2024-10-09"), &r), DL_OK);
  CHECK_INT(r.eStatus, DL_ST_ABANDONED);
  deadline_result_free(&r);
  /* An ordinary Sunday too: limit Sun 2025-03-23 -> Mon 2025-03-24. */
  DlEvent b = EVL(DL_EV_CORRECTION_SENT, "2025-03-05", "2025-03-23");
  CHECK_INT(deadline_compute(&cal, D("2025-03-03"), &b, 1, NULL,
                             D("2025-03-06"), &r), DL_OK);
  CHECK_STR(F(r.dCorrLimit), "2025-03-24");
  deadline_result_free(&r);
  /* A limit on an adjusted working day stays: Sun 2024-09-29 was worked. */
  b = EVL(DL_EV_CORRECTION_SENT, "2024-09-25", "2024-09-29");
  CHECK_INT(deadline_compute(&cal, D("2024-09-23"), &b, 1, NULL,
                             D("2024-09-26"), &r), DL_OK);
  CHECK_STR(F(r.dCorrLimit), "2024-09-29");
  deadline_result_free(&r);
  cal_free(&cal);
}

/* The same for an Art. 35 deadline and a payment deadline.  Art. 35:
** received Mon 2025-09-01, the organ fixes Wed 2025-10-01 (国庆+中秋, off
** 10-01..10-08, Sat 10-11 worked): the answer is due Thu 2025-10-09.
** Fee: notice Mon 2025-03-03 (received Mon 03-03) with the limit Sat
** 2025-05-03 (劳动节 off 05-01..05-05): the last day is Tue 2025-05-06, so
** "逾期未缴费" on 05-06 is refused.  (20 WD from 03-03 end on 03-31, so
** the limit itself is long enough.) */
TEST(lawreview_art35_and_fee_limits_on_a_holiday) {
  Calendar cal;
  DlResult r;
  load_official(&cal);
  DlEvent a = EVL(DL_EV_ART35, "2025-09-05", "2025-10-01");
  a.zText = "申请数量明显超过合理范围";
  CHECK_INT(deadline_compute(&cal, D("2025-09-01"), &a, 1, NULL,
                             D("2025-09-05"), &r), DL_OK);
  CHECK_STR(F(r.dDue), "2025-10-09");
  deadline_result_free(&r);
  DlEvent f[2] = {EVL(DL_EV_FEE_NOTICE, "2025-03-03", "2025-05-03"),
                  EVL(DL_EV_FEE_LAPSED, "2025-05-06", NULL)};
  CHECK_INT(deadline_compute(&cal, D("2025-03-03"), f, 1, NULL,
                             D("2025-03-04"), &r), DL_OK);
  CHECK_STR(F(r.dFeeLimit), "2025-05-06");
  deadline_result_free(&r);
  CHECK_INT(deadline_compute(&cal, D("2025-03-03"), f, 2, NULL,
                             D("2025-05-06"), &r), DL_EINVAL);
  deadline_result_free(&r);
  f[1].date = D("2025-05-07");
  CHECK_INT(deadline_compute(&cal, D("2025-03-03"), f, 2, NULL,
                             D("2025-05-07"), &r), DL_OK);
  CHECK_INT(r.eStatus, DL_ST_FEE_UNPAID);
  deadline_result_free(&r);
  cal_free(&cal);
}

/* A year whose holiday notice is not loaded still has the holidays the
** law fixes by date (全国年节及纪念日放假办法, 2024 revision Art. 2): 元旦
** 1 January; 劳动节 1 and 2 May (from 2025; 1 May before); 国庆节 1–3
** October.  Only the lunar festivals and the 调休 days need the notice, so
** the clock still warns.  Received Thu 2026-12-10: 12-11 (1), 14..18 (6),
** 21..25 (11), 28..31 (15), [Fri 2027-01-01 元旦], 01-04..08 (20) ->
** 2027-01-08 (the Mon–Fri guess gave 01-07).  2027-05-03 is a Monday:
** received Fri 2027-04-30 with 3 WD: [Sat 05-01, Sun 05-02] 05-03 (1)
** 05-04 (2) 05-05 (3); 2028-10-02 and -03 are Mon/Tue: from Fri
** 2028-09-29, 1 WD -> Wed 10-04. */
TEST(lawreview_uncovered_year_keeps_fixed_statutory_holidays) {
  Calendar cal;
  DlResult r;
  load_official(&cal);
  CHECK(!cal_is_workday(&cal, D("2027-01-01")));
  CHECK(!cal_is_workday(&cal, D("2028-10-02")));
  CHECK(!cal_is_workday(&cal, D("2028-10-03")));
  CHECK(cal_is_workday(&cal, D("2027-05-03")));   /* 05-01/02 fell on a weekend */
  CHECK_STR(F(cal_add_workdays(&cal, D("2027-04-30"), 3)), "2027-05-05");
  CHECK_STR(F(cal_add_workdays(&cal, D("2028-09-29"), 1)), "2028-10-04");
  CHECK(!cal_is_workday(&cal, D("2029-05-02")));  /* Wed, 2024 revision */
  CHECK(!cal_is_workday(&cal, D("2017-05-01")));  /* Mon, 2013 revision */
  CHECK(cal_is_workday(&cal, D("2017-05-02")));   /* one day before 2025 */
  CHECK_INT(cal_workdays_between(&cal, D("2026-12-31"), D("2027-01-04")), 1);
  deadline_compute(&cal, D("2026-12-10"), NULL, 0, NULL, D("2026-12-10"), &r);
  CHECK_STR(F(r.dDue), "2027-01-08");
  CHECK(r.bUncovered);
  CHECK(has_step(&r, "尚未载入2027年的法定节假日安排"));
  deadline_result_free(&r);
  /* Official data for a year replaces the rule: a loaded 2018 keeps
  ** 2018-05-01 off and 2018-05-02 (Wed) worked, as the notice said. */
  CHECK(!cal_is_workday(&cal, D("2018-05-01")));
  CHECK(cal_is_workday(&cal, D("2018-05-02")));
  cal_free(&cal);
}

/* An application received before 2019-05-15 is handled under the 2007
** Regulation (国务院令第492号; regulation.md §9), and so are its letters:
** they cite its articles, not the 2019 numbering.  2007 text: Art. 8 (三安全
** 一稳定), Art. 14 ¶4 (state secrets, trade secrets, privacy), Art. 21 (the
** answers: (一) within the scope of disclosure — how to obtain it; (二)
** outside it — say so with reasons; (三) not this organ's or does not
** exist — say so, naming the organ when known; (四) unclear — ask for
** 更改、补充), Art. 22 (separable parts), Art. 23 (third parties, no time
** limit), Art. 24 ¶2 (15 + 15 working days).  It has no receipt-date rule
** (Art. 31 is 2019's). */
TEST(lawreview_letters_under_the_2007_regulation) {
  Date d2007 = D("2019-01-07"), d2019 = D("2019-05-15");
  static const struct { const char *zId, *zGround; } aCase[] = {
      {"results.granted", "《条例》（国务院令第492号）第二十一条第（一）项"},
      {"results.partial", "《条例》（国务院令第492号）第二十二条"},
      {"results.denied.state_secret",
       "《条例》（国务院令第492号）第十四条第四款、第二十一条第（二）项"},
      {"results.denied.three_security_one_stability",
       "《条例》（国务院令第492号）第八条、第二十一条第（二）项"},
      {"results.denied.third_party",
       "《条例》（国务院令第492号）第十四条第四款、第二十三条"},
      {"results.denied.process_info",
       "《条例》（国务院令第492号）第二十一条第（二）项"},
      {"results.cannot_provide.not_held",
       "《条例》（国务院令第492号）第二十一条第（三）项"},
      {APP_ANSWER_OTHER_ORGAN,
       "《条例》（国务院令第492号）第二十一条第（三）项"},
      {"results.cannot_provide.still_unclear",
       "《条例》（国务院令第492号）第二十一条第（四）项"},
      {"results.other.no_correction",
       "《条例》（国务院令第492号）第二十一条第（四）项"},
  };
  for (size_t i = 0; i < sizeof aCase / sizeof aCase[0]; i++) {
    const char *zRow, *zBasis;
    const AppOutcome *o = app_answer(aCase[i].zId, &zRow, &zBasis);
    CHECK(o != NULL);
    if (!o) continue;
    CHECK_STR(app_ground(o, d2007), aCase[i].zGround);
    CHECK_STR(app_ground(o, d2019), o->zGround);
  }
  /* No 2007 ground cites an article only the 2019 text has. */
  for (int i = 0; app_answer_at(i); i++) {
    const char *z = app_ground(app_answer_at(i), d2007);
    CHECK(strstr(z, "第三十") == NULL);
    CHECK(strstr(z, "第十五条") == NULL && strstr(z, "第十六条") == NULL);
  }
  /* The procedural notices. */
  const char *z = notice_default_text(notice_kind("extension"), d2007);
  CHECK(strstr(z, "第二十四条第二款") != NULL);
  CHECK(strstr(z, "第三十三条") == NULL);
  z = notice_default_text(notice_kind("correction"), d2007);
  CHECK(strstr(z, "第二十一条第（四）项") != NULL);
  CHECK(strstr(z, "第三十条") == NULL);
  z = notice_default_text(notice_kind("receipt"), d2007);
  CHECK(strstr(z, "第三十一条") == NULL);
  z = notice_default_text(notice_kind("third_party"), d2007);
  CHECK(strstr(z, "第二十三条") != NULL);
  CHECK(strstr(z, "15个工作日") == NULL && strstr(z, "第三十二条") == NULL);
  z = notice_default_text(notice_kind("disclose_third_party"), d2007);
  CHECK(strstr(z, "第二十三条") != NULL && strstr(z, "第三十二条") == NULL);
  /* From 2019-05-15 the defaults are the 2019 texts. */
  CHECK_STR(notice_default_text(notice_kind("extension"), d2019),
            notice_kind("extension")->zDefault);
}

/* The fee notice must describe the clock the software keeps: the time from
** the notice to the payment is not counted in the answer period (the
** clock's default, DlParams.bFeeWaitCounted = 0; regulation.md §9 and
** fees.json: "the period from notice to payment is believed not to count"),
** so the days used before the notice are not given back — the period does
** not start afresh on payment (that is the rule for 补正 only, Art. 30). */
TEST(lawreview_fee_notice_matches_the_clock) {
  const char *z = notice_default_text(notice_kind("fee"), D("2025-03-03"));
  CHECK(strstr(z, "答复期限自您缴纳费用之日起计算") == NULL);
  CHECK(strstr(z, "自本机关发出收费通知之日至您缴纳费用之日的期间，不计算在"
                  "答复期限内") != NULL);
}

/* The answer period over each year's National Day / Spring Festival with
** its 调休 days, counted by hand from regulation.md §4 (which matches
** data/holidays_cn.csv).  No events: the due date is the n-th working day
** after receipt (day 1 = the first working day after it). */
TEST(lawreview_answer_period_across_the_years) {
  Calendar cal;
  DlResult r;
  load_official(&cal);
  static const struct { const char *zRec, *zDue; } a[] = {
      /* 2018, 2007 Regulation, 15 WD; 国庆 off 10-01..07, Sat 09-29 and
      ** Sun 09-30 worked.  Tue 09-25: 26 27 28 (3) Sat 29 (4) Sun 30 (5)
      ** 10-08..12 (10) 15..19 (15). */
      {"2018-09-25", "2018-10-19"},
      /* 2020 春节 extended to Sun 02-02 (Sat 02-01 no longer worked).
      ** Mon 01-20: 21 22 23 (3) 02-03..07 (8) 10..14 (13) 17..21 (18)
      ** 24 25 (20). */
      {"2020-01-20", "2020-02-25"},
      /* 2021 中秋 off 09-19..21 (Sat 09-18 worked), 国庆 off 10-01..07 (Sun
      ** 09-26, Sat 10-09 worked).  Wed 09-15: 16 17 (2) Sat 18 (3) 22 23
      ** 24 (6) Sun 26 (7) 27..30 (11) Fri 10-08 (12) Sat 09 (13) 11..15
      ** (18) 18 19 (20). */
      {"2021-09-15", "2021-10-19"},
      /* 2022 国庆 off 10-01..07, Sat 10-08 and Sun 10-09 worked.  Thu
      ** 09-29: 30 (1) Sat 10-08 (2) Sun 09 (3) 10..14 (8) 17..21 (13)
      ** 24..28 (18) 31 (19) 11-01 (20). */
      {"2022-09-29", "2022-11-01"},
      /* 2023 中秋+国庆 off 09-29..10-06, Sat 10-07 and Sun 10-08 worked.
      ** Mon 09-25: 26 27 28 (3) Sat 10-07 (4) Sun 08 (5) 09..13 (10)
      ** 16..20 (15) 23..27 (20). */
      {"2023-09-25", "2023-10-27"},
      /* Received on a day off, Sat 2024-02-10 (春节 off 02-10..17, Sun
      ** 02-18 worked): Sun 18 (1) 19..23 (6) 26..03-01 (11) 04..08 (16)
      ** 11..14 (20). */
      {"2024-02-10", "2024-03-14"},
      /* Received on an adjusted working day, Sun 2024-02-04: 05..09 (5)
      ** Sun 18 (6) 19..23 (11) 26..03-01 (16) 04..07 (20). */
      {"2024-02-04", "2024-03-07"},
  };
  for (size_t i = 0; i < sizeof a / sizeof a[0]; i++) {
    CHECK_INT(deadline_compute(&cal, D(a[i].zRec), NULL, 0, NULL,
                               D(a[i].zRec), &r), DL_OK);
    CHECK_STR(F(r.dDue), a[i].zDue);
    CHECK(!r.bUncovered);
    deadline_result_free(&r);
  }
  cal_free(&cal);
}

/* The 2007 Regulation applied from 2008-05-01, so its 15 working days are
** counted on the official calendars of 2008-2017 too (data/holidays_cn.csv,
** from the gov.cn notices via holiday-cn, checked against
** chinese-calendar).  Before they were loaded only the fixed-date holidays
** were known: the lunar festivals and the make-up days were missed.
**  - 2015 春节 off 02-18..24, Sun 02-15 and Sat 02-28 worked.  Mon 02-16:
**    Tue 17 (1) 25 26 27 (4) Sat 28 (5) 03-02..06 (10) 09..13 (15):
**    2015-03-13 (the weekdays alone would give 03-09).
**  - 2015 抗战胜利70周年 off Thu 09-03 and Fri 09-04, Sun 09-06 worked.  Wed
**    09-02: Sun 06 (1) 07..11 (6) 14..18 (11) 21..24 (15): 2015-09-24.
**  - 2010 中秋 off 09-22..24 (Sun 09-19, Sat 09-25 worked), 国庆 off
**    10-01..07 (Sun 09-26, Sat 10-09 worked).  Fri 09-17: Sun 19 (1) 20
**    21 (3) Sat 25 (4) Sun 26 (5) 27..30 (9) Fri 10-08 (10) Sat 09 (11)
**    11..14 (15): 2010-10-14.
**  - 2008 端午 off 06-07..09 (Mon 06-09 a weekday); received Fri 2008-05-30,
**    the Regulation's first month: 06-02..06 (5) 10..13 (9) 16..20 (14) 23
**    (15): 2008-06-23. */
TEST(lawreview_2007_regime_on_the_official_calendar_2008_2017) {
  Calendar cal;
  DlResult r;
  load_official(&cal);
  static const struct { const char *zRec, *zDue; } a[] = {
      {"2015-02-16", "2015-03-13"},
      {"2015-09-02", "2015-09-24"},
      {"2010-09-17", "2010-10-14"},
      {"2008-05-30", "2008-06-23"},
  };
  for (size_t i = 0; i < sizeof a / sizeof a[0]; i++) {
    deadline_compute(&cal, D(a[i].zRec), NULL, 0, NULL, D("2019-01-01"), &r);
    CHECK_STR(F(r.dDue), a[i].zDue);
    CHECK(!r.bUncovered);
    deadline_result_free(&r);
  }
  cal_free(&cal);
}
