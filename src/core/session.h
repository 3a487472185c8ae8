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

/* Login throttling, failures counted within LOGIN_WINDOW seconds:
**   LOGIN_MAX_PER_PAIR    one account from one address: a stranger can
**                         only lock the account out for their own address;
**   LOGIN_MAX_PER_ACCOUNT one account from every address together: the
**                         slower global back-off against a distributed
**                         guess (a lockout needs that many addresses' worth);
**   LOGIN_MAX_PER_ADDR    one address over every account (spraying). */
#define LOGIN_WINDOW 900
#define LOGIN_MAX_PER_PAIR 5
#define LOGIN_MAX_PER_ACCOUNT 50
#define LOGIN_MAX_PER_ADDR 20

typedef enum LoginVerdict {
  LOGIN_GO = 0,        /* the attempt may be checked */
  LOGIN_STOP_PAIR,     /* this account from this address */
  LOGIN_STOP_ACCOUNT,  /* this account from everywhere */
  LOGIN_STOP_ADDR      /* this address, every account */
} LoginVerdict;

/* Whether another attempt may be checked given the failure counts. */
LoginVerdict login_throttle(int nPair, int nAccount, int nAddr);

/* 1 when z may be a redirect target taken from the request (/login?next=,
** /textsize?next=): a path on this site — starts with one '/', not "//" or
** "/\", no backslash, no control character (tab, CR, LF… as they arrive
** after percent-decoding), no scheme, at most 1000 bytes. */
int login_next_ok(const char *z);

#endif
