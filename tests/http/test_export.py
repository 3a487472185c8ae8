"""test_export.py — `gongkai export-site` writes the same bytes the server
sends, rewrites only what changed, and removes pages no longer public."""
import html
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


EXT = {"application/pdf": ".pdf",
       "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
       "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ".xlsx",
       "image/png": ".png", "image/jpeg": ".jpg", "image/gif": ".gif", "image/webp": ".webp"}


def test_export_writes_attachments_of_published_documents_as_files(srv):
    out = os.path.join(srv.dir, "site-att")
    rc, stdout, err = srv.gongkai("export-site", "--db", srv.db, "--out", out)
    eq(rc, 0, err)
    rows = srv.sql(
        "SELECT o.slug, t.id, d.state, b.mime, t.filename, d.id FROM doc_attachment t"
        " JOIN doc d ON d.id=t.doc_id JOIN org o ON o.id=d.org_id"
        " JOIN attachment_blob b ON b.sha256=t.sha256 ORDER BY t.id")
    published = [(slug, aid, EXT[mime], name, doc)
                 for slug, aid, state, mime, name, doc in rows if state == "published"]
    ok(published, "demo has published attachments")
    c = srv.client()
    for slug, aid, ext, name, doc in published:
        # The document page links the file with its type's extension and
        # offers its name for the download.
        page = c.get("/o/%s/d/%d" % (slug, doc)).text
        contains(page, 'href="/o/%s/a/%d%s" download="%s"' % (slug, aid, ext, html.escape(name)))
        path = "/o/%s/a/%d%s" % (slug, aid, ext)
        r = c.get(path)
        eq(r.status, 200, path)
        eq(r.body, c.get("/o/%s/a/%d" % (slug, aid)).body, "the old URL still works")
        contains(r.headers.get("content-disposition", ""), "filename*=UTF-8''")
        f = os.path.join(out, "o", slug, "a", "%d%s" % (aid, ext))
        ok(os.path.isfile(f), "%s is a plain file with its extension" % path)
        eq(read(f), r.body, path)
        wrong = ".png" if ext != ".png" else ".pdf"
        eq(c.get("/o/%s/a/%d%s" % (slug, aid, wrong)).status, 404, "wrong extension")
    for slug, aid, state, mime, _name, _doc in rows:
        if state != "published":
            ok(not os.path.exists(os.path.join(out, "o", slug, "a", "%d%s" % (aid, EXT[mime]))),
               "attachment %d of a %s document exported" % (aid, state))
    # Only pages become index.html.
    for root, _dirs, files in os.walk(os.path.join(out, "o")):
        if os.path.basename(os.path.dirname(root)) == "a":
            ok(False, "attachment exported as a directory: %s" % root)
    with open(os.path.join(out, ".gongkai-export"), encoding="utf-8") as fh:
        manifest = fh.read().split("\n")
    for slug, aid, ext, _name, _doc in published:
        ok("o/%s/a/%d%s" % (slug, aid, ext) in manifest, "manifest lists attachment %d" % aid)


def test_export_refuses_without_out(srv):
    rc, _, err = srv.gongkai("export-site", "--db", srv.db)
    eq(rc, 2)
    contains(err, "--out")


def test_paged_lists_are_exported_as_files(srv):
    # Enough documents for three pages of the organisation's list (20 a page).
    path = os.path.join(srv.dir, "paged.jsonl")
    rc, _, err = srv.gongkai("bench-gen", "docs", "--n", "45", "--seed", "11", "--out", path)
    eq(rc, 0, err)
    rc, _, err = srv.gongkai("docs", "import", "--db", srv.db, "--org", "zn-cdc", path)
    eq(rc, 0, err)
    c = srv.client()
    first = c.get("/o/zn-cdc/docs").text
    contains(first, 'href="/o/zn-cdc/docs/page/2"')
    p2 = c.get("/o/zn-cdc/docs/page/2")
    eq(p2.status, 200)
    contains(p2.text, 'href="/o/zn-cdc/docs"')        # previous page is the list itself
    contains(p2.text, 'href="/o/zn-cdc/docs/page/3"')
    eq(c.get("/o/zn-cdc/docs/page/4").status, 404)   # no page past the end (issue 15)
    eq(c.get("/o/zn-cdc/docs/page/1").status, 404)   # page 1 has one URL only
    out = os.path.join(srv.dir, "site-paged")
    rc, _, err = srv.gongkai("export-site", "--db", srv.db, "--out", out)
    eq(rc, 0, err)
    for n in (2, 3):
        rel = "o/zn-cdc/docs/page/%d/index.html" % n
        eq(read(os.path.join(out, rel)), c.get("/o/zn-cdc/docs/page/%d" % n).body, rel)
    ok(not os.path.exists(os.path.join(out, "o/zn-cdc/docs/page/4/index.html")))
