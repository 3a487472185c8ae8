/*
** page_tokens.c — /admin/tokens: API tokens for the write API (issue 13
** §7).  An administrator creates a token for an organisation he manages
** with the permissions a token may hold (core/perm.h
** perm_token_grantable), sees its secret once (carried to the page after
** the redirect in a short-lived, path-limited cookie that the page clears),
** and revokes tokens.  Creation is app_token_create(), shared with
** `gongkai token add`.
*/
#include <string.h>

#include "app/app_token.h"
#include "web/feedback.h"
#include "web/pages.h"

#define NEW_COOKIE "gk_newtoken"

/* The token list of the administrator's organisations. */
static void token_table(Req *r) {
  ApiToken *aT;
  int n;
  if (store_token_list(r->store, &r->arena, r->user->orgId, &aT, &n) !=
      STORE_OK)
    return;
  req_puts(r, "<table class=\"grid cards\" id=\"tokens\"><caption>接口令牌</caption>"
              "<thead><tr><th scope=\"col\">用途</th><th scope=\"col\">单位</th>"
              "<th scope=\"col\">权限</th><th scope=\"col\">创建时间</th>"
              "<th scope=\"col\">最近使用</th><th scope=\"col\">状态</th>"
              "</tr></thead><tbody>\n");
  for (int i = 0; i < n; i++) {
    req_printf(r, "<tr><td>%h</td><td>%h</td><td>%h</td><td>%h</td><td>%h</td><td>",
               aT[i].zName, aT[i].zOrgName,
               strstr(aT[i].zPerms, "app_handle") ? "查看、登记和办理申请" : "查看",
               aT[i].zCreatedAt, aT[i].zLastUsedAt[0] ? aT[i].zLastUsedAt : "-");
    if (aT[i].zRevokedAt[0]) {
      req_printf(r, "已吊销（%h）", aT[i].zRevokedAt);
    } else if (aT[i].bCreatorDisabled) {
      req_puts(r, "已失效（创建它的管理员已停用）");
    } else {
      req_printf(r, "<form method=\"post\" class=\"inline\" action=\"/admin/"
                    "tokens/%lld/revoke\">", (long long)aT[i].id);
      page_csrf_field(r);
      req_puts(r, "<button type=\"submit\">吊销</button></form>");
    }
    req_puts(r, "</td></tr>\n");
  }
  req_puts(r, "</tbody></table>\n");
}

/* The creation form. */
static void token_form(Req *r) {
  Org *aOrg;
  int n;
  req_puts(r, "<form method=\"post\" class=\"form\" action=\"/admin/tokens\">"
              "<fieldset><legend>新建接口令牌</legend>\n");
  page_csrf_field(r);
  page_input(r, "name", "用途（如 12345 热线、政务服务平台）", "", "required maxlength=\"100\"");
  req_puts(r, "<p class=\"field\"><label for=\"f-org\">单位</label>");
  if (store_org_tree(r->store, &r->arena, r->user->orgId, &aOrg, &n) != STORE_OK) n = 0;
  page_org_select_open(r, "f-org", "org_id", n);
  req_puts(r, ">");
  for (int i = 0; i < n; i++)
      req_printf(r, "<option value=\"%lld\">%h</option>", (long long)aOrg[i].id,
                 aOrg[i].zName);
  req_puts(r, "</select></p>\n<p class=\"field\">权限："
              "<label><input type=\"checkbox\" name=\"perm\" value=\"view_staff\" checked>"
              " 查看申请</label> <label><input type=\"checkbox\" name=\"perm\" "
              "value=\"app_handle\" checked> 登记和办理申请</label></p>\n"
              "<p>令牌只能用于 /api/ 接口，不能审核、审批或批准延期。</p>\n"
              "<p><button type=\"submit\">创建</button></p></fieldset></form>\n");
}

/* The checked "perm" boxes as "a,b". */
static const char *perms_from_form(Req *r) {
  Buf b = BUF_INIT;
  for (int i = 0; i < r->nParam; i++)
    if (!strcmp(r->aParam[i].zName, "perm")) {
      if (b.n) buf_puts(&b, ",");
      buf_puts(&b, r->aParam[i].zValue);
    }
  const char *z = req_strdup(r, buf_str(&b));
  buf_free(&b);
  return z;
}

static int token_create(Req *r) {
  int64_t org = 0, id = 0;
  char zTok[APP_TOKEN_LEN];
  const char *zErr = NULL;
  if (req_param_int(r, "org_id", 1, INT64_MAX, &org) != 1) {
    http_error(r, 400, "请选择令牌所属的单位");
    return 0;
  }
  if (!req_can(r, PERM_ADMIN, org)) {
    http_error(r, 403, "您只能为本单位及下级单位创建令牌");
    return 0;
  }
  if (app_token_create(r->store, org, req_param_or(r, "name", ""),
                       perms_from_form(r), r->user->id, zTok, &id,
                       &zErr) != STORE_OK) {
    http_error(r, 422, zErr);
    return 0;
  }
  store_audit(r->store, r->user->id, org, "api_token.add",
              req_param_or(r, "name", ""));
  req_set_cookie(r, NEW_COOKIE, zTok, "/admin/tokens", 300);
  req_redirect(r, "/admin/tokens?created=1");
  return 0;
}

int page_admin_tokens(Req *r) {
  r->bNoCache = 1;
  if (r->method == HTTP_POST) return token_create(r);
  const char *zNew = req_cookie(r, NEW_COOKIE);
  page_begin(r, "接口令牌");
  req_puts(r, "<h1>接口令牌</h1>\n<p>政务服务平台、12345 热线等系统凭令牌调用"
              "写入接口（<code translate=\"no\">Authorization: Bearer …</code>）转交申请。</p>\n");
  /* The cookie comes back from the client: shown only when it has the
  ** shape of a token ("gk_" + 40 lower-case hex digits). */
  if (zNew && !strncmp(zNew, "gk_", 3) && strlen(zNew) == APP_TOKEN_LEN - 1 &&
      strspn(zNew + 3, "0123456789abcdef") == APP_TOKEN_LEN - 4) {
    req_printf(r, "<div class=\"notice ok\" role=\"status\"><p>令牌已创建，"
                  "请立即复制保存，它只显示这一次：</p><p><code id=\"new-token\">"
                  "%h</code></p></div>\n", zNew);
    req_set_cookie(r, NEW_COOKIE, "", "/admin/tokens", 0);
  }
  token_form(r);
  token_table(r);
  page_end(r);
  return 0;
}

int page_admin_token_revoke(Req *r) {
  ApiToken *aT;
  int n, bMine = 0;
  const char *zName = "";
  int64_t id = req_arg_id(r, 0);
  if (store_token_list(r->store, &r->arena, r->user->orgId, &aT, &n) == STORE_OK)
    for (int i = 0; i < n; i++)
      if (aT[i].id == id) {
        bMine = 1;
        zName = aT[i].zName;
      }
  if (!bMine) {
    http_error(r, 404, "令牌不存在");
    return 0;
  }
  if (store_token_revoke(r->store, id) != STORE_OK) {
    http_store_error(r, store_errcode(r->store));
    return 0;
  }
  store_audit(r->store, r->user->id, r->user->orgId, "api_token.revoke", "");
  page_feedback(r, FB_TOKEN_REVOKE, zName, NULL, NULL);
  req_redirect(r, "/admin/tokens");
  return 0;
}
