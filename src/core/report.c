/*
** report.c — the report value grid, the consistency checker and the JSON
** form (see report.h).
*/
#include "core/report.h"

#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lib/buf.h"

/* ------------------------------------------------------------- grid */

Report *report_new(const RfFormat *pFmt, const char *zOrg, int iYear) {
  Report *p = xmalloc(sizeof *p);
  memset(p, 0, sizeof *p);
  p->pFmt = pFmt;
  p->zOrg = xstrdup(zOrg);
  p->iYear = iYear;
  p->aCell = xmalloc((size_t)(pFmt->nCell + 1) * sizeof *p->aCell);
  memset(p->aCell, 0, (size_t)(pFmt->nCell + 1) * sizeof *p->aCell);
  return p;
}

void report_free(Report *p) {
  if (!p) return;
  for (int i = 0; i < p->pFmt->nCell; i++) {
    free(p->aCell[i].zReason);
    free(p->aCell[i].aRec);
  }
  free(p->aCell);
  for (int i = 0; i < p->nAcc; i++) {
    free(p->aAcc[i].zKey);
    free(p->aAcc[i].zReason);
  }
  free(p->aAcc);
  free(p->zOrg);
  free(p);
}

/* 1 when iCell is a cell of p's format. */
static int in_range(const Report *p, int iCell) {
  return iCell >= 0 && iCell < p->pFmt->nCell;
}

int report_set(Report *p, int iCell, long long v) {
  if (!in_range(p, iCell)) return -1;
  if (v >= RF_MAX_UNITS * RF_SCALE || v <= -RF_MAX_UNITS * RF_SCALE)
    return -1;
  p->aCell[iCell].bSet = 1;
  p->aCell[iCell].v = v;
  return 0;
}

int report_set_int(Report *p, int iCell, long long n) {
  if (n >= RF_MAX_UNITS || n <= -RF_MAX_UNITS) return -1;
  return report_set(p, iCell, n * RF_SCALE);
}

void report_clear(Report *p, int iCell) {
  if (!in_range(p, iCell)) return;
  p->aCell[iCell].bSet = 0;
  p->aCell[iCell].v = 0;
}

int report_get(const Report *p, int iCell, long long *pV) {
  if (!in_range(p, iCell) || !p->aCell[iCell].bSet) return 0;
  if (pV) *pV = p->aCell[iCell].v;
  return 1;
}

int report_set_reason(Report *p, int iCell, const char *zReason) {
  if (!in_range(p, iCell)) return -1;
  free(p->aCell[iCell].zReason);
  p->aCell[iCell].zReason = xstrdup(zReason);
  return 0;
}

int report_add_record(Report *p, int iCell, long long idRecord,
                      long long delta) {
  RpCell *c;
  if (!in_range(p, iCell)) return -1;
  c = &p->aCell[iCell];
  if ((c->bSet ? c->v : 0) + delta >= RF_MAX_UNITS * RF_SCALE) return -1;
  if (c->nRec >= c->nRecAlloc) {
    c->nRecAlloc = c->nRecAlloc ? c->nRecAlloc * 2 : 4;
    c->aRec = xrealloc(c->aRec, (size_t)c->nRecAlloc * sizeof *c->aRec);
  }
  c->aRec[c->nRec++] = idRecord;
  if (!c->bSet) { c->bSet = 1; c->v = 0; }
  c->v += delta;
  return 0;
}

int report_accept(Report *p, const char *zKey, const char *zReason) {
  int i;
  for (i = 0; i < p->nAcc; i++)
    if (!strcmp(p->aAcc[i].zKey, zKey)) break;
  if (i < p->nAcc) {
    free(p->aAcc[i].zReason);
    if (zReason) {
      p->aAcc[i].zReason = xstrdup(zReason);
    } else {
      free(p->aAcc[i].zKey);
      p->aAcc[i] = p->aAcc[--p->nAcc];
    }
    return 0;
  }
  if (!zReason) return 0;
  p->aAcc = xrealloc(p->aAcc, (size_t)(p->nAcc + 1) * sizeof *p->aAcc);
  p->aAcc[p->nAcc].zKey = xstrdup(zKey);
  p->aAcc[p->nAcc].zReason = xstrdup(zReason);
  p->nAcc++;
  return 0;
}

const char *report_accepted(const Report *p, const char *zKey) {
  for (int i = 0; i < p->nAcc; i++)
    if (!strcmp(p->aAcc[i].zKey, zKey)) return p->aAcc[i].zReason;
  return NULL;
}

/* ---------------------------------------------------------- checking */

/* How terms are named in a check's message: by row (all terms share a
** column), by column (all share a row) or in full. */
enum { NAME_ROW, NAME_COL, NAME_FULL };

/* NAME_ROW, NAME_COL or NAME_FULL for check k (see above). */
static int naming(const RfFormat *f, const RfCheck *k) {
  int iT0 = -1, iR0 = -1, iC0 = -1, bRow = 1, bCol = 1, n = 0;
  for (int s = 0; s < 2; s++) {
    const RfTerm *a = s ? k->aRhs : k->aLhs;
    int na = s ? k->nRhs : k->nLhs;
    for (int i = 0; i < na; i++) {
      int t = 0, r = 0, c = 0;
      rf_cell_locate(f, a[i].iCell, &t, &r, &c);
      if (n++ == 0) { iT0 = t; iR0 = r; iC0 = c; continue; }
      if (t != iT0 || r != iR0) bRow = 0;
      if (t != iT0 || c != iC0) bCol = 0;
    }
  }
  if (iT0 >= 0 && (bCol || f->aTable[iT0].nCol == 1)) return NAME_ROW;
  if (bRow) return NAME_COL;
  return NAME_FULL;
}

/* A term's name in a message; zContext is the check's context, which makes
** a column group prefix redundant. */
static char *term_name(const RfFormat *f, int iCell, int eName, int iYear,
                       const char *zContext) {
  int t = 0, r = 0, c = 0;
  char *z, *zOut;
  rf_cell_locate(f, iCell, &t, &r, &c);
  const RfColumn *col = &f->aTable[t].aCol[c];
  if (eName == NAME_ROW) z = xstrdup(f->aTable[t].aRow[r].zShort);
  else if (eName == NAME_COL && col->zGroup && zContext &&
           !strcmp(col->zGroup, zContext))
    z = xstrdup(col->zLabel);
  else if (eName == NAME_COL) z = xstrdup(col->zShow);
  else z = rf_cell_name(f, iCell);
  zOut = iYear < 0 ? mprintf("上年%s", z) : xstrdup(z);
  free(z);
  return zOut;
}

/* One evaluated side. */
typedef struct Side {
  long long sum;
  int bBlank;          /* some term blank */
  int bSkip;           /* a previous-year term cannot be resolved */
  long long *aVal;     /* per term value (0 for blank) */
  int *aSet;           /* per term: 1 value, 0 blank, 2 covered by group */
} Side;

/* Value of a previous-year term: same ids in the previous report. */
static int prev_value(const Report *p, const Report *pPrev, int iCell,
                      long long *pV, int *pbSkip) {
  int t = 0, r = 0, c = 0, k;
  const RfTable *tab;
  if (!pPrev) { *pbSkip = 1; return 0; }
  rf_cell_locate(p->pFmt, iCell, &t, &r, &c);
  tab = &p->pFmt->aTable[t];
  k = rf_cell(pPrev->pFmt, tab->zId, tab->aRow[r].zId, tab->aCol[c].zId);
  if (k < 0) { *pbSkip = 1; return 0; }
  return report_get(pPrev, k, pV);
}

/*
** A group row given as one number (e.g. （六）其他处理 of an older report
** read into the 2021 grid, whose 1/2/3 children stay blank) stands for the
** sum of its children when every child is blank and every child appears in
** this side with the same sign.  Returns 1 and the group value, once.
*/
static int group_value(const Report *p, const RfTerm *a, int n, int iTerm,
                       int *aUsedGroup, int *pnUsed, long long *pV) {
  const RfFormat *f = p->pFmt;
  int t = 0, r = 0, c = 0;
  rf_cell_locate(f, a[iTerm].iCell, &t, &r, &c);
  const RfTable *tab = &f->aTable[t];
  int par = tab->aRow[r].iParent;
  if (par < 0 || tab->aRow[par].bData) return 0;
  int iGroup = tab->iCell0 + par * tab->nCol + c;
  if (!report_get(p, iGroup, pV)) return 0;
  for (int k = 0; k < *pnUsed; k++)
    if (aUsedGroup[k] == iGroup) { *pV = 0; return 1; }
  for (int ch = par + 1; ch < tab->nRow && tab->aRow[ch].iDepth >
                                              tab->aRow[par].iDepth; ch++) {
    if (tab->aRow[ch].iParent != par) continue;
    int iCh = tab->iCell0 + ch * tab->nCol + c, bIn = 0;
    if (report_get(p, iCh, NULL)) return 0;
    for (int k = 0; k < n; k++)
      if (a[k].iCell == iCh && a[k].iYear == 0 &&
          a[k].sign == a[iTerm].sign)
        bIn = 1;
    if (!bIn) return 0;
  }
  aUsedGroup[(*pnUsed)++] = iGroup;
  return 1;
}

/* 1 when a blank cell is one of the blank children of a group row that was
** given as a single number (the group stands for them, see group_value). */
static int covered_by_group(const Report *p, int iCell) {
  const RfFormat *f = p->pFmt;
  int t = 0, r = 0, c = 0;
  rf_cell_locate(f, iCell, &t, &r, &c);
  const RfTable *tab = &f->aTable[t];
  int par = tab->aRow[r].iParent;
  if (par < 0 || tab->aRow[par].bData) return 0;
  if (!report_get(p, tab->iCell0 + par * tab->nCol + c, NULL)) return 0;
  for (int ch = par + 1; ch < tab->nRow && tab->aRow[ch].iDepth >
                                              tab->aRow[par].iDepth; ch++)
    if (tab->aRow[ch].iParent == par &&
        report_get(p, tab->iCell0 + ch * tab->nCol + c, NULL))
      return 0;
  return 1;
}

/* Evaluates the n terms of one side into s (free with side_free()). */
static void side_eval(const Report *p, const Report *pPrev, const RfTerm *a,
                      int n, Side *s) {
  int *aUsed = xmalloc((size_t)(n + 1) * sizeof(int)), nUsed = 0;
  memset(s, 0, sizeof *s);
  s->aVal = xmalloc((size_t)(n + 1) * sizeof *s->aVal);
  s->aSet = xmalloc((size_t)(n + 1) * sizeof *s->aSet);
  for (int i = 0; i < n; i++) {
    long long v = 0;
    int bSet;
    if (a[i].iYear < 0) {
      bSet = prev_value(p, pPrev, a[i].iCell, &v, &s->bSkip);
    } else {
      bSet = report_get(p, a[i].iCell, &v);
      if (!bSet && group_value(p, a, n, i, aUsed, &nUsed, &v)) bSet = 2;
    }
    s->aSet[i] = bSet;
    s->aVal[i] = bSet ? v : 0;
    if (!bSet) s->bBlank = 1;
    s->sum += a[i].sign * s->aVal[i];
  }
  free(aUsed);
}

/* Frees the arrays of an evaluated side. */
static void side_free(Side *s) {
  free(s->aVal);
  free(s->aSet);
}

/* Appends "一(5) + 二(1) = 6" for one side. */
static void side_text(Buf *b, const Report *p, const RfTerm *a, int n,
                      const Side *s, int eName, const char *zContext) {
  char zv[32];
  int nShown = 0, nHidden = 0;
  for (int i = 0; i < n; i++) {
    if (n > 4 && s->aVal[i] == 0) { nHidden++; continue; }
    char *zName = term_name(p->pFmt, a[i].iCell, eName, a[i].iYear,
                                zContext);
    if (nShown) buf_puts(b, a[i].sign < 0 ? " - " : " + ");
    else if (a[i].sign < 0) buf_puts(b, "-");
    buf_printf(b, "%s(%s)", zName, rf_value_str(s->aVal[i], zv));
    free(zName);
    nShown++;
  }
  if (nShown == 0) {
    buf_puts(b, "各项均为0");
    return;
  }
  if (nHidden) buf_puts(b, "（其余为0）");
  if (n > 1) buf_printf(b, " = %s", rf_value_str(s->sum, zv));
}

/* Appends a zeroed issue to r and returns it. */
static RpIssue *new_issue(RpResult *r) {
  r->a = xrealloc(r->a, (size_t)(r->n + 1) * sizeof *r->a);
  RpIssue *x = &r->a[r->n++];
  memset(x, 0, sizeof *x);
  return x;
}

/* Evaluates one check and appends an issue to r when it is broken or not
** checkable; checks with an unresolvable previous-year term, or whose
** blank cells are the children of a group given as one number, add
** nothing. */
static void eval_check(const Report *p, const Report *pPrev,
                       const RfRule *pRule, const RfCheck *k, RpResult *r) {
  Side L, R;
  int ok, eName = naming(p->pFmt, k);
  side_eval(p, pPrev, k->aLhs, k->nLhs, &L);
  side_eval(p, pPrev, k->aRhs, k->nRhs, &R);
  if (L.bSkip || R.bSkip) goto done;
  if (L.bBlank || R.bBlank) {
    /* checks on the children of a group given as one row are moot */
    int bMoot = 1;
    for (int s = 0; s < 2 && bMoot; s++) {
      const RfTerm *a = s ? k->aRhs : k->aLhs;
      const Side *sd = s ? &R : &L;
      int na = s ? k->nRhs : k->nLhs;
      for (int i = 0; i < na && bMoot; i++)
        if (!sd->aSet[i] && (a[i].iYear || !covered_by_group(p, a[i].iCell)))
          bMoot = 0;
    }
    if (bMoot) goto done;
  }
  if (L.bBlank || R.bBlank) {
    RpIssue *x = new_issue(r);
    Buf b = BUF_INIT;
    int nb = 0;
    x->pRule = pRule;
    x->pCheck = k;
    x->zKey = xstrdup(k->zKey);
    x->eStatus = RP_BLANK;
    x->eSeverity = pRule->eSeverity;
    x->aCell = xmalloc((size_t)(k->nLhs + k->nRhs + 1) * sizeof(int));
    if (k->zContext[0]) buf_printf(&b, "%s：", k->zContext);
    for (int s = 0; s < 2; s++) {
      const RfTerm *a = s ? k->aRhs : k->aLhs;
      const Side *sd = s ? &R : &L;
      int na = s ? k->nRhs : k->nLhs;
      for (int i = 0; i < na; i++) {
        if (sd->aSet[i]) continue;
        char *zName = term_name(p->pFmt, a[i].iCell, eName, a[i].iYear,
                                k->zContext);
        buf_printf(&b, "%s%s", nb++ ? "、" : "", zName);
        free(zName);
        if (a[i].iYear == 0) x->aCell[x->nCell++] = a[i].iCell;
      }
    }
    buf_puts(&b, " 为空，无法核对");
    x->zMsg = buf_steal(&b);
    r->nBlank++;
    goto done;
  }
  ok = k->op == RF_EQ ? L.sum == R.sum
       : k->op == RF_LE ? L.sum <= R.sum : L.sum >= R.sum;
  if (!ok) {
    RpIssue *x = new_issue(r);
    Buf b = BUF_INIT;
    x->pRule = pRule;
    x->pCheck = k;
    x->zKey = xstrdup(k->zKey);
    x->eSeverity = pRule->eSeverity;
    x->lhs = L.sum;
    x->rhs = R.sum;
    x->aCell = xmalloc((size_t)(k->nLhs + k->nRhs + 1) * sizeof(int));
    for (int i = 0; i < k->nLhs; i++)
      if (!k->aLhs[i].iYear) x->aCell[x->nCell++] = k->aLhs[i].iCell;
    for (int i = 0; i < k->nRhs; i++)
      if (!k->aRhs[i].iYear) x->aCell[x->nCell++] = k->aRhs[i].iCell;
    if (k->zContext[0]) buf_printf(&b, "%s：", k->zContext);
    side_text(&b, p, k->aLhs, k->nLhs, &L, eName, k->zContext);
    buf_puts(&b, k->op == RF_EQ ? "，但 " : k->op == RF_LE ? "，大于 "
                                                          : "，小于 ");
    side_text(&b, p, k->aRhs, k->nRhs, &R, eName, k->zContext);
    x->zMsg = buf_steal(&b);
    x->zReason = report_accepted(p, k->zKey);
    if (x->zReason) {
      x->eStatus = RP_ACCEPTED;
      r->nAccepted++;
    } else {
      x->eStatus = RP_BROKEN;
      if (pRule->eSeverity == RF_WARNING) r->nWarning++;
      else r->nBroken++;
    }
  }
done:
  side_free(&L);
  side_free(&R);
}

/* The per-cell type rule: integers where the type is not decimal,
** non-negative where it is not signed.  One issue per offending cell. */
static void eval_cell_types(const Report *p, const RfRule *pRule,
                            RpResult *r) {
  for (int i = 0; i < p->pFmt->nCell; i++) {
    long long v;
    const char *zWhy = NULL;
    if (!report_get(p, i, &v)) continue;
    int eType = rf_cell_type(p->pFmt, i);
    if (eType != RF_DECIMAL && v % RF_SCALE) zWhy = "应为整数";
    else if (eType != RF_SIGNED && v < 0) zWhy = "不能为负数";
    if (!zWhy) continue;
    RpIssue *x = new_issue(r);
    char *zId = rf_cell_id(p->pFmt, i), *zName = rf_cell_name(p->pFmt, i);
    char zv[32];
    x->pRule = pRule;
    x->zKey = mprintf("%s[%s]", pRule->zId, zId);
    x->eSeverity = pRule->eSeverity;
    x->lhs = v;
    x->aCell = xmalloc(sizeof(int));
    x->aCell[x->nCell++] = i;
    x->zMsg = mprintf("%s(%s)%s", zName, rf_value_str(v, zv), zWhy);
    x->zReason = report_accepted(p, x->zKey);
    if (x->zReason) { x->eStatus = RP_ACCEPTED; r->nAccepted++; }
    else {
      x->eStatus = RP_BROKEN;
      if (pRule->eSeverity == RF_WARNING) r->nWarning++;
      else r->nBroken++;
    }
    free(zId);
    free(zName);
  }
}

/* 1 when every term of k lies in row iRow of table iTab (this year). */
static int check_in_row(const RfFormat *f, const RfCheck *k, int iTab,
                        int iRow) {
  for (int s = 0; s < 2; s++) {
    const RfTerm *a = s ? k->aRhs : k->aLhs;
    int na = s ? k->nRhs : k->nLhs;
    for (int i = 0; i < na; i++) {
      int t = -1, r = -1;
      rf_cell_locate(f, a[i].iCell, &t, &r, NULL);
      if (a[i].iYear || t != iTab || r != iRow) return 0;
    }
  }
  return 1;
}

/*
** A group row given as one number (（六）其他处理 of an older report in the
** 2021 grid) gets the row checks of its first child, moved to its own row:
** "R2[results.other]" checks its 总计 against its applicant columns.  The
** issues have pCheck NULL (the moved check is temporary).
*/
static void eval_group_rows(const Report *p, const Report *pPrev,
                            RpResult *r) {
  const RfFormat *f = p->pFmt;
  for (int t = 0; t < f->nTable; t++) {
    const RfTable *tab = &f->aTable[t];
    for (int g = 0; g + 1 < tab->nRow; g++) {
      int bAny = 0, ch = g + 1;
      if (tab->aRow[g].bData || tab->aRow[g].nChild == 0) continue;
      for (int c = 0; c < tab->nCol; c++)
        if (report_get(p, tab->iCell0 + g * tab->nCol + c, NULL)) bAny = 1;
      if (!bAny) continue;
      for (int i = 0; i < f->nRule; i++) {
        const RfRule *ru = &f->aRule[i];
        if (ru->eKind != RF_RULE_FORMULA) continue;
        for (int k = 0; k < ru->nCheck; k++) {
          const RfCheck *ck = &ru->aCheck[k];
          if (!check_in_row(f, ck, t, ch)) continue;
          RfCheck tmp = *ck;
          int shift = (g - ch) * tab->nCol, n0 = r->n;
          char *zOld = mprintf("[%s]", tab->aRow[ch].zId);
          char *zAt = strstr(ck->zKey, zOld);
          size_t nCtx = strlen(ck->zContext);
          tmp.aLhs = xmalloc((size_t)(ck->nLhs + 1) * sizeof(RfTerm));
          tmp.aRhs = xmalloc((size_t)(ck->nRhs + 1) * sizeof(RfTerm));
          for (int j = 0; j < ck->nLhs; j++) {
            tmp.aLhs[j] = ck->aLhs[j];
            tmp.aLhs[j].iCell += shift;
          }
          for (int j = 0; j < ck->nRhs; j++) {
            tmp.aRhs[j] = ck->aRhs[j];
            tmp.aRhs[j].iCell += shift;
          }
          if (zAt) {
            Buf key = BUF_INIT;
            buf_append(&key, ck->zKey, (size_t)(zAt - ck->zKey));
            buf_printf(&key, "[%s]%s", tab->aRow[g].zId, zAt + strlen(zOld));
            tmp.zKey = buf_steal(&key);
          } else {
            tmp.zKey = mprintf("%s@%s", ck->zKey, tab->aRow[g].zId);
          }
          tmp.zContext = nCtx >= 3 && !strcmp(ck->zContext + nCtx - 3, "行")
                             ? mprintf("%s行", tab->aRow[g].zShort)
                             : xstrdup(ck->zContext);
          eval_check(p, pPrev, ru, &tmp, r);
          for (int j = n0; j < r->n; j++) r->a[j].pCheck = NULL;
          free(tmp.aLhs);
          free(tmp.aRhs);
          free(tmp.zKey);
          free(tmp.zContext);
          free(zOld);
        }
      }
    }
  }
}

int report_check(const Report *p, const Report *pPrev, RpResult *pOut) {
  const RfFormat *f = p->pFmt;
  memset(pOut, 0, sizeof *pOut);
  for (int i = 0; i < f->nRule; i++) {
    const RfRule *pRule = &f->aRule[i];
    if (pRule->eKind == RF_RULE_CELL_TYPES) {
      eval_cell_types(p, pRule, pOut);
      continue;
    }
    if (pRule->eKind != RF_RULE_FORMULA) continue;
    if (pRule->bCrossYear && !pPrev) continue;
    for (int k = 0; k < pRule->nCheck; k++)
      eval_check(p, pPrev, pRule, &pRule->aCheck[k], pOut);
  }
  eval_group_rows(p, pPrev, pOut);
  return pOut->n;
}

void rp_result_free(RpResult *r) {
  for (int i = 0; i < r->n; i++) {
    free(r->a[i].zKey);
    free(r->a[i].aCell);
    free(r->a[i].zMsg);
  }
  free(r->a);
  memset(r, 0, sizeof *r);
}

/* -------------------------------------------------------------- JSON */

/* Parses "t3[new][total]" into a cell index, or -1. */
static int cell_from_id(const RfFormat *f, const char *z) {
  char zT[128], zR[128], zC[128];
  if (sscanf(z, "%127[^[][%127[^]]][%127[^]]]", zT, zR, zC) != 3) return -1;
  return rf_cell(f, zT, zR, zC);
}

int report_from_json(const RfSet *pSet, const char *zJson,
                     const char *zFormat, Report **pp, char **pzErr) {
  json_error_t jerr;
  json_t *root = json_loads(zJson, 0, &jerr), *tables, *tv, *rv, *cv, *x;
  const char *zT, *zR, *zC;
  const RfFormat *f;
  Report *p;
  *pp = NULL;
  *pzErr = NULL;
  if (!root) {
    *pzErr = mprintf("JSON 格式错误（第%d行）：%s", jerr.line, jerr.text);
    return -1;
  }
  if (!json_is_object(root)) {
    json_decref(root);
    *pzErr = xstrdup("JSON 顶层应为对象");
    return -1;
  }
  if (!zFormat) zFormat = json_string_value(json_object_get(root, "format"));
  if (!zFormat) {
    json_decref(root);
    *pzErr = xstrdup("缺少 format（报告格式）");
    return -1;
  }
  f = rf_format_find(pSet, zFormat);
  if (!f) {
    *pzErr = mprintf("未知的报告格式：%s", zFormat);
    json_decref(root);
    return -1;
  }
  p = report_new(f, json_string_value(json_object_get(root, "org")),
                 (int)json_integer_value(json_object_get(root, "year")));
  tables = json_object_get(root, "tables");
  if (tables && !json_is_object(tables)) {
    *pzErr = xstrdup("tables 应为对象");
    goto fail;
  }
  json_object_foreach(tables, zT, tv) {
    const RfTable *t = rf_table_find(f, zT);
    if (!t || !json_is_object(tv)) {
      *pzErr = mprintf("格式 %s 中没有表 %s", f->zId, zT);
      goto fail;
    }
    json_object_foreach(tv, zR, rv) {
      int r = rf_row_find(t, zR);
      if (r < 0 || !json_is_object(rv)) {
        *pzErr = mprintf("表 %s 中没有行 %s", zT, zR);
        goto fail;
      }
      json_object_foreach(rv, zC, cv) {
        int c = rf_col_find(t, zC);
        int iCell = t->iCell0 + r * t->nCol + c;
        if (c < 0) {
          *pzErr = mprintf("表 %s 中没有列 %s", zT, zC);
          goto fail;
        }
        if (json_is_null(cv)) continue;
        if (json_is_integer(cv) || json_is_real(cv)) {
          double d = json_number_value(cv);
          if (!(d < (double)RF_MAX_UNITS && d > -(double)RF_MAX_UNITS)) {
            *pzErr = mprintf("%s[%s][%s] 超出范围", zT, zR, zC);
            goto fail;
          }
          if (json_is_integer(cv))
            report_set_int(p, iCell, json_integer_value(cv));
          else
            report_set(p, iCell, llround(d * RF_SCALE));
        } else {
          *pzErr = mprintf("%s[%s][%s] 应为数字或 null", zT, zR, zC);
          goto fail;
        }
      }
    }
  }
  json_object_foreach(json_object_get(root, "reasons"), zC, x) {
    int iCell = cell_from_id(f, zC);
    if (iCell < 0 || !json_is_string(x)) {
      *pzErr = mprintf("reasons 中的单元格无效：%s", zC);
      goto fail;
    }
    report_set_reason(p, iCell, json_string_value(x));
  }
  json_object_foreach(json_object_get(root, "accepted"), zC, x) {
    if (!json_is_string(x)) {
      *pzErr = mprintf("accepted 中 %s 的理由应为字符串", zC);
      goto fail;
    }
    report_accept(p, zC, json_string_value(x));
  }
  json_decref(root);
  *pp = p;
  return 0;
fail:
  json_decref(root);
  report_free(p);
  return -1;
}

char *report_to_json(const Report *p) {
  const RfFormat *f = p->pFmt;
  json_t *root = json_object(), *tables = json_object(), *reasons = NULL;
  char *z;
  json_object_set_new(root, "format", json_string(f->zId));
  json_object_set_new(root, "org", p->zOrg ? json_string(p->zOrg)
                                           : json_null());
  json_object_set_new(root, "year", json_integer(p->iYear));
  for (int i = 0; i < f->nTable; i++) {
    const RfTable *t = &f->aTable[i];
    json_t *tv = json_object();
    for (int r = 0; r < t->nRow; r++) {
      int bAny = 0;
      for (int c = 0; c < t->nCol; c++)
        if (p->aCell[t->iCell0 + r * t->nCol + c].bSet) bAny = 1;
      if (!t->aRow[r].bData && !bAny) continue;
      json_t *rv = json_object();
      for (int c = 0; c < t->nCol; c++) {
        const RpCell *cell = &p->aCell[t->iCell0 + r * t->nCol + c];
        json_t *v;
        if (!cell->bSet) v = json_null();
        else if (cell->v % RF_SCALE)
          v = json_real((double)cell->v / (double)RF_SCALE);
        else v = json_integer(cell->v / RF_SCALE);
        json_object_set_new(rv, t->aCol[c].zId, v);
        if (cell->zReason) {
          if (!reasons) reasons = json_object();
          char *zId = rf_cell_id(f, t->iCell0 + r * t->nCol + c);
          json_object_set_new(reasons, zId, json_string(cell->zReason));
          free(zId);
        }
      }
      json_object_set_new(tv, t->aRow[r].zId, rv);
    }
    json_object_set_new(tables, t->zId, tv);
  }
  json_object_set_new(root, "tables", tables);
  if (reasons) json_object_set_new(root, "reasons", reasons);
  if (p->nAcc) {
    json_t *acc = json_object();
    for (int i = 0; i < p->nAcc; i++)
      json_object_set_new(acc, p->aAcc[i].zKey,
                          json_string(p->aAcc[i].zReason));
    json_object_set_new(root, "accepted", acc);
  }
  z = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER |
                           JSON_REAL_PRECISION(12));
  json_decref(root);
  return z;
}
