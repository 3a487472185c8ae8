/*
** docs_html.h — `gongkai docs import-html` (cmd_docs_html.c), called by
** cmd_docs.c once the database, organisation and user are known.
*/
#ifndef GK_DOCS_HTML_H
#define GK_DOCS_HTML_H

#include <stdint.h>

#include "store/store.h"

/* Imports each saved page as a published document, one transaction per
** page; prints one line per page imported and, on stderr, each page not
** imported with why.  Returns 0 when all were imported, else 1. */
int docs_import_html(Store *s, int64_t orgId, int64_t userId, char **azPage, int nPage);

#endif
