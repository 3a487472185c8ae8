/* org_kind.c — the organisation kinds and what follows (see org_kind.h). */
#include "core/org_kind.h"
#include "core/register_kind.h"

#include <string.h>

const OrgKind aOrgKind[] = {
    {"government", "行政机关（人民政府）", "《条例》第二十七条、第四十九条第二款",
     1, 1, 1, 1},
    {"department", "行政机关（政府部门）", "《条例》第十条、第二十七条、第四十九条第一款",
     1, 1, 0, 1},
    {"authorised", "法律、法规授权的具有管理公共事务职能的组织",
     "《条例》第五十四条", 1, 1, 0, 1},
    {"public_enterprise", "公共企事业单位", "《条例》第五十五条", 0, 0, 0, 0},
    {"acting", "以其他行政机关名义履行职能的单位", "《条例》第十条", 0, 0, 0, 0},
    {NULL, NULL, NULL, 0, 0, 0, 0}};

const OrgKind *org_kind(const char *zId) {
  for (int i = 0; zId && aOrgKind[i].zId; i++)
    if (!strcmp(aOrgKind[i].zId, zId)) return &aOrgKind[i];
  return &aOrgKind[1];
}

int org_kind_valid(const char *zId) {
  for (int i = 0; zId && aOrgKind[i].zId; i++)
    if (!strcmp(aOrgKind[i].zId, zId)) return 1;
  return 0;
}

const char *org_kind_no_applications(const OrgKind *k) {
  if (k->bApplications) return NULL;
  if (!strcmp(k->zId, "public_enterprise"))
    return "本单位属于公共企事业单位，依照有关主管部门制定的办法公开在提供社会公共"
           "服务过程中制作、获取的信息（《条例》第五十五条），不受理政府信息公开申请。"
           "如需申请政府信息公开，请向其主管行政机关提出。";
  return "本单位以其他行政机关的名义履行职能，政府信息公开申请请向该行政机关提出。";
}

const char *org_kind_register_refusal(const OrgKind *k, const char *zRegKind) {
  const RegKind *pKind = reg_kind_find(zRegKind);
  if (k->bAdminFigures || !pKind || !pKind->bAdmin) return NULL;
  return "该单位不是行政机关，不作出行政许可、行政处罚、行政强制决定，也不收取"
         "行政事业性收费，不登记这些数字（《条例》第五十条、第五十五条）";
}
