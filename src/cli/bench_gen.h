/*
** bench_gen.h — deterministic generator of benchmark data: Chinese
** government documents (as the JSON lines `gongkai docs import` reads),
** applications for disclosure across years, and organisation trees.  Used by
** `gongkai bench-gen` (cmd_bench_gen.c) and the smoke tests; not part of
** the product's behaviour.
**
** Vocabulary comes from the embedded data/bench_vocab.txt (clauses cut from
** the seed documents, plus hand-written lists of genres, topics, issuers,
** units and places), so nothing outside the binary is read at run time.
** Every generated item i of seed s is a pure function of (s, i, n): the same
** seed gives the same bytes on every machine, in any order.
*/
#ifndef GK_BENCH_GEN_H
#define GK_BENCH_GEN_H

#include <stdint.h>

#include "lib/buf.h"

/* Sections of data/bench_vocab.txt. */
enum {
  BV_GENRE, BV_ACTION, BV_TOPIC, BV_SUFFIX, BV_ISSUER, BV_UNIT, BV_PLACE,
  BV_KEYWORD, BV_CLAUSE, BV_NSECTION
};

/* The vocabulary: pointers into one heap copy of the embedded file. */
typedef struct BenchVocab {
  char *zData;                 /* owned copy of the file, lines cut by NUL */
  const char **az[BV_NSECTION];/* entries per section (heap arrays) */
  int an[BV_NSECTION];         /* entry counts */
} BenchVocab;

/* Loads the embedded vocabulary into *v.  Returns 0, or -1 when the file is
** missing or a section is empty (a build error).  Free with
** bench_vocab_free(). */
int bench_vocab_load(BenchVocab *v);
void bench_vocab_free(BenchVocab *v);

/* Appends to pOut document i (0-based) of a corpus of n documents of seed
** uSeed as one JSON object and a '\n': title, doc_number (文号), publisher,
** signed_date, published_date (dates rise with i from 2010-01-01 to
** 2026-06-30, so import order is publication order), genre, keywords,
** summary, body (Markdown with headings, paragraphs, and a table in about
** one document in three) and, for even i, an imported index_number
** "BENCH-<yyyy>-<i>".  Never fails (aborts on OOM). */
void bench_doc_json(const BenchVocab *v, uint64_t uSeed, int64_t i,
                    int64_t n, Buf *pOut);

/* One generated application (strings are static or inside the record). */
typedef struct BenchApp {
  int iOrg;                  /* index into the organisation tree, 0..nOrg-1 */
  const char *zChannel;      /* application.channel */
  const char *zApplicantType;/* application.applicant_type (column id) */
  const char *zOutcome;      /* leaf row id of table 三, or NULL when open */
  char zName[64];            /* applicant name */
  char zTitle[160];          /* 所需信息的名称 */
  char zReceived[11];        /* YYYY-MM-DD */
  char zClosed[11];          /* YYYY-MM-DD, "" while open */
} BenchApp;

/* Fills *p with application i of seed uSeed: received uniformly over the
** years y0..y1 (inclusive) by one of nOrg organisations; closed 1-45 days
** later with an outcome drawn from the 2021 table 三 leaf rows (weighted as
** in real reports: mostly granted or not held), or still open when that
** day falls after y1.  Never fails. */
void bench_app(const BenchVocab *v, uint64_t uSeed, int64_t i, int nOrg,
               int y0, int y1, BenchApp *p);

/* Appends to pOut query term i of seed uSeed: nChar consecutive CJK
** ideographs (1..30) cut from a clause of the vocabulary (skewed towards
** common clauses, as users search for what documents say).  Never fails;
** after 1000 clauses without such a run it appends the start of the first
** clause that has one (nChar is then not guaranteed). */
void bench_query_term(const BenchVocab *v, uint64_t uSeed, int64_t i,
                      int nChar, Buf *pOut);

#endif
