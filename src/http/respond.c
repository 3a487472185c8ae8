/* respond.c — sending the response of a request (see respond.h). */
#include "http/respond.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/time.h>
#include <zlib.h>

#include "http/auth.h"
#include "http/cache.h"
#include "http/metrics.h"
#include "http/routes.h"

static int64_t now_us(void) {
  struct timeval tv;
  gettimeofday(&tv, NULL);
  return (int64_t)tv.tv_sec * 1000000 + tv.tv_usec;
}

static const char *zSecurityHeaders[][2] = {
  {"Content-Security-Policy",
   "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' "
   "data:; object-src 'none'; base-uri 'none'; form-action 'self'; "
   "frame-ancestors 'none'"},
  {"X-Content-Type-Options", "nosniff"},
  {"X-Frame-Options", "DENY"},
  {"Referrer-Policy", "same-origin"},
  {"Permissions-Policy", "camera=(), microphone=(), geolocation=()"},
};

void http_security_headers(struct MHD_Response *resp, const ServerConfig *cfg) {
  for (size_t i = 0; i < sizeof zSecurityHeaders / sizeof zSecurityHeaders[0]; i++)
    MHD_add_response_header(resp, zSecurityHeaders[i][0], zSecurityHeaders[i][1]);
  if (cfg && cfg->bCookieSecure)
    MHD_add_response_header(resp, "Strict-Transport-Security", "max-age=31536000");
}

/* FNV-1a 64 of the body: a strong-enough validator for our own pages. */
static void make_etag(const Buf *b, char z[24]) {
  uint64_t h = 1469598103934665603ULL;
  for (size_t i = 0; i < b->n; i++) {
    h ^= (unsigned char)b->z[i];
    h *= 1099511628211ULL;
  }
  snprintf(z, 24, "\"%016llx\"", (unsigned long long)h);
}

static int gzip_body(const Buf *in, Buf *out) {
  z_stream zs;
  memset(&zs, 0, sizeof zs);
  if (deflateInit2(&zs, 6, Z_DEFLATED, 31, 8, Z_DEFAULT_STRATEGY) != Z_OK) return -1;
  size_t cap = deflateBound(&zs, in->n) + 32;
  buf_reset(out);
  buf_append(out, "", 0);
  out->z = xrealloc(out->z, cap);
  out->nAlloc = cap;
  zs.next_in = (unsigned char *)in->z;
  zs.avail_in = (unsigned)in->n;
  zs.next_out = (unsigned char *)out->z;
  zs.avail_out = (unsigned)cap;
  int rc = deflate(&zs, Z_FINISH);
  out->n = zs.total_out;
  deflateEnd(&zs);
  return rc == Z_STREAM_END ? 0 : -1;
}

static int is_compressible(const char *zType) {
  return zType && (!strncmp(zType, "text/", 5) || strstr(zType, "json") ||
                   strstr(zType, "xml") || strstr(zType, "javascript"));
}

/* One access-log line per request on stderr (the journal), as key=value
** pairs; text values are quoted with control characters escaped. */
static void access_log(Req *r, int status, size_t nBody, int64_t durUs, int64_t dbNs) {
  Buf b = BUF_INIT;
  buf_printf(&b, "access id=%h client=", r->zRequestId);
  buf_log(&b, r->zRemoteAddr);
  buf_puts(&b, " method=");
  buf_log(&b, r->zMethod);
  buf_puts(&b, " path=");
  buf_log(&b, r->zPath);
  buf_puts(&b, " route=");
  buf_log(&b, r->iRoute >= 0 ? aRoute[r->iRoute].zPattern : "-");
  buf_printf(&b, " status=%d bytes=%zu ms=%.3f db_ms=%.3f cache=%h\n", status, nBody,
             (double)durUs / 1e3, (double)dbNs / 1e6,
             r->bCacheHit ? "hit" : r->bCacheable ? "miss" : "-");
  fwrite(buf_str(&b), 1, b.n, stderr);
  buf_free(&b);
}

/* Sends r's response on the connection. */
enum MHD_Result http_send(struct MHD_Connection *conn, Req *r) {
  struct MHD_Response *resp;
  if (r->bSetCsrfCookie) auth_csrf_cookie(r);
  Buf gz = BUF_INIT;
  const Buf *body = &r->out;
  int status = r->status ? r->status : 200;
  char zEtag[24] = "";
  int bGzip = 0;

  int bWantGzip = r->zAcceptEncoding && strstr(r->zAcceptEncoding, "gzip");
  if (r->bCacheHit) {
    memcpy(zEtag, r->zCacheEtag, sizeof zEtag);
    bGzip = r->bCacheGzip;
  } else if (status == 200 && (r->method & (HTTP_GET | HTTP_HEAD))) {
    make_etag(&r->out, zEtag);
  }
  if (zEtag[0] && r->zIfNoneMatch && strstr(r->zIfNoneMatch, zEtag)) {
    status = 304;
    body = NULL;
  }
  if (!r->bCacheHit && body && body->n > 512 && is_compressible(r->zType) &&
      bWantGzip && gzip_body(body, &gz) == 0) {
    body = &gz;
    bGzip = 1;
  }
  if (r->bCacheable && !r->bCacheHit && status == 200 && r->status == 200 &&
      !r->bNoCache && !r->bSetCsrfCookie && !r->bUsedCsrf && !r->user &&
      r->nHdr == 0 && r->zType) {
    cache_put(r->zCacheKey, bGzip, r->cacheGen, r->zType, zEtag, r->zLastModified,
              body->z ? body->z : "",
              body->n);
  }
  if (body) {
    resp = MHD_create_response_from_buffer(body->n, body->z ? body->z : (void *)"",
                                           MHD_RESPMEM_MUST_COPY);
  } else {
    resp = MHD_create_response_from_buffer(0, (void *)"", MHD_RESPMEM_PERSISTENT);
  }
  if (!resp) { buf_free(&gz); return MHD_NO; }
  http_security_headers(resp, r->cfg);
  if (r->zType) MHD_add_response_header(resp, "Content-Type", r->zType);
  if (zEtag[0]) MHD_add_response_header(resp, "ETag", zEtag);
  if (r->zLastModified) MHD_add_response_header(resp, "Last-Modified", r->zLastModified);
  if (bGzip) MHD_add_response_header(resp, "Content-Encoding", "gzip");
  if (r->bCacheHit) MHD_add_response_header(resp, "X-Cache", "hit");
  MHD_add_response_header(resp, "X-Request-Id", r->zRequestId);
  /* Public read endpoints of the API may be read from any web page (no
  ** credentials: a browser sends no cookie to a '*' origin). */
  /* A cache hit matched no route: only public GETs are cached. */
  int bPublicApi = r->iRoute >= 0 ? (aRoute[r->iRoute].flags & ROUTE_API) &&
                                        aRoute[r->iRoute].perm == PERM_PUBLIC
                                  : r->bCacheHit && !strncmp(r->zPath, "/api/", 5);
  if (bPublicApi && r->method != HTTP_POST)
    MHD_add_response_header(resp, "Access-Control-Allow-Origin", "*");
  if (is_compressible(r->zType)) MHD_add_response_header(resp, "Vary", "Accept-Encoding");
  int bPrivate = r->bNoCache || r->user || r->bSetCsrfCookie;
  int bHasCc = 0;
  for (int i = 0; i < r->nHdr; i++) {
    MHD_add_response_header(resp, r->aHdr[i].zName, r->aHdr[i].zValue);
    if (!strcasecmp(r->aHdr[i].zName, "Cache-Control")) bHasCc = 1;
  }
  if (!bHasCc)
    MHD_add_response_header(resp, "Cache-Control",
                            bPrivate ? "no-store" : "public, max-age=0, must-revalidate");
  enum MHD_Result ret = MHD_queue_response(conn, (unsigned)status, resp);
  MHD_destroy_response(resp);
  int64_t dur = now_us() - r->tStartUs;
  int64_t dbNs = r->store ? store_db_ns(r->store) - r->dbNsStart : 0;
  metrics_observe(r->iRoute, status, dur, r->bCacheHit, r->bCacheable, dbNs);
  access_log(r, status, body ? body->n : 0, dur, dbNs);
  buf_free(&gz);
  return ret;
}

