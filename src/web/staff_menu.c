/*
** staff_menu.c — the staff menu (staff_menu.h).  One table: label, target,
** the permission of the target's route (routes.c) and the path prefixes
** that mark the entry as current.  The counts come from two grouped store
** queries (store_staff.h); which rows wait for this user is decided here
** with req_can on each row's organisation, the check the action itself
** makes (doc_transition's permission for a document step; the case page's
** for an application).
*/
#include "web/staff_menu.h"

#include <string.h>

#include "core/document.h"
#include "store/store_staff.h"
#include "web/pages.h"

typedef int (*CountFn)(Req *r);

static const struct MenuItem {
  const char *zLabel, *zHref;
  Perm perm;                 /* the permission of zHref's route */
  const char *azPrefix[9];   /* paths (and their subpaths) of this entry */
  CountFn xCount;            /* records waiting for the user, or NULL */
  const char *zCountHint;    /* what the count means (screen readers) */
} aMenu[] = {
  {"工作台", "/staff", PERM_LOGIN, {"/staff/password"}, NULL, NULL},
  {"文件", "/staff/docs", PERM_VIEW_STAFF, {"/staff/docs"}, staff_wait_docs, "件待您审核"},
  {"目录", "/staff/catalogue", PERM_DOC_MANAGE, {"/staff/catalogue", "/staff/freshness"},
   NULL, NULL},
  {"申请", "/staff/applications", PERM_VIEW_STAFF,
   {"/staff/applications", "/staff/answer-templates"}, staff_wait_apps, "件待您办理"},
  {"登记簿", "/staff/registers", PERM_VIEW_STAFF,
   {"/staff/registers", "/staff/opinion", "/staff/messages", "/staff/proposals",
    "/staff/activities", "/staff/activity-files", "/staff/workplans", "/staff/tasks",
    "/staff/dashboard"}, NULL, NULL},
  {"报告", "/staff/reports", PERM_VIEW_STAFF, {"/staff/reports", "/staff/report-check"},
   NULL, NULL},
  {"督查", "/staff/supervise", PERM_SUPERVISE, {"/staff/supervise", "/staff/inspections"},
   NULL, NULL},
  {"管理", "/admin/orgs", PERM_ADMIN, {"/admin"}, NULL, NULL},
};

/* 1 when zPath is zPrefix or below it. */
static int under(const char *zPath, const char *zPrefix) {
  size_t n = strlen(zPrefix);
  return !strncmp(zPath, zPrefix, n) && (zPath[n] == 0 || zPath[n] == '/' ||
                                         zPath[n] == '.');
}

int staff_menu_applies(const char *zPath) {
  return zPath && (under(zPath, "/staff") || under(zPath, "/admin"));
}

static int is_current(const struct MenuItem *m, const char *zPath) {
  if (!strcmp(zPath, m->zHref)) return 1;
  for (int i = 0; i < 9 && m->azPrefix[i]; i++)
    if (under(zPath, m->azPrefix[i])) return 1;
  return 0;
}

int staff_wait_docs(Req *r) {
  WaitCount *aW;
  int n, nWait = 0;
  if (store_wait_docs(r->store, &r->arena, r->user->id, &aW, &n) != STORE_OK) return -1;
  for (int i = 0; i < n; i++) {
    const char *zNext;
    Perm p;
    /* The drafter may not review their own document (page_doc_action). */
    if (aW[i].bMine || doc_transition(aW[i].zState, "", DOC_ACT_PASS, &zNext, &p)) continue;
    if (req_can(r, p, aW[i].orgId)) nWait += aW[i].n;
  }
  return nWait;
}

int staff_wait_apps(Req *r) {
  WaitCount *aW;
  int n, nWait = 0;
  if (store_wait_apps(r->store, &r->arena, r->user->id, &aW, &n) != STORE_OK) return -1;
  for (int i = 0; i < n; i++) {
    const char *z = aW[i].zState;
    int64_t org = aW[i].orgId;
    /* Review and approval as the case page offers them (page_app_view). */
    int bApprove = req_can(r, PERM_APP_APPROVE, org);
    int bReview = bApprove || req_can(r, PERM_DOC_DEPT_REVIEW, org);
    if (!strcmp(z, "awaiting_review") ? bReview
        : !strcmp(z, "awaiting_approval") ? bApprove
        : aW[i].bMine)
      nWait += aW[i].n;
  }
  return nWait;
}

void staff_menu(Req *r) {
  if (!r->user) return;
  const char *zPath = r->zPath ? r->zPath : "";
  req_puts(r, "<nav class=\"staff-menu\" aria-label=\"工作菜单\"><div class=\"wrap\"><ul>");
  for (size_t i = 0; i < sizeof aMenu / sizeof aMenu[0]; i++) {
    const struct MenuItem *m = &aMenu[i];
    if (m->perm != PERM_LOGIN && !req_can(r, m->perm, 0)) continue;
    req_printf(r, "<li><a href=\"%h\"%s>%h", m->zHref,
               is_current(m, zPath) ? " aria-current=\"page\"" : "", m->zLabel);
    int n = m->xCount ? m->xCount(r) : 0;
    if (n > 0)
      req_printf(r, " <span class=\"count\" data-count=\"%d\">%d"
                    "<span class=\"vh\">%h</span></span>", n, n, m->zCountHint);
    req_puts(r, "</a></li>");
  }
  req_puts(r, "</ul></div></nav>\n");
}
