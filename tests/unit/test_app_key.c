/*
** test_app_key.c — app_key_load (src/app/app_key.c): which source of the
** secret key wins, creation beside a SQLite file, and the refusals.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/app_key.h"
#include "harness.h"

static const char zK1[] =
    "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
static const char zK2[] =
    "ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100";

static void write_file(const char *zPath, const char *z) {
  FILE *f = fopen(zPath, "w");
  if (f) {
    fputs(z, f);
    fclose(f);
  }
}

TEST(app_key_sources_in_order_and_refusals) {
  char zDir[] = "/tmp/gk_keyXXXXXX";
  CHECK(mkdtemp(zDir) != NULL);
  char zDb[64], zBeside[64], zFile[64], zKey[65];
  snprintf(zDb, sizeof zDb, "%s/g.db", zDir);
  snprintf(zBeside, sizeof zBeside, "%s/gongkai.key", zDir);
  snprintf(zFile, sizeof zFile, "%s/other.key", zDir);
  char *zErr = NULL;
  const char *zSaved = getenv("GONGKAI_KEY");
  char *zKeep = zSaved ? strdup(zSaved) : NULL;
  unsetenv("GONGKAI_KEY");

  /* No key yet and bCreate 0: refused, nothing created. */
  CHECK_INT(app_key_load(zDb, NULL, 0, zKey, &zErr), -1);
  CHECK(zErr != NULL);
  CHECK_STR(zKey, "");
  free(zErr);
  CHECK(access(zBeside, F_OK) != 0);

  /* bCreate 1: gongkai.key beside the database, 64 hex, read back alike. */
  CHECK_INT(app_key_load(zDb, NULL, 1, zKey, &zErr), 0);
  CHECK_INT(strlen(zKey), 64);
  char zFirst[65];
  memcpy(zFirst, zKey, 65);
  CHECK_INT(app_key_load(zDb, NULL, 0, zKey, &zErr), 0);
  CHECK_STR(zKey, zFirst);

  /* GONGKAI_KEY wins over the file beside; --key-file wins over both. */
  setenv("GONGKAI_KEY", zK1, 1);
  CHECK_INT(app_key_load(zDb, NULL, 1, zKey, &zErr), 0);
  CHECK_STR(zKey, zK1);
  write_file(zFile, zK2);
  CHECK_INT(app_key_load(zDb, zFile, 1, zKey, &zErr), 0);
  CHECK_STR(zKey, zK2);

  /* A malformed GONGKAI_KEY is refused, not shortened or padded. */
  setenv("GONGKAI_KEY", "abc", 1);
  CHECK_INT(app_key_load(zDb, NULL, 1, zKey, &zErr), -1);
  free(zErr);
  unsetenv("GONGKAI_KEY");

  /* A malformed key file is refused. */
  write_file(zFile, "not a key");
  CHECK_INT(app_key_load(zDb, zFile, 1, zKey, &zErr), -1);
  free(zErr);

  /* PostgreSQL (and no database path): no directory to look in. */
  CHECK_INT(app_key_load("postgresql://h/db", NULL, 1, zKey, &zErr), -1);
  CHECK(zErr && strstr(zErr, "GONGKAI_KEY"));
  free(zErr);
  CHECK_INT(app_key_load("", NULL, 1, zKey, &zErr), -1);
  free(zErr);
  setenv("GONGKAI_KEY", zK1, 1);
  CHECK_INT(app_key_load("postgresql://h/db", NULL, 1, zKey, &zErr), 0);
  CHECK_STR(zKey, zK1);
  unsetenv("GONGKAI_KEY");

  unlink(zBeside);
  unlink(zFile);
  rmdir(zDir);
  if (zKeep) setenv("GONGKAI_KEY", zKeep, 1);
  free(zKeep);
}
