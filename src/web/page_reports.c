/*
** page_reports.c — the annual report pages: the supervisor's list of units
** with their report state and the days left to the deadline, the report
** page of an organisation or its subtree (tables as in the format, every
** number linking to its records, violations, overrides with reasons,
** narrative, status, register), the drill-down page, the exports, the paste
** checker, and the public list and page of published reports.
**
** URLs: /staff/reports[?year=Y]
**       /staff/reports/{org}/{year}[?scope=subtree]
**       POST /staff/reports/{org}/{year}/{action}  (override, accept, text,
**            status, register, register-csv)
**       /staff/reports/{org}/{year}/cell?c=t3[new][total]
**       /staff/reports/{org}/{year}/export/{json|csv|xlsx|docx}
**       /staff/report-check
**       /o/{org}/reports, /o/{org}/reports/{year}
** The deadline (core/regime.h): for reports up to 2018 every organ by 31
** March (old Art. 31); from 2019, departments by 31 January, governments
** by 31 March (Art. 49); the list counts to the departments' date.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/org_kind.h"
#include "core/regime.h"
#include "core/register_csv.h"
#include "core/register_kind.h"
#include "lib/date.h"
#include "lib/table.h"
#include "store/store_documents.h"
#include "web/org_pages.h"
#include "web/feedback.h"
#include "web/pages.h"
#include "web/reports.h"

/* Everything one report page needs. */
typedef struct Ctx {
  Org org;
  int year;
  int bSubtree;
  const char *zFormat;    /* ?form= (a format id of set) or NULL: by year */
  const char *zQ;         /* "" or "?scope=subtree&form=…" (arena) */
  const char *zQAmp;      /* the same parameters after "&", or "" */
  RfSet set;
  ReportRec rec;
  int bStored;            /* rec is a stored report */
  Report *p;              /* this year's report (owned) */
  Report *pPrev;          /* last year's, or NULL (owned) */
  RpResult res;           /* p checked against pPrev */
  int bRes;
  int bEdit;              /* cells link to the 人工调整 form */
} Ctx;

static void ctx_free(Ctx *c) {
  if (c->bRes) rp_result_free(&c->res);
  report_free(c->p);
  report_free(c->pPrev);
  rf_set_free(&c->set);
  memset(c, 0, sizeof *c);
}

int report_build_current(Store *s, Arena *a, const RfSet *pSet,
                         const Org *pOrg, int year, int bSubtree,
                         const char *zFormat, int bRecords, ReportRec *pRec,
                         int *pbStored, Report **pp) {
  /* The report bears the name the organ had when it was due (a 2018
  ** report, published in early 2019, before a renaming in 2019), stored
  ** or not; a published snapshot keeps the name it was published with. */
  char zDue[32];
  snprintf(zDue, sizeof zDue, "%04d-01-31", year + 1);
  const char *zName = store_org_name_on(s, a, pOrg->id, zDue);
  if (!zName) zName = pOrg->zName;
  int rc = store_report_get(s, a, pOrg->id, year, bSubtree, pRec);
  *pp = NULL;
  *pbStored = rc == STORE_OK;
  if (rc == STORE_OK) {
    rc = store_report_build(s, pSet, pRec, bRecords, pp);
    if (rc == STORE_OK && (bRecords || strcmp(pRec->zStatus, "published"))) {
      free((*pp)->zOrg);
      (*pp)->zOrg = xstrdup(zName);
    }
    return rc;
  }
  if (rc != STORE_NOTFOUND) return rc;
  const RfFormat *f = rf_format_find(
      pSet, zFormat ? zFormat : store_report_format_for_year(year));
  if (!f) return STORE_INVALID;
  memset(pRec, 0, sizeof *pRec);
  pRec->orgId = pOrg->id;
  pRec->year = year;
  pRec->zFormat = f->zId;
  pRec->bSubtree = bSubtree;
  pRec->zStatus = "";
  pRec->zOrgName = zName;
  pRec->zOrgSlug = pOrg->zSlug;
  pRec->zSection1 = pRec->zSection5 = pRec->zSection6 = "";
  *pp = report_new(f, zName, year);
  rc = store_report_compute(s, pOrg->id, bSubtree, bRecords, *pp);
  if (rc) {
    report_free(*pp);
    *pp = NULL;
  }
  return rc;
}

/* report_build_current() for the context's organisation, scope and (for
** its own year) chosen format. */
static int build(Req *r, Ctx *c, int year, int bRecords, ReportRec *pRec,
                 int *pbStored, Report **pp) {
  return report_build_current(r->store, &r->arena, &c->set, &c->org, year,
                              c->bSubtree,
                              year == c->year ? c->zFormat : NULL, bRecords,
                              pRec, pbStored, pp);
}

/* Loads the context from the path ({org}/{year}) and ?scope.  Returns 0,
** or -1 after writing the error page. */
int report_page_args(Req *r, Org *pOrg, int *pYear, int *pbSubtree,
                     RfSet *pSet, const char **pzFormat) {
  char *zErr = NULL;
  *pzFormat = NULL;
  if (page_load_org(r, 0, pOrg)) return -1;
  const char *zY = req_arg(r, 1);
  *pYear = year_parse(zY);
  if (*pYear < 1990 || *pYear > 2999) {
    http_error(r, 404, "年度无效");
    return -1;
  }
  *pbSubtree = !strcmp(req_param_or(r, "scope", "org"), "subtree");
  if (rf_set_load_builtin(pSet, &zErr)) {
    http_error(r, 500, "报告格式无法载入");
    free(zErr);
    return -1;
  }
  /* ?form= chooses the format of a report not yet stored (a stored one
  ** keeps its own): e.g. the stat form for a year after 2018. */
  const char *zF = req_param(r, "form");
  if (zF && *zF) {
    if (!rf_format_find(pSet, zF)) {
      rf_set_free(pSet);
      http_error(r, 400, "报告格式无效");
      return -1;
    }
    *pzFormat = zF;
  }
  return 0;
}

static int ctx_load(Req *r, Ctx *c, int bRecords) {
  memset(c, 0, sizeof *c);
  if (report_page_args(r, &c->org, &c->year, &c->bSubtree, &c->set,
                       &c->zFormat))
    return -1;
  /* The report bears the name the organ had when it was due (a 2018
  ** report, published in early 2019, before a renaming in 2019). */
  const char *zThen = store_org_name_on(
      r->store, &r->arena, c->org.id, req_fmt(r, "%d-01-31", c->year + 1));
  if (zThen) c->org.zName = zThen;
  c->zQAmp = req_fmt(r, "%s%s%u", c->bSubtree ? "&scope=subtree" : "",
                     c->zFormat ? "&form=" : "",
                     c->zFormat ? c->zFormat : "");
  c->zQ = !*c->zQAmp ? ""
          : req_fmt(r, "?%s%s%u", c->bSubtree ? "scope=subtree" : "",
                    c->bSubtree && c->zFormat ? "&form=" : 
                    c->zFormat ? "form=" : "",
                    c->zFormat ? c->zFormat : "");
  if (build(r, c, c->year, bRecords, &c->rec, &c->bStored, &c->p)) {
    http_store_error(r, store_errcode(r->store));
    ctx_free(c);
    return -1;
  }
  if (c->year - 1 >= 2019 && !rf_table_find(c->p->pFmt, "stat")) {
    ReportRec prev;
    int bPrevStored;
    if (build(r, c, c->year - 1, 0, &prev, &bPrevStored, &c->pPrev)) {
      http_store_error(r, store_errcode(r->store));
      ctx_free(c);
      return -1;
    }
  }
  report_check(c->p, c->pPrev, &c->res);
  c->bRes = 1;
  return 0;
}

/* Query suffix for the scope and chosen format: "" or "?scope=…". */
static const char *scope_q(const Ctx *c) {
  return c->zQ;
}

static int can_view(Req *r, int64_t orgId) {
  return req_can(r, PERM_REPORT_VIEW, orgId);
}

/* ---- Rendering ------------------------------------------------------ */

/* The official header of table 三 (国办公开办函〔2021〕30号): the 勾稽 note
** in the corner over three rows, 申请人情况 over every column, then 自然人
** and 总计 over two rows and 法人或其他组织 over its five columns. */
static void html_official_head(Req *r, const RfTable *t) {
  req_printf(r, "<tr><th rowspan=\"3\" class=\"note\">%h</th>"
                "<th colspan=\"%d\">%h</th></tr><tr>",
             t->zHeadNote ? t->zHeadNote : "", t->nCol, t->zHeadTop);
  for (int i = 0; i < t->nCol;) {
    int e = i + 1;
    if (!t->aCol[i].zGroup) {
      req_printf(r, "<th rowspan=\"2\" scope=\"col\">%h</th>", t->aCol[i].zLabel);
    } else {
      while (e < t->nCol && t->aCol[e].zGroup &&
             !strcmp(t->aCol[i].zGroup, t->aCol[e].zGroup))
        e++;
      req_printf(r, "<th colspan=\"%d\">%h</th>", e - i, t->aCol[i].zGroup);
    }
    i = e;
  }
  req_puts(r, "</tr><tr>");
  for (int i = 0; i < t->nCol; i++)
    if (t->aCol[i].zGroup)
      req_printf(r, "<th scope=\"col\">%h</th>", t->aCol[i].zLabel);
  req_puts(r, "</tr>");
}

/* One table as HTML; zBase (or NULL) is the drill-down link prefix,
** zSection the title of its section.  On a narrow screen the table scrolls
** sideways inside its labelled box with the row headings kept in view
** (site.css, table.report), so the page itself never gets wider. */
static void html_table(Req *r, const Ctx *c, const RfTable *t,
                       const char *zBase, const char *zSection) {
  const Report *p = c->p;
  int bGroups = 0;
  for (int i = 0; i < t->nCol; i++)
    if (t->aCol[i].zGroup) bGroups = 1;
  req_printf(r, "<div class=\"table-scroll report-scroll\" role=\"region\" tabindex=\"0\" "
                "aria-label=\"%h%s%h（表格可左右滚动）\"><table class=\"report\" id=\"tbl-%h\">",
             zSection, t->zCaption ? "：" : "", t->zCaption ? t->zCaption : "", t->zId);
  if (t->zCaption) req_printf(r, "<caption>%h</caption>", t->zCaption);
  req_puts(r, "<thead>");
  if (t->zHeadTop) {
    html_official_head(r, t);
  } else {
  if (bGroups) {
    req_puts(r, "<tr><td class=\"corner\"></td>");
    for (int i = 0; i < t->nCol;) {
      int e = i + 1;
      while (e < t->nCol && t->aCol[i].zGroup && t->aCol[e].zGroup &&
             !strcmp(t->aCol[i].zGroup, t->aCol[e].zGroup))
        e++;
      if (t->aCol[i].zGroup)
        req_printf(r, "<th scope=\"colgroup\" colspan=\"%d\">%h</th>", e - i,
                   t->aCol[i].zGroup);
      else
        req_printf(r, "<td colspan=\"%d\"></td>", e - i);
      i = e;
    }
    req_puts(r, "</tr>");
  }
  req_puts(r, "<tr><th scope=\"col\">信息内容</th>");
  for (int i = 0; i < t->nCol; i++)
    req_printf(r, "<th scope=\"col\">%h</th>", t->aCol[i].zLabel);
  req_puts(r, "</tr>");
  }
  req_puts(r, "</thead><tbody>");
  for (int w = 0; w < t->nRow; w++) {
    const RfRow *row = &t->aRow[w];
    const char *zRow = row->zLabel ? row->zLabel : row->zShort;
    if (zRow && zRow[0])
      req_printf(r, "<tr><th scope=\"row\" class=\"d%d\">%h</th>", row->iDepth, zRow);
    else  /* a one-row table: no row heading to give (axe empty-table-header) */
      req_printf(r, "<tr><td class=\"d%d\"></td>", row->iDepth);
    for (int k = 0; k < t->nCol; k++) {
      int i = t->iCell0 + w * t->nCol + k;
      long long v;
      char z[32];
      if (!row->bData) {
        req_puts(r, "<td></td>");
        continue;
      }
      const RpCell *cell = &p->aCell[i];
      char *zId = rf_cell_id(p->pFmt, i);
      req_printf(r, "<td data-cell=\"%h\" class=\"num%s\"", zId,
                 cell->zReason ? " ov" : "");
      if (cell->zReason)
        req_printf(r, " title=\"人工调整，原因：%h\"", cell->zReason);
      req_puts(r, ">");
      if (!report_get(p, i, &v)) req_puts(r, "<span class=\"blank\">空白</span>");
      else if (zBase)
        req_printf(r, "<a href=\"%h/cell?c=%u%h\">%h</a>", zBase, zId,
                   c->zQAmp, rf_value_str(v, z));
      else req_printf(r, "%h", rf_value_str(v, z));
      if (cell->zReason && zBase)
        req_printf(r, "<sup class=\"ov-mark\"><a href=\"#ov-%d\">调%d</a>"
                      "</sup>", report_adjust_number(p, i),
                   report_adjust_number(p, i));
      else if (cell->zReason)
        req_printf(r, "<sup title=\"%h\">*</sup>", cell->zReason);
      if (c->bEdit && zBase) {
        char *zL = report_cell_label(p->pFmt, i);
        req_printf(r, " <a class=\"ov-edit\" href=\"%h/override?c=%u%h\" "
                      "title=\"人工调整\" aria-label=\"人工调整 %h\">✎</a>",
                   zBase, zId, c->zQAmp, zL);
        free(zL);
      }
      req_puts(r, "</td>");
      free(zId);
    }
    req_puts(r, "</tr>");
  }
  req_puts(r, "</tbody></table></div>\n");
}

/* Paragraphs of a narrative text. */
static void html_text(Req *r, const char *z) {
  while (z && *z) {
    const char *e = strchr(z, '\n');
    size_t n = e ? (size_t)(e - z) : strlen(z);
    if (n) req_printf(r, "<p>%h</p>", arena_strndup(&r->arena, z, n));
    z = e ? e + 1 : z + n;
  }
}

/* The year-over-year chart: new applications and results per year, the
** five years up to the report's, as inline SVG bars.  The report's own
** year is the report as shown (a published report: its snapshot, so the
** chart and the tables agree and do not move when records change); each
** earlier year is that year's report as it stands (report_build_current:
** the published snapshot when there is one, else the records). */
static void html_chart(Req *r, Ctx *c) {
  long long aNew[5] = {0}, aDone[5] = {0}, vMax = 1;
  int aHas[5] = {0};
  for (int k = 0; k < 5; k++) {
    int y = c->year - 4 + k, bStored = 0;
    Report *q = NULL;
    ReportRec rec;
    const Report *pY = c->p;
    if (k < 4) {
      if (report_build_current(r->store, &r->arena, &c->set, &c->org, y,
                               c->bSubtree, NULL, 0, &rec, &bStored,
                               &q) != STORE_OK) {
        report_free(q);
        continue;
      }
      pY = q;
    }
    const RfFormat *f = pY->pFmt;
    long long v;
    if (rf_table_find(f, "t3")) {
      if (report_get(pY, rf_cell(f, "t3", "new", "total"), &v))
        aNew[k] = v / RF_SCALE;
      if (report_get(pY, rf_cell(f, "t3", "results.total", "total"), &v))
        aDone[k] = v / RF_SCALE;
      aHas[k] = 1;
    }
    report_free(q);
    if (aNew[k] > vMax) vMax = aNew[k];
    if (aDone[k] > vMax) vMax = aDone[k];
  }
  req_puts(r, "<figure class=\"chart fit\"><svg xmlns=\"http://www.w3.org/2000/svg\""
              " viewBox=\"0 0 420 180\" width=\"420\" height=\"180\" role=\"img\""
              " aria-labelledby=\"chart-title\"><title id=\"chart-title\">"
              "近五年政府信息公开申请：新收与办结</title>");
  for (int k = 0; k < 5; k++) {
    int x = 20 + k * 80;
    long long h1 = aNew[k] * 120 / vMax, h2 = aDone[k] * 120 / vMax;
    if (aHas[k]) {
      req_printf(r, "<rect x=\"%d\" y=\"%lld\" width=\"24\" height=\"%lld\""
                    " fill=\"#1f5fa8\"><title>%d 年新收 %lld 件</title></rect>",
                 x, 140 - h1, h1, c->year - 4 + k, aNew[k]);
      req_printf(r, "<rect x=\"%d\" y=\"%lld\" width=\"24\" height=\"%lld\""
                    " fill=\"#9bbce0\"><title>%d 年办结 %lld 件</title></rect>",
                 x + 26, 140 - h2, h2, c->year - 4 + k, aDone[k]);
      req_printf(r, "<text x=\"%d\" y=\"%lld\" font-size=\"11\">%lld</text>",
                 x, 136 - h1, aNew[k]);
    }
    req_printf(r, "<text x=\"%d\" y=\"160\" font-size=\"12\">%d</text>",
               x + 8, c->year - 4 + k);
  }
  req_puts(r, "</svg><figcaption>深色：本年新收申请；浅色：本年办理结果总计"
              "</figcaption></figure>\n");
}

/* The sections in order, narrative and tables; zBase as for html_table. */
static void html_report(Req *r, Ctx *c, const char *zBase) {
  const RfFormat *f = c->p->pFmt;
  for (int s = 0; s < f->nSection; s++) {
    const RfSection *sec = &f->aSection[s];
    req_printf(r, "<section id=\"%h\"><h2>%h</h2>", sec->zId, sec->zTitle);
    if (!strcmp(sec->zId, "s1")) html_text(r, c->rec.zSection1);
    if (!strcmp(sec->zId, "s5")) html_text(r, c->rec.zSection5);
    if (!strcmp(sec->zId, "s6")) {
      char *z = report_section6(c->p, c->rec.zSection6);
      html_text(r, z);
      free(z);
    }
    for (int t = 0; t < f->nTable; t++)
      if (f->aTable[t].zSection && !strcmp(f->aTable[t].zSection, sec->zId))
        html_table(r, c, &f->aTable[t], zBase, sec->zTitle);
    if (!strcmp(sec->zId, "s3")) html_chart(r, c);
    req_puts(r, "</section>\n");
  }
}

/* The footnotes of the adjusted cells (report_html_adjusted) with the
** computed values and who adjusted each cell when. */
static void html_adjusted(Req *r, Ctx *c, const char *zBase, int bEdit) {
  ReportOverride *aO = NULL;
  int nO = 0, bAny = 0;
  for (int i = 0; i < c->p->pFmt->nCell && !bAny; i++)
    bAny = c->p->aCell[i].zReason != NULL;
  if (!bAny) return;
  if (c->bStored)
    store_report_overrides(r->store, &r->arena, c->rec.id, &aO, &nO);
  Report *pCalc = report_computed(r->store, c->p, c->org.id, c->bSubtree);
  report_html_adjusted(r, c->p, pCalc, aO, nO, zBase, scope_q(c), bEdit);
  report_free(pCalc);
}

/* The violations with their cells and both sides. */
static void html_issues(Req *r, Ctx *c, const char *zBase, int bEdit) {
  int n = 0;
  req_puts(r, "<section id=\"issues\"><h2>勾稽关系检查</h2>");
  for (int i = 0; i < c->res.n; i++) {
    const RpIssue *x = &c->res.a[i];
    char zL[32], zR[32];
    if (x->eStatus == RP_BLANK) continue;
    if (!n++) req_puts(r, "<ul class=\"issues\">");
    req_printf(r, "<li class=\"%s\" data-key=\"%h\"><strong>%h</strong> %h",
               x->eStatus == RP_ACCEPTED ? "accepted" : "broken", x->zKey,
               x->eStatus == RP_ACCEPTED ? "已接受"
               : x->eSeverity == RF_WARNING ? "警告" : "违反",
               x->zMsg);
    if (x->pCheck)
      req_printf(r, "（左边 %h，右边 %h）", rf_value_str(x->lhs, zL),
                 rf_value_str(x->rhs, zR));
    req_puts(r, "<br>涉及单元格：");
    for (int k = 0; k < x->nCell; k++) {
      char *zN = rf_cell_name(c->p->pFmt, x->aCell[k]);
      int nAdj = report_adjust_number(c->p, x->aCell[k]);
      req_printf(r, "%s%h", k ? "、" : "", zN);
      if (nAdj)
        req_printf(r, "（<a href=\"#ov-%d\">人工调整</a>）", nAdj);
      free(zN);
    }
    if (x->eStatus == RP_ACCEPTED)
      req_printf(r, "<br>接受理由：%h", x->zReason);
    else if (bEdit) {
      req_printf(r, "<form method=\"post\" action=\"%h/accept%h\">", zBase,
                 scope_q(c));
      page_csrf_field(r);
      req_printf(r, "<input type=\"hidden\" name=\"key\" value=\"%h\">"
                    "<label>接受理由 <input name=\"reason\" required></label>"
                    " <button>接受此不一致</button></form>", x->zKey);
    }
    req_puts(r, "</li>");
  }
  if (n) req_puts(r, "</ul>");
  else req_puts(r, "<p class=\"ok\">全部勾稽关系成立。</p>");
  int nBlank = 0;
  for (int i = 0; i < c->res.n; i++)
    if (c->res.a[i].eStatus == RP_BLANK) nBlank++;
  if (nBlank) req_printf(r, "<p>另有 %d 条规则因空白单元格无法核对。</p>", nBlank);
  req_puts(r, "</section>\n");
}

/* Staff home panel: a link to the reports when the user may edit them. */
void panel_reports(Req *r) {
  if (!r->user) return;
  if (!req_can(r, PERM_REPORT_VIEW, r->user->orgId)) return;
  req_puts(r, "<section class=\"panel\" id=\"panel-reports\"><h2>年度报告"
              "</h2><p><a href=\"/staff/reports\">政府信息公开工作年度报告"
              "</a> · <a href=\"/staff/report-check\">报告核对</a></p>"
              "</section>\n");
}

/* Today (China time), or ?asof=YYYY-MM-DD. */
static Date today(Req *r) {
  Date d;
  const char *z = req_param(r, "asof");
  if (z && !date_parse(z, &d)) return d;
  return date_today_cn(time(NULL));
}

int page_reports(Req *r) {
  int64_t y = 0;
  Date dToday = today(r);
  int year = date_year(dToday) - 1;
  if (req_param_int(r, "year", 1990, 2999, &y) == 1) year = (int)y;
  Org me;
  if (store_org_get(r->store, &r->arena, r->user->orgId, &me) != STORE_OK) {
    http_store_error(r, store_errcode(r->store));
    return 0;
  }
  page_begin(r, "政府信息公开工作年度报告");
  req_printf(r, "<h1>政府信息公开工作年度报告</h1><form method=\"get\">"
                "<label>年度 <input name=\"year\" value=\"%d\" size=\"6\">"
                "</label> <button>查看</button></form>", year);
  /* Links only to the reports this user may open (report_view); every
  ** staff user may check a report file. */
  if (req_can(r, PERM_REPORT_VIEW, me.id))
    req_printf(r, "<p><a href=\"/staff/reports/%u/%d\">%h %d 年度报告</a> · "
                  "<a href=\"/staff/reports/%u/%d?scope=subtree\">全系统报告</a>"
                  " · <a href=\"/staff/report-check\">报告核对</a></p>",
               me.zSlug, year, me.zName, year, me.zSlug, year);
  else
    req_puts(r, "<p><a href=\"/staff/report-check\">报告核对</a>（检查一份年度报告"
                "文件的勾稽关系）</p>");
  ReportUnit *aU;
  int n;
  if (store_report_units(r->store, &r->arena, me.id, year, &aU, &n) ==
      STORE_OK) {
    const char *zArt;
    Date dDue = regime_report_due(year, 0, &zArt);
    long long nLeft = (long long)(dDue - dToday);
    int nMissing = 0, dM, dD, dY;
    date_ymd(dDue, &dY, &dM, &dD);
    if (year < 2019)
      req_printf(r, "<h2>下属单位报送情况</h2><p>各级行政机关应于 %d 年 3 月 31 日"
                    "前公布上一年度报告（%h）；", year + 1, zArt);
    else
      req_printf(r, "<h2>下属单位报送情况</h2><p>政府部门应于 %d 年 1 月 31 日前"
                    "报送并公开上一年度报告，县级以上人民政府的报告于 3 月 31 日"
                    "前公开（%h）；", year + 1, zArt);
    if (nLeft >= 0) req_printf(r, "距 %d 月 %d 日还有 <strong id=\"days-left\">"
                               "%lld</strong> 天。</p>", dM, dD, nLeft);
    else req_printf(r, "已超过 %d 月 %d 日 <strong id=\"days-left\">%lld"
                    "</strong> 天。</p>", dM, dD, -nLeft);
    req_puts(r, "<table class=\"grid cards units\"><thead><tr><th scope=\"col\">单位</th>"
                "<th scope=\"col\">状态</th><th scope=\"col\">提交时间</th>"
                "<th scope=\"col\">截止日期</th><th scope=\"col\">剩余天数</th></tr></thead>"
                "<tbody>");
    for (int i = 0; i < n; i++) {
      int bDone = !strcmp(aU[i].zStatus, "submitted") ||
                  !strcmp(aU[i].zStatus, "published");
      /* By kind (core/org_kind.h): a government publishes by 31 March, a
      ** department by 31 January; units without a report of their own
      ** (Art. 55, acting units) are not listed. */
      const OrgKind *pK = org_kind(aU[i].zOrgKind);
      if (!pK->bOwnReport) continue;
      int bGov = pK->bGovernment;
      Date dU = regime_report_due(year, bGov, NULL);
      char zDue[DATE_STRLEN];
      if (!bDone && aU[i].orgId != me.id) nMissing++;
      req_printf(r, "<tr class=\"%s\"><td class=\"d%d\">", bDone ? "done" : "missing",
                 aU[i].depth);
      if (req_can(r, PERM_REPORT_VIEW, aU[i].orgId))
        req_printf(r, "<a href=\"/staff/reports/%u/%d\">%h</a>", aU[i].zOrgSlug, year,
                   aU[i].zOrgName);
      else
        req_printf(r, "%h", aU[i].zOrgName);
      req_printf(r, "</td><td>%h</td><td>%h</td><td>%h</td><td>",
                 report_status_label(aU[i].zStatus),
                 aU[i].zSubmittedAt[0] ? fmt_time_short(r, aU[i].zSubmittedAt) : "", date_format(dU, zDue));
      if (bDone) req_puts(r, "—");
      else if (dU >= dToday) req_printf(r, "%lld", (long long)(dU - dToday));
      else req_printf(r, "逾期 %lld 天", (long long)(dToday - dU));
      req_puts(r, "</td></tr>");
    }
    req_printf(r, "</tbody></table><p>未提交的下属单位：<strong id=\"n-missing\">"
                  "%d</strong> 个。</p>", nMissing);
  }
  page_end(r);
  return 0;
}

/* 1 when format f has the 2019 format's register rows (其他对外管理服务事项,
** 政府集中采购 and the year-end 事项 numbers: table 第二十条第（九）项);
** the kinds flagged b2019 belong to those reports only. */
static int has_2019_registers(const RfFormat *f) {
  return f && rf_table_find(f, "t2_art20_9") != NULL;
}

/* The register kinds of c's report (the 2019 format's for a format
** without them, e.g. the 2018 statistics form, less the kinds only the
** 2019 format has): up to nMax labels and codes; returns the count. */
static int register_kinds(const Ctx *c, const char **azKind,
                          const char **azLabel, int nMax) {
  const char *azK[16], *azL[16];
  int n = regcsv_kinds(c->p->pFmt, azK, azL, 16);
  if (!n) n = regcsv_kinds(rf_format_find(&c->set, "2019"), azK, azL, 16);
  int b2019 = has_2019_registers(c->p->pFmt), m = 0;
  for (int i = 0; i < n && m < nMax; i++) {
    const RegKind *k = reg_kind_find(azK[i]);
    if (k && k->b2019 && !b2019) continue;
    if (azKind) azKind[m] = azK[i];
    if (azLabel) azLabel[m] = azL[i];
    m++;
  }
  return m;
}

/* The unit's name today (c->org.zName is the name the report bears, which
** may be a former one): what a register CSV names it by. */
static const char *org_current_name(Req *r, const Ctx *c) {
  Org o;
  return store_org_by_slug(r->store, &r->arena, c->org.zSlug, &o) == STORE_OK
             ? o.zName : c->org.zName;
}

/* The CSV import's field and what a line looks like, in Chinese words:
** categories by their names in the report's tables, an example line with
** this unit's name and year, the template to download. */
static void html_register_csv_hint(Req *r, const Ctx *c, const char *zBase) {
  const char *azLabel[16];
  int n = register_kinds(c, NULL, azLabel, 16);
  req_puts(r, "<label>导入 CSV（每行一项：单位,年度,类别,件数,金额（万元）[,年末事项数]；"
              "可直接从 Excel 或 WPS 表格复制粘贴）<textarea name=\"csv\" rows=\"4\">"
              "</textarea></label><p class=\"hint\">单位填全称或网址标识；类别：");
  for (int i = 0; i < n; i++) req_printf(r, "%h%h", i ? "、" : "", azLabel[i]);
  req_printf(r, "；首行可为标题行。例：<code>%h,%d,%h,222,0</code>。"
                "Excel 或 WPS 另存的 CSV（“CSV UTF-8”或默认的“CSV（逗号分隔）”）均可导入。"
                "<a href=\"%h/export/register\">下载本单位登记表模板</a>"
                "（含当前登记数，修改后导入）</p>",
             org_current_name(r, c), c->year, n ? azLabel[0] : "行政许可", zBase);
}

static void html_register(Req *r, Ctx *c, const char *zBase,
                          const ReportRegister *aReg, int nReg) {
  int b2019 = has_2019_registers(c->p->pFmt);
  char z[32];
  req_printf(r, "<section id=\"register\"><h2>许可、处罚、强制和收费登记"
                "</h2><form method=\"post\" action=\"%h/register\">", zBase);
  page_csrf_field(r);
  for (int k = 0; k < nRegKind; k++) {
    const ReportRegister *g = NULL;
    if (aRegKind[k].b2019 && !b2019) continue;
    for (int i = 0; i < nReg; i++)
      if (!strcmp(aReg[i].zKind, aRegKind[k].zCode)) g = &aReg[i];
    long long v = !g ? 0 : aRegKind[k].bAmount ? g->amount : g->count * RF_SCALE;
    req_printf(r, "<label>%h<input name=\"%h\" value=\"%h\"></label>",
               aRegKind[k].zLabel, aRegKind[k].zCode, rf_value_str(v, z));
    if (!strcmp(aRegKind[k].zCode, "central_procurement"))
      req_printf(r, "<label>政府集中采购金额（万元）<input name=\"procurement_amount\""
                    " value=\"%h\"></label>", rf_value_str(g ? g->amount : 0, z));
    else if (b2019)
      req_printf(r, "<label>年末事项数<input name=\"items_%h\" value=\"%h\""
                    " placeholder=\"未填\"></label>", aRegKind[k].zCode,
                 g && g->items >= 0 ? rf_value_str(g->items * RF_SCALE, z) : "");
  }
  if (b2019)
    req_puts(r, "<p class=\"hint\">上一年项目数量取上一年登记的年末事项数，本年增/减为"
                "本年与上一年之差；本年未填时沿用上一年。</p>");
  req_printf(r, "<button>保存登记</button></form><form method=\"post\" "
                "action=\"%h/register-csv\" enctype=\"multipart/form-data\">",
             zBase);
  page_csrf_field(r);
  html_register_csv_hint(r, c, zBase);
  req_puts(r, "<label>或上传文件（Excel 另存的 CSV，或 Excel 工作簿）<input type=\"file\" "
              "name=\"file\" accept=\".csv,.txt,.xlsx,text/csv\"></label>"
              "<button>导入</button></form></section>");
}

/* Saves the register form: every field present. */
static int save_register(Req *r, Ctx *c, const char **pzErr) {
  int rc = STORE_OK;
  for (int k = 0; k < nRegKind && !rc; k++) {
    const char *zKind = aRegKind[k].zCode, *z = req_param(r, zKind);
    long long v = 0, vAmt = 0, vItems = -1;
    if (!z) continue;
    if (rf_value_parse(z[0] ? z : "0", &v) || v < 0 ||
        (!aRegKind[k].bAmount && v % RF_SCALE)) {
      *pzErr = aRegKind[k].bAmount ? "金额无效" : "件数应为非负整数";
      return STORE_INVALID;
    }
    const char *zNo = v ? org_kind_register_refusal(org_kind(c->org.zKind), zKind) : NULL;
    if (zNo) {
      *pzErr = zNo;
      return STORE_INVALID;
    }
    if (!strcmp(zKind, "central_procurement")) {
      const char *zA = req_param_or(r, "procurement_amount", "0");
      if (rf_value_parse(zA[0] ? zA : "0", &vAmt) || vAmt < 0) {
        *pzErr = "金额无效";
        return STORE_INVALID;
      }
    }
    rc = store_report_register_put(
        r->store, c->org.id, c->year, zKind,
        aRegKind[k].bAmount ? 0 : v / RF_SCALE,
        aRegKind[k].bAmount ? v : vAmt, "form", r->user->id);
    const char *zI = req_param(r, req_fmt(r, "items_%s", zKind));
    if (!rc && zI) {
      if (zI[0] && (rf_value_parse(zI, &vItems) || vItems < 0 || vItems % RF_SCALE)) {
        *pzErr = "事项数应为非负整数";
        return STORE_INVALID;
      }
      rc = store_report_register_items(r->store, c->org.id, c->year, zKind,
                                       zI[0] ? vItems / RF_SCALE : -1, "form",
                                       r->user->id);
    }
    if (rc) *pzErr = store_errmsg(r->store);
  }
  return rc;
}

/* 报送与发布: the leader's approval (领导审批) of a draft, submission to
** the supervising organ (only once approved), publication (asked to be
** confirmed first: ?confirm=publish shows what it does), return to draft. */
static void html_status_actions(Req *r, Ctx *c, const char *zBase,
                                int bEditor) {
  static const struct { const char *zFrom, *zTo, *zLabel; } aT[] = {
    {"draft", "submitted", "提交主管部门"},
    {"submitted", "draft", "退回草稿"},
    {"published", "draft", "撤回发布"},
  };
  const char *zStatus = c->bStored ? c->rec.zStatus : "";
  int bDraft = !c->bStored || !strcmp(zStatus, "draft");
  req_puts(r, "<section id=\"status-actions\"><h2>报送与发布</h2>");
  if (bDraft) {
    if (c->bStored && c->rec.approvedBy)
      req_printf(r, "<p id=\"approval\">领导审批：已审批（%h，%h）。草稿再有修改须"
                    "重新审批。</p>", c->rec.zApproverName, fmt_time(r, c->rec.zApprovedAt));
    else
      req_puts(r, "<p id=\"approval\">领导审批：未审批。提交主管部门前须经领导审批"
                  "同意（草稿保存后可审批）。</p>");
    if (c->bStored && !c->rec.approvedBy &&
        req_can(r, PERM_DOC_APPROVE, c->org.id)) {
      req_printf(r, "<form method=\"post\" action=\"%h/approve%h\" "
                    "class=\"inline\">", zBase, scope_q(c));
      page_csrf_field(r);
      req_puts(r, "<button>审批同意提交</button></form> ");
    }
  }
  for (size_t i = 0; bEditor && i < sizeof aT / sizeof aT[0]; i++) {
    if (strcmp(bDraft ? "draft" : zStatus, aT[i].zFrom)) continue;
    if (!strcmp(aT[i].zTo, "submitted") && !(c->bStored && c->rec.approvedBy))
      continue;
    req_printf(r, "<form method=\"post\" action=\"%h/status%h\" "
                  "class=\"inline\">", zBase, scope_q(c));
    page_csrf_field(r);
    req_printf(r, "<input type=\"hidden\" name=\"to\" value=\"%h\">"
                  "<button>%h</button></form> ", aT[i].zTo, aT[i].zLabel);
  }
  if (bEditor && !strcmp(zStatus, "submitted")) {
    const char *zC = req_param(r, "confirm");
    if (zC && !strcmp(zC, "publish")) {
      req_printf(r, "<div class=\"confirm\" id=\"confirm-publish\"><p>发布后，"
                    "报告将在门户网站公开，其页面、图表、表格和文件固定为发布时的"
                    "数据，此后登记的记录不再改变已发布的报告。确认发布 %d 年度报告？"
                    "</p><form method=\"post\" action=\"%h/status%h\" "
                    "class=\"inline\">", c->year, zBase, scope_q(c));
      page_csrf_field(r);
      req_printf(r, "<input type=\"hidden\" name=\"to\" value=\"published\">"
                    "<input type=\"hidden\" name=\"confirm\" value=\"1\">"
                    "<button>确认发布</button></form> <a href=\"%h%h\">取消</a>"
                    "</div>", zBase, scope_q(c));
    } else {
      req_printf(r, "<a class=\"button\" href=\"%h?confirm=publish%h"
                    "#confirm-publish\">发布…</a>",
                 zBase, c->bSubtree ? "&amp;scope=subtree" : "");
    }
  }
  req_puts(r, "</section>");
}

int page_report(Req *r) {
  Ctx c;
  if (ctx_load(r, &c, 0)) return 0;
  if (!can_view(r, c.org.id)) {
    ctx_free(&c);
    http_error(r, 403, "无权查看该单位的年度报告");
    return 0;
  }
  int bEdit = req_can(r, PERM_REPORT_EDIT, c.org.id) &&
              (!c.bStored || !strcmp(c.rec.zStatus, "draft"));
  int bEditor = req_can(r, PERM_REPORT_EDIT, c.org.id);
  char *zBase = req_fmt(r, "/staff/reports/%u/%d", c.org.zSlug, c.year);
  page_begin(r, req_fmt(r, "%d 年度报告", c.year));
  req_printf(r, "<h1>%h%h %d 年政府信息公开工作年度报告</h1>", c.org.zName,
             c.bSubtree ? "（全系统）" : "", c.year);
  /* Art. 55 units and units acting in another organ's name publish no
  ** report of their own (core/org_kind.h). */
  if (!c.bSubtree && !org_kind(c.org.zKind)->bOwnReport)
    page_notice(r, "warn",
                req_fmt(r, "本单位为%s（%s），不单独编制政府信息公开工作年度报告。",
                        org_kind(c.org.zKind)->zLabel,
                        org_kind(c.org.zKind)->zBasis));
  req_printf(r, "<p>格式：%h（%h） · 状态：<strong id=\"status\">%h</strong>"
                " · <a href=\"%h%s\">%h</a></p>",
             c.p->pFmt->zId, c.p->pFmt->zTitle,
             report_status_label(c.bStored ? c.rec.zStatus : ""), zBase,
             c.bSubtree ? "" : "?scope=subtree",
             c.bSubtree ? "本单位报告" : "全系统报告");
  req_printf(r, "<p>导出：<a href=\"%h/export/json%h\">JSON</a> · "
                "<a href=\"%h/export/csv%h\">CSV</a> · "
                "<a href=\"%h/export/xlsx%h\">XLSX</a> · "
                "<a href=\"%h/export/docx%h\">DOCX</a></p>",
             zBase, scope_q(&c), zBase, scope_q(&c), zBase, scope_q(&c),
             zBase, scope_q(&c));
  if (!c.bStored) {
    /* Format choice while the report is not stored yet. */
    req_printf(r, "<form method=\"get\" id=\"format-choice\">%s<label>报告格式 "
                  "<select name=\"form\">",
               c.bSubtree ? "<input type=\"hidden\" name=\"scope\" "
                            "value=\"subtree\">" : "");
    for (int k = 0; k < c.set.nFormat; k++) {
      const RfFormat *f = &c.set.aFormat[k];
      req_printf(r, "<option value=\"%h\"%s>%h（%h）</option>", f->zId,
                 f == c.p->pFmt ? " selected" : "", f->zTitle, f->zId);
    }
    req_puts(r, "</select></label> <button>切换格式</button></form>");
  }
  c.bEdit = bEdit;
  html_issues(r, &c, zBase, bEdit);
  html_report(r, &c, zBase);
  html_adjusted(r, &c, zBase, bEdit);

  /* Status: the leader's approval, submission, publication. */
  if (bEditor || req_can(r, PERM_DOC_APPROVE, c.org.id))
    html_status_actions(r, &c, zBase, bEditor);
  if (bEdit) {
    /* Narrative, from the generated draft when empty. */
    ReportFacts facts;
    char *z1 = NULL, *z5 = NULL, *z6 = NULL;
    if (store_report_facts(r->store, c.org.id, c.bSubtree, c.year, &facts) ==
        STORE_OK)
      report_draft(c.p, &facts, &z1, &z5, &z6);
    req_printf(r, "<section id=\"narrative\"><h2>报告正文</h2><form "
                  "method=\"post\" action=\"%h/text%h\">", zBase, scope_q(&c));
    page_csrf_field(r);
    req_printf(r, "<label>一、总体情况<textarea name=\"s1\" rows=\"8\">%h"
                  "</textarea></label>",
               c.rec.zSection1[0] ? c.rec.zSection1 : z1);
    req_printf(r, "<label>五、存在的主要问题及改进情况<textarea name=\"s5\" "
                  "rows=\"5\">%h</textarea></label>",
               c.rec.zSection5[0] ? c.rec.zSection5 : z5);
    req_printf(r, "<label>六、其他需要报告的事项<textarea name=\"s6\" "
                  "rows=\"4\">%h</textarea></label><button>保存正文</button>"
                  "</form></section>",
               c.rec.zSection6[0] ? c.rec.zSection6 : z6);
    free(z1);
    free(z5);
    free(z6);

    /* Register of table 二. */
    ReportRegister *aReg = NULL;
    int nReg = 0;
    if (!c.bSubtree &&
        store_report_register_list(r->store, &r->arena, c.org.id, c.year,
                                   &aReg, &nReg) == STORE_OK)
      html_register(r, &c, zBase, aReg, nReg);
  }

  /* Override log. */
  if (c.bStored) {
    ReportOverride *aO;
    int nO;
    if (store_report_overrides(r->store, &r->arena, c.rec.id, &aO, &nO) ==
            STORE_OK &&
        nO) {
      req_puts(r, "<section id=\"overrides\"><h2>单元格修改记录</h2><table class=\"grid cards\">"
                  "<thead><tr><th scope=\"col\">时间</th><th scope=\"col\">单元格</th>"
                  "<th scope=\"col\">数值</th><th scope=\"col\">原因</th>"
                  "<th scope=\"col\">操作人</th></tr></thead><tbody>");
      for (int i = 0; i < nO; i++) {
        char z[32];
        /* The cell by its Chinese name, never its key. */
        int iCell = rf_cell_by_id(c.p->pFmt, aO[i].zCell);
        char *zL = iCell >= 0 ? report_cell_label(c.p->pFmt, iCell) : NULL;
        req_printf(r, "<tr><td>%h</td><td>%h</td><td>%h</td><td>%h</td>"
                      "<td>%h</td></tr>",
                   fmt_time(r, aO[i].zAt), zL ? zL : "（格式中已无此单元格）",
                   aO[i].bRemoved ? "恢复计算值"
                   : aO[i].bSet   ? rf_value_str(aO[i].v, z)
                                  : "空白",
                   aO[i].zReason, aO[i].zUser);
        free(zL);
      }
      req_puts(r, "</tbody></table></section>");
    }
  }
  page_end(r);
  ctx_free(&c);
  return 0;
}

/* ---- Actions -------------------------------------------------------- */

/* The organisation a register line names, by slug or by exact Chinese
** name, among those the user may edit.  0 with *po set, or -1 with a
** Chinese reason in *pzWhy. */
static int csv_org(Req *r, const char *zText, Org *po, const char **pzWhy) {
  Org *aO = NULL;
  int nO = 0, nMine = 0;
  if (store_org_by_slug(r->store, &r->arena, zText, po) == STORE_OK) {
    if (req_can(r, PERM_REPORT_EDIT, po->id)) return 0;
    *pzWhy = "无权登记该单位";
    return -1;
  }
  if (store_org_by_name(r->store, &r->arena, zText, &aO, &nO) != STORE_OK) {
    *pzWhy = store_errmsg(r->store);
    return -1;
  }
  for (int i = 0; i < nO; i++)
    if (req_can(r, PERM_REPORT_EDIT, aO[i].id) && nMine++ == 0) *po = aO[i];
  *pzWhy = !nO      ? "单位不存在（填写单位全称或网址标识）"
           : !nMine ? "无权登记该单位"
                    : "有多个同名单位，请改填单位网址标识";
  return nMine == 1 ? 0 : -1;
}

/* Imports the register CSV p[0..n) (core/register_csv.h: UTF-8 or GBK,
** Chinese or code categories, header optional).  Every line is checked and
** stored in the caller's transaction; returns STORE_OK with the line count
** in *pn, or an error code with "第 N 行…" in *pzErr (the caller rolls
** back: nothing stored). */
static int import_csv(Req *r, const Ctx *c, const char *p, size_t n, int *pn,
                      const char **pzErr) {
  RegCsv csv;
  *pn = 0;
  if (regcsv_parse(&r->arena, p, n, rf_format_find(&c->set, "2019"), &csv)) {
    *pzErr = csv.zErr;
    return STORE_INVALID;
  }
  for (int i = 0; i < csv.nRow; i++) {
    const RegCsvRow *w = &csv.aRow[i];
    const char *zWhy = NULL;
    Org o;
    if (csv_org(r, w->zOrg, &o, &zWhy)) {
      *pzErr = req_fmt(r, "第 %d 行第 1 列（单位）“%s”：%s", w->iLine, w->zOrg, zWhy);
      return STORE_INVALID;
    }
    const RegKind *pKind = reg_kind_find(w->zKind);
    if (pKind && pKind->b2019 &&
        !has_2019_registers(rf_format_find(&c->set,
                                           store_report_format_for_year(w->year)))) {
      *pzErr = req_fmt(r, "第 %d 行第 3 列（类别）：%d年度的年度报告格式没有“%s”一项",
                       w->iLine, w->year, w->zKindLabel);
      return STORE_INVALID;
    }
    zWhy = w->count || w->amount
               ? org_kind_register_refusal(org_kind(o.zKind), w->zKind) : NULL;
    int rc = zWhy ? STORE_INVALID
                  : store_report_register_put(r->store, o.id, w->year, w->zKind,
                                              w->count, w->amount, "csv",
                                              r->user->id);
    if (!rc && w->items >= 0)
      rc = store_report_register_items(r->store, o.id, w->year, w->zKind,
                                       w->items, "csv", r->user->id);
    if (rc) {
      *pzErr = req_fmt(r, "第 %d 行（%s %d年 %s）：%s", w->iLine, o.zName,
                       w->year, w->zKindLabel, zWhy ? zWhy : store_errmsg(r->store));
      return rc;
    }
  }
  *pn = csv.nRow;
  return STORE_OK;
}

/* "宁县卫生健康局2025年政府信息公开工作年度报告" of c, for feedback. */
static const char *report_title(Req *r, const Ctx *c) {
  return req_fmt(r, "%s%s%d年政府信息公开工作年度报告", c->org.zName,
                 c->bSubtree ? "（全系统）" : "", c->year);
}

/* The feedback after action zAct (the report was in state zFrom before);
** nCsv: the rows a CSV import read.  An edit names who approves next. */
static void report_feedback(Req *r, const Ctx *c, const char *zAct,
                            const char *zFrom, int nCsv) {
  static const struct { const char *zAct; Feedback e; } aEdit[] = {
    {"override", FB_REPORT_OVERRIDE}, {"accept", FB_REPORT_ACCEPT},
    {"text", FB_REPORT_TEXT}, {"register", FB_REPORT_REGISTER},
    {"register-csv", FB_REPORT_CSV},
  };
  const char *zTitle = report_title(r, c);
  if (!strcmp(zAct, "status")) {
    const char *zTo = req_param_or(r, "to", "");
    Feedback e = !strcmp(zTo, "submitted") ? FB_REPORT_SUBMITTED
                 : !strcmp(zTo, "published") ? FB_REPORT_PUBLISHED
                 : !strcmp(zFrom, "published") ? FB_REPORT_UNPUBLISHED
                 : FB_REPORT_RETURNED;
    page_feedback(r, e, zTitle, NULL, NULL);
    return;
  }
  Feedback e = FB_REPORT_OVERRIDE;
  for (size_t i = 0; i < sizeof aEdit / sizeof aEdit[0]; i++)
    if (!strcmp(aEdit[i].zAct, zAct)) e = aEdit[i].e;
  if (e == FB_REPORT_ACCEPT && req_param(r, "withdraw")) e = FB_REPORT_UNACCEPT;
  const char *zWho = page_holders(r, c->org.id, PERM_DOC_APPROVE, 0);
  page_feedback(r, e, zTitle, e == FB_REPORT_CSV ? req_fmt(r, "共 %d 行", nCsv) : NULL,
                zWho && e != FB_REPORT_UNACCEPT
                    ? req_fmt(r, "下一步：待%s审批同意（草稿修改后须重新审批），再提交主管部门。",
                              zWho)
                    : NULL);
}

int page_report_action(Req *r) {
  Ctx c;
  const char *zAct = req_arg(r, 2);
  int rc = STORE_OK, status = 400, nCsv = 0;
  const char *zErr = NULL;
  if (ctx_load(r, &c, 0)) return 0;
  const char *zFrom = c.bStored ? c.rec.zStatus : "draft";
  if (!req_can(r, PERM_REPORT_EDIT, c.org.id)) {
    ctx_free(&c);
    http_error(r, 403, "无权编辑该单位的年度报告");
    return 0;
  }
  int bDraft = !c.bStored || !strcmp(c.rec.zStatus, "draft");
  if (strcmp(zAct, "status") && !bDraft) {
    ctx_free(&c);
    http_error(r, 409, "报告已提交或发布，请先退回草稿再修改");
    return 0;
  }
  if (store_begin(r->store) != STORE_OK) {
    ctx_free(&c);
    http_store_error(r, store_errcode(r->store));
    return 0;
  }
  ReportRec rec;
  rc = store_report_ensure(r->store, &r->arena, c.org.id, c.year, c.bSubtree,
                           c.p->pFmt->zId, r->user->id, &rec);
  if (rc) {
    zErr = store_errmsg(r->store);
    status = 500;
  } else if (!strcmp(zAct, "accept")) {
    const char *zKey = req_param(r, "key");
    int bKnown = 0;
    for (int i = 0; zKey && i < c.res.n; i++)
      if (!strcmp(c.res.a[i].zKey, zKey) && c.res.a[i].eStatus != RP_BLANK)
        bKnown = 1;
    if (req_param(r, "withdraw")) {
      rc = store_report_accept(r->store, rec.id, zKey, NULL, r->user->id);
    } else if (!bKnown) {
      rc = STORE_INVALID;
      zErr = "报告中没有这项不一致";
    } else {
      rc = store_report_accept(r->store, rec.id, zKey,
                               req_param_or(r, "reason", ""), r->user->id);
    }
    if (rc && !zErr) zErr = store_errmsg(r->store);
  } else if (!strcmp(zAct, "text")) {
    rc = store_report_set_text(r->store, rec.id, req_param(r, "s1"),
                               req_param(r, "s5"), req_param(r, "s6"));
    if (rc) zErr = store_errmsg(r->store);
  } else if (!strcmp(zAct, "status")) {
    const char *zTo = req_param_or(r, "to", "");
    int bOk = (!strcmp(zFrom, "draft") && !strcmp(zTo, "submitted")) ||
              (!strcmp(zFrom, "submitted") && !strcmp(zTo, "published")) ||
              (!strcmp(zFrom, "submitted") && !strcmp(zTo, "draft")) ||
              (!strcmp(zFrom, "published") && !strcmp(zTo, "draft"));
    if (!bOk) {
      rc = STORE_CONFLICT;
      zErr = "不能从当前状态变更为该状态";
      status = 409;
    } else if (!strcmp(zTo, "submitted") && !rec.approvedBy) {
      rc = STORE_CONFLICT;
      zErr = "提交主管部门前须经领导审批同意";
      status = 409;
    } else if (!strcmp(zTo, "published") && c.res.nBroken) {
      rc = STORE_CONFLICT;
      zErr = "报告存在未接受的不一致（违反勾稽关系），不能发布；"
             "请更正数据或说明理由后接受";
      status = 409;
    } else if ((!strcmp(zTo, "submitted") || !strcmp(zTo, "published")) &&
               !page_confirmed(r, !strcmp(zTo, "submitted")
                                      ? "提交年度报告？提交后报告锁定，须退回草稿才能再修改。"
                                      : "发布年度报告？发布后报告在门户网站公开，并作为公开文件登记。",
                               !strcmp(zTo, "submitted") ? "确认提交" : "确认发布")) {
      store_rollback_all(r->store);
      ctx_free(&c);
      return 0;
    } else {
      char *zSnap = !strcmp(zTo, "published") ? report_to_json(c.p) : NULL;
      rc = store_report_set_status(r->store, rec.id, zTo, zSnap, r->user->id);
      free(zSnap);
      if (!rc && !strcmp(zTo, "published")) {
        /* The published report becomes a document on the portal. */
        char zDay[16];
        ReportRec now;
        date_format(today(r), zDay);
        rc = store_report_by_id(r->store, &r->arena, rec.id, &now);
        if (!rc)
          rc = report_publish_doc(r->store, &r->arena, c.p, &now, zDay,
                                  r->user->id, NULL);
      } else if (!rc && rec.docId) {
        /* Back to draft: the portal document is withdrawn. */
        rc = store_doc_withdraw(r->store, &r->arena, rec.docId,
                                "年度报告撤回修改，修改后将重新发布");
        if (!rc) rc = store_report_set_doc(r->store, rec.id, 0);
      }
      if (rc) zErr = store_errmsg(r->store);
    }
  } else if (!strcmp(zAct, "register")) {
    rc = save_register(r, &c, &zErr);
  } else if (!strcmp(zAct, "register-csv")) {
    const ReqParam *f = req_file(r, "file");
    const char *zCsv = req_param_or(r, "csv", "");
    rc = f && f->nValue ? import_csv(r, &c, f->zValue, f->nValue, &nCsv, &zErr)
                        : import_csv(r, &c, zCsv, strlen(zCsv), &nCsv, &zErr);
  } else {
    rc = STORE_NOTFOUND;
    zErr = "未知的操作";
    status = 404;
  }
  /* A changed draft needs the leader's approval again. */
  if (!rc && strcmp(zAct, "status")) {
    rc = store_report_approve(r->store, rec.id, 0);
    if (rc) zErr = store_errmsg(r->store);
  }
  if (rc) {
    store_rollback(r->store);
    if (rc == STORE_ERROR) status = 500;
    char *zMsg = req_strdup(r, zErr ? zErr : "操作失败");
    ctx_free(&c);
    http_error(r, status, zMsg);
    return 0;
  }
  if (store_commit(r->store) != STORE_OK) {
    ctx_free(&c);
    http_store_error(r, store_errcode(r->store));
    return 0;
  }
  report_feedback(r, &c, zAct, zFrom, nCsv);
  req_redirect(r, req_fmt(r, "/staff/reports/%u/%d%s", c.org.zSlug,
                          c.year, c.bSubtree ? "?scope=subtree" : ""));
  ctx_free(&c);
  return 0;
}

/* ---- Drill-down and exports ----------------------------------------- */

int page_report_cell(Req *r) {
  Ctx c;
  if (ctx_load(r, &c, 1)) return 0;
  if (!can_view(r, c.org.id)) {
    ctx_free(&c);
    http_error(r, 403, "无权查看该单位的年度报告");
    return 0;
  }
  int i = rf_cell_by_id(c.p->pFmt, req_param(r, "c"));
  if (i < 0) {
    ctx_free(&c);
    http_error(r, 404, "报告格式中没有这个单元格");
    return 0;
  }
  int t, row;
  rf_cell_locate(c.p->pFmt, i, &t, &row, NULL);
  const RfTable *pTab = &c.p->pFmt->aTable[t];
  /* The stat form's rows count records of different kinds. */
  const char *zKey = strcmp(pTab->zId, "stat")
                         ? pTab->zId
                         : req_fmt(r, "stat.%s", pTab->aRow[row].zId);
  const RpCell *cell = &c.p->aCell[i];
  char *zName = rf_cell_name(c.p->pFmt, i), z[32];
  long long v = 0;
  int bSet = report_get(c.p, i, &v);
  page_begin(r, "报告数据来源");
  req_printf(r, "<h1>%h %d 年度报告：%h</h1><p>数值：<strong id=\"value\">"
                "%h</strong></p>",
             c.org.zName, c.year, zName, bSet ? rf_value_str(v, z) : "空白");
  free(zName);
  if (cell->zReason)
    req_printf(r, "<p class=\"ov\">该单元格已人工修改，理由：%h（以下为按记录"
                  "计算的来源）</p>", cell->zReason);
  ReportRecord *aR;
  int n;
  if (store_report_records(r->store, &r->arena, zKey,
                           cell->aRec, cell->nRec, &aR, &n) == STORE_OK) {
    req_printf(r, "<p>共 <span id=\"n-records\">%d</span> 条记录。</p>"
                  "<table class=\"grid cards records\"><thead><tr><th scope=\"col\">编号</th>"
                  "<th scope=\"col\">名称</th><th scope=\"col\">单位</th>"
                  "<th scope=\"col\">日期</th><th scope=\"col\">情况</th></tr></thead>"
                  "<tbody>", n);
    for (int k = 0; k < n; k++) {
      const char *zHref =
          !strcmp(aR[k].zKind, "application")
              ? req_fmt(r, "/staff/applications/%lld", (long long)aR[k].id)
          : !strcmp(aR[k].zKind, "doc")
              ? req_fmt(r, "/staff/docs/%lld", (long long)aR[k].id)
          : !strcmp(aR[k].zKind, "opinion")
              ? req_fmt(r, "/staff/opinion/%lld", (long long)aR[k].id)
              : NULL;
      req_puts(r, "<tr><td>");
      if (zHref) req_printf(r, "<a href=\"%h\">%h</a>", zHref, aR[k].zRef);
      else req_printf(r, "%h", fmt_words(r, aR[k].zRef));
      req_printf(r, "</td><td>%h</td><td>%h</td><td>%h</td><td>%h</td></tr>",
                 fmt_words(r, aR[k].zTitle), aR[k].zOrgName, fmt_time_short(r, aR[k].zDate),
                 fmt_words(r, aR[k].zDetail));
    }
    req_puts(r, "</tbody></table>");
  }
  req_printf(r, "<p><a href=\"/staff/reports/%u/%d%h\">返回报告</a></p>",
             c.org.zSlug, c.year, scope_q(&c));
  page_end(r);
  ctx_free(&c);
  return 0;
}

/* Sends the report in format zFmt (json, csv, xlsx, docx). */
static void send_export(Req *r, Ctx *c, const char *zFmt, int bPublic) {
  ReportText txt = {c->rec.zSection1, c->rec.zSection5, NULL};
  char *z6 = report_section6(c->p, c->rec.zSection6);
  const char *zName = req_fmt(r, "report-%s-%d%s", c->org.zSlug, c->year,
                              c->bSubtree ? "-subtree" : "");
  txt.z6 = z6;
  (void)bPublic;
  if (!strcmp(zFmt, "json")) {
    char *zJ = report_to_json(c->p);
    buf_puts(&r->out, zJ);
    free(zJ);
    r->zType = "application/json; charset=utf-8";
  } else if (!strcmp(zFmt, "csv")) {
    report_out_csv(c->p, &r->out);
    r->zType = "text/csv; charset=utf-8";
  } else if (!strcmp(zFmt, "xlsx") || !strcmp(zFmt, "docx")) {
    int bX = zFmt[0] == 'x';
    int rc = bX ? report_out_xlsx_buf(c->p, &txt, &r->out)
                : report_out_docx(c->p, &txt, &r->out);
    if (rc) {
      free(z6);
      http_error(r, 500, "生成文件失败");
      return;
    }
    r->zType = bX ? "application/vnd.openxmlformats-officedocument."
                    "spreadsheetml.sheet"
                  : "application/vnd.openxmlformats-officedocument."
                    "wordprocessingml.document";
  } else {
    free(z6);
    http_error(r, 404, "不支持的导出格式");
    return;
  }
  req_header(r, "Content-Disposition",
             req_fmt(r, "attachment; filename=\"%s.%s\"", zName, zFmt));
  free(z6);
}

/* The register of c's unit and year as a CSV file to fill in and import
** again (core/register_csv.h): the Chinese header, one line per category
** the unit registers, with what is registered now (0 when nothing). */
static void send_register_template(Req *r, Ctx *c) {
  const char *azKind[16], *azLabel[16], *azHead[6];
  int n = register_kinds(c, azKind, azLabel, 16), nReg = 0;
  ReportRegister *aReg = NULL;
  Table t = {0};
  char *zH = req_strdup(r, REGCSV_HEADER), *zSave = NULL;
  if (store_report_register_list(r->store, &r->arena, c->org.id, c->year,
                                 &aReg, &nReg) != STORE_OK) {
    http_store_error(r, store_errcode(r->store));
    return;
  }
  int nH = 0;
  for (char *z = strtok_r(zH, ",", &zSave); z && nH < 6; z = strtok_r(NULL, ",", &zSave))
    azHead[nH++] = z;
  table_add_row(&r->arena, &t, 1, azHead, nH);
  const char *zName = org_current_name(r, c);
  for (int k = 0; k < n; k++) {
    const ReportRegister *g = NULL;
    char zC[32], zA[32], zI[32];
    if (org_kind_register_refusal(org_kind(c->org.zKind), azKind[k])) continue;
    for (int i = 0; i < nReg; i++)
      if (!strcmp(aReg[i].zKind, azKind[k])) g = &aReg[i];
    const char *az[6] = {zName, req_fmt(r, "%d", c->year), azLabel[k],
                         rf_value_str(g ? g->count * RF_SCALE : 0, zC),
                         rf_value_str(g ? g->amount : 0, zA),
                         g && g->items >= 0 ? rf_value_str(g->items * RF_SCALE, zI) : ""};
    table_add_row(&r->arena, &t, t.nRow + 1, az, 6);
  }
  table_write_csv(&t, &r->out);
  r->zType = "text/csv; charset=utf-8";
  req_header(r, "Content-Disposition",
             req_fmt(r, "attachment; filename=\"register-%s-%d.csv\"",
                     c->org.zSlug, c->year));
}

int page_report_export(Req *r) {
  Ctx c;
  if (ctx_load(r, &c, 0)) return 0;
  if (!can_view(r, c.org.id)) {
    ctx_free(&c);
    http_error(r, 403, "无权查看该单位的年度报告");
    return 0;
  }
  if (!strcmp(req_arg(r, 2), "register")) send_register_template(r, &c);
  else send_export(r, &c, req_arg(r, 2), 0);
  ctx_free(&c);
  return 0;
}

/* ---- Checker -------------------------------------------------------- */

int page_report_check(Req *r) {
  const char *zIn = req_param(r, "report");
  const ReqParam *pFile = req_file(r, "file");
  int bFile = pFile && pFile->zFilename && pFile->nValue > 0;
  page_begin(r, "年度报告核对");
  req_puts(r, "<h1>年度报告核对</h1><p>上传一份已发布的年度报告（PDF、网页另存的 "
              "HTML、Word DOCX、Excel XLSX、JSON 或文本，按文件内容识别类型），"
              "或粘贴其文字，检查勾稽关系、格式是否与年度相符、正文数字是否与表格"
              "一致。</p><form method=\"post\" action=\"/staff/report-check\" "
              "enctype=\"multipart/form-data\">");
  page_csrf_field(r);
  req_printf(r, "<label>报告文件<input type=\"file\" name=\"file\"></label>"
                "<label>或粘贴报告内容<textarea name=\"report\" rows=\"16\">%h"
                "</textarea></label><button>核对</button></form>",
             zIn && !bFile ? zIn : "");
  if ((zIn || bFile) && r->method == HTTP_POST) {
    RfSet set = {0};
    char *zErr = NULL;
    Buf out = BUF_INIT;
    if (rf_set_load_builtin(&set, &zErr)) {
      free(zErr);
      http_error(r, 500, "报告格式无法载入");
      return 0;
    }
    RcInput in = {bFile ? pFile->zValue : zIn,
                  bFile ? pFile->nValue : strlen(zIn), NULL, 0, NULL, 0};
    int rc = report_check_bytes(&set, &in, &out, NULL);
    if (rc == 2) r->status = 422;
    req_printf(r, "<h2>核对结果</h2><p id=\"check-status\" data-exit=\"%d\">"
                  "%h</p><pre id=\"check-output\">%h</pre>",
               rc, rc == 0 ? "未发现违反勾稽关系" : rc == 1 ? "存在违反勾稽关系"
                                                   : "无法读取",
               buf_str(&out));
    buf_free(&out);
    rf_set_free(&set);
  }
  page_end(r);
  return 0;
}

/* ---- Public pages --------------------------------------------------- */

int page_report_public_list(Req *r) {
  Org o;
  ReportRec *aR;
  int n;
  if (page_load_org(r, 0, &o)) return 0;
  if (store_report_list(r->store, &r->arena, o.id, 1, &aR, &n) != STORE_OK) {
    http_store_error(r, store_errcode(r->store));
    return 0;
  }
  page_begin(r, req_fmt(r, "%s 政府信息公开工作年度报告", o.zName));
  req_printf(r, "<h1>%h 政府信息公开工作年度报告</h1>", o.zName);
  if (!n) req_puts(r, "<p>暂无已发布的年度报告。</p>");
  else req_puts(r, "<ul class=\"reports\">");
  for (int i = 0; i < n; i++)
    req_printf(r, "<li><a href=\"/o/%u/reports/%d%h\">%h%h %d 年政府信息公开"
                  "工作年度报告</a>（发布于 %h）</li>",
               o.zSlug, aR[i].year, aR[i].bSubtree ? "?scope=subtree" : "",
               o.zName, aR[i].bSubtree ? "（全系统）" : "", aR[i].year,
               fmt_date(r, aR[i].zPublishedAt));
  if (n) req_puts(r, "</ul>");
  page_end(r);
  return 0;
}

int page_report_public(Req *r) {
  Ctx c;
  if (ctx_load(r, &c, 0)) return 0;
  if (!c.bStored || strcmp(c.rec.zStatus, "published")) {
    ctx_free(&c);
    http_error(r, 404, "该年度报告尚未发布");
    return 0;
  }
  const char *zFmt = req_param(r, "format");
  if (zFmt) {
    send_export(r, &c, zFmt, 1);
    ctx_free(&c);
    return 0;
  }
  page_begin(r, req_fmt(r, "%d 年政府信息公开工作年度报告", c.year));
  req_printf(r, "<h1>%h%h %d 年政府信息公开工作年度报告</h1><p>发布日期："
                "%h · 下载：<a href=\"?format=docx%h\">DOCX</a> · "
                "<a href=\"?format=xlsx%h\">XLSX</a> · <a href=\"?format=csv"
                "%h\">CSV</a> · <a href=\"?format=json%h\">JSON</a></p>",
             c.org.zName, c.bSubtree ? "（全系统）" : "", c.year,
             fmt_date(r, c.rec.zPublishedAt), c.bSubtree ? "&scope=subtree" : "",
             c.bSubtree ? "&scope=subtree" : "",
             c.bSubtree ? "&scope=subtree" : "",
             c.bSubtree ? "&scope=subtree" : "");
  req_puts(r, "<p>根据《中华人民共和国政府信息公开条例》第五十条之规定，"
              "制作本报告。</p>");
  Doc d;
  if (c.rec.docId &&
      store_doc_get(r->store, &r->arena, c.rec.docId, &d) == STORE_OK &&
      d.zIndexNumber[0])
    req_printf(r, "<p>索引号：<a href=\"/o/%u/d/%h\">%h</a></p>",
               c.org.zSlug, d.zIndexNumber, d.zIndexNumber);
  html_report(r, &c, NULL);
  page_end(r);
  ctx_free(&c);
  return 0;
}

/* POST …/{year}/approve: the leader approves the draft for submission
** (publication stays refused while a rule is broken and not accepted). */
int page_report_approve(Req *r) {
  Ctx c;
  ReportRec rec;
  if (ctx_load(r, &c, 0)) return 0;
  if (!req_can(r, PERM_DOC_APPROVE, c.org.id)) {
    ctx_free(&c);
    http_error(r, 403, "无权审批该单位的年度报告");
    return 0;
  }
  const char *zErr = !c.bStored || strcmp(c.rec.zStatus, "draft")
                         ? "只能审批已保存的草稿"
                         : NULL;
  if (zErr) {
    ctx_free(&c);
    http_error(r, 409, zErr);
    return 0;
  }
  rec = c.rec;
  if (store_begin(r->store) != STORE_OK ||
      store_report_approve(r->store, rec.id, r->user->id) != STORE_OK ||
      store_commit(r->store) != STORE_OK) {
    char *zMsg = req_strdup(r, store_errmsg(r->store));
    store_rollback(r->store);
    ctx_free(&c);
    http_error(r, 500, zMsg);
    return 0;
  }
  page_feedback(r, FB_REPORT_APPROVE, report_title(r, &c), NULL, NULL);
  /* A leader who may approve but not open the report reads it at home. */
  if (!req_can(r, PERM_REPORT_VIEW, c.org.id))
    req_redirect(r, "/staff");
  else
    req_redirect(r, req_fmt(r, "/staff/reports/%u/%d%s", c.org.zSlug,
                            c.year, c.bSubtree ? "?scope=subtree" : ""));
  ctx_free(&c);
  return 0;
}
