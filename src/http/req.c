/* req.c — reading parameters and writing responses (see req.h). */
#include "http/req.h"

#include "lib/utf8.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

const char *req_param(Req *r, const char *zName) {
  /* Body parameters win over query parameters of the same name. */
  const char *z = NULL;
  if (!zName) return NULL;
  for (int i = 0; i < r->nParam; i++) {
    if (r->aParam[i].zFilename || !r->aParam[i].zName) continue;
    if (!strcmp(r->aParam[i].zName, zName)) {
      z = r->aParam[i].zValue;
      if (r->aParam[i].bFromBody) return z;
    }
  }
  return z;
}

const char *req_check_input(Req *r) {
  const char *zWhy = utf8_text_problem(r->zPath, strlen(r->zPath));
  if (zWhy) return zWhy;
  for (int i = 0; i < r->nParam; i++) {
    ReqParam *p = &r->aParam[i];
    if ((zWhy = utf8_text_problem(p->zName, strlen(p->zName))) != NULL) return zWhy;
    if (p->zFilename) {
      /* The bytes of a file are its importer's business; its name is not. */
      zWhy = utf8_text_problem(p->zFilename, strlen(p->zFilename));
      if (zWhy) return zWhy;
      /* Browsers send a bare name; a path is a traversal attempt. */
      if (strpbrk(p->zFilename, "/\\") || !strcmp(p->zFilename, ".") ||
          !strcmp(p->zFilename, ".."))
        return "上传文件的文件名不能包含路径（/、\\ 或 ..），请改名后重新上传";
      continue;
    }
    if ((zWhy = utf8_text_problem(p->zValue, p->nValue)) != NULL) return zWhy;
    if (memchr(p->zValue, '\r', p->nValue))
      p->nValue = utf8_lf_newlines(p->zValue, p->nValue);
  }
  return NULL;
}

const char *req_param_body(Req *r, const char *zName) {
  if (!zName) return NULL;
  for (int i = 0; i < r->nParam; i++) {
    const ReqParam *p = &r->aParam[i];
    if (p->bFromBody && !p->zFilename && p->zName && !strcmp(p->zName, zName))
      return p->zValue;
  }
  return NULL;
}

const char *req_param_or(Req *r, const char *zName, const char *zDflt) {
  const char *z = req_param(r, zName);
  return z && z[0] ? z : zDflt;
}

/* 1 when the query string gives zName again with a value other than z:
** which one was meant is not ours to guess.  (A body parameter wins over
** the query string, req_param(), so only the query's repeats count.) */
static int query_param_ambiguous(Req *r, const char *zName, const char *z) {
  if (req_param_body(r, zName)) return 0;
  for (int i = 0; i < r->nParam; i++) {
    const ReqParam *p = &r->aParam[i];
    if (!p->zFilename && p->zName && !strcmp(p->zName, zName) && p->zValue &&
        strcmp(p->zValue, z))
      return 1;
  }
  return 0;
}

int req_param_int(Req *r, const char *zName, int64_t lo, int64_t hi,
                  int64_t *pv) {
  const char *z = req_param(r, zName);
  char *zEnd;
  if (!z || !z[0]) return 0;
  /* Digits (after an optional minus): strtoll alone would take blanks and
  ** a plus sign. */
  if (!isdigit((unsigned char)z[z[0] == '-']) || query_param_ambiguous(r, zName, z))
    return -1;
  errno = 0;
  long long v = strtoll(z, &zEnd, 10);
  if (errno || *zEnd || v < lo || v > hi) return -1;
  *pv = v;
  return 1;
}

const ReqParam *req_file(Req *r, const char *zName) {
  if (!zName) return NULL;
  for (int i = 0; i < r->nParam; i++)
    if (r->aParam[i].zFilename && r->aParam[i].zName &&
        !strcmp(r->aParam[i].zName, zName) &&
        r->aParam[i].nValue > 0)
      return &r->aParam[i];
  return NULL;
}

const char *req_arg(Req *r, int i) {
  return (i >= 0 && i < r->nArg) ? r->aArg[i] : NULL;
}

int64_t req_arg_id(Req *r, int i) {
  const char *z = req_arg(r, i);
  char *zEnd;
  if (!z || !z[0] || strlen(z) > 18) return 0;
  long long v = strtoll(z, &zEnd, 10);
  return (*zEnd || v <= 0) ? 0 : v;
}

void req_printf(Req *r, const char *zFmt, ...) {
  va_list ap;
  va_start(ap, zFmt);
  buf_vprintf(&r->out, zFmt, ap);
  va_end(ap);
}

void req_puts(Req *r, const char *zHtml) { buf_puts(&r->out, zHtml); }

void req_header(Req *r, const char *zName, const char *zValue) {
  /* Header values never carry CR or LF (no response splitting). */
  if (strpbrk(zValue, "\r\n") || r->nHdr >= (int)(sizeof r->aHdr / sizeof r->aHdr[0]))
    return;
  r->aHdr[r->nHdr].zName = zName;
  r->aHdr[r->nHdr].zValue = arena_strdup(&r->arena, zValue);
  r->nHdr++;
}

void req_redirect(Req *r, const char *zUrl) {
  r->status = 303;
  req_header(r, "Location", zUrl);
  buf_reset(&r->out);
}

char *req_strdup(Req *r, const char *z) { return arena_strdup(&r->arena, z); }

char *req_fmt(Req *r, const char *zFmt, ...) {
  Buf b = BUF_INIT;
  va_list ap;
  va_start(ap, zFmt);
  buf_vprintf(&b, zFmt, ap);
  va_end(ap);
  char *z = arena_strndup(&r->arena, buf_str(&b), b.n);
  buf_free(&b);
  return z;
}

void req_log_error(Req *r, const char *zMsg) {
  Buf b = BUF_INIT;
  buf_printf(&b, "error id=%h path=", r->zRequestId);
  buf_log(&b, r->zPath);
  buf_puts(&b, " msg=");
  buf_log(&b, zMsg);
  buf_putc(&b, '\n');
  fwrite(buf_str(&b), 1, b.n, stderr);
  buf_free(&b);
}

/* Sets Last-Modified from an ISO 8601 UTC timestamp ("2026-09-03T08:00:00Z"). */
void req_last_modified(Req *r, const char *zIso) {
  struct tm tm;
  memset(&tm, 0, sizeof tm);
  if (!zIso || sscanf(zIso, "%4d-%2d-%2dT%2d:%2d:%2d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
                      &tm.tm_hour, &tm.tm_min, &tm.tm_sec) != 6)
    return;
  static const char *azDay[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char *azMon[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  time_t t = timegm(&tm);
  struct tm g;
  if (t == (time_t)-1 || !gmtime_r(&t, &g)) return;
  char z[40];
  snprintf(z, sizeof z, "%s, %02d %s %04d %02d:%02d:%02d GMT", azDay[g.tm_wday], g.tm_mday,
           azMon[g.tm_mon], g.tm_year + 1900, g.tm_hour, g.tm_min, g.tm_sec);
  r->zLastModified = req_strdup(r, z);  /* kept with cached copies too */
}
