/*
** fuzz_http_query.c — URLs through the real server: the JSON API's inputs
** (query parameters of the /api/v1 routes: filters, paging, search syntax; path
** captures such as ids, years and organisation slugs) and the public
** pages that take the same kinds of input (listings, search, feeds, CSV).
** The API reads no request bodies (every /api/v1 route is GET), so its
** "input decoders" are these query and path decoders.
**
** Input: byte 0 picks the route prefix; the rest, up to the first '?', is
** appended to the path, the rest after it is the query string.  Bytes
** other than [A-Za-z0-9/&=._-] are percent-encoded, so MHD hands the
** decoded bytes (NUL, control characters, bad UTF-8 included) to gongkai.
** Every request must get an answer other than 500, and JSON answers of
** the API must be JSON.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "server.h"
#include "util.h"

static const char *const azPrefix[] = {
    "/api/v1/search",        "/api/v1/documents",    "/api/v1/documents/",
    "/api/v1/catalogue",     "/api/v1/messages",     "/api/v1/reports/",
    "/api/v1/ledger",        "/api/v1/orgs",         "/search",
    "/o/znwsj/docs/page/",   "/o/",                  "/o/znwsj/d/",
    "/o/znwsj/year/",        "/o/znwsj/items/",      "/o/znwsj/documents.csv",
    "/o/znwsj/catalogue/export", "/o/znwsj/reports/", "/o/znwsj/art20/",
    "/sitemap.xml",          "/o/znwsj/feed.atom",   "/track",
};
#define N_PREFIX (int)(sizeof azPrefix / sizeof azPrefix[0])

static void put_encoded(Buf *b, const uint8_t *p, size_t n, int bQuery) {
  static const char zHex[] = "0123456789ABCDEF";
  for (size_t i = 0; i < n; i++) {
    unsigned c = p[i];
    int bKeep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-' ||
                (!bQuery && c == '/') || (bQuery && (c == '&' || c == '='));
    if (bKeep) {
      buf_putc(b, (char)c);
    } else {
      buf_putc(b, '%');
      buf_putc(b, zHex[c >> 4]);
      buf_putc(b, zHex[c & 15]);
    }
  }
}

/* The server over a demo database, started once before the first input:
** libFuzzer's -timeout does not count this (init + demo take seconds on a
** loaded machine, which made the first input a false timeout). */
int LLVMFuzzerInitialize(int *pArgc, char ***pArgv) {
  (void)pArgc;
  (void)pArgv;
  fuzz_server_start();
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *p, size_t n) {
  if (n < 1 || n > 4096) return 0;
  const char *zPrefix = azPrefix[p[0] % N_PREFIX];
  const uint8_t *q = memchr(p + 1, '?', n - 1);
  size_t nPath = q ? (size_t)(q - p - 1) : n - 1;
  Buf req = BUF_INIT;
  buf_printf(&req, "GET %s", zPrefix);
  put_encoded(&req, p + 1, nPath, 0);
  if (q) {
    buf_putc(&req, '?');
    put_encoded(&req, q + 1, n - 1 - nPath - 1, 1);
  }
  buf_printf(&req, " HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", fuzz_server_host());
  Buf resp = BUF_INIT;
  int status = fuzz_http(req.z, req.n, &resp);
  if (status == 0) { /* a connection-level hiccup is retried once */
    buf_reset(&resp);
    status = fuzz_http(req.z, req.n, &resp);
  }
  if (status < 200 || status >= 600 || status == 500) {
    fprintf(stderr, "fuzz: status %d, answer:\n%.2000s\n", status, buf_str(&resp));
    abort();
  }
  /* An API answer is JSON: the body starts with { or [. */
  const char *zBody = resp.n ? strstr(buf_str(&resp), "\r\n\r\n") : NULL;
  if (!strncmp(zPrefix, "/api/", 5) && status != 304 && zBody &&
      strstr(buf_str(&resp), "application/json") && zBody[4] != '{' && zBody[4] != '[')
    abort();
  buf_free(&req);
  buf_free(&resp);
  return 0;
}
