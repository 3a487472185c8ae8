/* test_date.c — civil dates and Beijing datetimes (src/lib/date.c).
** Expected values were worked out by hand from known anchors:
** 1970-01-01 = day 0 (a Thursday), 2024-01-01 = day 19723 (a Monday). */
#include <string.h>

#include "../../src/lib/date.h"
#include "harness.h"

static Date D(const char *z) {
  Date d = DATE_NONE;
  CHECK(date_parse(z, &d) == 0);
  return d;
}

static const char *F(Date d) {
  static char z[DATE_STRLEN];
  return date_format(d, z);
}

TEST(date_anchors) {
  CHECK_INT(D("1970-01-01"), 0);
  CHECK_INT(D("1969-12-31"), -1);
  CHECK_INT(D("2024-01-01"), 19723);
  CHECK_INT(D("2024-02-05"), 19758);
  CHECK_INT(D("2000-03-01") - D("2000-02-28"), 2);   /* 2000 is leap */
  CHECK_INT(D("2100-03-01") - D("2100-02-28"), 1);   /* 2100 is not */
  CHECK_INT(date_from_ymd(2026, 11, 23), D("2026-11-23"));
}

TEST(date_parse_strict) {
  Date d = 12345;
  CHECK(date_parse("2023-02-30", &d) < 0);
  CHECK(date_parse("2023-02-29", &d) < 0);
  CHECK(date_parse("1900-02-29", &d) < 0);
  CHECK(date_parse("2024-02-29", &d) == 0);
  CHECK(date_parse("2000-02-29", &d) == 0);
  CHECK(date_parse("2024-04-31", &d) < 0);
  CHECK(date_parse("2024-13-01", &d) < 0);
  CHECK(date_parse("2024-00-10", &d) < 0);
  CHECK(date_parse("2024-01-00", &d) < 0);
  CHECK(date_parse("2024-2-05", &d) < 0);
  CHECK(date_parse("2024-02-05 ", &d) < 0);
  CHECK(date_parse(" 2024-02-05", &d) < 0);
  CHECK(date_parse("24-02-05", &d) < 0);
  CHECK(date_parse("2024/02/05", &d) < 0);
  CHECK(date_parse("+024-02-05", &d) < 0);
  CHECK(date_parse("0000-01-01", &d) < 0);
  CHECK(date_parse("", &d) < 0);
  CHECK(date_parse(NULL, &d) < 0);
  CHECK_INT(d, D("2000-02-29"));        /* untouched by the failures */
  CHECK(date_parse_n("2024-02-05xyz", 10, &d) == 0);
  CHECK_INT(d, 19758);
}

TEST(year_parse_exactly_four_digits) {
  CHECK_INT(year_parse("2026"), 2026);
  CHECK_INT(year_parse("0999"), 999);
  CHECK_INT(year_parse("2026abc"), -1);
  CHECK_INT(year_parse("202"), -1);
  CHECK_INT(year_parse("20261"), -1);
  CHECK_INT(year_parse("+202"), -1);
  CHECK_INT(year_parse(" 2026"), -1);
  CHECK_INT(year_parse("4294969322"), -1);
  CHECK_INT(year_parse("\xef\xbc\x92\xef\xbc\x90\xef\xbc\x92\xef\xbc\x96"), -1);
  CHECK_INT(year_parse(""), -1);
  CHECK_INT(year_parse(NULL), -1);
}

TEST(date_roundtrip_and_accessors) {
  /* Every day 1899-12-01 .. 2101-01-31 formats and parses back. */
  int bad = 0;
  for (Date d = D("1899-12-01"); d <= D("2101-01-31"); d++) {
    Date e = DATE_NONE;
    if (date_parse(F(d), &e) || e != d) bad++;
  }
  CHECK_INT(bad, 0);
  CHECK_INT(date_year(D("2026-02-28")), 2026);
  CHECK_INT(date_month(D("2026-02-28")), 2);
  CHECK_INT(date_day(D("2026-02-28")), 28);
  CHECK_STR(F(D("1969-12-31")), "1969-12-31");
  CHECK_STR(F(DATE_NONE), "-");
  CHECK_STR(F(date_add_days(D("2024-02-28"), 2)), "2024-03-01");
  CHECK_STR(F(date_add_days(D("2024-01-01"), -1)), "2023-12-31");
}

/* Periods of months (民法典 Art. 202): the corresponding day of the
** month the period ends in, or that month's last day when it has none. */
TEST(date_add_months) {
  CHECK_STR(F(date_add_months(D("2026-12-20"), 3)), "2027-03-20");
  CHECK_STR(F(date_add_months(D("2026-11-30"), 3)), "2027-02-28");
  CHECK_STR(F(date_add_months(D("2027-11-30"), 3)), "2028-02-29");
  CHECK_STR(F(date_add_months(D("2026-08-31"), 1)), "2026-09-30");
  CHECK_STR(F(date_add_months(D("2026-01-31"), 6)), "2026-07-31");
  CHECK_STR(F(date_add_months(D("2026-03-15"), 0)), "2026-03-15");
}

TEST(date_weekday) {
  CHECK_INT(date_weekday(0), 4);                    /* 1970-01-01 Thursday */
  CHECK_INT(date_weekday(-1), 3);                   /* 1969-12-31 Wednesday */
  CHECK_INT(date_weekday(D("2024-02-05")), 1);      /* Monday */
  CHECK_INT(date_weekday(D("2024-02-04")), 7);      /* Sunday */
  CHECK_INT(date_weekday(D("2026-02-14")), 6);      /* Saturday */
  CHECK(date_is_weekend(D("2026-02-14")));
  CHECK(!date_is_weekend(D("2026-02-13")));
}

TEST(date_beijing_time) {
  /* 2024-02-04T16:00:00Z = 2024-02-05 00:00:00 Beijing = 1707062400. */
  CHECK_INT(date_today_cn((time_t)1707062400), D("2024-02-05"));
  CHECK_INT(date_today_cn((time_t)1707062399), D("2024-02-04"));
  CHECK_INT(date_from_time_cn((time_t)0), 0);       /* 08:00 Beijing */
  CHECK_INT(date_from_time_cn((time_t)-28801), -1); /* 1969-12-31 23:59:59 */
  CHECK_INT((long long)datetime_from_cn(D("2024-02-05"), 0, 0, 0),
            1707062400LL);
  time_t t = 0;
  CHECK(datetime_parse_cn("2024-02-05 09:30", &t) == 0);
  CHECK_INT((long long)t, 1707062400LL + 9 * 3600 + 30 * 60);
  CHECK(datetime_parse_cn("2024-02-05T09:30:15", &t) == 0);
  CHECK_INT((long long)t, 1707062400LL + 9 * 3600 + 30 * 60 + 15);
  CHECK(datetime_parse_cn("2024-02-05 24:00", &t) < 0);
  CHECK(datetime_parse_cn("2024-02-05 09:60", &t) < 0);
  CHECK(datetime_parse_cn("2024-02-30 09:00", &t) < 0);
  CHECK(datetime_parse_cn("2024-02-05 9:00", &t) < 0);
  CHECK(datetime_parse_cn("2024-02-05", &t) < 0);
  char z[DATETIME_STRLEN];
  CHECK_STR(datetime_format_cn((time_t)1707062400 + 3661, z),
            "2024-02-05 01:01:01");
  CHECK_STR(datetime_format_cn((time_t)-1, z), "1970-01-01 07:59:59");
}

/* Issue 12: plausible record dates run from 1949-10-01 to the same day one
** year ahead; from 2024-02-29 "a year ahead" is 2025-02-28. */
TEST(date_plausible_range) {
  Date today = date_from_ymd(2026, 12, 7);
  CHECK_INT(date_plausible(date_from_ymd(1949, 10, 1), today), 1);
  CHECK_INT(date_plausible(date_from_ymd(1949, 9, 30), today), 0);
  CHECK_INT(date_plausible(date_from_ymd(2027, 12, 7), today), 1);
  CHECK_INT(date_plausible(date_from_ymd(2027, 12, 8), today), 0);
  Date leap = date_from_ymd(2024, 2, 29);
  CHECK_INT(date_plausible(date_from_ymd(2025, 2, 28), leap), 1);
  CHECK_INT(date_plausible(date_from_ymd(2025, 3, 1), leap), 0);
}

TEST(date_beijing_for_people) {
  /* Issue 15: work done at 07:20 Beijing time on 12-07 is stored as
  ** 2026-12-06T23:20:00Z and must read 2026年12月7日 07:20. */
  time_t t = 0;
  char z[DATETIME_CN_STRLEN], zd[DATE_CN_STRLEN];
  CHECK(datetime_parse_utc("2026-12-06T23:20:00Z", &t) == 0);
  CHECK_STR(datetime_format_cn_long(t, z), "2026年12月7日 07:20");
  CHECK(datetime_parse_utc("2026-12-06 23:21:15", &t) == 0);
  CHECK_STR(datetime_format_cn_long(t, z), "2026年12月7日 07:21");
  CHECK_STR(datetime_format_cn(t, z), "2026-12-07 07:21:15");
  /* 15:59:59Z is still the same Beijing day (23:59:59), 16:00Z the next. */
  CHECK(datetime_parse_utc("2024-02-29T15:59:59Z", &t) == 0);
  CHECK_STR(datetime_format_cn_long(t, z), "2024年2月29日 23:59");
  CHECK(datetime_parse_utc("2024-02-29T16:00:00Z", &t) == 0);
  CHECK_STR(datetime_format_cn_long(t, z), "2024年3月1日 00:00");
  CHECK(datetime_parse_utc("2024-02-29", &t) < 0);
  CHECK(datetime_parse_utc("2024-02-30T01:00:00Z", &t) < 0);
  CHECK(datetime_parse_utc("2024-02-29T01:00:00+08:00", &t) < 0);
  CHECK_STR(date_format_cn_long(D("2026-01-05"), zd), "2026年1月5日");
  CHECK_STR(date_format_cn_long(DATE_NONE, zd), "-");
}
