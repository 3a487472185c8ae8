/* cmd_config.c — `gongkai config list|get|set`: the run-time settings. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cli_util.h"
#include "cli/commands.h"
#include "cli/conffile.h"
#include "core/settings.h"

static const char zHelp[] =
    "usage: gongkai config list [--db PATH]\n"
    "       gongkai config get NAME [--db PATH]\n"
    "       gongkai config set NAME VALUE [--db PATH]\n"
    "       gongkai config check [FILE]\n\n"
    "Run-time settings stored in the database (defaults apply when unset).\n"
    "`check` validates a configuration file (default " CONF_DEFAULT_PATH ")\n"
    "without starting anything: unknown keys and bad values are errors with\n"
    "their line number.";

/* `gongkai config check [FILE]`: 0 when FILE is valid, 1 with the line. */
static int config_check(int argc, char **argv) {
  if (argc > 3) { fprintf(stderr, "gongkai config: bad arguments\n%s\n", zHelp); return 2; }
  if (argc == 3 && (!strcmp(argv[2], "--help") || !strcmp(argv[2], "-h"))) {
    puts(zHelp);
    return 0;
  }
  if (argc == 3 && argv[2][0] == '-') {
    fprintf(stderr, "gongkai config: unknown option '%s'\n", argv[2]);
    return 2;
  }
  const char *zPath = argc == 3 ? argv[2] : conf_path() ? conf_path() : CONF_DEFAULT_PATH;
  char *zErr = NULL;
  if (conf_check(zPath, &zErr)) {
    fprintf(stderr, "gongkai config: %s\n", zErr);
    free(zErr);
    return 1;
  }
  printf("%s: ok\n", zPath);
  return 0;
}

int cmd_config(int argc, char **argv) {
  const char *zDb = CLI_DEFAULT_DB;
  CliOpt aOpt[] = {{"--db", 0, &zDb}};
  char **aPos;
  int nPos, bHelp;
  if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
    puts(zHelp);
    return argc < 2 ? 2 : 0;
  }
  if (!strcmp(argv[1], "check")) return config_check(argc, argv);
  const char *zSub = argv[1];
  int rc = cli_parse("config", argc, argv, 2, aOpt, 1, &aPos, &nPos, &bHelp);
  if (rc) return rc;
  if (bHelp) { puts(zHelp); return 0; }
  int want = !strcmp(zSub, "list") ? 0 : !strcmp(zSub, "get") ? 1 : !strcmp(zSub, "set") ? 2 : -1;
  if (want < 0 || nPos != want) {
    fprintf(stderr, "gongkai config: bad arguments\n%s\n", zHelp);
    return 2;
  }
  if (want && !settings_find(aPos[0])) {
    fprintf(stderr, "gongkai config: no setting named '%s'\n", aPos[0]);
    return 1;
  }
  Store *s = cli_open("config", zDb, 0);
  if (!s) return 1;
  Arena a = ARENA_INIT;
  if (want == 2) {
    if (store_setting_set(s, aPos[0], aPos[1]) != STORE_OK) {
      fprintf(stderr, "gongkai config: %s\n", store_errmsg(s));
      rc = 1;
    } else {
      store_audit(s, 0, 0, "config.set", aPos[0]);
    }
  } else {
    for (const SettingDef *d = aSettingDef; d->zName; d++) {
      if (want == 1 && strcmp(d->zName, aPos[0])) continue;
      const char *z = store_setting_get(s, &a, d->zName);
      if (want == 1) printf("%s\n", z ? z : d->zDefault);
      else printf("%-34s %-8s %s%s\n", d->zName, z ? z : d->zDefault, z ? "" : "(default) ", d->zHelp);
    }
  }
  store_close(s);
  arena_free(&a);
  return rc;
}
