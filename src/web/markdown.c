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
  buf_puts(b, zHtml ? zHtml : "");
  free(zHtml);
  cmark_node_free(doc);
  cmark_parser_free(p);
}
