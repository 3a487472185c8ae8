/* api_documents.c — published documents and the ledger as JSON (see
** api_documents.h). */
#include "api/api_documents.h"

#include <string.h>

#include "api/api.h"
#include "web/pages.h"
#include "store/store_doc_relations.h"
#include "store/store_documents.h"

static json_t *id_or_null(int64_t v) { return v ? json_integer(v) : json_null(); }

json_t *api_doc_json(const Doc *d) {
  json_t *j = json_pack(
      "{s:I,s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:s}",
      "id", (json_int_t)d->id, "org", d->zOrgSlug, "org_name", d->zOrgName,
      "index_number", d->zIndexNumber, "title", d->zTitle, "doc_number",
      d->zDocNumber, "publisher", d->zPublisher[0] ? d->zPublisher : d->zOrgName,
      "signed_date", d->zSignedDate, "published_date", d->zPublishedDate,
      "genre", d->zGenre, "report_kind", d->zReportKind, "keywords",
      d->zKeywords, "summary", d->zSummary, "state", d->zState, "validity",
      d->zValidity, "validity_date", d->zValidityDate, "withdraw_reason",
      d->zWithdrawReason);
  json_object_set_new(j, "catalogue_item_id", id_or_null(d->catalogueItemId));
  json_object_set_new(j, "interprets_id", id_or_null(d->interpretsId));
  json_object_set_new(j, "replaced_by_id", id_or_null(d->replacedById));
  return j;
}

int api_documents(Req *r) {
  DocQuery q;
  Doc *aDoc;
  int n, nTotal;
  int64_t page = 1, per = 20, year = 0, item = 0;
  memset(&q, 0, sizeof q);
  q.bPublicOnly = 1;
  q.zState = "published";  /* drafts and withdrawn documents are not listed */
  const char *zOrg = req_param(r, "org");
  if (zOrg && zOrg[0]) {
    Org o;
    if (store_org_by_slug(r->store, &r->arena, zOrg, &o) != STORE_OK) {
      api_error(r, 404, NULL, "单位不存在");
      return 0;
    }
    q.orgId = o.id;
    /* sub=1 is the search API's name for the same filter. */
    q.bSubtree = (req_param(r, "subtree") && !strcmp(req_param(r, "subtree"), "1")) ||
                 (req_param(r, "sub") && !strcmp(req_param(r, "sub"), "1"));
  }
  if (req_param_int(r, "page", 1, 1000000, &page) < 0 ||
      req_param_int(r, "per_page", 1, 200, &per) < 0 ||
      req_param_int(r, "year", 1900, 9999, &year) < 0 ||
      req_param_int(r, "catalogue_item", 1, INT64_MAX, &item) < 0 ||
      (!item && req_param_int(r, "item", 1, INT64_MAX, &item) < 0)) {
    api_error(r, 400, NULL, "参数无效：page、per_page（1-200）、year、catalogue_item");
    return 0;
  }
  q.year = (int)year;
  q.catalogueItemId = item;
  q.zGenre = req_param(r, "genre") ? req_param(r, "genre") : req_param(r, "kind");
  q.zReportKind = req_param(r, "report_kind");
  q.zValidity = req_param(r, "validity");
  /* An unknown value would read as "no such documents". */
  if (q.zValidity && q.zValidity[0] && !doc_code_valid(aDocValidity, q.zValidity)) {
    api_error(r, 400, NULL, "有效性取值无效：valid、amended、repealed 或 expired");
    return 0;
  }
  if (q.zReportKind && q.zReportKind[0] && !doc_code_valid(aDocReportKind, q.zReportKind)) {
    api_error(r, 400, NULL, "类别取值无效：regulation、normative 或 other");
    return 0;
  }
  q.limit = (int)per;
  q.offset = (int)((page - 1) * per);
  if (store_doc_list(r->store, &r->arena, &q, &aDoc, &n, &nTotal) != STORE_OK) {
    http_store_error(r, store_errcode(r->store));
    return 0;
  }
  json_t *a = json_array();
  for (int i = 0; i < n; i++) json_array_append_new(a, api_doc_json(&aDoc[i]));
  api_json(r, 200, json_pack("{s:o,s:i,s:I,s:I}", "documents", a, "total", nTotal,
                             "page", (json_int_t)page, "per_page", (json_int_t)per));
  return 0;
}

static json_t *ledger_json(const LedgerEntry *e, int bContent) {
  json_t *j = json_pack("{s:I,s:s,s:I,s:s,s:s,s:s,s:s}", "seq", (json_int_t)e->seq,
                        "at", e->zAt, "doc_id", (json_int_t)e->docId, "event",
                        e->zEvent, "content_hash", e->zContentHash, "prev_hash",
                        e->zPrevHash, "entry_hash", e->zEntryHash);
  /* "at" is the instant as hashed; "time" the same in Beijing time. */
  json_object_set_new(j, "time", api_time_cn(e->zAt));
  /* null: the newest version's content no longer matches the document
  ** (changed behind the ledger's back; `ledger verify` names it). */
  if (bContent)
    json_object_set_new(j, "content",
                        e->zContent ? json_string(e->zContent) : json_null());
  return j;
}

/* The published related documents of docId (as on the public page). */
static json_t *related_json(Req *r, int64_t docId) {
  json_t *a = json_array();
  DocRelation *aRel;
  int n;
  if (store_doc_relations(r->store, &r->arena, docId, &aRel, &n) != STORE_OK) return a;
  for (int i = 0; i < n; i++) {
    Doc x;
    if (strcmp(aRel[i].other.zState, "published") ||
        store_doc_get(r->store, &r->arena, aRel[i].other.id, &x) != STORE_OK || !doc_is_public(&x))
      continue;
    json_array_append_new(a, json_pack("{s:I,s:s,s:s,s:s,s:s,s:s,s:s}", "id", (json_int_t)x.id,
                                       "org", x.zOrgSlug, "title", x.zTitle, "doc_number",
                                       x.zDocNumber, "published_date", x.zPublishedDate,
                                       "kind", aRel[i].zKind, "direction",
                                       aRel[i].bIncoming ? "named_by" : "names"));
  }
  return a;
}

int api_document(Req *r) {
  Doc d;
  /* The id, or the index number (索引号, its slashes included). */
  const char *zRef = req_arg(r, 0);
  int64_t id = zRef && zRef[0] && !zRef[strspn(zRef, "0123456789")] ? req_arg_id(r, 0) : 0;
  int rc = id ? store_doc_get(r->store, &r->arena, id, &d)
              : store_doc_public_by_index(r->store, &r->arena, zRef ? zRef : "", &d);
  if (rc != STORE_OK ||
      (strcmp(d.zState, "published") && strcmp(d.zState, "withdrawn"))) {
    api_error(r, 404, NULL, "文件不存在");
    return 0;
  }
  if (!strcmp(d.zState, "withdrawn")) {
    /* Gone: only the public withdrawal notice remains, its day in Beijing
    ** time as on the public page (withdrawn_at is a UTC instant). */
    api_error(r, 410, "gone",
              req_fmt(r, "本信息已于%s撤回。撤回理由：%s",
                      fmt_date(r, d.zWithdrawnAt), d.zWithdrawReason));
    return 0;
  }
  json_t *j = api_doc_json(&d);
  int bPub = 1;
  json_object_set_new(j, "body", json_string(bPub ? d.zBody : ""));
  json_t *aA = json_array();
  DocAttachment *aAtt;
  int nAtt;
  if (bPub && store_doc_attachments(r->store, &r->arena, d.id, &aAtt, &nAtt) == STORE_OK)
    for (int i = 0; i < nAtt; i++)
      json_array_append_new(aA, json_pack("{s:I,s:s,s:s,s:I,s:s}", "id",
                                          (json_int_t)aAtt[i].id, "filename",
                                          aAtt[i].zFilename, "mime", aAtt[i].zMime,
                                          "size", (json_int_t)aAtt[i].size, "sha256",
                                          aAtt[i].zSha256));
  json_object_set_new(j, "attachments", aA);
  req_last_modified(r, d.zUpdatedAt);
  LedgerEntry *aE;
  int nE;
  json_t *aV = json_array();
  const char *zCanon = NULL;
  if (store_ledger_list(r->store, &r->arena, d.id, 0, 0, &aE, &nE) == STORE_OK) {
    for (int i = 0; i < nE; i++) json_array_append_new(aV, ledger_json(&aE[i], 0));
    /* The published document's own canonical content, so that anyone can
    ** hash it against the newest version (the older versions' content
    ** stays with staff); NULL when it no longer matches that hash. */
    if (nE > 0 && store_ledger_content(r->store, &r->arena, &aE[nE - 1], 1) == STORE_OK)
      zCanon = aE[nE - 1].zContent;
  }
  json_object_set_new(j, "versions", aV);
  json_object_set_new(j, "canonical", zCanon ? json_string(zCanon) : json_null());
  json_object_set_new(j, "related", related_json(r, d.id));
  api_json(r, 200, j);
  return 0;
}

/* THE scope of the ledger's content (content=1: older versions and
** withdrawn documents, which may have been withdrawn for a reason): staff
** who may see the document's organisation. */
static int ledger_content_visible(Req *r, const LedgerEntry *e) {
  return e->orgId > 0 && req_can(r, PERM_VIEW_STAFF, e->orgId);
}

int api_ledger(Req *r) {
  int64_t after = 0, limit = 1000, doc = 0;
  if (req_param_int(r, "after", 0, INT64_MAX, &after) < 0 ||
      req_param_int(r, "limit", 1, 10000, &limit) < 0 ||
      req_param_int(r, "doc", 1, INT64_MAX, &doc) < 0) {
    api_error(r, 400, NULL, "参数无效：after、limit（1-10000）、doc");
    return 0;
  }
  int bContent = req_param(r, "content") && !strcmp(req_param(r, "content"), "1");
  if (bContent && !req_can(r, PERM_VIEW_STAFF, 0)) {
    api_error(r, 401, NULL, "导出台账内容需要工作人员登录");
    return 0;
  }
  LedgerEntry *aE;
  int n;
  if (store_ledger_list(r->store, &r->arena, doc, after, (int)limit, &aE, &n) != STORE_OK) {
    http_store_error(r, store_errcode(r->store));
    return 0;
  }
  /* One document asked for by a user who may not see its content. */
  if (bContent && doc && n > 0 && !ledger_content_visible(r, &aE[0])) {
    api_error(r, 403, NULL, "无权导出其他单位文件的台账内容");
    return 0;
  }
  /* Content only where the user may see it: the rest keep no content
  ** (neither read nor given). */
  LedgerEntry *aOwn = arena_alloc(&r->arena, sizeof *aOwn * (size_t)(n ? n : 1));
  int nOwn = 0;
  for (int i = 0; bContent && i < n; i++)
    if (ledger_content_visible(r, &aE[i])) aOwn[nOwn++] = aE[i];
  if (bContent && store_ledger_content(r->store, &r->arena, aOwn, nOwn) != STORE_OK) {
    http_store_error(r, store_errcode(r->store));
    return 0;
  }
  json_t *a = json_array();
  for (int i = 0, k = 0; i < n; i++) {
    int bMine = bContent && k < nOwn && aOwn[k].seq == aE[i].seq;
    json_array_append_new(a, ledger_json(bMine ? &aOwn[k++] : &aE[i], bMine));
  }
  api_json(r, 200, json_pack("{s:o,s:s}", "entries", a, "hash_rule",
                             "entry_hash = SHA-256(seq \\n at \\n doc_id \\n event \\n "
                             "content_hash \\n prev_hash); content_hash = SHA-256(content)"));
  if (bContent) r->bNoCache = 1;
  return 0;
}
