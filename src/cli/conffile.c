/*
** conffile.c — the configuration file and GONGKAI_* environment variables
** as defaults for command-line options (see conffile.h for the contract).
**
** One table, aKey[], names every key a file may hold and checks its value,
** so an unknown key or a bad value is an error with its line number before
** anything starts.
*/
#include "cli/conffile.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/buf.h"

/* A value check: NULL when zVal is good, else why (a static string). */
typedef const char *(*ConfCheck)(const char *zVal);

static const char *check_text(const char *z) {
  return *z ? NULL : "must not be empty";
}

static const char *check_int(const char *z, long lo, long hi) {
  char *zEnd;
  long v = strtol(z, &zEnd, 10);
  if (!*z || *zEnd || v < lo || v > hi) return "out of range";
  return NULL;
}
static const char *check_threads(const char *z) { return check_int(z, 1, 256) ? "must be 1..256" : NULL; }
static const char *check_body(const char *z) { return check_int(z, 1, 1024) ? "must be 1..1024" : NULL; }
static const char *check_body_mem(const char *z) { return check_int(z, 1, 65536) ? "must be 1..65536" : NULL; }
static const char *check_per_addr(const char *z) { return check_int(z, 1, 1000) ? "must be 1..1000" : NULL; }
static const char *check_max_conn(const char *z) { return check_int(z, 1, 100000) ? "must be 1..100000" : NULL; }
static const char *check_secs(const char *z) { return check_int(z, 1, 3600) ? "must be 1..3600 seconds" : NULL; }

/* HOST:PORT or [IPV6]:PORT, port 0..65535. */
static const char *check_listen(const char *z) {
  const char *zColon = strrchr(z, ':');
  if (!zColon || zColon == z) return "must be HOST:PORT (IPv6: [ADDR]:PORT)";
  if (z[0] == '[' && zColon[-1] != ']') return "must be [IPV6]:PORT";
  if (check_int(zColon + 1, 0, 65535)) return "port must be 0..65535";
  return NULL;
}

static const char *check_url(const char *z) {
  if (strncmp(z, "http://", 7) && strncmp(z, "https://", 8))
    return "must start with http:// or https://";
  if (strpbrk(z, " \t\"<>")) return "must not hold spaces, quotes or angle brackets";
  return NULL;
}

/* One address or network: 10.0.0.1, 10.0.0.0/8, ::1, fd00::/8. */
static int cidr_ok(const char *z, size_t n) {
  char zAddr[64];
  const char *zSlash = memchr(z, '/', n);
  size_t nAddr = zSlash ? (size_t)(zSlash - z) : n;
  if (nAddr == 0 || nAddr >= sizeof zAddr) return 0;
  memcpy(zAddr, z, nAddr);
  zAddr[nAddr] = 0;
  unsigned char aBin[16];
  int bits;
  if (inet_pton(AF_INET, zAddr, aBin) == 1) bits = 32;
  else if (inet_pton(AF_INET6, zAddr, aBin) == 1) bits = 128;
  else return 0;
  if (!zSlash) return 1;
  char zBits[8];
  size_t nBits = n - nAddr - 1;
  if (nBits == 0 || nBits >= sizeof zBits) return 0;
  memcpy(zBits, zSlash + 1, nBits);
  zBits[nBits] = 0;
  return check_int(zBits, 0, bits) == NULL;
}

/* A list of networks separated by commas or spaces. */
static const char *check_cidrs(const char *z) {
  int n = 0;
  while (*z) {
    size_t k = strcspn(z, ", \t");
    if (k) {
      if (!cidr_ok(z, k)) return "must be addresses or networks (10.0.0.0/8, ::1)";
      n++;
    }
    z += k;
    z += strspn(z, ", \t");
  }
  return n ? NULL : "must name at least one address or network";
}

typedef struct ConfKey {
  const char *zName;  /* option name without dashes */
  ConfCheck xCheck;
} ConfKey;

static const ConfKey aKey[] = {
  {"db", check_text},
  {"listen", check_listen},
  {"threads", check_threads},
  {"max-body-mb", check_body},
  {"key-file", check_text},
  {"base-url", check_url},
  {"trusted-proxy", check_cidrs},
  {"metrics-allow", check_cidrs},
  {"request-timeout", check_secs},
  {"body-memory-mb", check_body_mem},
  {"max-conn-per-addr", check_per_addr},
  {"max-connections", check_max_conn},
  {"search-replica", check_text},
};
#define N_KEY (int)(sizeof aKey / sizeof aKey[0])

/* The loaded file: one value per key (NULL when absent). */
static char *azVal[N_KEY];
static char *zLoaded;

static int key_index(const char *zName, size_t n) {
  for (int i = 0; i < N_KEY; i++)
    if (strlen(aKey[i].zName) == n && !memcmp(aKey[i].zName, zName, n)) return i;
  return -1;
}

static char *trim(char *z) {
  while (*z == ' ' || *z == '\t') z++;
  size_t n = strlen(z);
  while (n && (z[n - 1] == ' ' || z[n - 1] == '\t' || z[n - 1] == '\r' || z[n - 1] == '\n'))
    z[--n] = 0;
  return z;
}

/* The value after '=': trimmed, a comment after it (a '#' after a space
** or tab) cut off. */
static char *value_of(char *z) {
  for (char *p = z; (p = strchr(p, '#')) != NULL; p++)
    if (p > z && (p[-1] == ' ' || p[-1] == '\t')) { *p = 0; break; }
  return trim(z);
}

/* Parses zPath into az[] (values malloc'd).  0, or 1 with *pzErr. */
static int parse_file(const char *zPath, char **az, char **pzErr) {
  FILE *f = fopen(zPath, "r");
  if (!f) { *pzErr = mprintf("%s: cannot read the file", zPath); return 1; }
  char zLine[4096];
  int iLine = 0, rc = 0;
  while (!rc && fgets(zLine, sizeof zLine, f)) {
    iLine++;
    if (!strchr(zLine, '\n') && !feof(f)) {
      *pzErr = mprintf("%s:%d: line too long", zPath, iLine);
      rc = 1;
      break;
    }
    char *z = trim(zLine);
    if (!*z || *z == '#') continue;
    char *zEq = strchr(z, '=');
    if (!zEq) { *pzErr = mprintf("%s:%d: expected key = value", zPath, iLine); rc = 1; break; }
    *zEq = 0;
    char *zKey = trim(z), *zVal = value_of(zEq + 1);
    int i = key_index(zKey, strlen(zKey));
    const char *zWhy = i < 0 ? NULL : *zVal == '"' || *zVal == '\'' ? "is written without quotes"
                                    : aKey[i].xCheck(zVal);
    if (i < 0) *pzErr = mprintf("%s:%d: unknown key '%s'", zPath, iLine, zKey);
    else if (az[i]) *pzErr = mprintf("%s:%d: '%s' is set twice", zPath, iLine, zKey);
    else if (zWhy) *pzErr = mprintf("%s:%d: %s %s", zPath, iLine, zKey, zWhy);
    else { az[i] = xstrdup(zVal); continue; }
    rc = 1;
  }
  fclose(f);
  return rc;
}

static void free_values(char **az) {
  for (int i = 0; i < N_KEY; i++) { free(az[i]); az[i] = NULL; }
}

int conf_check(const char *zPath, char **pzErr) {
  char *az[N_KEY] = {0};
  int rc = parse_file(zPath, az, pzErr);
  free_values(az);
  return rc;
}

int conf_load(const char *zPath, char **pzErr) {
  char *az[N_KEY] = {0};
  if (parse_file(zPath, az, pzErr)) { free_values(az); return 1; }
  free_values(azVal);
  memcpy(azVal, az, sizeof az);
  free(zLoaded);
  zLoaded = xstrdup(zPath);
  return 0;
}

const char *conf_path(void) { return zLoaded; }

const char *conf_value(const char *zOpt) {
  while (*zOpt == '-') zOpt++;
  int i = key_index(zOpt, strlen(zOpt));
  if (i < 0) return NULL;
  char zEnv[48] = "GONGKAI_";
  size_t n = strlen(zEnv);
  for (const char *z = zOpt; *z && n + 1 < sizeof zEnv; z++)
    zEnv[n++] = *z == '-' ? '_' : (char)toupper((unsigned char)*z);
  zEnv[n] = 0;
  const char *zE = getenv(zEnv);
  if (zE && *zE) return zE;
  return azVal[i];
}

int conf_from_args(int *pArgc, char **argv) {
  const char *zPath = NULL;
  int j = 1;
  for (int i = 1; i < *pArgc; i++) {
    if (!strcmp(argv[i], "--config")) {
      if (i + 1 >= *pArgc) { fputs("gongkai: --config needs a file\n", stderr); return 2; }
      zPath = argv[++i];
    } else if (!strncmp(argv[i], "--config=", 9)) {
      zPath = argv[i] + 9;
    } else {
      argv[j++] = argv[i];
    }
  }
  argv[j] = NULL;
  *pArgc = j;
  if (!zPath) zPath = getenv("GONGKAI_CONFIG");
  if (!zPath && access(CONF_DEFAULT_PATH, F_OK) == 0) zPath = CONF_DEFAULT_PATH;
  if (!zPath || !*zPath || !strcmp(zPath, "none")) return 0;
  char *zErr = NULL;
  if (conf_load(zPath, &zErr)) {
    fprintf(stderr, "gongkai: %s\n", zErr);
    free(zErr);
    return 2;
  }
  return 0;
}
