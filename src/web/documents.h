/*
** documents.h — the staff pages of proactive disclosure documents
** (/staff/docs…), the plain public document page (/o/{org}/d/{ref}), the
** staff-home panel, and helpers shared by those files.
**
**   page_documents.c         list, create/edit form, staff view
**   page_documents_review.c  review chain actions, privacy scan and
**                            findings, the printable 发布审核单
**   page_documents_files.c   attachments, channels, validity, correction
**   page_documents_public.c  public page and public attachment download
**   page_documents_home.c    the staff-home panel (awaiting me, Art. 26)
**   page_documents_relations.c  related documents: staff section with its
**                            picker, add/remove, the public list
**
** Every handler checks the organisation scope of the document it touches
** with req_can(); the route's permission only says the role may exist.
*/
#ifndef GK_WEB_DOCUMENTS_H
#define GK_WEB_DOCUMENTS_H

#include "app/app_action.h"
#include "core/document.h"
#include "http/req.h"
#include "store/store_documents.h"

/* ---- handlers ---- */
int page_docs_list(Req *r);
int page_doc_edit(Req *r);        /* /staff/docs/new and /{id}/edit */
int page_doc_view(Req *r);
/* The review steps (action=pass|return for the three reviews). */
int page_doc_submit(Req *r);
int page_doc_dept_review(Req *r);
int page_doc_secrecy_review(Req *r);
int page_doc_approval(Req *r);
int page_doc_withdraw(Req *r);
int page_doc_scan(Req *r);
int page_doc_finding(Req *r);     /* mask or accept one finding */
int page_doc_sheet(Req *r);       /* 发布审核单 */
int page_doc_attach(Req *r);
int page_doc_attachment(Req *r);  /* staff download */
int page_doc_attachment_delete(Req *r);
int page_doc_channel(Req *r);
int page_doc_validity(Req *r);
int page_doc_correct(Req *r);
int page_doc_lookup(Req *r);      /* JSON: documents by title or 文号 */
int page_doc_relation(Req *r);    /* add or remove a related document */
int page_doc_public(Req *r);
int page_doc_public_attachment(Req *r);

/* Sitemap enumerator: the public page of every published
** document, /o/{org}/d/{id}, and its attachment downloads /o/{org}/a/{id}
** (page_documents_public.c). */
typedef struct SitePaths SitePaths;
int site_paths_documents(Store *s, Arena *a, SitePaths *p);

/* Staff-home panel: documents awaiting the user's step and documents near
** or past the Art. 26 limit. */
void panel_documents(Req *r);

/* ---- shared helpers (page_documents.c) ---- */

/* Loads document id (path capture iArg) for a staff page and checks that
** the user may see it (PERM_VIEW_STAFF on its organisation).  On failure
** sends 404/403 and returns -1. */
int docs_load(Req *r, int iArg, Doc *d);

/* Fills pCal with the working-day calendar of the `holiday` table.
** Returns 0, or -1 after sending a 500. */
int docs_calendar(Req *r, Calendar *pCal);

/* Today in Beijing as YYYY-MM-DD (in the arena). */
const char *docs_today(Req *r);

/* Ends a failed POST: 4xx page with the message, nothing stored (the
** caller has rolled back).  Maps STORE_* codes to HTTP statuses. */
void docs_fail(Req *r, int rcStore, const char *zMsg);
/* A refused workflow action answered on the document's own page: the
** page again with zMsg at the top (status 409/422) and what the user typed
** (the opinion) still in its field.  Replaces anything already written. */
void docs_refuse(Req *r, int status, const char *zMsg);

/* Runs the privacy scan of the document (title, body, attachments) inside
** the caller's transaction: open findings are replaced, accepted ones are
** not reported again.  Returns STORE_OK or a STORE_* code. */
int docs_scan(Req *r, const Doc *d);

/* Writes the Content-Disposition/Type headers and the bytes of an
** attachment to the response. */
void docs_send_attachment(Req *r, const DocAttachment *t, const void *p);

/* Writes the Markdown body as HTML. */
void docs_body_html(Req *r, const char *zMd);

/* page_documents_refs.c: a field naming another document, chosen from
** the results of a search by title or 文号 (radio buttons named zName;
** the search box is zName_q).  Its 查找 button posts the form with
** lookup=zName; the handler answers by rendering the form again (with the
** results and the input kept) without saving. */
void docs_ref_field(Req *r, const Doc *d, const char *zName, const char *zLabel,
                    int64_t curId);

/* page_documents_refs.c: the request's user as the actor of an app/
** action or check (req_can decides; no user: id 0, name ""). */
AppActor docs_actor(Req *r);
/* page_documents_refs.c: document id as a DocRef in *t when the user may
** see it (app_doc_ref_visible: published, or of an organisation whose
** staff pages they may read); STORE_NOTFOUND otherwise.  Every page that
** names a document by an id it was given gets its title through this. */
int docs_ref_visible(Req *r, int64_t id, DocRef *t);

/* page_documents_relations.c: the 相关文件 section of the staff page
** (list; for who may change them, the picker and the remove buttons), and
** the list of the public page (published related documents only). */
void docs_relations_section(Req *r, const Doc *d);
void docs_relations_public(Req *r, const Doc *d);
/* What is true of another document x shown beside its title on d's page:
** "（已撤回）", "（已于2025-03-01废止）", "（已修订）"…; "" when it is
** published and valid.  Arena memory of r. */
const char *docs_state_note(Req *r, const Doc *x);

/* page_documents_feedback.c: the names of the users of d's organisation
** who hold p (not d's drafter), "张科长、王某", or NULL when none. */
const char *docs_holders(Req *r, const Doc *d, Perm p);
/* The flash after the review step of d (as before it) to state zTo: what
** happened and who acts next. */
const char *docs_step_flash(Req *r, const Doc *d, const char *zTo);

#endif
