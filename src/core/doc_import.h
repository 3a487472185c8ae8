/*
** doc_import.h — a document of a bulk import (`gongkai docs import`)
** prepared for the store away from the database: everything
** store_doc_import_prepared() needs that does not depend on what the
** database holds.  The body packed as it will be stored (lib/textpack),
** and the ledger's canonical content (core/document.h) hashed except for
** the part the store assigns: the document's id and index number.  The
** store finishes the hash from a copy of the hash state (crypto.h), so the
** content hash equals SHA-256 of doc_canonical() of the stored document,
** byte for byte as store_doc_import() computes it.
**
** Pure: no I/O, no globals; any thread (the import prepares on a reader
** thread while the writer stores, cli/import_pipe.h).
*/
#ifndef GK_DOC_IMPORT_H
#define GK_DOC_IMPORT_H

#include <stddef.h>
#include <stdint.h>

#include "core/document.h"
#include "lib/crypto.h"

typedef struct DocImport {
  /* The document as store_doc_import() would store it: the caller's
  ** fields (strings stay the caller's), state published, report kind and
  ** validity with their defaults.  The store sets d.id. */
  Doc d;
  unsigned char *pBody;  /* the body packed (heap), or NULL: stored as text */
  size_t nBody;
  CryptoSha256 head;     /* SHA-256 state after the canonical head */
  char *zTail;           /* the canonical tail (heap) */
} DocImport;

/* Prepares *p from d (a new document without attachments, id 0).  bPack: 1
** when the store keeps bodies packed (SQLite), 0 to leave the body as text
** (PostgreSQL).  Free with doc_import_free(). */
void doc_import_prepare(DocImport *p, const Doc *d, int bPack);

/* The ledger's content hash of the prepared document once stored with id
** `id` and index number zIndexNumber: SHA-256 hex of
** head + ident + tail.  p is unchanged. */
void doc_import_content_hash(const DocImport *p, int64_t id,
                             const char *zIndexNumber, char zOut[65]);

/* Frees what doc_import_prepare() allocated; p may be zeroed. */
void doc_import_free(DocImport *p);

#endif
