/*
** register_csv.c — reads the register CSV a clerk saves from Excel or WPS
** into rows (see register_csv.h for what is accepted).  The bytes become
** cells in lib/table; this file reads the cells: columns, header, numbers
** and categories.
*/
#include "core/register_csv.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "lib/buf.h"
#include "lib/date.h"
#include "lib/table.h"
#include "lib/utf8.h"

/* The tables of report table 二 whose rows are register kinds (decisions,
** fees, procurement); their rows' ids are the kinds' codes and their
** labels the kinds' Chinese names. */
static const char *const azRegTable[] = {"t2_art20_5", "t2_art20_6",
                                         "t2_art20_8", "t2_art20_9", NULL};

/* The columns, for messages. */
static const char *const azColName[] = {"单位", "年度", "类别", "件数",
                                        "金额（万元）", "年末事项数"};

int regcsv_kinds(const RfFormat *pFmt, const char **azKind,
                 const char **azLabel, int nMax) {
  int n = 0;
  for (int t = 0; pFmt && azRegTable[t]; t++) {
    const RfTable *pTab = rf_table_find(pFmt, azRegTable[t]);
    for (int i = 0; pTab && i < pTab->nRow && n < nMax; i++) {
      if (azKind) azKind[n] = pTab->aRow[i].zId;
      if (azLabel) azLabel[n] = pTab->aRow[i].zLabel ? pTab->aRow[i].zLabel : "";
      n++;
    }
  }
  return n;
}

const char *regcsv_kind(const RfFormat *pFmt, const char *zText,
                        const char **pzLabel) {
  for (int t = 0; pFmt && zText && zText[0] && azRegTable[t]; t++) {
    const RfTable *pTab = rf_table_find(pFmt, azRegTable[t]);
    if (!pTab) continue;
    int i = rf_row_find(pTab, zText);
    if (i < 0) i = rf_row_find_label(pTab, zText);
    if (i < 0) continue;
    if (pzLabel) *pzLabel = pTab->aRow[i].zLabel ? pTab->aRow[i].zLabel : "";
    return pTab->aRow[i].zId;
  }
  return NULL;
}

/* ---- Cells ----------------------------------------------------------- */

/* z trimmed of white space at both ends (utf8_is_space: U+3000 too). */
static const char *trim(Arena *a, const char *z) {
  size_t n = strlen(z), i = 0;
  int len;
  while (i < n && utf8_is_space(utf8_decode(z + i, n - i, &len))) i += (size_t)len;
  size_t e = n;
  while (e > i) {
    size_t k = e - 1;
    while (k > i && ((unsigned char)z[k] & 0xC0) == 0x80) k--;
    if (!utf8_is_space(utf8_decode(z + k, e - k, &len))) break;
    e = k;
  }
  return arena_strndup(a, z + i, e - i);
}

/* A cell as meant: trimmed, Excel's ="…" unwrapped. */
static const char *cell_text(Arena *a, const char *z) {
  z = trim(a, z);
  size_t n = strlen(z);
  if (n >= 3 && z[0] == '=' && z[1] == '"' && z[n - 1] == '"')
    z = trim(a, arena_strndup(a, z + 2, n - 3));
  return z;
}

/* A number cell in ASCII: full-width digits, ． and ＋－ made ASCII,
** thousands separators dropped when they group by three ("1,234.5");
** anything else is left for rf_value_parse to refuse. */
static const char *number_text(Arena *a, const char *z) {
  Buf b = BUF_INIT;
  size_t n = strlen(z), i = 0;
  while (i < n) {
    int len;
    uint32_t c = utf8_decode(z + i, n - i, &len);
    if (c >= 0xFF01 && c <= 0xFF5E) buf_putc(&b, (char)(c - 0xFF01 + 0x21));
    else buf_append(&b, z + i, (size_t)len);
    i += (size_t)len;
  }
  char *zA = arena_strndup(a, b.z ? b.z : "", b.n);
  buf_free(&b);
  /* Thousands separators: digits, then ",ddd" groups, then the rest. */
  const char *s = zA;
  if (*s == '-' || *s == '+') s++;
  size_t nLead = strspn(s, "0123456789");
  if (nLead >= 1 && nLead <= 3 && s[nLead] == ',') {
    const char *q = s + nLead;
    while (q[0] == ',' && strspn(q + 1, "0123456789") == 3 &&
           (q[4] == ',' || q[4] == '.' || q[4] == 0))
      q += 4;
    if (*q != ',' && (*q == 0 || *q == '.')) {
      Buf o = BUF_INIT;
      for (const char *t = zA; *t; t++)
        if (*t != ',') buf_putc(&o, *t);
      zA = arena_strndup(a, o.z ? o.z : "", o.n);
      buf_free(&o);
    }
  }
  return zA;
}

/* ---- Lines ----------------------------------------------------------- */

/* The cells of one line: full-width commas split cells, trailing empty
** cells beyond the fifth dropped.  Returns the count; *paz in the arena. */
static int line_cells(Arena *a, const TableRow *row, const char ***paz) {
  const char **az = NULL;
  int n = 0, nAlloc = 0;
  for (int c = 0; c < row->nCell; c++) {
    const char *z = row->azCell[c], *q;
    while ((q = strstr(z, "\xEF\xBC\x8C")) != NULL) {   /* U+FF0C ， */
      ARENA_PUSH(a, az, n, nAlloc);
      az[n++] = cell_text(a, arena_strndup(a, z, (size_t)(q - z)));
      z = q + 3;
    }
    ARENA_PUSH(a, az, n, nAlloc);
    az[n++] = cell_text(a, z);
  }
  while (n > 5 && !az[n - 1][0]) n--;
  *paz = az;
  return n;
}

/* 1 when the cells look like a header line: the year column is a word. */
static int is_header(const char **az, int n) {
  static const char *const azWord[] = {"年度", "年份", "年", "year", NULL};
  if (n < 2) return 0;
  for (int i = 0; azWord[i]; i++)
    if (!strcasecmp(az[1], azWord[i])) return 1;
  return 0;
}

/* Sets the error for line iLine, column iCol (0-based; -1: the line). */
static int fail(Arena *a, RegCsv *p, int iLine, int iCol, const char *zWhy) {
  p->iErrLine = iLine;
  p->zErr = iCol < 0 ? arena_printf(a, "第 %d 行：%s", iLine, zWhy)
                     : arena_printf(a, "第 %d 行第 %d 列（%s）：%s", iLine,
                                    iCol + 1, azColName[iCol], zWhy);
  p->nRow = 0;
  return -1;
}

/* Reads a whole number >= 0 from cell z into *pv (whole units); 0 or -1. */
static int whole_number(Arena *a, const char *z, long long *pv) {
  long long v;
  if (rf_value_parse(number_text(a, z), &v) || v < 0 || v % RF_SCALE) return -1;
  *pv = v / RF_SCALE;
  return 0;
}

/* Reads one data line into a row; 0 or -1 (error set). */
static int read_line(Arena *a, RegCsv *p, int iLine, const char **az, int n,
                     const RfFormat *pFmt, RegCsvRow *pRow) {
  memset(pRow, 0, sizeof *pRow);
  pRow->iLine = iLine;
  pRow->items = -1;
  if (n != 5 && n != 6)
    return fail(a, p, iLine, -1,
                arena_printf(a, "应有 5 或 6 列（单位,年度,类别,件数,金额（万元）"
                                "[,年末事项数]），实际 %d 列", n));
  if (!az[0][0]) return fail(a, p, iLine, 0, "单位不能为空");
  pRow->zOrg = az[0];
  pRow->year = year_parse(number_text(a, az[1]));
  if (pRow->year < 1990 || pRow->year > 2999)
    return fail(a, p, iLine, 1, "年度应为四位数字，如 2025");
  pRow->zKind = regcsv_kind(pFmt, az[2], &pRow->zKindLabel);
  if (!pRow->zKind) {
    const char *azL[16];
    int nK = regcsv_kinds(pFmt, NULL, azL, 16);
    Buf b = BUF_INIT;
    for (int k = 0; k < nK; k++) buf_printf(&b, "%s%s", k ? "、" : "", azL[k]);
    int rc = fail(a, p, iLine, 2,
                  arena_printf(a, "类别无法识别，应为%s之一", b.z ? b.z : ""));
    buf_free(&b);
    return rc;
  }
  if (az[3][0] && whole_number(a, az[3], &pRow->count))
    return fail(a, p, iLine, 3, "件数应为非负整数");
  if (az[4][0] && (rf_value_parse(number_text(a, az[4]), &pRow->amount) ||
                   pRow->amount < 0))
    return fail(a, p, iLine, 4, "金额应为不小于 0 的数（万元，至多四位小数）");
  if (n == 6 && az[5][0] && whole_number(a, az[5], &pRow->items))
    return fail(a, p, iLine, 5, "年末事项数应为非负整数");
  return 0;
}

/* Reads the bytes into a table of cells: XLSX by its signature, else CSV
** (with lib/table's encoding fallback); 0 or -1 (error set). */
static int read_table(Arena *a, const char *p, size_t n, Table *t,
                      RegCsv *pOut) {
  const char *zErr = NULL;
  if (n >= 2 && (!memcmp(p, "\xFF\xFE", 2) || !memcmp(p, "\xFE\xFF", 2))) {
    pOut->zErr = "文件是 UTF-16 编码（Excel 的“Unicode 文本”）：请在 Excel 或 WPS "
                 "中另存为“CSV UTF-8（逗号分隔）”后再导入";
    return -1;
  }
  int bXlsx = n >= 4 && !memcmp(p, "PK\x03\x04", 4);
  int rc = bXlsx ? table_read(a, p, n, t, &zErr)
                 : table_read_csv(a, p, n, t, &zErr);
  if (rc) {
    pOut->zErr = zErr ? zErr : "文件无法读取";
    return -1;
  }
  pOut->zEncoding = bXlsx ? "XLSX"
                    : !strcmp(t->zFormat, "csv-gb18030") ? "GB18030" : "UTF-8";
  /* Controls and the like are refused in every cell (XLSX: table_read). */
  for (int r = 0; !bXlsx && r < t->nRow; r++)
    for (int c = 0; c < t->aRow[r].nCell; c++) {
      const char *z = t->aRow[r].azCell[c];
      const char *zWhy = utf8_text_problem(z, strlen(z));
      if (zWhy) {
        pOut->iErrLine = t->aRow[r].iLine;
        pOut->zErr = arena_printf(a, "第 %d 行：%s", t->aRow[r].iLine, zWhy);
        return -1;
      }
    }
  return 0;
}

int regcsv_parse(Arena *a, const char *p, size_t n, const RfFormat *pFmt,
                 RegCsv *pOut) {
  Table t;
  memset(pOut, 0, sizeof *pOut);
  if (read_table(a, p, n, &t, pOut)) return -1;
  for (int r = 0; r < t.nRow; r++) {
    const char **az;
    int nCell = line_cells(a, &t.aRow[r], &az), bBlank = 1;
    for (int c = 0; c < nCell; c++)
      if (az[c][0]) bBlank = 0;
    if (bBlank) continue;
    if (!pOut->nRow && !pOut->bHeader && is_header(az, nCell)) {
      pOut->bHeader = 1;
      continue;
    }
    ARENA_PUSH(a, pOut->aRow, pOut->nRow, pOut->nRowAlloc);
    if (read_line(a, pOut, t.aRow[r].iLine, az, nCell, pFmt,
                  &pOut->aRow[pOut->nRow]))
      return -1;
    pOut->nRow++;
  }
  if (!pOut->nRow) {
    pOut->zErr = "文件中没有数据行（每行：单位,年度,类别,件数,金额（万元）"
                 "[,年末事项数]）";
    return -1;
  }
  return 0;
}
