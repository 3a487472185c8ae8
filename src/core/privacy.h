/*
** privacy.h — the privacy scanner used by the secrecy review (保密审查)
** before publication, and the masking (去标识化) of what it finds.
**
** privacy_scan() looks through UTF-8 text for personal identifiers:
** identity numbers (18-digit and old 15-digit), mobile and landline
** numbers, bank card numbers, e-mail addresses, credit codes, person
** names and home addresses (also numbers a line break or spaces split).  It reports each one with its byte offset and length in the
** ORIGINAL text, the matched text, a context excerpt and a suggested mask.
** The reviewer chooses which findings to mask; privacy_apply_masks() then
** produces the de-identified text.  Deciding what must be masked (Art. 15
** of the Regulation, 惩戒公示 exceptions ...) is the reviewer's job, not this
** module's, and nothing here touches the database.
**
** Matching rules (see privacy.c for the details and known limits):
**  - Digits are matched on folded text (full-width ０-９ and Ｘ count) but
**    offsets always refer to the original bytes.
**  - A number must be a whole run of digits: 20 digits are never an
**    identity number, and an 18-digit identity number inside a 19-digit run
**    is not reported (the run may be a bank card if it passes Luhn).  Credit
**    codes must be a whole run of ASCII letters and digits.
**  - Only numbers that pass their check are reported, except that an
**    18-character identity number with a plausible region and a real birth
**    date but a wrong check character is reported with PRIVACY_CONF_LOW
**    (a mistyped identity number still identifies a person).
**  - Findings never overlap; the longer match wins, then the stronger kind
**    (id_number > credit_code > bank_card > e-mail > mobile > landline >
**    id_number_15 > low-confidence id_number > person_name).  They are
**    returned in order of offset.
**
** Pure functions: no I/O, no globals, thread-safe.  Any byte sequence is
** accepted; invalid UTF-8 bytes are treated as single unknown characters.
*/
#ifndef GK_PRIVACY_H
#define GK_PRIVACY_H

#include <stddef.h>

/* Largest input privacy_scan() accepts (bytes).  The scanner keeps two
** 4-byte entries per character, so this bounds its memory to ~8x this. */
#define PRIVACY_MAX_INPUT (8u * 1024u * 1024u)

/* Return codes. */
enum {
  PRIVACY_OK = 0,
  PRIVACY_E_TOO_BIG = -1  /* input longer than PRIVACY_MAX_INPUT */
};

/* Kinds of finding.  privacy_kind_name() gives the stable English name used
** in the API and the database, privacy_kind_label() the Chinese label. */
typedef enum PrivacyKind {
  PRIVACY_ID_NUMBER = 1,  /* 18-character identity number */
  PRIVACY_ID_NUMBER_15,   /* old 15-digit identity number */
  PRIVACY_MOBILE,         /* mainland mobile number */
  PRIVACY_LANDLINE,       /* landline with area code */
  PRIVACY_BANK_CARD,      /* 16-19 digits passing Luhn */
  PRIVACY_EMAIL,          /* e-mail address */
  PRIVACY_CREDIT_CODE,    /* unified social credit code */
  PRIVACY_PERSON_NAME,    /* a Chinese person name (heuristic) */
  PRIVACY_SECRECY_MARK,   /* a classification or release mark (密级标志,
                          ** 内部, 此件不公开 …): privacy_marks_scan() */
  PRIVACY_ADDRESS         /* a person's home address (heuristic) */
} PrivacyKind;

#define PRIVACY_KIND_MAX PRIVACY_ADDRESS  /* highest PrivacyKind value */

/* How sure the scanner is. */
typedef enum PrivacyConf {
  PRIVACY_CONF_HIGH = 3,   /* a check character passed (Luhn with a
                           ** known issuer prefix for bank cards) */
  PRIVACY_CONF_MEDIUM = 2, /* structure only: phones, e-mail, 15-digit id,
                           ** Luhn without a known issuer prefix, a name
                           ** after a label such as 姓名： */
  PRIVACY_CONF_LOW = 1     /* id with a wrong check character; a name
                           ** found only next to another finding */
} PrivacyConf;

/* One finding.  All strings are owned by the PrivacyResult. */
typedef struct PrivacyFinding {
  PrivacyKind eKind;  /* what was found */
  PrivacyConf eConf;  /* how sure */
  size_t iOffset;     /* byte offset of the match in the original text */
  size_t nLen;        /* byte length of the match in the original text */
  char *zMatch;       /* copy of the original bytes [iOffset, iOffset+nLen) */
  char *zContext;     /* original text from ~15 characters before to ~15
                      ** after the match, never splitting a UTF-8 character */
  char *zMask;        /* suggested replacement, e.g. 640302********1234 */
} PrivacyFinding;

/* The scanner's output: findings ordered by iOffset, non-overlapping. */
typedef struct PrivacyResult {
  PrivacyFinding *aFinding; /* array of nFinding entries (NULL when 0) */
  size_t nFinding;          /* number of findings */
} PrivacyResult;

/* Scanner options; a NULL pointer means all defaults (all zero).  The
** options only filter the output: overlaps are resolved, and names next to
** other findings are looked for, as if every kind were reported. */
typedef struct PrivacyOptions {
  int iToday;          /* today as YYYYMMDD: later birth dates are rejected;
                       ** 0 skips that test */
  unsigned mSkip;      /* kinds NOT to report: bit (1u << PrivacyKind) */
  int bNoLowConf;      /* 1: drop PRIVACY_CONF_LOW findings */
} PrivacyOptions;

/* Scans z[0..n) and fills *pRes (which the caller provides; it is
** overwritten).  z need not be NUL-terminated and may hold any bytes.
** Returns PRIVACY_OK, or PRIVACY_E_TOO_BIG with an empty result.  The
** caller releases the result with privacy_result_free().  Allocation
** failure aborts (xmalloc). */
int privacy_scan(const char *z, size_t n, const PrivacyOptions *pOpt,
                 PrivacyResult *pRes);

/* Frees everything privacy_scan() stored in *pRes and empties it.  Safe on
** an empty or already freed result. */
void privacy_result_free(PrivacyResult *pRes);

/* Returns a new NUL-terminated copy of z[0..n) in which the byte range of
** each of the nFinding findings in aFinding is replaced by its zMask (an
** empty mask deletes the range; a NULL zMask becomes one '*' per
** character).  aFinding need not be sorted; a finding that overlaps an
** earlier-starting one or lies outside z[0..n) is ignored.  When pnOut is
** not NULL it receives the result's length.  The caller frees the result;
** allocation failure aborts. */
char *privacy_apply_masks(const char *z, size_t n,
                          const PrivacyFinding *aFinding, size_t nFinding,
                          size_t *pnOut);

/* 1 when finding f is a telephone number (mobile or landline) or an e-mail
** address that is one of the contacts in zKnown (NULL or "" for none) —
** e.g. the organisation's own published phone, fax and e-mail, which stay
** in what it publishes: the same digits however written ("0955-5021796",
** "(0955)5021796"), the same address ignoring case.  0 for other kinds. */
int privacy_is_known_contact(const PrivacyFinding *f, const char *zKnown);

/* Classification and release marks (保密审查 is more than Art. 17's personal
** data: Art. 17 and the State Secrets Law).  Reports, as findings of kind
** PRIVACY_SECRECY_MARK (confidence high, no mask — a mark is not masked
** away, the reviewer records a decision):
**  - a level next to a star, anywhere: ★秘密, ★机密, ★绝密, and the
**    GB/T 9704 form 秘密★, 机密★10年, 绝密★长期 (the period included);
**  - a line that consists only of marks (after brackets （）()〔〕【】[],
**    stars, spaces and punctuation are set aside): 内部, 内部资料, 内部文件,
**    注意保密, 此件不公开, 不予公开, 秘密, 机密, 绝密 — so the words inside
**    running text ("内部审计", "（三）不予公开" in a report table) are not.
** Same contract as privacy_scan() (PRIVACY_E_TOO_BIG over the limit);
** findings in order of offset. */
int privacy_marks_scan(const char *z, size_t n, PrivacyResult *pRes);

/* "id_number", "id_number_15", "mobile", "landline", "bank_card", "email",
** "credit_code", "person_name", "secrecy_mark", "address"; "unknown" for
** other values.  Static. */
const char *privacy_kind_name(PrivacyKind e);

/* 身份证号, 身份证号（15位）, 手机号码, 固定电话, 银行卡号, 电子邮箱,
** 统一社会信用代码, 姓名, 密级或发布标记, 住址.  Static strings. */
const char *privacy_kind_label(PrivacyKind e);

/* The kind whose privacy_kind_name() is zName, or 0 when none. */
PrivacyKind privacy_kind_from_name(const char *zName);

#endif
