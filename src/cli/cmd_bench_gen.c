/*
** cmd_bench_gen.c — `gongkai bench-gen`: benchmark and test data from the
** deterministic generator (cli/bench_gen.h).
**   docs  N documents as JSON lines for `gongkai docs import`
**   orgs  an organisation tree of N units under a new root
**   apps  N applications over the subtree of an organisation, across years
** The same --seed always gives the same data.  Not for production
** databases: the organisations and applications are fictitious.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/bench_gen.h"
#include "cli/cli.h"
#include "cli/cli_util.h"
#include "cli/commands.h"
#include "core/ident.h"
#include "lib/crypto.h"
#include "store/store_bench.h"

static const char zUsage[] =
    "usage: gongkai bench-gen docs --n N [--seed S] [--out FILE]\n"
    "       gongkai bench-gen orgs --n N [--seed S] [--db PATH]\n"
    "       gongkai bench-gen apps --n N --org ID|SLUG [--years Y0-Y1]\n"
    "                              [--seed S] [--db PATH]\n\n"
    "Deterministic benchmark data (fictitious; for test databases only).\n"
    "docs  writes N documents as JSON lines (stdout unless --out).\n"
    "orgs  adds a tree of N organisations (a root, units, sub-units) and\n"
    "      prints the root's slug.\n"
    "apps  adds N applications spread over ORG and the organisations below\n"
    "      it, received across the years Y0-Y1 (default 2019-2025).\n";

/* Parses a count 1..100,000,000; 0 after a message. */
static long parse_n(const char *z) {
  char *zEnd;
  long n = z ? strtol(z, &zEnd, 10) : 0;
  if (!z || *zEnd || n < 1 || n > 100000000) {
    fprintf(stderr, "gongkai bench-gen: --n 应为 1 至 100000000\n");
    return 0;
  }
  return n;
}

static int gen_docs(const BenchVocab *v, uint64_t seed, long n,
                    const char *zOut) {
  FILE *f = zOut ? fopen(zOut, "wb") : stdout;
  if (!f) {
    fprintf(stderr, "gongkai bench-gen: 无法写入 %s\n", zOut);
    return 1;
  }
  Buf b = BUF_INIT;
  int rc = 0;
  for (long i = 0; i < n && !rc; i++) {
    bench_doc_json(v, seed, i, n, &b);
    if (b.n > (1 << 20) || i == n - 1) {
      if (fwrite(b.z, 1, b.n, f) != b.n) rc = 1;
      buf_reset(&b);
    }
  }
  buf_free(&b);
  if (zOut && fclose(f)) rc = 1;
  if (!zOut && fflush(f)) rc = 1;
  if (rc) fprintf(stderr, "gongkai bench-gen: 写入失败\n");
  return rc;
}

static const char *const azKind[] = {"卫生健康局", "卫生院", "疾病预防控制中心",
                                     "人民医院", "卫生健康监督所"};

/* Adds the tree in one transaction; prints the root slug. */
static int gen_orgs(Store *s, const BenchVocab *v, uint64_t seed, long n) {
  Arena a = ARENA_INIT;
  int64_t *aId = xmalloc((size_t)n * sizeof *aId);
  long nChild = 1;
  while (nChild * nChild < n - 1) nChild++;
  int rc = store_begin(s);
  for (long i = 0; i < n && rc == STORE_OK; i++) {
    Org o;
    memset(&o, 0, sizeof o);
    /* 0 is the root, 1..nChild its units, the rest sub-units round-robin. */
    o.parentId = i == 0 ? 0 : i <= nChild ? aId[0] : aId[1 + (i - 1) % nChild];
    o.zSlug = arena_printf(&a, "bench%lld-%ld", (long long)seed, i);
    const char *zPlace = v->az[BV_PLACE][i % v->an[BV_PLACE]];
    o.zName = i == 0 ? arena_printf(&a, "基准测试%lld卫生健康委员会",
                                    (long long)seed)
                     : arena_printf(&a, "%s第%ld%s", zPlace, i,
                                    azKind[i % 5]);
    char zCode[10];
    snprintf(zCode, sizeof zCode, "%08ld", 30000000 + i);
    zCode[8] = ident_org_code_check_char(zCode);
    zCode[9] = 0;
    o.zOrgCode = arena_strdup(&a, zCode);
    o.zIndexTemplate = "{org_code}/{yyyy}-{serial:05}";
    rc = store_org_add(s, &o);
    aId[i] = o.id;
  }
  if (rc == STORE_OK) rc = store_commit(s);
  if (rc != STORE_OK) {
    store_rollback(s);
    fprintf(stderr, "gongkai bench-gen: %s\n", store_errmsg(s));
  } else {
    printf("bench%llu-0\n", (unsigned long long)seed);
  }
  free(aId);
  arena_free(&a);
  return rc == STORE_OK ? 0 : 1;
}

/* Adds the applications in transactions of 20,000. */
static int gen_apps(Store *s, const BenchVocab *v, uint64_t seed, long n,
                    const char *zOrg, const char *zYears) {
  Arena a = ARENA_INIT;
  int y0 = 2019, y1 = 2025, rc = STORE_OK, nOrg;
  Org *aOrg;
  if (zYears && (sscanf(zYears, "%d-%d", &y0, &y1) != 2 || y0 < 2000 ||
                 y1 > 2100 || y0 > y1)) {
    fprintf(stderr, "gongkai bench-gen: --years 应为 YYYY-YYYY\n");
    return 2;
  }
  int64_t root = cli_org("bench-gen", s, &a, zOrg);
  if (!root) return 1;
  if (store_org_tree(s, &a, root, &aOrg, &nOrg) != STORE_OK || nOrg < 1) {
    fprintf(stderr, "gongkai bench-gen: %s\n", store_errmsg(s));
    arena_free(&a);
    return 1;
  }
  for (long i = 0; i < n && rc == STORE_OK; i++) {
    if (i % 20000 == 0 && (rc = store_begin(s)) != STORE_OK) break;
    BenchApp p;
    bench_app(v, seed, i, nOrg, y0, y1, &p);
    char zReg[64];
    snprintf(zReg, sizeof zReg, "bench%llu-%s-%ld",
             (unsigned long long)seed, p.zReceived, i);
    rc = store_bench_app_add(s, aOrg[p.iOrg].id, zReg, p.zChannel,
                             p.zApplicantType, p.zName, p.zTitle,
                             p.zReceived, p.zClosed, p.zOutcome);
    if (rc == STORE_OK && (i % 20000 == 19999 || i == n - 1))
      rc = store_commit(s);
  }
  if (rc != STORE_OK) {
    store_rollback(s);
    fprintf(stderr, "gongkai bench-gen: %s\n", store_errmsg(s));
  }
  arena_free(&a);
  return rc == STORE_OK ? 0 : 1;
}

int cmd_bench_gen(int argc, char **argv) {
  const char *zDb = CLI_DEFAULT_DB, *zN = NULL, *zSeed = "1", *zOut = NULL,
             *zOrg = NULL, *zYears = NULL;
  CliOpt aOpt[] = {{"--db", 0, &zDb},     {"--n", 0, &zN},
                   {"--seed", 0, &zSeed}, {"--out", 0, &zOut},
                   {"--org", 0, &zOrg},   {"--years", 0, &zYears}};
  char **aPos;
  int nPos, bHelp;
  int rc = cli_parse("bench-gen", argc, argv, 1, aOpt, 6, &aPos, &nPos, &bHelp);
  if (rc) return rc;
  if (bHelp) {
    fputs(zUsage, stdout);
    return 0;
  }
  if (nPos != 1 || (strcmp(aPos[0], "docs") && strcmp(aPos[0], "orgs") &&
                    strcmp(aPos[0], "apps")) ||
      (!strcmp(aPos[0], "apps") && !zOrg)) {
    fputs(zUsage, stderr);
    return 2;
  }
  long n = parse_n(zN);
  if (!n) return 2;
  uint64_t seed = strtoull(zSeed, NULL, 10);
  BenchVocab v;
  if (bench_vocab_load(&v)) {
    fprintf(stderr, "gongkai bench-gen: 词表缺失（data/bench_vocab.txt）\n");
    return 1;
  }
  if (!strcmp(aPos[0], "docs")) {
    rc = gen_docs(&v, seed, n, zOut);
  } else {
    if (crypto_init()) {
      bench_vocab_free(&v);
      return 1;
    }
    Store *s = cli_open("bench-gen", zDb, STORE_MIGRATE);
    if (!s) {
      rc = 1;
    } else {
      rc = !strcmp(aPos[0], "orgs") ? gen_orgs(s, &v, seed, n)
                                    : gen_apps(s, &v, seed, n, zOrg, zYears);
      store_close(s);
    }
  }
  bench_vocab_free(&v);
  return rc;
}
