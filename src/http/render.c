/* render.c — in-process rendering of public pages (see render.h). */
#include "http/render.h"

#include <string.h>

int render_path(Store *s, const ServerConfig *cfg, const char *zPath,
                Buf *pOut, const char **pzType, int *pStatus) {
  Req r;
  memset(&r, 0, sizeof r);
  r.store = s;
  r.cfg = cfg;
  r.method = HTTP_GET;
  r.zMethod = "GET";
  r.zPath = zPath;
  r.zRemoteAddr = "export";
  r.zLimitKey = "export";
  r.zHost = "localhost";
  r.status = 200;
  r.zType = "text/html; charset=utf-8";
  http_dispatch(&r, NULL);
  buf_reset(pOut);
  buf_append(pOut, buf_str(&r.out), r.out.n);
  *pStatus = r.status;
  /* The type may live in the arena: copy the few we know to statics. */
  static const char *aType[] = {"text/html; charset=utf-8",
                                "application/xml; charset=utf-8",
                                "application/atom+xml; charset=utf-8",
                                "application/json; charset=utf-8",
                                "text/plain; charset=utf-8",
                                "text/csv; charset=utf-8"};
  *pzType = "application/octet-stream";
  for (size_t i = 0; i < sizeof aType / sizeof aType[0]; i++)
    if (r.zType && !strcmp(r.zType, aType[i])) *pzType = aType[i];
  buf_free(&r.out);
  buf_free(&r.body);
  arena_free(&r.arena);
  return 0;
}
