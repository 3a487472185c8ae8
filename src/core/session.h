/*
** session.h — session lifetime and login throttling rules (pure).
*/
#ifndef GK_SESSION_H
#define GK_SESSION_H

#include <stdint.h>

#include "core/model.h"

/* 1 when the session has expired at `now`: idle longer than idleSec since
** last use, or older than absSec since creation. */
int session_expired(const Session *s, int64_t now, int idleSec, int absSec);

/* Login throttling: at most LOGIN_MAX_PER_ACCOUNT failures per account and
** LOGIN_MAX_PER_ADDR per client address within LOGIN_WINDOW seconds. */
#define LOGIN_WINDOW 900
#define LOGIN_MAX_PER_ACCOUNT 5
#define LOGIN_MAX_PER_ADDR 20
/* 1 when another attempt must be refused given the failure counts. */
int login_throttled(int nAccountFailures, int nAddrFailures);

#endif
