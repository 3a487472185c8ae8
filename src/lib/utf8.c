/*
** utf8.c — UTF-8 decoding and folding (see utf8.h).
*/
#include "lib/utf8.h"

#include <string.h>

uint32_t utf8_decode(const char *zIn, size_t n, int *pLen) {
  const unsigned char *z = (const unsigned char *)zIn;
  uint32_t c = z[0];
  int len, i;
  if (c < 0x80) { *pLen = 1; return c; }
  if (c >= 0xC2 && c <= 0xDF) { len = 2; c &= 0x1F; }
  else if (c >= 0xE0 && c <= 0xEF) { len = 3; c &= 0x0F; }
  else if (c >= 0xF0 && c <= 0xF4) { len = 4; c &= 0x07; }
  else { *pLen = 1; return 0xFFFD; }
  if ((size_t)len > n) { *pLen = 1; return 0xFFFD; }
  for (i = 1; i < len; i++) {
    if ((z[i] & 0xC0) != 0x80) { *pLen = 1; return 0xFFFD; }
    c = (c << 6) | (z[i] & 0x3F);
  }
  if ((len == 3 && c < 0x800) || (len == 4 && (c < 0x10000 || c > 0x10FFFF)) ||
      (c >= 0xD800 && c <= 0xDFFF)) {
    *pLen = 1;
    return 0xFFFD;
  }
  *pLen = len;
  return c;
}

int utf8_encode(uint32_t cp, char *out) {
  if (cp < 0x80) { out[0] = (char)cp; return 1; }
  if (cp < 0x800) {
    out[0] = (char)(0xC0 | (cp >> 6));
    out[1] = (char)(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = (char)(0xE0 | (cp >> 12));
    out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[2] = (char)(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = (char)(0xF0 | (cp >> 18));
  out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
  out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
  out[3] = (char)(0x80 | (cp & 0x3F));
  return 4;
}

/* Inline validation with the rules of utf8_decode(): no overlong forms,
** no surrogates, nothing above U+10FFFF; ASCII is skipped eight bytes at
** a time.  (It was a utf8_decode() call per character: 1.9 % of a bulk
** import, whose check pass and import pass both validate every line.) */
int utf8_valid(const char *zIn, size_t n) {
  const unsigned char *z = (const unsigned char *)zIn;
  size_t i = 0;
  while (i < n) {
    unsigned c = z[i];
    if (c < 0x80) {
      i++;
      while (i + 8 <= n) {
        uint64_t w;
        memcpy(&w, z + i, 8);
        if (w & 0x8080808080808080ull) break;
        i += 8;
      }
      continue;
    }
    /* The common case, a 3-byte sequence with lead E1..EC or EE..EF (most
    ** CJK): two continuation bytes, no range narrower than 80..BF. */
    if (c >= 0xE1 && c != 0xED && c <= 0xEF && n - i >= 3) {
      if ((z[i + 1] & 0xC0) != 0x80 || (z[i + 2] & 0xC0) != 0x80) return 0;
      i += 3;
      continue;
    }
    /* Other lead bytes: the sequence length and the allowed range of the
    ** second byte (narrower after E0, ED, F0 and F4). */
    unsigned lo = 0x80, hi = 0xBF;
    size_t len;
    if (c >= 0xC2 && c <= 0xDF) len = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      if (c == 0xE0) lo = 0xA0;       /* < U+0800: overlong */
      else if (c == 0xED) hi = 0x9F;  /* U+D800..DFFF: surrogates */
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      if (c == 0xF0) lo = 0x90;       /* < U+10000: overlong */
      else if (c == 0xF4) hi = 0x8F;  /* > U+10FFFF */
    } else {
      return 0;
    }
    if (len > n - i) return 0;
    if (z[i + 1] < lo || z[i + 1] > hi) return 0;
    for (size_t k = 2; k < len; k++)
      if ((z[i + k] & 0xC0) != 0x80) return 0;
    i += len;
  }
  return 1;
}

size_t utf8_len(const char *z, size_t n) {
  size_t i = 0, k = 0;
  while (i < n) {
    int len;
    utf8_decode(z + i, n - i, &len);
    i += (size_t)len;
    k++;
  }
  return k;
}

uint32_t utf8_fold(uint32_t cp) {
  if (cp >= 0xFF01 && cp <= 0xFF5E) cp -= 0xFEE0;
  else if (cp == 0x3000) cp = ' ';
  if (cp >= 'A' && cp <= 'Z') cp += 32;
  return cp;
}

int utf8_is_cjk(uint32_t cp) {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
         (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x2FA1F);
}

int utf8_is_space(uint32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' ||
         cp == '\v' || cp == 0x3000 || cp == 0xA0 || cp == 0x2028 ||
         cp == 0x2029 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0xFEFF;
}

size_t utf8_prefix(const char *z, size_t n, size_t nChar) {
  size_t i = 0, k = 0;
  while (i < n && k < nChar) {
    int len;
    utf8_decode(z + i, n - i, &len);
    i += (size_t)len;
    k++;
  }
  return i;
}

const char *utf8_text_problem(const char *z, size_t n) {
  if (!utf8_valid(z, n)) return "提交的内容不是有效的 UTF-8 文本";
  return utf8_valid_text_problem(z, n);
}

/* 1 when the well-formed sequence at z (n bytes left) is a C1 control
** (U+0080..U+009F: C2 80..9F) or a noncharacter: U+FDD0..U+FDEF (EF B7
** 90..AF), U+FFFE/U+FFFF (EF BF BE/BF) and U+nFFFE/U+nFFFF of the other
** planes (F0..F4, a second byte ending in 1111, BF, BE/BF).  No text holds
** them, and XML 1.0 forbids U+FFFE/U+FFFF: one in an applicant's name made
** every Word notice of the application, an XLSX or an Atom feed unreadable. */
static int noncharacter_or_c1(const char *zIn, size_t n) {
  const unsigned char *z = (const unsigned char *)zIn;
  if (z[0] == 0xC2) return n >= 2 && z[1] <= 0x9F;
  if (z[0] == 0xEF)
    return n >= 3 && ((z[1] == 0xB7 && z[2] >= 0x90 && z[2] <= 0xAF) ||
                      (z[1] == 0xBF && z[2] >= 0xBE));
  if (z[0] >= 0xF0)
    return n >= 4 && (z[1] & 0x0F) == 0x0F && z[2] == 0xBF && z[3] >= 0xBE;
  return 0;
}

const char *utf8_valid_text_problem(const char *z, size_t n) {
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)z[i];
    if (c == 0) return "提交的内容含有空字符（NUL）";
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F)
      return "提交的内容含有不允许的控制字符";
    /* U+202A..U+202E are E2 80 AA..AE; U+2066..U+2069 are E2 81 A6..A9. */
    if (c == 0xE2 && i + 2 < n &&
        ((z[i + 1] == '\x80' && (unsigned char)z[i + 2] >= 0xAA &&
          (unsigned char)z[i + 2] <= 0xAE) ||
         (z[i + 1] == '\x81' && (unsigned char)z[i + 2] >= 0xA6 &&
          (unsigned char)z[i + 2] <= 0xA9)))
      return "提交的内容含有不可见的文字方向控制符";
    if (c >= 0xC2 && noncharacter_or_c1(z + i, n - i))
      return c == 0xC2 ? "提交的内容含有不允许的控制字符"
                       : "提交的内容含有不是文字的字符（如 U+FFFF）";
  }
  return NULL;
}

size_t utf8_lf_newlines(char *z, size_t n) {
  size_t j = 0;
  for (size_t i = 0; i < n; i++) {
    if (z[i] == '\r') {
      z[j++] = '\n';
      if (i + 1 < n && z[i + 1] == '\n') i++;
    } else {
      z[j++] = z[i];
    }
  }
  z[j] = 0;
  return j;
}

int utf8_blank(const char *z) {
  if (!z) return 1;
  size_t n = strlen(z);
  for (size_t i = 0; i < n;) {
    int len;
    if (!utf8_is_space(utf8_decode(z + i, n - i, &len))) return 0;
    i += (size_t)len;
  }
  return 1;
}
