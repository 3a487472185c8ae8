/*
** api_reports.c — GET /api/v1/reports/{org}/{year}: one annual report as
** JSON; POST …/override: the hand adjustment of one cell; POST
** /api/v1/reports/check (see api_reports.h).
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "app/app_report.h"
#include "api/api_reports.h"
#include "lib/date.h"
#include "web/pages.h"
#include "web/reports.h"

/* The report as it stands in the JSON form with "status" and "scope", or
** NULL after an error answer. */
static json_t *report_json(Req *r, const RfSet *pSet, const Org *pOrg,
                           int year, int bSubtree, int bStaffOnly) {
  ReportRec rec;
  Report *p = NULL;
  int bStored = 0;
  int rc = report_build_current(r->store, &r->arena, pSet, pOrg, year,
                                bSubtree, NULL, 0, &rec, &bStored, &p);
  int bPublished = bStored && !strcmp(rec.zStatus, "published");
  int bStaff = r->user && (req_can(r, PERM_REPORT_EDIT, pOrg->id) ||
                           req_can(r, PERM_SUPERVISE, pOrg->id));
  json_t *j = NULL;
  if (rc != STORE_OK) {
    http_store_error(r, store_errcode(r->store));
  } else if ((!bPublished || bStaffOnly) && !bStaff) {
    api_error(r, 404, "not_found", "该年度报告尚未发布");
  } else {
    char *zJ = report_to_json(p);
    json_error_t jerr;
    j = json_loads(zJ, 0, &jerr);
    free(zJ);
    if (!j) {
      api_error(r, 500, "internal", "报告无法序列化");
    } else {
      json_object_set_new(j, "status",
                          json_string(bStored ? rec.zStatus : "none"));
      json_object_set_new(j, "scope", json_string(bSubtree ? "subtree"
                                                           : "org"));
    }
  }
  report_free(p);
  return j;
}

/* Loads the organisation and year of the path and the formats; 0, or -1
** after an error answer. */
static int load(Req *r, Org *o, int *pYear, RfSet *pSet) {
  char *zErr = NULL;
  const char *zY = req_arg(r, 1);
  *pYear = year_parse(zY);
  if (store_org_by_slug(r->store, &r->arena, req_arg(r, 0), o) != STORE_OK) {
    api_error(r, 404, "not_found", "该单位不存在");
    return -1;
  }
  if (*pYear < 1990 || *pYear > 2999) {
    api_error(r, 404, "not_found", "年度无效");
    return -1;
  }
  if (rf_set_load_builtin(pSet, &zErr)) {
    free(zErr);
    api_error(r, 500, "internal", "报告格式无法载入");
    return -1;
  }
  return 0;
}

int api_report(Req *r) {
  Org o;
  RfSet set = {0};
  int year;
  int bSubtree = !strcmp(req_param_or(r, "scope", "org"), "subtree");
  if (load(r, &o, &year, &set)) return 0;
  json_t *j = report_json(r, &set, &o, year, bSubtree, 0);
  if (j) api_json(r, 200, j);
  rf_set_free(&set);
  return 0;
}

static int api_can(void *p, Perm perm, int64_t orgId) {
  return req_can((Req *)p, perm, orgId);
}

/* A member of the JSON body as the text a form would send: a string as
** is, a number in decimal, null as "" (blank); NULL when absent. */
static const char *body_text(Req *r, json_t *body, const char *zName) {
  json_t *v = json_object_get(body, zName);
  if (!v) return NULL;
  if (json_is_string(v)) return json_string_value(v);
  if (json_is_integer(v))
    return arena_printf(&r->arena, "%lld", (long long)json_integer_value(v));
  if (json_is_real(v)) {
    char z[64];
    snprintf(z, sizeof z, "%.4f", json_real_value(v));
    return arena_strdup(&r->arena, z);
  }
  if (json_is_true(v)) return "1";
  if (json_is_null(v) || json_is_false(v)) return "";
  return NULL;
}

int api_report_override(Req *r) {
  Org o;
  RfSet set = {0};
  int year;
  int bSubtree = !strcmp(req_param_or(r, "scope", "org"), "subtree");
  json_error_t e;
  r->bNoCache = 1;
  if (load(r, &o, &year, &set)) return 0;
  if (!req_can(r, PERM_REPORT_EDIT, o.id)) {   /* before reading the body */
    rf_set_free(&set);
    api_error(r, 403, "forbidden", "无权编辑该单位的年度报告");
    return 0;
  }
  json_t *body = r->body.n ? json_loadb(r->body.z, r->body.n, 0, &e) : NULL;
  if (!json_is_object(body)) {
    json_decref(body);
    rf_set_free(&set);
    api_error(r, 400, "bad_request", "请求正文应为 JSON 对象");
    return 0;
  }
  const char *zRemove = body_text(r, body, "remove");
  AppActor who = {r->user->id, r->user->zName, api_can, r};
  AppReportCell x = {r->store, &r->arena, &who, &set, o.id, year, bSubtree,
                     NULL, body_text(r, body, "cell"),
                     body_text(r, body, "value"), body_text(r, body, "reason"),
                     zRemove && zRemove[0], 0, NULL, NULL};
  if (app_report_override(&x)) {
    api_error(r, x.status, NULL, x.zErr);
  } else {
    json_t *j = report_json(r, &set, &o, year, bSubtree, 1);
    if (j) api_json(r, 200, json_pack("{s:s,s:o}", "message", x.zDone,
                                      "report", j));
  }
  json_decref(body);
  rf_set_free(&set);
  return 0;
}

/* POST /api/v1/reports/check: the body is the report file itself (any
** shape, see web/reports.h), or a multipart form with it as "file" or
** pasted as "report"; ?strict=1, ?format=ID.  200 with the JSON result
** (exit 0 or 1), 422 (error shape) when the file cannot be read. */
int api_report_check(Req *r) {
  RfSet set = {0};
  char *zErr = NULL;
  const ReqParam *pFile = req_file(r, "file");
  const char *zPaste = req_param(r, "report");
  const char *zFormat = req_param(r, "format");
  const void *p = r->body.z;
  size_t n = r->body.n;
  if (pFile && pFile->nValue) { p = pFile->zValue; n = pFile->nValue; }
  else if (zPaste && zPaste[0]) { p = zPaste; n = strlen(zPaste); }
  if (!p || !n) {
    api_error(r, 400, "bad_request", "请求中没有报告文件");
    return 0;
  }
  if (rf_set_load_builtin(&set, &zErr)) {
    free(zErr);
    api_error(r, 500, "internal", "报告格式无法载入");
    return 0;
  }
  if (zFormat && zFormat[0] && !rf_format_find(&set, zFormat)) {
    rf_set_free(&set);
    api_error(r, 400, "bad_request", "未知的报告格式");
    return 0;
  }
  RcInput in = {p, n, zFormat && zFormat[0] ? zFormat : NULL,
                !strcmp(req_param_or(r, "strict", "0"), "1"), NULL, 0};
  Buf out = BUF_INIT;
  int rc = report_check_bytes(&set, &in, NULL, &out);
  json_error_t jerr;
  json_t *j = json_loads(buf_str(&out), 0, &jerr);
  if (!j) {
    api_error(r, 500, "internal", "核对结果无法序列化");
  } else if (rc == 2) {   /* unreadable: the one error shape */
    const char *zWhy = json_string_value(json_object_get(j, "error"));
    api_error(r, 422, "invalid", zWhy ? zWhy : "无法读取报告");
    json_decref(j);
  } else {
    api_json(r, 200, j);
  }
  buf_free(&out);
  rf_set_free(&set);
  return 0;
}
