/* test_response_clock.c — public-opinion hour clocks and message reply
** limits (src/core/response_clock.c).  Times are Beijing local time;
** working days counted BY HAND from data/holidays_cn.csv. */
#include "../../src/core/response_clock.h"
#include "../../src/lib/embed.h"
#include "harness.h"
#include "datefix.h"

static time_t T(const char *z) {
  time_t t = 0;
  CHECK(datetime_parse_cn(z, &t) == 0);
  return t;
}


static const char *FT(time_t t) {
  static char z[2][DATETIME_STRLEN];
  static int i;
  i = !i;
  return datetime_format_cn(t, z[i]);
}

TEST(rc_major_emergency) {
  RcClock a[RC_MAX_CLOCKS];
  time_t tFound = T("2024-02-05 22:30");
  time_t tInfo = T("2024-02-06 03:30");      /* exactly 5 h: met */
  /* Nothing done yet at 02:00: both pending. */
  CHECK_INT(rc_opinion(RC_MAJOR_EMERGENCY, tFound, NULL, NULL,
                       T("2024-02-06 02:00"), a), 2);
  CHECK_STR(FT(a[0].tDue), "2024-02-06 03:30:00");
  CHECK_STR(FT(a[1].tDue), "2024-02-06 22:30:00");
  CHECK_INT(a[0].nHours, 5);
  CHECK_INT(a[1].nHours, 24);
  CHECK_INT(a[0].eState, RC_PENDING);
  CHECK_INT(a[1].eState, RC_PENDING);
  /* Information at 5 h sharp is on time; no press conference by 23:00. */
  rc_opinion(RC_MAJOR_EMERGENCY, tFound, &tInfo, NULL, T("2024-02-06 23:00"),
             a);
  CHECK_INT(a[0].eState, RC_MET);
  CHECK_INT(a[1].eState, RC_MISSED);
  CHECK_INT(a[1].nLate, 30 * 60);
  CHECK_STR(rc_state_label(a[1].eState), "超时");
  /* Information one minute late; press conference in time. */
  time_t tLate = tInfo + 60, tPress = T("2024-02-06 20:00");
  rc_opinion(RC_MAJOR_EMERGENCY, tFound, &tLate, &tPress,
             T("2024-02-07 09:00"), a);
  CHECK_INT(a[0].eState, RC_MISSED);
  CHECK_INT(a[0].nLate, 60);
  CHECK_INT(a[1].eState, RC_MET);
}

TEST(rc_other_48h) {
  RcClock a[RC_MAX_CLOCKS];
  time_t tFound = T("2024-02-09 10:00");     /* hours run over the holiday */
  CHECK_INT(rc_opinion(RC_OTHER, tFound, NULL, NULL, T("2024-02-11 09:59"),
                       a), 1);
  CHECK_STR(FT(a[0].tDue), "2024-02-11 10:00:00");
  CHECK_INT(a[0].eState, RC_PENDING);
  time_t tResp = T("2024-02-11 10:00:01");
  rc_opinion(RC_OTHER, tFound, &tResp, NULL, T("2024-02-12 00:00"), a);
  CHECK_INT(a[0].eState, RC_MISSED);
  CHECK_INT(a[0].nLate, 1);
  CHECK_INT(rc_opinion((RcCase)9, tFound, NULL, NULL, tFound, a), -1);
}

TEST(rc_message_reply) {
  Calendar cal;
  const Embedded *p = embed_find(aData, "holidays_cn.csv");
  cal_init(&cal);
  CHECK(p && cal_load_csv(&cal, (const char *)p->pData, p->nData, NULL) == 0);
  RcMessage m;
  char z[DATE_STRLEN];
  /* Received Thu 2024-02-08; 5 days: 09 (1), off 02-10..17, Sun 18 (2),
  ** 19 20 21 (5) -> 2024-02-21. */
  rc_message(&cal, D("2024-02-08"), 0, DATE_NONE, D("2024-02-19"), &m);
  CHECK_STR(date_format(m.dDue, z), "2024-02-21");
  CHECK_INT(m.nDays, 5);
  CHECK_INT(m.bOverdue, 0);
  CHECK_INT(m.nLeft, 2);
  rc_message(&cal, D("2024-02-08"), 0, DATE_NONE, D("2024-02-23"), &m);
  CHECK_INT(m.bOverdue, 1);
  CHECK_INT(m.nLeft, -2);                   /* 22, 23 */
  rc_message(&cal, D("2024-02-08"), 0, D("2024-02-21"), D("2024-03-01"), &m);
  CHECK_INT(m.bReplied, 1);
  CHECK_INT(m.bOverdue, 0);
  /* A 3-working-day local rule: 09 (1) Sun 18 (2) 19 (3). */
  rc_message(&cal, D("2024-02-08"), 3, D("2024-02-20"), D("2024-03-01"), &m);
  CHECK_STR(date_format(m.dDue, z), "2024-02-19");
  CHECK_INT(m.bOverdue, 1);
  CHECK_INT(m.nLeft, -1);
  cal_free(&cal);
}
