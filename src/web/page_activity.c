/*
** page_activity.c — the page of one activity of the register (新闻发布会,
** 在线访谈, 政府开放日, 培训, 会议, 宣传材料): its record and attachments,
** and for an editor the correction of its fields (a training's people
** miscounted, the wrong kind or day), which the dashboard and the annual
** report (stat form 二（二）1–2, 九; the 2021 draft's 一 and 五) count.
** The list and the registration are in page_registers.c.
*/
#include <string.h>

#include "web/feedback.h"
#include "web/pages.h"
#include "web/registers.h"

/* The correction form of activity *a (what was typed when bTyped). */
static void activity_form_html(Req *r, const Activity *a, int bTyped) {
  int nKind;
  const char *const *aKind = reg_activity_kinds(&nKind);
  const char *zKind = bTyped ? req_param_or(r, "kind", "") : a->zKind;
  const char *zLeader = bTyped ? req_param_or(r, "leader", "")
                      : a->leaderAttended < 0 ? "" : a->leaderAttended ? "yes" : "no";
  req_puts(r, "<h2>更正活动信息</h2><form method=\"post\" class=\"form\">");
  page_csrf_field(r);
  req_puts(r, "<p class=\"field\"><label for=\"f-kind\">类别</label><select id=\"f-kind\" name=\"kind\">");
  for (int i = 0; i < nKind; i++)
    req_printf(r, "<option value=\"%h\"%s>%h</option>", aKind[i],
               !strcmp(aKind[i], zKind) ? " selected" : "", reg_activity_label(aKind[i]));
  req_puts(r, "</select></p>\n");
  reg_date_input(r, "held_on", "日期", bTyped ? req_param(r, "held_on") : a->zHeldOn, 1);
  page_input(r, "title", "名称", bTyped ? req_param(r, "title") : a->zTitle,
             "required maxlength=\"200\"");
  reg_textarea(r, "description", "简要说明",
               bTyped ? req_param(r, "description") : a->zDescription, 0);
  req_printf(r, "<fieldset><legend>主要负责人是否出席（新闻发布会、在线访谈）</legend>"
                "<label class=\"check\"><input type=\"radio\" name=\"leader\" value=\"yes\"%s> 是</label>"
                "<label class=\"check\"><input type=\"radio\" name=\"leader\" value=\"no\"%s> 否</label>"
                "</fieldset>\n", !strcmp(zLeader, "yes") ? " checked" : "",
             !strcmp(zLeader, "no") ? " checked" : "");
  page_input(r, "sessions", "场次（培训、会议）",
             bTyped ? req_param(r, "sessions") : req_fmt(r, "%d", a->sessions),
             "inputmode=\"numeric\"");
  page_input(r, "people", "人次", bTyped ? req_param(r, "people") : req_fmt(r, "%d", a->people),
             "inputmode=\"numeric\"");
  req_puts(r, "<p><button type=\"submit\">保存更正</button></p></form>\n");
}

/* The record of *a: its fields and attachments. */
static void activity_record(Req *r, const Activity *a) {
  req_printf(r, "<dl class=\"meta\"><dt>单位</dt><dd>%h</dd><dt>类别</dt><dd>%h</dd>"
                "<dt>日期</dt><dd>%h</dd><dt>简要说明</dt><dd>%h</dd>"
                "<dt>主要负责人出席</dt><dd>%h</dd><dt>场次</dt><dd>%d</dd><dt>人次</dt><dd>%d</dd>"
                "<dt>附件</dt><dd>",
             a->zOrgName, reg_activity_label(a->zKind), fmt_date(r, a->zHeldOn),
             a->zDescription, a->leaderAttended < 0 ? "—" : a->leaderAttended ? "是" : "否",
             a->sessions, a->people);
  ActivityFile *aF;
  int nF = 0;
  if (a->nFile && store_activity_files(r->store, &r->arena, a->id, &aF, &nF) == STORE_OK)
    for (int k = 0; k < nF; k++)
      req_printf(r, "<a href=\"/staff/activity-files/%lld\">%h</a> ", (long long)aF[k].id,
                 aF[k].zName);
  if (!nF) req_puts(r, "无");
  req_puts(r, "</dd></dl>\n");
}

int page_activity_view(Req *r) {
  int64_t id = req_arg_id(r, 0);
  Activity a;
  const char *zErr = NULL;
  r->bNoCache = 1;
  if (!id || store_activity_get(r->store, &r->arena, id, &a) != STORE_OK) {
    http_error(r, 404, "活动不存在");
    return 0;
  }
  if (reg_check(r, PERM_VIEW_STAFF, a.orgId)) return 0;
  if (r->method == HTTP_POST) {
    if (reg_check(r, PERM_REGISTER_EDIT, a.orgId)) return 0;
    Activity b = a;
    zErr = reg_activity_form(r, &b);
    if (!zErr && store_activity_update(r->store, &b) != STORE_OK) zErr = store_errmsg(r->store);
    if (!zErr) {
      store_audit(r->store, r->user->id, a.orgId, "activity.update", b.zTitle);
      page_feedback(r, FB_ACTIVITY_UPDATE, b.zTitle,
                    req_fmt(r, "%s，%s，%d 场 %d 人次", reg_activity_label(b.zKind),
                            fmt_date(r, b.zHeldOn), b.sessions, b.people), NULL);
      req_redirect(r, req_fmt(r, "/staff/activities/%lld", (long long)id));
      return 0;
    }
  }
  page_begin(r, a.zTitle);
  req_printf(r, "<p><a href=\"/staff/activities?org=%lld\">返回公开活动</a></p>\n<h1>%h</h1>\n",
             (long long)a.orgId, a.zTitle);
  if (zErr) page_notice(r, "error", zErr);
  activity_record(r, &a);
  if (req_can(r, PERM_REGISTER_EDIT, a.orgId)) activity_form_html(r, &a, zErr != NULL);
  page_end(r);
  if (zErr) r->status = 422;
  return 0;
}
