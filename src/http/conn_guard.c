/* conn_guard.c — whole-request deadline and per-address connection cap
** (see conn_guard.h).  Open connections are a list under one mutex; the
** watchdog thread wakes every quarter second. */
#include "http/conn_guard.h"

#include <netinet/in.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct GuardConn {
  int fd;
  IpAddr addr;
  int64_t deadlineMs;     /* 0: no request being received */
  IpAddr client;          /* forwarded client of the current request… */
  int bForwarded;         /* …when it came through a trusted proxy */
  GuardConn *pPrev, *pNext;
};

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static GuardConn *pList;
static int timeoutMs = 30000;
static int perAddr = 32;
static IpNet aExemptNet[16];
static int nExemptNet;
static pthread_t watchdog;
static int bRunning, bStop;
static atomic_ulong nExpired;

static int64_t mono_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void guard_sockaddr_ip(const struct sockaddr *sa, IpAddr *p) {
  memset(p, 0, sizeof *p);
  if (sa && sa->sa_family == AF_INET) {
    p->a[10] = p->a[11] = 0xff;
    memcpy(p->a + 12, &((const struct sockaddr_in *)sa)->sin_addr, 4);
  } else if (sa && sa->sa_family == AF_INET6) {
    memcpy(p->a, &((const struct sockaddr_in6 *)sa)->sin6_addr, 16);
  }
}

/* Same client for the caps: the same IPv4 address, or the same IPv6 /64
** (one subscriber's network; a single host can use any address in it). */
static int same_client(const IpAddr *a, const IpAddr *b) {
  static const unsigned char v4[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
  if (!memcmp(a->a, v4, 12)) return !memcmp(a, b, sizeof *a);
  return !memcmp(a->a, b->a, 8);
}

/* Shuts down every connection whose request is past its deadline. */
static void expire(int64_t now) {
  for (GuardConn *g = pList; g; g = g->pNext) {
    if (g->deadlineMs && now >= g->deadlineMs) {
      shutdown(g->fd, SHUT_RDWR);
      g->deadlineMs = 0;
      atomic_fetch_add(&nExpired, 1);
    }
  }
}

static void *watchdog_main(void *arg) {
  (void)arg;
  pthread_mutex_lock(&mu);
  while (!bStop) {
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    ts.tv_nsec += 250 * 1000000L;
    if (ts.tv_nsec >= 1000000000L) { ts.tv_sec++; ts.tv_nsec -= 1000000000L; }
    pthread_cond_timedwait(&cv, &mu, &ts);
    expire(mono_ms());
  }
  pthread_mutex_unlock(&mu);
  return NULL;
}

int guard_start(int timeoutSec, int perAddrMax, const IpNet *aExempt, int nExempt) {
  timeoutMs = timeoutSec * 1000;
  perAddr = perAddrMax;
  nExemptNet = 0;
  for (int i = 0; i < nExempt && i < (int)(sizeof aExemptNet / sizeof aExemptNet[0]); i++)
    aExemptNet[nExemptNet++] = aExempt[i];
  bStop = 0;
  if (pthread_create(&watchdog, NULL, watchdog_main, NULL)) return -1;
  bRunning = 1;
  return 0;
}

void guard_stop(void) {
  if (!bRunning) return;
  pthread_mutex_lock(&mu);
  bStop = 1;
  pthread_cond_signal(&cv);
  pthread_mutex_unlock(&mu);
  pthread_join(watchdog, NULL);
  bRunning = 0;
}

/* 1 when client *pA, unless exempt, already holds perAddr connections
** (mu held). */
static int at_cap(const IpAddr *pA) {
  if (ip_in_nets(pA, aExemptNet, nExemptNet)) return 0;
  int n = 0;
  for (GuardConn *g = pList; g && n < perAddr; g = g->pNext)
    if (same_client(&g->addr, pA)) n++;
  return n >= perAddr;
}

int guard_accept(const struct sockaddr *sa) {
  IpAddr a;
  guard_sockaddr_ip(sa, &a);
  pthread_mutex_lock(&mu);
  int bFull = at_cap(&a);
  pthread_mutex_unlock(&mu);
  return !bFull;
}

/* guard_accept and guard_open are two steps, and the server's worker
** threads accept side by side: two connections of an address holding
** perAddr-1 can both pass guard_accept before either is registered.  So
** guard_open counts again, atomically with the registration, and shuts
** down a connection that finds perAddr older ones (the server then closes
** it, as it does one the watchdog expired). */
GuardConn *guard_open(int fd, const struct sockaddr *sa) {
  GuardConn *g = calloc(1, sizeof *g);
  if (!g) return NULL;
  g->fd = fd;
  guard_sockaddr_ip(sa, &g->addr);
  pthread_mutex_lock(&mu);
  int bFull = at_cap(&g->addr);
  g->deadlineMs = mono_ms() + timeoutMs;
  g->pNext = pList;
  if (pList) pList->pPrev = g;
  pList = g;
  if (bFull) {
    shutdown(fd, SHUT_RDWR);
    g->deadlineMs = 0;
  }
  pthread_mutex_unlock(&mu);
  return g;
}

void guard_close(GuardConn *g) {
  if (!g) return;
  pthread_mutex_lock(&mu);
  if (g->pPrev) g->pPrev->pNext = g->pNext;
  else pList = g->pNext;
  if (g->pNext) g->pNext->pPrev = g->pPrev;
  pthread_mutex_unlock(&mu);
  free(g);
}

void guard_request_received(GuardConn *g) {
  if (!g) return;
  pthread_mutex_lock(&mu);
  g->deadlineMs = 0;
  pthread_mutex_unlock(&mu);
}

int guard_client_admit(GuardConn *g, const IpAddr *pClient) {
  if (!g) return 1;
  int n = 0;
  pthread_mutex_lock(&mu);
  for (GuardConn *o = pList; o; o = o->pNext)
    if (o != g && o->bForwarded && same_client(&o->client, pClient)) n++;
  int ok = n < perAddr;
  if (ok) {
    g->client = *pClient;
    g->bForwarded = 1;
  }
  pthread_mutex_unlock(&mu);
  return ok;
}

void guard_request_done(GuardConn *g) {
  if (!g) return;
  pthread_mutex_lock(&mu);
  g->bForwarded = 0;
  g->deadlineMs = mono_ms() + timeoutMs;
  pthread_mutex_unlock(&mu);
}

unsigned long guard_expired_count(void) { return atomic_load(&nExpired); }
