/*
** doctable.c — published files as tab-separated table text (see
** doctable.h for the kinds, the layout of the output and the limits).
*/
#include "lib/zipmem.h"
#include "lib/doctable.h"

#include <ctype.h>
#include <iconv.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zip.h>

#include "lib/doctext.h"
#include "lib/pdf_words.h"
#include "lib/utf8.h"
#include "lib/xmlpart.h"

/* ---- kind ---------------------------------------------------------------- */

/* 1 when zNeedle occurs (ASCII case-insensitive) in the first nMax bytes. */
static int has_ci(const char *p, size_t n, const char *zNeedle, size_t nMax) {
  size_t k = strlen(zNeedle);
  if (n > nMax) n = nMax;
  for (size_t i = 0; i + k <= n; i++)
    if (!strncasecmp(p + i, zNeedle, k)) return 1;
  return 0;
}

/* Entry index of zName in the ZIP, or -1. */
static zip_int64_t zip_has(zip_t *z, const char *zName) {
  return zip_name_locate(z, zName, 0);
}


const char *doctable_kind(const void *p, size_t n) {
  const char *s = p;
  size_t i = 0;
  if (n >= 5 && (!memcmp(s, "%PDF-", 5) || has_ci(s, n, "%PDF-", 1024)))
    return "pdf";
  if (n >= 4 && !memcmp(s, "PK\3\4", 4)) {
    zip_t *z = zip_open_memory(p, n);
    const char *zKind = NULL;
    if (z) {
      if (zip_has(z, "word/document.xml") >= 0) zKind = "docx";
      else if (zip_has(z, "xl/workbook.xml") >= 0) zKind = "xlsx";
      zip_discard(z);
    }
    return zKind;
  }
  if (memchr(s, 0, n)) return NULL;
  if (n >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3)) i = 3;
  while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n'))
    i++;
  if (i < n && s[i] == '{') return "json";
  if ((i < n && s[i] == '<') || has_ci(s, n, "<table", 1 << 20) ||
      has_ci(s, n, "<html", 4096))
    return "html";
  return "text";
}

/* ---- PDF ------------------------------------------------------------------ */

/* The PDF's words placed by their positions (lib/pdf_words.h), so that a
** blank cell keeps its column; the layout text when the words cannot be
** had (bbox output over its limit).  0, or -1 with the reason in pErr (a
** PDF with no text at all: pages that are pictures). */
static int pdf_table_text(const void *p, size_t n, Buf *pOut, Buf *pErr) {
  Buf x = BUF_INIT;
  int rc = doctext_pdf_bbox(p, n, &x, pErr, DOCTEXT_PDF_TIMEOUT_MS);
  if (rc < 0) {
    buf_free(&x);
    return -1;
  }
  size_t n0 = pOut->n;
  if (rc == 0 && pdf_words_text(buf_str(&x), x.n, pOut) > 0) {
    buf_free(&x);
    if (pOut->n - n0 > DOCTEXT_MAX_TEXT) {   /* the text's own cap */
      pOut->n = n0 + DOCTEXT_MAX_TEXT;
      pOut->z[pOut->n] = 0;
    }
    return 0;
  }
  buf_free(&x);
  pOut->n = n0;
  if (pOut->z) pOut->z[n0] = 0;
  Buf t = BUF_INIT;
  rc = doctext_pdf_layout(p, n, &t, pErr, DOCTEXT_PDF_TIMEOUT_MS);
  for (size_t i = 0; i < t.n; i++)
    if (t.z[i] == '\f') t.z[i] = '\n';
  if (rc == 0 && utf8_blank(buf_str(&t))) {
    /* pages that are pictures: a scan, or a "图片版" report */
    buf_puts(pErr, "PDF 中没有可读的文字（多为扫描件或“图片版”报告），"
                   "无法读出表格；请上传有文字的 PDF，或网页、Word（DOCX）版本");
    rc = -1;
  }
  buf_append(pOut, buf_str(&t), t.n);
  buf_free(&t);
  return rc;
}

/* ---- output helpers ----------------------------------------------------- */

/* Appends z with white space runs (including newlines) collapsed to one
** space. */
static void put_collapsed(Buf *b, const char *z) {
  int bSpace = b->n > 0 && (b->z[b->n - 1] == ' ' || b->z[b->n - 1] == '\n' ||
                            b->z[b->n - 1] == '\t');
  for (; *z; z++) {
    int c = (unsigned char)*z;
    if (c == 0xC2 && (unsigned char)z[1] == 0xA0) c = ' ', z++;  /* nbsp */
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
      if (!bSpace) buf_putc(b, ' ');
      bSpace = 1;
    } else {
      buf_putc(b, (char)c);
      bSpace = 0;
    }
  }
}

/* Ends the current line (no empty lines in a row). */
static void put_nl(Buf *b) {
  while (b->n > 0 && b->z[b->n - 1] == ' ') b->n--;
  if (b->n > 0 && b->z[b->n - 1] != '\n') buf_putc(b, '\n');
  if (b->z) b->z[b->n] = 0;
}

/* Appends a cell's text: tabs and newlines inside it become spaces, the
** ends are trimmed. */
static void put_cell(Buf *b, const char *z, size_t n) {
  while (n && (*z == ' ' || *z == '\n')) { z++; n--; }
  while (n && (z[n - 1] == ' ' || z[n - 1] == '\n')) n--;
  for (size_t i = 0; i < n; i++)
    buf_putc(b, z[i] == '\t' || z[i] == '\n' ? ' ' : z[i]);
}

static int is_name(const xmlNode *x, const char *zName) {
  return x->type == XML_ELEMENT_NODE && x->name &&
         !strcasecmp((const char *)x->name, zName);
}

/* ---- HTML ----------------------------------------------------------------- */


/* Plain text of a subtree (tables inside flattened), collapsed. */
static void html_inline(const xmlNode *x, Buf *b, int depth) {
  for (; x && depth < DT_MAX_DEPTH; x = x->next) {
    if (x->type == XML_TEXT_NODE || x->type == XML_CDATA_SECTION_NODE) {
      if (x->content) put_collapsed(b, (const char *)x->content);
    } else if (x->type == XML_ELEMENT_NODE) {
      if (is_name(x, "script") || is_name(x, "style")) continue;
      if (is_name(x, "br") || is_name(x, "p") || is_name(x, "div"))
        put_collapsed(b, " ");
      html_inline(x->children, b, depth + 1);
    }
  }
}

static void html_walk(const xmlNode *x, Buf *b, int depth);

/* 1 when a <table> lies below x (depth-limited). */
static int has_table(const xmlNode *x, int depth) {
  for (; x && depth < DT_MAX_DEPTH; x = x->next) {
    if (is_name(x, "table")) return 1;
    if (x->type == XML_ELEMENT_NODE && has_table(x->children, depth + 1))
      return 1;
  }
  return 0;
}

/* One <tr>: its <td>/<th> cells joined by tabs, as a line.  A row with a
** table inside a cell is page layout (an old site's frame around the
** article, the report's tables within): its cells are read as blocks,
** their tables as tables. */
static void html_row(const xmlNode *r, Buf *b, int depth) {
  int nCell = 0;
  if (has_table(r->children, depth)) {
    for (const xmlNode *c = r->children; c; c = c->next) {
      put_nl(b);
      html_walk(c->children, b, depth + 1);
      put_nl(b);
    }
    return;
  }
  for (const xmlNode *c = r->children; c; c = c->next) {
    if (!is_name(c, "td") && !is_name(c, "th")) continue;
    Buf cell = BUF_INIT;
    html_inline(c->children, &cell, depth + 1);
    if (nCell++) buf_putc(b, '\t');
    put_cell(b, buf_str(&cell), cell.n);
    buf_free(&cell);
  }
  put_nl(b);
}

/* One table: its rows, directly or in thead/tbody/tfoot. */
static void html_table(const xmlNode *t, Buf *b, int depth) {
  put_nl(b);
  for (const xmlNode *g = t->children; g && b->n <= DOCTEXT_MAX_TEXT; g = g->next) {
    if (is_name(g, "tr")) {
      html_row(g, b, depth);
    } else if (is_name(g, "thead") || is_name(g, "tbody") || is_name(g, "tfoot")) {
      for (const xmlNode *r = g->children; r && b->n <= DOCTEXT_MAX_TEXT; r = r->next)
        if (is_name(r, "tr")) html_row(r, b, depth);
    }
  }
}

static const char *azBlock[] = {
  "p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
  "section", "article", "header", "footer", "blockquote", "pre", "dt", "dd",
  "title", "hr", "center", NULL};

static int is_block(const xmlNode *x) {
  for (int i = 0; azBlock[i]; i++)
    if (is_name(x, azBlock[i])) return 1;
  return 0;
}

static void html_walk(const xmlNode *x, Buf *b, int depth) {
  for (; x && depth < DT_MAX_DEPTH && b->n <= DOCTEXT_MAX_TEXT; x = x->next) {
    if (x->type == XML_TEXT_NODE || x->type == XML_CDATA_SECTION_NODE) {
      if (x->content) put_collapsed(b, (const char *)x->content);
      continue;
    }
    if (x->type != XML_ELEMENT_NODE) continue;
    if (is_name(x, "script") || is_name(x, "style") || is_name(x, "noscript"))
      continue;
    if (is_name(x, "table")) {
      html_table(x, b, depth);
      put_nl(b);
      continue;
    }
    int bBlock = is_block(x);
    if (bBlock) put_nl(b);
    html_walk(x->children, b, depth + 1);
    if (bBlock) put_nl(b);
  }
}

static int text_utf8_raw(const char *p, size_t n, Buf *pOut, Buf *pErr);
static int valid_utf8(const char *p, size_t n);

/* 1 when a page that is not valid UTF-8 is Chinese text in GB18030 or one
** of its subsets: it declares no charset (a page saved without the
** server's header), declares gb2312/gbk/gb18030 (gb2312 pages carry GBK
** characters such as 埇, which a strict gb2312 decoder stops at), or
** wrongly declares UTF-8. */
static int html_is_gb(const char *p, size_t n) {
  static const char *azGb[] = {"gb", "x-gbk", "utf-8", "utf8", "cp936",
                               NULL};
  size_t m = n < 4096 ? n : 4096;
  for (size_t i = 0; i + 7 <= m; i++) {
    if (strncasecmp(p + i, "charset", 7)) continue;
    size_t j = i + 7;
    while (j < m && strchr(" \t=\"'", p[j])) j++;
    for (int k = 0; azGb[k]; k++)
      if (m - j >= strlen(azGb[k]) &&
          !strncasecmp(p + j, azGb[k], strlen(azGb[k])))
        return 1;
    return 0;
  }
  return 1;
}

static int html_text(const char *p, size_t n, Buf *pOut, Buf *pErr) {
  if (n > (size_t)0x7fffffff) { buf_puts(pErr, "网页文件过大"); return -1; }
  Buf u = BUF_INIT;
  const char *zEnc = NULL;
  if (!valid_utf8(p, n) && html_is_gb(p, n)) {
    if (text_utf8_raw(p, n, &u, pErr)) { buf_free(&u); return -1; }
    p = buf_str(&u);
    n = u.n;
    zEnc = "UTF-8";       /* overrides the page's own declaration */
  }
  xmlpart_init();
  htmlDocPtr d = htmlReadMemory(p, (int)n, NULL, zEnc,
                                HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                                HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
  buf_free(&u);
  if (!d) { buf_puts(pErr, "无法解析网页"); return -1; }
  html_walk(xmlDocGetRootElement(d), pOut, 0);
  put_nl(pOut);
  xmlFreeDoc(d);
  return 0;
}

/* ---- ZIP parts ----------------------------------------------------------- */

/* A DOCX/XLSX being read: the archive and the bytes inflated from it so
** far (all parts together stay under DT_MAX_INFLATED). */
typedef struct Pkg {
  zip_t *z;
  size_t nInflated;
} Pkg;

/* Reads entry zName whole into b after the bomb checks: its stated size
** (DOCTEXT_MAX_ENTRY, the compression ratio), the package's total, and
** the bytes really inflated, whatever the header says.  Returns 0, 1 when
** absent, -1 with the reason in pErr. */
static int zip_part(Pkg *pk, const char *zName, Buf *b, Buf *pErr) {
  zip_stat_t st;
  zip_int64_t i = zip_name_locate(pk->z, zName, 0);
  if (i < 0) return 1;
  if (zip_stat_index(pk->z, (zip_uint64_t)i, 0, &st) != 0 ||
      !(st.valid & ZIP_STAT_SIZE) || !(st.valid & ZIP_STAT_COMP_SIZE)) {
    buf_printf(pErr, "压缩包条目无法读取：%s", zName);
    return -1;
  }
  if (st.size > DOCTEXT_MAX_ENTRY ||
      (st.size > (1u << 20) && st.size / 200 > st.comp_size)) {
    buf_printf(pErr, "压缩包条目解压后过大（%lld 字节），拒绝读取：%s",
               (long long)st.size, zName);
    return -1;
  }
  if (st.size > DT_MAX_INFLATED - pk->nInflated) {
    buf_printf(pErr, "文件各部分解压后合计超过 %d MB，拒绝读取",
               (int)(DT_MAX_INFLATED >> 20));
    return -1;
  }
  zip_file_t *f = zip_fopen_index(pk->z, (zip_uint64_t)i, 0);
  if (!f) { buf_printf(pErr, "压缩包条目无法打开：%s", zName); return -1; }
  char a[16384];
  zip_int64_t k;
  size_t n0 = b->n;
  while ((k = zip_fread(f, a, sizeof a)) > 0) {
    if ((size_t)k > DT_MAX_INFLATED - pk->nInflated ||
        b->n - n0 + (size_t)k > DOCTEXT_MAX_ENTRY)
      break;                       /* the header understated the size */
    pk->nInflated += (size_t)k;
    buf_append(b, a, (size_t)k);
  }
  zip_fclose(f);
  if (k > 0) {
    buf_printf(pErr, "压缩包条目解压后过大，拒绝读取：%s", zName);
    return -1;
  }
  if (k < 0) { buf_printf(pErr, "压缩包条目已损坏：%s", zName); return -1; }
  return 0;
}

/* Parses an OOXML part (lib/xmlpart.h: no network, no DTD, no entity
** expansion); NULL with the reason in pErr. */
static xmlDocPtr xml_part(const Buf *b, const char *zName, Buf *pErr) {
  int why;
  xmlDocPtr d = xmlpart_read(b->z, b->n, &why);
  if (d) return d;
  if (why == XMLPART_DTD)
    buf_printf(pErr, "文件中的 XML 含有实体声明，拒绝读取：%s", zName);
  else
    buf_printf(pErr, "文件中的 XML 无法解析：%s", zName);
  return NULL;
}

/* Local name of an element ("w:tc" → "tc"; libxml2 keeps it without the
** prefix). */
static int is_local(const xmlNode *x, const char *zName) {
  return x->type == XML_ELEMENT_NODE && x->name &&
         !strcmp((const char *)x->name, zName);
}

/* Value of attribute zName (any namespace) or NULL; caller frees. */
static char *attr(const xmlNode *x, const char *zName) {
  for (const xmlAttr *a = x->properties; a; a = a->next)
    if (a->name && !strcmp((const char *)a->name, zName) && a->children &&
        a->children->content)
      return xstrdup((const char *)a->children->content);
  return NULL;
}

/* ---- DOCX --------------------------------------------------------------- */

/* Text of w:t / w:tab / w:br under x (runs, hyperlinks, fields, cells'
** nested tables flattened). */
static void docx_runs(const xmlNode *x, Buf *b, int depth) {
  for (; x && depth < DT_MAX_DEPTH; x = x->next) {
    if (x->type != XML_ELEMENT_NODE) continue;
    if (is_local(x, "t") || is_local(x, "instrText")) {
      if (is_local(x, "instrText")) continue;     /* field codes */
      for (const xmlNode *c = x->children; c; c = c->next)
        if (c->type == XML_TEXT_NODE && c->content)
          buf_puts(b, (const char *)c->content);
    } else if (is_local(x, "tab") || is_local(x, "br") || is_local(x, "cr")) {
      buf_putc(b, ' ');
    } else if (is_local(x, "p")) {
      if (b->n && b->z[b->n - 1] != ' ') buf_putc(b, ' ');
      docx_runs(x->children, b, depth + 1);
    } else if (!is_local(x, "rPr") && !is_local(x, "pPr") &&
               !is_local(x, "delText") && !is_local(x, "txbxContent") &&
               !is_local(x, "Fallback")) {
      docx_runs(x->children, b, depth + 1);
    }
  }
}

static void docx_body(const xmlNode *x, Buf *b, int depth);

/* The text boxes anchored in a paragraph (w:txbxContent), each read as a
** body of its own, so a table drawn in a text box stays a table.  The
** mc:Fallback copy of a drawing (VML for old readers, the same content
** again) is skipped, as docx_runs() skips the boxes. */
static void docx_textboxes(const xmlNode *x, Buf *b, int depth) {
  for (; x && depth < DT_MAX_DEPTH; x = x->next) {
    if (x->type != XML_ELEMENT_NODE || is_local(x, "Fallback")) continue;
    if (is_local(x, "txbxContent")) {
      put_nl(b);
      docx_body(x->children, b, depth + 1);
      put_nl(b);
    } else {
      docx_textboxes(x->children, b, depth + 1);
    }
  }
}

/* 1 when a w:tbl lies below x (depth-limited). */
static int docx_has_table(const xmlNode *x, int depth) {
  for (; x && depth < DT_MAX_DEPTH; x = x->next) {
    if (is_local(x, "tbl")) return 1;
    if (x->type == XML_ELEMENT_NODE && docx_has_table(x->children, depth + 1))
      return 1;
  }
  return 0;
}

/* 1 when a w:tc continues a vertical merge (w:vMerge without "restart"). */
static int docx_vmerge_continue(const xmlNode *tc) {
  for (const xmlNode *p = tc->children; p; p = p->next) {
    if (!is_local(p, "tcPr")) continue;
    for (const xmlNode *v = p->children; v; v = v->next) {
      if (!is_local(v, "vMerge")) continue;
      char *z = attr(v, "val");
      int bCont = !z || strcmp(z, "restart");
      free(z);
      return bCont;
    }
  }
  return 0;
}

/* A table's rows as lines of cells.  A row with a table inside a cell is
** layout (the report placed in a frame of one big cell): its cells are
** read as bodies, their tables as tables. */
static void docx_table(const xmlNode *t, Buf *b, int depth) {
  put_nl(b);
  for (const xmlNode *r = t->children; r && b->n <= DOCTEXT_MAX_TEXT; r = r->next) {
    if (!is_local(r, "tr")) continue;
    if (docx_has_table(r->children, depth)) {
      for (const xmlNode *c = r->children; c; c = c->next)
        if (is_local(c, "tc")) docx_body(c->children, b, depth + 1);
      put_nl(b);
      continue;
    }
    int nCell = 0;
    for (const xmlNode *c = r->children; c; c = c->next) {
      if (!is_local(c, "tc") || docx_vmerge_continue(c)) continue;
      Buf cell = BUF_INIT;
      docx_runs(c->children, &cell, 1);
      if (nCell++) buf_putc(b, '\t');
      put_cell(b, buf_str(&cell), cell.n);
      buf_free(&cell);
    }
    put_nl(b);
  }
}

/* The body: paragraphs as lines, tables as rows. */
static void docx_body(const xmlNode *x, Buf *b, int depth) {
  for (; x && depth < DT_MAX_DEPTH && b->n <= DOCTEXT_MAX_TEXT; x = x->next) {
    if (x->type != XML_ELEMENT_NODE) continue;
    if (is_local(x, "tbl")) {
      docx_table(x, b, depth + 1);
    } else if (is_local(x, "p")) {
      Buf line = BUF_INIT;
      docx_runs(x->children, &line, depth + 1);
      put_nl(b);
      put_cell(b, buf_str(&line), line.n);
      put_nl(b);
      buf_free(&line);
      docx_textboxes(x->children, b, depth + 1);
    } else {
      docx_body(x->children, b, depth + 1);
    }
  }
}

static int docx_text(Pkg *pk, Buf *pOut, Buf *pErr) {
  Buf x = BUF_INIT;
  int rc = zip_part(pk, "word/document.xml", &x, pErr);
  if (rc) {
    if (rc > 0) buf_puts(pErr, "DOCX 中没有正文（word/document.xml）");
    buf_free(&x);
    return -1;
  }
  xmlDocPtr d = xml_part(&x, "word/document.xml", pErr);
  buf_free(&x);
  if (!d) return -1;
  docx_body(xmlDocGetRootElement(d), pOut, 0);
  put_nl(pOut);
  xmlFreeDoc(d);
  return 0;
}

/* ---- XLSX --------------------------------------------------------------- */

typedef struct Strs { char **az; int n, nAlloc; } Strs;

static void strs_free(Strs *s) {
  for (int i = 0; i < s->n; i++) free(s->az[i]);
  free(s->az);
}

/* Text of every <t> under x. */
static void xl_t(const xmlNode *x, Buf *b, int depth) {
  for (; x && depth < DT_MAX_DEPTH; x = x->next) {
    if (x->type != XML_ELEMENT_NODE) continue;
    if (is_local(x, "t")) {
      for (const xmlNode *c = x->children; c; c = c->next)
        if (c->type == XML_TEXT_NODE && c->content)
          buf_puts(b, (const char *)c->content);
    } else if (!is_local(x, "rPh")) {     /* phonetic guides are not text */
      xl_t(x->children, b, depth + 1);
    }
  }
}

static int xl_strings(Pkg *pk, Strs *s, Buf *pErr) {
  Buf x = BUF_INIT;
  int rc = zip_part(pk, "xl/sharedStrings.xml", &x, pErr);
  memset(s, 0, sizeof *s);
  if (rc) { buf_free(&x); return rc > 0 ? 0 : -1; }
  xmlDocPtr d = xml_part(&x, "xl/sharedStrings.xml", pErr);
  buf_free(&x);
  if (!d) return -1;
  for (const xmlNode *si = xmlDocGetRootElement(d)->children; si; si = si->next) {
    if (!is_local(si, "si")) continue;
    Buf t = BUF_INIT;
    xl_t(si->children, &t, 1);
    if (s->n == s->nAlloc) {
      s->nAlloc = s->nAlloc ? 2 * s->nAlloc : 64;
      s->az = xrealloc(s->az, (size_t)s->nAlloc * sizeof *s->az);
    }
    s->az[s->n++] = buf_steal(&t);
  }
  xmlFreeDoc(d);
  return 0;
}

/* "BC12" → column 54 and row 11 (both 0-based: BC = 2*26+3 = 55th column).
** Returns 0, or -1 when not a cell reference (row numbers start at 1:
** "A0" is none, and would index the row before the grid). */
static int cell_ref(const char *z, int *pCol, int *pRow) {
  long c = 0, r = 0;
  int nL = 0, nD = 0;
  for (; *z >= 'A' && *z <= 'Z' && nL < 4; z++, nL++) c = c * 26 + (*z - 'A' + 1);
  for (; *z >= '0' && *z <= '9' && nD < 8; z++, nD++) r = r * 10 + (*z - '0');
  if (!nL || !nD || *z || r < 1) return -1;
  *pCol = (int)c - 1;
  *pRow = (int)r - 1;
  return 0;
}

/* One sheet's grid, DT_MAX_ROWS x DT_MAX_COLS at most.  A row's cells and
** cover flags are allocated when the row is first used, so a cell at
** row 20,000 costs a row, not the whole grid. */
typedef struct Grid {
  char ***aaz;      /* nRow rows: NULL or DT_MAX_COLS cells (NULL = empty) */
  unsigned char **aaCover;  /* nRow rows: NULL or DT_MAX_COLS flags: covered
                            ** by a merge, not its first cell */
  int nRow;         /* rows addressable (the last used + 1) */
  size_t nText;     /* bytes of cell text held (at most DOCTEXT_MAX_TEXT) */
  size_t nMerged;   /* cells of the merged ranges so far */
  const char *zOver;  /* why the sheet is refused, or NULL */
} Grid;

/* n zeroed elements of k bytes (aborts when out of memory). */
static void *zalloc(size_t n, size_t k) {
  void *p = xmalloc(n * k);
  memset(p, 0, n * k);
  return p;
}

static void grid_grow(Grid *g, int nRow) {
  if (nRow <= g->nRow) return;
  g->aaz = xrealloc(g->aaz, (size_t)nRow * sizeof *g->aaz);
  g->aaCover = xrealloc(g->aaCover, (size_t)nRow * sizeof *g->aaCover);
  memset(g->aaz + g->nRow, 0, (size_t)(nRow - g->nRow) * sizeof *g->aaz);
  memset(g->aaCover + g->nRow, 0,
         (size_t)(nRow - g->nRow) * sizeof *g->aaCover);
  g->nRow = nRow;
}

/* The cell slot (r, c), its row allocated if new. */
static char **grid_slot(Grid *g, int r, int c) {
  grid_grow(g, r + 1);
  if (!g->aaz[r]) g->aaz[r] = zalloc(DT_MAX_COLS, sizeof **g->aaz);
  return &g->aaz[r][c];
}

/* Cell (r, c) or NULL. */
static const char *grid_get(const Grid *g, int r, int c) {
  return r < g->nRow && g->aaz[r] ? g->aaz[r][c] : NULL;
}

/* 1 when cell (r, c) is covered by a merged range. */
static int grid_covered(const Grid *g, int r, int c) {
  return r < g->nRow && g->aaCover[r] ? g->aaCover[r][c] : 0;
}

static void grid_free(Grid *g) {
  for (int r = 0; r < g->nRow; r++) {
    if (g->aaz[r])
      for (int c = 0; c < DT_MAX_COLS; c++) free(g->aaz[r][c]);
    free(g->aaz[r]);
    free(g->aaCover[r]);
  }
  free(g->aaz);
  free(g->aaCover);
}

/* A number cell's stored value as a person reads it: Excel stores the
** binary double with 17 digits ("12.349999999999999" for 12.35, a sum
** "0.30000000000000004") or with an exponent ("4.9999999999999996E-2");
** such a value is rounded to 10 decimals and written plainly ("12.35",
** "0.05").  Other values are returned as they are.  Takes z; new string. */
static char *xl_number(char *z) {
  char *e;
  size_t nDigit = 0;
  for (const char *p = z; *p; p++) nDigit += isdigit((unsigned char)*p) != 0;
  if (!z[0] || (nDigit <= 15 && !strpbrk(z, "eE"))) return z;
  double d = strtod(z, &e);
  if (*e || !(d > -1e12 && d < 1e12)) return z;
  char a[64];
  snprintf(a, sizeof a, "%.10f", d);
  size_t n = strlen(a);
  while (n && a[n - 1] == '0') a[--n] = 0;
  if (n && a[n - 1] == '.') a[--n] = 0;
  if (!strcmp(a, "-0")) strcpy(a, "0");
  free(z);
  return xstrdup(a);
}

static void xl_cell(const xmlNode *c, const Strs *s, Grid *g) {
  char *zRef = attr(c, "r"), *zT = attr(c, "t");
  int col, row;
  if (zRef && !cell_ref(zRef, &col, &row) && col < DT_MAX_COLS &&
      row < DT_MAX_ROWS) {
    Buf v = BUF_INIT;
    for (const xmlNode *k = c->children; k; k = k->next) {
      if (is_local(k, "v")) {
        for (const xmlNode *t = k->children; t; t = t->next)
          if (t->type == XML_TEXT_NODE && t->content) buf_puts(&v, (const char *)t->content);
      } else if (is_local(k, "is")) {
        xl_t(k->children, &v, 1);
      }
    }
    char *zVal = buf_steal(&v);
    if (!zT || !strcmp(zT, "n")) zVal = xl_number(zVal);
    if (zT && !strcmp(zT, "s")) {
      char *e;
      long i = strtol(zVal, &e, 10);
      int bOk = e != zVal && !*e && i >= 0 && i < s->n;
      free(zVal);
      zVal = xstrdup(bOk ? s->az[i] : "");
    }
    /* A shared string is stored once but may be used by every cell. */
    size_t k = strlen(zVal);
    if (k > DOCTEXT_MAX_TEXT - g->nText) {
      g->zOver = "XLSX 工作表中的文字过多（超过 8 MB），拒绝读取";
      free(zVal);
      free(zRef);
      free(zT);
      return;
    }
    g->nText += k;
    char **pSlot = grid_slot(g, row, col);
    free(*pSlot);
    *pSlot = zVal;
  }
  free(zRef);
  free(zT);
}

/* Marks the cells covered by <mergeCell ref="A1:C3"/>. */
static void xl_merge(const xmlNode *m, Grid *g) {
  char *zRef = attr(m, "ref");
  char *zColon = zRef ? strchr(zRef, ':') : NULL;
  int c0, r0, c1, r1;
  if (zColon) {
    *zColon = 0;
    if (!cell_ref(zRef, &c0, &r0) && !cell_ref(zColon + 1, &c1, &r1) &&
        c0 <= c1 && r0 <= r1) {
      if (c1 >= DT_MAX_COLS) c1 = DT_MAX_COLS - 1;
      if (r1 >= DT_MAX_ROWS) r1 = DT_MAX_ROWS - 1;
      if (c0 > c1 || r0 > r1) { free(zRef); return; }
      /* Ranges of a real sheet do not overlap: together they cover the
      ** grid at most once.  More is a file made to keep this loop busy. */
      size_t nCell = (size_t)(r1 - r0 + 1) * (size_t)(c1 - c0 + 1);
      if (nCell > (size_t)DT_MAX_ROWS * DT_MAX_COLS - g->nMerged) {
        g->zOver = "XLSX 中的合并单元格相互重叠或过多，拒绝读取";
        free(zRef);
        return;
      }
      g->nMerged += nCell;
      grid_grow(g, r1 + 1);
      for (int r = r0; r <= r1; r++) {
        if (!g->aaCover[r]) g->aaCover[r] = zalloc(DT_MAX_COLS, 1);
        for (int c = c0; c <= c1; c++)
          if (r != r0 || c != c0) g->aaCover[r][c] = 1;
      }
    }
  }
  free(zRef);
}

/* Rows of the sheet from its first used column: a table row (two or more
** values, or one next to such a row) runs to the sheet's last used column
** so that blank cells keep their place; a paragraph stops at its text. */
static void xl_emit(const Grid *g, Buf *b) {
  int c0 = DT_MAX_COLS, cMax = -1;
  int *aFull = zalloc((size_t)g->nRow + 1, sizeof(int));  /* values a row */
  for (int r = 0; r < g->nRow; r++)
    for (int c = 0; g->aaz[r] && c < DT_MAX_COLS; c++)
      if (g->aaz[r][c]) {
        if (c < c0) c0 = c;
        if (c > cMax) cMax = c;
        aFull[r]++;
      }
  for (int r = 0; r < g->nRow && b->n <= DOCTEXT_MAX_TEXT; r++) {
    int cEnd = -1, nCell = 0;
    for (int c = 0; g->aaz[r] && c < DT_MAX_COLS; c++)
      if (g->aaz[r][c]) cEnd = c;
    if (cEnd < 0) continue;
    /* a table row: two values, or one between table rows */
    if (aFull[r] >= 2 || (r > 0 && aFull[r - 1] >= 2) ||
        (r + 1 < g->nRow && aFull[r + 1] >= 2))
      cEnd = cMax;
    for (int c = c0; c <= cEnd; c++) {
      if (grid_covered(g, r, c)) continue;
      const char *z = grid_get(g, r, c);
      if (nCell++) buf_putc(b, '\t');
      if (z) put_cell(b, z, strlen(z));
    }
    put_nl(b);
  }
  free(aFull);
}

static int xl_sheet(Pkg *pk, const char *zName, const Strs *s, Buf *pOut,
                    Buf *pErr) {
  Buf x = BUF_INIT;
  if (zip_part(pk, zName, &x, pErr)) { buf_free(&x); return -1; }
  xmlDocPtr d = xml_part(&x, zName, pErr);
  buf_free(&x);
  if (!d) return -1;
  Grid g = {0};
  for (const xmlNode *e = xmlDocGetRootElement(d)->children; e && !g.zOver;
       e = e->next) {
    if (is_local(e, "sheetData")) {
      for (const xmlNode *r = e->children; r && !g.zOver; r = r->next)
        if (is_local(r, "row"))
          for (const xmlNode *c = r->children; c && !g.zOver; c = c->next)
            if (is_local(c, "c")) xl_cell(c, s, &g);
    } else if (is_local(e, "mergeCells")) {
      for (const xmlNode *m = e->children; m && !g.zOver; m = m->next)
        if (is_local(m, "mergeCell")) xl_merge(m, &g);
    }
  }
  if (g.zOver) buf_puts(pErr, g.zOver);
  else xl_emit(&g, pOut);
  grid_free(&g);
  xmlFreeDoc(d);
  return g.zOver ? -1 : 0;
}

static int xlsx_text(Pkg *pk, Buf *pOut, Buf *pErr) {
  Strs s;
  if (xl_strings(pk, &s, pErr)) return -1;
  int nSheet = 0, rc = 0;
  for (int i = 1; i <= 64 && rc == 0; i++) {
    char zName[64];
    snprintf(zName, sizeof zName, "xl/worksheets/sheet%d.xml", i);
    if (zip_name_locate(pk->z, zName, 0) < 0) continue;
    rc = xl_sheet(pk, zName, &s, pOut, pErr);
    nSheet++;
  }
  strs_free(&s);
  if (!rc && !nSheet) { buf_puts(pErr, "XLSX 中没有工作表"); rc = -1; }
  return rc;
}

/* ---- text --------------------------------------------------------------- */

static int valid_utf8(const char *p, size_t n) {
  size_t i = 0;
  while (i < n) {
    int len;
    if (utf8_decode(p + i, n - i, &len) == 0xFFFD &&
        !(n - i >= 3 && !memcmp(p + i, "\xEF\xBF\xBD", 3)))
      return 0;
    i += (size_t)len;
  }
  return 1;
}

/* Text as UTF-8: as it is, or converted from GB18030. */
static int text_utf8_raw(const char *p, size_t n, Buf *pOut, Buf *pErr) {
  if (valid_utf8(p, n)) { buf_append(pOut, p, n); return 0; }
  iconv_t cd = iconv_open("UTF-8", "GB18030");
  if (cd == (iconv_t)-1) { buf_puts(pErr, "文本不是 UTF-8 编码"); return -1; }
  char *in = (char *)p, a[16384];
  size_t nIn = n;
  while (nIn > 0) {
    char *out = a;
    size_t nOut = sizeof a;
    size_t r = iconv(cd, &in, &nIn, &out, &nOut);
    buf_append(pOut, a, (size_t)(out - a));
    if (r == (size_t)-1 && out == a) {
      iconv_close(cd);
      buf_puts(pErr, "文本既不是 UTF-8 也不是 GB18030 编码");
      return -1;
    }
  }
  iconv_close(cd);
  return 0;
}

/* Text as UTF-8 (above), with form feeds and vertical tabs as new lines. */
static int text_utf8(const char *p, size_t n, Buf *pOut, Buf *pErr) {
  size_t n0 = pOut->n;
  int rc = text_utf8_raw(p, n, pOut, pErr);
  /* page breaks of pdftotext's text, Word's line breaks: new lines */
  for (size_t i = n0; i < pOut->n; i++)
    if (pOut->z[i] == '\f' || pOut->z[i] == '\v') pOut->z[i] = '\n';
  return rc;
}

/* ---- entry ---------------------------------------------------------------- */

int doctable_text(const void *p, size_t n, Buf *pOut, Buf *pErr,
                  const char **pzKind) {
  const char *zKind = doctable_kind(p, n);
  int rc = 0;
  *pzKind = zKind;
  if (!zKind) {
    if (n >= 4 && !memcmp(p, "\xD0\xCF\x11\xE0", 4))
      buf_puts(pErr, "旧版 Word/Excel 文件（.doc/.xls）不能读取，请另存为 DOCX、XLSX 或 PDF");
    else
      buf_puts(pErr, "不是可读取的报告文件（PDF、网页、DOCX、XLSX、JSON 或文本）");
    return -1;
  }
  if (!strcmp(zKind, "pdf")) {
    rc = pdf_table_text(p, n, pOut, pErr);
    while (pErr->n && pErr->z[pErr->n - 1] == '\n') pErr->z[--pErr->n] = 0;
  } else if (!strcmp(zKind, "docx") || !strcmp(zKind, "xlsx")) {
    Pkg pk = {zip_open_memory(p, n), 0};
    if (!pk.z) { buf_puts(pErr, "无法打开文件（ZIP 结构损坏）"); return -1; }
    rc = !strcmp(zKind, "docx") ? docx_text(&pk, pOut, pErr)
                                : xlsx_text(&pk, pOut, pErr);
    zip_discard(pk.z);
  } else if (!strcmp(zKind, "html")) {
    rc = html_text(p, n, pOut, pErr);
  } else {
    rc = text_utf8(p, n, pOut, pErr);
  }
  return rc ? -1 : 0;
}
