/*
** reports.h — the annual report (年度报告) pages (page_reports.c) and its
** file forms (report_out.c): CSV, XLSX, DOCX, the generated draft of the
** narrative and the paste checker's text output.
*/
#ifndef GK_WEB_REPORTS_H
#define GK_WEB_REPORTS_H

#include "core/report.h"
#include "http/req.h"
#include "lib/buf.h"
#include "store/store_reports.h"

/* Narrative sections 一、五、六 (any may be NULL). */
typedef struct ReportText {
  const char *z1, *z5, *z6;
} ReportText;

/* "草稿" / "已提交" / "已发布"; "未编制" for "" or anything else. */
const char *report_status_label(const char *zStatus);

/* CSV: one line per data cell "table,row,column,row_label,column_label,
** value" (ids of data/report_formats.json; blank value for a blank cell),
** after a header line.  Appends to b. */
void report_out_csv(const Report *p, Buf *b);

/* XLSX file at zPath / into pOut: the tables as in the format, the
** narrative on a second sheet when pText.  0 or -1. */
int report_out_xlsx(const Report *p, const ReportText *pText,
                    const char *zPath);
int report_out_xlsx_buf(const Report *p, const ReportText *pText, Buf *pOut);

/* DOCX package (document.xml with real tables, styles, relationships)
** appended to pOut.  0 or -1 (libzip failure). */
int report_out_docx(const Report *p, const ReportText *pText, Buf *pOut);

/* Generated draft of sections 一、五、六 from the facts and the report's
** numbers; new strings (caller frees each). */
void report_draft(const Report *p, const ReportFacts *pF, char **pz1,
                  char **pz5, char **pz6);

/* Section 六 as printed: zText followed by one line per accepted violation
** with its reason.  New string; caller frees. */
char *report_section6(const Report *p, const char *zText);

/* The checker's input: a file in any published shape (lib/doctable.h),
** optionally the format to read it in, --strict, and last year's report
** (any shape) for the cross-year rules. */
typedef struct RcInput {
  const void *p; size_t n;
  const char *zFormat;     /* NULL: from the file */
  int bStrict;             /* blank cells and warnings also fail */
  const void *pPrev; size_t nPrev;   /* NULL: none */
} RcInput;

/* Checks a report file: the format's rules, the format against the year
** and the numbers in the text against the tables (core/report_review.h).
** Appends the lines of `gongkai report check` to pText and/or the JSON
** result {exit, kind, format, org, year, notes[], findings[{severity,
** key, message[, reason]}], summary{violations, warnings, blanks,
** accepted}} (or {exit: 2, error}) to pJson; either may be NULL.
** Returns 0 (no rule broken), 1 (broken, or --strict and blanks) or 2
** (unreadable: the reason is the only line of pText). */
int report_check_bytes(const RfSet *pSet, const RcInput *in, Buf *pText,
                       Buf *pJson);

/* report_check_bytes() on pasted text, lines only. */
int report_check_run(const RfSet *pSet, const char *zInput, Buf *pOut);

/* The report as Markdown (sections, narrative, GFM tables) for the portal
** document.  Appends to b. */
void report_out_markdown(const Report *p, const ReportText *pText, Buf *b);

/* Publishes the report on the portal: a proactive document (体裁 年度报告)
** whose body is the Markdown form, published on zDay, with the DOCX
** attached, linked to the stored report.  Runs inside the caller's
** transaction.  Returns STORE_OK or a STORE_* code (message in the store). */
int report_publish_doc(Store *s, Arena *a, const Report *p,
                       const ReportRec *pRec, const char *zDay,
                       int64_t userId, int64_t *pDocId);

/* The report of (org, year, scope) as it stands: the stored one (with its
** overrides; a published one is its snapshot unless bRecords) or, when none
** is stored, the numbers computed from the records (*pbStored = 0, pRec
** filled with the format, the organisation and empty texts).  zFormat
** (a format id of pSet) chooses the format of an unstored report; NULL
** takes the one in force for the year.  The report bears the name the
** organisation had on 31 January of the next year (org_former_name) unless
** it is a published snapshot.  *pp is new (report_free).
** STORE_OK or a STORE_* code (STORE_INVALID: unknown format). */
int report_build_current(Store *s, Arena *a, const RfSet *pSet,
                         const Org *pOrg, int year, int bSubtree,
                         const char *zFormat, int bRecords, ReportRec *pRec,
                         int *pbStored, Report **pp);

/* Pages (page_reports.c). */
int page_reports(Req *r);           /* GET /staff/reports */
int page_report(Req *r);            /* GET /staff/reports/{org}/{year} */
int page_report_action(Req *r);     /* POST …/{year}/{action} */
int page_report_approve(Req *r);    /* POST …/{year}/approve (领导审批) */
int page_report_cell(Req *r);       /* GET …/{year}/cell?c= drill-down */
int page_report_export(Req *r);     /* GET …/{year}/export/{fmt} */
int page_report_check(Req *r);      /* GET|POST /staff/report-check */
int page_report_public_list(Req *r);/* GET /o/{org}/reports */
int page_report_public(Req *r);     /* GET /o/{org}/reports/{year} */
void panel_reports(Req *r);         /* staff home */

/* What every staff report page reads from its request: the organisation
** ({org}, which the user may see), the year ({year}, 1990–2999, else 404),
** ?scope=subtree, the built-in formats into *pSet (caller rf_set_free()s)
** and ?form= (a known format, else 400; NULL when absent).  0, or -1 after
** writing the error page (then *pSet needs no freeing). */
int report_page_args(Req *r, Org *pOrg, int *pYear, int *pbSubtree,
                     RfSet *pSet, const char **pzFormat);

/* The hand adjustment of a cell (人工调整, page_report_adjust.c). */
int page_report_adjust_form(Req *r);/* GET …/{year}/override?c=CELL */
int page_report_adjust(Req *r);     /* POST …/{year}/override */

/* A new report of p's format, organisation and year with the numbers the
** records give, without any hand adjustment; NULL on a store error. */
Report *report_computed(Store *s, const Report *p, int64_t orgId,
                        int bSubtree);

/* "表三 一·自然人", "表二 第二十条第（五）项 行政许可·处理决定数量": a
** cell as a person finds it in the tables.  New string; caller frees. */
char *report_cell_label(const RfFormat *f, int iCell);

/* The footnote number (1, 2, …) of an adjusted cell of p, 0 when the cell
** is not adjusted (no override reason). */
int report_adjust_number(const Report *p, int iCell);

/* The footnotes of the adjusted cells of p (section id "adjusted"): label,
** computed value (from pCalc, or "—" when NULL), new value, reason, who
** and when (from the override log aO, newest first), and with bEdit a 修改
** link and a 恢复计算值 button.  zBase: /staff/reports/{org}/{year};
** zQ: "" or "?scope=…".  Nothing when no cell is adjusted. */
void report_html_adjusted(Req *r, const Report *p, const Report *pCalc,
                          const ReportOverride *aO, int nO,
                          const char *zBase, const char *zQ, int bEdit);

#endif
