/*
** buf.c — growable buffer and the escaping formatter (see buf.h).
**
** The formatter deliberately supports only the conversions listed in buf.h;
** anything else is a programming error and aborts in debug builds.
*/
#include "buf.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void *xmalloc(size_t n) {
  void *p = malloc(n ? n : 1);
  if (!p) { fputs("gongkai: out of memory\n", stderr); abort(); }
  return p;
}

void *xrealloc(void *p, size_t n) {
  void *q = realloc(p, n ? n : 1);
  if (!q) { fputs("gongkai: out of memory\n", stderr); abort(); }
  return q;
}

char *xstrdup(const char *z) {
  if (!z) return NULL;
  return xstrndup(z, strlen(z));
}

char *xstrndup(const char *z, size_t n) {
  char *p;
  if (!z) return NULL;
  p = xmalloc(n + 1);
  memcpy(p, z, n);
  p[n] = 0;
  return p;
}

/* Ensures room for n more bytes plus the NUL. */
static void buf_grow(Buf *b, size_t n) {
  size_t need = b->n + n + 1;
  if (need <= b->nAlloc) return;
  size_t a = b->nAlloc ? b->nAlloc : 64;
  while (a < need) a *= 2;
  b->z = xrealloc(b->z, a);
  b->nAlloc = a;
}

void buf_append(Buf *b, const void *p, size_t n) {
  buf_grow(b, n);
  if (n) memcpy(b->z + b->n, p, n);
  b->n += n;
  b->z[b->n] = 0;
}

void buf_puts(Buf *b, const char *z) {
  if (z) buf_append(b, z, strlen(z));
}

void buf_putc(Buf *b, char c) { buf_append(b, &c, 1); }

void buf_reset(Buf *b) {
  b->n = 0;
  if (b->z) b->z[0] = 0;
}

void buf_free(Buf *b) {
  free(b->z);
  b->z = NULL;
  b->n = b->nAlloc = 0;
}

const char *buf_str(const Buf *b) { return b->z ? b->z : ""; }

char *buf_steal(Buf *b) {
  char *z = b->z ? b->z : xstrdup("");
  b->z = NULL;
  b->n = b->nAlloc = 0;
  return z;
}

void buf_html(Buf *b, const char *z) {
  const char *s;
  if (!z) return;
  for (s = z; *s; s++) {
    const char *r = NULL;
    switch (*s) {
      case '&': r = "&amp;"; break;
      case '<': r = "&lt;"; break;
      case '>': r = "&gt;"; break;
      case '"': r = "&quot;"; break;
      case '\'': r = "&#39;"; break;
    }
    if (r) {
      buf_append(b, z, (size_t)(s - z));
      buf_puts(b, r);
      z = s + 1;
    }
  }
  buf_append(b, z, (size_t)(s - z));
}

void buf_url(Buf *b, const char *z) {
  static const char hex[] = "0123456789ABCDEF";
  if (!z) return;
  for (; *z; z++) {
    unsigned char c = (unsigned char)*z;
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
        (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' ||
        c == '~') {
      buf_putc(b, (char)c);
    } else {
      char e[3] = {'%', hex[c >> 4], hex[c & 15]};
      buf_append(b, e, 3);
    }
  }
}

/* aJsonEsc[c] is 1 for the bytes buf_json() escapes: controls, '"', '\\'
** and '<'.  Every other byte (UTF-8 lead and continuation bytes included)
** is copied as it is. */
static const unsigned char aJsonEsc[256] = {
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x00 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x10 */
    0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x20: '"' */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, /* 0x30: '<' */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x40 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, /* 0x50: '\\' */
};

/* Runs of bytes that need no escaping are appended with one buf_append()
** each (a document body is mostly one run); the output is byte for byte
** that of the per-byte loop it replaced, which the publication ledger's
** canonical JSON depends on (tests/unit/test_buf.c compares the two). */
void buf_json(Buf *b, const char *z) {
  static const char hex[] = "0123456789abcdef";
  if (!z) return;
  for (;;) {
    const unsigned char *s = (const unsigned char *)z;
    while (!aJsonEsc[*s]) s++;
    size_t nRun = (size_t)(s - (const unsigned char *)z);
    if (nRun) buf_append(b, z, nRun);
    unsigned char c = *s;
    if (!c) return;
    switch (c) {
      case '"': buf_append(b, "\\\"", 2); break;
      case '\\': buf_append(b, "\\\\", 2); break;
      case '\n': buf_append(b, "\\n", 2); break;
      case '\r': buf_append(b, "\\r", 2); break;
      case '\t': buf_append(b, "\\t", 2); break;
      case '<': buf_append(b, "\\u003c", 6); break; /* safe inside <script> */
      default: {
        char e[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
        buf_append(b, e, 6);
      }
    }
    z = (const char *)s + 1;
  }
}

void buf_csv(Buf *b, const char *z) {
  int quote = 0;
  const char *s;
  if (!z) return;
  for (s = z; *s; s++)
    if (*s == ',' || *s == '"' || *s == '\n' || *s == '\r') quote = 1;
  if (*z == '=' || *z == '+' || *z == '-' || *z == '@') {
    /* A leading sign on a plain number is data, not a formula. */
    const char *t = z + 1;
    int numeric = (*z == '-' || *z == '+') && *t;
    for (; *t && numeric; t++)
      if (!((*t >= '0' && *t <= '9') || *t == '.')) numeric = 0;
    if (!numeric) { quote = 1; }
    if (!numeric) {
      buf_puts(b, "\"'");
      for (s = z; *s; s++) {
        if (*s == '"') buf_putc(b, '"');
        buf_putc(b, *s);
      }
      buf_putc(b, '"');
      return;
    }
  }
  if (!quote) { buf_puts(b, z); return; }
  buf_putc(b, '"');
  for (s = z; *s; s++) {
    if (*s == '"') buf_putc(b, '"');
    buf_putc(b, *s);
  }
  buf_putc(b, '"');
}

void buf_vprintf(Buf *b, const char *zFmt, va_list ap) {
  const char *p = zFmt;
  while (*p) {
    const char *q = strchr(p, '%');
    if (!q) { buf_puts(b, p); return; }
    buf_append(b, p, (size_t)(q - p));
    q++;
    char tmp[64];
    switch (*q) {
      case 's': buf_puts(b, va_arg(ap, const char *)); break;
      case 'h': buf_html(b, va_arg(ap, const char *)); break;
      case 'u': buf_url(b, va_arg(ap, const char *)); break;
      case 'j': buf_json(b, va_arg(ap, const char *)); break;
      case 'c': buf_csv(b, va_arg(ap, const char *)); break;
      case 'd':
        snprintf(tmp, sizeof tmp, "%d", va_arg(ap, int));
        buf_puts(b, tmp);
        break;
      case 'z':
        assert(q[1] == 'u');
        q++;
        snprintf(tmp, sizeof tmp, "%zu", va_arg(ap, size_t));
        buf_puts(b, tmp);
        break;
      case 'l':
        if (q[1] == 'l' && q[2] == 'd') {
          q += 2;
          snprintf(tmp, sizeof tmp, "%lld", va_arg(ap, long long));
        } else {
          assert(q[1] == 'd');
          q++;
          snprintf(tmp, sizeof tmp, "%ld", va_arg(ap, long));
        }
        buf_puts(b, tmp);
        break;
      case '.': {
        /* %.Nf */
        int prec = q[1] - '0';
        assert(prec >= 0 && prec <= 9 && q[2] == 'f');
        q += 2;
        snprintf(tmp, sizeof tmp, "%.*f", prec, va_arg(ap, double));
        buf_puts(b, tmp);
        break;
      }
      case '%': buf_putc(b, '%'); break;
      default:
        assert(!"unsupported conversion in buf_printf");
        return;
    }
    p = q + 1;
  }
}

void buf_printf(Buf *b, const char *zFmt, ...) {
  va_list ap;
  va_start(ap, zFmt);
  buf_vprintf(b, zFmt, ap);
  va_end(ap);
}

char *mprintf(const char *zFmt, ...) {
  Buf b = BUF_INIT;
  va_list ap;
  va_start(ap, zFmt);
  buf_vprintf(&b, zFmt, ap);
  va_end(ap);
  return buf_steal(&b);
}

void buf_log(Buf *b, const char *z) {
  static const char hex[] = "0123456789abcdef";
  if (!z) { buf_putc(b, '-'); return; }
  buf_putc(b, '"');
  for (const unsigned char *p = (const unsigned char *)z; *p; p++) {
    if (*p == '"' || *p == '\\') {
      buf_putc(b, '\\');
      buf_putc(b, (char)*p);
    } else if (*p < 0x20 || *p == 0x7f) {
      char e[4] = {'\\', 'x', hex[*p >> 4], hex[*p & 15]};
      buf_append(b, e, 4);
    } else {
      buf_putc(b, (char)*p);
    }
  }
  buf_putc(b, '"');
}
