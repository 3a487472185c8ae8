"""test_app_clerk.py — a busy clerk's slips on the staff application pages.

Two clicks, two tabs, a page left open while a colleague acted: an answer
already submitted for review or approval cannot be re-drafted from a stale
form (that would silently undo the review); the refusal is in Chinese and
the case stays where the colleague left it.
"""
import re

from harness import contains, eq, not_contains, ok
from test_app_workflow import register


def test_stale_draft_form_cannot_undo_a_review(srv):
    office = srv.client()
    office.login("office")
    head = srv.client()
    head.login("depthead")
    aid = register(office, "任旧页", "64052119800101051")
    at = "/staff/applications/%d" % aid
    draft = {"outcome": "results.denied.process_info", "decision_text": "属于内部讨论记录"}
    eq(office.post(at + "/draft", draft, csrf_from=at).status, 303)
    # The second click of the same button: refused, not recorded twice.
    r = office.post(at + "/draft", draft, csrf_from=at)
    eq(r.status, 409)
    contains(r.text, "答复已提交审核")
    eq(head.post(at + "/dept_review", {"note": "同意"}, csrf_from=at).status, 303)
    # A tab opened before the review, submitted now: refused, review kept.
    r = office.post(at + "/draft", {"outcome": "results.granted", "decision_text": ""},
                    csrf_from=at)
    eq(r.status, 409)
    contains(r.text, "答复已提交审核")
    not_contains(r.text, "awaiting_")
    page = office.get(at).text
    contains(page, '<dd id="state">待领导审批</dd>')
    history = office.get(at + "?tab=history").text
    eq(history.count(">拟定答复</td>"), 1)


def test_a_case_under_review_refuses_events_fees_extension_and_assignment(srv):
    # The case page offers only the decisions while the answer awaits
    # review or approval; a stale tab, a hand-made POST, the API and the
    # CLI reach the same action function, which refuses with 409 and a
    # Chinese reason and records nothing.
    office = srv.client()
    office.login("office")
    chief = srv.client()
    chief.login("officehead")
    aid = register(office, "常在审", "64052119800101071")  # 2026-03-02
    at = "/staff/applications/%d" % aid
    eq(office.post(at + "/draft", {"outcome": "results.denied.process_info",
                                   "decision_text": "属于内部讨论记录"}, csrf_from=at).status, 303)
    n_events = srv.sql("SELECT count(*) FROM application_event WHERE application_id=?", (aid,))[0][0]
    n_log = srv.sql("SELECT count(*) FROM application_log WHERE application_id=?", (aid,))[0][0]
    page = office.get(at).text
    for act in ("assign", "event", "fee", "extend"):
        not_contains(page, 'action="/staff/applications/%d/%s"' % (aid, act))
    posts = [(office, "assign", {"dept_id": "0", "handler_id": "0"}),
             (office, "event", {"kind": "third_party_start", "on_day": "2026-03-03",
                                "text": "宁夏某某公司"}),
             (office, "fee", {"op": "notice", "method": "per_item", "count": "1",
                              "on_day": "2026-03-03"}),
             (chief, "extend", {"on_day": "2026-03-03", "n_days": "10", "text": "需协调",
                                "notified": "1"})]
    for who, act, fields in posts:
        r = who.post(at + "/" + act, fields, csrf_from=at)
        eq(r.status, 409, act)
        contains(r.text, "答复已提交审核或审批，不能再")
        contains(r.text, "请审核人员先退回修改")
        not_contains(r.text, "awaiting_")
    rc, out, err = srv.gongkai("applications", "act", str(aid), "event", "--user", "office",
                               "--db", srv.db, "kind=organ_start", "on_day=2026-03-03",
                               "text=县医疗保障局")
    eq(rc, 1)
    contains(err, "答复已提交审核或审批，不能再记录办理事项")
    eq(srv.sql("SELECT count(*) FROM application_event WHERE application_id=?", (aid,))[0][0],
       n_events)
    eq(srv.sql("SELECT count(*) FROM application_log WHERE application_id=?", (aid,))[0][0],
       n_log)
    # Returned to the drafter, the case takes events again.
    head = srv.client()
    head.login("depthead")
    eq(head.post(at + "/return", {"note": "请先征求第三方意见"}, csrf_from=at).status, 303)
    r = office.post(at + "/event", posts[1][2], csrf_from=at)
    eq(r.status, 303, r.text[-600:])


def beijing_today():
    import datetime
    now = datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=8)))
    return now.date().isoformat()


def test_case_page_says_the_dates_and_days_left(srv):
    # Received today in person: the answer falls due on the 20th working
    # day after today, so 20 working days are left, whatever the holidays.
    office = srv.client()
    office.login("office")
    aid = register(office, "龚算日", "64052119800101062", day=beijing_today())
    at = "/staff/applications/%d" % aid
    page = office.get(at).text
    contains(page, "还剩 20 个工作日")
    # Waiting for the corrected application: the answer clock restarts on
    # its receipt, and the page says by when the applicant must correct.
    aid = register(office, "龚补正", "64052119800101063")  # 2026-03-02
    at = "/staff/applications/%d" % aid
    r = office.post(at + "/event", {"kind": "correction_sent", "on_day": "2026-03-03",
                                    "limit_day": "2026-03-20", "text": "请写明文件名称"},
                    csrf_from=at)
    eq(r.status, 303, r.text[-600:])
    page = office.get(at).text
    head = page[page.find('id="stepper"'):page.find("</div>", page.find('id="stepper"'))]
    contains(head, "补正期限 2026-03-20")
    contains(head, "收到补正后重新计算")
    contains(page, '<dd id="due">-</dd>')
    contains(page, '<dd id="due-note">收到补正后重新计算（补正期限 2026-03-20）</dd>')


def test_register_case_page_and_api_say_the_same_overdue_working_days(srv):
    # Received in person 45 days ago and not answered: due on the 20th
    # working day after receipt (Art. 33 ¶2), overdue by the working days
    # since then, counted here from the official calendar
    # (tests/http/workdays.py); the case page, the register and the API
    # say the same number, never calendar days.
    import datetime
    import json
    from workdays import add_workdays, workdays_between
    today = datetime.date.fromisoformat(beijing_today())
    received = today - datetime.timedelta(days=45)
    due = add_workdays(received, 20)
    n = workdays_between(due, today)
    ok(0 < n < (today - due).days, (due, today, n))   # 45 days hold weekends
    office = srv.client()
    office.login("office")
    aid = register(office, "晏超期", "64052119800101072", day=received.isoformat())
    at = "/staff/applications/%d" % aid
    page = office.get(at).text
    contains(page, '<dd id="due">%s</dd>' % due.isoformat())
    contains(page, '<dd id="due-note">已超期 %d 个工作日</dd>' % n)
    reg_no = re.search(r"<h1>申请 ([^<]+)</h1>", page).group(1)
    reg = office.get("/staff/applications?f=overdue&q=" + reg_no).text
    row = reg[reg.find(">%s</a>" % reg_no):]
    row = row[:row.find("</tr>")]
    contains(row, '<span class="tag">已超期 %d 个工作日</span> %s' % (n, due.isoformat()))
    not_contains(row, "天</span>")
    j = json.loads(office.get("/api/v1/applications/%d" % aid).text)
    eq(j["due_on"], due.isoformat())
    eq(j["workdays_left"], -n)


def test_no_second_extension_is_offered(srv):
    # Art. 33 ¶2 allows one extension: once granted, the page no longer
    # offers the form the clock would refuse, and says why.
    office = srv.client()
    office.login("office")
    head = srv.client()
    head.login("officehead")
    aid = register(office, "郑延期", "64052119800101064")  # 2026-03-02
    at = "/staff/applications/%d" % aid
    form = 'action="/staff/applications/%d/extend"' % aid
    contains(head.get(at).text, form)
    r = head.post(at + "/extend", {"on_day": "2026-03-20", "n_days": "20",
                                   "text": "需调取档案", "notified": "1"}, csrf_from=at)
    eq(r.status, 303, r.text[-600:])
    page = head.get(at).text
    not_contains(page, form)
    contains(page, "答复期限已延长一次，不能再次延长（第三十三条第二款）")
    # The route still refuses a stale form, in Chinese.
    r = head.post(at + "/extend", {"on_day": "2026-03-20", "n_days": "5",
                                   "text": "再延", "notified": "1"}, csrf_from=at)
    eq(r.status, 422)
    contains(r.text, "不能再次延长")


def test_notices_are_not_issued_with_empty_parts(srv):
    from test_app_notices import notices
    office = srv.client()
    office.login("office")
    aid = register(office, "冯补正", "64052119800101065")  # 2026-03-02
    at = "/staff/applications/%d" % aid
    # A 补正告知书 must say what to correct (Art. 30: told once, in full),
    # a 征求第三方意见书 whom it is addressed to.
    for kind, msg in (("correction_sent", "请写明需要补正的事项"),
                      ("third_party_start", "请写明被征求意见的第三方")):
        r = office.post(at + "/event", {"kind": kind, "on_day": "2026-03-03",
                                        "limit_day": "", "text": ""}, csrf_from=at)
        eq(r.status, 422, kind)
        contains(r.text, msg)
    eq(len(notices(office, aid)), 1)  # the receipt only
    # No period typed: the notice states the default one as a date.  15
    # working days after Tuesday 2026-03-03 (no holiday in March 2026):
    # 4-6 (3), 9-13 (8), 16-20 (13), 23 (14), 24 (15).
    r = office.post(at + "/event", {"kind": "correction_sent", "on_day": "2026-03-03",
                                    "limit_day": "", "text": "请写明文件名称"},
                    csrf_from=at)
    eq(r.status, 303, r.text[-600:])
    n = notices(office, aid)
    eq(n[-1][1], "政府信息公开申请补正告知书")
    letter = office.get("%s/notices/%d" % (at, n[-1][2])).plain
    contains(letter, "请您作出补正：请写明文件名称")
    contains(letter, "请于2026年3月24日前提交补正后的申请")
    not_contains(letter, "本机关指定的期限")


def test_a_refused_form_keeps_its_input_and_only_its_own(srv):
    # The case page shown again after a refusal keeps what was typed in the
    # form that was sent (the chosen kind too), and not in the other forms
    # that happen to have fields of the same name (text, on_day, note).
    office = srv.client()
    office.login("office")
    aid = register(office, "褚填表", "64052119800101066")  # 2026-03-02
    at = "/staff/applications/%d" % aid
    r = office.post(at + "/event", {"kind": "third_party_end", "on_day": "2026-03-04",
                                    "limit_day": "", "text": "第三方回复不同意公开"},
                    csrf_from=at)
    eq(r.status, 422)
    contains(r.text, "没有对应的征求意见开始")
    eq(r.text.count('value="第三方回复不同意公开"'), 1)
    eq(r.text.count('value="2026-03-04"'), 1)
    contains(r.text, '<option value="third_party_end" selected>')
    # The fee form keeps its choices likewise.
    r = office.post(at + "/fee", {"op": "waive", "method": "per_volume", "count": "",
                                  "on_day": "2026-03-05", "limit_day": "", "note": ""},
                    csrf_from=at)
    eq(r.status, 422)
    contains(r.text, '<option value="waive" selected>')
    contains(r.text, '<option value="per_volume" selected>')
    eq(r.text.count('value="2026-03-05"'), 1)


def test_a_draft_answer_cannot_be_printed_as_the_letter(srv):
    # Before approval the letter is a preview of the draft: it says so in
    # its title, on screen and in the Word file, so nobody mails it.
    import io
    import zipfile
    office = srv.client()
    office.login("office")
    aid = register(office, "秦预览", "64052119800101067")
    at = "/staff/applications/%d" % aid
    eq(office.post(at + "/draft", {"outcome": "results.partial",
                                   "decision_text": "第3页含个人信息"}, csrf_from=at).status, 303)
    mark = "政府信息公开申请答复告知书（草稿，未经审批，不得送达）"
    contains(office.get(at + "/letter").text, mark)
    r = office.get(at + "/letter.docx")
    eq(r.status, 200)
    body = zipfile.ZipFile(io.BytesIO(r.body)).read("word/document.xml").decode()
    contains(body, mark)
    head = srv.client()
    head.login("depthead")
    eq(head.post(at + "/dept_review", {"note": ""}, csrf_from=at).status, 303)
    leader = srv.client()
    leader.login("leader")
    eq(leader.post(at + "/approve", {"confirm": "1", "answer_day": "2026-03-10"}, csrf_from=at).status, 303)
    letter = office.get(at + "/letter").text
    contains(letter, "政府信息公开申请答复告知书")
    not_contains(letter, "（草稿")


def test_a_holiday_added_behind_the_pages_moves_the_api_and_letters_too(srv):
    # Received Mon 2026-03-02 in person: 20 working days (Art. 33 ¶2),
    # March 2026 has no holiday: 03-03..06 (4), 09..13 (9), 16..20 (14),
    # 23..27 (19), 03-30 (20) -> due 2026-03-30.  A day off added on Tue
    # 2026-03-10 by any means moves it to Tue 03-31; the case page, the API
    # (list and case) and an extension notice issued then all count with
    # it without anyone opening the register first.
    import json
    office = srv.client()
    office.login("office")
    chief = srv.client()
    chief.login("officehead")
    aid = register(office, "节假日", "64052119800101073")
    at = "/staff/applications/%d" % aid
    contains(office.get(at).text, '<dd id="due">2026-03-30</dd>')
    srv.sql("INSERT INTO holiday(day, kind, name) VALUES('2026-03-10', 'holiday', '测试')")
    try:
        j = json.loads(office.get("/api/v1/applications/%d" % aid).text)
        eq(j["due_on"], "2026-03-31")
        listed = [a for a in json.loads(office.get("/api/v1/applications?f=open").text)
                  ["applications"] if a["id"] == aid]
        eq(listed[0]["due_on"], "2026-03-31")
        contains(office.get(at).text, '<dd id="due">2026-03-31</dd>')
        # Extended by 10 working days on 03-20: 03-31 + 10 = 04-15 (清明
        # 04-04..06 off: 04-01..03 (3), 04-07..10 (7), 04-13..15 (10)).
        r = chief.post(at + "/extend", {"on_day": "2026-03-20", "n_days": "10",
                                        "text": "需调取档案", "notified": "1"}, csrf_from=at)
        eq(r.status, 303, r.text[-600:])
        srv.sql("DELETE FROM holiday WHERE day='2026-03-10'")
        # Without that day off again: 03-30 + 10 = 04-14 on the case page;
        # the extension notice, issued when the day was off, still says
        # what it said then, 04-15 (a reprint is the letter that was sent;
        # 0108, test_app_notices).
        page = office.get(at).text
        contains(page, '<dd id="due">2026-04-14</dd>')
        link = re.search(r'延期答复告知书</td>.*?href="(/staff/applications/%d/notices/\d+)"'
                         % aid, page)
        ok(link, "extension notice listed")
        notice = office.get(link.group(1)).text
        contains(notice, "至2026年4月15日")
        not_contains(notice, "2026年4月14日")
    finally:
        srv.sql("DELETE FROM holiday WHERE day='2026-03-10'")
