"""Hostile requests against the HTTP layer (issue 12, items 1-5): broken
multipart bodies, bodies larger than a route allows, and what must survive
them.  Raw sockets where http.client would tidy the request up."""
import re
import socket
import uuid

from harness import contains, eq, ok
from lookup import app_count

APPLY = "/o/znwsj/apply"


def origin(srv):
    return "http://127.0.0.1:%d" % srv.port


def raw_post(srv, path, body, ctype, extra=b"", cookies=None):
    """POST a raw body on a fresh connection; returns (status, text)."""
    head = ("POST %s HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nOrigin: %s\r\n"
            "Content-Type: %s\r\nContent-Length: %d\r\nConnection: close\r\n"
            % (path, srv.port, origin(srv), ctype, len(body))).encode()
    if cookies:
        head += ("Cookie: %s\r\n" % cookies).encode()
    data = srv.raw(head + extra + b"\r\n" + body)
    ok(data, "no answer at all (server crashed?)")
    status = int(data.split(b" ", 2)[1])
    return status, data.decode("utf-8", "replace")


def multipart(parts):
    """parts: list of raw part byte strings (headers CRLF CRLF body)."""
    b = "gkhostile" + uuid.uuid4().hex
    body = b"".join(b"--" + b.encode() + b"\r\n" + p + b"\r\n" for p in parts)
    return body + b"--" + b.encode() + b"--\r\n", "multipart/form-data; boundary=" + b


def field(name, value):
    return ('Content-Disposition: form-data; name="%s"\r\n\r\n' % name).encode() + value.encode()


BROKEN_PARTS = {
    "no Content-Disposition": b"Content-Type: text/plain\r\n\r\nhello",
    "attachment disposition": b'Content-Disposition: attachment; filename="a.txt"\r\n\r\nhello',
    "no headers at all": b"\r\nhello",
    "unquoted name": b"Content-Disposition: form-data; name=x\r\n\r\nhello",
    "empty name": b'Content-Disposition: form-data; name=""\r\n\r\nhello',
}


def test_multipart_parts_without_a_name_answer_400(srv):
    """Each of these used to add a parameter with a NULL name; the CSRF
    check's req_param() then crashed the whole server."""
    for path in ("/login", "/track", APPLY, "/o/znwsj/messages"):
        for what, part in BROKEN_PARTS.items():
            body, ctype = multipart([field("login", "office"), part, field("_csrf", "x" * 43)])
            status, text = raw_post(srv, path, body, ctype)
            eq(status, 400, "%s %s" % (path, what))
            contains(text, "表单", "%s %s" % (path, what))
            ok(srv.alive(), "server died on %s %s" % (path, what))
    eq(srv.client().get("/").status, 200)


def count_apps(srv):
    """The bureau's register as the read API shows it (every submission
    here goes to the bureau)."""
    return app_count(srv, "znwsj")


def id_number(body17):
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return body17 + "10X98765432"[sum(int(c) * k for c, k in zip(body17, w)) % 11]


def apply_fields(c):
    tok = c.csrf(APPLY)
    return [field("_csrf", tok), field("applicant_type", "natural_person"),
            field("name", "马建国"), field("id_kind", "resident_id"),
            field("id_number", id_number("64052119850312123")), field("phone", "13995551234"),
            field("address", "宁夏中宁县宁安镇东街12号"), field("info_title", "采购目录"),
            field("info_description", "县卫健局制定的采购目录全文"), field("form", "paper"),
            field("delivery", "post")]


def bad_file(name_bytes):
    return (b'Content-Disposition: form-data; name="attachment"; filename="' + name_bytes
            + b'"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 test')


def test_bad_file_names_answer_400_and_store_nothing(srv):
    before = count_apps(srv)
    for what, name in (("NUL", b"a\x00b.pdf"), ("CR", b"a\rb.pdf"), ("LF", b"a\nb.pdf"),
                       ("control", b"a\x01b.pdf")):
        c = srv.client()
        body, ctype = multipart(apply_fields(c) + [bad_file(name)])
        status, text = raw_post(srv, APPLY, body, ctype,
                                cookies="gk_csrf=" + c.cookies.get("gk_csrf", ""))
        eq(status, 400, what)
        contains(text, "文件名", what)
    eq(count_apps(srv), before, "an application was stored")


def test_well_formed_application_is_stored(srv):
    """The control: the same form with a good file name is accepted, so the
    400s above are about the names, not the form."""
    before = count_apps(srv)
    c = srv.client()
    body, ctype = multipart(apply_fields(c) + [bad_file("身份证.pdf".encode())])
    status, text = raw_post(srv, APPLY, body, ctype,
                            cookies="gk_csrf=" + c.cookies.get("gk_csrf", ""))
    eq(status, 303, "accepted")   # redirected to the result page (issue 15)
    eq(count_apps(srv), before + 1)


def test_truncated_multipart_answers_400(srv):
    before = count_apps(srv)
    c = srv.client()
    body, ctype = multipart(apply_fields(c) + [bad_file(b"ok.pdf")])
    body = body[: body.rindex(b"--gkhostile")]          # no closing delimiter
    status, text = raw_post(srv, APPLY, body, ctype,
                            cookies="gk_csrf=" + c.cookies.get("gk_csrf", ""))
    eq(status, 400)
    eq(count_apps(srv), before)


def test_server_still_answers(srv):
    eq(srv.client().get("/").status, 200)
    s = socket.create_connection(("127.0.0.1", srv.port), timeout=5)
    s.close()


# ---- Item 2: the body limit is decided before the body is read ----------

def vmrss_kb(srv):
    with open("/proc/%d/status" % srv.proc.pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise AssertionError("no VmRSS")


def open_unfinished_post(srv, path, length, send, cookies=None):
    """Starts a POST announcing `length` body bytes and sends `send` of them."""
    s = socket.create_connection(("127.0.0.1", srv.port), timeout=10)
    head = ("POST %s HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nOrigin: %s\r\n"
            "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: %d\r\n"
            % (path, srv.port, origin(srv), length))
    if cookies:
        head += "Cookie: %s\r\n" % cookies
    s.sendall(head.encode() + b"\r\n")
    chunk = b"a=" + b"x" * 65534
    sent = 0
    try:
        while sent < send:
            s.sendall(chunk)
            sent += len(chunk)
    except OSError:
        pass   # refused early: the server closed the connection
    return s


def read_status(s):
    data = b""
    try:
        while b"\r\n" not in data:
            b = s.recv(4096)
            if not b:
                break
            data += b
    except OSError:
        pass
    ok(data.startswith(b"HTTP/1."), "no status line: %r" % data[:80])
    return int(data.split(b" ", 2)[1])


def test_anonymous_unfinished_uploads_are_refused_early(srv):
    """60 anonymous POSTs to a staff upload page that never finish their
    1.9 MB bodies: each is answered 401 before its body is read, and the
    server's memory does not grow by their size (the old server buffered
    every one)."""
    before = vmrss_kb(srv)
    socks = [open_unfinished_post(srv, "/staff/docs/new", 1900 * 1024, 1024 * 1024)
             for _ in range(60)]
    grown = vmrss_kb(srv) - before
    for s in socks:
        eq(read_status(s), 401)
        s.close()
    ok(grown < 30 * 1024, "RSS grew by %d kB" % grown)


def test_signed_in_without_permission_refused_before_the_body(srv):
    c = srv.client()
    c.login("inspector")
    s = open_unfinished_post(srv, "/staff/docs/new", 1900 * 1024, 128 * 1024,
                             cookies="gk_session=" + c.cookies["gk_session"])
    eq(read_status(s), 403)
    s.close()


def test_public_form_limit_is_small(srv):
    """A public form (sign-in) announcing more than its 64 KiB is answered
    413 with the message, although --max-body-mb is 2."""
    c = srv.client()
    tok = c.csrf("/login")
    body = ("_csrf=%s&login=office&password=" % tok).encode() + b"x" * (100 * 1024)
    status, text = raw_post(srv, "/login", body, "application/x-www-form-urlencoded",
                            cookies="gk_csrf=" + c.cookies.get("gk_csrf", ""))
    eq(status, 413)
    contains(text, "提交的内容超过大小限制")


# ---- libmicrohttpd's own answers (requests it refuses before gongkai) ----

def mhd_refusals(srv):
    """(what, raw request, status) for each refusal libmicrohttpd 0.9.75
    makes itself, before any callback of gongkai's sees a request."""
    host = "Host: 127.0.0.1:%d\r\n" % srv.port
    return [
        ("header block over 32 KiB", ("GET / HTTP/1.1\r\n" + host + "X-Pad: " + "a" * 40000
                                      + "\r\n\r\n").encode(), 431),
        ("request line over 32 KiB", ("GET /" + "a" * 40000 + " HTTP/1.1\r\n" + host
                                      + "\r\n").encode(), 414),
        ("HTTP/1.1 without Host", b"GET / HTTP/1.1\r\n\r\n", 400),
        ("HTTP version 2.0 on a plain socket", ("GET / HTTP/2.0\r\n" + host
                                                + "\r\n").encode(), 505),
        ("HTTP version 0.9", ("GET / HTTP/0.9\r\n" + host + "\r\n").encode(), 505),
        ("header line without colon", ("GET / HTTP/1.1\r\n" + host + "Broken\r\n\r\n")
         .encode(), 400),
        ("Content-Length not a number", ("POST /track HTTP/1.1\r\n" + host
                                         + "Content-Length: abc\r\n\r\n").encode(), 400),
        ("Content-Length beyond 64 bits", ("POST /track HTTP/1.1\r\n" + host
                                           + "Content-Length: 99999999999999999999999\r\n\r\n")
         .encode(), 413),
        ("broken chunk size", ("POST /track HTTP/1.1\r\n" + host + "Transfer-Encoding: "
                               "chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n").encode(), 400),
        ("chunk size beyond 64 bits", ("POST /track HTTP/1.1\r\n" + host + "Transfer-Encoding: "
                                       "chunked\r\n\r\nFFFFFFFFFFFFFFFFFF\r\nabc\r\n0\r\n\r\n")
         .encode(), 413),
    ]


def test_libmicrohttpd_refusals_are_chinese_pages_of_the_site(srv):
    """A citizen never sees libmicrohttpd's fixed English pages ("Your HTTP
    request was syntactically incorrect."): each refusal it makes itself is
    a Chinese page with the site's header and footer (http/mhd_pages.c)."""
    for what, data, status in mhd_refusals(srv):
        raw = srv.raw(data)
        ok(raw, "%s: no answer" % what)
        head = raw.partition(b"\r\n\r\n")[0]
        eq(int(head.split(b" ", 2)[1]), status, what)
        # Without Host and with a Content-Length that is not a number,
        # libmicrohttpd 0.9.75 writes the status line and headers twice
        # (its own bug, docs/security.md): the page follows the second.
        ok(b"<!DOCTYPE html>" in raw, "%s: no page in %r" % (what, raw[:300]))
        text = raw[raw.index(b"<!DOCTYPE html>"):].decode("utf-8", "replace")
        # What a person reads (the title and the text between the tags):
        # not a word of English.
        shown = re.sub(r"<[^>]*>", " ", re.sub(r"<head>.*?<title>|</title>.*?</head>", " ",
                                               text, flags=re.S))
        english = re.findall(r"[A-Za-z]{2,}", shown)
        eq(english, [], "%s: English words in %r" % (what, shown[:300]))
        contains(text, '<html lang="zh-CN"', what)
        contains(text, "返回首页", what)
        contains(text, "政府信息公开条例", what)     # the site's footer
        ok(re.search(r"<h1>[^<]*[\u4e00-\u9fff]", text), "%s: no Chinese heading" % what)
        hl = head.decode("latin-1").lower()
        contains(hl, "content-type: text/html; charset=utf-8", what)
        contains(hl, "x-content-type-options: nosniff", what)
        ok(srv.alive(), "server died on %s" % what)
    eq(srv.client().get("/").status, 200)
