/*
** page_admin.c — administration of organisations, departments and users.
** An administrator manages their own organisation and the subtree below
** it; every record touched is scope-checked with req_can().
*/
#include <string.h>

#include "core/perm.h"
#include "lib/crypto.h"
#include "core/org_kind.h"
#include "web/feedback.h"
#include "web/pages.h"

/* The organisations an administrator may manage (own org and below). */
static int scope_tree(Req *r, Org **paOrg, int *pn) {
  return store_org_tree(r->store, &r->arena, r->user->orgId, paOrg, pn);
}

static void admin_move_form(Req *r, const Org *o, Org *aScope, int nScope);
static void admin_children_list(Req *r, const Org *o);

static void org_options(Req *r, Org *aOrg, int n, int64_t selected) {
  for (int i = 0; i < n; i++) {
    req_printf(r, "<option value=\"%lld\"%s>", (long long)aOrg[i].id,
               aOrg[i].id == selected ? " selected" : "");
    for (int d = 0; d < aOrg[i].depth; d++) req_puts(r, "　");
    req_printf(r, "%h</option>", aOrg[i].zName);
  }
}

/* Above this many units, /admin/orgs lists only the top two levels of
** the administrator's tree (a province holds thousands) and offers the
** search; each unit's page lists the units below it. */
#define ADMIN_ORG_LIST_MAX 100

/* 1 when row i of the list is shown: it matches zQ (name, short name or
** slug contains it) or, without zQ, the tree is small or it is in the top
** two levels. */
static int admin_org_shown(const Org *o, const char *zQ, int n) {
  if (zQ[0])
    return strstr(o->zName, zQ) || strstr(o->zShortName, zQ) || strstr(o->zSlug, zQ);
  return n <= ADMIN_ORG_LIST_MAX || o->depth <= 1;
}

/* GET /admin/orgs[?q=]: the administrator's tree (one query), or the units
** whose name contains q. */
int page_admin_orgs(Req *r) {
  Org *aOrg;
  int n;
  const char *zQ = req_param_or(r, "q", "");
  r->bNoCache = 1;
  if (scope_tree(r, &aOrg, &n) != STORE_OK) {
    http_store_error(r, store_errcode(r->store));
    return 0;
  }
  page_begin(r, "单位管理");
  req_printf(r, "<h1>单位管理</h1>\n<p><a class=\"button\" href=\"/admin/orgs/new\">新增下级单位</a></p>\n"
                "<form method=\"get\" class=\"form inline-form\"><p class=\"field\">"
                "<label for=\"f-q\">查找单位</label><input id=\"f-q\" name=\"q\" type=\"search\" value=\"%h\">"
                "</p><p><button type=\"submit\">查找</button></p></form>\n", zQ);
  if (!zQ[0] && n > ADMIN_ORG_LIST_MAX)
    req_printf(r, "<p class=\"hint\">本单位及下级单位共 %d 个，以下列出前两级；"
                  "其余单位可查找，或在上级单位的页面中打开。</p>\n", n);
  req_puts(r, "<table class=\"grid cards\"><caption>本单位及下级单位</caption><thead><tr>"
              "<th scope=\"col\">单位名称</th><th scope=\"col\">简称</th>"
              "<th scope=\"col\">统一社会信用代码</th><th scope=\"col\">网址标识</th>"
              "<th scope=\"col\">联系电话</th></tr></thead><tbody>\n");
  int nShown = 0;
  for (int i = 0; i < n; i++) {
    if (!admin_org_shown(&aOrg[i], zQ, n)) continue;
    nShown++;
    req_printf(r, "<tr><td class=\"depth-%d\"><a href=\"/admin/orgs/%lld\">%h</a></td>"
                  "<td>%h</td><td>%h</td><td translate=\"no\">%h</td><td>%h</td></tr>\n",
               zQ[0] ? 0 : aOrg[i].depth > 4 ? 4 : aOrg[i].depth, (long long)aOrg[i].id,
               aOrg[i].zName, aOrg[i].zShortName, aOrg[i].zUscc, aOrg[i].zSlug,
               aOrg[i].zPhone);
  }
  if (!nShown) req_puts(r, "<tr><td colspan=\"5\">没有名称包含该内容的单位</td></tr>\n");
  req_puts(r, "</tbody></table>\n");
  page_end(r);
  return 0;
}

/* Reads the org form fields into o (strings point into the request). */
static void org_from_form(Req *r, Org *o) {
  o->zName = req_param_or(r, "name", "");
  o->zShortName = req_param_or(r, "short_name", "");
  o->zSlug = req_param_or(r, "slug", "");
  o->zUscc = req_param_or(r, "uscc", "");
  o->zOrgCode = req_param_or(r, "org_code", "");
  o->zAddress = req_param_or(r, "address", "");
  o->zPostcode = req_param_or(r, "postcode", "");
  o->zPhone = req_param_or(r, "phone", "");
  o->zFax = req_param_or(r, "fax", "");
  o->zEmail = req_param_or(r, "email", "");
  o->zOfficeHours = req_param_or(r, "office_hours", "");
  o->zIndexTemplate = req_param_or(r, "index_template", "");
  o->zKind = req_param_or(r, "kind", "");
}

/* The kind select (core/org_kind.h): what the unit is decides whether it
** takes applications, has its own annual report and its deadline. */
static void kind_select(Req *r, const char *zSel) {
  const OrgKind *cur = org_kind(zSel);
  req_puts(r, "<p class=\"field\"><label for=\"f-kind\">单位性质</label>"
              "<select id=\"f-kind\" name=\"kind\">");
  for (int i = 0; aOrgKind[i].zId; i++)
    req_printf(r, "<option value=\"%h\"%s>%h（%h）</option>", aOrgKind[i].zId,
               &aOrgKind[i] == cur ? " selected" : "", aOrgKind[i].zLabel,
               aOrgKind[i].zBasis);
  req_puts(r, "</select></p>\n");
}

int page_admin_org_edit(Req *r) {
  int64_t id = req_arg_id(r, 0);
  Org o;
  const char *zErr = NULL;
  memset(&o, 0, sizeof o);
  r->bNoCache = 1;
  if (r->nArg && !id) {
    http_error(r, 404, "单位不存在");
    return 0;
  }
  if (id) {
    if (store_org_get(r->store, &r->arena, id, &o) != STORE_OK) {
      http_error(r, 404, "单位不存在");
      return 0;
    }
    if (!req_can(r, PERM_ADMIN, id)) {
      http_error(r, 403, "您只能管理本单位及下级单位");
      return 0;
    }
  }
  Org *aScope;
  int nScope;
  if (scope_tree(r, &aScope, &nScope) != STORE_OK) {
    http_store_error(r, store_errcode(r->store));
    return 0;
  }
  /* A new unit's parent preselected from the page it was added from. */
  if (!id && r->method != HTTP_POST &&
      req_param_int(r, "parent", 1, INT64_MAX, &o.parentId) != 1)
    o.parentId = 0;
  if (r->method == HTTP_POST) {
    int64_t parent = 0;
    org_from_form(r, &o);
    if (!id) {
      if (req_param_int(r, "parent_id", 1, INT64_MAX, &parent) != 1 ||
          !req_can(r, PERM_ADMIN, parent)) {
        zErr = "请选择您有权管理的上级单位";
      }
      o.parentId = parent;
    }
    if (!zErr && o.zKind[0] && !org_kind_valid(o.zKind)) zErr = "请选择单位性质";
    if (!zErr) zErr = org_validate(&o);
    if (!zErr) {
      int rc = id ? store_org_update(r->store, &o) : store_org_add(r->store, &o);
      if (rc == STORE_OK) {
        store_audit(r->store, r->user->id, o.id, id ? "org.update" : "org.add", o.zName);
        page_feedback(r, id ? FB_ORG_UPDATE : FB_ORG_ADD, o.zName, NULL, NULL);
        req_redirect(r, req_fmt(r, "/admin/orgs/%lld", (long long)o.id));
        return 0;
      }
      zErr = store_errmsg(r->store);
    }
  }
  page_begin(r, id ? "编辑单位" : "新增单位");
  req_printf(r, "<h1>%h</h1>\n", id ? o.zName : "新增单位");
  if (zErr) page_notice(r, "error", zErr);
  req_puts(r, "<form method=\"post\" class=\"form\">\n");
  page_csrf_field(r);
  if (!id) {
    req_puts(r, "<p class=\"field\"><label for=\"f-parent\">上级单位</label>");
    page_org_select_open(r, "f-parent", "parent_id", nScope);
    req_puts(r, " required>");
    org_options(r, aScope, nScope, o.parentId);
    req_puts(r, "</select></p>\n");
  }
  page_input(r, "name", "单位名称", o.zName, "required maxlength=\"200\"");
  page_input(r, "short_name", "简称", o.zShortName, "");
  page_input(r, "slug", "网址标识（小写字母、数字、连字符）", o.zSlug,
             "required pattern=\"[a-z0-9][a-z0-9-]{0,39}\"");
  page_input(r, "uscc", "统一社会信用代码", o.zUscc, "maxlength=\"18\"");
  page_input(r, "org_code", "组织机构代码（用于索引号）", o.zOrgCode, "maxlength=\"10\"");
  page_input(r, "address", "地址", o.zAddress, "");
  page_input(r, "postcode", "邮政编码", o.zPostcode, "inputmode=\"numeric\" maxlength=\"6\"");
  page_input(r, "phone", "联系电话", o.zPhone, "");
  page_input(r, "fax", "传真", o.zFax, "");
  page_input(r, "email", "电子邮箱", o.zEmail, "type=\"email\"");
  page_input(r, "office_hours", "办公时间", o.zOfficeHours, "");
  page_input(r, "index_template", "索引号模板", o.zIndexTemplate, "");
  kind_select(r, o.zKind);
  req_puts(r, "<p><button type=\"submit\">保存</button></p>\n</form>\n");
  if (id) {
    Dept *aDept;
    int nDept;
    if (store_dept_list(r->store, &r->arena, id, &aDept, &nDept) == STORE_OK) {
      req_puts(r, "<h2>科室</h2>\n<ul>");
      for (int i = 0; i < nDept; i++) req_printf(r, "<li>%h</li>", aDept[i].zName);
      if (!nDept) req_puts(r, "<li>暂无科室</li>");
      req_printf(r, "</ul>\n<form method=\"post\" action=\"/admin/orgs/%lld/depts\" class=\"form inline-form\">",
                 (long long)id);
      page_csrf_field(r);
      page_input(r, "dept_name", "新增科室", "", "required");
      req_puts(r, "<p><button type=\"submit\">添加</button></p></form>\n");
    }
    admin_review_organ_form(r, id);
    admin_notice_form(r, id);
    admin_move_form(r, &o, aScope, nScope);
    admin_children_list(r, &o);
  }
  page_end(r);
  if (zErr) r->status = 422;
  return 0;
}

/* The form that puts o under another unit of the administrator's tree
** (aScope, pre-order): offered for a unit below the administrator's own,
** listing every unit of the tree but o and the units below it. */
static void admin_move_form(Req *r, const Org *o, Org *aScope, int nScope) {
  if (o->id == r->user->orgId || !o->parentId) return;
  int iSelf = 0;
  while (iSelf < nScope && aScope[iSelf].id != o->id) iSelf++;
  int iEnd = iSelf + 1; /* one past o's subtree */
  while (iEnd < nScope && aScope[iEnd].depth > aScope[iSelf].depth) iEnd++;
  req_printf(r, "<h2>调整上级单位</h2>\n<form method=\"post\" action=\"/admin/orgs/%lld/move\""
                " class=\"form\"><p>机构改革中划转到其他单位的，在此调整上级单位。本单位的下级单位、"
                "用户、文件（含索引号）和申请随之调整；上级单位的统计和年度报告汇总此后计入新的上级单位。</p>\n",
             (long long)o->id);
  page_csrf_field(r);
  req_puts(r, "<p class=\"field\"><label for=\"f-new-parent\">新的上级单位</label>");
  page_org_select_open(r, "f-new-parent", "parent_id", nScope - (iEnd - iSelf));
  req_puts(r, " required>");
  for (int i = 0; i < nScope; i++)
    if (i < iSelf || i >= iEnd) {
      req_printf(r, "<option value=\"%lld\"%s>", (long long)aScope[i].id,
                 aScope[i].id == o->parentId ? " selected" : "");
      for (int d = 0; d < aScope[i].depth; d++) req_puts(r, "　");
      req_printf(r, "%h</option>", aScope[i].zName);
    }
  req_puts(r, "</select></p>\n<p><button type=\"submit\">调整</button></p></form>\n");
}

/* The units directly below o, each opening its own page, and the link
** that adds one (the way down a province's tree level by level). */
static void admin_children_list(Req *r, const Org *o) {
  Org *aSub;
  int nSub;
  if (store_org_children(r->store, &r->arena, o->id, &aSub, &nSub) != STORE_OK) return;
  req_printf(r, "<h2>下级单位</h2>\n<p><a href=\"/admin/orgs/new?parent=%lld\">新增下级单位</a></p>\n<ul>",
             (long long)o->id);
  for (int i = 0; i < nSub; i++)
    req_printf(r, "<li><a href=\"/admin/orgs/%lld\">%h</a></li>", (long long)aSub[i].id,
               aSub[i].zName);
  if (!nSub) req_puts(r, "<li>暂无下级单位</li>");
  req_puts(r, "</ul>\n");
}

/* POST /admin/orgs/{id}/move: parent_id, a unit the administrator manages;
** 403 for a unit or parent outside their tree, 422 for no parent, a parent
** below the unit, or the administrator's own unit or a root (moved by the
** administrator above). */
int page_admin_org_move(Req *r) {
  Org o;
  if (admin_org_arg(r, &o)) return 0;
  int64_t parent = 0;
  if (o.id == r->user->orgId || !o.parentId) {
    http_error(r, 422, "不能调整本单位的上级单位，请由上级单位的管理员调整");
    return 0;
  }
  if (req_param_int(r, "parent_id", 1, INT64_MAX, &parent) != 1) {
    http_error(r, 422, "请选择新的上级单位");
    return 0;
  }
  if (!req_can(r, PERM_ADMIN, parent)) {
    http_error(r, 403, "请选择您有权管理的上级单位");
    return 0;
  }
  if (store_org_move(r->store, o.id, parent) != STORE_OK) {
    http_store_error(r, store_errcode(r->store));  /* 422, 404, 503 busy … */
    return 0;
  }
  Org p;
  const char *zParent = store_org_get(r->store, &r->arena, parent, &p) == STORE_OK ? p.zName : "";
  store_audit(r->store, r->user->id, o.id, "org.move", zParent);
  page_feedback(r, FB_ORG_MOVE, o.zName, req_fmt(r, "新的上级单位：%s", zParent), NULL);
  req_redirect(r, req_fmt(r, "/admin/orgs/%lld", (long long)o.id));
  return 0;
}

int admin_org_arg(Req *r, Org *o) {
  int64_t id = req_arg_id(r, 0);
  if (!id || store_org_get(r->store, &r->arena, id, o) != STORE_OK) {
    http_error(r, 404, "单位不存在");
    return -1;
  }
  if (!req_can(r, PERM_ADMIN, id)) {
    http_error(r, 403, "您只能管理本单位及下级单位");
    return -1;
  }
  return 0;
}

int page_admin_dept_add(Req *r) {
  Org o;
  if (admin_org_arg(r, &o)) return 0;
  int64_t id = o.id;
  const char *zName = req_param_or(r, "dept_name", "");
  if (store_dept_add(r->store, id, zName, NULL) != STORE_OK) {
    http_store_error(r, store_errcode(r->store));
    return 0;
  }
  store_audit(r->store, r->user->id, id, "dept.add", zName);
  page_feedback(r, FB_DEPT_ADD, zName, req_fmt(r, "所属单位：%s", o.zName), NULL);
  req_redirect(r, req_fmt(r, "/admin/orgs/%lld", (long long)id));
  return 0;
}

static void role_list(Req *r, unsigned roles) {
  int first = 1;
  for (unsigned b = 1; b <= ROLE_OFFICE_HEAD; b <<= 1) {
    if (!(roles & b)) continue;
    req_printf(r, "%s%h", first ? "" : "、", perm_role_label(b));
    first = 0;
  }
}

int page_admin_users(Req *r) {
  User *aUser;
  int n;
  r->bNoCache = 1;
  if (store_user_list(r->store, &r->arena, r->user->orgId, 1, &aUser, &n) != STORE_OK) {
    http_store_error(r, store_errcode(r->store));
    return 0;
  }
  page_begin(r, "用户管理");
  req_puts(r, "<h1>用户管理</h1>\n<p><a class=\"button\" href=\"/admin/users/new\">新增用户</a></p>\n"
              "<table class=\"grid cards\"><caption>本单位及下级单位的用户</caption><thead><tr>"
              "<th scope=\"col\">姓名</th><th scope=\"col\">登录名</th><th scope=\"col\">单位</th>"
              "<th scope=\"col\">科室</th><th scope=\"col\">角色</th><th scope=\"col\">状态</th>"
              "</tr></thead><tbody>\n");
  for (int i = 0; i < n; i++) {
    /* A login name is what its owner types: shown as such (code.login). */
    req_printf(r, "<tr><td><a href=\"/admin/users/%lld\">%h</a></td><td><code class=\"login\">%h</code>"
                  "</td><td>%h</td><td>%h</td><td>",
               (long long)aUser[i].id, aUser[i].zName, aUser[i].zLogin,
               aUser[i].zOrgName, aUser[i].zDeptName);
    role_list(r, aUser[i].roles);
    req_printf(r, "</td><td>%s</td></tr>\n", aUser[i].bDisabled ? "已停用" : "正常");
  }
  req_puts(r, "</tbody></table>\n");
  page_end(r);
  return 0;
}

/* Roles from the checkbox list "role" (one value per checked role). */
static unsigned roles_from_form(Req *r) {
  unsigned m = 0;
  for (int i = 0; i < r->nParam; i++) {
    if (strcmp(r->aParam[i].zName, "role")) continue;
    long v = perm_roles_parse(r->aParam[i].zValue);
    if (v > 0) m |= (unsigned)v;
  }
  return m;
}

int page_admin_user_edit(Req *r) {
  int64_t id = req_arg_id(r, 0);
  User u;
  const char *zErr = NULL, *zNewPw = NULL;
  memset(&u, 0, sizeof u);
  r->bNoCache = 1;
  if (r->nArg && !id) {
    http_error(r, 404, "用户不存在");
    return 0;
  }
  if (id) {
    if (store_user_get(r->store, &r->arena, id, &u) != STORE_OK) {
      http_error(r, 404, "用户不存在");
      return 0;
    }
    if (!req_can(r, PERM_ADMIN, u.orgId)) {
      http_error(r, 403, "您只能管理本单位及下级单位的用户");
      return 0;
    }
  } else {
    u.orgId = r->user->orgId;
  }
  Org *aScope;
  int nScope;
  if (scope_tree(r, &aScope, &nScope) != STORE_OK) {
    http_store_error(r, store_errcode(r->store));
    return 0;
  }
  if (r->method == HTTP_POST) {
    const char *zAction = req_param_or(r, "action", "save");
    int64_t dept = 0, org = u.orgId;
    if (!id && (req_param_int(r, "org_id", 1, INT64_MAX, &org) != 1 ||
                !req_can(r, PERM_ADMIN, org)))
      zErr = "请选择您有权管理的单位";
    if (!zErr && req_param_int(r, "dept_id", 0, INT64_MAX, &dept) < 0) zErr = "科室无效";
    if (!zErr && dept) {
      Dept *aDept;
      int nDept, ok = 0;
      if (store_dept_list(r->store, &r->arena, org, &aDept, &nDept) == STORE_OK)
        for (int i = 0; i < nDept; i++) ok |= aDept[i].id == dept;
      if (!ok) zErr = "所选科室不属于该单位";
    }
    if (!zErr && !strcmp(zAction, "disable")) {
      if (id == r->user->id) zErr = "不能停用自己的账号";
      else if (store_user_set_disabled(r->store, id, !u.bDisabled) != STORE_OK ||
               (!u.bDisabled && store_session_delete_user(r->store, id) != STORE_OK))
        zErr = store_errmsg(r->store);
      else {
        store_audit(r->store, r->user->id, u.orgId, u.bDisabled ? "user.enable" : "user.disable", u.zLogin);
        page_feedback(r, u.bDisabled ? FB_USER_ENABLE : FB_USER_DISABLE, u.zName,
                      req_fmt(r, "登录名 %s", u.zLogin), NULL);
        req_redirect(r, req_fmt(r, "/admin/users/%lld", (long long)id));
        return 0;
      }
    } else if (!zErr && !strcmp(zAction, "reset")) {
      char zPw[32], zHash[CRYPTO_PWHASH_LEN];
      crypto_random_token(zPw, 12);
      if (crypto_password_hash(zPw, zHash) ||
          store_user_set_password(r->store, id, zHash) != STORE_OK) {
        zErr = "重置密码失败";
      } else {
        store_session_delete_user(r->store, id);
        store_audit(r->store, r->user->id, u.orgId, "user.reset_password", u.zLogin);
        zNewPw = req_strdup(r, zPw);
      }
    } else if (!zErr) {
      u.zName = req_param_or(r, "name", "");
      u.deptId = dept;
      u.roles = roles_from_form(r);
      if (!u.zName[0]) zErr = "姓名不能为空";
      if (!zErr && id == r->user->id && !(u.roles & ROLE_ADMIN))
        zErr = "不能取消自己的系统管理员角色";
      if (!zErr && !id) {
        u.zLogin = req_param_or(r, "login", "");
        u.orgId = org;
        zErr = user_login_check(u.zLogin);
        const char *zPw = req_param_or(r, "password", "");
        if (!zErr) zErr = user_password_check(zPw);
        char zHash[CRYPTO_PWHASH_LEN];
        if (!zErr && crypto_password_hash(zPw, zHash)) zErr = "密码处理失败";
        if (!zErr) {
          u.zPwHash = zHash;
          if (store_user_add(r->store, &u) != STORE_OK) zErr = store_errmsg(r->store);
        }
      } else if (!zErr) {
        if (store_user_update(r->store, &u) != STORE_OK) zErr = store_errmsg(r->store);
      }
      if (!zErr) {
        store_audit(r->store, r->user->id, u.orgId, id ? "user.update" : "user.add", u.zLogin);
        page_feedback(r, id ? FB_USER_UPDATE : FB_USER_ADD, u.zName,
                      req_fmt(r, "登录名 %s", u.zLogin), NULL);
        req_redirect(r, req_fmt(r, "/admin/users/%lld", (long long)u.id));
        return 0;
      }
    }
  }
  page_begin(r, id ? "编辑用户" : "新增用户");
  if (id)
    req_printf(r, "<h1>%h <small>登录名 <code class=\"login\">%h</code></small></h1>\n", u.zName,
               u.zLogin);
  else
    req_puts(r, "<h1>新增用户</h1>\n");
  if (zErr) page_notice(r, "error", zErr);
  if (zNewPw)
    req_printf(r, "<p class=\"notice ok\" role=\"status\">新密码（只显示一次）：<code>%h</code></p>\n", zNewPw);
  req_puts(r, "<form method=\"post\" class=\"form\">\n");
  page_csrf_field(r);
  if (!id) {
    page_input(r, "login", "登录名", req_param_or(r, "login", ""), "required autocapitalize=\"none\"");
    req_puts(r, "<p class=\"field\"><label for=\"f-password\">初始密码（至少10个字符）</label>"
                "<input id=\"f-password\" name=\"password\" type=\"password\" required "
                "autocomplete=\"new-password\"></p>\n"
                "<p class=\"field\"><label for=\"f-org\">所属单位</label>");
    page_org_select_open(r, "f-org", "org_id", nScope);
    req_puts(r, ">");
    org_options(r, aScope, nScope, u.orgId);
    req_puts(r, "</select></p>\n");
  } else {
    req_printf(r, "<p>所属单位：%h</p>\n", u.zOrgName);
  }
  page_input(r, "name", "姓名", u.zName, "required");
  Dept *aDept;
  int nDept;
  if (store_dept_list(r->store, &r->arena, u.orgId, &aDept, &nDept) == STORE_OK) {
    req_puts(r, "<p class=\"field\"><label for=\"f-dept\">科室</label><select id=\"f-dept\" name=\"dept_id\">"
                "<option value=\"0\">（无）</option>");
    for (int i = 0; i < nDept; i++)
      req_printf(r, "<option value=\"%lld\"%s>%h</option>", (long long)aDept[i].id,
                 aDept[i].id == u.deptId ? " selected" : "", aDept[i].zName);
    req_puts(r, "</select></p>\n");
  }
  req_puts(r, "<fieldset><legend>角色</legend>\n");
  for (unsigned b = 1; b <= ROLE_OFFICE_HEAD; b <<= 1) {
    req_printf(r, "<label class=\"check\"><input type=\"checkbox\" name=\"role\" value=\"%h\"%s> %h</label>\n",
               perm_role_name(b), (u.roles & b) ? " checked" : "", perm_role_label(b));
  }
  req_puts(r, "</fieldset>\n<p><button type=\"submit\" name=\"action\" value=\"save\">保存</button></p>\n</form>\n");
  if (id) {
    req_puts(r, "<form method=\"post\" class=\"form inline-form\">");
    page_csrf_field(r);
    req_printf(r, "<p><button type=\"submit\" name=\"action\" value=\"reset\">重置密码</button> "
                  "<button type=\"submit\" name=\"action\" value=\"disable\">%s</button></p></form>\n",
               u.bDisabled ? "启用账号" : "停用账号");
  }
  page_end(r);
  if (zErr) r->status = 422;
  return 0;
}
