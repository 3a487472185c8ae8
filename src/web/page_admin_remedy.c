/*
** page_admin_remedy.c — the reconsideration organ of an organisation (the
** organ an answer letter names when a refusal must go to administrative
** reconsideration first, 行政复议法 2023 Arts. 23–24; core/remedy.h): a
** field on the organisation's edit page (/admin/orgs/{id}) and its POST
** /admin/orgs/{id}/review-organ.  Empty = the default, the nearest
** organisation of kind 人民政府 above it (store_remedy.h).
*/
#include <string.h>

#include "store/store_remedy.h"
#include "web/feedback.h"
#include "web/pages.h"

void admin_review_organ_form(Req *r, int64_t orgId) {
  const char *zOrgan = "";
  int bDefault = 1;
  if (store_org_review_organ(r->store, &r->arena, orgId, &zOrgan,
                             &bDefault) != STORE_OK)
    return;
  req_printf(r, "<h2>行政复议机关</h2>\n<p>自2024年1月1日起，申请人对不予公开"
                "（含部分公开中不予公开的部分）的答复不服的，应当先申请行政复议"
                "（《中华人民共和国行政复议法》第二十三条）；答复告知书和公开指南"
                "写明此处的复议机关。一般为本级人民政府（第二十四条）。留空则使用"
                "默认值：%h。</p>\n"
                "<form method=\"post\" action=\"/admin/orgs/%lld/review-organ\""
                " class=\"form inline-form\">",
             zOrgan[0] && bDefault ? zOrgan : "本机关的同级人民政府",
             (long long)orgId);
  page_csrf_field(r);
  page_input(r, "review_organ", "行政复议机关", bDefault ? "" : zOrgan,
             "maxlength=\"100\"");
  req_puts(r, "<p><button type=\"submit\">保存复议机关</button></p></form>\n");
}

int page_admin_review_organ(Req *r) {
  Org o;
  if (admin_org_arg(r, &o)) return 0;
  int64_t id = o.id;
  const char *zOrgan = req_param_or(r, "review_organ", "");
  if (store_org_set_review_organ(r->store, id, zOrgan) != STORE_OK) {
    http_store_error(r, store_errcode(r->store));
    return 0;
  }
  store_audit(r->store, r->user->id, id, "org.review_organ", zOrgan);
  page_feedback(r, FB_REVIEW_ORGAN, NULL,
                req_fmt(r, "单位：%s，复议机关：%s", o.zName, zOrgan[0] ? zOrgan : "本机关的同级人民政府（默认）"),
                NULL);
  req_redirect(r, req_fmt(r, "/admin/orgs/%lld", (long long)id));
  return 0;
}
