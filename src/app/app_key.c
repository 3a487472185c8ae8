/*
** app_key.c — reading (and, beside a SQLite database, creating) the
** installation's secret key; contract in app_key.h.
*/
#include "app/app_key.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/buf.h"
#include "lib/crypto.h"
#include "store/store.h"

static int is_key(const char *z) {
  return strlen(z) == 64 && strspn(z, "0123456789abcdefABCDEF") == 64;
}

/* Creates zPath with a new random key: written to a temporary name, then
** linked into place, so no reader ever sees half a key.  An existing file
** is kept (link fails), and so is its key. */
static void create_key_file(const char *zPath) {
  char *zTmp = mprintf("%s.%ld.tmp", zPath, (long)getpid());
  int fd = open(zTmp, O_WRONLY | O_CREAT | O_EXCL, 0600);
  if (fd < 0) {
    free(zTmp);
    return;
  }
  char zNew[65];
  crypto_random_hex(zNew, 32);
  int bOk = write(fd, zNew, 64) == 64 && fsync(fd) == 0;
  close(fd);
  if (bOk && link(zTmp, zPath) == 0)
    fprintf(stderr, "gongkai: created key file %s (keep it with your backups)\n", zPath);
  unlink(zTmp);
  free(zTmp);
}

/* gongkai.key in the directory of the SQLite file zDb (heap string). */
static char *key_path_beside(const char *zDb) {
  const char *zSlash = strrchr(zDb, '/');
  Buf b = BUF_INIT;
  if (zSlash) buf_append(&b, zDb, (size_t)(zSlash - zDb) + 1);
  buf_puts(&b, "gongkai.key");
  return buf_steal(&b);
}

int app_key_load(const char *zDb, const char *zKeyFile, int bCreate,
                 char zKey[65], char **pzErr) {
  *pzErr = NULL;
  zKey[0] = 0;
  const char *zEnv = getenv("GONGKAI_KEY");
  if (zEnv && !zKeyFile) {
    if (!is_key(zEnv)) {
      *pzErr = mprintf("GONGKAI_KEY must be 64 hex characters");
      return -1;
    }
    memcpy(zKey, zEnv, 65);
    return 0;
  }
  if (!zKeyFile && (!zDb || !*zDb || store_kind(zDb) != STORE_KIND_SQLITE)) {
    *pzErr = mprintf(
        "with a PostgreSQL database (or none) the secret key must be given:\n"
        "  --key-file FILE or GONGKAI_KEY (64 hex characters), the same for every\n"
        "  server of this installation (e.g. `openssl rand -hex 32 > gongkai.key`;\n"
        "  docs/deploy.md)");
    return -1;
  }
  char *zPath = zKeyFile ? xstrdup(zKeyFile) : key_path_beside(zDb);
  FILE *f = fopen(zPath, "r");
  if (!f && !zKeyFile && bCreate) {
    create_key_file(zPath);
    f = fopen(zPath, "r");
  }
  size_t n = f ? fread(zKey, 1, 64, f) : 0;
  if (f) fclose(f);
  zKey[n] = 0;
  if (!is_key(zKey)) {
    *pzErr = f ? mprintf("key file %s must hold 64 hex characters", zPath)
               : mprintf("no key file %s (GONGKAI_KEY or --key-file)", zPath);
    zKey[0] = 0;
    free(zPath);
    return -1;
  }
  free(zPath);
  return 0;
}
