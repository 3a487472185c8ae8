/*
** privacy.c — the privacy scanner and masking (see privacy.h).
**
** How the scan works
** ------------------
** 1. The text is decoded into an array of folded code points (utf8_fold:
**    full-width ASCII to ASCII, letters lower-cased, U+3000 to ' ') with
**    the byte offset of each, so matching happens on the folded form and
**    every finding maps back to original bytes.  Invalid bytes become one
**    U+FFFD each.
** 2. Numbers.  Each maximal run of digits is a "group".  Alone, a group is
**    an identity number (18 digits, or 17 + 'x' not followed by a letter or
**    digit; 15 digits for the old form), a bank card (16-19 digits, Luhn),
**    a mobile (11 digits, 1[3-9]) or a landline (10-12 digits with a
**    plausible area code); a mobile may have "+86" or "0086" glued before
**    it (the finding is the 11 digits).  Groups joined by exactly one ' ' or '-' form a
**    chain, and whole-group runs of a chain are tried as spaced numbers:
**    bank cards written 4-4-4-4[-1..4] with one separator throughout,
**    mobiles 3-4-4, landlines area-local ("0951-1234567", "010 12345678").
**    "(0951)1234567" is also a landline.  A number is never cut out of a
**    longer digit run, so "20 digits" yield nothing.
**    Split numbers (scan_split_numbers): up to 5 groups with "soft" gaps
**    between them — spaces or tabs with at most one line break, as a PDF's
**    text or a form's boxes leave them — are read as one identity number
**    only when its check character holds (HIGH), and as one mobile in 2
**    groups across a line break or 2-3 groups of 3+ digits (MEDIUM).  A
**    group after a letter, digit, '-' or '.' starts nothing (amounts,
**    dates), so tables of small numbers are not joined.
** 3. Credit codes: each maximal run of ASCII letters and digits of exactly
**    18 characters, upper-cased, passing ident_uscc_check().
** 4. E-mail: around each '@' the longest plausible local part and domain,
**    trimmed of leading / trailing punctuation, passing ident_email_check().
** 5. Overlaps are resolved greedily: longest byte span first, then the
**    stronger kind (aStrength), then the earlier start.
** 6. Person names (a heuristic, PRIVACY_CONF_MEDIUM / LOW):
**    a. after a label — 姓名 申请人 联系人 当事人 患者 负责人 法定代表人
**       代理人 经办人 — followed by '：' or ':' (spaces allowed around it):
**       the following run of CJK characters, cut before the first stop
**       word (性别, 电话, 身份, 住址, 男, 于, 的, 等 ... see azStop) found
**       at character 2-4.  A run of 2-4 characters with no stop word is
**       taken whole; a longer one only when it starts with a known surname
**       (3 characters, 4 for a compound surname).  Further names separated
**       by '、' are taken when they start with a known surname.
**    a'. after the same labels without a colon ("申请人张三，", "经办人王丽萍向"):
**       a known surname and 1-2 more characters, none of them 某 or a stop
**       word, followed by a non-CJK character or a word that follows names
**       (azAfterName: 于 向 电话 身份 男 …), and not a word that follows
**       these labels in policy texts (azNotName: 应当 可以 有权 陈述 …).
**    b. next to another finding: within the same clause (not crossing
**       。；！？ or a line break) and at most NAME_GAP characters away, a run
**       of CJK characters that starts with a known surname (ident.h's list
**       of ~250 single and ~35 compound surnames), possibly after one of
**       the labels above written without a colon, cut as in (a) and 2-4
**       characters long.
**    Names containing 某 (already anonymised, 张某 / 李某某) are skipped.
**    Limits: no word segmentation, so a name glued to the preceding word
**    (经手人王五) is missed unless that word is a label; rare surnames and
**    names written in Latin letters or with a middle dot are missed; a
**    stop character inside a real name (张三和) shortens it; and common
**    words that begin with a surname character (高度, 黄金) next to a phone
**    number can be reported as LOW-confidence names.  The reviewer decides.
** 7. Home addresses (PRIVACY_ADDRESS; masked down to the administrative
**    units, 宁夏中卫市中宁县********):
**    a. after a label of a person's own address (azAddrLabel: 住址 家庭住址
**       现住址 户籍地址 住所 家住 …; "住" alone after a comma or at a line
**       start), up to punctuation, a space, the next field (电话 身份 邮编
**       …) or a phone-length digit run: MEDIUM when the text has a place
**       (省 市 县 区 旗 州 盟 镇 乡) and a street, village or number part
**       (路 街 巷 弄 村 组 号 室 栋 幢 屯 单元).  An agency's 地址 is no such
**       label, so its letterhead is not reported; 住所地人民法院 and
**       户籍所在地县级人民政府 lack the street part.
**    b. without a label, a flat's full address (…号楼/栋/幢/单元 … NN室)
**       with a place in it, from after the verb before it (住 在 于 至 …):
**       LOW.  A house number without a flat ("东街12号") is reported only
**       after a label: offices and roads are written that way too.
** 8. Not detected at all: local numbers without an area code (传真：87418602),
**    foreign phone numbers, passport / residence-permit numbers, licence
**    plates, unlabelled addresses other than flats, dates of birth written
**    out, a name glued to an unlabelled word, and numbers split by
**    separators other than spaces, one line break, one ' ' or '-'.
*/
#include "core/privacy.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/ident.h"
#include "lib/buf.h"
#include "lib/utf8.h"

#define CONTEXT_CHARS 15  /* characters of context on each side */
#define NAME_GAP 12       /* max characters between a name and a finding */
#define MAX_LABEL_NAMES 8 /* names taken after one label (张三、李四 ...) */

/* Overlap priority of each kind (index PrivacyKind); higher wins. */
static const int aStrength[PRIVACY_KIND_MAX + 1] = {
    0,   /* unused */
    100, /* PRIVACY_ID_NUMBER */
    50,  /* PRIVACY_ID_NUMBER_15 */
    60,  /* PRIVACY_MOBILE */
    55,  /* PRIVACY_LANDLINE */
    80,  /* PRIVACY_BANK_CARD */
    70,  /* PRIVACY_EMAIL */
    90,  /* PRIVACY_CREDIT_CODE */
    10,  /* PRIVACY_PERSON_NAME */
    0,   /* PRIVACY_SECRECY_MARK (privacy_marks_scan) */
    15,  /* PRIVACY_ADDRESS */
};
#define LOW_ID_STRENGTH 20 /* an identity number with a wrong check char */

/* A candidate match, in code point indexes of the folded text. */
typedef struct Cand {
  PrivacyKind eKind;  /* kind */
  PrivacyConf eConf;  /* confidence */
  int iStrength;      /* overlap priority */
  uint32_t iStart;    /* first code point */
  uint32_t iEnd;      /* one past the last code point */
} Cand;

/* Scanner state for one privacy_scan() call (on the stack, never shared). */
typedef struct Scan {
  const char *z;      /* original text */
  size_t n;           /* its byte length */
  uint32_t *aCp;      /* folded code points, nCp entries */
  uint32_t *aOff;     /* byte offset of each code point; aOff[nCp] == n */
  uint32_t nCp;       /* number of code points */
  const PrivacyOptions *pOpt; /* options, never NULL */
  Cand *aCand;        /* candidates */
  size_t nCand;       /* used entries of aCand */
  size_t nCandAlloc;  /* allocated entries of aCand */
  unsigned char *aTaken; /* per code point: 1 when inside an accepted match */
} Scan;

/* Group = maximal digit run, with how it connects to the next group. */
typedef struct Group {
  uint32_t iStart;    /* first digit */
  uint32_t iEnd;      /* one past the last digit */
  uint32_t cSepNext;  /* ' ' or '-' when the next group follows after that
                      ** single separator, else 0 */
} Group;

/* 1 for an ASCII digit (code points are folded, so ０-９ count). */
static int is_digit(uint32_t c) { return c >= '0' && c <= '9'; }

/* 1 for an ASCII digit or (folded, lower-case) letter. */
static int is_alnum(uint32_t c) {
  return is_digit(c) || (c >= 'a' && c <= 'z');
}

/* Confidence of a Luhn-valid card number zDigits: HIGH with a common
** issuer prefix (62, 4, 5x ...), MEDIUM otherwise, since one random digit
** string in ten passes Luhn. */
static PrivacyConf card_conf(const char *zDigits) {
  return ident_bank_card_bin_known(zDigits) ? PRIVACY_CONF_HIGH
                                            : PRIVACY_CONF_MEDIUM;
}

/* Adds a candidate. */
static void add_cand(Scan *p, PrivacyKind e, PrivacyConf eConf, int iStrength,
                     uint32_t iStart, uint32_t iEnd) {
  if (p->nCand == p->nCandAlloc) {
    p->nCandAlloc = p->nCandAlloc ? p->nCandAlloc * 2 : 32;
    p->aCand = xrealloc(p->aCand, p->nCandAlloc * sizeof p->aCand[0]);
  }
  p->aCand[p->nCand].eKind = e;
  p->aCand[p->nCand].eConf = eConf;
  p->aCand[p->nCand].iStrength = iStrength;
  p->aCand[p->nCand].iStart = iStart;
  p->aCand[p->nCand].iEnd = iEnd;
  p->nCand++;
}

/* Copies the ASCII digits / letters (upper-cased) of code points
** [iStart, iEnd) into zOut (nOut bytes), skipping ' ' and '-' when
** bSkipSep.  Returns the length, or -1 when it does not fit or another
** character is met. */
static int ascii_of(const Scan *p, uint32_t iStart, uint32_t iEnd,
                    int bSkipSep, char *zOut, size_t nOut) {
  size_t k = 0;
  for (uint32_t i = iStart; i < iEnd; i++) {
    uint32_t c = p->aCp[i];
    if (bSkipSep && (c == ' ' || c == '-')) continue;
    if (c >= 128 || k + 1 >= nOut) return -1;
    zOut[k++] = (char)(c >= 'a' && c <= 'z' ? c - 32 : c);
  }
  zOut[k] = 0;
  return (int)k;
}

/* 1 when 18-character zId has a plausible region and a real birth date (its
** check character is not examined). */
static int id_plausible(const char *zId, int iToday) {
  char zTry[19];
  IdentErr err;
  int rc;
  memcpy(zTry, zId, 17);
  zTry[17] = ident_id_check_char(zId);
  zTry[18] = 0;
  rc = ident_id_check(zTry, iToday, NULL, &err);
  return rc == IDENT_OK;
}

/* Candidates for one digit group taken alone: [iStart, iEnd) are digits;
** iEnd may be extended by a trailing 'x' for identity numbers. */
static void scan_group(Scan *p, const Group *g) {
  char z[24];
  uint32_t nDigit = g->iEnd - g->iStart;
  int iToday = p->pOpt->iToday;
  if (nDigit > 19) return;
  ascii_of(p, g->iStart, g->iEnd, 0, z, sizeof z);
  if (nDigit == 18 ||
      (nDigit == 17 && g->iEnd < p->nCp && p->aCp[g->iEnd] == 'x' &&
       (g->iEnd + 1 >= p->nCp || !is_alnum(p->aCp[g->iEnd + 1])))) {
    uint32_t iEnd = nDigit == 18 ? g->iEnd : g->iEnd + 1;
    if (nDigit == 17) strcpy(z + 17, "X");
    if (ident_id_check(z, iToday, NULL, NULL) == IDENT_OK) {
      add_cand(p, PRIVACY_ID_NUMBER, PRIVACY_CONF_HIGH,
               aStrength[PRIVACY_ID_NUMBER], g->iStart, iEnd);
    } else if (id_plausible(z, iToday)) {
      add_cand(p, PRIVACY_ID_NUMBER, PRIVACY_CONF_LOW, LOW_ID_STRENGTH,
               g->iStart, iEnd);
    }
    if (nDigit == 17) z[17] = 0;
  }
  if (nDigit == 15 && ident_id_check(z, iToday, NULL, NULL) == IDENT_OK) {
    add_cand(p, PRIVACY_ID_NUMBER_15, PRIVACY_CONF_MEDIUM,
             aStrength[PRIVACY_ID_NUMBER_15], g->iStart, g->iEnd);
  }
  if (nDigit >= 16 && ident_bank_card_check(z, NULL) == IDENT_OK) {
    add_cand(p, PRIVACY_BANK_CARD, card_conf(z), aStrength[PRIVACY_BANK_CARD],
             g->iStart, g->iEnd);
  }
  if (nDigit == 11 && ident_mobile_check(z, NULL) == IDENT_OK) {
    add_cand(p, PRIVACY_MOBILE, PRIVACY_CONF_MEDIUM,
             aStrength[PRIVACY_MOBILE], g->iStart, g->iEnd);
  }
  /* "+8613812345678", "008613812345678": the country code glued before a
  ** mobile; the finding is the 11 digits after it. */
  if ((nDigit == 13 && !strncmp(z, "86", 2) && g->iStart > 0 &&
       p->aCp[g->iStart - 1] == '+') ||
      (nDigit == 15 && !strncmp(z, "0086", 4))) {
    if (ident_mobile_check(z + nDigit - 11, NULL) == IDENT_OK)
      add_cand(p, PRIVACY_MOBILE, PRIVACY_CONF_MEDIUM,
               aStrength[PRIVACY_MOBILE], g->iEnd - 11, g->iEnd);
  }
  if (nDigit >= 10 && nDigit <= 12 && z[0] == '0' &&
      ident_landline_check(z, NULL) == IDENT_OK) {
    add_cand(p, PRIVACY_LANDLINE, PRIVACY_CONF_MEDIUM,
             aStrength[PRIVACY_LANDLINE], g->iStart, g->iEnd);
  }
  /* "(0951)1234567", "（010）12345678", optionally one space after ')' */
  if ((nDigit == 3 || nDigit == 4) && z[0] == '0' && g->iStart > 0 &&
      p->aCp[g->iStart - 1] == '(' && g->iEnd + 1 < p->nCp &&
      p->aCp[g->iEnd] == ')') {
    uint32_t i = g->iEnd + 1, j;
    if (i < p->nCp && p->aCp[i] == ' ') i++;
    for (j = i; j < p->nCp && is_digit(p->aCp[j]); j++) {}
    if (j > i && j - i <= 8 && (j >= p->nCp || !is_digit(p->aCp[j]))) {
      char zTel[16];
      memcpy(zTel, z, nDigit);
      zTel[nDigit] = '-';
      ascii_of(p, i, j, 0, zTel + nDigit + 1, sizeof zTel - nDigit - 1);
      if (ident_landline_check(zTel, NULL) == IDENT_OK) {
        add_cand(p, PRIVACY_LANDLINE, PRIVACY_CONF_MEDIUM,
                 aStrength[PRIVACY_LANDLINE], g->iStart - 1, j);
      }
    }
  }
}

/* Candidates for whole-group runs aGroup[i..j] (j > i) of one chain. */
static void scan_chain(Scan *p, const Group *aGroup, size_t nGroup) {
  for (size_t i = 0; i < nGroup; i++) {
    uint32_t cSep = aGroup[i].cSepNext;
    uint32_t nTotal = aGroup[i].iEnd - aGroup[i].iStart;
    for (size_t j = i + 1; j < nGroup && j - i < 5; j++) {
      char z[32];
      uint32_t nThis = aGroup[j].iEnd - aGroup[j].iStart;
      uint32_t nPrev = aGroup[j - 1].iEnd - aGroup[j - 1].iStart;
      if (aGroup[j - 1].cSepNext != cSep) break; /* mixed separators */
      nTotal += nThis;
      if (nTotal > 19) break;
      if (ascii_of(p, aGroup[i].iStart, aGroup[j].iEnd, 1, z, sizeof z) < 0) {
        break;
      }
      /* bank card: 4-digit groups, the last 1-4 digits, 16-19 in all */
      if (nPrev == 4 && nThis <= 4 && nTotal >= 16) {
        int bAll4 = 1;
        for (size_t k = i; k < j; k++) {
          if (aGroup[k].iEnd - aGroup[k].iStart != 4) bAll4 = 0;
        }
        if (bAll4 && ident_bank_card_check(z, NULL) == IDENT_OK) {
          add_cand(p, PRIVACY_BANK_CARD, card_conf(z),
                   aStrength[PRIVACY_BANK_CARD], aGroup[i].iStart,
                   aGroup[j].iEnd);
        }
      }
      /* mobile 3-4-4 */
      if (j == i + 2 && aGroup[i].iEnd - aGroup[i].iStart == 3 &&
          nPrev == 4 && nThis == 4 && ident_mobile_check(z, NULL) == IDENT_OK) {
        add_cand(p, PRIVACY_MOBILE, PRIVACY_CONF_MEDIUM,
                 aStrength[PRIVACY_MOBILE], aGroup[i].iStart, aGroup[j].iEnd);
      }
      /* landline area-local */
      if (j == i + 1 && z[0] == '0' && (nPrev == 3 || nPrev == 4) &&
          (nThis == 7 || nThis == 8)) {
        char zTel[16];
        memcpy(zTel, z, nPrev);
        zTel[nPrev] = '-';
        memcpy(zTel + nPrev + 1, z + nPrev, nThis + 1);
        if (ident_landline_check(zTel, NULL) == IDENT_OK) {
          add_cand(p, PRIVACY_LANDLINE, PRIVACY_CONF_MEDIUM,
                   aStrength[PRIVACY_LANDLINE], aGroup[i].iStart,
                   aGroup[j].iEnd);
        }
      }
    }
  }
}

/* Finds digit groups and chains and adds their candidates. */
static void scan_numbers(Scan *p) {
  Group *aGroup = NULL;
  size_t nGroup = 0, nAlloc = 0;
  uint32_t i = 0;
  while (i < p->nCp) {
    Group g;
    if (!is_digit(p->aCp[i])) {
      i++;
      continue;
    }
    g.iStart = i;
    while (i < p->nCp && is_digit(p->aCp[i])) i++;
    g.iEnd = i;
    g.cSepNext = 0;
    if (i + 1 < p->nCp && (p->aCp[i] == ' ' || p->aCp[i] == '-') &&
        is_digit(p->aCp[i + 1])) {
      g.cSepNext = p->aCp[i];
    }
    scan_group(p, &g);
    if (nGroup == nAlloc) {
      nAlloc = nAlloc ? nAlloc * 2 : 8;
      aGroup = xrealloc(aGroup, nAlloc * sizeof aGroup[0]);
    }
    aGroup[nGroup++] = g;
    if (!g.cSepNext) {
      if (nGroup > 1) scan_chain(p, aGroup, nGroup);
      nGroup = 0;
    }
  }
  free(aGroup);
}

/* ---- numbers split by line breaks and spaces --------------------------- */

#define SPLIT_MAX_GROUPS 5  /* groups of one split number (6-4-4-4, 4-4-4-4-2) */

/* The start of the next digit group when the gap at i is "soft": spaces
** or tabs (at most 8 characters) with at most one line break; 0 when it is
** not.  *pbBreak: the gap holds a line break. */
static uint32_t soft_gap(const Scan *p, uint32_t i, int *pbBreak) {
  uint32_t j = i;
  int nBreak = 0;
  while (j < p->nCp && j - i < 8) {
    uint32_t c = p->aCp[j];
    if (c == '\n') nBreak++;
    else if (c != ' ' && c != '\t' && c != '\r') break;
    j++;
  }
  *pbBreak = nBreak > 0;
  return j > i && nBreak <= 1 && j < p->nCp && is_digit(p->aCp[j]) ? j : 0;
}

/* The digits of groups a[0..n) into z (at most 18 + NUL); their count. */
static uint32_t split_digits(const Scan *p, const Group *a, int n, char z[20]) {
  uint32_t k = 0;
  for (int g = 0; g < n; g++)
    for (uint32_t i = a[g].iStart; i < a[g].iEnd && k < 18; i++) z[k++] = (char)p->aCp[i];
  z[k] = 0;
  return k;
}

/* Candidates for the groups a[0..n) read as one number: an identity
** number whose check character holds (17 digits + 'x' or 18), a mobile in
** two groups across a line break or in at most three groups of 3+ digits. */
static void split_candidates(Scan *p, const Group *a, int n, const int *abBreak) {
  uint32_t nDigit = 0;
  int bAll3 = 1, bBreak = 0;
  for (int m = 1; m <= n; m++) {
    const Group *g = &a[m - 1];
    nDigit += g->iEnd - g->iStart;
    bAll3 &= g->iEnd - g->iStart >= 3;
    if (m > 1) bBreak |= abBreak[m - 1];
    if (m < 2 || nDigit > 18) continue;
    char z[20];
    uint32_t iEnd = g->iEnd;
    int bX = nDigit == 17 && iEnd < p->nCp && p->aCp[iEnd] == 'x' &&
             (iEnd + 1 >= p->nCp || !is_alnum(p->aCp[iEnd + 1]));
    if ((nDigit == 18 || bX) && split_digits(p, a, m, z) == nDigit) {
      if (bX) strcpy(z + 17, "X");
      if (ident_id_check(z, p->pOpt->iToday, NULL, NULL) == IDENT_OK)
        add_cand(p, PRIVACY_ID_NUMBER, PRIVACY_CONF_HIGH, aStrength[PRIVACY_ID_NUMBER],
                 a[0].iStart, iEnd + (uint32_t)bX);
    }
    if (nDigit == 11 && m <= 3 && (bAll3 || (m == 2 && bBreak)) &&
        split_digits(p, a, m, z) == 11 && ident_mobile_check(z, NULL) == IDENT_OK)
      add_cand(p, PRIVACY_MOBILE, PRIVACY_CONF_MEDIUM, aStrength[PRIVACY_MOBILE], a[0].iStart,
               iEnd);
  }
}

/* Numbers split by a line break or spaces ("640302199001\n011238",
** "640302 19900101 1238"): each digit group that starts a number (not
** after a letter, digit, '-' or '.') with the groups after soft gaps. */
static void scan_split_numbers(Scan *p) {
  for (uint32_t i = 0; i < p->nCp; i++) {
    if (!is_digit(p->aCp[i])) continue;
    uint32_t c0 = i > 0 ? p->aCp[i - 1] : ' ';
    Group a[SPLIT_MAX_GROUPS];
    int abBreak[SPLIT_MAX_GROUPS] = {0}, n = 0;
    uint32_t k = i;
    while (n < SPLIT_MAX_GROUPS) {
      a[n].iStart = k;
      while (k < p->nCp && is_digit(p->aCp[k])) k++;
      a[n++].iEnd = k;
      if (k < p->nCp && (p->aCp[k] == '.' || p->aCp[k] == '-')) break;  /* 3.2, dates */
      uint32_t j = n < SPLIT_MAX_GROUPS ? soft_gap(p, k, &abBreak[n]) : 0;
      if (!j) break;
      k = j;
    }
    if (n > 1 && !is_alnum(c0) && c0 != '-' && c0 != '.') split_candidates(p, a, n, abBreak);
    i = a[0].iEnd;
  }
}

/* Credit codes: maximal runs of ASCII letters and digits of length 18. */
static void scan_credit_codes(Scan *p) {
  uint32_t i = 0;
  while (i < p->nCp) {
    uint32_t iStart;
    char z[20];
    if (!is_alnum(p->aCp[i])) {
      i++;
      continue;
    }
    iStart = i;
    while (i < p->nCp && is_alnum(p->aCp[i])) i++;
    if (i - iStart != 18) continue;
    ascii_of(p, iStart, i, 0, z, sizeof z);
    if (ident_uscc_check(z, NULL) == IDENT_OK) {
      add_cand(p, PRIVACY_CREDIT_CODE, PRIVACY_CONF_HIGH,
               aStrength[PRIVACY_CREDIT_CODE], iStart, i);
    }
  }
}

/* 1 for characters of an e-mail local part (folded). */
static int email_local(uint32_t c) {
  return is_alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' ||
         c == '-';
}

/* 1 for characters of an e-mail domain (folded). */
static int email_domain(uint32_t c) {
  return is_alnum(c) || c == '.' || c == '-';
}

/* E-mail addresses around each '@'. */
static void scan_emails(Scan *p) {
  for (uint32_t i = 0; i < p->nCp; i++) {
    uint32_t s, e;
    char z[320];
    if (p->aCp[i] != '@') continue;
    s = i;
    while (s > 0 && i - s < 64 && email_local(p->aCp[s - 1])) s--;
    while (s < i && !is_alnum(p->aCp[s])) s++;
    e = i + 1;
    while (e < p->nCp && e - i <= 253 && email_domain(p->aCp[e])) e++;
    while (e > i + 1 && !is_alnum(p->aCp[e - 1])) e--;
    if (s == i || e == i + 1) continue;
    if (ascii_of(p, s, e, 0, z, sizeof z) < 0) continue;
    if (ident_email_check(z, NULL) == IDENT_OK) {
      add_cand(p, PRIVACY_EMAIL, PRIVACY_CONF_MEDIUM, aStrength[PRIVACY_EMAIL],
               s, e);
    }
  }
}

/* Orders candidates for greedy acceptance: longer byte span, then stronger,
** then earlier. */
static int cand_cmp_priority(const void *a, const void *b, const Scan *p) {
  const Cand *x = a, *y = b;
  uint32_t nx = p->aOff[x->iEnd] - p->aOff[x->iStart];
  uint32_t ny = p->aOff[y->iEnd] - p->aOff[y->iStart];
  if (nx != ny) return nx > ny ? -1 : 1;
  if (x->iStrength != y->iStrength) return x->iStrength > y->iStrength ? -1 : 1;
  if (x->iStart != y->iStart) return x->iStart < y->iStart ? -1 : 1;
  return 0;
}

/* Stable merge sort of aCand by cand_cmp_priority (qsort has no
** context argument in C11, and we keep no globals). */
static void sort_cands(const Scan *p, Cand *a, size_t n, Cand *aTmp) {
  size_t m, i, j, k;
  if (n < 2) return;
  m = n / 2;
  sort_cands(p, a, m, aTmp);
  sort_cands(p, a + m, n - m, aTmp);
  for (i = 0, j = m, k = 0; i < m || j < n;) {
    if (j >= n || (i < m && cand_cmp_priority(&a[i], &a[j], p) <= 0)) {
      aTmp[k++] = a[i++];
    } else {
      aTmp[k++] = a[j++];
    }
  }
  memcpy(a, aTmp, n * sizeof a[0]);
}

/* Accepts non-overlapping candidates from aCand[iFrom..] in priority order,
** marking aTaken; rejected ones are removed.  Accepted ones stay in
** aCand (in priority order). */
static void resolve(Scan *p, size_t iFrom) {
  size_t n = p->nCand - iFrom, k = iFrom;
  Cand *aTmp;
  if (n == 0) return;
  aTmp = xmalloc(n * sizeof aTmp[0]);
  sort_cands(p, p->aCand + iFrom, n, aTmp);
  free(aTmp);
  for (size_t i = iFrom; i < p->nCand; i++) {
    Cand *c = &p->aCand[i];
    int bFree = 1;
    for (uint32_t j = c->iStart; j < c->iEnd; j++) {
      if (p->aTaken[j]) {
        bFree = 0;
        break;
      }
    }
    if (!bFree) continue;
    memset(p->aTaken + c->iStart, 1, c->iEnd - c->iStart);
    p->aCand[k++] = *c;
  }
  p->nCand = k;
}

/* ---- person names ----------------------------------------------------- */

/* Labels after which a name is expected. */
static const char *const azLabel[] = {
    "法定代表人", "申请人", "联系人", "当事人", "负责人", "代理人", "经办人",
    "姓名", "患者",
};

/* Words and characters that end a name when they follow it. */
static const char *const azStop[] = {
    "性别", "电话", "手机", "身份", "住址", "地址", "年龄", "民族", "出生",
    "联系", "工作", "单位", "职务", "职业", "先生", "女士", "同志", "申请",
    "提出", "要求", "证件", "籍贯", "户籍", "邮箱", "银行", "账号", "卡号",
    "现住", "家住", "居住", "户口", "本人", "信用", "邮编", "电子", "座机",
    "男", "女", "于", "在", "向", "的", "等", "与", "及", "因", "称", "系",
    "已", "曾", "将", "对", "从", "是", "和", "为", "同",
};

/* 1 when the folded code points at i spell the UTF-8 word zWord. */
static int word_at(const Scan *p, uint32_t i, const char *zWord) {
  size_t n = strlen(zWord), k = 0;
  char zFirst[4];
  int nFirst;
  if (i >= p->nCp) return 0;
  /* cheap rejection on the first character's bytes */
  nFirst = utf8_encode(p->aCp[i], zFirst);
  if ((size_t)nFirst > n || memcmp(zFirst, zWord, (size_t)nFirst) != 0) {
    return 0;
  }
  while (k < n) {
    int len;
    uint32_t c = utf8_decode(zWord + k, n - k, &len);
    if (i >= p->nCp || p->aCp[i] != c) return 0;
    k += (size_t)len;
    i++;
  }
  return 1;
}

/* Length in code points of the label at i, or 0. */
static uint32_t label_at(const Scan *p, uint32_t i) {
  for (size_t k = 0; k < sizeof azLabel / sizeof azLabel[0]; k++) {
    if (word_at(p, i, azLabel[k])) {
      return (uint32_t)utf8_len(azLabel[k], strlen(azLabel[k]));
    }
  }
  return 0;
}

/* 1 when a stop word starts at i. */
static int stop_at(const Scan *p, uint32_t i) {
  for (size_t k = 0; k < sizeof azStop / sizeof azStop[0]; k++) {
    if (word_at(p, i, azStop[k])) return 1;
  }
  return 0;
}

/* Number of code points of the surname at i: 2 compound, 1 single, 0. */
static uint32_t surname_at(const Scan *p, uint32_t i) {
  char z[8];
  size_t n = 0;
  for (uint32_t k = i; k < i + 2 && k < p->nCp; k++) {
    n += (size_t)utf8_encode(p->aCp[k], z + n);
  }
  if (ident_compound_surname(z, n)) return 2;
  return i < p->nCp && ident_is_surname(p->aCp[i]) ? 1 : 0;
}

/* End of the CJK run starting at i. */
static uint32_t cjk_run_end(const Scan *p, uint32_t i) {
  while (i < p->nCp && utf8_is_cjk(p->aCp[i])) i++;
  return i;
}

/* Length (code points) of the name starting at i, or 0.  bLabel: i follows
** a label, so a known surname is not required for a short whole run and a
** long run may be cut at 3 (4 for a compound surname). */
static uint32_t name_len(const Scan *p, uint32_t i, int bLabel) {
  uint32_t iRunEnd = cjk_run_end(p, i), nRun = iRunEnd - i;
  uint32_t nSur = surname_at(p, i), nName = 0;
  if (nRun < 2) return 0;
  if (!bLabel && nSur == 0) return 0;
  for (uint32_t q = (nSur > 1 ? nSur + 1 : 2); q <= 4 && q <= nRun; q++) {
    if (q < nRun && stop_at(p, i + q)) {
      nName = q;
      break;
    }
  }
  if (nName == 0) {
    if (nRun <= 4) {
      nName = nRun;
    } else if (bLabel && nSur > 0) {
      nName = nSur == 2 ? 4 : 3;
    } else {
      return 0;
    }
  }
  if (nName <= nSur) return 0;
  for (uint32_t k = i; k < i + nName; k++) {
    if (p->aCp[k] == 0x67D0) return 0; /* 某: already anonymised */
  }
  return nName;
}

/* Words that follow a name written right after its label ("申请人张三于…",
** "经办人王丽萍向…"): the name must end before one of them, or before a
** character that is not CJK. */
static const char *const azAfterName[] = {
    "于", "向", "男", "女", "性别", "身份", "电话", "手机", "住", "现住", "家住", "联系",
    "等", "先生", "女士", "同志", "因", "称", "系", "提出", "申请", "要求", "已", "在", "对",
};

/* Words that follow these labels in policy texts and start with a surname
** character: never a name ("申请人应当…", "当事人有权…"). */
static const char *const azNotName[] = {
    "应当", "应该", "可以", "有权", "有关", "未能", "如实", "如有", "依法", "依照", "按照",
    "通过", "符合", "本人", "家属", "信息", "陈述", "申辩", "申请", "明确", "同意", "签名",
    "姓名", "自行", "需要", "逾期", "所在", "委托",
};

/* 1 when one of the n words az starts at i. */
static int word_in(const Scan *p, uint32_t i, const char *const *az, size_t n) {
  for (size_t k = 0; k < n; k++)
    if (word_at(p, i, az[k])) return 1;
  return 0;
}

/* Length of a name right after a label without a colon, or 0: a known
** surname and one or two more CJK characters (compound surname: the same
** after it), none of them 某 and no stop word inside, not a word of
** azNotName, followed by a non-CJK character or a word of azAfterName. */
static uint32_t bare_label_name(const Scan *p, uint32_t j) {
  uint32_t nSur = surname_at(p, j);
  if (!nSur || word_in(p, j, azNotName, sizeof azNotName / sizeof azNotName[0])) return 0;
  for (uint32_t n = nSur + 1; n <= nSur + 2 && j + n <= p->nCp; n++) {
    int bOk = 1;
    for (uint32_t q = j; q < j + n && bOk; q++)
      bOk = utf8_is_cjk(p->aCp[q]) && p->aCp[q] != 0x67D0 && (q == j || !stop_at(p, q));
    if (!bOk) return 0;
    uint32_t e = j + n;
    if (e >= p->nCp || !utf8_is_cjk(p->aCp[e]) ||
        word_in(p, e, azAfterName, sizeof azAfterName / sizeof azAfterName[0]))
      return n;
  }
  return 0;
}

/* Names after labels ("姓名：张三", "当事人: 张三、李四"; without a colon
** "申请人张三，…": bare_label_name). */
static void scan_label_names(Scan *p) {
  for (uint32_t i = 0; i < p->nCp; i++) {
    uint32_t nLabel, j, nName, nTaken = 0;
    if (!utf8_is_cjk(p->aCp[i])) continue;
    nLabel = label_at(p, i);
    if (nLabel == 0) continue;
    j = i + nLabel;
    while (j < p->nCp && p->aCp[j] == ' ') j++;
    if (j < p->nCp && p->aCp[j] != ':') {
      nName = bare_label_name(p, j);
      if (nName)
        add_cand(p, PRIVACY_PERSON_NAME, PRIVACY_CONF_MEDIUM, aStrength[PRIVACY_PERSON_NAME],
                 j, j + nName);
      i += nLabel - 1;
      continue;
    }
    if (j >= p->nCp) continue;
    j++;
    while (j < p->nCp && p->aCp[j] == ' ') j++;
    nName = name_len(p, j, 1);
    while (nName > 0 && nTaken < MAX_LABEL_NAMES) {
      add_cand(p, PRIVACY_PERSON_NAME, PRIVACY_CONF_MEDIUM,
               aStrength[PRIVACY_PERSON_NAME], j, j + nName);
      nTaken++;
      j += nName;
      if (j + 1 >= p->nCp || p->aCp[j] != 0x3001) break; /* 、 */
      j++;
      nName = name_len(p, j, 0);
    }
    i += nLabel - 1;
  }
}

/* 1 for characters that end a clause. */
static int clause_end(uint32_t c) {
  return c == 0x3002 || c == ';' || c == '!' || c == '?' || c == '\n' ||
         c == '\r' || c == 0xFF1B || c == 0xFF01 || c == 0xFF1F;
}

/* ---- home addresses ------------------------------------------------------ */

#define ADDR_MAX 50  /* characters of one address */

/* Labels of a person's own address (an agency's 地址 is not one). */
static const char *const azAddrLabel[] = {
    "家庭住址", "家庭地址", "户籍所在地", "现住址", "居住地址", "户籍地址", "居住地",
    "户籍地", "住所地", "住址", "住所", "现住", "家住",
};

/* What ends an address after its label (the next field of a form). */
static const char *const azAddrStop[] = {
    "电话", "手机", "联系", "身份", "邮编", "邮政", "邮箱", "电子", "性别", "出生", "民族",
};

/* 1 when c is one of the UTF-8 characters of z. */
static int cp_in(uint32_t c, const char *z) {
  for (int len; *z; z += len)
    if (utf8_decode(z, strlen(z), &len) == c) return 1;
  return 0;
}

/* Administrative units (a place) and what only a street address has. */
#define ADDR_UNIT "省市县区旗州盟"
#define ADDR_PLACE ADDR_UNIT "镇乡"
#define ADDR_DETAIL "路街巷弄村组号室栋幢屯"

/* 1 when [s, e) names a place and a street, village or house number:
** "中宁县宁安镇东街12号", not "县级人民政府" or "人民法院". */
static int addr_plausible(const Scan *p, uint32_t s, uint32_t e) {
  int bPlace = 0, bDetail = 0;
  for (uint32_t i = s; i < e; i++) {
    bPlace |= cp_in(p->aCp[i], ADDR_PLACE);
    bDetail |= cp_in(p->aCp[i], ADDR_DETAIL) || word_at(p, i, "单元");
  }
  return e - s >= 4 && bPlace && bDetail;
}

/* End of the address that starts at s: before punctuation, a space, the
** next field's label (azAddrStop) or a run of 7+ digits (a phone). */
static uint32_t addr_end(const Scan *p, uint32_t s) {
  uint32_t e = s;
  while (e < p->nCp && e - s < ADDR_MAX) {
    uint32_t c = p->aCp[e], d = e;
    if (!utf8_is_cjk(c) && !is_alnum(c) && c != '-' && c != '#') break;
    if (word_in(p, e, azAddrStop, sizeof azAddrStop / sizeof azAddrStop[0])) break;
    while (d < p->nCp && is_digit(p->aCp[d])) d++;
    if (d - e >= 7) break;
    e = d > e ? d : e + 1;
  }
  return e;
}

/* Addresses after a personal label ("住址：…", "家住…", and "，住…" after a
** comma or at a line start), MEDIUM. */
static void scan_labelled_addresses(Scan *p) {
  for (uint32_t i = 0; i < p->nCp; i++) {
    uint32_t n = 0, c0 = i > 0 ? p->aCp[i - 1] : '\n';
    for (size_t k = 0; !n && k < sizeof azAddrLabel / sizeof azAddrLabel[0]; k++)
      if (word_at(p, i, azAddrLabel[k]))
        n = (uint32_t)utf8_len(azAddrLabel[k], strlen(azAddrLabel[k]));
    if (!n && p->aCp[i] == 0x4F4F /* 住 */ && (c0 == ',' || c0 == '\n' || c0 == 0x3001 || c0 == ' '))
      n = 1;
    if (!n) continue;
    uint32_t s = i + n;
    while (s < p->nCp && p->aCp[s] == ' ') s++;
    if (s < p->nCp && p->aCp[s] == ':') s++;
    while (s < p->nCp && p->aCp[s] == ' ') s++;
    uint32_t e = addr_end(p, s);
    if (addr_plausible(p, s, e))
      add_cand(p, PRIVACY_ADDRESS, PRIVACY_CONF_MEDIUM, aStrength[PRIVACY_ADDRESS], s, e);
    i = e > i ? e - 1 : i;
  }
}

/* A flat's full address without a label ("…3号楼2单元402室"), LOW: a room
** number (2+ digits, 室) within 12 characters after 单元, 栋, 幢 or 号楼; the
** address starts after the verb before it (住 在 于 至 到 往 址 寄 为 是). */
static void scan_flat_addresses(Scan *p) {
  for (uint32_t k = 2; k < p->nCp; k++) {
    if (p->aCp[k] != 0x5BA4 /* 室 */ || !is_digit(p->aCp[k - 1]) || !is_digit(p->aCp[k - 2]))
      continue;
    uint32_t t = k, s;
    int bFlat = 0;
    while (t > 0 && k - t < 12 && !bFlat) {
      t--;
      bFlat = word_at(p, t, "单元") || word_at(p, t, "号楼") || cp_in(p->aCp[t], "栋幢");
    }
    if (!bFlat) continue;
    for (s = t; s > 0 && t - s < 30; s--) {
      uint32_t c = p->aCp[s - 1];
      if ((!utf8_is_cjk(c) && !is_alnum(c) && c != '-') || cp_in(c, "住在于至到往址寄为是")) break;
    }
    if (addr_plausible(p, s, k + 1))
      add_cand(p, PRIVACY_ADDRESS, PRIVACY_CONF_LOW, aStrength[PRIVACY_ADDRESS], s, k + 1);
  }
}

/* The length of the administrative units that start [s, e) (宁夏中卫市中宁县
** of 宁夏中卫市中宁县宁安镇东街12号): each unit ends within 8 characters in
** 省 市 县 区 旗 州 盟 (not 小区, 社区) with no town, street or number before. */
static uint32_t addr_units(const Scan *p, uint32_t s, uint32_t e) {
  uint32_t pos = s;
  for (;;) {
    uint32_t q = pos, bFound = 0;
    for (; q < e && q - pos < 8; q++) {
      uint32_t c = p->aCp[q];
      if (cp_in(c, "镇乡道" ADDR_DETAIL) || is_digit(c)) break;
      if (cp_in(c, ADDR_UNIT) && !(q > s && cp_in(p->aCp[q - 1], "小社"))) {
        bFound = 1;
        break;
      }
    }
    if (!bFound) return pos - s;
    pos = q + 1;
  }
}

/* Tries a name at every run start in [iFrom, iTo) (code points). */
static void names_in_window(Scan *p, uint32_t iFrom, uint32_t iTo) {
  for (uint32_t i = iFrom; i < iTo; i++) {
    uint32_t j = i, nName, nLabel;
    if (!utf8_is_cjk(p->aCp[i]) || (i > 0 && utf8_is_cjk(p->aCp[i - 1]))) {
      continue;
    }
    nLabel = label_at(p, i);
    if (nLabel) j = i + nLabel;
    nName = name_len(p, j, 0);
    if (nName > 0) {
      add_cand(p, PRIVACY_PERSON_NAME, PRIVACY_CONF_LOW,
               aStrength[PRIVACY_PERSON_NAME], j, j + nName);
    }
  }
}

/* Names in the same clause near each accepted non-name finding
** aCand[0..nFinding). */
static void scan_adjacent_names(Scan *p, size_t nFinding) {
  for (size_t k = 0; k < nFinding; k++) {
    uint32_t iStart = p->aCand[k].iStart, iEnd = p->aCand[k].iEnd;
    uint32_t a = iStart, b = iEnd;
    while (a > 0 && iStart - a < NAME_GAP && !clause_end(p->aCp[a - 1])) a--;
    while (b < p->nCp && b - iEnd < NAME_GAP && !clause_end(p->aCp[b])) b++;
    names_in_window(p, a, iStart);
    names_in_window(p, iEnd, b);
  }
}

/* ---- results ----------------------------------------------------------- */

/* Orders accepted candidates by start. */
static int cand_cmp_start(const void *a, const void *b) {
  const Cand *x = a, *y = b;
  return x->iStart < y->iStart ? -1 : x->iStart > y->iStart;
}

/* The suggested mask for candidate c (new string). */
static char *make_mask(const Scan *p, const Cand *c) {
  const char *zM = p->z + p->aOff[c->iStart];
  size_t nM = p->aOff[c->iEnd] - p->aOff[c->iStart];
  switch (c->eKind) {
    case PRIVACY_ID_NUMBER:
    case PRIVACY_ID_NUMBER_15:
      return ident_mask_alnum(zM, nM, 6, 4);
    case PRIVACY_MOBILE:
      return ident_mask_alnum(zM, nM, 3, 4);
    case PRIVACY_LANDLINE: {
      char z[4] = {0, 0, 0, 0};
      uint32_t k = 0;
      for (uint32_t i = c->iStart; i < c->iEnd && k < 3; i++) {
        if (is_digit(p->aCp[i])) z[k++] = (char)p->aCp[i];
      }
      return ident_mask_alnum(zM, nM, (size_t)ident_landline_area_len(z) + 1,
                              2);
    }
    case PRIVACY_BANK_CARD:
      return ident_mask_alnum(zM, nM, 4, 4);
    case PRIVACY_CREDIT_CODE:
      return ident_mask_alnum(zM, nM, 8, 2);
    case PRIVACY_EMAIL: {
      Buf b = BUF_INIT;
      uint32_t iAt = c->iStart;
      while (iAt < c->iEnd && p->aCp[iAt] != '@') iAt++;
      buf_append(&b, zM, p->aOff[c->iStart + 1] - p->aOff[c->iStart]);
      buf_puts(&b, "***");
      buf_append(&b, p->z + p->aOff[iAt], p->aOff[c->iEnd] - p->aOff[iAt]);
      return buf_steal(&b);
    }
    case PRIVACY_PERSON_NAME: {
      char *zName = xstrndup(zM, nM), *zMask = ident_mask_name(zName);
      free(zName);
      return zMask;
    }
    case PRIVACY_ADDRESS: {     /* the administrative units stay */
      Buf b = BUF_INIT;
      uint32_t iKeep = c->iStart + addr_units(p, c->iStart, c->iEnd);
      buf_append(&b, zM, p->aOff[iKeep] - p->aOff[c->iStart]);
      for (uint32_t i = iKeep; i < c->iEnd; i++) buf_putc(&b, '*');
      return buf_steal(&b);
    }
    case PRIVACY_SECRECY_MARK:   /* privacy_marks_scan(): never masked */
      break;
  }
  return ident_mask(zM, nM, 0, 0);
}

/* Converts accepted candidates into findings, dropping those the options
** exclude (after overlap resolution, so options never change the span or
** kind of the other findings). */
static void build_result(Scan *p, PrivacyResult *pRes) {
  size_t nKeep = 0;
  for (size_t i = 0; i < p->nCand; i++) {
    const Cand *c = &p->aCand[i];
    if (p->pOpt->mSkip & (1u << c->eKind)) continue;
    if (c->eConf == PRIVACY_CONF_LOW && p->pOpt->bNoLowConf) continue;
    p->aCand[nKeep++] = *c;
  }
  p->nCand = nKeep;
  if (p->nCand > 1) {
    qsort(p->aCand, p->nCand, sizeof p->aCand[0], cand_cmp_start);
  }
  pRes->nFinding = p->nCand;
  pRes->aFinding = p->nCand ? xmalloc(p->nCand * sizeof pRes->aFinding[0])
                            : NULL;
  for (size_t k = 0; k < p->nCand; k++) {
    const Cand *c = &p->aCand[k];
    PrivacyFinding *f = &pRes->aFinding[k];
    uint32_t a = c->iStart > CONTEXT_CHARS ? c->iStart - CONTEXT_CHARS : 0;
    uint32_t b = c->iEnd + CONTEXT_CHARS < p->nCp ? c->iEnd + CONTEXT_CHARS
                                                  : p->nCp;
    f->eKind = c->eKind;
    f->eConf = c->eConf;
    f->iOffset = p->aOff[c->iStart];
    f->nLen = p->aOff[c->iEnd] - p->aOff[c->iStart];
    f->zMatch = xstrndup(p->z + f->iOffset, f->nLen);
    f->zContext = xstrndup(p->z + p->aOff[a], p->aOff[b] - p->aOff[a]);
    f->zMask = make_mask(p, c);
  }
}

int privacy_scan(const char *z, size_t n, const PrivacyOptions *pOpt,
                 PrivacyResult *pRes) {
  static const PrivacyOptions defaults = {0, 0, 0};
  Scan s;
  size_t i = 0, nNumber;
  pRes->aFinding = NULL;
  pRes->nFinding = 0;
  if (n > PRIVACY_MAX_INPUT) return PRIVACY_E_TOO_BIG;
  if (n == 0 || !z) return PRIVACY_OK;
  memset(&s, 0, sizeof s);
  s.z = z;
  s.n = n;
  s.pOpt = pOpt ? pOpt : &defaults;
  s.aCp = xmalloc((n + 1) * sizeof s.aCp[0]);
  s.aOff = xmalloc((n + 1) * sizeof s.aOff[0]);
  while (i < n) {
    int len;
    s.aCp[s.nCp] = utf8_fold(utf8_decode(z + i, n - i, &len));
    s.aOff[s.nCp] = (uint32_t)i;
    s.nCp++;
    i += (size_t)len;
  }
  s.aCp[s.nCp] = 0;
  s.aOff[s.nCp] = (uint32_t)n;
  s.aTaken = calloc(s.nCp + 1, 1);
  if (!s.aTaken) abort();

  scan_numbers(&s);
  scan_split_numbers(&s);
  scan_credit_codes(&s);
  scan_emails(&s);
  resolve(&s, 0);
  nNumber = s.nCand;
  scan_label_names(&s);
  scan_adjacent_names(&s, nNumber);
  scan_labelled_addresses(&s);
  scan_flat_addresses(&s);
  resolve(&s, nNumber);
  build_result(&s, pRes);

  free(s.aCp);
  free(s.aOff);
  free(s.aTaken);
  free(s.aCand);
  return PRIVACY_OK;
}

void privacy_result_free(PrivacyResult *pRes) {
  if (!pRes) return;
  for (size_t k = 0; k < pRes->nFinding; k++) {
    free(pRes->aFinding[k].zMatch);
    free(pRes->aFinding[k].zContext);
    free(pRes->aFinding[k].zMask);
  }
  free(pRes->aFinding);
  pRes->aFinding = NULL;
  pRes->nFinding = 0;
}

/* Orders findings by offset (then longer first) for privacy_apply_masks. */
static int finding_ptr_cmp(const void *a, const void *b) {
  const PrivacyFinding *x = *(const PrivacyFinding *const *)a;
  const PrivacyFinding *y = *(const PrivacyFinding *const *)b;
  if (x->iOffset != y->iOffset) return x->iOffset < y->iOffset ? -1 : 1;
  if (x->nLen != y->nLen) return x->nLen > y->nLen ? -1 : 1;
  return 0;
}

char *privacy_apply_masks(const char *z, size_t n,
                          const PrivacyFinding *aFinding, size_t nFinding,
                          size_t *pnOut) {
  Buf b = BUF_INIT;
  const PrivacyFinding **ap = NULL;
  size_t iPos = 0;
  if (!z) n = 0;
  if (nFinding) {
    ap = xmalloc(nFinding * sizeof ap[0]);
    for (size_t k = 0; k < nFinding; k++) ap[k] = &aFinding[k];
    qsort(ap, nFinding, sizeof ap[0], finding_ptr_cmp);
  }
  for (size_t k = 0; k < nFinding; k++) {
    const PrivacyFinding *f = ap[k];
    if (f->iOffset < iPos || f->iOffset > n || f->nLen > n - f->iOffset) {
      continue;
    }
    buf_append(&b, z + iPos, f->iOffset - iPos);
    if (f->zMask) {
      buf_puts(&b, f->zMask);
    } else {
      size_t nC = utf8_len(z + f->iOffset, f->nLen);
      for (size_t i = 0; i < nC; i++) buf_putc(&b, '*');
    }
    iPos = f->iOffset + f->nLen;
  }
  if (iPos < n) buf_append(&b, z + iPos, n - iPos);
  free(ap);
  if (pnOut) *pnOut = b.n;
  if (!b.z) return xstrdup("");
  return buf_steal(&b);
}

/* The comparison key of a phone (its folded digits) or e-mail (folded,
** lower-case) z[0..n) into b. */
static void contact_key(const char *z, size_t n, int bEmail, Buf *b) {
  size_t i = 0;
  while (i < n) {
    int len;
    uint32_t c = utf8_fold(utf8_decode(z + i, n - i, &len));
    i += (size_t)len;
    if (bEmail ? c < 128 : is_digit(c)) buf_putc(b, (char)c);
  }
}

int privacy_is_known_contact(const PrivacyFinding *f, const char *zKnown) {
  int bEmail = f->eKind == PRIVACY_EMAIL, bFound = 0;
  if (!zKnown || !zKnown[0] || !f->zMatch) return 0;
  if (!bEmail && f->eKind != PRIVACY_MOBILE && f->eKind != PRIVACY_LANDLINE)
    return 0;
  PrivacyResult r;
  if (privacy_scan(zKnown, strlen(zKnown), NULL, &r) != PRIVACY_OK) return 0;
  Buf want = BUF_INIT, got = BUF_INIT;
  contact_key(f->zMatch, f->nLen, bEmail, &want);
  for (size_t k = 0; k < r.nFinding && !bFound; k++) {
    const PrivacyFinding *g = &r.aFinding[k];
    if ((g->eKind == PRIVACY_EMAIL) != bEmail ||
        (!bEmail && g->eKind != PRIVACY_MOBILE && g->eKind != PRIVACY_LANDLINE))
      continue;
    buf_reset(&got);
    contact_key(g->zMatch, g->nLen, bEmail, &got);
    bFound = want.n && want.n == got.n && !memcmp(want.z, got.z, want.n);
  }
  buf_free(&want);
  buf_free(&got);
  privacy_result_free(&r);
  return bFound;
}

const char *privacy_kind_name(PrivacyKind e) {
  switch (e) {
    case PRIVACY_ID_NUMBER: return "id_number";
    case PRIVACY_ID_NUMBER_15: return "id_number_15";
    case PRIVACY_MOBILE: return "mobile";
    case PRIVACY_LANDLINE: return "landline";
    case PRIVACY_BANK_CARD: return "bank_card";
    case PRIVACY_EMAIL: return "email";
    case PRIVACY_CREDIT_CODE: return "credit_code";
    case PRIVACY_PERSON_NAME: return "person_name";
    case PRIVACY_SECRECY_MARK: return "secrecy_mark";
    case PRIVACY_ADDRESS: return "address";
  }
  return "unknown";
}

const char *privacy_kind_label(PrivacyKind e) {
  switch (e) {
    case PRIVACY_ID_NUMBER: return "身份证号";
    case PRIVACY_ID_NUMBER_15: return "身份证号（15位）";
    case PRIVACY_MOBILE: return "手机号码";
    case PRIVACY_LANDLINE: return "固定电话";
    case PRIVACY_BANK_CARD: return "银行卡号";
    case PRIVACY_EMAIL: return "电子邮箱";
    case PRIVACY_CREDIT_CODE: return "统一社会信用代码";
    case PRIVACY_PERSON_NAME: return "姓名";
    case PRIVACY_SECRECY_MARK: return "密级或发布标记";
    case PRIVACY_ADDRESS: return "住址";
  }
  return "未知";
}

PrivacyKind privacy_kind_from_name(const char *zName) {
  if (!zName) return 0;
  for (int e = 1; e <= PRIVACY_KIND_MAX; e++) {
    if (strcmp(zName, privacy_kind_name((PrivacyKind)e)) == 0) {
      return (PrivacyKind)e;
    }
  }
  return 0;
}
