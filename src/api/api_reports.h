/*
** api_reports.h — the annual report in the JSON API (api_reports.c).
*/
#ifndef GK_API_REPORTS_H
#define GK_API_REPORTS_H

#include "http/req.h"

/* GET /api/v1/reports/{org}/{year}[?scope=subtree]: the report in the JSON
** form of core/report.h, plus "status".  Anyone: published reports (as
** published); staff who may edit or supervise the organisation: the report
** as it stands.  404 otherwise. */
int api_report(Req *r);

/* POST /api/v1/reports/{org}/{year}/override[?scope=subtree]: the hand
** adjustment of one cell (app_report_override), JSON body {cell, value
** (number, numeric string, or null / "" for blank), reason, remove (true:
** back to the computed value)}.  200 {message, report} (the report as it
** stands now), or the error shape: 400 bad input, 403, 404, 409 when the
** report is submitted or published (frozen) or nothing is to restore. */
int api_report_override(Req *r);

/* POST /api/v1/reports/check: checks a report file (body, multipart
** "file" or pasted "report"); the JSON result of report_check_bytes(). */
int api_report_check(Req *r);

#endif
