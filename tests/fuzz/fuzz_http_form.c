/*
** fuzz_http_form.c — form and multipart bodies through the real server:
** libmicrohttpd's post processor, our parameter collection (http/server.c
** post_iter, http/req.c req_param/req_file), the same-origin and CSRF
** check, and the handlers of the public forms (sign-in, application,
** tracking, messages) and of the staff forms and uploads (catalogue
** import, report check, new document, attachments, activities) for a
** signed-in disclosure-office user.
**
** Input: byte 0 picks the path, byte 1 the Content-Type and whether a
** valid _csrf field is put first; the rest is the body.  The server must
** answer every request (any status) and stay up.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "server.h"
#include "util.h"

static const struct {
  const char *zPath;
  int bStaff;          /* send the signed-in office user's session */
} aPath[] = {
    {"/login", 0},
    {"/track", 0},
    {"/o/znwsj/apply", 0},
    {"/o/zn-hospital/messages", 0},
    {"/track/letter", 0},
    {"/staff/catalogue/1/import", 1},
    {"/staff/report-check", 1},
    {"/staff/docs/new", 1},
    {"/staff/opinion", 1},
    {"/staff/docs/16/attachments", 1}, /* a demo draft: uploads go to disk */
    {"/staff/activities", 1},
};
#define N_PATH (int)(sizeof aPath / sizeof aPath[0])

static const char *const azType[] = {
    "application/x-www-form-urlencoded",
    "multipart/form-data; boundary=gk",
    "multipart/form-data; boundary=\"gk\"",
    "multipart/form-data",
    "application/x-www-form-urlencoded; charset=gb18030",
    "multipart/form-data; boundary=",
    "application/json",
    "text/plain",
};
#define N_TYPE (int)(sizeof azType / sizeof azType[0])

static char zStaffCookie[160], zStaffCsrf[64];

/* The value after zKey in z (up to a quote, ';' or line end), or "". */
static void grab(const char *z, const char *zKey, char *zOut, size_t nOut) {
  const char *p = strstr(z, zKey);
  zOut[0] = 0;
  if (!p) return;
  p += strlen(zKey);
  size_t n = strcspn(p, "\";\r\n");
  if (n >= nOut) n = nOut - 1;
  memcpy(zOut, p, n);
  zOut[n] = 0;
}

/* Signs in as the demo user `office` once (one argon2id check). */
static void sign_in(void) {
  char zBody[160], zReq[1024];
  int nBody = snprintf(zBody, sizeof zBody,
                       "_csrf=%s&login=office&password=gongkai-demo-2026", FUZZ_CSRF);
  int n = snprintf(zReq, sizeof zReq,
                   "POST /login HTTP/1.1\r\nHost: %s\r\nOrigin: http://%s\r\n"
                   "Cookie: gk_csrf=%s\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                   "Content-Length: %d\r\nConnection: close\r\n\r\n%s",
                   fuzz_server_host(), fuzz_server_host(), FUZZ_CSRF, nBody, zBody);
  Buf b = BUF_INIT;
  fuzz_http(zReq, (size_t)n, &b);
  char zTok[64];
  grab(buf_str(&b), "gk_session=", zTok, sizeof zTok);
  if (strlen(zTok) != 43) fprintf(stderr, "fuzz: sign-in answer:\n%.600s\n", buf_str(&b));
  buf_reset(&b);
  snprintf(zStaffCookie, sizeof zStaffCookie, "gk_session=%s", zTok);
  n = snprintf(zReq, sizeof zReq,
               "GET /staff/opinion HTTP/1.1\r\nHost: %s\r\nCookie: %s\r\nConnection: close\r\n\r\n",
               fuzz_server_host(), zStaffCookie);
  fuzz_http(zReq, (size_t)n, &b);
  grab(buf_str(&b), "name=\"_csrf\" value=\"", zStaffCsrf, sizeof zStaffCsrf);
  buf_free(&b);
  if (strlen(zTok) != 43 || strlen(zStaffCsrf) != 43) {
    fprintf(stderr, "fuzz: could not sign in as office\n");
    abort();
  }
}

/* The server over a demo database, started once before the first input:
** libFuzzer's -timeout does not count this (init + demo take seconds on a
** loaded machine, which made the first input a false timeout). */
int LLVMFuzzerInitialize(int *pArgc, char ***pArgv) {
  (void)pArgc;
  (void)pArgv;
  fuzz_server_start();
  sign_in();
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *p, size_t n) {
  if (n < 2) return 0;
  int iPath = p[0] % N_PATH, iType = p[1] % N_TYPE, bCsrf = !(p[1] & 0x80);
  int bStaff = aPath[iPath].bStaff;
  const char *zTok = bStaff ? zStaffCsrf : FUZZ_CSRF;
  Buf pre = BUF_INIT;
  if (bCsrf && iType == 0) {
    buf_printf(&pre, "_csrf=%s&", zTok);
  } else if (bCsrf && (iType == 1 || iType == 2)) {
    buf_printf(&pre, "--gk\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n%s\r\n", zTok);
  }
  Buf req = BUF_INIT;
  buf_printf(&req,
             "POST %s HTTP/1.1\r\nHost: %s\r\nOrigin: http://%s\r\n"
             "Cookie: gk_csrf=%s%s%s\r\nContent-Type: %s\r\n"
             "Content-Length: %zu\r\nConnection: close\r\n\r\n",
             aPath[iPath].zPath, fuzz_server_host(), fuzz_server_host(), FUZZ_CSRF,
             bStaff ? "; " : "", bStaff ? zStaffCookie : "", azType[iType],
             pre.n + n - 2);
  buf_append(&req, pre.z, pre.n);
  buf_append(&req, (const char *)p + 2, n - 2);
  Buf resp = BUF_INIT;
  int status = fuzz_http(req.z, req.n, &resp);
  if (status == 0) { /* a connection-level hiccup is retried once */
    buf_reset(&resp);
    status = fuzz_http(req.z, req.n, &resp);
  }
  /* No answer means the server failed; 500 an internal error on input. */
  if (status < 200 || status >= 600 || status == 500) {
    fprintf(stderr, "fuzz: status %d, answer:\n%.2000s\n", status, buf_str(&resp));
    abort();
  }
  buf_free(&resp);
  buf_free(&req);
  buf_free(&pre);
  return 0;
}
