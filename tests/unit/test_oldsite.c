/*
** test_oldsite.c — reading pages saved from old disclosure sites
** (src/lib/oldsite.c): the label/value layouts, dates as Chinese sites
** write them, GBK with and without a declared charset, what is not a
** document page.  Inputs are written inline; expectations by reading them.
*/
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "lib/oldsite.h"

/* z converted from UTF-8 to GBK, in a static buffer. */
static const char *to_gbk(const char *z, size_t *pn) {
  static char aOut[8192];
  iconv_t cd = iconv_open("GBK", "UTF-8");
  char *pIn = (char *)z, *pOut = aOut;
  size_t nIn = strlen(z), nOut = sizeof aOut;
  iconv(cd, &pIn, &nIn, &pOut, &nOut);
  iconv_close(cd);
  *pn = sizeof aOut - nOut;
  return aOut;
}

TEST(oldsite_dates) {
  char z[11];
  CHECK(oldsite_date("2019-03-12", z) == 0);
  CHECK_STR(z, "2019-03-12");
  CHECK(oldsite_date("2019年3月5日", z) == 0);
  CHECK_STR(z, "2019-03-05");
  CHECK(oldsite_date("发布：2021/1/22 10:20", z) == 0);
  CHECK_STR(z, "2021-01-22");
  CHECK(oldsite_date("2020.02.29", z) == 0);
  CHECK_STR(z, "2020-02-29");
  CHECK(oldsite_date("2019-02-29", z) == 1);   /* not a leap year */
  CHECK(oldsite_date("2019-13-01", z) == 1);
  CHECK(oldsite_date("12019-01-01", z) == 1);  /* five digits: not a year */
  CHECK(oldsite_date("宁卫计发〔2019〕21号", z) == 1);
  CHECK(oldsite_date("", z) == 1);
}

TEST(oldsite_table_layout) {
  static const char z[] =
      "<html><head><meta charset=\"utf-8\"><title>某通知_某县人民政府</title></head><body>"
      "<table><tr><td>索&nbsp;引&nbsp;号：</td><td>11640521MB1594621N/2019-00012</td>"
      "<td>发布机构：</td><td>中宁县卫生和计划生育局</td></tr>"
      "<tr><td>成文日期：</td><td>2019年3月10日</td><td>发布日期：</td><td>2019-03-12</td></tr>"
      "<tr><td>文号：</td><td>宁卫计发〔2019〕21号</td><td>有效性：</td><td>已废止</td></tr></table>"
      "<h1>关于印发工作要点的通知</h1><div class=\"TRS_Editor\"><p>各单位：</p>"
      "<p>现将要点印发给你们。</p></div>"
      "<a href=\"./P0201.pdf\">要点.pdf</a><a href=\"/index.html\">首页</a></body></html>";
  Arena a = ARENA_INIT;
  OldSitePage p;
  CHECK(oldsite_parse(&a, z, sizeof z - 1, &p) == NULL);
  CHECK_STR(p.zIndexNumber, "11640521MB1594621N/2019-00012");
  CHECK_STR(p.zPublisher, "中宁县卫生和计划生育局");
  CHECK_STR(p.zSignedDate, "2019-03-10");
  CHECK_STR(p.zPublishedDate, "2019-03-12");
  CHECK_STR(p.zDocNumber, "宁卫计发〔2019〕21号");
  CHECK_STR(p.zValidity, "已废止");
  CHECK_STR(p.zTitle, "关于印发工作要点的通知");  /* h1 before <title> */
  CHECK_STR(p.zBody, "各单位：\n\n现将要点印发给你们。");
  CHECK_INT(p.nLink, 1);
  CHECK_STR(p.aLink[0].zHref, "./P0201.pdf");
  CHECK_STR(p.aLink[0].zText, "要点.pdf");
  arena_free(&a);
}

TEST(oldsite_inline_gbk_undeclared) {
  static const char zUtf8[] =
      "<html><head><title>鄞州区2018年年度报告_鄞州区人民政府</title></head><body>"
      "<p>索引号：002951712/2019-03812　　发布机构：鄞州区人民政府办公室　　"
      "发布日期：2019-03-28　　有效性：有效</p>"
      "<div class=\"article-content\"><p>第一段。</p><p>第二段。</p></div></body></html>";
  size_t n;
  const char *z = to_gbk(zUtf8, &n);
  Arena a = ARENA_INIT;
  OldSitePage p;
  CHECK(oldsite_parse(&a, z, n, &p) == NULL);
  CHECK_STR(p.zCharset, "GB18030");
  CHECK_STR(p.zIndexNumber, "002951712/2019-03812");
  CHECK_STR(p.zPublisher, "鄞州区人民政府办公室");
  CHECK_STR(p.zPublishedDate, "2019-03-28");
  CHECK_STR(p.zValidity, "有效");
  CHECK_STR(p.zTitle, "鄞州区2018年年度报告");
  CHECK_STR(p.zBody, "第一段。\n\n第二段。");
  arena_free(&a);
}

TEST(oldsite_list_layout_declared_gb2312) {
  static const char zUtf8[] =
      "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">"
      "<meta name=\"ArticleTitle\" content=\"盐池县2020年年度报告\"></head><body><ul>"
      "<li><span>索 引 号：</span>640323000/2021-00003</li><li><span>文　　号：</span></li>"
      "<li><span>发文日期：</span>2021年01月20日</li></ul>"
      "<div id=\"zoom\"><h3>一、总体情况</h3><ul><li>甲</li><li>乙</li></ul>"
      "<table><tr><td>项目</td><td>数量</td></tr><tr><td>规章|文件</td><td>6</td></tr></table>"
      "</div></body></html>";
  size_t n;
  const char *z = to_gbk(zUtf8, &n);
  Arena a = ARENA_INIT;
  OldSitePage p;
  CHECK(oldsite_parse(&a, z, n, &p) == NULL);
  CHECK_STR(p.zCharset, "GB18030");
  CHECK_STR(p.zTitle, "盐池县2020年年度报告");
  CHECK_STR(p.zIndexNumber, "640323000/2021-00003");
  CHECK_STR(p.zDocNumber, "");              /* an empty value stays empty */
  CHECK_STR(p.zSignedDate, "2021-01-20");
  CHECK_STR(p.zPublishedDate, "");
  CHECK_STR(p.zBody,
            "#### 一、总体情况\n\n- 甲\n- 乙\n\n"
            "| 项目 | 数量 |\n| --- | --- |\n| 规章\\|文件 | 6 |");
  arena_free(&a);
}

TEST(oldsite_not_a_document) {
  Arena a = ARENA_INIT;
  OldSitePage p;
  CHECK(oldsite_parse(&a, "", 0, &p) != NULL);
  static const char zNoBody[] = "<html><body><h1>标题</h1></body></html>";
  const char *zWhy = oldsite_parse(&a, zNoBody, sizeof zNoBody - 1, &p);
  CHECK(zWhy && strstr(zWhy, "正文"));
  static const char zNul[] = "<p>索引号：\0abc</p>";
  CHECK(oldsite_parse(&a, zNul, sizeof zNul - 1, &p) != NULL);
  arena_free(&a);
}
