/*
** req.h — the request object and the response calls every page, API and
** CLI-side test hook is written against.  One Req per HTTP request; no
** request state lives anywhere else.  The dispatcher (http/server.c) fills
** the request part, runs the route's handler, then sends the response part.
**
** Memory: everything hanging off a Req (parameters, records loaded by the
** handler, strings made with req_printf) lives in r->arena and is freed when
** the connection reports the request complete.
*/
#ifndef GK_REQ_H
#define GK_REQ_H

#include <stddef.h>
#include <stdint.h>

#include "core/model.h"
#include "core/perm.h"
#include "lib/arena.h"
#include "lib/buf.h"
#include "lib/ipaddr.h"
#include "store/store.h"

enum { HTTP_GET = 1, HTTP_HEAD = 2, HTTP_POST = 4 };

/* One query, form or multipart parameter.  For files, zValue/nValue hold
** the bytes and zFilename/zType describe the upload. */
typedef struct ReqParam {
  const char *zName;
  char *zValue;          /* NUL-terminated (files may contain NULs) */
  size_t nValue;
  const char *zFilename; /* non-NULL for file uploads */
  const char *zType;     /* declared Content-Type of a file part */
  int bFromBody;         /* 1 when it came from the POST body */
} ReqParam;

typedef struct ReqHeader {
  const char *zName;
  const char *zValue;
} ReqHeader;

/* The default of --max-connections (gongkai serve). */
#define SERVER_MAX_CONNECTIONS 1000

/* Server-wide configuration the handlers may read (never write). */
typedef struct ServerConfig {
  const char *zDbPath;
  const char *zListen;     /* "127.0.0.1:8080" */
  const char *zBaseUrl;    /* "http://127.0.0.1:8080" for absolute links */
  const char *zSecretKey;  /* 64 hex chars: seals applicants' ID numbers */
  int nThreads;
  size_t nMaxBody;         /* bytes: the largest upload */
  size_t nBodyMemory;      /* bytes: body bytes all requests may hold in memory */
  int bCookieSecure;       /* add Secure to cookies and send HSTS (https base URL) */
  int requestTimeout;      /* seconds for a whole request: headers and body */
  int perAddrConnections;  /* open connections one address may hold */
  int maxConnections;      /* open connections in all (MHD's limit); 0:
                           ** SERVER_MAX_CONNECTIONS */
  const IpNet *aTrustedProxy; /* peers whose X-Forwarded-For is believed */
  int nTrustedProxy;
  int sessionIdle;         /* seconds */
  int sessionAbsolute;     /* seconds */
} ServerConfig;

typedef struct Req {
  Arena arena;
  Store *store;              /* this worker thread's connection */
  const ServerConfig *cfg;

  /* The request. */
  int method;                /* HTTP_* */
  const char *zMethod;
  const char *zPath;         /* URL path, percent-decoded by MHD */
  const char *zRemoteAddr;   /* "127.0.0.1" */
  const char *zLimitKey;     /* what rate limits count: the address, or
                             ** its /64 for IPv6 (ip_limit_key) */
  const char *zHost, *zOrigin, *zReferer, *zAccept;
  const char *zScheme;       /* "http", or "https" when a trusted proxy
                             ** says so (X-Forwarded-Proto): the scheme
                             ** the browser used, for the same-origin check */
  const char *zIfNoneMatch, *zAcceptEncoding, *zContentType;
  const char *zCsrfHeader;   /* X-CSRF-Token, for JSON clients */
  const char *zAuthorization; /* Authorization header (API tokens) */
  const char *zCookies;      /* the Cookie header, or NULL */
  ReqParam *aParam;          /* query parameters, then body parameters */
  int nParam, nParamAlloc;
  const char *aArg[6];       /* {captures} of the route pattern */
  int nArg;
  Buf body;                  /* raw body for non-form POSTs (JSON) */
  int bBodyTooLarge;
  int bAuthLoaded;           /* auth_load() has run (http_dispatch) */
  int bApi;                  /* route is under /api/: errors are JSON */
  int bNoHash;               /* may not hash a password here (no offload
                             ** thread was free): answered busy (503) */

  /* Who is asking. */
  User *user;                /* NULL when not signed in */
  int64_t tokenId;           /* API token in use (then user is the token's
                             ** stand-in: id 0, its organisation, no roles) */
  long long tokenPerms;      /* the token's permissions: bit p for Perm p */
  char zSessionHash[65];     /* SHA-256 of the session cookie, or "" */
  const char *zCsrf;         /* token that forms must echo (see req_csrf) */
  int bSetCsrfCookie;        /* an anonymous CSRF cookie must be sent */
  int bUsedCsrf;             /* the page embeds a CSRF token (not cacheable) */
  const char *zFlash;        /* the message a POST left for this page, or
                             ** NULL (req_flash; shown by page_begin) */

  /* The organisation whose public pages these are: set by the handler
  ** (page_set_org) so the page chrome shows its sections and contacts. */
  const Org *pOrg;

  /* The response. */
  int status;                /* 200 unless set */
  Buf out;                   /* body */
  const char *zType;         /* Content-Type */
  ReqHeader aHdr[16];
  int nHdr;
  int bNoCache;              /* Cache-Control: no-store (private pages) */
  int bFormUnused;           /* the POST changed nothing (a confirmation
                             ** page): its form token stays usable */
  int bOtherForm;            /* a page shown again after a refused POST is
                             ** writing a form other than the one sent:
                             ** page_input shows its own value, not the
                             ** body's */
  const char *zErrField;     /* the field a refused POST was refused for
                             ** (page_field_error), or NULL */
  const char *zErrFieldMsg;  /* its message */
  int bErrFieldShown;        /* the field has been written, marked */
  const char *zLastModified; /* optional HTTP date for Last-Modified */
  int bCacheHit;             /* body came from the public cache (gzip'ed
                             ** when bCacheGzip; ETag in zCacheEtag) */
  int bCacheGzip;
  char zCacheEtag[24];
  int bCacheable;            /* anonymous GET: may be served from/put in cache */
  const char *zCacheKey;     /* path + query parameters */
  unsigned long long cacheGen; /* cache generation when the request began */
  int64_t tStartUs;
  int64_t dbNsStart;         /* store_db_ns() when the store was attached */
  int iRoute;                /* index in aRoute[], -1 before/without a match */
  char zRequestId[20];       /* sent as X-Request-Id, in every log line */
} Req;

/* Writes "error id=… msg=…" to the log (stderr) for this request: the
** request id ties it to the access line.  zMsg is escaped for the log. */
void req_log_error(Req *r, const char *zMsg);

/* ---- Reading the request ---- */
const char *req_param(Req *r, const char *zName);       /* NULL if absent */
const char *req_param_or(Req *r, const char *zName, const char *zDflt);
/* A parameter from the POST body only (never the query string). */
const char *req_param_body(Req *r, const char *zName);
/* Integer parameter: *pv set and 1 returned when present and a valid
** integer in [lo, hi] (digits after an optional minus); 0 when absent; -1
** when present but invalid, or given twice in the query string with two
** different values. */
int req_param_int(Req *r, const char *zName, int64_t lo, int64_t hi,
                  int64_t *pv);
const ReqParam *req_file(Req *r, const char *zName);    /* NULL if none */
/* The i-th path capture parsed as a positive id; 0 when not a number. */
int64_t req_arg_id(Req *r, int i);
const char *req_arg(Req *r, int i);

/* The one check of text from the request (the dispatcher calls it before
** any handler): the path and every parameter name, value and file name must
** pass utf8_text_problem() (UTF-8; no NUL, controls or bidi overrides), a
** file name must not hold a path (/ \ . ..); CRLF and CR in values become
** LF.  NULL, or a Chinese message for a 400. */
const char *req_check_input(Req *r);

/* ---- Identity and permission (http/auth.c: the one place) ---- */
/* 1 when the current user may exercise p on the organisation orgId
** (0: no particular organisation). */
int req_can(Req *r, Perm p, int64_t orgId);

/* 1 when the user is a system-wide administrator: one who holds
** PERM_ADMIN in the installation's first organisation (the root `gongkai
** init` made, the lowest id without a parent).  Installation-wide settings
** (routes flagged ROUTE_SYSTEM) are theirs alone; an administrator of
** another top-level unit sharing the installation is not one.  Never a
** token. */
int req_is_system_admin(Req *r);

/* req_can() for orgId and every organisation below it: the user holds p
** at orgId through a role whose grant reaches subordinate units (disclosure
** office, admin, supervisor; perm_reaches_subtree()).  For views that sum
** or list a subtree ("含下级单位"). */
int req_can_subtree(Req *r, Perm p, int64_t orgId);
/* req_can(r, p, o->id) for o taken from store_org_tree(r->user->orgId)
** (o->depth its depth below the user's organisation), without a query per
** organisation: every unit of that tree has the user's organisation among
** its ancestors.  For lists of a province's hundreds of units. */
int req_can_in_own_tree(Req *r, Perm p, const Org *o);
/* Queues a cookie zName=zValue for zPath, HttpOnly, SameSite=Strict
** (Secure behind HTTPS); nMaxAge seconds, 0 clears it. */
void req_set_cookie(Req *r, const char *zName, const char *zValue,
                    const char *zPath, int nMaxAge);
/* The CSRF token for forms on this page (creates the anonymous cookie
** token when needed). */
const char *req_csrf(Req *r);
/* Value of cookie zName sent with the request (in the arena), or NULL. */
const char *req_cookie(Req *r, const char *zName);
/* A fresh single-use submission token for one form (http/form_once.c):
** the dispatcher accepts a POST carrying it once only. */
const char *req_form_token(Req *r);
/* Signs in: throttles per account+address pair, per account and per
** address (checked and recorded atomically), checks the password (argon2id,
** at most two at once: r->status 503 when none is free in 2 s), creates a
** session and queues its cookie.  0 on success; -1 with *pzErr set (a
** static Chinese message) and no session on failure. */
int req_login(Req *r, const char *zLogin, const char *zPassword,
              const char **pzErr);
/* Feedback after a redirect: queues zMsg (what happened and what comes
** next, text) for the next page this signed-in user sees (http/flash.c,
** a short-lived cookie).  req_flash_take() returns it once (NULL when
** none) and clears the cookie. */
void req_flash(Req *r, const char *zMsg);
const char *req_flash_take(Req *r);
/* Checks a password against an argon2id hash within the same bound on
** concurrent hashing as req_login: 1 match, 0 no match, -1 busy (no slot
** free; answer 503). */
int req_password_verify(Req *r, const char *zHash, const char *zPassword);
/* Ends the current session and clears its cookie. */
void req_logout(Req *r);

/* ---- Writing the response ---- */
void req_printf(Req *r, const char *zFmt, ...);   /* buf_printf rules */
void req_puts(Req *r, const char *zHtml);         /* literal output */
void req_header(Req *r, const char *zName, const char *zValue);
void req_redirect(Req *r, const char *zUrl);      /* 303 See Other */
/* Sets Last-Modified from an ISO 8601 UTC instant ("2026-09-03T08:00:00Z");
** nothing when zIso is not one. */
void req_last_modified(Req *r, const char *zIso);
char *req_strdup(Req *r, const char *z);          /* in r->arena */
char *req_fmt(Req *r, const char *zFmt, ...);     /* in r->arena */

#endif
