"""test_registers.py — the registers of issue 7 over HTTP: the public
message form (good input stored, bad input refused with nothing stored,
rate limit per address), transfer/reply/publication, the reply limit
setting and overdue flags, the public-opinion clocks, work plan import,
the supervisor's view (the subtree and nothing outside it) with
inspections, and the dashboard (SVG, XLSX).

Tests run in file order on one server; the rate-limit test comes last
among those that post to the public form, since it uses up the address's
allowance."""
import datetime
import json
import re

from harness import contains, eq, not_contains, ok
from lookup import dept_ids, message_id, org_id

ORG_OTHER = "other-root"


def db_count(srv, sql, *args):
    """The first column of the first row of sql, either backend (for the
    rows no page or command lists: what a refused form left behind)."""
    return srv.sql(sql, args)[0][0]


def n_messages(srv):
    return db_count(srv, "SELECT count(*) FROM message")


def setting_stored(srv, name):
    """The stored value of a setting, None while its default applies
    (`gongkai config list` marks those)."""
    rc, out, err = srv.gongkai("config", "list", "--db", srv.db)
    eq(rc, 0, err)
    m = re.search(r"^%s\s+(\S+)\s+(\(default\))?" % re.escape(name), out, re.M)
    ok(m, "no setting %s" % name)
    return None if m.group(2) else m.group(1)


def post_message(c, slug, **fields):
    form = {"box": "message", "subject": "测试标题", "body": "测试内容", "name": "",
            "contact": ""}
    form.update(fields)
    return c.post("/o/%s/messages" % slug, form, csrf_from="/o/znwsj/messages")


def test_staff_home_panel_counts_open_messages(srv):
    c = srv.client()
    c.login("office")
    r = c.get("/staff")
    # Demo: two of the bureau's messages are not answered (15 days and 1 day
    # old); the hospital's one is answered.
    contains(r.text, "未答复留言 2 条")
    contains(r.text, 'href="/staff/messages?org=%d&amp;subtree=1&amp;filter=overdue"'
             % org_id(srv, "znwsj"))
    h = srv.client()
    h.login("hosp-drafter")
    contains(h.get("/staff").text, "未答复留言 0 条")


def test_public_form_stores_a_good_message(srv):
    before = n_messages(srv)
    c = srv.client()
    r = c.get("/o/znwsj/messages")
    eq(r.status, 200)
    contains(r.text, "我要留言")
    # Published answers from the demo: dates and the replying department.
    contains(r.text, "县医院停车难问题")
    contains(r.text, "答复部门：办公室")
    not_contains(r.text, "13900000000")          # contact never public
    not_contains(r.text, "乡镇卫生院夜间值班问题")  # not answered: not public
    r = post_message(c, "znwsj", subject="社区卫生服务站开放时间",
                     body="请问周末社区卫生服务站是否开放？", name="刘女士",
                     contact="liu@example.com")
    eq(r.status, 303)
    eq(r.headers["location"], "/o/znwsj/messages?sent=1")
    eq(n_messages(srv), before + 1)
    eq(db_count(srv, "SELECT count(*) FROM message WHERE subject=? AND contact=?",
                "社区卫生服务站开放时间", "liu@example.com"), 1)
    contains(c.get("/o/znwsj/messages?sent=1").text, "留言已收到")


def test_public_form_refuses_bad_input_and_stores_nothing(srv):
    c = srv.client()
    cases = [
        ({"subject": ""}, "标题不能为空"),
        ({"subject": "　 "}, "标题不能为空"),
        ({"body": ""}, "留言内容不能为空"),
        ({"subject": "长" * 101}, "标题不能超过100个字"),
        ({"body": "长" * 2001}, "留言内容不能超过2000个字"),
        ({"box": "other"}, "请选择留言类型"),
        ({"contact": "not a phone"}, "联系方式应为电话号码或电子邮箱"),
        ({"contact": "123"}, "联系方式应为电话号码或电子邮箱"),
        ({"subject": "换行\n标题"}, "标题"),
        ({"name": "名" * 51}, "姓名不能超过50个字"),
    ]
    before = n_messages(srv)
    for fields, msg in cases:
        r = post_message(c, "znwsj", **fields)
        eq(r.status, 422, repr(fields))
        contains(r.text, msg, repr(fields))
        eq(n_messages(srv), before, "stored after %r" % (fields,))
    # A control character is refused before the form: the one input check
    # of every request (issue 12), 400.
    r = post_message(c, "znwsj", subject="控制\x01字符")
    eq(r.status, 400)
    contains(r.text, "控制字符")
    eq(n_messages(srv), before)
    # The form keeps what was typed (escaped).
    r = post_message(c, "znwsj", subject="", body="<b>原文</b>")
    contains(r.text, "&lt;b&gt;原文&lt;/b&gt;")
    # No CSRF token, or another origin: refused, nothing stored.
    r = c.post("/o/znwsj/messages", {"box": "message", "subject": "a", "body": "b"},
               csrf=False)
    eq(r.status, 403)
    r = c.post("/o/znwsj/messages", {"box": "message", "subject": "a", "body": "b"},
               csrf_from="/o/znwsj/messages", headers={"Origin": "http://evil.example"})
    eq(r.status, 403)
    # Unknown organisation.
    eq(post_message(c, "no-such-org").status, 404)
    eq(n_messages(srv), before)


def test_transfer_reply_publish(srv):
    c = srv.client()
    c.login("office")
    mid = message_id(c, org_id(srv, "znwsj"), "社区卫生服务站开放时间")
    dept = dept_ids(c, mid)["政策法规科"]
    page = "/staff/messages/%d" % mid
    r = c.get(page)
    eq(r.status, 200)
    contains(r.text, "liu@example.com")   # staff see the contact
    eq(c.post(page, {"action": "transfer", "dept_id": str(dept)}, csrf_from=page).status, 303)
    # A department of another organisation is refused.
    hdept = min(dept_ids(c, message_id(c, org_id(srv, "zn-hospital"), "门诊挂号排队时间长"))
                .values())
    ok(hdept not in dept_ids(c, mid).values(), "a department of the hospital only")
    r = c.post(page, {"action": "transfer", "dept_id": str(hdept)}, csrf_from=page)
    eq(r.status, 422)
    contains(r.text, "所选科室不属于该单位")
    # Publishing before a reply is refused.
    r = c.post(page, {"action": "publish"}, csrf_from=page)
    eq(r.status, 422)
    contains(r.text, "留言尚未答复，不能公开")
    today = datetime.datetime.utcnow() + datetime.timedelta(hours=8)
    today = today.strftime("%Y-%m-%d")
    r = c.post(page, {"action": "reply", "reply": "周末上午开放。", "replied_on": "2001-01-01",
                      "dept_id": str(dept)}, csrf_from=page)
    eq(r.status, 422)
    contains(r.text, "答复日期不能早于收到日期")
    r = c.post(page, {"action": "reply", "reply": "周末上午开放。", "replied_on": today,
                      "dept_id": str(dept)}, csrf_from=page)
    eq(r.status, 303)
    eq(c.post(page, {"action": "publish"}, csrf_from=page).status, 303)
    pub = srv.client().get("/o/znwsj/messages").text
    contains(pub, "社区卫生服务站开放时间")
    contains(pub, "周末上午开放。")
    contains(pub, "答复日期：%s" % today)
    contains(pub, "答复部门：政策法规科")
    not_contains(pub, "liu@example.com")
    not_contains(pub, "刘女士")
    # The same in the JSON API, without name or contact.
    j = srv.client().get("/api/v1/messages?org=znwsj").json()
    eq(j["org"]["slug"], "znwsj")
    got = [m for m in j["messages"] if m["subject"] == "社区卫生服务站开放时间"]
    eq(len(got), 1)
    eq(got[0]["answer"], "周末上午开放。")
    eq(got[0]["reply_dept"], "政策法规科")
    eq(got[0]["replied_on"], today)
    not_contains(json.dumps(j, ensure_ascii=False), "liu@example.com")
    eq(srv.client().get("/api/v1/messages").status, 400)
    eq(srv.client().get("/api/v1/messages?org=no-such").status, 404)
    # A drafter of the hospital may not act on the bureau's message.
    h = srv.client()
    h.login("hosp-drafter")
    eq(h.get(page).status, 403)


def test_reply_limit_setting_and_overdue_flags(srv):
    bureau = org_id(srv, "znwsj")
    c = srv.client()
    c.login("sysadmin")
    r = c.get("/staff/messages?org=%d" % bureau)
    contains(r.text, "收到后 5 个工作日")
    for bad in ("0", "61", "abc", ""):
        r = c.post("/staff/messages/settings", {"reply_days": bad},
                   csrf_from="/staff/messages?org=%d" % bureau)
        eq(r.status, 422, bad)
    eq(setting_stored(srv, "message_reply_workdays"), None)
    r = c.post("/staff/messages/settings", {"reply_days": "1"},
               csrf_from="/staff/messages?org=%d" % bureau)
    eq(r.status, 303)
    r = c.get("/staff/messages?org=%d&filter=overdue" % bureau)
    contains(r.text, "收到后 1 个工作日")
    contains(r.text, "乡镇卫生院夜间值班问题")     # 15 days old, not answered
    not_contains(r.text, "建议公开医疗服务价格")   # received yesterday
    not_contains(r.text, "县医院停车难问题")       # answered (late, with 1 day)
    # An office user of the hospital may not change the system setting.
    h = srv.client()
    h.login("hosp-admin")
    r = h.post("/staff/messages/settings", {"reply_days": "9"}, csrf_from="/staff")
    eq(r.status, 403)
    eq(c.post("/staff/messages/settings", {"reply_days": "5"},
              csrf_from="/staff/messages?org=%d" % bureau).status, 303)
    eq(setting_stored(srv, "message_reply_workdays"), "5")


def test_opinion_clocks_due_met_missed(srv):
    bureau = org_id(srv, "znwsj")
    c = srv.client()
    c.login("office")
    now = datetime.datetime.utcnow() + datetime.timedelta(hours=8)
    old = (now - datetime.timedelta(hours=50)).strftime("%Y-%m-%d %H:%M")
    page = "/staff/opinion?org=%d" % bureau
    r = c.post("/staff/opinion", {"org": str(bureau), "title": "五十小时前的舆情",
                                  "level": "other", "found_at": old}, csrf_from=page)
    eq(r.status, 303)
    eid = int(re.search(r"/staff/opinion/(\d+)", r.headers["location"]).group(1))
    r = c.get("/staff/opinion/%d" % eid)
    contains(r.text, "回应社会关切（48小时")
    contains(r.text, "超时")
    # The demo's major event found three hours ago: both clocks pending.
    r = c.get(page)
    contains(r.text, "发布权威信息（5小时")
    contains(r.text, "召开新闻发布会（24小时")
    contains(r.text, "处理中")
    # 2018 events were answered in time.
    r = c.get(page + "&year=2018")
    eq(r.text.count("按时"), 2)
    not_contains(r.text, "超时")
    # Bad input: nothing stored.
    n = db_count(srv, "SELECT count(*) FROM opinion_event")
    for form in ({"title": "", "level": "other", "found_at": old},
                 {"title": "x", "level": "huge", "found_at": old},
                 {"title": "x", "level": "other", "found_at": "yesterday"}):
        form["org"] = str(bureau)
        eq(c.post("/staff/opinion", form, csrf_from=page).status, 422)
    eq(db_count(srv, "SELECT count(*) FROM opinion_event"), n)


def test_opinion_event_corrected(srv):
    """An event filed as 其他政务舆情 that was a major emergency, found an
    hour earlier than entered: the office corrects it on the event's page;
    the clocks follow the corrected level.  The time found may not be
    after the first response (10:00 here)."""
    bureau = org_id(srv, "znwsj")
    c = srv.client()
    c.login("office")
    page = "/staff/opinion?org=%d" % bureau
    r = c.post("/staff/opinion", {"org": str(bureau), "title": "某乡镇卫生院食物中毒事件",
                                  "source": "网络", "level": "other",
                                  "found_at": "2025-06-01T09:00", "summary": ""},
               csrf_from=page)
    eq(r.status, 303)
    view = r.headers["location"]
    eid = int(view.rsplit("/", 1)[1])
    eq(c.post(view, {"kind": "release", "at": "2025-06-01T10:00", "note": "发布通报"},
              csrf_from=view).status, 303)
    r = c.get(view)
    contains(r.text, "更正事件信息")
    contains(r.text, 'value="2025-06-01T09:00:00"')
    fix = {"action": "edit", "title": "某乡镇卫生院食物中毒事件", "source": "网络",
           "level": "major", "found_at": "2025-06-01T08:00", "summary": "12人就医"}
    r = c.post(view, dict(fix, found_at="2025-06-01T11:00"), csrf_from=view)
    eq(r.status, 422)
    contains(r.text, "发现时间不能晚于第一次回应的时间")
    contains(r.text, "12人就医")                       # what was typed, shown again
    eq(srv.sql("SELECT level, found_at FROM opinion_event WHERE id=?", (eid,))[0],
       ("other", 1748739600))                          # 2025-06-01 09:00 Beijing
    r = c.post(view, fix, csrf_from=view)
    eq(r.status, 303)
    eq(r.headers["location"], view)
    eq(srv.sql("SELECT level, found_at, summary FROM opinion_event WHERE id=?", (eid,))[0],
       ("major", 1748736000, "12人就医"))              # 08:00 Beijing = 00:00 UTC
    r = c.get(view)
    contains(r.text, "已更正")
    contains(r.text, "特别重大、重大突发事件")
    eq(srv.sql("SELECT count(*) FROM opinion_response WHERE event_id=?", (eid,))[0][0], 1)


def test_proposal_reply_published_in_full(srv):
    bureau = org_id(srv, "znwsj")
    pub = srv.client().get("/o/znwsj/proposals").text
    eq(pub.count('<article class="qa">'), 4)        # seed 000: 4 proposals, all public
    contains(pub, "2018年政协委员提案 第18号")
    c = srv.client()
    c.login("office")
    page = "/staff/proposals?org=%d" % bureau
    r = c.post("/staff/proposals", {"org": str(bureau), "kind": "npc", "pyear": "2019",
                                    "number": "第3号", "title": "关于增设村卫生室的建议",
                                    "delegate": "赵代表", "lead_dept": "基层卫生与妇幼健康科",
                                    "due_on": "2019-06-30"}, csrf_from=page)
    eq(r.status, 303)
    # The same number again in the same year and kind is refused.
    r = c.post("/staff/proposals", {"org": str(bureau), "kind": "npc", "pyear": "2019",
                                    "number": "第3号", "title": "重复", "lead_dept": "办公室"},
               csrf_from=page)
    eq(r.status, 422)
    contains(r.text, "已有编号为“第3号”")
    m = re.search(r'<a href="/staff/proposals/(\d+)">关于增设村卫生室的建议</a>',
                  c.get(page + "&year=2019").text)
    ok(m, "the new proposal in the staff list")
    pid = int(m.group(1))
    contains(c.get(page + "&year=2019").text, "超期未答复")   # due 2019-06-30
    not_contains(srv.client().get("/o/znwsj/proposals").text, "关于增设村卫生室的建议")
    view = "/staff/proposals/%d" % pid
    r = c.post(view, {"reply": "已将村卫生室建设纳入年度计划。", "replied_on": "2019-06-20",
                      "publish": "1"}, csrf_from=view)
    eq(r.status, 303)
    pub = srv.client().get("/o/znwsj/proposals").text
    contains(pub, "关于增设村卫生室的建议")
    contains(pub, "已将村卫生室建设纳入年度计划。")
    contains(pub, "答复日期：2019-06-20")


def beijing_today():
    return (datetime.datetime.now(datetime.timezone.utc)
            + datetime.timedelta(hours=8)).date()


def test_proposal_due_dates_future_reply_and_correction(srv):
    """An NPC suggestion is answered within three months of 交办, six at
    most (代表法 and the local 办理办法): a blank 办理期限 is three months
    after 交办 (2025-03-10 → 2025-06-10, the corresponding day), one before
    交办 or more than six months after it is refused.  A reply dated after
    today (Beijing) is refused as a message's is.  A mistyped registration
    is corrected on the proposal's page, keeping its reply."""
    bureau = org_id(srv, "znwsj")
    c = srv.client()
    c.login("office")
    page = "/staff/proposals?org=%d" % bureau
    base = {"org": str(bureau), "kind": "npc", "pyear": "2025", "number": "第7号",
            "title": "关于加强农村卫生室建设的建议", "delegate": "王代表",
            "lead_dept": "基层卫生与妇幼健康科", "co_depts": "规划财务科、医政医管科",
            "received_on": "2025-03-10", "due_on": ""}
    n = db_count(srv, "SELECT count(*) FROM proposal")
    for bad, msg in (({"due_on": "2025-03-09"}, "办理期限不能早于交办日期"),
                     ({"due_on": "2025-09-11"}, "不能晚于交办日期后六个月")):
        r = c.post("/staff/proposals", dict(base, **bad), csrf_from=page)
        eq(r.status, 422)
        contains(r.text, msg)
    eq(db_count(srv, "SELECT count(*) FROM proposal"), n)
    r = c.post("/staff/proposals", base, csrf_from=page)
    eq(r.status, 303)
    pid, due = srv.sql("SELECT id, due_on FROM proposal WHERE year=2025 AND number=?",
                       ("第7号",))[0]
    eq(due, "2025-06-10")
    # A CPPCC proposal's period is the local rules' (three or five months):
    # nothing is filled in for it.
    r = c.post("/staff/proposals", dict(base, kind="cppcc", number="第9号"), csrf_from=page)
    eq(r.status, 303)
    eq(srv.sql("SELECT due_on FROM proposal WHERE kind='cppcc' AND year=2025 AND number=?",
               ("第9号",))[0][0], None)
    view = "/staff/proposals/%d" % pid
    tomorrow = (beijing_today() + datetime.timedelta(days=1)).isoformat()
    r = c.post(view, {"reply": "已纳入年度计划。", "replied_on": tomorrow}, csrf_from=view)
    eq(r.status, 422)
    contains(r.text, "答复日期不能晚于今天")
    # The reply typed is shown again with the date to correct, not lost.
    contains(r.text, 'name="reply" required>已纳入年度计划。</textarea>')
    contains(r.text, 'name="replied_on" value="%s"' % tomorrow)
    eq(srv.sql("SELECT replied_on FROM proposal WHERE id=?", (pid,))[0][0], None)
    r = c.post(view, {"reply": "已纳入年度计划。", "replied_on": "2025-05-20"}, csrf_from=view)
    eq(r.status, 303)
    # Correction: the number was 第17号 and the 交办 date 2025-03-12; the
    # due date left blank is computed again from the new 交办 date.
    contains(c.get(view).text, "更正登记信息")
    fix = dict(base, action="edit", number="第17号", received_on="2025-03-12")
    del fix["org"]
    r = c.post(view, dict(fix, due_on="2025-03-01"), csrf_from=view)
    eq(r.status, 422)
    contains(r.text, "办理期限不能早于交办日期")
    contains(r.text, 'value="第17号"')                  # what was typed, shown again
    r = c.post(view, dict(fix, number="第9号", kind="cppcc"), csrf_from=view)
    eq(r.status, 422)
    contains(r.text, "已有编号为“第9号”")
    r = c.post(view, fix, csrf_from=view)
    eq(r.status, 303)
    eq(r.headers["location"], view)
    eq(srv.sql("SELECT number, received_on, due_on, reply, replied_on FROM proposal"
               " WHERE id=?", (pid,))[0],
       ("第17号", "2025-03-12", "2025-06-12", "已纳入年度计划。", "2025-05-20"))
    contains(c.get(view).text, "的登记信息已更正")


def test_activities_with_attachment_and_bad_input(srv):
    bureau = org_id(srv, "znwsj")
    c = srv.client()
    c.login("drafter")
    page = "/staff/activities?org=%d" % bureau
    n = db_count(srv, "SELECT count(*) FROM activity")
    base = {"org": str(bureau), "kind": "press", "held_on": "2026-04-02",
            "title": "一季度新闻发布会", "leader": "yes", "sessions": "1", "people": "0"}
    for bad, msg in (({"leader": ""}, "请选择主要负责人是否出席"),
                     ({"held_on": "2026-02-30"}, "日期有误，请按 2026-12-07 的格式填写"),
                     ({"kind": "party"}, "请选择活动类别"),
                     ({"people": "-3"}, "人次应为非负整数"),
                     ({"title": ""}, "名称不能为空")):
        form = dict(base)
        form.update(bad)
        r = c.post("/staff/activities", form, csrf_from=page)
        eq(r.status, 422, repr(bad))
        contains(r.text, msg)
    eq(db_count(srv, "SELECT count(*) FROM activity"), n)
    r = c.post("/staff/activities", base, files={"file": ("签到表.txt", "签到\n".encode("utf-8"),
                                                          "text/plain")}, csrf_from=page)
    eq(r.status, 303)
    eq(db_count(srv, "SELECT count(*) FROM activity"), n + 1)
    r = c.get(page + "&year=2026")
    contains(r.text, "一季度新闻发布会")
    m = re.search(r'href="(/staff/activity-files/\d+)">签到表.txt<', r.text)
    ok(m, "no attachment link")
    r = c.get(m.group(1))
    eq(r.status, 200)
    eq(r.body, "签到\n".encode("utf-8"))
    contains(r.headers["content-disposition"], "attachment")
    # Another organisation's drafter can neither add nor download.
    h = srv.client()
    h.login("hosp-drafter")
    eq(h.post("/staff/activities", base, csrf_from="/staff").status, 403)
    eq(h.get(m.group(1)).status, 403)


def test_activity_corrected_on_its_page(srv):
    """A training registered with 30 people where 35 attended, as a 会议 by
    mistake: the office corrects it on the activity's page; the list's
    totals (which the dashboard and the report count) follow.  Bad input
    is refused with what was typed shown again."""
    bureau = org_id(srv, "znwsj")
    c = srv.client()
    c.login("office")
    page = "/staff/activities?org=%d" % bureau
    r = c.post("/staff/activities", {"org": str(bureau), "kind": "meeting",
                                     "held_on": "2025-05-20", "title": "政务公开业务培训",
                                     "sessions": "1", "people": "30"},
               files={}, csrf_from=page)
    eq(r.status, 303)
    aid = srv.sql("SELECT id FROM activity WHERE title=? AND held_on=?",
                  ("政务公开业务培训", "2025-05-20"))[0][0]
    lst = c.get(page + "&year=2025&kind=training")
    contains(lst.text, 'id="act-people">0</td>')
    contains(c.get(page + "&year=2025").text, 'href="/staff/activities/%d"' % aid)
    view = "/staff/activities/%d" % aid
    r = c.get(view)
    eq(r.status, 200)
    contains(r.text, "更正活动信息")
    fix = {"kind": "training", "held_on": "2025-05-20", "title": "政务公开业务培训",
           "description": "全县卫生系统信息公开员", "sessions": "2", "people": "35"}
    r = c.post(view, dict(fix, people="-5"), csrf_from=view)
    eq(r.status, 422)
    contains(r.text, "人次应为非负整数")
    contains(r.text, "全县卫生系统信息公开员")           # what was typed, shown again
    r = c.post(view, dict(fix, kind="press"), csrf_from=view)
    eq(r.status, 422)
    contains(r.text, "请选择主要负责人是否出席")
    eq(srv.sql("SELECT kind, sessions, people FROM activity WHERE id=?", (aid,))[0],
       ("meeting", 1, 30))
    r = c.post(view, fix, csrf_from=view)
    eq(r.status, 303)
    eq(r.headers["location"], view)
    contains(c.get(view).text, "已更正")
    eq(srv.sql("SELECT kind, sessions, people, leader_attended FROM activity WHERE id=?",
               (aid,))[0], ("training", 2, 35, None))
    lst = c.get(page + "&year=2025&kind=training")
    contains(lst.text, 'id="act-sessions">2</td>')
    contains(lst.text, 'id="act-people">35</td>')
    # The hospital's staff may not correct the bureau's activity.
    h = srv.client()
    h.login("hosp-drafter")
    eq(h.post(view, fix, csrf_from="/staff").status, 403)


def test_workplan_import_page(srv):
    bureau = org_id(srv, "znwsj")
    c = srv.client()
    c.login("office")
    page = "/staff/workplans?org=%d" % bureau
    text = open("data/workplan_seed002.txt", encoding="utf-8").read()
    r = c.post("/staff/workplans", {"org": str(bureau), "pyear": "2019"},
               files={"file": ("plan.txt", text.encode("utf-8"), "text/plain")},
               csrf_from=page)
    eq(r.status, 303)
    r = c.get(r.headers["location"])
    contains(r.text, "已导入，年度为2019年，共 12 项任务。")
    eq(r.text.count('<td data-label="牵头">办公室</td>'), 7)
    n = db_count(srv, "SELECT count(*) FROM workplan_task")
    r = c.post("/staff/workplans", {"org": str(bureau), "pyear": "2019", "text": "没有任务的文本\n只是一段话。"},
               csrf_from=page)
    eq(r.status, 422)
    contains(r.text, "未找到任务")
    eq(db_count(srv, "SELECT count(*) FROM workplan_task"), n)


def test_task_progress_date_and_correction(srv):
    """A work-plan task: a progress report dated after today (Beijing) is
    refused (it would count the task done in the future); the office
    corrects a task's departments, sets the due date the plan's text did
    not state, and reopens a task marked done by mistake.  Seed 002's task
    1 (2019 plan imported above) has no date in its text."""
    bureau = org_id(srv, "znwsj")
    c = srv.client()
    c.login("office")
    tid, due, done = srv.sql(
        "SELECT t.id, t.due_on, t.done_on FROM workplan_task t JOIN workplan w"
        " ON w.id=t.plan_id WHERE w.org_id=? AND w.year=2019 AND t.number='1'",
        (bureau,))[0]
    eq((due, done), (None, None))
    view = "/staff/tasks/%d" % tid
    n = db_count(srv, "SELECT count(*) FROM workplan_progress")
    tomorrow = (beijing_today() + datetime.timedelta(days=1)).isoformat()
    r = c.post(view, {"note": "已完成", "reported_on": tomorrow, "done": "1"},
               csrf_from=view)
    eq(r.status, 422)
    contains(r.text, "报告日期不能晚于今天")
    contains(r.text, 'name="note" required>已完成</textarea>')   # what was typed
    contains(r.text, 'name="reported_on" value="%s"' % tomorrow)
    eq(db_count(srv, "SELECT count(*) FROM workplan_progress"), n)
    eq(srv.sql("SELECT done_on FROM workplan_task WHERE id=?", (tid,))[0][0], None)
    # Done on 2019-05-10 by mistake (it was another task): reopened below.
    r = c.post(view, {"note": "已完成", "reported_on": "2019-05-10", "done": "1"},
               csrf_from=view)
    eq(r.status, 303)
    eq(srv.sql("SELECT done_on FROM workplan_task WHERE id=?", (tid,))[0][0], "2019-05-10")
    fix = {"action": "edit", "lead": "规划信息科", "co": "医政医改科、办公室",
           "due_on": "2019-06-30", "done_on": ""}
    for bad, msg in (({"done_on": tomorrow}, "完成日期不能晚于今天"),
                     ({"lead": ""}, "牵头部门不能为空"),
                     ({"due_on": "2019-06-31"}, "期限有误")):
        r = c.post(view, dict(fix, **bad), csrf_from=view)
        eq(r.status, 422)
        contains(r.text, msg)
        contains(r.text, 'value="医政医改科、办公室"')   # what was typed, shown again
    eq(srv.sql("SELECT done_on, due_on FROM workplan_task WHERE id=?", (tid,))[0],
       ("2019-05-10", None))
    r = c.post(view, fix, csrf_from=view)
    eq(r.status, 303)
    eq(r.headers["location"], view)
    eq(srv.sql("SELECT lead_depts, co_depts, due_on, done_on FROM workplan_task"
               " WHERE id=?", (tid,))[0],
       ("规划信息科", "医政医改科、办公室", "2019-06-30", None))
    contains(c.get(view).text, "已更正")
    # Open and due 2019-06-30, before today: listed as overdue.
    r = c.get("/staff/workplans?org=%d&year=2019&filter=overdue" % bureau)
    contains(r.text, 'href="/staff/tasks/%d"' % tid)


def test_supervisor_sees_subtree_and_nothing_outside(srv):
    rc, out, err = srv.gongkai("org", "add", "--db", srv.db, "--name", "外县卫生健康局",
                               "--slug", ORG_OTHER)
    eq(rc, 0, err)
    other = org_id(srv, ORG_OTHER)
    hospital = org_id(srv, "zn-hospital")
    eq(post_message(srv.client(), ORG_OTHER, subject="外县的留言").status, 303)
    c = srv.client()
    c.login("inspector")
    r = c.get("/staff/supervise")
    eq(r.status, 200)
    for name in ("中宁县卫生健康局", "中宁县人民医院", "中宁县中医医院",
                 "中宁县卫生监督所", "中宁县疾病预防控制中心"):
        contains(r.text, name)
    not_contains(r.text, "外县卫生健康局")
    # A totals row for the whole subtree, linking to the subtree's records.
    contains(r.text, "合计（含下级单位）")
    contains(r.text, 'href="/staff/messages?org=%d&amp;subtree=1&amp;filter=open"' % org_id(srv, "znwsj"))
    # Figures link to the records, per unit.
    contains(r.text, 'href="/staff/messages?org=%d&amp;filter=overdue"' % hospital)
    r = c.get("/staff/messages?org=%d" % hospital)
    eq(r.status, 200)
    contains(r.text, "门诊挂号排队时间长")
    r = c.get("/staff/messages?org=%d&subtree=1" % org_id(srv, "znwsj"))
    contains(r.text, "门诊挂号排队时间长")
    not_contains(r.text, "外县的留言")
    # Outside the subtree: refused everywhere.
    for path in ("/staff/messages?org=%d" % other, "/staff/supervise?org=%d" % other,
                 "/staff/dashboard?org=%d" % other, "/staff/inspections?org=%d" % other,
                 "/staff/dashboard.xlsx?org=%d" % other):
        eq(c.get(path).status, 403, path)
    # The supervisor reads but does not edit the registers.
    not_contains(c.get("/staff/messages/1").text, "保存答复")
    # Inspections: inside stored, outside refused with nothing stored.
    n = db_count(srv, "SELECT count(*) FROM inspection")
    r = c.post("/staff/inspections", {"target": str(hospital), "inspected_on": "2026-03-02",
                                      "subject": "信息公开专项督查", "findings": "目录未更新",
                                      "follow_up": "十日内更新"}, csrf_from="/staff/inspections")
    eq(r.status, 303)
    eq(db_count(srv, "SELECT count(*) FROM inspection"), n + 1)
    r = c.post("/staff/inspections", {"target": str(other), "inspected_on": "2026-03-02",
                                      "subject": "越权", "findings": "x"},
               csrf_from="/staff/inspections")
    eq(r.status, 403)
    r = c.post("/staff/inspections", {"target": str(hospital), "inspected_on": "",
                                      "subject": "缺日期", "findings": "x"},
               csrf_from="/staff/inspections")
    eq(r.status, 422)
    # Dates: an inspection not held yet, a follow-up due before it.
    tomorrow = (beijing_today() + datetime.timedelta(days=1)).isoformat()
    for bad, msg in (({"inspected_on": tomorrow}, "督查日期不能晚于今天"),
                     ({"follow_up_due": "2026-03-01"}, "整改期限不能早于督查日期")):
        form = {"target": str(hospital), "inspected_on": "2026-03-02", "subject": "日期有误",
                "findings": "x", "follow_up": "整改"}
        form.update(bad)
        r = c.post("/staff/inspections", form, csrf_from="/staff/inspections")
        eq(r.status, 422)
        contains(r.text, msg)
    eq(db_count(srv, "SELECT count(*) FROM inspection"), n + 1)
    # Closing it: not before the inspection of 2026-03-02, not after today.
    iid = srv.sql("SELECT id FROM inspection WHERE subject=? AND inspected_on=?",
                  ("信息公开专项督查", "2026-03-02"))[0][0]
    view = "/staff/inspections/%d" % iid
    for day, msg in (("2026-03-01", "办结日期不能早于督查日期"),
                     (tomorrow, "办结日期不能晚于今天")):
        r = c.post(view, {"closed_on": day}, csrf_from=view)
        eq(r.status, 422)
        contains(r.text, msg)
    eq(srv.sql("SELECT closed_on FROM inspection WHERE id=?", (iid,))[0][0], None)
    eq(c.post(view, {"closed_on": "2026-03-10"}, csrf_from=view).status, 303)
    eq(srv.sql("SELECT closed_on FROM inspection WHERE id=?", (iid,))[0][0], "2026-03-10")
    # A unit's office sees only its own unit; a drafter has no supervisor's view.
    h = srv.client()
    h.login("hosp-admin")
    r = h.get("/staff/supervise")
    eq(r.status, 200)
    contains(r.text, "中宁县人民医院")
    not_contains(r.text, "中宁县卫生健康局</a>")
    eq(h.get("/staff/supervise?org=%d" % org_id(srv, "znwsj")).status, 403)
    d = srv.client()
    d.login("drafter")
    eq(d.get("/staff/supervise").status, 403)


def test_supervisor_view_is_bounded_by_the_fan_out_not_the_tree(srv):
    # A province's tree holds thousands of units: the view lists the unit
    # and its direct children, a child with units below it counted with
    # them (one row, linking to its own view), never every unit below.
    import os
    rc, _, err = srv.gongkai("org", "add", "--db", srv.db, "--name", "中宁县疾控中心检验科",
                             "--slug", "zn-cdc-lab", "--parent", "zn-cdc")
    eq(rc, 0, err)
    path = os.path.join(srv.dir, "lab.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        f.write(json.dumps({"title": "2011年检验科工作总结", "published_date": "2011-06-01",
                            "body": "正文", "index_number": "LAB/2011-00001"},
                           ensure_ascii=False) + "\n")
    rc, _, err = srv.gongkai("docs", "import", "--org", "zn-cdc-lab", "--db", srv.db, path)
    eq(rc, 0, err)
    cdc = org_id(srv, "zn-cdc")
    c = srv.client()
    c.login("inspector")
    r = c.get("/staff/supervise?year=2011")
    eq(r.status, 200)
    not_contains(r.text, "中宁县疾控中心检验科")
    contains(r.text, '<a href="/staff/supervise?org=%d&amp;year=2011">中宁县疾病预防控制中心</a>'
             "（含下级单位）" % cdc)
    # The one document of 2011 in the tree is the lab's: counted on the
    # 疾控中心's row (with its subtree) and in the total.
    contains(r.text, '<a href="/staff/docs?org=%d&amp;subtree=1&amp;year=2011&amp;state=published">1</a>'
             % cdc)
    drill = c.get("/staff/supervise?org=%d&year=2011" % cdc)
    eq(drill.status, 200)
    contains(drill.text, "中宁县疾控中心检验科")


def test_dashboard_svg_links_and_xlsx(srv):
    bureau = org_id(srv, "znwsj")
    c = srv.client()
    c.login("office")
    r = c.get("/staff/dashboard?org=%d&year=2018" % bureau)
    eq(r.status, 200)
    contains(r.text, "<svg")
    not_contains(r.text, "<script>")
    not_contains(r.text, "style=")
    # Seed 000's 2018 figures: 2 opinion events, 4 proposals all published,
    # 1 press briefing, 1 open day, 3 + 2 training sessions, 46 people.
    def figure(label):
        m = re.search(r"<th scope=\"row\">%s</th><td class=\"num[^\"]*\"><a href=\"([^\"]+)\">(\d+)</a>"
                      % re.escape(label), r.text)
        ok(m, "no figure " + label)
        return int(m.group(2)), m.group(1)
    # The applications module is present: its figures are shown.
    contains(r.text, "<caption>依申请公开</caption>")
    contains(r.text, "按时办结率")
    not_contains(r.text, "依申请公开模块尚未安装")
    eq(figure("舆情事件")[0], 2)
    eq(figure("建议提案")[0], 4)
    eq(figure("公开答复全文的建议提案")[0], 4)
    eq(figure("新闻发布会")[0], 1)
    eq(figure("政府开放日")[0], 1)
    eq(figure("培训场次")[0], 5)
    n, href = figure("培训人次")
    eq(n, 46)
    eq(href, "/staff/activities?org=%d&amp;year=2018&amp;kind=training" % bureau)
    # The subtree view: links keep the scope and are escaped once.
    r = c.get("/staff/dashboard?org=%d&subtree=1&year=2018" % bureau)
    contains(r.text, 'href="/staff/activities?org=%d&amp;subtree=1&amp;year=2018&amp;kind=press"' % bureau)
    not_contains(r.text, "&amp;amp;")
    r = c.get("/staff/dashboard.xlsx?org=%d&subtree=1&year=2018" % bureau)
    eq(r.status, 200)
    eq(r.headers["content-type"], "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    ok(r.body[:2] == b"PK", "not a zip file")


def test_catalogue_freshness_and_nil_statement(srv):
    bureau = org_id(srv, "znwsj")
    items = srv.client().get("/api/v1/catalogue?org=znwsj&list=proactive").json()["items"]
    item = [i["id"] for i in items
            if i["frequency"] == "每季度" and "双随机抽查结果" in i["content"]][0]
    ok(item, "demo catalogue has no quarterly item")
    c = srv.client()
    c.login("office")
    page = "/staff/freshness?org=%d" % bureau

    def row(text):
        m = re.search(r"<tr><td[^>]*>[^<]*</td><td[^>]*>[^<]*双随机抽查结果.*?</tr>", text, re.S)
        ok(m, "no row for the quarterly item")
        return m.group(0)
    r = c.get(page)
    eq(r.status, 200)
    contains(row(r.text), "逾期未更新")       # no document ever published
    d = c.get("/staff/dashboard?org=%d" % bureau).text
    before = int(re.search(r"目录事项逾期未更新</th><td class=\"num[^\"]*\"><a href=\"[^\"]+\">(\d+)<", d).group(1))
    ok(before >= 2, "expected the quarterly and yearly items overdue")
    # A drafter may not record the statement; the office may, once.
    dr = srv.client()
    dr.login("drafter")
    eq(dr.post("/staff/freshness", {"org": str(bureau), "item": str(item), "which": "previous"},
               csrf_from=page).status, 403)
    n = db_count(srv, "SELECT count(*) FROM catalogue_nil")
    r = c.post("/staff/freshness", {"org": str(bureau), "item": str(item), "which": "previous",
                                    "note": "上季度无抽查任务"}, csrf_from=page)
    eq(r.status, 303)
    eq(db_count(srv, "SELECT count(*) FROM catalogue_nil"), n + 1)
    text = row(c.get(page).text)
    not_contains(text, "逾期未更新")
    ok("本期待更新" in text or "即将到期" in text, text)
    r = c.post("/staff/freshness", {"org": str(bureau), "item": str(item), "which": "previous"},
               csrf_from=page)
    eq(r.status, 422)
    contains(r.text, "该期已登记过")
    eq(db_count(srv, "SELECT count(*) FROM catalogue_nil"), n + 1)
    d = c.get("/staff/dashboard?org=%d" % bureau).text
    after = int(re.search(r"目录事项逾期未更新</th><td class=\"num[^\"]*\"><a href=\"[^\"]+\">(\d+)<", d).group(1))
    eq(after, before - 1)


def test_public_form_rate_limit_per_address(srv):
    # Earlier tests posted 2 accepted messages from this address (one to
    # znwsj, one to the other root).  The limit is a setting (default 10 an
    # hour); set it to 5.
    rc, out, err = srv.gongkai("config", "set", "message_rate_limit_per_hour", "5",
                               "--db", srv.db)
    eq(rc, 0, err)
    before = n_messages(srv)
    c = srv.client()
    for i in range(3):
        eq(post_message(c, "znwsj", subject="频率测试%d" % i).status, 303)
    r = post_message(c, "znwsj", subject="第六条")
    eq(r.status, 429)
    contains(r.text, "每小时最多提交5条留言")
    eq(n_messages(srv), before + 3)
