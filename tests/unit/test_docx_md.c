/*
** test_docx_md.c — the Word import (src/lib/docx_md.c) on the fixtures of
** tests/fixtures/docx/: a file LibreOffice wrote, one shaped as WPS saves
** (numeric style ids, nested and Chinese-numbered lists, a short table
** row, bold, text that looks like Markdown), and two hostile packages (a
** zip bomb and an entity expansion).  The expected Markdown is written out
** by hand from the documents' content.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "lib/buf.h"
#include "lib/docx_md.h"

/* Reads tests/fixtures/docx/zName into *pb; 0 or -1. */
static int fixture(const char *zName, Buf *pb) {
  char zPath[256];
  snprintf(zPath, sizeof zPath, "tests/fixtures/docx/%s", zName);
  FILE *f = fopen(zPath, "rb");
  if (!f) return -1;
  char a[8192];
  size_t k;
  while ((k = fread(a, 1, sizeof a, f)) > 0) buf_append(pb, a, k);
  fclose(f);
  return 0;
}

/* Converts fixture zName; returns the Markdown (static Buf's text) or NULL
** on refusal, with the title in *pzTitle and the message in zErr. */
static char *convert(const char *zName, char **pzTitle, char *zErr, size_t nErr) {
  Buf in = BUF_INIT, out = BUF_INIT;
  CHECK_INT(fixture(zName, &in), 0);
  zErr[0] = 0;
  int rc = docx_to_markdown(in.z, in.n, &out, pzTitle, zErr, nErr);
  buf_free(&in);
  if (rc) { buf_free(&out); return NULL; }
  return buf_steal(&out);
}

TEST(docx_md_libreoffice_headings_paragraphs_lists_table) {
  char *zTitle = NULL, zErr[200];
  char *z = convert("libreoffice.docx", &zTitle, zErr, sizeof zErr);
  CHECK_STR(z,
            "# 关于做好2026年冬季供暖安全工作的通知\n\n"
            "各乡镇人民政府，县直各部门：\n\n"
            "为做好今冬供暖安全工作，现将有关事项通知如下。\n\n"
            "## 一、工作要求\n\n"
            "- 落实属地责任\n"
            "- 加强隐患排查\n\n"
            "## 二、时间安排\n\n"
            "1. 11月15日前完成检查\n"
            "2. 11月30日前报送总结\n\n"
            "| 乡镇 | 检查点位 |\n"
            "| --- | --- |\n"
            "| 宁安镇 | 12 |\n"
            "| 石空镇 | 8 |\n\n"
            "特此通知。\n");
  CHECK_STR(zTitle, "关于做好2026年冬季供暖安全工作的通知");
  free(z);
  free(zTitle);
}

/* libreoffice-writer.docx: LibreOffice Writer's own document
** (libreoffice-writer.fodt: Title paragraph, outline headings, a nested
** list, a table) saved as .docx with soffice --convert-to docx.  The Title
** paragraph is the title field and is not repeated in the body. */
TEST(docx_md_libreoffice_writer_title_outline_nested_list_table) {
  char *zTitle = NULL, zErr[200];
  char *z = convert("libreoffice-writer.docx", &zTitle, zErr, sizeof zErr);
  CHECK_STR(z,
            "# 一、总体要求\n\n"
            "各乡镇卫生院：现将有关事项通知如下。\n\n"
            "## （一）工作重点\n\n"
            "- 清理卫生死角\n"
            "- 病媒生物防制\n"
            "    - 灭鼠\n\n"
            "| 乡镇 | 责任人 |\n"
            "| --- | --- |\n"
            "| 宁安镇 | 王明 |\n\n"
            "特此通知。\n");
  CHECK_STR(zTitle, "关于开展2027年春季爱国卫生运动的通知");
  free(z);
  free(zTitle);
}

TEST(docx_md_wps_style_ids_nested_lists_short_rows_escapes) {
  char *zTitle = NULL, zErr[200];
  char *z = convert("wps.docx", &zTitle, zErr, sizeof zErr);
  CHECK_STR(z,
            "# 关于开展2026年政务公开培训的通知\n\n"
            "各科室：\n\n"
            "请按时参加**政务公开培训**，注意 1. 不是列表、\\#不是标题、a\\|b 不是表格。\n\n"
            "## 一、培训内容\n\n"
            "- 条例解读\n"
            "    - 第二十条\n"
            "- 依申请公开办理\n\n"
            "## 二、日程\n\n"
            "1. 报到\n"
            "2. 授课\n\n"
            "| 时间 | 内容 | 地点 |\n"
            "| --- | --- | --- |\n"
            "| 9:00 | 条例解读 | 三楼会议室 |\n"
            "| 14:00 |  |  |\n\n"
            "县卫生健康局办公室\n");
  CHECK_STR(zTitle, "关于开展2026年政务公开培训的通知");
  free(z);
  free(zTitle);
}

TEST(docx_md_refuses_zip_bomb_entities_and_non_docx) {
  char *zTitle = NULL, zErr[200];
  CHECK(convert("bomb.docx", &zTitle, zErr, sizeof zErr) == NULL);
  CHECK(strstr(zErr, "过大") != NULL);
  CHECK(convert("entity.docx", &zTitle, zErr, sizeof zErr) == NULL);
  CHECK(zErr[0] != 0);
  CHECK(convert("libreoffice.html", &zTitle, zErr, sizeof zErr) == NULL);
  CHECK_STR(zErr, "不是有效的 Word 文件（.docx）");
  CHECK(zTitle == NULL);
}
