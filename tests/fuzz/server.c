/* server.c — the real server inside a fuzz target (see server.h). */
#include "server.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include "cli/commands.h"
#include "http/server.h"
#include "lib/crypto.h"

static ServerConfig cfg;
static char zHost[32];
static int port;

static void *serve(void *p) {
  (void)p;
  server_run(&cfg);
  return NULL;
}

/* A port the kernel says is free now. */
static int free_port(void) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in sa = {0};
  socklen_t len = sizeof sa;
  sa.sin_family = AF_INET;
  sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (fd < 0 || bind(fd, (struct sockaddr *)&sa, sizeof sa) ||
      getsockname(fd, (struct sockaddr *)&sa, &len))
    abort();
  close(fd);
  return ntohs(sa.sin_port);
}

static int dial(void) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in sa = {0};
  sa.sin_family = AF_INET;
  sa.sin_port = htons((uint16_t)port);
  sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (fd < 0) abort();
  if (connect(fd, (struct sockaddr *)&sa, sizeof sa)) {
    close(fd);
    return -1;
  }
  /* Close with a reset: no TIME_WAIT left behind on either side. */
  struct linger lg = {1, 0};
  setsockopt(fd, SOL_SOCKET, SO_LINGER, &lg, sizeof lg);
  struct timeval tv = {20, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
  return fd;
}

/* Runs a gongkai subcommand in-process with its stdout silenced. */
static void run_cmd(int (*xCmd)(int, char **), const char *zName, char *zDb) {
  char *argv[] = {(char *)zName, "--db", zDb, NULL};
  fflush(stdout);
  int saved = dup(1), null = open("/dev/null", O_WRONLY);
  dup2(null, 1);
  int rc = xCmd(3, argv);
  fflush(stdout);
  dup2(saved, 1);
  close(saved);
  close(null);
  if (rc) {
    fprintf(stderr, "fuzz: gongkai %s failed\n", zName);
    abort();
  }
}

static char zDir[] = "/tmp/gk-fuzz-XXXXXX";

/* Removes the temporary database when the fuzzer exits. */
static void remove_dir(void) {
  static const char *const azFile[] = {"gongkai.db", "gongkai.db-wal", "gongkai.db-shm",
                                       "gongkai.key"};
  char z[96];
  for (size_t i = 0; i < sizeof azFile / sizeof azFile[0]; i++) {
    snprintf(z, sizeof z, "%s/%s", zDir, azFile[i]);
    unlink(z);
  }
  rmdir(zDir);
}

void fuzz_server_start(void) {
  static char zDb[64], zBase[64];
  if (port) return;
  if (!mkdtemp(zDir) || crypto_init()) abort();
  atexit(remove_dir);
  snprintf(zDb, sizeof zDb, "%s/gongkai.db", zDir);
  run_cmd(cmd_init, "init", zDb);
  run_cmd(cmd_demo, "demo", zDb);
  port = free_port();
  snprintf(zHost, sizeof zHost, "127.0.0.1:%d", port);
  snprintf(zBase, sizeof zBase, "http://%s", zHost);
  cfg.zDbPath = zDb;
  cfg.zListen = zHost;
  cfg.zBaseUrl = zBase;
  cfg.zSecretKey = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
  cfg.nThreads = 2;
  cfg.nMaxBody = 1 << 20;
  cfg.nBodyMemory = 64 << 20;
  cfg.requestTimeout = 30;
  cfg.perAddrConnections = 32;
  cfg.sessionIdle = 7200;
  cfg.sessionAbsolute = 43200;
  pthread_t t;
  if (pthread_create(&t, NULL, serve, NULL)) abort();
  pthread_detach(t);
  for (int i = 0; i < 500; i++) {
    int fd = dial();
    if (fd >= 0) {
      close(fd);
      return;
    }
    usleep(10000);
  }
  fprintf(stderr, "fuzz: the server did not start on %s\n", zHost);
  abort();
}

const char *fuzz_server_host(void) { return zHost; }

int fuzz_http(const char *req, size_t n, Buf *pResp) {
  /* Thousands of connections a second can briefly exhaust the loopback's
  ** ports or the listen queue: retry for up to 5 s before calling the
  ** server gone. */
  int fd = -1;
  for (int i = 0; fd < 0 && i < 250; i++) {
    fd = dial();
    if (fd < 0) usleep(20000);
  }
  if (fd < 0) {
    fprintf(stderr, "fuzz: cannot connect to %s: %s\n", zHost, strerror(errno));
    abort(); /* the server is gone */
  }
  for (size_t off = 0; off < n;) {
    ssize_t k = send(fd, req + off, n - off, MSG_NOSIGNAL);
    if (k <= 0) break; /* the server may answer (413, 400) and close early */
    off += (size_t)k;
  }
  char a[8192];
  Buf head = BUF_INIT;
  ssize_t k;
  while ((k = recv(fd, a, sizeof a, 0)) > 0) {
    if (head.n < 64) buf_append(&head, a, (size_t)k);
    if (pResp) buf_append(pResp, a, (size_t)k);
  }
  close(fd);
  int status = 0;
  if (head.n >= 12 && !memcmp(head.z, "HTTP/1.", 7)) status = atoi(head.z + 9);
  buf_free(&head);
  return status;
}
