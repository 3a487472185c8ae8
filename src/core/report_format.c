/*
** report_format.c — parses annual-report format definitions (see
** report_format.h for the schema and the formula syntax) and expands each
** consistency rule into concrete checks over cell indexes.
**
** Parsing is pure: JSON text in, structs out.  rf_set_load_builtin() reads
** the immutable embedded data table only.  Nothing here prints.
*/
#include "core/report_format.h"

#include <ctype.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lib/buf.h"
#include "lib/embed.h"
#include "lib/utf8.h"

/* ---------------------------------------------------------------- labels */

/* Traditional characters of the formats' labels and their simplified
** forms, sorted by the first: a report copied from a mirror that converts
** to traditional script ("第二十條第(五)項 行政許可") keeps its labels.
** Only characters the labels use; a converter's word changes (文件 →
** 檔案) are not undone, so such a label stays unmatched. */
static const uint32_t aHant[][2] = {
  {0x500B, 0x4E2A}, {0x50B3, 0x4F20}, {0x5167, 0x5185}, {0x52D5, 0x52A8},
  {0x52D9, 0x52A1}, {0x5340, 0x533A}, {0x53C3, 0x53C2}, {0x54E1, 0x5458},
  {0x554F, 0x95EE}, {0x55AE, 0x5355}, {0x570B, 0x56FD}, {0x570D, 0x56F4},
  {0x5716, 0x56FE}, {0x57F7, 0x6267}, {0x5831, 0x62A5}, {0x5BE6, 0x5B9E},
  {0x5BE9, 0x5BA1}, {0x5C08, 0x4E13}, {0x5C0D, 0x5BF9}, {0x5C46, 0x5C4A},
  {0x5C6C, 0x5C5E}, {0x5EE2, 0x5E9F}, {0x5F37, 0x5F3A}, {0x5F8C, 0x540E},
  {0x5F91, 0x5F84}, {0x5F9E, 0x4ECE}, {0x5FA9, 0x590D}, {0x5FB5, 0x5F81},
  {0x61C9, 0x5E94}, {0x63A1, 0x91C7}, {0x64DA, 0x636E}, {0x6578, 0x6570},
  {0x65BC, 0x4E8E}, {0x6642, 0x65F6}, {0x66F8, 0x4E66}, {0x6703, 0x4F1A},
  {0x689D, 0x6761}, {0x696D, 0x4E1A}, {0x69CB, 0x6784}, {0x6A5F, 0x673A},
  {0x6AA2, 0x68C0}, {0x6B0A, 0x6743}, {0x6B78, 0x5F52}, {0x6C7A, 0x51B3},
  {0x6C92, 0x6CA1}, {0x6CC1, 0x51B5}, {0x6E1B, 0x51CF}, {0x6FDF, 0x6D4E},
  {0x70BA, 0x4E3A}, {0x7121, 0x65E0}, {0x71B1, 0x70ED}, {0x7232, 0x4E3A},
  {0x7372, 0x83B7}, {0x73FE, 0x73B0}, {0x7522, 0x4EA7}, {0x7576, 0x5F53},
  {0x767C, 0x53D1}, {0x773E, 0x4F17}, {0x78BA, 0x786E}, {0x7A05, 0x7A0E},
  {0x7A69, 0x7A33}, {0x7BC4, 0x8303}, {0x7CFE, 0x7EA0}, {0x7D0D, 0x7EB3},
  {0x7D44, 0x7EC4}, {0x7D50, 0x7ED3}, {0x7D61, 0x7EDC}, {0x7D71, 0x7EDF},
  {0x7D93, 0x7ECF}, {0x7DAD, 0x7EF4}, {0x7DB2, 0x7F51}, {0x7DDA, 0x7EBF},
  {0x7DE8, 0x7F16}, {0x7E3D, 0x603B}, {0x7E54, 0x7EC7}, {0x7E73, 0x7F34},
  {0x7E7C, 0x7EE7}, {0x7E8C, 0x7EED}, {0x7F70, 0x7F5A}, {0x805E, 0x95FB},
  {0x8077, 0x804C}, {0x8207, 0x4E0E}, {0x8209, 0x4E3E}, {0x83EF, 0x534E},
  {0x842C, 0x4E07}, {0x8655, 0x5904}, {0x865F, 0x53F7}, {0x8846, 0x4F17},
  {0x88DC, 0x8865}, {0x88FD, 0x5236}, {0x8907, 0x590D}, {0x898F, 0x89C4},
  {0x8A08, 0x8BA1}, {0x8A0A, 0x8BAF}, {0x8A13, 0x8BAD}, {0x8A1F, 0x8BBC},
  {0x8A2A, 0x8BBF}, {0x8A2D, 0x8BBE}, {0x8A31, 0x8BB8}, {0x8A34, 0x8BC9},
  {0x8A62, 0x8BE2}, {0x8A66, 0x8BD5}, {0x8A8D, 0x8BA4}, {0x8AC7, 0x8C08},
  {0x8ACB, 0x8BF7}, {0x8B49, 0x8BC1}, {0x8B70, 0x8BAE}, {0x8B77, 0x62A4},
  {0x8B80, 0x8BFB}, {0x8CA0, 0x8D1F}, {0x8CAC, 0x8D23}, {0x8CBB, 0x8D39},
  {0x8CC7, 0x8D44}, {0x8CFC, 0x8D2D}, {0x8F2F, 0x8F91}, {0x8F3F, 0x8206},
  {0x8F49, 0x8F6C}, {0x8FA6, 0x529E}, {0x8FAD, 0x8F9E}, {0x9019, 0x8FD9},
  {0x9032, 0x8FDB}, {0x904E, 0x8FC7}, {0x932F, 0x9519}, {0x9580, 0x95E8},
  {0x958B, 0x5F00}, {0x95B1, 0x9605}, {0x95DC, 0x5173}, {0x9673, 0x9648},
  {0x969B, 0x9645}, {0x96B1, 0x9690}, {0x9801, 0x9875}, {0x9805, 0x9879},
  {0x984C, 0x9898}, {0x984D, 0x989D}, {0x985E, 0x7C7B}, {0x986F, 0x663E},
  {0x99C1, 0x9A73}, {0x9AD4, 0x4F53}, {0x9EDE, 0x70B9},
};

/* cp in simplified script when it is one of aHant's traditional forms. */
static uint32_t fold_hant(uint32_t cp) {
  size_t lo = 0, hi = sizeof aHant / sizeof aHant[0];
  if (cp < 0x4E00) return cp;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (aHant[mid][0] == cp) return aHant[mid][1];
    if (aHant[mid][0] < cp) lo = mid + 1; else hi = mid;
  }
  return cp;
}

/* Decodes z into folded code points; returns a new array (caller frees) and
** its length in *pn. */
static uint32_t *decode_folded(const char *z, int *pn) {
  size_t n = strlen(z);
  uint32_t *a = xmalloc((n + 1) * sizeof *a);
  int k = 0;
  size_t i = 0;
  while (i < n) {
    int len;
    uint32_t cp = utf8_decode(z + i, n - i, &len);
    a[k++] = fold_hant(utf8_fold(cp));
    i += (size_t)len;
  }
  *pn = k;
  return a;
}

/* Position where a trailing parenthesised note starts in a[0..n) (code
** points, already folded so both paren forms are '(' ')'), or n when there
** is none.  A note must follow some text other than a leading "(一)". */
static int note_start(const uint32_t *a, int n) {
  int aOpen[32], nOpen = 0, p = -1, enumEnd = 0, i;
  if (n > 0 && a[0] == '(') {
    for (i = 1; i < n && i < 6; i++)
      if (a[i] == ')') { enumEnd = i + 1; break; }
  }
  for (i = 0; i < n; i++) {
    if (a[i] == '(') {
      if (nOpen < 32) aOpen[nOpen] = i;
      nOpen++;
    } else if (a[i] == ')' && nOpen > 0) {
      nOpen--;
      if (nOpen == 0 && nOpen < 32) p = aOpen[0];
    }
  }
  if (nOpen > 0) {
    p = aOpen[0];             /* unclosed: note runs to the end */
  } else {
    int j = n;
    while (j > 0 && utf8_is_space(a[j - 1])) j--;
    if (j == 0 || a[j - 1] != ')') return n;  /* does not end with ')' */
  }
  if (p < 0 || p <= enumEnd) return n;
  return p;
}

char *rf_label_norm(const char *zLabel) {
  Buf b = BUF_INIT;
  int n, i, end;
  uint32_t *a;
  if (!zLabel) return xstrdup("");
  a = decode_folded(zLabel, &n);
  /* drop white space first so the note test sees the real last char */
  {
    int k = 0;
    for (i = 0; i < n; i++)
      if (!utf8_is_space(a[i]) && a[i] != 0xA0) a[k++] = a[i];
    n = k;
  }
  end = note_start(a, n);
  for (i = 0; i < end; i++) {
    uint32_t c = a[i];
    if ((c < 128 && isalnum((int)c)) || utf8_is_cjk(c) ||
        (c >= 0x2E80 && c <= 0x2FDF) || c == 0x3007) {
      char z[4];
      int len = utf8_encode(c, z);
      buf_append(&b, z, (size_t)len);
    }
  }
  free(a);
  return buf_steal(&b);
}

char *rf_value_str(long long v, char *z) {
  long long a = v < 0 ? -v : v;
  long long ip = a / RF_SCALE, fp = a % RF_SCALE;
  int k;
  k = snprintf(z, 32, "%s%lld", v < 0 ? "-" : "", ip);
  if (fp) {
    char f[8];
    int j;
    snprintf(f, sizeof f, "%04lld", fp);
    for (j = 3; j > 0 && f[j] == '0'; j--) f[j] = 0;
    snprintf(z + k, (size_t)(32 - k), ".%s", f);
  }
  return z;
}

int rf_value_parse(const char *z, long long *pv) {
  long long n = 0, frac = 0, scale = RF_SCALE;
  int neg = 0, nDig = 0;
  while (*z == ' ') z++;
  if (*z == '-') {
    neg = 1;
    z++;
  }
  for (; *z >= '0' && *z <= '9'; z++, nDig++) {
    if (n > RF_MAX_UNITS) return -1;
    n = n * 10 + (*z - '0');
  }
  if (*z == '.') {
    z++;
    for (; *z >= '0' && *z <= '9'; z++) {
      if (scale == 1) return -1;
      scale /= 10;
      frac += (*z - '0') * scale;
      nDig++;
    }
  }
  while (*z == ' ') z++;
  if (*z || !nDig || n >= RF_MAX_UNITS) return -1;
  *pv = (n * RF_SCALE + frac) * (neg ? -1 : 1);
  return 0;
}

/* ------------------------------------------------------- small helpers */

/* The string member zKey of o, copied (caller frees), or NULL. */
static char *jstr(json_t *o, const char *zKey) {
  json_t *v = json_object_get(o, zKey);
  return json_is_string(v) ? xstrdup(json_string_value(v)) : NULL;
}

/* Maps a "type" value to RF_INT / RF_SIGNED / RF_DECIMAL (default int). */
static int parse_type(const char *z) {
  if (!z) return RF_INT;
  if (!strcmp(z, "signed")) return RF_SIGNED;
  if (!strcmp(z, "decimal")) return RF_DECIMAL;
  return RF_INT;
}

/* Error context for one parse: the first message wins. */
typedef struct Ctx {
  char *zErr;
} Ctx;

static void ctx_err(Ctx *c, const char *zFmt, ...) {
  if (c->zErr) return;
  Buf b = BUF_INIT;
  va_list ap;
  va_start(ap, zFmt);
  buf_vprintf(&b, zFmt, ap);
  va_end(ap);
  c->zErr = buf_steal(&b);
}

/* -------------------------------------------------- short row labels */

/* Splits a label into its enumerator ("一", "（三）", "1.") and body
** (without a trailing note).  Both are new strings. */
static void split_label(const char *zLabel, char **pzEnum, char **pzBody,
                        int *pbTop) {
  const char *z = zLabel;
  size_t n = strlen(z);
  Buf e = BUF_INIT, body = BUF_INIT;
  size_t i = 0;
  int len;
  uint32_t cp;
  *pbTop = 0;
  cp = utf8_decode(z, n ? n : 1, &len);
  if (n && (cp == '(' || cp == 0xFF08)) {
    size_t j = (size_t)len;
    while (j < n) {
      int l2;
      uint32_t c2 = utf8_decode(z + j, n - j, &l2);
      j += (size_t)l2;
      if (c2 == ')' || c2 == 0xFF09) {
        buf_puts(&e, "（");
        buf_append(&e, z + len, j - (size_t)l2 - (size_t)len);
        buf_puts(&e, "）");
        i = j;
        break;
      }
      if (j - (size_t)len > 12) break;
    }
  } else if (n && cp < 128 && isdigit((int)cp)) {
    size_t j = 0;
    while (j < n && isdigit((unsigned char)z[j])) j++;
    if (j < n && (z[j] == '.' || !strncmp(z + j, "、", 3) ||
                  !strncmp(z + j, "．", 3))) {
      buf_append(&e, z, j);
      buf_putc(&e, '.');
      i = j + (z[j] == '.' ? 1 : 3);
    }
  } else {
    const char *zDun = strstr(z, "、");
    if (zDun && zDun - z <= 9) {
      buf_append(&e, z, (size_t)(zDun - z));
      i = (size_t)(zDun - z) + 3;
      *pbTop = 1;
    }
  }
  /* body minus a trailing note, measured in code points */
  {
    int nc;
    uint32_t *a = decode_folded(z + i, &nc);
    int end = note_start(a, nc), k;
    size_t off = i;
    for (k = 0; k < end; k++) {
      int l3;
      utf8_decode(z + off, n - off, &l3);
      buf_append(&body, z + off, (size_t)l3);
      off += (size_t)l3;
    }
    free(a);
  }
  *pzEnum = buf_steal(&e);
  *pzBody = buf_steal(&body);
}

/* Fills zShort for every row of a table (rows already flattened). */
static void make_shorts(RfTable *t) {
  char **azEnum = xmalloc((size_t)(t->nRow + 1) * sizeof *azEnum);
  for (int i = 0; i < t->nRow; i++) {
    RfRow *r = &t->aRow[i];
    char *zBody;
    int bTop;
    Buf b = BUF_INIT;
    if (!r->zLabel) {
      azEnum[i] = xstrdup("");
      r->zShort = xstrdup("");
      continue;
    }
    split_label(r->zLabel, &azEnum[i], &zBody, &bTop);
    if (r->iDepth == 0) {
      if (bTop && azEnum[i][0] && t->nCol > 1) {
        buf_puts(&b, azEnum[i]);
      } else if (bTop && azEnum[i][0]) {
        buf_printf(&b, "%s、%s", azEnum[i], zBody);
      } else {
        buf_printf(&b, "%s%s", azEnum[i], zBody);
      }
    } else {
      /* ancestors' enumerators, outermost first */
      int aAnc[16], nAnc = 0, p = r->iParent;
      while (p >= 0 && nAnc < 16) { aAnc[nAnc++] = p; p = t->aRow[p].iParent; }
      while (nAnc > 0) buf_puts(&b, azEnum[aAnc[--nAnc]]);
      buf_printf(&b, "%s%s", azEnum[i], zBody);
    }
    r->zShort = buf_steal(&b);
    free(zBody);
  }
  for (int i = 0; i < t->nRow; i++) free(azEnum[i]);
  free(azEnum);
}

/* ------------------------------------------------------ tables, rows */

/* Appends the rows of aRows (and their children, depth first) to t->aRow,
** growing it; *pnAlloc is its capacity.  Errors go to c. */
static void flatten_rows(Ctx *c, RfTable *t, json_t *aRows, int iParent,
                         int iDepth, int *pnAlloc) {
  size_t i;
  json_t *r;
  json_array_foreach(aRows, i, r) {
    RfRow *p;
    json_t *kids = json_object_get(r, "children");
    int me;
    if (t->nRow >= *pnAlloc) {
      *pnAlloc = *pnAlloc ? *pnAlloc * 2 : 16;
      t->aRow = xrealloc(t->aRow, (size_t)*pnAlloc * sizeof *t->aRow);
    }
    me = t->nRow++;
    p = &t->aRow[me];
    memset(p, 0, sizeof *p);
    p->zId = jstr(r, "id");
    p->zLabel = jstr(r, "label");
    p->zNorm = p->zLabel ? rf_label_norm(p->zLabel) : NULL;
    p->zUnit = jstr(r, "unit");
    p->bData = json_is_true(json_object_get(r, "data"));
    p->eType = json_is_string(json_object_get(r, "type"))
                   ? parse_type(json_string_value(json_object_get(r, "type")))
                   : -1;
    p->iParent = iParent;
    p->iDepth = iDepth;
    if (!p->zId) ctx_err(c, "table %s: a row has no id", t->zId);
    if (iParent >= 0) t->aRow[iParent].nChild++;
    if (json_is_array(kids))
      flatten_rows(c, t, kids, me, iDepth + 1, pnAlloc);
  }
}

/* Fills t from the JSON table o; errors go to c.  Allocates. */
static void parse_table(Ctx *c, RfTable *t, json_t *o) {
  json_t *aCols = json_object_get(o, "columns");
  json_t *aRows = json_object_get(o, "rows");
  size_t i;
  json_t *col;
  int nAlloc = 0;
  t->zId = jstr(o, "id");
  t->zCaption = jstr(o, "caption");
  t->zSection = jstr(o, "section");
  {
    json_t *h = json_object_get(o, "header");
    t->zHeadTop = json_is_object(h) ? jstr(h, "top") : NULL;
    t->zHeadNote = json_is_object(h) ? jstr(h, "note_cell") : NULL;
  }
  if (!t->zId) { ctx_err(c, "a table has no id"); return; }
  if (!json_is_array(aCols) || !json_is_array(aRows)) {
    ctx_err(c, "table %s: columns and rows must be arrays", t->zId);
    return;
  }
  t->nCol = (int)json_array_size(aCols);
  t->aCol = xmalloc((size_t)(t->nCol + 1) * sizeof *t->aCol);
  memset(t->aCol, 0, (size_t)(t->nCol + 1) * sizeof *t->aCol);
  json_array_foreach(aCols, i, col) {
    RfColumn *p = &t->aCol[i];
    json_t *g = json_object_get(col, "group");
    p->zId = jstr(col, "id");
    p->zLabel = jstr(col, "label");
    if (!p->zLabel) p->zLabel = xstrdup("");
    p->zNorm = rf_label_norm(p->zLabel);
    p->eType = parse_type(json_string_value(json_object_get(col, "type")));
    if (json_is_string(g)) {
      p->zGroup = xstrdup(json_string_value(g));
    } else if (json_is_array(g)) {
      Buf b = BUF_INIT;
      size_t k;
      json_t *x;
      json_array_foreach(g, k, x) {
        if (k) buf_puts(&b, "·");
        buf_puts(&b, json_string_value(x));
      }
      p->zGroup = buf_steal(&b);
    }
    if (!p->zId) ctx_err(c, "table %s: a column has no id", t->zId);
  }
  /* message label: add the group when the plain label repeats */
  for (int a = 0; a < t->nCol; a++) {
    int bDup = 0;
    for (int k = 0; k < t->nCol; k++)
      if (k != a && !strcmp(t->aCol[k].zLabel, t->aCol[a].zLabel)) bDup = 1;
    t->aCol[a].zShow = (bDup && t->aCol[a].zGroup)
                           ? mprintf("%s·%s", t->aCol[a].zGroup,
                                     t->aCol[a].zLabel)
                           : xstrdup(t->aCol[a].zLabel);
  }
  flatten_rows(c, t, aRows, -1, 0, &nAlloc);
  make_shorts(t);
}

/* --------------------------------------------------------- formulas */

typedef struct RawTerm {
  int sign;
  char *zTable, *zRow, *zCol;   /* as written */
  int iYear;
} RawTerm;

typedef struct RawSide {
  RawTerm *a; int n, nAlloc;
} RawSide;

enum { VAR_LIST, VAR_COLS, VAR_ROWS };
typedef struct Var {
  char *zName;
  int eKind;
  char *zTable;       /* for VAR_COLS / VAR_ROWS, may be NULL until known */
  char **azVal; int nVal;
} Var;

typedef struct Parser {
  const char *z;      /* formula text */
  int i;              /* position */
  int bErr;
} Parser;

/* Advances past blanks. */
static void skip_ws(Parser *p) {
  while (p->z[p->i] == ' ' || p->z[p->i] == '\t') p->i++;
}

/* 1 for a character of an id or dotted index: [A-Za-z0-9_.]. */
static int is_ident(char c) {
  return isalnum((unsigned char)c) || c == '_' || c == '.';
}

/* Reads [A-Za-z0-9_.]+ ; returns a new string or NULL. */
static char *read_word(Parser *p) {
  int s;
  skip_ws(p);
  s = p->i;
  while (is_ident(p->z[p->i])) p->i++;
  if (p->i == s) return NULL;
  return xstrndup(p->z + s, (size_t)(p->i - s));
}

/* Consumes zTok (after blanks) if it comes next; returns 1 if it did. */
static int accept(Parser *p, const char *zTok) {
  size_t n = strlen(zTok);
  skip_ws(p);
  if (!strncmp(p->z + p->i, zTok, n)) { p->i += (int)n; return 1; }
  return 0;
}

/* Appends a term to s, taking ownership of the three strings. */
static void side_add(RawSide *s, int sign, char *zT, char *zR, char *zC,
                     int iYear) {
  if (s->n >= s->nAlloc) {
    s->nAlloc = s->nAlloc ? s->nAlloc * 2 : 8;
    s->a = xrealloc(s->a, (size_t)s->nAlloc * sizeof *s->a);
  }
  s->a[s->n].sign = sign;
  s->a[s->n].zTable = zT;
  s->a[s->n].zRow = zR;
  s->a[s->n].zCol = zC;
  s->a[s->n].iYear = iYear;
  s->n++;
}

/* Frees the terms of s and zeroes it. */
static void side_free(RawSide *s) {
  for (int i = 0; i < s->n; i++) {
    free(s->a[i].zTable); free(s->a[i].zRow); free(s->a[i].zCol);
  }
  free(s->a);
  memset(s, 0, sizeof *s);
}

/* Optional year annotation after a reference: (year Y), (Y), (Y-1). */
static int parse_year(Parser *p) {
  int save = p->i, iYear = 0;
  skip_ws(p);
  if (p->z[p->i] != '(') return 0;
  p->i++;
  skip_ws(p);
  if (!strncmp(p->z + p->i, "year", 4)) p->i += 4;
  skip_ws(p);
  if (p->z[p->i] != 'Y') { p->i = save; return 0; }
  p->i++;
  skip_ws(p);
  if (p->z[p->i] == '-') {
    p->i++;
    skip_ws(p);
    iYear = -atoi(p->z + p->i);
    while (isdigit((unsigned char)p->z[p->i])) p->i++;
  }
  skip_ws(p);
  if (p->z[p->i] != ')') { p->i = save; return 0; }
  p->i++;
  return iYear;
}

static void parse_sum(Parser *p, RawSide *s, int sign);

/* term := '(' sum ')' | T[row][col] [year]; appends to s with sign.
** Sets p->bErr on a syntax error. */
static void parse_term(Parser *p, RawSide *s, int sign) {
  char *zT, *zR, *zC;
  skip_ws(p);
  if (accept(p, "(")) {
    parse_sum(p, s, sign);
    if (!accept(p, ")")) p->bErr = 1;
    return;
  }
  zT = read_word(p);
  if (!zT || !accept(p, "[")) { free(zT); p->bErr = 1; return; }
  zR = read_word(p);
  if (!zR || !accept(p, "]") || !accept(p, "[")) {
    free(zT); free(zR); p->bErr = 1; return;
  }
  zC = read_word(p);
  if (!zC || !accept(p, "]")) {
    free(zT); free(zR); free(zC); p->bErr = 1; return;
  }
  side_add(s, sign, zT, zR, zC, parse_year(p));
}

/* sum := ['-'] term { ('+' | '-') term }; signs multiply into sign. */
static void parse_sum(Parser *p, RawSide *s, int sign) {
  int sg = 1;
  if (accept(p, "-")) sg = -1;
  parse_term(p, s, sign * sg);
  while (!p->bErr) {
    if (accept(p, "+")) parse_term(p, s, sign);
    else if (accept(p, "-")) parse_term(p, s, -sign);
    else break;
  }
}

/* "[a, b]" or "{a, b}" list into v. */
static int parse_list(Parser *p, Var *v) {
  char cEnd;
  skip_ws(p);
  if (p->z[p->i] == '[') cEnd = ']';
  else if (p->z[p->i] == '{') cEnd = '}';
  else return -1;
  p->i++;
  for (;;) {
    char *w = read_word(p);
    if (!w) return -1;
    v->azVal = xrealloc(v->azVal, (size_t)(v->nVal + 1) * sizeof(char *));
    v->azVal[v->nVal++] = w;
    skip_ws(p);
    if (p->z[p->i] == ',') { p->i++; continue; }
    if (p->z[p->i] == cEnd) { p->i++; return 0; }
    return -1;
  }
}

/* Frees what a Var owns. */
static void var_free(Var *v) {
  free(v->zName);
  free(v->zTable);
  for (int i = 0; i < v->nVal; i++) free(v->azVal[i]);
  free(v->azVal);
}

/* Parses a quantifier "for ..." (without the trailing ':') into v. */
static int parse_quant(const char *z, Var *v) {
  Parser p = {z, 0, 0};
  memset(v, 0, sizeof *v);
  if (!accept(&p, "for ")) return -1;
  if (accept(&p, "each ")) {
    if (accept(&p, "column ")) v->eKind = VAR_COLS;
    else if (accept(&p, "data row ")) v->eKind = VAR_ROWS;
    else if (accept(&p, "row ")) v->eKind = VAR_ROWS;
    else return -1;
    v->zName = read_word(&p);
    if (!v->zName) return -1;
    if (accept(&p, "in ")) {
      char *w = read_word(&p);
      if (!w) return -1;
      char *zDot = strstr(w, ".columns");
      if (zDot) *zDot = 0;
      v->zTable = w;
    }
  } else {
    v->eKind = VAR_LIST;
    v->zName = read_word(&p);
    if (!v->zName || !accept(&p, "in ")) return -1;
    if (parse_list(&p, v)) return -1;
  }
  skip_ws(&p);
  return p.z[p.i] ? -1 : 0;
}

/* Substitutes list variables in a dotted index; returns a new string. */
static char *subst(const char *zIdx, Var *aVar, int nVar, const int *aPick) {
  Buf b = BUF_INIT;
  const char *s = zIdx;
  while (*s) {
    const char *e = strchr(s, '.');
    size_t n = e ? (size_t)(e - s) : strlen(s);
    int k, done = 0;
    for (k = 0; k < nVar; k++) {
      if (strlen(aVar[k].zName) == n && !strncmp(aVar[k].zName, s, n) &&
          aPick[k] >= 0 && aPick[k] < aVar[k].nVal) {
        buf_puts(&b, aVar[k].azVal[aPick[k]]);
        done = 1;
        break;
      }
    }
    if (!done) buf_append(&b, s, n);
    if (!e) break;
    buf_putc(&b, '.');
    s = e + 1;
  }
  return buf_steal(&b);
}

/* Index of the variable named z, or -1. */
static int find_var(Var *aVar, int nVar, const char *z) {
  for (int k = 0; k < nVar; k++)
    if (!strcmp(aVar[k].zName, z)) return k;
  return -1;
}

/* Adds a variable (if new) for a bare index that names no row/column. */
static void note_free_var(Var **paVar, int *pnVar, const char *zIdx,
                          const char *zTable, int eKind,
                          const RfFormat *pFmt) {
  const RfTable *t = rf_table_find(pFmt, zTable);
  int k;
  k = find_var(*paVar, *pnVar, zIdx);
  if (k >= 0) {
    if (!(*paVar)[k].zTable && (*paVar)[k].eKind != VAR_LIST)
      (*paVar)[k].zTable = xstrdup(zTable);
    return;
  }
  if (!t || strlen(zIdx) != 1 || !islower((unsigned char)zIdx[0])) return;
  if (eKind == VAR_COLS ? rf_col_find(t, zIdx) >= 0
                        : rf_row_find(t, zIdx) >= 0)
    return;
  *paVar = xrealloc(*paVar, (size_t)(*pnVar + 1) * sizeof **paVar);
  memset(&(*paVar)[*pnVar], 0, sizeof **paVar);
  (*paVar)[*pnVar].zName = xstrdup(zIdx);
  (*paVar)[*pnVar].eKind = eKind;
  (*paVar)[*pnVar].zTable = xstrdup(zTable);
  (*pnVar)++;
}

/* Gives a column/row variable its values: every column, or every data
** row, of its table.  List variables already have theirs. */
static void fill_var_values(Var *v, const RfFormat *pFmt) {
  const RfTable *t;
  if (v->eKind == VAR_LIST || v->nVal) return;
  t = v->zTable ? rf_table_find(pFmt, v->zTable) : NULL;
  if (!t) return;
  if (v->eKind == VAR_COLS) {
    for (int i = 0; i < t->nCol; i++) {
      v->azVal = xrealloc(v->azVal, (size_t)(v->nVal + 1) * sizeof(char *));
      v->azVal[v->nVal++] = xstrdup(t->aCol[i].zId);
    }
  } else {
    for (int i = 0; i < t->nRow; i++) {
      if (!t->aRow[i].bData) continue;
      v->azVal = xrealloc(v->azVal, (size_t)(v->nVal + 1) * sizeof(char *));
      v->azVal[v->nVal++] = xstrdup(t->aRow[i].zId);
    }
  }
}

/* Resolves one side for one assignment; returns -1 naming the bad ref. */
static int resolve_side(Ctx *c, const RfFormat *pFmt, const RfRule *pRule,
                        RawSide *s, Var *aVar, int nVar, const int *aPick,
                        RfTerm **paOut, int *pnOut) {
  RfTerm *a = xmalloc((size_t)(s->n + 1) * sizeof *a);
  for (int i = 0; i < s->n; i++) {
    char *zR = subst(s->a[i].zRow, aVar, nVar, aPick);
    char *zC = subst(s->a[i].zCol, aVar, nVar, aPick);
    int iCell = rf_cell(pFmt, s->a[i].zTable, zR, zC);
    if (iCell < 0) {
      ctx_err(c, "format %s rule %s: no cell %s[%s][%s]", pFmt->zId,
              pRule->zId, s->a[i].zTable, zR, zC);
      free(zR); free(zC); free(a);
      return -1;
    }
    a[i].sign = s->a[i].sign;
    a[i].iCell = iCell;
    a[i].iYear = s->a[i].iYear;
    free(zR); free(zC);
  }
  *paOut = a;
  *pnOut = s->n;
  return 0;
}

/* Context for messages: the column or row all terms share. */
static char *check_context(const RfFormat *pFmt, const RfCheck *k) {
  int iT = -1, iR = -1, iC = -1, bRow = 1, bCol = 1, n = 0;
  for (int s = 0; s < 2; s++) {
    const RfTerm *a = s ? k->aRhs : k->aLhs;
    int na = s ? k->nRhs : k->nLhs;
    for (int i = 0; i < na; i++) {
      int t = -1, r = -1, col = -1;
      rf_cell_locate(pFmt, a[i].iCell, &t, &r, &col);
      if (n++ == 0) { iT = t; iR = r; iC = col; continue; }
      if (t != iT || r != iR) bRow = 0;
      if (t != iT || col != iC) bCol = 0;
    }
  }
  if (iT < 0) return xstrdup("");
  const RfTable *t = &pFmt->aTable[iT];
  if (bCol && t->nCol > 1) return mprintf("%s列", t->aCol[iC].zShow);
  if (bRow && t->aRow[iR].zLabel) return mprintf("%s行", t->aRow[iR].zShort);
  if (bRow) {
    /* a label-less row: name the column group all terms share */
    const char *zG = NULL;
    for (int s = 0; s < 2; s++) {
      const RfTerm *a = s ? k->aRhs : k->aLhs;
      int na = s ? k->nRhs : k->nLhs;
      for (int i = 0; i < na; i++) {
        int col = 0;
        rf_cell_locate(pFmt, a[i].iCell, NULL, NULL, &col);
        const char *zG2 = t->aCol[col].zGroup;
        if (!zG) zG = zG2 ? zG2 : "";
        else if (!zG2 || strcmp(zG, zG2)) zG = "";
      }
    }
    return xstrdup(zG ? zG : "");
  }
  return xstrdup("");
}

/* Expands a formula rule into checks.  Returns 0, or -1 when the formula
** does not parse (the rule becomes a note) — errors resolving references
** of a parsed formula go to c (the format is rejected). */
static int expand_rule(Ctx *c, const RfFormat *pFmt, RfRule *pRule) {
  char *z = xstrdup(pRule->zFormula), *zBody, *zSemi, *zTail;
  Var *aVar = NULL;
  int nVar = 0, rc = -1, op = RF_EQ;
  RawSide lhs = {0}, rhs = {0};
  Parser p;
  if ((zSemi = strchr(z, ';')) != NULL) *zSemi = 0;
  zBody = z;
  while (*zBody == ' ') zBody++;
  if (!strncmp(zBody, "for ", 4)) {
    char *zColon = strchr(zBody, ':');
    if (!zColon) goto done;
    *zColon = 0;
    aVar = xmalloc(sizeof *aVar);
    if (parse_quant(zBody, &aVar[0])) { var_free(&aVar[0]); goto done; }
    nVar = 1;
    zBody = zColon + 1;
  }
  if ((zTail = strstr(zBody, ", for ")) != NULL) {
    *zTail = 0;
    aVar = xrealloc(aVar, (size_t)(nVar + 1) * sizeof *aVar);
    if (parse_quant(zTail + 2, &aVar[nVar])) {
      var_free(&aVar[nVar]);
      goto done;
    }
    nVar++;
  }
  p.z = zBody;
  p.i = 0;
  p.bErr = 0;
  parse_sum(&p, &lhs, 1);
  if (p.bErr) goto done;
  if (accept(&p, "==")) op = RF_EQ;
  else if (accept(&p, "<=")) op = RF_LE;
  else if (accept(&p, ">=")) op = RF_GE;
  else goto done;
  parse_sum(&p, &rhs, 1);
  skip_ws(&p);
  if (p.bErr || p.z[p.i]) goto done;
  if (lhs.n == 0 || rhs.n == 0) goto done;
  rc = 0;

  /* free variables and the tables of column/row quantifiers */
  for (int s = 0; s < 2; s++) {
    RawSide *sd = s ? &rhs : &lhs;
    for (int i = 0; i < sd->n; i++) {
      if (sd->a[i].iYear) pRule->bCrossYear = 1;
      note_free_var(&aVar, &nVar, sd->a[i].zCol, sd->a[i].zTable, VAR_COLS,
                    pFmt);
      note_free_var(&aVar, &nVar, sd->a[i].zRow, sd->a[i].zTable, VAR_ROWS,
                    pFmt);
    }
  }
  for (int k = 0; k < nVar; k++) {
    /* a column/row variable substitutes like a list variable */
    fill_var_values(&aVar[k], pFmt);
    if (aVar[k].nVal == 0) {
      ctx_err(c, "format %s rule %s: variable %s has no values", pFmt->zId,
              pRule->zId, aVar[k].zName);
      goto done;
    }
  }
  {
    int aPick[8] = {0}, nComb = 1;
    if (nVar > 8) { ctx_err(c, "rule %s: too many variables", pRule->zId);
                    goto done; }
    for (int k = 0; k < nVar; k++) nComb *= aVar[k].nVal;
    pRule->aCheck = xmalloc((size_t)(nComb + 1) * sizeof *pRule->aCheck);
    for (int m = 0; m < nComb; m++) {
      RfCheck *ck = &pRule->aCheck[pRule->nCheck];
      int x = m;
      Buf key = BUF_INIT;
      for (int k = nVar - 1; k >= 0; k--) {
        aPick[k] = x % aVar[k].nVal;
        x /= aVar[k].nVal;
      }
      memset(ck, 0, sizeof *ck);
      ck->op = op;
      if (resolve_side(c, pFmt, pRule, &lhs, aVar, nVar, aPick, &ck->aLhs,
                       &ck->nLhs))
        goto done;
      if (resolve_side(c, pFmt, pRule, &rhs, aVar, nVar, aPick, &ck->aRhs,
                       &ck->nRhs)) {
        free(ck->aLhs);
        goto done;
      }
      buf_puts(&key, pRule->zId);
      if (nVar) {
        buf_putc(&key, '[');
        for (int k = 0; k < nVar; k++)
          buf_printf(&key, "%s%s", k ? "," : "", aVar[k].azVal[aPick[k]]);
        buf_putc(&key, ']');
      }
      ck->zKey = buf_steal(&key);
      ck->zContext = check_context(pFmt, ck);
      pRule->nCheck++;
    }
  }
done:
  side_free(&lhs);
  side_free(&rhs);
  for (int k = 0; k < nVar; k++) var_free(&aVar[k]);
  free(aVar);
  free(z);
  return rc;
}

/* ---------------------------------------------------------- formats */

/* Frees everything a format owns and zeroes it. */
static void format_free(RfFormat *f) {
  free(f->zId); free(f->zTitle); free(f->zDocNumber);
  for (int i = 0; i < f->nSection; i++) {
    free(f->aSection[i].zId); free(f->aSection[i].zTitle);
  }
  free(f->aSection);
  for (int i = 0; i < f->nTable; i++) {
    RfTable *t = &f->aTable[i];
    free(t->zId); free(t->zCaption); free(t->zSection);
    free(t->zHeadTop); free(t->zHeadNote);
    for (int k = 0; k < t->nCol; k++) {
      free(t->aCol[k].zId); free(t->aCol[k].zLabel); free(t->aCol[k].zGroup);
      free(t->aCol[k].zNorm); free(t->aCol[k].zShow);
    }
    free(t->aCol);
    for (int k = 0; k < t->nRow; k++) {
      RfRow *r = &t->aRow[k];
      free(r->zId); free(r->zLabel); free(r->zNorm); free(r->zShort);
      free(r->zUnit);
    }
    free(t->aRow);
  }
  free(f->aTable);
  for (int i = 0; i < f->nRule; i++) {
    RfRule *r = &f->aRule[i];
    free(r->zId); free(r->zStatus); free(r->zText); free(r->zFormula);
    for (int k = 0; k < r->nCheck; k++) {
      free(r->aCheck[k].zKey); free(r->aCheck[k].zContext);
      free(r->aCheck[k].aLhs); free(r->aCheck[k].aRhs);
    }
    free(r->aCheck);
  }
  free(f->aRule);
  memset(f, 0, sizeof *f);
}

/* Fills f from the JSON format o: sections, tables (numbering the cells)
** and rules (expanded into checks).  Errors go to c.  Allocates. */
static void parse_format(Ctx *c, RfFormat *f, json_t *o) {
  json_t *aSec = json_object_get(o, "sections");
  json_t *aTab = json_object_get(o, "tables");
  json_t *aRule = json_object_get(o, "rules");
  json_t *x;
  size_t i;
  f->zId = jstr(o, "id");
  f->zTitle = jstr(o, "title");
  f->zDocNumber = jstr(o, "document_number");
  f->iFirstYear = (int)json_integer_value(
      json_object_get(o, "first_used_for_report_year"));
  f->iLastYear = (int)json_integer_value(
      json_object_get(o, "last_used_for_report_year"));
  if (!f->zId) { ctx_err(c, "a format has no id"); return; }
  if (!f->zTitle) f->zTitle = xstrdup(f->zId);
  if (json_is_array(aSec)) {
    f->aSection = xmalloc((json_array_size(aSec) + 1) * sizeof *f->aSection);
    json_array_foreach(aSec, i, x) {
      f->aSection[f->nSection].zId = jstr(x, "id");
      f->aSection[f->nSection].zTitle = jstr(x, "title");
      f->nSection++;
    }
  }
  if (!json_is_array(aTab)) {
    ctx_err(c, "format %s: tables must be an array", f->zId);
    return;
  }
  f->aTable = xmalloc((json_array_size(aTab) + 1) * sizeof *f->aTable);
  memset(f->aTable, 0, (json_array_size(aTab) + 1) * sizeof *f->aTable);
  json_array_foreach(aTab, i, x) {
    RfTable *t = &f->aTable[f->nTable++];
    parse_table(c, t, x);
    if (c->zErr) return;
    t->iCell0 = f->nCell;
    f->nCell += t->nRow * t->nCol;
  }
  if (!json_is_array(aRule)) return;
  f->aRule = xmalloc((json_array_size(aRule) + 1) * sizeof *f->aRule);
  json_array_foreach(aRule, i, x) {
    RfRule *r = &f->aRule[f->nRule++];
    const char *zSev = json_string_value(json_object_get(x, "severity"));
    const char *zChk = json_string_value(json_object_get(x, "check"));
    memset(r, 0, sizeof *r);
    r->zId = jstr(x, "id");
    r->zStatus = jstr(x, "status");
    r->zText = jstr(x, "text");
    r->zFormula = jstr(x, "formula");
    if (!r->zId) { ctx_err(c, "format %s: a rule has no id", f->zId); return; }
    r->eSeverity = (zSev && !strcmp(zSev, "warning")) ? RF_WARNING : RF_ERROR;
    if (zChk && !strcmp(zChk, "cell_types")) {
      r->eKind = RF_RULE_CELL_TYPES;
    } else if (!r->zFormula || expand_rule(c, f, r)) {
      r->eKind = RF_RULE_NOTE;
    } else {
      r->eKind = RF_RULE_FORMULA;
    }
    if (c->zErr) return;
  }
}

int rf_set_parse(RfSet *pSet, const char *zJson, char **pzErr) {
  json_error_t jerr;
  json_t *root = json_loads(zJson, 0, &jerr), *aFmt, *x;
  Ctx c = {NULL};
  size_t i, n0 = (size_t)pSet->nFormat;
  *pzErr = NULL;
  if (!root) {
    *pzErr = mprintf("JSON error at line %d: %s", jerr.line, jerr.text);
    return -1;
  }
  aFmt = json_object_get(root, "formats");
  if (!json_is_array(aFmt)) {
    json_decref(root);
    *pzErr = xstrdup("no \"formats\" array");
    return -1;
  }
  pSet->aFormat = xrealloc(pSet->aFormat, (n0 + json_array_size(aFmt) + 1) *
                                              sizeof *pSet->aFormat);
  json_array_foreach(aFmt, i, x) {
    RfFormat *f = &pSet->aFormat[pSet->nFormat];
    memset(f, 0, sizeof *f);
    parse_format(&c, f, x);
    if (!c.zErr && rf_format_find(pSet, f->zId))
      ctx_err(&c, "duplicate format id %s", f->zId);
    pSet->nFormat++;
    if (c.zErr) break;
  }
  json_decref(root);
  if (c.zErr) {
    while ((size_t)pSet->nFormat > n0)
      format_free(&pSet->aFormat[--pSet->nFormat]);
    *pzErr = c.zErr;
    return -1;
  }
  return 0;
}

int rf_set_load_builtin(RfSet *pSet, char **pzErr) {
  *pzErr = NULL;
  for (const Embedded *e = aData; e->zName; e++) {
    size_t n = strlen(e->zName);
    if (strncmp(e->zName, "report_format", 13) || n < 5 ||
        strcmp(e->zName + n - 5, ".json"))
      continue;
    char *zErr = NULL;
    if (rf_set_parse(pSet, (const char *)e->pData, &zErr)) {
      *pzErr = mprintf("%s: %s", e->zName, zErr);
      free(zErr);
      return -1;
    }
  }
  return 0;
}

void rf_set_free(RfSet *pSet) {
  for (int i = 0; i < pSet->nFormat; i++) format_free(&pSet->aFormat[i]);
  free(pSet->aFormat);
  memset(pSet, 0, sizeof *pSet);
}

/* ---------------------------------------------------------- lookups */

const RfFormat *rf_format_find(const RfSet *pSet, const char *zId) {
  if (!zId) return NULL;
  for (int i = 0; i < pSet->nFormat; i++)
    if (pSet->aFormat[i].zId && !strcmp(pSet->aFormat[i].zId, zId))
      return &pSet->aFormat[i];
  return NULL;
}

const RfTable *rf_table_find(const RfFormat *pFmt, const char *zId) {
  if (!zId) return NULL;
  for (int i = 0; i < pFmt->nTable; i++)
    if (pFmt->aTable[i].zId && !strcmp(pFmt->aTable[i].zId, zId))
      return &pFmt->aTable[i];
  return NULL;
}

int rf_row_find(const RfTable *pTab, const char *zId) {
  if (!zId) return -1;
  for (int i = 0; i < pTab->nRow; i++)
    if (pTab->aRow[i].zId && !strcmp(pTab->aRow[i].zId, zId)) return i;
  return -1;
}

int rf_col_find(const RfTable *pTab, const char *zId) {
  if (!zId) return -1;
  for (int i = 0; i < pTab->nCol; i++)
    if (pTab->aCol[i].zId && !strcmp(pTab->aCol[i].zId, zId)) return i;
  return -1;
}

int rf_row_find_label(const RfTable *pTab, const char *zLabel) {
  char *zN = rf_label_norm(zLabel);
  int r = -1;
  for (int i = 0; i < pTab->nRow && r < 0; i++)
    if (pTab->aRow[i].zNorm && !strcmp(pTab->aRow[i].zNorm, zN)) r = i;
  free(zN);
  return r;
}

int rf_col_find_label(const RfTable *pTab, const char *zLabel) {
  char *zN = rf_label_norm(zLabel);
  int r = -1;
  for (int i = 0; i < pTab->nCol && r < 0; i++)
    if (!strcmp(pTab->aCol[i].zNorm, zN)) r = i;
  free(zN);
  return r;
}

int rf_cell(const RfFormat *pFmt, const char *zTable, const char *zRow,
            const char *zCol) {
  const RfTable *t = rf_table_find(pFmt, zTable);
  int r, c;
  if (!t) return -1;
  r = rf_row_find(t, zRow);
  c = rf_col_find(t, zCol);
  if (r < 0 || c < 0) return -1;
  return t->iCell0 + r * t->nCol + c;
}

int rf_cell_locate(const RfFormat *pFmt, int iCell, int *piTable, int *piRow,
                   int *piCol) {
  for (int i = 0; i < pFmt->nTable; i++) {
    const RfTable *t = &pFmt->aTable[i];
    int k = iCell - t->iCell0;
    if (k >= 0 && k < t->nRow * t->nCol) {
      if (piTable) *piTable = i;
      if (piRow) *piRow = k / t->nCol;
      if (piCol) *piCol = k % t->nCol;
      return 0;
    }
  }
  return -1;
}

int rf_cell_type(const RfFormat *pFmt, int iCell) {
  int t = 0, r = 0, c = 0;
  if (rf_cell_locate(pFmt, iCell, &t, &r, &c)) return RF_INT;
  if (pFmt->aTable[t].aRow[r].eType >= 0) return pFmt->aTable[t].aRow[r].eType;
  return pFmt->aTable[t].aCol[c].eType;
}

char *rf_cell_id(const RfFormat *pFmt, int iCell) {
  int t = 0, r = 0, c = 0;
  if (rf_cell_locate(pFmt, iCell, &t, &r, &c)) return xstrdup("?");
  const RfTable *p = &pFmt->aTable[t];
  return mprintf("%s[%s][%s]", p->zId, p->aRow[r].zId, p->aCol[c].zId);
}

int rf_cell_by_id(const RfFormat *pFmt, const char *zId) {
  for (int i = 0; zId && i < pFmt->nCell; i++) {
    char *z = rf_cell_id(pFmt, i);
    int eq = !strcmp(z, zId);
    free(z);
    if (eq) return i;
  }
  return -1;
}

char *rf_cell_name(const RfFormat *pFmt, int iCell) {
  int t = 0, r = 0, c = 0;
  if (rf_cell_locate(pFmt, iCell, &t, &r, &c)) return xstrdup("?");
  const RfTable *p = &pFmt->aTable[t];
  const char *zR = p->aRow[r].zShort;
  if (p->nCol == 1) return xstrdup(zR);
  if (!zR || !zR[0]) return xstrdup(p->aCol[c].zShow);
  return mprintf("%s·%s", zR, p->aCol[c].zShow);
}
