/*
** demo_applications.c — demo applications for disclosure, 2019–2025, for
** the bureau and two of its units: tens a year, from every channel and
** applicant type, covering every outcome row of table 三 (the fee-unpaid
** row from 2021, when 国办函〔2020〕109号 took effect), with corrections,
** third-party and other-organ consultations, extensions, fees paid and
** waived, applications carried over across 31 December, reconsideration
** and litigation cases, a few open cases in the last weeks (so the staff
** home shows due-soon and overdue ones) and the same information asked
** for by several applicants (the Art. 44 suggestion).
**
** Applicants are invented; their identity numbers and credit codes carry
** valid check characters.  Numbers are sealed with the server key
** (the configured key-file, else GONGKAI_KEY, else gongkai.key beside the
** database, created like `gongkai serve` does).  A fixed pseudo-random sequence makes the data
** the same on every run (apart from the open cases, placed relative to
** today).
*/
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "app/app_key.h"
#include "cli/conffile.h"
#include "cli/demo.h"
#include "core/notice.h"
#include "store/store_notice.h"
#include "core/fees.h"
#include "core/ident.h"
#include "core/regime.h"
#include "lib/buf.h"
#include "lib/crypto.h"
#include "store/store_applications.h"
#include "store/store_remedy.h"

/* Deterministic xorshift generator. */
static unsigned long long gSeed = 0x9e3779b97f4a7c15ULL;
static unsigned rnd(unsigned n) {
  gSeed ^= gSeed << 13;
  gSeed ^= gSeed >> 7;
  gSeed ^= gSeed << 17;
  return n ? (unsigned)(gSeed % n) : 0;
}

/* Reads or creates the server key (see file comment; declared in demo.h):
** the one reader of app_key.h, the key the server reads: the configured
** key-file, else GONGKAI_KEY, else gongkai.key beside a SQLite database
** (created when missing). */
int demo_key(Store *s, char zKey[65]) {
  char *zErr = NULL;
  if (app_key_load(store_app_db_path(s), conf_value("key-file"), 1, zKey, &zErr)) {
    fprintf(stderr, "demo: %s\n", zErr);
    free(zErr);
    return -1;
  }
  return 0;
}

static const char *aSurname[] = {"马", "王", "李", "张", "刘", "杨",
                                 "赵", "陈", "周", "吴", "孙", "何",
                                 "田", "丁", "海", "白"};
static const char *aGiven[] = {"建国", "秀兰", "志强", "海燕", "文华", "小红",
                               "国庆", "玉梅", "学军", "丽娟", "永福", "春花",
                               "德明", "桂英", "晓东", "慧"};
static const char *aRegion[] = {"640521", "640502", "640522",
                                "640104", "640302", "640381"};

/* Organisations that apply, by applicant type (not natural_person). */
static const struct {
  const char *zType, *zName, *zAuthType;
} aOrgApplicant[] = {
    {"commercial", "中宁县枸杞产业发展有限公司", "91"},
    {"commercial", "宁夏红宝医药连锁有限公司", "91"},
    {"research", "宁夏医科大学公共卫生研究所", "12"},
    {"research", "中卫市农业科学研究所", "12"},
    {"public_welfare", "宁夏助残公益基金会", "53"},
    {"public_welfare", "中宁县红丝带志愿者协会", "51"},
    {"legal_service", "宁夏明正律师事务所", "31"},
    {"legal_service", "中宁县城关法律服务所", "33"},
    {"other_org", "中宁县宁安镇东街社区居民委员会", "N2"},
    {"other_org", "中宁县个体劳动者协会", "51"},
};

/* What applicants ask for (some repeated across applicants: Art. 44). */
static const struct {
  const char *zTitle, *zDocNo;
} aInfo[] = {
    {"中宁县卫生健康系统年度部门预算", ""},
    {"县人民医院新院区建设项目环境影响评价批复", ""},
    {"中宁县医疗机构执业许可证发放名单", ""},
    {"关于调整城乡居民基本医疗保险门诊报销比例的通知", "宁卫发〔2018〕12号"},
    {"2018年度中宁县卫生和计划生育局政府信息公开工作年度报告", ""},
    {"中宁县家庭医生签约服务实施方案", "宁卫发〔2019〕5号"},
    {"县疾控中心新冠疫苗接种点设置及采购合同", ""},
    {"某诊所行政处罚决定书", ""},
    {"中宁县公共场所卫生监督抽检结果", ""},
    {"乡镇卫生院基本药物采购目录及价格", ""},
    {"县医院医疗纠纷处理情况统计", ""},
    {"计划生育特别扶助对象名单及发放标准", ""},
    {"中宁县卫生健康事业发展“十四五”规划", ""},
    {"职业病防治监督检查记录", ""},
};

/* Outcome rows in cycling order (all 21; fee_unpaid skipped before 2021). */
static const char *aOutcomeCycle[] = {
    "results.granted",
    "results.partial",
    "results.granted",
    "results.denied.state_secret",
    "results.cannot_provide.not_held",
    "results.granted",
    "results.denied.law_forbidden",
    "results.denied.three_security_one_stability",
    "results.partial",
    "results.denied.third_party",
    "results.denied.internal_affairs",
    "results.granted",
    "results.denied.process_info",
    "results.denied.enforcement_file",
    "results.denied.admin_inquiry",
    "results.cannot_provide.needs_creation",
    "results.granted",
    "results.cannot_provide.still_unclear",
    "results.not_processed.petition_complaint",
    "results.not_processed.repeat",
    "results.granted",
    "results.not_processed.publication",
    "results.not_processed.mass_repeat",
    "results.not_processed.confirm_or_reissue",
    "results.other.no_correction",
    "results.cannot_provide.not_held",
    "results.other.fee_unpaid",
    "results.other.other",
    "results.granted",
};
#define N_OUTCOME_CYCLE ((int)(sizeof aOutcomeCycle / sizeof aOutcomeCycle[0]))

/* A valid 18-digit identity number into z[19]. */
static void make_id(char z[19]) {
  int y = 1950 + (int)rnd(50), m = 1 + (int)rnd(12), d = 1 + (int)rnd(28);
  snprintf(z, 19, "%s%04d%02d%02d%03u", aRegion[rnd(6)], y, m, d, rnd(999));
  z[17] = ident_id_check_char(z);
  z[18] = 0;
}

/* A valid credit code with authority/type zAt into z[19]. */
static void make_uscc(const char *zAt, int iSerial, char z[19]) {
  char zOrg[10];
  snprintf(zOrg, sizeof zOrg, "MA%06d", 100000 + iSerial * 37);
  zOrg[8] = ident_org_code_check_char(zOrg);
  zOrg[9] = 0;
  snprintf(z, 19, "%s640521%s", zAt, zOrg);
  z[17] = ident_uscc_check_char(z);
  z[18] = 0;
}

/* Context shared by the helpers below. */
typedef struct Gen {
  DemoCtx *c;
  Calendar cal;
  char zKey[65];
  int nApp;    /* applications written */
  int iSerial; /* for organisation codes */
} Gen;

/* The n-th working day after d. */
static Date wd(Gen *g, Date d, int n) {
  return cal_add_workdays(&g->cal, d, n);
}

static const char *fmt(Arena *a, Date d) {
  char z[DATE_STRLEN];
  return arena_strdup(a, date_format(d, z));
}

/* Adds an event to the list being built. */
static void ev(Gen *g, AppEventRec *a, int *pn, const char *zKind, Date d,
               Date dLimit, int nDays, const char *zText) {
  a[*pn].zKind = zKind;
  a[*pn].zOn = fmt(g->c->a, d);
  a[*pn].zLimit = dLimit == DATE_NONE ? "" : fmt(g->c->a, dLimit);
  a[*pn].nDays = nDays;
  a[*pn].zText = zText ? zText : "";
  (*pn)++;
}

/* The seed-000 report (aInfo[4]): the bureau's own 2018 annual report. */
#define INFO_OWN_REPORT 4

/* The answer of a drafted case.  A request for the bureau's own annual
** report (seed 000, proactively disclosed in February 2019) is answered
** under Art. 36(一) by the bureau and referred to it under Art. 36(五) by
** the other units, whatever the outcome cycle says; row （四）1 otherwise
** alternates Art. 36(四) (does not exist) and 36(五) (not this organ's,
** with the responsible organ).  Sets *pzOutcome, the basis, the organ
** (for art36_1: the way and place to obtain the information), its contact
** and the text. */
static void demo_answer(DemoCtx *c, int64_t orgId, int iInfo, int iCase,
                        const char **pzOutcome, const char **pzBasis,
                        const char **pzOrgan, const char **pzContact,
                        const char **pzText) {
  int bOwnReport = iInfo == INFO_OWN_REPORT;
  *pzBasis = *pzOrgan = *pzContact = "";
  if (bOwnReport)
    *pzOutcome = orgId == c->bureau ? "results.granted"
                                    : "results.cannot_provide.not_held";
  *pzText = strncmp(*pzOutcome, "results.granted", 15)
                ? "经审查，具体理由见上述法律依据。"
                : "";
  if (bOwnReport && orgId == c->bureau) {
    /* Art. 36(一): the letter tells where it is. */
    *pzBasis = "art36_1";
    *pzOrgan = "本机关门户网站政府信息公开专栏“政府信息公开年报”栏目"
               "（2019年2月主动公开，可在线查阅、下载）";
    *pzText = "";
    return;
  }
  if (strcmp(*pzOutcome, "results.cannot_provide.not_held")) return;
  if (bOwnReport || iCase % 2) {
    *pzBasis = "art36_5";
    *pzOrgan = bOwnReport ? "中宁县卫生健康局" : "中宁县医疗保障局";
    *pzContact = bOwnReport ? "0955-5012345" : "0955-5023456";
    *pzText = "所申请的信息由该机关制作并负责公开。";
    return;
  }
  *pzBasis = "art36_4";
  *pzText = "经在本机关文件档案及业务系统中检索，未找到所申请的信息。";
}

/* Writes one application received on dRec with outcome zOutcome (NULL:
** left open).  iCase varies the channel, applicant and events.  bLate: the
** answer goes out after the due date (2: the first working day after it).  Returns 0 or -1. */
static int one_app(Gen *g, int64_t orgId, Date dRec, const char *zOutcome,
                   int iCase, int bLate, Date dToday) {
  DemoCtx *c = g->c;
  Arena *ar = c->a;
  App a;
  memset(&a, 0, sizeof a);
  a.orgId = orgId;
  a.zChannel = aAppChannel[iCase % 7].zId;
  int bPerson = rnd(10) < 6;
  char zId[19], zName[64];
  if (bPerson) {
    a.zApplicantType = "natural_person";
    a.zIdKind = "resident_id";
    make_id(zId);
    snprintf(zName, sizeof zName, "%s%s", aSurname[rnd(16)], aGiven[rnd(16)]);
    a.zContactPerson = "";
  } else {
    int k = (int)rnd(10);
    a.zApplicantType = aOrgApplicant[k].zType;
    a.zIdKind = "uscc";
    make_uscc(aOrgApplicant[k].zAuthType, k, zId);
    snprintf(zName, sizeof zName, "%s", aOrgApplicant[k].zName);
    a.zContactPerson = arena_printf(ar, "%s%s", aSurname[rnd(16)], "经办人");
  }
  a.zApplicantName = arena_strdup(ar, zName);
  char *zSealed = crypto_seal(g->zKey, zId);
  char *zMasked = app_mask_id(a.zIdKind, zId);
  a.zIdSealed = arena_strdup(ar, zSealed);
  a.zIdMasked = arena_strdup(ar, zMasked);
  free(zSealed);
  free(zMasked);
  char zHashIn[100], zHash[65], zTrack[65], zCode[32];
  snprintf(zHashIn, sizeof zHashIn, "%s:%s", g->zKey, zId);
  crypto_sha256_hex(zHashIn, strlen(zHashIn), zHash);
  a.zIdHash = zHash;
  char zPhone[16];
  snprintf(zPhone, sizeof zPhone, "13%d95%06u", 5 + (int)rnd(5), rnd(1000000));
  a.zPhone = arena_strdup(ar, zPhone);
  a.zEmail = bPerson ? "" : "office@example.cn";
  a.zAddress = "宁夏回族自治区中卫市中宁县宁安镇";
  a.zPostcode = "755100";
  int iInfo = (int)rnd(sizeof aInfo / sizeof aInfo[0]);
  if (!zOutcome) iInfo = iCase % 2; /* open cases: the same two subjects */
  a.zInfoTitle = aInfo[iInfo].zTitle;
  a.zInfoDocNumber = aInfo[iInfo].zDocNo;
  a.zInfoDescription = "请提供全文";
  a.zPurpose = bPerson ? "了解相关政策" : "工作需要";
  a.zForm = aAppForm[iCase % 4].zId;
  a.zDelivery = !strcmp(a.zForm, "email")        ? "email"
                : !strcmp(a.zForm, "inspection") ? "pickup"
                                                 : "post";
  a.zReceivedOn = fmt(ar, dRec);
  char *zWhy = NULL;
  deadline_receipt_date(aAppChannel[iCase % 7].eDl, dRec, &g->cal, &zWhy);
  a.zReceiptNote = arena_strdup(ar, zWhy ? zWhy : "");
  free(zWhy);
  crypto_random_hex(zCode, 10);
  crypto_sha256_hex(zCode, strlen(zCode), zTrack);
  if (store_app_add(c->s, ar, &a, zTrack) != STORE_OK) return -1;
  if (store_notice_issue(c->s, ar, a.id, orgId, "receipt", a.zReceivedOn, "",
                         "", 0, NULL) != STORE_OK)
    return -1;
  store_app_log(c->s, a.id, c->uOffice, "登记", a.zReceiptNote);
  /* Who handles, reviews and approves: the bureau's own staff, the
  ** hospital's, and for the other units the bureau's disclosure office. */
  int bBureau = orgId == c->bureau, bHosp = orgId == c->hospital;
  int64_t uHandler = bBureau ? c->uDrafter : bHosp ? c->uHospitalDrafter : 0;
  /* Who drafts never reviews or approves the same answer. */
  int64_t uDrafter = uHandler ? uHandler : c->uOffice;
  int64_t uReviewer = bBureau ? c->uDeptHead
                      : bHosp ? c->uHospitalAdmin
                              : c->uOfficeHead;
  int64_t uApprover = bBureau ? c->uApprover
                      : bHosp ? c->uHospitalAdmin
                              : c->uApprover;
  store_app_assign(c->s, a.id, bBureau ? c->deptPolicy : 0, uHandler);

  /* Events before the answer. */
  AppEventRec aEv[12];
  int nEv = 0;
  Date dStart = dRec;
  int bFee = date_year(dRec) >= 2021;
  if (zOutcome && !strcmp(zOutcome, "results.other.no_correction")) {
    Date dSent = wd(g, dRec, 3);
    ev(g, aEv, &nEv, "correction_sent", dSent, wd(g, dSent, 10), 0,
       "请明确所需信息的名称或文号");
    ev(g, aEv, &nEv, "correction_lapsed", wd(g, dSent, 11), DATE_NONE, 0,
       "逾期未补正，无正当理由");
  } else if (zOutcome && !strcmp(zOutcome, "results.other.fee_unpaid")) {
    Date dN = wd(g, dRec, 8);
    ev(g, aEv, &nEv, "fee_notice", dN, wd(g, dN, 20), 0, "按量计收，1700元");
    ev(g, aEv, &nEv, "fee_lapsed", wd(g, dN, 21), DATE_NONE, 0, "逾期未缴费");
  } else {
    if (iCase % 6 == 2 ||
        (zOutcome &&
         !strcmp(zOutcome, "results.cannot_provide.still_unclear"))) {
      Date dSent = wd(g, dRec, 2 + (int)rnd(4));
      ev(g, aEv, &nEv, "correction_sent", dSent, wd(g, dSent, 10), 0,
         "所需信息描述不明确，请补正");
      dStart = wd(g, dSent, 3 + (int)rnd(5));
      ev(g, aEv, &nEv, "correction_received", dStart, DATE_NONE, 0, "");
    }
    if (zOutcome && !strcmp(zOutcome, "results.denied.third_party")) {
      Date s = wd(g, dStart, 4);
      ev(g, aEv, &nEv, "third_party_start", s, DATE_NONE, 0,
         "书面征求相关企业意见");
      ev(g, aEv, &nEv, "third_party_end", wd(g, s, 6 + (int)rnd(9)), DATE_NONE,
         0, "第三方不同意公开");
    } else if (iCase % 9 == 4 && regime_for(dRec)->zArtOrgan) {
      /* (The 2007 Regulation did not pause the clock for other organs.) */
      Date s = wd(g, dStart, 5);
      ev(g, aEv, &nEv, "organ_start", s, DATE_NONE, 0, "征求县医疗保障局意见");
      ev(g, aEv, &nEv, "organ_end", wd(g, s, 5 + (int)rnd(10)), DATE_NONE, 0,
         "同意公开");
    }
    if (iCase % 8 == 3) {
      /* Before the statutory period ends; at most 15 WD before 2019-05-15
      ** (old Art. 24), 20 after (Art. 33). */
      const Regime *pR = regime_for(dStart);
      ev(g, aEv, &nEv, "extension", wd(g, dStart, pR->nAnswerDays - 2),
         DATE_NONE, 10 + (int)rnd((unsigned)pR->nExtensionMax - 9),
         "批准人：郑主任；已告知申请人；需调取历史档案");
    }
    if (bFee && iCase % 11 == 5 && zOutcome &&
        (!strcmp(zOutcome, "results.granted") ||
         !strcmp(zOutcome, "results.partial"))) {
      FeeResult fr;
      int nPages = 150;
      fee_per_volume(nPages, &fr);
      Date dN = wd(g, dStart, 6);
      int bWaive = rnd(2);
      ev(g, aEv, &nEv, "fee_notice", dN, wd(g, dN, 20), 0,
         arena_printf(ar, "%lld元", fr.nYuan));
      ev(g, aEv, &nEv, "fee_paid", wd(g, dN, 4), DATE_NONE, 0,
         bWaive ? "减免：申请人为城乡低保对象" : "已缴费，票据号 NX2021");
      store_app_set_fee(c->s, a.id, "per_volume", nPages, fr.nYuan,
                        bWaive ? "waived" : "paid",
                        bWaive ? "申请人为城乡低保对象" : "票据号 NX2021");
      fee_result_free(&fr);
    }
  }
  for (int i = 0; i < nEv; i++)
    if (store_app_event_add(c->s, a.id, &aEv[i],
                            !strcmp(aEv[i].zKind, "extension") ? c->uOfficeHead
                                                               : c->uOffice) !=
        STORE_OK)
      return -1;
  for (int i = 0; i < nEv; i++) { /* the notices the events call for */
    const NoticeKind *k = notice_kind_for_event(aEv[i].zKind);
    if (k && store_notice_issue(c->s, ar, a.id, orgId, k->zId, aEv[i].zOn,
                                aEv[i].zText, aEv[i].zLimit, aEv[i].nDays,
                                NULL) != STORE_OK)
      return -1;
  }

  DlResult res;
  if (app_clock(&g->cal, a.zReceivedOn, aEv, nEv, dToday, &res) != DL_OK) {
    fprintf(stderr, "demo: application clock: %s\n", res.zErr ? res.zErr : "?");
    deadline_result_free(&res);
    return -1;
  }
  Date dDue = res.dDue;
  deadline_result_free(&res);
  if (zOutcome && (!strcmp(zOutcome, "results.other.no_correction") ||
                   !strcmp(zOutcome, "results.other.fee_unpaid"))) {
    Date dEnd;
    date_parse(aEv[nEv - 1].zOn, &dEnd);
    if (store_app_close(c->s, a.id, zOutcome, aEv[nEv - 1].zOn,
                        aEv[nEv - 1].zText) != STORE_OK)
      return -1;
    store_app_log(c->s, a.id, c->uOffice, "终止办理",
                  app_outcome(zOutcome)->zLabel);
  } else if (zOutcome && dDue != DATE_NONE) {
    /* Answer some working days before the due date (or after, when late). */
    int nLeft = cal_workdays_between(&g->cal, dStart, dDue);
    Date dAns = bLate == 2 ? wd(g, dDue, 1)
                : bLate ? wd(g, dDue, 1 + (int)rnd(3))
                      : wd(g, dStart,
                           3 + (int)rnd((unsigned)(nLeft > 6 ? nLeft - 4 : 2)));
    Date dLastEv = dStart;
    for (int i = 0; i < nEv; i++) {
      Date d;
      if (!date_parse(aEv[i].zOn, &d) && d > dLastEv) dLastEv = d;
    }
    if (dAns <= dLastEv) dAns = wd(g, dLastEv, 1 + (int)rnd(3));
    if (dAns > dDue && !bLate) dAns = dDue;
    AppEventRec e = {"answered", fmt(ar, dAns), "", 0, ""};
    const char *zText, *zBasis, *zOrgan, *zContact;
    demo_answer(c, orgId, iInfo, iCase, &zOutcome, &zBasis, &zOrgan, &zContact,
                &zText);
    if (store_app_draft(c->s, a.id, zOutcome, zText, uDrafter) != STORE_OK ||
        store_app_set_basis(c->s, a.id, zBasis,
                            strcmp(zBasis, "art36_1") ? zOrgan : "", zContact,
                            strcmp(zBasis, "art36_1") ? "" : zOrgan) !=
            STORE_OK ||
        store_app_dept_review(c->s, a.id, uReviewer) != STORE_OK ||
        store_app_event_add(c->s, a.id, &e, c->uOffice) != STORE_OK ||
        store_app_approve(c->s, a.id, uApprover, e.zOn) != STORE_OK ||
        store_notice_issue(c->s, ar, a.id, orgId, "answer", e.zOn, "", "", 0,
                           NULL) != STORE_OK)
      return -1;
    store_app_log(c->s, a.id, uDrafter, "拟定答复",
                  app_answer_of(zOutcome, zBasis)->zLabel);
    store_app_log(c->s, a.id, uReviewer, "科室审核通过", "");
    store_app_log(c->s, a.id, uApprover, "批准答复", e.zOn);
  }
  if (store_app_refresh_due(c->s, ar, &g->cal, a.id, dToday, NULL, NULL) !=
      STORE_OK)
    return -1;

  /* Reconsideration and litigation on some refusals. */
  if (zOutcome &&
      (!strncmp(zOutcome, "results.denied", 14) ||
       !strncmp(zOutcome, "results.cannot_provide", 22)) &&
      iCase % 5 == 1) {
    static const char *aKind[] = {"review", "lit_direct", "review",
                                  "lit_after_review"};
    static const char *aRes[] = {"upheld", "corrected", "other", "upheld"};
    int k = g->nApp % 4;
    Date dFiled = date_add_days(dRec, 60 + (int)rnd(30));
    AppReview v;
    memset(&v, 0, sizeof v);
    v.appId = a.id;
    v.zKind = aKind[k];
    v.zFiledOn = fmt(ar, dFiled);
    int bPending = date_year(dRec) >= 2025;
    v.zResult = bPending ? "pending" : aRes[(g->nApp / 4) % 4];
    v.zDecidedOn =
        bPending ? "" : fmt(ar, date_add_days(dFiled, 60 + (int)rnd(90)));
    v.zBody = strcmp(v.zKind, "review") ? "中宁县人民法院" : "中宁县人民政府";
    v.zCaseNo = arena_printf(ar, "（%d）宁%s第%d号", date_year(dFiled),
                             strcmp(v.zKind, "review") ? "0521行初" : "宁政复",
                             10 + g->nApp);
    if (store_app_review_add(c->s, &v) != STORE_OK) return -1;
  }
  g->nApp++;
  return 0;
}

/* A working day of year y near day-of-year iDay. */
static Date day_in_year(Gen *g, int y, int iDay) {
  Date d = date_add_days(date_from_ymd(y, 1, 1), iDay);
  if (!cal_is_workday(&g->cal, d)) d = wd(g, d, 1);
  return d;
}

int demo_applications(DemoCtx *c) {
  Gen g;
  memset(&g, 0, sizeof g);
  g.c = c;
  if (demo_key(c->s, g.zKey)) {
    fputs("demo: no usable key (GONGKAI_KEY or gongkai.key)\n", stderr);
    return -1;
  }
  if (store_app_calendar(c->s, &g.cal) != STORE_OK) {
    fprintf(stderr, "demo: %s\n", store_errmsg(c->s));
    return -1;
  }
  Date dToday = date_today_cn(time(NULL));
  int rc = 0, iCase = 0, iOut = 0;
  /* The bureau's reconsideration organ (行政复议法 Art. 24). */
  if (store_org_set_review_organ(c->s, c->bureau, "中宁县人民政府") !=
      STORE_OK)
    rc = -1;
  /* The bureau and the 疾控中心 (Art. 54) take applications; the hospitals
  ** (Art. 55) and the 卫生监督所 (acting in the bureau's name) do not. */
  int64_t aOrg[2] = {c->bureau, c->nUnit > 3 ? c->aUnit[3] : c->bureau};
  int aPerYear[2] = {26, 8};
  for (int y = 2019; rc == 0 && y <= 2025; y++) {
    for (int o = 0; rc == 0 && o < 2; o++) {
      int n = aPerYear[o] + (int)rnd(5);
      for (int i = 0; rc == 0 && i < n; i++) {
        /* Spread over the year; the last two arrive in late December and
        ** are answered in January (carried over). */
        int iDay = i >= n - 2 ? 350 + (int)rnd(8) : 5 + (i * 340) / n;
        Date dRec = day_in_year(&g, y, iDay);
        const char *zOutcome = aOutcomeCycle[iOut++ % N_OUTCOME_CYCLE];
        if (y < 2021 && !strcmp(zOutcome, "results.other.fee_unpaid"))
          zOutcome = "results.granted";
        if (o > 0 && (iOut % 3)) zOutcome = "results.granted";
        /* The first case (received 2019-01-07, due 2019-01-28 under the
        ** 2007 Regulation's 15 working days) was answered on 01-29: late. */
        int bLate = iCase == 0 ? 2 : iCase % 17 == 16;
        rc = one_app(&g, aOrg[o], dRec, zOutcome, iCase, bLate, dToday);
        iCase++;
      }
    }
  }
  /* Open cases received in the last weeks: due soon, overdue, paused. */
  for (int i = 0; rc == 0 && i < 6; i++) {
    Date dRec = cal_add_workdays(&g.cal, date_add_days(dToday, -45 + i * 7), 1);
    if (dRec > dToday) dRec = dToday;
    rc = one_app(&g, c->bureau, dRec, NULL, 7 * i + 1, 0, dToday);
  }
  /* Remember the calendar the due dates were computed with. */
  if (rc == 0 && store_app_recalc_if_calendar_changed(c->s, dToday, NULL))
    rc = -1;
  if (rc) fprintf(stderr, "demo: applications: %s\n", store_errmsg(c->s));
  cal_free(&g.cal);
  return rc;
}
