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

/* POST /api/v1/reports/check: checks a report file (body, multipart
** "file" or pasted "report"); the JSON result of report_check_bytes(). */
int api_report_check(Req *r);

#endif
