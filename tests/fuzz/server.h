/*
** server.h — the real gongkai HTTP server, started inside a fuzz target:
** a fresh database with the demo data in a temporary directory, the
** server (http/server.c, unchanged) on a free 127.0.0.1 port in a thread,
** and a blocking client.  Every request runs the whole life cycle (MHD's
** parser and post processor, our parameter collection, dispatch, CSRF,
** the handler), so a crash anywhere in it is found with the input that
** caused it.
*/
#ifndef GK_FUZZ_SERVER_H
#define GK_FUZZ_SERVER_H

#include <stddef.h>

#include "lib/buf.h"

/* A 43-character token sent both as the gk_csrf cookie and as _csrf. */
#define FUZZ_CSRF "fuzzfuzzfuzzfuzzfuzzfuzzfuzzfuzzfuzzfuzzfuz"

/* Starts the server once per process (aborts when it cannot). */
void fuzz_server_start(void);

/* "127.0.0.1:PORT" of the running server. */
const char *fuzz_server_host(void);

/* Sends the complete request req[0..n) on a new connection, reads the
** answer until the server closes it; returns the status code (0 when no
** status line came back).  The answer is appended to pResp when not NULL. */
int fuzz_http(const char *req, size_t n, Buf *pResp);

#endif
