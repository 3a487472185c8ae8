/*
** connload.c — an open-loop HTTP/1.1 load generator for `make bench`
** (run.sh, section 7): holds CONNS keep-alive connections to one address
** and sends GET PATH at a fixed total RATE (requests per second) for
** SECONDS, each request on the connection that has been idle longest
** when it is due (so every connection carries requests).  Latency is measured from the moment the request was DUE, not when
** it was sent, so a server that falls behind is charged for the queue
** (no coordinated omission, unlike a closed loop such as wrk, whose
** latency at N connections is mostly N / throughput).
**
**   connload HOST PORT PATH CONNS RATE SECONDS
**
** Prints one line: "sent done p50_ms p99_ms max_ms errors connect_errors
** late closed" — errors: non-200 answers, requests whose connection was
** reset or closed, timeouts (5 s after the end); late: requests that found
** no idle connection when due (they wait for one; their latency includes
** the wait); closed: connections the server closed (reopened when next
** needed).  Exit 1 on bad arguments.
** Answers must carry Content-Length (gongkai and nginx do for files).
*/
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

typedef struct C {
  int fd;
  int busy;        /* a request is out */
  double due;      /* when the current request was due (ms) */
  char *buf;
  size_t n, cap;   /* bytes of the answer read so far */
} C;

static double now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static int cmp(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

static int open_conn(const struct sockaddr_in *sa, int ep, int i) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return -1;
  int one = 1;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  if (connect(fd, (const struct sockaddr *)sa, sizeof *sa) != 0) {
    close(fd);
    return -1;
  }
  fcntl(fd, F_SETFL, O_NONBLOCK);
  struct epoll_event ev = {.events = EPOLLIN, .data.u32 = (uint32_t)i};
  epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev);
  return fd;
}

/* Length of a complete answer in c->buf, 0 when incomplete, -1 when it is
** not a 200 with Content-Length. */
static long answer_len(C *c, int *pStatus) {
  char *e = memmem(c->buf, c->n, "\r\n\r\n", 4);
  if (!e) return 0;
  *pStatus = atoi(c->buf + 9);
  const char *h = c->buf;
  long len = -1;
  while (h < e) {
    const char *nl = memmem(h, (size_t)(e - h) + 2, "\r\n", 2);
    if (!nl) break;
    if ((size_t)(nl - h) > 15 && !strncasecmp(h, "content-length:", 15)) len = atol(h + 15);
    h = nl + 2;
  }
  if (len < 0) return -1;
  long total = (long)(e + 4 - c->buf) + len;
  return (long)c->n >= total ? total : 0;
}

int main(int argc, char **argv) {
  if (argc != 7) {
    fputs("usage: connload HOST PORT PATH CONNS RATE SECONDS\n", stderr);
    return 1;
  }
  struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = htons((uint16_t)atoi(argv[2]))};
  if (inet_pton(AF_INET, argv[1], &sa.sin_addr) != 1) return 1;
  int nConn = atoi(argv[4]);
  double rate = atof(argv[5]), secs = atof(argv[6]);
  if (nConn < 1 || rate <= 0 || secs <= 0) return 1;
  char req[1024];
  int nReq = snprintf(req, sizeof req, "GET %s HTTP/1.1\r\nHost: %s:%s\r\n"
                      "Accept-Encoding: identity\r\n\r\n", argv[3], argv[1], argv[2]);
  int ep = epoll_create1(0);
  C *a = calloc((size_t)nConn, sizeof *a);
  /* Idle connections in a ring, oldest first: every connection takes its
  ** turn, so all of them carry requests (a stack would reuse a few). */
  int *idle = malloc(sizeof(int) * (size_t)nConn), nIdle = 0, iHead = 0;
#define IDLE_PUSH(x) (idle[(iHead + nIdle++) % nConn] = (x))
  long nMax = (long)(rate * secs) + 16;
  double *lat = malloc(sizeof(double) * (size_t)nMax);
  long sent = 0, done = 0, errors = 0, connErr = 0, late = 0, closed = 0;
  for (int i = 0; i < nConn; i++) {
    a[i].fd = open_conn(&sa, ep, i);
    a[i].cap = 65536;
    a[i].buf = malloc(a[i].cap);
    if (a[i].fd < 0) connErr++;
    else IDLE_PUSH(i);
  }
  double t0 = now_ms(), tEnd = t0 + secs * 1e3, interval = 1e3 / rate;
  double nextDue = t0;
  double *queue = malloc(sizeof(double) * (size_t)nMax); /* due times waiting */
  long qHead = 0, qTail = 0;
  struct epoll_event evs[256];
  for (;;) {
    double t = now_ms();
    while (nextDue <= t && nextDue < tEnd && qTail < nMax) {
      queue[qTail++] = nextDue;
      nextDue += interval;
    }
    while (qHead < qTail && nIdle > 0) {
      int i = idle[iHead];
      iHead = (iHead + 1) % nConn;
      nIdle--;
      C *c = &a[i];
      if (c->fd < 0 && (c->fd = open_conn(&sa, ep, i)) < 0) {
        connErr++;
        IDLE_PUSH(i);
        break;
      }
      c->busy = 1;
      c->due = queue[qHead++];
      if (t - c->due > interval * 2 + 1) late++;
      c->n = 0;
      if (send(c->fd, req, (size_t)nReq, MSG_NOSIGNAL) != nReq) {
        errors++;
        c->busy = 0;
        close(c->fd);
        c->fd = -1;
      }
      sent++;
    }
    int nBusy = nConn - nIdle;
    if (t >= tEnd && qHead >= qTail && nBusy == 0) break;
    if (t >= tEnd + 5000) { errors += nBusy; break; } /* timeouts */
    /* Sleep until the next request is due (ns precision: spinning would
    ** take a core from the server on a shared machine). */
    double w = t >= tEnd ? 10.0 : nextDue > t ? nextDue - t : 0.0;
    if (qHead < qTail && nIdle == 0) w = 10.0; /* waiting for an answer */
    struct timespec ts = {(time_t)(w / 1e3), (long)((w - (double)(long)(w / 1e3) * 1e3) * 1e6)};
    int n = epoll_pwait2(ep, evs, 256, &ts, NULL);
    for (int k = 0; k < n; k++) {
      C *c = &a[evs[k].data.u32];
      int i = (int)evs[k].data.u32;
      for (;;) {
        if (c->n == c->cap) {
          c->cap *= 2;
          c->buf = realloc(c->buf, c->cap);
        }
        ssize_t r = recv(c->fd, c->buf + c->n, c->cap - c->n, 0);
        if (r > 0) { c->n += (size_t)r; continue; }
        if (r < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) break;
        /* closed or reset: an error if a request was out */
        if (c->busy) { errors++; IDLE_PUSH(i); }
        closed++;
        c->busy = 0;
        epoll_ctl(ep, EPOLL_CTL_DEL, c->fd, NULL);
        close(c->fd);
        c->fd = -1;
        break;
      }
      if (c->fd < 0 || !c->busy) continue;
      int status = 0;
      long len = answer_len(c, &status);
      if (len == 0) continue;
      double d = now_ms() - c->due;
      c->busy = 0;
      if (len < 0 || status != 200) errors++;
      else if (done < nMax) lat[done++] = d;
      c->n = 0;
      IDLE_PUSH(i);
    }
  }
  qsort(lat, (size_t)done, sizeof *lat, cmp);
  double p50 = done ? lat[(long)(0.50 * (double)done + 0.999999) - 1] : 0;
  double p99 = done ? lat[(long)(0.99 * (double)done + 0.999999) - 1] : 0;
  printf("%ld %ld %.2f %.2f %.2f %ld %ld %ld %ld\n", sent, done, p50, p99,
         done ? lat[done - 1] : 0.0, errors, connErr, late, closed);
  return 0;
}
