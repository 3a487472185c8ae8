/*
** api_app_write.c — the write API for applications (issue 13 §7):
** POST /api/v1/applications registers an application handed over by a
** 政务服务 platform or a 12345 hotline, POST /api/v1/applications/{id}/
** <action> runs one workflow action.  Both call the app layer
** (src/app/app_action.h), the same functions as the staff pages and the
** CLI.  The body is a JSON object of strings or integers (the names of the
** form fields, see aAppAction[].zParams); form encoding is accepted too.
** Callers authenticate with an API token (Authorization: Bearer gk_…) or a
** staff session with the X-CSRF-Token header.  Errors use the API's error
** shape with the action's Chinese message.
*/
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "api/api.h"
#include "web/pages.h"
#include "api/api_applications.h"
#include "app/app_action.h"

/* Parameters: the JSON body's members, else the form's. */
typedef struct ApiParams {
  Req *r;
  json_t *body; /* NULL when the body is not a JSON object */
} ApiParams;

static const char *api_param(void *p, const char *zName) {
  ApiParams *ap = p;
  json_t *v = ap->body ? json_object_get(ap->body, zName) : NULL;
  if (!v) return ap->body ? NULL : req_param(ap->r, zName);
  if (json_is_string(v)) return json_string_value(v);
  if (json_is_integer(v))
    return arena_printf(&ap->r->arena, "%lld", (long long)json_integer_value(v));
  if (json_is_true(v)) return "1";
  if (json_is_false(v)) return "";
  return NULL;
}

static int api_can(void *p, Perm perm, int64_t orgId) {
  return req_can((Req *)p, perm, orgId);
}

/* Prepares the app-layer call; 0, or -1 after a 400 for a bad body. */
static int api_act(Req *r, AppAct *x, AppActor *who, AppParams *par,
                   ApiParams *ap) {
  memset(x, 0, sizeof *x);
  memset(who, 0, sizeof *who);
  ap->r = r;
  ap->body = NULL;
  if (r->body.n) {
    json_error_t e;
    ap->body = json_loadb(r->body.z, r->body.n, 0, &e);
    if (!json_is_object(ap->body)) {
      json_decref(ap->body);
      api_error(r, 400, NULL, "请求正文应为 JSON 对象");
      return -1;
    }
  }
  who->userId = r->user->id;
  who->zName = r->user->zName;
  who->xCan = api_can;
  who->pCtx = r;
  par->xGet = api_param;
  par->pCtx = ap;
  x->store = r->store;
  x->arena = &r->arena;
  x->who = who;
  x->in = par;
  x->dToday = date_today_cn(time(NULL));
  x->zSecretKey = r->cfg->zSecretKey;
  x->orgDefault = r->user->orgId;
  return 0;
}

int api_app_register(Req *r) {
  AppAct x;
  AppActor who;
  AppParams par;
  ApiParams ap;
  AppFieldErr aErr[APP_MAX_ERRORS];
  int nErr = 0;
  char zCode[32];
  r->bNoCache = 1;
  if (api_act(r, &x, &who, &par, &ap)) return 0;
  int rc = app_action_register(&x, NULL, NULL, NULL, 0, aErr, &nErr, zCode);
  json_decref(ap.body);
  if (rc) {
    json_t *jErr = json_object();
    for (int i = 0; i < nErr; i++)
      json_object_set_new(jErr, aErr[i].zField, json_string(aErr[i].zMsg));
    if (!nErr) {
      json_decref(jErr);
      api_error(r, x.status, NULL, x.zErr ? x.zErr : "登记失败");
      return 0;
    }
    json_t *j = json_pack("{s:{s:s,s:s,s:o}}", "error", "code", "invalid",
                          "message", x.zErr ? x.zErr : "登记失败", "fields",
                          jErr);
    api_json(r, x.status, j);
    return 0;
  }
  /* The due date the registration's own transaction worked out. */
  App a;
  if (store_app_get(r->store, &r->arena, x.a.id, &a) != STORE_OK) {
    http_store_error(r, store_errcode(r->store));
    return 0;
  }
  req_header(r, "Location",
             arena_printf(&r->arena, "/api/v1/applications/%lld",
                          (long long)x.a.id));
  api_json(r, 201,
           json_pack("{s:I,s:s,s:s,s:s,s:s,s:s?}", "id", (json_int_t)x.a.id,
                     "reg_no", x.a.zRegNo, "tracking_code", zCode,
                     "received_on", x.a.zReceivedOn, "receipt_note",
                     x.a.zReceiptNote, "due_on", a.zDueOn[0] ? a.zDueOn : NULL));
  return 0;
}

/* Runs action zName on the route's application. */
static int api_action(Req *r, const char *zName) {
  AppAct x;
  AppActor who;
  AppParams par;
  ApiParams ap;
  r->bNoCache = 1;
  if (api_act(r, &x, &who, &par, &ap)) return 0;
  int rc = app_action_run(&x, zName, req_arg_id(r, 0));
  json_decref(ap.body);
  if (rc) {
    api_error(r, x.status, NULL, x.zErr);
    return 0;
  }
  App a;
  if (store_app_get(r->store, &r->arena, x.a.id, &a) != STORE_OK) {
    http_store_error(r, store_errcode(r->store));
    return 0;
  }
  api_json(r, 200,
           json_pack("{s:I,s:s,s:s,s:s?,s:s?,s:s?}", "id", (json_int_t)a.id,
                     "reg_no", a.zRegNo, "state", a.zState, "due_on",
                     a.zDueOn[0] ? a.zDueOn : NULL, "closed_on",
                     a.zClosedOn[0] ? a.zClosedOn : NULL, "outcome",
                     a.zOutcome[0] ? a.zOutcome : NULL));
  return 0;
}

#define ACTION_API(name) \
  int api_app_do_##name(Req *r) { return api_action(r, #name); }
ACTION_API(assign)
ACTION_API(event)
ACTION_API(extend)
ACTION_API(fee)
ACTION_API(draft)
ACTION_API(dept_review)
ACTION_API(return)
ACTION_API(approve)
ACTION_API(withdraw)
ACTION_API(correction_request)
ACTION_API(assistance)
ACTION_API(review)
ACTION_API(review_decide)
ACTION_API(recalc)
