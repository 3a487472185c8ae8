/*
** registers.h — records and rules of the registers of issue 7: public-opinion
** events (回应关切), netizen messages (网民留言 / 领导信箱), NPC suggestions
** and CPPCC proposals (人大建议 / 政协提案), activities, the work plan
** (工作要点) and inspections (督查).  Records are plain data; strings are
** owned by whoever filled them (normally an Arena, see store_registers.h).
** The clocks themselves are in core/response_clock.h; this module only
** validates input and names the codes.  Pure, no I/O.
*/
#ifndef GK_REGISTERS_H
#define GK_REGISTERS_H

#include <stdint.h>
#include <time.h>

#include "lib/date.h"

/* Input limits of the public message form (code points). */
#define MSG_SUBJECT_MAX 100
#define MSG_BODY_MAX 2000
#define MSG_NAME_MAX 50
#define MSG_CONTACT_MAX 100
/* Rate limit of the public form: at most the setting
** message_rate_limit_per_hour (core/settings.c) accepted messages per
** address in this many seconds. */
#define MSG_RATE_WINDOW 3600

typedef struct OpinionEvent {
  int64_t id;
  int64_t orgId;
  const char *zTitle;
  const char *zSource;     /* 网络, 媒体 … */
  const char *zLevel;      /* 'major' or 'other' */
  int64_t tFound;          /* unix s */
  const char *zSummary;
  int64_t tInfo;           /* earliest response of any kind, 0 if none */
  int64_t tPress;          /* earliest press conference, 0 if none */
  int nResponse;           /* number of responses */
  const char *zOrgName;    /* filled by listings */
} OpinionEvent;

typedef struct OpinionResponse {
  int64_t id;
  int64_t eventId;
  const char *zKind;       /* 'release', 'press', 'online' */
  int64_t tAt;
  const char *zNote;
} OpinionResponse;

typedef struct Message {
  int64_t id;
  int64_t orgId;
  const char *zBox;        /* 'message' or 'mailbox' */
  const char *zName;
  const char *zContact;
  const char *zSubject;
  const char *zBody;
  const char *zReceivedOn; /* YYYY-MM-DD */
  int64_t deptId;          /* transferred to, 0 if not */
  const char *zDeptName;
  const char *zTransferredOn;
  const char *zReply;
  const char *zRepliedOn;  /* "" when not replied */
  int64_t replyDeptId;
  const char *zReplyDeptName;
  int bPublished;
  const char *zPublishedOn;
  const char *zOrgName;
} Message;

typedef struct Proposal {
  int64_t id;
  int64_t orgId;
  const char *zKind;       /* 'npc' or 'cppcc' */
  int year;
  const char *zNumber;
  const char *zTitle;
  const char *zDelegate;
  const char *zLeadDept;
  const char *zCoDepts;
  const char *zReceivedOn;
  const char *zDueOn;
  const char *zReply;
  const char *zRepliedOn;
  int bPublished;
  const char *zPublishedOn;
  const char *zOrgName;
} Proposal;

typedef struct Activity {
  int64_t id;
  int64_t orgId;
  const char *zKind;       /* press, interview, open_day, training, meeting,
                           ** publicity */
  const char *zHeldOn;
  const char *zTitle;
  const char *zDescription;
  int leaderAttended;      /* 1 yes, 0 no, -1 not applicable */
  int sessions;
  int people;
  int nFile;               /* attachments */
  const char *zOrgName;
} Activity;

typedef struct WorkplanRec {
  int64_t id;
  int64_t orgId;
  int year;
  const char *zTitle;
  int nTask;
  int nDone;
  int nOverdue;            /* as of the day given to the listing */
  const char *zOrgName;
} WorkplanRec;

typedef struct TaskRec {
  int64_t id;
  int64_t planId;
  int seq;
  const char *zNumber;
  const char *zHeading;
  const char *zText;
  const char *zDeptsRaw;
  const char *zLead;
  const char *zCo;
  const char *zDueOn;      /* "" when none */
  const char *zDoneOn;     /* "" when open */
  int nProgress;
  const char *zLastNote;   /* latest progress note, "" when none */
  const char *zPlanTitle;  /* its plan's title (store_task_list only, else "") */
  const char *zOrgName;    /* its plan's organisation (likewise) */
} TaskRec;

typedef struct ProgressRec {
  int64_t id;
  int64_t taskId;
  const char *zReportedOn;
  const char *zNote;
  const char *zEvidence;
  const char *zUserName;
} ProgressRec;

typedef struct Inspection {
  int64_t id;
  int64_t orgId;
  int64_t byOrgId;
  int64_t userId;
  const char *zInspectedOn;
  const char *zSubject;
  const char *zFindings;
  const char *zFollowUp;
  const char *zFollowUpDue;
  const char *zClosedOn;
  const char *zOrgName;
  const char *zUserName;
} Inspection;

/* Chinese labels of the codes; NULL for an unknown code. */
const char *reg_level_label(const char *zLevel);       /* 特别重大、重大突发事件 */
const char *reg_response_label(const char *zKind);     /* 发布权威信息 */
const char *reg_box_label(const char *zBox);           /* 网民留言 */
const char *reg_proposal_label(const char *zKind);     /* 人大代表建议 */
const char *reg_activity_label(const char *zKind);     /* 新闻发布会 */

/* The activity kind codes in display order; *pn gets the count. */
const char *const *reg_activity_kinds(int *pn);

/* Validates a message from the public form.  Every argument may be NULL
** (treated as empty).  Returns NULL when acceptable, else a Chinese
** message naming the problem (static storage).  Rules: box is 'message' or
** 'mailbox'; subject 1..MSG_SUBJECT_MAX and body 1..MSG_BODY_MAX code
** points after trimming; name ≤ MSG_NAME_MAX; contact ≤ MSG_CONTACT_MAX
** and, when given, a phone number (7–20 digits, spaces or hyphens) or an
** e-mail address; all valid UTF-8 without control characters other than
** line breaks and tabs in the body.  *pzField (pzField may be NULL)
** receives the form field refused ("box", "subject", "body", "name",
** "contact"), NULL when all is well. */
const char *reg_message_check(const char *zBox, const char *zName,
                              const char *zContact, const char *zSubject,
                              const char *zBody, const char **pzField);

/* Validates a non-empty single-line text field of at most nMax code
** points; returns NULL or a message built from zLabel in a static buffer
** per thread. */
const char *reg_text_check(const char *zLabel, const char *z, int nMax,
                           int bRequired);

/* The 办理期限 of a proposal from its kind ('npc' or 'cppcc'), its 交办
** date dReceived and the due date given, dDue (either DATE_NONE when
** blank).  *pdDue gets the due date to store: dDue, or for an NPC
** suggestion with a 交办 date and none given, three months after 交办
** (NPC suggestions are answered within three months of 交办, six at most
** with the assigning office's consent: the 代表法 and the local 办理办法;
** months counted as 民法典 Art. 202 does).  A CPPCC proposal's period
** is set by local rules (three or five months), so it is never computed.
** Returns NULL, or a Chinese message (static) when the due date is before
** 交办 or an NPC suggestion's is more than six months after it. */
const char *reg_proposal_dates(const char *zKind, Date dReceived, Date dDue,
                               Date *pdDue);

/* The dates of an inspection (督查): dOn the day it was held, dDue the
** follow-up's due date, dClosed the day the follow-up was closed (either
** DATE_NONE when not given), dToday today in Beijing.  Returns NULL, or a
** Chinese message (static): an inspection not yet held, a follow-up due or
** closed before the inspection, or closed after today. */
const char *reg_inspection_dates(Date dOn, Date dDue, Date dClosed, Date dToday);

/* The reply limit setting: parses zValue ("5"); returns 1..60, or
** RC_MESSAGE_DAYS when absent or invalid. */
int reg_reply_days(const char *zValue);

#endif
