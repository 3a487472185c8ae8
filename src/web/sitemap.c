/* sitemap.c — the public page list and sitemap.xml (see sitemap.h). */
#include "web/sitemap.h"

#include <string.h>

#include "web/catalogue.h"
#include "web/documents.h"
#include "web/pages.h"
#include "web/portal.h"

void site_path_add(SitePaths *p, Arena *a, const char *zPath) {
  ARENA_PUSH(a, p->azPath, p->n, p->nAlloc);
  p->azPath[p->n++] = arena_strdup(a, zPath);
}

/* The foundation's pages: home and each organisation's home and guide. */
static int paths_orgs(Store *s, Arena *a, SitePaths *p) {
  Org *aOrg;
  int n, rc = store_org_tree(s, a, 0, &aOrg, &n);
  if (rc != STORE_OK) return rc;
  site_path_add(p, a, "/");
  for (int i = 0; i < n; i++) {
    site_path_add(p, a, arena_printf(a, "/o/%u", aOrg[i].zSlug));
    site_path_add(p, a, arena_printf(a, "/o/%u/guide", aOrg[i].zSlug));
  }
  return STORE_OK;
}

typedef int (*PathsFn)(Store *s, Arena *a, SitePaths *p);
/* Each feature with public pages adds its enumerator here. */
static const PathsFn aPaths[] = {
  paths_orgs,
  catalogue_site_paths,
  site_paths_documents,
  site_paths_portal,
};

int site_public_paths(Store *s, Arena *a, SitePaths *p) {
  for (size_t i = 0; i < sizeof aPaths / sizeof aPaths[0]; i++) {
    int rc = aPaths[i](s, a, p);
    if (rc != STORE_OK) return rc;
  }
  return STORE_OK;
}

int page_sitemap(Req *r) {
  SitePaths p;
  memset(&p, 0, sizeof p);
  if (site_public_paths(r->store, &r->arena, &p) != STORE_OK) {
    http_store_error(r, store_errcode(r->store));
    return 0;
  }
  r->zType = "application/xml; charset=utf-8";
  req_puts(r, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
              "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
  for (int i = 0; i < p.n; i++)
    req_printf(r, "<url><loc>%h%h</loc></url>\n", r->cfg->zBaseUrl, p.azPath[i]);
  req_puts(r, "</urlset>\n");
  return 0;
}
