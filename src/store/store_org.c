/* store_org.c — organisations and departments (see store.h). */
#include <string.h>
#include <time.h>

#include "lib/date.h"

#include "store/store_int.h"

#define ORG_COLS                                                          \
  "id,coalesce(parent_id,0),slug,name,short_name,uscc,org_code,address," \
  "postcode,phone,fax,email,office_hours,index_template,kind"

/* RowFill for ORG_COLS, and the depth when a 16th column has it. */
static void org_row(Stmt *st, Arena *a, void *pRow) {
  Org *o = pRow;
  o->id = col_int(st, 0);
  o->parentId = col_int(st, 1);
  o->zSlug = col_text(a, st, 2);
  o->zName = col_text(a, st, 3);
  o->zShortName = col_text(a, st, 4);
  o->zUscc = col_text(a, st, 5);
  o->zOrgCode = col_text(a, st, 6);
  o->zAddress = col_text(a, st, 7);
  o->zPostcode = col_text(a, st, 8);
  o->zPhone = col_text(a, st, 9);
  o->zFax = col_text(a, st, 10);
  o->zEmail = col_text(a, st, 11);
  o->zOfficeHours = col_text(a, st, 12);
  o->zIndexTemplate = col_text(a, st, 13);
  o->zKind = col_text(a, st, 14);
  if (col_count(st) > 15) o->depth = (int)col_int(st, 15);
}


/* Binds the editable fields of o to parameters ?2..?14 (?13 the index
** template, ?14 the kind; the same order in the INSERT and the UPDATE
** below). */
static void bind_org_fields(Stmt *st, const Org *o) {
  const char *az[] = {o->zSlug, o->zName, nz(o->zShortName), nz(o->zUscc),
                      nz(o->zOrgCode), nz(o->zAddress), nz(o->zPostcode),
                      nz(o->zPhone), nz(o->zFax), nz(o->zEmail),
                      nz(o->zOfficeHours)};
  for (int i = 0; i < (int)(sizeof az / sizeof az[0]); i++) bind_text(st, i + 2, az[i]);
  bind_text(st, 13, o->zIndexTemplate && o->zIndexTemplate[0] ? o->zIndexTemplate : NULL);
  bind_text(st, 14, o->zKind && o->zKind[0] ? o->zKind : NULL);
}

/* The message of a failed write of o, by how it failed. */
static int org_write_err(Store *s, int rc, const Org *o) {
  if (db_err(s) == DB_ERR_UNIQUE)
    return store_fail(s, STORE_CONFLICT, "网址标识“%s”已被使用", o->zSlug);
  if (db_err(s) == DB_ERR_FOREIGN_KEY)
    return store_fail(s, STORE_INVALID, "上级单位不存在");
  return rc;
}

int store_org_add(Store *s, Org *o) {
  char zNow[21];
  store_now_iso(zNow);
  Stmt *st = stmt(s,
      "INSERT INTO org(parent_id,slug,name,short_name,uscc,org_code,address,"
      "postcode,phone,fax,email,office_hours,index_template,kind,created_at)"
      " VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,"
      "coalesce(?13,'{org_code}/{yyyy}-{serial:05}'),"
      "coalesce(?14,'department'),?15) RETURNING id");
  bind_id(st, 1, o->parentId);
  bind_org_fields(st, o);
  bind_text(st, 15, zNow);
  int rc = stmt_insert_id(s, st, &o->id, "保存单位");
  return rc == STORE_OK ? rc : org_write_err(s, rc, o);
}

/* Keeps the name orgId bears now as a former name ending yesterday
** (Beijing) when zNewName differs from it, so that what was published
** under it keeps that name (ORG_NAME_ON).  Nothing is recorded when that
** name was never in force for a whole day: the organisation was created
** today (a placeholder such as `gongkai init`'s 本机关 given its real
** name), or a name given today is corrected (a typo). */
static int org_keep_former_name(Store *s, int64_t orgId, const char *zNewName) {
  char zYesterday[DATE_STRLEN], zMidnight[21];
  Date today = date_today_cn(time(NULL));
  date_format(date_add_days(today, -1), zYesterday);
  time_t t = datetime_from_cn(today, 0, 0, 0);
  struct tm tm;
  gmtime_r(&t, &tm);
  strftime(zMidnight, sizeof zMidnight, "%Y-%m-%dT%H:%M:%SZ", &tm);
  Stmt *st = stmt(s,
      "INSERT INTO org_former_name(org_id,name,until_day)"
      " SELECT o.id,o.name,?3 FROM org o WHERE o.id=?1 AND o.name<>?2"
      " AND o.created_at<?4 AND NOT EXISTS (SELECT 1 FROM org_former_name f"
      "  WHERE f.org_id=o.id AND f.until_day>=?3)");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, orgId);
  bind_text(st, 2, zNewName);
  bind_text(st, 3, zYesterday);
  bind_text(st, 4, zMidnight);
  return stmt_exec(s, st, "保存单位曾用名");
}

static int org_update_tx(Store *s, const Org *o) {
  int rc = org_keep_former_name(s, o->id, o->zName);
  if (rc != STORE_OK) return rc;
  Stmt *st = stmt(s,
      "UPDATE org SET slug=?2,name=?3,short_name=?4,uscc=?5,org_code=?6,"
      "address=?7,postcode=?8,phone=?9,fax=?10,email=?11,office_hours=?12,"
      "index_template=coalesce(?13,index_template),kind=coalesce(?14,kind)"
      " WHERE id=?1");
  bind_int(st, 1, o->id);
  bind_org_fields(st, o);
  rc = stmt_exec(s, st, "保存单位");
  if (rc != STORE_OK) return org_write_err(s, rc, o);
  if (stmt_changes(s) == 0)
    return store_fail(s, STORE_NOTFOUND, "单位不存在");
  return STORE_OK;
}

int store_org_update(Store *s, const Org *o) {
  if (store_begin(s) != STORE_OK) return STORE_BUSY;
  int rc = org_update_tx(s, o);
  if (rc != STORE_OK) {
    store_rollback(s);
    return rc;
  }
  return store_commit(s);
}

int store_org_move(Store *s, int64_t id, int64_t newParent) {
  Stmt *st = stmt(s, "SELECT count(*) FROM org WHERE id IN (?1,?2)");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, id);
  bind_int(st, 2, newParent);
  int64_t n = 0;
  int rc = stmt_int(s, st, &n, "读取单位");
  if (rc != STORE_OK) return rc;
  if (n != 2 || id == newParent) {
    if (id == newParent)
      return store_fail(s, STORE_INVALID, "不能把单位调整到本单位或其下级单位之下");
    return store_fail(s, STORE_NOTFOUND, "单位不存在");
  }
  /* One statement: the check that newParent is not below id and the move
  ** cannot be separated by another writer. */
  st = stmt(s,
      "UPDATE org SET parent_id=?2 WHERE id=?1 AND ?2 NOT IN ("
      "WITH RECURSIVE " ORG_SUBTREE_CTE("sub", "1") " SELECT id FROM sub)");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, id);
  bind_int(st, 2, newParent);
  rc = stmt_exec(s, st, "调整上级单位");
  if (rc != STORE_OK) return rc;
  if (stmt_changes(s) == 0)
    return store_fail(s, STORE_INVALID, "不能把单位调整到本单位或其下级单位之下");
  return STORE_OK;
}

static int org_one(Store *s, Arena *a, Stmt *st, Org *o) {
  int rc = stmt_row(s, st, a, sizeof *o, org_row, o, "读取单位");
  return rc == STORE_NOTFOUND ? store_fail(s, rc, "单位不存在") : rc;
}

int store_org_get(Store *s, Arena *a, int64_t id, Org *o) {
  Stmt *st = stmt(s, "SELECT " ORG_COLS " FROM org WHERE id=?1");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, id);
  return org_one(s, a, st, o);
}

int store_org_by_slug(Store *s, Arena *a, const char *zSlug, Org *o) {
  Stmt *st = stmt(s, "SELECT " ORG_COLS " FROM org WHERE slug=?1");
  if (!st) return STORE_ERROR;
  bind_text(st, 1, zSlug);
  return org_one(s, a, st, o);
}

int store_org_by_name(Store *s, Arena *a, const char *zName, Org **paOrg,
                      int *pn) {
  Stmt *st = stmt(s, "SELECT " ORG_COLS " FROM org WHERE name=?1 ORDER BY id");
  if (!st) return STORE_ERROR;
  bind_text(st, 1, zName);
  return stmt_rows(s, st, a, sizeof **paOrg, org_row, paOrg, pn, "读取单位");
}

int store_org_tree(Store *s, Arena *a, int64_t rootId, Org **paOrg, int *pn) {
  /* Pre-order walk: the path of ids, zero-padded, sorts children under their
  ** parent in id order. */
  Stmt *st = stmt(s,
      "WITH RECURSIVE "
      ORG_TREE_CTE("t", "(?1 IS NULL AND parent_id IS NULL) OR id=?1")
      " SELECT " ORG_COLS ",t.depth FROM t JOIN org USING(id) ORDER BY t.path");
  bind_id(st, 1, rootId);
  return stmt_rows(s, st, a, sizeof **paOrg, org_row, paOrg, pn, "读取单位树");
}

int store_org_children(Store *s, Arena *a, int64_t parentId, Org **paOrg, int *pn) {
  Stmt *st = stmt(s,
      "SELECT " ORG_COLS " FROM org WHERE (?1 IS NULL AND parent_id IS NULL)"
      " OR parent_id=?1 ORDER BY id");
  bind_id(st, 1, parentId);
  return stmt_rows(s, st, a, sizeof **paOrg, org_row, paOrg, pn, "读取下级单位");
}

int store_org_ancestors(Store *s, int64_t id, int64_t *a, int nMax) {
  Stmt *st = stmt(s,
      "WITH RECURSIVE up(id,n) AS ("
      "  SELECT parent_id,1 FROM org WHERE id=?1"
      "  UNION ALL SELECT o.parent_id,up.n+1 FROM org o JOIN up ON o.id=up.id"
      "   WHERE up.n<64)"
      " SELECT id FROM up WHERE id IS NOT NULL ORDER BY n");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, id);
  int n = 0, rc;
  while ((rc = stmt_step(st)) == STMT_ROW)
    if (n < nMax) a[n++] = col_int(st, 0);
  stmt_done(st);
  if (rc != STMT_DONE) return store_db_err(s, "读取上级单位");
  return n;
}

int store_org_count(Store *s) {
  int64_t n = 0;
  int rc = stmt_int(s, stmt(s, "SELECT count(*) FROM org"), &n, "统计单位");
  return rc == STORE_OK ? (int)n : rc;
}

int store_dept_add(Store *s, int64_t orgId, const char *zName, int64_t *pId) {
  if (!zName || !zName[0]) return store_fail(s, STORE_INVALID, "科室名称不能为空");
  Stmt *st = stmt(s, "INSERT INTO dept(org_id,name) VALUES(?1,?2) RETURNING id");
  bind_int(st, 1, orgId);
  bind_text(st, 2, zName);
  int64_t id = 0;
  int rc = stmt_insert_id(s, st, &id, "保存科室");
  if (rc != STORE_OK && db_err(s) == DB_ERR_UNIQUE)
    return store_fail(s, STORE_CONFLICT, "科室“%s”已存在", zName);
  if (rc == STORE_OK && pId) *pId = id;
  return rc;
}

static void dept_row(Stmt *st, Arena *a, void *pRow) {
  Dept *d = pRow;
  d->id = col_int(st, 0);
  d->orgId = col_int(st, 1);
  d->zName = col_text(a, st, 2);
}

int store_dept_list(Store *s, Arena *a, int64_t orgId, Dept **paDept, int *pn) {
  Stmt *st = stmt(s,
      "SELECT id,org_id,name FROM dept WHERE org_id=?1 ORDER BY id");
  bind_int(st, 1, orgId);
  return stmt_rows(s, st, a, sizeof **paDept, dept_row, paDept, pn, "读取科室");
}

int store_org_former_name_add(Store *s, int64_t orgId, const char *zName,
                              const char *zUntil) {
  Stmt *st = stmt(s,
      "INSERT INTO org_former_name(org_id,name,until_day) VALUES(?1,?2,?3)");
  bind_int(st, 1, orgId);
  bind_text(st, 2, zName);
  bind_text(st, 3, zUntil);
  return stmt_exec(s, st, "保存单位曾用名");
}

const char *store_org_name_on(Store *s, Arena *a, int64_t orgId,
                              const char *zDay) {
  Stmt *st = stmt(s,
      "SELECT " ORG_NAME_ON("o", "?2") " FROM org o WHERE o.id=?1");
  bind_int(st, 1, orgId);
  bind_text(st, 2, zDay);
  return stmt_text(s, st, a);
}
