/*
** ipaddr.h — IP addresses as 16 bytes (IPv4 as ::ffff:a.b.c.d), CIDR
** networks, and who the client is behind trusted reverse proxies
** (X-Forwarded-For read from the right, X-Real-IP).  Pure functions.
*/
#ifndef GK_IPADDR_H
#define GK_IPADDR_H

#include <stddef.h>

typedef struct IpAddr {
  unsigned char a[16];
} IpAddr;

typedef struct IpNet {
  IpAddr addr;
  int bits;   /* prefix length over the 16 bytes (IPv4 /24 is 96+24) */
} IpNet;

/* Parses "1.2.3.4", "::1", "[::1]"; 0 or -1. */
int ip_parse(const char *z, size_t n, IpAddr *p);
/* Parses "10.0.0.0/8", "::1/128" or a single address; 0 or -1. */
int ip_net_parse(const char *z, IpNet *p);
int ip_in_net(const IpAddr *a, const IpNet *n);
int ip_in_nets(const IpAddr *a, const IpNet *aNet, int nNet);
/* Text form: "1.2.3.4" for IPv4 (mapped), else the IPv6 text.  z >= 46. */
void ip_format(const IpAddr *a, char *z, size_t n);

/* The key that rate limits and sign-in throttles count a client under: the
** address for IPv4, the /64 network for IPv6 ("2001:db8:1:2::/64"), since
** one IPv6 subscriber is given a whole /64 and could otherwise take a new
** address for every attempt.  z >= 50. */
void ip_limit_key(const IpAddr *a, char *z, size_t n);

/* The client behind trusted proxies.  peer: the TCP peer.  When peer is in
** aTrusted, the rightmost X-Forwarded-For entry that is not itself a trusted
** proxy is the client (X-Real-IP when there is no X-Forwarded-For); an
** unparsable entry stops the walk at the last trusted hop.  Otherwise the
** peer is the client and both headers are ignored.  Returns the client. */
IpAddr ip_client(const IpAddr *peer, const char *zXff, const char *zRealIp,
                 const IpNet *aTrusted, int nTrusted);

#endif
