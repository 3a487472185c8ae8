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
#include <unistd.h>
#include <zlib.h>

#include "api/api.h"
#include "http/auth.h"
#include "http/body.h"
#include "http/cache.h"
#include "http/conn_guard.h"
#include "http/render.h"
#include "http/routes.h"
#include "web/applications.h"
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

/* An uploaded file streamed to an unlinked temporary file; mapped
** read-only into its parameter's zValue when the body is complete. */
typedef struct UpFile {
  int iParam;              /* index in r.aParam */
  int fd;
  size_t n;
  char *pMap;
} UpFile;

#define MAX_UPLOAD_FILES 8

/* Per-connection state kept by MHD between handler calls. */
typedef struct Conn {
  Req r;
  struct MHD_PostProcessor *pp;
  size_t nBody;            /* body bytes seen so far */
  size_t nLimit;           /* this route's body limit (decided up front) */
  size_t nMem;             /* bytes reserved from the memory budget */
  size_t nMemUsed;         /* bytes held in memory so far */
  ReqParam *pLast;         /* param being appended to by the processor */
  int iFile;               /* aFile index pLast streams into, or -1 */
  Buf cur;                 /* value being accumulated */
  MpScan mp;               /* multipart header scanner (body.c) */
  UpFile aFile[MAX_UPLOAD_FILES];
  int nFile;
  int bAnswered;           /* a response was queued before the body */
  GuardConn *guard;        /* the connection's deadline (conn_guard.c) */
  int badStatus;           /* refuse the request with this status… */
  const char *zBad;        /* …and this message, instead of dispatching */
} Conn;

static const char zBadForm[] = "提交的表单格式有误，请刷新页面后重新填写提交";
static const char zBadFileName[] =
    "表单分段头或上传文件的文件名含有不允许的字符（换行、控制字符），请改名后重新上传";

/* Marks the request to be refused; the first reason wins. */
static void conn_refuse(Conn *c, int status, const char *zWhy) {
  if (c->zBad) return;
  c->badStatus = status;
  c->zBad = zWhy;
}

/* 1 when z holds a C0 control character or DEL. */
static int has_ctl(const char *z) {
  for (; *z; z++)
    if ((unsigned char)*z < 0x20 || *z == 0x7f) return 1;
  return 0;
}

/* Accounts n more body bytes held in memory against the reservation made
** up front, taking more from the global budget when needed.  -1 (and a
** 503 refusal) when the budget is exhausted. */
static int mem_hold(Conn *c, size_t n) {
  c->nMemUsed += n;
  if (c->nMemUsed <= c->nMem) return 0;
  size_t more = c->nMemUsed - c->nMem;
  if (body_mem_take(more)) {
    c->nMemUsed -= n;
    conn_refuse(c, 503, "服务器繁忙，请稍后重试");
    return -1;
  }
  c->nMem += more;
  return 0;
}

/* Appends file bytes to the temporary file of the current file part. */
static int file_append(Conn *c, const char *data, size_t size) {
  UpFile *f = &c->aFile[c->iFile];
  if (size && body_write(f->fd, data, size)) {
    conn_refuse(c, 503, "服务器暂时无法保存上传的文件，请稍后重试");
    return -1;
  }
  f->n += size;
  return 0;
}

/* Starts a file part: a new temporary file for parameter iParam. */
static int file_start(Conn *c, int iParam) {
  if (c->nFile >= MAX_UPLOAD_FILES) {
    conn_refuse(c, 400, "一次上传的文件过多");
    return -1;
  }
  int fd = body_tmpfile();
  if (fd < 0) {
    conn_refuse(c, 503, "服务器暂时无法保存上传的文件，请稍后重试");
    return -1;
  }
  c->aFile[c->nFile] = (UpFile){iParam, fd, 0, NULL};
  c->iFile = c->nFile++;
  return 0;
}

/* Maps every uploaded file into its parameter (at the end of the body). */
static void files_map(Conn *c) {
  for (int i = 0; i < c->nFile; i++) {
    UpFile *f = &c->aFile[i];
    ReqParam *p = &c->r.aParam[f->iParam];
    f->pMap = body_map(f->fd, f->n);
    if (!f->pMap) {
      conn_refuse(c, 503, "服务器暂时无法读取上传的文件，请稍后重试");
      return;
    }
    p->zValue = f->pMap;
    p->nValue = f->n;
  }
}

static void files_free(Conn *c) {
  for (int i = 0; i < c->nFile; i++) {
    body_unmap(c->aFile[i].pMap, c->aFile[i].n);
    close(c->aFile[i].fd);
  }
  c->nFile = 0;
}

static void flush_param(Conn *c) {
  if (!c->pLast) return;
  if (c->iFile >= 0) {   /* a file: its bytes are in the temporary file */
    c->pLast = NULL;
    c->iFile = -1;
    return;
  }
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
  /* A part without a usable name (no Content-Disposition, "attachment",
  ** no headers, name=x unquoted) must never become a parameter. */
  if (!key || !key[0] || has_ctl(key)) {
    conn_refuse(c, 400, zBadForm);
    return MHD_NO;
  }
  if (filename && has_ctl(filename)) {
    conn_refuse(c, 400, zBadFileName);
    return MHD_NO;
  }
  if (off == 0 || !c->pLast || strcmp(c->pLast->zName, key)) {
    flush_param(c);
    if (c->r.nParam >= 400) {
      conn_refuse(c, 400, "表单字段过多");
      return MHD_NO;
    }
    c->pLast = param_add(&c->r, key, filename, filename ? content_type : NULL, 1);
    if (filename && file_start(c, c->r.nParam - 1)) return MHD_NO;
  }
  if (c->iFile >= 0) return file_append(c, data, size) ? MHD_NO : MHD_YES;
  if (mem_hold(c, size)) return MHD_NO;
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

/* The route table's checks that need no body: route (404/405), body
** size (413), sign-in (401 or the login page) and permission (403).
** Returns the route, or NULL with the error response set. */
static const Route *dispatch_checks(Req *r) {
  int bMismatch;
  r->bApi = !strncmp(r->zPath, "/api/", 5);
  const Route *rt = route_match(r, r->zPath, &bMismatch);
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
    if (r->bApi || r->method == HTTP_POST) {
      http_error(r, 401, "请先登录");
    } else {
      req_redirect(r, req_fmt(r, "/login?next=%u", r->zPath));
    }
    return NULL;
  }
  if (!req_can(r, rt->perm, 0)) {
    http_error(r, 403, "您没有权限访问此页面");
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

/* First call: the Req from the request line and headers. */
static void conn_start(Conn *c, struct MHD_Connection *conn, const ServerConfig *cfg,
                       const char *url, const char *method) {
  Req *r = &c->r;
  c->iFile = -1;
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
    return send_response(conn, r);
  }
  if (!r->bBodyTooLarge && r->zContentType &&
      (!strncasecmp(r->zContentType, "application/x-www-form-urlencoded", 33) ||
       !strncasecmp(r->zContentType, "multipart/form-data", 19))) {
    if (mpscan_init(&c->mp, r->zContentType)) conn_refuse(c, 400, zBadForm);
    else c->pp = MHD_create_post_processor(conn, 64 * 1024, post_iter, c);
    if (!c->pp) conn_refuse(c, 400, zBadForm);
  }
  return MHD_YES;
}

/* A piece of the body: checked against the limit, then parsed. */
static void body_piece(Conn *c, const char *p, size_t n) {
  Req *r = &c->r;
  c->nBody += n;
  if (c->nBody > c->nLimit) r->bBodyTooLarge = 1;
  if (r->bBodyTooLarge || c->zBad || r->method != HTTP_POST) return;
  if (c->pp) {
    if (mpscan_feed(&c->mp, p, n))
      conn_refuse(c, 400, zBadFileName);
    else if (MHD_post_process(c->pp, p, n) != MHD_YES)
      conn_refuse(c, 400, zBadForm);
  } else if (!mem_hold(c, n)) {
    buf_append(&r->body, p, n);
  }
}

/* The body is complete: finish the form, map the uploaded files. */
static void body_end(Conn *c) {
  Req *r = &c->r;
  flush_param(c);
  if (c->pp && !c->zBad && !r->bBodyTooLarge) {
    /* A body that ends inside a part (or before the closing delimiter) is
    ** refused: nothing of a half-received form is acted on. */
    int bDone = MHD_destroy_post_processor(c->pp) == MHD_YES;
    if (!bDone || !mpscan_complete(&c->mp)) conn_refuse(c, 400, zBadForm);
    c->pp = NULL;
  }
  if (!c->zBad && !r->bBodyTooLarge) files_map(c);
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

/* A complete, well-formed request: the public cache, else the route. */
static enum MHD_Result answer(Conn *c, struct MHD_Connection *conn) {
  Req *r = &c->r;
  const char *zCookies = hdr(conn, "Cookie");
  if (store_take_changed(r->store)) cache_bump();
  r->cacheGen = cache_generation();
  r->zCacheKey = cache_key(r);
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
  /* A handler that forgot to finish its transaction must not leak it
  ** into the next request on this thread. */
  store_rollback_all(r->store);
  return send_response(conn, r);
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
    conn_start(c, conn, cfg, url, method);
    const union MHD_ConnectionInfo *gi =
        MHD_get_connection_info(conn, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
    c->guard = gi ? gi->socket_context : NULL;
    c->nLimit = BODY_SMALL;   /* GET/HEAD bodies are read and dropped */
    return c->r.method == HTTP_POST ? post_start(c, conn) : MHD_YES;
  }
  Req *r = &c->r;
  if (*upload_data_size) {
    if (!c->bAnswered) body_piece(c, upload_data, *upload_data_size);
    *upload_data_size = 0;
    return MHD_YES;
  }
  guard_request_received(c->guard);
  if (c->bAnswered) return MHD_YES;
  body_end(c);
  if (!r->store) r->store = thread_store(cfg);
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
  return send_response(conn, r);
}

static void on_completed(void *cls, struct MHD_Connection *conn,
                         void **con_cls, enum MHD_RequestTerminationCode toe) {
  Conn *c = *con_cls;
  if (!c) return;
  /* The next request on a kept-alive connection gets a fresh deadline. */
  guard_request_done(c->guard);
  if (c->pp) MHD_destroy_post_processor(c->pp);
  files_free(c);
  body_mem_give(c->nMem);
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

  struct MHD_OptionItem aOpt[] = {
    {MHD_OPTION_EXTERNAL_LOGGER, (intptr_t)mhd_log, NULL},
    {MHD_OPTION_SOCK_ADDR, 0, &sa},
    {MHD_OPTION_THREAD_POOL_SIZE, (intptr_t)cfg->nThreads, NULL},
    {MHD_OPTION_CONNECTION_TIMEOUT, (intptr_t)cfg->requestTimeout, NULL},
    {MHD_OPTION_CONNECTION_LIMIT, 1000, NULL},
    {MHD_OPTION_CONNECTION_MEMORY_LIMIT, 128 * 1024, NULL},
    {MHD_OPTION_LISTEN_BACKLOG_SIZE, 1024, NULL},
    {MHD_OPTION_NOTIFY_COMPLETED, (intptr_t)on_completed, NULL},
    {MHD_OPTION_NOTIFY_CONNECTION, (intptr_t)on_connection, NULL},
    {MHD_OPTION_STRICT_FOR_CLIENT, 1, NULL},
    {MHD_OPTION_END, 0, NULL},
  };
  unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL |
                   MHD_USE_ERROR_LOG | MHD_USE_TURBO;
  if (sa.ss_family == AF_INET6) flags |= bDual ? MHD_USE_DUAL_STACK : MHD_USE_IPv6;
  struct MHD_Daemon *d = MHD_start_daemon(
      flags, (uint16_t)port, on_accept, NULL, on_request, (void *)cfg,
      MHD_OPTION_ARRAY, aOpt, MHD_OPTION_END);
  if (!d) {
    fprintf(stderr, "gongkai serve: cannot listen on %s (in use?)\n", cfg->zListen);
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
  MHD_stop_daemon(d);
  guard_stop();
  fprintf(stderr, "gongkai: stopped\n");
  return 0;
}
