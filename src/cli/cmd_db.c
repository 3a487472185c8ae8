/*
** cmd_db.c — `gongkai db copy --from PATH --to TARGET`: moves an existing
** SQLite installation into an empty PostgreSQL database (issue 16,
** docs/deploy.md).  The target is migrated (store_open STORE_CREATE
** refuses a database that already holds gongkai data), every table is
** copied in one transaction (store_copy_all), then checked: the row count
** of every table on both sides, and the publication ledger's hash chain
** on the target.  Exit 0 when all of it holds; 1 with a message when
** anything differs or fails; 2 for bad arguments.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cli_util.h"
#include "cli/commands.h"
#include "lib/crypto.h"
#include "store/store_copy.h"
#include "store/store_documents.h"

static const char zUsage[] =
    "usage: gongkai db copy --from PATH --to postgresql://…\n\n"
    "Copies the SQLite database PATH into an empty PostgreSQL database:\n"
    "applies the PostgreSQL migrations there, copies every table in one\n"
    "transaction (foreign keys first), sets the id sequences past the\n"
    "copied ids, then checks that every table has as many rows on both\n"
    "sides and that the publication ledger verifies on the copy.  PATH is\n"
    "only read: stop the servers that write it first.  TO is a libpq URI\n"
    "(postgresql://user@host/db) or keyword string (host=… dbname=…).\n"
    "Exit 1 with a message when the copy fails or any check differs.\n"
    "The key file (GONGKAI_KEY, gongkai.key) is not in the database: give\n"
    "the servers on PostgreSQL the same key (docs/deploy.md).\n";

/* Prints each table's counts; returns how many differ. */
static int check_counts(const StoreCopyTable *aT, int n) {
  int nBad = 0;
  for (int i = 0; i < n; i++) {
    int bSame = aT[i].nFrom == aT[i].nTo;
    if (!bSame) nBad++;
    printf("%-28s %10lld %10lld%s\n", aT[i].zName, (long long)aT[i].nFrom,
           (long long)aT[i].nTo, bSame ? "" : "  DIFFERS");
  }
  return nBad;
}

static int db_copy(const char *zFrom, const char *zTo) {
  if (store_kind(zFrom) != STORE_KIND_SQLITE || store_kind(zTo) != STORE_KIND_POSTGRES) {
    fputs("gongkai db copy: --from must be a SQLite file and --to a PostgreSQL database\n",
          stderr);
    return 2;
  }
  Store *pFrom = cli_open("db copy", zFrom, 0);
  if (!pFrom) return 1;
  Store *pTo = NULL;
  char *zErr = NULL;
  if (store_open(zTo, STORE_CREATE, &pTo, &zErr) != STORE_OK) {
    fprintf(stderr, "gongkai db copy: %s\n", zErr ? zErr : "cannot open the target");
    free(zErr);
    store_close(pFrom);
    return 1;
  }
  int rc = 1;
  int vFrom = store_schema_version(pFrom), vTo = store_schema_version(pTo);
  Arena a = ARENA_INIT;
  StoreCopyTable *aT;
  int n;
  int64_t bad = 0, nLedger = 0;
  if (vFrom != vTo) {
    fprintf(stderr, "gongkai db copy: the source is at schema version %d, the copy at %d:"
            " run `gongkai migrate --db %s` first\n", vFrom, vTo, zFrom);
  } else if (store_copy_all(pFrom, pTo, &a, &aT, &n) != STORE_OK) {
    fprintf(stderr, "gongkai db copy: %s\n(no rows were copied; the target holds gongkai's"
            " empty tables now: drop them, e.g. DROP SCHEMA … CASCADE or a new database,"
            " before trying again)\n", store_errmsg(pTo));
  } else {
    printf("%-28s %10s %10s\n", "table", "source", "copy");
    int nBad = check_counts(aT, n);
    if (nBad) {
      fprintf(stderr, "gongkai db copy: %d table%s differ in row count\n", nBad,
              nBad == 1 ? "" : "s");
    } else if (store_ledger_verify(pTo, &bad, &nLedger) != STORE_OK) {
      fprintf(stderr, "gongkai db copy: the ledger on the copy FAILED at entry %lld: %s\n",
              (long long)bad, store_errmsg(pTo));
    } else {
      printf("db copy: %d tables copied, row counts equal, ledger: %lld entries verified\n",
             n, (long long)nLedger);
      rc = 0;
    }
  }
  arena_free(&a);
  store_close(pTo);
  store_close(pFrom);
  return rc;
}

int cmd_db(int argc, char **argv) {
  const char *zFrom = NULL, *zTo = NULL;
  CliOpt aOpt[] = {{"--from", 0, &zFrom}, {"--to", 0, &zTo}};
  char **aPos;
  int nPos, bHelp;
  int rc = cli_parse("db", argc, argv, 1, aOpt, 2, &aPos, &nPos, &bHelp);
  if (rc) return rc;
  if (bHelp) { fputs(zUsage, stdout); return 0; }
  if (nPos != 1 || strcmp(aPos[0], "copy") || !zFrom || !zTo) {
    fputs(zUsage, stderr);
    return 2;
  }
  if (crypto_init()) return 1;
  return db_copy(zFrom, zTo);
}
