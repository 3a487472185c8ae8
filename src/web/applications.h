/*
** applications.h — pages for applications for disclosure (依申请公开):
** the public form and tracking page (page_apply.c), the staff register,
** case page and actions (page_applications.c), answer letters in HTML and
** DOCX (page_app_letter.c) and the staff-home panel.  Routes are in
** http/routes.c; permissions: the route's permission is checked by the
** dispatcher and each handler checks the application's organisation with
** req_can().
*/
#ifndef GK_WEB_APPLICATIONS_H
#define GK_WEB_APPLICATIONS_H

#include "app/app_action.h"
#include "http/req.h"
#include "store/store_applications.h"

/* Largest attachment accepted on the forms (bytes). */
#define APP_MAX_ATTACHMENT (5 * 1024 * 1024)

/* ---- page_apply.c (public) ---- */
int page_app_apply(Req *r);        /* GET|POST /o/{org}/apply */
int page_app_apply_done(Req *r);   /* GET, POST (clear) /o/{org}/apply/done */
int page_app_track(Req *r);        /* GET|POST /track */
int page_app_track_letter(Req *r); /* POST /track/letter */

/* ---- page_app_register.c (staff: the register) ---- */
int page_apps(Req *r);           /* GET /staff/applications */
int page_app_new(Req *r);        /* GET|POST /staff/applications/new */
int page_app_registered(Req *r); /* GET /staff/applications/registered */
void panel_applications(Req *r); /* staff-home panel */

/* ---- page_app_case.c (staff: the case page) ---- */
int page_app_view(Req *r);       /* GET /staff/applications/{id} */
/* Answers a refused action (status, Chinese reason) with the case page
** itself: the reason at the top, the values typed kept in the forms. */
void app_case_refuse(Req *r, int status, const char *zMsg);
/* What action zAct did on a case and what comes next: the flash after its
** redirect back to the case page. */
const char *app_done_message(const char *zAct);
int page_app_file(Req *r);       /* GET …/{id}/files/{file} */

/* ---- page_app_actions.c (staff: the actions, one route each) ---- */
/* POST /staff/applications/{id}/<action>: app_action_run(<action>). */
int page_app_do_assign(Req *r);
int page_app_do_event(Req *r);
int page_app_do_extend(Req *r);
int page_app_do_fee(Req *r);
int page_app_do_draft(Req *r);
int page_app_do_dept_review(Req *r);
int page_app_do_return(Req *r);
int page_app_do_approve(Req *r);
int page_app_do_withdraw(Req *r);
int page_app_do_correction_request(Req *r);
int page_app_do_assistance(Req *r);
int page_app_do_review(Req *r);
int page_app_do_review_decide(Req *r);
int page_app_do_recalc(Req *r);
int page_app_templates(Req *r);  /* GET|POST /staff/answer-templates */
/* Prepares an app-layer call for this request: the signed-in user with
** req_can() as the permission check, the request's parameters, today. */
void app_web_act(Req *r, AppAct *x, AppActor *who, AppParams *par);

/* ---- page_app_letter.c ---- */
int page_app_letter(Req *r);      /* GET /staff/applications/{id}/letter */
int page_app_letter_docx(Req *r); /* GET …/{id}/letter.docx */
/* Writes the answer letter of a (its outcome must be set) as a printable
** HTML page (bDocx 0) or a DOCX attachment (bDocx 1) into the response. */
void app_letter_send(Req *r, const App *a, int bDocx);
/* The links to the case's letters and notices (case page). */
void app_letter_links(Req *r, const App *a);
/* Writes notice pN of a (NULL: the answer letter as drafted, unnumbered)
** as printable HTML or DOCX. */
struct AppNotice;
void app_notice_send(Req *r, const App *a, const struct AppNotice *pN,
                     int bDocx);
int page_app_notice(Req *r);      /* GET …/{id}/notices/{nid} */
int page_app_notice_docx(Req *r); /* GET …/{id}/notices/{nid}/docx */
int page_app_track_notice(Req *r); /* POST /track/notice */

/* ---- shared by the pages (page_apply.c) ---- */
/* After a registration: queues the short-lived cookie that carries the
** registration number and tracking code to zPath and redirects there. */
void app_done_redirect(Req *r, const char *zPath, const char *zRegNo,
                       const char *zCode);
/* On the page after a registration: loads the application named by that
** cookie into *a (its code into *pzCode); 0 when there is none. */
int app_done_lookup(Req *r, App *a, const char **pzCode);
/* The calendar from the database (falls back to the embedded data); the
** caller frees it with cal_free().  Returns STORE_OK or an error. */
int app_load_calendar(Req *r, Calendar *pCal);
/* store_app_get() of application id after the cached due dates have
** followed any change of the holiday table (store_app_recalc_if_calendar_
** changed()), so the case page, its letters, the register and the API
** state the same due date.  Returns STORE_OK or an error. */
int app_get_current(Req *r, int64_t id, App *a);
/* Today's date in Beijing. */
Date app_today(void);
/* The due-soon window of the applications figures (依申请公开 "N个工作日内
** 到期"): N from the setting application_due_soon_workdays and its last
** day, dToday + N working days of the applications calendar, into zSoon.
** The dashboard counts and the list's filter f=due_soon both take the
** window from here.  Returns N, or -1 when the calendar cannot be read
** (zSoon is then dToday). */
int app_due_soon_window(Req *r, Date dToday, char zSoon[DATE_STRLEN]);
/* page_app_register_bar.c: the register's filter bar (search by name or
** 登记号, what to show, year, scope, 只看我承办的 (bMine), quick views that
** keep bMine) for the list of org. */
void app_register_bar(Req *r, int64_t org, int bSubtree, const char *zFilter, int year,
                      const char *zSearch, int nSoonDays, int bMine);
/* The words for an answer clock nLeft working days before its due date,
** or, with bPast, -nLeft working days after it (core/deadline.h
** deadline_overdue_workdays(): the official calendar, as the law counts
** periods): "今日到期", "还剩 N 个工作日", "已超期 N 个工作日" ("已过答复
** 期限" while only days off have passed).  The case page and the register
** say the same words. */
const char *app_due_words(Req *r, int nLeft, int bPast);
/* The 答复期限 cell of a register row: open cases due on dToday or overdue
** are marked with app_due_words(), counted on pCal. */
void app_due_cell(Req *r, const App *a, Date dToday, const Calendar *pCal);
/* Reads the applicant and information fields of the form into p. */
void app_input_from_req(Req *r, AppInput *p);
/* Writes the applicant and information fieldsets with the values of p and
** the messages of aErr[0..nErr) beside their fields. */
void app_form_fields(Req *r, const AppInput *p, const AppFieldErr *aErr,
                     int nErr);
/* Writes the error summary (role=alert, links to the fields). */
void app_form_errors(Req *r, const AppFieldErr *aErr, int nErr);
/* Checks the optional upload "attachment": NULL when acceptable (or none),
** else a Chinese message. */
const char *app_attachment_check(Req *r);
/* Seals and masks the identity number, fills a's applicant fields from p,
** stores the application with a new tracking code (zCode receives it, 32
** bytes), logs zAction, stores the attachment and computes the due date.
** Runs inside the caller's transaction.  Returns STORE_OK or an error. */
int app_register(Req *r, App *a, const AppInput *p, const char *zIdNorm,
                 char zCode[32], const char *zAction);

#endif
