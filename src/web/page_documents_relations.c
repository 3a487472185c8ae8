/*
** page_documents_relations.c — a document's related documents (相关文件,
** and the documents it repeals or amends): the section of the staff
** document page with its picker, the POST that adds or removes one
** (/staff/docs/{id}/relations, through app_doc_relation), and the list on
** the public page.
**
** The picker works without script: a search form (GET, the document page
** with rel_q= and rel_kind=) lists the documents whose title or 文号
** contains the text (store_doc_lookup: the user's organisations in any
** state, published documents of every organisation), each with its own
** 添加 button.  Nobody types or sees an id.
*/
#include <string.h>

#include "app/app_doc_relation.h"
#include "web/documents.h"
#include "web/pages.h"

#define REL_MAX 10

/* "文号 · 单位 · 状态 · 发布日期" of a referenced document. */
static void ref_meta(Req *r, const DocRef *p) {
  req_printf(r, "<span class=\"ref-meta\">%h%s%h · %h · %h</span>", p->zDocNumber,
             p->zDocNumber[0] ? " · " : "", p->zOrgName, doc_label(aDocState, p->zState),
             p->zPublishedDate[0] ? p->zPublishedDate : "未发布");
}

/* The hidden fields and button of a form posting to the relations route. */
static void rel_form(Req *r, const Doc *d, const char *zAction, int64_t other,
                     const char *zKind, const char *zButton) {
  req_printf(r, "<form method=\"post\" action=\"/staff/docs/%lld/relations\" class=\"inline\">",
             (long long)d->id);
  page_csrf_field(r);
  req_printf(r, "<input type=\"hidden\" name=\"action\" value=\"%h\">"
                "<input type=\"hidden\" name=\"related_id\" value=\"%lld\">"
                "<input type=\"hidden\" name=\"kind\" value=\"%h\">"
                "<button type=\"submit\" class=\"secondary\">%h</button></form>",
             zAction, (long long)other, zKind, zButton);
}

/* The documents matching zQ that d may name, each with its 添加 button. */
static void rel_candidates(Req *r, const Doc *d, const DocRelation *aRel, int nRel,
                           const char *zQ, const char *zKind) {
  DocRef *aRef = NULL;
  int n = 0, bSub = perm_reaches_subtree(r->user->roles, PERM_VIEW_STAFF);
  if (store_doc_lookup(r->store, &r->arena, zQ, r->user->orgId, bSub, d->id, REL_MAX, &aRef,
                       &n) != STORE_OK) {
    req_printf(r, "<p class=\"hint\" role=\"status\">%h</p>\n", store_errmsg(r->store));
    return;
  }
  int nShown = 0;
  for (int i = 0; i < n; i++) {
    int bHave = 0;
    for (int j = 0; j < nRel; j++) bHave |= aRel[j].other.id == aRef[i].id;
    if (bHave || (strcmp(aRef[i].zState, "published") && !req_can(r, PERM_VIEW_STAFF, aRef[i].orgId)))
      continue;
    if (!nShown++) req_puts(r, "<ul class=\"rel-list rel-candidates\" aria-label=\"查找结果\">\n");
    req_printf(r, "<li><span class=\"rel-title\">%h</span>", aRef[i].zTitle);
    ref_meta(r, &aRef[i]);
    rel_form(r, d, "add", aRef[i].id, zKind, "添加");
    req_puts(r, "</li>\n");
  }
  if (nShown) req_puts(r, "</ul>\n");
  else req_printf(r, "<p class=\"hint\" role=\"status\">没有标题或文号包含“%h”、可以关联的文件。</p>\n", zQ);
}

/* The search form and, after a search, its candidates. */
static void rel_picker(Req *r, const Doc *d, const DocRelation *aRel, int nRel) {
  const char *zQ = req_param_or(r, "rel_q", "");
  const char *zKind = req_param_or(r, "rel_kind", "related");
  if (!doc_rel_kind(zKind)) zKind = "related";
  /* data-*: for staff.js (results as one types): the document, the CSRF
  ** token of the 添加 forms it writes, the documents already related. */
  Buf have = BUF_INIT;
  for (int i = 0; i < nRel; i++) buf_printf(&have, "%s%lld", i ? " " : "", (long long)aRel[i].other.id);
  req_printf(r, "<form method=\"get\" action=\"/staff/docs/%lld#relations\" class=\"rel-search\" "
                "data-rel-picker=\"%lld\" data-csrf=\"%h\" data-have=\"%h\">",
             (long long)d->id, (long long)d->id, req_csrf(r), buf_str(&have));
  buf_free(&have);
  req_printf(r, "<p class=\"field\"><label for=\"f-rel-q\">按标题或文号查找文件</label>"
                "<input type=\"search\" id=\"f-rel-q\" name=\"rel_q\" value=\"%h\" maxlength=\"100\" "
                "required></p><p class=\"field\"><label for=\"f-rel-kind\">关联类型</label>"
                "<select id=\"f-rel-kind\" name=\"rel_kind\">",
             zQ);
  for (int i = 0; aDocRelKind[i].zKind; i++)
    req_printf(r, "<option value=\"%h\"%s>%h</option>", aDocRelKind[i].zKind,
               !strcmp(zKind, aDocRelKind[i].zKind) ? " selected" : "",
               aDocRelKind[i].zChoice);
  req_puts(r, "</select></p><p><button type=\"submit\" class=\"secondary\">查找</button></p></form>\n"
              "<div id=\"rel-results\">");
  if (zQ[0]) rel_candidates(r, d, aRel, nRel, zQ, zKind);
  req_puts(r, "</div>\n");
}

void docs_relations_section(Req *r, const Doc *d) {
  DocRelation *aRel = NULL;
  int nRel = 0;
  store_doc_relations(r->store, &r->arena, d->id, &aRel, &nRel);
  Perm p = app_doc_relation_perm(d->zState);
  int bEdit = p != PERM_PUBLIC && req_can(r, p, d->orgId);
  /* Another organisation's unpublished document that names this one stays
  ** unseen by who may not read it (its title is not yet public). */
  AppActor who = docs_actor(r);
  int nShown = 0;
  for (int i = 0; i < nRel; i++)
    if (app_doc_ref_may_see(&who, &aRel[i].other)) aRel[nShown++] = aRel[i];
  nRel = nShown;
  req_puts(r, "<section id=\"relations\" class=\"relations\"><h2>相关文件</h2>\n");
  if (!nRel) req_puts(r, "<p>尚未关联其他文件。</p>\n");
  else req_puts(r, "<ul class=\"rel-list\">\n");
  for (int i = 0; i < nRel; i++) {
    const DocRelation *x = &aRel[i];
    const DocRelKind *k = doc_rel_kind(x->zKind);
    req_printf(r, "<li><span class=\"tag\">%h</span> ", doc_rel_tag(k, x->bIncoming, d->zValidity));
    if (req_can(r, PERM_VIEW_STAFF, x->other.orgId))
      req_printf(r, "<a href=\"/staff/docs/%lld\">%h</a>", (long long)x->other.id, x->other.zTitle);
    else
      req_printf(r, "<span class=\"rel-title\">%h</span>", x->other.zTitle);
    ref_meta(r, &x->other);
    if (bEdit && !x->bIncoming) rel_form(r, d, "remove", x->other.id, x->zKind, "移除");
    req_puts(r, "</li>\n");
  }
  if (nRel) req_puts(r, "</ul>\n");
  if (bEdit) rel_picker(r, d, aRel, nRel);
  else if (p != PERM_PUBLIC)
    req_puts(r, "<p class=\"hint\">您没有修改本文件相关文件的权限。</p>\n");
  req_puts(r, "</section>\n");
}

int page_doc_relation(Req *r) {
  Doc d;
  if (docs_load(r, 0, &d)) return 0;
  const char *zAction = req_param_or(r, "action", "");
  int64_t other = 0;
  int bAdd = !strcmp(zAction, "add");
  if ((!bAdd && strcmp(zAction, "remove")) ||
      req_param_int(r, "related_id", 1, INT64_MAX, &other) != 1) {
    http_error(r, 400, "请在查找结果中选择文件");
    return 0;
  }
  DocRef t;
  /* Named by an id from the form: its title only when it may be seen (a
  ** removal's question would otherwise show any document's title). */
  if (docs_ref_visible(r, other, &t) != STORE_OK) {
    docs_refuse(r, 404, "所选文件不存在");
    return 0;
  }
  const char *zTitle = t.zTitle;
  AppActor who = docs_actor(r);
  const char *zErr;
  /* Refusals before the confirmation question (the action checks again). */
  int status = bAdd ? 0 : app_doc_relation_allowed(&who, &d, &zErr);
  if (status) {
    docs_refuse(r, status, zErr);
    return 0;
  }
  if (!bAdd && !page_confirmed(r, req_fmt(r, "不再将“%s”列为本文件的相关文件？", zTitle),
                               "确认移除"))
    return 0;
  status = app_doc_relation(r->store, &r->arena, &who, bAdd, d.id, other,
                            req_param_or(r, "kind", "related"), &zErr);
  if (status) {
    docs_refuse(r, status, zErr);
    return 0;
  }
  req_flash(r, bAdd ? req_fmt(r, "已添加相关文件“%s”。", zTitle)
                    : req_fmt(r, "已移除相关文件“%s”。", zTitle));
  req_redirect(r, req_fmt(r, "/staff/docs/%lld#relations", (long long)d.id));
  return 0;
}

const char *docs_state_note(Req *r, const Doc *x) {
  static const char *const azVerb[][2] = {
    {"amended", "修订"}, {"repealed", "废止"}, {"expired", "失效"}};
  if (!strcmp(x->zState, "withdrawn")) return "（已撤回）";
  for (size_t i = 0; i < sizeof azVerb / sizeof azVerb[0]; i++)
    if (!strcmp(x->zValidity, azVerb[i][0]))
      return x->zValidityDate[0] ? req_fmt(r, "（已于%s%s）", x->zValidityDate, azVerb[i][1])
                                 : req_fmt(r, "（已%s）", azVerb[i][1]);
  return "";
}

void docs_relations_public(Req *r, const Doc *d) {
  DocRelation *aRel = NULL;
  int nRel = 0, nShown = 0;
  if (store_doc_relations(r->store, &r->arena, d->id, &aRel, &nRel) != STORE_OK) return;
  for (int i = 0; i < nRel; i++) {
    Doc x;
    /* Only published documents: a withdrawn one no longer informs (its
    ** notice page stays reachable from search engines, not from here). */
    if (strcmp(aRel[i].other.zState, "published") ||
        store_doc_get(r->store, &r->arena, aRel[i].other.id, &x) != STORE_OK ||
        !doc_is_public(&x))
      continue;
    const DocRelKind *k = doc_rel_kind(aRel[i].zKind);
    if (!nShown++)
      req_puts(r, "<section class=\"related\" data-relations><h2>相关文件</h2><ul>");
    req_puts(r, "<li>");
    if (strcmp(k->zKind, "related"))
      req_printf(r, "<span class=\"tag\">%h</span> ",
                 doc_rel_tag(k, aRel[i].bIncoming, d->zValidity));
    req_printf(r, "<a href=\"/o/%u/d/%lld\">%h</a>%h", x.zOrgSlug, (long long)x.id, x.zTitle,
               docs_state_note(r, &x));
    if (x.zDocNumber[0]) req_printf(r, " <span class=\"docno\">%h</span>", x.zDocNumber);
    req_printf(r, " <span class=\"date\">%h</span></li>", x.zPublishedDate);
  }
  if (nShown) req_puts(r, "</ul></section>\n");
}
