/* model.c — validation of the foundation's records (see model.h). */
#include "core/model.h"

#include <string.h>

#include "core/ident.h"

int org_slug_valid(const char *z) {
  size_t n = z ? strlen(z) : 0;
  if (n < 1 || n > 40 || z[0] == '-') return 0;
  for (size_t i = 0; i < n; i++) {
    char c = z[i];
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return 0;
  }
  return 1;
}

static int email_plausible(const char *z) {
  const char *at = strchr(z, '@');
  return at && at > z && strchr(at + 1, '.') && !strchr(z, ' ') &&
         !strchr(at + 1, '@') && at[1] != '.';
}

const char *org_validate(const Org *o) {
  if (!o->zName || !o->zName[0]) return "单位名称不能为空";
  if (strlen(o->zName) > 200) return "单位名称过长";
  if (!org_slug_valid(o->zSlug))
    return "网址标识只能包含小写字母、数字和连字符（1至40个字符）";
  IdentErr err;
  if (o->zUscc && o->zUscc[0] && ident_uscc_check(o->zUscc, &err) != IDENT_OK)
    return "统一社会信用代码无效（校验位不符或含非法字符）";
  if (o->zOrgCode && o->zOrgCode[0] &&
      ident_org_code_check(o->zOrgCode, NULL, &err) != IDENT_OK)
    return "组织机构代码无效（校验位不符）";
  if (o->zEmail && o->zEmail[0] && !email_plausible(o->zEmail))
    return "电子邮箱格式不正确";
  if (o->zPostcode && o->zPostcode[0]) {
    if (strlen(o->zPostcode) != 6 || strspn(o->zPostcode, "0123456789") != 6)
      return "邮政编码应为6位数字";
  }
  return NULL;
}

const char *user_login_check(const char *z) {
  size_t n = z ? strlen(z) : 0;
  if (n < 2 || n > 32) return "登录名应为2至32个字符";
  for (size_t i = 0; i < n; i++) {
    char c = z[i];
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
          (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-'))
      return "登录名只能包含字母、数字、下划线、点和连字符";
  }
  return NULL;
}

const char *user_password_check(const char *z) {
  size_t n = z ? strlen(z) : 0;
  int lower = 0, upper = 0, digit = 0, other = 0;
  if (n < 10) return "密码至少10个字符";
  if (n > 256) return "密码过长";
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)z[i];
    if (c >= 'a' && c <= 'z') lower = 1;
    else if (c >= 'A' && c <= 'Z') upper = 1;
    else if (c >= '0' && c <= '9') digit = 1;
    else other = 1;
  }
  if (lower + upper + digit + other < 2) return "密码应至少包含两类字符（字母、数字、符号）";
  return NULL;
}
