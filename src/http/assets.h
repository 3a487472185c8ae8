/*
** assets.h — static files (CSS, JS, icons) compiled into the binary by
** tools/embed.sh.  aAsset ends with an entry whose zName is NULL.
*/
#ifndef GK_ASSETS_H
#define GK_ASSETS_H
#include <stddef.h>
typedef struct Asset {
  const char *zName;          /* base file name, e.g. "site.css" */
  const char *zType;          /* Content-Type */
  const unsigned char *pData; /* bytes (followed by a NUL) */
  size_t nData;               /* byte count */
} Asset;
extern const Asset aAsset[];
#endif
