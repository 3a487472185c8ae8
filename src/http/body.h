/*
** body.h — reading request bodies without trusting them: a scanner that
** refuses malformed multipart part headers (NUL, bare CR, lines without a
** colon: a file name with a control character or line break), the
** process-wide budget of body bytes held in memory, and the temporary
** files uploads are streamed into.  Used by http/server.c only.
*/
#ifndef GK_BODY_H
#define GK_BODY_H

#include <stddef.h>

/* Multipart part-header scanner: fed every raw body byte of a
** multipart/form-data request, it watches the header block of each part. */
typedef struct MpScan {
  char zDelim[80];   /* "--" + boundary; "" when not multipart */
  size_t nDelim;
  int bHeaders;      /* inside a part's header block */
  size_t col;        /* bytes in the current line */
  size_t nMatch;     /* leading bytes of the line equal to zDelim */
  int bColon;        /* current header line has a ':' */
  int bCr;           /* previous byte was CR */
  int bDash;         /* the current line is "--boundary-" so far */
  int bNotDelim;     /* something other than "--" or blanks after it */
  int bFinal;        /* the closing delimiter has been seen */
} MpScan;

/* Prepares the scanner from the Content-Type header.  Returns -1 when the
** type is multipart/form-data without a usable boundary. */
int mpscan_init(MpScan *m, const char *zContentType);
/* Feeds raw body bytes.  0 while well-formed, -1 on a malformed header. */
int mpscan_feed(MpScan *m, const char *p, size_t n);
/* 1 when the body is complete: not multipart, or its closing delimiter
** was seen (a truncated body is refused). */
int mpscan_complete(const MpScan *m);

/* The budget of body bytes all requests together may hold in memory. */
void body_mem_set_cap(size_t nBytes);
/* Reserves n bytes; 0 when granted, -1 when the budget is exhausted. */
int body_mem_take(size_t n);
void body_mem_give(size_t n);
size_t body_mem_in_use(void);

/* A new anonymous temporary file (already unlinked) under $TMPDIR or
** /tmp, mode 0600; -1 on failure. */
int body_tmpfile(void);
/* Writes all of p; 0 or -1. */
int body_write(int fd, const char *p, size_t n);
/* Maps the n bytes of fd read-only plus a terminating NUL (written to the
** file first); NULL on failure.  Unmap with body_unmap(p, n). */
char *body_map(int fd, size_t n);
void body_unmap(char *p, size_t n);

#endif
