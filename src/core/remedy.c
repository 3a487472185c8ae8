/*
** remedy.c — the remedy paragraphs of answer letters and of the guide
** (see remedy.h for the rules and their sources).
*/
#include "core/remedy.h"

#include <string.h>

#include "core/regime.h"
#include "lib/buf.h"

/* Either route: litigation within three months before 2015-05-01, six
** from then on (regime.h).  From 2024-01-01 the reconsideration organ is
** named when known: a decision that does not tell it lets the 60 days run
** only from when the applicant learns it, up to a year (行政复议法 2023
** Art. 20 ¶3); before, the letters named none. */
static char *either(Date dAnswer, const char *zOrgan) {
  int bName = regime_review_first(dAnswer) && zOrgan && zOrgan[0];
  return mprintf("如对本答复不服，可以自收到本告知书之日起六十日内依法%s%s"
                 "申请行政复议，或者自收到本告知书之日起%s个月内依法向人民法院"
                 "提起行政诉讼。",
                 bName ? "向" : "", bName ? zOrgan : "",
                 regime_litigation_months(dAnswer) == 3 ? "三" : "六");
}

int remedy_review_first(Date dAnswer, const char *zOutcome) {
  if (!zOutcome || !regime_review_first(dAnswer)) return 0;
  return !strncmp(zOutcome, "results.denied.", 15) ||
         !strcmp(zOutcome, "results.partial");
}

/* "先向X申请行政复议" for the refusal (zWhat: what is contested). */
static void review_first(Buf *b, const char *zWhat, const char *zOrgan) {
  buf_printf(b, "如对%s不服的，应当自收到本告知书之日起六十日内先向%s申请行政"
                "复议；对行政复议决定不服的，可以自收到行政复议决定书之日起"
                "十五日内依法向人民法院提起行政诉讼（《中华人民共和国行政复议"
                "法》第二十三条第一款第（四）项、第二款，《中华人民共和国行政"
                "诉讼法》第四十五条）。",
             zWhat, zOrgan && zOrgan[0] ? zOrgan : "本机关的同级人民政府");
}

char *remedy_text(Date dAnswer, const char *zOutcome, const char *zOrgan) {
  if (!remedy_review_first(dAnswer, zOutcome)) return either(dAnswer, zOrgan);
  Buf b = BUF_INIT;
  if (!strcmp(zOutcome, "results.partial")) {
    review_first(&b, "本答复中不予公开的部分", zOrgan);
    buf_puts(&b, "\n对本答复的其他内容不服的，可以自收到本告知书之日起六十日"
                 "内依法申请行政复议，或者自收到本告知书之日起六个月内依法向"
                 "人民法院提起行政诉讼。");
  } else {
    review_first(&b, "本机关不予公开的决定", zOrgan);
  }
  return buf_steal(&b);
}

char *remedy_guide_text(Date dToday, const char *zOrgan) {
  const char *zO = zOrgan && zOrgan[0] ? zOrgan : "本机关的同级人民政府";
  if (!regime_review_first(dToday))
    return mprintf("申请人认为本机关在政府信息公开工作中侵犯其合法权益的，可以"
                   "依法申请行政复议或者提起行政诉讼（条例第五十一条）。");
  return mprintf("申请人认为本机关在政府信息公开工作中侵犯其合法权益的，可以依"
                 "法申请行政复议或者提起行政诉讼（条例第五十一条）。其中，对本"
                 "机关不予公开政府信息的决定（含部分公开中不予公开的部分）不服"
                 "的，应当先向%s申请行政复议，对行政复议决定不服的，再依法提起"
                 "行政诉讼（《中华人民共和国行政复议法》第二十三条，自2024年1月"
                 "1日起施行）。", zO);
}
