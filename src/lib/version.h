/* version.h — the program version, bumped by hand at each release. */
#ifndef GK_VERSION_H
#define GK_VERSION_H
#define GK_VERSION "0.1.0"
#endif
