/*
** feedback.c — the table of messages a staff page shows after an action
** (see feedback.h): what happened to which record, and what comes next.
*/
#include <string.h>

#include "lib/buf.h"
#include "web/feedback.h"
#include "web/pages.h"

/* Per action: the kind of record, what was done to it, and the next step
** ("" when the action ends the matter).  Kept in enum order. */
static const struct {
  Feedback e;
  const char *zThing, *zDone, *zNext;
} aFb[] = {
  {FB_OPINION_ADD, "舆情事件", "已登记，回应时限已开始计算",
   "下一步：按时限发布权威信息或举行新闻发布会，并在本页登记回应情况。"},
  {FB_OPINION_RESPOND, "舆情事件", "的回应已登记",
   "各项时限是否按时见“时限”一栏；仍有未完成的时限时，完成后再登记。"},
  {FB_OPINION_UPDATE, "舆情事件", "已更正", "回应时限已按更正后的级别和发现时间重新计算。"},
  {FB_MESSAGE_TRANSFER, "留言", "已转办",
   "下一步：承办科室拟写答复后，在本页登记答复。"},
  {FB_MESSAGE_REPLY, "留言", "的答复已登记",
   "下一步：如需向社会公开，点击“公开问题与答复”。"},
  {FB_MESSAGE_PUBLISH, "留言", "的问题与答复已公开", "公众留言页面已可查看。"},
  {FB_MESSAGE_UNPUBLISH, "留言", "已取消公开", "公众留言页面不再显示该留言。"},
  {FB_MESSAGE_UPDATE, "留言", "的登记信息已更正",
   "答复期限已按更正后的收到日期计算；已公开的问题随之更新。"},
  {FB_MESSAGE_DAYS, "留言答复时限", "已修改",
   "各单位未答复留言的答复期限已按新时限重新计算。"},
  {FB_PROPOSAL_ADD, "建议提案", "已登记",
   "下一步：主办部门办理答复后，在该件页面登记答复并决定是否公开全文。"},
  {FB_PROPOSAL_REPLY, "建议提案", "的答复已登记，答复全文未公开",
   "如需公开，勾选“公开答复全文”后再保存。"},
  {FB_PROPOSAL_REPLY_PUBLIC, "建议提案", "的答复已登记，答复全文已公开",
   "公众可在“建议提案办理结果公开”页面查看。"},
  {FB_PROPOSAL_UPDATE, "建议提案", "的登记信息已更正",
   "办理期限和超期提醒已按更正后的日期计算。"},
  {FB_ACTIVITY_ADD, "活动", "已登记", "已计入统计看板的活动场次和人次。"},
  {FB_ACTIVITY_UPDATE, "活动", "已更正", "统计看板和年度报告的活动场次、人次已按更正后的记录计算。"},
  {FB_WORKPLAN_IMPORT, "工作要点", "已导入",
   "下一步：各项任务的牵头部门在任务页面报告进展。"},
  {FB_WORKPLAN_UPDATE, "工作要点", "的年度和名称已更正", "各项任务及其进展不变。"},
  {FB_WORKPLAN_DELETE, "工作要点", "已删除", "可重新导入正确的文本。"},
  {FB_TASK_PROGRESS, "任务", "的进展已登记",
   "下一步：任务完成时登记进展并勾选“已完成”。"},
  {FB_TASK_DONE, "任务", "已登记完成", "工作要点的完成数已随之更新。"},
  {FB_TASK_UPDATE, "任务", "的分工、期限和完成情况已更正",
   "工作要点的完成数和逾期提醒已按更正后的信息计算。"},
  {FB_INSPECTION_ADD, "督查", "已登记",
   "下一步：被督查单位整改，整改完成后在本页确认整改办结。"},
  {FB_INSPECTION_ADD_NONE, "督查", "已登记，未提出整改要求", "无需办结。"},
  {FB_INSPECTION_CLOSE, "督查", "的整改已办结", "该记录不再列入“整改中”。"},
  {FB_INSPECTION_UPDATE, "督查", "的记录已更正",
   "“整改中”和统计看板的督查数已按更正后的记录计算。"},
  {FB_FRESH_NIL, "目录事项", "已登记“本期无新增”",
   "该事项本期的更新检查已完成。"},
  {FB_CAT_ADD, "目录事项", "已新增", "公开目录已同步更新。"},
  {FB_CAT_UPDATE, "目录事项", "已更新", "公开目录已同步更新。"},
  {FB_CAT_UP, "目录事项", "已上移一位", "公开目录的序号已同步更新。"},
  {FB_CAT_DOWN, "目录事项", "已下移一位", "公开目录的序号已同步更新。"},
  {FB_CAT_DELETE, "目录事项", "已删除",
   "其后事项的序号依次前移，公开目录已同步更新。"},
  {FB_TEMPLATE_SET, "告知书模板", "已保存",
   "此后生成的该类告知书使用此模板，已生成的告知书不变。"},
  {FB_ORG_ADD, "单位", "已创建",
   "下一步：添加科室，设置行政复议机关和告知书，并为该单位新增用户。"},
  {FB_ORG_UPDATE, "单位", "的信息已更新", "公开页面的单位信息和联系方式随之更新。"},
  {FB_ORG_MOVE, "单位", "的上级单位已调整",
   "新的上级单位的管理员、公开办和督查人员即可管理和查看该单位；其统计和年度报告汇总计入新的上级单位。"},
  {FB_DEPT_ADD, "科室", "已添加",
   "现在可以把用户分配到该科室，留言也可以转办到该科室。"},
  {FB_REVIEW_ORGAN, "行政复议机关", "已保存",
   "此后生成的告知书和公开指南写明该复议机关。"},
  {FB_NOTICE_SETTINGS, "告知书联系人和文号前缀", "已保存",
   "此后生成的告知书使用新的联系人和文号。"},
  {FB_USER_ADD, "用户", "已创建，初始密码已设置",
   "请将登录名和初始密码当面告知本人，本人登录后可在“修改密码”中更改。"},
  {FB_USER_UPDATE, "用户", "的姓名、科室和角色已更新", "本人下次打开页面时即按新角色办理。"},
  {FB_USER_DISABLE, "用户", "已停用", "其登录已退出，不能再登录；需要时可重新启用。"},
  {FB_USER_ENABLE, "用户", "已启用", "本人可以重新登录。"},
  {FB_REPORT_OVERRIDE, "", "的数值已修改，草稿已保存",
   "下一步：提交领导审批（草稿修改后须重新审批）。"},
  {FB_REPORT_ACCEPT, "", "的不一致已接受，理由已记录",
   "下一步：提交领导审批（草稿修改后须重新审批）。"},
  {FB_REPORT_UNACCEPT, "", "已撤销对不一致的接受",
   "该项重新计为不一致，发布前须更正数据或说明理由后接受。"},
  {FB_REPORT_TEXT, "", "的文字部分已保存",
   "下一步：提交领导审批（草稿修改后须重新审批）。"},
  {FB_REPORT_REGISTER, "", "的登记数据已保存",
   "下一步：提交领导审批（草稿修改后须重新审批）。"},
  {FB_REPORT_CSV, "", "的登记数据已导入",
   "下一步：提交领导审批（草稿修改后须重新审批）。"},
  {FB_REPORT_APPROVE, "", "已经领导审批同意",
   "下一步：提交主管部门。草稿再有修改须重新审批。"},
  {FB_REPORT_SUBMITTED, "", "已提交主管部门，报告已锁定",
   "下一步：发布到门户网站；如需修改，先退回草稿。"},
  {FB_REPORT_PUBLISHED, "", "已发布",
   "门户网站已可查看，并已作为公开文件登记。"},
  {FB_REPORT_RETURNED, "", "已退回草稿",
   "修改后须重新经领导审批，再提交主管部门。"},
  {FB_REPORT_UNPUBLISHED, "", "已撤回发布并退回草稿",
   "门户网站上的报告已撤回；修改后须重新审批、提交和发布。"},
  {FB_TOKEN_REVOKE, "接口令牌", "已吊销", "使用该令牌的系统将无法再调用接口。"},
};

const char *page_feedback(Req *r, Feedback e, const char *zName,
                          const char *zDetail, const char *zNext) {
  if ((size_t)e >= sizeof aFb / sizeof aFb[0] || aFb[e].e != e) return NULL;
  Buf b = BUF_INIT;
  /* Plain text: req_flash's message is escaped where the page shows it.
  ** A record without a kind (a report) is a title: 《…》. */
  int bTitle = !aFb[e].zThing[0];
  buf_append(&b, aFb[e].zThing, strlen(aFb[e].zThing));
  if (zName && zName[0]) {
    buf_append(&b, bTitle ? "《" : "“", strlen("“"));
    buf_append(&b, zName, strlen(zName));
    buf_append(&b, bTitle ? "》" : "”", strlen("”"));
  }
  buf_append(&b, aFb[e].zDone, strlen(aFb[e].zDone));
  if (zDetail && zDetail[0]) {
    buf_append(&b, "，", strlen("，"));
    buf_append(&b, zDetail, strlen(zDetail));
  }
  buf_append(&b, "。", strlen("。"));
  const char *zThen = zNext ? zNext : aFb[e].zNext;
  buf_append(&b, zThen, strlen(zThen));
  const char *z = req_strdup(r, buf_str(&b));
  buf_free(&b);
  req_flash(r, z);
  return z;
}

const char *page_holders(Req *r, int64_t orgId, Perm p, int64_t exclude) {
  User *aU;
  int n;
  if (store_user_list(r->store, &r->arena, orgId, 0, &aU, &n) != STORE_OK) return NULL;
  Buf b = BUF_INIT;
  int k = 0;
  for (int i = 0; i < n; i++) {
    if (aU[i].bDisabled || aU[i].id == exclude || !perm_role_has(aU[i].roles, p)) continue;
    if (k++) buf_append(&b, "、", strlen("、"));
    buf_append(&b, aU[i].zName, strlen(aU[i].zName));
  }
  const char *z = k ? req_strdup(r, buf_str(&b)) : NULL;
  buf_free(&b);
  return z;
}
