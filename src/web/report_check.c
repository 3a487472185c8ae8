/*
** report_check.c — the annual-report checker behind `gongkai report
** check`, the staff check page and POST /api/v1/reports/check: a file in
** any published shape (lib/doctable.h) → the report (JSON form or text
** reader) → the format's rules (core/report.h) and the reviewer's checks
** (core/report_review.h) → lines for people and JSON for machines.
*/
#include <jansson.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "core/report_review.h"
#include "core/report_text.h"
#include "lib/doctable.h"
#include "web/reports.h"

static const char *kind_label(const char *zKind) {
  static const struct { const char *zKind, *zLabel; } a[] = {
    {"pdf", "PDF"}, {"docx", "Word（DOCX）"}, {"xlsx", "Excel（XLSX）"},
    {"html", "网页（HTML）"}, {"json", "JSON"}, {"text", "文本"}};
  for (size_t i = 0; i < sizeof a / sizeof a[0]; i++)
    if (!strcmp(a[i].zKind, zKind)) return a[i].zLabel;
  return zKind;
}

/* Reads p[0..n) into *pp; notes (reading) appended to jNotes.  Returns 0,
** or 2 with the reason in pErr.  *pzText gets the text read (caller frees;
** NULL for JSON). */
static int load(const RfSet *pSet, const void *p, size_t n,
                const char *zFormat, Report **pp, json_t *jNotes,
                const char **pzKind, char **pzText, Buf *pErr) {
  Buf t = BUF_INIT;
  *pp = NULL;
  *pzText = NULL;
  if (doctable_text(p, n, &t, pErr, pzKind)) { buf_free(&t); return 2; }
  if (!strcmp(*pzKind, "json")) {
    char *zMsg = NULL;
    int rc = report_from_json(pSet, buf_str(&t), zFormat, pp, &zMsg);
    buf_free(&t);
    if (rc) { buf_puts(pErr, zMsg ? zMsg : "无法读取"); free(zMsg); return 2; }
    return 0;
  }
  RtResult r;
  if (report_text_read(pSet, buf_str(&t), zFormat, &r)) {
    buf_puts(pErr, r.zErr ? r.zErr : "无法读取");
    rt_result_free(&r);
    buf_free(&t);
    return 2;
  }
  for (int i = 0; jNotes && i < r.nNote; i++)
    json_array_append_new(jNotes, json_string(r.azNote[i]));
  if (jNotes && !zFormat)
    json_array_append_new(jNotes, json_string("格式按文本中的表格标签识别"));
  *pp = r.pReport;
  r.pReport = NULL;
  rt_result_free(&r);
  *pzText = buf_steal(&t);
  return 0;
}

static const char *issue_tag(const RpIssue *x) {
  return x->eStatus == RP_BLANK      ? "blank"
         : x->eStatus == RP_ACCEPTED ? "accepted"
         : x->eSeverity == RF_WARNING ? "warning"
                                      : "violation";
}

static void add_finding(json_t *a, const char *zSev, const char *zKey,
                        const char *zMsg, const char *zReason) {
  json_t *o = json_pack("{s:s, s:s, s:s}", "severity", zSev, "key", zKey,
                        "message", zMsg);
  if (zReason) json_object_set_new(o, "reason", json_string(zReason));
  json_array_append_new(a, o);
}

/* Appends the strings up to NULL (plain text: the lines are escaped where
** they are shown, as the page does with %h). */
static void put_all(Buf *b, const char *z, ...) {
  va_list ap;
  va_start(ap, z);
  for (; z; z = va_arg(ap, const char *)) buf_puts(b, z);
  va_end(ap);
}

static const char *jstr(json_t *o, const char *zKey) {
  const char *z = json_string_value(json_object_get(o, zKey));
  return z ? z : "";
}

/* The human form of the JSON result (the lines of `gongkai report check`). */
static void to_lines(json_t *j, Buf *b) {
  static const struct { const char *zSev, *zTag; } aTag[] = {
    {"violation", "违反"}, {"warning", "警告"}, {"accepted", "已接受"},
    {"blank", "空白"}};
  json_t *v;
  size_t i;
  put_all(b, "文件：", jstr(j, "kind_label"), "\n格式：", jstr(j, "format"), "（",
          jstr(j, "format_title"), "）\n", (char *)NULL);
  json_t *jo = json_object_get(j, "org"), *jy = json_object_get(j, "year");
  if (json_is_string(jo) || json_integer_value(jy)) {
    put_all(b, "单位：", json_is_string(jo) ? json_string_value(jo) : "（未知）",
            "  年度：", (char *)NULL);
    if (json_integer_value(jy)) buf_printf(b, "%d\n", (int)json_integer_value(jy));
    else buf_puts(b, "（未知）\n");
  }
  json_array_foreach(json_object_get(j, "notes"), i, v)
    put_all(b, "说明：", json_string_value(v), "\n", (char *)NULL);
  for (size_t t = 0; t < sizeof aTag / sizeof aTag[0]; t++) {
    json_array_foreach(json_object_get(j, "findings"), i, v) {
      if (strcmp(jstr(v, "severity"), aTag[t].zSev)) continue;
      put_all(b, aTag[t].zTag, " ", jstr(v, "key"), "：", jstr(v, "message"),
              (char *)NULL);
      if (json_object_get(v, "reason"))
        put_all(b, "（理由：", jstr(v, "reason"), "）", (char *)NULL);
      buf_putc(b, '\n');
    }
  }
  json_t *s = json_object_get(j, "summary");
  buf_printf(b, "结果：违反 %d 处，警告 %d 处，空白无法核对 %d 处，已接受 %d 处\n",
             (int)json_integer_value(json_object_get(s, "violations")),
             (int)json_integer_value(json_object_get(s, "warnings")),
             (int)json_integer_value(json_object_get(s, "blanks")),
             (int)json_integer_value(json_object_get(s, "accepted")));
}

int report_check_bytes(const RfSet *pSet, const RcInput *in, Buf *pText,
                       Buf *pJson) {
  Report *p = NULL, *pPrev = NULL;
  const char *zKind = "text", *zPrevKind = "text";
  char *zText = NULL, *zPrevText = NULL;
  Buf err = BUF_INIT;
  json_t *j = json_object(), *jNotes = json_array(), *jF = json_array();
  int rc = load(pSet, in->p, in->n, in->zFormat, &p, jNotes, &zKind, &zText, &err);
  if (!rc && in->pPrev) {
    rc = load(pSet, in->pPrev, in->nPrev, NULL, &pPrev, NULL, &zPrevKind,
              &zPrevText, &err);
    if (rc) {
      Buf e2 = BUF_INIT;
      put_all(&e2, "上年报告：", buf_str(&err), (char *)NULL);
      buf_free(&err);
      err = e2;
    }
  }
  if (rc) {
    if (pText) put_all(pText, buf_str(&err), "\n", (char *)NULL);
    json_object_set_new(j, "exit", json_integer(2));
    json_object_set_new(j, "error", json_string(buf_str(&err)));
    goto out;
  }
  json_object_set_new(j, "kind", json_string(zKind));
  json_object_set_new(j, "kind_label", json_string(kind_label(zKind)));
  json_object_set_new(j, "format", json_string(p->pFmt->zId));
  json_object_set_new(j, "format_title", json_string(p->pFmt->zTitle));
  json_object_set_new(j, "org", p->zOrg ? json_string(p->zOrg) : json_null());
  json_object_set_new(j, "year", p->iYear ? json_integer(p->iYear) : json_null());
  if (pPrev) {
    char *z = mprintf("上年报告：格式 %s，年度 %d", pPrev->pFmt->zId, pPrev->iYear);
    json_array_insert_new(jNotes, 0, json_string(z));
    free(z);
    if (p->iYear && pPrev->iYear && pPrev->iYear != p->iYear - 1) {
      z = mprintf("上年报告的年度应为 %d", p->iYear - 1);
      json_array_insert_new(jNotes, 1, json_string(z));
      free(z);
    }
  }
  if (!p->iYear)
    json_array_append_new(jNotes, json_string("文本中没有写明报告年度：格式是否符合"
                                              "年度无法核对"));
  json_object_set(j, "notes", jNotes);
  RpResult res;
  RvResult rv = {0};
  report_check(p, pPrev, &res);
  rv_format_year(pSet, p, &rv);
  if (zText) rv_text_numbers(p, zText, &rv);
  for (int i = 0; i < rv.n; i++)
    add_finding(jF, "violation", rv.a[i].zKey, rv.a[i].zMsg, NULL);
  for (int i = 0; i < res.n; i++)
    add_finding(jF, issue_tag(&res.a[i]), res.a[i].zKey, res.a[i].zMsg,
                res.a[i].eStatus == RP_ACCEPTED ? res.a[i].zReason : NULL);
  int nBroken = res.nBroken + rv.n;
  rc = nBroken ? 1 : (in->bStrict && (res.nBlank || res.nWarning)) ? 1 : 0;
  json_object_set_new(j, "findings", jF);
  jF = NULL;
  json_object_set_new(j, "summary",
                      json_pack("{s:i, s:i, s:i, s:i}", "violations", nBroken,
                                "warnings", res.nWarning, "blanks", res.nBlank,
                                "accepted", res.nAccepted));
  json_object_set_new(j, "exit", json_integer(rc));
  rp_result_free(&res);
  rv_result_free(&rv);
  if (pText) to_lines(j, pText);
out:
  if (pJson) {
    char *z = json_dumps(j, JSON_INDENT(2));
    buf_puts(pJson, z ? z : "{}");
    buf_putc(pJson, '\n');
    free(z);
  }
  json_decref(j);
  json_decref(jNotes);
  json_decref(jF);
  buf_free(&err);
  free(zText);
  free(zPrevText);
  report_free(p);
  report_free(pPrev);
  return rc;
}

int report_check_run(const RfSet *pSet, const char *zInput, Buf *pOut) {
  RcInput in = {zInput, strlen(zInput), NULL, 0, NULL, 0};
  return report_check_bytes(pSet, &in, pOut, NULL);
}
