/*
** page_catalogue_staff.c — staff pages for an organisation's catalogue:
** the list of each of the three lists with reorder and delete, the item
** form (add and edit), and CSV/XLSX import with its report and preview.
** Every page checks PERM_DOC_MANAGE on the organisation with req_can();
** every change runs in one transaction and is written to the audit log.
*/
#include <string.h>

#include "lib/table.h"
#include "store/store_catalogue.h"
#include "web/catalogue.h"
#include "web/feedback.h"
#include "web/pages.h"

/* Loads the organisation of path capture 0 and checks the scope; sends
** 404/403 and returns 0 on failure. */
static int scope_org(Req *r, Org *o) {
  if (!catalogue_org_arg(r, 0, o)) return 0;
  if (!req_can(r, PERM_DOC_MANAGE, o->id)) {
    http_error(r, 403, "您只能管理本单位及下级单位的公开目录");
    return 0;
  }
  return 1;
}

/* Loads item capture 1 and checks it belongs to o; 404 otherwise. */
static int load_item(Req *r, const Org *o, CatItem *p) {
  int64_t id = req_arg_id(r, 1);
  if (!id || store_cat_get(r->store, &r->arena, id, p) != STORE_OK ||
      p->orgId != o->id) {
    http_error(r, 404, "目录事项不存在");
    return 0;
  }
  return 1;
}

/* What an item is called in feedback: its content, else its headings. */
static const char *item_name(const CatItem *p) {
  return p->zContent[0] ? p->zContent : p->zLevel2[0] ? p->zLevel2 : p->zLevel1;
}

/* The feedback after item id was added, changed or moved. */
static void item_feedback(Req *r, Feedback e, int64_t id) {
  CatItem now, *p = &now;
  if (store_cat_get(r->store, &r->arena, id, p) != STORE_OK) return;
  page_feedback(r, e, item_name(p), NULL,
                req_fmt(r, "公开页面的%s第 %d 项已同步更新。", cat_list_label(p->zList),
                        p->seq));
}

/* The list named by ?list= (default proactive); NULL when invalid. */
static const char *list_param(Req *r) {
  const char *z = req_param_or(r, "list", "proactive");
  return cat_list_valid(z) ? z : NULL;
}

int page_catalogue_orgs(Req *r) {
  Org *aOrg;
  int n;
  r->bNoCache = 1;
  if (store_org_tree(r->store, &r->arena, r->user->orgId, &aOrg, &n) !=
      STORE_OK) {
    http_store_error(r, store_errcode(r->store));
    return 0;
  }
  page_begin(r, "公开目录管理");
  req_puts(r, "<h1>公开目录管理</h1>\n<table class=\"grid cards\"><caption>"
              "您可以管理的单位</caption><thead><tr><th scope=\"col\">单位</th>"
              "<th scope=\"col\">主动公开基本目录</th>"
              "<th scope=\"col\">依申请公开目录</th>"
              "<th scope=\"col\">负面清单</th></tr></thead><tbody>\n");
  for (int i = 0; i < n; i++) {
    if (!req_can_in_own_tree(r, PERM_DOC_MANAGE, &aOrg[i])) continue;
    req_printf(r, "<tr><td class=\"depth-%d\"><a href=\"/staff/catalogue/%lld\">"
                  "%h</a></td>",
               aOrg[i].depth > 4 ? 4 : aOrg[i].depth, (long long)aOrg[i].id,
               aOrg[i].zName);
    for (int k = 0; azCatList[k]; k++)
      req_printf(r, "<td>%d</td>",
                 store_cat_count(r->store, aOrg[i].id, azCatList[k]));
    req_puts(r, "</tr>\n");
  }
  req_puts(r, "</tbody></table>\n");
  page_end(r);
  return 0;
}

int page_catalogue_list(Req *r) {
  Org o;
  r->bNoCache = 1;
  if (!scope_org(r, &o)) return 0;
  const char *zList = list_param(r);
  if (!zList) {
    http_error(r, 400, "目录类型无效");
    return 0;
  }
  CatItem *a;
  int n;
  if (store_cat_list(r->store, &r->arena, o.id, zList, &a, &n) != STORE_OK) {
    http_store_error(r, store_errcode(r->store));
    return 0;
  }
  page_begin(r, "公开目录管理");
  req_printf(r, "<h1>%h：%h</h1>\n<p>", o.zName, cat_list_label(zList));
  for (int k = 0; azCatList[k]; k++)
    req_printf(r, "%s<a href=\"/staff/catalogue/%lld?list=%u\"%s>%h</a>",
               k ? " · " : "", (long long)o.id, azCatList[k],
               strcmp(azCatList[k], zList) ? "" : " aria-current=\"page\"",
               cat_list_label(azCatList[k]));
  req_puts(r, "</p>\n");
  req_printf(r, "<p><a class=\"button\" href=\"/staff/catalogue/%lld/new?list=%u\">"
                "新增事项</a> <a class=\"button\" href=\"/staff/catalogue/%lld/"
                "import?list=%u\">导入</a> 导出：<a href=\"/o/%u/catalogue/export"
                "?list=%u&amp;format=csv\">CSV</a> · <a href=\"/o/%u/catalogue/"
                "export?list=%u&amp;format=xlsx\">XLSX</a> · <a href=\"/o/%u/"
                "catalogue\">公开页面</a></p>\n",
             (long long)o.id, zList, (long long)o.id, zList, o.zSlug, zList,
             o.zSlug, zList, o.zSlug);
  req_puts(r, "<table class=\"grid cards\"><thead><tr><th scope=\"col\">序号</th>"
              "<th scope=\"col\">一级事项</th><th scope=\"col\">二级事项</th>"
              "<th scope=\"col\">公开内容（要素）</th><th scope=\"col\">公开方式</th>"
              "<th scope=\"col\">更新频率</th><th scope=\"col\">第二十条</th>"
              "<th scope=\"col\">政策解读</th><th scope=\"col\">操作</th>"
              "</tr></thead><tbody>\n");
  for (int i = 0; i < n; i++) {
    const CatItem *p = &a[i];
    req_printf(r, "<tr id=\"item-%lld\"><td>%d</td><td>%h</td><td>%h</td>"
                  "<td><a href=\"/staff/catalogue/%lld/items/%lld\">%h</a></td>"
                  "<td>%h</td><td>%h</td><td>%h</td><td>%s</td><td>",
               (long long)p->id, p->seq, p->zLevel1, p->zLevel2,
               (long long)o.id, (long long)p->id,
               p->zContent[0] ? p->zContent : "（无内容）",
               !strcmp(zList, "negative") ? cat_ground_label(p->zGround)
                                          : cat_mode_label(p->zMode),
               p->zFrequency, cat_art20_numeral(p->art20),
               p->bNeedsInterp ? "须解读" : "");
    static const struct { const char *zDir, *zLabel; } aMove[] = {
      {"up", "上移"}, {"down", "下移"}};
    for (int m = 0; m < 2; m++) {
      req_printf(r, "<form method=\"post\" class=\"inline\" action=\""
                    "/staff/catalogue/%lld/items/%lld/move\">",
                 (long long)o.id, (long long)p->id);
      page_csrf_field(r);
      req_printf(r, "<input type=\"hidden\" name=\"dir\" value=\"%h\">"
                    "<button type=\"submit\" class=\"link\">%h</button></form> ",
                 aMove[m].zDir, aMove[m].zLabel);
    }
    req_printf(r, "<form method=\"post\" class=\"inline\" action=\""
                  "/staff/catalogue/%lld/items/%lld/delete\">",
               (long long)o.id, (long long)p->id);
    page_csrf_field(r);
    req_puts(r, "<button type=\"submit\" class=\"link\">删除</button></form>"
                "</td></tr>\n");
  }
  if (n == 0) req_puts(r, "<tr><td colspan=\"9\">暂无事项</td></tr>\n");
  req_puts(r, "</tbody></table>\n");
  page_end(r);
  return 0;
}

/* Reads the item form into *p (strings in the request).  Returns NULL or
** a message for a field the form itself got wrong. */
static const char *item_from_form(Req *r, CatItem *p) {
  int64_t v;
  int rc = req_param_int(r, "seq", 1, 1000000, &v);
  if (rc < 0) return "序号必须是正整数";
  p->seq = rc == 1 ? (int)v : 0;
  p->zLevel1 = req_param_or(r, "level1", "");
  p->zLevel2 = req_param_or(r, "level2", "");
  p->zContent = req_param_or(r, "content", "");
  p->zBasis = req_param_or(r, "basis", "");
  p->zTimeLimit = req_param_or(r, "time_limit", "");
  p->zDept = req_param_or(r, "dept", "");
  p->zResponsible = req_param_or(r, "responsible", "");
  p->zPhone = req_param_or(r, "phone", "");
  p->zChannelText = req_param_or(r, "channel_text", "");
  p->zAudience = req_param_or(r, "audience", "");
  p->zMode = req_param_or(r, "mode", "");
  p->zFrequency = req_param_or(r, "frequency", "");
  p->zTier = req_param_or(r, "tier", "");
  p->zReview = req_param_or(r, "review", "");
  p->zCode = req_param_or(r, "code", "");
  p->zGround = req_param_or(r, "legal_ground", "");
  p->zNote = req_param_or(r, "note", "");
  p->bNeedsInterp = req_param(r, "requires_interpretation") != NULL;
  rc = req_param_int(r, "art20", 0, 15, &v);
  if (rc < 0) return "条例第二十条事项无效";
  p->art20 = rc == 1 ? (int)v : 0;
  p->channels = 0;
  for (int i = 0; i < r->nParam; i++) {
    if (strcmp(r->aParam[i].zName, "channel")) continue;
    unsigned bit = cat_channels_from_codes(r->aParam[i].zValue);
    if (!bit) return "公开渠道无效";
    p->channels |= bit;
  }
  return NULL;
}

/* Opens a labelled <select> in a form field (close with </select></p>). */
static void select_open(Req *r, const char *zName, const char *zLabel) {
  req_printf(r, "<p class=\"field\"><label for=\"f-%h\">%h</label>"
                "<select id=\"f-%h\" name=\"%h\">",
             zName, zLabel, zName, zName);
}

/* One <option>, selected when zValue equals zCur. */
static void option(Req *r, const char *zValue, const char *zLabel,
                   const char *zCur) {
  req_printf(r, "<option value=\"%h\"%s>%h</option>", zValue,
             strcmp(zValue, zCur) ? "" : " selected", zLabel);
}

/* A labelled <textarea> holding zValue. */
static void textarea(Req *r, const char *zName, const char *zLabel,
                     const char *zValue) {
  req_printf(r, "<p class=\"field\"><label for=\"f-%h\">%h</label>"
                "<textarea id=\"f-%h\" name=\"%h\" rows=\"3\">%h</textarea></p>\n",
             zName, zLabel, zName, zName, zValue);
}

/* The add/edit form for item p of organisation o (every field). */
static void item_form(Req *r, const Org *o, const CatItem *p) {
  req_puts(r, "<form method=\"post\" class=\"form\">\n");
  page_csrf_field(r);
  req_printf(r, "<input type=\"hidden\" name=\"list\" value=\"%h\">", p->zList);
  page_input(r, "seq", "序号（留空则排在最后）",
             p->seq ? req_fmt(r, "%d", p->seq) : "",
             "inputmode=\"numeric\" pattern=\"[0-9]*\"");
  page_input(r, "level1", "一级事项（类别）", p->zLevel1, "maxlength=\"200\"");
  page_input(r, "level2", "二级事项", p->zLevel2, "maxlength=\"200\"");
  textarea(r, "content", "公开内容（要素）", p->zContent);
  textarea(r, "basis", "公开依据", p->zBasis);
  page_input(r, "time_limit", "公开时限（如：信息形成或者变更之日起20个工作日内）",
             p->zTimeLimit, "");
  page_input(r, "dept", "公开主体/负责科室", p->zDept, "list=\"depts\"");
  Dept *aDept;
  int nDept;
  if (store_dept_list(r->store, &r->arena, o->id, &aDept, &nDept) == STORE_OK) {
    req_puts(r, "<datalist id=\"depts\">");
    for (int i = 0; i < nDept; i++)
      req_printf(r, "<option value=\"%h\">", aDept[i].zName);
    req_puts(r, "</datalist>\n");
  }
  page_input(r, "responsible", "责任人", p->zResponsible, "");
  page_input(r, "phone", "联系电话", p->zPhone, "");
  req_puts(r, "<fieldset><legend>公开渠道</legend>\n");
  for (int i = 0; i < CAT_NCHANNEL; i++)
    req_printf(r, "<label class=\"check\"><input type=\"checkbox\" "
                  "name=\"channel\" value=\"%h\"%s> %h</label>\n",
               aCatChannel[i].zCode,
               (p->channels & (1u << i)) ? " checked" : "",
               aCatChannel[i].zLabel);
  req_puts(r, "</fieldset>\n");
  page_input(r, "channel_text", "公开渠道和载体说明（如：县卫生计生局网站、微信公众号）",
             p->zChannelText, "");
  select_open(r, "audience", "公开对象");
  option(r, "", "（未填）", p->zAudience);
  option(r, "all", "全社会", p->zAudience);
  option(r, "group", "特定群体", p->zAudience);
  req_puts(r, "</select></p>\n");
  select_open(r, "mode", "公开方式");
  option(r, "", "（未填）", p->zMode);
  option(r, "proactive", "主动公开", p->zMode);
  option(r, "on_request", "依申请公开", p->zMode);
  option(r, "withheld", "不予公开", p->zMode);
  req_puts(r, "</select></p>\n");
  page_input(r, "frequency", "更新频率", p->zFrequency, "list=\"freqs\"");
  req_puts(r, "<datalist id=\"freqs\"><option value=\"实时\"><option value=\"每月\">"
              "<option value=\"每季度\"><option value=\"每半年\"><option value=\"每年\">"
              "<option value=\"长期\"><option value=\"及时更新\"></datalist>\n");
  page_input(r, "tier", "公开层级（如：县级）", p->zTier, "");
  page_input(r, "review", "审核程序（如：科室审核、保密审查、领导审批）",
             p->zReview, "");
  select_open(r, "art20", "所对应的条例第二十条事项");
  option(r, "0", "（无）", req_fmt(r, "%d", p->art20));
  for (int i = 1; i <= 15; i++)
    option(r, req_fmt(r, "%d", i), cat_art20_label(&r->arena, i),
           req_fmt(r, "%d", p->art20));
  req_puts(r, "</select></p>\n");
  req_printf(r, "<p class=\"field\"><label class=\"check\"><input type=\"checkbox\" "
                "name=\"requires_interpretation\" value=\"1\"%s> "
                "本事项的政策文件须同步发布政策解读</label></p>\n",
             p->bNeedsInterp ? " checked" : "");
  page_input(r, "code", "类别代码（用于索引号模板，字母数字）", p->zCode,
             "maxlength=\"16\" pattern=\"[A-Za-z0-9_-]*\"");
  select_open(r, "legal_ground",
              "不予公开依据（负面清单必填，条例第十四条至第十六条）");
  option(r, "", "（无）", p->zGround);
  for (int i = 0; i < CAT_NGROUND; i++)
    option(r, aCatGround[i].zCode, aCatGround[i].zLabel, p->zGround);
  req_puts(r, "</select></p>\n");
  textarea(r, "note", "备注", p->zNote);
  req_puts(r, "<p><button type=\"submit\">保存</button></p>\n</form>\n");
}

int page_catalogue_edit(Req *r) {
  Org o;
  CatItem it;
  const char *zErr = NULL;
  r->bNoCache = 1;
  if (!scope_org(r, &o)) return 0;
  int bNew = r->nArg == 1;
  if (bNew) {
    cat_item_init(&it);
    it.orgId = o.id;
    it.zList = list_param(r);
    if (!it.zList) {
      http_error(r, 400, "目录类型无效");
      return 0;
    }
    if (!strcmp(it.zList, "proactive")) it.zMode = "proactive";
    else if (!strcmp(it.zList, "on_request")) it.zMode = "on_request";
    else it.zMode = "withheld";
  } else if (!load_item(r, &o, &it)) {
    return 0;
  }
  if (r->method == HTTP_POST) {
    zErr = item_from_form(r, &it);
    if (!zErr) zErr = cat_item_validate(&r->arena, &it);
    if (!zErr) {
      int rc = store_begin(r->store);
      if (rc == STORE_OK)
        rc = bNew ? store_cat_add(r->store, &it)
                  : store_cat_update(r->store, &it);
      if (rc == STORE_OK)
        rc = store_audit(r->store, r->user->id, o.id,
                         bNew ? "catalogue.add" : "catalogue.update",
                         req_fmt(r, "%lld %s", (long long)it.id,
                                 it.zContent[0] ? it.zContent : it.zLevel1));
      if (rc == STORE_OK) rc = store_commit(r->store);
      if (rc == STORE_OK) {
        item_feedback(r, bNew ? FB_CAT_ADD : FB_CAT_UPDATE, it.id);
        req_redirect(r, req_fmt(r, "/staff/catalogue/%lld?list=%u#item-%lld",
                                (long long)o.id, it.zList, (long long)it.id));
        return 0;
      }
      zErr = req_strdup(r, store_errmsg(r->store));
      store_rollback(r->store);
    }
  }
  page_begin(r, bNew ? "新增目录事项" : "编辑目录事项");
  req_printf(r, "<h1>%h：%h</h1>\n<p><a href=\"/staff/catalogue/%lld?list=%u\">"
                "返回%h</a></p>\n",
             bNew ? "新增目录事项" : "编辑目录事项", cat_list_label(it.zList),
             (long long)o.id, it.zList, cat_list_label(it.zList));
  if (zErr) page_notice(r, "error", zErr);
  item_form(r, &o, &it);
  page_end(r);
  if (zErr) r->status = 422;
  return 0;
}

int page_catalogue_move(Req *r) {
  Org o;
  CatItem it;
  if (!scope_org(r, &o) || !load_item(r, &o, &it)) return 0;
  const char *zDir = req_param_or(r, "dir", "");
  if (strcmp(zDir, "up") && strcmp(zDir, "down")) {
    http_error(r, 400, "移动方向无效");
    return 0;
  }
  if (store_cat_move(r->store, it.id, !strcmp(zDir, "up") ? -1 : 1) !=
      STORE_OK) {
    http_store_error(r, store_errcode(r->store));
    return 0;
  }
  store_audit(r->store, r->user->id, o.id, "catalogue.move",
              req_fmt(r, "%lld %u", (long long)it.id, zDir));
  item_feedback(r, !strcmp(zDir, "up") ? FB_CAT_UP : FB_CAT_DOWN, it.id);
  req_redirect(r, req_fmt(r, "/staff/catalogue/%lld?list=%u#item-%lld",
                          (long long)o.id, it.zList, (long long)it.id));
  return 0;
}

int page_catalogue_delete(Req *r) {
  Org o;
  CatItem it;
  if (!scope_org(r, &o) || !load_item(r, &o, &it)) return 0;
  if (!page_confirmed(r, req_fmt(r, "删除目录事项“%d %s”？删除后无法恢复，其后事项的序号依次前移。",
                                 it.seq, it.zContent), "确认删除"))
    return 0;
  int rc = store_begin(r->store);
  if (rc == STORE_OK) rc = store_cat_delete(r->store, it.id);
  if (rc == STORE_OK)
    rc = store_audit(r->store, r->user->id, o.id, "catalogue.delete",
                     req_fmt(r, "%lld %s", (long long)it.id, it.zContent));
  if (rc == STORE_OK) rc = store_commit(r->store);
  if (rc != STORE_OK) {
    const char *zMsg = req_strdup(r, store_errmsg(r->store));
    store_rollback(r->store);
    http_error(r, rc == STORE_CONFLICT ? 409 : 500, zMsg);
    return 0;
  }
  page_feedback(r, FB_CAT_DELETE, item_name(&it), req_fmt(r, "原为%s第 %d 项",
                                                     cat_list_label(it.zList), it.seq),
                NULL);
  req_redirect(r, req_fmt(r, "/staff/catalogue/%lld?list=%u",
                          (long long)o.id, it.zList));
  return 0;
}

/* The import report: one row per message. */
static void import_report(Req *r, const CatImport *ci) {
  if (ci->nMsg == 0) return;
  req_puts(r, "<table class=\"grid cards\" id=\"report\"><caption>检查报告</caption>"
              "<thead><tr><th scope=\"col\">行</th><th scope=\"col\">列</th>"
              "<th scope=\"col\">类别</th><th scope=\"col\">说明</th></tr>"
              "</thead><tbody>\n");
  for (int i = 0; i < ci->nMsg; i++) {
    const CatMsg *m = &ci->aMsg[i];
    req_printf(r, "<tr><td>%h</td><td>%h</td><td>%h</td><td>%h</td></tr>\n",
               m->iLine ? req_fmt(r, "%d", m->iLine) : "整个文件",
               m->iCol ? cat_col_letters(&r->arena, m->iCol - 1) : "",
               m->bWarning ? "提示" : "错误", m->zMsg);
  }
  req_puts(r, "</tbody></table>\n");
}

/* The rows that are (or would be) imported. */
static void import_preview(Req *r, const CatImport *ci) {
  if (ci->nItem == 0) return;
  req_puts(r, "<table class=\"grid cards\" id=\"preview\"><caption>可导入的事项"
              "</caption><thead><tr><th scope=\"col\">序号</th>"
              "<th scope=\"col\">一级事项</th><th scope=\"col\">二级事项</th>"
              "<th scope=\"col\">公开内容（要素）</th><th scope=\"col\">公开方式</th>"
              "<th scope=\"col\">公开渠道</th><th scope=\"col\">更新频率</th>"
              "</tr></thead><tbody>\n");
  for (int i = 0; i < ci->nItem && i < 200; i++) {
    const CatItem *p = &ci->aItem[i];
    req_printf(r, "<tr><td>%h</td><td>%h</td><td>%h</td><td>%h</td><td>%h</td>"
                  "<td>%h</td><td>%h</td></tr>\n",
               p->seq ? req_fmt(r, "%d", p->seq) : "", p->zLevel1, p->zLevel2,
               p->zContent, cat_mode_label(p->zMode),
               cat_channels_labels(&r->arena, p->channels, "、"),
               p->zFrequency);
  }
  req_puts(r, "</tbody></table>\n");
}

int page_catalogue_import(Req *r) {
  Org o;
  r->bNoCache = 1;
  if (!scope_org(r, &o)) return 0;
  const char *zList = list_param(r);
  if (!zList) {
    http_error(r, 400, "目录类型无效");
    return 0;
  }
  const char *zErr = NULL, *zOk = NULL;
  CatImport ci;
  int bHave = 0;
  if (r->method == HTTP_POST) {
    const ReqParam *f = req_file(r, "file");
    int bSkip = req_param(r, "skip_bad_rows") != NULL;
    int bDry = req_param(r, "dry_run") != NULL;
    Table t;
    if (!f) {
      zErr = "请选择要导入的文件（CSV 或 XLSX）";
    } else if (table_read(&r->arena, f->zValue, f->nValue, &t, &zErr) == 0) {
      cat_import_map(&r->arena, &t, zList, o.id, &ci);
      bHave = 1;
      if (!cat_import_ok(&ci, bSkip)) {
        zErr = (ci.nFileError || ci.nItem == 0)
                   ? "文件有错误，未导入任何内容。"
                   : "文件有错误，未导入任何内容。修改后重新上传，或勾选“跳过"
                     "有错误的行”只导入无误的行。";
      } else if (bDry) {
        zOk = req_fmt(r, "检查完成：可导入%d条（仅检查，未导入）。", ci.nItem);
      } else if (store_cat_import(r->store, o.id, ci.aItem, ci.nItem) !=
                 STORE_OK) {
        zErr = req_strdup(r, store_errmsg(r->store));
      } else {
        store_audit(r->store, r->user->id, o.id, "catalogue.import",
                    req_fmt(r, "%u %d", zList, ci.nItem));
        zOk = req_fmt(r, "已导入%d条到%s%s。", ci.nItem,
                      cat_list_label(zList),
                      ci.nBadRow ? "（有错误的行已跳过）" : "");
      }
    }
  }
  page_begin(r, "导入公开目录");
  req_printf(r, "<h1>导入%h：%h</h1>\n<p><a href=\"/staff/catalogue/%lld?"
                "list=%u\">返回目录</a></p>\n",
             cat_list_label(zList), o.zName, (long long)o.id, zList);
  if (zErr) page_notice(r, "error", zErr);
  if (zOk) page_notice(r, "ok", zOk);
  if (bHave) {
    req_printf(r, "<p>共%d行数据，%d行无误，%d行有错误。</p>\n", ci.nRow,
               ci.nItem, ci.nBadRow);
    import_report(r, &ci);
    import_preview(r, &ci);
  }
  req_puts(r, "<form method=\"post\" enctype=\"multipart/form-data\" "
              "class=\"form\">\n");
  page_csrf_field(r);
  req_printf(r, "<input type=\"hidden\" name=\"list\" value=\"%h\">", zList);
  req_puts(r, "<p class=\"field\"><label for=\"f-file\">文件（CSV、TSV 或 XLSX；"
              "第一行为表头，如：序号、类别、公开内容、公开形式、公开时限、公开"
              "渠道、更新频率、负责科室、责任科室负责人、联系电话）</label>"
              "<input id=\"f-file\" type=\"file\" name=\"file\" required "
              "accept=\".csv,.tsv,.txt,.xlsx\"></p>\n"
              "<p class=\"field\"><label class=\"check\"><input type=\"checkbox\" "
              "name=\"skip_bad_rows\" value=\"1\"> 跳过有错误的行（只导入无误的行）"
              "</label></p>\n"
              "<p class=\"field\"><label class=\"check\"><input type=\"checkbox\" "
              "name=\"dry_run\" value=\"1\"> 仅检查，不导入</label></p>\n"
              "<p><button type=\"submit\">上传并检查</button></p>\n</form>\n"
              "<p>导入的事项追加在现有事项之后（序号顺延）；整个文件在一个"
              "事务中导入，出错时不会留下部分数据。</p>\n");
  page_end(r);
  if (zErr) r->status = 422;
  return 0;
}

void panel_catalogue(Req *r) {
  if (!req_can(r, PERM_DOC_MANAGE, r->user->orgId)) return;
  int64_t org = r->user->orgId;
  req_printf(r, "<section class=\"panel\"><h2>公开目录</h2><ul>"
                "<li><a href=\"/staff/catalogue/%lld\">本单位主动公开基本目录"
                "</a>（%d项）</li>"
                "<li><a href=\"/staff/catalogue/%lld?list=on_request\">依申请"
                "公开目录</a>（%d项）</li>"
                "<li><a href=\"/staff/catalogue/%lld?list=negative\">负面清单"
                "</a>（%d项）</li>"
                "<li><a href=\"/staff/catalogue\">本单位及下级单位的目录</a></li>"
                "</ul></section>\n",
             (long long)org, store_cat_count(r->store, org, "proactive"),
             (long long)org, store_cat_count(r->store, org, "on_request"),
             (long long)org, store_cat_count(r->store, org, "negative"));
}
