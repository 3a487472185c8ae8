/*
** app_steps.h — the steps behind aAppAction[] (app_steps.c: workflow;
** app_steps_fee.c: fees, reconsideration and litigation) and the helpers
** they share.  Internal to the app layer.
*/
#ifndef GK_APP_STEPS_H
#define GK_APP_STEPS_H

#include "app/app_action.h"

/* A parameter, or zDflt when absent. */
const char *app_p(AppAct *x, const char *zName, const char *zDflt);
/* An integer parameter in [lo, hi]: 1 set, 0 absent or empty, -1 bad. */
int app_p_int(AppAct *x, const char *zName, int64_t lo, int64_t hi,
              int64_t *pv);
/* zFmt (two %s) with z1 and z2, in the action's arena. */
const char *app_fmt(AppAct *x, const char *zFmt, const char *z1,
                    const char *z2);
/* A line of the case's history by the actor (an actor without a user
** id, an API token, is named in the line).  Returns STORE_OK or an error. */
int app_log(AppAct *x, const char *zAction, const char *zDetail);
/* Issues the notice an event of e's kind calls for (core/notice.h), if
** any, numbered in the organisation's series.  STORE_OK or an error. */
int app_notice_for(AppAct *x, const AppEventRec *e);
/* NULL when the clock accepts the stored events plus pNew, else its
** message. */
const char *app_clock_accepts(AppAct *x, const AppEventRec *pNew);

const char *step_assign(AppAct *x);
const char *step_event(AppAct *x);
const char *step_extend(AppAct *x);
const char *step_fee(AppAct *x);
const char *step_draft(AppAct *x);
const char *step_dept_review(AppAct *x);
const char *step_return(AppAct *x);
const char *step_approve(AppAct *x);
const char *step_withdraw(AppAct *x);
const char *step_correction_request(AppAct *x);
const char *step_assistance(AppAct *x);
const char *step_review(AppAct *x);
const char *step_review_decide(AppAct *x);
const char *step_recalc(AppAct *x);

#endif
