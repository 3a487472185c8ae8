/*
** page_workplan.c — the annual work plan (工作要点): import from plain text
** (core/workplan.h: one task per numbered paragraph, departments from the
** closing parenthesis), the task list with lead and co-operating
** departments and due dates, and progress reports with evidence links.
*/
#include <string.h>

#include "core/document.h"
#include "core/workplan.h"
#include "store/store_documents.h"
#include "web/feedback.h"
#include "web/pages.h"
#include "web/registers.h"

/* 1 when z is a web address or a site path. */
static int is_url(const char *z) {
  return !strncmp(z, "http://", 7) || !strncmp(z, "https://", 8) || z[0] == '/';
}

/* The published document of orgId with index number z, in *pd; 1 found. */
static int evidence_doc(Req *r, int64_t orgId, const char *z, Doc *pd) {
  return z[0] && !is_url(z) &&
         store_doc_by_index(r->store, &r->arena, orgId, z, pd) == STORE_OK &&
         doc_is_public(pd);
}

/* The text of the plan to import: the uploaded file, else the textarea. */
static const char *plan_text(Req *r, size_t *pn) {
  const ReqParam *f = req_file(r, "file");
  if (f) { *pn = f->nValue; return f->zValue; }
  const char *z = req_param_or(r, "text", "");
  *pn = strlen(z);
  return z;
}

/* The ?filter= values of the plan list: each lists the tasks (not the
** plans) of the plans in view, as the dashboard counts them. */
static const struct {
  const char *zName, *zLabel;
  TaskFilter e;
} aTaskFilter[] = {
  {"tasks", "全部任务", TASK_ALL},
  {"done", "已完成的任务", TASK_DONE},
  {"overdue", "逾期未完成的任务", TASK_OVERDUE},
};

/* The task table of filter k for sc (the dashboard's task figures link
** here); 0, or -1 after a 500 page. */
static int task_table(Req *r, const RegScope *sc, int k, const char *zToday) {
  TaskRec *aT;
  int n;
  if (store_task_list(r->store, &r->arena, sc->orgId, sc->bSubtree, sc->year, zToday,
                      aTaskFilter[k].e, &aT, &n) != STORE_OK) {
    http_store_error(r, store_errcode(r->store));
    return -1;
  }
  req_printf(r, "<p class=\"filter\" id=\"filter\">筛选：%h%h <a href=\"/staff/workplans%h\">"
                "清除筛选</a></p>\n",
             sc->year ? req_fmt(r, "%d 年", sc->year) : "", aTaskFilter[k].zLabel,
             reg_qs(r, sc));
  req_printf(r, "<table class=\"grid cards\" id=\"task-list\"><caption>%h（%d 项）</caption><thead><tr>"
                "<th scope=\"col\">工作要点</th><th scope=\"col\">单位</th><th scope=\"col\">序号</th>"
                "<th scope=\"col\">任务</th><th scope=\"col\">牵头</th><th scope=\"col\">期限</th>"
                "<th scope=\"col\">完成</th></tr></thead><tbody>\n",
             aTaskFilter[k].zLabel, n);
  for (int i = 0; i < n; i++) {
    int bLate = !aT[i].zDoneOn[0] && aT[i].zDueOn[0] && strcmp(aT[i].zDueOn, zToday) < 0;
    req_printf(r, "<tr><td><a href=\"/staff/workplans/%lld\">%h</a></td><td>%h</td><td>%h</td>"
                  "<td><a href=\"/staff/tasks/%lld\">%h</a></td><td>%h</td>"
                  "<td class=\"%s\">%h</td><td>%h</td></tr>\n",
               (long long)aT[i].planId, aT[i].zPlanTitle, aT[i].zOrgName, aT[i].zNumber,
               (long long)aT[i].id, aT[i].zHeading[0] ? aT[i].zHeading : "任务", aT[i].zLead,
               bLate ? "missed" : "", aT[i].zDueOn, aT[i].zDoneOn);
  }
  if (!n) req_puts(r, "<tr><td colspan=\"7\">没有符合条件的任务</td></tr>\n");
  req_puts(r, "</tbody></table>\n");
  return 0;
}

int page_workplan_list(Req *r) {
  RegScope sc;
  const char *zErr = NULL;
  int rcStore = STORE_INVALID;  /* what a failed import answers */
  r->bNoCache = 1;
  if (reg_scope(r, PERM_VIEW_STAFF, &sc)) return 0;
  const char *zToday = reg_today(r);
  if (r->method == HTTP_POST) {
    if (reg_check(r, PERM_REGISTER_EDIT, sc.orgId)) return 0;
    int64_t year;
    size_t n;
    const char *z = plan_text(r, &n);
    WpPlan plan;
    int64_t id;
    if (req_param_int(r, "pyear", 1990, 2999, &year) != 1) zErr = "请填写有效的年度";
    else if (workplan_parse(&r->arena, z, n, &plan, &zErr) == 0) {
      if ((rcStore = store_workplan_import(r->store, sc.orgId, (int)year, &plan,
                                           arena_strndup(&r->arena, z, n), &id)) != STORE_OK)
        zErr = store_errmsg(r->store);
      else {
        store_audit(r->store, r->user->id, sc.orgId, "workplan.import", plan.zTitle);
        page_feedback(r, FB_WORKPLAN_IMPORT, plan.zTitle,
                      req_fmt(r, "年度为%d年，共 %d 项任务", (int)year, plan.nTask), NULL);
        req_redirect(r, req_fmt(r, "/staff/workplans/%lld", (long long)id));
        return 0;
      }
    }
  }
  /* ?filter=tasks|done|overdue: the tasks instead of the plans. */
  const char *zFilter = req_param_or(r, "filter", "");
  int iFilter = -1;
  for (int k = 0; k < (int)(sizeof aTaskFilter / sizeof aTaskFilter[0]); k++)
    if (!strcmp(zFilter, aTaskFilter[k].zName)) iFilter = k;
  if (iFilter < 0 && zFilter[0]) {
    http_error(r, 400, "筛选参数无效，请使用页面上的筛选链接");
    return 0;
  }
  WorkplanRec *aW;
  int n;
  if (store_workplan_list(r->store, &r->arena, sc.orgId, sc.bSubtree, sc.year,
                          zToday, &aW, &n) != STORE_OK) {
    http_store_error(r, store_errcode(r->store));
    return 0;
  }
  page_begin(r, "工作要点");
  req_puts(r, "<h1>工作要点</h1>\n");
  reg_nav(r, &sc, "workplans");
  static const RegFilter aWF[] = {{"", "全部工作要点"},
                                  {"tasks", "全部任务"},
                                  {"overdue", "逾期未完成的任务"},
                                  {"done", "已完成的任务"}};
  reg_filter_links(r, &sc, "/staff/workplans", aWF, 4, zFilter);
  if (zErr) page_notice(r, "error", zErr);
  if (iFilter >= 0) {
    if (task_table(r, &sc, iFilter, zToday)) return 0;
    page_end(r);
    return 0;
  }
  req_puts(r, "<table class=\"grid cards\" id=\"plan-list\"><caption>年度工作要点</caption><thead><tr>"
              "<th scope=\"col\">年度</th><th scope=\"col\">名称</th><th scope=\"col\">单位</th>"
              "<th scope=\"col\">任务</th><th scope=\"col\">已完成</th><th scope=\"col\">逾期未完成</th>"
              "</tr></thead><tbody>\n");
  for (int i = 0; i < n; i++)
    req_printf(r, "<tr><td>%d</td><td><a href=\"/staff/workplans/%lld\">%h</a></td><td>%h</td>"
                  "<td>%d</td><td>%d</td><td class=\"%s\">%d</td></tr>\n",
               aW[i].year, (long long)aW[i].id, aW[i].zTitle, aW[i].zOrgName,
               aW[i].nTask, aW[i].nDone, aW[i].nOverdue ? "missed" : "", aW[i].nOverdue);
  if (!n) req_puts(r, "<tr><td colspan=\"6\">暂无工作要点</td></tr>\n");
  req_puts(r, "</tbody></table>\n");
  if (sc.bEdit) {
    req_puts(r, "<h2>导入工作要点</h2>\n<p>粘贴或上传纯文本：每项任务一个编号段落，段末括号写明牵头和配合部门，"
                "如“（办公室牵头负责，局机关其他业务科室配合落实）”。</p>\n"
                "<form method=\"post\" class=\"form\" enctype=\"multipart/form-data\">");
    req_printf(r, "<input type=\"hidden\" name=\"org\" value=\"%lld\">", (long long)sc.orgId);
    page_csrf_field(r);
    page_input(r, "pyear", "年度", req_param(r, "pyear"), "required inputmode=\"numeric\"");
    reg_textarea(r, "text", "工作要点全文", req_param(r, "text"), 0);
    req_puts(r, "<p class=\"field\"><label for=\"f-file\">或上传文本文件（记事本、Word 或 WPS 另存的 TXT 均可）</label>"
                "<input type=\"file\" id=\"f-file\" name=\"file\" accept=\".txt,text/plain\"></p>\n"
                "<p><button type=\"submit\">导入</button></p></form>\n");
  }
  page_end(r);
  if (zErr) r->status = http_store_status(rcStore);
  return 0;
}

/* The correction of plan *w (action=edit): its year and title; the
** tasks stay.  NULL after redirecting, else the refusal (field marked)
** with its status in *pStatus (409 when the name is taken). */
static const char *workplan_edit_post(Req *r, const WorkplanRec *w, int *pStatus) {
  int64_t year;
  const char *zTitle = req_param_or(r, "title", ""), *zErr = NULL;
  if (req_param_int(r, "pyear", 1990, 2999, &year) != 1) {
    page_field_error(r, "pyear", "请填写有效的年度");
    return "请填写有效的年度";
  }
  if ((zErr = reg_text_check("名称", zTitle, 200, 1)) != NULL) {
    page_field_error(r, "title", zErr);
    return zErr;
  }
  int rc = store_workplan_update(r->store, w->id, (int)year, zTitle);
  if (rc != STORE_OK) {
    *pStatus = http_store_status(rc);
    return store_errmsg(r->store);
  }
  store_audit(r->store, r->user->id, w->orgId, "workplan.update", zTitle);
  page_feedback(r, FB_WORKPLAN_UPDATE, zTitle, req_fmt(r, "年度为%d年", (int)year), NULL);
  req_redirect(r, req_fmt(r, "/staff/workplans/%lld", (long long)w->id));
  return NULL;
}

/* Deletes plan *w (action=delete) after asking: a plan imported by
** mistake, before any progress was reported on it.  Always 0 (answered). */
static int workplan_delete_post(Req *r, const WorkplanRec *w) {
  if (!page_confirmed(r, req_fmt(r, "删除%d年“%s”及其 %d 项任务？删除后无法恢复，"
                                    "可重新导入正确的文本。", w->year, w->zTitle, w->nTask),
                      "确认删除"))
    return 0;
  int rc = store_workplan_delete(r->store, w->id);
  if (rc != STORE_OK) {
    http_store_error(r, rc);
    return 0;
  }
  store_audit(r->store, r->user->id, w->orgId, "workplan.delete", w->zTitle);
  page_feedback(r, FB_WORKPLAN_DELETE, w->zTitle, req_fmt(r, "共 %d 项任务", w->nTask), NULL);
  req_redirect(r, req_fmt(r, "/staff/workplans?org=%lld", (long long)w->orgId));
  return 0;
}

/* Whether any of the n tasks aT has a progress report. */
static int plan_has_progress(const TaskRec *aT, int n) {
  for (int i = 0; i < n; i++)
    if (aT[i].zLastNote[0]) return 1;
  return 0;
}

/* The task table of a plan: its n tasks aT as of zToday. */
static void plan_task_table(Req *r, const TaskRec *aT, int n, const char *zToday) {
  req_puts(r, "<table class=\"grid cards\"><caption>任务</caption><thead><tr>"
              "<th scope=\"col\">序号</th><th scope=\"col\">任务</th><th scope=\"col\">牵头</th>"
              "<th scope=\"col\">配合</th><th scope=\"col\">期限</th><th scope=\"col\">进展</th>"
              "</tr></thead><tbody>\n");
  for (int i = 0; i < n; i++) {
    int bLate = !aT[i].zDoneOn[0] && aT[i].zDueOn[0] && strcmp(aT[i].zDueOn, zToday) < 0;
    req_printf(r, "<tr><td>%h</td><td><a href=\"/staff/tasks/%lld\">%h</a>"
                  "<br><small>%h</small></td><td>%h</td><td>%h</td><td class=\"%s\">%h</td><td>%h%h</td></tr>\n",
               aT[i].zNumber, (long long)aT[i].id, aT[i].zHeading[0] ? aT[i].zHeading : "任务",
               aT[i].zText, aT[i].zLead, aT[i].zCo, bLate ? "missed" : "",
               aT[i].zDueOn, aT[i].zDoneOn[0] ? "已完成 " : "", aT[i].zLastNote);
  }
  req_puts(r, "</tbody></table>\n");
}

int page_workplan_view(Req *r) {
  int64_t id = req_arg_id(r, 0);
  WorkplanRec w;
  const char *zToday = reg_today(r), *zErr = NULL;
  int status = 422;
  r->bNoCache = 1;
  if (!id || store_workplan_get(r->store, &r->arena, id, zToday, &w) != STORE_OK) {
    http_error(r, 404, "工作要点不存在");
    return 0;
  }
  if (reg_check(r, PERM_VIEW_STAFF, w.orgId)) return 0;
  if (r->method == HTTP_POST) {
    if (reg_check(r, PERM_REGISTER_EDIT, w.orgId)) return 0;
    const char *zAction = req_param_or(r, "action", "");
    if (!strcmp(zAction, "delete")) return workplan_delete_post(r, &w);
    if (strcmp(zAction, "edit")) {
      http_error(r, 400, "未知操作");
      return 0;
    }
    if ((zErr = workplan_edit_post(r, &w, &status)) == NULL) return 0;
  }
  TaskRec *aT;
  int n;
  if (store_workplan_tasks(r->store, &r->arena, id, &aT, &n) != STORE_OK) {
    http_store_error(r, store_errcode(r->store));
    return 0;
  }
  page_begin(r, w.zTitle);
  req_printf(r, "<p><a href=\"/staff/workplans?org=%lld\">返回工作要点</a></p>\n"
                "<h1>%d年 %h</h1>\n", (long long)w.orgId, w.year, w.zTitle);
  if (zErr) page_form_error(r, zErr);
  req_printf(r, "<p>%h · 任务 %d 项，已完成 %d 项，逾期未完成 %d 项。</p>\n",
             w.zOrgName, w.nTask, w.nDone, w.nOverdue);
  plan_task_table(r, aT, n, zToday);
  if (req_can(r, PERM_REGISTER_EDIT, w.orgId)) {
    req_puts(r, "<h2>更正年度和名称</h2><p>各项任务的分工、期限在任务页面更正。</p>"
                "<form method=\"post\" class=\"form\"><input type=\"hidden\" name=\"action\" value=\"edit\">");
    page_csrf_field(r);
    page_input(r, "pyear", "年度", req_fmt(r, "%d", w.year), "required inputmode=\"numeric\"");
    page_input(r, "title", "名称", w.zTitle, "required maxlength=\"200\"");
    req_puts(r, "<p><button type=\"submit\">保存更正</button></p></form>\n");
    if (!w.nDone && !plan_has_progress(aT, n)) {
      req_puts(r, "<h2>删除工作要点</h2><p>导入了错误的文本时，在报告任何进展之前可以删除后重新导入。</p>"
                  "<form method=\"post\" class=\"form\"><input type=\"hidden\" name=\"action\" value=\"delete\">");
      page_csrf_field(r);
      req_puts(r, "<p><button type=\"submit\" class=\"danger\">删除</button></p></form>\n");
    }
  }
  page_end(r);
  if (zErr) r->status = status;
  return 0;
}

/* The progress report of a task (POST without action): the note, the
** evidence, the date (not after today, Beijing) and whether it completes
** the task.  Returns NULL after redirecting, else the refusal's message. */
static const char *task_progress_post(Req *r, const TaskRec *t, int64_t orgId) {
  const char *zNote = req_param_or(r, "note", ""), *zOn;
  const char *zEvidence = req_param_or(r, "evidence", "");
  const char *zErr;
  Doc dEv;
  zErr = reg_text_check("进展情况", zNote, 4000, 1);
  if (!zErr) zErr = reg_text_check("佐证链接", zEvidence, 500, 0);
  if (!zErr && zEvidence[0] && !is_url(zEvidence) && !evidence_doc(r, orgId, zEvidence, &dEv))
    zErr = "佐证应为网址，或本单位已发布文件的索引号";
  if (!zErr) zErr = reg_date_field(r, "reported_on", "报告日期", 1, &zOn);
  if (!zErr && strcmp(zOn, reg_today(r)) > 0) zErr = "报告日期不能晚于今天";
  if (zErr) return zErr;
  if (store_task_progress_add(r->store, t->id, zOn, zNote, zEvidence,
                              r->user->id, req_param(r, "done") != NULL) != STORE_OK)
    return store_errmsg(r->store);
  store_audit(r->store, r->user->id, orgId, "workplan.progress", t->zNumber);
  page_feedback(r, req_param(r, "done") ? FB_TASK_DONE : FB_TASK_PROGRESS,
                t->zHeading[0] ? t->zHeading : t->zNumber,
                req_fmt(r, "报告日期为%s", fmt_date(r, zOn)), NULL);
  return NULL;
}

/* The correction of a task (action=edit): lead and co-operating
** departments, due date, completion date (blank: open again; not after
** today).  Returns NULL after queuing the feedback, else the message. */
static const char *task_edit_post(Req *r, const TaskRec *t, int64_t orgId) {
  const char *zLead = req_param_or(r, "lead", ""), *zCo = req_param_or(r, "co", "");
  const char *zDue, *zDone, *zErr;
  zErr = reg_text_check("牵头部门", zLead, 200, 1);
  if (!zErr) zErr = reg_text_check("配合部门", zCo, 500, 0);
  if (!zErr) zErr = reg_date_field(r, "due_on", "期限", 0, &zDue);
  if (!zErr) zErr = reg_date_field(r, "done_on", "完成日期", 0, &zDone);
  if (!zErr && zDone && strcmp(zDone, reg_today(r)) > 0) zErr = "完成日期不能晚于今天";
  if (zErr) return zErr;
  if (store_task_update(r->store, t->id, zLead, zCo, zDue, zDone) != STORE_OK)
    return store_errmsg(r->store);
  store_audit(r->store, r->user->id, orgId, "workplan.task.update", t->zNumber);
  page_feedback(r, FB_TASK_UPDATE, t->zHeading[0] ? t->zHeading : t->zNumber,
                req_fmt(r, "期限%s，%s", zDue ? fmt_date(r, zDue) : "未定",
                        zDone ? req_fmt(r, "%s完成", fmt_date(r, zDone)) : "未完成"),
                NULL);
  return NULL;
}

/* The progress table of a task of orgId: its n reports aP. */
static void task_progress_table(Req *r, const ProgressRec *aP, int n, int64_t orgId) {
  req_puts(r, "<table class=\"grid cards\"><caption>进展</caption><thead><tr><th scope=\"col\">日期</th>"
              "<th scope=\"col\">情况</th><th scope=\"col\">佐证</th><th scope=\"col\">填报人</th>"
              "</tr></thead><tbody>\n");
  for (int i = 0; i < n; i++) {
    req_printf(r, "<tr><td>%h</td><td>%h</td><td>", aP[i].zReportedOn, aP[i].zNote);
    Doc dEv;
    if (is_url(aP[i].zEvidence))
      req_printf(r, "<a href=\"%h\" rel=\"noopener\">%h</a>", aP[i].zEvidence, aP[i].zEvidence);
    else if (evidence_doc(r, orgId, aP[i].zEvidence, &dEv))
      req_printf(r, "<a href=\"/o/%u/d/%lld\">%h</a>（%h）", dEv.zOrgSlug, (long long)dEv.id,
                 dEv.zTitle, dEv.zIndexNumber);
    else
      req_printf(r, "%h", aP[i].zEvidence);
    req_printf(r, "</td><td>%h</td></tr>\n", aP[i].zUserName);
  }
  if (!n) req_puts(r, "<tr><td colspan=\"4\">暂无进展</td></tr>\n");
  req_puts(r, "</tbody></table>\n");
}

/* The forms of a task's page for an editor: a progress report, then the
** correction of its departments and dates (what was typed, after a
** refused correction). */
static void task_forms(Req *r, const TaskRec *t, int bTyped) {
  req_puts(r, "<h2>报告进展</h2><form method=\"post\" class=\"form\">");
  page_csrf_field(r);
  reg_textarea(r, "note", "进展情况", "", 1);
  page_input(r, "evidence", "佐证（公开文件链接或索引号，选填）", "", "maxlength=\"500\"");
  reg_date_input(r, "reported_on", "报告日期", reg_today(r), 1);
  req_puts(r, "<p><label class=\"check\"><input type=\"checkbox\" name=\"done\" value=\"1\"> 任务已完成</label></p>"
              "<p><button type=\"submit\">保存</button></p></form>\n");
  req_puts(r, "<h2>更正分工和期限</h2><form method=\"post\" class=\"form\">"
              "<input type=\"hidden\" name=\"action\" value=\"edit\">");
  page_csrf_field(r);
  page_input(r, "lead", "牵头部门（用顿号分隔）", bTyped ? req_param(r, "lead") : t->zLead,
             "required maxlength=\"200\"");
  page_input(r, "co", "配合部门（用顿号分隔）", bTyped ? req_param(r, "co") : t->zCo,
             "maxlength=\"500\"");
  reg_date_input(r, "due_on", "期限", bTyped ? req_param(r, "due_on") : t->zDueOn, 0);
  reg_date_input(r, "done_on", "完成日期（未完成时留空）",
                 bTyped ? req_param(r, "done_on") : t->zDoneOn, 0);
  req_puts(r, "<p><button type=\"submit\">保存更正</button></p></form>\n");
}

int page_task_view(Req *r) {
  int64_t id = req_arg_id(r, 0), orgId;
  TaskRec t;
  const char *zErr = NULL;
  int bEdit = 0;
  r->bNoCache = 1;
  if (!id || store_task_get(r->store, &r->arena, id, &t, &orgId) != STORE_OK) {
    http_error(r, 404, "工作任务不存在");
    return 0;
  }
  if (reg_check(r, PERM_VIEW_STAFF, orgId)) return 0;
  if (r->method == HTTP_POST) {
    if (reg_check(r, PERM_REGISTER_EDIT, orgId)) return 0;
    bEdit = !strcmp(req_param_or(r, "action", ""), "edit");
    zErr = bEdit ? task_edit_post(r, &t, orgId) : task_progress_post(r, &t, orgId);
    if (!zErr) {
      req_redirect(r, req_fmt(r, "/staff/tasks/%lld", (long long)id));
      return 0;
    }
  }
  ProgressRec *aP;
  int n;
  if (store_task_progress(r->store, &r->arena, id, &aP, &n) != STORE_OK) {
    http_store_error(r, store_errcode(r->store));
    return 0;
  }
  page_begin(r, "工作任务");
  req_printf(r, "<p><a href=\"/staff/workplans/%lld\">返回工作要点</a></p>\n<h1>任务 %h</h1>\n",
             (long long)t.planId, t.zNumber);
  if (zErr) page_notice(r, "error", zErr);
  req_printf(r, "<dl class=\"meta\"><dt>所属</dt><dd>%h</dd><dt>任务</dt><dd>%h</dd>"
                "<dt>牵头部门</dt><dd>%h</dd><dt>配合部门</dt><dd>%h</dd>"
                "<dt>原文分工</dt><dd>%h</dd><dt>期限</dt><dd>%h</dd><dt>完成</dt><dd>%h</dd></dl>\n",
             t.zHeading, t.zText, t.zLead, t.zCo, t.zDeptsRaw, t.zDueOn,
             t.zDoneOn[0] ? t.zDoneOn : "未完成");
  task_progress_table(r, aP, n, orgId);
  if (req_can(r, PERM_REGISTER_EDIT, orgId)) task_forms(r, &t, bEdit && zErr);
  page_end(r);
  if (zErr) r->status = 422;
  return 0;
}
