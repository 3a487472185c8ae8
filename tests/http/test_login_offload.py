"""Password checks run on offload threads (http/offload.h), not on the
libmicrohttpd worker that owns the connection (issue 18).  With a single
worker, sign-ins that are hashing must not stop a document page on another
connection from being answered, and every sign-in still gets its proper
answer: signed in (303) or busy (503)."""
import re
import threading

from harness import DEMO_PASSWORD, contains, eq, ok

SERVE_ARGS = ["--threads", "1"]


def a_document_path(srv):
    c = srv.client()
    for page in ["/"] + ["/o/%s" % m for m in
                         re.findall(r'href="/o/([a-z0-9-]+)"', c.get("/").text)]:
        m = re.search(r'href="(/o/[^"]+/d/[^"]+)"', c.get(page).text)
        if m:
            return m.group(1)
    raise AssertionError("no public document linked from the home pages")


def test_a_page_is_answered_while_sign_ins_hash(srv):
    path = a_document_path(srv)
    want = srv.client().get(path)
    eq(want.status, 200)
    results = []

    def sign_in():
        c = srv.client()
        r = c.post("/login", {"login": "depthead", "password": DEMO_PASSWORD})
        results.append((r, c.has_session()))

    threads = [threading.Thread(target=sign_in) for _ in range(4)]
    for t in threads:
        t.start()
    pages = [srv.client().get(path) for _ in range(3)]
    for t in threads:
        t.join()
    for p in pages:
        eq(p.status, 200)
        eq(p.text, want.text, "the same document page")
    eq(len(results), 4, "every sign-in answered")
    for r, has_session in results:
        ok(r.status in (303, 503), "sign-in answered %d" % r.status)
        if r.status == 303:
            ok(has_session, "a 303 sign-in carries a session")
        else:
            contains(r.text, "系统繁忙")
            eq(r.headers.get("retry-after"), "5")
    ok(any(r.status == 303 for r, _ in results), "at least one signed in")


def test_sign_in_and_wrong_password_after_the_burst(srv):
    c = srv.client()
    r = c.post("/login", {"login": "depthead", "password": "not-the-password"})
    eq(r.status, 401)
    contains(r.text, "登录名或密码错误")
    r = c.post("/login", {"login": "depthead", "password": DEMO_PASSWORD,
                          "next": "/staff"})
    eq(r.status, 303)
    ok(c.has_session())


def test_a_sign_in_without_csrf_is_refused_off_the_worker(srv):
    c = srv.client()
    r = c.post("/login", {"login": "depthead", "password": DEMO_PASSWORD},
               csrf=False)
    eq(r.status, 403)
    ok(not c.has_session())
