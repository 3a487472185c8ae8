/*
** cli.c — the subcommand table and the shared option parser.
*/
#include "cli/cli.h"
#include "lib/utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/commands.h"
#include "cli/conffile.h"

/* Sorted by name; `gongkai help` prints it in this order. */
static const CliCmd aCmd[] = {
  {"applications", cmd_applications, "year figures, deadline recalculation, new holidays"},
  {"archive", cmd_archive, "export a year's published documents for archives; verify an export"},
  {"backup", cmd_backup, "copy the database online (consistent while serving)"},
  {"bench-gen", cmd_bench_gen, "benchmark data: documents, organisations, applications"},
  {"bench-search", cmd_bench_search, "time search on a database (bench/run.sh)"},
  {"catalogue", cmd_catalogue, "import, export and list an organisation's disclosure catalogue"},
  {"config", cmd_config, "list, read and change run-time settings"},
  {"db", cmd_db, "copy a SQLite installation into an empty PostgreSQL database"},
  {"demo", cmd_demo, "load the demo organisations, users and records"},
  {"docs", cmd_docs, "bulk import of published documents (JSON lines)"},
  {"export-site", cmd_export_site, "write the public portal as static files"},
  {"init", cmd_init, "create a new database and its first administrator"},
  {"ledger", cmd_ledger, "verify and list the publication ledger"},
  {"migrate", cmd_migrate, "apply pending schema migrations"},
  {"org", cmd_org, "add and list organisations and departments"},
  {"report", cmd_report, "annual reports: check, show, export"},
  {"restore", cmd_restore, "restore a backup into a new database file, verified"},
  {"routes", cmd_routes, "print the route table (URLs, permissions) as Markdown"},
  {"search", cmd_search, "rebuild the full-text index; query it"},
  {"serve", cmd_serve, "run the web server"},
  {"token", cmd_token, "API tokens for the write API: add, list, revoke"},
  {"user", cmd_user, "add, list, disable users; set passwords"},
  {"version", cmd_version, "print the version"},
  {"workdays", cmd_workdays, "working-day arithmetic on the holiday calendar"},
  {"workplan", cmd_workplan, "import annual work plans (工作要点) from plain text"},
};

static void usage(FILE *out) {
  fputs("usage: gongkai COMMAND [OPTIONS]\n\ncommands:\n", out);
  for (size_t i = 0; i < sizeof aCmd / sizeof aCmd[0]; i++)
    fprintf(out, "  %-12s %s\n", aCmd[i].zName, aCmd[i].zSummary);
  fputs("\n`gongkai COMMAND --help` describes each command.\n"
        "--config FILE (anywhere; default " CONF_DEFAULT_PATH " when it exists,\n"
        "or GONGKAI_CONFIG) gives defaults for the options of every command.\n", out);
}

int cli_main(int argc, char **argv) {
  int rc = conf_from_args(&argc, argv);
  if (rc) return rc;
  if (argc < 2 || !strcmp(argv[1], "help") || !strcmp(argv[1], "--help") ||
      !strcmp(argv[1], "-h")) {
    usage(argc < 2 ? stderr : stdout);
    return argc < 2 ? 2 : 0;
  }
  /* Command-line text is input like any other: the one check for it. */
  for (int i = 1; i < argc; i++) {
    const char *zWhy = utf8_text_problem(argv[i], strlen(argv[i]));
    if (zWhy) {
      fprintf(stderr, "gongkai: 第 %d 个参数无效：%s\n", i, zWhy);
      return 2;
    }
  }
  for (size_t i = 0; i < sizeof aCmd / sizeof aCmd[0]; i++) {
    if (!strcmp(aCmd[i].zName, argv[1])) return aCmd[i].xRun(argc - 1, argv + 1);
  }
  fprintf(stderr, "gongkai: unknown command '%s'\n", argv[1]);
  usage(stderr);
  return 2;
}

int cli_parse(const char *zCmd, int argc, char **argv, int iFirst,
              CliOpt *aOpt, int nOpt, char ***paPos, int *pnPos,
              int *pbHelp) {
  int nPos = 0;
  unsigned char aSet[64] = {0}; /* options given on the command line */
  *pbHelp = 0;
  for (int i = iFirst; i < argc; i++) {
    const char *z = argv[i];
    if (!strcmp(z, "--help") || !strcmp(z, "-h")) { *pbHelp = 1; continue; }
    if (z[0] == '-' && z[1] == '-' && z[2]) {
      const char *zEq = strchr(z, '=');
      size_t n = zEq ? (size_t)(zEq - z) : strlen(z);
      int j;
      for (j = 0; j < nOpt; j++)
        if (strlen(aOpt[j].zName) == n && !strncmp(aOpt[j].zName, z, n)) break;
      if (j == nOpt) {
        fprintf(stderr, "gongkai %s: unknown option %.*s\n", zCmd, (int)n, z);
        return 2;
      }
      if (j < (int)sizeof aSet) aSet[j] = 1;
      if (aOpt[j].bFlag) {
        if (zEq) {
          fprintf(stderr, "gongkai %s: %s takes no value\n", zCmd, aOpt[j].zName);
            return 2;
        }
        *aOpt[j].pzVal = "1";
      } else if (zEq) {
        *aOpt[j].pzVal = zEq + 1;
      } else if (i + 1 < argc) {
        *aOpt[j].pzVal = argv[++i];
      } else {
        fprintf(stderr, "gongkai %s: %s needs a value\n", zCmd, aOpt[j].zName);
        return 2;
      }
      continue;
    }
    if (z[0] == '-' && z[1] && z[1] != '-') {
      fprintf(stderr, "gongkai %s: unknown option %s\n", zCmd, z);
      return 2;
    }
    /* Positional arguments are moved to the front of argv[iFirst..], so
    ** *paPos points into argv and nothing is allocated. */
    argv[iFirst + nPos++] = argv[i];
  }
  /* Options not on the command line: the environment, then the file. */
  for (int j = 0; j < nOpt && j < (int)sizeof aSet; j++) {
    const char *zConf = aSet[j] || aOpt[j].bFlag ? NULL : conf_value(aOpt[j].zName);
    if (zConf) *aOpt[j].pzVal = zConf;
  }
  *paPos = argv + iFirst;
  *pnPos = nPos;
  return 0;
}
