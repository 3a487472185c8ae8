/*
** application.c — code lists, form validation, the application clock and
** answer-letter templates for applications (see application.h).
*/
#include "core/application.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/ident.h"
#include "core/regime.h"
#include "lib/buf.h"
#include "lib/utf8.h"

const AppChannel aAppChannel[] = {
    {"in_person", "当面提交", DL_CH_IN_PERSON, "提交日期"},
    {"oral", "口头提出（代为填写）", DL_CH_ORAL, "提出日期"},
    {"post_signed", "邮寄（需签收）", DL_CH_POST_SIGNED, "签收日期"},
    {"post_ordinary", "平常信函", DL_CH_POST_ORDINARY, "与申请人确认日期"},
    {"online", "网络（在线申请）", DL_CH_ONLINE, "双方确认日期"},
    {"fax", "传真", DL_CH_FAX, "双方确认日期"},
    {"email", "电子邮件", DL_CH_ONLINE, "双方确认日期"},
    {NULL, NULL, 0, NULL},
};

const AppCode aAppApplicantType[] = {
    {"natural_person", "自然人"},
    {"commercial", "商业企业"},
    {"research", "科研机构"},
    {"public_welfare", "社会公益组织"},
    {"legal_service", "法律服务机构"},
    {"other_org", "其他组织"},
    {NULL, NULL},
};

const AppCode aAppIdKind[] = {
    {"resident_id", "居民身份证"},
    {"uscc", "统一社会信用代码"},
    {"passport", "护照"},
    {"hk_macao_permit", "港澳居民来往内地通行证"},
    {"taiwan_permit", "台湾居民来往大陆通行证"},
    {"foreign_pr_id", "外国人永久居留身份证"},
    {"other", "其他有效证件"},
    {NULL, NULL},
};

const AppCode aAppForm[] = {
    {"paper", "纸质"},
    {"email", "电子邮件"},
    {"electronic", "电子数据（光盘、U盘等）"},
    {"inspection", "当场查阅、抄录"},
    {"other", "其他"},
    {NULL, NULL},
};

const AppCode aAppDelivery[] = {
    {"post", "邮寄"},
    {"email", "电子邮件"},
    {"pickup", "自行领取"},
    {NULL, NULL},
};

const AppOutcome aAppOutcome[] = {
    {"results.granted", "（一）予以公开",
     /* Art. 36(一), already disclosed, is its own answer (oAlreadyPublic) */
     "《条例》第三十六条第（二）项",
     "您申请获取的政府信息属于公开范围，本机关予以公开。"},
    {"results.partial", "（二）部分公开", "《条例》第三十七条",
     "您申请获取的政府信息中含有不应当公开或者不属于政府信息的内容，"
     "但能够作区分处理，本机关向您提供可以公开的部分，不予公开的部分说明理由如下。"},
    {"results.denied.state_secret", "（三）1.属于国家秘密", "《条例》第十四条",
     "您申请获取的政府信息依法确定为国家秘密，本机关决定不予公开。"},
    {"results.denied.law_forbidden", "（三）2.其他法律行政法规禁止公开",
     "《条例》第十四条",
     "您申请获取的政府信息属于法律、行政法规禁止公开的政府信息，本机关决定不予公开。"},
    {"results.denied.three_security_one_stability",
     "（三）3.危及“三安全一稳定”", "《条例》第十四条",
     "您申请获取的政府信息公开后可能危及国家安全、公共安全、经济安全、社会稳定，"
     "本机关决定不予公开。"},
    {"results.denied.third_party", "（三）4.保护第三方合法权益",
     "《条例》第十五条、第三十二条",
     "您申请获取的政府信息涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害，"
     "本机关决定不予公开。"},
    {"results.denied.internal_affairs", "（三）5.属于三类内部事务信息",
     "《条例》第十六条第一款",
     "您申请获取的信息属于人事管理、后勤管理、内部工作流程等内部事务信息，"
     "本机关决定不予公开。"},
    {"results.denied.process_info", "（三）6.属于四类过程性信息",
     "《条例》第十六条第二款",
     "您申请获取的信息属于讨论记录、过程稿、磋商信函、请示报告等过程性信息，"
     "本机关决定不予公开。"},
    {"results.denied.enforcement_file", "（三）7.属于行政执法案卷",
     "《条例》第十六条第二款",
     "您申请获取的信息属于行政执法案卷信息，本机关决定不予公开。"},
    {"results.denied.admin_inquiry", "（三）8.属于行政查询事项",
     /* our reading of the row (regulation.md §1.6); the letter shows
     ** only the article */
     "《条例》第三十六条第（七）项",
     "您申请获取的信息属于行政查询事项，请按照有关法律、行政法规的规定办理。"},
    {"results.cannot_provide.not_held", "（四）1.本机关不掌握相关政府信息",
     "《条例》第三十六条第（四）项",
     "经检索查找，本机关未制作、获取您申请的政府信息，该政府信息不存在。"},
    {"results.cannot_provide.needs_creation",
     "（四）2.没有现成信息需要另行制作", "《条例》第三十八条",
     "您申请的信息需要本机关对现有政府信息进行加工、分析后方能形成，"
     "本机关不予提供。"},
    {"results.cannot_provide.still_unclear", "（四）3.补正后申请内容仍不明确",
     "《条例》第三十条",
     "经补正，您的申请内容仍不明确，本机关无法确定您所需的政府信息。"},
    {"results.not_processed.petition_complaint", "（五）1.信访举报投诉类申请",
     "《条例》第三十九条第一款",
     "您的申请以政府信息公开申请的形式进行信访、投诉、举报，不作为政府信息公开申请处理，"
     "请通过相应渠道提出。"},
    {"results.not_processed.repeat", "（五）2.重复申请",
     "《条例》第三十六条第（六）项",
     "本机关已就您申请公开的政府信息作出答复，您重复申请公开相同政府信息，本机关不予重复处理。"},
    {"results.not_processed.publication", "（五）3.要求提供公开出版物",
     "《条例》第三十九条第二款",
     "您申请获取的是政府公报、报刊、书籍等公开出版物，请通过相应渠道获取。"},
    {"results.not_processed.mass_repeat", "（五）4.无正当理由大量反复申请",
     "《条例》第三十五条",
     "您申请公开政府信息的数量、频次明显超过合理范围，且未说明正当理由，本机关不予处理。"},
    {"results.not_processed.confirm_or_reissue",
     "（五）5.要求行政机关确认或重新出具已获取信息",
     /* no article of its own (regulation.md §1.6): Art. 2 (what
     ** government information is) and Art. 38 (existing information) */
     "《条例》第二条、第三十八条",
     "您要求本机关确认或者重新出具已获取的信息，不属于政府信息公开申请的处理范围。"},
    {"results.other.no_correction", "（六）1.申请人无正当理由逾期不补正",
     "《条例》第三十条",
     "您未在补正通知规定的期限内补正申请，且无正当理由，视为放弃申请，本机关不再处理。"},
    {"results.other.fee_unpaid", "（六）2.申请人逾期未按收费通知要求缴纳费用",
     "《条例》第四十二条、《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）",
     "您未按收费通知要求在规定期限内缴纳信息处理费，本机关不再处理您的申请。"},
    {"results.other.other", "（六）3.其他", "《条例》有关规定",
     "本机关对您的申请作如下处理。"},
    {NULL, NULL, NULL, NULL},
};

const AppCode aAppReviewKind[] = {
    {"review", "行政复议"},
    {"lit_direct", "未经复议直接起诉"},
    {"lit_after_review", "复议后起诉"},
    {NULL, NULL},
};

const AppCode aAppReviewResult[] = {
    {"upheld", "结果维持"}, {"corrected", "结果纠正"},
    {"other", "其他结果"},  {"pending", "尚未审结"},
    {NULL, NULL},
};

const AppCode aAppEventKind[] = {
    {"correction_sent", "发出补正通知（第三十条）"},
    {"correction_received", "收到补正后的申请（第三十条）"},
    {"correction_lapsed", "逾期未补正，视为放弃（第三十条）"},
    {"third_party_start", "书面征求第三方意见（第三十二条）"},
    {"third_party_end", "收到第三方意见（第三十二条）"},
    {"organ_start", "征求其他机关意见（第三十四条）"},
    {"organ_end", "收到其他机关意见（第三十四条）"},
    {"extension", "延长答复期限（第三十三条）"},
    {"art35", "确定合理的延迟答复期限（第三十五条）"},
    {"fee_notice", "发出收费通知"},
    {"fee_paid", "申请人缴费"},
    {"fee_lapsed", "逾期未缴费，不再处理"},
    {"answered", "作出答复"},
    {"correction_extended", "延长补正期限（第三十条）"},
    {"disclose_notice", "决定公开告知第三方（第三十二条）"},
    {NULL, NULL},
};

const AppCode aAppState[] = {
    {"received", "已受理"},
    {"in_progress", "办理中"},
    {"awaiting_review", "待科室审核"},
    {"awaiting_approval", "待领导审批"},
    {"answered", "已答复"},
    {"closed", "已终止"},
    {NULL, NULL},
};

const AppCode *app_code(const AppCode *a, const char *zId) {
  if (!zId) return NULL;
  for (; a->zId; a++)
    if (!strcmp(a->zId, zId)) return a;
  return NULL;
}

const char *app_label(const AppCode *a, const char *zId) {
  const AppCode *p = app_code(a, zId);
  return p ? p->zLabel : zId ? zId : "";
}

const AppChannel *app_channel(const char *zId) {
  if (!zId) return NULL;
  for (const AppChannel *p = aAppChannel; p->zId; p++)
    if (!strcmp(p->zId, zId)) return p;
  return NULL;
}

const AppOutcome *app_outcome(const char *zId) {
  if (!zId) return NULL;
  for (const AppOutcome *p = aAppOutcome; p->zId; p++)
    if (!strcmp(p->zId, zId)) return p;
  return NULL;
}

/* ---- validation --------------------------------------------------------- */

/* Appends one error (when room is left); returns the new count. */
static int add_err(AppFieldErr *aErr, int n, const char *zField,
                   const char *zFmt, ...) {
  if (n >= APP_MAX_ERRORS) return n;
  va_list ap;
  aErr[n].zField = zField;
  va_start(ap, zFmt);
  vsnprintf(aErr[n].zMsg, sizeof aErr[n].zMsg, zFmt, ap);
  va_end(ap);
  return n + 1;
}

/* Length of z in characters after trimming nothing (NULL = 0). */
static size_t nchar(const char *z) {
  return z ? utf8_len(z, strlen(z)) : 0;
}

/* 1 when z is NULL or only white space. */
static int blank(const char *z) { return utf8_blank(z); }

/* 1 when the digits z (country code already removed) are a mainland
** mobile number, or a landline with or without its leading 0. */
static int phone_digits_ok(const char *z) {
  char zL[40];
  if (ident_mobile_check(z, NULL) == IDENT_OK) return 1;
  if (ident_landline_check(z, NULL) == IDENT_OK) return 1;
  size_t n = strlen(z);
  if (z[0] == '0' || n + 2 > sizeof zL) return 0;
  zL[0] = '0'; /* +86 10 6551 1234 */
  memcpy(zL + 1, z, n + 1);
  return ident_landline_check(zL, NULL) == IDENT_OK;
}

/* 1 when zMain (no extension) is a phone number: optional +86 / 0086,
** brackets around the area code, spaces and dashes. */
static int phone_main_ok(const char *zMain) {
  char zIn[64], z[40];
  size_t n = 0;
  int bPlus = 0;
  for (const char *p = zMain; *p && n + 4 < sizeof zIn;) {
    int nLen;
    uint32_t c = utf8_decode(p, strlen(p), &nLen);
    if (nLen <= 0) return 0;
    if (c == '+' || c == 0xFF0B) { /* ＋ */
      if (n || bPlus) return 0;
      bPlus = 1;
    } else if (c != '(' && c != ')' && c != 0xFF08 && c != 0xFF09) {
      memcpy(zIn + n, p, (size_t)nLen);
      n += (size_t)nLen;
    }
    p += nLen;
  }
  zIn[n] = 0;
  if (ident_normalize(zIn, z, sizeof z) < 0) return 0;
  const char *zNum = z;
  if (bPlus && strncmp(z, "86", 2)) return 0; /* only mainland numbers */
  if (bPlus) zNum = z + 2;
  else if (!strncmp(z, "0086", 4)) zNum = z + 4;
  for (const char *q = zNum; *q; q++)
    if (*q < '0' || *q > '9') return 0;
  return zNum[0] && phone_digits_ok(zNum);
}

/* 1 when z is 1-6 digits, possibly with spaces around them. */
static int phone_ext_ok(const char *z) {
  char zE[16];
  int n = ident_normalize(z, zE, sizeof zE);
  if (n < 1 || n > 6) return 0;
  for (int i = 0; i < n; i++)
    if (zE[i] < '0' || zE[i] > '9') return 0;
  return 1;
}

/* 1 when zPhone is a telephone number as applicants write it: a mobile or
** landline number, +86 / 0086, and for a landline an extension after
** "转", "分机" or a last "-". */
static int phone_ok(const char *zPhone) {
  static const char *aSep[] = {"转", "分机", "ext", "EXT"};
  char zMain[64];
  if (strlen(zPhone) >= sizeof zMain) return 0;
  if (phone_main_ok(zPhone)) return 1;
  for (size_t i = 0; i < sizeof aSep / sizeof aSep[0]; i++) {
    const char *zSep = strstr(zPhone, aSep[i]);
    if (!zSep) continue;
    memcpy(zMain, zPhone, (size_t)(zSep - zPhone));
    zMain[zSep - zPhone] = 0;
    return phone_ext_ok(zSep + strlen(aSep[i])) && phone_main_ok(zMain);
  }
  const char *zDash = strrchr(zPhone, '-');
  if (!zDash || !phone_ext_ok(zDash + 1)) return 0;
  memcpy(zMain, zPhone, (size_t)(zDash - zPhone));
  zMain[zDash - zPhone] = 0;
  return phone_main_ok(zMain);
}

/* 1 when a code point may stand in an internationalised domain label:
** not ASCII, not CJK or full-width punctuation, not a space. */
static int idn_char(uint32_t c) {
  return c >= 0x80 && !utf8_is_space(c) && !(c >= 0x2000 && c <= 0x206F) &&
         !(c >= 0x3000 && c <= 0x303F) && !(c >= 0xFF00 && c <= 0xFFEF);
}

/* 1 when zEmail is an address ident_email_check() accepts once every
** non-ASCII letter of its domain (例子.中国) stands for one ASCII letter. */
static int email_ok(const char *zEmail) {
  const char *zAt = strchr(zEmail, '@');
  size_t n = strlen(zEmail);
  if (!zAt || n > 254) return 0;
  char *zCopy = malloc(n + 1);
  if (!zCopy) return 0;
  size_t k = (size_t)(zAt - zEmail);
  memcpy(zCopy, zEmail, k);
  int ok = 1;
  for (const char *p = zAt; *p && ok;) {
    int nLen;
    uint32_t c = utf8_decode(p, strlen(p), &nLen);
    if (nLen <= 0 || (c >= 0x80 && !idn_char(c))) ok = 0;
    zCopy[k++] = c >= 0x80 ? 'a' : *p;
    p += nLen > 0 ? nLen : 1;
  }
  zCopy[k] = 0;
  ok = ok && ident_email_check(zCopy, NULL) == IDENT_OK;
  free(zCopy);
  return ok;
}

/* 1 when z is a postcode: six digits, full-width ones and spaces allowed. */
static int postcode_ok(const char *z) {
  char zP[16];
  if (ident_normalize(z, zP, sizeof zP) != 6) return 0;
  for (int i = 0; i < 6; i++)
    if (zP[i] < '0' || zP[i] > '9') return 0;
  return 1;
}

int app_validate(const AppInput *p, int iToday, char zIdNorm[64],
                 AppFieldErr *aErr) {
  int n = 0;
  zIdNorm[0] = 0;
  static const struct {
    const char *zField, *zLabel;
    size_t nMax;
  } aLen[] = {
      {"name", "申请人姓名或名称", 100},
      {"contact_person", "联系人", 50},
      {"phone", "联系电话", 30},
      {"email", "电子邮箱", 254},
      {"address", "通信地址", 200},
      {"postcode", "邮政编码", 10},
      {"info_title", "所需信息的名称", 300},
      {"info_doc_number", "文号", 100},
      {"info_description", "所需信息的内容描述", 4000},
      {"purpose", "用途", 1000},
  };
  const char *aVal[] = {p->zName,      p->zContactPerson, p->zPhone,
                        p->zEmail,     p->zAddress,       p->zPostcode,
                        p->zInfoTitle, p->zInfoDocNumber, p->zInfoDescription,
                        p->zPurpose};
  for (size_t i = 0; i < sizeof aLen / sizeof aLen[0]; i++) {
    if (aVal[i] && !utf8_valid(aVal[i], strlen(aVal[i])))
      n = add_err(aErr, n, aLen[i].zField, "%s含有无效字符", aLen[i].zLabel);
    else if (nchar(aVal[i]) > aLen[i].nMax)
      n = add_err(aErr, n, aLen[i].zField, "%s不能超过%zu个字", aLen[i].zLabel,
                  aLen[i].nMax);
  }
  const AppCode *pType = app_code(aAppApplicantType, p->zApplicantType);
  if (!pType) n = add_err(aErr, n, "applicant_type", "请选择申请人类型");
  if (blank(p->zName)) n = add_err(aErr, n, "name", "请填写申请人姓名或名称");
  const AppCode *pKind = app_code(aAppIdKind, p->zIdKind);
  if (!pKind) {
    n = add_err(aErr, n, "id_kind", "请选择身份证明类型");
  } else if (blank(p->zIdNumber)) {
    n = add_err(aErr, n, "id_number", "请填写%s号码", pKind->zLabel);
  } else if (ident_normalize(p->zIdNumber, zIdNorm, 64) < 0) {
    zIdNorm[0] = 0;
    n = add_err(aErr, n, "id_number", "证件号码含有无效字符");
  } else if (!strcmp(pKind->zId, "resident_id")) {
    IdentErr e;
    if (ident_id_check(zIdNorm, iToday, NULL, &e) != IDENT_OK)
      n = add_err(aErr, n, "id_number", "居民身份证号码有误：%s", e.zMsg);
  } else if (!strcmp(pKind->zId, "uscc")) {
    IdentErr e;
    if (ident_uscc_check(zIdNorm, &e) != IDENT_OK)
      n = add_err(aErr, n, "id_number", "统一社会信用代码有误：%s", e.zMsg);
  } else if (strlen(zIdNorm) < 5 || strlen(zIdNorm) > 30) {
    n = add_err(aErr, n, "id_number", "证件号码长度应为5至30位");
  }
  if (pType && pKind) {
    int bPerson = !strcmp(pType->zId, "natural_person");
    if (bPerson && !strcmp(pKind->zId, "uscc"))
      n = add_err(aErr, n, "id_kind", "自然人请填写居民身份证或其他个人证件");
    if (!bPerson && strcmp(pKind->zId, "uscc") && strcmp(pKind->zId, "other"))
      n = add_err(aErr, n, "id_kind",
                  "法人或其他组织请填写统一社会信用代码（或其他登记证件）");
  }
  if (!blank(p->zPhone) && !phone_ok(p->zPhone))
    n = add_err(aErr, n, "phone",
                "联系电话格式不正确（手机号或带区号的固定电话）");
  if (!blank(p->zEmail) && !email_ok(p->zEmail))
    n = add_err(aErr, n, "email", "电子邮箱格式不正确");
  if (!blank(p->zPostcode) && !postcode_ok(p->zPostcode))
    n = add_err(aErr, n, "postcode", "邮政编码应为6位数字");
  if (blank(p->zPhone) && blank(p->zEmail) && blank(p->zAddress))
    n = add_err(aErr, n, "phone",
                "请至少填写联系电话、电子邮箱或通信地址中的一项");
  if (blank(p->zInfoTitle) && blank(p->zInfoDocNumber) &&
      blank(p->zInfoDescription))
    n = add_err(aErr, n, "info_description",
                "请填写所需政府信息的名称、文号或者便于查询的其他特征性描述");
  if (!app_code(aAppForm, p->zForm))
    n = add_err(aErr, n, "form", "请选择信息的提供形式");
  const AppCode *pDel = app_code(aAppDelivery, p->zDelivery);
  if (!pDel) {
    n = add_err(aErr, n, "delivery", "请选择获取信息的方式");
  } else if (!strcmp(pDel->zId, "email") && blank(p->zEmail)) {
    n = add_err(aErr, n, "email", "选择电子邮件获取时请填写电子邮箱");
  } else if (!strcmp(pDel->zId, "post") && blank(p->zAddress)) {
    n = add_err(aErr, n, "address", "选择邮寄时请填写通信地址");
  }
  return n;
}

char *app_mask_id(const char *zIdKind, const char *zIdNorm) {
  size_t n = strlen(zIdNorm ? zIdNorm : "");
  if (!zIdNorm) return NULL;
  if (zIdKind && !strcmp(zIdKind, "resident_id")) return ident_mask_id(zIdNorm);
  if (zIdKind && !strcmp(zIdKind, "uscc")) return ident_mask_uscc(zIdNorm);
  return ident_mask_alnum(zIdNorm, n, 2, 2);
}

/* ---- the clock ---------------------------------------------------------- */

DlEventKind app_event_kind(const char *zKind) {
  return deadline_event_kind(zKind);
}

int app_clock(const Calendar *pCal, const char *zReceived, const AppEventRec *a,
              int n, Date dToday, DlResult *pRes) {
  return app_clock_ex(pCal, zReceived, a, n, NULL, dToday, pRes);
}

int app_clock_ex(const Calendar *pCal, const char *zReceived,
                 const AppEventRec *a, int n, const DlParams *pParams,
                 Date dToday, DlResult *pRes) {
  Date dRec;
  memset(pRes, 0, sizeof *pRes);
  if (!zReceived || date_parse(zReceived, &dRec)) {
    pRes->zErr = xstrdup("收到申请日期无效");
    return DL_EINVAL;
  }
  DlEvent *aEv = xmalloc(sizeof *aEv * (size_t)(n > 0 ? n : 1));
  for (int i = 0; i < n; i++) {
    DlEvent *e = &aEv[i];
    e->eKind = app_event_kind(a[i].zKind);
    e->dLimit = DATE_NONE;
    e->nDays = a[i].nDays;
    e->zText = a[i].zText;
    if (!e->eKind || date_parse(a[i].zOn ? a[i].zOn : "", &e->date) ||
        (a[i].zLimit && a[i].zLimit[0] &&
         date_parse(a[i].zLimit, &e->dLimit))) {
      pRes->zErr = mprintf("办理记录第%d条的类型或日期无效", i + 1);
      free(aEv);
      return DL_EINVAL;
    }
  }
  int rc = deadline_compute(pCal, dRec, aEv, n, pParams, dToday, pRes);
  free(aEv);
  return rc;
}

/* ---- answers ------------------------------------------------------------ */

/* Art. 36(一): counted in row （一） with (二) (regulation.md §1.6) but a
** different answer: nothing is sent, the applicant is told where the
** proactively disclosed information is. */
static const AppOutcome oAlreadyPublic = {
    APP_ANSWER_ALREADY_PUBLIC, "（一）予以公开（已主动公开，告知获取方式、途径）",
    "《条例》第三十六条第（一）项",
    "您申请获取的政府信息本机关已经主动公开。"};

/* Art. 36(五): counted in row （四）1 with (四) but a different answer. */
static const AppOutcome oOtherOrgan = {
    APP_ANSWER_OTHER_ORGAN, "（四）1.本机关不掌握相关政府信息（不属于本机关负责公开）",
    "《条例》第三十六条第（五）项",
    "经查，您申请公开的政府信息不属于本机关负责公开。"};

/* The second answer of a row, its row and its basis. */
static const struct {
  const AppOutcome *o;
  const char *zRow, *zBasis;
} aSecond[] = {
    {&oAlreadyPublic, "results.granted", "art36_1"},
    {&oOtherOrgan, "results.cannot_provide.not_held", "art36_5"},
};
#define N_SECOND (sizeof aSecond / sizeof aSecond[0])

const AppOutcome *app_answer_at(int i) {
  int k = 0;
  for (int j = 0; aAppOutcome[j].zId; j++) {
    if (k++ == i) return &aAppOutcome[j];
    for (size_t m = 0; m < N_SECOND; m++)
      if (!strcmp(aAppOutcome[j].zId, aSecond[m].zRow) && k++ == i)
        return aSecond[m].o;
  }
  return NULL;
}

const AppOutcome *app_answer(const char *zChoice, const char **pzOutcome,
                             const char **pzBasis) {
  const AppOutcome *o = NULL;
  for (size_t m = 0; zChoice && m < N_SECOND; m++)
    if (!strcmp(zChoice, aSecond[m].o->zId)) {
      *pzOutcome = aSecond[m].zRow;
      *pzBasis = aSecond[m].zBasis;
      return aSecond[m].o;
    }
  o = app_outcome(zChoice);
  if (!o) return NULL;
  *pzOutcome = o->zId;
  *pzBasis =
      !strcmp(o->zId, "results.cannot_provide.not_held") ? "art36_4" : "";
  return o;
}

const AppOutcome *app_answer_of(const char *zOutcome, const char *zBasis) {
  for (size_t m = 0; zBasis && m < N_SECOND; m++)
    if (!strcmp(zBasis, aSecond[m].zBasis)) return aSecond[m].o;
  return app_outcome(zOutcome);
}

/* The grounds under the 2007 Regulation (国务院令第492号), by answer id;
** answers it has no article for cite its Art. 21 (how every application is
** answered) or, for what is not government information, its Art. 2. */
#define R2007 "《条例》（国务院令第492号）"
static const struct {
  const char *zId, *zGround;
} aGround2007[] = {
    {"results.granted", R2007 "第二十一条第（一）项"},
    {APP_ANSWER_ALREADY_PUBLIC, R2007 "第二十一条第（一）项"},
    {"results.partial", R2007 "第二十二条"},
    {"results.denied.state_secret", R2007 "第十四条第四款、第二十一条第（二）项"},
    {"results.denied.three_security_one_stability",
     R2007 "第八条、第二十一条第（二）项"},
    {"results.denied.third_party", R2007 "第十四条第四款、第二十三条"},
    {"results.cannot_provide.not_held", R2007 "第二十一条第（三）项"},
    {APP_ANSWER_OTHER_ORGAN, R2007 "第二十一条第（三）项"},
    {"results.cannot_provide.needs_creation", R2007 "第二条"},
    {"results.cannot_provide.still_unclear", R2007 "第二十一条第（四）项"},
    {"results.not_processed.confirm_or_reissue", R2007 "第二条"},
    {"results.other.no_correction", R2007 "第二十一条第（四）项"},
};

const char *app_ground(const AppOutcome *o, Date dReceipt) {
  if (!o) return "";
  if (regime_for(dReceipt)->iYear != 2007) return o->zGround;
  for (size_t i = 0; i < sizeof aGround2007 / sizeof aGround2007[0]; i++)
    if (!strcmp(aGround2007[i].zId, o->zId)) return aGround2007[i].zGround;
  if (!strncmp(o->zId, "results.denied.", 15))
    return R2007 "第二十一条第（二）项";
  return R2007 "第二十一条";
}

/* ---- letters ------------------------------------------------------------ */

const char *app_default_template(const char *zOutcome) {
  (void)zOutcome; /* one text serves every outcome; {decision} varies */
  return "{applicant}：\n"
         "本机关于{received_on}收到您提出的政府信息公开申请（登记号：{reg_no}），"
         "您申请获取：{info}。经审查，现答复如下：\n"
         "{decision}\n"
         "{reasons}\n"
         "依据：{ground}。\n"
         "{obtain}\n"
         "{remedy}\n"
         "{org}\n"
         "{date}";
}

char *app_template_fill(const char *zTpl,
                        const char *(*xGet)(void *pCtx, const char *zName),
                        void *pCtx) {
  Buf b = BUF_INIT;
  const char *z = zTpl ? zTpl : "";
  while (*z) {
    const char *pOpen = strchr(z, '{');
    if (!pOpen) {
      buf_puts(&b, z);
      break;
    }
    const char *pClose = strchr(pOpen, '}');
    if (!pClose || pClose - pOpen > 40) {
      buf_append(&b, z, (size_t)(pOpen - z) + 1);
      z = pOpen + 1;
      continue;
    }
    buf_append(&b, z, (size_t)(pOpen - z));
    char zName[48];
    size_t nName = (size_t)(pClose - pOpen - 1);
    memcpy(zName, pOpen + 1, nName);
    zName[nName] = 0;
    const char *zVal = xGet(pCtx, zName);
    if (zVal)
      buf_puts(&b, zVal);
    else
      buf_append(&b, pOpen, (size_t)(pClose - pOpen) + 1);
    z = pClose + 1;
  }
  char *zOut = buf_steal(&b);
  return zOut ? zOut : xstrdup("");
}
