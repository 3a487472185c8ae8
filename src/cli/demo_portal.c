/*
** demo_portal.c — demo documents for the public portal and its search
** (issue 4): a 疫苗 notice with a PDF attachment and a 文号, a 2018 notice
** whose 文号 is 宁卫发〔2018〕12号, and a 县人民医院 document (an
** organisation below the bureau) with the mixed digit/CJK and full-width
** punctuation the search tests look for (第3季度, 合格率为96.5%,
** 卫健发〔2019〕).  All go through the review chain and are published, so
** the search index receives them the way it receives real documents.
*/
#include <stdio.h>
#include <string.h>

#include "cli/demo.h"
#include "store/store_catalogue.h"
#include "store/store_documents.h"

static int fail(DemoCtx *c, const char *zWhat) {
  fprintf(stderr, "demo portal: %s: %s\n", zWhat, store_errmsg(c->s));
  return -1;
}

/* A minimal one-page PDF (text "Vaccination sites", which pdftotext
** extracts for the search index). */
static const char zPdf[] =
    "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 300 144]"
    "/Resources<</Font<</F1 5 0 R>>>>/Contents 4 0 R>>endobj\n"
    "4 0 obj<</Length 44>>stream\nBT /F1 18 Tf 20 60 Td (Vaccination sites) Tj ET\n"
    "endstream endobj\n5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\n"
    "trailer<</Root 1 0 R>>\n%%EOF\n";

/* Adds d as a draft (with the attachment when zFile is not NULL), walks it
** through the chain with the demo users and publishes it on zDate. */
static int publish(DemoCtx *c, Doc *d, const char *zDate, const char *zFile,
                   int64_t uDrafter) {
  static const struct { const char *zFrom, *zTo, *zOpinion; } aStep[] = {
    {"draft", "dept_review", ""},
    {"dept_review", "secrecy_review", "内容属实，同意公开"},
    {"secrecy_review", "approval", "经保密审查，不涉及国家秘密和个人隐私"},
    {"approval", "published", "同意发布"},
  };
  int64_t aUser[] = {uDrafter, c->uDeptHead, c->uSecrecy, c->uApprover};
  if (store_doc_add(c->s, d)) return fail(c, d->zTitle);
  if (zFile && store_doc_attach(c->s, d->id, zFile, "application/pdf", zPdf,
                                sizeof zPdf - 1, "", uDrafter, NULL))
    return fail(c, zFile);
  if (store_doc_set_scanned(c->s, d->id)) return fail(c, d->zTitle);
  for (size_t i = 0; i < sizeof aStep / sizeof aStep[0]; i++)
    if (store_doc_step(c->s, d->id, aStep[i].zFrom, aStep[i].zTo,
                       i ? "pass" : "submit", aStep[i].zOpinion, aUser[i]))
      return fail(c, d->zTitle);
  if (store_doc_publish(c->s, c->a, d->id, "published", zDate))
    return fail(c, d->zTitle);
  return 0;
}

static void base(DemoCtx *c, Doc *d, int64_t orgId, const char *zTitle,
                 const char *zDate, const char *zGenre) {
  memset(d, 0, sizeof *d);
  d->orgId = orgId;
  d->deptId = orgId == c->bureau ? c->deptOffice : 0;
  d->zTitle = zTitle;
  d->zSignedDate = zDate;
  d->zFormedDate = zDate;
  d->zMode = "proactive";
  d->zScope = "全社会";
  d->zReportKind = "other";
  d->zGenre = zGenre;
  d->createdBy = c->uDrafter;
}

int demo_portal(DemoCtx *c) {
  Doc d;
  /* A proactive catalogue item of the bureau that needs no interpretation,
  ** for the catalogue browsing pages. */
  CatItem *aItem;
  int nItem = 0;
  int64_t item = 0;
  if (store_cat_list(c->s, c->a, c->bureau, "proactive", &aItem, &nItem) == STORE_OK)
    for (int i = 0; i < nItem && !item; i++)
      if (!aItem[i].bNeedsInterp && aItem[i].art20) item = aItem[i].id;

  base(c, &d, c->bureau, "关于印发中宁县2018年免疫规划工作要点的通知",
       "2018-03-09", "通知");
  d.zDocNumber = "宁卫发〔2018〕12号";
  d.zPublisher = "中宁县卫生和计划生育局";
  d.zKeywords = "免疫规划 预防接种";
  d.zBody = "各乡镇卫生院、县直各医疗卫生单位：\n\n"
            "现将《中宁县2018年免疫规划工作要点》印发给你们，请认真贯彻落实。"
            "全年适龄儿童国家免疫规划疫苗接种率以乡为单位保持在90%以上。";
  if (publish(c, &d, "2018-03-12", NULL, c->uDrafter)) return -1;

  base(c, &d, c->bureau, "关于做好2026年秋冬季流感疫苗接种工作的通知",
       "2026-09-01", "通知");
  d.zDocNumber = "宁卫发〔2026〕15号";
  d.zPublisher = "中宁县卫生健康局";
  d.zKeywords = "疫苗 流感 接种";
  d.zSummary = "部署2026年秋冬季流感疫苗接种工作，公布接种点。";
  d.catalogueItemId = item;
  d.zBody = "各乡镇卫生院、县直各医疗卫生单位：\n\n"
            "为做好2026年秋冬季流感防控工作，现就流感疫苗接种工作通知如下。\n\n"
            "## 一、接种对象\n\n60岁以上老年人、慢性病患者、医务人员和学生。\n\n"
            "## 二、接种点\n\n全县接种点名单见附件（PDF）。";
  if (publish(c, &d, "2026-09-03", "2026年流感疫苗接种点名单.pdf", c->uDrafter)) return -1;

  base(c, &d, c->hospital, "中宁县人民医院2023年第3季度医疗质量情况公示",
       "2023-10-10", "公示");
  d.createdBy = c->uHospitalDrafter;
  d.zPublisher = "中宁县人民医院";
  d.zKeywords = "医疗质量 季度公示";
  d.zBody = "根据卫健发〔2019〕7号文件要求，现将本院2023年第3季度医疗质量情况公示如下：\n\n"
            "病历抽检合格率为96.5%，处方点评合格率为98.2%。";
  if (publish(c, &d, "2023-10-12", NULL, c->uHospitalDrafter)) return -1;
  return 0;
}
