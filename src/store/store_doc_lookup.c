/*
** store_doc_lookup.c — reading the document another one refers to
** (store_documents.h: store_doc_ref).  Finding one by a part of its title
** or 文号 (store_doc_lookup) reads the search index: sqlite_doc_lookup.c.
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

int store_doc_ref(Store *s, Arena *a, int64_t id, DocRef *pRef) {
  Stmt *st = stmt(s, "SELECT " REF_COLS " FROM doc d JOIN org o ON o.id=d.org_id"
                             " WHERE d.id=?1");
  bind_int(st, 1, id);
  int rc = stmt_row(s, st, a, sizeof *pRef, ref_row, pRef, "读取文件");
  return rc == STORE_NOTFOUND ? store_fail(s, rc, "文件不存在") : rc;
}
