/*
** cmd_backup.c — `gongkai backup` and `gongkai restore`.
**
** backup copies the live database with SQLite's online backup (consistent
** while the server writes), or, for a PostgreSQL database, with pg_dump in
** its custom format (store_backup(), src/store/pg_admin.c).  With --keep N,
** --to names a directory: the copy is DIR/gongkai-YYYYMMDDTHHMMSSZ.db (.dump
** for PostgreSQL) and only the newest N such files stay.
**
** restore never touches a live database: it copies the backup into a new
** file beside the target, opens it (applying pending migrations), checks
** PRAGMA integrity_check and the publication ledger, and only then links it
** into place; a target that exists is refused.  A PostgreSQL backup is
** restored with pg_restore into a database without tables, then migrated
** and its ledger verified (store_pg_restore()).
*/
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/cli_util.h"
#include "cli/commands.h"
#include "lib/buf.h"
#include "lib/crypto.h"
#include "store/store_admin.h"
#include "store/store_documents.h"

#define BACKUP_PREFIX "gongkai-"
#define BACKUP_STAMP "YYYYMMDDTHHMMSSZ"

/* The file name ending of a rotated backup: a SQLite file, or pg_dump's
** custom-format archive. */
static const char *backup_suffix(const char *zDb) {
  return store_kind(zDb) == STORE_KIND_SQLITE ? ".db" : ".dump";
}

static int is_backup_name(const char *z, const char *zSuffix) {
  size_t n = strlen(z);
  return n == strlen(BACKUP_PREFIX BACKUP_STAMP) + strlen(zSuffix) &&
         !strncmp(z, BACKUP_PREFIX, strlen(BACKUP_PREFIX)) &&
         !strcmp(z + n - strlen(zSuffix), zSuffix);
}

static int cmp_name(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Deletes all but the newest nKeep backups ending in zSuffix in zDir (names
** sort by time).  Returns the number deleted, or -1 when the directory
** cannot be read. */
static int rotate(const char *zDir, const char *zSuffix, int nKeep) {
  DIR *d = opendir(zDir);
  if (!d) return -1;
  char **az = NULL;
  int n = 0, nAlloc = 0, nDel = 0;
  for (struct dirent *e; (e = readdir(d)) != NULL;) {
    if (!is_backup_name(e->d_name, zSuffix)) continue;
    if (n == nAlloc) az = xrealloc(az, sizeof *az * (size_t)(nAlloc = nAlloc * 2 + 16));
    az[n++] = xstrdup(e->d_name);
  }
  closedir(d);
  qsort(az, (size_t)n, sizeof *az, cmp_name);
  for (int i = 0; i < n; i++) {
    if (i < n - nKeep) {
      char *zPath = mprintf("%s/%s", zDir, az[i]);
      if (unlink(zPath) == 0) nDel++;
      free(zPath);
    }
    free(az[i]);
  }
  free(az);
  return nDel;
}

/* The file name for a rotated backup made now, in zDir (malloc'd). */
static char *rotated_name(const char *zDir, const char *zSuffix) {
  char zStamp[32];
  time_t t = time(NULL);
  struct tm tm;
  gmtime_r(&t, &tm);
  strftime(zStamp, sizeof zStamp, "%Y%m%dT%H%M%SZ", &tm);
  return mprintf("%s/" BACKUP_PREFIX "%s%s", zDir, zStamp, zSuffix);
}

int cmd_backup(int argc, char **argv) {
  const char *zDb = CLI_DEFAULT_DB, *zTo = NULL, *zKeep = NULL;
  CliOpt aOpt[] = {{"--db", 0, &zDb}, {"--to", 0, &zTo}, {"--keep", 0, &zKeep}};
  char **aPos;
  int nPos, bHelp;
  int rc = cli_parse("backup", argc, argv, 1, aOpt, 3, &aPos, &nPos, &bHelp);
  if (rc) return rc;
  if (bHelp) {
    puts("usage: gongkai backup [--db PATH] --to FILE\n"
         "       gongkai backup [--db PATH] --to DIR --keep N\n\n"
         "Copies the database with SQLite's online backup: consistent even\n"
         "while the server is writing.  FILE must not exist.  With --keep N,\n"
         "the copy goes to DIR/gongkai-YYYYMMDDTHHMMSSZ.db (DIR is created)\n"
         "and only the newest N such copies are kept.  Restore with\n"
         "`gongkai restore`.\n\n"
         "With a PostgreSQL --db (postgresql://… or host=… dbname=…) it runs\n"
         "pg_dump (from PATH, no shell) in its custom format, the whole\n"
         "database, one consistent snapshot; the connection is passed in\n"
         "pg_dump's environment (PGHOST, PGDATABASE, PGPASSWORD …), not on its\n"
         "command line.  The archive is written under a temporary name,\n"
         "checked with pg_restore --list and then put at FILE (mode 0600;\n"
         "DIR/gongkai-YYYYMMDDTHHMMSSZ.dump with --keep).  Restore it with\n"
         "pg_restore into a new database (docs/deploy.md).  Keep the key file\n"
         "(GONGKAI_KEY) with the backups: it is not in the database.");
    return 0;
  }
  if (!zTo || nPos) { fputs("gongkai backup: --to FILE is required\n", stderr); return 2; }
  int nKeep = 0;
  if (zKeep) {
    char *zEnd;
    long v = strtol(zKeep, &zEnd, 10);
    if (!*zKeep || *zEnd || v < 1 || v > 10000) {
      fputs("gongkai backup: --keep must be 1..10000\n", stderr);
      return 2;
    }
    nKeep = (int)v;
    if (mkdir(zTo, 0700) != 0 && errno != EEXIST) {
      fprintf(stderr, "gongkai backup: cannot create directory %s\n", zTo);
      return 1;
    }
  }
  char *zFile = nKeep ? rotated_name(zTo, backup_suffix(zDb)) : xstrdup(zTo);
  Store *s = cli_open("backup", zDb, 0);
  if (!s) { free(zFile); return 1; }
  mode_t old = umask(077);
  rc = store_backup(s, zFile);
  umask(old);
  if (rc != STORE_OK) {
    fprintf(stderr, "gongkai backup: %s\n", store_errmsg(s));
    rc = 1;
  } else {
    printf("backup written to %s\n", zFile);
    if (nKeep) {
      int nDel = rotate(zTo, backup_suffix(zDb), nKeep);
      if (nDel > 0) printf("removed %d older backup%s\n", nDel, nDel == 1 ? "" : "s");
    }
  }
  store_close(s);
  free(zFile);
  return rc;
}

/* Copies zFrom to zTo (created 0600, must not exist).  0, or 1 with why. */
static int copy_file(const char *zFrom, const char *zTo) {
  int in = open(zFrom, O_RDONLY);
  if (in < 0) { fprintf(stderr, "gongkai restore: cannot read %s\n", zFrom); return 1; }
  int out = open(zTo, O_WRONLY | O_CREAT | O_EXCL, 0600);
  if (out < 0) {
    fprintf(stderr, "gongkai restore: cannot create %s\n", zTo);
    close(in);
    return 1;
  }
  char aBuf[65536];
  ssize_t n;
  int rc = 0;
  while ((n = read(in, aBuf, sizeof aBuf)) > 0)
    if (write(out, aBuf, (size_t)n) != n) { rc = 1; break; }
  if (n < 0 || fsync(out) != 0) rc = 1;
  close(in);
  if (close(out) != 0) rc = 1;
  if (rc) fprintf(stderr, "gongkai restore: writing %s failed\n", zTo);
  return rc;
}

/* Opens the copy at zPath, migrates it, checks the file and the ledger.
** Returns 0, or 1 after printing why. */
static int verify_copy(const char *zPath) {
  Store *s = cli_open("restore", zPath, STORE_MIGRATE);
  if (!s) return 1;
  int64_t bad = 0, n = 0;
  int rc = 0;
  if (store_integrity_check(s) != STORE_OK) {
    fprintf(stderr, "gongkai restore: %s\n", store_errmsg(s));
    rc = 1;
  } else if (store_ledger_verify(s, &bad, &n) != STORE_OK) {
    fprintf(stderr, "gongkai restore: ledger broken at entry %lld: %s\n", (long long)bad,
            store_errmsg(s));
    rc = 1;
  } else {
    printf("integrity_check ok; ledger: %lld entries verified\n", (long long)n);
  }
  store_close(s);
  return rc;
}

static void remove_db_files(const char *zPath) {
  static const char *const azSuffix[] = {"", "-wal", "-shm", "-journal"};
  for (size_t i = 0; i < sizeof azSuffix / sizeof azSuffix[0]; i++) {
    char *z = mprintf("%s%s", zPath, azSuffix[i]);
    unlink(z);
    free(z);
  }
}

/* restore for a PostgreSQL target: pg_restore into the empty database
** zDb, then open it (pending migrations) and verify the ledger. */
static int restore_pg(const char *zFrom, const char *zDb) {
  char *zErr = NULL;
  if (store_pg_restore(zDb, zFrom, &zErr) != STORE_OK) {
    fprintf(stderr, "gongkai restore: %s\n", zErr);
    free(zErr);
    return 1;
  }
  Store *s = cli_open("restore", zDb, STORE_MIGRATE);
  if (!s) {
    fputs("gongkai restore: the archive was restored but cannot be opened as"
          " given (gongkai's tables in another schema than the search_path's"
          " first? add options=-csearch_path=SCHEMA)\n", stderr);
    return 1;
  }
  int64_t bad = 0, n = 0;
  int rc = store_ledger_verify(s, &bad, &n);
  if (rc != STORE_OK)
    fprintf(stderr, "gongkai restore: ledger broken at entry %lld: %s; the database"
            " holds the restored rows: drop it\n", (long long)bad, store_errmsg(s));
  else
    printf("restored %s; ledger: %lld entries verified\n", zFrom, (long long)n);
  store_close(s);
  return rc == STORE_OK ? 0 : 1;
}

int cmd_restore(int argc, char **argv) {
  const char *zDb = NULL, *zFrom = NULL;
  CliOpt aOpt[] = {{"--db", 0, &zDb}, {"--from", 0, &zFrom}};
  char **aPos;
  int nPos, bHelp;
  int rc = cli_parse("restore", argc, argv, 1, aOpt, 2, &aPos, &nPos, &bHelp);
  if (rc) return rc;
  if (bHelp) {
    puts("usage: gongkai restore --from BACKUP --db PATH|postgresql://…\n\n"
         "Restores a backup into a NEW database file PATH: copies it, applies\n"
         "pending migrations, checks PRAGMA integrity_check and the\n"
         "publication ledger, and only then puts the file at PATH.  PATH must\n"
         "not exist: a restore never overwrites a database.  Stop the server,\n"
         "restore, then point --db (or the configuration) at the new file.\n\n"
         "With a PostgreSQL --db, BACKUP is a pg_dump archive (gongkai backup)\n"
         "and the database must be new (no tables at all): pg_restore loads it\n"
         "in one transaction (connection in its environment, as for backup),\n"
         "then pending migrations run and the ledger is verified.");
    return 0;
  }
  if (!zFrom || !zDb || nPos) {
    fputs("gongkai restore: --from BACKUP and --db PATH are required\n", stderr);
    return 2;
  }
  if (crypto_init()) return 1;
  if (store_kind(zDb) != STORE_KIND_SQLITE) return restore_pg(zFrom, zDb);
  struct stat sb;
  if (stat(zDb, &sb) == 0) {
    fprintf(stderr, "gongkai restore: %s exists; a restore never overwrites a database\n", zDb);
    return 1;
  }
  char *zTmp = mprintf("%s.restoring", zDb);
  remove_db_files(zTmp);
  rc = copy_file(zFrom, zTmp) || verify_copy(zTmp);
  if (!rc && link(zTmp, zDb) != 0) {
    fprintf(stderr, "gongkai restore: cannot create %s (%s)\n", zDb, strerror(errno));
    rc = 1;
  }
  remove_db_files(zTmp);
  free(zTmp);
  if (!rc) printf("restored %s into %s\n", zFrom, zDb);
  return rc ? 1 : 0;
}
