/* docx.c — minimal .docx package writer on libzip (see docx.h). */
#include "lib/docx.h"

#include <stdlib.h>
#include <string.h>
#include <zip.h>

static const char zContentTypes[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
    "content-types\">"
    "<Default Extension=\"rels\" ContentType=\"application/"
    "vnd.openxmlformats-package.relationships+xml\"/>"
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    "<Override PartName=\"/word/document.xml\" ContentType=\"application/"
    "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
    "</Types>";

static const char zRels[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
    "relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas."
    "openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
    "Target=\"word/document.xml\"/></Relationships>";

/* Appends the XML of one paragraph; line breaks in the text become
** separate runs with <w:br/>. */
static void para_xml(Buf *b, const DocxPara *p) {
  static const char *aJc[] = {"both", "center", "right"};
  int e = p->eAlign >= 0 && p->eAlign <= 2 ? p->eAlign : 0;
  buf_printf(b,
             "<w:p><w:pPr><w:spacing w:line=\"560\" w:lineRule=\"exact\"/>"
             "<w:jc w:val=\"%s\"/>",
             aJc[e]); /*safe-for-%s: one of three literals*/
  if (e == 0 && !p->bNoIndent)
    buf_puts(b,
             "<w:ind w:firstLineChars=\"200\" "
             "w:firstLine=\"640\"/>");
  buf_puts(b, "</w:pPr>");
  const char *z = p->zText ? p->zText : "";
  int bFirst = 1;
  while (bFirst || *z) {
    size_t n = strcspn(z, "\n");
    char *zLine = xstrndup(z, n);
    buf_puts(b,
             "<w:r><w:rPr><w:rFonts w:ascii=\"SimSun\" w:hAnsi=\"SimSun\" "
             "w:eastAsia=\"宋体\"/>");
    if (p->bBold) buf_puts(b, "<w:b/>");
    buf_printf(b, "<w:sz w:val=\"%d\"/></w:rPr>", p->bBold ? 44 : 32);
    if (!bFirst) buf_puts(b, "<w:br/>");
    buf_printf(b, "<w:t xml:space=\"preserve\">%h</w:t></w:r>", zLine);
    free(zLine);
    bFirst = 0;
    z += n;
    if (*z == '\n') z++;
  }
  buf_puts(b, "</w:p>");
}

int docx_zip_parts(const char **aName, const char **aData,
                     const size_t *aLen, int n, Buf *pOut) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &err);
  zip_t *za = src ? zip_open_from_source(src, ZIP_TRUNCATE, &err) : NULL;
  int rc = -1;
  if (za) {
    zip_source_keep(src);
    rc = 0;
    for (int i = 0; rc == 0 && i < n; i++) {
      zip_source_t *s = zip_source_buffer(za, aData[i], aLen[i], 0);
      if (!s || zip_file_add(za, aName[i], s, ZIP_FL_ENC_UTF_8) < 0) {
        if (s) zip_source_free(s);
        rc = -1;
      }
    }
    if (rc == 0 && zip_close(za) < 0) rc = -1;
    if (rc != 0) zip_discard(za);
    zip_stat_t st;
    if (rc == 0 && zip_source_stat(src, &st) == 0 &&
        zip_source_open(src) == 0) {
      char *q = xmalloc(st.size ? st.size : 1);
      zip_int64_t got = zip_source_read(src, q, st.size);
      zip_source_close(src);
      if (got == (zip_int64_t)st.size) buf_append(pOut, q, st.size);
      else rc = -1;
      free(q);
    } else if (rc == 0) {
      rc = -1;
    }
    zip_source_free(src);
  } else if (src) {
    zip_source_free(src);
  }
  zip_error_fini(&err);
  return rc;
}

int docx_build(const DocxPara *aPara, int n, Buf *pOut) {
  Buf doc = BUF_INIT;
  buf_puts(&doc,
           "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
           "<w:document xmlns:w=\"http://schemas.openxmlformats.org/"
           "wordprocessingml/2006/main\"><w:body>");
  for (int i = 0; i < n; i++) para_xml(&doc, &aPara[i]);
  buf_puts(&doc,
           "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
           "<w:pgMar w:top=\"2098\" w:right=\"1474\" w:bottom=\"1984\" "
           "w:left=\"1588\" w:header=\"851\" w:footer=\"992\" "
           "w:gutter=\"0\"/></w:sectPr></w:body></w:document>");
  static const char *aName[] = {"[Content_Types].xml", "_rels/.rels",
                                "word/document.xml"};
  const char *aData[] = {zContentTypes, zRels, buf_str(&doc)};
  size_t aLen[] = {sizeof zContentTypes - 1, sizeof zRels - 1, doc.n};
  int rc = docx_zip_parts(aName, aData, aLen, 3, pOut);
  buf_free(&doc);
  return rc;
}
