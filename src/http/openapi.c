/*
** openapi.c — GET /api/v1/openapi.json: the route table joined with the
** typed contract of data/api_contract.json (parameters, request bodies,
** responses, schemas), so neither the routes nor the types can drift from
** the document: every ROUTE_API route must have a contract entry and every
** entry a route (openapi_check(), run by `gongkai routes --check-api` in
** make check), and tests/api/contract.mjs validates every answer against
** the schemas.
*/
#include <pthread.h>
#include <string.h>

#include "api/api.h"
#include "http/openapi.h"
#include "http/routes.h"
#include "lib/embed.h"
#include "lib/version.h"

static json_t *pContract;
static pthread_once_t contractOnce = PTHREAD_ONCE_INIT;

static void contract_load(void) {
  const Embedded *e = embed_find(aData, "api_contract.json");
  json_error_t err;
  pContract = e ? json_loadb((const char *)e->pData, e->nData, 0, &err) : NULL;
}

/* The contract (owned here, read-only), or NULL when it is missing. */
static json_t *contract(void) {
  pthread_once(&contractOnce, contract_load);
  return pContract;
}

static const struct { int m; const char *zUpper, *zLower; } aMethod[] = {
  {HTTP_GET, "GET", "get"}, {HTTP_POST, "POST", "post"}};
#define N_METHOD (sizeof aMethod / sizeof aMethod[0])

/* The OpenAPI form of a route pattern: a rest capture "{*ref}" (which may
** hold slashes, as index numbers do) is written "{ref}". */
static void openapi_path(const char *zPattern, char *zOut, size_t nOut) {
  size_t n = 0;
  for (const char *p = zPattern; *p && n + 1 < nOut; p++)
    if (!(*p == '*' && p > zPattern && p[-1] == '{')) zOut[n++] = *p;
  zOut[n] = 0;
}

static json_t *operation_contract(const char *zMethod, const char *zPattern) {
  char zKey[256], zPath[200];
  openapi_path(zPattern, zPath, sizeof zPath);
  snprintf(zKey, sizeof zKey, "%s %s", zMethod, zPath);
  json_t *c = contract();
  return c ? json_object_get(json_object_get(c, "operations"), zKey) : NULL;
}

/* The declared parameters, "$ref": "name" pointing into components, and a
** string parameter for each path capture the contract does not declare. */
static json_t *parameters(const char *zPat, json_t *opc) {
  json_t *a = json_array(), *decl = json_object_get(opc, "parameters");
  size_t i;
  json_t *p;
  json_array_foreach(decl, i, p) {
    const char *zRef = json_string_value(json_object_get(p, "$ref"));
    json_array_append_new(a, zRef ? json_pack("{s:s+}", "$ref", "#/components/parameters/", zRef)
                                  : json_deep_copy(p));
  }
  for (const char *q = strchr(zPat, '{'); q; q = strchr(q + 1, '{')) {
    const char *e = strchr(q, '}');
    if (!e) break;
    char zName[64];
    size_t n = (size_t)(e - q - 1) < sizeof zName - 1 ? (size_t)(e - q - 1) : sizeof zName - 1;
    memcpy(zName, q + 1, n);
    zName[n] = 0;
    if (zName[0] == '*') memmove(zName, zName + 1, n);
    int bDeclared = 0;
    json_array_foreach(decl, i, p) {
      const char *zN = json_string_value(json_object_get(p, "name"));
      bDeclared |= zN && !strcmp(zN, zName);
    }
    if (!bDeclared)
      json_array_append_new(a, json_pack("{s:s,s:s,s:b,s:{s:s}}", "name", zName, "in", "path",
                                         "required", 1, "schema", "type", "string"));
  }
  return a;
}

static const char *status_text(const char *zStatus) {
  static const struct { const char *z, *zText; } a[] = {
    {"200", "OK"}, {"201", "Created"}, {"303", "See Other"}, {"400", "Bad request"},
    {"401", "Not signed in or no valid token"}, {"403", "Not permitted for this organisation"},
    {"404", "Not found"}, {"409", "Conflict with the record's state"}, {"410", "Gone (withdrawn)"},
    {"413", "Too large"}, {"422", "Invalid input"}, {"429", "Too many requests"}};
  for (size_t i = 0; i < sizeof a / sizeof a[0]; i++)
    if (!strcmp(a[i].z, zStatus)) return a[i].zText;
  return "Answer";
}

/* status → schema name ("text": a file download) as OpenAPI responses. */
static json_t *responses(json_t *opc) {
  json_t *out = json_object(), *decl = json_object_get(opc, "responses");
  const char *zStatus;
  json_t *v;
  json_object_foreach(decl, zStatus, v) {
    const char *zSchema = json_string_value(v);
    json_t *content = !strcmp(zSchema, "text")
        ? json_pack("{s:{s:{s:s}},s:{s:{s:s}}}", "application/x-ndjson", "schema", "type", "string",
                    "text/csv", "schema", "type", "string")
        : json_pack("{s:{s:{s:s+}}}", "application/json", "schema", "$ref",
                    "#/components/schemas/", zSchema);
    json_object_set_new(out, zStatus, json_pack("{s:s,s:o}", "description",
                                                status_text(zStatus), "content", content));
  }
  json_object_set_new(out, "default", json_pack(
      "{s:s,s:{s:{s:{s:s}}}}", "description", "Any other error, in the same shape",
      "content", "application/json", "schema", "$ref", "#/components/schemas/Error"));
  return out;
}

static json_t *operation(const Route *rt, const char *zMethod) {
  json_t *opc = operation_contract(zMethod, rt->zPattern);
  json_t *op = json_pack("{s:s,s:o,s:o}", "summary", rt->zSummary, "parameters",
                         parameters(rt->zPattern, opc), "responses", responses(opc));
  json_t *body = json_object_get(opc, "requestBody");
  if (body) json_object_set_new(op, "requestBody", json_deep_copy(body));
  const char *zPage = json_string_value(json_object_get(opc, "pagination"));
  if (zPage) json_object_set_new(op, "x-pagination", json_string(zPage));
  if (rt->perm != PERM_PUBLIC)
    json_object_set_new(op, "security", json_pack("[{s:[]},{s:[]}]", "session", "token"));
  else
    json_object_set_new(op, "security", json_pack("[{}]"));
  return op;
}

static json_t *components(void) {
  json_t *c = contract();
  json_t *schemas = json_deep_copy(json_object_get(c, "schemas"));
  json_t *params = json_deep_copy(json_object_get(c, "parameters"));
  return json_pack(
      "{s:o,s:o,s:{s:{s:s,s:s,s:s,s:s},s:{s:s,s:s,s:s}}}", "schemas",
      schemas ? schemas : json_object(), "parameters", params ? params : json_object(),
      "securitySchemes", "session", "type", "apiKey", "in", "cookie", "name", "gk_session",
      "description", "The browser's session after signing in at /login.", "token", "type",
      "http", "scheme", "bearer", "description",
      "An API token created by an administrator (Authorization: Bearer gk_…).");
}

static const char zDescription[] =
    "政府信息公开管理系统 gongkai 的开放数据与管理接口。Conventions: errors are "
    "{\"error\":{\"code\",\"message\"}} with a real HTTP status; every GET answers an ETag "
    "(If-None-Match gives 304) and, where known, Last-Modified; public GETs allow any origin "
    "(CORS, no credentials); dates are YYYY-MM-DD (Beijing), instants ISO 8601; lists are "
    "sorted stably (newest first, then by id); documents are found by id or by index number. "
    "Bulk downloads: /api/v1/datasets.";

int api_openapi(Req *r) {
  json_t *paths = json_object();
  for (int i = 0; i < nRoute; i++) {
    const Route *rt = &aRoute[i];
    if (!(rt->flags & ROUTE_API) || (rt->flags & ROUTE_HIDDEN)) continue;
    char zPath[200];
    openapi_path(rt->zPattern, zPath, sizeof zPath);
    json_t *item = json_object_get(paths, zPath);
    if (!item) {
      item = json_object();
      json_object_set_new(paths, zPath, item);
    }
    for (size_t k = 0; k < N_METHOD; k++)
      if (rt->methods & aMethod[k].m)
        json_object_set_new(item, aMethod[k].zLower, operation(rt, aMethod[k].zUpper));
  }
  json_t *doc = json_pack("{s:s,s:{s:s,s:s,s:s},s:[{s:s}],s:o,s:o}", "openapi", "3.0.3", "info",
                          "title", "gongkai API", "version", GK_VERSION, "description",
                          zDescription, "servers", "url", "/", "paths", paths, "components",
                          components());
  api_json(r, 200, doc);
  return 0;
}

int openapi_check(char **pzErr) {
  json_t *c = contract(), *ops = json_object_get(c, "operations");
  if (!ops) { *pzErr = xstrdup("data/api_contract.json is missing or not JSON"); return 1; }
  Buf b = BUF_INIT;
  int nBad = 0;
  for (int i = 0; i < nRoute; i++) {
    const Route *rt = &aRoute[i];
    if (!(rt->flags & ROUTE_API) || (rt->flags & ROUTE_HIDDEN)) continue;
    for (size_t k = 0; k < N_METHOD; k++)
      if ((rt->methods & aMethod[k].m) && !operation_contract(aMethod[k].zUpper, rt->zPattern)) {
        buf_printf(&b, "route without a contract: %h %h\n", aMethod[k].zUpper, rt->zPattern);
        nBad++;
      }
  }
  const char *zKey;
  json_t *v;
  json_object_foreach(ops, zKey, v) {
    int bFound = 0;
    for (int i = 0; i < nRoute && !bFound; i++)
      for (size_t k = 0; k < N_METHOD; k++) {
        size_t n = strlen(aMethod[k].zUpper);
        char zPath[200];
        openapi_path(aRoute[i].zPattern, zPath, sizeof zPath);
        bFound |= (aRoute[i].methods & aMethod[k].m) && !strncmp(zKey, aMethod[k].zUpper, n) &&
                  zKey[n] == ' ' && !strcmp(zKey + n + 1, zPath) &&
                  (aRoute[i].flags & ROUTE_API);
      }
    if (!bFound) {
      buf_printf(&b, "contract without a route: %h\n", zKey);
      nBad++;
    }
  }
  *pzErr = nBad ? buf_steal(&b) : NULL;
  buf_free(&b);
  return nBad ? 1 : 0;
}
