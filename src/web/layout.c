/*
** layout.c — the page chrome every HTML page shares (head with the one set
** of stylesheets, the site header, an organisation's 政府信息公开专栏
** navigation on its public pages, the footer with its contact details),
** error pages and small form helpers.  No inline script or style: the CSP
** allows only /static/ files.  The larger-text setting (适老化) is a cookie
** set by a plain link (/textsize), so it works without JavaScript.
*/
#include <string.h>

#include "api/api.h"
#include "web/pages.h"
#include "web/portal.h"
#include "web/staff_menu.h"

#define TEXTSIZE_COOKIE "gk_text"

const OrgSection aOrgSection[] = {
  {"", "首页", "本单位最新公开的政府信息"},
  {"/guide", "政府信息公开指南", "公开范围、方式、申请程序和监督救济"},
  {"/rules", "政府信息公开制度", "公开工作所依据的法规和本单位制度"},
  {"/art20", "法定主动公开内容", "《条例》第二十条所列事项及其文件"},
  {"/interpretations", "政策解读", "政策文件的解读和所解读的文件"},
  {"/catalogue", "政府信息公开目录", "主动公开基本目录的全部事项"},
  {"/reports", "政府信息公开年报", "历年政府信息公开工作年度报告"},
  {"/apply", "依申请公开", "在线提交申请、查询办理进度"},
  {"/interact", "互动交流", "网民留言和建议提案办理结果"},
  {NULL, NULL, NULL}};

/* Pages that belong to a section without sharing its path prefix. */
static const struct { const char *zPrefix, *zSection; } aSectionAlias[] = {
  {"/items", "/catalogue"}, {"/d/", "/art20"}, {"/docs", "/art20"},
  {"/year", "/art20"}, {"/messages", "/interact"}, {"/proposals", "/interact"},
  {NULL, NULL}};

void page_set_org(Req *r, const Org *o) {
  Org *p = arena_alloc(&r->arena, sizeof *p);
  *p = *o;
  r->pOrg = p;
}

/* 1 when the page shows the organisation's section navigation. */
static int org_page(Req *r) {
  return r->pOrg && r->zPath && !strncmp(r->zPath, "/o/", 3);
}

/* The section (aOrgSection path) the current page belongs to. */
static const char *current_section(Req *r) {
  const char *z = r->zPath + 3 + strlen(r->pOrg->zSlug);
  if (!*z || !strcmp(z, "/")) return "";
  for (int i = 0; aSectionAlias[i].zPrefix; i++)
    if (!strncmp(z, aSectionAlias[i].zPrefix, strlen(aSectionAlias[i].zPrefix)))
      return aSectionAlias[i].zSection;
  for (int i = 1; aOrgSection[i].zPath; i++) {
    size_t n = strlen(aOrgSection[i].zPath);
    if (!strncmp(z, aOrgSection[i].zPath, n) && (z[n] == 0 || z[n] == '/'))
      return aOrgSection[i].zPath;
  }
  return NULL;
}

static void org_band(Req *r) {
  const Org *o = r->pOrg;
  const char *zCur = current_section(r);
  req_printf(r, "<div class=\"orgband\" role=\"region\" aria-label=\"本单位政府信息公开专栏\">"
                "<div class=\"wrap\">"
                "<p class=\"org-name\"><a href=\"/o/%u\">%h</a>"
                "<span class=\"org-sub\">政府信息公开专栏</span></p>\n"
                "<nav class=\"sections\" aria-label=\"政府信息公开专栏\"><ul>",
             o->zSlug, o->zName);
  for (int i = 0; aOrgSection[i].zPath; i++)
    req_printf(r, "<li><a href=\"/o/%u%h\"%s>%h</a></li>", o->zSlug,
               aOrgSection[i].zPath,
               zCur && !strcmp(zCur, aOrgSection[i].zPath) ? " aria-current=\"page\"" : "",
               aOrgSection[i].zLabel);
  req_puts(r, "</ul></nav></div></div>\n");
}

void page_begin(Req *r, const char *zTitle) { page_begin_feed(r, zTitle, NULL); }

void page_begin_feed(Req *r, const char *zTitle, const char *zFeed) {
  const char *zSize = req_cookie(r, TEXTSIZE_COOKIE);
  int bLarge = zSize && !strcmp(zSize, "large");
  int bStaff = r->user && staff_menu_applies(r->zPath);
  r->zType = "text/html; charset=utf-8";
  const char *zSite = r->store ? store_setting_text(r->store, &r->arena, SET_SITE_NAME)
                               : aSettingDef[SET_SITE_NAME].zDefault;
  req_printf(r,
             "<!DOCTYPE html>\n<html lang=\"zh-CN\"%s>\n<head>\n"
             "<meta charset=\"utf-8\">\n"
             "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
             "<title>%h%s%h - %h</title>\n"
             "<link rel=\"stylesheet\" href=\"/static/site.css\">\n"
             "<link rel=\"stylesheet\" href=\"/static/portal.css\">\n"
             "<link rel=\"stylesheet\" href=\"/static/documents.css\">\n"
             "<link rel=\"icon\" href=\"/static/icon.svg\" type=\"image/svg+xml\">\n"
             "<script src=\"/static/site.js\" defer></script>\n",
             bLarge ? " class=\"large-text\"" : "", zTitle,
             org_page(r) && strcmp(zTitle, r->pOrg->zName) ? " - " : "",
             org_page(r) && strcmp(zTitle, r->pOrg->zName) ? r->pOrg->zName : "", zSite);
  /* Staff pages: the staff menu's and forms' styles, search-as-you-type. */
  if (bStaff)
    req_puts(r, "<link rel=\"stylesheet\" href=\"/static/staff.css\">\n"
                "<script src=\"/static/staff.js\" defer></script>\n");
  if (zFeed)
    req_printf(r, "<link rel=\"alternate\" type=\"application/atom+xml\" href=\"%h\" "
                  "title=\"%h\">\n", zFeed, zTitle);
  req_puts(r, "</head>\n<body>\n"
              "<a class=\"skip\" href=\"#main\">跳到正文</a>\n"
              "<header class=\"site\"><div class=\"wrap\">"
              "<a class=\"brand\" href=\"/\"><img src=\"/static/icon.svg\" alt=\"\" "
              "width=\"28\" height=\"28\">");
  req_printf(r, "%h</a>\n<nav class=\"top\" aria-label=\"主导航\"><ul>", zSite);
  req_puts(r, "<li><a href=\"/\">首页</a></li>"
              "<li><a href=\"/search\">检索</a></li>");
  if (r->user) {
    /* On staff pages the staff menu below the header has 工作台 and 管理. */
    if (!bStaff) req_puts(r, "<li><a href=\"/staff\">工作台</a></li>");
    req_printf(r,
               "<li><form method=\"post\" action=\"/logout\" class=\"inline\">"
               "<input type=\"hidden\" name=\"_csrf\" value=\"%h\">"
               "<button type=\"submit\" class=\"link\">退出（%h）</button>"
               "</form></li>",
               req_csrf(r), r->user->zName);
  } else {
    req_puts(r, "<li><a href=\"/login\">工作人员登录</a></li>");
  }
  /* The same link on every page (pages stay identical and cacheable):
  ** /textsize returns to the page named by the Referer. */
  req_printf(r, "<li><a class=\"textsize\" data-textsize href=\"/textsize?size=%s\">"
                "%s</a></li></ul></nav></div></header>\n",
             bLarge ? "normal" : "large", bLarge ? "标准字号" : "大字号");
  if (bStaff) staff_menu(r);
  if (org_page(r)) org_band(r);
  req_puts(r, "<main id=\"main\" class=\"wrap\" tabindex=\"-1\">\n");
  /* What the previous POST did and what comes next (req_flash). */
  const char *zFlash = req_flash_take(r);
  if (zFlash)
    req_printf(r, "<p class=\"notice ok flash\" role=\"status\" id=\"flash\">%h</p>\n", zFlash);
}

/* The organisation's contact details in the footer of its pages. */
static void org_footer(Req *r) {
  const Org *o = r->pOrg;
  req_printf(r, "<div class=\"footer-org\"><p class=\"footer-name\">%h</p><ul>", o->zName);
  if (o->zAddress[0]) req_printf(r, "<li>地址：%h", o->zAddress);
  if (o->zAddress[0] && o->zPostcode[0]) req_printf(r, "（邮编 %h）", o->zPostcode);
  if (o->zAddress[0]) req_puts(r, "</li>");
  if (o->zPhone[0]) req_printf(r, "<li>电话：%h</li>", o->zPhone);
  if (o->zFax[0]) req_printf(r, "<li>传真：%h</li>", o->zFax);
  if (o->zEmail[0]) req_printf(r, "<li>电子邮箱：%h</li>", o->zEmail);
  if (o->zOfficeHours[0]) req_printf(r, "<li>办公时间：%h</li>", o->zOfficeHours);
  req_printf(r, "</ul><p><a href=\"/o/%u/guide\">政府信息公开指南</a> · "
                "<a href=\"/o/%u/apply\">依申请公开</a> · <a href=\"/track\">办理进度查询</a>"
                "</p></div>", o->zSlug, o->zSlug);
}

/* Whether the page written so far has id="zId". */
static int page_has_id(Req *r, const char *zId) {
  if (!r->out.z) return 0;
  const char *zAttr = req_fmt(r, "id=\"%s\"", zId);
  return memmem(r->out.z, r->out.n, zAttr, strlen(zAttr)) != NULL;
}

/* A page showing a refused form (an error notice, id="page-error") says so
** in its title, the first thing a screen reader reads of a new page. */
static void title_error(Req *r) {
  if (!page_has_id(r, "page-error")) return;
  const char *z = buf_str(&r->out);
  const char *p = strstr(z, "<title>");
  if (!p) return;
  size_t n = (size_t)(p - z) + strlen("<title>");
  Buf out = BUF_INIT;
  buf_append(&out, z, n);
  buf_puts(&out, "错误：");
  buf_append(&out, z + n, r->out.n - n);
  buf_free(&r->out);
  r->out = out;
}

void page_end(Req *r) {
  req_puts(r, "\n</main>\n<footer class=\"site\"><div class=\"wrap\">");
  if (org_page(r)) org_footer(r);
  req_printf(r, "<p class=\"footer-law\">本站依据《中华人民共和国政府信息公开条例》公开政府信息。"
                "</p><p class=\"footer-links\"><a href=\"%h\">开放数据</a></p>"
                "</div></footer>\n</body>\n</html>\n", portal_live_path(r, "/data"));
  title_error(r);
  page_label_cards(&r->out);
}

static const char *status_title(int status) {
  switch (status) {
    case 400: return "请求有误";
    case 401: return "需要登录";
    case 403: return "禁止访问";
    case 404: return "页面不存在";
    case 405: return "请求方法不允许";
    case 409: return "操作未能完成";
    case 410: return "信息已撤回";
    case 413: return "内容过大";
    case 422: return "输入有误";
    case 429: return "请求过于频繁";
    case 431: return "请求过大";
    case 505: return "协议版本不受支持";
    default: return "服务器错误";
  }
}

const char *page_referer_path(Req *r) {
  if (!r->zReferer || !r->zHost) return NULL;
  const char *z = r->zReferer;
  z += !strncmp(z, "http://", 7) ? 7 : !strncmp(z, "https://", 8) ? 8 : 0;
  size_t n = strlen(r->zHost);
  if (z == r->zReferer || strncmp(z, r->zHost, n) || z[n] != '/') return NULL;
  z += n;
  if (z[1] == '/' || z[1] == '\\' || strpbrk(z, "\r\n")) return NULL;
  return z;
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
  req_printf(r, "<h1>%h</h1>\n<p class=\"notice error\" role=\"alert\">%h</p>\n",
             status_title(status), zMsg);
  const char *zBack = r->method == HTTP_POST ? page_referer_path(r) : NULL;
  if (zBack && status != 403)
    req_printf(r, "<p>您填写的内容没有保存。请<a href=\"%h\">返回上一页</a>修改后重试"
                  "（用浏览器的“后退”按钮返回，已填写的内容仍在）。</p>\n", zBack);
  req_printf(r, "<p><a href=\"%h\">检索政府信息</a> · <a href=\"/\">返回首页</a></p>\n",
             portal_search_action(r));
  page_end(r);
  r->status = status;
}

int http_store_status(int rc) {
  switch (rc) {
    case STORE_OK: return 200;
    case STORE_NOTFOUND: return 404;
    case STORE_CONFLICT: return 409;
    case STORE_INVALID: return 422;
    case STORE_BUSY: return 503;
    default: return 500;
  }
}

void http_store_error(Req *r, int rc) {
  const char *zMsg = store_errmsg(r->store);
  if (rc == STORE_BUSY) req_header(r, "Retry-After", "2");
  http_error(r, http_store_status(rc), zMsg[0] ? zMsg : "服务器内部错误，请稍后重试");
}

void page_csrf_field(Req *r) {
  req_printf(r, "<input type=\"hidden\" name=\"_csrf\" value=\"%h\">"
                "<input type=\"hidden\" name=\"_once\" value=\"%h\">",
             req_csrf(r), req_form_token(r));
}

/* The page's first error notice is id="page-error": page_input ties the
** field that takes the cursor to it (a screen reader, jumping there,
** would otherwise skip the message above the form). */
void page_notice(Req *r, const char *zKind, const char *zMsg) {
  int bErr = !strcmp(zKind, "error");
  req_printf(r, "<p class=\"notice %h\" role=\"%s\"%s>%h</p>\n", zKind,
             bErr ? "alert" : "status",
             bErr && !page_has_id(r, "page-error") ? " id=\"page-error\"" : "", zMsg);
}

void page_org_select_open(Req *r, const char *zId, const char *zName, int nOption) {
  req_printf(r, "<select id=\"%h\" name=\"%h\"", zId, zName);
  if (nOption > PAGE_SELECT_FILTER_MIN) req_puts(r, " data-filter");
}

void page_field_error(Req *r, const char *zField, const char *zMsg) {
  r->zErrField = zField;
  r->zErrFieldMsg = zMsg;
  r->bErrFieldShown = 0;
}

void page_form_error(Req *r, const char *zMsg) {
  if (!r->zErrField) {
    page_notice(r, "error", zMsg);
    return;
  }
  req_printf(r, "<div class=\"notice error\" role=\"alert\"%s><p>提交的内容有以下问题，"
                "请修改后重新提交：</p><ul><li><a href=\"#f-%h\">%h</a></li></ul></div>\n",
             page_has_id(r, "page-error") ? "" : " id=\"page-error\"", r->zErrField, zMsg);
}

/* zId is an id this page made (page_field_id: "f-" and a field name). */
const char *page_field_error_attrs(Req *r, const char *zName, const char *zId) {
  if (!r->zErrField || r->bErrFieldShown || r->bOtherForm || r->method != HTTP_POST ||
      strcmp(r->zErrField, zName))
    return "";
  r->bErrFieldShown = 1;
  req_printf(r, "<span class=\"field-error\" id=\"e-%h\">%h</span>", zId,
             r->zErrFieldMsg ? r->zErrFieldMsg : "");
  return req_fmt(r, " aria-invalid=\"true\" aria-describedby=\"e-%s\" autofocus", zId);
}

const char *page_typed(Req *r, const char *zName, const char *zValue) {
  const char *zSent = r->method == HTTP_POST && !r->bOtherForm
                          ? req_param_body(r, zName) : NULL;
  return zSent ? zSent : zValue;
}

void page_input(Req *r, const char *zName, const char *zLabel,
                const char *zValue, const char *zAttrs_html) {
  /* A page shown again after a refused POST keeps what was typed. */
  if (!(zAttrs_html && strstr(zAttrs_html, "password")))
    zValue = page_typed(r, zName, zValue);
  const char *zId = page_field_id(r, zName);
  req_printf(r, "<p class=\"field\"><label for=\"%h\">%h</label>", zId, zLabel);
  const char *zErr_html = page_field_error_attrs(r, zName, zId);
  /* A field the cursor goes to after a refused form, without an error of
  ** its own, is described by the error notice above it (page_notice). */
  if (!zErr_html[0] && zAttrs_html && strstr(zAttrs_html, "autofocus") &&
      page_has_id(r, "page-error"))
    zErr_html = " aria-describedby=\"page-error\"";
  req_printf(r, "<input id=\"%h\" name=\"%h\" value=\"%h\" %s%s></p>\n", zId, zName,
             zValue ? zValue : "", zAttrs_html ? zAttrs_html : "", zErr_html);
}

const char *page_field_id(Req *r, const char *zName) {
  const char *zId = req_fmt(r, "f-%s", zName);
  for (int i = 2; page_has_id(r, zId); i++) zId = req_fmt(r, "f-%s-%d", zName, i);
  return zId;
}

int page_confirmed(Req *r, const char *zQuestion, const char *zButton) {
  if (!strcmp(req_param_or(r, "confirm", ""), "1")) return 1;
  r->bNoCache = 1;
  r->bFormUnused = 1;
  page_begin(r, "请确认");
  req_printf(r, "<h1>请确认</h1>\n<p class=\"notice warn\" role=\"alert\">%h</p>\n"
                "<form method=\"post\" action=\"%h\" class=\"actions\">",
             zQuestion, r->zPath);
  page_csrf_field(r);
  for (int i = 0; i < r->nParam; i++) {
    const ReqParam *p = &r->aParam[i];
    if (!p->bFromBody || p->zFilename || !strcmp(p->zName, "_csrf") ||
        !strcmp(p->zName, "_once") || !strcmp(p->zName, "confirm"))
      continue;
    req_printf(r, "<input type=\"hidden\" name=\"%h\" value=\"%h\">", p->zName, p->zValue);
  }
  req_printf(r, "<input type=\"hidden\" name=\"confirm\" value=\"1\">"
                "<button type=\"submit\" class=\"danger\">%h</button>", zButton);
  const char *zBack = page_referer_path(r);
  if (zBack) req_printf(r, "<a class=\"button secondary\" href=\"%h\">取消，返回</a>", zBack);
  req_puts(r, "</form>\n");
  page_end(r);
  return 0;
}
