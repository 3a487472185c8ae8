/*
** fuzz_markdown.c — document bodies rendered from Markdown
** (web/markdown.c over cmark-gfm with the table, strikethrough and
** autolink extensions).  Besides memory errors it checks the one promise
** the renderer makes about output: raw HTML never passes through, so no
** "<script" can appear in the HTML.
*/
#include <stdlib.h>
#include <string.h>

#include "util.h"

#include "web/markdown.h"

int LLVMFuzzerTestOneInput(const uint8_t *p, size_t n) {
  if (n > 64 * 1024) return 0; /* bodies are bounded by the form limit */
  char *z = fuzz_cstr(p, n);
  Buf b = BUF_INIT;
  md_to_html(&b, z);
  if (b.n && strstr(buf_str(&b), "<script")) abort();
  buf_free(&b);
  free(z);
  return 0;
}
