/* test_bench.c — the flat JSON line reader of the bulk import
** (src/lib/jsonl.c) and the benchmark generator (src/cli/bench_gen.c):
** escapes, refusals, determinism, and that a generated line reads back. */
#include <stdlib.h>
#include <string.h>

#include "../../src/cli/bench_gen.h"
#include "../../src/lib/jsonl.h"
#include "../../src/lib/utf8.h"
#include "harness.h"

/* Parses a copy of z; returns the member count or -1 (message in *pzErr). */
static int parse(const char *z, char **pzCopy, JsonlField *a,
                 const char **pzErr) {
  int n = -1;
  *pzCopy = strdup(z);
  *pzErr = "";
  if (jsonl_parse(*pzCopy, strlen(z), a, 8, &n, pzErr)) return -1;
  return n;
}

TEST(jsonl_escapes_and_types) {
  JsonlField a[8];
  char *z;
  const char *zErr;
  CHECK_INT(parse("{\"t\":\"a\\\"b\\\\c\\n\\u4e2d\\ud83d\\ude00/\", \"n\":null,"
                  "\"k\" : 12.5e3 , \"b\":true}", &z, a, &zErr), 4);
  CHECK_STR(a[0].zKey, "t");
  CHECK_STR(a[0].zVal, "a\"b\\c\n中\xF0\x9F\x98\x80/");
  CHECK_INT(a[0].bString, 1);
  CHECK(a[1].zVal == NULL);
  CHECK_STR(a[2].zVal, "12.5e3");
  CHECK_INT(a[2].bString, 0);
  CHECK_STR(a[3].zVal, "true");
  CHECK_STR(jsonl_get(a, 4, "k")->zVal, "12.5e3");
  CHECK(jsonl_get(a, 4, "x") == NULL);
  free(z);
  /* duplicate keys: the last one wins, as in jansson */
  CHECK_INT(parse("{\"a\":\"1\",\"a\":\"2\"}", &z, a, &zErr), 2);
  CHECK_STR(jsonl_get(a, 2, "a")->zVal, "2");
  free(z);
  CHECK_INT(parse("{}", &z, a, &zErr), 0);
  free(z);
  CHECK_INT(parse("{\"x\":1}", &z, a, &zErr), 1);
  CHECK_STR(a[0].zVal, "1");
  free(z);
}

TEST(jsonl_refusals) {
  JsonlField a[8];
  char *z;
  const char *zErr;
  static const char *const azBad[] = {
      "",                         "[]",
      "{\"a\":\"x\"",             "{\"a\":\"x\"} x",
      "{\"a\":{\"b\":1}}",        "{\"a\":[1]}",
      "{\"a\":\"\x01\"}",         "{\"a\":\"\\u0000\"}",
      "{\"a\":\"\\ud83d\"}",      "{\"a\":\"\\q\"}",
      "{\"a\":01x}",              "{\"a\":\"\xff\"}",
      "{\"a\" \"b\"}",            "{\"a\":tru}",
      "{\"a\":\"1\",}",           "{a:\"1\"}",
      "{\"1\":1,\"2\":2,\"3\":3,\"4\":4,\"5\":5,\"6\":6,\"7\":7,\"8\":8,\"9\":9}"};
  for (size_t i = 0; i < sizeof azBad / sizeof azBad[0]; i++) {
    int n = parse(azBad[i], &z, a, &zErr);
    if (n != -1) fprintf(stderr, "  accepted: %s\n", azBad[i]);
    CHECK_INT(n, -1);
    CHECK(zErr && zErr[0]);
    free(z);
  }
}

TEST(bench_generator_deterministic) {
  BenchVocab v;
  CHECK_INT(bench_vocab_load(&v), 0);
  CHECK(v.an[BV_CLAUSE] > 500);
  Buf a = BUF_INIT, b = BUF_INIT;
  bench_doc_json(&v, 5, 123, 1000, &a);
  bench_doc_json(&v, 5, 123, 1000, &b);
  CHECK_STR(buf_str(&a), buf_str(&b));
  buf_reset(&b);
  bench_doc_json(&v, 6, 123, 1000, &b);
  CHECK(strcmp(buf_str(&a), buf_str(&b)) != 0);
  /* The line reads back: even documents carry an imported index number,
  ** dates of document 0 are the first day. */
  buf_reset(&b);
  bench_doc_json(&v, 5, 0, 1000, &b);
  CHECK(b.n > 500 && b.z[b.n - 1] == '\n');
  JsonlField f[16];
  int n = 0;
  const char *zErr = NULL;
  CHECK_INT(jsonl_parse(b.z, b.n - 1, f, 16, &n, &zErr), 0);
  CHECK_INT(n, 10);
  CHECK_STR(jsonl_get(f, n, "published_date")->zVal, "2010-01-01");
  CHECK_STR(jsonl_get(f, n, "index_number")->zVal, "BENCH-2010-0");
  const char *zNum = jsonl_get(f, n, "doc_number")->zVal;
  CHECK(strstr(zNum, "〔2010〕") != NULL);
  CHECK(strstr(jsonl_get(f, n, "body")->zVal, "## 一、") != NULL);
  buf_free(&a);
  buf_free(&b);

  /* Query terms are runs of CJK ideographs of the asked length. */
  for (int i = 0; i < 50; i++) {
    Buf t = BUF_INIT;
    bench_query_term(&v, 9, i, 4, &t);
    CHECK_INT((int)utf8_len(t.z, t.n), 4);
    buf_free(&t);
  }
  /* Applications: closed ones have an outcome and a later closing day. */
  int nOpen = 0;
  for (int i = 0; i < 2000; i++) {
    BenchApp p;
    bench_app(&v, 1, i, 7, 2019, 2020, &p);
    CHECK(p.iOrg >= 0 && p.iOrg < 7);
    CHECK(strncmp(p.zReceived, "2019", 4) == 0 ||
          strncmp(p.zReceived, "2020", 4) == 0);
    if (p.zClosed[0]) {
      CHECK(p.zOutcome && !strncmp(p.zOutcome, "results.", 8));
      CHECK(strcmp(p.zClosed, p.zReceived) > 0);
    } else {
      CHECK(p.zOutcome == NULL);
      CHECK(strcmp(p.zReceived, "2020-11-15") > 0);
      nOpen++;
    }
  }
  CHECK(nOpen > 0 && nOpen < 200);
  bench_vocab_free(&v);
}
