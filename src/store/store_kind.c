/*
** store_kind.c — which database a --db value names (store_kind in
** store.h): the one place that tells a PostgreSQL connection string from
** a SQLite file path.
*/
#include <ctype.h>
#include <string.h>

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
