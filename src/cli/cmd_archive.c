/*
** cmd_archive.c — `gongkai archive export|verify`: transfer of a year's
** published documents to archives and public libraries (移送, Art. 25),
** and the check of such a transfer (layout in cli/archive.h).
**
**   gongkai archive export --org ORG --year YEAR --out DIR [--db PATH]
**   gongkai archive verify DIR
**
** Exit status: 0 ok; 1 failure (message on stderr); 2 usage error.
*/
#include <dirent.h>
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "cli/archive.h"
#include "cli/cli.h"
#include "cli/cli_util.h"
#include "cli/commands.h"
#include "core/document.h"
#include "lib/crypto.h"
#include "store/store_documents.h"

#define ARCHIVE_FORMAT "gongkai-archive-1"
#define ARCHIVE_MAX_FILE (512L * 1024 * 1024)   /* largest file verified */

/* ---- Files -------------------------------------------------------------- */

/* Writes p[0..n) to zPath (created, must not exist); 0 or -1. */
static int write_file(const char *zPath, const void *p, size_t n, Buf *pErr) {
  FILE *f = fopen(zPath, "wbx");
  if (!f || (n && fwrite(p, 1, n, f) != n) || fclose(f)) {
    buf_printf(pErr, "无法写入 %s：%s\n", zPath, strerror(errno));
    return -1;
  }
  return 0;
}

/* Reads zPath into *pb (at most ARCHIVE_MAX_FILE bytes); 0 or -1. */
static int read_file(const char *zPath, Buf *pb) {
  FILE *f = fopen(zPath, "rb");
  char aBuf[16384];
  size_t n;
  if (!f) return -1;
  while ((n = fread(aBuf, 1, sizeof aBuf, f)) > 0) {
    buf_append(pb, aBuf, n);
    if ((long)pb->n > ARCHIVE_MAX_FILE) break;
  }
  int bErr = ferror(f) || (long)pb->n > ARCHIVE_MAX_FILE;
  fclose(f);
  return bErr ? -1 : 0;
}

static int make_dir(const char *zPath, Buf *pErr) {
  if (mkdir(zPath, 0755)) {
    buf_printf(pErr, "无法创建目录 %s：%s\n", zPath, strerror(errno));
    return -1;
  }
  return 0;
}

/* A file name safe inside the archive: no '/', '\\', control characters
** or leading dot; at most 100 bytes, never splitting a UTF-8 character. */
static char *safe_name(const char *z) {
  Buf b = BUF_INIT;
  for (const unsigned char *p = (const unsigned char *)z; *p && b.n < 100; p++) {
    unsigned char c = *p;
    if (c < 0x20 || c == 0x7f || c == '/' || c == '\\' || (b.n == 0 && c == '.'))
      buf_putc(&b, '_');
    else
      buf_putc(&b, (char)c);
  }
  while (b.n && ((unsigned char)b.z[b.n - 1] & 0xC0) == 0x80) {
    /* Drop a trailing incomplete character. */
    size_t k = b.n - 1;
    while (k > 0 && ((unsigned char)b.z[k] & 0xC0) == 0x80) k--;
    unsigned char lead = (unsigned char)b.z[k];
    size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    if (b.n - k >= need) break;
    b.n = k;
    b.z[b.n] = 0;
  }
  if (!b.n) buf_puts(&b, "file");
  return buf_steal(&b);
}

/* Records one written file in the manifest's file list. */
static void add_file(json_t *aFiles, const char *zRel, const void *p, size_t n) {
  char zHash[65];
  crypto_sha256_hex(p, n, zHash);
  json_array_append_new(aFiles, json_pack("{s:s,s:s,s:I}", "path", zRel, "sha256",
                                          zHash, "size", (json_int_t)n));
}

/* Appends one manifest.csv row. */
static void csv_row(Buf *pCsv, int seq, const char *zIndex, const char *zTitle,
                    const char *zNumber, const char *zSigned,
                    const char *zPublished, const char *zHash) {
  buf_printf(pCsv, "%d,%c,%c,%c,%c,%c,%c\r\n", seq, zIndex, zTitle, zNumber, zSigned,
             zPublished, zHash);
}

/* UTF-8 with a byte-order mark, CRLF: what spreadsheet programs expect. */
static const char zCsvHead[] =
    "\xEF\xBB\xBF" "序号,索引号,标题,文号,成文日期,发布日期,document.json SHA-256\r\n";

/* ---- Export ----------------------------------------------------------------- */

int archive_export(Store *s, int64_t orgId, int year, const char *zDir,
                   Buf *pErr, int *pnDocs) {
  Arena a = ARENA_INIT;
  Org org;
  struct stat sb;
  int rc = -1;
  json_t *jDocs = json_array(), *jFiles = json_array();
  Buf csv = BUF_INIT, ledger = BUF_INIT;
  buf_puts(&csv, zCsvHead);
  *pnDocs = 0;
  if (store_org_get(s, &a, orgId, &org) != STORE_OK) {
    buf_printf(pErr, "单位不存在\n");
    goto done;
  }
  if (stat(zDir, &sb) == 0) {
    buf_printf(pErr, "输出目录 %s 已存在，请指定一个新目录\n", zDir);
    goto done;
  }
  /* The year's published documents, oldest first. */
  Doc *aAll = NULL;
  int nAll = 0, nAlloc = 0;
  for (int off = 0;; off += 500) {
    DocQuery q;
    Doc *aDoc;
    int n, nTotal;
    memset(&q, 0, sizeof q);
    q.orgId = orgId;
    q.zState = "published";
    q.year = year;
    q.offset = off;
    q.limit = 500;
    if (store_doc_list(s, &a, &q, &aDoc, &n, &nTotal) != STORE_OK) {
      buf_printf(pErr, "%s\n", store_errmsg(s));
      goto done;
    }
    for (int i = 0; i < n; i++) {
      ARENA_PUSH(&a, aAll, nAll, nAlloc);
      aAll[nAll++] = aDoc[i];
    }
    if (n < 500) break;
  }
  if (make_dir(zDir, pErr)) goto done;
  char *zDocs = arena_printf(&a, "%s/documents", zDir);
  if (make_dir(zDocs, pErr)) goto done;
  int64_t minSeq = 0, maxSeq = 0;
  for (int k = 0; k < nAll; k++) {
    Doc d;
    DocAttachment *aAtt;
    int nAtt, nE;
    LedgerEntry *aE;
    int seq = k + 1;
    /* Oldest first: the listing is newest first. */
    if (store_doc_get(s, &a, aAll[nAll - 1 - k].id, &d) != STORE_OK ||
        store_doc_attachments(s, &a, d.id, &aAtt, &nAtt) != STORE_OK ||
        store_ledger_list(s, &a, d.id, 0, 0, &aE, &nE) != STORE_OK ||
        store_ledger_content(s, &a, aE, nE) != STORE_OK) {
      buf_printf(pErr, "%s\n", store_errmsg(s));
      goto done;
    }
    char *zCanon = doc_canonical(&d, aAtt, nAtt);
    if (!nE || !aE[nE - 1].zContent || strcmp(aE[nE - 1].zContent, zCanon)) {
      buf_printf(pErr, "文件“%s”（%s）的当前内容与发布台账最后一条记录不一致，"
                       "请先运行 gongkai ledger verify\n", d.zTitle, d.zIndexNumber);
      free(zCanon);
      goto done;
    }
    for (int i = 0; i < nE; i++) {
      if (!minSeq || aE[i].seq < minSeq) minSeq = aE[i].seq;
      if (aE[i].seq > maxSeq) maxSeq = aE[i].seq;
    }
    char zNum[16];
    snprintf(zNum, sizeof zNum, "%04d", seq);
    const char *zRel = arena_printf(&a, "documents/%s", zNum);
    const char *zPath = arena_printf(&a, "%s/%s", zDir, zRel);
    json_t *jDocFiles = json_array();
    json_t *jDoc = json_pack("{s:I,s:s,s:s,s:s,s:s,s:s,s:o}", "id", (json_int_t)d.id,
                             "index_number", d.zIndexNumber, "title", d.zTitle,
                             "doc_number", d.zDocNumber, "signed_date", d.zSignedDate,
                             "published_date", d.zPublishedDate, "files", jDocFiles);
    json_array_append_new(jDocs, jDoc);
    int bad = make_dir(zPath, pErr);
    const char *zJson = arena_printf(&a, "%s/document.json", zRel);
    const char *zBody = arena_printf(&a, "%s/body.md", zRel);
    if (!bad)
      bad = write_file(arena_printf(&a, "%s/%s", zDir, zJson), zCanon, strlen(zCanon), pErr) ||
            write_file(arena_printf(&a, "%s/%s", zDir, zBody), d.zBody, strlen(d.zBody), pErr);
    if (!bad) {
      char zHash[65];
      crypto_sha256_hex(zCanon, strlen(zCanon), zHash);
      add_file(jFiles, zJson, zCanon, strlen(zCanon));
      add_file(jFiles, zBody, d.zBody, strlen(d.zBody));
      json_array_append_new(jDocFiles, json_string(zJson));
      json_array_append_new(jDocFiles, json_string(zBody));
      csv_row(&csv, seq, d.zIndexNumber, d.zTitle, d.zDocNumber, d.zSignedDate,
              d.zPublishedDate, zHash);
    }
    free(zCanon);
    if (!bad && nAtt) bad = make_dir(arena_printf(&a, "%s/attachments", zPath), pErr);
    for (int i = 0; !bad && i < nAtt; i++) {
      DocAttachment att;
      const void *pData;
      if (store_doc_attachment_get(s, &a, aAtt[i].id, &att, &pData) != STORE_OK) {
        buf_printf(pErr, "%s\n", store_errmsg(s));
        bad = 1;
        break;
      }
      char *zSafe = safe_name(att.zFilename);
      char zK[16];
      snprintf(zK, sizeof zK, "%02d", i + 1);
      const char *zAtt = arena_printf(&a, "%s/attachments/%s-%s", zRel, zK, zSafe);
      free(zSafe);
      bad = write_file(arena_printf(&a, "%s/%s", zDir, zAtt), pData, (size_t)att.size, pErr);
      if (!bad) {
        add_file(jFiles, zAtt, pData, (size_t)att.size);
        json_array_append_new(jDocFiles, json_string(zAtt));
      }
    }
    if (bad) goto done;
    (*pnDocs)++;
  }
  /* The ledger segment. */
  if (maxSeq) {
    LedgerEntry *aE;
    int nE;
    if (store_ledger_list(s, &a, 0, minSeq - 1, (int)(maxSeq - minSeq + 1), &aE, &nE) != STORE_OK ||
        store_ledger_content(s, &a, aE, nE) != STORE_OK) {
      buf_printf(pErr, "%s\n", store_errmsg(s));
      goto done;
    }
    for (int i = 0; i < nE; i++) {
      if (!aE[i].zContent) {
        buf_printf(pErr, "发布台账第%lld条的内容与文件当前内容不一致，请先运行 gongkai ledger verify\n",
                   (long long)aE[i].seq);
        goto done;
      }
      json_t *j = json_pack("{s:I,s:s,s:I,s:s,s:s,s:s,s:s,s:s}", "seq", (json_int_t)aE[i].seq,
                            "at", aE[i].zAt, "doc_id", (json_int_t)aE[i].docId,
                            "event", aE[i].zEvent, "content", aE[i].zContent,
                            "content_hash", aE[i].zContentHash, "prev_hash",
                            aE[i].zPrevHash, "entry_hash", aE[i].zEntryHash);
      char *z = json_dumps(j, JSON_COMPACT | JSON_SORT_KEYS);
      json_decref(j);
      buf_puts(&ledger, z);
      buf_putc(&ledger, '\n');
      free(z);
    }
  }
  if (write_file(arena_printf(&a, "%s/ledger.jsonl", zDir), buf_str(&ledger), ledger.n, pErr) ||
      write_file(arena_printf(&a, "%s/manifest.csv", zDir), buf_str(&csv), csv.n, pErr))
    goto done;
  add_file(jFiles, "ledger.jsonl", buf_str(&ledger), ledger.n);
  add_file(jFiles, "manifest.csv", buf_str(&csv), csv.n);
  char zNow[32];
  time_t tNow = time(NULL);
  struct tm tm;
  gmtime_r(&tNow, &tm);
  strftime(zNow, sizeof zNow, "%Y-%m-%dT%H:%M:%SZ", &tm);
  json_t *jMan = json_pack("{s:s,s:{s:I,s:s,s:s,s:s},s:i,s:s,s:O,s:O}", "format",
                           ARCHIVE_FORMAT, "org", "id", (json_int_t)org.id, "name",
                           org.zName, "org_code", org.zOrgCode, "uscc", org.zUscc,
                           "year", year, "exported_at", zNow, "documents", jDocs,
                           "files", jFiles);
  char *zMan = json_dumps(jMan, JSON_INDENT(2) | JSON_SORT_KEYS);
  json_decref(jMan);
  rc = write_file(arena_printf(&a, "%s/manifest.json", zDir), zMan, strlen(zMan), pErr);
  free(zMan);
done:
  json_decref(jDocs);
  json_decref(jFiles);
  buf_free(&csv);
  buf_free(&ledger);
  arena_free(&a);
  return rc;
}

/* ---- Verify ----------------------------------------------------------------- */

/* Adds every regular file under zDir/zRel (relative paths) to aOut. */
static void walk(const char *zDir, const char *zRel, json_t *aOut, Buf *pErr) {
  char *zPath = zRel[0] ? mprintf("%s/%s", zDir, zRel) : xstrdup(zDir);
  DIR *d = opendir(zPath);
  struct dirent *e;
  if (!d) {
    buf_printf(pErr, "无法读取目录 %s\n", zPath);
    free(zPath);
    return;
  }
  while ((e = readdir(d)) != NULL) {
    if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
    char *zChild = zRel[0] ? mprintf("%s/%s", zRel, e->d_name) : xstrdup(e->d_name);
    char *zFull = mprintf("%s/%s", zDir, zChild);
    struct stat sb;
    if (lstat(zFull, &sb) == 0 && S_ISDIR(sb.st_mode)) walk(zDir, zChild, aOut, pErr);
    else json_array_append_new(aOut, json_string(zChild));
    free(zChild);
    free(zFull);
  }
  closedir(d);
  free(zPath);
}

/* The string member zKey of j, or "". */
static const char *jstr(json_t *j, const char *zKey) {
  const char *z = json_string_value(json_object_get(j, zKey));
  return z ? z : "";
}

int archive_verify(const char *zDir, Buf *pErr, int *pnDocs, char zLast[65]) {
  size_t nErr0 = pErr->n;
  Buf b = BUF_INIT;
  json_error_t jerr;
  json_t *jMan = NULL, *jSeen = json_array(), *jLedger = json_array();
  *pnDocs = 0;
  zLast[0] = 0;
  char *zManPath = mprintf("%s/manifest.json", zDir);
  if (read_file(zManPath, &b)) {
    buf_printf(pErr, "找不到或无法读取 %s\n", zManPath);
    goto done;
  }
  jMan = json_loadb(b.z ? b.z : "", b.n, 0, &jerr);
  if (!jMan || strcmp(jstr(jMan, "format"), ARCHIVE_FORMAT)) {
    buf_printf(pErr, "manifest.json 不是 gongkai 移送清单（%s）\n", jMan ? "格式标识不符" : jerr.text);
    goto done;
  }
  json_t *jFiles = json_object_get(jMan, "files");
  json_t *jDocs = json_object_get(jMan, "documents");
  if (!json_is_array(jFiles) || !json_is_array(jDocs)) {
    buf_printf(pErr, "manifest.json 缺少 files 或 documents\n");
    goto done;
  }
  /* 1. Every listed file: present, size and hash. */
  size_t i;
  json_t *jf;
  json_array_foreach(jFiles, i, jf) {
    const char *zRel = jstr(jf, "path");
    if (!zRel[0] || zRel[0] == '/' || strstr(zRel, "..")) {
      buf_printf(pErr, "清单中的路径无效：%s\n", zRel);
      continue;
    }
    char *zPath = mprintf("%s/%s", zDir, zRel);
    Buf f = BUF_INIT;
    char zHash[65];
    if (read_file(zPath, &f)) {
      buf_printf(pErr, "缺少文件：%s\n", zRel);
    } else {
      crypto_sha256_hex(buf_str(&f), f.n, zHash);
      if (strcmp(zHash, jstr(jf, "sha256")) ||
          (json_int_t)f.n != json_integer_value(json_object_get(jf, "size")))
        buf_printf(pErr, "文件已被改动（SHA-256 或大小不符）：%s\n", zRel);
    }
    buf_free(&f);
    free(zPath);
  }
  /* 2. No extra files. */
  walk(zDir, "", jSeen, pErr);
  json_t *js;
  json_array_foreach(jSeen, i, js) {
    const char *zRel = json_string_value(js);
    int bListed = !strcmp(zRel, "manifest.json");
    size_t k;
    json_array_foreach(jFiles, k, jf) bListed |= !strcmp(jstr(jf, "path"), zRel);
    if (!bListed) buf_printf(pErr, "清单之外的文件：%s\n", zRel);
  }
  /* 3. The ledger segment's chain. */
  buf_reset(&b);
  char *zLedger = mprintf("%s/ledger.jsonl", zDir);
  if (read_file(zLedger, &b) == 0) {
    const char *z = buf_str(&b);
    char zPrev[65] = "";
    int line = 0;
    while (*z) {
      const char *e = strchr(z, '\n');
      size_t n = e ? (size_t)(e - z) : strlen(z);
      line++;
      json_t *j = json_loadb(z, n, 0, &jerr);
      z += n + (e ? 1 : 0);
      if (!j) {
        buf_printf(pErr, "ledger.jsonl 第%d行不是有效的 JSON\n", line);
        continue;
      }
      LedgerEntry le;
      le.seq = json_integer_value(json_object_get(j, "seq"));
      le.zAt = jstr(j, "at");
      le.docId = json_integer_value(json_object_get(j, "doc_id"));
      le.zEvent = jstr(j, "event");
      le.zContent = jstr(j, "content");
      le.zContentHash = jstr(j, "content_hash");
      le.zPrevHash = jstr(j, "prev_hash");
      le.zEntryHash = jstr(j, "entry_hash");
      const char *zWhy = doc_ledger_check(&le, zPrev[0] ? zPrev : le.zPrevHash);
      if (zWhy) buf_printf(pErr, "发布台账第%lld条：%s\n", (long long)le.seq, zWhy);
      snprintf(zPrev, sizeof zPrev, "%s", le.zEntryHash);
      json_array_append(jLedger, j);
      json_decref(j);
    }
    snprintf(zLast, 65, "%s", zPrev);
  }
  free(zLedger);
  /* 4. Each document against its latest ledger entry; 5. manifest.csv. */
  Buf csv = BUF_INIT;
  buf_puts(&csv, zCsvHead);
  json_t *jd;
  json_array_foreach(jDocs, i, jd) {
    json_int_t id = json_integer_value(json_object_get(jd, "id"));
    json_t *jDocFiles = json_object_get(jd, "files");
    const char *zJsonRel = json_string_value(json_array_get(jDocFiles, 0));
    const char *zBodyRel = json_string_value(json_array_get(jDocFiles, 1));
    const char *zIndex = jstr(jd, "index_number");
    if (!zJsonRel || !zBodyRel) {
      buf_printf(pErr, "清单中文件 %s 的条目不完整\n", zIndex);
      continue;
    }
    Buf f = BUF_INIT;
    char *zPath = mprintf("%s/%s", zDir, zJsonRel);
    int bRead = read_file(zPath, &f) == 0;
    free(zPath);
    char zHash[65] = "";
    if (bRead) crypto_sha256_hex(buf_str(&f), f.n, zHash);
    /* The latest ledger entry of this document. */
    const char *zEntryHash = NULL;
    size_t k;
    json_t *je;
    json_array_foreach(jLedger, k, je)
      if (json_integer_value(json_object_get(je, "doc_id")) == id)
        zEntryHash = jstr(je, "content_hash");
    if (!zEntryHash)
      buf_printf(pErr, "文件 %s 在发布台账片段中没有记录\n", zIndex);
    else if (bRead && strcmp(zHash, zEntryHash))
      buf_printf(pErr, "文件 %s 的 document.json 与发布台账记录的内容不一致\n", zIndex);
    json_t *jc = bRead ? json_loadb(buf_str(&f), f.n, 0, &jerr) : NULL;
    buf_free(&f);
    if (!jc) {
      if (bRead) buf_printf(pErr, "文件 %s 的 document.json 无法解析\n", zIndex);
      continue;
    }
    static const char *const azField[] = {"index_number", "title", "doc_number",
                                          "signed_date", "published_date"};
    for (size_t q = 0; q < sizeof azField / sizeof azField[0]; q++)
      if (strcmp(jstr(jc, azField[q]), jstr(jd, azField[q])))
        buf_printf(pErr, "清单中文件 %s 的 %s 与 document.json 不符\n", zIndex, azField[q]);
    /* Body and attachments are those the canonical JSON names. */
    char *zBodyPath = mprintf("%s/%s", zDir, zBodyRel);
    if (read_file(zBodyPath, &f) == 0 && strcmp(buf_str(&f), jstr(jc, "body")))
      buf_printf(pErr, "文件 %s 的正文 body.md 与 document.json 不符\n", zIndex);
    free(zBodyPath);
    buf_free(&f);
    json_t *jAtt = json_object_get(jc, "attachments");
    if (json_array_size(jDocFiles) - 2 != json_array_size(jAtt))
      buf_printf(pErr, "文件 %s 的附件数量与 document.json 不符\n", zIndex);
    for (size_t m = 2; m < json_array_size(jDocFiles); m++) {
      const char *zRel = json_string_value(json_array_get(jDocFiles, m));
      char *zP = mprintf("%s/%s", zDir, zRel ? zRel : "");
      char zH[65];
      int bFound = 0;
      if (zRel && read_file(zP, &f) == 0) {
        crypto_sha256_hex(buf_str(&f), f.n, zH);
        size_t q;
        json_t *ja;
        json_array_foreach(jAtt, q, ja) bFound |= !strcmp(jstr(ja, "sha256"), zH);
      }
      if (!bFound)
        buf_printf(pErr, "文件 %s 的附件 %s 不是 document.json 所列的附件\n", zIndex,
                   zRel ? zRel : "?");
      buf_free(&f);
      free(zP);
    }
    csv_row(&csv, (int)i + 1, jstr(jc, "index_number"), jstr(jc, "title"),
            jstr(jc, "doc_number"), jstr(jc, "signed_date"), jstr(jc, "published_date"), zHash);
    json_decref(jc);
    (*pnDocs)++;
  }
  buf_reset(&b);
  char *zCsvPath = mprintf("%s/manifest.csv", zDir);
  if (read_file(zCsvPath, &b) || b.n != csv.n || memcmp(buf_str(&b), buf_str(&csv), csv.n))
    buf_printf(pErr, "manifest.csv 与各文件的 document.json 不符\n");
  free(zCsvPath);
  buf_free(&csv);
done:
  free(zManPath);
  buf_free(&b);
  json_decref(jMan);
  json_decref(jSeen);
  json_decref(jLedger);
  return pErr->n > nErr0 ? -1 : 0;
}

/* ---- The command ------------------------------------------------------------- */

static const char zHelp[] =
    "usage: gongkai archive export --org ORG --year YEAR --out DIR [--db PATH]\n"
    "       gongkai archive verify DIR\n\n"
    "export  将单位某年度已发布的政府信息（正文、附件）连同清单（manifest.csv、\n"
    "        manifest.json：索引号、标题、日期、SHA-256）和发布台账片段\n"
    "        （ledger.jsonl）写入新目录 DIR，供移送档案馆、公共图书馆（条例第二十五条）。\n"
    "verify  校验移送目录：文件是否齐全、未被改动，台账链是否完整，\n"
    "        文件内容是否与台账记录一致。";

int cmd_archive(int argc, char **argv) {
  const char *zDb = CLI_DEFAULT_DB, *zOrg = NULL, *zYear = NULL, *zOut = NULL;
  CliOpt aOpt[] = {{"--db", 0, &zDb}, {"--org", 0, &zOrg}, {"--year", 0, &zYear},
                   {"--out", 0, &zOut}};
  char **aPos;
  int nPos, bHelp;
  if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
    puts(zHelp);
    return argc < 2 ? 2 : 0;
  }
  const char *zSub = argv[1];
  int rc = cli_parse("archive", argc, argv, 2, aOpt, 4, &aPos, &nPos, &bHelp);
  if (rc) return rc;
  if (bHelp) { puts(zHelp); return 0; }
  Buf err = BUF_INIT;
  int nDocs = 0;
  if (!strcmp(zSub, "verify")) {
    char zLast[65];
    if (nPos != 1) {
      fputs("gongkai archive verify: give one DIR\n", stderr);
      return 2;
    }
    if (archive_verify(aPos[0], &err, &nDocs, zLast)) {
      fprintf(stderr, "gongkai archive verify: 校验失败：\n%s", buf_str(&err));
      buf_free(&err);
      return 1;
    }
    printf("archive verified: %d documents; ledger segment ends with entry hash %s\n",
           nDocs, zLast[0] ? zLast : "(empty)");
    return 0;
  }
  if (strcmp(zSub, "export")) {
    fprintf(stderr, "gongkai archive: unknown subcommand '%s'\n%s\n", zSub, zHelp);
    return 2;
  }
  char *zEnd = NULL;
  long year = zYear ? strtol(zYear, &zEnd, 10) : 0;
  if (!zOrg || !zOut || !zYear || *zEnd || year < 1990 || year > 2999 || nPos) {
    fputs("gongkai archive export: --org, --year (a year) and --out are required\n", stderr);
    return 2;
  }
  Store *s = cli_open("archive", zDb, 0);
  if (!s) return 1;
  Arena a = ARENA_INIT;
  long long org = cli_org("archive export", s, &a, zOrg);
  rc = 1;
  if (org) {
    if (archive_export(s, org, (int)year, zOut, &err, &nDocs)) {
      fprintf(stderr, "gongkai archive export: %s", buf_str(&err));
    } else {
      store_audit(s, 0, org, "archive.export", zOut);
      printf("archive of %ld written to %s: %d documents\n", year, zOut, nDocs);
      if (!nDocs) fprintf(stderr, "gongkai archive export: 警告：该年度没有已发布的文件\n");
      rc = 0;
    }
  }
  buf_free(&err);
  arena_free(&a);
  store_close(s);
  return rc;
}
