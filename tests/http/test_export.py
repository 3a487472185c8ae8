"""test_export.py — `gongkai export-site` writes the same bytes the server
sends, rewrites only what changed, and removes pages no longer public."""
import os

from harness import contains, eq, ok


def read(path):
    with open(path, "rb") as f:
        return f.read()


def test_export_matches_server_and_is_incremental(srv):
    out = os.path.join(srv.dir, "site")
    rc, stdout, err = srv.gongkai("export-site", "--db", srv.db, "--out", out)
    eq(rc, 0, err)
    contains(stdout, "0 unchanged")
    c = srv.client()
    for path, rel in (("/", "index.html"), ("/o/znwsj/guide", "o/znwsj/guide/index.html"),
                      ("/static/site.css", "static/site.css")):
        eq(read(os.path.join(out, rel)), c.get(path).body, path)
    rc, stdout, err = srv.gongkai("export-site", "--db", srv.db, "--out", out)
    eq(rc, 0, err)
    contains(stdout, " 0 written")
    # A change to one organisation rewrites its pages and the pages that list it.
    rc, _, err = srv.gongkai("org", "add", "--db", srv.db, "--name", "中宁县急救中心",
                             "--slug", "zn-ems", "--parent", "znwsj")
    eq(rc, 0, err)
    rc, stdout, err = srv.gongkai("export-site", "--db", srv.db, "--out", out)
    eq(rc, 0, err)
    ok(os.path.exists(os.path.join(out, "o/zn-ems/guide/index.html")))
    ok(" 0 written" not in stdout, stdout)


def test_export_refuses_without_out(srv):
    rc, _, err = srv.gongkai("export-site", "--db", srv.db)
    eq(rc, 2)
    contains(err, "--out")
