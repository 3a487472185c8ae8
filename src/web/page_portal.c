/*
** page_portal.c — the portal's document lists (by organisation, catalogue
** item, Art. 20 item, year), the sections added to an organisation's home
** (latest documents, browsing links, the catalogue as a tree), Atom feeds,
** the CSV of a catalogue's documents and the sitemap enumerator (see
** portal.h).  Lists read the search index (store_search with no query), so
** they hold exactly the published documents, newest first.
*/
#include <string.h>

#include "core/catalogue.h"
#include "store/store_catalogue.h"
#include "store/store_documents.h"
#include "store/store_search.h"
#include "web/org_pages.h"
#include "web/pages.h"
#include "web/portal.h"
#include "web/sitemap.h"

#define LIST_PAGE_SIZE 20
#define FEED_SIZE 20

/* Loads the documents of ids[0..n) (without failing on a missing one);
** returns the array in the arena and their number in *pnOut. */
static Doc *load_docs(Req *r, const int64_t *aId, int n, int *pnOut) {
  Doc *a = arena_alloc(&r->arena, sizeof(Doc) * (size_t)(n ? n : 1));
  int k = 0;
  for (int i = 0; i < n; i++)
    if (store_doc_get(r->store, &r->arena, aId[i], &a[k]) == STORE_OK) k++;
  *pnOut = k;
  return a;
}

/* A table of documents: title (link), 索引号, 文号, 发布日期, 有效性. */
static void doc_table(Req *r, const Doc *a, int n, const char *zCaption) {
  if (!n) {
    req_puts(r, "<p>暂无公开文件。</p>\n");
    return;
  }
  req_printf(r, "<table class=\"doclist cards\"><caption>%h</caption><thead><tr>"
                "<th scope=\"col\">标题</th><th scope=\"col\">索引号</th>"
                "<th scope=\"col\">文号</th><th scope=\"col\">发布日期</th>"
                "<th scope=\"col\">有效性</th></tr></thead><tbody>\n", zCaption);
  for (int i = 0; i < n; i++)
    req_printf(r, "<tr><td data-label=\"标题\"><a href=\"/o/%u/d/%lld\">%h</a></td>"
                  "<td data-label=\"索引号\">%h</td><td data-label=\"文号\">%h</td>"
                  "<td data-label=\"发布日期\"><time datetime=\"%h\">%h</time></td>"
                  "<td data-label=\"有效性\">%h</td></tr>\n",
               a[i].zOrgSlug, (long long)a[i].id, a[i].zTitle, a[i].zIndexNumber,
               a[i].zDocNumber, a[i].zPublishedDate, a[i].zPublishedDate,
               doc_label(aDocValidity, a[i].zValidity));
  req_puts(r, "</tbody></table>\n");
}

/* Runs a browse query and writes heading, table and pager.  zSelf is the
** page's path (for pager links); zFeed the feed path or NULL. */
static void doc_list_page(Req *r, const Org *o, SearchQuery *q, const char *zTitle,
                          const char *zSelf, const char *zFeed) {
  int64_t page = 1;
  /* Page N>1 lives at {zSelf}/page/N (a path, so the static export can
  ** write it as a file); ?page=N is still understood. */
  if (r->nArg && strstr(r->zPath, "/page/")) {
    page = req_arg_id(r, r->nArg - 1);
    if (page < 2 || page > 100000) {
      http_error(r, 404, "页码无效");
      return;
    }
  } else if (req_param_int(r, "page", 1, 100000, &page) < 0) {
    http_error(r, 400, "页码无效");
    return;
  }
  q->limit = LIST_PAGE_SIZE;
  q->offset = (int)((page - 1) * LIST_PAGE_SIZE);
  int64_t *aId;
  int nId, total;
  if (store_search(r->store, &r->arena, q, &aId, &nId, &total) != STORE_OK) {
    http_store_error(r, store_errcode(r->store));
    return;
  }
  if (page > 1 && q->offset >= total) {
    http_error(r, 404, "没有这一页");
    return;
  }
  int n;
  Doc *a = load_docs(r, aId, nId, &n);
  page_begin_feed(r, zTitle, zFeed);
  req_printf(r, "<nav class=\"crumbs\" aria-label=\"位置\"><ol><li><a href=\"/o/%u\">%h</a></li>"
                "<li aria-current=\"page\">%h</li></ol></nav>\n"
                "<h1>%h</h1>\n<p>共 <span data-total=\"%d\">%d</span> 件。",
             o->zSlug, o->zName, zTitle, zTitle, total, total);
  if (zFeed) req_printf(r, " <a href=\"%h\">订阅（Atom）</a>", zFeed);
  req_puts(r, "</p>\n");
  doc_table(r, a, n, zTitle);
  int nPages = (total + LIST_PAGE_SIZE - 1) / LIST_PAGE_SIZE;
  if (nPages > 1) {
    req_puts(r, "<nav class=\"pager\" aria-label=\"分页\"><ul>");
    if (page == 2)
      req_printf(r, "<li><a rel=\"prev\" href=\"%h\">上一页</a></li>", zSelf);
    else if (page > 2)
      req_printf(r, "<li><a rel=\"prev\" href=\"%h/page/%lld\">上一页</a></li>", zSelf,
                 (long long)(page - 1));
    req_printf(r, "<li aria-current=\"page\">第 %lld / %d 页</li>", (long long)page, nPages);
    if (page < nPages)
      req_printf(r, "<li><a rel=\"next\" href=\"%h/page/%lld\">下一页</a></li>", zSelf,
                 (long long)(page + 1));
    req_puts(r, "</ul></nav>\n");
  }
  page_end(r);
}

int page_portal_docs(Req *r) {
  Org o;
  if (page_load_org(r, 0, &o)) return 0;
  SearchQuery q;
  memset(&q, 0, sizeof q);
  q.orgId = o.id;
  q.bSubtree = 1;
  doc_list_page(r, &o, &q, "全部公开文件（含下属单位）", req_fmt(r, "/o/%u/docs", o.zSlug),
                req_fmt(r, "/o/%u/feed.atom", o.zSlug));
  return 0;
}

/* Loads catalogue item path capture 1 of organisation o; 404 → -1. */
static int load_item(Req *r, const Org *o, CatItem *it) {
  int64_t id = req_arg_id(r, 1);
  if (!id || store_cat_get(r->store, &r->arena, id, it) != STORE_OK || it->orgId != o->id ||
      strcmp(it->zList, "proactive")) {
    http_error(r, 404, "目录事项不存在");
    return -1;
  }
  return 0;
}

static const char *item_title(Req *r, const CatItem *it) {
  if (it->zLevel2[0]) return req_fmt(r, "%s / %s", it->zLevel1, it->zLevel2);
  return it->zLevel1;
}

int page_portal_item(Req *r) {
  Org o;
  CatItem it;
  if (page_load_org(r, 0, &o) || load_item(r, &o, &it)) return 0;
  SearchQuery q;
  memset(&q, 0, sizeof q);
  q.orgId = o.id;
  q.catalogueItemId = it.id;
  doc_list_page(r, &o, &q, item_title(r, &it),
                req_fmt(r, "/o/%u/items/%lld", o.zSlug, (long long)it.id),
                req_fmt(r, "/o/%u/items/%lld/feed.atom", o.zSlug, (long long)it.id));
  return 0;
}

int page_portal_art20(Req *r) {
  Org o;
  if (page_load_org(r, 0, &o)) return 0;
  int64_t n = req_arg_id(r, 1);
  if (n < 1 || n > 15) {
    http_error(r, 404, "没有该事项");
    return 0;
  }
  SearchQuery q;
  memset(&q, 0, sizeof q);
  q.orgId = o.id;
  q.art20 = (int)n;
  doc_list_page(r, &o, &q, cat_art20_label(&r->arena, (int)n),
                req_fmt(r, "/o/%u/art20/%lld", o.zSlug, (long long)n), NULL);
  return 0;
}

int page_portal_year(Req *r) {
  Org o;
  if (page_load_org(r, 0, &o)) return 0;
  int64_t y = req_arg_id(r, 1);
  if (y < 1900 || y > 9999) {
    http_error(r, 404, "年份无效");
    return 0;
  }
  SearchQuery q;
  memset(&q, 0, sizeof q);
  q.orgId = o.id;
  q.bSubtree = 1;
  q.year = (int)y;
  doc_list_page(r, &o, &q, req_fmt(r, "%lld年公开文件", (long long)y),
                req_fmt(r, "/o/%u/year/%lld", o.zSlug, (long long)y), NULL);
  return 0;
}

void portal_site_home_sections(Req *r) {
  SearchQuery q;
  memset(&q, 0, sizeof q);
  q.limit = 10;
  int64_t *aId;
  int nId, total, n;
  req_printf(r, "<form method=\"get\" action=\"%h\" role=\"search\" class=\"search-form\">"
                "<label for=\"site-q\">检索政府信息</label> "
                "<input type=\"search\" id=\"site-q\" name=\"q\" maxlength=\"200\"> "
                "<button type=\"submit\">检索</button></form>\n",
             portal_search_action(r));
  if (store_search(r->store, &r->arena, &q, &aId, &nId, &total) != STORE_OK || !nId) return;
  Doc *a = load_docs(r, aId, nId, &n);
  req_puts(r, "<section class=\"latest\"><h2>最新公开</h2>\n");
  doc_table(r, a, n, "各单位最新公开的政府信息");
  req_puts(r, "</section>\n");
}

void portal_org_home_sections(Req *r, const Org *o) {
  SearchQuery q;
  memset(&q, 0, sizeof q);
  q.orgId = o->id;
  q.bSubtree = 1;
  q.limit = 10;
  int64_t *aId;
  int nId, total, n;
  if (store_search(r->store, &r->arena, &q, &aId, &nId, &total) != STORE_OK) return;
  Doc *a = load_docs(r, aId, nId, &n);
  req_printf(r, "<form method=\"get\" action=\"%h\" role=\"search\" class=\"search-form\">"
                "<input type=\"hidden\" name=\"org\" value=\"%h\">"
                "<input type=\"hidden\" name=\"sub\" value=\"1\">"
                "<label for=\"home-q\">检索本单位及下属单位的政府信息</label> "
                "<input type=\"search\" id=\"home-q\" name=\"q\" maxlength=\"200\"> "
                "<button type=\"submit\">检索</button></form>\n",
             portal_search_action(r), o->zSlug);
  req_printf(r, "<section class=\"latest\"><h2>最新公开</h2>\n");
  doc_table(r, a, n, "最新公开的政府信息");
  req_printf(r, "<p><a href=\"/o/%u/docs\">全部公开文件（%d 件）</a> · "
                "<a href=\"/o/%u/feed.atom\">订阅（Atom）</a> · "
                "<a href=\"/o/%u/documents.csv\">下载文件目录（CSV）</a></p></section>\n",
             o->zSlug, total, o->zSlug, o->zSlug);
  int *aYear, *aCount, nYear = 0;
  if (store_search_years(r->store, &r->arena, o->id, 1, &aYear, &aCount, &nYear) == STORE_OK &&
      nYear) {
    req_puts(r, "<section><h2>按年份浏览</h2><ul class=\"inline-list\">");
    for (int i = 0; i < nYear; i++)
      req_printf(r, "<li><a href=\"/o/%u/year/%d\">%d年</a>（%d）</li>", o->zSlug, aYear[i],
                 aYear[i], aCount[i]);
    req_puts(r, "</ul></section>\n");
  }
  CatItem *aItem;
  int nItem = 0;
  if (store_cat_list(r->store, &r->arena, o->id, "proactive", &aItem, &nItem) != STORE_OK ||
      !nItem)
    return;
  /* The catalogue as a tree: 一级事项 → 二级事项 / content. */
  req_puts(r, "<section class=\"cattree\"><h2>政府信息公开目录</h2>\n<ul>");
  for (int i = 0; i < nItem; i++) {
    int bNew = i == 0 || strcmp(aItem[i].zLevel1, aItem[i - 1].zLevel1);
    int bLast = i + 1 == nItem || strcmp(aItem[i].zLevel1, aItem[i + 1].zLevel1);
    if (bNew) req_printf(r, "<li><span class=\"level1\">%h</span><ul>", aItem[i].zLevel1);
    req_printf(r, "<li><a href=\"/o/%u/items/%lld\">%h</a>", o->zSlug, (long long)aItem[i].id,
               aItem[i].zLevel2[0] ? aItem[i].zLevel2 : aItem[i].zContent);
    if (aItem[i].art20)
      req_printf(r, " <a class=\"art20\" href=\"/o/%u/art20/%d\">条例第二十条%h</a>", o->zSlug,
                 aItem[i].art20, cat_art20_numeral(aItem[i].art20));
    req_puts(r, "</li>");
    if (bLast) req_puts(r, "</ul></li>");
  }
  req_puts(r, "</ul></section>\n");
}

/* ---- Atom ---- */

/* Writes an Atom feed of the newest FEED_SIZE documents of q. */
static void atom_feed(Req *r, SearchQuery *q, const char *zTitle, const char *zSelf) {
  q->limit = FEED_SIZE;
  int64_t *aId;
  int nId, total, n;
  if (store_search(r->store, &r->arena, q, &aId, &nId, &total) != STORE_OK) {
    http_store_error(r, store_errcode(r->store));
    return;
  }
  Doc *a = load_docs(r, aId, nId, &n);
  const char *zBase = r->cfg && r->cfg->zBaseUrl ? r->cfg->zBaseUrl : "";
  r->zType = "application/atom+xml; charset=utf-8";
  /* The feed's time is its newest entry's (stable between runs, so the
  ** static export rewrites it only when the documents change). */
  const char *zUpdated = n ? a[0].zPublishedDate : "2000-01-01";
  req_printf(r, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
                "<title>%h</title>\n<id>%h%h</id>\n"
                "<link rel=\"self\" href=\"%h%h\"/>\n"
                "<updated>%hT00:00:00+08:00</updated>\n",
             zTitle, zBase, zSelf, zBase, zSelf, zUpdated);
  for (int i = 0; i < n; i++) {
    const char *zUrl = req_fmt(r, "/o/%u/d/%lld", a[i].zOrgSlug, (long long)a[i].id);
    req_printf(r, "<entry>\n<title>%h</title>\n<id>%h%h</id>\n"
                  "<link rel=\"alternate\" type=\"text/html\" href=\"%h%h\"/>\n"
                  "<published>%hT00:00:00+08:00</published>\n"
                  "<updated>%hT00:00:00+08:00</updated>\n"
                  "<author><name>%h</name></author>\n"
                  "<summary>索引号：%h；文号：%h。%h</summary>\n</entry>\n",
               a[i].zTitle, zBase, zUrl, zBase, zUrl, a[i].zPublishedDate,
               a[i].zPublishedDate, a[i].zPublisher[0] ? a[i].zPublisher : a[i].zOrgName,
               a[i].zIndexNumber, a[i].zDocNumber[0] ? a[i].zDocNumber : "无", a[i].zSummary);
  }
  req_puts(r, "</feed>\n");
}

int page_portal_feed(Req *r) {
  Org o;
  if (page_load_org(r, 0, &o)) return 0;
  SearchQuery q;
  memset(&q, 0, sizeof q);
  q.orgId = o.id;
  q.bSubtree = 1;
  atom_feed(r, &q, req_fmt(r, "%s 政府信息公开", o.zName), req_fmt(r, "/o/%u/feed.atom", o.zSlug));
  return 0;
}

int page_portal_item_feed(Req *r) {
  Org o;
  CatItem it;
  if (page_load_org(r, 0, &o) || load_item(r, &o, &it)) return 0;
  SearchQuery q;
  memset(&q, 0, sizeof q);
  q.orgId = o.id;
  q.catalogueItemId = it.id;
  atom_feed(r, &q, req_fmt(r, "%s %s", o.zName, item_title(r, &it)),
            req_fmt(r, "/o/%u/items/%lld/feed.atom", o.zSlug, (long long)it.id));
  return 0;
}

/* ---- CSV ---- */

int page_portal_csv(Req *r) {
  Org o;
  if (page_load_org(r, 0, &o)) return 0;
  SearchQuery q;
  memset(&q, 0, sizeof q);
  q.orgId = o.id;
  int64_t item = 0;
  if (req_param_int(r, "item", 1, INT64_MAX, &item) < 0) {
    http_error(r, 400, "目录事项无效");
    return 0;
  }
  if (item) {
    CatItem it;
    if (store_cat_get(r->store, &r->arena, item, &it) != STORE_OK || it.orgId != o.id) {
      http_error(r, 404, "目录事项不存在");
      return 0;
    }
    q.catalogueItemId = item;
  } else {
    q.bSubtree = 1;
  }
  r->zType = "text/csv; charset=utf-8";
  req_puts(r, "\xEF\xBB\xBF索引号,标题,文号,发布机构,生成日期,发布日期,主题分类,有效性,链接\r\n");
  const char *zBase = r->cfg && r->cfg->zBaseUrl ? r->cfg->zBaseUrl : "";
  q.limit = 500;
  for (;;) {
    int64_t *aId;
    int nId, total, n;
    if (store_search(r->store, &r->arena, &q, &aId, &nId, &total) != STORE_OK) {
      http_store_error(r, store_errcode(r->store));
      return 0;
    }
    Doc *a = load_docs(r, aId, nId, &n);
    for (int i = 0; i < n; i++) {
      const char *zItem = "";
      CatItem it;
      if (a[i].catalogueItemId &&
          store_cat_get(r->store, &r->arena, a[i].catalogueItemId, &it) == STORE_OK)
        zItem = item_title(r, &it);
      req_printf(r, "%c,%c,%c,%c,%c,%c,%c,%c,%c\r\n", a[i].zIndexNumber, a[i].zTitle,
                 a[i].zDocNumber, a[i].zPublisher[0] ? a[i].zPublisher : a[i].zOrgName,
                 a[i].zFormedDate, a[i].zPublishedDate, zItem,
                 doc_label(aDocValidity, a[i].zValidity),
                 req_fmt(r, "%s/o/%u/d/%lld", zBase, a[i].zOrgSlug, (long long)a[i].id));
    }
    if (nId < q.limit) break;
    q.offset += nId;
  }
  return 0;
}

/* ---- Sitemap ---- */

/* Adds zPath and its pages 2..N (as doc_list_page links them) for the
** documents matching q. */
static int add_list(Store *s, Arena *a, SitePaths *p, const char *zPath,
                    SearchQuery *q) {
  int64_t *aId;
  int nId, total;
  site_path_add(p, a, zPath);
  q->limit = 1;
  int rc = store_search(s, a, q, &aId, &nId, &total);
  if (rc != STORE_OK) return rc;
  for (int k = 2; k <= (total + LIST_PAGE_SIZE - 1) / LIST_PAGE_SIZE; k++)
    site_path_add(p, a, arena_printf(a, "%s/page/%d", zPath, k));
  return STORE_OK;
}

int site_paths_portal(Store *s, Arena *a, SitePaths *p) {
  Org *aOrg;
  int nOrg, rc = store_org_tree(s, a, 0, &aOrg, &nOrg);
  if (rc != STORE_OK) return rc;
  for (int i = 0; i < nOrg; i++) {
    const char *zSlug = aOrg[i].zSlug;
    SearchQuery q;
    memset(&q, 0, sizeof q);
    q.orgId = aOrg[i].id;
    q.bSubtree = 1;
    if ((rc = add_list(s, a, p, arena_printf(a, "/o/%u/docs", zSlug), &q))) return rc;
    site_path_add(p, a, arena_printf(a, "/o/%u/feed.atom", zSlug));
    static const char *const azSection[] = {"/art20", "/rules", "/interpretations",
                                            "/interact"};
    for (size_t k = 0; k < sizeof azSection / sizeof azSection[0]; k++)
      site_path_add(p, a, arena_printf(a, "/o/%u%s", zSlug, azSection[k]));
    site_path_add(p, a, arena_printf(a, "/o/%u/documents.csv", zSlug));
    int *aYear, *aCount, nYear;
    if ((rc = store_search_years(s, a, aOrg[i].id, 1, &aYear, &aCount, &nYear))) return rc;
    for (int k = 0; k < nYear; k++) {
      memset(&q, 0, sizeof q);
      q.orgId = aOrg[i].id;
      q.bSubtree = 1;
      q.year = aYear[k];
      if ((rc = add_list(s, a, p, arena_printf(a, "/o/%u/year/%d", zSlug, aYear[k]), &q)))
        return rc;
    }
    CatItem *aItem;
    int nItem;
    if ((rc = store_cat_list(s, a, aOrg[i].id, "proactive", &aItem, &nItem))) return rc;
    int aArt[16] = {0};
    for (int k = 0; k < nItem; k++) {
      memset(&q, 0, sizeof q);
      q.orgId = aOrg[i].id;
      q.catalogueItemId = aItem[k].id;
      if ((rc = add_list(s, a, p, arena_printf(a, "/o/%u/items/%lld", zSlug,
                                               (long long)aItem[k].id), &q)))
        return rc;
      site_path_add(p, a, arena_printf(a, "/o/%u/items/%lld/feed.atom", zSlug,
                                       (long long)aItem[k].id));
      if (aItem[k].art20 >= 1 && aItem[k].art20 <= 15) aArt[aItem[k].art20] = 1;
    }
    for (int k = 1; k <= 15; k++) {
      if (!aArt[k]) continue;
      memset(&q, 0, sizeof q);
      q.orgId = aOrg[i].id;
      q.art20 = k;
      if ((rc = add_list(s, a, p, arena_printf(a, "/o/%u/art20/%d", zSlug, k), &q))) return rc;
    }
  }
  return STORE_OK;
}
