/*
** test_fts.c — full-text search (src/store/fts_cjk.c): the FTS5 results must
** equal a brute-force substring scan over the folded text, for hand-written
** hard cases, a generated corpus, AND queries and injection attempts; plus
** the query parser, its errors, and the snippets.
*/
#include <sqlite3.h>
#include <stdint.h>
#include <stdlib.h>

#include "../../src/lib/buf.h"
#include "../../src/lib/utf8.h"
#include "../../src/store/fts_cjk.h"
#include "gen_corpus.h"
#include "harness.h"

/* The reference: every document's columns, folded. */
typedef struct Ref {
  int nDoc;       /* documents */
  int nAlloc;     /* allocated documents */
  char **azFold;  /* nDoc * CORPUS_NCOL folded column texts ("" for NULL) */
  char **azAll;   /* per document: its folded columns joined by '\n' (which
                  ** folded text never holds), so one strstr() scans all */
} Ref;

/* Opens an in-memory database with the tokenizer and the table
** t(title, doc_number, body, keywords, attachment_text).  zOpts are the
** extra FTS5 options (after tokenize='gk'). */
static sqlite3 *open_db(const char *zOpts) {
  sqlite3 *db = 0;
  CHECK_INT(sqlite3_open(":memory:", &db), SQLITE_OK);
  CHECK_INT(fts_cjk_register(db), FTS_CJK_OK);
  char *zSql = mprintf(
      "CREATE VIRTUAL TABLE t USING fts5(title, doc_number, body, keywords,"
      " attachment_text, tokenize='gk'%s)",
      zOpts);
  char *zErr = 0;
  int rc = sqlite3_exec(db, zSql, 0, 0, &zErr);
  if (rc != SQLITE_OK) fprintf(stderr, "  create: %s\n", zErr);
  CHECK_INT(rc, SQLITE_OK);
  sqlite3_free(zErr);
  free(zSql);
  /* The character table of the two-table form (fts_cjk_query_split). */
  CHECK_INT(sqlite3_exec(db,
                         "CREATE VIRTUAL TABLE c USING fts5(title, doc_number,"
                         " body, keywords, attachment_text,"
                         " tokenize='gk chars', detail=none)",
                         0, 0, 0),
            SQLITE_OK);
  return db;
}

/* Inserts a document with the next rowid into t and c and into the
** reference. */
static void add_doc(sqlite3 *db, Ref *pRef, const char *const *azCol) {
  for (int k = 0; k < 2; k++) {
    sqlite3_stmt *pStmt = 0;
    CHECK_INT(sqlite3_prepare_v2(db,
                                 k ? "INSERT INTO c(rowid, title, doc_number,"
                                     " body, keywords, attachment_text)"
                                     " VALUES(?1,?2,?3,?4,?5,?6)"
                                   : "INSERT INTO t(rowid, title, doc_number,"
                                     " body, keywords, attachment_text)"
                                     " VALUES(?1,?2,?3,?4,?5,?6)",
                                 -1, &pStmt, 0),
              SQLITE_OK);
    sqlite3_bind_int(pStmt, 1, pRef->nDoc + 1);
    for (int i = 0; i < CORPUS_NCOL; i++) {
      sqlite3_bind_text(pStmt, i + 2, azCol[i], -1, SQLITE_STATIC);
    }
    CHECK_INT(sqlite3_step(pStmt), SQLITE_DONE);
    sqlite3_finalize(pStmt);
  }
  if (pRef->nDoc == pRef->nAlloc) {
    pRef->nAlloc = pRef->nAlloc ? pRef->nAlloc * 2 : 16;
    pRef->azFold = xrealloc(pRef->azFold, sizeof(char *) * CORPUS_NCOL *
                                              (size_t)pRef->nAlloc);
    pRef->azAll = xrealloc(pRef->azAll, sizeof(char *) * (size_t)pRef->nAlloc);
  }
  Buf all = BUF_INIT;
  for (int i = 0; i < CORPUS_NCOL; i++) {
    Buf b = BUF_INIT;
    textmatch_fold(azCol[i], &b);
    buf_puts(&all, buf_str(&b));
    buf_putc(&all, '\n');
    pRef->azFold[pRef->nDoc * CORPUS_NCOL + i] = buf_steal(&b);
  }
  pRef->azAll[pRef->nDoc] = buf_steal(&all);
  pRef->nDoc++;
}

static void ref_free(Ref *pRef) {
  for (int i = 0; i < pRef->nDoc * CORPUS_NCOL; i++) free(pRef->azFold[i]);
  for (int i = 0; i < pRef->nDoc; i++) free(pRef->azAll[i]);
  free(pRef->azFold);
  free(pRef->azAll);
}

/* Rowids matching zQuery by FTS5 in ascending order into aId (room for
** nMax): with bSplit the two-table form (fts_cjk_query_split over t and
** c), else the one-table form (fts_cjk_query over t).  Returns the count,
** or -1 when the query is rejected or SQLite reports an error (printed). */
static int fts_ids_form(sqlite3 *db, const char *zQuery, int *aId, int nMax,
                        int bSplit) {
  Buf expr = BUF_INIT, chars = BUF_INIT;
  char *zErr = 0;
  int n = 0;
  int qrc = bSplit ? fts_cjk_query_split(zQuery, &expr, &chars, &zErr)
                   : fts_cjk_query(zQuery, &expr, &zErr);
  if (qrc != FTS_CJK_OK) {
    free(zErr);
    buf_free(&expr);
    buf_free(&chars);
    return -1;
  }
  if (bSplit) CHECK(expr.n > 0 || chars.n > 0);
  sqlite3_stmt *pStmt = 0;
  int rc = sqlite3_prepare_v2(
      db,
      !bSplit || expr.n
          ? "SELECT rowid FROM t WHERE t MATCH ?1 AND (?2 IS NULL OR"
            " EXISTS (SELECT 1 FROM c WHERE c MATCH ?2 AND c.rowid=t.rowid))"
            " ORDER BY rowid"
          : "SELECT rowid FROM c WHERE c MATCH ?2 AND ?1 IS NULL"
            " ORDER BY rowid",
      -1, &pStmt, 0);
  if (rc == SQLITE_OK) {
    if (expr.n) sqlite3_bind_text(pStmt, 1, buf_str(&expr), -1, SQLITE_STATIC);
    if (chars.n) sqlite3_bind_text(pStmt, 2, buf_str(&chars), -1, SQLITE_STATIC);
    while ((rc = sqlite3_step(pStmt)) == SQLITE_ROW) {
      if (n < nMax) aId[n] = sqlite3_column_int(pStmt, 0);
      n++;
    }
    if (rc == SQLITE_DONE) rc = SQLITE_OK;
  }
  if (rc != SQLITE_OK) {
    fprintf(stderr, "  MATCH %s | %s: %s\n", buf_str(&expr), buf_str(&chars),
            sqlite3_errmsg(db));
    n = -1;
  }
  sqlite3_finalize(pStmt);
  buf_free(&expr);
  buf_free(&chars);
  return n;
}

/* Both forms of fts_ids_form(); they must agree (a difference is printed
** and returned as -3, which no scan gives). */
static int fts_ids(sqlite3 *db, const char *zQuery, int *aId, int nMax) {
  int *aSplit = xmalloc(sizeof(int) * (size_t)(nMax + 1));
  int n1 = fts_ids_form(db, zQuery, aId, nMax, 0);
  int n2 = fts_ids_form(db, zQuery, aSplit, nMax, 1);
  int nCmp = n1 < nMax ? n1 : nMax;
  if (n1 != n2 || (n1 > 0 && memcmp(aId, aSplit, sizeof(int) * (size_t)nCmp))) {
    fprintf(stderr, "  query [%s]: one table %d hits, two tables %d\n",
            zQuery, n1, n2);
    n1 = -3;
  }
  free(aSplit);
  return n1;
}

/* Rowids matching zQuery by the brute-force substring scan; -1 when the
** query is rejected. */
static int ref_ids(const Ref *pRef, const char *zQuery, int *aId, int nMax) {
  char **azTerm;
  int nTerm, n = 0;
  if (textmatch_terms(zQuery, &azTerm, &nTerm, 0) != FTS_CJK_OK) return -1;
  for (int d = 0; d < pRef->nDoc; d++) {
    int bAll = 1;
    for (int k = 0; k < nTerm && bAll; k++) {
      /* Same as testing each column: a term never holds '\n'. */
      bAll = strstr(pRef->azAll[d], azTerm[k]) != 0;
    }
    if (bAll) {
      if (n < nMax) aId[n] = d + 1;
      n++;
    }
  }
  textmatch_terms_free(azTerm, nTerm);
  return n;
}

/* 1 when FTS5 and the scan agree on zQuery (printing the difference when
** not); *pnHit gets the number of matches. */
static int agree(sqlite3 *db, const Ref *pRef, const char *zQuery,
                 int *pnHit) {
  int nMax = pRef->nDoc + 1;
  int *aF = xmalloc(sizeof(int) * (size_t)nMax);
  int *aR = xmalloc(sizeof(int) * (size_t)nMax);
  int nF = fts_ids(db, zQuery, aF, nMax);
  int nR = ref_ids(pRef, zQuery, aR, nMax);
  int bOk = nF == nR && (nF <= 0 || memcmp(aF, aR, sizeof(int) * nF) == 0);
  if (!bOk) {
    int i = 0;
    while (i < nF && i < nR && aF[i] == aR[i]) i++;
    fprintf(stderr, "  query [%s]: fts %d hits, scan %d; first diff fts=%d"
            " scan=%d\n", zQuery, nF, nR, i < nF ? aF[i] : -1,
            i < nR ? aR[i] : -1);
  }
  if (pnHit) *pnHit = nR;
  free(aF);
  free(aR);
  return bOk;
}

/* Checks that zQuery yields exactly the rowids in the -1 terminated aWant,
** both by FTS5 and by the scan. */
static void expect(sqlite3 *db, const Ref *pRef, const char *zQuery,
                   const int *aWant) {
  int aGot[64];
  int nWant = 0;
  while (aWant[nWant] >= 0) nWant++;
  int nF = fts_ids(db, zQuery, aGot, 64);
  int bOk = nF == nWant && memcmp(aGot, aWant, sizeof(int) * nWant) == 0;
  if (!bOk) {
    fprintf(stderr, "  query [%s]: got", zQuery);
    for (int i = 0; i < nF && i < 64; i++) fprintf(stderr, " %d", aGot[i]);
    fprintf(stderr, " (n=%d), want", nF);
    for (int i = 0; i < nWant; i++) fprintf(stderr, " %d", aWant[i]);
    fprintf(stderr, "\n");
  }
  CHECK(bOk);
  CHECK(agree(db, pRef, zQuery, 0));
}

/* The hand-written corpus; doc i has rowid i+1. */
static const char *const aaHand[][CORPUS_NCOL] = {
    /* 1 */ {"关于做好新冠疫苗接种工作的通知", "宁卫发〔2018〕12号",
             "2023年第3季度全区饮用水水质检测合格率为98.5%。", "疫苗 接种",
             0},
    /* 2 */ {"关于转发卫健发〔2019〕7号文件的通知", "卫健发〔2019〕7号",
             "请下载附件PDF文件，或访问 http://example.gov.cn 。", "PDF",
             "附件：检测报告.pdf"},
    /* 3 */ {"疫情防控", "国办发[2020]1号",
             "疫\xE3\x80\x80情 防控 第１２季度 ２０２３年", "防疫",
             "合格率为9"},
    /* 4 */ {"Water QUALITY Report", "", "水 质\n不 合格", 0, "x"},
    /* 5 */ {"特殊字符", "", "a*b \"quoted\" NEAR(x) title:y -z ^w AND OR",
             "'single'", "{body}"},
    /* 6 */ {"坏字节", "", "坏\xff字节\xe7", 0, 0}, /* invalid UTF-8 */
};
#define N_HAND (int)(sizeof aaHand / sizeof aaHand[0])

/* Builds the hand corpus into a new database (options zOpts). */
static sqlite3 *hand_db(Ref *pRef, const char *zOpts) {
  sqlite3 *db = open_db(zOpts);
  memset(pRef, 0, sizeof *pRef);
  for (int i = 0; i < N_HAND; i++) add_doc(db, pRef, aaHand[i]);
  return db;
}

#define W(...) ((const int[]){__VA_ARGS__, -1})
#define NONE ((const int[]){-1})

TEST(fts_hand_hard_cases) {
  Ref ref;
  sqlite3 *db = hand_db(&ref, ", prefix='1', detail=full");
  expect(db, &ref, "疫苗", W(1));
  expect(db, &ref, "疫", W(1, 3));     /* 防疫: 疫 ends a run */
  expect(db, &ref, "苗", W(1));
  expect(db, &ref, "水质", W(1));      /* 水 质 in doc 4 is not 水质 */
  expect(db, &ref, "\"水 质\"", W(4)); /* ...but the phrase is */
  expect(db, &ref, "\"水 质 不\"", W(4));
  expect(db, &ref, "\"质 不\"", W(4));
  expect(db, &ref, "\"质不\"", NONE);
  expect(db, &ref, "疫情", W(3));      /* 疫　情 (U+3000) is not 疫情 */
  expect(db, &ref, "\"疫 情\"", W(3));
  expect(db, &ref, "宁卫发〔2018〕12号", W(1));
  expect(db, &ref, "2018", W(1));
  expect(db, &ref, "01", W(1, 2));     /* inside 2018, 2019 */
  expect(db, &ref, "卫健发〔2019〕", W(2));
  expect(db, &ref, "卫健发〔２０１９〕", W(2));
  expect(db, &ref, "卫健发(2019)", NONE);
  expect(db, &ref, "第3季度", W(1));
  expect(db, &ref, "第12季度", W(3));  /* full-width digits fold */
  expect(db, &ref, "2023年", W(1, 3));
  expect(db, &ref, "合格率为9", W(1, 3));
  expect(db, &ref, "3", W(1, 3));
  expect(db, &ref, "7", W(2));
  expect(db, &ref, "PDF", W(2));
  expect(db, &ref, "pdf", W(2));
  expect(db, &ref, "ＰＤＦ", W(2));
  expect(db, &ref, "df", W(2));
  expect(db, &ref, "f", W(2));         /* pdf: f ends a run */
  expect(db, &ref, "quality", W(4));
  expect(db, &ref, "water quality", W(4));
  expect(db, &ref, "\"water quality\"", W(4));
  expect(db, &ref, "\"quality water\"", NONE);
  expect(db, &ref, "\"r q\"", W(4));   /* across a run boundary */
  expect(db, &ref, "\"y r\"", W(4));
  expect(db, &ref, "\"y re\"", W(4));
  expect(db, &ref, "\"ty r\"", W(4));
  expect(db, &ref, "\"t r\"", NONE);
  expect(db, &ref, "x", W(2, 4, 5));   /* example, x, NEAR(x) */
  expect(db, &ref, "疫苗 2018", W(1));
  expect(db, &ref, "疫苗 2019", NONE);
  expect(db, &ref, "量子", NONE);
  expect(db, &ref, "。", W(1, 2));
  expect(db, &ref, "98.5%", W(1));
  expect(db, &ref, ".", W(1, 2));
  /* Invalid bytes fold to U+FFFD, in documents and queries alike. */
  expect(db, &ref, "\xEF\xBF\xBD", W(6));
  expect(db, &ref, "坏\xff字", W(6));
  expect(db, &ref, "节\xfe", W(6));
  expect(db, &ref, "坏字", W(6));
  ref_free(&ref);
  sqlite3_close(db);
}

TEST(fts_hand_without_prefix_index_same_results) {
  /* prefix='1' is a speed-up only; detail=full is required for phrases. */
  Ref ref;
  sqlite3 *db = hand_db(&ref, ", detail=full, columnsize=0");
  const char *az[] = {"疫", "苗", "f", "3", "x", "\"y r\"", "\"水 质 不\"",
                      "宁卫发〔2018〕12号", "01", "。"};
  for (size_t i = 0; i < sizeof az / sizeof az[0]; i++) {
    CHECK(agree(db, &ref, az[i], 0));
  }
  ref_free(&ref);
  sqlite3_close(db);
}

TEST(fts_injection_is_literal) {
  Ref ref;
  sqlite3 *db = hand_db(&ref, ", prefix='1', detail=full");
  expect(db, &ref, "\"", W(5));
  expect(db, &ref, "*", W(5));
  expect(db, &ref, "NEAR(", W(5));
  expect(db, &ref, "NEAR(x)", W(5));
  expect(db, &ref, "AND", W(5));
  expect(db, &ref, "and", W(5));
  expect(db, &ref, "OR", W(4, 5));     /* Report */
  expect(db, &ref, "疫苗 OR 水质", NONE); /* three ANDed terms */
  expect(db, &ref, "疫苗 AND 接种", NONE);
  expect(db, &ref, "NOT 疫苗", NONE);
  expect(db, &ref, "-z", W(5));
  expect(db, &ref, "-疫苗", NONE);
  expect(db, &ref, "^w", W(5));
  expect(db, &ref, "^疫苗", NONE);
  expect(db, &ref, "title:y", W(5));
  expect(db, &ref, "title:疫苗", NONE);
  expect(db, &ref, ":", W(2, 5));
  expect(db, &ref, "疫苗*", NONE);
  expect(db, &ref, "a*b", W(5));
  expect(db, &ref, "\"quoted\"", W(5)); /* a phrase: the word */
  expect(db, &ref, "\"\"quoted\"\"", NONE); /* "" then quoted"" */
  expect(db, &ref, "\"quoted", W(5));   /* unmatched: literal quote */
  expect(db, &ref, "quoted\"", W(5));
  expect(db, &ref, "'single'", W(5));
  expect(db, &ref, "{body}", W(5));
  expect(db, &ref, "(", W(5));
  expect(db, &ref, ")", W(5));
  expect(db, &ref, "\"a*b \"\"quoted", W(5));
  /* Every query either errors cleanly or agrees with the scan. */
  const char *azOdd[] = {"\"\"\"", "*\"*", "NEAR(疫苗 接种, 2)", "疫苗 NOT",
                         "+", "\\", "\"x", "x\"", "\"x\" \"", "-", "^",
                         "AND OR", "col:", "{title doc_number}:疫苗", "\x01",
                         "%", "_", "\xff\xfe", "疫\xe7"};
  for (size_t i = 0; i < sizeof azOdd / sizeof azOdd[0]; i++) {
    CHECK(agree(db, &ref, azOdd[i], 0));
  }
  ref_free(&ref);
  sqlite3_close(db);
}

TEST(fts_query_parse_and_errors) {
  Buf b = BUF_INIT;
  char *zErr = 0;
  CHECK_INT(fts_cjk_query("疫苗", &b, &zErr), FTS_CJK_OK);
  CHECK_STR(buf_str(&b), "\"疫苗\"");
  buf_reset(&b);
  CHECK_INT(fts_cjk_query("  疫  ＰＤＦ \"水 质\" \"a\"\"b\"  ", &b, &zErr),
            FTS_CJK_OK);
  CHECK_STR(buf_str(&b),
            "\"疫\"* AND \"pdf\" AND \"水 质\"* AND \"a\"* AND \"b\"*");
  buf_reset(&b);
  CHECK_INT(fts_cjk_query("x\"y", &b, &zErr), FTS_CJK_OK);
  CHECK_STR(buf_str(&b), "\"x\"\"y\"");
  buf_reset(&b);
  CHECK_INT(fts_cjk_query("", &b, &zErr), FTS_CJK_EEMPTY);
  CHECK(zErr != 0);
  free(zErr);
  zErr = 0;
  CHECK_INT(fts_cjk_query(" \xE3\x80\x80 \"\" ", &b, &zErr), FTS_CJK_EEMPTY);
  free(zErr);
  zErr = 0;
  CHECK_INT(fts_cjk_query(0, &b, 0), FTS_CJK_EEMPTY);
  CHECK_INT(fts_cjk_query("a b c d e f g h i j k l m n o p q", &b, &zErr),
            FTS_CJK_ETOOMANY);
  free(zErr);
  zErr = 0;
  Buf big = BUF_INIT;
  for (int i = 0; i < TEXTMATCH_MAX_CHARS + 1; i++) buf_puts(&big, "疫");
  CHECK_INT(fts_cjk_query(buf_str(&big), &b, &zErr), FTS_CJK_ETOOLONG);
  free(zErr);
  CHECK_INT((int)b.n, 0); /* unchanged on error */
  buf_free(&big);

  /* The two-table form: one-character terms to the character table. */
  Buf m = BUF_INIT, c = BUF_INIT;
  CHECK_INT(fts_cjk_query_split("  疫  ＰＤＦ \"水 质\" \"a\"\"b\" Ｘ ", &m, &c,
                                &zErr),
            FTS_CJK_OK);
  CHECK_STR(buf_str(&m), "\"pdf\" AND \"水 质\"*");
  CHECK_STR(buf_str(&c), "\"疫\" AND \"a\" AND \"b\" AND \"x\"");
  buf_reset(&m);
  buf_reset(&c);
  CHECK_INT(fts_cjk_query_split("疫苗", &m, &c, &zErr), FTS_CJK_OK);
  CHECK_STR(buf_str(&m), "\"疫苗\"");
  CHECK_INT((int)c.n, 0);
  CHECK_INT(fts_cjk_query_split("\"", &m, &c, &zErr), FTS_CJK_OK);
  CHECK_STR(buf_str(&c), "\"\"\"\"");
  CHECK_INT(fts_cjk_query_split("", &m, &c, &zErr), FTS_CJK_EEMPTY);
  free(zErr);
  zErr = 0;
  buf_free(&m);
  buf_free(&c);

  Buf f = BUF_INIT;
  textmatch_fold("  ＰＤＦ\xE3\x80\x80 文件\n\tA１ ", &f);
  CHECK_STR(buf_str(&f), "pdf 文件 a1");
  buf_free(&f);
  buf_free(&b);
}

TEST(fts_snippet_marks_matches) {
  Buf b = BUF_INIT;
  CHECK_INT(textmatch_snippet("2023年第3季度全区饮用水水质检测合格率为98.5%。",
                            "水质", &b, 40),
            1);
  CHECK_STR(buf_str(&b),
            "2023年第3季度全区饮用水<mark>水质</mark>检测合格率为98.5%。");
  buf_reset(&b);
  textmatch_snippet("请下载附件PDF文件", "df", &b, 40);
  CHECK_STR(buf_str(&b), "请下载附件P<mark>DF</mark>文件");
  buf_reset(&b);
  textmatch_snippet("<b>疫苗</b>&'\"", "疫苗", &b, 40);
  CHECK_STR(buf_str(&b),
            "&lt;b&gt;<mark>疫苗</mark>&lt;/b&gt;&amp;&#39;&quot;");
  buf_reset(&b);
  textmatch_snippet("疫苗苗", "苗", &b, 40);
  CHECK_STR(buf_str(&b), "疫<mark>苗</mark><mark>苗</mark>");
  buf_reset(&b);
  textmatch_snippet("疫苗苗", "苗苗 疫苗", &b, 40);
  CHECK_STR(buf_str(&b), "<mark>疫苗苗</mark>");
  buf_reset(&b);
  textmatch_snippet("水\xE3\x80\x80\n质 水质", "\"水 质\" 质", &b, 40);
  CHECK_STR(buf_str(&b), "<mark>水 质</mark> 水<mark>质</mark>");
  buf_reset(&b);
  textmatch_snippet("卫健发〔２０１９〕7号", "〔2019〕", &b, 40);
  CHECK_STR(buf_str(&b), "卫健发<mark>〔２０１９〕</mark>7号");
  buf_reset(&b);
  textmatch_snippet("坏\xff字", "字", &b, 40);
  CHECK_STR(buf_str(&b), "坏\xEF\xBF\xBD<mark>字</mark>");
  buf_reset(&b);
  CHECK_INT(textmatch_snippet("没有匹配的文本", "疫苗", &b, 40), 0);
  CHECK_STR(buf_str(&b), "没有匹配的文本");
  buf_reset(&b);
  /* A long text: the excerpt is cut around the first match. */
  Buf t = BUF_INIT;
  for (int i = 0; i < 50; i++) buf_puts(&t, "一二三四五六七八九十");
  buf_puts(&t, "疫苗");
  for (int i = 0; i < 50; i++) buf_puts(&t, "一二三四五六七八九十");
  CHECK_INT(textmatch_snippet(buf_str(&t), "疫苗", &b, 20), 1);
  CHECK_STR(buf_str(&b), "…六七八九十<mark>疫苗</mark>一二三四五六七八九十一二三…");
  buf_reset(&b);
  textmatch_snippet(buf_str(&t), "九", &b, 12);
  CHECK_STR(buf_str(&b), "…六七八<mark>九</mark>十一二三四五六七…");
  buf_reset(&b);
  CHECK_INT(textmatch_snippet(0, "x", &b, 0), 0);
  CHECK_STR(buf_str(&b), "");
  buf_free(&t);
  buf_free(&b);
}

TEST(fts_builtin_highlight_with_bigrams) {
  /* FTS5's highlight() works on token offsets.  It is right for terms of
  ** two or more characters (phrases of overlapping bigrams merge into one
  ** range, also across white space), but a one-character query matches the
  ** bigram token starting with it and so marks one character too many.
  ** This records that; textmatch_snippet() is the supported way. */
  Ref ref;
  sqlite3 *db = hand_db(&ref, ", prefix='1', detail=full");
  sqlite3_stmt *pStmt = 0;
  CHECK_INT(sqlite3_prepare_v2(db,
                               "SELECT highlight(t, 2, '[', ']') FROM t"
                               " WHERE t MATCH ?1 AND rowid = ?2",
                               -1, &pStmt, 0),
            SQLITE_OK);
  const char *azQ[] = {"\"水质\"", "\"水质检测\"", "\"疫\"*", "\"水 质\"",
                       "\"a\"*"};
  const int aRow[] = {1, 1, 3, 4, 5};
  const char *azWant[] = {
      "2023年第3季度全区饮用水[水质]检测合格率为98.5%。",
      "2023年第3季度全区饮用水[水质检测]合格率为98.5%。",
      "[疫]\xE3\x80\x80情 防控 第１２季度 ２０２３年", "[水 质]\n不 合格",
      /* A one-character (prefix) query marks the whole bigram token: */
      "[a*]b \"quoted\" NE[AR](x) title:y -z ^w [AN]D OR"};
  for (int i = 0; i < 5; i++) {
    sqlite3_bind_text(pStmt, 1, azQ[i], -1, SQLITE_STATIC);
    sqlite3_bind_int(pStmt, 2, aRow[i]);
    CHECK_INT(sqlite3_step(pStmt), SQLITE_ROW);
    const char *z = (const char *)sqlite3_column_text(pStmt, 0);
    if (strcmp(z ? z : "", azWant[i]) != 0) {
      fprintf(stderr, "  highlight %s: %s\n", azQ[i], z ? z : "(null)");
    }
    CHECK_STR(z, azWant[i]);
    sqlite3_reset(pStmt);
  }
  sqlite3_finalize(pStmt);
  ref_free(&ref);
  sqlite3_close(db);
}

/* ---------------------------------------------------------------------------
** The generated corpus.
*/

#define GEN_DOCS 1000

/* Adds code point c to the sorted unique set aSet (size *pn). */
static void set_add(uint32_t *aSet, int *pn, int nMax, uint32_t c) {
  int lo = 0, hi = *pn;
  while (lo < hi) {
    int mid = (lo + hi) / 2;
    if (aSet[mid] < c) lo = mid + 1;
    else hi = mid;
  }
  if (lo < *pn && aSet[lo] == c) return;
  if (*pn >= nMax) return;
  memmove(aSet + lo + 1, aSet + lo, sizeof(uint32_t) * (size_t)(*pn - lo));
  aSet[lo] = c;
  (*pn)++;
}

/* splitmix64 for sampling queries. */
static uint64_t test_rnd(uint64_t *pS) {
  uint64_t z = (*pS += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

/* Writes into pOut a substring of 1..6 characters of a random column of a
** random document (folded text), as a user query: quoted when it holds a
** space.  Returns 0 when the sample cannot be written as one term. */
static int sample_term(const Ref *pRef, uint64_t *pS, int nMaxChar,
                       Buf *pOut) {
  const char *z = 0;
  while (z == 0 || z[0] == 0) {
    z = pRef->azFold[test_rnd(pS) % (uint64_t)(pRef->nDoc * CORPUS_NCOL)];
  }
  size_t n = strlen(z), nChar = utf8_len(z, n);
  size_t iStart = test_rnd(pS) % nChar;
  size_t nWant = 1 + test_rnd(pS) % (uint64_t)nMaxChar;
  size_t iB = utf8_prefix(z, n, iStart);
  size_t nB = utf8_prefix(z + iB, n - iB, nWant);
  while (nB > 0 && z[iB + nB - 1] == ' ') nB--;
  while (nB > 0 && z[iB] == ' ') iB++, nB--;
  if (nB == 0) return 0;
  int bSpace = memchr(z + iB, ' ', nB) != 0;
  int bQuote = memchr(z + iB, '"', nB) != 0;
  if (bSpace && bQuote) return 0;
  if (bSpace || z[iB] == '"') {
    if (bQuote) return 0;
    buf_putc(pOut, '"');
    buf_append(pOut, z + iB, nB);
    buf_putc(pOut, '"');
  } else {
    buf_append(pOut, z + iB, nB);
  }
  return 1;
}

TEST(fts_generated_corpus_equals_scan) {
  Ref ref;
  memset(&ref, 0, sizeof ref);
  sqlite3 *db = open_db(", prefix='1', detail=full, columnsize=0");
  sqlite3_exec(db, "BEGIN", 0, 0, 0);
  for (int i = 0; i < GEN_DOCS; i++) {
    CorpusDoc d;
    corpus_doc(7, (uint64_t)i, 6, &d);
    add_doc(db, &ref, (const char *const *)d.azCol);
    corpus_doc_free(&d);
  }
  sqlite3_exec(db, "COMMIT", 0, 0, 0);

  int nQuery = 0, nBad = 0, nHitQuery = 0;
  int nHit;

  /* (1) every character of the corpus. */
  static uint32_t aChar[16384];
  int nChar = 0;
  for (int i = 0; i < ref.nDoc * CORPUS_NCOL; i++) {
    const char *z = ref.azFold[i];
    size_t n = strlen(z), j = 0;
    while (j < n) {
      int len;
      uint32_t c = utf8_decode(z + j, n - j, &len);
      j += (size_t)len;
      if (c != ' ') set_add(aChar, &nChar, 16384, c);
    }
  }
  CHECK(nChar > 150);
  for (int i = 0; i < nChar; i++) {
    char a[8];
    int n = utf8_encode(aChar[i], a);
    a[n] = 0;
    if (a[0] == '"') continue; /* a lone '"' is tested by hand */
    nQuery++;
    if (!agree(db, &ref, a, &nHit)) nBad++;
    if (nHit) nHitQuery++;
  }

  /* (2) sampled substrings of 1-6 characters (some span a space). */
  uint64_t s = 12345;
  for (int i = 0; i < 600; i++) {
    Buf q = BUF_INIT;
    if (sample_term(&ref, &s, 6, &q)) {
      nQuery++;
      if (!agree(db, &ref, buf_str(&q), &nHit)) nBad++;
      if (nHit) nHitQuery++;
    }
    buf_free(&q);
  }

  /* (3) digits, mixed strings, and terms that do not occur. */
  const char *azFixed[] = {
      "0", "1", "9", "00", "01", "19", "20", "2018", "2023", "１２",
      "2023年", "第3季度", "第１季度", "合格率为9", "合格率为98", "〔2019〕",
      "卫健发〔2019〕", "宁卫发〔2018〕12号", "[2015]", "（2016）", "pdf",
      "PDF", "df", "ＰＤＦ", "covid-19", "-19", "%", "％", "号", "9号",
      "sars-cov-2", "v-2", "wifi", "5g", "http", ".pdf", ".xlsx", "附件1",
      "量子纠缠", "zzz", "疫苗疫苗疫苗", "2099年", "龘龘", "𠀀", "〇〇",
      "\"。 。\"", "\"，\"", "\"pdf pdf\""};
  for (size_t i = 0; i < sizeof azFixed / sizeof azFixed[0]; i++) {
    nQuery++;
    if (!agree(db, &ref, azFixed[i], &nHit)) nBad++;
    if (nHit) nHitQuery++;
  }

  /* (4) AND of 2-3 sampled terms. */
  for (int i = 0; i < 300; i++) {
    Buf q = BUF_INIT;
    int nTerm = 2 + (int)(test_rnd(&s) % 2), bOk = 1;
    for (int k = 0; k < nTerm && bOk; k++) {
      if (k) buf_putc(&q, ' ');
      bOk = sample_term(&ref, &s, 3, &q);
    }
    if (bOk) {
      nQuery++;
      if (!agree(db, &ref, buf_str(&q), &nHit)) nBad++;
      if (nHit) nHitQuery++;
    }
    buf_free(&q);
  }

  CHECK_INT(nBad, 0);
  CHECK(nQuery > 1000);
  CHECK(nHitQuery > nQuery / 2); /* the test is not vacuous */
  if (nBad || getenv("GK_TEST_VERBOSE")) {
    fprintf(stderr, "  %d of %d queries differ (%d with hits, %d chars)\n",
            nBad, nQuery, nHitQuery, nChar);
  }
  ref_free(&ref);
  sqlite3_close(db);
}

/* gk_rank(t, w...): more instances rank first, a shorter column beats a
** longer one with the same count, column weights count, scores are
** negative (lower is better, as bm25), and a query costs no IDF scan. */
TEST(fts_gk_rank_orders_like_bm25_without_idf) {
  sqlite3 *db = 0;
  CHECK_INT(sqlite3_open(":memory:", &db), SQLITE_OK);
  CHECK_INT(fts_cjk_register(db), FTS_CJK_OK);
  CHECK_INT(sqlite3_exec(db,
                         "CREATE VIRTUAL TABLE r USING fts5(body, title,"
                         " tokenize='gk', detail=full);"
                         "INSERT INTO r(rowid, body, title) VALUES"
                         " (1, '水质检测', '通知'),"
                         " (2, '水质检测 水质检测 水质检测', '通知'),"
                         " (3, '水质检测 另有很多别的文字 另有很多别的文字"
                         " 另有很多别的文字 另有很多别的文字', '通知'),"
                         " (4, '无关内容', '水质检测');",
                         0, 0, 0),
            SQLITE_OK);
  sqlite3_stmt *st = 0;
  /* Weights: body 1, title 5. */
  CHECK_INT(sqlite3_prepare_v2(db,
                               "SELECT rowid, gk_rank(r, 1.0, 5.0) FROM r"
                               " WHERE r MATCH '\"水质检测\"'"
                               " ORDER BY gk_rank(r, 1.0, 5.0), rowid",
                               -1, &st, 0),
            SQLITE_OK);
  int aOrder[4], n = 0;
  double aScore[4];
  while (sqlite3_step(st) == SQLITE_ROW && n < 4) {
    aOrder[n] = sqlite3_column_int(st, 0);
    aScore[n++] = sqlite3_column_double(st, 1);
  }
  sqlite3_finalize(st);
  CHECK_INT(n, 4);
  if (n == 4) {
    CHECK_INT(aOrder[0], 4); /* in the title, weight 5 */
    CHECK_INT(aOrder[1], 2); /* three times */
    CHECK_INT(aOrder[2], 1); /* once, short body */
    CHECK_INT(aOrder[3], 3); /* once, long body */
    for (int i = 0; i < 4; i++) CHECK(aScore[i] < 0);
    for (int i = 1; i < 4; i++) CHECK(aScore[i - 1] < aScore[i]);
  }
  sqlite3_close(db);
}
