/*
** crypto.h — the few cryptographic operations gongkai needs, on libsodium:
** random tokens, SHA-256, argon2id password hashes, and sealing of
** applicants' identity numbers with a server key.
** crypto_init() must be called once before any other function.
*/
#ifndef GK_CRYPTO_H
#define GK_CRYPTO_H

#include <stddef.h>

int crypto_init(void);  /* 0 ok, -1 when libsodium cannot start */

/* nBytes random bytes as lower-case hex into zOut (room for 2*nBytes+1). */
void crypto_random_hex(char *zOut, size_t nBytes);

/* Random token of nBytes as base64url without padding into zOut
** (room for 4*nBytes/3+4 bytes). */
void crypto_random_token(char *zOut, size_t nBytes);

/* SHA-256 of p[0..n) as 64 hex chars + NUL into zOut[65]. */
void crypto_sha256_hex(const void *p, size_t n, char zOut[65]);

/* SHA-256 computed piece by piece.  The state is plain data: a copy (by
** assignment) continues independently, so a common prefix can be hashed
** once and finished several ways.  Owned by the caller; no cleanup. */
typedef struct CryptoSha256 {
  union {
    unsigned long long align;
    unsigned char a[128];  /* libsodium's crypto_hash_sha256_state */
  } u;
} CryptoSha256;
void crypto_sha256_init(CryptoSha256 *h);
void crypto_sha256_update(CryptoSha256 *h, const void *p, size_t n);
/* Finishes h (which may not be updated again) as 64 hex chars into zOut. */
void crypto_sha256_final_hex(CryptoSha256 *h, char zOut[65]);

/* SHA-256 of the file at zPath, read in pieces, as 64 hex chars into zOut;
** *pnBytes (may be NULL) receives its size.  0, or -1 when unreadable. */
int crypto_sha256_file(const char *zPath, char zOut[65], long long *pnBytes);

/* argon2id hash string (libsodium's $argon2id$... form) into zOut, which
** must hold CRYPTO_PWHASH_LEN bytes.  Returns 0, or -1 when out of memory. */
#define CRYPTO_PWHASH_LEN 128
int crypto_password_hash(const char *zPassword, char *zOut);

/* 1 when zPassword matches zHash, 0 otherwise (also for malformed hashes). */
int crypto_password_verify(const char *zHash, const char *zPassword);

/* Secret-key sealing (XSalsa20-Poly1305).  The key is 32 bytes given as 64
** hex chars.  crypto_seal writes base64 text (nonce+ciphertext) into a new
** heap string the caller frees; crypto_open returns the plaintext as a new
** heap string, or NULL when the key is wrong or the data was altered. */
char *crypto_seal(const char *zKeyHex, const char *zPlain);
char *crypto_open(const char *zKeyHex, const char *zSealed);

/* A keyed hash (BLAKE2b, 16 bytes) of p[0..n) under the 32-byte key given
** as 64 hex chars, as 32 lower-case hex chars into zOut.  Callers put a
** purpose string first in p, so one key serves several uses.  0, or -1
** when the key is malformed (zOut is then ""). */
int crypto_mac_hex(const char *zKeyHex, const void *p, size_t n, char zOut[33]);

/* Constant-time string equality; 1 when equal. */
int crypto_streq(const char *a, const char *b);

#endif
