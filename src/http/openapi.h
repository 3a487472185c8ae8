/*
** openapi.h — the OpenAPI document (openapi.c): the route table joined with
** the typed contract in data/api_contract.json.
*/
#ifndef GK_OPENAPI_H
#define GK_OPENAPI_H

/* 0 when every /api/ route has a contract entry and every entry a route;
** else 1 with *pzErr listing each mismatch (malloc'd, caller frees). */
int openapi_check(char **pzErr);

#endif
