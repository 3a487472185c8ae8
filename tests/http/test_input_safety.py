"""test_input_safety.py — issue 12 items 6-8 over HTTP: settings tied to
their readers, store results mapped to HTTP without SQLite's own text,
private database files; escaping once at output, control and bidi
characters refused at input, CSV formula cells neutralised; dates, index
numbers, titles and page numbers validated."""
import os
import re
import stat

from harness import contains, eq, not_contains, ok
from lookup import org_id


def db_count(srv, sql, *args):
    """The first column of the first row of sql, either backend (counts
    and picks no page or command gives), None without rows."""
    rows = srv.sql(sql, args)
    return rows[0][0] if rows else None


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
    ok(re.search(r'class="brand" href="/">(<img[^>]*>)?宁县政务公开</a>', r.text), "brand")
    eq(srv.gongkai("config", "set", "site_name", "政府信息公开", "--db", srv.db)[0], 0)


def test_database_wal_and_backup_are_private(srv):
    srv.client().get("/")
    # The database's own files exist on SQLite only (on PostgreSQL the
    # server keeps them); the backup file is ours on both.
    for path in () if os.environ.get("GK_TEST_PG") else (srv.db, srv.db + "-wal"):
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


# ---- item 6: escaping once, controls refused at input ---------------------

def test_control_and_bidi_characters_refused_at_input(srv):
    c = srv.client()
    base = {"box": "message", "subject": "标题", "body": "内容", "name": "", "contact": ""}
    n = db_count(srv, "SELECT count(*) FROM message")
    for bad in ["标题\x01", "标题\x1b[31m", "\u202e文件exe.pdf", "a\u2066b", "a\x7fb"]:
        r = c.post("/o/znwsj/messages", dict(base, subject=bad), csrf_from="/o/znwsj/messages")
        eq(r.status, 400, repr(bad))
        ok(re.search("控制字符|方向控制符", r.text), r.text[-400:])
    # NUL in a query value is refused, not cut short.
    r = c.get("/o/znwsj/docs?q=%E5%8C%BB%00x")
    eq(r.status, 400)
    ok(re.search("空字符|控制字符", r.text), r.text[-300:])
    r = c.get("/o/znwsj/d/1%00")          # not cut short to /o/znwsj/d/1
    eq(r.status, 400)
    # Bytes that are not UTF-8.
    r = c.get("/search?q=%C3%28")
    eq(r.status, 400)
    contains(r.text, "UTF-8")
    eq(db_count(srv, "SELECT count(*) FROM message"), n)
    # Tab, newline and CRLF stay allowed; CRLF is stored as LF.
    r = c.post("/o/znwsj/messages", dict(base, subject="换行\t测试", body="第一行\r\n第二行\r第三行"),
               csrf_from="/o/znwsj/messages")
    eq(r.status, 303, r.text[-300:])
    eq(db_count(srv, "SELECT count(*) FROM message WHERE body=?", "第一行\n第二行\n第三行"), 1)


def test_access_log_lines_cannot_be_forged(srv):
    srv.client().get("/o/znwsj/%0a127.0.0.1%20GET%20/forged%20200")
    log = srv.log_text()
    ok(not any(line.startswith("127.0.0.1 GET /forged") for line in log.splitlines()),
       "forged log line")
    contains(log, "\\x0a127.0.0.1 GET /forged")


def test_extension_note_escaped_once(srv):
    office = staff(srv, "office")
    aid = db_count(srv, "SELECT id FROM application WHERE state NOT IN ('answered','closed')"
                        " AND org_id=? ORDER BY id LIMIT 1", org_id(srv, "znwsj"))
    ok(aid, "an open demo application")
    page = "/staff/applications/%d" % aid
    ext = {"kind": "extension", "on_day": "", "n_days": "20", "text": "R&D <dept>",
           "notified": "1"}
    m = re.search(r'name="on_day" value="([0-9-]+)"', office.get(page).text)
    ext["on_day"] = m.group(1) if m else ""
    r = office.post(page + "/event", ext, csrf_from=page)
    if r.status != 303:
        # The demo case may already have used its one extension.
        contains(r.text, "延期")
        return
    text = office.get(page).text
    contains(text, "R&amp;D &lt;dept&gt;")
    not_contains(text, "&amp;amp;")
    not_contains(text, "&amp;lt;")


def test_answer_letter_html_and_docx_escaped_once(srv):
    import io
    import zipfile
    aid = db_count(srv, "SELECT id FROM application WHERE outcome='results.granted'"
                        " AND delivery='post' ORDER BY id LIMIT 1")
    ok(aid, "a granted demo application sent by post")
    srv.sql("UPDATE application SET info_title='R&D <目录>', address='A&B 路 1 号'"
            " WHERE id=?", (aid,))
    office = staff(srv, "office")
    r = office.get("/staff/applications/%d/letter" % aid)
    eq(r.status, 200)
    contains(r.text, "R&amp;D &lt;目录&gt;")
    contains(r.text, "A&amp;B 路 1 号")
    not_contains(r.text, "&amp;amp;")
    r = office.get("/staff/applications/%d/letter.docx" % aid)
    eq(r.status, 200)
    doc = zipfile.ZipFile(io.BytesIO(r.body)).read("word/document.xml").decode("utf-8")
    contains(doc, "R&amp;D &lt;目录&gt;")
    contains(doc, "A&amp;B 路 1 号")
    not_contains(doc, "&amp;amp;")


def test_feed_stays_xml_and_csv_cells_are_neutralised(srv):
    import csv
    import io
    import xml.etree.ElementTree as ET
    doc = db_count(srv, "SELECT id FROM doc WHERE state='published' AND org_id=? ORDER BY id"
                        " LIMIT 1", org_id(srv, "znwsj"))
    # Data stored before input was checked: a control character, and a
    # title a spreadsheet would run.
    srv.sql("UPDATE doc SET title=? WHERE id=?", ("=HYPERLINK(\"http://x\")\x01", doc))
    c = srv.client()
    r = c.get("/o/znwsj/feed.atom")
    eq(r.status, 200)
    ET.fromstring(r.body)                  # raises when not well-formed
    r = c.get("/o/znwsj/documents.csv")
    eq(r.status, 200)
    cells = [cell for row in csv.reader(io.StringIO(r.text.lstrip("\ufeff"))) for cell in row]
    ok(not any(cell[:1] in ("=", "+", "@", "\t", "\r") for cell in cells), "formula cell")
    ok(any(cell.startswith("'=HYPERLINK") for cell in cells), "neutralised title")


def test_catalogue_import_refuses_formula_and_control_cells(srv):
    c = staff(srv, "office")
    bureau = org_id(srv, "znwsj")
    n = db_count(srv, "SELECT count(*) FROM catalogue_item")
    head = "序号,信息名称,内容描述,生成日期,公开时限,公开方式,责任部门\r\n"
    for bad in ['=cmd|" /C calc"!A0', "@SUM(1+1)", "+1+cmd|x", "名称\x01"]:
        body = (head + '1,"%s",描述,2024-01-01,20个工作日内,政府网站,办公室\r\n'
                % bad.replace('"', '""')).encode("utf-8")
        url = "/staff/catalogue/%d/import" % bureau
        r = c.post(url, {"list": "proactive"}, files={"file": ("c.csv", body, "text/csv")},
                   csrf_from=url)
        ok(400 <= r.status < 500, "%r: %d" % (bad, r.status))
        ok(re.search("公式|控制字符", r.text), r.text[-500:])
    eq(db_count(srv, "SELECT count(*) FROM catalogue_item"), n)


# ---- item 7: validation ---------------------------------------------------

def test_page_numbers_that_overflow_or_run_past_the_end_answer_404(srv):
    c = srv.client()
    for path in ["/o/znwsj/docs/page/461168601842738791", "/o/znwsj/docs/page/9223372036854775807",
                 "/o/znwsj/docs/page/999", "/o/znwsj/docs?page=999",
                 "/search?q=%E5%8C%BB%E9%99%A2&page=999"]:
        r = c.get(path)
        ok(r.status == 404, "%s: %d" % (path, r.status))
        contains(r.text, "页")
    eq(c.get("/o/znwsj/docs?page=-1").status, 400)
    office = staff(srv, "office")
    eq(office.get("/staff/docs?page=9999").status, 404)
    eq(office.get("/staff/docs?page=1").status, 200)


def test_document_dates_and_blank_titles_refused(srv):
    c = staff(srv, "drafter")
    n = db_count(srv, "SELECT count(*) FROM doc")
    base = {"title": "日期检查", "body": "正文", "mode": "proactive", "formed_date": "2026-01-05",
            "genre": "通知", "report_kind": "other"}
    cases = [({"signed_date": "1900-01-01"}, "成文日期超出合理范围"),
             ({"formed_date": "1949-09-30"}, "生成日期超出合理范围"),
             ({"signed_date": "2999-01-01"}, "成文日期超出合理范围"),
             ({"title": " \u3000\t "}, "标题不能为空")]
    for extra, msg in cases:
        r = c.post("/staff/docs/new", dict(base, **extra), csrf_from="/staff/docs/new")
        eq(r.status, 422, repr(extra))
        contains(r.text, msg)
    eq(db_count(srv, "SELECT count(*) FROM doc"), n)
    # The first day of the People's Republic is a valid date.
    r = c.post("/staff/docs/new", dict(base, signed_date="1949-10-01"), csrf_from="/staff/docs/new")
    eq(r.status, 303, r.text[-300:])


def test_docs_import_refuses_bad_dates_index_numbers_and_titles(srv):
    import json
    n = db_count(srv, "SELECT count(*) FROM doc")
    good = {"title": "批量文件", "published_date": "2024-03-01", "body": "正文"}
    cases = [({"published_date": "1900-01-01"}, "发布日期超出合理范围"),
             ({"signed_date": "2024-03-02"}, "成文日期不能晚于发布日期"),
             ({"index_number": "6/05/../etc"}, "索引号无效"),
             ({"index_number": "6\\05"}, "索引号无效"),
             ({"title": "\u3000 "}, "缺少标题"),
             ({"title": "标题\u202e"}, "方向控制符"),
             ({"body": "正文\u0001"}, "控制字符")]
    for extra, msg in cases:
        path = os.path.join(srv.dir, "bad.jsonl")
        with open(path, "w", encoding="utf-8") as f:
            f.write(json.dumps(dict(good, **extra), ensure_ascii=False) + "\n")
        rc, out, err = srv.gongkai("docs", "import", "--db", srv.db, "--org", "znwsj", path)
        ok(rc != 0, repr(extra))
        contains(err, msg)
    eq(db_count(srv, "SELECT count(*) FROM doc"), n)


def test_application_receipt_date_must_be_plausible(srv):
    office = staff(srv, "office")
    n = db_count(srv, "SELECT count(*) FROM application")
    f = {"applicant_type": "natural_person", "name": "马建国", "id_kind": "passport",
         "id_number": "E12345678", "phone": "13995551234", "email": "", "address": "宁安镇",
         "postcode": "755100", "info_title": "采购目录", "info_doc_number": "",
         "info_description": "目录全文", "purpose": "", "form": "paper", "delivery": "post",
         "channel": "post_signed", "event_day": "1948-12-31"}
    r = office.post("/staff/applications/new", f,
                    files={"attachment": ("", b"", "application/octet-stream")},
                    csrf_from="/staff/applications/new")
    eq(r.status, 422, r.text[-500:])
    contains(r.text, "1949年10月1日之后")
    eq(db_count(srv, "SELECT count(*) FROM application"), n)
