/* textpack.c — a stored text packed as one zstd frame, and back
** (contract in textpack.h). */
#include "lib/textpack.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#define ZSTD_STATIC_LINKING_ONLY /* ZSTD_getFrameHeader: the checksum flag */
#include <zstd.h>

/* ---- Per-thread contexts ---------------------------------------------- */

/* The contexts of this thread.  The __thread pointers keep them reachable
** (leak checkers scan static TLS); the key's destructor frees them when a
** thread ends. */
typedef struct PackCtx {
  ZSTD_CCtx *c;
  ZSTD_DCtx *d;
} PackCtx;

static __thread PackCtx *tCtx;
static pthread_key_t gKey;
static pthread_once_t gOnce = PTHREAD_ONCE_INIT;

static void ctx_free(void *p) {
  PackCtx *x = p;
  if (!x) return;
  ZSTD_freeCCtx(x->c);
  ZSTD_freeDCtx(x->d);
  free(x);
}

static void key_make(void) { pthread_key_create(&gKey, ctx_free); }

/* This thread's contexts, made at first use; NULL when out of memory. */
static PackCtx *ctx_get(void) {
  if (tCtx) return tCtx;
  pthread_once(&gOnce, key_make);
  PackCtx *x = calloc(1, sizeof *x);
  if (!x) return NULL;
  x->c = ZSTD_createCCtx();
  x->d = ZSTD_createDCtx();
  if (!x->c || !x->d ||
      ZSTD_isError(ZSTD_CCtx_setParameter(x->c, ZSTD_c_compressionLevel,
                                          TEXTPACK_LEVEL)) ||
      ZSTD_isError(ZSTD_CCtx_setParameter(x->c, ZSTD_c_checksumFlag, 1)) ||
      ZSTD_isError(ZSTD_CCtx_setParameter(x->c, ZSTD_c_contentSizeFlag, 1))) {
    ctx_free(x);
    return NULL;
  }
  pthread_setspecific(gKey, x);
  tCtx = x;
  return x;
}

/* ---- Packing ----------------------------------------------------------- */

int textpack_is_packed(const void *p, size_t n) {
  static const unsigned char aMagic[4] = {0x28, 0xB5, 0x2F, 0xFD};
  return p && n >= 4 && !memcmp(p, aMagic, 4);
}

int textpack_pack(const char *z, size_t n, unsigned char **pp, size_t *pn) {
  *pp = NULL;
  *pn = 0;
  if (!z || n < TEXTPACK_MIN || n > TEXTPACK_MAX) return 0;
  PackCtx *x = ctx_get();
  if (!x) return 0;
  /* Room for the frame only up to the size worth storing: a frame that
  ** does not fit saves too little (zstd stops with dstSize_tooSmall). */
  size_t cap = n - n / 8;
  unsigned char *p = malloc(cap);
  if (!p) return 0;
  size_t r = ZSTD_compress2(x->c, p, cap, z, n);
  if (ZSTD_isError(r)) {
    free(p);
    return 0;
  }
  *pp = p;
  *pn = r;
  return 1;
}

int textpack_unpack(const void *p, size_t n, char **pz, size_t *pnOut,
                    const char **pzWhy) {
  *pz = NULL;
  *pnOut = 0;
  ZSTD_frameHeader h;
  if (!textpack_is_packed(p, n)) {
    *pzWhy = "not a zstd frame";
    return -1;
  }
  if (ZSTD_getFrameHeader(&h, p, n) != 0 || h.frameType != ZSTD_frame) {
    *pzWhy = "truncated or unreadable frame header";
    return -1;
  }
  if (h.frameContentSize == ZSTD_CONTENTSIZE_UNKNOWN ||
      h.frameContentSize > TEXTPACK_MAX) {
    *pzWhy = "content size not stated or over the limit";
    return -1;
  }
  if (!h.checksumFlag || h.dictID != 0) {
    *pzWhy = "frame without checksum or with a dictionary";
    return -1;
  }
  if (ZSTD_findFrameCompressedSize(p, n) != n) {
    *pzWhy = "not exactly one frame";
    return -1;
  }
  size_t m = (size_t)h.frameContentSize;
  PackCtx *x = ctx_get();
  char *z = x ? malloc(m + 1) : NULL;
  if (!z) {
    *pzWhy = "out of memory";
    return -1;
  }
  size_t r = ZSTD_decompressDCtx(x->d, z, m, p, n);
  if (ZSTD_isError(r) || r != m) {
    free(z);
    *pzWhy = "corrupt frame (data or checksum)";
    return -1;
  }
  if (memchr(z, 0, m)) {
    free(z);
    *pzWhy = "NUL byte in the text";
    return -1;
  }
  z[m] = 0;
  *pz = z;
  *pnOut = m;
  return 0;
}
