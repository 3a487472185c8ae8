/* test_report_shapes.c — the text shapes real published reports take
** (pipes, Markdown one-row tables with generic headers, section titles
** before row labels, blank cells, one cell per line, run-together cells),
** the file kinds (lib/doctable: HTML spans, DOCX vMerge, XLSX merges,
** bombs) and the reviewer's checks (core/report_review: format against
** year, numbers in the text against the tables).  Every expected number
** was written down by hand from the input text of the test. */
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "core/report_review.h"
#include "core/report_text.h"
#include "harness.h"
#include "lib/doctable.h"
#include "report_fixture.h"

/* Value of a cell in whole units, -1 blank, -999 no such cell. */
static long long cellv(const Report *p, const char *zT, const char *zR,
                       const char *zC) {
  long long v;
  int i = rf_cell(p->pFmt, zT, zR, zC);
  if (i < 0) return -999;
  return report_get(p, i, &v) ? v / RF_SCALE : -1;
}

/* Reads z (NULL format: detected); NULL report when unreadable. */
static Report *read_text(RfSet *s, const char *z, RtResult *r) {
  fixture_formats(s);
  if (report_text_read(s, z, NULL, r)) return NULL;
  return r->pReport;
}

static int notes_have(const RtResult *r, const char *zPart) {
  for (int i = 0; i < r->nNote; i++)
    if (strstr(r->azNote[i], zPart)) return 1;
  for (int i = 0; i < r->nNote; i++) fprintf(stderr, "  note: %s\n", r->azNote[i]);
  return 0;
}

/* Pipes, a blank cell (" |  | "), a section title before the row label
** and a wrapped group header. */
TEST(report_shape_pipes_blank_and_section_title) {
  RfSet s = {0};
  RtResult r;
  const char *z =
    "2022年某局政府信息公开工作年度报告\n"
    "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) | 申请人情况 | ||||||||\n"
    "自然人 | 法人或其他组织 (商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他) | 总计 |\n"
    "一、本年新收政府信息公开申请数量 | 3 | 1 |  | 0 | 0 | 0 | 4 |\n"
    "三、本年度办理结果 | （一）予以公开 | 2 | 1 | 0 | 0 | 0 | 0 | 3 |\n";
  Report *p = read_text(&s, z, &r);
  CHECK(p != NULL);
  if (p) {
    CHECK_STR(p->pFmt->zId, "2021");
    CHECK_INT(p->iYear, 2022);
    CHECK_INT(cellv(p, "t3", "new", "natural_person"), 3);
    CHECK_INT(cellv(p, "t3", "new", "commercial"), 1);
    CHECK_INT(cellv(p, "t3", "new", "research"), -1);        /* blank */
    CHECK_INT(cellv(p, "t3", "new", "total"), 4);
    CHECK_INT(cellv(p, "t3", "results.granted", "natural_person"), 2);
    CHECK_INT(cellv(p, "t3", "results.granted", "total"), 3);
  }
  rt_result_free(&r);
  rf_set_free(&s);
}

/* Markdown where every row is its own table with generic headers. */
TEST(report_shape_markdown_one_row_tables) {
  RfSet s = {0};
  RtResult r;
  const char *z =
    "# 2021年度某县政府信息公开工作年度报告\n\n"
    "| 数据1 | 数据2 | 数据3 | 数据4 | 数据5 | 数据6 | 总计 |\n"
    "|---|---|---|---|---|---|---|\n"
    "| 一、本年新收政府信息公开申请数量 | 5 | 0 | 0 | 1 | 0 | 0 | 6 |\n\n"
    "| 数据1 | 数据2 | 数据3 | 数据4 | 数据5 | 数据6 | 总计 |\n"
    "|---|---|---|---|---|---|---|\n"
    "| 二、上年结转政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n\n"
    "| 数据1 | 数据2 | 数据3 | 数据4 | 数据5 | 数据6 | 总计 |\n"
    "|:--|--:|--:|--:|--:|--:|--:|\n"
    "| 三、本年度办理结果 （二）部分公开（区分处理的，只计这一情形，不计其他情形） | 2 | 0 | 0 | 1 | 0 | 0 | 3 |\n";
  Report *p = read_text(&s, z, &r);
  CHECK(p != NULL);
  if (p) {
    CHECK_INT(r.nRowRead, 3);
    CHECK_INT(cellv(p, "t3", "new", "public_welfare"), 1);
    CHECK_INT(cellv(p, "t3", "new", "total"), 6);
    CHECK_INT(cellv(p, "t3", "carried_in", "natural_person"), 1);
    CHECK_INT(cellv(p, "t3", "results.partial", "total"), 3);
  }
  rt_result_free(&r);
  rf_set_free(&s);
}

/* Every cell on a line of its own, "|" lines and blank lines between. */
TEST(report_shape_one_cell_per_line) {
  RfSet s = {0};
  RtResult r;
  const char *z =
    "某镇2023年政府信息公开工作年度报告\n"
    "第二十条第(一)项\n|\n信息内容\n|\n本年制发件数\n|\n本年废止件数\n|\n现行有效件数\n|\n"
    "规范性文件\n|\n2\n|\n1\n|\n9\n|\n"
    "第二十条第(六)项\n\n行政处罚\n\n30\n\n行政强制\n\n0\n\n"
    "一、本年新收政府信息公开申请数量\n\n 4\n\n 0\n\n 0\n\n 0\n\n 0\n\n 1\n\n 5\n";
  Report *p = read_text(&s, z, &r);
  CHECK(p != NULL);
  if (p) {
    CHECK_INT(cellv(p, "t2_art20_1", "normative_docs", "made"), 2);
    CHECK_INT(cellv(p, "t2_art20_1", "normative_docs", "repealed"), 1);
    CHECK_INT(cellv(p, "t2_art20_1", "normative_docs", "valid"), 9);
    CHECK_INT(cellv(p, "t2_art20_6", "penalty", "decisions"), 30);
    CHECK_INT(cellv(p, "t2_art20_6", "coercion", "decisions"), 0);
    CHECK_INT(cellv(p, "t3", "new", "other_org"), 1);
    CHECK_INT(cellv(p, "t3", "new", "total"), 5);
  }
  rt_result_free(&r);
  rf_set_free(&s);
}

/* A pipe row broken after its empty cells ("… | 25 |", "|" lines, "| 25
** |"): one row 25, five blanks, 25. */
TEST(report_shape_pipe_row_broken_over_lines) {
  RfSet s = {0};
  RtResult r;
  const char *z =
    "2020年某局政府信息公开工作年度报告\n"
    "一、本年新收政府信息公开申请数量 | 25 |\n|\n|\n|\n|\n| 25 |\n"
    "二、上年结转政府信息公开申请数量 |\n|\n|\n|\n|\n|\n| 0 |\n";
  Report *p = read_text(&s, z, &r);
  CHECK(p != NULL);
  if (p) {
    CHECK_STR(p->pFmt->zId, "2019");          /* the 2020 report's format */
    CHECK_INT(cellv(p, "t3", "new", "natural_person"), 25);
    CHECK_INT(cellv(p, "t3", "new", "commercial"), -1);
    CHECK_INT(cellv(p, "t3", "new", "other_org"), -1);
    CHECK_INT(cellv(p, "t3", "new", "total"), 25);
    CHECK_INT(cellv(p, "t3", "carried_in", "natural_person"), -1);
    CHECK_INT(cellv(p, "t3", "carried_in", "total"), 0);
  }
  rt_result_free(&r);
  rf_set_free(&s);
}

/* Web text from a real 2019 report (黄家镇): every cell on its own line
** ending " |", the header's spanned cells as a line "||" after it.  The
** header "对外公开总数量 |" joined with "||" has two empty cells; they are
** not the numbers of a label wrapped onto the next line ("规章"): 规章
** reads 0/0/0 from the lines under it, 规范性文件 1/1/25. */
TEST(report_shape_header_padding_is_not_values) {
  RfSet s = {0};
  RtResult r;
  const char *z =
    "2019年黄家镇政府信息公开工作年度报告\n二、主动公开政府信息情况\n"
    "第二十条第(一)项 |\n|||||\n信息内容 |\n本年新 |\n本年新 |\n"
    "对外公开总数量 |\n||\n规章 |\n0 |\n0 |\n0 |\n||\n"
    "规范性文件 |\n1 |\n1 |\n25 |\n||\n"
    "其他 |\n|||||||||||||\n"
    "一、本年新收政府信息公开申请数量 |\n0 |\n0 |\n0 |\n0 |\n0 |\n0 |\n0 |\n"
    "||||||||||\n";
  Report *p = read_text(&s, z, &r);
  CHECK(p != NULL);
  if (p) {
    CHECK_STR(p->pFmt->zId, "2019");
    CHECK_INT(cellv(p, "t2_art20_1", "regulations", "new_made"), 0);
    CHECK_INT(cellv(p, "t2_art20_1", "regulations", "total_public"), 0);
    CHECK_INT(cellv(p, "t2_art20_1", "normative_docs", "new_made"), 1);
    CHECK_INT(cellv(p, "t2_art20_1", "normative_docs", "new_published"), 1);
    CHECK_INT(cellv(p, "t2_art20_1", "normative_docs", "total_public"), 25);
    /* "其他" + padding is not row 一 with blank cells (龙口镇 2022) */
    CHECK_INT(cellv(p, "t3", "new", "natural_person"), 0);
    CHECK_INT(cellv(p, "t3", "new", "total"), 0);
    for (int i = 0; i < r.nNote; i++) CHECK(strstr(r.azNote[i], "无法") == NULL);
  }
  rt_result_free(&r);
  rf_set_free(&s);
}

/* A published table whose every cell was left empty (螅镇 2022): labels
** only.  It reads as all blank with a note, so the format (2019 labels)
** can still be judged against the year. */
TEST(report_shape_labels_without_numbers) {
  RfSet s = {0};
  RtResult r;
  const char *z =
    "2022年度某镇政府信息公开工作年度报告\n\n"
    "第二十条第(一)项\n\n信息内容\n\n本年新制作数量\n\n本年新公开数量\n\n"
    "对外公开总数量\n\n规章\n\n规范性文件\n\n第二十条第(五)项\n\n"
    "上一年项目数量\n\n本年增/减\n\n处理决定数量\n\n行政许可\n\n"
    "其他对外管理服务事项\n\n行政处罚\n\n行政强制\n\n行政事业性收费\n\n"
    "政府集中采购\n\n一、本年新收政府信息公开申请数量\n\n"
    "二、上年结转政府信息公开申请数量\n\n（一）予以公开\n\n";
  Report *p = read_text(&s, z, &r);
  CHECK(p != NULL);
  if (p) {
    CHECK_STR(p->pFmt->zId, "2019");
    CHECK_INT(p->iYear, 2022);
    CHECK_INT(r.nRowRead, 0);
    CHECK(notes_have(&r, "只有行标签、没有任何数字"));
    CHECK_INT(cellv(p, "t2_art20_5", "licensing", "decisions"), -1);
    CHECK_INT(cellv(p, "t3", "new", "total"), -1);
  }
  rt_result_free(&r);
  rf_set_free(&s);
  /* two labels in prose are not a table: still unreadable */
  const char *z2 = "2022年某镇报告\n行政许可\n行政处罚\n";
  p = read_text(&s, z2, &r);
  CHECK(p == NULL);
  rt_result_free(&r);
  rf_set_free(&s);
}

/* Too few numbers and nothing to place them by (岳阳南湖某局 2019: "3 |",
** "3 |" for seven cells, the five empty cells gone): 3 can stand under
** any of the six applicant columns with 总计 3, so the row is left blank
** and the note says the columns cannot be told, not that the rule fails. */
TEST(report_shape_too_few_numbers_to_place) {
  RfSet s = {0};
  RtResult r;
  const char *z =
    "2019年某局政府信息公开工作年度报告\n"
    "一、本年新收政府信息公开申请数量 |\n3 |\n3 |\n|||||||\n"
    "二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n";
  Report *p = read_text(&s, z, &r);
  CHECK(p != NULL);
  if (p) {
    CHECK_INT(cellv(p, "t3", "new", "natural_person"), -1);
    CHECK_INT(cellv(p, "t3", "new", "total"), -1);
    CHECK_INT(cellv(p, "t3", "carried_in", "total"), 0);
    CHECK(notes_have(&r, "一：文本只有2个数“3 3”（应为7个），空格没有留下位置，"
                         "无法确定各数所在的列"));
    CHECK(r.nAmbiguous == 1);
  }
  rt_result_free(&r);
  rf_set_free(&s);
}

/* Every cell on its own line ending " |", an empty cell as a line "|"
** alone (区统计局 2023): "一、… |", six "|" lines, "0 |" is one row of six
** blank applicant cells and 总计 0; a cell "/" is blank. */
TEST(report_shape_cell_lines_with_empty_pipe_lines) {
  RfSet s = {0};
  RtResult r;
  const char *z =
    "某区统计局2023年政府信息公开工作年度报告\n"
    "规章 |\n/ |\n/ |\n/ |\n行政规范性文件 |\n0 |\n2 |\n7 |\n"
    "一、本年新收政府信息公开申请数量 |\n|\n|\n|\n|\n|\n|\n0 |\n||\n"
    "二、上年结转政府信息公开申请数量 |\n|\n|\n|\n|\n|\n|\n4 |\n||\n";
  Report *p = read_text(&s, z, &r);
  CHECK(p != NULL);
  if (p) {
    CHECK_STR(p->pFmt->zId, "2021");
    CHECK_INT(cellv(p, "t2_art20_1", "regulations", "made"), -1);
    CHECK_INT(cellv(p, "t2_art20_1", "normative_docs", "repealed"), 2);
    CHECK_INT(cellv(p, "t2_art20_1", "normative_docs", "valid"), 7);
    CHECK_INT(cellv(p, "t3", "new", "natural_person"), -1);
    CHECK_INT(cellv(p, "t3", "new", "other_org"), -1);
    CHECK_INT(cellv(p, "t3", "new", "total"), 0);
    CHECK_INT(cellv(p, "t3", "carried_in", "commercial"), -1);
    CHECK_INT(cellv(p, "t3", "carried_in", "total"), 4);
  }
  rt_result_free(&r);
  rf_set_free(&s);
}

/* Web text whose cells ran together, split by the row's rule (总计 = the
** sum of the six applicant columns), worked out by hand:
**   "91000010"  eight digits, seven cells: one cell has two digits.  Only
**               9,1,0,0,0,0,10 has 9+1+0+0+0+0 = 10; e.g. 91,0,0,0,0,1,0
**               (92 ≠ 0) and 9,1,0,0,0,0,1,0 (too many) do not fit;
**   "200020022" 2,0,0,0,20,0,22 and 20,0,0,2,0,0,22 both fit (sum 22):
**               the checker says so and leaves the row blank;
**   "10100011"  no reading fits (10,1,0,0,0,1,1: 12 ≠ 1; 1,0,1,0,0,0,11:
**               2 ≠ 11; "01" is not a number): blank, with the reason. */
TEST(report_shape_run_together_unique_and_ambiguous) {
  RfSet s = {0};
  RtResult r;
  const char *z =
    "2021年某局政府信息公开工作年度报告\n"
    "一、本年新收政府信息公开申请数量91000010\n"
    "（一）予以公开200020022\n"
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）10100011\n";
  Report *p = read_text(&s, z, &r);
  CHECK(p != NULL);
  if (p) {
    CHECK_INT(cellv(p, "t3", "new", "natural_person"), 9);
    CHECK_INT(cellv(p, "t3", "new", "commercial"), 1);
    CHECK_INT(cellv(p, "t3", "new", "total"), 10);
    CHECK_INT(cellv(p, "t3", "results.granted", "total"), -1);
    CHECK_INT(cellv(p, "t3", "results.partial", "total"), -1);
    CHECK(notes_have(&r, "有2种读法，无法确定，该行留空"));
    CHECK(notes_have(&r, "无法按7列读出"));
    CHECK_INT(r.nAmbiguous, 2);
  }
  rt_result_free(&r);
  rf_set_free(&s);
}

/* A mirror's copy in traditional script (武汉市生态环境局 2020, a wiki
** page): the labels fold to the format's simplified ones; the row whose
** label the converter reworded (规范性文件 → 規範性檔案) stays unmatched,
** and "-" is a blank cell.  Values by hand from the lines below. */
TEST(report_shape_traditional_script) {
  RfSet s = {0};
  RtResult r;
  const char *z =
    "現將我局2020年度政府信息公開情況報告如下。\n"
    "第二十條第(一)項 | |||||\n"
    "信息內容 | 本年新 製作數量 | 本年新 公開數量 | 對外公開總數量 | ||\n"
    "規章(設區的市、自治州人民政府應提供相關數據) | 0 | 0 | 0 | ||\n"
    "規範性檔案(行政機關制定發布的決定) | 2 | 2 | 19 | ||\n"
    "第二十條第(五)項 | |||||\n"
    "信息內容 | 上一年項目數量(指2019年事項數) | 本年增/減 | 處理決定數量 | ||\n"
    "行政許可 | 8 | 5 | 93 | ||\n"
    "第二十條第(六)項 | |||||\n"
    "行政處罰 | 90 | 0 | 22 | ||\n"
    "行政強制 | 4 | 4 | - | ||\n";
  Report *p = read_text(&s, z, &r);
  CHECK(p != NULL);
  if (p) {
    CHECK_STR(p->pFmt->zId, "2019");
    CHECK_INT(p->iYear, 2020);
    CHECK_INT(cellv(p, "t2_art20_1", "regulations", "new_made"), 0);
    CHECK_INT(cellv(p, "t2_art20_1", "normative_docs", "total_public"), -1);
    CHECK_INT(cellv(p, "t2_art20_5", "licensing", "prev_items"), 8);
    CHECK_INT(cellv(p, "t2_art20_5", "licensing", "delta"), 5);
    CHECK_INT(cellv(p, "t2_art20_5", "licensing", "decisions"), 93);
    CHECK_INT(cellv(p, "t2_art20_6", "penalty", "prev_items"), 90);
    CHECK_INT(cellv(p, "t2_art20_6", "penalty", "decisions"), 22);
    CHECK_INT(cellv(p, "t2_art20_6", "coercion", "delta"), 4);
    CHECK_INT(cellv(p, "t2_art20_6", "coercion", "decisions"), -1);
  }
  rt_result_free(&r);
  rf_set_free(&s);
}

/* A report of the 2007 Regulation's years in prose only (永嘉县农业局
** 2010): no table to read, and the message says why instead of "format
** not recognised"; a 2019 report without tables keeps the old message.
** The organisation of a title ending in 研究室 is found. */
TEST(report_shape_prose_only_before_2019) {
  RfSet s = {0};
  RtResult r;
  const char *zOld =
    "永嘉县农业局2010年度政府信息公开工作年度报告\n"
    "2010年，我局主动公开政府信息共145条。\n";
  CHECK(read_text(&s, zOld, &r) == NULL);
  CHECK(r.zErr && strstr(r.zErr, "2010年度的报告属于2007年《条例》时期"));
  rt_result_free(&r);
  rf_set_free(&s);
  CHECK(read_text(&s, "某局2019年政府信息公开工作年度报告\n共145条。\n", &r) == NULL);
  CHECK(r.zErr && strstr(r.zErr, "无法识别报告格式"));
  rt_result_free(&r);
  rf_set_free(&s);
  Report *p = read_text(&s,
      "市政府研究室2019年政府信息公开\n"
      "规章 | 0 | 0 | 0 | |\n"
      "规范性文件 | 0 | 0 | 0 | |\n", &r);
  CHECK(p != NULL);
  if (p) CHECK_STR(p->zOrg ? p->zOrg : "", "市政府研究室");
  rt_result_free(&r);
  rf_set_free(&s);
}

/* A local template that follows each row label with its definition after
** a colon, and a change cell given as "+(0) -(0)" (长春经开区文教局
** 2020, one cell per line): the words before the colon are the label; the
** cell of several numbers is blank in its place, with a note, so 66 stays
** the decisions.  A change written "减4" reads -4.  Values by hand from
** the lines below. */
TEST(report_shape_colon_definitions_and_split_change) {
  RfSet s = {0};
  RtResult r;
  const char *z =
    "2020年文教局政府信息公开工作年度报告\n"
    "第二十条第(一)项 |\n||||\n信息内容 |\n本年新 |\n本年新 |\n对外公开总数量 |\n|\n"
    "规章:地方行政规章指各省、自治区、直辖市的人民政府制定和发布的规范性文件。 |\n"
    "1 |\n1 |\n1 |\n|\n"
    "规范性文件:是指各级人民政府及其派出机关制定、发布的行政规范。 |\n"
    "0 |\n0 |\n0 |\n|\n"
    "第二十条第(五)项 |\n||||\n信息内容 |\n上一年项目数量 2019年 |\n"
    "本年 增/减 |\n处理决定数量 |\n|\n"
    "行政许可 |\n43 |\n+(0) -(0) |\n66 |\n|\n"
    "其他对外管理服务事项 |\n19 |\n0 |\n0 |\n|\n";
  Report *p = read_text(&s, z, &r);
  CHECK(p != NULL);
  if (p) {
    CHECK_STR(p->pFmt->zId, "2019");
    CHECK_STR(p->zOrg ? p->zOrg : "", "文教局");      /* after the year */
    CHECK_INT(cellv(p, "t2_art20_1", "regulations", "new_made"), 1);
    CHECK_INT(cellv(p, "t2_art20_1", "regulations", "total_public"), 1);
    CHECK_INT(cellv(p, "t2_art20_1", "normative_docs", "total_public"), 0);
    CHECK_INT(cellv(p, "t2_art20_5", "licensing", "prev_items"), 43);
    CHECK_INT(cellv(p, "t2_art20_5", "licensing", "delta"), -1);
    CHECK_INT(cellv(p, "t2_art20_5", "licensing", "decisions"), 66);
    CHECK_INT(cellv(p, "t2_art20_5", "other_services", "prev_items"), 19);
    CHECK_INT(cellv(p, "t2_art20_5", "other_services", "decisions"), 0);
    CHECK(notes_have(&r, "单元格“+(0) -(0)”不是一个数，按空白处理"));
  }
  rt_result_free(&r);
  rf_set_free(&s);
  /* the change written with a word for its sign (a 局's 2019 format table,
  ** "减4" for 6 items last year, 2 decisions) */
  p = read_text(&s,
      "第二十条第(五)项 |\n信息内容 |\n上一年项目数量 |\n本年增/减 |\n"
      "处理决定数量 |\n行政许可 |\n6 |\n减4 |\n2 |\n"
      "其他对外管理服务事项 |\n0 |\n增加 3 |\n0 |\n", &r);
  CHECK(p != NULL);
  if (p) {
    CHECK_INT(cellv(p, "t2_art20_5", "licensing", "prev_items"), 6);
    CHECK_INT(cellv(p, "t2_art20_5", "licensing", "delta"), -4);
    CHECK_INT(cellv(p, "t2_art20_5", "licensing", "decisions"), 2);
    CHECK_INT(cellv(p, "t2_art20_5", "other_services", "delta"), 3);
    CHECK(notes_have(&r, "行政许可：单元格“减4”读作-4"));
  }
  rt_result_free(&r);
  rf_set_free(&s);
}

/* A 2021 table whose 第二十条第（一）项 kept the 2019 headers (a 区教育局
** 2021, one cell per line): read as the 2021 format, with a note naming
** the 2019 header; a shortened row label (规范性文件) is no such header. */
TEST(report_shape_foreign_column_header) {
  RfSet s = {0};
  RtResult r;
  const char *z =
    "2021年,我局主动公开信息共有40条。\n"
    "第二十条第(一)项\n\n信息内容\n\n本年新\n制作数量\n\n本年新\n公开数量\n\n"
    "对外公开总数量\n\n规章\n\n0\n\n0\n\n0\n\n规范性文件\n\n0\n\n0\n\n0\n\n"
    "第二十条第(五)项\n\n信息内容\n\n本年处理决定数量\n\n行政许可\n\n5\n\n"
    "第二十条第(八)项\n\n信息内容\n\n本年收费金额(单位:万元)\n\n"
    "行政事业性收费\n\n282.1\n";
  Report *p = read_text(&s, z, &r);
  CHECK(p != NULL);
  if (p) {
    CHECK_STR(p->pFmt->zId, "2021");
    CHECK_INT(cellv(p, "t2_art20_5", "licensing", "decisions"), 5);
    CHECK(notes_have(&r, "文本中有2021格式没有的列标题：“对外公开总数量”（2019格式）"));
    CHECK(!notes_have(&r, "“规范性文件”"));
  }
  rt_result_free(&r);
  rf_set_free(&s);
}

/* ---- file kinds --------------------------------------------------------- */

static char *to_text(const char *z, size_t n, const char **pzKind) {
  Buf out = BUF_INIT, err = BUF_INIT;
  int rc = doctable_text(z, n, &out, &err, pzKind);
  if (rc) fprintf(stderr, "  doctable: %s\n", buf_str(&err));
  buf_free(&err);
  if (rc) { buf_free(&out); return NULL; }
  return buf_steal(&out);
}

TEST(doctable_kind_from_content) {
  CHECK_STR(doctable_kind("%PDF-1.7\n", 9), "pdf");
  CHECK_STR(doctable_kind("  {\"format\":\"2021\"}", 19), "json");
  CHECK_STR(doctable_kind("<!DOCTYPE html><p>x</p>", 23), "html");
  CHECK_STR(doctable_kind("一、总体情况\n<table><tr><td>1</td></tr></table>", 47), "html");
  CHECK_STR(doctable_kind("一、总体情况\t1\n", 20), "text");
  CHECK(doctable_kind("\xD0\xCF\x11\xE0\0\0", 6) == NULL);   /* old .doc */
  CHECK(doctable_kind("PK\3\4garbage", 11) == NULL);         /* not a zip */
}

/* rowspan/colspan: the covered cells are not repeated; blank cells keep
** their place; nbsp is blank. */
TEST(doctable_html_spans) {
  const char *zKind = NULL;
  const char *z =
    "<html><body><p>三、收到和处理</p><table><tbody>"
    "<tr><td rowspan=\"2\">三、本年度办理结果</td><td colspan=\"2\">（一）予以公开</td>"
    "<td>2</td><td>&nbsp;</td><td>1</td></tr>"
    "<tr><td colspan=\"2\">（二）部分公开</td><td>0</td><td></td><td>0</td></tr>"
    "</tbody></table><p>六、其他</p></body></html>";
  char *zT = to_text(z, strlen(z), &zKind);
  CHECK(zT != NULL);
  if (zT) {
    CHECK_STR(zKind, "html");
    CHECK_STR(zT, "三、收到和处理\n"
                  "三、本年度办理结果\t（一）予以公开\t2\t\t1\n"
                  "（二）部分公开\t0\t\t0\n"
                  "六、其他\n");
  }
  free(zT);
}

/* Builds a ZIP in memory from (name, content) pairs. */
static char *zip_of(const char **az, int n, size_t *pn) {
  zip_error_t e;
  zip_error_init(&e);
  zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &e);
  zip_t *z;
  zip_source_keep(src);
  z = zip_open_from_source(src, ZIP_TRUNCATE, &e);
  for (int i = 0; i < n; i++) {
    zip_source_t *f = zip_source_buffer(z, az[2 * i + 1], strlen(az[2 * i + 1]), 0);
    zip_file_add(z, az[2 * i], f, ZIP_FL_OVERWRITE);
  }
  zip_close(z);
  zip_source_open(src);
  zip_source_seek(src, 0, SEEK_END);
  zip_int64_t k = zip_source_tell(src);
  zip_source_seek(src, 0, SEEK_SET);
  char *p = malloc((size_t)k + 1);
  zip_source_read(src, p, (zip_uint64_t)k);
  zip_source_close(src);
  zip_source_free(src);
  zip_error_fini(&e);
  *pn = (size_t)k;
  return p;
}

#define W "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""

/* A vMerge continuation cell is covered: not given; gridSpan: once. */
TEST(doctable_docx_table) {
  const char *az[] = {
    "word/document.xml",
    "<w:document " W "><w:body><w:p><w:r><w:t>2021年某局报告</w:t></w:r></w:p>"
    "<w:tbl><w:tr><w:tc><w:tcPr><w:vMerge w:val=\"restart\"/></w:tcPr><w:p><w:r><w:t>三、本年度办理结果</w:t></w:r></w:p></w:tc>"
    "<w:tc><w:tcPr><w:gridSpan w:val=\"2\"/></w:tcPr><w:p><w:r><w:t>（一）予以</w:t></w:r><w:r><w:t>公开</w:t></w:r></w:p></w:tc>"
    "<w:tc><w:p><w:r><w:t>4</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc></w:tr>"
    "<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p><w:r><w:t>（二）部分公开</w:t></w:r></w:p></w:tc>"
    "<w:tc><w:p><w:r><w:t>0</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>0</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
    "</w:body></w:document>"};
  size_t n;
  char *zip = zip_of(az, 1, &n);
  const char *zKind = NULL;
  char *zT = to_text(zip, n, &zKind);
  CHECK(zT != NULL);
  if (zT) {
    CHECK_STR(zKind, "docx");
    CHECK_STR(zT, "2021年某局报告\n"
                  "三、本年度办理结果\t（一）予以公开\t4\t\n"
                  "（二）部分公开\t0\t0\n");
  }
  free(zT);
  free(zip);
}

#define S "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""

/* Shared strings, a merged range whose covered cells are skipped, a blank
** cell inside a table row. */
TEST(doctable_xlsx_merge) {
  const char *az[] = {
    "xl/workbook.xml", "<workbook " S "><sheets><sheet name=\"a\" sheetId=\"1\"/></sheets></workbook>",
    "xl/sharedStrings.xml", "<sst " S "><si><t>一、本年新收</t></si><si><r><t>二、上年</t></r><r><t>结转</t></r></si></sst>",
    "xl/worksheets/sheet1.xml",
    "<worksheet " S "><sheetData>"
    "<row r=\"2\"><c r=\"B2\" t=\"s\"><v>0</v></c><c r=\"D2\"><v>5</v></c><c r=\"F2\"><v>5</v></c></row>"
    "<row r=\"3\"><c r=\"B3\" t=\"s\"><v>1</v></c><c r=\"D3\" t=\"inlineStr\"><is><t>1</t></is></c><c r=\"E3\"><v>0</v></c><c r=\"F3\"><v>1</v></c></row>"
    "</sheetData><mergeCells count=\"2\"><mergeCell ref=\"B2:C2\"/><mergeCell ref=\"B3:C3\"/></mergeCells></worksheet>"};
  size_t n;
  char *zip = zip_of(az, 3, &n);
  const char *zKind = NULL;
  char *zT = to_text(zip, n, &zKind);
  CHECK(zT != NULL);
  if (zT) {
    CHECK_STR(zKind, "xlsx");
    CHECK_STR(zT, "一、本年新收\t5\t\t5\n"
                  "二、上年结转\t1\t0\t1\n");
  }
  free(zT);
  free(zip);
}

/* An entity declaration in an OOXML part is refused (billion laughs). */
TEST(doctable_refuses_entity_bomb) {
  const char *az[] = {
    "word/document.xml",
    "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
    "<w:document " W "><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>"};
  size_t n;
  char *zip = zip_of(az, 1, &n);
  Buf out = BUF_INIT, err = BUF_INIT;
  const char *zKind = NULL;
  CHECK_INT(doctable_text(zip, n, &out, &err, &zKind), -1);
  CHECK(strstr(buf_str(&err), "实体声明") != NULL);
  buf_free(&out);
  buf_free(&err);
  free(zip);
}

/* A part that inflates far beyond its compressed size is refused. */
TEST(doctable_refuses_zip_bomb) {
  size_t nBig = 40u * 1024u * 1024u;   /* > DOCTEXT_MAX_ENTRY */
  char *zBig = malloc(nBig + 1);
  memset(zBig, ' ', nBig);
  zBig[nBig] = 0;
  const char *az[] = {"word/document.xml", zBig};
  size_t n;
  char *zip = zip_of(az, 1, &n);
  Buf out = BUF_INIT, err = BUF_INIT;
  const char *zKind = NULL;
  CHECK(n < 1024u * 1024u);            /* it really is a bomb */
  CHECK_INT(doctable_text(zip, n, &out, &err, &zKind), -1);
  CHECK(strstr(buf_str(&err), "过大") != NULL);
  buf_free(&out);
  buf_free(&err);
  free(zip);
  free(zBig);
}

/* GB18030 text is converted. "报告" in GB18030 is B1 A8 B8 E6. */
TEST(doctable_gb18030_text) {
  const char *zKind = NULL;
  char *zT = to_text("\xB1\xA8\xB8\xE6\n", 5, &zKind);
  CHECK(zT != NULL);
  if (zT) CHECK_STR(zT, "报告\n");
  free(zT);
}

/* Garbage never crashes any reader. */
TEST(doctable_garbage_is_safe) {
  static const char *az[] = {
    "<table><tr><td rowspan=\"999999999\" colspan=\"-5\">", "<<<<>>>>&&&;;",
    "%PDF-1.4 not really", "{", "<w:document>", "\xff\xfe\xfd", "", NULL};
  for (int i = 0; az[i]; i++) {
    Buf out = BUF_INIT, err = BUF_INIT;
    const char *zKind = NULL;
    doctable_text(az[i], strlen(az[i]), &out, &err, &zKind);
    buf_free(&out);
    buf_free(&err);
  }
  CHECK(1);
}

/* ---- the reviewer's checks ---------------------------------------------- */

/* A 2019-format table presented as a 2022 report; the 2021 table with its
** fee row in a 2020 report. */
TEST(review_format_must_fit_year) {
  RfSet s = {0};
  RvResult rv = {0};
  fixture_formats(&s);
  Report *p = report_new(rf_format_find(&s, "2019"), "某局", 2022);
  rv_format_year(&s, p, &rv);
  CHECK_INT(rv.n, 1);
  if (rv.n) {
    CHECK_STR(rv.a[0].zKey, "年度格式");
    CHECK(strstr(rv.a[0].zMsg, "2022年度的报告应使用") != NULL);
    CHECK(strstr(rv.a[0].zMsg, "国办公开办函〔2021〕30号") != NULL);
  }
  report_free(p);
  rv_result_free(&rv);
  /* the 2021 table in a 2020 report: a finding; naming the fee row only
  ** when the report gives a number in it */
  p = report_new(rf_format_find(&s, "2021"), "某局", 2020);
  rv_format_year(&s, p, &rv);
  CHECK_INT(rv.n, 1);
  if (rv.n) CHECK(strstr(rv.a[0].zMsg, "（六）2") == NULL);
  rv_result_free(&rv);
  report_set(p, rf_cell(p->pFmt, "t3", "results.other.fee_unpaid", "total"), 0);
  rv_format_year(&s, p, &rv);
  CHECK_INT(rv.n, 1);
  if (rv.n) CHECK(strstr(rv.a[0].zMsg, "（六）2") != NULL);
  report_free(p);
  rv_result_free(&rv);
  /* fits: 2019 format for 2020, 2021 for 2021, the stat form for 2018 */
  static const struct { const char *zF; int y; } aOk[] = {
    {"2019", 2019}, {"2019", 2020}, {"2021", 2021}, {"2021", 2024}, {"stat2018", 2018}};
  for (size_t i = 0; i < sizeof aOk / sizeof aOk[0]; i++) {
    p = report_new(rf_format_find(&s, aOk[i].zF), NULL, aOk[i].y);
    rv_format_year(&s, p, &rv);
    CHECK_INT(rv.n, 0);
    report_free(p);
    rv_result_free(&rv);
  }
  rf_set_free(&s);
}

/* Numbers in the prose against the table: a plain count that differs is a
** finding quoting the clause; comparisons and mixed phrases are not read. */
TEST(review_text_numbers_against_tables) {
  RfSet s = {0};
  RvResult rv = {0};
  fixture_formats(&s);
  Report *p = report_new(rf_format_find(&s, "2021"), "某局", 2022);
  report_set(p, rf_cell(p->pFmt, "t2_art20_5", "licensing", "decisions"), 0);
  report_set(p, rf_cell(p->pFmt, "t3", "new", "total"), 12 * RF_SCALE);
  report_set(p, rf_cell(p->pFmt, "t4", "cases", "lit_direct.total"), 1 * RF_SCALE);
  report_set(p, rf_cell(p->pFmt, "t4", "cases", "lit_after_review.total"), 2 * RF_SCALE);
  rv_text_numbers(p,
      "行政许可处理决定数量 203 件，同比上一年项目数量无增减。\n"
      "全年共收到政府信息公开申请12件，较上年增加3件。\n"
      "被提起行政诉讼3件。\n"
      "予以公开及部分公开258件。\n"
      "一、本年新收政府信息公开申请数量\t13\t0\t0\t0\t0\t0\t13\n", &rv);
  CHECK_INT(rv.n, 1);
  if (rv.n)
    CHECK_STR(rv.a[0].zMsg, "正文“行政许可处理决定数量 203 件”写203件，表二 第二十条第"
                            "（五）项 行政许可 处理决定数量为0");
  rv_result_free(&rv);
  rv_text_numbers(p, "共受理政府信息公开申请11件。", &rv);
  CHECK_INT(rv.n, 1);
  rv_result_free(&rv);
  report_free(p);
  rf_set_free(&s);
}

/* ---- cells and files as agencies publish them (second attack) ----------- */

/* Value of a cell in RF_SCALE units (1/10000), -1 blank. */
static long long cellraw(const Report *p, const char *zT, const char *zR,
                         const char *zC) {
  long long v;
  int i = rf_cell(p->pFmt, zT, zR, zC);
  if (i < 0) return -999;
  return report_get(p, i, &v) ? v : -1;
}

/* "无" in a cell is a blank like "—", not the end of the row's label (the
** whole row was "未在文本中找到"). */
TEST(report_shape_wu_cell_is_blank) {
  RfSet s = {0};
  RtResult r;
  const char *z =
    "某县交通运输局2021年政府信息公开工作年度报告\n"
    "第二十条第（六）项\n"
    "信息内容\t本年处理决定数量\n"
    "行政处罚\t57\n"
    "行政强制\t无\n"
    "一、本年新收政府信息公开申请数量\t5\t无\t无\t无\t无\t1\t6\n";
  Report *p = read_text(&s, z, &r);
  CHECK(p != NULL);
  if (p) {
    CHECK_INT(cellv(p, "t2_art20_6", "penalty", "decisions"), 57);
    CHECK_INT(cellv(p, "t2_art20_6", "coercion", "decisions"), -1);
    CHECK_INT(cellv(p, "t3", "new", "natural_person"), 5);
    CHECK_INT(cellv(p, "t3", "new", "commercial"), -1);
    CHECK_INT(cellv(p, "t3", "new", "legal_service"), -1);
    CHECK_INT(cellv(p, "t3", "new", "other_org"), 1);
    CHECK_INT(cellv(p, "t3", "new", "total"), 6);
  }
  rt_result_free(&r);
  rf_set_free(&s);
}

/* A unit written in the cell ("1286件", "12.35万元") is read with a note;
** "1.2万" (12000? or 万元?) and other text are blanks, said so; the prose
** "受理行政许可 203 件" before the table is not a row. */
TEST(report_shape_units_and_text_in_cells) {
  RfSet s = {0};
  RtResult r;
  const char *z =
    "某县交通运输局2021年政府信息公开工作年度报告\n"
    "本年度受理行政许可 203 件。\n"
    "第二十条第（五）项\n"
    "信息内容\t本年处理决定数量\n"
    "行政许可\t1286件\n"
    "第二十条第（六）项\n"
    "行政处罚\t1.2万\n"
    "行政强制\t6 件\n"
    "第二十条第（八）项\n"
    "行政事业性收费\t12.35万元\n"
    "一、本年新收政府信息公开申请数量\t5\t见说明\t0\t0\t0\t1\t6\n";
  Report *p = read_text(&s, z, &r);
  CHECK(p != NULL);
  if (p) {
    CHECK_INT(cellv(p, "t2_art20_5", "licensing", "decisions"), 1286);
    CHECK(notes_have(&r, "行政许可：单元格“1286件”读作1286"));
    CHECK_INT(cellv(p, "t2_art20_6", "penalty", "decisions"), -1);
    CHECK(notes_have(&r, "行政处罚：单元格“1.2万”不是数，按空白处理"));
    CHECK_INT(cellv(p, "t2_art20_6", "coercion", "decisions"), 6);
    CHECK_INT(cellraw(p, "t2_art20_8", "admin_fees", "amount_wan_yuan"),
              123500);
    CHECK_INT(cellv(p, "t3", "new", "natural_person"), 5);
    CHECK_INT(cellv(p, "t3", "new", "commercial"), -1);
    CHECK(notes_have(&r, "单元格“见说明”不是数，按空白处理"));
    CHECK_INT(cellv(p, "t3", "new", "other_org"), 1);
    CHECK_INT(cellv(p, "t3", "new", "total"), 6);
  }
  rt_result_free(&r);
  rf_set_free(&s);
}

/* Decimals beyond the grid's four are rounded, not cut: "12.34999" is
** 12.35 万元 (a spreadsheet's 12.349999999999999), "0.00005" is 0.0001. */
TEST(report_shape_decimals_rounded) {
  RfSet s = {0};
  RtResult r;
  const char *z =
    "某县交通运输局2021年政府信息公开工作年度报告\n"
    "第二十条第（八）项\n"
    "行政事业性收费\t12.34999\n"
    "第二十条第（六）项\n"
    "行政处罚\t0.00\n";
  Report *p = read_text(&s, z, &r);
  CHECK(p != NULL);
  if (p) {
    CHECK_INT(cellraw(p, "t2_art20_8", "admin_fees", "amount_wan_yuan"),
              123500);
    CHECK_INT(cellv(p, "t2_art20_6", "penalty", "decisions"), 0);
  }
  rt_result_free(&r);
  rf_set_free(&s);
}

/* pdftotext's text keeps a form feed between pages: a new line, not a
** refused control character. */
TEST(doctable_text_form_feed) {
  const char *zKind = NULL;
  const char *z = "行政处罚  57\n\f行政强制  6\n";
  char *zT = to_text(z, strlen(z), &zKind);
  CHECK(zT != NULL);
  if (zT) {
    CHECK_STR(zKind, "text");
    CHECK_STR(zT, "行政处罚  57\n\n行政强制  6\n");
  }
  free(zT);
}

/* An old site's layout table around the article: the report's tables
** inside a cell are tables (they were one flattened line). */
TEST(doctable_html_layout_table) {
  const char *zKind = NULL;
  const char *z =
    "<html><body><table width=\"100%\"><tr><td><div>"
    "<p>第二十条第（六）项</p><table>"
    "<tr><td>行政处罚</td><td>57</td></tr>"
    "<tr><td>行政强制</td><td>6</td></tr></table>"
    "</div></td></tr></table></body></html>";
  char *zT = to_text(z, strlen(z), &zKind);
  CHECK(zT != NULL);
  if (zT)
    CHECK_STR(zT, "第二十条第（六）项\n行政处罚\t57\n行政强制\t6\n");
  free(zT);
}

/* GB18030-family pages: without any charset (saved without the server's
** header), and declaring gb2312 while using a GBK character (埇, 宿州市
** 埇桥区) where a strict gb2312 decoder stops. */
TEST(doctable_html_gbk) {
  const char *zKind = NULL;
  /* "<p>埇桥区</p><table><tr><td>行政处罚</td><td>57</td></tr></table>"
  ** in GBK, once bare and once after a gb2312 meta */
  static const char zBody[] =
    "<p>\x88\xac\xc7\xc5\xc7\xf8</p><table><tr><td>\xd0\xd0\xd5\xfe\xb4\xa6"
    "\xb7\xa3</td><td>57</td></tr></table>";
  Buf a = BUF_INIT;
  buf_printf(&a, "<html><body>%s</body></html>", zBody);
  char *zT = to_text(buf_str(&a), a.n, &zKind);
  CHECK(zT != NULL);
  if (zT) CHECK_STR(zT, "埇桥区\n行政处罚\t57\n");
  free(zT);
  buf_reset(&a);
  buf_printf(&a, "<html><head><meta http-equiv=\"Content-Type\" "
                 "content=\"text/html; charset=gb2312\"></head><body>%s"
                 "</body></html>", zBody);
  zT = to_text(buf_str(&a), a.n, &zKind);
  CHECK(zT != NULL);
  if (zT) CHECK_STR(zT, "埇桥区\n行政处罚\t57\n");
  free(zT);
  buf_free(&a);
}

#define WMC W " xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\""
#define TBL_P "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>行政处罚</w:t></w:r></w:p></w:tc>" \
  "<w:tc><w:p><w:r><w:t>57</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"

/* A table in a text box (mc:Choice and its mc:Fallback copy) is read once,
** as a table; so is a table inside a one-cell layout table. */
TEST(doctable_docx_textbox_and_layout) {
  const char *az[] = {
    "word/document.xml",
    "<w:document " WMC "><w:body><w:p><w:r><w:t>第二十条第（六）项</w:t></w:r>"
    "<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing>"
    "<w:txbxContent>" TBL_P "</w:txbxContent></w:drawing></mc:Choice>"
    "<mc:Fallback><w:pict><w:txbxContent>" TBL_P "</w:txbxContent></w:pict>"
    "</mc:Fallback></mc:AlternateContent></w:r></w:p>"
    "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>第二十条第（八）项</w:t></w:r></w:p>"
    "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>行政事业性收费</w:t></w:r></w:p></w:tc>"
    "<w:tc><w:p><w:r><w:t>12.35</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
    "</w:tc></w:tr></w:tbl></w:body></w:document>"};
  size_t n;
  char *zip = zip_of(az, 1, &n);
  const char *zKind = NULL;
  char *zT = to_text(zip, n, &zKind);
  CHECK(zT != NULL);
  if (zT)
    CHECK_STR(zT, "第二十条第（六）项\n行政处罚\t57\n"
                  "第二十条第（八）项\n行政事业性收费\t12.35\n");
  free(zT);
  free(zip);
}

/* Excel stores a number cell's binary double: 12.349999999999999 for
** 12.35, 4.9999999999999996E-2 for 0.05.  Read as written on screen. */
TEST(doctable_xlsx_float_noise) {
  const char *az[] = {
    "xl/workbook.xml", "<workbook " S "><sheets><sheet name=\"a\" sheetId=\"1\"/></sheets></workbook>",
    "xl/worksheets/sheet1.xml",
    "<worksheet " S "><sheetData>"
    "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>收费</t></is></c><c r=\"B1\"><v>12.349999999999999</v></c></row>"
    "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>其他</t></is></c><c r=\"B2\" t=\"n\"><v>4.9999999999999996E-2</v></c></row>"
    "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>件数</t></is></c><c r=\"B3\"><v>1286</v></c></row>"
    "</sheetData></worksheet>"};
  size_t n;
  char *zip = zip_of(az, 2, &n);
  const char *zKind = NULL;
  char *zT = to_text(zip, n, &zKind);
  CHECK(zT != NULL);
  if (zT) CHECK_STR(zT, "收费\t12.35\n其他\t0.05\n件数\t1286\n");
  free(zT);
  free(zip);
}

/* A group's heading on its own line with empty or dashed cells (a
** spreadsheet's rows) is no total: no "以单行给出" note, and a child row
** missing under it is still reported missing. */
TEST(report_shape_group_heading_rows) {
  RfSet s = {0};
  RtResult r;
  const char *z =
    "某县交通运输局2021年政府信息公开工作年度报告\n"
    "一、本年新收政府信息公开申请数量\t2\t0\t0\t0\t0\t0\t2\n"
    "（三）不予公开\t\t\t\t\t\t\t\n"
    "1.属于国家秘密\t0\t0\t0\t0\t0\t0\t0\n"
    "（四）无法提供\t—\t—\t—\t—\t—\t—\t—\n"
    "1.本机关不掌握相关政府信息\t1\t0\t0\t0\t0\t0\t1\n";
  Report *p = read_text(&s, z, &r);
  CHECK(p != NULL);
  if (p) {
    CHECK_INT(cellv(p, "t3", "results.cannot_provide.not_held", "total"), 1);
    CHECK(!notes_have(&r, "以单行给出"));
    /* 25 data rows, 3 read: the children of both headings count */
    CHECK(notes_have(&r, "表 t3 有22行未在文本中找到"));
  }
  rt_result_free(&r);
  rf_set_free(&s);
}
