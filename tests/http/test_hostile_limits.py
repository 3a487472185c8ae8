"""Server-wide limits under hostile load (issue 12, items 2-3), against a
server started with a tiny body memory budget: requests that would exceed
it are answered 503 before their body is read, and the budget comes back
when they end."""
import time

from harness import eq, ok
from test_hostile_http import open_unfinished_post, read_status

SERVE_ARGS = ["--body-memory-mb", "1"]


def test_body_memory_budget_answers_503(srv):
    held = [open_unfinished_post(srv, "/o/znwsj/messages", 250 * 1024, 0) for _ in range(4)]
    time.sleep(0.3)
    s = open_unfinished_post(srv, "/o/znwsj/messages", 250 * 1024, 0)
    eq(read_status(s), 503)
    s.close()
    for h in held:
        h.close()
    time.sleep(0.5)
    s = open_unfinished_post(srv, "/o/znwsj/messages", 250 * 1024, 0)
    s.settimeout(1)
    try:
        got = s.recv(100)
    except OSError:
        got = b""
    eq(got, b"", "the budget did not come back")
    s.close()
    ok(srv.client().get("/").status == 200)
