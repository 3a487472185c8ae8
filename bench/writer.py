#!/usr/bin/env python3
"""writer.py PORT RATE SECONDS OUT [apps] — the private writes of real traffic, for
`make bench` (run.sh, section 6): a background client that, at about RATE
POSTs per second for SECONDS, repeats one cycle of ten writes, each cycle
from its own client address (the server runs with --trusted-proxy 127.0.0.1/32
and the address comes in X-Forwarded-For, so the per-address limits of
docs/security.md do not turn the writes into 429s):

  1. a failed sign-in (an account that does not exist: the throttle table);
  2. a sign-in of the demo account `office` (a new session);
  3. its sign-out (the session ends);
  4. seven applications registered through the public form
     /o/znwsj/apply, each with the form's CSRF and single-use submission
     tokens (the hourly limit per address is 10).

Two sign-ins in ten writes: each costs an argon2id hash (0.1-0.2 s of a
core on this machine), so at 20 writes/s they already take 4 hashes/s.

With the fifth argument `apps`, only the applications (a control: the same
writes without argon2id).  None of these changes public content, so none should empty the public
cache (migration 0040).  Two threads share the rate; their sign-ins take
turns (one lock): a sign-in costs an argon2id hash, and a server with 2
threads runs one at a time (auth.c; a sign-in that finds the slot taken
is answered 503 at once, counted here as unexpected).  Writes OUT as one line: "posts seconds posts/s
as_expected unexpected gets statuses" (expected: 401 for the failed
sign-in, 303 for the others; gets: the form pages fetched, which carry a
CSRF token and so count as cache misses).
"""
import threading
import http.client
import random
import re
import sys
import time
import urllib.parse
import uuid

PASSWORD = "gongkai-demo-2026"


def id_number(body17):
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return body17 + "10X98765432"[sum(int(c) * k for c, k in zip(body17, w)) % 11]


class Client:
    """One visitor: a keep-alive connection, cookies, one client address."""

    def __init__(self, port, addr):
        self.port = port
        self.addr = addr
        self.cookies = {}
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)

    def request(self, method, path, body=None, ctype=None):
        h = {"Host": "127.0.0.1:%d" % self.port, "X-Forwarded-For": self.addr}
        if self.cookies:
            h["Cookie"] = "; ".join("%s=%s" % kv for kv in self.cookies.items())
        if method == "POST":
            h["Origin"] = "http://127.0.0.1:%d" % self.port
            h["Content-Type"] = ctype
        self.conn.request(method, path, body=body, headers=h)
        r = self.conn.getresponse()
        data = r.read()
        for k, v in r.getheaders():
            if k.lower() == "set-cookie":
                name, _, value = v.split(";")[0].partition("=")
                if value == "" or "max-age=0" in v.lower():
                    self.cookies.pop(name.strip(), None)
                else:
                    self.cookies[name.strip()] = value.strip()
        return r.status, data.decode("utf-8", "replace")

    def hidden(self, path):
        """The hidden fields (_csrf, _once, next) of the form on path."""
        _, text = self.request("GET", path)
        return dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', text))

    def post_form(self, path, fields):
        body = urllib.parse.urlencode(fields).encode()
        return self.request("POST", path, body, "application/x-www-form-urlencoded")[0]

    def post_multipart(self, path, fields):
        b = "----gk" + uuid.uuid4().hex
        parts = [("--%s\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n%s\r\n"
                  % (b, k, v)).encode("utf-8") for k, v in fields.items()]
        parts.append(("--%s\r\nContent-Disposition: form-data; name=\"attachment\"; "
                      "filename=\"\"\r\nContent-Type: application/octet-stream\r\n\r\n\r\n"
                      % b).encode())
        body = b"".join(parts) + ("--%s--\r\n" % b).encode()
        return self.request("POST", path, body, "multipart/form-data; boundary=" + b)[0]

    def close(self):
        self.conn.close()


EXPECTED = (401, 303, 303) + (303,) * 7
SIGNIN = threading.Lock()
BASE = random.randrange(125000)  # another run within the hour: other addresses
GETS_PER_CYCLE = 10


APPS_ONLY = len(sys.argv) > 5 and sys.argv[5] == "apps"


def cycle(port, i):
    """The writes of cycle i; yields their statuses."""
    j = i + BASE  # a fresh address per cycle (198.18.0.0/15, for benchmarks)
    addr = "198.%d.%d.%d" % (18 + (j // 62500) % 2, (j // 250) % 250, j % 250 + 1)
    c = Client(port, addr)
    try:
        if APPS_ONLY:
            yield from apply_many(c, i)
            return
        f = c.hidden("/login")
        f.update(login="nobody%d" % i, password="wrong-password")
        with SIGNIN:
            st = c.post_form("/login", f)
        yield st
        f = c.hidden("/login")
        f.update(login="office", password=PASSWORD)
        with SIGNIN:
            st = c.post_form("/login", f)
        yield st
        f = c.hidden("/staff")
        yield c.post_form("/logout", {"_csrf": f.get("_csrf", "")})
        yield from apply_many(c, i)
    finally:
        c.close()


def apply_many(c, i):
    """Seven applications through the public form; yields their statuses."""
    for k in range(7):
        f = c.hidden("/o/znwsj/apply")
        f.update(applicant_type="natural_person", name="马建国", id_kind="resident_id",
                 id_number=id_number("64052119850312123"), phone="13995551234",
                 address="宁夏中宁县宁安镇东街12号", postcode="755100",
                 info_title="采购目录%d-%d" % (i, k),
                 info_description="县卫健局制定的采购目录全文",
                 purpose="了解政策", form="paper", delivery="post")
        yield c.post_multipart("/o/znwsj/apply", f)


def worker(port, rate, t0, seconds, first, step, acc, lock):
    n = 0
    i = first
    while time.monotonic() - t0 < seconds:
        try:
            for k, st in enumerate(cycle(port, i)):
                with lock:
                    acc["n"] += 1
                    acc["ok"] += st == (303 if APPS_ONLY else EXPECTED[k])
                    acc["st"][st] = acc["st"].get(st, 0) + 1
                n += 1
                # pace the POSTs: this thread's n-th is due at t0 + n / rate
                delay = t0 + n / rate - time.monotonic()
                if delay > 0:
                    time.sleep(delay)
        except (OSError, http.client.HTTPException):
            with lock:
                acc["n"] += 1
                acc["st"][0] = acc["st"].get(0, 0) + 1
        with lock:
            acc["gets"] += GETS_PER_CYCLE
        i += step


def main():
    port, rate, seconds, out = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
    nThread = 2
    acc = {"n": 0, "ok": 0, "gets": 0, "st": {}}
    lock = threading.Lock()
    t0 = time.monotonic()
    ts = [threading.Thread(target=worker, args=(port, rate / nThread, t0, seconds, k,
                                                nThread, acc, lock)) for k in range(nThread)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    el = time.monotonic() - t0
    with open(out, "w") as f:
        f.write("%d %.1f %.1f %d %d %d %s\n" % (acc["n"], el, acc["n"] / el, acc["ok"],
                acc["n"] - acc["ok"], acc["gets"],
                ",".join("%d:%d" % kv for kv in sorted(acc["st"].items()))))


if __name__ == "__main__":
    main()
