/*
** openapi.c — GET /api/v1/openapi.json, generated from the route table so
** the document cannot drift from the routes (tests/http/test_foundation.py
** also compares it with src/http/routes.c).
*/
#include <string.h>

#include "api/api.h"
#include "http/routes.h"
#include "lib/version.h"

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
        json_object_set_new(op, "security",
                            json_pack("[{s:[]},{s:[]}]", "session", "token"));
      if (aM[k].m == HTTP_POST) /* the write API: a JSON object */
        json_object_set_new(
            op, "requestBody",
            json_pack("{s:b,s:{s:{s:{s:s}}}}", "required", 0, "content",
                      "application/json", "schema", "type", "object"));
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
  /* API tokens (created by an administrator): Authorization: Bearer gk_… */
  json_object_set_new(
      json_object_get(json_object_get(doc, "components"), "securitySchemes"),
      "token", json_pack("{s:s,s:s}", "type", "http", "scheme", "bearer"));
  api_json(r, 200, doc);
  return 0;
}

