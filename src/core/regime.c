/*
** regime.c — the rules in force by date (see regime.h for the sources).
*/
#include "core/regime.h"

static const Regime aRegime[] = {
  {2007, "2007年《中华人民共和国政府信息公开条例》（国务院令第492号）",
   "原条例", 15, 15, NULL, "第二十四条第二款", "第二十四条第三款",
   "第二十三条", NULL, "第二十一条第（四）项", 0, 0, 0},
  {2019, "《中华人民共和国政府信息公开条例》（国务院令第711号修订）",
   "", 20, 20, "第三十一条", "第三十三条第二款", "第三十三条第三款",
   "第三十二条", "第三十四条", "第三十条", 7, 15, 1},
};

const Regime *regime_for(Date d) {
  return d < date_from_ymd(2019, 5, 15) ? &aRegime[0] : &aRegime[1];
}

Date regime_report_due(int iYear, int bGovernment, const char **pzArt) {
  if (iYear < 2019) {               /* published in 2019 or earlier */
    if (pzArt) *pzArt = "原条例第三十一条";
    return date_from_ymd(iYear + 1, 3, 31);
  }
  if (pzArt) *pzArt = "条例第四十九条";
  return date_from_ymd(iYear + 1, bGovernment ? 3 : 1, 31);
}

int regime_fees_apply(Date dReceipt) {
  return dReceipt >= date_from_ymd(2021, 1, 1);
}

int regime_review_first(Date dAnswer) {
  return dAnswer >= date_from_ymd(2024, 1, 1);
}

int regime_litigation_months(Date dAnswer) {
  return dAnswer < date_from_ymd(2015, 5, 1) ? 3 : 6;
}
