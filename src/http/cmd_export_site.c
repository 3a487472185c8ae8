/*
** cmd_export_site.c — `gongkai export-site --db PATH --out DIR`: writes the
** public portal as static files (the same bytes the server sends) for nginx
** or a CDN.  A page /a/b becomes DIR/a/b/index.html; a path whose last
** segment has an extension (sitemap.xml, static/site.css) keeps its name.
** Any other non-HTML answer (the attachment downloads /o/{org}/a/{id}.pdf
** etc. of published documents) is written as the plain file of that name.
** A second run rewrites only files whose bytes changed and deletes files of
** pages that are no longer public (withdrawn documents and their
** attachments), using the list of written files kept in DIR/.gongkai-export.
*/
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/commands.h"
#include "api/api_datasets.h"
#include "http/render.h"
#include "lib/embed.h"
#include "web/sitemap.h"

/* mkdir -p for the directory part of zPath. */
static int make_dirs(char *zPath) {
  for (char *p = zPath + 1; *p; p++) {
    if (*p != '/') continue;
    *p = 0;
    int rc = mkdir(zPath, 0755);
    *p = '/';
    if (rc && errno != EEXIST) return -1;
  }
  return 0;
}

/* Relative output file for a URL path answered with type zType, in the
** arena: an HTML page becomes PATH/index.html; a path whose last segment
** has an extension (the public attachment downloads /o/{org}/a/{id}.pdf
** etc. included), or any other type, is written as the plain file PATH,
** so the static server answers the same URL with the same bytes. */
static const char *file_for(Arena *a, const char *zPath, const char *zType) {
  const char *zLast = strrchr(zPath, '/');
  if (!strcmp(zPath, "/")) return "index.html";
  if (zLast && strchr(zLast, '.')) return arena_strdup(a, zPath + 1);
  if (zType && strncmp(zType, "text/html", 9)) return arena_strdup(a, zPath + 1);
  return arena_printf(a, "%s/index.html", zPath + 1);
}

/* 1 when the file at zFile holds exactly p[0..n). */
static int same_content(const char *zFile, const char *p, size_t n) {
  FILE *f = fopen(zFile, "rb");
  if (!f) return 0;
  int same = 1;
  char buf[65536];
  size_t off = 0, got;
  while (same && (got = fread(buf, 1, sizeof buf, f)) > 0) {
    if (off + got > n || memcmp(buf, p + off, got)) same = 0;
    off += got;
  }
  fclose(f);
  return same && off == n;
}

/* Writes atomically (temp file + rename). */
static int write_file(const char *zFile, const char *p, size_t n) {
  char *zTmp = mprintf("%s.tmp%d", zFile, (int)getpid());
  FILE *f = fopen(zTmp, "wb");
  int ok = f && fwrite(p, 1, n, f) == n;
  if (f && fclose(f)) ok = 0;
  if (ok && rename(zTmp, zFile)) ok = 0;
  if (!ok) unlink(zTmp);
  free(zTmp);
  return ok ? 0 : -1;
}

static int in_list(const char **az, int n, const char *z) {
  for (int i = 0; i < n; i++)
    if (!strcmp(az[i], z)) return 1;
  return 0;
}

int cmd_export_site(int argc, char **argv) {
  const char *zDb = CLI_DEFAULT_DB, *zOut = NULL, *zBase = "";
  CliOpt aOpt[] = {{"--db", 0, &zDb}, {"--out", 0, &zOut}, {"--base-url", 0, &zBase}};
  char **aPos;
  int nPos, bHelp;
  int rc = cli_parse("export-site", argc, argv, 1, aOpt, 3, &aPos, &nPos, &bHelp);
  if (rc) return rc;
  if (bHelp) {
    puts("usage: gongkai export-site [--db PATH] --out DIR [--base-url URL]\n\n"
         "Writes the public portal as static files (search excepted: its form\n"
         "points to the live server).  Re-running rewrites only what changed\n"
         "and removes pages that are no longer public.  --base-url is used for\n"
         "absolute links (sitemap.xml, feeds).");
    return 0;
  }
  if (!zOut || nPos) {
    fputs("gongkai export-site: --out DIR is required\n", stderr);
    return 2;
  }
  if (mkdir(zOut, 0755) && errno != EEXIST) {
    fprintf(stderr, "gongkai export-site: cannot create %s: %s\n", zOut, strerror(errno));
    return 1;
  }
  Store *s = NULL;
  char *zErr = NULL;
  if (store_open(zDb, 0, &s, &zErr) != STORE_OK) {
    fprintf(stderr, "gongkai export-site: %s\n", zErr ? zErr : "cannot open database");
    free(zErr);
    return 1;
  }
  ServerConfig cfg;
  memset(&cfg, 0, sizeof cfg);
  cfg.zDbPath = zDb;
  cfg.zBaseUrl = zBase;
  Arena a = ARENA_INIT;
  SitePaths paths;
  memset(&paths, 0, sizeof paths);
  rc = site_public_paths(s, &a, &paths);
  if (rc != STORE_OK) {
    fprintf(stderr, "gongkai export-site: %s\n", store_errmsg(s));
    store_close(s);
    arena_free(&a);
    return 1;
  }
  site_path_add(&paths, &a, "/robots.txt");
  site_path_add(&paths, &a, "/sitemap.xml");
  for (const Embedded *e = aAsset; e->zName; e++)
    site_path_add(&paths, &a, arena_printf(&a, "/static/%s", e->zName));

  /* The previous run's files. */
  const char **azOld = NULL;
  int nOld = 0, nOldAlloc = 0;
  char *zManifest = arena_printf(&a, "%s/.gongkai-export", zOut);
  FILE *f = fopen(zManifest, "r");
  if (f) {
    char line[4096];
    while (fgets(line, sizeof line, f)) {
      line[strcspn(line, "\n")] = 0;
      if (!line[0]) continue;
      ARENA_PUSH(&a, azOld, nOld, nOldAlloc);
      azOld[nOld++] = arena_strdup(&a, line);
    }
    fclose(f);
  }
  const char **azNew = arena_alloc(&a, sizeof(char *) * (size_t)(paths.n + 1));
  int nNew = 0, nWritten = 0, nSame = 0, nRemoved = 0;
  Buf body = BUF_INIT;
  rc = 0;
  for (int i = 0; i < paths.n && !rc; i++) {
    const char *zType;
    int status;
    render_path(s, &cfg, paths.azPath[i], &body, &zType, &status);
    if (status != 200) {
      fprintf(stderr, "gongkai export-site: %s answered %d\n", paths.azPath[i], status);
      rc = 1;
      break;
    }
    const char *zRel = file_for(&a, paths.azPath[i], zType);
    if (strstr(zRel, "..")) continue; /* never write outside DIR */
    char *zFile = arena_printf(&a, "%s/%s", zOut, zRel);
    azNew[nNew++] = zRel;
    if (same_content(zFile, body.z ? body.z : "", body.n)) {
      nSame++;
      continue;
    }
    if (make_dirs(zFile) || write_file(zFile, body.z ? body.z : "", body.n)) {
      fprintf(stderr, "gongkai export-site: cannot write %s: %s\n", zFile, strerror(errno));
      rc = 1;
      break;
    }
    nWritten++;
  }
  buf_free(&body);
  if (!rc) {
    for (int i = 0; i < nOld; i++) {
      if (in_list(azNew, nNew, azOld[i]) || strstr(azOld[i], "..")) continue;
      if (unlink(arena_printf(&a, "%s/%s", zOut, azOld[i])) == 0) nRemoved++;
    }
    Buf m = BUF_INIT;
    for (int i = 0; i < nNew; i++) {
      buf_puts(&m, azNew[i]);
      buf_putc(&m, '\n');
    }
    if (write_file(zManifest, buf_str(&m), m.n)) rc = 1;
    buf_free(&m);
    printf("export-site: %d files, %d written, %d unchanged, %d removed\n", nNew,
           nWritten, nSame, nRemoved);
  }
  /* The bulk downloads, at the addresses the API serves them from, so a
  ** CDN in front of the export answers /api/v1/datasets/… as well. */
  if (!rc) {
    char *zDs = arena_printf(&a, "%s/api/v1/datasets", zOut);
    char *zErrDs = NULL;
    if (make_dirs(arena_printf(&a, "%s/x", zDs)) || datasets_build(s, zDs, zBase, &zErrDs)) {
      fprintf(stderr, "gongkai export-site: %s\n", zErrDs ? zErrDs : "cannot create datasets");
      rc = 1;
    } else {
      printf("export-site: open data written to %s\n", zDs);
    }
    free(zErrDs);
  }
  store_close(s);
  arena_free(&a);
  return rc;
}
