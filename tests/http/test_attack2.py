"""test_attack2.py — what the second outside attacker's review found
(docs/security.md, "Second attacker's review"): each test failed on the
code before its fix.

- a withdrawn document stayed in the open-data files (its whole body, in
  /api/v1/datasets/documents*.csv and .jsonl) until they were a day old;
- a DOCX attachment's page headers, footers, footnotes, endnotes and
  charts, and an XLSX attachment's text boxes and charts, were not read for
  the privacy scan, so an identity number in a footer was published
  unflagged; a file embedded in one was passed over without a word;
- any drafter, of any organisation, read the title of any document —
  another county's drafts, internal documents never to be published — by
  naming its id in a form: the question before removing a related
  document, the 替代文件 field of a published document's page
  (?replaced_by_id=) and the 解读 field of the draft form's preview;
- the packaged configuration (packaging/gongkai.conf) listens on loopback
  behind nginx but trusted no proxy, so every visitor had nginx's address:
  twenty wrong passwords from anyone stopped every sign-in for a quarter
  of an hour, and ten applications an hour were the whole public's quota;
- a request with two Content-Length headers, or Content-Length beside
  Transfer-Encoding, was answered and its connection kept open (request
  smuggling behind a proxy that reads the framing the other way); one with
  a Transfer-Encoding other than chunked got no answer until the request
  deadline (a hostile_gen campaign, seed 9173, under ASan).
"""
import io
import os
import re
import zipfile

import harness
from harness import contains, eq, not_contains, ok
from test_documents import ID_NUMBER, MOBILE, act, client, new_doc, walk_to


# ---- open data after a withdrawal --------------------------------------------

def test_withdrawn_document_leaves_the_open_data_files_at_once(srv):
    body = "本通知附件所列领取人名单（撤回测试专用正文甲乙丙）。"
    drafter = client(srv, "drafter")
    doc = new_doc(drafter, "关于发放撤回测试补助的通知", body=body)
    walk_to(srv, doc, "published")
    anon = srv.client()
    files = ["/api/v1/datasets/documents.csv", "/api/v1/datasets/documents.jsonl",
             "/api/v1/datasets/documents-znwsj.csv"]
    for f in files:
        r = anon.get(f)
        eq(r.status, 200, f)
        contains(r.text, "撤回测试专用正文甲乙丙", f)
    r = act(client(srv, "office"), doc, "withdraw", "误将领取人名单公开，予以撤回")
    eq(r.status, 303, r.text[:300])
    eq(anon.get("/o/znwsj/d/%d" % doc).status, 410)
    # The open-data files follow the publication ledger, not a daily clock.
    for f in files:
        r = anon.get(f)
        eq(r.status, 200, f)
        not_contains(r.text, "撤回测试专用正文甲乙丙", f)
    r = anon.get("/api/v1/datasets")
    eq(r.status, 200)
    # The manifest's sizes and hashes describe the files as now served.
    m = [d for d in r.json()["datasets"] if d["id"] == "documents"][0]
    csv = [x for x in m["distributions"] if x["format"] == "csv"][0]
    eq(csv["bytes"], len(anon.get("/api/v1/datasets/documents.csv").body))


# ---- the privacy scan reads every part of a DOCX/XLSX that shows text --------

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def docx_with_hidden_parts():
    """A clean body; an identity number in the page footer, a mobile number
    in a footnote, an e-mail address in the page header and a second
    identity number's holder in an endnote."""
    def part(root, inner):
        return '<?xml version="1.0"?><w:%s %s>%s</w:%s>' % (root, W, inner, root)

    def para(text):
        return "<w:p><w:r><w:t>%s</w:t></w:r></w:p>" % text
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns='
                   '"http://schemas.openxmlformats.org/package/2006/content-types"/>')
        z.writestr("word/document.xml", part("document", "<w:body>%s</w:body>"
                                             % para("关于补助发放的通知")))
        z.writestr("word/header1.xml", part("hdr", para("联系邮箱 zhang.lingqu@example.com")))
        z.writestr("word/footer1.xml", part("ftr", para("经办人身份证号 %s" % ID_NUMBER)))
        z.writestr("word/footnotes.xml", part("footnotes", '<w:footnote w:id="1">%s'
                                              '</w:footnote>' % para("领取人电话 %s" % MOBILE)))
    return buf.getvalue()


def xlsx_with_text_box():
    """A workbook whose only text is in a drawing's text box."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns='
                   '"http://schemas.openxmlformats.org/package/2006/content-types"/>')
        z.writestr("xl/workbook.xml", '<?xml version="1.0"?><workbook><sheets>'
                   '<sheet name="名单" sheetId="1"/></sheets></workbook>')
        z.writestr("xl/worksheets/sheet1.xml", '<?xml version="1.0"?><worksheet>'
                   '<sheetData/></worksheet>')
        z.writestr("xl/drawings/drawing1.xml", '<?xml version="1.0"?><xdr:wsDr '
                   'xmlns:xdr="x" xmlns:a="a"><xdr:sp><xdr:txBody><a:p><a:r>'
                   '<a:t>备注：身份证 %s</a:t></a:r></a:p></xdr:txBody></xdr:sp>'
                   '</xdr:wsDr>' % ID_NUMBER)
    return buf.getvalue()


def docx_with_chart_and_embedding():
    """A clean body; a chart whose cached labels and values hold a name
    list with an identity number, and the workbook behind it embedded."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns='
                   '"http://schemas.openxmlformats.org/package/2006/content-types"/>')
        z.writestr("word/document.xml", '<?xml version="1.0"?><w:document %s><w:body>'
                   '<w:p><w:r><w:t>补助发放情况见下图</w:t></w:r></w:p></w:body>'
                   '</w:document>' % W)
        z.writestr("word/charts/chart1.xml", '<?xml version="1.0"?><c:chartSpace '
                   'xmlns:c="c"><c:chart><c:cat><c:strRef><c:strCache><c:pt idx="0">'
                   '<c:v>%s</c:v></c:pt><c:pt idx="1"><c:v>1200</c:v></c:pt></c:strCache>'
                   '</c:strRef></c:cat></c:chart></c:chartSpace>' % ID_NUMBER)
        z.writestr("word/embeddings/Microsoft_Excel_Worksheet.xlsx", xlsx_with_text_box())
    return buf.getvalue()


def open_findings(page):
    """(kind, text) of the open findings on a document's staff page that
    come from attachments."""
    return re.findall(r'data-status="open"><td[^>]*>附件</td><td[^>]*data-kind="(\w+)">'
                      r'[^<]*</td><td[^>]*>([^<]+)</td>', page)


def test_docx_headers_footers_and_notes_are_scanned(srv):
    drafter = client(srv, "drafter")
    doc = new_doc(drafter, "领取名单（页脚与脚注）")
    r = drafter.post("/staff/docs/%d/attachments" % doc, {},
                     files={"file": ("名单.docx", docx_with_hidden_parts(), "application/msword")})
    eq(r.status, 303, r.text[:300])
    walk_to(srv, doc, "secrecy_review")
    found = open_findings(client(srv, "secrecy").get("/staff/docs/%d" % doc).text)
    eq(sorted(k for k, _ in found if k != "person_name"), ["email", "id_number", "mobile"])
    contains(repr(found), ID_NUMBER)


def test_xlsx_text_boxes_are_scanned(srv):
    drafter = client(srv, "drafter")
    doc = new_doc(drafter, "领取名单（文本框）")
    r = drafter.post("/staff/docs/%d/attachments" % doc, {},
                     files={"file": ("名单.xlsx", xlsx_with_text_box(), "application/vnd.ms-excel")})
    eq(r.status, 303, r.text[:300])
    walk_to(srv, doc, "secrecy_review")
    found = open_findings(client(srv, "secrecy").get("/staff/docs/%d" % doc).text)
    eq([k for k, _ in found if k != "person_name"], ["id_number"])


def test_docx_charts_are_scanned_and_embedded_files_named(srv):
    drafter = client(srv, "drafter")
    doc = new_doc(drafter, "领取名单（图表）")
    r = drafter.post("/staff/docs/%d/attachments" % doc, {},
                     files={"file": ("图表.docx", docx_with_chart_and_embedding(),
                                     "application/msword")})
    eq(r.status, 303, r.text[:300])
    contains(drafter.get("/staff/docs/%d" % doc).text, "含嵌入的文件1个")
    walk_to(srv, doc, "secrecy_review")
    found = open_findings(client(srv, "secrecy").get("/staff/docs/%d" % doc).text)
    eq([k for k, _ in found if k != "person_name"], ["id_number"])


# ---- a document's title only for who may see it ------------------------------

SECRET_TITLE = "关于局机关内部考核的请示（不公开标题甲）"


def secret_draft(srv):
    """An unpublished document of the bureau (another county's staff may
    not read it; its title is not public)."""
    return new_doc(client(srv, "drafter"), SECRET_TITLE)


def test_title_of_an_unseen_document_is_not_shown_by_id(srv):
    secret = secret_draft(srv)
    aq = client(srv, "aq-drafter")
    eq(aq.get("/staff/docs/%d" % secret).status, 403)
    own = new_doc(aq, "安泉县测试草稿（关联）")
    # 1. The question before removing a relation.
    r = aq.post("/staff/docs/%d/relations" % own, {"action": "remove",
                                                  "related_id": str(secret)})
    not_contains(r.text, SECRET_TITLE)
    eq(r.status, 404)
    r = aq.post("/staff/docs/%d/relations" % own, {"action": "add",
                                                  "related_id": str(secret)})
    not_contains(r.text, SECRET_TITLE)
    eq(r.status, 404)
    # 2. The 解读 field of the draft form, redisplayed by 预览.
    r = aq.post("/staff/docs/%d/edit" % own, {
        "title": "安泉县测试草稿（关联）", "body": "正文", "mode": "proactive",
        "formed_date": "2026-11-20", "genre": "解读", "report_kind": "other",
        "interprets_id": str(secret), "preview": "1"})
    not_contains(r.text, SECRET_TITLE)
    # 3. The 替代文件 field of a published document's page.
    office = client(srv, "aq-office")
    r = office.get("/staff/docs/%d?replaced_by_id=%d" % (published_of(srv, "aqwsj"), secret))
    eq(r.status, 200)
    contains(r.text, 'id="ref-replaced_by_id"')
    not_contains(r.text, SECRET_TITLE)
    # The bureau's own office still sees it named there.
    r = client(srv, "office").get("/staff/docs/%d?replaced_by_id=%d" % (
        published_of(srv, "znwsj"), secret))
    contains(r.text, SECRET_TITLE)


def published_of(srv, org):
    j = srv.client().get("/api/v1/documents?org=%s&per_page=1" % org).json()
    return j["documents"][0]["id"]


# ---- the packaged configuration behind nginx ----------------------------------

def test_packaged_configuration_sees_the_clients_behind_nginx(srv):
    """The server as the Debian package runs it (its configuration file;
    database, address and key given here), reached the way nginx reaches
    it: from 127.0.0.1 with X-Forwarded-For."""
    key = os.path.join(srv.dir, "pkg.key")
    with open(key, "w") as f:
        f.write("0f" * 32)
    pkg = harness.Server(extra_args=["--config", "packaging/gongkai.conf", "--key-file", key])
    try:
        stranger = {"X-Forwarded-For": "203.0.113.7"}
        c = pkg.client()
        for i in range(20):
            r = c.post("/login", {"login": "nobody%d" % i, "password": "wrong"},
                       headers=stranger)
            ok(r.status in (400, 401, 403, 422, 429), "wrong password %d: %d" % (i, r.status))
        # The stranger's address is now stopped; the office's is not.
        r = c.post("/login", {"login": "nobody99", "password": "wrong"}, headers=stranger)
        contains(r.text, "本机登录失败次数过多")
        office = pkg.client()
        r = office.post("/login", {"login": "office", "password": harness.DEMO_PASSWORD},
                        headers={"X-Forwarded-For": "198.51.100.9"})
        eq(r.status, 303, r.text[:400])
        contains(pkg.log_text(), 'client="198.51.100.9"')
    finally:
        pkg.stop()


# ---- conflicting message framing ---------------------------------------------

def answers(raw):
    return re.findall(rb"HTTP/1\.1 (\d{3})", raw)


def test_conflicting_framing_is_refused_and_the_connection_closed(srv):
    host = b"Host: 127.0.0.1:%d\r\n" % srv.port
    follow = b"GET /healthz HTTP/1.1\r\n" + host + b"\r\n"
    cases = [
        # Two lengths: MHD took the first, a proxy may take the last.
        b"GET /robots.txt HTTP/1.1\r\n" + host +
        b"Content-Length: 5\r\nContent-Length: 40\r\n\r\nabcde" + follow,
        b"POST /track HTTP/1.1\r\n" + host +
        b"Content-Length: 5\r\nContent-Length: 40\r\n\r\nabcde" + follow,
        # Length beside chunked: RFC 9112 6.1, the connection must close.
        b"POST /track HTTP/1.1\r\n" + host +
        b"Content-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n" + follow,
        # Codings it does not read: no answer until the request deadline.
        b"GET /robots.txt HTTP/1.1\r\n" + host + b"Transfer-Encoding: identity\r\n\r\n",
        b"POST /track HTTP/1.1\r\n" + host +
        b"Transfer-Encoding: gzip, chunked\r\n\r\n_csrf=x",
    ]
    for data in cases:
        got = srv.raw(data)
        eq(answers(got), [b"400"], repr(data[:80]) + " -> " + repr(got[:200]))
        contains(got.decode("utf-8", "replace"), "请求的长度信息相互矛盾或无法识别", repr(data[:60]))
    # The same length twice says one thing (RFC 9110 8.6): both answered.
    got = srv.raw(b"GET /robots.txt HTTP/1.1\r\n" + host +
                  b"Content-Length: 5\r\nContent-Length: 5\r\n\r\nabcde" + follow)
    eq(answers(got), [b"200", b"200"], repr(got[:200]))
    ok(srv.alive(), "server died")
