/* test_workplan.c — the plain-text work plan reader (core/workplan.c)
** against seeds 002 and 003 (copies embedded as data/workplan_seed00N.txt).
** Task counts and lead departments were counted BY HAND from the seed
** texts:
**   002: 12 numbered paragraphs, each closing with a parenthesis; 办公室
**        leads 2,3,4,5,9,10,11 (7); 规划信息科 1,6; 医政医改科 1;
**        公共卫生科 7,8; item 12 has no 牵头, so 各科室、各医疗卫生单位
**        (具体落实) are recorded as lead.  Items 5 and 10 say
**        "2017年年底前".
**   003: 41 paragraphs closing with a department parenthesis (一: 6,
**        二: 10, 三: 3, 四: 3, 五: 5, 六: 4, 七: 10); 综合管理办公室 leads
**        34 of them; 财务科 3 (二（一）1, 二（一）2, 二（三）1); 人事劳资科 3
**        (二（二）1, 二（二）2, 二（三）1); 政工科, 党政办, 监督科, 医改科 one
**        each.  七（四）1 and 七（五）1 say "2018年12月底前". */
#include "../../src/core/workplan.h"
#include "../../src/lib/embed.h"
#include "harness.h"

static int parse_seed(Arena *a, const char *zName, WpPlan *p) {
  const Embedded *e = embed_find(aData, zName);
  const char *zErr = NULL;
  CHECK(e != NULL);
  if (!e) return -1;
  int rc = workplan_parse(a, (const char *)e->pData, e->nData, p, &zErr);
  if (rc) fprintf(stderr, "  %s\n", zErr);
  return rc;
}

static int count_lead(const WpPlan *p, const char *zDept) {
  int n = 0;
  for (int i = 0; i < p->nTask; i++) n += workplan_list_has(p->aTask[i].zLead, zDept);
  return n;
}

static const char *FD(Date d) {
  static char z[DATE_STRLEN];
  return date_format(d, z);
}

TEST(workplan_seed002) {
  Arena a = ARENA_INIT;
  WpPlan p;
  CHECK_INT(parse_seed(&a, "workplan_seed002.txt", &p), 0);
  CHECK_STR(p.zTitle, "2017 年政务院务公开要点");
  CHECK_INT(p.nTask, 12);
  if (p.nTask == 12) {
    CHECK_STR(p.aTask[0].zNumber, "1");
    CHECK_STR(p.aTask[11].zNumber, "12");
    CHECK_STR(p.aTask[0].zLead, "规划信息科、医政医改科");
    CHECK_INT(p.aTask[0].nLead, 2);
    CHECK_STR(p.aTask[0].zCo, "各有关医疗卫生单位");
    CHECK_STR(p.aTask[1].zLead, "办公室");
    CHECK_STR(p.aTask[1].zCo, "局机关其他业务科室");
    CHECK_STR(p.aTask[3].zCo, "市卫生监督所");
    CHECK_STR(p.aTask[6].zLead, "公共卫生科");
    CHECK_STR(p.aTask[6].zCo, "市疾病预防控制中心");
    CHECK_STR(p.aTask[9].zCo, "局机关各业务科室、各医疗卫生单位");
    CHECK_INT(p.aTask[9].nCo, 2);
    CHECK_STR(p.aTask[11].zLead, "各科室、各医疗卫生单位");
    CHECK_STR(p.aTask[11].zCo, "");
    CHECK_STR(FD(p.aTask[4].dDue), "2017-12-31");
    CHECK_STR(FD(p.aTask[9].dDue), "2017-12-31");
    CHECK_INT(p.aTask[0].dDue, DATE_NONE);
    CHECK_STR(p.aTask[6].zText,
              "按季度在市人民政府网站向社会公开城镇集中式饮用水水源水质监测信息。");
  }
  CHECK_INT(count_lead(&p, "办公室"), 7);
  CHECK_INT(count_lead(&p, "规划信息科"), 2);
  CHECK_INT(count_lead(&p, "医政医改科"), 1);
  CHECK_INT(count_lead(&p, "公共卫生科"), 2);
  arena_free(&a);
}

TEST(workplan_seed003) {
  Arena a = ARENA_INIT;
  WpPlan p;
  CHECK_INT(parse_seed(&a, "workplan_seed003.txt", &p), 0);
  CHECK_STR(p.zTitle, "政务公开工作要点");
  CHECK_INT(p.nTask, 41);
  CHECK_INT(count_lead(&p, "综合管理办公室"), 34);
  CHECK_INT(count_lead(&p, "财务科"), 3);
  CHECK_INT(count_lead(&p, "人事劳资科"), 3);
  CHECK_INT(count_lead(&p, "政工科"), 1);
  CHECK_INT(count_lead(&p, "党政办"), 1);
  CHECK_INT(count_lead(&p, "监督科"), 1);
  CHECK_INT(count_lead(&p, "医改科"), 1);
  if (p.nTask == 41) {
    CHECK_STR(p.aTask[0].zNumber, "一（一）1");
    CHECK_STR(p.aTask[0].zHeading, "加强行政决策公开");
    CHECK_STR(p.aTask[4].zNumber, "一（二）");
    CHECK_STR(p.aTask[4].zLead, "综合管理办公室、监督科");
    CHECK_STR(p.aTask[5].zNumber, "一（三）");
    CHECK_STR(p.aTask[5].zLead, "政工科");
    CHECK_STR(p.aTask[5].zCo, "局机关各科室");
    CHECK_STR(p.aTask[6].zNumber, "二（一）1");
    CHECK_STR(p.aTask[6].zLead, "财务科");
    CHECK_STR(p.aTask[6].zCo, "");
    CHECK_STR(p.aTask[10].zNumber, "二（三）1");
    CHECK_STR(p.aTask[10].zLead, "财务科、人事劳资科");
    CHECK_STR(p.aTask[13].zNumber, "二（五）");
    CHECK_STR(p.aTask[13].zHeading, "规范民生信息公开");
    CHECK_STR(p.aTask[24].zNumber, "五（二）1");
    CHECK_INT(p.aTask[24].nCo, 5);
    CHECK_STR(p.aTask[24].zCo, "监督科、计生科、医政科、基层科、疾控科");
    CHECK_STR(p.aTask[29].zNumber, "六（二）2");
    CHECK_STR(p.aTask[34].zNumber, "七（二）3");
    CHECK_STR(p.aTask[34].zLead, "党政办");
    CHECK_STR(p.aTask[34].zCo, "局属各单位、机关各科室");
    CHECK_STR(p.aTask[37].zNumber, "七（四）1");
    CHECK_STR(FD(p.aTask[37].dDue), "2018-12-31");
    CHECK_STR(p.aTask[40].zNumber, "七（五）2");
    CHECK_STR(p.aTask[40].zCo, "各医疗卫生单位");
    CHECK_STR(FD(p.aTask[39].dDue), "2018-12-31");
  }
  arena_free(&a);
}

TEST(workplan_small_cases) {
  Arena a = ARENA_INIT;
  WpPlan p;
  const char *zErr = NULL;
  static const char z1[] =
      "要点\n\n1. 做好甲。（办公室牵头）\n2. 做好乙，2024年6月底前完成。"
      "（甲科、乙科分别牵头负责，丙科配合）\n3. 没有括号。\n"
      "4. 于2024年3月15日前上报。(丁科牵头)\n";
  CHECK_INT(workplan_parse(&a, z1, sizeof z1 - 1, &p, &zErr), 0);
  CHECK_INT(p.nTask, 3);
  CHECK_STR(p.aTask[1].zLead, "甲科、乙科");
  CHECK_STR(p.aTask[1].zCo, "丙科");
  CHECK_STR(FD(p.aTask[1].dDue), "2024-06-30");
  CHECK_STR(p.aTask[2].zNumber, "4");
  CHECK_STR(p.aTask[2].zLead, "丁科");
  CHECK_STR(FD(p.aTask[2].dDue), "2024-03-15");
  /* Items numbered "（1）" and "2）" under a chapter. */
  static const char z4[] =
      "要点\n一、总体\n（1）甲项。（办公室牵头）\n2）乙项。（财务科牵头，办公室配合）\n";
  CHECK_INT(workplan_parse(&a, z4, sizeof z4 - 1, &p, &zErr), 0);
  CHECK_INT(p.nTask, 2);
  CHECK_STR(p.aTask[0].zNumber, "一1");
  CHECK_STR(p.aTask[0].zText, "甲项。");
  CHECK_STR(p.aTask[1].zNumber, "一2");
  CHECK_STR(p.aTask[1].zCo, "办公室");
  /* No task at all, and bad UTF-8, are refused. */
  static const char z2[] = "标题\n只有文字。\n";
  CHECK_INT(workplan_parse(&a, z2, sizeof z2 - 1, &p, &zErr), -1);
  static const char z3[] = "\xff\xfe";
  CHECK_INT(workplan_parse(&a, z3, 2, &p, &zErr), -1);
  CHECK(workplan_list_has("甲科、乙科", "乙科"));
  CHECK(!workplan_list_has("甲科、乙科", "乙"));
  arena_free(&a);
}

/* A plan saved as "ANSI" on Chinese Windows (Notepad, WPS: GBK) reads as
** the same text in UTF-8 would: "要点 / 1. 做好甲，2024年6月底前完成。
** （办公室牵头，财务科配合）" in GBK bytes. */
TEST(workplan_gbk_text) {
  Arena a = ARENA_INIT;
  WpPlan p;
  const char *zErr = NULL;
  static const char z[] =
      "\xd2\xaa\xb5\xe3\x0a\x31\x2e\x20\xd7\xf6\xba\xc3\xbc\xd7\xa3\xac"
      "\x32\x30\x32\x34\xc4\xea\x36\xd4\xc2\xb5\xd7\xc7\xb0\xcd\xea\xb3"
      "\xc9\xa1\xa3\xa3\xa8\xb0\xec\xb9\xab\xca\xd2\xc7\xa3\xcd\xb7\xa3"
      "\xac\xb2\xc6\xce\xf1\xbf\xc6\xc5\xe4\xba\xcf\xa3\xa9\x0a";
  CHECK_INT(workplan_parse(&a, z, sizeof z - 1, &p, &zErr), 0);
  CHECK_INT(p.nTask, 1);
  if (p.nTask == 1) {
    CHECK_STR(p.zTitle, "要点");
    CHECK_STR(p.aTask[0].zText, "做好甲，2024年6月底前完成。");
    CHECK_STR(p.aTask[0].zLead, "办公室");
    CHECK_STR(p.aTask[0].zCo, "财务科");
    CHECK_STR(FD(p.aTask[0].dDue), "2024-06-30");
  }
  arena_free(&a);
}
