/*
** page_documents_review.c — the review chain (三校三审): submit, pass,
** send back and withdraw; the privacy gate of the secrecy review (scan,
** mask, accept with a reason); and the printable 发布审核单.
**
** Rules enforced here, each before anything is stored:
**  - the step's permission on the document's organisation (req_can);
**  - the drafter never passes their own document, at any step, and no
**    one passes two steps of one round (三审: three reviewers);
**  - 公开方式 confirmed before submission, 不予公开 with its legal ground;
**  - the secrecy review passes only after a fresh scan with no open
**    finding — personal data and classification / release marks (★秘密,
**    秘密★N年, 内部, 此件不公开 …, core/privacy.h privacy_marks_scan()); a
**    mark is never masked away, the reviewer records a decision with its
**    reason; publication is refused while any finding is open;
**  - a policy whose catalogue item requires an interpretation is published
**    only when a 解读 of it has reached 领导审批 (or is published);
**  - a 解读 is published only once the policy it interprets is (同步发布:
**    with it or after it, never before);
**  - a send-back and a withdrawal need an opinion / a public reason.
*/
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/privacy.h"
#include "lib/date.h"
#include "lib/doctext.h"
#include "web/documents.h"
#include "web/pages.h"

/* What one scan of a document leaves out: the findings accepted before
** and the organisation's own published contacts. */
typedef struct ScanSkip {
  const DocFinding *aAcc;  /* accepted findings */
  int nAcc;
  const char *zKnown;      /* the organisation's phone, fax and e-mail */
} ScanSkip;

/* Adds the findings in res of one text, skipping matches already
** accepted and the organisation's own contacts; frees res. */
static int add_findings(Req *r, const Doc *d, const char *zSource,
                        PrivacyResult *res, const ScanSkip *sk) {
  int rc = STORE_OK;
  const DocFinding *aAcc = sk->aAcc;
  int nAcc = sk->nAcc;
  for (size_t i = 0; i < res->nFinding && rc == STORE_OK; i++) {
    const PrivacyFinding *pf = &res->aFinding[i];
    int bAccepted = privacy_is_known_contact(pf, sk->zKnown);
    for (int k = 0; k < nAcc; k++)
      if (!strcmp(aAcc[k].zSource, zSource) && !strcmp(aAcc[k].zMatch, pf->zMatch))
        bAccepted = 1;
    if (bAccepted) continue;
    DocFinding f;
    memset(&f, 0, sizeof f);
    f.docId = d->id;
    f.zSource = zSource;
    f.zKind = privacy_kind_name(pf->eKind);
    f.zMatch = pf->zMatch;
    f.zContext = pf->zContext;
    f.zMask = pf->zMask ? pf->zMask : "";
    rc = store_doc_finding_add(r->store, &f);
  }
  privacy_result_free(res);
  return rc;
}

/* Adds the findings of one text: personal data (Art. 17 review) and the
** classification and release marks, skipping matches already accepted. */
static int scan_text(Req *r, const Doc *d, const char *zSource, const char *z,
                     size_t n, const ScanSkip *sk) {
  PrivacyResult res;
  PrivacyOptions opt;
  memset(&opt, 0, sizeof opt);
  Date today;
  date_parse(docs_today(r), &today);
  opt.iToday = date_year(today) * 10000 + date_month(today) * 100 + date_day(today);
  if (privacy_marks_scan(z, n, &res) == PRIVACY_OK) {
    int rc = add_findings(r, d, zSource, &res, sk);
    if (rc != STORE_OK) return rc;
  }
  if (privacy_scan(z, n, &opt, &res) != PRIVACY_OK) {
    DocFinding f;
    memset(&f, 0, sizeof f);
    f.docId = d->id;
    f.zSource = zSource;
    f.zKind = "too_big";
    f.zMatch = "（文字过长，无法自动扫描）";
    f.zContext = "请人工审查";
    f.zMask = "";
    return store_doc_finding_add(r->store, &f);
  }
  return add_findings(r, d, zSource, &res, sk);
}

int docs_scan(Req *r, const Doc *d) {
  DocFinding *aAcc;
  DocAttachment *aAtt;
  Org o;
  int nAcc, nAtt;
  ScanSkip sk = {NULL, 0, ""};
  int rc = store_doc_findings_clear_open(r->store, d->id);
  if (!rc) rc = store_doc_findings(r->store, &r->arena, d->id, "accepted", &aAcc, &nAcc);
  /* The office's own phone, fax and e-mail (its guide) stay published. */
  if (!rc) rc = store_org_get(r->store, &r->arena, d->orgId, &o);
  if (!rc) {
    sk.aAcc = aAcc;
    sk.nAcc = nAcc;
    sk.zKnown = req_fmt(r, "%s %s %s", o.zPhone ? o.zPhone : "", o.zFax ? o.zFax : "",
                        o.zEmail ? o.zEmail : "");
  }
  if (!rc) rc = scan_text(r, d, "title", d->zTitle, strlen(d->zTitle), &sk);
  if (!rc) rc = scan_text(r, d, "body", d->zBody, strlen(d->zBody), &sk);
  if (!rc) rc = store_doc_attachments(r->store, &r->arena, d->id, &aAtt, &nAtt);
  for (int i = 0; !rc && i < nAtt; i++) {
    DocAttachment t;
    const void *p;
    rc = store_doc_attachment_get(r->store, &r->arena, aAtt[i].id, &t, &p);
    if (rc) break;
    Buf text = BUF_INIT, notes = BUF_INIT;
    doctext_extract(t.zMime, p, (size_t)t.size, &text, &notes);
    const char *zSrc = req_fmt(r, "attachment:%lld", (long long)t.id);
    rc = scan_text(r, d, zSrc, buf_str(&text), text.n, &sk);
    buf_free(&text);
    buf_free(&notes);
  }
  if (!rc) rc = store_doc_set_scanned(r->store, d->id);
  return rc;
}

/* 1 when a 解读 of policy d has reached 领导审批 or beyond. */
static int interp_ready(Req *r, const Doc *d) {
  Doc *a;
  int n;
  if (store_doc_interpretations(r->store, &r->arena, d->id, &a, &n) != STORE_OK) return 0;
  for (int i = 0; i < n; i++)
    if (!strcmp(a[i].zState, "approval") || !strcmp(a[i].zState, "published")) return 1;
  return 0;
}

/* 1 when the policy a 解读 interprets (id policyId) is published: a 解读
** is published with its policy or after it, never before (同步发布). */
static int interp_policy_published(Req *r, int64_t policyId) {
  Doc p;
  return store_doc_get(r->store, &r->arena, policyId, &p) == STORE_OK &&
         !strcmp(p.zState, "published");
}

/* The steps of the review, one route each so that the route table states
** the permission of each (src/http/routes.c): the step a route names must
** be the one the document is at, and its permission is then the one
** doc_transition() requires. */
typedef struct DocStep {
  const char *zName;   /* action for the audit log; NULL: from "action" */
  DocAction eAct;      /* 0: pass or return, from the "action" field */
  Perm perm;
} DocStep;

static const DocStep stepSubmit = {"submit", DOC_ACT_SUBMIT, PERM_DOC_DRAFT};
static const DocStep stepDeptReview = {NULL, 0, PERM_DOC_DEPT_REVIEW};
static const DocStep stepSecrecy = {NULL, 0, PERM_DOC_SECRECY};
static const DocStep stepApproval = {NULL, 0, PERM_DOC_APPROVE};
static const DocStep stepWithdraw = {"withdraw", DOC_ACT_WITHDRAW, PERM_DOC_MANAGE};

static int doc_step(Req *r, const DocStep *pStep) {
  Doc d;
  const char *zNext = NULL;
  Perm perm;
  if (docs_load(r, 0, &d)) return 0;
  const char *zAction = pStep->zName ? pStep->zName : req_param(r, "action");
  DocAction eAct = pStep->eAct ? pStep->eAct : doc_action_parse(zAction);
  const char *zOpinion = req_param_or(r, "opinion", "");
  if (eAct != pStep->eAct && eAct != DOC_ACT_PASS && eAct != DOC_ACT_RETURN) {
    http_error(r, 400, "未知的操作");
    return 0;
  }
  const char *zWhy = doc_transition(d.zState, d.zMode, eAct, &zNext, &perm);
  if (zWhy) { docs_refuse(r, 409, zWhy); return 0; }
  if (!req_can(r, perm, d.orgId)) {
    http_error(r, 403, "您没有办理该环节的权限（或该文件不属于您的单位）");
    return 0;
  }
  if (perm != pStep->perm) {
    http_error(r, 409, "该文件当前不在这一审核环节，请刷新页面");
    return 0;
  }
  if (eAct == DOC_ACT_PASS && d.createdBy == r->user->id) {
    http_error(r, 403, "起草人不能审核自己起草的文件");
    return 0;
  }
  if (eAct == DOC_ACT_PASS) {
    DocReview *aRev;
    int nRev;
    int rc = store_doc_reviews(r->store, &r->arena, d.id, &aRev, &nRev);
    if (rc) { docs_fail(r, rc, store_errmsg(r->store)); return 0; }
    if (doc_passed_this_round(aRev, nRev, r->user->id)) {
      http_error(r, 403, "您已办理本轮的其他审核环节：科室审核、保密审查和领导审批须由不同人员办理");
      return 0;
    }
  }
  if (eAct == DOC_ACT_SUBMIT && (zWhy = doc_submit_check(&d))) {
    docs_refuse(r, 422, zWhy);
    return 0;
  }
  if (!strcmp(zNext, "published") || !strcmp(zNext, "filed")) {
    /* It is published today: not before it was signed. */
    Doc dPub = d;
    dPub.zPublishedDate = docs_today(r);
    if ((zWhy = doc_dates_check(&dPub, date_today_cn(time(NULL)))) != NULL) {
      http_error(r, 422, zWhy);
      return 0;
    }
  }
  if ((eAct == DOC_ACT_RETURN || eAct == DOC_ACT_WITHDRAW) && !zOpinion[0]) {
    docs_refuse(r, 422, eAct == DOC_ACT_RETURN ? "退回必须填写意见"
                                               : "撤回必须填写理由（理由将公开）");
    return 0;
  }
  /* Withdrawing and publishing are asked for twice (issue 15, bug 7). */
  if (eAct == DOC_ACT_WITHDRAW &&
      !page_confirmed(r, req_fmt(r, "撤回已发布的“%s”？撤回后公开页面只显示撤回说明，撤回理由将公开。",
                                 d.zTitle), "确认撤回"))
    return 0;

  int rc = store_begin(r->store);
  if (rc) { docs_fail(r, rc, store_errmsg(r->store)); return 0; }
  const char *zFail = NULL;
  if (eAct == DOC_ACT_PASS && !strcmp(d.zState, "secrecy_review")) {
    rc = docs_scan(r, &d);
    if (!rc) {
      int nOpen = store_doc_findings_open(r->store, d.id);
      if (nOpen > 0) {
        /* Keep the fresh findings for the reviewer, refuse the step. */
        store_commit(r->store);
        docs_refuse(r, 409, req_fmt(r, "保密审查扫描发现%d项未处理的内容（个人信息或密级、发布标记），须逐项遮盖或说明理由保留后才能通过保密审查（见下方“保密审查扫描”）", nOpen));
        return 0;
      }
      if (nOpen < 0) rc = nOpen;
    }
  }
  if (!rc && eAct == DOC_ACT_PASS && !strcmp(d.zState, "approval")) {
    int nOpen = store_doc_findings_open(r->store, d.id);
    int bNeed = 0;
    if (nOpen != 0) {
      zFail = "仍有未处理的隐私扫描结果，不能发布";
    } else if (!d.zScannedAt[0]) {
      zFail = "文件未经隐私扫描，不能发布";
    } else if (store_doc_item_requires_interp(r->store, d.catalogueItemId, &bNeed) == STORE_OK &&
               bNeed && !interp_ready(r, &d)) {
      zFail = "该目录事项要求政策解读与政策文件同步审签：解读须至少到达领导审批环节后才能发布本文件";
    } else if (d.interpretsId && !strcmp(zNext, "published") &&
               !interp_policy_published(r, d.interpretsId)) {
      zFail = "所解读的政策文件尚未发布：政策解读应与政策文件同步发布或在其后发布，请先发布政策文件";
    }
  }
  /* Publishing asks first, once every check has passed (issue 15, bug 7). */
  if (!rc && !zFail && eAct == DOC_ACT_PASS && !strcmp(d.zState, "approval") &&
      !page_confirmed(r, req_fmt(r, "同意并%s“%s”？%s", strcmp(zNext, "filed") ? "发布" : "归档",
                                 d.zTitle, strcmp(zNext, "filed") ? "发布后立即在门户网站公开，并记入公开台账。" : ""),
                      strcmp(zNext, "filed") ? "确认发布" : "确认归档")) {
    store_rollback_all(r->store);
    return 0;
  }
  if (!rc && !zFail) {
    rc = store_doc_step(r->store, d.id, d.zState, zNext,
                        eAct == DOC_ACT_SUBMIT ? "submit" : eAct == DOC_ACT_PASS ? "pass"
                        : eAct == DOC_ACT_RETURN ? "return" : "withdraw",
                        zOpinion, r->user->id);
  }
  /* A draft reaching 保密审查 is scanned at once: the reviewer finds the
  ** findings waiting instead of a refusal when passing it. */
  if (!rc && !zFail && !strcmp(zNext, "secrecy_review")) rc = docs_scan(r, &d);
  if (!rc && !zFail && (!strcmp(zNext, "published") || !strcmp(zNext, "filed")))
    rc = store_doc_publish(r->store, &r->arena, d.id, zNext, docs_today(r));
  if (!rc && !zFail && eAct == DOC_ACT_WITHDRAW) {
    /* store_doc_step moved it to withdrawn; now the public reason and
    ** the ledger entry. */
    rc = store_doc_withdraw(r->store, &r->arena, d.id, zOpinion);
  }
  if (!rc && !zFail)
    rc = store_audit(r->store, r->user->id, d.orgId,
                     req_fmt(r, "doc.%s", zAction),
                     req_fmt(r, "%lld %s→%s", (long long)d.id, d.zState, zNext));
  if (zFail || rc) {
    const char *zMsg = zFail ? zFail : req_strdup(r, store_errmsg(r->store));
    store_rollback_all(r->store);
    if (zFail) docs_refuse(r, 409, zMsg);
    else docs_fail(r, rc, zMsg);
    return 0;
  }
  if ((rc = store_commit(r->store))) { docs_fail(r, rc, store_errmsg(r->store)); return 0; }
  req_flash(r, docs_step_flash(r, &d, zNext));
  req_redirect(r, req_fmt(r, "/staff/docs/%lld?done=1", (long long)d.id));
  return 0;
}

/* The secrecy reviewer of the document's organisation, in the secrecy
** review state, not the drafter nor the one who passed its 科室审核.  Sends the error and returns -1. */
static int secrecy_gate(Req *r, const Doc *d) {
  if (!req_can(r, PERM_DOC_SECRECY, d->orgId)) {
    http_error(r, 403, "只有本单位的保密审查员可以处理隐私扫描");
    return -1;
  }
  if (strcmp(d->zState, "secrecy_review")) {
    http_error(r, 409, "文件不在保密审查环节");
    return -1;
  }
  if (d->createdBy == r->user->id) {
    http_error(r, 403, "起草人不能审核自己起草的文件");
    return -1;
  }
  DocReview *aRev;
  int nRev;
  int rc = store_doc_reviews(r->store, &r->arena, d->id, &aRev, &nRev);
  if (rc) { docs_fail(r, rc, store_errmsg(r->store)); return -1; }
  if (doc_passed_this_round(aRev, nRev, r->user->id)) {
    http_error(r, 403, "您已办理本轮的其他审核环节：保密审查须由其他人员办理");
    return -1;
  }
  return 0;
}

/* The flash after a scan or a decision on a finding: zDone, then how many
** findings remain open and what that means for the secrecy review. */
static const char *privacy_flash(Req *r, const Doc *d, const char *zDone) {
  int nOpen = store_doc_findings_open(r->store, d->id);
  if (nOpen > 0)
    return req_fmt(r, "%s；还有 %d 项待处理，逐项遮盖或写明理由保留后才能通过保密审查。",
                   zDone, nOpen);
  if (nOpen == 0) return req_fmt(r, "%s；没有待处理的内容，可以通过保密审查。", zDone);
  return req_fmt(r, "%s。", zDone);
}

int page_doc_scan(Req *r) {
  Doc d;
  if (docs_load(r, 0, &d) || secrecy_gate(r, &d)) return 0;
  int rc = store_begin(r->store);
  if (!rc) rc = docs_scan(r, &d);
  if (!rc) rc = store_audit(r->store, r->user->id, d.orgId, "doc.scan",
                            req_fmt(r, "%lld", (long long)d.id));
  if (!rc) rc = store_commit(r->store);
  if (rc) {
    const char *z = req_strdup(r, store_errmsg(r->store));
    store_rollback_all(r->store);
    docs_fail(r, rc, z);
    return 0;
  }
  req_flash(r, privacy_flash(r, &d, "隐私扫描已完成"));
  req_redirect(r, req_fmt(r, "/staff/docs/%lld#privacy", (long long)d.id));
  return 0;
}

int page_doc_finding(Req *r) {
  Doc d;
  DocFinding f;
  if (docs_load(r, 0, &d) || secrecy_gate(r, &d)) return 0;
  int64_t fid = req_arg_id(r, 1);
  if (!fid || store_doc_finding_get(r->store, &r->arena, fid, &f) != STORE_OK ||
      f.docId != d.id) {
    http_error(r, 404, "扫描结果不存在");
    return 0;
  }
  if (strcmp(f.zStatus, "open")) { http_error(r, 409, "该项已处理"); return 0; }
  const char *zDecision = req_param_or(r, "decision", "");
  const char *zReason = req_param_or(r, "reason", "");
  int bMask = !strcmp(zDecision, "mask");
  if (!bMask && strcmp(zDecision, "accept")) { http_error(r, 400, "请选择遮盖或保留"); return 0; }
  if (!bMask && !zReason[0]) { http_error(r, 422, "保留必须写明理由"); return 0; }
  if (bMask && !strcmp(f.zKind, privacy_kind_name(PRIVACY_SECRECY_MARK))) {
    http_error(r, 422, "密级或发布标记不能以遮盖处理：确属可以公开的（已解密或经批准公开），"
                       "请写明依据后保留；否则请退回起草人");
    return 0;
  }
  const char *zTitle = d.zTitle, *zBody = d.zBody;
  if (bMask) {
    int bTitle = !strcmp(f.zSource, "title");
    if (!bTitle && strcmp(f.zSource, "body")) {
      http_error(r, 422, "附件内容无法在线遮盖：请退回起草人替换附件后重新扫描，或写明理由后保留");
      return 0;
    }
    const char *zIn = bTitle ? d.zTitle : d.zBody;
    const char *p = strstr(zIn, f.zMatch);
    if (!p || !f.zMatch[0]) {
      http_error(r, 409, "原文中已找不到该内容，请重新扫描");
      return 0;
    }
    char *zOut;
    Buf b = BUF_INIT;
    buf_append(&b, zIn, (size_t)(p - zIn));
    buf_puts(&b, f.zMask);
    buf_puts(&b, p + strlen(f.zMatch));
    zOut = req_strdup(r, buf_str(&b));
    buf_free(&b);
    if (bTitle) zTitle = zOut;
    else zBody = zOut;
  }
  int rc = store_begin(r->store);
  if (!rc && bMask) rc = store_doc_set_text(r->store, d.id, zTitle, zBody);
  if (!rc) rc = store_doc_finding_decide(r->store, f.id, bMask ? "masked" : "accepted",
                                         zReason, r->user->id);
  if (!rc) rc = store_audit(r->store, r->user->id, d.orgId,
                            bMask ? "doc.finding.mask" : "doc.finding.accept",
                            req_fmt(r, "%lld/%lld %s %s", (long long)d.id, (long long)f.id,
                                    f.zKind, zReason));
  if (!rc) rc = store_commit(r->store);
  if (rc) {
    const char *z = req_strdup(r, store_errmsg(r->store));
    store_rollback_all(r->store);
    docs_fail(r, rc, z);
    return 0;
  }
  req_flash(r, privacy_flash(r, &d, bMask ? req_fmt(r, "已将“%s”遮盖为“%s”", f.zMatch, f.zMask)
                                          : req_fmt(r, "已保留“%s”并记录理由", f.zMatch)));
  req_redirect(r, req_fmt(r, "/staff/docs/%lld#privacy", (long long)d.id));
  return 0;
}

static const char *decision_label(const char *z) {
  if (!strcmp(z, "submit")) return "提交";
  if (!strcmp(z, "pass")) return "通过";
  if (!strcmp(z, "return")) return "退回";
  if (!strcmp(z, "withdraw")) return "撤回";
  return z;
}

int page_doc_sheet(Req *r) {
  Doc d;
  DocReview *aRev;
  DocFinding *aF;
  int nRev, nF;
  r->bNoCache = 1;
  if (docs_load(r, 0, &d)) return 0;
  if (store_doc_reviews(r->store, &r->arena, d.id, &aRev, &nRev) != STORE_OK ||
      store_doc_findings(r->store, &r->arena, d.id, NULL, &aF, &nF) != STORE_OK) {
    http_store_error(r, store_errcode(r->store));
    return 0;
  }
  page_begin(r, "发布审核单");
  req_printf(r, "<article class=\"sheet\"><h1>政府信息公开发布审核单</h1>\n"
                "<table class=\"meta\"><tbody>"
                "<tr><th scope=\"row\">标题</th><td>%h</td></tr>"
                "<tr><th scope=\"row\">索引号</th><td>%h</td></tr>"
                "<tr><th scope=\"row\">文号</th><td>%h</td></tr>"
                "<tr><th scope=\"row\">单位</th><td>%h</td></tr>"
                "<tr><th scope=\"row\">责任部门</th><td>%h</td></tr>"
                "<tr><th scope=\"row\">起草人</th><td>%h</td></tr>"
                "<tr><th scope=\"row\">生成日期</th><td>%h</td></tr>"
                "<tr><th scope=\"row\">公开方式</th><td>%h %h</td></tr>"
                "<tr><th scope=\"row\">当前状态</th><td>%h</td></tr>"
                "</tbody></table>\n",
             d.zTitle, d.zIndexNumber, d.zDocNumber, d.zOrgName, d.zDeptName,
             d.zCreatedByName, d.zFormedDate, doc_label(aDocMode, d.zMode),
             !strcmp(d.zMode, "withheld") ? doc_label(aDocGround, d.zWithheldGround) : "",
             doc_label(aDocState, d.zState));
  req_puts(r, "<h2>审核记录</h2><table class=\"grid cards\"><thead><tr><th scope=\"col\">环节</th>"
              "<th scope=\"col\">结果</th><th scope=\"col\">办理人</th>"
              "<th scope=\"col\">时间</th><th scope=\"col\">意见</th></tr></thead><tbody>\n");
  for (int i = 0; i < nRev; i++)
    req_printf(r, "<tr><td>%h</td><td>%h → %h</td><td>%h</td><td>%h</td><td>%h</td></tr>\n",
               doc_label(aDocState, aRev[i].zFrom), decision_label(aRev[i].zDecision),
               doc_label(aDocState, aRev[i].zTo), aRev[i].zUserName, fmt_time(r, aRev[i].zAt),
               aRev[i].zOpinion);
  req_puts(r, "</tbody></table>\n<h2>隐私扫描处理记录</h2>\n");
  if (!nF) req_puts(r, "<p>无。</p>\n");
  else {
    req_puts(r, "<table class=\"grid cards\"><thead><tr><th scope=\"col\">类型</th>"
                "<th scope=\"col\">内容</th><th scope=\"col\">处理</th>"
                "<th scope=\"col\">处理人</th><th scope=\"col\">时间</th>"
                "<th scope=\"col\">理由</th></tr></thead><tbody>\n");
    for (int i = 0; i < nF; i++)
      req_printf(r, "<tr><td>%h</td><td>%h</td><td>%h</td><td>%h</td><td>%h</td><td>%h</td></tr>\n",
                 fmt_label(aF[i].zKind), !strcmp(aF[i].zStatus, "masked") ? aF[i].zMask : aF[i].zMatch,
                 !strcmp(aF[i].zStatus, "open") ? "待处理"
                 : !strcmp(aF[i].zStatus, "masked") ? "已遮盖" : "已保留",
                 aF[i].zDecidedByName, fmt_time(r, aF[i].zDecidedAt), aF[i].zReason);
    req_puts(r, "</tbody></table>\n");
  }
  req_puts(r, "<p class=\"print-hint\">打印本页即为纸质审核单。</p></article>\n");
  page_end(r);
  return 0;
}

int page_doc_submit(Req *r) { return doc_step(r, &stepSubmit); }
int page_doc_dept_review(Req *r) { return doc_step(r, &stepDeptReview); }
int page_doc_secrecy_review(Req *r) { return doc_step(r, &stepSecrecy); }
int page_doc_approval(Req *r) { return doc_step(r, &stepApproval); }
int page_doc_withdraw(Req *r) { return doc_step(r, &stepWithdraw); }
