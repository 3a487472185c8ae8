/* test_utf8.c — utf8_valid() against the definition it replaced (a
** utf8_decode() call per character), exhaustively over short sequences;
** the text checks, and the bulk import's single check of a line. */
#include <stdint.h>
#include <string.h>

#include "../../src/lib/utf8.h"
#include "cli/commands.h"
#include "harness.h"

/* The reference: valid when every utf8_decode() step decodes. */
static int valid_ref(const char *z, size_t n) {
  size_t i = 0;
  while (i < n) {
    int len;
    uint32_t c = utf8_decode(z + i, n - i, &len);
    if (c == 0xFFFD && len == 1) return 0;
    i += (size_t)len;
  }
  return 1;
}

TEST(utf8_valid_equals_decode_loop) {
  unsigned char z[16];
  int nBad = 0, nValid = 0;
  /* Every 1-, 2- and 3-byte string whose first byte is not ASCII, alone
  ** and after an ASCII prefix long enough for the 8-byte skip. */
  for (unsigned a = 0x80; a < 0x100; a++) {
    for (unsigned b = 0; b < 0x100; b++) {
      for (unsigned c = 0; c < 0x100; c++) {
        z[0] = (unsigned char)a;
        z[1] = (unsigned char)b;
        z[2] = (unsigned char)c;
        for (size_t n = 1; n <= 3; n++) {
          if (n < 3 && c) continue; /* shorter lengths once per (a,b) */
          if (n < 2 && b) continue;
          int v = utf8_valid((const char *)z, n);
          if (v != valid_ref((const char *)z, n)) nBad++;
          nValid += v;
        }
      }
    }
  }
  /* 4-byte sequences: every lead byte F0..FF and second byte, the last two
  ** bytes from the edges of the continuation range. */
  static const unsigned char aEdge[] = {0x00, 0x7F, 0x80, 0x8F, 0x90, 0xBF, 0xC0, 0xFF};
  for (unsigned a = 0xF0; a < 0x100; a++)
    for (unsigned b = 0; b < 0x100; b++)
      for (int c = 0; c < 8; c++)
        for (int d = 0; d < 8; d++) {
          memcpy(z, "abcdefghi", 9);
          z[9] = (unsigned char)a;
          z[10] = (unsigned char)b;
          z[11] = aEdge[c];
          z[12] = aEdge[d];
          z[13] = 'x';
          for (size_t n = 10; n <= 14; n++)
            if (utf8_valid((const char *)z, n) != valid_ref((const char *)z, n))
              nBad++;
        }
  CHECK_INT(nBad, 0);
  CHECK(nValid > 60000); /* the loops did reach valid sequences */
  CHECK(utf8_valid("纯ASCII and 中文 mixed, longer than eight bytes",
                   strlen("纯ASCII and 中文 mixed, longer than eight bytes")));
  CHECK(!utf8_valid("abcdefgh\xed\xa0\x80", 11)); /* a surrogate */
}

/* Issue 12: what text from outside may hold. */
TEST(utf8_text_problem_refuses_controls_bidi_nul_and_bad_bytes) {
  CHECK(utf8_text_problem("政府信息\t公开\r\n", 21) == NULL);
  CHECK(utf8_text_problem("a\0b", 3) != NULL);                /* NUL */
  CHECK(utf8_text_problem("a\x01", 2) != NULL);               /* U+0001 */
  CHECK(utf8_text_problem("a\x7f", 2) != NULL);               /* DEL */
  CHECK(utf8_text_problem("\xe2\x80\xae" "abc", 6) != NULL);  /* U+202E RLO */
  CHECK(utf8_text_problem("\xe2\x80\xaa", 3) != NULL);        /* U+202A LRE */
  CHECK(utf8_text_problem("\xe2\x81\xa9", 3) != NULL);        /* U+2069 PDI */
  CHECK(utf8_text_problem("\xe2\x80\xa9", 3) == NULL);        /* U+2029: allowed */
  CHECK(utf8_text_problem("\xe2\x81\xaa", 3) == NULL);        /* U+206A: allowed */
  CHECK(utf8_text_problem("\xc3\x28", 2) != NULL);            /* bad UTF-8 */
  /* C1 controls and noncharacters (XML 1.0 forbids U+FFFE/U+FFFF). */
  CHECK(utf8_text_problem("a\xc2\x85", 3) != NULL);           /* U+0085 NEL */
  CHECK(utf8_text_problem("\xc2\x80", 2) != NULL);            /* U+0080 */
  CHECK(utf8_text_problem("\xc2\x9f", 2) != NULL);            /* U+009F */
  CHECK(utf8_text_problem("\xc2\xa0\xc2\xb7", 4) == NULL);    /* NBSP, middle dot */
  CHECK(utf8_text_problem("\xef\xbf\xbf", 3) != NULL);        /* U+FFFF */
  CHECK(utf8_text_problem("\xef\xbf\xbe", 3) != NULL);        /* U+FFFE */
  CHECK(utf8_text_problem("\xef\xbf\xbd", 3) == NULL);        /* U+FFFD: allowed */
  CHECK(utf8_text_problem("\xef\xb7\x90", 3) != NULL);        /* U+FDD0 */
  CHECK(utf8_text_problem("\xef\xb7\xaf", 3) != NULL);        /* U+FDEF */
  CHECK(utf8_text_problem("\xef\xb7\xb0", 3) == NULL);        /* U+FDF0: allowed */
  CHECK(utf8_text_problem("\xef\xbc\x91", 3) == NULL);        /* U+FF11 full-width 1 */
  CHECK(utf8_text_problem("\xf0\x9f\xbf\xbf", 4) != NULL);    /* U+1FFFF */
  CHECK(utf8_text_problem("\xf4\x8f\xbf\xbe", 4) != NULL);    /* U+10FFFE */
  CHECK(utf8_text_problem("\xf0\x9f\x98\x80", 4) == NULL);    /* U+1F600 emoji */
  CHECK(utf8_text_problem("\xf0\xaf\xbf\xbd", 4) == NULL);    /* U+2FFFD */
  char z[] = "a\r\nb\rc\n";
  CHECK_INT((int)utf8_lf_newlines(z, 7), 6);
  CHECK_STR(z, "a\nb\nc\n");
}

/* The import's one check: jsonl_parse() validates the line, and the
** fields then get utf8_valid_text_problem() only.  What utf8_text_problem()
** refused in a field is still refused, with the same message, also when it
** arrives as a JSON escape; bad bytes are refused by the parse. */
TEST(docs_import_line_checks_text_once_and_refuses_the_same) {
  CHECK(utf8_valid_text_problem("政府信息\t公开\r\n", 21) == NULL);
  CHECK_STR(utf8_valid_text_problem("a\x01", 2), "提交的内容含有不允许的控制字符");
  CHECK_STR(utf8_valid_text_problem("\xe2\x80\xae" "abc", 6),
            "提交的内容含有不可见的文字方向控制符");
  static const struct {
    const char *zLine;
    const char *zWant;
  } a[] = {
      {"{\"title\":\"a\\u0001b\",\"published_date\":\"2020-01-01\"}",
       "提交的内容含有不允许的控制字符"},
      {"{\"title\":\"ab\",\"published_date\":\"2020-01-01\",\"body\":\"x\\u202ey\"}",
       "提交的内容含有不可见的文字方向控制符"},
      {"{\"title\":\"a\x7f\",\"published_date\":\"2020-01-01\"}",
       "提交的内容含有不允许的控制字符"},
      {"{\"title\":\"a\xc3\x28\",\"published_date\":\"2020-01-01\"}",
       "不是有效的 UTF-8"},
      {"{\"title\":\"公开\\ud83d\\ude00\",\"published_date\":\"2020-01-01\"}", NULL},
  };
  for (size_t i = 0; i < sizeof a / sizeof a[0]; i++) {
    char z[256];
    size_t n = strlen(a[i].zLine);
    memcpy(z, a[i].zLine, n + 1);
    Doc d;
    const char *zWhy = docs_import_line(z, n, &d);
    if (a[i].zWant) CHECK_STR(zWhy ? zWhy : "(accepted)", a[i].zWant);
    else CHECK(zWhy == NULL);
  }
}
