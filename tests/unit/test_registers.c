/* test_registers.c — rules of the registers: the message reply limit in
** working days as the registers use it (a setting, default 5), input
** checks of the public message form, and catalogue freshness periods
** (core/registers.c, core/freshness.c, core/response_clock.c).  Working
** days counted BY HAND from data/holidays_cn.csv. */
#include <string.h>

#include "core/freshness.h"
#include "core/registers.h"
#include "core/response_clock.h"
#include "harness.h"
#include "lib/embed.h"

static Date D(const char *z) {
  Date d = DATE_NONE;
  CHECK(date_parse(z, &d) == 0);
  return d;
}

static const char *FD(Date d) {
  static char z[4][DATE_STRLEN];
  static int i;
  i = (i + 1) % 4;
  return date_format(d, z[i]);
}

static void load_cal(Calendar *pCal) {
  const Embedded *e = embed_find(aData, "holidays_cn.csv");
  cal_init(pCal);
  CHECK(e != NULL);
  if (e) CHECK_INT(cal_load_csv(pCal, (const char *)e->pData, e->nData, "h"), CAL_OK);
}

TEST(registers_reply_limit_setting) {
  CHECK_INT(reg_reply_days(NULL), 5);
  CHECK_INT(reg_reply_days(""), 5);
  CHECK_INT(reg_reply_days("3"), 3);
  CHECK_INT(reg_reply_days("60"), 60);
  CHECK_INT(reg_reply_days("0"), 5);
  CHECK_INT(reg_reply_days("61"), 5);
  CHECK_INT(reg_reply_days("5x"), 5);
}

TEST(registers_message_limit_national_day_2024) {
  /* Received Friday 2024-09-27.  Working days after it: Sun 9-29
  ** (adjusted workday) 1, Mon 9-30 2, 10-01..10-07 holiday, Tue 10-08 3,
  ** Wed 10-09 4, Thu 10-10 5. */
  Calendar cal;
  RcMessage m;
  load_cal(&cal);
  rc_message(&cal, D("2024-09-27"), reg_reply_days("5"), DATE_NONE, D("2024-10-08"), &m);
  CHECK_STR(FD(m.dDue), "2024-10-10");
  CHECK_INT(m.bOverdue, 0);
  CHECK_INT(m.nLeft, 2);
  rc_message(&cal, D("2024-09-27"), reg_reply_days("3"), DATE_NONE, D("2024-10-09"), &m);
  CHECK_STR(FD(m.dDue), "2024-10-08");
  CHECK_INT(m.bOverdue, 1);
  CHECK_INT(m.nLeft, -1);
  /* Replied on the due day: on time; the day after: late. */
  rc_message(&cal, D("2024-09-27"), 5, D("2024-10-10"), D("2024-12-01"), &m);
  CHECK_INT(m.bReplied, 1);
  CHECK_INT(m.bOverdue, 0);
  rc_message(&cal, D("2024-09-27"), 5, D("2024-10-11"), D("2024-12-01"), &m);
  CHECK_INT(m.bOverdue, 1);
  /* Received on a Saturday of the Spring Festival 2024 (2-10..2-17 off,
  ** 2-04 and 2-18 adjusted workdays): 2-18 Sun 1, 2-19 2, 2-20 3, 2-21 4,
  ** 2-22 5. */
  rc_message(&cal, D("2024-02-10"), 5, DATE_NONE, D("2024-02-10"), &m);
  CHECK_STR(FD(m.dDue), "2024-02-22");
  cal_free(&cal);
}

TEST(registers_message_form_checks) {
  CHECK(reg_message_check("message", "", "", "标题", "内容") == NULL);
  CHECK(reg_message_check("mailbox", "王", "0955-5021796", "标题", "内容\n第二行") == NULL);
  CHECK(reg_message_check("message", "", "a@b.cn", "标题", "内容") == NULL);
  CHECK_STR(reg_message_check("x", "", "", "标题", "内容"),
            "请选择留言类型（网民留言或领导信箱）");
  CHECK_STR(reg_message_check("message", "", "", "", "内容"), "标题不能为空");
  CHECK_STR(reg_message_check("message", "", "", "　 ", "内容"), "标题不能为空");
  CHECK_STR(reg_message_check("message", "", "", "标题", NULL), "留言内容不能为空");
  CHECK_STR(reg_message_check("message", "", "", "a\nb", "内容"), "标题不能换行");
  CHECK_STR(reg_message_check("message", "", "", "a\x01", "内容"), "标题含有无效字符");
  CHECK_STR(reg_message_check("message", "", "", "\xff", "内容"), "标题含有无效字符");
  CHECK_STR(reg_message_check("message", "", "12345", "标题", "内容"),
            "联系方式应为电话号码或电子邮箱");
  CHECK_STR(reg_message_check("message", "", "a@b", "标题", "内容"),
            "联系方式应为电话号码或电子邮箱");
  char zLong[400];
  memset(zLong, 0, sizeof zLong);
  for (int i = 0; i < 101; i++) memcpy(zLong + 3 * i, "长", 3);
  CHECK_STR(reg_message_check("message", "", "", zLong, "内容"), "标题不能超过100个字");
  zLong[300] = 0;  /* exactly 100 characters */
  CHECK(reg_message_check("message", "", "", zLong, "内容") == NULL);
}

TEST(freshness_periods) {
  Date s, t;
  CHECK_INT(fresh_period("每季度"), FR_QUARTER);
  CHECK_INT(fresh_period("按季度更新"), FR_QUARTER);
  CHECK_INT(fresh_period("每月"), FR_MONTH);
  CHECK_INT(fresh_period("每半年"), FR_HALF);
  CHECK_INT(fresh_period("每年"), FR_YEAR);
  CHECK_INT(fresh_period("年度"), FR_YEAR);
  CHECK_INT(fresh_period("实时"), FR_NONE);
  CHECK_INT(fresh_period("及时更新"), FR_NONE);
  CHECK_INT(fresh_period(""), FR_NONE);
  fresh_bounds(FR_QUARTER, D("2026-11-23"), &s, &t);
  CHECK_STR(FD(s), "2026-10-01");
  CHECK_STR(FD(t), "2026-12-31");
  fresh_bounds(FR_MONTH, D("2024-02-10"), &s, &t);
  CHECK_STR(FD(t), "2024-02-29");
  fresh_bounds(FR_HALF, D("2026-07-01"), &s, &t);
  CHECK_STR(FD(s), "2026-07-01");
  CHECK_STR(FD(t), "2026-12-31");
  char z[32];
  CHECK_STR(fresh_period_name(FR_QUARTER, D("2026-07-01"), z, sizeof z), "2026年第3季度");
  CHECK_STR(fresh_period_name(FR_HALF, D("2026-01-01"), z, sizeof z), "2026年上半年");
}

TEST(freshness_states) {
  Date due;
  int nLeft;
  Date today = D("2026-11-23");
  /* Seed 002: drinking-water quality 每季度. */
  CHECK_INT(fresh_state(FR_QUARTER, D("2026-10-05"), today, &due, &nLeft), FR_CURRENT);
  CHECK_STR(FD(due), "2026-12-31");
  CHECK_INT(nLeft, 38);
  CHECK_INT(fresh_state(FR_QUARTER, D("2026-08-15"), today, &due, NULL), FR_PENDING);
  CHECK_STR(FD(due), "2026-12-31");
  /* 11 days left < 15: due soon. */
  CHECK_INT(fresh_state(FR_QUARTER, D("2026-08-15"), D("2026-12-20"), &due, &nLeft), FR_DUE_SOON);
  CHECK_INT(nLeft, 11);
  /* The third quarter had nothing: overdue since 2026-09-30. */
  CHECK_INT(fresh_state(FR_QUARTER, D("2026-06-30"), today, &due, NULL), FR_OVERDUE);
  CHECK_STR(FD(due), "2026-09-30");
  CHECK_INT(fresh_state(FR_QUARTER, DATE_NONE, today, &due, NULL), FR_OVERDUE);
  /* Monthly: 2026-03-01 with February covered: pending; January only:
  ** overdue since 2026-02-28. */
  CHECK_INT(fresh_state(FR_MONTH, D("2026-02-28"), D("2026-03-01"), &due, NULL), FR_PENDING);
  CHECK_INT(fresh_state(FR_MONTH, D("2026-01-31"), D("2026-03-01"), &due, NULL), FR_OVERDUE);
  CHECK_STR(FD(due), "2026-02-28");
  CHECK_INT(fresh_state(FR_NONE, DATE_NONE, today, &due, NULL), FR_NA);
  CHECK_STR(fresh_state_label(FR_OVERDUE), "逾期未更新");
}
