/*
** bench_gen.c — the benchmark data generator (see bench_gen.h).  A
** splitmix64 stream seeded from (seed, kind, i) drives every choice, so an
** item never depends on the items before it.
*/
#include "cli/bench_gen.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/date.h"
#include "lib/embed.h"
#include "lib/utf8.h"

static const char *const azSection[BV_NSECTION] = {
    "genre", "action", "topic", "suffix", "issuer",
    "unit",  "place",  "keyword", "clause"};

int bench_vocab_load(BenchVocab *v) {
  memset(v, 0, sizeof *v);
  const Embedded *e = embed_find(aData, "bench_vocab.txt");
  if (!e) return -1;
  v->zData = xstrndup((const char *)e->pData, e->nData);
  int nAlloc[BV_NSECTION] = {0};
  int iSec = -1;
  char *z = v->zData;
  while (*z) {
    char *zEnd = strchr(z, '\n');
    if (zEnd) *zEnd = 0;
    if (z[0] == '[') {
      iSec = -1;
      for (int k = 0; k < BV_NSECTION; k++) {
        size_t n = strlen(azSection[k]);
        if (!strncmp(z + 1, azSection[k], n) && z[1 + n] == ']') iSec = k;
      }
    } else if (z[0] && z[0] != '#' && iSec >= 0) {
      if (v->an[iSec] == nAlloc[iSec]) {
        nAlloc[iSec] = nAlloc[iSec] ? 2 * nAlloc[iSec] : 16;
        v->az[iSec] = xrealloc(v->az[iSec], nAlloc[iSec] * sizeof(char *));
      }
      v->az[iSec][v->an[iSec]++] = z;
    }
    if (!zEnd) break;
    z = zEnd + 1;
  }
  for (int k = 0; k < BV_NSECTION; k++) {
    if (v->an[k] == 0) {
      bench_vocab_free(v);
      return -1;
    }
  }
  return 0;
}

void bench_vocab_free(BenchVocab *v) {
  for (int k = 0; k < BV_NSECTION; k++) free(v->az[k]);
  free(v->zData);
  memset(v, 0, sizeof *v);
}

/* ---- Random stream ---------------------------------------------------- */

typedef struct Rng {
  uint64_t s;
} Rng;

/* splitmix64: the next 64 random bits. */
static uint64_t rng_next(Rng *r) {
  uint64_t z = (r->s += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

/* A stream for item i of kind k under seed s. */
static Rng rng_for(uint64_t s, uint64_t k, uint64_t i) {
  Rng r = {s * 0x100000001B3ull ^ (k << 56) ^ i};
  rng_next(&r);
  return r;
}

/* Uniform integer in [0, n) (n > 0). */
static int rng_below(Rng *r, int n) {
  return (int)((rng_next(r) >> 11) % (uint64_t)n);
}

/* Uniform in [0, 1). */
static double rng_unit(Rng *r) {
  return (double)(rng_next(r) >> 11) / 9007199254740992.0;
}

/* A uniformly chosen entry of section k. */
static const char *pick(const BenchVocab *v, Rng *r, int k) {
  return v->az[k][rng_below(r, v->an[k])];
}

/* An entry of section k skewed towards the first ones (Zipf-like: the
** square of a uniform number), so some clauses are common and most rare. */
static const char *pick_skewed(const BenchVocab *v, Rng *r, int k) {
  double u = rng_unit(r);
  return v->az[k][(int)(u * u * v->an[k])];
}

/* ---- Documents -------------------------------------------------------- */

static const char *const azNum[] = {"一", "二", "三", "四", "五", "六",
                                    "七", "八", "九", "十"};

/* Appends a paragraph of 2-7 clauses joined by Chinese punctuation. */
static void paragraph(const BenchVocab *v, Rng *r, Buf *b) {
  int n = 3 + rng_below(r, 7);
  for (int k = 0; k < n; k++) {
    buf_puts(b, pick_skewed(v, r, BV_CLAUSE));
    if (rng_below(r, 9) == 0) {
      buf_printf(b, "，共%d", 2 + rng_below(r, 900));
      buf_puts(b, rng_below(r, 2) ? "家" : "人次");
    }
    buf_puts(b, k == n - 1 ? "。" : (rng_below(r, 5) ? "，" : "；"));
  }
}

/* Appends a Markdown table of 3-8 rows comparing two years. */
static void table(const BenchVocab *v, Rng *r, Buf *b, int year) {
  buf_printf(b, "| 项目 | %d年 | %d年 | 同比 |\n|---|---|---|---|\n", year - 1,
             year);
  int n = 3 + rng_below(r, 6);
  for (int k = 0; k < n; k++) {
    int a = 10 + rng_below(r, 5000), c = 10 + rng_below(r, 5000);
    int pct = (c - a) * 1000 / a;
    buf_puts(b, "| ");
    buf_puts(b, pick(v, r, rng_below(r, 2) ? BV_KEYWORD : BV_PLACE));
    buf_printf(b, " | %d | %d | ", a, c);
    buf_puts(b, pct < 0 ? "-" : "+");
    buf_printf(b, "%d.%d%% |\n", abs(pct) / 10, abs(pct) % 10);
  }
  buf_putc(b, '\n');
}

void bench_doc_json(const BenchVocab *v, uint64_t uSeed, int64_t i,
                    int64_t n, Buf *pOut) {
  Rng r = rng_for(uSeed, 1, (uint64_t)i);
  Buf title = BUF_INIT, body = BUF_INIT, num = BUF_INIT;
  /* Dates rise with i over 2010-01-01 .. 2026-06-30. */
  Date d0 = date_from_ymd(2010, 1, 1), d1 = date_from_ymd(2026, 6, 30);
  Date pub = d0 + (Date)((double)(d1 - d0) * (double)i / (double)(n > 1 ? n : 1));
  Date signed_ = pub - rng_below(&r, 10);
  char zPub[DATE_STRLEN], zSigned[DATE_STRLEN];
  date_format(pub, zPub);
  date_format(signed_, zSigned);
  int year = date_year(pub);

  const char *zUnit = pick(v, &r, BV_UNIT);
  const char *zTopic = pick_skewed(v, &r, BV_TOPIC);
  buf_puts(&title, zUnit);
  buf_puts(&title, pick(v, &r, BV_ACTION));
  buf_puts(&title, zTopic);
  buf_puts(&title, pick(v, &r, BV_SUFFIX));
  buf_puts(&num, pick(v, &r, BV_ISSUER));
  buf_printf(&num, "〔%d〕%d号", year, 1 + rng_below(&r, 300));

  /* Body: salutation, 2-4 sections of paragraphs, maybe a table, sign-off. */
  buf_puts(&body, "各");
  buf_puts(&body, pick(v, &r, BV_PLACE));
  buf_puts(&body, "、各有关单位：\n\n");
  paragraph(v, &r, &body);
  buf_puts(&body, "\n\n");
  int nSec = 2 + rng_below(&r, 4);
  int iTable = rng_below(&r, 3) == 0 ? rng_below(&r, nSec) : -1;
  for (int k = 0; k < nSec; k++) {
    buf_puts(&body, "## ");
    buf_puts(&body, azNum[k]);
    buf_puts(&body, "、");
    buf_puts(&body, pick_skewed(v, &r, BV_CLAUSE));
    buf_puts(&body, "\n\n");
    int nPara = 1 + rng_below(&r, 4);
    for (int p = 0; p < nPara; p++) {
      paragraph(v, &r, &body);
      buf_puts(&body, "\n\n");
    }
    if (k == iTable) table(v, &r, &body, year);
  }
  buf_puts(&body, zUnit);
  buf_printf(&body, "\n\n%d年%d月%d日\n", date_year(signed_),
             date_month(signed_), date_day(signed_));

  const char *zKw1 = pick(v, &r, BV_KEYWORD), *zKw2 = pick(v, &r, BV_KEYWORD);
  buf_printf(pOut,
             "{\"title\":\"%j\",\"doc_number\":\"%j\",\"publisher\":\"%j\","
             "\"signed_date\":\"%j\",\"published_date\":\"%j\","
             "\"genre\":\"%j\",\"keywords\":\"%j %j\",\"summary\":\"%j\","
             "\"body\":\"%j\"",
             buf_str(&title), buf_str(&num), zUnit, zSigned, zPub,
             pick(v, &r, BV_GENRE), zKw1, zKw2, zTopic, buf_str(&body));
  if (i % 2 == 0)
    buf_printf(pOut, ",\"index_number\":\"BENCH-%d-%lld\"", year, (long long)i);
  buf_puts(pOut, "}\n");
  buf_free(&title);
  buf_free(&body);
  buf_free(&num);
}

/* ---- Applications ----------------------------------------------------- */

/* Weighted choice: a[k].w out of the sum of weights. */
typedef struct Weighted {
  const char *z;
  int w;
} Weighted;

static const char *pick_weighted(Rng *r, const Weighted *a) {
  int nSum = 0;
  for (int k = 0; a[k].z; k++) nSum += a[k].w;
  int x = rng_below(r, nSum);
  for (int k = 0; a[k].z; k++) {
    if (x < a[k].w) return a[k].z;
    x -= a[k].w;
  }
  return a[0].z;
}

static const Weighted aType[] = {
    {"natural_person", 850}, {"commercial", 70},  {"research", 10},
    {"public_welfare", 10},  {"legal_service", 30}, {"other_org", 30},
    {NULL, 0}};

static const Weighted aChannel[] = {
    {"online", 60}, {"post_signed", 15}, {"in_person", 10}, {"email", 8},
    {"post_ordinary", 3}, {"oral", 2}, {"fax", 2}, {NULL, 0}};

/* The 21 leaf rows of table 三 (2021 format), roughly as often as they
** appear in published county reports. */
static const Weighted aOutcome[] = {
    {"results.granted", 380},
    {"results.partial", 80},
    {"results.denied.state_secret", 5},
    {"results.denied.law_forbidden", 5},
    {"results.denied.three_security_one_stability", 5},
    {"results.denied.third_party", 10},
    {"results.denied.internal_affairs", 15},
    {"results.denied.process_info", 20},
    {"results.denied.enforcement_file", 10},
    {"results.denied.admin_inquiry", 10},
    {"results.cannot_provide.not_held", 200},
    {"results.cannot_provide.needs_creation", 40},
    {"results.cannot_provide.still_unclear", 40},
    {"results.not_processed.petition_complaint", 40},
    {"results.not_processed.repeat", 30},
    {"results.not_processed.publication", 10},
    {"results.not_processed.mass_repeat", 10},
    {"results.not_processed.confirm_or_reissue", 10},
    {"results.other.no_correction", 40},
    {"results.other.fee_unpaid", 5},
    {"results.other.other", 25},
    {NULL, 0}};

static const char *const azSurname[] = {"王", "李", "张", "刘", "陈", "杨",
                                        "马", "赵", "黄", "周", "吴", "丁"};
static const char *const azGiven[] = {"建国", "秀英", "海", "晓燕", "志强",
                                      "丽", "军", "芳", "伟", "文", "明",
                                      "玉兰"};

void bench_app(const BenchVocab *v, uint64_t uSeed, int64_t i, int nOrg,
               int y0, int y1, BenchApp *p) {
  Rng r = rng_for(uSeed, 2, (uint64_t)i);
  memset(p, 0, sizeof *p);
  p->iOrg = nOrg > 1 ? rng_below(&r, nOrg) : 0;
  p->zChannel = pick_weighted(&r, aChannel);
  p->zApplicantType = pick_weighted(&r, aType);
  if (!strcmp(p->zApplicantType, "natural_person")) {
    snprintf(p->zName, sizeof p->zName, "%s%s",
             azSurname[rng_below(&r, 12)], azGiven[rng_below(&r, 12)]);
  } else {
    snprintf(p->zName, sizeof p->zName, "%s%s有限公司",
             pick(v, &r, BV_PLACE), azGiven[rng_below(&r, 12)]);
  }
  snprintf(p->zTitle, sizeof p->zTitle, "%s相关文件",
           pick_skewed(v, &r, BV_TOPIC));
  Date a = date_from_ymd(y0, 1, 1), b = date_from_ymd(y1, 12, 31);
  Date rec = a + rng_below(&r, (int)(b - a) + 1);
  Date closed = rec + 1 + rng_below(&r, 45);
  date_format(rec, p->zReceived);
  if (closed <= b) {
    date_format(closed, p->zClosed);
    p->zOutcome = pick_weighted(&r, aOutcome);
  }
}

/* ---- Queries ---------------------------------------------------------- */

void bench_query_term(const BenchVocab *v, uint64_t uSeed, int64_t i,
                      int nChar, Buf *pOut) {
  Rng r = rng_for(uSeed, 3, (uint64_t)i);
  const char *zFallback = NULL;
  for (int attempt = 0; attempt < 1000; attempt++) {
    const char *z = pick_skewed(v, &r, BV_CLAUSE);
    /* Start offsets (bytes) of each code point, and whether it is CJK. */
    size_t aOff[64];
    int aCjk[64], n = 0;
    size_t len = strlen(z);
    for (size_t o = 0; o < len && n < 64;) {
      int l;
      uint32_t cp = utf8_decode(z + o, len - o, &l);
      aOff[n] = o;
      aCjk[n++] = utf8_is_cjk(cp);
      o += (size_t)l;
    }
    if (n < nChar) continue;
    int iStart = rng_below(&r, n - nChar + 1), bOk = 1;
    for (int k = iStart; k < iStart + nChar; k++) bOk &= aCjk[k];
    if (!bOk) {
      if (!zFallback) zFallback = z;
      continue;
    }
    size_t e = iStart + nChar < n ? aOff[iStart + nChar] : len;
    buf_append(pOut, z + aOff[iStart], e - aOff[iStart]);
    return;
  }
  buf_puts(pOut, zFallback ? zFallback : v->az[BV_CLAUSE][0]);
}
