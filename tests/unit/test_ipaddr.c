/* test_ipaddr.c — CIDR matching and the client behind trusted proxies
** (issue 12 item 4).  Expectations worked out by hand. */
#include "harness.h"
#include "lib/ipaddr.h"

static IpAddr A(const char *z) {
  IpAddr a;
  if (ip_parse(z, strlen(z), &a)) memset(&a, 0xee, sizeof a);
  return a;
}

static const char *client(const char *zPeer, const char *zXff, const char *zReal) {
  static char z[64];
  IpNet aNet[2];
  ip_net_parse("10.0.0.0/8", &aNet[0]);
  ip_net_parse("::1", &aNet[1]);
  IpAddr peer = A(zPeer);
  IpAddr c = ip_client(&peer, zXff, zReal, aNet, 2);
  ip_format(&c, z, sizeof z);
  return z;
}

TEST(ipaddr_cidr) {
  IpNet n;
  CHECK_INT(ip_net_parse("192.168.4.0/22", &n), 0);
  IpAddr a = A("192.168.7.255"), b = A("192.168.8.0");
  CHECK(ip_in_net(&a, &n));    /* 4..7 share the /22 */
  CHECK(!ip_in_net(&b, &n));
  CHECK_INT(ip_net_parse("2001:db8::/32", &n), 0);
  a = A("2001:db8:ffff::1");
  b = A("2001:db9::1");
  CHECK(ip_in_net(&a, &n));
  CHECK(!ip_in_net(&b, &n));
  CHECK_INT(ip_net_parse("10.0.0.0/33", &n), -1);
  CHECK_INT(ip_net_parse("10.0.0.0/", &n), -1);
  CHECK_INT(ip_net_parse("nonsense", &n), -1);
  CHECK_INT(ip_net_parse("0.0.0.0/0", &n), 0);
  a = A("8.8.8.8");
  b = A("::1");
  CHECK(ip_in_net(&a, &n));    /* every IPv4 address… */
  CHECK(!ip_in_net(&b, &n));   /* …but not IPv6 */
}

TEST(ipaddr_client_behind_proxy) {
  /* An untrusted peer: its headers are ignored. */
  CHECK_STR(client("203.0.113.9", "1.2.3.4", "5.6.7.8"), "203.0.113.9");
  /* A trusted proxy: the rightmost entry that is not a proxy. */
  CHECK_STR(client("10.1.1.1", "1.2.3.4, 198.51.100.7", NULL), "198.51.100.7");
  CHECK_STR(client("10.1.1.1", "1.2.3.4, 198.51.100.7, 10.9.9.9", NULL), "198.51.100.7");
  /* A client forging the left part cannot choose its address. */
  CHECK_STR(client("10.1.1.1", "127.0.0.1, 198.51.100.7", NULL), "198.51.100.7");
  /* X-Real-IP only when there is no X-Forwarded-For. */
  CHECK_STR(client("10.1.1.1", NULL, "198.51.100.8"), "198.51.100.8");
  CHECK_STR(client("::1", "", "[2001:db8::5]"), "2001:db8::5");
  /* Garbage stops the walk at the last trusted hop. */
  CHECK_STR(client("10.1.1.1", "1.2.3.4, junk", NULL), "10.1.1.1");
  CHECK_STR(client("10.1.1.1", "1.2.3.4, junk, 10.2.2.2", NULL), "10.2.2.2");
  /* Only proxies all the way: the leftmost of them. */
  CHECK_STR(client("10.1.1.1", "10.3.3.3", NULL), "10.3.3.3");
}

static const char *limit_key(const char *zAddr) {
  static char z[64];
  IpAddr a = A(zAddr);
  ip_limit_key(&a, z, sizeof z);
  return z;
}

/* Rate limits count IPv4 per address and IPv6 per /64 (one subscriber's
** allocation): two addresses of one /64 share a key, the next /64 does not. */
TEST(ipaddr_limit_key) {
  CHECK_STR(limit_key("203.0.113.7"), "203.0.113.7");
  CHECK_STR(limit_key("::ffff:203.0.113.7"), "203.0.113.7");
  CHECK_STR(limit_key("2001:db8:1:2:aaaa:bbbb:cccc:dddd"), "2001:db8:1:2::/64");
  CHECK_STR(limit_key("2001:db8:1:2::1"), "2001:db8:1:2::/64");
  CHECK_STR(limit_key("2001:db8:1:3::1"), "2001:db8:1:3::/64");
  CHECK_STR(limit_key("::1"), "::/64");
}
