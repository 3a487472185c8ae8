/*
** store_bench.h — store functions for bulk import and the benchmarks:
** maintaining every full-text index over `doc` for a range of imported
** documents, creating the search tables the benchmark compares (gk and
** trigram, as docs/search.md specifies), timing search statements, sizes
** on disk, and inserting generated applications.  The conventions of
** store.h apply (STORE_* codes, message in store_errmsg()).
**
** SQLite-only administration like store_admin.h (FTS5 tables, dbstat,
** the SQLite API in sqlite_bench.c): only the import and benchmark
** commands include it.
*/
#ifndef GK_STORE_BENCH_H
#define GK_STORE_BENCH_H

#include <stdint.h>

#include "store/store.h"

/* ---- Bulk import support ------------------------------------------------ */

/* The id of the first user (the administrator `gongkai init` made), used as
** the drafter of imported documents when none is named; STORE_NOTFOUND
** when there is no user. */
int store_bench_first_user(Store *s, int64_t *pId);

/* 1 in *pbTaken when some document already has index number zIndex. */
int store_bench_index_taken(Store *s, const char *zIndex, int *pbTaken);

/* Adds documents firstId..lastId (published ones) to every external-content
** FTS5 table whose content table is `doc` and that no trigger maintains
** (tables kept by triggers are already up to date).  Run it inside the
** importing transaction.  *pnTable (may be NULL) receives the number of
** tables written. */
int store_search_index_docs(Store *s, int64_t firstId, int64_t lastId,
                            int *pnTable);

/* ---- Search tables for the benchmark ----------------------------------- */

/* Name of the first external-content FTS5 table over `doc` in *pz (arena),
** or STORE_NOTFOUND when there is none. */
int store_bench_search_table(Store *s, Arena *a, const char **pz);

/* Creates FTS5 table zName ([a-z_]+) over doc(body, title, doc_number,
** keywords; the portal's columns), rowid = doc.id, with tokenizer zTok: "gk" (prefix='1',
** detail=full, as docs/search.md) or "trigram" (detail=full).  With bRebuild
** the table is filled from the existing published documents.  STORE_INVALID for a bad
** name or tokenizer. */
int store_bench_create_search(Store *s, const char *zName, const char *zTok,
                              int bRebuild);

/* Drops table zName if it exists. */
int store_bench_drop(Store *s, const char *zName);

/* Statement kinds timed by `gongkai bench-search`. */
enum {
  BENCH_Q_NEWEST = 1,    /* MATCH, newest 20 (rowid DESC) */
  BENCH_Q_RELEVANCE = 2, /* MATCH, gk_rank top 20 of the newest 1000 */
  BENCH_Q_COUNT = 3,     /* MATCH, count(*) of all matches */
  BENCH_Q_LIKE_NEWEST = 4,/* LIKE '%t%' on every column, newest 20 */
  BENCH_Q_LIKE_COUNT = 5,/* LIKE '%t%' on every column, count(*) */
  BENCH_Q_COUNT_CAPPED = 6, /* MATCH, count(*) up to SEARCH_COUNT_CAP + 1 */
  BENCH_Q_BM25_ALL = 7,  /* MATCH, top 20 of EVERY match by FTS5's bm25()
                         ** (BM25 with IDF, column weights of the portal:
                         ** body 1, title 5, 文号 5, keywords 2, rest 1),
                         ** ties newest first; returns document ids */
  BENCH_Q_RANK_ALL = 8   /* the same with gk_rank (no IDF) instead */
};

typedef struct BenchStmt BenchStmt;

/* Prepares a statement of kind eKind against search table zTable (for the
** LIKE kinds, the table only names the columns scanned in doc) for queries
** of nTerm terms (LIKE kinds; MATCH kinds take one expression).  *pp is
** freed with store_bench_finalize(). */
int store_bench_prepare(Store *s, const char *zTable, int eKind, int nTerm,
                        BenchStmt **pp);

/* Runs the statement: azArg[0] is the MATCH expression (MATCH kinds) or
** azArg[0..nTerm) the folded terms (LIKE kinds).  *pnRow receives the rows
** returned, or the count for the count kinds; *pFirst the first rowid (0
** when none). */
int store_bench_run(Store *s, BenchStmt *p, const char *const *azArg,
                    int64_t *pnRow, int64_t *pFirst);

/* As store_bench_run() for the row kinds, but also copies up to nMax
** returned values (rowids; document ids for BENCH_Q_BM25_ALL) in order to
** aOut, their number to *pn. */
int store_bench_rows(Store *s, BenchStmt *p, const char *const *azArg,
                     int64_t *aOut, int nMax, int *pn);

void store_bench_finalize(BenchStmt *p);

/* Bytes on disk of table zTable and its shadow tables (dbstat) in
** *pnIndex, and bytes of UTF-8 text it indexes (its columns over published
** documents) in *pnText. */
int store_bench_sizes(Store *s, const char *zTable, int64_t *pnIndex,
                      int64_t *pnText);

/* Bytes of the whole database file in *pnFile and of its free pages in
** *pnFree (issue 18: the database against the text). */
int store_bench_file_size(Store *s, int64_t *pnFile, int64_t *pnFree);

/* Published documents, and the highest document id, for sampling pages. */
int store_bench_doc_range(Store *s, int64_t *pnDoc, int64_t *pMaxId);

/* ---- Generated applications -------------------------------------------- */

/* Inserts one closed (zClosed/zOutcome non-empty) or open application of
** organisation orgId with registration number zRegNo, straight into the
** table (no clock events).  Call inside a transaction for speed. */
int store_bench_app_add(Store *s, int64_t orgId, const char *zRegNo,
                        const char *zChannel, const char *zApplicantType,
                        const char *zName, const char *zTitle,
                        const char *zReceived, const char *zClosed,
                        const char *zOutcome);

#endif
