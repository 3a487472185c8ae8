/*
** cmd_search.c — `gongkai search reindex|query|replica`: the full-text
** index from the command line.  reindex rebuilds the index of published
** documents from the doc table in one transaction (after a bulk load done
** outside the store, or to repair); query prints the matching document ids
** newest first (all pages), one a line, then "total N" — the same set
** /api/v1/search returns; replica fills or catches up the FTS5 search
** replica file of a PostgreSQL database (what `serve --search-replica FILE`
** keeps), so a server can start with it ready.  Exit 0, 1 on a store error,
** 2 on bad usage or a bad query.
*/
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "cli/cli_util.h"
#include "cli/commands.h"
#include "store/store_admin.h"
#include "store/store_search.h"

static const char zUsage[] =
    "usage: gongkai search reindex [--db PATH]\n"
    "       gongkai search query [--db PATH] TEXT\n"
    "       gongkai search replica [--db POSTGRESQL] FILE\n\n"
    "reindex  rebuilds the full-text index of published documents.\n"
    "query    prints the ids of the published documents matching TEXT\n"
    "         (newest first), then \"total N\".\n"
    "replica  fills (when new) or brings up to date the search replica FILE\n"
    "         of a PostgreSQL database, as `serve --search-replica FILE`\n"
    "         keeps it; a server started with FILE then has it ready.\n";

/* `search replica FILE`: fills or catches up FILE; closes s. */
static int replica(Store *s, const char *zFile) {
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  store_search_replica_set(zFile);
  int rc = store_search_replica_refresh(s);
  clock_gettime(CLOCK_MONOTONIC, &t1);
  if (rc) fprintf(stderr, "gongkai search: %s\n", store_errmsg(s));
  else printf("search replica %s: up to date in %.1f s\n", zFile,
              (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
  store_search_replica_set(NULL);
  store_close(s);
  return rc ? 1 : 0;
}

int cmd_search(int argc, char **argv) {
  const char *zDb = CLI_DEFAULT_DB;
  CliOpt aOpt[] = {{"--db", 0, &zDb}};
  char **aPos;
  int nPos, bHelp;
  int rc = cli_parse("search", argc, argv, 1, aOpt, 1, &aPos, &nPos, &bHelp);
  if (rc) return rc;
  if (bHelp) { fputs(zUsage, stdout); return 0; }
  int bReindex = nPos == 1 && !strcmp(aPos[0], "reindex");
  int bQuery = nPos == 2 && !strcmp(aPos[0], "query");
  int bReplica = nPos == 2 && !strcmp(aPos[0], "replica");
  if (!bReindex && !bQuery && !bReplica) {
    fputs(zUsage, stderr);
    return 2;
  }
  if (bReplica && store_kind(zDb) != STORE_KIND_POSTGRES) {
    fputs("gongkai search: a search replica is for a PostgreSQL database (--db)\n", stderr);
    return 2;
  }
  Store *s = cli_open("search", zDb, 0);
  if (!s) return 1;
  if (bReplica) return replica(s, aPos[1]);
  if (bReindex) {
    rc = store_search_rebuild(s);
    if (rc) fprintf(stderr, "gongkai search: %s\n", store_errmsg(s));
    else puts("search: index rebuilt");
    store_close(s);
    return rc ? 1 : 0;
  }
  Arena a = ARENA_INIT;
  SearchQuery q;
  memset(&q, 0, sizeof q);
  q.zQuery = aPos[1];
  q.bByDate = 1;
  q.countCap = -1;
  q.limit = 200;
  int total = 0;
  for (;;) {
    int64_t *aId;
    int n;
    rc = store_search(s, &a, &q, &aId, &n, q.offset ? NULL : &total);
    if (rc) break;
    for (int i = 0; i < n; i++) printf("%lld\n", (long long)aId[i]);
    if (n < q.limit) break;
    q.offset += n;
  }
  if (rc) fprintf(stderr, "gongkai search: %s\n", store_errmsg(s));
  else printf("total %d\n", total);
  store_close(s);
  arena_free(&a);
  return rc == STORE_INVALID ? 2 : rc ? 1 : 0;
}
