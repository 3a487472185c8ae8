/*
** fees.c — 信息处理费 under 国办函〔2020〕109号 Arts. 4 and 5 (see fees.h).
*/
#include "core/fees.h"

#include <limits.h>
#include <stdlib.h>

#include <string.h>

#include "core/regime.h"
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

int fee_compute(const FeeRequest *p, FeeResult *pRes) {
  char z[DATE_STRLEN];
  pRes->nYuan = 0;
  pRes->zText = NULL;
  if (!regime_fees_apply(p->dReceived)) {
    pRes->zText = mprintf("该申请于 %s 收到；信息处理费自2021年1月1日起收取"
                          "（国办函〔2020〕109号），此前收到的申请不收费",
                          date_format(p->dReceived, z));
    return FEE_EINVAL;
  }
  const char *zM = p->zMethod ? p->zMethod : "";
  if (!strcmp(zM, "per_item")) return fee_per_item(p->nPrior, p->nCount, pRes);
  if (strcmp(zM, "per_volume")) {
    pRes->zText = mprintf("请选择计收方式（按件计收或按量计收）");
    return FEE_EINVAL;
  }
  if (p->zForm && !strcmp(p->zForm, "inspection")) {
    pRes->zText = mprintf("按量计收适用于以提供纸质件、发送电子邮件、复制电子"
                          "数据等方式提供政府信息的情形；申请人当场查阅的不按"
                          "量计收（国办函〔2020〕109号第五条）");
    return FEE_EINVAL;
  }
  return fee_per_volume(p->nCount, pRes);
}

char *fee_notice_text(const char *zMethod, long long nYuan,
                      const char *zExplain, Date dLimit) {
  char z[DATE_STRLEN];
  int bItem = zMethod && !strcmp(zMethod, "per_item");
  return mprintf(
      "收费依据：《中华人民共和国政府信息公开条例》第四十二条，《政府信息公开"
      "信息处理费管理办法》（国办函〔2020〕109号）第%s条。"
      "收费标准：%s。计算：%s。收费金额：%lld元。"
      "缴费期限：请自收到本通知之日起20个工作日内缴纳（自发出之日起算至 %s）；"
      "逾期未缴纳的，本机关不再处理您的政府信息公开申请。",
      bItem ? "四" : "五",
      bItem ? "按件计收，同一申请人一个自然月内累计申请10件以下（含10件）的"
              "不收费，11—30件的部分100元/件，31件以上的部分以10件为一档、"
              "每增加一档收费标准提高100元/件"
            : "按量计收，30页以下（含30页）的不收费，31—100页的部分10元/页，"
              "101—200页的部分20元/页，201页以上的部分40元/页",
      zExplain ? zExplain : "", nYuan, date_format(dLimit, z));
}

void fee_result_free(FeeResult *pRes) {
  free(pRes->zText);
  pRes->zText = NULL;
}
