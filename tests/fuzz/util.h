/*
** util.h — helpers shared by the libFuzzer targets in tests/fuzz/.
** Each target is one fuzz_<name>.c with LLVMFuzzerTestOneInput; its seed
** corpus is tests/fuzz/corpus/<name>/ (see tests/fuzz/README.md).
*/
#ifndef GK_FUZZ_UTIL_H
#define GK_FUZZ_UTIL_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *p, size_t n);
/* Optional: run once before the first input (server start-up). */
int LLVMFuzzerInitialize(int *pArgc, char ***pArgv);

/* A malloc'ed NUL-terminated copy of p[0..n) (free it). */
char *fuzz_cstr(const uint8_t *p, size_t n);

#endif
