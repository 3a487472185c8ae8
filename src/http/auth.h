/*
** auth.h — sessions, CSRF and login (implementation of req_can and
** req_csrf is here too).  Used by the dispatcher and the login pages.
*/
#ifndef GK_AUTH_H
#define GK_AUTH_H

#include "http/req.h"

#define AUTH_SESSION_COOKIE "gk_session"
#define AUTH_CSRF_COOKIE "gk_csrf"

/* Reads the session and CSRF cookies from the Cookie header and sets
** r->user (NULL when absent, expired or disabled) and r->zCsrf. */
void auth_load(Req *r, const char *zCookies);

/* The CSRF and same-origin check for a POST: NULL when it passes, else
** the Chinese reason for the 403. */
const char *auth_check_post(Req *r);

/* Checks the password (argon2id), throttles per account and per address,
** creates a session and queues its cookie.  0 on success; -1 with *pzErr
** set (a static Chinese message) on failure, with no session created. */
int auth_login(Req *r, const char *zLogin, const char *zPassword,
               const char **pzErr);
/* Ends the current session and clears the cookie. */
void auth_logout(Req *r);

void auth_session_cookie(Req *r, const char *zToken, int bClear);
void auth_csrf_cookie(Req *r);

#endif
