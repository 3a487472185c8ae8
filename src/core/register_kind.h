/*
** register_kind.h — the kinds of the report register (table 二 of the
** annual report: decisions, fees; in the 2019 format also 其他对外管理服务
** 事项 and 政府集中采购): their stored codes, the form's labels, whether a
** kind is an amount, belongs to the 2019 format only, or is a figure only
** an administrative organ has (Arts. 50 and 55).  One table read by the
** form (web), the store's check and org_kind's refusal.  Pure, no I/O.
*/
#ifndef GK_REGISTER_KIND_H
#define GK_REGISTER_KIND_H

typedef struct RegKind {
  const char *zCode;   /* stored code, e.g. "licensing" */
  const char *zLabel;  /* the register form's label */
  int bAmount;         /* an amount in 万元, not a count */
  int b2019;           /* only in the 2019 format */
  int bAdmin;          /* decided or collected by administrative organs only */
} RegKind;

/* The kinds in the order of the form and the report's table. */
extern const RegKind aRegKind[];
extern const int nRegKind;

/* The kind with code zCode, or NULL (also for NULL). */
const RegKind *reg_kind_find(const char *zCode);

#endif
