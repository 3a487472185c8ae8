/*
** pdf_words.c — a PDF's positioned words as table text (see pdf_words.h).
*/
#include "lib/pdf_words.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lib/doctable.h"

typedef struct Word {
  double x0, y0, x1, y1;
  size_t off;            /* text in the pool (NUL-terminated) */
} Word;

/* A run of words of one line without a wide gap: one cell. */
typedef struct Grp {
  double x0, x1;
  int iW, nW;            /* words aW[iW .. iW+nW) of the page, in x order */
  int bNum;              /* a number or a blank mark */
  int bSoft;             /* split from the cell before only because one
                         ** side is a number (a space, not a cell gap) */
} Grp;

typedef struct Ln {
  double y0, y1, h;
  int iG, nG;            /* groups aG[iG .. iG+nG) */
  int bNum;              /* holds numbers as a table row (row_like) */
} Ln;

/* One page being read. */
typedef struct Page {
  const char *zPool;
  Word *aW; int nW, nWAlloc;
  Grp *aG; int nG, nGAlloc;
  Ln *aL; int nL, nLAlloc;
} Page;

#define GROW(a, n, nAlloc)                                         \
  do {                                                             \
    if ((n) >= (nAlloc)) {                                         \
      (nAlloc) = (nAlloc) ? 2 * (nAlloc) : 64;                     \
      (a) = xrealloc((a), (size_t)(nAlloc) * sizeof *(a));         \
    }                                                              \
  } while (0)

/* ---- reading the XHTML -------------------------------------------------- */

/* The number after attribute zAttr (e.g. "xMin=\"") inside tag [p, e). */
static double attr(const char *p, const char *e, const char *zAttr) {
  size_t k = strlen(zAttr);
  for (; p + k < e; p++)
    if (!memcmp(p, zAttr, k)) {
      char *zEnd;
      double v = strtod(p + k, &zEnd);
      return zEnd > p + k && *zEnd == '"' ? v : NAN;
    }
  return NAN;
}

/* Appends the XML text [p, e) unescaped, then a NUL. */
static void put_unescaped(Buf *b, const char *p, const char *e) {
  static const struct { const char *z; char c; } aEnt[] = {
      {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'},
      {"&apos;", '\''}};
  while (p < e) {
    size_t i, n = (size_t)(e - p);
    if (*p == '&') {
      for (i = 0; i < sizeof aEnt / sizeof aEnt[0]; i++) {
        size_t k = strlen(aEnt[i].z);
        if (k <= n && !memcmp(p, aEnt[i].z, k)) {
          buf_putc(b, aEnt[i].c);
          p += k;
          break;
        }
      }
      if (i < sizeof aEnt / sizeof aEnt[0]) continue;
    }
    buf_putc(b, *p == '\t' || *p == '\n' || *p == '\r' ? ' ' : *p);
    p++;
  }
  buf_append(b, "", 1);
}

/* ---- one page --------------------------------------------------------- */

static const char *wtext(const Page *pg, int i) {
  return pg->zPool + pg->aW[i].off;
}

/* 1 when z is a number (1234, 1,234.5, -3) or a blank-cell mark. */
static int is_cellnum(const char *z) {
  static const char *azMark[] = {"—", "——", "-", "--", "/", "－", "―",
                                 "\\", "／", NULL};
  const char *p = z;
  int nDig = 0;
  for (int i = 0; azMark[i]; i++)
    if (!strcmp(z, azMark[i])) return 1;
  if (*p == '-' || *p == '+') p++;
  for (; *p; p++) {
    if (*p >= '0' && *p <= '9') nDig++;
    else if (*p != ',' && *p != '.') return 0;
  }
  return nDig > 0;
}

static int cmp_y(const void *a, const void *b) {
  const Word *p = a, *q = b;
  double ya = (p->y0 + p->y1) / 2, yb = (q->y0 + q->y1) / 2;
  return ya < yb ? -1 : ya > yb ? 1 : p->x0 < q->x0 ? -1 : p->x0 > q->x0;
}

static int cmp_x(const void *a, const void *b) {
  const Word *p = a, *q = b;
  return p->x0 < q->x0 ? -1 : p->x0 > q->x0;
}

/* The text of words [iW, iW+nW) joined by single spaces into b. */
static void put_words(Buf *b, const Page *pg, int iW, int nW) {
  for (int k = 0; k < nW; k++) {
    if (k) buf_putc(b, ' ');
    buf_puts(b, wtext(pg, iW + k));
  }
}

/* 1 when line L holds numbers as a table row does: it ends with a
** number, or has two, or a wide gap follows one (prose has a number with
** words close on both sides: "全年新收申请 20 件"). */
static int row_like(const Page *pg, const Ln *L) {
  int nNum = 0, bWide = 0;
  for (int k = 0; k < L->nG; k++) {
    const Grp *g = &pg->aG[L->iG + k];
    if (!g->bNum) continue;
    nNum++;
    if (k + 1 < L->nG && pg->aG[L->iG + k + 1].x0 - g->x1 > L->h / 2)
      bWide = 1;
  }
  return nNum > 0 && (pg->aG[L->iG + L->nG - 1].bNum || nNum >= 2 || bWide);
}

/* Groups the page's words into lines and cells. */
static void page_lines(Page *pg) {
  if (pg->nW == 0) return;   /* a page without words (aW may be NULL) */
  qsort(pg->aW, (size_t)pg->nW, sizeof *pg->aW, cmp_y);
  for (int i = 0; i < pg->nW;) {
    const Word *w = &pg->aW[i];
    double yc = (w->y0 + w->y1) / 2, h = w->y1 - w->y0;
    int e = i + 1;
    while (e < pg->nW) {
      const Word *v = &pg->aW[e];
      double hv = v->y1 - v->y0, hm = h < hv ? h : hv;
      if (fabs((v->y0 + v->y1) / 2 - yc) > hm / 2) break;
      e++;
    }
    qsort(pg->aW + i, (size_t)(e - i), sizeof *pg->aW, cmp_x);
    GROW(pg->aL, pg->nL, pg->nLAlloc);
    Ln *L = &pg->aL[pg->nL++];
    memset(L, 0, sizeof *L);
    L->y0 = w->y0;
    L->y1 = w->y1;
    L->iG = pg->nG;
    for (int k = i; k < e; k++) {
      const Word *v = &pg->aW[k];
      if (v->y0 < L->y0) L->y0 = v->y0;
      if (v->y1 > L->y1) L->y1 = v->y1;
      if (v->y1 - v->y0 > L->h) L->h = v->y1 - v->y0;
    }
    for (int k = i; k < e; k++) {
      const Word *v = &pg->aW[k];
      Grp *g = L->nG ? &pg->aG[pg->nG - 1] : NULL;
      /* a gap of half the line's height separates cells; a number is
      ** also split from what precedes it by a space ("soft": a full
      ** label cell leaves no more room before its number than prose
      ** between 申请 and 20); a unit after a number stays with it */
      int bNumSide = k > i && is_cellnum(wtext(pg, k));
      double dx = g ? v->x0 - g->x1 : 0;
      if (!g || dx > L->h / 2 || (bNumSide && dx > L->h * 0.1)) {
        GROW(pg->aG, pg->nG, pg->nGAlloc);
        g = &pg->aG[pg->nG++];
        memset(g, 0, sizeof *g);
        g->x0 = v->x0;
        g->iW = k;
        g->bSoft = L->nG > 0 && dx <= L->h / 2;
        L->nG++;
      }
      g->x1 = v->x1 > g->x1 ? v->x1 : g->x1;
      g->nW++;
    }
    for (int k = 0; k < L->nG; k++) {
      Grp *g = &pg->aG[L->iG + k];
      Buf t = BUF_INIT;
      put_words(&t, pg, g->iW, g->nW);
      g->bNum = is_cellnum(buf_str(&t));
      buf_free(&t);
    }
    L->bNum = row_like(pg, L);
    i = e;
  }
}

/* ---- tables ----------------------------------------------------------- */

/* A table: lines [i0, i1) of the page; rows have bNum. */
typedef struct Tab {
  int i0, i1;
  double xNum;           /* left edge of the numbers */
  double xLab;           /* right edge of the row labels (-inf: none) */
  double aC[DT_MAX_COLS + 1][2];   /* the columns' x ranges */
  int nC;
  int bCentre;           /* columns from the header: nearest centre */
} Tab;

/* The index (within line L) of its first cell: the cells are the run
** at the end of the line of numbers and of whatever stands where the
** table's numbers stand; the groups before are the row's label. */
static int first_cell(const Page *pg, const Tab *t, const Ln *L) {
  int k = L->nG;
  while (k > 0) {
    const Grp *g = &pg->aG[L->iG + k - 1];
    if (!g->bNum && g->x0 < t->xNum - 1) break;
    k--;
  }
  return k;
}

static int is_cell(const Page *pg, const Tab *t, const Ln *L, int k) {
  return L->bNum && k >= first_cell(pg, t, L);
}

/* The column of group g: the cluster it overlaps, or the nearest header
** centre; -1 when none. */
static int col_of(const Tab *t, const Grp *g) {
  int best = -1;
  double dBest = 1e30, c = (g->x0 + g->x1) / 2;
  for (int k = 0; k < t->nC; k++) {
    double d;
    if (t->bCentre) d = fabs(c - (t->aC[k][0] + t->aC[k][1]) / 2);
    else if (g->x1 < t->aC[k][0]) d = t->aC[k][0] - g->x1;
    else if (g->x0 > t->aC[k][1]) d = g->x0 - t->aC[k][1];
    else d = -1;  /* overlaps */
    if (d < dBest) { dBest = d; best = k; }
  }
  return best;
}

typedef struct Iv { double x0, x1; int iLine; } Iv;

static int cmp_iv(const void *a, const void *b) {
  const Iv *p = a, *q = b;
  return p->x0 < q->x0 ? -1 : p->x0 > q->x0 ? 1 : p->iLine - q->iLine;
}

/* Columns from the numbers: overlapping x ranges, never two cells of one
** line in one column.  Returns the count, -1 when over DT_MAX_COLS. */
static int num_columns(const Page *pg, Tab *t) {
  Iv *a = NULL;
  int n = 0, nAlloc = 0;
  for (int i = t->i0; i < t->i1; i++) {
    const Ln *L = &pg->aL[i];
    int kc = L->bNum ? first_cell(pg, t, L) : L->nG;
    for (int k = kc; k < L->nG; k++) {
      const Grp *g = &pg->aG[L->iG + k];
      GROW(a, n, nAlloc);
      a[n].x0 = g->x0; a[n].x1 = g->x1; a[n].iLine = i;
      n++;
    }
  }
  if (n > 1) qsort(a, (size_t)n, sizeof *a, cmp_iv);
  int nC = 0, iStart = 0;
  for (int i = 0; i < n; i++) {
    int bJoin = nC > 0 && a[i].x0 <= t->aC[nC - 1][1];
    for (int j = iStart; bJoin && j < i; j++)
      if (a[j].iLine == a[i].iLine) bJoin = 0;
    if (bJoin) {
      if (a[i].x1 > t->aC[nC - 1][1]) t->aC[nC - 1][1] = a[i].x1;
      continue;
    }
    if (nC == DT_MAX_COLS) { free(a); return -1; }
    t->aC[nC][0] = a[i].x0;
    t->aC[nC][1] = a[i].x1;
    nC++;
    iStart = i;
  }
  free(a);
  t->nC = nC;
  t->bCentre = 0;
  return nC;
}

static double centre(const double *c) { return (c[0] + c[1]) / 2; }
static int aligned(const Tab *t, const double (*aC)[2], int nC);

/* When the header lines just above the table name more columns than the
** numbers fill, and every column of numbers falls under its own header
** word in order, the header words become the columns. */
static void header_columns(const Page *pg, Tab *t) {
  double aH[DT_MAX_COLS][2];
  int nH = 0, iBest = -1, nBest = 0;
  int iTop = t->i0;
  /* the header band: up to six lines closely above the first row */
  while (iTop > 0 && t->i0 - iTop < 6 &&
         pg->aL[iTop].y0 - pg->aL[iTop - 1].y1 < 1.5 * pg->aL[iTop].h &&
         !pg->aL[iTop - 1].bNum)
    iTop--;
  /* header cells sit close together: their words, not the line's cells */
  for (int i = iTop; i < t->i0; i++) {
    const Ln *L = &pg->aL[i];
    int m = 0;
    for (int k = 0; k < L->nG; k++) {
      const Grp *g = &pg->aG[L->iG + k];
      for (int w = g->iW; w < g->iW + g->nW; w++)
        m += (pg->aW[w].x0 + pg->aW[w].x1) / 2 > t->xLab;
    }
    if (m > nBest) { nBest = m; iBest = i; }
  }
  if (iBest < 0 || nBest > DT_MAX_COLS) return;
  /* the fullest line, then the words of the other lines that stand over
  ** none of those yet (a header centred over two header rows) */
  for (int pass = 0; pass < 2; pass++)
    for (int i = iTop; i < t->i0; i++) {
      if ((pass == 0) != (i == iBest)) continue;
      const Ln *L = &pg->aL[i];
      for (int k = 0; k < L->nG; k++) {
        const Grp *g = &pg->aG[L->iG + k];
        for (int w = g->iW; w < g->iW + g->nW; w++) {
          const Word *v = &pg->aW[w];
          int bOver = 0;
          if ((v->x0 + v->x1) / 2 <= t->xLab) continue;
          for (int j = 0; j < nH; j++)
            if (v->x0 <= aH[j][1] && v->x1 >= aH[j][0]) bOver = 1;
          if (bOver) continue;
          if (nH == DT_MAX_COLS) return;
          aH[nH][0] = v->x0;
          aH[nH][1] = v->x1;
          nH++;
        }
      }
    }
  for (int i = 1; i < nH; i++)
    for (int j = i; j > 0 && aH[j][0] < aH[j - 1][0]; j--) {
      double x0 = aH[j][0], x1 = aH[j][1];
      aH[j][0] = aH[j - 1][0]; aH[j][1] = aH[j - 1][1];
      aH[j - 1][0] = x0; aH[j - 1][1] = x1;
    }
  if (nH <= t->nC) return;
  /* every column of numbers under its own header word, in order, nearer
  ** to it than half the way to the next one */
  if (!aligned(t, (const double (*)[2])aH, nH)) return;
  memcpy(t->aC, aH, sizeof aH[0] * (size_t)nH);
  t->nC = nH;
  t->bCentre = 1;
}

/* The columns of the table read last (this page or an earlier one). */
typedef struct Prev {
  double aC[DT_MAX_COLS + 1][2];
  int nC;
} Prev;

/* 1 when every column of t falls, in order, on its own column of p: each
** centre nearer to the one it falls on than half the way to that one's
** neighbours. */
static int aligned(const Tab *t, const double (*aC)[2], int nC) {
  int jPrev = -1;
  for (int k = 0; k < t->nC; k++) {
    double c = centre(t->aC[k]), dBest = 1e30, gap = 1e30;
    int j = -1;
    for (int q = 0; q < nC; q++)
      if (fabs(c - centre(aC[q])) < dBest) { dBest = fabs(c - centre(aC[q])); j = q; }
    if (j > 0) gap = centre(aC[j]) - centre(aC[j - 1]);
    if (j >= 0 && j + 1 < nC && centre(aC[j + 1]) - centre(aC[j]) < gap)
      gap = centre(aC[j + 1]) - centre(aC[j]);
    if (j <= jPrev || dBest > gap / 2) return 0;
    jPrev = j;
  }
  return 1;
}

/* 1 when no two cells of one row fall into one column. */
static int columns_hold(const Page *pg, const Tab *t) {
  for (int i = t->i0; i < t->i1; i++) {
    const Ln *L = &pg->aL[i];
    int aUsed[DT_MAX_COLS + 1] = {0};
    int kc = L->bNum ? first_cell(pg, t, L) : L->nG;
    for (int k = kc; k < L->nG; k++) {
      const Grp *g = &pg->aG[L->iG + k];
      int c = col_of(t, g);
      if (c < 0 || aUsed[c]++) return 0;
    }
  }
  return 1;
}

/* Writes a line as text: its cells' words joined by spaces. */
static void put_line(Buf *b, const Page *pg, const Ln *L) {
  for (int k = 0; k < L->nG; k++) {
    const Grp *g = &pg->aG[L->iG + k];
    if (k) buf_putc(b, ' ');
    put_words(b, pg, g->iW, g->nW);
  }
  buf_putc(b, '\n');
}

/* Writes the table: rows as label cells, then one cell per column.  A
** table with fewer columns than the one before, all of them falling on
** that one's columns, is its continuation (the next page, after a
** heading): it takes those columns.  pPrev gets the columns used. */
static void put_table(Buf *b, const Page *pg, Tab *t, Prev *pPrev) {
  int bCols = num_columns(pg, t) > 0;
  if (bCols) header_columns(pg, t);
  if (bCols && !columns_hold(pg, t)) {
    num_columns(pg, t);
    bCols = columns_hold(pg, t);
  }
  if (bCols && pPrev->nC > t->nC &&
      aligned(t, (const double (*)[2])pPrev->aC, pPrev->nC)) {
    Tab *u = xmalloc(sizeof *u);
    memcpy(u, t, sizeof *u);
    memcpy(u->aC, pPrev->aC, sizeof u->aC[0] * (size_t)pPrev->nC);
    u->nC = pPrev->nC;
    u->bCentre = 1;
    if (columns_hold(pg, u)) memcpy(t, u, sizeof *t);
    free(u);
  }
  if (bCols) {
    memcpy(pPrev->aC, t->aC, sizeof t->aC[0] * (size_t)t->nC);
    pPrev->nC = t->nC;
  }
  int bJoined = 0;   /* a label half written before the row's cells */
  for (int i = t->i0; i < t->i1; i++) {
    const Ln *L = &pg->aL[i];
    if (!L->bNum || !bCols) {
      /* the first half of a label whose numbers sit between its halves
      ** goes on the numbers' line (a row is never without its label) */
      if (bCols && !L->bNum && i + 1 < t->i1 && pg->aL[i + 1].bNum &&
          is_cell(pg, t, &pg->aL[i + 1], 0)) {
        for (int k = 0; k < L->nG; k++) {
          const Grp *g = &pg->aG[L->iG + k];
          if (k) buf_putc(b, ' ');
          put_words(b, pg, g->iW, g->nW);
        }
        bJoined = 1;
        continue;
      }
      put_line(b, pg, L);
      continue;
    }
    const Grp *aCell[DT_MAX_COLS + 1] = {0};
    int nLab = 0, kc = first_cell(pg, t, L);
    for (int k = 0; k < L->nG; k++) {
      const Grp *g = &pg->aG[L->iG + k];
      if (k >= kc) {
        aCell[col_of(t, g)] = g;
      } else {
        if (nLab++) buf_putc(b, g->bSoft ? ' ' : '\t');
        put_words(b, pg, g->iW, g->nW);
      }
    }
    /* a row without a label (table 四) starts with its first cell: an
    ** empty label cell would read as one more column */
    for (int c = 0; c < t->nC; c++) {
      if (c || nLab || bJoined) buf_putc(b, '\t');
      if (aCell[c]) put_words(b, pg, aCell[c]->iW, aCell[c]->nW);
    }
    buf_putc(b, '\n');
    bJoined = 0;
  }
}

/* 1 when line L can continue table t (a row, or a wrapped label left of
** the numbers, not far below the table's last line). */
static int continues(const Page *pg, const Tab *t, const Ln *L) {
  const Ln *P = &pg->aL[t->i1 - 1];
  if (L->y0 - P->y1 > 2.5 * (L->h > P->h ? L->h : P->h)) return 0;
  if (L->bNum) return 1;
  const Grp *g = &pg->aG[L->iG + L->nG - 1];
  return g->x1 <= t->xNum + 1;
}

/* 1 when line L starts a table: a number after a wide gap. */
static int starts(const Page *pg, const Ln *L) {
  if (!L->bNum) return 0;
  for (int k = 1; k < L->nG; k++) {
    const Grp *g = &pg->aG[L->iG + k];
    if (g->bNum && !g->bSoft) return 1;
  }
  return 0;
}

/* Notes row i's numbers and label in t (xNum, xLab). */
static void tab_note(const Page *pg, Tab *t, int i) {
  const Ln *L = &pg->aL[i];
  if (!L->bNum) return;
  if (t->xNum > 1e29)   /* the first row: its first number after a gap */
    for (int k = 1; k < L->nG; k++) {
      const Grp *g = &pg->aG[L->iG + k];
      if (g->bNum && !g->bSoft) { t->xNum = g->x0; break; }
    }
  int kc = first_cell(pg, t, L);
  for (int k = kc; k < L->nG; k++) {
    const Grp *g = &pg->aG[L->iG + k];
    if (g->bNum && g->x0 < t->xNum) t->xNum = g->x0;
  }
  /* the row's label: the groups before its cells */
  for (int k = 0; k < kc; k++) {
    const Grp *g = &pg->aG[L->iG + k];
    if (g->x1 < t->xNum && g->x1 > t->xLab) t->xLab = g->x1;
  }
}

static void tab_extend(const Page *pg, Tab *t, int i) {
  t->i1 = i + 1;
  tab_note(pg, t, i);
}

/* 1 when line i is a row whose cells all stand where t's numbers stand
** (a row whose number is set off by a mere space, before the first row
** with a wide gap: the top of a page that continues a table). */
static int aligned_row(const Page *pg, const Tab *t, int i) {
  const Ln *L = &pg->aL[i];
  int kc = first_cell(pg, t, L);
  if (!L->bNum || kc == L->nG) return 0;
  for (int k = kc; k < L->nG; k++)
    if (pg->aG[L->iG + k].x0 < t->xNum - 1) return 0;
  return 1;
}

/* Takes into table t (just started at its first row) the rows right
** above it whose numbers stand in its columns, with the label lines
** between; their text already written from aOff[] on is taken back.
** iFree: the first line not in an earlier table. */
static void tab_absorb(Buf *b, const Page *pg, Tab *t, const size_t *aOff,
                       int iFree) {
  int j = t->i0;
  for (int k = t->i0 - 1; k >= iFree; k--) {
    const Ln *L = &pg->aL[k], *N = &pg->aL[k + 1];
    if (N->y0 - L->y1 > 2.5 * (L->h > N->h ? L->h : N->h)) break;
    if (aligned_row(pg, t, k)) j = k;
    else if (L->bNum || pg->aG[L->iG + L->nG - 1].x1 > t->xNum + 1) break;
  }
  if (j == t->i0) return;
  b->n = aOff[j];
  if (b->z) b->z[b->n] = 0;
  for (int k = j; k < t->i0; k++) tab_note(pg, t, k);
  t->i0 = j;
}

static void page_emit(Buf *b, const Page *pg, Prev *pPrev) {
  Tab *t = xmalloc(sizeof *t);
  size_t *aOff = xmalloc(sizeof *aOff * (size_t)(pg->nL + 1));
  int bOpen = 0, iFree = 0;
  for (int i = 0; i < pg->nL; i++) {
    const Ln *L = &pg->aL[i];
    aOff[i] = b->n;
    if (bOpen && continues(pg, t, L)) {
      tab_extend(pg, t, i);
      continue;
    }
    if (bOpen) {
      put_table(b, pg, t, pPrev);
      iFree = t->i1;
      aOff[i] = b->n;
      bOpen = 0;
    }
    if (starts(pg, L)) {
      memset(t, 0, sizeof *t);
      t->i0 = i;
      t->xNum = 1e30;
      t->xLab = -1e30;
      tab_extend(pg, t, i);
      tab_absorb(b, pg, t, aOff, iFree);
      bOpen = 1;
    } else {
      put_line(b, pg, L);
    }
  }
  if (bOpen) put_table(b, pg, t, pPrev);
  free(aOff);
  free(t);
}

/* ---- entry ------------------------------------------------------------ */

static void page_reset(Page *pg) {
  pg->nW = pg->nG = pg->nL = 0;
}

int pdf_words_text(const char *z, size_t n, Buf *pOut) {
  Page pg;
  Buf pool = BUF_INIT;
  const char *p = z, *e = z + n;
  int nWords = 0, bPage = 0;
  Prev *pPrev = xmalloc(sizeof *pPrev);
  pPrev->nC = 0;
  memset(&pg, 0, sizeof pg);
  while (p < e) {
    const char *q = memchr(p, '<', (size_t)(e - p));
    if (!q) break;
    p = q;
    if (e - p >= 5 && !memcmp(p, "<page", 5)) {
      if (bPage) {
        pg.zPool = buf_str(&pool);
        page_lines(&pg);
        page_emit(pOut, &pg, pPrev);
        page_reset(&pg);
        pool.n = 0;
      }
      bPage = 1;
      p += 5;
      continue;
    }
    if (e - p < 6 || memcmp(p, "<word ", 6)) {
      p++;
      continue;
    }
    const char *t = memchr(p, '>', (size_t)(e - p));
    if (!t) break;
    const char *zEnd = t + 1, *c = zEnd;
    while (c + 7 <= e && memcmp(c, "</word>", 7)) c++;
    if (c + 7 > e) break;
    Word w;
    w.x0 = attr(p, t, "xMin=\"");
    w.y0 = attr(p, t, "yMin=\"");
    w.x1 = attr(p, t, "xMax=\"");
    w.y1 = attr(p, t, "yMax=\"");
    p = c + 7;
    if (!bPage || !isfinite(w.x0) || !isfinite(w.y0) || !isfinite(w.x1) ||
        !isfinite(w.y1) || w.x1 < w.x0 || w.y1 < w.y0 || c == zEnd ||
        fabs(w.x0) > 1e6 || fabs(w.y0) > 1e6 || fabs(w.x1) > 1e6 ||
        fabs(w.y1) > 1e6)
      continue;
    w.off = pool.n;
    put_unescaped(&pool, zEnd, c);
    GROW(pg.aW, pg.nW, pg.nWAlloc);
    pg.aW[pg.nW++] = w;
    nWords++;
  }
  if (bPage && pg.nW) {
    pg.zPool = buf_str(&pool);
    page_lines(&pg);
    page_emit(pOut, &pg, pPrev);
  }
  free(pPrev);
  free(pg.aW);
  free(pg.aG);
  free(pg.aL);
  buf_free(&pool);
  return nWords;
}
