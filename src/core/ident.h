/*
** ident.h — checks and masks for the identifiers that appear in disclosed
** documents and in applications: resident identity numbers (居民身份证号),
** unified social credit codes (统一社会信用代码, GB 32100-2015),
** organisation codes (组织机构代码, GB 11714), bank card numbers (Luhn),
** mainland mobile and landline numbers, and e-mail addresses.
**
** Everything here is a pure function: no I/O, no globals, thread-safe.
** Validators take a NUL-terminated ASCII string that the caller has already
** trimmed; they do not fold full-width characters or strip separators (use
** ident_normalize() for form input).  Finding identifiers inside running
** text is privacy.c's job; this module only says whether one string is a
** well-formed identifier and how to mask it.
**
** Errors: each validator returns IDENT_OK (0) or a negative IDENT_E_* code
** and, when pErr is not NULL, fills pErr with the code and a Simplified
** Chinese message for the user (e.g. "校验码错误，应为X").
*/
#ifndef GK_IDENT_H
#define GK_IDENT_H

#include <stddef.h>

/* Return codes shared by every validator in this module. */
typedef enum IdentRc {
  IDENT_OK = 0,
  IDENT_E_EMPTY = -1,     /* empty or NULL input */
  IDENT_E_LENGTH = -2,    /* wrong number of characters */
  IDENT_E_CHAR = -3,      /* a character outside the allowed set */
  IDENT_E_REGION = -4,    /* implausible region / administrative code */
  IDENT_E_DATE = -5,      /* birth date is not a calendar date */
  IDENT_E_FUTURE = -6,    /* birth date after "today" */
  IDENT_E_TOO_OLD = -7,   /* birth date before 1900-01-01 */
  IDENT_E_CHECK = -8,     /* check character wrong (see cExpect) */
  IDENT_E_TYPE = -9,      /* credit code: bad authority / type combination */
  IDENT_E_ORG_CODE = -10, /* credit code: embedded org code invalid */
  IDENT_E_FORMAT = -11    /* structure wrong (prefix, separator, '@' ...) */
} IdentRc;

/* Error detail for the user.  Fixed-size so that callers need not free. */
typedef struct IdentErr {
  int rc;           /* IDENT_OK or an IDENT_E_* code */
  char cExpect;     /* on IDENT_E_CHECK: the correct check character */
  char zMsg[128];   /* Simplified Chinese message; "" on success */
} IdentErr;

/* What a valid identity number tells (filled only on IDENT_OK). */
typedef struct IdentIdInfo {
  char zRegion[7];  /* 6-digit administrative division code */
  int iBirth;       /* birth date as YYYYMMDD */
  int bMale;        /* 1 male, 0 female (odd / even sequence digit) */
  int b15;          /* 1 for the old 15-digit form */
} IdentIdInfo;

/* ---- normalisation ---------------------------------------------------- */

/* Copies zIn to zOut (nOut bytes) for validation of form input: full-width
** ASCII is folded, ASCII letters are upper-cased, and spaces (incl. U+3000)
** and '-' are dropped.  Any character other than a letter or digit makes
** it fail (so it is for numbers and codes, not for e-mail addresses).
** Returns the length written (NUL-terminated), or -1 when the result would
** not fit or a character is not allowed.  Does not allocate. */
int ident_normalize(const char *zIn, char *zOut, size_t nOut);

/* ---- resident identity number ----------------------------------------- */

/* The ISO 7064 MOD 11-2 check character ('0'-'9' or 'X') for the first 17
** digits of z, or 0 when one of them is not a digit. */
char ident_id_check_char(const char *z);

/* Validates an 18-character identity number (check character X may be
** upper or lower case) or the old 15-digit form (birth date 19YYMMDD, no
** check digit).  iToday is today's date as YYYYMMDD; birth dates after it
** are rejected (pass 0 to skip that test).  Birth dates before 1900 are
** rejected.  pInfo and pErr may be NULL.  Returns IDENT_OK or IDENT_E_*. */
int ident_id_check(const char *z, int iToday, IdentIdInfo *pInfo,
                   IdentErr *pErr);

/* ---- organisation code (GB 11714) ------------------------------------- */

/* The GB 11714 check character for the 8 body characters of z (digits or
** upper-case letters): weights 3 7 9 10 5 8 4 2, 11 - sum mod 11, 10 -> 'X',
** 11 -> '0'.  Returns 0 when a body character is not allowed. */
char ident_org_code_check_char(const char *z);

/* Validates an organisation code written "XXXXXXXX-X" or "XXXXXXXXX".
** On success, when zOut is not NULL, writes the 9-character form without
** hyphen (zOut must hold 10 bytes).  Returns IDENT_OK or IDENT_E_*. */
int ident_org_code_check(const char *z, char *zOut, IdentErr *pErr);

/* ---- unified social credit code (GB 32100-2015) ----------------------- */

/* The GB 32100 check character for the first 17 characters of z (from the
** 31-character set 0-9 A-H J-N P-R T U W-Y), or 0 when one is not in it. */
char ident_uscc_check_char(const char *z);

/* Validates an 18-character credit code: character set, registration
** authority + organisation type pair, region code (first digit 1-9, not
** all zeros), the embedded GB 11714 organisation code (positions 9-17) and
** the final check character.  Upper case only (normalise first).
** Returns IDENT_OK or IDENT_E_*. */
int ident_uscc_check(const char *z, IdentErr *pErr);

/* Copies the embedded 9-character organisation code (positions 9-17) of
** credit code z into zOut (10 bytes, NUL-terminated).  z must pass
** ident_uscc_check().  Returns IDENT_OK or that check's error. */
int ident_uscc_org_code(const char *z, char *zOut, IdentErr *pErr);

/* ---- bank cards, telephones, e-mail ----------------------------------- */

/* 1 when the n digits at z pass the Luhn (mod 10) check; 0 when they fail
** or a character is not a digit or n == 0. */
int ident_luhn_ok(const char *z, size_t n);

/* Validates a bank card number: 16-19 digits passing Luhn.  The issuer
** prefix is not checked (see ident_bank_card_bin_known()). */
int ident_bank_card_check(const char *z, IdentErr *pErr);

/* 1 when the digits at z begin with a common issuer prefix: 62 (UnionPay),
** 4 (Visa), 51-55 / 22-27 (Mastercard), 34 37 (Amex), 35 (JCB), 30 36 38
** (Diners); 0 otherwise.  Advisory only. */
int ident_bank_card_bin_known(const char *z);

/* Validates a mainland mobile number: 11 digits, 1[3-9]xxxxxxxxx. */
int ident_mobile_check(const char *z, IdentErr *pErr);

/* Length of the area code (2 or 3 digits after the leading 0) that the
** digit string z (at least 3 digits, starting with '0') implies: "010" and
** "02x" have 2 digits, "03".."09" start 3-digit codes.  0 when z does not
** start with a plausible area code. */
int ident_landline_area_len(const char *z);

/* Validates a landline number: '0', a 2- or 3-digit area code, optionally
** '-', then a 7- or 8-digit local number not starting with 0 (2-digit
** area codes take 8 digits).  Returns IDENT_OK or IDENT_E_*. */
int ident_landline_check(const char *z, IdentErr *pErr);

/* Validates an e-mail address (the common subset of RFC 5321): local part
** of 1-64 characters from A-Z a-z 0-9 . _ % + - without leading, trailing
** or doubled dots; a domain of at least two dot-separated labels (letters,
** digits, '-' not at either end, at most 63 each), an alphabetic final
** label of 2+ letters; at most 254 characters in all. */
int ident_email_check(const char *z, IdentErr *pErr);

/* ---- masking (去标识化) ------------------------------------------------ */
/* Every mask function returns a new NUL-terminated string that the caller
** frees (allocation failure aborts), or NULL when z is NULL.  Masked
** characters become '*'.  Input that is not what the function expects is
** still masked sensibly and never read past its NUL. */

/* Keeps the first nHead and last nTail code points of z[0..n) and writes one
** '*' for each code point between.  When nHead + nTail >= the number of
** code points, every code point after the first is masked instead (so a
** mask never returns its input unchanged, unless it has 0 or 1 code point,
** in which case a single code point is masked). */
char *ident_mask(const char *z, size_t n, size_t nHead, size_t nTail);

/* Like ident_mask() but counts only ASCII letters and digits (after folding
** full-width forms) as maskable; separators such as ' ' and '-' are copied
** so "138-1234-5678" becomes "138-****-5678". */
char *ident_mask_alnum(const char *z, size_t n, size_t nHead, size_t nTail);

/* 640302********1234: keeps the first 6 and last 4 characters. */
char *ident_mask_id(const char *z);

/* 138****5678: keeps the first 3 and last 4 digits of a mobile number. */
char *ident_mask_phone(const char *z);

/* 0951-*****67: keeps the area code and the last 2 digits of a landline. */
char *ident_mask_landline(const char *z);

/* 6222***********0123: keeps the first 4 and last 4 digits. */
char *ident_mask_bank_card(const char *z);

/* z***@example.com: the first character, "***" and the domain.  Without
** an '@' the whole string is masked after its first character. */
char *ident_mask_email(const char *z);

/* 张* / 张*明 / 张**明 / 欧阳* / 欧阳*明: keeps the surname (compound surnames
** are recognised) and, when the given name has 2+ characters, its last. */
char *ident_mask_name(const char *z);

/* 91350100********43: keeps the authority, type and region (8 characters)
** and the last 2 characters of a credit code. */
char *ident_mask_uscc(const char *z);

/* Number of bytes of a compound surname (欧阳, 司马 ...) at the start of
** z[0..n), or 0.  Used by the name heuristics of privacy.c. */
size_t ident_compound_surname(const char *z, size_t n);

/* 1 when code point cp is in the built-in list of common single-character
** surnames (about 250 entries). */
int ident_is_surname(unsigned cp);

#endif
