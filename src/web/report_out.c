/*
** report_out.c — the annual report as files: CSV, XLSX (libxlsxwriter) and
** DOCX (WordprocessingML packed with libzip), tables laid out as in the
** format (a header row of column groups when the format has groups, one of
** column labels, then the rows with their labels indented by depth).  The
** JSON form is core/report.h's report_to_json().  Used by the report pages
** and by `gongkai report export`.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>


#include "core/report_text.h"
#include "lib/docx.h"
#include "store/store_documents.h"
#include "web/reports.h"

const char *report_status_label(const char *zStatus) {
  if (!strcmp(zStatus, "submitted")) return "已提交";
  if (!strcmp(zStatus, "published")) return "已发布";
  if (!strcmp(zStatus, "draft")) return "草稿";
  return "未编制";
}

/* The text of a cell into z[32]: "" when blank. */
static const char *cell_str(const Report *p, int iCell, char *z) {
  long long v;
  if (!report_get(p, iCell, &v)) {
    z[0] = 0;
    return z;
  }
  return rf_value_str(v, z);
}

/* Whether any column of t has a group label. */
static int has_groups(const RfTable *t) {
  for (int c = 0; c < t->nCol; c++)
    if (t->aCol[c].zGroup) return 1;
  return 0;
}

/* A row's label, or the table's caption for an unlabelled row. */
static const char *row_label(const RfTable *t, int r) {
  const RfRow *w = &t->aRow[r];
  return w->zLabel ? w->zLabel : (w->zShort ? w->zShort : w->zId);
}

void report_out_csv(const Report *p, Buf *b) {
  const RfFormat *f = p->pFmt;
  char z[32];
  buf_puts(b, "table,row,column,row_label,column_label,value\r\n");
  for (int t = 0; t < f->nTable; t++) {
    const RfTable *tb = &f->aTable[t];
    for (int r = 0; r < tb->nRow; r++) {
      if (!tb->aRow[r].bData) continue;
      for (int c = 0; c < tb->nCol; c++) {
        int i = tb->iCell0 + r * tb->nCol + c;
        buf_printf(b, "%c,%c,%c,%c,%c,%c\r\n", tb->zId, tb->aRow[r].zId,
                   tb->aCol[c].zId, row_label(tb, r), tb->aCol[c].zShow,
                   cell_str(p, i, z));
      }
    }
  }
}

/* Section title of a table (the format's section holding it). */
static const char *section_title(const RfFormat *f, const RfTable *t) {
  for (int i = 0; i < f->nSection; i++)
    if (t->zSection && !strcmp(f->aSection[i].zId, t->zSection))
      return f->aSection[i].zTitle;
  return NULL;
}

int report_out_xlsx(const Report *p, const ReportText *pText,
                    const char *zPath) {
  const RfFormat *f = p->pFmt;
  lxw_workbook *wb = workbook_new(zPath);
  if (!wb) return -1;
  lxw_worksheet *ws = workbook_add_worksheet(wb, "年度报告");
  lxw_format *fBold = workbook_add_format(wb);
  format_set_bold(fBold);
  lxw_format *fHead = workbook_add_format(wb);
  format_set_bold(fHead);
  format_set_border(fHead, LXW_BORDER_THIN);
  format_set_align(fHead, LXW_ALIGN_CENTER);
  format_set_text_wrap(fHead);
  lxw_format *fCell = workbook_add_format(wb);
  format_set_border(fCell, LXW_BORDER_THIN);
  lxw_format *fLabel = workbook_add_format(wb);
  format_set_border(fLabel, LXW_BORDER_THIN);
  format_set_text_wrap(fLabel);
  worksheet_set_column(ws, 0, 0, 40, NULL);
  worksheet_set_column(ws, 1, 16, 12, NULL);
  lxw_row_t row = 0;
  char zTitle[512];
  snprintf(zTitle, sizeof zTitle, "%s %d 年政府信息公开工作年度报告",
           p->zOrg ? p->zOrg : "", p->iYear);
  worksheet_write_string(ws, row++, 0, zTitle, fBold);
  const char *zLastSection = NULL;
  for (int t = 0; t < f->nTable; t++) {
    const RfTable *tb = &f->aTable[t];
    const char *zSec = section_title(f, tb);
    row++;
    if (zSec && zSec != zLastSection) {
      worksheet_write_string(ws, row++, 0, zSec, fBold);
      zLastSection = zSec;
    }
    if (tb->zCaption) worksheet_write_string(ws, row++, 0, tb->zCaption, fBold);
    if (has_groups(tb)) {
      worksheet_write_blank(ws, row, 0, fHead);
      for (int c = 0; c < tb->nCol;) {
        int e = c + 1;
        while (e < tb->nCol && tb->aCol[c].zGroup && tb->aCol[e].zGroup &&
               !strcmp(tb->aCol[c].zGroup, tb->aCol[e].zGroup))
          e++;
        const char *zG = tb->aCol[c].zGroup ? tb->aCol[c].zGroup : "";
        if (e - c > 1)
          worksheet_merge_range(ws, row, (lxw_col_t)(c + 1), row,
                                (lxw_col_t)e, zG, fHead);
        else worksheet_write_string(ws, row, (lxw_col_t)(c + 1), zG, fHead);
        c = e;
      }
      row++;
    }
    worksheet_write_string(ws, row, 0, "信息内容", fHead);
    for (int c = 0; c < tb->nCol; c++)
      worksheet_write_string(ws, row, (lxw_col_t)(c + 1), tb->aCol[c].zLabel,
                             fHead);
    row++;
    for (int r = 0; r < tb->nRow; r++) {
      const RfRow *w = &tb->aRow[r];
      char zL[512];
      snprintf(zL, sizeof zL, "%*s%s", w->iDepth * 2, "", row_label(tb, r));
      worksheet_write_string(ws, row, 0, zL, fLabel);
      for (int c = 0; c < tb->nCol; c++) {
        long long v;
        int i = tb->iCell0 + r * tb->nCol + c;
        if (w->bData && report_get(p, i, &v))
          worksheet_write_number(ws, row, (lxw_col_t)(c + 1),
                                 (double)v / RF_SCALE, fCell);
        else worksheet_write_blank(ws, row, (lxw_col_t)(c + 1), fCell);
      }
      row++;
    }
  }
  if (pText) {
    const char *azT[3] = {pText->z1, pText->z5, pText->z6};
    static const char *azH[3] = {"一、总体情况", "五、存在的主要问题及改进情况",
                                 "六、其他需要报告的事项"};
    lxw_worksheet *w2 = workbook_add_worksheet(wb, "正文");
    worksheet_set_column(w2, 0, 0, 100, NULL);
    lxw_row_t r2 = 0;
    for (int i = 0; i < 3; i++) {
      worksheet_write_string(w2, r2++, 0, azH[i], fBold);
      worksheet_write_string(w2, r2++, 0, azT[i] ? azT[i] : "", NULL);
    }
  }
  return workbook_close(wb) == LXW_NO_ERROR ? 0 : -1;
}

/* ---- DOCX ----------------------------------------------------------- */

static const char zCT[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
    "content-types\"><Default Extension=\"rels\" ContentType=\"application/"
    "vnd.openxmlformats-package.relationships+xml\"/><Default Extension="
    "\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/"
    "document.xml\" ContentType=\"application/vnd.openxmlformats-"
    "officedocument.wordprocessingml.document.main+xml\"/><Override PartName"
    "=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-"
    "officedocument.wordprocessingml.styles+xml\"/></Types>";
static const char zRels[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
    "relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas."
    "openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
    "Target=\"word/document.xml\"/></Relationships>";
static const char zDocRels[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
    "relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas."
    "openxmlformats.org/officeDocument/2006/relationships/styles\" "
    "Target=\"styles.xml\"/></Relationships>";
static const char zStyles[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/"
    "2006/main\"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="
    "\"SimSun\" w:hAnsi=\"SimSun\" w:eastAsia=\"SimSun\"/><w:sz w:val=\"24\"/>"
    "</w:rPr></w:rPrDefault></w:docDefaults>"
    "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\">"
    "<w:name w:val=\"Normal\"/></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val="
    "\"Title\"/><w:pPr><w:jc w:val=\"center\"/></w:pPr><w:rPr><w:b/>"
    "<w:sz w:val=\"36\"/></w:rPr></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val="
    "\"heading 1\"/><w:rPr><w:b/><w:sz w:val=\"28\"/></w:rPr></w:style>"
    "<w:style w:type=\"table\" w:styleId=\"Grid\"><w:name w:val=\"Table Grid"
    "\"/><w:tblPr><w:tblBorders><w:top w:val=\"single\" w:sz=\"4\"/>"
    "<w:left w:val=\"single\" w:sz=\"4\"/><w:bottom w:val=\"single\" "
    "w:sz=\"4\"/><w:right w:val=\"single\" w:sz=\"4\"/><w:insideH w:val="
    "\"single\" w:sz=\"4\"/><w:insideV w:val=\"single\" w:sz=\"4\"/>"
    "</w:tblBorders></w:tblPr></w:style></w:styles>";

/* A paragraph of style zStyle (NULL: Normal) holding the text z. */
static void para(Buf *b, const char *zStyle, const char *z) {
  buf_puts(b, "<w:p>");
  if (zStyle) buf_printf(b, "<w:pPr><w:pStyle w:val=\"%h\"/></w:pPr>", zStyle);
  buf_printf(b, "<w:r><w:t xml:space=\"preserve\">%h</w:t></w:r></w:p>", z);
}

/* Paragraphs for a multi-line text: one per line, empty lines skipped. */
static void paras(Buf *b, const char *z) {
  while (z && *z) {
    const char *e = strchr(z, '\n');
    size_t n = e ? (size_t)(e - z) : strlen(z);
    while (n && (z[n - 1] == '\r' || z[n - 1] == ' ')) n--;
    if (n) {
      char *zL = xstrndup(z, n);
      para(b, NULL, zL);
      free(zL);
    }
    z = e ? e + 1 : z + strlen(z);
  }
}

/* One table cell holding z. */
static void tc(Buf *b, const char *z, int bBold) {
  buf_printf(b, "<w:tc><w:tcPr><w:tcW w:w=\"0\" w:type=\"auto\"/></w:tcPr>"
                "<w:p><w:r><w:rPr>%s<w:sz w:val=\"18\"/></w:rPr>"
                "<w:t xml:space=\"preserve\">%h</w:t></w:r></w:p>"
                "</w:tc>",
             bBold ? "<w:b/>" : "", z);
}

/* Number of parts of a group path "a·b" (0 for NULL); when zKey, writes
** the path's first L+1 parts into it. */
static int group_parts(const char *zGroup, int L, char *zKey, size_t nKey) {
  int n = 0;
  const char *z = zGroup;
  if (zKey) zKey[0] = 0;
  if (!z || !*z) return 0;
  for (;;) {
    const char *e = strstr(z, "·");
    n++;
    if (zKey && n == L + 1) {
      size_t len = (size_t)((e ? e : z + strlen(z)) - zGroup);
      if (len >= nKey) len = nKey - 1;
      memcpy(zKey, zGroup, len);
      zKey[len] = 0;
    }
    if (!e) break;
    z = e + strlen("·");
  }
  return n;
}

/* Part L of a group path into z ("" when absent). */
static void group_part(const char *zGroup, int L, char *z, size_t n) {
  const char *p = zGroup;
  z[0] = 0;
  if (!p) return;
  for (int i = 0; i < L && p; i++) {
    p = strstr(p, "·");
    if (p) p += strlen("·");
  }
  if (!p) return;
  const char *e = strstr(p, "·");
  size_t len = e ? (size_t)(e - p) : strlen(p);
  if (len >= n) len = n - 1;
  memcpy(z, p, len);
  z[len] = 0;
}

/* A header row, repeated at the top of every page the table runs onto. */
#define HEAD_TR "<w:tr><w:trPr><w:tblHeader/></w:trPr>"

/* A number cell, right-aligned. */
static void tc_num(Buf *b, const char *z) {
  buf_printf(b, "<w:tc><w:tcPr><w:tcW w:w=\"0\" w:type=\"auto\"/></w:tcPr>"
                "<w:p><w:pPr><w:jc w:val=\"right\"/></w:pPr><w:r><w:rPr>"
                "<w:sz w:val=\"18\"/></w:rPr><w:t xml:space=\"preserve\">%h"
                "</w:t></w:r></w:p></w:tc>",
             z);
}

/* A header cell spanning n grid columns; eV 0 none, 1 starts a vertical
** merge, 2 continues one (empty). */
static void tc_head(Buf *b, const char *z, int n, int eV) {
  buf_printf(b, "<w:tc><w:tcPr><w:gridSpan w:val=\"%d\"/>%s"
                "<w:vAlign w:val=\"center\"/></w:tcPr><w:p><w:pPr><w:jc "
                "w:val=\"center\"/></w:pPr><w:r><w:rPr><w:sz w:val=\"18\"/>"
                "</w:rPr><w:t xml:space=\"preserve\">%h</w:t></w:r></w:p></w:tc>",
             n, eV == 1   ? "<w:vMerge w:val=\"restart\"/>"
                : eV == 2 ? "<w:vMerge/>"
                          : "",
             eV == 2 ? "" : z);
}

/* The official header of table 三: the 勾稽 note in the corner over three
** rows, 申请人情况 over every column, 自然人 and 总计 over two rows,
** 法人或其他组织 over its five columns. */
static void docx_official_head(Buf *b, const RfTable *tb) {
  buf_puts(b, HEAD_TR);
  tc_head(b, tb->zHeadNote ? tb->zHeadNote : "", 1, 1);
  tc_head(b, tb->zHeadTop, tb->nCol, 0);
  buf_puts(b, "</w:tr>" HEAD_TR);
  tc_head(b, "", 1, 2);
  for (int c = 0; c < tb->nCol;) {
    int e = c + 1;
    if (!tb->aCol[c].zGroup) {
      tc_head(b, tb->aCol[c].zLabel, 1, 1);
    } else {
      while (e < tb->nCol && tb->aCol[e].zGroup &&
             !strcmp(tb->aCol[c].zGroup, tb->aCol[e].zGroup))
        e++;
      tc_head(b, tb->aCol[c].zGroup, e - c, 0);
    }
    c = e;
  }
  buf_puts(b, "</w:tr>" HEAD_TR);
  tc_head(b, "", 1, 2);
  for (int c = 0; c < tb->nCol; c++)
    tc_head(b, tb->aCol[c].zLabel, 1, tb->aCol[c].zGroup ? 0 : 2);
  buf_puts(b, "</w:tr>");
}

/* A bold header cell spanning n grid columns. */
static void tc_span(Buf *b, const char *z, int n) {
  buf_printf(b, "<w:tc><w:tcPr><w:gridSpan w:val=\"%d\"/></w:tcPr><w:p>"
                "<w:pPr><w:jc w:val=\"center\"/></w:pPr><w:r><w:rPr><w:b/>"
                "<w:sz w:val=\"18\"/></w:rPr><w:t xml:space=\"preserve\">%h</w:t></w:r></w:p>"
                "</w:tc>",
             n, z);
}

static void docx_group_head(Buf *b, const RfTable *tb);

static void docx_table(Buf *b, const Report *p, const RfTable *tb) {
  char z[32];
  buf_puts(b, "<w:tbl><w:tblPr><w:tblStyle w:val=\"Grid\"/><w:tblW w:w="
              "\"5000\" w:type=\"pct\"/><w:tblLayout w:type=\"fixed\"/>"
              "</w:tblPr><w:tblGrid>");
  /* Landscape A4 text width 14570 twips: the label column takes 3600 (a
  ** quarter or more), the number columns share the rest. */
  int wLabel = tb->nCol > 3 ? 3600 : 6000;
  int wCol = (14570 - wLabel) / tb->nCol;
  buf_printf(b, "<w:gridCol w:w=\"%d\"/>", wLabel);
  for (int c = 0; c < tb->nCol; c++)
    buf_printf(b, "<w:gridCol w:w=\"%d\"/>", wCol);
  buf_puts(b, "</w:tblGrid>");
  /* Table 三: the official header.  Others: one header row per group
  ** level; runs of columns sharing the group path up to that level are
  ** merged (gridSpan). */
  if (tb->zHeadTop) docx_official_head(b, tb);
  else docx_group_head(b, tb);
  for (int r = 0; r < tb->nRow; r++) {
    buf_puts(b, "<w:tr>");
    tc(b, row_label(tb, r), 0);
    for (int c = 0; c < tb->nCol; c++)
      tc_num(b, tb->aRow[r].bData ? cell_str(p, tb->iCell0 + r * tb->nCol + c, z)
                                  : "");
    buf_puts(b, "</w:tr>");
  }
  buf_puts(b, "</w:tbl>");
}

/* The header of the other tables: one row per group level, runs of columns
** sharing the group path up to that level merged (gridSpan), then the
** column labels. */
static void docx_group_head(Buf *b, const RfTable *tb) {
  int nLevel = 0;
  for (int c = 0; c < tb->nCol; c++) {
    int n = group_parts(tb->aCol[c].zGroup, -1, NULL, 0);
    if (n > nLevel) nLevel = n;
  }
  for (int L = 0; L < nLevel; L++) {
    buf_puts(b, HEAD_TR);
    tc(b, "", 1);
    for (int c = 0; c < tb->nCol;) {
      char zKey[256], zKey2[256], zText[128];
      int e = c + 1;
      int bHas = group_parts(tb->aCol[c].zGroup, L, zKey, sizeof zKey) > L;
      while (bHas && e < tb->nCol &&
             group_parts(tb->aCol[e].zGroup, L, zKey2, sizeof zKey2) > L &&
             !strcmp(zKey, zKey2))
        e++;
      group_part(tb->aCol[c].zGroup, L, zText, sizeof zText);
      tc_span(b, bHas ? zText : "", e - c);
      c = e;
    }
    buf_puts(b, "</w:tr>");
  }
  buf_puts(b, HEAD_TR);
  tc(b, "信息内容", 1);
  for (int c = 0; c < tb->nCol; c++) tc(b, tb->aCol[c].zLabel, 1);
  buf_puts(b, "</w:tr>");
}

int report_out_docx(const Report *p, const ReportText *pText, Buf *pOut) {
  const RfFormat *f = p->pFmt;
  Buf d = BUF_INIT;
  char zTitle[512];
  int rc;
  buf_puts(&d, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
               "\n<w:document xmlns:w=\"http://schemas.openxmlformats.org/"
               "wordprocessingml/2006/main\"><w:body>");
  snprintf(zTitle, sizeof zTitle, "%s %d 年政府信息公开工作年度报告",
           p->zOrg ? p->zOrg : "", p->iYear);
  para(&d, "Title", zTitle);
  for (int s = 0; s < f->nSection; s++) {
    const RfSection *sec = &f->aSection[s];
    para(&d, "Heading1", sec->zTitle);
    if (pText && !strcmp(sec->zId, "s1")) paras(&d, pText->z1);
    if (pText && !strcmp(sec->zId, "s5")) paras(&d, pText->z5);
    if (pText && !strcmp(sec->zId, "s6")) paras(&d, pText->z6);
    for (int t = 0; t < f->nTable; t++) {
      const RfTable *tb = &f->aTable[t];
      if (!tb->zSection || strcmp(tb->zSection, sec->zId)) continue;
      if (tb->zCaption) para(&d, NULL, tb->zCaption);
      docx_table(&d, p, tb);
      para(&d, NULL, "");
    }
  }
  buf_puts(&d, "<w:sectPr><w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient="
               "\"landscape\"/><w:pgMar w:top=\"1134\" w:right=\"1134\" "
               "w:bottom=\"1134\" w:left=\"1134\" w:header=\"851\" "
               "w:footer=\"992\" w:gutter=\"0\"/></w:sectPr></w:body>"
               "</w:document>");
  const char *aName[] = {"[Content_Types].xml", "_rels/.rels",
                         "word/_rels/document.xml.rels", "word/styles.xml",
                         "word/document.xml"};
  const char *aData[] = {zCT, zRels, zDocRels, zStyles, buf_str(&d)};
  size_t aLen[] = {sizeof zCT - 1, sizeof zRels - 1, sizeof zDocRels - 1,
                   sizeof zStyles - 1, d.n};
  rc = docx_zip_parts(aName, aData, aLen, 5, pOut);
  buf_free(&d);
  return rc;
}

int report_out_xlsx_buf(const Report *p, const ReportText *pText, Buf *pOut) {
  char zPath[] = "/tmp/gongkai-xlsx-XXXXXX";
  int fd = mkstemp(zPath);
  int rc = -1;
  if (fd < 0) return -1;
  close(fd);
  if (report_out_xlsx(p, pText, zPath) == 0) {
    FILE *in = fopen(zPath, "rb");
    if (in) {
      char a[8192];
      size_t n;
      while ((n = fread(a, 1, sizeof a, in)) > 0) buf_append(pOut, a, n);
      rc = ferror(in) ? -1 : 0;
      fclose(in);
    }
  }
  unlink(zPath);
  return rc;
}

/* ---- Narrative ------------------------------------------------------ */

/* Integer value of a cell by ids, 0 when absent or blank. */
static long long num(const Report *p, const char *zT, const char *zR,
                     const char *zC) {
  long long v = 0;
  int i = rf_cell(p->pFmt, zT, zR, zC);
  if (i < 0 || !report_get(p, i, &v)) return 0;
  return v / RF_SCALE;
}

/* 一、总体情况 as 国办公开办函〔2021〕30号 asks: （一）主动公开 （二）依申请公开
** （三）政府信息管理 （四）平台建设 （五）监督保障.  Every number of a table
** is taken from the table, so the text and the tables agree (the checker's
** text-against-table rule, core/report_review.h, holds by construction). */
static void draft_s1(const Report *p, const ReportFacts *pF, Buf *b) {
  char zFee[32];
  long long vFee = 0;
  int iFee = rf_cell(p->pFmt, "t2_art20_8", "admin_fees", "amount_wan_yuan");
  buf_printf(b, "%d 年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，"
             "现将政府信息公开工作情况报告如下。\n", p->iYear);
  buf_printf(b, "（一）主动公开。本年主动公开政府信息 %lld 条，其中规章 %lld 件、"
             "行政规范性文件 %lld 件，发布政策解读 %lld 件；举办新闻发布会 %lld 场、"
             "在线访谈 %lld 场。本年作出行政许可处理决定 %lld 件、行政处罚处理决定 "
             "%lld 件、行政强制处理决定 %lld 件",
             pF->nPublished, pF->nRegulations, pF->nNormative,
             pF->nInterpretations, pF->nPress, pF->nInterview,
             num(p, "t2_art20_5", "licensing", "decisions"),
             num(p, "t2_art20_6", "penalty", "decisions"),
             num(p, "t2_art20_6", "coercion", "decisions"));
  if (iFee >= 0) {
    if (!report_get(p, iFee, &vFee)) vFee = 0;
    buf_printf(b, "，收取行政事业性收费 %h 万元", rf_value_str(vFee, zFee));
  }
  buf_puts(b, "。\n");
  buf_printf(b, "（二）依申请公开。本年新收政府信息公开申请 %lld 件，"
             "上年结转 %lld 件，本年办结 %lld 件，结转下年度继续办理 %lld 件；"
             "办结的申请中予以公开 %lld 件，部分公开 %lld 件。因政府信息公开工作被申请"
             "行政复议 %lld 件，被提起行政诉讼 %lld 件。\n",
             num(p, "t3", "new", "total"), num(p, "t3", "carried_in", "total"),
             num(p, "t3", "results.total", "total"),
             num(p, "t3", "carry_out", "total"),
             num(p, "t3", "results.granted", "total"),
             num(p, "t3", "results.partial", "total"),
             num(p, "t4", "cases", "review.total"),
             num(p, "t4", "cases", "lit_direct.total") +
                 num(p, "t4", "cases", "lit_after_review.total"));
  buf_printf(b, "（三）政府信息管理。本机关政府信息公开目录共 %lld 项，按更新频率"
             "维护，本年对无新增信息的目录事项作出“本期无新增”说明 %lld 次",
             pF->nCatalogue, pF->nNilStatements);
  if (rf_cell(p->pFmt, "t2_art20_1", "normative_docs", "made") >= 0)
    buf_printf(b, "；本年制发行政规范性文件 %lld 件，废止 %lld 件，现行有效 %lld 件",
               num(p, "t2_art20_1", "normative_docs", "made"),
               num(p, "t2_art20_1", "normative_docs", "repealed"),
               num(p, "t2_art20_1", "normative_docs", "valid"));
  buf_puts(b, "。\n");
  buf_printf(b, "（四）政府信息公开平台建设。主动公开的政府信息均在本机关政府网站"
             "政府信息公开专栏发布，本年通过政府公报、政务新媒体等其他渠道同步发布 "
             "%lld 次。\n", pF->nChannelDocs);
  buf_printf(b, "（五）监督保障。本年召开政府信息公开工作会议 %lld 次，举办业务培训 "
             "%lld 期、培训 %lld 人次；接受政务公开检查 %lld 次，年内整改完毕 %lld 次。\n",
             pF->nMeetings, pF->nTrainSessions, pF->nTrainPeople,
             pF->nInspections, pF->nInspectionsClosed);
}

/* 六、其他需要报告的事项: fees under 国办函〔2020〕109号 (from the 2021
** report on), the year's 工作要点, 人大代表建议 and 政协委员提案, other work. */
static void draft_s6(const Report *p, const ReportFacts *pF, Buf *b) {
  if (p->iYear >= 2021)
    buf_printf(b, "（一）信息处理费收取情况。依据《政府信息公开信息处理费管理办法》"
               "（国办函〔2020〕109号），本年收取信息处理费 %lld 元。\n",
               pF->nFeeYuan);
  else
    buf_puts(b, "（一）信息处理费收取情况。《政府信息公开信息处理费管理办法》"
                "（国办函〔2020〕109号）自2021年1月1日起施行，本年度不涉及。\n");
  if (pF->nTasks)
    buf_printf(b, "（二）年度政务公开工作要点落实情况。本年工作要点共 %lld 项任务，"
               "截至年底完成 %lld 项，其余 %lld 项持续推进。\n", pF->nTasks,
               pF->nTasksDone, pF->nTasks - pF->nTasksDone);
  else
    buf_puts(b, "（二）年度政务公开工作要点落实情况。（本年尚未登记工作要点任务，"
                "请补充。）\n");
  buf_printf(b, "（三）人大代表建议和政协委员提案办理情况。本年承办人大代表建议 %lld 条、"
             "政协委员提案 %lld 条，已答复 %lld 条，答复全文公开 %lld 条。\n",
             pF->nNpc, pF->nCppcc, pF->nProposalsReplied,
             pF->nProposalsPublished);
  buf_puts(b, "（四）其他工作。（请补充其他需要报告的事项。）\n");
}

void report_draft(const Report *p, const ReportFacts *pF, char **pz1,
                  char **pz5, char **pz6) {
  Buf b = BUF_INIT;
  draft_s1(p, pF, &b);
  *pz1 = buf_steal(&b);
  buf_printf(&b, "本年结转下年度继续办理的政府信息公开申请 %lld 件，将在法定期限内办结。"
             "（请补充存在的主要问题及改进情况。）\n",
             num(p, "t3", "carry_out", "total"));
  *pz5 = buf_steal(&b);
  draft_s6(p, pF, &b);
  *pz6 = buf_steal(&b);
}

char *report_section6(const Report *p, const char *zText) {
  Buf b = BUF_INIT;
  buf_append(&b, zText ? zText : "", zText ? strlen(zText) : 0);
  for (int i = 0; i < p->nAcc; i++) {
    if (b.n && b.z[b.n - 1] != '\n') buf_putc(&b, '\n');
    buf_puts(&b, "关于统计表数据不一致的说明（");
    buf_append(&b, p->aAcc[i].zKey, strlen(p->aAcc[i].zKey));
    buf_puts(&b, "）：");
    buf_append(&b, p->aAcc[i].zReason, strlen(p->aAcc[i].zReason));
  }
  return buf_steal(&b);
}

/* ---- Portal document ------------------------------------------------ */

/* Markdown table cell text: | and line breaks would break the table. */
static void md_cell(Buf *b, const char *z) {
  buf_puts(b, " ");
  for (; z && *z; z++) {
    if (*z == '|') buf_puts(b, "\\|");
    else if (*z == '\n' || *z == '\r') buf_putc(b, ' ');
    else buf_putc(b, *z);
  }
  buf_puts(b, " |");
}

void report_out_markdown(const Report *p, const ReportText *pText, Buf *b) {
  const RfFormat *f = p->pFmt;
  char z[32];
  for (int s = 0; s < f->nSection; s++) {
    const RfSection *sec = &f->aSection[s];
    const char *zT = NULL;
    buf_puts(b, "## ");
    buf_puts(b, sec->zTitle);
    buf_puts(b, "\n\n");
    if (pText && !strcmp(sec->zId, "s1")) zT = pText->z1;
    if (pText && !strcmp(sec->zId, "s5")) zT = pText->z5;
    if (pText && !strcmp(sec->zId, "s6")) zT = pText->z6;
    if (zT && *zT) {
      buf_puts(b, zT);
      buf_puts(b, "\n\n");
    }
    for (int t = 0; t < f->nTable; t++) {
      const RfTable *tb = &f->aTable[t];
      if (!tb->zSection || strcmp(tb->zSection, sec->zId)) continue;
      if (tb->zCaption) {
        buf_puts(b, "**");
        buf_puts(b, tb->zCaption);
        buf_puts(b, "**\n\n");
      }
      buf_puts(b, "| 信息内容 |");
      for (int c = 0; c < tb->nCol; c++) md_cell(b, tb->aCol[c].zShow);
      buf_puts(b, "\n|---|");
      for (int c = 0; c < tb->nCol; c++) buf_puts(b, "---:|");
      buf_putc(b, '\n');
      for (int r = 0; r < tb->nRow; r++) {
        buf_putc(b, '|');
        md_cell(b, row_label(tb, r));
        for (int c = 0; c < tb->nCol; c++)
          md_cell(b, tb->aRow[r].bData
                         ? cell_str(p, tb->iCell0 + r * tb->nCol + c, z)
                         : "");
        buf_putc(b, '\n');
      }
      buf_putc(b, '\n');
    }
  }
}

int report_publish_doc(Store *s, Arena *a, const Report *p,
                       const ReportRec *pRec, const char *zDay,
                       int64_t userId, int64_t *pDocId) {
  char *z6 = report_section6(p, pRec->zSection6);
  ReportText txt = {pRec->zSection1, pRec->zSection5, z6};
  Buf md = BUF_INIT, docx = BUF_INIT;
  Doc d;
  int rc;
  memset(&d, 0, sizeof d);
  report_out_markdown(p, &txt, &md);
  d.orgId = pRec->orgId;
  d.zTitle = arena_printf(a, "%h%h %d 年政府信息公开工作年度报告",
                          pRec->zOrgName,
                          pRec->bSubtree ? "（全系统）" : "", pRec->year);
  d.zPublisher = pRec->zOrgName;
  d.zSignedDate = zDay;
  d.zFormedDate = zDay;
  d.zMode = "proactive";
  d.zGenre = "年度报告";
  d.zReportKind = "other";
  d.zKeywords = "政府信息公开工作年度报告";
  d.zSummary = arena_printf(a, "根据《中华人民共和国政府信息公开条例》第五十条"
                               "制作的 %d 年度报告。", pRec->year);
  d.zBody = buf_str(&md);
  d.createdBy = userId;
  rc = store_doc_add(s, &d);
  /* Attach before publishing: the ledger entry of the publication covers
  ** the attachment. */
  if (!rc && report_out_docx(p, &txt, &docx) == 0) {
    char *zName = arena_printf(a, "%d年政府信息公开工作年度报告.docx",
                               pRec->year);
    rc = store_doc_attach(s, d.id, zName,
                          "application/vnd.openxmlformats-officedocument."
                          "wordprocessingml.document",
                          docx.z, docx.n, "", userId, NULL);
  }
  if (!rc) rc = store_doc_publish(s, a, d.id, "published", zDay);
  if (!rc) rc = store_report_set_doc(s, pRec->id, d.id);
  if (!rc && pDocId) *pDocId = d.id;
  buf_free(&md);
  buf_free(&docx);
  free(z6);
  return rc;
}
