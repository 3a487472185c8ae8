/* session.c — session expiry and login throttling rules (see session.h). */
#include "core/session.h"

#include <stddef.h>

int session_expired(const Session *s, int64_t now, int idleSec, int absSec) {
  if (now - s->lastSeen > idleSec) return 1;
  if (now - s->createdAt > absSec) return 1;
  return 0;
}

LoginVerdict login_throttle(int nPair, int nAccount, int nAddr) {
  if (nPair >= LOGIN_MAX_PER_PAIR) return LOGIN_STOP_PAIR;
  if (nAddr >= LOGIN_MAX_PER_ADDR) return LOGIN_STOP_ADDR;
  if (nAccount >= LOGIN_MAX_PER_ACCOUNT) return LOGIN_STOP_ACCOUNT;
  return LOGIN_GO;
}

int login_next_ok(const char *z) {
  if (!z || z[0] != '/' || z[1] == '/' || z[1] == '\\') return 0;
  size_t n = 0;
  for (const unsigned char *p = (const unsigned char *)z; *p; p++, n++) {
    if (*p < 0x20 || *p == 0x7f || *p == '\\' || n >= 1000) return 0;
  }
  return 1;
}
