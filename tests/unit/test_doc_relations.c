/*
** test_doc_relations.c — related documents (store_doc_relations.h) and the
** picker's lookup through the search index (store_doc_lookup) on a real
** SQLite file.  Two organisation trees: a county (县政府 with 县卫健局
** below it) and a province (省政府, its own root).  Expectations follow
** from the rules stated in store_doc_relations.h, counted by hand from what
** each test builds.
*/
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/app_doc_relation.h"
#include "harness.h"
#include "lib/crypto.h"
#include "store/store_doc_relations.h"
#include "storefix.h"

typedef struct RelFix {
  char zPath[64];
  Store *s;
  int64_t county, bureau, province, user;
} RelFix;

static int64_t rel_org(Store *s, int64_t parent, const char *zSlug, const char *zCode) {
  Org o;
  memset(&o, 0, sizeof o);
  o.parentId = parent;
  o.zSlug = zSlug;
  o.zName = zSlug;
  o.zOrgCode = zCode;
  return store_org_add(s, &o) == STORE_OK ? o.id : 0;
}

static int rel_open(RelFix *f) {
  strcpy(f->zPath, "/tmp/gk-unit-rel-XXXXXX");
  crypto_init();
  f->s = temp_store(f->zPath);
  if (!f->s) return -1;
  f->county = rel_org(f->s, 0, "county", "453629012");
  f->bureau = rel_org(f->s, f->county, "bureau", "453629013");
  f->province = rel_org(f->s, 0, "province", "453629014");
  User u;
  memset(&u, 0, sizeof u);
  u.orgId = f->county;
  u.zLogin = "u";
  u.zName = "u";
  u.zPwHash = "x";
  u.roles = 0x7f;
  if (store_user_add(f->s, &u) != STORE_OK) return -1;
  f->user = u.id;
  return f->county && f->bureau && f->province ? 0 : -1;
}

static void rel_close(RelFix *f) {
  char z[96];
  store_close(f->s);
  unlink(f->zPath);
  snprintf(z, sizeof z, "%s-wal", f->zPath);
  unlink(z);
  snprintf(z, sizeof z, "%s-shm", f->zPath);
  unlink(z);
}

/* A draft of org, published on zDate when zDate is not NULL. */
static int64_t rel_doc(RelFix *f, int64_t org, const char *zTitle, const char *zNumber,
                       const char *zBody, const char *zDate) {
  Arena a = ARENA_INIT;
  Doc d;
  memset(&d, 0, sizeof d);
  d.orgId = org;
  d.zTitle = zTitle;
  d.zDocNumber = zNumber;
  d.zMode = "proactive";
  d.zFormedDate = zDate ? zDate : "2026-11-02";
  d.zBody = zBody;
  d.createdBy = f->user;
  int64_t id = 0;
  if (store_doc_add(f->s, &d) == STORE_OK &&
      (!zDate || store_doc_publish(f->s, &a, d.id, "published", zDate) == STORE_OK))
    id = d.id;
  arena_free(&a);
  return id;
}

TEST(doc_relation_add_list_order_remove) {
  RelFix f;
  CHECK_INT(rel_open(&f), 0);
  Arena a = ARENA_INIT;
  int64_t d = rel_doc(&f, f.county, "实施方案", "", "", NULL);
  int64_t p1 = rel_doc(&f, f.county, "管理办法", "县政发〔2025〕1号", "", "2025-03-01");
  int64_t p2 = rel_doc(&f, f.bureau, "旧办法", "县卫发〔2020〕2号", "", "2020-05-01");
  int64_t x = rel_doc(&f, f.county, "另一方案", "", "", NULL);
  CHECK_INT(store_doc_relation_add(f.s, d, p1, "related", f.user), STORE_OK);
  CHECK_INT(store_doc_relation_add(f.s, d, p2, "repeals", f.user), STORE_OK);
  CHECK_INT(store_doc_relation_add(f.s, x, d, "related", f.user), STORE_OK);
  DocRelation *aR;
  int n;
  /* d names p1 then p2 (in that order), and is named by x. */
  CHECK_INT(store_doc_relations(f.s, &a, d, &aR, &n), STORE_OK);
  CHECK_INT(n, 3);
  if (n == 3) {
    CHECK_INT(aR[0].other.id, p1);
    CHECK_STR(aR[0].zKind, "related");
    CHECK_INT(aR[0].bIncoming, 0);
    CHECK_INT(aR[1].other.id, p2);
    CHECK_STR(aR[1].zKind, "repeals");
    CHECK_STR(aR[1].other.zDocNumber, "县卫发〔2020〕2号");
    CHECK_STR(aR[1].other.zOrgName, "bureau");
    CHECK_INT(aR[2].other.id, x);
    CHECK_INT(aR[2].bIncoming, 1);
    CHECK_INT(aR[2].docId, x);
  }
  /* Seen from p2: named by d, as repealed. */
  CHECK_INT(store_doc_relations(f.s, &a, p2, &aR, &n), STORE_OK);
  CHECK_INT(n, 1);
  CHECK(n == 1 && aR[0].other.id == d && aR[0].bIncoming && !strcmp(aR[0].zKind, "repeals"));
  /* Removing: only the direction stored; the second time there is none. */
  CHECK_INT(store_doc_relation_remove(f.s, p1, d), STORE_NOTFOUND);
  CHECK_INT(store_doc_relation_remove(f.s, d, p1), STORE_OK);
  CHECK_INT(store_doc_relation_remove(f.s, d, p1), STORE_NOTFOUND);
  CHECK_INT(store_doc_relations(f.s, &a, d, &aR, &n), STORE_OK);
  CHECK_INT(n, 2);
  /* A relation added after a removal goes last. */
  CHECK_INT(store_doc_relation_add(f.s, d, p1, "amends", f.user), STORE_OK);
  CHECK_INT(store_doc_relations(f.s, &a, d, &aR, &n), STORE_OK);
  CHECK(n == 3 && aR[0].other.id == p2 && aR[1].other.id == p1 && aR[2].other.id == x);
  arena_free(&a);
  rel_close(&f);
}

TEST(doc_relation_refuses_self_duplicates_and_bad_kind) {
  RelFix f;
  CHECK_INT(rel_open(&f), 0);
  int64_t d = rel_doc(&f, f.county, "实施方案", "", "", NULL);
  int64_t p = rel_doc(&f, f.county, "管理办法", "", "", "2025-03-01");
  CHECK_INT(store_doc_relation_add(f.s, d, d, "related", f.user), STORE_INVALID);
  CHECK_INT(store_doc_relation_add(f.s, d, p, "cites", f.user), STORE_INVALID);
  CHECK_INT(store_doc_relation_add(f.s, d, p, "related", f.user), STORE_OK);
  /* The same pair again, in either direction and whatever the kind. */
  CHECK_INT(store_doc_relation_add(f.s, d, p, "related", f.user), STORE_CONFLICT);
  CHECK_INT(store_doc_relation_add(f.s, d, p, "amends", f.user), STORE_CONFLICT);
  CHECK_INT(store_doc_relation_add(f.s, p, d, "related", f.user), STORE_CONFLICT);
  CHECK_INT(store_doc_relation_add(f.s, d, 999999, "related", f.user), STORE_NOTFOUND);
  rel_close(&f);
}

TEST(doc_relation_scope_other_tree_only_published) {
  RelFix f;
  CHECK_INT(rel_open(&f), 0);
  int64_t d = rel_doc(&f, f.bureau, "县卫健局方案", "", "", NULL);
  int64_t countyDraft = rel_doc(&f, f.county, "县政府草稿", "", "", NULL);
  int64_t provDraft = rel_doc(&f, f.province, "省政府草稿", "", "", NULL);
  int64_t provPolicy = rel_doc(&f, f.province, "省政府政策", "", "", "2024-01-05");
  /* The same tree: the county government's draft, from the bureau below. */
  CHECK_INT(store_doc_relation_add(f.s, d, countyDraft, "related", f.user), STORE_OK);
  /* Another tree: its published policy, never its draft. */
  CHECK_INT(store_doc_relation_add(f.s, d, provPolicy, "related", f.user), STORE_OK);
  CHECK_INT(store_doc_relation_add(f.s, d, provDraft, "related", f.user), STORE_INVALID);
  rel_close(&f);
}

TEST(doc_relation_cascades_and_advances_content_generation) {
  RelFix f;
  CHECK_INT(rel_open(&f), 0);
  Arena a = ARENA_INIT;
  int64_t d = rel_doc(&f, f.county, "实施方案", "", "", NULL);
  int64_t gone = rel_doc(&f, f.county, "将被删除的草稿", "", "", NULL);
  int64_t p = rel_doc(&f, f.county, "管理办法", "", "", "2025-03-01");
  int64_t g0 = 0, g1 = 0, g2 = 0;
  CHECK_INT(store_content_generation(f.s, &g0), STORE_OK);
  CHECK_INT(store_doc_relation_add(f.s, d, gone, "related", f.user), STORE_OK);
  CHECK_INT(store_content_generation(f.s, &g1), STORE_OK);
  CHECK(g1 > g0);  /* public content: cached public pages are stale */
  CHECK_INT(store_doc_relation_add(f.s, p, d, "related", f.user), STORE_OK);
  CHECK_INT(store_doc_relation_remove(f.s, p, d), STORE_OK);
  CHECK_INT(store_content_generation(f.s, &g2), STORE_OK);
  CHECK(g2 > g1);
  /* The application deletes no document; should an administrator, the
  ** document's relations go with it. */
  char zSql[160];
  snprintf(zSql, sizeof zSql, "%sDELETE FROM audit_log; DELETE FROM doc WHERE id=%lld",
           fix_on_pg() ? "" : "PRAGMA foreign_keys=ON; ", (long long)gone);
  CHECK_INT(fix_exec_sql(f.zPath, zSql), 0);
  DocRelation *aR;
  int n;
  CHECK_INT(store_doc_relations(f.s, &a, d, &aR, &n), STORE_OK);
  CHECK_INT(n, 0);
  arena_free(&a);
  rel_close(&f);
}

TEST(doc_lookup_published_from_index_title_and_number_only) {
  RelFix f;
  CHECK_INT(rel_open(&f), 0);
  Arena a = ARENA_INIT;
  /* Published: found through the index, in title or 文号 only. */
  int64_t heat = rel_doc(&f, f.county, "关于做好冬季供暖工作的通知", "县政发〔2025〕3号",
                         "", "2025-11-01");
  int64_t body = rel_doc(&f, f.county, "年度预算", "县政发〔2025〕30号",
                         "其中供暖补贴一百万元", "2025-12-01");
  int64_t prov = rel_doc(&f, f.province, "全省供暖条例", "", "", "2024-10-01");
  int64_t draft = rel_doc(&f, f.county, "供暖应急预案（草稿）", "", "", NULL);
  int64_t provDraft = rel_doc(&f, f.province, "省供暖规划（草稿）", "", "", NULL);
  DocRef *aR;
  int n;
  /* "供暖" from the county (with the units below): its notice and draft,
  ** the province's published 条例; not the budget (供暖 only in its body),
  ** not the province's draft.  Newest first; the draft dates from its
  ** creation (today), after every published date here. */
  CHECK_INT(store_doc_lookup(f.s, &a, "供暖", f.county, 1, 0, 10, &aR, &n), STORE_OK);
  CHECK_INT(n, 3);
  if (n == 3) {
    CHECK_INT(aR[0].id, draft);
    CHECK_INT(aR[1].id, heat);
    CHECK_INT(aR[2].id, prov);
  }
  (void)body;
  (void)provDraft;
  /* By 文号: "3号" is in 〔2025〕3号, not in 30号 (3 then 0). */
  CHECK_INT(store_doc_lookup(f.s, &a, "3号", f.county, 1, 0, 10, &aR, &n), STORE_OK);
  CHECK(n == 1 && aR[0].id == heat);
  /* Several terms: all of them, each in title or 文号. */
  CHECK_INT(store_doc_lookup(f.s, &a, "县政发 供暖", f.county, 1, 0, 10, &aR, &n), STORE_OK);
  CHECK(n == 1 && aR[0].id == heat);
  /* A one-character term beside another is checked on title and 文号. */
  CHECK_INT(store_doc_lookup(f.s, &a, "供暖 省", f.county, 1, 0, 10, &aR, &n), STORE_OK);
  CHECK(n == 1 && aR[0].id == prov);
  /* The document being edited is never offered. */
  CHECK_INT(store_doc_lookup(f.s, &a, "供暖", f.county, 1, heat, 10, &aR, &n), STORE_OK);
  CHECK_INT(n, 2);
  /* ... and does not take a place of the limit: from the bureau (no
  ** drafts in scope), one result besides the notice is the province's. */
  CHECK_INT(store_doc_lookup(f.s, &a, "供暖", f.bureau, 0, heat, 1, &aR, &n), STORE_OK);
  CHECK(n == 1 && aR[0].id == prov);
  /* Limit. */
  CHECK_INT(store_doc_lookup(f.s, &a, "供暖", f.county, 1, 0, 2, &aR, &n), STORE_OK);
  CHECK(n == 2 && aR[0].id == draft && aR[1].id == heat);
  /* Nothing to look for. */
  CHECK_INT(store_doc_lookup(f.s, &a, "  ", f.county, 1, 0, 10, &aR, &n), STORE_INVALID);
  arena_free(&a);
  rel_close(&f);
}

/* The labels of relations and replacements, worked out by hand for each
** state of both documents (docs/documents.md "Related documents"). */
TEST(doc_relation_labels_true_for_each_state) {
  const DocRelKind *rep = doc_rel_kind("repeals"), *am = doc_rel_kind("amends"),
                   *rel = doc_rel_kind("related");
  CHECK(rep && am && rel);
  CHECK_STR(doc_rel_tag(rep, 0, "valid"), "废止");
  CHECK_STR(doc_rel_tag(rep, 1, "repealed"), "被以下文件废止");
  CHECK_STR(doc_rel_tag(rep, 1, "valid"), "载明废止本文件");
  CHECK_STR(doc_rel_tag(rep, 1, "expired"), "载明废止本文件");
  CHECK_STR(doc_rel_tag(rep, 1, "amended"), "载明废止本文件");
  CHECK_STR(doc_rel_tag(am, 1, "amended"), "被以下文件修改");
  CHECK_STR(doc_rel_tag(am, 1, "repealed"), "载明修改本文件");
  CHECK_STR(doc_rel_tag(rel, 1, "repealed"), "相关文件");
  CHECK_STR(doc_replacement_label("repealed", "published", "valid"), "现行文件");
  CHECK_STR(doc_replacement_label("expired", "published", "valid"), "现行文件");
  CHECK_STR(doc_replacement_label("repealed", "published", "amended"), "替代文件");
  CHECK_STR(doc_replacement_label("repealed", "published", "repealed"), "替代文件");
  CHECK_STR(doc_replacement_label("repealed", "published", "expired"), "替代文件");
  CHECK_STR(doc_replacement_label("repealed", "withdrawn", "valid"), "替代文件");
  CHECK_STR(doc_replacement_label("amended", "published", "valid"), "修改本文件的文件");
  CHECK_STR(doc_validity_done("amended"), "已修订");
  CHECK_STR(doc_validity_done("repealed"), "已废止");
  CHECK_STR(doc_validity_done("expired"), "已失效");
  CHECK_STR(doc_validity_done("valid"), "");
}
