/*
** bench_overlap.h — the relevance section of `gongkai bench-search`
** (--overlap, bench_overlap.c): the portal's fast order against BM25 with
** IDF over every match.
*/
#ifndef GK_BENCH_OVERLAP_H
#define GK_BENCH_OVERLAP_H

#include <stdint.h>

#include "cli/bench_gen.h"
#include "store/store.h"

/* Prints the Markdown section for nQ queries per class (seed), each run
** once untimed and nRun times timed, on the portal's tables of s (nDoc
** documents, for the heading).  Returns 0, or 1 after printing the
** store's message. */
int bench_overlap(Store *s, const BenchVocab *v, uint64_t seed, int nQ,
                  int nRun, int64_t nDoc);

#endif
