/*
** cmd_docs_html.c — `gongkai docs import-html`: moving in from an old
** disclosure site.  Each saved page (lib/oldsite.c reads it) becomes a
** published document that keeps its original index number and dates, with
** the attachment files saved beside it, in one transaction per page.
**
** A page that cannot be read, lacks a title, body or date, has an index
** number that is malformed or taken, or links an attachment that is not
** beside it (or of a type attachments may not have) is not imported; the
** report on stderr names each such page and why.  Exit status 0 when every
** page was imported, 1 otherwise.
*/
#include <errno.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "cli/cli_util.h"
#include "cli/docs_html.h"
#include "core/index_number.h"
#include "lib/buf.h"
#include "lib/doctext.h"
#include "lib/oldsite.h"
#include "store/store_bench.h"
#include "store/store_documents.h"

#define PAGE_MAX (64u << 20)
#define ATTACH_MAX (100u << 20)

/* Reads a whole file of at most nMax bytes into the arena; NULL when it
** cannot be read or is larger. */
static char *slurp(Arena *a, const char *zPath, size_t nMax, size_t *pn) {
  struct stat sb;
  if (stat(zPath, &sb) != 0 || !S_ISREG(sb.st_mode) || (size_t)sb.st_size > nMax) return NULL;
  FILE *f = fopen(zPath, "rb");
  if (!f) return NULL;
  char *z = arena_alloc(a, (size_t)sb.st_size + 1);
  size_t n = fread(z, 1, (size_t)sb.st_size, f);
  fclose(f);
  if (n != (size_t)sb.st_size) return NULL;
  z[n] = 0;
  *pn = n;
  return z;
}

/* A link's file beside the page: the relative path when it stays inside the
** page's directory, else the base name there or in a "<page>_files" folder
** (a browser's "save complete page").  NULL when none exists. */
static const char *attachment_path(Arena *a, const char *zDir, const char *zPage,
                                   const char *zHref) {
  char *zRel = arena_strndup(a, zHref, strcspn(zHref, "?#"));
  const char *zScheme = strstr(zRel, "://");
  if (zScheme) zRel = strchr(zScheme + 3, '/') ? strchr(zScheme + 3, '/') : zRel;
  while (zRel[0] == '.' && zRel[1] == '/') zRel += 2;
  const char *zBase = strrchr(zRel, '/') ? strrchr(zRel, '/') + 1 : zRel;
  int bSafe = !zScheme && zRel[0] != '/' && !strstr(zRel, "..") && !strchr(zRel, '\\');
  const char *azTry[3] = {
    bSafe ? arena_printf(a, "%s/%s", zDir, zRel) : NULL,
    arena_printf(a, "%s/%s", zDir, zBase),
    arena_printf(a, "%s_files/%s", zPage, zBase),
  };
  struct stat sb;
  for (int i = 0; i < 3; i++)
    if (azTry[i] && *zBase && stat(azTry[i], &sb) == 0 && S_ISREG(sb.st_mode)) return azTry[i];
  return NULL;
}

/* The Doc for a parsed page; NULL, or why the page cannot be imported. */
static const char *page_doc(Store *s, const OldSitePage *p, Doc *d) {
  if (!*p->zPublishedDate && !*p->zSignedDate) return "页面中没有找到发布日期或成文日期";
  memset(d, 0, sizeof *d);
  d->zTitle = p->zTitle;
  d->zDocNumber = p->zDocNumber;
  d->zPublisher = p->zPublisher;
  d->zSignedDate = *p->zSignedDate ? p->zSignedDate : NULL;
  d->zFormedDate = d->zSignedDate;
  d->zPublishedDate = *p->zPublishedDate ? p->zPublishedDate : p->zSignedDate;
  d->zGenre = "";
  d->zKeywords = p->zKeywords;
  d->zSummary = "";
  d->zBody = p->zBody;
  d->zReportKind = "other";
  d->zMode = "proactive";
  d->zScope = "全社会";
  d->zValidity = strstr(p->zValidity, "废止") ? "repealed"
                 : strstr(p->zValidity, "失效") ? "expired"
                 : strstr(p->zValidity, "修") ? "amended" : "valid";
  d->zIndexNumber = *p->zIndexNumber ? p->zIndexNumber : NULL;
  if (d->zIndexNumber) {
    IndexNumberErr err;
    int bTaken = 0;
    if (index_number_check(d->zIndexNumber, &err) != INDEX_NUMBER_OK) return "索引号格式无效";
    if (store_bench_index_taken(s, d->zIndexNumber, &bTaken) != STORE_OK) return store_errmsg(s);
    if (bTaken) return "索引号已被使用（该页面可能已经导入）";
  }
  return NULL;
}

/* Attaches every linked file; NULL, or why not (the caller rolls back). */
static const char *attach_all(Store *s, Arena *a, const OldSitePage *p, int64_t docId,
                              int64_t userId, const char *zPage) {
  char *zCopy = arena_strdup(a, zPage);
  const char *zDir = dirname(zCopy);
  for (int i = 0; i < p->nLink; i++) {
    const char *zFile = attachment_path(a, zDir, zPage, p->aLink[i].zHref);
    if (!zFile) return arena_printf(a, "附件“%s”没有保存在页面旁边", p->aLink[i].zHref);
    size_t n = 0;
    const char *zData = slurp(a, zFile, ATTACH_MAX, &n);
    if (!zData) return arena_printf(a, "附件“%s”无法读取或超过 100 MB", zFile);
    char zMime[128];
    doctext_mime(zData, n, zMime, sizeof zMime);
    if (!doctext_mime_allowed(zMime))
      return arena_printf(a, "附件“%s”的类型（%s）不被接受：请转换为 PDF、DOCX 或 XLSX 后再导入",
                          zFile, zMime);
    char *zBase = arena_strdup(a, zFile);
    const char *zName = *p->aLink[i].zText && strchr(p->aLink[i].zText, '.')
                            ? p->aLink[i].zText : basename(zBase);
    if (store_doc_attach(s, docId, zName, zMime, zData, n, "", userId, NULL) != STORE_OK)
      return store_errmsg(s);
  }
  return NULL;
}

/* Imports one page in its own transaction; NULL, or why not. */
static const char *import_page(Store *s, Arena *a, const char *zPage, int64_t orgId,
                               int64_t userId) {
  size_t n = 0;
  const char *z = slurp(a, zPage, PAGE_MAX, &n);
  if (!z) return "无法读取文件（不存在、不是普通文件或超过 64 MB）";
  OldSitePage p;
  const char *zWhy = oldsite_parse(a, z, n, &p);
  Doc d;
  if (!zWhy) zWhy = page_doc(s, &p, &d);
  if (zWhy) return zWhy;
  d.orgId = orgId;
  d.createdBy = userId;
  /* Stored at the approval step, attachments added, then published: the ledger's
  ** 'publish' entry covers the attachments (store_doc_import() would enter
  ** the document before they exist). */
  d.zState = "approval";
  if (store_begin(s) != STORE_OK) return store_errmsg(s);
  if (store_doc_add(s, &d) != STORE_OK) zWhy = store_errmsg(s);
  if (!zWhy) zWhy = attach_all(s, a, &p, d.id, userId, zPage);
  if (!zWhy && store_doc_publish(s, a, d.id, "published", d.zPublishedDate) != STORE_OK)
    zWhy = store_errmsg(s);
  if (!zWhy && store_commit(s) != STORE_OK) zWhy = store_errmsg(s);
  if (zWhy) {
    zWhy = arena_strdup(a, zWhy);
    store_rollback(s);
    return zWhy;
  }
  printf("imported %s: %s (%s)\n", zPage, d.zTitle, d.zPublishedDate);
  return NULL;
}

int docs_import_html(Store *s, int64_t orgId, int64_t userId, char **azPage, int nPage) {
  int nOk = 0, nBad = 0;
  for (int i = 0; i < nPage; i++) {
    Arena a = ARENA_INIT;
    const char *zWhy = import_page(s, &a, azPage[i], orgId, userId);
    if (zWhy) {
      fprintf(stderr, "未导入 %s：%s\n", azPage[i], zWhy);
      nBad++;
    } else {
      nOk++;
    }
    arena_free(&a);
  }
  printf("import-html: %d page%s imported, %d not imported\n", nOk, nOk == 1 ? "" : "s", nBad);
  return nBad ? 1 : 0;
}
