/* test_deadline.c — the application answer clock (src/core/deadline.c).
**
** All dates were counted BY HAND from data/holidays_cn.csv; day 1 is the
** first working day after the start date.  2024 facts used below:
**   春节 off Sat 02-10 .. Sat 02-17, adjusted workdays Sun 02-04, Sun 02-18;
**   清明 off Thu 04-04 .. Sat 04-06, adjusted workday Sun 04-07;
**   劳动节 off Wed 05-01 .. Sun 05-05, adjusted workdays Sun 04-28, Sat 05-11.
** Receipt Mon 2024-02-05, 20 working days: 02-06..09 (4), Sun 02-18 (5),
** 02-19..23 (10), 02-26..03-01 (15), 03-04..08 (20) -> 2024-03-08. */
#include <stdlib.h>
#include <string.h>

#include "../../src/core/deadline.h"
#include "../../src/lib/embed.h"
#include "harness.h"
#include "datefix.h"





/* Number of warning steps. */
static int n_warn(const DlResult *r) {
  int n = 0;
  for (int i = 0; i < r->nStep; i++) n += r->aStep[i].bWarn;
  return n;
}

static DlEvent EV(DlEventKind k, const char *zDate) {
  DlEvent e = {k, D(zDate), DATE_NONE, 0, NULL};
  return e;
}

TEST(deadline_basic_across_spring_festival_2024) {
  Calendar cal;
  DlResult r;
  load_official(&cal);
  CHECK_INT(deadline_compute(&cal, D("2024-02-05"), NULL, 0, NULL,
                             D("2024-03-01"), &r), DL_OK);
  CHECK_STR(F(r.dDue), "2024-03-08");
  CHECK_INT(r.nStep, 2);
  CHECK_STR(r.aStep[0].zText, "2024-02-05 收到申请（第三十一条）");
  CHECK_STR(r.aStep[1].zText,
            "答复期限：收到申请之日起20个工作日内，即2024-03-08"
            "（第三十三条第二款）");
  CHECK_INT(r.eStatus, DL_ST_OPEN);
  CHECK_INT(r.nLeft, 5);                        /* 03-04..08 */
  CHECK(!r.bUncovered);
  deadline_result_free(&r);

  deadline_compute(&cal, D("2024-02-05"), NULL, 0, NULL, D("2024-03-05"), &r);
  CHECK_INT(r.eStatus, DL_ST_DUE_SOON);
  CHECK_INT(r.nLeft, 3);                        /* 06, 07, 08 */
  deadline_result_free(&r);
  deadline_compute(&cal, D("2024-02-05"), NULL, 0, NULL, D("2024-03-08"), &r);
  CHECK_INT(r.eStatus, DL_ST_DUE_SOON);
  CHECK_INT(r.nLeft, 0);
  deadline_result_free(&r);
  deadline_compute(&cal, D("2024-02-05"), NULL, 0, NULL, D("2024-03-11"), &r);
  CHECK_INT(r.eStatus, DL_ST_OVERDUE);
  CHECK_INT(r.nLeft, -1);
  CHECK_STR(deadline_status_label(r.eStatus), "已超期");
  deadline_result_free(&r);
  cal_free(&cal);
}

TEST(deadline_other_years) {
  Calendar cal;
  DlResult r;
  load_official(&cal);
  /* 2026 春节: off Sun 02-15 .. Mon 02-23, work Sat 02-14 and Sat 02-28.
  ** Receipt Tue 02-10: 11 12 13 (3) Sat 14 (4) 24..27 (8) Sat 28 (9)
  ** 03-02..06 (14) 03-09..13 (19) 03-16 (20). */
  deadline_compute(&cal, D("2026-02-10"), NULL, 0, NULL, D("2026-02-10"), &r);
  CHECK_STR(F(r.dDue), "2026-03-16");
  deadline_result_free(&r);
  /* 2025 国庆+中秋: off Wed 10-01 .. Wed 10-08, work Sun 09-28, Sat 10-11.
  ** Receipt Mon 09-22: 23..26 (4) Sun 28 (5) 29 30 (7) 10-09 10 (9)
  ** Sat 11 (10) 13..17 (15) 20..24 (20). */
  deadline_compute(&cal, D("2025-09-22"), NULL, 0, NULL, D("2025-09-22"), &r);
  CHECK_STR(F(r.dDue), "2025-10-24");
  deadline_result_free(&r);
  /* 2026-12-10 Thu: 11 (1) 14..18 (6) 21..25 (11) 28..31 (15), then 2027
  ** (no notice loaded: Mon-Fri less the dates the law fixes, so Fri 01-01
  ** 元旦 is off): 01-04..08 (20). */
  deadline_compute(&cal, D("2026-12-10"), NULL, 0, NULL, D("2026-12-10"), &r);
  CHECK_STR(F(r.dDue), "2027-01-08");
  CHECK(r.bUncovered);
  CHECK(has_step(&r, "尚未载入2027年的法定节假日安排"));
  deadline_result_free(&r);
  cal_free(&cal);
}

TEST(deadline_receipt_date_art31) {
  Calendar cal;
  char *z = NULL;
  load_official(&cal);
  CHECK_STR(F(deadline_receipt_date(DL_CH_IN_PERSON, D("2024-02-05"), &cal,
                                    &z)), "2024-02-05");
  CHECK(z && strstr(z, "以提交之日为收到申请之日（第三十一条第一项）"));
  CHECK(z && !strstr(z, "非工作日"));
  free(z);
  CHECK_STR(F(deadline_receipt_date(DL_CH_POST_SIGNED, D("2024-02-06"), &cal,
                                    &z)), "2024-02-06");
  CHECK(z && strstr(z, "签收之日"));
  free(z);
  CHECK_STR(F(deadline_receipt_date(DL_CH_POST_ORDINARY, D("2024-02-07"),
                                    &cal, &z)), "2024-02-07");
  CHECK(z && strstr(z, "与申请人确认之日"));
  free(z);
  /* Online, confirmed on Sat 2024-02-10 (春节): noted as a non-working day. */
  CHECK_STR(F(deadline_receipt_date(DL_CH_ONLINE, D("2024-02-10"), &cal, &z)),
            "2024-02-10");
  CHECK(z && strstr(z, "双方确认之日") && strstr(z, "非工作日"));
  free(z);
  CHECK_STR(F(deadline_receipt_date(DL_CH_FAX, D("2024-02-08"), NULL, &z)),
            "2024-02-08");
  CHECK(z && strstr(z, "传真") && strstr(z, "第三十一条第三项"));
  free(z);
  CHECK_INT(deadline_receipt_date((DlChannel)99, D("2024-02-08"), &cal, &z),
            DATE_NONE);
  CHECK(z == NULL);
  cal_free(&cal);
}

TEST(deadline_correction_restart) {
  Calendar cal;
  DlResult r;
  load_official(&cal);
  /* Receipt Mon 2024-04-01.  7 working days: 02 03 (2) Sun 04-07 (3)
  ** 08 09 10 11 (7) -> notice due by 04-11; sent 04-09 = on time.
  ** Corrected application received Mon 04-15; 20 days from there:
  ** 16..19 (4) 22..26 (9) Sun 28 (10) 29 30 (12) 05-06..10 (17)
  ** Sat 05-11 (18) 13 (19) 14 (20) -> 2024-05-14. */
  DlEvent a[2] = {EV(DL_EV_CORRECTION_SENT, "2024-04-09"),
                  EV(DL_EV_CORRECTION_RECEIVED, "2024-04-15")};
  a[0].dLimit = D("2024-04-19");
  CHECK_INT(deadline_compute(&cal, D("2024-04-01"), a, 1, NULL,
                             D("2024-04-10"), &r), DL_OK);
  CHECK_INT(r.eStatus, DL_ST_AWAIT_CORRECTION);
  CHECK_INT(r.dDue, DATE_NONE);
  CHECK_INT(n_warn(&r), 0);
  CHECK(has_step(&r, "2024-04-09 发出补正通知，一次性告知申请人需要补正的事项"
                     "，补正期限至 2024-04-19（第三十条）"));
  deadline_result_free(&r);

  CHECK_INT(deadline_compute(&cal, D("2024-04-01"), a, 2, NULL,
                             D("2024-04-16"), &r), DL_OK);
  CHECK_STR(F(r.dReceipt), "2024-04-15");
  CHECK_STR(F(r.dDue), "2024-05-14");
  CHECK_INT(r.eStatus, DL_ST_OPEN);
  CHECK(has_step(&r, "2024-04-15 收到补正后的申请，答复期限自该日起重新计算"
                     "（第三十条）"));
  CHECK(has_step(&r, "收到补正后的申请之日起20个工作日内，即2024-05-14"));
  deadline_result_free(&r);

  /* Same, but the notice goes out Fri 04-12: one working day late. */
  a[0].date = D("2024-04-12");
  CHECK_INT(deadline_compute(&cal, D("2024-04-01"), a, 2, NULL,
                             D("2024-04-16"), &r), DL_OK);
  CHECK_INT(n_warn(&r), 1);
  CHECK(has_step(&r, "不迟于 2024-04-11；本次迟延1个工作日（第三十条）"));
  CHECK_STR(F(r.dDue), "2024-05-14");
  deadline_result_free(&r);

  /* A second correction notice is refused (Art. 30: once). */
  DlEvent b[3] = {EV(DL_EV_CORRECTION_SENT, "2024-04-09"),
                  EV(DL_EV_CORRECTION_RECEIVED, "2024-04-15"),
                  EV(DL_EV_CORRECTION_SENT, "2024-04-17")};
  CHECK_INT(deadline_compute(&cal, D("2024-04-01"), b, 3, NULL,
                             D("2024-04-18"), &r), DL_EINVAL);
  CHECK(r.zErr && strstr(r.zErr, "补正通知只能发出一次"));
  deadline_result_free(&r);
  cal_free(&cal);
}

TEST(deadline_correction_abandoned) {
  Calendar cal;
  DlResult r;
  load_official(&cal);
  DlEvent a[2] = {EV(DL_EV_CORRECTION_SENT, "2024-04-09"),
                  EV(DL_EV_CORRECTION_LAPSED, "2024-04-22")};
  a[0].dLimit = D("2024-04-19");
  /* Still waiting on 04-22 without a lapse event: flagged. */
  CHECK_INT(deadline_compute(&cal, D("2024-04-01"), a, 1, NULL,
                             D("2024-04-22"), &r), DL_OK);
  CHECK_INT(r.eStatus, DL_ST_AWAIT_CORRECTION);
  CHECK(has_step(&r, "补正期限 2024-04-19 已过"));
  deadline_result_free(&r);
  CHECK_INT(deadline_compute(&cal, D("2024-04-01"), a, 2, NULL,
                             D("2024-04-23"), &r), DL_OK);
  CHECK_INT(r.eStatus, DL_ST_ABANDONED);
  CHECK_INT(r.dDue, DATE_NONE);
  CHECK(has_step(&r, "视为放弃申请"));
  deadline_result_free(&r);
  /* The lapse cannot be recorded on the last day of the period. */
  a[1].date = D("2024-04-19");
  CHECK_INT(deadline_compute(&cal, D("2024-04-01"), a, 2, NULL,
                             D("2024-04-23"), &r), DL_EINVAL);
  deadline_result_free(&r);
  cal_free(&cal);
}

TEST(deadline_third_party_pause) {
  Calendar cal;
  DlResult r;
  load_official(&cal);
  /* Receipt 2024-02-05 (plain due 03-08).  Third party consulted Tue 02-20,
  ** reply Wed 02-28: (02-20, 02-28] = 21 22 23 26 27 28 = 6 days paused.
  ** Counted before: 06 07 08 09, Sun 18, 19, 20 = 7; 13 left after 02-28:
  ** 29 (1) 03-01 (2) 03-04..08 (7) 03-11..15 (12) 03-18 (13).
  ** Third party's own 15 days from 02-20: 21..03-01 (8) 03-04..08 (13)
  ** 11 (14) 12 (15) -> 2024-03-12. */
  DlEvent a[2] = {EV(DL_EV_THIRD_PARTY_START, "2024-02-20"),
                  EV(DL_EV_THIRD_PARTY_END, "2024-02-28")};
  CHECK_INT(deadline_compute(&cal, D("2024-02-05"), a, 1, NULL,
                             D("2024-02-26"), &r), DL_OK);
  CHECK_INT(r.eStatus, DL_ST_PAUSED);
  CHECK_INT(r.nLeft, 13);
  CHECK_INT(r.dDue, DATE_NONE);
  CHECK(has_step(&r, "自发出之日起算为 2024-03-12"));
  deadline_result_free(&r);

  CHECK_INT(deadline_compute(&cal, D("2024-02-05"), a, 2, NULL,
                             D("2024-02-29"), &r), DL_OK);
  CHECK_STR(F(r.dDue), "2024-03-18");
  CHECK_INT(r.eStatus, DL_ST_OPEN);
  CHECK(has_step(&r, "2024-02-20 至 2024-02-28 征求第三方意见，其间6个工作日"
                     "不计入答复期限（第三十二条、第三十三条第三款）"));
  CHECK(has_step(&r, "扣除不计入期限的时间后，答复期限届满日为 2024-03-18"
                     "（第三十三条）"));
  deadline_result_free(&r);

  /* Events given out of order are sorted by date. */
  DlEvent b[2] = {a[1], a[0]};
  CHECK_INT(deadline_compute(&cal, D("2024-02-05"), b, 2, NULL,
                             D("2024-02-29"), &r), DL_OK);
  CHECK_STR(F(r.dDue), "2024-03-18");
  deadline_result_free(&r);

  /* Overlapping Art. 34 consultation Thu 02-22 .. Fri 03-01: the union
  ** (02-20, 03-01] pauses 8 days; 03-08 + 8 = 11..15 (5) 18 19 20. */
  DlEvent c[4] = {a[0], a[1], EV(DL_EV_ORGAN_START, "2024-02-22"),
                  EV(DL_EV_ORGAN_END, "2024-03-01")};
  CHECK_INT(deadline_compute(&cal, D("2024-02-05"), c, 4, NULL,
                             D("2024-03-01"), &r), DL_OK);
  CHECK_STR(F(r.dDue), "2024-03-20");
  CHECK(has_step(&r, "征求其他机关意见，其间6个工作日不计入答复期限"
                     "（第三十四条、第三十三条第三款）"));
  deadline_result_free(&r);

  /* An end without a start is refused. */
  CHECK_INT(deadline_compute(&cal, D("2024-02-05"), &a[1], 1, NULL,
                             D("2024-03-01"), &r), DL_EINVAL);
  deadline_result_free(&r);
  cal_free(&cal);
}

TEST(deadline_extension) {
  Calendar cal;
  DlResult r;
  load_official(&cal);
  /* Receipt 2024-02-05 (due 03-08), extended 20 days on Mon 03-04:
  ** 03-11..15 (5) 18..22 (10) 25..29 (15) 04-01..03 (18) Sun 04-07 (19)
  ** 04-08 (20) -> 2024-04-08 (清明 04-04..06 skipped). */
  DlEvent a[2] = {EV(DL_EV_EXTENSION, "2024-03-04"),
                  EV(DL_EV_EXTENSION, "2024-03-20")};
  a[0].nDays = 20;
  a[0].zText = "张主任";
  a[1].nDays = 5;
  a[1].zText = "张主任";
  CHECK_INT(deadline_compute(&cal, D("2024-02-05"), a, 1, NULL,
                             D("2024-03-11"), &r), DL_OK);
  CHECK_STR(F(r.dDue), "2024-04-08");
  CHECK_INT(n_warn(&r), 0);
  CHECK(has_step(&r, "2024-03-04 经政府信息公开工作机构负责人（张主任）同意"
                     "并告知申请人，答复期限延长20个工作日"
                     "（第三十三条第二款）"));
  CHECK(has_step(&r, "加上延长的期限后，答复期限届满日为 2024-04-08"));
  deadline_result_free(&r);

  /* A second extension is refused. */
  CHECK_INT(deadline_compute(&cal, D("2024-02-05"), a, 2, NULL,
                             D("2024-03-21"), &r), DL_EINVAL);
  CHECK(r.zErr && strstr(r.zErr, "不能再次延长（第三十三条第二款）"));
  deadline_result_free(&r);

  /* More than 20 days, or no approver, is refused. */
  a[0].nDays = 21;
  CHECK_INT(deadline_compute(&cal, D("2024-02-05"), a, 1, NULL,
                             D("2024-03-21"), &r), DL_EINVAL);
  CHECK(r.zErr && strstr(r.zErr, "最长不得超过20个工作日"));
  deadline_result_free(&r);
  a[0].nDays = 10;
  a[0].zText = "";
  CHECK_INT(deadline_compute(&cal, D("2024-02-05"), a, 1, NULL,
                             D("2024-03-21"), &r), DL_EINVAL);
  CHECK(r.zErr && strstr(r.zErr, "负责人同意"));
  deadline_result_free(&r);

  /* Extension decided after the deadline (Mon 03-11): allowed, flagged.
  ** 10 days after 03-08: 11..15 (5) 18..22 (10) -> 03-22. */
  a[0].zText = "李主任";
  a[0].date = D("2024-03-11");
  CHECK_INT(deadline_compute(&cal, D("2024-02-05"), a, 1, NULL,
                             D("2024-03-11"), &r), DL_OK);
  CHECK_STR(F(r.dDue), "2024-03-22");
  CHECK_INT(n_warn(&r), 1);
  CHECK(has_step(&r, "晚于原答复期限 2024-03-08"));
  deadline_result_free(&r);

  /* Extension plus a pause: 03-18 (pause example) + 20 days:
  ** 19..22 (4) 25..29 (9) 04-01..03 (12) Sun 07 (13) 08..12 (18) 15 16. */
  DlEvent c[3] = {EV(DL_EV_THIRD_PARTY_START, "2024-02-20"),
                  EV(DL_EV_THIRD_PARTY_END, "2024-02-28"),
                  EV(DL_EV_EXTENSION, "2024-03-01")};
  c[2].nDays = 20;
  c[2].zText = "张主任";
  CHECK_INT(deadline_compute(&cal, D("2024-02-05"), c, 3, NULL,
                             D("2024-03-01"), &r), DL_OK);
  CHECK_STR(F(r.dDue), "2024-04-16");
  CHECK(has_step(&r, "扣除不计入期限的时间并加上延长的期限后"));
  deadline_result_free(&r);
  cal_free(&cal);
}

TEST(deadline_art35) {
  Calendar cal;
  DlResult r;
  load_official(&cal);
  DlEvent a = EV(DL_EV_ART35, "2024-02-20");
  a.dLimit = D("2024-04-30");
  a.zText = "同一申请人一个月内提出200件申请";
  CHECK_INT(deadline_compute(&cal, D("2024-02-05"), &a, 1, NULL,
                             D("2024-04-01"), &r), DL_OK);
  CHECK_STR(F(r.dDue), "2024-04-30");
  CHECK_INT(r.eStatus, DL_ST_OPEN);
  CHECK(has_step(&r, "确定合理的答复期限至 2024-04-30 并告知申请人"
                     "（第三十五条）"));
  deadline_result_free(&r);
  /* Not later than the Art. 33 deadline (03-08): refused. */
  a.dLimit = D("2024-03-08");
  CHECK_INT(deadline_compute(&cal, D("2024-02-05"), &a, 1, NULL,
                             D("2024-04-01"), &r), DL_EINVAL);
  deadline_result_free(&r);
  /* Without reasons: refused. */
  a.dLimit = D("2024-04-30");
  a.zText = NULL;
  CHECK_INT(deadline_compute(&cal, D("2024-02-05"), &a, 1, NULL,
                             D("2024-04-01"), &r), DL_EINVAL);
  deadline_result_free(&r);
  cal_free(&cal);
}

TEST(deadline_fee_wait) {
  Calendar cal;
  DlResult r;
  load_official(&cal);
  DlEvent a[2] = {EV(DL_EV_FEE_NOTICE, "2024-02-20"),
                  EV(DL_EV_FEE_PAID, "2024-02-28")};
  /* Default: the wait (02-20, 02-28] = 6 days is not counted -> 03-18. */
  CHECK_INT(deadline_compute(&cal, D("2024-02-05"), a, 2, NULL,
                             D("2024-03-01"), &r), DL_OK);
  CHECK_STR(F(r.dDue), "2024-03-18");
  CHECK(has_step(&r, "等待申请人缴费，其间6个工作日不计入答复期限"));
  deadline_result_free(&r);
  CHECK_INT(deadline_compute(&cal, D("2024-02-05"), a, 1, NULL,
                             D("2024-02-22"), &r), DL_OK);
  CHECK_INT(r.eStatus, DL_ST_AWAIT_FEE);
  CHECK_INT(r.nLeft, 13);
  deadline_result_free(&r);
  /* Counted when the parameter says so -> 03-08. */
  DlParams p = DL_PARAMS_DEFAULT;
  p.bFeeWaitCounted = 1;
  CHECK_INT(deadline_compute(&cal, D("2024-02-05"), a, 2, &p,
                             D("2024-03-01"), &r), DL_OK);
  CHECK_STR(F(r.dDue), "2024-03-08");
  deadline_result_free(&r);
  /* The payment period is 20 working days (国办函〔2020〕109号): from the
  ** notice on Tue 02-20: 21 22 23 (3) 26..03-01 (8) 03-04..08 (13)
  ** 11..15 (18) 18 (19) 19 (20) -> 2024-03-19.  A shorter limit
  ** (03-05) is refused; "not paid" on 03-06 or on 03-19 is refused. */
  DlEvent b[2] = {EV(DL_EV_FEE_NOTICE, "2024-02-20"),
                  EV(DL_EV_FEE_LAPSED, "2024-03-06")};
  b[0].dLimit = D("2024-03-05");
  CHECK_INT(deadline_compute(&cal, D("2024-02-05"), b, 1, NULL,
                             D("2024-03-07"), &r), DL_EINVAL);
  CHECK(r.zErr && strstr(r.zErr, "不早于 2024-03-19"));
  deadline_result_free(&r);
  b[0].dLimit = DATE_NONE;
  CHECK_INT(deadline_compute(&cal, D("2024-02-05"), b, 1, NULL,
                             D("2024-03-07"), &r), DL_OK);
  CHECK_STR(F(r.dFeeLimit), "2024-03-19");
  CHECK(has_step(&r, "载明收费依据、标准、金额和缴费期限"));
  deadline_result_free(&r);
  CHECK_INT(deadline_compute(&cal, D("2024-02-05"), b, 2, NULL,
                             D("2024-03-07"), &r), DL_EINVAL);
  CHECK(r.zErr && strstr(r.zErr, "缴费期限至 2024-03-19"));
  deadline_result_free(&r);
  b[1].date = D("2024-03-19");
  CHECK_INT(deadline_compute(&cal, D("2024-02-05"), b, 2, NULL,
                             D("2024-03-20"), &r), DL_EINVAL);
  deadline_result_free(&r);
  /* Not paid by the payment deadline: closed the day after. */
  b[1].date = D("2024-03-20");
  CHECK_INT(deadline_compute(&cal, D("2024-02-05"), b, 2, NULL,
                             D("2024-03-20"), &r), DL_OK);
  CHECK_INT(r.eStatus, DL_ST_FEE_UNPAID);
  CHECK(has_step(&r, "逾期未按收费通知要求缴纳费用"));
  deadline_result_free(&r);
  cal_free(&cal);
}

TEST(deadline_answered_and_errors) {
  Calendar cal;
  DlResult r;
  load_official(&cal);
  DlEvent a = EV(DL_EV_ANSWERED, "2024-03-08");
  deadline_compute(&cal, D("2024-02-05"), &a, 1, NULL, D("2024-04-01"), &r);
  CHECK_INT(r.eStatus, DL_ST_ANSWERED);
  CHECK_INT(r.nLeft, 0);
  deadline_result_free(&r);
  a.date = D("2024-03-12");
  deadline_compute(&cal, D("2024-02-05"), &a, 1, NULL, D("2024-04-01"), &r);
  CHECK_INT(r.eStatus, DL_ST_ANSWERED_LATE);
  CHECK_INT(r.nLeft, -2);                       /* 03-11, 03-12 */
  CHECK(has_step(&r, "超期2个工作日"));
  deadline_result_free(&r);
  /* An event before receipt, or after the answer, is refused. */
  DlEvent b[2] = {EV(DL_EV_ANSWERED, "2024-03-08"),
                  EV(DL_EV_THIRD_PARTY_START, "2024-03-11")};
  CHECK_INT(deadline_compute(&cal, D("2024-02-05"), b, 2, NULL,
                             D("2024-04-01"), &r), DL_EINVAL);
  CHECK(r.zErr && strstr(r.zErr, "不能再登记事件"));
  deadline_result_free(&r);
  b[0].date = D("2024-02-01");
  CHECK_INT(deadline_compute(&cal, D("2024-02-05"), b, 1, NULL,
                             D("2024-04-01"), &r), DL_EINVAL);
  CHECK(r.zErr && strstr(r.zErr, "早于收到申请之日"));
  deadline_result_free(&r);
  cal_free(&cal);
}

/* How far overdue, as the law counts periods: working days of the official
** calendar after the due date.  2026 (data/holidays_cn.csv): 国庆 and 中秋
** off Thu 10-01 .. Wed 10-07, adjusted workday Sat 10-10.  By hand: due Wed
** 2026-09-30, on Fri 10-09 nine calendar days have passed but only Thu
** 10-08 and Fri 10-09 are working days; on Sat 10-10 (a workday) 3; due
** Fri 2026-12-04, on Sat 12-05 no working day has passed, on Mon 12-07
** one. */
TEST(deadline_overdue_counts_working_days) {
  Calendar cal;
  DlResult r;
  load_official(&cal);
  CHECK_INT(deadline_overdue_workdays(&cal, D("2026-09-30"), D("2026-10-09")), 2);
  CHECK_INT(deadline_overdue_workdays(&cal, D("2026-09-30"), D("2026-10-10")), 3);
  CHECK_INT(deadline_overdue_workdays(&cal, D("2026-12-04"), D("2026-12-05")), 0);
  CHECK_INT(deadline_overdue_workdays(&cal, D("2026-12-04"), D("2026-12-07")), 1);
  CHECK_INT(deadline_overdue_workdays(&cal, D("2026-12-04"), D("2026-12-04")), 0);
  CHECK_INT(deadline_overdue_workdays(&cal, D("2026-12-04"), D("2026-12-01")), 0);
  /* The clock says the same: received Wed 2026-09-02, 20 working days:
  ** 09-03..04 (2), 09-07..11 (7), 09-14..18 (12), Sun 09-20 (13, an
  ** adjusted workday), 09-21..24 (17; Fri 09-25 is 中秋), 09-28..30 (20)
  ** -> due 2026-09-30. */
  CHECK_INT(deadline_compute(&cal, D("2026-09-02"), NULL, 0, NULL,
                             D("2026-10-09"), &r), DL_OK);
  CHECK_STR(F(r.dDue), "2026-09-30");
  CHECK_INT(r.eStatus, DL_ST_OVERDUE);
  CHECK_INT(r.nLeft, -2);
  deadline_result_free(&r);
  cal_free(&cal);
}
