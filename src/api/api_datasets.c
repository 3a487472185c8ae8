/*
** api_datasets.c — bulk open data (see api_datasets.h).
**
** Three kinds of dataset, each for the whole site and for every
** organisation: documents (the API's document object, its address and its
** body), catalogue (the API's catalogue item with its organisation) and
** reports (one row per cell of every published annual report).  A row is
** built once as a JSON object; the JSON Lines file takes it whole, the CSV
** file takes the kind's columns from it (arrays joined with "；", formula
** cells neutralised by the %c formatter).
*/
#include "api/api_datasets.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <ftw.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "api/api.h"
#include "api/api_catalogue.h"
#include "api/api_documents.h"
#include "lib/crypto.h"
#include "store/store_catalogue.h"
#include "store/store_documents.h"
#include "store/store_reports.h"
#include "web/reports.h"

#define DS_LICENSE "https://creativecommons.org/licenses/by/4.0/"
#define DS_MAX_AGE (24 * 3600)

typedef struct DsKind {
  const char *zId;           /* "documents" */
  const char *zTitle;        /* Chinese title */
  const char *zDescription;
  const char *const *azCol;  /* CSV columns = row keys, NULL-terminated */
  const char *const *azColHelp;
} DsKind;

static const char *const azDocCol[] = {
  "id", "org", "org_name", "index_number", "title", "doc_number", "publisher", "signed_date",
  "published_date", "genre", "report_kind", "keywords", "summary", "validity", "validity_date",
  "catalogue_item_id", "interprets_id", "replaced_by_id", "url", "body", NULL};
static const char *const azDocHelp[] = {
  "文件编号", "单位标识", "单位名称", "索引号", "标题", "文号", "发布机构", "成文日期",
  "发布日期", "体裁", "类别（regulation 规章、normative 规范性文件、other 其他）", "关键词",
  "内容概述", "有效性（valid 有效、amended 已修改、repealed 已废止、expired 已失效）",
  "有效性变更日期", "所属公开目录事项的编号（可为空）",
  "所解读政策文件的文件编号（仅政策解读，可为空）", "替代本文件的文件编号（可为空）", "网址",
  "正文（Markdown）", NULL};
static const char *const azCatCol[] = {
  "org", "id", "list", "list_label", "seq", "level1", "level2", "content", "basis", "time_limit",
  "dept", "responsible", "phone", "channels", "channel_labels", "channel_text", "audience",
  "audience_label", "mode", "mode_label", "frequency", "tier", "review", "art20_item",
  "art20_label", "requires_interpretation", "code", "legal_ground", "legal_ground_label", "note",
  NULL};
static const char *const azCatHelp[] = {
  "单位标识", "事项编号", "目录（proactive 主动公开、on_request 依申请公开、negative 负面清单）",
  "目录名称", "序号", "一级事项", "二级事项", "公开内容", "公开依据", "公开时限", "责任科室",
  "责任人", "联系电话",
  "公开渠道代码（website 政府网站、gazette 政府公报、new_media 两微一端、press_hearing "
  "发布会/听证会、broadcast 广播电视、print 纸质媒体、reading_point 公开查阅点、service_center "
  "政务服务中心、service_station 便民服务站、door_to_door 入户/现场、bulletin_board 公示栏"
  "（电子屏）、targeted_push 精准推送、other 其他；CSV 中以“；”分隔）",
  "公开渠道", "公开渠道（按原文；为空时以所选渠道为准）",
  "公开对象（all 全社会、group 特定群体；可为空）", "公开对象名称",
  "公开方式（proactive 主动公开、on_request 依申请公开、withheld 不予公开；可为空）", "公开方式名称",
  "更新频率", "公开层级", "审核程序", "条例第二十条对应项", "对应项名称",
  "是否须同步发布政策解读（true 是、false 否）", "事项代码（用于编制索引号）",
  "不予公开的依据代码（仅负面清单：state_secret、law_prohibited、security、third_party、"
  "internal、process、enforcement；可为空）", "不予公开的依据（条例条款）", "备注", NULL};
static const char *const azRepCol[] = {"org", "org_name", "year", "format", "table", "row",
                                       "column", "value", "table_label", "row_label",
                                       "column_label", NULL};
static const char *const azRepHelp[] = {"单位标识", "单位名称", "年度", "报告格式", "表",
                                        "行", "列", "数值", "表名称", "行名称", "列名称", NULL};

static const DsKind aKind[] = {
  {"documents", "主动公开政府信息", "每份已发布政府信息的元数据与正文。", azDocCol, azDocHelp},
  {"catalogue", "政府信息公开目录", "主动公开基本目录、依申请公开目录和负面清单的全部事项。",
   azCatCol, azCatHelp},
  {"reports", "政府信息公开工作年度报告统计表", "已发布年度报告各统计表的每个单元格。",
   azRepCol, azRepHelp},
};

/* One dataset being written: both files beside their final names. */
typedef struct DsOut {
  const DsKind *k;
  const char *zDir, *zName;   /* zName: "documents" or "documents-znwsj" */
  FILE *fJ, *fC;
  long nRow;
} DsOut;

static char *ds_path(const DsOut *o, const char *zExt, int bTmp) {
  return mprintf("%s/%s.%s%s", o->zDir, o->zName, zExt, bTmp ? ".tmp" : "");
}

static int ds_open(DsOut *o, const DsKind *k, const char *zDir, const char *zName) {
  memset(o, 0, sizeof *o);
  o->k = k, o->zDir = zDir, o->zName = zName;
  char *zJ = ds_path(o, "jsonl", 1), *zC = ds_path(o, "csv", 1);
  o->fJ = fopen(zJ, "wb");
  o->fC = fopen(zC, "wb");
  free(zJ), free(zC);
  if (!o->fJ || !o->fC) return -1;
  Buf b = BUF_INIT;
  buf_puts(&b, "\xEF\xBB\xBF");  /* BOM: Excel reads UTF-8 */
  for (int i = 0; k->azCol[i]; i++) {
    if (i) buf_putc(&b, ',');
    buf_printf(&b, "%c", k->azCol[i]);
  }
  buf_puts(&b, "\r\n");
  fwrite(buf_str(&b), 1, b.n, o->fC);
  buf_free(&b);
  return 0;
}

/* The text of one CSV cell from a JSON value. */
static void cell_text(Buf *b, json_t *v) {
  if (json_is_string(v)) buf_puts(b, json_string_value(v));
  else if (json_is_integer(v)) buf_printf(b, "%lld", (long long)json_integer_value(v));
  else if (json_is_real(v)) {
    /* As the JSONL line writes it (1.5, not 1.5000): one number, one text. */
    char *z = json_dumps(v, JSON_ENCODE_ANY | DATASET_JSON_FLAGS);
    if (z) buf_puts(b, z);
    free(z);
  }
  else if (json_is_true(v)) buf_puts(b, "true");
  else if (json_is_false(v)) buf_puts(b, "false");
  else if (json_is_array(v)) {
    size_t i;
    json_t *e;
    json_array_foreach(v, i, e) {
      if (i) buf_puts(b, "；");
      cell_text(b, e);
    }
  }
}

/* Writes row (consumed) to both files. */
static void ds_row(DsOut *o, json_t *row) {
  char *zJ = json_dumps(row, DATASET_JSON_FLAGS);
  if (zJ) fprintf(o->fJ, "%s\n", zJ);
  free(zJ);
  Buf line = BUF_INIT, cell = BUF_INIT;
  for (int i = 0; o->k->azCol[i]; i++) {
    buf_reset(&cell);
    cell_text(&cell, json_object_get(row, o->k->azCol[i]));
    if (i) buf_putc(&line, ',');
    buf_printf(&line, "%c", buf_str(&cell));
  }
  buf_puts(&line, "\r\n");
  fwrite(buf_str(&line), 1, line.n, o->fC);
  buf_free(&line), buf_free(&cell);
  json_decref(row);
  o->nRow++;
}

/* Closes both files, renames them into place and returns the manifest
** entry (new reference), or NULL on an I/O error. */
static json_t *ds_close(DsOut *o, const char *zPublisher, const char *zModified,
                        const char *zUrlBase) {
  int bErr = (fclose(o->fJ) != 0) | (fclose(o->fC) != 0);
  json_t *aDist = json_array();
  static const char *const azExt[][2] = {{"jsonl", "application/x-ndjson"},
                                         {"csv", "text/csv; charset=utf-8"}};
  for (int i = 0; i < 2 && !bErr; i++) {
    char *zTmp = ds_path(o, azExt[i][0], 1), *zFinal = ds_path(o, azExt[i][0], 0);
    char zSha[65];
    long long nBytes = 0;
    bErr = crypto_sha256_file(zTmp, zSha, &nBytes) || rename(zTmp, zFinal);
    if (!bErr)
      json_array_append_new(aDist, json_pack("{s:s,s:s,s:s+++,s:I,s:s}", "format", azExt[i][0],
          "media_type", azExt[i][1], "url", zUrlBase, o->zName, ".", azExt[i][0], "bytes",
          (json_int_t)nBytes, "sha256", zSha));
    free(zTmp), free(zFinal);
  }
  if (bErr) { json_decref(aDist); return NULL; }
  json_t *aField = json_array();
  for (int i = 0; o->k->azCol[i]; i++)
    json_array_append_new(aField, json_pack("{s:s,s:s}", "name", o->k->azCol[i],
                                            "description", o->k->azColHelp[i]));
  return json_pack("{s:s,s:s+,s:s,s:s,s:s,s:s,s:s,s:o,s:o}", "id", o->zName, "title",
                   zPublisher, o->k->zTitle, "description", o->k->zDescription, "publisher",
                   zPublisher, "license", DS_LICENSE, "accrual_periodicity", "daily",
                   "modified", zModified, "fields", aField, "distributions", aDist);
}

/* ---- rows of each kind ---------------------------------------------------- */

/* Every published document of orgId (0: all), newest first. */
static int rows_documents(Store *s, DsOut *o, int64_t orgId, const char *zBaseUrl) {
  DocQuery q;
  memset(&q, 0, sizeof q);
  q.orgId = orgId;
  q.zState = "published";
  q.bPublicOnly = 1;
  q.limit = 500;
  for (;;) {
    Arena a = ARENA_INIT;
    Doc *aDoc;
    int n, rc = store_doc_list(s, &a, &q, &aDoc, &n, NULL);
    for (int i = 0; rc == STORE_OK && i < n; i++) {
      Doc d;
      if ((rc = store_doc_get(s, &a, aDoc[i].id, &d)) != STORE_OK) break;
      json_t *row = api_doc_json(&d);
      json_object_del(row, "state");
      json_object_del(row, "withdraw_reason");
      json_object_set_new(row, "url", json_pack("s+++", zBaseUrl, "/o/", d.zOrgSlug,
                                                arena_printf(&a, "/d/%lld", (long long)d.id)));
      json_object_set_new(row, "body", json_string(d.zBody));
      ds_row(o, row);
    }
    arena_free(&a);
    if (rc != STORE_OK) return rc;
    if (n < q.limit) return STORE_OK;
    q.offset += n;
  }
}

static int rows_catalogue(Store *s, DsOut *o, const Org *aOrg, int nOrg, int64_t orgId) {
  for (int k = 0; k < nOrg; k++) {
    if (orgId && aOrg[k].id != orgId) continue;
    Arena a = ARENA_INIT;
    CatItem *aItem;
    int n, rc = store_cat_list(s, &a, aOrg[k].id, NULL, &aItem, &n);
    for (int i = 0; rc == STORE_OK && i < n; i++) {
      json_t *row = api_cat_item_json(&a, &aItem[i]);
      json_object_set_new(row, "org", json_string(aOrg[k].zSlug));
      ds_row(o, row);
    }
    arena_free(&a);
    if (rc != STORE_OK) return rc;
  }
  return STORE_OK;
}

/* The official caption of a table: its own, else its section's title. */
static const char *table_label(const RfFormat *pFmt, const RfTable *pTab) {
  if (pTab->zCaption) return pTab->zCaption;
  for (int i = 0; i < pFmt->nSection; i++)
    if (!strcmp(pFmt->aSection[i].zId, pTab->zSection)) return pFmt->aSection[i].zTitle;
  return pTab->zId;
}

/* Adds the official labels of a cell to row (a person reads these; the
** codes stay for programs): a column under a group as "group·label". */
static void cell_labels(json_t *row, const RfFormat *pFmt, const char *zTable,
                        const char *zRow, const char *zCol) {
  const RfTable *pTab = pFmt ? rf_table_find(pFmt, zTable) : NULL;
  int iRow = pTab ? rf_row_find(pTab, zRow) : -1, iCol = pTab ? rf_col_find(pTab, zCol) : -1;
  const RfRow *pR = iRow >= 0 ? &pTab->aRow[iRow] : NULL;
  const RfColumn *pC = iCol >= 0 ? &pTab->aCol[iCol] : NULL;
  json_object_set_new(row, "table_label", json_string(pTab ? table_label(pFmt, pTab) : zTable));
  json_object_set_new(row, "row_label", json_string(!pR ? zRow : pR->zLabel ? pR->zLabel
                                                         : pR->zShort ? pR->zShort : zRow));
  json_object_set_new(row, "column_label",
                      !pC ? json_string(zCol)
                      : pC->zGroup ? json_pack("s++", pC->zGroup, "·", pC->zLabel)
                                   : json_string(pC->zLabel));
}

/* One row per cell of the report's tables (the API's report object). */
static void report_rows(DsOut *o, const RfSet *pSet, const Org *pOrg, json_t *rep) {
  const char *zTable, *zRow, *zCol;
  json_t *t, *row, *v;
  const char *zFmt = json_string_value(json_object_get(rep, "format"));
  const RfFormat *pFmt = zFmt ? rf_format_find(pSet, zFmt) : NULL;
  json_object_foreach(json_object_get(rep, "tables"), zTable, t) {
    json_object_foreach(t, zRow, row) {
      json_object_foreach(row, zCol, v) {
        json_t *out = json_pack("{s:s,s:s,s:O,s:O,s:s,s:s,s:s,s:O}", "org", pOrg->zSlug,
                                "org_name", pOrg->zName, "year", json_object_get(rep, "year"),
                                "format", json_object_get(rep, "format"), "table", zTable,
                                "row", zRow, "column", zCol, "value", v);
        cell_labels(out, pFmt, zTable, zRow, zCol);
        ds_row(o, out);
      }
    }
  }
}

static int rows_reports(Store *s, DsOut *o, const RfSet *pSet, const Org *aOrg, int nOrg,
                        int64_t orgId) {
  for (int k = 0; k < nOrg; k++) {
    if (orgId && aOrg[k].id != orgId) continue;
    Arena a = ARENA_INIT;
    ReportRec *aRec;
    int n, rc = store_report_list(s, &a, aOrg[k].id, 1, &aRec, &n);
    for (int i = 0; rc == STORE_OK && i < n; i++) {
      if (aRec[i].bSubtree || aRec[i].orgId != aOrg[k].id) continue;
      ReportRec rec;
      Report *p = NULL;
      int bStored = 0;
      rc = report_build_current(s, &a, pSet, &aOrg[k], aRec[i].year, 0, NULL, 0, &rec,
                                &bStored, &p);
      char *zJ = rc == STORE_OK ? report_to_json(p) : NULL;
      json_t *rep = zJ ? json_loads(zJ, 0, NULL) : NULL;
      if (rep) report_rows(o, pSet, &aOrg[k], rep);
      json_decref(rep);
      free(zJ);
      report_free(p);
    }
    arena_free(&a);
    if (rc != STORE_OK) return rc;
  }
  return STORE_OK;
}

/* ---- building ---------------------------------------------------------- */

typedef int (*RowsFn)(Store *, DsOut *, const RfSet *, const Org *, int, int64_t, const char *);

static int rows_of(int iKind, Store *s, DsOut *o, const RfSet *pSet, const Org *aOrg, int nOrg,
                   int64_t orgId, const char *zBaseUrl) {
  switch (iKind) {
    case 0: return rows_documents(s, o, orgId, zBaseUrl);
    case 1: return rows_catalogue(s, o, aOrg, nOrg, orgId);
    default: return rows_reports(s, o, pSet, aOrg, nOrg, orgId);
  }
}

/* "2026-12-07T08:16:11+08:00" for now. */
static void now_cn(char z[32]) {
  time_t t = time(NULL) + 8 * 3600;
  struct tm tm;
  gmtime_r(&t, &tm);
  strftime(z, 32, "%Y-%m-%dT%H:%M:%S+08:00", &tm);
}

static int write_manifest(const char *zDir, json_t *aDs, const char *zSite, const char *zBaseUrl) {
  json_t *m = json_pack("{s:{s:s+,s:s,s:s,s:s+},s:O}", "catalog", "title", zSite, "开放数据",
                        "publisher", zSite, "license", DS_LICENSE, "homepage", zBaseUrl, "/",
                        "datasets", aDs);
  char *zTmp = mprintf("%s/manifest.json.tmp", zDir), *zFinal = mprintf("%s/manifest.json", zDir);
  int rc = json_dump_file(m, zTmp, DATASET_JSON_FLAGS) || rename(zTmp, zFinal);
  free(zTmp), free(zFinal);
  json_decref(m);
  return rc;
}

int datasets_build(Store *s, const char *zDir, const char *zBaseUrl, char **pzErr) {
  if (mkdir(zDir, 0755) && errno != EEXIST) {
    *pzErr = mprintf("cannot create %s", zDir);
    return 1;
  }
  Arena a = ARENA_INIT;
  Org *aOrg;
  int nOrg, rc = 0;
  RfSet set = {0};
  char *zErr = NULL;
  if (store_org_tree(s, &a, 0, &aOrg, &nOrg) != STORE_OK || rf_set_load_builtin(&set, &zErr)) {
    *pzErr = mprintf("%s", zErr ? zErr : store_errmsg(s));
    free(zErr);
    arena_free(&a);
    return 1;
  }
  int nRoot = 0;
  for (int i = 0; i < nOrg; i++) nRoot += aOrg[i].parentId == 0;
  const char *zSite = nRoot == 1 ? aOrg[0].zName : "政府信息公开平台";
  char zNow[32];
  now_cn(zNow);
  json_t *aDs = json_array();
  for (int k = 0; k < 3 && !rc; k++) {
    for (int i = -1; i < nOrg && !rc; i++) {
      DsOut o;
      const char *zName = i < 0 ? aKind[k].zId : arena_printf(&a, "%s-%s", aKind[k].zId,
                                                             aOrg[i].zSlug);
      rc = ds_open(&o, &aKind[k], zDir, zName) ||
           rows_of(k, s, &o, &set, aOrg, nOrg, i < 0 ? 0 : aOrg[i].id, zBaseUrl) != STORE_OK;
      json_t *e = o.fJ && o.fC ? ds_close(&o, i < 0 ? zSite : aOrg[i].zName, zNow,
                                          "/api/v1/datasets/") : NULL;
      if (!e) rc = 1;
      else json_array_append_new(aDs, e);
    }
  }
  if (!rc && write_manifest(zDir, aDs, zSite, zBaseUrl)) rc = 1;
  if (rc) *pzErr = mprintf("building the datasets in %s failed: %s", zDir, store_errmsg(s));
  json_decref(aDs);
  rf_set_free(&set);
  arena_free(&a);
  return rc;
}

/* ---- serving ----------------------------------------------------------- */

/* PostgreSQL has no directory beside the database: the files are this
** process's own, in a private directory made once under $TMPDIR. */
static char zPgDir[4096];

static int rm_entry(const char *zPath, const struct stat *st, int flag, struct FTW *f) {
  (void)st; (void)flag; (void)f;
  remove(zPath);  /* best effort: keep walking */
  return 0;
}

/* At exit: the private directory and what was built in it. */
static void pg_dir_remove(void) {
  if (zPgDir[0]) nftw(zPgDir, rm_entry, 8, FTW_DEPTH | FTW_PHYS);
}

static void pg_dir_make(void) {
  const char *zTmp = getenv("TMPDIR");
  snprintf(zPgDir, sizeof zPgDir, "%s/gongkai-datasets-XXXXXX",
           zTmp && zTmp[0] ? zTmp : "/tmp");
  if (!mkdtemp(zPgDir)) zPgDir[0] = 0;
  else atexit(pg_dir_remove);
}

const char *datasets_dir(Req *r) {
  const char *zDb = r->cfg->zDbPath, *zSlash = strrchr(zDb, '/');
  if (store_kind(zDb) != STORE_KIND_SQLITE) {
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, pg_dir_make);
    return zPgDir[0] ? zPgDir : "/nonexistent/gongkai-datasets";
  }
  if (!zSlash) return "datasets";
  size_t n = (size_t)(zSlash - zDb);
  char *z = arena_alloc(&r->arena, n + sizeof "/datasets");
  memcpy(z, zDb, n);
  memcpy(z + n, "/datasets", sizeof "/datasets");
  return z;
}

/* The build lock: flock() on zDir/build.lock, so that the worker threads
** of one server and the servers sharing one SQLite database (whose files
** live in one directory) build one at a time.  Returns the locked
** descriptor, or -1 when another holder has it and bWait is 0 (or the
** file cannot be made). */
static int build_lock(const char *zDir, int bWait) {
  if (mkdir(zDir, 0755) && errno != EEXIST) return -1;
  char *zLock = mprintf("%s/build.lock", zDir);
  int fd = open(zLock, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  free(zLock);
  if (fd < 0) return -1;
  while (flock(fd, bWait ? LOCK_EX : LOCK_EX | LOCK_NB)) {
    if (errno == EINTR) continue;
    close(fd);
    return -1;
  }
  return fd;
}

/* The ledger head the files in zDir were built at (the file "ledger-head",
** which file_name_ok() never serves), or -1 when unknown. */
static int64_t built_head(const char *zStamp) {
  FILE *f = fopen(zStamp, "r");
  long long v = -1;
  if (f) {
    if (fscanf(f, "%lld", &v) != 1) v = -1;
    fclose(f);
  }
  return (int64_t)v;
}

/* 1 when the files in zDir are due for a build: no manifest, a manifest a
** day old, or built at another publication-ledger head than head (when
** the head cannot be read, head is -1 and the day's age alone decides). */
static int build_due(const char *zManifest, const char *zStamp, int64_t head) {
  struct stat st;
  return stat(zManifest, &st) != 0 || time(NULL) - st.st_mtime > DS_MAX_AGE ||
         (head >= 0 && built_head(zStamp) != head);
}

/* Builds the datasets when they are due (build_due): a withdrawn or
** corrected document leaves the files at once.  One request builds.  Files
** that are not due are served while another request holds the lock (each
** file is renamed into place whole).  When they are due and a build is
** running, the request is told to come back, DS_BUSY, instead of holding
** a worker thread for the whole build (a burst of visitors after a
** publication would hold them all); only with bWait 1 (the page for
** people) and no files at all yet (the first build) does it wait for that
** build.  The head is read before building, so a change during the build
** is caught by the next request.  0, 1 (the build failed) or DS_BUSY. */
#define DS_BUSY 2

static int ensure_built(Req *r, const char *zDir, int bWait) {
  char *zManifest = mprintf("%s/manifest.json", zDir);
  char *zStamp = mprintf("%s/ledger-head", zDir);
  int64_t head = -1;
  int rc = 0;
  if (store_ledger_head(r->store, &head) != STORE_OK) head = -1;
  int fd = build_lock(zDir, 0);
  if (fd < 0 && build_due(zManifest, zStamp, head)) {
    struct stat st;
    if (bWait && stat(zManifest, &st) != 0) fd = build_lock(zDir, 1);
    if (fd < 0) rc = DS_BUSY;
  }
  if (fd >= 0 && build_due(zManifest, zStamp, head)) {
    char *zErr = NULL;
    unlink(zStamp);
    rc = datasets_build(r->store, zDir, r->cfg->zBaseUrl, &zErr);
    if (rc) req_log_error(r, zErr);
    free(zErr);
    FILE *f = !rc && head >= 0 ? fopen(zStamp, "w") : NULL;
    if (f) {
      fprintf(f, "%lld\n", (long long)head);
      fclose(f);
    }
  }
  if (fd >= 0) close(fd);   /* releases the lock */
  free(zStamp);
  free(zManifest);
  return rc;
}

/* Reads a whole file into r->out; 0, or -1. */
static int send_file(Req *r, const char *zPath) {
  FILE *f = fopen(zPath, "rb");
  if (!f) return -1;
  char aBuf[65536];
  size_t n;
  while ((n = fread(aBuf, 1, sizeof aBuf, f)) > 0) buf_append(&r->out, aBuf, n);
  fclose(f);
  return 0;
}

json_t *datasets_manifest(Req *r, int *pbBuilding) {
  const char *zDir = datasets_dir(r);
  int rc = ensure_built(r, zDir, 1);
  *pbBuilding = rc == DS_BUSY;
  if (rc == 1) return NULL;
  char *zManifest = mprintf("%s/manifest.json", zDir);
  json_t *m = json_load_file(zManifest, 0, NULL);
  free(zManifest);
  return m;
}

int api_datasets(Req *r) {
  const char *zDir = datasets_dir(r);
  char *zManifest = mprintf("%s/manifest.json", zDir);
  int rc = ensure_built(r, zDir, 0);
  if (!rc) rc = send_file(r, zManifest);
  free(zManifest);
  if (rc) {
    buf_reset(&r->out);
    req_header(r, "Retry-After", "10");
    api_error(r, 503, "unavailable", "开放数据正在生成，请稍后再试");
    return 0;
  }
  r->zType = "application/json; charset=utf-8";
  return 0;
}

/* 1 when z is "name.jsonl" or "name.csv" with name in [a-z0-9-], or the
** manifest (as a static export serves it). */
static int file_name_ok(const char *z) {
  size_t n = strspn(z, "abcdefghijklmnopqrstuvwxyz0123456789-");
  return n > 0 && (!strcmp(z + n, ".jsonl") || !strcmp(z + n, ".csv") ||
                   !strcmp(z, "manifest.json"));
}

int api_dataset_file(Req *r) {
  const char *zFile = req_arg(r, 0), *zDir = datasets_dir(r);
  if (!zFile || !file_name_ok(zFile)) {
    api_error(r, 404, NULL, "没有这个数据文件");
    return 0;
  }
  char *zPath = mprintf("%s/%s", zDir, zFile);
  int rc = ensure_built(r, zDir, 0);
  if (rc) {
    free(zPath);
    req_header(r, "Retry-After", "10");
    api_error(r, 503, "unavailable", "开放数据正在生成，请稍后再试");
    return 0;
  }
  rc = send_file(r, zPath);
  free(zPath);
  if (rc) {
    buf_reset(&r->out);
    api_error(r, 404, NULL, "没有这个数据文件");
    return 0;
  }
  r->zType = strstr(zFile, ".csv")    ? "text/csv; charset=utf-8"
            : strstr(zFile, ".jsonl") ? "application/x-ndjson; charset=utf-8"
                                      : "application/json; charset=utf-8";
  return 0;
}
