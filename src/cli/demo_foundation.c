/*
** demo_foundation.c — the demo organisations and users, drawn from seed
** 000 (中宁县卫生和计划生育局 2018 annual report: its address, postcode,
** phone and e-mail header; the units under it that the report names).
** The credit and organisation codes are invented but pass their checks.
*/
#include <stdio.h>
#include <string.h>

#include "cli/demo.h"
#include "store/store_notice.h"
#include "core/perm.h"
#include "lib/crypto.h"

static int add_org(DemoCtx *c, int64_t parent, const char *zSlug,
                   const char *zName, const char *zShort, const char *zOrgCode,
                   const char *zUscc, const char *zPhone, const char *zKind,
                   int64_t *pId) {
  Org o;
  memset(&o, 0, sizeof o);
  o.parentId = parent;
  o.zKind = zKind;
  o.zSlug = zSlug;
  o.zName = zName;
  o.zShortName = zShort;
  o.zOrgCode = zOrgCode;
  o.zUscc = zUscc;
  o.zAddress = "宁夏回族自治区中卫市中宁县正大北路卫生应急指挥中心";
  o.zPostcode = "755100";
  o.zPhone = zPhone;
  o.zEmail = "znwsj@163.com";
  o.zOfficeHours = "工作日 上午8:30-12:00，下午14:30-18:00";
  const char *zWhy = org_validate(&o);
  if (zWhy || store_org_add(c->s, &o) != STORE_OK) {
    fprintf(stderr, "demo: %s: %s\n", zName, zWhy ? zWhy : store_errmsg(c->s));
    return -1;
  }
  *pId = o.id;
  return 0;
}

static int add_user(DemoCtx *c, int64_t org, int64_t dept, const char *zLogin,
                    const char *zName, unsigned roles, const char *zHash,
                    int64_t *pId) {
  User u;
  memset(&u, 0, sizeof u);
  u.orgId = org;
  u.deptId = dept;
  u.zLogin = zLogin;
  u.zName = zName;
  u.zPwHash = zHash;
  u.roles = roles;
  if (store_user_add(c->s, &u) != STORE_OK) {
    fprintf(stderr, "demo: user %s: %s\n", zLogin, store_errmsg(c->s));
    return -1;
  }
  if (pId) *pId = u.id;
  return 0;
}

int demo_foundation(DemoCtx *c) {
  Org root;
  Org *aRoot;
  int nRoot;
  /* The bureau takes over the organisation `gongkai init` created, so the
  ** administrator printed by init manages the demo bureau. */
  if (store_org_tree(c->s, c->a, 0, &aRoot, &nRoot) != STORE_OK) return -1;
  if (nRoot > 0 && aRoot[0].depth == 0 && !strcmp(aRoot[0].zSlug, "main")) {
    root = aRoot[0];
    root.zSlug = "znwsj";
    root.zName = "中宁县卫生健康局";
    root.zShortName = "县卫健局";
    root.zKind = "department";
    root.zOrgCode = "453629012";
    root.zUscc = "12640521453629012A";
    root.zAddress = "宁夏回族自治区中卫市中宁县正大北路卫生应急指挥中心";
    root.zPostcode = "755100";
    root.zPhone = "0955-5021796";
    root.zFax = "0955-5021796";
    root.zEmail = "znwsj@163.com";
    root.zOfficeHours = "工作日 上午8:30-12:00，下午14:30-18:00";
    if (store_org_update(c->s, &root) != STORE_OK) {
      fprintf(stderr, "demo: %s\n", store_errmsg(c->s));
      return -1;
    }
    c->bureau = root.id;
  } else if (add_org(c, 0, "znwsj", "中宁县卫生健康局", "县卫健局",
                     "453629012", "12640521453629012A", "0955-5021796",
                     "department", &c->bureau)) {
    return -1;
  }
  /* Kinds (core/org_kind.h): the hospitals are 公共企事业单位 (Art. 55), the
  ** 卫生监督所 enforces in the bureau's name, the 疾控中心 holds functions
  ** granted by the 传染病防治法 (Art. 54). */
  static const struct { const char *zSlug, *zName, *zShort, *zOc, *zUscc, *zPhone, *zKind; } aUnit[] = {
    {"zn-hospital", "中宁县人民医院", "县医院", "453629020", "126405214536290205", "0955-5012345", "public_enterprise"},
    {"zn-tcm", "中宁县中医医院", "中医院", "453629039", "126405214536290392", "0955-5012346", "public_enterprise"},
    {"zn-supervision", "中宁县卫生监督所", "卫生监督所", "453629047", "12640521453629047W", "0955-5012347", "acting"},
    {"zn-cdc", "中宁县疾病预防控制中心", "疾控中心", "453629055", "12640521453629055P", "0955-5012348", "authorised"},
  };
  for (size_t i = 0; i < sizeof aUnit / sizeof aUnit[0]; i++) {
    if (add_org(c, c->bureau, aUnit[i].zSlug, aUnit[i].zName, aUnit[i].zShort,
                aUnit[i].zOc, aUnit[i].zUscc, aUnit[i].zPhone, aUnit[i].zKind,
                &c->aUnit[c->nUnit]))
      return -1;
    c->nUnit++;
  }
  c->hospital = c->aUnit[0];
  static const char *aDept[] = {"办公室", "政策法规科", "医政医管科", "疾病预防控制科",
                                "基层卫生与妇幼健康科", "财务科"};
  for (size_t i = 0; i < sizeof aDept / sizeof aDept[0]; i++) {
    int64_t id;
    if (store_dept_add(c->s, c->bureau, aDept[i], &id) != STORE_OK) {
      fprintf(stderr, "demo: %s\n", store_errmsg(c->s));
      return -1;
    }
    if (i == 0) c->deptOffice = id;
    if (i == 1) c->deptPolicy = id;
  }
  /* Renamed in the 2019 institutional reform (the last day of the old name
  ** is the demo's assumption: seeds 000 and 004, February 2019, still bear
  ** it; the 2019 catalogue of June 2019 the new one). */
  if (store_org_former_name_add(c->s, c->bureau, "中宁县卫生和计划生育局",
                                "2019-03-31") != STORE_OK)
    return -1;
  /* The bureau's notices: contact person and 文号 series. */
  if (store_org_set_notice_settings(c->s, c->bureau, "王公开", "宁卫健依申") !=
      STORE_OK)
    return -1;
  int64_t hospOffice;
  if (store_dept_add(c->s, c->hospital, "院办公室", &hospOffice) != STORE_OK) return -1;

  char zHash[CRYPTO_PWHASH_LEN];
  if (crypto_password_hash(c->zPassword, zHash)) return -1;
  if (add_user(c, c->bureau, c->deptOffice, "office", "王公开", ROLE_OFFICE, zHash, &c->uOffice) ||
      add_user(c, c->bureau, c->deptPolicy, "drafter", "李承办", ROLE_DRAFTER, zHash, &c->uDrafter) ||
      add_user(c, c->bureau, c->deptPolicy, "depthead", "张科长", ROLE_DEPT_HEAD, zHash, &c->uDeptHead) ||
      add_user(c, c->bureau, c->deptOffice, "secrecy", "赵保密", ROLE_SECRECY, zHash, &c->uSecrecy) ||
      add_user(c, c->bureau, 0, "leader", "刘局长", ROLE_APPROVER, zHash, &c->uApprover) ||
      add_user(c, c->bureau, c->deptOffice, "officehead", "郑主任", ROLE_OFFICE_HEAD, zHash, &c->uOfficeHead) ||
      add_user(c, c->bureau, 0, "inspector", "陈督查", ROLE_SUPERVISOR, zHash, &c->uSupervisor) ||
      add_user(c, c->bureau, c->deptOffice, "sysadmin", "周管理", ROLE_ADMIN, zHash, &c->uAdmin) ||
      add_user(c, c->hospital, hospOffice, "hosp-admin", "孙院办", ROLE_ADMIN | ROLE_OFFICE, zHash, &c->uHospitalAdmin) ||
      add_user(c, c->hospital, hospOffice, "hosp-drafter", "吴医生", ROLE_DRAFTER, zHash, &c->uHospitalDrafter))
    return -1;
  return 0;
}
