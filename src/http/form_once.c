/*
** form_once.c — single-use form submission tokens (see form_once.h).
** Only the SHA-256 of a token is stored (table form_submission).
*/
#include "http/form_once.h"

#include <string.h>
#include <time.h>

#include "lib/crypto.h"
#include "web/pages.h"

const char *req_form_token(Req *r) {
  char zTok[64];
  crypto_random_token(zTok, 24);
  r->bUsedCsrf = 1; /* a page with a token must not be cached */
  return arena_strdup(&r->arena, zTok);
}

/* The hash of the submitted token into zHash; 0 when there is none. */
static int token_hash(Req *r, char zHash[65]) {
  const char *z = req_param(r, FORM_ONCE_FIELD);
  if (!z || !z[0] || strlen(z) > 64) return 0;
  crypto_sha256_hex(z, strlen(z), zHash);
  return 1;
}

static void already_submitted(Req *r, const char *zHash) {
  const char *zResult = "";
  store_form_get(r->store, &r->arena, zHash, &zResult);
  r->bNoCache = 1;
  r->status = 409;
  page_begin(r, "表单已提交");
  req_puts(r, "<h1>此表单已经提交过</h1>\n"
              "<p class=\"notice\" role=\"status\">同一份表单只受理一次："
              "这次重复提交（刷新页面、重复点击或重新发送）没有再保存任何"
              "内容。</p>\n");
  if (zResult && zResult[0] == '/')
    req_printf(r, "<p><a class=\"button\" href=\"%h\">查看第一次提交的结果</a></p>\n",
               zResult);
  else
    req_puts(r, "<p>第一次提交可能仍在处理中，请稍后在相应页面查看结果。</p>\n");
  page_end(r);
  r->status = 409;
}

int form_once_claim(Req *r) {
  char zHash[65];
  if (!token_hash(r, zHash)) return 0;
  int rc = store_form_claim(r->store, zHash, (int64_t)time(NULL));
  if (rc == 0) {
    already_submitted(r, zHash);
    return 1;
  }
  return 0; /* claimed, or the store failed: the handler decides */
}

void form_once_finish(Req *r) {
  char zHash[65];
  if (!token_hash(r, zHash)) return;
  if (r->status >= 400 || r->bFormUnused) {
    store_form_release(r->store, zHash);
    return;
  }
  for (int i = 0; i < r->nHdr; i++)
    if (!strcmp(r->aHdr[i].zName, "Location")) {
      store_form_result(r->store, zHash, r->aHdr[i].zValue);
      return;
    }
  store_form_result(r->store, zHash, r->zPath);
}
