/*
** ops.h — endpoints for operators and their tools, not for people:
** /healthz (the process answers), /readyz (the database answers and its
** schema is current).  Plain text, never cached.
*/
#ifndef GK_OPS_H
#define GK_OPS_H

#include "http/req.h"

int page_healthz(Req *r);
int page_readyz(Req *r);

#endif
