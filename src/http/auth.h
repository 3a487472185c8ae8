/*
** auth.h — sessions, CSRF and login (implementation of req_can and
** req_csrf, req_login and req_logout is here too).  Used by the dispatcher and the login pages.
*/
#ifndef GK_AUTH_H
#define GK_AUTH_H

#include "http/req.h"

#define AUTH_SESSION_COOKIE "gk_session"
/* At most this many argon2id password checks run at once (auth.c), on as
** many offload threads (http/offload.h). */
#define AUTH_HASH_SLOTS 2
#define AUTH_CSRF_COOKIE "gk_csrf"

/* Reads the session and CSRF cookies from the Cookie header and sets
** r->user (NULL when absent, expired or disabled) and r->zCsrf. */
void auth_load(Req *r, const char *zCookies);

/* The CSRF and same-origin check for a POST: NULL when it passes, else
** the Chinese reason for the 403. */
const char *auth_check_post(Req *r);


/* flash.c: reads the flash cookie of a signed-in user into r->zFlash. */
void flash_load(Req *r);

void auth_session_cookie(Req *r, const char *zToken, int bClear);
void auth_csrf_cookie(Req *r);

#endif
