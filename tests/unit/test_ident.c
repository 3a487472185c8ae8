/* test_ident.c — identifier checks and masks (src/core/ident.c). */
#include <stdlib.h>

#include "../../src/core/ident.h"
#include "harness.h"

#define TODAY 20261123

TEST(ident_id_valid_18) {
  IdentIdInfo info;
  IdentErr err;
  /* 11010519491231002X: sum of digit*weight = 167, 167 mod 11 = 2 -> 'X'. */
  CHECK_INT(ident_id_check("11010519491231002X", TODAY, &info, &err), IDENT_OK);
  CHECK_STR(info.zRegion, "110105");
  CHECK_INT(info.iBirth, 19491231);
  CHECK_INT(info.bMale, 0);
  CHECK_INT(info.b15, 0);
  CHECK_STR(err.zMsg, "");
  /* lower-case x is accepted too */
  CHECK_INT(ident_id_check("11010519491231002x", TODAY, NULL, NULL), IDENT_OK);
  /* 640302199001011238: sum 202, 202 mod 11 = 4 -> '8'; seq digit 3 male */
  CHECK_INT(ident_id_check("640302199001011238", TODAY, &info, NULL), IDENT_OK);
  CHECK_INT(info.bMale, 1);
  /* 29 February of a leap year */
  CHECK_INT(ident_id_check("440304200002290014", TODAY, NULL, NULL), IDENT_OK);
  CHECK(ident_id_check_char("11010519491231002") == 'X');
  CHECK(ident_id_check_char("1101051949123100A") == 0);
}

TEST(ident_id_invalid_18) {
  IdentErr err;
  CHECK_INT(ident_id_check("110105194912310021", TODAY, NULL, &err),
            IDENT_E_CHECK);
  CHECK_STR(err.zMsg, "校验码错误，应为X");
  CHECK(err.cExpect == 'X');
  CHECK_INT(ident_id_check("640302199001011234", TODAY, NULL, &err),
            IDENT_E_CHECK);
  CHECK_STR(err.zMsg, "校验码错误，应为8");
  /* birth date in the future relative to "today" (check char is right) */
  CHECK_INT(ident_id_check("110105205001010019", TODAY, NULL, &err),
            IDENT_E_FUTURE);
  /* ... but accepted when no "today" is given */
  CHECK_INT(ident_id_check("110105205001010019", 0, NULL, NULL), IDENT_OK);
  /* 1990-02-30 does not exist; 1899 is too old; region 0xxxxx */
  CHECK_INT(ident_id_check("640302199002301234", TODAY, NULL, &err),
            IDENT_E_DATE);
  CHECK_INT(ident_id_check("640302189901011234", TODAY, NULL, &err),
            IDENT_E_TOO_OLD);
  CHECK_INT(ident_id_check("040302199001011234", TODAY, NULL, &err),
            IDENT_E_REGION);
  CHECK_INT(ident_id_check("1101051949123100X2", TODAY, NULL, &err),
            IDENT_E_CHAR);
  CHECK_INT(ident_id_check("11010519491231002", TODAY, NULL, &err),
            IDENT_E_LENGTH);
  CHECK_INT(ident_id_check("", TODAY, NULL, &err), IDENT_E_EMPTY);
  CHECK_INT(ident_id_check(NULL, TODAY, NULL, &err), IDENT_E_EMPTY);
  /* 1900-02-29 is not a date (1900 is not a leap year) */
  CHECK_INT(ident_id_check("110105190002291234", TODAY, NULL, NULL),
            IDENT_E_DATE);
}

TEST(ident_id_15) {
  IdentIdInfo info;
  IdentErr err;
  CHECK_INT(ident_id_check("110105491231002", TODAY, &info, &err), IDENT_OK);
  CHECK_INT(info.iBirth, 19491231);
  CHECK_INT(info.b15, 1);
  CHECK_INT(info.bMale, 0);
  CHECK_INT(ident_id_check("110105491331002", TODAY, NULL, &err),
            IDENT_E_DATE);
  CHECK_INT(ident_id_check("11010549123100X", TODAY, NULL, &err),
            IDENT_E_CHAR);
}

TEST(ident_org_code) {
  char z[10];
  IdentErr err;
  /* M000100Y: M=22*3 + 1*5 + Y=34*2 = 139; 139 mod 11 = 7; 11-7 = 4. */
  CHECK_INT(ident_org_code_check("M000100Y4", z, &err), IDENT_OK);
  CHECK_STR(z, "M000100Y4");
  CHECK_INT(ident_org_code_check("M000100Y-4", z, &err), IDENT_OK);
  CHECK_STR(z, "M000100Y4");
  CHECK_INT(ident_org_code_check("M000100Y-5", z, &err), IDENT_E_CHECK);
  CHECK_STR(err.zMsg, "校验码错误，应为4");
  /* sum 0 -> 11 -> '0' */
  CHECK(ident_org_code_check_char("00000000") == '0');
  CHECK_INT(ident_org_code_check("000000000", NULL, NULL), IDENT_OK);
  /* a check value of 10 is written X: MA76XKPR -> X */
  CHECK(ident_org_code_check_char("MA76XKPR") == 'X');
  CHECK_INT(ident_org_code_check("MA76XKPR-X", NULL, NULL), IDENT_OK);
  CHECK_INT(ident_org_code_check("M000100Y", NULL, NULL), IDENT_E_LENGTH);
  CHECK_INT(ident_org_code_check("M000100-Y4", NULL, NULL), IDENT_E_LENGTH);
  CHECK_INT(ident_org_code_check("m000100Y4", NULL, NULL), IDENT_E_CHAR);
  CHECK_INT(ident_org_code_check("M000100YA", NULL, NULL), IDENT_E_CHAR);
}

/*
** 91350100M000100Y43 by hand.  Character values (0-9, A=10 .. skipping I O
** S V Z, so M=21, Y=30) times the weights 1 3 9 27 19 26 16 17 20 29 25 13
** 8 24 10 30 28:
**   9*1 + 1*3 + 3*9 + 5*27 + 0*19 + 1*26 + 0 + 0 + 21*20 + 0 + 0 + 0
**   + 1*8 + 0 + 0 + 30*30 + 4*28 = 9+3+27+135+26+420+8+900+112 = 1640;
**   1640 mod 31 = 28; 31 - 28 = 3 -> check '3'.  Valid.
** The embedded org code M000100Y4 is checked in ident_org_code above.
*/
TEST(ident_uscc_valid) {
  char z[10];
  IdentErr err;
  CHECK_INT(ident_uscc_check("91350100M000100Y43", &err), IDENT_OK);
  CHECK(ident_uscc_check_char("91350100M000100Y4") == '3');
  CHECK_INT(ident_uscc_org_code("91350100M000100Y43", z, &err), IDENT_OK);
  CHECK_STR(z, "M000100Y4");
  /* computed for these tests: public institution (12), individual business
  ** (92) with an org code whose check is X, social organisation (51), an
  ** all-digit enterprise code (91). */
  CHECK_INT(ident_uscc_check("12640000000000000H", &err), IDENT_OK);
  CHECK_INT(ident_uscc_check("92640302MA76XKPRXK", &err), IDENT_OK);
  CHECK_INT(ident_uscc_org_code("92640302MA76XKPRXK", z, NULL), IDENT_OK);
  CHECK_STR(z, "MA76XKPRX");
  CHECK_INT(ident_uscc_check("51110000500000015U", &err), IDENT_OK);
  CHECK_INT(ident_uscc_check("911101086000000004P", &err), IDENT_E_LENGTH);
  CHECK_INT(ident_uscc_check("91110108600000004P", &err), IDENT_OK);
}

TEST(ident_uscc_invalid) {
  char z[10] = "unchanged";
  IdentErr err;
  CHECK_INT(ident_uscc_check("91350100M000100Y44", &err), IDENT_E_CHECK);
  CHECK_STR(err.zMsg, "校验码错误，应为3");
  CHECK(err.cExpect == '3');
  /* I O Z S V are not in the character set */
  CHECK_INT(ident_uscc_check("91350100M000100I43", &err), IDENT_E_CHAR);
  CHECK_INT(ident_uscc_check("91350100O000100Y43", &err), IDENT_E_CHAR);
  /* lower case is not accepted without normalising */
  CHECK_INT(ident_uscc_check("91350100m000100y43", &err), IDENT_E_CHAR);
  /* authority 9 has no type 4; authority B is unknown */
  CHECK_INT(ident_uscc_check("94350100M000100Y43", &err), IDENT_E_TYPE);
  CHECK_INT(ident_uscc_check("B1350100M000100Y43", &err), IDENT_E_TYPE);
  /* region must be digits not starting with 0 */
  CHECK_INT(ident_uscc_check("91050100M000100Y43", &err), IDENT_E_REGION);
  CHECK_INT(ident_uscc_check("9135A100M000100Y43", &err), IDENT_E_REGION);
  /* embedded org code with a wrong check digit */
  CHECK_INT(ident_uscc_check("91350100M000100Y53", &err), IDENT_E_ORG_CODE);
  CHECK_INT(ident_uscc_org_code("91350100M000100Y44", z, NULL), IDENT_E_CHECK);
  CHECK_STR(z, "unchanged");
  CHECK_INT(ident_uscc_check("", &err), IDENT_E_EMPTY);
}

TEST(ident_normalize_form_input) {
  char z[32];
  CHECK_INT(ident_normalize("９１３５０１００ｍ０００１００ｙ４３", z,
                            sizeof z), 18);
  CHECK_STR(z, "91350100M000100Y43");
  CHECK_INT(ident_normalize(" 110105-19491231-002x ", z, sizeof z), 18);
  CHECK_STR(z, "11010519491231002X");
  CHECK_INT(ident_normalize("张三", z, sizeof z), -1);
  CHECK_INT(ident_normalize("123456789", z, 5), -1);
}

TEST(ident_luhn_and_bank_card) {
  IdentErr err;
  CHECK(ident_luhn_ok("79927398713", 11));
  CHECK(!ident_luhn_ok("79927398710", 11));
  CHECK(!ident_luhn_ok("", 0));
  CHECK(!ident_luhn_ok("7992739871a", 11));
  CHECK_INT(ident_bank_card_check("6222021234567890128", &err), IDENT_OK);
  CHECK_INT(ident_bank_card_check("6222021234567890123", &err), IDENT_E_CHECK);
  CHECK_INT(ident_bank_card_check("4111111111111111", &err), IDENT_OK);
  CHECK_INT(ident_bank_card_check("79927398713", &err), IDENT_E_LENGTH);
  CHECK_INT(ident_bank_card_check("6222 0212", &err), IDENT_E_CHAR);
  CHECK(ident_bank_card_bin_known("6222021234567890128"));
  CHECK(ident_bank_card_bin_known("4111111111111111"));
  CHECK(!ident_bank_card_bin_known("1111111111111111"));
}

TEST(ident_phone_numbers) {
  IdentErr err;
  CHECK_INT(ident_mobile_check("13812345678", &err), IDENT_OK);
  CHECK_INT(ident_mobile_check("19912345678", &err), IDENT_OK);
  CHECK_INT(ident_mobile_check("12812345678", &err), IDENT_E_FORMAT);
  CHECK_INT(ident_mobile_check("1381234567", &err), IDENT_E_LENGTH);
  CHECK_INT(ident_mobile_check("138-1234-5678", &err), IDENT_E_CHAR);
  CHECK_INT(ident_landline_check("0951-1234567", &err), IDENT_OK);
  CHECK_INT(ident_landline_check("09516012345", &err), IDENT_OK);
  CHECK_INT(ident_landline_check("010-12345678", &err), IDENT_OK);
  CHECK_INT(ident_landline_check("02012345678", &err), IDENT_OK);
  CHECK_INT(ident_landline_check("010-1234567", &err), IDENT_E_LENGTH);
  CHECK_INT(ident_landline_check("0951-0234567", &err), IDENT_E_FORMAT);
  CHECK_INT(ident_landline_check("09-511234567", &err), IDENT_E_FORMAT);
  CHECK_INT(ident_landline_check("011-12345678", &err), IDENT_E_FORMAT);
  CHECK_INT(ident_landline_check("1951-1234567", &err), IDENT_E_FORMAT);
  CHECK_INT(ident_landline_check("0951--1234567", &err), IDENT_E_FORMAT);
  CHECK_INT(ident_landline_area_len("0951"), 3);
  CHECK_INT(ident_landline_area_len("010"), 2);
  CHECK_INT(ident_landline_area_len("0001"), 0);
}

TEST(ident_email) {
  IdentErr err;
  CHECK_INT(ident_email_check("zhang.san@example.gov.cn", &err), IDENT_OK);
  CHECK_INT(ident_email_check("a+b_c%d-e@x-y.com", &err), IDENT_OK);
  CHECK_INT(ident_email_check("a@b", &err), IDENT_E_FORMAT);
  CHECK_INT(ident_email_check("a@b.c", &err), IDENT_E_FORMAT);
  CHECK_INT(ident_email_check("a@b.c1", &err), IDENT_E_FORMAT);
  CHECK_INT(ident_email_check("a..b@c.com", &err), IDENT_E_CHAR);
  CHECK_INT(ident_email_check(".ab@c.com", &err), IDENT_E_FORMAT);
  CHECK_INT(ident_email_check("ab@-c.com", &err), IDENT_E_FORMAT);
  CHECK_INT(ident_email_check("ab@c..com", &err), IDENT_E_FORMAT);
  CHECK_INT(ident_email_check("a@b@c.com", &err), IDENT_E_FORMAT);
  CHECK_INT(ident_email_check("张三@c.com", &err), IDENT_E_CHAR);
  CHECK_INT(ident_email_check("", &err), IDENT_E_EMPTY);
}

/* Runs a mask function and compares, freeing the result. */
#define CHECK_MASK(call, want)  \
  do {                          \
    char *zM_ = (call);         \
    CHECK_STR(zM_, want);       \
    free(zM_);                  \
  } while (0)

TEST(ident_masks) {
  CHECK_MASK(ident_mask_id("640302199001011234"), "640302********1234");
  CHECK_MASK(ident_mask_id("11010519491231002X"), "110105********002X");
  CHECK_MASK(ident_mask_id("110105491231002"), "110105*****1002");
  CHECK_MASK(ident_mask_phone("13812345678"), "138****5678");
  CHECK_MASK(ident_mask_phone("138-1234-5678"), "138-****-5678");
  CHECK_MASK(ident_mask_landline("0951-1234567"), "0951-*****67");
  CHECK_MASK(ident_mask_landline("010-12345678"), "010-******78");
  CHECK_MASK(ident_mask_bank_card("6222021234567890128"),
             "6222***********0128");
  CHECK_MASK(ident_mask_bank_card("6222 0212 3456 7890 128"),
             "6222 **** **** ***0 128");
  CHECK_MASK(ident_mask_email("zhangsan@example.com"), "z***@example.com");
  CHECK_MASK(ident_mask_email("nobody"), "n*****");
  CHECK_MASK(ident_mask_uscc("91350100M000100Y43"), "91350100********43");
  CHECK_MASK(ident_mask_name("张三"), "张*");
  CHECK_MASK(ident_mask_name("张小明"), "张*明");
  CHECK_MASK(ident_mask_name("张小明明"), "张**明");
  CHECK_MASK(ident_mask_name("欧阳明"), "欧阳*");
  CHECK_MASK(ident_mask_name("欧阳小明"), "欧阳*明");
  CHECK_MASK(ident_mask_name("张"), "张");
  CHECK_MASK(ident_mask_name(""), "");
  CHECK(ident_mask_name(NULL) == NULL);
  /* generic: code points, not bytes */
  CHECK_MASK(ident_mask("宁夏回族自治区", 21, 2, 1), "宁夏****区");
  CHECK_MASK(ident_mask("ab", 2, 2, 2), "a*");
  CHECK_MASK(ident_mask("a", 1, 0, 0), "*");
  CHECK_MASK(ident_mask("", 0, 1, 1), "");
  /* full-width digits stay full-width where kept */
  CHECK_MASK(ident_mask_alnum("１３８１２３４５６７８", 33, 3, 4),
             "１３８****５６７８");
  /* invalid UTF-8: each bad byte is one unit, nothing read past n */
  CHECK_MASK(ident_mask("\xff\xfe\xfd", 3, 1, 1), "\xff*\xfd");
}

TEST(ident_surnames) {
  CHECK(ident_is_surname(0x5F20));  /* 张 */
  CHECK(ident_is_surname(0x738B));  /* 王 */
  CHECK(!ident_is_surname(0x7684)); /* 的 */
  CHECK(!ident_is_surname('a'));
  CHECK_INT(ident_compound_surname("欧阳小明", 12), 6);
  CHECK_INT(ident_compound_surname("欧", 3), 0);
  CHECK_INT(ident_compound_surname("张三", 6), 0);
}
