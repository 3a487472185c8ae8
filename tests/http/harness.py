"""harness.py — black-box HTTP tests against the real gongkai binary.

Each test module defines functions named test_*(srv) that take a Server.
tests/http/run.py starts ONE server per module on 127.0.0.1 (a free port)
over a fresh database made with `gongkai init` + `gongkai demo`, runs the
module's tests in file order, and prints one line per test and a closing
line `http: N passed, N failed`.

    def test_login_wrong_password(srv):
        c = srv.client()
        r = c.post("/login", {"login": "office", "password": "bad"})
        eq(r.status, 401)
        ok(not c.has_session())

Client: a cookie jar and a CSRF helper.  c.get(path), c.post(path, fields,
files=None, csrf=True, origin=True) — post() fetches the CSRF token from
the cookie/page automatically (it GETs `csrf_from` or the path first when
it has none).  r.status, r.headers (dict, lower-case names), r.body (bytes),
r.text (str), r.json().  c.login(login, password=DEMO_PASSWORD).

With GK_TEST_PG set (make check-pg) the database is a new schema on that
PostgreSQL server instead of a file (srv.db is then a connection string).

A module may set SERVE_ARGS (a list) for extra `gongkai serve` options, e.g.
a shortened --request-timeout or --trusted-proxy.

srv.sql(query, params=()) reads or changes the server's database on either
backend (SQLite file or PostgreSQL schema) and returns a list of row tuples;
`?` marks a parameter.  Prefer the CLI and the API: srv.sql is for the
state no public interface shows (a stored column, a backdated deadline).
A document's body is read as gk_text(body) (stored packed on SQLite,
migration 0104; both backends have the function).

srv.gongkai(*args) runs the CLI against the server's database and returns
(exit status, stdout, stderr).  The binary is $GONGKAI_BIN (default
./gongkai); the build under test for ASan is build/asan/gongkai.
"""
import atexit
import gzip
import http.client
import json
import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.parse
import uuid

DEMO_PASSWORD = "gongkai-demo-2026"
BIN = os.environ.get("GONGKAI_BIN", "./gongkai")


class TestFailure(AssertionError):
    pass


def ok(cond, msg="condition is false"):
    if not cond:
        raise TestFailure(msg)


def eq(got, want, msg=""):
    if got != want:
        raise TestFailure("%sgot %r, want %r" % (msg + ": " if msg else "", got, want))


def contains(text, needle, msg=""):
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    if needle not in text:
        snippet = text[:400].replace("\n", " ")
        raise TestFailure("%sexpected %r in %r…" % (msg + ": " if msg else "", needle, snippet))


def not_contains(text, needle, msg=""):
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    if needle in text:
        raise TestFailure("%sdid not expect %r" % (msg + ": " if msg else "", needle))


LABEL = re.compile(r' data-label="[^"]*"')


class Response:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.body = body

    @property
    def text(self):
        return self.body.decode("utf-8", "replace")

    @property
    def plain(self):
        """The text without the phone labels of table cells (data-label,
        added to every cell of a card table by web/table_cards.c): for
        tests that read a table's cells."""
        return LABEL.sub("", self.text)

    def json(self):
        return json.loads(self.body.decode("utf-8"))

    def __repr__(self):
        return "<Response %d %s>" % (self.status, self.text[:200])


class Client:
    def __init__(self, srv):
        self.srv = srv
        self.cookies = {}

    def has_session(self):
        return "gk_session" in self.cookies

    def _cookie_header(self):
        return "; ".join("%s=%s" % kv for kv in self.cookies.items())

    def request(self, method, path, body=None, headers=None):
        h = {"Host": "127.0.0.1:%d" % self.srv.port}
        if self.cookies:
            h["Cookie"] = self._cookie_header()
        if headers:
            h.update(headers)
        conn = http.client.HTTPConnection("127.0.0.1", self.srv.port, timeout=30)
        try:
            conn.request(method, path, body=body, headers=h)
            resp = conn.getresponse()
            data = resp.read()
            hdrs = {}
            for k, v in resp.getheaders():
                k = k.lower()
                if k == "set-cookie":
                    self._store_cookie(v)
                    hdrs.setdefault(k, []).append(v)
                else:
                    hdrs[k] = v
            if hdrs.get("content-encoding") == "gzip":
                data = gzip.decompress(data)
            return Response(resp.status, hdrs, data)
        finally:
            conn.close()

    def _store_cookie(self, v):
        first = v.split(";")[0]
        name, _, value = first.partition("=")
        if "max-age=0" in v.lower() or value == "":
            self.cookies.pop(name.strip(), None)
        else:
            self.cookies[name.strip()] = value.strip()

    def get(self, path, headers=None):
        return self.request("GET", path, headers=headers)

    def csrf(self, page="/login"):
        """The token forms must carry: fetched from a page's hidden field."""
        r = self.get(page)
        m = re.search(r'name="_csrf" value="([^"]+)"', r.text)
        ok(m, "no CSRF field on %s (status %d)" % (page, r.status))
        return m.group(1)

    def post(self, path, fields=None, files=None, csrf=True, origin=True,
             csrf_from=None, headers=None):
        fields = dict(fields or {})
        if csrf and "_csrf" not in fields:
            fields["_csrf"] = self.csrf(csrf_from or ("/staff" if self.has_session() else "/login"))
        h = dict(headers or {})
        if origin:
            h.setdefault("Origin", "http://127.0.0.1:%d" % self.srv.port)
        if files:
            boundary = "----gk" + uuid.uuid4().hex
            parts = []
            for k, v in fields.items():
                vals = v if isinstance(v, list) else [v]
                for one in vals:
                    parts.append(("--%s\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n"
                                  % (boundary, k)).encode() + str(one).encode("utf-8") + b"\r\n")
            for k, (fname, data, ctype) in files.items():
                parts.append(("--%s\r\nContent-Disposition: form-data; name=\"%s\"; filename=\"%s\"\r\n"
                              "Content-Type: %s\r\n\r\n" % (boundary, k, fname, ctype)).encode("utf-8")
                             + data + b"\r\n")
            body = b"".join(parts) + ("--%s--\r\n" % boundary).encode()
            h["Content-Type"] = "multipart/form-data; boundary=" + boundary
        else:
            pairs = []
            for k, v in fields.items():
                for one in (v if isinstance(v, list) else [v]):
                    pairs.append((k, one))
            body = urllib.parse.urlencode(pairs).encode()
            h["Content-Type"] = "application/x-www-form-urlencoded"
        return self.request("POST", path, body=body, headers=h)

    def login(self, login, password=DEMO_PASSWORD):
        r = self.post("/login", {"login": login, "password": password})
        eq(r.status, 303, "login %s" % login)
        self.login_name = login
        ok(self.has_session(), "no session cookie after login")
        return r


def free_port():
    """A port that was free a moment ago (for programs that cannot pick
    their own; gongkai serve can: see serve())."""
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


SERVING_RE = re.compile(rb"gongkai: serving http://[^ ]*:(\d+)/ with")


def serve(db, logf, log_path, args, env, host="127.0.0.1", port=0):
    """Starts `gongkai serve --db DB --listen HOST:PORT ARGS` writing to the
    open file logf (path log_path) and waits for its "serving" line; returns
    (process, port).  Port 0 lets the server bind a free port itself and
    print it, so suites running side by side (tests/run_all.sh runs two
    lanes) never race between picking a port and binding it, and a probe
    never reaches another suite's server.  A fixed port that is taken
    (a restart whose port went to another program meanwhile) falls back
    to 0.  Raises RuntimeError with the log's tail when the server exits
    or does not start in 20 s."""
    for attempt in (port, 0) if port else (0,):
        logf.flush()
        start = os.path.getsize(log_path)
        proc = subprocess.Popen(
            [BIN, "serve", "--db", db, "--listen", "%s:%d" % (host, attempt)] + list(args),
            stdout=logf, stderr=logf, env=env)
        deadline = time.time() + 20
        while time.time() < deadline:
            with open(log_path, "rb") as f:
                f.seek(start)
                m = SERVING_RE.search(f.read())
            if m:
                return proc, int(m.group(1))
            if proc.poll() is not None:
                break
            time.sleep(0.02)
        else:
            proc.kill()
            proc.wait()
            raise RuntimeError("server did not start")
        with open(log_path, "rb") as f:
            f.seek(start)
            tail = f.read().decode("utf-8", "replace")
        if attempt == 0 or "cannot listen" not in tail:
            raise RuntimeError("server exited: " + tail[-2000:])
    raise RuntimeError("server did not start")


def _pg_literal(v):
    """A Python value as a PostgreSQL literal (tests only: the values are
    the tests' own)."""
    if v is None:
        return "NULL"
    if isinstance(v, bool):
        return "TRUE" if v else "FALSE"
    if isinstance(v, int):
        return "%d::bigint" % v  # the type of every id and count column
    if isinstance(v, float):
        return repr(v)
    if isinstance(v, bytes):
        return "'\\x%s'::bytea" % v.hex()
    return "'" + str(v).replace("'", "''") + "'"


def _pg_inline(query, params):
    """Replaces each `?` outside quotes with the next parameter's literal."""
    out, it, quote = [], iter(params), None
    for ch in query:
        if quote:
            quote = None if ch == quote else quote
            out.append(ch)
        elif ch in "'\"":
            quote = ch
            out.append(ch)
        elif ch == "?":
            out.append(" %s " % _pg_literal(next(it)))  # never glued to a word
        else:
            out.append(ch)
    return "".join(out)


_zstd = None


def gk_text(v):
    """The store's SQL function gk_text() (src/store/sqlite_textpack.c) for
    srv.sql on SQLite: a text stored packed (one zstd frame as a BLOB,
    migration 0104) as its text, anything else as it is.  PostgreSQL has
    gk_text() as the identity (schema/pg/0104).  The CLI tests register it
    on their own connections (tests/cli/test_ledger.sh)."""
    global _zstd
    if not isinstance(v, bytes):
        return v
    import ctypes
    import ctypes.util
    if _zstd is None:
        z = ctypes.CDLL(ctypes.util.find_library("zstd") or "libzstd.so.1")
        z.ZSTD_getFrameContentSize.restype = ctypes.c_ulonglong
        z.ZSTD_getFrameContentSize.argtypes = [ctypes.c_char_p, ctypes.c_size_t]
        z.ZSTD_decompress.restype = ctypes.c_size_t
        z.ZSTD_decompress.argtypes = [ctypes.c_char_p, ctypes.c_size_t,
                                      ctypes.c_char_p, ctypes.c_size_t]
        _zstd = z
    n = _zstd.ZSTD_getFrameContentSize(v, len(v))
    if n > 64 << 20:
        raise ValueError("stored text is corrupt")
    out = ctypes.create_string_buffer(max(n, 1))
    if _zstd.ZSTD_decompress(out, n, v, len(v)) != n:
        raise ValueError("stored text is corrupt")
    return out.raw[:n].decode()


def sql(db, query, params=()):
    """Runs one statement on the database `db` (a SQLite path, or a
    PostgreSQL connection string under GK_TEST_PG); returns the rows as a
    list of tuples (empty for a statement without result).  Changes are
    committed at once."""
    if not os.environ.get("GK_TEST_PG"):
        import sqlite3
        con = sqlite3.connect(db, timeout=30)
        con.create_function("gk_text", 1, gk_text, deterministic=True)
        try:
            rows = con.execute(query, tuple(params)).fetchall()
            con.commit()
            return rows
        finally:
            con.close()
    q = _pg_inline(query.strip().rstrip(";"), params)
    head = q.lstrip().split(None, 1)[0].upper()
    reads = head in ("SELECT", "WITH", "VALUES") or " RETURNING " in q.upper()
    if reads:
        # json (not jsonb) keeps the columns in order, duplicates included.
        q = "WITH gk_q AS (%s) SELECT coalesce(json_agg(gk_q), '[]') FROM gk_q" % q
    p = subprocess.run(["psql", db, "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1",
                        "-c", q], capture_output=True)
    if p.returncode != 0:
        raise RuntimeError("psql: %s\n%s" % (p.stderr.decode(errors="replace"), q))
    if not reads:
        return []
    # Booleans as SQLite gives them (0/1), so a test reads both alike.
    cell = lambda v: int(v) if isinstance(v, bool) else v
    return json.loads(p.stdout.decode() or "[]",
                      object_pairs_hook=lambda kv: tuple(cell(v) for _, v in kv))


def pg_drop_db(db):
    """Drops the database a fresh_db() --db value names (after its module:
    the suite's cluster stays small)."""
    m = re.search(r" dbname=(gkd_[0-9a-f]+)$", db)
    if m:
        _pg_admin("DROP DATABASE IF EXISTS %s WITH (FORCE)" % m.group(1))


def _pg_admin(statement):
    subprocess.run(["psql", os.environ["GK_TEST_PG"], "-X", "-q", "-v", "ON_ERROR_STOP=1",
                    "-c", statement], check=True, capture_output=True)


# demo flag -> (--db value or file of the template, admin password)
_TEMPLATES = {}


def _make_template(demo):
    """`gongkai init` (and `demo`) once per run and binary: they are most of
    a module's set-up (about 1.5 CPU-seconds each, several on PostgreSQL or
    under ASan), and every module and every principal of the authorisation
    matrix starts from the same database anyway."""
    env = dict(os.environ, GONGKAI_KEY="0f" * 32)
    if os.environ.get("GK_TEST_PG"):
        name = "gkt_" + uuid.uuid4().hex[:16]
        _pg_admin("CREATE DATABASE " + name)
        atexit.register(_pg_admin, "DROP DATABASE IF EXISTS %s WITH (FORCE)" % name)
        db = "%s dbname=%s" % (os.environ["GK_TEST_PG"], name)
    else:
        d = tempfile.mkdtemp(prefix="gk-template-")
        atexit.register(shutil.rmtree, d, True)
        db = os.path.join(d, "gk.db")
    steps = [["init", "--db", db]] + ([["demo", "--db", db]] if demo else [])
    password = None
    for argv in steps:
        p = subprocess.run([BIN] + argv, capture_output=True, env=env)
        if p.returncode != 0:
            raise RuntimeError("%s failed: %s" % (argv[0], p.stderr.decode("utf-8", "replace")))
        m = re.search(r"password: (\S+)", p.stdout.decode("utf-8", "replace"))
        password = password or (m.group(1) if m else None)
    return db, password


def fresh_db(directory, demo=True):
    """A new database as `gongkai init` (and `demo`) leave it, as a copy of
    this run's template: a file copy in `directory` for SQLite, a database
    made with CREATE DATABASE ... TEMPLATE under GK_TEST_PG.  Returns the
    --db value and the administrator's first password."""
    if demo not in _TEMPLATES:
        _TEMPLATES[demo] = _make_template(demo)
    tdb, password = _TEMPLATES[demo]
    if os.environ.get("GK_TEST_PG"):
        name = "gkd_" + uuid.uuid4().hex[:16]
        _pg_admin("CREATE DATABASE %s TEMPLATE %s" % (name, tdb.rsplit("dbname=", 1)[1]))
        return "%s dbname=%s" % (os.environ["GK_TEST_PG"], name), password
    db = os.path.join(directory, "gk.db")
    shutil.copy2(tdb, db)  # with its mode (0600); init and demo left no -wal file
    return db, password


class Server:
    """A gongkai server over a fresh demo database, for one test module."""

    def __init__(self, demo=True, extra_args=()):
        self.extra_args = list(extra_args)
        self.dir = tempfile.mkdtemp(prefix="gk-http-")
        self.db, self.admin_password = fresh_db(self.dir, demo)
        self.log = os.path.join(self.dir, "serve.log")
        self.port = None  # the first start lets the server pick a free port
        self.proc = None
        self.start()

    def start(self):
        self.logf = open(self.log, "ab")
        env = dict(os.environ)
        env["GONGKAI_KEY"] = "0f" * 32
        args = ["--threads", "2", "--max-body-mb", "2"] + self.extra_args
        self.proc, self.port = serve(self.db, self.logf, self.log, args, env,
                                     port=self.port or 0)

    def alive(self):
        return self.proc.poll() is None

    def stop(self):
        """SIGTERM and wait; returns the exit status."""
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.logf.close()
        return self.proc.returncode

    def client(self):
        return Client(self)

    def gongkai(self, *args, input=None):
        env = dict(os.environ)
        env["GONGKAI_KEY"] = "0f" * 32
        p = subprocess.run([BIN] + list(args), capture_output=True, input=input, env=env)
        return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")

    def sql(self, query, params=()):
        """Rows of `query` on this server's database, either backend (see
        sql() above)."""
        return sql(self.db, query, params)

    def log_text(self):
        with open(self.log, "rb") as f:
            return f.read().decode("utf-8", "replace")

    def raw(self, data, read=True):
        """Sends raw bytes on a new connection; returns what came back."""
        s = socket.create_connection(("127.0.0.1", self.port), timeout=5)
        try:
            try:
                if data:
                    s.sendall(data)
                if read:
                    s.shutdown(socket.SHUT_WR)
            except OSError:
                # The server closed before taking it all (a request larger
                # than its header memory); read what it answered, if any.
                pass
            if not read:
                return b""
            chunks = []
            while True:
                try:
                    b = s.recv(65536)
                except socket.timeout:
                    break
                except OSError:
                    # Reset with our bytes unread (as above).
                    break
                if not b:
                    break
                chunks.append(b)
            return b"".join(chunks)
        finally:
            s.close()
