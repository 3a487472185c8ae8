/*
** test_textpack.c — lib/textpack: a long text round-trips through its
** packed form and the form is smaller by at least an eighth; short or
** incompressible texts stay as they are; every unsound blob (not a frame,
** truncated, extended, a flipped byte, no stated size, a stated size over
** the cap, no checksum, a NUL in the content) is an error with a reason,
** never a crash.  Sizes are worked out from the format (RFC 8878 §3.1.1).
*/
#include <stdlib.h>
#include <string.h>
#include <zstd.h>

#include "harness.h"
#include "lib/textpack.h"

/* n bytes of a repeated sentence (37 bytes: 11 CJK characters + "\n"
** + 3 ASCII), cut to n. */
static char *repeated(size_t n) {
  static const char zSentence[] = "各级行政机关应当主动公开政府信息。\nabc";
  char *z = malloc(n + 1);
  for (size_t i = 0; i < n; i++) z[i] = zSentence[i % (sizeof zSentence - 1)];
  z[n] = 0;
  return z;
}

/* Unpacks p/n expecting an error whose reason contains zWhy. */
static void refused(const void *p, size_t n, const char *zWhy) {
  char *z = (char *)1;
  size_t m = 99;
  const char *zReason = NULL;
  CHECK_INT(textpack_unpack(p, n, &z, &m, &zReason), -1);
  CHECK(z == NULL);
  CHECK_INT(m, 0);
  CHECK(zReason && strstr(zReason, zWhy));
  if (zReason && !strstr(zReason, zWhy))
    fprintf(stderr, "  reason: %s (expected %s)\n", zReason, zWhy);
}

TEST(textpack_long_text_round_trips_smaller) {
  char *zText = repeated(3000);
  unsigned char *p;
  size_t n;
  CHECK_INT(textpack_pack(zText, 3000, &p, &n), 1);
  /* A 37-byte period repeated: far under 3000 - 3000/8 = 2625. */
  CHECK(n > 0 && n <= 2625);
  CHECK(textpack_is_packed(p, n));
  char *z;
  size_t m;
  const char *zWhy = NULL;
  CHECK_INT(textpack_unpack(p, n, &z, &m, &zWhy), 0);
  CHECK_INT(m, 3000);
  CHECK(z && !memcmp(z, zText, 3000) && z[3000] == 0);
  free(z);
  free(p);
  free(zText);
}

TEST(textpack_short_and_incompressible_texts_stay) {
  unsigned char *p = (unsigned char *)1;
  size_t n = 7;
  /* Under TEXTPACK_MIN (128 bytes), however repetitive. */
  char *z127 = repeated(127);
  CHECK_INT(textpack_pack(z127, 127, &p, &n), 0);
  CHECK(p == NULL);
  CHECK_INT(n, 0);
  free(z127);
  /* 128 bytes: packed (frame header 6 + block + checksum 4 < 112). */
  char *z128 = repeated(128);
  CHECK_INT(textpack_pack(z128, 128, &p, &n), 1);
  CHECK(n <= 112);
  free(p);
  free(z128);
  /* 4096 bytes of a 64-bit LCG's high bytes: zstd cannot save 512. */
  char *zRand = malloc(4096);
  unsigned long long x = 88172645463325252ull;
  for (int i = 0; i < 4096; i++) {
    x = x * 6364136223846793005ull + 1442695040888963407ull;
    zRand[i] = (char)(x >> 56);
  }
  CHECK_INT(textpack_pack(zRand, 4096, &p, &n), 0);
  CHECK(p == NULL);
  free(zRand);
  CHECK_INT(textpack_pack(NULL, 0, &p, &n), 0);
}

TEST(textpack_unsound_blobs_are_errors) {
  char *zText = repeated(1000);
  unsigned char *p;
  size_t n;
  CHECK_INT(textpack_pack(zText, 1000, &p, &n), 1);
  unsigned char *q = malloc(n + 1);
  /* Not a frame at all: empty, three bytes, text. */
  refused("", 0, "not a zstd frame");
  refused("\x28\xb5\x2f", 3, "not a zstd frame");
  refused("正文正文", 12, "not a zstd frame");
  /* The magic alone: no frame header after it. */
  refused(p, 4, "header");
  /* Truncated by one byte (the checksum's last), extended by one. */
  refused(p, n - 1, "one frame");
  memcpy(q, p, n);
  q[n] = 0;
  refused(q, n + 1, "one frame");
  /* One byte of the checksum flipped: the content no longer checksums. */
  memcpy(q, p, n);
  q[n - 1] ^= 0x01;
  refused(q, n, "corrupt");
  free(q);
  free(p);
  /* A frame without the content size: streamed with no size pledged (the
  ** input given before the end, else zstd knows its size). */
  {
    ZSTD_CCtx *c = ZSTD_createCCtx();
    ZSTD_CCtx_setParameter(c, ZSTD_c_checksumFlag, 1);
    unsigned char aOut[1024];
    ZSTD_outBuffer out = {aOut, sizeof aOut, 0};
    ZSTD_inBuffer in = {zText, 1000, 0};
    CHECK(!ZSTD_isError(ZSTD_compressStream2(c, &out, &in, ZSTD_e_continue)));
    size_t r = ZSTD_compressStream2(c, &out, &in, ZSTD_e_end);
    CHECK_INT(r, 0);
    ZSTD_freeCCtx(c);
    refused(aOut, out.pos, "content size");
  }
  /* A frame without checksum (the one-shot API writes none). */
  {
    unsigned char aOut[1024];
    size_t r = ZSTD_compress(aOut, sizeof aOut, zText, 1000, 3);
    CHECK(!ZSTD_isError(r));
    refused(aOut, r, "checksum");
  }
  /* A header stating 64 MiB + 1 bytes: FHD 0xA4 = content size in 4
  ** bytes (bits 7-6 = 2), single segment (bit 5), checksum (bit 2); the
  ** size 0x04000001 little-endian; then an RLE block of one byte.  Refused
  ** from the header, before anything is allocated. */
  {
    static const unsigned char aBig[] = {0x28, 0xB5, 0x2F, 0xFD, 0xA4,
                                         0x01, 0x00, 0x00, 0x04,
                                         0x03, 0x00, 0x00, 0x61};
    refused(aBig, sizeof aBig, "over the limit");
  }
  free(zText);
  /* A sound frame whose content holds a NUL byte. */
  char *zNul = repeated(300);
  zNul[150] = 0;
  CHECK_INT(textpack_pack(zNul, 300, &p, &n), 1);
  refused(p, n, "NUL");
  free(p);
  free(zNul);
}
