/*
** fuzz_ipaddr.c — the client address behind trusted proxies (lib/ipaddr.c)
** as the server reads it from every request: X-Forwarded-For and
** X-Real-IP (client-controlled when the proxy passes them on), and the
** --trusted-proxy networks of the command line.  The input is
** "XFF \0 REAL-IP \0 NET": the net is parsed as a trusted network, the
** peer is taken from it so that the headers are read.
**
** Invariants: a parsed address formats to text that parses back to the
** same address; the client is the peer or one of the addresses in the
** headers, never anything else; the limit key fits its buffer.
*/
#include <stdlib.h>
#include <string.h>

#include "util.h"

#include "lib/ipaddr.h"

/* 1 when a equals the address some comma-separated entry of z parses to. */
static int in_list(const IpAddr *a, const char *z) {
  while (z && *z) {
    const char *e = strchr(z, ',');
    size_t n = e ? (size_t)(e - z) : strlen(z);
    while (n && (*z == ' ' || *z == '\t')) z++, n--;
    while (n && (z[n - 1] == ' ' || z[n - 1] == '\t')) n--;
    IpAddr b;
    if (!ip_parse(z, n, &b) && !memcmp(a, &b, sizeof b)) return 1;
    z = e ? e + 1 : NULL;
  }
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *p, size_t n) {
  char *z = fuzz_cstr(p, n);   /* the parts end at the NULs */
  size_t i1 = strlen(z), i2 = i1 < n ? i1 + 1 + strlen(z + i1 + 1) : n;
  const char *zXff = z;
  const char *zReal = i1 < n ? z + i1 + 1 : "";
  const char *zNet = i2 < n ? z + i2 + 1 : "";
  IpNet net;
  IpAddr peer;
  if (ip_net_parse(zNet, &net)) {
    if (ip_parse("127.0.0.1", 9, &peer)) abort();
    if (ip_net_parse("127.0.0.0/8", &net)) abort();
  } else {
    peer = net.addr;
  }
  char zText[64], zKey[64];
  ip_format(&peer, zText, 46);
  IpAddr back;
  if (ip_parse(zText, strlen(zText), &back) || memcmp(&back, &peer, sizeof back))
    abort();
  IpAddr c = ip_client(&peer, zXff[0] ? zXff : NULL, zReal[0] ? zReal : NULL,
                       &net, 1);
  if (memcmp(&c, &peer, sizeof c) && !in_list(&c, zXff) && !in_list(&c, zReal))
    abort();
  ip_format(&c, zText, 46);
  if (ip_parse(zText, strlen(zText), &back) || memcmp(&back, &c, sizeof back))
    abort();
  ip_limit_key(&c, zKey, 50);
  if (strlen(zKey) >= 50) abort();
  free(z);
  return 0;
}
