/*
** demo_catalogue.c — the demo catalogue of 中宁县卫生和计划生育局: the
** 政务公开目录清单 published with seed 000 (embedded as
** data/seed000_catalogue.tsv, imported through the same path as a user's
** file), a few further items showing 二级事项 and Art. 20 items, a small
** 依申请公开目录 and a 负面清单 with the grounds of Arts. 14-16.
*/
#include <stdio.h>
#include <string.h>

#include "cli/demo.h"
#include "core/catalogue.h"
#include "lib/embed.h"
#include "lib/table.h"
#include "store/store_catalogue.h"

/* One hand-written item. */
typedef struct DemoItem {
  const char *zList, *zLevel1, *zLevel2, *zContent, *zBasis, *zTimeLimit;
  const char *zDept, *zFrequency, *zChannels, *zAudience, *zMode;
  int art20;
  const char *zCode, *zGround;
} DemoItem;

static const DemoItem aItem[] = {
  {"proactive", "机构信息", "机构职能",
   "机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名",
   "《中华人民共和国政府信息公开条例》第二十条第（二）项",
   "信息形成或者变更之日起20个工作日内", "办公室", "实时",
   "website,bulletin_board", "all", "proactive", 2, "JGXX", ""},
  {"proactive", "财政信息", "部门预算决算",
   "部门预算、决算及“三公”经费",
   "《中华人民共和国政府信息公开条例》第二十条第（七）项",
   "信息形成或者变更之日起20个工作日内", "财务科", "每年",
   "website,bulletin_board", "all", "proactive", 7, "CZYJS", ""},
  {"proactive", "监督检查", "双随机抽查结果",
   "公共场所、生活饮用水卫生监督双随机抽查结果",
   "《中华人民共和国政府信息公开条例》第二十条第（十三）项",
   "信息形成或者变更之日起20个工作日内", "医政医管科", "每季度",
   "website,new_media", "all", "proactive", 13, "SSJ", ""},
  {"on_request", "行政许可", "医疗机构执业登记",
   "医疗机构设置审批、执业登记的申请材料和审查记录",
   "《中华人民共和国政府信息公开条例》第二十七条",
   "收到申请之日起20个工作日内答复", "医政医管科", "",
   "service_center", "group", "on_request", 5, "", ""},
  {"on_request", "卫生监督", "检测报告",
   "单个公共场所卫生监督检测报告",
   "《中华人民共和国政府信息公开条例》第二十七条",
   "收到申请之日起20个工作日内答复", "医政医管科", "",
   "", "group", "on_request", 13, "", ""},
  {"negative", "保密管理", "", "上级机关下发的涉密文件及本机关定密的文件",
   "《中华人民共和国保守国家秘密法》", "", "办公室", "", "", "",
   "withheld", 0, "", "state_secret"},
  {"negative", "个人信息", "", "患者病历、健康体检结果等个人健康信息",
   "《中华人民共和国政府信息公开条例》第十五条", "", "医政医管科", "", "",
   "", "withheld", 0, "", "third_party"},
  {"negative", "内部事务", "", "干部考察、考核等人事管理信息",
   "《中华人民共和国政府信息公开条例》第十六条第一款", "", "办公室", "", "",
   "", "withheld", 0, "", "internal"},
  {"negative", "过程性信息", "", "局党委会、局务会讨论记录及文件过程稿",
   "《中华人民共和国政府信息公开条例》第十六条第二款", "", "办公室", "", "",
   "", "withheld", 0, "", "process"},
  {"negative", "行政执法", "", "卫生行政处罚案卷材料",
   "《中华人民共和国政府信息公开条例》第十六条第二款", "", "医政医管科", "",
   "", "", "withheld", 0, "", "enforcement"},
};

int demo_catalogue(DemoCtx *c) {
  const Embedded *e = embed_find(aData, "seed000_catalogue.tsv");
  if (!e) {
    fprintf(stderr, "demo: seed000_catalogue.tsv is not embedded\n");
    return -1;
  }
  Table t;
  const char *zErr = NULL;
  if (table_read(c->a, e->pData, e->nData, &t, &zErr)) {
    fprintf(stderr, "demo: seed catalogue: %s\n", zErr);
    return -1;
  }
  CatImport ci;
  cat_import_map(c->a, &t, "proactive", c->bureau, &ci);
  if (!cat_import_ok(&ci, 0)) {
    fprintf(stderr, "demo: seed catalogue:\n%s",
            cat_import_report_text(c->a, &ci));
    return -1;
  }
  /* Seed rows: 1 政策解读, 2-5 规范性文件.  The normative documents serve
  ** Art. 20 (一); the first of them requires a policy interpretation. */
  for (int i = 0; i < ci.nItem; i++) {
    CatItem *p = &ci.aItem[i];
    if (!strcmp(p->zLevel1, "规范性文件")) {
      p->art20 = 1;
      p->zCode = "GFXWJ";
    } else if (!strcmp(p->zLevel1, "政策解读")) {
      p->zCode = "ZCJD";
    }
    if (p->seq == 2) p->bNeedsInterp = 1;
    /* The seed lists the same row four times and one name four times:
    ** give each row the content such a catalogue actually holds. */
    static const char *const azContent[] = {
        "本局政策文件的解读：文字解读、图表解读和新闻发布会解读",
        "本局制定的行政规范性文件", "规范性文件的制定、修改和废止情况",
        "规范性文件清理结果", "以本局名义转发的上级规范性文件"};
    if (p->seq >= 1 && p->seq <= 5) p->zContent = azContent[p->seq - 1];
    /* Seed 000: 申请、审核、保密审查、领导审批、信息发布. */
    p->zReview = "科室审核、保密审查、领导审批";
  }
  if (store_cat_import(c->s, c->bureau, ci.aItem, ci.nItem) != STORE_OK) {
    fprintf(stderr, "demo: seed catalogue: %s\n", store_errmsg(c->s));
    return -1;
  }
  for (int i = 0; i < ci.nItem; i++) {
    if (ci.aItem[i].seq == 1) c->catInterpretation = ci.aItem[i].id;
    if (ci.aItem[i].seq == 2) c->catNormative = ci.aItem[i].id;
  }
  for (size_t i = 0; i < sizeof aItem / sizeof aItem[0]; i++) {
    const DemoItem *d = &aItem[i];
    CatItem it;
    cat_item_init(&it);
    it.orgId = c->bureau;
    it.zList = d->zList;
    it.zLevel1 = d->zLevel1;
    it.zLevel2 = d->zLevel2;
    it.zContent = d->zContent;
    it.zBasis = d->zBasis;
    it.zTimeLimit = d->zTimeLimit;
    it.zDept = d->zDept;
    it.zResponsible = "孙立军";
    it.zPhone = "0955-8620000";
    it.zFrequency = d->zFrequency;
    it.channels = cat_channels_from_codes(d->zChannels);
    it.zAudience = d->zAudience;
    it.zMode = d->zMode;
    it.art20 = d->art20;
    it.zCode = d->zCode;
    it.zGround = d->zGround;
    if (strcmp(d->zList, "negative")) it.zReview = "科室审核、保密审查、领导审批";
    if (store_cat_add(c->s, &it) != STORE_OK) {
      fprintf(stderr, "demo: catalogue item %s: %s\n", d->zContent,
              store_errmsg(c->s));
      return -1;
    }
  }
  return 0;
}
