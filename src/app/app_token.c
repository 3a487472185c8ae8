/* app_token.c — creating API tokens (see app_token.h). */
#include "app/app_token.h"

#include <string.h>

#include "core/perm.h"
#include "lib/crypto.h"

int app_token_create(Store *s, int64_t orgId, const char *zName,
                     const char *zPerms, int64_t createdBy,
                     char zToken[APP_TOKEN_LEN], int64_t *pId,
                     const char **pzErr) {
  ApiToken t;
  char zHash[65];
  long long mask = perm_token_parse(zPerms);
  *pzErr = NULL;
  if (!zName || !zName[0] || strlen(zName) > 300) {
    *pzErr = "请填写令牌用途（不超过100字）";
    return STORE_INVALID;
  }
  if (mask <= 0) {
    *pzErr = "请选择权限：只能授予“查看申请”和“登记和办理申请”";
    return STORE_INVALID;
  }
  memcpy(zToken, "gk_", 3);
  crypto_random_hex(zToken + 3, 20);
  crypto_sha256_hex(zToken, strlen(zToken), zHash);
  memset(&t, 0, sizeof t);
  t.orgId = orgId;
  t.zName = zName;
  t.zPerms = zPerms;
  int rc = store_token_add(s, &t, zHash, createdBy);
  if (rc != STORE_OK) {
    *pzErr = store_errmsg(s);
    return rc;
  }
  *pId = t.id;
  return STORE_OK;
}
