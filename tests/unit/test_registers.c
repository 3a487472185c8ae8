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
#include "storefix.h"
#include "datefix.h"
#include "lib/embed.h"


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
  /* Each refusal names the field the form marks (page_field_error). */
  const char *zField = "none";
  CHECK(reg_message_check("message", "", "", "标题", "内容", &zField) == NULL);
  CHECK(zField == NULL);
  reg_message_check("x", "", "", "标题", "内容", &zField);
  CHECK_STR(zField, "box");
  reg_message_check("message", "", "", "a\nb", "内容", &zField);
  CHECK_STR(zField, "subject");
  reg_message_check("message", "", "", "标题", "　", &zField);
  CHECK_STR(zField, "body");
  reg_message_check("message", "\x01", "", "标题", "内容", &zField);
  CHECK_STR(zField, "name");
  reg_message_check("message", "", "12345", "标题", "内容", &zField);
  CHECK_STR(zField, "contact");
  CHECK(reg_message_check("message", "", "", "标题", "内容", NULL) == NULL);
  CHECK(reg_message_check("mailbox", "王", "0955-5021796", "标题", "内容\n第二行", NULL) == NULL);
  CHECK(reg_message_check("message", "", "a@b.cn", "标题", "内容", NULL) == NULL);
  CHECK_STR(reg_message_check("x", "", "", "标题", "内容", NULL),
            "请选择留言类型（网民留言或领导信箱）");
  CHECK_STR(reg_message_check("message", "", "", "", "内容", NULL), "标题不能为空");
  CHECK_STR(reg_message_check("message", "", "", "　 ", "内容", NULL), "标题不能为空");
  CHECK_STR(reg_message_check("message", "", "", "标题", NULL, NULL), "留言内容不能为空");
  CHECK_STR(reg_message_check("message", "", "", "a\nb", "内容", NULL), "标题不能换行");
  CHECK_STR(reg_message_check("message", "", "", "a\x01", "内容", NULL), "标题含有无效字符");
  CHECK_STR(reg_message_check("message", "", "", "\xff", "内容", NULL), "标题含有无效字符");
  CHECK_STR(reg_message_check("message", "", "12345", "标题", "内容", NULL),
            "联系方式应为电话号码或电子邮箱");
  CHECK_STR(reg_message_check("message", "", "a@b", "标题", "内容", NULL),
            "联系方式应为电话号码或电子邮箱");
  char zLong[400];
  memset(zLong, 0, sizeof zLong);
  for (int i = 0; i < 101; i++) memcpy(zLong + 3 * i, "长", 3);
  CHECK_STR(reg_message_check("message", "", "", zLong, "内容", NULL), "标题不能超过100个字");
  zLong[300] = 0;  /* exactly 100 characters */
  CHECK(reg_message_check("message", "", "", zLong, "内容", NULL) == NULL);
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

/* ---- On a real SQLite file ---------------------------------------------- */

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "core/workplan.h"
#include "lib/crypto.h"
#include "store/store_registers.h"

static Store *reg_db(char zDir[64], int64_t *pOrg) {
  char zPath[128];
  Store *s = NULL;
  char *zErr = NULL;
  snprintf(zDir, 64, "/tmp/gk-reg-test-XXXXXX");
  if (!mkdtemp(zDir)) return NULL;
  snprintf(zPath, sizeof zPath, "%s/t.db", zDir);
  if (fix_store_open(zPath, STORE_CREATE, &s, &zErr) != STORE_OK) {
    fprintf(stderr, "  store_open: %s\n", zErr ? zErr : "?");
    free(zErr);
    return NULL;
  }
  Org o;
  memset(&o, 0, sizeof o);
  o.zSlug = "t-org";
  o.zName = "测试局";
  if (store_org_add(s, &o) != STORE_OK) return NULL;
  *pOrg = o.id;
  return s;
}

static void reg_db_drop(Store *s, const char *zDir) {
  char zCmd[128];
  store_close(s);
  snprintf(zCmd, sizeof zCmd, "rm -rf '%s'", zDir);
  CHECK_INT(system(zCmd), 0);
}

/* Counts tasks of a stored plan whose lead list names zDept. */
static int stored_lead(TaskRec *aT, int n, const char *zDept) {
  int k = 0;
  for (int i = 0; i < n; i++) k += workplan_list_has(aT[i].zLead, zDept);
  return k;
}

TEST(registers_store_workplans_from_seeds) {
  char zDir[64];
  int64_t org, id2 = 0, id3 = 0;
  Arena a = ARENA_INIT;
  Store *s = reg_db(zDir, &org);
  CHECK(s != NULL);
  if (!s) return;
  static const struct { const char *zFile; int year; int64_t *pId; } aSeed[] = {
    {"workplan_seed002.txt", 2017, NULL}, {"workplan_seed003.txt", 2018, NULL}};
  for (int i = 0; i < 2; i++) {
    const Embedded *e = embed_find(aData, aSeed[i].zFile);
    WpPlan plan;
    const char *zErr;
    CHECK(e && workplan_parse(&a, (const char *)e->pData, e->nData, &plan, &zErr) == 0);
    CHECK_INT(store_workplan_import(s, org, aSeed[i].year, &plan, "", i ? &id3 : &id2),
              STORE_OK);
  }
  /* The same plan again is refused and stores nothing. */
  {
    const Embedded *e = embed_find(aData, "workplan_seed002.txt");
    WpPlan plan;
    const char *zErr;
    workplan_parse(&a, (const char *)e->pData, e->nData, &plan, &zErr);
    CHECK_INT(store_workplan_import(s, org, 2017, &plan, "", NULL), STORE_CONFLICT);
  }
  TaskRec *aT;
  int n;
  CHECK_INT(store_workplan_tasks(s, &a, id2, &aT, &n), STORE_OK);
  CHECK_INT(n, 12);
  CHECK_INT(stored_lead(aT, n, "办公室"), 7);
  CHECK_INT(stored_lead(aT, n, "公共卫生科"), 2);
  CHECK_STR(aT[4].zDueOn, "2017-12-31");
  CHECK_STR(aT[0].zDueOn, "");
  CHECK_INT(store_workplan_tasks(s, &a, id3, &aT, &n), STORE_OK);
  CHECK_INT(n, 41);
  CHECK_INT(stored_lead(aT, n, "综合管理办公室"), 34);
  CHECK_INT(stored_lead(aT, n, "财务科"), 3);
  CHECK_INT(stored_lead(aT, n, "人事劳资科"), 3);
  WorkplanRec *aW;
  /* As of 2019-01-01 the two tasks due 2018-12-31 of seed 003 and the two
  ** due 2017-12-31 of seed 002 are overdue. */
  CHECK_INT(store_workplan_list(s, &a, org, 0, 0, "2019-01-01", &aW, &n), STORE_OK);
  CHECK_INT(n, 2);
  CHECK_INT(aW[0].nTask + aW[1].nTask, 53);
  CHECK_INT(aW[0].nOverdue + aW[1].nOverdue, 4);
  /* A progress report marking one done takes it off the overdue count. */
  CHECK_INT(store_workplan_tasks(s, &a, id2, &aT, &n), STORE_OK);
  CHECK_INT(store_task_progress_add(s, aT[4].id, "2017-12-20", "已完成目录编制", "", 0, 1),
            STORE_OK);
  CHECK_INT(store_workplan_list(s, &a, org, 0, 2017, "2019-01-01", &aW, &n), STORE_OK);
  CHECK_INT(aW[0].nDone, 1);
  CHECK_INT(aW[0].nOverdue, 1);
  /* store_task_list selects exactly the tasks the plans' counts count. */
  CHECK_INT(store_task_list(s, &a, org, 0, 2017, "2019-01-01", TASK_ALL, &aT, &n), STORE_OK);
  CHECK_INT(n, 12);
  CHECK_STR(aT[0].zOrgName, aW[0].zOrgName);
  CHECK_STR(aT[0].zPlanTitle, aW[0].zTitle);
  CHECK_INT(store_task_list(s, &a, org, 0, 2017, "2019-01-01", TASK_DONE, &aT, &n), STORE_OK);
  CHECK_INT(n, 1);
  CHECK_STR(aT[0].zDoneOn, "2017-12-20");
  CHECK_INT(store_task_list(s, &a, org, 0, 2017, "2019-01-01", TASK_OVERDUE, &aT, &n),
            STORE_OK);
  CHECK_INT(n, 1);
  CHECK_STR(aT[0].zDueOn, "2017-12-31");
  CHECK_INT(store_task_list(s, &a, org, 0, 0, "2019-01-01", TASK_OVERDUE, &aT, &n), STORE_OK);
  CHECK_INT(n, 3);
  CHECK_INT(store_task_list(s, &a, org, 0, 2016, "2019-01-01", TASK_ALL, &aT, &n), STORE_OK);
  CHECK_INT(n, 0);
  arena_free(&a);
  reg_db_drop(s, zDir);
}

/* store_inspection_list: the year by 督查日期, the 整改中 selection, and
** the subtree — the dashboard's 接受督查 and 待整改 count these. */
TEST(registers_store_inspection_selections) {
  char zDir[64];
  int64_t org;
  Arena a = ARENA_INIT;
  Store *s = reg_db(zDir, &org);
  CHECK(s != NULL);
  if (!s) return;
  Org child;
  memset(&child, 0, sizeof child);
  child.zSlug = "t-child";
  child.zName = "测试医院";
  child.parentId = org;
  CHECK_INT(store_org_add(s, &child), STORE_OK);
  static const struct { int bChild; const char *zOn, *zFollowUp; int bClose; } aIn[] = {
    {0, "2018-03-01", "整改", 0},   /* 2018, open */
    {0, "2018-09-01", "整改", 1},   /* 2018, closed */
    {0, "2017-05-01", "", 0},       /* 2017, no follow-up: not open */
    {1, "2018-04-01", "整改", 0},   /* the child's, 2018, open */
  };
  for (int i = 0; i < 4; i++) {
    Inspection in;
    memset(&in, 0, sizeof in);
    in.orgId = aIn[i].bChild ? child.id : org;
    in.byOrgId = org;
    in.zInspectedOn = aIn[i].zOn;
    in.zSubject = "督查";
    in.zFindings = "问题";
    in.zFollowUp = aIn[i].zFollowUp;
    CHECK_INT(store_inspection_add(s, &in), STORE_OK);
    if (aIn[i].bClose) CHECK_INT(store_inspection_close(s, in.id, "2018-10-01"), STORE_OK);
  }
  Inspection *aI;
  int n;
  CHECK_INT(store_inspection_list(s, &a, org, 0, 0, 0, &aI, &n), STORE_OK);
  CHECK_INT(n, 3);
  CHECK_INT(store_inspection_list(s, &a, org, 0, 2018, 0, &aI, &n), STORE_OK);
  CHECK_INT(n, 2);
  CHECK_INT(store_inspection_list(s, &a, org, 1, 2018, 0, &aI, &n), STORE_OK);
  CHECK_INT(n, 3);
  CHECK_INT(store_inspection_list(s, &a, org, 0, 0, 1, &aI, &n), STORE_OK);
  CHECK_INT(n, 1);
  CHECK_STR(aI[0].zInspectedOn, "2018-03-01");
  CHECK_INT(store_inspection_list(s, &a, org, 1, 0, 1, &aI, &n), STORE_OK);
  CHECK_INT(n, 2);
  CHECK_INT(store_inspection_list(s, &a, org, 1, 2017, 1, &aI, &n), STORE_OK);
  CHECK_INT(n, 0);
  arena_free(&a);
  reg_db_drop(s, zDir);
}

TEST(registers_store_opinion_clocks) {
  char zDir[64];
  int64_t org;
  Arena a = ARENA_INIT;
  Store *s = reg_db(zDir, &org);
  CHECK(s != NULL);
  if (!s) return;
  time_t tFound = 0;
  CHECK(datetime_parse_cn("2024-07-01 08:00", &tFound) == 0);
  OpinionEvent e;
  memset(&e, 0, sizeof e);
  e.orgId = org;
  e.zTitle = "重大突发事件";
  e.zLevel = "major";
  e.tFound = tFound;
  CHECK_INT(store_opinion_add(s, &e, 0), STORE_OK);
  /* An online reply after 6 h (late for the 5 h rule), a press
  ** conference after 20 h (in time for the 24 h rule). */
  OpinionResponse p = {0, e.id, "online", (int64_t)tFound + 6 * 3600, ""};
  CHECK_INT(store_opinion_response_add(s, &p), STORE_OK);
  OpinionResponse q = {0, e.id, "press", (int64_t)tFound + 20 * 3600, ""};
  CHECK_INT(store_opinion_response_add(s, &q), STORE_OK);
  OpinionEvent g;
  CHECK_INT(store_opinion_get(s, &a, e.id, &g), STORE_OK);
  CHECK_INT(g.tInfo, (int64_t)tFound + 6 * 3600);
  CHECK_INT(g.tPress, (int64_t)tFound + 20 * 3600);
  CHECK_INT(g.nResponse, 2);
  RcClock ac[RC_MAX_CLOCKS];
  time_t tInfo = (time_t)g.tInfo, tPress = (time_t)g.tPress;
  CHECK_INT(rc_opinion(RC_MAJOR_EMERGENCY, (time_t)g.tFound, &tInfo, &tPress,
                       tFound + 72 * 3600, ac), 2);
  CHECK_INT(ac[0].eState, RC_MISSED);
  CHECK_INT(ac[0].nLate, 3600);
  CHECK_INT(ac[1].eState, RC_MET);
  /* Listing by year uses the Beijing calendar year of found_at. */
  OpinionEvent *aE;
  int n;
  CHECK_INT(store_opinion_list(s, &a, org, 0, 2024, &aE, &n), STORE_OK);
  CHECK_INT(n, 1);
  CHECK_INT(store_opinion_list(s, &a, org, 0, 2023, &aE, &n), STORE_OK);
  CHECK_INT(n, 0);
  /* Message rate limit rows. */
  Message m;
  memset(&m, 0, sizeof m);
  m.orgId = org;
  m.zBox = "message";
  m.zSubject = "s";
  m.zBody = "b";
  m.zReceivedOn = "2024-07-01";
  CHECK_INT(store_message_add(s, &m, "addr:1.2.3.4", 1000000), STORE_OK);
  CHECK_INT(store_message_add(s, &m, "addr:1.2.3.4", 1000100), STORE_OK);
  CHECK_INT(store_message_recent(s, "addr:1.2.3.4", 1000050), 1);
  CHECK_INT(store_message_recent(s, "addr:1.2.3.4", 0), 2);
  CHECK_INT(store_message_recent(s, "addr:5.6.7.8", 0), 0);
  CHECK_INT(store_message_count(s, org), 2);
  arena_free(&a);
  reg_db_drop(s, zDir);
}

#include <sqlite3.h>

#include "store/store_applications.h"

/* Application figures of the dashboard.  The applications module (another
** branch) owns the table; when it is absent this test creates one with the
** columns the figures read and the NOT NULL ones of that module's schema,
** so the same rows work before and after the module is merged. */
TEST(registers_store_application_figures) {
  char zDir[64], zPath[128];
  int64_t org;
  Store *s = reg_db(zDir, &org);
  CHECK(s != NULL);
  if (!s) return;
  AppStats st;
  sqlite3 *db = NULL;
  snprintf(zPath, sizeof zPath, "%s/t.db", zDir);
  int bHave = 1;  /* PostgreSQL: always (a database from migration 0040 on) */
  if (!fix_on_pg()) {
    CHECK_INT(sqlite3_open(zPath, &db), SQLITE_OK);
    sqlite3_stmt *q;
    sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_master WHERE name='application'", -1, &q, NULL);
    bHave = sqlite3_step(q) == SQLITE_ROW && sqlite3_column_int(q, 0);
    sqlite3_finalize(q);
  }
  if (!bHave) {
    CHECK_INT(store_reg_app_stats(s, org, 0, 2026, "2026-05-10", "2026-05-13", &st),
              STORE_NOTFOUND);
    CHECK_INT(sqlite3_exec(db,
        "CREATE TABLE application(id INTEGER PRIMARY KEY, org_id INTEGER NOT NULL,"
        " reg_no TEXT NOT NULL UNIQUE, tracking_hash TEXT NOT NULL UNIQUE,"
        " channel TEXT NOT NULL, applicant_type TEXT NOT NULL,"
        " applicant_name TEXT NOT NULL, id_kind TEXT NOT NULL,"
        " received_on TEXT NOT NULL, state TEXT NOT NULL DEFAULT 'received',"
        " due_on TEXT, closed_on TEXT, created_at TEXT NOT NULL)",
        NULL, NULL, NULL), SQLITE_OK);
  }
  char zSql[1024];
  static const struct { const char *zDue, *zClosed; } aRow[] = {
    {"2026-05-12", NULL},          /* open, due within the window */
    {"2026-05-01", NULL},          /* open, overdue */
    {"2026-06-30", NULL},          /* open, not due yet */
    {"2026-03-05", "2026-03-01"},  /* closed in time */
    {"2026-04-10", "2026-04-20"},  /* closed late */
    {"2025-12-20", "2025-12-01"},  /* closed in another year */
  };
  for (int i = 0; i < 6; i++) {
    snprintf(zSql, sizeof zSql,
             "INSERT INTO application(org_id,reg_no,tracking_hash,channel,applicant_type,"
             "applicant_name,id_kind,received_on,due_on,closed_on,created_at)"
             " VALUES(%lld,'t-%d','h%d','online','natural_person','张三','resident_id',"
             "'2025-11-01','%s',%s%s%s,'2026-01-01T00:00:00Z')",
             (long long)org, i, i, aRow[i].zDue, aRow[i].zClosed ? "'" : "",
             aRow[i].zClosed ? aRow[i].zClosed : "NULL", aRow[i].zClosed ? "'" : "");
    CHECK_INT(fix_exec_sql(zPath, zSql), 0);
  }
  sqlite3_close(db);
  CHECK_INT(store_reg_app_stats(s, org, 0, 2026, "2026-05-10", "2026-05-13", &st), STORE_OK);
  CHECK_INT(st.nOpen, 3);
  CHECK_INT(st.nDueSoon, 1);
  CHECK_INT(st.nOverdue, 1);
  CHECK_INT(st.nClosed, 2);
  CHECK_INT(st.nOnTime, 1);
  /* The list the figures link to selects the same rows (store_app_query
  ** shares the conditions, app_where.h), and pages. */
  if (bHave) {
    Arena a = ARENA_INIT;
    static const struct { const char *zFilter; int n; const char *zFirst; } aQ[] = {
      {"open", 3, "t-2"}, {"due_soon", 1, "t-0"}, {"overdue", 1, "t-1"},
      {"closed", 2, "t-4"}, {"", 6, "t-5"},
    };
    for (int i = 0; i < 5; i++) {
      AppQuery qq;
      App *aApp = NULL;
      int n = -1, nTotal = -1;
      memset(&qq, 0, sizeof qq);
      qq.orgId = org;
      qq.zFilter = aQ[i].zFilter;
      qq.year = 2026;
      qq.zToday = "2026-05-10";
      qq.zSoon = "2026-05-13";
      qq.nLimit = 100;
      CHECK_INT(store_app_query(s, &a, &qq, &aApp, &n, &nTotal), STORE_OK);
      CHECK_INT(nTotal, aQ[i].n);
      CHECK_INT(n, aQ[i].n);
      if (n > 0) CHECK_STR(aApp[0].zRegNo, aQ[i].zFirst);
      /* Page 2 of 1-row pages. */
      qq.nLimit = 1;
      qq.nOffset = 1;
      CHECK_INT(store_app_query(s, &a, &qq, &aApp, &n, &nTotal), STORE_OK);
      CHECK_INT(n, aQ[i].n > 1 ? 1 : 0);
      CHECK_INT(nTotal, aQ[i].n);
    }
    AppQuery bad;
    App *aApp;
    int n;
    memset(&bad, 0, sizeof bad);
    bad.orgId = org;
    bad.zFilter = "late";
    bad.nLimit = 10;
    CHECK_INT(store_app_query(s, &a, &bad, &aApp, &n, NULL), STORE_INVALID);
    arena_free(&a);
  }
  reg_db_drop(s, zDir);
}

/* The dates of an NPC suggestion or CPPCC proposal (registration and
** correction): an NPC suggestion is answered within three months of 交办,
** six at most with the assigning office's consent (the local rules under
** the 代表法: 自交办之日起三个月内答复, 延长至六个月), so a blank 办理期限 is
** three months after 交办 (民法典 Art. 202: the corresponding day); the
** CPPCC proposals' period varies with the local rules (three or five
** months), so it is never filled in.  A due date before 交办 is refused. */
TEST(registers_proposal_dates) {
  Date dDue = 0;
  CHECK(reg_proposal_dates("npc", D("2026-12-20"), DATE_NONE, &dDue) == NULL);
  CHECK_STR(FD(dDue), "2027-03-20");
  CHECK(reg_proposal_dates("npc", D("2026-11-30"), DATE_NONE, &dDue) == NULL);
  CHECK_STR(FD(dDue), "2027-02-28");
  /* Six months is the longest an NPC suggestion may take. */
  CHECK(reg_proposal_dates("npc", D("2026-03-10"), D("2026-09-10"), &dDue) == NULL);
  CHECK_STR(FD(dDue), "2026-09-10");
  CHECK(reg_proposal_dates("npc", D("2026-03-10"), D("2026-09-11"), &dDue) != NULL);
  /* A CPPCC proposal keeps what was given, blank included. */
  CHECK(reg_proposal_dates("cppcc", D("2026-03-10"), DATE_NONE, &dDue) == NULL);
  CHECK(dDue == DATE_NONE);
  CHECK(reg_proposal_dates("cppcc", D("2026-03-10"), D("2026-10-10"), &dDue) == NULL);
  CHECK_STR(FD(dDue), "2026-10-10");
  /* Due before 交办: refused for both kinds; the due day itself is fine. */
  CHECK(reg_proposal_dates("npc", D("2026-12-20"), D("2026-12-01"), &dDue) != NULL);
  CHECK(reg_proposal_dates("cppcc", D("2026-12-20"), D("2026-12-19"), &dDue) != NULL);
  CHECK(reg_proposal_dates("cppcc", D("2026-12-20"), D("2026-12-20"), &dDue) == NULL);
  /* No 交办 date: nothing to compute from, nothing to compare. */
  CHECK(reg_proposal_dates("npc", DATE_NONE, DATE_NONE, &dDue) == NULL);
  CHECK(dDue == DATE_NONE);
  CHECK(reg_proposal_dates("npc", DATE_NONE, D("2026-06-30"), &dDue) == NULL);
  CHECK_STR(FD(dDue), "2026-06-30");
}

/* An inspection's dates, today being 2026-12-07: held on or before today;
** the follow-up due on or after the day of the inspection; closed on or
** after it and not after today.  DATE_NONE: not given. */
TEST(registers_inspection_dates) {
  Date t = D("2026-12-07");
  CHECK(reg_inspection_dates(D("2026-12-07"), DATE_NONE, DATE_NONE, t) == NULL);
  CHECK(reg_inspection_dates(D("2026-12-08"), DATE_NONE, DATE_NONE, t) != NULL);
  CHECK(reg_inspection_dates(D("2026-10-16"), D("2026-10-16"), DATE_NONE, t) == NULL);
  CHECK(reg_inspection_dates(D("2026-10-16"), D("2026-10-15"), DATE_NONE, t) != NULL);
  /* A due date may lie ahead; the closing may not. */
  CHECK(reg_inspection_dates(D("2026-10-16"), D("2027-01-16"), DATE_NONE, t) == NULL);
  CHECK(reg_inspection_dates(D("2026-10-16"), D("2026-11-16"), D("2026-11-12"), t) == NULL);
  CHECK(reg_inspection_dates(D("2026-10-16"), D("2026-11-16"), D("2026-12-07"), t) == NULL);
  CHECK(reg_inspection_dates(D("2026-10-16"), D("2026-11-16"), D("2026-12-08"), t) != NULL);
  CHECK(reg_inspection_dates(D("2026-10-16"), D("2026-11-16"), D("2026-10-15"), t) != NULL);
}
