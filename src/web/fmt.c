/*
** fmt.c — how stored values read on a page (issue 15, bugs 2 and 3): one
** formatter for dates and times (stored in UTC, shown in Beijing time) and
** one lookup from internal identifiers to their Chinese labels.
*/
#include <string.h>

#include "core/application.h"
#include "lib/date.h"
#include "web/pages.h"

const char *fmt_time(Req *r, const char *z) {
  time_t t;
  Date d;
  if (!z || !z[0]) return "-";
  if (!datetime_parse_utc(z, &t)) {
    char zOut[DATETIME_CN_STRLEN];
    return req_strdup(r, datetime_format_cn_long(t, zOut));
  }
  if (strlen(z) == 10 && !date_parse(z, &d)) {
    char zOut[DATE_CN_STRLEN];
    return req_strdup(r, date_format_cn_long(d, zOut));
  }
  return z;
}

const char *fmt_time_short(Req *r, const char *z) {
  time_t t;
  if (!z || !z[0]) return "-";
  if (!datetime_parse_utc(z, &t)) {
    char zOut[DATETIME_STRLEN];
    datetime_format_cn(t, zOut);
    zOut[16] = 0; /* "2026-12-07 07:20" */
    return req_strdup(r, zOut);
  }
  return z;
}

const char *fmt_date(Req *r, const char *z) {
  Date d;
  time_t t;
  char zOut[DATE_CN_STRLEN];
  if (!z || !z[0]) return "-";
  if (strlen(z) == 10 && !date_parse(z, &d))
    return req_strdup(r, date_format_cn_long(d, zOut));
  if (!datetime_parse_utc(z, &t))  /* an instant: its day in Beijing */
    return req_strdup(r, date_format_cn_long(date_from_time_cn(t), zOut));
  return z;
}

const char *fmt_size(Req *r, int64_t nByte) {
  if (nByte < 1024) return req_fmt(r, "%lld字节", (long long)nByte);
  if (nByte < 1024 * 1024) return req_fmt(r, "%.1f KB", (double)nByte / 1024);
  return req_fmt(r, "%.1f MB", (double)nByte / (1024 * 1024));
}

/* Detected types (lib/doctext) and what a person calls such a file. */
static const struct { const char *zMime, *zKind; } aFileKind[] = {
  {"application/pdf", "PDF"},
  {"application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word"},
  {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel"},
  {"image/png", "图片"}, {"image/jpeg", "图片"}, {"image/gif", "图片"}, {"image/webp", "图片"},
  {NULL, NULL}};

const char *fmt_file_kind(const char *zMime) {
  for (int i = 0; zMime && aFileKind[i].zMime; i++)
    if (!strcmp(aFileKind[i].zMime, zMime)) return aFileKind[i].zKind;
  return "";
}

/* Identifiers that reach pages outside the tables of core/application.h:
** form fields named in findings and history, workflow actions, kinds. */
static const struct { const char *zId, *zLabel; } aLabel[] = {
  /* privacy findings: what the scanner found (core/privacy.c kinds) */
  {"id_number", "身份证号码"}, {"mobile", "手机号码"}, {"landline", "固定电话"},
  {"phone", "电话号码"}, {"email", "电子邮箱"}, {"bank_card", "银行卡号"},
  {"address", "住址"}, {"name", "姓名"}, {"passport", "护照号码"},
  {"plate", "车牌号码"}, {"uscc", "统一社会信用代码"},
  {"credit_code", "统一社会信用代码"}, {"person_name", "姓名"},
  /* document workflow actions (document history) */
  {"create", "新建"}, {"edit", "更正"}, {"pass", "通过"}, {"update", "修改"}, {"submit", "提交审核"},
  {"approve", "审核通过"}, {"reject", "退回修改"}, {"return", "退回修改"},
  {"publish", "发布"}, {"withdraw", "撤回"}, {"unpublish", "撤回"},
  {"correct", "更正"}, {"validity", "变更有效性"}, {"channel", "登记发布渠道"},
  {"attach", "上传附件"}, {"scan", "隐私扫描"}, {"import", "导入"},
  {"secrecy", "保密审查"}, {"legal", "合法性审查"}, {"sign", "签发"},
  /* document states */
  {"draft", "草稿"}, {"review", "审核中"}, {"published", "已发布"},
  {"withdrawn", "已撤回"}, {"repealed", "已废止"}, {"valid", "有效"},
  {"invalid", "失效"}, {"amended", "已修订"},
  /* finding decisions */
  {"open", "待处理"}, {"redacted", "已遮盖"}, {"accepted", "确认无需处理"},
  {"false_positive", "误报"}, {"dismissed", "无需处理"},
  /* annual report registers of table 二 */
  {"licensing", "行政许可"}, {"penalty", "行政处罚"}, {"coercion", "行政强制"},
  {"admin_fees", "行政事业性收费"},
  {NULL, NULL}};

static const AppCode *const aAppTables[] = {
  aAppApplicantType, aAppIdKind, aAppForm, aAppDelivery, aAppReviewKind,
  aAppReviewResult, aAppEventKind, aAppState, NULL};

const char *fmt_label(const char *zId) {
  if (!zId || !zId[0]) return "";
  for (int i = 0; aLabel[i].zId; i++)
    if (!strcmp(aLabel[i].zId, zId)) return aLabel[i].zLabel;
  const AppOutcome *o = app_outcome(zId);
  if (o) return o->zLabel;
  const AppChannel *ch = app_channel(zId);
  if (ch) return ch->zLabel;
  for (int t = 0; aAppTables[t]; t++) {
    const AppCode *c = app_code(aAppTables[t], zId);
    if (c) return c->zLabel;
  }
  /* Text that is not an identifier (it has non-ASCII or spaces) is shown
  ** as it is; an unknown identifier is never shown. */
  for (const char *p = zId; *p; p++)
    if ((unsigned char)*p >= 0x80 || *p == ' ') return zId;
  return "其他";
}

const char *fmt_instant(Req *r, time_t t) {
  char zOut[DATETIME_CN_STRLEN];
  return req_strdup(r, datetime_format_cn_long(t, zOut));
}

const char *fmt_words(Req *r, const char *z) {
  if (!z) return "";
  Buf b = BUF_INIT;
  const char *p = z;
  while (*p) {
    size_t n = strcspn(p, " ");
    if (n) {
      char *zTok = arena_strndup(&r->arena, p, n);
      int bId = 1;
      for (const char *q = zTok; *q; q++)
        if (!((*q >= 'a' && *q <= 'z') || *q == '_' || *q == '.')) bId = 0;
      if (b.n) buf_putc(&b, ' ');
      buf_puts(&b, bId ? fmt_label(zTok) : zTok);
    }
    p += n;
    while (*p == ' ') p++;
  }
  char *zOut = arena_strndup(&r->arena, b.z ? b.z : "", b.n);
  buf_free(&b);
  return zOut;
}
