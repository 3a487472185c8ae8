/*
** demo_registers.c — demo records of every register of issue 7, drawn from
** seed 000 (中宁县卫生和计划生育局 2018 annual report): 2 public-opinion
** events (七、回应网络舆情2件), 4 CPPCC proposals all answered and published
** (五), 1 press briefing on the medical reform (二（二）), 1 open day on
** 2018-12-11 (一（三）), trainings 以会代训 3 sessions and 专项培训 2
** sessions with 46 people in all (一（五）), publicity material (一（六）),
** an inspection of a unit (一（五）); messages of this year in every state
** (answered and published, answered late, open, overdue); and seeds 002
** and 003 as work plans (embedded copies under data/).
*/
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "cli/demo.h"
#include "lib/embed.h"
#include "store/store_registers.h"

static int fail(DemoCtx *c, const char *zWhat) {
  fprintf(stderr, "demo registers: %s: %s\n", zWhat, store_errmsg(c->s));
  return -1;
}

/* Beijing time y-m-d h:mi as unix seconds. */
static int64_t at(int y, int m, int d, int h, int mi) {
  return (int64_t)datetime_from_cn(date_from_ymd(y, m, d), h, mi, 0);
}

static int opinion(DemoCtx *c, const char *zTitle, const char *zSource,
                   const char *zLevel, int64_t tFound, const char *zSummary,
                   const char *zKind, int64_t tResp, const char *zNote) {
  OpinionEvent e;
  memset(&e, 0, sizeof e);
  e.orgId = c->bureau;
  e.zTitle = zTitle;
  e.zSource = zSource;
  e.zLevel = zLevel;
  e.tFound = tFound;
  e.zSummary = zSummary;
  if (store_opinion_add(c->s, &e, c->uOffice) != STORE_OK) return fail(c, zTitle);
  if (!zKind) return 0;
  OpinionResponse p;
  memset(&p, 0, sizeof p);
  p.eventId = e.id;
  p.zKind = zKind;
  p.tAt = tResp;
  p.zNote = zNote;
  if (store_opinion_response_add(c->s, &p) != STORE_OK) return fail(c, zTitle);
  return 0;
}

static int proposal(DemoCtx *c, const char *zNumber, const char *zTitle,
                    const char *zDelegate, const char *zLead,
                    const char *zReply) {
  Proposal p;
  memset(&p, 0, sizeof p);
  p.orgId = c->bureau;
  p.zKind = "cppcc";
  p.year = 2018;
  p.zNumber = zNumber;
  p.zTitle = zTitle;
  p.zDelegate = zDelegate;
  p.zLeadDept = zLead;
  p.zReceivedOn = "2018-03-20";
  p.zDueOn = "2018-06-20";
  if (store_proposal_add(c->s, &p) != STORE_OK) return fail(c, zTitle);
  if (store_proposal_reply(c->s, p.id, zReply, "2018-06-08", 1) != STORE_OK)
    return fail(c, zTitle);
  return 0;
}

static int activity(DemoCtx *c, int64_t org, const char *zKind,
                    const char *zOn, const char *zTitle, const char *zDesc,
                    int leader, int sessions, int people) {
  Activity a;
  memset(&a, 0, sizeof a);
  a.orgId = org;
  a.zKind = zKind;
  a.zHeldOn = zOn;
  a.zTitle = zTitle;
  a.zDescription = zDesc;
  a.leaderAttended = leader;
  a.sessions = sessions;
  a.people = people;
  if (store_activity_add(c->s, &a) != STORE_OK) return fail(c, zTitle);
  return 0;
}

/* A message received nAgo calendar days before today; replied nReply
** days after receipt (negative: not replied); published when bPublish. */
static int message(DemoCtx *c, int64_t org, const char *zBox,
                   const char *zSubject, const char *zBody, int nAgo,
                   int nReply, const char *zReply, int64_t dept,
                   int bPublish) {
  Message m;
  char zRecv[DATE_STRLEN], zRep[DATE_STRLEN];
  Date today = date_today_cn(time(NULL));
  memset(&m, 0, sizeof m);
  m.orgId = org;
  m.zBox = zBox;
  m.zName = "王先生";
  m.zContact = "13900000000";
  m.zSubject = zSubject;
  m.zBody = zBody;
  m.zReceivedOn = date_format(today - nAgo, zRecv);
  if (store_message_add(c->s, &m, NULL, 0) != STORE_OK) return fail(c, zSubject);
  if (dept && store_message_transfer(c->s, m.id, dept, zRecv) != STORE_OK)
    return fail(c, zSubject);
  if (nReply >= 0) {
    date_format(today - nAgo + nReply, zRep);
    if (store_message_reply(c->s, m.id, zReply, zRep, dept) != STORE_OK)
      return fail(c, zSubject);
    if (bPublish && store_message_publish(c->s, m.id, 1, zRep) != STORE_OK)
      return fail(c, zSubject);
  }
  return 0;
}

static int workplan(DemoCtx *c, int64_t orgId, const char *zFile, int year) {
  const Embedded *e = embed_find(aData, zFile);
  WpPlan plan;
  const char *zErr = NULL;
  if (!e) {
    fprintf(stderr, "demo registers: %s is not embedded\n", zFile);
    return -1;
  }
  if (workplan_parse(c->a, (const char *)e->pData, e->nData, &plan, &zErr)) {
    fprintf(stderr, "demo registers: %s: %s\n", zFile, zErr);
    return -1;
  }
  int64_t id;
  if (store_workplan_import(c->s, orgId, year, &plan, (const char *)e->pData, &id) != STORE_OK)
    return fail(c, zFile);
  return 0;
}

/* A root organisation (a department) that wrote a seed document. */
static int author_org(DemoCtx *c, const char *zSlug, const char *zName,
                      int64_t *pId) {
  Org o;
  memset(&o, 0, sizeof o);
  o.zSlug = zSlug;
  o.zName = zName;
  o.zKind = "department";
  if (store_org_add(c->s, &o) != STORE_OK) return fail(c, zName);
  *pId = o.id;
  return 0;
}

int demo_registers(DemoCtx *c) {
  /* 2018: two online public-opinion events, both answered in time. */
  if (opinion(c, "网传县医院儿科输液致患儿过敏", "网络（微信群）", "other",
              at(2018, 5, 14, 9, 30), "微信群流传县医院儿科输液致患儿过敏的说法。",
              "online", at(2018, 5, 15, 10, 0), "在县政府门户网站发布情况说明：患儿系药物过敏，已及时处置，现已康复出院。") ||
      opinion(c, "流感疫苗短缺传言", "网络（政务微博留言）", "other",
              at(2018, 11, 5, 16, 0), "网民反映流感疫苗接种点无苗可打。",
              "release", at(2018, 11, 6, 15, 0), "发布全县流感疫苗到货和接种点安排。"))
    return -1;
  /* This year: one major event still open, to show the 5 h / 24 h clocks. */
  {
    time_t tNow = time(NULL);
    if (opinion(c, "县城某小区疑似集体食物中毒", "媒体", "major", (int64_t)tNow - 3 * 3600,
                "多人出现腹泻呕吐症状，正在调查处置。", NULL, 0, NULL))
      return -1;
  }
  /* 2018: four CPPCC proposals, all answered and published in full. */
  if (proposal(c, "第18号", "关于加强乡镇卫生院人才队伍建设的提案", "李委员", "基层卫生与妇幼健康科",
               "已制定乡镇卫生院人才招聘和培养计划，2018年招聘医学毕业生12名。") ||
      proposal(c, "第27号", "关于推进家庭医生签约服务的提案", "马委员", "基层卫生与妇幼健康科",
               "全县组建家庭医生团队86个，重点人群签约率达到65%。") ||
      proposal(c, "第35号", "关于改善县医院就医环境的提案", "张委员", "医政医管科",
               "县医院已完成门诊楼改造，增设自助挂号缴费设备。") ||
      proposal(c, "第41号", "关于加强农村饮用水卫生监测的提案", "杨委员", "疾病预防控制科",
               "每季度开展水质监测并公开结果，2018年发布居民水龙头出水水质信息4期。"))
    return -1;
  /* 2018 activities (seed 000 一（三）（五）（六）, 二（二）). */
  if (activity(c, c->bureau, "press", "2018-09-26", "中宁县医改进展情况新闻通气会",
               "通报全县公立医院综合改革进展。", 0, 1, 0) ||
      activity(c, c->bureau, "open_day", "2018-12-11", "“政府开放日”活动",
               "组织县医院、中医院、卫生监督所开展“公民进机关、进医院”活动。", -1, 1, 0) ||
      activity(c, c->bureau, "training", "2018-06-15", "以会代训：政府信息公开工作",
               "对各医疗卫生单位分管领导、信息公开具体负责人以会代训。", -1, 3, 30) ||
      activity(c, c->bureau, "training", "2018-08-20", "政府信息公开专项培训",
               "专项培训。", -1, 2, 16) ||
      activity(c, c->bureau, "publicity", "2018-12-28", "宣传手册、标语、横幅",
               "共制作各类宣传手册、宣传标语、横幅等50余条。", -1, 1, 0) ||
      activity(c, c->bureau, "meeting", "2018-04-10", "政府信息公开工作领导小组会议",
               "研究部署年度政务公开工作。", -1, 1, 15))
    return -1;
  /* Messages of this year in every state. */
  if (message(c, c->bureau, "message", "县医院停车难问题",
              "县医院门口停车位太少，就医时停车非常困难，希望能够解决。", 30, 3,
              "县医院已协调增设临时停车位120个，并开通预约就诊减少高峰拥堵。", c->deptOffice, 1) ||
      message(c, c->bureau, "mailbox", "孩子疫苗接种时间咨询",
              "孩子即将满8个月，请问麻腮风疫苗在哪里接种？", 20, 2,
              "可到户籍所在地乡镇卫生院预防接种门诊接种，工作日上午办理。", c->deptOffice, 1) ||
      message(c, c->bureau, "message", "独生子女证办理补助咨询",
              "独生子女父母奖励办理需要哪些材料？", 25, 14,
              "请携带户口簿、身份证和结婚证到乡镇计生办办理。", c->deptPolicy, 0) ||
      message(c, c->bureau, "message", "乡镇卫生院夜间值班问题",
              "某乡镇卫生院夜间无人值班，看急诊很不方便。", 15, -1, NULL, c->deptOffice, 0) ||
      message(c, c->bureau, "mailbox", "建议公开医疗服务价格",
              "建议在网站公开常见医疗服务价格。", 1, -1, NULL, 0, 0) ||
      message(c, c->hospital, "message", "门诊挂号排队时间长",
              "周一上午挂号排队要一个多小时。", 10, 2,
              "已增开挂号窗口并推行自助挂号。", 0, 1))
    return -1;
  /* Seeds 002 and 003 are work plans of other organs, kept under their
  ** authors: 002 a city-level 卫生计生 body (its own 市卫生监督所 carries out
  ** items; the text names no city), 003 平罗县卫生和计划生育局 (its issuing
  ** line, 2018-07-04). */
  int64_t city, pingluo;
  if (author_org(c, "city-wjw", "某市卫生和计划生育委员会", &city) ||
      author_org(c, "plx-wjj", "平罗县卫生和计划生育局", &pingluo) ||
      workplan(c, city, "workplan_seed002.txt", 2017) ||
      workplan(c, pingluo, "workplan_seed003.txt", 2018))
    return -1;
  /* The bureau's own plans for the same years, written for the demo. */
  if (workplan(c, c->bureau, "workplan_demo_znwsj_2017.txt", 2017) ||
      workplan(c, c->bureau, "workplan_demo_znwsj_2018.txt", 2018))
    return -1;
  /* Seed 000 一（五）: an inspection of a unit with follow-up. */
  Inspection in;
  memset(&in, 0, sizeof in);
  in.orgId = c->hospital;
  in.byOrgId = c->bureau;
  in.userId = c->uSupervisor;
  in.zInspectedOn = "2018-10-16";
  in.zSubject = "院务公开和政府信息公开工作推进情况";
  in.zFindings = "院务公开公示栏价格信息未及时更新；信息公开工作台账不完整。";
  in.zFollowUp = "一个月内更新公示栏价格信息，补齐工作台账。";
  in.zFollowUpDue = "2018-11-16";
  if (store_inspection_add(c->s, &in) != STORE_OK) return fail(c, "inspection");
  if (store_inspection_close(c->s, in.id, "2018-11-12") != STORE_OK) return fail(c, "inspection");
  return 0;
}
