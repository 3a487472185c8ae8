/*
** store_admin.h — SQLite-only administration of the store, for the few
** commands that need it (backup, bulk import, search maintenance): what
** has no meaning, or another shape, on a database server.  The domain
** operations are in store.h and the store_<area>.h headers; these are
** implemented by the SQLite driver (store_sqlite.c) and the SQLite search
** index (sqlite_search.c); store_backup() also on PostgreSQL, by running
** pg_dump (pg_admin.c).  Conventions of store.h.  The benchmark and
** bulk-import helpers over FTS5 and dbstat are in store_bench.h, SQLite-only
** in the same way.
*/
#ifndef GK_STORE_ADMIN_H
#define GK_STORE_ADMIN_H

#include <stdint.h>

#include "store/fts_prep.h"
#include "store/store.h"

/* Bulk mode for a command that writes many rows per transaction (bulk
** import): a page cache of nMiB MiB on this connection, so a batch's
** pages are written once at commit instead of spilling to the WAL and
** being read back; temporary storage in memory; the content generation
** (migration 0040) advanced once by every commit of this connection
** instead of once per written row of a public table (a superset of the
** same contract: it changes in every committed transaction that changes
** public content).  For a connection that only does the bulk write and
** then closes.  Returns STORE_OK or STORE_ERROR. */
int store_bulk_mode(Store *s, int nMiB);

/* After a bulk write: gives the pages the write freed (the search index's
** merged segments) back to the file system — a database created with
** auto_vacuum=INCREMENTAL (store_sqlite.c) only; elsewhere, and on
** PostgreSQL, nothing.  Returns STORE_OK or STORE_ERROR. */
int store_release_free(Store *s);

/* Online backup to a new file zTo (consistent while others write; zTo
** must not exist, STORE_CONFLICT).  SQLite: its online backup API, a
** database file.  PostgreSQL: pg_dump's custom format of the whole
** database, checked with pg_restore --list before it is put at zTo
** (pg_admin.c; restore with pg_restore, docs/deploy.md). */
int store_backup(Store *s, const char *zTo);
/* PostgreSQL: restores pg_dump archive zFrom (a store_backup() file) with
** pg_restore, in one transaction, into the database zConn names, which
** must hold no tables at all (STORE_CONFLICT: a restore never overwrites).
** STORE_OK, or the code with a heap message in *pzErr.  The caller then
** opens the database (pending migrations) and checks it. */
int store_pg_restore(const char *zConn, const char *zFrom, char **pzErr);
/* PRAGMA integrity_check: STORE_OK when the file is sound, else
** STORE_ERROR with the first problem in store_errmsg().  SQLite only:
** refused on PostgreSQL (its check is pg_amcheck, run by the database's
** administrator: it needs the amcheck extension). */
int store_integrity_check(Store *s);

/* ---- The search index (FTS5) ------------------------------------------- */

/* Deferred indexing for bulk writers: while on, store_search_sync() writes
** search_doc rows only, left unindexed (search_doc.indexed = 0);
** store_search_flush()
** (inside the same transaction, before commit) adds them to both FTS5
** tables in one statement each, which FTS5 does several times faster than
** row by row.  Turning it off flushes.  Until flushed, the pending rows are
** not found by store_search(). */
int store_search_defer(Store *s, int bOn);
int store_search_flush(Store *s);
/* How a flush indexes (SQLite): by default the store writes the pending
** rows as one FTS5 segment per table itself (fts_write.h: tokenized,
** sorted, written in FTS5's format; FTS5's own insert where the tables
** are not what that writer knows); store_search_segwrite(s, 0) makes it
** use FTS5's insert always.  No effect on PostgreSQL or outside a
** deferred flush. */
void store_search_segwrite(Store *s, int bOn);
/* 1 when a deferred flush of s would take prepared index entries
** (fts_prep.h): SQLite, deferred, the store's own segment writer on.
** Then store_search_give(s, docId, p) hands over the entries of document
** docId, prepared from the text just stored for it (fts_prep_doc()) in
** the transaction still open; the flush uses them instead of reading and
** tokenizing the text.  The caller vouches that the text does not change
** before the flush.  Entries not used by the end of the outermost
** transaction are dropped.  Always takes p (frees it when not wanted). */
int store_search_wants_prep(Store *s);
void store_search_give(Store *s, int64_t docId, FtsDocPrep *p);

/* *pn receives the number of documents whose index key is out of date
** order (published with an earlier date where no key was free, migration
** 0010) since the last store_search_rebuild(), which puts them back. */
int store_search_displaced(Store *s, int64_t *pn);

/* Rebuilds the whole index from the doc table (one transaction), after
** extracting the text of attachments stored before migration 0008 (its
** own transaction, store_attachment_text_backfill()). */
int store_search_rebuild(Store *s);

#endif
