/*
** test_datasets.c — the open data's number text: a real read from a
** decimal is written as that decimal in the JSONL and the CSV
** (api_datasets.h, DATASET_JSON_FLAGS).
*/
#include <stdlib.h>
#include <string.h>

#include "api/api_datasets.h"
#include "harness.h"

/* The text DATASET_JSON_FLAGS gives the real x (checked: 0). */
static int real_text_is(double x, const char *zWant) {
  json_t *v = json_real(x);
  char *z = json_dumps(v, JSON_ENCODE_ANY | DATASET_JSON_FLAGS);
  int bSame = z && strcmp(z, zWant) == 0;
  free(z);
  json_decref(v);
  return bSame;
}

TEST(dataset_reals_are_written_as_their_decimals) {
  /* Fees in 万元 come from whole yuan / 10000: 3000 元 is 0.3 万元, which
  ** the nearest double prints as 0.29999999999999999 at 17 digits. */
  CHECK(real_text_is(3000 / 10000.0, "0.3"));
  CHECK(real_text_is(3 / 10000.0, "0.0003"));
  CHECK(real_text_is(1850 / 10000.0, "0.185"));
  CHECK(real_text_is(1234567.8912, "1234567.8912"));
  CHECK(real_text_is(1.5, "1.5"));
}
