/*
** test_archive.c — transfer to archives (cli/archive.h): a year's published
** documents with an attachment are exported from a real SQLite file; the
** export verifies; changing one byte of an attachment, the body, the
** canonical document, the CSV manifest or the ledger segment, or adding a
** stray file, makes verification fail; restoring the byte makes it pass.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/archive.h"
#include "core/document.h"
#include "harness.h"
#include "storefix.h"
#include "lib/crypto.h"
#include "store/store_documents.h"

static Store *arch_db(char zDir[64], int64_t *pOrg, int64_t *pUser) {
  char zPath[128];
  Store *s = NULL;
  char *zErr = NULL;
  crypto_init();
  snprintf(zDir, 64, "/tmp/gk-arch-test-XXXXXX");
  if (!mkdtemp(zDir)) return NULL;
  snprintf(zPath, sizeof zPath, "%s/t.db", zDir);
  if (fix_store_open(zPath, STORE_CREATE, &s, &zErr) != STORE_OK) {
    fprintf(stderr, "  store_open: %s\n", zErr ? zErr : "?");
    free(zErr);
    return NULL;
  }
  Org o;
  memset(&o, 0, sizeof o);
  o.zSlug = "t-org";
  o.zName = "测试局";
  o.zOrgCode = "453629012";
  User u;
  memset(&u, 0, sizeof u);
  u.zLogin = "t-user";
  u.zName = "测试";
  u.zPwHash = "x";
  u.roles = 0x7f;
  if (store_org_add(s, &o) != STORE_OK) return NULL;
  u.orgId = o.id;
  if (store_user_add(s, &u) != STORE_OK) return NULL;
  *pOrg = o.id;
  *pUser = u.id;
  return s;
}

/* Publishes a document dated zDate with one attachment when zAtt. */
static int64_t publish(Store *s, int64_t org, int64_t user, const char *zTitle,
                       const char *zDate, const char *zAtt) {
  Arena a = ARENA_INIT;
  Doc d;
  memset(&d, 0, sizeof d);
  d.orgId = org;
  d.zTitle = zTitle;
  d.zDocNumber = "宁卫发〔2018〕12号";
  d.zSignedDate = zDate;
  d.zMode = "proactive";
  d.zFormedDate = zDate;
  d.zBody = "# 通知\n\n各单位：现将有关事项通知如下。";
  d.createdBy = user;
  int64_t id = 0;
  if (store_begin(s) == STORE_OK) {
    int ok = store_doc_add(s, &d) == STORE_OK;
    if (ok && zAtt)
      ok = store_doc_attach(s, d.id, "附件1：名单.txt", "text/plain", zAtt, strlen(zAtt),
                            "", user, NULL) == STORE_OK;
    if (ok && store_doc_publish(s, &a, d.id, "published", zDate) == STORE_OK &&
        store_commit(s) == STORE_OK)
      id = d.id;
    else
      store_rollback(s);
  }
  arena_free(&a);
  return id;
}

/* Flips the first byte of zDir/zRel; returns the old byte or -1. */
static int flip(const char *zDir, const char *zRel) {
  char zPath[256];
  snprintf(zPath, sizeof zPath, "%s/%s", zDir, zRel);
  FILE *f = fopen(zPath, "r+b");
  if (!f) return -1;
  int c = fgetc(f);
  fseek(f, 0, SEEK_SET);
  fputc(c ^ 0x01, f);
  fclose(f);
  return c;
}

static int verify(const char *zDir, int *pnDocs, Buf *pErr) {
  char zLast[65];
  buf_reset(pErr);
  return archive_verify(zDir, pErr, pnDocs, zLast);
}

TEST(archive_export_verify_and_tamper) {
  char zDir[64], zOut[128];
  int64_t org, user;
  Store *s = arch_db(zDir, &org, &user);
  CHECK(s != NULL);
  if (!s) return;
  CHECK(publish(s, org, user, "关于印发2018年政务公开工作要点的通知", "2018-03-05", "张三\n李四\n") > 0);
  CHECK(publish(s, org, user, "2018年第四季度水质监测结果", "2018-12-28", NULL) > 0);
  CHECK(publish(s, org, user, "2019年的文件", "2019-01-04", NULL) > 0);
  Buf err = BUF_INIT;
  int nDocs = -1;
  snprintf(zOut, sizeof zOut, "%s/out", zDir);
  CHECK_INT(archive_export(s, org, 2018, zOut, &err, &nDocs), 0);
  if (err.n) fprintf(stderr, "  %s\n", buf_str(&err));
  CHECK_INT(nDocs, 2);
  /* Exporting into an existing directory is refused. */
  buf_reset(&err);
  CHECK_INT(archive_export(s, org, 2018, zOut, &err, &nDocs), -1);
  CHECK(strstr(buf_str(&err), "已存在") != NULL);

  CHECK_INT(verify(zOut, &nDocs, &err), 0);
  if (err.n) fprintf(stderr, "  %s\n", buf_str(&err));
  CHECK_INT(nDocs, 2);

  /* Each change is caught; restoring it makes the archive verify again. */
  static const char *aRel[] = {
    "documents/0001/attachments/01-附件1：名单.txt",
    "documents/0001/body.md",
    "documents/0002/document.json",
    "manifest.csv",
    "ledger.jsonl",
  };
  for (size_t i = 0; i < sizeof aRel / sizeof aRel[0]; i++) {
    int c = flip(zOut, aRel[i]);
    CHECK(c >= 0);
    CHECK_INT(verify(zOut, &nDocs, &err), -1);
    CHECK(strstr(buf_str(&err), "改动") != NULL);
    flip(zOut, aRel[i]);
    CHECK_INT(verify(zOut, &nDocs, &err), 0);
  }
  /* A date changed in manifest.json (which lists but does not hash
  ** itself) no longer matches the document. */
  {
    char zMan[256];
    snprintf(zMan, sizeof zMan, "%s/manifest.json", zOut);
    Buf m = BUF_INIT;
    FILE *fm = fopen(zMan, "rb");
    char aBuf[4096];
    size_t k;
    while (fm && (k = fread(aBuf, 1, sizeof aBuf, fm)) > 0) buf_append(&m, aBuf, k);
    if (fm) fclose(fm);
    char *zHit = m.z ? strstr(m.z, "2018-12-28") : NULL;
    CHECK(zHit != NULL);
    if (zHit) {
      zHit[9] = '9';
      fm = fopen(zMan, "wb");
      if (fm) { fwrite(m.z, 1, m.n, fm); fclose(fm); }
      CHECK_INT(verify(zOut, &nDocs, &err), -1);
      CHECK(strstr(buf_str(&err), "不符") != NULL);
      zHit[9] = '8';
      fm = fopen(zMan, "wb");
      if (fm) { fwrite(m.z, 1, m.n, fm); fclose(fm); }
      CHECK_INT(verify(zOut, &nDocs, &err), 0);
    }
    buf_free(&m);
  }
  /* A stray file, and a missing one. */
  char zPath[256];
  snprintf(zPath, sizeof zPath, "%s/extra.txt", zOut);
  FILE *f = fopen(zPath, "w");
  if (f) { fputs("x", f); fclose(f); }
  CHECK_INT(verify(zOut, &nDocs, &err), -1);
  CHECK(strstr(buf_str(&err), "清单之外的文件：extra.txt") != NULL);
  unlink(zPath);
  snprintf(zPath, sizeof zPath, "%s/documents/0002/body.md", zOut);
  unlink(zPath);
  CHECK_INT(verify(zOut, &nDocs, &err), -1);
  CHECK(strstr(buf_str(&err), "缺少文件：documents/0002/body.md") != NULL);

  buf_free(&err);
  store_close(s);
  char zCmd[256];
  snprintf(zCmd, sizeof zCmd, "rm -rf '%s'", zDir);
  CHECK_INT(system(zCmd), 0);
}
