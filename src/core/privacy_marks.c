/*
** privacy_marks.c — classification and release marks for the secrecy
** review (see privacy.h, privacy_marks_scan()).
**
** Two passes over the text:
**  1. every ★ (U+2605) with a level word (秘密, 机密, 绝密) right before
**     or right after it; after "level★" a period of digits + 年, or 长期,
**     is part of the mark (GB/T 9704: 秘密★1年);
**  2. every line whose characters, once brackets, stars, spaces and
**     punctuation are set aside, are a sequence of whole mark words.
** A line already reported by pass 1 is not reported again.
*/
#include <stdlib.h>
#include <string.h>

#include "core/privacy.h"
#include "lib/buf.h"

static const char *const aLevel[] = {"秘密", "机密", "绝密"};
#define STAR "\xe2\x98\x85"   /* ★ */
#define STAR_LEN 3
#define LEVEL_LEN 6           /* two CJK characters */

/* Mark words a line may consist of, longest first. */
static const char *const aWord[] = {
  "此件不公开", "内部资料", "内部文件", "注意保密", "不予公开",
  "秘密", "机密", "绝密", "内部",
};

/* Characters set aside on a mark line (UTF-8). */
static const char *const aSkip[] = {
  "（", "）", "(", ")", "〔", "〕", "【", "】", "[", "]", "★", "☆", "*",
  " ", "\t", "\r", "　", "、", "，", ",", "：", ":", "·", "。", ".",
};

static int is_level(const char *p) {
  for (size_t i = 0; i < sizeof aLevel / sizeof aLevel[0]; i++)
    if (!memcmp(p, aLevel[i], LEVEL_LEN)) return 1;
  return 0;
}

static void add(PrivacyResult *pRes, const char *z, size_t n, size_t i,
                size_t nLen) {
  pRes->aFinding = xrealloc(pRes->aFinding,
                            (pRes->nFinding + 1) * sizeof pRes->aFinding[0]);
  PrivacyFinding *f = &pRes->aFinding[pRes->nFinding++];
  memset(f, 0, sizeof *f);
  f->eKind = PRIVACY_SECRECY_MARK;
  f->eConf = PRIVACY_CONF_HIGH;
  f->iOffset = i;
  f->nLen = nLen;
  f->zMatch = xstrndup(z + i, nLen);
  /* Context: up to 45 bytes either side, on character boundaries. */
  size_t a = i > 45 ? i - 45 : 0, e = i + nLen + 45 < n ? i + nLen + 45 : n;
  while (a > 0 && ((unsigned char)z[a] & 0xC0) == 0x80) a--;
  while (e < n && ((unsigned char)z[e] & 0xC0) == 0x80) e++;
  f->zContext = xstrndup(z + a, e - a);
  f->zMask = xstrdup("");
}

/* 1 when z[a..e) is only skipped characters and whole mark words, with at
** least one word. */
static int mark_line(const char *z, size_t a, size_t e) {
  int nWord = 0;
  size_t i = a;
  while (i < e) {
    size_t k, nMatch = 0;
    for (k = 0; k < sizeof aSkip / sizeof aSkip[0]; k++) {
      size_t m = strlen(aSkip[k]);
      if (i + m <= e && !memcmp(z + i, aSkip[k], m)) { nMatch = m; break; }
    }
    if (nMatch) { i += nMatch; continue; }
    for (k = 0; k < sizeof aWord / sizeof aWord[0]; k++) {
      size_t m = strlen(aWord[k]);
      if (i + m <= e && !memcmp(z + i, aWord[k], m)) { nMatch = m; break; }
    }
    if (!nMatch) return 0;
    nWord++;
    i += nMatch;
  }
  return nWord > 0;
}

int privacy_marks_scan(const char *z, size_t n, PrivacyResult *pRes) {
  memset(pRes, 0, sizeof *pRes);
  if (n > PRIVACY_MAX_INPUT) return PRIVACY_E_TOO_BIG;
  if (!z) return PRIVACY_OK;
  for (size_t a = 0; a < n;) {
    size_t e = a;
    while (e < n && z[e] != '\n') e++;
    /* Trim the line for the report. */
    size_t ta = a, te = e;
    while (ta < te && (z[ta] == ' ' || z[ta] == '\t' || z[ta] == '\r')) ta++;
    while (te > ta && (z[te - 1] == ' ' || z[te - 1] == '\t' ||
                       z[te - 1] == '\r'))
      te--;
    size_t nBefore = pRes->nFinding;
    for (size_t i = a; i + STAR_LEN <= e; i++) {
      if (memcmp(z + i, STAR, STAR_LEN)) continue;
      size_t s = i, f = i + STAR_LEN;
      if (i >= a + LEVEL_LEN && is_level(z + i - LEVEL_LEN)) {
        s = i - LEVEL_LEN;
        size_t k = f;
        while (k < e && z[k] >= '0' && z[k] <= '9') k++;
        if (k > f && k + 3 <= e && !memcmp(z + k, "年", 3)) f = k + 3;
        else if (f + 6 <= e && !memcmp(z + f, "长期", 6)) f += 6;
      } else if (f + LEVEL_LEN <= e && is_level(z + f)) {
        f += LEVEL_LEN;
      } else {
        continue;
      }
      add(pRes, z, n, s, f - s);
      i = f - 1;
    }
    if (pRes->nFinding == nBefore && te > ta && mark_line(z, ta, te))
      add(pRes, z, n, ta, te - ta);
    a = e + 1;
  }
  return PRIVACY_OK;
}
