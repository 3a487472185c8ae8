/*
** ident.c — identifier checks and masks (see ident.h).
**
** Sources for the algorithms: GB 11643-1999 (identity number, ISO 7064
** MOD 11-2), GB 32100-2015 (credit code, mod 31 with weights 3^i mod 31),
** GB 11714-1997 (organisation code, mod 11), ISO/IEC 7812 (Luhn).
** Pure functions only: no I/O, no globals, thread-safe.
*/
#include "core/ident.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "lib/buf.h"
#include "lib/utf8.h"

/* Fills pErr (when not NULL) with rc and a formatted message; returns rc. */
static int set_err(IdentErr *pErr, int rc, const char *zFmt, ...) {
  if (pErr) {
    va_list ap;
    pErr->rc = rc;
    pErr->cExpect = 0;
    va_start(ap, zFmt);
    vsnprintf(pErr->zMsg, sizeof pErr->zMsg, zFmt, ap);
    va_end(ap);
  }
  return rc;
}

/* Marks pErr as success; returns IDENT_OK. */
static int set_ok(IdentErr *pErr) {
  if (pErr) {
    pErr->rc = IDENT_OK;
    pErr->cExpect = 0;
    pErr->zMsg[0] = 0;
  }
  return IDENT_OK;
}

static int is_digit(char c) { return c >= '0' && c <= '9'; }
static int is_upper(char c) { return c >= 'A' && c <= 'Z'; }

/* 1 when the n bytes at z are all ASCII digits. */
static int all_digits(const char *z, size_t n) {
  for (size_t i = 0; i < n; i++) {
    if (!is_digit(z[i])) return 0;
  }
  return 1;
}

/* Value of n ASCII digits at z (caller has checked they are digits). */
static int digits_value(const char *z, int n) {
  int v = 0;
  for (int i = 0; i < n; i++) v = v * 10 + (z[i] - '0');
  return v;
}

/* 1 when y-m-d is a date of the Gregorian calendar. */
static int valid_date(int y, int m, int d) {
  static const int aDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int nDay;
  if (m < 1 || m > 12 || d < 1) return 0;
  nDay = aDays[m - 1];
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) nDay = 29;
  return d <= nDay;
}

int ident_normalize(const char *zIn, char *zOut, size_t nOut) {
  size_t i = 0, n, k = 0;
  if (!zIn || !zOut || nOut == 0) return -1;
  n = strlen(zIn);
  while (i < n) {
    int len;
    uint32_t c = utf8_fold(utf8_decode(zIn + i, n - i, &len));
    i += (size_t)len;
    if (c == ' ' || c == '-' || c == '\t') continue;
    if (c >= 'a' && c <= 'z') c -= 32;
    if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'))) {
      return -1;
    }
    if (k + 1 >= nOut) return -1;
    zOut[k++] = (char)c;
  }
  zOut[k] = 0;
  return (int)k;
}

/* ---- resident identity number ----------------------------------------- */

char ident_id_check_char(const char *z) {
  static const int aW[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6,
                             3, 7, 9, 10, 5, 8, 4, 2};
  int sum = 0;
  for (int i = 0; i < 17; i++) {
    if (!is_digit(z[i])) return 0;
    sum += (z[i] - '0') * aW[i];
  }
  return "10X98765432"[sum % 11];
}

/* Checks the region prefix and birth date shared by both forms.  zBirth is
** 8 digits YYYYMMDD.  Returns IDENT_OK or an error set on pErr. */
static int id_check_common(const char *z, const char *zBirth, int iToday,
                           IdentErr *pErr) {
  int y = digits_value(zBirth, 4), m = digits_value(zBirth + 4, 2);
  int d = digits_value(zBirth + 6, 2);
  if (z[0] < '1' || z[0] > '9' || memcmp(z, "000000", 6) == 0) {
    return set_err(pErr, IDENT_E_REGION, "地区码不合理：%.6s", z);
  }
  if (!valid_date(y, m, d)) {
    return set_err(pErr, IDENT_E_DATE, "出生日期无效：%.8s", zBirth);
  }
  if (y < 1900) {
    return set_err(pErr, IDENT_E_TOO_OLD, "出生日期早于1900年：%.8s", zBirth);
  }
  if (iToday > 0 && y * 10000 + m * 100 + d > iToday) {
    return set_err(pErr, IDENT_E_FUTURE, "出生日期晚于今天：%.8s", zBirth);
  }
  return IDENT_OK;
}

int ident_id_check(const char *z, int iToday, IdentIdInfo *pInfo,
                   IdentErr *pErr) {
  size_t n;
  int rc;
  char zBirth[9];
  if (!z || !z[0]) return set_err(pErr, IDENT_E_EMPTY, "身份证号为空");
  n = strlen(z);
  if (n == 15) {
    if (!all_digits(z, 15)) {
      return set_err(pErr, IDENT_E_CHAR, "15位身份证号只能包含数字");
    }
    zBirth[0] = '1';
    zBirth[1] = '9';
    memcpy(zBirth + 2, z + 6, 6);
  } else if (n == 18) {
    char c;
    if (!all_digits(z, 17) ||
        !(is_digit(z[17]) || z[17] == 'X' || z[17] == 'x')) {
      return set_err(pErr, IDENT_E_CHAR,
                     "身份证号前17位须为数字，最后一位为数字或X");
    }
    memcpy(zBirth, z + 6, 8);
    zBirth[8] = 0;
    rc = id_check_common(z, zBirth, iToday, pErr);
    if (rc) return rc;
    c = ident_id_check_char(z);
    if (c != (z[17] == 'x' ? 'X' : z[17])) {
      set_err(pErr, IDENT_E_CHECK, "校验码错误，应为%c", c);
      if (pErr) pErr->cExpect = c;
      return IDENT_E_CHECK;
    }
  } else {
    return set_err(pErr, IDENT_E_LENGTH,
                   "身份证号应为18位（或旧式15位），实为%zu位", utf8_len(z, n));
  }
  zBirth[8] = 0;
  if (n == 15) {
    rc = id_check_common(z, zBirth, iToday, pErr);
    if (rc) return rc;
  }
  if (pInfo) {
    memcpy(pInfo->zRegion, z, 6);
    pInfo->zRegion[6] = 0;
    pInfo->iBirth = digits_value(zBirth, 8);
    pInfo->bMale = (z[n == 15 ? 14 : 16] - '0') % 2;
    pInfo->b15 = n == 15;
  }
  return set_ok(pErr);
}

/* ---- organisation code (GB 11714) ------------------------------------- */

/* Value of a GB 11714 body character: 0-9, A=10 .. Z=35; -1 otherwise. */
static int org_value(char c) {
  if (is_digit(c)) return c - '0';
  if (is_upper(c)) return c - 'A' + 10;
  return -1;
}

char ident_org_code_check_char(const char *z) {
  static const int aW[8] = {3, 7, 9, 10, 5, 8, 4, 2};
  int sum = 0, r;
  for (int i = 0; i < 8; i++) {
    int v = org_value(z[i]);
    if (v < 0) return 0;
    sum += v * aW[i];
  }
  r = 11 - sum % 11;
  if (r == 10) return 'X';
  if (r == 11) return '0';
  return (char)('0' + r);
}

int ident_org_code_check(const char *z, char *zOut, IdentErr *pErr) {
  char zCode[10];
  size_t n;
  char c;
  if (!z || !z[0]) return set_err(pErr, IDENT_E_EMPTY, "组织机构代码为空");
  n = strlen(z);
  if (n == 10 && z[8] == '-') {
    memcpy(zCode, z, 8);
    zCode[8] = z[9];
  } else if (n == 9) {
    memcpy(zCode, z, 9);
  } else {
    return set_err(pErr, IDENT_E_LENGTH,
                   "组织机构代码应为9位（可写作XXXXXXXX-X）");
  }
  zCode[9] = 0;
  for (int i = 0; i < 8; i++) {
    if (org_value(zCode[i]) < 0) {
      return set_err(pErr, IDENT_E_CHAR,
                     "组织机构代码本体只能包含数字和大写字母");
    }
  }
  if (!is_digit(zCode[8]) && zCode[8] != 'X') {
    return set_err(pErr, IDENT_E_CHAR, "组织机构代码校验码应为数字或X");
  }
  c = ident_org_code_check_char(zCode);
  if (c != zCode[8]) {
    set_err(pErr, IDENT_E_CHECK, "校验码错误，应为%c", c);
    if (pErr) pErr->cExpect = c;
    return IDENT_E_CHECK;
  }
  if (zOut) memcpy(zOut, zCode, 10);
  return set_ok(pErr);
}

/* ---- unified social credit code --------------------------------------- */

static const char zUsccSet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/* Value 0..30 of a credit-code character, -1 when not in the set. */
static int uscc_value(char c) {
  const char *p;
  if (!c) return -1;
  p = strchr(zUsccSet, c);
  return p ? (int)(p - zUsccSet) : -1;
}

char ident_uscc_check_char(const char *z) {
  static const int aW[17] = {1,  3,  9,  27, 19, 26, 16, 17, 20,
                             29, 25, 13, 8,  24, 10, 30, 28};
  int sum = 0, r;
  for (int i = 0; i < 17; i++) {
    int v = uscc_value(z[i]);
    if (v < 0) return 0;
    sum += v * aW[i];
  }
  r = 31 - sum % 31;
  return zUsccSet[r == 31 ? 0 : r];
}

/* Registration authority codes (position 1) with the organisation type
** codes (position 2) that GB 32100-2015 Annex A and its later amendments
** allow for each. */
static const struct {
  char cAuth;         /* registration authority */
  const char *zTypes; /* allowed organisation type codes */
} aUsccType[] = {
    {'1', "1239"},   /* 机构编制: 机关, 事业单位, 群众团体, 其他 */
    {'2', "19"},     /* 外交 */
    {'3', "1234569"},/* 司法行政: 律所, 公证处, 法律服务所, 鉴定, 仲裁 ... */
    {'4', "19"},     /* 文化 */
    {'5', "1239"},   /* 民政: 社会团体, 民办非企业单位, 基金会, 其他 */
    {'6', "129"},    /* 旅游 */
    {'7', "129"},    /* 宗教 */
    {'8', "19"},     /* 工会 */
    {'9', "123"},    /* 市场监管: 企业, 个体工商户, 农民专业合作社 */
    {'A', "19"},     /* 中央军委改革和编制办公室 */
    {'N', "1239"},   /* 农业农村: 集体经济组织 */
    {'Y', "1"},      /* 其他 */
};

int ident_uscc_check(const char *z, IdentErr *pErr) {
  size_t n, i;
  int bType = 0;
  char c;
  if (!z || !z[0]) return set_err(pErr, IDENT_E_EMPTY, "统一社会信用代码为空");
  n = strlen(z);
  if (n != 18) {
    return set_err(pErr, IDENT_E_LENGTH, "统一社会信用代码应为18位，实为%zu位",
                   utf8_len(z, n));
  }
  for (i = 0; i < 18; i++) {
    if (uscc_value(z[i]) < 0) {
      return set_err(pErr, IDENT_E_CHAR,
                     "统一社会信用代码第%zu位字符无效（不使用I、O、Z、S、V）",
                     i + 1);
    }
  }
  for (i = 0; i < sizeof aUsccType / sizeof aUsccType[0]; i++) {
    if (aUsccType[i].cAuth == z[0] && strchr(aUsccType[i].zTypes, z[1])) {
      bType = 1;
      break;
    }
  }
  if (!bType) {
    return set_err(pErr, IDENT_E_TYPE,
                   "登记管理部门代码与机构类别代码组合无效：%.2s", z);
  }
  if (!all_digits(z + 2, 6) || z[2] == '0') {
    return set_err(pErr, IDENT_E_REGION, "登记管理机关行政区划码无效：%.6s",
                   z + 2);
  }
  if (!is_digit(z[16]) && z[16] != 'X') {
    return set_err(pErr, IDENT_E_ORG_CODE,
                   "内含组织机构代码的校验码应为数字或X");
  }
  c = ident_org_code_check_char(z + 8);
  if (c != z[16]) {
    return set_err(pErr, IDENT_E_ORG_CODE,
                   "内含组织机构代码%.9s校验码错误，应为%c", z + 8, c);
  }
  c = ident_uscc_check_char(z);
  if (c != z[17]) {
    set_err(pErr, IDENT_E_CHECK, "校验码错误，应为%c", c);
    if (pErr) pErr->cExpect = c;
    return IDENT_E_CHECK;
  }
  return set_ok(pErr);
}

int ident_uscc_org_code(const char *z, char *zOut, IdentErr *pErr) {
  int rc = ident_uscc_check(z, pErr);
  if (rc) return rc;
  memcpy(zOut, z + 8, 9);
  zOut[9] = 0;
  return IDENT_OK;
}

/* ---- bank cards, telephones, e-mail ----------------------------------- */

int ident_luhn_ok(const char *z, size_t n) {
  int sum = 0;
  if (n == 0) return 0;
  for (size_t i = 0; i < n; i++) {
    int d;
    char c = z[n - 1 - i];
    if (!is_digit(c)) return 0;
    d = c - '0';
    if (i % 2 == 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 == 0;
}

int ident_bank_card_check(const char *z, IdentErr *pErr) {
  size_t n;
  if (!z || !z[0]) return set_err(pErr, IDENT_E_EMPTY, "银行卡号为空");
  n = strlen(z);
  if (!all_digits(z, n)) {
    return set_err(pErr, IDENT_E_CHAR, "银行卡号只能包含数字");
  }
  if (n < 16 || n > 19) {
    return set_err(pErr, IDENT_E_LENGTH, "银行卡号应为16至19位，实为%zu位", n);
  }
  if (!ident_luhn_ok(z, n)) {
    return set_err(pErr, IDENT_E_CHECK, "银行卡号未通过Luhn校验");
  }
  return set_ok(pErr);
}

int ident_bank_card_bin_known(const char *z) {
  int v;
  if (!z || !is_digit(z[0]) || !is_digit(z[1])) return 0;
  if (z[0] == '4') return 1;
  v = (z[0] - '0') * 10 + (z[1] - '0');
  return v == 62 || (v >= 51 && v <= 55) || (v >= 22 && v <= 27) ||
         v == 34 || v == 37 || v == 35 || v == 30 || v == 36 || v == 38;
}

int ident_mobile_check(const char *z, IdentErr *pErr) {
  size_t n;
  if (!z || !z[0]) return set_err(pErr, IDENT_E_EMPTY, "手机号码为空");
  n = strlen(z);
  if (!all_digits(z, n)) {
    return set_err(pErr, IDENT_E_CHAR, "手机号码只能包含数字");
  }
  if (n != 11) {
    return set_err(pErr, IDENT_E_LENGTH, "手机号码应为11位，实为%zu位", n);
  }
  if (z[0] != '1' || z[1] < '3') {
    return set_err(pErr, IDENT_E_FORMAT, "手机号码应以13至19开头");
  }
  return set_ok(pErr);
}

int ident_landline_area_len(const char *z) {
  if (!z || z[0] != '0' || !is_digit(z[1]) || !is_digit(z[2])) return 0;
  if (z[1] == '1') return z[2] == '0' ? 2 : 0;  /* 010 Beijing only */
  if (z[1] == '2') return 2;                    /* 020-029 */
  if (z[1] == '0') return 0;
  return 3;                                     /* 03xx-09xx */
}

int ident_landline_check(const char *z, IdentErr *pErr) {
  char zDigit[16];
  size_t n, k = 0, iDash = 0;
  int nArea, nLocal;
  if (!z || !z[0]) return set_err(pErr, IDENT_E_EMPTY, "固定电话号码为空");
  n = strlen(z);
  if (n > 13) return set_err(pErr, IDENT_E_LENGTH, "固定电话号码过长");
  for (size_t i = 0; i < n; i++) {
    if (z[i] == '-') {
      if (iDash || i == 0) {
        return set_err(pErr, IDENT_E_FORMAT, "固定电话号码格式错误");
      }
      iDash = i;
    } else if (is_digit(z[i])) {
      zDigit[k++] = z[i];
    } else {
      return set_err(pErr, IDENT_E_CHAR, "固定电话号码只能包含数字和“-”");
    }
  }
  zDigit[k] = 0;
  nArea = k >= 3 ? ident_landline_area_len(zDigit) : 0;
  if (nArea == 0) {
    return set_err(pErr, IDENT_E_FORMAT,
                   "固定电话号码应以区号开头（如010、0951）");
  }
  if (iDash && iDash != (size_t)nArea + 1) {
    return set_err(pErr, IDENT_E_FORMAT, "区号长度不正确");
  }
  nLocal = (int)k - 1 - nArea;
  if (nLocal != 8 && !(nArea == 3 && nLocal == 7)) {
    return set_err(pErr, IDENT_E_LENGTH, "本地号码应为7至8位（两位区号须8位）");
  }
  if (zDigit[1 + nArea] == '0') {
    return set_err(pErr, IDENT_E_FORMAT, "本地号码不能以0开头");
  }
  return set_ok(pErr);
}

/* 1 for the characters allowed in the local part of an e-mail address. */
static int email_local_char(char c) {
  return is_digit(c) || is_upper(c) || (c >= 'a' && c <= 'z') || c == '.' ||
         c == '_' || c == '%' || c == '+' || c == '-';
}

int ident_email_check(const char *z, IdentErr *pErr) {
  const char *zAt, *zDom, *zLabel;
  size_t n, nLocal, nTld = 0;
  int nLabel = 0, bTldAlpha = 1;
  if (!z || !z[0]) return set_err(pErr, IDENT_E_EMPTY, "电子邮箱为空");
  n = strlen(z);
  zAt = strchr(z, '@');
  if (n > 254) return set_err(pErr, IDENT_E_LENGTH, "电子邮箱过长");
  if (!zAt || strchr(zAt + 1, '@')) {
    return set_err(pErr, IDENT_E_FORMAT, "电子邮箱须包含一个“@”");
  }
  nLocal = (size_t)(zAt - z);
  if (nLocal == 0 || nLocal > 64 || z[0] == '.' || zAt[-1] == '.') {
    return set_err(pErr, IDENT_E_FORMAT, "电子邮箱用户名部分无效");
  }
  for (size_t i = 0; i < nLocal; i++) {
    if (!email_local_char(z[i]) || (z[i] == '.' && z[i + 1] == '.')) {
      return set_err(pErr, IDENT_E_CHAR, "电子邮箱用户名部分含无效字符");
    }
  }
  zDom = zAt + 1;
  zLabel = zDom;
  for (const char *p = zDom;; p++) {
    if (*p == '.' || *p == 0) {
      size_t nL = (size_t)(p - zLabel);
      if (nL == 0 || nL > 63 || zLabel[0] == '-' || p[-1] == '-') {
        return set_err(pErr, IDENT_E_FORMAT, "电子邮箱域名部分无效");
      }
      nLabel++;
      nTld = nL;
      bTldAlpha = 1;
      for (size_t i = 0; i < nL; i++) {
        char c = zLabel[i];
        if (!(is_upper(c) || (c >= 'a' && c <= 'z'))) bTldAlpha = 0;
      }
      if (*p == 0) break;
      zLabel = p + 1;
    } else if (!(is_digit(*p) || is_upper(*p) || (*p >= 'a' && *p <= 'z') ||
                 *p == '-')) {
      return set_err(pErr, IDENT_E_CHAR, "电子邮箱域名部分含无效字符");
    }
  }
  if (nLabel < 2 || nTld < 2 || !bTldAlpha) {
    return set_err(pErr, IDENT_E_FORMAT, "电子邮箱域名部分无效");
  }
  return set_ok(pErr);
}

/* ---- masking ----------------------------------------------------------- */

/* 1 when code point c counts as a maskable unit: any code point, or with
** bAlnum only (folded) ASCII letters and digits. */
static int mask_unit(uint32_t c, int bAlnum) {
  c = utf8_fold(c);
  return !bAlnum || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z');
}

/* Shared body of ident_mask() and ident_mask_alnum(): bAlnum selects whether
** only (folded) ASCII letters and digits count as maskable units. */
static char *mask_impl(const char *z, size_t n, size_t nHead, size_t nTail,
                       int bAlnum) {
  Buf b = BUF_INIT;
  size_t i, nUnit = 0, iUnit = 0;
  int bAllButFirst;
  if (!z) return NULL;
  for (i = 0; i < n;) {
    int len;
    if (mask_unit(utf8_decode(z + i, n - i, &len), bAlnum)) nUnit++;
    i += (size_t)len;
  }
  bAllButFirst = nHead + nTail >= nUnit;
  if (bAllButFirst) {
    nHead = nUnit > 1 ? 1 : 0;
    nTail = 0;
  }
  for (i = 0; i < n;) {
    int len;
    if (mask_unit(utf8_decode(z + i, n - i, &len), bAlnum)) {
      if (iUnit < nHead || iUnit >= nUnit - nTail) {
        buf_append(&b, z + i, (size_t)len);
      } else {
        buf_putc(&b, '*');
      }
      iUnit++;
    } else {
      buf_append(&b, z + i, (size_t)len);
    }
    i += (size_t)len;
  }
  if (!b.z) buf_puts(&b, "");
  return buf_steal(&b);
}

char *ident_mask(const char *z, size_t n, size_t nHead, size_t nTail) {
  return mask_impl(z, n, nHead, nTail, 0);
}

char *ident_mask_alnum(const char *z, size_t n, size_t nHead, size_t nTail) {
  return mask_impl(z, n, nHead, nTail, 1);
}

char *ident_mask_id(const char *z) {
  return z ? mask_impl(z, strlen(z), 6, 4, 1) : NULL;
}

char *ident_mask_phone(const char *z) {
  return z ? mask_impl(z, strlen(z), 3, 4, 1) : NULL;
}

char *ident_mask_landline(const char *z) {
  char zDigit[8];
  size_t k = 0, n;
  int nArea;
  if (!z) return NULL;
  n = strlen(z);
  for (size_t i = 0; i < n && k < 3; i++) {
    if (is_digit(z[i])) zDigit[k++] = z[i];
  }
  zDigit[k] = 0;
  nArea = ident_landline_area_len(zDigit);
  return mask_impl(z, n, nArea ? (size_t)nArea + 1 : 0, 2, 1);
}

char *ident_mask_bank_card(const char *z) {
  return z ? mask_impl(z, strlen(z), 4, 4, 1) : NULL;
}

char *ident_mask_email(const char *z) {
  Buf b = BUF_INIT;
  const char *zAt;
  int len;
  if (!z) return NULL;
  zAt = strrchr(z, '@');
  if (!zAt || zAt == z) return mask_impl(z, strlen(z), 1, 0, 0);
  utf8_decode(z, strlen(z), &len);
  buf_append(&b, z, (size_t)len);
  buf_puts(&b, "***");
  buf_puts(&b, zAt);
  return buf_steal(&b);
}

char *ident_mask_uscc(const char *z) {
  return z ? mask_impl(z, strlen(z), 8, 2, 1) : NULL;
}

/* Compound surnames recognised by ident_compound_surname(). */
static const char *const azCompound[] = {
    "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容",
    "长孙", "宇文", "司徒", "夏侯", "轩辕", "令狐", "端木", "独孤", "南宫",
    "西门", "百里", "呼延", "申屠", "太史", "万俟", "钟离", "闻人", "赫连",
    "澹台", "公冶", "宗政", "濮阳", "淳于", "单于", "司空", "第五", "东郭",
};

size_t ident_compound_surname(const char *z, size_t n) {
  for (size_t i = 0; i < sizeof azCompound / sizeof azCompound[0]; i++) {
    size_t m = strlen(azCompound[i]);
    if (n >= m && memcmp(z, azCompound[i], m) == 0) return m;
  }
  return 0;
}

/* Common single-character surnames (about 250), UTF-8. */
static const char zSurname[] =
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董"
    "袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹"
    "孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康"
    "施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁"
    "尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁"
    "蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷"
    "晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖"
    "巩佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储栗燕楚鄢劳谌奚皮粟冼蔺楼"
    "满闻位厉伊仝郜阚权帅屠朴盖练廉禹井祖漆巴丰支卿狄索宣晋初敬扈晁芮阙"
    "浦戈伏鹿薄邸雍辜裘亓修邰赫杭况宿鲜逯隆茹诸战慕危亢嵇湛宾戎茅揭尉"
    "衣展昝幸衡富尧";

int ident_is_surname(unsigned cp) {
  size_t i = 0, n = sizeof zSurname - 1;
  if (cp < 0x3400) return 0;
  while (i < n) {
    int len;
    uint32_t c = utf8_decode(zSurname + i, n - i, &len);
    if (c == cp) return 1;
    i += (size_t)len;
  }
  return 0;
}

char *ident_mask_name(const char *z) {
  Buf b = BUF_INIT;
  size_t n, nSur, i, nChar, iChar = 0;
  int len;
  if (!z) return NULL;
  n = strlen(z);
  if (n == 0) return xstrdup("");
  nSur = ident_compound_surname(z, n);
  if (nSur == 0 || nSur >= n) {
    utf8_decode(z, n, &len);
    nSur = (size_t)len;
  }
  buf_append(&b, z, nSur);
  nChar = utf8_len(z + nSur, n - nSur);
  for (i = nSur; i < n; i += (size_t)len) {
    utf8_decode(z + i, n - i, &len);
    if (nChar >= 2 && iChar == nChar - 1) {
      buf_append(&b, z + i, (size_t)len);
    } else {
      buf_putc(&b, '*');
    }
    iChar++;
  }
  return buf_steal(&b);
}
