/*
** storefix.h — a new, empty database in a temporary file for the store
** tests: zPath is a mkstemp() template ("/tmp/gk-unit-x-XXXXXX") that
** receives the file's name (the caller unlinks it when done).  Returns the
** store, or NULL after a failed CHECK.
*/
#ifndef GK_TEST_STOREFIX_H
#define GK_TEST_STOREFIX_H

#include <stdlib.h>
#include <unistd.h>

#include "harness.h"
#include "store/store.h"

static inline Store *temp_store(char *zPath) {
  int fd = mkstemp(zPath);
  CHECK(fd >= 0);
  if (fd < 0) return NULL;
  close(fd);
  unlink(zPath);
  Store *s = NULL;
  char *zErr = NULL;
  CHECK_INT(store_open(zPath, STORE_CREATE, &s, &zErr), STORE_OK);
  free(zErr);
  return s;
}

#endif
