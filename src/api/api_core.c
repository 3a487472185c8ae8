/*
** api_core.c — the API's envelope (JSON bodies, errors), health and the
** organisation tree.  (The OpenAPI document is generated from the route
** table in http/openapi.c.)
*/
#include <string.h>
#include <time.h>

#include "api/api.h"
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
    case 410: return "gone";
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

json_t *api_time_cn(const char *zUtc) {
  struct tm tm;
  memset(&tm, 0, sizeof tm);
  const char *zEnd = zUtc ? strptime(zUtc, "%Y-%m-%dT%H:%M:%S", &tm) : NULL;
  if (!zEnd || strcmp(zEnd, "Z")) return json_string(zUtc ? zUtc : "");
  time_t t = timegm(&tm) + 8 * 3600;
  char z[32];
  gmtime_r(&t, &tm);
  strftime(z, sizeof z, "%Y-%m-%dT%H:%M:%S+08:00", &tm);
  return json_string(z);
}

int api_health(Req *r) {
  api_json(r, 200,
           json_pack("{s:s,s:i,s:s}", "status", "ok", "schema_version",
                     store_schema_version(r->store), "version", GK_VERSION));
  r->bNoCache = 1;
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
