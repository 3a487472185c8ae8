/*
** test_staff_store.c — the staff pages' store queries: the menu's counts
** of documents in a review step (store_wait_docs, store_staff.h) and the
** search for a document to refer to (store_doc_lookup, store_doc_ref).
** The database is built here; the expected rows are counted by hand from
** what was built.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "storefix.h"
#include "lib/crypto.h"
#include "store/store_documents.h"
#include "store/store_staff.h"

typedef struct Fix {
  char zPath[128];
  Store *s;
  int64_t org, child, u1, u2;
} Fix;

static int64_t add_org(Store *s, int64_t parent, const char *zSlug, const char *zCode) {
  Org o;
  memset(&o, 0, sizeof o);
  o.parentId = parent;
  o.zSlug = zSlug;
  o.zName = zSlug;
  o.zOrgCode = zCode;
  return store_org_add(s, &o) == STORE_OK ? o.id : 0;
}

static int64_t add_user(Store *s, int64_t org, const char *zLogin) {
  User u;
  memset(&u, 0, sizeof u);
  u.orgId = org;
  u.zLogin = zLogin;
  u.zName = zLogin;
  u.zPwHash = "x";
  u.roles = 0x7f;
  return store_user_add(s, &u) == STORE_OK ? u.id : 0;
}

static int fix_open(Fix *f) {
  char zDir[] = "/tmp/gk-staff-test-XXXXXX";
  char *zErr = NULL;
  crypto_init();
  if (!mkdtemp(zDir)) return -1;
  snprintf(f->zPath, sizeof f->zPath, "%s/t.db", zDir);
  if (fix_store_open(f->zPath, STORE_CREATE, &f->s, &zErr) != STORE_OK) { free(zErr); return -1; }
  f->org = add_org(f->s, 0, "bureau", "453629012");
  f->child = add_org(f->s, f->org, "clinic", "453629013");
  f->u1 = add_user(f->s, f->org, "u1");
  f->u2 = add_user(f->s, f->org, "u2");
  return f->org && f->child && f->u1 && f->u2 ? 0 : -1;
}

static void fix_close(Fix *f) {
  char z[160];
  store_close(f->s);
  unlink(f->zPath);
  snprintf(z, sizeof z, "%s-wal", f->zPath);
  unlink(z);
  snprintf(z, sizeof z, "%s-shm", f->zPath);
  unlink(z);
  char *zSlash = strrchr(f->zPath, '/');
  if (zSlash) { *zSlash = 0; rmdir(f->zPath); }
}

/* A document of org by user, walked along the chain to zState. */
static int64_t add_doc(Fix *f, int64_t org, int64_t user, const char *zTitle,
                       const char *zNumber, const char *zState) {
  static const char *const azChain[] = {"draft", "dept_review", "secrecy_review", "approval"};
  Doc d;
  memset(&d, 0, sizeof d);
  d.orgId = org;
  d.zTitle = zTitle;
  d.zDocNumber = zNumber;
  d.zMode = "proactive";
  d.zFormedDate = "2026-11-02";
  d.createdBy = user;
  if (store_doc_add(f->s, &d) != STORE_OK) return 0;
  for (int i = 0; i + 1 < 4 && strcmp(azChain[i], zState); i++)
    if (store_doc_step(f->s, d.id, azChain[i], azChain[i + 1], "pass", "", f->u2) != STORE_OK)
      return 0;
  return d.id;
}

/* The count of the row (org, state, mine) in aW, or -1 when absent. */
static int row(const WaitCount *aW, int n, int64_t org, const char *zState, int bMine) {
  for (int i = 0; i < n; i++)
    if (aW[i].orgId == org && !strcmp(aW[i].zState, zState) && aW[i].bMine == bMine)
      return aW[i].n;
  return -1;
}

TEST(staff_wait_docs_groups_review_steps_by_org_state_and_drafter) {
  Fix f;
  CHECK_INT(fix_open(&f), 0);
  Arena a = ARENA_INIT;
  /* u1 drafts a draft, two in 科室审核 and one in 领导审批 (in the unit
  ** below); u2 drafts one in 保密审查. */
  add_doc(&f, f.org, f.u1, "草稿", "", "draft");
  add_doc(&f, f.org, f.u1, "审核一", "", "dept_review");
  add_doc(&f, f.org, f.u1, "审核二", "", "dept_review");
  add_doc(&f, f.org, f.u2, "保密", "", "secrecy_review");
  add_doc(&f, f.child, f.u1, "审批", "", "approval");
  WaitCount *aW;
  int n;
  CHECK_INT(store_wait_docs(f.s, &a, f.u1, &aW, &n), STORE_OK);
  CHECK_INT(n, 3);   /* drafts are not in a review step */
  CHECK_INT(row(aW, n, f.org, "dept_review", 1), 2);
  CHECK_INT(row(aW, n, f.org, "secrecy_review", 0), 1);
  CHECK_INT(row(aW, n, f.child, "approval", 1), 1);
  /* Seen by u2: the same documents, "mine" the other way round. */
  CHECK_INT(store_wait_docs(f.s, &a, f.u2, &aW, &n), STORE_OK);
  CHECK_INT(row(aW, n, f.org, "dept_review", 0), 2);
  CHECK_INT(row(aW, n, f.org, "secrecy_review", 1), 1);
  arena_free(&a);
  fix_close(&f);
}

TEST(staff_doc_lookup_by_title_or_number_in_scope) {
  Fix f;
  CHECK_INT(fix_open(&f), 0);
  Arena a = ARENA_INIT;
  int64_t notice = add_doc(&f, f.org, f.u1, "关于做好冬季供暖工作的通知", "宁政发〔2026〕3号", "draft");
  int64_t interp = add_doc(&f, f.org, f.u1, "《供暖通知》政策解读", "", "draft");
  int64_t clinic = add_doc(&f, f.child, f.u1, "卫生院供暖安排", "宁卫发〔2026〕13号", "draft");
  add_doc(&f, f.org, f.u1, "年度预算", "宁政发〔2026〕30号", "draft");
  DocRef *aR;
  int n;
  /* "供暖": the bureau's two; with the unit below, three. */
  CHECK_INT(store_doc_lookup(f.s, &a, "供暖", f.org, 0, 0, 10, &aR, &n), STORE_OK);
  CHECK_INT(n, 2);
  CHECK(n == 2 && ((aR[0].id == notice && aR[1].id == interp) ||
                   (aR[0].id == interp && aR[1].id == notice)));
  CHECK_INT(store_doc_lookup(f.s, &a, "供暖", f.org, 1, 0, 10, &aR, &n), STORE_OK);
  CHECK_INT(n, 3);
  /* The document being edited is never offered. */
  CHECK_INT(store_doc_lookup(f.s, &a, "供暖", f.org, 1, notice, 10, &aR, &n), STORE_OK);
  CHECK_INT(n, 2);
  /* By 文号: "3号" is in 〔2026〕3号 and 〔2026〕13号, not in 30号. */
  CHECK_INT(store_doc_lookup(f.s, &a, "3号", f.org, 1, 0, 10, &aR, &n), STORE_OK);
  CHECK_INT(n, 2);
  CHECK(n == 2 && (aR[0].id == clinic || aR[1].id == clinic));
  /* The text is plain: % and _ are no wildcards. */
  CHECK_INT(store_doc_lookup(f.s, &a, "%", f.org, 1, 0, 10, &aR, &n), STORE_OK);
  CHECK_INT(n, 0);
  CHECK_INT(store_doc_lookup(f.s, &a, "供暖", f.org, 1, 0, 1, &aR, &n), STORE_OK);
  CHECK_INT(n, 1);
  DocRef one;
  CHECK_INT(store_doc_ref(f.s, &a, clinic, &one), STORE_OK);
  CHECK_STR(one.zDocNumber, "宁卫发〔2026〕13号");
  CHECK_STR(one.zOrgName, "clinic");
  CHECK_STR(one.zState, "draft");
  CHECK_INT(store_doc_ref(f.s, &a, 999999, &one), STORE_NOTFOUND);
  arena_free(&a);
  fix_close(&f);
}
