/*
** page_auth.c — sign-in, sign-out, the staff home and the password page.
*/
#include <string.h>

#include "core/perm.h"
#include "core/session.h"
#include "lib/crypto.h"
#include "web/pages.h"
#include "web/staff_home.h"

/* Only same-site paths are followed after login (core/session.c). */
static const char *safe_next(const char *z) {
  return login_next_ok(z) ? z : "/staff";
}

/* The sign-in form (after zNext when a same-site path, else /staff). */
static void login_fields(Req *r, const char *zLogin, const char *zNext) {
  req_printf(r, "<form method=\"post\" action=\"/login\" class=\"form narrow\">\n");
  page_csrf_field(r);
  req_printf(r, "<input type=\"hidden\" name=\"next\" value=\"%h\">\n", safe_next(zNext));
  page_input(r, "login", "登录名", zLogin,
             "required autocomplete=\"username\" autocapitalize=\"none\"");
  req_puts(r, "<p class=\"field\"><label for=\"f-password\">密码</label>"
              "<input id=\"f-password\" name=\"password\" type=\"password\" "
              "required autocomplete=\"current-password\"></p>\n"
              "<p><button type=\"submit\">登录</button></p>\n</form>\n");
}

static void login_form(Req *r, const char *zLogin, const char *zErr) {
  page_begin(r, "工作人员登录");
  req_puts(r, "<h1>工作人员登录</h1>\n");
  if (zErr) page_notice(r, "error", zErr);
  login_fields(r, zLogin, req_param(r, "next"));
  page_end(r);
}

void page_login_needed(Req *r) {
  buf_reset(&r->out);
  r->bNoCache = 1;
  const char *zBack = page_referer_path(r);
  page_begin(r, "需要重新登录");
  req_puts(r, "<h1>需要重新登录</h1>\n<p class=\"notice error\" role=\"alert\">"
              "登录已超时（2小时无操作自动退出）或尚未登录，刚才提交的内容没有保存。</p>\n"
              "<p>请重新登录。登录后回到原页面，本浏览器窗口中填写而未保存的文字会自动填回"
              "（也可用浏览器的“后退”按钮找回并复制）。</p>\n");
  login_fields(r, "", zBack);
  page_end(r);
  r->status = 401;
}

int page_login(Req *r) {
  r->bNoCache = 1;
  if (r->method != HTTP_POST) {
    if (r->user) {
      req_redirect(r, "/staff");
      return 0;
    }
    login_form(r, "", NULL);
    return 0;
  }
  const char *zLogin = req_param_or(r, "login", "");
  const char *zPw = req_param_or(r, "password", "");
  const char *zErr = NULL;
  if (!zLogin[0] || !zPw[0]) {
    r->status = 400;
    login_form(r, zLogin, "请输入登录名和密码");
    r->status = 400;
    return 0;
  }
  if (req_login(r, zLogin, zPw, &zErr) != 0) {
    int status = r->status == 503 ? 503 : 401;
    login_form(r, zLogin, zErr);
    r->status = status;
    return 0;
  }
  req_redirect(r, safe_next(req_param(r, "next")));
  return 0;
}

int page_logout(Req *r) {
  req_logout(r);
  req_redirect(r, "/");
  return 0;
}

int page_staff_home(Req *r) {
  Org org;
  r->bNoCache = 1;
  if (store_org_get(r->store, &r->arena, r->user->orgId, &org) != STORE_OK) {
    http_store_error(r, store_errcode(r->store));
    return 0;
  }
  page_begin(r, "工作台");
  req_printf(r, "<h1>工作台</h1>\n<p>%h，您好。所在单位：%h", r->user->zName, org.zName);
  if (r->user->zDeptName && r->user->zDeptName[0])
    req_printf(r, "（%h）", r->user->zDeptName);
  req_puts(r, "。角色：");
  int first = 1;
  for (unsigned b = 1; b <= ROLE_OFFICE_HEAD; b <<= 1) {
    if (!(r->user->roles & b)) continue;
    req_printf(r, "%s%h", first ? "" : "、", perm_role_label(b));
    first = 0;
  }
  if (first) req_puts(r, "无");
  req_puts(r, "</p>\n");
  staff_home_panels(r);
  req_puts(r, "<p><a href=\"/staff/password\">修改密码</a></p>\n");
  page_end(r);
  return 0;
}

int page_password(Req *r) {
  r->bNoCache = 1;
  const char *zErr = NULL, *zOk = NULL;
  if (r->method == HTTP_POST) {
    const char *zOld = req_param_or(r, "old", "");
    const char *zNew = req_param_or(r, "new", "");
    const char *zNew2 = req_param_or(r, "new2", "");
    User u;
    int ok = store_user_get(r->store, &r->arena, r->user->id, &u) == STORE_OK
                 ? req_password_verify(r, u.zPwHash, zOld) : 0;
    if (ok < 0) {
      req_header(r, "Retry-After", "5");
      http_error(r, 503, "系统繁忙，请稍后再试");
      return 0;
    } else if (!ok) {
      zErr = "原密码不正确";
    } else if (strcmp(zNew, zNew2)) {
      zErr = "两次输入的新密码不一致";
    } else if ((zErr = user_password_check(zNew)) == NULL) {
      char zHash[CRYPTO_PWHASH_LEN];
      if (crypto_password_hash(zNew, zHash) ||
          store_user_change_password(r->store, u.id, zHash, r->zSessionHash) != STORE_OK) {
        zErr = "保存失败，请稍后重试";
      } else {
        store_audit(r->store, u.id, u.orgId, "user.passwd", u.zLogin);
        zOk = "密码已修改，其他设备上的登录已退出";
      }
    }
    if (zErr) r->status = 422;
  }
  int status = r->status;
  page_begin(r, "修改密码");
  req_puts(r, "<h1>修改密码</h1>\n");
  if (zErr) page_notice(r, "error", zErr);
  if (zOk) page_notice(r, "ok", zOk);
  req_puts(r, "<form method=\"post\" class=\"form narrow\">\n");
  page_csrf_field(r);
  req_puts(r,
           "<p class=\"field\"><label for=\"f-old\">原密码</label><input id=\"f-old\" "
           "name=\"old\" type=\"password\" required autocomplete=\"current-password\"></p>\n"
           "<p class=\"field\"><label for=\"f-new\">新密码（至少10个字符）</label>"
           "<input id=\"f-new\" name=\"new\" type=\"password\" required "
           "autocomplete=\"new-password\"></p>\n"
           "<p class=\"field\"><label for=\"f-new2\">再次输入新密码</label>"
           "<input id=\"f-new2\" name=\"new2\" type=\"password\" required "
           "autocomplete=\"new-password\"></p>\n"
           "<p><button type=\"submit\">保存</button></p>\n</form>\n");
  page_end(r);
  r->status = status;
  return 0;
}
