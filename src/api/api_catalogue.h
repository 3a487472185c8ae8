/*
** api_catalogue.h — the catalogue in the JSON API (read-only, public).
** The portal issue extends it (filters, paging).
*/
#ifndef GK_API_CATALOGUE_H
#define GK_API_CATALOGUE_H

#include <jansson.h>

#include "core/catalogue.h"
#include "http/req.h"

/* One catalogue item with its codes and Chinese labels (new reference). */
json_t *api_cat_item_json(Arena *a, const CatItem *p);

/* GET /api/v1/catalogue?org=ID|SLUG[&list=proactive|on_request|negative]
** 200 {"org":{…},"items":[…]}; 400 without org or with a bad list; 404
** for an unknown organisation. */
int api_catalogue(Req *r);

#endif
