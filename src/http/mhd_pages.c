/* mhd_pages.c — Chinese pages for libmicrohttpd's own refusals (see
** mhd_pages.h for why this file defines a libmicrohttpd function). */
#include "http/mhd_pages.h"

#include <dlfcn.h>
#include <microhttpd.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "http/respond.h"
#include "web/pages.h"

typedef struct MHD_Response *CreateFn(size_t, void *, enum MHD_ResponseMemoryMode);

static CreateFn *xReal;               /* libmicrohttpd's own function */
static void *pMhdBase;                /* where libmicrohttpd is loaded */
static pthread_once_t realOnce = PTHREAD_ONCE_INIT;
static const ServerConfig *pCfg;
static Store *(*xThreadStore)(const ServerConfig *);

static void real_init(void) {
  Dl_info info;
  xReal = (CreateFn *)dlsym(RTLD_NEXT, "MHD_create_response_from_buffer");
  if (xReal && dladdr((void *)xReal, &info)) pMhdBase = info.dli_fbase;
}

void mhd_pages_init(const ServerConfig *cfg, Store *(*xStore)(const ServerConfig *)) {
  pCfg = cfg;
  xThreadStore = xStore;
  pthread_once(&realOnce, real_init);
}

/* libmicrohttpd 0.9.75's fixed pages (connection.c), by a phrase of each,
** first match wins; the status chooses the Chinese page's title. */
static const struct {
  const char *zPhrase;
  int status;
  const char *zMsg;
} aPage[] = {
  {"header was too big", 431,
   "请求的网址或请求头过长，服务器无法处理。请检查网址，或清除浏览器保存的本站数据后"
   "从首页重新进入。"},
  {"chunked encoding was syntactically", 400,
   "提交内容的分段格式有误，服务器无法处理。请返回上一页重新提交。"},
  {"chunk size used", 413, "提交内容的分段过大，服务器无法接收。请返回上一页重新提交。"},
  {"too large value for", 413, "提交的内容过大，服务器无法接收。请返回上一页重新提交。"},
  {"wrong value for", 400, "请求声明的内容长度有误，服务器无法处理。请返回上一页重新提交。"},
  {"syntactically incorrect", 400,
   "请求的格式有误，服务器无法处理。请检查网址后重试，或从首页重新进入。"},
  {"HTTP version", 505, "本站不支持您的浏览器或程序所用的协议版本，请使用常用的浏览器访问。"},
  {"header required", 400,
   "请求不完整（没有注明所访问的网站），服务器无法处理。请使用常用的浏览器访问。"},
  {"Internal server error", 500, "服务器暂时无法处理该请求，请稍后重试。"},
};

/* 1 when z (n bytes) is one of libmicrohttpd's fixed pages (by its
** opening); then *pStatus is the status whose title the Chinese page
** carries and *pzMsg its Chinese message. */
static int mhd_page_message(const char *z, size_t n, int *pStatus, const char **pzMsg) {
  static const char zHead[] = "<html><head><title>";
  if (n < sizeof zHead - 1 || memcmp(z, zHead, sizeof zHead - 1)) return 0;
  *pStatus = 400;
  *pzMsg = "请求无法处理。请检查网址后重试，或从首页重新进入。";
  for (size_t i = 0; i < sizeof aPage / sizeof aPage[0]; i++)
    if (memmem(z, n, aPage[i].zPhrase, strlen(aPage[i].zPhrase))) {
      *pStatus = aPage[i].status;
      *pzMsg = aPage[i].zMsg;
      break;
    }
  return 1;
}

/* 1 when p points into libmicrohttpd's own image (its fixed strings). */
static int in_mhd(const void *p) {
  Dl_info info;
  return pMhdBase && dladdr(p, &info) && info.dli_fbase == pMhdBase;
}

/* The site's error page for one refusal, as a response of its own. */
static struct MHD_Response *chinese_page(int status, const char *zMsg) {
  Req r;
  memset(&r, 0, sizeof r);
  r.store = pCfg && xThreadStore ? xThreadStore(pCfg) : NULL;
  r.cfg = pCfg;
  r.method = HTTP_GET;
  r.zMethod = "GET";
  r.zPath = "/";
  r.zRemoteAddr = "-";
  r.zLimitKey = "-";
  snprintf(r.zRequestId, sizeof r.zRequestId, "mhd");
  http_error(&r, status, zMsg);
  struct MHD_Response *resp = xReal(r.out.n, r.out.z ? r.out.z : (void *)"",
                                    MHD_RESPMEM_MUST_COPY);
  if (resp) {
    http_security_headers(resp, pCfg);
    MHD_add_response_header(resp, "Content-Type", "text/html; charset=utf-8");
    MHD_add_response_header(resp, "Cache-Control", "no-store");
  }
  buf_free(&r.out);
  buf_free(&r.body);
  arena_free(&r.arena);
  return resp;
}

/* Replaces libmicrohttpd's function of the same name for the whole
** process: its own fixed pages become the site's Chinese pages; every
** other buffer (all of gongkai's responses) passes through unchanged. */
struct MHD_Response *MHD_create_response_from_buffer(size_t size, void *buffer,
                                                     enum MHD_ResponseMemoryMode mode) {
  pthread_once(&realOnce, real_init);
  if (!xReal) return NULL;
  int status;
  const char *zMsg;
  if (mode == MHD_RESPMEM_PERSISTENT && buffer &&
      mhd_page_message(buffer, size, &status, &zMsg) && in_mhd(buffer)) {
    struct MHD_Response *resp = chinese_page(status, zMsg);
    if (resp) return resp;
  }
  return xReal(size, buffer, mode);
}
