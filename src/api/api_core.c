/*
** api_core.c — the API's envelope (JSON bodies, errors), health, the
** OpenAPI document generated from the route table, and the organisation
** tree.
*/
#include <string.h>

#include "api/api.h"
#include "http/routes.h"
#include "lib/version.h"

void api_json(Req *r, int status, json_t *j) {
  char *z = json_dumps(j, JSON_COMPACT);
  json_decref(j);
  buf_reset(&r->out);
  buf_puts(&r->out, z ? z : "null");
  free(z);
  r->status = status;
  r->zType = "application/json; charset=utf-8";
}

const char *api_code_for_status(int status) {
  switch (status) {
    case 400: return "bad_request";
    case 401: return "unauthorized";
    case 403: return "forbidden";
    case 404: return "not_found";
    case 405: return "method_not_allowed";
    case 409: return "conflict";
    case 413: return "payload_too_large";
    case 422: return "invalid";
    case 429: return "too_many_requests";
    default: return status >= 500 ? "internal_error" : "error";
  }
}

void api_error(Req *r, int status, const char *zCode, const char *zMessage) {
  json_t *j = json_pack("{s:{s:s,s:s}}", "error", "code",
                        zCode ? zCode : api_code_for_status(status), "message",
                        zMessage ? zMessage : "");
  api_json(r, status, j);
  r->bNoCache = 1;
}

int api_health(Req *r) {
  api_json(r, 200,
           json_pack("{s:s,s:i,s:s}", "status", "ok", "schema_version",
                     store_schema_version(r->store), "version", GK_VERSION));
  r->bNoCache = 1;
  return 0;
}

/* "/o/{org}/d/{id}" -> the same (OpenAPI uses the same brace syntax);
** also returns the parameter names in order. */
static json_t *path_params(const char *zPat) {
  json_t *a = json_array();
  for (const char *p = strchr(zPat, '{'); p; p = strchr(p + 1, '{')) {
    const char *e = strchr(p, '}');
    if (!e) break;
    char zName[64];
    size_t n = (size_t)(e - p - 1);
    if (n >= sizeof zName) n = sizeof zName - 1;
    memcpy(zName, p + 1, n);
    zName[n] = 0;
    json_array_append_new(a, json_pack("{s:s,s:s,s:b,s:{s:s}}", "name", zName,
                                       "in", "path", "required", 1, "schema",
                                       "type", "string"));
  }
  return a;
}

int api_openapi(Req *r) {
  json_t *paths = json_object();
  for (int i = 0; i < nRoute; i++) {
    const Route *rt = &aRoute[i];
    if (!(rt->flags & ROUTE_API) || (rt->flags & ROUTE_HIDDEN)) continue;
    json_t *item = json_object_get(paths, rt->zPattern);
    if (!item) {
      item = json_object();
      json_object_set_new(paths, rt->zPattern, item);
    }
    static const struct { int m; const char *z; } aM[] = {
      {HTTP_GET, "get"}, {HTTP_POST, "post"}};
    for (size_t k = 0; k < 2; k++) {
      if (!(rt->methods & aM[k].m)) continue;
      json_t *op = json_pack(
          "{s:s,s:o,s:{s:{s:s},s:{s:s,s:{s:{s:{s:s}}}}}}", "summary",
          rt->zSummary, "parameters", path_params(rt->zPattern), "responses",
          "200", "description", "OK", "default", "description",
          "Error: {\"error\":{\"code\":…,\"message\":…}}", "content",
          "application/json", "schema", "$ref", "#/components/schemas/Error");
      if (rt->perm != PERM_PUBLIC)
        json_object_set_new(op, "security", json_pack("[{s:[]}]", "session"));
      json_object_set_new(item, aM[k].z, op);
    }
  }
  json_t *doc = json_pack(
      "{s:s,s:{s:s,s:s,s:s},s:[{s:s}],s:o,s:{s:{s:{s:s,s:[s],s:{s:{s:s,s:[s,s],s:{s:{s:s},s:{s:s}}}}}},s:{s:{s:s,s:s,s:s}}}}",
      "openapi", "3.0.3", "info", "title", "gongkai API", "version", GK_VERSION,
      "description", "政府信息公开管理系统 gongkai 的开放数据与管理接口",
      "servers", "url", "/", "paths", paths, "components", "schemas", "Error",
      "type", "object", "required", "error", "properties", "error", "type",
      "object", "required", "code", "message", "properties", "code", "type",
      "string", "message", "type", "string", "securitySchemes", "session",
      "type", "apiKey", "in", "cookie", "name", "gk_session");
  api_json(r, 200, doc);
  return 0;
}

int api_orgs(Req *r) {
  Org *aOrg;
  int n;
  if (store_org_tree(r->store, &r->arena, 0, &aOrg, &n) != STORE_OK) {
    api_error(r, 500, NULL, store_errmsg(r->store));
    return 0;
  }
  json_t *a = json_array();
  for (int i = 0; i < n; i++) {
    json_array_append_new(
        a, json_pack("{s:I,s:o,s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:i}", "id",
                     (json_int_t)aOrg[i].id, "parent_id",
                     aOrg[i].parentId ? json_integer(aOrg[i].parentId) : json_null(),
                     "slug", aOrg[i].zSlug, "name", aOrg[i].zName, "short_name",
                     aOrg[i].zShortName, "uscc", aOrg[i].zUscc, "address",
                     aOrg[i].zAddress, "phone", aOrg[i].zPhone, "email",
                     aOrg[i].zEmail, "office_hours", aOrg[i].zOfficeHours,
                     "depth", aOrg[i].depth));
  }
  api_json(r, 200, json_pack("{s:o}", "orgs", a));
  return 0;
}
