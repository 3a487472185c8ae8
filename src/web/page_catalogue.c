/*
** page_catalogue.c — the public catalogue of an organisation: the 主动公开
** 基本目录 as a tree by 一级事项 and 二级事项, the 依申请公开目录 and the
** 负面清单 with the ground of each item, and the CSV/XLSX download.
*/
#include <stdlib.h>
#include <string.h>

#include "lib/table.h"
#include "lib/utf8.h"
#include "store/store_catalogue.h"
#include "store/store_documents.h"
#include "store/store_search.h"
#include "web/catalogue.h"
#include "web/pages.h"

int catalogue_org_arg(Req *r, int i, Org *o) {
  const char *z = req_arg(r, i);
  int64_t id = req_arg_id(r, i);
  int rc = id ? store_org_get(r->store, &r->arena, id, o)
              : store_org_by_slug(r->store, &r->arena, z ? z : "", o);
  if (rc != STORE_OK) {
    http_error(r, rc == STORE_NOTFOUND ? 404 : 500,
               rc == STORE_NOTFOUND ? "单位不存在" : store_errmsg(r->store));
    return 0;
  }
  page_set_org(r, o);
  return 1;
}

/* Channels of an item for display: labels, then the carriers as written. */
static void channels_cell(Req *r, const CatItem *p) {
  req_printf(r, "%h", cat_channels_labels(&r->arena, p->channels, "、"));
  if (p->zChannelText[0])
    req_printf(r, "<br><small>%h</small>", p->zChannelText);
}

/* The item rows of one group (same 一级 and 二级 事项). */
static void item_table(Req *r, const CatItem *aItem, int n, const char *zL1,
                       const char *zL2) {
  req_puts(r, "<table class=\"grid cards\"><thead><tr>"
              "<th scope=\"col\">序号</th><th scope=\"col\">公开内容（要素）</th>"
              "<th scope=\"col\">公开依据</th><th scope=\"col\">公开时限</th>"
              "<th scope=\"col\">公开主体/负责科室</th>"
              "<th scope=\"col\">责任人</th><th scope=\"col\">联系电话</th>"
              "<th scope=\"col\">公开渠道</th><th scope=\"col\">公开对象</th>"
              "<th scope=\"col\">公开方式</th><th scope=\"col\">更新频率</th>"
              "<th scope=\"col\">条例第二十条</th></tr></thead><tbody>\n");
  for (int i = 0; i < n; i++) {
    const CatItem *p = &aItem[i];
    if (strcmp(p->zLevel1, zL1) || strcmp(p->zLevel2, zL2)) continue;
    req_printf(r, "<tr id=\"item-%lld\"><td data-label=\"序号\">%d</td>"
                  "<td data-label=\"公开内容\">%h", (long long)p->id, p->seq, p->zContent);
    if (p->bNeedsInterp) req_puts(r, " <small>（须同步政策解读）</small>");
    if (!strcmp(p->zList, "proactive"))
      req_printf(r, " <a class=\"item-docs\" href=\"/o/%u/items/%lld\">查看文件</a>",
                 r->pOrg ? r->pOrg->zSlug : "", (long long)p->id);
    req_printf(r, "</td><td data-label=\"公开依据\">%h</td><td data-label=\"公开时限\">%h</td>"
                  "<td data-label=\"公开主体\">%h</td><td data-label=\"责任人\">%h</td>"
                  "<td data-label=\"联系电话\">%h</td><td data-label=\"公开渠道\">",
               p->zBasis, p->zTimeLimit, p->zDept, p->zResponsible,
               p->zPhone);
    channels_cell(r, p);
    req_printf(r, "</td><td data-label=\"公开对象\">%h</td><td data-label=\"公开方式\">%h</td>"
                  "<td data-label=\"更新频率\">%h</td>"
                  "<td data-label=\"条例第二十条\" title=\"%h\">%h</td></tr>\n",
               cat_audience_label(p->zAudience), cat_mode_label(p->zMode),
               p->zFrequency, p->art20 ? cat_art20_title(p->art20) : "",
               cat_art20_numeral(p->art20));
  }
  req_puts(r, "</tbody></table>\n");
}

/* 1 when z occurs as field (level1, or level2 under zL1) before index i. */
static int seen_before(const CatItem *a, int i, const char *zL1,
                       const char *z, int bLevel2) {
  for (int k = 0; k < i; k++) {
    if (bLevel2) {
      if (!strcmp(a[k].zLevel1, zL1) && !strcmp(a[k].zLevel2, z)) return 1;
    } else if (!strcmp(a[k].zLevel1, z)) {
      return 1;
    }
  }
  return 0;
}

/* A list as a tree: 一级事项 headings, 二级事项 sub-headings, item tables
** (groups in the order of their first item). */
static void list_tree(Req *r, const CatItem *a, int n) {
  for (int i = 0; i < n; i++) {
    if (seen_before(a, i, NULL, a[i].zLevel1, 0)) continue;
    const char *zL1 = a[i].zLevel1;
    req_printf(r, "<section class=\"cat-l1\"><h3>%h</h3>\n",
               zL1[0] ? zL1 : "（未分类）");
    for (int j = i; j < n; j++) {
      if (strcmp(a[j].zLevel1, zL1)) continue;
      if (seen_before(a, j, zL1, a[j].zLevel2, 1)) continue;
      if (a[j].zLevel2[0]) req_printf(r, "<h4>%h</h4>\n", a[j].zLevel2);
      item_table(r, a, n, zL1, a[j].zLevel2);
    }
    req_puts(r, "</section>\n");
  }
}

/* The 负面清单 as one table, with the ground of each item. */
static void negative_table(Req *r, const CatItem *a, int n) {
  req_puts(r, "<table class=\"grid cards\"><thead><tr><th scope=\"col\">序号</th>"
              "<th scope=\"col\">事项</th><th scope=\"col\">不予公开的内容</th>"
              "<th scope=\"col\">不予公开依据</th><th scope=\"col\">具体依据</th>"
              "<th scope=\"col\">负责科室</th></tr></thead><tbody>\n");
  for (int i = 0; i < n; i++)
    req_printf(r, "<tr id=\"item-%lld\"><td data-label=\"序号\">%d</td>"
                  "<td data-label=\"事项\">%h%s%h</td><td data-label=\"不予公开的内容\">%h</td>"
                  "<td data-label=\"不予公开依据\">%h</td><td data-label=\"具体依据\">%h</td>"
                  "<td data-label=\"负责科室\">%h</td></tr>\n",
               (long long)a[i].id, a[i].seq, a[i].zLevel1,
               a[i].zLevel2[0] ? " / " : "", a[i].zLevel2, a[i].zContent,
               cat_ground_label(a[i].zGround), a[i].zBasis, a[i].zDept);
  req_puts(r, "</tbody></table>\n");
}

/* What the catalogue is and what an index number is, for someone who has
** never seen one; the example is the newest document's index number of
** organisation o (none when it has published nothing). */
static void catalogue_intro(Req *r, const Org *o) {
  SearchQuery q;
  memset(&q, 0, sizeof q);
  q.orgId = o->id;
  q.limit = 1;
  int64_t *aId;
  int n = 0;
  Doc d;
  int bEx = store_search(r->store, &r->arena, &q, &aId, &n, NULL) == STORE_OK && n == 1 &&
            store_doc_get(r->store, &r->arena, aId[0], &d) == STORE_OK;
  req_puts(r, "<p class=\"lead\">政府信息公开目录列出本单位公开政府信息的事项：主动公开基本目录"
              "是本单位应当主动公开的内容，点“查看文件”可看到每一项下已公开的文件；依申请公开目录"
              "列出可以申请公开的信息；负面清单列出不予公开的内容及其依据。每份公开的文件都有唯一的"
              "索引号，写在文件页的第一行");
  if (bEx)
    req_printf(r, "，如 <a href=\"/search?q=%u\"><span translate=\"no\">%h</span></a>",
               d.zIndexNumber, d.zIndexNumber);
  req_puts(r, "。在检索框中输入索引号，可以直接找到该文件。</p>\n");
}

int page_catalogue_public(Req *r) {
  Org o;
  if (!catalogue_org_arg(r, 0, &o)) return 0;
  Buf title = BUF_INIT;
  buf_puts(&title, o.zName);
  buf_puts(&title, "政府信息公开目录");
  page_begin(r, req_strdup(r, buf_str(&title)));
  buf_free(&title);
  req_printf(r, "<h1>%h 政府信息公开目录</h1>\n", o.zName);
  catalogue_intro(r, &o);
  for (int k = 0; azCatList[k]; k++) {
    CatItem *a;
    int n;
    if (store_cat_list(r->store, &r->arena, o.id, azCatList[k], &a, &n) !=
        STORE_OK) {
      http_store_error(r, store_errcode(r->store));
      return 0;
    }
    req_printf(r, "<section id=\"%h\"><h2>%h</h2>\n", azCatList[k],
               cat_list_label(azCatList[k]));
    if (n == 0) {
      req_puts(r, "<p>暂无事项。</p>\n");
    } else {
      if (!strcmp(azCatList[k], "negative")) negative_table(r, a, n);
      else list_tree(r, a, n);
      req_printf(r, "<p>下载：<a href=\"/o/%u/catalogue/export?list=%u&amp;"
                    "format=csv\">CSV</a> · <a href=\"/o/%u/catalogue/export?"
                    "list=%u&amp;format=xlsx\">Excel（XLSX）</a> · "
                    "<a href=\"/api/v1/catalogue?org=%u&amp;list=%u\">JSON</a>"
                    "</p>\n",
                 o.zSlug, azCatList[k], o.zSlug, azCatList[k], o.zSlug,
                 azCatList[k]);
    }
    req_puts(r, "</section>\n");
  }
  page_end(r);
  return 0;
}

int page_catalogue_export(Req *r) {
  Org o;
  if (!catalogue_org_arg(r, 0, &o)) return 0;
  const char *zList = req_param_or(r, "list", "proactive");
  const char *zFormat = req_param_or(r, "format", "csv");
  if (!cat_list_valid(zList)) {
    http_error(r, 400, "目录类型无效");
    return 0;
  }
  if (strcmp(zFormat, "csv") && strcmp(zFormat, "tsv") &&
      strcmp(zFormat, "xlsx")) {
    http_error(r, 400, "导出格式只能是 csv、tsv 或 xlsx");
    return 0;
  }
  CatItem *a;
  int n;
  if (store_cat_list(r->store, &r->arena, o.id, zList, &a, &n) != STORE_OK) {
    http_store_error(r, store_errcode(r->store));
    return 0;
  }
  Table t;
  const char *zColumns = req_param(r, "columns");
  if (zColumns && zColumns[0]) {
    const char *zErr = cat_export_columns(&r->arena, a, n, zColumns, &t);
    if (zErr) {
      http_error(r, 400, zErr);
      return 0;
    }
  } else {
    cat_export_table(&r->arena, a, n, &t);
  }
  buf_reset(&r->out);
  if (!strcmp(zFormat, "csv")) {
    table_write_csv(&t, &r->out);
    r->zType = "text/csv; charset=utf-8";
  } else if (!strcmp(zFormat, "tsv")) {
    table_write_tsv(&t, &r->out);
    r->zType = "text/tab-separated-values; charset=utf-8";
  } else {
    const char *zErr = NULL;
    if (table_write_xlsx(&t, cat_list_label(zList), &r->out, &zErr)) {
      http_error(r, 500, zErr);
      return 0;
    }
    r->zType =
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  }
  /* The slug and list code are [a-z0-9_-]: safe in the header as is. */
  req_header(r, "Content-Disposition",
             req_fmt(r, "attachment; filename=\"catalogue-%u-%u.%u\"",
                     o.zSlug, zList, zFormat));
  return 0;
}

int catalogue_site_paths(Store *s, Arena *a, SitePaths *p) {
  Org *aOrg;
  int n, rc = store_org_tree(s, a, 0, &aOrg, &n);
  if (rc != STORE_OK) return rc;
  for (int i = 0; i < n; i++)
    site_path_add(p, a, arena_printf(a, "/o/%u/catalogue", aOrg[i].zSlug));
  return STORE_OK;
}

/* Short text naming an item: 一级事项, 二级事项 and the start of 公开内容. */
static const char *item_name(Req *r, const CatItem *p) {
  Buf b = BUF_INIT;
  const char *az[3] = {p->zLevel1, p->zLevel2, p->zContent};
  for (int i = 0; i < 3; i++) {
    if (!az[i][0]) continue;
    if (b.n) buf_puts(&b, " · ");
    size_t n = strlen(az[i]);
    size_t k = utf8_prefix(az[i], n, 30);
    buf_append(&b, az[i], k);
    if (k < n) buf_puts(&b, "…");
  }
  const char *z = req_strdup(r, buf_str(&b));
  buf_free(&b);
  return z;
}

void catalogue_item_select(Req *r, int64_t orgId, const char *zName,
                           int64_t selected) {
  CatItem *a;
  int n;
  if (store_cat_list(r->store, &r->arena, orgId, NULL, &a, &n) != STORE_OK)
    return;
  req_printf(r, "<p class=\"field\"><label for=\"f-%h\">目录事项</label>"
                "<select id=\"f-%h\" name=\"%h\"><option value=\"0\">（无）"
                "</option>",
             zName, zName, zName);
  const char *zList = "";
  for (int i = 0; i < n; i++) {
    if (strcmp(a[i].zList, zList)) {
      req_printf(r, "%s<optgroup label=\"%h\">", zList[0] ? "</optgroup>" : "",
                 cat_list_label(a[i].zList));
      zList = a[i].zList;
    }
    req_printf(r, "<option value=\"%lld\"%s>%d %h</option>", (long long)a[i].id,
               a[i].id == selected ? " selected" : "", a[i].seq,
               item_name(r, &a[i]));
  }
  req_printf(r, "%s</select></p>\n", zList[0] ? "</optgroup>" : "");
}

const char *catalogue_item_label(Req *r, int64_t id) {
  CatItem it;
  if (!id || store_cat_get(r->store, &r->arena, id, &it) != STORE_OK) return "";
  return req_fmt(r, "%s · %s", cat_list_label(it.zList), item_name(r, &it));
}
