/*
** report_review.c — the format-year check and the text-against-table check
** (see report_review.h).
**
** The text check reads clauses (split at ，。；; and line ends) of the
** prose.  A phrase is one or two keywords; the number is the first integer
** after the last keyword, at most MAX_GAP bytes later, with nothing in
** between but the words a count sentence uses (azFiller), and followed by
** 件 or 起.  "予以公开及部分公开258件" therefore states nothing about
** either row (及、部 are not filler): it is skipped, not guessed.
*/
#include "core/report_review.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "lib/buf.h"
#include "lib/utf8.h"

#define MAX_GAP 36   /* bytes between a keyword and its number */
#define WRAP_MIN 16  /* characters of a prose line cut at the page's width */

/* ---------------------------------------------------------- format/year */

static int fits(const RfFormat *f, int year) {
  return (!f->iFirstYear || year >= f->iFirstYear) &&
         (!f->iLastYear || year <= f->iLastYear);
}

static void add(RvResult *o, const char *zKey, char *zMsg) {
  o->a = xrealloc(o->a, (size_t)(o->n + 1) * sizeof *o->a);
  o->a[o->n].zKey = xstrdup(zKey);
  o->a[o->n++].zMsg = zMsg;
}

/* 1 when the report gives a number in the fee row （六）2. */
static int has_fee_row(const Report *p) {
  const RfTable *tb = rf_table_find(p->pFmt, "t3");
  long long v;
  if (!tb) return 0;
  for (int c = 0; c < tb->nCol; c++) {
    int i = rf_cell(p->pFmt, "t3", "results.other.fee_unpaid", tb->aCol[c].zId);
    if (i >= 0 && report_get(p, i, &v)) return 1;
  }
  return 0;
}

void rv_format_year(const RfSet *pSet, const Report *p, RvResult *pOut) {
  const RfFormat *f = p->pFmt, *want = NULL;
  int year = p->iYear;
  if (!year || fits(f, year)) return;
  for (int i = 0; i < pSet->nFormat && !want; i++)
    if (fits(&pSet->aFormat[i], year)) want = &pSet->aFormat[i];
  Buf b = BUF_INIT;
  buf_printf(&b, "%d年度的报告", year);
  if (want)
    buf_printf(&b, "应使用%s（%s）", want->zTitle,
               want->zDocNumber ? want->zDocNumber : "统计表");
  buf_printf(&b, "，表格却是%s（%s", f->zTitle,
             f->zDocNumber ? f->zDocNumber : "统计表");
  if (f->iFirstYear) buf_printf(&b, "，用于%d", f->iFirstYear);
  else buf_puts(&b, "，用于");
  if (f->iLastYear) buf_printf(&b, "—%d年度报告）", f->iLastYear);
  else buf_puts(&b, "年度起的报告）");
  if (want && has_fee_row(p) &&
      rf_cell(want, "t3", "results.other.fee_unpaid", "total") < 0)
    buf_puts(&b, "；表三的（六）2“逾期未按收费通知要求缴纳费用”行自2021年度"
                 "报告起才有（收费自2021年起，国办函〔2020〕109号）");
  add(pOut, "年度格式", buf_steal(&b));
}

/* ---------------------------------------------------------- text/table */

typedef struct Phrase {
  const char *zKw1, *zKw2;            /* zKw2 may be NULL */
  const char *zTable, *zRow, *zCol;   /* the cell */
  const char *zCol2;                  /* added to zCol when set */
  const char *zWhat;                  /* the cell in words */
} Phrase;

static const Phrase aPhrase[] = {
  {"行政许可", NULL, "t2_art20_5", "licensing", "decisions", NULL,
   "表二 第二十条第（五）项 行政许可 处理决定数量"},
  {"行政处罚", NULL, "t2_art20_6", "penalty", "decisions", NULL,
   "表二 第二十条第（六）项 行政处罚 处理决定数量"},
  {"行政强制", NULL, "t2_art20_6", "coercion", "decisions", NULL,
   "表二 第二十条第（六）项 行政强制 处理决定数量"},
  {"制定", "规范性文件", "t2_art20_1", "normative_docs", "made", NULL,
   "表二 第二十条第（一）项 行政规范性文件 本年制发件数"},
  {"制发", "规范性文件", "t2_art20_1", "normative_docs", "made", NULL,
   "表二 第二十条第（一）项 行政规范性文件 本年制发件数"},
  {"废止", "规范性文件", "t2_art20_1", "normative_docs", "repealed", NULL,
   "表二 第二十条第（一）项 行政规范性文件 本年废止件数"},
  {"现行有效", "规范性文件", "t2_art20_1", "normative_docs", "valid", NULL,
   "表二 第二十条第（一）项 行政规范性文件 现行有效件数"},
  {"上年结转", NULL, "t3", "carried_in", "total", NULL,
   "表三 二、上年结转政府信息公开申请数量 总计"},
  {"上年度结转", NULL, "t3", "carried_in", "total", NULL,
   "表三 二、上年结转政府信息公开申请数量 总计"},
  {"新收", "申请", "t3", "new", "total", NULL,
   "表三 一、本年新收政府信息公开申请数量 总计"},
  {"收到", "申请", "t3", "new", "total", NULL,
   "表三 一、本年新收政府信息公开申请数量 总计"},
  {"受理", "申请", "t3", "new", "total", NULL,
   "表三 一、本年新收政府信息公开申请数量 总计"},
  {"结转下年", NULL, "t3", "carry_out", "total", NULL,
   "表三 四、结转下年度继续办理 总计"},
  {"予以公开", NULL, "t3", "results.granted", "total", NULL,
   "表三 （一）予以公开 总计"},
  {"部分公开", NULL, "t3", "results.partial", "total", NULL,
   "表三 （二）部分公开 总计"},
  {"行政复议", NULL, "t4", "cases", "review.total", NULL,
   "表四 行政复议 总计"},
  {"行政诉讼", NULL, "t4", "cases", "lit_direct.total",
   "lit_after_review.total", "表四 行政诉讼 总计（未经复议直接起诉与复议后起诉之和）"},
};

/* Words that may stand between a keyword and its number. */
static const char *azFiller[] = {
  "处理决定", "决定", "数量", "数", "共计", "共", "合计", "计", "总", "为",
  "达", "有", "的", "了", "件数", "政府信息公开", "信息公开", "公开", "申请",
  "案件", "事项", "办理", "作出", "收到", "受理", "全年", "本年", "年度", " ",
  ":", "：", NULL};

/* Clauses with these compare or rate; their numbers are not counts. */
static const char *azSkip[] = {
  "同比", "较上年", "较去年", "比上年", "环比", "增加", "减少", "增长", "下降",
  "上升", "%", "％", "占", "累计", "万元", "元", NULL};

/* 1 when z[0..n) is made of filler words only. */
static int all_filler(const char *z, size_t n) {
  while (n > 0) {
    int bHit = 0;
    for (int i = 0; azFiller[i]; i++) {
      size_t k = strlen(azFiller[i]);
      if (k <= n && !memcmp(z, azFiller[i], k)) { z += k; n -= k; bHit = 1; break; }
    }
    if (!bHit) return 0;
  }
  return 1;
}

static const char *find_in(const char *z, size_t n, const char *zNeedle) {
  size_t k = strlen(zNeedle);
  for (size_t i = 0; i + k <= n; i++)
    if (!memcmp(z + i, zNeedle, k)) return z + i;
  return NULL;
}

/* The count the clause z[0..n) states for ph after its keyword at k1: 1
** with *pV, else 0. */
static int count_after(const Phrase *ph, const char *z, size_t n,
                       const char *k1, long long *pV) {
  const char *e = k1 + strlen(ph->zKw1);
  if (ph->zKw2) {
    const char *k2 = find_in(e, n - (size_t)(e - z), ph->zKw2);
    if (!k2) return 0;
    e = k2 + strlen(ph->zKw2);
  }
  const char *d = e, *end = z + n;
  while (d < end && !isdigit((unsigned char)*d)) d++;
  if (d >= end || d - e > MAX_GAP || !all_filler(e, (size_t)(d - e))) return 0;
  long long v = 0;
  int nD = 0;
  while (d < end && isdigit((unsigned char)*d) && nD < 12) v = v * 10 + (*d++ - '0'), nD++;
  if (d < end && (*d == '.' || *d == ',')) return 0;
  while (d < end && *d == ' ') d++;
  if (!((size_t)(end - d) >= 3 && (!memcmp(d, "件", 3) || !memcmp(d, "起", 3))))
    return 0;
  *pV = v;
  return 1;
}

/* The count the clause z[0..n) states for ph: 1 with *pV, else 0.  Every
** place of the first keyword is tried ("三、收到和处理政府信息公开申请情况"
** joined to "共收到申请5件" by a wrapped line states 5). */
static int phrase_count(const Phrase *ph, const char *z, size_t n,
                        long long *pV) {
  size_t k = strlen(ph->zKw1);
  for (const char *k1 = find_in(z, n, ph->zKw1); k1;
       k1 = find_in(k1 + k, n - (size_t)(k1 + k - z), ph->zKw1))
    if (count_after(ph, z, n, k1, pV)) return 1;
  return 0;
}

/* 1 when the clause compares or rates (skip it). */
static int is_comparison(const char *z, size_t n) {
  for (int i = 0; azSkip[i]; i++)
    if (find_in(z, n, azSkip[i])) return 1;
  return 0;
}

/* The table value for ph in whole units: 1 with *pV, 0 when blank/absent. */
static int cell_value(const Report *p, const Phrase *ph, long long *pV) {
  long long v = 0, w = 0;
  int i = rf_cell(p->pFmt, ph->zTable, ph->zRow, ph->zCol);
  if (i < 0 || !report_get(p, i, &v)) return 0;
  if (ph->zCol2) {
    int j = rf_cell(p->pFmt, ph->zTable, ph->zRow, ph->zCol2);
    if (j < 0 || !report_get(p, j, &w)) return 0;
  }
  *pV = (v + w) / RF_SCALE;
  return 1;
}

/* Checks one clause against every phrase. */
static void check_clause(const Report *p, const char *z, size_t n,
                         RvResult *o) {
  if (is_comparison(z, n)) return;
  for (size_t i = 0; i < sizeof aPhrase / sizeof aPhrase[0]; i++) {
    const Phrase *ph = &aPhrase[i];
    long long vText, vTab;
    if (!phrase_count(ph, z, n, &vText) || !cell_value(p, ph, &vTab)) continue;
    if (vText == vTab) continue;
    char *zQ = xstrndup(z, n);
    add(o, "文字与表格",
        mprintf("正文“%s”写%lld件，%s为%lld", zQ, vText, ph->zWhat, vTab));
    free(zQ);
    break;   /* one finding per clause */
  }
}

/* 1 at a clause boundary: ，。；; and line ends. */
static size_t boundary(const char *z) {
  static const char *az[] = {"，", "。", "；", "！", "？", NULL};
  if (*z == ';' || *z == '\n' || *z == ',') return 1;
  for (int i = 0; az[i]; i++)
    if (!strncmp(z, az[i], 3)) return 3;
  return 0;
}

/* 1 when z[0..n) is a line of prose: no cell separator (tab, pipe). */
static int is_prose(const char *z, size_t n) {
  return !memchr(z, '\t', n) && !memchr(z, '|', n);
}

/* z[0..n) without the white space at either end (ASCII and U+3000). */
static void trim(const char **pz, size_t *pn) {
  const char *z = *pz;
  size_t n = *pn;
  for (;;) {
    if (n && (*z == ' ' || *z == '\r')) { z++; n--; }
    else if (n >= 3 && !memcmp(z, "\xe3\x80\x80", 3)) { z += 3; n -= 3; }
    else break;
  }
  for (;;) {
    if (n && (z[n - 1] == ' ' || z[n - 1] == '\r')) n--;
    else if (n >= 3 && !memcmp(z + n - 3, "\xe3\x80\x80", 3)) n -= 3;
    else break;
  }
  *pz = z;
  *pn = n;
}

/* 1 when the prose line z[0..n) (trimmed) was cut at the page's width,
** not at the end of a sentence: long, and not ending in 。；！？：.  A PDF's
** text breaks its paragraphs so ("受理政府" / "信息公开申请 17 件"). */
static int wraps_on(const char *z, size_t n) {
  static const char *az[] = {"。", "；", "！", "？", "：", NULL};
  if (utf8_len(z, n) < WRAP_MIN) return 0;
  for (int i = 0; az[i]; i++)
    if (n >= 3 && !memcmp(z + n - 3, az[i], 3)) return 0;
  return 1;
}

/* The prose of zText with lines cut at the page's width joined to the
** line after (table rows, blank lines and short lines stay apart).
** Caller frees. */
static char *join_wrapped(const char *zText) {
  Buf b = BUF_INIT;
  const char *z = zText;
  int bJoin = 0;
  while (*z) {
    const char *e = strchr(z, '\n'), *t = z;
    size_t n = e ? (size_t)(e - z) : strlen(z), m = n;
    trim(&t, &m);
    int bProse = is_prose(z, n) && m > 0;
    if (bJoin && !bProse) buf_putc(&b, '\n');
    if (bJoin && bProse) buf_append(&b, t, m);
    else buf_append(&b, z, n);
    bJoin = bProse && wraps_on(t, m) && e;
    if (!bJoin && e) buf_putc(&b, '\n');
    z += n + (e ? 1 : 0);
  }
  return buf_steal(&b);
}

void rv_text_numbers(const Report *p, const char *zText, RvResult *pOut) {
  char *zJoined = join_wrapped(zText);
  const char *z = zJoined;
  while (*z) {
    const char *e = strchr(z, '\n');
    size_t n = e ? (size_t)(e - z) : strlen(z);
    /* table rows are not prose */
    if (is_prose(z, n)) {
      size_t s = 0, i = 0;
      while (i <= n) {
        size_t k = i < n ? boundary(z + i) : 1;
        if (k) {
          if (i > s) check_clause(p, z + s, i - s, pOut);
          s = i + k;
          i += k;
        } else {
          i++;
        }
      }
    }
    z += n + (e ? 1 : 0);
  }
  free(zJoined);
}

void rv_result_free(RvResult *p) {
  for (int i = 0; i < p->n; i++) {
    free(p->a[i].zKey);
    free(p->a[i].zMsg);
  }
  free(p->a);
  memset(p, 0, sizeof *p);
}
