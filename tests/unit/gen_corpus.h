/*
** gen_corpus.h — a deterministic generator of Chinese government-like
** documents for search tests and benchmarks (tests/unit/test_fts.c,
** tools/fts_probe.c).  Not part of the product.
**
** Document i of seed s is a pure function of (s, i), so a corpus of any size
** can be generated in any order or in parallel, and a benchmark at 1M
** documents sees the same first documents as the unit test.  The text mixes
** CJK words (Zipf-like frequencies), random CJK names (a long tail of rare
** characters and bigrams), ASCII and full-width digits, dates and
** 文号 such as 宁卫发〔2018〕12号, full-width punctuation, Latin words in
** mixed case (PDF, pdf, Excel, COVID-19), ASCII spaces, U+3000 and newlines.
*/
#ifndef GK_GEN_CORPUS_H
#define GK_GEN_CORPUS_H

#include <stdint.h>

#define CORPUS_NCOL 5 /* title, doc_number, body, keywords, attachment_text */

/* One generated document; every string is heap-allocated and owned by the
** struct (free with corpus_doc_free).  azCol[4] (attachment text) is NULL
** for about two documents in three. */
typedef struct CorpusDoc {
  char *azCol[CORPUS_NCOL]; /* column texts in the order above */
} CorpusDoc;

/* Fills *pDoc with document iDoc of corpus uSeed; the body has about
** nSentence sentences (each 15-40 characters).  Never fails (aborts on
** OOM). */
void corpus_doc(uint64_t uSeed, uint64_t iDoc, int nSentence,
                CorpusDoc *pDoc);

/* Frees the strings of *pDoc and zeroes it. */
void corpus_doc_free(CorpusDoc *pDoc);

/* The column names, for CREATE TABLE statements. */
extern const char *const corpus_azColName[CORPUS_NCOL];

#endif
