"""hostile_gen.py — a seeded black-box generator of hostile requests over
every route of the route table (src/http/routes.c), and its oracle.

For each route and method it builds requests as an anonymous visitor, as
signed-in staff (a valid session, CSRF token and same-origin headers) and,
on /api/ routes, with an API token, and varies one thing at a time:
malformed, huge, negative and overflowing path captures; percent-encoding
edge cases (%00, overlong and invalid UTF-8, lone surrogates); repeated,
missing and giant form fields; multipart bodies with broken boundaries;
wrong Content-Type; chunked bodies; Range and If-* headers; query strings
with thousands of parameters; Host/Origin/Referer oddities; JSON bodies
that are not what the API expects; HEAD, OPTIONS and unknown methods.

The oracle, for every answer:
  - the server is still running and its log has no sanitizer report;
  - no 5xx, except 503 (overload, stated in Chinese);
  - no raw SQL/C error text or internal identifier in the body;
  - every 4xx carries a Chinese message (a HEAD answer has no body).

Everything follows from the seed (random.Random(seed)): the same seed
sends the same requests in the same order.  test_hostile_routes.py runs a
bounded sample in `make check`; a longer campaign runs this file directly:

    GONGKAI_BIN=build/asan/gongkai python3 tests/http/hostile_gen.py \
        --seed 1 --rounds 20 [--port 19100] [--only PATTERN] [--logins a,b]

and prints one line per distinct finding (kind, method, route, variant)
with its first request.
"""
import gzip
import os
import random
import re
import socket
import sys
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
ROUTES_C = os.path.join(ROOT, "src", "http", "routes.c")

ROUTE_LINE = re.compile(r'^\s*\{\s*([GP](?:\s*\|\s*[GP])?)\s*,\s*"([^"]+)"\s*,\s*(\w+)\s*,'
                        r'\s*(PERM_\w+)\s*,\s*([^,]+?)\s*,\s*"', re.M)

# Parameter names the handlers and the actions read (req_param*, AppParams).
PARAMS = ("_csrf action address after applicant_type art20 asof at attachment audience "
          "basis body box c catalogue_item category cell channel channel_text co_depts code "
          "columns confirm contact contact_person content csv day decision decision_text "
          "delegate delivery dept dept_id dept_name description dir doc doc_number docx done "
          "dry_run due_on email event_day evidence exclude f fax file filter findings "
          "follow_up follow_up_due form format formed_date found_at frequency genre held_on "
          "id_kind id_number import index_template info_description info_doc_number info_title "
          "inspected_on item key keywords kind lead_dept leader legal_ground level level1 "
          "level2 limit list login lookup mode month name new new2 next nid note "
          "notice_contact notice_prefix number office_hours old opinion org org_code org_id "
          "outcome p page parent_id password people per_page phone postcode preview "
          "procurement_amount publish publisher purpose pyear q reason received_on reg_no "
          "rel_kind rel_q related_id remove replaced_by_id reply reply_days report report_kind "
          "requires_interpretation responsible review review_organ s1 s5 s6 scope sent seq "
          "sessions short_name signed_date size skip_bad_rows slug sort source state strict "
          "sub subject subtree summary tab target text tier time_limit title to uscc validity "
          "validity_date value which withdraw withheld_ground year answer_day count handler_id "
          "n_days on_day review_id limit_day op method result filed_on decided_on case_no "
          "notified other_organ other_organ_contact _once").split()

# Hostile values for a path capture (already in URL form).
CAPTURES = ["2", "3", "40", "1000", 
    "0", "-1", "-0", "+1", "01", "1.0", "1e3", "0x10", "1abc", "abc", "%20%201",
    "9223372036854775807", "9223372036854775808", "-9223372036854775808",
    "-9223372036854775809", "18446744073709551616", "99999999999999999999999999999",
    "2147483647", "2147483648", "-2147483649", "4294967296",
    "%00", "1%00", "%001", "%2e%2e", "..", ".", "%2F", "1%2F2", "%C0%AE%C0%AE", "%C0%80",
    "%ED%A0%80", "%ED%BF%BF", "%F4%90%80%80", "%FF%FE", "%E4%B8", "%E2%80%AE1",
    "%", "%z", "%4", "%%", "%u0031", "%EF%BC%91", "%D9%A1", "1;select", "1'", '1"',
    "<script>", "a" * 300, "9" * 2000, "%41" * 3000, "x" * 9000, "%0d%0aX-A:%20b",
    "1%09", "%7B%7D", "NaN", "inf", "-inf", "1e309", "0.0000001", "\u4e2d".encode().hex(),
    "%E4%B8%AD%E6%96%87", "1+1", "1,2", "~1", "%E0%80%B1",
]

# Hostile values for a field or query parameter (str or bytes, raw: the
# encoder percent-encodes them unless the variant sends them raw).
VALUES = [
    "", " ", "0", "-1", "1", "9223372036854775807", "9223372036854775808",
    "-9223372036854775809", "99999999999999999999999999999999", "1e309", "NaN", "-0",
    "2026-02-30", "2026-13-01", "0000-00-00", "9999-12-31", "-2026-01-01", "2026-1-1",
    "1900-01-01", "+002026-01-01", "2026-01-01T00:00:00Z", "20260101",
    b"\x00", b"a\x00b", b"\xc0\xae", b"\xc0\x80", b"\xed\xa0\x80", b"\xed\xbf\xbf",
    b"\xf4\x90\x80\x80", b"\xff\xfe", b"\xe4\xb8", b"\xe2\x80\xae", b"\x1b[31m", b"\r\n",
    "'; DROP TABLE doc; --", "\" OR 1=1 --", "<script>alert(1)</script>", "${7*7}", "%s%n%x",
    "../../../etc/passwd", "javascript:alert(1)", "//evil.example/", "http://evil.example/",
    "\\\\evil", "中" * 5000, "a" * 70000, "9" * 400, "1,2,3", "true", "null", "[]", "{}",
    "/staff", "/login?next=//x", "/\t/evil.example", "/\\evil", "/%2F/evil", "\ufeff", "\u200b", "\U0001f600" * 50, "\u0085",
]

# Parameters whose value is one of a fixed set of internal codes.
CHOICE_PARAMS = ["f", "filter", "list", "sort", "tab", "kind", "state", "scope", "format",
                 "form", "mode", "which", "outcome", "validity", "channel", "level", "op",
                 "rel_kind", "report_kind", "tier", "audience", "genre", "category", "dir",
                 "source", "target", "action", "result", "frequency", "applicant_type"]

# Redirect targets that must never lead off the site.
REDIRECTS = ["//evil.example/", "/\t/evil.example/", "/\n/evil.example", "/\\evil.example",
             "/\t\\evil.example", "http://evil.example/", "https:evil.example", "/%2F/evil",
             "\t//evil.example", " //evil.example", "/\u3000/evil", "javascript:alert(1)",
             "/staff\r\nSet-Cookie: x=1", "/.//evil", "/\x0b/evil", "/\x0c/evil"]

# Values that pass the edge check (valid UTF-8, no control characters) and
# reach the handlers' own rules: ids of other records and organisations,
# numbers at the edges of their types, odd but well-formed dates, long or
# structured text.
PLAUSIBLE = [
    "0", "1", "2", "3", "5", "7", "12", "40", "99", "100", "1000", "65535", "2147483647",
    "2147483648", "4294967295", "9223372036854775807", "-1", "-2147483648", "1.5", "-0.01",
    "1e2", "0001", " 1 ", "1970-01-01", "2100-12-31", "2024-02-29", "2025-02-29", "2026-12-07",
    "2026-12-31", "1999-01-01", "2026-01-01 08:00", "2026年1月1日", "today", "x", "中",
    "中" * 200, "中" * 3000, "a\nb\r\nc", "# 标题\n\n* 一\n* 二\n\n|a|b|\n|-|-|\n|1|2|",
    "[链接](javascript:alert(1))", "![图](http://evil.example/x.png)", "**" * 500,
    "`" * 300, "> " * 400, "\u3000", "１２３", "一二三", "1,000", "100%", "&amp;", "&#0;",
    "/\t/evil.example/", "/ /evil", "/\u3000/x", "/\u202e/x", "on", "yes", "true", "false", "none", "draft", "published", "approved", "all",
    "znwsj", "zn-hospital", "../znwsj", "(1)", "null", "undefined", "NaN", "Infinity",
    "2026", "1900", "9999", "10000", "0-0", "1-1", "A" * 64, "a" * 255, "a" * 256,
]

METHODS_ODD = ["HEAD", "OPTIONS", "PUT", "DELETE", "PATCH", "TRACE", "CONNECT", "FOO",
               "get", "PROPFIND", "G\x01T"]

# Text that must never reach a client: raw SQL / C / sanitizer errors.
LEAK = re.compile(r"(?i)sqlite|constraint failed|no such (table|column)|syntax error near|"
                  r"\(null\)|segmentation|assertion|AddressSanitizer|runtime error|"
                  r"libpq|duplicate key|PERM_[A-Z]|ROUTE_[A-Z]|errno|std::|\bstmt_|"
                  r"database is locked|near \"")
# A Location a browser follows to this site only: one "/", then no "/" or
# "\\", and no character a URL parser drops or stops at.
SAME_SITE = re.compile(r"^/(?![/\\])[^\x00-\x20\x7f\\]*$")
BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
# An internal identifier in a message meant for a person (snake_case).
IDENT = re.compile(r"\b[a-z][a-z0-9]*_[a-z0-9_]+\b")
CJK = re.compile(r"[\u4e00-\u9fff]")
SANITIZER = ("ERROR: AddressSanitizer", "runtime error:", "LeakSanitizer")


HEADERS = [
    ("Range", "bytes=0-0"), ("Range", "bytes=-1"), ("Range", "bytes=999999999999-"),
    ("Range", "bytes=5-1"), ("Range", "bytes=0-1,2-3,4-5"), ("Range", "bytes=" + "0-," * 3000),
    ("Range", "bytes=-99999999999999999999"), ("Range", "items=0-1"),
    ("If-None-Match", '"' + "a" * 5000 + '"'), ("If-None-Match", "*"),
    ("If-None-Match", 'W/"x", "y", ' * 200), ("If-Modified-Since", "Thu, 01 Jan 1970 00:00:00 GMT"),
    ("If-Modified-Since", "garbage"), ("If-Modified-Since", "Fri, 31 Dec 99999 23:59:59 GMT"),
    ("If-Match", "*"), ("If-Unmodified-Since", "x"), ("If-Range", '"x"'),
    ("Host", ""), ("Host", "evil.example"), ("Host", "127.0.0.1:99999999999"),
    ("Host", "a" * 6000), ("Host", "[::1"), ("Host", "中文.example"),
    ("Origin", "null"), ("Origin", "http://evil.example"), ("Origin", ""),
    ("Origin", "http://127.0.0.1:1.evil"), ("Origin", "\x01"),
    ("Referer", "http://evil.example/"), ("Referer", "x" * 7000), ("Referer", "%00"),
    ("Cookie", "gk_session=" + "A" * 4000), ("Cookie", "gk_session=%00"),
    ("Cookie", "gk_session=; gk_session=x"), ("Cookie", "=;=;=;" * 500),
    ("Cookie", "gk_csrf=" + "b" * 200), ("Cookie", "gk_flash=" + "%FF" * 100),
    ("Authorization", "Bearer "), ("Authorization", "Bearer " + "g" * 5000),
    ("Authorization", "Bearer gk_" + "0" * 40), ("Authorization", "Basic Og=="),
    ("Authorization", "Bearer gk_" + "f" * 39 + "\x00"),
    ("Accept-Encoding", "gzip;q=0, *;q=0"), ("Accept-Encoding", "gzip, " * 1000),
    ("Accept-Language", "zh;q=NaN," * 300), ("Accept", "*/*;q=" + "9" * 400),
    ("X-Forwarded-For", "1.2.3.4, " * 500), ("X-Real-IP", "::ffff:999.1.1.1"),
    ("X-CSRF-Token", "x" * 8000), ("X-Request-Id", "\x7f" * 100),
    ("Content-Length", "-1"), ("Content-Length", "99999999999999999999"),
    ("Content-Length", "1, 2"), ("Expect", "100-continue"), ("Expect", "bogus"),
    ("Transfer-Encoding", "gzip, chunked"), ("Transfer-Encoding", "identity"),
    ("Connection", "keep-alive, Upgrade"), ("Upgrade", "websocket"),
    ("X-" + "h" * 8000, "1"), ("Bad Header", "1"), ("\x00", "1"),
]

# Headers that make libmicrohttpd wait for a body the request never sends
# (a GET declaring one): the answer is the connection's deadline, not
# gongkai's; the bounded sample leaves them out.  (A transfer coding other
# than chunked is refused at once since the second attacker's review:
# server.c framing_conflict.)
MHD_WAITS = [("Content-Length", "99999999999999999999"), ("Expect", "100-continue")]


def load_routes(path=ROUTES_C):
    """[(methods, pattern, perm, flags)] from the route table source."""
    with open(path, encoding="utf-8") as f:
        src = f.read()
    out = []
    for m in ROUTE_LINE.finditer(src):
        methods = [x.strip() for x in m.group(1).split("|")]
        methods = ["GET" if x == "G" else "POST" for x in methods]
        out.append((methods, m.group(2), m.group(4), m.group(5)))
    return out


def q(v):
    """A field value percent-encoded for a URL or form body."""
    if isinstance(v, str):
        v = v.encode("utf-8")
    return urllib.parse.quote_from_bytes(v, safe="")


def b(v):
    return v if isinstance(v, bytes) else v.encode("utf-8")


class Req:
    """One request: method, path (already encoded), headers (list of
    pairs, sent as given) and body bytes."""

    def __init__(self, method, path, headers=None, body=b"", raw=None):
        self.method, self.path = method, path
        self.headers = list(headers or [])
        self.body = body
        self.raw = raw  # bytes sent verbatim instead of building

    def bytes(self, port):
        if self.raw is not None:
            return self.raw
        hs = self.headers
        names = {k.lower() for k, _ in hs}
        lines = [b"%s %s HTTP/1.1" % (b(self.method), b(self.path))]
        if "host" not in names:
            lines.append(b"Host: 127.0.0.1:%d" % port)
        for k, v in hs:
            lines.append(b(k) + b": " + b(v))
        if self.body and "content-length" not in names and "transfer-encoding" not in names:
            lines.append(b"Content-Length: %d" % len(self.body))
        lines.append(b"Connection: close")
        return b"\r\n".join(lines) + b"\r\n\r\n" + self.body

    def show(self, port, limit=600):
        s = self.bytes(port)
        text = s[:limit].decode("utf-8", "backslashreplace")
        return text + ("… (%d bytes)" % len(s) if len(s) > limit else "")


def send(port, data, timeout=10):
    """Sends data on a new connection, then ends the sending half (a
    request that promised more body than it sent fails at once instead of
    waiting for the server's deadline); returns (status, headers, body) or
    (None, {}, b"") when nothing usable came back."""
    s = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    chunks = []
    try:
        try:
            s.sendall(data)
            s.shutdown(socket.SHUT_WR)
        except OSError:
            pass
        while True:
            try:
                x = s.recv(65536)
            except (socket.timeout, OSError):
                break
            if not x:
                break
            chunks.append(x)
    finally:
        s.close()
    return parse_response(b"".join(chunks))


def parse_response(raw):
    # An interim answer (`100 Continue` to `Expect: 100-continue`, which
    # libmicrohttpd sends also for a GET) precedes the real one.
    while re.match(rb"HTTP/1\.[01] 1\d\d ", raw):
        raw = raw.partition(b"\r\n\r\n")[2]
    head, sep, body = raw.partition(b"\r\n\r\n")
    if not sep:
        return None, {}, raw
    lines = head.split(b"\r\n")
    m = re.match(rb"HTTP/1\.[01] (\d{3})", lines[0])
    if not m:
        return None, {}, raw
    hdrs = {}
    for ln in lines[1:]:
        k, _, v = ln.partition(b":")
        hdrs[k.strip().lower().decode("latin-1")] = v.strip().decode("latin-1")
    if "chunked" in hdrs.get("transfer-encoding", "").lower():
        out, rest = [], body
        while rest:
            size, _, rest = rest.partition(b"\r\n")
            try:
                n = int(size.split(b";")[0], 16)
            except ValueError:
                break
            if n == 0:
                break
            out.append(rest[:n])
            rest = rest[n + 2:]
        body = b"".join(out)
    if hdrs.get("content-encoding") == "gzip" and body:
        try:
            body = gzip.decompress(body)
        except OSError:
            pass
    return int(m.group(1)), hdrs, body


class Principal:
    """Who sends: anonymous, a signed-in user, or an API token."""

    def __init__(self, name, cookie=None, csrf=None, bearer=None, login=None):
        self.name, self.cookie, self.csrf, self.bearer, self.login = \
            name, cookie, csrf, bearer, login


def parse_form(html):
    """[(name, value)] a browser would submit from a form's inner HTML
    (text inputs, hidden fields, checked boxes, first/selected option,
    textareas; file inputs left out)."""
    out = []
    unesc = lambda v: (v.replace("&quot;", '"').replace("&lt;", "<")  # noqa: E731
                       .replace("&gt;", ">").replace("&#39;", "'").replace("&amp;", "&"))
    rx = re.compile(r'<input\b([^>]*)>|<select\b([^>]*)>(.*?)</select>|'
                    r'<textarea\b([^>]*)>(.*?)</textarea>', re.S)
    for m in rx.finditer(html):
        if m.group(1) is not None:
            tag, attrs, inner = "input", m.group(1), ""
        elif m.group(2) is not None:
            tag, attrs, inner = "select", m.group(2), m.group(3)
        else:
            tag, attrs, inner = "textarea", m.group(4), m.group(5)
        nm = re.search(r'\bname="([^"]*)"', attrs)
        if not nm:
            continue
        name = unesc(nm.group(1))
        ty = (re.search(r'\btype="([^"]*)"', attrs) or [None, "text"])[1]
        val = re.search(r'\bvalue="([^"]*)"', attrs)
        if tag == "input":
            if ty in ("file", "submit", "button", "image", "reset"):
                continue
            if ty in ("checkbox", "radio") and "checked" not in attrs:
                continue
            out.append((name, unesc(val.group(1)) if val else ("on" if ty == "checkbox" else "")))
        elif tag == "select":
            opts = re.findall(r'<option\b([^>]*)>([^<]*)', inner)
            pick = [o for o in opts if "selected" in o[0]] or opts[:1]
            if pick:
                ov = re.search(r'value="([^"]*)"', pick[0][0])
                out.append((name, unesc(ov.group(1) if ov else pick[0][1])))
        else:
            out.append((name, unesc(inner)))
    return out


def sign_in(srv, login):
    c = srv.client()
    c.login(login)
    token = c.csrf("/staff")
    return Principal(login, cookie=c._cookie_header(), csrf=token, login=login)


class Gen:
    """The generator over one server: srv is a harness.Server."""

    def __init__(self, srv, seed, only=None, logins=("office", "sysadmin")):
        self.srv = srv
        self.rng = random.Random(seed)
        self.routes = [r for r in load_routes() if not only or re.search(only, r[1])]
        from test_authz_matrix import Fill  # the demo records behind each capture
        self.fill = Fill(srv)
        m = re.search(r'/api/v1/datasets/([a-z0-9-]+\.(?:jsonl|csv))"',
                      srv.client().get("/api/v1/datasets").text)
        self.fill.v["dataset"] = m.group(1) if m else "x.csv"
        self.logins = logins
        self.report_slow = False  # wall-clock is information only
        self.quick = False  # leave out what only makes libmicrohttpd wait
        self.findings = {}
        self.sent = 0
        self.logpos = 0
        for name in ("application_rate_limit_per_hour", "message_rate_limit_per_hour"):
            srv.gongkai("config", "set", name, "100000", "--db", srv.db)
        rc, out, err = srv.gongkai("token", "add", "--org", "znwsj", "--name", "hostile",
                                   "--perms", "view_staff,app_handle,report_edit",
                                   "--db", srv.db)
        m = re.search(r"(gk_[0-9a-f]{40})", out)
        c = srv.client()
        tok = c.csrf("/login")  # an anonymous visitor's CSRF cookie and token
        self.principals = [Principal("anonymous", cookie=c._cookie_header(), csrf=tok)]
        for lg in logins:
            self.principals.append(sign_in(srv, lg))
        if m:
            self.principals.append(Principal("token", bearer=m.group(1)))

    # ---- building -------------------------------------------------------

    def concrete(self, pattern):
        try:
            path, _ = self.fill.path(pattern)
        except Exception:  # noqa: BLE001 — a capture the demo cannot fill
            path = re.sub(r"\{[^}]+\}", "1", pattern)
        return path

    def base(self, who, method, path, post_fields=None):
        """A well-formed request of `who`: headers + urlencoded body."""
        h = []
        if who.cookie:
            h.append(("Cookie", who.cookie))
        if who.bearer:
            h.append(("Authorization", "Bearer " + who.bearer))
        body = b""
        if method == "POST":
            h.append(("Origin", "http://127.0.0.1:%d" % self.srv.port))
            fields = list(post_fields or [])
            if who.csrf:
                fields.append(("_csrf", who.csrf))
            body = "&".join("%s=%s" % (q(k), q(v)) for k, v in fields).encode()
            h.append(("Content-Type", "application/x-www-form-urlencoded"))
        return Req(method, path, h, body)

    def variants(self, pattern, method, who):
        """[(variant name, Req)] for one route, method and principal."""
        rng = self.rng
        path = self.concrete(pattern)
        caps = re.findall(r"\{([^}]+)\}", pattern)
        out = []
        # 1. hostile captures (each capture of the pattern once).
        for cap in caps:
            v = rng.choice(CAPTURES)
            p = pattern
            for other in caps:
                p = p.replace("{%s}" % other, v if other == cap else
                              self.capture_value(pattern, other))
            out.append(("capture %s=%s" % (cap, v[:40]), self.base(who, method, p)))
        # 2. the literal path bent: percent-encoded letters, //, trailing /.
        bent = rng.choice([path + "/", path.replace("/", "//", 1), path + "%00",
                           path + "/..", path + "/%2e%2e/staff", path.upper(),
                           re.sub(r"([a-z])", lambda m: "%%%02X" % ord(m.group(1)), path, 1),
                           path + "?" + "&" * 50, path + "#frag", path + "%C0%AF"])
        out.append(("path %s" % bent[len(path):][:30] if bent.startswith(path) else "path bent",
                    self.base(who, method, bent)))
        # 3. query strings: thousands of parameters, repeated, odd names.
        out.append(self.query_variant(path, method, who))
        # 4. fields or JSON.
        if method == "POST":
            out.append(self.form_variant(path, who))
            out.append(self.body_variant(path, who))
            if pattern.startswith("/api/"):
                out.append(self.json_variant(path, who))
        # 5. headers.
        out.append(self.header_variant(path, method, who))
        # 6. another method.
        m = rng.choice(METHODS_ODD)
        r = self.base(who, "POST" if m in ("PUT", "PATCH") else "GET", path)
        r.method = m
        out.append(("method %s" % m, r))
        return out

    def capture_value(self, pattern, cap):
        path = self.concrete(pattern)
        # the value the matrix put for this capture: segment at its position
        segs = pattern.split("/")
        for i, s in enumerate(segs):
            if s == "{%s}" % cap:
                return path.split("/")[i] if i < len(path.split("/")) else "1"
        return "1"

    def query_variant(self, path, method, who):
        rng = self.rng
        kind = rng.choice(["many", "repeat", "hostile", "odd", "hostile", "hostile", "redirect",
                           "choice"])
        if kind == "choice":  # a parameter that names one of a fixed set
            qs = "%s=%s" % (rng.choice(CHOICE_PARAMS), rng.choice(["nonesuch", "ALL", "1", ""]))
        elif kind == "redirect":
            qs = "%s=%s&size=large" % (rng.choice(["next", "to", "dir", "back", "return"]),
                                       q(rng.choice(REDIRECTS)))
        elif kind == "many":
            n = rng.choice([100, 300] if self.quick else [100, 300, 3000])
            qs = "&".join("%s=%d" % (rng.choice(PARAMS), i) for i in range(n))
        elif kind == "repeat":
            k = rng.choice(PARAMS)
            qs = "&".join("%s=%s" % (k, q(rng.choice(VALUES))[:200]) for _ in range(50))
        elif kind == "odd":
            qs = rng.choice(["=", "&&&", "a", "=x", "%00=1", "p=%", "p=%zz", "q=%ED%A0%80",
                             "q=%C0%AE", "page=" + "9" * 40, "page=-1", "p=0", "q=" + "x" * 60000,
                             "p[]=1", "p=1&p=2", "%E4%B8=1", "q=%FF", "org=0", "org=-1",
                             "year=99999999999", "per_page=0", "per_page=100000",
                             "sort=%27", "f=%00", "next=//evil", "format=../../x"])
        else:
            ks = rng.sample(PARAMS, 4)
            qs = "&".join("%s=%s" % (k, q(rng.choice(VALUES + PLAUSIBLE))) for k in ks)
        return ("query %s" % kind, self.base(who, method, path + "?" + qs))

    def scrape(self, who, path):
        """[(name, value)] of the first form on the page at path (or its
        parent) whose action is path, with a fresh _once; None if none."""
        cands = [path.split("?")[0]]
        parts = cands[0].rstrip("/").split("/")
        for k in (1, 2):
            if len(parts) > k + 1:
                cands.append("/".join(parts[:-k]))
        hs = [("Cookie", who.cookie)] if who.cookie else []
        for page in cands:
            st, hd, body = send(self.srv.port, Req("GET", page, hs).bytes(self.srv.port))
            if st != 200:
                continue
            html = body.decode("utf-8", "replace")
            for fm in re.finditer(r'<form\b([^>]*)>(.*?)</form>', html, re.S):
                am = re.search(r'action="([^"]*)"', fm.group(1))
                action = (am.group(1) if am else page).replace("&amp;", "&")
                if action.split("?")[0] != path.split("?")[0]:
                    continue
                return parse_form(fm.group(2))
        return None

    def form_variant(self, path, who):
        rng = self.rng
        kind = rng.choice(["hostile", "hostile", "repeat", "giant", "names", "nocsrf",
                           "mutate", "mutate", "mutate", "mutate"])
        if kind == "mutate":
            fields = self.scrape(who, path) if not who.bearer else None
            if not fields:
                kind = "hostile"
            else:
                fields = [(k, v) for k, v in fields if k != "_csrf"]
                names = [k for k, _ in fields if k != "_once"] or ["x"]
                target = rng.choice(names)
                how = rng.choice(["value", "value", "value", "drop", "twice", "giant"])
                out = []
                for k, v in fields:
                    if k != target:
                        out.append((k, v))
                    elif how == "value":
                        out.append((k, rng.choice(PLAUSIBLE if rng.random() < 0.7 else VALUES)))
                    elif how == "twice":
                        out += [(k, v), (k, rng.choice(VALUES))]
                    elif how == "giant":
                        out.append((k, "长" * rng.choice([3000, 70000])))
                r = self.base(who, "POST", path, out)
                return ("form mutate %s %s" % (how, target), r)
        fields = []
        if kind == "hostile":
            for k in rng.sample(PARAMS, rng.randint(1, 12)):
                fields.append((k, rng.choice(VALUES + PLAUSIBLE)))
        elif kind == "repeat":
            k = rng.choice(PARAMS)
            fields = [(k, rng.choice(VALUES)) for _ in range(rng.choice([2, 20, 500]))]
        elif kind == "giant":
            k = rng.choice(PARAMS)
            fields = [(k, "x" * rng.choice([100000, 1000000, 1900000]))]
        elif kind == "names":
            fields = [(rng.choice(["", "\x00", "a" * 5000, "_csrf", "\ud800".encode(
                "utf-8", "surrogatepass"), "中文", "x[y]"]), "1")]
        r = self.base(who, "POST", path, fields)
        if kind == "nocsrf":
            r.body = b"title=x"
        return ("form %s" % kind, r)

    def body_variant(self, path, who):
        """Multipart with broken boundaries, wrong types, chunked."""
        rng = self.rng
        r = self.base(who, "POST", path)
        csrf = who.csrf or ""
        hs = [(k, v) for k, v in r.headers if k.lower() != "content-type"]
        kind = rng.choice(["mp-noboundary", "mp-wrongboundary", "mp-truncated", "mp-nested",
                           "mp-longboundary", "mp-hugefile", "mp-badheaders", "mp-ok-odd",
                           "ctype", "ctype", "chunked", "chunked-bad", "cl-mismatch",
                           "mp-manyparts"])
        bd = "gkB" + "%08x" % rng.getrandbits(32)
        part = lambda name, val, extra="": (  # noqa: E731
            "--%s\r\nContent-Disposition: form-data; name=\"%s\"%s\r\n\r\n" % (bd, name, extra)
        ).encode() + b(val) + b"\r\n"
        good = part("_csrf", csrf)
        if kind == "mp-noboundary":
            hs.append(("Content-Type", "multipart/form-data"))
            body = good + ("--%s--\r\n" % bd).encode()
        elif kind == "mp-wrongboundary":
            hs.append(("Content-Type", "multipart/form-data; boundary=other"))
            body = good + ("--%s--\r\n" % bd).encode()
        elif kind == "mp-truncated":
            hs.append(("Content-Type", "multipart/form-data; boundary=" + bd))
            body = good + part("title", "x" * 1000)[:rng.randint(5, 60)]
        elif kind == "mp-nested":
            hs.append(("Content-Type", "multipart/form-data; boundary=" + bd))
            body = good + ("--%s\r\nContent-Disposition: form-data; name=\"file\"; "
                           "filename=\"a.txt\"\r\nContent-Type: multipart/mixed; boundary=zz"
                           "\r\n\r\n--zz\r\n\r\nx\r\n--zz--\r\n--%s--\r\n" % (bd, bd)).encode()
        elif kind == "mp-longboundary":
            lb = "b" * rng.choice([70, 71, 200, 5000])
            hs.append(("Content-Type", "multipart/form-data; boundary=" + lb))
            body = ("--%s\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n%s\r\n--%s--"
                    "\r\n" % (lb, csrf, lb)).encode()
        elif kind == "mp-hugefile":
            hs.append(("Content-Type", "multipart/form-data; boundary=" + bd))
            fn = rng.choice(["a.pdf", "../../etc/passwd", "\x00.txt", "中" * 300 + ".docx",
                             "a" * 5000, "", "con", "a.txt\r\nX: y"])
            body = good + part(rng.choice(["file", "attachment", "csv", "docx", "report",
                                           "import", "evidence"]),
                               b"%PDF-1.4\n" + b"x" * rng.choice([10, 600000, 3000000]),
                               "; filename=\"%s\"" % fn) + ("--%s--\r\n" % bd).encode()
        elif kind == "mp-badheaders":
            hs.append(("Content-Type", "multipart/form-data; boundary=" + bd))
            body = good + ("--%s\r\nContent-Disposition: %s\r\n%s\r\n\r\nv\r\n--%s--\r\n" % (
                bd, rng.choice(["", "form-data", "form-data; name=", "form-data; name=\"",
                                "form-data; name*=UTF-8''%E4%B8%AD", "inline; name=\"a\"",
                                "form-data; name=\"a\"; filename*=UTF-8''%00"]),
                rng.choice(["", "Content-Type: text/plain; charset=gbk",
                            "Content-Transfer-Encoding: base64", "X" * 9000]), bd)).encode()
        elif kind == "mp-ok-odd":
            hs.append(("Content-Type", rng.choice([
                "multipart/form-data; boundary=\"%s\"" % bd, "MULTIPART/FORM-DATA; BOUNDARY=" + bd,
                "multipart/form-data; boundary=%s; charset=utf-8" % bd,
                "multipart/form-data;boundary=%s" % bd])))
            body = good + part(rng.choice(PARAMS), rng.choice(VALUES)) + \
                ("--%s--\r\n" % bd).encode()
        elif kind == "mp-manyparts":
            hs.append(("Content-Type", "multipart/form-data; boundary=" + bd))
            body = good + b"".join(part(rng.choice(PARAMS), "1") for _ in range(3000)) + \
                ("--%s--\r\n" % bd).encode()
        elif kind == "ctype":
            hs.append(("Content-Type", rng.choice([
                "text/plain", "application/json", "application/xml", "", "x/y; charset=utf-7",
                "application/x-www-form-urlencoded; charset=gbk", "multipart/mixed; boundary=x",
                "application/x-www-form-urlencoded\x00", "a" * 3000])))
            body = ("_csrf=%s&title=x" % csrf).encode()
        elif kind in ("chunked", "chunked-bad"):
            hs.append(("Content-Type", "application/x-www-form-urlencoded"))
            hs.append(("Transfer-Encoding", "chunked"))
            data = ("_csrf=%s&title=%s" % (csrf, "y" * rng.choice([1, 100, 70000]))).encode()
            if kind == "chunked":
                body = b"".join(b"%x\r\n%s\r\n" % (len(c), c) for c in
                                [data[i:i + 7] for i in range(0, len(data), 7)][:2000])
                body += b"0\r\n\r\n"
            else:
                body = rng.choice([b"zz\r\nabc\r\n0\r\n\r\n", b"ffffffffffffffff\r\nab\r\n",
                                   b"5\r\nabcdefgh\r\n0\r\n\r\n", b"-1\r\nx\r\n0\r\n\r\n",
                                   b"3;ext=" + b"e" * 9000 + b"\r\nabc\r\n0\r\n\r\n",
                                   b"3\r\nabc\r\n0\r\nX-Trailer: " + b"t" * 9000 + b"\r\n\r\n",
                                   b"3\r\nabc"])
        else:  # cl-mismatch: declares less than it sends
            hs.append(("Content-Type", "application/x-www-form-urlencoded"))
            body = ("_csrf=%s&title=xyz" % csrf).encode()
            hs.append(("Content-Length", str(max(0, len(body) - rng.randint(1, 10)))))
        return ("body %s" % kind, Req("POST", path, hs, body))

    def json_variant(self, path, who):
        rng = self.rng
        r = self.base(who, "POST", path)
        hs = [(k, v) for k, v in r.headers if k.lower() != "content-type"]
        hs.append(("Content-Type", "application/json"))
        k = rng.choice(PARAMS)
        body = rng.choice([
            b"", b"{", b"[]", b"null", b"1", b'"x"', b"{}" * 2, b"[" * 5000 + b"]" * 5000,
            b'{"a":' * 3000 + b"1" + b"}" * 3000, b'{"%s":null}' % b(k),
            b'{"%s":1e999}' % b(k), b'{"%s":-9223372036854775809}' % b(k),
            b'{"%s":"\\ud800"}' % b(k), b'{"%s":"\\u0000"}' % b(k), b'{"%s":[1,2]}' % b(k),
            b'{"%s":{"a":1}}' % b(k), b'{"%s":true}' % b(k), b'{"%s":"1","%s":"2"}' % (b(k), b(k)),
            b'{"\\u0000":1}', b"\xff\xfe{}", b'{"org_id":1,"channel":"' + b"x" * 100000 + b'"}',
            b'{"%s":"' % b(k) + b(rng.choice(VALUES)).replace(b'"', b"") + b'"}',
        ])
        return ("json", Req("POST", path, hs, body))

    def header_variant(self, path, method, who):
        rng = self.rng
        r = self.base(who, method, path)
        name, value = rng.choice([hv for hv in HEADERS if not (self.quick and hv in MHD_WAITS)])
        if name == "Host":
            r.headers = [("Host", value)] + r.headers
        else:
            r.headers.append((name, value))
        return ("header %s: %s" % (name, value[:30]), r)


    # ---- sending and judging --------------------------------------------

    def log_news(self):
        try:
            with open(self.srv.log, "rb") as f:
                f.seek(self.logpos)
                data = f.read()
                self.logpos += len(data)
        except OSError:
            return ""
        return data.decode("utf-8", "replace")

    def record(self, kind, method, pattern, variant, req, detail):
        key = (kind, method, pattern, variant.split(" ")[0] + " " +
               (variant.split(" ")[1] if " " in variant else ""))
        if key not in self.findings:
            self.findings[key] = (variant, req.show(self.srv.port), detail)

    def judge(self, pattern, method, variant, req, status, hdrs, body):
        text = body.decode("utf-8", "replace")
        if status is not None and "content-security-policy" not in hdrs:
            # Every answer carries the site's headers, also libmicrohttpd's
            # own refusals (a request line or header it cannot hold or
            # parse), which http/mhd_pages.c turns into the site's pages.
            self.record("no-site-headers", method, pattern, variant, req,
                        "%d %s" % (status, text[:300]))
            return
        if status is None:
            if not self.srv.alive():
                return  # judged by the caller (crash)
            # No HTTP answer: MHD closes on a request it cannot parse.
            return
        loc = hdrs.get("location")
        if loc is not None and not SAME_SITE.match(loc):
            self.record("redirect-off-site", method, pattern, variant, req, repr(loc)[:300])
        ctype = hdrs.get("content-type", "")
        if ctype.startswith(("text/", "application/json", "application/atom")):
            try:
                body.decode("utf-8")
            except UnicodeDecodeError as e:
                self.record("bad-utf8", method, pattern, variant, req,
                            "%d %r" % (status, body[max(0, e.start - 60):e.start + 20]))
            if BIDI.search(text):
                m = BIDI.search(text)
                self.record("bidi-out", method, pattern, variant, req,
                            "%d %r" % (status, text[max(0, m.start() - 60):m.end() + 20]))
        if status >= 500 and status != 503:
            self.record("5xx", method, pattern, variant, req, "%d %s" % (status, text[:300]))
        if status == 503 and not CJK.search(text):
            self.record("503-no-chinese", method, pattern, variant, req, text[:300])
        m = LEAK.search(text)
        if m and not hdrs.get("content-type", "").startswith(("application/vnd", "text/csv",
                                                               "application/zip", "application/pdf",
                                                               "application/octet")):
            ctx = text[max(0, m.start() - 80):m.end() + 80]
            self.record("leak", method, pattern, variant, req, "%d …%s…" % (status, ctx))
        if 400 <= status < 500:
            # Pages only: the API's messages may name its own parameters.
            msgs = re.findall(r'class="notice error"[^>]*>(.*?)</p>', text, re.S)
            for msg in msgs:
                m = IDENT.search(msg)
                if m:
                    self.record("identifier", method, pattern, variant, req,
                                "%d %s" % (status, msg[:300]))
        if 400 <= status < 500 and req.method != "HEAD" and not CJK.search(text):
            self.record("4xx-no-chinese", method, pattern, variant, req,
                        "%d %s" % (status, text[:300]))

    def one(self, pattern, method, variant, req):
        data = req.bytes(self.srv.port)
        self.sent += 1
        t0 = time.time()
        try:
            status, hdrs, body = send(self.srv.port, data)
        except OSError as e:
            status, hdrs, body = None, {}, str(e).encode()
        if time.time() - t0 > 8 and self.report_slow:
            self.record("slow", method, pattern, variant, req, "%.1f s, status %s" % (
                time.time() - t0, status))
        time.sleep(0)  # let the server write its log line
        news = self.log_news()
        if any(s in news for s in SANITIZER):
            i = min(news.find(s) for s in SANITIZER if s in news)
            self.record("sanitizer", method, pattern, variant, req, news[i:i + 3000])
        if not self.srv.alive():
            self.record("crash", method, pattern, variant, req, news[-3000:])
            self.srv.logf.close()
            self.srv.start()
            self.relogin()
            return
        self.judge(pattern, method, variant, req, status, hdrs, body)

    def relogin(self):
        for i, p in enumerate(self.principals):
            if p.login:
                self.principals[i] = sign_in(self.srv, p.login)

    def session_alive(self, p):
        if not p.login:
            return True
        st, hd, _ = send(self.srv.port, Req("GET", "/staff", [("Cookie", p.cookie)]).bytes(
            self.srv.port))
        return st == 200

    def run(self, rounds=1, budget_s=None, progress=False, sample=False, max_requests=None):
        """Sends `rounds` passes over every route × method × principal
        (sample=True: one principal per route and method, picked by the
        seed); stops after max_requests requests or budget_s seconds (the
        sample stays a prefix of the seeded sequence).  Returns the
        findings dict (also self.findings)."""
        t0 = time.time()
        routes = [r for r in self.routes if r[1] != "/logout"] + \
            [r for r in self.routes if r[1] == "/logout"]
        for rnd in range(rounds):
            for methods, pattern, perm, flags in routes:
                for method in methods:
                    whos = [(i, p) for i, p in enumerate(self.principals)
                            if not (p.bearer and not pattern.startswith("/api/"))
                            and not (p.login and pattern == "/logout")]
                    if sample:
                        whos = [self.rng.choice(whos)]
                    for i, who in whos:
                        who = self.principals[i]
                        for variant, req in self.variants(pattern, method, who):
                            self.one(pattern, method, variant, req)
                            if (budget_s and time.time() - t0 > budget_s) or \
                                    (max_requests and self.sent >= max_requests):
                                return self.findings
                        if who.login and not self.session_alive(who):
                            self.principals[i] = sign_in(self.srv, who.login)
            if progress:
                print("round %d: %d requests, %d findings" % (rnd + 1, self.sent,
                                                              len(self.findings)), flush=True)
        return self.findings

    def defects(self):
        """The findings (not wall-clock information)."""
        return {k: v for k, v in self.findings.items() if k[0] not in ("slow",)}


def report(findings):
    lines = []
    for (kind, method, pattern, vclass), (variant, req, detail) in sorted(findings.items()):
        lines.append("== %s %s %s [%s]\n-- request:\n%s\n-- detail:\n%s\n" % (
            kind, method, pattern, variant, req, detail[:1500]))
    return "\n".join(lines)


def main():
    import argparse
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--rounds", type=int, default=1)
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--only", default=None)
    ap.add_argument("--budget", type=float, default=None)
    ap.add_argument("--logins", default="office,sysadmin",
                    help="demo users to sign in as (comma-separated)")
    a = ap.parse_args()
    if a.port:
        harness.free_port = lambda: a.port
    srv = harness.Server()
    try:
        g = Gen(srv, a.seed, a.only, logins=a.logins.split(","))
        g.report_slow = True
        g.run(a.rounds, a.budget, progress=True)
    finally:
        rc = srv.stop()
    log = srv.log_text()
    for s in SANITIZER:
        if s in log:
            i = log.find(s)
            g.findings[("sanitizer-at-exit", "-", "-", "-")] = ("-", "-", log[i:i + 3000])
            break
    print(report(g.findings))
    print("hostile_gen: seed %d, %d requests, %d findings, exit %s, log %s" % (
        a.seed, g.sent, len(g.findings), rc, srv.log))


if __name__ == "__main__":
    main()
