/*
** jsonl.h — a fast reader for flat JSON objects, one per line, as bulk
** imports use (`gongkai docs import`): {"key": "string" | null | number |
** true | false, ...}.  Nested objects and arrays are refused.  The line is
** parsed in place (strings are unescaped into the line's own bytes and
** NUL-terminated there), so nothing is allocated; jansson builds a tree
** and copies every string, which made it half of the import's time.
*/
#ifndef GK_JSONL_H
#define GK_JSONL_H

#include <stddef.h>

/* One member.  zKey and zVal point into the parsed line. */
typedef struct JsonlField {
  const char *zKey;   /* unescaped key */
  const char *zVal;   /* unescaped string, the number/true/false text, or
                      ** NULL for null */
  int bString;        /* 1 when the value was a JSON string */
} JsonlField;

/*
** Parses the JSON object in z[0..n) (z[n] need not be NUL; the parse writes
** into z[0..n)).  Stores up to nMax members in a[] and their count in *pn.
** Returns 0, or -1 with a static Chinese message in *pzErr: invalid UTF-8,
** syntax error, a control character or \u0000 in a string, nested value,
** more than nMax members, or text after the object.
*/
int jsonl_parse(char *z, size_t n, JsonlField *a, int nMax, int *pn,
                const char **pzErr);

/* The last member named zKey in a[0..n), or NULL. */
const JsonlField *jsonl_get(const JsonlField *a, int n, const char *zKey);

#endif
