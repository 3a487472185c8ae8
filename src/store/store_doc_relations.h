/*
** store_doc_relations.h — relations between documents (migration 0061):
** related documents (相关文件) and the documents one repeals (废止) or
** amends (修改).  Implemented in sqlite_doc_relations.c; conventions of
** store.h (STORE_* codes, message in store_errmsg(), strings in the
** caller's arena).  Writers run inside the caller's transaction when one is
** open.
**
** Rules the store keeps (whoever calls):
**  - a document never names itself (STORE_INVALID);
**  - a pair of documents is related once, whatever the direction and kind
**    (STORE_CONFLICT);
**  - the named document is published, or belongs to the same organisation
**    tree (same top organisation) as the naming one: a county document may
**    name a published provincial policy, never another tree's draft
**    (STORE_INVALID).
** Who may change a document's relations is the app layer's business
** (app/app_doc_relation.h).
*/
#ifndef GK_STORE_DOC_RELATIONS_H
#define GK_STORE_DOC_RELATIONS_H

#include "store/store_documents.h"

/* One relation as seen from a document. */
typedef struct DocRelation {
  int64_t docId;     /* the document that names (the row's doc_id) */
  const char *zKind; /* related | repeals | amends */
  int bIncoming;     /* 1: the other document names this one */
  DocRef other;      /* the other document */
} DocRelation;

/* Document docId names relatedId with kind zKind ("related", "repeals",
** "amends"), after its other relations.  userId records who. */
int store_doc_relation_add(Store *s, int64_t docId, int64_t relatedId,
                           const char *zKind, int64_t userId);

/* Removes the relation in which docId names relatedId (not the reverse
** one).  STORE_NOTFOUND when there is none. */
int store_doc_relation_remove(Store *s, int64_t docId, int64_t relatedId);

/* The relations of docId: first those it names, in their order, then those
** naming it, newest first.  Every state of the other document is listed;
** the public page keeps the public ones. */
int store_doc_relations(Store *s, Arena *a, int64_t docId, DocRelation **paRel,
                        int *pn);

#endif
