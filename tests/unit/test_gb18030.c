/* test_gb18030.c — gb18030_to_utf8() (lib/gb18030.c, shared by the CSV
** reader and the work plan): two- and four-byte characters, and a text
** cut inside a character refused. */
#include <string.h>

#include "../../src/lib/gb18030.h"
#include "harness.h"

/* Converts the n bytes z; the UTF-8 text, or NULL. */
static const char *conv(Arena *a, const char *z, size_t n) {
  size_t nOut = 0;
  const char *zOut = gb18030_to_utf8(a, z, n, &nOut);
  if (zOut) CHECK_INT(nOut, strlen(zOut));
  return zOut;
}

TEST(gb18030_two_and_four_byte_characters) {
  Arena a = ARENA_INIT;
  /* 中文 in GBK is D6D0 CEC4; U+20000 (𠀀) in GB18030 is 95328236. */
  CHECK_STR(conv(&a, "\xD6\xD0\xCE\xC4", 4), "中文");
  CHECK_STR(conv(&a, "\x95\x32\x82\x36", 4), "\xF0\xA0\x80\x80");
  CHECK(conv(&a, "\xD6", 1) == NULL); /* cut inside a character */
  arena_free(&a);
}
