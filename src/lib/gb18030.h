/*
** gb18030.h — text saved in GB18030 (and so GBK and GB2312, its subsets:
** what Excel, WPS and Notepad write as "ANSI" or "CSV" on Chinese Windows)
** converted to UTF-8 with iconv.  Used by the CSV reader (lib/table.c) and
** the work plan's text (core/workplan.c).
*/
#ifndef GK_GB18030_H
#define GK_GB18030_H

#include <stddef.h>

#include "lib/arena.h"

/* Converts the GB18030 bytes p[0..n) to UTF-8 in the arena a (NUL-ended;
** its length in *pnOut).  Returns NULL when p is not GB18030 text. */
char *gb18030_to_utf8(Arena *a, const char *p, size_t n, size_t *pnOut);

#endif
