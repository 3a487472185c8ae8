/*
** bench_compare.h — `gongkai bench-search --compare DB2` (bench_compare.c):
** the same search queries through store_search() on two databases (in
** `make bench`, SQLite and PostgreSQL), alternately, query by query.
*/
#ifndef GK_BENCH_COMPARE_H
#define GK_BENCH_COMPARE_H

#include "store/store.h"

/* Prints the Markdown table comparing pA and pB (named zA, zB in the
** headings) over nClass query classes: azClass[c] the class's name,
** aazQuery[c][0..nQ) its queries as a user types them.  Each query is run
** once on each database untimed, then nRun times on each, alternating.
** Returns 0, or 1 after printing a store's message. */
int bench_compare(Store *pA, Store *pB, const char *zA, const char *zB,
                  const char *const *azClass, char ***aazQuery, int nClass,
                  int nQ, int nRun);

#endif
