/*
** layout.c — the page chrome every HTML page shares (head, header with the
** site name and navigation, footer), error pages and small form helpers.
** No inline script or style: the CSP allows only /static/ files.
*/
#include <string.h>

#include "api/api.h"
#include "web/pages.h"

void page_begin(Req *r, const char *zTitle) {
  r->zType = "text/html; charset=utf-8";
  req_printf(r,
             "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n"
             "<meta charset=\"utf-8\">\n"
             "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
             "<title>%h - 政府信息公开</title>\n"
             "<link rel=\"stylesheet\" href=\"/static/site.css\">\n"
             "<link rel=\"icon\" href=\"/static/icon.svg\" type=\"image/svg+xml\">\n"
             "<script src=\"/static/site.js\" defer></script>\n"
             "</head>\n<body>\n"
             "<a class=\"skip\" href=\"#main\">跳到正文</a>\n"
             "<header class=\"site\"><div class=\"wrap\">"
             "<a class=\"brand\" href=\"/\">政府信息公开</a>\n"
             "<nav aria-label=\"主导航\"><ul>",
             zTitle);
  req_puts(r, "<li><a href=\"/\">首页</a></li>");
  if (r->user) {
    req_puts(r, "<li><a href=\"/staff\">工作台</a></li>");
    if (req_can(r, PERM_ADMIN, 0))
      req_puts(r, "<li><a href=\"/admin/orgs\">单位管理</a></li>"
                  "<li><a href=\"/admin/users\">用户管理</a></li>");
    req_printf(r,
               "<li><form method=\"post\" action=\"/logout\" class=\"inline\">"
               "<input type=\"hidden\" name=\"_csrf\" value=\"%h\">"
               "<button type=\"submit\" class=\"link\">退出（%h）</button>"
               "</form></li>",
               req_csrf(r), r->user->zName);
  } else {
    req_puts(r, "<li><a href=\"/login\">工作人员登录</a></li>");
  }
  req_puts(r, "</ul></nav>"
              "<button type=\"button\" class=\"textsize\" data-textsize "
              "aria-pressed=\"false\">大字号</button>"
              "</div></header>\n<main id=\"main\" class=\"wrap\" tabindex=\"-1\">\n");
}

void page_end(Req *r) {
  req_puts(r, "\n</main>\n<footer class=\"site\"><div class=\"wrap\">"
              "<p>本站依据《中华人民共和国政府信息公开条例》公开政府信息。"
              "</p></div></footer>\n</body>\n</html>\n");
}

static const char *status_title(int status) {
  switch (status) {
    case 400: return "请求有误";
    case 401: return "需要登录";
    case 403: return "禁止访问";
    case 404: return "页面不存在";
    case 405: return "请求方法不允许";
    case 409: return "操作冲突";
    case 410: return "信息已撤回";
    case 413: return "内容过大";
    case 422: return "输入有误";
    case 429: return "请求过于频繁";
    default: return "服务器错误";
  }
}

void http_error(Req *r, int status, const char *zMsg) {
  buf_reset(&r->out);
  r->bNoCache = 1;
  if (status >= 500) req_log_error(r, zMsg);
  if (r->bApi) {
    api_error(r, status, NULL, zMsg);
    return;
  }
  r->status = status;
  page_begin(r, status_title(status));
  req_printf(r, "<h1>%d %h</h1>\n<p class=\"notice error\">%h</p>\n"
                "<p><a href=\"/\">返回首页</a></p>\n",
             status, status_title(status), zMsg);
  page_end(r);
  r->status = status;
}

void page_csrf_field(Req *r) {
  req_printf(r, "<input type=\"hidden\" name=\"_csrf\" value=\"%h\">", req_csrf(r));
}

void page_notice(Req *r, const char *zKind, const char *zMsg) {
  req_printf(r, "<p class=\"notice %h\" role=\"%s\">%h</p>\n", zKind,
             !strcmp(zKind, "error") ? "alert" : "status", zMsg);
}

void page_input(Req *r, const char *zName, const char *zLabel,
                const char *zValue, const char *zAttrs_html) {
  req_printf(r,
             "<p class=\"field\"><label for=\"f-%h\">%h</label>"
             "<input id=\"f-%h\" name=\"%h\" value=\"%h\" %s></p>\n",
             zName, zLabel, zName, zName, zValue ? zValue : "",
             zAttrs_html ? zAttrs_html : "");
}
