/*
** util.h — helpers shared by the libFuzzer targets in tests/fuzz/.
** Each target is one fuzz_<name>.c with LLVMFuzzerTestOneInput; its seed
** corpus is tests/fuzz/corpus/<name>/ (see tests/fuzz/README.md).
*/
#ifndef GK_FUZZ_UTIL_H
#define GK_FUZZ_UTIL_H

#include <stddef.h>
#include <stdint.h>

#include "lib/buf.h"

int LLVMFuzzerTestOneInput(const uint8_t *p, size_t n);
/* Optional: run once before the first input (server start-up). */
int LLVMFuzzerInitialize(int *pArgc, char ***pArgv);

/* A malloc'ed NUL-terminated copy of p[0..n) (free it). */
char *fuzz_cstr(const uint8_t *p, size_t n);

/* Packs parts of p[0..n) into a ZIP archive appended to pOut, so that
** mutations of an OOXML target reach the XML readers (a whole package's
** members are deflated and CRC-checked: a mutated one rarely inflates).
** The input is split at NUL bytes; piece i becomes member azName[i]
** (nName names; pieces beyond them are dropped, a missing piece leaves
** its member out), stored, not deflated, so packing stays cheap while the
** reader still goes through libzip as for any upload.  Members in azFixed
** (name, content pairs, NULL-terminated) are added as they are: the
** parts a reader needs to recognise the package.  Returns 0 or -1. */
int fuzz_zip_pack(const uint8_t *p, size_t n, const char *const *azName,
                  int nName, const char *const *azFixed, Buf *pOut);

/* 1 when p[0..n) starts like a ZIP archive ("PK\3\4"). */
int fuzz_is_zip(const uint8_t *p, size_t n);

/* The package a target reads: p[0..n) itself when it is a ZIP archive
** (copied to a block of exactly n bytes, so ASan sees overreads), else
** fuzz_zip_pack(p, n, azName, nName, azFixed).  Returns the malloc'd
** bytes with their size in *pn, or NULL when packing failed. */
char *fuzz_package(const uint8_t *p, size_t n, const char *const *azName,
                   int nName, const char *const *azFixed, size_t *pn);

#endif
