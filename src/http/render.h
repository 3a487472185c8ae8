/*
** render.h — runs a public GET request through the route table without a
** network connection: the bytes are exactly what `gongkai serve` sends as
** the body.  Used by `gongkai export-site`.
*/
#ifndef GK_RENDER_H
#define GK_RENDER_H

#include "http/req.h"

/* Renders zPath as an anonymous GET.  On return *pStatus is the HTTP status,
** pOut holds the body and *pzType the Content-Type (a static or arena string
** valid until the next call).  Returns 0, or -1 when no route matches. */
int render_path(Store *s, const ServerConfig *cfg, const char *zPath,
                Buf *pOut, const char **pzType, int *pStatus);

/* Shared by the server and render_path: dispatches a filled-in request. */
void http_dispatch(Req *r, const char *zCookies);

#endif
