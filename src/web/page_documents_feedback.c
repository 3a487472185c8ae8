/*
** page_documents_feedback.c — what a document's page says after an action
** (through req_flash, shown after the redirect): what happened and what
** comes next, naming the people who hold the next step ("已提交保密审查，
** 待赵保密办理").
*/
#include <string.h>

#include "lib/buf.h"
#include "web/documents.h"
#include "web/feedback.h"
#include "web/pages.h"

const char *docs_holders(Req *r, const Doc *d, Perm p) {
  /* The drafter may not review their own document. */
  return page_holders(r, d->orgId, p, d->createdBy);
}

/* The message after the review step of d (as it was) to state zTo. */
const char *docs_step_flash(Req *r, const Doc *d, const char *zTo) {
  static const struct { const char *zTo, *zDone; } aStep[] = {
    {"dept_review", "已提交科室审核"},
    {"secrecy_review", "科室审核已通过，已提交保密审查"},
    {"approval", "保密审查已通过，已提交领导审批"},
  };
  for (size_t i = 0; i < sizeof aStep / sizeof aStep[0]; i++) {
    if (strcmp(zTo, aStep[i].zTo)) continue;
    const char *zNext;
    Perm p;
    const char *zWho = doc_transition(zTo, d->zMode, DOC_ACT_PASS, &zNext, &p)
                           ? NULL : docs_holders(r, d, p);
    return zWho ? req_fmt(r, "%s，待%s办理。", aStep[i].zDone, zWho)
                : req_fmt(r, "%s；本单位暂无可办理该环节的人员，请联系系统管理员。",
                          aStep[i].zDone);
  }
  Doc now;
  const char *zIndex = store_doc_get(r->store, &r->arena, d->id, &now) == STORE_OK
                           ? now.zIndexNumber : "";
  if (!strcmp(zTo, "published"))
    return req_fmt(r, "已审批通过并发布，索引号 %s；公开页面已可访问。", zIndex);
  if (!strcmp(zTo, "filed"))
    return req_fmt(r, "已审批通过并备案（不主动公开），索引号 %s。", zIndex);
  if (!strcmp(zTo, "draft"))
    return req_fmt(r, "已退回起草人%s修改；修改后须重新提交科室审核。", d->zCreatedByName);
  if (!strcmp(zTo, "withdrawn"))
    return "已撤回。公开页面保留撤回说明和撤回理由，并记入公开台账。";
  return "操作已完成。";
}
