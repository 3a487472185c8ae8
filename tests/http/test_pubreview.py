"""test_pubreview.py — an outside review of proactive publication (主动公开):
the review chain against a person holding several reviewer roles, the
privacy gate against the organisation's own published contacts, validity
changes dated in the future, the label of a repealing document and the
Art. 26 period shown on a document's staff page.  Expectations are worked
out by hand from the Regulation and the demo data."""
import re

from harness import contains, eq, not_contains
from test_documents import act, client, new_doc, state_of, walk_to

DEMO = True


def add_user(srv, login, roles):
    rc, out, err = srv.gongkai("user", "add", "--login", login, "--name", login,
                               "--org", "znwsj", "--roles", roles,
                               "--password", "gongkai-demo-2026", "--db", srv.db)
    eq(rc, 0, err)
    c = srv.client()
    c.login(login)
    return c


def awaiting(c):
    """The 待我办理 list of the staff home of client c."""
    page = c.get("/staff").text
    return re.search(r'<ul class="awaiting">(.*?)</ul>', page, re.S).group(1)


def test_one_person_passes_one_step_of_a_round(srv):
    """三审: 科室审核, 保密审查 and 领导审批 are three reviews by three people.
    A user who holds the dept-head, secrecy and leader roles (not the
    drafter) passes the 科室审核 and is then refused the later steps of the
    same round; once the document went back to draft and was submitted
    again, a new round starts."""
    two = add_user(srv, "twohats", "dept_head,secrecy,approver")
    drafter = client(srv, "drafter")
    doc = new_doc(drafter, "一人不得连审两环节的文件")
    eq(act(drafter, doc, "submit").status, 303)
    eq(act(two, doc, "pass", "同意").status, 303)
    eq(state_of(srv, doc), "secrecy_review")
    # The staff home does not offer him the step it would refuse; the
    # secrecy reviewer who has not acted in this round sees it.
    not_contains(awaiting(two), "一人不得连审两环节的文件")
    contains(awaiting(client(srv, "secrecy")), "一人不得连审两环节的文件")
    r = act(two, doc, "pass", "同意")
    eq(r.status, 403)
    contains(r.text, "已办理本轮的其他审核环节")
    eq(state_of(srv, doc), "secrecy_review")
    eq(act(client(srv, "secrecy"), doc, "pass", "同意").status, 303)
    r = act(two, doc, "pass", "同意")
    eq(r.status, 403)
    eq(state_of(srv, doc), "approval")
    # Sending back is not a pass: the leader of the round may still return.
    eq(act(client(srv, "leader"), doc, "return", "请补充依据").status, 303)
    eq(state_of(srv, doc), "draft")
    eq(act(drafter, doc, "submit").status, 303)
    # A new round: the dept-head step is his again, the later ones not.
    eq(act(two, doc, "pass", "同意").status, 303)
    eq(act(client(srv, "secrecy"), doc, "pass", "同意").status, 303)
    eq(act(two, doc, "pass", "同意").status, 403)
    eq(act(client(srv, "leader"), doc, "pass", "同意").status, 303)
    eq(state_of(srv, doc), "published")


def open_findings(c, doc):
    """{kind label: [matched text]} of the open findings on the staff page."""
    page = c.get("/staff/docs/%d" % doc).text
    rows = re.findall(r'data-finding="\d+" data-status="open">(.*?)</tr>', page, re.S)
    out = {}
    for row in rows:
        kind = re.search(r'data-kind="\w+">([^<]+)</td>', row).group(1)
        cells = re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
        out.setdefault(kind, []).append(" ".join(cells))
    return out


def test_own_office_contacts_are_not_findings(srv):
    """The bureau's own published telephone, fax and e-mail (demo:
    0955-5021796, znwsj@163.com, as in the seed annual report) stay in a
    published document; a citizen's mobile next to them is still found.
    (0955) 5021796 is the same number written another way."""
    drafter = client(srv, "drafter")
    body = ("咨询电话：0955-5021796，传真：（0955）5021796，电子邮箱：ZNWSJ@163.com。\n\n"
            "投诉人联系电话：13909551234。")
    doc = new_doc(drafter, "关于公布咨询方式的通知", body=body)
    walk_to(srv, doc, "secrecy_review")
    f = open_findings(client(srv, "secrecy"), doc)
    eq(sorted(f), ["手机号码"], "findings %r" % f)
    contains(f["手机号码"][0], "13909551234")


def beijing_today():
    import datetime
    return datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=8))).date()


def test_validity_change_cannot_be_dated_ahead(srv):
    """A validity change records what has happened: a document repealed or
    expired tomorrow is still 有效 today, so the office cannot record it
    today (the public page would say 已失效 at once, and the portal's
    有效性 filter with it).  Today in Beijing is accepted; a date before
    the document was signed is refused as well."""
    import datetime
    drafter = client(srv, "drafter")
    doc = new_doc(drafter, "有效期届满的办法", signed_date="2026-11-20")
    walk_to(srv, doc, "published")
    office = client(srv, "office")
    today = beijing_today()
    tomorrow = today + datetime.timedelta(days=1)
    r = office.post("/staff/docs/%d/validity" % doc,
                    {"confirm": "1", "validity": "expired", "validity_date": tomorrow.isoformat()})
    eq(r.status, 422)
    contains(r.text, "不能晚于今天")
    anon = srv.client()
    page = anon.get("/o/znwsj/d/%d" % doc).text
    not_contains(page, "data-banner=")
    r = office.post("/staff/docs/%d/validity" % doc,
                    {"confirm": "1", "validity": "repealed", "validity_date": "2026-11-19"})
    eq(r.status, 422)
    contains(r.text, "不能早于成文日期")
    r = office.post("/staff/docs/%d/validity" % doc,
                    {"confirm": "1", "validity": "expired", "validity_date": today.isoformat()})
    eq(r.status, 303)
    contains(anon.get("/o/znwsj/d/%d" % doc).text, 'data-banner="expired"')


def art26_row(c, doc):
    page = c.get("/staff/docs/%d" % doc).text
    m = re.search(r"<th[^>]*>公开时限（第二十六条）</th><td>([^<]*)</td>", page)
    return m and m.group(1)


def test_art26_period_on_the_staff_page(srv):
    """Formed on Thursday 2026-09-24: 09-25..27 中秋节, 10-01..07 国庆节,
    Saturday 10-10 a working day.  Working days after the 24th: 09-28 29 30
    (3), 10-08 09 10 (6), 12..16 (11), 19..23 (16), 26 27 28 29 (20): due
    2026-10-29.  Published on the 29th: on time; published on 11-05:
    10-30, 11-02 03 04 05 = 5 working days late."""
    drafter = client(srv, "drafter")
    office = client(srv, "office")
    late = new_doc(drafter, "逾期公开的通知", formed="2026-09-24")
    walk_to(srv, late, "published")
    srv.sql("UPDATE doc SET published_date='2026-11-05' WHERE id=?", (late,))
    eq(art26_row(office, late), "2026-10-29（逾期 5 个工作日发布）")
    ontime = new_doc(drafter, "按时公开的通知", formed="2026-09-24")
    walk_to(srv, ontime, "published")
    srv.sql("UPDATE doc SET published_date='2026-10-29' WHERE id=?", (ontime,))
    eq(art26_row(office, ontime), "2026-10-29（按时发布）")
    # Not yet published, long past the date (today is after 2026-10-29).
    draft = new_doc(drafter, "尚未公开的通知", formed="2026-09-24")
    contains(art26_row(office, draft), "2026-10-29（已超期 ")
    # Information not to be disclosed proactively has no such period.
    withheld = new_doc(drafter, "不主动公开的信息", formed="2026-09-24", mode="on_request")
    eq(art26_row(office, withheld), None)


def test_withdrawal_day_is_beijing_day_in_the_api(srv):
    """Withdrawn at 2026-12-07 17:30 UTC, which is 2026-12-08 01:30 in
    Beijing: the public page and the API both say 8 December."""
    drafter = client(srv, "drafter")
    doc = new_doc(drafter, "午夜后撤回的通知")
    walk_to(srv, doc, "published")
    r = act(client(srv, "office"), doc, "withdraw", "内容有误")
    eq(r.status, 303)
    srv.sql("UPDATE doc SET withdrawn_at='2026-12-07T17:30:00Z' WHERE id=?", (doc,))
    anon = srv.client()
    page = anon.get("/o/znwsj/d/%d" % doc)
    eq(page.status, 410)
    contains(page.text, "本信息已于2026年12月8日撤回")
    r = anon.get("/api/v1/documents/%d" % doc)
    eq(r.status, 410)
    contains(r.text, "2026年12月8日")
    not_contains(r.text, "2026-12-07")
