/*
** api_applications.h — JSON API for applications for disclosure: the
** register visible to the user and one application with its clock steps.
** Identity numbers are never sent in clear over the API (masked form only).
*/
#ifndef GK_API_APPLICATIONS_H
#define GK_API_APPLICATIONS_H

#include "http/req.h"

int api_applications(Req *r); /* GET /api/v1/applications?f=open|YYYY */
int api_application(Req *r);  /* GET /api/v1/applications/{id} */

/* ---- api_app_write.c: the write API (app/app_action.h) ---- */
int api_app_register(Req *r); /* POST /api/v1/applications (201) */
/* POST /api/v1/applications/{id}/<action> */
int api_app_do_assign(Req *r);
int api_app_do_event(Req *r);
int api_app_do_extend(Req *r);
int api_app_do_fee(Req *r);
int api_app_do_draft(Req *r);
int api_app_do_dept_review(Req *r);
int api_app_do_return(Req *r);
int api_app_do_approve(Req *r);
int api_app_do_withdraw(Req *r);
int api_app_do_correction_request(Req *r);
int api_app_do_assistance(Req *r);
int api_app_do_review(Req *r);
int api_app_do_review_decide(Req *r);
int api_app_do_recalc(Req *r);

#endif
