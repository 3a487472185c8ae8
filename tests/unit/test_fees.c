/* test_fees.c — 信息处理费 (src/core/fees.c) against data/fees.json.
** Every amount below was worked out by hand from the fees.json tiers:
**   per item  (n-th of the month): 1-10 free, 11-30 100, 31-40 200,
**             41-50 300 ("100 + 100*ceil((n-30)/10)");
**   per page: 1-30 free, 31-100 10, 101-200 20, 201+ 40. */
#include <string.h>

#include "../../src/core/fees.h"
#include "../../src/lib/embed.h"
#include "harness.h"

static long long item(int nPrior, int n) {
  FeeResult r;
  CHECK_INT(fee_per_item(nPrior, n, &r), FEE_OK);
  long long v = r.nYuan;
  fee_result_free(&r);
  return v;
}

static long long pages(int n) {
  FeeResult r;
  CHECK_INT(fee_per_volume(n, &r), FEE_OK);
  long long v = r.nYuan;
  fee_result_free(&r);
  return v;
}

TEST(fees_item_boundaries) {
  CHECK_INT(fee_item_price(10), 0);
  CHECK_INT(fee_item_price(11), 100);
  CHECK_INT(fee_item_price(30), 100);
  CHECK_INT(fee_item_price(31), 200);
  CHECK_INT(fee_item_price(40), 200);
  CHECK_INT(fee_item_price(41), 300);
  CHECK_INT(fee_item_price(50), 300);
  CHECK_INT(fee_item_price(51), 400);
  /* Cumulative totals for items 1..n. */
  CHECK_INT(item(0, 10), 0);
  CHECK_INT(item(0, 11), 100);
  CHECK_INT(item(0, 30), 2000);          /* 20 x 100 */
  CHECK_INT(item(0, 31), 2200);          /* + 200 */
  CHECK_INT(item(0, 40), 4000);          /* 2000 + 10 x 200 */
  CHECK_INT(item(0, 41), 4300);          /* + 300 */
  /* One more item on top of earlier ones this month. */
  CHECK_INT(item(9, 1), 0);              /* the 10th */
  CHECK_INT(item(10, 1), 100);           /* the 11th */
  CHECK_INT(item(29, 1), 100);           /* the 30th */
  CHECK_INT(item(30, 1), 200);           /* the 31st */
  CHECK_INT(item(39, 1), 200);           /* the 40th */
  CHECK_INT(item(40, 1), 300);           /* the 41st */
  CHECK_INT(item(29, 2), 300);           /* 30th + 31st */
}

TEST(fees_item_text) {
  FeeResult r;
  CHECK_INT(fee_per_item(8, 25, &r), FEE_OK);    /* items 9..33 */
  CHECK_INT(r.nYuan, 2600);                      /* 20x100 + 3x200 */
  CHECK_STR(r.zText, "按件计收：同一申请人本自然月内累计第9—33件（本次25件）；"
                     "第9—10件不收费；第11—30件20件×100元=2000元；"
                     "第31—33件3件×200元=600元；"
                     "合计2600元（国办函〔2020〕109号第四条）");
  fee_result_free(&r);
  CHECK_INT(fee_per_item(10, 1, &r), FEE_OK);
  CHECK_STR(r.zText, "按件计收：同一申请人本自然月内累计第11件（本次1件）；"
                     "第11件1件×100元=100元；"
                     "合计100元（国办函〔2020〕109号第四条）");
  fee_result_free(&r);
  CHECK_INT(fee_per_item(-1, 1, &r), FEE_EINVAL);
  fee_result_free(&r);
  CHECK_INT(fee_per_item(0, 0, &r), FEE_EINVAL);
  fee_result_free(&r);
}

TEST(fees_volume_boundaries) {
  CHECK_INT(pages(0), 0);
  CHECK_INT(pages(30), 0);
  CHECK_INT(pages(31), 10);
  CHECK_INT(pages(100), 700);            /* 70 x 10 */
  CHECK_INT(pages(101), 720);            /* + 20 */
  CHECK_INT(pages(150), 1700);           /* fees.json worked example */
  CHECK_INT(pages(200), 2700);           /* 700 + 100 x 20 */
  CHECK_INT(pages(201), 2740);           /* + 40 */
  FeeResult r;
  CHECK_INT(fee_per_volume(150, &r), FEE_OK);
  CHECK_STR(r.zText, "按量计收：共150页；第1—30页不收费；"
                     "第31—100页70页×10元=700元；第101—150页50页×20元=1000元；"
                     "合计1700元（国办函〔2020〕109号第五条）");
  fee_result_free(&r);
  CHECK_INT(fee_per_volume(-1, &r), FEE_EINVAL);
  fee_result_free(&r);
}

/* The compiled-in tiers are the ones in the shipped data/fees.json. */
TEST(fees_match_fees_json) {
  const Embedded *p = embed_find(aData, "fees.json");
  CHECK(p != NULL);
  if (!p) return;
  const char *z = (const char *)p->pData;
  static const char *azNeed[] = {
    "\"from_count\": 11", "\"to_count\": 30", "\"yuan_per_item\": 100",
    "\"from_count\": 31", "100 + 100*ceil((n-30)/10)",
    "\"to_page\": 30", "\"from_page\": 31", "\"to_page\": 100",
    "\"yuan_per_page\": 10", "\"from_page\": 101", "\"to_page\": 200",
    "\"yuan_per_page\": 20", "\"from_page\": 201", "\"yuan_per_page\": 40",
    "\"pages\": 150", "\"fee_yuan\": 1700",
  };
  for (size_t i = 0; i < sizeof azNeed / sizeof azNeed[0]; i++) {
    if (!strstr(z, azNeed[i])) {
      fprintf(stderr, "  fees.json lacks %s\n", azNeed[i]);
      CHECK(0);
    }
  }
}
