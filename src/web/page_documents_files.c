/*
** page_documents_files.c — what hangs off a document: attachments
** (upload with type detection by content and a size limit, download with a
** safe Content-Disposition, delete while a draft), further publication
** channels, validity changes and corrections of a published document
** (each of the last two appends a ledger entry).
**
** Attachments are stored in the database by SHA-256 (attachment_blob), so
** a backup and a transaction cover them and identical files are kept once.
** The size limit is the setting doc.attachment_max_bytes (default 20 MiB;
** the server's --max-body caps it too).
*/
#include <stdlib.h>
#include <string.h>

#include "lib/doctext.h"
#include "web/documents.h"
#include "web/pages.h"


void docs_send_attachment(Req *r, const DocAttachment *t, const void *p) {
  /* ASCII fallback name for old clients; the real name in filename*. */
  char *zAscii_raw = req_strdup(r, t->zFilename);
  for (char *z = zAscii_raw; *z; z++) {
    unsigned char c = (unsigned char)*z;
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
          (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_'))
      *z = '_';
  }
  buf_reset(&r->out);
  buf_append(&r->out, p, (size_t)t->size);
  r->zType = t->zMime;
  req_header(r, "Content-Disposition",
             req_fmt(r, "attachment; filename=\"%s\"; filename*=UTF-8''%u", zAscii_raw,
                     t->zFilename));
  req_header(r, "X-Content-SHA256", t->zSha256);
}

/* A safe stored name: the base name, no control characters or quotes, at
** most 120 characters, ending with the extension of the detected type. */
static const char *clean_name(Req *r, const char *zIn, const char *zMime) {
  const char *zBase = zIn ? zIn : "";
  for (const char *z = zBase; *z; z++)
    if (*z == '/' || *z == '\\') zBase = z + 1;
  Buf b = BUF_INIT;
  size_t nChar = 0;
  for (const unsigned char *z = (const unsigned char *)zBase; *z && nChar < 120; z++) {
    if (*z < 0x20 || *z == 0x7f || *z == '"' || *z == '<' || *z == '>') continue;
    if ((*z & 0xC0) != 0x80) nChar++;
    buf_putc(&b, (char)*z);
  }
  const char *zExt = doctext_ext(zMime);
  size_t nExt = strlen(zExt);
  if (b.n == 0) buf_puts(&b, "附件");
  if (b.n < nExt || strcasecmp(b.z + b.n - nExt, zExt)) {
    if (!(strcmp(zExt, ".jpg") == 0 && b.n >= 5 && !strcasecmp(b.z + b.n - 5, ".jpeg")))
      buf_puts(&b, zExt);
  }
  const char *zOut = req_strdup(r, buf_str(&b));
  buf_free(&b);
  return zOut;
}

/* Loads the document for a change by its drafters: draft state and
** PERM_DOC_DRAFT on its organisation.  Sends the error, returns -1. */
static int draft_gate(Req *r, Doc *d) {
  if (docs_load(r, 0, d)) return -1;
  if (!req_can(r, PERM_DOC_DRAFT, d->orgId)) {
    http_error(r, 403, "您无权修改该文件");
    return -1;
  }
  if (strcmp(d->zState, "draft")) {
    http_error(r, 409, "附件只能在草稿阶段增删；审核中的文件须先退回");
    return -1;
  }
  return 0;
}

/* Commits (or answers the error) and redirects to the document page,
** where zFlash (text) says what was done. */
static int finish(Req *r, int rc, const Doc *d, const char *zAnchor, const char *zFlash) {
  if (!rc) rc = store_commit(r->store);
  if (rc) {
    const char *z = req_strdup(r, store_errmsg(r->store));
    store_rollback_all(r->store);
    docs_fail(r, rc, z);
    return 0;
  }
  req_flash(r, zFlash);
  req_redirect(r, req_fmt(r, "/staff/docs/%lld?done=1%s", (long long)d->id, zAnchor));
  return 0;
}

int page_doc_attach(Req *r) {
  Doc d;
  char zMime[128];
  if (draft_gate(r, &d)) return 0;
  const ReqParam *f = req_file(r, "file");
  if (!f) { http_error(r, 400, "请选择要上传的文件"); return 0; }
  long long nMb = store_setting_int(r->store, SET_ATTACHMENT_MAX_MB);
  if ((long long)f->nValue > nMb * 1024 * 1024) {
    http_error(r, 413, req_fmt(r, "附件超过大小限制（%lld MB）", nMb));
    return 0;
  }
  doctext_mime(f->zValue, f->nValue, zMime, sizeof zMime);
  if (!doctext_mime_allowed(zMime)) {
    http_error(r, 422, req_fmt(r, "不支持的附件类型（按内容识别为 %s）：只接受 PDF、DOCX、XLSX 和图片", zMime));
    return 0;
  }
  Buf text = BUF_INIT, notes = BUF_INIT;
  if (doctext_extract(zMime, f->zValue, f->nValue, &text, &notes) < 0 &&
      strcmp(zMime, DOCTEXT_MIME_PDF)) {
    /* A DOCX/XLSX that cannot be read whole cannot be privacy-scanned. */
    http_error(r, 422, req_strdup(r, buf_str(&notes)));
    buf_free(&text);
    buf_free(&notes);
    return 0;
  }
  const char *zNotes = req_strdup(r, buf_str(&notes));
  buf_free(&notes);
  const char *zName = clean_name(r, f->zFilename, zMime);
  /* The text extracted here is stored for the public search (migration
  ** 0008), so the file is read once. */
  int rc = store_begin(r->store);
  /* Still a draft now that the text is extracted (a submission may have
  ** come meanwhile), and kept one until the commit. */
  if (!rc) rc = store_doc_lock_draft(r->store, d.id);
  if (!rc) rc = store_doc_attach_text(r->store, d.id, zName, zMime, f->zValue,
                                      f->nValue, buf_str(&text), zNotes,
                                      r->user->id, NULL);
  buf_free(&text);
  if (!rc) rc = store_audit(r->store, r->user->id, d.orgId, "doc.attach",
                            req_fmt(r, "%lld %s", (long long)d.id, zName));
  return finish(r, rc, &d, "", "附件已上传。");
}

int page_doc_attachment(Req *r) {
  Doc d;
  DocAttachment t;
  const void *p;
  if (docs_load(r, 0, &d)) return 0;
  int64_t aid = req_arg_id(r, 1);
  if (!aid || store_doc_attachment_get(r->store, &r->arena, aid, &t, &p) != STORE_OK ||
      t.docId != d.id) {
    http_error(r, 404, "附件不存在");
    return 0;
  }
  r->bNoCache = 1;
  docs_send_attachment(r, &t, p);
  return 0;
}

int page_doc_attachment_delete(Req *r) {
  Doc d;
  DocAttachment t;
  if (draft_gate(r, &d)) return 0;
  int64_t aid = req_arg_id(r, 1);
  if (!aid || store_doc_attachment_get(r->store, &r->arena, aid, &t, NULL) != STORE_OK ||
      t.docId != d.id) {
    http_error(r, 404, "附件不存在");
    return 0;
  }
  if (!page_confirmed(r, req_fmt(r, "删除附件“%s”？", t.zFilename), "确认删除")) return 0;
  int rc = store_begin(r->store);
  if (!rc) rc = store_doc_lock_draft(r->store, d.id);
  if (!rc) rc = store_doc_attachment_delete(r->store, aid);
  if (!rc) rc = store_audit(r->store, r->user->id, d.orgId, "doc.detach",
                            req_fmt(r, "%lld %s", (long long)d.id, t.zFilename));
  return finish(r, rc, &d, "", "附件已删除。");
}

/* The office of the document's organisation on a published document. */
/* zWhat names the change for the confirmation (page_confirmed): the
** page's forms carry a required confirmation box (confirm=1); a request
** without it is answered with the confirmation step instead. */
static int manage_gate(Req *r, Doc *d, const char *zWhat) {
  if (docs_load(r, 0, d)) return -1;
  if (!req_can(r, PERM_DOC_MANAGE, d->orgId)) {
    http_error(r, 403, "只有公开办可以办理该事项");
    return -1;
  }
  if (strcmp(d->zState, "published")) {
    http_error(r, 409, "只有已发布的文件可以办理该事项");
    return -1;
  }
  if (!page_confirmed(r, req_fmt(r, "%s：“%s”？", zWhat, d->zTitle), "确认"))
    return -1;
  return 0;
}

int page_doc_channel(Req *r) {
  Doc d;
  if (manage_gate(r, &d, "登记已发布文件的其他发布渠道")) return 0;
  const char *zCh = req_param_or(r, "channel", "");
  const char *zDay = req_param_or(r, "day", "");
  int rc = store_begin(r->store);
  if (!rc) rc = store_doc_channel_add(r->store, d.id, zCh, zDay,
                                      req_param_or(r, "note", ""), r->user->id);
  if (!rc) rc = store_audit(r->store, r->user->id, d.orgId, "doc.channel",
                            req_fmt(r, "%lld %s %s", (long long)d.id, zCh, zDay));
  return finish(r, rc, &d, "", req_fmt(r, "已登记发布渠道：%s（%s）。", zCh, zDay));
}

int page_doc_validity(Req *r) {
  Doc d;
  int64_t replaced = 0;
  /* 查找 in the replacement field: the page again, with the results. */
  if (req_param(r, "lookup")) return page_doc_view(r);
  if (manage_gate(r, &d, "变更已发布文件的有效性")) return 0;
  if (req_param_int(r, "replaced_by_id", 1, INT64_MAX, &replaced) < 0) {
    http_error(r, 422, "替代文件编号无效");
    return 0;
  }
  const char *zVal = req_param_or(r, "validity", "");
  const char *zDate = req_param_or(r, "validity_date", "");
  if (replaced) {
    Doc rep;
    if (store_doc_get(r->store, &r->arena, replaced, &rep) != STORE_OK ||
        !req_can(r, PERM_VIEW_STAFF, rep.orgId)) {
      http_error(r, 422, "替代文件不存在");
      return 0;
    }
  }
  if (strcmp(zVal, "valid") && !zDate[0]) {
    http_error(r, 422, "请填写修订、废止或失效的日期");
    return 0;
  }
  int rc = store_begin(r->store);
  if (!rc) rc = store_doc_set_validity(r->store, &r->arena, d.id, zVal, zDate, replaced);
  if (!rc) rc = store_audit(r->store, r->user->id, d.orgId, "doc.validity",
                            req_fmt(r, "%lld %s %s", (long long)d.id, zVal, zDate));
  return finish(r, rc, &d, "", req_fmt(r, "有效性已变更为“%s”；公开页面和检索结果随之更新。", doc_label(aDocValidity, zVal)));
}

int page_doc_correct(Req *r) {
  Doc d;
  if (manage_gate(r, &d, "更正已发布文件的公开信息")) return 0;
  int rc = store_begin(r->store);
  if (!rc) rc = store_doc_correct(r->store, &r->arena, d.id,
                                  req_param_or(r, "keywords", ""),
                                  req_param_or(r, "summary", ""),
                                  req_param_or(r, "scope", ""), d.catalogueItemId);
  if (!rc) rc = store_audit(r->store, r->user->id, d.orgId, "doc.correct",
                            req_fmt(r, "%lld", (long long)d.id));
  return finish(r, rc, &d, "", "更正已保存，公开页面已更新，并记入公开台账。");
}
