/*
** demo_documents.c — demo documents of 中宁县卫生和计划生育局:
**  - the 12 documents listed in seed 000 (2018 annual report, section 三)
**    as published imports with their own index numbers (6/05/21021/2018-…)
**    and dates; the seed's list truncates seven titles with "...": they
**    are completed from the seed's own text where it names the document
**    (政府开放日活动方案, 基本药物制度实施方案) and otherwise by their
**    evident subject, so no page shows a cut-off title.  Bodies are short Markdown
**    drawn from the seed; the 目录清单 carries the seed's catalogue table.
**  - the 2018 目录清单 repealed, replaced by a 2019 edition published
**    through the chain (index number from the template);
**  - a 解读 of the 基本药物制度 document, linked both ways;
**  - documents in every review state: a draft without a disclosure mode,
**    one at 科室审核 (near the Art. 26 limit), one at 保密审查 whose body
**    holds an identity number and a mobile number (the privacy gate will
**    stop it), one at 领导审批 (scanned, clean), a filed 不予公开 record
**    with its ground, and a withdrawn notice with its public reason;
**    an overdue draft shows on the staff home's Art. 26 list.
** Each step is recorded in the review chain with the demo users.
*/
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "cli/demo.h"
#include "lib/date.h"
#include "store/store_documents.h"

static int fail(DemoCtx *c, const char *zWhat) {
  fprintf(stderr, "demo documents: %s: %s\n", zWhat, store_errmsg(c->s));
  return -1;
}

/* The date n calendar days before today (Beijing), in the arena. */
static const char *days_ago(DemoCtx *c, int n) {
  char z[DATE_STRLEN];
  date_format(date_add_days(date_from_time_cn(time(NULL)), -n), z);
  return arena_strdup(c->a, z);
}

static void base(DemoCtx *c, Doc *d, const char *zTitle, const char *zDate) {
  memset(d, 0, sizeof *d);
  d->orgId = c->bureau;
  d->deptId = c->deptOffice;
  d->zTitle = zTitle;
  d->zPublisher = "中宁县卫生健康局";
  d->zSignedDate = zDate;
  d->zFormedDate = zDate;
  d->zMode = "proactive";
  d->zScope = "全社会";
  d->zReportKind = "other";
  d->createdBy = c->uDrafter;
}

/* Walks draft → … → target state with the demo users. */
static int walk(DemoCtx *c, int64_t id, const char *zTarget) {
  static const struct { const char *zFrom, *zTo, *zDecision, *zOpinion; } aStep[] = {
    {"draft", "dept_review", "submit", ""},
    {"dept_review", "secrecy_review", "pass", "内容属实，同意公开"},
    {"secrecy_review", "approval", "pass", "经保密审查，不涉及国家秘密和个人隐私"},
  };
  int64_t aUser[] = {c->uDrafter, c->uDeptHead, c->uSecrecy};
  for (size_t i = 0; i < 3; i++) {
    if (!strcmp(aStep[i].zFrom, zTarget)) return 0;
    if (store_doc_step(c->s, id, aStep[i].zFrom, aStep[i].zTo, aStep[i].zDecision,
                       aStep[i].zOpinion, aUser[i]))
      return fail(c, "review step");
  }
  return 0;
}

/* Adds a draft, walks it through the chain and publishes it on zDate. */
static int chain_publish(DemoCtx *c, Doc *d, const char *zDate) {
  if (store_doc_add(c->s, d)) return fail(c, d->zTitle);
  if (walk(c, d->id, "approval") || store_doc_set_scanned(c->s, d->id) ||
      store_doc_step(c->s, d->id, "approval", "published", "pass", "同意发布", c->uApprover) ||
      store_doc_publish(c->s, c->a, d->id, "published", zDate))
    return fail(c, d->zTitle);
  return 0;
}

static const char zCatalogueBody[] =
    "中宁县卫计局政务公开目录清单（节选，见附件原件）。\n\n"
    "| 序号 | 类别 | 公开内容 | 公开形式 | 公开时限 | 公开渠道 | 更新频率 | 负责科室 |\n"
    "|---|---|---|---|---|---|---|---|\n"
    "| 1 | 政策解读 | 县卫生计生委政策解读、中宁县卫生计生局政策解读 | 主动公开 | 长期公开 |"
    " 县卫生计生局网站、县卫生计生局微信公众号、县卫生计生局政务微博 | 及时更新 | 政策法规科 |\n"
    "| 2 | 规范性文件 | 规范性文件 | 主动公开 | 长期公开 |"
    " 县卫生计生局网站、县卫生计生局微信公众号、县卫生计生局政务微博 | 及时更新 | 政策法规科 |\n";

int demo_documents(DemoCtx *c) {
  static const struct { const char *zIndex, *zTitle, *zDate, *zGenre, *zBody; } aSeed[] = {
    {"6/05/21021/2018-76273", "中宁县2018年第四季度居民水龙头出水水质监测结果公示", "2018-12-28", "公示",
     "依据《生活饮用水卫生标准》，现将中宁县2018年第四季度居民水龙头出水水质监测结果予以公示。\n\n"
     "2018年全年公开发布居民水龙头出水水质信息4期。"},
    {"6/05/21021/2018-76270", "中宁县卫计局政务公开目录清单", "2018-12-14", "其他", zCatalogueBody},
    {"6/05/21021/2018-76268", "中宁县卫生监督所2018年下半年医疗卫生监督执法情况公示", "2018-11-27", "公示",
     "中宁县卫生监督所2018年下半年医疗卫生监督执法情况。"},
    {"6/05/21021/2018-76262", "关于印发《中宁县卫生和计划生育局“政府开放日”活动方案》的通知", "2018-11-27", "通知",
     "建立全系统“政府开放日”制度，经常性开展“公民进机关、进医院”等议政、监督、体验活动。"},
    {"6/05/21021/2018-76263", "2018年中宁县双随机监督任务完成情况", "2018-11-20", "报告",
     "2018年，完成国家“双随机”监督任务55件。"},
    {"6/05/21021/2018-76261", "关于成立卫生计生系统诊疗器械检测工作领导小组的通知", "2018-11-01", "通知", ""},
    {"6/05/21021/2018-76260", "中宁县卫生和计划生育局关于印发《关于开展2018年医疗卫生行风专项整治工作的实施方案》的通知", "2018-10-31", "通知", ""},
    {"6/05/21021/2018-76259", "关于转发《自治区卫生计生委办公室关于转发〈关于做好2018年流感防控工作的通知〉的通知》的通知", "2018-10-31", "通知", ""},
    {"6/05/21021/2018-76258", "关于2017年度“千名医师下基层”考核工作的通知", "2018-10-31", "通知", ""},
    {"6/05/21021/2018-76257", "关于2018年全县落实基层医疗卫生机构基本药物制度工作情况的通报", "2018-10-31", "通知", ""},
    {"6/05/21021/2018-76256", "关于印发《2018年全县落实基层医疗卫生机构基本药物制度实施方案》的通知", "2018-10-31", "通知",
     "落实国家基本药物制度，各基层医疗卫生机构全部配备使用基本药物。"},
    {"6/05/21021/2018-76255", "关于开展学校结核病预防工作的通知", "2018-09-07", "通知",
     "各学校、各医疗卫生单位：为做好学校结核病预防控制工作，现将有关事项通知如下。"},
  };
  int64_t aId[12];
  for (int i = 0; i < 12; i++) {
    Doc d;
    base(c, &d, aSeed[i].zTitle, aSeed[i].zDate);
    d.zIndexNumber = aSeed[i].zIndex;
    d.zPublishedDate = aSeed[i].zDate;
    d.zState = "published";
    d.zGenre = aSeed[i].zGenre;
    d.zBody = aSeed[i].zBody;
    if (i == 10) d.catalogueItemId = c->catNormative;  /* the interpreted policy */
    if (store_doc_add(c->s, &d) || store_ledger_append(c->s, c->a, d.id, "publish"))
      return fail(c, aSeed[i].zIndex);
    aId[i] = d.id;
  }

  /* The 2019 catalogue replaces the 2018 one, which is repealed. */
  Doc d;
  base(c, &d, "中宁县卫生健康局政务公开目录清单（2019年版）", "2019-06-20");
  d.zBody = zCatalogueBody;
  if (chain_publish(c, &d, "2019-06-28")) return -1;
  if (store_doc_set_validity(c->s, c->a, aId[1], "repealed", "2019-06-28", d.id))
    return fail(c, "repeal");
  if (store_doc_channel_add(c->s, d.id, "微信公众号", "2019-06-28", "“健康中宁”公众号", c->uOffice) ||
      store_doc_channel_add(c->s, d.id, "公示栏", "2019-07-01", "局机关政务公开栏", c->uOffice))
    return fail(c, "channels");

  /* An interpretation of the 基本药物制度 document. */
  base(c, &d, "《2018年全县落实基层医疗卫生机构基本药物制度实施方案》政策解读", "2018-10-31");
  d.zGenre = "解读";
  d.interpretsId = aId[10];
  d.catalogueItemId = c->catInterpretation;  /* the 政策解读 item lists it */
  d.deptId = c->deptPolicy;
  d.zBody = "## 一、出台背景\n\n落实国家基本药物制度是深化医药卫生体制改革的重要内容。\n\n"
            "## 二、主要内容\n\n各基层医疗卫生机构全部配备使用基本药物，实行零差率销售。";
  if (chain_publish(c, &d, "2018-11-02")) return -1;

  /* One document in each state of the chain. */
  base(c, &d, "关于开展2026年冬季流感防控工作的通知", days_ago(c, 3));
  d.zMode = "";
  d.deptId = c->deptPolicy;
  d.zBody = "各医疗卫生单位：为做好冬季流感防控工作……";
  if (store_doc_add(c->s, &d)) return fail(c, "draft");

  base(c, &d, "中宁县2026年第三季度居民水龙头出水水质监测结果公示", days_ago(c, 40));
  d.zGenre = "公示";
  d.zBody = "现将第三季度监测结果公示如下。（本件已超过第二十六条规定的公开时限）";
  if (store_doc_add(c->s, &d)) return fail(c, "overdue draft");

  base(c, &d, "关于公布2026年度家庭医生签约服务团队名单的公告", days_ago(c, 22));
  d.zGenre = "公告";
  d.deptId = c->deptPolicy;
  d.zBody = "| 乡镇 | 团队数 |\n|---|---|\n| 宁安镇 | 6 |\n| 石空镇 | 4 |\n";
  if (store_doc_add(c->s, &d) || walk(c, d.id, "dept_review")) return fail(c, "dept_review");

  base(c, &d, "关于2026年城乡医疗救助对象名单的公示", days_ago(c, 10));
  d.zGenre = "公示";
  d.zBody = "经审核，以下人员符合救助条件：\n\n"
            "| 姓名 | 身份证号 | 联系电话 |\n|---|---|---|\n"
            "| 马某某 | 640521198001011233 | 13909551234 |\n";
  if (store_doc_add(c->s, &d) || walk(c, d.id, "secrecy_review")) return fail(c, "secrecy_review");

  base(c, &d, "中宁县卫生健康局2026年政府信息公开工作要点", days_ago(c, 8));
  d.zGenre = "计划";
  d.zBody = "一、加强政策解读。二、推进重点领域信息公开。三、强化监督检查。";
  if (store_doc_add(c->s, &d) || walk(c, d.id, "approval") ||
      store_doc_set_scanned(c->s, d.id))
    return fail(c, "approval");

  base(c, &d, "关于局机关2026年度干部考核的请示", days_ago(c, 30));
  d.zMode = "withheld";
  d.zWithheldGround = "art16_process";
  d.zGenre = "其他";
  d.zBody = "（请示报告，属于过程性信息）";
  if (store_doc_add(c->s, &d) || walk(c, d.id, "approval") ||
      store_doc_set_scanned(c->s, d.id) ||
      store_doc_step(c->s, d.id, "approval", "filed", "pass", "属过程性信息，不予公开", c->uApprover) ||
      store_doc_publish(c->s, c->a, d.id, "filed", days_ago(c, 20)))
    return fail(c, "filed");

  base(c, &d, "关于2026年义诊活动时间安排的通知", days_ago(c, 60));
  d.zGenre = "通知";
  d.zBody = "定于下周六在县医院门前开展义诊活动。";
  if (chain_publish(c, &d, days_ago(c, 55)) ||
      store_doc_step(c->s, d.id, "published", "withdrawn", "withdraw",
                     "活动日期调整，原通知撤回，另行发布", c->uOffice) ||
      store_doc_withdraw(c->s, c->a, d.id, "活动日期调整，原通知撤回，另行发布"))
    return fail(c, "withdrawn");
  return 0;
}
