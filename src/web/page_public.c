/*
** page_public.c — the public entry pages of the foundation: the home page
** (organisations and links), static files and robots.txt.  The portal issue
** extends the home page with documents, the catalogue and search.
*/
#include <string.h>

#include "core/session.h"
#include "lib/embed.h"
#include "web/pages.h"
#include "web/portal.h"

/* The top two levels of the tree: each root and the units directly below
** it; each unit's page lists the next level.  A query per root: bounded
** by the roots, not by a province's thousands of units.  *paSub[i] and
** *pnSub[i] are root i's children; STORE_OK or the failure. */
static int home_levels(Req *r, Org **paRoot, int *pnRoot, Org ***paaSub, int **panSub) {
  int rc = store_org_children(r->store, &r->arena, 0, paRoot, pnRoot);
  if (rc != STORE_OK) return rc;
  *paaSub = arena_alloc(&r->arena, sizeof(Org *) * (size_t)(*pnRoot + 1));
  *panSub = arena_alloc(&r->arena, sizeof(int) * (size_t)(*pnRoot + 1));
  for (int i = 0; i < *pnRoot && rc == STORE_OK; i++)
    rc = store_org_children(r->store, &r->arena, (*paRoot)[i].id, &(*paaSub)[i],
                            &(*panSub)[i]);
  return rc;
}

int page_home(Req *r) {
  Org *aRoot, **aaSub;
  int nRoot, *anSub;
  if (home_levels(r, &aRoot, &nRoot, &aaSub, &anSub) != STORE_OK) {
    http_store_error(r, store_errcode(r->store));
    return 0;
  }
  page_begin(r, "首页");
  req_puts(r, "<h1>政府信息公开</h1>\n"
              "<p>依据《中华人民共和国政府信息公开条例》，本站公开各单位的政府信息。</p>\n"
              );
  portal_site_home_sections(r);  /* search form, latest documents */
  req_puts(r, "<h2>公开单位</h2>\n");
  if (nRoot == 0) req_puts(r, "<p>尚未设立公开单位。</p>\n");
  else req_puts(r, "<ul class=\"orgtree\">\n");
  for (int i = 0; i < nRoot; i++) {
    req_printf(r, "<li class=\"depth-0\"><a href=\"/o/%u\">%h</a></li>\n",
               aRoot[i].zSlug, aRoot[i].zName);
    for (int k = 0; k < anSub[i]; k++)
      req_printf(r, "<li class=\"depth-1\"><a href=\"/o/%u\">%h</a></li>\n",
                 aaSub[i][k].zSlug, aaSub[i][k].zName);
  }
  if (nRoot) req_puts(r, "</ul>\n");
  page_end(r);
  return 0;
}

/* The larger-text setting: a cookie for a year, then back to the page. */
int page_textsize(Req *r) {
  const char *zSize = req_param_or(r, "size", "");
  /* Back to the page the link was on, when it is on this site. */
  const char *zNext = req_param(r, "next");
  if (!zNext) zNext = page_referer_path(r);
  if (!zNext) zNext = "/";
  if (strcmp(zSize, "large") && strcmp(zSize, "normal")) {
    http_error(r, 400, "字号设置无效");
    return 0;
  }
  /* Only a path on this site: never an absolute or protocol-relative URL,
  ** nor one a browser turns into one (it drops a tab: "/\t/x" is "//x"). */
  if (!login_next_ok(zNext)) zNext = "/";
  r->bNoCache = 1;
  req_header(r, "Set-Cookie",
             req_fmt(r, "gk_text=%s; Path=/; Max-Age=%d; SameSite=Lax%s", zSize,
                     !strcmp(zSize, "large") ? 31536000 : 0,
                     r->cfg && r->cfg->bCookieSecure ? "; Secure" : ""));
  req_redirect(r, req_strdup(r, zNext));
  return 0;
}

int page_static(Req *r) {
  const Embedded *e = embed_find(aAsset, req_arg(r, 0));
  if (!e) {
    http_error(r, 404, "文件不存在");
    return 0;
  }
  buf_append(&r->out, e->pData, e->nData);
  r->zType = e->zType;
  req_header(r, "Cache-Control", "public, max-age=3600");
  return 0;
}

int page_robots(Req *r) {
  r->zType = "text/plain; charset=utf-8";
  req_puts(r, "User-agent: *\nDisallow: /staff\nDisallow: /admin\n"
              "Disallow: /login\nSitemap: /sitemap.xml\n");
  return 0;
}
