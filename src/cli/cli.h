/*
** cli.h — the command-line interface: one sorted table of subcommands.
**
** Each command is a function `int cmd_NAME(int argc, char **argv)` where
** argv[0] is the command name; it returns the process exit status (0 ok,
** 1 failure with a message on stderr, 2 usage error).  Commands parse their
** own options with cli_opt*(), answer --help, and reject unknown options.
** The table lives in cli.c; add one line there for a new command.
*/
#ifndef GK_CLI_H
#define GK_CLI_H

typedef struct CliCmd {
  const char *zName;                  /* "serve", "user", "report" ... */
  int (*xRun)(int argc, char **argv); /* argv[0] == zName */
  const char *zSummary;               /* one line for `gongkai help` */
} CliCmd;

/* Runs the subcommand named by argv[1]; returns the exit status. */
int cli_main(int argc, char **argv);

/*
** Option parsing shared by every command.  A CliOpt describes one option;
** cli_parse() walks argv[iFirst..] and fills the values, collecting
** positional arguments into *paPos / *pnPos: they are moved, in order, to
** the front of argv[iFirst..] and *paPos points there (no allocation).
** Returns 0, or 2 after printing "gongkai CMD: unknown option --x" or
** "missing value" to stderr.  --help sets *pbHelp.  An option that is not
** on the command line takes its value from GONGKAI_<NAME> or the
** configuration file when conffile.c knows it (see conffile.h).
*/
typedef struct CliOpt {
  const char *zName;   /* "--db" */
  int bFlag;           /* 1: takes no value, *pzVal set to "1" when given */
  const char **pzVal;  /* where the value goes (unchanged when absent) */
} CliOpt;

int cli_parse(const char *zCmd, int argc, char **argv, int iFirst,
              CliOpt *aOpt, int nOpt, char ***paPos, int *pnPos,
              int *pbHelp);

#define CLI_DEFAULT_DB "var/gongkai.db"

#endif
