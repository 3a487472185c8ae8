/*
** store_doc_lookup.c — finding a document to refer to by a part of its
** title or 文号 (store_documents.h: store_doc_lookup, store_doc_ref), for
** the fields that point at another document.  A substring test rather
** than LIKE, so the user's text has no wildcards (instr on SQLite, strpos
** on PostgreSQL: a dialect alternative); the organisation scope narrows the
** rows through the doc(org_id, state) index.
*/
#include <string.h>

#include "store/store_documents.h"
#include "store/store_int.h"

#define REF_COLS                                                       \
  "d.id,d.org_id,d.title,d.doc_number,d.state,o.name,"                 \
  "coalesce(d.published_date,'')"

static void ref_row(Stmt *st, Arena *a, void *pRow) {
  DocRef *p = pRow;
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
#define LOOKUP_SQL(CONTAINS)                                              \
  "WITH RECURSIVE " ORG_SCOPE_CTE("sub", "1", "?2<>0")                    \
  " SELECT " REF_COLS " FROM doc d JOIN org o ON o.id=d.org_id"          \
  " WHERE d.org_id IN (SELECT id FROM sub) AND d.id<>?3"                 \
  " AND (" CONTAINS("d.title", "?4") " OR " CONTAINS("d.doc_number", "?4") ")" \
  " ORDER BY coalesce(d.published_date,d.created_at) DESC, d.id DESC LIMIT ?5"
  Stmt *st = stmt(s, SQL_DIALECT(s, LOOKUP_SQL(SQL_CONTAINS_SQLITE),
                                 LOOKUP_SQL(SQL_CONTAINS_PG)));
  bind_int(st, 1, orgId);
  bind_int(st, 2, bSubtree);
  bind_int(st, 3, excludeId);
  bind_text(st, 4, zQ);
  bind_int(st, 5, limit);
  return stmt_rows(s, st, a, sizeof **paRef, ref_row, paRef, pn, "查找文件");
}

int store_doc_ref(Store *s, Arena *a, int64_t id, DocRef *pRef) {
  Stmt *st = stmt(s, "SELECT " REF_COLS " FROM doc d JOIN org o ON o.id=d.org_id"
                             " WHERE d.id=?1");
  bind_int(st, 1, id);
  int rc = stmt_row(s, st, a, sizeof *pRef, ref_row, pRef, "读取文件");
  return rc == STORE_NOTFOUND ? store_fail(s, rc, "文件不存在") : rc;
}
