/*
** test_org_store.c — the organisation tree's store rules that keep history:
** a rename keeps the previous name as a former name ending yesterday
** (Beijing), a correction on the same day or of an organisation created
** today does not, and the name in force
** on a day follows those periods (store_org_update, store_org_name_on).
** Expectations are worked out from the dates below, not from the code.
*/
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "harness.h"
#include "lib/date.h"
#include "storefix.h"

static void drop(Store *s, const char *zPath, const char *zDir) {
  char z[160];
  store_close(s);
  unlink(zPath);
  snprintf(z, sizeof z, "%s-wal", zPath);
  unlink(z);
  snprintf(z, sizeof z, "%s-shm", zPath);
  unlink(z);
  rmdir(zDir);
}

static void rename_org(Store *s, Arena *a, int64_t org, const char *zName) {
  Org o;
  CHECK_INT(store_org_get(s, a, org, &o), STORE_OK);
  o.zName = zName;
  CHECK_INT(store_org_update(s, &o), STORE_OK);
}

TEST(org_rename_keeps_the_former_name_until_yesterday) {
  char zDir[] = "/tmp/gk-org-test-XXXXXX", zPath[128];
  int64_t org = 0, user = 0;
  Store *s = fix_org_store(zDir, zPath, &org, &user);
  if (!s) return;
  Arena a = ARENA_INIT;
  char zToday[DATE_STRLEN], zYesterday[DATE_STRLEN];
  Date today = date_today_cn(time(NULL));
  date_format(today, zToday);
  date_format(date_add_days(today, -1), zYesterday);
  /* fix_org_store's organisation is 测试局, created just now: a name it
  ** was given today was never in force for a day, and is no former name. */
  rename_org(s, &a, org, "测试局（筹）");
  rename_org(s, &a, org, "测试局");
  CHECK_INT(fix_query_int(zPath, "SELECT count(*) FROM org_former_name"), 0);
  /* Created in 2019; an earlier reform had it called 测试和计划局 up to
  ** 2019-03-31. */
  CHECK_INT(fix_exec_sql(zPath, "UPDATE org SET created_at='2019-01-02T03:04:05Z'"), 0);
  CHECK_INT(store_org_former_name_add(s, org, "测试和计划局", "2019-03-31"), STORE_OK);
  rename_org(s, &a, org, "测试和发展局");
  rename_org(s, &a, org, "测试与发展局"); /* the same day: a typo fixed */
  Org o;
  CHECK_INT(store_org_get(s, &a, org, &o), STORE_OK);
  CHECK_STR(o.zName, "测试与发展局");
  CHECK_STR(store_org_name_on(s, &a, org, "2019-03-31"), "测试和计划局");
  CHECK_STR(store_org_name_on(s, &a, org, "2019-04-01"), "测试局");
  CHECK_STR(store_org_name_on(s, &a, org, zYesterday), "测试局");
  CHECK_STR(store_org_name_on(s, &a, org, zToday), "测试与发展局");
  /* Saving the form without changing the name records nothing. */
  rename_org(s, &a, org, "测试与发展局");
  CHECK_INT(fix_query_int(zPath, "SELECT count(*) FROM org_former_name"), 2);
  arena_free(&a);
  drop(s, zPath, zDir);
}

static int64_t add_unit(Store *s, int64_t parent, const char *zSlug) {
  Org o;
  memset(&o, 0, sizeof o);
  o.parentId = parent;
  o.zSlug = zSlug;
  o.zName = zSlug;
  return store_org_add(s, &o) == STORE_OK ? o.id : 0;
}

TEST(org_move_refuses_a_cycle_and_carries_the_subtree) {
  char zDir[] = "/tmp/gk-org-test-XXXXXX", zPath[128];
  int64_t root = 0, user = 0;
  Store *s = fix_org_store(zDir, zPath, &root, &user);
  if (!s) return;
  Arena a = ARENA_INIT;
  /* root ─ city ─ county ─ town;  root ─ other */
  int64_t city = add_unit(s, root, "city"), county = add_unit(s, city, "county");
  int64_t town = add_unit(s, county, "town"), other = add_unit(s, root, "other");
  CHECK(city && county && town && other);
  CHECK_INT(store_org_move(s, city, town), STORE_INVALID);   /* below itself */
  CHECK_INT(store_org_move(s, county, county), STORE_INVALID);
  CHECK_INT(store_org_move(s, county, 999999), STORE_NOTFOUND);
  CHECK_INT(store_org_move(s, county, other), STORE_OK);
  int64_t aAnc[8];
  /* town's ancestors now: county, other, root. */
  CHECK_INT(store_org_ancestors(s, town, aAnc, 8), 3);
  CHECK(aAnc[0] == county && aAnc[1] == other && aAnc[2] == root);
  Org o;
  CHECK_INT(store_org_get(s, &a, city, &o), STORE_OK);
  CHECK(o.parentId == root);
  arena_free(&a);
  drop(s, zPath, zDir);
}
