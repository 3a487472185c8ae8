/*
** api_reports.c — GET /api/v1/reports/{org}/{year}: one annual report as
** JSON (see api_reports.h).
*/
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "api/api_reports.h"
#include "web/reports.h"

int api_report(Req *r) {
  Org o;
  RfSet set = {0};
  char *zErr = NULL;
  ReportRec rec;
  Report *p = NULL;
  int bStored = 0;
  const char *zY = req_arg(r, 1);
  int year = zY ? atoi(zY) : 0;
  int bSubtree = !strcmp(req_param_or(r, "scope", "org"), "subtree");
  if (store_org_by_slug(r->store, &r->arena, req_arg(r, 0), &o) != STORE_OK) {
    api_error(r, 404, "not_found", "该单位不存在");
    return 0;
  }
  if (year < 1990 || year > 2999) {
    api_error(r, 404, "not_found", "年度无效");
    return 0;
  }
  if (rf_set_load_builtin(&set, &zErr)) {
    free(zErr);
    api_error(r, 500, "internal", "报告格式无法载入");
    return 0;
  }
  int rc = report_build_current(r->store, &r->arena, &set, &o, year, bSubtree,
                                NULL, 0, &rec, &bStored, &p);
  int bPublished = bStored && !strcmp(rec.zStatus, "published");
  int bStaff = r->user && (req_can(r, PERM_REPORT_EDIT, o.id) ||
                           req_can(r, PERM_SUPERVISE, o.id));
  if (rc != STORE_OK) {
    api_error(r, 500, "internal", store_errmsg(r->store));
  } else if (!bPublished && !bStaff) {
    api_error(r, 404, "not_found", "该年度报告尚未发布");
  } else {
    char *zJ = report_to_json(p);
    json_error_t jerr;
    json_t *j = json_loads(zJ, 0, &jerr);
    free(zJ);
    if (!j) {
      api_error(r, 500, "internal", "报告无法序列化");
    } else {
      json_object_set_new(j, "status",
                          json_string(bStored ? rec.zStatus : "none"));
      json_object_set_new(j, "scope", json_string(bSubtree ? "subtree"
                                                           : "org"));
      api_json(r, 200, j);
    }
  }
  report_free(p);
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
