/*
** report_format.h — annual-report formats as data: parse a format
** definition (JSON text in the schema of data/report_formats.json) into
** tables, columns, row trees and consistency rules, and look things up by id
** or by (normalised) label.
**
** The engine never knows a cell by name: everything comes from the data
** files, and a new format is a new data file (data/report_format*.json).
**
** Schema (one file holds {"formats": [FORMAT, ...]}):
**   FORMAT  {id, title, document_number, first_used_for_report_year,
**            last_used_for_report_year, sections[], tables[], rules[]}
**   SECTION {id, title, kind, tables[]}
**   TABLE   {id, section, caption, columns[], rows[]}
**   COLUMN  {id, label, group: null | "text" | ["outer", "inner"],
**            type: "integer" (default) | "signed" | "decimal"}
**   ROW     {id, label (null allowed), data: bool, children[],
**            unit: "件" (extension, optional),
**            type: as COLUMN.type, overrides the column's (extension)}
**   RULE    {id, status, text, formula,
**            severity: "error" (default) | "warning"   (extension),
**            check: "cell_types"                       (extension)}
** Formula syntax (the parts after ';' are prose and ignored):
**   [for each column c [in T.columns]:] | [for each data row r in T:] |
**   [for g in [a, b]:]   SUM OP SUM   [, for v in {a, b}]
**   OP is ==, <= or >=; SUM is terms joined by + and -, with parentheses;
**   a term is T[row][col] optionally followed by (year Y) / (Y) / (Y-1).
**   A dotted index component equal to a list variable is replaced by the
**   value (g.total -> review.total).  An index that names no row/column and
**   is a single lower-case letter is a free variable ranging over all
**   columns (in column position) or all data rows (in row position).
**   A formula that does not parse makes the rule a note (not evaluated);
**   check "cell_types" makes it the per-cell type check.
** Each rule is expanded at parse time into concrete checks (RfCheck): one
** linear (in)equation over cell indexes per value of its variables.
**
** Cells of a format are numbered 0..nCell-1: table by table, row by row
** (rows in document order, group rows included), column by column.
**
** Thread safety: an RfSet is immutable after parsing and may be shared.
*/
#ifndef GK_REPORT_FORMAT_H
#define GK_REPORT_FORMAT_H

#include <stddef.h>

#define RF_SCALE 10000LL    /* values are int64 in 1/10000 units */
#define RF_MAX_UNITS 1000000000000LL  /* |value| < 10^12 whole units, so
                                      ** sums of many cells cannot overflow */

enum { RF_INT = 0, RF_SIGNED = 1, RF_DECIMAL = 2 };   /* value types */
enum { RF_EQ = 0, RF_LE = 1, RF_GE = 2 };             /* comparison */
enum { RF_ERROR = 0, RF_WARNING = 1 };                /* rule severity */
enum { RF_RULE_FORMULA = 0, RF_RULE_CELL_TYPES = 1, RF_RULE_NOTE = 2 };

typedef struct RfColumn {
  char *zId;       /* "natural_person" */
  char *zLabel;    /* "自然人" */
  char *zGroup;    /* group path joined with "·", or NULL */
  char *zNorm;     /* rf_label_norm(zLabel) */
  char *zShow;     /* label for messages: group·label when label repeats */
  int eType;       /* RF_INT, RF_SIGNED, RF_DECIMAL */
} RfColumn;

typedef struct RfRow {
  char *zId;       /* "results.denied.state_secret" */
  char *zLabel;    /* official label, or NULL */
  char *zNorm;     /* rf_label_norm(zLabel), or NULL */
  char *zShort;    /* short name for messages: "三（七）总计", "一" */
  char *zUnit;     /* unit (stat form) or NULL */
  int bData;       /* 1 when the row holds numbers */
  int eType;       /* -1: the column's type; else RF_INT.. */
  int iParent;     /* index of parent row in the table, -1 at top */
  int nChild;      /* direct children */
  int iDepth;      /* 0 at top */
} RfRow;

typedef struct RfTable {
  char *zId;       /* "t3" */
  char *zCaption;  /* "第二十条第（一）项" or NULL */
  char *zHeadTop;  /* header over all columns ("申请人情况") or NULL */
  char *zHeadNote; /* the corner cell ("（本列数据的勾稽关系为：…）") or NULL */
  char *zSection;  /* section id */
  RfColumn *aCol;  int nCol;
  RfRow *aRow;     int nRow;   /* pre-order: a parent precedes children */
  int iCell0;      /* index of cell (row 0, col 0) in the format's grid */
} RfTable;

typedef struct RfSection {
  char *zId;       /* "s3" */
  char *zTitle;    /* "三、收到和处理政府信息公开申请情况" */
} RfSection;

typedef struct RfTerm {
  int sign;        /* +1 or -1 */
  int iCell;       /* cell index in this format */
  int iYear;       /* 0 = the report's year, -1 = the previous year */
} RfTerm;

typedef struct RfCheck {
  char *zKey;      /* "R1[natural_person]"; unique within the format */
  char *zContext;  /* "自然人列" / "一行" / "行政复议" or "" */
  int op;          /* RF_EQ, RF_LE, RF_GE: lhs OP rhs */
  RfTerm *aLhs;    int nLhs;
  RfTerm *aRhs;    int nRhs;
} RfCheck;

typedef struct RfRule {
  char *zId;       /* "R1" */
  char *zStatus;   /* provenance text, may be NULL */
  char *zText;     /* official wording, may be NULL */
  char *zFormula;  /* as written, may be NULL */
  int eSeverity;   /* RF_ERROR / RF_WARNING */
  int eKind;       /* RF_RULE_FORMULA / _CELL_TYPES / _NOTE */
  int bCrossYear;  /* some term refers to the previous year */
  RfCheck *aCheck; int nCheck;
} RfRule;

typedef struct RfFormat {
  char *zId;       /* "2021" */
  char *zTitle;
  char *zDocNumber;            /* may be NULL */
  int iFirstYear, iLastYear;   /* 0 when unknown / open */
  RfSection *aSection; int nSection;
  RfTable *aTable; int nTable;
  RfRule *aRule;   int nRule;
  int nCell;                   /* cells in the grid */
} RfFormat;

typedef struct RfSet {
  RfFormat *aFormat; int nFormat;
} RfSet;

/* Parses one definition file's JSON text and appends its formats to *pSet
** (which starts zeroed).  Returns 0, or -1 with a message in *pzErr (caller
** frees) and *pSet unchanged.  Duplicated format ids are an error. */
int rf_set_parse(RfSet *pSet, const char *zJson, char **pzErr);

/* Loads every embedded data file named report_format*.json.  Returns 0 or
** -1 with *pzErr (caller frees). */
int rf_set_load_builtin(RfSet *pSet, char **pzErr);

/* Frees everything the set owns and zeroes it. */
void rf_set_free(RfSet *pSet);

/* Lookup by id; NULL / -1 when absent.  Returned pointers live as long as
** the set. */
const RfFormat *rf_format_find(const RfSet *pSet, const char *zId);
const RfTable *rf_table_find(const RfFormat *pFmt, const char *zId);
int rf_row_find(const RfTable *pTab, const char *zId);
int rf_col_find(const RfTable *pTab, const char *zId);

/* Lookup by label, compared after rf_label_norm().  Returns the row or
** column index or -1. */
int rf_row_find_label(const RfTable *pTab, const char *zLabel);
int rf_col_find_label(const RfTable *pTab, const char *zLabel);

/* Cell index of T[row][col] given ids, or -1. */
int rf_cell(const RfFormat *pFmt, const char *zTable, const char *zRow,
            const char *zCol);

/* Splits a cell index into table, row and column (any pointer may be NULL).
** Returns 0, or -1 when iCell is out of range. */
int rf_cell_locate(const RfFormat *pFmt, int iCell, int *piTable, int *piRow,
                   int *piCol);

/* The value type of a cell (row type overrides column type). */
int rf_cell_type(const RfFormat *pFmt, int iCell);

/* "t3[new][total]" for a cell; caller frees. */
char *rf_cell_id(const RfFormat *pFmt, int iCell);

/* A short Chinese name for a cell: "一·自然人"; caller frees. */
char *rf_cell_name(const RfFormat *pFmt, int iCell);

/* The index of the cell whose rf_cell_id() is zId, or -1 (also for NULL). */
int rf_cell_by_id(const RfFormat *pFmt, const char *zId);

/* Normalises a label for matching: full-width to ASCII, the traditional
** forms of the labels' characters to simplified, white space and
** punctuation ((), 、 . ， “” ： etc.) dropped, a trailing parenthesised
** note (even an unclosed one) dropped when text precedes it.  Returns a new
** string the caller frees (never NULL; "" for NULL input). */
char *rf_label_norm(const char *zLabel);

/* Formats a scaled value: integers without decimals, decimals trimmed
** ("12.5").  Writes into z (at least 32 bytes); returns z. */
char *rf_value_str(long long v, char *z);

/* Parses a value typed by a person ("12", "-3", "0.25", spaces around
** allowed; at most four decimals) into *pv in RF_SCALE units.  Returns 0,
** or -1 when z is not such a number or |value| >= RF_MAX_UNITS. */
int rf_value_parse(const char *z, long long *pv);

#endif
