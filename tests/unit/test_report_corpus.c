/* test_report_corpus.c — the numbers the reader takes from real published
** reports (tests/fixtures/report/real/), cell by cell, as read by hand
** from each fixture's text (tests/cli/report_corpus.sh checks the
** verdicts; this checks that the verdict rests on the right numbers). */
#include <stdlib.h>
#include <string.h>

#include "core/report_text.h"
#include "harness.h"
#include "report_fixture.h"

#define REAL "tests/fixtures/report/real/"

/* One expected cell: table, row, column, value (-1 blank). */
typedef struct Want {
  const char *zT, *zR, *zC;
  long long v;
} Want;

/* Reads a real fixture and checks its format, year and cells. */
static void check_real(const char *zFile, const char *zFmt, int iYear,
                       const Want *a, int n) {
  RfSet s = {0};
  RtResult r;
  char *z = fixture_read(zFile);
  CHECK(z != NULL);
  if (!z) return;
  fixture_formats(&s);
  CHECK_INT(report_text_read(&s, z, NULL, &r), 0);
  if (r.pReport) {
    const Report *p = r.pReport;
    CHECK_STR(p->pFmt->zId, zFmt);
    CHECK_INT(p->iYear, iYear);
    for (int i = 0; i < n; i++) {
      long long v;
      int c = rf_cell(p->pFmt, a[i].zT, a[i].zR, a[i].zC);
      long long got = c < 0 ? -999 : report_get(p, c, &v) ? v / RF_SCALE : -1;
      if (got != a[i].v)
        fprintf(stderr, "  %s %s[%s][%s]\n", zFile, a[i].zT, a[i].zR, a[i].zC);
      CHECK_INT(got, a[i].v);
    }
  } else {
    fprintf(stderr, "  %s: %s\n", zFile, r.zErr ? r.zErr : "?");
  }
  rt_result_free(&r);
  rf_set_free(&s);
  free(z);
}

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* Pipes with the section and group titles as leading cells (官洲街道). */
TEST(corpus_haizhu_2023) {
  static const Want a[] = {
    {"t2_art20_1", "normative_docs", "valid", 0},
    {"t2_art20_6", "penalty", "decisions", 1472},
    {"t2_art20_6", "coercion", "decisions", 0},
    {"t3", "new", "natural_person", 1},
    {"t3", "new", "commercial", 0},
    {"t3", "new", "total", 1},
    {"t3", "carried_in", "total", 0},
    {"t3", "results.granted", "natural_person", 0},
    {"t3", "results.partial", "total", 0},
    {"t3", "results.denied.internal_affairs", "total", 0},
    {"t3", "results.denied.process_info", "other_org", 0},   /* cut row */
    {"t3", "results.denied.process_info", "total", 0},
    {"t3", "results.denied.enforcement_file", "total", -1},  /* not given */
    {"t3", "carry_out", "total", -1},
  };
  check_real(REAL "haizhu_gzjd_2023.txt", "2021", 2023, a, N(a));
}

/* "||" after each row, header padding (黄家镇) — before the reader fix 规章,
** 行政许可 and 行政处罚 were unreadable. */
TEST(corpus_longchang_2019) {
  static const Want a[] = {
    {"t2_art20_1", "regulations", "new_made", 0},
    {"t2_art20_1", "regulations", "total_public", 0},
    {"t2_art20_1", "normative_docs", "new_made", 1},
    {"t2_art20_1", "normative_docs", "new_published", 1},
    {"t2_art20_1", "normative_docs", "total_public", 25},
    {"t2_art20_5", "licensing", "decisions", 0},
    {"t2_art20_5", "other_services", "prev_items", 0},
    {"t2_art20_6", "penalty", "delta", 0},
    {"t2_art20_6", "coercion", "decisions", 0},
  };
  check_real(REAL "longchang_hjz_2019.txt", "2019", 2019, a, N(a));
}

/* Row 一 after a header padded with pipes (龙口镇). */
TEST(corpus_longkou_2022) {
  static const Want a[] = {
    {"t2_art20_1", "normative_docs", "made", 0},
    {"t2_art20_8", "admin_fees", "amount_wan_yuan", 0},
    {"t3", "new", "natural_person", 0},
    {"t3", "new", "total", 0},
    {"t3", "carried_in", "total", 0},
    {"t3", "results.granted", "total", -1},
  };
  check_real(REAL "longkou_z_2022.txt", "2021", 2022, a, N(a));
}

/* Pipe cells broken over lines ("| ", " 0  | "), a mobile page. */
TEST(corpus_cqsdj_2022) {
  static const Want a[] = {
    {"t2_art20_1", "regulations", "made", 0},
    {"t2_art20_1", "regulations", "valid", 0},
    {"t2_art20_1", "normative_docs", "repealed", 0},
    {"t2_art20_5", "licensing", "decisions", 0},
    {"t2_art20_6", "penalty", "decisions", -1},
  };
  check_real(REAL "cqsdj_z_2022.txt", "2021", 2022, a, N(a));
}

/* Empty cells of 规章 as lines of "|"; explanations in the headers; a
** negative 本年增/减 (胡市镇). */
TEST(corpus_tianmen_hsz_2019) {
  static const Want a[] = {
    {"t2_art20_1", "regulations", "new_made", -1},
    {"t2_art20_1", "regulations", "total_public", -1},
    {"t2_art20_1", "normative_docs", "new_made", 2},
    {"t2_art20_1", "normative_docs", "new_published", 0},
    {"t2_art20_1", "normative_docs", "total_public", 83},
    {"t2_art20_5", "licensing", "prev_items", 71},
    {"t2_art20_5", "licensing", "delta", -11},
    {"t2_art20_5", "licensing", "decisions", 0},
  };
  check_real(REAL "tianmen_hsz_2019.txt", "2019", 2019, a, N(a));
}

/* Pipe rows and one cell per line in 2021–2025 reports: table 二. */
TEST(corpus_table2_2021_format) {
  static const Want aT[] = {            /* 松木塘镇 2022 */
    {"t2_art20_1", "regulations", "made", 2},
    {"t2_art20_1", "regulations", "valid", 2},
    {"t2_art20_1", "normative_docs", "made", 2},
    {"t2_art20_1", "normative_docs", "repealed", 0},
    {"t2_art20_6", "penalty", "decisions", 9},
    {"t2_art20_6", "coercion", "decisions", 0},
  };
  check_real(REAL "taojiang_smtz_2022.txt", "2021", 2022, aT, N(aT));
  static const Want aO[] = {            /* 丽岙街道 2023 */
    {"t2_art20_1", "normative_docs", "made", 1},
    {"t2_art20_1", "normative_docs", "repealed", 3},
    {"t2_art20_1", "normative_docs", "valid", 3},
  };
  check_real(REAL "ouhai_lajd_2023.txt", "2021", 2023, aO, N(aO));
  static const Want aS[] = {            /* 东湖街道 2023, "本年(2023)制发件数" */
    {"t2_art20_1", "normative_docs", "made", 0},
    {"t2_art20_1", "normative_docs", "repealed", 1},
    {"t2_art20_1", "normative_docs", "valid", 0},
  };
  check_real(REAL "sxyc_dhjd_2023.txt", "2021", 2023, aS, N(aS));
  static const Want aP[] = {            /* 平湖某局 2024 */
    {"t2_art20_5", "licensing", "decisions", 460},
  };
  check_real(REAL "pinghu_dept_2024.txt", "2021", 2024, aP, N(aP));
  static const Want aM[] = {            /* 天门市政府办 2025 */
    {"t2_art20_1", "normative_docs", "made", 6},
    {"t2_art20_1", "normative_docs", "repealed", 6},
    {"t2_art20_1", "normative_docs", "valid", 49},
    {"t2_art20_6", "coercion", "decisions", 0},
  };
  check_real(REAL "tianmen_szfb_2025.txt", "2021", 2025, aM, N(aM));
  static const Want aX[] = {            /* 信访局 2021, "行政规范性文件" / "|" */
    {"t2_art20_1", "normative_docs", "made", 0},
    {"t2_art20_1", "normative_docs", "valid", 0},
    {"t2_art20_6", "coercion", "decisions", 0},
  };
  check_real(REAL "dttz_xfj_2021.txt", "2021", 2021, aX, N(aX));
}

/* 2019 format, one cell per line (丁山镇, 马水镇). */
TEST(corpus_table2_2019_format) {
  static const Want aD[] = {
    {"t2_art20_1", "normative_docs", "new_made", 37},
    {"t2_art20_1", "normative_docs", "new_published", 37},
    {"t2_art20_1", "normative_docs", "total_public", 637},
    {"t2_art20_5", "licensing", "decisions", 0},
  };
  check_real(REAL "cqqj_dsz_2019.txt", "2019", 2019, aD, N(aD));
  static const Want aL[] = {
    {"t2_art20_1", "regulations", "total_public", 0},
    {"t2_art20_5", "other_services", "delta", 0},
    {"t2_art20_6", "coercion", "decisions", 0},
  };
  check_real(REAL "leiyang_msz_2019.txt", "2019", 2019, aL, N(aL));
}

/* Empty cells as lines of "|" alone, "/" cells (区统计局 2023). */
TEST(corpus_ip_qtjj_2023) {
  static const Want a[] = {
    {"t2_art20_1", "regulations", "made", -1},
    {"t2_art20_1", "normative_docs", "valid", 0},
    {"t2_art20_8", "admin_fees", "amount_wan_yuan", 0},
    {"t3", "new", "natural_person", -1},
    {"t3", "new", "total", 0},
    {"t3", "carried_in", "other_org", -1},
    {"t3", "carried_in", "total", 0},
    {"t3", "results.granted", "total", -1},
  };
  check_real(REAL "ip_qtjj_2023.txt", "2021", 2023, a, N(a));
}

/* Traditional script from a mirror (武汉市生态环境局 2020): every row but
** the converter's 規範性檔案 (blank), the "-" cell blank. */
TEST(corpus_wh_sthj_2020) {
  static const Want a[] = {
    {"t2_art20_1", "regulations", "new_made", 0},
    {"t2_art20_1", "regulations", "total_public", 0},
    {"t2_art20_1", "normative_docs", "new_made", -1},
    {"t2_art20_5", "licensing", "prev_items", 8},
    {"t2_art20_5", "licensing", "delta", 5},
    {"t2_art20_5", "licensing", "decisions", 93},
    {"t2_art20_5", "other_services", "prev_items", 117},
    {"t2_art20_5", "other_services", "delta", 0},
    {"t2_art20_5", "other_services", "decisions", 165},
    {"t2_art20_6", "penalty", "prev_items", 90},
    {"t2_art20_6", "penalty", "decisions", 22},
    {"t2_art20_6", "coercion", "prev_items", 4},
    {"t2_art20_6", "coercion", "delta", 4},
    {"t2_art20_6", "coercion", "decisions", -1},
    {"t2_art20_8", "admin_fees", "prev_items", -1},
  };
  check_real(REAL "wh_sthj_2020.txt", "2019", 2020, a, N(a));
}

/* Colon definitions and "+(0) -(0)" (长春经开区文教局 2020). */
TEST(corpus_ccjk_wjj_2020) {
  static const Want a[] = {
    {"t2_art20_1", "regulations", "new_made", 1},
    {"t2_art20_1", "regulations", "new_published", 1},
    {"t2_art20_1", "regulations", "total_public", 1},
    {"t2_art20_1", "normative_docs", "total_public", 0},
    {"t2_art20_5", "licensing", "prev_items", 43},
    {"t2_art20_5", "licensing", "delta", -1},
    {"t2_art20_5", "licensing", "decisions", 66},
    {"t2_art20_5", "other_services", "prev_items", 19},
    {"t2_art20_5", "other_services", "decisions", 0},
    {"t2_art20_6", "penalty", "prev_items", 12},
    {"t2_art20_6", "coercion", "decisions", 0},
  };
  check_real(REAL "ccjk_wjj_2020.txt", "2019", 2020, a, N(a));
}

/* "减4" and a 采购总金额 with decimals (a 局, no year stated). */
TEST(corpus_ju_owen_nd) {
  static const Want a[] = {
    {"t2_art20_5", "licensing", "prev_items", 6},
    {"t2_art20_5", "licensing", "delta", -4},
    {"t2_art20_5", "licensing", "decisions", 2},
    {"t2_art20_6", "penalty", "prev_items", 2},
    {"t2_art20_6", "penalty", "decisions", 2},
    {"t2_art20_9", "central_procurement", "count", 6},
    {"t3", "new", "total", 0},
    {"t3", "results.partial", "total", 0},
  };
  check_real(REAL "ju_owen_nd.txt", "2019", 0, a, N(a));
}

/* Prose 受理2件 against the table's 3 (长春市退役军人事务局 2023). */
TEST(corpus_cc_tyjrswj_2023) {
  static const Want a[] = {
    {"t3", "new", "natural_person", 3},
    {"t3", "new", "commercial", 0},
    {"t3", "new", "total", 3},
    {"t3", "carried_in", "total", 0},
    {"t2_art20_8", "admin_fees", "amount_wan_yuan", 0},
  };
  check_real(REAL "cc_tyjrswj_2023.txt", "2021", 2023, a, N(a));
}

/* One cell per line with leading spaces, 2019 headers broken over two
** lines (中村乡 2020): 规范性文件 5/5/5 and 政府集中采购 1 item, 8040. */
TEST(corpus_huichang_zcx_2020) {
  static const Want a[] = {
    {"t2_art20_1", "regulations", "total_public", 0},
    {"t2_art20_1", "normative_docs", "new_made", 5},
    {"t2_art20_1", "normative_docs", "new_published", 5},
    {"t2_art20_1", "normative_docs", "total_public", 5},
    {"t2_art20_5", "other_services", "decisions", 0},
    {"t2_art20_6", "coercion", "decisions", 0},
    {"t2_art20_8", "admin_fees", "delta", 0},
    {"t2_art20_9", "central_procurement", "count", 1},
    {"t2_art20_9", "central_procurement", "amount", 8040},
    {"t3", "new", "total", -1},
  };
  check_real(REAL "huichang_zcx_2020.txt", "2019", 2020, a, N(a));
}

/* One cell per line with a change written "+19" (南源街道 2020). */
TEST(corpus_nanyuan_jd_2020) {
  static const Want a[] = {
    {"t2_art20_5", "licensing", "prev_items", 21},
    {"t2_art20_5", "licensing", "delta", 19},
    {"t2_art20_5", "licensing", "decisions", 40},
    {"t2_art20_5", "other_services", "decisions", 0},
    {"t2_art20_6", "coercion", "decisions", 0},
    {"t2_art20_8", "admin_fees", "delta", 0},
    {"t2_art20_9", "central_procurement", "count", -1},
  };
  check_real(REAL "nanyuan_jd_2020.txt", "2019", 2020, a, N(a));
}
