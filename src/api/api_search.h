/* api_search.h — GET /api/v1/search: full-text search over published
** documents as JSON (issue 4). */
#ifndef GK_API_SEARCH_H
#define GK_API_SEARCH_H

#include "http/req.h"

/* ?q=…&org=…&sub=1&year=…&item=…&art20=…&kind=…&validity=…
** &sort=relevance|date&page=…&per_page=… (1-100, default 20) →
** {"total": N, "page": P, "per_page": K, "results": [{"id", "index_number",
** "title", "snippet" (HTML with <mark>), "published", "org", "url"}…]}.
** 400 with a Chinese message for a missing or bad query or filter. */
int api_search(Req *r);

#endif
