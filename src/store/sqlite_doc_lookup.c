/*
** sqlite_doc_lookup.c — finding a document to refer to by a part of its
** title or 文号 (store_documents.h: store_doc_lookup), for the fields that
** point at another document and the related documents.  SQLite-only: it
** reads the FTS5 search index (like sqlite_search.c); store_doc_ref, the
** plain read, is in store_doc_lookup.c.
**
** Without scanning the documents (issue 15: a scan took 0.2 s at 100,000
** documents in one organisation):
**  - published documents come from the public search index, its title and
**    文号 columns only (an FTS5 column filter over the bigram table, the
**    one-character terms through the character table), newest first;
**  - the others (drafts, documents in review, filed, withdrawn) through
**    the doc(org_id, state) index: only the unpublished rows of the
**    organisations in scope are read.
** Both candidate lists are then checked here against the folded title and
** 文号 (textmatch_fold, the index's own folding): every term of the query
** must be in one of the two.  The text is plain: no wildcards, no FTS5
** syntax.
*/
#include <stdlib.h>
#include <string.h>

#include "store/fts_cjk.h"
#include "store/store_documents.h"
#include "lib/textmatch.h"
#include "store/pg_search.h"
#include "store/store_sqlite.h"

#define REF_COLS                                                       \
  "d.id,d.org_id,d.title,d.doc_number,d.state,o.name,"                 \
  "coalesce(d.published_date,''),"                                     \
  "coalesce(d.published_date,substr(d.created_at,1,10))"

/* A candidate with its sort key (date, then id; both descending). */
typedef struct Cand {
  DocRef ref;
  const char *zKey;
} Cand;

static void ref_row(Arena *a, sqlite3_stmt *st, DocRef *p) {
  p->id = lite_col_int(st, 0);
  p->orgId = lite_col_int(st, 1);
  p->zTitle = lite_col_text(a, st, 2);
  p->zDocNumber = lite_col_text(a, st, 3);
  p->zState = lite_col_text(a, st, 4);
  p->zOrgName = lite_col_text(a, st, 5);
  p->zPublishedDate = lite_col_text(a, st, 6);
}

/* 1 when every folded term is in the folded title or 文号 of p. */
static int ref_matches(const DocRef *p, char **azTerm, int nTerm) {
  Buf t = BUF_INIT, n = BUF_INIT;
  textmatch_fold(p->zTitle, &t);
  textmatch_fold(p->zDocNumber, &n);
  const char *zT = buf_str(&t), *zN = buf_str(&n);
  int bAll = 1;
  for (int i = 0; i < nTerm && bAll; i++)
    bAll = strstr(zT, azTerm[i]) || strstr(zN, azTerm[i]);
  buf_free(&t);
  buf_free(&n);
  return bAll;
}

/* Steps st, keeping the rows that match, into a[*pn..max). */
static int collect(Store *s, Arena *a, sqlite3_stmt *st, char **azTerm, int nTerm,
                   Cand *aC, int *pn, int max) {
  int rc = SQLITE_DONE;
  while (*pn < max && (rc = sqlite3_step(st)) == SQLITE_ROW) {
    Cand *c = &aC[*pn];
    ref_row(a, st, &c->ref);
    c->zKey = lite_col_text(a, st, 7);
    if (ref_matches(&c->ref, azTerm, nTerm)) (*pn)++;
  }
  if (*pn >= max) rc = SQLITE_DONE;
  lite_done(st);
  return rc == SQLITE_DONE ? STORE_OK : store_sqlite_err(s, rc, "查找文件");
}

/* The index key of document ?3 (the one being edited) is not a candidate. */
#define NOT_EXCLUDED                                                     \
  " AND rowid<>coalesce((SELECT id FROM search_doc WHERE doc_id=?3),0)"

/* Published documents of every organisation, from the index: ?4 the
** bigram expression (NULL: none), ?6 the one-character one (NULL: none). */
static const char zPublishedSql[] =
    "SELECT " REF_COLS " FROM search_doc sd JOIN doc d ON d.id=sd.doc_id"
    " JOIN org o ON o.id=d.org_id WHERE sd.id IN ("
    "  SELECT rowid FROM search_fts WHERE search_fts MATCH ?4" NOT_EXCLUDED
    "   AND (?6 IS NULL OR rowid IN (SELECT rowid FROM search_chr WHERE search_chr MATCH ?6))"
    "  ORDER BY rowid DESC LIMIT ?5)"
    " AND d.id<>?3 ORDER BY sd.id DESC";
/* Published documents when the query has one-character terms only. */
static const char zPublishedChrSql[] =
    "SELECT " REF_COLS " FROM search_doc sd JOIN doc d ON d.id=sd.doc_id"
    " JOIN org o ON o.id=d.org_id WHERE sd.id IN ("
    "  SELECT rowid FROM search_chr WHERE search_chr MATCH ?6" NOT_EXCLUDED
    "  ORDER BY rowid DESC LIMIT ?5)"
    " AND d.id<>?3 ORDER BY sd.id DESC";
/* The unpublished documents of the organisations in scope. */
static const char zUnpublishedSql[] =
    "WITH RECURSIVE " ORG_SCOPE_CTE("sub", "1", "?2<>0")
    " SELECT " REF_COLS " FROM doc d JOIN org o ON o.id=d.org_id"
    " WHERE d.org_id IN (SELECT id FROM sub) AND d.id<>?3"
    " AND d.state IN ('draft','dept_review','secrecy_review','approval','filed','withdrawn')"
    " ORDER BY 8 DESC, d.id DESC";

static int cand_cmp(const void *x, const void *y) {
  const Cand *a = x, *b = y;
  int c = strcmp(b->zKey, a->zKey);
  return c ? c : (b->ref.id > a->ref.id) - (b->ref.id < a->ref.id);
}

/* The MATCH expressions of zQ restricted to title and 文号 (the bigram
** one; the character table has no column information, detail=none) and
** the folded terms.  STORE_INVALID for an empty or oversized query. */
static int lookup_terms(Store *s, Arena *a, const char *zQ, const char **pzBig,
                        const char **pzChr, char ***pazTerm, int *pnTerm) {
  Buf m = BUF_INIT, c = BUF_INIT;
  char *zErr = NULL;
  int qrc = fts_cjk_query_split(zQ, &m, &c, &zErr);
  if (qrc == FTS_CJK_OK) qrc = textmatch_terms(zQ, pazTerm, pnTerm, NULL);
  free(zErr);
  if (qrc != FTS_CJK_OK) {
    buf_free(&m);
    buf_free(&c);
    return store_fail(s, STORE_INVALID, "%s",
                      qrc == FTS_CJK_ETOOMANY ? "查找词过多（最多16个）"
                      : qrc == FTS_CJK_ETOOLONG ? "查找词过长（每个最多100个字）"
                                                : "请输入标题或文号中的文字");
  }
  *pzBig = m.n ? arena_printf(a, "{title doc_number} : (%s)", buf_str(&m)) : NULL;
  *pzChr = c.n ? arena_strdup(a, buf_str(&c)) : NULL;
  buf_free(&m);
  buf_free(&c);
  return STORE_OK;
}

int store_doc_lookup(Store *s, Arena *a, const char *zQ, int64_t orgId,
                     int bSubtree, int64_t excludeId, int limit,
                     DocRef **paRef, int *pn) {
  if (db_dialect(s) != DB_SQLITE) /* pg_search.c (issue 16) */
    return pg_doc_lookup(s, a, zQ, orgId, bSubtree, excludeId, limit, paRef, pn);
  if (limit < 1) limit = 1;
  if (limit > 50) limit = 50;
  *paRef = arena_alloc(a, sizeof **paRef * (size_t)limit);
  *pn = 0;
  const char *zBig = NULL, *zChr = NULL;
  char **azTerm = NULL;
  int nTerm = 0;
  int rc = lookup_terms(s, a, zQ, &zBig, &zChr, &azTerm, &nTerm);
  if (rc) return rc;
  /* Published candidates: one-character terms may match elsewhere in the
  ** document, so take more than needed before the check. */
  int nWant = zChr ? 4 * limit : limit, n = 0;
  Cand *aC = arena_alloc(a, sizeof *aC * (size_t)(nWant + limit));
  sqlite3_stmt *st = lite_stmt(s, zBig ? zPublishedSql : zPublishedChrSql);
  if (st) {
    lite_bind_int(st, 3, excludeId);
    lite_bind_text(st, 4, zBig);
    lite_bind_int(st, 5, nWant);
    lite_bind_text(st, 6, zChr);
    rc = collect(s, a, st, azTerm, nTerm, aC, &n, limit);
  } else {
    rc = STORE_ERROR;
  }
  int nPub = n;
  st = rc ? NULL : lite_stmt(s, zUnpublishedSql);
  if (st) {
    lite_bind_int(st, 1, orgId);
    lite_bind_int(st, 2, bSubtree);
    lite_bind_int(st, 3, excludeId);
    rc = collect(s, a, st, azTerm, nTerm, aC, &n, nPub + limit);
  } else if (!rc) {
    rc = STORE_ERROR;
  }
  textmatch_terms_free(azTerm, nTerm);
  if (rc) return rc;
  qsort(aC, (size_t)n, sizeof *aC, cand_cmp);
  for (int i = 0; i < n && i < limit; i++) (*paRef)[(*pn)++] = aC[i].ref;
  return STORE_OK;
}
