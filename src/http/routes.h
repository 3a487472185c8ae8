/*
** routes.h — the route table: (method, path pattern, handler, permission).
** Patterns are literal segments and {name} captures ("/o/{org}/d/{id}");
** captures arrive in r->aArg in order.  A {*rest} capture takes the rest of
** the path.  The dispatcher enforces the method and the permission (login
** first, then the role) before the handler runs; handlers check the
** organisation scope of the records they touch with req_can().
*/
#ifndef GK_ROUTES_H
#define GK_ROUTES_H

#include "http/req.h"

typedef int (*Handler)(Req *r);   /* returns 0; sets r->status/out */

#define ROUTE_API 1       /* JSON error bodies */
#define ROUTE_HIDDEN 2    /* not listed in the OpenAPI document */
/* Body limits (http/server.c route_body_limit, docs/security.md): */
#define ROUTE_UPLOAD 4       /* staff file uploads, up to --max-body-mb */
#define ROUTE_PUBLIC_FILE 8  /* a public form with one attachment */
#define ROUTE_SMALL_BODY 16  /* a tiny form (sign-in, tracking): 64 KiB */
#define ROUTE_LOOKUP 32      /* a POST that only looks something up: its form
                             ** token may be sent again (http/form_once.h) */
#define ROUTE_HASHES 64      /* its POST checks or sets a password (argon2id): run
                             ** on an offload thread (http/offload.h) */
#define ROUTE_SYSTEM 128     /* an installation-wide setting: besides its
                             ** permission, only a system-wide administrator
                             ** (req_is_system_admin) */

typedef struct Route {
  int methods;            /* HTTP_GET | HTTP_POST … (GET implies HEAD) */
  const char *zPattern;
  Handler xHandler;
  Perm perm;
  int flags;
  const char *zSummary;   /* one line, for OpenAPI and docs */
} Route;

extern const Route aRoute[];
extern const int nRoute;

/* Finds the route for path; fills r->aArg.  Returns the route, or NULL.
** *pbMethodMismatch is set when the path matches but not the method. */
const Route *route_match(Req *r, const char *zPath, int *pbMethodMismatch);

#endif
