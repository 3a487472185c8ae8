/*
** app_doc_relation.h — the one action that changes a document's related
** documents (相关文件, 废止, 修改): add or remove, called by the staff page
** (and any future API or CLI).  Knows nothing of HTTP.
**
** Who may: a draft's relations are part of the draft (PERM_DOC_DRAFT over
** its organisation); a published document's are public content, changed
** like its other published metadata (PERM_DOC_MANAGE).  A document in
** review, filed or withdrawn is not changed (409).  The named document must
** be visible to the actor: published (public anyway) or of an organisation
** the actor may read (PERM_VIEW_STAFF).  The store adds its own rules
** (store_doc_relations.h: no self-relation, no duplicate, no unpublished
** document of another organisation tree).  One transaction, audited.
*/
#ifndef GK_APP_DOC_RELATION_H
#define GK_APP_DOC_RELATION_H

#include "app/app_action.h"
#include "store/store_doc_relations.h"

/* The kinds of relation, with their labels (as seen from the naming
** document, from the named one, and as a choice in the picker), terminated
** by zKind == NULL.  zEffect: the validity the named document is recorded
** with once the relation has taken effect ("repealed" for repeals), NULL
** for none; zStated: the named document's label before that. */
typedef struct DocRelKind {
  const char *zKind, *zLabel, *zIncoming, *zChoice, *zEffect, *zStated;
} DocRelKind;
extern const DocRelKind aDocRelKind[];

/* The DocRelKind of zKind, or NULL. */
const DocRelKind *doc_rel_kind(const char *zKind);

/* The tag of a relation of kind k on the page of a document whose validity
** is zValidity, true in every state: the naming document's label
** (bIncoming 0); on the named document k->zIncoming ("被以下文件废止") only
** when its validity records the effect (repealed), else k->zStated
** ("载明废止本文件": a repeal the other document states and this document's
** record does not yet show — a relation does not change validity). */
const char *doc_rel_tag(const DocRelKind *k, int bIncoming, const char *zValidity);

/* The permission that changes the relations of a document in state zState;
** PERM_PUBLIC when they cannot be changed in that state. */
Perm app_doc_relation_perm(const char *zState);

/* 0 when who may change the relations of d (state and permission, as
** above), else 409 or 403 with a Chinese message in *pzErr.  For pages
** that ask before acting; app_doc_relation() checks it again. */
int app_doc_relation_allowed(const AppActor *who, const Doc *d, const char **pzErr);

/* 1 when who may see the reference (title, 文号, state) of document t:
** published (public anyway) or of an organisation whose staff pages who
** may read.  The one rule for every page that names a document by an id
** it was given (relations, the 解读/替代 pickers). */
int app_doc_ref_may_see(const AppActor *who, const DocRef *t);

/* Document id as a DocRef in *t when who may see it (above): STORE_OK, or
** STORE_NOTFOUND when it is absent or not visible (one answer: an id
** tells nothing of a document one may not see); another store error. */
int app_doc_ref_visible(Store *s, Arena *a, const AppActor *who, int64_t id, DocRef *t);

/* Document docId names relatedId (bAdd) with kind zKind, or stops naming
** it (!bAdd; zKind unused).  Returns 0, or an HTTP-like status (400, 403,
** 404, 409) with a Chinese message in *pzErr (arena or static); nothing is
** stored then. */
int app_doc_relation(Store *s, Arena *a, const AppActor *who, int bAdd,
                     int64_t docId, int64_t relatedId, const char *zKind,
                     const char **pzErr);

#endif
