/* notice.c — notice kinds and their default texts (see notice.h). */
#include "core/notice.h"

#include <stdio.h>
#include <string.h>

#include "core/regime.h"

#define CONTACT "联系人：{contact}；联系电话：{phone}。\n"
#define SIGN "{org}\n{date}"
#define R2007 "《中华人民共和国政府信息公开条例》（国务院令第492号）"

/* The 2007 Regulation's texts (applications received before 2019-05-15):
** no receipt-date rule (2019 Art. 31), 更改、补充 under Art. 21(四)
** instead of Art. 30's 补正 with its 7 days, extension under Art. 24 ¶2,
** third parties under Art. 23 without a time limit. */
static const char zReceipt2007[] =
    "{applicant}：\n"
    "本机关于{received_on}收到您提出的政府信息公开申请，登记号：{reg_no}，"
    "您申请获取：{info}。本机关将在法定期限内予以答复（答复期限：{due}），"
    "需要延长答复期限的，将告知您。\n"
    "您可以凭登记号和查询码查询办理进度。\n" CONTACT "{remedy}\n" SIGN;
static const char zCorrection2007[] =
    "{applicant}：\n"
    "本机关于{received_on}收到您提出的政府信息公开申请（登记号：{reg_no}）。"
    "经审查，您的申请内容不明确，依照" R2007 "第二十一条第（四）项，请您作出"
    "更改、补充：{event_text}\n"
    "请于{limit}前提交更改、补充后的申请；答复期限自本机关收到更改、补充后的"
    "申请之日起计算。无正当理由逾期未提交的，视为您放弃申请，本机关不再处理"
    "该申请。\n" CONTACT "{remedy}\n" SIGN;
static const char zExtension2007[] =
    "{applicant}：\n"
    "本机关于{received_on}收到您提出的政府信息公开申请（登记号：{reg_no}），"
    "您申请获取：{info}。因{event_text}，不能在规定期限内作出答复。"
    "经政府信息公开工作机构负责人同意，依照" R2007 "第二十四条第二款，答复期限"
    "延长{days}个工作日，至{due}。\n" CONTACT "{remedy}\n" SIGN;
static const char zThird2007[] =
    "{event_text}：\n"
    "本机关收到申请人提出的政府信息公开申请（登记号：{reg_no}），申请获取："
    "{info}。该信息涉及商业秘密、个人隐私，公开后可能损害您的合法权益。依照"
    R2007 "第二十三条，现书面征求您的意见。您不同意公开的，本机关不得公开；"
    "但本机关认为不公开可能对公共利益造成重大影响的，应当予以公开，并将决定"
    "公开的政府信息内容和理由书面通知您。\n" CONTACT SIGN;
static const char zDisclose2007[] =
    "第三方：\n"
    "本机关就申请人提出的政府信息公开申请（登记号：{reg_no}，申请获取：{info}）"
    "征求了您的意见。本机关认为不公开可能对公共利益造成重大影响，依照" R2007
    "第二十三条，决定予以公开。决定公开的政府信息内容和理由：{event_text}\n"
    "如对本决定不服，可以依法申请行政复议或者提起行政诉讼。\n" CONTACT SIGN;

const NoticeKind aNoticeKind[] = {
    {"receipt", "政府信息公开申请登记回执", NULL, "《条例》第三十一条", 1,
     "{applicant}：\n"
     "本机关于{received_on}收到您提出的政府信息公开申请，登记号：{reg_no}，"
     "您申请获取：{info}。依照《中华人民共和国政府信息公开条例》第三十一条，"
     "{received_on}为本机关收到申请之日；本机关将在法定期限内予以答复"
     "（答复期限：{due}），需要延长答复期限的，将告知您。\n"
     "您可以凭登记号和查询码查询办理进度。\n" CONTACT "{remedy}\n" SIGN, zReceipt2007},
    {"correction", "政府信息公开申请补正告知书", "correction_sent",
     "《条例》第三十条", 1,
     "{applicant}：\n"
     "本机关于{received_on}收到您提出的政府信息公开申请（登记号：{reg_no}）。"
     "经审查，您的申请内容不明确，依照《中华人民共和国政府信息公开条例》"
     "第三十条，请您作出补正：{event_text}\n"
     "请于{limit}前提交补正后的申请；答复期限自本机关收到补正的申请之日起"
     "计算。无正当理由逾期不补正的，视为您放弃申请，本机关不再处理该申请。\n"
     CONTACT "{remedy}\n" SIGN, zCorrection2007},
    {"extension", "政府信息公开申请延期答复告知书", "extension",
     "《条例》第三十三条第二款", 1,
     "{applicant}：\n"
     "本机关于{received_on}收到您提出的政府信息公开申请（登记号：{reg_no}），"
     "您申请获取：{info}。因{event_text}，不能在规定期限内作出答复。"
     "经政府信息公开工作机构负责人同意，依照《中华人民共和国政府信息公开条例》"
     "第三十三条第二款，答复期限延长{days}个工作日，至{due}。\n"
     CONTACT "{remedy}\n" SIGN, zExtension2007},
    {"third_party", "政府信息公开征求第三方意见书", "third_party_start",
     "《条例》第三十二条", 0,
     "{event_text}：\n"
     "本机关收到申请人提出的政府信息公开申请（登记号：{reg_no}），申请获取："
     "{info}。本机关认为，该信息公开后可能损害您的合法权益。依照《中华人民共和国"
     "政府信息公开条例》第三十二条，现书面征求您的意见。请您自收到本意见书之日起"
     "15个工作日内提出意见；逾期未提出意见的，由本机关依照《条例》的规定决定"
     "是否公开。您不同意公开且有合理理由的，本机关不予公开；但本机关认为不公开"
     "可能对公共利益造成重大影响的，可以决定予以公开，并将决定公开的内容和理由"
     "书面告知您。\n" CONTACT SIGN, zThird2007},
    {"disclose_third_party", "决定公开政府信息告知第三方书", "disclose_notice",
     "《条例》第三十二条", 0,
     "第三方：\n"
     "本机关就申请人提出的政府信息公开申请（登记号：{reg_no}，申请获取：{info}）"
     "征求了您的意见。本机关认为不公开可能对公共利益造成重大影响，依照《中华人民"
     "共和国政府信息公开条例》第三十二条，决定予以公开。决定公开的内容和理由："
     "{event_text}\n"
     "如对本决定不服，可以依法申请行政复议或者提起行政诉讼。\n" CONTACT SIGN, zDisclose2007},
    {"fee", "政府信息公开信息处理费收费通知书", "fee_notice",
     "国办函〔2020〕109号《政府信息公开信息处理费管理办法》", 1,
     "{applicant}：\n"
     "您提出的政府信息公开申请（登记号：{reg_no}）申请公开政府信息的数量、频次"
     "明显超过合理范围，依照《中华人民共和国政府信息公开条例》第四十二条和"
     "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），本机关收取"
     "信息处理费：{event_text}\n"
     "请于{limit}前缴纳；自本机关发出收费通知之日至您缴纳费用之日的期间，"
     "不计算在答复期限内。逾期未缴纳的，视为放弃申请，本机关不再处理该申请。\n"
     CONTACT "{remedy}\n" SIGN, NULL},
    {"answer", "政府信息公开申请答复告知书", NULL, "《条例》第三十六条", 1, NULL, NULL},
    {NULL, NULL, NULL, NULL, 0, NULL, NULL}};

const char *notice_default_text(const NoticeKind *k, Date dReceipt) {
  if (!k) return NULL;
  if (k->zDefault2007 && regime_for(dReceipt)->iYear == 2007)
    return k->zDefault2007;
  return k->zDefault;
}

const NoticeKind *notice_kind(const char *zId) {
  for (int i = 0; zId && aNoticeKind[i].zId; i++)
    if (!strcmp(aNoticeKind[i].zId, zId)) return &aNoticeKind[i];
  return NULL;
}

const NoticeKind *notice_kind_for_event(const char *zEvent) {
  for (int i = 0; zEvent && aNoticeKind[i].zId; i++)
    if (aNoticeKind[i].zEvent && !strcmp(aNoticeKind[i].zEvent, zEvent))
      return &aNoticeKind[i];
  return NULL;
}

const char *notice_template_key(const NoticeKind *k) {
  static const char *az[] = {"notice.receipt", "notice.correction",
                             "notice.extension", "notice.third_party",
                             "notice.disclose_third_party", "notice.fee",
                             "notice.answer"};
  return az[k - aNoticeKind];
}

const NoticeKind *notice_kind_of_key(const char *zKey) {
  if (!zKey || strncmp(zKey, "notice.", 7)) return NULL;
  const NoticeKind *k = notice_kind(zKey + 7);
  return k && k->zDefault ? k : NULL;
}

void notice_doc_no(char *z, int n, const char *zPrefix, int iYear,
                   int iSerial) {
  snprintf(z, (size_t)n, "%s〔%d〕%d号", zPrefix, iYear, iSerial);
}
