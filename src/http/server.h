/*
** server.h — the HTTP server: libmicrohttpd with an internal thread pool,
** one SQLite connection per worker thread, every limit set explicitly.
*/
#ifndef GK_SERVER_H
#define GK_SERVER_H

#include "http/req.h"

/* Serves until SIGTERM or SIGINT, then stops gracefully (in-flight requests
** finish).  Returns 0, or 1 after printing why it could not start. */
int server_run(const ServerConfig *cfg);

#endif
