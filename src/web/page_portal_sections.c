/*
** page_portal_sections.c — the sections of an organisation's 政府信息公开
** 专栏 that are not lists of one kind (issue 15): 法定主动公开内容 (the
** index of the fifteen items of Art. 20, each with its newest documents and
** catalogue items), 政府信息公开制度, 政策解读 (each interpretation with the
** policy it explains) and 互动交流 (messages and proposals).  The menu of
** sections is aOrgSection in layout.c.
*/
#include <string.h>

#include "core/catalogue.h"
#include "store/store_catalogue.h"
#include "store/store_documents.h"
#include "store/store_search.h"
#include "web/org_pages.h"
#include "web/pages.h"
#include "web/portal.h"

#define ART20_SHOWN 5 /* documents listed under each Art. 20 item */

/* The newest documents of q (q->limit of them) as a list of links with
** their dates; *pTotal receives the number of matches. */
static void doc_links(Req *r, SearchQuery *q, int *pTotal) {
  int64_t *aId;
  int nId = 0;
  *pTotal = 0;
  q->bByDate = 1;
  if (store_search(r->store, &r->arena, q, &aId, &nId, pTotal) != STORE_OK || !nId) return;
  req_puts(r, "<ul class=\"doclinks\">");
  for (int i = 0; i < nId; i++) {
    Doc d;
    if (store_doc_get(r->store, &r->arena, aId[i], &d) != STORE_OK) continue;
    req_printf(r, "<li><a href=\"/o/%u/d/%lld\">%h</a> <span class=\"date\">%h</span></li>",
               d.zOrgSlug, (long long)d.id, d.zTitle, d.zPublishedDate);
  }
  req_puts(r, "</ul>");
}

int page_portal_art20_index(Req *r) {
  Org o;
  if (page_load_org(r, 0, &o)) return 0;
  CatItem *aItem;
  int nItem = 0;
  store_cat_list(r->store, &r->arena, o.id, "proactive", &aItem, &nItem);
  page_begin(r, "法定主动公开内容");
  req_puts(r, "<h1>法定主动公开内容</h1>\n<p class=\"lead\">《中华人民共和国政府信息公开"
              "条例》第二十条规定行政机关应当主动公开的十五类政府信息。每类下列出本单位"
              "最新公开的文件和对应的公开目录事项。</p>\n<ol class=\"art20\">\n");
  for (int n = 1; n <= 15; n++) {
    req_printf(r, "<li id=\"item-%d\"><h2><span class=\"num\">%h</span>%h</h2>", n,
               cat_art20_numeral(n), cat_art20_title(n));
    SearchQuery q;
    memset(&q, 0, sizeof q);
    q.orgId = o.id;
    q.art20 = n;
    q.limit = ART20_SHOWN;
    int total;
    doc_links(r, &q, &total);
    int bItems = 0;
    for (int i = 0; i < nItem; i++) {
      if (aItem[i].art20 != n) continue;
      req_printf(r, "%s<a href=\"/o/%u/items/%lld\">%h</a>", bItems ? "、" : "<p class=\"items\">目录事项：",
                 o.zSlug, (long long)aItem[i].id,
                 aItem[i].zLevel2[0] ? aItem[i].zLevel2
                 : aItem[i].zContent[0] ? aItem[i].zContent : aItem[i].zLevel1);
      bItems = 1;
    }
    if (bItems) req_puts(r, "</p>");
    if (total > ART20_SHOWN)
      req_printf(r, "<p><a href=\"/o/%u/art20/%d\">查看该类全部 %d 件</a></p>", o.zSlug, n, total);
    else if (!total)
      req_puts(r, "<p class=\"empty\">本单位暂无此类公开文件。</p>");
    req_puts(r, "</li>\n");
  }
  req_puts(r, "</ol>\n");
  page_end(r);
  return 0;
}

/* 1 when a catalogue item is about the disclosure rules themselves. */
static int is_rules_item(const CatItem *it) {
  return strstr(it->zLevel1, "制度") || strstr(it->zLevel2, "制度") ||
         strstr(it->zLevel1, "政府信息公开") || strstr(it->zLevel2, "政府信息公开");
}

int page_portal_rules(Req *r) {
  Org o;
  if (page_load_org(r, 0, &o)) return 0;
  page_begin(r, "政府信息公开制度");
  req_puts(r, "<h1>政府信息公开制度</h1>\n<h2>法规和规范</h2>\n<ul class=\"doclinks\">"
              "<li>《中华人民共和国政府信息公开条例》（2019年4月3日国务院令第711号修订，"
              "2019年5月15日起施行）</li>"
              "<li>《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）</li>"
              "<li>《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息"
              "公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）</li></ul>\n");
  req_printf(r, "<h2>本单位制度</h2>\n<p><a href=\"/o/%u/guide\">%h政府信息公开指南</a>"
                "说明本单位主动公开的范围、依申请公开的程序和时限、监督和救济途径。</p>\n",
             o.zSlug, o.zName);
  CatItem *aItem;
  int nItem = 0, nShown = 0;
  store_cat_list(r->store, &r->arena, o.id, "proactive", &aItem, &nItem);
  for (int i = 0; i < nItem; i++) {
    if (!is_rules_item(&aItem[i])) continue;
    SearchQuery q;
    memset(&q, 0, sizeof q);
    q.orgId = o.id;
    q.catalogueItemId = aItem[i].id;
    q.limit = 20;
    int total;
    req_printf(r, "<h3><a href=\"/o/%u/items/%lld\">%h</a></h3>", o.zSlug,
               (long long)aItem[i].id, aItem[i].zLevel2[0] ? aItem[i].zLevel2 : aItem[i].zLevel1);
    doc_links(r, &q, &total);
    if (!total) req_puts(r, "<p class=\"empty\">暂无公开文件。</p>");
    nShown++;
  }
  if (!nShown)
    req_puts(r, "<p class=\"empty\">本单位的公开目录中尚无政府信息公开制度事项。</p>\n");
  page_end(r);
  return 0;
}

int page_portal_interpretations(Req *r) {
  Org o;
  if (page_load_org(r, 0, &o)) return 0;
  SearchQuery q;
  memset(&q, 0, sizeof q);
  q.orgId = o.id;
  q.bSubtree = 1;
  q.zGenre = "解读";
  q.bByDate = 1;
  q.limit = 100;
  int64_t *aId;
  int nId = 0, total = 0;
  if (store_search(r->store, &r->arena, &q, &aId, &nId, &total) != STORE_OK) {
    http_store_error(r, store_errcode(r->store));
    return 0;
  }
  page_begin(r, "政策解读");
  req_puts(r, "<h1>政策解读</h1>\n<p class=\"lead\">对本单位及下属单位政策文件的解读，"
              "每条解读都链接到所解读的文件。</p>\n");
  if (!nId) req_puts(r, "<p class=\"empty\">暂无政策解读。</p>\n");
  else req_puts(r, "<ul class=\"cards\">\n");
  for (int i = 0; i < nId; i++) {
    Doc d, p;
    if (store_doc_get(r->store, &r->arena, aId[i], &d) != STORE_OK) continue;
    req_printf(r, "<li><h2><a href=\"/o/%u/d/%lld\">%h</a></h2><p class=\"date\">发布日期：%h</p>",
               d.zOrgSlug, (long long)d.id, d.zTitle, d.zPublishedDate);
    if (d.interpretsId && store_doc_get(r->store, &r->arena, d.interpretsId, &p) == STORE_OK &&
        doc_is_public(&p))
      req_printf(r, "<p>所解读的文件：<a href=\"/o/%u/d/%lld\">%h</a></p>", p.zOrgSlug,
                 (long long)p.id, p.zTitle);
    req_puts(r, "</li>\n");
  }
  if (nId) req_puts(r, "</ul>\n");
  page_end(r);
  return 0;
}

int page_portal_interact(Req *r) {
  Org o;
  if (page_load_org(r, 0, &o)) return 0;
  page_begin(r, "互动交流");
  req_printf(r, "<h1>互动交流</h1>\n<ul class=\"tiles\">"
                "<li><a href=\"/o/%u/messages\">网民留言与答复<span>向本单位留言，查看已公开的"
                "留言和答复</span></a></li>"
                "<li><a href=\"/o/%u/proposals\">建议提案办理结果<span>人大代表建议和政协提案的"
                "办理复文</span></a></li>"
                "<li><a href=\"/o/%u/apply\">依申请公开<span>申请获取本单位的政府信息</span>"
                "</a></li>"
                "<li><a href=\"/track\">办理进度查询<span>凭登记号和查询码查询申请的办理"
                "情况</span></a></li></ul>\n",
             o.zSlug, o.zSlug, o.zSlug);
  page_end(r);
  return 0;
}
