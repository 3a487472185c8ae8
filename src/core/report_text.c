/*
** report_text.c — reads a published report's text into a report grid
** (see report_text.h for what is understood and the never-guess policy).
**
** Steps: split the text into lines and each line into a label and a value
** area; decide the format; match each line's label against the format's
** row labels (normalised, longest suffix wins, duplicates resolved by
** document order); turn the value area into cells, splitting run-together
** digits or placing missing cells only when the row's own rules leave one
** reading.
*/
#include "core/report_text.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "lib/buf.h"
#include "lib/utf8.h"

#define MAX_CANDIDATES 64       /* distinct readings kept per row */
#define MAX_NODES 200000        /* search effort per row */
#define MAX_PREFIX 45           /* bytes of merged-cell text before a label */
#define COLON_NOTE_MIN 8        /* characters after a colon that make it a
                                ** definition, not part of the label */
#define FOREIGN_LABEL_MIN 4     /* characters of another format's label
                                ** worth naming */
#define RT_LAST_FREE_YEAR 2018  /* last report year under the 2007 Regulation,
                                ** whose reports had no national table */
#define DROP_MAX 3              /* characters a label may lack (a typo such
                                ** as "其他法律行政止公开") and still match */
#define DROP_KEEP_MIN 6         /* characters it must keep, and three for
                                ** each one it lacks */

/* ------------------------------------------------------------- tokens */

enum { TK_NUM, TK_BLANK, TK_EMPTY, TK_TEXT };

typedef struct Tok {
  int e;             /* TK_* */
  char *z;           /* folded text of the field */
  long long v;       /* value (RF_SCALE) for TK_NUM when it fits */
  int bDigits;       /* TK_NUM made of ASCII digits only (splittable) */
  int bFits;         /* v is valid */
  int bOdd;          /* a cell of other text read as blank (noted) */
} Tok;

typedef struct Line {
  char *zLabel;      /* label text (fields before the values, joined) */
  char *zNorm;       /* rf_label_norm(zLabel) */
  char *zNorm2;      /* label without its last field (a unit?), or NULL */
  char *zNormHead;   /* label before a colon that opens a definition
                     ** ("规章:地方行政规章指…"), or NULL */
  char **azField;    /* normalised text of every field */
  int nField;
  Tok *aVal;         /* value area */
  int nVal;
  int bRun;          /* the first value was peeled off the label */
  Tok *aAll;         /* every field as read (for alt_row()) */
  int nAll;
  int bCells;        /* split on tabs or pipes (cell boundaries known) */
  int bConsumed;     /* used as the value of an earlier label line */
} Line;

/* Folds full-width characters and trims white space; new string. */
static char *fold_trim(const char *z, size_t n) {
  Buf b = BUF_INIT;
  size_t i = 0;
  while (i < n) {
    int len;
    uint32_t cp = utf8_fold(utf8_decode(z + i, n - i, &len));
    char e[4];
    if (cp == 0xA0 || cp == 0x3000) cp = ' ';
    else if (cp == 0x2212) cp = '-';               /* minus sign */
    int k = utf8_encode(cp, e);
    buf_append(&b, e, (size_t)k);
    i += (size_t)len;
  }
  char *s = buf_steal(&b), *p = s, *q;
  while (*p == ' ' || *p == '\t' || *p == '\r') p++;
  q = p + strlen(p);
  while (q > p && (q[-1] == ' ' || q[-1] == '\t' || q[-1] == '\r')) q--;
  char *r = xstrndup(p, (size_t)(q - p));
  free(s);
  return r;
}

/* 1 for the dashes, slashes and words reports print in an empty cell
** ("无": none given; read as not stated, like a dash). */
static int is_blank_mark(const char *z) {
  static const char *azMark[] = {"—", "——", "-", "--", "/", "－", "－－",
                                 "―", "――", "─", "──", "\\", "无", NULL};
  for (int i = 0; azMark[i]; i++)
    if (!strcmp(z, azMark[i])) return 1;
  return 0;
}

/* Parses a number: [+-]digits[.digits].  Fills t; returns 1 if numeric. */
static int parse_num(const char *z, Tok *t) {
  const char *p = z;
  int neg = 0, nInt = 0, nFrac = 0, bSign = 0;
  long long ip = 0, fp = 0, scale = RF_SCALE;
  int bUp = 0;                         /* the first digit dropped is >= 5 */
  if (*p == '+' || *p == '-') { neg = *p == '-'; p++; bSign = 1; }
  while (isdigit((unsigned char)*p)) {
    if (nInt < 15) ip = ip * 10 + (*p - '0');
    nInt++;
    p++;
  }
  if (nInt == 0) return 0;
  if (*p == '.') {
    p++;
    while (isdigit((unsigned char)*p)) {
      if (nFrac < 4) { scale /= 10; fp += (*p - '0') * scale; }
      else if (nFrac == 4) bUp = *p >= '5';
      nFrac++;
      p++;
    }
    if (nFrac == 0) return 0;
  }
  if (*p) return 0;
  t->e = TK_NUM;
  t->bDigits = !bSign && nFrac == 0 && !strchr(z, '.');
  t->bFits = nInt <= 12;                    /* |value| < RF_MAX_UNITS */
  /* rounded, not cut, at the grid's precision ("12.34999" is 12.35) */
  t->v = t->bFits ? (ip * RF_SCALE + fp + bUp) * (neg ? -1 : 1) : 0;
  return 1;
}

/* 1 when z is a number with thousands separators: 1,234 or 12,345.5 */
static int has_thousands(const char *z) {
  const char *p = z;
  int n = 0;
  if (*p == '+' || *p == '-') p++;
  while (isdigit((unsigned char)*p)) { p++; n++; }
  if (n < 1 || n > 3 || *p != ',') return 0;
  while (*p == ',') {
    p++;
    for (n = 0; n < 3; n++, p++)
      if (!isdigit((unsigned char)*p)) return 0;
  }
  return *p == 0 || *p == '.';
}

/* 1 for a cell of several numbers with only signs, brackets and spaces
** between ("+(0) -(0)": increases and decreases given apart): not one
** number, and no label either.  It is read as a blank cell in its place,
** so the row's other cells keep their columns. */
static int several_numbers(const char *z) {
  int nRun = 0;
  for (const char *p = z; *p; p++) {
    if (isdigit((unsigned char)*p)) {
      if (p == z || !isdigit((unsigned char)p[-1])) nRun++;
    } else if (!strchr("+-() .", *p)) {
      return 0;
    }
  }
  return nRun >= 2;
}

/* A change written with a word for its sign ("增3", "减4", "减少2",
** "增加 1"; the 2019 format's 本年增/减 column, 减 shown as a negative
** value): fills t with the signed number and returns 1, else 0. */
static int signed_by_word(const char *z, Tok *t) {
  static const struct { const char *zWord; int sign; } a[] = {
    {"增加", 1}, {"减少", -1}, {"增", 1}, {"减", -1}};
  for (size_t i = 0; i < sizeof a / sizeof a[0]; i++) {
    size_t m = strlen(a[i].zWord);
    if (strncmp(z, a[i].zWord, m)) continue;
    const char *p = z + m;
    while (*p == ' ') p++;
    if (!isdigit((unsigned char)*p) || !parse_num(p, t)) return 0;
    t->v *= a[i].sign;
    t->bDigits = 0;                     /* never split as run-together */
    return 1;
  }
  return 0;
}

/* A number followed by the unit of a count or of the fee column ("57件",
** "12.35万元"): fills t and returns 1, else 0.  "元" and "万" alone are
** not taken: "1200元" in a column of 万元, or "1.2万" for 12000, would
** read as a wrong number. */
static int number_with_unit(const char *z, Tok *t) {
  static const char *azUnit[] = {"万元", "件", "项", "条", "个", "次", "起",
                                 "宗"};
  size_t n = strlen(z);
  for (size_t i = 0; i < sizeof azUnit / sizeof *azUnit; i++) {
    size_t m = strlen(azUnit[i]);
    if (n <= m || strcmp(z + n - m, azUnit[i])) continue;
    char *zNum = xstrndup(z, n - m);
    size_t e = strlen(zNum);
    while (e && zNum[e - 1] == ' ') zNum[--e] = 0;
    int bOk = parse_num(zNum, t);
    free(zNum);
    if (!bOk) return 0;
    t->bDigits = 0;                     /* never split as run-together */
    return 1;
  }
  return 0;
}

/* Fills t from a folded field (t takes ownership of zFolded). */
static void classify(Tok *t, char *zFolded) {
  memset(t, 0, sizeof *t);
  t->z = zFolded;
  if (!zFolded[0]) {
    t->e = TK_EMPTY;
  } else if (has_thousands(zFolded)) {
    char *zPlain = xstrdup(zFolded), *q = zPlain;
    for (const char *p = zFolded; *p; p++) if (*p != ',') *q++ = *p;
    *q = 0;
    if (parse_num(zPlain, t)) t->bDigits = 0;   /* never run together */
    else t->e = TK_TEXT;
    free(zPlain);
  } else if (parse_num(zFolded, t)) {
    /* t filled */
  } else if (signed_by_word(zFolded, t)) {
    /* "减4": t filled with -4 */
  } else if (number_with_unit(zFolded, t)) {
    /* "57件": t filled with 57 */
  } else if (is_blank_mark(zFolded) || several_numbers(zFolded)) {
    t->e = TK_BLANK;
  } else {
    t->e = TK_TEXT;
  }
}

/* Splits a raw line into fields: on pipes (Markdown or pasted table
** cells, "| a | b |") and tabs when it has any, else on runs of white
** space (ASCII, U+3000, U+00A0).  The empty fields outside a pipe line's
** first and last pipe are not cells.  Returns folded, trimmed fields. */
static Tok *split_fields(const char *z, size_t n, int *pn, int *pbCells) {
  Tok *a = NULL;
  int nA = 0;
  size_t i = 0, s = 0;
  char *zF = fold_trim(z, n);   /* spaces normalised, full-width folded */
  int bPipe = strchr(zF, '|') != NULL;
  int bTab = bPipe || memchr(z, '\t', n) != NULL;
  *pbCells = bTab;
  if (!bTab || bPipe) {
    z = zF;
    n = strlen(zF);
  }
  for (i = 0; i <= n; i++) {
    int bEnd = i == n || (bTab ? z[i] == '\t' || (bPipe && z[i] == '|')
                               : z[i] == ' ');
    if (!bEnd) continue;
    if (bTab || i > s) {
      int bOuter = bPipe && ((s == 0 && i == 0 && z[0] == '|') ||
                             (i == n && s == n && n > 0 && z[n - 1] == '|'));
      if (!bOuter) {
        a = xrealloc(a, (size_t)(nA + 1) * sizeof *a);
        classify(&a[nA++], fold_trim(z + s, i - s));
      }
    }
    s = i + 1;
  }
  free(zF);
  *pn = nA;
  return a;
}

/* Builds a Line from raw text. */
static void make_line(Line *L, const char *z, size_t n) {
  int nF, iLast, i;
  int bCells;
  Tok *a = split_fields(z, n, &nF, &bCells);
  Buf lab = BUF_INIT;
  memset(L, 0, sizeof *L);
  /* the value area: trailing NUM / BLANK / EMPTY fields */
  iLast = nF;
  while (iLast > 0 && a[iLast - 1].e != TK_TEXT) iLast--;
  L->azField = xmalloc((size_t)(nF + 1) * sizeof(char *));
  for (i = 0; i < nF; i++) L->azField[L->nField++] = rf_label_norm(a[i].z);
  for (i = 0; i < iLast; i++) buf_puts(&lab, a[i].z);
  /* run-together digits at the end of the last label field */
  if (iLast > 0) {
    char *zl = a[iLast - 1].z;
    size_t m = strlen(zl), d = m;
    while (d > 0 && isdigit((unsigned char)zl[d - 1])) d--;
    if (d > 0 && d < m &&
        ((unsigned char)zl[d - 1] >= 0x80 || zl[d - 1] == ')')) {
      Tok t;
      char *zDig = xstrdup(zl + d);
      classify(&t, zDig);
      L->aVal = xmalloc(sizeof(Tok) * (size_t)(nF + 2));
      L->aVal[L->nVal++] = t;
      L->bRun = 1;
      buf_reset(&lab);
      for (i = 0; i < iLast - 1; i++) buf_puts(&lab, a[i].z);
      buf_append(&lab, zl, d);
    }
  }
  if (!L->aVal) L->aVal = xmalloc(sizeof(Tok) * (size_t)(nF + 2));
  L->nAll = nF;
  L->bCells = bCells;
  L->aAll = xmalloc(sizeof(Tok) * (size_t)(nF + 1));
  for (i = 0; i < nF; i++) {
    L->aAll[i] = a[i];
    L->aAll[i].z = xstrdup(a[i].z);
  }
  /* the value area keeps its empty cells (blank cells of a tab or pipe
  ** table; store_row() trims padding beyond the columns), except around
  ** a single number on a line of its own (the stat form's layout) */
  {
    int s = iLast, e = nF, nFull = 0;
    for (i = s; i < e; i++) nFull += a[i].e != TK_EMPTY;
    if (iLast == 0 && nFull <= 1) {
      while (s < e && a[s].e == TK_EMPTY) s++;
      while (e > s && a[e - 1].e == TK_EMPTY) e--;
    }
    for (i = s; i < e; i++) {
      L->aVal[L->nVal++] = a[i];
      a[i].z = NULL;
    }
  }
  L->zLabel = buf_steal(&lab);
  L->zNorm = rf_label_norm(L->zLabel);
  {
    /* a label followed by its definition after a colon (a local template
    ** explaining each row): the words before the colon are the label */
    const char *c = strchr(L->zLabel, ':');
    if (c && c > L->zLabel &&
        utf8_len(c + 1, strlen(c + 1)) >= COLON_NOTE_MIN) {
      char *zHead = xstrndup(L->zLabel, (size_t)(c - L->zLabel));
      L->zNormHead = rf_label_norm(zHead);
      free(zHead);
    }
  }
  if (iLast >= 2 && !L->bRun) {
    Buf b2 = BUF_INIT;
    for (i = 0; i < iLast - 1; i++) buf_puts(&b2, a[i].z);
    L->zNorm2 = rf_label_norm(buf_str(&b2));
    buf_free(&b2);
  }
  for (i = 0; i < nF; i++) free(a[i].z);
  free(a);
}

/* Frees what a Line owns. */
static void free_line(Line *L) {
  free(L->zLabel);
  free(L->zNorm);
  free(L->zNorm2);
  free(L->zNormHead);
  for (int i = 0; i < L->nAll; i++) free(L->aAll[i].z);
  free(L->aAll);
  for (int i = 0; i < L->nField; i++) free(L->azField[i]);
  free(L->azField);
  for (int i = 0; i < L->nVal; i++) free(L->aVal[i].z);
  free(L->aVal);
}

/* Splits zText into Lines; *pn gets the count.  Caller frees each with
** free_line() and the array with free(). */
/* The line at p without its end ("\r" and trailing blanks kept out);
** *pNext gets the start of the next line. */
static size_t raw_line(const char *p, const char **pNext) {
  const char *e = strchr(p, '\n');
  size_t len = e ? (size_t)(e - p) : strlen(p);
  *pNext = p + len + (e ? 1 : 0);
  return len;
}

/* 1 when p[0..n) is only pipes and blanks; *pbAny gets whether there was
** a pipe. */
static int pipes_only(const char *p, size_t n, int *pbAny) {
  *pbAny = 0;
  for (size_t i = 0; i < n; i++) {
    if (p[i] == '|') *pbAny = 1;
    else if (p[i] != ' ' && p[i] != '\t' && p[i] != '\r') return 0;
  }
  return *pbAny;
}

/* 1 when the last non-blank byte of p[0..n) is a pipe. */
static int ends_pipe(const char *p, size_t n) {
  while (n && (p[n - 1] == ' ' || p[n - 1] == '\t' || p[n - 1] == '\r')) n--;
  return n && p[n - 1] == '|';
}

/* 1 when p[0..n) is one cell of one-cell-per-line web text: a number or
** a blank mark followed by a pipe ("0 |", "/ |"). */
static int value_then_pipe(const char *p, size_t n) {
  char z[32];
  size_t a = 0, i, m = 0;
  while (n && (p[n - 1] == ' ' || p[n - 1] == '\t' || p[n - 1] == '\r')) n--;
  if (!n || p[n - 1] != '|') return 0;
  n--;
  while (a < n && (p[a] == ' ' || p[a] == '\t')) a++;
  while (n > a && (p[n - 1] == ' ' || p[n - 1] == '\t')) n--;
  if (n == a || n - a >= sizeof z) return 0;
  for (i = a; i < n; i++) z[m++] = p[i];
  z[m] = 0;
  if (is_blank_mark(z)) return 1;
  for (i = 0; i < m; i++)
    if (!isdigit((unsigned char)z[i]) && !strchr(".,+-", z[i])) return 0;
  return 1;
}

/* Splits zText into Lines; *pn gets the count.  A pipe row broken after
** its empty cells (web text: "一、… | 25 |", then lines of "|" alone, then
** "| 25 |", or with every cell on its own line: "一、… |", lines of "|"
** alone, "0 |") is joined back into one line.  Caller frees each with
** free_line() and the array with free(). */
static Line *split_lines(const char *zText, int *pn) {
  Line *a = NULL;
  int n = 0;
  const char *p = zText, *q;
  while (*p) {
    size_t len = raw_line(p, &q);
    int bAny;
    if (ends_pipe(p, len) && !pipes_only(p, len, &bAny)) {
      Buf row = BUF_INIT;
      const char *r = q, *qFirst = q;
      size_t k;
      int nPipe = 0;
      buf_append(&row, p, len);
      /* lines of "|" alone, then one line starting with a pipe */
      while (*r && (k = raw_line(r, &q), pipes_only(r, k, &bAny))) {
        buf_append(&row, r, k);
        nPipe++;
        r = q;
      }
      if (nPipe && *r) {
        k = raw_line(r, &q);
        const char *t = r;
        while (t < r + k && (*t == ' ' || *t == '\t')) t++;
        if ((t < r + k && *t == '|') || value_then_pipe(r, k)) {
          buf_append(&row, r, k);
          r = q;
        }
      }
      a = xrealloc(a, (size_t)(n + 1) * sizeof *a);
      make_line(&a[n++], buf_str(&row), row.n);
      buf_free(&row);
      p = nPipe ? r : qFirst;
      continue;
    }
    a = xrealloc(a, (size_t)(n + 1) * sizeof *a);
    make_line(&a[n++], p, len);
    p = q;
  }
  *pn = n;
  return a;
}

/* ----------------------------------------------------------- detection */

/* 1 when a row or column label (normalised) of some other format equals
** zNorm: such a label says nothing about which format the text uses. */
static int label_in_other_formats(const RfSet *s, const RfFormat *f,
                                  const char *zNorm) {
  for (int i = 0; i < s->nFormat; i++) {
    const RfFormat *g = &s->aFormat[i];
    if (g == f) continue;
    for (int t = 0; t < g->nTable; t++) {
      const RfTable *tb = &g->aTable[t];
      for (int r = 0; r < tb->nRow; r++)
        if (tb->aRow[r].zNorm && !strcmp(tb->aRow[r].zNorm, zNorm)) return 1;
      for (int c = 0; c < tb->nCol; c++)
        if (!strcmp(tb->aCol[c].zNorm, zNorm)) return 1;
    }
  }
  return 0;
}

/* 1 when zNorm is a row or column label of format f. */
static int format_has_label(const RfFormat *f, const char *zNorm) {
  for (int t = 0; t < f->nTable; t++) {
    const RfTable *tb = &f->aTable[t];
    for (int r = 0; r < tb->nRow; r++)
      if (tb->aRow[r].zNorm && !strcmp(tb->aRow[r].zNorm, zNorm)) return 1;
    for (int c = 0; c < tb->nCol; c++)
      if (!strcmp(tb->aCol[c].zNorm, zNorm)) return 1;
  }
  return 0;
}

/* 1 when zNorm is a column label of format f. */
static int format_has_column(const RfFormat *f, const char *zNorm) {
  for (int t = 0; t < f->nTable; t++)
    for (int c = 0; c < f->aTable[t].nCol; c++)
      if (!strcmp(f->aTable[t].aCol[c].zNorm, zNorm)) return 1;
  return 0;
}

/* The id of a format other than f that has zNorm as a column label, when
** f has no such label at all; else NULL.  Only column headers: row labels
** are often shortened ("规范性文件") and the prose repeats them. */
static const char *foreign_label(const RfSet *s, const RfFormat *f,
                                 const char *zNorm) {
  if (utf8_len(zNorm, strlen(zNorm)) < FOREIGN_LABEL_MIN ||
      format_has_label(f, zNorm))
    return NULL;
  for (int i = 0; i < s->nFormat; i++)
    if (&s->aFormat[i] != f && format_has_column(&s->aFormat[i], zNorm))
      return s->aFormat[i].zId;
  return NULL;
}

static void note(RtResult *o, char *z);

/* A note naming the column headers of another format the text uses (a
** table of the year's format with one part in an older one:
** "对外公开总数量" in a 2021 table 二), at most three. */
static void note_foreign_labels(const RfSet *s, const RfFormat *f,
                                const Line *aL, int nL, RtResult *o) {
  Buf b = BUF_INIT;
  int n = 0;
  for (int i = 0; i < nL && n < 3; i++) {
    for (int k = 0; k < aL[i].nField && n < 3; k++) {
      const char *z = aL[i].azField[k];
      const char *zId = foreign_label(s, f, z);
      if (!zId || strstr(buf_str(&b), z)) continue;
      buf_printf(&b, "%s“%s”（%s格式）", n ? "、" : "", z, zId);
      n++;
    }
  }
  if (n)
    note(o, mprintf("文本中有%s格式没有的列标题：%s；按%s格式读入", f->zId,
                    buf_str(&b), f->zId));
  buf_free(&b);
}

/* 1 when some line's label, label-minus-unit or field equals zNorm. */
static int line_has(const Line *aL, int nL, const char *zNorm) {
  if (!zNorm || !zNorm[0]) return 0;
  for (int i = 0; i < nL; i++) {
    if (!strcmp(aL[i].zNorm, zNorm)) return 1;
    if (aL[i].zNorm2 && !strcmp(aL[i].zNorm2, zNorm)) return 1;
    if (aL[i].zNormHead && !strcmp(aL[i].zNormHead, zNorm)) return 1;
    for (int k = 0; k < aL[i].nField; k++)
      if (!strcmp(aL[i].azField[k], zNorm)) return 1;
  }
  return 0;
}

/* Scores: distinct-label hits * 1000 + per-mille of labels found in the
** tables that have any hit. */
static long score_format(const RfSet *s, const RfFormat *f, const Line *aL,
                         int nL) {
  long nUnique = 0, nHit = 0, nAll = 0;
  for (int t = 0; t < f->nTable; t++) {
    const RfTable *tb = &f->aTable[t];
    int nT = 0, nTHit = 0;
    for (int k = 0; k < tb->nRow + tb->nCol; k++) {
      const char *z = k < tb->nRow ? tb->aRow[k].zNorm
                                   : tb->aCol[k - tb->nRow].zNorm;
      if (!z || !z[0]) continue;
      nT++;
      if (line_has(aL, nL, z)) {
        nTHit++;
        if (!label_in_other_formats(s, f, z)) nUnique++;
      }
    }
    if (nTHit) { nHit += nTHit; nAll += nT; }
  }
  if (nHit == 0) return 0;
  return nUnique * 1000 + (nHit * 999) / (nAll ? nAll : 1);
}

/* The best-scoring format, or NULL when nothing matched. */
static int fits_year(const RfFormat *f, int year) {
  return year && (!f->iFirstYear || year >= f->iFirstYear) &&
         (!f->iLastYear || year <= f->iLastYear);
}

/* The best-scoring format.  When the text has as many labels of one
** format only for another (often none: the tables share most labels),
** the one in force for the report's year wins, if the text states it. */
static const RfFormat *detect(const RfSet *s, const Line *aL, int nL,
                              int year) {
  const RfFormat *best = NULL;
  long bestScore = 0;
  for (int i = 0; i < s->nFormat; i++) {
    const RfFormat *f = &s->aFormat[i];
    long sc = score_format(s, f, aL, nL);
    int bTie = best && sc > 0 && sc / 1000 == bestScore / 1000;
    if (bTie ? fits_year(f, year) && !fits_year(best, year) : sc > bestScore) {
      bestScore = sc;
      best = f;
    } else if (bTie && !fits_year(best, year) && sc > bestScore) {
      bestScore = sc;
      best = f;
    }
  }
  return best;
}

static void find_org_year(const char *zText, Report *p);

/* The report year the text states, or 0. */
static int text_year(const char *zText) {
  Report tmp;
  memset(&tmp, 0, sizeof tmp);
  find_org_year(zText, &tmp);
  free(tmp.zOrg);
  return tmp.iYear;
}

const RfFormat *report_text_detect(const RfSet *pSet, const char *zText) {
  int nL;
  Line *aL = split_lines(zText, &nL);
  const RfFormat *f = detect(pSet, aL, nL, text_year(zText));
  for (int i = 0; i < nL; i++) free_line(&aL[i]);
  free(aL);
  return f;
}

/* ------------------------------------------------------ row-local rules */

/* A check involving one row only, by column. */
typedef struct LTerm { int sign, col; } LTerm;
typedef struct LCheck {
  int op;
  LTerm *aL; int nL;
  LTerm *aR; int nR;
} LCheck;

/* Checks whose every term is this year's and in row iRow of table iTab.
** For a group row without its own checks, those of its first child. */
static LCheck *row_checks(const RfFormat *f, int iTab, int iRow, int *pn) {
  const RfTable *tb = &f->aTable[iTab];
  LCheck *a = NULL;
  int n = 0;
  for (int pass = 0; pass < 2 && n == 0; pass++) {
    int r = iRow;
    if (pass == 1) {
      if (tb->aRow[iRow].nChild == 0 || iRow + 1 >= tb->nRow) break;
      r = iRow + 1;
    }
    for (int i = 0; i < f->nRule; i++) {
      const RfRule *ru = &f->aRule[i];
      if (ru->eKind != RF_RULE_FORMULA || ru->bCrossYear) continue;
      for (int k = 0; k < ru->nCheck; k++) {
        const RfCheck *ck = &ru->aCheck[k];
        int ok = 1;
        for (int s = 0; s < 2 && ok; s++) {
          const RfTerm *t = s ? ck->aRhs : ck->aLhs;
          int nt = s ? ck->nRhs : ck->nLhs;
          for (int j = 0; j < nt && ok; j++) {
            int ti = -1, ri = -1;
            rf_cell_locate(f, t[j].iCell, &ti, &ri, NULL);
            if (ti != iTab || ri != r) ok = 0;
          }
        }
        if (!ok) continue;
        a = xrealloc(a, (size_t)(n + 1) * sizeof *a);
        LCheck *lc = &a[n++];
        lc->op = ck->op;
        lc->nL = ck->nLhs;
        lc->nR = ck->nRhs;
        lc->aL = xmalloc((size_t)(ck->nLhs + 1) * sizeof(LTerm));
        lc->aR = xmalloc((size_t)(ck->nRhs + 1) * sizeof(LTerm));
        for (int j = 0; j < ck->nLhs; j++) {
          lc->aL[j].sign = ck->aLhs[j].sign;
          rf_cell_locate(f, ck->aLhs[j].iCell, NULL, NULL, &lc->aL[j].col);
        }
        for (int j = 0; j < ck->nRhs; j++) {
          lc->aR[j].sign = ck->aRhs[j].sign;
          rf_cell_locate(f, ck->aRhs[j].iCell, NULL, NULL, &lc->aR[j].col);
        }
      }
    }
  }
  *pn = n;
  return a;
}

/* Frees row-local checks. */
static void free_checks(LCheck *a, int n) {
  for (int i = 0; i < n; i++) { free(a[i].aL); free(a[i].aR); }
  free(a);
}

/* 1 when the values (aKnown[c] says set) satisfy every check that has no
** unknown cell. */
static int checks_hold(const LCheck *a, int n, const long long *aV,
                       const int *aKnown) {
  for (int i = 0; i < n; i++) {
    long long L = 0, R = 0;
    int bAll = 1;
    for (int j = 0; j < a[i].nL; j++) {
      if (!aKnown[a[i].aL[j].col]) bAll = 0;
      L += a[i].aL[j].sign * aV[a[i].aL[j].col];
    }
    for (int j = 0; j < a[i].nR; j++) {
      if (!aKnown[a[i].aR[j].col]) bAll = 0;
      R += a[i].aR[j].sign * aV[a[i].aR[j].col];
    }
    if (!bAll) continue;
    if (a[i].op == RF_EQ ? L != R : a[i].op == RF_LE ? L > R : L < R)
      return 0;
  }
  return 1;
}

/* Solves unknown cells from equations with exactly one unknown.  Returns 1
** when every cell ends up known. */
static int solve(const LCheck *a, int n, long long *aV, int *aKnown, int k) {
  for (int round = 0; round < k + 1; round++) {
    int bProgress = 0;
    for (int i = 0; i < n; i++) {
      if (a[i].op != RF_EQ) continue;
      int nUnk = 0, uSide = 0, uSign = 0, uCol = -1;
      long long L = 0, R = 0;
      for (int s = 0; s < 2; s++) {
        const LTerm *t = s ? a[i].aR : a[i].aL;
        int nt = s ? a[i].nR : a[i].nL;
        for (int j = 0; j < nt; j++) {
          if (!aKnown[t[j].col]) {
            if (uCol != t[j].col) nUnk++;
            uSide = s; uSign = t[j].sign; uCol = t[j].col;
          } else if (s) {
            R += t[j].sign * aV[t[j].col];
          } else {
            L += t[j].sign * aV[t[j].col];
          }
        }
      }
      if (nUnk != 1) continue;
      aV[uCol] = uSide ? (L - R) * uSign : (R - L) * uSign;
      aKnown[uCol] = 1;
      bProgress = 1;
    }
    if (!bProgress) break;
  }
  for (int c = 0; c < k; c++) if (!aKnown[c]) return 0;
  return 1;
}

/* ------------------------------------------------------- row readings */

typedef struct Search {
  const Tok *aTok; int nTok;
  int k;                      /* cells wanted */
  const LCheck *aChk; int nChk;
  const int *aSigned;         /* per column: negative values allowed */
  long long aCand[MAX_CANDIDATES][64];
  int aCandBlank[MAX_CANDIDATES][64];
  int nCand;
  int nTried;                 /* complete readings tested against the checks */
  long nNode;
  int bOverflow;
  long long cur[64];
  int curBlank[64];
} Search;

static void add_candidate(Search *s, const long long *aV, const int *aBlank) {
  for (int i = 0; i < s->nCand; i++) {
    if (!memcmp(s->aCand[i], aV, (size_t)s->k * sizeof *aV) &&
        !memcmp(s->aCandBlank[i], aBlank, (size_t)s->k * sizeof(int)))
      return;
  }
  if (s->nCand >= MAX_CANDIDATES) { s->bOverflow = 1; return; }
  memcpy(s->aCand[s->nCand], aV, (size_t)s->k * sizeof *aV);
  memcpy(s->aCandBlank[s->nCand], aBlank, (size_t)s->k * sizeof(int));
  s->nCand++;
}

/* Keeps the current split when the row's checks hold. */
static void emit_split(Search *s) {
  int aKnown[64];
  for (int c = 0; c < s->k; c++) aKnown[c] = !s->curBlank[c];
  s->nTried++;
  if (checks_hold(s->aChk, s->nChk, s->cur, aKnown))
    add_candidate(s, s->cur, s->curBlank);
}

/* Enumerates splits of the tokens' digit strings into s->k cells. */
static void gen_split(Search *s, int iTok, int pos, int slot) {
  if (++s->nNode > MAX_NODES) { s->bOverflow = 1; return; }
  if (iTok == s->nTok) {
    if (slot == s->k) emit_split(s);
    return;
  }
  if (pos == 0 && s->k - slot < s->nTok - iTok) return; /* 1 cell each */
  const Tok *t = &s->aTok[iTok];
  if (!(t->e == TK_NUM && t->bDigits)) {
    if (slot >= s->k) return;
    s->cur[slot] = t->e == TK_NUM ? t->v : 0;
    s->curBlank[slot] = t->e != TK_NUM;
    gen_split(s, iTok + 1, 0, slot + 1);
    return;
  }
  size_t len = strlen(t->z);
  if ((size_t)pos == len) { gen_split(s, iTok + 1, 0, slot); return; }
  if (slot >= s->k) return;
  for (size_t end = (size_t)pos + 1; end <= len; end++) {
    if (t->z[pos] == '0' && end > (size_t)pos + 1) break;  /* leading 0 */
    if (end - (size_t)pos > 12) break;
    long long v = 0;
    for (size_t q = (size_t)pos; q < end; q++) v = v * 10 + (t->z[q] - '0');
    s->cur[slot] = v * RF_SCALE;
    s->curBlank[slot] = 0;
    gen_split(s, iTok, (int)end, slot + 1);
    if (s->bOverflow) return;
  }
}

/* Places the tokens in k cells with 1 or 2 cells missing, solving the
** missing ones from the row's equations. */
static void gen_missing(Search *s) {
  int m = s->k - s->nTok;
  if (m < 1 || m > 2 || s->nTok < 1) return;
  for (int a = 0; a < s->k; a++) {
    for (int b = (m == 2 ? a + 1 : s->k); b <= s->k; b++) {
      if (m == 2 && b >= s->k) break;
      long long aV[64];
      int aKnown[64], aBlank[64], it = 0, bOk = 1;
      for (int c = 0; c < s->k; c++) {
        aBlank[c] = 0;
        if (c == a || (m == 2 && c == b)) {
          aKnown[c] = 0;
          aV[c] = 0;
          continue;
        }
        const Tok *t = &s->aTok[it++];
        if (t->e != TK_NUM || !t->bFits) { bOk = 0; break; }
        aKnown[c] = 1;
        aV[c] = t->v;
      }
      if (!bOk) continue;
      if (!solve(s->aChk, s->nChk, aV, aKnown, s->k)) continue;
      s->nTried++;
      for (int c = 0; c < s->k; c++)
        if (aV[c] < 0 && !s->aSigned[c]) bOk = 0;
      if (bOk && checks_hold(s->aChk, s->nChk, aV, aKnown))
        add_candidate(s, aV, aBlank);
      if (m == 1) break;
    }
  }
}

/* ------------------------------------------------------------ reading */

/* Label-only data rows that make an empty table (rather than a few
** labels quoted in the prose). */
#define LABEL_ONLY_MIN 8

typedef struct Reader {
  const RfFormat *f;
  Report *p;
  RtResult *out;
  int *aDone;          /* per (table,row) global index: row already read */
  int iLastOrder;      /* document order of the last matched row */
  int nLabelOnly;      /* data rows whose label stood without any value */
  char **azDropped;    /* per row order: the label text matched with
                       ** characters missing (noted when stored), or NULL */
  int *aUnsure;        /* per row order: cells not read whole from the
                       ** label's line (one per line, or completed by the
                       ** row's rules) */
  int *aScrambled;     /* per table: a label followed by more numbers than
                       ** its row has cells (the text's order is not the
                       ** table's: copied from a PDF viewer) */
} Reader;

/* Appends a note (takes ownership of z). */
static void note(RtResult *o, char *z) {
  o->azNote = xrealloc(o->azNote, (size_t)(o->nNote + 1) * sizeof(char *));
  o->azNote[o->nNote++] = z;
}

/* Document-order index of a row across the format's tables. */
static int row_order(const RfFormat *f, int iTab, int iRow) {
  int n = 0;
  for (int t = 0; t < iTab; t++) n += f->aTable[t].nRow;
  return n + iRow;
}

/* A row's short name for notes (the table id for a label-less row). */
static const char *row_name(const RfTable *tb, int r) {
  return tb->aRow[r].zShort && tb->aRow[r].zShort[0] ? tb->aRow[r].zShort
                                                      : tb->zId;
}

/* A normalised label without its leading enumerator ("一", "三", "1"). */
static const char *bare(const char *z) {
  static const char *azNum[] = {"一", "二", "三", "四", "五", "六", "七",
                                "八", "九", "十", NULL};
  for (;;) {
    int bHit = 0;
    if (isdigit((unsigned char)*z)) { z++; continue; }
    for (int i = 0; azNum[i]; i++)
      if (!strncmp(z, azNum[i], 3)) { z += 3; bHit = 1; break; }
    if (!bHit) return z;
  }
}

/* Steps back over one UTF-8 character before z[i]; its length. */
static size_t back_char(const char *z, size_t i) {
  size_t k = 1;
  while (k < i && ((unsigned char)z[i - k] & 0xC0) == 0x80) k++;
  return k;
}

/* The characters of the row label zRow[0..m) that must be left out for the
** rest to be a suffix of the line's label zLine[0..n) (matched from the
** end, the last characters equal; a digit is never left out: "2" and "3"
** are other rows).  Returns their count, -1 when more than DROP_MAX or
** when too few are kept; *pnSuffix gets the suffix's length in bytes. */
static int dropped_chars(const char *zLine, size_t n, const char *zRow,
                         size_t m, size_t *pnSuffix) {
  size_t i = n, j = m;
  int nDrop = 0, nKeep = 0;
  while (j > 0) {
    size_t kr = back_char(zRow, j);
    size_t kl = i > 0 ? back_char(zLine, i) : 0;
    if (kl == kr && !memcmp(zLine + i - kl, zRow + j - kr, kr)) {
      i -= kl;
      nKeep++;
    } else if (j == m || isdigit((unsigned char)zRow[j - kr]) ||
               ++nDrop > DROP_MAX) {
      return -1;
    }
    j -= kr;
  }
  if (!nDrop || nKeep < DROP_KEEP_MIN || nKeep < 3 * nDrop) return -1;
  *pnSuffix = n - i;
  return nDrop;
}

/* A label that lacks a few characters of one row's ("2.其他法律行政止公开",
** as published): the row not yet read that it fits with the fewest left
** out, the first after the last matched row on a tie.  The label text is
** kept for the note store_row() gives. */
static int match_dropped(Reader *R, const char *zNorm, int *piTab,
                         int *piRow) {
  size_t n = strlen(zNorm), nSuf = 0, nBestSuf = 0;
  int best = DROP_MAX + 1, bestOrder = -1, bestT = -1, bestR = -1;
  for (int t = 0; t < R->f->nTable; t++) {
    const RfTable *tb = &R->f->aTable[t];
    for (int r = 0; r < tb->nRow; r++) {
      const char *z = tb->aRow[r].zNorm;
      int ord = row_order(R->f, t, r), d;
      if (!z || !*z || R->aDone[ord]) continue;
      d = dropped_chars(zNorm, n, z, strlen(z), &nSuf);
      if (d < 0 || n - nSuf > MAX_PREFIX) continue;
      if (d < best || (d == best && bestOrder <= R->iLastOrder &&
                       ord > R->iLastOrder)) {
        best = d; bestOrder = ord; bestT = t; bestR = r; nBestSuf = nSuf;
      }
    }
  }
  if (bestT < 0) return 0;
  free(R->azDropped[bestOrder]);
  R->azDropped[bestOrder] = xstrdup(zNorm + n - nBestSuf);
  *piTab = bestT;
  *piRow = bestR;
  return 1;
}

/* Finds the row whose normalised label is the longest suffix of zNorm
** (with at most MAX_PREFIX bytes before it).  Failing that, a row whose
** label without enumerator equals the line's without enumerator (at least
** three characters: "予以公开" for "（一）予以公开"), or a row whose label
** ends with the line's (five characters at least).  Ties (same label in
** several rows) go to the first one after the last matched row. */
static int match_row(Reader *R, const char *zNorm, int *piTab, int *piRow) {
  size_t n = strlen(zNorm), bestLen = 0;
  int bestOrder = -1, bestT = -1, bestR = -1;
  if (!n) return 0;
  for (int pass = 0; pass < 3 && bestT < 0; pass++)
  for (int t = 0; t < R->f->nTable; t++) {
    const RfTable *tb = &R->f->aTable[t];
    for (int r = 0; r < tb->nRow; r++) {
      const char *z = tb->aRow[r].zNorm;
      size_t m;
      if (!z || !(m = strlen(z))) continue;
      if (pass == 0) {
        if (m > n || n - m > MAX_PREFIX || strcmp(zNorm + n - m, z)) continue;
      } else if (pass == 1) {
        const char *zb = bare(z);
        if (strlen(zb) < 9 || strcmp(zb, bare(zNorm))) continue;
      } else {
        /* a shortened label ("规范性文件" for 行政规范性文件): the line's
        ** label is the end of the row's, five characters at least */
        if (n < 15 || n >= m || strcmp(z + m - n, zNorm)) continue;
      }
      int ord = row_order(R->f, t, r);
      int better = m > bestLen;
      if (m == bestLen && bestOrder >= 0) {
        int aAfter = ord > R->iLastOrder, bAfter = bestOrder > R->iLastOrder;
        better = aAfter && !bAfter;
      }
      if (better) { bestLen = m; bestOrder = ord; bestT = t; bestR = r; }
    }
  }
  if (bestT < 0) return match_dropped(R, zNorm, piTab, piRow);
  free(R->azDropped[bestOrder]);
  R->azDropped[bestOrder] = NULL;
  *piTab = bestT;
  *piRow = bestR;
  return 1;
}

/* Appends values as "9、1、0" ("空" for blank cells). */
static void fmt_values(Buf *b, const long long *aV, const int *aBlank,
                       int k) {
  char zv[32];
  for (int c = 0; c < k; c++)
    buf_printf(b, "%s%s", c ? "、" : "",
               aBlank && aBlank[c] ? "空" : rf_value_str(aV[c], zv));
}

/* 1 when z has no byte outside ASCII. */
static int ascii_only(const char *z) {
  for (; *z; z++)
    if ((unsigned char)*z >= 0x80) return 0;
  return 1;
}

/* 1 when some token is a number. */
static int any_number(const Tok *a, int n) {
  for (int i = 0; i < n; i++)
    if (a[i].e == TK_NUM) return 1;
  return 0;
}

/* Stores a row's tokens into the grid, resolving splits and gaps. */
static void store_row(Reader *R, int iTab, int iRow, const Tok *aTok,
                      int nTok, int bRun) {
  const RfTable *tb = &R->f->aTable[iTab];
  int k = tb->nCol, base = tb->iCell0 + iRow * tb->nCol;
  const char *zRow = row_name(tb, iRow);
  int iDone = row_order(R->f, iTab, iRow);
  if (!tb->aRow[iRow].bData && !any_number(aTok, nTok)) {
    /* a group's heading on a line of its own, its cells empty or dashes
    ** (a spreadsheet's row): not a total, its rows follow */
    R->iLastOrder = iDone;
    return;
  }
  if (R->aDone[iDone]) {
    note(R->out, mprintf("%s：重复出现，保留第一次读到的数", zRow));
    return;
  }
  R->aDone[iDone] = 1;
  R->iLastOrder = iDone;
  R->out->nRowRead++;
  if (R->azDropped[iDone])
    note(R->out, mprintf("%s：行标签“%s”与格式的“%s”不完全相同（少了字），"
                         "按该行读入", zRow, R->azDropped[iDone],
                         tb->aRow[iRow].zLabel));
  for (int c = 0; c < nTok; c++) {
    char zv[32];
    if (aTok[c].e == TK_BLANK && several_numbers(aTok[c].z))
      note(R->out, mprintf("%s：单元格“%s”不是一个数，按空白处理", zRow,
                           aTok[c].z));
    else if (aTok[c].e == TK_NUM && aTok[c].z &&
             !ascii_only(aTok[c].z))                  /* "减4", "57件" */
      note(R->out, mprintf("%s：单元格“%s”读作%s", zRow, aTok[c].z,
                           rf_value_str(aTok[c].v, zv)));
    else if (aTok[c].bOdd)
      note(R->out, mprintf("%s：单元格“%s”不是数，按空白处理", zRow,
                           aTok[c].z));
  }
  if (!tb->aRow[iRow].bData)
    note(R->out, mprintf("%s：以单行给出（无分项），按合计读入", zRow));
  /* empty cells at either end beyond the columns are padding */
  while (nTok > k && aTok[nTok - 1].e == TK_EMPTY) nTok--;
  while (nTok > k && aTok[0].e == TK_EMPTY) { aTok++; nTok--; }
  if (nTok > k) {
    note(R->out, mprintf("%s：有%d个数，多于%d列，只取最后%d个", zRow, nTok,
                         k, k));
    aTok += nTok - k;
    nTok = k;
  }
  if (nTok == k) {
    for (int c = 0; c < k; c++) {
      if (aTok[c].e == TK_NUM && aTok[c].bFits)
        report_set(R->p, base + c, aTok[c].v);
      else
        report_clear(R->p, base + c);
    }
    return;
  }
  /* fewer tokens than cells: search for the readings the row allows */
  if (k > 64) return;
  Search *s = xmalloc(sizeof *s);
  int aSigned[64];
  memset(s, 0, sizeof *s);
  for (int c = 0; c < k; c++)
    aSigned[c] = rf_cell_type(R->f, base + c) == RF_SIGNED;
  s->aTok = aTok;
  s->nTok = nTok;
  s->k = k;
  s->aSigned = aSigned;
  LCheck *aChk = row_checks(R->f, iTab, iRow, &s->nChk);
  s->aChk = aChk;
  gen_split(s, 0, 0, 0);
  gen_missing(s);
  Buf b = BUF_INIT;
  Buf raw = BUF_INIT;
  for (int i = 0; i < nTok; i++)
    buf_printf(&raw, "%s%s", i ? " " : "", aTok[i].z);
  if (s->nCand == 1 && !s->bOverflow) {
    R->aUnsure[iDone] = 1;
    for (int c = 0; c < k; c++) {
      if (s->aCandBlank[0][c]) report_clear(R->p, base + c);
      else report_set(R->p, base + c, s->aCand[0][c]);
    }
    if (nTok == 1 && (bRun || s->aTok[0].bDigits))
      buf_printf(&b, "%s：数字连写“%s”，按本行勾稽关系唯一拆分为 ", zRow,
                 buf_str(&raw));
    else
      buf_printf(&b, "%s：文本只有%d个数“%s”（应为%d个），按本行勾稽关系唯一"
                 "读作 ", zRow, nTok, buf_str(&raw), k);
    fmt_values(&b, s->aCand[0], s->aCandBlank[0], k);
  } else {
    for (int c = 0; c < k; c++) report_clear(R->p, base + c);
    R->out->nAmbiguous++;
    if (s->nCand == 0 && s->nTried == 0 && !s->bOverflow) {
      /* too few numbers and nothing to place them by (the empty cells
      ** left no trace and the row's rules cannot fill them) */
      buf_printf(&b, "%s：文本只有%d个数“%s”（应为%d个），空格没有留下位置，"
                 "无法确定各数所在的列，该行留空", zRow, nTok, buf_str(&raw), k);
    } else if (s->nCand == 0) {
      buf_printf(&b, "%s：“%s”无法按%d列读出（与本行勾稽关系不符），该行留空",
                 zRow, buf_str(&raw), k);
    } else {
      buf_printf(&b, "%s：“%s”有%s%d种读法，无法确定，该行留空；例如 ", zRow,
                 buf_str(&raw), s->bOverflow ? "至少" : "", s->nCand);
      fmt_values(&b, s->aCand[0], s->aCandBlank[0], k);
      buf_puts(&b, " 或 ");
      fmt_values(&b, s->aCand[1], s->aCandBlank[1], k);
    }
  }
  note(R->out, buf_steal(&b));
  buf_free(&raw);
  free_checks(aChk, s->nChk);
  free(s);
}

/* A label-less data row (table 四) waiting for its numbers. */
typedef struct Pending {
  int iTab, iRow;        /* -1 when none */
  Tok aTok[64];
  int nTok;
} Pending;

/* Stores and frees the numbers collected for a label-less row. */
static void pending_flush(Reader *R, Pending *P) {
  if (P->iTab >= 0 && P->nTok > 0)
    store_row(R, P->iTab, P->iRow, P->aTok, P->nTok, 0);
  for (int k = 0; k < P->nTok; k++) free(P->aTok[k].z);
  P->iTab = -1;
  P->nTok = 0;
}

/* Does this line open a label-less row's table (its section title or one
** of its column groups)?  Sets *piTab and *piRow. */
static int opens_labelless(const RfFormat *f, const Line *L, int *piTab,
                           int *piRow) {
  for (int t = 0; t < f->nTable; t++) {
    const RfTable *tb = &f->aTable[t];
    int r;
    for (r = 0; r < tb->nRow; r++)
      if (!tb->aRow[r].zLabel && tb->aRow[r].bData) break;
    if (r == tb->nRow) continue;
    int bHit = 0;
    for (int s = 0; s < f->nSection && !bHit; s++) {
      if (!f->aSection[s].zTitle || !tb->zSection ||
          strcmp(f->aSection[s].zId, tb->zSection))
        continue;
      char *z = rf_label_norm(f->aSection[s].zTitle);
      if (!strcmp(z, L->zNorm)) bHit = 1;
      free(z);
    }
    for (int c = 0; c < tb->nCol && !bHit; c++) {
      if (!tb->aCol[c].zGroup) continue;
      char *zG = xstrdup(tb->aCol[c].zGroup), *zDot = strstr(zG, "·");
      if (zDot) *zDot = 0;
      char *zN = rf_label_norm(zG);
      for (int k = 0; k < L->nField && !bHit; k++)
        if (!strcmp(L->azField[k], zN)) bHit = 1;
      free(zN);
      free(zG);
    }
    if (bHit) { *piTab = t; *piRow = r; return 1; }
  }
  return 0;
}

/* The value of a one-column row laid out label / unit / value on separate
** lines, starting after line i.  Returns 1 with *pTok (copied, caller frees
** z) when a value or an explicit blank was found; consumed lines marked. */
static int vertical_value(Reader *R, Line *aL, int nL, int i, int iTab,
                          int iRow, Tok *pTok) {
  const RfRow *row = &R->f->aTable[iTab].aRow[iRow];
  int bUnit = 0;
  for (int j = i + 1; j < nL && j <= i + 8; j++) {
    Line *L = &aL[j];
    const char *zOne = L->nVal == 1 && !L->zLabel[0] ? L->aVal[0].z : NULL;
    int ti, ri;
    if (bUnit) {
      memset(pTok, 0, sizeof *pTok);
      if (zOne && L->aVal[0].e == TK_NUM) {
        *pTok = L->aVal[0];
        pTok->z = xstrdup(L->aVal[0].z);
        L->bConsumed = 1;
      } else {
        pTok->e = TK_BLANK;
        pTok->z = xstrdup("");
        if (!L->zLabel[0]) L->bConsumed = 1;
      }
      return 1;
    }
    if (!L->zLabel[0] && L->nVal == 0) continue;          /* empty line */
    if (L->zLabel[0] && L->nVal == 0 &&
        ((row->zUnit && !strcmp(L->zLabel, row->zUnit)) ||
         is_blank_mark(L->zLabel) || strlen(L->zLabel) <= 6)) {
      bUnit = 1;
      L->bConsumed = 1;
      continue;
    }
    if (zOne && L->aVal[0].e == TK_NUM) {
      *pTok = L->aVal[0];
      pTok->z = xstrdup(L->aVal[0].z);
      L->bConsumed = 1;
      return 1;
    }
    if (match_row(R, L->zNorm, &ti, &ri)) return 0;        /* next row */
  }
  return 0;
}

/* 1 when a value line comes at or after line j before the next label. */
static int more_values(const Line *aL, int nL, int j) {
  for (; j < nL; j++) {
    const Line *L = &aL[j];
    if (L->zLabel[0]) return 0;
    if (L->bConsumed) continue;
    for (int k = 0; k < L->nVal; k++)
      if (L->aVal[k].e != TK_EMPTY) return 1;
  }
  return 0;
}

/* A row whose cells follow its label one per line (web text that puts
** every cell on a line of its own, "|" separators and blank lines
** between): collects the value-only lines up to the next label, at most
** the row's columns, and stores them.  Returns 1 when any was found. */
static int column_values(Reader *R, Line *aL, int nL, int i, int iTab,
                         int iRow) {
  const RfTable *tb = &R->f->aTable[iTab];
  Tok aTok[64];
  int nTok = 0, nMax = tb->nCol < 64 ? tb->nCol : 64, j;
  for (j = i + 1; j < nL && j <= i + 4 * nMax + 4 && nTok < nMax; j++) {
    Line *L = &aL[j];
    if (L->zLabel[0]) break;
    if (L->bConsumed || L->nVal == 0) continue;
    for (int k = 0; k < L->nVal && nTok < nMax; k++)
      if (L->aVal[k].e != TK_EMPTY) aTok[nTok++] = L->aVal[k];
    L->bConsumed = 1;
  }
  if (nTok == 0) return 0;
  if (nTok == nMax && more_values(aL, nL, j)) R->aScrambled[iTab] = 1;
  store_row(R, iTab, iRow, aTok, nTok, 0);
  R->aUnsure[row_order(R->f, iTab, iRow)] = 1;
  return 1;
}

/* Rows read one cell per line or completed by their rules, in a table
** whose text is out of order (see Reader.aScrambled), are not the table's
** rows: their cells are cleared, with one note per table, rather than
** checked as read. */
static void clear_scrambled(Reader *R) {
  for (int t = 0; t < R->f->nTable; t++) {
    const RfTable *tb = &R->f->aTable[t];
    int nRow = 0;
    if (!R->aScrambled[t]) continue;
    for (int r = 0; r < tb->nRow; r++) {
      if (!R->aUnsure[row_order(R->f, t, r)]) continue;
      for (int c = 0; c < tb->nCol; c++)
        report_clear(R->p, tb->iCell0 + r * tb->nCol + c);
      nRow++;
    }
    note(R->out, mprintf("表 %s：有行标签后面的数多于该行的%d列，文字的次序不是"
                         "表格的次序（如从PDF阅读器复制的文字），一格一行读出或按"
                         "勾稽关系补足的%d行全部按空白处理；请上传PDF文件本身", tb->zId,
                         tb->nCol, nRow));
  }
}

/* A label wrapped around its numbers (PDF layout text): zHead (the label
** text before, may be "") followed by the value-less label lines after
** line i, up to three.  On a match, those lines are consumed. */
static int wrapped_label(Reader *R, Line *aL, int nL, int i,
                         const char *zHead, int *pt, int *pr) {
  Buf b = BUF_INIT;
  int bMatch = 0;
  buf_puts(&b, zHead);
  for (int j = i + 1; j < nL && j <= i + 3 && !bMatch; j++) {
    Line *L = &aL[j];
    if (L->bConsumed || !L->zLabel[0] || L->nVal) break;
    buf_puts(&b, L->zNorm);
    if (match_row(R, buf_str(&b), pt, pr)) {
      bMatch = 1;
      for (int k = i + 1; k <= j; k++) aL[k].bConsumed = 1;
    }
  }
  buf_free(&b);
  return bMatch;
}

/* 1 when the line has a value that is not an empty cell (a header row
** padded with empty cells, "对外公开总数量 |||", has none). */
static int has_values(const Line *L) {
  for (int k = 0; k < L->nVal; k++)
    if (L->aVal[k].e != TK_EMPTY) return 1;
  return 0;
}

#define ALT_TEXT_MAX 12   /* characters of a text cell read as blank */

/* A row with a cell of other text among or instead of its numbers
** ("行政许可 | 1200元", "… | 3 | 见说明 | 0 |", "收费 | 12.35万"): the
** text would end the label and the row would not be found.  Tries the
** label made of the first j fields, shortest first, and stores the
** cells after it, the text cells as blanks (noted), when it names a data
** row and the cells are exactly the row's.  The text cells must be short;
** in text split on spaces (no cell boundaries), the first cell must be a
** number or a blank mark, so prose ("受理行政许可 203 件", "办理行政许可
** 共计1286件") is never read as a row.  Returns 1 when stored. */
static int alt_row(Reader *R, const Line *L) {
  for (int j = 1; j < L->nAll; j++) {
    const Tok *aRest = L->aAll + j;
    int nRest = L->nAll - j, t, r, bOk = 1;
    if (L->aAll[j - 1].e != TK_TEXT) continue;
    while (nRest > 0 && aRest[nRest - 1].e == TK_EMPTY) nRest--;
    if (!L->bCells && aRest[0].e != TK_NUM && aRest[0].e != TK_BLANK)
      continue;
    for (int k = 0; k < nRest && bOk; k++)
      if (aRest[k].e == TK_TEXT &&
          utf8_len(aRest[k].z, strlen(aRest[k].z)) > ALT_TEXT_MAX)
        bOk = 0;
    if (!bOk) continue;
    Buf lab = BUF_INIT;
    for (int k = 0; k < j; k++) buf_puts(&lab, L->aAll[k].z);
    char *zNorm = rf_label_norm(buf_str(&lab));
    buf_free(&lab);
    bOk = match_row(R, zNorm, &t, &r) && R->f->aTable[t].aRow[r].bData &&
          nRest == R->f->aTable[t].nCol;
    free(zNorm);
    if (!bOk) continue;
    Tok *aV = xmalloc(sizeof(Tok) * (size_t)nRest);
    for (int k = 0; k < nRest; k++) {
      aV[k] = aRest[k];
      if (aV[k].e == TK_TEXT) { aV[k].e = TK_BLANK; aV[k].bOdd = 1; }
    }
    store_row(R, t, r, aV, nRest, 0);
    free(aV);
    return 1;
  }
  return 0;
}

/* A matched label that goes on over the next lines before its numbers
** (PDF layout text: "（二）部分公开（区分处理的，只计这一情形，不" /
** "计其他情形）" / "4  0  0 …"): the label lines that match no row are
** skipped and the numbers line after them is the row's.  Returns 1 when
** stored. */
static int label_continued(Reader *R, Line *aL, int nL, int i, int iTab,
                           int iRow) {
  const RfTable *tb = &R->f->aTable[iTab];
  for (int j = i + 1; j < nL && j <= i + 3; j++) {
    Line *L = &aL[j];
    int ti, ri;
    if (L->bConsumed) return 0;
    if (L->zLabel[0]) {
      if (L->nVal || match_row(R, L->zNorm, &ti, &ri)) return 0;
      continue;                         /* the label's next words */
    }
    if (!has_values(L)) continue;
    for (int k = i + 1; k < j; k++) aL[k].bConsumed = 1;
    if (tb->nCol > 1 && L->nVal < tb->nCol)
      column_values(R, aL, nL, j - 1, iTab, iRow);
    else {
      store_row(R, iTab, iRow, L->aVal, L->nVal, 0);
      L->bConsumed = 1;
    }
    return 1;
  }
  return 0;
}

/* Walks the lines, matching labels to rows and storing their numbers. */
static void read_lines(Reader *R, Line *aL, int nL) {
  Pending P;
  Buf prev = BUF_INIT;      /* label text of value-less lines just before */
  P.iTab = -1;
  P.nTok = 0;
  for (int i = 0; i < nL; i++) {
    Line *L = &aL[i];
    int t = -1, r = -1, bMatch = 0;
    if (L->bConsumed) continue;
    /* numbers only: feed a waiting label-less row */
    if (!L->zLabel[0]) {
      if (L->nVal && P.iTab >= 0) {
        for (int k = 0; k < L->nVal && P.nTok < 64; k++) {
          P.aTok[P.nTok] = L->aVal[k];
          P.aTok[P.nTok++].z = xstrdup(L->aVal[k].z);
        }
        if (P.nTok >= R->f->aTable[P.iTab].nCol) pending_flush(R, &P);
      } else if (L->nVal && prev.n &&
                 (match_row(R, buf_str(&prev), &t, &r) ||
                  wrapped_label(R, aL, nL, i, buf_str(&prev), &t, &r)) &&
                 R->f->aTable[t].aRow[r].bData) {
        /* a label wrapped over the lines around its numbers */
        store_row(R, t, r, L->aVal, L->nVal, 0);
        buf_reset(&prev);
      }
      continue;
    }
    if (P.nTok) pending_flush(R, &P);
    {
      int ti, ri;
      if (opens_labelless(R->f, L, &ti, &ri) &&
          !R->aDone[row_order(R->f, ti, ri)]) {
        P.iTab = ti;
        P.iRow = ri;
        P.nTok = 0;
      }
    }
    bMatch = match_row(R, L->zNorm, &t, &r);
    if (!bMatch && L->zNorm2) bMatch = match_row(R, L->zNorm2, &t, &r);
    if (!bMatch && L->zNormHead) bMatch = match_row(R, L->zNormHead, &t, &r);
    /* a label wrapped around its numbers: only real numbers count (the
    ** empty cells padding a header line are not a row's values) */
    if (!bMatch && has_values(L) && prev.n) {
      Buf both = BUF_INIT;
      buf_printf(&both, "%s%s", buf_str(&prev), L->zNorm);
      bMatch = match_row(R, buf_str(&both), &t, &r);
      if (!bMatch) bMatch = wrapped_label(R, aL, nL, i, buf_str(&both), &t, &r);
      buf_free(&both);
    }
    if (!bMatch && has_values(L))
      bMatch = wrapped_label(R, aL, nL, i, L->zNorm, &t, &r);
    if (!bMatch && alt_row(R, L)) {
      buf_reset(&prev);
      continue;
    }
    if (!bMatch) {
      if (L->nVal) buf_reset(&prev);
      else buf_puts(&prev, L->zNorm);
      if (prev.n > 200) buf_reset(&prev);
      continue;
    }
    buf_reset(&prev);
    const RfTable *tb = &R->f->aTable[t];
    Tok tk;
    if (L->nVal) {
      store_row(R, t, r, L->aVal, L->nVal, L->bRun);
    } else if (tb->nCol > 1 && tb->aRow[r].bData &&
               column_values(R, aL, nL, i, t, r)) {
      /* stored: one cell per line under the label */
    } else if (tb->nCol == 1 && tb->aRow[r].bData &&
               vertical_value(R, aL, nL, i, t, r, &tk)) {
      store_row(R, t, r, &tk, 1, 0);
      free(tk.z);
    } else if (L->zNorm2 && alt_row(R, L)) {
      /* stored: the last field was a text cell, not a unit */
    } else if (tb->aRow[r].bData && label_continued(R, aL, nL, i, t, r)) {
      /* stored: the label went on over lines before its numbers */
    } else {
      R->iLastOrder = row_order(R->f, t, r);
      if (tb->aRow[r].bData) R->nLabelOnly++;
    }
  }
  if (P.nTok) pending_flush(R, &P);
  buf_free(&prev);
}

/* 1 when z ends like the name of an organ (县卫生健康局, 龙口镇, 市人民政府
** 办公室, 市政府研究室) and is not a pronoun (我局, 本机关): a sentence cut before a year
** ("本报告所列数据的统计期限为") is none. */
static int looks_like_org(const char *z) {
  static const char *azEnd[] = {"局", "镇", "乡", "街道", "办事处", "政府",
                                "办公室", "研究室", "委员会", "委", "办", "厅",
                                "中心", "所", "站", "院", "馆", "处", "部",
                                "署", "县", "区", "市", "省", "州", "旗",
                                "管委会"};
  size_t n = strlen(z);
  if (!strncmp(z, "我", 3) || !strncmp(z, "本", 3) || !strncmp(z, "该", 3))
    return 0;
  for (size_t i = 0; i < sizeof azEnd / sizeof *azEnd; i++) {
    size_t m = strlen(azEnd[i]);
    if (n > m && !strcmp(z + n - m, azEnd[i])) return 1;
  }
  return 0;
}

/* The organisation in the text before a year: the whole text when it is
** a title ("仪陇县新政镇"), else what follows the sentence's last
** punctuation without the verb that announces it ("根据《条例》,现向社会
** 公布龙口镇" gives 龙口镇, "(一)主动公开情况。" nothing).  Caller frees. */
static char *org_of_sentence(const char *z, size_t n) {
  static const char *azPunct[] = {"。", "，", ",", "：", ":", "；", ";",
                                  "》", "、", ")", "）"};
  static const char *azVerb[] = {"现向社会公布", "现公布", "现发布",
                                 "特向社会公布", "向社会公布", "公布",
                                 "现将"};
  char *zAll = fold_trim(z, n), *zFrom = zAll;
  for (size_t i = 0; i < sizeof azPunct / sizeof *azPunct; i++) {
    for (char *f = strstr(zFrom, azPunct[i]); f; f = strstr(zFrom, azPunct[i]))
      zFrom = f + strlen(azPunct[i]);
  }
  for (size_t i = 0; i < sizeof azVerb / sizeof *azVerb; i++) {
    size_t m = strlen(azVerb[i]);
    if (!strncmp(zFrom, azVerb[i], m)) { zFrom += m; break; }
  }
  char *zOrg = fold_trim(zFrom, strlen(zFrom));
  free(zAll);
  if (!looks_like_org(zOrg)) zOrg[0] = 0;
  return zOrg;
}

/* The organisation named between a year and the report's name
** ("2021年石家庄市教育局政府信息公开工作年度报告", "2020年度文教局政府
** 信息公开…"), or NULL: never a clause of a sentence ("2020年,我街按照全区
** 政府信息公开…", folded: no punctuation between).  Caller frees. */
static char *org_after_year(const char *z) {
  if (!strncmp(z, "度", 3)) z += 3;
  const char *e = strstr(z, "政府信息公开");
  if (!e || e == z || e - z > 90) return NULL;
  char *zOrg = fold_trim(z, (size_t)(e - z));
  if (looks_like_org(zOrg) && !strpbrk(zOrg, ",;:.!?") &&
      !strstr(zOrg, "、") && !strstr(zOrg, "。"))
    return zOrg;
  free(zOrg);
  return NULL;
}

/* The title's first line when it names the organ alone ("洪泽区人民政府"
** above "2023 年政府信息公开工作年度报告"): zPrev when it looks like an
** organisation and has no punctuation, and zLine is a title, else NULL.
** Caller frees. */
static char *org_above_title(const char *zPrev, const char *zLine) {
  if (!zPrev[0] || strlen(zPrev) > 60 || !strstr(zLine, "报告") ||
      !looks_like_org(zPrev))
    return NULL;
  for (const char *c = zPrev; *c; c++)     /* "首页 > 区政府": a breadcrumb */
    if (!((unsigned char)*c & 0x80)) return NULL;
  char *zOrg = org_of_sentence(zPrev, strlen(zPrev));
  if (strcmp(zOrg, zPrev)) zOrg[0] = 0;   /* punctuation: not a title line */
  if (zOrg[0]) return zOrg;
  free(zOrg);
  return NULL;
}

/* Organisation and year from the first lines ("X 2020 年 …", "填报单位：X",
** "X" alone, in Chinese characters only, above "2020 年…报告", a title
** without its year "X政府信息公开工作年度报告"). */
static void find_org_year(const char *zText, Report *p) {
  const char *z = strstr(zText, "填报单位");
  char *zPrev = xstrdup("");
  int nLine = 0;
  if (z) {
    const char *c = strstr(z, "：");
    const char *e = strchr(z, '\n');
    if (c && (!e || c < e)) {
      c += 3;
      char *zOrg = fold_trim(c, e ? (size_t)(e - c) : strlen(c));
      if (zOrg[0]) { free(p->zOrg); p->zOrg = zOrg; } else free(zOrg);
    }
  }
  for (const char *s = zText; *s && nLine < 12; nLine++) {
    const char *e = strchr(s, '\n');
    size_t n = e ? (size_t)(e - s) : strlen(s);
    char *zl = fold_trim(s, n);
    for (char *q = zl; *q; q++) {
      if (q[0] == '2' && q[1] == '0' && isdigit((unsigned char)q[2]) &&
          isdigit((unsigned char)q[3]) && !isdigit((unsigned char)q[4]) &&
          (q == zl || !isdigit((unsigned char)q[-1]))) {
        const char *a = q + 4;
        while (*a == ' ') a++;
        if (!strncmp(a, "年", 3)) {
          if (!p->iYear) p->iYear = atoi(q);
          if (!p->zOrg && q > zl) {
            char *zOrg = org_of_sentence(zl, (size_t)(q - zl));
            if (zOrg[0] && strlen(zOrg) <= 90) p->zOrg = zOrg;
            else free(zOrg);
          }
          if (!p->zOrg) p->zOrg = org_after_year(a + 3);
          if (!p->zOrg && q == zl) p->zOrg = org_above_title(zPrev, zl);
          break;
        }
      }
    }
    if (p->iYear) { free(zl); break; }
    if (!p->zOrg && strstr(zl, "报告"))   /* a title without its year */
      p->zOrg = org_after_year(zl);
    if (zl[0]) { free(zPrev); zPrev = zl; } else free(zl);
    s += n + (e ? 1 : 0);
  }
  free(zPrev);
}

int report_text_read(const RfSet *pSet, const char *zText,
                     const char *zFormat, RtResult *pOut) {
  int nL, nRows = 0;
  Line *aL;
  Reader R;
  memset(pOut, 0, sizeof *pOut);
  const char *zBad = utf8_text_problem(zText, strlen(zText));
  if (zBad) {
    pOut->zErr = mprintf("%s", zBad);
    return -1;
  }
  aL = split_lines(zText, &nL);
  memset(&R, 0, sizeof R);
  if (zFormat) {
    R.f = rf_format_find(pSet, zFormat);
    if (!R.f) pOut->zErr = mprintf("未知的报告格式：%s", zFormat);
  } else {
    int year = text_year(zText);
    R.f = detect(pSet, aL, nL, year);
    if (!R.f && year && year <= RT_LAST_FREE_YEAR)
      pOut->zErr = mprintf("%d年度的报告属于2007年《条例》时期，没有全国统一的"
                           "统计表格式；文本中没有统计表的行或列标签，只有文字，"
                           "无法按表核对", year);
    else if (!R.f)
      pOut->zErr = xstrdup("无法识别报告格式：文本中没有找到任何统计表的行或列标签");
  }
  if (!R.f) goto done;
  for (int t = 0; t < R.f->nTable; t++) nRows += R.f->aTable[t].nRow;
  R.aDone = xmalloc((size_t)(nRows + 1) * sizeof(int));
  memset(R.aDone, 0, (size_t)(nRows + 1) * sizeof(int));
  R.azDropped = xmalloc((size_t)(nRows + 1) * sizeof(char *));
  memset(R.azDropped, 0, (size_t)(nRows + 1) * sizeof(char *));
  R.aUnsure = xmalloc((size_t)(nRows + 1) * sizeof(int));
  memset(R.aUnsure, 0, (size_t)(nRows + 1) * sizeof(int));
  R.aScrambled = xmalloc((size_t)(R.f->nTable + 1) * sizeof(int));
  memset(R.aScrambled, 0, (size_t)(R.f->nTable + 1) * sizeof(int));
  R.iLastOrder = -1;
  R.out = pOut;
  R.p = pOut->pReport = report_new(R.f, NULL, 0);
  find_org_year(zText, R.p);
  note_foreign_labels(pSet, R.f, aL, nL, pOut);
  read_lines(&R, aL, nL);
  clear_scrambled(&R);
  if (pOut->nRowRead == 0 && R.nLabelOnly >= LABEL_ONLY_MIN) {
    /* a published table with its labels and not one number (every cell
    ** left empty): read as all blank, so the format and the year can
    ** still be judged */
    note(pOut, mprintf("表格有%d行只有行标签、没有任何数字，全部按空白处理",
                       R.nLabelOnly));
  } else if (pOut->nRowRead == 0) {
    pOut->zErr = xstrdup("文本中没有读到任何表格数据行");
    report_free(pOut->pReport);
    pOut->pReport = NULL;
    goto done;
  }
  /* rows with numbers in the format that the text did not have */
  for (int t = 0; t < R.f->nTable; t++) {
    const RfTable *tb = &R.f->aTable[t];
    Buf b = BUF_INIT;
    int nMiss = 0;
    for (int r = 0; r < tb->nRow; r++) {
      if (!tb->aRow[r].bData || R.aDone[row_order(R.f, t, r)]) continue;
      /* a group row read as one number covers its children */
      int par = tb->aRow[r].iParent;
      if (par >= 0 && R.aDone[row_order(R.f, t, par)]) continue;
      if (nMiss < 3) buf_printf(&b, "%s%s", nMiss ? "、" : "", row_name(tb, r));
      nMiss++;
    }
    if (nMiss) {
      note(pOut, mprintf("表 %s%s%s 有%d行未在文本中找到（%s%s），按空白处理",
                         tb->zId, tb->zCaption ? " " : "",
                         tb->zCaption ? tb->zCaption : "", nMiss,
                         buf_str(&b), nMiss > 3 ? "等" : ""));
    }
    buf_free(&b);
  }
done:
  if (R.azDropped)
    for (int i = 0; i <= nRows; i++) free(R.azDropped[i]);
  free(R.azDropped);
  free(R.aUnsure);
  free(R.aScrambled);
  free(R.aDone);
  for (int i = 0; i < nL; i++) free_line(&aL[i]);
  free(aL);
  return pOut->zErr ? -1 : 0;
}

void rt_result_free(RtResult *p) {
  report_free(p->pReport);
  for (int i = 0; i < p->nNote; i++) free(p->azNote[i]);
  free(p->azNote);
  free(p->zErr);
  memset(p, 0, sizeof *p);
}
