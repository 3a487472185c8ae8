/* crypto.c — libsodium wrappers (see crypto.h). */
#include "lib/crypto.h"

#include <sodium.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "lib/buf.h"

int crypto_init(void) { return sodium_init() < 0 ? -1 : 0; }

void crypto_random_hex(char *zOut, size_t nBytes) {
  unsigned char a[64];
  if (nBytes > sizeof a) nBytes = sizeof a;
  randombytes_buf(a, nBytes);
  sodium_bin2hex(zOut, 2 * nBytes + 1, a, nBytes);
}

void crypto_random_token(char *zOut, size_t nBytes) {
  unsigned char a[64];
  if (nBytes > sizeof a) nBytes = sizeof a;
  randombytes_buf(a, nBytes);
  sodium_bin2base64(zOut, sodium_base64_ENCODED_LEN(nBytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING),
                    a, nBytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

void crypto_sha256_hex(const void *p, size_t n, char zOut[65]) {
  unsigned char h[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(h, p, n);
  sodium_bin2hex(zOut, 65, h, sizeof h);
}

_Static_assert(sizeof(crypto_hash_sha256_state) <= sizeof(CryptoSha256),
               "CryptoSha256 too small for libsodium's state");

void crypto_sha256_init(CryptoSha256 *h) {
  crypto_hash_sha256_init((crypto_hash_sha256_state *)h->u.a);
}

void crypto_sha256_update(CryptoSha256 *h, const void *p, size_t n) {
  crypto_hash_sha256_update((crypto_hash_sha256_state *)h->u.a, p, n);
}

void crypto_sha256_final_hex(CryptoSha256 *h, char zOut[65]) {
  unsigned char a[crypto_hash_sha256_BYTES];
  crypto_hash_sha256_final((crypto_hash_sha256_state *)h->u.a, a);
  sodium_bin2hex(zOut, 65, a, sizeof a);
}

int crypto_sha256_file(const char *zPath, char zOut[65], long long *pnBytes) {
  FILE *f = fopen(zPath, "rb");
  if (!f) return -1;
  crypto_hash_sha256_state st;
  crypto_hash_sha256_init(&st);
  unsigned char aBuf[65536];
  size_t n;
  long long nAll = 0;
  while ((n = fread(aBuf, 1, sizeof aBuf, f)) > 0) {
    crypto_hash_sha256_update(&st, aBuf, n);
    nAll += (long long)n;
  }
  int bErr = ferror(f);
  fclose(f);
  if (bErr) return -1;
  unsigned char h[crypto_hash_sha256_BYTES];
  crypto_hash_sha256_final(&st, h);
  sodium_bin2hex(zOut, 65, h, sizeof h);
  if (pnBytes) *pnBytes = nAll;
  return 0;
}

int crypto_password_hash(const char *zPassword, char *zOut) {
  _Static_assert(CRYPTO_PWHASH_LEN >= crypto_pwhash_STRBYTES, "pwhash len");
  return crypto_pwhash_str_alg(zOut, zPassword, strlen(zPassword),
                               crypto_pwhash_OPSLIMIT_INTERACTIVE,
                               crypto_pwhash_MEMLIMIT_INTERACTIVE,
                               crypto_pwhash_ALG_ARGON2ID13) == 0 ? 0 : -1;
}

int crypto_password_verify(const char *zHash, const char *zPassword) {
  if (!zHash || strncmp(zHash, "$argon2id$", 10)) return 0;
  return crypto_pwhash_str_verify(zHash, zPassword, strlen(zPassword)) == 0;
}

static int key_from_hex(const char *zKeyHex, unsigned char *key) {
  size_t n = 0;
  if (!zKeyHex || strlen(zKeyHex) != 2 * crypto_secretbox_KEYBYTES) return -1;
  if (sodium_hex2bin(key, crypto_secretbox_KEYBYTES, zKeyHex, strlen(zKeyHex),
                     NULL, &n, NULL) || n != crypto_secretbox_KEYBYTES)
    return -1;
  return 0;
}

char *crypto_seal(const char *zKeyHex, const char *zPlain) {
  unsigned char key[crypto_secretbox_KEYBYTES];
  size_t nPlain = strlen(zPlain);
  size_t nBox = crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + nPlain;
  if (key_from_hex(zKeyHex, key)) return NULL;
  unsigned char *box = xmalloc(nBox);
  randombytes_buf(box, crypto_secretbox_NONCEBYTES);
  crypto_secretbox_easy(box + crypto_secretbox_NONCEBYTES,
                        (const unsigned char *)zPlain, nPlain, box, key);
  size_t nOut = sodium_base64_ENCODED_LEN(nBox, sodium_base64_VARIANT_ORIGINAL);
  char *zOut = xmalloc(nOut);
  sodium_bin2base64(zOut, nOut, box, nBox, sodium_base64_VARIANT_ORIGINAL);
  sodium_memzero(key, sizeof key);
  free(box);
  return zOut;
}

char *crypto_open(const char *zKeyHex, const char *zSealed) {
  unsigned char key[crypto_secretbox_KEYBYTES];
  size_t nIn = zSealed ? strlen(zSealed) : 0, nBox = 0;
  if (!nIn || key_from_hex(zKeyHex, key)) return NULL;
  unsigned char *box = xmalloc(nIn);
  if (sodium_base642bin(box, nIn, zSealed, nIn, NULL, &nBox, NULL,
                        sodium_base64_VARIANT_ORIGINAL) ||
      nBox < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES) {
    free(box);
    return NULL;
  }
  size_t nPlain = nBox - crypto_secretbox_NONCEBYTES - crypto_secretbox_MACBYTES;
  char *zPlain = xmalloc(nPlain + 1);
  if (crypto_secretbox_open_easy((unsigned char *)zPlain,
                                 box + crypto_secretbox_NONCEBYTES,
                                 nBox - crypto_secretbox_NONCEBYTES, box, key)) {
    free(box);
    free(zPlain);
    return NULL;
  }
  zPlain[nPlain] = 0;
  free(box);
  sodium_memzero(key, sizeof key);
  return zPlain;
}

int crypto_streq(const char *a, const char *b) {
  size_t na = strlen(a), nb = strlen(b);
  if (na != nb) return 0;
  return sodium_memcmp(a, b, na) == 0;
}

int crypto_mac_hex(const char *zKeyHex, const void *p, size_t n, char zOut[33]) {
  unsigned char key[crypto_secretbox_KEYBYTES], mac[16];
  zOut[0] = 0;
  if (!zKeyHex || key_from_hex(zKeyHex, key)) return -1;
  crypto_generichash(mac, sizeof mac, p, n, key, sizeof key);
  sodium_memzero(key, sizeof key);
  sodium_bin2hex(zOut, 33, mac, sizeof mac);
  return 0;
}
