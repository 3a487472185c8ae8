/*
** table.c — CSV and XLSX sheets of text cells (see table.h).  The XLSX
** side reads the SpreadsheetML XML with a small tag scanner (no XML
** library: only <row>, <c>, <v>, <is>, <t>, <si> and <rPh> matter) and
** writes with libxlsxwriter.
*/
#include "lib/zipmem.h"
#include "lib/table.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>
#include <zip.h>

#include "lib/gb18030.h"
#include "lib/utf8.h"

/* Largest uncompressed XML part we read from an XLSX (zip-bomb guard). */
#define XLSX_PART_MAX (64u * 1024 * 1024)
/* Most columns a row may have (XFD is 16384). */
#define TABLE_COL_MAX 16384

TableRow *table_add_row(Arena *a, Table *t, int iLine, const char **azCell,
                        int n) {
  ARENA_PUSH(a, t->aRow, t->nRow, t->nRowAlloc);
  TableRow *row = &t->aRow[t->nRow++];
  row->iLine = iLine;
  row->nCell = n;
  row->azCell = arena_alloc(a, sizeof(char *) * (size_t)(n ? n : 1));
  for (int i = 0; i < n; i++)
    row->azCell[i] = arena_strdup(a, azCell[i] ? azCell[i] : "");
  return row;
}

/* 1 when every cell of the row is empty. */
static int row_blank(const char **az, int n) {
  for (int i = 0; i < n; i++)
    if (az[i] && az[i][0]) return 0;
  return 1;
}

/* ---- CSV -------------------------------------------------------------- */

/* Picks ',' or '\t' by counting both outside quotes in the first record. */
static char csv_sniff(const char *p, size_t n) {
  int nTab = 0, nComma = 0, inQ = 0;
  for (size_t i = 0; i < n; i++) {
    char c = p[i];
    if (c == '"') inQ = !inQ;
    else if (!inQ && (c == '\n' || c == '\r')) break;
    else if (!inQ && c == '\t') nTab++;
    else if (!inQ && c == ',') nComma++;
  }
  return nTab > nComma ? '\t' : ',';
}

int table_read_csv(Arena *a, const char *p, size_t n, Table *t,
                   const char **pzErr) {
  memset(t, 0, sizeof *t);
  t->zFormat = "csv";
  if (n >= 3 && !memcmp(p, "\xEF\xBB\xBF", 3)) {
    p += 3;
    n -= 3;
  } else if (!utf8_valid(p, n)) {
    size_t nConv;
    char *z = gb18030_to_utf8(a, p, n, &nConv);
    if (!z) {
      *pzErr = "文件编码无法识别：请在 Excel 或 WPS 中另存为“CSV UTF-8（逗号分隔）”后再导入";
      return -1;
    }
    p = z;
    n = nConv;
    t->zFormat = "csv-gb18030";
  }
  if (memchr(p, 0, n)) {
    *pzErr = "文件含有空字符，不是文本格式的 CSV 文件";
    return -1;
  }
  char sep = csv_sniff(p, n);
  if (sep == '\t' && !strcmp(t->zFormat, "csv")) t->zFormat = "tsv";
  const char **azCell = NULL;
  int nCell = 0, nCellAlloc = 0;
  Buf cell = BUF_INIT;
  int iLine = 1, iRowLine = 1;
  size_t i = 0;
  int rc = 0;
  while (i <= n) {
    /* One field. */
    buf_reset(&cell);
    buf_puts(&cell, "");
    if (i < n && p[i] == '"') {
      i++;
      for (;;) {
        if (i >= n) {
          *pzErr = arena_printf(a, "第%d行开始的引号没有闭合", iRowLine);
          rc = -1;
          goto done;
        }
        if (p[i] == '"') {
          if (i + 1 < n && p[i + 1] == '"') {
            buf_putc(&cell, '"');
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (p[i] == '\n') iLine++;
        else if (p[i] == '\r' && !(i + 1 < n && p[i + 1] == '\n')) iLine++;
        buf_putc(&cell, p[i++]);
      }
      /* After the closing quote: separator, line end or end of input;
      ** anything else is kept (lenient, as spreadsheets are). */
      while (i < n && p[i] != sep && p[i] != '\n' && p[i] != '\r')
        buf_putc(&cell, p[i++]);
    } else {
      while (i < n && p[i] != sep && p[i] != '\n' && p[i] != '\r')
        buf_putc(&cell, p[i++]);
    }
    ARENA_PUSH(a, azCell, nCell, nCellAlloc);
    azCell[nCell++] = arena_strndup(a, cell.z ? cell.z : "", cell.n);
    if (i < n && p[i] == sep) {
      i++;
      continue;
    }
    /* Record end: CRLF, CR, LF or the end of the input. */
    if (i < n && p[i] == '\r') {
      i++;
      if (i < n && p[i] == '\n') i++;
    } else if (i < n && p[i] == '\n') {
      i++;
    }
    if (nCell > TABLE_COL_MAX) {
      *pzErr = arena_printf(a, "第%d行的列数超过上限", iRowLine);
      rc = -1;
      goto done;
    }
    if (!row_blank(azCell, nCell)) table_add_row(a, t, iRowLine, azCell, nCell);
    nCell = 0;
    iLine++;
    iRowLine = iLine;
    if (i >= n) break;
  }
done:
  buf_free(&cell);
  return rc;
}

void table_write_csv(const Table *t, Buf *b) {
  buf_puts(b, "\xEF\xBB\xBF");
  for (int r = 0; r < t->nRow; r++) {
    const TableRow *row = &t->aRow[r];
    for (int c = 0; c < row->nCell; c++) {
      if (c) buf_putc(b, ',');
      buf_csv(b, row->azCell[c]);
    }
    buf_puts(b, "\r\n");
  }
}

void table_write_tsv(const Table *t, Buf *b) {
  for (int r = 0; r < t->nRow; r++) {
    const TableRow *row = &t->aRow[r];
    for (int c = 0; c < row->nCell; c++) {
      const char *z = row->azCell[c];
      if (c) buf_putc(b, '\t');
      int formula = csv_formula_start(z);
      if (!strpbrk(z, "\t\r\n") && z[0] != '"' && !formula) {
        buf_puts(b, z);
        continue;
      }
      buf_puts(b, formula ? "\"'" : "\"");
      for (; *z; z++) {
        if (*z == '"') buf_putc(b, '"');
        buf_putc(b, *z);
      }
      buf_putc(b, '"');
    }
    buf_putc(b, '\n');
  }
}

/* ---- XLSX reading ----------------------------------------------------- */

/* Reads the archive member zName into the arena (NUL-terminated); NULL when
** absent or too large. */
/* 1 when an entry inflates past XLSX_PART_MAX (a zip bomb) or an XML
** part starts with a DTD (entity expansion; OPC parts never have one). */
static int xlsx_hostile(zip_t *z) {
  zip_int64_t nEntry = zip_get_num_entries(z, 0);
  if (nEntry > 10000) return 1;
  for (zip_int64_t i = 0; i < nEntry; i++) {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(z, (zip_uint64_t)i, 0, &st) || !(st.valid & ZIP_STAT_SIZE)) continue;
    if (st.size > XLSX_PART_MAX) return 1;
    char aHead[1024];
    zip_file_t *f = zip_fopen_index(z, (zip_uint64_t)i, 0);
    if (!f) continue;
    zip_int64_t k = zip_fread(f, aHead, sizeof aHead);
    zip_fclose(f);
    if (k > 0 && (memmem(aHead, (size_t)k, "<!DOCTYPE", 9) ||
                  memmem(aHead, (size_t)k, "<!ENTITY", 8)))
      return 1;
  }
  return 0;
}

static char *zip_part(Arena *a, zip_t *z, const char *zName, size_t *pn) {
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat(z, zName, 0, &st) || !(st.valid & ZIP_STAT_SIZE) ||
      st.size > XLSX_PART_MAX)
    return NULL;
  zip_file_t *f = zip_fopen(z, zName, 0);
  if (!f) return NULL;
  char *p = arena_alloc(a, (size_t)st.size + 1);
  zip_int64_t got = zip_fread(f, p, st.size);
  zip_fclose(f);
  if (got < 0 || (zip_uint64_t)got != st.size) return NULL;
  p[st.size] = 0;
  *pn = (size_t)st.size;
  return p;
}

/* Appends XML text p[0..n) to b with entities and OOXML _xHHHH_ escapes
** decoded. */
static void xml_text(Buf *b, const char *p, size_t n) {
  for (size_t i = 0; i < n;) {
    if (p[i] == '&') {
      const char *semi = memchr(p + i, ';', n - i);
      if (semi && semi - (p + i) <= 10) {
        size_t k = (size_t)(semi - (p + i));
        const char *e = p + i + 1;
        uint32_t cp = 0;
        if (!strncmp(e, "lt;", 3)) cp = '<';
        else if (!strncmp(e, "gt;", 3)) cp = '>';
        else if (!strncmp(e, "amp;", 4)) cp = '&';
        else if (!strncmp(e, "quot;", 5)) cp = '"';
        else if (!strncmp(e, "apos;", 5)) cp = '\'';
        else if (e[0] == '#')
          cp = (uint32_t)(e[1] == 'x' ? strtoul(e + 2, NULL, 16)
                                      : strtoul(e + 1, NULL, 10));
        if (cp && cp < 0x110000) {
          char z[4];
          buf_append(b, z, (size_t)utf8_encode(cp, z));
          i += k + 1;
          continue;
        }
      }
    } else if (p[i] == '_' && i + 6 < n && p[i + 1] == 'x' && p[i + 6] == '_') {
      char zHex[5];
      memcpy(zHex, p + i + 2, 4);
      zHex[4] = 0;
      char *zEnd;
      unsigned long cp = strtoul(zHex, &zEnd, 16);
      if (*zEnd == 0) {
        char z[4];
        buf_append(b, z, (size_t)utf8_encode((uint32_t)cp, z));
        i += 7;
        continue;
      }
    }
    buf_putc(b, p[i++]);
  }
}

/* One tag found by xml_next(). */
typedef struct XTag {
  const char *zStart;  /* the '<' */
  const char *zName;   /* points into the document (not terminated) */
  size_t nName;
  const char *zAttr;   /* attribute text */
  size_t nAttr;
  int bClose;          /* </x> */
  int bEmpty;          /* <x/> */
  const char *zAfter;  /* first byte after '>' */
} XTag;

/* Finds the next element tag at or after p; skips comments, processing
** instructions and declarations.  Returns 0 at the end. */
static int xml_next(const char *p, const char *end, XTag *t) {
  for (;;) {
    const char *lt = memchr(p, '<', (size_t)(end - p));
    if (!lt) return 0;
    if (lt + 1 < end && (lt[1] == '?' || lt[1] == '!')) {
      const char *gt = memchr(lt, '>', (size_t)(end - lt));
      if (!gt) return 0;
      p = gt + 1;
      continue;
    }
    const char *gt = memchr(lt, '>', (size_t)(end - lt));
    if (!gt) return 0;
    const char *s = lt + 1;
    t->zStart = lt;
    t->bClose = *s == '/';
    if (t->bClose) s++;
    /* Drop a namespace prefix (x:row). */
    const char *nm = s;
    while (s < gt && *s != ' ' && *s != '/' && *s != '\t' && *s != '\n' &&
           *s != '\r')
      s++;
    const char *colon = memchr(nm, ':', (size_t)(s - nm));
    t->zName = colon ? colon + 1 : nm;
    t->nName = (size_t)(s - t->zName);
    t->zAttr = s;
    t->bEmpty = gt > lt && gt[-1] == '/';
    t->nAttr = (size_t)(gt - s) - (t->bEmpty ? 1 : 0);
    t->zAfter = gt + 1;
    return 1;
  }
}

/* 1 when the tag's local name (prefix dropped) is z. */
static int tag_is(const XTag *t, const char *z) {
  return t->nName == strlen(z) && !memcmp(t->zName, z, t->nName);
}

/* Value of attribute zName in the tag, copied into z[nz]; 0 when absent. */
static int tag_attr(const XTag *t, const char *zName, char *z, size_t nz) {
  size_t n = strlen(zName);
  const char *p = t->zAttr, *end = t->zAttr + t->nAttr;
  while (p < end) {
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
      p++;
    const char *k = p;
    while (p < end && *p != '=' && *p != ' ') p++;
    size_t nk = (size_t)(p - k);
    if (p >= end || *p != '=') return 0;
    p++;
    if (p >= end || (*p != '"' && *p != '\'')) return 0;
    char q = *p++;
    const char *v = p;
    while (p < end && *p != q) p++;
    if (nk == n && !memcmp(k, zName, n)) {
      size_t nv = (size_t)(p - v);
      if (nv >= nz) nv = nz - 1;
      memcpy(z, v, nv);
      z[nv] = 0;
      return 1;
    }
    if (p < end) p++;
  }
  return 0;
}

/* Shared strings: every <si>, text of its <t> runs outside <rPh>. */
static int read_shared(Arena *a, const char *p, size_t n, const char ***paz,
                       int *pn) {
  const char *end = p + n;
  XTag t;
  const char **az = NULL;
  int nz = 0, nAlloc = 0, inSi = 0, inRph = 0;
  Buf b = BUF_INIT;
  while (xml_next(p, end, &t)) {
    p = t.zAfter;
    if (tag_is(&t, "si")) {
      if (!t.bClose) {
        inSi = 1;
        buf_reset(&b);
        if (t.bEmpty) {
          ARENA_PUSH(a, az, nz, nAlloc);
          az[nz++] = "";
          inSi = 0;
        }
      } else {
        ARENA_PUSH(a, az, nz, nAlloc);
        az[nz++] = arena_strndup(a, b.z ? b.z : "", b.n);
        inSi = 0;
      }
    } else if (tag_is(&t, "rPh")) {
      inRph = !t.bClose && !t.bEmpty;
    } else if (tag_is(&t, "t") && !t.bClose && !t.bEmpty && inSi && !inRph) {
      XTag t2;
      if (!xml_next(p, end, &t2)) break;
      xml_text(&b, p, (size_t)(t2.zStart - p));
      p = t2.zAfter;
    }
  }
  buf_free(&b);
  *paz = az;
  *pn = nz;
  return 0;
}

/* Column index (0-based) of a cell reference "BC12"; -1 when none. */
static int ref_col(const char *z) {
  int c = 0, any = 0;
  for (; *z >= 'A' && *z <= 'Z'; z++) {
    c = c * 26 + (*z - 'A' + 1);
    any = 1;
    if (c > TABLE_COL_MAX) return -1;
  }
  return any ? c - 1 : -1;
}

int table_read_xlsx(Arena *a, const void *pData, size_t nData, Table *t,
                    const char **pzErr) {
  memset(t, 0, sizeof *t);
  t->zFormat = "xlsx";
  zip_t *z = zip_open_memory(pData, nData);
  if (!z) {
    *pzErr = "无法打开 XLSX 文件：文件已损坏或不是 Excel 工作簿";
    return -1;
  }
  if (xlsx_hostile(z)) {
    zip_close(z);
    *pzErr = "XLSX 文件含有超大部件或 DTD 声明（疑似压缩炸弹或 XML 炸弹），不予导入";
    return -1;
  }
  size_t nSheet = 0, nShared = 0;
  char *zSheet = zip_part(a, z, "xl/worksheets/sheet1.xml", &nSheet);
  if (!zSheet) {
    zip_int64_t nEnt = zip_get_num_entries(z, 0);
    const char *zBest = NULL;
    for (zip_int64_t i = 0; i < nEnt; i++) {
      const char *zn = zip_get_name(z, (zip_uint64_t)i, 0);
      if (zn && !strncmp(zn, "xl/worksheets/", 14) && !strchr(zn + 14, '/') &&
          (!zBest || strcmp(zn, zBest) < 0))
        zBest = zn;
    }
    if (zBest) zSheet = zip_part(a, z, zBest, &nSheet);
  }
  char *zShared = zip_part(a, z, "xl/sharedStrings.xml", &nShared);
  zip_close(z);
  if (!zSheet) {
    *pzErr = "XLSX 文件中没有找到工作表";
    return -1;
  }
  const char **azShared = NULL;
  int nSh = 0;
  if (zShared) read_shared(a, zShared, nShared, &azShared, &nSh);

  const char *p = zSheet, *end = zSheet + nSheet;
  XTag tg;
  const char **azCell = NULL;
  int nCell = 0, nCellAlloc = 0, iRow = 0, inRow = 0, iCol = 0;
  char zType[16] = "";
  int inCell = 0, inIs = 0, bHasVal = 0;
  Buf val = BUF_INIT;
  while (xml_next(p, end, &tg)) {
    p = tg.zAfter;
    if (tag_is(&tg, "row")) {
      if (!tg.bClose) {
        char zr[16];
        iRow = tag_attr(&tg, "r", zr, sizeof zr) ? atoi(zr) : iRow + 1;
        nCell = 0;
        iCol = 0;
        inRow = 1;
      }
      if (tg.bClose || tg.bEmpty) {
        if (!row_blank(azCell, nCell)) table_add_row(a, t, iRow, azCell, nCell);
        inRow = 0;
        nCell = 0;
      }
    } else if (tag_is(&tg, "c") && inRow) {
      if (!tg.bClose) {
        char zr[32];
        int c = tag_attr(&tg, "r", zr, sizeof zr) ? ref_col(zr) : iCol;
        if (c < 0 || c >= TABLE_COL_MAX) {
          *pzErr = arena_printf(a, "第%d行的单元格位置无效", iRow);
          buf_free(&val);
          return -1;
        }
        iCol = c;
        if (!tag_attr(&tg, "t", zType, sizeof zType)) strcpy(zType, "n");
        buf_reset(&val);
        bHasVal = 0;
        inCell = !tg.bEmpty;
      }
      if (tg.bClose || tg.bEmpty) {
        const char *zv = "";
        if (bHasVal) {
          buf_putc(&val, 0);
          val.n--;
          zv = val.z;
          if (!strcmp(zType, "s")) {
            long k = strtol(zv, NULL, 10);
            zv = (k >= 0 && k < nSh) ? azShared[k] : "";
          } else if (!strcmp(zType, "b")) {
            zv = !strcmp(zv, "1") ? "TRUE" : "FALSE";
          }
        }
        while (nCell <= iCol) {
          ARENA_PUSH(a, azCell, nCell, nCellAlloc);
          azCell[nCell++] = "";
        }
        azCell[iCol] = arena_strdup(a, zv);
        iCol++;
        inCell = 0;
      }
    } else if (tag_is(&tg, "is") && inCell) {
      inIs = !tg.bClose && !tg.bEmpty;
    } else if (tag_is(&tg, "rPh") && inCell && !tg.bClose && !tg.bEmpty) {
      /* Skip phonetic runs inside an inline string. */
      XTag t2;
      while (xml_next(p, end, &t2)) {
        p = t2.zAfter;
        if (tag_is(&t2, "rPh") && t2.bClose) break;
      }
    } else if ((tag_is(&tg, "v") || (tag_is(&tg, "t") && inIs)) && inCell &&
               !tg.bClose && !tg.bEmpty) {
      XTag t2;
      if (!xml_next(p, end, &t2)) break;
      const char *close = t2.zStart;
      xml_text(&val, p, (size_t)(close - p));
      bHasVal = 1;
      p = t2.zAfter;
    }
  }
  buf_free(&val);
  return 0;
}

/* Every cell of an imported sheet must be clean text (utf8_text_problem);
** a CSV cell must not be a formula a spreadsheet would run (a leading '
** marks text that only looks like one).  XLSX cells are typed: a text
** cell is never evaluated and a formula cell is read as its cached value,
** so only the control check applies there. */
static int table_check_cells(Arena *a, const Table *t, int bCsv,
                             const char **pzErr) {
  for (int r = 0; r < t->nRow; r++) {
    const TableRow *row = &t->aRow[r];
    for (int c = 0; c < row->nCell; c++) {
      const char *z = row->azCell[c], *zWhy = utf8_text_problem(z, strlen(z));
      while (*z == ' ') z++;
      if (!zWhy && bCsv && csv_formula_start(z))
        zWhy = "以 = + - @ 开头的内容会被电子表格当作公式执行，"
               "请删除该符号，或在前面加英文单引号 '";
      if (zWhy) {
        *pzErr = arena_printf(a, "第%d行第%d列：%s", row->iLine, c + 1, zWhy);
        return -1;
      }
    }
  }
  return 0;
}

int table_read(Arena *a, const void *p, size_t n, Table *t,
               const char **pzErr) {
  int rc;
  if (n >= 4 && !memcmp(p, "PK\x03\x04", 4)) {
    rc = table_read_xlsx(a, p, n, t, pzErr);
    return rc ? rc : table_check_cells(a, t, 0, pzErr);
  }
  if (n >= 8 && !memcmp(p, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)) {
    memset(t, 0, sizeof *t);
    *pzErr = "不支持旧版 Excel（.xls）文件：请另存为 .xlsx 或 CSV 后再导入";
    return -1;
  }
  rc = table_read_csv(a, p, n, t, pzErr);
  return rc ? rc : table_check_cells(a, t, 1, pzErr);
}

/* ---- XLSX writing ----------------------------------------------------- */

/* 1 when z should be written as a number: 1-9 digits, no leading zero. */
static int small_integer(const char *z) {
  size_t n = strlen(z);
  if (n == 0 || n > 9 || (z[0] == '0' && n > 1)) return 0;
  for (size_t i = 0; i < n; i++)
    if (z[i] < '0' || z[i] > '9') return 0;
  return 1;
}

int table_write_xlsx(const Table *t, const char *zSheet, Buf *b,
                     const char **pzErr) {
  const char *zDir = getenv("TMPDIR");
  char zPath[512];
  snprintf(zPath, sizeof zPath, "%s/gongkai-xlsx-XXXXXX",
           zDir && zDir[0] ? zDir : "/tmp");
  int fd = mkstemp(zPath);
  if (fd < 0) {
    *pzErr = "无法创建临时文件";
    return -1;
  }
  close(fd);
  lxw_workbook *wb = workbook_new(zPath);
  if (!wb) {
    unlink(zPath);
    *pzErr = "无法创建 XLSX 文件";
    return -1;
  }
  lxw_worksheet *ws = workbook_add_worksheet(wb, zSheet);
  lxw_format *bold = workbook_add_format(wb);
  format_set_bold(bold);
  lxw_format *text = workbook_add_format(wb);
  format_set_num_format(text, "@");
  format_set_text_wrap(text);
  for (int r = 0; r < t->nRow; r++) {
    const TableRow *row = &t->aRow[r];
    for (int c = 0; c < row->nCell; c++) {
      const char *z = row->azCell[c];
      if (!z[0]) continue;
      if (r > 0 && small_integer(z))
        worksheet_write_number(ws, (lxw_row_t)r, (lxw_col_t)c, atof(z), NULL);
      else
        worksheet_write_string(ws, (lxw_row_t)r, (lxw_col_t)c, z,
                               r == 0 ? bold : text);
    }
  }
  if (t->nRow > 0) worksheet_freeze_panes(ws, 1, 0);
  lxw_error err = workbook_close(wb);
  if (err != LXW_NO_ERROR) {
    unlink(zPath);
    *pzErr = "写入 XLSX 文件失败";
    return -1;
  }
  FILE *f = fopen(zPath, "rb");
  int rc = 0;
  if (!f) {
    rc = -1;
  } else {
    char aBuf[8192];
    size_t got;
    while ((got = fread(aBuf, 1, sizeof aBuf, f)) > 0) buf_append(b, aBuf, got);
    if (ferror(f)) rc = -1;
    fclose(f);
  }
  unlink(zPath);
  if (rc) *pzErr = "读取生成的 XLSX 文件失败";
  return rc;
}
