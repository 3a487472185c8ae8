/*
** server.c — libmicrohttpd glue and the request life cycle:
**
**   first call     allocate the Req, read headers, reject oversize bodies
**   upload calls   feed the POST processor (forms) or the raw body (JSON)
**   last call      dispatch(): session, route, method, permission, CSRF,
**                  handler; then send(): headers, ETag/304, gzip, log
**   completed      free the Req (MHD_OPTION_NOTIFY_COMPLETED)
**
** Each worker thread opens its own Store on first use (thread-local key)
** and closes it when the thread ends.
*/
#include "http/server.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <zlib.h>

#include "api/api.h"
#include "http/auth.h"
#include "http/cache.h"
#include "http/render.h"
#include "http/routes.h"
#include "web/pages.h"

static pthread_key_t storeKey;

static void store_key_free(void *p) { store_close(p); }

/* This thread's connection, opened on first use; NULL when it fails. */
static Store *thread_store(const ServerConfig *cfg) {
  Store *s = pthread_getspecific(storeKey);
  if (!s) {
    char *zErr = NULL;
    if (store_open(cfg->zDbPath, 0, &s, &zErr) != STORE_OK) {
      fprintf(stderr, "gongkai: %s\n", zErr ? zErr : "cannot open database");
      free(zErr);
      return NULL;
    }
    pthread_setspecific(storeKey, s);
  }
  return s;
}

static int64_t now_us(void) {
  struct timeval tv;
  gettimeofday(&tv, NULL);
  return (int64_t)tv.tv_sec * 1000000 + tv.tv_usec;
}

/* Adds a parameter (query or body) to the request. */
static ReqParam *param_add(Req *r, const char *zName, const char *zFilename,
                           const char *zType, int bFromBody) {
  ARENA_PUSH(&r->arena, r->aParam, r->nParam, r->nParamAlloc);
  ReqParam *p = &r->aParam[r->nParam++];
  memset(p, 0, sizeof *p);
  p->zName = arena_strdup(&r->arena, zName);
  p->zFilename = zFilename ? arena_strdup(&r->arena, zFilename) : NULL;
  p->zType = zType ? arena_strdup(&r->arena, zType) : NULL;
  p->zValue = arena_strdup(&r->arena, "");
  p->bFromBody = bFromBody;
  return p;
}

static enum MHD_Result query_iter(void *cls, enum MHD_ValueKind kind,
                                  const char *key, const char *value) {
  Req *r = cls;
  if (r->nParam >= 200) return MHD_NO;
  ReqParam *p = param_add(r, key, NULL, NULL, 0);
  p->zValue = arena_strdup(&r->arena, value ? value : "");
  p->nValue = strlen(p->zValue);
  return MHD_YES;
}

/* Per-connection state kept by MHD between handler calls. */
typedef struct Conn {
  Req r;
  struct MHD_PostProcessor *pp;
  size_t nBody;            /* body bytes seen so far */
  ReqParam *pLast;         /* param being appended to by the processor */
  Buf cur;                 /* value being accumulated */
} Conn;

static void flush_param(Conn *c) {
  if (!c->pLast) return;
  c->pLast->nValue = c->cur.n;
  c->pLast->zValue = arena_alloc(&c->r.arena, c->cur.n + 1);
  memcpy(c->pLast->zValue, buf_str(&c->cur), c->cur.n);
  c->pLast = NULL;
  buf_reset(&c->cur);
}

static enum MHD_Result post_iter(void *cls, enum MHD_ValueKind kind,
                                 const char *key, const char *filename,
                                 const char *content_type,
                                 const char *transfer_encoding,
                                 const char *data, uint64_t off, size_t size) {
  Conn *c = cls;
  if (off == 0 || !c->pLast || strcmp(c->pLast->zName, key)) {
    flush_param(c);
    if (c->r.nParam >= 400) return MHD_NO;
    c->pLast = param_add(&c->r, key, filename, filename ? content_type : NULL, 1);
  }
  buf_append(&c->cur, data, size);
  return MHD_YES;
}

static const char *hdr(struct MHD_Connection *conn, const char *zName) {
  return MHD_lookup_connection_value(conn, MHD_HEADER_KIND, zName);
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

/* Sends r's response on the connection. */
static enum MHD_Result send_response(struct MHD_Connection *conn, Req *r) {
  struct MHD_Response *resp;
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
  for (size_t i = 0; i < sizeof zSecurityHeaders / sizeof zSecurityHeaders[0]; i++)
    MHD_add_response_header(resp, zSecurityHeaders[i][0], zSecurityHeaders[i][1]);
  if (r->zType) MHD_add_response_header(resp, "Content-Type", r->zType);
  if (zEtag[0]) MHD_add_response_header(resp, "ETag", zEtag);
  if (r->zLastModified) MHD_add_response_header(resp, "Last-Modified", r->zLastModified);
  if (bGzip) MHD_add_response_header(resp, "Content-Encoding", "gzip");
  if (r->bCacheHit) MHD_add_response_header(resp, "X-Cache", "hit");
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
  fprintf(stderr, "%s %s %s %d %zu %lld.%03lldms\n", r->zRemoteAddr,
          r->zMethod, r->zPath, status, body ? body->n : (size_t)0,
          (long long)(dur / 1000), (long long)(dur % 1000));
  buf_free(&gz);
  return ret;
}

/* Dispatches a complete request: the route table and its checks. */
void http_dispatch(Req *r, const char *zCookies) {
  int bMismatch;
  r->bApi = !strncmp(r->zPath, "/api/", 5);
  r->zCookies = zCookies;
  auth_load(r, zCookies);
  const Route *rt = route_match(r, r->zPath, &bMismatch);
  if (!rt) {
    if (bMismatch) {
      req_header(r, "Allow", "GET, HEAD, POST");
      http_error(r, 405, "不支持该请求方法");
    } else {
      http_error(r, 404, "页面不存在，请检查网址是否正确");
    }
    return;
  }
  r->bApi = (rt->flags & ROUTE_API) != 0;
  if (r->tokenId && !r->bApi) {
    http_error(r, 401, "接口令牌只能用于 /api/ 接口");
    return;
  }
  if (r->bBodyTooLarge) {
    http_error(r, 413, "提交的内容超过大小限制");
    return;
  }
  if (rt->perm != PERM_PUBLIC && !r->user) {
    if (r->bApi || r->method == HTTP_POST) {
      http_error(r, 401, "请先登录");
    } else {
      req_redirect(r, req_fmt(r, "/login?next=%u", r->zPath));
    }
    return;
  }
  if (!req_can(r, rt->perm, 0)) {
    http_error(r, 403, "您没有权限访问此页面");
    return;
  }
  if (r->method == HTTP_POST && !r->tokenId) { /* a token is no cookie */
    const char *zWhy = auth_check_post(r);
    if (zWhy) {
      http_error(r, 403, zWhy);
      return;
    }
  }
  rt->xHandler(r);
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn,
                                  const char *url, const char *method,
                                  const char *version, const char *upload_data,
                                  size_t *upload_data_size, void **con_cls) {
  const ServerConfig *cfg = cls;
  Conn *c = *con_cls;
  if (!c) {
    c = xmalloc(sizeof *c);
    memset(c, 0, sizeof *c);
    *con_cls = c;
    Req *r = &c->r;
    r->tStartUs = now_us();
    r->cfg = cfg;
    r->zMethod = arena_strdup(&r->arena, method);
    r->zPath = arena_strdup(&r->arena, url);
    r->method = !strcmp(method, "GET") ? HTTP_GET
              : !strcmp(method, "HEAD") ? HTTP_HEAD
              : !strcmp(method, "POST") ? HTTP_POST : 0;
    const union MHD_ConnectionInfo *ci =
        MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    char zAddr[INET6_ADDRSTRLEN] = "?";
    if (ci && ci->client_addr) {
      const struct sockaddr *sa = ci->client_addr;
      if (sa->sa_family == AF_INET)
        inet_ntop(AF_INET, &((const struct sockaddr_in *)sa)->sin_addr, zAddr, sizeof zAddr);
      else if (sa->sa_family == AF_INET6)
        inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)sa)->sin6_addr, zAddr, sizeof zAddr);
    }
    r->zRemoteAddr = arena_strdup(&r->arena, zAddr);
    r->zHost = hdr(conn, "Host");
    r->zOrigin = hdr(conn, "Origin");
    r->zReferer = hdr(conn, "Referer");
    r->zAccept = hdr(conn, "Accept");
    r->zIfNoneMatch = hdr(conn, "If-None-Match");
    r->zAcceptEncoding = hdr(conn, "Accept-Encoding");
    r->zContentType = hdr(conn, "Content-Type");
    r->zCsrfHeader = hdr(conn, "X-CSRF-Token");
    r->zAuthorization = hdr(conn, "Authorization");
    MHD_get_connection_values(conn, MHD_GET_ARGUMENT_KIND, query_iter, r);
    const char *zLen = hdr(conn, "Content-Length");
    if (zLen && strtoull(zLen, NULL, 10) > cfg->nMaxBody) r->bBodyTooLarge = 1;
    if (r->method == HTTP_POST && !r->bBodyTooLarge && r->zContentType &&
        (!strncasecmp(r->zContentType, "application/x-www-form-urlencoded", 33) ||
         !strncasecmp(r->zContentType, "multipart/form-data", 19))) {
      c->pp = MHD_create_post_processor(conn, 64 * 1024, post_iter, c);
    }
    return MHD_YES;
  }
  Req *r = &c->r;
  if (*upload_data_size) {
    c->nBody += *upload_data_size;
    if (c->nBody > cfg->nMaxBody) r->bBodyTooLarge = 1;
    if (!r->bBodyTooLarge) {
      if (c->pp) {
        if (MHD_post_process(c->pp, upload_data, *upload_data_size) != MHD_YES)
          r->bBodyTooLarge = r->bBodyTooLarge; /* malformed: keep what parsed */
      } else {
        buf_append(&r->body, upload_data, *upload_data_size);
      }
    }
    *upload_data_size = 0;
    return MHD_YES;
  }
  flush_param(c);
  r->store = thread_store(cfg);
  r->status = 200;
  r->zType = "text/html; charset=utf-8";
  if (!r->store) {
    http_error(r, 500, "服务器无法打开数据库");
  } else if (!r->method) {
    req_header(r, "Allow", "GET, HEAD, POST");
    http_error(r, 405, "不支持该请求方法");
  } else {
    const char *zCookies = hdr(conn, "Cookie");
    if (store_take_changed(r->store)) cache_bump();
    r->cacheGen = cache_generation();
    /* The cache key is the path plus every query parameter, in order. */
    Buf key = BUF_INIT;
    buf_puts(&key, r->zPath);
    for (int i = 0; i < r->nParam; i++) {
      buf_putc(&key, i ? '&' : '?');
      buf_url(&key, r->aParam[i].zName);
      buf_putc(&key, '=');
      buf_url(&key, r->aParam[i].zValue);
    }
    r->zCacheKey = arena_strndup(&r->arena, buf_str(&key), key.n);
    buf_free(&key);
    r->bCacheable = (r->method & (HTTP_GET | HTTP_HEAD)) &&
                    !(zCookies && strstr(zCookies, AUTH_SESSION_COOKIE "="));
    CacheHit hit;
    int bGz = r->zAcceptEncoding && strstr(r->zAcceptEncoding, "gzip") != NULL;
    /* Entries under the gzip key are always compressed bodies. */
    if (r->bCacheable && cache_get(r->zCacheKey, bGz, r->cacheGen, &hit)) {
      buf_reset(&r->out);
      buf_append(&r->out, hit.pBody, hit.nBody);
      free(hit.pBody);
      r->zType = arena_strdup(&r->arena, hit.zType);
      if (hit.zLastModified[0])
        r->zLastModified = arena_strdup(&r->arena, hit.zLastModified);
      memcpy(r->zCacheEtag, hit.zEtag, sizeof r->zCacheEtag);
      r->bCacheHit = 1;
      r->bCacheGzip = bGz;
      return send_response(conn, r);
    }
    http_dispatch(r, zCookies);
    /* Writes made by this request invalidate cached pages before the
    ** response goes out. */
    if (store_take_changed(r->store)) cache_bump();
    if (r->store) {
      /* A handler that forgot to finish its transaction must not leak it
      ** into the next request on this thread. */
      store_rollback_all(r->store);
    }
  }
  if (r->bSetCsrfCookie) auth_csrf_cookie(r);
  if (r->method == HTTP_HEAD) {
    /* Same headers as GET; MHD sends no body for HEAD. */
  }
  return send_response(conn, r);
}

static void on_completed(void *cls, struct MHD_Connection *conn,
                         void **con_cls, enum MHD_RequestTerminationCode toe) {
  Conn *c = *con_cls;
  if (!c) return;
  if (c->pp) MHD_destroy_post_processor(c->pp);
  buf_free(&c->cur);
  buf_free(&c->r.body);
  buf_free(&c->r.out);
  arena_free(&c->r.arena);
  free(c);
  *con_cls = NULL;
}

static void mhd_log(void *cls, const char *fmt, va_list ap) {
  fputs("gongkai: http: ", stderr);
  vfprintf(stderr, fmt, ap);
}

int server_run(const ServerConfig *cfg) {
  struct sockaddr_in sa;
  char zHost[64];
  const char *zColon = strrchr(cfg->zListen, ':');
  memset(&sa, 0, sizeof sa);
  sa.sin_family = AF_INET;
  if (!zColon || (size_t)(zColon - cfg->zListen) >= sizeof zHost) {
    fprintf(stderr, "gongkai serve: --listen wants HOST:PORT, got '%s'\n", cfg->zListen);
    return 1;
  }
  memcpy(zHost, cfg->zListen, (size_t)(zColon - cfg->zListen));
  zHost[zColon - cfg->zListen] = 0;
  int port = atoi(zColon + 1);
  if (port < 0 || port > 65535 || inet_pton(AF_INET, zHost, &sa.sin_addr) != 1) {
    fprintf(stderr, "gongkai serve: bad listen address '%s'\n", cfg->zListen);
    return 1;
  }
  sa.sin_port = htons((uint16_t)port);

  /* Signals are taken synchronously by this thread; workers block them. */
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, NULL);
  signal(SIGPIPE, SIG_IGN);
  pthread_key_create(&storeKey, store_key_free);

  struct MHD_OptionItem aOpt[] = {
    {MHD_OPTION_EXTERNAL_LOGGER, (intptr_t)mhd_log, NULL},
    {MHD_OPTION_SOCK_ADDR, 0, &sa},
    {MHD_OPTION_THREAD_POOL_SIZE, (intptr_t)cfg->nThreads, NULL},
    {MHD_OPTION_CONNECTION_TIMEOUT, 30, NULL},
    {MHD_OPTION_CONNECTION_LIMIT, 1000, NULL},
    {MHD_OPTION_PER_IP_CONNECTION_LIMIT, 256, NULL},
    {MHD_OPTION_CONNECTION_MEMORY_LIMIT, 128 * 1024, NULL},
    {MHD_OPTION_LISTEN_BACKLOG_SIZE, 1024, NULL},
    {MHD_OPTION_NOTIFY_COMPLETED, (intptr_t)on_completed, NULL},
    {MHD_OPTION_STRICT_FOR_CLIENT, 1, NULL},
    {MHD_OPTION_END, 0, NULL},
  };
  struct MHD_Daemon *d = MHD_start_daemon(
      MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ERROR_LOG |
          MHD_USE_TURBO,
      (uint16_t)port, NULL, NULL, on_request, (void *)cfg, MHD_OPTION_ARRAY,
      aOpt, MHD_OPTION_END);
  if (!d) {
    fprintf(stderr, "gongkai serve: cannot listen on %s (in use?)\n", cfg->zListen);
    return 1;
  }
  const union MHD_DaemonInfo *di = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
  fprintf(stderr, "gongkai: serving http://%s:%u/ with %d threads\n", zHost,
          di ? di->port : (unsigned)port, cfg->nThreads);
  int sig = 0;
  sigwait(&set, &sig);
  fprintf(stderr, "gongkai: signal %d, stopping\n", sig);
  MHD_stop_daemon(d);
  fprintf(stderr, "gongkai: stopped\n");
  return 0;
}
