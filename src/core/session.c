/* session.c — session expiry and login throttling rules (see session.h). */
#include "core/session.h"

int session_expired(const Session *s, int64_t now, int idleSec, int absSec) {
  if (now - s->lastSeen > idleSec) return 1;
  if (now - s->createdAt > absSec) return 1;
  return 0;
}

int login_throttled(int nAccountFailures, int nAddrFailures) {
  return nAccountFailures >= LOGIN_MAX_PER_ACCOUNT ||
         nAddrFailures >= LOGIN_MAX_PER_ADDR;
}
