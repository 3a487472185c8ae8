/*
** sqlite_doc_lookup.c — finding a document to refer to by a part of its
** title or 文号 (store_documents.h: store_doc_lookup, store_doc_ref), for
** the fields that point at another document.  instr() rather than LIKE, so
** the user's text has no wildcards; the organisation scope narrows the
** rows through the doc(org_id, state) index.
*/
#include <string.h>

#include "store/store_documents.h"
#include "store/store_int.h"

#define REF_COLS                                                       \
  "d.id,d.org_id,d.title,d.doc_number,d.state,o.name,"                 \
  "coalesce(d.published_date,'')"

static void ref_row(Arena *a, Stmt *st, DocRef *p) {
  p->id = col_int(st, 0);
  p->orgId = col_int(st, 1);
  p->zTitle = col_text(a, st, 2);
  p->zDocNumber = col_text(a, st, 3);
  p->zState = col_text(a, st, 4);
  p->zOrgName = col_text(a, st, 5);
  p->zPublishedDate = col_text(a, st, 6);
}

int store_doc_lookup(Store *s, Arena *a, const char *zQ, int64_t orgId,
                     int bSubtree, int64_t excludeId, int limit,
                     DocRef **paRef, int *pn) {
  if (limit < 1) limit = 1;
  if (limit > 50) limit = 50;
  *paRef = arena_alloc(a, sizeof **paRef * (size_t)limit);
  *pn = 0;
  Stmt *st = stmt(s,
      "WITH RECURSIVE sub(id) AS (SELECT ?1 UNION ALL SELECT o.id FROM org o"
      " JOIN sub ON o.parent_id=sub.id WHERE ?2)"
      " SELECT " REF_COLS " FROM doc d JOIN org o ON o.id=d.org_id"
      " WHERE d.org_id IN (SELECT id FROM sub) AND d.id<>?3"
      " AND (instr(d.title,?4)>0 OR instr(d.doc_number,?4)>0)"
      " ORDER BY coalesce(d.published_date,d.created_at) DESC, d.id DESC LIMIT ?5");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, orgId);
  bind_int(st, 2, bSubtree);
  bind_int(st, 3, excludeId);
  bind_text(st, 4, zQ);
  bind_int(st, 5, limit);
  int rc;
  while ((rc = stmt_step(st)) == STMT_ROW && *pn < limit) ref_row(a, st, &(*paRef)[(*pn)++]);
  stmt_done(st);
  return rc == STMT_DONE || rc == STMT_ROW ? STORE_OK : store_db_err(s, "查找文件");
}

int store_doc_ref(Store *s, Arena *a, int64_t id, DocRef *pRef) {
  Stmt *st = stmt(s, "SELECT " REF_COLS " FROM doc d JOIN org o ON o.id=d.org_id"
                             " WHERE d.id=?1");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, id);
  int rc = stmt_step(st);
  if (rc == STMT_ROW) ref_row(a, st, pRef);
  stmt_done(st);
  if (rc == STMT_ROW) return STORE_OK;
  return rc == STMT_DONE ? store_fail(s, STORE_NOTFOUND, "文件不存在")
                           : store_db_err(s, "读取文件");
}
