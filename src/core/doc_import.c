/* doc_import.c — an imported document prepared away from the database
** (contract in doc_import.h). */
#include "core/doc_import.h"

#include <stdlib.h>
#include <string.h>

#include "lib/textpack.h"

/* The stored value of an empty report kind or validity (the INSERT's
** defaults, store_documents.c). */
static const char *dflt(const char *z, const char *zDefault) {
  return z && z[0] ? z : zDefault;
}

void doc_import_prepare(DocImport *p, const Doc *d, int bPack) {
  memset(p, 0, sizeof *p);
  p->d = *d;
  p->d.id = 0;
  p->d.zState = "published";
  p->d.zReportKind = dflt(d->zReportKind, "other");
  p->d.zValidity = dflt(d->zValidity, "valid");
  if (bPack && p->d.zBody)
    textpack_pack(p->d.zBody, strlen(p->d.zBody), &p->pBody, &p->nBody);
  Buf b = BUF_INIT;
  doc_canonical_head(&b, &p->d, NULL, 0);
  crypto_sha256_init(&p->head);
  crypto_sha256_update(&p->head, b.z, b.n);
  buf_reset(&b);
  doc_canonical_tail(&b, &p->d);
  p->zTail = buf_steal(&b);
}

void doc_import_content_hash(const DocImport *p, int64_t id,
                             const char *zIndexNumber, char zOut[65]) {
  CryptoSha256 h = p->head;
  Doc v;
  memset(&v, 0, sizeof v);
  v.id = id;
  v.zIndexNumber = zIndexNumber;
  Buf b = BUF_INIT;
  doc_canonical_ident(&b, &v);
  crypto_sha256_update(&h, b.z, b.n);
  crypto_sha256_update(&h, p->zTail, strlen(p->zTail));
  crypto_sha256_final_hex(&h, zOut);
  buf_free(&b);
}

void doc_import_free(DocImport *p) {
  free(p->pBody);
  free(p->zTail);
  p->pBody = NULL;
  p->zTail = NULL;
}
