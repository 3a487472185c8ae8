"""test_forms.py — single-use submission tokens and redirect after POST
(issue 15, bug 1): a refresh, a double click or a replay of a submitted
form creates nothing and says where the first submission went."""
import re

from harness import contains, eq, ok
from test_applications import APPLY, count_apps, form

EMPTY_FILE = {"attachment": ("", b"", "application/octet-stream")}


def tokens(c, path):
    """The CSRF and single-use tokens of the first form on path."""
    r = c.get(path)
    eq(r.status, 200, path)
    csrf = re.search(r'name="_csrf" value="([^"]+)"', r.text).group(1)
    once = re.search(r'name="_once" value="([^"]+)"', r.text).group(1)
    return csrf, once


def test_every_form_carries_a_fresh_token(srv):
    c = srv.client()
    a = tokens(c, APPLY)[1]
    b = tokens(c, APPLY)[1]
    ok(len(a) >= 20 and a != b, "tokens %r %r" % (a, b))


def test_public_application_replayed_creates_one(srv):
    c = srv.client()
    csrf, once = tokens(c, APPLY)
    before = count_apps(srv)
    fields = dict(form(name="赵重复"), _csrf=csrf, _once=once)
    r1 = c.post(APPLY, fields, files=EMPTY_FILE)
    eq(r1.status, 303, r1.text[-800:])
    eq(r1.headers["location"], APPLY + "/done")
    done = c.get(r1.headers["location"])
    eq(done.status, 200)
    ok(re.search(r'id="reg-no">znwsj-\d{4}-\d{4}<', done.text), "no registration number")
    # Refresh of the result page: a GET, shows the same application again.
    again = c.get(r1.headers["location"])
    eq(re.search(r'id="reg-no">([^<]+)<', again.text).group(1),
       re.search(r'id="reg-no">([^<]+)<', done.text).group(1))
    # The same POST again (browser resubmission, double click, replay).
    for _ in range(2):
        r2 = c.post(APPLY, fields, files=EMPTY_FILE)
        eq(r2.status, 409)
        contains(r2.text, "此表单已经提交过")
        contains(r2.text, 'href="%s/done"' % APPLY)
    eq(count_apps(srv), before + 1)


def test_receipt_page_can_be_cleared_on_a_shared_terminal(srv):
    """The page after an online application shows the tracking code for a
    refresh within 10 minutes (Max-Age=600), and its 清除 button removes it
    at once: the next person at a service hall's terminal sees nothing."""
    c = srv.client()
    csrf, once = tokens(c, APPLY)
    r1 = c.post(APPLY, dict(form(name="孙公共"), _csrf=csrf, _once=once), files=EMPTY_FILE)
    eq(r1.status, 303, r1.text[-800:])
    sent = [v for v in r1.headers.get("set-cookie", []) if v.startswith("gk_done=")]
    ok(sent and "Max-Age=600;" in sent[0], repr(sent))
    done = c.get(APPLY + "/done")
    contains(done.text, "孙公共")
    ok(re.search(r'id="tracking-code"><strong>\w+<', done.text), "no tracking code")
    m = re.search(r'<form method="post" action="([^"]+)" class="done-clear">', done.text)
    ok(m, "no clear button")
    eq(m.group(1), APPLY + "/done")
    csrf = re.search(r'name="_csrf" value="([^"]+)"', done.text).group(1)
    r2 = c.post(APPLY + "/done", {"_csrf": csrf})
    eq(r2.status, 303)
    cleared = [v for v in r2.headers.get("set-cookie", []) if v.startswith("gk_done=")]
    ok(cleared and "Max-Age=0;" in cleared[0], repr(cleared))
    after = c.get(APPLY + "/done")
    eq(after.status, 200)
    ok("孙公共" not in after.text and 'id="tracking-code"' not in after.text, after.text[-600:])
    # The clearing POST is a form like any other: refused without its token.
    eq(srv.client().post(APPLY + "/done", {}, csrf=False).status, 403)


def test_refused_submission_releases_its_token(srv):
    c = srv.client()
    csrf, once = tokens(c, APPLY)
    before = count_apps(srv)
    bad = dict(form(info_title="", info_doc_number="", info_description=""),
               _csrf=csrf, _once=once)
    eq(c.post(APPLY, bad, files=EMPTY_FILE).status, 422)
    good = dict(form(name="钱更正"), _csrf=csrf, _once=once)
    eq(c.post(APPLY, good, files=EMPTY_FILE).status, 303)
    eq(count_apps(srv), before + 1)


def test_staff_registration_replayed_creates_one(srv):
    c = srv.client()
    c.login("office")
    path = "/staff/applications/new"
    csrf, once = tokens(c, path)
    before = count_apps(srv)
    fields = dict(form(name="孙登记"), channel="in_person", event_day="2026-11-23",
                  _csrf=csrf, _once=once)
    r1 = c.post(path, fields, files=EMPTY_FILE)
    eq(r1.status, 303, r1.text[-800:])
    eq(r1.headers["location"], "/staff/applications/registered")
    page = c.get("/staff/applications/registered")
    contains(page.text, 'id="tracking-code"')
    r2 = c.post(path, fields, files=EMPTY_FILE)
    eq(r2.status, 409)
    contains(r2.text, 'href="/staff/applications/registered"')
    eq(count_apps(srv), before + 1)


def test_catalogue_item_replayed_creates_one(srv):
    c = srv.client()
    c.login("office")
    bureau = c.get("/api/v1/orgs").json()
    bureau = [o for o in bureau["orgs"] if o["slug"] == "znwsj"][0]["id"]
    path = "/staff/catalogue/%d/new" % bureau
    csrf, once = tokens(c, path)
    fields = {"_csrf": csrf, "_once": once, "list": "proactive", "level1": "重复测试事项",
              "content": "只应出现一次的事项", "channel": "website", "art20": "14",
              "mode": "proactive", "audience": "all", "frequency": "每年", "seq": ""}
    eq(c.post(path, fields).status, 303)
    r2 = c.post(path, fields)
    eq(r2.status, 409)
    page = c.get("/staff/catalogue/%d" % bureau)
    eq(page.text.count("只应出现一次的事项"), 1)


def test_lookup_form_may_be_sent_again(srv):
    c = srv.client()
    csrf, once = tokens(c, "/track")
    fields = {"_csrf": csrf, "_once": once, "reg_no": "znwsj-2099-0001", "code": "x"}
    eq(c.post("/track", fields).status, 404)
    eq(c.post("/track", fields).status, 404)   # not "already submitted"


def test_public_message_replayed_creates_one(srv):
    c = srv.client()
    path = "/o/znwsj/messages"
    csrf, once = tokens(c, path)

    count = lambda: srv.sql("SELECT count(*) FROM message")[0][0]
    before = count()
    fields = {"_csrf": csrf, "_once": once, "box": "message",
              "name": "赵留言", "contact": "13995551234", "subject": "疫苗接种时间",
              "body": "请问流感疫苗什么时候开始接种？"}
    r1 = c.post(path, fields)
    eq(r1.status, 303, r1.text[-600:])
    r2 = c.post(path, fields)
    eq(r2.status, 409)
    contains(r2.text, 'href="/o/znwsj/messages?sent=1"')
    eq(count(), before + 1)
