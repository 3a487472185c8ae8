/*
** server.c — libmicrohttpd glue and the request life cycle:
**
**   connection     conn_guard.c: per-address cap (accept policy), the
**                  whole-request deadline (watchdog)
**   first call     allocate the Req, read headers and the client address
**                  (trusted proxies); for a POST decide everything the
**                  headers allow before the body: route, session,
**                  permission, the route's body limit and its reservation
**                  of the memory budget — refusals are answered at once
**   upload calls   intake.c: the POST processor (forms, files to temporary
**                  files) or the raw body
**   last call      dispatch(): route, method, permission, CSRF, handler;
**                  then respond.c: headers, ETag/304, gzip, log
**                  — a POST that checks a password (ROUTE_HASHES) runs on
**                  an offload thread while its connection is suspended,
**                  and is sent when resumed (offload.h)
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
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include "api/api.h"
#include "http/auth.h"
#include "http/body.h"
#include "http/cache.h"
#include "http/conn_guard.h"
#include "http/form_once.h"
#include "http/intake.h"
#include "http/render.h"
#include "http/metrics.h"
#include "http/mhd_pages.h"
#include "http/offload.h"
#include "http/respond.h"
#include "http/routes.h"
#include "web/applications.h"
#include "web/pages.h"
#include "lib/crypto.h"

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

static const char *hdr(struct MHD_Connection *conn, const char *zName) {
  return MHD_lookup_connection_value(conn, MHD_HEADER_KIND, zName);
}

/* A request id: a random prefix drawn once per process and a counter, as
** 16 hex digits (unique within a process, unlikely to repeat across them). */
static char zIdPrefix[9];
static pthread_once_t idOnce = PTHREAD_ONCE_INIT;
static void id_prefix_init(void) { crypto_random_hex(zIdPrefix, 4); }

static void request_id(char z[20]) {
  static atomic_uint_fast64_t n;
  pthread_once(&idOnce, id_prefix_init);
  uint64_t k = atomic_fetch_add_explicit(&n, 1, memory_order_relaxed);
  snprintf(z, 20, "%.8s%08x", zIdPrefix, (unsigned)(k & 0xffffffffu));
}

/* The route table's checks that need no body: route (404/405), body
** size (413), sign-in (401 or the login page) and permission (403).
** Returns the route, or NULL with the error response set. */
static const Route *dispatch_checks(Req *r) {
  int bMismatch;
  r->bApi = !strncmp(r->zPath, "/api/", 5);
  const Route *rt = route_match(r, r->zPath, &bMismatch);
  r->iRoute = rt ? (int)(rt - aRoute) : -1;
  if (!rt) {
    if (bMismatch) {
      req_header(r, "Allow", "GET, HEAD, POST");
      http_error(r, 405, "不支持该请求方法");
    } else {
      http_error(r, 404, "页面不存在，请检查网址是否正确");
    }
    return NULL;
  }
  r->bApi = (rt->flags & ROUTE_API) != 0;
  if (r->tokenId && !r->bApi) {
    http_error(r, 401, "接口令牌只能用于 /api/ 接口");
    return NULL;
  }
  if (r->bBodyTooLarge) {
    http_error(r, 413, "提交的内容超过大小限制");
    return NULL;
  }
  if (rt->perm != PERM_PUBLIC && !r->user) {
    if (r->bApi) {
      http_error(r, 401, "请先登录");
    } else if (r->method == HTTP_POST) {
      page_login_needed(r);
    } else {
      req_redirect(r, req_fmt(r, "/login?next=%u", r->zPath));
    }
    return NULL;
  }
  if (!req_can(r, rt->perm, 0)) {
    http_error(r, 403, "您没有权限访问此页面");
    return NULL;
  }
  if ((rt->flags & ROUTE_SYSTEM) && !req_is_system_admin(r)) {
    http_error(r, 403, "只有本系统最上级单位的系统管理员可以修改全系统设置");
    return NULL;
  }
  return rt;
}

/* Dispatches a complete request: the route table and its checks. */
void http_dispatch(Req *r, const char *zCookies) {
  if (!r->bAuthLoaded) auth_load(r, zCookies);
  r->bAuthLoaded = 1;
  const Route *rt = dispatch_checks(r);
  if (!rt) return;
  if (r->method == HTTP_POST && !r->tokenId) { /* a token is no cookie */
    const char *zWhy = auth_check_post(r);
    if (zWhy) {
      http_error(r, 403, zWhy);
      return;
    }
  }
  /* The one text check of the request (docs/security.md), before any
  ** handler and before a form's single-use token is claimed. */
  const char *zBad = req_check_input(r);
  if (zBad) {
    http_error(r, 400, zBad);
    return;
  }
  if (r->method == HTTP_POST && !(rt->flags & (ROUTE_API | ROUTE_LOOKUP))) {
    if (form_once_claim(r)) return;
    rt->xHandler(r);
    form_once_finish(r);
    return;
  }
  rt->xHandler(r);
}

/* Body limits by kind of route (docs/security.md, "HTTP limits").  The
** limit is decided from the route and the signed-in user before a byte of
** the body is read; --max-body-mb caps them all. */
#define BODY_SMALL ((size_t)64 << 10)           /* sign-in, tracking */
#define BODY_PUBLIC_FORM ((size_t)256 << 10)    /* other public forms */
#define BODY_STAFF_FORM ((size_t)2 << 20)       /* staff forms (long texts) */
#define BODY_FIELDS_WITH_FILES ((size_t)1 << 20) /* non-file fields of an upload */

static size_t route_body_limit(const Route *rt, const ServerConfig *cfg) {
  size_t n = rt->flags & ROUTE_SMALL_BODY    ? BODY_SMALL
           : rt->flags & ROUTE_UPLOAD        ? cfg->nMaxBody
           : rt->flags & ROUTE_PUBLIC_FILE   ? APP_MAX_ATTACHMENT + BODY_FIELDS_WITH_FILES
           : rt->perm == PERM_PUBLIC         ? BODY_PUBLIC_FORM
                                             : BODY_STAFF_FORM;
  return n < cfg->nMaxBody ? n : cfg->nMaxBody;
}

/* Bytes of the body that will be held in memory, at most. */
static size_t route_body_memory(const Route *rt, size_t nLimit) {
  if (rt->flags & (ROUTE_UPLOAD | ROUTE_PUBLIC_FILE))
    return nLimit < BODY_FIELDS_WITH_FILES ? nLimit : BODY_FIELDS_WITH_FILES;
  return nLimit;
}

/* First call of a POST: everything that can be decided from the headers
** alone, before the body is read: the route, the session and permission,
** the route's body limit and its reservation of the memory budget.
** Returns 0 to read the body, or 1 when r holds the early answer. */
static int post_precheck(Conn *c, const char *zCookies, size_t nLen, int bLen) {
  Req *r = &c->r;
  r->store = thread_store(r->cfg);
  r->dbNsStart = store_db_ns(r->store);
  if (!r->store) {
    http_error(r, 500, "服务器无法打开数据库");
    return 1;
  }
  r->status = 200;
  r->zType = "text/html; charset=utf-8";
  auth_load(r, zCookies);
  r->bAuthLoaded = 1;
  const Route *rt = dispatch_checks(r);
  if (!rt) return 1;
  c->nLimit = route_body_limit(rt, r->cfg);
  if (bLen && nLen > c->nLimit) {
    /* Read and drop the body (bounded by the request deadline) so that
    ** the client sees the 413 and its message. */
    r->bBodyTooLarge = 1;
    return 0;
  }
  size_t nMem = route_body_memory(rt, c->nLimit);
  if (bLen && nLen < nMem) nMem = nLen;
  if (!bLen) nMem = 0;   /* chunked: reserved as it arrives */
  if (body_mem_take(nMem)) {
    req_header(r, "Retry-After", "10");
    http_error(r, 503, "服务器繁忙，请稍后重试");
    return 1;
  }
  c->nMem = nMem;
  return 0;
}

/* The scheme the browser used, for the same-origin check: a trusted
** proxy's X-Forwarded-Proto (it terminates TLS; gongkai itself speaks
** plain HTTP), else http.  From any other peer the header is ignored. */
static const char *request_scheme(struct MHD_Connection *conn,
                                  const ServerConfig *cfg, const IpAddr *peer) {
  const char *zProto = hdr(conn, "X-Forwarded-Proto");
  if (zProto && ip_in_nets(peer, cfg->aTrustedProxy, cfg->nTrustedProxy)) {
    if (!strcasecmp(zProto, "https")) return "https";
  }
  return "http";
}

/* The client's address: the TCP peer, or behind a trusted proxy the
** address it forwarded (lib/ipaddr.c ip_client).  A forwarded client is
** registered with the guard for its in-flight request cap. */
static const char *client_addr(Conn *c, struct MHD_Connection *conn,
                               const ServerConfig *cfg) {
  const union MHD_ConnectionInfo *ci =
      MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
  IpAddr peer;
  memset(&peer, 0, sizeof peer);
  if (ci && ci->client_addr) guard_sockaddr_ip(ci->client_addr, &peer);
  IpAddr cl = ip_client(&peer, hdr(conn, "X-Forwarded-For"), hdr(conn, "X-Real-IP"),
                        cfg->aTrustedProxy, cfg->nTrustedProxy);
  if (memcmp(&cl, &peer, sizeof cl) && !guard_client_admit(c->guard, &cl))
    c->bTooMany = 1;
  c->r.zScheme = request_scheme(conn, cfg, &peer);
  char z[INET6_ADDRSTRLEN + 8];
  ip_limit_key(&cl, z, sizeof z);
  c->r.zLimitKey = arena_strdup(&c->r.arena, z);
  ip_format(&cl, z, sizeof z);
  return arena_strdup(&c->r.arena, z);
}

/* The framing headers of a request, seen on the first call. */
typedef struct Framing {
  int nTe;                 /* Transfer-Encoding headers */
  int bTeOther;            /* one that is not exactly "chunked" */
  int nLen;                /* Content-Length headers */
  int bLenDiffer;          /* two Content-Length headers disagree */
  const char *zLen;        /* the first Content-Length */
} Framing;

static enum MHD_Result framing_iter(void *cls, enum MHD_ValueKind kind,
                                    const char *zKey, const char *zValue) {
  Framing *f = cls;
  (void)kind;
  if (!strcasecmp(zKey, "Transfer-Encoding")) {
    f->nTe++;
    if (!zValue || strcasecmp(zValue, "chunked")) f->bTeOther = 1;
  }
  if (strcasecmp(zKey, "Content-Length")) return MHD_YES;
  if (f->nLen++ && strcmp(f->zLen, zValue ? zValue : "")) f->bLenDiffer = 1;
  if (!f->zLen) f->zLen = zValue ? zValue : "";
  return MHD_YES;
}

/* 1 when the request's length is said two ways or in a way this server
** does not read (RFC 9112 6.1, 6.3): Content-Length beside
** Transfer-Encoding, two different Content-Lengths, or a
** Transfer-Encoding other than one "chunked" (identity, gzip, "gzip,
** chunked": libmicrohttpd then waited for a body it could not frame until
** the request deadline).  libmicrohttpd reads a doubly framed body one way
** (the first length, or the chunks) and keeps the connection; a proxy in
** front may read it the other way, and the rest of the body becomes a
** second, smuggled request.  Such a request is refused and its connection
** closed. */
static int framing_conflict(struct MHD_Connection *conn) {
  Framing f = {0, 0, 0, 0, NULL};
  MHD_get_connection_values(conn, MHD_HEADER_KIND, framing_iter, &f);
  return (f.nTe && f.nLen) || f.nTe > 1 || f.bTeOther || f.bLenDiffer;
}

/* First call: the Req from the request line and headers. */
static void conn_start(Conn *c, struct MHD_Connection *conn, const ServerConfig *cfg,
                       const char *url, const char *method) {
  Req *r = &c->r;
  c->iFile = -1;
  r->tStartUs = now_us();
  r->cfg = cfg;
  r->iRoute = -1;
  request_id(r->zRequestId);
  r->zMethod = arena_strdup(&r->arena, method);
  r->zPath = arena_strdup(&r->arena, url);
  r->method = !strcmp(method, "GET") ? HTTP_GET
            : !strcmp(method, "HEAD") ? HTTP_HEAD
            : !strcmp(method, "POST") ? HTTP_POST : 0;
  r->zRemoteAddr = client_addr(c, conn, cfg);
  r->zHost = hdr(conn, "Host");
  r->zOrigin = hdr(conn, "Origin");
  r->zReferer = hdr(conn, "Referer");
  r->zAccept = hdr(conn, "Accept");
  r->zIfNoneMatch = hdr(conn, "If-None-Match");
  r->zAcceptEncoding = hdr(conn, "Accept-Encoding");
  r->zContentType = hdr(conn, "Content-Type");
  r->zCsrfHeader = hdr(conn, "X-CSRF-Token");
  r->zAuthorization = hdr(conn, "Authorization");
  MHD_get_connection_values_n(conn, MHD_GET_ARGUMENT_KIND, intake_query_iter, r);
}

/* First call of a POST: limit, reservation, post processor.  MHD_YES to
** read the body, or the result of queueing the early answer. */
static enum MHD_Result post_start(Conn *c, struct MHD_Connection *conn) {
  Req *r = &c->r;
  const char *zLen = hdr(conn, "Content-Length");
  char *zEnd = NULL;
  unsigned long long nLen = zLen ? strtoull(zLen, &zEnd, 10) : 0;
  if (post_precheck(c, hdr(conn, "Cookie"), (size_t)nLen, zLen != NULL)) {
    c->bAnswered = 1;
    return http_send(conn, r);
  }
  if (!r->bBodyTooLarge) intake_begin_form(c, conn);
  return MHD_YES;
}



/* The cache key is the path plus every query parameter, in order. */
static const char *cache_key(Req *r) {
  Buf key = BUF_INIT;
  buf_puts(&key, r->zPath);
  for (int i = 0; i < r->nParam; i++) {
    buf_putc(&key, i ? '&' : '?');
    buf_url(&key, r->aParam[i].zName);
    buf_putc(&key, '=');
    buf_url(&key, r->aParam[i].zValue);
  }
  const char *z = arena_strndup(&r->arena, buf_str(&key), key.n);
  buf_free(&key);
  return z;
}

/* The route (handler) for a complete request, on r->store; the response
** stays in r for http_send. */
static void answer_route(Req *r, const char *zCookies) {
  http_dispatch(r, zCookies);
  /* A handler that forgot to finish its transaction must not leak it
  ** into the next request on this thread. */
  store_rollback_all(r->store);
}

/* Offload thread: the request runs on this thread's own Store (never the
** worker's), then the worker is told to send the answer.  The connection
** may only be resumed once the worker has suspended it. */
static void offload_job(void *p) {
  Conn *c = p;
  Req *r = &c->r;
  r->store = thread_store(r->cfg);
  int64_t ns0 = r->store ? store_db_ns(r->store) : 0;
  if (r->store) answer_route(r, c->zCookies);
  else http_error(r, 500, "服务器无法打开数据库");
  c->offloadDbNs = r->store ? store_db_ns(r->store) - ns0 : 0;
  r->store = NULL;
  c->offload = 2;
  while (sem_wait(&c->suspended) != 0) {}
  sem_destroy(&c->suspended);
  MHD_resume_connection(c->conn);
}

/* A POST that checks a password: handed to an idle offload thread while
** the connection is suspended, so this worker keeps serving its other
** connections.  MHD_YES when handed over; -1 when no thread is idle (the
** request then runs here but may not hash: busy, 503). */
static int answer_offload(Conn *c, struct MHD_Connection *conn,
                          const char *zCookies) {
  c->conn = conn;
  c->zCookies = zCookies;
  c->offload = 1;
  sem_init(&c->suspended, 0, 0);
  if (offload_submit(offload_job, c)) {
    sem_destroy(&c->suspended);
    c->offload = 0;
    c->r.bNoHash = 1;
    return -1;
  }
  MHD_suspend_connection(conn);
  sem_post(&c->suspended);
  return MHD_YES;
}

/* The offloaded request's answer, sent from its worker once resumed. */
static enum MHD_Result answer_offloaded(Conn *c, struct MHD_Connection *conn,
                                        const ServerConfig *cfg) {
  Req *r = &c->r;
  c->offload = 0;
  r->store = thread_store(cfg);
  if (r->store) r->dbNsStart = store_db_ns(r->store) - c->offloadDbNs;
  return http_send(conn, r);
}

/* 1 when the request is a POST to a route that checks a password. */
static int hashes_password(Req *r) {
  int bMismatch;
  if (r->method != HTTP_POST) return 0;
  const Route *rt = route_match(r, r->zPath, &bMismatch);
  return rt && (rt->flags & ROUTE_HASHES);
}

/* A complete, well-formed request: the public cache, else the route. */
static enum MHD_Result answer(Conn *c, struct MHD_Connection *conn) {
  Req *r = &c->r;
  const char *zCookies = hdr(conn, "Cookie");
  /* Cached pages are valid for one public content generation, which the
  ** database keeps for every process (store_content_generation). */
  int64_t gen = 0;
  if (store_content_generation(r->store, &gen) != STORE_OK) gen = -1;
  r->cacheGen = (unsigned long long)gen;
  r->zCacheKey = cache_key(r);
  /* Only anonymous requests: one with credentials (a session cookie, an
  ** Authorization header) is judged by the route table every time, and
  ** never answered from or stored into the anonymous cache. */
  r->bCacheable = gen >= 0 && (r->method & (HTTP_GET | HTTP_HEAD)) &&
                  !r->zAuthorization &&
                  !(zCookies && (strstr(zCookies, AUTH_SESSION_COOKIE "=") ||
                                 strstr(zCookies, "gk_text=")));
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
    /* The route still decides per-route headers (CORS) and metrics. */
    int bMismatch;
    const Route *rt = route_match(r, r->zPath, &bMismatch);
    r->iRoute = rt ? (int)(rt - aRoute) : -1;
    return http_send(conn, r);
  }
  if (hashes_password(r)) {
    if (answer_offload(c, conn, zCookies) == MHD_YES) return MHD_YES;
  }
  answer_route(r, zCookies);
  return http_send(conn, r);
}

/* An answer decided from the request line and headers alone, sent before
** the body is read: status with message zMsg and one extra header. */
static enum MHD_Result answer_early(Conn *c, struct MHD_Connection *conn,
                                    const ServerConfig *cfg, int status,
                                    const char *zHdr, const char *zVal,
                                    const char *zMsg) {
  c->bAnswered = 1;
  c->r.status = 200;
  c->r.zType = "text/html; charset=utf-8";
  c->r.store = thread_store(cfg);
  c->r.dbNsStart = store_db_ns(c->r.store);
  req_header(&c->r, zHdr, zVal);
  http_error(&c->r, status, zMsg);
  return http_send(conn, &c->r);
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
    const union MHD_ConnectionInfo *gi =
        MHD_get_connection_info(conn, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
    c->guard = gi ? gi->socket_context : NULL;
    conn_start(c, conn, cfg, url, method);
    if (framing_conflict(conn))
      return answer_early(c, conn, cfg, 400, "Connection", "close",
                          "请求的长度信息相互矛盾或无法识别（Content-Length 与 Transfer-Encoding），已拒绝");
    if (c->bTooMany)
      return answer_early(c, conn, cfg, 429, "Retry-After", "10",
                          "来自同一地址的并发请求过多，请稍后再试");
    c->nLimit = BODY_SMALL;   /* GET/HEAD bodies are read and dropped */
    return c->r.method == HTTP_POST ? post_start(c, conn) : MHD_YES;
  }
  Req *r = &c->r;
  if (c->offload == 2) return answer_offloaded(c, conn, cfg);
  if (*upload_data_size) {
    if (!c->bAnswered) intake_piece(c, upload_data, *upload_data_size);
    *upload_data_size = 0;
    return MHD_YES;
  }
  guard_request_received(c->guard);
  if (c->bAnswered) return MHD_YES;
  intake_end(c);
  if (!r->store) {
    r->store = thread_store(cfg);
    r->dbNsStart = store_db_ns(r->store);
  }
  r->status = 200;
  r->zType = "text/html; charset=utf-8";
  if (c->zBad && !r->bBodyTooLarge) {
    r->bApi = !strncmp(r->zPath, "/api/", 5);
    if (c->badStatus == 503) req_header(r, "Retry-After", "10");
    http_error(r, c->badStatus, c->zBad);
  } else if (!r->store) {
    http_error(r, 500, "服务器无法打开数据库");
  } else if (!r->method) {
    req_header(r, "Allow", "GET, HEAD, POST");
    http_error(r, 405, "不支持该请求方法");
  } else {
    return answer(c, conn);
  }
  return http_send(conn, r);
}

static void on_completed(void *cls, struct MHD_Connection *conn,
                         void **con_cls, enum MHD_RequestTerminationCode toe) {
  Conn *c = *con_cls;
  if (!c) return;
  /* The next request on a kept-alive connection gets a fresh deadline. */
  guard_request_done(c->guard);
  intake_free(c);
  free(c);
  *con_cls = NULL;
}

static int hexval(char c) {
  return c >= '0' && c <= '9' ? c - '0'
       : c >= 'a' && c <= 'f' ? c - 'a' + 10
       : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* Percent-decoding of the path and query (MHD_OPTION_UNESCAPE_CALLBACK).
** MHD's own would turn %00 into a NUL that silently cuts the path or a
** key short; here it becomes U+0001, which req_check_input() refuses with
** a 400 like every other control character. */
static size_t unescape(void *cls, struct MHD_Connection *conn, char *s) {
  char *w = s;
  for (const char *r = s; *r;) {
    int hi, lo;
    if (r[0] == '%' && (hi = hexval(r[1])) >= 0 && (lo = hexval(r[2])) >= 0) {
      int v = hi * 16 + lo;
      *w++ = (char)(v ? v : 1);
      r += 3;
    } else {
      *w++ = *r++;
    }
  }
  *w = 0;
  return (size_t)(w - s);
}

static void mhd_log(void *cls, const char *fmt, va_list ap) {
  fputs("gongkai: http: ", stderr);
  vfprintf(stderr, fmt, ap);
}

/* Parses --listen: "HOST:PORT" with an IPv4 host, "[IPv6]:PORT", or
** "*:PORT" / ":PORT" / "[::]:PORT" for every address, IPv4 and IPv6 (dual
** stack).  Fills *pSa; *pbDual for the dual-stack socket.  0 or -1. */
static int listen_addr(const char *zListen, struct sockaddr_storage *pSa,
                       int *pbDual, int *pPort) {
  const char *zColon = strrchr(zListen, ':');
  char zHost[64];
  memset(pSa, 0, sizeof *pSa);
  *pbDual = 0;
  if (!zColon || (size_t)(zColon - zListen) >= sizeof zHost) return -1;
  memcpy(zHost, zListen, (size_t)(zColon - zListen));
  zHost[zColon - zListen] = 0;
  char *zEnd;
  long port = strtol(zColon + 1, &zEnd, 10);
  if (!zColon[1] || *zEnd || port < 0 || port > 65535) return -1;
  *pPort = (int)port;
  struct sockaddr_in *s4 = (struct sockaddr_in *)pSa;
  struct sockaddr_in6 *s6 = (struct sockaddr_in6 *)pSa;
  size_t n = strlen(zHost);
  if (!zHost[0] || !strcmp(zHost, "*") || !strcmp(zHost, "[::]")) {
    s6->sin6_family = AF_INET6;
    s6->sin6_addr = in6addr_any;
    s6->sin6_port = htons((uint16_t)port);
    *pbDual = 1;
    return 0;
  }
  if (n > 2 && zHost[0] == '[' && zHost[n - 1] == ']') {
    zHost[n - 1] = 0;
    s6->sin6_family = AF_INET6;
    s6->sin6_port = htons((uint16_t)port);
    return inet_pton(AF_INET6, zHost + 1, &s6->sin6_addr) == 1 ? 0 : -1;
  }
  s4->sin_family = AF_INET;
  s4->sin_port = htons((uint16_t)port);
  return inet_pton(AF_INET, zHost, &s4->sin_addr) == 1 ? 0 : -1;
}

/* Connections opened and closed: the deadline and per-address guard. */
static void on_connection(void *cls, struct MHD_Connection *conn,
                          void **socket_context,
                          enum MHD_ConnectionNotificationCode toe) {
  (void)cls;
  if (toe == MHD_CONNECTION_NOTIFY_STARTED) {
    const union MHD_ConnectionInfo *fi =
        MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CONNECTION_FD);
    const union MHD_ConnectionInfo *ai =
        MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    *socket_context = fi ? guard_open(fi->connect_fd, ai ? ai->client_addr : NULL) : NULL;
  } else if (toe == MHD_CONNECTION_NOTIFY_CLOSED) {
    guard_close(*socket_context);
    *socket_context = NULL;
  }
}

static enum MHD_Result on_accept(void *cls, const struct sockaddr *addr,
                                 socklen_t addrlen) {
  (void)cls;
  (void)addrlen;
  return guard_accept(addr) ? MHD_YES : MHD_NO;
}

int server_run(const ServerConfig *cfg) {
  struct sockaddr_storage sa;
  int bDual, port;
  if (listen_addr(cfg->zListen, &sa, &bDual, &port)) {
    fprintf(stderr, "gongkai serve: bad listen address '%s' (HOST:PORT, [IPv6]:PORT "
                    "or *:PORT)\n", cfg->zListen);
    return 1;
  }

  /* Signals are taken synchronously by this thread; workers block them. */
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, NULL);
  signal(SIGPIPE, SIG_IGN);
  pthread_key_create(&storeKey, store_key_free);
  body_mem_set_cap(cfg->nBodyMemory);
  if (guard_start(cfg->requestTimeout, cfg->perAddrConnections, cfg->aTrustedProxy,
                  cfg->nTrustedProxy)) {
    fputs("gongkai serve: cannot start the connection watchdog\n", stderr);
    return 1;
  }

  mhd_pages_init(cfg, thread_store);
  struct MHD_OptionItem aOpt[] = {
    {MHD_OPTION_EXTERNAL_LOGGER, (intptr_t)mhd_log, NULL},
    {MHD_OPTION_SOCK_ADDR, 0, &sa},
    {MHD_OPTION_THREAD_POOL_SIZE, (intptr_t)cfg->nThreads, NULL},
    {MHD_OPTION_CONNECTION_TIMEOUT, (intptr_t)cfg->requestTimeout, NULL},
    {MHD_OPTION_CONNECTION_LIMIT,
     (intptr_t)(cfg->maxConnections > 0 ? cfg->maxConnections : SERVER_MAX_CONNECTIONS),
     NULL},
    /* Headers must fit; MHD zeroes the whole pool after each request, so
    ** a larger pool costs every request (128 KiB: a third of the CPU of a
    ** cached page, bench/analysis.md). */
    {MHD_OPTION_CONNECTION_MEMORY_LIMIT, 32 * 1024, NULL},
    {MHD_OPTION_LISTEN_BACKLOG_SIZE, 1024, NULL},
    {MHD_OPTION_NOTIFY_COMPLETED, (intptr_t)on_completed, NULL},
    {MHD_OPTION_NOTIFY_CONNECTION, (intptr_t)on_connection, NULL},
    {MHD_OPTION_STRICT_FOR_CLIENT, 1, NULL},
    {MHD_OPTION_UNESCAPE_CALLBACK, (intptr_t)unescape, NULL},
    {MHD_OPTION_END, 0, NULL},
  };
  unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL |
                   MHD_USE_ERROR_LOG | MHD_USE_TURBO | MHD_ALLOW_SUSPEND_RESUME;
  if (sa.ss_family == AF_INET6) flags |= bDual ? MHD_USE_DUAL_STACK : MHD_USE_IPv6;
  /* Password checks run on their own threads (http/offload.h), as many
  ** as sign-ins may hash at once (auth.c); none: they run on the workers. */
  if (offload_start(AUTH_HASH_SLOTS))
    fputs("gongkai serve: no offload thread; sign-ins hash on the workers\n", stderr);
  struct MHD_Daemon *d = MHD_start_daemon(
      flags, (uint16_t)port, on_accept, NULL, on_request, (void *)cfg,
      MHD_OPTION_ARRAY, aOpt, MHD_OPTION_END);
  if (!d) {
    fprintf(stderr, "gongkai serve: cannot listen on %s (in use?)\n", cfg->zListen);
    offload_stop();
    guard_stop();
    return 1;
  }
  const union MHD_DaemonInfo *di = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
  char zHost[64];
  snprintf(zHost, sizeof zHost, "%.*s", (int)(strrchr(cfg->zListen, ':') - cfg->zListen),
           cfg->zListen);
  fprintf(stderr, "gongkai: serving http://%s:%u/ with %d threads\n", zHost,
          di ? di->port : (unsigned)port, cfg->nThreads);
  int sig = 0;
  sigwait(&set, &sig);
  fprintf(stderr, "gongkai: signal %d, stopping\n", sig);
  offload_stop();   /* running checks finish and resume their connections */
  MHD_stop_daemon(d);
  guard_stop();
  fprintf(stderr, "gongkai: stopped\n");
  return 0;
}
