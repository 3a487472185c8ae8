/*
** auth.c — who is asking and what they may do: session cookies, the CSRF
** and same-origin check, and req_can(), the single permission check that
** handlers and the dispatcher use.
*/
#include "http/auth.h"

#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "core/session.h"
#include "lib/crypto.h"
#include "store/store_token.h"

/* Value of cookie zName from the Cookie header, in the arena, or NULL. */
static const char *cookie_value(Req *r, const char *zCookies, const char *zName) {
  size_t n = strlen(zName);
  const char *z = zCookies;
  while (z && *z) {
    while (*z == ' ' || *z == ';') z++;
    if (!strncmp(z, zName, n) && z[n] == '=') {
      const char *v = z + n + 1;
      size_t len = strcspn(v, ";");
      return arena_strndup(&r->arena, v, len);
    }
    z = strchr(z, ';');
  }
  return NULL;
}

/* Authorization: Bearer gk_… — an API token (store_token.h) stands in for
** a user: id 0, the token's organisation, no roles; req_can() consults its
** permissions.  Cookies are then ignored. */
static void auth_token(Req *r) {
  const char *zTok = r->zAuthorization + 7;
  char zHash[65];
  ApiToken t;
  while (*zTok == ' ') zTok++;
  crypto_sha256_hex(zTok, strlen(zTok), zHash);
  if (strncmp(zTok, "gk_", 3) ||
      store_token_by_hash(r->store, &r->arena, zHash, &t) != STORE_OK)
    return;
  User *u = arena_alloc(&r->arena, sizeof *u);
  memset(u, 0, sizeof *u);
  u->orgId = t.orgId;
  u->zLogin = "";
  u->zName = arena_printf(&r->arena, "接口：%s", t.zName);
  r->user = u;
  r->tokenId = t.id;
  r->tokenPerms = t.permMask;
  store_token_touch(r->store, t.id);
}

const char *req_cookie(Req *r, const char *zName) {
  return cookie_value(r, r->zCookies, zName);
}

void auth_load(Req *r, const char *zCookies) {
  r->zCookies = zCookies;
  if (r->zAuthorization && !strncmp(r->zAuthorization, "Bearer ", 7)) {
    auth_token(r);
    return;
  }
  const char *zTok = cookie_value(r, zCookies, AUTH_SESSION_COOKIE);
  r->zCsrf = cookie_value(r, zCookies, AUTH_CSRF_COOKIE);
  if (r->zCsrf && strlen(r->zCsrf) != 43) r->zCsrf = NULL;
  if (!zTok || strlen(zTok) != 43) return;
  char zHash[65];
  crypto_sha256_hex(zTok, strlen(zTok), zHash);
  Session sess;
  if (store_session_get(r->store, &r->arena, zHash, &sess) != STORE_OK) return;
  int64_t now = (int64_t)time(NULL);
  if (session_expired(&sess, now, r->cfg->sessionIdle, r->cfg->sessionAbsolute)) {
    store_session_delete(r->store, zHash);
    return;
  }
  User *u = arena_alloc(&r->arena, sizeof *u);
  if (store_user_get(r->store, &r->arena, sess.userId, u) != STORE_OK ||
      u->bDisabled)
    return;
  u->zPwHash = NULL;
  if (now - sess.lastSeen >= 60) store_session_touch(r->store, zHash, now);
  r->user = u;
  memcpy(r->zSessionHash, zHash, sizeof zHash);
  r->zCsrf = sess.zCsrf; /* signed-in forms carry the session's token */
  flash_load(r);
}

const char *req_csrf(Req *r) {
  r->bUsedCsrf = 1;
  if (!r->zCsrf) {
    char zTok[64];
    crypto_random_token(zTok, 32);
    r->zCsrf = arena_strdup(&r->arena, zTok);
    r->bSetCsrfCookie = 1;
  }
  return r->zCsrf;
}

/* 1 when zUrl is on the configured base URL's origin (scheme, host and
** port), so a proxy that rewrites Host does not break forms. */
static int base_origin(Req *r, const char *zUrl) {
  const char *zBase = r->cfg ? r->cfg->zBaseUrl : NULL;
  if (!zBase) return 0;
  const char *zHost = strstr(zBase, "://");
  if (!zHost) return 0;
  size_t n = (size_t)(zHost + 3 - zBase) + strcspn(zHost + 3, "/");
  return !strncmp(zUrl, zBase, n) && (zUrl[n] == 0 || zUrl[n] == '/');
}

/* 1 when the request is addressed to the base URL's host (and port): the
** base URL's scheme is then the only one of this site. */
static int host_is_base(Req *r) {
  const char *zBase = r->cfg ? r->cfg->zBaseUrl : NULL;
  const char *zHost = zBase ? strstr(zBase, "://") : NULL;
  if (!zHost || !r->zHost) return 0;
  zHost += 3;
  size_t n = strcspn(zHost, "/");
  return strlen(r->zHost) == n && !strncasecmp(r->zHost, zHost, n);
}

/* 1 when zUrl is on this server's origin as the browser reached it: the
** base URL's (the only one for a request to the base URL's host), or the
** request's scheme (https only through a trusted proxy
** that says so, r->zScheme) with its Host.  An https page of the same host
** is another origin, and so is http when the site is reached by https. */
static int same_origin(Req *r, const char *zUrl) {
  if (base_origin(r, zUrl)) return 1;
  if (!r->zHost || host_is_base(r)) return 0;
  const char *zScheme = r->zScheme ? r->zScheme : "http";
  size_t nScheme = strlen(zScheme);
  const char *z = zUrl;
  if (strncmp(z, zScheme, nScheme) || strncmp(z + nScheme, "://", 3)) return 0;
  z += nScheme + 3;
  size_t n = strlen(r->zHost);
  return !strncmp(z, r->zHost, n) && (z[n] == 0 || z[n] == '/');
}

const char *auth_check_post(Req *r) {
  /* Same origin: Origin when the browser sends it, else Referer. */
  if (r->zOrigin && strcmp(r->zOrigin, "null")) {
    if (!same_origin(r, r->zOrigin)) return "请求来源与本站不一致（跨站请求被拒绝）";
  } else if (r->zReferer) {
    if (!same_origin(r, r->zReferer)) return "请求来源与本站不一致（跨站请求被拒绝）";
  } else {
    return "请求缺少来源信息（Origin），已被拒绝";
  }
  /* The token only ever comes from the body (or the header): a token in
  ** the query string would leak through logs and Referer. */
  const char *zSent = req_param_body(r, "_csrf");
  if (!zSent) {
    /* JSON clients send the token in a header instead (see server.c). */
    zSent = r->zCsrfHeader;
  }
  if (!zSent || !zSent[0] || !r->zCsrf || !crypto_streq(zSent, r->zCsrf))
    return "表单已过期或缺少安全令牌，请刷新页面后重试";
  return NULL;
}

int req_can(Req *r, Perm p, int64_t orgId) {
  if (p == PERM_PUBLIC) return 1;
  if (!r->user) return 0;
  if (r->tokenId) /* a token: its permissions, its organisation only */
    return p == PERM_LOGIN ||
           ((r->tokenPerms >> p & 1) && (orgId == 0 || orgId == r->user->orgId));
  int64_t aAnc[64];
  int nAnc = 0;
  if (orgId && orgId != r->user->orgId) {
    nAnc = store_org_ancestors(r->store, orgId, aAnc, 64);
    if (nAnc < 0) return 0;
  }
  return perm_allows(r->user->roles, r->user->orgId, p, orgId, aAnc, nAnc);
}

int req_can_in_own_tree(Req *r, Perm p, const Org *o) {
  if (!r->user || r->tokenId || o->depth == 0) return req_can(r, p, o->id);
  int64_t userOrg = r->user->orgId;
  return perm_allows(r->user->roles, userOrg, p, o->id, &userOrg, 1);
}

int req_is_system_admin(Req *r) {
  Org *aRoot;
  int n;
  if (!r->user || r->tokenId || !req_can(r, PERM_ADMIN, r->user->orgId))
    return 0;
  if (store_org_children(r->store, &r->arena, 0, &aRoot, &n) != STORE_OK || n < 1)
    return 0;
  return aRoot[0].id == r->user->orgId;   /* id order: the first root */
}

int req_can_subtree(Req *r, Perm p, int64_t orgId) {
  return req_can(r, p, orgId) && r->user &&
         perm_reaches_subtree(r->user->roles, p);
}

void req_set_cookie(Req *r, const char *zName, const char *zValue,
                    const char *zPath, int nMaxAge) {
  req_header(r, "Set-Cookie",
             arena_printf(&r->arena,
                          "%s=%s; Path=%s; Max-Age=%d; HttpOnly; "
                          "SameSite=Strict%s",
                          zName, nMaxAge ? zValue : "", zPath, nMaxAge,
                          r->cfg->bCookieSecure ? "; Secure" : ""));
}

void auth_session_cookie(Req *r, const char *zToken, int bClear) {
  char z[256];
  snprintf(z, sizeof z, "%s=%s; Path=/; HttpOnly; SameSite=Strict%s%s",
           AUTH_SESSION_COOKIE, bClear ? "" : zToken,
           bClear ? "; Max-Age=0" : "", r->cfg->bCookieSecure ? "; Secure" : "");
  req_header(r, "Set-Cookie", z);
}

void auth_csrf_cookie(Req *r) {
  char z[256];
  snprintf(z, sizeof z, "%s=%s; Path=/; HttpOnly; SameSite=Strict%s",
           AUTH_CSRF_COOKIE, r->zCsrf, r->cfg->bCookieSecure ? "; Secure" : "");
  req_header(r, "Set-Cookie", z);
}

/* At most AUTH_HASH_SLOTS argon2id verifications run at once (each takes
** 64 MiB and a good part of a core for a while), and never on every worker
** thread: with N threads, at most N-1, so public pages always keep one.  A
** sign-in that finds no free slot is answered "busy" (503) at once, without
** checking the password.  The requests that hash run on the offload
** threads (http/offload.h), not on the MHD workers. */
static sem_t hashSlots;
static pthread_once_t hashOnce = PTHREAD_ONCE_INIT;
static int nHashThreads = 4;

static void hash_slots_init(void) {
  int n = nHashThreads - 1 < AUTH_HASH_SLOTS ? nHashThreads - 1 : AUTH_HASH_SLOTS;
  sem_init(&hashSlots, 0, (unsigned)(n < 1 ? 1 : n));
}

static int hash_slot_take(int nThreads) {
  nHashThreads = nThreads;
  pthread_once(&hashOnce, hash_slots_init);
  /* No waiting: a worker blocked here would be one fewer for everyone. */
  while (sem_trywait(&hashSlots) != 0)
    if (errno != EINTR) return -1;
  return 0;
}

static const char *const azThrottleMsg[] = {
  [LOGIN_STOP_PAIR] = "该账号在本机登录失败次数过多，请15分钟后再试",
  [LOGIN_STOP_ACCOUNT] = "该账号近期登录失败次数过多，已暂停登录，请15分钟后再试或联系系统管理员",
  [LOGIN_STOP_ADDR] = "本机登录失败次数过多，请15分钟后再试",
};

/* Verifies the password (against a dummy hash when the account does not
** exist, so the timing does not tell which logins exist).  1 when it
** matches an existing account; -1 when no hashing slot was free. */
static int password_check(Req *r, const User *u, int bFound,
                          const char *zPassword) {
  static const char zDummy[] =
      "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$"
      "0Xr4GSRzV0mKoOqVdRf7lNC5yD0mdR1dGuPhD3ok0yY";
  if (r->bNoHash || hash_slot_take(r->cfg->nThreads)) return -1;
  int ok = crypto_password_verify(bFound ? u->zPwHash : zDummy, zPassword) && bFound;
  sem_post(&hashSlots);
  return ok;
}

int req_password_verify(Req *r, const char *zHash, const char *zPassword) {
  if (r->bNoHash || hash_slot_take(r->cfg->nThreads)) return -1;
  int ok = zHash && crypto_password_verify(zHash, zPassword);
  sem_post(&hashSlots);
  return ok;
}

int req_login(Req *r, const char *zLogin, const char *zPassword,
               const char **pzErr) {
  int64_t now = (int64_t)time(NULL);
  char zPair[200], zAccount[80], zAddr[80];
  snprintf(zAccount, sizeof zAccount, "user:%.64s", zLogin);
  snprintf(zAddr, sizeof zAddr, "addr:%.64s", r->zLimitKey);
  snprintf(zPair, sizeof zPair, "pair:%.64s|%.64s", zLogin, r->zLimitKey);
  /* Check and record in one transaction: parallel attempts cannot all
  ** slip under the limit. */
  int v = store_login_attempt(r->store, zPair, zAccount, zAddr, now);
  if (v < 0) { *pzErr = "系统繁忙，请稍后重试"; return -1; }
  if (v != LOGIN_GO) {
    req_header(r, "Retry-After", "900");
    *pzErr = azThrottleMsg[v];
    return -1;
  }
  User u;
  int found = store_user_by_login(r->store, &r->arena, zLogin, &u) == STORE_OK;
  int ok = password_check(r, &u, found, zPassword);
  if (ok < 0) {
    /* Not checked: the attempt is not held against the account. */
    store_login_attempt_undo(r->store, zPair, zAccount, zAddr);
    req_header(r, "Retry-After", "5");
    r->status = 503;
    *pzErr = "登录的人较多，系统繁忙，请稍后再试";
    return -1;
  }
  if (!ok || u.bDisabled) {
    *pzErr = (ok && u.bDisabled) ? "该账号已停用，请联系系统管理员" : "登录名或密码错误";
    return -1;
  }
  store_login_succeeded(r->store, zPair, zAccount, zAddr);
  char zTok[64], zHash[65], zCsrf[64];
  crypto_random_token(zTok, 32);
  crypto_random_token(zCsrf, 32);
  crypto_sha256_hex(zTok, strlen(zTok), zHash);
  if (store_session_create(r->store, u.id, zHash, zCsrf, now, r->zRemoteAddr)) {
    *pzErr = "系统错误，无法创建会话";
    return -1;
  }
  store_audit(r->store, u.id, u.orgId, "user.login", r->zRemoteAddr);
  auth_session_cookie(r, zTok, 0);
  return 0;
}

void req_logout(Req *r) {
  if (r->zSessionHash[0]) store_session_delete(r->store, r->zSessionHash);
  auth_session_cookie(r, "", 1);
  r->user = NULL;
}
