/*
** page_documents_public.c — the plain public page of a document,
** /o/{org}/d/{ref} where ref is the index number (which may contain '/')
** or the document id, and its public attachments /o/{org}/a/{id}.
**
** Only published documents show their content.  A withdrawn document
** answers 410 Gone with a notice page: its metadata and the public reason,
** never its body or attachments; every other state answers 404, as if the
** document did not exist.  A change of validity
** shows as a banner on top (2017 government-website guideline: repealed
** documents are marked on the original), with the replacing document.
** The page ends with the content hash and the version history from the
** publication ledger.  The portal issue builds the lists and search.
*/
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/catalogue.h"
#include "lib/doctext.h"
#include "store/store_catalogue.h"
#include "store/store_search.h"
#include "web/documents.h"
#include "web/pages.h"
#include "web/sitemap.h"

/* Finds the document of organisation slug zOrg named by zRef; 0 or -1
** after a 404. */
static int public_load(Req *r, const char *zOrg, const char *zRef, Doc *d) {
  Org o;
  if (!zOrg || !zRef || store_org_by_slug(r->store, &r->arena, zOrg, &o) != STORE_OK) {
    http_error(r, 404, "文件不存在");
    return -1;
  }
  page_set_org(r, &o);
  int rc = store_doc_by_ref(r->store, &r->arena, o.id, zRef, req_arg_id(r, 1), d);
  if (rc != STORE_OK ||
      (strcmp(d->zState, "published") && strcmp(d->zState, "withdrawn"))) {
    http_error(r, 404, "文件不存在");
    return -1;
  }
  return 0;
}

/* A link to another document's public page (when it is public). */
static void doc_link(Req *r, int64_t id, const char *zPrefix) {
  Doc x;
  if (!id || store_doc_get(r->store, &r->arena, id, &x) != STORE_OK || !doc_is_public(&x))
    return;
  req_printf(r, "<p>%h<a href=\"/o/%u/d/%lld\">%h</a></p>\n", zPrefix, x.zOrgSlug,
             (long long)x.id, x.zTitle);
}

/* The document recorded as replacing d (amended, repealed or expired),
** labelled as is true for the states of both (doc_replacement_label,
** docs_state_note); nothing when it was never published. */
static void replacement_link(Req *r, const Doc *d) {
  Doc x;
  if (!d->replacedById || store_doc_get(r->store, &r->arena, d->replacedById, &x) != STORE_OK ||
      (!doc_is_public(&x) && strcmp(x.zState, "withdrawn")))
    return;
  req_printf(r, "<p data-replacement>%h：<a href=\"/o/%u/d/%lld\">%h</a>%h</p>\n",
             doc_replacement_label(d->zValidity, x.zState, x.zValidity), x.zOrgSlug,
             (long long)x.id, x.zTitle, docs_state_note(r, &x));
}

static const char *event_label(const char *z) {
  if (!strcmp(z, "publish")) return "发布";
  if (!strcmp(z, "edit")) return "更正";
  if (!strcmp(z, "validity")) return "有效性变更";
  if (!strcmp(z, "withdraw")) return "撤回";
  return z;
}


/* Where the document sits: organisation → section → catalogue item. */
static void crumbs(Req *r, const Doc *d, const CatItem *it) {
  int bInterp = !strcmp(d->zGenre, "解读") || d->interpretsId;
  req_printf(r, "<nav class=\"crumbs\" aria-label=\"位置\"><ol>"
                "<li><a href=\"/o/%u\">%h</a></li>"
                "<li><a href=\"/o/%u/%s\">%s</a></li>",
             d->zOrgSlug, d->zOrgName, d->zOrgSlug,
             bInterp ? "interpretations" : "art20", bInterp ? "政策解读" : "法定主动公开内容");
  if (it)
    req_printf(r, "<li><a href=\"/o/%u/items/%lld\">%h</a></li>", d->zOrgSlug,
               (long long)it->id, it->zLevel2[0] ? it->zLevel2 : it->zLevel1);
  req_puts(r, "</ol></nav>\n");
}

/* Other published documents of the same catalogue item (newest first),
** after the related documents staff named (docs_relations_public). */
static void related_docs(Req *r, const Doc *d) {
  if (!d->catalogueItemId) return;
  SearchQuery q;
  memset(&q, 0, sizeof q);
  q.orgId = d->orgId;
  q.catalogueItemId = d->catalogueItemId;
  q.bByDate = 1;
  q.limit = 6;
  int64_t *aId;
  int nId = 0, total = 0, nShown = 0;
  if (store_search(r->store, &r->arena, &q, &aId, &nId, &total) != STORE_OK) return;
  for (int i = 0; i < nId && nShown < 5; i++) {
    Doc x;
    if (aId[i] == d->id || store_doc_get(r->store, &r->arena, aId[i], &x) != STORE_OK) continue;
    if (!nShown++) req_puts(r, "<section class=\"related\"><h2>同类文件</h2><ul>");
    req_printf(r, "<li><a href=\"/o/%u/d/%lld\">%h</a> <span class=\"date\">%h</span></li>",
               x.zOrgSlug, (long long)x.id, x.zTitle, x.zPublishedDate);
  }
  if (nShown) req_puts(r, "</ul></section>\n");
}

int page_doc_public(Req *r) {
  Doc d;
  if (public_load(r, req_arg(r, 0), req_arg(r, 1), &d)) return 0;
  req_last_modified(r, d.zUpdatedAt);
  const char *zTopic = "";
  CatItem it;
  if (d.catalogueItemId &&
      store_cat_get(r->store, &r->arena, d.catalogueItemId, &it) == STORE_OK)
    zTopic = it.zLevel2[0] ? req_fmt(r, "%s / %s", it.zLevel1, it.zLevel2) : it.zLevel1;
  else
    d.catalogueItemId = 0;
  LedgerEntry *aE;
  int nE = 0;
  store_ledger_list(r->store, &r->arena, d.id, 0, 0, &aE, &nE);
  page_begin(r, d.zTitle);
  crumbs(r, &d, d.catalogueItemId ? &it : NULL);
  req_printf(r, "<article class=\"document\" data-index-number=\"%h\">\n<h1>%h</h1>\n",
             d.zIndexNumber, d.zTitle);
  if (!strcmp(d.zState, "withdrawn")) {
    req_printf(r, "<p class=\"notice banner\" role=\"status\" data-banner=\"withdrawn\">"
                  "本信息已于%h撤回。撤回理由：%h</p>\n",
               fmt_date(r, d.zWithdrawnAt), d.zWithdrawReason);
  } else if (strcmp(d.zValidity, "valid")) {
    req_printf(r, "<p class=\"notice banner\" role=\"status\" data-banner=\"%h\">"
                  "本文件%h", d.zValidity, doc_validity_done(d.zValidity));
    if (d.zValidityDate[0]) req_printf(r, "（%h）", d.zValidityDate);
    req_puts(r, "。</p>\n");
    replacement_link(r, &d);
  }
  req_printf(r, "<table class=\"meta\"><tbody>"
                "<tr><th scope=\"row\">索引号</th><td>%h</td></tr>"
                "<tr><th scope=\"row\">发布机构</th><td>%h</td></tr>"
                "<tr><th scope=\"row\">文号</th><td>%h</td></tr>"
                "<tr><th scope=\"row\">成文日期</th><td>%h</td></tr>"
                "<tr><th scope=\"row\">生成日期</th><td>%h</td></tr>"
                "<tr><th scope=\"row\">发布日期</th><td>%h</td></tr>"
                "<tr><th scope=\"row\">公开方式</th><td>%h</td></tr>"
                "<tr><th scope=\"row\">公开范围</th><td>%h</td></tr>"
                "<tr><th scope=\"row\">主题分类</th><td>%h</td></tr>"
                "<tr><th scope=\"row\">体裁</th><td>%h</td></tr>"
                "<tr><th scope=\"row\">关键词</th><td>%h</td></tr>"
                "<tr><th scope=\"row\">有效性</th><td>%h</td></tr>"
                "</tbody></table>\n",
             d.zIndexNumber, d.zPublisher[0] ? d.zPublisher : d.zOrgName, d.zDocNumber,
             d.zSignedDate, d.zFormedDate, d.zPublishedDate, doc_label(aDocMode, d.zMode),
             d.zScope, zTopic, d.zGenre, d.zKeywords,
             !strcmp(d.zState, "withdrawn") ? "已撤回（不再有效）"
                                            : doc_label(aDocValidity, d.zValidity));
  if (!strcmp(d.zState, "published")) {
    doc_link(r, d.interpretsId, "所解读的政策：");
    Doc *aI;
    int nI;
    if (store_doc_interpretations(r->store, &r->arena, d.id, &aI, &nI) == STORE_OK)
      for (int i = 0; i < nI; i++)
        if (doc_is_public(&aI[i]))
          req_printf(r, "<p>政策解读：<a href=\"/o/%u/d/%lld\">%h</a></p>\n",
                     aI[i].zOrgSlug, (long long)aI[i].id, aI[i].zTitle);
    if (d.zSummary[0]) req_printf(r, "<p class=\"summary\">%h</p>\n", d.zSummary);
    req_puts(r, "<div class=\"doc-body\">\n");
    docs_body_html(r, d.zBody);
    req_puts(r, "</div>\n");
    DocAttachment *aAtt;
    int nAtt;
    if (store_doc_attachments(r->store, &r->arena, d.id, &aAtt, &nAtt) == STORE_OK && nAtt) {
      req_puts(r, "<h2>附件</h2><ul class=\"attachments\">\n");
      for (int i = 0; i < nAtt; i++)
        req_printf(r, "<li><a href=\"/o/%u/a/%lld%u\" download=\"%h\">%h</a>"
                      "（%h%s%h，SHA-256 <code>%h</code>）</li>\n",
                   d.zOrgSlug, (long long)aAtt[i].id, doctext_ext(aAtt[i].zMime),
                   aAtt[i].zFilename, aAtt[i].zFilename, fmt_file_kind(aAtt[i].zMime),
                   fmt_file_kind(aAtt[i].zMime)[0] ? "文件，" : "",
                   fmt_size(r, aAtt[i].size), aAtt[i].zSha256);
      req_puts(r, "</ul>\n");
    }
  }
  if (!strcmp(d.zState, "published")) {
    docs_relations_public(r, &d);
    related_docs(r, &d);
  }
  if (nE) {
    req_printf(r, "<section class=\"versions\"><h2>版本记录</h2>\n"
                  "<p>当前内容哈希（SHA-256）：<code data-content-hash>%h</code></p><ol>\n",
               aE[nE - 1].zContentHash);
    for (int i = 0; i < nE; i++)
      req_printf(r, "<li>%h %h（公开台账第%lld条，内容哈希 <code>%h</code>）</li>\n",
                 fmt_time(r, aE[i].zAt), event_label(aE[i].zEvent), (long long)aE[i].seq,
                 aE[i].zContentHash);
    req_puts(r, "</ol></section>\n");
  }
  req_puts(r, "</article>\n");
  page_end(r);
  if (!strcmp(d.zState, "withdrawn")) r->status = 410;
  return 0;
}

/* The attachment id of path argument z: "12", or "12.pdf" when ".pdf" is
** the extension of the attachment's type (checked by the caller against
** *pzExt, which points into z: "" without one).  0 when malformed. */
static int64_t attachment_arg(const char *z, const char **pzExt) {
  int64_t v = 0;
  int n = 0;
  while (z && z[n] >= '0' && z[n] <= '9' && n < 18) v = v * 10 + (z[n++] - '0');
  if (!z || n == 0 || (z[n] && z[n] != '.')) return 0;
  *pzExt = z + n;
  return v;
}

/* Served under /o/{org}/a/{id}{ext}, ext the extension of its type (the
** link on the document page, with a download attribute giving the name;
** a static export keeps the file name, so any web server sends the right
** type), and, for links made before, /o/{org}/a/{id}. */
int page_doc_public_attachment(Req *r) {
  Org o;
  Doc d;
  DocAttachment t;
  const void *p;
  const char *zExt = "";
  int64_t aid = attachment_arg(req_arg(r, 1), &zExt);
  if (!aid || store_org_by_slug(r->store, &r->arena, req_arg(r, 0), &o) != STORE_OK ||
      store_doc_attachment_get(r->store, &r->arena, aid, &t, &p) != STORE_OK ||
      (zExt[0] && strcmp(zExt, doctext_ext(t.zMime))) ||
      store_doc_get(r->store, &r->arena, t.docId, &d) != STORE_OK ||
      d.orgId != o.id || !doc_is_public(&d)) {
    http_error(r, 404, "附件不存在");
    return 0;
  }
  docs_send_attachment(r, &t, p);
  return 0;
}

int site_paths_documents(Store *s, Arena *a, SitePaths *p) {
  DocQuery q;
  Doc *aDoc;
  int n, nTotal;
  memset(&q, 0, sizeof q);
  q.bPublicOnly = 1;
  q.zState = "published";  /* a withdrawn document leaves the export */
  q.limit = 500;
  do {
    int rc = store_doc_list(s, a, &q, &aDoc, &n, &nTotal);
    if (rc != STORE_OK) return rc;
    for (int i = 0; i < n; i++) {
      site_path_add(p, a, arena_printf(a, "/o/%u/d/%lld", aDoc[i].zOrgSlug,
                                       (long long)aDoc[i].id));
      /* Its attachment downloads (the static export writes them as files). */
      DocAttachment *aAtt;
      int nAtt;
      if ((rc = store_doc_attachments(s, a, aDoc[i].id, &aAtt, &nAtt))) return rc;
      for (int j = 0; j < nAtt; j++)
        site_path_add(p, a, arena_printf(a, "/o/%u/a/%lld%u", aDoc[i].zOrgSlug,
                                         (long long)aAtt[j].id,
                                         doctext_ext(aAtt[j].zMime)));
    }
    q.offset += n;
  } while (n == q.limit);
  return STORE_OK;
}
