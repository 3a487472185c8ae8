/* document.c — document rules: labels, review chain, canonical content,
** ledger hashes and the Art. 26 clock (see document.h). */
#include "core/document.h"

#include <stdlib.h>
#include <stddef.h>
#include <string.h>

#include "lib/buf.h"
#include "lib/crypto.h"
#include "lib/date.h"
#include "lib/utf8.h"

const DocCode aDocState[] = {
  {"draft", "草稿"},
  {"dept_review", "科室审核"},
  {"secrecy_review", "保密审查"},
  {"approval", "领导审批"},
  {"published", "已发布"},
  {"filed", "已审定（不主动公开）"},
  {"withdrawn", "已撤回"},
  {NULL, NULL},
};

const DocCode aDocMode[] = {
  {"proactive", "主动公开"},
  {"on_request", "依申请公开"},
  {"withheld", "不予公开"},
  {NULL, NULL},
};

const DocCode aDocValidity[] = {
  {"valid", "有效"},
  {"amended", "已修订"},
  {"repealed", "废止"},
  {"expired", "失效"},
  {NULL, NULL},
};

const DocCode aDocReportKind[] = {
  {"regulation", "规章"},
  {"normative", "行政规范性文件"},
  {"other", "其他"},
  {NULL, NULL},
};

/* The grounds for not disclosing (《政府信息公开条例》Arts. 14-16). */
const DocCode aDocGround[] = {
  {"art14_state_secret", "第十四条：依法确定为国家秘密"},
  {"art14_law_forbids", "第十四条：法律、行政法规禁止公开"},
  {"art14_security", "第十四条：公开后可能危及国家安全、公共安全、经济安全、社会稳定"},
  {"art15_third_party", "第十五条：涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害"},
  {"art16_internal", "第十六条第一款：内部事务信息（人事管理、后勤管理、内部工作流程等）"},
  {"art16_process", "第十六条第二款：过程性信息（讨论记录、过程稿、磋商信函、请示报告等）"},
  {"art16_enforcement", "第十六条第二款：行政执法案卷信息"},
  {NULL, NULL},
};

const char *const azDocGenre[] = {"通知", "公告", "通告", "意见", "办法", "规定",
                                  "方案", "计划", "总结", "报告", "决定", "公示",
                                  "解读", "其他", NULL};

const char *const azDocChannel[] = {"政府网站", "政府公报", "微信公众号", "微博",
                                    "政务客户端", "新闻发布会", "广播电视",
                                    "纸质媒体", "公开查阅点", "政务服务中心",
                                    "公示栏", "电子屏", "其他", NULL};

const char *doc_label(const DocCode *a, const char *zCode) {
  if (!zCode) return "";
  for (int i = 0; a[i].zCode; i++)
    if (!strcmp(a[i].zCode, zCode)) return a[i].zLabel;
  return zCode;
}

int doc_code_valid(const DocCode *a, const char *zCode) {
  if (!zCode) return 0;
  for (int i = 0; a[i].zCode; i++)
    if (!strcmp(a[i].zCode, zCode)) return 1;
  return 0;
}

DocAction doc_action_parse(const char *z) {
  if (!z) return 0;
  if (!strcmp(z, "submit")) return DOC_ACT_SUBMIT;
  if (!strcmp(z, "pass")) return DOC_ACT_PASS;
  if (!strcmp(z, "return")) return DOC_ACT_RETURN;
  if (!strcmp(z, "withdraw")) return DOC_ACT_WITHDRAW;
  return 0;
}

/* The permission that acts on each reviewing state. */
static int review_perm(const char *zState, Perm *pPerm) {
  if (!strcmp(zState, "dept_review")) *pPerm = PERM_DOC_DEPT_REVIEW;
  else if (!strcmp(zState, "secrecy_review")) *pPerm = PERM_DOC_SECRECY;
  else if (!strcmp(zState, "approval")) *pPerm = PERM_DOC_APPROVE;
  else return 0;
  return 1;
}

const char *doc_transition(const char *zState, const char *zMode,
                           DocAction eAct, const char **pzNext, Perm *pPerm) {
  Perm p;
  if (!zState) return "文件状态未知";
  switch (eAct) {
    case DOC_ACT_SUBMIT:
      if (strcmp(zState, "draft")) return "只有草稿可以提交审核";
      *pzNext = "dept_review";
      *pPerm = PERM_DOC_DRAFT;
      return NULL;
    case DOC_ACT_PASS:
      if (!review_perm(zState, &p)) return "该文件当前不在审核环节";
      if (!strcmp(zState, "dept_review")) *pzNext = "secrecy_review";
      else if (!strcmp(zState, "secrecy_review")) *pzNext = "approval";
      else *pzNext = (zMode && !strcmp(zMode, "proactive")) ? "published" : "filed";
      *pPerm = p;
      return NULL;
    case DOC_ACT_RETURN:
      if (!review_perm(zState, &p)) return "该文件当前不在审核环节，无法退回";
      *pzNext = "draft";
      *pPerm = p;
      return NULL;
    case DOC_ACT_WITHDRAW:
      if (strcmp(zState, "published")) return "只有已发布的文件可以撤回";
      *pzNext = "withdrawn";
      *pPerm = PERM_DOC_MANAGE;
      return NULL;
  }
  return "未知的操作";
}

int doc_passed_this_round(const DocReview *aRev, int nRev, int64_t userId) {
  int iFrom = 0;
  for (int i = 0; i < nRev; i++)
    if (aRev[i].zDecision && !strcmp(aRev[i].zDecision, "submit")) iFrom = i + 1;
  for (int i = iFrom; i < nRev; i++)
    if (aRev[i].userId == userId && aRev[i].zDecision &&
        !strcmp(aRev[i].zDecision, "pass"))
      return 1;
  return 0;
}

static int empty(const char *z) { return !z || !z[0]; }

static int date_ok(const char *z) {
  Date d;
  return empty(z) || date_parse(z, &d) == 0;
}

const char *doc_draft_check(const Doc *d) {
  if (utf8_blank(d->zTitle)) return "标题不能为空";
  if (strlen(d->zTitle) > 600) return "标题过长";
  if (!date_ok(d->zSignedDate)) return "成文日期格式应为 YYYY-MM-DD";
  if (!date_ok(d->zFormedDate)) return "生成日期格式应为 YYYY-MM-DD";
  if (!empty(d->zMode) && !doc_code_valid(aDocMode, d->zMode))
    return "公开方式无效";
  if (!empty(d->zWithheldGround) && !doc_code_valid(aDocGround, d->zWithheldGround))
    return "不予公开的法律依据无效";
  if (!empty(d->zReportKind) && !doc_code_valid(aDocReportKind, d->zReportKind))
    return "文件类别无效";
  if (d->interpretsId && d->interpretsId == d->id) return "解读不能关联自身";
  return NULL;
}

const char *doc_dates_check(const Doc *d, Date today) {
  static const struct { size_t off; const char *zBad; } aDate[] = {
    {offsetof(Doc, zSignedDate), "成文日期超出合理范围（应在1949年10月1日之后，且不晚于一年之后）"},
    {offsetof(Doc, zFormedDate), "生成日期超出合理范围（应在1949年10月1日之后，且不晚于一年之后）"},
    {offsetof(Doc, zPublishedDate), "发布日期超出合理范围（应在1949年10月1日之后，且不晚于一年之后）"},
  };
  Date day[3];
  for (int i = 0; i < 3; i++) {
    const char *z = *(const char *const *)((const char *)d + aDate[i].off);
    day[i] = -1000000;
    if (empty(z)) continue;
    if (date_parse(z, &day[i])) return "日期格式应为 YYYY-MM-DD";
    if (!date_plausible(day[i], today)) return aDate[i].zBad;
  }
  if (day[0] != -1000000 && day[2] != -1000000 && day[0] > day[2])
    return "成文日期不能晚于发布日期";
  return NULL;
}

const char *doc_validity_check(const Doc *d, const char *zValidity,
                               const char *zDate, Date today) {
  Date day, dSigned;
  if (!doc_code_valid(aDocValidity, zValidity)) return "有效性取值无效";
  if (empty(zDate)) return strcmp(zValidity, "valid") ? "请填写修订、废止或失效的日期" : NULL;
  if (date_parse(zDate, &day)) return "日期格式应为 YYYY-MM-DD";
  if (day > today)
    return "变更日期不能晚于今天（北京时间）：文件在该日期之前仍然有效，请到该日期再登记";
  if (!empty(d->zSignedDate) && !date_parse(d->zSignedDate, &dSigned) && day < dSigned)
    return "变更日期不能早于成文日期";
  return NULL;
}

const char *doc_submit_check(const Doc *d) {
  const char *zWhy = doc_draft_check(d);
  if (zWhy) return zWhy;
  if (empty(d->zFormedDate)) return "请填写生成日期（第二十六条的公开时限自该日起算）";
  if (empty(d->zMode)) return "提交审核前必须确认公开方式（主动公开、依申请公开或不予公开）";
  if (!strcmp(d->zMode, "withheld") && empty(d->zWithheldGround))
    return "不予公开必须注明《政府信息公开条例》第十四条至第十六条的法律依据";
  if (d->zGenre && !strcmp(d->zGenre, "解读") && !d->interpretsId)
    return "政策解读必须关联所解读的政策文件";
  return NULL;
}

int doc_is_public(const Doc *d) {
  return d->zState && !strcmp(d->zState, "published");
}

const char *doc_validity_done(const char *zValidity) {
  static const char *const az[][2] = {
    {"amended", "已修订"}, {"repealed", "已废止"}, {"expired", "已失效"}};
  for (size_t i = 0; zValidity && i < sizeof az / sizeof az[0]; i++)
    if (!strcmp(zValidity, az[i][0])) return az[i][1];
  return "";
}

const char *doc_replacement_label(const char *zValidity, const char *zOtherState,
                                  const char *zOtherValidity) {
  if (zValidity && !strcmp(zValidity, "amended")) return "修改本文件的文件";
  if (zOtherState && !strcmp(zOtherState, "published") && zOtherValidity &&
      !strcmp(zOtherValidity, "valid"))
    return "现行文件";
  return "替代文件";
}

static int att_cmp(const void *a, const void *b) {
  const DocAttachment *x = a, *y = b;
  int c = strcmp(x->zSha256, y->zSha256);
  return c ? c : strcmp(x->zFilename, y->zFilename);
}

/* Appends "key":"value" (JSON-escaped) with a leading comma unless first. */
static void kv_str(Buf *b, const char *zKey, const char *zVal) {
  buf_printf(b, ",\"%j\":\"%j\"", zKey, zVal ? zVal : "");
}

static void kv_id(Buf *b, const char *zKey, int64_t v) {
  if (v) buf_printf(b, ",\"%j\":%lld", zKey, (long long)v);
  else buf_printf(b, ",\"%j\":null", zKey);
}

void doc_canonical_head(Buf *b, const Doc *d, DocAttachment *aAtt, int nAtt) {
  if (nAtt > 1) qsort(aAtt, (size_t)nAtt, sizeof *aAtt, att_cmp);
  buf_puts(b, "{\"attachments\":[");
  for (int i = 0; i < nAtt; i++) {
    buf_printf(b, "%s{\"filename\":\"%j\",\"mime\":\"%j\",\"sha256\":\"%j\","
                  "\"size\":%lld}",
               i ? "," : "", aAtt[i].zFilename, aAtt[i].zMime,
               aAtt[i].zSha256, (long long)aAtt[i].size);
  }
  buf_puts(b, "]");
  /* Keys in byte order. */
  kv_str(b, "body", d->zBody);
  kv_id(b, "catalogue_item_id", d->catalogueItemId);
  kv_str(b, "doc_number", d->zDocNumber);
  kv_str(b, "formed_date", d->zFormedDate);
  kv_str(b, "genre", d->zGenre);
}

void doc_canonical_ident(Buf *b, const Doc *d) {
  kv_id(b, "id", d->id);
  kv_str(b, "index_number", d->zIndexNumber);
}

void doc_canonical_tail(Buf *b, const Doc *d) {
  kv_id(b, "interprets_id", d->interpretsId);
  kv_str(b, "keywords", d->zKeywords);
  kv_str(b, "mode", d->zMode);
  kv_id(b, "org_id", d->orgId);
  kv_str(b, "published_date", d->zPublishedDate);
  kv_str(b, "publisher", d->zPublisher);
  kv_id(b, "replaced_by_id", d->replacedById);
  kv_str(b, "report_kind", d->zReportKind);
  kv_str(b, "scope", d->zScope);
  kv_str(b, "signed_date", d->zSignedDate);
  kv_str(b, "state", d->zState);
  kv_str(b, "summary", d->zSummary);
  kv_str(b, "title", d->zTitle);
  kv_str(b, "validity", d->zValidity);
  kv_str(b, "validity_date", d->zValidityDate);
  kv_str(b, "withdraw_reason", d->zWithdrawReason);
  buf_puts(b, "}");
}

char *doc_canonical(const Doc *d, DocAttachment *aAtt, int nAtt) {
  Buf b = BUF_INIT;
  doc_canonical_head(&b, d, aAtt, nAtt);
  doc_canonical_ident(&b, d);
  doc_canonical_tail(&b, d);
  return buf_steal(&b);
}

void doc_ledger_entry_hash(int64_t seq, const char *zAt, int64_t docId,
                           const char *zEvent, const char *zContentHash,
                           const char *zPrevHash, char zOut[65]) {
  Buf b = BUF_INIT;
  buf_printf(&b, "%lld\n", (long long)seq);
  buf_puts(&b, zAt ? zAt : "");
  buf_printf(&b, "\n%lld\n", (long long)docId);
  buf_puts(&b, zEvent ? zEvent : "");
  buf_puts(&b, "\n");
  buf_puts(&b, zContentHash ? zContentHash : "");
  buf_puts(&b, "\n");
  buf_puts(&b, zPrevHash ? zPrevHash : "");
  crypto_sha256_hex(buf_str(&b), b.n, zOut);
  buf_free(&b);
}

const char *doc_ledger_check(const LedgerEntry *e, const char *zPrev) {
  char zHash[65];
  if (!e->zContentHash) return "内容与记录的内容哈希不符（内容被改动）";
  if (e->zContent) {  /* NULL: the caller hashes the document itself */
    crypto_sha256_hex(e->zContent, strlen(e->zContent), zHash);
    if (strcmp(zHash, e->zContentHash))
      return "内容与记录的内容哈希不符（内容被改动）";
  }
  if (!e->zPrevHash || strcmp(e->zPrevHash, zPrev))
    return "前一条目哈希不符（链条断裂：条目被删除、插入或改动）";
  doc_ledger_entry_hash(e->seq, e->zAt, e->docId, e->zEvent, e->zContentHash,
                        e->zPrevHash, zHash);
  if (!e->zEntryHash || strcmp(zHash, e->zEntryHash))
    return "条目哈希不符（时间、文件或事件被改动）";
  return NULL;
}

Date doc_art26_start(Date dFormed, Date dChanged) {
  if (dChanged == DATE_NONE) return dFormed;
  if (dFormed == DATE_NONE) return dChanged;
  return dChanged > dFormed ? dChanged : dFormed;
}

int doc_art26_left(const Calendar *pCal, Date dFormed, Date dToday,
                   Date *pDue) {
  Date due = cal_add_workdays(pCal, dFormed, DOC_ART26_DAYS);
  *pDue = due;
  if (dToday <= due) return cal_workdays_between(pCal, dToday, due);
  return -cal_workdays_between(pCal, due, dToday);
}
