/*
** page_admin_notice.c — what an organisation's notices carry (issue 13 §6,
** core/notice.h): the contact person printed on every notice (the phone
** is the organisation's) and the prefix of its 文号 series ("宁卫健依申"
** gives 宁卫健依申〔2026〕12号; empty = the short name + 依申).  A form on
** /admin/orgs/{id} and its POST /admin/orgs/{id}/notices.
*/
#include <string.h>

#include "store/store_notice.h"
#include "web/feedback.h"
#include "web/pages.h"

void admin_notice_form(Req *r, int64_t orgId) {
  const char *zContact = "", *zPrefix = "";
  if (store_org_notice_settings(r->store, &r->arena, orgId, &zContact,
                                &zPrefix) != STORE_OK)
    return;
  req_printf(r, "<h2>告知书</h2>\n<p>登记回执、补正告知书、延期答复告知书、收费"
                "通知书、答复告知书等写明文号、联系人和联系电话（本单位电话）。"
                "文书模板在“依申请公开 · 答复模板”中修改。</p>\n"
                "<form method=\"post\" action=\"/admin/orgs/%lld/notices\""
                " class=\"form inline-form\">",
             (long long)orgId);
  page_csrf_field(r);
  page_input(r, "notice_contact", "联系人", zContact, "maxlength=\"50\"");
  page_input(r, "notice_prefix", "文号前缀（如 宁卫健依申）", zPrefix,
             "maxlength=\"30\"");
  req_puts(r, "<p><button type=\"submit\">保存告知书设置</button></p></form>\n");
}

int page_admin_notice_settings(Req *r) {
  Org o;
  if (admin_org_arg(r, &o)) return 0;
  int64_t id = o.id;
  const char *zContact = req_param_or(r, "notice_contact", "");
  const char *zPrefix = req_param_or(r, "notice_prefix", "");
  if (strlen(zContact) > 150 || strlen(zPrefix) > 90 ||
      strstr(zPrefix, "〔") || strstr(zPrefix, "〕")) {
    http_error(r, 422, "联系人或文号前缀过长，或前缀含有“〔〕”");
    return 0;
  }
  if (store_org_set_notice_settings(r->store, id, zContact, zPrefix) !=
      STORE_OK) {
    http_store_error(r, store_errcode(r->store));
    return 0;
  }
  store_audit(r->store, r->user->id, id, "org.notice_settings", zPrefix);
  page_feedback(r, FB_NOTICE_SETTINGS, NULL,
                req_fmt(r, "单位：%s，联系人：%s，文号前缀：%s", o.zName, zContact[0] ? zContact : "（未填）", zPrefix[0] ? zPrefix : "（未填）"),
                NULL);
  req_redirect(r, req_fmt(r, "/admin/orgs/%lld", (long long)id));
  return 0;
}
