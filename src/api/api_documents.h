/*
** api_documents.h — JSON for proactive disclosure documents: the published
** documents (list with filters and paging, one document) and the export of
** the publication ledger.
*/
#ifndef GK_API_DOCUMENTS_H
#define GK_API_DOCUMENTS_H

#include <jansson.h>

#include "core/document.h"
#include "http/req.h"

/* The public fields of a document, without its body (new reference); the
** API's and the datasets' one shape of a document. */
json_t *api_doc_json(const Doc *d);

/* GET /api/v1/documents?org=SLUG&subtree=1&year=&genre=&report_kind=
**   &validity=&catalogue_item=&page=&per_page= — published and withdrawn
** documents, newest first (no bodies). */
int api_documents(Req *r);
/* GET /api/v1/documents/{id} — one published document with its body (or a
** withdrawn one with its reason), attachments and version history. */
int api_document(Req *r);
/* GET /api/v1/ledger?after=SEQ&limit=N&doc=ID&content=1 — ledger
** entries in order.  Public entries carry the hashes; the canonical
** content itself (content=1) is given to signed-in staff only, for the
** documents of the organisations they may see (a withdrawn document's
** content may have been withdrawn for a reason): other entries carry no
** content, and doc=ID of another agency's document answers 403. */
int api_ledger(Req *r);

#endif
