/*
** pages.h — every HTML page handler (one page family per page_*.c file)
** and the shared page chrome from layout.c.
*/
#ifndef GK_PAGES_H
#define GK_PAGES_H

#include "http/req.h"

/* ---- layout.c: chrome and errors ---- */
/* Starts an HTML page: doctype, head, site header, navigation, <main>. */
void page_begin(Req *r, const char *zTitle);
/* Closes <main> and the page. */
void page_end(Req *r);
/* An error response: a Chinese HTML page, or the JSON error body when the
** request is for the API.  Replaces anything already written. */
void http_error(Req *r, int status, const char *zMsg);
/* Writes a hidden CSRF field for a form. */
void page_csrf_field(Req *r);
/* A notice box: kind "error" or "ok"; zMsg is text (escaped). */
void page_notice(Req *r, const char *zKind, const char *zMsg);
/* Form field helpers: a labelled text input with the current value. */
void page_input(Req *r, const char *zName, const char *zLabel,
                const char *zValue, const char *zAttrs_html);

/* ---- page_public.c ---- */
int page_home(Req *r);
int page_static(Req *r);
int page_robots(Req *r);

/* ---- page_auth.c ---- */
int page_login(Req *r);
int page_logout(Req *r);
int page_staff_home(Req *r);
int page_password(Req *r);

/* ---- page_admin.c ---- */
int page_admin_orgs(Req *r);
int page_admin_org_edit(Req *r);
int page_admin_dept_add(Req *r);
/* page_admin_remedy.c: the reconsideration organ (field and POST). */
void admin_review_organ_form(Req *r, int64_t orgId);
int page_admin_review_organ(Req *r);
/* page_admin_notice.c: the notices' contact person and 文号 prefix. */
void admin_notice_form(Req *r, int64_t orgId);
int page_admin_notice_settings(Req *r); /* POST /admin/orgs/{id}/notices */
int page_admin_users(Req *r);
/* page_tokens.c: API tokens (GET|POST /admin/tokens, POST …/{id}/revoke). */
int page_admin_tokens(Req *r);
int page_admin_token_revoke(Req *r);
int page_admin_user_edit(Req *r);

#endif
