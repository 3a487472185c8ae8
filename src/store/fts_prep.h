/*
** fts_prep.h — one document's entries of the portal's search index
** (search_fts and search_chr, docs/search.md) prepared away from the
** database: its five columns tokenized with the gk tokenizer, the tokens
** grouped per term, each term's position list encoded as FTS5's pending
** hash holds it.  fts_write.c merges the prepared documents of a batch into
** its segments; `docs import` prepares them on its reader thread
** (cli/import_pipe.h) so that the thread holding the connection only
** merges, sorts and writes (bench/analysis.md, "tokenizing beside the
** writer").  The writer prepares the rows nobody prepared with the same
** functions, so both paths give the same entries.
**
** No database, no globals: an FtsPrepper belongs to one thread at a time,
** the FtsDocPrep it returns to whoever takes it (plain memory, freed with
** fts_doc_prep_free() on any thread).
*/
#ifndef GK_FTS_PREP_H
#define GK_FTS_PREP_H

#include <stddef.h>
#include <stdint.h>

#include "core/document.h"

#define FTS_PREP_NCOL 5 /* body, title, doc_number, keywords, attachment_text */

/* A distinct term of one document in one table. */
typedef struct FtsPrepTerm {
  uint64_t key; /* the token's bytes big-endian, zero-padded (1-8 bytes) */
  uint32_t n;   /* the token's length */
  uint32_t len; /* detail=full: bytes of its position list at aPl + off
                ** (varint 2 * size, then the list); detail=none: 0 */
  uint64_t off;
} FtsPrepTerm;

/* The document's entries in one table. */
typedef struct FtsPrepTab {
  uint32_t aSize[FTS_PREP_NCOL]; /* tokens per column (%_docsize) */
  uint32_t nTerm;                /* distinct terms, in first-seen order */
  FtsPrepTerm *aTerm;
  uint8_t *aPl;                  /* the position lists (detail=full) */
  size_t nPl;
} FtsPrepTab;

/* One document: [0] search_fts (tokenize='gk', detail=full), [1]
** search_chr (tokenize='gk chars', detail=none).  bBad: a token of more
** than 8 bytes (or empty) was seen; fts_write.c then declines the batch. */
typedef struct FtsDocPrep {
  int bBad;
  FtsPrepTab a[2];
} FtsDocPrep;

typedef struct FtsPrepper FtsPrepper;

/* A preparer (tokenizers and scratch memory); never NULL (xmalloc). */
FtsPrepper *fts_prepper_new(void);
void fts_prepper_free(FtsPrepper *pp);

/* The entries of the five column texts az[i][0..an[i]) (NULL: empty), in
** the FTS5 tables' column order.  The caller frees the result. */
FtsDocPrep *fts_prep_cols(FtsPrepper *pp, const char *const az[FTS_PREP_NCOL],
                          const int an[FTS_PREP_NCOL]);

/* The entries of d as the store indexes a new document without
** attachments: body, title, doc_number, keywords as given (NULL as ""),
** attachment text "". */
FtsDocPrep *fts_prep_doc(FtsPrepper *pp, const Doc *d);

/* Frees p; p may be NULL. */
void fts_doc_prep_free(FtsDocPrep *p);

/* Writes v as SQLite's varint at p (1-9 bytes); returns its length. */
int fts_put_varint(uint8_t *p, uint64_t v);

/* Prepared documents handed to a store connection, by document id, until
** its flush takes them (sqlite_search.c).  Used by one thread. */
typedef struct FtsPending FtsPending;

/* Adds p for document docId to *pp (created when NULL); takes p.  A
** document added twice is taken by neither. */
void fts_pending_add(FtsPending **pp, int64_t docId, FtsDocPrep *p);
/* Removes and returns the entries added for docId, or NULL. */
FtsDocPrep *fts_pending_take(FtsPending *pp, int64_t docId);
/* Frees everything left in *pp and sets it NULL. */
void fts_pending_clear(FtsPending **pp);

#endif
