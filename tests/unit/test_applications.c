/* test_applications.c — application-level rules (src/core/application.c),
** the DOCX writer (src/lib/docx.c) and the store's recalculation log
** (src/store/store_applications.c).
**
** Clock dates were counted BY HAND from data/holidays_cn.csv (day 1 = the
** first working day after the start; the day a consultation or fee notice
** is sent counts, the day the reply or payment arrives does not):
**
** A. 2024 春节 (off Sat 02-10..Sat 02-17; Sun 02-04 and Sun 02-18 worked).
**    Online application received Thu 2024-02-01; correction notice Sun
**    2024-02-04 (an adjusted working day: 2nd working day, within 7);
**    corrected application received Mon 2024-02-19: the clock restarts.
**    20 WD from 02-19: 02-20..23 (4), 02-26..03-01 (9), 03-04..08 (14),
**    03-11..15 (19), 03-18 (20) -> 2024-03-18.
** B. 2025 劳动节 (off 05-01..05-05, Sun 04-27 worked) and 端午 (off Sat
**    05-31..Mon 06-02).  Received Mon 2025-04-14; third-party consultation
**    sent Thu 04-17 (used: 04-15, 16, 17 = 3), reply Fri 05-09 (the pause
**    (04-17, 05-09] swallows the Sun 04-27 working day).  17 left: 05-12..16
**    (5), 05-19..23 (10), 05-26..30 (15), [06-02 off] 06-03 (16), 06-04
**    (17) -> 2025-06-04.
** C. 2019 国庆 (off 10-01..10-07; Sun 09-29 and Sat 10-12 worked).
**    Received Mon 2019-09-23: 09-24..27 (4), Sun 09-29 (5), 09-30 (6),
**    10-08..11 (10), Sat 10-12 (11), 10-14..18 (16), 10-21..24 (20) ->
**    2019-10-24.  Extension of 20 WD approved 10-22: 10-25 (1), 10-28..
**    11-01 (6), 11-04..08 (11), 11-11..15 (16), 11-18..21 (20) ->
**    2019-11-21.
** D. 2026 春节 (off Sun 02-15..Mon 02-23; Sat 02-14 and Sat 02-28 worked).
**    Received Tue 2026-02-10: 02-11..13 (3), Sat 02-14 (4), 02-24..27 (8),
**    Sat 02-28 (9), 03-02..06 (14), 03-09..13 (19), 03-16 (20) ->
**    2026-03-16.
** E. Fee wait not counted (2025 清明 off Fri 04-04..Sun 04-06).  Received
**    Mon 2025-03-03; fee notice Mon 03-10 (used 03-04..07, 03-10 = 5);
**    paid Fri 03-21.  15 left: 03-24..28 (5), 03-31..04-03 (9), 04-07..11
**    (14), 04-14 (15) -> 2025-04-14.
*/
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <zip.h>

#include "../../src/core/application.h"
#include "../../src/lib/docx.h"
#include "../../src/lib/embed.h"
#include "../../src/store/store_applications.h"
#include "harness.h"
#include "storefix.h"
#include "datefix.h"



/* The due date of an application as 'YYYY-MM-DD' (static buffer). */
static const char *due(const Calendar *pCal, const char *zRec,
                       const AppEventRec *a, int n, const char *zToday,
                       DlStatus *peStatus) {
  static char z[DATE_STRLEN];
  DlResult r;
  int rc = app_clock(pCal, zRec, a, n, D(zToday), &r);
  CHECK_INT(rc, DL_OK);
  if (rc != DL_OK) fprintf(stderr, "  clock: %s\n", r.zErr ? r.zErr : "");
  date_format(r.dDue, z);
  if (peStatus) *peStatus = r.eStatus;
  deadline_result_free(&r);
  return z;
}

TEST(app_clock_correction_restart_spring_festival_2024) {
  Calendar cal;
  DlStatus e;
  load_official(&cal);
  /* Without correction: 02-02 (1), Sun 02-04 (2), 02-05..09 (7), Sun 02-18
  ** (8), 02-19..23 (13), 02-26..03-01 (18), 03-04 (19), 03-05 (20). */
  CHECK_STR(due(&cal, "2024-02-01", NULL, 0, "2024-02-02", NULL), "2024-03-05");
  AppEventRec a[] = {
      {"correction_sent", "2024-02-04", "2024-02-29", 0, "请写明文号"},
      {"correction_received", "2024-02-19", "", 0, ""},
  };
  CHECK_STR(due(&cal, "2024-02-01", a, 1, "2024-02-05", &e), "-");
  CHECK_INT(e, DL_ST_AWAIT_CORRECTION);
  CHECK_STR(due(&cal, "2024-02-01", a, 2, "2024-03-18", &e), "2024-03-18");
  CHECK_INT(e, DL_ST_DUE_SOON);
  CHECK_STR(due(&cal, "2024-02-01", a, 2, "2024-03-19", &e), "2024-03-18");
  CHECK_INT(e, DL_ST_OVERDUE);
  cal_free(&cal);
}

TEST(app_clock_no_correction_is_abandoned) {
  Calendar cal;
  DlStatus e;
  load_official(&cal);
  AppEventRec a[] = {
      {"correction_sent", "2024-02-04", "2024-02-29", 0, ""},
      {"correction_lapsed", "2024-03-01", "", 0, ""},
  };
  due(&cal, "2024-02-01", a, 2, "2024-03-05", &e);
  CHECK_INT(e, DL_ST_ABANDONED);
  cal_free(&cal);
}

TEST(app_clock_paused_third_party_consultation_2025) {
  Calendar cal;
  DlStatus e;
  load_official(&cal);
  AppEventRec a[] = {
      {"third_party_start", "2025-04-17", "", 0, "征求某公司意见"},
      {"third_party_end", "2025-05-09", "", 0, ""},
  };
  due(&cal, "2025-04-14", a, 1, "2025-04-30", &e);
  CHECK_INT(e, DL_ST_PAUSED);
  CHECK_STR(due(&cal, "2025-04-14", a, 2, "2025-05-12", &e), "2025-06-04");
  CHECK_INT(e, DL_ST_OPEN);
  cal_free(&cal);
}

TEST(app_clock_extension_national_day_2019) {
  Calendar cal;
  load_official(&cal);
  CHECK_STR(due(&cal, "2019-09-23", NULL, 0, "2019-09-24", NULL), "2019-10-24");
  AppEventRec a[] = {{"extension", "2019-10-22", "", 20, "批准人：王公开"}};
  CHECK_STR(due(&cal, "2019-09-23", a, 1, "2019-10-23", NULL), "2019-11-21");
  /* Refused: a second extension, and one without an approver. */
  AppEventRec b[] = {{"extension", "2019-10-22", "", 10, "批准人：王公开"},
                     {"extension", "2019-10-23", "", 10, "批准人：王公开"}};
  DlResult r;
  CHECK_INT(app_clock(&cal, "2019-09-23", b, 2, D("2019-10-24"), &r),
            DL_EINVAL);
  deadline_result_free(&r);
  AppEventRec c[] = {{"extension", "2019-10-22", "", 10, ""}};
  CHECK_INT(app_clock(&cal, "2019-09-23", c, 1, D("2019-10-24"), &r),
            DL_EINVAL);
  deadline_result_free(&r);
  cal_free(&cal);
}

TEST(app_clock_spring_festival_2026_adjusted_saturdays) {
  Calendar cal;
  load_official(&cal);
  CHECK_STR(due(&cal, "2026-02-10", NULL, 0, "2026-02-11", NULL), "2026-03-16");
  cal_free(&cal);
}

TEST(app_clock_fee_wait_not_counted) {
  Calendar cal;
  DlStatus e;
  load_official(&cal);
  AppEventRec a[] = {
      {"fee_notice", "2025-03-10", "2025-04-08", 0, "1700元"},
      {"fee_paid", "2025-03-21", "", 0, ""},
  };
  due(&cal, "2025-03-03", a, 1, "2025-03-12", &e);
  CHECK_INT(e, DL_ST_AWAIT_FEE);
  CHECK_STR(due(&cal, "2025-03-03", a, 2, "2025-03-24", NULL), "2025-04-14");
  cal_free(&cal);
}

TEST(app_clock_rejects_unknown_kind_and_bad_date) {
  Calendar cal;
  DlResult r;
  load_official(&cal);
  AppEventRec a[] = {{"coffee_break", "2025-03-10", "", 0, ""}};
  CHECK_INT(app_clock(&cal, "2025-03-03", a, 1, D("2025-03-12"), &r),
            DL_EINVAL);
  CHECK(r.zErr && strstr(r.zErr, "第1条"));
  deadline_result_free(&r);
  CHECK_INT(app_clock(&cal, "2025-02-30", NULL, 0, D("2025-03-12"), &r),
            DL_EINVAL);
  deadline_result_free(&r);
  cal_free(&cal);
}

/* A valid form for the validation tests. */
static AppInput good_input(void) {
  AppInput in;
  memset(&in, 0, sizeof in);
  in.zApplicantType = "natural_person";
  in.zName = "马建国";
  in.zIdKind = "resident_id";
  in.zIdNumber = "11010519491231002X"; /* GB 11643 sample */
  in.zPhone = "13995551234";
  in.zAddress = "中宁县宁安镇";
  in.zInfoTitle = "年度部门预算";
  in.zForm = "paper";
  in.zDelivery = "post";
  return in;
}

/* 1 if some error names zField. */
static int has_err(const AppFieldErr *a, int n, const char *zField) {
  for (int i = 0; i < n; i++)
    if (!strcmp(a[i].zField, zField)) return 1;
  return 0;
}

TEST(app_validate_form) {
  AppFieldErr aErr[APP_MAX_ERRORS];
  char zNorm[64];
  AppInput in = good_input();
  CHECK_INT(app_validate(&in, 20261123, zNorm, aErr), 0);
  CHECK_STR(zNorm, "11010519491231002X");
  in.zIdNumber = "110105194912310021"; /* wrong check character */
  CHECK_INT(app_validate(&in, 20261123, zNorm, aErr), 1);
  CHECK_STR(aErr[0].zField, "id_number");
  CHECK(strstr(aErr[0].zMsg, "校验码") != NULL);
  in = good_input();
  in.zInfoTitle = "  ";
  CHECK_INT(app_validate(&in, 20261123, zNorm, aErr), 1);
  CHECK_STR(aErr[0].zField, "info_description");
  in = good_input();
  in.zIdKind = "uscc"; /* a person may not use a credit code */
  in.zIdNumber = "91350100M000100Y43";
  int n = app_validate(&in, 20261123, zNorm, aErr);
  CHECK(has_err(aErr, n, "id_kind"));
  in = good_input();
  in.zDelivery = "email"; /* e-mail delivery without an address */
  n = app_validate(&in, 20261123, zNorm, aErr);
  CHECK_INT(n, 1);
  CHECK_STR(aErr[0].zField, "email");
  in = good_input();
  in.zPhone = in.zAddress = "";
  in.zApplicantType = "student";
  n = app_validate(&in, 20261123, zNorm, aErr);
  CHECK(has_err(aErr, n, "applicant_type"));
  CHECK(has_err(aErr, n, "phone"));
  CHECK(has_err(aErr, n, "address"));
}

TEST(app_outcomes_are_the_21_leaf_rows) {
  int n = 0;
  for (const AppOutcome *o = aAppOutcome; o->zId; o++) {
    CHECK(o->zGround && o->zGround[0]);
    CHECK(o->zDecision && o->zDecision[0]);
    n++;
  }
  CHECK_INT(n, 21);
  CHECK_STR(app_outcome("results.partial")->zGround, "《条例》第三十七条");
  CHECK_STR(app_outcome("results.other.no_correction")->zGround,
            "《条例》第三十条");
  CHECK(app_outcome("results.denied") == NULL); /* a group, not a leaf */
  CHECK_INT(app_event_kind("extension"), DL_EV_EXTENSION);
  CHECK_INT(app_event_kind("nope"), 0);
}

TEST(app_mask_and_template) {
  char *z = app_mask_id("resident_id", "11010519491231002X");
  CHECK_STR(z, "110105********002X");
  free(z);
  z = app_mask_id("passport", "E12345678");
  CHECK_STR(z, "E1*****78");
  free(z);
}

/* Lookup for the template test. */
static const char *tpl_get(void *p, const char *zName) {
  (void)p;
  if (!strcmp(zName, "applicant")) return "马建国";
  if (!strcmp(zName, "reg_no")) return "znwsj-2024-0001";
  return NULL;
}

TEST(app_template_fill_placeholders) {
  char *z = app_template_fill("{applicant}：登记号{reg_no}，{unknown}{ {}",
                              tpl_get, NULL);
  CHECK_STR(z, "马建国：登记号znwsj-2024-0001，{unknown}{ {}");
  free(z);
  z = app_template_fill(app_default_template("results.granted"), tpl_get, NULL);
  CHECK(strncmp(z, "马建国：\n", strlen("马建国：\n")) == 0);
  CHECK(strstr(z, "{remedy}") != NULL); /* unknown to this lookup: kept */
  free(z);
}

TEST(docx_package_has_three_parts) {
  DocxPara a[] = {{"政府信息公开申请答复告知书", 1, 1, 0},
                  {"马建国：", 0, 0, 1},
                  {"第一行\n第二行 <&>", 0, 0, 0}};
  Buf b = BUF_INIT;
  CHECK_INT(docx_build(a, 3, &b), 0);
  CHECK(b.n > 100 && b.z[0] == 'P' && b.z[1] == 'K');
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t *src = zip_source_buffer_create(b.z, b.n, 0, &err);
  zip_t *za = src ? zip_open_from_source(src, ZIP_RDONLY, &err) : NULL;
  CHECK(za != NULL);
  if (za) {
    CHECK_INT(zip_get_num_entries(za, 0), 3);
    CHECK(zip_name_locate(za, "[Content_Types].xml", 0) >= 0);
    CHECK(zip_name_locate(za, "_rels/.rels", 0) >= 0);
    zip_int64_t i = zip_name_locate(za, "word/document.xml", 0);
    CHECK(i >= 0);
    zip_stat_t st;
    if (i >= 0 && zip_stat_index(za, (zip_uint64_t)i, 0, &st) == 0) {
      char *p = calloc(1, st.size + 1);
      zip_file_t *f = zip_fopen_index(za, (zip_uint64_t)i, 0);
      CHECK(f && zip_fread(f, p, st.size) == (zip_int64_t)st.size);
      if (f) zip_fclose(f);
      CHECK(strstr(p, "马建国：") != NULL);
      CHECK(strstr(p, "第二行 &lt;&amp;&gt;") != NULL);
      CHECK(strstr(p, "<w:br/>") != NULL);
      free(p);
    }
    zip_close(za);
  } else if (src) {
    zip_source_free(src);
  }
  zip_error_fini(&err);
  buf_free(&b);
}

TEST(store_recalc_logs_due_change_when_holidays_arrive) {
  char zPath[] = "/tmp/gk-unit-apps-XXXXXX";
  Store *s = temp_store(zPath);
  if (!s) return;
  Arena a = ARENA_INIT;
  Org o;
  memset(&o, 0, sizeof o);
  o.zSlug = "t";
  o.zName = "测试局";
  CHECK_INT(store_org_add(s, &o), STORE_OK);
  /* 2027 has no official data yet: Monday-Friday only.  Received Mon
  ** 2027-01-04: 20 WD = 01-05..08 (4), 01-11..15 (9), 01-18..22 (14),
  ** 01-25..29 (19), 02-01 (20) -> 2027-02-01. */
  App app;
  memset(&app, 0, sizeof app);
  app.orgId = o.id;
  app.zChannel = "in_person";
  app.zApplicantType = "natural_person";
  app.zApplicantName = "马建国";
  app.zIdKind = "resident_id";
  app.zReceivedOn = "2027-01-04";
  CHECK_INT(store_begin(s), STORE_OK); /* the number is taken under a lock */
  CHECK_INT(store_app_add(s, &a, &app, "hash1"), STORE_OK);
  CHECK_INT(store_commit(s), STORE_OK);
  CHECK_STR(app.zRegNo, "t-2027-0001");
  Calendar cal;
  CHECK_INT(store_app_calendar(s, &cal), STORE_OK);
  int n = -1;
  CHECK_INT(store_app_recalc_all(s, &cal, D("2027-01-05"), "测试", &n),
            STORE_OK);
  CHECK_INT(n, 1);
  cal_free(&cal);
  App got;
  CHECK_INT(store_app_get(s, &a, app.id, &got), STORE_OK);
  CHECK_STR(got.zDueOn, "2027-02-01");
  /* A (made-up) holiday on Fri 2027-01-15 moves it to Tue 2027-02-02. */
  CHECK_INT(store_holiday_put(s, "2027-01-15", "holiday", "测试"), STORE_OK);
  CHECK_INT(store_app_calendar(s, &cal), STORE_OK);
  CHECK_INT(store_app_recalc_all(s, &cal, D("2027-01-05"), "节假日更新", &n),
            STORE_OK);
  CHECK_INT(n, 1);
  CHECK_INT(store_app_recalc_all(s, &cal, D("2027-01-05"), "再次", &n),
            STORE_OK);
  CHECK_INT(n, 0);
  cal_free(&cal);
  CHECK_INT(store_app_get(s, &a, app.id, &got), STORE_OK);
  CHECK_STR(got.zDueOn, "2027-02-02");
  AppDueChange *aChg;
  int nChg;
  CHECK_INT(store_app_due_changes(s, &a, app.id, &aChg, &nChg), STORE_OK);
  CHECK_INT(nChg, 2);
  if (nChg == 2) {
    CHECK_STR(aChg[0].zOld, "2027-02-01");
    CHECK_STR(aChg[0].zNew, "2027-02-02");
    CHECK_STR(aChg[0].zReason, "节假日更新");
  }
  /* Holidays added by any means are noticed by their signature. */
  CHECK_INT(store_app_recalc_if_calendar_changed(s, D("2027-01-05"), &n),
            STORE_OK);
  CHECK_INT(n, 0); /* first call: remembers the calendar, nothing moves */
  CHECK_INT(store_holiday_put(s, "2027-01-18", "holiday", "测试"), STORE_OK);
  CHECK_INT(store_app_recalc_if_calendar_changed(s, D("2027-01-05"), &n),
            STORE_OK);
  CHECK_INT(n, 1);
  CHECK_INT(store_app_recalc_if_calendar_changed(s, D("2027-01-05"), &n),
            STORE_OK);
  CHECK_INT(n, 0);
  CHECK_INT(store_app_get(s, &a, app.id, &got), STORE_OK);
  CHECK_STR(got.zDueOn, "2027-02-03");
  CHECK_INT(store_app_due_changes(s, &a, app.id, &aChg, &nChg), STORE_OK);
  CHECK_INT(nChg, 3);
  if (nChg == 3) CHECK_STR(aChg[0].zReason, "节假日安排变更后重新计算");
  /* Another server holds the recalculation (job lease, issue 16): this one
  ** leaves the due dates alone until the lease is given back. */
  Store *s2 = NULL;
  char *zErr2 = NULL;
  CHECK_INT(fix_store_open(zPath, 0, &s2, &zErr2), STORE_OK);
  free(zErr2);
  if (s2) {
    CHECK_INT(store_try_job(s2, JOB_CALENDAR_RECALC, (int64_t)time(NULL), 600), 1);
    CHECK_INT(store_holiday_put(s, "2027-01-19", "holiday", "测试"), STORE_OK);
    CHECK_INT(store_app_recalc_if_calendar_changed(s, D("2027-01-05"), &n), STORE_OK);
    CHECK_INT(n, 0);
    CHECK_INT(store_app_get(s, &a, app.id, &got), STORE_OK);
    CHECK_STR(got.zDueOn, "2027-02-03");
    CHECK_INT(store_job_done(s2, JOB_CALENDAR_RECALC, (int64_t)time(NULL)), STORE_OK);
    CHECK_INT(store_app_recalc_if_calendar_changed(s, D("2027-01-05"), &n), STORE_OK);
    CHECK_INT(n, 1);
    CHECK_INT(store_app_get(s, &a, app.id, &got), STORE_OK);
    CHECK_STR(got.zDueOn, "2027-02-04");
    store_close(s2);
  }
  AppYearCounts c;
  CHECK_INT(store_app_year_counts(s, 0, 2027, &c), STORE_OK);
  CHECK_INT(c.nNew, 1);
  CHECK_INT(c.nCarriedOut, 1);
  arena_free(&a);
  store_close(s);
  unlink(zPath);
}

/* Telephone numbers as applicants write them: the +86 / 0086 country code,
** spaces and dashes, a landline extension (转, 分机, "-" after 8 digits).
** Expectations by hand: each is a valid mainland mobile or landline. */
TEST(app_validate_phone_as_written) {
  AppFieldErr aErr[APP_MAX_ERRORS];
  char zNorm[64];
  static const char *aOk[] = {
      "+86 139 9555 1234", "+86-139-9555-1234", "0086 13995551234",
      "+86 10 6551 1234", "010-65511234转123", "0951-5012345 分机 8021",
      "010-65511234-123", "（0951）5012345", "(0951) 5012345",
  };
  for (size_t i = 0; i < sizeof aOk / sizeof aOk[0]; i++) {
    AppInput in = good_input();
    in.zPhone = aOk[i];
    CHECK_INT(app_validate(&in, 20261123, zNorm, aErr), 0);
  }
  static const char *aBad[] = {"+1 415 555 0100", "12345", "139955512345",
                               "010-65511234转", "转123", "+86"};
  for (size_t i = 0; i < sizeof aBad / sizeof aBad[0]; i++) {
    AppInput in = good_input();
    in.zPhone = aBad[i];
    CHECK_INT(app_validate(&in, 20261123, zNorm, aErr), 1);
    CHECK_STR(aErr[0].zField, "phone");
  }
}

/* A postcode typed with full-width digits or a space is still six digits. */
TEST(app_validate_postcode_full_width) {
  AppFieldErr aErr[APP_MAX_ERRORS];
  char zNorm[64];
  AppInput in = good_input();
  in.zPostcode = "７５５１００";
  CHECK_INT(app_validate(&in, 20261123, zNorm, aErr), 0);
  in.zPostcode = "755 100";
  CHECK_INT(app_validate(&in, 20261123, zNorm, aErr), 0);
  in.zPostcode = "75510";
  CHECK_INT(app_validate(&in, 20261123, zNorm, aErr), 1);
  CHECK_STR(aErr[0].zField, "postcode");
}

/* An e-mail address with a Chinese (internationalised) domain, and one with
** a full-width ＠, are addresses people have; garbage still is not. */
TEST(app_validate_email_chinese_domain) {
  AppFieldErr aErr[APP_MAX_ERRORS];
  char zNorm[64];
  static const char *aOk[] = {"majg@例子.中国", "majg@中宁县.政务.cn",
                              "majg@example.公司"};
  for (size_t i = 0; i < sizeof aOk / sizeof aOk[0]; i++) {
    AppInput in = good_input();
    in.zEmail = aOk[i];
    CHECK_INT(app_validate(&in, 20261123, zNorm, aErr), 0);
  }
  static const char *aBad[] = {"majg@例子", "majg@.中国", "马@example.com",
                               "majg@例 子.中国"};
  for (size_t i = 0; i < sizeof aBad / sizeof aBad[0]; i++) {
    AppInput in = good_input();
    in.zEmail = aBad[i];
    CHECK_INT(app_validate(&in, 20261123, zNorm, aErr), 1);
    CHECK_STR(aErr[0].zField, "email");
  }
}
