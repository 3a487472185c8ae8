/*
** index_number.c — index number templates and checks (see index_number.h).
**
** One parser, parse_template(), walks a template and calls back for each
** literal piece and each placeholder; validation and expansion both use
** it, so they cannot disagree about the syntax.
*/
#include "core/index_number.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "lib/buf.h"
#include "lib/utf8.h"

/* Placeholders. */
typedef enum Ph {
  PH_ORG = 1,  /* {org_code} */
  PH_YYYY,     /* {yyyy} */
  PH_YY,       /* {yy} */
  PH_MM,       /* {mm} */
  PH_CATEGORY, /* {category} */
  PH_SERIAL    /* {serial} / {serial:0N} */
} Ph;

/* Callback target while parsing: either NULL (validate only) or an
** expansion in progress. */
typedef struct Expand {
  Buf out;                       /* expansion so far */
  const IndexNumberParts *pParts;/* values */
} Expand;

/* Fills pErr (when not NULL); returns rc. */
static int set_err(IndexNumberErr *pErr, int rc, const char *zFmt, ...) {
  if (pErr) {
    va_list ap;
    pErr->rc = rc;
    va_start(ap, zFmt);
    vsnprintf(pErr->zMsg, sizeof pErr->zMsg, zFmt, ap);
    va_end(ap);
  }
  return rc;
}

/* Marks success on pErr; returns INDEX_NUMBER_OK. */
static int set_ok(IndexNumberErr *pErr) {
  if (pErr) {
    pErr->rc = INDEX_NUMBER_OK;
    pErr->zMsg[0] = 0;
  }
  return INDEX_NUMBER_OK;
}

/* Checks that z[0..n) holds only characters allowed in an index number;
** zWhat names the text in the message ("索引号", "模板" ...).  Braces are
** allowed only when bBrace. */
static int check_chars(const char *z, size_t n, const char *zWhat, int bBrace,
                       IndexNumberErr *pErr) {
  size_t i = 0;
  while (i < n) {
    int len;
    uint32_t c = utf8_decode(z + i, n - i, &len);
    if (c == 0xFFFD && len == 1) {
      return set_err(pErr, INDEX_NUMBER_E_CHAR, "%s含有无效的UTF-8字节", zWhat);
    }
    if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0)) {
      return set_err(pErr, INDEX_NUMBER_E_CHAR, "%s不能包含控制字符", zWhat);
    }
    if (utf8_is_space(c)) {
      return set_err(pErr, INDEX_NUMBER_E_CHAR, "%s不能包含空白字符", zWhat);
    }
    if (c == '<' || c == '>' || c == '"' || c == '\\' || c == '?' || c == '#' ||
        c == '%') {
      return set_err(pErr, INDEX_NUMBER_E_CHAR, "%s不能包含字符 %c", zWhat,
                     (char)c);
    }
    if (!bBrace && (c == '{' || c == '}')) {
      return set_err(pErr, INDEX_NUMBER_E_CHAR, "%s不能包含花括号", zWhat);
    }
    i += (size_t)len;
  }
  return INDEX_NUMBER_OK;
}

/* An index number names a path (/d/..., export-site files): between its
** slashes there must be a real segment, never "", "." or "..". */
static int check_segments(const char *z, size_t n, const char *zWhat,
                          IndexNumberErr *pErr) {
  size_t i = 0;
  while (i <= n) {
    size_t j = i;
    while (j < n && z[j] != '/') j++;
    size_t m = j - i;
    if ((m == 0 && n > 0) || (m == 1 && z[i] == '.') ||
        (m == 2 && z[i] == '.' && z[i + 1] == '.'))
      return set_err(pErr, INDEX_NUMBER_E_CHAR,
                     "%s不能以“/”开头或结尾，也不能含有“//”或“.”“..”这样的路径段",
                     zWhat);
    i = j + 1;
  }
  return INDEX_NUMBER_OK;
}

/* Appends the value of placeholder e (serial padded to iWidth) to pX.
** Returns INDEX_NUMBER_OK or INDEX_NUMBER_E_VALUE with pErr set. */
static int emit(Expand *pX, Ph e, int iWidth, IndexNumberErr *pErr) {
  const IndexNumberParts *p = pX->pParts;
  char z[32];
  int rc;
  switch (e) {
    case PH_ORG:
      if (!p->zOrgCode || !p->zOrgCode[0]) {
        return set_err(pErr, INDEX_NUMBER_E_VALUE,
                       "缺少组织机构代码（{org_code}）");
      }
      rc = check_chars(p->zOrgCode, strlen(p->zOrgCode), "组织机构代码", 0,
                       pErr);
      if (rc) {
        if (pErr) pErr->rc = INDEX_NUMBER_E_VALUE;
        return INDEX_NUMBER_E_VALUE;
      }
      buf_puts(&pX->out, p->zOrgCode);
      return INDEX_NUMBER_OK;
    case PH_YYYY:
    case PH_YY:
      if (p->iYear < 1900 || p->iYear > 9999) {
        return set_err(pErr, INDEX_NUMBER_E_VALUE, "年份无效：%d", p->iYear);
      }
      if (e == PH_YYYY) {
        snprintf(z, sizeof z, "%04d", p->iYear);
      } else {
        snprintf(z, sizeof z, "%02d", p->iYear % 100);
      }
      buf_puts(&pX->out, z);
      return INDEX_NUMBER_OK;
    case PH_MM:
      if (p->iMonth < 1 || p->iMonth > 12) {
        return set_err(pErr, INDEX_NUMBER_E_VALUE, "月份无效：%d", p->iMonth);
      }
      snprintf(z, sizeof z, "%02d", p->iMonth);
      buf_puts(&pX->out, z);
      return INDEX_NUMBER_OK;
    case PH_CATEGORY:
      if (!p->zCategory || !p->zCategory[0]) {
        return set_err(pErr, INDEX_NUMBER_E_VALUE,
                       "缺少目录分类代码（{category}）");
      }
      rc = check_chars(p->zCategory, strlen(p->zCategory), "目录分类代码", 0,
                       pErr);
      if (rc) {
        if (pErr) pErr->rc = INDEX_NUMBER_E_VALUE;
        return INDEX_NUMBER_E_VALUE;
      }
      buf_puts(&pX->out, p->zCategory);
      return INDEX_NUMBER_OK;
    case PH_SERIAL:
      if (p->iSerial < 1) {
        return set_err(pErr, INDEX_NUMBER_E_VALUE, "序号必须大于0");
      }
      snprintf(z, sizeof z, "%0*lld", iWidth, p->iSerial);
      buf_puts(&pX->out, z);
      return INDEX_NUMBER_OK;
  }
  return INDEX_NUMBER_OK;
}

/* Parses the placeholder name z[0..n) (between the braces).  Sets *pe and
** *piWidth.  Returns INDEX_NUMBER_OK or an error with pErr set. */
static int parse_placeholder(const char *z, size_t n, Ph *pe, int *piWidth,
                             IndexNumberErr *pErr) {
  static const struct {
    const char *zName;
    Ph e;
  } aPh[] = {
      {"org_code", PH_ORG}, {"yyyy", PH_YYYY},         {"yy", PH_YY},
      {"mm", PH_MM},        {"category", PH_CATEGORY}, {"serial", PH_SERIAL},
  };
  *piWidth = 0;
  for (size_t k = 0; k < sizeof aPh / sizeof aPh[0]; k++) {
    if (strlen(aPh[k].zName) == n && memcmp(z, aPh[k].zName, n) == 0) {
      *pe = aPh[k].e;
      return INDEX_NUMBER_OK;
    }
  }
  if (n > 7 && memcmp(z, "serial:", 7) == 0) {
    /* {serial:0N} or {serial:0Nd}, N = 1..9 */
    const char *w = z + 7;
    size_t m = n - 7;
    if ((m == 2 || (m == 3 && w[2] == 'd')) && w[0] == '0' && w[1] >= '1' &&
        w[1] <= '9') {
      *pe = PH_SERIAL;
      *piWidth = w[1] - '0';
      return INDEX_NUMBER_OK;
    }
    return set_err(pErr, INDEX_NUMBER_E_SYNTAX,
                   "序号宽度写法无效：{%.*s}，应如 {serial:05}（宽度1至9）",
                   (int)n, z);
  }
  return set_err(pErr, INDEX_NUMBER_E_PLACEHOLDER,
                 "未知的占位符：{%.*s}（可用 {org_code} {yyyy} {yy} {mm} "
                 "{category} {serial} {serial:05}）",
                 (int)(n > 40 ? 40 : n), z);
}

/* Walks template zTpl.  With pX == NULL only validates; otherwise expands
** into pX->out.  *pmUses receives the INDEX_NUMBER_USES_* bits.  Returns
** INDEX_NUMBER_OK or an error with pErr set. */
static int parse_template(const char *zTpl, Expand *pX, unsigned *pmUses,
                          IndexNumberErr *pErr) {
  size_t n, i = 0;
  unsigned mUses = 0;
  int rc;
  if (!zTpl || !zTpl[0]) {
    return set_err(pErr, INDEX_NUMBER_E_EMPTY, "索引号模板为空");
  }
  n = strlen(zTpl);
  if (n > INDEX_NUMBER_TEMPLATE_MAX) {
    return set_err(pErr, INDEX_NUMBER_E_TOO_LONG, "索引号模板不能超过%d字节",
                   INDEX_NUMBER_TEMPLATE_MAX);
  }
  rc = check_chars(zTpl, n, "索引号模板", 1, pErr);
  if (!rc) rc = check_segments(zTpl, n, "索引号模板", pErr);
  if (rc) return rc;
  while (i < n) {
    if (zTpl[i] == '{' && zTpl[i + 1] == '{') {
      if (pX) buf_putc(&pX->out, '{');
      i += 2;
    } else if (zTpl[i] == '}' && zTpl[i + 1] == '}') {
      if (pX) buf_putc(&pX->out, '}');
      i += 2;
    } else if (zTpl[i] == '}') {
      return set_err(pErr, INDEX_NUMBER_E_SYNTAX,
                     "模板中有多余的“}”（字面花括号请写作 }}）");
    } else if (zTpl[i] == '{') {
      const char *zEnd = strchr(zTpl + i + 1, '}');
      const char *zOpen = strchr(zTpl + i + 1, '{');
      Ph e = PH_SERIAL;
      int iWidth;
      if (!zEnd || (zOpen && zOpen < zEnd)) {
        return set_err(pErr, INDEX_NUMBER_E_SYNTAX, "模板中的“{”没有闭合");
      }
      rc = parse_placeholder(zTpl + i + 1, (size_t)(zEnd - zTpl - i - 1), &e,
                             &iWidth, pErr);
      if (rc) return rc;
      switch (e) {
        case PH_ORG: mUses |= INDEX_NUMBER_USES_ORG; break;
        case PH_YYYY:
        case PH_YY: mUses |= INDEX_NUMBER_USES_YEAR; break;
        case PH_MM: mUses |= INDEX_NUMBER_USES_MONTH; break;
        case PH_CATEGORY: mUses |= INDEX_NUMBER_USES_CATEGORY; break;
        case PH_SERIAL: mUses |= INDEX_NUMBER_USES_SERIAL; break;
      }
      if (pX) {
        rc = emit(pX, e, iWidth, pErr);
        if (rc) return rc;
      }
      i = (size_t)(zEnd - zTpl) + 1;
    } else {
      if (pX) buf_putc(&pX->out, zTpl[i]);
      i++;
    }
  }
  if (!(mUses & INDEX_NUMBER_USES_SERIAL)) {
    return set_err(pErr, INDEX_NUMBER_E_NO_SERIAL,
                   "模板必须包含 {serial}（序号），否则索引号无法唯一");
  }
  if (pmUses) *pmUses = mUses;
  return INDEX_NUMBER_OK;
}

int index_number_template_check(const char *zTpl, unsigned *pmUses,
                                IndexNumberErr *pErr) {
  int rc = parse_template(zTpl, NULL, pmUses, pErr);
  return rc ? rc : set_ok(pErr);
}

int index_number_expand(const char *zTpl, const IndexNumberParts *pParts,
                        char **pzOut, IndexNumberErr *pErr) {
  Expand x;
  int rc;
  *pzOut = NULL;
  if (!zTpl || !zTpl[0]) zTpl = INDEX_NUMBER_DEFAULT_TEMPLATE;
  memset(&x, 0, sizeof x);
  x.pParts = pParts;
  /* validate the whole template first so that its errors come before
  ** errors in the values */
  rc = parse_template(zTpl, NULL, NULL, pErr);
  if (rc == INDEX_NUMBER_OK) rc = parse_template(zTpl, &x, NULL, pErr);
  if (rc == INDEX_NUMBER_OK) rc = index_number_check(buf_str(&x.out), pErr);
  if (rc) {
    buf_free(&x.out);
    return rc;
  }
  *pzOut = buf_steal(&x.out);
  return set_ok(pErr);
}

int index_number_check(const char *z, IndexNumberErr *pErr) {
  size_t n;
  int rc;
  if (!z || !z[0]) return set_err(pErr, INDEX_NUMBER_E_EMPTY, "索引号为空");
  n = strlen(z);
  if (n > INDEX_NUMBER_MAX) {
    return set_err(pErr, INDEX_NUMBER_E_TOO_LONG,
                   "索引号不能超过%d字节（现为%zu字节）", INDEX_NUMBER_MAX, n);
  }
  rc = check_chars(z, n, "索引号", 1, pErr);
  if (!rc) rc = check_segments(z, n, "索引号", pErr);
  return rc ? rc : set_ok(pErr);
}
