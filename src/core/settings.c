/* settings.c — the settings table and its validation (see settings.h). */
#include "core/settings.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

const SettingDef aSettingDef[SET__COUNT + 1] = {
  [SET_ATTACHMENT_MAX_MB] = {"attachment_max_mb", SETTING_INT, "20", 1, 200,
   "附件大小上限（MB）"},
  [SET_APPLICATION_DUE_SOON_WORKDAYS] = {"application_due_soon_workdays", SETTING_INT, "5", 1, 20,
   "依申请公开：临近答复期限的提醒天数（工作日）"},
  [SET_APPLICATION_CORRECTION_WORKDAYS] = {"application_correction_workdays", SETTING_INT, "15", 1, 60,
   "依申请公开：补正通知未载明期限时给予申请人的补正期限（工作日，第三十条；"
   "可应申请人申请延长）"},
  [SET_APPLICATION_FEE_WAIT_COUNTED] = {"application_fee_wait_counted", SETTING_BOOL, "0", 0, 1,
   "依申请公开：等待缴费的时间是否计入答复期限（1 计入，0 不计入）"},
  [SET_APPLICATION_RATE_LIMIT_PER_HOUR] = {"application_rate_limit_per_hour", SETTING_INT, "10", 1, 1000,
   "在线申请：同一地址每小时最多提交次数"},
  [SET_MESSAGE_REPLY_WORKDAYS] = {"message_reply_workdays", SETTING_INT, "5", 1, 60,
   "网民留言：答复时限（工作日）"},
  [SET_MESSAGE_RATE_LIMIT_PER_HOUR] = {"message_rate_limit_per_hour", SETTING_INT, "10", 1, 1000,
   "网民留言：同一地址每小时最多提交次数"},
  [SET_PUBLISH_DUE_SOON_WORKDAYS] = {"publish_due_soon_workdays", SETTING_INT, "5", 1, 20,
   "主动公开：距第二十六条20个工作日期限不足多少工作日时提醒"},
  [SET_SITE_NAME] = {"site_name", SETTING_TEXT, "政府信息公开", 0, 0,
   "网站名称"},
  [SET_SEARCH_RECENCY_PERCENT] = {"search_recency_percent", SETTING_INT, "50", 0, 200,
   "全文检索：按相关度排序时新近文件的加分（%）：当年发布的文件得分最多提高该比例，"
   "随发布时间逐年递减；0 表示只看相关度"},
  [SET__COUNT] = {NULL, SETTING_TEXT, NULL, 0, 0, NULL},
};

const SettingDef *settings_find(const char *zName) {
  for (const SettingDef *d = aSettingDef; d->zName; d++)
    if (!strcmp(d->zName, zName)) return d;
  return NULL;
}

const char *settings_validate(const SettingDef *d, const char *zValue) {
  char *zEnd;
  if (!zValue) return "缺少取值";
  switch (d->eType) {
    case SETTING_INT: {
      errno = 0;
      long long v = strtoll(zValue, &zEnd, 10);
      if (!zValue[0] || *zEnd || errno) return "应为整数";
      if (v < d->iMin || v > d->iMax) return "超出允许范围";
      return NULL;
    }
    case SETTING_BOOL:
      return (!strcmp(zValue, "0") || !strcmp(zValue, "1")) ? NULL : "应为 0 或 1";
    case SETTING_TEXT:
      return strlen(zValue) > 200 ? "过长（最多200字节）" : NULL;
  }
  return "未知类型";
}
