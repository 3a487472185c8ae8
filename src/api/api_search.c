/* api_search.c — full-text search as JSON (see api_search.h). */
#include "api/api_search.h"

#include <string.h>

#include "api/api.h"
#include "store/store_documents.h"
#include "store/store_search.h"
#include "web/portal.h"

int api_search(Req *r) {
  SearchQuery q;
  Org o;
  int bOrg;
  int64_t page = 1, per = 20;
  const char *zQ = req_param_or(r, "q", "");
  const char *zErr = portal_search_params(r, &q, &o, &bOrg);
  if (!zErr && (req_param_int(r, "page", 1, 100000, &page) < 0 ||
                req_param_int(r, "per_page", 1, 100, &per) < 0))
    zErr = "参数无效：page、per_page（1-100）";
  if (!zErr && !zQ[0]) zErr = "请输入检索词（q）";
  if (zErr) {
    api_error(r, 400, NULL, zErr);
    return 0;
  }
  q.zQuery = zQ;
  q.limit = (int)per;
  q.offset = (int)((page - 1) * per);
  int64_t *aId;
  int n, total;
  int rc = store_search(r->store, &r->arena, &q, &aId, &n, &total);
  if (rc != STORE_OK) {
    api_error(r, rc == STORE_INVALID ? 400 : 500, NULL, store_errmsg(r->store));
    return 0;
  }
  json_t *a = json_array();
  for (int i = 0; i < n; i++) {
    Doc d;
    if (store_doc_get(r->store, &r->arena, aId[i], &d) != STORE_OK) continue;
    const char *zAtt = "";
    store_search_attachment_text(r->store, &r->arena, d.id, &zAtt);
    Buf sn = BUF_INIT;
    portal_hit_snippet(&sn, &d, zAtt, zQ);
    json_array_append_new(a, json_pack("{s:I,s:s,s:s,s:s,s:s,s:s,s:s}",
        "id", (json_int_t)d.id, "index_number", d.zIndexNumber, "title", d.zTitle,
        "snippet", buf_str(&sn), "published", d.zPublishedDate, "org", d.zOrgSlug,
        "url", req_fmt(r, "/o/%u/d/%lld", d.zOrgSlug, (long long)d.id)));
    buf_free(&sn);
  }
  /* total_exact false: more than SEARCH_COUNT_CAP matches (total is the
  ** cap + 1). */
  api_json(r, 200, json_pack("{s:i,s:b,s:I,s:I,s:o}", "total", total,
                             "total_exact", total <= SEARCH_COUNT_CAP, "page",
                             (json_int_t)page, "per_page", (json_int_t)per,
                             "results", a));
  return 0;
}
