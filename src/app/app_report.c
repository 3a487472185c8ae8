/*
** app_report.c — the hand adjustment of a report cell (see app_report.h).
*/
#include "app/app_report.h"

#include <stdlib.h>
#include <string.h>

static int fail(AppReportCell *x, int status, const char *zErr) {
  x->status = status;
  x->zErr = arena_strdup(x->arena, zErr ? zErr : "操作失败");
  return status;
}

const char *app_report_frozen(const char *zStatus) {
  if (zStatus && !strcmp(zStatus, "published"))
    return "报告已发布，发布时的数据已固定，不能人工调整单元格。如需更正，请先将"
           "报告退回草稿（门户上的报告随之撤回），调整后重新审批、提交和发布。";
  if (zStatus && !strcmp(zStatus, "submitted"))
    return "报告已提交主管部门，不能人工调整单元格；请先退回草稿再调整。";
  return NULL;
}

/* 1 when the latest entry of zCell in the log sets a value (not removed). */
static int has_override(AppReportCell *x, int64_t reportId) {
  ReportOverride *a;
  int n;
  if (store_report_overrides(x->store, x->arena, reportId, &a, &n)) return 0;
  for (int i = 0; i < n; i++)  /* newest first */
    if (!strcmp(a[i].zCell, x->zCell)) return !a[i].bRemoved;
  return 0;
}

/* The step inside the transaction; returns x->status. */
static int step(AppReportCell *x, const RfFormat *f, int iCell, int bSet,
                long long v) {
  ReportRec rec;
  int rc = store_report_get(x->store, x->arena, x->orgId, x->year,
                            x->bSubtree, &rec);
  if (rc == STORE_OK) {
    const char *zNo = app_report_frozen(rec.zStatus);
    if (zNo) return fail(x, 409, zNo);
  } else if (rc != STORE_NOTFOUND) {
    return fail(x, 500, store_errmsg(x->store));
  } else if (x->bRemove) {
    return fail(x, 409, "该单元格没有人工调整，无需恢复");
  }
  if (rc == STORE_NOTFOUND &&
      store_report_ensure(x->store, x->arena, x->orgId, x->year, x->bSubtree,
                          f->zId, x->who->userId, &rec))
    return fail(x, 500, store_errmsg(x->store));
  if (x->bRemove && !has_override(x, rec.id))
    return fail(x, 409, "该单元格没有人工调整，无需恢复");
  const char *zReason = x->zReason;
  if (x->bRemove && (!zReason || !zReason[strspn(zReason, " \t\r\n")]))
    zReason = "恢复计算值";
  rc = store_report_override(x->store, x->pSet, rec.id, x->zCell, bSet, v,
                             x->bRemove, zReason, x->who->userId);
  if (!rc) rc = store_report_approve(x->store, rec.id, 0);
  if (rc)
    return fail(x, rc == STORE_INVALID ? 400 : 500, store_errmsg(x->store));
  char *zName = rf_cell_name(f, iCell), zV[32];
  if (x->bRemove)
    x->zDone = arena_printf(x->arena,
        "已恢复“%s”的计算值。草稿已变更，提交前须重新经领导审批。", zName);
  else
    x->zDone = arena_printf(x->arena,
        "已将“%s”人工调整为%s，原因已记录。请查看勾稽关系检查；草稿已变更，"
        "提交前须重新经领导审批。", zName,
        bSet ? rf_value_str(v, zV) : "空白");
  free(zName);
  return 0;
}

int app_report_override(AppReportCell *x) {
  long long v = 0;
  x->status = 0;
  x->zErr = x->zDone = NULL;
  if (!x->who->xCan(x->who->pCtx, PERM_REPORT_EDIT, x->orgId))
    return fail(x, 403, "无权编辑该单位的年度报告");
  const RfFormat *f = rf_format_find(
      x->pSet, x->zFormat ? x->zFormat : store_report_format_for_year(x->year));
  if (!f) return fail(x, 400, "报告格式无效");
  ReportRec rec;
  /* A stored report keeps its own format. */
  if (store_report_get(x->store, x->arena, x->orgId, x->year, x->bSubtree,
                       &rec) == STORE_OK) {
    f = rf_format_find(x->pSet, rec.zFormat);
    if (!f) return fail(x, 500, "未知的报告格式");
  }
  int iCell = rf_cell_by_id(f, x->zCell), t = 0, w = 0;
  if (iCell < 0 || rf_cell_locate(f, iCell, &t, &w, NULL) ||
      !f->aTable[t].aRow[w].bData)
    return fail(x, 400, "报告格式中没有这个单元格");
  const char *zV = x->zValue ? x->zValue : "";
  int bSet = zV[strspn(zV, " ")] != 0;
  if (!x->bRemove && bSet && rf_value_parse(zV, &v))
    return fail(x, 400, "数值无效：请填写数字（可带小数），留空表示空白");
  if (store_begin(x->store) != STORE_OK)
    return fail(x, 500, store_errmsg(x->store));
  if (step(x, f, iCell, bSet, v)) {
    store_rollback(x->store);
    return x->status;
  }
  if (store_commit(x->store) != STORE_OK)
    return fail(x, 500, store_errmsg(x->store));
  return 0;
}
