/* ipaddr.c — addresses, networks, the client behind proxies (ipaddr.h). */
#include "lib/ipaddr.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int ip_parse(const char *z, size_t n, IpAddr *p) {
  char buf[64];
  while (n && (*z == ' ' || *z == '\t')) z++, n--;
  while (n && (z[n - 1] == ' ' || z[n - 1] == '\t')) n--;
  if (n >= 2 && z[0] == '[' && z[n - 1] == ']') z++, n -= 2;
  if (n == 0 || n >= sizeof buf) return -1;
  memcpy(buf, z, n);
  buf[n] = 0;
  unsigned char v4[4];
  memset(p, 0, sizeof *p);
  if (inet_pton(AF_INET, buf, v4) == 1) {
    p->a[10] = p->a[11] = 0xff;
    memcpy(p->a + 12, v4, 4);
    return 0;
  }
  return inet_pton(AF_INET6, buf, p->a) == 1 ? 0 : -1;
}

static int is_v4(const IpAddr *a) {
  static const unsigned char pre[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
  return !memcmp(a->a, pre, 12);
}

int ip_net_parse(const char *z, IpNet *p) {
  const char *zSlash = strchr(z, '/');
  size_t n = zSlash ? (size_t)(zSlash - z) : strlen(z);
  if (ip_parse(z, n, &p->addr)) return -1;
  int max = is_v4(&p->addr) ? 32 : 128;
  int bits = max;
  if (zSlash) {
    char *zEnd;
    long v = strtol(zSlash + 1, &zEnd, 10);
    if (!zSlash[1] || *zEnd || v < 0 || v > max) return -1;
    bits = (int)v;
  }
  p->bits = bits + (max == 32 ? 96 : 0);
  return 0;
}

int ip_in_net(const IpAddr *a, const IpNet *n) {
  int full = n->bits / 8, rest = n->bits % 8;
  if (memcmp(a->a, n->addr.a, (size_t)full)) return 0;
  if (!rest) return 1;
  unsigned char mask = (unsigned char)(0xff << (8 - rest));
  return (a->a[full] & mask) == (n->addr.a[full] & mask);
}

int ip_in_nets(const IpAddr *a, const IpNet *aNet, int nNet) {
  for (int i = 0; i < nNet; i++)
    if (ip_in_net(a, &aNet[i])) return 1;
  return 0;
}

void ip_format(const IpAddr *a, char *z, size_t n) {
  if (is_v4(a)) inet_ntop(AF_INET, a->a + 12, z, (socklen_t)n);
  else inet_ntop(AF_INET6, a->a, z, (socklen_t)n);
}

void ip_limit_key(const IpAddr *a, char *z, size_t n) {
  if (is_v4(a) || n < 50) {
    ip_format(a, z, n);
    return;
  }
  IpAddr net = *a;
  memset(net.a + 8, 0, 8);
  inet_ntop(AF_INET6, net.a, z, (socklen_t)n);
  strcat(z, "/64");
}

IpAddr ip_client(const IpAddr *peer, const char *zXff, const char *zRealIp,
                 const IpNet *aTrusted, int nTrusted) {
  IpAddr cur = *peer;
  if (!ip_in_nets(&cur, aTrusted, nTrusted)) return cur;
  if (!zXff || !zXff[0]) {
    IpAddr r;
    if (zRealIp && !ip_parse(zRealIp, strlen(zRealIp), &r)) return r;
    return cur;
  }
  /* Walk from the right while each hop is a trusted proxy. */
  size_t end = strlen(zXff);
  while (end > 0) {
    size_t start = end;
    while (start > 0 && zXff[start - 1] != ',') start--;
    IpAddr hop;
    if (ip_parse(zXff + start, end - start, &hop)) return cur;
    cur = hop;
    if (!ip_in_nets(&cur, aTrusted, nTrusted)) return cur;
    end = start ? start - 1 : 0;
  }
  return cur;
}
