/* intake.c — reading request bodies (see intake.h). */
#include "http/intake.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

/* Adds a parameter (query or body) to the request. */
static ReqParam *param_add(Req *r, const char *zName, const char *zFilename,
                           const char *zType, int bFromBody) {
  ARENA_PUSH(&r->arena, r->aParam, r->nParam, r->nParamAlloc);
  ReqParam *p = &r->aParam[r->nParam++];
  memset(p, 0, sizeof *p);
  p->zName = arena_strdup(&r->arena, zName);
  p->zFilename = zFilename ? arena_strdup(&r->arena, zFilename) : NULL;
  p->zType = zType ? arena_strdup(&r->arena, zType) : NULL;
  p->zValue = arena_strdup(&r->arena, "");
  p->bFromBody = bFromBody;
  return p;
}

enum MHD_Result intake_query_iter(void *cls, enum MHD_ValueKind kind,
                                  const char *key, const char *value) {
  Req *r = cls;
  if (!key) return MHD_YES;
  if (r->nParam >= 200) return MHD_NO;
  ReqParam *p = param_add(r, key, NULL, NULL, 0);
  p->zValue = arena_strdup(&r->arena, value ? value : "");
  p->nValue = strlen(p->zValue);
  return MHD_YES;
}

static const char zBadForm[] = "提交的表单格式有误，请刷新页面后重新填写提交";
static const char zBadFileName[] =
    "表单分段头或上传文件的文件名含有不允许的字符（换行、控制字符），请改名后重新上传";

/* Marks the request to be refused; the first reason wins. */
void conn_refuse(Conn *c, int status, const char *zWhy) {
  if (c->zBad) return;
  c->badStatus = status;
  c->zBad = zWhy;
}

/* 1 when z holds a C0 control character or DEL. */
static int has_ctl(const char *z) {
  for (; *z; z++)
    if ((unsigned char)*z < 0x20 || *z == 0x7f) return 1;
  return 0;
}

/* Accounts n more body bytes held in memory against the reservation made
** up front, taking more from the global budget when needed.  -1 (and a
** 503 refusal) when the budget is exhausted. */
static int mem_hold(Conn *c, size_t n) {
  c->nMemUsed += n;
  if (c->nMemUsed <= c->nMem) return 0;
  size_t more = c->nMemUsed - c->nMem;
  if (body_mem_take(more)) {
    c->nMemUsed -= n;
    conn_refuse(c, 503, "服务器繁忙，请稍后重试");
    return -1;
  }
  c->nMem += more;
  return 0;
}

/* Appends file bytes to the temporary file of the current file part. */
static int file_append(Conn *c, const char *data, size_t size) {
  UpFile *f = &c->aFile[c->iFile];
  if (size && body_write(f->fd, data, size)) {
    conn_refuse(c, 503, "服务器暂时无法保存上传的文件，请稍后重试");
    return -1;
  }
  f->n += size;
  return 0;
}

/* Starts a file part: a new temporary file for parameter iParam. */
static int file_start(Conn *c, int iParam) {
  if (c->nFile >= MAX_UPLOAD_FILES) {
    conn_refuse(c, 400, "一次上传的文件过多");
    return -1;
  }
  int fd = body_tmpfile();
  if (fd < 0) {
    conn_refuse(c, 503, "服务器暂时无法保存上传的文件，请稍后重试");
    return -1;
  }
  c->aFile[c->nFile] = (UpFile){iParam, fd, 0, NULL};
  c->iFile = c->nFile++;
  return 0;
}

/* Maps every uploaded file into its parameter (at the end of the body). */
static void files_map(Conn *c) {
  for (int i = 0; i < c->nFile; i++) {
    UpFile *f = &c->aFile[i];
    ReqParam *p = &c->r.aParam[f->iParam];
    f->pMap = body_map(f->fd, f->n);
    if (!f->pMap) {
      conn_refuse(c, 503, "服务器暂时无法读取上传的文件，请稍后重试");
      return;
    }
    p->zValue = f->pMap;
    p->nValue = f->n;
  }
}

static void files_free(Conn *c) {
  for (int i = 0; i < c->nFile; i++) {
    body_unmap(c->aFile[i].pMap, c->aFile[i].n);
    close(c->aFile[i].fd);
  }
  c->nFile = 0;
}

static void flush_param(Conn *c) {
  if (!c->pLast) return;
  if (c->iFile >= 0) {   /* a file: its bytes are in the temporary file */
    c->pLast = NULL;
    c->iFile = -1;
    return;
  }
  c->pLast->nValue = c->cur.n;
  c->pLast->zValue = arena_alloc(&c->r.arena, c->cur.n + 1);
  memcpy(c->pLast->zValue, buf_str(&c->cur), c->cur.n);
  c->pLast = NULL;
  buf_reset(&c->cur);
}

static enum MHD_Result post_iter(void *cls, enum MHD_ValueKind kind,
                                 const char *key, const char *filename,
                                 const char *content_type,
                                 const char *transfer_encoding,
                                 const char *data, uint64_t off, size_t size) {
  Conn *c = cls;
  /* A part without a usable name (no Content-Disposition, "attachment",
  ** no headers, name=x unquoted) must never become a parameter. */
  if (!key || !key[0] || has_ctl(key)) {
    conn_refuse(c, 400, zBadForm);
    return MHD_NO;
  }
  if (filename && has_ctl(filename)) {
    conn_refuse(c, 400, zBadFileName);
    return MHD_NO;
  }
  if (off == 0 || !c->pLast || strcmp(c->pLast->zName, key)) {
    flush_param(c);
    if (c->r.nParam >= 400) {
      conn_refuse(c, 400, "表单字段过多");
      return MHD_NO;
    }
    c->pLast = param_add(&c->r, key, filename, filename ? content_type : NULL, 1);
    if (filename && file_start(c, c->r.nParam - 1)) return MHD_NO;
  }
  if (c->iFile >= 0) return file_append(c, data, size) ? MHD_NO : MHD_YES;
  if (mem_hold(c, size)) return MHD_NO;
  buf_append(&c->cur, data, size);
  return MHD_YES;
}

void intake_begin_form(Conn *c, struct MHD_Connection *conn) {
  Req *r = &c->r;
  if (!r->zContentType ||
      (strncasecmp(r->zContentType, "application/x-www-form-urlencoded", 33) &&
       strncasecmp(r->zContentType, "multipart/form-data", 19)))
    return;
  if (mpscan_init(&c->mp, r->zContentType)) conn_refuse(c, 400, zBadForm);
  else c->pp = MHD_create_post_processor(conn, 64 * 1024, post_iter, c);
  if (!c->pp) conn_refuse(c, 400, zBadForm);
}

/* A piece of the body: checked against the limit, then parsed. */
void intake_piece(Conn *c, const char *p, size_t n) {
  Req *r = &c->r;
  c->nBody += n;
  if (c->nBody > c->nLimit) r->bBodyTooLarge = 1;
  if (r->bBodyTooLarge || c->zBad || r->method != HTTP_POST) return;
  if (c->pp) {
    if (mpscan_feed(&c->mp, p, n))
      conn_refuse(c, 400, zBadFileName);
    else if (MHD_post_process(c->pp, p, n) != MHD_YES)
      conn_refuse(c, 400, zBadForm);
  } else if (!mem_hold(c, n)) {
    buf_append(&r->body, p, n);
  }
}

/* The body is complete: finish the form, map the uploaded files. */
void intake_end(Conn *c) {
  Req *r = &c->r;
  flush_param(c);
  if (c->pp && !c->zBad && !r->bBodyTooLarge) {
    /* A body that ends inside a part (or before the closing delimiter) is
    ** refused: nothing of a half-received form is acted on. */
    int bDone = MHD_destroy_post_processor(c->pp) == MHD_YES;
    if (!bDone || !mpscan_complete(&c->mp)) conn_refuse(c, 400, zBadForm);
    c->pp = NULL;
  }
  if (!c->zBad && !r->bBodyTooLarge) files_map(c);
}

void intake_free(Conn *c) {
  if (c->pp) MHD_destroy_post_processor(c->pp);
  c->pp = NULL;
  files_free(c);
  body_mem_give(c->nMem);
  c->nMem = 0;
  buf_free(&c->cur);
  buf_free(&c->r.body);
  buf_free(&c->r.out);
  arena_free(&c->r.arena);
}
