/*
** api.h — the JSON API under /api/v1/: handlers and the response helpers.
** Errors have one shape: {"error":{"code":"…","message":"…"}} with a real
** HTTP status.  Bodies are built with jansson and dumped here.
*/
#ifndef GK_API_H
#define GK_API_H

#include <jansson.h>

#include "http/req.h"

/* Sends j (stolen: this call decrefs it) as the response body. */
void api_json(Req *r, int status, json_t *j);
/* The error body; zCode is a stable machine code ("not_found"). */
void api_error(Req *r, int status, const char *zCode, const char *zMessage);
/* Machine code for an HTTP status ("bad_request", "forbidden" …). */
const char *api_code_for_status(int status);

/* An ISO 8601 instant in UTC ("2026-12-06T23:21:15Z") as Beijing time
** ("2026-12-07T07:21:15+08:00"), as a JSON string; the input itself when
** it is not such an instant. */
json_t *api_time_cn(const char *zUtc);

int api_health(Req *r);
int api_openapi(Req *r);
int api_orgs(Req *r);

#endif
