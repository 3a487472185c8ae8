/*
** api_catalogue.h — the catalogue in the JSON API (read-only, public).
** The portal issue extends it (filters, paging).
*/
#ifndef GK_API_CATALOGUE_H
#define GK_API_CATALOGUE_H

#include "http/req.h"

/* GET /api/v1/catalogue?org=ID|SLUG[&list=proactive|on_request|negative]
** 200 {"org":{…},"items":[…]}; 400 without org or with a bad list; 404
** for an unknown organisation. */
int api_catalogue(Req *r);

#endif
