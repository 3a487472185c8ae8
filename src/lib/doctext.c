/* doctext.c — attachment type detection and text extraction (see
** doctext.h). */
#include "lib/zipmem.h"
#include "lib/doctext.h"
#include "lib/utf8.h"

#include <errno.h>
#include <fcntl.h>
#include <magic.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <zip.h>

extern char **environ;

/* ---- ZIP containers ---------------------------------------------------- */


/* A package being read: the archive and the bytes inflated from it so
** far (at most DOCTEXT_MAX_TOTAL together). */
typedef struct Pkg {
  zip_t *z;
  size_t nInflated;
} Pkg;

/* ---- UTF-16 parts ------------------------------------------------------ */

/* The byte order of an XML part in UTF-16 (OPC allows UTF-8 and UTF-16;
** Word can save either): 'L' or 'B' by its byte-order mark (*pnSkip = 2)
** or, without one, by its first character '<' spelled with a NUL; 0 for
** UTF-8. */
static int utf16_order(const unsigned char *p, size_t n, size_t *pnSkip) {
  *pnSkip = 0;
  if (n < 2) return 0;
  if ((p[0] == 0xFF && p[1] == 0xFE) || (p[0] == 0xFE && p[1] == 0xFF)) *pnSkip = 2;
  if (*pnSkip) return p[0] == 0xFF ? 'L' : 'B';
  return p[0] == '<' && p[1] == 0 ? 'L' : p[0] == 0 && p[1] == '<' ? 'B' : 0;
}

/* Converts the part in b[n0..] to UTF-8 in place when it is UTF-16
** (surrogate pairs joined, a lone surrogate becomes U+FFFD).  0 when it is
** UTF-8 or was converted; -3 when its UTF-16 has an odd number of bytes
** (cut inside a unit). */
static int part_utf8(Buf *b, size_t n0) {
  if (!b->z || b->n <= n0) return 0;   /* an empty part */
  const unsigned char *p = (const unsigned char *)b->z + n0;
  size_t n = b->n - n0, k;
  int eOrder = utf16_order(p, n, &k);
  if (!eOrder) return 0;
  if ((n - k) % 2) return -3;
  Buf o = BUF_INIT;
  for (; k + 1 < n; k += 2) {
    uint32_t u = eOrder == 'L' ? (uint32_t)(p[k] | p[k + 1] << 8) : (uint32_t)(p[k] << 8 | p[k + 1]);
    if (u >= 0xD800 && u < 0xDC00 && k + 3 < n) {
      uint32_t v = eOrder == 'L' ? (uint32_t)(p[k + 2] | p[k + 3] << 8)
                                 : (uint32_t)(p[k + 2] << 8 | p[k + 3]);
      if (v >= 0xDC00 && v < 0xE000) {
        u = 0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00);
        k += 2;
      }
    }
    char a[4];
    buf_append(&o, a, (size_t)utf8_encode(u >= 0xD800 && u < 0xE000 ? 0xFFFD : u, a));
  }
  b->n = n0;
  buf_append(b, o.z ? o.z : "", o.n);
  buf_free(&o);
  return 0;
}

#define UTF16_NOTE "文件中的XML部件编码损坏（UTF-16文本不完整），无法检查，请人工审查\n"

/* Reads entry i (at most DOCTEXT_MAX_ENTRY bytes, and what is left of the
** package's DOCTEXT_MAX_TOTAL) into b, as UTF-8 (part_utf8); 0 ok, -1
** error, -2 when a limit stopped it (a member longer than its header
** said), -3 for a damaged UTF-16 part. */
static int zip_read_index(Pkg *pk, zip_int64_t i, Buf *b) {
  zip_file_t *f = zip_fopen_index(pk->z, (zip_uint64_t)i, 0);
  if (!f) return -1;
  char aBuf[16384];
  zip_int64_t k;
  size_t n0 = b->n;
  while ((k = zip_fread(f, aBuf, sizeof aBuf)) > 0) {
    if (b->n - n0 + (size_t)k > DOCTEXT_MAX_ENTRY ||
        (size_t)k > DOCTEXT_MAX_TOTAL - pk->nInflated)
      break;
    pk->nInflated += (size_t)k;
    buf_append(b, aBuf, (size_t)k);
  }
  zip_fclose(f);
  return k < 0 ? -1 : k > 0 ? -2 : part_utf8(b, n0);
}

static int zip_read_name(Pkg *pk, const char *zName, Buf *b) {
  zip_int64_t i = zip_name_locate(pk->z, zName, 0);
  return i < 0 ? -1 : zip_read_index(pk, i, b);
}

#define ZIP_BOMB_NOTE \
  "文件中的部件解压后超过限制（疑似压缩炸弹），无法完整检查，不予接收\n"

/* A DOCX or XLSX that no office program writes: an entry that inflates
** past DOCTEXT_MAX_ENTRY (a zip bomb: its text could not all be scanned)
** or an XML part with a DTD (entity expansion; OPC forbids DTDs in
** package parts).  Appends the reason to pNotes and returns -1; else 0. */
static int zip_hostile(zip_t *z, Buf *pNotes) {
  zip_int64_t nEntry = zip_get_num_entries(z, 0);
  if (nEntry > 10000) {
    buf_puts(pNotes, "文件中的条目过多（疑似恶意构造的文件），不予接收\n");
    return -1;
  }
  for (zip_int64_t i = 0; i < nEntry; i++) {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(z, (zip_uint64_t)i, 0, &st) || !(st.valid & ZIP_STAT_SIZE)) continue;
    if (st.size > DOCTEXT_MAX_ENTRY) {
      buf_puts(pNotes, "文件中的部件解压后超过 32 MB（疑似压缩炸弹），无法完整检查，不予接收\n");
      return -1;
    }
    char aHead[1024];
    zip_file_t *f = zip_fopen_index(z, (zip_uint64_t)i, 0);
    if (!f) continue;
    zip_int64_t k = zip_fread(f, aHead, sizeof aHead);
    zip_fclose(f);
    /* As text: a UTF-16 part spells "<!DOCTYPE" with NULs. */
    Buf h = BUF_INIT;
    if (k > 0) buf_append(&h, aHead, (size_t)k);
    part_utf8(&h, 0);
    int bDtd = h.n && (memmem(h.z, h.n, "<!DOCTYPE", 9) || memmem(h.z, h.n, "<!ENTITY", 8));
    buf_free(&h);
    if (bDtd) {
      buf_puts(pNotes, "文件含有 DTD 声明（Office 文件不会包含，疑似 XML 炸弹），不予接收\n");
      return -1;
    }
  }
  return 0;
}

/* ---- Type detection ---------------------------------------------------- */

char *doctext_mime(const void *p, size_t n, char *zOut, size_t nOut) {
  const char *zType = NULL;
  snprintf(zOut, nOut, "application/octet-stream");
  magic_t m = magic_open(MAGIC_MIME_TYPE);
  if (m && magic_load(m, NULL) == 0) zType = magic_buffer(m, p, n);
  if (zType) snprintf(zOut, nOut, "%s", zType);
  if (m) magic_close(m);
  /* A ZIP container: look inside for the Office Open XML parts. */
  if (n > 4 && !memcmp(p, "PK\x03\x04", 4)) {
    zip_t *z = zip_open_memory(p, n);
    if (z) {
      if (zip_name_locate(z, "word/document.xml", 0) >= 0)
        snprintf(zOut, nOut, "%s", DOCTEXT_MIME_DOCX);
      else if (zip_name_locate(z, "xl/workbook.xml", 0) >= 0)
        snprintf(zOut, nOut, "%s", DOCTEXT_MIME_XLSX);
      zip_discard(z);
    }
  }
  return zOut;
}

static const struct { const char *zMime, *zExt; } aAllowed[] = {
  {DOCTEXT_MIME_PDF, ".pdf"},
  {DOCTEXT_MIME_DOCX, ".docx"},
  {DOCTEXT_MIME_XLSX, ".xlsx"},
  {"image/png", ".png"},
  {"image/jpeg", ".jpg"},
  {"image/gif", ".gif"},
  {"image/webp", ".webp"},
};

int doctext_mime_allowed(const char *zMime) {
  return doctext_ext(zMime)[0] != 0;
}

const char *doctext_ext(const char *zMime) {
  for (size_t i = 0; zMime && i < sizeof aAllowed / sizeof aAllowed[0]; i++)
    if (!strcmp(aAllowed[i].zMime, zMime)) return aAllowed[i].zExt;
  return "";
}

/* ---- XML text ------------------------------------------------------------ */

/* Appends the decoded entity at z (after '&') to b; returns bytes used. */
static size_t xml_entity(const char *z, size_t n, Buf *b) {
  static const struct { const char *zName; char c; } aEnt[] = {
    {"amp;", '&'}, {"lt;", '<'}, {"gt;", '>'}, {"quot;", '"'}, {"apos;", '\''}};
  for (size_t i = 0; i < sizeof aEnt / sizeof aEnt[0]; i++) {
    size_t k = strlen(aEnt[i].zName);
    if (n >= k && !memcmp(z, aEnt[i].zName, k)) {
      buf_putc(b, aEnt[i].c);
      return k;
    }
  }
  if (n > 2 && z[0] == '#') {
    size_t i = 1;
    int bHex = z[1] == 'x' || z[1] == 'X';
    unsigned long cp = 0;
    for (i = bHex ? 2 : 1; i < n && i < 12 && z[i] != ';'; i++) {
      int c = (unsigned char)z[i], v;
      if (c >= '0' && c <= '9') v = c - '0';
      else if (bHex && c >= 'a' && c <= 'f') v = c - 'a' + 10;
      else if (bHex && c >= 'A' && c <= 'F') v = c - 'A' + 10;
      else return 0;
      cp = cp * (bHex ? 16 : 10) + (unsigned long)v;
    }
    if (i < n && z[i] == ';' && cp > 0 && cp < 0x110000) {
      char aOut[4];
      int k;
      if (cp < 0x80) { aOut[0] = (char)cp; k = 1; }
      else if (cp < 0x800) {
        aOut[0] = (char)(0xC0 | (cp >> 6)); aOut[1] = (char)(0x80 | (cp & 0x3F)); k = 2;
      } else if (cp < 0x10000) {
        aOut[0] = (char)(0xE0 | (cp >> 12)); aOut[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        aOut[2] = (char)(0x80 | (cp & 0x3F)); k = 3;
      } else {
        aOut[0] = (char)(0xF0 | (cp >> 18)); aOut[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        aOut[2] = (char)(0x80 | ((cp >> 6) & 0x3F)); aOut[3] = (char)(0x80 | (cp & 0x3F)); k = 4;
      }
      buf_append(b, aOut, (size_t)k);
      return i + 1;
    }
  }
  return 0;
}

/* 1 when the tag text t[0..n) (after '<') names zName exactly. */
static int tag_is(const char *t, size_t n, const char *zName) {
  size_t k = strlen(zName);
  return n >= k && !memcmp(t, zName, k) &&
         (n == k || t[k] == ' ' || t[k] == '>' || t[k] == '/');
}

/* Appends the character data of XML z[0..n) to out: tags dropped, entities
** decoded, a line break after paragraphs, shared strings, rows and
** comments, a space after cells, tabs and breaks. */
static void xml_text(const char *z, size_t n, Buf *out) {
  size_t i = 0;
  while (i < n && out->n < DOCTEXT_MAX_TEXT) {
    if (z[i] == '<') {
      const char *e = memchr(z + i, '>', n - i);
      if (!e) break;
      const char *t = z + i + 1;
      size_t k = (size_t)(e - t);
      if (tag_is(t, k, "/w:p") || tag_is(t, k, "/a:p") || tag_is(t, k, "/si") || tag_is(t, k, "/row") ||
          tag_is(t, k, "/w:comment") || tag_is(t, k, "/comment"))
        buf_putc(out, '\n');
      else if (tag_is(t, k, "/c") || tag_is(t, k, "/c:v") || tag_is(t, k, "w:tab") ||
               tag_is(t, k, "w:br"))
        buf_putc(out, ' ');
      i = (size_t)(e - z) + 1;
    } else if (z[i] == '&') {
      size_t k = xml_entity(z + i + 1, n - i - 1, out);
      if (k) i += k + 1;
      else { buf_putc(out, '&'); i++; }
    } else {
      buf_putc(out, z[i++]);
    }
  }
}

/* Occurrences of zNeedle in z[0..n). */
static int count_of(const char *z, size_t n, const char *zNeedle) {
  int c = 0;
  size_t k = strlen(zNeedle);
  for (const char *p = z; p && (size_t)(p - z) + k <= n;) {
    p = memmem(p, n - (size_t)(p - z), zNeedle, k);
    if (!p) break;
    c++;
    p += k;
  }
  return c;
}

/* The parts of a package besides the body whose text a reader sees, by
** name prefix: page headers and footers, footnotes and endnotes, comments
** (DOCX); text boxes and shapes of drawings (XLSX); charts with their
** cached labels and values (both).  All are read for the
** privacy scan: an identity number in a footer is published with the file
** like one in the body.  zCount names the element counted for the note. */
static const struct {
  const char *zPrefix;
  const char *zCount;
} aSidePart[] = {
  {"word/comments.xml", "<w:comment "},
  {"word/header", NULL},
  {"word/footer", NULL},
  {"word/footnotes.xml", NULL},
  {"word/endnotes.xml", NULL},
  {"xl/drawings/drawing", NULL},
  {"word/charts/chart", NULL},
  {"xl/charts/chart", NULL},
};

/* Appends the text of every side part of zRoot ("word/" or "xl/") to
** pText; comments counted into *pnComment.  Files embedded in the package
** (zRoot + "embeddings/": a workbook behind a chart, an attached document)
** are not opened; a note in pNotes says how many there are, for the
** reviewer to open.  0, -2 for a zip bomb or -3 for a part in an
** encoding it cannot read (zip_read_index). */
static int side_parts_text(Pkg *pk, const char *zRoot, Buf *pText, Buf *pNotes,
                           int *pnComment) {
  zip_int64_t nEntry = zip_get_num_entries(pk->z, 0);
  Buf x = BUF_INIT;
  int rc = 0, nEmbed = 0;
  size_t nRoot = strlen(zRoot);
  for (zip_int64_t i = 0; i < nEntry && rc != -2 && rc != -3 && pText->n < DOCTEXT_MAX_TEXT;
       i++) {
    const char *zName = zip_get_name(pk->z, (zip_uint64_t)i, 0);
    size_t n = zName ? strlen(zName) : 0;
    if (!n || strncmp(zName, zRoot, nRoot)) continue;
    if (!strncmp(zName + nRoot, "embeddings/", 11) && zName[n - 1] != '/') nEmbed++;
    if (n < 4 || strcmp(zName + n - 4, ".xml")) continue;
    for (size_t k = 0; k < sizeof aSidePart / sizeof aSidePart[0]; k++) {
      if (strncmp(zName, aSidePart[k].zPrefix, strlen(aSidePart[k].zPrefix))) continue;
      buf_reset(&x);
      if ((rc = zip_read_index(pk, i, &x)) != 0) break;
      if (aSidePart[k].zCount) *pnComment += count_of(x.z, x.n, aSidePart[k].zCount);
      xml_text(x.z, x.n, pText);
      buf_putc(pText, '\n');
      break;
    }
  }
  buf_free(&x);
  if (nEmbed)
    buf_printf(pNotes, "含嵌入的文件%d个（其内容未扫描，请打开原文件逐一核对）\n", nEmbed);
  return rc == -2 || rc == -3 ? rc : 0;
}

static int docx_text(Pkg *pk, Buf *pText, Buf *pNotes) {
  Buf x = BUF_INIT;
  int rc = zip_read_name(pk, "word/document.xml", &x);
  if (rc) {
    buf_free(&x);
    buf_puts(pNotes, rc == -2   ? ZIP_BOMB_NOTE
                     : rc == -3 ? UTF16_NOTE
                                : "无法读取DOCX正文（word/document.xml）\n");
    return -1;
  }
  xml_text(x.z, x.n, pText);
  int nIns = count_of(x.z, x.n, "<w:ins ") + count_of(x.z, x.n, "<w:ins>");
  int nDel = count_of(x.z, x.n, "<w:del ") + count_of(x.z, x.n, "<w:del>");
  if (nIns || nDel)
    buf_printf(pNotes, "含修订痕迹：插入%d处、删除%d处（被删除的文字也已扫描）\n", nIns, nDel);
  buf_free(&x);
  int nC = 0;
  rc = side_parts_text(pk, "word/", pText, pNotes, &nC);
  if (nC) buf_printf(pNotes, "含批注%d条（批注文字已扫描）\n", nC);
  if (rc == -2 || rc == -3) {
    buf_puts(pNotes, rc == -2 ? ZIP_BOMB_NOTE : UTF16_NOTE);
    return -1;
  }
  return 0;
}

/* Appends the value of attribute zAttr (e.g. "name=\"") inside the
** element text e[0..n) to b; 0 when absent. */
static int attr_value(const char *e, size_t n, const char *zAttr, Buf *b) {
  const char *p = memmem(e, n, zAttr, strlen(zAttr));
  if (!p) return 0;
  p += strlen(zAttr);
  const char *q = memchr(p, '"', n - (size_t)(p - e));
  if (!q) return 0;
  xml_text(p, (size_t)(q - p), b);
  return 1;
}

static int xlsx_text(Pkg *pk, Buf *pText, Buf *pNotes) {
  Buf x = BUF_INIT;
  int rc = zip_read_name(pk, "xl/workbook.xml", &x);
  if (rc == 0) {
    /* Hidden sheets: <sheet name="…" … state="hidden|veryHidden"/>. */
    for (const char *p = x.z; p && (p = memmem(p, x.n - (size_t)(p - x.z), "<sheet ", 7));) {
      const char *e = memchr(p, '>', x.n - (size_t)(p - x.z));
      if (!e) break;
      size_t k = (size_t)(e - p);
      int bVery = memmem(p, k, "state=\"veryHidden\"", 18) != NULL;
      if (bVery || memmem(p, k, "state=\"hidden\"", 14)) {
        buf_puts(pNotes, bVery ? "含深度隐藏的工作表：" : "含隐藏的工作表：");
        attr_value(p, k, "name=\"", pNotes);
        buf_puts(pNotes, "（其内容已扫描）\n");
      }
      p = e;
    }
  }
  buf_reset(&x);
  if (rc != -2 && rc != -3 && (rc = zip_read_name(pk, "xl/sharedStrings.xml", &x)) == 0)
    xml_text(x.z, x.n, pText);
  zip_int64_t nEntry = rc == -2 || rc == -3 ? 0 : zip_get_num_entries(pk->z, 0);
  int nComment = 0;
  for (zip_int64_t i = 0; i < nEntry && pText->n < DOCTEXT_MAX_TEXT; i++) {
    const char *zName = zip_get_name(pk->z, (zip_uint64_t)i, 0);
    if (!zName) continue;
    int bSheet = !strncmp(zName, "xl/worksheets/sheet", 19);
    int bComment = !strncmp(zName, "xl/comments", 11);
    if (!bSheet && !bComment) continue;
    buf_reset(&x);
    if ((rc = zip_read_index(pk, i, &x)) == -2 || rc == -3) break;
    if (rc) continue;
    if (bSheet) {
      /* Cell values (<v>) and inline strings (<t>); shared-string cells
      ** hold an index, harmless to scan. */
      xml_text(x.z, x.n, pText);
      buf_putc(pText, '\n');
    } else {
      nComment += count_of(x.z, x.n, "<comment ");
      xml_text(x.z, x.n, pText);
    }
  }
  buf_free(&x);
  if (rc != -2 && rc != -3) {
    int rcSide = side_parts_text(pk, "xl/", pText, pNotes, &nComment);
    if (rcSide) rc = rcSide;
  }
  if (nComment) buf_printf(pNotes, "含批注%d条（批注文字已扫描）\n", nComment);
  if (rc == -2 || rc == -3) {
    buf_puts(pNotes, rc == -2 ? ZIP_BOMB_NOTE : UTF16_NOTE);
    return -1;
  }
  return 0;
}

/* ---- PDF through pdftotext ---------------------------------------------- */

enum { PDF_PLAIN = 0, PDF_LAYOUT = 1, PDF_BBOX = 2 };  /* pdftotext's modes */

/* Milliseconds of the monotonic clock. */
static long long mono_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* Runs pdftotext on the n bytes at p (through a temporary file) and
** appends its output to pText, at most DOCTEXT_MAX_TEXT bytes; kills it
** after msTimeout ms.  Returns 0, or -1 with the reason in pNotes. */
static int pdf_text(const void *p, size_t n, Buf *pText, Buf *pNotes,
                    int msTimeout, int eMode) {
  char zTmp[] = "/tmp/gk-pdf-XXXXXX";
  int fd = mkstemp(zTmp);
  if (fd < 0) {
    buf_puts(pNotes, "无法创建临时文件，PDF未能提取文字\n");
    return -1;
  }
  size_t off = 0;
  while (off < n) {
    ssize_t k = write(fd, (const char *)p + off, n - off);
    if (k <= 0) break;
    off += (size_t)k;
  }
  close(fd);
  int aPipe[2];
  if (off < n || pipe(aPipe)) {
    unlink(zTmp);
    buf_puts(pNotes, "无法写入临时文件，PDF未能提取文字\n");
    return -1;
  }
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, aPipe[1], 1);
  posix_spawn_file_actions_addclose(&fa, aPipe[0]);
  posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
  char *azArg[] = {"pdftotext", "-q", "-enc", "UTF-8", zTmp, "-", NULL, NULL};
  size_t nMax = DOCTEXT_MAX_TEXT;
  if (eMode) {  /* pdftotext -q -layout|-bbox -enc UTF-8 FILE - */
    azArg[2] = eMode == PDF_BBOX ? "-bbox" : "-layout";
    azArg[3] = "-enc"; azArg[4] = "UTF-8";
    azArg[5] = zTmp; azArg[6] = "-";
    if (eMode == PDF_BBOX) nMax = DOCTEXT_MAX_BBOX;
  }
  pid_t pid;
  int rc = posix_spawnp(&pid, "pdftotext", &fa, NULL, azArg, environ);
  posix_spawn_file_actions_destroy(&fa);
  close(aPipe[1]);
  if (rc != 0) {
    close(aPipe[0]);
    unlink(zTmp);
    buf_puts(pNotes, "未安装 pdftotext（poppler-utils），PDF未能提取文字，请人工审查\n");
    return -1;
  }
  char aBuf[16384];
  long long deadline = mono_ms() + msTimeout;
  int bTimeout = 0, bCut = 0;
  for (;;) {
    long long left = deadline - mono_ms();
    if (left <= 0) {
      bTimeout = 1;
      break;
    }
    struct pollfd pf = {aPipe[0], POLLIN, 0};
    int r = poll(&pf, 1, (int)left);
    if (r < 0 && errno == EINTR) continue;
    if (r < 0) break;
    if (r == 0) {
      bTimeout = 1;
      break;
    }
    ssize_t k = read(aPipe[0], aBuf, sizeof aBuf);
    if (k < 0 && errno == EINTR) continue;
    if (k <= 0) break;
    if (pText->n + (size_t)k <= nMax) buf_append(pText, aBuf, (size_t)k);
    else bCut = 1;
  }
  if (bTimeout) kill(pid, SIGKILL);
  close(aPipe[0]);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
  unlink(zTmp);
  if (bTimeout) {
    buf_printf(pNotes, "PDF文字提取超过%d秒未完成，已终止，请人工审查\n",
               msTimeout / 1000);
    return -1;
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    buf_puts(pNotes, "PDF文字提取失败（文件可能已损坏或加密），请人工审查\n");
    return -1;
  }
  return bCut && eMode == PDF_BBOX ? 1 : 0;
}

int doctext_extract(const char *zMime, const void *p, size_t n, Buf *pText,
                    Buf *pNotes) {
  return doctext_extract_timeout(zMime, p, n, pText, pNotes,
                                 DOCTEXT_PDF_TIMEOUT_MS);
}

int doctext_extract_timeout(const char *zMime, const void *p, size_t n,
                            Buf *pText, Buf *pNotes, int msTimeout) {
  if (!strcmp(zMime, DOCTEXT_MIME_PDF))
    return pdf_text(p, n, pText, pNotes, msTimeout, 0);
  if (!strcmp(zMime, DOCTEXT_MIME_DOCX) || !strcmp(zMime, DOCTEXT_MIME_XLSX)) {
    Pkg pk = {zip_open_memory(p, n), 0};
    if (!pk.z) {
      buf_puts(pNotes, "无法打开文件（ZIP结构损坏），请人工审查\n");
      return -1;
    }
    int rc = zip_hostile(pk.z, pNotes);
    if (!rc)
      rc = !strcmp(zMime, DOCTEXT_MIME_DOCX) ? docx_text(&pk, pText, pNotes)
                                             : xlsx_text(&pk, pText, pNotes);
    zip_discard(pk.z);
    return rc;
  }
  if (!strncmp(zMime, "image/", 6)) {
    buf_puts(pNotes, "图片不含可扫描的文字，请人工审查图片内容\n");
    return 1;
  }
  return 1;
}

int doctext_pdf_layout(const void *p, size_t n, Buf *pText, Buf *pNotes,
                       int msTimeout) {
  return pdf_text(p, n, pText, pNotes, msTimeout, PDF_LAYOUT);
}

int doctext_pdf_bbox(const void *p, size_t n, Buf *pXhtml, Buf *pNotes,
                     int msTimeout) {
  return pdf_text(p, n, pXhtml, pNotes, msTimeout, PDF_BBOX);
}
