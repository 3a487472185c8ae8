/*
** page_documents_home.c — the documents panel of the staff home: the
** documents waiting for a step the signed-in user may take (not one of a
** round in which they already passed another step), and the
** unpublished documents near or past the Art. 26 limit (20 working days
** from 生成日期; flagged from the setting publish_due_soon_workdays before) — only
** those to be disclosed proactively or whose mode is not yet decided.
** Scope: the user's organisation, and the subtree for roles that reach it.
*/
#include <string.h>

#include "lib/date.h"
#include "web/documents.h"
#include "web/pages.h"

/* 1 when the signed-in user already passed another step of the document's
** current review round (the review page would refuse them this one), or
** its reviews cannot be read. */
static int passed_this_round(Req *r, int64_t docId) {
  DocReview *aRev;
  int nRev;
  if (store_doc_reviews(r->store, &r->arena, docId, &aRev, &nRev) != STORE_OK) return 1;
  return doc_passed_this_round(aRev, nRev, r->user->id);
}

void panel_documents(Req *r) {
  if (!req_can(r, PERM_VIEW_STAFF, 0)) return;
  DocQuery q;
  Doc *aDoc;
  int n;
  memset(&q, 0, sizeof q);
  q.orgId = r->user->orgId;
  q.bSubtree = perm_reaches_subtree(r->user->roles, PERM_VIEW_STAFF);
  q.zState = "pending";
  q.limit = 500;
  if (store_doc_list(r->store, &r->arena, &q, &aDoc, &n, NULL) != STORE_OK) return;
  Calendar cal;
  if (docs_calendar(r, &cal)) return;
  Date today;
  date_parse(docs_today(r), &today);

  req_puts(r, "<section class=\"panel\" id=\"panel-documents\"><h2>主动公开文件</h2>\n"
              "<p><a href=\"/staff/docs\">全部文件</a>");
  if (req_can(r, PERM_DOC_DRAFT, 0)) req_puts(r, " · <a href=\"/staff/docs/new\">新建文件</a>");
  req_puts(r, "</p>\n<h3>待我办理</h3><ul class=\"awaiting\">\n");
  int nMine = 0;
  for (int i = 0; i < n; i++) {
    const char *zNext;
    Perm p;
    DocAction e = !strcmp(aDoc[i].zState, "draft") ? DOC_ACT_SUBMIT : DOC_ACT_PASS;
    if (doc_transition(aDoc[i].zState, aDoc[i].zMode, e, &zNext, &p)) continue;
    if (!req_can(r, p, aDoc[i].orgId)) continue;
    if (e == DOC_ACT_SUBMIT && aDoc[i].createdBy != r->user->id) continue;
    if (e == DOC_ACT_PASS && aDoc[i].createdBy == r->user->id) continue;
    if (e == DOC_ACT_PASS && passed_this_round(r, aDoc[i].id)) continue;
    req_printf(r, "<li><a href=\"/staff/docs/%lld\">%h</a>（%h）</li>\n",
               (long long)aDoc[i].id, aDoc[i].zTitle, doc_label(aDocState, aDoc[i].zState));
    nMine++;
  }
  if (!nMine) req_puts(r, "<li>暂无</li>\n");
  req_puts(r, "</ul>\n<h3>公开时限（第二十六条：形成或者变更之日起20个工作日内）</h3>"
              "<ul class=\"art26\">\n");
  int nFlag = 0;
  int nWarn = (int)store_setting_int(r->store, SET_PUBLISH_DUE_SOON_WORKDAYS);
  for (int i = 0; i < n; i++) {
    Date formed, due;
    char zDue[DATE_STRLEN];
    if (!aDoc[i].zFormedDate[0] || date_parse(aDoc[i].zFormedDate, &formed)) continue;
    /* Art. 26 binds proactive information only (mode unset: not yet
    ** decided, so still flagged). */
    if (!strcmp(aDoc[i].zMode, "on_request") || !strcmp(aDoc[i].zMode, "withheld"))
      continue;
    Date changed = DATE_NONE;
    if (aDoc[i].zChangedOn[0]) date_parse(aDoc[i].zChangedOn, &changed);
    int left = doc_art26_left(&cal, doc_art26_start(formed, changed), today, &due);
    if (left > nWarn) continue;
    date_format(due, zDue);
    req_printf(r, "<li class=\"%s\" data-left=\"%d\"><a href=\"/staff/docs/%lld\">%h</a>"
                  "（%h，期限 %h，", left < 0 ? "overdue" : "due-soon", left,
               (long long)aDoc[i].id, aDoc[i].zTitle, aDoc[i].zOrgName, zDue);
    if (left < 0) req_printf(r, "已超期 %d 个工作日）</li>\n", -left);
    else req_printf(r, "剩余 %d 个工作日）</li>\n", left);
    nFlag++;
  }
  if (!nFlag) req_puts(r, "<li>没有临近或超过时限的文件</li>\n");
  req_puts(r, "</ul></section>\n");
  cal_free(&cal);
}
