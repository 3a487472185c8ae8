/* api_applications.c — JSON views of applications (see api_applications.h). */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "api/api.h"
#include "web/pages.h"
#include "api/api_applications.h"
#include "store/store_applications.h"

/* The JSON object of one application (summary fields): outcome is the row
** of table 三, answer the answer of Arts. 35-39 the letter follows (the
** case page's 办理结果; two answers share row （一） and row （四）1),
** obtain_at the way and place an Art. 36(一) answer gives. */
static json_t *app_json(const App *a) {
  const AppOutcome *o =
      a->zOutcome[0] ? app_answer_of(a->zOutcome, a->zAnswerBasis) : NULL;
  json_t *j = json_pack(
      "{s:I,s:s,s:I,s:s,s:s,s:s,s:s,s:s,s:s,s:s?,s:s?,s:s,s:s,s:s}", "id",
      (json_int_t)a->id, "reg_no", a->zRegNo, "org_id", (json_int_t)a->orgId,
      "org_name", a->zOrgName, "channel", a->zChannel, "applicant_type",
      a->zApplicantType, "applicant_name", a->zApplicantName,
      "id_number_masked", a->zIdMasked, "received_on", a->zReceivedOn, "due_on",
      a->zDueOn[0] ? a->zDueOn : NULL, "closed_on",
      a->zClosedOn[0] ? a->zClosedOn : NULL, "state", a->zState, "outcome",
      a->zOutcome, "info_title", a->zInfoTitle);
  json_object_set_new(j, "answer", o ? json_string(o->zId) : json_null());
  if (a->zObtainAt[0])
    json_object_set_new(j, "obtain_at", json_string(a->zObtainAt));
  return j;
}

int api_applications(Req *r) {
  App *aApp;
  int n;
  const char *zFilter = req_param_or(r, "f", "");
  if (strcmp(zFilter, "") && strcmp(zFilter, "open") && strlen(zFilter) != 4) {
    api_error(r, 422, NULL, "参数 f 应为 open 或四位年份");
    return 0;
  }
  int bSub = perm_reaches_subtree(r->user->roles, PERM_VIEW_STAFF);
  /* Holidays added since the cached due dates were computed move them
  ** first, as the register does: the API says what the case page says. */
  store_app_recalc_if_calendar_changed(r->store, date_today_cn(time(NULL)), NULL);
  if (store_app_list(r->store, &r->arena, r->user->orgId, bSub, zFilter, 2000,
                     &aApp, &n) != STORE_OK) {
    http_store_error(r, store_errcode(r->store));
    return 0;
  }
  json_t *a = json_array();
  for (int i = 0; i < n; i++) json_array_append_new(a, app_json(&aApp[i]));
  api_json(r, 200, json_pack("{s:o}", "applications", a));
  r->bNoCache = 1;
  return 0;
}

int api_application(Req *r) {
  App a;
  r->bNoCache = 1;
  store_app_recalc_if_calendar_changed(r->store, date_today_cn(time(NULL)), NULL);
  if (store_app_get(r->store, &r->arena, req_arg_id(r, 0), &a) != STORE_OK) {
    api_error(r, 404, NULL, "申请不存在");
    return 0;
  }
  if (!req_can(r, PERM_VIEW_STAFF, a.orgId)) {
    api_error(r, 403, NULL, "您无权查看其他单位的申请");
    return 0;
  }
  AppEvent *aEv;
  int nEv;
  Calendar cal;
  cal_init(&cal);
  if (store_app_events(r->store, &r->arena, a.id, &aEv, &nEv) != STORE_OK ||
      store_app_calendar(r->store, &cal) != STORE_OK) {
    cal_free(&cal);
    http_store_error(r, store_errcode(r->store));
    return 0;
  }
  AppEventRec *aRec = arena_alloc(&r->arena, sizeof *aRec * (size_t)(nEv + 1));
  json_t *jEv = json_array();
  for (int i = 0; i < nEv; i++) {
    aRec[i] = aEv[i].rec;
    json_array_append_new(
        jEv, json_pack("{s:s,s:s,s:s,s:i,s:s}", "kind", aRec[i].zKind, "on",
                       aRec[i].zOn, "limit", aRec[i].zLimit, "days",
                       aRec[i].nDays, "text", aRec[i].zText));
  }
  DlResult res;
  DlParams par;
  store_app_clock_params(r->store, &par);
  app_clock_ex(&cal, a.zReceivedOn, aRec, nEv, &par, date_today_cn(time(NULL)),
               &res);
  json_t *jSteps = json_array();
  for (int i = 0; i < res.nStep; i++) {
    char zD[DATE_STRLEN];
    json_array_append_new(
        jSteps,
        json_pack("{s:s,s:b,s:s}", "date",
                  res.aStep[i].date != DATE_NONE
                      ? date_format(res.aStep[i].date, zD)
                      : "",
                  "warning", res.aStep[i].bWarn, "text", res.aStep[i].zText));
  }
  json_t *j = app_json(&a);
  json_object_set_new(j, "clock_status",
                      json_string(deadline_status_label(res.eStatus)));
  if (res.zErr) json_object_set_new(j, "clock_error", json_string(res.zErr));
  /* The case page's and the register's count: working days left, negative
  ** when overdue (core/deadline.h deadline_overdue_workdays()). */
  if (res.eStatus == DL_ST_OPEN || res.eStatus == DL_ST_DUE_SOON ||
      res.eStatus == DL_ST_OVERDUE)
    json_object_set_new(j, "workdays_left", json_integer(res.nLeft));
  json_object_set_new(j, "steps", jSteps);
  json_object_set_new(j, "events", jEv);
  deadline_result_free(&res);
  cal_free(&cal);
  api_json(r, 200, j);
  return 0;
}
