/*
** catalogue.h — the disclosure catalogue's rules, with no I/O: the item
** record, the closed value sets (lists, the 13 channels, the 15 items of
** Art. 20, the withholding grounds of Arts. 14-16, modes, audiences), item
** validation, and the mapping between a sheet of cells (lib/table.h) and
** items for import and export, with its header-alias table and per-row,
** per-column error report.
**
** Memory: strings in records and reports live in the Arena passed in (or
** are static); nothing here frees.
*/
#ifndef GK_CATALOGUE_H
#define GK_CATALOGUE_H

#include <stdint.h>

#include "lib/arena.h"
#include "lib/table.h"

/* One catalogue item (目录事项).  Empty strings, never NULL, once filled. */
typedef struct CatItem {
  int64_t id;
  int64_t orgId;
  const char *zList;        /* "proactive" | "on_request" | "negative" */
  int seq;                  /* 序号; 0: not set (the store appends) */
  const char *zLevel1;      /* 一级事项 */
  const char *zLevel2;      /* 二级事项 */
  const char *zContent;     /* 公开内容（要素） */
  const char *zBasis;       /* 公开依据 */
  const char *zTimeLimit;   /* 公开时限 */
  const char *zDept;        /* 公开主体 / 负责科室 */
  const char *zResponsible; /* 责任人 */
  const char *zPhone;       /* 联系电话 */
  unsigned channels;        /* set of CAT_CH_* bits (公开渠道 checklist) */
  const char *zChannelText; /* carriers as written; "" when the set says all */
  const char *zAudience;    /* "" | "all" 全社会 | "group" 特定群体 */
  const char *zMode;        /* "" | "proactive" | "on_request" | "withheld" */
  const char *zFrequency;   /* 更新频率, free text (实时, 每月 …) */
  const char *zTier;        /* 公开层级 (县级, 乡级 …) */
  const char *zReview;      /* 审核程序 (科室审核→保密审查→领导审批 …) */
  int art20;                /* Art. 20 item 1..15; 0 none */
  int bNeedsInterp;         /* 1: its policies need a 解读 (Issue 3) */
  const char *zCode;        /* short code for index-number templates */
  const char *zGround;      /* negative list: ground code (CatGround) */
  const char *zNote;        /* 备注 */
} CatItem;

/* Fills every string of *p with "" and the rest with zeros. */
void cat_item_init(CatItem *p);

/* ---- Lists ---- */
/* 1 when z is one of the three list codes. */
int cat_list_valid(const char *z);
/* 主动公开基本目录 / 依申请公开目录 / 负面清单; "" for an unknown code. */
const char *cat_list_label(const char *zList);
/* The three codes in display order, NULL-terminated. */
extern const char *const azCatList[];

/* ---- Channels (公开渠道): the 13 of the Issue, in this order ---- */
#define CAT_NCHANNEL 13
typedef struct CatChannel {
  const char *zCode;        /* "website" */
  const char *zLabel;       /* "政府网站" */
} CatChannel;
extern const CatChannel aCatChannel[CAT_NCHANNEL];
/* Parses stored codes "website,new_media" (unknown codes ignored). */
unsigned cat_channels_from_codes(const char *z);
/* Codes of a set in canonical order, comma-separated, in the arena. */
char *cat_channels_codes(Arena *a, unsigned set);
/* Labels of a set joined with zSep ("、"), in the arena. */
char *cat_channels_labels(Arena *a, unsigned set, const char *zSep);
/* The set a free-text carrier list ("县卫生计生局网站、…微信公众号")
** belongs to, by keywords; a token matching nothing counts as 其他. */
unsigned cat_channels_infer(const char *zText);
/* Parses a list of exact labels or codes separated by 、,，;；/ or
** spaces.  Returns the set, or -1 when a token is unknown (*pzBad then
** points to a copy of it in the arena). */
long cat_channels_parse_labels(Arena *a, const char *z, const char **pzBad);

/* ---- Art. 20 (regulation.md §1.2) ---- */
/* The official title of item i (1..15), or NULL. */
const char *cat_art20_title(int i);
/* "（一）" … "（十五）" for 1..15, or "". */
const char *cat_art20_numeral(int i);
/* "（一）行政法规、规章和规范性文件" for 1..15, "" for 0, in the arena. */
char *cat_art20_label(Arena *a, int i);
/* Parses "（一）", "(一)…", "第二十条第（一）项", "一", "1" or an exact
** title.  Returns 1..15, 0 for an empty cell, -1 when not understood. */
int cat_art20_parse(const char *z);

/* ---- Withholding grounds (Arts. 14-16; regulation.md §1.1) ---- */
typedef struct CatGround {
  const char *zCode;        /* "state_secret" */
  const char *zLabel;       /* "第十四条：国家秘密" */
} CatGround;
#define CAT_NGROUND 7
extern const CatGround aCatGround[CAT_NGROUND];
/* Label of a ground code, "" for "" or unknown. */
const char *cat_ground_label(const char *zCode);
/* Code for a label, a code, or text naming one ground by its keywords
** (国家秘密, 商业秘密, 过程性 …); "" for empty; NULL when unknown. */
const char *cat_ground_parse(const char *z);

/* ---- Modes and audiences ---- */
const char *cat_mode_label(const char *zMode);     /* 主动公开 … or "" */
const char *cat_mode_parse(const char *z);         /* code, "" or NULL */
const char *cat_audience_label(const char *zAud);  /* 全社会 / 特定群体 */
const char *cat_audience_parse(const char *z);     /* code, "" or NULL */
/* 是/否/需要/不需要/Y/N/1/0/TRUE/FALSE/√/""; returns 1, 0 or -1. */
int cat_yesno_parse(const char *z);
/* 1 when z is a valid category code: 0-16 of [A-Za-z0-9_-]. */
int cat_code_valid(const char *z);

/* Checks an item before it is stored.  Returns NULL when acceptable, else
** a Chinese message (static or in the arena) naming the field. */
const char *cat_item_validate(Arena *a, const CatItem *p);

/* ---- Import and export columns ---- */
typedef enum CatField {
  CF_SEQ, CF_LEVEL1, CF_LEVEL2, CF_CONTENT, CF_BASIS, CF_TIME_LIMIT, CF_DEPT,
  CF_RESPONSIBLE, CF_PHONE, CF_CHANNEL_TEXT, CF_CHANNELS, CF_AUDIENCE,
  CF_MODE, CF_FREQUENCY, CF_TIER, CF_REVIEW, CF_ART20, CF_INTERP, CF_CODE, CF_GROUND,
  CF_NOTE, CF__COUNT
} CatField;
/* The header the export writes for f (公开内容（要素） …). */
const char *cat_field_header(CatField f);
/* The field a header cell names (aliases included: 类别 → 一级事项,
** 公开形式 → 公开方式, 责任科室负责人 → 责任人 …), or -1. */
int cat_header_match(const char *zHeader);

/* One line of an import report. */
typedef struct CatMsg {
  int iLine;                /* file line/row; 0 for the file as a whole */
  int iCol;                 /* 1-based column; 0 for the whole row */
  int bWarning;             /* 1: reported, does not block */
  const char *zMsg;         /* Chinese, complete sentence */
} CatMsg;

/* The result of mapping a sheet to items. */
typedef struct CatImport {
  CatItem *aItem;           /* rows without errors, in file order */
  int nItem, nItemAlloc;
  CatMsg *aMsg;             /* the report, in file order */
  int nMsg, nMsgAlloc;
  int nRow;                 /* data rows read (header excluded) */
  int nBadRow;              /* data rows with at least one error */
  int nFileError;           /* errors no option can skip (bad header) */
  int nColError;            /* unknown columns (ignored when skipping) */
  int aFieldCol[CF__COUNT]; /* 0-based column of each field, -1 if absent */
} CatImport;

/* Maps t (first row = header) to items of list zList for organisation
** orgId.  Never fails: every problem becomes a message.  Cells are trimmed;
** a leading ' before = + - @ (added by spreadsheet-safe CSV export) is
** dropped. */
void cat_import_map(Arena *a, const Table *t, const char *zList,
                    int64_t orgId, CatImport *ci);
/* 1 when the import may be stored: no file errors, at least one good row,
** and (bSkipBad or no row/column errors). */
int cat_import_ok(const CatImport *ci, int bSkipBad);
/* "A", "B" … "Z", "AA": spreadsheet letters of 0-based column iCol. */
const char *cat_col_letters(Arena *a, int iCol);
/* The report as plain text lines (for the CLI), in the arena. */
char *cat_import_report_text(Arena *a, const CatImport *ci);

/* The export sheet: header row then one row per item (every field). */
void cat_export_table(Arena *a, const CatItem *aItem, int n, Table *t);
/* The export sheet with only the columns named in zColumns (comma-separated
** headers or aliases, written as given: "序号,类别,公开内容,公开形式" gives
** back a file laid out like seed 000's).  Returns NULL, or a Chinese
** message naming an unknown column. */
const char *cat_export_columns(Arena *a, const CatItem *aItem, int n,
                               const char *zColumns, Table *t);

#endif
