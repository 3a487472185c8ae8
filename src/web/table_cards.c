/*
** table_cards.c — tables that read as cards on a phone (issue 15).  A page
** marks a table class="grid cards"; when the page is finished (page_end)
** every cell of its body and footer gets the heading of its column as
** data-label="…", which site.css shows before the cell's text on a narrow
** screen (each row a card, the heading row hidden).  Cells that already
** carry a label, span columns ("暂无记录") or head a row keep as they are;
** a table whose heading row spans columns, or holds another table, is left
** alone.  The headings are the page's own escaped text, copied without
** their tags, so nothing is escaped twice.
*/
#include <stdlib.h>
#include <string.h>

#include "lib/buf.h"
#include "web/pages.h"

#define CARDS_MAX_COL 24
#define CARDS_MAX_LABEL 120   /* bytes of one heading */

/* First occurrence of zNeedle in [z, zEnd), or NULL. */
static const char *find(const char *z, const char *zEnd, const char *zNeedle) {
  size_t n = strlen(zNeedle);
  for (; z && z + n <= zEnd; z++)
    if (*z == zNeedle[0] && !memcmp(z, zNeedle, n)) return z;
  return NULL;
}

/* 1 when z (at '<') opens element zName ("td"): followed by space or '>'. */
static int opens(const char *z, const char *zEnd, const char *zName) {
  size_t n = strlen(zName);
  if (z + 1 + n >= zEnd || memcmp(z + 1, zName, n)) return 0;
  return z[1 + n] == ' ' || z[1 + n] == '>';
}

/* The value of attribute zAttr (with its '=' and quote: "class=\"") within
** the tag [z, zEnd), as a pointer to its first byte, or NULL. */
static const char *attr(const char *z, const char *zEnd, const char *zAttr) {
  const char *p = find(z, zEnd, zAttr);
  return p && p > z && p[-1] == ' ' ? p + strlen(zAttr) : NULL;
}

/* 1 when the class attribute of tag [z, zEnd) names "cards". */
static int is_cards(const char *z, const char *zEnd) {
  const char *p = attr(z, zEnd, "class=\"");
  if (!p) return 0;
  const char *q = memchr(p, '"', (size_t)(zEnd - p));
  const char *w = q ? find(p, q, "cards") : NULL;
  return w && (w == p || w[-1] == ' ') && (w[5] == '"' || w[5] == ' ');
}

/* The headings of the last row of [z, zEnd) (a thead) as text without tags
** into aLab[] (malloc'd); their number, or -1 when a heading spans columns
** or there are too many. */
static int headings(const char *z, const char *zEnd, char *aLab[CARDS_MAX_COL]) {
  const char *p = z, *pRow = NULL;
  while ((p = find(p, zEnd, "<tr")) != NULL) pRow = p++;
  if (!pRow) return -1;
  int n = 0;
  for (p = pRow; (p = find(p + 1, zEnd, "<th")) != NULL;) {
    if (!opens(p, zEnd, "th")) continue;
    const char *zTag = memchr(p, '>', (size_t)(zEnd - p));
    const char *zClose = zTag ? find(zTag, zEnd, "</th>") : NULL;
    if (!zClose || attr(p, zTag, "colspan=\"") || attr(p, zTag, "rowspan=\"") ||
        n == CARDS_MAX_COL)
      return -1;
    Buf b = BUF_INIT;
    int bTag = 0, bSpace = 0;
    for (const char *c = zTag + 1; c < zClose && b.n < CARDS_MAX_LABEL; c++) {
      if (*c == '<') bTag = 1;
      else if (*c == '>') bTag = 0;
      else if (bTag || *c == '"') continue;
      else if (*c == ' ' || *c == '\n' || *c == '\t') bSpace = b.n > 0;
      else {
        if (bSpace) buf_putc(&b, ' ');
        bSpace = 0;
        buf_putc(&b, *c);
      }
    }
    aLab[n++] = buf_steal(&b);
    p = zClose;
  }
  return n;
}

/* Copies [z, zEnd) (a table's rows after its heading) into pOut with the
** cells labelled by aLab[0..nLab). */
static void label_table(Buf *pOut, const char *z, const char *zEnd,
                        char **aLab, int nLab) {
  const char *zCopied = z, *p = z;
  int col = 0;
  while ((p = find(p, zEnd, "<")) != NULL) {
    if (opens(p, zEnd, "tr")) {
      col = 0;
    } else if (opens(p, zEnd, "td") || opens(p, zEnd, "th")) {
      const char *zTag = memchr(p, '>', (size_t)(zEnd - p));
      if (!zTag) break;
      const char *zSpan = attr(p, zTag, "colspan=\"");
      int span = zSpan ? atoi(zSpan) : 1;
      if (p[2] == 'd' && !zSpan && !attr(p, zTag, "data-label=\"") && col < nLab &&
          aLab[col][0]) {
        buf_append(pOut, zCopied, (size_t)(p + 3 - zCopied));
        buf_puts(pOut, " data-label=\"");
        buf_puts(pOut, aLab[col]);
        buf_putc(pOut, '"');
        zCopied = p + 3;
      }
      col += span > 0 ? span : 1;
      p = zTag;
    }
    p++;
  }
  buf_append(pOut, zCopied, (size_t)(zEnd - zCopied));
}

void page_label_cards(Buf *pPage) {
  const char *z = buf_str(pPage), *zEnd = z + pPage->n, *p = z, *zCopied = z;
  Buf out = BUF_INIT;
  int bChanged = 0;
  while ((p = find(p, zEnd, "<table")) != NULL) {
    const char *zTag = memchr(p, '>', (size_t)(zEnd - p));
    const char *zClose = zTag ? find(zTag, zEnd, "</table>") : NULL;
    if (!zClose) break;
    const char *zHead = find(zTag, zClose, "<thead");
    const char *zHeadEnd = zHead ? find(zHead, zClose, "</thead>") : NULL;
    char *aLab[CARDS_MAX_COL];
    int nLab = -1;
    if (is_cards(p, zTag) && zHeadEnd && !find(zTag, zClose, "<table"))
      nLab = headings(zHead, zHeadEnd, aLab);
    if (nLab > 0) {
      buf_append(&out, zCopied, (size_t)(zHeadEnd - zCopied));
      label_table(&out, zHeadEnd, zClose, aLab, nLab);
      zCopied = zClose;
      bChanged = 1;
    }
    for (int i = 0; i < nLab; i++) free(aLab[i]);
    p = zClose;
  }
  if (bChanged) {
    buf_append(&out, zCopied, (size_t)(zEnd - zCopied));
    Buf old = *pPage;
    *pPage = out;
    buf_free(&old);
  } else {
    buf_free(&out);
  }
}
