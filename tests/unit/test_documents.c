/*
** test_documents.c — document rules (core/document.h) and the document
** store on a real SQLite file: index-number allocation per organisation and
** year, uniqueness under concurrent publication from two connections, and
** the publication ledger's verification (intact, tampered content, tampered
** link, change that bypassed the ledger).
*/
#include <pthread.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/document.h"
#include "harness.h"
#include "storefix.h"
#include "lib/buf.h"
#include "lib/crypto.h"
#include "lib/textpack.h"
#include "store/store_documents.h"

/* A fresh database in a temporary directory; zPath gets its name. */
static Store *fresh_db(char zPath[128], int64_t *pOrg, int64_t *pUser) {
  char zDir[] = "/tmp/gk-doc-test-XXXXXX";
  return fix_org_store(zDir, zPath, pOrg, pUser);
}

static void drop_db(Store *s, const char *zPath) {
  char z[160];
  store_close(s);
  unlink(zPath);
  snprintf(z, sizeof z, "%s-wal", zPath);
  unlink(z);
  snprintf(z, sizeof z, "%s-shm", zPath);
  unlink(z);
  snprintf(z, sizeof z, "%s", zPath);
  char *zSlash = strrchr(z, '/');
  if (zSlash) { *zSlash = 0; rmdir(z); }
}

/* Adds a proactive draft and publishes it on zDate; returns its id. */
static int64_t add_published(Store *s, int64_t org, int64_t user,
                             const char *zTitle, const char *zDate) {
  Arena a = ARENA_INIT;
  Doc d;
  memset(&d, 0, sizeof d);
  d.orgId = org;
  d.zTitle = zTitle;
  d.zMode = "proactive";
  d.zFormedDate = zDate;
  d.zBody = "正文";
  d.createdBy = user;
  int64_t id = 0;
  if (store_begin(s) == STORE_OK) {
    if (store_doc_add(s, &d) == STORE_OK &&
        store_doc_publish(s, &a, d.id, "published", zDate) == STORE_OK &&
        store_commit(s) == STORE_OK)
      id = d.id;
    else
      store_rollback(s);
  }
  arena_free(&a);
  return id;
}

static const char *index_of(Store *s, Arena *a, int64_t id) {
  Doc d;
  if (store_doc_get(s, a, id, &d) != STORE_OK) return "(missing)";
  return d.zIndexNumber;
}

TEST(doc_transition_chain) {
  const char *zNext = NULL;
  Perm p = PERM_PUBLIC;
  CHECK(doc_transition("draft", "proactive", DOC_ACT_SUBMIT, &zNext, &p) == NULL);
  CHECK_STR(zNext, "dept_review");
  CHECK_INT(p, PERM_DOC_DRAFT);
  CHECK(doc_transition("dept_review", "proactive", DOC_ACT_PASS, &zNext, &p) == NULL);
  CHECK_STR(zNext, "secrecy_review");
  CHECK_INT(p, PERM_DOC_DEPT_REVIEW);
  CHECK(doc_transition("secrecy_review", "proactive", DOC_ACT_PASS, &zNext, &p) == NULL);
  CHECK_STR(zNext, "approval");
  CHECK_INT(p, PERM_DOC_SECRECY);
  CHECK(doc_transition("approval", "proactive", DOC_ACT_PASS, &zNext, &p) == NULL);
  CHECK_STR(zNext, "published");
  CHECK_INT(p, PERM_DOC_APPROVE);
  CHECK(doc_transition("approval", "withheld", DOC_ACT_PASS, &zNext, &p) == NULL);
  CHECK_STR(zNext, "filed");
  CHECK(doc_transition("secrecy_review", "proactive", DOC_ACT_RETURN, &zNext, &p) == NULL);
  CHECK_STR(zNext, "draft");
  CHECK_INT(p, PERM_DOC_SECRECY);
  CHECK(doc_transition("published", "proactive", DOC_ACT_WITHDRAW, &zNext, &p) == NULL);
  CHECK_STR(zNext, "withdrawn");
  CHECK_INT(p, PERM_DOC_MANAGE);
  /* Impossible steps. */
  CHECK(doc_transition("draft", "proactive", DOC_ACT_PASS, &zNext, &p) != NULL);
  CHECK(doc_transition("published", "proactive", DOC_ACT_RETURN, &zNext, &p) != NULL);
  CHECK(doc_transition("dept_review", "proactive", DOC_ACT_SUBMIT, &zNext, &p) != NULL);
  CHECK(doc_transition("draft", "proactive", DOC_ACT_WITHDRAW, &zNext, &p) != NULL);
}

TEST(doc_submit_check_mode_and_ground) {
  Doc d;
  memset(&d, 0, sizeof d);
  d.zTitle = "关于开展学校结核病预防工作的通知";
  d.zFormedDate = "2018-09-07";
  d.zMode = "";
  CHECK(doc_submit_check(&d) != NULL);          /* mode not set */
  CHECK(doc_draft_check(&d) == NULL);           /* but a draft may lack it */
  d.zMode = "withheld";
  CHECK(doc_submit_check(&d) != NULL);          /* no legal ground */
  d.zWithheldGround = "art16_process";
  CHECK(doc_submit_check(&d) == NULL);
  d.zWithheldGround = "art99";
  CHECK(doc_submit_check(&d) != NULL);
  d.zMode = "proactive";
  d.zWithheldGround = "";
  d.zFormedDate = "2018-02-30";
  CHECK(doc_submit_check(&d) != NULL);
  d.zFormedDate = "2018-09-07";
  d.zGenre = "解读";
  CHECK(doc_submit_check(&d) != NULL);          /* 解读 without its policy */
  d.interpretsId = 7;
  CHECK(doc_submit_check(&d) == NULL);
}

TEST(doc_canonical_sorted_and_stable) {
  Doc d;
  memset(&d, 0, sizeof d);
  d.id = 3;
  d.orgId = 1;
  d.zTitle = "标\"题";
  d.zState = "published";
  DocAttachment a[2];
  memset(a, 0, sizeof a);
  a[0].zSha256 = "bb";
  a[0].zFilename = "b.pdf";
  a[0].zMime = "application/pdf";
  a[0].size = 2;
  a[1].zSha256 = "aa";
  a[1].zFilename = "a.pdf";
  a[1].zMime = "application/pdf";
  a[1].size = 1;
  char *z = doc_canonical(&d, a, 2);
  CHECK_STR(z,
      "{\"attachments\":[{\"filename\":\"a.pdf\",\"mime\":\"application/pdf\","
      "\"sha256\":\"aa\",\"size\":1},{\"filename\":\"b.pdf\",\"mime\":"
      "\"application/pdf\",\"sha256\":\"bb\",\"size\":2}],\"body\":\"\","
      "\"catalogue_item_id\":null,\"doc_number\":\"\",\"formed_date\":\"\","
      "\"genre\":\"\",\"id\":3,\"index_number\":\"\",\"interprets_id\":null,"
      "\"keywords\":\"\",\"mode\":\"\",\"org_id\":1,\"published_date\":\"\","
      "\"publisher\":\"\",\"replaced_by_id\":null,\"report_kind\":\"\","
      "\"scope\":\"\",\"signed_date\":\"\",\"state\":\"published\","
      "\"summary\":\"\",\"title\":\"标\\\"题\",\"validity\":\"\","
      "\"validity_date\":\"\",\"withdraw_reason\":\"\"}");
  free(z);
}

TEST(doc_art26_spring_festival_2024) {
  Calendar cal;
  Date f, today, due;
  cal_init(&cal);
  /* 2024 Spring Festival: 2-10..2-17 off, 2-4 (Sun) and 2-18 (Sun) worked. */
  static const char *azOff[] = {"2024-02-10", "2024-02-11", "2024-02-12",
                                "2024-02-13", "2024-02-14", "2024-02-15",
                                "2024-02-16", "2024-02-17"};
  for (int i = 0; i < 8; i++) {
    Date d;
    date_parse(azOff[i], &d);
    cal_add(&cal, d, CAL_HOLIDAY, "春节");
  }
  Date w;
  date_parse("2024-02-04", &w);
  cal_add(&cal, w, CAL_WORKDAY, "春节");
  date_parse("2024-02-18", &w);
  cal_add(&cal, w, CAL_WORKDAY, "春节");
  date_parse("2024-02-01", &f);
  date_parse("2024-02-01", &today);
  int left = doc_art26_left(&cal, f, today, &due);
  char z[DATE_STRLEN];
  /* Working days after 02-01: 02 04 05 06 07 08 09(Fri) = 7, 18 19 20 21 22
  ** 23 = 13, 26 27 28 29 = 17, 03-01 = 18, 03-04 = 19, 03-05 = 20. */
  CHECK_STR(date_format(due, z), "2024-03-05");
  CHECK_INT(left, 20);
  date_parse("2024-03-05", &today);
  CHECK_INT(doc_art26_left(&cal, f, today, &due), 0);
  date_parse("2024-03-07", &today);
  CHECK_INT(doc_art26_left(&cal, f, today, &due), -2);
  cal_free(&cal);
}

TEST(doc_lock_draft_refuses_a_document_under_review) {
  /* An upload extracts the file's text (pdftotext: seconds) after the page
  ** saw a draft; by then the document may have been submitted.  The
  ** attachment is linked only while the row is still a draft, checked and
  ** locked in the transaction that links it. */
  char zPath[128];
  int64_t org, user;
  Store *s = fresh_db(zPath, &org, &user);
  CHECK(s != NULL);
  if (!s) return;
  Doc d;
  memset(&d, 0, sizeof d);
  d.orgId = org;
  d.zTitle = "附件竞态";
  d.zMode = "proactive";
  d.zFormedDate = "2026-11-20";
  d.createdBy = user;
  CHECK_INT(store_doc_add(s, &d), STORE_OK);
  CHECK_INT(store_doc_lock_draft(s, d.id), STORE_OK);
  CHECK_INT(store_doc_step(s, d.id, "draft", "dept_review", "submit", "", user), STORE_OK);
  CHECK_INT(store_doc_lock_draft(s, d.id), STORE_CONFLICT);
  CHECK(strstr(store_errmsg(s), "草稿") != NULL);
  CHECK_INT(store_doc_lock_draft(s, d.id + 1000), STORE_CONFLICT);
  drop_db(s, zPath);
}

TEST(doc_validity_date_rules) {
  /* Today in Beijing: 2026-12-08 (e.g. 2026-12-07 16:30 UTC). */
  Date today;
  date_parse("2026-12-08", &today);
  Doc d;
  memset(&d, 0, sizeof d);
  d.zSignedDate = "2024-03-01";
  CHECK(doc_validity_check(&d, "expired", "2026-12-08", today) == NULL);
  CHECK(doc_validity_check(&d, "repealed", "2024-03-01", today) == NULL);
  CHECK(doc_validity_check(&d, "valid", "", today) == NULL);
  /* Tomorrow has not happened yet. */
  const char *z = doc_validity_check(&d, "expired", "2026-12-09", today);
  CHECK(z && strstr(z, "不能晚于今天"));
  /* Before it was signed. */
  z = doc_validity_check(&d, "repealed", "2024-02-29", today);
  CHECK(z && strstr(z, "不能早于成文日期"));
  /* Amended, repealed and expired need their date; bad values. */
  CHECK(doc_validity_check(&d, "amended", "", today) != NULL);
  CHECK(doc_validity_check(&d, "expired", "2026-13-01", today) != NULL);
  CHECK(doc_validity_check(&d, "void", "2026-12-01", today) != NULL);
  /* Without a 成文日期 only today bounds it. */
  d.zSignedDate = "";
  CHECK(doc_validity_check(&d, "expired", "1999-01-01", today) == NULL);
}

TEST(doc_passed_this_round_three_reviewers) {
  /* Round 1: submit (1), 科室审核 by 2, 保密审查 by 3, 领导审批 returned by
  ** 4; round 2: submit (1), 科室审核 by 2.  Only 2 has passed a step of
  ** the current round; 3 passed one of the earlier round, 4 only sent it
  ** back, 1 submitted. */
  static const DocReview a[] = {
    {1, "draft", "dept_review", "submit", "", 1, "", ""},
    {2, "dept_review", "secrecy_review", "pass", "", 2, "", ""},
    {3, "secrecy_review", "approval", "pass", "", 3, "", ""},
    {4, "approval", "draft", "return", "", 4, "", ""},
    {5, "draft", "dept_review", "submit", "", 1, "", ""},
    {6, "dept_review", "secrecy_review", "pass", "", 2, "", ""},
  };
  CHECK_INT(doc_passed_this_round(a, 6, 2), 1);
  CHECK_INT(doc_passed_this_round(a, 6, 3), 0);
  CHECK_INT(doc_passed_this_round(a, 6, 4), 0);
  CHECK_INT(doc_passed_this_round(a, 6, 1), 0);
  /* Within round 1 (before the return), 3 had passed. */
  CHECK_INT(doc_passed_this_round(a, 3, 3), 1);
  CHECK_INT(doc_passed_this_round(a, 0, 2), 0);
}

TEST(doc_art26_restarts_when_changed) {
  /* Art. 26: from when the information is formed OR changed.  Formed
  ** 2024-02-01, changed 2024-03-04: the 20 working days run again from
  ** 03-04 (Monday to Friday; no 2024 holiday falls in the span: 03-05..08
  ** (4) 11..15 (9) 18..22 (14) 25..29 (19) 04-01 (20) -> 2024-04-01). */
  Calendar cal;
  Date f, c, due;
  char z[DATE_STRLEN];
  cal_init(&cal);
  date_parse("2024-02-01", &f);
  date_parse("2024-03-04", &c);
  CHECK_INT(doc_art26_start(f, DATE_NONE), f);
  CHECK_INT(doc_art26_start(f, c), c);
  CHECK_INT(doc_art26_start(c, f), c);          /* an earlier edit: formed */
  CHECK_INT(doc_art26_start(DATE_NONE, c), c);
  doc_art26_left(&cal, doc_art26_start(f, c), c, &due);
  CHECK_STR(date_format(due, z), "2024-04-01");
  cal_free(&cal);
}

TEST(doc_index_number_serials) {
  char zPath[128];
  int64_t org, user;
  Arena a = ARENA_INIT;
  Store *s = fresh_db(zPath, &org, &user);
  CHECK(s != NULL);
  if (!s) return;
  int64_t d1 = add_published(s, org, user, "一", "2018-09-07");
  int64_t d2 = add_published(s, org, user, "二", "2018-10-31");
  int64_t d3 = add_published(s, org, user, "三", "2019-01-02");
  CHECK_STR(index_of(s, &a, d1), "453629012/2018-00001");
  CHECK_STR(index_of(s, &a, d2), "453629012/2018-00002");
  CHECK_STR(index_of(s, &a, d3), "453629012/2019-00001");
  /* An imported number that the counter would produce next is skipped. */
  Doc imp;
  memset(&imp, 0, sizeof imp);
  imp.orgId = org;
  imp.zTitle = "导入";
  imp.zIndexNumber = "453629012/2018-00003";
  imp.zState = "published";
  imp.zPublishedDate = "2018-12-01";
  imp.createdBy = user;
  CHECK_INT(store_doc_add(s, &imp), STORE_OK);
  int64_t d4 = add_published(s, org, user, "四", "2018-12-28");
  CHECK_STR(index_of(s, &a, d4), "453629012/2018-00004");
  /* A second import of a taken number is refused. */
  imp.id = 0;
  CHECK_INT(store_doc_add(s, &imp), STORE_CONFLICT);
  /* A published number never changes: publishing again keeps it. */
  CHECK_INT(store_doc_publish(s, &a, d1, "published", "2020-01-01"), STORE_OK);
  CHECK_STR(index_of(s, &a, d1), "453629012/2018-00001");
  arena_free(&a);
  drop_db(s, zPath);
}

/* A portal address names a document by its index number, else by its id,
** within its organisation; an index number made of digits wins over the
** id it spells. */
TEST(doc_by_ref_index_number_then_id) {
  char zPath[128];
  int64_t org, user;
  Arena a = ARENA_INIT;
  Store *s = fresh_db(zPath, &org, &user);
  CHECK(s != NULL);
  if (!s) return;
  int64_t d1 = add_published(s, org, user, "一", "2018-09-07");
  int64_t d2 = add_published(s, org, user, "二", "2018-10-31");
  char zId1[24];
  snprintf(zId1, sizeof zId1, "%lld", (long long)d1);
  Doc imp;
  memset(&imp, 0, sizeof imp);
  imp.orgId = org;
  imp.zTitle = "导入";
  imp.zIndexNumber = zId1;  /* the digits of d1's id */
  imp.zState = "published";
  imp.zPublishedDate = "2018-12-01";
  imp.createdBy = user;
  CHECK_INT(store_doc_add(s, &imp), STORE_OK);
  Doc d;
  CHECK_INT(store_doc_by_ref(s, &a, org, zId1, d1, &d), STORE_OK);
  CHECK(d.id == imp.id);
  CHECK_INT(store_doc_by_ref(s, &a, org, "453629012/2018-00002", 0, &d), STORE_OK);
  CHECK(d.id == d2);
  char zId2[24];
  snprintf(zId2, sizeof zId2, "%lld", (long long)d2);
  CHECK_INT(store_doc_by_ref(s, &a, org, zId2, d2, &d), STORE_OK);
  CHECK(d.id == d2);
  CHECK_INT(store_doc_by_ref(s, &a, org, "999999", 999999, &d), STORE_NOTFOUND);
  CHECK_INT(store_doc_by_ref(s, &a, org + 1000, zId2, d2, &d), STORE_NOTFOUND);
  arena_free(&a);
  drop_db(s, zPath);
}

typedef struct Worker {
  const char *zPath;
  int64_t org, user;
  int nDone;
  int nFail;
} Worker;

static void *publish_many(void *p) {
  Worker *w = p;
  Store *s = NULL;
  char *zErr = NULL;
  if (fix_store_open(w->zPath, 0, &s, &zErr) != STORE_OK) {
    free(zErr);
    w->nFail = 99;
    return NULL;
  }
  for (int i = 0; i < 40; i++) {
    int64_t id = 0;
    for (int attempt = 0; attempt < 50 && !id; attempt++)
      id = add_published(s, w->org, w->user, "并发", "2026-11-23");
    if (id) w->nDone++;
    else w->nFail++;
  }
  store_close(s);
  return NULL;
}

TEST(doc_index_number_concurrent) {
  char zPath[128];
  int64_t org, user;
  Store *s = fresh_db(zPath, &org, &user);
  CHECK(s != NULL);
  if (!s) return;
  Worker w[2] = {{zPath, org, user, 0, 0}, {zPath, org, user, 0, 0}};
  pthread_t t[2];
  for (int i = 0; i < 2; i++) pthread_create(&t[i], NULL, publish_many, &w[i]);
  for (int i = 0; i < 2; i++) pthread_join(t[i], NULL);
  CHECK_INT(w[0].nDone + w[1].nDone, 80);
  CHECK_INT(w[0].nFail + w[1].nFail, 0);
  /* 80 distinct numbers, exactly serials 1..80. */
  Arena a = ARENA_INIT;
  DocQuery q;
  memset(&q, 0, sizeof q);
  q.orgId = org;
  q.limit = 500;
  Doc *aDoc;
  int n, nTotal;
  CHECK_INT(store_doc_list(s, &a, &q, &aDoc, &n, &nTotal), STORE_OK);
  CHECK_INT(n, 80);
  unsigned char seen[81];
  memset(seen, 0, sizeof seen);
  int nBad = 0;
  for (int i = 0; i < n; i++) {
    int serial = 0;
    if (sscanf(aDoc[i].zIndexNumber, "453629012/2026-%5d", &serial) != 1 ||
        serial < 1 || serial > 80 || seen[serial]++)
      nBad++;
  }
  CHECK_INT(nBad, 0);
  /* The ledger of 80 concurrent publications is one intact chain. */
  int64_t bad = -1, nChecked = 0;
  CHECK_INT(store_ledger_verify(s, &bad, &nChecked), STORE_OK);
  CHECK_INT(nChecked, 80);
  arena_free(&a);
  drop_db(s, zPath);
}

/* Corrects document w->org (its id) 20 times, alternating two keyword
** sets, retrying a busy or conflicting attempt. */
static void *correct_many(void *p) {
  Worker *w = p;
  Store *s = NULL;
  char *zErr = NULL;
  Arena a = ARENA_INIT;
  if (fix_store_open(w->zPath, 0, &s, &zErr) != STORE_OK) {
    free(zErr);
    w->nFail = 99;
    return NULL;
  }
  for (int i = 0; i < 20; i++) {
    int rc = STORE_BUSY;
    for (int attempt = 0; attempt < 50 && rc != STORE_OK; attempt++)
      rc = store_doc_correct(s, &a, w->org, i % 2 ? "甲" : "乙", "", "", 0);
    if (rc == STORE_OK) w->nDone++;
    else w->nFail++;
    arena_free(&a);
  }
  store_close(s);
  return NULL;
}

TEST(doc_ledger_concurrent_corrections_keep_every_version) {
  /* Two connections correcting the same published document at once: each
  ** correction keeps the version before it in that version's entry, so
  ** no entry but the newest is left without content (on PostgreSQL the
  ** ledger's lock orders them; SQLite serialises writers anyway). */
  char zPath[128];
  int64_t org, user, bad = 0, nChecked = 0;
  Store *s = fresh_db(zPath, &org, &user);
  CHECK(s != NULL);
  if (!s) return;
  int64_t id = add_published(s, org, user, "并发更正", "2026-11-23");
  Worker w[2] = {{zPath, id, user, 0, 0}, {zPath, id, user, 0, 0}};
  pthread_t t[2];
  for (int i = 0; i < 2; i++) pthread_create(&t[i], NULL, correct_many, &w[i]);
  for (int i = 0; i < 2; i++) pthread_join(t[i], NULL);
  CHECK_INT(w[0].nDone + w[1].nDone, 40);
  CHECK_INT(store_ledger_verify(s, &bad, &nChecked), STORE_OK);
  CHECK_INT(nChecked, 41);
  drop_db(s, zPath);
}

/* Runs one SQL statement on the file behind the store's back. */
static void tamper(const char *zPath, const char *zSql) {
  fix_exec_sql(zPath, zSql);
}

TEST(doc_ledger_verify_detects_tampering) {
  char zPath[128];
  int64_t org, user, bad = 0, nChecked = 0;
  Arena a = ARENA_INIT;
  Store *s = fresh_db(zPath, &org, &user);
  CHECK(s != NULL);
  if (!s) return;
  int64_t d1 = add_published(s, org, user, "一", "2018-09-07");
  add_published(s, org, user, "二", "2018-10-31");
  CHECK_INT(store_doc_set_validity(s, &a, d1, "repealed", "2019-01-01", 0), STORE_OK);
  CHECK_INT(store_doc_withdraw(s, &a, d1, "发布有误"), STORE_OK);
  CHECK_INT(store_doc_withdraw(s, &a, d1, "再次"), STORE_CONFLICT);
  CHECK_INT(store_ledger_verify(s, &bad, &nChecked), STORE_OK);
  CHECK_INT(nChecked, 4);
  LedgerEntry *aE;
  int nE;
  CHECK_INT(store_ledger_list(s, &a, d1, 0, 0, &aE, &nE), STORE_OK);
  CHECK_INT(nE, 3);
  if (nE == 3) {
    CHECK_STR(aE[0].zEvent, "publish");
    CHECK_STR(aE[1].zEvent, "validity");
    CHECK_STR(aE[2].zEvent, "withdraw");
  }

  /* The current text is stored once (migration 0101): the newest entry
  ** of each document holds only the hash, the older ones their content,
  ** kept when the document changed. */
  if (nE == 3) {
    CHECK(aE[0].zContent && strstr(aE[0].zContent, "\"validity\":\"valid\""));
    CHECK(aE[1].zContent && strstr(aE[1].zContent, "\"validity\":\"repealed\""));
    CHECK(aE[1].zContent && strstr(aE[1].zContent, "\"state\":\"published\""));
    CHECK(aE[2].zContent == NULL);
    CHECK_INT(store_ledger_content(s, &a, aE, nE), STORE_OK);
    CHECK(aE[2].zContent && strstr(aE[2].zContent, "\"state\":\"withdrawn\""));
  }

  /* Content changed in an entry that holds it. */
  tamper(zPath, "UPDATE doc_ledger SET content=replace(content,"
                "'\"title\":\"一\"','\"title\":\"三\"') WHERE seq=1");
  CHECK_INT(store_ledger_verify(s, &bad, &nChecked), STORE_CONFLICT);
  CHECK_INT(bad, 1);
  CHECK(strstr(store_errmsg(s), "第1条") != NULL);
  tamper(zPath, "UPDATE doc_ledger SET content=replace(content,"
                "'\"title\":\"三\"','\"title\":\"一\"') WHERE seq=1");
  CHECK_INT(store_ledger_verify(s, &bad, &nChecked), STORE_OK);

  /* An older version's content removed. */
  tamper(zPath, "CREATE TABLE keep AS SELECT * FROM doc_ledger WHERE seq=3;"
                "UPDATE doc_ledger SET content=NULL WHERE seq=3");
  CHECK_INT(store_ledger_verify(s, &bad, &nChecked), STORE_CONFLICT);
  CHECK_INT(bad, 3);
  CHECK(strstr(store_errmsg(s), "内容缺失") != NULL);
  tamper(zPath, "UPDATE doc_ledger SET content=(SELECT content FROM keep)"
                " WHERE seq=3; DROP TABLE keep");
  CHECK_INT(store_ledger_verify(s, &bad, &nChecked), STORE_OK);

  /* A content written into a newest entry: it must hash right too. */
  tamper(zPath, "UPDATE doc_ledger SET content='{\"title\":\"二\"}' WHERE seq=2");
  CHECK_INT(store_ledger_verify(s, &bad, &nChecked), STORE_CONFLICT);
  CHECK_INT(bad, 2);
  tamper(zPath, "UPDATE doc_ledger SET content=NULL WHERE seq=2");
  CHECK_INT(store_ledger_verify(s, &bad, &nChecked), STORE_OK);

  /* Content and its hash changed together: the entry hash breaks. */
  tamper(zPath, "UPDATE doc_ledger SET event='edit' WHERE seq=3");
  CHECK_INT(store_ledger_verify(s, &bad, &nChecked), STORE_CONFLICT);
  CHECK_INT(bad, 3);
  tamper(zPath, "UPDATE doc_ledger SET event='validity' WHERE seq=3");

  /* An entry removed. */
  tamper(zPath, "CREATE TABLE keep AS SELECT * FROM doc_ledger WHERE seq=2;"
                "DELETE FROM doc_ledger WHERE seq=2");
  CHECK_INT(store_ledger_verify(s, &bad, &nChecked), STORE_CONFLICT);
  CHECK_INT(bad, 3);
  tamper(zPath, "INSERT INTO doc_ledger SELECT * FROM keep; DROP TABLE keep");
  CHECK_INT(store_ledger_verify(s, &bad, &nChecked), STORE_OK);

  /* The document changed without a ledger entry. */
  tamper(zPath, "UPDATE doc SET title='改过的标题' WHERE title='二'");
  CHECK_INT(store_ledger_verify(s, &bad, &nChecked), STORE_CONFLICT);
  CHECK_INT(bad, 2);
  CHECK(strstr(store_errmsg(s), "未经台账的改动") != NULL);
  /* A later change through the ledger does not hide it: the version of
  ** entry 2 can no longer be kept, and the entry stays without content. */
  int64_t d2 = 0;
  CHECK_INT(store_ledger_list(s, &a, 0, 1, 1, &aE, &nE), STORE_OK);
  if (nE == 1) d2 = aE[0].docId;
  CHECK_INT(store_doc_set_validity(s, &a, d2, "expired", "2020-01-01", 0), STORE_OK);
  CHECK_INT(store_ledger_verify(s, &bad, &nChecked), STORE_CONFLICT);
  CHECK_INT(bad, 2);
  CHECK(strstr(store_errmsg(s), "内容缺失") != NULL);
  arena_free(&a);
  drop_db(s, zPath);
}

TEST(doc_index_number_category_template) {
  char zPath[128];
  int64_t org, user;
  Arena a = ARENA_INIT;
  Store *s = fresh_db(zPath, &org, &user);
  CHECK(s != NULL);
  if (!s) return;
  /* A template without a year keeps one counter for all years; {category}
  ** comes from the catalogue item (table of migration 0002, minimal here). */
  tamper(zPath,
         "UPDATE org SET index_template='{org_code}-{category}-{serial:03}';"
         "CREATE TABLE IF NOT EXISTS catalogue_item(id INTEGER PRIMARY KEY,"
         " org_id INTEGER NOT NULL, list_kind TEXT NOT NULL,"
         " requires_interpretation INTEGER NOT NULL DEFAULT 0,"
         " code TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL,"
         " updated_at TEXT NOT NULL);"
         "INSERT INTO catalogue_item(id,org_id,list_kind,code,created_at,updated_at)"
         " VALUES(7,1,'proactive','ZC','x','x')");
  Doc d;
  memset(&d, 0, sizeof d);
  d.orgId = org;
  d.zTitle = "有目录";
  d.zMode = "proactive";
  d.catalogueItemId = 7;
  d.createdBy = user;
  CHECK_INT(store_doc_add(s, &d), STORE_OK);
  CHECK_INT(store_doc_publish(s, &a, d.id, "published", "2018-05-02"), STORE_OK);
  CHECK_STR(index_of(s, &a, d.id), "453629012-ZC-001");
  d.id = 0;
  CHECK_INT(store_doc_add(s, &d), STORE_OK);
  CHECK_INT(store_doc_publish(s, &a, d.id, "published", "2019-05-02"), STORE_OK);
  CHECK_STR(index_of(s, &a, d.id), "453629012-ZC-002");
  /* Without a catalogue item the template cannot be filled: refused, and
  ** the document stays unpublished. */
  d.id = 0;
  d.catalogueItemId = 0;
  CHECK_INT(store_doc_add(s, &d), STORE_OK);
  CHECK_INT(store_doc_publish(s, &a, d.id, "published", "2019-05-03"), STORE_INVALID);
  Doc back;
  CHECK_INT(store_doc_get(s, &a, d.id, &back), STORE_OK);
  CHECK_STR(back.zState, "draft");
  CHECK_STR(back.zIndexNumber, "");
  arena_free(&a);
  drop_db(s, zPath);
}

/* The fields of a document imported both ways below. */
static void import_fields(Doc *d, int64_t org, int64_t user,
                          const char *zIndex) {
  memset(d, 0, sizeof *d);
  d->orgId = org;
  d->createdBy = user;
  d->zTitle = "导入\"标题\"<b>";
  d->zBody = "第一行\n\t第二行\\ 😀";
  d->zDocNumber = "测发〔2018〕1号";
  d->zPublishedDate = "2018-09-07";
  d->zSignedDate = "2018-09-01";
  d->zFormedDate = d->zSignedDate;
  d->zMode = "proactive";
  d->zScope = "全社会";
  d->zIndexNumber = zIndex;
  /* zReportKind and zValidity left NULL: the INSERT's defaults apply. */
}

/* The ledger content of the only entry of a database, in the arena: the
** entry holds its hash, the content is the document's (migration 0101). */
static const char *only_content(Store *s, Arena *a) {
  LedgerEntry *aE;
  int nE;
  if (store_ledger_list(s, a, 0, 0, 0, &aE, &nE) != STORE_OK || nE != 1)
    return "(not one entry)";
  if (aE[0].zContent) return "(content stored twice)";
  if (store_ledger_content(s, a, aE, nE) != STORE_OK || !aE[0].zContent)
    return "(content does not hash to the entry)";
  return aE[0].zContent;
}

TEST(doc_import_equals_add_then_publish) {
  static const char *const azIndex[] = {NULL, "IMP-2018-7"};
  for (int k = 0; k < 2; k++) {
    char zPath1[128], zPath2[128];
    int64_t org, user, bad, n;
    Arena a = ARENA_INIT;
    Store *s1 = fresh_db(zPath1, &org, &user);
    Store *s2 = fresh_db(zPath2, &org, &user);
    CHECK(s1 && s2);
    if (!s1 || !s2) return;
    /* The review chain's end: added as approval, then published. */
    Doc d1, d2, g1, g2;
    import_fields(&d1, org, user, azIndex[k]);
    d1.zState = "approval";
    CHECK_INT(store_begin(s1), STORE_OK);
    CHECK_INT(store_doc_add(s1, &d1), STORE_OK);
    CHECK_INT(store_doc_publish(s1, &a, d1.id, "published", d1.zPublishedDate),
              STORE_OK);
    CHECK_INT(store_commit(s1), STORE_OK);
    /* The import's one step. */
    import_fields(&d2, org, user, azIndex[k]);
    CHECK_INT(store_doc_import(s2, &a, &d2), STORE_OK);
    CHECK_STR(d2.zState, "published");
    CHECK(d2.id == d1.id);
    /* The same ledger content and the same row. */
    CHECK_STR(only_content(s2, &a), only_content(s1, &a));
    CHECK_INT(store_doc_get(s1, &a, d1.id, &g1), STORE_OK);
    CHECK_INT(store_doc_get(s2, &a, d2.id, &g2), STORE_OK);
    CHECK_STR(g2.zIndexNumber, k ? "IMP-2018-7" : "453629012/2018-00001");
    CHECK_STR(g2.zIndexNumber, g1.zIndexNumber);
    CHECK_INT(g2.bIndexImported, k);
    CHECK_INT(g2.bIndexImported, g1.bIndexImported);
    CHECK_STR(g2.zState, g1.zState);
    CHECK_STR(g2.zReportKind, "other");
    CHECK_STR(g2.zValidity, "valid");
    CHECK_STR(g2.zPublishedDate, g1.zPublishedDate);
    CHECK_INT(store_ledger_verify(s2, &bad, &n), STORE_OK);
    CHECK_INT(n, 1);
    /* A taken imported number: refused, nothing stored, the counter not
    ** advanced either (the next allocation is still 00002). */
    Doc d3;
    import_fields(&d3, org, user, g2.zIndexNumber);
    CHECK_INT(store_doc_import(s2, &a, &d3), STORE_CONFLICT);
    CHECK(strstr(store_errmsg(s2), g2.zIndexNumber) != NULL);
    CHECK_INT(store_ledger_verify(s2, &bad, &n), STORE_OK);
    CHECK_INT(n, 1);
    Doc d4;
    import_fields(&d4, org, user, NULL);
    CHECK_INT(store_doc_import(s2, &a, &d4), STORE_OK);
    CHECK_STR(index_of(s2, &a, d4.id),
              k ? "453629012/2018-00001" : "453629012/2018-00002");
    /* SQLite gives the refused import's id to the next row; a PostgreSQL
    ** identity does not take back a number a rolled-back insert drew. */
    if (!fix_on_pg()) CHECK(d4.id == d2.id + 1);
    else CHECK(d4.id > d2.id);
    /* store_doc_add()'s checks come before the allocation, as on that
    ** path: an unknown catalogue item and a malformed imported number are
    ** refused with their own messages, nothing stored. */
    Doc d5;
    import_fields(&d5, org, user, NULL);
    d5.catalogueItemId = 9999;
    CHECK_INT(store_doc_import(s2, &a, &d5), STORE_INVALID);
    CHECK_STR(store_errmsg(s2), "目录事项不存在");
    import_fields(&d5, org, user, "坏 索引号");
    CHECK_INT(store_doc_import(s2, &a, &d5), STORE_INVALID);
    CHECK(strstr(store_errmsg(s2), "索引号无效") != NULL);
    CHECK_INT(store_ledger_verify(s2, &bad, &n), STORE_OK);
    CHECK_INT(n, 2);
    arena_free(&a);
    drop_db(s1, zPath1);
    drop_db(s2, zPath2);
  }
}

/* Issue 12: 成文日期 after 发布日期 is refused; dates outside 1949-10-01 ..
** a year ahead are refused; unset dates are not checked. */
TEST(doc_dates_check_range_and_order) {
  Date today = date_from_ymd(2026, 12, 7);
  Doc d;
  memset(&d, 0, sizeof d);
  CHECK(doc_dates_check(&d, today) == NULL);
  d.zSignedDate = "2026-03-02";
  d.zPublishedDate = "2026-03-01";
  CHECK_STR(doc_dates_check(&d, today), "成文日期不能晚于发布日期");
  d.zPublishedDate = "2026-03-02";                 /* same day: fine */
  CHECK(doc_dates_check(&d, today) == NULL);
  d.zFormedDate = "1949-09-30";
  CHECK(doc_dates_check(&d, today) != NULL);
  d.zFormedDate = "2027-12-08";
  CHECK(doc_dates_check(&d, today) != NULL);
  d.zFormedDate = "2027-12-07";
  CHECK(doc_dates_check(&d, today) == NULL);
  d.zTitle = "\xe3\x80\x80 ";                       /* U+3000 and a space */
  CHECK_STR(doc_draft_check(&d), "标题不能为空");
}

/* ---- Packed texts (migration 0104) ---- */

/* A body of nRepeat times a 66-byte sentence (22 characters). */
static char *long_body(int nRepeat) {
  static const char zS[] = "本机关依法主动公开本年度财政预算和决算信息。";
  size_t k = sizeof zS - 1;
  char *z = malloc(k * (size_t)nRepeat + 1);
  for (int i = 0; i < nRepeat; i++) memcpy(z + k * (size_t)i, zS, k);
  z[k * (size_t)nRepeat] = 0;
  return z;
}

/* SQL that sets document id's body to the packed form of zText behind
** the store's back (on PostgreSQL: the text itself). */
static char *set_body_sql(int64_t id, const char *zText) {
  unsigned char *p = NULL;
  size_t n = 0;
  Buf b = BUF_INIT;
  if (!fix_on_pg() && textpack_pack(zText, strlen(zText), &p, &n)) {
    buf_puts(&b, "UPDATE doc SET body=X'");
    for (size_t i = 0; i < n; i++) {
      buf_putc(&b, "0123456789ABCDEF"[p[i] >> 4]);
      buf_putc(&b, "0123456789ABCDEF"[p[i] & 15]);
    }
    buf_printf(&b, "' WHERE id=%lld", (long long)id);
    free(p);
  } else {
    buf_printf(&b, "UPDATE doc SET body='%s' WHERE id=%lld", zText, (long long)id);
  }
  return buf_steal(&b);
}

TEST(doc_packed_body_reads_plain_and_ledger_catches_a_changed_one) {
  char zPath[128];
  int64_t org, user, bad = 0, nChecked = 0;
  Arena a = ARENA_INIT;
  Store *s = fresh_db(zPath, &org, &user);
  CHECK(s != NULL);
  if (!s) return;
  char *zBody = long_body(40);  /* 40 x 66 bytes = 2640 */
  CHECK_INT(strlen(zBody), 2640);
  Doc d;
  memset(&d, 0, sizeof d);
  d.orgId = org;
  d.zTitle = "预算公开";
  d.zMode = "proactive";
  d.zFormedDate = "2026-03-02";
  d.zBody = zBody;
  d.createdBy = user;
  CHECK_INT(store_doc_add(s, &d), STORE_OK);
  CHECK_INT(store_doc_publish(s, &a, d.id, "published", "2026-03-02"), STORE_OK);
  Doc e;
  memset(&e, 0, sizeof e);
  e.orgId = org;
  e.zTitle = "短文";
  e.zMode = "proactive";
  e.zFormedDate = "2026-03-02";
  e.zBody = "一句话。";  /* 12 bytes: under 128, stays text */
  e.createdBy = user;
  CHECK_INT(store_doc_add(s, &e), STORE_OK);
  if (!fix_on_pg()) {
    char z[96];
    snprintf(z, sizeof z, "SELECT typeof(body)='blob' FROM doc WHERE id=%lld", (long long)d.id);
    CHECK_INT(fix_query_int(zPath, z), 1);
    /* 2640 bytes of a 66-byte period: the frame is far under 2640 - 330. */
    snprintf(z, sizeof z, "SELECT length(body) < 2310 FROM doc WHERE id=%lld", (long long)d.id);
    CHECK_INT(fix_query_int(zPath, z), 1);
    snprintf(z, sizeof z, "SELECT typeof(body)='text' FROM doc WHERE id=%lld", (long long)e.id);
    CHECK_INT(fix_query_int(zPath, z), 1);
  }
  Doc g;
  CHECK_INT(store_doc_get(s, &a, d.id, &g), STORE_OK);
  CHECK_STR(g.zBody, zBody);
  CHECK_INT(store_doc_get(s, &a, e.id, &g), STORE_OK);
  CHECK_STR(g.zBody, "一句话。");
  CHECK_INT(store_ledger_verify(s, &bad, &nChecked), STORE_OK);
  CHECK_INT(nChecked, 1);

  /* A changed text written packed behind the store's back: the first
  ** sentence's 11th character 年 (bytes 30..32) becomes 预.  The ledger
  ** hashes the text, so verify sees it. */
  char *zChanged = strdup(zBody);
  memcpy(zChanged + 30, "预", 3);
  CHECK(strcmp(zChanged, zBody) != 0);
  char *zSql = set_body_sql(d.id, zChanged);
  CHECK_INT(fix_exec_sql(zPath, zSql), 0);
  free(zSql);
  CHECK_INT(store_ledger_verify(s, &bad, &nChecked), STORE_CONFLICT);
  CHECK_INT(bad, 1);
  /* The original text back, packed (or plain): intact again — the ledger
  ** hashes the text, not the stored bytes. */
  zSql = set_body_sql(d.id, zBody);
  CHECK_INT(fix_exec_sql(zPath, zSql), 0);
  free(zSql);
  CHECK_INT(store_ledger_verify(s, &bad, &nChecked), STORE_OK);
  if (!fix_on_pg()) {
    char z[128];
    /* A corrupt blob (the magic and a cut header): an error, no crash. */
    snprintf(z, sizeof z, "UPDATE doc SET body=X'28B52FFD24' WHERE id=%lld",
             (long long)d.id);
    CHECK_INT(fix_exec_sql(zPath, z), 0);
    CHECK(store_doc_get(s, &a, d.id, &g) != STORE_OK);
    CHECK(store_ledger_verify(s, &bad, &nChecked) != STORE_OK);
    CHECK_INT(store_doc_get(s, &a, e.id, &g), STORE_OK);
  }
  free(zChanged);
  free(zBody);
  arena_free(&a);
  drop_db(s, zPath);
}
