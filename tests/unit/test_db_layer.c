/*
** test_db_layer.c — the store's statement layer (src/store/db.h) on the
** SQLite driver: the row helpers, the error classification, RETURNING ids,
** the shared SQL fragments (the organisation scope, the sortable id key,
** counting) and store_lock's rule.  Expectations are worked out from the
** rows each test writes.
*/
#include <stdlib.h>
#include <unistd.h>

#include "harness.h"
#include "storefix.h"
#include "store/store_int.h"

/* A store with the tree  A ─ B ─ C  and a second root D. */
typedef struct Tree {
  Store *s;
  char zPath[40];
  int64_t a, b, c, d;
} Tree;

static int64_t add_org(Store *s, const char *zSlug, int64_t parentId) {
  Org o = {0};
  o.zSlug = zSlug;
  o.zName = zSlug;
  o.parentId = parentId;
  CHECK_INT(store_org_add(s, &o), STORE_OK);
  return o.id;
}

static int tree_open(Tree *t) {
  memcpy(t->zPath, "/tmp/gk-unit-db-XXXXXX", 23);
  t->s = temp_store(t->zPath);
  if (!t->s) return 0;
  t->a = add_org(t->s, "a", 0);
  t->b = add_org(t->s, "b", t->a);
  t->c = add_org(t->s, "c", t->b);
  t->d = add_org(t->s, "d", 0);
  return 1;
}

static void tree_close(Tree *t) {
  store_close(t->s);
  unlink(t->zPath);
}

static void id_row(Stmt *st, Arena *a, void *pRow) {
  (void)a;
  *(int64_t *)pRow = col_int(st, 0);
}

/* The ids the scope CTE gives for org (0: NULL) and deep, in id order,
** as "id,id,…" relative to the tree ("a,b,c"). */
static const char *scope_of(Tree *t, Arena *a, int64_t org, int deep) {
  Stmt *st = stmt(t->s,
      "WITH RECURSIVE " ORG_SCOPE_CTE("sub", "1", "?2<>0")
      " SELECT id FROM sub ORDER BY id");
  bind_id(st, 1, org);
  bind_int(st, 2, deep);
  int64_t *aId = NULL;
  int n = -1;
  CHECK_INT(stmt_rows(t->s, st, a, sizeof *aId, id_row, &aId, &n, "读取"), STORE_OK);
  char *z = arena_strdup(a, "");
  for (int i = 0; i < n; i++) {
    const char *zName = aId[i] == t->a ? "a" : aId[i] == t->b ? "b"
                      : aId[i] == t->c ? "c" : aId[i] == t->d ? "d" : "?";
    z = arena_printf(a, "%s%s%s", z, i ? "," : "", zName);
  }
  return z;
}

TEST(db_layer_org_scope_is_the_org_and_what_is_below_it) {
  Tree t;
  if (!tree_open(&t)) return;
  Arena a = ARENA_INIT;
  CHECK_STR(scope_of(&t, &a, t.a, 1), "a,b,c");
  CHECK_STR(scope_of(&t, &a, t.a, 0), "a");
  CHECK_STR(scope_of(&t, &a, t.b, 1), "b,c");
  CHECK_STR(scope_of(&t, &a, t.c, 1), "c");
  CHECK_STR(scope_of(&t, &a, t.d, 1), "d");
  CHECK_STR(scope_of(&t, &a, 0, 1), "");     /* NULL: no organisation */
  arena_free(&a);
  tree_close(&t);
}

TEST(db_layer_org_tree_lists_children_under_parents_in_id_order) {
  Tree t;
  if (!tree_open(&t)) return;
  Arena a = ARENA_INIT;
  /* Ten more children of A: ids past 9 must still sort after 2..9 (a
  ** text path sorts "10" before "9" unless padded). */
  for (int i = 0; i < 10; i++)
    add_org(t.s, arena_printf(&a, "k%d", i), t.a);
  Org *aOrg = NULL;
  int n = 0;
  CHECK_INT(store_org_tree(t.s, &a, t.a, &aOrg, &n), STORE_OK);
  CHECK_INT(n, 13);  /* a, b, c and ten k */
  if (n == 13) {
    CHECK_STR(aOrg[0].zSlug, "a");
    CHECK_INT(aOrg[0].depth, 0);
    CHECK_STR(aOrg[1].zSlug, "b");
    CHECK_STR(aOrg[2].zSlug, "c");
    CHECK_INT(aOrg[2].depth, 2);
    CHECK_STR(aOrg[3].zSlug, "k0");
    CHECK_STR(aOrg[12].zSlug, "k9");
    CHECK_INT(aOrg[12].depth, 1);
  }
  Stmt *st = stmt(t.s, "SELECT " SQL_ID_KEY("?1"));
  bind_int(st, 1, 42);
  CHECK_STR(stmt_text(t.s, st, &a), "0000000042");
  arena_free(&a);
  tree_close(&t);
}

TEST(db_layer_errors_are_classified_and_named) {
  Tree t;
  if (!tree_open(&t)) return;
  Store *s = t.s;
  Arena a = ARENA_INIT;
  int64_t id = 0;
  Stmt *st = stmt(s, "INSERT INTO dept(org_id,name) VALUES(?1,?2) RETURNING id");
  bind_int(st, 1, t.a);
  bind_text(st, 2, "办公室");
  CHECK_INT(stmt_insert_id(s, st, &id, "保存科室"), STORE_OK);
  CHECK(id > 0);
  /* The same name again: unique. */
  st = stmt(s, "INSERT INTO dept(org_id,name) VALUES(?1,?2) RETURNING id");
  bind_int(st, 1, t.a);
  bind_text(st, 2, "办公室");
  CHECK_INT(stmt_insert_id(s, st, &id, "保存科室"), STORE_CONFLICT);
  CHECK_INT(db_err(s), DB_ERR_UNIQUE);
  CHECK_STR(store_errmsg(s), "保存科室失败：记录已存在");
  /* An organisation that does not exist: foreign key. */
  st = stmt(s, "INSERT INTO dept(org_id,name) VALUES(?1,?2) RETURNING id");
  bind_int(st, 1, 999999);
  bind_text(st, 2, "信息科");
  CHECK_INT(stmt_insert_id(s, st, &id, "保存科室"), STORE_INVALID);
  CHECK_INT(db_err(s), DB_ERR_FOREIGN_KEY);
  /* A statement that cannot be prepared. */
  CHECK(stmt(s, "SELECT no_such_column FROM org") == NULL);
  CHECK_INT(store_errcode(s), STORE_ERROR);
  /* No row. */
  st = stmt(s, "SELECT name FROM dept WHERE id=?1");
  bind_int(st, 1, -1);
  CHECK(stmt_text(s, st, &a) == NULL);
  st = stmt(s, "SELECT id FROM dept WHERE id=?1");
  bind_int(st, 1, -1);
  CHECK_INT(stmt_int(s, st, &id, "读取科室"), STORE_NOTFOUND);
  CHECK_INT(id, 0);
  arena_free(&a);
  tree_close(&t);
}

TEST(db_layer_changes_limits_counts_and_schema_questions) {
  Tree t;
  if (!tree_open(&t)) return;
  Store *s = t.s;
  Arena a = ARENA_INIT;
  Stmt *st = stmt(s, "UPDATE org SET short_name='x' WHERE parent_id IS NULL");
  CHECK_INT(stmt_exec(s, st, "保存"), STORE_OK);
  CHECK_INT(stmt_changes(s), 2);  /* a and d */
  int64_t *aId = NULL;
  int n = 0;
  st = stmt(s, "SELECT id FROM org ORDER BY id LIMIT ?1");
  bind_limit(st, 1, -1);
  CHECK_INT(stmt_rows(s, st, &a, sizeof *aId, id_row, &aId, &n, "读取"), STORE_OK);
  CHECK_INT(n, 4);
  st = stmt(s, "SELECT id FROM org ORDER BY id LIMIT ?1");
  bind_limit(st, 1, 1);
  CHECK_INT(stmt_rows(s, st, &a, sizeof *aId, id_row, &aId, &n, "读取"), STORE_OK);
  CHECK_INT(n, 1);
  int64_t v = -1;
  st = stmt(s, "SELECT " SQL_COUNT_IF("parent_id IS NULL") ","
               SQL_BOOL("1=0") " FROM org");
  CHECK_INT(stmt_int(s, st, &v, "统计"), STORE_OK);
  CHECK_INT(v, 2);
  CHECK_INT(db_has_table(s, "org"), 1);
  CHECK_INT(db_has_table(s, "no_such_table"), 0);
  CHECK_INT(db_has_column(s, "org", "slug"), 1);
  CHECK_INT(db_has_column(s, "org", "no_such_column"), 0);
  CHECK_INT(db_dialect(s), fix_on_pg() ? DB_POSTGRES : DB_SQLITE);
  arena_free(&a);
  tree_close(&t);
}

TEST(db_layer_store_lock_needs_a_transaction) {
  Tree t;
  if (!tree_open(&t)) return;
  CHECK_INT(store_lock(t.s, STORE_LOCK_LEDGER), STORE_ERROR);
  CHECK_INT(store_begin(t.s), STORE_OK);
  CHECK_INT(store_lock(t.s, STORE_LOCK_LEDGER), STORE_OK);
  CHECK_INT(store_lock(t.s, STORE_LOCK_SEARCH_KEY), STORE_OK);
  CHECK_INT(store_commit(t.s), STORE_OK);
  tree_close(&t);
}
