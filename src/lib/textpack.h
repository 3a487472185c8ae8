/*
** textpack.h — a stored text in packed form: one zstd frame (RFC 8878),
** kept by the SQLite store as a BLOB in place of a long document text
** (migration 0104; bench/analysis.md, "Database size").
**
** Packing is worth it only for texts of TEXTPACK_MIN bytes or more whose
** frame saves at least an eighth of the text; any other text is stored as
** it is.  Unpacking trusts nothing in the blob: the frame must be exactly
** one zstd frame that states its content size, that size at most
** TEXTPACK_MAX, the content must checksum (frames are written with the
** checksum) and be exactly that size, without a NUL byte.  Anything else
** is an error with a reason, never more memory than the stated size + 1.
**
** Thread-safe; each thread keeps one compression and one decompression
** context, freed when the thread ends.
*/
#ifndef GK_TEXTPACK_H
#define GK_TEXTPACK_H

#include <stddef.h>

#define TEXTPACK_MIN 128                 /* shorter texts stay as they are */
#define TEXTPACK_MAX ((size_t)64 << 20)  /* largest text packed or unpacked */
#define TEXTPACK_LEVEL 3                 /* zstd level (zstd -3) */

/* 1 when the n bytes at p start like a packed text (the zstd frame magic
** 28 B5 2F FD); says nothing about the rest. */
int textpack_is_packed(const void *p, size_t n);

/* Packs text z (n bytes).  Returns 1 with *pp (malloc'd, the caller frees)
** and *pn set when the packed form is worth storing; 0 when the text
** should be stored as it is (shorter than TEXTPACK_MIN, longer than
** TEXTPACK_MAX, saving less than n/8, or out of memory). */
int textpack_pack(const char *z, size_t n, unsigned char **pp, size_t *pn);

/* Unpacks the n bytes at p.  On success returns 0 with *pz a malloc'd,
** NUL-terminated text (the caller frees) of *pnOut bytes.  On a blob that
** is not a sound packed text (see above) returns -1 with *pzWhy a static
** English reason, and *pz NULL. */
int textpack_unpack(const void *p, size_t n, char **pz, size_t *pnOut,
                    const char **pzWhy);

#endif
