/*
** utf8.h — UTF-8 decoding, validation and the text folding that search and
** the privacy scanner share.
**
** Folding ("normalising") maps a code point to the form used for matching:
** full-width ASCII (U+FF01..U+FF5E) to ASCII, the ideographic space U+3000
** to ' ', and ASCII letters to lower case.  Everything else is unchanged.
** Invalid bytes decode as U+FFFD and consume one byte, so every function
** here terminates on any input.
*/
#ifndef GK_UTF8_H
#define GK_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Decodes one code point at z (n bytes available, n >= 1); stores its byte
** length in *pLen (1..4).  Returns U+FFFD for invalid or truncated input. */
uint32_t utf8_decode(const char *z, size_t n, int *pLen);

/* Writes cp as UTF-8 into out (room for 4 bytes); returns the byte count. */
int utf8_encode(uint32_t cp, char *out);

/* 1 when z[0..n) is well-formed UTF-8 (no overlongs, no surrogates). */
int utf8_valid(const char *z, size_t n);

/* Number of code points in z[0..n). */
size_t utf8_len(const char *z, size_t n);

/* The folded form of one code point (see above). */
uint32_t utf8_fold(uint32_t cp);

/* 1 for CJK ideographs (the main blocks and extension A). */
int utf8_is_cjk(uint32_t cp);

/* 1 for white space, ASCII or Unicode (incl. U+3000 before folding). */
int utf8_is_space(uint32_t cp);

/* Byte length of the longest prefix of z[0..n) holding at most nChar code
** points; never splits a character. */
size_t utf8_prefix(const char *z, size_t n, size_t nChar);

/* Checks text that comes from outside (form fields, imported files, command
** arguments) before it is stored: NULL when acceptable, else a static
** Chinese message.  Refused: bytes that are not UTF-8, NUL, the other C0
** controls except tab, LF and CR, DEL, and the bidirectional embedding,
** override and isolate controls U+202A..U+202E and U+2066..U+2069 (they
** can make a file name or a title read differently from what it is). */
const char *utf8_text_problem(const char *z, size_t n);

/* utf8_text_problem() for text already known to be well-formed UTF-8 (the
** strings jsonl_parse() gives: it validates the whole line, and its
** escapes decode to scalar values): the same checks but the validation. */
const char *utf8_valid_text_problem(const char *z, size_t n);

/* 1 when z is NULL, empty or only white space (utf8_is_space, U+3000
** included): a title like that is no title. */
int utf8_blank(const char *z);

/* Rewrites CRLF and lone CR as LF in z[0..n) in place (what browsers send
** for a textarea); returns the new length and NUL-terminates. */
size_t utf8_lf_newlines(char *z, size_t n);

#endif
