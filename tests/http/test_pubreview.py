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
