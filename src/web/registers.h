/*
** registers.h — the pages of issue 7: the public message form and published
** questions and answers, the staff registers (public opinion, messages,
** proposals, activities, work plans), the supervisor's view with
** inspections, and the dashboard with its XLSX export.  Also the helpers
** the page_reg*.c files share.
**
** Scope: every staff page works on one organisation chosen with ?org=ID
** (default: the user's own), optionally with ?subtree=1 for it and the
** units below.  Reading needs PERM_VIEW_STAFF on that organisation,
** changing needs PERM_REGISTER_EDIT, the supervisor's pages PERM_SUPERVISE
** — always through req_can(r, perm, orgId).
*/
#ifndef GK_WEB_REGISTERS_H
#define GK_WEB_REGISTERS_H

#include "core/calendar.h"
#include "http/req.h"
#include "store/store_registers.h"

/* ---- Handlers (routes.c) ---- */
int page_public_messages(Req *r);   /* /o/{org}/messages */
int page_public_proposals(Req *r);  /* /o/{org}/proposals */
int page_reg_home(Req *r);          /* /staff/registers */
int page_opinion_list(Req *r);
int page_opinion_view(Req *r);
int page_message_list(Req *r);
int page_message_view(Req *r);
int page_message_settings(Req *r);
int page_proposal_list(Req *r);
int page_proposal_view(Req *r);
int page_activity_list(Req *r);
int page_activity_file(Req *r);
int page_activity_view(Req *r);     /* /staff/activities/{id}: correction */
int page_workplan_list(Req *r);
int page_workplan_view(Req *r);
int page_task_view(Req *r);
int page_supervise(Req *r);
int page_inspection_list(Req *r);
int page_inspection_view(Req *r);
int page_dashboard(Req *r);
int page_dashboard_xlsx(Req *r);
int page_freshness(Req *r);        /* catalogue freshness */

/* The freshness state (core/freshness.h FrState) of a catalogue item as of
** dToday; *pdDue gets the period end that needs an update. */
int reg_fresh_state(const FreshRow *f, Date dToday, Date *pdDue);

/* The staff-home panel (staff_home.c). */
void reg_panel(Req *r);

/* ---- Shared helpers (page_registers.c) ---- */
typedef struct RegScope {
  int64_t orgId;   /* the organisation in view */
  int bSubtree;    /* 1: with the units below it */
  Org org;         /* its record */
  int bEdit;       /* the user may change its registers */
  int year;        /* ?year=, or 0 */
} RegScope;

/* Reads ?org=, ?subtree= and ?year= (query or form), loads the
** organisation and checks that the user may exercise p on it.  Returns 0,
** or -1 after writing the 404/403 error page. */
int reg_scope(Req *r, Perm p, RegScope *sc);

/* 1 when one of the response clocks of event e (core/response_clock.h) was
** missed as of tNow; the dashboard's 回应超时 figure counts these. */
int reg_event_missed(const OpinionEvent *e, time_t tNow);

/* 1 when proposal p is not replied and its due date is before zToday
** ("YYYY-MM-DD"); the dashboard's 超期未答复建议提案 counts these and the
** proposal list's filter=overdue shows them. */
int reg_proposal_overdue(const Proposal *p, const char *zToday);

/* Checks that the user may exercise p on orgId; -1 after a 403 page. */
/* Reads an activity's fields (kind, date, title, description, sessions,
** people, whether the principal leader attended a press conference or an
** interview) from the form into *a (strings from the request).  Returns
** NULL, or the Chinese message of the first problem. */
const char *reg_activity_form(Req *r, Activity *a);

int reg_check(Req *r, Perm p, int64_t orgId);

/* The register navigation bar for sc; zCurrent names the current page
** ("opinion", "messages", …). */
void reg_nav(Req *r, const RegScope *sc, const char *zCurrent);

/* "?org=ID" plus "&subtree=1" when set, in the arena (for links). */
const char *reg_qs(Req *r, const RegScope *sc);

/* One of a list's ?filter= views: its value ("" for all) and label. */
typedef struct RegFilter {
  const char *zValue, *zLabel;
} RegFilter;
/* The row of links to the n views aF of the list at zPath for sc (every
** year), the view zCur marked aria-current: the views the dashboard's
** figures link to, one click away on the list itself. */
void reg_filter_links(Req *r, const RegScope *sc, const char *zPath, const RegFilter *aF,
                      int n, const char *zCur);

/* Today in Beijing as "YYYY-MM-DD" (in the arena) and as a Date. */
const char *reg_today(Req *r);
Date reg_today_date(void);

/* A date form field: "" / absent gives *pz = NULL (or an error when
** bRequired); a malformed one gives an error.  Returns NULL or a Chinese
** message. */
const char *reg_date_field(Req *r, const char *zName, const char *zLabel,
                           int bRequired, const char **pz);

/* Writes a labelled <textarea> holding zValue (after a refused POST, what
** was typed: page_typed). */
void reg_textarea(Req *r, const char *zName, const char *zLabel,
                  const char *zValue, int bRequired);

/* Writes a labelled <input type=date> holding zValue (after a refused
** POST, what was typed: page_typed). */
void reg_date_input(Req *r, const char *zName, const char *zLabel,
                    const char *zValue, int bRequired);

/* Loads the working-day calendar for the request; -1 after a 500 page.
** The caller cal_free()s it. */
int reg_calendar(Req *r, Calendar *pCal);

/* Message state as of today: fills *pOut with core/response_clock.h's
** reply clock using the reply-limit setting. */
struct RcMessage;
void reg_message_clock(const Calendar *pCal, int nDays, const Message *m,
                       Date dToday, struct RcMessage *pOut);

#endif
