/*
** oldsite.c — reads a page saved from an old disclosure site (oldsite.h).
**
** Three passes over libxml2's tree:
**   1. the text of the page in document order, one chunk per text node
**      (scripts and styles skipped): labels are found there;
**   2. the body: the element whose <p> children hold the most text (a
**      known content class such as TRS_Editor wins when it has text),
**      rendered as Markdown (paragraphs, headings, lists, tables);
**   3. attachment links anywhere on the page, by file extension.
*/
#include "lib/oldsite.h"

#include <ctype.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <stdint.h>
#include <strings.h>
#include <string.h>

#include "lib/buf.h"
#include "lib/utf8.h"
#include "lib/xmlpart.h"

/* ---- text helpers ------------------------------------------------------ */

/* Appends z with runs of white space (ASCII, NBSP, U+3000) as one space. */
static void append_collapsed(Buf *b, const char *z) {
  int bSpace = b->n > 0 && b->z[b->n - 1] == ' ';
  while (*z) {
    unsigned char c = (unsigned char)*z;
    size_t k = 0;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') k = 1;
    else if (c == 0xC2 && (unsigned char)z[1] == 0xA0) k = 2;
    else if (c == 0xE3 && (unsigned char)z[1] == 0x80 && (unsigned char)z[2] == 0x80) k = 3;
    if (k) {
      if (!bSpace && b->n) buf_putc(b, ' ');
      bSpace = 1;
      z += k;
    } else {
      buf_putc(b, (char)c);
      bSpace = 0;
      z++;
    }
  }
}

static char *trimmed(Arena *a, const char *z) {
  Buf b = BUF_INIT;
  append_collapsed(&b, z);
  size_t i = 0, n = b.n;
  while (i < n && b.z[i] == ' ') i++;
  while (n > i && b.z[n - 1] == ' ') n--;
  char *zOut = arena_strndup(a, b.z ? b.z + i : "", n - i);
  buf_free(&b);
  return zOut;
}

static int is_tag(xmlNode *n, const char *zTag) {
  return n->type == XML_ELEMENT_NODE && n->name && !strcmp((const char *)n->name, zTag);
}

static int skipped(xmlNode *n) {
  return is_tag(n, "script") || is_tag(n, "style") || is_tag(n, "noscript") ||
         is_tag(n, "head") || is_tag(n, "select") || is_tag(n, "option");
}

/* ---- pass 1: labels in the text ---------------------------------------- */

enum { F_INDEX, F_PUB, F_SIGNED, F_PUBLISHED, F_DOCNO, F_TOPIC, F_VALID, F_KW, F_TITLE, N_F };

static const struct { const char *zLabel; int f; } aLabel[] = {
  {"索引号", F_INDEX},       {"发布机构", F_PUB},      {"发文机关", F_PUB},
  {"发文单位", F_PUB},       {"信息来源", F_PUB},      {"成文日期", F_SIGNED},
  {"发文日期", F_SIGNED},    {"印发日期", F_SIGNED},   {"生成日期", F_PUBLISHED},
  {"发布日期", F_PUBLISHED}, {"公开日期", F_PUBLISHED}, {"发布时间", F_PUBLISHED},
  {"发文字号", F_DOCNO},     {"文号", F_DOCNO},        {"主题分类", F_TOPIC},
  {"有效性", F_VALID},       {"关键词", F_KW},         {"主题词", F_KW},
  {"名称", F_TITLE},         {"标题", F_TITLE},
};
#define N_LABEL (int)(sizeof aLabel / sizeof aLabel[0])

typedef struct Chunks {
  char **az;
  int n, nAlloc;
} Chunks;

static void collect_text(Arena *a, xmlNode *n, Chunks *c) {
  for (; n; n = n->next) {
    if (skipped(n)) continue;
    if (n->type == XML_TEXT_NODE && n->content) {
      char *z = trimmed(a, (const char *)n->content);
      if (*z) {
        ARENA_PUSH(a, c->az, c->n, c->nAlloc);
        c->az[c->n++] = z;
      }
    } else if (n->type == XML_ELEMENT_NODE) {
      collect_text(a, n->children, c);
    }
  }
}

/* When z starts with a label (spaces between its characters allowed),
** returns its index and sets *pzRest after the label and any colon; *pbColon
** tells whether a colon followed.  Else -1. */
static int label_at(const char *z, const char **pzRest, int *pbColon) {
  for (int i = 0; i < N_LABEL; i++) {
    const char *l = aLabel[i].zLabel, *p = z;
    while (*l) {
      while (*p == ' ') p++;
      if (*p != *l) break;
      p++, l++;
    }
    if (*l) continue;
    while (*p == ' ') p++;
    *pbColon = 0;
    if (*p == ':') p++, *pbColon = 1;
    else if (!strncmp(p, "：", 3)) p += 3, *pbColon = 1;
    while (*p == ' ') p++;
    if (!*pbColon && *p) continue; /* "文号为…" is prose, not a label */
    *pzRest = p;
    return i;
  }
  return -1;
}

/* The end of a value in z: where the next "label：" starts, else the end. */
static size_t value_len(const char *z) {
  for (const char *p = z; *p; p++) {
    if (p > z && p[-1] != ' ') continue;
    const char *zRest;
    int bColon;
    if (label_at(p, &zRest, &bColon) >= 0 && bColon) {
      size_t n = (size_t)(p - z);
      while (n && z[n - 1] == ' ') n--;
      return n;
    }
  }
  return strlen(z);
}

static void find_labels(Arena *a, Chunks *c, const char *azF[N_F]) {
  for (int i = 0; i < c->n; i++) {
    const char *z = c->az[i];
    while (z && *z) {
      const char *zRest;
      int bColon, k = label_at(z, &zRest, &bColon);
      if (k < 0) break;
      int f = aLabel[k].f;
      const char *zVal = zRest;
      if (!*zVal && i + 1 < c->n && label_at(c->az[i + 1], &zRest, &bColon) < 0)
        zVal = c->az[++i];
      size_t nVal = value_len(zVal);
      if (!azF[f] && nVal) azF[f] = arena_strndup(a, zVal, nVal);
      z = zVal + nVal;
      while (*z == ' ') z++;
    }
  }
}

/* ---- pass 2: the body -------------------------------------------------- */

static const char *const azContentClass[] = {
  "TRS_Editor", "zoom", "Zoom", "article-content", "article_content", "content",
  "xxgk_content", "detail", "pages_content", "main-txt", "con", "text", "view",
};

static int has_content_name(xmlNode *n) {
  for (const char *zAttr = "class"; zAttr; zAttr = strcmp(zAttr, "class") ? NULL : "id") {
    xmlChar *v = xmlGetProp(n, (const xmlChar *)zAttr);
    if (!v) continue;
    int hit = 0;
    for (size_t i = 0; !hit && i < sizeof azContentClass / sizeof *azContentClass; i++) {
      const char *p = strstr((const char *)v, azContentClass[i]);
      size_t k = strlen(azContentClass[i]);
      hit = p && (p == (const char *)v || p[-1] == ' ') && (!p[k] || p[k] == ' ');
    }
    xmlFree(v);
    if (hit) return 1;
  }
  return 0;
}

static size_t text_len(xmlNode *n) {
  xmlChar *z = xmlNodeGetContent(n);
  size_t k = 0;
  if (z) {
    for (const unsigned char *p = z; *p; p++) k += !isspace(*p);
    xmlFree(z);
  }
  return k;
}

/* Scores each element by the text of its <p> children; remembers the best,
** and the first element with a content class that holds text. */
static void score(xmlNode *n, xmlNode **pBest, size_t *pBest_n, xmlNode **pNamed) {
  for (; n; n = n->next) {
    if (n->type != XML_ELEMENT_NODE || skipped(n)) continue;
    size_t k = 0;
    int bTextHolder = is_tag(n, "div") || is_tag(n, "td") || is_tag(n, "article") ||
                      is_tag(n, "section") || is_tag(n, "body") || is_tag(n, "font");
    for (xmlNode *c = n->children; c; c = c->next)
      if (is_tag(c, "p") || (bTextHolder && c->type == XML_TEXT_NODE)) k += text_len(c);
    if (k > *pBest_n) *pBest = n, *pBest_n = k;
    if (!*pNamed && has_content_name(n) && text_len(n) >= 20) *pNamed = n;
    score(n->children, pBest, pBest_n, pNamed);
  }
}

static void end_block(Buf *b) {
  while (b->n && b->z[b->n - 1] == ' ') b->n--;
  if (b->n && b->z[b->n - 1] != '\n') buf_puts(b, "\n\n");
  else if (b->n > 1 && b->z[b->n - 2] != '\n') buf_putc(b, '\n');
}

static void render(Arena *a, xmlNode *n, Buf *b, int depth);

/* One cell's text, with '|' escaped, on one line. */
static void render_cell(Arena *a, xmlNode *cell, Buf *b) {
  xmlChar *z = xmlNodeGetContent(cell);
  const char *t = trimmed(a, z ? (const char *)z : "");
  for (; *t; t++) {
    if (*t == '|') buf_putc(b, '\\');
    buf_putc(b, *t);
  }
  if (z) xmlFree(z);
}

static void render_table(Arena *a, xmlNode *t, Buf *b) {
  int iRow = 0, nCol = 0;
  end_block(b);
  for (xmlNode *sec = t->children; sec; sec = sec->next) {
    xmlNode *rows = (is_tag(sec, "tbody") || is_tag(sec, "thead") || is_tag(sec, "tfoot"))
                        ? sec->children : sec;
    for (xmlNode *r = rows; r; r = r->next) {
      if (!is_tag(r, "tr")) { if (rows == sec) break; continue; }
      int k = 0;
      buf_puts(b, "|");
      for (xmlNode *c = r->children; c; c = c->next) {
        if (!is_tag(c, "td") && !is_tag(c, "th")) continue;
        buf_putc(b, ' ');
        render_cell(a, c, b);
        buf_puts(b, " |");
        k++;
      }
      buf_putc(b, '\n');
      if (iRow++ == 0) {
        nCol = k;
        buf_puts(b, "|");
        for (int i = 0; i < nCol; i++) buf_puts(b, " --- |");
        buf_putc(b, '\n');
      }
      if (rows == sec) break;
    }
  }
  buf_putc(b, '\n');
}

static void render_children(Arena *a, xmlNode *n, Buf *b, int depth) {
  for (xmlNode *c = n->children; c; c = c->next) render(a, c, b, depth + 1);
}

static void render(Arena *a, xmlNode *n, Buf *b, int depth) {
  if (depth > 200 || skipped(n)) return;
  if (n->type == XML_TEXT_NODE && n->content) {
    size_t n0 = b->n;
    append_collapsed(b, (const char *)n->content);
    /* No leading space at the start of a line. */
    if (b->n > n0 && b->z[n0] == ' ' && (n0 == 0 || b->z[n0 - 1] == '\n'))
      memmove(b->z + n0, b->z + n0 + 1, --b->n - n0);
    return;
  }
  if (n->type != XML_ELEMENT_NODE) return;
  const char *t = (const char *)n->name;
  if (!strcmp(t, "table")) { render_table(a, n, b); return; }
  if (!strcmp(t, "br")) { end_block(b); return; }
  if (!strcmp(t, "img")) return;
  if (t[0] == 'h' && t[1] >= '1' && t[1] <= '6' && !t[2]) {
    end_block(b);
    for (int i = 0, k = t[1] - '0' + 1; i < k && i < 6; i++) buf_putc(b, '#');
    buf_putc(b, ' ');
    render_children(a, n, b, depth);
    end_block(b);
    return;
  }
  if (!strcmp(t, "li")) {
    if (b->n && b->z[b->n - 1] != '\n') buf_putc(b, '\n');
    buf_puts(b, "- ");
    render_children(a, n, b, depth);
    buf_putc(b, '\n');
    return;
  }
  int bBlock = !strcmp(t, "p") || !strcmp(t, "div") || !strcmp(t, "ul") || !strcmp(t, "ol") ||
               !strcmp(t, "section") || !strcmp(t, "article") || !strcmp(t, "blockquote");
  if (bBlock) end_block(b);
  render_children(a, n, b, depth);
  if (bBlock) end_block(b);
}

/* ---- pass 3: attachments ----------------------------------------------- */

static const char *const azExt[] = {".pdf", ".doc", ".docx", ".xls", ".xlsx", ".wps", ".et",
                                    ".ofd", ".zip", ".rar", ".txt", ".csv", ".ppt", ".pptx"};

static int is_attachment(const char *zHref) {
  size_t n = strcspn(zHref, "?#");
  if (!n || !strncmp(zHref, "javascript:", 11) || !strncmp(zHref, "mailto:", 7)) return 0;
  for (size_t i = 0; i < sizeof azExt / sizeof *azExt; i++) {
    size_t k = strlen(azExt[i]);
    if (n > k && !strncasecmp(zHref + n - k, azExt[i], k)) return 1;
  }
  return 0;
}

static void find_links(Arena *a, xmlNode *n, OldSitePage *p) {
  for (; n && p->nLink < OLDSITE_MAX_LINKS; n = n->next) {
    if (is_tag(n, "a")) {
      xmlChar *h = xmlGetProp(n, (const xmlChar *)"href");
      if (h && is_attachment((const char *)h)) {
        xmlChar *t = xmlNodeGetContent(n);
        int dup = 0;
        for (int i = 0; i < p->nLink; i++) dup |= !strcmp(p->aLink[i].zHref, (const char *)h);
        if (!dup) {
          p->aLink[p->nLink].zHref = trimmed(a, (const char *)h);
          p->aLink[p->nLink++].zText = trimmed(a, t ? (const char *)t : "");
        }
        if (t) xmlFree(t);
      }
      if (h) xmlFree(h);
    }
    if (n->type == XML_ELEMENT_NODE) find_links(a, n->children, p);
  }
}

/* ---- the title ------------------------------------------------------ */

static const char *meta_content(Arena *a, xmlNode *n, const char *zName, int depth) {
  for (; n && depth < 100; n = n->next) {
    if (is_tag(n, "meta")) {
      xmlChar *nm = xmlGetProp(n, (const xmlChar *)"name");
      int hit = nm && !strcasecmp((const char *)nm, zName);
      if (nm) xmlFree(nm);
      if (hit) {
        xmlChar *c = xmlGetProp(n, (const xmlChar *)"content");
        const char *z = trimmed(a, c ? (const char *)c : "");
        if (c) xmlFree(c);
        if (*z) return z;
      }
    }
    if (n->type == XML_ELEMENT_NODE) {
      const char *z = meta_content(a, n->children, zName, depth + 1);
      if (z) return z;
    }
  }
  return NULL;
}

static xmlNode *first_tag(xmlNode *n, const char *zTag, int depth) {
  for (; n && depth < 200; n = n->next) {
    if (is_tag(n, zTag) && text_len(n) > 0) return n;
    if (n->type == XML_ELEMENT_NODE && !skipped(n) && !is_tag(n, "head")) {
      xmlNode *f = first_tag(n->children, zTag, depth + 1);
      if (f) return f;
    }
  }
  return NULL;
}

static const char *page_title(Arena *a, xmlDoc *doc, const char *zLabelTitle) {
  xmlNode *root = xmlDocGetRootElement(doc);
  const char *z = meta_content(a, root, "ArticleTitle", 0);
  if (z) return z;
  if (zLabelTitle && *zLabelTitle) return zLabelTitle;
  static const char *const azTag[] = {"h1", "h2", "title"};
  for (size_t i = 0; i < 3; i++) {
    xmlNode *h = i == 2 ? NULL : first_tag(root, azTag[i], 0);
    if (i == 2) {
      for (xmlNode *c = root ? root->children : NULL; c && !h; c = c->next)
        if (is_tag(c, "head")) h = first_tag(c->children, "title", 0);
    }
    if (!h) continue;
    xmlChar *t = xmlNodeGetContent(h);
    char *zt = trimmed(a, t ? (const char *)t : "");
    if (t) xmlFree(t);
    if (i == 2) { /* "标题_网站名" / "标题 - 网站名" */
      static const char *const azSep[] = {"_", " - ", "|", "－", "——"};
      for (size_t k = 0; k < 5; k++) {
        char *p = strstr(zt, azSep[k]);
        if (p && p > zt) *p = 0;
      }
    }
    if (*zt) return zt;
  }
  return "";
}

/* ---- encoding and entry point ----------------------------------------- */

/* The charset a page declares in its first 4 KB, mapped to one libxml2 and
** iconv know; NULL when none is declared. */
static const char *declared_charset(const char *z, size_t n) {
  size_t lim = n < 4096 ? n : 4096;
  for (size_t i = 0; i + 8 < lim; i++) {
    if (strncasecmp(z + i, "charset=", 8)) continue;
    const char *p = z + i + 8;
    if (*p == '"' || *p == '\'') p++;
    char zName[32];
    size_t k = 0;
    while (k + 1 < sizeof zName && p < z + lim && (isalnum((unsigned char)*p) || *p == '-' || *p == '_'))
      zName[k++] = (char)tolower((unsigned char)*p++);
    zName[k] = 0;
    if (!strcmp(zName, "gb2312") || !strcmp(zName, "gbk") || !strcmp(zName, "gb18030") ||
        !strcmp(zName, "x-gbk"))
      return "GB18030";
    if (!strcmp(zName, "utf-8") || !strcmp(zName, "utf8")) return "UTF-8";
    if (!strcmp(zName, "big5")) return "BIG5";
  }
  return NULL;
}

int oldsite_date(const char *z, char zOut[11]) {
  for (const char *p = z; *p; p++) {
    if (!isdigit((unsigned char)p[0]) || (p > z && isdigit((unsigned char)p[-1]))) continue;
    int y = 0, m = 0, d = 0, k = 0;
    const char *q = p;
    while (k < 4 && isdigit((unsigned char)*q)) y = y * 10 + (*q++ - '0'), k++;
    if (k != 4 || isdigit((unsigned char)*q)) continue;
    if (*q == '-' || *q == '/' || *q == '.') q++;
    else if (!strncmp(q, "年", 3)) q += 3;
    else continue;
    for (k = 0; k < 2 && isdigit((unsigned char)*q); k++) m = m * 10 + (*q++ - '0');
    if (!k) continue;
    if (*q == '-' || *q == '/' || *q == '.') q++;
    else if (!strncmp(q, "月", 3)) q += 3;
    else continue;
    for (k = 0; k < 2 && isdigit((unsigned char)*q); k++) d = d * 10 + (*q++ - '0');
    if (!k || isdigit((unsigned char)*q)) continue;
    static const int aDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1 || d > aDays[m - 1]) continue;
    if (m == 2 && d == 29 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0))) continue;
    zOut[0] = (char)('0' + y / 1000), zOut[1] = (char)('0' + y / 100 % 10);
    zOut[2] = (char)('0' + y / 10 % 10), zOut[3] = (char)('0' + y % 10);
    zOut[4] = '-', zOut[5] = (char)('0' + m / 10), zOut[6] = (char)('0' + m % 10);
    zOut[7] = '-', zOut[8] = (char)('0' + d / 10), zOut[9] = (char)('0' + d % 10);
    zOut[10] = 0;
    return 0;
  }
  return 1;
}

static const char *date_or_empty(Arena *a, const char *z) {
  char zd[11];
  return z && !oldsite_date(z, zd) ? arena_strdup(a, zd) : "";
}

const char *oldsite_parse(Arena *a, const char *z, size_t n, OldSitePage *p) {
  memset(p, 0, sizeof *p);
  if (n > 64u << 20) return "页面过大";
  const char *zEnc = declared_charset(z, n);
  if (!zEnc) zEnc = utf8_valid(z, n) ? "UTF-8" : "GB18030";
  xmlpart_init();
  xmlDoc *doc = htmlReadMemory(z, (int)n, NULL, zEnc,
                               HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                   HTML_PARSE_NONET | HTML_PARSE_NOIMPLIED);
  xmlNode *root = doc ? xmlDocGetRootElement(doc) : NULL;
  if (!root) {
    if (doc) xmlFreeDoc(doc);
    return "不是可读的 HTML 页面";
  }
  p->zCharset = zEnc;
  Chunks c = {0};
  collect_text(a, root, &c);
  const char *azF[N_F] = {0};
  find_labels(a, &c, azF);
  p->zIndexNumber = azF[F_INDEX] ? azF[F_INDEX] : "";
  p->zPublisher = azF[F_PUB] ? azF[F_PUB] : "";
  p->zSignedDate = date_or_empty(a, azF[F_SIGNED]);
  p->zPublishedDate = date_or_empty(a, azF[F_PUBLISHED]);
  p->zDocNumber = azF[F_DOCNO] ? azF[F_DOCNO] : "";
  p->zTopic = azF[F_TOPIC] ? azF[F_TOPIC] : "";
  p->zValidity = azF[F_VALID] ? azF[F_VALID] : "";
  p->zKeywords = azF[F_KW] ? azF[F_KW] : "";
  p->zTitle = page_title(a, doc, azF[F_TITLE]);
  xmlNode *best = NULL, *named = NULL;
  size_t nBest = 0;
  score(root, &best, &nBest, &named);
  xmlNode *body = named ? named : best;
  Buf b = BUF_INIT;
  if (body) render_children(a, body, &b, 0);
  while (b.n && (b.z[b.n - 1] == '\n' || b.z[b.n - 1] == ' ')) b.n--;
  p->zBody = arena_strndup(a, b.z ? b.z : "", b.n);
  buf_free(&b);
  find_links(a, root, p);
  xmlFreeDoc(doc);
  if (!*p->zTitle) return "页面中没有找到标题";
  if (!*p->zBody) return "页面中没有找到正文";
  return NULL;
}
