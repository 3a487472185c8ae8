/* sqlite_org.c — organisations and departments on SQLite (see store.h). */
#include <string.h>

#include "store/store_int.h"

#define ORG_COLS                                                          \
  "id,coalesce(parent_id,0),slug,name,short_name,uscc,org_code,address," \
  "postcode,phone,fax,email,office_hours,index_template,kind"

static void org_row(Arena *a, Stmt *st, Org *o) {
  memset(o, 0, sizeof *o);
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
}


/* Binds the editable fields of o to parameters ?2..?13 and ?15 (the kind;
** the same order in the INSERT and the UPDATE below). */
static void bind_org_fields(Stmt *st, const Org *o) {
  const char *az[] = {o->zSlug, o->zName, nz(o->zShortName), nz(o->zUscc),
                      nz(o->zOrgCode), nz(o->zAddress), nz(o->zPostcode),
                      nz(o->zPhone), nz(o->zFax), nz(o->zEmail),
                      nz(o->zOfficeHours)};
  for (int i = 0; i < (int)(sizeof az / sizeof az[0]); i++) bind_text(st, i + 2, az[i]);
  bind_text(st, 13, o->zIndexTemplate && o->zIndexTemplate[0] ? o->zIndexTemplate : NULL);
  bind_text(st, 15, o->zKind && o->zKind[0] ? o->zKind : NULL);
}

int store_org_add(Store *s, Org *o) {
  char zNow[21];
  store_now_iso(zNow);
  Stmt *st = stmt(s,
      "INSERT INTO org(parent_id,slug,name,short_name,uscc,org_code,address,"
      "postcode,phone,fax,email,office_hours,index_template,created_at,kind)"
      " VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,"
      "coalesce(?13,'{org_code}/{yyyy}-{serial:05}'),?14,"
      "coalesce(?15,'department')) RETURNING id");
  if (!st) return STORE_ERROR;
  bind_id(st, 1, o->parentId);
  bind_org_fields(st, o);
  bind_text(st, 14, zNow);
  int rc = stmt_step(st);
  int64_t newId = rc == STMT_ROW ? col_int(st, 0) : 0;
  stmt_done(st);
  if (rc != STMT_ROW) {
    if (db_err(s) == DB_ERR_UNIQUE)
      return store_fail(s, STORE_CONFLICT, "网址标识“%s”已被使用", o->zSlug);
    if (db_err(s) == DB_ERR_FOREIGN_KEY)
      return store_fail(s, STORE_INVALID, "上级单位不存在");
    return store_db_err(s, "保存单位");
  }
  o->id = newId;
  return STORE_OK;
}

int store_org_update(Store *s, const Org *o) {
  Stmt *st = stmt(s,
      "UPDATE org SET slug=?2,name=?3,short_name=?4,uscc=?5,org_code=?6,"
      "address=?7,postcode=?8,phone=?9,fax=?10,email=?11,office_hours=?12,"
      "index_template=coalesce(?13,index_template),kind=coalesce(?15,kind)"
      " WHERE id=?1");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, o->id);
  bind_org_fields(st, o);
  int rc = stmt_step(st);
  stmt_done(st);
  if (rc != STMT_DONE) {
    if (db_err(s) == DB_ERR_UNIQUE)
      return store_fail(s, STORE_CONFLICT, "网址标识“%s”已被使用", o->zSlug);
    return store_db_err(s, "保存单位");
  }
  if (stmt_changes(s) == 0)
    return store_fail(s, STORE_NOTFOUND, "单位不存在");
  return STORE_OK;
}

static int org_one(Store *s, Arena *a, Stmt *st, Org *o) {
  int rc = stmt_step(st);
  int out = STORE_OK;
  if (rc == STMT_ROW) org_row(a, st, o);
  else if (rc == STMT_DONE) out = store_fail(s, STORE_NOTFOUND, "单位不存在");
  else out = store_db_err(s, "读取单位");
  stmt_done(st);
  return out;
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

int store_org_tree(Store *s, Arena *a, int64_t rootId, Org **paOrg, int *pn) {
  /* Pre-order walk: the path of ids, zero-padded, sorts children under their
  ** parent in id order. */
  Stmt *st = stmt(s,
      "WITH RECURSIVE t(id,depth,path) AS ("
      "  SELECT id,0,printf('%010d',id) FROM org"
      "   WHERE (?1 IS NULL AND parent_id IS NULL) OR id=?1"
      "  UNION ALL"
      "  SELECT o.id,t.depth+1,t.path||'/'||printf('%010d',o.id)"
      "   FROM org o JOIN t ON o.parent_id=t.id)"
      " SELECT " ORG_COLS ",t.depth FROM t JOIN org USING(id) ORDER BY t.path");
  if (!st) return STORE_ERROR;
  bind_id(st, 1, rootId);
  int nAlloc = 0, n = 0, rc;
  Org *aOrg = NULL;
  while ((rc = stmt_step(st)) == STMT_ROW) {
    ARENA_PUSH(a, aOrg, n, nAlloc);
    org_row(a, st, &aOrg[n]);
    aOrg[n].depth = (int)col_int(st, 15);
    n++;
  }
  stmt_done(st);
  if (rc != STMT_DONE) return store_db_err(s, "读取单位树");
  *paOrg = aOrg;
  *pn = n;
  return STORE_OK;
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
  Stmt *st = stmt(s, "SELECT count(*) FROM org");
  if (!st) return STORE_ERROR;
  int n = stmt_step(st) == STMT_ROW ? (int)col_int(st, 0) : 0;
  stmt_done(st);
  return n;
}

int store_dept_add(Store *s, int64_t orgId, const char *zName, int64_t *pId) {
  Stmt *st = stmt(s, "INSERT INTO dept(org_id,name) VALUES(?1,?2) RETURNING id");
  if (!st) return STORE_ERROR;
  if (!zName || !zName[0]) return store_fail(s, STORE_INVALID, "科室名称不能为空");
  bind_int(st, 1, orgId);
  bind_text(st, 2, zName);
  int rc = stmt_step(st);
  int64_t newId = rc == STMT_ROW ? col_int(st, 0) : 0;
  stmt_done(st);
  if (rc != STMT_ROW) {
    if (db_err(s) == DB_ERR_UNIQUE)
      return store_fail(s, STORE_CONFLICT, "科室“%s”已存在", zName);
    return store_db_err(s, "保存科室");
  }
  if (pId) *pId = newId;
  return STORE_OK;
}

int store_dept_list(Store *s, Arena *a, int64_t orgId, Dept **paDept, int *pn) {
  Stmt *st = stmt(s,
      "SELECT id,org_id,name FROM dept WHERE org_id=?1 ORDER BY id");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, orgId);
  int nAlloc = 0, n = 0, rc;
  Dept *aDept = NULL;
  while ((rc = stmt_step(st)) == STMT_ROW) {
    ARENA_PUSH(a, aDept, n, nAlloc);
    aDept[n].id = col_int(st, 0);
    aDept[n].orgId = col_int(st, 1);
    aDept[n].zName = col_text(a, st, 2);
    n++;
  }
  stmt_done(st);
  if (rc != STMT_DONE) return store_db_err(s, "读取科室");
  *paDept = aDept;
  *pn = n;
  return STORE_OK;
}

int store_org_former_name_add(Store *s, int64_t orgId, const char *zName,
                              const char *zUntil) {
  Stmt *st = stmt(s,
      "INSERT INTO org_former_name(org_id,name,until_day) VALUES(?1,?2,?3)");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, orgId);
  bind_text(st, 2, zName);
  bind_text(st, 3, zUntil);
  int rc = stmt_step(st);
  stmt_done(st);
  return rc == STMT_DONE ? STORE_OK : store_db_err(s, "保存单位曾用名");
}

const char *store_org_name_on(Store *s, Arena *a, int64_t orgId,
                              const char *zDay) {
  Stmt *st = stmt(s,
      "SELECT coalesce((SELECT f.name FROM org_former_name f WHERE"
      " f.org_id=o.id AND f.until_day>=?2 ORDER BY f.until_day LIMIT 1),"
      " o.name) FROM org o WHERE o.id=?1");
  const char *z = NULL;
  if (!st) return NULL;
  bind_int(st, 1, orgId);
  bind_text(st, 2, zDay);
  if (stmt_step(st) == STMT_ROW) z = col_text(a, st, 0);
  stmt_done(st);
  return z;
}
