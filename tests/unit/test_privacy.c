/* test_privacy.c — the privacy scanner and masking (src/core/privacy.c). */
#include <stdint.h>
#include <stdlib.h>

#include "../../src/core/privacy.h"
#include "../../src/lib/buf.h"
#include "../../src/lib/utf8.h"
#include "harness.h"

/* Scans z and renders the findings as "kind@off+len=match>mask;" (with
** "?" after the kind for low confidence).  Caller frees. */
static char *scan_str(const char *z, const PrivacyOptions *pOpt) {
  PrivacyResult r;
  Buf b = BUF_INIT;
  CHECK_INT(privacy_scan(z, strlen(z), pOpt, &r), PRIVACY_OK);
  for (size_t k = 0; k < r.nFinding; k++) {
    const PrivacyFinding *f = &r.aFinding[k];
    buf_puts(&b, privacy_kind_name(f->eKind));
    if (f->eConf == PRIVACY_CONF_LOW) buf_puts(&b, "?");
    buf_printf(&b, "@%zu+%zu=", f->iOffset, f->nLen);
    buf_puts(&b, f->zMatch);
    buf_puts(&b, ">");
    buf_puts(&b, f->zMask);
    buf_puts(&b, ";");
    /* the match really is at that offset of the original */
    CHECK(memcmp(z + f->iOffset, f->zMatch, f->nLen) == 0);
    CHECK(strstr(f->zContext, f->zMatch) != NULL);
  }
  privacy_result_free(&r);
  if (!b.z) buf_puts(&b, "");
  return buf_steal(&b);
}

/* Scans z, compares the rendering with want, frees. */
#define CHECK_SCAN(z, want)             \
  do {                                  \
    char *zGot_ = scan_str((z), NULL);  \
    CHECK_STR(zGot_, want);             \
    free(zGot_);                        \
  } while (0)

TEST(privacy_empty_and_plain) {
  PrivacyResult r;
  CHECK_INT(privacy_scan("", 0, NULL, &r), PRIVACY_OK);
  CHECK_INT(r.nFinding, 0);
  CHECK(r.aFinding == NULL);
  privacy_result_free(&r);
  CHECK_INT(privacy_scan(NULL, 0, NULL, &r), PRIVACY_OK);
  CHECK_INT(r.nFinding, 0);
  CHECK_SCAN("平罗县卫生和计划生育局2018年7月4日印发，平政发〔2017〕1号。", "");
  CHECK_SCAN("2019-01-01 至 2019-12-31，共 12345 件", "");
}

TEST(privacy_id_numbers) {
  CHECK_SCAN("身份证号：640302199001011238。",
             "id_number@15+18=640302199001011238>640302********1238;");
  /* X check character, at the end of the text */
  CHECK_SCAN("证件11010519491231002X",
             "id_number@6+18=11010519491231002X>110105********002X;");
  CHECK_SCAN("证件11010519491231002x号",
             "id_number@6+18=11010519491231002x>110105********002x;");
  /* 17 digits + X followed by a letter is not an identity number */
  CHECK_SCAN("11010519491231002Xa", "");
  /* old 15-digit form */
  CHECK_SCAN("旧证110105491231002，",
             "id_number_15@6+15=110105491231002>110105*****1002;");
  /* wrong check digit but plausible region and date: low confidence */
  CHECK_SCAN("号码640302199001011234",
             "id_number?@6+18=640302199001011234>640302********1234;");
  /* ... which the options can drop */
  {
    PrivacyOptions opt = {20261123, 0, 1};
    char *z = scan_str("号码640302199001011234", &opt);
    CHECK_STR(z, "");
    free(z);
  }
  /* wrong check digit and impossible date: nothing */
  CHECK_SCAN("号码640302199013011234", "");
}

TEST(privacy_embedded_runs) {
  /* 20 digits: neither an identity number nor a bank card */
  CHECK_SCAN("流水号64030219900101123899", "");
  /* a valid identity number inside a 19-digit run that fails Luhn: nothing */
  CHECK_SCAN("编号6403021990010112385", "");
  /* ... and inside a run of 19 that passes Luhn: a bank card */
  CHECK_SCAN("编号6403021990010112388",
             "bank_card@6+19=6403021990010112388>6403***********2388;");
  /* a mobile inside 12 digits is not a mobile */
  CHECK_SCAN("138123456789", "");
  /* but letters next to the digits do not matter for digit kinds */
  CHECK_SCAN("Tel13812345678", "mobile@3+11=13812345678>138****5678;");
}

TEST(privacy_full_width) {
  /* full-width digits: 3 bytes each; offsets are in original bytes */
  CHECK_SCAN("电话１３８１２３４５６７８。",
             "mobile@6+33=１３８１２３４５６７８>１３８****５６７８;");
  CHECK_SCAN("号６４０３０２１９９００１０１１２３８",
             "id_number@3+54=６４０３０２１９９００１０１１２３８>"
             "６４０３０２********１２３８;");
  /* full-width X */
  CHECK_SCAN("11010519491231002Ｘ",
             "id_number@0+20=11010519491231002Ｘ>110105********002Ｘ;");
}

TEST(privacy_bank_cards) {
  CHECK_SCAN("卡号6222021234567890128",
             "bank_card@6+19=6222021234567890128>6222***********0128;");
  CHECK_SCAN("卡号 6222 0212 3456 7890 128 开户行",
             "bank_card@7+23=6222 0212 3456 7890 128>6222 **** **** ***0 128;");
  CHECK_SCAN("卡号：6222-0212-3456-7890-128",
             "bank_card@9+23=6222-0212-3456-7890-128>6222-****-****-***0-128;");
  /* 16 digits in four groups */
  CHECK_SCAN("4111 1111 1111 1111",
             "bank_card@0+19=4111 1111 1111 1111>4111 **** **** 1111;");
  /* mixed separators do not chain */
  CHECK_SCAN("6222 0212-3456 7890 128", "");
  /* the brief's example fails Luhn: not reported */
  CHECK_SCAN("6222 0212 3456 7890 123", "");
  /* confidence: HIGH with a known issuer prefix, MEDIUM without */
  {
    PrivacyResult r;
    const char *z = "6222021234567890128 1234567812345670";
    CHECK_INT(privacy_scan(z, strlen(z), NULL, &r), PRIVACY_OK);
    CHECK_INT(r.nFinding, 2);
    if (r.nFinding == 2) {
      CHECK_INT(r.aFinding[0].eConf, PRIVACY_CONF_HIGH);
      CHECK_INT(r.aFinding[1].eKind, PRIVACY_BANK_CARD);
      CHECK_INT(r.aFinding[1].eConf, PRIVACY_CONF_MEDIUM);
    }
    privacy_result_free(&r);
  }
}

TEST(privacy_phones) {
  CHECK_SCAN("请联系13812345678或0951-1234567咨询",
             "mobile@9+11=13812345678>138****5678;"
             "landline@23+12=0951-1234567>0951-*****67;");
  CHECK_SCAN("手机：138-1234-5678",
             "mobile@9+13=138-1234-5678>138-****-5678;");
  CHECK_SCAN("手机 138 1234 5678，",
             "mobile@7+13=138 1234 5678>138 **** 5678;");
  CHECK_SCAN("电话010-12345678", "landline@6+12=010-12345678>010-******78;");
  CHECK_SCAN("电话（0951）6012345",
             "landline@6+17=（0951）6012345>（0951）*****45;");
  CHECK_SCAN("座机09516012345", "landline@6+11=09516012345>0951*****45;");
  /* +86 prefix group is left alone */
  CHECK_SCAN("+86 13812345678", "mobile@4+11=13812345678>138****5678;");
  /* a date range and a number with a '-' are not phones */
  CHECK_SCAN("2018-2019年度，第12345678号", "");
  /* numbers side by side, joined by single separators, stay apart */
  CHECK_SCAN("0951-1234567 13812345678",
             "landline@0+12=0951-1234567>0951-*****67;"
             "mobile@13+11=13812345678>138****5678;");
  CHECK_SCAN("640302199001011238 13812345678",
             "id_number@0+18=640302199001011238>640302********1238;"
             "mobile@19+11=13812345678>138****5678;");
  /* 12 is not a mobile prefix */
  CHECK_SCAN("12812345678", "");
}

TEST(privacy_mobile_with_country_code_glued) {
  /* "+86" or "0086" written straight before the number is a common form on
   * forms and letters: the 11 digits after the country code are the mobile
   * (byte offsets: "电话：" is 9 bytes, "+86" 3 more, "0086" 4 more). */
  CHECK_SCAN("电话：+8613812345678", "mobile@12+11=13812345678>138****5678;");
  CHECK_SCAN("电话：008613812345678", "mobile@13+11=13812345678>138****5678;");
  CHECK_SCAN("电话：＋８６１３８１２３４５６７８",
             "mobile@18+33=１３８１２３４５６７８>１３８****５６７８;");
  /* 13 digits without a '+' are some other number; 86 + 12… is no mobile */
  CHECK_SCAN("编号8613812345678", "");
  CHECK_SCAN("+8612812345678", "");
}

TEST(privacy_emails_and_credit_codes) {
  CHECK_SCAN("邮箱：zhang.san@example.gov.cn。",
             "email@9+24=zhang.san@example.gov.cn>z***@example.gov.cn;");
  /* a trailing dot is sentence punctuation */
  CHECK_SCAN("mail a@b.cn.", "email@5+6=a@b.cn>a***@b.cn;");
  /* an e-mail wins over the mobile number that is its local part */
  CHECK_SCAN("13812345678@qq.com",
             "email@0+18=13812345678@qq.com>1***@qq.com;");
  /* skipping e-mails does not expose the mobile inside one */
  {
    PrivacyOptions opt = {0, 1u << PRIVACY_EMAIL, 0};
    char *z = scan_str("13812345678@qq.com", &opt);
    CHECK_STR(z, "");
    free(z);
  }
  CHECK_SCAN("not@an@address x@y", "");
  CHECK_SCAN("代码91350100M000100Y43，",
             "credit_code@6+18=91350100M000100Y43>91350100********43;");
  /* lower case in text is still found (check characters are strong) */
  CHECK_SCAN("代码91350100m000100y43",
             "credit_code@6+18=91350100m000100y43>91350100********43;");
  /* inside a longer letter+digit run: nothing */
  CHECK_SCAN("A91350100M000100Y43", "");
  CHECK_SCAN("91350100M000100Y44", "");
}

TEST(privacy_overlap_prefers_stronger) {
  /* 440304200002290014 is a valid identity number; check that if both the
  ** identity and a bank-card reading exist for the same span, only one
  ** finding comes out and it is the identity number. */
  PrivacyResult r;
  const char *z = "440304200002290014";
  CHECK_INT(privacy_scan(z, strlen(z), NULL, &r), PRIVACY_OK);
  CHECK_INT(r.nFinding, 1);
  if (r.nFinding == 1) CHECK_INT(r.aFinding[0].eKind, PRIVACY_ID_NUMBER);
  privacy_result_free(&r);
  /* An 18-digit run that is a valid identity number AND passes Luhn (so it
  ** is also a bank-card candidate for the same span): search the sequence
  ** numbers of 1990-01-01 for one and check that the identity reading
  ** wins with high confidence. */
  {
    char zId[19] = "11010519900101";
    int bFound = 0;
    for (int seq = 0; seq < 1000 && !bFound; seq++) {
      PrivacyResult r2;
      zId[14] = (char)('0' + seq / 100);
      zId[15] = (char)('0' + seq / 10 % 10);
      zId[16] = (char)('0' + seq % 10);
      {
        static const int aW[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10,
                                   5, 8, 4, 2};
        int sum = 0, luhn = 0;
        for (int i = 0; i < 17; i++) sum += (zId[i] - '0') * aW[i];
        zId[17] = "10X98765432"[sum % 11];
        zId[18] = 0;
        if (zId[17] == 'X') continue;
        for (int i = 0; i < 18; i++) {
          int d = zId[17 - i] - '0';
          if (i % 2) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
          luhn += d;
        }
        if (luhn % 10) continue;
      }
      bFound = 1;
      CHECK_INT(privacy_scan(zId, 18, NULL, &r2), PRIVACY_OK);
      CHECK_INT(r2.nFinding, 1);
      if (r2.nFinding == 1) {
        CHECK_INT(r2.aFinding[0].eKind, PRIVACY_ID_NUMBER);
        CHECK_INT(r2.aFinding[0].eConf, PRIVACY_CONF_HIGH);
      }
      privacy_result_free(&r2);
    }
    CHECK(bFound);
  }
}

TEST(privacy_names) {
  CHECK_SCAN("姓名：张三，性别：男",
             "person_name@9+6=张三>张*;");
  CHECK_SCAN("申请人: 王小明于2020年提出申请",
             "person_name@11+9=王小明>王*明;");
  CHECK_SCAN("当事人：欧阳小明、李四。",
             "person_name@12+12=欧阳小明>欧阳*明;person_name@27+6=李四>李*;");
  /* already anonymised */
  CHECK_SCAN("当事人：张某某", "");
  /* a name next to another finding in the same clause (low confidence) */
  CHECK_SCAN("张三身份证号640302199001011238",
             "person_name?@0+6=张三>张*;"
             "id_number@18+18=640302199001011238>640302********1238;");
  CHECK_SCAN("联系电话13812345678（王五）",
             "mobile@12+11=13812345678>138****5678;"
             "person_name?@26+6=王五>王*;");
  /* ... but not across a clause boundary */
  CHECK_SCAN("张三来了。电话13812345678",
             "mobile@21+11=13812345678>138****5678;");
  /* a label without colon before the name: test privacy_names_after_labels_without_colon */
  /* name kind can be skipped */
  {
    PrivacyOptions opt = {0, 1u << PRIVACY_PERSON_NAME, 0};
    char *z = scan_str("姓名：张三，电话13812345678", &opt);
    CHECK_STR(z, "mobile@24+11=13812345678>138****5678;");
    free(z);
  }
}

/* Numbers a line break or spaces split (a PDF's text, a form's boxes):
** identity numbers only when their check character holds, mobiles in at
** most three groups; tables of numbers, amounts and dates are not joined.
** Offsets and masks counted from the texts by hand (tests/unit: the
** match's UTF-8 bytes before it; separators stay in the mask). */
TEST(privacy_numbers_split_by_line_breaks_and_spaces) {
  CHECK_SCAN("申请人身份证号码：640302199001\n011238，请核对。",
             "id_number@27+19=640302199001\n011238>640302******\n**1238;");
  CHECK_SCAN("公民身份号码 640302 19900101 1238",
             "id_number@19+20=640302 19900101 1238>640302 ******** 1238;");
  CHECK_SCAN("证件号码：6403 0219 9001 0112 38",
             "id_number@15+22=6403 0219 9001 0112 38>6403 02** **** **12 38;");
  CHECK_SCAN("联系电话：1399555\n1234",
             "mobile@15+12=1399555\n1234>139****\n1234;");
  CHECK_SCAN("手机 139  9555  1234（本人）",
             "mobile@7+15=139  9555  1234>139  ****  1234;");
  CHECK_SCAN("2026年共收到申请 1399 件，办结 555\n1234 件中",
             "");
  CHECK_SCAN("表三 640302 1990 0101 1239 项",
             "");
  CHECK_SCAN("序号 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18",
             "");
  CHECK_SCAN("2026-11-20\n2026-11-21",
             "");
}

/* A name right after a label without a colon ("申请人张三"), as notices and
** decisions write it: taken when it starts with a known surname, holds no
** stop word and is followed by punctuation or a word that follows names
** (于, 向, 电话, 身份 …); the words that follow these labels in policy
** texts (应当, 可以, 陈述, 有权 …) are not names. */
TEST(privacy_names_after_labels_without_colon) {
  CHECK_SCAN("申请人马建国于2026年3月2日向本机关提出政府信息公开申请。",
             "person_name@9+9=马建国>马*国;");
  CHECK_SCAN("申请人张三，身份证号码640302199001011238。",
             "person_name@9+6=张三>张*;id_number@33+18=640302199001011238>640302********1238;");
  CHECK_SCAN("本机关于2026年3月5日由经办人王丽萍向申请人当面送达。",
             "person_name@39+9=王丽萍>王*萍;");
  CHECK_SCAN("联系人李四电话13812345678",
             "person_name@9+6=李四>李*;mobile@21+11=13812345678>138****5678;");
  CHECK_SCAN("申请人应当于收到本告知书之日起15个工作日内补正。",
             "");
  CHECK_SCAN("申请人可以向本机关申请查阅。",
             "");
  CHECK_SCAN("申请人陈述的理由不能成立。",
             "");
  CHECK_SCAN("当事人有权依法申请行政复议。",
             "");
  CHECK_SCAN("负责人员和联系人员名单另行公布。",
             "");
  CHECK_SCAN("申请人信息的保护按照有关规定执行。",
             "");
}

/* Home addresses: after a label of a person's address (住址, 家庭住址,
** 现住址, 户籍地址, 住所, "，住…" …) when the text has an administrative
** unit and a street, village or house-number part; without a label only a
** flat's full address (…号楼/栋/幢 … 单元 … 室), with low confidence.  The
** mask keeps the administrative units (province to county).  Not an
** agency's own address on its letterhead (地址：…), a road in a policy
** text, 住所地/户籍所在地 in legal wording, or 住房. */
TEST(privacy_home_addresses) {
  CHECK_SCAN("住址：宁夏中卫市中宁县宁安镇东街12号，邮编755100。",
             "address@9+44=宁夏中卫市中宁县宁安镇东街12号>宁夏中卫市中宁县********;");
  CHECK_SCAN("马建国，男，1985年3月12日出生，住中宁县宁安镇团结村三组，",
             "address@46+33=中宁县宁安镇团结村三组>中宁县********;");
  CHECK_SCAN("家庭住址 中卫市沙坡头区文萃南路幸福小区3号楼2单元402室 联系电话0955-5021796",
             "address@13+65=中卫市沙坡头区文萃南路幸福小区3号楼2单元402室>中卫市沙坡头区******************;landline@91+12=0955-5021796>0955-*****96;");
  CHECK_SCAN("请将告知书寄至中卫市沙坡头区文萃南路幸福小区3号楼2单元402室。",
             "address?@21+65=中卫市沙坡头区文萃南路幸福小区3号楼2单元402室>中卫市沙坡头区******************;");
  CHECK_SCAN("中宁县卫生健康局\n地址：宁夏中宁县宁安镇东街12号　邮编：755100",
             "");
  CHECK_SCAN("本机关办公地址：中宁县政务服务中心三楼302室。",
             "");
  CHECK_SCAN("项目沿G109国道至宁安镇东街路口，全长3.2公里。",
             "");
  CHECK_SCAN("由被告住所地人民法院管辖。",
             "");
  CHECK_SCAN("申请人可向户籍所在地县级人民政府申请。",
             "");
  CHECK_SCAN("县住房和城乡建设局负责保障性住房分配。",
             "");
}

TEST(privacy_context_excerpt) {
  PrivacyResult r;
  const char *z = "一二三四五六七八九十甲乙丙丁戊己庚辛电话"
                  "13812345678子丑寅卯辰巳午未申酉戌亥天地玄黄";
  CHECK_INT(privacy_scan(z, strlen(z), NULL, &r), PRIVACY_OK);
  CHECK_INT(r.nFinding, 1);
  if (r.nFinding == 1) {
    /* 15 characters either side, whole characters */
    CHECK_STR(r.aFinding[0].zContext,
              "六七八九十甲乙丙丁戊己庚辛电话13812345678"
              "子丑寅卯辰巳午未申酉戌亥天地玄");
    CHECK(utf8_valid(r.aFinding[0].zContext, strlen(r.aFinding[0].zContext)));
  }
  privacy_result_free(&r);
}

TEST(privacy_apply_masks_all) {
  PrivacyResult r;
  const char *z = "申请人：张小明，身份证号11010519491231002X，"
                  "手机138-1234-5678，邮箱zxm@example.com。";
  char *zOut;
  size_t nOut;
  CHECK_INT(privacy_scan(z, strlen(z), NULL, &r), PRIVACY_OK);
  CHECK_INT(r.nFinding, 4);
  zOut = privacy_apply_masks(z, strlen(z), r.aFinding, r.nFinding, &nOut);
  CHECK_STR(zOut, "申请人：张*明，身份证号110105********002X，"
                  "手机138-****-5678，邮箱z***@example.com。");
  CHECK_INT(nOut, strlen(zOut));
  free(zOut);
  /* a subset, given out of order */
  if (r.nFinding == 4) {
    PrivacyFinding a[2];
    a[0] = r.aFinding[2];
    a[1] = r.aFinding[0];
    zOut = privacy_apply_masks(z, strlen(z), a, 2, NULL);
    CHECK_STR(zOut, "申请人：张*明，身份证号11010519491231002X，"
                    "手机138-****-5678，邮箱zxm@example.com。");
    free(zOut);
    /* overlapping and out-of-range findings are ignored; NULL mask stars */
    a[0] = r.aFinding[0];
    a[1] = r.aFinding[0];
    a[1].iOffset += 3;
    zOut = privacy_apply_masks("申请人：张小明", 21, a, 2, NULL);
    CHECK_STR(zOut, "申请人：张*明");
    free(zOut);
    a[0].zMask = NULL;
    a[1].iOffset = 1000;
    zOut = privacy_apply_masks("申请人：张小明", 21, a, 2, NULL);
    CHECK_STR(zOut, "申请人：***");
    free(zOut);
  }
  privacy_result_free(&r);
  privacy_result_free(&r); /* twice is safe */
  zOut = privacy_apply_masks("abc", 3, NULL, 0, &nOut);
  CHECK_STR(zOut, "abc");
  free(zOut);
  zOut = privacy_apply_masks(NULL, 0, NULL, 0, &nOut);
  CHECK_STR(zOut, "");
  CHECK_INT(nOut, 0);
  free(zOut);
}

/* The first finding of z, checked against the contacts zKnown. */
static int known(const char *z, const char *zKnown) {
  PrivacyResult r;
  int b = -1;
  CHECK_INT(privacy_scan(z, strlen(z), NULL, &r), PRIVACY_OK);
  if (r.nFinding) b = privacy_is_known_contact(&r.aFinding[0], zKnown);
  privacy_result_free(&r);
  return b;
}

TEST(privacy_known_contacts) {
  /* The organisation's own phone, fax and e-mail as entered in its guide. */
  const char *zOrg = "0955-5021796 （0955）5021797 znwsj@163.com";
  CHECK_INT(known("电话：0955-5021796", zOrg), 1);
  CHECK_INT(known("电话：(0955)5021796", zOrg), 1);   /* same digits */
  CHECK_INT(known("电话：0955 5021797", zOrg), 1);
  CHECK_INT(known("电话：09555021796", zOrg), 1);
  CHECK_INT(known("邮箱：ZNWSJ@163.COM", zOrg), 1);   /* case */
  CHECK_INT(known("电话：0955-5021798", zOrg), 0);   /* one digit off */
  CHECK_INT(known("邮箱：znwsj2@163.com", zOrg), 0);
  CHECK_INT(known("手机：13909551234", zOrg), 0);
  /* Only contacts: an identity number is never "known". */
  CHECK_INT(known("640302199001011238", "640302199001011238"), 0);
  CHECK_INT(known("电话：0955-5021796", ""), 0);
  CHECK_INT(known("电话：0955-5021796", NULL), 0);
}

TEST(privacy_kind_names) {
  for (int e = 1; e <= PRIVACY_KIND_MAX; e++) {
    CHECK_INT(privacy_kind_from_name(privacy_kind_name((PrivacyKind)e)), e);
  }
  CHECK_INT(privacy_kind_from_name("nope"), 0);
  CHECK_STR(privacy_kind_label(PRIVACY_BANK_CARD), "银行卡号");
  CHECK_STR(privacy_kind_name((PrivacyKind)99), "unknown");
}

TEST(privacy_invalid_utf8) {
  /* invalid bytes around and inside a number: no crash, offsets still in
  ** bytes, the byte-level match intact */
  static const char z[] = "\xff\xfe电话13812345678\xc3\x28\xe4\xb8";
  char *zGot = scan_str(z, NULL);
  CHECK_STR(zGot, "mobile@8+11=13812345678>138****5678;");
  free(zGot);
  {
    PrivacyResult r;
    char zBig[4];
    CHECK_INT(privacy_scan(zBig, (size_t)PRIVACY_MAX_INPUT + 1, NULL, &r),
              PRIVACY_E_TOO_BIG);
    CHECK_INT(r.nFinding, 0);
  }
}

/* xorshift32: a deterministic pseudo-random stream for the fuzz test. */
static uint32_t next_rand(uint32_t *pState) {
  uint32_t x = *pState;
  x ^= x << 13;
  x ^= x >> 17;
  x ^= x << 5;
  return *pState = x;
}

TEST(privacy_fuzz_random_bytes) {
  /* Random bytes biased towards digits, separators, '@', CJK lead bytes
  ** and labels; every finding must lie inside the text, be ordered and
  ** non-overlapping, and masking must not crash. */
  static const char *const azPiece[] = {
      "1", "3", "8", "0", "6", "x", "X", " ", "-", "@", ".", "姓名：", "张",
      "电话", "、", "。", "（", "）", "１", "\xe4", "\xff", "a", "q",
      "640302199001011238", "6222 0212 3456 7890 128", "138-1234-5678",
  };
  uint32_t seed = 20261123u;
  for (int iter = 0; iter < 2000; iter++) {
    Buf b = BUF_INIT;
    PrivacyResult r;
    size_t nPiece = next_rand(&seed) % 60, iPrev = 0;
    for (size_t k = 0; k < nPiece; k++) {
      uint32_t v = next_rand(&seed);
      if (v % 3 == 0) {
        buf_putc(&b, (char)(v >> 8));
      } else {
        buf_puts(&b, azPiece[(v >> 8) % (sizeof azPiece / sizeof azPiece[0])]);
      }
    }
    CHECK_INT(privacy_scan(b.z, b.n, NULL, &r), PRIVACY_OK);
    for (size_t k = 0; k < r.nFinding; k++) {
      const PrivacyFinding *f = &r.aFinding[k];
      CHECK(f->iOffset >= iPrev);
      CHECK(f->iOffset + f->nLen <= b.n);
      CHECK(f->nLen > 0);
      CHECK(f->zMask != NULL && f->zContext != NULL);
      iPrev = f->iOffset + f->nLen;
    }
    {
      char *zOut = privacy_apply_masks(b.z, b.n, r.aFinding, r.nFinding, NULL);
      free(zOut);
    }
    privacy_result_free(&r);
    buf_free(&b);
  }
}
