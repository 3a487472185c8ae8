/*
** xmlpart.h — parsing one XML part of an uploaded OOXML package (DOCX,
** XLSX) with libxml2, safely: no network (XML_PARSE_NONET), no DTD
** loading, no entity substitution, libxml2's default limits on names,
** text nodes and nesting (no XML_PARSE_HUGE), and any document type
** declaration refused as the parser meets it (a SAX hook that stops the
** parser), whatever the part's encoding: OOXML parts never have one, and
** a DOCTYPE is what entity bombs and external entities need.  A check of
** the bytes for "<!DOCTYPE" is not enough: a UTF-16 part spells it with
** NUL bytes between the letters.
**
** libxml2 is initialised once (xmlInitParser), before threads share it.
*/
#ifndef GK_XMLPART_H
#define GK_XMLPART_H

#include <libxml/tree.h>
#include <stddef.h>

/* Why xmlpart_read() returned NULL. */
#define XMLPART_BAD 1   /* not well-formed XML (or too large to parse) */
#define XMLPART_DTD 2   /* has a document type declaration */

/* Initialises libxml2 once per process (thread-safe; xmlpart_read calls
** it).  Every other user of libxml2's parsers (the HTML readers of
** doctable.c and oldsite.c) calls it before parsing. */
void xmlpart_init(void);

/* Parses p[0..n) as described above.  Returns the document (free it with
** xmlFreeDoc), or NULL with *pWhy set to XMLPART_BAD or XMLPART_DTD. */
xmlDocPtr xmlpart_read(const char *p, size_t n, int *pWhy);

#endif
