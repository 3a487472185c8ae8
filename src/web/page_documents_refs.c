/*
** page_documents_refs.c — fields that point at another document (the
** policy an interpretation explains, the document that replaces another)
** are chosen by searching title or 文号, never typed as ids.
**
** Without script: the field is a set of radio buttons (none, the current
** document, the results of the last search) with a search box whose 查找
** button posts the form with lookup=<field>, which its handler answers by
** rendering the form again with the results and the input kept, without
** saving anything.
** With /static/staff.js the results follow the typing, from
** /staff/docs/lookup?q= (JSON).
*/
#include <string.h>

#include "app/app_doc_relation.h"
#include "web/documents.h"
#include "web/pages.h"

#define REF_MAX 10

/* The organisations whose unpublished documents the user may search:
** their own, with the units below when their reading right reaches them
** (published documents of every organisation are offered too). */
static void lookup_scope(Req *r, int64_t *pOrg, int *pbSub) {
  *pOrg = r->user->orgId;
  *pbSub = perm_reaches_subtree(r->user->roles, PERM_VIEW_STAFF);
}

static int web_can(void *p, Perm perm, int64_t orgId) {
  return req_can((Req *)p, perm, orgId);
}

AppActor docs_actor(Req *r) {
  AppActor who = {r->user ? r->user->id : 0, r->user ? r->user->zName : "", web_can, r};
  return who;
}

int docs_ref_visible(Req *r, int64_t id, DocRef *t) {
  AppActor who = docs_actor(r);
  return app_doc_ref_visible(r->store, &r->arena, &who, id, t);
}

static void ref_option(Req *r, const char *zName, const DocRef *p, int bChecked) {
  req_printf(r, "<li><input type=\"radio\" id=\"r-%h-%lld\" name=\"%h\" value=\"%lld\"%s> "
                "<label for=\"r-%h-%lld\">%h<span class=\"ref-meta\">%h%s%h · %h · %h</span>"
                "</label></li>",
             zName, (long long)p->id, zName, (long long)p->id, bChecked ? " checked" : "",
             zName, (long long)p->id, p->zTitle, p->zDocNumber, p->zDocNumber[0] ? " · " : "",
             p->zOrgName, doc_label(aDocState, p->zState),
             p->zPublishedDate[0] ? p->zPublishedDate : "未发布");
}

void docs_ref_field(Req *r, const Doc *d, const char *zName, const char *zLabel,
                    int64_t curId) {
  const char *zQName = req_fmt(r, "%s_q", zName);
  const char *zQ = req_param_or(r, zQName, "");
  DocRef cur, *aRef = NULL;
  const char *zLookupErr = NULL;
  int n = 0, bCur = curId && docs_ref_visible(r, curId, &cur) == STORE_OK;
  if (zQ[0]) {
    int64_t org;
    int bSub;
    lookup_scope(r, &org, &bSub);
    if (store_doc_lookup(r->store, &r->arena, zQ, org, bSub, d->id, REF_MAX, &aRef, &n))
      zLookupErr = req_strdup(r, store_errmsg(r->store));
  }
  req_printf(r, "<fieldset class=\"ref-picker\" data-ref-picker=\"%h\" data-exclude=\"%lld\">"
                "<legend>%h</legend><ul class=\"ref-options\" id=\"ref-%h\">"
                "<li><input type=\"radio\" id=\"r-%h-0\" name=\"%h\" value=\"\"%s> "
                "<label for=\"r-%h-0\">（无）</label></li>",
             zName, (long long)d->id, zLabel, zName, zName, zName, bCur ? "" : " checked", zName);
  if (bCur) ref_option(r, zName, &cur, 1);
  for (int i = 0; i < n; i++)
    if (!bCur || aRef[i].id != cur.id) ref_option(r, zName, &aRef[i], 0);
  req_puts(r, "</ul>");
  if (zLookupErr) req_printf(r, "<p class=\"hint\" role=\"status\">%h</p>", zLookupErr);
  else if (zQ[0] && !n) req_printf(r, "<p class=\"hint\" role=\"status\">没有标题或文号包含“%h”的文件。</p>", zQ);
  req_printf(r, "<p class=\"ref-search\"><label for=\"q-%h\">按标题或文号查找</label> "
                "<input type=\"search\" id=\"q-%h\" name=\"%h\" value=\"%h\" maxlength=\"100\" "
                "autocomplete=\"off\"> <button type=\"submit\" name=\"lookup\" value=\"%h\" "
                "class=\"secondary\" formnovalidate>查找</button></p></fieldset>\n",
             zName, zName, zQName, zQ, zName);
}

int page_doc_lookup(Req *r) {
  const char *zQ = req_param_or(r, "q", "");
  int64_t exclude = 0, org;
  int bSub, n = 0;
  DocRef *aRef = NULL;
  r->bNoCache = 1;
  if (req_param_int(r, "exclude", 0, INT64_MAX, &exclude) < 0 || strlen(zQ) > 300) {
    http_error(r, 400, "查找参数无效");
    return 0;
  }
  lookup_scope(r, &org, &bSub);
  if (zQ[0] &&
      store_doc_lookup(r->store, &r->arena, zQ, org, bSub, exclude, REF_MAX, &aRef, &n) != STORE_OK) {
    if (store_errcode(r->store) == STORE_INVALID) http_error(r, 400, store_errmsg(r->store));
    else http_store_error(r, store_errcode(r->store));
    return 0;
  }
  r->zType = "application/json";
  req_puts(r, "{\"documents\":[");
  for (int i = 0; i < n; i++) {
    if (strcmp(aRef[i].zState, "published") && !req_can(r, PERM_VIEW_STAFF, aRef[i].orgId))
      continue;
    req_printf(r, "%s{\"id\":%lld,\"title\":\"%j\",\"doc_number\":\"%j\",\"org\":\"%j\","
                  "\"state\":\"%j\",\"published\":\"%j\"}",
               i ? "," : "", (long long)aRef[i].id, aRef[i].zTitle, aRef[i].zDocNumber,
               aRef[i].zOrgName, doc_label(aDocState, aRef[i].zState),
               aRef[i].zPublishedDate[0] ? aRef[i].zPublishedDate : "未发布");
  }
  req_puts(r, "]}");
  return 0;
}
