/* test_buf.c — the escaping formatter. */
#include <stdlib.h>

#include "../../src/lib/buf.h"
#include "harness.h"

TEST(buf_html_escapes_all_five) {
  Buf b = BUF_INIT;
  buf_printf(&b, "<p title=\"%h\">%h</p>", "a\"b'c", "<x>&");
  CHECK_STR(buf_str(&b), "<p title=\"a&quot;b&#39;c\">&lt;x&gt;&amp;</p>");
  buf_free(&b);
}

TEST(buf_url_json_csv) {
  Buf b = BUF_INIT;
  buf_printf(&b, "%u|%j|%c|%c|%c", "疫 a/b", "q\"\n<", "a,b", "=1+1", "-12.5");
  CHECK_STR(buf_str(&b),
            "%E7%96%AB%20a%2Fb|q\\\"\\n\\u003c|\"a,b\"|\"'=1+1\"|-12.5");
  buf_free(&b);
}

TEST(buf_numbers_and_null) {
  char *z = mprintf("%d %ld %lld %zu %.2f %% [%s][%h]", -3, 40L, 5000000000LL,
                    (size_t)7, 2.5, (const char *)NULL, (const char *)NULL);
  CHECK_STR(z, "-3 40 5000000000 7 2.50 % [][]");
  free(z);
}

/* The per-byte JSON escaper buf_json() had before it copied runs in bulk:
** the reference its output must equal byte for byte (the publication
** ledger hashes canonical JSON built with %j). */
static void json_ref(Buf *b, const char *z) {
  static const char hex[] = "0123456789abcdef";
  for (; *z; z++) {
    unsigned char c = (unsigned char)*z;
    switch (c) {
      case '"': buf_puts(b, "\\\""); break;
      case '\\': buf_puts(b, "\\\\"); break;
      case '\n': buf_puts(b, "\\n"); break;
      case '\r': buf_puts(b, "\\r"); break;
      case '\t': buf_puts(b, "\\t"); break;
      case '<': buf_puts(b, "\\u003c"); break;
      default:
        if (c < 0x20) {
          char e[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
          buf_append(b, e, 6);
        } else {
          buf_putc(b, (char)c);
        }
    }
  }
}

TEST(buf_json_equals_per_byte_reference) {
  Buf got = BUF_INIT, want = BUF_INIT;
  char z[64];
  /* Every byte alone, at the start, middle and end of a run. */
  for (int c = 1; c < 256; c++) {
    snprintf(z, sizeof z, "%c|ab%cc|%c", c, c, c);
    buf_reset(&got);
    buf_reset(&want);
    buf_printf(&got, "%j", z);
    json_ref(&want, z);
    CHECK_STR(buf_str(&got), buf_str(&want));
  }
  /* Random strings biased towards the escaped bytes, lengths 0..40. */
  static const char azPick[] = "\"\\\n\r\t<\x01\x1f\x7f a\xe4\xb8\xad";
  unsigned seed = 12345;
  int nBad = 0;
  for (int k = 0; k < 2000; k++) {
    seed = seed * 1103515245u + 12345u;
    int n = (int)((seed >> 16) % 41);
    for (int i = 0; i < n; i++) {
      seed = seed * 1103515245u + 12345u;
      unsigned r = seed >> 16;
      z[i] = (r & 1) ? azPick[(r >> 1) % (sizeof azPick - 1)]
                     : (char)(1 + (r >> 1) % 255);
    }
    z[n] = 0;
    buf_reset(&got);
    buf_reset(&want);
    buf_json(&got, z);
    json_ref(&want, z);
    if (got.n != want.n || memcmp(buf_str(&got), buf_str(&want), got.n)) nBad++;
  }
  CHECK_INT(nBad, 0);
  buf_json(&got, NULL); /* NULL appends nothing */
  buf_free(&got);
  buf_free(&want);
}

/* Issue 12: a spreadsheet runs a cell that starts with = + - @, a tab or a
** CR; every CSV cell like that gets a leading apostrophe.  A plain signed
** number and a lone "-" placeholder are data and stay as they are. */
TEST(buf_csv_neutralises_formula_starts) {
  Buf b = BUF_INIT;
  buf_printf(&b, "%c|%c|%c|%c|%c|%c|%c", "@SUM(A1)", "\tx", "\rx", "+cmd|x",
             "-", "+86", "-2+3");
  CHECK_STR(buf_str(&b), "\"'@SUM(A1)\"|\"'\tx\"|\"'\rx\"|\"'+cmd|x\"|-|+86|\"'-2+3\"");
  buf_free(&b);
  CHECK_INT(csv_formula_start("=1"), 1);
  CHECK_INT(csv_formula_start("1=1"), 0);
  CHECK_INT(csv_formula_start("-0.5"), 0);
}

/* %h output is also XML 1.0 text: C0 controls other than tab, LF, CR are
** dropped (U+0001 in a title made the Atom feed malformed). */
TEST(buf_html_drops_xml_forbidden_controls) {
  Buf b = BUF_INIT;
  buf_printf(&b, "%h", "a\x01" "b\x1f" "c\td\ne\x0b" "f");
  CHECK_STR(buf_str(&b), "abc\td\nef");
  buf_free(&b);
}
