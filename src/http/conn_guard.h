/*
** conn_guard.h — keeps room for new clients under a flood of slow ones:
** a whole-request deadline (headers and body together, not idle time) and
** a cap on the connections one address may hold open.  libmicrohttpd's own
** timeout counts idle time only, so a client trickling one byte every few
** seconds would hold its connection forever; a watchdog thread shuts down
** the socket of every request still incomplete at its deadline (MHD then
** closes the connection).  Used by http/server.c only.
*/
#ifndef GK_CONN_GUARD_H
#define GK_CONN_GUARD_H

#include <sys/socket.h>

#include "lib/ipaddr.h"

typedef struct GuardConn GuardConn;

/* Starts the watchdog.  timeoutSec: the whole-request deadline;
** perAddrMax: connections one address may hold (peers in the exempt list,
** trusted proxies, are not capped).  0 or -1. */
int guard_start(int timeoutSec, int perAddrMax, const IpNet *aExempt, int nExempt);
void guard_stop(void);

/* The accept policy: 1 when a new connection from sa may be accepted. */
int guard_accept(const struct sockaddr *sa);

/* A connection opened (fd, peer) / closed; the clock of its first request
** starts at once. */
GuardConn *guard_open(int fd, const struct sockaddr *sa);
void guard_close(GuardConn *g);

/* The request has been received in full: its clock stops. */
void guard_request_received(GuardConn *g);
/* The request has been answered: the next one on this connection (keep-
** alive) gets a fresh deadline. */
void guard_request_done(GuardConn *g);

/* Behind a trusted proxy: registers the forwarded client of g's current
** request; 0 when that client already has the per-address maximum of
** requests in flight (on other connections). */
int guard_client_admit(GuardConn *g, const IpAddr *pClient);

/* The address of a socket address as 16 bytes. */
void guard_sockaddr_ip(const struct sockaddr *sa, IpAddr *p);

/* Connections closed by the deadline so far (for tests and logs). */
unsigned long guard_expired_count(void);

#endif
