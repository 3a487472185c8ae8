/*
** api_catalogue.c — GET /api/v1/catalogue: an organisation's catalogue
** items with every field, codes and their Chinese labels side by side.
*/
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "api/api_catalogue.h"
#include "store/store_catalogue.h"

json_t *api_cat_item_json(Arena *a, const CatItem *p) {
  json_t *o = json_object();
  json_t *aCh = json_array(), *aLab = json_array();
  for (int i = 0; i < CAT_NCHANNEL; i++) {
    if (!(p->channels & (1u << i))) continue;
    json_array_append_new(aCh, json_string(aCatChannel[i].zCode));
    json_array_append_new(aLab, json_string(aCatChannel[i].zLabel));
  }
  json_object_set_new(o, "id", json_integer(p->id));
  json_object_set_new(o, "list", json_string(p->zList));
  json_object_set_new(o, "list_label", json_string(cat_list_label(p->zList)));
  json_object_set_new(o, "seq", p->seq ? json_integer(p->seq) : json_null());
  json_object_set_new(o, "level1", json_string(p->zLevel1));
  json_object_set_new(o, "level2", json_string(p->zLevel2));
  json_object_set_new(o, "content", json_string(p->zContent));
  json_object_set_new(o, "basis", json_string(p->zBasis));
  json_object_set_new(o, "time_limit", json_string(p->zTimeLimit));
  json_object_set_new(o, "dept", json_string(p->zDept));
  json_object_set_new(o, "responsible", json_string(p->zResponsible));
  json_object_set_new(o, "phone", json_string(p->zPhone));
  json_object_set_new(o, "channels", aCh);
  json_object_set_new(o, "channel_labels", aLab);
  json_object_set_new(o, "channel_text", json_string(p->zChannelText));
  json_object_set_new(o, "audience", json_string(p->zAudience));
  json_object_set_new(o, "audience_label",
                      json_string(cat_audience_label(p->zAudience)));
  json_object_set_new(o, "mode", json_string(p->zMode));
  json_object_set_new(o, "mode_label", json_string(cat_mode_label(p->zMode)));
  json_object_set_new(o, "frequency", json_string(p->zFrequency));
  json_object_set_new(o, "tier", json_string(p->zTier));
  json_object_set_new(o, "review", json_string(p->zReview));
  json_object_set_new(o, "art20_item",
                      p->art20 ? json_integer(p->art20) : json_null());
  json_object_set_new(o, "art20_label",
                      json_string(cat_art20_label(a, p->art20)));
  json_object_set_new(o, "requires_interpretation",
                      json_boolean(p->bNeedsInterp));
  json_object_set_new(o, "code", json_string(p->zCode));
  json_object_set_new(o, "legal_ground", json_string(p->zGround));
  json_object_set_new(o, "legal_ground_label",
                      json_string(cat_ground_label(p->zGround)));
  json_object_set_new(o, "note", json_string(p->zNote));
  return o;
}

int api_catalogue(Req *r) {
  const char *zOrg = req_param(r, "org");
  const char *zList = req_param(r, "list");
  if (!zOrg || !zOrg[0]) {
    api_error(r, 400, NULL, "缺少参数 org（单位编号或网址标识）");
    return 0;
  }
  if (zList && zList[0] && !cat_list_valid(zList)) {
    api_error(r, 400, NULL,
              "参数 list 只能是 proactive、on_request 或 negative");
    return 0;
  }
  if (zList && !zList[0]) zList = NULL;
  Org o;
  char *zEnd;
  long long id = strtoll(zOrg, &zEnd, 10);
  int rc = (*zEnd == 0 && id > 0)
               ? store_org_get(r->store, &r->arena, id, &o)
               : store_org_by_slug(r->store, &r->arena, zOrg, &o);
  if (rc != STORE_OK) {
    api_error(r, rc == STORE_NOTFOUND ? 404 : 500, NULL,
              rc == STORE_NOTFOUND ? "单位不存在" : store_errmsg(r->store));
    return 0;
  }
  CatItem *aItem;
  int n;
  if (store_cat_list(r->store, &r->arena, o.id, zList, &aItem, &n) !=
      STORE_OK) {
    api_error(r, 500, NULL, store_errmsg(r->store));
    return 0;
  }
  json_t *items = json_array();
  for (int i = 0; i < n; i++)
    json_array_append_new(items, api_cat_item_json(&r->arena, &aItem[i]));
  json_t *org = json_pack("{s:I,s:s,s:s}", "id", (json_int_t)o.id, "slug",
                          o.zSlug, "name", o.zName);
  api_json(r, 200, json_pack("{s:o,s:o}", "org", org, "items", items));
  return 0;
}
