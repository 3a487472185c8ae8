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

#endif
