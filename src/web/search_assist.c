/*
** search_assist.c — help for what people type into /search that the full
** text cannot answer: an index number (索引号, not in the search index) is
** looked up as such, and a 文号 typed with [ ] ( ) 【 】 around its year
** instead of the 〔 〕 documents use (GB/T 9704) is offered again with them
** when it found nothing.  Both only add a line to the results page.
*/
#include <string.h>

#include "lib/buf.h"
#include "lib/utf8.h"
#include "store/store_documents.h"
#include "web/pages.h"
#include "web/portal.h"

/* z without white space, full-width ASCII (Ａ１／－) as ASCII, in bUpper
** ASCII letters upper case; NULL when z holds a CJK character or no digit
** (then it is no index number). */
static const char *index_form(Req *r, const char *z, int bUpper) {
  Buf b = BUF_INIT;
  int bDigit = 0, bCjk = 0;
  size_t n = strlen(z);
  for (size_t i = 0; i < n;) {
    int len;
    uint32_t c = utf8_decode(z + i, n - i, &len);
    i += (size_t)len;
    if (utf8_is_space(c)) continue;
    if (c >= 0xFF01 && c <= 0xFF5E) c -= 0xFEE0;
    if (bUpper && c >= 'a' && c <= 'z') c -= 'a' - 'A';
    bDigit |= c >= '0' && c <= '9';
    bCjk |= utf8_is_cjk(c);
    char a[4];
    buf_append(&b, a, (size_t)utf8_encode(c, a));
  }
  const char *zOut = bDigit && !bCjk ? req_strdup(r, buf_str(&b)) : NULL;
  buf_free(&b);
  return zOut;
}

void portal_search_index_hit(Req *r, const char *zQ) {
  Doc d;
  for (int bUpper = 0; bUpper < 2; bUpper++) {
    const char *zIdx = index_form(r, zQ, bUpper);
    if (!zIdx || strlen(zIdx) > 100) return;
    if (store_doc_public_by_index(r->store, &r->arena, zIdx, &d) != STORE_OK) continue;
    req_printf(r, "<p class=\"index-hit\" role=\"status\">索引号 <span translate=\"no\">%h</span> "
                  "的文件：<a href=\"/o/%u/d/%lld\">%h</a></p>\n",
               d.zIndexNumber, d.zOrgSlug, (long long)d.id, d.zTitle);
    return;
  }
}

/* Brackets people type around a 文号's year, and the code points of each. */
static const uint32_t aBracket[][2] = {
  {'[', ']'}, {'(', ')'}, {0xFF08, 0xFF09} /* （） */, {0x3010, 0x3011} /* 【】 */,
  {0xFF3B, 0xFF3D} /* ［］ */, {0x3016, 0x3017} /* 〖〗 */};

/* Index in aBracket of an opening bracket c (bClose 0) or closing one, or -1. */
static int bracket_of(uint32_t c, int bClose) {
  for (size_t k = 0; k < sizeof aBracket / sizeof aBracket[0]; k++)
    if (aBracket[k][bClose] == c) return (int)k;
  return -1;
}

/* zQ with every bracket pair around four digits (a year, full-width too)
** turned into 〔 〕, or NULL when it has none. */
static const char *docno_form(Req *r, const char *zQ) {
  size_t len = strlen(zQ);
  uint32_t *a = arena_alloc(&r->arena, sizeof(uint32_t) * (len + 1)); /* the whole query */
  int n = 0, nFix = 0;
  for (size_t i = 0; i < len;) {
    int l;
    a[n++] = utf8_decode(zQ + i, len - i, &l);
    i += (size_t)l;
  }
  for (int i = 0; i + 5 < n; i++) {
    int k = bracket_of(a[i], 0), j = 1;
    if (k < 0) continue;
    for (; j <= 4; j++)
      if (!((a[i + j] >= '0' && a[i + j] <= '9') || (a[i + j] >= 0xFF10 && a[i + j] <= 0xFF19))) break;
    if (j != 5 || bracket_of(a[i + 5], 1) != k) continue;
    a[i] = 0x3014;      /* 〔 */
    a[i + 5] = 0x3015;  /* 〕 */
    nFix++;
  }
  if (!nFix) return NULL;
  Buf b = BUF_INIT;
  for (int i = 0; i < n; i++) {
    char s[4];
    buf_append(&b, s, (size_t)utf8_encode(a[i], s));
  }
  const char *zOut = req_strdup(r, buf_str(&b));
  buf_free(&b);
  return zOut;
}

void portal_search_docno_hint(Req *r, const char *zQ, int total,
                              const char *zFilters_html) {
  const char *zFix = total ? NULL : docno_form(r, zQ);
  if (!zFix) return;
  req_printf(r, "<p class=\"hint docno-hint\">文号中的年份请用六角括号〔〕，如："
                "<a href=\"/search?q=%u%s\">%h</a></p>\n", zFix, zFilters_html, zFix);
}
