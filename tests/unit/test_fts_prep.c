/*
** test_fts_prep.c — one document's search index entries prepared away
** from the database (store/fts_prep.h), against entries worked out by hand
** from the gk tokenizer's rule (store/fts_cjk.c: per run of characters a
** bigram at each position and a unigram at the last; the chars mode each
** distinct character of a column once) and FTS5's position-list format
** (varint 2 * size; column 0's offsets, then 0x01, column, offsets; each
** offset as delta + 2).  That the merged entries give FTS5's bytes is
** tests/unit/test_fts_write.c's part.
*/
#include <string.h>

#include "harness.h"
#include "store/fts_prep.h"

/* The key of a token: its bytes big-endian, zero-padded. */
static uint64_t fp_key(const char *z) {
  uint64_t k = 0;
  for (int i = 0; z[i]; i++) k |= (uint64_t)(uint8_t)z[i] << (56 - 8 * i);
  return k;
}

/* Checks term i of t: token z, position list a[0..n) (n 0: none). */
static int fp_term(const FtsPrepTab *t, uint32_t i, const char *z,
                   const uint8_t *a, uint32_t n) {
  if (i >= t->nTerm) return 0;
  const FtsPrepTerm *k = &t->aTerm[i];
  return k->key == fp_key(z) && k->n == strlen(z) && k->len == n &&
         (n == 0 || memcmp(t->aPl + k->off, a, n) == 0);
}

TEST(fts_prep_entries_by_hand) {
  FtsPrepper *pp = fts_prepper_new();
  Doc d;
  memset(&d, 0, sizeof d);
  d.zBody = "Ab";         /* column 0, folded to "ab": ab@0, b@1 */
  d.zTitle = "水质水质";   /* column 1: 水质@0 质水@1 水质@2 质@3 */
  d.zKeywords = "  ";     /* column 3: white space only, no token */
  FtsDocPrep *p = fts_prep_doc(pp, &d);
  CHECK(!p->bBad);
  const FtsPrepTab *f = &p->a[0], *c = &p->a[1];
  static const uint32_t aSzF[5] = {2, 4, 0, 0, 0}, aSzC[5] = {2, 2, 0, 0, 0};
  CHECK(memcmp(f->aSize, aSzF, sizeof aSzF) == 0);
  CHECK_INT(f->nTerm, 5); /* first-seen order */
  CHECK(fp_term(f, 0, "ab", (const uint8_t *)"\x02\x02", 2));
  CHECK(fp_term(f, 1, "b", (const uint8_t *)"\x02\x03", 2));
  CHECK(fp_term(f, 2, "水质", (const uint8_t *)"\x08\x01\x01\x02\x04", 5));
  CHECK(fp_term(f, 3, "质水", (const uint8_t *)"\x06\x01\x01\x03", 4));
  CHECK(fp_term(f, 4, "质", (const uint8_t *)"\x06\x01\x01\x05", 4));
  CHECK(memcmp(c->aSize, aSzC, sizeof aSzC) == 0);
  CHECK_INT(c->nTerm, 4);
  CHECK(fp_term(c, 0, "a", NULL, 0) && fp_term(c, 1, "b", NULL, 0) &&
        fp_term(c, 2, "水", NULL, 0) && fp_term(c, 3, "质", NULL, 0));
  fts_doc_prep_free(p);
  /* The same text in column 2 (doc_number) of the next document: the
  ** preparer forgets the first one. */
  memset(&d, 0, sizeof d);
  d.zDocNumber = "水质";   /* 水质@0 质@1 */
  p = fts_prep_doc(pp, &d);
  CHECK_INT(p->a[0].nTerm, 2);
  CHECK(fp_term(&p->a[0], 0, "水质", (const uint8_t *)"\x06\x01\x02\x02", 4));
  CHECK(fp_term(&p->a[0], 1, "质", (const uint8_t *)"\x06\x01\x02\x03", 4));
  CHECK_INT(p->a[0].aSize[2], 2);
  fts_doc_prep_free(p);
  fts_prepper_free(pp);
}

/* Prepared entries waiting for a flush: taken once, by document id, in
** any order; a document given twice is taken by neither. */
TEST(fts_prep_pending_by_document) {
  FtsPrepper *pp = fts_prepper_new();
  FtsPending *q = NULL;
  Doc d;
  memset(&d, 0, sizeof d);
  d.zTitle = "一";
  FtsDocPrep *a5 = fts_prep_doc(pp, &d), *a3 = fts_prep_doc(pp, &d);
  fts_pending_add(&q, 5, a5);
  fts_pending_add(&q, 3, a3);
  fts_pending_add(&q, 9, fts_prep_doc(pp, &d));
  fts_pending_add(&q, 9, fts_prep_doc(pp, &d));
  CHECK(fts_pending_take(q, 3) == a3);
  CHECK(fts_pending_take(q, 3) == NULL);
  CHECK(fts_pending_take(q, 5) == a5);
  CHECK(fts_pending_take(q, 9) == NULL);
  CHECK(fts_pending_take(q, 4) == NULL);
  fts_doc_prep_free(a3);
  fts_doc_prep_free(a5);
  fts_pending_clear(&q);
  CHECK(q == NULL);
  fts_prepper_free(pp);
}
