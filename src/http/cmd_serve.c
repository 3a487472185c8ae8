/*
** cmd_serve.c — `gongkai serve`: run the HTTP server.  It sits in the http
** layer (not cli/) because it starts the server; the CLI table only holds
** its prototype.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app_key.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "http/metrics.h"
#include "http/routes.h"
#include "http/server.h"
#include "lib/buf.h"
#include "lib/crypto.h"
#include "lib/ipaddr.h"
#include "store/store.h"
#include "store/store_search.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

/* Every --trusted-proxy CIDR (the option may be repeated; cli_parse keeps
** only the last).  Returns the count, or -1 after printing which is bad. */
/* Adds the networks of a list ("10.0.0.0/8, ::1") to aNet[*pn..nMax).
** Returns 0, or -1 after printing which entry is bad. */
static int add_nets(const char *zOpt, const char *z, IpNet *aNet, int *pn, int nMax) {
  while (*z) {
    size_t k = strcspn(z, ", \t");
    char zNet[64];
    if (k && (k >= sizeof zNet || *pn >= nMax)) {
      fprintf(stderr, "gongkai serve: bad %s '%s' (at most %d networks)\n", zOpt, z, nMax);
      return -1;
    }
    if (k) {
      memcpy(zNet, z, k);
      zNet[k] = 0;
      if (ip_net_parse(zNet, &aNet[*pn])) {
        fprintf(stderr, "gongkai serve: bad %s '%s' (an address or CIDR)\n", zOpt, zNet);
        return -1;
      }
      (*pn)++;
    }
    z += k;
    z += strspn(z, ", \t");
  }
  return 0;
}

/* Every --trusted-proxy network: the option may be repeated and each value
** may be a list (cli_parse keeps only the last, so argv is read again);
** without any on the command line, zConf (the environment or the
** configuration file, through cli_parse).  The count, or -1. */
static int trusted_proxies(int argc, char **argv, const char *zConf, IpNet *aNet, int nMax) {
  int n = 0, bCmdLine = 0;
  for (int i = 1; i < argc; i++) {
    const char *z = NULL;
    if (!strcmp(argv[i], "--trusted-proxy") && i + 1 < argc) z = argv[++i];
    else if (!strncmp(argv[i], "--trusted-proxy=", 16)) z = argv[i] + 16;
    if (!z) continue;
    bCmdLine = 1;
    if (add_nets("--trusted-proxy", z, aNet, &n, nMax)) return -1;
  }
  if (!bCmdLine && zConf && add_nets("trusted-proxy", zConf, aNet, &n, nMax)) return -1;
  return n;
}

/* ---- The default search replica of a PostgreSQL server ---------------- */

/* Without --search-replica, a server on PostgreSQL keeps its replica in a
** private directory of its own under $TMPDIR, filled in the background
** from the start and removed at exit; "off" answers searches with pg_search.c. */
static char zTmpReplicaDir[4096];

static void tmp_replica_remove(void) {
  static const char *azSuffix[] = {"", "-wal", "-shm", "-journal"};
  char z[4200];
  for (size_t i = 0; i < sizeof azSuffix / sizeof azSuffix[0]; i++) {
    snprintf(z, sizeof z, "%s/replica.db%s", zTmpReplicaDir, azSuffix[i]);
    unlink(z);
  }
  rmdir(zTmpReplicaDir);
}

/* The replica file to use: zOpt, NULL for "off", else a new temporary one
** (NULL when none can be made: pg_search.c answers). */
static const char *replica_path(const char *zOpt, char *zBuf, size_t n) {
  if (zOpt) return strcmp(zOpt, "off") ? zOpt : NULL;
  const char *zTmp = getenv("TMPDIR");
  snprintf(zTmpReplicaDir, sizeof zTmpReplicaDir, "%s/gongkai-search-XXXXXX",
           zTmp && zTmp[0] ? zTmp : "/tmp");
  if (!mkdtemp(zTmpReplicaDir)) {
    fprintf(stderr, "gongkai serve: no directory for the search replica under %s;"
            " searching PostgreSQL directly\n", zTmp && zTmp[0] ? zTmp : "/tmp");
    return NULL;
  }
  atexit(tmp_replica_remove);
  snprintf(zBuf, n, "%s/replica.db", zTmpReplicaDir);
  return zBuf;
}

int cmd_serve(int argc, char **argv) {
  const char *zDb = CLI_DEFAULT_DB, *zListen = "127.0.0.1:8080", *zThreads = "4",
             *zMaxBody = "20", *zKeyFile = NULL, *zBaseUrl = NULL,
             *zBodyMem = "256", *zTimeout = "30", *zPerAddr = "32", *zProxy = NULL,
             *zMaxConn = NULL, *zReplica = NULL,
             *zMetrics = "127.0.0.1, ::1";
  CliOpt aOpt[] = {{"--db", 0, &zDb},           {"--listen", 0, &zListen},
                   {"--threads", 0, &zThreads}, {"--max-body-mb", 0, &zMaxBody},
                   {"--key-file", 0, &zKeyFile}, {"--base-url", 0, &zBaseUrl},
                   {"--body-memory-mb", 0, &zBodyMem},
                   {"--request-timeout", 0, &zTimeout},
                   {"--max-conn-per-addr", 0, &zPerAddr},
                   {"--max-connections", 0, &zMaxConn},
                   {"--trusted-proxy", 0, &zProxy},
                   {"--metrics-allow", 0, &zMetrics},
                   {"--search-replica", 0, &zReplica}};
  char **aPos;
  int nPos, bHelp;
  int rc = cli_parse("serve", argc, argv, 1, aOpt, (int)(sizeof aOpt / sizeof aOpt[0]),
                     &aPos, &nPos, &bHelp);
  if (rc) return rc;
  if (bHelp) {
    puts("usage: gongkai serve [--db PATH] [--listen HOST:PORT] [--threads N]\n"
         "                     [--max-body-mb N] [--body-memory-mb N]\n"
         "                     [--request-timeout SEC] [--max-conn-per-addr N]\n"
         "                     [--max-connections N]\n"
         "                     [--trusted-proxy CIDR]... [--key-file FILE] [--base-url URL]\n"
         "                     [--metrics-allow CIDR,...] [--search-replica FILE]\n\n"
         "Serves the portal, staff pages and API.  Stops gracefully on SIGTERM\n"
         "or SIGINT.  Port 0 picks a free port (printed on stderr).\n"
         "The key file holds 64 hex characters used to encrypt applicants'\n"
         "identity numbers; default: the environment variable GONGKAI_KEY, else\n"
         "a file 'gongkai.key' next to a SQLite database (created on first use;\n"
         "with PostgreSQL the key must be given).  Every server on one database\n"
         "needs the same key.\n"
         "--max-body-mb caps staff uploads (default 20); --body-memory-mb caps\n"
         "the request bodies all clients together may hold in memory (default\n"
         "256; beyond it requests answer 503).  --request-timeout bounds a whole\n"
         "request, headers and body (default 30 s); --max-conn-per-addr the\n"
         "connections one address may hold open (default 32), --max-connections\n"
         "those of all clients together (default 1000; each is a file\n"
         "descriptor: raise `ulimit -n` with it).  --trusted-proxy\n"
         "(repeatable): the client address comes from X-Forwarded-For/X-Real-IP\n"
         "only when the peer is in one of these networks.  LISTEN may be\n"
         "[::1]:8080 (IPv6) or *:8080 (every address, IPv4 and IPv6).  A base URL\n"
         "starting with https:// marks cookies Secure and sends HSTS.\n"
         "--metrics-allow: the client addresses that may read /metrics\n"
         "(default 127.0.0.1, ::1).  --search-replica (PostgreSQL only): answer\n"
         "searches from a local SQLite FTS5 copy of the search index kept in\n"
         "FILE, brought up to date from PostgreSQL before each search; one\n"
         "file per server process (docs/search.md).  Default: a new file in a\n"
         "private directory under $TMPDIR, removed at exit.  The file is filled\n"
         "or caught up in the background from the start; searches meanwhile\n"
         "run on PostgreSQL.  'off' searches PostgreSQL directly.  Options may also come from GONGKAI_<NAME>\n"
         "or the configuration file (gongkai.conf(5)).\n"
         "Every limit: docs/security.md.");
    return 0;
  }
  if (nPos) { fprintf(stderr, "gongkai serve: unexpected argument '%s'\n", aPos[0]); return 2; }
  if (zReplica && store_kind(zDb) != STORE_KIND_POSTGRES) {
    fputs("gongkai serve: --search-replica is for a PostgreSQL database\n", stderr);
    return 2;
  }
  int nThreads = atoi(zThreads);
  if (nThreads < 1 || nThreads > 256) {
    fputs("gongkai serve: --threads must be 1..256\n", stderr);
    return 2;
  }
  int nMb = atoi(zMaxBody);
  if (nMb < 1 || nMb > 1024) {
    fputs("gongkai serve: --max-body-mb must be 1..1024\n", stderr);
    return 2;
  }
  int nBodyMem = atoi(zBodyMem);
  if (nBodyMem < 1 || nBodyMem > 65536) {
    fputs("gongkai serve: --body-memory-mb must be 1..65536\n", stderr);
    return 2;
  }
  int timeout = atoi(zTimeout), perAddr = atoi(zPerAddr);
  int maxConn = zMaxConn ? atoi(zMaxConn) : SERVER_MAX_CONNECTIONS;
  if (timeout < 1 || timeout > 3600 || perAddr < 1 || perAddr > 1000) {
    fputs("gongkai serve: --request-timeout must be 1..3600, --max-conn-per-addr 1..1000\n",
          stderr);
    return 2;
  }
  if (maxConn < 1 || maxConn > 100000) {
    fputs("gongkai serve: --max-connections must be 1..100000\n", stderr);
    return 2;
  }
  static IpNet aProxy[16];
  int nProxy = trusted_proxies(argc, argv, zProxy, aProxy, 16);
  if (nProxy < 0) return 2;
  if (metrics_init(nRoute, zMetrics)) {
    fprintf(stderr, "gongkai serve: bad --metrics-allow '%s' (addresses or CIDR networks)\n",
            zMetrics);
    return 2;
  }
  if (crypto_init()) { fputs("gongkai serve: libsodium failed\n", stderr); return 1; }
  char zKey[65];
  char *zKeyErr = NULL;
  /* A SQLite file that is not there (a mistyped db =): store_open below
  ** says so, and no key file is made beside it first. */
  int bNoFile = store_kind(zDb) == STORE_KIND_SQLITE && access(zDb, F_OK) != 0;
  if (!bNoFile && app_key_load(zDb, zKeyFile, 1, zKey, &zKeyErr)) {
    fprintf(stderr, "gongkai serve: %s\n", zKeyErr);
    free(zKeyErr);
    return 1;
  }
  ServerConfig cfg;
  memset(&cfg, 0, sizeof cfg);
  cfg.zDbPath = zDb;
  cfg.zListen = zListen;
  char *zBase = zBaseUrl ? xstrdup(zBaseUrl) : mprintf("http://%s", zListen);
  cfg.zBaseUrl = zBase;
  cfg.zSecretKey = zKey;
  cfg.nThreads = nThreads;
  cfg.nMaxBody = (size_t)nMb << 20;
  cfg.nBodyMemory = (size_t)nBodyMem << 20;
  cfg.requestTimeout = timeout;
  cfg.perAddrConnections = perAddr;
  cfg.maxConnections = maxConn;
  cfg.aTrustedProxy = aProxy;
  cfg.nTrustedProxy = nProxy;
  cfg.bCookieSecure = !strncmp(zBase, "https://", 8);
  cfg.sessionIdle = 2 * 3600;
  cfg.sessionAbsolute = 12 * 3600;
  /* Check the database once before starting threads, for a clear message. */
  Store *s = NULL;
  char *zErr = NULL;
  if (store_open(zDb, STORE_MIGRATE, &s, &zErr) != STORE_OK) {
    fprintf(stderr, "gongkai serve: %s\n", zErr ? zErr : "cannot open database");
    free(zErr);
    free(zBase);
    return 1;
  }
  /* A small index's replica is filled here, before the first request; a
  ** large one by a thread of its own while the server already answers
  ** (searches meanwhile from PostgreSQL). */
  char zReplicaBuf[4200];
  if (store_kind(zDb) == STORE_KIND_POSTGRES) {
    store_search_replica_set(replica_path(zReplica, zReplicaBuf, sizeof zReplicaBuf));
    store_search_replica_start(s, zDb);
  }
  store_close(s);
  rc = server_run(&cfg);
  free(zBase);
  return rc;
}
