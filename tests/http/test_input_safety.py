"""test_input_safety.py — issue 12 items 6-8 over HTTP: settings tied to
their readers, store results mapped to HTTP without SQLite's own text,
private database files; escaping once at output, control and bidi
characters refused at input, CSV formula cells neutralised; dates, index
numbers, titles and page numbers validated."""
import os
import re
import sqlite3
import stat

from harness import contains, eq, not_contains, ok


def db_count(srv, sql, *args):
    con = sqlite3.connect(srv.db, timeout=10)
    try:
        return con.execute(sql, args).fetchone()[0]
    finally:
        con.close()


def org_id(srv, slug):
    return db_count(srv, "SELECT id FROM org WHERE slug=?", slug)


def staff(srv, login):
    c = srv.client()
    c.login(login)
    return c


# ---- item 8: settings, store errors, file modes ---------------------------

def test_site_name_setting_is_read_by_the_page_chrome(srv):
    eq(srv.gongkai("config", "set", "site_name", "宁县政务公开", "--db", srv.db)[0], 0)
    r = srv.client().get("/")
    contains(r.text, "<title>")
    contains(r.text, "宁县政务公开</title>")
    contains(r.text, 'class="brand" href="/">宁县政务公开</a>')
    eq(srv.gongkai("config", "set", "site_name", "政府信息公开", "--db", srv.db)[0], 0)


def test_database_wal_and_backup_are_private(srv):
    srv.client().get("/")
    for path in (srv.db, srv.db + "-wal"):
        ok(os.path.exists(path), path)
        eq(stat.S_IMODE(os.stat(path).st_mode), 0o600, path)
    to = os.path.join(srv.dir, "backup.db")
    rc, out, err = srv.gongkai("backup", "--db", srv.db, "--to", to)
    eq(rc, 0, err)
    eq(stat.S_IMODE(os.stat(to).st_mode), 0o600, to)


def test_store_conflict_is_409_without_sqlite_text(srv):
    bureau = org_id(srv, "znwsj")
    c = staff(srv, "office")
    page = "/staff/workplans?org=%d" % bureau
    text = open("data/workplan_seed002.txt", encoding="utf-8").read()
    form = {"org": str(bureau), "pyear": "2018"}
    files = {"file": ("plan.txt", text.encode("utf-8"), "text/plain")}
    eq(c.post("/staff/workplans", form, files=files, csrf_from=page).status, 303)
    n = db_count(srv, "SELECT count(*) FROM workplan_task")
    r = c.post("/staff/workplans", form, files=files, csrf_from=page)
    eq(r.status, 409, r.text[:300])
    not_contains(r.text, "UNIQUE")
    not_contains(r.text, "constraint")
    eq(db_count(srv, "SELECT count(*) FROM workplan_task"), n)
