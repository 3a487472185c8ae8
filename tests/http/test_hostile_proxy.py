"""Behind a reverse proxy (issue 12, item 4): with --trusted-proxy the
client address comes from X-Forwarded-For / X-Real-IP sent by that proxy
and from nobody else, for the access log and the rate limits; an https
base URL marks the session cookie Secure and sends HSTS; IPv6 listening."""
import os
import re
import socket
import subprocess
import time

from harness import BIN, contains, eq, ok

SERVE_ARGS = ["--trusted-proxy", "127.0.0.1/32", "--trusted-proxy", "::1",
              "--base-url", "https://gk.example.gov.cn"]


def get_from(srv, src, path, headers):
    """A GET from source address src with extra headers; returns the status."""
    s = socket.socket()
    s.bind((src, 0))
    s.settimeout(10)
    s.connect(("127.0.0.1", srv.port))
    h = "".join("%s: %s\r\n" % kv for kv in headers.items())
    s.sendall(("GET %s HTTP/1.1\r\nHost: x\r\n%sConnection: close\r\n\r\n" % (path, h)).encode())
    data = b""
    while True:
        b = s.recv(65536)
        if not b:
            break
        data += b
    s.close()
    return int(data.split(b" ", 2)[1])


def log_clients(srv, path):
    """client= of the access lines for path, in order."""
    out = []
    for l in srv.log_text().splitlines():
        m = re.match(r'access .*client="([^"]*)" .*path="%s' % re.escape(path), l)
        if m:
            out.append(m.group(1))
    return out


def test_access_log_uses_the_forwarded_address_from_a_trusted_proxy(srv):
    get_from(srv, "127.0.0.1", "/robots.txt?p=1", {"X-Forwarded-For": "6.6.6.6, 203.0.113.5"})
    get_from(srv, "127.0.0.1", "/robots.txt?p=2", {"X-Real-IP": "198.51.100.9"})
    # Not a trusted proxy: its headers are ignored.
    get_from(srv, "127.0.0.2", "/robots.txt?p=3", {"X-Forwarded-For": "203.0.113.6"})
    time.sleep(0.2)
    eq(log_clients(srv, "/robots.txt"), ["203.0.113.5", "198.51.100.9", "127.0.0.2"])


def test_secure_cookie_and_hsts_with_an_https_base_url(srv):
    c = srv.client()
    r = c.get("/login")
    eq(r.headers.get("strict-transport-security"), "max-age=31536000")
    r = c.post("/login", {"login": "office", "password": "gongkai-demo-2026"})
    eq(r.status, 303)
    cookies = r.headers.get("set-cookie", [])
    ok(any(v.startswith("gk_session=") and "; Secure" in v for v in cookies), repr(cookies))


def serve_on(srv, listen):
    env = dict(os.environ)
    env["GONGKAI_KEY"] = "0f" * 32
    p = subprocess.Popen([BIN, "serve", "--db", srv.db, "--listen", listen, "--threads", "2"],
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    seen = ""
    for _ in range(20):
        line = p.stderr.readline().decode()
        seen += line
        m = re.search(r":(\d+)/ with", line)
        if m:
            return p, int(m.group(1))
        if not line:
            break
    p.kill()
    p.wait()
    raise AssertionError("no port in %r" % seen)


def http_get(family, host, port):
    s = socket.socket(family)
    s.settimeout(10)
    s.connect((host, port))
    s.sendall(b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    data = s.recv(100)
    s.close()
    return int(data.split(b" ", 2)[1])


def test_listens_on_ipv6_and_dual_stack(srv):
    p, port = serve_on(srv, "[::1]:0")
    try:
        eq(http_get(socket.AF_INET6, "::1", port), 200)
    finally:
        p.terminate()
        eq(p.wait(timeout=20), 0)
    p, port = serve_on(srv, "*:0")
    try:
        eq(http_get(socket.AF_INET6, "::1", port), 200)
        eq(http_get(socket.AF_INET, "127.0.0.1", port), 200)
    finally:
        p.terminate()
        eq(p.wait(timeout=20), 0)


def test_forwarded_client_in_flight_cap(srv):
    """Behind the proxy the connection cap cannot see clients, so requests
    in flight are capped per forwarded client: 32 unfinished POSTs from one
    client are held, the 33rd is answered 429; another client is served."""
    socks = []
    for _ in range(33):
        s = socket.create_connection(("127.0.0.1", srv.port), timeout=10)
        s.sendall(("POST /login HTTP/1.1\r\nHost: x\r\nX-Forwarded-For: 203.0.113.99\r\n"
                   "Content-Type: application/x-www-form-urlencoded\r\n"
                   "Content-Length: 1000\r\n\r\nlogin=a").encode())
        socks.append(s)
    time.sleep(0.5)
    last = socks[-1]
    data = last.recv(200)
    ok(data.startswith(b"HTTP/1.1 429"), repr(data[:40]))
    eq(get_from(srv, "127.0.0.1", "/robots.txt", {"X-Forwarded-For": "203.0.113.98"}), 200)
    for s in socks:
        s.close()
