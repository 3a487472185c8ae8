/*
** gen_corpus.c — deterministic generator of government-like documents
** (see gen_corpus.h).  The PRNG is splitmix64 seeded from (seed, doc index).
*/
#include "gen_corpus.h"

#include <stdlib.h>
#include <string.h>

#include "../../src/lib/buf.h"

const char *const corpus_azColName[CORPUS_NCOL] = {
    "title", "doc_number", "body", "keywords", "attachment_text"};

/* Word pools, most frequent first (picked with a Zipf-like skew). */
static const char *const azWord[] = {
    "的", "工作", "和", "要", "发展", "建设", "管理", "服务", "加强", "推进",
    "全面", "落实", "做好", "实施", "政府", "信息", "公开", "部门", "单位",
    "卫生", "健康", "疫苗", "接种", "水质", "检测", "合格", "安全", "生产",
    "监督", "检查", "责任", "制度", "机制", "规定", "办法", "方案", "通知",
    "意见", "组织", "领导", "保障", "经费", "预算", "项目", "资金", "采购",
    "招标", "合同", "审计", "财政", "税收", "教育", "学校", "医院", "医疗",
    "药品", "食品", "环境", "保护", "污染", "治理", "生态", "农业", "农村",
    "水利", "交通", "道路", "运输", "城市", "规划", "住房", "社会", "保险",
    "就业", "培训", "人才", "科技", "创新", "数据", "平台", "系统", "网络",
    "应急", "预案", "防控", "疫情", "新冠", "病毒", "核酸", "隔离", "消毒",
    "饮用水", "自来水", "供水", "污水", "排放", "标准", "指标", "考核",
    "评估", "统计", "报告", "公告", "批复", "决定", "条例", "依法", "行政",
    "许可", "审批", "登记", "备案", "申请", "受理", "答复", "公民", "法人",
    "其他组织", "依申请公开", "主动公开", "不予公开", "政务", "宁夏", "银川",
    "石嘴山", "吴忠", "固原", "中卫", "自治区", "人民政府", "卫生健康委员会",
    "季度", "年度", "月份", "上半年", "下半年", "截至", "累计", "同比",
    "增长", "下降", "合格率", "覆盖率", "完成率", "百分之", "万元", "亿元",
    "龘", "鱻", "𠀀", "〇", "々"};
#define N_WORD (sizeof azWord / sizeof azWord[0])

static const char *const azLatin[] = {
    "PDF", "pdf", "Pdf", "Excel", "EXCEL", "Word", "COVID-19", "covid",
    "GB", "ISO", "App", "APP", "WiFi", "5G", "http", "ＰＤＦ", "ｗｏｒｄ",
    "SARS-CoV-2", "GDP", "CPI", "OK", "x", "A"};
#define N_LATIN (sizeof azLatin / sizeof azLatin[0])

static const char *const azPunct[] = {"，", "。", "、", "；", "：", "（",
                                      "）", "“", "”", "《", "》", "！",
                                      "？", ",", ".", "%", "％", "-", "/",
                                      "\"", "*", "(", ")", ":", "^"};
#define N_PUNCT (sizeof azPunct / sizeof azPunct[0])

static const char *const azOrg[] = {"宁卫", "宁政", "卫健", "国办", "银政",
                                    "宁财", "宁教", "宁环", "宁水"};
#define N_ORG (sizeof azOrg / sizeof azOrg[0])

static const char *const azKind[] = {"通知", "意见", "批复", "报告", "公告",
                                     "决定", "办法", "方案"};
#define N_KIND (sizeof azKind / sizeof azKind[0])

/* splitmix64 step. */
static uint64_t rnd(uint64_t *pS) {
  uint64_t z = (*pS += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

/* Uniform integer in [0, n). */
static unsigned pick(uint64_t *pS, unsigned n) {
  return (unsigned)(rnd(pS) % n);
}

/* Skewed index in [0, n): small indexes are much more frequent. */
static unsigned pick_zipf(uint64_t *pS, unsigned n) {
  double u = (double)(rnd(pS) >> 11) / 9007199254740992.0;
  unsigned i = (unsigned)(u * u * u * n);
  return i < n ? i : n - 1;
}

/* Appends a number 0..nMax-1, in full-width digits one time in eight. */
static void put_number(Buf *b, uint64_t *pS, unsigned nMax) {
  char a[24];
  unsigned v = pick(pS, nMax);
  int n = 0;
  do {
    a[n++] = (char)('0' + v % 10);
    v /= 10;
  } while (v);
  int bWide = pick(pS, 8) == 0;
  while (n > 0) {
    char c = a[--n];
    if (bWide) {
      /* U+FF10 + digit: EF BC 90+d */
      char w[3] = {(char)0xEF, (char)0xBC, (char)(0x90 + (c - '0'))};
      buf_append(b, w, 3);
    } else {
      buf_putc(b, c);
    }
  }
}

/* Appends a 文号 like 宁卫发〔2018〕12号 (bracket and digit styles vary). */
static void put_doc_number(Buf *b, uint64_t *pS) {
  static const char *const azOpen[] = {"〔", "[", "（", "〔"};
  static const char *const azClose[] = {"〕", "]", "）", "〕"};
  static const char *const azVerb[] = {"发", "函", "办发", "规"};
  unsigned k = pick(pS, 4);
  buf_puts(b, azOrg[pick(pS, N_ORG)]);
  buf_puts(b, azVerb[pick(pS, 4)]);
  buf_puts(b, azOpen[k]);
  buf_printf(b, "%d", 2010 + (int)pick(pS, 15));
  buf_puts(b, azClose[k]);
  put_number(b, pS, 200);
  buf_puts(b, "号");
}

/* Appends 2-3 CJK characters drawn uniformly from U+4E00..U+9FA5: names of
** people, places and firms, which give the index its long tail of rare
** bigrams. */
static void put_name(Buf *b, uint64_t *pS) {
  for (int i = 2 + (int)pick(pS, 2); i > 0; i--) {
    uint32_t c = 0x4E00 + pick(pS, 0x9FA5 - 0x4E00 + 1);
    char a[3] = {(char)(0xE0 | (c >> 12)), (char)(0x80 | ((c >> 6) & 0x3F)),
                 (char)(0x80 | (c & 0x3F))};
    buf_append(b, a, 3);
  }
}

/* Appends one body sentence. */
static void put_sentence(Buf *b, uint64_t *pS) {
  int nPart = 4 + (int)pick(pS, 10);
  for (int i = 0; i < nPart; i++) {
    unsigned r = pick(pS, 100);
    if (r < 65) {
      buf_puts(b, azWord[pick_zipf(pS, N_WORD)]);
    } else if (r < 70) {
      put_name(b, pS);
    } else if (r < 76) {
      put_number(b, pS, 2030);
      buf_puts(b, pick(pS, 2) ? "年" : "");
    } else if (r < 80) {
      buf_puts(b, "第");
      put_number(b, pS, 5);
      buf_puts(b, "季度");
    } else if (r < 83) {
      buf_puts(b, "合格率为");
      put_number(b, pS, 100);
      if (pick(pS, 2)) {
        buf_putc(b, '.');
        put_number(b, pS, 10);
      }
      buf_puts(b, pick(pS, 2) ? "%" : "％");
    } else if (r < 88) {
      buf_puts(b, pick(pS, 3) ? "" : " ");
      buf_puts(b, azLatin[pick(pS, N_LATIN)]);
      buf_puts(b, pick(pS, 3) ? "" : " ");
    } else if (r < 95) {
      buf_puts(b, azPunct[pick(pS, N_PUNCT)]);
    } else if (r < 97) {
      buf_puts(b, pick(pS, 2) ? "\xE3\x80\x80" : "  ");
    } else {
      put_doc_number(b, pS);
    }
  }
  buf_puts(b, pick(pS, 10) ? "。" : "。\n");
}

void corpus_doc(uint64_t uSeed, uint64_t iDoc, int nSentence,
                CorpusDoc *pDoc) {
  uint64_t s = uSeed * 0x2545F4914F6CDD1Dull + iDoc;
  Buf b = BUF_INIT;
  rnd(&s);

  /* title */
  buf_puts(&b, "关于");
  if (pick(&s, 3) == 0) put_name(&b, &s);
  for (int i = 1 + (int)pick(&s, 3); i > 0; i--) {
    buf_puts(&b, azWord[pick_zipf(&s, N_WORD)]);
  }
  if (pick(&s, 4) == 0) {
    buf_puts(&b, "第");
    put_number(&b, &s, 5);
    buf_puts(&b, "季度");
  }
  buf_puts(&b, "的");
  buf_puts(&b, azKind[pick(&s, N_KIND)]);
  pDoc->azCol[0] = buf_steal(&b);

  /* doc_number */
  put_doc_number(&b, &s);
  pDoc->azCol[1] = buf_steal(&b);

  /* body */
  int n = nSentence / 2 + (int)pick(&s, (unsigned)nSentence + 1);
  for (int i = 0; i < n; i++) put_sentence(&b, &s);
  pDoc->azCol[2] = buf_steal(&b);

  /* keywords */
  for (int i = 2 + (int)pick(&s, 3); i > 0; i--) {
    buf_puts(&b, azWord[pick_zipf(&s, N_WORD)]);
    if (i > 1) buf_puts(&b, pick(&s, 2) ? " " : "；");
  }
  pDoc->azCol[3] = buf_steal(&b);

  /* attachment_text */
  if (pick(&s, 3) == 0) {
    buf_puts(&b, "附件");
    put_number(&b, &s, 5);
    buf_puts(&b, "：");
    put_sentence(&b, &s);
    buf_puts(&b, pick(&s, 2) ? ".PDF" : ".xlsx");
    pDoc->azCol[4] = buf_steal(&b);
  } else {
    pDoc->azCol[4] = 0;
  }
}

void corpus_doc_free(CorpusDoc *pDoc) {
  for (int i = 0; i < CORPUS_NCOL; i++) free(pDoc->azCol[i]);
  memset(pDoc, 0, sizeof *pDoc);
}
