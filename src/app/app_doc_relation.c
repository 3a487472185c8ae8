/*
** app_doc_relation.c — adding and removing a document's related documents
** (app_doc_relation.h).
*/
#include <string.h>

#include "app/app_doc_relation.h"

const DocRelKind aDocRelKind[] = {
  {"related", "相关文件", "相关文件", "相关文件", NULL, "相关文件"},
  {"repeals", "废止", "被以下文件废止", "本文件废止所选文件", "repealed", "载明废止本文件"},
  {"amends", "修改", "被以下文件修改", "本文件修改所选文件", "amended", "载明修改本文件"},
  {NULL, NULL, NULL, NULL, NULL, NULL},
};

const char *doc_rel_tag(const DocRelKind *k, int bIncoming, const char *zValidity) {
  if (!bIncoming) return k->zLabel;
  if (!k->zEffect || (zValidity && !strcmp(zValidity, k->zEffect))) return k->zIncoming;
  return k->zStated;
}

const DocRelKind *doc_rel_kind(const char *zKind) {
  for (int i = 0; zKind && aDocRelKind[i].zKind; i++)
    if (!strcmp(aDocRelKind[i].zKind, zKind)) return &aDocRelKind[i];
  return NULL;
}

Perm app_doc_relation_perm(const char *zState) {
  if (!strcmp(zState, "draft")) return PERM_DOC_DRAFT;
  if (!strcmp(zState, "published")) return PERM_DOC_MANAGE;
  return PERM_PUBLIC;
}

int app_doc_relation_allowed(const AppActor *who, const Doc *d, const char **pzErr) {
  Perm p = app_doc_relation_perm(d->zState);
  if (p == PERM_PUBLIC) {
    *pzErr = "只有草稿和已发布的文件可以修改相关文件";
    return 409;
  }
  if (!who->xCan(who->pCtx, p, d->orgId)) {
    *pzErr = "您无权修改该文件的相关文件";
    return 403;
  }
  return 0;
}

int app_doc_ref_may_see(const AppActor *who, const DocRef *t) {
  return !strcmp(t->zState, "published") || who->xCan(who->pCtx, PERM_VIEW_STAFF, t->orgId);
}

int app_doc_ref_visible(Store *s, Arena *a, const AppActor *who, int64_t id, DocRef *t) {
  int rc = store_doc_ref(s, a, id, t);
  if (rc) return rc;
  return app_doc_ref_may_see(who, t) ? STORE_OK : STORE_NOTFOUND;
}

/* The HTTP-like status of a store refusal. */
static int status_of(int rc) {
  return rc == STORE_NOTFOUND ? 404 : rc == STORE_CONFLICT ? 409
         : rc == STORE_INVALID ? 400 : 500;
}

/* Checks who may change docId's relations and see relatedId (adding or
** removing: a removal names the document too); 0 or a status with *pzErr. */
static int check(Store *s, Arena *a, const AppActor *who, int bAdd, int64_t docId,
                 int64_t relatedId, Doc *d, const char **pzErr) {
  DocRef t;
  if (store_doc_get(s, a, docId, d) != STORE_OK || !who->xCan(who->pCtx, PERM_VIEW_STAFF, d->orgId)) {
    *pzErr = "文件不存在";
    return 404;
  }
  int status = app_doc_relation_allowed(who, d, pzErr);
  if (status) return status;
  if (app_doc_ref_visible(s, a, who, relatedId, &t) != STORE_OK) {
    *pzErr = "所选文件不存在";
    return 404;
  }
  return 0;
}

int app_doc_relation(Store *s, Arena *a, const AppActor *who, int bAdd,
                     int64_t docId, int64_t relatedId, const char *zKind,
                     const char **pzErr) {
  Doc d;
  *pzErr = NULL;
  int status = check(s, a, who, bAdd, docId, relatedId, &d, pzErr);
  if (status) return status;
  if (bAdd && !doc_rel_kind(zKind)) {
    *pzErr = "关联类型无效";
    return 400;
  }
  int rc = store_begin(s);
  if (!rc) rc = bAdd ? store_doc_relation_add(s, docId, relatedId, zKind, who->userId)
                     : store_doc_relation_remove(s, docId, relatedId);
  if (!rc) rc = store_audit(s, who->userId, d.orgId,
                            bAdd ? "doc.relation.add" : "doc.relation.remove", d.zTitle);
  if (!rc) rc = store_commit(s);
  if (!rc) return 0;
  *pzErr = arena_strdup(a, store_errmsg(s));
  store_rollback_all(s);
  return status_of(rc);
}
