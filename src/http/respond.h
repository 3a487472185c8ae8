/*
** respond.h — sending a Req's response: the security headers (CSP without
** inline script, nosniff, frame-ancestors, referrer policy, HSTS behind
** https, X-Request-Id), ETag and 304, gzip, the public cache,
** Cache-Control, the metrics and one access-log line (key=value) on
** stderr.  Used by http/server.c.
*/
#ifndef GK_RESPOND_H
#define GK_RESPOND_H

#include <microhttpd.h>

#include "http/req.h"

/* Adds the site's security headers (and HSTS behind https) to resp;
** also used for libmicrohttpd's own refusals (mhd_pages.c). */
void http_security_headers(struct MHD_Response *resp, const ServerConfig *cfg);

/* Queues r's response on the connection (MHD_queue_response). */
enum MHD_Result http_send(struct MHD_Connection *conn, Req *r);

#endif
