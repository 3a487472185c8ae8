/* body.c — multipart header scanner, body memory budget, upload temp
** files (see body.h). */
#include "http/body.h"

#include <errno.h>
#include <fcntl.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <unistd.h>

int mpscan_init(MpScan *m, const char *zContentType) {
  memset(m, 0, sizeof *m);
  if (!zContentType || strncasecmp(zContentType, "multipart/form-data", 19)) return 0;
  const char *z = strcasestr(zContentType, "boundary=");
  if (!z) return -1;
  z += 9;
  size_t n;
  if (*z == '"') {
    z++;
    n = strcspn(z, "\"");
  } else {
    n = strcspn(z, "; \t");
  }
  if (n == 0 || n > 70) return -1;   /* RFC 2046: 1..70 characters */
  m->zDelim[0] = m->zDelim[1] = '-';
  memcpy(m->zDelim + 2, z, n);
  m->nDelim = n + 2;
  return 0;
}

/* A line has ended (LF seen).  -1 when it was a malformed header line. */
static int mpscan_line(MpScan *m, int bDashes) {
  if (m->bHeaders) {
    if (m->col == 0) m->bHeaders = 0;     /* blank line: the part's data */
    else if (!m->bColon) return -1;       /* a broken or folded header */
  } else if (!m->bFinal && m->nDelim && m->nMatch == m->nDelim && !m->bNotDelim) {
    if (bDashes) m->bFinal = 1;
    else m->bHeaders = 1;
  }
  m->col = m->nMatch = 0;
  m->bColon = m->bCr = m->bNotDelim = 0;
  return 0;
}

int mpscan_feed(MpScan *m, const char *p, size_t n) {
  if (!m->nDelim) return 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)p[i];
    if (m->bCr && c != '\n' && m->bHeaders) return -1;   /* bare CR */
    if (c == '\n') {
      if (mpscan_line(m, m->bDash)) return -1;
      m->bDash = 0;
      continue;
    }
    m->bCr = c == '\r';
    if (c == '\r') continue;
    if (m->bHeaders && ((c < 0x20 && c != '\t') || c == 0x7f)) return -1;
    if (c == ':') m->bColon = 1;
    if (!m->bHeaders && m->nMatch == m->col && m->col < m->nDelim &&
        c == (unsigned char)m->zDelim[m->col])
      m->nMatch++;
    if (!m->bHeaders && m->nMatch == m->nDelim && m->col >= m->nDelim) {
      /* After the delimiter only "--" (closing) and blanks may follow. */
      size_t k = m->col - m->nDelim;
      if (k < 2 && c == '-' && (k == 0 || m->bDash)) m->bDash = 1;
      else if (c != ' ' && c != '\t') m->bNotDelim = 1;
    }
    m->col++;
  }
  return 0;
}

int mpscan_complete(const MpScan *m) {
  return !m->nDelim || m->bFinal ||
         (m->bDash && !m->bNotDelim && m->nMatch == m->nDelim);
}

static atomic_size_t memInUse;
static size_t memCap = (size_t)256 << 20;

void body_mem_set_cap(size_t nBytes) { memCap = nBytes; }

int body_mem_take(size_t n) {
  size_t cur = atomic_load(&memInUse);
  do {
    if (cur + n > memCap) return -1;
  } while (!atomic_compare_exchange_weak(&memInUse, &cur, cur + n));
  return 0;
}

void body_mem_give(size_t n) { atomic_fetch_sub(&memInUse, n); }

size_t body_mem_in_use(void) { return atomic_load(&memInUse); }

int body_tmpfile(void) {
  const char *zDir = getenv("TMPDIR");
  if (!zDir || !zDir[0]) zDir = "/tmp";
  int fd;
#ifdef O_TMPFILE
  fd = open(zDir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
  if (fd >= 0) return fd;
#endif
  char zPath[4096];
  snprintf(zPath, sizeof zPath, "%s/gongkai-upload-XXXXXX", zDir);
  fd = mkstemp(zPath);
  if (fd < 0) return -1;
  unlink(zPath);
  return fd;
}

int body_write(int fd, const char *p, size_t n) {
  while (n > 0) {
    ssize_t k = write(fd, p, n);
    if (k < 0 && errno == EINTR) continue;
    if (k <= 0) return -1;
    p += k;
    n -= (size_t)k;
  }
  return 0;
}

char *body_map(int fd, size_t n) {
  if (body_write(fd, "", 1)) return NULL;
  void *p = mmap(NULL, n + 1, PROT_READ, MAP_PRIVATE, fd, 0);
  return p == MAP_FAILED ? NULL : p;
}

void body_unmap(char *p, size_t n) {
  if (p) munmap(p, n + 1);
}
