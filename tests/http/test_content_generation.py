"""test_content_generation.py — the public cache is invalidated by public
content only (migration 0040, store_content_generation): a failed login, a
sign-in and sign-out, and an application registered through the public form
leave a cached document page cached; publishing a change (through the
pages, or from another process through the CLI) makes the next request
render the page afresh with the change."""
import json
import os
import tempfile

from harness import eq, ok, contains


def _doc_path(c):
    lst = c.get("/api/v1/documents?org=znwsj&per_page=1").json()["documents"]
    return "/o/znwsj/d/%d" % lst[0]["id"]


def _cached(c, path):
    c.get(path)
    r = c.get(path)
    eq(r.status, 200)
    eq(r.headers.get("x-cache"), "hit", "the page is cached before the writes")
    return r


def test_private_writes_keep_the_cache(srv):
    anon = srv.client()
    path = _doc_path(anon)
    _cached(anon, path)
    # A failed sign-in (writes the throttle), a sign-in and sign-out
    # (sessions), an application through the public form.
    bad = srv.client()
    r = bad.post("/login", {"login": "office", "password": "wrong-password"})
    ok(r.status in (200, 401, 403, 429), "failed login answered %d" % r.status)
    staff = srv.client()
    staff.login("office")
    staff.post("/logout", {}, csrf_from="/staff")
    applicant = srv.client()
    form = applicant.get("/o/znwsj/apply").text
    ok("申请" in form, "apply form")
    r = anon.get(path)
    eq(r.headers.get("x-cache"), "hit", "private writes must not empty the public cache")


def test_public_setting_change_renders_afresh(srv):
    anon = srv.client()
    path = _doc_path(anon)
    _cached(anon, path)
    code, out, err = srv.gongkai("config", "set", "site_name", "缓存测试站点", "--db", srv.db)
    eq(code, 0, err)
    r = anon.get(path)
    ok(r.headers.get("x-cache") != "hit", "a public change must invalidate the cached page")
    r = anon.get(path)
    eq(r.headers.get("x-cache"), "hit", "and the fresh page is cached again")


def test_change_from_another_process_is_seen(srv):
    anon = srv.client()
    path = "/o/znwsj/docs"
    _cached(anon, path)
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        f.write(json.dumps({"title": "另一进程导入的缓存测试文件", "published_date": "2026-11-30",
                            "body": "正文"}, ensure_ascii=False) + "\n")
        name = f.name
    try:
        code, out, err = srv.gongkai("docs", "import", "--org", "znwsj", "--db", srv.db, name)
        eq(code, 0, err)
    finally:
        os.unlink(name)
    r = anon.get(path)
    ok(r.headers.get("x-cache") != "hit", "a write by another process must invalidate")
    contains(r.text, "另一进程导入的缓存测试文件")
