/*
** test_import_pipe.c — the reader thread of `gongkai docs import`
** (cli/import_pipe.h) hands the writer each document in file order with
** its search index entries (store/fts_prep.h) prepared on the reader's
** own thread: equal, entry for entry, to the entries prepared on the
** writer's thread from the document it receives; the same without the
** thread, and none when not asked for.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "cli/import_pipe.h"
#include "store/fts_prep.h"

#define IP_N 700 /* documents: several chunks, more than the queue holds */

static int ip_tab_equal(const FtsPrepTab *x, const FtsPrepTab *y) {
  if (memcmp(x->aSize, y->aSize, sizeof x->aSize) || x->nTerm != y->nTerm ||
      x->nPl != y->nPl || (x->nPl && memcmp(x->aPl, y->aPl, x->nPl)))
    return 0;
  for (uint32_t i = 0; i < x->nTerm; i++) {
    const FtsPrepTerm *a = &x->aTerm[i], *b = &y->aTerm[i];
    if (a->key != b->key || a->n != b->n || a->len != b->len || a->off != b->off)
      return 0;
  }
  return 1;
}

/* Writes IP_N documents (a blank line among them) to a new file; its
** path in zPath. */
static int ip_write(char zPath[64]) {
  static const char *const az[] = {"水", "质", "检", "测", "报", "告", "A",
                                   "b", "1", "。", "〔", " "};
  strcpy(zPath, "/tmp/gk-import-pipe-XXXXXX");
  int fd = mkstemp(zPath);
  if (fd < 0) return 0;
  FILE *f = fdopen(fd, "w");
  uint32_t seed = 3;
  for (int i = 0; i < IP_N; i++) {
    char zBody[4000] = "";
    int n = i % 50 == 0 ? 900 : 5 + i % 40;
    for (int k = 0; k < n; k++) {
      seed = seed * 1103515245u + 12345u;
      strcat(zBody, az[(seed >> 16) % 12]);
    }
    fprintf(f, "{\"title\":\"文件%d 通知\",\"published_date\":\"2025-03-%02d\","
               "\"keywords\":\"%s\",\"doc_number\":\"〔2025〕%d号\","
               "\"body\":\"%s\"}\n",
            i, 1 + i % 28, i % 3 ? "水质 检测" : "",
            i, zBody);
    if (i == 100) fputs("\n", f);
  }
  fclose(f);
  return 1;
}

TEST(import_pipe_index_entries_equal_on_either_thread) {
  char zPath[64];
  CHECK(ip_write(zPath));
  FtsPrepper *pp = fts_prepper_new();
  for (int mode = 0; mode < 3; mode++) { /* thread, no thread, no entries */
    FILE *f = fopen(zPath, "rb");
    CHECK(f != NULL);
    if (!f) break;
    ImportPipe *ip = import_pipe_start(f, 7, 9, 1, mode != 2, mode == 0);
    int n = 0, nBad = 0;
    ImportLine *pl;
    while ((pl = import_pipe_next(ip))) {
      char zTitle[32];
      snprintf(zTitle, sizeof zTitle, "文件%d 通知", n);
      if (pl->zErr || strcmp(pl->p.d.zTitle, zTitle) ||
          pl->p.d.orgId != 7) {
        nBad++;
      } else if (mode == 2) {
        nBad += pl->pIdx != NULL;
      } else {
        FtsDocPrep *q = fts_prep_doc(pp, &pl->p.d);
        nBad += !pl->pIdx || pl->pIdx->a[0].nTerm == 0 ||
                !ip_tab_equal(&pl->pIdx->a[0], &q->a[0]) ||
                !ip_tab_equal(&pl->pIdx->a[1], &q->a[1]);
        fts_doc_prep_free(q);
      }
      if (n == 10) { /* taken by the writer: no longer the line's */
        fts_doc_prep_free(pl->pIdx);
        pl->pIdx = NULL;
      }
      n++;
    }
    CHECK_INT(n, IP_N);
    CHECK_INT(nBad, 0);
    import_pipe_stop(ip);
    fclose(f);
  }
  /* Stopped early, with documents prepared ahead and queued. */
  FILE *f = fopen(zPath, "rb");
  ImportPipe *ip = import_pipe_start(f, 7, 9, 1, 1, 1);
  CHECK(import_pipe_next(ip) != NULL);
  import_pipe_stop(ip);
  fclose(f);
  fts_prepper_free(pp);
  unlink(zPath);
}
