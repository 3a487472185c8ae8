/*
** import_pipe.h — the second pass of `gongkai docs import` split over two
** threads.  A reader thread reads the file line by line, parses and checks
** each line (docs_import_line) and prepares its document
** (core/doc_import.h: the body packed, the ledger's content hashed; the
** search index entries tokenized, store/fts_prep.h); the
** calling thread, the one that holds the database connection, takes the
** prepared documents in file order and only stores them.  The reader runs
** at most IMPORT_PIPE_AHEAD documents ahead; it touches no database.
**
** With bThread 0 the same preparation runs on the calling thread when it
** asks for the next document (`docs import --import-threads 1`): the documents,
** their order and what is stored are the same either way.
*/
#ifndef GK_IMPORT_PIPE_H
#define GK_IMPORT_PIPE_H

#include <stdint.h>
#include <stdio.h>

#include "core/doc_import.h"
#include "lib/buf.h"
#include "store/fts_prep.h"

/* One non-blank line of the file, prepared. */
typedef struct ImportLine {
  long iLine;        /* its line number (1-based, blank lines counted) */
  const char *zErr;  /* NULL, or why docs_import_line() refused it: p unset */
  char *zLine;       /* the line, parsed in place (p's strings point here) */
  DocImport p;       /* the prepared document, orgId and createdBy set */
  FtsDocPrep *pIdx;  /* its search index entries (bIndex), or NULL; the
                     ** line's until taken (set NULL) */
} ImportLine;

#define IMPORT_PIPE_AHEAD 1024 /* documents the reader may prepare ahead */

typedef struct ImportPipe ImportPipe;

/* Starts reading f (positioned at the first line) for documents of orgId
** recorded by userId; bPack as doc_import_prepare(); bIndex 1: each
** document's search index entries prepared too (fts_prep_doc(), for
** store_search_give()).  bThread 1: on a reader thread (falls back to 0
** if it cannot start).  Never NULL. */
ImportPipe *import_pipe_start(FILE *f, int64_t orgId, int64_t userId,
                              int bPack, int bIndex, int bThread);

/* The next line in file order, or NULL at the end of the file.  After a
** line with zErr set, NULL.  The line stays valid until the next call. */
ImportLine *import_pipe_next(ImportPipe *ip);

/* Stops the reader (at once, also in the middle of the file), waits for
** it and frees everything.  ip may be NULL. */
void import_pipe_stop(ImportPipe *ip);

/* Reads the next line of f into *pb (without the newline); 0 at EOF. */
int import_read_line(FILE *f, Buf *pb);

#endif
