/*
** zipmem.h — opening a ZIP archive held in memory (DOCX, XLSX) with libzip:
** the one place that builds the source and cleans up after a failure.
*/
#ifndef GK_ZIPMEM_H
#define GK_ZIPMEM_H

#include <stddef.h>
#include <zip.h>

/* Opens p[0..n) read-only (the bytes must outlive the archive); NULL when
** it is not a ZIP archive.  Close with zip_close() or zip_discard(). */
zip_t *zip_open_memory(const void *p, size_t n);

#endif
