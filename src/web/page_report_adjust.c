/*
** page_report_adjust.c — the hand adjustment of a report cell (人工调整) on
** the staff report page: the small form a cell's 调整 link opens (the
** computed value, the value now, the new value and the mandatory reason),
** its POST (app_report_override, then back to the report with a flash
** saying what happened and what comes next), and the footnote list of the
** adjusted cells under the report's tables (cell, computed value, new
** value, reason, who, when in Beijing time, 恢复计算值).
**
** URLs: GET  /staff/reports/{org}/{year}/override?c=t3[new][total]
**            [&scope=subtree][&form=ID]
**       POST /staff/reports/{org}/{year}/override  (cell, value, reason,
**            remove=1 to restore; scope and form in the query)
*/
#include <stdlib.h>
#include <string.h>

#include "app/app_report.h"
#include "web/org_pages.h"
#include "web/pages.h"
#include "web/reports.h"

/* What the form and its POST need. */
typedef struct AdjCtx {
  Org org;
  int year;
  int bSubtree;
  const char *zFormat;   /* ?form= or NULL */
  const char *zQ;        /* "" or "?scope=subtree&form=…" */
  const char *zBase;     /* /staff/reports/{org}/{year} */
  RfSet set;
  ReportRec rec;
  int bStored;
  Report *p;             /* the report as it stands (owned) */
} AdjCtx;

static void adj_free(AdjCtx *c) {
  report_free(c->p);
  rf_set_free(&c->set);
  memset(c, 0, sizeof *c);
}

/* Loads organisation, year, scope, format and the report.  0, or -1 after
** writing the error page. */
static int adj_load(Req *r, AdjCtx *c) {
  memset(c, 0, sizeof *c);
  if (report_page_args(r, &c->org, &c->year, &c->bSubtree, &c->set,
                       &c->zFormat))
    return -1;
  c->zQ = req_fmt(r, "%s%s%s%u", c->bSubtree || c->zFormat ? "?" : "",
                  c->bSubtree ? "scope=subtree" : "",
                  c->zFormat ? (c->bSubtree ? "&form=" : "form=") : "",
                  c->zFormat ? c->zFormat : "");
  c->zBase = req_fmt(r, "/staff/reports/%u/%d", c->org.zSlug, c->year);
  if (report_build_current(r->store, &r->arena, &c->set, &c->org, c->year,
                           c->bSubtree, c->zFormat, 0, &c->rec, &c->bStored,
                           &c->p)) {
    http_store_error(r, store_errcode(r->store));
    rf_set_free(&c->set);
    return -1;
  }
  return 0;
}

Report *report_computed(Store *s, const Report *p, int64_t orgId,
                        int bSubtree) {
  Report *q = report_new(p->pFmt, p->zOrg, p->iYear);
  if (q && store_report_compute(s, orgId, bSubtree, 0, q)) {
    report_free(q);
    q = NULL;
  }
  return q;
}

char *report_cell_label(const RfFormat *f, int iCell) {
  int t = 0;
  Buf b = BUF_INIT;
  rf_cell_locate(f, iCell, &t, NULL, NULL);
  const RfTable *pT = &f->aTable[t];
  for (int s = 0; pT->zSection && s < f->nSection; s++) {
    const char *z = f->aSection[s].zTitle;
    const char *e = strstr(z, "、");  /* "三" of "三、收到…" */
    size_t n = e ? (size_t)(e - z) : 0;
    if (strcmp(f->aSection[s].zId, pT->zSection) || !n || n > 12) continue;
    buf_puts(&b, "表");
    buf_append(&b, z, n);
    buf_putc(&b, ' ');
  }
  if (pT->zCaption) {
    buf_puts(&b, pT->zCaption);
    buf_putc(&b, ' ');
  }
  char *zName = rf_cell_name(f, iCell);
  buf_puts(&b, zName);
  free(zName);
  return buf_steal(&b);
}

int report_adjust_number(const Report *p, int iCell) {
  if (!p->aCell[iCell].zReason) return 0;
  int n = 0;
  for (int i = 0; i <= iCell; i++)
    if (p->aCell[i].zReason) n++;
  return n;
}

/* A value as shown: the number, or 空白. */
static const char *shown(Req *r, const Report *p, int i) {
  long long v;
  char z[32];
  if (!p || !report_get(p, i, &v)) return "空白";
  return req_strdup(r, rf_value_str(v, z));
}

void report_html_adjusted(Req *r, const Report *p, const Report *pCalc,
                          const ReportOverride *aO, int nO,
                          const char *zBase, const char *zQ, int bEdit) {
  int n = 0;
  for (int i = 0; i < p->pFmt->nCell; i++) {
    if (!p->aCell[i].zReason) continue;
    char *zId = rf_cell_id(p->pFmt, i), *zL = report_cell_label(p->pFmt, i);
    const ReportOverride *o = NULL;
    for (int k = 0; k < nO && !o; k++)  /* the log is newest first */
      if (!strcmp(aO[k].zCell, zId)) o = &aO[k];
    if (!n++)
      req_puts(r, "<section id=\"adjusted\"><h2>人工调整的单元格</h2>"
                  "<p>下列单元格的数值不是按记录计算的结果，而是人工调整的，"
                  "勾稽关系检查按调整后的数值核对。</p><ol class=\"adjusted\">");
    req_printf(r, "<li id=\"ov-%d\" data-cell=\"%h\"><strong>%h</strong>："
                  "计算值 %h，调整为 <strong>%h</strong>。原因：%h",
               n, zId, zL, pCalc ? shown(r, pCalc, i) : "—", shown(r, p, i),
               p->aCell[i].zReason);
    if (o)
      req_printf(r, "（%h，%h）", o->zUser[0] ? o->zUser : "命令行",
                 fmt_time(r, o->zAt));
    if (bEdit) {
      req_printf(r, " <a href=\"%h/override?c=%u%h%h\">修改</a>"
                    " <form method=\"post\" action=\"%h/override%h\" "
                    "class=\"inline\">", zBase, zId, zQ[0] ? "&" : "",
                 zQ[0] ? zQ + 1 : "", zBase, zQ);
      page_csrf_field(r);
      req_printf(r, "<input type=\"hidden\" name=\"cell\" value=\"%h\">"
                    "<input type=\"hidden\" name=\"remove\" value=\"1\">"
                    "<button>恢复计算值</button></form>", zId);
    }
    req_puts(r, "</li>");
    free(zId);
    free(zL);
  }
  if (n) req_puts(r, "</ol></section>\n");
}

/* The value for the form's input: the number, or "" for a blank cell. */
static const char *value_or_empty(Req *r, const Report *p, int i) {
  long long v;
  return report_get(p, i, &v) ? shown(r, p, i) : "";
}

/* The form, with zErr (or NULL) above it and the typed input kept. */
static void adj_form(Req *r, AdjCtx *c, int i, const char *zErr) {
  Report *pCalc = report_computed(r->store, c->p, c->org.id, c->bSubtree);
  char *zL = report_cell_label(c->p->pFmt, i), *zId = rf_cell_id(c->p->pFmt, i);
  const char *zBack = req_fmt(r, "%s%s", c->zBase, c->zQ);
  const RpCell *cell = &c->p->aCell[i];
  page_begin(r, "人工调整单元格");
  req_printf(r, "<h1>人工调整单元格</h1><p>%h%h %d 年度报告 · <strong>%h"
                "</strong></p>", c->org.zName, c->bSubtree ? "（全系统）" : "",
             c->year, zL);
  if (zErr) page_notice(r, "error", zErr);
  req_printf(r, "<dl class=\"adjust\"><dt>按记录计算的数值</dt><dd id=\"computed\">"
                "%h</dd><dt>报告中的数值</dt><dd id=\"current\">%h%h%h</dd></dl>",
             shown(r, pCalc, i), shown(r, c->p, i),
             cell->zReason ? "（人工调整，原因：" : "",
             cell->zReason ? req_fmt(r, "%s）", cell->zReason) : "");
  const char *zNo = app_report_frozen(c->bStored ? c->rec.zStatus : "draft");
  if (zNo) {
    if (!zErr || strcmp(zErr, zNo)) page_notice(r, "warn", zNo);
  } else {
    const char *zV = req_param(r, "value");
    req_printf(r, "<form method=\"post\" action=\"%h/override%h\" "
                  "class=\"adjust\">", c->zBase, c->zQ);
    page_csrf_field(r);
    req_printf(r, "<input type=\"hidden\" name=\"cell\" value=\"%h\">"
                  "<label>新数值（留空表示空白）<input name=\"value\" "
                  "inputmode=\"decimal\" value=\"%h\"></label>"
                  "<label>原因（必填）<textarea name=\"reason\" rows=\"3\" "
                  "required>%h</textarea></label><button>保存调整</button>"
                  "</form>",
               zId, zV ? zV : value_or_empty(r, c->p, i),
               req_param_or(r, "reason", ""));
    if (cell->zReason) {
      req_printf(r, "<form method=\"post\" action=\"%h/override%h\" "
                    "class=\"inline\">", c->zBase, c->zQ);
      page_csrf_field(r);
      req_printf(r, "<input type=\"hidden\" name=\"cell\" value=\"%h\">"
                    "<input type=\"hidden\" name=\"remove\" value=\"1\">"
                    "<button>恢复计算值</button></form>", zId);
    }
  }
  req_printf(r, "<p><a href=\"%h/cell?c=%u%h%h\">查看数据来源</a> · "
                "<a href=\"%h\">返回报告</a></p>",
             c->zBase, zId, c->zQ[0] ? "&" : "", c->zQ[0] ? c->zQ + 1 : "",
             zBack);
  page_end(r);
  free(zL);
  free(zId);
  report_free(pCalc);
}

int page_report_adjust_form(Req *r) {
  AdjCtx c;
  if (adj_load(r, &c)) return 0;
  if (!req_can(r, PERM_REPORT_EDIT, c.org.id)) {
    adj_free(&c);
    http_error(r, 403, "无权编辑该单位的年度报告");
    return 0;
  }
  int i = rf_cell_by_id(c.p->pFmt, req_param(r, "c")), t = 0, w = 0;
  if (i < 0 || rf_cell_locate(c.p->pFmt, i, &t, &w, NULL) ||
      !c.p->pFmt->aTable[t].aRow[w].bData) {
    adj_free(&c);
    http_error(r, 404, "报告格式中没有这个单元格");
    return 0;
  }
  adj_form(r, &c, i, NULL);
  adj_free(&c);
  return 0;
}

static int web_can(void *p, Perm perm, int64_t orgId) {
  return req_can((Req *)p, perm, orgId);
}

int page_report_adjust(Req *r) {
  AdjCtx c;
  if (adj_load(r, &c)) return 0;
  AppActor who = {r->user->id, r->user->zName, web_can, r};
  AppReportCell x = {r->store, &r->arena, &who, &c.set, c.org.id, c.year,
                     c.bSubtree, c.bStored ? NULL : c.p->pFmt->zId,
                     req_param(r, "cell"), req_param_or(r, "value", ""),
                     req_param(r, "reason"), req_param(r, "remove") != NULL,
                     0, NULL, NULL};
  if (app_report_override(&x)) {
    int i = rf_cell_by_id(c.p->pFmt, x.zCell);
    if (x.status == 403 || x.status >= 500 || i < 0) {
      http_error(r, x.status, x.zErr);
    } else {
      r->status = x.status;  /* the form again, input kept */
      adj_form(r, &c, i, x.zErr);
    }
    adj_free(&c);
    return 0;
  }
  req_flash(r, x.zDone);
  req_redirect(r, req_fmt(r, "%s%s#adjusted", c.zBase, c.zQ));
  adj_free(&c);
  return 0;
}
