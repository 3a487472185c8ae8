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
