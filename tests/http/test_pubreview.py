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
