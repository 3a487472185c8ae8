/*
** conffile.h — the configuration file (/etc/gongkai/gongkai.conf) and the
** GONGKAI_* environment variables, as defaults for command-line options.
**
** The file holds `key = value` lines; `#` starts a comment line.  Each key
** is the name of a command-line option without its dashes (`db`, `listen`,
** `base-url` …); the table in conffile.c lists them with a check for each
** value.  Precedence, highest first: the command line, the environment
** variable GONGKAI_<KEY> (upper case, '-' → '_'), the file.  cli_parse()
** applies the two lower levels to the options a command declares.
*/
#ifndef GK_CONFFILE_H
#define GK_CONFFILE_H

/* The file read when neither --config nor GONGKAI_CONFIG names one. */
#define CONF_DEFAULT_PATH "/etc/gongkai/gongkai.conf"

/* Reads and checks zPath, replacing any file loaded before.  Returns 0, or
** 1 with *pzErr set to "PATH:LINE: why" (malloc'd, caller frees). */
int conf_load(const char *zPath, char **pzErr);

/* Checks zPath without keeping it.  Same result as conf_load(). */
int conf_check(const char *zPath, char **pzErr);

/* The value for option zOpt ("--listen" or "listen") from the environment,
** else from the loaded file; NULL when neither sets it.  The string lives
** until the next conf_load(). */
const char *conf_value(const char *zOpt);

/* The path of the loaded file, or NULL. */
const char *conf_path(void);

/* Removes `--config FILE` / `--config=FILE` from argv (anywhere), loads
** that file, or GONGKAI_CONFIG, or CONF_DEFAULT_PATH when it exists.
** Updates *pArgc.  Returns 0, or 2 after printing why to stderr. */
int conf_from_args(int *pArgc, char **argv);

#endif
