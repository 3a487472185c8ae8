/*
** oldsite.h — reads a document page saved from an existing disclosure site
** (the "move in" path of `gongkai docs import-html`).
**
** Disclosure sites built on the common CMSs show a metadata block (索引号,
** 发布机构, 生成日期 or 发文日期, 文号, 主题分类, 有效性 …) as a table, a list,
** or label/value spans, then the title, the body and attachment links.
** oldsite_parse() reads any of those with libxml2's HTML parser: the labels
** are found in the page's text in document order (a label's value is the
** rest of its own text, or the next text), so the layout does not matter.
** The page's encoding comes from its <meta> charset; a page without one
** that is not valid UTF-8 is read as GB18030 (a superset of GBK/GB2312).
**
** Everything returned lives in the caller's Arena.  Pure: no file access.
*/
#ifndef GK_OLDSITE_H
#define GK_OLDSITE_H

#include <stddef.h>

#include "lib/arena.h"

#define OLDSITE_MAX_LINKS 64

typedef struct OldSiteLink {
  const char *zHref;   /* as written in the page (not resolved) */
  const char *zText;   /* the link text, trimmed ("" when none) */
} OldSiteLink;

typedef struct OldSitePage {
  const char *zTitle;          /* "" when none found */
  const char *zIndexNumber;    /* 索引号 */
  const char *zPublisher;      /* 发布机构 / 发文机关 */
  const char *zSignedDate;     /* 成文日期 / 发文日期, YYYY-MM-DD or "" */
  const char *zPublishedDate;  /* 发布日期 / 生成日期 / 公开日期, YYYY-MM-DD or "" */
  const char *zDocNumber;      /* 文号 / 发文字号 */
  const char *zTopic;          /* 主题分类 */
  const char *zValidity;       /* 有效性 as written ("" when absent) */
  const char *zKeywords;       /* 关键词 / 主题词 */
  const char *zBody;           /* Markdown */
  const char *zCharset;        /* the encoding the page was read in */
  OldSiteLink aLink[OLDSITE_MAX_LINKS]; /* attachment links */
  int nLink;
} OldSitePage;

/* Parses z[0..n).  Returns NULL, or a static Chinese message saying why
** the page is not a document page (no title, no body, not HTML). */
const char *oldsite_parse(Arena *a, const char *z, size_t n, OldSitePage *p);

/* Normalises a date as written on Chinese sites ("2019-03-12",
** "2019年3月12日", "2019/03/12", "2019.3.12") to YYYY-MM-DD in zOut[11].
** Returns 0, or 1 when z holds no such date. */
int oldsite_date(const char *z, char zOut[11]);

#endif
