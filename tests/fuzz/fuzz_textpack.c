/*
** fuzz_textpack.c — packed texts (lib/textpack.c) as the store reads them
** from a database file it does not trust: every input is unpacked as a
** stored blob, directly and through the SQL function gk_text()
** (store/sqlite_textpack.c), and packed as a text.  Checks the documented
** invariants, not only memory safety:
**   - an unpacked blob is exactly the size its frame states, at most
**     TEXTPACK_MAX, NUL-terminated without a NUL inside, and gk_text()
**     gives the same text or an SQL error, never anything else;
**   - a text that packs unpacks to itself, and its frame is smaller by at
**     least an eighth.
*/
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

#include "lib/textpack.h"
#include "store/sqlite_textpack.h"

static sqlite3 *gDb;
static sqlite3_stmt *gSt;

/* gk_text(blob) on one connection for the whole run. */
static void check_sql(const uint8_t *p, size_t n, const char *zText, size_t m) {
  if (!gDb) {
    if (sqlite3_open(":memory:", &gDb) != SQLITE_OK ||
        sqlite_textpack_register(gDb) != SQLITE_OK ||
        sqlite3_prepare_v2(gDb, "SELECT gk_text(?1)", -1, &gSt, NULL) != SQLITE_OK)
      abort();
  }
  sqlite3_bind_blob(gSt, 1, n ? (const void *)p : "", (int)n, SQLITE_STATIC);
  int rc = sqlite3_step(gSt);
  if (zText) {
    if (rc != SQLITE_ROW || sqlite3_column_type(gSt, 0) != SQLITE_TEXT ||
        (size_t)sqlite3_column_bytes(gSt, 0) != m ||
        memcmp(sqlite3_column_text(gSt, 0), zText, m))
      abort();
  } else if (rc != SQLITE_ERROR) {
    abort();
  }
  sqlite3_reset(gSt);
  sqlite3_clear_bindings(gSt);
}

int LLVMFuzzerTestOneInput(const uint8_t *p, size_t n) {
  /* As a stored blob. */
  char *z = NULL;
  size_t m = 0;
  const char *zWhy = NULL;
  if (textpack_unpack(p, n, &z, &m, &zWhy) == 0) {
    if (!z || m > TEXTPACK_MAX || z[m] != 0 || memchr(z, 0, m)) abort();
  } else if (z || !zWhy) {
    abort();
  }
  check_sql(p, n, z, m);
  free(z);
  /* As a text to store. */
  unsigned char *q = NULL;
  size_t nq = 0;
  if (textpack_pack((const char *)p, n, &q, &nq)) {
    if (nq > n - n / 8 || !textpack_is_packed(q, nq)) abort();
    if (!memchr(p, 0, n)) {
      if (textpack_unpack(q, nq, &z, &m, &zWhy) || m != n || memcmp(z, p, n)) abort();
      free(z);
    }
    free(q);
  } else if (q) {
    abort();
  }
  return 0;
}
