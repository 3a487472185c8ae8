/*
** catalogue.h — the catalogue's HTML pages: the public catalogue of an
** organisation (a tree by 一级/二级 事项, the 依申请公开目录 and the 负面
** 清单) with its CSV/XLSX download, and the staff pages to list, add,
** edit, reorder, delete, import and export items.  Staff pages require
** PERM_DOC_MANAGE on the organisation (req_can, so the disclosure office
** reaches the units below it and nobody reaches above).
*/
#ifndef GK_WEB_CATALOGUE_H
#define GK_WEB_CATALOGUE_H

#include "core/catalogue.h"
#include "http/req.h"
#include "web/sitemap.h"

/* ---- page_catalogue.c (public) ---- */
int page_catalogue_public(Req *r);   /* GET /o/{org}/catalogue */
int page_catalogue_export(Req *r);   /* GET /o/{org}/catalogue/export */

/* ---- page_catalogue_staff.c ---- */
int page_catalogue_orgs(Req *r);     /* GET /staff/catalogue */
int page_catalogue_list(Req *r);     /* GET /staff/catalogue/{org} */
int page_catalogue_edit(Req *r);     /* GET|POST …/{org}/new, …/items/{id} */
int page_catalogue_move(Req *r);     /* POST …/items/{id}/move */
int page_catalogue_delete(Req *r);   /* POST …/items/{id}/delete */
int page_catalogue_import(Req *r);   /* GET|POST …/{org}/import */

/* The public catalogue page of every organisation, for sitemap.xml and
** the static export (registered in sitemap.c). */
int catalogue_site_paths(Store *s, Arena *a, SitePaths *p);

/* For other pages (documents): a labelled <select name=zName> of the
** organisation's catalogue items grouped by list, with "（无）" = 0 and
** `selected` preselected.  Writes nothing when the store fails. */
void catalogue_item_select(Req *r, int64_t orgId, const char *zName,
                           int64_t selected);
/* "主动公开基本目录 · 规范性文件 · 规范性文件" for item id, in the request's
** arena; "" when there is no such item. */
const char *catalogue_item_label(Req *r, int64_t id);

/* The staff-home panel (registered in staff_home.c). */
void panel_catalogue(Req *r);

/* Shared by both files: the organisation named by the path capture i (id
** or slug) into *o; on failure sends 404 and returns 0. */
int catalogue_org_arg(Req *r, int i, Org *o);

#endif
