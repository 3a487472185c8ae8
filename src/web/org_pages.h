/*
** org_pages.h — public pages of one organisation: its home and its
** 政府信息公开指南 (the guide required by Art. 12), generated from the
** organisation's record.
*/
#ifndef GK_ORG_PAGES_H
#define GK_ORG_PAGES_H

#include "http/req.h"

int page_org_home(Req *r);
int page_org_guide(Req *r);

/* Loads the organisation named by path capture i (slug or id) into *o;
** answers 404 and returns -1 when there is none. */
int page_load_org(Req *r, int i, Org *o);

#endif
