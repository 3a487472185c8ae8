/*
** store_registers.c — the registers of issue 7 (see
** store_registers.h): opinion events and responses, messages and their
** rate limit, proposals, activities and attachments, work plans with tasks
** and progress, inspections.
*/
#include <string.h>
#include <time.h>

#include "lib/embed.h"
#include "store/app_where.h"
#include "store/store_int.h"
#include "store/store_registers.h"

/* The organisations a listing covers: ?1 alone, or with ?2 = 1 its
** subtree.  Used as "WHERE x.org_id IN " SCOPE. */
#define SCOPE \
  "(WITH RECURSIVE " ORG_SCOPE_CTE("sub", "1", "?2<>0") " SELECT id FROM sub)"


/* Runs an INSERT … RETURNING id; sets *pId (may be NULL) to the new id. */
static int insert(Store *s, Stmt *st, const char *zWhat, int64_t *pId) {
  int64_t id = 0;
  int rc = stmt_insert_id(s, st, &id, zWhat);
  if (rc != STORE_OK && db_err(s) == DB_ERR_FOREIGN_KEY)
    return store_fail(s, STORE_INVALID, "%s失败：关联的单位、科室或记录不存在", zWhat);
  if (rc == STORE_OK && pId) *pId = id;
  return rc;
}

/* Runs an UPDATE that must touch a row. */
static int update_one(Store *s, Stmt *st, const char *zWhat) {
  int rc = stmt_step(st);
  stmt_done(st);
  if (rc != STMT_DONE) return store_db_err(s, zWhat);
  if (stmt_changes(s) == 0)
    return store_fail(s, STORE_NOTFOUND, "%s失败：记录不存在", zWhat);
  return STORE_OK;
}

/* Binds NULL for NULL or "". */
static void bind_opt(Stmt *st, int i, const char *z) {
  bind_text(st, i, z && z[0] ? z : NULL);
}

int store_reg_calendar(Store *s, Arena *a, Calendar *pCal) {
  const Embedded *e = embed_find(aData, "holidays_cn.csv");
  if (e && cal_load_csv(pCal, (const char *)e->pData, e->nData,
                        "holidays_cn.csv") != CAL_OK)
    return store_fail(s, STORE_ERROR, "%s", pCal->zErr ? pCal->zErr : "节假日数据有误");
  HolidayRow *aRow;
  int n;
  if (store_holiday_list(s, a, &aRow, &n) != STORE_OK) return STORE_ERROR;
  for (int i = 0; i < n; i++) {
    Date d;
    if (date_parse(aRow[i].zDay, &d)) continue;
    CalKind k = strcmp(aRow[i].zKind, "holiday") ? CAL_WORKDAY : CAL_HOLIDAY;
    /* A conflicting row is the administrator's correction: it wins only
    ** when it does not clash; a clash keeps the official data. */
    cal_add(pCal, d, k, aRow[i].zName);
  }
  return STORE_OK;
}

int store_reg_reply_days(Store *s, Arena *a) {
  (void)a;
  return (int)store_setting_int(s, SET_MESSAGE_REPLY_WORKDAYS);
}

/* ---- Public opinion ---------------------------------------------------- */

#define EVENT_COLS                                                        \
  "e.id,e.org_id,e.title,e.source,e.level,e.found_at,e.summary,"          \
  "coalesce((SELECT min(at) FROM opinion_response r WHERE r.event_id=e.id),0)," \
  "coalesce((SELECT min(at) FROM opinion_response r WHERE r.event_id=e.id"     \
  " AND r.kind='press'),0),"                                               \
  "(SELECT count(*) FROM opinion_response r WHERE r.event_id=e.id),o.name"
#define EVENT_FROM " FROM opinion_event e JOIN org o ON o.id=e.org_id"

static void event_row(Stmt *st, Arena *a, void *pRow) {
  OpinionEvent *e = pRow;
  memset(e, 0, sizeof *e);
  e->id = col_int(st, 0);
  e->orgId = col_int(st, 1);
  e->zTitle = col_text(a, st, 2);
  e->zSource = col_text(a, st, 3);
  e->zLevel = col_text(a, st, 4);
  e->tFound = col_int(st, 5);
  e->zSummary = col_text(a, st, 6);
  e->tInfo = col_int(st, 7);
  e->tPress = col_int(st, 8);
  e->nResponse = (int)col_int(st, 9);
  e->zOrgName = col_text(a, st, 10);
}


int store_opinion_add(Store *s, OpinionEvent *e, int64_t userId) {
  char zNow[21];
  store_now_iso(zNow);
  Stmt *st = stmt(s,
      "INSERT INTO opinion_event(org_id,title,source,level,found_at,summary,"
      "created_at,created_by) VALUES(?1,?2,?3,?4,?5,?6,?7,?8) RETURNING id");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, e->orgId);
  bind_text(st, 2, e->zTitle);
  bind_text(st, 3, nz(e->zSource));
  bind_text(st, 4, e->zLevel);
  bind_int(st, 5, e->tFound);
  bind_text(st, 6, nz(e->zSummary));
  bind_text(st, 7, zNow);
  bind_id(st, 8, userId);
  return insert(s, st, "保存舆情事件", &e->id);
}

int store_opinion_update(Store *s, const OpinionEvent *e) {
  Stmt *st = stmt(s,
      "UPDATE opinion_event SET title=?2, source=?3, level=?4, found_at=?5,"
      " summary=?6 WHERE id=?1");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, e->id);
  bind_text(st, 2, e->zTitle);
  bind_text(st, 3, nz(e->zSource));
  bind_text(st, 4, e->zLevel);
  bind_int(st, 5, e->tFound);
  bind_text(st, 6, nz(e->zSummary));
  return update_one(s, st, "更正舆情事件");
}

int store_opinion_get(Store *s, Arena *a, int64_t id, OpinionEvent *e) {
  Stmt *st = stmt(s, "SELECT " EVENT_COLS EVENT_FROM " WHERE e.id=?1");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, id);
  int rc = stmt_row(s, st, a, sizeof *e, event_row, e, "读取舆情事件");
  return rc == STORE_NOTFOUND ? store_fail(s, rc, "舆情事件不存在") : rc;
}

int store_opinion_list(Store *s, Arena *a, int64_t orgId, int bSubtree,
                       int year, OpinionEvent **paE, int *pn) {
  Stmt *st = stmt(s,
      "SELECT " EVENT_COLS EVENT_FROM " WHERE e.org_id IN " SCOPE
      " AND (?3=0 OR (e.found_at>=?4 AND e.found_at<?5))"
      " ORDER BY e.found_at DESC, e.id DESC");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, orgId);
  bind_int(st, 2, bSubtree);
  bind_int(st, 3, year);
  /* The year in Beijing time (UTC+8) as a range of Unix seconds. */
  struct tm tm = {.tm_year = (year ? year : 1970) - 1900, .tm_mday = 1};
  int64_t tFrom = (int64_t)timegm(&tm) - 8 * 3600;
  tm = (struct tm){.tm_year = (year ? year : 1970) + 1 - 1900, .tm_mday = 1};
  bind_int(st, 4, tFrom);
  bind_int(st, 5, (int64_t)timegm(&tm) - 8 * 3600);
  return stmt_rows(s, st, a, sizeof **paE, event_row, paE, pn, "读取舆情事件");
}

int store_opinion_response_add(Store *s, const OpinionResponse *p) {
  Stmt *st = stmt(s,
      "INSERT INTO opinion_response(event_id,kind,at,note) VALUES(?1,?2,?3,?4) RETURNING id");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, p->eventId);
  bind_text(st, 2, p->zKind);
  bind_int(st, 3, p->tAt);
  bind_text(st, 4, nz(p->zNote));
  return insert(s, st, "保存回应", NULL);
}

static void opinion_responses_row(Stmt *st, Arena *a, void *pRow) {
  OpinionResponse *r = pRow;
  r->id = col_int(st, 0);
  r->eventId = col_int(st, 1);
  r->zKind = col_text(a, st, 2);
  r->tAt = col_int(st, 3);
  r->zNote = col_text(a, st, 4);
}

int store_opinion_responses(Store *s, Arena *a, int64_t eventId,
                            OpinionResponse **paR, int *pn) {
  Stmt *st = stmt(s,
      "SELECT id,event_id,kind,at,note FROM opinion_response WHERE event_id=?1"
      " ORDER BY at, id");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, eventId);
  return stmt_rows(s, st, a, sizeof **paR, opinion_responses_row, paR, pn, "读取回应");
}

/* ---- Messages ---------------------------------------------------------- */

#define MSG_COLS                                                             \
  "m.id,m.org_id,m.box,m.name,m.contact,m.subject,m.body,m.received_on,"     \
  "coalesce(m.dept_id,0),coalesce(d.name,''),coalesce(m.transferred_on,'')," \
  "m.reply,coalesce(m.replied_on,''),coalesce(m.reply_dept_id,0),"           \
  "coalesce(rd.name,''),m.published,coalesce(m.published_on,''),o.name"
#define MSG_FROM                                                 \
  " FROM message m JOIN org o ON o.id=m.org_id"                  \
  " LEFT JOIN dept d ON d.id=m.dept_id"                          \
  " LEFT JOIN dept rd ON rd.id=m.reply_dept_id"

static void msg_row(Stmt *st, Arena *a, void *pRow) {
  Message *m = pRow;
  memset(m, 0, sizeof *m);
  m->id = col_int(st, 0);
  m->orgId = col_int(st, 1);
  m->zBox = col_text(a, st, 2);
  m->zName = col_text(a, st, 3);
  m->zContact = col_text(a, st, 4);
  m->zSubject = col_text(a, st, 5);
  m->zBody = col_text(a, st, 6);
  m->zReceivedOn = col_text(a, st, 7);
  m->deptId = col_int(st, 8);
  m->zDeptName = col_text(a, st, 9);
  m->zTransferredOn = col_text(a, st, 10);
  m->zReply = col_text(a, st, 11);
  m->zRepliedOn = col_text(a, st, 12);
  m->replyDeptId = col_int(st, 13);
  m->zReplyDeptName = col_text(a, st, 14);
  m->bPublished = (int)col_int(st, 15);
  m->zPublishedOn = col_text(a, st, 16);
  m->zOrgName = col_text(a, st, 17);
}


int store_message_recent(Store *s, const char *zKey, int64_t since) {
  Stmt *st = stmt(s,
      "SELECT count(*) FROM message_throttle WHERE key=?1 AND at>=?2");
  if (!st) return STORE_ERROR;
  bind_text(st, 1, zKey);
  bind_int(st, 2, since);
  int rc = stmt_step(st);
  int n = rc == STMT_ROW ? (int)col_int(st, 0) : -1;
  stmt_done(st);
  if (n < 0) return store_db_err(s, "读取留言频率");
  return n;
}

int store_message_add(Store *s, Message *m, const char *zKey, int64_t now) {
  return store_message_add_limited(s, m, zKey, now, 0, -1);
}

int store_message_add_limited(Store *s, Message *m, const char *zKey,
                              int64_t now, int64_t since, int nMax) {
  char zNow[21];
  store_now_iso(zNow);
  if (store_begin(s) != STORE_OK) return STORE_ERROR;
  if (zKey && nMax >= 0) {
    /* Counted under the throttle lock (two servers, one limit). */
    int n = store_lock(s, STORE_LOCK_THROTTLE) ? STORE_BUSY
                                               : store_message_recent(s, zKey, since);
    if (n < 0 || n >= nMax) {
      store_rollback(s);
      return n < 0 ? n : store_fail(s, STORE_CONFLICT, "提交过于频繁");
    }
  }
  Stmt *st = stmt(s,
      "INSERT INTO message(org_id,box,name,contact,subject,body,received_on,"
      "received_at) VALUES(?1,?2,?3,?4,?5,?6,?7,?8) RETURNING id");
  int rc = STORE_ERROR;
  if (st) {
    bind_int(st, 1, m->orgId);
    bind_text(st, 2, m->zBox);
    bind_text(st, 3, nz(m->zName));
    bind_text(st, 4, nz(m->zContact));
    bind_text(st, 5, m->zSubject);
    bind_text(st, 6, m->zBody);
    bind_text(st, 7, m->zReceivedOn);
    bind_text(st, 8, zNow);
    rc = insert(s, st, "保存留言", &m->id);
  }
  if (rc == STORE_OK && zKey) {
    st = stmt(s, "DELETE FROM message_throttle WHERE at<?1");
    if (!st) rc = STORE_ERROR;
    else {
      bind_int(st, 1, now - 86400);
      rc = stmt_exec(s, st, "清理留言频率记录");
    }
    if (rc == STORE_OK) {
      st = stmt(s, "INSERT INTO message_throttle(key,at) VALUES(?1,?2)");
      if (!st) rc = STORE_ERROR;
      else {
        bind_text(st, 1, zKey);
        bind_int(st, 2, now);
        rc = stmt_exec(s, st, "记录留言频率");
      }
    }
  }
  if (rc != STORE_OK) {
    store_rollback(s);
    return rc;
  }
  return store_commit(s);
}

int store_message_get(Store *s, Arena *a, int64_t id, Message *m) {
  Stmt *st = stmt(s, "SELECT " MSG_COLS MSG_FROM " WHERE m.id=?1");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, id);
  int rc = stmt_row(s, st, a, sizeof *m, msg_row, m, "读取留言");
  return rc == STORE_NOTFOUND ? store_fail(s, rc, "留言不存在") : rc;
}

int store_message_list(Store *s, Arena *a, int64_t orgId, int bSubtree,
                       int bPublished, Message **paM, int *pn) {
  Stmt *st = stmt(s,
      "SELECT " MSG_COLS MSG_FROM " WHERE m.org_id IN " SCOPE
      " AND (?3=0 OR m.published=1)"
      " ORDER BY CASE WHEN ?3<>0 THEN m.replied_on END DESC,"
      " m.received_on DESC, m.id DESC");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, orgId);
  bind_int(st, 2, bSubtree);
  bind_int(st, 3, bPublished);
  return stmt_rows(s, st, a, sizeof **paM, msg_row, paM, pn, "读取留言");
}

int store_message_count(Store *s, int64_t orgId) {
  Stmt *st = stmt(s, "SELECT count(*) FROM message WHERE org_id=?1");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, orgId);
  int n = stmt_step(st) == STMT_ROW ? (int)col_int(st, 0) : STORE_ERROR;
  stmt_done(st);
  return n;
}

int store_message_transfer(Store *s, int64_t id, int64_t deptId,
                           const char *zOn) {
  Stmt *st = stmt(s,
      "UPDATE message SET dept_id=?2, transferred_on=?3 WHERE id=?1");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, id);
  bind_id(st, 2, deptId);
  bind_text(st, 3, zOn);
  return update_one(s, st, "转办留言");
}

int store_message_reply(Store *s, int64_t id, const char *zReply,
                        const char *zOn, int64_t replyDeptId) {
  Stmt *st = stmt(s,
      "UPDATE message SET reply=?2, replied_on=?3, reply_dept_id=?4"
      " WHERE id=?1");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, id);
  bind_text(st, 2, zReply);
  bind_text(st, 3, zOn);
  bind_id(st, 4, replyDeptId);
  return update_one(s, st, "答复留言");
}

int store_message_publish(Store *s, int64_t id, int bPublish,
                          const char *zOn) {
  Stmt *st = stmt(s,
      "UPDATE message SET published=?2,"
      " published_on=CASE WHEN ?2<>0 THEN coalesce(published_on,?3) END"
      " WHERE id=?1 AND (?2=0 OR replied_on IS NOT NULL)");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, id);
  bind_int(st, 2, bPublish);
  bind_text(st, 3, zOn);
  int rc = update_one(s, st, "公开留言");
  if (rc == STORE_NOTFOUND)
    return store_fail(s, STORE_INVALID, "留言尚未答复，不能公开");
  return rc;
}


int store_message_update(Store *s, const Message *m) {
  Stmt *st = stmt(s,
      "UPDATE message SET box=?2, name=?3, contact=?4, subject=?5, body=?6,"
      " received_on=?7 WHERE id=?1");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, m->id);
  bind_text(st, 2, m->zBox);
  bind_text(st, 3, nz(m->zName));
  bind_text(st, 4, nz(m->zContact));
  bind_text(st, 5, m->zSubject);
  bind_text(st, 6, m->zBody);
  bind_text(st, 7, m->zReceivedOn);
  return update_one(s, st, "更正留言");
}

/* ---- Proposals ----------------------------------------------------------- */

#define PROP_COLS                                                         \
  "p.id,p.org_id,p.kind,p.year,p.number,p.title,p.delegate,p.lead_dept,"  \
  "p.co_depts,coalesce(p.received_on,''),coalesce(p.due_on,''),p.reply,"  \
  "coalesce(p.replied_on,''),p.published,coalesce(p.published_on,''),o.name"
#define PROP_FROM " FROM proposal p JOIN org o ON o.id=p.org_id"

static void prop_row(Stmt *st, Arena *a, void *pRow) {
  Proposal *p = pRow;
  memset(p, 0, sizeof *p);
  p->id = col_int(st, 0);
  p->orgId = col_int(st, 1);
  p->zKind = col_text(a, st, 2);
  p->year = (int)col_int(st, 3);
  p->zNumber = col_text(a, st, 4);
  p->zTitle = col_text(a, st, 5);
  p->zDelegate = col_text(a, st, 6);
  p->zLeadDept = col_text(a, st, 7);
  p->zCoDepts = col_text(a, st, 8);
  p->zReceivedOn = col_text(a, st, 9);
  p->zDueOn = col_text(a, st, 10);
  p->zReply = col_text(a, st, 11);
  p->zRepliedOn = col_text(a, st, 12);
  p->bPublished = (int)col_int(st, 13);
  p->zPublishedOn = col_text(a, st, 14);
  p->zOrgName = col_text(a, st, 15);
}


/* Binds a proposal's registration fields to ?2..?10, the order both
** store_proposal_add and store_proposal_update use. */
static void proposal_bind(Stmt *st, const Proposal *p) {
  bind_text(st, 2, p->zKind);
  bind_int(st, 3, p->year);
  bind_text(st, 4, p->zNumber);
  bind_text(st, 5, p->zTitle);
  bind_text(st, 6, nz(p->zDelegate));
  bind_text(st, 7, nz(p->zLeadDept));
  bind_text(st, 8, nz(p->zCoDepts));
  bind_opt(st, 9, p->zReceivedOn);
  bind_opt(st, 10, p->zDueOn);
}

int store_proposal_add(Store *s, Proposal *p) {
  Stmt *st = stmt(s,
      "INSERT INTO proposal(org_id,kind,year,number,title,delegate,lead_dept,"
      "co_depts,received_on,due_on) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10) RETURNING id");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, p->orgId);
  proposal_bind(st, p);
  int rc = insert(s, st, "保存建议提案", &p->id);
  if (rc == STORE_CONFLICT)
    return store_fail(s, STORE_CONFLICT, "%d年已有编号为“%s”的同类建议提案",
                      p->year, p->zNumber);
  return rc;
}

int store_proposal_update(Store *s, const Proposal *p) {
  Stmt *st = stmt(s,
      "UPDATE proposal SET kind=?2, year=?3, number=?4, title=?5, delegate=?6,"
      " lead_dept=?7, co_depts=?8, received_on=?9, due_on=?10 WHERE id=?1");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, p->id);
  proposal_bind(st, p);
  int rc = update_one(s, st, "更正建议提案");
  if (rc == STORE_CONFLICT)
    return store_fail(s, STORE_CONFLICT, "%d年已有编号为“%s”的同类建议提案",
                      p->year, p->zNumber);
  return rc;
}

int store_proposal_get(Store *s, Arena *a, int64_t id, Proposal *p) {
  Stmt *st = stmt(s, "SELECT " PROP_COLS PROP_FROM " WHERE p.id=?1");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, id);
  int rc = stmt_row(s, st, a, sizeof *p, prop_row, p, "读取建议提案");
  return rc == STORE_NOTFOUND ? store_fail(s, rc, "建议提案不存在") : rc;
}

int store_proposal_list(Store *s, Arena *a, int64_t orgId, int bSubtree,
                        int year, Proposal **paP, int *pn) {
  Stmt *st = stmt(s,
      "SELECT " PROP_COLS PROP_FROM " WHERE p.org_id IN " SCOPE
      " AND (?3=0 OR p.year=?3) ORDER BY p.year DESC, p.kind, p.number");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, orgId);
  bind_int(st, 2, bSubtree);
  bind_int(st, 3, year);
  return stmt_rows(s, st, a, sizeof **paP, prop_row, paP, pn, "读取建议提案");
}

int store_proposal_reply(Store *s, int64_t id, const char *zReply,
                         const char *zOn, int bPublish) {
  Stmt *st = stmt(s,
      "UPDATE proposal SET reply=?2, replied_on=?3, published=?4,"
      " published_on=CASE WHEN ?4<>0 THEN coalesce(published_on,?3) END"
      " WHERE id=?1");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, id);
  bind_text(st, 2, zReply);
  bind_text(st, 3, zOn);
  bind_int(st, 4, bPublish);
  return update_one(s, st, "答复建议提案");
}

/* ---- Activities ------------------------------------------------------- */

#define ACT_COLS                                                          \
  "a.id,a.org_id,a.kind,a.held_on,a.title,a.description,"                 \
  "coalesce(a.leader_attended,-1),a.sessions,a.people,"                   \
  "(SELECT count(*) FROM activity_file f WHERE f.activity_id=a.id),o.name"
#define ACT_FROM " FROM activity a JOIN org o ON o.id=a.org_id"

static void act_row(Stmt *st, Arena *ar, void *pRow) {
  Activity *p = pRow;
  memset(p, 0, sizeof *p);
  p->id = col_int(st, 0);
  p->orgId = col_int(st, 1);
  p->zKind = col_text(ar, st, 2);
  p->zHeldOn = col_text(ar, st, 3);
  p->zTitle = col_text(ar, st, 4);
  p->zDescription = col_text(ar, st, 5);
  p->leaderAttended = (int)col_int(st, 6);
  p->sessions = (int)col_int(st, 7);
  p->people = (int)col_int(st, 8);
  p->nFile = (int)col_int(st, 9);
  p->zOrgName = col_text(ar, st, 10);
}


/* Binds an activity's fields to ?2..?8 (kind, day, title, description,
** leader attended or NULL, sessions, people), the order both
** store_activity_add and store_activity_update use. */
static void activity_bind(Stmt *st, const Activity *p) {
  bind_text(st, 2, p->zKind);
  bind_text(st, 3, p->zHeldOn);
  bind_text(st, 4, p->zTitle);
  bind_text(st, 5, nz(p->zDescription));
  if (p->leaderAttended < 0) bind_null(st, 6);
  else bind_int(st, 6, p->leaderAttended ? 1 : 0);
  bind_int(st, 7, p->sessions);
  bind_int(st, 8, p->people);
}

int store_activity_add(Store *s, Activity *p) {
  char zNow[21];
  store_now_iso(zNow);
  Stmt *st = stmt(s,
      "INSERT INTO activity(org_id,kind,held_on,title,description,"
      "leader_attended,sessions,people,created_at)"
      " VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9) RETURNING id");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, p->orgId);
  activity_bind(st, p);
  bind_text(st, 9, zNow);
  return insert(s, st, "保存活动", &p->id);
}

int store_activity_update(Store *s, const Activity *p) {
  Stmt *st = stmt(s,
      "UPDATE activity SET kind=?2, held_on=?3, title=?4, description=?5,"
      " leader_attended=?6, sessions=?7, people=?8 WHERE id=?1");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, p->id);
  activity_bind(st, p);
  return update_one(s, st, "更正活动");
}

int store_activity_get(Store *s, Arena *a, int64_t id, Activity *p) {
  Stmt *st = stmt(s, "SELECT " ACT_COLS ACT_FROM " WHERE a.id=?1");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, id);
  int rc = stmt_row(s, st, a, sizeof *p, act_row, p, "读取活动");
  return rc == STORE_NOTFOUND ? store_fail(s, rc, "活动不存在") : rc;
}

int store_activity_list(Store *s, Arena *a, int64_t orgId, int bSubtree,
                        int year, Activity **paA, int *pn) {
  Stmt *st = stmt(s,
      "SELECT " ACT_COLS ACT_FROM " WHERE a.org_id IN " SCOPE
      " AND (?3=0 OR substr(a.held_on,1,4)=CAST(?3 AS TEXT))"
      " ORDER BY a.held_on DESC, a.id DESC");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, orgId);
  bind_int(st, 2, bSubtree);
  bind_int(st, 3, year);
  return stmt_rows(s, st, a, sizeof **paA, act_row, paA, pn, "读取活动");
}

int store_activity_file_add(Store *s, int64_t activityId, const char *zName,
                            const char *zType, const void *pData,
                            size_t nData, const char *zSha256) {
  Stmt *st = stmt(s,
      "INSERT INTO activity_file(activity_id,name,type,sha256,data)"
      " VALUES(?1,?2,?3,?4,?5) RETURNING id");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, activityId);
  bind_text(st, 2, zName);
  bind_text(st, 3, zType);
  bind_text(st, 4, zSha256);
  bind_blob(st, 5, pData, nData);
  return insert(s, st, "保存附件", NULL);
}

int store_activity_file_get(Store *s, Arena *a, int64_t fileId,
                            int64_t *pActivityId, const char **pzName,
                            const char **pzType, const void **ppData,
                            size_t *pnData) {
  Stmt *st = stmt(s,
      "SELECT activity_id,name,type,data FROM activity_file WHERE id=?1");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, fileId);
  int rc = stmt_step(st), out = STORE_OK;
  if (rc == STMT_ROW) {
    *pActivityId = col_int(st, 0);
    *pzName = col_text(a, st, 1);
    *pzType = col_text(a, st, 2);
    size_t n = (size_t)col_bytes(st, 3);
    void *p = arena_alloc(a, n + 1);
    if (n) memcpy(p, col_blob(st, 3), n);
    *ppData = p;
    *pnData = n;
  } else if (rc == STMT_DONE) {
    out = store_fail(s, STORE_NOTFOUND, "附件不存在");
  } else {
    out = store_db_err(s, "读取附件");
  }
  stmt_done(st);
  return out;
}

static void activity_files_row(Stmt *st, Arena *a, void *pRow) {
  ActivityFile *r = pRow;
  r->id = col_int(st, 0);
  r->zName = col_text(a, st, 1);
  r->zType = col_text(a, st, 2);
  r->zSha256 = col_text(a, st, 3);
  r->nBytes = col_int(st, 4);
}

int store_activity_files(Store *s, Arena *a, int64_t activityId,
                         ActivityFile **paF, int *pn) {
  Stmt *st = stmt(s,
      "SELECT id,name,type,sha256,length(data) FROM activity_file"
      " WHERE activity_id=?1 ORDER BY id");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, activityId);
  return stmt_rows(s, st, a, sizeof **paF, activity_files_row, paF, pn, "读取附件");
}

/* ---- Work plans ---------------------------------------------------------- */

int store_workplan_import(Store *s, int64_t orgId, int year,
                          const WpPlan *pPlan, const char *zSource,
                          int64_t *pId) {
  char zNow[21];
  store_now_iso(zNow);
  if (store_begin(s) != STORE_OK) return STORE_ERROR;
  Stmt *st = stmt(s,
      "INSERT INTO workplan(org_id,year,title,source,created_at)"
      " VALUES(?1,?2,?3,?4,?5) RETURNING id");
  int rc = STORE_ERROR;
  int64_t planId = 0;
  if (st) {
    bind_int(st, 1, orgId);
    bind_int(st, 2, year);
    bind_text(st, 3, pPlan->zTitle ? pPlan->zTitle : "工作要点");
    bind_text(st, 4, nz(zSource));
    bind_text(st, 5, zNow);
    rc = insert(s, st, "保存工作要点", &planId);
    if (rc == STORE_CONFLICT)
      rc = store_fail(s, STORE_CONFLICT, "该单位%d年已有同名工作要点“%s”", year,
                      pPlan->zTitle ? pPlan->zTitle : "");
  }
  for (int i = 0; rc == STORE_OK && i < pPlan->nTask; i++) {
    const WpTask *t = &pPlan->aTask[i];
    char zDue[DATE_STRLEN];
    st = stmt(s,
        "INSERT INTO workplan_task(plan_id,seq,number,heading,text,depts_raw,"
        "lead_depts,co_depts,due_on) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9) RETURNING id");
    if (!st) { rc = STORE_ERROR; break; }
    bind_int(st, 1, planId);
    bind_int(st, 2, t->seq);
    bind_text(st, 3, t->zNumber);
    bind_text(st, 4, nz(t->zHeading));
    bind_text(st, 5, t->zText);
    bind_text(st, 6, nz(t->zDepts));
    bind_text(st, 7, nz(t->zLead));
    bind_text(st, 8, nz(t->zCo));
    bind_text(st, 9, t->dDue == DATE_NONE ? NULL : date_format(t->dDue, zDue));
    rc = insert(s, st, "保存工作任务", NULL);
  }
  if (rc != STORE_OK) {
    store_rollback(s);
    return rc;
  }
  if ((rc = store_commit(s)) == STORE_OK && pId) *pId = planId;
  return rc;
}

/* The definitions of a done task and of an overdue one (open, due before
** the day bound to the parameter TODAY, e.g. "?4"): the plans' counts and
** store_task_list's filters use these same clauses, so a figure equals the
** tasks its link lists. */
#define TASK_IS_DONE "t.done_on IS NOT NULL"
#define TASK_IS_OVERDUE(TODAY) "(t.done_on IS NULL AND t.due_on<" TODAY ")"

#define PLAN_COLS(TODAY)                                                    \
  "w.id,w.org_id,w.year,w.title,"                                           \
  "(SELECT count(*) FROM workplan_task t WHERE t.plan_id=w.id),"            \
  "(SELECT count(*) FROM workplan_task t WHERE t.plan_id=w.id"              \
  " AND " TASK_IS_DONE "),"                                                 \
  "(SELECT count(*) FROM workplan_task t WHERE t.plan_id=w.id"              \
  " AND " TASK_IS_OVERDUE(TODAY) "),o.name"
#define PLAN_FROM " FROM workplan w JOIN org o ON o.id=w.org_id"

static void plan_row(Stmt *st, Arena *a, void *pRow) {
  WorkplanRec *w = pRow;
  memset(w, 0, sizeof *w);
  w->id = col_int(st, 0);
  w->orgId = col_int(st, 1);
  w->year = (int)col_int(st, 2);
  w->zTitle = col_text(a, st, 3);
  w->nTask = (int)col_int(st, 4);
  w->nDone = (int)col_int(st, 5);
  w->nOverdue = (int)col_int(st, 6);
  w->zOrgName = col_text(a, st, 7);
}


int store_workplan_list(Store *s, Arena *a, int64_t orgId, int bSubtree,
                        int year, const char *zToday, WorkplanRec **paW,
                        int *pn) {
  Stmt *st = stmt(s,
      "SELECT " PLAN_COLS("?4") PLAN_FROM " WHERE w.org_id IN " SCOPE
      " AND (?3=0 OR w.year=?3) ORDER BY w.year DESC, w.id");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, orgId);
  bind_int(st, 2, bSubtree);
  bind_int(st, 3, year);
  bind_text(st, 4, zToday);
  return stmt_rows(s, st, a, sizeof **paW, plan_row, paW, pn, "读取工作要点");
}

int store_workplan_get(Store *s, Arena *a, int64_t id, const char *zToday,
                       WorkplanRec *w) {
  Stmt *st = stmt(s, "SELECT " PLAN_COLS("?2") PLAN_FROM " WHERE w.id=?1");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, id);
  bind_text(st, 2, zToday);
  int rc = stmt_row(s, st, a, sizeof *w, plan_row, w, "读取工作要点");
  return rc == STORE_NOTFOUND ? store_fail(s, rc, "工作要点不存在") : rc;
}

int store_workplan_update(Store *s, int64_t id, int year, const char *zTitle) {
  Stmt *st = stmt(s, "UPDATE workplan SET year=?2, title=?3 WHERE id=?1");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, id);
  bind_int(st, 2, year);
  bind_text(st, 3, zTitle);
  int rc = update_one(s, st, "更正工作要点");
  if (rc == STORE_CONFLICT)
    return store_fail(s, STORE_CONFLICT, "该单位%d年已有同名工作要点“%s”", year, zTitle);
  return rc;
}

/* Runs DELETE st with plan id bound to ?1 (NULL st: the error). */
static int plan_delete_step(Store *s, Stmt *st, int64_t id) {
  if (!st) return STORE_ERROR;
  bind_int(st, 1, id);
  return stmt_exec(s, st, "删除工作要点");
}

int store_workplan_delete(Store *s, int64_t id) {
  if (store_begin(s) != STORE_OK) return STORE_ERROR;
  Stmt *st = stmt(s, "SELECT count(*) FROM workplan_progress p JOIN workplan_task t"
                     " ON t.id=p.task_id WHERE t.plan_id=?1");
  int rc = STORE_ERROR;
  if (st) {
    bind_int(st, 1, id);
    int n = stmt_step(st) == STMT_ROW ? (int)col_int(st, 0) : -1;
    stmt_done(st);
    rc = n < 0   ? store_db_err(s, "读取任务进展")
       : n > 0   ? store_fail(s, STORE_CONFLICT, "该工作要点已有 %d 条任务进展，不能删除；"
                                                 "年度、名称和各项任务可以更正", n)
                 : STORE_OK;
  }
  if (rc == STORE_OK)
    rc = plan_delete_step(s, stmt(s, "DELETE FROM workplan_task WHERE plan_id=?1"), id);
  if (rc == STORE_OK) {
    st = stmt(s, "DELETE FROM workplan WHERE id=?1");
    if (!st) rc = STORE_ERROR;
    else {
      bind_int(st, 1, id);
      rc = update_one(s, st, "删除工作要点");
    }
  }
  if (rc != STORE_OK) {
    store_rollback(s);
    return rc;
  }
  return store_commit(s);
}

#define TASK_COLS                                                          \
  "t.id,t.plan_id,t.seq,t.number,t.heading,t.text,t.depts_raw,"            \
  "t.lead_depts,t.co_depts,coalesce(t.due_on,''),coalesce(t.done_on,''),"  \
  "(SELECT count(*) FROM workplan_progress p WHERE p.task_id=t.id),"       \
  "coalesce((SELECT note FROM workplan_progress p WHERE p.task_id=t.id"    \
  " ORDER BY p.reported_on DESC, p.id DESC LIMIT 1),'')"

static void task_row(Stmt *st, Arena *a, void *pRow) {
  TaskRec *t = pRow;
  memset(t, 0, sizeof *t);
  t->id = col_int(st, 0);
  t->planId = col_int(st, 1);
  t->seq = (int)col_int(st, 2);
  t->zNumber = col_text(a, st, 3);
  t->zHeading = col_text(a, st, 4);
  t->zText = col_text(a, st, 5);
  t->zDeptsRaw = col_text(a, st, 6);
  t->zLead = col_text(a, st, 7);
  t->zCo = col_text(a, st, 8);
  t->zDueOn = col_text(a, st, 9);
  t->zDoneOn = col_text(a, st, 10);
  t->nProgress = (int)col_int(st, 11);
  t->zLastNote = col_text(a, st, 12);
  t->zPlanTitle = "";
  t->zOrgName = "";
}


int store_workplan_tasks(Store *s, Arena *a, int64_t planId, TaskRec **paT,
                         int *pn) {
  Stmt *st = stmt(s,
      "SELECT " TASK_COLS " FROM workplan_task t WHERE t.plan_id=?1"
      " ORDER BY t.seq");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, planId);
  return stmt_rows(s, st, a, sizeof **paT, task_row, paT, pn, "读取工作任务");
}

static void task_list_row(Stmt *st, Arena *a, void *pRow) {
  TaskRec *r = pRow;
  task_row(st, a, r);
  r->zPlanTitle = col_text(a, st, 13);
  r->zOrgName = col_text(a, st, 14);
}

int store_task_list(Store *s, Arena *a, int64_t orgId, int bSubtree,
                    int year, const char *zToday, TaskFilter eFilter,
                    TaskRec **paT, int *pn) {
  Stmt *st = stmt(s,
      "SELECT " TASK_COLS ",w.title,o.name FROM workplan_task t"
      " JOIN workplan w ON w.id=t.plan_id JOIN org o ON o.id=w.org_id"
      " WHERE w.org_id IN " SCOPE " AND (?3=0 OR w.year=?3)"
      " AND (?4=0 OR (?4=1 AND " TASK_IS_DONE ") OR (?4=2 AND " TASK_IS_OVERDUE("?5") "))"
      " ORDER BY w.year DESC, w.id, t.seq");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, orgId);
  bind_int(st, 2, bSubtree);
  bind_int(st, 3, year);
  bind_int(st, 4, eFilter == TASK_DONE ? 1 : eFilter == TASK_OVERDUE ? 2 : 0);
  bind_text(st, 5, zToday);
  return stmt_rows(s, st, a, sizeof **paT, task_list_row, paT, pn, "读取工作任务");
}

int store_task_get(Store *s, Arena *a, int64_t id, TaskRec *t,
                   int64_t *pOrgId) {
  Stmt *st = stmt(s,
      "SELECT " TASK_COLS ",w.org_id FROM workplan_task t"
      " JOIN workplan w ON w.id=t.plan_id WHERE t.id=?1");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, id);
  int rc = stmt_step(st), out = STORE_OK;
  if (rc == STMT_ROW) {
    task_row(st, a, t);
    if (pOrgId) *pOrgId = col_int(st, 13);
  } else if (rc == STMT_DONE) {
    out = store_fail(s, STORE_NOTFOUND, "工作任务不存在");
  } else {
    out = store_db_err(s, "读取工作任务");
  }
  stmt_done(st);
  return out;
}

int store_task_update(Store *s, int64_t taskId, const char *zLead,
                      const char *zCo, const char *zDueOn, const char *zDoneOn) {
  Stmt *st = stmt(s,
      "UPDATE workplan_task SET lead_depts=?2, co_depts=?3, due_on=?4, done_on=?5"
      " WHERE id=?1");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, taskId);
  bind_text(st, 2, nz(zLead));
  bind_text(st, 3, nz(zCo));
  bind_opt(st, 4, zDueOn);
  bind_opt(st, 5, zDoneOn);
  return update_one(s, st, "更正工作任务");
}

int store_task_progress_add(Store *s, int64_t taskId, const char *zOn,
                            const char *zNote, const char *zEvidence,
                            int64_t userId, int bDone) {
  if (store_begin(s) != STORE_OK) return STORE_ERROR;
  Stmt *st = stmt(s,
      "INSERT INTO workplan_progress(task_id,reported_on,note,evidence,user_id)"
      " VALUES(?1,?2,?3,?4,?5) RETURNING id");
  int rc = STORE_ERROR;
  if (st) {
    bind_int(st, 1, taskId);
    bind_text(st, 2, zOn);
    bind_text(st, 3, zNote);
    bind_text(st, 4, nz(zEvidence));
    bind_id(st, 5, userId);
    rc = insert(s, st, "保存进展", NULL);
  }
  if (rc == STORE_OK && bDone) {
    st = stmt(s, "UPDATE workplan_task SET done_on=coalesce(done_on,?2) WHERE id=?1");
    if (!st) rc = STORE_ERROR;
    else {
      bind_int(st, 1, taskId);
      bind_text(st, 2, zOn);
      rc = update_one(s, st, "标记任务完成");
    }
  }
  if (rc != STORE_OK) {
    store_rollback(s);
    return rc;
  }
  return store_commit(s);
}

static void task_progress_row(Stmt *st, Arena *a, void *pRow) {
  ProgressRec *r = pRow;
  r->id = col_int(st, 0);
  r->taskId = col_int(st, 1);
  r->zReportedOn = col_text(a, st, 2);
  r->zNote = col_text(a, st, 3);
  r->zEvidence = col_text(a, st, 4);
  r->zUserName = col_text(a, st, 5);
}

int store_task_progress(Store *s, Arena *a, int64_t taskId,
                        ProgressRec **paP, int *pn) {
  Stmt *st = stmt(s,
      "SELECT p.id,p.task_id,p.reported_on,p.note,p.evidence,coalesce(u.name,'')"
      " FROM workplan_progress p LEFT JOIN \"user\" u ON u.id=p.user_id"
      " WHERE p.task_id=?1 ORDER BY p.reported_on, p.id");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, taskId);
  return stmt_rows(s, st, a, sizeof **paP, task_progress_row, paP, pn, "读取进展");
}

/* ---- Inspections ---------------------------------------------------------- */

#define INSP_COLS                                                         \
  "i.id,i.org_id,i.by_org_id,coalesce(i.user_id,0),i.inspected_on,"       \
  "i.subject,i.findings,i.follow_up,coalesce(i.follow_up_due,''),"        \
  "coalesce(i.closed_on,''),o.name,coalesce(u.name,'')"
#define INSP_FROM                                                          \
  " FROM inspection i JOIN org o ON o.id=i.org_id"                         \
  " LEFT JOIN \"user\" u ON u.id=i.user_id"

static void insp_row(Stmt *st, Arena *a, void *pRow) {
  Inspection *p = pRow;
  memset(p, 0, sizeof *p);
  p->id = col_int(st, 0);
  p->orgId = col_int(st, 1);
  p->byOrgId = col_int(st, 2);
  p->userId = col_int(st, 3);
  p->zInspectedOn = col_text(a, st, 4);
  p->zSubject = col_text(a, st, 5);
  p->zFindings = col_text(a, st, 6);
  p->zFollowUp = col_text(a, st, 7);
  p->zFollowUpDue = col_text(a, st, 8);
  p->zClosedOn = col_text(a, st, 9);
  p->zOrgName = col_text(a, st, 10);
  p->zUserName = col_text(a, st, 11);
}


/* Binds ?1..?6, the fields a record and its correction share: org_id,
** inspected_on, subject, findings, follow_up, follow_up_due. */
static void inspection_bind(Stmt *st, const Inspection *p) {
  bind_int(st, 1, p->orgId);
  bind_text(st, 2, p->zInspectedOn);
  bind_text(st, 3, p->zSubject);
  bind_text(st, 4, p->zFindings);
  bind_text(st, 5, nz(p->zFollowUp));
  bind_opt(st, 6, p->zFollowUpDue);
}

int store_inspection_add(Store *s, Inspection *p) {
  Stmt *st = stmt(s,
      "INSERT INTO inspection(org_id,inspected_on,subject,findings,follow_up,"
      "follow_up_due,by_org_id,user_id) VALUES(?1,?2,?3,?4,?5,?6,?7,?8) RETURNING id");
  if (!st) return STORE_ERROR;
  inspection_bind(st, p);
  bind_int(st, 7, p->byOrgId);
  bind_id(st, 8, p->userId);
  return insert(s, st, "保存督查记录", &p->id);
}

int store_inspection_list(Store *s, Arena *a, int64_t orgId, int bSubtree,
                          int year, int bOpen, Inspection **paI, int *pn) {
  /* 整改中: a follow-up was required and is not closed yet. */
  Stmt *st = stmt(s,
      "SELECT " INSP_COLS INSP_FROM " WHERE i.org_id IN " SCOPE
      " AND (?3=0 OR CAST(substr(i.inspected_on,1,4) AS INTEGER)=?3)"
      " AND (?4=0 OR (i.follow_up<>'' AND i.closed_on IS NULL))"
      " ORDER BY i.inspected_on DESC, i.id DESC");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, orgId);
  bind_int(st, 2, bSubtree);
  bind_int(st, 3, year);
  bind_int(st, 4, bOpen);
  return stmt_rows(s, st, a, sizeof **paI, insp_row, paI, pn, "读取督查记录");
}

int store_inspection_get(Store *s, Arena *a, int64_t id, Inspection *p) {
  Stmt *st = stmt(s, "SELECT " INSP_COLS INSP_FROM " WHERE i.id=?1");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, id);
  int rc = stmt_row(s, st, a, sizeof *p, insp_row, p, "读取督查记录");
  return rc == STORE_NOTFOUND ? store_fail(s, rc, "督查记录不存在") : rc;
}

int store_inspection_update(Store *s, const Inspection *p) {
  Stmt *st = stmt(s,
      "UPDATE inspection SET org_id=?1, inspected_on=?2, subject=?3, findings=?4,"
      " follow_up=?5, follow_up_due=?6, closed_on=?7 WHERE id=?8");
  if (!st) return STORE_ERROR;
  inspection_bind(st, p);
  /* Without a follow-up there is nothing to close. */
  bind_opt(st, 7, p->zFollowUp && p->zFollowUp[0] ? p->zClosedOn : NULL);
  bind_int(st, 8, p->id);
  int rc = update_one(s, st, "更正督查记录");
  if (rc != STORE_OK && db_err(s) == DB_ERR_FOREIGN_KEY)
    return store_fail(s, STORE_INVALID, "更正督查记录失败：被督查单位不存在");
  return rc;
}

int store_inspection_close(Store *s, int64_t id, const char *zOn) {
  Stmt *st = stmt(s,
      "UPDATE inspection SET closed_on=?2 WHERE id=?1 AND closed_on IS NULL");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, id);
  bind_text(st, 2, zOn);
  return update_one(s, st, "办结督查整改");
}

/* ---- Catalogue freshness and publication figures ------------------------ */

#define FRESH_COLS                                                          \
  "c.id,c.org_id,o.name,c.level1,c.level2,c.content,c.dept,c.frequency,"    \
  "coalesce((SELECT max(d.published_date) FROM doc d WHERE"                  \
  " d.catalogue_item_id=c.id AND d.state='published'),''),"                 \
  "coalesce((SELECT max(n.period_start) FROM catalogue_nil n"               \
  " WHERE n.item_id=c.id),'')"
#define FRESH_FROM " FROM catalogue_item c JOIN org o ON o.id=c.org_id"

static void fresh_row(Stmt *st, Arena *a, void *pRow) {
  FreshRow *p = pRow;
  memset(p, 0, sizeof *p);
  p->itemId = col_int(st, 0);
  p->orgId = col_int(st, 1);
  p->zOrgName = col_text(a, st, 2);
  p->zLevel1 = col_text(a, st, 3);
  p->zLevel2 = col_text(a, st, 4);
  p->zContent = col_text(a, st, 5);
  p->zDept = col_text(a, st, 6);
  p->zFrequency = col_text(a, st, 7);
  p->zLatestDoc = col_text(a, st, 8);
  p->zLatestNil = col_text(a, st, 9);
}


int store_fresh_list(Store *s, Arena *a, int64_t orgId, int bSubtree,
                     FreshRow **paF, int *pn) {
  Stmt *st = stmt(s,
      "SELECT " FRESH_COLS FRESH_FROM " WHERE c.org_id IN " SCOPE
      " AND c.list_kind='proactive' AND c.frequency<>''"
      " ORDER BY c.org_id, c.seq, c.id");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, orgId);
  bind_int(st, 2, bSubtree);
  return stmt_rows(s, st, a, sizeof **paF, fresh_row, paF, pn, "读取公开目录");
}

int store_fresh_get(Store *s, Arena *a, int64_t itemId, FreshRow *pF) {
  Stmt *st = stmt(s, "SELECT " FRESH_COLS FRESH_FROM " WHERE c.id=?1");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, itemId);
  int rc = stmt_row(s, st, a, sizeof *pF, fresh_row, pF, "读取目录事项");
  return rc == STORE_NOTFOUND ? store_fail(s, rc, "目录事项不存在") : rc;
}

int store_fresh_nil_add(Store *s, int64_t itemId, const char *zStart,
                        const char *zEnd, const char *zNote, const char *zOn,
                        int64_t userId) {
  Stmt *st = stmt(s,
      "INSERT INTO catalogue_nil(item_id,period_start,period_end,note,"
      "stated_on,user_id) VALUES(?1,?2,?3,?4,?5,?6) RETURNING id");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, itemId);
  bind_text(st, 2, zStart);
  bind_text(st, 3, zEnd);
  bind_text(st, 4, nz(zNote));
  bind_text(st, 5, zOn);
  bind_id(st, 6, userId);
  int rc = insert(s, st, "保存本期无新增说明", NULL);
  if (rc == STORE_CONFLICT)
    return store_fail(s, STORE_CONFLICT, "该期已登记过“本期无新增”");
  return rc;
}

int store_reg_pub_month(Store *s, int64_t orgId, int bSubtree, int year,
                        int a[12]) {
  Stmt *st = stmt(s,
      "SELECT CAST(substr(d.published_date,6,2) AS INTEGER),count(*) FROM doc d"
      " WHERE d.org_id IN " SCOPE " AND d.state='published'"
      " AND substr(d.published_date,1,4)=CAST(?3 AS TEXT) GROUP BY 1");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, orgId);
  bind_int(st, 2, bSubtree);
  bind_int(st, 3, year);
  memset(a, 0, 12 * sizeof a[0]);
  int rc;
  while ((rc = stmt_step(st)) == STMT_ROW) {
    int m = (int)col_int(st, 0);
    if (m >= 1 && m <= 12) a[m - 1] = (int)col_int(st, 1);
  }
  stmt_done(st);
  return rc == STMT_DONE ? STORE_OK : store_db_err(s, "统计发布数量");
}

static void reg_pub_group_row(Stmt *st, Arena *a, void *pRow) {
  PubCount *r = pRow;
  r->zKey = col_text(a, st, 0);
  r->n = (int)col_int(st, 1);
}

int store_reg_pub_group(Store *s, Arena *a, int64_t orgId, int bSubtree,
                        int year, int bChannel, PubCount **paP, int *pn) {
  Stmt *st = bChannel
      ? stmt(s,
          "SELECT '政府网站',count(*) FROM doc d WHERE d.org_id IN " SCOPE
          " AND d.state='published' AND substr(d.published_date,1,4)=CAST(?3 AS TEXT)"
          " UNION ALL"
          " SELECT k.channel,count(DISTINCT k.doc_id) FROM doc_channel k"
          " JOIN doc d ON d.id=k.doc_id WHERE d.org_id IN " SCOPE
          " AND d.state='published' AND substr(d.published_date,1,4)=CAST(?3 AS TEXT)"
          " AND k.channel<>'政府网站' GROUP BY k.channel")
      : stmt(s,
          "SELECT coalesce(nullif(c.level1,''),'未归类'),count(*) FROM doc d"
          " LEFT JOIN catalogue_item c ON c.id=d.catalogue_item_id"
          " WHERE d.org_id IN " SCOPE " AND d.state='published'"
          " AND substr(d.published_date,1,4)=CAST(?3 AS TEXT)"
          " GROUP BY 1 ORDER BY 2 DESC, 1");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, orgId);
  bind_int(st, 2, bSubtree);
  bind_int(st, 3, year);
  return stmt_rows(s, st, a, sizeof **paP, reg_pub_group_row, paP, pn, "统计发布数量");
}

int store_reg_app_stats(Store *s, int64_t orgId, int bSubtree, int year,
                        const char *zToday, const char *zSoon, AppStats *p) {
  memset(p, 0, sizeof *p);
  int bHave = db_has_table(s, "application");
  if (bHave < 0) return bHave;
  if (!bHave) return store_fail(s, STORE_NOTFOUND, "依申请公开模块尚未安装");
  Stmt *st = stmt(s,
      "SELECT"
      " " SQL_COUNT_IF(APP_WHERE_OPEN("")) ","
      " " SQL_COUNT_IF(APP_WHERE_DUE_SOON("", "?4", "?5")) ","
      " " SQL_COUNT_IF(APP_WHERE_OVERDUE("", "?4")) ","
      " " SQL_COUNT_IF(APP_WHERE_CLOSED("", "?3")) ","
      " " SQL_COUNT_IF(APP_WHERE_ON_TIME("", "?3"))
      " FROM application WHERE org_id IN " SCOPE);
  if (!st) return STORE_ERROR;
  bind_int(st, 1, orgId);
  bind_int(st, 2, bSubtree);
  bind_int(st, 3, year);
  bind_text(st, 4, zToday);
  bind_text(st, 5, zSoon);
  int rc = stmt_step(st);
  if (rc == STMT_ROW) {
    p->nOpen = (int)col_int(st, 0);
    p->nDueSoon = (int)col_int(st, 1);
    p->nOverdue = (int)col_int(st, 2);
    p->nClosed = (int)col_int(st, 3);
    p->nOnTime = (int)col_int(st, 4);
  }
  stmt_done(st);
  return rc == STMT_ROW ? STORE_OK : store_db_err(s, "统计依申请公开");
}
