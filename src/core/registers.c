/* registers.c — labels and input rules of the registers (see registers.h). */
#include "core/registers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/response_clock.h"
#include "lib/utf8.h"

typedef struct Label { const char *zCode, *zLabel; } Label;

static const char *lookup(const Label *a, size_t n, const char *z) {
  if (!z) return NULL;
  for (size_t i = 0; i < n; i++)
    if (!strcmp(a[i].zCode, z)) return a[i].zLabel;
  return NULL;
}
#define LOOKUP(a, z) lookup(a, sizeof a / sizeof a[0], z)

static const Label aLevel[] = {
  {"major", "特别重大、重大突发事件"},
  {"other", "其他政务舆情"},
};
static const Label aResponse[] = {
  {"release", "发布权威信息"},
  {"press", "举行新闻发布会"},
  {"online", "网上回应"},
};
static const Label aBox[] = {
  {"message", "网民留言"},
  {"mailbox", "领导信箱"},
};
static const Label aProposal[] = {
  {"npc", "人大代表建议"},
  {"cppcc", "政协委员提案"},
};
static const Label aActivity[] = {
  {"press", "新闻发布会"},
  {"interview", "在线访谈"},
  {"open_day", "政府开放日"},
  {"training", "培训"},
  {"meeting", "会议"},
  {"publicity", "宣传材料"},
};

const char *reg_level_label(const char *z) { return LOOKUP(aLevel, z); }
const char *reg_response_label(const char *z) { return LOOKUP(aResponse, z); }
const char *reg_box_label(const char *z) { return LOOKUP(aBox, z); }
const char *reg_proposal_label(const char *z) { return LOOKUP(aProposal, z); }
const char *reg_activity_label(const char *z) { return LOOKUP(aActivity, z); }

const char *const *reg_activity_kinds(int *pn) {
  static const char *const aKind[] = {"press", "interview", "open_day",
                                      "training", "meeting", "publicity"};
  *pn = (int)(sizeof aKind / sizeof aKind[0]);
  return aKind;
}

/* Code points of z after trimming ASCII/ideographic spaces at both ends;
** -1 when not UTF-8 or when it holds a control character (line breaks and
** tabs allowed only when bMulti). */
static long text_len(const char *z, int bMulti) {
  size_t n = strlen(z);
  if (!utf8_valid(z, n)) return -1;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)z[i];
    if (c == 0x7f) return -1;
    if (c < 0x20 && !(bMulti && (c == '\n' || c == '\r' || c == '\t'))) return -1;
  }
  /* Trim. */
  size_t b = 0, e = n;
  while (b < e) {
    int len;
    uint32_t cp = utf8_decode(z + b, e - b, &len);
    if (!utf8_is_space(cp)) break;
    b += (size_t)len;
  }
  while (e > b) {
    size_t k = e - 1;
    while (k > b && ((unsigned char)z[k] & 0xC0) == 0x80) k--;
    int len;
    uint32_t cp = utf8_decode(z + k, e - k, &len);
    if (!utf8_is_space(cp)) break;
    e = k;
  }
  return (long)utf8_len(z + b, e - b);
}

const char *reg_text_check(const char *zLabel, const char *z, int nMax,
                           int bRequired) {
  static _Thread_local char zMsg[160];
  long n = text_len(z ? z : "", 1);
  if (n < 0) {
    snprintf(zMsg, sizeof zMsg, "%s含有无效字符", zLabel);
    return zMsg;
  }
  if (bRequired && n == 0) {
    snprintf(zMsg, sizeof zMsg, "%s不能为空", zLabel);
    return zMsg;
  }
  if (n > nMax) {
    snprintf(zMsg, sizeof zMsg, "%s不能超过%d个字", zLabel, nMax);
    return zMsg;
  }
  return NULL;
}

/* 1 when z looks like a phone number: 7–20 digits with optional spaces,
** hyphens and a leading '+'. */
static int phone_ok(const char *z) {
  int nDigit = 0;
  for (const char *p = z; *p; p++) {
    if (*p >= '0' && *p <= '9') nDigit++;
    else if (*p == '+' && p == z) continue;
    else if (*p != '-' && *p != ' ') return 0;
  }
  return nDigit >= 7 && nDigit <= 20;
}

/* 1 when z looks like an e-mail address: local@domain.tld, ASCII. */
static int email_ok(const char *z) {
  const char *at = strchr(z, '@');
  if (!at || at == z || strchr(at + 1, '@')) return 0;
  const char *dot = strrchr(at + 1, '.');
  if (!dot || dot == at + 1 || !dot[1]) return 0;
  for (const char *p = z; *p; p++)
    if ((unsigned char)*p <= ' ' || (unsigned char)*p >= 0x7f) return 0;
  return 1;
}

const char *reg_message_check(const char *zBox, const char *zName,
                              const char *zContact, const char *zSubject,
                              const char *zBody, const char **pzField) {
  const char *zWhy = NULL, *zField = NULL;
  if (!zBox || !reg_box_label(zBox)) {
    zWhy = "请选择留言类型（网民留言或领导信箱）";
    zField = "box";
  } else if ((zWhy = reg_text_check("标题", zSubject, MSG_SUBJECT_MAX, 1)) != NULL ||
             (zSubject && (strchr(zSubject, '\n') || strchr(zSubject, '\r')) &&
              (zWhy = "标题不能换行") != NULL)) {
    zField = "subject";
  } else if ((zWhy = reg_text_check("留言内容", zBody, MSG_BODY_MAX, 1)) != NULL) {
    zField = "body";
  } else if ((zWhy = reg_text_check("姓名", zName, MSG_NAME_MAX, 0)) != NULL) {
    zField = "name";
  } else if ((zWhy = reg_text_check("联系方式", zContact, MSG_CONTACT_MAX, 0)) != NULL ||
             (zContact && zContact[0] && !phone_ok(zContact) && !email_ok(zContact) &&
              (zWhy = "联系方式应为电话号码或电子邮箱") != NULL)) {
    zField = "contact";
  }
  if (pzField) *pzField = zField;
  return zWhy;
}

int reg_reply_days(const char *zValue) {
  if (!zValue || !zValue[0]) return RC_MESSAGE_DAYS;
  char *zEnd;
  long v = strtol(zValue, &zEnd, 10);
  if (*zEnd || v < 1 || v > 60) return RC_MESSAGE_DAYS;
  return (int)v;
}

const char *reg_proposal_dates(const char *zKind, Date dReceived, Date dDue,
                               Date *pdDue) {
  int bNpc = zKind && !strcmp(zKind, "npc");
  *pdDue = dDue;
  if (dReceived == DATE_NONE) return NULL;
  if (dDue == DATE_NONE) {
    if (bNpc) *pdDue = date_add_months(dReceived, 3);
    return NULL;
  }
  if (dDue < dReceived) return "办理期限不能早于交办日期";
  if (bNpc && dDue > date_add_months(dReceived, 6))
    return "人大代表建议应自交办之日起三个月内答复，经同意延期的最长不超过六个月：办理期限不能晚于交办日期后六个月";
  return NULL;
}

const char *reg_inspection_dates(Date dOn, Date dDue, Date dClosed, Date dToday) {
  if (dOn > dToday) return "督查日期不能晚于今天";
  if (dDue != DATE_NONE && dDue < dOn) return "整改期限不能早于督查日期";
  if (dClosed == DATE_NONE) return NULL;
  if (dClosed < dOn) return "办结日期不能早于督查日期";
  if (dClosed > dToday) return "办结日期不能晚于今天";
  return NULL;
}
