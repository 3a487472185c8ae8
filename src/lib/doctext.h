/*
** doctext.h — what an uploaded attachment really is, and its text.
**
**  - doctext_mime() detects the type from the bytes (libmagic), refining
**    a bare ZIP container into DOCX or XLSX by looking at its entries, so
**    a renamed file is recognised by content, never by name or by the
**    type the browser declared.
**  - doctext_extract() returns the text the privacy scanner must read:
**    PDF through the `pdftotext` program of poppler-utils (run with
**    posix_spawn, no shell, from a private temporary file); DOCX from
**    word/document.xml and word/comments.xml; XLSX from the shared strings,
**    every sheet's cell values and the comments (an XML part saved in
**    UTF-16, with or without a byte-order mark, is decoded first; a UTF-16
**    part cut inside a unit is refused with a note).  It also reports what a
**    reader of the published file might not see: hidden or very hidden
**    sheets, comments, and tracked insertions and deletions.
**
** Limits: a DOCX/XLSX with an entry that inflates past DOCTEXT_MAX_ENTRY
** bytes, or parts read for text inflating past DOCTEXT_MAX_TOTAL bytes
** together (zip bombs; counted as they inflate, images are not read),
** more than 10,000 entries or a DTD in an XML part (an XML bomb; OPC
** forbids DTDs) fails with a note; the extracted text is capped at
** DOCTEXT_MAX_TEXT.  Images
** have no text (OCR is out of scope): the caller says so to the reviewer.
** Thread-safe (no globals; libmagic is opened per call).
*/
#ifndef GK_DOCTEXT_H
#define GK_DOCTEXT_H

#include <stddef.h>

#include "lib/buf.h"

#define DOCTEXT_MAX_ENTRY (32u * 1024u * 1024u) /* bytes per ZIP entry */
#define DOCTEXT_MAX_TOTAL (64u * 1024u * 1024u) /* bytes of all entries */
#define DOCTEXT_MAX_TEXT (8u * 1024u * 1024u)   /* bytes of text */
/* Bytes of `pdftotext -bbox` XHTML (about ten times the text). */
#define DOCTEXT_MAX_BBOX (32u * 1024u * 1024u)

#define DOCTEXT_MIME_PDF "application/pdf"
#define DOCTEXT_MIME_DOCX \
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
#define DOCTEXT_MIME_XLSX \
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

/* Writes the detected MIME type of p[0..n) into zOut (nOut bytes) and
** returns zOut; "application/octet-stream" when unknown. */
char *doctext_mime(const void *p, size_t n, char *zOut, size_t nOut);

/* 1 when zMime is an accepted attachment type: PDF, DOCX, XLSX, PNG,
** JPEG, GIF or WebP. */
int doctext_mime_allowed(const char *zMime);

/* A file-name extension for zMime (".pdf"), or "" when unknown. */
const char *doctext_ext(const char *zMime);

/* Appends the text of the file (type zMime) to pText and notes for the
** reviewer (Chinese, one per line: hidden sheets, comments, tracked
** changes) to pNotes.  Returns 0 when text was extracted, 1 when the type
** has no text (images), -1 on failure with the reason appended to pNotes
** (e.g. pdftotext missing or the file damaged). */
int doctext_extract(const char *zMime, const void *p, size_t n, Buf *pText,
                    Buf *pNotes);

/* How long pdftotext may run before it is killed (a crafted or huge PDF
** must not hold a request or an import). */
#define DOCTEXT_PDF_TIMEOUT_MS 20000

/* doctext_extract() with another limit for pdftotext (tests). */
int doctext_extract_timeout(const char *zMime, const void *p, size_t n,
                            Buf *pText, Buf *pNotes, int msTimeout);

/* The text of a PDF in its physical layout (`pdftotext -layout`: table
** cells stay on their row, separated by runs of spaces).  Returns 0, or
** -1 with the reason appended to pNotes. */
int doctext_pdf_layout(const void *p, size_t n, Buf *pText, Buf *pNotes,
                       int msTimeout);

/* The words of a PDF with their boxes (`pdftotext -bbox`: XHTML, see
** lib/pdf_words.h), appended to pXhtml.  Returns 0; 1 when the XHTML was
** cut at DOCTEXT_MAX_BBOX bytes (incomplete: use the layout text); -1
** with the reason in pNotes as doctext_pdf_layout(). */
int doctext_pdf_bbox(const void *p, size_t n, Buf *pXhtml, Buf *pNotes,
                     int msTimeout);

#endif
