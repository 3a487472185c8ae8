/*
** org_kind.h — what an organisation is under the Regulation, and what
** follows from it: whether it receives applications on the statutory
** clock (Arts. 27, 33), whether it has its own annual report and table 三
** (Arts. 49, 50), the report's deadline, and which register figures apply.
**
**   government          人民政府 (Art. 27): report by 31 March (Art. 49 ¶2)
**   department          政府部门 acting in its own name (Art. 27; Art. 10 ¶2):
**                       report by 31 January (Art. 49 ¶1)
**   authorised          法律、法规授权的具有管理公共事务职能的组织 (Art. 54:
**                       the Regulation applies as to an organ): 31 January
**   public_enterprise   公共企事业单位 (Art. 55: hospitals, schools, water,
**                       power … disclose under their sector's rules, e.g.
**                       《医疗卫生服务单位信息公开管理办法》): no Art. 33
**                       applications, no annual report, no 行政许可 figures
**   acting              a unit acting in another organ's name (e.g. the
**                       卫生监督所 enforcing in the 局's name): applications
**                       go to that organ (its parent here), whose report
**                       counts them.
** Pure data; thread-safe.
*/
#ifndef GK_ORG_KIND_H
#define GK_ORG_KIND_H

typedef struct OrgKind {
  const char *zId;     /* stored in org.kind */
  const char *zLabel;  /* 行政机关（人民政府） … */
  const char *zBasis;  /* the article that says what it is */
  int bApplications;   /* receives applications on the statutory clock */
  int bOwnReport;      /* publishes its own annual report (table 三 …) */
  int bGovernment;     /* report deadline 31 March (else 31 January) */
  int bAdminFigures;   /* 行政许可/处罚/强制 figures apply (table 二) */
} OrgKind;

extern const OrgKind aOrgKind[]; /* terminated by zId == NULL */

/* The kind with id zId; the department kind for NULL, "" or unknown. */
const OrgKind *org_kind(const char *zId);
/* 1 when zId names a kind. */
int org_kind_valid(const char *zId);
/* Why a unit of kind k takes no applications (a Chinese sentence), or NULL
** when it does. */
const char *org_kind_no_applications(const OrgKind *k);
/* Why a unit of kind k records no zRegKind figure (register kinds of the
** report's table 二: licensing, penalty, coercion, admin_fees are figures
** of administrative organs), or NULL when it may. */
const char *org_kind_register_refusal(const OrgKind *k, const char *zRegKind);

#endif
