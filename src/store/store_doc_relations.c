/*
** store_doc_relations.c — relations between documents (table doc_relation,
** migration 0061; interface and rules in store_doc_relations.h).
*/
#include <string.h>

#include "store/store_doc_relations.h"
#include "store/store_int.h"

static const char *const azKind[] = {"related", "repeals", "amends", NULL};

static int kind_ok(const char *z) {
  for (int i = 0; z && azKind[i]; i++)
    if (!strcmp(z, azKind[i])) return 1;
  return 0;
}

/* The top organisation above org id (itself when it has no parent). */
#define ROOT_OF(x)                                                         \
  "(WITH RECURSIVE up(id,p) AS (SELECT id,parent_id FROM org WHERE id=" x  \
  " UNION ALL SELECT o.id,o.parent_id FROM org o JOIN up ON o.id=up.p)"    \
  " SELECT id FROM up WHERE p IS NULL)"

/* The three 0/1 columns of relation_check's query. */
static void flags_row(Stmt *st, Arena *a, void *pRow) {
  (void)a;
  int64_t *aFlag = pRow;
  for (int i = 0; i < 3; i++) aFlag[i] = col_int(st, i);
}

/* Checks the rules of the header for docId naming relatedId: STORE_OK or
** the refusal with its message. */
static int relation_check(Store *s, int64_t docId, int64_t relatedId) {
  if (docId == relatedId) return store_fail(s, STORE_INVALID, "文件不能与自身关联");
  Stmt *st = stmt(s,
      "SELECT " SQL_BOOL("t.state='published'") ","
      SQL_BOOL(ROOT_OF("d.org_id") "=" ROOT_OF("t.org_id")) ","
      SQL_BOOL("EXISTS (SELECT 1 FROM doc_relation r WHERE (r.doc_id=?1 AND r.related_id=?2)"
      "  OR (r.doc_id=?2 AND r.related_id=?1))")
      " FROM doc d, doc t WHERE d.id=?1 AND t.id=?2");
  bind_int(st, 1, docId);
  bind_int(st, 2, relatedId);
  int64_t aFlag[3] = {0, 0, 0};
  int rc = stmt_row(s, st, NULL, sizeof aFlag, flags_row, aFlag, "读取文件");
  if (rc == STORE_NOTFOUND) return store_fail(s, rc, "文件不存在");
  if (rc) return rc;
  int bPub = (int)aFlag[0], bTree = (int)aFlag[1], bDup = (int)aFlag[2];
  if (bDup) return store_fail(s, STORE_CONFLICT, "这两份文件已经关联");
  if (!bPub && !bTree)
    return store_fail(s, STORE_INVALID, "其他单位体系的文件须已发布才能关联");
  return STORE_OK;
}

int store_doc_relation_add(Store *s, int64_t docId, int64_t relatedId,
                           const char *zKind, int64_t userId) {
  if (!kind_ok(zKind)) return store_fail(s, STORE_INVALID, "关联类型无效");
  int rc = relation_check(s, docId, relatedId);
  if (rc) return rc;
  char zNow[21];
  store_now_iso(zNow);
  Stmt *st = stmt(s,
      "INSERT INTO doc_relation(doc_id,related_id,kind,seq,created_by,created_at)"
      " VALUES(?1,?2,?3,(SELECT coalesce(max(seq),0)+1 FROM doc_relation WHERE doc_id=?1),"
      "?4,?5)");
  bind_int(st, 1, docId);
  bind_int(st, 2, relatedId);
  bind_text(st, 3, zKind);
  bind_id(st, 4, userId);
  bind_text(st, 5, zNow);
  return stmt_exec(s, st, "保存相关文件");
}

int store_doc_relation_remove(Store *s, int64_t docId, int64_t relatedId) {
  Stmt *st = stmt(s, "DELETE FROM doc_relation WHERE doc_id=?1 AND related_id=?2");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, docId);
  bind_int(st, 2, relatedId);
  int rc = stmt_exec(s, st, "删除相关文件");
  if (rc) return rc;
  return stmt_changes(s) ? STORE_OK : store_fail(s, STORE_NOTFOUND, "没有这项关联");
}

/* One DocRelation from store_doc_relations' query. */
static void relation_row(Stmt *st, Arena *a, void *pRow) {
  DocRelation *p = pRow;
  p->docId = col_int(st, 0);
  p->zKind = col_text(a, st, 1);
  p->bIncoming = (int)col_int(st, 2);
  p->other.id = col_int(st, 3);
  p->other.orgId = col_int(st, 4);
  p->other.zTitle = col_text(a, st, 5);
  p->other.zDocNumber = col_text(a, st, 6);
  p->other.zState = col_text(a, st, 7);
  p->other.zOrgName = col_text(a, st, 8);
  p->other.zPublishedDate = col_text(a, st, 9);
}

int store_doc_relations(Store *s, Arena *a, int64_t docId, DocRelation **paRel,
                        int *pn) {
  /* What the document names first, in its order; then what names it,
  ** newest first (k1 past any seq, k2 the negated relation id). */
  Stmt *st = stmt(s,
      "SELECT x.doc_id,x.kind,x.incoming,d.id,d.org_id,d.title,d.doc_number,d.state,o.name,"
      " coalesce(d.published_date,'')"
      " FROM (SELECT doc_id,kind,0 AS incoming,related_id AS other,seq AS k1,0 AS k2"
      "        FROM doc_relation WHERE doc_id=?1"
      "       UNION ALL SELECT doc_id,kind,1,doc_id,CAST(1000000000000 AS BIGINT),-id"
      "        FROM doc_relation WHERE related_id=?1) x"
      " JOIN doc d ON d.id=x.other JOIN org o ON o.id=d.org_id ORDER BY x.k1,x.k2");
  bind_int(st, 1, docId);
  return stmt_rows(s, st, a, sizeof **paRel, relation_row, paRel, pn, "读取相关文件");
}
