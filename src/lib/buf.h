/*
** buf.h — growable byte buffer and the context-escaping formatter.
**
** Every piece of HTML, JSON, CSV or plain text that gongkai produces is built
** in a Buf.  Text from outside (users, the database, the network) enters a
** Buf only through buf_printf()'s escaping conversions, so the escaping
** context is named at each call site:
**
**   %s  literal text, copied verbatim.  tools/codecheck.sh rejects %s whose
**       argument is not a string literal or a name ending in _html/_raw.
**   %h  HTML text or attribute value: & < > " ' escaped.
**   %u  URL component: everything but A-Z a-z 0-9 - _ . ~ percent-encoded.
**   %j  JSON string contents (no surrounding quotes): " \ and controls escaped.
**   %c  CSV field: quoted when it holds , " CR or LF; quotes doubled; a
**       leading = + - @ gets a ' so spreadsheets never evaluate it.
**   %d %ld %lld %zu — int, long, long long, size_t as in printf;
**   %.Nf  a double with N (0-9) decimals;  %% a percent sign.
** (No printf format attribute: the compiler does not know %h %u %j %c.)
**   A NULL argument to %s %h %u %j %c prints as an empty string.
**
** Memory: a Buf owns its storage; buf_free() releases it.  The data is always
** NUL-terminated.  Allocation failure aborts the process (xmalloc).
*/
#ifndef GK_BUF_H
#define GK_BUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct Buf {
  char *z;      /* data, NUL-terminated; NULL until first append */
  size_t n;     /* bytes used, not counting the NUL */
  size_t nAlloc;/* bytes allocated */
} Buf;

#define BUF_INIT {0, 0, 0}

void *xmalloc(size_t n);              /* malloc or abort */
void *xrealloc(void *p, size_t n);    /* realloc or abort */
char *xstrdup(const char *z);         /* strdup or abort; NULL -> NULL */
char *xstrndup(const char *z, size_t n);

void buf_append(Buf *b, const void *p, size_t n);  /* raw bytes */
void buf_puts(Buf *b, const char *z);              /* raw string */
void buf_putc(Buf *b, char c);
void buf_printf(Buf *b, const char *zFmt, ...);
void buf_vprintf(Buf *b, const char *zFmt, va_list ap);
void buf_reset(Buf *b);                /* n = 0, keeps storage */
void buf_free(Buf *b);                 /* releases storage, re-inits */
const char *buf_str(const Buf *b);     /* never NULL ("" when empty) */
char *buf_steal(Buf *b);               /* caller owns result; buf re-inits */

/* Escapers usable on their own; they append to b. */
void buf_html(Buf *b, const char *z);
void buf_url(Buf *b, const char *z);
void buf_json(Buf *b, const char *z);
void buf_csv(Buf *b, const char *z);

/* Formats into a new heap string the caller frees. */
char *mprintf(const char *zFmt, ...);
/* Appends z for a log line: in double quotes, with '"' and '\\' escaped
** and every byte below 0x20 or 0x7f written as \xNN, so a value can never
** end the line or forge another ("-" for NULL). */
void buf_log(Buf *b, const char *z);

#endif
