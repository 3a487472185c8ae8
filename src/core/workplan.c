/* workplan.c — the plain-text work plan reader (see workplan.h). */
#include "core/workplan.h"

#include <stdio.h>
#include <string.h>

#include "lib/buf.h"
#include "lib/gb18030.h"
#include "lib/utf8.h"

#define CN_LPAREN "\xEF\xBC\x88"   /* （ */
#define CN_RPAREN "\xEF\xBC\x89"   /* ） */
#define CN_COMMA "\xEF\xBC\x8C"    /* ， */
#define CN_SEMI "\xEF\xBC\x9B"     /* ； */
#define CN_PAUSE "\xE3\x80\x81"    /* 、 */
#define CN_STOP "\xE3\x80\x82"     /* 。 */
#define CN_DOT "\xEF\xBC\x8E"      /* ． */

/* Byte length of a white-space character at z (ASCII, U+3000, U+00A0),
** or 0. */
static size_t space_len(const char *z, size_t n) {
  if (n >= 1 && (z[0] == ' ' || z[0] == '\t' || z[0] == '\r' || z[0] == '\n'))
    return 1;
  if (n >= 3 && !memcmp(z, "\xE3\x80\x80", 3)) return 3;
  if (n >= 2 && !memcmp(z, "\xC2\xA0", 2)) return 2;
  return 0;
}

/* Trims white space at both ends of z[0..*pn); returns the new start. */
static const char *trim(const char *z, size_t *pn) {
  size_t n = *pn, k;
  while (n && (k = space_len(z, n)) != 0) { z += k; n -= k; }
  for (;;) {
    if (n && (z[n - 1] == ' ' || z[n - 1] == '\t' || z[n - 1] == '\r')) { n--; continue; }
    if (n >= 3 && !memcmp(z + n - 3, "\xE3\x80\x80", 3)) { n -= 3; continue; }
    if (n >= 2 && !memcmp(z + n - 2, "\xC2\xA0", 2)) { n -= 2; continue; }
    break;
  }
  *pn = n;
  return z;
}

static int starts(const char *z, size_t n, const char *zLit) {
  size_t k = strlen(zLit);
  return n >= k && !memcmp(z, zLit, k);
}

static int ends(const char *z, size_t n, const char *zLit) {
  size_t k = strlen(zLit);
  return n >= k && !memcmp(z + n - k, zLit, k);
}

/* Finds zLit in z[0..n); returns its offset or -1. */
static long find(const char *z, size_t n, const char *zLit) {
  size_t k = strlen(zLit);
  for (size_t i = 0; i + k <= n; i++)
    if (!memcmp(z + i, zLit, k)) return (long)i;
  return -1;
}

/* Length of a run of Chinese numerals 一…十 at z (multiple of 3). */
static size_t cn_numeral_len(const char *z, size_t n) {
  static const char *aNum[] = {"一", "二", "三", "四", "五", "六", "七",
                               "八", "九", "十"};
  size_t i = 0;
  for (;;) {
    size_t j;
    for (j = 0; j < 10; j++)
      if (starts(z + i, n - i, aNum[j])) break;
    if (j == 10) break;
    i += 3;
  }
  return i;
}

/* Chapter heading "一、…": sets *pnNum to the numeral's length and returns
** the offset of the heading text, or 0 when z is not a chapter heading. */
static size_t chapter_prefix(const char *z, size_t n, size_t *pnNum) {
  size_t k = cn_numeral_len(z, n);
  if (!k || !starts(z + k, n - k, CN_PAUSE)) return 0;
  *pnNum = k;
  return k + 3;
}

/* Section heading "（一）…" (or ASCII parentheses): as chapter_prefix();
** *piNum gets the offset of the numeral. */
static size_t section_prefix(const char *z, size_t n, size_t *piNum,
                             size_t *pnNum) {
  size_t o;
  if (starts(z, n, CN_LPAREN)) o = 3;
  else if (starts(z, n, "(")) o = 1;
  else return 0;
  size_t k = cn_numeral_len(z + o, n - o);
  if (!k) return 0;
  if (starts(z + o + k, n - o - k, CN_RPAREN)) {
    *piNum = o; *pnNum = k;
    return o + k + 3;
  }
  if (starts(z + o + k, n - o - k, ")")) {
    *piNum = o; *pnNum = k;
    return o + k + 1;
  }
  return 0;
}

/* Item number "12." "12．" "12、" "12）" or "（12）" / "(12)" (1–3 digits):
** as chapter_prefix(); *piNum gets the offset of the digits. */
static size_t item_prefix(const char *z, size_t n, size_t *piNum, size_t *pnNum) {
  size_t o0 = starts(z, n, CN_LPAREN) ? 3 : starts(z, n, "(") ? 1 : 0;
  if (o0) {
    size_t k = 0;
    while (o0 + k < n && k < 4 && z[o0 + k] >= '0' && z[o0 + k] <= '9') k++;
    if (!k || k > 3) return 0;
    size_t o = o0 + k;
    if (starts(z + o, n - o, CN_RPAREN)) o += 3;
    else if (starts(z + o, n - o, ")")) o += 1;
    else return 0;
    *piNum = o0;
    *pnNum = k;
    return o;
  }
  *piNum = 0;
  size_t k = 0;
  while (k < n && k < 4 && z[k] >= '0' && z[k] <= '9') k++;
  if (!k || k > 3) return 0;
  size_t o = k;
  if (starts(z + o, n - o, ".")) o += 1;
  else if (starts(z + o, n - o, CN_DOT) || starts(z + o, n - o, CN_PAUSE) ||
           starts(z + o, n - o, CN_RPAREN)) o += 3;
  else return 0;
  *pnNum = k;
  return o;
}

/* If z[0..n) ends with a department parenthesis, returns the offset of its
** opening bracket and sets *piIn / *pnIn to its content; else -1.  A final
** "。" after the bracket is allowed. */
static long dept_paren(const char *z, size_t n, size_t *piIn, size_t *pnIn) {
  if (ends(z, n, CN_STOP)) n -= 3;
  size_t close;
  if (ends(z, n, CN_RPAREN)) close = n - 3;
  else if (ends(z, n, ")")) close = n - 1;
  else return -1;
  /* Walk back to the matching opening bracket. */
  int depth = 0;
  long open = -1;
  for (long i = (long)close; i >= 0; i--) {
    int bClose = (i + 3 <= (long)n && !memcmp(z + i, CN_RPAREN, 3)) || z[i] == ')';
    int bOpen = (i + 3 <= (long)n && !memcmp(z + i, CN_LPAREN, 3)) || z[i] == '(';
    if (bClose) depth++;
    else if (bOpen && --depth == 0) { open = i; break; }
  }
  if (open < 0) return -1;
  size_t iIn = (size_t)open + (z[open] == '(' ? 1 : 3);
  size_t nIn = close - iIn;
  const char *zIn = z + iIn;
  if (find(zIn, nIn, "牵头") < 0 && find(zIn, nIn, "配合") < 0 &&
      find(zIn, nIn, "落实") < 0 && find(zIn, nIn, "负责") < 0)
    return -1;
  *piIn = iIn;
  *pnIn = nIn;
  return open;
}

/* Removes a trailing literal from z[0..*pn) when present. */
static void chop(const char *z, size_t *pn, const char *zLit) {
  if (ends(z, *pn, zLit)) *pn -= strlen(zLit);
}

const char *workplan_dept_list(Arena *a, const char *z, size_t n, int *pn) {
  Buf b = BUF_INIT;
  int cnt = 0;
  z = trim(z, &n);
  if (starts(z, n, "分别")) { z += 6; n -= 6; }
  chop(z, &n, "分别");
  chop(z, &n, "按工作职能");
  size_t i = 0;
  while (i <= n) {
    /* The next separator: 、 or 及 or end. */
    size_t j = i;
    while (j < n && !starts(z + j, n - j, CN_PAUSE) && !starts(z + j, n - j, "及")) {
      int len;
      utf8_decode(z + j, n - j, &len);
      j += (size_t)len;
    }
    size_t m = j - i;
    const char *zName = trim(z + i, &m);
    if (m) {
      if (cnt) buf_puts(&b, CN_PAUSE);
      buf_append(&b, zName, m);
      cnt++;
    }
    if (j >= n) break;
    i = j + 3;
  }
  *pn = cnt;
  const char *zOut = arena_strdup(a, buf_str(&b));
  buf_free(&b);
  return zOut;
}

int workplan_list_has(const char *zList, const char *zName) {
  size_t k = strlen(zName);
  const char *z = zList;
  while (z && *z) {
    const char *e = strstr(z, CN_PAUSE);
    size_t m = e ? (size_t)(e - z) : strlen(z);
    if (m == k && !memcmp(z, zName, k)) return 1;
    if (!e) break;
    z = e + 3;
  }
  return 0;
}

/* Appends list zAdd (n names) to *pb / *pn. */
static void list_join(Buf *pb, int *pn, const char *zAdd, int n) {
  if (!n) return;
  if (*pn) buf_puts(pb, CN_PAUSE);
  buf_puts(pb, zAdd);
  *pn += n;
}

/* Reads the departments of one parenthesis content into t. */
static void parse_depts(Arena *a, const char *z, size_t n, WpTask *t) {
  Buf bLead = BUF_INIT, bCo = BUF_INIT;
  int nLead = 0, nCo = 0;
  size_t i = 0;
  while (i < n) {
    size_t j = i;
    while (j < n && !starts(z + j, n - j, CN_COMMA) && !starts(z + j, n - j, CN_SEMI) &&
           z[j] != ',' && z[j] != ';') {
      int len;
      utf8_decode(z + j, n - j, &len);
      j += (size_t)len;
    }
    const char *zc = z + i;
    size_t nc = j - i;
    long k;
    int cnt;
    if ((k = find(zc, nc, "牵头")) >= 0) {
      const char *zl = workplan_dept_list(a, zc, (size_t)k, &cnt);
      list_join(&bLead, &nLead, zl, cnt);
    } else {
      static const char *aKey[] = {"配合", "具体落实", "负责落实", "落实", "负责"};
      for (size_t q = 0; q < sizeof aKey / sizeof aKey[0]; q++) {
        if ((k = find(zc, nc, aKey[q])) >= 0) {
          const char *zl = workplan_dept_list(a, zc, (size_t)k, &cnt);
          list_join(&bCo, &nCo, zl, cnt);
          break;
        }
      }
    }
    if (j >= n) break;
    i = j + (z[j] == ',' || z[j] == ';' ? 1 : 3);
  }
  if (!nLead) {
    /* No 牵头: those who carry it out are responsible. */
    t->zLead = arena_strdup(a, buf_str(&bCo));
    t->nLead = nCo;
    t->zCo = "";
    t->nCo = 0;
  } else {
    t->zLead = arena_strdup(a, buf_str(&bLead));
    t->nLead = nLead;
    t->zCo = arena_strdup(a, buf_str(&bCo));
    t->nCo = nCo;
  }
  buf_free(&bLead);
  buf_free(&bCo);
}

/* Reads up to nMax ASCII digits at z[*pi]; returns the value or -1. */
static int digits(const char *z, size_t n, size_t *pi, int nMax) {
  int v = 0, k = 0;
  while (*pi < n && k < nMax && z[*pi] >= '0' && z[*pi] <= '9') {
    v = v * 10 + (z[*pi] - '0');
    (*pi)++;
    k++;
  }
  return k ? v : -1;
}

static void skip_spaces(const char *z, size_t n, size_t *pi) {
  size_t k;
  while (*pi < n && (k = space_len(z + *pi, n - *pi)) != 0) *pi += k;
}

/* The first deadline named in z[0..n), or DATE_NONE. */
static Date due_date(const char *z, size_t n) {
  for (size_t s = 0; s + 4 <= n; s++) {
    if (!(z[s] >= '1' && z[s] <= '2')) continue;
    if (s > 0 && z[s - 1] >= '0' && z[s - 1] <= '9') continue;
    size_t i = s;
    int y = digits(z, n, &i, 4);
    if (y < 1900 || i - s != 4) continue;
    skip_spaces(z, n, &i);
    if (!starts(z + i, n - i, "年")) continue;
    i += 3;
    skip_spaces(z, n, &i);
    if (starts(z + i, n - i, "年底前") || starts(z + i, n - i, "底前"))
      return date_from_ymd(y, 12, 31);
    int m = digits(z, n, &i, 2);
    if (m < 1 || m > 12) continue;
    skip_spaces(z, n, &i);
    if (!starts(z + i, n - i, "月")) continue;
    i += 3;
    skip_spaces(z, n, &i);
    if (starts(z + i, n - i, "底前")) {
      int d = 31;
      while (!date_valid_ymd(y, m, d)) d--;
      return date_from_ymd(y, m, d);
    }
    int d = digits(z, n, &i, 2);
    if (d < 1) continue;
    skip_spaces(z, n, &i);
    if (starts(z + i, n - i, "日前") && date_valid_ymd(y, m, d))
      return date_from_ymd(y, m, d);
  }
  return DATE_NONE;
}

/* 1 when zNumber is already used by a task of p. */
static int number_used(const WpPlan *p, const char *zNumber) {
  for (int i = 0; i < p->nTask; i++)
    if (!strcmp(p->aTask[i].zNumber, zNumber)) return 1;
  return 0;
}

int workplan_parse(Arena *a, const char *z, size_t n, WpPlan *p,
                   const char **pzErr) {
  memset(p, 0, sizeof *p);
  if (n > WP_MAX_TEXT) { *pzErr = "工作要点文本过长（超过 1 MB）"; return -1; }
  if (!utf8_valid(z, n)) {
    /* Saved as "ANSI" on Chinese Windows (Notepad, WPS): GB18030. */
    size_t nConv;
    const char *zConv = gb18030_to_utf8(a, z, n, &nConv);
    if (!zConv) {
      *pzErr = "工作要点文本的编码无法识别：请另存为 UTF-8 或 GBK 编码的文本文件后再导入";
      return -1;
    }
    z = zConv;
    n = nConv;
  }
  if ((*pzErr = utf8_text_problem(z, n)) != NULL) return -1;
  if (n >= 3 && !memcmp(z, "\xEF\xBB\xBF", 3)) { z += 3; n -= 3; }
  char zChapter[40] = "", zSection[40] = "";
  const char *zChapHead = "", *zSecHead = "";
  size_t i = 0;
  while (i < n) {
    const char *e = memchr(z + i, '\n', n - i);
    size_t m = e ? (size_t)(e - (z + i)) : n - i;
    const char *zl = z + i;
    i += m + 1;
    zl = trim(zl, &m);
    if (!m) continue;
    if (!p->zTitle) {
      p->zTitle = arena_strndup(a, zl, m);
      continue;
    }
    size_t nNum = 0, iNum = 0, o;
    char zItem[8] = "";
    const char *zBody = zl;
    size_t nBody = m;
    if ((o = chapter_prefix(zl, m, &nNum)) != 0) {
      snprintf(zChapter, sizeof zChapter, "%.*s", (int)nNum, zl);
      zSection[0] = 0;
      size_t nh = m - o;
      const char *zh = trim(zl + o, &nh);
      zChapHead = arena_strndup(a, zh, nh);
      zSecHead = "";
      zBody = zl + o;
      nBody = m - o;
    } else if ((o = section_prefix(zl, m, &iNum, &nNum)) != 0) {
      snprintf(zSection, sizeof zSection, CN_LPAREN "%.*s" CN_RPAREN, (int)nNum,
               zl + iNum);
      size_t nh = m - o;
      const char *zh = trim(zl + o, &nh);
      long stop = find(zh, nh, CN_STOP);
      if (stop >= 0) nh = (size_t)stop;
      zSecHead = arena_strndup(a, zh, nh);
      zBody = zl + o;
      nBody = m - o;
    } else if ((o = item_prefix(zl, m, &iNum, &nNum)) != 0) {
      snprintf(zItem, sizeof zItem, "%.*s", (int)nNum, zl + iNum);
      zBody = zl + o;
      nBody = m - o;
    }
    zBody = trim(zBody, &nBody);
    size_t iIn, nIn;
    long open = dept_paren(zBody, nBody, &iIn, &nIn);
    if (open < 0) continue;
    WpTask *t;
    ARENA_PUSH(a, p->aTask, p->nTask, p->nTaskAlloc);
    t = &p->aTask[p->nTask];
    memset(t, 0, sizeof *t);
    t->seq = p->nTask + 1;
    char *zNum = arena_printf(a, "%s%s%s", zChapter, zSection, zItem);
    if (!zNum[0]) zNum = arena_printf(a, "%d", t->seq);
    if (number_used(p, zNum)) {
      int k = 2;
      char *zTry;
      while (number_used(p, zTry = arena_printf(a, "%s-%d", zNum, k))) k++;
      zNum = zTry;
    }
    t->zNumber = zNum;
    t->zHeading = zSecHead[0] ? zSecHead : zChapHead;
    size_t nText = (size_t)open;
    const char *zText = trim(zBody, &nText);
    t->zText = arena_strndup(a, zText, nText);
    t->zDepts = arena_strndup(a, zBody + iIn, nIn);
    parse_depts(a, zBody + iIn, nIn, t);
    t->dDue = due_date(zText, nText);
    p->nTask++;
  }
  if (!p->nTask) {
    *pzErr = "未找到任务：每项任务应为一个段落，并以写明牵头或配合部门的括号结尾";
    return -1;
  }
  return 0;
}
