/*
** demo.h — the demo data set, built in steps.  Each feature area adds one
** step function (in its own demo_<area>.c) to the table in cmd_demo.c; all
** steps run in one transaction, in table order, so a later step can use
** the organisations and users the foundation step created.
*/
#ifndef GK_DEMO_H
#define GK_DEMO_H

#include "store/store.h"

typedef struct DemoCtx {
  Store *s;
  Arena *a;
  const char *zPassword;   /* password of every demo user */
  int64_t bureau;          /* 中宁县卫生和计划生育局 */
  int64_t aUnit[8];        /* subordinate units: hospital, TCM hospital, … */
  int nUnit;
  int64_t hospital;        /* 中宁县人民医院 (== aUnit[0]) */
  /* Bureau users by role. */
  int64_t uAdmin, uOffice, uDrafter, uDeptHead, uSecrecy, uApprover,
      uSupervisor, uOfficeHead;
  int64_t uHospitalAdmin, uHospitalDrafter;
  int64_t deptOffice, deptPolicy; /* 办公室, 政策法规科 of the bureau */
  /* Bureau catalogue items (demo_catalogue): 政策解读 (seed row 1) and the
  ** 规范性文件 item that requires an interpretation (seed row 2). */
  int64_t catInterpretation, catNormative;
} DemoCtx;

/* A step returns 0, or -1 with a message on stderr (the whole demo is
** then rolled back). */
typedef int (*DemoStep)(DemoCtx *ctx);

int demo_foundation(DemoCtx *ctx);
int demo_catalogue(DemoCtx *ctx);   /* demo_catalogue.c */
int demo_documents(DemoCtx *ctx);   /* demo_documents.c */
int demo_applications(DemoCtx *ctx); /* demo_applications.c */
int demo_registers(DemoCtx *ctx);   /* demo_registers.c */
int demo_portal(DemoCtx *ctx);      /* demo_portal.c */
int demo_reports(DemoCtx *ctx);       /* demo_reports.c */
int demo_seed_reports(DemoCtx *ctx);  /* demo_seed_reports.c */

/* The server key that seals applicants' identity numbers: GONGKAI_KEY, else
** gongkai.key beside the database (created when missing), into zKey[65].
** 0 or -1 (demo_applications.c). */
int demo_key(Store *s, char zKey[65]);

#endif
