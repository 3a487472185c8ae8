/*
** test_pdf_words.c — a PDF's positioned words as table text
** (src/lib/pdf_words.c): each number lands in the column it stands under,
** so a blank cell stays blank (also a column blank in every row, found
** from the header, or from the table before on the last page); a number
** close to a full label cell is still a cell; wrapped labels and prose
** stay lines of their own;
** anything that is not pdftotext's bbox XHTML gives nothing.  The inputs
** are hand-made bbox pages (12 pt high words); the expected texts are
** worked out from the positions.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "lib/buf.h"
#include "lib/pdf_words.h"

/* Appends one word at x0..x1 on the line whose top is y (12 pt high). */
static void word(Buf *b, double x0, double x1, double y, const char *z) {
  char zA[160];
  snprintf(zA, sizeof zA,
           "<word xMin=\"%.6f\" yMin=\"%.6f\" xMax=\"%.6f\" yMax=\"%.6f\">",
           x0, y, x1, y + 12);
  buf_puts(b, zA);
  buf_puts(b, z);
  buf_puts(b, "</word>\n");
}

static char *text_of(Buf *x, int *pnWords) {
  Buf out = BUF_INIT;
  *pnWords = pdf_words_text(buf_str(x), x->n, &out);
  return buf_steal(&out);
}

/* Columns centred at 200, 260, 320, 380; 商业企业 (260) has no number in
** any row: only the header tells that it is there. */
TEST(pdf_words_blank_cells_keep_their_columns) {
  Buf x = BUF_INIT;
  int n = 0;
  buf_puts(&x, "<doc><page width=\"595\" height=\"842\">\n");
  word(&x, 50, 150, 50, "三、收到和处理");
  word(&x, 185, 215, 80, "自然人");
  word(&x, 236, 284, 80, "商业企业");
  word(&x, 296, 344, 80, "科研机构");
  word(&x, 368, 392, 80, "总计");
  word(&x, 50, 120, 100, "一、本年新收");
  word(&x, 197, 203, 100, "5");
  word(&x, 317, 323, 100, "1");
  word(&x, 377, 383, 100, "6");
  word(&x, 50, 120, 116, "二、上年结转");
  word(&x, 197, 203, 116, "2");
  word(&x, 377, 383, 116, "2");
  /* a label wrapped around its one number (only 自然人 filled): its
  ** first half goes on the number's line, a row keeps its label */
  word(&x, 50, 150, 132, "（二）部分公开（区分");
  word(&x, 197, 203, 144, "3");
  word(&x, 50, 100, 156, "处理的）");
  /* prose well below: words a space apart, one line */
  word(&x, 50, 110, 300, "全年新收申请");
  word(&x, 113, 125, 300, "20");
  word(&x, 128, 150, 300, "件。");
  buf_puts(&x, "</page></doc>\n");
  char *z = text_of(&x, &n);
  CHECK_INT(n, 18);
  CHECK_STR(z, "三、收到和处理\n"
               "自然人 商业企业 科研机构 总计\n"
               "一、本年新收\t5\t\t1\t6\n"
               "二、上年结转\t2\t\t\t2\n"
               "（二）部分公开（区分\t3\t\t\t\n"
               "处理的）\n"
               "全年新收申请 20 件。\n");
  free(z);
  buf_free(&x);
}

/* Right-aligned numbers of any width share a column (their ranges
** overlap); a row without a label (table 四) starts with its first cell;
** each page is read on its own, in order. */
TEST(pdf_words_right_aligned_numbers_and_pages) {
  Buf x = BUF_INIT;
  int n = 0;
  buf_puts(&x, "<doc><page width=\"595\" height=\"842\">\n");
  word(&x, 50, 100, 100, "规章");
  word(&x, 180, 204, 100, "1234");
  word(&x, 240, 246, 100, "0");
  word(&x, 300, 318, 100, "1,5");
  word(&x, 50, 110, 116, "规范性文件");
  word(&x, 198, 204, 116, "5");
  word(&x, 306, 318, 116, "—");
  buf_puts(&x, "</page>\n<page width=\"595\" height=\"842\">\n");
  word(&x, 150, 156, 60, "1");
  word(&x, 210, 216, 60, "0");
  word(&x, 270, 276, 60, "1");
  buf_puts(&x, "</page></doc>\n");
  char *z = text_of(&x, &n);
  CHECK_INT(n, 10);
  CHECK_STR(z, "规章\t1234\t0\t1,5\n"
               "规范性文件\t5\t\t—\n"
               "1\t0\t1\n");
  free(z);
  buf_free(&x);
}

/* A table that runs onto the next page keeps its columns there (no
** header repeated, two columns blank in every row of that page); the
** page's first row has its number a mere space after a full label cell
** (0.33 of the line's height), yet stands in the table's column; prose
** with a number and its unit a space apart stays one line. */
TEST(pdf_words_table_continued_on_the_next_page) {
  Buf x = BUF_INIT;
  int n = 0;
  buf_puts(&x, "<doc><page width=\"595\" height=\"842\">\n");
  word(&x, 185, 215, 80, "自然人");
  word(&x, 236, 284, 80, "商业企业");
  word(&x, 296, 344, 80, "科研机构");
  word(&x, 368, 392, 80, "总计");
  word(&x, 50, 60, 100, "一");
  word(&x, 197, 203, 100, "5");
  word(&x, 317, 323, 100, "1");
  word(&x, 377, 383, 100, "6");
  buf_puts(&x, "</page>\n<page width=\"595\" height=\"842\">\n");
  word(&x, 50, 193, 60, "5.属于三类内部事务");
  word(&x, 197, 203, 60, "5");
  word(&x, 50, 120, 76, "6.属于四类");
  word(&x, 197, 203, 76, "3");
  word(&x, 377, 383, 76, "3");
  word(&x, 50, 98, 300, "全年收费");
  word(&x, 101, 113, 300, "1.5");
  word(&x, 116, 140, 300, "万元。");
  buf_puts(&x, "</page></doc>\n");
  char *z = text_of(&x, &n);
  CHECK_INT(n, 16);
  CHECK_STR(z, "自然人 商业企业 科研机构 总计\n"
               "一\t5\t\t1\t6\n"
               "5.属于三类内部事务\t5\t\t\t\n"
               "6.属于四类\t3\t\t\t3\n"
               "全年收费 1.5 万元。\n");
  free(z);
  buf_free(&x);
}

/* Not bbox XHTML, broken attributes, a word cut off: nothing, no crash. */
TEST(pdf_words_refuses_what_is_not_bbox_xhtml) {
  static const char *az[] = {
      "",
      "plain text 1 2 3",
      "<word xMin=\"1\" yMin=\"1\" xMax=\"2\" yMax=\"2\">x</word>",  /* no page */
      "<page><word xMin=\"a\" yMin=\"b\" xMax=\"c\" yMax=\"d\">x</word>",
      "<page><word xMin=\"5\" yMin=\"1\" xMax=\"2\" yMax=\"9\">x</word>",
      "<page><word xMin=\"nan\" yMin=\"1\" xMax=\"inf\" yMax=\"9\">x</word>",
      "<page><word xMin=\"1\" yMin=\"1\" xMax=\"2\" yMax=\"9\">cut",
      "<page><word xMin=\"1\" yMin=\"1\"",
  };
  for (size_t i = 0; i < sizeof az / sizeof az[0]; i++) {
    Buf x = BUF_INIT;
    int n = -1;
    buf_puts(&x, az[i]);
    char *z = text_of(&x, &n);
    CHECK_INT(n, 0);
    CHECK_STR(z ? z : "", "");
    free(z);
    buf_free(&x);
  }
}
