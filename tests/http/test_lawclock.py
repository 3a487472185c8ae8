"""test_lawclock.py — the law by date on the staff pages (issue 13 §1–§3).

The demo's first application (received 2019-01-07) runs on the 2007
Regulation's 15 working days: due 2019-01-28, its 2019-01-29 answer late;
the 2018 report is due 2019-03-31; fees exist only from 2021 and count the
same applicant's items at the same organ per month (25 then 10 items in
March 2025: 1,500 元 then 1,500 元), never 按量 for 当场查阅; 逾期未补正
only after the correction period; a third party's silence stops the pause
after 15 working days; from 2024 a refusal's letter sends the applicant to
reconsideration first, naming the organ set on the organisation's page,
and the guide says so.  Dates counted by hand in tests/unit/test_regime.c.
"""
import re

from harness import contains, eq, not_contains, ok

from lookup import applications, org_id
from test_applications import form, uscc, id_number


def app_id(c, reg_no, f):
    r = c.get("/api/v1/applications?f=%s" % f)
    eq(r.status, 200)
    for a in r.json()["applications"]:
        if a["reg_no"] == reg_no:
            return a["id"]
    raise AssertionError("application %s not in the register" % reg_no)


def register(c, day, **kw):
    f = form(**kw)
    f.update({"channel": "in_person", "event_day": day})
    r = c.post("/staff/applications/new", f, files={"attachment": ("", b"", "application/octet-stream")},
               csrf_from="/staff/applications/new")
    if r.status == 303:  # registration redirects to its result page
        r = c.get(r.headers["location"])
    eq(r.status, 200, r.text[-1500:])
    reg = re.search(r'id="reg-no">([^<]+)<', r.text).group(1)
    return app_id(c, reg, "open")


def post(c, aid, act, fields):
    return c.post("/staff/applications/%d/%s" % (aid, act), fields,
                  csrf_from="/staff/applications/%d" % aid)


def test_2019_0001_runs_on_the_2007_regulation(srv):
    c = srv.client()
    c.login("office")
    aid = app_id(c, "znwsj-2019-0001", "2019")
    page = c.get("/staff/applications/%d" % aid).text
    contains(page, '<dd id="due">2019-01-28</dd>')
    contains(page, "收到申请之日起15个工作日内，即2019-01-28（原条例第二十四条第二款）")
    contains(page, "答复晚于答复期限 2019-01-28，超期1个工作日")
    not_contains(page, "2019-02-02")


def test_2018_report_due_31_march_2019(srv):
    c = srv.client()
    c.login("office")
    r = c.get("/staff/reports?year=2018")
    eq(r.status, 200)
    contains(r.text, "各级行政机关应于 2019 年 3 月 31 日前公布上一年度报告（原条例第三十一条）")
    not_contains(r.text, "2019-01-31")
    r = c.get("/staff/reports?year=2024")
    contains(r.text, "（条例第四十九条）")


def test_fees_per_item_same_organ_month_and_not_before_2021(srv):
    c = srv.client()
    c.login("office")
    who = id_number("64052119900101201")
    a1 = register(c, "2025-03-03", id_number=who)
    r = post(c, a1, "fee", {"op": "notice", "method": "per_item", "count": "25", "on_day": "2025-03-05"})
    eq(r.status, 303, r.text[-800:])
    page = c.get("/staff/applications/%d" % a1).text
    contains(page, "1500元")
    contains(page, "收费依据")
    contains(page, "缴费期限：请自收到本通知之日起20个工作日内缴纳")
    # Items 26-35: 5 x 100 + 5 x 200 = 1,500 元 (not 100 元).
    a2 = register(c, "2025-03-10", id_number=who)
    r = post(c, a2, "fee", {"op": "notice", "method": "per_item", "count": "10", "on_day": "2025-03-11"})
    eq(r.status, 303, r.text[-800:])
    contains(c.get("/staff/applications/%d" % a2).text, "1500元")
    # 逾期未缴费 before the 20 working days is refused.  From Tue 03-11:
    # 12..14 (3) 17..21 (8) 24..28 (13) 31 (14) 04-01..03 (17), 清明 04-04..06,
    # 07 08 09 (20) -> 2025-04-09.
    r = post(c, a2, "fee", {"op": "lapse", "on_day": "2025-04-09"})
    eq(r.status, 422)
    contains(r.text, "缴费期限至 2025-04-09")
    r = post(c, a2, "fee", {"op": "lapse", "on_day": "2025-04-10"})
    eq(r.status, 303)
    # Received 2020-06-01: no fee at all.
    a3 = register(c, "2020-06-01", id_number=id_number("64052119900101202"))
    r = post(c, a3, "fee", {"op": "notice", "method": "per_volume", "count": "150", "on_day": "2020-06-05"})
    eq(r.status, 422)
    contains(r.text, "自2021年1月1日起收取")
    # 300 pages inspected on the spot: 按量 does not apply.
    a4 = register(c, "2025-03-03", id_number=id_number("64052119900101203"), form="inspection",
                  delivery="pickup")
    r = post(c, a4, "fee", {"op": "notice", "method": "per_volume", "count": "300", "on_day": "2025-03-05"})
    eq(r.status, 422)
    contains(r.text, "当场查阅的不按量计收")


def test_periods_correction_and_consultation(srv):
    c = srv.client()
    c.login("office")
    a = register(c, "2025-03-03", id_number=id_number("64052119900101204"))
    r = post(c, a, "event", {"kind": "correction_sent", "on_day": "2025-03-05", "text": "请写明文号"})
    eq(r.status, 303, r.text[-800:])
    contains(c.get("/staff/applications/%d" % a).text, "补正期限至 2025-03-26")
    r = post(c, a, "event", {"kind": "correction_lapsed", "on_day": "2025-03-06"})
    eq(r.status, 422)
    contains(r.text, "补正期限至 2025-03-26，2025-03-06 尚未届满")
    r = post(c, a, "event", {"kind": "correction_extended", "on_day": "2025-03-20",
                             "limit_day": "2025-04-09"})
    eq(r.status, 303, r.text[-800:])
    r = post(c, a, "event", {"kind": "correction_lapsed", "on_day": "2025-03-27"})
    eq(r.status, 422)
    r = post(c, a, "event", {"kind": "correction_lapsed", "on_day": "2025-04-10"})
    eq(r.status, 303)
    # A third party consulted on 03-04 that never answers: paused until
    # 03-25 only; due 2025-04-22.
    b = register(c, "2025-03-03", id_number=id_number("64052119900101205"))
    r = post(c, b, "event", {"kind": "third_party_start", "on_day": "2025-03-04", "text": "某公司"})
    eq(r.status, 303)
    page = c.get("/staff/applications/%d" % b).text
    contains(page, '<dd id="due">2025-04-22</dd>')
    contains(page, "15个工作日内未收到意见")
    # Disclosure over the objection: the step is recorded.
    r = post(c, b, "event", {"kind": "disclose_notice", "on_day": "2025-03-26", "text": "公共利益"})
    eq(r.status, 303, r.text[-800:])
    contains(c.get("/staff/applications/%d" % b).text, "内容和理由书面告知第三方（第三十二条）")


def test_remedies_by_date_and_reconsideration_organ(srv):
    c = srv.client()
    c.login("office")
    # A 不予公开 answered in 2024 or later, a 部分公开 answered in 2019 (found
    # in the demo data, whose case numbers follow its organisations).
    bureau = org_id(srv, "znwsj")
    answered = sorted((a for a in applications(srv, "znwsj")
                       if a["org_id"] == bureau and a["state"] == "answered"),
                      key=lambda a: a["id"])
    denied = next(a["id"] for a in answered
                  if a["outcome"].startswith("results.denied.")
                  and (a["closed_on"] or "") >= "2024-01-01")
    early = next(a["id"] for a in answered
                 if a["outcome"] == "results.partial"
                 and (a["closed_on"] or "").startswith("2019-"))
    letter = c.get("/staff/applications/%d/letter" % denied).text
    contains(letter, "应当自收到本告知书之日起六十日内先向中宁县人民政府申请行政复议")
    contains(letter, "第二十三条第一款第（四）项")
    not_contains(letter, "或者自收到本告知书之日起六个月内")
    letter = c.get("/staff/applications/%d/letter" % early).text
    contains(letter, "六十日内依法申请行政复议，或者自收到本告知书之日起六个月内")
    not_contains(letter, "先向")
    contains(c.get("/o/znwsj/guide").text, "应当先向中宁县人民政府申请行政复议")
    # The administrator sets another organ: the guide follows; a letter
    # already issued, printed again, names the organ it named (0108).
    adm = srv.client()
    adm.login("sysadmin")
    page = adm.get("/admin/orgs/1")
    contains(page.text, "行政复议机关")
    r = adm.post("/admin/orgs/1/review-organ", {"review_organ": "中卫市人民政府"}, csrf_from="/admin/orgs/1")
    eq(r.status, 303)
    contains(c.get("/o/znwsj/guide").text, "应当先向中卫市人民政府申请行政复议")
    letter = c.get("/staff/applications/%d/letter" % denied).text
    contains(letter, "先向中宁县人民政府")
    not_contains(letter, "中卫市人民政府")
    # A refusal approved now names the organ set now.
    n = register(c, "2026-03-02", id_number=id_number("64052119900101206"))
    eq(post(c, n, "draft", {"outcome": "results.denied.process_info",
                            "decision_text": "属于内部讨论记录"}).status, 303)
    dh = srv.client()
    dh.login("depthead")
    eq(post(dh, n, "dept_review", {}).status, 303)
    leader = srv.client()
    leader.login("leader")
    eq(post(leader, n, "approve", {"confirm": "1", "answer_day": "2026-03-10"}).status, 303)
    contains(c.get("/staff/applications/%d/letter" % n).text, "先向中卫市人民政府")
    r = adm.post("/admin/orgs/1/review-organ", {"review_organ": "县" * 101}, csrf_from="/admin/orgs/1")
    eq(r.status, 422)
    r = adm.post("/admin/orgs/1/review-organ", {"review_organ": "中宁县人民政府"}, csrf_from="/admin/orgs/1")
    eq(r.status, 303)
    ok(True, "")


def test_secrecy_marks_block_until_a_decision(srv):
    from test_documents import act, client, new_doc, state_of, walk_to
    drafter = client(srv, "drafter")
    body = "秘密★10年\n\n关于某项目的内部研究意见\n\n（此件不公开）\n\n内部审计工作要点照常公开。"
    doc = new_doc(drafter, "关于某项目的研究意见", body=body)
    walk_to(srv, doc, "secrecy_review")
    secrecy = client(srv, "secrecy")
    r = act(secrecy, doc, "pass")
    eq(r.status, 409)
    contains(r.text, "密级、发布标记")
    eq(state_of(srv, doc), "secrecy_review")
    page = secrecy.get("/staff/docs/%d" % doc).text
    marks = re.findall(r'data-finding="(\d+)" data-status="open"><td[^>]*>正文</td><td[^>]*data-kind="\w+">密级或发布标记</td>'
                       r'<td[^>]*>([^<]*)</td>', page)
    eq(sorted(m for _, m in marks), ["秘密★10年", "（此件不公开）"])
    ok(not re.search(r"<td[^>]*>内部审计", page), "a word in running text is no mark")
    # A mark cannot be masked away; a decision needs its basis.
    fid = int(marks[0][0])
    eq(secrecy.post("/staff/docs/%d/findings/%d" % (doc, fid), {"decision": "mask"}).status, 422)
    eq(secrecy.post("/staff/docs/%d/findings/%d" % (doc, fid), {"decision": "accept"}).status, 422)
    for f, _ in marks:
        eq(secrecy.post("/staff/docs/%d/findings/%s" % (doc, f),
                        {"decision": "accept", "reason": "已于2026年解密，经定密机关同意公开"}).status, 303)
    eq(act(secrecy, doc, "pass").status, 303)
    eq(state_of(srv, doc), "approval")


def changed_on(c, doc):
    """The change date (Art. 26) the staff page shows, None without one."""
    m = re.search(r'<th scope="row">变更日期（第二十六条期限自变更之日重新起算）</th>'
                  r'<td>([^<]*)</td>', c.get("/staff/docs/%d" % doc).text)
    return m.group(1) if m else None


def test_art26_restarts_when_the_document_changes(srv):
    from test_documents import client, new_doc
    drafter = client(srv, "drafter")
    doc = new_doc(drafter, "关于调整门诊时间的通知", body="原内容", formed="2026-11-20")
    eq(changed_on(drafter, doc), None)
    fields = {"title": "关于调整门诊时间的通知", "body": "原内容", "mode": "proactive",
              "formed_date": "2026-11-20", "genre": "通知", "report_kind": "other"}
    r = drafter.post("/staff/docs/%d/edit" % doc, fields)
    eq(r.status, 303)
    eq(changed_on(drafter, doc), None)   # unchanged
    r = drafter.post("/staff/docs/%d/edit" % doc, dict(fields, body="新内容：门诊时间改为8:00"))
    eq(r.status, 303)
    day = changed_on(drafter, doc)
    ok(day and re.match(r"\d{4}-\d{2}-\d{2}$", day), "changed_on %r" % day)
    page = drafter.get("/staff/docs/%d" % doc).text
    contains(page, "变更日期（第二十六条期限自变更之日重新起算）")
    contains(page, day)


def test_art26_restarts_when_an_attachment_changes(srv):
    from test_documents import client, new_doc, make_pdf
    drafter = client(srv, "drafter")
    doc = new_doc(drafter, "关于公布接种点的通知", body="接种点见附件", formed="2026-11-20")
    eq(changed_on(drafter, doc), None)
    r = drafter.post("/staff/docs/%d/attachments" % doc, {},
                     files={"file": ("接种点.pdf", make_pdf("list"), "application/pdf")})
    eq(r.status, 303, r.text[:300])
    day = changed_on(drafter, doc)
    ok(day and re.match(r"\d{4}-\d{2}-\d{2}$", day), "an added attachment is a change: %r" % day)
