"""test_register_fixes.py — a clerk corrects what was mistyped in the
registers (an inspection, a message, a whole work plan) and meets a
refused form whose error is tied to its field (summary at the top linking
to the field, the message beside it, aria-invalid, aria-describedby,
autofocus; what was typed kept).

Expectations are worked out from the pages' wording and the rules in
docs/registers.md, not copied from output."""
import datetime
import re

from harness import contains, eq, not_contains, ok
from lookup import message_id, org_id


def today():
    return (datetime.datetime.now(datetime.timezone.utc)
            + datetime.timedelta(hours=8)).date()


def marked(text, field_id, msg):
    """The page marks field field_id as refused with msg: the summary links
    to it, its message sits beside it and the control points at it."""
    contains(text, '<a href="#%s">%s</a>' % (field_id, msg))
    contains(text, '<span class="field-error" id="e-%s">%s</span>' % (field_id, msg))
    m = re.search(r'<(input|textarea|select)[^>]*\bid="%s"[^>]*>' % re.escape(field_id), text)
    ok(m, "no control %s" % field_id)
    tag = m.group(0)
    contains(tag, 'aria-invalid="true"')
    contains(tag, 'aria-describedby="e-%s"' % field_id)
    contains(tag, "autofocus")
    eq(text.count("autofocus"), 1)


def test_public_message_error_is_tied_to_its_field(srv):
    c = srv.client()
    form = {"box": "message", "subject": "医保报销", "body": "请问异地就医怎么报销？",
            "name": "", "contact": "12345"}
    r = c.post("/o/znwsj/messages", form, csrf_from="/o/znwsj/messages")
    eq(r.status, 422)
    marked(r.text, "f-contact", "联系方式应为电话号码或电子邮箱")
    contains(r.text, "请问异地就医怎么报销？")   # the text typed is kept
    r = c.post("/o/znwsj/messages", dict(form, contact="", body="　"),
               csrf_from="/o/znwsj/messages")
    eq(r.status, 422)
    marked(r.text, "f-body", "留言内容不能为空")


def test_message_corrected_and_reply_error_marked(srv):
    c = srv.client()
    eq(c.post("/o/znwsj/messages",
              {"box": "mailbox", "subject": "张三反映卫生院收费问题", "body": "我叫张三，身份证号……",
               "name": "张三", "contact": "13900001111"},
              csrf_from="/o/znwsj/messages").status, 303)
    s = srv.client()
    s.login("office")
    mid = message_id(s, org_id(srv, "znwsj"), "张三反映卫生院收费问题")
    page = "/staff/messages/%d" % mid
    r = s.get(page)
    contains(r.text, "更正留言信息")
    # A reply with no text: the reply field is marked, nothing stored.
    r = s.post(page, {"action": "reply", "reply": "", "replied_on": today().isoformat(),
                      "dept_id": "0"}, csrf_from=page)
    eq(r.status, 422)
    marked(r.text, "f-reply", "答复内容不能为空")
    # A reply dated before the message: the date field keeps the text typed.
    r = s.post(page, {"action": "reply", "reply": "已转卫生院核实。", "replied_on": "2001-01-01",
                      "dept_id": "0"}, csrf_from=page)
    eq(r.status, 422)
    marked(r.text, "f-replied_on", "答复日期不能早于收到日期")
    contains(r.text, ">已转卫生院核实。</textarea>")
    # The correction: personal details taken out before publication, the
    # box and the date it really arrived (a letter of two days ago).
    got = (today() - datetime.timedelta(days=2)).isoformat()
    fix = {"action": "edit", "box": "message", "subject": "反映卫生院收费问题",
           "body": "反映某卫生院收费问题。", "name": "张三", "contact": "13900001111",
           "received_on": got}
    tomorrow = (today() + datetime.timedelta(days=1)).isoformat()
    r = s.post(page, dict(fix, received_on=tomorrow), csrf_from=page)
    eq(r.status, 422)
    marked(r.text, "f-received_on", "收到日期不能晚于今天")
    contains(r.text, 'value="反映卫生院收费问题"')   # typed, shown again
    r = s.post(page, dict(fix, contact="abc"), csrf_from=page)
    eq(r.status, 422)
    # The correction form's contact, not the public form's.
    marked(r.text, "f-contact", "联系方式应为电话号码或电子邮箱")
    eq(srv.sql("SELECT subject, box, received_on FROM message WHERE id=?", (mid,))[0][0],
       "张三反映卫生院收费问题")
    r = s.post(page, fix, csrf_from=page)
    eq(r.status, 303)
    eq(r.headers["location"], page)
    eq(srv.sql("SELECT subject, body, box, received_on FROM message WHERE id=?", (mid,))[0],
       ("反映卫生院收费问题", "反映某卫生院收费问题。", "message", got))
    contains(s.get(page).text, "的登记信息已更正")
    # Replied today; a received date after the reply is then refused.
    eq(s.post(page, {"action": "reply", "reply": "已核实。", "replied_on": got,
                     "dept_id": "0"}, csrf_from=page).status, 303)
    r = s.post(page, dict(fix, received_on=today().isoformat()), csrf_from=page)
    eq(r.status, 422)
    contains(r.text, "收到日期不能晚于答复日期")
    # Only an editor: the inspector reads but may not correct.
    i = srv.client()
    i.login("inspector")
    not_contains(i.get(page).text, "更正留言信息")


def test_inspection_corrected(srv):
    hospital = org_id(srv, "zn-hospital")
    c = srv.client()
    c.login("inspector")
    r = c.post("/staff/inspections", {"target": str(hospital), "inspected_on": "2026-03-02",
                                      "subject": "信息公开专项督察", "findings": "目录未更新",
                                      "follow_up": "十日内更新", "follow_up_due": "2026-03-12"},
               csrf_from="/staff/inspections")
    eq(r.status, 303)
    page = r.headers["location"]
    iid = int(page.rsplit("/", 1)[1])
    r = c.get(page)
    contains(r.text, "更正督查记录")
    fix = {"action": "edit", "target": str(hospital), "inspected_on": "2026-03-03",
           "subject": "信息公开专项督查", "findings": "目录三项未按时更新",
           "follow_up": "十日内更新", "follow_up_due": "2026-03-13", "closed_on": ""}
    # 整改期限 before the (corrected) inspection date: refused, field kept.
    r = c.post(page, dict(fix, follow_up_due="2026-03-01"), csrf_from=page)
    eq(r.status, 422)
    marked(r.text, "f-follow_up_due", "整改期限不能早于督查日期")
    contains(r.text, 'value="信息公开专项督查"')
    r = c.post(page, dict(fix, subject=""), csrf_from=page)
    eq(r.status, 422)
    marked(r.text, "f-subject", "督查事项不能为空")
    eq(srv.sql("SELECT subject, inspected_on FROM inspection WHERE id=?", (iid,))[0],
       ("信息公开专项督察", "2026-03-02"))
    r = c.post(page, fix, csrf_from=page)
    eq(r.status, 303)
    eq(srv.sql("SELECT subject, inspected_on, findings, follow_up_due, closed_on"
               " FROM inspection WHERE id=?", (iid,))[0],
       ("信息公开专项督查", "2026-03-03", "目录三项未按时更新", "2026-03-13", None))
    contains(c.get(page).text, "的记录已更正")
    # Closed by mistake, then reopened by the correction (办结 blank).
    eq(c.post(page, {"closed_on": "2026-03-10"}, csrf_from=page).status, 303)
    eq(srv.sql("SELECT closed_on FROM inspection WHERE id=?", (iid,))[0][0], "2026-03-10")
    r = c.post(page, dict(fix, closed_on="2026-03-01"), csrf_from=page)
    eq(r.status, 422)
    eq(c.post(page, fix, csrf_from=page).status, 303)
    eq(srv.sql("SELECT closed_on FROM inspection WHERE id=?", (iid,))[0][0], None)
    # A unit outside the inspector's reach is refused, nothing changed.
    rc, out, err = srv.gongkai("org", "add", "--db", srv.db, "--name", "邻县卫生健康局",
                               "--slug", "fix-other")
    eq(rc, 0, err)
    r = c.post(page, dict(fix, target=str(org_id(srv, "fix-other"))), csrf_from=page)
    eq(r.status, 403)
    eq(srv.sql("SELECT org_id FROM inspection WHERE id=?", (iid,))[0][0], hospital)


def test_workplan_corrected(srv):
    bureau = org_id(srv, "znwsj")
    c = srv.client()
    c.login("office")
    lst = "/staff/workplans?org=%d" % bureau
    text = "2020年政务公开工作要点\n一、加强政策解读。及时解读政策文件。（办公室牵头负责）\n"
    r = c.post("/staff/workplans", {"org": str(bureau), "pyear": "2021", "text": text},
               csrf_from=lst)
    eq(r.status, 303)
    page = r.headers["location"]
    pid = int(page.rsplit("/", 1)[1])
    r = c.get(page)
    contains(r.text, "更正年度和名称")
    # Imported for 2021 by mistake: the text says 2020.
    r = c.post(page, {"action": "edit", "pyear": "20x0", "title": "2020年政务公开工作要点"},
               csrf_from=page)
    eq(r.status, 422)
    marked(r.text, "f-pyear", "请填写有效的年度")
    r = c.post(page, {"action": "edit", "pyear": "2020", "title": "2020年政务公开工作要点"},
               csrf_from=page)
    eq(r.status, 303)
    eq(srv.sql("SELECT year, title FROM workplan WHERE id=?", (pid,))[0],
       (2020, "2020年政务公开工作要点"))
    eq(srv.sql("SELECT count(*) FROM workplan_task WHERE plan_id=?", (pid,))[0][0], 1)
    contains(c.get(page).text, "的年度和名称已更正")
    # Another plan may not take the same year and name.
    r = c.post("/staff/workplans", {"org": str(bureau), "pyear": "2020",
                                    "text": text.replace("2020年", "2020年（修订）")},
               csrf_from=lst)
    eq(r.status, 303)
    other = r.headers["location"]
    r = c.post(other, {"action": "edit", "pyear": "2020", "title": "2020年政务公开工作要点"},
               csrf_from=other)
    eq(r.status, 409)
    contains(r.text, "该单位2020年已有同名工作要点")
    # A reader may not correct.
    h = srv.client()
    h.login("inspector")
    not_contains(h.get(page).text, "更正年度和名称")
    eq(h.post(page, {"action": "edit", "pyear": "2019", "title": "x"}, csrf_from=page).status,
       403)


def test_expired_session_offers_sign_in_back_to_the_form(srv):
    """The session ends (2 hours idle) while a clerk writes a reply: the
    answer says so and offers the sign-in form, which leads back to the
    page the form was on (where staff.js puts the text back: the browser
    test).  Before, the page said only 请先登录 with links to the search
    and the home page."""
    s = srv.client()
    s.login("office")
    mid = message_id(s, org_id(srv, "znwsj"), "反映卫生院收费问题")
    page = "/staff/messages/%d" % mid
    token = s.csrf(page)
    # The session expires on the server (as after two idle hours).
    srv.sql("UPDATE session SET last_seen=last_seen-3*3600, created_at=created_at-3*3600")
    reply = "经核实，该卫生院已退还多收费用，并对相关人员进行了批评教育。"
    r = s.post(page, {"_csrf": token, "action": "reply", "reply": reply,
                      "replied_on": today().isoformat(), "dept_id": "0"},
               headers={"Referer": "http://127.0.0.1:%d%s" % (srv.port, page)})
    eq(r.status, 401)
    contains(r.text, "刚才提交的内容没有保存")
    contains(r.text, "登录已超时")
    contains(r.text, '<form method="post" action="/login"')
    contains(r.text, 'name="next" value="%s"' % page)
    eq(srv.sql("SELECT reply FROM message WHERE id=?", (mid,))[0][0], "已核实。")
    # Signing in from that page leads back to the message.
    r = s.post("/login", {"login": "office", "password": "gongkai-demo-2026", "next": page},
               csrf_from="/login")
    eq(r.status, 303)
    eq(r.headers["location"], page)


def n_listed(text):
    m = re.search(r'共 <span id="n-apps">(\d+)</span> 条', text)
    ok(m, "no count")
    return int(m.group(1))


def test_applications_only_mine(srv):
    """A 承办人 asks for the cases in his own hands, overdue or due soon:
    the register's 只看我承办的 (mine=1) keeps the cases whose handler is
    the user, and the quick views and paging keep it."""
    bureau = org_id(srv, "znwsj")
    uid = srv.sql("SELECT id FROM \"user\" WHERE login='drafter'")[0][0]
    want_open = srv.sql("SELECT reg_no FROM application WHERE org_id=? AND handler_id=?"
                        " AND closed_on IS NULL", (bureau, uid))
    ok(want_open, "the demo gives the drafter open cases")
    d = srv.client()
    d.login("drafter")
    base = "/staff/applications?org=%d&subtree=0" % bureau
    r = d.get(base + "&f=open&mine=1")
    eq(r.status, 200)
    eq(n_listed(r.text), len(want_open))
    for (reg_no,) in want_open:
        contains(r.text, ">%s</a>" % reg_no)
    contains(r.text, "我承办的未办结的申请")
    contains(r.text, 'name="mine" value="1" checked')
    contains(r.text, 'href="?org=%d&amp;subtree=0&amp;mine=1&amp;f=overdue"' % bureau)
    # The office handles none itself: its own list is empty, the unit's not.
    o = srv.client()
    o.login("office")
    eq(n_listed(o.get(base + "&f=open&mine=1").text), 0)
    eq(n_listed(o.get(base + "&f=open").text),
       srv.sql("SELECT count(*) FROM application WHERE org_id=? AND closed_on IS NULL",
               (bureau,))[0][0])
    eq(d.get(base + "&mine=yes").status, 400)


def test_register_lists_offer_their_filters(srv):
    """The views the dashboard links to (超期未答复, 整改中, 逾期任务 …)
    are on the lists themselves: a clerk opening 建议提案 finds the overdue
    ones without going through the dashboard."""
    bureau = org_id(srv, "znwsj")
    c = srv.client()
    c.login("office")
    qs = "?org=%d" % bureau
    for path, links in (
            ("/staff/proposals", (("", "全部"), ("overdue", "超期未答复"),
                                  ("published", "已公开答复全文"))),
            ("/staff/opinion", (("", "全部"), ("missed", "未在时限内回应"))),
            ("/staff/workplans", (("", "全部工作要点"), ("tasks", "全部任务"),
                                  ("overdue", "逾期未完成的任务"), ("done", "已完成的任务")))):
        r = c.get(path + qs)
        eq(r.status, 200, path)
        for value, label in links:
            href = path + qs + ("&amp;filter=" + value if value else "")
            contains(r.text, '<a href="%s"%s>%s</a>'
                     % (href, ' aria-current="true"' if not value else "", label))
        for value, label in links:
            if value:
                r = c.get(path + qs + "&filter=" + value)
                eq(r.status, 200, path + " " + value)
                contains(r.text, '<a href="%s&amp;filter=%s" aria-current="true">%s</a>'
                         % (path + qs, value, label))
    i = srv.client()
    i.login("inspector")
    r = i.get("/staff/inspections" + qs)
    contains(r.text, '<a href="/staff/inspections%s&amp;filter=open">整改中</a>' % qs)
    # The inspection corrected above is open again: listed under 整改中.
    r = i.get("/staff/inspections%s&subtree=1&filter=open" % qs)
    contains(r.text, "信息公开专项督查")


def test_staff_home_names_the_cases_due(srv):
    """The 工作台's overdue list named each case by its 登记号 only; a clerk
    knows a case by its applicant and what was asked.  Also a link to the
    cases in the user's own hands."""
    bureau = org_id(srv, "znwsj")
    c = srv.client()
    c.login("office")
    page = c.get("/staff").text
    over = re.search(r'<ul id="overdue">(.*?)</ul>', page, re.S)
    ok(over, "no overdue list")
    rows = srv.sql("SELECT reg_no, applicant_name, info_title, due_on FROM application"
                   " WHERE org_id=? AND closed_on IS NULL AND due_on<?",
                   (bureau, today().isoformat()))
    ok(rows, "the demo has overdue cases")
    for reg_no, name, title, due in rows:
        contains(over.group(1), ">%s</a> %s · %s，期限 %s</li>" % (reg_no, name, title, due))
    contains(page, '<a href="/staff/applications?f=open&amp;mine=1">我承办的</a>')


def test_proposal_reply_refused_keeps_the_text(srv):
    """A long reply to a proposal, refused for its date, came back with the
    stored reply in the box: the text typed was lost."""
    pid, recv = srv.sql("SELECT id, received_on FROM proposal WHERE received_on IS NOT NULL"
                        " ORDER BY id LIMIT 1")[0]
    c = srv.client()
    c.login("office")
    page = "/staff/proposals/%d" % pid
    reply = "关于您提出的建议，我局高度重视，已会同有关部门研究办理，现答复如下：……"
    day_before = (datetime.date.fromisoformat(recv) - datetime.timedelta(days=1)).isoformat()
    r = c.post(page, {"reply": reply, "replied_on": day_before, "publish": "1"},
               csrf_from=page)
    eq(r.status, 422)
    contains(r.text, ">%s</textarea>" % reply)
    contains(r.text, 'name="replied_on" value="%s"' % day_before)
    marked(r.text, "f-replied_on", "答复日期不能早于交办日期")
    contains(r.text, 'name="publish" value="1" checked')


def test_inspection_correction_error_links_its_own_field(srv):
    """A refused correction of an open inspection's 整改办结 date: the
    summary's link and the marked field are the correction form's (the
    page also has the 整改办结 form with a field of the same name)."""
    hospital = org_id(srv, "zn-hospital")
    c = srv.client()
    c.login("inspector")
    r = c.post("/staff/inspections", {"target": str(hospital), "inspected_on": "2026-04-01",
                                      "subject": "四月督查", "findings": "未公开预算",
                                      "follow_up": "公开预算"}, csrf_from="/staff/inspections")
    eq(r.status, 303)
    page = r.headers["location"]
    ok(c.get(page).text.count('name="closed_on"') == 2, "both forms ask for the date")
    fix = {"action": "edit", "target": str(hospital), "inspected_on": "2026-04-01",
           "subject": "四月督查", "findings": "未公开预算", "follow_up": "公开预算",
           "follow_up_due": "", "closed_on": "2026-03-01"}
    r = c.post(page, fix, csrf_from=page)
    eq(r.status, 422)
    marked(r.text, "f-closed_on", "办结日期不能早于督查日期")
    contains(r.text, 'value="2026-03-01"')


def test_workplan_imported_by_mistake_deleted(srv):
    """The wrong file imported: the plan is deleted (after asking) and can
    be imported again; once a task has a progress report it stays."""
    bureau = org_id(srv, "znwsj")
    c = srv.client()
    c.login("office")
    lst = "/staff/workplans?org=%d" % bureau
    text = "错误的文件\n一、某项工作。具体内容。（办公室牵头负责）\n二、另一项工作。（财务科负责）\n"
    r = c.post("/staff/workplans", {"org": str(bureau), "pyear": "2022", "text": text},
               csrf_from=lst)
    eq(r.status, 303)
    page = r.headers["location"]
    pid = int(page.rsplit("/", 1)[1])
    contains(c.get(page).text, "删除工作要点")
    r = c.post(page, {"action": "delete"}, csrf_from=page)
    eq(r.status, 200)
    contains(r.text, "删除2022年“错误的文件”及其 2 项任务？")
    eq(srv.sql("SELECT count(*) FROM workplan WHERE id=?", (pid,))[0][0], 1)
    r = c.post(page, {"action": "delete", "confirm": "1"}, csrf_from=page)
    eq(r.status, 303)
    eq(r.headers["location"], lst)
    eq(srv.sql("SELECT count(*) FROM workplan WHERE id=?", (pid,))[0][0], 0)
    eq(srv.sql("SELECT count(*) FROM workplan_task WHERE plan_id=?", (pid,))[0][0], 0)
    contains(c.get(lst).text, "已删除")
    # With a progress report: no delete button, and a forced POST is refused.
    r = c.post("/staff/workplans", {"org": str(bureau), "pyear": "2022", "text": text},
               csrf_from=lst)
    page = r.headers["location"]
    pid = int(page.rsplit("/", 1)[1])
    tid = srv.sql("SELECT id FROM workplan_task WHERE plan_id=? ORDER BY seq LIMIT 1", (pid,))[0][0]
    task = "/staff/tasks/%d" % tid
    eq(c.post(task, {"note": "已部署", "reported_on": today().isoformat()},
              csrf_from=task).status, 303)
    not_contains(c.get(page).text, "删除工作要点")
    r = c.post(page, {"action": "delete", "confirm": "1"}, csrf_from=page)
    eq(r.status, 409)
    contains(r.text, "已有 1 条任务进展，不能删除")
    eq(srv.sql("SELECT count(*) FROM workplan_task WHERE plan_id=?", (pid,))[0][0], 2)
