/*
** form_once.h — single-use submission tokens for HTML forms (issue 15,
** bug 1).  page_csrf_field() puts a fresh token (req_form_token) in every
** form; the dispatcher claims it before a POST handler runs and records
** where the submission led afterwards, so a refresh, a double click or a
** replay of the same form creates nothing and is told where the first
** submission went.  Routes flagged ROUTE_LOOKUP (queries sent by POST so a
** code stays out of the URL) are exempt.
*/
#ifndef GK_FORM_ONCE_H
#define GK_FORM_ONCE_H

#include "http/req.h"

#define FORM_ONCE_FIELD "_once"

/* Before the handler of a POST: claims the submitted token.  Returns 1 when
** the token was used before (the "already submitted" page is written and
** the handler must not run), else 0. */
int form_once_claim(Req *r);

/* After the handler: records the redirect target of a successful
** submission, or releases the token of a refused one (status >= 400). */
void form_once_finish(Req *r);

#endif
