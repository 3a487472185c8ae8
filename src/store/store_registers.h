/*
** store_registers.h — persistence of the registers of issue 7 (records in
** core/registers.h, work plan import from core/workplan.h).  Conventions
** as in store.h: STORE_* codes, message in store_errmsg(), strings in the
** caller's Arena.  Listings take an organisation and bSubtree: 0 for that
** organisation only, 1 for it and every organisation below it.  year 0
** means every year.  Dates are 'YYYY-MM-DD' strings.
*/
#ifndef GK_STORE_REGISTERS_H
#define GK_STORE_REGISTERS_H

#include "core/calendar.h"
#include "core/registers.h"
#include "core/workplan.h"
#include "store/store.h"

/* The working-day calendar: the embedded official data plus the overrides
** in the holiday table.  pCal must be cal_init()ed; the caller cal_free()s
** it.  Returns STORE_OK or STORE_ERROR. */
int store_reg_calendar(Store *s, Arena *a, Calendar *pCal);

/* The message reply limit in working days (setting message_reply_workdays,
** core/settings.c; default 5). */
int store_reg_reply_days(Store *s, Arena *a);

/* ---- Public opinion ---------------------------------------------------- */
int store_opinion_add(Store *s, OpinionEvent *e, int64_t userId);  /* sets id */
int store_opinion_get(Store *s, Arena *a, int64_t id, OpinionEvent *e);
/* Corrects event e->id from *e: title, source, level, time found and
** summary; its responses stay. */
int store_opinion_update(Store *s, const OpinionEvent *e);
int store_opinion_list(Store *s, Arena *a, int64_t orgId, int bSubtree,
                       int year, OpinionEvent **paE, int *pn);
int store_opinion_response_add(Store *s, const OpinionResponse *p);
int store_opinion_responses(Store *s, Arena *a, int64_t eventId,
                            OpinionResponse **paR, int *pn);

/* ---- Messages ---------------------------------------------------------- */
/* Accepted public submissions from zKey since `since` (unix s). */
int store_message_recent(Store *s, const char *zKey, int64_t since);
/* Stores m (sets m->id) and records zKey for the rate limit (when not
** NULL), pruning throttle rows older than a day. */
int store_message_add(Store *s, Message *m, const char *zKey, int64_t now);
/* store_message_add() under the rate limit, checked inside the same
** IMMEDIATE transaction as the insert (no race between parallel
** submissions): STORE_CONFLICT, nothing stored, when nMax messages were
** already accepted from zKey since `since`. */
int store_message_add_limited(Store *s, Message *m, const char *zKey,
                              int64_t now, int64_t since, int nMax);
int store_message_get(Store *s, Arena *a, int64_t id, Message *m);
/* bPublished: 1 only published ones (newest reply first), 0 all. */
int store_message_list(Store *s, Arena *a, int64_t orgId, int bSubtree,
                       int bPublished, Message **paM, int *pn);
int store_message_count(Store *s, int64_t orgId);
int store_message_transfer(Store *s, int64_t id, int64_t deptId,
                           const char *zOn);
int store_message_reply(Store *s, int64_t id, const char *zReply,
                        const char *zOn, int64_t replyDeptId);
int store_message_publish(Store *s, int64_t id, int bPublish,
                          const char *zOn);
/* Corrects message m->id as received: its box, the writer's name and
** contact, subject, text and 收到日期 from *m; the transfer, the reply and
** its publication stay (a published question shows the corrected text). */
int store_message_update(Store *s, const Message *m);

/* ---- Proposals ----------------------------------------------------------- */
int store_proposal_add(Store *s, Proposal *p);            /* sets id */
int store_proposal_get(Store *s, Arena *a, int64_t id, Proposal *p);
/* Corrects the registration fields of proposal p->id (kind, year, number,
** title, delegate, departments, 交办 date, due date) from *p; the reply
** and its publication stay.  STORE_CONFLICT with a message when another
** proposal of the organisation has the same kind, year and number. */
int store_proposal_update(Store *s, const Proposal *p);
int store_proposal_list(Store *s, Arena *a, int64_t orgId, int bSubtree,
                        int year, Proposal **paP, int *pn);
/* Records the reply (zOn its date) and whether the full reply is
** published (published_on = zOn when newly published). */
int store_proposal_reply(Store *s, int64_t id, const char *zReply,
                         const char *zOn, int bPublish);

/* ---- Activities ------------------------------------------------------- */
int store_activity_add(Store *s, Activity *p);            /* sets id */
int store_activity_get(Store *s, Arena *a, int64_t id, Activity *p);
/* Corrects activity p->id from *p (kind, date, title, description, leader,
** sessions, people); its attachments stay. */
int store_activity_update(Store *s, const Activity *p);
int store_activity_list(Store *s, Arena *a, int64_t orgId, int bSubtree,
                        int year, Activity **paA, int *pn);
int store_activity_file_add(Store *s, int64_t activityId, const char *zName,
                            const char *zType, const void *pData,
                            size_t nData, const char *zSha256);
/* One attachment: name, type and bytes (in a). */
int store_activity_file_get(Store *s, Arena *a, int64_t fileId,
                            int64_t *pActivityId, const char **pzName,
                            const char **pzType, const void **ppData,
                            size_t *pnData);
typedef struct ActivityFile {
  int64_t id;
  const char *zName;
  const char *zType;
  const char *zSha256;
  int64_t nBytes;
} ActivityFile;
int store_activity_files(Store *s, Arena *a, int64_t activityId,
                         ActivityFile **paF, int *pn);

/* ---- Work plans ---------------------------------------------------------- */
/* Stores a parsed plan with its tasks (one transaction; the caller may
** wrap it in an outer one).  STORE_CONFLICT when the organisation already
** has a plan with this title for the year. */
int store_workplan_import(Store *s, int64_t orgId, int year,
                          const WpPlan *pPlan, const char *zSource,
                          int64_t *pId);
/* Plans with task counts; overdue counted against zToday. */
int store_workplan_list(Store *s, Arena *a, int64_t orgId, int bSubtree,
                        int year, const char *zToday, WorkplanRec **paW,
                        int *pn);
int store_workplan_get(Store *s, Arena *a, int64_t id, const char *zToday,
                       WorkplanRec *w);
/* Corrects plan id's year and title (its tasks stay); STORE_CONFLICT with
** a message when the organisation has a plan of that year and title. */
int store_workplan_update(Store *s, int64_t id, int year, const char *zTitle);
/* Deletes plan id and its tasks (one transaction): a plan imported by
** mistake.  STORE_CONFLICT with a message, nothing deleted, once any of
** its tasks has a progress report. */
int store_workplan_delete(Store *s, int64_t id);
int store_workplan_tasks(Store *s, Arena *a, int64_t planId, TaskRec **paT,
                         int *pn);
/* Which tasks store_task_list returns: all, done (a completion date is
** recorded), or overdue (open and due before zToday) — the definitions the
** plans' nDone and nOverdue count with. */
typedef enum TaskFilter { TASK_ALL, TASK_DONE, TASK_OVERDUE } TaskFilter;
/* The tasks of the plans of orgId (with bSubtree, of its subtree) for year
** (0: every year) selected by eFilter, newest plan first, each with its
** plan's title and organisation name (zPlanTitle, zOrgName).  STORE_OK or
** STORE_ERROR; strings in a. */
int store_task_list(Store *s, Arena *a, int64_t orgId, int bSubtree,
                    int year, const char *zToday, TaskFilter eFilter,
                    TaskRec **paT, int *pn);
int store_task_get(Store *s, Arena *a, int64_t id, TaskRec *t,
                   int64_t *pOrgId);
int store_task_progress_add(Store *s, int64_t taskId, const char *zOn,
                            const char *zNote, const char *zEvidence,
                            int64_t userId, int bDone);
int store_task_progress(Store *s, Arena *a, int64_t taskId,
                        ProgressRec **paP, int *pn);
/* Corrects task taskId: its lead and co-operating departments, its due
** date and its completion date (NULL or "" for none: the task is open
** again).  The progress reports stay. */
int store_task_update(Store *s, int64_t taskId, const char *zLead,
                      const char *zCo, const char *zDueOn, const char *zDoneOn);

/* ---- Inspections ---------------------------------------------------------- */
int store_inspection_add(Store *s, Inspection *p);        /* sets id */
/* Inspections of orgId (with bSubtree, of its subtree), newest first:
** those of year (by 督查日期; 0 every year) and, with bOpen, only those
** still 整改中 (a follow-up was required and is not closed).  The
** dashboard counts and the inspection list show these same selections. */
int store_inspection_list(Store *s, Arena *a, int64_t orgId, int bSubtree,
                          int year, int bOpen, Inspection **paI, int *pn);
int store_inspection_get(Store *s, Arena *a, int64_t id, Inspection *p);
int store_inspection_close(Store *s, int64_t id, const char *zOn);
/* Corrects inspection p->id from *p: the inspected unit, 督查日期, subject,
** findings, follow-up, 整改期限 and 整改办结 date (NULL or "": not closed;
** always none without a follow-up).  by_org_id and the user stay. */
int store_inspection_update(Store *s, const Inspection *p);

/* ---- Catalogue freshness and publication figures ------------------------ */
typedef struct FreshRow {
  int64_t itemId;
  int64_t orgId;
  const char *zOrgName;
  const char *zLevel1;      /* 一级事项 */
  const char *zLevel2;      /* 二级事项 */
  const char *zContent;     /* 公开内容 */
  const char *zDept;        /* 负责科室 */
  const char *zFrequency;   /* 更新频率 as written */
  const char *zLatestDoc;   /* latest published date of its documents, or "" */
  const char *zLatestNil;   /* latest "本期无新增" period start, or "" */
} FreshRow;
/* Proactive catalogue items with a non-empty frequency. */
int store_fresh_list(Store *s, Arena *a, int64_t orgId, int bSubtree,
                     FreshRow **paF, int *pn);
/* One item (for the statement form). */
int store_fresh_get(Store *s, Arena *a, int64_t itemId, FreshRow *pF);
/* Records "本期无新增" for the period [zStart, zEnd]; STORE_CONFLICT when
** already stated. */
int store_fresh_nil_add(Store *s, int64_t itemId, const char *zStart,
                        const char *zEnd, const char *zNote, const char *zOn,
                        int64_t userId);

/* Published documents of the year per month (a[0] = January). */
int store_reg_pub_month(Store *s, int64_t orgId, int bSubtree, int year,
                        int a[12]);
typedef struct PubCount {
  const char *zKey;         /* category (一级事项) or channel */
  int n;
} PubCount;
/* Published documents of the year per catalogue category (bChannel 0;
** "未归类" for none) or per further channel (bChannel 1, from the
** channel register; every published document is on the website). */
int store_reg_pub_group(Store *s, Arena *a, int64_t orgId, int bSubtree,
                        int year, int bChannel, PubCount **paP, int *pn);

/* Applications (依申请公开) figures, when the applications module's table
** exists (STORE_NOTFOUND otherwise): open ones, of which due on or before
** zSoon and not overdue, overdue (due before zToday); answered or closed
** in year, of which on or before their due date. */
typedef struct AppStats {
  int nOpen, nDueSoon, nOverdue, nClosed, nOnTime;
} AppStats;
int store_reg_app_stats(Store *s, int64_t orgId, int bSubtree, int year,
                        const char *zToday, const char *zSoon, AppStats *p);

#endif
