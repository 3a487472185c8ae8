/*
** sitemap.h — the list of public pages.  One function enumerates every
** public URL (home, organisation pages, documents, catalogues, feeds …) so
** that sitemap.xml and `gongkai export-site` cannot disagree.  Each feature
** with public pages adds one enumerator to the table in sitemap.c.
*/
#ifndef GK_SITEMAP_H
#define GK_SITEMAP_H

#include "http/req.h"

typedef struct SitePaths {
  const char **azPath;   /* URL paths, in the arena */
  int n, nAlloc;
} SitePaths;

/* Appends a path (copied into a). */
void site_path_add(SitePaths *p, Arena *a, const char *zPath);

/* Every public page path.  Returns STORE_OK or a store error. */
int site_public_paths(Store *s, Arena *a, SitePaths *p);

/* GET /sitemap.xml */
int page_sitemap(Req *r);

#endif
