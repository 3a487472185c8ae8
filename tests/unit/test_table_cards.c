/* test_table_cards.c — the phone labels of card tables (src/web/
** table_cards.c, issue 15): each body and footer cell of a table marked
** "cards" gets its column's heading; other tables, spanning cells, row
** headings and cells already labelled are left alone.  The expected pages
** are written out by hand. */
#include <string.h>

#include "../../src/lib/buf.h"
#include "../../src/web/pages.h"
#include "harness.h"

/* page_label_cards over z; the result (static buffer). */
static const char *labelled(const char *z) {
  static char zOut[4096];
  Buf b = BUF_INIT;
  buf_puts(&b, z);
  page_label_cards(&b);
  strncpy(zOut, buf_str(&b), sizeof zOut - 1);
  buf_free(&b);
  return zOut;
}

TEST(table_cards_labels_body_and_footer_cells) {
  CHECK_STR(labelled("<p>前</p><table class=\"grid cards\" id=\"x\"><caption>留言</caption>"
                     "<thead><tr><th scope=\"col\">收到日期</th><th scope=\"col\"><abbr title=\"t\">标题</abbr></th>"
                     "<th scope=\"col\">公开</th></tr></thead><tbody>\n"
                     "<tr><td>2026-11-27</td><td class=\"t\"><a href=\"/m/1\">门诊 &amp; 挂号</a></td><td></td></tr>\n"
                     "<tr><th scope=\"row\">合计</th><td>2</td><td colspan=\"1\">x</td></tr>\n"
                     "<tr><td colspan=\"3\">暂无记录</td></tr>\n"
                     "</tbody><tfoot><tr><th scope=\"row\" colspan=\"2\">合计</th><td>5</td></tr></tfoot>"
                     "</table><p>后</p>"),
            "<p>前</p><table class=\"grid cards\" id=\"x\"><caption>留言</caption>"
            "<thead><tr><th scope=\"col\">收到日期</th><th scope=\"col\"><abbr title=\"t\">标题</abbr></th>"
            "<th scope=\"col\">公开</th></tr></thead><tbody>\n"
            "<tr><td data-label=\"收到日期\">2026-11-27</td><td data-label=\"标题\" class=\"t\"><a href=\"/m/1\">门诊 &amp; 挂号</a></td><td data-label=\"公开\"></td></tr>\n"
            "<tr><th scope=\"row\">合计</th><td data-label=\"标题\">2</td><td colspan=\"1\">x</td></tr>\n"
            "<tr><td colspan=\"3\">暂无记录</td></tr>\n"
            "</tbody><tfoot><tr><th scope=\"row\" colspan=\"2\">合计</th><td data-label=\"公开\">5</td></tr></tfoot>"
            "</table><p>后</p>");
}

TEST(table_cards_leaves_other_tables_alone) {
  /* Not marked, "cardsx" is not "cards", already labelled, a spanning
  ** heading, no heading. */
  const char *a[] = {
    "<table class=\"grid\"><thead><tr><th>甲</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>",
    "<table class=\"cardsx\"><thead><tr><th>甲</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>",
    "<table class=\"cards\"><thead><tr><th>甲</th></tr></thead><tbody><tr><td data-label=\"乙\">1</td></tr></tbody></table>",
    "<table class=\"cards\"><thead><tr><th colspan=\"2\">甲</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table>",
    "<table class=\"cards\"><tbody><tr><td>1</td></tr></tbody></table>",
    "<table class=\"cards\"><thead><tr><th>甲</th></tr></thead><tbody><tr><td>1</td>",
  };
  for (size_t i = 0; i < sizeof a / sizeof a[0]; i++) CHECK_STR(labelled(a[i]), a[i]);
}

TEST(table_cards_two_tables_and_more_cells_than_headings) {
  CHECK_STR(labelled("<table class=\"cards\"><thead><tr><th>甲</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table>"
                     "<table class=\"x cards\"><thead><tr><th> 乙\n 丙 </th></tr></thead><tbody><tr><td>3</td></tr></tbody></table>"),
            "<table class=\"cards\"><thead><tr><th>甲</th></tr></thead><tbody><tr><td data-label=\"甲\">1</td><td>2</td></tr></tbody></table>"
            "<table class=\"x cards\"><thead><tr><th> 乙\n 丙 </th></tr></thead><tbody><tr><td data-label=\"乙 丙\">3</td></tr></tbody></table>");
}
