/*
** test_openapi.c — the typed API contract (data/api_contract.json) and the
** route table cover each other: a new /api/ route without its types, or a
** contract entry whose route was renamed, fails here.
*/
#include <stdio.h>
#include <stdlib.h>

#include "harness.h"
#include "http/openapi.h"

TEST(openapi_contract_covers_every_api_route) {
  char *zErr = NULL;
  int rc = openapi_check(&zErr);
  if (rc) fprintf(stderr, "%s", zErr);
  CHECK_INT(rc, 0);
  free(zErr);
}
