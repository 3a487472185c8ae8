/*
** index_number.h — index numbers (索引号): the unique, permanent identifier
** of each disclosed item (regulation.md §5).
**
** The national baseline (《政府信息公开目录系统实施指引（试行）》) writes an
** index number as "organisation code / 4-digit year - 5-digit serial", e.g.
** 01527918X/2020-00012; local schemes differ, so each organisation has a
** template.  Template language:
**
**   {org_code}    the organisation's code (normally the 9-character GB 11714
**                 code without hyphen; see ident_uscc_org_code())
**   {yyyy} {yy}   the year, 4 or 2 digits
**   {mm}          the month, 2 digits
**   {category}    a catalogue code (目录分类代码)
**   {serial}      the serial number, no padding
**   {serial:05}   the serial zero-padded to 5 digits (width 1-9; the form
**                 {serial:05d} is accepted too)
**   {{  }}        a literal '{' or '}'
**   anything else literal text (printable, no white space, no < > ")
**
** Every template must contain {serial}.  The default template is
** INDEX_NUMBER_DEFAULT_TEMPLATE.
**
** What this module does NOT do, and the store must guarantee:
**  - Uniqueness: a UNIQUE constraint on the index number column, checked in
**    the same transaction that inserts the item.
**  - Serial allocation: one counter per organisation and year when the
**    template uses {yyyy} or {yy} (serials restart each year), otherwise one
**    counter per organisation for all time (index_number_template_check()
**    reports which placeholders a template uses).  The counter is read and
**    advanced inside the inserting transaction and never goes down, so a
**    deleted item's number is never reused.
**  - Collisions with imported numbers or after a template change: on a
**    UNIQUE violation take the next serial and retry.
**  - Permanence: a published item's index number is never changed, not
**    even when its organisation or the template changes.
**
** Pure functions: no I/O, no globals, thread-safe.
*/
#ifndef GK_INDEX_NUMBER_H
#define GK_INDEX_NUMBER_H

#include <stddef.h>

#define INDEX_NUMBER_MAX 64           /* max bytes of an index number */
#define INDEX_NUMBER_TEMPLATE_MAX 128 /* max bytes of a template */
#define INDEX_NUMBER_DEFAULT_TEMPLATE "{org_code}/{yyyy}-{serial:05}"

/* Return codes. */
typedef enum IndexNumberRc {
  INDEX_NUMBER_OK = 0,
  INDEX_NUMBER_E_EMPTY = -1,       /* empty or NULL */
  INDEX_NUMBER_E_TOO_LONG = -2,    /* over INDEX_NUMBER_MAX (or template max) */
  INDEX_NUMBER_E_CHAR = -3,        /* white space, control, < > ", bad UTF-8 */
  INDEX_NUMBER_E_PLACEHOLDER = -4, /* unknown placeholder */
  INDEX_NUMBER_E_SYNTAX = -5,      /* unbalanced brace, bad serial width */
  INDEX_NUMBER_E_NO_SERIAL = -6,   /* template without {serial} */
  INDEX_NUMBER_E_VALUE = -7        /* a value needed by the template is
                                   ** missing or out of range */
} IndexNumberRc;

/* Error detail: code and a Simplified Chinese message (no freeing). */
typedef struct IndexNumberErr {
  int rc;           /* INDEX_NUMBER_OK or an INDEX_NUMBER_E_* code */
  char zMsg[160];   /* message for the user; "" on success */
} IndexNumberErr;

/* Bits reported by index_number_template_check() in *pmUses. */
#define INDEX_NUMBER_USES_ORG      0x01 /* {org_code} */
#define INDEX_NUMBER_USES_YEAR     0x02 /* {yyyy} or {yy} */
#define INDEX_NUMBER_USES_MONTH    0x04 /* {mm} */
#define INDEX_NUMBER_USES_CATEGORY 0x08 /* {category} */
#define INDEX_NUMBER_USES_SERIAL   0x10 /* {serial} (always, when valid) */

/* The values an index number is built from. */
typedef struct IndexNumberParts {
  const char *zOrgCode;  /* organisation code; needed for {org_code} */
  int iYear;             /* 1900-9999; needed for {yyyy} {yy} */
  int iMonth;            /* 1-12; needed for {mm} */
  const char *zCategory; /* catalogue code; needed for {category} */
  long long iSerial;     /* >= 1; wider than the pad width is printed in full */
} IndexNumberParts;

/* Checks template zTpl.  On success stores the INDEX_NUMBER_USES_* bits in
** *pmUses (when not NULL).  pErr may be NULL.  Returns INDEX_NUMBER_OK or an
** INDEX_NUMBER_E_* code with a message such as "未知的占位符：{day}" or
** "模板必须包含 {serial}（序号）".  Does not allocate. */
int index_number_template_check(const char *zTpl, unsigned *pmUses,
                                IndexNumberErr *pErr);

/* Expands template zTpl (NULL or "" means the default template) with the
** values in *pParts.  On success *pzOut receives a new string that the
** caller frees; it always passes index_number_check().  On error *pzOut is
** NULL and the code is returned (template errors as above;
** INDEX_NUMBER_E_VALUE when a needed value is missing or out of range, or
** a value holds a character not allowed in index numbers;
** INDEX_NUMBER_E_TOO_LONG when the result exceeds INDEX_NUMBER_MAX). */
int index_number_expand(const char *zTpl, const IndexNumberParts *pParts,
                        char **pzOut, IndexNumberErr *pErr);

/* Checks a user-supplied (imported) index number: non-empty, at most
** INDEX_NUMBER_MAX bytes, valid UTF-8 without control characters, white
** space (ASCII or Unicode) or any of < > ".  Returns INDEX_NUMBER_OK or an
** INDEX_NUMBER_E_* code.  Does not allocate. */
int index_number_check(const char *z, IndexNumberErr *pErr);

#endif
