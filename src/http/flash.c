/*
** flash.c — one-time feedback after a POST's redirect ("已提交保密审查，
** 待赵保密办理").  The handler calls req_flash() before req_redirect(); the
** message travels in a short-lived HttpOnly cookie, percent-encoded, and
** the next page of the signed-in user shows it (page_begin) and clears it.
** The text is escaped at output like any other; only signed-in users'
** pages read it, and it is capped in length and checked like any input
** (valid UTF-8, no control or bidirectional characters).  The cookie
** carries a keyed hash of the text and of the session it was made for
** ("TAG.TEXT", flash_tag): a flash planted by anyone else — a page of a
** sibling domain that may set cookies for this one, another session — is
** not shown.
*/
#include <stdio.h>
#include <string.h>

#include "http/auth.h"
#include "lib/buf.h"
#include "lib/crypto.h"
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

/* The tag of message z[0..n) for the current session into zTag; 0, or -1
** without a session or a key. */
static int flash_tag(Req *r, const char *z, size_t n, char zTag[33]) {
  if (!r->zSessionHash[0] || !r->cfg->zSecretKey) return -1;
  Buf b = BUF_INIT;
  buf_append(&b, "gongkai flash", 14);  /* the purpose, its NUL included */
  buf_append(&b, r->zSessionHash, 64);
  buf_append(&b, z, n);
  int rc = crypto_mac_hex(r->cfg->zSecretKey, b.z, b.n, zTag);
  buf_free(&b);
  return rc;
}

void flash_load(Req *r) {
  const char *z = req_cookie(r, FLASH_COOKIE);
  if (!z || !z[0] || !r->user) return;
  const char *zDot = strchr(z, '.');
  if (!zDot || zDot - z != 32) return;
  char *zMsg = arena_strdup(&r->arena, zDot + 1);
  long n = pct_decode(zMsg);
  /* The cookie comes from the client like any other input: only valid
  ** UTF-8 text without control or bidirectional characters is shown, and
  ** only with the tag this server made for this session. */
  if (n <= 0 || n > FLASH_MAX || utf8_text_problem(zMsg, (size_t)n)) return;
  char zTag[33], zGot[33];
  memcpy(zGot, z, 32);
  zGot[32] = 0;
  if (flash_tag(r, zMsg, (size_t)n, zTag) || !crypto_streq(zTag, zGot)) return;
  r->zFlash = zMsg;
}

/* Sets the cookie to "TAG.TEXT" (the text percent-encoded), or clears it
** (zTag NULL). */
static void flash_cookie(Req *r, const char *zTag, const char *zMsg) {
  Buf b = BUF_INIT;
  /* The cookie's name is FLASH_COOKIE. */
  if (zTag) buf_printf(&b, "gk_flash=%u.%u", zTag, zMsg);  /* the tag is hex */
  else buf_append(&b, "gk_flash=", 9);
  buf_printf(&b, "; Path=/; HttpOnly; SameSite=Strict; Max-Age=%d%s", zTag ? 120 : 0,
             r->cfg->bCookieSecure ? "; Secure" : "");
  req_header(r, "Set-Cookie", buf_str(&b));
  buf_free(&b);
}

void req_flash(Req *r, const char *zMsg) {
  char zTag[33];
  if (!zMsg || strlen(zMsg) > FLASH_MAX || flash_tag(r, zMsg, strlen(zMsg), zTag)) return;
  flash_cookie(r, zTag, zMsg);
}

const char *req_flash_take(Req *r) {
  const char *z = r->zFlash;
  if (!z) return NULL;
  r->zFlash = NULL;
  flash_cookie(r, NULL, NULL);
  return z;
}
