/*
** store_search.h — the public full-text search index over published
** documents (migrations 0007_search.sql and 0010_search_compact.sql) and
** the queries on it.
**
** The index holds exactly the documents in state 'published': the store of
** documents calls store_search_sync() inside the transaction of every
** change to a document (state, text, correction, validity, attachments), so
** a draft or withdrawn document is never found and the index never lags.
** Matching follows src/store/fts_cjk.h: a one-term query finds a document
** iff the folded term is a substring of one of its folded columns (body,
** title, 文号, keywords, attachment file names).  Conventions of store.h.
*/
#ifndef GK_STORE_SEARCH_H
#define GK_STORE_SEARCH_H

#include <stdint.h>

#include "store/store.h"

/* Rewrites the index row of document docId from the doc table: removed
** when the document is not published, (re)inserted when it is.  Runs in
** the caller's transaction (opens a nested level).  Returns STORE_OK or a
** STORE_* code (message in store_errmsg()). */
int store_search_sync(Store *s, int64_t docId);

/* *pz (arena) receives the indexed attachment text of published document
** docId (file name and extracted text per attachment), "" when it has none
** or is not in the index.  For the search snippets. */
int store_search_attachment_text(Store *s, Arena *a, int64_t docId,
                                 const char **pz);

/* A search.  Zero / NULL fields do not filter. */
typedef struct SearchQuery {
  const char *zQuery;      /* what the user typed (see fts_cjk.h); NULL
                           ** lists every published document (browsing) */
  int64_t orgId;           /* organisation (0: all) */
  int bSubtree;            /* with orgId: include the organisations below */
  int year;                /* year of the published date */
  int64_t catalogueItemId; /* catalogue item */
  const char *zGenre;      /* 体裁 (document kind) */
  const char *zValidity;   /* valid | amended | repealed | expired */
  int art20;               /* Art. 20 item (1..15) of the catalogue item */
  int bByDate;             /* 1: newest first; 0: relevance */
  int countCap;            /* count matches up to this (0: SEARCH_COUNT_CAP;
                           ** -1: count every match) */
  int offset;              /* results to skip */
  int limit;               /* results to return (0: 20; at most 200) */
} SearchQuery;

/* Relevance is gk_rank, BM25 per column without IDF (title and 文号
** weighted 5, keywords 2, body and attachments 1; fts_cjk.c), times a
** recency boost (up to 1 + search_recency_percent / 100 for this year's
** documents, fading with age; core/settings.c), over the newest
** SEARCH_CANDIDATES matches (docs/search.md: ranking every match of a
** common term is too slow; bench/RESULTS.md section 2b measures what it
** costs against BM25 over every match); matches beyond those follow newest
** first, and so does a query of one-character terms only.  The search
** page says so (page_search.c). */
#define SEARCH_CANDIDATES 1000

/* 1 when store_search() orders query zQuery by relevance when asked to: it
** has a term of two or more characters (one-character terms only filter);
** 0 otherwise, also for a query it would refuse. */
int store_search_ranks(const char *zQuery);

/* Queries count their matches up to SEARCH_COUNT_CAP: a total of
** SEARCH_COUNT_CAP + 1 means "more than SEARCH_COUNT_CAP" (the count of a
** common term at a million documents would cost more than the page;
** bench/analysis.md).  SearchQuery.countCap sets another cap, -1 asks for
** the exact number. */
#define SEARCH_COUNT_CAP 10000

/* Counts are remembered per (query, filters, cap, content generation) on
** each Store and answered from there when asked again while the public
** content is unchanged (search_count_cache.h; never inside a
** transaction).  bOn 0 turns this off for s (the benchmark, to time the
** count itself); it is on by default. */
void store_search_count_cache(Store *s, int bOn);

/* On SQLite an unfiltered count (no filter but the year) outside a
** transaction is read from the index's segments directly (fts_read.h,
** docs/search.md "Counts"), and by FTS5 otherwise.  bOn 0 makes s always
** count with FTS5 (tests and the benchmark compare the two); on by
** default. */
void store_search_fast_count(Store *s, int bOn);

/* Runs q (browsing, zQuery NULL: newest first).  *paDocId (arena) receives
** the ids of the documents on the requested page in order, *pn their
** number, *pnTotal (may be NULL) the number of all matches (for a query:
** capped as above, cap + 1 meaning "more"; browsing counts exactly).  A query with no term, too many terms or a term
** too long is STORE_INVALID with a Chinese message. */
int store_search(Store *s, Arena *a, const SearchQuery *q, int64_t **paDocId,
                 int *pn, int *pnTotal);

/* The FTS5 search replica of PostgreSQL stores (search_replica.c;
** docs/search.md "PostgreSQL: the FTS5 replica").  With a path, every
** PostgreSQL store of this process answers store_search() from a local
** SQLite file at zPath (created when missing; one connection per store,
** shared by the process), brought up to date from PostgreSQL's change
** log before each search; NULL (the default) or "": pg_search.c.  Call
** before the stores are used (process-wide, not thread-safe). */
void store_search_replica_set(const char *zPath);
/* Opens s's replica and brings it up to date now (at server start: a new
** replica is filled from scratch here rather than in a request).
** STORE_OK (also on SQLite or without a replica), or the failure (logged;
** searches then use pg_search.c). */
int store_search_replica_refresh(Store *s);
/* For a server: the replica is filled or caught up by a thread of its own,
** with its own connection to zDbTarget, starting now; until it is ready,
** and whenever a search finds it needs a fill from scratch (a new file, a
** rebuild, a log far ahead), searches are answered by pg_search.c and that
** thread fills it (a request never does: minutes at a million documents).
** Call after store_search_replica_set(PATH), before serving (process-wide,
** not thread-safe); NULL: fills in place again (tests). */
void store_search_replica_background(const char *zDbTarget);
/* 1 while that thread runs (tests, /metrics). */
int store_search_replica_filling(void);
/* What `serve` calls once before it listens, with its check connection s:
** an index of at most 20,000 documents (a fill of seconds) is brought up
** to date here, and later fills of it happen in the request that needs
** them, as without a background target; a larger one gets
** store_search_replica_background(zDbTarget).  Either way the log says
** "search replica: up to date after N s" when the file is ready. */
void store_search_replica_start(Store *s, const char *zDbTarget);
/* The size limit of the rule above (tests). */
void store_search_replica_inline_max(int n);

/* Years with published documents of organisation orgId (0: all; with
** bSubtree its subtree), newest first, with their counts; arrays in a.
** paCount may be NULL: with orgId 0 the years are then found by one index
** seek per year instead of a count over every document. */
int store_search_years(Store *s, Arena *a, int64_t orgId, int bSubtree,
                       int **paYear, int **paCount, int *pn);

#endif
