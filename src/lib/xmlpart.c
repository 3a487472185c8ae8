/* xmlpart.c — an untrusted OOXML part through libxml2 (see xmlpart.h). */
#include "lib/xmlpart.h"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <limits.h>
#include <pthread.h>

static void init_parser(void) { xmlInitParser(); }

/* SAX hook for <!DOCTYPE …>: marks the part and stops the parser before
** the internal subset (entity declarations) is read. */
static void on_doctype(void *pCtx, const xmlChar *zName, const xmlChar *zExt,
                       const xmlChar *zSys) {
  xmlParserCtxtPtr c = pCtx;
  *(int *)c->_private = 1;
  xmlStopParser(c);
}

void xmlpart_init(void) {
  static pthread_once_t once = PTHREAD_ONCE_INIT;
  pthread_once(&once, init_parser);
}

xmlDocPtr xmlpart_read(const char *p, size_t n, int *pWhy) {
  xmlpart_init();
  *pWhy = XMLPART_BAD;
  if (n == 0 || n > (size_t)INT_MAX) return NULL;
  xmlParserCtxtPtr c = xmlCreateMemoryParserCtxt(p, (int)n);
  if (!c) return NULL;
  int bDoctype = 0;
  c->_private = &bDoctype;
  c->sax->internalSubset = on_doctype;
  xmlCtxtUseOptions(c, XML_PARSE_NONET | XML_PARSE_NOERROR |
                           XML_PARSE_NOWARNING);
  xmlParseDocument(c);
  xmlDocPtr d = c->myDoc;
  c->myDoc = NULL;
  if (bDoctype || !c->wellFormed || !d || !xmlDocGetRootElement(d)) {
    if (d) xmlFreeDoc(d);
    d = NULL;
    if (bDoctype) *pWhy = XMLPART_DTD;
  }
  xmlFreeParserCtxt(c);
  return d;
}
