/* test_report_compute.c — the annual report computed from the records
** (src/store/store_reports.c), on small hand-built data sets whose every
** cell was counted by hand: table 三 over an organisation tree (carried
** over, received on 31 December, withdrawn, 不予处理, fee unpaid), table 四
** (filed in the year, result as known on 31 December), table 二 (documents
** by signing date, in force on 31 December, a document withdrawn after the
** year; the 2019 format's 事项 numbers summed over a subtree) and the fee
** collected in the year (the 2021 draft's 信息处理费, the stat form's 七).
** The expected numbers are in the comments next to the rows that make
** them. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../src/lib/date.h"
#include "../../src/store/store_reports.h"
#include "harness.h"
#include "report_fixture.h"
#include "storefix.h"

/* Tree: 1 测试局 (root, from fix_org_store) > 2 甲科 > 4 丙所; 1 > 3 乙科. */
static const char zTree[] =
    "INSERT INTO org(id,parent_id,slug,name,created_at) VALUES"
    " (2,1,'t-a','甲单位','2020-01-01T00:00:00Z'),"
    " (3,1,'t-b','乙单位','2020-01-01T00:00:00Z'),"
    " (4,2,'t-c','丙单位','2020-01-01T00:00:00Z');";

/* One application row: id, org, applicant type, received, closed (or
** NULL), outcome (or NULL). */
static int app_row(const char *zPath, int id, int org, const char *zType,
                   const char *zRecv, const char *zClosed,
                   const char *zOutcome) {
  char z[1024];
  snprintf(z, sizeof z,
           "INSERT INTO application(id,org_id,reg_no,tracking_hash,channel,"
           "applicant_type,applicant_name,id_kind,received_on,closed_on,"
           "outcome,state,created_at) VALUES(%d,%d,'r%d','h%d','online',"
           "'%s','某','other','%s',%s%s%s,%s%s%s,'%s','%sT00:00:00Z')",
           id, org, id, id, zType, zRecv, zClosed ? "'" : "",
           zClosed ? zClosed : "NULL", zClosed ? "'" : "", zOutcome ? "'" : "",
           zOutcome ? zOutcome : "NULL", zOutcome ? "'" : "",
           zClosed ? "closed" : "in_progress", zRecv);
  return fix_exec_sql(zPath, z);
}

/* The integer value of a cell, -1 when blank, -2 when no such cell. */
static long long cell(const Report *p, const char *zTab, const char *zRow,
                      const char *zCol) {
  long long v = 0;
  int i = rf_cell(p->pFmt, zTab, zRow, zCol);
  if (i < 0) return -2;
  if (!report_get(p, i, &v)) return -1;
  return v / RF_SCALE;
}

/* The raw RF_SCALE value of a cell (amounts), -1 when blank. */
static long long raw(const Report *p, const char *zTab, const char *zRow,
                     const char *zCol) {
  long long v = 0;
  if (!report_get(p, rf_cell(p->pFmt, zTab, zRow, zCol), &v)) return -1;
  return v;
}

/* Computes (org, subtree, year) in format zFmt, both ways (grouped and per
** record) and checks they agree; returns the grouped report. */
static Report *compute(Store *s, const RfSet *pSet, const char *zFmt,
                       int64_t org, int bSub, int year) {
  const RfFormat *f = rf_format_find(pSet, zFmt);
  Report *p = report_new(f, "测试局", year);
  Report *q = report_new(f, "测试局", year);
  CHECK_INT(store_report_compute(s, org, bSub, 0, p), STORE_OK);
  CHECK_INT(store_report_compute(s, org, bSub, 1, q), STORE_OK);
  for (int i = 0; i < f->nCell; i++) {
    long long a = -1, b = -1;
    report_get(p, i, &a);
    report_get(q, i, &b);
    if (a != b) {
      char *zId = rf_cell_id(f, i);
      fprintf(stderr, "  %s: grouped %lld, per record %lld\n", zId, a, b);
      free(zId);
      harness_failed = 1;
    }
  }
  report_free(q);
  return p;
}

/* Table 三 and 四 of 2023 over the tree, each application counted by hand. */
TEST(report_compute_t3_t4_over_the_tree) {
  RfSet set = {0};
  char zDir[] = "/tmp/gk-unit-rc-XXXXXX", zPath[128];
  int64_t org = 0, user = 0;
  fixture_formats(&set);
  Store *s = fix_org_store(zDir, zPath, &org, &user);
  CHECK(s != NULL);
  if (!s) return;
  CHECK_INT(fix_exec_sql(zPath, zTree), 0);
  /* 1 甲: new 自然人, granted in 2023. */
  CHECK_INT(app_row(zPath, 1, 2, "natural_person", "2023-03-01",
                    "2023-03-20", "results.granted"), 0);
  /* 2 甲: carried in (商业企业), partial in 2023. */
  CHECK_INT(app_row(zPath, 2, 2, "commercial", "2022-12-20", "2023-01-10",
                    "results.partial"), 0);
  /* 3 甲: received on 31 December (科研机构), open: new and carried out. */
  CHECK_INT(app_row(zPath, 3, 2, "research", "2023-12-31", NULL, NULL), 0);
  /* 4 甲: carried in and out (自然人), closed in 2024. */
  CHECK_INT(app_row(zPath, 4, 2, "natural_person", "2022-11-01",
                    "2024-01-05", "results.cannot_provide.not_held"), 0);
  /* 5 乙: withdrawn (法律服务机构): （六）3.其他. */
  CHECK_INT(app_row(zPath, 5, 3, "legal_service", "2023-05-05", "2023-05-06",
                    "results.other.other"), 0);
  /* 6 乙: 重复申请 (社会公益组织). */
  CHECK_INT(app_row(zPath, 6, 3, "public_welfare", "2023-06-01",
                    "2023-06-30", "results.not_processed.repeat"), 0);
  /* 7 丙: fee unpaid (其他). */
  CHECK_INT(app_row(zPath, 7, 4, "other_org", "2023-07-01", "2023-08-01",
                    "results.other.fee_unpaid"), 0);
  /* 8 丙: 2021–2022, 9 root: 2024 — not in 2023. */
  CHECK_INT(app_row(zPath, 8, 4, "natural_person", "2021-05-01",
                    "2022-01-01", "results.granted"), 0);
  CHECK_INT(app_row(zPath, 9, 1, "natural_person", "2024-01-01", NULL, NULL),
            0);
  /* Table 四: review of 1 filed 2023, upheld 2023-09-01; direct suit of 2
  ** filed 2023, decided 2024 (pending on 31 Dec); a suit after review of 6
  ** filed 2022 (not in 2023). */
  CHECK_INT(fix_exec_sql(zPath,
      "INSERT INTO application_review(application_id,kind,result,filed_on,"
      "decided_on) VALUES (1,'review','upheld','2023-05-01','2023-09-01'),"
      "(2,'lit_direct','corrected','2023-04-01','2024-02-01'),"
      "(6,'lit_after_review','upheld','2022-12-01','2023-01-20')"), 0);
  Report *p = compute(s, &set, "2021", org, 1, 2023);
  /* 一: 1 np, 3 research, 5 legal, 6 welfare, 7 other = 5. */
  CHECK_INT(cell(p, "t3", "new", "natural_person"), 1);
  CHECK_INT(cell(p, "t3", "new", "commercial"), 0);
  CHECK_INT(cell(p, "t3", "new", "research"), 1);
  CHECK_INT(cell(p, "t3", "new", "public_welfare"), 1);
  CHECK_INT(cell(p, "t3", "new", "legal_service"), 1);
  CHECK_INT(cell(p, "t3", "new", "other_org"), 1);
  CHECK_INT(cell(p, "t3", "new", "total"), 5);
  /* 二: 2 commercial, 4 np. */
  CHECK_INT(cell(p, "t3", "carried_in", "natural_person"), 1);
  CHECK_INT(cell(p, "t3", "carried_in", "commercial"), 1);
  CHECK_INT(cell(p, "t3", "carried_in", "total"), 2);
  /* 三: 1 granted, 2 partial, 6 repeat, 5 other, 7 fee unpaid = 5. */
  CHECK_INT(cell(p, "t3", "results.granted", "natural_person"), 1);
  CHECK_INT(cell(p, "t3", "results.partial", "commercial"), 1);
  CHECK_INT(cell(p, "t3", "results.not_processed.repeat", "public_welfare"),
            1);
  CHECK_INT(cell(p, "t3", "results.other.other", "legal_service"), 1);
  CHECK_INT(cell(p, "t3", "results.other.fee_unpaid", "other_org"), 1);
  CHECK_INT(cell(p, "t3", "results.cannot_provide.not_held", "total"), 0);
  CHECK_INT(cell(p, "t3", "results.total", "natural_person"), 1);
  CHECK_INT(cell(p, "t3", "results.total", "total"), 5);
  /* 四: 3 research, 4 np. */
  CHECK_INT(cell(p, "t3", "carry_out", "research"), 1);
  CHECK_INT(cell(p, "t3", "carry_out", "natural_person"), 1);
  CHECK_INT(cell(p, "t3", "carry_out", "total"), 2);
  /* 四 table: review upheld 1; direct suit pending 1. */
  CHECK_INT(cell(p, "t4", "cases", "review.upheld"), 1);
  CHECK_INT(cell(p, "t4", "cases", "review.total"), 1);
  CHECK_INT(cell(p, "t4", "cases", "lit_direct.pending"), 1);
  CHECK_INT(cell(p, "t4", "cases", "lit_direct.corrected"), 0);
  CHECK_INT(cell(p, "t4", "cases", "lit_direct.total"), 1);
  CHECK_INT(cell(p, "t4", "cases", "lit_after_review.total"), 0);
  RpResult res;
  report_check(p, NULL, &res);
  CHECK_INT(res.nBroken, 0);
  CHECK_INT(res.nBlank, 0);
  rp_result_free(&res);
  report_free(p);
  /* 甲 alone: 1, 3 new; 2, 4 carried in; 1, 2 closed; 3, 4 carried out. */
  p = compute(s, &set, "2021", 2, 0, 2023);
  CHECK_INT(cell(p, "t3", "new", "total"), 2);
  CHECK_INT(cell(p, "t3", "carried_in", "total"), 2);
  CHECK_INT(cell(p, "t3", "results.total", "total"), 2);
  CHECK_INT(cell(p, "t3", "carry_out", "total"), 2);
  report_free(p);
  /* 2022 over the tree: carry_out = 2, 4 (= 2023's carried in); the 2019
  ** format folds （六）: none in 2022.  8 closed 2022-01-01 (granted). */
  p = compute(s, &set, "2021", org, 1, 2022);
  CHECK_INT(cell(p, "t3", "carry_out", "total"), 2);
  CHECK_INT(cell(p, "t3", "carried_in", "natural_person"), 1);
  CHECK_INT(cell(p, "t3", "results.granted", "natural_person"), 1);
  report_free(p);
  /* 2023 in the 2019 format: （六）其他处理 is one row: 5 and 7. */
  p = compute(s, &set, "2019", org, 1, 2023);
  CHECK_INT(cell(p, "t3", "results.other", "total"), 2);
  CHECK_INT(cell(p, "t3", "results.other", "legal_service"), 1);
  CHECK_INT(cell(p, "t3", "results.total", "total"), 5);
  report_free(p);
  store_close(s);
  rf_set_free(&set);
}

/* The 2019 format's 上一年项目数量 / 本年增/减 over a subtree: each unit's
** number carries over when its year has none, so the sum is the sum of
** the units' own rows. */
TEST(report_compute_items_carry_over_per_unit) {
  RfSet set = {0};
  char zDir[] = "/tmp/gk-unit-rc-XXXXXX", zPath[128];
  int64_t org = 0, user = 0;
  fixture_formats(&set);
  Store *s = fix_org_store(zDir, zPath, &org, &user);
  CHECK(s != NULL);
  if (!s) return;
  CHECK_INT(fix_exec_sql(zPath, zTree), 0);
  /* 行政许可 事项: 甲 10 (2019) → 12 (2020); 乙 5 (2019), none stated for
  ** 2020 (carried over: 5, 增减 0).  Sum: 上一年 15, 增减 +2.
  ** 行政处罚: 丙 only in 2020 (7, a unit new in 2020), 甲 3 → 3:
  ** 上一年 3, 增减 +7 (丙's seven are new this year). */
  CHECK_INT(fix_exec_sql(zPath,
      "INSERT INTO report_register(org_id,year,kind,count,amount,items,at)"
      " VALUES (2,2019,'licensing',0,0,10,'x'),(2,2020,'licensing',4,0,12,'x'),"
      " (3,2019,'licensing',0,0,5,'x'),(3,2020,'licensing',1,0,NULL,'x'),"
      " (4,2020,'penalty',2,0,7,'x'),(2,2019,'penalty',0,0,3,'x'),"
      " (2,2020,'penalty',0,0,3,'x')"), 0);
  Report *p = compute(s, &set, "2019", org, 1, 2020);
  CHECK_INT(cell(p, "t2_art20_5", "licensing", "prev_items"), 15);
  CHECK_INT(cell(p, "t2_art20_5", "licensing", "delta"), 2);
  CHECK_INT(cell(p, "t2_art20_5", "licensing", "decisions"), 5);
  CHECK_INT(cell(p, "t2_art20_6", "penalty", "prev_items"), 3);
  CHECK_INT(cell(p, "t2_art20_6", "penalty", "delta"), 7);
  CHECK_INT(cell(p, "t2_art20_6", "penalty", "decisions"), 2);
  report_free(p);
  /* 乙 alone: 5 carried over, 0. */
  p = compute(s, &set, "2019", 3, 0, 2020);
  CHECK_INT(cell(p, "t2_art20_5", "licensing", "prev_items"), 5);
  CHECK_INT(cell(p, "t2_art20_5", "licensing", "delta"), 0);
  report_free(p);
  /* 丙 alone: no 2019 number, blank. */
  p = compute(s, &set, "2019", 4, 0, 2020);
  CHECK_INT(cell(p, "t2_art20_6", "penalty", "prev_items"), -1);
  CHECK_INT(cell(p, "t2_art20_6", "penalty", "delta"), -1);
  report_free(p);
  store_close(s);
  rf_set_free(&set);
}

/* Table 二（一）: a 行政规范性文件 published in 2022 and withdrawn in 2023
** was published and in force on 31 December 2022: 2022's 现行有效 counts
** it (made 1, in force 1, so the roll-forward holds).  Withdrawn at
** 2023-01-01 00:30 Beijing time (2022-12-31 16:30 UTC) it was still
** published on 31 December too. */
TEST(report_compute_doc_withdrawn_after_the_year) {
  RfSet set = {0};
  char zDir[] = "/tmp/gk-unit-rc-XXXXXX", zPath[128];
  int64_t org = 0, user = 0;
  fixture_formats(&set);
  Store *s = fix_org_store(zDir, zPath, &org, &user);
  CHECK(s != NULL);
  if (!s) return;
  char z[1024];
  /* 1: withdrawn 2023-06-01; 2: withdrawn 2023-01-01 00:30 Beijing;
  ** 3: withdrawn 2022-12-31 10:00 Beijing (not in force on 31 Dec);
  ** 4: published 2022, in force. */
  snprintf(z, sizeof z,
      "INSERT INTO doc(id,org_id,title,signed_date,published_date,"
      "report_kind,state,withdrawn_at,created_by,created_at,updated_at)"
      " VALUES (1,%lld,'甲','2022-03-01','2022-03-05','normative','withdrawn',"
      "'2023-06-01T02:00:00Z',%lld,'x','x'),"
      " (2,%lld,'乙','2022-04-01','2022-04-05','normative','withdrawn',"
      "'2022-12-31T16:30:00Z',%lld,'x','x'),"
      " (3,%lld,'丙','2022-05-01','2022-05-05','normative','withdrawn',"
      "'2022-12-31T02:00:00Z',%lld,'x','x'),"
      " (4,%lld,'丁','2022-06-01','2022-06-05','normative','published',"
      "NULL,%lld,'x','x')",
      (long long)org, (long long)user, (long long)org, (long long)user,
      (long long)org, (long long)user, (long long)org, (long long)user);
  CHECK_INT(fix_exec_sql(zPath, z), 0);
  Report *p = compute(s, &set, "2021", org, 0, 2022);
  CHECK_INT(cell(p, "t2_art20_1", "normative_docs", "made"), 4);
  CHECK_INT(cell(p, "t2_art20_1", "normative_docs", "repealed"), 0);
  CHECK_INT(cell(p, "t2_art20_1", "normative_docs", "valid"), 3);
  report_free(p);
  /* 2023: 1 and 2 withdrawn in 2023 are no longer in force: 4 only. */
  p = compute(s, &set, "2021", org, 0, 2023);
  CHECK_INT(cell(p, "t2_art20_1", "normative_docs", "made"), 0);
  CHECK_INT(cell(p, "t2_art20_1", "normative_docs", "valid"), 1);
  report_free(p);
  /* The 2019 format's 对外公开总数量 the same way. */
  p = compute(s, &set, "2019", org, 0, 2022);
  CHECK_INT(cell(p, "t2_art20_1", "normative_docs", "total_public"), 3);
  report_free(p);
  store_close(s);
  rf_set_free(&set);
}

/* The fee collected in a year is the fee paid in it: paid 2022-12-20 for
** an application answered 2023-01-05 counts in 2022 (the 2021 draft's
** 信息处理费, the stat form's 七 in 万元), not in 2023. */
TEST(report_compute_fee_in_the_year_paid) {
  RfSet set = {0};
  char zDir[] = "/tmp/gk-unit-rc-XXXXXX", zPath[128];
  int64_t org = 0, user = 0;
  fixture_formats(&set);
  Store *s = fix_org_store(zDir, zPath, &org, &user);
  CHECK(s != NULL);
  if (!s) return;
  CHECK_INT(app_row(zPath, 1, (int)org, "natural_person", "2022-11-01",
                    "2023-01-05", "results.granted"), 0);
  /* 2: paid and answered in 2022 (150 元). */
  CHECK_INT(app_row(zPath, 2, (int)org, "natural_person", "2022-10-01",
                    "2022-11-10", "results.granted"), 0);
  CHECK_INT(fix_exec_sql(zPath,
      "UPDATE application SET fee_method='per_item',fee_count=1,"
      "fee_yuan=CASE id WHEN 1 THEN 1700 ELSE 150 END,fee_status='paid';"
      "INSERT INTO application_event(application_id,kind,on_day,created_at)"
      " VALUES (1,'fee_notice','2022-12-01','x'),(1,'fee_paid','2022-12-20','x'),"
      " (2,'fee_notice','2022-10-20','x'),(2,'fee_paid','2022-11-01','x')"), 0);
  ReportFacts f;
  CHECK_INT(store_report_facts(s, org, 0, 2022, &f), STORE_OK);
  CHECK(f.nFeeYuan == 1850);
  CHECK_INT(store_report_facts(s, org, 0, 2023, &f), STORE_OK);
  CHECK(f.nFeeYuan == 0);
  /* The stat form: 1850 元 = 0.185 万元 in 2022 (RF_SCALE: 1 = 1 元). */
  Report *p = compute(s, &set, "stat2018", org, 0, 2022);
  CHECK(raw(p, "stat", "fees", "value") == 1850);
  report_free(p);
  p = compute(s, &set, "stat2018", org, 0, 2023);
  CHECK(raw(p, "stat", "fees", "value") == 0);
  report_free(p);
  store_close(s);
  rf_set_free(&set);
}

/* Section 六's 人大代表建议和政协委员提案: the proposals of year Y, and of
** them those replied to (and whose reply was published) by 31 December of
** Y.  A suggestion assigned 2025-12-15 and answered 2026-01-10 is one the
** 2025 report handled but had not answered yet, whenever the report is
** drafted. */
TEST(report_facts_proposals_replied_by_year_end) {
  char zDir[] = "/tmp/gk-unit-rc-XXXXXX", zPath[128];
  int64_t org = 0, user = 0;
  Store *s = fix_org_store(zDir, zPath, &org, &user);
  CHECK(s != NULL);
  if (!s) return;
  char zSql[1024];
  snprintf(zSql, sizeof zSql,
      "INSERT INTO proposal(org_id,kind,year,number,title,received_on,"
      "replied_on,published,published_on) VALUES"
      " (%d,'npc',2025,'1','a','2025-12-15','2026-01-10',1,'2026-01-10'),"
      " (%d,'cppcc',2025,'2','b','2025-03-01','2025-06-01',1,'2025-06-01'),"
      " (%d,'npc',2025,'3','c','2025-03-01',NULL,0,NULL)",
      (int)org, (int)org, (int)org);
  CHECK_INT(fix_exec_sql(zPath, zSql), 0);
  ReportFacts f;
  CHECK_INT(store_report_facts(s, org, 0, 2025, &f), STORE_OK);
  CHECK(f.nNpc == 2);
  CHECK(f.nCppcc == 1);
  CHECK(f.nProposalsReplied == 1);
  CHECK(f.nProposalsPublished == 1);
  store_close(s);
}

/* The draft's 解读 count is the stat form's 政策解读稿件发布数: every
** document published in the year that interprets a policy, whatever its
** 体裁 (a 图解 recorded as 其他 with the policy linked is a 解读 too), or
** whose 体裁 is 解读.  Policy 1, its 解读 2 and 图解 3: two. */
TEST(report_facts_interpretations_as_the_stat_form) {
  RfSet set = {0};
  char zDir[] = "/tmp/gk-unit-rc-XXXXXX", zPath[128];
  int64_t org = 0, user = 0;
  fixture_formats(&set);
  Store *s = fix_org_store(zDir, zPath, &org, &user);
  CHECK(s != NULL);
  if (!s) return;
  char z[1024];
  snprintf(z, sizeof z,
      "INSERT INTO doc(id,org_id,title,genre,interprets_id,published_date,state,"
      "created_by,created_at,updated_at) VALUES"
      " (1,%lld,'关于印发某办法的通知','通知',NULL,'2025-03-01','published',%lld,'x','x'),"
      " (2,%lld,'《某办法》政策解读','解读',1,'2025-03-01','published',%lld,'x','x'),"
      " (3,%lld,'图解：某办法','其他',1,'2025-03-02','published',%lld,'x','x')",
      (long long)org, (long long)user, (long long)org, (long long)user,
      (long long)org, (long long)user);
  CHECK_INT(fix_exec_sql(zPath, z), 0);
  ReportFacts f;
  CHECK_INT(store_report_facts(s, org, 0, 2025, &f), STORE_OK);
  CHECK(f.nInterpretations == 2);
  Report *p = compute(s, &set, "stat2018", org, 0, 2025);
  CHECK_INT(cell(p, "stat", "response.channels.interpretations", "value"), 2);
  report_free(p);
  store_close(s);
  rf_set_free(&set);
}

/* The report year is the Beijing calendar year.  An online application
** sent at 23:30 on 31 December Beijing time (15:30 UTC) is received on 31
** December; one at 00:30 on 1 January (16:30 UTC on 31 December) in the
** next year.  The stat form's public-opinion events (unix seconds) are
** counted by the same Beijing year. */
TEST(report_compute_beijing_year_boundary) {
  char z[DATE_STRLEN];
  /* 2023-12-31T00:00:00Z = 1703980800. */
  CHECK_STR(date_format(date_today_cn(1703980800 + 15 * 3600 + 1800), z),
            "2023-12-31");
  CHECK_STR(date_format(date_today_cn(1703980800 + 16 * 3600 + 1800), z),
            "2024-01-01");
  /* 2023-01-01 00:10 Beijing = 2022-12-31T16:10Z. */
  CHECK_STR(date_format(date_today_cn(1703980800 - 365 * 86400 + 16 * 3600 +
                                      600), z),
            "2023-01-01");
  RfSet set = {0};
  char zDir[] = "/tmp/gk-unit-rc-XXXXXX", zPath[128];
  int64_t org = 0, user = 0;
  fixture_formats(&set);
  Store *s = fix_org_store(zDir, zPath, &org, &user);
  CHECK(s != NULL);
  if (!s) return;
  char zSql[1024];
  /* 1: 23:30 on 31 Dec 2023 Beijing; 2: 00:30 on 1 Jan 2024 Beijing;
  ** 3: 00:10 on 1 Jan 2023 Beijing (2022-12-31 UTC).  Each answered
  ** online. */
  snprintf(zSql, sizeof zSql,
      "INSERT INTO opinion_event(id,org_id,title,level,found_at,created_at)"
      " VALUES (1,%lld,'甲','other',1704036600,'x'),"
      " (2,%lld,'乙','other',1704040200,'x'),"
      " (3,%lld,'丙','other',1672503000,'x');"
      "INSERT INTO opinion_response(event_id,kind,at) VALUES"
      " (1,'online',1704036700),(2,'online',1704040300),"
      " (3,'online',1672503100)",
      (long long)org, (long long)org, (long long)org);
  CHECK_INT(fix_exec_sql(zPath, zSql), 0);
  Report *p = compute(s, &set, "stat2018", org, 0, 2023);
  CHECK_INT(cell(p, "stat", "response.hotspots", "value"), 2);
  CHECK_INT(cell(p, "stat", "response.channels.weibo_wechat", "value"), 2);
  report_free(p);
  p = compute(s, &set, "stat2018", org, 0, 2024);
  CHECK_INT(cell(p, "stat", "response.hotspots", "value"), 1);
  report_free(p);
  p = compute(s, &set, "stat2018", org, 0, 2022);
  CHECK_INT(cell(p, "stat", "response.hotspots", "value"), 0);
  report_free(p);
  store_close(s);
  rf_set_free(&set);
}

/* The stat form's 二（二）4 and 5 count hotspot events answered online or
** by a release: each is among the events of 二（一）, so neither can
** exceed it.  A hand-entered 4 above （一） is flagged (a warning, as
** S10), naming both rows in the form's words; equal is accepted. */
TEST(report_check_stat_response_events_within_hotspots) {
  RfSet set = {0};
  fixture_formats(&set);
  const RfFormat *f = rf_format_find(&set, "stat2018");
  Report *p = report_new(f, "测试局", 2018);
  for (int i = 0; i < f->nCell; i++) {
    int t, w;
    rf_cell_locate(f, i, &t, &w, NULL);
    if (f->aTable[t].aRow[w].bData) report_set_int(p, i, 0);
  }
  report_set_int(p, rf_cell(f, "stat", "response.hotspots", "value"), 96);
  report_set_int(p, rf_cell(f, "stat", "response.channels.weibo_wechat",
                            "value"), 97);
  report_set_int(p, rf_cell(f, "stat", "response.channels.other", "value"),
                 96);
  RpResult res;
  report_check(p, NULL, &res);
  CHECK_INT(res.nBroken, 0);
  CHECK_INT(res.nWarning, 1);
  const char *zMsg = res.n == 1 ? res.a[0].zMsg : "";
  CHECK(strstr(zMsg, "二（二）4.微博微信回应事件数(97)") != NULL);
  CHECK(strstr(zMsg, "大于") != NULL);
  CHECK(strstr(zMsg, "回应公众关注热点或重大舆情数") != NULL);
  CHECK(strstr(zMsg, "weibo") == NULL && strstr(zMsg, "S1") == NULL);
  if (res.n != 1 || harness_failed)
    for (int i = 0; i < res.n; i++) fprintf(stderr, "  %s\n", res.a[i].zMsg);
  rp_result_free(&res);
  report_free(p);
  rf_set_free(&set);
}
