/* test_calendar.c — working days over the official holiday calendar
** (src/core/calendar.c), loaded from the embedded data/holidays_cn.csv.
**
** Every expected date below was counted BY HAND from the CSV; the comment
** on each case lists the holidays (放假) and adjusted working days (调休上班)
** that matter.  Day 1 is the first working day after the start date. */
#include <stdlib.h>
#include <string.h>

#include "../../src/core/calendar.h"
#include "../../src/lib/embed.h"
#include "harness.h"
#include "datefix.h"




#define ADD(from, n) F(cal_add_workdays(&cal, D(from), (n)))
#define BETWEEN(a, b) cal_workdays_between(&cal, D(a), D(b))

TEST(calendar_plain_weeks) {
  Calendar cal;
  cal_init(&cal);
  /* No overrides: Mon-Fri less the holidays the law fixes by date (元旦,
  ** 劳动节, 国庆节; none in March).  2024-03-01 is a Friday. */
  CHECK_STR(ADD("2024-03-01", 1), "2024-03-04");
  CHECK_STR(ADD("2024-03-02", 1), "2024-03-04");   /* from a Saturday */
  CHECK_STR(ADD("2024-03-04", 5), "2024-03-11");
  CHECK_STR(ADD("2024-03-04", 0), "2024-03-04");
  CHECK_INT(BETWEEN("2024-03-01", "2024-03-08"), 5);
  CHECK_INT(BETWEEN("2024-03-08", "2024-03-01"), 0);
  CHECK_INT(BETWEEN("2024-03-02", "2024-03-03"), 0);
  /* Across the epoch: Mon 12-29 .. Fri 01-02 less Thu 1970-01-01 (元旦). */
  CHECK_INT(BETWEEN("1969-12-26", "1970-01-02"), 4);
  CHECK(!cal_covers(&cal, D("2024-03-01")));
  cal_free(&cal);
}

TEST(calendar_spring_festival_2018_2021) {
  Calendar cal;
  load_official(&cal);
  /* 2018: off Thu 02-15 .. Wed 02-21; work Sun 02-11 and Sat 02-24.
  ** From Fri 02-09: 02-11(1) 02-12(2) 02-13(3) 02-14(4) 02-22(5). */
  CHECK_STR(ADD("2018-02-09", 5), "2018-02-22");
  /* 02-11,12,13,14 (4) 22,23 (6) Sat 24 (7) 26,27,28 (10). */
  CHECK_INT(BETWEEN("2018-02-09", "2018-02-28"), 10);
  /* 2019: off Mon 02-04 .. Sun 02-10; work Sat 02-02 and Sun 02-03.
  ** From Fri 02-01: 02-02(1) 02-03(2) 02-11(3). */
  CHECK_STR(ADD("2019-02-01", 3), "2019-02-11");
  CHECK_INT(BETWEEN("2019-01-31", "2019-02-15"), 8);  /* 1,2,3 + 11..15 */
  /* 2020: off Fri 01-24 .. Sun 02-02 (extended; Sat 02-01 became a day
  ** off); work Sun 01-19.  From Fri 01-17: 01-19(1) 20 21 22 23(5),
  ** then 02-03 Mon(6). */
  CHECK_STR(ADD("2020-01-17", 5), "2020-01-23");
  CHECK_STR(ADD("2020-01-17", 6), "2020-02-03");
  CHECK(!cal_is_workday(&cal, D("2020-02-01")));
  CHECK_INT(BETWEEN("2020-01-23", "2020-02-07"), 5);
  /* 2021: off Thu 02-11 .. Wed 02-17; work Sun 02-07 and Sat 02-20.
  ** From Fri 02-05: 07(1) 08 09 10(4) 18(5) 19(6) Sat 20(7). */
  CHECK_STR(ADD("2021-02-05", 4), "2021-02-10");
  CHECK_STR(ADD("2021-02-05", 5), "2021-02-18");
  CHECK_STR(ADD("2021-02-05", 7), "2021-02-20");
  cal_free(&cal);
}

TEST(calendar_spring_festival_2022_2026) {
  Calendar cal;
  load_official(&cal);
  /* 2022: off Mon 01-31 .. Sun 02-06; work Sat 01-29, Sun 01-30.
  ** From Thu 01-27: 28(1) Sat 29(2) Sun 30(3) Mon 02-07(4). */
  CHECK_STR(ADD("2022-01-27", 4), "2022-02-07");
  /* 2023: off Sat 01-21 .. Fri 01-27; work Sat 01-28, Sun 01-29.
  ** From Thu 01-19: 20(1) Sat 28(2) Sun 29(3) Mon 30(4). */
  CHECK_STR(ADD("2023-01-19", 2), "2023-01-28");
  CHECK_STR(ADD("2023-01-19", 4), "2023-01-30");
  /* 2024: off Sat 02-10 .. Sat 02-17; work Sun 02-04, Sun 02-18.
  ** From Fri 02-02: Sun 02-04 is day 1.  From Mon 02-05, 20 days:
  ** 6 7 8 9 (4) Sun 18 (5) 19-23 (10) 26-03-01 (15) 03-04..08 (20). */
  CHECK_STR(ADD("2024-02-02", 1), "2024-02-04");
  CHECK_STR(ADD("2024-02-05", 20), "2024-03-08");
  CHECK_INT(BETWEEN("2024-02-09", "2024-02-19"), 2);  /* Sun 18, Mon 19 */
  /* 2025: off Tue 01-28 .. Tue 02-04; work Sun 01-26, Sat 02-08.
  ** From Fri 01-24: Sun 26(1) 27(2) Wed 02-05(3) 06 07(5) Sat 08(6). */
  CHECK_STR(ADD("2025-01-24", 3), "2025-02-05");
  CHECK_STR(ADD("2025-01-24", 6), "2025-02-08");
  /* 2026: off Sun 02-15 .. Mon 02-23; work Sat 02-14, Sat 02-28.
  ** From Fri 02-13: Sat 14(1) Tue 24(2) 25 26 27(5) Sat 28(6). */
  CHECK_STR(ADD("2026-02-13", 1), "2026-02-14");
  CHECK_STR(ADD("2026-02-13", 2), "2026-02-24");
  CHECK_STR(ADD("2026-02-13", 6), "2026-02-28");
  cal_free(&cal);
}

TEST(calendar_national_day) {
  Calendar cal;
  load_official(&cal);
  /* 2018: off 10-01..07; work Sat 09-29, Sun 09-30.
  ** From Fri 09-28: 29(1) 30(2) Mon 10-08(3). */
  CHECK_STR(ADD("2018-09-28", 3), "2018-10-08");
  /* 2019: off Tue 10-01 .. Mon 10-07; work Sun 09-29, Sat 10-12.
  ** (09-27, 10-13]: 29 30 (2) 8 9 10 11 (6) Sat 12 (7). */
  CHECK_INT(BETWEEN("2019-09-27", "2019-10-13"), 7);
  /* 2023: off Fri 09-29 .. Fri 10-06; work Sat 10-07, Sun 10-08. */
  CHECK_STR(ADD("2023-09-28", 1), "2023-10-07");
  CHECK_STR(ADD("2023-09-28", 3), "2023-10-09");
  /* 2025: off Wed 10-01 .. Wed 10-08; work Sun 09-28, Sat 10-11.
  ** From Fri 09-26: Sun 28(1) 29(2) 30(3) Thu 10-09(4) 10(5) Sat 11(6). */
  CHECK_STR(ADD("2025-09-26", 1), "2025-09-28");
  CHECK_STR(ADD("2025-09-26", 3), "2025-09-30");
  CHECK_STR(ADD("2025-09-26", 4), "2025-10-09");
  CHECK_STR(ADD("2025-09-26", 6), "2025-10-11");
  /* 2026: 中秋 off Fri 09-25 .. Sun 09-27, 国庆 off 10-01..07;
  ** work Sun 09-20 and Sat 10-10.  From Fri 09-18: Sun 20(1) 21..24 (5)
  ** 28 29 30 (8) Thu 10-08(9) 09(10) Sat 10(11). */
  CHECK_STR(ADD("2026-09-18", 8), "2026-09-30");
  CHECK_STR(ADD("2026-09-18", 9), "2026-10-08");
  CHECK_STR(ADD("2026-09-18", 11), "2026-10-10");
  cal_free(&cal);
}

TEST(calendar_new_year_spanning_years) {
  Calendar cal;
  load_official(&cal);
  /* 2018-12-29 Sat is a working day (from the 2019 notice); off Sun 12-30,
  ** Mon 12-31, Tue 2019-01-01.  From Fri 12-28: Sat 29(1) Wed 01-02(2). */
  CHECK_STR(ADD("2018-12-28", 1), "2018-12-29");
  CHECK_STR(ADD("2018-12-28", 2), "2019-01-02");
  /* 2026: off Thu 01-01 .. Sat 01-03, work Sun 01-04.
  ** From Wed 2025-12-31: Sun 01-04(1) Mon 01-05(2). */
  CHECK_STR(ADD("2025-12-31", 1), "2026-01-04");
  CHECK_STR(ADD("2025-12-31", 2), "2026-01-05");
  cal_free(&cal);
}

TEST(calendar_override_lookup_and_coverage) {
  Calendar cal;
  load_official(&cal);
  const CalOverride *p = cal_override(&cal, D("2024-02-18"));
  CHECK(p && p->eKind == CAL_WORKDAY);
  CHECK_STR(p ? p->zName : NULL, "春节");
  CHECK(cal_override(&cal, D("2024-02-19")) == NULL);
  CHECK(cal_is_workday(&cal, D("2024-02-18")));      /* Sunday, adjusted */
  CHECK(!cal_is_workday(&cal, D("2024-02-12")));     /* Monday, 春节 */
  CHECK(!cal_is_workday(&cal, D("2024-02-24")));     /* ordinary Saturday */
  int y1 = 0, y2 = 0, yMiss = 0;
  cal_coverage(&cal, &y1, &y2);
  CHECK_INT(y1, 2008);  /* the 2007 Regulation's first year (in force 05-01) */
  CHECK_INT(y2, 2026);
  CHECK(cal_covers(&cal, D("2026-12-31")));
  CHECK(!cal_covers(&cal, D("2027-01-01")));
  CHECK(cal_covers(&cal, D("2017-12-31")));
  CHECK(!cal_covers(&cal, D("2007-12-31")));
  CHECK(cal_covers_range(&cal, D("2018-01-01"), D("2026-12-31"), &yMiss));
  CHECK(!cal_covers_range(&cal, D("2026-12-01"), D("2027-01-31"), &yMiss));
  CHECK_INT(yMiss, 2027);
  cal_free(&cal);
}

/* Reference implementation: walk day by day. */
static Date walk(const Calendar *pCal, Date d, int n) {
  while (n > 0) {
    d++;
    if (cal_is_workday(pCal, d)) n--;
  }
  return d;
}

TEST(calendar_matches_day_walk) {
  Calendar cal;
  load_official(&cal);
  int nBad = 0;
  for (Date d = D("2017-12-01"); d <= D("2027-01-31"); d++) {
    for (int n = 1; n <= 45; n += 4) {
      Date e = cal_add_workdays(&cal, d, n);
      if (e != walk(&cal, d, n) || cal_workdays_between(&cal, d, e) != n)
        nBad++;
    }
  }
  CHECK_INT(nBad, 0);
  cal_free(&cal);
}

TEST(calendar_csv_errors) {
  Calendar cal;
  cal_init(&cal);
  const char *z = "date,kind,name\n2024-01-01,holiday,元旦\n"
                  "2023-02-30,holiday,x\n";
  CHECK_INT(cal_load_csv(&cal, z, strlen(z), "t.csv"), CAL_EINVAL);
  CHECK(cal.zErr && strstr(cal.zErr, "t.csv 第3行") != NULL);
  CHECK(cal.zErr && strstr(cal.zErr, "2023-02-30") != NULL);
  CHECK_INT(cal.nOv, 0);                    /* all-or-nothing */
  CHECK(!cal_covers(&cal, D("2024-01-01")));

  z = "date,kind,name\r\n2024-01-01,holliday,元旦\r\n";
  CHECK_INT(cal_load_csv(&cal, z, strlen(z), NULL), CAL_EINVAL);
  CHECK(cal.zErr && strstr(cal.zErr, "第2行：类型无效") != NULL);

  z = "date,kind,name\n2024-02-05,workday,春节\n";     /* a Monday */
  CHECK_INT(cal_load_csv(&cal, z, strlen(z), NULL), CAL_EINVAL);
  CHECK(cal.zErr && strstr(cal.zErr, "不是周六或周日") != NULL);

  z = "date,kind,name\n2024-01-01,holiday,元旦\n2024-01-01,holiday,元旦\n";
  CHECK_INT(cal_load_csv(&cal, z, strlen(z), NULL), CAL_ECONFLICT);
  CHECK(cal.zErr && strstr(cal.zErr, "第3行") != NULL);

  z = "2024-01-01,holiday,元旦\n";
  CHECK_INT(cal_load_csv(&cal, z, strlen(z), NULL), CAL_EINVAL);
  CHECK(cal.zErr && strstr(cal.zErr, "第1行：缺少表头") != NULL);

  z = "date,kind,name\n2024-01-01,holiday\n";
  CHECK_INT(cal_load_csv(&cal, z, strlen(z), NULL), CAL_EINVAL);
  CHECK(cal.zErr && strstr(cal.zErr, "实际为2个") != NULL);

  CHECK_INT(cal_load_csv(&cal, "", 0, NULL), CAL_EINVAL);

  /* BOM, CRLF and blank lines are fine. */
  z = "\xEF\xBB\xBF" "date,kind,name\r\n\r\n2024-01-01,holiday,元旦\r\n";
  CHECK_INT(cal_load_csv(&cal, z, strlen(z), NULL), CAL_OK);
  CHECK_INT(cal.nOv, 1);
  CHECK(cal_covers(&cal, D("2024-06-01")));
  /* A clash with what is already loaded fails and changes nothing. */
  z = "date,kind,name\n2024-01-06,workday,x\n2024-01-01,workday,元旦\n";
  CHECK(cal_load_csv(&cal, z, strlen(z), NULL) < 0);
  CHECK_INT(cal.nOv, 1);
  cal_free(&cal);
}

TEST(calendar_add_api) {
  Calendar cal;
  cal_init(&cal);
  CHECK_INT(cal_add(&cal, D("2030-10-01"), CAL_HOLIDAY, "国庆节"), CAL_OK);
  CHECK_INT(cal_add(&cal, D("2030-10-01"), CAL_HOLIDAY, NULL), CAL_OK);
  CHECK_INT(cal_add(&cal, D("2030-10-01"), CAL_WORKDAY, "x"), CAL_EINVAL);
  CHECK_INT(cal_add(&cal, D("2030-09-29"), CAL_WORKDAY, "国庆节"), CAL_OK);
  CHECK_INT(cal_add(&cal, D("2030-09-29"), CAL_HOLIDAY, "x"), CAL_ECONFLICT);
  CHECK_INT(cal.nOv, 2);
  CHECK_STR(cal_override(&cal, D("2030-10-01"))->zName, "");
  CHECK(cal_covers(&cal, D("2030-01-01")));
  /* 2030-09-27 Fri: Sun 29(1) Mon 30(2) Wed 10-02(3). */
  CHECK_STR(ADD("2030-09-27", 3), "2030-10-02");
  cal_free(&cal);
}
