"""Public rate limits under parallel submissions (issue 12, item 5): the
check and the record are one statement / one transaction, so 15 parallel
applications or messages from one address get no more than the hourly
limit (10) through; behind a trusted proxy the limit follows the forwarded
address (item 4)."""
import re
import threading

from harness import eq, ok
from lookup import app_count
from test_hostile_http import id_number

SERVE_ARGS = ["--trusted-proxy", "127.0.0.1/32"]


def count_messages(srv):
    """The bureau's messages as its office sees them on the staff list."""
    c = srv.client()
    c.login("office")
    r = c.get("/staff/messages?filter=all")
    eq(r.status, 200)
    return len(re.findall(r'href="/staff/messages/\d+"', r.text))


def app_form(i):
    return {"applicant_type": "natural_person", "name": "马建国", "id_kind": "resident_id",
            "id_number": id_number("64052119850312123"), "phone": "13995551234",
            "address": "宁夏中宁县宁安镇东街12号", "postcode": "755100",
            "info_title": "采购目录%d" % i, "info_description": "县卫健局制定的采购目录全文",
            "purpose": "了解政策", "form": "paper", "delivery": "post"}


def parallel(n, fn):
    out = []
    threads = [threading.Thread(target=lambda i=i: out.append(fn(i))) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return out


def test_parallel_applications_stop_at_the_limit(srv):
    before = app_count(srv, "znwsj")

    def submit(i):
        c = srv.client()
        return c.post("/o/znwsj/apply", app_form(i),
                      files={"attachment": ("", b"", "application/octet-stream")},
                      csrf_from="/o/znwsj/apply",
                      headers={"X-Forwarded-For": "198.51.100.77"}).status

    got = parallel(15, submit)
    stored = app_count(srv, "znwsj") - before
    ok(5 <= stored <= 10, "%d applications accepted, limit 10" % stored)
    eq(got.count(429), 15 - stored, repr(got))
    # Another client behind the same proxy still gets through.
    eq(srv.client().post(
        "/o/znwsj/apply", app_form(99),
        files={"attachment": ("", b"", "application/octet-stream")},
        csrf_from="/o/znwsj/apply", headers={"X-Forwarded-For": "198.51.100.78"}).status, 303)


def test_parallel_messages_stop_at_the_limit(srv):
    before = count_messages(srv)

    def post(i):
        c = srv.client()
        return c.post("/o/znwsj/messages",
                      {"box": "message", "subject": "标题%d" % i, "body": "内容",
                       "name": "", "contact": ""},
                      csrf_from="/o/znwsj/messages",
                      headers={"X-Forwarded-For": "198.51.100.88"}).status

    got = parallel(15, post)
    stored = count_messages(srv) - before
    ok(5 <= stored <= 10, "%d messages accepted, limit 10" % stored)
    eq(got.count(429), 15 - stored, repr(got))
