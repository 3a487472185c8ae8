/*
** cli_util.h — helpers shared by the subcommands: opening the store with a
** message, and printing errors; the clocks the benchmark commands read.
*/
#ifndef GK_CLI_UTIL_H
#define GK_CLI_UTIL_H

#include "store/store.h"

/* Opens zDb (flags as store_open); on failure prints "gongkai CMD: why" and
** returns NULL. */
Store *cli_open(const char *zCmd, const char *zDb, int flags);

/* Parses a positive id or prints an error; returns 0 on failure. */
long long cli_id(const char *zCmd, const char *zWhat, const char *z);

/* Finds an organisation by id or slug; prints an error and returns 0 when
** absent. */
long long cli_org(const char *zCmd, Store *s, Arena *a, const char *zRef);

/* Milliseconds of the monotonic wall clock, and of this process's CPU
** time (every thread's: an exact count may run on two, fts_read.h; unlike
** the wall clock it leaves out the time other processes on a busy machine
** take the core away). */
double cli_wall_ms(void);
double cli_cpu_ms(void);

#endif
