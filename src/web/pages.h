/*
** pages.h — every HTML page handler (one page family per page_*.c file)
** and the shared page chrome from layout.c.
*/
#ifndef GK_PAGES_H
#define GK_PAGES_H

#include <time.h>

#include "http/req.h"

/* ---- layout.c: chrome and errors ---- */
/* Starts an HTML page: doctype, head, site header, navigation, <main>. */
void page_begin(Req *r, const char *zTitle);
/* page_begin() for a list with an Atom feed at zFeed (a URL path; NULL:
** none): the feed's <link rel="alternate"> goes into the head, where feed
** readers and browsers look for it. */
void page_begin_feed(Req *r, const char *zTitle, const char *zFeed);
/* Names the organisation of a public page (before page_begin): the page
** then carries its 政府信息公开专栏 navigation and, in the footer, its
** contact details.  Only pages under /o/ show them. */
void page_set_org(Req *r, const Org *o);
/* The sections of an organisation's 政府信息公开专栏, in menu order; the
** table behind the navigation, the home page tiles and the tests. */
typedef struct OrgSection {
  const char *zPath;   /* after /o/{org}: "" (home), "/guide" … */
  const char *zLabel;  /* 政府信息公开指南 … */
  const char *zHint;   /* one line shown on the home page tile */
} OrgSection;
extern const OrgSection aOrgSection[];
/* Closes <main> and the page, and labels the cells of its card tables
** (page_label_cards). */
void page_end(Req *r);
/* table_cards.c: in the finished page pPage, each body and footer cell of
** a <table class="… cards"> gets data-label="<its column's heading>" (the
** phone layout in site.css shows it before the cell). */
void page_label_cards(Buf *pPage);
/* An error response: a Chinese HTML page, or the JSON error body when the
** request is for the API.  Replaces anything already written. */
void http_error(Req *r, int status, const char *zMsg);
/* THE mapping of store results to HTTP: not found 404, conflict 409,
** invalid 422, busy 503 (with Retry-After), anything else 500. */
int http_store_status(int rc);
/* Answers a failed store call: http_store_status(rc) and the store's
** message (Chinese; SQLite's own text never reaches it, see store_sqlite.c).
** Pass store_errcode(r->store) when the call's rc was not kept. */
void http_store_error(Req *r, int rc);
/* Writes a hidden CSRF field for a form. */
void page_csrf_field(Req *r);
/* Destructive actions (delete, withdraw, publish, submit a report) ask
** first: returns 1 when the POST carries confirm=1; otherwise writes a page
** with zQuestion and a form that sends the same fields again with
** confirm=1 (button zButton) and a way back, and returns 0 (the handler
** then returns without changing anything).  Works without JavaScript. */
int page_confirmed(Req *r, const char *zQuestion, const char *zButton);
/* The path of the page that sent this request (its Referer) when that page
** is on this site, else NULL. */
const char *page_referer_path(Req *r);
/* A notice box: kind "error" or "ok"; zMsg is text (escaped).  The page's
** first error notice is id="page-error" (role alert). */
void page_notice(Req *r, const char *zKind, const char *zMsg);
/* Errors tied to their field (after a refused POST of one form):
** page_field_error records the field (its name) and the message;
** page_form_error then writes the summary at the top of the page (role
** alert, a link to the field; with no field recorded, page_notice), and
** the field helpers (page_input, reg_textarea, reg_date_input, or any
** field through page_field_error_attrs) write the message beside the
** field, with aria-invalid, aria-describedby and autofocus, so the cursor
** is in the field to correct without a script.  Only the first field of
** that name on the page is marked, and none while r->bOtherForm. */
void page_field_error(Req *r, const char *zField, const char *zMsg);
void page_form_error(Req *r, const char *zMsg);
/* For field zName with id zId: when it is the refused one, writes its
** message (<span class="field-error" id="e-ID">) and returns the
** attributes for its control (HTML, begins with a space); else "". */
const char *page_field_error_attrs(Req *r, const char *zName, const char *zId);
/* The value a form field shows: on a page shown again after a refused POST,
** the value sent for zName in the body (what was typed stays typed), unless
** r->bOtherForm or the body has no such field; else zValue. */
const char *page_typed(Req *r, const char *zName, const char *zValue);
/* Form field helpers: a labelled text input with the current value (after
** a refused POST, the value sent, unless r->bOtherForm: page_typed).  Its
** id is page_field_id's, so two forms on one page asking for the same
** name (a date in each) keep each label tied to its own field.  A field
** given autofocus after an error notice is described by that notice. */
void page_input(Req *r, const char *zName, const char *zLabel,
                const char *zValue, const char *zAttrs_html);
/* Writes `<select id="zId" name="zName"` and, for a list of more than
** PAGE_SELECT_FILTER_MIN organisations (a province's tree holds hundreds),
** ` data-filter`: site.js puts a search box before such a select that
** keeps only the options containing what is typed.  The caller writes
** the rest of the tag (attributes, then ">"), the options, "</select>". */
#define PAGE_SELECT_FILTER_MIN 30
void page_org_select_open(Req *r, const char *zId, const char *zName, int nOption);
/* The id for a field named zName: "f-NAME" the first time on this page,
** "f-NAME-2", "f-NAME-3"… when the page already has that id.  Arena
** memory of r. */
const char *page_field_id(Req *r, const char *zName);

/* ---- fmt.c: how stored values read (issue 15) ---- */
/* A stored UTC instant as Beijing time "2026年12月7日 07:20"; a date
** "YYYY-MM-DD" as "2026年12月7日"; anything else unchanged; "" as "-". */
const char *fmt_time(Req *r, const char *z);
/* The same where space is short: "2026-12-07 07:20"; dates unchanged. */
const char *fmt_time_short(Req *r, const char *z);
/* An instant (Unix seconds) as Beijing time "2026年12月7日 07:20". */
const char *fmt_instant(Req *r, time_t t);
/* A date (or instant) in the long form, "2026年12月7日". */
const char *fmt_date(Req *r, const char *z);
/* A file's size as a person reads it: "394字节", "4.3 KB", "1.2 MB"
** (1 KB = 1024 bytes, one decimal). */
const char *fmt_size(Req *r, int64_t nByte);
/* What kind of file a detected type is, in words ("PDF", "Word", "Excel",
** "图片"); "" for any other type. */
const char *fmt_file_kind(const char *zMime);
/* The Chinese label of an internal identifier (a field, an action, an
** outcome code such as "results.partial"); an unknown identifier gives
** "其他" rather than itself, a value that is already text is returned. */
const char *fmt_label(const char *zId);

/* Space-separated words, each identifier among them replaced by its label
** ("2024-03-01 results.partial" -> "2024-03-01 部分公开"). */
const char *fmt_words(Req *r, const char *z);

/* ---- page_public.c ---- */
int page_home(Req *r);
int page_textsize(Req *r);  /* GET /textsize?size=large|normal&next=/path */
int page_static(Req *r);
int page_robots(Req *r);

/* ---- page_auth.c ---- */
int page_login(Req *r);
/* The answer to a POST from a browser without a valid session (signed
** out, or the session expired while a form was being filled in): 401
** and the sign-in form, which leads back to the page the form was on
** (its Referer), where staff.js puts back the text typed there.  The body
** is not read (a POST without a session is answered from its headers,
** server.c post_precheck). */
void page_login_needed(Req *r);
int page_logout(Req *r);
int page_staff_home(Req *r);
int page_password(Req *r);

/* ---- page_admin.c ---- */
int page_admin_orgs(Req *r);
int page_admin_org_edit(Req *r);
int page_admin_dept_add(Req *r);
int page_admin_org_move(Req *r);
/* The organisation of the {id} capture, for an administrator who manages
** it: 0 with *o filled, or -1 with the 404/403 answer set. */
int admin_org_arg(Req *r, Org *o);
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
