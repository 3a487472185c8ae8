/*
** demo_seed_reports.c — a second agency whose records regenerate two real
** published report tables cell for cell (issue 14):
**
**   2020, 2019 format: the tables of seed 001 (盐池县卫生健康局 2020 年政府
**         信息公开工作年度报告);
**   2018, statistical form: the 统计表 of seed 004 (鄞州区卫生健康局 2018
**         年度信息公开工作报告, 附件2).
**
** The two seeds are two different agencies, so one agency cannot bear both
** names truthfully: the demo's is a fictional county health bureau of the
** same kind, 安泉县卫生健康局 (a root organisation beside the demo bureau,
** like the seed authors of demo_registers.c), with its own staff.  Its
** records are what the report generator (store/store_reports.c,
** docs/reports.md) counts, written by table-driven generators:
**
**   2018  979 documents published on working days (33 行政规范性文件 signed
**         in 2018, with a two-year validity that ends in 2020, and one
**         解读), 639 of them also on WeChat and 180 on Weibo; 96 public-
**         opinion events answered (one online, see opinions()); a press
**         briefing, a meeting, a training of 30; two online applications
**         granted in time; the cells with no record source (六, 八) and the
**         seed's blanks set on the stored report with their reasons.
**   2019  the 事项 in force on 31 December (上一年项目数量 of 2020).
**   2020  26 documents (none a 规章 or 规范性文件), the register's 2020
**         figures, an open day; no application, no reconsideration.
**
** Both reports are approved, submitted and published (2018 on 2019-02-20,
** the seed's date; 2020 on 2021-01-22).  tests/cli/report_seed_demo.sh
** compares every cell with the seeds' tables, typed by hand.
**
** Seed inconsistencies (the TABLES are regenerated; docs/reports.md):
**   001  the text says 行政许可处理决定 203 件 and, for 行政处罚, 同比上一年
**        项目数量无增减, while table 二 says 0 decisions and +5 items; it
**        says 依申请公开 51 份文件，不公开 60 份文件 in （一） and 受理依申请公开
**        材料 0 份 in （二）, as table 三 (all 0).
**   004  （三）申请答复数 is left blank although its items give 2; 96
**        hotspots answered but only 1 through 微博微信 and none 其他方式:
**        of the response kinds the register knows (发布权威信息 → row 5,
**        网上回应 → row 4, 举行新闻发布会 → neither), only press responses
**        leave both rows as the seed has them, so the other 95 events were
**        answered at press briefings (row 1 counts briefings held: 1).
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/demo.h"
#include "core/application.h"
#include "core/calendar.h"
#include "core/ident.h"
#include "core/perm.h"
#include "core/report.h"
#include "lib/buf.h"
#include "lib/crypto.h"
#include "lib/date.h"
#include "store/store_applications.h"
#include "store/store_documents.h"
#include "store/store_notice.h"
#include "store/store_registers.h"
#include "store/store_remedy.h"
#include "store/store_reports.h"
#include "web/reports.h"

/* What the generators share. */
typedef struct Seed {
  DemoCtx *c;
  Calendar cal;
  int64_t org, dept;
  int64_t uOffice, uDrafter, uLeader;
} Seed;

static int fail(Seed *g, const char *zWhat) {
  fprintf(stderr, "demo seed reports: %s: %s\n", zWhat, store_errmsg(g->c->s));
  return -1;
}

#define N(a) ((int)(sizeof a / sizeof a[0]))

/* ---- The agency ------------------------------------------------------ */

/* The agency's staff: its disclosure office, a drafter, the leader. */
static int staff(Seed *g) {
  static const struct { const char *zLogin, *zName; unsigned roles; } aUser[] = {
    {"aq-office", "高公开", ROLE_OFFICE},
    {"aq-drafter", "韩承办", ROLE_DRAFTER},
    {"aq-leader", "罗局长", ROLE_APPROVER},
  };
  int64_t *apId[] = {&g->uOffice, &g->uDrafter, &g->uLeader};
  char zHash[CRYPTO_PWHASH_LEN];
  if (crypto_password_hash(g->c->zPassword, zHash)) return -1;
  for (int i = 0; i < N(aUser); i++) {
    User u;
    memset(&u, 0, sizeof u);
    u.orgId = g->org;
    u.deptId = aUser[i].roles == ROLE_APPROVER ? 0 : g->dept;
    u.zLogin = aUser[i].zLogin;
    u.zName = aUser[i].zName;
    u.zPwHash = zHash;
    u.roles = aUser[i].roles;
    if (store_user_add(g->c->s, &u) != STORE_OK) return fail(g, aUser[i].zLogin);
    *apId[i] = u.id;
  }
  return 0;
}

static int agency(Seed *g) {
  DemoCtx *c = g->c;
  Org o;
  memset(&o, 0, sizeof o);
  o.zKind = "department";
  o.zSlug = "aqwsj";
  o.zName = "安泉县卫生健康局";
  o.zShortName = "安泉县卫健局";
  o.zAddress = "安泉县人民路88号";
  o.zPostcode = "751300";
  o.zPhone = "0953-6012300";
  o.zEmail = "aqwjj@example.cn";
  o.zOfficeHours = "工作日 上午8:30-12:00，下午14:30-18:00";
  /* Invented codes with valid check characters (index numbers need the
  ** organisation code). */
  char zOc[10] = "45362910", zUscc[19];
  zOc[8] = ident_org_code_check_char(zOc);
  zOc[9] = 0;
  snprintf(zUscc, sizeof zUscc, "11640399%s", zOc);
  zUscc[17] = ident_uscc_check_char(zUscc);
  zUscc[18] = 0;
  o.zOrgCode = zOc;
  o.zUscc = zUscc;
  const char *zWhy = org_validate(&o);
  if (zWhy || store_org_add(c->s, &o) != STORE_OK) {
    fprintf(stderr, "demo seed reports: 安泉县卫生健康局: %s\n",
            zWhy ? zWhy : store_errmsg(c->s));
    return -1;
  }
  g->org = o.id;
  /* The institutional reform renamed the bureau at the turn of 2019. */
  if (store_org_former_name_add(c->s, g->org, "安泉县卫生和计划生育局",
                                "2018-12-28") != STORE_OK ||
      store_dept_add(c->s, g->org, "办公室", &g->dept) != STORE_OK ||
      store_org_set_review_organ(c->s, g->org, "安泉县人民政府") != STORE_OK)
    return fail(g, "机构");
  return staff(g);
}

/* ---- Documents ------------------------------------------------------- */

/* A kind of document of one year: n titles from zPattern, {a} replaced by
** A[i % nA] and {b} by B[(i / nA) % nB]; the body is zBody filled the same
** way. */
typedef struct DocKind {
  int year, n;
  const char *zGenre, *zReportKind, *zPattern, *zKeywords, *zBody;
  const char *const *aA; int nA;
  const char *const *aB; int nB;
} DocKind;

static const char *const aActor18[] = {
  "县卫生计生局", "县人民医院", "县中医医院", "县疾病预防控制中心",
  "县卫生监督所", "县妇幼保健计划生育服务中心", "城关镇卫生院", "青山镇卫生院",
  "河湾乡卫生院", "白杨镇卫生院", "石桥乡卫生院", "新集镇卫生院", "柳林乡卫生院"};
static const char *const aAction18[] = {
  "召开党风廉政建设工作会议", "开展义诊进社区活动", "开展“世界卫生日”宣传活动",
  "开展家庭医生签约服务入户随访", "开展计划生育政策宣传", "开展健康扶贫入户核查",
  "开展消防安全培训演练", "开展预防接种安全检查", "开展传染病防治知识培训",
  "开展“全国高血压日”义诊", "开展结核病防治宣传", "开展医疗质量专项检查",
  "开展学校卫生监督检查", "开展健康教育进校园活动", "召开医疗安全工作例会",
  "开展无偿献血活动", "开展“世界无烟日”宣传", "开展食品安全宣传周活动",
  "开展艾滋病防治宣传", "开展老年人免费健康体检", "开展院感防控专项培训",
  "开展慢性病管理随访", "开展妇女“两癌”筛查", "开展新生儿疾病筛查宣传",
  "开展急救技能培训", "开展行风建设专项检查", "开展安全生产大检查",
  "开展“服务百姓健康行动”", "开展中医药健康文化宣传", "开展精神卫生日宣传",
  "开展全民营养周宣传", "开展环境卫生整治活动", "开展职业病防治法宣传周活动",
  "开展医师节座谈活动", "开展“三基三严”考核", "开展冬春季传染病防控督导",
  "开展基本公共卫生服务项目自查", "开展爱国卫生月活动", "开展病历书写质量评查",
  "开展合理用药培训"};
static const char *const aPublicity[] = {
  "医疗机构执业登记事项", "医师执业注册事项", "护士执业注册事项",
  "公共场所卫生许可事项", "行政处罚决定", "生活饮用水供水单位卫生许可事项",
  "放射诊疗许可事项", "母婴保健技术服务执业许可事项",
  "农村部分计划生育家庭奖励扶助对象", "计划生育特别扶助对象"};
static const char *const aBatch[] = {
  "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二",
  "十三", "十四", "十五", "十六", "十七", "十八", "十九", "二十"};
static const char *const aVerb[] = {"开展", "做好", "进一步加强"};
static const char *const aTask[] = {
  "手足口病防控工作", "流感防控工作", "登革热防控工作", "狂犬病暴露处置工作",
  "预防接种门诊规范化建设工作", "严重精神障碍患者管理工作", "高血压患者健康管理工作",
  "糖尿病患者健康管理工作", "孕产妇健康管理工作", "0—6岁儿童健康管理工作",
  "老年人健康管理工作", "居民健康档案管理工作", "健康教育工作", "卫生计生监督协管工作",
  "中医药健康管理工作", "结核病患者健康管理工作", "家庭医生签约服务工作",
  "基层医疗卫生机构绩效考核工作", "医疗废物管理工作", "医院感染管理工作",
  "临床用血管理工作", "抗菌药物临床应用管理工作", "医疗纠纷预防和处理工作",
  "平安医院建设工作", "改善医疗服务行动计划工作", "分级诊疗制度建设工作",
  "县域医疗共同体建设工作", "健康扶贫工作", "计划生育奖励扶助资金发放工作",
  "流动人口卫生计生服务工作", "出生人口监测工作", "婴幼儿照护服务工作",
  "学校卫生工作", "职业病危害项目申报工作", "生活饮用水卫生监督工作",
  "公共场所卫生监督工作", "打击非法行医工作", "无偿献血工作", "卫生应急准备工作",
  "夏季食品安全工作", "病媒生物防制工作", "国家卫生县城复审工作", "控烟工作",
  "卫生计生统计工作", "财务内部控制工作", "安全生产工作", "信访维稳工作",
  "政务信息报送工作", "政府信息公开工作", "网络安全工作"};
static const char *const aHireUnit[] = {
  "县人民医院", "县中医医院", "县疾病预防控制中心", "县妇幼保健计划生育服务中心",
  "城关镇卫生院", "青山镇卫生院", "河湾乡卫生院", "白杨镇卫生院", "石桥乡卫生院",
  "新集镇卫生院"};
static const char *const aHireKind[] = {"编外合同制工作人员", "紧缺专业技术人员",
                                        "乡村医生"};
static const char *const aService[] = {
  "医疗机构设置审批", "医疗机构执业登记", "医师执业注册", "护士执业注册",
  "公共场所卫生许可", "生活饮用水供水单位卫生许可", "放射诊疗许可",
  "母婴保健技术服务执业许可", "出生医学证明办理", "生育服务登记",
  "计划生育奖励扶助申请", "独生子女父母光荣证办理", "乡村医生执业注册",
  "职业健康检查机构备案", "医疗广告审查"};
static const char *const aGuideKind[] = {"办事指南", "申请材料目录", "办理流程"};
static const char *const aNormSubject[] = {
  "家庭医生签约服务", "计划生育特别扶助金发放", "乡村医生", "医疗机构校验",
  "基本公共卫生服务项目资金", "卫生计生行政执法过错责任追究", "医疗废物集中处置",
  "院前急救", "健康扶贫医疗费用兜底保障", "公立医院绩效考核", "卫生计生系统安全生产"};
static const char *const aNormKind[] = {"管理办法", "实施细则", "考核办法"};
static const char *const aActor20[] = {
  "县卫生健康局", "县人民医院", "县中医医院", "县疾病预防控制中心",
  "城关镇卫生院", "青山镇卫生院", "河湾乡卫生院"};
static const char *const aAction20[] = {"开展新冠肺炎疫情防控督导检查",
                                        "开展爱国卫生运动"};
static const char *const aQuarter[] = {"一", "二", "三"};
static const char *const aOne[] = {""};

static const DocKind aDocKind[] = {
  {2018, 520, "工作动态", "other", "{a}{b}", "工作动态", "近日，{a}{b}。", aActor18, N(aActor18), aAction18, N(aAction18)},
  {2018, 200, "公示", "other", "{a}公示（第{b}批）", "公示", "现将{a}（第{b}批）予以公示，公示期5个工作日。", aPublicity, N(aPublicity), aBatch, N(aBatch)},
  {2018, 150, "通知", "other", "关于{a}{b}的通知", "通知", "各乡镇卫生院、县直各医疗卫生单位：为{a}{b}，现将有关事项通知如下。", aVerb, N(aVerb), aTask, N(aTask)},
  {2018, 30, "公告", "other", "{a}2018年公开招聘{b}公告", "人事信息 招聘", "{a}2018年公开招聘{b}。报名条件、程序和时间安排见正文。", aHireUnit, N(aHireUnit), aHireKind, N(aHireKind)},
  {2018, 45, "指南", "other", "{a}{b}", "办事指南", "{a}{b}：办理依据、申请条件、申请材料、办理流程、办理时限和收费标准。", aService, N(aService), aGuideKind, N(aGuideKind)},
  {2018, 33, "通知", "normative", "安泉县卫生和计划生育局关于印发《安泉县{a}{b}》的通知", "规范性文件", "各乡镇卫生院、县直各医疗卫生单位：现将《安泉县{a}{b}》印发给你们，请认真贯彻执行。本文件自印发之日起施行，有效期2年。", aNormSubject, N(aNormSubject), aNormKind, N(aNormKind)},
  {2020, 1, "公告", "other", "县卫生健康局2020年公开招聘乡镇卫生院专业技术人员公告", "人事信息 招聘", "公开招聘乡镇卫生院专业技术人员{a}{b}。报名条件、程序和时间安排见正文。", aOne, 1, aOne, 1},
  {2020, 14, "工作动态", "other", "{a}{b}", "工作动态", "近日，{a}{b}。", aActor20, N(aActor20), aAction20, N(aAction20)},
  {2020, 8, "指南", "other", "{a}办事指南（2020年版）", "办事指南", "{a}办事指南{b}：办理依据、申请条件、申请材料、办理流程、办理时限和收费标准。", aService, 8, aOne, 1},
  {2020, 3, "公示", "other", "县人民医院2020年第{a}季度医疗服务价格公示", "医疗服务信息", "现将县人民医院2020年第{a}季度医疗服务价格公示如下{b}。", aQuarter, N(aQuarter), aOne, 1},
};

/* One generated document before it is stored. */
typedef struct GenDoc {
  Date dPub;
  const DocKind *k;
  int i;          /* index within its kind */
  int64_t id;
} GenDoc;

/* zPat with {a} and {b} replaced by zA and zB, in the arena. */
static const char *fill(Arena *ar, const char *zPat, const char *zA,
                        const char *zB) {
  Buf b = BUF_INIT;
  for (const char *z = zPat; *z;) {
    if (!strncmp(z, "{a}", 3) || !strncmp(z, "{b}", 3)) {
      buf_puts(&b, z[1] == 'a' ? zA : zB);
      z += 3;
    } else {
      buf_append(&b, z, 1);
      z++;
    }
  }
  const char *zOut = arena_strdup(ar, buf_str(&b));
  buf_free(&b);
  return zOut;
}

static int gendoc_cmp(const void *x, const void *y) {
  const GenDoc *a = x, *b = y;
  if (a->dPub != b->dPub) return a->dPub < b->dPub ? -1 : 1;
  if (a->k != b->k) return !a->k ? 1 : !b->k ? -1 : a->k < b->k ? -1 : 1;
  return a->i - b->i;
}

/* The k-th of n working days spread over year y, keeping nMargin working
** days free at either end. */
static Date spread(Seed *g, int y, int k, int n, int nMargin) {
  Date d0 = cal_add_workdays(&g->cal, date_add_days(date_from_ymd(y, 1, 1), -1), 1);
  int nWd = cal_workdays_between(&g->cal, d0, date_from_ymd(y, 12, 31));
  int span = nWd - 2 * nMargin;
  return cal_add_workdays(&g->cal, d0, nMargin + (int)((2LL * k + 1) * span / (2LL * n)));
}

static const char *fmt_date(Arena *a, Date d) {
  char z[DATE_STRLEN];
  return arena_strdup(a, date_format(d, z));
}

/* The n-th working day before d. */
static Date workdays_before(Seed *g, Date d, int n) {
  while (n > 0) {
    d = date_add_days(d, -1);
    n -= cal_is_workday(&g->cal, d);
  }
  return d;
}

/* Stores one generated document (normative ones signed 3 working days
** before publication, expiring two years after signature). */
static int store_gendoc(Seed *g, GenDoc *p) {
  DemoCtx *c = g->c;
  const DocKind *k = p->k;
  const char *zA = k->aA[p->i % k->nA], *zB = k->aB[(p->i / k->nA) % k->nB];
  Doc d;
  memset(&d, 0, sizeof d);
  d.orgId = g->org;
  d.deptId = g->dept;
  d.zTitle = fill(c->a, k->zPattern, zA, zB);
  d.zPublisher = k->year < 2019 ? "安泉县卫生和计划生育局" : "安泉县卫生健康局";
  int bNorm = !strcmp(k->zReportKind, "normative");
  Date dSigned = bNorm ? workdays_before(g, p->dPub, 3) : p->dPub;
  d.zSignedDate = d.zFormedDate = fmt_date(c->a, dSigned);
  d.zPublishedDate = fmt_date(c->a, p->dPub);
  d.zMode = "proactive";
  d.zScope = "全社会";
  d.zGenre = k->zGenre;
  d.zReportKind = k->zReportKind;
  d.zKeywords = k->zKeywords;
  d.zBody = fill(c->a, k->zBody, zA, zB);
  if (bNorm)
    d.zDocNumber = arena_printf(c->a, "安卫计发〔%d〕%d号", k->year, 3 + 2 * p->i);
  d.createdBy = g->uDrafter;
  if (store_doc_import(c->s, c->a, &d) != STORE_OK) return fail(g, d.zTitle);
  p->id = d.id;
  if (bNorm) {
    int y, m, dd;
    date_ymd(dSigned, &y, &m, &dd);
    Date dEnd = date_add_days(date_from_ymd(y + 2, m, dd == 29 && m == 2 ? 28 : dd), -1);
    if (store_doc_set_validity(c->s, c->a, d.id, "expired",
                               fmt_date(c->a, dEnd), 0) != STORE_OK)
      return fail(g, "有效期届满");
  }
  return 0;
}

/* Further channels of the 2018 documents (j: chronological position among
** n): 639 on the WeChat account, 180 on the Weibo account, spread by two
** permutations of 0..n-1 (7 and 13 are prime to n = 978). */
static int channels_2018(Seed *g, const GenDoc *p, int j, int n) {
  DemoCtx *c = g->c;
  const char *zDay = fmt_date(c->a, p->dPub);
  if ((j * 7) % n < 639 &&
      store_doc_channel_add(c->s, p->id, "微信公众号", zDay, "“健康安泉”公众号",
                            g->uOffice) != STORE_OK)
    return fail(g, "微信");
  if ((j * 13 + 5) % n < 180 &&
      store_doc_channel_add(c->s, p->id, "政务微博", zDay, "@健康安泉",
                            g->uOffice) != STORE_OK)
    return fail(g, "微博");
  return 0;
}

/* The 解读 of the policy stored as policyId (the first normative
** document), published on dPub. */
static int interpretation(Seed *g, Date dPub, int64_t policyId) {
  DemoCtx *c = g->c;
  Doc d;
  memset(&d, 0, sizeof d);
  d.orgId = g->org;
  d.deptId = g->dept;
  d.zTitle = "《安泉县家庭医生签约服务管理办法》政策解读";
  d.zPublisher = "安泉县卫生和计划生育局";
  d.zSignedDate = d.zFormedDate = d.zPublishedDate = fmt_date(c->a, dPub);
  d.zMode = "proactive";
  d.zScope = "全社会";
  d.zGenre = "解读";
  d.zReportKind = "other";
  d.zKeywords = "政策解读 家庭医生";
  d.zBody = "## 一、制定背景\n\n推进家庭医生签约服务是深化医改的重要任务。\n\n"
            "## 二、主要内容\n\n明确签约对象、服务内容、团队组成和考核办法。";
  d.interpretsId = policyId;
  d.createdBy = g->uDrafter;
  if (store_doc_import(c->s, c->a, &d) != STORE_OK) return fail(g, d.zTitle);
  return 0;
}

/* Every document of aDocKind, plus the 解读 (k NULL) two working days after
** the first normative one, stored in date order (index numbers follow). */
static int documents(Seed *g) {
  int n = 1, iNorm = 0;
  for (int k = 0; k < N(aDocKind); k++) n += aDocKind[k].n;
  GenDoc *a = calloc((size_t)n, sizeof *a);
  if (!a) return -1;
  n = 0;
  for (int k = 0; k < N(aDocKind); k++) {
    const DocKind *p = &aDocKind[k];
    int bNorm = !strcmp(p->zReportKind, "normative");
    if (bNorm) iNorm = n;
    for (int i = 0; i < p->n; i++, n++) {
      a[n].k = p;
      a[n].i = i;
      a[n].dPub = spread(g, p->year, i, p->n, bNorm ? 10 : 0);
    }
  }
  a[n++].dPub = cal_add_workdays(&g->cal, a[iNorm].dPub, 2);
  qsort(a, (size_t)n, sizeof *a, gendoc_cmp);
  int rc = 0, j2018 = 0, n2018 = 0;
  int64_t policyId = 0;
  for (int i = 0; i < n; i++) n2018 += a[i].k && a[i].k->year == 2018;
  for (int i = 0; rc == 0 && i < n; i++) {
    if (!a[i].k) {
      rc = interpretation(g, a[i].dPub, policyId);
      continue;
    }
    rc = store_gendoc(g, &a[i]);
    if (!rc && a[i].k->year == 2018) rc = channels_2018(g, &a[i], j2018++, n2018);
    if (!strcmp(a[i].k->zReportKind, "normative") && a[i].i == 0) policyId = a[i].id;
  }
  free(a);
  return rc;
}

/* ---- Registers: decisions and 事项 (seed 001 table 二) ----------------- */

/* The 事项 in force on 31 December 2019 and 2020 (a kind without a 2020
** number carries 2019's over) and the 2020 decisions; kinds without a 2020
** decision figure count 0 (行政许可, 行政强制, 收费, 集中采购). */
static int registers(Seed *g) {
  static const struct { const char *zKind; int year; long long items; } aItems[] = {
    {"licensing", 2019, 0}, {"other_services", 2019, 44}, {"penalty", 2019, 160},
    {"coercion", 2019, 8}, {"admin_fees", 2019, 0}, {"penalty", 2020, 165}};
  static const struct { const char *zKind; long long count; } aDecisions[] = {
    {"other_services", 73}, {"penalty", 27}};
  DemoCtx *c = g->c;
  for (int i = 0; i < N(aItems); i++)
    if (store_report_register_items(c->s, g->org, aItems[i].year,
                                    aItems[i].zKind, aItems[i].items, "form",
                                    g->uOffice) != STORE_OK)
      return fail(g, "事项数");
  for (int i = 0; i < N(aDecisions); i++)
    if (store_report_register_put(c->s, g->org, 2020, aDecisions[i].zKind,
                                  aDecisions[i].count, 0, "form",
                                  g->uOffice) != STORE_OK)
      return fail(g, "处理决定");
  return 0;
}

/* ---- Public opinion and activities (seed 004 二, 九) -------------------- */

static const char *const aConcern[] = {
  "乡镇卫生院夜间急诊无人值班", "疫苗接种预约难", "县医院停车难", "医保报销比例调整",
  "家庭医生签约后服务不到位", "计划生育奖励扶助金发放时间", "县医院门诊排队时间长",
  "乡村医生养老待遇", "二孩生育服务登记办理", "医疗服务价格收费标准",
  "儿童入学预防接种证查验", "公共场所控烟执法", "生活饮用水水质", "医疗纠纷调处",
  "出生医学证明补办", "孕产妇免费产检项目", "流感疫苗供应", "农村厕所改造卫生",
  "中医院新院区建设进度", "老年人免费体检安排", "职业病诊断机构", "献血者用血报销",
  "精神障碍患者救治救助", "狂犬疫苗库存"};

/* 96 events of 2018 found on working days, each answered the next day:
** the first on the Weibo account, the others at press briefings (see the
** file comment). */
static int opinions(Seed *g) {
  DemoCtx *c = g->c;
  for (int i = 0; i < 96; i++) {
    Date d = spread(g, 2018, i, 96, 0);
    OpinionEvent e;
    memset(&e, 0, sizeof e);
    e.orgId = g->org;
    e.zTitle = arena_printf(c->a, "群众关注%s问题", aConcern[i % N(aConcern)]);
    e.zSource = i % 3 ? "12345政务服务热线" : "网络（县政府门户网站留言）";
    e.zLevel = "other";
    e.tFound = (int64_t)datetime_from_cn(d, 9 + i % 8, 0, 0);
    e.zSummary = arena_printf(c->a, "群众反映%s问题。", aConcern[i % N(aConcern)]);
    if (store_opinion_add(c->s, &e, g->uOffice) != STORE_OK) return fail(g, e.zTitle);
    OpinionResponse r;
    memset(&r, 0, sizeof r);
    r.eventId = e.id;
    r.zKind = i == 0 ? "online" : "press";
    r.tAt = e.tFound + 23 * 3600; /* next day 8:00-15:00, within 48 h */
    r.zNote = i == 0 ? "通过“健康安泉”政务微博回应，说明有关安排。"
                     : "在县政府例行新闻通气会上作出回应。";
    if (store_opinion_response_add(c->s, &r) != STORE_OK) return fail(g, e.zTitle);
  }
  return 0;
}

static int activities(Seed *g) {
  static const struct { const char *zKind, *zOn, *zTitle, *zDesc; int leader, sessions, people; } a[] = {
    {"press", "2018-06-21", "安泉县医改工作新闻发布会", "通报全县公立医院综合改革进展，分管副局长出席。", 0, 1, 0},
    {"meeting", "2018-03-15", "全县卫生计生系统政务公开工作会议", "部署2018年政务公开工作。", -1, 1, 40},
    {"training", "2018-09-13", "政府信息公开业务培训班", "各医疗卫生单位信息公开工作人员参训。", -1, 1, 30},
    {"open_day", "2020-10-27", "“政府开放日”活动", "邀请群众代表参观县疾病预防控制中心。", -1, 1, 25},
  };
  for (int i = 0; i < N(a); i++) {
    Activity t;
    memset(&t, 0, sizeof t);
    t.orgId = g->org;
    t.zKind = a[i].zKind;
    t.zHeldOn = a[i].zOn;
    t.zTitle = a[i].zTitle;
    t.zDescription = a[i].zDesc;
    t.leaderAttended = a[i].leader;
    t.sessions = a[i].sessions;
    t.people = a[i].people;
    if (store_activity_add(g->c->s, &t) != STORE_OK) return fail(g, a[i].zTitle);
  }
  return 0;
}

/* ---- Applications (seed 004 三: two online, answered in time) ---------- */

static int application(Seed *g, const char *zKey, const char *zName,
                       const char *zIdNoCheck, const char *zInfo,
                       Date dRec, int nAnswerWd) {
  DemoCtx *c = g->c;
  Arena *ar = c->a;
  char zId[19];
  snprintf(zId, sizeof zId, "%s", zIdNoCheck);
  zId[17] = ident_id_check_char(zId);
  zId[18] = 0;
  App a;
  memset(&a, 0, sizeof a);
  a.orgId = g->org;
  a.zChannel = "online";
  a.zApplicantType = "natural_person";
  a.zApplicantName = zName;
  a.zIdKind = "resident_id";
  char *zSealed = crypto_seal(zKey, zId), *zMasked = app_mask_id(a.zIdKind, zId);
  a.zIdSealed = arena_strdup(ar, zSealed);
  a.zIdMasked = arena_strdup(ar, zMasked);
  free(zSealed);
  free(zMasked);
  char zIn[100], zHash[65], zCode[32], zTrack[65];
  snprintf(zIn, sizeof zIn, "%s:%s", zKey, zId);
  crypto_sha256_hex(zIn, strlen(zIn), zHash);
  a.zIdHash = zHash;
  a.zContactPerson = "";
  a.zPhone = "13995300000";
  a.zEmail = "";
  a.zAddress = "安泉县城关镇";
  a.zPostcode = "751300";
  a.zInfoTitle = zInfo;
  a.zInfoDocNumber = "";
  a.zInfoDescription = "请提供全文";
  a.zPurpose = "了解相关政策";
  a.zForm = "electronic";
  a.zDelivery = "email";
  a.zReceivedOn = fmt_date(ar, dRec);
  a.zReceiptNote = "网上申请，双方确认日期";
  crypto_random_hex(zCode, 10);
  crypto_sha256_hex(zCode, strlen(zCode), zTrack);
  const char *zAns = fmt_date(ar, cal_add_workdays(&g->cal, dRec, nAnswerWd));
  AppEventRec e = {"answered", zAns, "", 0, ""};
  if (store_app_add(c->s, ar, &a, zTrack) != STORE_OK ||
      store_notice_issue(c->s, ar, a.id, g->org, "receipt", a.zReceivedOn, "",
                         "", 0, NULL) != STORE_OK ||
      store_app_assign(c->s, a.id, g->dept, g->uDrafter) != STORE_OK ||
      store_app_draft(c->s, a.id, "results.granted", "", g->uDrafter) != STORE_OK ||
      store_app_dept_review(c->s, a.id, g->uOffice) != STORE_OK ||
      store_app_event_add(c->s, a.id, &e, g->uOffice) != STORE_OK ||
      store_app_approve(c->s, a.id, g->uLeader, zAns) != STORE_OK ||
      store_notice_issue(c->s, ar, a.id, g->org, "answer", zAns, "", "", 0,
                         NULL) != STORE_OK ||
      store_app_refresh_due(c->s, ar, &g->cal, a.id, date_today_cn(time(NULL)),
                            NULL, NULL) != STORE_OK)
    return fail(g, zInfo);
  store_app_log(c->s, a.id, g->uDrafter, "拟定答复", "予以公开");
  store_app_log(c->s, a.id, g->uLeader, "批准答复", zAns);
  return 0;
}

static int applications(Seed *g) {
  char zKey[65];
  if (demo_key(g->c->s, zKey)) {
    fputs("demo seed reports: no usable key (GONGKAI_KEY or gongkai.key)\n", stderr);
    return -1;
  }
  /* Answered after 6 and 9 working days: within the 15 of the 2007
  ** Regulation's Art. 24. */
  if (application(g, zKey, "林秀英", "64032419750312214", "安泉县2018年城乡居民"
                  "基本公共卫生服务项目资金分配情况", date_from_ymd(2018, 4, 16), 6) ||
      application(g, zKey, "郭建华", "64032419820907101", "安泉县计划生育特别扶助"
                  "金发放标准", date_from_ymd(2018, 9, 10), 9))
    return -1;
  return 0;
}

/* ---- The two reports ------------------------------------------------- */

/* Cells of the 2018 statistical form set by hand (docs/reports.md: no
** record source), and the seed's blanks; values in whole units. */
static const struct { const char *zCell; int bSet; long long v; const char *zReason; } aStatHand[] = {
  {"stat[complaints][value]", 1, 0, "举报投诉登记簿：本年未收到有关政府信息公开的举报投诉"},
  {"stat[staffing.offices][value]", 1, 1, "局办公室承担政府信息公开工作（编办批复）"},
  {"stat[staffing.reading_points][value]", 1, 1, "局机关一楼政府信息公开查阅点"},
  {"stat[staffing.staff][value]", 1, 2, "办公室两名工作人员兼管政府信息公开"},
  {"stat[staffing.staff.full_time][value]", 1, 0, "无专职人员"},
  {"stat[staffing.staff.part_time][value]", 1, 2, "办公室两名工作人员兼管政府信息公开"},
  {"stat[active.channels.gazette][value]", 0, 0, "本局不编辑政府公报，按统计表填“——”"},
  {"stat[active.channels.other][value]", 0, 0, "未通过其他方式公开，按统计表填“——”"},
  {"stat[apply.answered][value]", 0, 0, "按报送的统计表，本栏未填报（分项见1—8）"},
};

typedef struct SeedReport {
  int year;
  const char *zFormat, *zPublishOn, *z1, *z5, *z6;
} SeedReport;

static const SeedReport aReport[] = {
  {2018, "stat2018", "2019-02-20",
   "2018年，本局按照《中华人民共和国政府信息公开条例》要求，通过门户网站、"
   "“健康安泉”微信公众号和政务微博主动公开政府信息，制发规范性文件33件，"
   "依法办理政府信息公开申请2件，均按时办结。",
   "一是公开内容不够系统；二是科室之间协作配合需要加强。2019年将进一步规范"
   "公开程序，充实公开内容。", "无。"},
  {2020, "2019", "2021-01-22",
   "2020年，本局坚持以公开为常态、不公开为例外，围绕新冠肺炎疫情防控和"
   "卫生健康重点工作主动公开政府信息，行政处罚处理决定27件，其他对外管理服务"
   "事项处理决定73件；本年未收到政府信息公开申请，未发生行政复议、行政诉讼。",
   "一是信息公开的主动性不够；二是政策解读的时效性需加强。2021年将加快信息"
   "更新，拓展新媒体公开渠道。", "无。"},
};

/* Builds the report as it stands, stores the snapshot and publishes it
** (a document on the portal) on zDay. */
static int publish(Seed *g, const RfSet *pSet, ReportRec *pRec, const char *zDay) {
  DemoCtx *c = g->c;
  Report *p = NULL;
  int rc = store_report_build(c->s, pSet, pRec, 0, &p);
  char *zSnap = rc ? NULL : report_to_json(p);
  if (!rc) rc = store_report_set_status(c->s, pRec->id, "published", zSnap, g->uOffice);
  if (!rc) rc = store_report_by_id(c->s, c->a, pRec->id, pRec);
  if (!rc) rc = report_publish_doc(c->s, c->a, p, pRec, zDay, g->uOffice, NULL);
  free(zSnap);
  report_free(p);
  return rc;
}

static int one_report(Seed *g, const RfSet *pSet, const SeedReport *r) {
  DemoCtx *c = g->c;
  ReportRec rec;
  if (store_report_ensure(c->s, c->a, g->org, r->year, 0, r->zFormat,
                          g->uOffice, &rec) ||
      store_report_set_text(c->s, rec.id, r->z1, r->z5, r->z6))
    return fail(g, "年度报告");
  for (int i = 0; r->year == 2018 && i < N(aStatHand); i++)
    if (store_report_override(c->s, pSet, rec.id, aStatHand[i].zCell,
                              aStatHand[i].bSet, aStatHand[i].v * RF_SCALE, 0,
                              aStatHand[i].zReason, g->uOffice))
      return fail(g, aStatHand[i].zCell);
  if (store_report_approve(c->s, rec.id, g->uLeader) ||
      store_report_set_status(c->s, rec.id, "submitted", NULL, g->uOffice) ||
      store_report_by_id(c->s, c->a, rec.id, &rec) ||
      publish(g, pSet, &rec, r->zPublishOn))
    return fail(g, "发布年度报告");
  return 0;
}

static int reports(Seed *g) {
  RfSet set = {0};
  char *zErr = NULL;
  if (rf_set_load_builtin(&set, &zErr)) {
    fprintf(stderr, "demo seed reports: formats: %s\n", zErr);
    free(zErr);
    return -1;
  }
  int rc = 0;
  for (int i = 0; rc == 0 && i < N(aReport); i++)
    rc = one_report(g, &set, &aReport[i]);
  rf_set_free(&set);
  return rc;
}

int demo_seed_reports(DemoCtx *c) {
  Seed g;
  memset(&g, 0, sizeof g);
  g.c = c;
  if (store_app_calendar(c->s, &g.cal) != STORE_OK) {
    fprintf(stderr, "demo seed reports: %s\n", store_errmsg(c->s));
    return -1;
  }
  int rc = agency(&g);
  if (!rc) rc = documents(&g);
  if (!rc) rc = registers(&g);
  if (!rc) rc = opinions(&g);
  if (!rc) rc = activities(&g);
  if (!rc) rc = applications(&g);
  if (!rc) rc = reports(&g);
  cal_free(&g.cal);
  return rc;
}
