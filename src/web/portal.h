/*
** portal.h — the public portal of issue 4: full-text search (/search),
** document lists by organisation, catalogue item, Art. 20 item and year,
** the catalogue tree and latest documents on an organisation's home, Atom
** feeds, the CSV of a catalogue's documents, and the sitemap enumerator
** that puts all of them into sitemap.xml and `gongkai export-site`.
**
**   page_search.c   /search (form, filters, snippets, pagination)
**   page_portal.c   lists, home sections, feeds, CSV, sitemap enumerator
**   search_assist.c index numbers and 文号 brackets in a search
**
** Only published documents appear (the search index, store_search.h, holds
** exactly those); drafts and withdrawn documents never do.
*/
#ifndef GK_WEB_PORTAL_H
#define GK_WEB_PORTAL_H

#include "core/document.h"
#include "http/req.h"
#include "store/store.h"
#include "store/store_search.h"

int page_search(Req *r);            /* GET /search */
int page_open_data(Req *r);         /* GET /data (page_open_data.c) */
int page_portal_docs(Req *r);       /* GET /o/{org}/docs (all, filters) */
int page_portal_item(Req *r);       /* GET /o/{org}/items/{id} */
int page_portal_art20(Req *r);      /* GET /o/{org}/art20/{n} */
int page_portal_year(Req *r);       /* GET /o/{org}/year/{y} */
int page_portal_feed(Req *r);       /* GET /o/{org}/feed.atom */
int page_portal_item_feed(Req *r);  /* GET /o/{org}/items/{id}/feed.atom */
int page_portal_csv(Req *r);        /* GET /o/{org}/documents.csv?item=… */
/* page_portal_sections.c: the 专栏 sections that are not plain lists. */
int page_portal_art20_index(Req *r);      /* GET /o/{org}/art20 */
int page_portal_rules(Req *r);            /* GET /o/{org}/rules */
int page_portal_interpretations(Req *r);  /* GET /o/{org}/interpretations */
int page_portal_interact(Req *r);         /* GET /o/{org}/interact */

/* The portal sections of an organisation's home page (latest documents,
** browsing links, the catalogue tree); called by page_org_home(). */
void portal_org_home_sections(Req *r, const Org *o);

/* The portal sections of the site home page (search form, latest
** documents of every organisation); called by page_home(). */
void portal_site_home_sections(Req *r);

/* Where search forms send their query: "/search" on the server, the live
** server's absolute URL in the static export (which has no search). */
const char *portal_search_action(Req *r);
/* zPath (a page only the live server has: /search, /data), or in the
** static export the live server's absolute URL of it. */
const char *portal_live_path(Req *r, const char *zPath);

/* search_assist.c.  Writes, when query zQ is an index number (white space
** and full-width forms allowed) of a public document, a line
** (p.index-hit) linking to it: index numbers are not in the full text. */
void portal_search_index_hit(Req *r, const char *zQ);
/* Writes, when a search for zQ found nothing (total 0) and zQ has a year
** in [ ] ( ) （ ） 【 】 ［ ］ 〖 〗, a hint (p.docno-hint) linking to the same
** search with 〔 〕, the brackets of a 文号: the same filters, given as
** zFilters_html ("&amp;org=…&amp;year=…", URL-encoded, or ""). */
void portal_search_docno_hint(Req *r, const char *zQ, int total,
                              const char *zFilters_html);

/* Reads the filters shared by /search and /api/v1/search (org as slug or
** id, sub=1, year, item, art20, kind, validity, sort=relevance|date) into
** q (zQuery, offset and limit left 0).  Returns NULL, or a Chinese message
** for a bad value (nothing is searched then).  *pOrg receives the
** organisation and *pbOrg 1 when org= names one. */
const char *portal_search_params(Req *r, SearchQuery *q, Org *pOrg, int *pbOrg);

/* Appends to pOut the HTML snippet of document d for zQuery: from the
** first of body (Markdown heading marks and table pipes dropped), the raw
** body, title, 文号, keywords holding a match, with <mark>; else from the
** attachment text zAttText (store_search_attachment_text(); may be NULL)
** after a label <span class="snippet-source">附件</span>; else the start of
** the body.  Text is HTML-escaped. */
void portal_hit_snippet(Buf *pOut, const Doc *d, const char *zAttText,
                        const char *zQuery);

/* Sitemap enumerator: the portal's list pages and feeds of every
** organisation, and the CSV of its documents. */
typedef struct SitePaths SitePaths;
int site_paths_portal(Store *s, Arena *a, SitePaths *p);

#endif
