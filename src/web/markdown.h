/*
** markdown.h — Markdown to HTML for document bodies: CommonMark with the
** GitHub table, strikethrough and autolink extensions (cmark-gfm).  Raw
** HTML in the source is never passed through: the renderer runs without
** CMARK_OPT_UNSAFE, so it writes a comment in its place, and links with
** javascript: and similar schemes are dropped by cmark itself.
*/
#ifndef GK_MARKDOWN_H
#define GK_MARKDOWN_H

#include "lib/buf.h"

/* Appends the HTML rendering of zMd (UTF-8, may be NULL) to b.
** Thread-safe; allocation failure aborts. */
void md_to_html(Buf *b, const char *zMd);

#endif
