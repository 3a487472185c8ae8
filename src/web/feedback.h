/*
** feedback.h — what a staff page says after a POST's redirect (issue 15):
** one table of messages, one entry per action, each naming what happened
** to which record and what comes next or who acts next ("舆情事件“…”已登记，
** 回应时限已开始计算。下一步：…").  The message travels through req_flash
** (http/flash.c) and is shown once by the next page.  Documents and
** applications keep their own tables (page_documents_feedback.c,
** page_app_case.c); this one serves the registers, catalogue, reports,
** supervision, work plans, messages, freshness, templates and admin pages.
*/
#ifndef GK_WEB_FEEDBACK_H
#define GK_WEB_FEEDBACK_H

#include "http/req.h"

typedef enum Feedback {
  FB_OPINION_ADD, FB_OPINION_RESPOND, FB_OPINION_UPDATE,
  FB_MESSAGE_TRANSFER, FB_MESSAGE_REPLY, FB_MESSAGE_PUBLISH, FB_MESSAGE_UNPUBLISH, FB_MESSAGE_UPDATE,
  FB_MESSAGE_DAYS,
  FB_PROPOSAL_ADD, FB_PROPOSAL_REPLY, FB_PROPOSAL_REPLY_PUBLIC, FB_PROPOSAL_UPDATE,
  FB_ACTIVITY_ADD, FB_ACTIVITY_UPDATE,
  FB_WORKPLAN_IMPORT, FB_WORKPLAN_UPDATE, FB_WORKPLAN_DELETE, FB_TASK_PROGRESS, FB_TASK_DONE, FB_TASK_UPDATE,
  FB_INSPECTION_ADD, FB_INSPECTION_ADD_NONE, FB_INSPECTION_CLOSE, FB_INSPECTION_UPDATE,
  FB_FRESH_NIL,
  FB_CAT_ADD, FB_CAT_UPDATE, FB_CAT_UP, FB_CAT_DOWN, FB_CAT_DELETE,
  FB_TEMPLATE_SET,
  FB_ORG_ADD, FB_ORG_UPDATE, FB_ORG_MOVE, FB_DEPT_ADD, FB_REVIEW_ORGAN, FB_NOTICE_SETTINGS,
  FB_USER_ADD, FB_USER_UPDATE, FB_USER_DISABLE, FB_USER_ENABLE,
  FB_REPORT_OVERRIDE, FB_REPORT_ACCEPT, FB_REPORT_UNACCEPT, FB_REPORT_TEXT,
  FB_REPORT_REGISTER, FB_REPORT_CSV, FB_REPORT_APPROVE, FB_REPORT_SUBMITTED,
  FB_REPORT_PUBLISHED, FB_REPORT_RETURNED, FB_REPORT_UNPUBLISHED,
  FB_TOKEN_REVOKE,
  FB_COUNT
} Feedback;

/* Queues the message of action e for the page after the redirect:
** "<thing>“zName”<done>[，zDetail]。[<next>]" with zNext, when not NULL,
** in place of the table's next step (it names the people who act next).
** zName and zDetail are plain text (escaped at output); NULL or "" leaves
** them out.  Returns the message (arena), for tests and logs. */
const char *page_feedback(Req *r, Feedback e, const char *zName,
                          const char *zDetail, const char *zNext);

/* The names of the enabled users of organisation orgId whose roles grant
** p, separated by "、", leaving out user exclude (0: nobody); NULL when
** there is none.  For "下一步：待李领导审批". */
const char *page_holders(Req *r, int64_t orgId, Perm p, int64_t exclude);

#endif
