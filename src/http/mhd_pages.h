/*
** mhd_pages.h — the pages of the refusals libmicrohttpd makes itself.
**
** libmicrohttpd 0.9.75 answers a request it cannot parse or hold (a
** request line or header block beyond the connection's memory, HTTP/1.1
** without Host, an unsupported HTTP version, a bad Content-Length, broken
** chunked framing) before any callback of gongkai's runs, with a fixed
** English page and no Content-Type; no option of that version replaces
** them.  It builds each of them with MHD_create_response_from_buffer()
** called through its own PLT, so mhd_pages.c defines that function: a
** buffer that lies in libmicrohttpd's own image is one of those fixed
** pages, and is replaced by the site's Chinese error page (http_error(),
** with the site's header and footer) and the site's security headers;
** every other call goes to libmicrohttpd's function unchanged.
** docs/security.md "libmicrohttpd's own refusals".
*/
#ifndef GK_MHD_PAGES_H
#define GK_MHD_PAGES_H

#include "http/req.h"

/* Called once before the daemon starts: the configuration and the
** function giving the calling thread's Store (NULL when it has none; the
** page then carries the default site name). */
void mhd_pages_init(const ServerConfig *cfg, Store *(*xStore)(const ServerConfig *));

#endif
