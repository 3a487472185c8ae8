/*
** page_search.c — GET /search: full-text search over published documents
** (see portal.h, store_search.h).  Works without JavaScript: the filters
** are a plain GET form, results carry highlighted snippets (<mark>) and
** pagination links keep every filter.
*/
#include <stdlib.h>
#include <string.h>

#include "core/catalogue.h"
#include "lib/textmatch.h"
#include "store/store_catalogue.h"
#include "store/store_documents.h"
#include "store/store_search.h"
#include "web/pages.h"
#include "web/portal.h"

#define SEARCH_PAGE_SIZE 10

const char *portal_live_path(Req *r, const char *zPath) {
  /* render.c marks in-process renders (the static export) this way. */
  if (r->zRemoteAddr && !strcmp(r->zRemoteAddr, "export") && r->cfg &&
      r->cfg->zBaseUrl && r->cfg->zBaseUrl[0])
    return req_fmt(r, "%s%s", r->cfg->zBaseUrl, zPath);
  return zPath;
}

const char *portal_search_action(Req *r) {
  return portal_live_path(r, "/search");
}

/* An <option> with its selected state. */
static void option(Req *r, const char *zValue, const char *zLabel, const char *zCur) {
  req_printf(r, "<option value=\"%h\"%s>%h</option>", zValue,
             zCur && !strcmp(zCur, zValue) ? " selected" : "", zLabel);
}

/* Appends to pOut the Markdown source z with the markup that reads badly
** in a snippet removed: heading marks at line starts, table pipes and
** table rule lines ("|---|---|"). */
static void markdown_plain(const char *z, Buf *pOut) {
  int bLineStart = 1;
  while (*z) {
    if (bLineStart) {
      const char *p = z;
      while (*p == '|' || *p == '-' || *p == ':' || *p == ' ') p++;
      if (p > z && (*p == '\n' || !*p) && strchr(z, '-') && strchr(z, '-') < p) {
        z = p;  /* a table rule line */
        continue;
      }
      while (*z == '#') z++;
    }
    bLineStart = *z == '\n';
    buf_putc(pOut, *z == '|' ? ' ' : *z);
    z++;
  }
}

void portal_hit_snippet(Buf *pOut, const Doc *d, const char *zAttText,
                        const char *zQuery) {
  Buf body = BUF_INIT, sn = BUF_INIT;
  markdown_plain(d->zBody ? d->zBody : "", &body);
  int bHit = textmatch_snippet(buf_str(&body), zQuery, &sn, 80);
  if (bHit) buf_append(pOut, buf_str(&sn), sn.n);
  buf_free(&body);
  buf_free(&sn);
  if (bHit) return;
  const char *az[] = {d->zBody, d->zTitle, d->zDocNumber, d->zKeywords};
  for (size_t i = 0; i < sizeof az / sizeof az[0]; i++) {
    Buf b = BUF_INIT;
    if (textmatch_snippet(az[i], zQuery, &b, 80)) {
      buf_append(pOut, buf_str(&b), b.n);
      buf_free(&b);
      return;
    }
    buf_free(&b);
  }
  /* Only the attachments match: their text, labelled as such. */
  Buf b = BUF_INIT;
  if (zAttText && textmatch_snippet(zAttText, zQuery, &b, 80)) {
    buf_puts(pOut, "<span class=\"snippet-source\">附件</span> ");
    buf_append(pOut, buf_str(&b), b.n);
    buf_free(&b);
    return;
  }
  buf_free(&b);
  Buf plain = BUF_INIT;
  markdown_plain(d->zBody ? d->zBody : "", &plain);
  textmatch_snippet(buf_str(&plain), zQuery, pOut, 80);
  buf_free(&plain);
}

const char *portal_search_params(Req *r, SearchQuery *q, Org *pOrg, int *pbOrg) {
  int64_t year = 0, item = 0, art20 = 0;
  memset(q, 0, sizeof *q);
  *pbOrg = 0;
  const char *zOrg = req_param(r, "org");
  if (zOrg && zOrg[0]) {
    if (store_org_by_slug(r->store, &r->arena, zOrg, pOrg) != STORE_OK) {
      char *zEnd;
      long long id = strtoll(zOrg, &zEnd, 10);
      if (*zEnd || id <= 0 || store_org_get(r->store, &r->arena, id, pOrg) != STORE_OK)
        return "单位不存在";
    }
    q->orgId = pOrg->id;
    *pbOrg = 1;
  }
  const char *zSub = req_param(r, "sub");
  q->bSubtree = zSub && !strcmp(zSub, "1");
  if (req_param_int(r, "year", 1900, 9999, &year) < 0 &&
      strcmp(req_param_or(r, "year", ""), ""))
    return "年份无效";
  if (req_param_int(r, "item", 1, INT64_MAX, &item) < 0 &&
      strcmp(req_param_or(r, "item", ""), ""))
    return "目录事项无效";
  if (req_param_int(r, "art20", 1, 15, &art20) < 0 &&
      strcmp(req_param_or(r, "art20", ""), ""))
    return "第二十条事项无效";
  q->year = (int)year;
  q->catalogueItemId = item;
  q->art20 = (int)art20;
  const char *zKind = req_param(r, "kind");
  q->zGenre = zKind && zKind[0] ? zKind : NULL;
  const char *zVal = req_param(r, "validity");
  if (zVal && zVal[0]) {
    if (!doc_code_valid(aDocValidity, zVal)) return "有效性取值无效";
    q->zValidity = zVal;
  }
  const char *zSort = req_param_or(r, "sort", "relevance");
  if (strcmp(zSort, "relevance") && strcmp(zSort, "date")) return "排序方式无效";
  q->bByDate = !strcmp(zSort, "date");
  return NULL;
}

/* The query string of the current filters without page= (and without q=
** unless bQ), for links; each parameter after "&amp;" when bAfter (to
** follow another one), else joined by "&amp;". */
static const char *filter_query(Req *r, int bQ, int bAfter) {
  static const char *azName[] = {"q", "org", "sub", "year", "item", "art20",
                                 "kind", "validity", "sort"};
  Buf b = BUF_INIT;
  for (size_t i = bQ ? 0 : 1; i < sizeof azName / sizeof azName[0]; i++) {
    const char *z = req_param(r, azName[i]);
    if (!z || !z[0]) continue;
    if (b.n || bAfter) buf_puts(&b, "&amp;");
    buf_puts(&b, azName[i]);  /* a literal parameter name */
    buf_printf(&b, "=%u", z);
  }
  const char *zOut = req_strdup(r, buf_str(&b));
  buf_free(&b);
  return zOut;
}

/* A catalogue item as the filter names it: 一级 / 二级. */
static const char *item_label(Req *r, const CatItem *c) {
  return c->zLevel2[0] ? req_fmt(r, "%s / %s", c->zLevel1, c->zLevel2) : c->zLevel1;
}

/* What the request's filters choose, in words, joined by "、" ("" when
** none): the summary of the folded filters says it. */
static const char *search_chosen(Req *r, const SearchQuery *q, const Org *o, int bOrg,
                                 const CatItem *aItem, int nItem) {
  Buf b = BUF_INIT;
  const char *azPart[8];
  int nPart = 0;
  if (bOrg) azPart[nPart++] = q->bSubtree ? req_fmt(r, "%s（含下属单位）", o->zName) : o->zName;
  if (q->year) azPart[nPart++] = req_fmt(r, "%d年", q->year);
  for (int i = 0; i < nItem; i++)
    if (aItem[i].id == q->catalogueItemId) azPart[nPart++] = item_label(r, &aItem[i]);
  if (q->art20) azPart[nPart++] = req_fmt(r, "条例第二十条第%d项", q->art20);
  if (q->zGenre) azPart[nPart++] = req_fmt(r, "文件类型：%s", q->zGenre);
  for (const DocCode *c = aDocValidity; q->zValidity && c->zCode; c++)
    if (!strcmp(c->zCode, q->zValidity)) azPart[nPart++] = c->zLabel;
  for (int i = 0; i < nPart; i++) {
    if (i) buf_puts(&b, "、");
    buf_puts(&b, azPart[i]);
  }
  const char *zOut = req_strdup(r, buf_str(&b));
  buf_free(&b);
  return zOut;
}

static void search_sort(Req *r, const SearchQuery *q);
static void search_hit(Req *r, int64_t docId, const char *zQ);

/* The filters' form (GET), folded under a summary naming what is chosen;
** open when bOpen (before any search).  aItem[0..nItem) are the catalogue
** items of the chosen organisation (bOrg). */
static void search_form(Req *r, const SearchQuery *q, const Org *o, int bOrg,
                        const CatItem *aItem, int nItem, int bOpen) {
  const char *zQ = req_param_or(r, "q", "");
  req_printf(r, "<form method=\"get\" action=\"%h\" class=\"search-form\" role=\"search\">\n"
                "<p><label for=\"q\">检索词</label> "
                "<input type=\"search\" id=\"q\" name=\"q\" value=\"%h\" maxlength=\"200\">"
                " <button type=\"submit\">检索</button></p>\n",
             portal_search_action(r), zQ);
  const char *zChosen = search_chosen(r, q, o, bOrg, aItem, nItem);
  req_printf(r, "<details class=\"filters\"%s><summary>筛选条件%s%h%s</summary>\n"
                "<div class=\"filter-fields\">\n",
             bOpen ? " open" : "", zChosen[0] ? "（已选：" : "", zChosen,
             zChosen[0] ? "）" : "");
  /* Organisation. */
  Org *aOrg;
  int nOrg = 0;
  store_org_tree(r->store, &r->arena, 0, &aOrg, &nOrg);
  req_puts(r, "<p><label for=\"f-org\">发布单位</label> ");
  page_org_select_open(r, "f-org", "org", nOrg);
  req_puts(r, ">");
  option(r, "", "全部单位", req_param(r, "org"));
  for (int i = 0; i < nOrg; i++)
    option(r, aOrg[i].zSlug, aOrg[i].zName, bOrg ? o->zSlug : NULL);
  req_printf(r, "</select> <label><input type=\"checkbox\" name=\"sub\" value=\"1\"%s> 含下属单位</label></p>\n",
             q->bSubtree ? " checked" : "");
  /* Year. */
  int *aYear, nYear = 0;
  store_search_years(r->store, &r->arena, 0, 0, &aYear, NULL, &nYear);
  req_puts(r, "<p><label for=\"f-year\">发布年份</label> <select id=\"f-year\" name=\"year\">");
  option(r, "", "全部年份", req_param(r, "year"));
  for (int i = 0; i < nYear; i++) {
    const char *zY = req_fmt(r, "%d", aYear[i]);
    option(r, zY, req_fmt(r, "%d年", aYear[i]), req_param(r, "year"));
  }
  req_puts(r, "</select></p>\n");
  /* Catalogue item (of the chosen organisation). */
  if (bOrg) {
    req_puts(r, "<p><label for=\"f-item\">目录事项</label> <select id=\"f-item\" name=\"item\">");
    option(r, "", "全部事项", req_param(r, "item"));
    for (int i = 0; i < nItem; i++)
      option(r, req_fmt(r, "%lld", (long long)aItem[i].id), item_label(r, &aItem[i]),
             req_param(r, "item"));
    req_puts(r, "</select></p>\n");
  }
  req_printf(r, "<p><label for=\"f-kind\">文件类型</label> "
                "<input id=\"f-kind\" name=\"kind\" value=\"%h\" size=\"8\" placeholder=\"如：通知\"></p>\n",
             req_param_or(r, "kind", ""));
  req_puts(r, "<p><label for=\"f-validity\">有效性</label> <select id=\"f-validity\" name=\"validity\">");
  option(r, "", "不限", req_param(r, "validity"));
  for (const DocCode *c = aDocValidity; c->zCode; c++)
    option(r, c->zCode, c->zLabel, req_param(r, "validity"));
  req_puts(r, "</select></p>\n");
  search_sort(r, q);
  req_puts(r, "</div></details>\n</form>\n");
}

/* The sort selector and what relevance means, stated where it is chosen
** (store_search.h). */
static void search_sort(Req *r, const SearchQuery *q) {
  req_puts(r, "<p><label for=\"f-sort\">排序</label> <select id=\"f-sort\" name=\"sort\""
              " aria-describedby=\"sort-hint\">");
  option(r, "relevance", "按相关度", q->bByDate ? "date" : "relevance");
  option(r, "date", "按发布日期（新的在前）", q->bByDate ? "date" : "relevance");
  int bRecency = store_setting_int(r->store, SET_SEARCH_RECENCY_PERCENT) > 0;
  req_printf(r, "</select></p>\n<p class=\"hint\" id=\"sort-hint\">按相关度：检索词在标题、文号中"
                "出现的文件靠前，其次看关键词和正文中出现的次数%s。"
                "匹配结果超过 %d 条时，只对最新发布的 %d 条按相关度排列，更早的结果随后按发布日期排列。"
                "只含单个字的检索按发布日期排列；不填检索词时按发布日期排列。</p>\n",
             bRecency ? "，近期发布的文件适当靠前" : "", SEARCH_CANDIDATES, SEARCH_CANDIDATES);
}

/* The results of one page: count, order note, list, pager. */
static void search_results(Req *r, const SearchQuery *q, const int64_t *aId, int n,
                           int total, int64_t page) {
  const char *zQ = req_param_or(r, "q", "");
  if (total > SEARCH_COUNT_CAP)
    req_printf(r, "<p class=\"result-count\" role=\"status\">找到 <strong data-total=\"%d+\">%d</strong> 条以上结果</p>\n",
               SEARCH_COUNT_CAP, SEARCH_COUNT_CAP);
  else
    req_printf(r, "<p class=\"result-count\" role=\"status\">共找到 <strong data-total=\"%d\">%d</strong> 条结果</p>\n",
               total, total);
  if (zQ[0]) portal_search_docno_hint(r, zQ, total, filter_query(r, 0, 1));
  if (!total)
    req_puts(r, "<p class=\"hint\">没有找到相关文件。可以换用更少或更短的检索词，检查是否有错别字，"
                "或去掉筛选条件后再试。</p>\n");
  if (zQ[0] && !q->bByDate && !store_search_ranks(zQ))
    req_puts(r, "<p class=\"hint result-order\">单字检索的结果按发布日期排列（新的在前）。</p>\n");
  else if (zQ[0] && !q->bByDate && total > SEARCH_CANDIDATES)
    req_printf(r, "<p class=\"hint result-order\">结果较多：以下按相关度排列的是最新发布的 %d 条"
                  "匹配结果，更早的结果排在其后、按发布日期排列。查找较早的文件，可选择发布年份。</p>\n",
               SEARCH_CANDIDATES);
  req_puts(r, "<ol class=\"results\">\n");
  for (int i = 0; i < n; i++) search_hit(r, aId[i], zQ);
  req_puts(r, "</ol>\n");
  /* Beyond the count cap, pages run to the cap. */
  int nShown = total > SEARCH_COUNT_CAP ? SEARCH_COUNT_CAP : total;
  int nPages = (nShown + SEARCH_PAGE_SIZE - 1) / SEARCH_PAGE_SIZE;
  if (nPages <= 1) return;
  const char *zF = filter_query(r, 1, 0);
  req_puts(r, "<nav class=\"pager\" aria-label=\"分页\"><ul>");
  if (page > 1) {
    req_puts(r, "<li><a rel=\"prev\" href=\"/search?");
    req_puts(r, zF);  /* built with %u */
    req_printf(r, "&amp;page=%lld\">上一页</a></li>", (long long)(page - 1));
  }
  req_printf(r, "<li aria-current=\"page\">第 %lld / %d 页</li>", (long long)page, nPages);
  if (page < nPages) {
    req_puts(r, "<li><a rel=\"next\" href=\"/search?");
    req_puts(r, zF);  /* built with %u */
    req_printf(r, "&amp;page=%lld\">下一页</a></li>", (long long)(page + 1));
  }
  req_puts(r, "</ul></nav>\n");
}

/* One result: the title (matches marked), where it is from, a snippet. */
static void search_hit(Req *r, int64_t docId, const char *zQ) {
  Doc d;
  if (store_doc_get(r->store, &r->arena, docId, &d) != STORE_OK) return;
  const char *zAtt = "";
  store_search_attachment_text(r->store, &r->arena, d.id, &zAtt);
  Buf sn = BUF_INIT;
  portal_hit_snippet(&sn, &d, zAtt, zQ);
  Buf tt = BUF_INIT;
  textmatch_snippet(d.zTitle, zQ, &tt, 200);
  req_printf(r, "<li class=\"result\" data-doc-id=\"%lld\"><h2><a href=\"/o/%u/d/%lld\">",
             (long long)d.id, d.zOrgSlug, (long long)d.id);
  req_puts(r, buf_str(&tt));  /* escaped by textmatch_snippet */
  req_printf(r, "</a></h2>\n<p class=\"hit-meta\">%h · 索引号 %h%s%h · 发布日期 %h</p>\n<p class=\"snippet\">",
             d.zPublisher[0] ? d.zPublisher : d.zOrgName, d.zIndexNumber,
             d.zDocNumber[0] ? " · 文号 " : "", d.zDocNumber, d.zPublishedDate);
  req_puts(r, buf_str(&sn));  /* escaped by textmatch_snippet */
  req_puts(r, "</p></li>\n");
  buf_free(&sn);
  buf_free(&tt);
}

/* GET /search.  A term, or filters alone (then newest first), run a
** search; the button pressed with neither is told what to enter. */
int page_search(Req *r) {
  SearchQuery q;
  Org o;
  int bOrg;
  int64_t page = 1;
  const char *zQ = req_param_or(r, "q", "");
  const char *zErr = portal_search_params(r, &q, &o, &bOrg);
  if (!zErr && req_param_int(r, "page", 1, 100000, &page) < 0) zErr = "页码无效";
  if (zErr) {
    http_error(r, 400, zErr);
    return 0;
  }
  int bFilter = q.orgId || q.year || q.catalogueItemId || q.art20 || q.zGenre || q.zValidity;
  int64_t *aId = NULL;
  int n = 0, total = 0, bRan = 0;
  const char *zSearchErr = NULL;
  if (zQ[0] || bFilter) {
    q.zQuery = zQ[0] ? zQ : NULL;
    q.limit = SEARCH_PAGE_SIZE;
    q.offset = (int)((page - 1) * SEARCH_PAGE_SIZE);
    int rc = store_search(r->store, &r->arena, &q, &aId, &n, &total);
    if (rc == STORE_INVALID) zSearchErr = store_errmsg(r->store);
    else if (rc != STORE_OK) {
      http_store_error(r, store_errcode(r->store));
      return 0;
    }
    bRan = rc == STORE_OK;
  }
  if (bRan && page > 1 && n == 0) {
    http_error(r, 404, "没有这一页");
    return 0;
  }
  if (zSearchErr) r->status = 400;
  CatItem *aItem = NULL;
  int nItem = 0;
  if (bOrg) store_cat_list(r->store, &r->arena, o.id, "proactive", &aItem, &nItem);
  page_begin(r, zQ[0] ? req_fmt(r, "“%s”的检索结果", zQ) : bRan ? "检索结果" : "站内检索");
  req_puts(r, "<h1>政府信息检索</h1>\n");
  search_form(r, &q, &o, bOrg, aItem, nItem, !bRan && !zSearchErr);
  if (zSearchErr) page_notice(r, "error", zSearchErr);
  else if (!bRan && req_param(r, "q"))
    req_puts(r, "<p class=\"hint\" role=\"status\">请输入检索词，或选择发布单位、发布年份等筛选条件后检索。</p>\n");
  if (zQ[0] && page == 1) portal_search_index_hit(r, zQ);
  if (bRan) search_results(r, &q, aId, n, total, page);
  page_end(r);
  return 0;
}
