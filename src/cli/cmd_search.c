/*
** cmd_search.c — `gongkai search reindex|query`: the full-text index from
** the command line.  reindex rebuilds the index of published documents from
** the doc table in one transaction (after a bulk load done outside the
** store, or to repair); query prints the matching document ids newest first
** (all pages), one a line, then "total N" — the same set /api/v1/search
** returns.  Exit 0, 1 on a store error, 2 on bad usage or a bad query.
*/
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cli_util.h"
#include "cli/commands.h"
#include "store/store_admin.h"
#include "store/store_search.h"

static const char zUsage[] =
    "usage: gongkai search reindex [--db PATH]\n"
    "       gongkai search query [--db PATH] TEXT\n\n"
    "reindex  rebuilds the full-text index of published documents.\n"
    "query    prints the ids of the published documents matching TEXT\n"
    "         (newest first), then \"total N\".\n";

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
  if (!bReindex && !bQuery) {
    fputs(zUsage, stderr);
    return 2;
  }
  Store *s = cli_open("search", zDb, 0);
  if (!s) return 1;
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
