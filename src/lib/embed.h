/*
** embed.h — files compiled into the binary by tools/embed.sh.
**   aAsset: web assets from assets/ (CSS, JS, icons), served under /static/.
**   aData:  reference data from data/ (holiday calendar, report formats,
**           the national fee rules).
**   aSchema: the numbered SQL migrations from src/store/schema/, in order.
**   aSchemaPg: the PostgreSQL versions from src/store/schema/pg/ (same
**           numbers and names).
** Each table ends with an entry whose zName is NULL.
*/
#ifndef GK_EMBED_H
#define GK_EMBED_H
#include <stddef.h>
typedef struct Embedded {
  const char *zName;          /* base file name, e.g. "site.css" */
  const char *zType;          /* Content-Type */
  const unsigned char *pData; /* bytes (followed by a NUL) */
  size_t nData;               /* byte count, without the NUL */
} Embedded;
extern const Embedded aAsset[];
extern const Embedded aData[];
extern const Embedded aSchema[];
extern const Embedded aSchemaPg[];

/* The entry named zName in table a, or NULL. */
const Embedded *embed_find(const Embedded *a, const char *zName);
#endif
