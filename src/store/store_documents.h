/*
** store_documents.h — persistence of documents (政府信息), their review
** chain, attachments, privacy findings, channels, index-number serials and
** the publication ledger.  Records are those of core/document.h; the
** conventions of store.h apply (STORE_* codes, message in store_errmsg(),
** strings in the caller's arena).
**
** Transactions: every function that writes runs inside the caller's
** transaction when one is open (store_begin); the composite ones
** (store_doc_publish, store_doc_import, store_ledger_append,
** store_doc_alloc_index) rely on it: call them between store_begin() and
** store_commit().  They open their own nested level, so calling them alone
** is also atomic.
**
** The portal (public pages, search) uses store_doc_list() with
** bPublicOnly, store_doc_get()/store_doc_by_ref(), store_ledger_list()
** for a document's version history, and store_doc_interpretations().
*/
#ifndef GK_STORE_DOCUMENTS_H
#define GK_STORE_DOCUMENTS_H

#include <stddef.h>

#include "core/doc_import.h"
#include "core/document.h"
#include "store/store.h"

/* ---- Documents ---------------------------------------------------------- */

/* Inserts a new document (state draft unless d->zState says otherwise,
** which only imports do).  Sets d->id.  A non-empty d->zIndexNumber is an
** imported number: checked and kept (bIndexImported set).  The catalogue
** item, when given, must exist and belong to the same organisation. */
int store_doc_add(Store *s, Doc *d);

/* Saves the editable fields of a draft (title … body, mode, dates,
** catalogue item, interpretation link).  STORE_CONFLICT unless the stored
** document is still a draft. */
int store_doc_update(Store *s, const Doc *d);

/* Reads one document (with organisation, department and drafter names). */
int store_doc_get(Store *s, Arena *a, int64_t id, Doc *d);

/* The published or withdrawn document with index number zIndex in any
** organisation (the first one stored when several share it). */
int store_doc_public_by_index(Store *s, Arena *a, const char *zIndex, Doc *d);
/* The document of organisation orgId with index number zIndex. */
int store_doc_by_index(Store *s, Arena *a, int64_t orgId, const char *zIndex,
                       Doc *d);
/* The document a portal address names in organisation orgId: the one with
** index number zRef, else the one whose id is id (0: none), in one query.
** STORE_NOTFOUND when neither exists. */
int store_doc_by_ref(Store *s, Arena *a, int64_t orgId, const char *zRef, int64_t id,
                     Doc *d);

/* Listing filter.  Zero / NULL fields do not filter. */
typedef struct DocQuery {
  int64_t orgId;           /* organisation (0: all) */
  int bSubtree;            /* with orgId: include the organisations below */
  const char *zState;      /* a state, or "pending" (draft … approval) */
  int bPublicOnly;         /* only published and withdrawn documents */
  int year;                /* year of the published date */
  int64_t catalogueItemId; /* catalogue item */
  const char *zGenre;      /* 体裁 */
  const char *zReportKind; /* regulation | normative | other */
  const char *zValidity;   /* valid | amended | repealed | expired */
  int month;               /* with year: month (1-12) of the published date */
  const char *zChannel;    /* 政府网站 (every document) or a further
                              channel recorded in doc_channel */
  const char *zCategory;   /* catalogue category (level1); 未归类: none */
  int offset;              /* rows to skip */
  int limit;               /* rows to return (0: 50; at most 500) */
} DocQuery;

/* Documents matching q, newest first (published date, then id); *pnTotal
** (may be NULL) receives the count without paging.  Bodies are not loaded
** (zBody is ""). */
int store_doc_list(Store *s, Arena *a, const DocQuery *q, Doc **paDoc,
                   int *pn, int *pnTotal);

/* Interpretations (解读) linked to policy document policyId, any state. */
int store_doc_interpretations(Store *s, Arena *a, int64_t policyId,
                              Doc **paDoc, int *pn);

/* 1 in *pbRequired when catalogue item itemId requires an interpretation
** (catalogue_item.requires_interpretation); 0 when it does not, when the
** catalogue table is not installed, or itemId is 0. */
int store_doc_item_requires_interp(Store *s, int64_t itemId, int *pbRequired);

/* Sets the state; records the step (who, decision, opinion) in the review
** chain.  Does not check the rules (core/document.h does). */
int store_doc_step(Store *s, int64_t docId, const char *zFrom,
                   const char *zTo, const char *zDecision,
                   const char *zOpinion, int64_t userId);

/* The review chain of a document, oldest first. */
int store_doc_reviews(Store *s, Arena *a, int64_t docId, DocReview **paRev,
                      int *pn);

/*
** Allocates the next index number of organisation orgId for a document
** published on zDate (YYYY-MM-DD) from the organisation's template: the
** serial counter of (org, year) — year 0 when the template has no year — is
** advanced in this transaction; numbers already taken (imported ones) are
** skipped.  zCategory fills {category} (the catalogue item's code; "" or
** NULL when none — a template that needs it then fails with
** STORE_INVALID).  *pzOut receives the number in the arena.
*/
int store_doc_alloc_index(Store *s, Arena *a, int64_t orgId,
                          const char *zDate, const char *zCategory,
                          const char **pzOut);

/* Completes the chain: assigns an index number when the document has none,
** sets state zState ("published" or "filed") and, for published, the
** published date zDate and a 'publish' ledger entry. */
int store_doc_publish(Store *s, Arena *a, int64_t docId, const char *zState,
                      const char *zDate);

/* Bulk import (`gongkai docs import`): stores d as a published document in
** one step with the result of store_doc_add() (state approval) followed by
** store_doc_publish(..., "published", d->zPublishedDate) — the same row
** (except that created_at and updated_at are equal), the same 'publish'
** ledger content and one portal search-index sync — without the UPDATE
** and the two reads of the document that path costs.  Keeps a non-empty
** d->zIndexNumber as imported (checked like store_doc_add); otherwise
** allocates the next number for d->zPublishedDate.  Sets d->id and
** d->zState ("published"); d->zIndexNumber is left as given.  Strings of
** d are the caller's; the arena receives temporaries.  STORE_CONFLICT
** when the index number is taken; nothing stored on any error. */
int store_doc_import(Store *s, Arena *a, Doc *d);

/* store_doc_import() of a document prepared by doc_import_prepare()
** (core/doc_import.h) with bPack = store_doc_packs_body(s): the same row,
** ledger entry and index row, without packing or hashing on this thread.
** Sets p->d.id.  p stays the caller's. */
int store_doc_import_prepared(Store *s, Arena *a, DocImport *p);

/* 1 when this store keeps document bodies packed (SQLite: migration
** 0104), so an import should prepare them packed; 0 on PostgreSQL. */
int store_doc_packs_body(Store *s);

/* Withdraws a published document with a public reason; ledger 'withdraw'.
** Also accepts a document that store_doc_step() has just moved to
** withdrawn without a reason yet; STORE_CONFLICT once a reason is set. */
int store_doc_withdraw(Store *s, Arena *a, int64_t docId,
                       const char *zReason);

/* Changes the validity of a published document; ledger 'validity'.
** zValidityDate is YYYY-MM-DD or ""; replacedBy 0 for none. */
int store_doc_set_validity(Store *s, Arena *a, int64_t docId,
                           const char *zValidity, const char *zValidityDate,
                           int64_t replacedBy);

/* Corrects the descriptive fields of a published document (keywords,
** summary, scope, catalogue item); ledger 'edit'. */
int store_doc_correct(Store *s, Arena *a, int64_t docId,
                      const char *zKeywords, const char *zSummary,
                      const char *zScope, int64_t catalogueItemId);

/* Replaces title and body (masking by the secrecy review). */
int store_doc_set_text(Store *s, int64_t docId, const char *zTitle,
                       const char *zBody);

/* Records the time of the last privacy scan. */
int store_doc_set_scanned(Store *s, int64_t docId);

/* ---- Attachments -------------------------------------------------------- */

/* Checks, inside the caller's transaction, that document docId is still a
** draft and locks its row (touches updated_at), so that a change that
** only drafts take (attachments) cannot land on a document submitted
** meanwhile.  STORE_CONFLICT with a Chinese message otherwise. */
int store_doc_lock_draft(Store *s, int64_t docId);

/* Stores p[0..n) under its SHA-256 (once) and links it to the document as
** zFilename; *pId receives the link id (may be NULL).  The text of a new
** content is extracted here (doctext_extract) and stored with it for the
** search index, which is updated in the same transaction. */
int store_doc_attach(Store *s, int64_t docId, const char *zFilename,
                     const char *zMime, const void *p, size_t n,
                     const char *zNotes, int64_t userId, int64_t *pId);
/* store_doc_attach() with the text already extracted by the caller
** (zText; NULL: extract here when the content is new), so an upload that
** ran doctext_extract() for the privacy scan does not run it twice. */
int store_doc_attach_text(Store *s, int64_t docId, const char *zFilename,
                          const char *zMime, const void *p, size_t n,
                          const char *zText, const char *zNotes,
                          int64_t userId, int64_t *pId);
/* Extracts and stores the text of every content whose text is NULL (stored
** before migration 0008); the caller rebuilds the index afterwards.  *pn
** (may be NULL) receives the number of contents done.  Own transaction. */
int store_attachment_text_backfill(Store *s, int *pn);
int store_doc_attachments(Store *s, Arena *a, int64_t docId,
                          DocAttachment **paAtt, int *pn);
/* One attachment with its bytes (in the arena). */
int store_doc_attachment_get(Store *s, Arena *a, int64_t attId,
                             DocAttachment *pAtt, const void **ppData);
int store_doc_attachment_delete(Store *s, int64_t attId);

/* ---- Privacy findings --------------------------------------------------- */

int store_doc_finding_add(Store *s, const DocFinding *f);
/* Findings of a document; zStatus NULL for all. */
int store_doc_findings(Store *s, Arena *a, int64_t docId, const char *zStatus,
                       DocFinding **paF, int *pn);
int store_doc_finding_get(Store *s, Arena *a, int64_t id, DocFinding *f);
/* Decides an open finding: zStatus masked | accepted. */
int store_doc_finding_decide(Store *s, int64_t id, const char *zStatus,
                             const char *zReason, int64_t userId);
/* Deletes the open findings of a document (before a new scan). */
int store_doc_findings_clear_open(Store *s, int64_t docId);
/* Number of open findings (negative STORE_* on error). */
int store_doc_findings_open(Store *s, int64_t docId);

/* ---- Channels ----------------------------------------------------------- */

int store_doc_channel_add(Store *s, int64_t docId, const char *zChannel,
                          const char *zDay, const char *zNote,
                          int64_t userId);
int store_doc_channels(Store *s, Arena *a, int64_t docId, DocChannel **paCh,
                       int *pn);

/* ---- Publication ledger ------------------------------------------------- */

/* Appends an entry for the document's current canonical content. */
int store_ledger_append(Store *s, Arena *a, int64_t docId,
                        const char *zEvent);
/* Entries of one document (docId > 0) or all (0), oldest first; entries
** with seq > afterSeq, at most limit (0: no limit); each with its
** document's organisation (orgId). */
int store_ledger_list(Store *s, Arena *a, int64_t docId, int64_t afterSeq,
                      int limit, LedgerEntry **paE, int *pn);
/* Fills the content of the entries aE[0..n) that hold none (the newest
** entry of each document: its content is the document, migration 0101)
** with the document's canonical content as stored now, when that still
** hashes to the entry's content hash; otherwise (the document was changed
** behind the ledger's back) the entry's zContent stays NULL.  The strings
** are in arena a. */
int store_ledger_content(Store *s, Arena *a, LedgerEntry *aE, int n);
/* Walks the whole chain.  STORE_OK when every entry holds; otherwise
** STORE_CONFLICT with the message naming the first bad entry, whose seq
** goes to *pBadSeq.  *pnChecked receives the entries checked. */
int store_ledger_verify(Store *s, int64_t *pBadSeq, int64_t *pnChecked);
/* The seq of the newest ledger entry (0 when the ledger is empty) into
** *pSeq: it changes whenever a published document is published, edited,
** changes validity or is withdrawn (the open-data files follow it). */
int store_ledger_head(Store *s, int64_t *pSeq);

/* ---- Choosing a referenced document (store_doc_lookup.c) ----------- */

/* A document as offered when one document refers to another (the policy
** an interpretation explains, the document that replaces another). */
typedef struct DocRef {
  int64_t id, orgId;
  const char *zTitle, *zDocNumber, *zState, *zOrgName, *zPublishedDate;
} DocRef;

/* Documents of orgId (with bSubtree, and the units below) whose title or
** 文号 contains zQ (plain text, no wildcards), not excludeId, newest
** first, at most limit (1..50). */
int store_doc_lookup(Store *s, Arena *a, const char *zQ, int64_t orgId,
                     int bSubtree, int64_t excludeId, int limit,
                     DocRef **paRef, int *pn);
/* One document as a DocRef (STORE_NOTFOUND when absent). */
int store_doc_ref(Store *s, Arena *a, int64_t id, DocRef *pRef);

#endif
