/* test_reports.c — stored annual reports (src/store/store_reports.c) and
** their file forms (src/web/report_out.c): the numbers of seed 001 (盐池县
** 卫生健康局 2020, 2019 format) and of seed 004 (鄞州区卫生健康局 2018,
** the statistical form) entered as overrides reproduce the seeds' tables
** exactly in JSON and CSV; a cell override needs a reason; acceptances
** come back with the report; the register feeds table 二; the DOCX holds
** every table label. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zip.h>

#include "../../src/core/report_text.h"
#include "../../src/store/store_reports.h"
#include "../../src/web/reports.h"
#include "harness.h"
#include "storefix.h"
#include "report_fixture.h"

#define FX "tests/fixtures/report/"

/* A fresh database with one organisation named zName; *pOrg its id. */
static Store *fresh(char zPath[64], const char *zName, int64_t *pOrg) {
  Store *s = NULL;
  char *zErr = NULL;
  strcpy(zPath, "/tmp/gk-unit-rep-XXXXXX");
  int fd = mkstemp(zPath);
  if (fd < 0) return NULL;
  close(fd);
  unlink(zPath);
  if (fix_store_open(zPath, STORE_CREATE, &s, &zErr) != STORE_OK) {
    fprintf(stderr, "  store_open: %s\n", zErr ? zErr : "?");
    free(zErr);
    return NULL;
  }
  Org o;
  memset(&o, 0, sizeof o);
  o.zSlug = "t-org";
  o.zName = zName;
  if (store_org_add(s, &o) != STORE_OK) {
    store_close(s);
    return NULL;
  }
  *pOrg = o.id;
  return s;
}

static void drop(Store *s, const char *zPath) {
  char z[96];
  store_close(s);
  unlink(zPath);
  snprintf(z, sizeof z, "%s-wal", zPath);
  unlink(z);
  snprintf(z, sizeof z, "%s-shm", zPath);
  unlink(z);
}

/* Reads a fixture report text into a grid (NULL on failure). */
static Report *read_text(const RfSet *pSet, const char *zFile) {
  char *z = fixture_read(zFile);
  RtResult r;
  Report *p = NULL;
  if (!z) return NULL;
  if (report_text_read(pSet, z, NULL, &r) == 0) {
    p = r.pReport;
    r.pReport = NULL;
  }
  rt_result_free(&r);
  free(z);
  return p;
}

/* Enters every cell of q as an override of a stored report of (org, year,
** q's format), builds it back and compares JSON (reasons dropped) and CSV
** with q's.  Returns the built report (caller frees) or NULL. */
static Report *roundtrip(Store *s, const RfSet *pSet, int64_t org,
                         const Report *q) {
  Arena a = ARENA_INIT;
  ReportRec rec;
  Report *p = NULL;
  CHECK_INT(store_report_ensure(s, &a, org, q->iYear, 0, q->pFmt->zId, 0,
                                &rec),
            STORE_OK);
  CHECK_INT(store_begin(s), STORE_OK);
  for (int i = 0; i < q->pFmt->nCell; i++) {
    int t, w;
    long long v = 0;
    rf_cell_locate(q->pFmt, i, &t, &w, NULL);
    if (!q->pFmt->aTable[t].aRow[w].bData) continue;
    char *zId = rf_cell_id(q->pFmt, i);
    int bSet = report_get(q, i, &v);
    CHECK_INT(store_report_override(s, pSet, rec.id, zId, bSet, v, 0,
                                    "按已公开报告录入", 0),
              STORE_OK);
    free(zId);
  }
  CHECK_INT(store_commit(s), STORE_OK);
  CHECK_INT(store_report_build(s, pSet, &rec, 0, &p), STORE_OK);
  if (!p) {
    arena_free(&a);
    return NULL;
  }
  for (int i = 0; i < p->pFmt->nCell; i++) report_set_reason(p, i, NULL);
  char *zA = report_to_json(p), *zB = report_to_json(q);
  CHECK_STR(zA, zB);
  free(zA);
  free(zB);
  Buf ca = BUF_INIT, cb = BUF_INIT;
  report_out_csv(p, &ca);
  report_out_csv(q, &cb);
  CHECK_STR(buf_str(&ca), buf_str(&cb));
  buf_free(&ca);
  buf_free(&cb);
  arena_free(&a);
  return p;
}

/* The CSV value of one cell ("" blank, NULL when the line is absent). */
static char *csv_value(const Report *p, const char *zPrefix) {
  Buf b = BUF_INIT;
  report_out_csv(p, &b);
  const char *z = strstr(buf_str(&b), zPrefix);
  char *zOut = NULL;
  if (z) {
    z += strlen(zPrefix);
    zOut = xstrndup(z, strcspn(z, "\r\n"));
  }
  buf_free(&b);
  return zOut;
}

TEST(report_seed001_reproduced_from_its_numbers) {
  RfSet set = {0};
  char zPath[64];
  int64_t org;
  fixture_formats(&set);
  Report *q = read_text(&set, FX "seed001_yanchi_2020.txt");
  CHECK(q != NULL);
  Store *s = fresh(zPath, "盐池县卫生健康局", &org);
  CHECK(s != NULL);
  if (!q || !s) goto out;
  CHECK_STR(q->pFmt->zId, "2019");
  CHECK_INT(q->iYear, 2020);
  Report *p = roundtrip(s, &set, org, q);
  CHECK(p != NULL);
  if (p) {
    /* The printed numbers of seed 001, table 二 (第二十条第（五）（六）项). */
    char *z = csv_value(p, "t2_art20_5,other_services,prev_items,");
    CHECK_STR(z ? strchr(z, ',') + 1 : "", "上一年项目数量,44");
    free(z);
    z = csv_value(p, "t2_art20_5,other_services,decisions,");
    CHECK_STR(z ? strchr(z, ',') + 1 : "", "处理决定数量,73");
    free(z);
    z = csv_value(p, "t2_art20_6,penalty,delta,");
    CHECK_STR(z ? strchr(z, ',') + 1 : "", "本年增/减,5");
    free(z);
    z = csv_value(p, "t2_art20_6,penalty,decisions,");
    CHECK_STR(z ? strchr(z, ',') + 1 : "", "处理决定数量,27");
    free(z);
    z = csv_value(p, "t3,new,total,");
    CHECK_STR(z ? strchr(z, ',') + 1 : "", "总计,0");
    free(z);
    RpResult res;
    report_check(p, NULL, &res);
    CHECK_INT(res.nBroken, 0);
    rp_result_free(&res);
    report_free(p);
  }
out:
  report_free(q);
  if (s) drop(s, zPath);
  rf_set_free(&set);
}

TEST(report_seed004_stat_form_reproduced) {
  RfSet set = {0};
  char zPath[64];
  int64_t org;
  fixture_formats(&set);
  Report *q = read_text(&set, FX "seed004_yinzhou_2018.txt");
  CHECK(q != NULL);
  Store *s = fresh(zPath, "鄞州区卫生健康局", &org);
  CHECK(s != NULL);
  if (!q || !s) goto out;
  CHECK_STR(q->pFmt->zId, "stat2018");
  if (!q->iYear) q->iYear = 2018;
  Report *p = roundtrip(s, &set, org, q);
  CHECK(p != NULL);
  if (p) {
    /* Every table label of the form appears in the DOCX. */
    Buf d = BUF_INIT;
    ReportText txt = {"总体情况。", NULL, NULL};
    CHECK_INT(report_out_docx(p, &txt, &d), 0);
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t *src = zip_source_buffer_create(d.z, d.n, 0, &err);
    zip_t *za = src ? zip_open_from_source(src, ZIP_RDONLY, &err) : NULL;
    CHECK(za != NULL);
    if (za) {
      zip_stat_t st;
      CHECK_INT(zip_stat(za, "word/document.xml", 0, &st), 0);
      zip_file_t *f = zip_fopen(za, "word/document.xml", 0);
      char *zDoc = calloc(1, st.size + 1);
      CHECK(f && zip_fread(f, zDoc, st.size) == (zip_int64_t)st.size);
      if (f) zip_fclose(f);
      for (int t = 0; t < p->pFmt->nTable; t++) {
        const RfTable *tb = &p->pFmt->aTable[t];
        for (int r = 0; r < tb->nRow; r++) {
          Buf want = BUF_INIT;
          buf_printf(&want, "%h", tb->aRow[r].zLabel ? tb->aRow[r].zLabel
                                                      : tb->aRow[r].zShort);
          if (!strstr(zDoc, buf_str(&want))) {
            fprintf(stderr, "  missing label %s\n", buf_str(&want));
            CHECK(0);
          }
          buf_free(&want);
        }
      }
      free(zDoc);
      zip_close(za);
    } else if (src) {
      zip_source_free(src);
    }
    zip_error_fini(&err);
    buf_free(&d);
    report_free(p);
  }
out:
  report_free(q);
  if (s) drop(s, zPath);
  rf_set_free(&set);
}

TEST(report_store_override_acceptance_register) {
  RfSet set = {0};
  char zPath[64];
  int64_t org;
  Arena a = ARENA_INIT;
  ReportRec rec;
  Report *p = NULL;
  fixture_formats(&set);
  Store *s = fresh(zPath, "测试局", &org);
  CHECK(s != NULL);
  if (!s) goto out;
  CHECK_STR(store_report_format_for_year(2021), "2021");
  CHECK_STR(store_report_format_for_year(2020), "2019");
  CHECK_STR(store_report_format_for_year(2018), "stat2018");
  CHECK_INT(store_report_ensure(s, &a, org, 2022, 0, "2021", 0, &rec),
            STORE_OK);
  CHECK_STR(rec.zStatus, "draft");
  /* No reason, unknown cell, bad register input: refused. */
  CHECK_INT(store_report_override(s, &set, rec.id, "t3[new][total]", 1,
                                  5 * RF_SCALE, 0, "  ", 0),
            STORE_INVALID);
  CHECK_INT(store_report_override(s, &set, rec.id, "t3[old][total]", 1,
                                  5 * RF_SCALE, 0, "x", 0),
            STORE_INVALID);
  CHECK_INT(store_report_register_put(s, org, 2022, "fines", 1, 0, "form", 0),
            STORE_INVALID);
  CHECK_INT(store_report_register_put(s, org, 2022, "penalty", -1, 0, "form",
                                      0),
            STORE_INVALID);
  /* Register: table 二. */
  CHECK_INT(store_report_register_put(s, org, 2022, "penalty", 7, 0, "form",
                                      0),
            STORE_OK);
  CHECK_INT(store_report_register_put(s, org, 2022, "admin_fees", 0,
                                      3 * RF_SCALE / 2, "csv", 0),
            STORE_OK);
  CHECK_INT(store_report_register_put(s, org, 2022, "penalty", 9, 0, "csv",
                                      0),
            STORE_OK);
  CHECK_INT(store_report_override(s, &set, rec.id, "t3[new][natural_person]",
                                  1, 2 * RF_SCALE, 0, "补录", 0),
            STORE_OK);
  CHECK_INT(store_report_accept(s, rec.id, "R1[natural_person]", "口径不同",
                                0),
            STORE_OK);
  CHECK_INT(store_report_build(s, &set, &rec, 0, &p), STORE_OK);
  if (p) {
    long long v = -1;
    CHECK(report_get(p, rf_cell(p->pFmt, "t2_art20_6", "penalty",
                                 "decisions"), &v));
    CHECK(v == 9 * RF_SCALE);
    CHECK(report_get(p, rf_cell(p->pFmt, "t2_art20_8", "admin_fees",
                                "amount_wan_yuan"), &v));
    CHECK(v == 15000);
    CHECK(report_get(p, rf_cell(p->pFmt, "t3", "new", "natural_person"), &v));
    CHECK(v == 2 * RF_SCALE);
    CHECK(report_get(p, rf_cell(p->pFmt, "t3", "new", "total"), &v));
    CHECK(v == 0);
    CHECK_STR(report_accepted(p, "R1[natural_person]"), "口径不同");
    RpResult res;
    report_check(p, NULL, &res);
    /* R1 for 自然人 accepted; R2 for 一 broken (total 0 vs 2). */
    CHECK_INT(res.nAccepted, 1);
    CHECK_INT(res.nBroken, 1);
    rp_result_free(&res);
    char *z6 = report_section6(p, "无。");
    CHECK_STR(z6, "无。\n关于统计表数据不一致的说明（R1[natural_person]）：口径不同");
    free(z6);
    report_free(p);
    p = NULL;
  }
  /* Back to the computed value. */
  CHECK_INT(store_report_override(s, &set, rec.id, "t3[new][natural_person]",
                                  0, 0, 1, "撤销补录", 0),
            STORE_OK);
  ReportOverride *aO;
  int nO = 0;
  CHECK_INT(store_report_overrides(s, &a, rec.id, &aO, &nO), STORE_OK);
  CHECK_INT(nO, 2);
  if (nO == 2) {
    CHECK_INT(aO[0].bRemoved, 1);
    CHECK_STR(aO[1].zReason, "补录");
  }
  CHECK_INT(store_report_build(s, &set, &rec, 0, &p), STORE_OK);
  if (p) {
    long long v = -1;
    CHECK(report_get(p, rf_cell(p->pFmt, "t3", "new", "natural_person"), &v));
    CHECK(v == 0);
    CHECK(p->aCell[rf_cell(p->pFmt, "t3", "new", "natural_person")].zReason ==
          NULL);
    /* Published: the snapshot stands even when the register changes. */
    char *zSnap = report_to_json(p);
    CHECK_INT(store_report_set_status(s, rec.id, "published", NULL, 0),
              STORE_INVALID);
    CHECK_INT(store_report_set_status(s, rec.id, "published", zSnap, 0),
              STORE_OK);
    free(zSnap);
    report_free(p);
    p = NULL;
    CHECK_INT(store_report_register_put(s, org, 2022, "penalty", 99, 0, "csv",
                                        0),
              STORE_OK);
    CHECK_INT(store_report_by_id(s, &a, rec.id, &rec), STORE_OK);
    CHECK_STR(rec.zStatus, "published");
    CHECK_INT(store_report_build(s, &set, &rec, 0, &p), STORE_OK);
    if (p) {
      CHECK(report_get(p, rf_cell(p->pFmt, "t2_art20_6", "penalty",
                                  "decisions"), &v));
      CHECK(v == 9 * RF_SCALE);
      report_free(p);
    }
  }
out:
  arena_free(&a);
  if (s) drop(s, zPath);
  rf_set_free(&set);
}
