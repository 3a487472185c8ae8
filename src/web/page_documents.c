/*
** page_documents.c — documents for staff: the list (/staff/docs), the
** create and edit form of a draft, and the document page with every action
** the signed-in user may take on it; plus the helpers the other
** page_documents_*.c files share (documents.h).
*/
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/privacy.h"
#include "lib/buf.h"
#include "lib/date.h"
#include "lib/doctext.h"
#include "lib/docx_md.h"
#include "web/catalogue.h"
#include "web/documents.h"
#include "web/markdown.h"
#include "web/pages.h"

/* ---- shared helpers ---- */

int docs_load(Req *r, int iArg, Doc *d) {
  int64_t id = req_arg_id(r, iArg);
  if (!id || store_doc_get(r->store, &r->arena, id, d) != STORE_OK) {
    http_error(r, 404, "文件不存在");
    return -1;
  }
  if (!req_can(r, PERM_VIEW_STAFF, d->orgId)) {
    http_error(r, 403, "您无权查看其他单位的文件");
    return -1;
  }
  return 0;
}

int docs_calendar(Req *r, Calendar *pCal) {
  HolidayRow *aRow;
  int n;
  cal_init(pCal);
  if (store_holiday_list(r->store, &r->arena, &aRow, &n) != STORE_OK) {
    http_store_error(r, store_errcode(r->store));
    return -1;
  }
  for (int i = 0; i < n; i++) {
    Date d;
    if (date_parse(aRow[i].zDay, &d)) continue;
    /* A bad row must not hide the others; the admin page reports it. */
    cal_add(pCal, d, strcmp(aRow[i].zKind, "workday") ? CAL_HOLIDAY : CAL_WORKDAY,
            aRow[i].zName);
  }
  return 0;
}

const char *docs_today(Req *r) {
  char z[DATE_STRLEN];
  date_format(date_from_time_cn(time(NULL)), z);
  return req_strdup(r, z);
}

void docs_fail(Req *r, int rcStore, const char *zMsg) {
  http_error(r, rcStore < 0 ? http_store_status(rcStore) : 400, zMsg);
}

void docs_body_html(Req *r, const char *zMd) { md_to_html(&r->out, zMd); }

/* ---- list ---- */

static void state_badge(Req *r, const char *zState) {
  req_printf(r, "<span class=\"badge state-%h\" data-state=\"%h\">%h</span>",
             zState, zState, doc_label(aDocState, zState));
}

/* Reads the list filters ?org= ?subtree=1 ?year= ?month= ?item= ?channel=
** ?category= into q and the query string that repeats them (for paging,
** in the arena) into *pzQs.  The organisation is scope-checked with
** req_can; a subtree needs a grant that reaches below the user's own
** organisation.  Returns 0, or -1 after writing the 400/403 page. */
static int list_filters(Req *r, DocQuery *q, const char **pzQs) {
  int64_t org = 0, year = 0, month = 0, item = 0;
  const char *zSub = req_param(r, "subtree");
  if (req_param_int(r, "org", 1, INT64_MAX, &org) < 0 ||
      req_param_int(r, "year", 1900, 2999, &year) < 0 ||
      req_param_int(r, "month", 1, 12, &month) < 0 ||
      req_param_int(r, "item", 1, INT64_MAX, &item) < 0) {
    http_error(r, 400, "筛选参数无效");
    return -1;
  }
  if (month && !year) {
    http_error(r, 400, "按月筛选须同时指定年度");
    return -1;
  }
  if (org) {
    if (!req_can(r, PERM_VIEW_STAFF, org)) {
      http_error(r, 403, "无权查看该单位的文件");
      return -1;
    }
    q->orgId = org;
    q->bSubtree = zSub && !strcmp(zSub, "1");
    if (q->bSubtree && !perm_reaches_subtree(r->user->roles, PERM_VIEW_STAFF)) {
      http_error(r, 403, "无权查看下级单位的文件");
      return -1;
    }
  }
  q->year = (int)year;
  q->month = (int)month;
  q->catalogueItemId = item;
  q->zChannel = req_param(r, "channel");
  q->zCategory = req_param(r, "category");
  if (q->zChannel && !q->zChannel[0]) q->zChannel = NULL;
  if (q->zCategory && !q->zCategory[0]) q->zCategory = NULL;
  Buf b = BUF_INIT;
  if (q->zState) buf_printf(&b, "&state=%u", q->zState);
  if (org) buf_printf(&b, "&org=%lld%s", (long long)org, q->bSubtree ? "&subtree=1" : "");
  if (year) buf_printf(&b, "&year=%lld", (long long)year);
  if (month) buf_printf(&b, "&month=%lld", (long long)month);
  if (item) buf_printf(&b, "&item=%lld", (long long)item);
  if (q->zChannel) buf_printf(&b, "&channel=%u", q->zChannel);
  if (q->zCategory) buf_printf(&b, "&category=%u", q->zCategory);
  *pzQs = req_fmt(r, "%h", buf_str(&b)); /*html*/
  buf_free(&b);
  return 0;
}

int page_docs_list(Req *r) {
  DocQuery q;
  Doc *aDoc;
  int n, nTotal;
  int64_t page = 1;
  const char *zQs;
  memset(&q, 0, sizeof q);
  r->bNoCache = 1;
  q.orgId = r->user->orgId;
  q.bSubtree = perm_reaches_subtree(r->user->roles, PERM_VIEW_STAFF);
  q.zState = req_param(r, "state");
  if (q.zState && !q.zState[0]) q.zState = NULL;
  if (q.zState && strcmp(q.zState, "pending") && !doc_code_valid(aDocState, q.zState)) {
    http_error(r, 400, "状态参数无效");
    return 0;
  }
  if (req_param_int(r, "page", 1, 100000, &page) < 0) {
    http_error(r, 400, "页码无效");
    return 0;
  }
  if (list_filters(r, &q, &zQs)) return 0;
  q.limit = 50;
  q.offset = (int)(page - 1) * 50;
  if (store_doc_list(r->store, &r->arena, &q, &aDoc, &n, &nTotal) != STORE_OK) {
    http_store_error(r, store_errcode(r->store));
    return 0;
  }
  if (page > 1 && n == 0) {
    http_error(r, 404, "没有这一页");
    return 0;
  }
  page_begin(r, "主动公开文件");
  req_puts(r, "<h1>主动公开文件</h1>\n<p>");
  if (req_can(r, PERM_DOC_DRAFT, 0))
    req_puts(r, "<a class=\"button\" href=\"/staff/docs/new\">新建文件</a> ");
  req_puts(r, "筛选：<a href=\"/staff/docs\">全部</a> · "
              "<a href=\"/staff/docs?state=pending\">审核中</a>");
  for (int i = 0; aDocState[i].zCode; i++)
    req_printf(r, " · <a href=\"/staff/docs?state=%u\">%h</a>", aDocState[i].zCode,
               aDocState[i].zLabel);
  req_puts(r, "</p>\n");
  if (q.year || q.month || q.catalogueItemId || q.zChannel || q.zCategory ||
      req_param(r, "org")) {
    req_puts(r, "<p id=\"doc-filters\">当前筛选：");
    if (req_param(r, "org"))
      req_printf(r, "单位 %lld%h；", (long long)q.orgId, q.bSubtree ? "（含下级单位）" : "");
    if (q.year) req_printf(r, "发布年度 %d；", q.year);
    if (q.month) req_printf(r, "发布月份 %d；", q.month);
    if (q.catalogueItemId) req_printf(r, "目录事项 %lld；", (long long)q.catalogueItemId);
    if (q.zCategory) req_printf(r, "目录类别 %h；", q.zCategory);
    if (q.zChannel) req_printf(r, "发布渠道 %h；", q.zChannel);
    req_puts(r, "</p>\n");
  }
  req_printf(r, "<table class=\"grid cards\" id=\"doc-list\"><caption>共 <span id=\"n-docs\">%d"
                "</span> 件</caption><thead><tr>"
                "<th scope=\"col\">索引号</th><th scope=\"col\">标题</th>"
                "<th scope=\"col\">单位</th><th scope=\"col\">生成日期</th>"
                "<th scope=\"col\">发布日期</th><th scope=\"col\">状态</th>"
                "<th scope=\"col\">有效性</th></tr></thead><tbody>\n", nTotal);
  for (int i = 0; i < n; i++) {
    req_printf(r, "<tr><td>%h</td><td><a href=\"/staff/docs/%lld\">%h</a></td>"
                  "<td>%h</td><td>%h</td><td>%h</td><td>",
               aDoc[i].zIndexNumber, (long long)aDoc[i].id, aDoc[i].zTitle,
               aDoc[i].zOrgName, aDoc[i].zFormedDate, aDoc[i].zPublishedDate);
    state_badge(r, aDoc[i].zState);
    req_printf(r, "</td><td>%h</td></tr>\n", doc_label(aDocValidity, aDoc[i].zValidity));
  }
  req_puts(r, "</tbody></table>\n");
  /* zQs is already HTML-escaped (&amp;) and URL-encoded. */
  if (nTotal > q.offset + n)
    req_printf(r, "<p><a href=\"/staff/docs?page=%lld%s\">下一页</a></p>\n",
               (long long)page + 1, zQs); /*safe-for-%s: built with %u and %h*/
  page_end(r);
  return 0;
}

/* ---- create / edit ---- */

static void select_codes(Req *r, const char *zName, const char *zLabel,
                         const DocCode *a, const char *zCur, int bEmpty) {
  req_printf(r, "<p class=\"field\"><label for=\"f-%h\">%h</label>"
                "<select id=\"f-%h\" name=\"%h\">", zName, zLabel, zName, zName);
  if (bEmpty) req_puts(r, "<option value=\"\">（请选择）</option>");
  for (int i = 0; a[i].zCode; i++)
    req_printf(r, "<option value=\"%h\"%s>%h</option>", a[i].zCode,
               zCur && !strcmp(zCur, a[i].zCode) ? " selected" : "", a[i].zLabel);
  req_puts(r, "</select></p>\n");
}

/* Reads an optional id parameter: 0 when empty or 0 (the catalogue
** select's （无） is value 0); -1 when malformed. */
static int64_t param_id(Req *r, const char *zName) {
  int64_t v = 0;
  int rc = req_param_int(r, zName, 0, INT64_MAX, &v);
  return rc < 0 ? -1 : v;
}

static void doc_from_form(Req *r, Doc *d) {
  d->zTitle = req_param_or(r, "title", "");
  d->zDocNumber = req_param_or(r, "doc_number", "");
  d->zPublisher = req_param_or(r, "publisher", "");
  d->zSignedDate = req_param_or(r, "signed_date", "");
  d->zFormedDate = req_param_or(r, "formed_date", "");
  d->zMode = req_param_or(r, "mode", "");
  d->zWithheldGround = req_param_or(r, "withheld_ground", "");
  d->zScope = req_param_or(r, "scope", "");
  d->zGenre = req_param_or(r, "genre", "");
  d->zReportKind = req_param_or(r, "report_kind", "other");
  d->zKeywords = req_param_or(r, "keywords", "");
  d->zSummary = req_param_or(r, "summary", "");
  d->zBody = req_param_or(r, "body", "");
}

/* The body's editor with, beside it, the body as the public page will
** show it (rendered by the server: 预览 posts the form and the page comes
** back with the preview and the input kept, nothing saved). */
static void body_editor(Req *r, const char *zBody) {
  if (!zBody) zBody = "";
  req_printf(r, "<div class=\"editor\" id=\"editor\"><p class=\"field\">"
                "<label for=\"f-body\">正文（Markdown：# 标题，- 列表，| 表格 |）</label>"
                "<textarea id=\"f-body\" name=\"body\" rows=\"22\">%h</textarea>"
                "<button type=\"submit\" name=\"preview\" value=\"1\" class=\"secondary\" "
                "formnovalidate>预览正文</button></p>\n"
                "<section class=\"preview doc-body\" id=\"preview\" aria-labelledby=\"preview-h\">"
                "<h2 id=\"preview-h\">正文预览</h2>\n", zBody);
  if (zBody[0]) docs_body_html(r, zBody);
  else req_puts(r, "<p class=\"hint\">正文为空。</p>");
  req_puts(r, "</section></div>\n");
}

/* 从 Word 导入: the body (and, when empty, the title) of d from the
** uploaded .docx f; the form comes back with them, not saved.  NULL, or
** the Chinese reason it was refused; *pzOk says what was imported. */
static const char *import_docx(Req *r, Doc *d, const ReqParam *f, const char **pzOk) {
  Buf md = BUF_INIT;
  char *zTitle = NULL, zErr[200];
  if (!f->nValue) return "请选择要导入的 Word 文件（.docx）";
  if (docx_to_markdown(f->zValue, f->nValue, &md, &zTitle, zErr, sizeof zErr))
    return req_strdup(r, zErr);
  d->zBody = req_strdup(r, buf_str(&md));
  if ((!d->zTitle || !d->zTitle[0]) && zTitle) d->zTitle = req_strdup(r, zTitle);
  *pzOk = req_fmt(r, "已导入“%s”的正文（标题、段落、列表和表格），尚未保存：请在右侧预览中核对，"
                     "修改后点“保存草稿”。", f->zFilename ? f->zFilename : "Word 文件");
  free(zTitle);
  buf_free(&md);
  return NULL;
}

/* The import form (multipart, separate from the draft form). */
static void import_form(Req *r) {
  req_puts(r, "<form method=\"post\" enctype=\"multipart/form-data\" class=\"form import\" "
              "id=\"import\"><fieldset><legend>从 Word 文件导入正文</legend>");
  page_csrf_field(r);
  req_puts(r, "<p class=\"hint\">支持 Word、WPS 保存的 .docx 文件：保留标题、段落、列表和表格；"
              "图片和批注不导入。导入后先预览核对，再保存。</p>"
              "<input type=\"hidden\" name=\"import\" value=\"1\">"
              "<p class=\"field\"><label for=\"f-docx\">Word 文件（.docx）</label>"
              "<input id=\"f-docx\" type=\"file\" name=\"docx\" accept=\".docx,application/"
              "vnd.openxmlformats-officedocument.wordprocessingml.document\" required></p>"
              "<p><button type=\"submit\" class=\"secondary\">导入</button></p>"
              "</fieldset></form>\n");
}

int page_doc_edit(Req *r) {
  Doc d;
  const char *zErr = NULL;
  int bNew = r->nArg == 0;
  memset(&d, 0, sizeof d);
  r->bNoCache = 1;
  if (!bNew) {
    if (docs_load(r, 0, &d)) return 0;
    if (!req_can(r, PERM_DOC_DRAFT, d.orgId)) {
      http_error(r, 403, "您无权修改该文件");
      return 0;
    }
    if (strcmp(d.zState, "draft")) {
      http_error(r, 409, "只有草稿可以修改；审核中的文件须先退回");
      return 0;
    }
  } else {
    d.orgId = r->user->orgId;
    d.zMode = "";
    d.zReportKind = "other";
  }
  Org *aOrg;
  int nOrg;
  if (store_org_tree(r->store, &r->arena, r->user->orgId, &aOrg, &nOrg) != STORE_OK) {
    http_store_error(r, store_errcode(r->store));
    return 0;
  }
  const char *zImported = NULL;
  if (r->method == HTTP_POST && req_param(r, "import")) {
    const ReqParam *f = req_file(r, "docx");
    zErr = f ? import_docx(r, &d, f, &zImported) : "请选择要导入的 Word 文件（.docx）";
    if (zErr) r->status = 422;
  } else if (r->method == HTTP_POST) {
    doc_from_form(r, &d);
    int64_t dept = param_id(r, "dept_id"), item = param_id(r, "catalogue_item_id");
    int64_t interp = param_id(r, "interprets_id"), org = d.orgId;
    if (bNew && req_param(r, "org_id")) org = param_id(r, "org_id");
    if (dept < 0 || item < 0 || interp < 0 || org <= 0) zErr = "编号格式无效";
    else if (bNew && !req_can(r, PERM_DOC_DRAFT, org)) zErr = "您不能为该单位起草文件";
    d.deptId = dept > 0 ? dept : 0;
    d.catalogueItemId = item > 0 ? item : 0;
    d.interpretsId = interp > 0 ? interp : 0;
    d.orgId = org;
    /* 查找 (a referenced document) and 预览: the form again, not saved. */
    int bRedisplay = req_param(r, "lookup") || req_param(r, "preview");
    if (!zErr && bRedisplay) zErr = "";
    if (!zErr) zErr = doc_draft_check(&d);
    if (!zErr) zErr = doc_dates_check(&d, date_today_cn(time(NULL)));
    if (!zErr && d.deptId) {
      Dept *aDept;
      int nDept, bFound = 0;
      if (store_dept_list(r->store, &r->arena, d.orgId, &aDept, &nDept) == STORE_OK)
        for (int i = 0; i < nDept; i++) bFound |= aDept[i].id == d.deptId;
      if (!bFound) zErr = "责任部门不属于该单位";
    }
    if (!zErr) {
      int rc = store_begin(r->store);
      if (!rc) {
        if (bNew) {
          d.createdBy = r->user->id;
          rc = store_doc_add(r->store, &d);
        } else {
          rc = store_doc_update(r->store, &d);
        }
      }
      if (!rc) rc = store_audit(r->store, r->user->id, d.orgId,
                                bNew ? "doc.add" : "doc.update", d.zTitle);
      if (!rc) rc = store_commit(r->store);
      if (!rc) {
        req_flash(r, "草稿已保存。下一步：确认公开方式，上传附件，然后提交科室审核。");
        req_redirect(r, req_fmt(r, "/staff/docs/%lld", (long long)d.id));
        return 0;
      }
      zErr = req_strdup(r, store_errmsg(r->store));
      store_rollback_all(r->store);
      r->status = rc == STORE_CONFLICT ? 409 : 422;
    } else if (zErr[0]) {
      r->status = 422;
    }
  }
  page_begin(r, bNew ? "新建文件" : "修改文件");
  req_printf(r, "<h1>%h</h1>\n", bNew ? "新建文件" : "修改文件");
  if (zErr && zErr[0]) page_notice(r, "error", zErr);
  if (zImported) page_notice(r, "ok", zImported);
  import_form(r);
  req_puts(r, "<form method=\"post\" class=\"form\" id=\"draft\">\n");
  page_csrf_field(r);
  if (bNew && nOrg > 1) {
    req_puts(r, "<p class=\"field\"><label for=\"f-org\">发布机构（单位）</label>");
    page_org_select_open(r, "f-org", "org_id", nOrg);
    req_puts(r, ">");
    for (int i = 0; i < nOrg; i++)
      req_printf(r, "<option value=\"%lld\"%s>%h</option>", (long long)aOrg[i].id,
                 aOrg[i].id == d.orgId ? " selected" : "", aOrg[i].zName);
    req_puts(r, "</select></p>\n");
  }
  page_input(r, "title", "标题", d.zTitle, "required maxlength=\"200\"");
  page_input(r, "doc_number", "文号", d.zDocNumber, "");
  page_input(r, "publisher", "发布机构（留空则为本单位）", d.zPublisher, "");
  Dept *aDept;
  int nDept;
  if (store_dept_list(r->store, &r->arena, d.orgId, &aDept, &nDept) == STORE_OK) {
    req_puts(r, "<p class=\"field\"><label for=\"f-dept\">责任部门</label>"
                "<select id=\"f-dept\" name=\"dept_id\"><option value=\"\">（无）</option>");
    for (int i = 0; i < nDept; i++)
      req_printf(r, "<option value=\"%lld\"%s>%h</option>", (long long)aDept[i].id,
                 aDept[i].id == d.deptId ? " selected" : "", aDept[i].zName);
    req_puts(r, "</select></p>\n");
  }
  page_input(r, "signed_date", "成文日期", d.zSignedDate, "type=\"date\"");
  page_input(r, "formed_date", "生成日期（第二十六条：20个工作日内公开）", d.zFormedDate,
             "type=\"date\"");
  select_codes(r, "mode", "公开方式（提交审核前必须确认）", aDocMode, d.zMode, 1);
  select_codes(r, "withheld_ground", "不予公开的法律依据（第十四至十六条）", aDocGround,
               d.zWithheldGround, 1);
  page_input(r, "scope", "公开范围", d.zScope, "");
  req_puts(r, "<p class=\"field\"><label for=\"f-genre\">体裁</label>"
              "<input id=\"f-genre\" name=\"genre\" list=\"genres\" value=\"");
  req_printf(r, "%h\"><datalist id=\"genres\">", d.zGenre);
  for (int i = 0; azDocGenre[i]; i++) req_printf(r, "<option value=\"%h\">", azDocGenre[i]);
  req_puts(r, "</datalist></p>\n");
  select_codes(r, "report_kind", "文件类别（年度报告）", aDocReportKind, d.zReportKind, 0);
  catalogue_item_select(r, d.orgId, "catalogue_item_id", d.catalogueItemId);
  docs_ref_field(r, &d, "interprets_id", "所解读的政策文件（仅解读）", d.interpretsId);
  page_input(r, "keywords", "关键词", d.zKeywords, "");
  req_printf(r, "<p class=\"field\"><label for=\"f-summary\">内容概述</label>"
                "<textarea id=\"f-summary\" name=\"summary\" rows=\"3\">%h</textarea></p>\n",
             d.zSummary);
  body_editor(r, d.zBody);
  req_puts(r, "<p class=\"buttons\"><button type=\"submit\">保存草稿</button></p>\n</form>\n");
  page_end(r);
  return 0;
}

/* ---- the document page ---- */

static void meta_row(Req *r, const char *zLabel, const char *zValue) {
  req_printf(r, "<tr><th scope=\"row\">%h</th><td>%h</td></tr>\n", zLabel,
             zValue && zValue[0] ? zValue : "—");
}

/* Art. 26 (20 working days from 形成 or 变更): the last permitted day and
** where the document stands — days left or overdue while unpublished,
** on time or how late once published.  Only for information to be
** disclosed proactively (or not yet decided) with a 生成日期. */
static void art26_row(Req *r, const Doc *d) {
  Date formed, changed = DATE_NONE, on, due;
  Calendar cal;
  char zDue[DATE_STRLEN];
  if (!strcmp(d->zMode, "on_request") || !strcmp(d->zMode, "withheld") ||
      !d->zFormedDate[0] || date_parse(d->zFormedDate, &formed))
    return;
  if (d->zChangedOn[0]) date_parse(d->zChangedOn, &changed);
  int bPub = d->zPublishedDate[0] && !date_parse(d->zPublishedDate, &on);
  if (!bPub) date_parse(docs_today(r), &on);
  if (docs_calendar(r, &cal)) return;
  int left = doc_art26_left(&cal, doc_art26_start(formed, changed), on, &due);
  cal_free(&cal);
  date_format(due, zDue);
  const char *zWhere =
      bPub ? (left >= 0 ? "按时发布" : req_fmt(r, "逾期 %d 个工作日发布", -left))
           : (left >= 0 ? req_fmt(r, "剩余 %d 个工作日", left)
                        : req_fmt(r, "已超期 %d 个工作日", -left));
  meta_row(r, "公开时限（第二十六条）", req_fmt(r, "%s（%s）", zDue, zWhere));
}

/* The route of each step (src/http/routes.c), by the state it acts on. */
static const char *step_path(const char *zState) {
  if (!strcmp(zState, "draft")) return "submit";
  if (!strcmp(zState, "dept_review")) return "dept-review";
  if (!strcmp(zState, "secrecy_review")) return "secrecy-review";
  if (!strcmp(zState, "approval")) return "approval";
  return "withdraw";
}

/* The drafter's submission: one button, saying who reviews next. */
static void submit_form(Req *r, const Doc *d) {
  const char *zWho = docs_holders(r, d, PERM_DOC_DEPT_REVIEW);
  req_printf(r, "<form method=\"post\" action=\"/staff/docs/%lld/submit\" class=\"form\">",
             (long long)d->id);
  page_csrf_field(r);
  req_printf(r, "<input type=\"hidden\" name=\"action\" value=\"submit\">"
                "<p class=\"hint\">提交后由科室负责人%h审核；审核中的文件不能修改。</p>"
                "<p><button type=\"submit\">提交科室审核</button></p></form>\n",
             zWho ? req_fmt(r, "（%s）", zWho) : "");
}

/* A review step: one comment box, and pass or return (the comment is
** required to return; the server checks it). */
/* The opinion typed for zAction when that action was refused and the page
** answers it (docs_refuse), else "". */
static const char *kept_opinion(Req *r, const char *zAction) {
  const char *z = req_param_or(r, "action", "");
  return strstr(zAction, z) && z[0] ? req_param_or(r, "opinion", "") : "";
}

static void review_form(Req *r, const Doc *d) {
  static const struct { const char *zState, *zStep, *zPass; } aStep[] = {
    {"dept_review", "科室审核", "审核通过，提交保密审查"},
    {"secrecy_review", "保密审查", "审查通过，提交领导审批"},
    {"approval", "领导审批", "审批通过并发布"},
  };
  const char *zStep = "审核", *zPass = "审核通过";
  for (size_t i = 0; i < sizeof aStep / sizeof aStep[0]; i++)
    if (!strcmp(d->zState, aStep[i].zState)) zStep = aStep[i].zStep, zPass = aStep[i].zPass;
  if (!strcmp(d->zState, "approval") && strcmp(d->zMode, "proactive"))
    zPass = "审批通过并备案（不主动公开）";
  req_printf(r, "<form method=\"post\" action=\"/staff/docs/%lld/%u\" class=\"form review\" "
                "id=\"review\"><fieldset><legend>%h</legend>", (long long)d->id,
             step_path(d->zState), zStep);
  page_csrf_field(r);
  req_printf(r, "<p class=\"field\"><label for=\"f-opinion\">审核意见（退回时必填）</label>"
                "<textarea id=\"f-opinion\" name=\"opinion\" rows=\"3\" maxlength=\"2000\">"
                "%h</textarea></p><p class=\"buttons\">"
                "<button type=\"submit\" name=\"action\" value=\"pass\">%h</button> "
                "<button type=\"submit\" name=\"action\" value=\"return\" class=\"secondary\">"
                "退回修改</button></p></fieldset></form>\n", kept_opinion(r, "pass return"), zPass);
}

/* What kind of file zMime is, as a person reads it: "DOCX 文件" (the
** stored media type never reaches the screen). */
static const char *file_kind(Req *r, const char *zMime) {
  const char *zExt = doctext_ext(zMime);
  if (!zExt[0]) return "其他类型文件";
  char *z = req_fmt(r, "%s 文件", zExt + 1);
  for (char *p = z; *p && *p != ' '; p++)
    if (*p >= 'a' && *p <= 'z') *p = (char)(*p - 'a' + 'A');
  return z;
}

/* Opens one of a published document's management forms: a labelled
** fieldset posting to /staff/docs/{id}/{zPath}. */
static void manage_begin(Req *r, const Doc *d, const char *zPath, const char *zId,
                         const char *zLegend, const char *zHint) {
  req_printf(r, "<form method=\"post\" action=\"/staff/docs/%lld/%h\" class=\"form manage\" "
                "id=\"%h\"><fieldset><legend>%h</legend><p class=\"hint\">%h</p>",
             (long long)d->id, zPath, zId, zLegend, zHint);
  page_csrf_field(r);
}

/* Closes it with the required confirmation box (works without script:
** the browser will not submit without it, and the server refuses a
** request without confirm=1) and the labelled button. */
static void manage_end(Req *r, const char *zId, const char *zConfirm, const char *zButton,
                       int bDanger) {
  req_printf(r, "<p class=\"confirm\"><input type=\"checkbox\" id=\"c-%h\" name=\"confirm\" "
                "value=\"1\" required> <label for=\"c-%h\">%h</label></p>"
                "<p><button type=\"submit\"%s>%h</button></p></fieldset></form>\n",
             zId, zId, zConfirm, bDanger ? " class=\"danger\"" : "", zButton);
}

/* Withdrawal, validity, further channels and correction of a published
** document: four separate forms, each confirmed. */
static void manage_forms(Req *r, const Doc *d) {
  req_puts(r, "<div class=\"manage-forms\">\n");
  manage_begin(r, d, "withdraw", "withdraw", "撤回文件",
               "撤回后公开页面只保留标题、索引号、撤回日期和撤回理由，检索不再显示；撤回记入公开台账，不可恢复。");
  req_printf(r, "<input type=\"hidden\" name=\"action\" value=\"withdraw\">"
                "<p class=\"field\"><label for=\"f-withdraw-reason\">撤回理由（将公开）</label>"
                "<textarea id=\"f-withdraw-reason\" name=\"opinion\" rows=\"2\" required "
                "maxlength=\"500\">%h</textarea></p>", kept_opinion(r, "withdraw"));
  manage_end(r, "withdraw", "我确认撤回本文件，撤回理由将向社会公开", "撤回文件", 1);

  manage_begin(r, d, "validity", "validity", "变更有效性",
               "修订、废止或失效后，公开页面和检索结果标注新的有效性；可指明替代文件。");
  /* After 查找 (page_doc_validity) the choices made are kept. */
  const char *zVal = req_param_or(r, "validity", d->zValidity);
  req_puts(r, "<p class=\"field\"><label for=\"f-validity\">有效性</label>"
              "<select id=\"f-validity\" name=\"validity\">");
  for (int i = 0; aDocValidity[i].zCode; i++)
    req_printf(r, "<option value=\"%h\"%s>%h</option>", aDocValidity[i].zCode,
               !strcmp(aDocValidity[i].zCode, zVal) ? " selected" : "",
               aDocValidity[i].zLabel);
  req_puts(r, "</select></p>");
  page_input(r, "validity_date", "变更日期", req_param_or(r, "validity_date", d->zValidityDate),
             "type=\"date\"");
  int64_t rep = d->replacedById;
  if (req_param(r, "replaced_by_id")) req_param_int(r, "replaced_by_id", 0, INT64_MAX, &rep);
  docs_ref_field(r, d, "replaced_by_id", "替代文件", rep);
  manage_end(r, "validity", "我确认变更本文件的有效性", "变更有效性", 0);

  manage_begin(r, d, "channels", "channels", "登记其他发布渠道",
               "政府网站之外的发布渠道（政务新媒体、公告栏等），计入年度报告。");
  req_puts(r, "<p class=\"field\"><label for=\"f-channel\">渠道</label>"
              "<input id=\"f-channel\" name=\"channel\" list=\"channel-list\" required>"
              "<datalist id=\"channel-list\">");
  for (int i = 0; azDocChannel[i]; i++) req_printf(r, "<option value=\"%h\">", azDocChannel[i]);
  req_puts(r, "</datalist></p>");
  page_input(r, "day", "发布日期", "", "type=\"date\" required");
  page_input(r, "note", "说明", "", "maxlength=\"300\"");
  manage_end(r, "channels", "我确认已在该渠道发布本文件", "登记渠道", 0);

  manage_begin(r, d, "correct", "correct", "更正公开信息",
               "更正关键词、内容概述或公开范围；正文不能更正（须撤回后重新发布）。");
  page_input(r, "keywords", "关键词", d->zKeywords, "");
  page_input(r, "summary", "内容概述", d->zSummary, "");
  page_input(r, "scope", "公开范围", d->zScope, "");
  manage_end(r, "correct", "我确认更正，更正将记入公开台账", "保存更正", 0);
  req_puts(r, "</div>\n");
}

static void findings_section(Req *r, const Doc *d, int bCanDecide) {
  DocFinding *aF;
  int n;
  if (store_doc_findings(r->store, &r->arena, d->id, NULL, &aF, &n) != STORE_OK) return;
  req_printf(r, "<section id=\"privacy\"><h2>保密审查扫描（密级标记、个人信息）</h2>\n");
  if (d->zScannedAt[0]) req_printf(r, "<p>最近扫描：%h</p>\n", fmt_time(r, d->zScannedAt));
  else req_puts(r, "<p>尚未扫描。</p>\n");
  if (bCanDecide)
    req_printf(r, "<form method=\"post\" action=\"/staff/docs/%lld/scan\" class=\"inline\">",
               (long long)d->id);
  if (bCanDecide) {
    page_csrf_field(r);
    req_puts(r, "<button type=\"submit\">重新扫描</button></form>\n");
  }
  if (!n) { req_puts(r, "<p>没有扫描结果。</p></section>\n"); return; }
  req_puts(r, "<table class=\"grid cards\"><thead><tr><th scope=\"col\">来源</th>"
              "<th scope=\"col\">类型</th><th scope=\"col\">内容</th>"
              "<th scope=\"col\">上下文</th><th scope=\"col\">处理</th></tr></thead><tbody>\n");
  for (int i = 0; i < n; i++) {
    const DocFinding *f = &aF[i];
    req_printf(r, "<tr data-finding=\"%lld\" data-status=\"%h\"><td>%h</td>"
                  "<td data-kind=\"%h\">%h</td><td>%h</td><td>%h</td><td>",
               (long long)f->id, f->zStatus,
               !strcmp(f->zSource, "title") ? "标题" : !strcmp(f->zSource, "body") ? "正文" : "附件",
               f->zKind,
               privacy_kind_from_name(f->zKind) ? privacy_kind_label(privacy_kind_from_name(f->zKind))
                                                : "需人工审查",
               f->zMatch, f->zContext);
    int bMark = privacy_kind_from_name(f->zKind) == PRIVACY_SECRECY_MARK;
    if (!strcmp(f->zStatus, "open") && bCanDecide && !bMark) {
      req_printf(r, "<form method=\"post\" action=\"/staff/docs/%lld/findings/%lld\" class=\"inline\">",
                 (long long)d->id, (long long)f->id);
      page_csrf_field(r);
      req_printf(r, "<input type=\"hidden\" name=\"decision\" value=\"mask\">"
                    "<button type=\"submit\">遮盖为 %h</button></form> ", f->zMask);
      req_printf(r, "<form method=\"post\" action=\"/staff/docs/%lld/findings/%lld\" class=\"inline\">",
                 (long long)d->id, (long long)f->id);
      page_csrf_field(r);
      req_puts(r, "<input type=\"hidden\" name=\"decision\" value=\"accept\">"
                  "<label>保留理由 <input name=\"reason\" required></label>"
                  "<button type=\"submit\">保留</button></form>");
    } else if (!strcmp(f->zStatus, "open") && bCanDecide) {
      /* A classification or release mark: a decision with its basis. */
      req_printf(r, "<form method=\"post\" action=\"/staff/docs/%lld/findings/%lld\" class=\"inline\">",
                 (long long)d->id, (long long)f->id);
      page_csrf_field(r);
      req_puts(r, "<input type=\"hidden\" name=\"decision\" value=\"accept\">"
                  "<label>审查决定及依据（如：已解密、经定密机关同意公开） "
                  "<input name=\"reason\" required></label>"
                  "<button type=\"submit\">记录决定，可以公开</button></form>"
                  " 不能公开的，请退回起草人。");
    } else if (!strcmp(f->zStatus, "open")) {
      req_puts(r, "待处理");
    } else {
      req_printf(r, "%h（%h，%h）%h", !strcmp(f->zStatus, "masked") ? "已遮盖" : "已保留",
                 f->zDecidedByName, fmt_time(r, f->zDecidedAt), f->zReason);
    }
    req_puts(r, "</td></tr>\n");
  }
  req_puts(r, "</tbody></table></section>\n");
}

static int doc_view(Req *r, const char *zRefusal);

int page_doc_view(Req *r) { return doc_view(r, NULL); }

void docs_refuse(Req *r, int status, const char *zMsg) {
  buf_reset(&r->out);
  doc_view(r, zMsg);
  r->status = status;
}

static int doc_view(Req *r, const char *zRefusal) {
  Doc d;
  r->bNoCache = 1;
  if (docs_load(r, 0, &d)) return 0;
  DocAttachment *aAtt;
  DocChannel *aCh;
  Doc *aInterp;
  LedgerEntry *aE;
  int nAtt = 0, nCh = 0, nInterp = 0, nE = 0;
  store_doc_attachments(r->store, &r->arena, d.id, &aAtt, &nAtt);
  store_doc_channels(r->store, &r->arena, d.id, &aCh, &nCh);
  store_doc_interpretations(r->store, &r->arena, d.id, &aInterp, &nInterp);
  store_ledger_list(r->store, &r->arena, d.id, 0, 0, &aE, &nE);
  int bDraft = !strcmp(d.zState, "draft");
  int bPub = !strcmp(d.zState, "published");
  int bMine = d.createdBy == r->user->id;

  page_begin(r, d.zTitle);

  req_printf(r, "<h1>%h</h1>\n<p>状态：", d.zTitle);
  state_badge(r, d.zState);
  req_printf(r, " · <a href=\"/staff/docs/%lld/sheet\">发布审核单</a>", (long long)d.id);
  if (bPub || !strcmp(d.zState, "withdrawn"))
    req_printf(r, " · <a href=\"/o/%u/d/%lld\">公开页面</a>", d.zOrgSlug, (long long)d.id);
  req_puts(r, "</p>\n");
  if (zRefusal)
    req_printf(r, "<div class=\"notice error\" role=\"alert\" id=\"refusal\"><p><strong>"
                  "操作未完成：</strong>%h</p><p>您填写的意见已保留在下方，处理后可再次提交。"
                  "</p></div>\n", zRefusal);
  if (strcmp(d.zValidity, "valid"))
    req_printf(r, "<p class=\"notice banner\" role=\"status\">本文件%h（%h）</p>\n",
               doc_validity_done(d.zValidity), d.zValidityDate);
  if (d.zWithdrawReason[0])
    req_printf(r, "<p class=\"notice banner\" role=\"status\">已撤回：%h</p>\n", d.zWithdrawReason);

  req_puts(r, "<table class=\"meta\"><tbody>\n");
  meta_row(r, "索引号", d.zIndexNumber[0] ? d.zIndexNumber : "（发布时生成）");
  meta_row(r, "文号", d.zDocNumber);
  meta_row(r, "发布机构", d.zPublisher[0] ? d.zPublisher : d.zOrgName);
  meta_row(r, "责任部门", d.zDeptName);
  meta_row(r, "成文日期", d.zSignedDate);
  meta_row(r, "生成日期", d.zFormedDate);
  if (d.zChangedOn[0])
    meta_row(r, "变更日期（第二十六条期限自变更之日重新起算）", d.zChangedOn);
  meta_row(r, "发布日期", d.zPublishedDate);
  art26_row(r, &d);
  meta_row(r, "公开方式", doc_label(aDocMode, d.zMode));
  if (!strcmp(d.zMode, "withheld"))
    meta_row(r, "不予公开依据", doc_label(aDocGround, d.zWithheldGround));
  meta_row(r, "公开范围", d.zScope);
  meta_row(r, "体裁", d.zGenre);
  meta_row(r, "文件类别", doc_label(aDocReportKind, d.zReportKind));
  meta_row(r, "目录事项", catalogue_item_label(r, d.catalogueItemId));
  meta_row(r, "关键词", d.zKeywords);
  meta_row(r, "内容概述", d.zSummary);
  meta_row(r, "有效性", doc_label(aDocValidity, d.zValidity));
  meta_row(r, "起草人", d.zCreatedByName);
  req_puts(r, "</tbody></table>\n");
  DocRef ref;
  if (d.interpretsId && docs_ref_visible(r, d.interpretsId, &ref) == STORE_OK)
    req_printf(r, "<p>本文是对<a href=\"/staff/docs/%lld\">%h</a>的解读。</p>\n",
               (long long)ref.id, ref.zTitle);
  for (int i = 0; i < nInterp; i++)
    req_printf(r, "<p>政策解读：<a href=\"/staff/docs/%lld\">%h</a>（%h）</p>\n",
               (long long)aInterp[i].id, aInterp[i].zTitle,
               doc_label(aDocState, aInterp[i].zState));
  Doc rep;
  if (d.replacedById && docs_ref_visible(r, d.replacedById, &ref) == STORE_OK &&
      store_doc_get(r->store, &r->arena, d.replacedById, &rep) == STORE_OK)
    req_printf(r, "<p>%h：<a href=\"/staff/docs/%lld\">%h</a>%h</p>\n",
               doc_replacement_label(d.zValidity, rep.zState, rep.zValidity),
               (long long)rep.id, rep.zTitle, docs_state_note(r, &rep));

  /* Actions for this user in this state. */
  req_puts(r, "<section class=\"actions\" id=\"actions\"><h2>办理</h2>\n");
  const char *zNext;
  Perm p;
  int bAny = 0;
  if (bDraft && req_can(r, PERM_DOC_DRAFT, d.orgId)) {
    req_printf(r, "<p><a class=\"button\" href=\"/staff/docs/%lld/edit\">修改草稿</a></p>\n",
               (long long)d.id);
    submit_form(r, &d);
    bAny = 1;
  }
  if (!doc_transition(d.zState, d.zMode, DOC_ACT_PASS, &zNext, &p) &&
      req_can(r, p, d.orgId)) {
    if (bMine)
      req_puts(r, "<p class=\"notice error\">您是本文件的起草人，不能审核自己起草的文件。</p>\n");
    else
      review_form(r, &d);
    bAny = 1;
  }
  if (bPub && req_can(r, PERM_DOC_MANAGE, d.orgId)) {
    manage_forms(r, &d);
    bAny = 1;
  }
  if (!bAny) req_puts(r, "<p>当前环节没有需要您办理的事项。</p>\n");
  req_puts(r, "</section>\n");

  docs_relations_section(r, &d);

  findings_section(r, &d, !strcmp(d.zState, "secrecy_review") &&
                              req_can(r, PERM_DOC_SECRECY, d.orgId) && !bMine);

  req_puts(r, "<section><h2>附件</h2>\n");
  if (!nAtt) req_puts(r, "<p>无附件。</p>\n");
  else req_puts(r, "<ul class=\"attachments\">\n");
  for (int i = 0; i < nAtt; i++) {
    req_printf(r, "<li><a href=\"/staff/docs/%lld/attachments/%lld\">%h</a>（%h，%lld 字节，SHA-256 <code>%h</code>）",
               (long long)d.id, (long long)aAtt[i].id, aAtt[i].zFilename, file_kind(r, aAtt[i].zMime),
               (long long)aAtt[i].size, aAtt[i].zSha256);
    if (aAtt[i].zNotes[0]) req_printf(r, "<br><span class=\"notice\">%h</span>", aAtt[i].zNotes);
    if (bDraft && req_can(r, PERM_DOC_DRAFT, d.orgId)) {
      req_printf(r, " <form method=\"post\" action=\"/staff/docs/%lld/attachments/%lld/delete\" class=\"inline\">",
                 (long long)d.id, (long long)aAtt[i].id);
      page_csrf_field(r);
      req_puts(r, "<button type=\"submit\">删除</button></form>");
    }
    req_puts(r, "</li>\n");
  }
  if (nAtt) req_puts(r, "</ul>\n");
  if (bDraft && req_can(r, PERM_DOC_DRAFT, d.orgId)) {
    req_printf(r, "<form method=\"post\" action=\"/staff/docs/%lld/attachments\" enctype=\"multipart/form-data\" class=\"form\">",
               (long long)d.id);
    page_csrf_field(r);
    req_puts(r, "<p class=\"field\"><label for=\"f-file\">上传附件（PDF、DOCX、XLSX、图片）</label>"
                "<input id=\"f-file\" type=\"file\" name=\"file\" required></p>"
                "<p><button type=\"submit\">上传</button></p></form>\n");
  }
  req_puts(r, "</section>\n");

  if (nCh) {
    req_puts(r, "<section><h2>其他发布渠道</h2><ul>\n");
    for (int i = 0; i < nCh; i++)
      req_printf(r, "<li>%h（%h）%h</li>\n", aCh[i].zChannel, aCh[i].zDay, aCh[i].zNote);
    req_puts(r, "</ul></section>\n");
  }
  if (nE) {
    req_puts(r, "<section><h2>公开台账</h2><ol>\n");
    for (int i = 0; i < nE; i++)
      req_printf(r, "<li>第%lld条 %h %h 内容哈希 <code>%h</code></li>\n", (long long)aE[i].seq,
                 fmt_time(r, aE[i].zAt), fmt_label(aE[i].zEvent), aE[i].zContentHash);
    req_puts(r, "</ol></section>\n");
  }
  req_puts(r, "<section class=\"doc-body\"><h2>正文</h2>\n");
  docs_body_html(r, d.zBody);
  req_puts(r, "</section>\n");
  page_end(r);
  return 0;
}
