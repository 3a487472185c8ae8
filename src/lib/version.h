/* version.h — the program version, bumped by hand at each release. */
#ifndef GK_VERSION_H
#define GK_VERSION_H
#define GK_VERSION "0.1.0"
/* Written at build time by tools/buildinfo.sh (build/gen/buildinfo.c). */
extern const char gk_build_commit[];
extern const char gk_build_date[];
#endif
