/* markdown.c — Markdown rendering with cmark-gfm (see markdown.h). */
#include "web/markdown.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

static pthread_once_t once = PTHREAD_ONCE_INIT;

static void register_extensions(void) {
  cmark_gfm_core_extensions_ensure_registered();
}

/* Appends zHtml (cmark's output) to b with every table inside a box that
** scrolls sideways on a narrow screen and can be reached with the
** keyboard (a named, focusable region: axe scrollable-region-focusable).
** "<table>" only occurs in cmark's output as a table it made: text and
** raw HTML in the source come out escaped or as a comment. */
static void append_wrapping_tables(Buf *b, const char *zHtml) {
  static const char zOpen[] = "<table>", zClose[] = "</table>";
  int n = 0;
  const char *z = zHtml;
  for (;;) {
    const char *zT = strstr(z, zOpen);
    const char *zE = zT ? strstr(zT, zClose) : NULL;
    if (!zT || !zE) break;
    zE += sizeof zClose - 1;
    buf_append(b, z, (size_t)(zT - z));
    buf_printf(b, "<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" "
                  "aria-label=\"正文表格%d\">", ++n);
    buf_append(b, zT, (size_t)(zE - zT));
    buf_puts(b, "</div>");
    z = zE;
  }
  buf_puts(b, z);
}

void md_to_html(Buf *b, const char *zMd) {
  static const char *azExt[] = {"table", "strikethrough", "autolink"};
  pthread_once(&once, register_extensions);
  cmark_parser *p = cmark_parser_new(CMARK_OPT_DEFAULT);
  if (!p) abort();
  for (size_t i = 0; i < sizeof azExt / sizeof azExt[0]; i++) {
    cmark_syntax_extension *e = cmark_find_syntax_extension(azExt[i]);
    if (e) cmark_parser_attach_syntax_extension(p, e);
  }
  const char *z = zMd ? zMd : "";
  cmark_parser_feed(p, z, strlen(z));
  cmark_node *doc = cmark_parser_finish(p);
  char *zHtml = cmark_render_html(doc, CMARK_OPT_DEFAULT,
                                  cmark_parser_get_syntax_extensions(p));
  append_wrapping_tables(b, zHtml ? zHtml : "");
  free(zHtml);
  cmark_node_free(doc);
  cmark_parser_free(p);
}
