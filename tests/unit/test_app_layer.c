/* test_app_layer.c — the app layer's action runner on a real store (issue
** 13 §4, §6, §7): registration fixes the Art. 31 receipt day and issues the
** receipt as number 1 of the organisation's series; the drafter can neither
** review nor approve; nothing is stored on a refusal; the approval issues
** the answer letter as number 2; another organisation and another year
** start their own series.  Expectations worked out by hand. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../src/app/app_action.h"
#include "../../src/store/store_notice.h"
#include "harness.h"
#include "storefix.h"

/* Parameters as "name=value" strings. */
typedef struct KV {
  const char **az;
} KV;

static const char *kv_get(void *p, const char *zName) {
  KV *kv = p;
  size_t n = strlen(zName);
  for (int i = 0; kv->az[i]; i++)
    if (!strncmp(kv->az[i], zName, n) && kv->az[i][n] == '=')
      return kv->az[i] + n + 1;
  return NULL;
}

typedef struct Who {
  unsigned roles;
  int64_t orgId;
} Who;

static int who_can(void *p, Perm perm, int64_t orgId) {
  Who *w = p;
  return perm_allows(w->roles, w->orgId, perm, orgId, NULL, 0);
}

static Date D(const char *z) {
  Date d = 0;
  date_parse(z, &d);
  return d;
}

/* One call of the app layer as user uid with roles on org. */
static int act(Store *s, Arena *a, int64_t uid, unsigned roles, int64_t org,
               const char *zAction, int64_t appId, const char **azKV,
               AppAct *x) {
  static Who w;
  static AppActor who;
  static AppParams in;
  static KV kv;
  w.roles = roles;
  w.orgId = org;
  who.userId = uid;
  who.zName = "测试";
  who.xCan = who_can;
  who.pCtx = &w;
  kv.az = azKV;
  in.xGet = kv_get;
  in.pCtx = &kv;
  memset(x, 0, sizeof *x);
  x->store = s;
  x->arena = a;
  x->who = &who;
  x->in = &in;
  x->dToday = D("2026-03-10");
  x->zSecretKey =
      "0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f";
  x->orgDefault = org;
  if (!zAction) {
    AppFieldErr aErr[APP_MAX_ERRORS];
    int nErr = 0;
    char zCode[32];
    return app_action_register(x, NULL, NULL, NULL, 0, aErr, &nErr, zCode);
  }
  return app_action_run(x, zAction, appId);
}

static int64_t add_user(Store *s, int64_t org, const char *zLogin,
                        unsigned roles) {
  User u;
  memset(&u, 0, sizeof u);
  u.orgId = org;
  u.zLogin = zLogin;
  u.zName = zLogin;
  u.roles = roles;
  u.zPwHash = "x";
  return store_user_add(s, &u) == STORE_OK ? u.id : 0;
}

TEST(app_layer_duties_and_notice_series) {
  char zPath[] = "/tmp/gk-unit-applayer-XXXXXX";
  Store *s = temp_store(zPath);
  if (!s) return;
  Arena a = ARENA_INIT;
  Org o, o2;
  memset(&o, 0, sizeof o);
  o.zSlug = "t";
  o.zName = "测试县卫生健康局";
  o.zShortName = "测试局";
  CHECK_INT(store_org_add(s, &o), STORE_OK);
  memset(&o2, 0, sizeof o2);
  o2.zSlug = "t2";
  o2.zName = "测试县医疗保障局";
  CHECK_INT(store_org_add(s, &o2), STORE_OK);
  int64_t uOffice = add_user(s, o.id, "o", ROLE_OFFICE);
  int64_t uLeader = add_user(s, o.id, "l", ROLE_APPROVER);
  int64_t uHead = add_user(s, o.id, "h", ROLE_DEPT_HEAD);
  int64_t uOther = add_user(s, o2.id, "x", ROLE_OFFICE);
  CHECK(uOffice && uLeader && uHead && uOther);
  AppAct x;
  const char *azReg[] = {
      "channel=in_person", "event_day=2026-03-02", "applicant_type=natural_person",
      "name=马建国", "id_kind=resident_id", "id_number=64052119850312123X",
      "phone=13995551234", "info_title=某文件", "form=paper", "delivery=pickup",
      NULL};
  CHECK_INT(act(s, &a, uOffice, ROLE_OFFICE, o.id, NULL, 0, azReg, &x), 0);
  int64_t id = x.a.id;
  CHECK_STR(x.a.zReceivedOn, "2026-03-02"); /* in person: that day */
  AppNotice *aN;
  int n;
  CHECK_INT(store_notices(s, &a, id, &aN, &n), STORE_OK);
  CHECK_INT(n, 1);
  CHECK_STR(aN[0].zKind, "receipt");
  CHECK_STR(aN[0].zDocNo, "测试局依申〔2026〕1号");
  /* No default: an empty outcome is refused and nothing changes. */
  const char *azNone[] = {"outcome=", NULL};
  CHECK_INT(act(s, &a, uOffice, ROLE_OFFICE, o.id, "draft", id, azNone, &x),
            422);
  const char *azDraft[] = {"outcome=results.denied.process_info",
                           "decision_text=属于内部讨论记录", NULL};
  CHECK_INT(act(s, &a, uOffice, ROLE_OFFICE, o.id, "draft", id, azDraft, &x),
            0);
  /* The drafter (office: may review and approve) may do neither. */
  const char *azEmpty[] = {NULL};
  CHECK_INT(act(s, &a, uOffice, ROLE_OFFICE, o.id, "dept_review", id, azEmpty,
                &x), 422);
  CHECK_STR(x.zErr, "拟定答复的人员不能审核自己拟定的答复");
  /* Another organisation's office: 403 (scope), a drafter-less role: 403. */
  CHECK_INT(act(s, &a, uOther, ROLE_OFFICE, o2.id, "dept_review", id, azEmpty,
                &x), 403);
  CHECK_INT(act(s, &a, uHead, ROLE_DRAFTER, o.id, "approve", id, azEmpty, &x),
            403);
  CHECK_INT(act(s, &a, uHead, ROLE_DEPT_HEAD, o.id, "dept_review", id, azEmpty,
                &x), 0);
  const char *azAns[] = {"answer_day=2026-03-09", NULL};
  CHECK_INT(act(s, &a, uOffice, ROLE_OFFICE, o.id, "approve", id, azAns, &x),
            422);
  App got;
  CHECK_INT(store_app_get(s, &a, id, &got), STORE_OK);
  CHECK_STR(got.zState, "awaiting_approval"); /* nothing stored */
  CHECK_INT(act(s, &a, uLeader, ROLE_APPROVER, o.id, "approve", id, azAns,
                &x), 0);
  CHECK_INT(store_app_get(s, &a, id, &got), STORE_OK);
  CHECK_STR(got.zState, "answered");
  CHECK_STR(got.zClosedOn, "2026-03-09");
  CHECK_INT(store_notices(s, &a, id, &aN, &n), STORE_OK);
  CHECK_INT(n, 2);
  CHECK_STR(aN[1].zKind, "answer");
  CHECK_STR(aN[1].zDocNo, "测试局依申〔2026〕2号");
  /* The other organisation (no short name) starts its own series; a new
  ** year starts at 1 again. */
  AppNotice nt;
  CHECK_INT(store_begin(s), STORE_OK); /* the 文号 is taken under a lock */
  CHECK_INT(store_notice_issue(s, &a, id, o2.id, "receipt", "2026-03-10", "",
                               "", 0, &nt), STORE_OK);
  CHECK_INT(store_commit(s), STORE_OK);
  CHECK_STR(nt.zDocNo, "测试县医疗保障局依申〔2026〕1号");
  CHECK_INT(store_begin(s), STORE_OK); /* the 文号 is taken under a lock */
  CHECK_INT(store_notice_issue(s, &a, id, o.id, "receipt", "2027-01-05", "",
                               "", 0, &nt), STORE_OK);
  CHECK_INT(store_commit(s), STORE_OK);
  CHECK_STR(nt.zDocNo, "测试局依申〔2027〕1号");
  CHECK_INT(store_org_set_notice_settings(s, o.id, "王公开", "测卫健依申"),
            STORE_OK);
  CHECK_INT(store_begin(s), STORE_OK); /* the 文号 is taken under a lock */
  CHECK_INT(store_notice_issue(s, &a, id, o.id, "receipt", "2027-01-06", "",
                               "", 0, &nt), STORE_OK);
  CHECK_INT(store_commit(s), STORE_OK);
  CHECK_STR(nt.zDocNo, "测卫健依申〔2027〕2号");
  arena_free(&a);
  store_close(s);
  unlink(zPath);
}
