/*
** store_kind.c — which database a --db value names (store_kind in
** store.h): the one place that tells a PostgreSQL connection string from
** a SQLite file path; and the value as it may be shown or logged
** (store_target_redacted: no password).
*/
#include <ctype.h>
#include <string.h>

#include "lib/buf.h"
#include "store/store.h"

/* PostgreSQL connection keywords a keyword=value string may start with. */
static const char *const azKeyword[] = {
  "host", "hostaddr", "port", "dbname", "user", "password", "passfile",
  "service", "options", "application_name", "connect_timeout", "sslmode",
  "sslrootcert", "sslcert", "sslkey", "target_session_attrs", "channel_binding",
  "gssencmode", "krbsrvname", "sslcompression", "keepalives", NULL};

StoreKind store_kind(const char *zTarget) {
  if (!zTarget) return STORE_KIND_SQLITE;
  if (!strncmp(zTarget, "postgresql://", 13) || !strncmp(zTarget, "postgres://", 11))
    return STORE_KIND_POSTGRES;
  /* keyword=value: the first word is a connection keyword followed by '='
  ** (spaces allowed around it), e.g. "host=/run/postgresql dbname=gk". */
  const char *z = zTarget;
  while (*z == ' ') z++;
  size_t n = 0;
  while (isalnum((unsigned char)z[n]) || z[n] == '_') n++;
  const char *e = z + n;
  while (*e == ' ') e++;
  if (*e != '=') return STORE_KIND_SQLITE;
  for (int i = 0; azKeyword[i]; i++)
    if (strlen(azKeyword[i]) == n && !strncmp(z, azKeyword[i], n))
      return STORE_KIND_POSTGRES;
  return STORE_KIND_SQLITE;
}

/* keyword=value string: every password value written "***" (a value is a
** word or a '…' literal with \' escapes). */
static void redact_keywords(Buf *b, const char *z) {
  while (*z) {
    if (*z == ' ') { buf_putc(b, *z++); continue; }
    const char *k = z;
    while (*z && *z != '=' && *z != ' ') z++;
    size_t nKey = (size_t)(z - k);
    while (*z == ' ') z++;
    if (*z != '=') { buf_append(b, k, (size_t)(z - k)); continue; }
    z++;
    while (*z == ' ') z++;
    const char *v = z;
    if (*z == '\'') {
      for (z++; *z && *z != '\''; z++)
        if (*z == '\\' && z[1]) z++;
      if (*z) z++;
    } else {
      while (*z && *z != ' ') z++;
    }
    buf_append(b, k, nKey);
    buf_putc(b, '=');
    if (nKey == 8 && !strncmp(k, "password", 8)) buf_puts(b, "***");
    else buf_append(b, v, (size_t)(z - v));
  }
}

/* URI: the password of user:password@ and of a password= parameter. */
static void redact_uri(Buf *b, const char *z) {
  const char *zAuth = strstr(z, "://") + 3;
  size_t nAuth = strcspn(zAuth, "/?");
  const char *zAt = memchr(zAuth, '@', nAuth);
  const char *zColon = zAt ? memchr(zAuth, ':', (size_t)(zAt - zAuth)) : NULL;
  if (zColon) {
    buf_append(b, z, (size_t)(zColon + 1 - z));
    buf_puts(b, "***");
    z = zAt;
  }
  while (*z) {
    const char *p = strstr(z, "password=");
    if (!p || (p > z && p[-1] != '?' && p[-1] != '&')) {
      buf_puts(b, z);
      break;
    }
    buf_append(b, z, (size_t)(p + 9 - z));
    buf_puts(b, "***");
    z = p + 9 + strcspn(p + 9, "&");
  }
}

char *store_target_redacted(const char *zTarget) {
  Buf b = BUF_INIT;
  if (store_kind(zTarget) != STORE_KIND_POSTGRES) buf_puts(&b, zTarget ? zTarget : "");
  else if (strstr(zTarget, "://")) redact_uri(&b, zTarget);
  else redact_keywords(&b, zTarget);
  return buf_steal(&b);
}
