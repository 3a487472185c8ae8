/*
** docx_md.c — .docx to Markdown (docx_md.h).  One pass over the body of
** word/document.xml: each w:p becomes a heading, a list item or a
** paragraph; each w:tbl a GitHub table.  Styles map a paragraph style id
** to a heading level through its name ("heading 1", "Title"; WPS uses
** numeric ids with these names) or its outline level; numbering maps
** (numId, ilvl) to bullet or ordered.
*/
#include "lib/zipmem.h"
#include "lib/docx_md.h"
#include "lib/xmlpart.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zip.h>

#define W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define MAX_STYLES 512
#define MAX_NUMS 256

typedef struct Style { char *zId; int level, bTitle; } Style;  /* level 0: none */
typedef struct Num { int numId, absId; } Num;
typedef struct Abs { int absId; unsigned ordered; } Abs;  /* bit per ilvl */

typedef struct Ctx {
  Style aStyle[MAX_STYLES];
  int nStyle;
  Num aNum[MAX_NUMS];
  int nNum;
  Abs aAbs[MAX_NUMS];
  int nAbs;
  char *zTitle;
  int aCount[9];   /* running number of each list level */
  int bInList;
} Ctx;

/* ---- reading the package ---- */

/* Part zName of z into *pb (NUL-terminated); 1 read, 0 absent, -1 error
** or too large. */
static int read_part(zip_t *z, const char *zName, Buf *pb) {
  zip_stat_t st;
  zip_int64_t i = zip_name_locate(z, zName, 0);
  if (i < 0) return 0;
  if (zip_stat_index(z, (zip_uint64_t)i, 0, &st) || !(st.valid & ZIP_STAT_SIZE) ||
      st.size > DOCXMD_MAX_PART)
    return -1;
  zip_file_t *f = zip_fopen_index(z, (zip_uint64_t)i, 0);
  if (!f) return -1;
  char a[16384];
  zip_int64_t k;
  /* Stop at the cap even when the header understates the size. */
  while ((k = zip_fread(f, a, sizeof a)) > 0) {
    if (pb->n + (size_t)k > DOCXMD_MAX_PART) { k = -1; break; }
    buf_append(pb, a, (size_t)k);
  }
  zip_fclose(f);
  return k < 0 ? -1 : 1;
}

/* Parses an XML part safely (lib/xmlpart.h); NULL when malformed or it
** has a DOCTYPE, in any encoding. */
static xmlDocPtr parse_part(const Buf *pb) {
  int why;
  return xmlpart_read(pb->z, pb->n, &why);
}

/* ---- element helpers ---- */

static int is_w(xmlNodePtr n, const char *zName) {
  return n && n->type == XML_ELEMENT_NODE && n->ns && !strcmp((const char *)n->ns->href, W_NS) &&
         !strcmp((const char *)n->name, zName);
}

static xmlNodePtr child(xmlNodePtr n, const char *zName) {
  for (xmlNodePtr c = n ? n->children : NULL; c; c = c->next)
    if (is_w(c, zName)) return c;
  return NULL;
}

/* w:val of n (malloc'ed by libxml2: xmlFree), or NULL. */
static char *wval(xmlNodePtr n) {
  return n ? (char *)xmlGetNsProp(n, (const xmlChar *)"val", (const xmlChar *)W_NS) : NULL;
}

static int wval_int(xmlNodePtr n, int dflt) {
  char *z = wval(n);
  int v = z ? atoi(z) : dflt;
  if (z) xmlFree(z);
  return v;
}

/* ---- styles and numbering ---- */

/* Heading level of a style name: "heading 3" -> 3, "Title" -> 1. */
static int name_level(const char *z) {
  if (!z) return 0;
  if (!strcasecmp(z, "title")) return 1;
  if (!strncasecmp(z, "heading ", 8) && z[8] >= '1' && z[8] <= '6' && !z[9]) return z[8] - '0';
  return 0;
}

static void load_styles(Ctx *c, xmlDocPtr d) {
  for (xmlNodePtr s = xmlDocGetRootElement(d)->children; s; s = s->next) {
    if (!is_w(s, "style") || c->nStyle >= MAX_STYLES) continue;
    char *zId = (char *)xmlGetNsProp(s, (const xmlChar *)"styleId", (const xmlChar *)W_NS);
    if (!zId) continue;
    char *zName = wval(child(s, "name"));
    int level = name_level(zName);
    xmlNodePtr pPr = child(s, "pPr");
    if (!level && child(pPr, "outlineLvl")) {
      int o = wval_int(child(pPr, "outlineLvl"), 9);
      if (o >= 0 && o < 6) level = o + 1;
    }
    c->aStyle[c->nStyle].bTitle = zName && !strcasecmp(zName, "title");
    if (zName) xmlFree(zName);
    c->aStyle[c->nStyle].zId = xstrdup(zId);
    c->aStyle[c->nStyle++].level = level;
    xmlFree(zId);
  }
}

static int style_level(const Ctx *c, const char *zId) {
  for (int i = 0; i < c->nStyle; i++)
    if (!strcmp(c->aStyle[i].zId, zId)) return c->aStyle[i].level;
  /* Without styles.xml: the ids Word and LibreOffice use. */
  if (!strncasecmp(zId, "heading", 7) && zId[7] >= '1' && zId[7] <= '6' && !zId[8])
    return zId[7] - '0';
  return !strcasecmp(zId, "title") ? 1 : 0;
}

/* 1 when style zId is the document title ("Title"): its paragraph becomes
** the title field, not a heading of the body. */
static int style_is_title(const Ctx *c, const char *zId) {
  for (int i = 0; i < c->nStyle; i++)
    if (!strcmp(c->aStyle[i].zId, zId)) return c->aStyle[i].bTitle;
  return !strcasecmp(zId, "title");
}

static void load_numbering(Ctx *c, xmlDocPtr d) {
  for (xmlNodePtr n = xmlDocGetRootElement(d)->children; n; n = n->next) {
    if (is_w(n, "abstractNum") && c->nAbs < MAX_NUMS) {
      char *z = (char *)xmlGetNsProp(n, (const xmlChar *)"abstractNumId", (const xmlChar *)W_NS);
      Abs *a = &c->aAbs[c->nAbs++];
      a->absId = z ? atoi(z) : -1;
      a->ordered = 0;
      if (z) xmlFree(z);
      for (xmlNodePtr l = n->children; l; l = l->next) {
        if (!is_w(l, "lvl")) continue;
        char *zL = (char *)xmlGetNsProp(l, (const xmlChar *)"ilvl", (const xmlChar *)W_NS);
        int ilvl = zL ? atoi(zL) : -1;
        if (zL) xmlFree(zL);
        char *zFmt = wval(child(l, "numFmt"));
        if (ilvl >= 0 && ilvl < 9 && zFmt && strcmp(zFmt, "bullet") && strcmp(zFmt, "none"))
          a->ordered |= 1u << ilvl;
        if (zFmt) xmlFree(zFmt);
      }
    } else if (is_w(n, "num") && c->nNum < MAX_NUMS) {
      char *z = (char *)xmlGetNsProp(n, (const xmlChar *)"numId", (const xmlChar *)W_NS);
      c->aNum[c->nNum].numId = z ? atoi(z) : -1;
      c->aNum[c->nNum++].absId = wval_int(child(n, "abstractNumId"), -1);
      if (z) xmlFree(z);
    }
  }
}

static int list_ordered(const Ctx *c, int numId, int ilvl) {
  for (int i = 0; i < c->nNum; i++) {
    if (c->aNum[i].numId != numId) continue;
    for (int k = 0; k < c->nAbs; k++)
      if (c->aAbs[k].absId == c->aNum[i].absId) return (c->aAbs[k].ordered >> ilvl) & 1;
  }
  return 0;
}

/* ---- text ---- */

/* Appends text with Markdown's ASCII punctuation escaped, so that what the
** author typed ("1." "#" "|" "*") stays text. */
static void put_text(Buf *b, const char *z) {
  for (; *z; z++) {
    if (strchr("\\`*_[]<>#|~!", *z)) buf_putc(b, '\\');
    buf_putc(b, *z == '\n' || *z == '\r' ? ' ' : *z);
  }
}

/* The text of the runs below n (paragraph, hyperlink, smart tag …) into b;
** bold runs between **, line breaks as spaces (bInCell) or "\\\n". */
static void runs(xmlNodePtr n, Buf *b, int bInCell) {
  for (xmlNodePtr r = n->children; r; r = r->next) {
    if (r->type != XML_ELEMENT_NODE) continue;
    if (is_w(r, "r")) {
      xmlNodePtr rPr = child(r, "rPr"), bold = child(rPr, "b");
      char *zB = bold ? wval(bold) : NULL;
      int bBold = bold && (!zB || (strcmp(zB, "0") && strcmp(zB, "false")));
      if (zB) xmlFree(zB);
      Buf t = BUF_INIT;
      for (xmlNodePtr e = r->children; e; e = e->next) {
        if (is_w(e, "t")) {
          xmlChar *z = xmlNodeGetContent(e);
          if (z) { put_text(&t, (const char *)z); xmlFree(z); }
        } else if (is_w(e, "tab")) {
          buf_putc(&t, ' ');
        } else if (is_w(e, "br") || is_w(e, "cr")) {
          buf_puts(&t, bInCell ? " " : "\\\n");
        }
      }
      if (t.n && bBold && t.z[0] != ' ' && t.z[t.n - 1] != ' ') {
        buf_puts(b, "**");
        buf_append(b, t.z, t.n);
        buf_puts(b, "**");
      } else {
        buf_append(b, t.z, t.n);
      }
      buf_free(&t);
    } else if (!is_w(r, "pPr") && !is_w(r, "del") && !is_w(r, "moveFrom")) {
      runs(r, b, bInCell);   /* w:hyperlink, w:ins, w:smartTag, w:sdtContent … */
    }
  }
}

/* Text of a paragraph, trimmed; "" when empty. */
static char *para_text(xmlNodePtr p, int bInCell) {
  Buf b = BUF_INIT;
  runs(p, &b, bInCell);
  char *z = buf_steal(&b);
  if (!z) return xstrdup("");
  size_t s = strspn(z, " "), e = strlen(z);
  while (e > s && z[e - 1] == ' ') e--;
  char *zOut = xstrndup(z + s, e - s);
  free(z);
  return zOut;
}

/* ---- blocks ---- */

static void paragraph(Ctx *c, xmlNodePtr p, Buf *out) {
  xmlNodePtr pPr = child(p, "pPr");
  char *zStyle = wval(child(pPr, "pStyle"));
  int level = zStyle ? style_level(c, zStyle) : 0;
  int bTitle = zStyle && style_is_title(c, zStyle);
  if (zStyle) xmlFree(zStyle);
  if (!level && child(pPr, "outlineLvl")) {
    int o = wval_int(child(pPr, "outlineLvl"), 9);
    if (o >= 0 && o < 6) level = o + 1;
  }
  xmlNodePtr numPr = child(pPr, "numPr");
  int numId = numPr ? wval_int(child(numPr, "numId"), 0) : 0;
  char *z = para_text(p, 0);
  if (!z[0]) { free(z); return; }
  if (bTitle && !c->zTitle) {
    /* The document's own title: the page shows it as the title, so it is
    ** not repeated as the body's first heading. */
    c->zTitle = z;
    return;
  }
  if (level) {
    if (c->bInList) buf_putc(out, '\n');
    c->bInList = 0;
    if (!c->zTitle) c->zTitle = xstrdup(z);
    for (int i = 0; i < level; i++) buf_putc(out, '#');
    buf_printf(out, " %s\n\n", z);
  } else if (numId > 0) {
    int ilvl = wval_int(child(numPr, "ilvl"), 0);
    if (ilvl < 0 || ilvl > 8) ilvl = 0;
    if (!c->bInList) memset(c->aCount, 0, sizeof c->aCount);
    for (int k = ilvl + 1; k < 9; k++) c->aCount[k] = 0;
    c->bInList = 1;
    for (int i = 0; i < ilvl; i++) buf_puts(out, "    ");
    if (list_ordered(c, numId, ilvl)) buf_printf(out, "%d. %s\n", ++c->aCount[ilvl], z);
    else buf_printf(out, "- %s\n", z);
  } else {
    if (c->bInList) buf_putc(out, '\n');
    c->bInList = 0;
    buf_printf(out, "%s\n\n", z);
  }
  free(z);
}

/* A table: one line per row, cells' paragraphs joined by spaces, the first
** row as the header, rows padded to the widest. */
static void table(Ctx *c, xmlNodePtr t, Buf *out) {
  int nCol = 0, nRow = 0;
  for (xmlNodePtr tr = t->children; tr; tr = tr->next) {
    if (!is_w(tr, "tr")) continue;
    int k = 0;
    for (xmlNodePtr tc = tr->children; tc; tc = tc->next) k += is_w(tc, "tc");
    if (k > nCol) nCol = k;
  }
  if (!nCol) return;
  if (c->bInList) buf_putc(out, '\n');
  c->bInList = 0;
  for (xmlNodePtr tr = t->children; tr; tr = tr->next) {
    if (!is_w(tr, "tr")) continue;
    int k = 0;
    buf_putc(out, '|');
    for (xmlNodePtr tc = tr->children; tc; tc = tc->next) {
      if (!is_w(tc, "tc")) continue;
      Buf cell = BUF_INIT;
      for (xmlNodePtr p = tc->children; p; p = p->next) {
        if (!is_w(p, "p")) continue;
        char *z = para_text(p, 1);
        if (z[0]) buf_printf(&cell, "%s%s", cell.n ? " " : "", z);
        free(z);
      }
      buf_printf(out, " %s |", buf_str(&cell));
      buf_free(&cell);
      k++;
    }
    for (; k < nCol; k++) buf_puts(out, "  |");
    buf_putc(out, '\n');
    if (nRow++ == 0) {
      buf_putc(out, '|');
      for (int i = 0; i < nCol; i++) buf_puts(out, " --- |");
      buf_putc(out, '\n');
    }
  }
  buf_putc(out, '\n');
}

static void blocks(Ctx *c, xmlNodePtr parent, Buf *out) {
  for (xmlNodePtr n = parent->children; n; n = n->next) {
    if (is_w(n, "p")) paragraph(c, n, out);
    else if (is_w(n, "tbl")) table(c, n, out);
    else if (is_w(n, "sdt")) { xmlNodePtr s = child(n, "sdtContent"); if (s) blocks(c, s, out); }
  }
}

/* Reads part zName and parses it; *pd NULL when absent.  -1 on a bad or
** oversized part. */
static int load(zip_t *z, const char *zName, xmlDocPtr *pd) {
  Buf b = BUF_INIT;
  int rc = read_part(z, zName, &b);
  *pd = NULL;
  if (rc > 0) {
    *pd = parse_part(&b);
    if (!*pd || !xmlDocGetRootElement(*pd)) rc = -1;
  }
  buf_free(&b);
  return rc < 0 ? -1 : 0;
}

int docx_to_markdown(const void *p, size_t n, Buf *pOut, char **pzTitle,
                     char *zErr, size_t nErr) {
  Ctx *c = xmalloc(sizeof *c);
  memset(c, 0, sizeof *c);
  *pzTitle = NULL;
  xmlDocPtr dDoc = NULL, dSty = NULL, dNum = NULL;
  const char *zWhy = NULL;
  zip_t *z = zip_open_memory(p, n);
  if (!z) {
    zWhy = "不是有效的 Word 文件（.docx）";
  } else if (load(z, "word/document.xml", &dDoc) || !dDoc) {
    zWhy = "Word 文件的正文无法读取（文件损坏、过大或不是 .docx 格式）";
  } else if (load(z, "word/styles.xml", &dSty) || load(z, "word/numbering.xml", &dNum)) {
    zWhy = "Word 文件的样式或编号无法读取（文件损坏或过大）";
  }
  if (z) zip_discard(z);
  xmlNodePtr body = zWhy ? NULL : child(xmlDocGetRootElement(dDoc), "body");
  if (!zWhy && !body) zWhy = "Word 文件没有正文";
  if (!zWhy) {
    if (dSty) load_styles(c, dSty);
    if (dNum) load_numbering(c, dNum);
    Buf md = BUF_INIT;
    blocks(c, body, &md);
    while (md.n && md.z[md.n - 1] == '\n') md.n--;
    if (md.n) buf_putc(&md, '\n');
    buf_append(pOut, md.z ? md.z : "", md.n);
    buf_free(&md);
    *pzTitle = c->zTitle;
    c->zTitle = NULL;
  } else {
    snprintf(zErr, nErr, "%s", zWhy);
  }
  for (int i = 0; i < c->nStyle; i++) free(c->aStyle[i].zId);
  free(c->zTitle);
  free(c);
  if (dDoc) xmlFreeDoc(dDoc);
  if (dSty) xmlFreeDoc(dSty);
  if (dNum) xmlFreeDoc(dNum);
  return zWhy ? -1 : 0;
}
