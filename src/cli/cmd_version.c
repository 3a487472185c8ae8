/* cmd_version.c — `gongkai version`: program and schema versions. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/commands.h"
#include "lib/version.h"

int cmd_version(int argc, char **argv) {
  char **aPos;
  int nPos, bHelp;
  int rc = cli_parse("version", argc, argv, 1, NULL, 0, &aPos, &nPos, &bHelp);
  if (rc) return rc;
  if (bHelp) {
    puts("usage: gongkai version\n\nPrints the program version, the commit and the build date.");
    return 0;
  }
  if (nPos) {
    fprintf(stderr, "gongkai version: unexpected argument '%s'\n", aPos[0]);
    return 2;
  }
  printf("gongkai %s (commit %s, built %s)\n", GK_VERSION, gk_build_commit, gk_build_date);
  return 0;
}
