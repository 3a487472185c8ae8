/*
** page_open_data.c — GET /data: the bulk open data (api/api_datasets.h) for
** people: each dataset of the manifest in Chinese with its files (format,
** size, SHA-256, download link), the licence and when the files were last
** built.  The manifest itself stays the machine's entry (/api/v1/datasets).
*/
#include <string.h>

#include <jansson.h>

#include "api/api_datasets.h"
#include "web/pages.h"
#include "web/portal.h"

/* What a file format is called on the page. */
static const struct { const char *zFormat, *zLabel; } aFormat[] = {
  {"csv", "CSV"}, {"jsonl", "JSON"}, {NULL, NULL}};

static const char *format_label(const char *z) {
  for (int i = 0; z && aFormat[i].zFormat; i++)
    if (!strcmp(aFormat[i].zFormat, z)) return aFormat[i].zLabel;
  return "数据文件";
}

/* A JSON string member of o, or "". */
static const char *str_of(json_t *o, const char *zKey) {
  const char *z = json_string_value(json_object_get(o, zKey));
  return z ? z : "";
}

/* One dataset: its title, description, date and files, one row. */
static void dataset_row(Req *r, json_t *ds) {
  const char *zModified = str_of(ds, "modified");
  char zDay[11] = "";
  if (strlen(zModified) >= 10) memcpy(zDay, zModified, 10);  /* the Beijing date */
  req_printf(r, "<tr><th scope=\"row\">%h<br><span class=\"hint\">%h</span></th><td class=\"date\">%h</td><td><ul class=\"files\">",
             str_of(ds, "title"), str_of(ds, "description"), fmt_date(r, zDay));
  size_t i;
  json_t *f;
  json_array_foreach(json_object_get(ds, "distributions"), i, f) {
    req_printf(r, "<li><a href=\"%h\" download>%h（%h）</a><br><span class=\"hash\">SHA-256 "
                  "<code>%h</code></span></li>",
               str_of(f, "url"), format_label(str_of(f, "format")),
               fmt_size(r, json_integer_value(json_object_get(f, "bytes"))), str_of(f, "sha256"));
  }
  req_puts(r, "</ul></td></tr>\n");
}

int page_open_data(Req *r) {
  int bBuilding = 0;
  json_t *m = datasets_manifest(r, &bBuilding);
  if (!m) {
    http_error(r, 503, "开放数据正在生成，请稍后再试");
    return 0;
  }
  page_begin(r, "开放数据");
  req_puts(r, "<h1>开放数据</h1>\n<p class=\"lead\">本站主动公开的政府信息、政府信息公开目录和"
              "年度报告统计表，按单位整理成可下载的数据文件，每天更新。CSV 文件可用 Excel 或 WPS "
              "打开；JSON 文件每行一条记录，便于程序逐行读取。下载后可用 SHA-256 值核对文件是否完整。</p>\n"
              "<p>数据按<a href=\"https://creativecommons.org/licenses/by/4.0/\" rel=\"license\">"
              "知识共享署名 4.0 国际许可协议</a>开放，使用时请注明来源。程序可从"
              "<a href=\"/api/v1/datasets\">数据清单（JSON）</a>读取全部数据集及其字段说明。</p>\n");
  if (bBuilding) {
    r->bNoCache = 1;
    page_notice(r, "warn", "数据文件正在按最新公开的信息更新，下表为更新前的文件，"
                           "更新期间暂不能下载，请稍后刷新本页。");
  }
  req_puts(r, "<table class=\"grid cards datasets\"><caption>数据集</caption><thead><tr>"
              "<th scope=\"col\">数据集</th><th scope=\"col\">更新日期</th><th scope=\"col\">下载</th>"
              "</tr></thead><tbody>\n");
  size_t i;
  json_t *ds;
  json_array_foreach(json_object_get(m, "datasets"), i, ds) dataset_row(r, ds);
  req_puts(r, "</tbody></table>\n");
  json_decref(m);
  page_end(r);
  return 0;
}
