/*
** app_key.h — the installation's secret key (64 hex characters; it seals
** applicants' identity numbers in the shared database), read the same way
** by `gongkai serve`, `gongkai demo` and the application commands, so every
** process of one installation uses one key.
*/
#ifndef GK_APP_KEY_H
#define GK_APP_KEY_H

/* Where the key comes from, first match wins:
**   1. zKeyFile, when not NULL (a file holding the 64 hex characters);
**   2. the environment variable GONGKAI_KEY;
**   3. for a SQLite database zDb, the file gongkai.key beside it, created
**      with a new random key when absent and bCreate is set (atomically:
**      of two processes starting together, both read the one whole key).
** A PostgreSQL database has no directory its servers share: without 1 or 2
** there is no key.  Returns 0 with zKey filled (NUL-terminated), or -1
** with zKey "" and *pzErr a heap message for the operator (caller frees). */
int app_key_load(const char *zDb, const char *zKeyFile, int bCreate,
                 char zKey[65], char **pzErr);

#endif
