/*
** test_doctext.c — PDF text extraction (src/lib/doctext.c) runs pdftotext
** with a time limit: a converter that hangs is killed and reported, one
** that answers is read.  A fake pdftotext on PATH stands in for poppler.
*/
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "harness.h"
#include "lib/buf.h"
#include "lib/doctext.h"

/* Writes an executable shell script zBody as zDir/pdftotext. */
static void fake_pdftotext(const char *zDir, const char *zBody) {
  char zPath[256];
  snprintf(zPath, sizeof zPath, "%s/pdftotext", zDir);
  FILE *f = fopen(zPath, "w");
  CHECK(f != NULL);
  if (!f) return;
  fprintf(f, "#!/bin/sh\n%s\n", zBody);
  fclose(f);
  chmod(zPath, 0755);
}

static double now_s(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

TEST(doctext_pdftotext_is_killed_after_the_time_limit) {
  char zDir[] = "/tmp/gk-doctext-XXXXXX";
  CHECK(mkdtemp(zDir) != NULL);
  const char *zOldPath = getenv("PATH");
  char *zSaved = strdup(zOldPath ? zOldPath : "/usr/bin:/bin");
  char zPath[512];
  snprintf(zPath, sizeof zPath, "%s:%s", zDir, zSaved);
  setenv("PATH", zPath, 1);

  /* A converter that never finishes: killed after 300 ms. */
  fake_pdftotext(zDir, "echo partial; exec sleep 30");
  Buf text = BUF_INIT, notes = BUF_INIT;
  double t0 = now_s();
  int rc = doctext_extract_timeout(DOCTEXT_MIME_PDF, "%PDF-1.4\n", 9, &text,
                                   &notes, 300);
  double t = now_s() - t0;
  CHECK_INT(rc, -1);
  CHECK(t < 5.0); /* not the 30 s of the fake */
  CHECK(strstr(buf_str(&notes), "已终止") != NULL);

  /* One that answers: its output is the text. */
  buf_reset(&text);
  buf_reset(&notes);
  fake_pdftotext(zDir, "echo 公开指南正文");
  rc = doctext_extract_timeout(DOCTEXT_MIME_PDF, "%PDF-1.4\n", 9, &text,
                               &notes, 5000);
  CHECK_INT(rc, 0);
  CHECK_STR(buf_str(&text), "公开指南正文\n");
  CHECK_INT((int)notes.n, 0);

  /* One that fails: reported as damaged. */
  buf_reset(&text);
  buf_reset(&notes);
  fake_pdftotext(zDir, "exit 3");
  rc = doctext_extract_timeout(DOCTEXT_MIME_PDF, "%PDF-1.4\n", 9, &text,
                               &notes, 5000);
  CHECK_INT(rc, -1);
  CHECK(strstr(buf_str(&notes), "已损坏") != NULL);

  setenv("PATH", zSaved, 1);
  free(zSaved);
  char zFile[256];
  snprintf(zFile, sizeof zFile, "%s/pdftotext", zDir);
  unlink(zFile);
  rmdir(zDir);
  buf_free(&text);
  buf_free(&notes);
}
