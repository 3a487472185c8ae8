/*
** fees.c — 信息处理费 under 国办函〔2020〕109号 Arts. 4 and 5 (see fees.h).
*/
#include "core/fees.h"

#include <limits.h>
#include <stdlib.h>

#include "lib/buf.h"

/* Art. 5 per-page tiers (data/fees.json "per_volume"). */
static const struct { int nFrom, nTo, nYuan; } aPageTier[] = {
  {1, 30, 0},          /* 30页以下（含30页）的，不收费 */
  {31, 100, 10},       /* 31—100页（含100页）的部分：10元/页 */
  {101, 200, 20},      /* 101—200页（含200页）的部分：20元/页 */
  {201, INT_MAX, 40},  /* 201页以上的部分：40元/页 */
};

long long fee_item_price(int n) {
  if (n <= 10) return 0;              /* 10件以下（含10件）的，不收费 */
  if (n <= 30) return 100;            /* 11—30件：100元/件 */
  return 100 + 100LL * ((n - 30 + 9) / 10);  /* each band of 10: +100 */
}

/* Appends "第a—b件（页）" or "第a件（页）" to b. */
static void put_range(Buf *b, int a, int z, const char *zUnit) {
  if (a == z) buf_printf(b, "第%d%s", a, zUnit);
  else buf_printf(b, "第%d—%d%s", a, z, zUnit);
}

/* Appends one tier segment: "第a—z件n件×p元=t元；" or "…不收费；". */
static void put_segment(Buf *b, int a, int z, long long nPrice,
                        const char *zUnit) {
  put_range(b, a, z, zUnit);
  if (nPrice == 0) {
    buf_puts(b, "不收费；");
  } else {
    buf_printf(b, "%d%s×%lld元=%lld元；", z - a + 1, zUnit, nPrice,
               nPrice * (z - a + 1));
  }
}

int fee_per_item(int nPrior, int nItems, FeeResult *pRes) {
  Buf b = BUF_INIT;
  pRes->nYuan = 0;
  if (nPrior < 0 || nItems < 1 || nPrior > FEE_MAX_COUNT ||
      nItems > FEE_MAX_COUNT - nPrior) {
    pRes->zText = mprintf("按件计收参数无效：本月此前已计%d件，本次%d件",
                          nPrior, nItems);
    return FEE_EINVAL;
  }
  int a = nPrior + 1, z = nPrior + nItems;
  buf_printf(&b, "按件计收：同一申请人本自然月内累计第%d", a);
  if (z > a) buf_printf(&b, "—%d", z);
  buf_printf(&b, "件（本次%d件）；", nItems);
  /* Walk bands of equal price. */
  for (int i = a; i <= z;) {
    long long p = fee_item_price(i);
    int j = i;
    while (j < z && fee_item_price(j + 1) == p) j++;
    put_segment(&b, i, j, p, "件");
    pRes->nYuan += p * (j - i + 1);
    i = j + 1;
  }
  buf_printf(&b, "合计%lld元（国办函〔2020〕109号第四条）", pRes->nYuan);
  pRes->zText = buf_steal(&b);
  return FEE_OK;
}

int fee_per_volume(int nPages, FeeResult *pRes) {
  Buf b = BUF_INIT;
  pRes->nYuan = 0;
  if (nPages < 0 || nPages > FEE_MAX_COUNT) {
    pRes->zText = mprintf("按量计收参数无效：%d页", nPages);
    return FEE_EINVAL;
  }
  buf_printf(&b, "按量计收：共%d页；", nPages);
  for (size_t i = 0; i < sizeof aPageTier / sizeof aPageTier[0]; i++) {
    int a = aPageTier[i].nFrom;
    int z = aPageTier[i].nTo < nPages ? aPageTier[i].nTo : nPages;
    if (a > z) break;
    put_segment(&b, a, z, aPageTier[i].nYuan, "页");
    pRes->nYuan += (long long)aPageTier[i].nYuan * (z - a + 1);
  }
  buf_printf(&b, "合计%lld元（国办函〔2020〕109号第五条）", pRes->nYuan);
  pRes->zText = buf_steal(&b);
  return FEE_OK;
}

void fee_result_free(FeeResult *pRes) {
  free(pRes->zText);
  pRes->zText = NULL;
}
