/*
** pg_admin.c — administration of a PostgreSQL database through
** PostgreSQL's own client programs (store_admin.h): store_backup() on a
** PostgreSQL store runs pg_dump (custom format) and checks the archive it
** wrote with pg_restore --list before putting it in place;
** store_pg_restore() runs pg_restore into a database without tables.
**
** The programs are started with posix_spawnp() and an argument vector (no
** shell), found in PATH (Debian: /usr/bin/pg_dump, the pg_wrapper of
** postgresql-client-15).  They connect where this store's connection is
** connected: every option of the connection in use (PQconninfo: host,
** port, dbname, user, password, options, sslmode …) that libpq also reads
** from an environment variable is passed as that variable (PGHOST,
** PGPORT, PGDATABASE, PGUSER, PGPASSWORD, PGOPTIONS, PGSSLMODE …), never
** on the program's command line, which every user of the machine can read
** (/proc/PID/cmdline); a process's environment is readable by its owner
** only.  Options libpq reads from no variable (keepalives…,
** tcp_user_timeout, replication) are not passed: they do not change what
** is dumped.
*/
#include <errno.h>
#include <fcntl.h>
#include <libpq-fe.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lib/buf.h"
#include "store/store_int.h"
#include "store/store_pg.h"

extern char **environ;

/* 1 when environment entry zEntry ("NAME=value") sets variable zVar. */
static int sets_var(const char *zEntry, const char *zVar) {
  size_t n = strlen(zVar);
  return !strncmp(zEntry, zVar, n) && zEntry[n] == '=';
}

/* Our environment with the connection's options as libpq's variables
** (replacing any inherited value of the same variable).  A NULL-terminated
** array of malloc'd strings; free with env_free(). */
static char **client_env(PGconn *pg) {
  PQconninfoOption *aOpt = PQconninfo(pg);
  size_t nEnv = 0, nOpt = 0, k = 0;
  while (environ[nEnv]) nEnv++;
  for (PQconninfoOption *o = aOpt; o && o->keyword; o++) nOpt++;
  char **az = xmalloc((nEnv + nOpt + 1) * sizeof *az);
  for (PQconninfoOption *o = aOpt; o && o->keyword; o++)
    if (o->envvar && o->val && o->val[0]) az[k++] = mprintf("%s=%s", o->envvar, o->val);
  for (size_t i = 0; i < nEnv; i++) {
    int bMine = 0;
    for (PQconninfoOption *o = aOpt; o && o->keyword && !bMine; o++)
      bMine = o->envvar && o->val && o->val[0] && sets_var(environ[i], o->envvar);
    if (!bMine) az[k++] = xstrdup(environ[i]);
  }
  az[k] = NULL;
  PQconninfoFree(aOpt);
  return az;
}

static void env_free(char **az) {
  for (size_t i = 0; az[i]; i++) free(az[i]);
  free(az);
}

/* Starts azArg[0] (looked up in PATH) with environment azEnv, standard
** input /dev/null, standard output fdOut, standard error ours.  Returns its
** pid, or -1 with errno set (ENOENT: not installed). */
static pid_t spawn(char *const *azArg, char *const *azEnv, int fdOut) {
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&fa, fdOut, 1);
  pid_t pid;
  int rc = posix_spawnp(&pid, azArg[0], &fa, NULL, azArg, azEnv);
  posix_spawn_file_actions_destroy(&fa);
  if (rc) { errno = rc; return -1; }
  return pid;
}

/* Waits for pid: its exit status 0..255, or 256 + the signal that ended it. */
static int wait_for(pid_t pid) {
  int st;
  while (waitpid(pid, &st, 0) < 0)
    if (errno != EINTR) return 256;
  return WIFEXITED(st) ? WEXITSTATUS(st) : 256 + (WIFSIGNALED(st) ? WTERMSIG(st) : 0);
}

/* Why program zProg, which ended with status (wait_for) or could not
** start (status -1, errno), failed; zNot says what was therefore not done.
** A heap string. */
static char *prog_why(const char *zProg, int status, const char *zNot) {
  if (status < 0 && errno == ENOENT)
    return mprintf("找不到 %s：请安装 PostgreSQL 客户端程序"
                   "（Debian：apt-get install postgresql-client-15，版本不低于服务器）",
                   zProg);
  if (status < 0) return mprintf("无法运行 %s：%s", zProg, strerror(errno));
  if (status > 255) return mprintf("%s 被信号 %d 终止，%s", zProg, status - 256, zNot);
  return mprintf("%s 失败（退出状态 %d，原因见上方 %s 的消息），%s", zProg, status,
                 zProg, zNot);
}

static int prog_fail(Store *s, const char *zProg, int status) {
  char *z = prog_why(zProg, status, "未写入备份");
  store_fail(s, STORE_ERROR, "%s", z);
  free(z);
  return STORE_ERROR;
}

/* pg_restore --list of archive zPath: 0 when it reads as a custom-format
** archive with at least one table's data, else the error is set. */
static int check_archive(Store *s, char **azEnv, const char *zPath) {
  int aFd[2];
  if (pipe2(aFd, O_CLOEXEC) != 0)
    return store_fail(s, STORE_ERROR, "无法检查备份：%s", strerror(errno));
  char *azArg[] = {"pg_restore", "--list", (char *)zPath, NULL};
  pid_t pid = spawn(azArg, azEnv, aFd[1]);
  int e = errno;
  close(aFd[1]);
  Buf b = BUF_INIT;
  char aChunk[8192];
  ssize_t n;
  if (pid > 0)
    while ((n = read(aFd[0], aChunk, sizeof aChunk)) > 0 ||
           (n < 0 && errno == EINTR))
      if (n > 0) buf_append(&b, aChunk, (size_t)n);
  close(aFd[0]);
  errno = e;
  int status = pid > 0 ? wait_for(pid) : -1;
  int rc = STORE_OK;
  if (status != 0) rc = prog_fail(s, "pg_restore --list", status);
  else if (!b.z || !strstr(b.z, " TABLE DATA "))
    rc = store_fail(s, STORE_ERROR, "pg_dump 写出的备份中没有任何表的数据，未写入备份");
  buf_free(&b);
  return rc;
}

/* Makes the directory entry of zPath durable (best effort). */
static void sync_dir_of(const char *zPath) {
  char *zDir = xstrdup(zPath);
  char *zSlash = strrchr(zDir, '/');
  if (zSlash) zSlash[1] = 0;
  else strcpy(zDir, ".");
  int fd = open(zDir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0) {
    fsync(fd);
    close(fd);
  }
  free(zDir);
}

/* pg_dump into the open temporary file fd, then its check.  STORE_OK or
** the error set. */
static int dump_into(Store *s, char **azEnv, int fd, const char *zTmp) {
  char *azArg[] = {"pg_dump", "--format=custom", "--no-password", NULL};
  pid_t pid = spawn(azArg, azEnv, fd);
  int status = pid > 0 ? wait_for(pid) : -1;
  if (status != 0) return prog_fail(s, "pg_dump", status);
  if (fsync(fd) != 0)
    return store_fail(s, STORE_ERROR, "写入备份失败：%s", strerror(errno));
  return check_archive(s, azEnv, zTmp);
}

int store_pg_backup(Store *s, const char *zTo) {
  struct stat sb;
  if (stat(zTo, &sb) == 0) return store_fail(s, STORE_CONFLICT, "备份目标已存在：%s", zTo);
  char *zTmp = mprintf("%s.partial-%ld", zTo, (long)getpid());
  int fd = open(zTmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    int rc = store_fail(s, STORE_ERROR, "无法创建备份文件 %s：%s", zTmp, strerror(errno));
    free(zTmp);
    return rc;
  }
  char **azEnv = client_env(s->pg);
  int rc = dump_into(s, azEnv, fd, zTmp);
  env_free(azEnv);
  if (close(fd) != 0 && rc == STORE_OK)
    rc = store_fail(s, STORE_ERROR, "写入备份失败：%s", strerror(errno));
  /* link, not rename: a file that appeared at zTo meanwhile is kept. */
  if (rc == STORE_OK && link(zTmp, zTo) != 0)
    rc = store_fail(s, errno == EEXIST ? STORE_CONFLICT : STORE_ERROR,
                    "无法创建备份文件 %s：%s", zTo, strerror(errno));
  unlink(zTmp);
  if (rc == STORE_OK) sync_dir_of(zTo);
  free(zTmp);
  return rc;
}

/* The number of tables in the database pg is connected to, outside the
** system schemas; -1 when the query fails. */
static long user_tables(PGconn *pg) {
  PGresult *r = PQexec(pg,
      "SELECT count(*) FROM pg_catalog.pg_class c"
      " JOIN pg_catalog.pg_namespace n ON n.oid=c.relnamespace"
      " WHERE c.relkind IN ('r','p') AND n.nspname NOT IN"
      " ('pg_catalog','information_schema') AND n.nspname NOT LIKE 'pg_toast%'");
  long n = PQresultStatus(r) == PGRES_TUPLES_OK ? atol(PQgetvalue(r, 0, 0)) : -1;
  PQclear(r);
  return n;
}

int store_pg_restore(const char *zConn, const char *zFrom, char **pzErr) {
  *pzErr = NULL;
  PGconn *pg = PQconnectdb(zConn);
  if (PQstatus(pg) != CONNECTION_OK) {
    store_log_raw("postgres", PQerrorMessage(pg));
    PQfinish(pg);
    *pzErr = mprintf("无法连接 PostgreSQL 数据库（详情见日志）");
    return STORE_ERROR;
  }
  long nTable = user_tables(pg);
  char **azEnv = client_env(pg);
  /* Without a database pg_restore writes a script: its name (never a
  ** secret) is the one connection argument; the rest is in the
  ** environment. */
  char *zDbArg = mprintf("--dbname=%s", PQdb(pg));
  PQfinish(pg);
  int rc = STORE_OK;
  if (nTable != 0) {
    *pzErr = nTable < 0 ? mprintf("无法检查目标数据库")
                        : mprintf("目标数据库中已有数据表：只恢复到新建的空数据库，不会覆盖");
    rc = STORE_CONFLICT;
  } else {
    char *azArg[] = {"pg_restore", "--exit-on-error", "--single-transaction",
                     "--no-owner", "--no-password", zDbArg, (char *)zFrom, NULL};
    pid_t pid = spawn(azArg, azEnv, 1);
    int status = pid > 0 ? wait_for(pid) : -1;
    if (status != 0) {
      *pzErr = prog_why("pg_restore", status, "未恢复任何数据");
      rc = STORE_ERROR;
    }
  }
  free(zDbArg);
  env_free(azEnv);
  return rc;
}
