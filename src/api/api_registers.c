/*
** api_registers.c — published netizen messages as JSON (see
** api_registers.h).  Uses the same store listing as the public page.
*/
#include <stdlib.h>

#include "api/api.h"
#include "web/pages.h"
#include "api/api_registers.h"
#include "store/store_registers.h"

int api_messages(Req *r) {
  const char *zOrg = req_param(r, "org");
  if (!zOrg || !zOrg[0]) {
    api_error(r, 400, NULL, "缺少参数 org（单位编号或网址标识）");
    return 0;
  }
  Org o;
  char *zEnd;
  long long id = strtoll(zOrg, &zEnd, 10);
  int rc = (*zEnd == 0 && id > 0) ? store_org_get(r->store, &r->arena, id, &o)
                                  : store_org_by_slug(r->store, &r->arena, zOrg, &o);
  if (rc != STORE_OK) {
    api_error(r, rc == STORE_NOTFOUND ? 404 : 500, NULL,
              rc == STORE_NOTFOUND ? "单位不存在" : store_errmsg(r->store));
    return 0;
  }
  Message *aM;
  int n;
  if (store_message_list(r->store, &r->arena, o.id, 0, 1, &aM, &n) != STORE_OK) {
    http_store_error(r, store_errcode(r->store));
    return 0;
  }
  json_t *a = json_array();
  for (int i = 0; i < n; i++) {
    const Message *m = &aM[i];
    json_array_append_new(
        a, json_pack("{s:I,s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:s}", "id", (json_int_t)m->id,
                     "box", m->zBox, "box_label", reg_box_label(m->zBox), "subject",
                     m->zSubject, "question", m->zBody, "answer", m->zReply,
                     "received_on", m->zReceivedOn, "replied_on", m->zRepliedOn,
                     "reply_dept", m->zReplyDeptName[0] ? m->zReplyDeptName : m->zOrgName,
                     "published_on", m->zPublishedOn));
  }
  json_t *org = json_pack("{s:I,s:s,s:s}", "id", (json_int_t)o.id, "slug", o.zSlug,
                          "name", o.zName);
  api_json(r, 200, json_pack("{s:o,s:o}", "org", org, "messages", a));
  return 0;
}
