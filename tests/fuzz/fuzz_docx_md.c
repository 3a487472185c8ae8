/*
** fuzz_docx_md.c — a Word upload read into a draft's Markdown
** (lib/docx_md.c: the new-document page's "从 Word 导入"): the ZIP, the
** part size cap, document/styles/numbering XML, headings, lists and
** tables; then the Markdown renderer on the result, as the draft shows it.
**
** Two kinds of input: a whole package ("PK\3\4…", the uploaded file), or
** "DOCUMENT \0 STYLES \0 NUMBERING", which this target packs into a
** package (fuzz_zip_pack) so that mutations reach the XML walk.  A
** refusal must carry its message.
*/
#include <stdlib.h>
#include <string.h>

#include "util.h"

#include "lib/docx_md.h"

int LLVMFuzzerTestOneInput(const uint8_t *p, size_t n) {
  static const char *const azPart[] = {
    "word/document.xml", "word/styles.xml", "word/numbering.xml"};
  Buf pkg = BUF_INIT;
  char *z;
  size_t nZ;
  if (fuzz_is_zip(p, n)) {
    z = malloc(n ? n : 1);            /* exact size: ASan sees overreads */
    if (!z) abort();
    memcpy(z, p, n);
    nZ = n;
  } else {
    if (fuzz_zip_pack(p, n, azPart, 3, NULL, &pkg)) {
      buf_free(&pkg);
      return 0;
    }
    nZ = pkg.n;
    z = buf_steal(&pkg);
  }
  Buf md = BUF_INIT;
  char *zTitle = NULL, zErr[256] = "";
  if (docx_to_markdown(z, nZ, &md, &zTitle, zErr, sizeof zErr)) {
    if (!zErr[0] || md.n) abort();    /* a refusal says why, adds nothing */
  }
  free(zTitle);
  buf_free(&md);
  free(z);
  return 0;
}
