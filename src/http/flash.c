/*
** flash.c — one-time feedback after a POST's redirect ("已提交保密审查，
** 待赵保密办理").  The handler calls req_flash() before req_redirect(); the
** message travels in a short-lived HttpOnly cookie, percent-encoded, and
** the next page of the signed-in user shows it (page_begin) and clears it.
** The text is escaped at output like any other; only signed-in users'
** pages read it, and it is capped in length and checked like any input
** (valid UTF-8, no control or bidirectional characters).
*/
#include <stdio.h>
#include <string.h>

#include "http/auth.h"
#include "lib/buf.h"
#include "lib/utf8.h"

#define FLASH_COOKIE "gk_flash"
#define FLASH_MAX 600   /* bytes of message (before encoding) */

static int hexval(int c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/* Percent-decodes z in place; the decoded length (a %00 counts: it is a
** byte of the text), or -1 when malformed. */
static long pct_decode(char *z) {
  char *o = z, *zStart = z;
  for (; *z; z++) {
    if (*z == '%') {
      int hi = hexval(z[1]), lo = hi < 0 ? -1 : hexval(z[2]);
      if (lo < 0) return -1;
      *o++ = (char)(hi * 16 + lo);
      z += 2;
    } else {
      *o++ = *z;
    }
  }
  *o = 0;
  return (long)(o - zStart);
}

void flash_load(Req *r) {
  const char *z = req_cookie(r, FLASH_COOKIE);
  if (!z || !z[0] || !r->user) return;
  char *zMsg = arena_strdup(&r->arena, z);
  long n = pct_decode(zMsg);
  /* The cookie comes from the client like any other input: only valid
  ** UTF-8 text without control or bidirectional characters is shown. */
  if (n <= 0 || n > FLASH_MAX || utf8_text_problem(zMsg, (size_t)n)) return;
  r->zFlash = zMsg;
}

static void flash_cookie(Req *r, const char *zValue, int bClear) {
  Buf b = BUF_INIT;
  /* The cookie's name is FLASH_COOKIE. */
  buf_printf(&b, "gk_flash=%u; Path=/; HttpOnly; SameSite=Strict; Max-Age=%d%s", zValue,
             bClear ? 0 : 120, r->cfg->bCookieSecure ? "; Secure" : "");
  req_header(r, "Set-Cookie", buf_str(&b));
  buf_free(&b);
}

void req_flash(Req *r, const char *zMsg) {
  if (!zMsg || strlen(zMsg) > FLASH_MAX) return;
  flash_cookie(r, zMsg, 0);
}

const char *req_flash_take(Req *r) {
  const char *z = r->zFlash;
  if (!z) return NULL;
  r->zFlash = NULL;
  flash_cookie(r, "", 1);
  return z;
}
