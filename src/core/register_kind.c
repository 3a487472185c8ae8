/*
** register_kind.c — the table of the report register's kinds (see
** register_kind.h).
*/
#include "core/register_kind.h"

#include <string.h>

const RegKind aRegKind[] = {
  {"licensing", "行政许可处理决定（件）", 0, 0, 1},
  {"other_services", "其他对外管理服务事项处理决定（件）", 0, 1, 0},
  {"penalty", "行政处罚处理决定（件）", 0, 0, 1},
  {"coercion", "行政强制处理决定（件）", 0, 0, 1},
  {"admin_fees", "行政事业性收费（万元）", 1, 0, 1},
  {"central_procurement", "政府集中采购项目（个）", 0, 1, 0},
};
const int nRegKind = (int)(sizeof aRegKind / sizeof aRegKind[0]);

const RegKind *reg_kind_find(const char *zCode) {
  for (int i = 0; zCode && i < nRegKind; i++)
    if (!strcmp(aRegKind[i].zCode, zCode)) return &aRegKind[i];
  return NULL;
}
