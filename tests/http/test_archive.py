"""test_archive.py — transfer to archives (移送, Art. 25) end to end: a
document with an attachment goes through the review chain on the staff
pages and is published; `gongkai archive export` writes the year's
documents, manifest and ledger segment; `gongkai archive verify` accepts
the export and refuses it after one byte of a file inside it changes."""
import datetime
import json
import os
import re
import struct
import zlib

from harness import contains, eq, ok


def png_1x1():
    """A valid 1x1 PNG (attachments must be PDF, DOCX, XLSX or images)."""
    def chunk(kind, data):
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b""))


def publish_one(srv, title, body, attachment):
    d = srv.client()
    d.login("drafter")
    today = (datetime.datetime.utcnow() + datetime.timedelta(hours=8)).strftime("%Y-%m-%d")
    r = d.post("/staff/docs/new", {"title": title, "doc_number": "宁卫发〔2026〕3号",
                                   "signed_date": today, "formed_date": today,
                                   "mode": "proactive", "genre": "通知", "body": body,
                                   "org_id": "1"}, csrf_from="/staff/docs/new")
    eq(r.status, 303, r.text[:300])
    did = int(re.search(r"/staff/docs/(\d+)", r.headers["location"]).group(1))
    page = "/staff/docs/%d" % did
    r = d.post(page + "/attachments", {}, files={"file": attachment}, csrf_from=page)
    ok(r.status in (200, 303), "attach: %d %s" % (r.status, r.text[:300]))
    eq(d.post(page + "/submit", {}, csrf_from=page).status, 303)
    for login, step in (("depthead", "dept-review"), ("secrecy", "secrecy-review"),
                        ("leader", "approval")):
        c = srv.client()
        c.login(login)
        r = c.post(page + "/" + step, {"action": "pass", "opinion": "同意", "confirm": "1"},
                   csrf_from=page)
        eq(r.status, 303, "%s: %s" % (login, r.text[:400]))
    return did, today[:4]


def test_archive_export_verify_and_tamper(srv):
    did, year = publish_one(srv, "关于做好2026年政务公开工作的通知",
                            "各单位：\n\n请按要求做好政务公开工作。",
                            ("附件1：任务分工图.png", png_1x1(), "image/png"))
    out = os.path.join(srv.dir, "archive-%s" % year)
    rc, so, se = srv.gongkai("archive", "export", "--org", "znwsj", "--year", year,
                             "--out", out, "--db", srv.db)
    eq(rc, 0, se)
    # Every document of the bureau published this year (the demo has some).
    n = srv.sql("SELECT count(*) FROM doc d JOIN org o ON o.id=d.org_id"
                " WHERE o.slug='znwsj' AND d.state='published'"
                " AND substr(d.published_date,1,4)=?", (year,))[0][0]
    contains(so, "%d documents" % n)
    man = json.load(open(os.path.join(out, "manifest.json"), encoding="utf-8"))
    eq(man["year"], int(year))
    eq(len(man["documents"]), n)
    doc = [d for d in man["documents"] if d["title"] == "关于做好2026年政务公开工作的通知"][0]
    eq(doc["title"], "关于做好2026年政务公开工作的通知")
    ok(doc["index_number"].startswith("453629012/"), doc["index_number"])
    csv = open(os.path.join(out, "manifest.csv"), encoding="utf-8").read()
    contains(csv, doc["index_number"])
    rc, so, se = srv.gongkai("archive", "verify", out)
    eq(rc, 0, se)
    contains(so, "archive verified: %d documents" % n)
    # Change one byte of the attachment: verification fails and says which.
    att = [f for f in doc["files"] if "/attachments/" in f][0]
    path = os.path.join(out, att)
    data = open(path, "rb").read()
    open(path, "wb").write(data[:-1] + bytes([data[-1] ^ 1]))
    rc, so, se = srv.gongkai("archive", "verify", out)
    eq(rc, 1)
    contains(se, "文件已被改动")
    contains(se, att)
    open(path, "wb").write(data)
    eq(srv.gongkai("archive", "verify", out)[0], 0)
    # An existing output directory is refused; a bad year is a usage error.
    eq(srv.gongkai("archive", "export", "--org", "znwsj", "--year", year, "--out", out,
                   "--db", srv.db)[0], 1)
    eq(srv.gongkai("archive", "export", "--org", "znwsj", "--year", "20x6", "--out",
                   out + "-2", "--db", srv.db)[0], 2)


def test_workplan_progress_evidence_links_a_published_document(srv):
    idx, did = srv.sql("SELECT index_number, id FROM doc WHERE state='published'"
                       " AND title='关于做好2026年政务公开工作的通知'")[0]
    tid = srv.sql("SELECT t.id FROM workplan_task t JOIN workplan w ON w.id=t.plan_id"
                  " JOIN org o ON o.id=w.org_id WHERE o.slug='znwsj' ORDER BY t.id")[0][0]
    nprog = srv.sql("SELECT count(*) FROM workplan_progress")[0][0]
    c = srv.client()
    c.login("office")
    page = "/staff/tasks/%d" % tid
    r = c.post(page, {"note": "已印发通知", "evidence": "453629012/1999-99999",
                      "reported_on": "2026-01-05"}, csrf_from=page)
    eq(r.status, 422)
    contains(r.text, "本单位已发布文件的索引号")
    r = c.post(page, {"note": "已印发通知", "evidence": idx, "reported_on": "2026-01-05",
                      "done": "1"}, csrf_from=page)
    eq(r.status, 303)
    r = c.get(page)
    contains(r.text, 'href="/o/znwsj/d/%d"' % did)
    contains(r.text, "关于做好2026年政务公开工作的通知")
    contains(r.text, "2026-01-05")
    eq(srv.sql("SELECT count(*) FROM workplan_progress")[0][0], nprog + 1)
