/*
** page_app_letter.c — the notices of an application (core/notice.h: 登记
** 回执, 补正告知书, 延期答复告知书, 征求第三方意见书, 决定公开告知第三方书,
** 收费通知书 and the answer letter, one per answer of Arts. 35-39), each
** from the organisation's editable template (or the default written from
** the law) with its 文号, date, legal basis, contact person and phone and
** the remedies: printable HTML and DOCX.  Staff reach them from the case
** page; applicants those addressed to them through /track (page_apply.c).
*/
#include <stdlib.h>
#include <string.h>

#include "core/notice.h"
#include "core/remedy.h"
#include "lib/docx.h"
#include "store/store_notice.h"
#include "store/store_remedy.h"
#include "web/applications.h"
#include "web/pages.h"

/* The values of a letter's placeholders. */
typedef struct LetterVars {
  Req *r;
  const App *a;
  const char *zDate; /* answer date, Chinese form */
  const AppNotice *n;     /* the issued notice, or NULL (a draft answer) */
  const NoticeKind *k;    /* its kind */
  const char *zOrgName;   /* the organisation's name on that date */
  const char *zContact, *zPhone;
} LetterVars;

/* "2024年3月8日" for 'YYYY-MM-DD' (the input itself when malformed). */
static const char *cn_date(Req *r, const char *zIso) {
  Date d;
  if (!zIso || date_parse(zIso, &d)) return zIso ? zIso : "";
  int y, m, dd;
  date_ymd(d, &y, &m, &dd);
  return req_fmt(r, "%d年%d月%d日", y, m, dd);
}

/* The receipt date of the application (today when malformed: the
** regime in force today then applies). */
static Date received_on(const App *a) {
  Date d;
  if (date_parse(a->zReceivedOn, &d)) return app_today();
  return d;
}

/* How and when to obtain the information (outcomes that provide some; an
** Art. 36(一) answer sends nothing: its decision says where it is). */
static const char *obtain_text(Req *r, const App *a) {
  if ((strcmp(a->zOutcome, "results.granted") &&
       strcmp(a->zOutcome, "results.partial")) ||
      !strcmp(a->zAnswerBasis, "art36_1"))
    return "";
  const char *zForm = app_label(aAppForm, a->zForm);
  if (!strcmp(a->zDelivery, "pickup"))
    return req_fmt(r,
                   "请您自收到本告知书之日起15个工作日内，于工作日办公时间"
                   "携带身份证明到本机关政府信息公开工作机构领取（%s）。",
                   zForm);
  if (!strcmp(a->zDelivery, "email"))
    return req_fmt(r,
                   "本机关已将相关政府信息（%s）随本告知书发送至您的电子"
                   "邮箱%s。",
                   zForm, a->zEmail);
  return req_fmt(r,
                 "本机关已将相关政府信息（%s）随本告知书邮寄至您提供的地址"
                 "：%s。",
                 zForm, a->zAddress);
}

/* The decision sentence; for Art. 36(一) with the way and place to obtain
** the proactively disclosed information; for Art. 36(五) with the
** responsible organ and its contact, or the statement that it cannot be
** determined. */
/* z, a drafter's text that ends a sentence of the letter, without the
** full stops it may end with (the sentence adds its own: not "。。"). */
static const char *sentence_part(Req *r, const char *z) {
  size_t n = strlen(z);
  for (;;) {
    if (n >= 3 && (!memcmp(z + n - 3, "。", 3) || !memcmp(z + n - 3, "．", 3))) n -= 3;
    else if (n >= 1 && z[n - 1] == '.') n--;
    else break;
  }
  char *zOut = arena_alloc(&r->arena, n + 1);  /* zeroed */
  memcpy(zOut, z, n);
  return zOut;
}

static const char *decision_text(Req *r, const App *a, const AppOutcome *o) {
  if (!o) return "";
  if (!strcmp(a->zAnswerBasis, "art36_1"))
    return req_fmt(r, "%s您可以通过以下方式、途径获取：%s。", o->zDecision,
                   sentence_part(r, a->zObtainAt));
  if (strcmp(a->zAnswerBasis, "art36_5")) return o->zDecision;
  if (!a->zOtherOrgan[0])
    return req_fmt(r, "%s经查，本机关无法确定负责公开该政府信息的机关。",
                   o->zDecision);
  return req_fmt(r, "%s负责公开该政府信息的机关为%s%s%s。", o->zDecision,
                 sentence_part(r, a->zOtherOrgan),
                 a->zOtherOrganContact[0] ? "，联系方式：" : "",
                 sentence_part(r, a->zOtherOrganContact));
}

/* The remedies for the notice's date and outcome (core/remedy.h): from
** 2024-01-01 a refusal names the reconsideration organ to go to first —
** the organ an issued notice named when issued (0108), a draft's the
** current one. */
static const char *remedy_of(Req *r, const App *a, const AppNotice *n) {
  Date d = app_today();
  const char *zOrgan = n ? n->zReviewOrgan : NULL;
  int bProcedural = n && strcmp(n->zKind, "answer");
  if (bProcedural) date_parse(n->zIssuedOn, &d);
  else if (a->zClosedOn[0]) date_parse(a->zClosedOn, &d);
  const char *zOutcome = !bProcedural && a->zOutcome[0] ? a->zOutcome : NULL;
  if (!zOrgan) {
    zOrgan = "";
    store_org_review_organ(r->store, &r->arena, a->orgId, &zOrgan, NULL);
    /* Issued before 0108: it named the organ only for a refusal. */
    if (n && !remedy_review_first(d, zOutcome)) zOrgan = "";
  }
  char *z = remedy_text(d, zOutcome, zOrgan);
  const char *zText = req_strdup(r, z);
  free(z);
  return zText;
}

/* The due date a letter states: an issued notice's own (what it said on
** its day, 0108: kept when issued, else worked out for its day), a draft
** answer's the current one.  When the years from receipt to it were not
** all covered by a loaded holiday notice (core/calendar.h: only the
** fixed-date holidays are known there), the applicant is told that it
** moves with that year's holidays. */
static const char *due_text(Req *r, const App *a, const AppNotice *n) {
  Date dRec, dDue;
  const char *zDueOn = a->zDueOn;
  int yMiss = 0, bCovered = 1;
  Calendar cal;
  int bCal = app_load_calendar(r, &cal) == STORE_OK;
  if (n && n->bDueKept) {
    zDueOn = n->zDueOn;
    bCovered = !n->yDueOpen;
    yMiss = n->yDueOpen;
  } else if (n && bCal) {
    char *z = arena_alloc(&r->arena, DATE_STRLEN);
    if (store_notice_due_then(r->store, &r->arena, &cal, a->id, a->zReceivedOn,
                              n->zIssuedOn, z, &yMiss) == STORE_OK) {
      zDueOn = z;
      bCovered = !yMiss;
    }
  } else if (bCal && !date_parse(a->zDueOn, &dDue) &&
             !date_parse(a->zReceivedOn, &dRec)) {
    bCovered = cal_covers_range(&cal, dRec, dDue, &yMiss);
  }
  cal_free(&cal);
  if (!zDueOn[0]) return "（见办理进度）";
  const char *zDue = cn_date(r, zDueOn);
  if (bCovered) return zDue;
  return req_fmt(r, "%s（如遇%d年法定节假日调整，依法顺延）", zDue, yMiss);
}

/* The notices' own placeholders (core/notice.h). */
static const char *notice_var(LetterVars *v, const char *zName) {
  Req *r = v->r;
  const AppNotice *n = v->n;
  if (!strcmp(zName, "doc_no")) return n ? n->zDocNo : "";
  if (!strcmp(zName, "contact")) return v->zContact;
  if (!strcmp(zName, "phone")) return v->zPhone;
  if (!strcmp(zName, "event_text")) return n ? n->zEventText : "";
  if (!strcmp(zName, "limit"))
    return n && n->zLimit[0] ? cn_date(r, n->zLimit) : "本机关指定的期限";
  if (!strcmp(zName, "days"))
    return req_fmt(r, "%d", n ? n->nDays : 0);
  if (!strcmp(zName, "due")) return due_text(r, v->a, n);
  return NULL;
}

/* Placeholder lookup for app_template_fill(). */
static const char *letter_var(void *pCtx, const char *zName) {
  LetterVars *v = pCtx;
  Req *r = v->r;
  const App *a = v->a;
  const AppOutcome *o = app_answer_of(a->zOutcome, a->zAnswerBasis);
  if (!strcmp(zName, "applicant")) return a->zApplicantName;
  if (!strcmp(zName, "reg_no")) return a->zRegNo;
  if (!strcmp(zName, "received_on")) return cn_date(r, a->zReceivedOn);
  if (!strcmp(zName, "info")) {
    const char *z = a->zInfoTitle[0] ? a->zInfoTitle : a->zInfoDescription;
    if (a->zInfoDocNumber[0])
      return req_fmt(r, "“%s”（%s）", z, a->zInfoDocNumber);
    return req_fmt(r, "“%s”", z);
  }
  if (!strcmp(zName, "decision")) return decision_text(r, a, o);
  if (!strcmp(zName, "reasons")) return a->zDecisionText;
  if (!strcmp(zName, "ground")) /* the Regulation in force on receipt */
    return o ? app_ground(o, received_on(a)) : "《中华人民共和国政府信息公开条例》";
  if (!strcmp(zName, "obtain")) return obtain_text(r, a);
  if (!strcmp(zName, "remedy")) return remedy_of(r, a, v->n);
  if (!strcmp(zName, "org")) return v->zOrgName;
  if (!strcmp(zName, "date")) return v->zDate;
  return notice_var(v, zName);
}

/* Splits the filled letter into paragraphs (empty lines dropped); the last
** two are the signature block (right-aligned). */
static int letter_paras(Req *r, const App *a, const AppNotice *pN,
                        DocxPara **paPara) {
  LetterVars v;
  char zToday[DATE_STRLEN];
  memset(&v, 0, sizeof v);
  v.r = r;
  v.a = a;
  v.n = pN;
  v.k = notice_kind(pN ? pN->zKind : "answer");
  const char *zIso = pN ? pN->zIssuedOn
                        : a->zClosedOn[0] ? a->zClosedOn
                                          : date_format(app_today(), zToday);
  v.zDate = cn_date(r, zIso);
  v.zOrgName = store_org_name_on(r->store, &r->arena, a->orgId, zIso);
  if (!v.zOrgName) v.zOrgName = a->zOrgName;
  const char *zPrefix = "";
  v.zContact = "";
  store_org_notice_settings(r->store, &r->arena, a->orgId, &v.zContact,
                            &zPrefix);
  Org o;
  v.zPhone = store_org_get(r->store, &r->arena, a->orgId, &o) == STORE_OK
                 ? o.zPhone
                 : "";
  const char *zTpl;
  if (!strcmp(v.k->zId, "answer")) {
    const AppOutcome *ao = app_answer_of(a->zOutcome, a->zAnswerBasis);
    const char *zKey = ao ? ao->zId : a->zOutcome;
    zTpl = store_app_template(r->store, &r->arena, a->orgId, zKey);
    if (!zTpl) zTpl = app_default_template(zKey);
  } else {
    zTpl = store_app_template(r->store, &r->arena, a->orgId,
                              notice_template_key(v.k));
    if (!zTpl) zTpl = notice_default_text(v.k, received_on(a));
  }
  char *zText = app_template_fill(zTpl, letter_var, &v);
  char *zAll = req_strdup(r, zText);
  free(zText);
  DocxPara *aPara = NULL;
  int n = 0, nAlloc = 0;
  ARENA_PUSH(&r->arena, aPara, n, nAlloc);
  memset(&aPara[n], 0, sizeof aPara[n]);
  aPara[n].zText = v.k->zTitle;
  aPara[n].eAlign = 1;
  aPara[n].bBold = 1;
  n++;
  ARENA_PUSH(&r->arena, aPara, n, nAlloc);
  memset(&aPara[n], 0, sizeof aPara[n]);
  aPara[n].zText = pN ? req_fmt(r, "%s（登记号：%s）", pN->zDocNo, a->zRegNo)
                      : req_fmt(r, "登记号：%s", a->zRegNo);
  aPara[n].eAlign = 2;
  n++;
  int nBody = n;
  for (char *z = zAll; z && *z;) {
    char *e = strchr(z, '\n');
    if (e) *e = 0;
    if (z[strspn(z, " \t\r")]) {
      ARENA_PUSH(&r->arena, aPara, n, nAlloc);
      memset(&aPara[n], 0, sizeof aPara[n]);
      aPara[n].zText = z;
      aPara[n].bNoIndent = n == nBody; /* the salutation */
      n++;
    }
    z = e ? e + 1 : NULL;
  }
  if (n - nBody >= 3) aPara[n - 1].eAlign = aPara[n - 2].eAlign = 2;
  *paPara = aPara;
  return n;
}

void app_notice_send(Req *r, const App *a, const AppNotice *pN, int bDocx) {
  DocxPara *aPara;
  int n = letter_paras(r, a, pN, &aPara);
  r->bNoCache = 1;
  /* A draft answer is a preview: its title says so, printed or in Word. */
  if (!pN)
    aPara[0].zText = req_fmt(r, "%s（草稿，未经审批，不得送达）", aPara[0].zText);
  if (bDocx) {
    Buf b = BUF_INIT;
    if (docx_build(aPara, n, &b)) {
      buf_free(&b);
      http_error(r, 500, "生成 Word 文件失败");
      return;
    }
    buf_reset(&r->out);
    buf_append(&r->out, b.z, b.n);
    buf_free(&b);
    r->zType =
        "application/vnd.openxmlformats-officedocument."
        "wordprocessingml.document";
    req_header(r, "Content-Disposition",
               req_fmt(r, "attachment; filename=\"%u-%u.docx\"",
                       pN ? pN->zKind : "answer", a->zRegNo));
    return;
  }
  page_begin(r, aPara[0].zText);
  req_puts(r, "<article class=\"letter\">\n");
  for (int i = 0; i < n; i++) {
    if (i == 0) {
      req_printf(r, "<h1 class=\"letter-title\">%h</h1>\n", aPara[i].zText);
      continue;
    }
    req_printf(r, "<p class=\"%s\">%h</p>\n",
               aPara[i].eAlign == 2 ? "right"
               : aPara[i].bNoIndent ? ""
                                    : "indent",
               aPara[i].zText);
  }
  req_puts(r, "</article>\n");
  page_end(r);
}

/* The issued answer letter of a (the last one), or NULL. */
static const AppNotice *answer_notice(Req *r, const App *a) {
  AppNotice *aN;
  int n;
  const AppNotice *p = NULL;
  if (store_notices(r->store, &r->arena, a->id, &aN, &n) == STORE_OK)
    for (int i = 0; i < n; i++)
      if (!strcmp(aN[i].zKind, "answer")) p = &aN[i];
  return p;
}

void app_letter_send(Req *r, const App *a, int bDocx) {
  app_notice_send(r, a, a->zClosedOn[0] ? answer_notice(r, a) : NULL, bDocx);
}

/* The application of the route's {id} when the user may see it; NULL with
** the error page written otherwise. */
static App *letter_app(Req *r) {
  App *a = arena_alloc(&r->arena, sizeof *a);
  if (app_get_current(r, req_arg_id(r, 0), a) != STORE_OK) {
    http_error(r, 404, "申请不存在");
    return NULL;
  }
  if (!req_can(r, PERM_VIEW_STAFF, a->orgId)) {
    http_error(r, 403, "您无权查看其他单位的申请");
    return NULL;
  }
  if (!a->zOutcome[0]) {
    http_error(r, 409, "该申请尚未拟定答复");
    return NULL;
  }
  return a;
}

int page_app_letter(Req *r) {
  App *a = letter_app(r);
  if (a) app_letter_send(r, a, 0);
  return 0;
}

int page_app_letter_docx(Req *r) {
  App *a = letter_app(r);
  if (a) app_letter_send(r, a, 1);
  return 0;
}

void app_letter_links(Req *r, const App *a) {
  AppNotice *aN;
  int n = 0;
  if (a->zOutcome[0] && !a->zClosedOn[0])
    req_printf(r,
               "<p><a href=\"/staff/applications/%lld/letter\">答复告知书"
               "（草稿预览）</a></p>\n",
               (long long)a->id);
  if (store_notices(r->store, &r->arena, a->id, &aN, &n) != STORE_OK || !n)
    return;
  req_puts(r, "<table class=\"grid cards\" id=\"notices\"><caption>告知书</caption>"
              "<thead><tr><th scope=\"col\">文号</th><th scope=\"col\">文书</th>"
              "<th scope=\"col\">日期</th><th scope=\"col\">下载</th></tr></thead>"
              "<tbody>\n");
  for (int i = 0; i < n; i++) {
    const NoticeKind *k = notice_kind(aN[i].zKind);
    req_printf(r,
               "<tr><td>%h</td><td>%h</td><td>%h</td><td><a href=\"/staff/"
               "applications/%lld/notices/%lld\">打印</a> | <a href=\"/staff/"
               "applications/%lld/notices/%lld/docx\">Word</a></td></tr>\n",
               aN[i].zDocNo, k ? k->zTitle : aN[i].zKind, aN[i].zIssuedOn,
               (long long)a->id, (long long)aN[i].id, (long long)a->id,
               (long long)aN[i].id);
  }
  req_puts(r, "</tbody></table>\n");
}

/* GET /staff/applications/{id}/notices/{nid}[/docx] */
static int notice_page(Req *r, int bDocx) {
  App a;
  AppNotice n;
  if (app_get_current(r, req_arg_id(r, 0), &a) != STORE_OK ||
      store_notice_get(r->store, &r->arena, a.id, req_arg_id(r, 1), &n) !=
          STORE_OK) {
    http_error(r, 404, "告知书不存在");
    return 0;
  }
  if (!req_can(r, PERM_VIEW_STAFF, a.orgId)) {
    http_error(r, 403, "您无权查看其他单位的申请");
    return 0;
  }
  app_notice_send(r, &a, &n, bDocx);
  return 0;
}

int page_app_notice(Req *r) { return notice_page(r, 0); }
int page_app_notice_docx(Req *r) { return notice_page(r, 1); }
