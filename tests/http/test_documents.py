"""test_documents.py — issue 3, documents: the review chain walked with the
right roles; refusals for the wrong role, the drafter approving their own
work, another organisation's reviewer, an unconfirmed disclosure mode and
publishing with an open privacy finding; the privacy gate (mask, accept with
a reason); attachments (type by content, safe download); validity banner,
withdrawal, interpretation links; the public page (drafts unreachable,
Markdown tables, raw HTML never passed through); the ledger API and
`gongkai ledger verify` detecting a tampered row (last test: it tampers)."""
import hashlib
import io
import json
import re
import zipfile

from harness import contains, eq, not_contains, ok
from lookup import org_id

DEMO = True
ID_NUMBER = "640521198001011233"      # valid ISO 7064 check character
ID_MASKED = "640521********1233"
MOBILE = "13909551234"

_clients = {}


def client(srv, login):
    """One signed-in client per demo login, reused across tests."""
    key = (id(srv), login)
    if key not in _clients:
        c = srv.client()
        c.login(login)
        _clients[key] = c
    return _clients[key]


def new_doc(c, title, body="正文", mode="proactive", formed="2026-11-20", **extra):
    fields = {"title": title, "body": body, "mode": mode, "formed_date": formed,
              "genre": "通知", "report_kind": "other"}
    fields.update(extra)
    r = c.post("/staff/docs/new", fields)
    eq(r.status, 303, "create %s: %s" % (title, r.text[:300]))
    m = re.match(r"/staff/docs/(\d+)$", r.headers["location"])
    ok(m, "redirect %r" % r.headers["location"])
    return int(m.group(1))


# The review steps have a route each (/staff/docs/{id}/{step}); a reviewer
# posts to the step of their role, anyone else to the document's current one.
STEP_OF_LOGIN = {"depthead": "dept-review", "secrecy": "secrecy-review", "leader": "approval"}
STEP_OF_STATE = {"dept_review": "dept-review", "secrecy_review": "secrecy-review",
                 "approval": "approval"}


def act(c, doc, action, opinion="", confirm="1"):
    """A workflow action; withdrawing and publishing ask first, the tests
    answer yes unless confirm is "" (issue 15, bug 7)."""
    if action in ("submit", "withdraw"):
        step = action
    else:
        step = STEP_OF_LOGIN.get(getattr(c, "login_name", None)) or \
            STEP_OF_STATE.get(state_of(c.srv, doc), "dept-review")
    return c.post("/staff/docs/%d/%s" % (doc, step), {"action": action, "opinion": opinion,
                                                      "confirm": confirm})


def state_of(srv, doc):
    """The document's workflow state, as its staff page states it (the
    badge's data-state), read by the office."""
    r = client(srv, "office").get("/staff/docs/%d" % doc)
    eq(r.status, 200, "staff page of document %d" % doc)
    m = re.search(r'class="badge state-[^"]*" data-state="(\w+)"', r.text)
    ok(m, "no state badge on /staff/docs/%d" % doc)
    return m.group(1)


def stored_body(srv, doc):
    """The body as stored (pages show it rendered, the edit form only for
    drafts)."""
    return srv.sql("SELECT gk_text(body) FROM doc WHERE id=?", (doc,))[0][0]


def walk_to(srv, doc, target):
    """Drives a document along the chain, from its current state, with the
    right demo users."""
    steps = [("draft", "drafter", "submit", "dept_review"),
             ("dept_review", "depthead", "pass", "secrecy_review"),
             ("secrecy_review", "secrecy", "pass", "approval"),
             ("approval", "leader", "pass", "published")]
    for before, login, action, after in steps:
        if state_of(srv, doc) == target:
            return
        if state_of(srv, doc) != before:
            continue
        r = act(client(srv, login), doc, action, "同意")
        eq(r.status, 303, "%s %s: %s" % (login, action,
                                         re.findall(r"notice error\">([^<]*)", r.text)))
        eq(state_of(srv, doc), after)
    eq(state_of(srv, doc), target)


def test_mode_must_be_confirmed_before_submitting(srv):
    drafter = client(srv, "drafter")
    doc = new_doc(drafter, "未确认公开方式的文件", mode="")
    r = act(drafter, doc, "submit")
    eq(r.status, 422)
    contains(r.text, "公开方式")
    eq(state_of(srv, doc), "draft")
    # 不予公开 without its legal ground is refused too.
    r = drafter.post("/staff/docs/%d/edit" % doc, {"title": "未确认公开方式的文件",
                                                   "mode": "withheld", "formed_date": "2026-11-20"})
    eq(r.status, 303)
    r = act(drafter, doc, "submit")
    eq(r.status, 422)
    contains(r.text, "第十四条至第十六条")
    eq(state_of(srv, doc), "draft")
    # An unknown ground is refused when saving.
    r = drafter.post("/staff/docs/%d/edit" % doc, {"title": "x", "mode": "withheld",
                                                   "withheld_ground": "art99"})
    eq(r.status, 422)
    r = drafter.post("/staff/docs/%d/edit" % doc, {"title": "未确认公开方式的文件", "mode": "withheld",
                                                   "withheld_ground": "art16_process",
                                                   "formed_date": "2026-11-20"})
    eq(r.status, 303)
    eq(act(drafter, doc, "submit").status, 303)
    eq(state_of(srv, doc), "dept_review")


def test_walk_every_state_with_the_right_roles(srv):
    drafter = client(srv, "drafter")
    body = ("## 说明\n\n| 乡镇 | 人数 |\n|---|---|\n| 宁安镇 | 12 |\n\n"
            "<script>alert(1)</script>\n")
    doc = new_doc(drafter, "关于走完审核流程的测试通知", body=body)
    anon = srv.client()
    eq(anon.get("/o/znwsj/d/%d" % doc).status, 404)          # a draft is not public
    eq(anon.get("/api/v1/documents/%d" % doc).status, 404)

    eq(act(drafter, doc, "submit").status, 303)
    eq(state_of(srv, doc), "dept_review")
    # Wrong roles at 科室审核.
    eq(act(client(srv, "secrecy"), doc, "pass").status, 403)
    eq(act(client(srv, "leader"), doc, "pass").status, 403)
    eq(act(drafter, doc, "pass").status, 403)
    eq(act(client(srv, "inspector"), doc, "pass").status, 403)
    # Another organisation's reviewer (县医院 admin + office) sees nothing.
    hosp = client(srv, "hosp-admin")
    eq(hosp.get("/staff/docs/%d" % doc).status, 403)
    eq(act(hosp, doc, "pass").status, 403)
    eq(act(hosp, doc, "return", "不行").status, 403)
    eq(state_of(srv, doc), "dept_review")
    # Send back needs an opinion; then it is a draft again.
    depthead = client(srv, "depthead")
    eq(act(depthead, doc, "return").status, 422)
    eq(act(depthead, doc, "return", "请补充数据来源").status, 303)
    eq(state_of(srv, doc), "draft")
    # Again through every step.
    walk_to(srv, doc, "published")
    j = anon.get("/api/v1/documents/%d" % doc).json()
    idx, pub = j["index_number"], j["published_date"]
    ok(re.fullmatch(r"453629012/20\d\d-\d{5}", idx), "index number %r" % idx)
    eq(idx[10:14], pub[:4])
    # Once published, no step but withdrawal: a second approval is refused.
    eq(act(client(srv, "leader"), doc, "pass").status, 409)
    # Public page, by id and by index number.
    r = anon.get("/o/znwsj/d/%d" % doc)
    eq(r.status, 200)
    contains(r.text, idx)
    contains(r.text, "<table>")
    contains(r.text, "<td>宁安镇</td>")
    not_contains(r.text, "<script>alert(1)</script>")
    contains(r.text, "data-content-hash")
    r2 = anon.get("/o/znwsj/d/" + idx)
    eq(r2.status, 200)
    contains(r2.text, "关于走完审核流程的测试通知")
    eq(anon.get("/o/zn-hospital/d/%d" % doc).status, 404)   # wrong organisation
    # The 发布审核单 shows the whole chain.
    r = drafter.get("/staff/docs/%d/sheet" % doc)
    eq(r.status, 200)
    for name in ("李承办", "张科长", "赵保密", "刘局长", "请补充数据来源", "退回", "通过"):
        contains(r.text, name)
    # JSON.
    j = anon.get("/api/v1/documents/%d" % doc).json()
    eq(j["index_number"], idx)
    eq(j["state"], "published")
    eq(len(j["versions"]), 1)
    eq(j["versions"][0]["event"], "publish")


def test_drafter_can_never_approve_own_document(srv):
    rc, out, err = srv.gongkai("user", "add", "--login", "allrounder", "--name", "全能",
                               "--org", "znwsj", "--roles",
                               "drafter,dept_head,secrecy,approver",
                               "--password", "gongkai-demo-2026", "--db", srv.db)
    eq(rc, 0, err)
    me = srv.client()
    me.login("allrounder")
    doc = new_doc(me, "自己起草的文件")
    eq(act(me, doc, "submit").status, 303)
    r = act(me, doc, "pass", "自己通过")
    eq(r.status, 403)
    contains(r.text, "起草人不能审核自己起草的文件")
    eq(state_of(srv, doc), "dept_review")
    # Others pass it; at 保密审查 and 领导审批 the drafter is refused again.
    eq(act(client(srv, "depthead"), doc, "pass").status, 303)
    eq(act(me, doc, "pass").status, 403)
    eq(me.post("/staff/docs/%d/scan" % doc, {}).status, 403)
    eq(act(client(srv, "secrecy"), doc, "pass").status, 303)
    eq(act(me, doc, "pass").status, 403)
    eq(state_of(srv, doc), "approval")
    eq(act(client(srv, "leader"), doc, "pass").status, 303)
    eq(state_of(srv, doc), "published")


def test_privacy_gate_masks_and_accepts(srv):
    drafter = client(srv, "drafter")
    body = "| 姓名 | 身份证号 | 电话 |\n|---|---|---|\n| 马某某 | %s | %s |\n" % (ID_NUMBER, MOBILE)
    doc = new_doc(drafter, "关于救助对象的公示", body=body)
    walk_to(srv, doc, "secrecy_review")
    secrecy = client(srv, "secrecy")
    r = act(secrecy, doc, "pass")
    eq(r.status, 409)
    contains(r.text, "未处理")
    eq(state_of(srv, doc), "secrecy_review")
    page = secrecy.get("/staff/docs/%d" % doc).text
    findings = re.findall(r'data-finding="(\d+)" data-status="open"><td[^>]*>正文</td><td[^>]*data-kind="\w+">([^<]+)</td>', page)
    kinds = sorted(k for _, k in findings)
    ok("身份证号" in kinds and "手机号码" in kinds, "findings %r" % kinds)   # labels, not ids
    not_contains(page, ">id_number</td>")
    fid = {k: int(f) for f, k in findings}
    # Another organisation's secrecy decision, and the drafter, are refused.
    eq(client(srv, "hosp-admin").post("/staff/docs/%d/findings/%d" % (doc, fid["身份证号"]),
                                       {"decision": "mask"}).status, 403)
    # Accepting needs a written reason.
    r = secrecy.post("/staff/docs/%d/findings/%d" % (doc, fid["手机号码"]), {"decision": "accept"})
    eq(r.status, 422)
    eq(secrecy.post("/staff/docs/%d/findings/%d" % (doc, fid["身份证号"]),
                    {"decision": "mask"}).status, 303)
    body_now = stored_body(srv, doc)
    contains(body_now, ID_MASKED)
    not_contains(body_now, ID_NUMBER)
    # Other open findings (e.g. the name) still block the step.
    eq(act(secrecy, doc, "pass").status, 409)
    page = secrecy.get("/staff/docs/%d" % doc).text
    for f in re.findall(r'data-finding="(\d+)" data-status="open"', page):
        eq(secrecy.post("/staff/docs/%d/findings/%s" % (doc, f),
                        {"decision": "accept", "reason": "救助公示须公开联系方式（已征得本人同意）"}).status, 303)
    eq(act(secrecy, doc, "pass").status, 303)
    eq(state_of(srv, doc), "approval")
    # Publishing with an open finding is refused (a finding opened behind the
    # pages' back stands for any path that leaves one open).
    srv.sql("INSERT INTO doc_finding(doc_id,source,kind,match_text,context,mask,found_at)"
            " VALUES(?,'body','mobile','13800000000','','138****0000','2026-01-01T00:00:00Z')",
            (doc,))
    r = act(client(srv, "leader"), doc, "pass")
    eq(r.status, 409)
    contains(r.text, "隐私扫描")
    eq(state_of(srv, doc), "approval")
    srv.sql("DELETE FROM doc_finding WHERE match_text='13800000000'")
    eq(act(client(srv, "leader"), doc, "pass").status, 303)
    pub = srv.client().get("/o/znwsj/d/%d" % doc).text
    contains(pub, ID_MASKED)
    not_contains(pub, ID_NUMBER)
    sheet = secrecy.get("/staff/docs/%d/sheet" % doc).text
    contains(sheet, "已遮盖")
    contains(sheet, "已征得本人同意")


def make_xlsx():
    files = {
        "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
        "xl/workbook.xml": '<?xml version="1.0"?><workbook><sheets>'
        '<sheet name="公开" sheetId="1" r:id="rId1"/>'
        '<sheet name="名单" sheetId="2" state="hidden" r:id="rId2"/></sheets></workbook>',
        "xl/worksheets/sheet1.xml": '<worksheet><sheetData><row><c t="inlineStr"><is><t>合计</t></is></c></row></sheetData></worksheet>',
        "xl/worksheets/sheet2.xml": '<worksheet><sheetData><row><c t="inlineStr"><is><t>%s</t></is></c></row></sheetData></worksheet>' % ID_NUMBER,
    }
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, text in files.items():
            # A fixed time stamp: two calls must give the same bytes.
            z.writestr(zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0)), text)
    return buf.getvalue()


def make_pdf(text):
    stream = "BT /F1 12 Tf 72 720 Td (%s) Tj ET" % text
    objs = ["<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
            " /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out = b"%PDF-1.4\n"
    offs = []
    for i, o in enumerate(objs, 1):
        offs.append(len(out))
        out += ("%d 0 obj\n%s\nendobj\n" % (i, o)).encode()
    xref = len(out)
    out += ("xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)).encode()
    for o in offs:
        out += ("%010d 00000 n \n" % o).encode()
    out += ("trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
            % (len(objs) + 1, xref)).encode()
    return out


def test_attachments_checked_by_content_and_scanned(srv):
    drafter = client(srv, "drafter")
    doc = new_doc(drafter, "带附件的文件")
    up = "/staff/docs/%d/attachments" % doc
    # A text file named .pdf is refused (type by content, not by name).
    r = drafter.post(up, {}, files={"file": ("假的.pdf", b"just text, not a pdf", "application/pdf")})
    eq(r.status, 422)
    contains(r.text, "不支持的附件类型")
    r = drafter.post(up, {}, files={"file": ("名单.xlsx", make_xlsx(), "application/octet-stream")})
    eq(r.status, 303, r.text[:300])
    r = drafter.post(up, {}, files={"file": ("scan.pdf", make_pdf("Tel %s" % MOBILE), "application/pdf")})
    eq(r.status, 303, r.text[:300])
    page = drafter.get("/staff/docs/%d" % doc).text
    contains(page, "含隐藏的工作表：名单")
    ids = re.findall(r'/staff/docs/%d/attachments/(\d+)"' % doc, page)
    eq(len(ids), 2)
    r = drafter.get("/staff/docs/%d/attachments/%s" % (doc, ids[0]))
    eq(r.status, 200)
    eq(r.headers["content-type"],
       "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    eq(r.headers["content-disposition"],
       "attachment; filename=\"______.xlsx\"; filename*=UTF-8''%E5%90%8D%E5%8D%95.xlsx")
    eq(r.body, make_xlsx())
    # Not public before publication; another organisation cannot fetch it.
    eq(srv.client().get("/o/znwsj/a/%s" % ids[0]).status, 404)
    eq(client(srv, "hosp-admin").get("/staff/docs/%d/attachments/%s" % (doc, ids[0])).status, 403)
    walk_to(srv, doc, "secrecy_review")
    secrecy = client(srv, "secrecy")
    eq(act(secrecy, doc, "pass").status, 409)
    page = secrecy.get("/staff/docs/%d" % doc).text
    att = re.findall(r'data-status="open"><td[^>]*>附件</td><td[^>]*data-kind="(\w+)">[^<]*</td><td[^>]*>([^<]+)</td>', page)
    contains(repr(att), ID_NUMBER)     # from the hidden sheet
    contains(repr(att), MOBILE)        # from the PDF, via pdftotext
    # Attachment findings cannot be masked online.
    f = re.search(r'data-finding="(\d+)" data-status="open"><td[^>]*>附件', page).group(1)
    eq(secrecy.post("/staff/docs/%d/findings/%s" % (doc, f), {"decision": "mask"}).status, 422)


def make_docx():
    doc = ('<?xml version="1.0"?><w:document xmlns:w="w"><w:body>'
           '<w:p><w:r><w:t>联系人邮箱 wang.gongkai@example.com</w:t></w:r></w:p>'
           '<w:p><w:ins w:id="1" w:author="a"><w:r><w:t>新增内容</w:t></w:r></w:ins>'
           '<w:del w:id="2" w:author="a"><w:r><w:delText>%s</w:delText></w:r></w:del></w:p>'
           '</w:body></w:document>' % ID_NUMBER)
    comments = ('<?xml version="1.0"?><w:comments xmlns:w="w"><w:comment w:id="0" w:author="a">'
                '<w:p><w:r><w:t>请核实电话 %s</w:t></w:r></w:p></w:comment></w:comments>' % MOBILE)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        z.writestr("word/document.xml", doc)
        z.writestr("word/comments.xml", comments)
    return buf.getvalue()


def test_docx_tracked_changes_comments_and_size_limit(srv):
    drafter = client(srv, "drafter")
    doc = new_doc(drafter, "带修订痕迹的文件",
                  body="[点我](javascript:alert(1)) 与 <img src=x onerror=alert(1)>")
    up = "/staff/docs/%d/attachments" % doc
    r = drafter.post(up, {}, files={"file": ("说明.docx", make_docx(), "application/msword")})
    eq(r.status, 303, r.text[:300])
    page = drafter.get("/staff/docs/%d" % doc).text
    contains(page, "含修订痕迹：插入1处、删除1处")
    contains(page, "含批注1条")
    # The kind found from the content (sent as application/msword), in
    # words a person reads: never the media type.
    contains(page, "DOCX 文件")
    not_contains(page, "wordprocessingml.document")
    not_contains(page, "javascript:alert")
    not_contains(page, "<img src=x")
    # The size limit is the setting attachment_max_mb (issue 12: it used to
    # be read under a name that was not in the settings table).
    eq(srv.gongkai("config", "set", "attachment_max_mb", "1", "--db", srv.db)[0], 0)
    r = drafter.post(up, {}, files={"file": ("big.pdf", make_pdf("x" * (1100 * 1024)),
                                             "application/pdf")})
    eq(r.status, 413)
    contains(r.text, "1 MB")
    eq(srv.gongkai("config", "set", "attachment_max_mb", "20", "--db", srv.db)[0], 0)
    walk_to(srv, doc, "secrecy_review")
    secrecy = client(srv, "secrecy")
    eq(act(secrecy, doc, "pass").status, 409)
    page = secrecy.get("/staff/docs/%d" % doc).text
    att = re.findall(r'data-status="open"><td[^>]*>附件</td><td[^>]*data-kind="(\w+)">[^<]*</td><td[^>]*>([^<]+)</td>', page)
    eq(sorted(k for k, _ in att if k != "person_name"), ["email", "id_number", "mobile"])


def test_validity_banner_and_replacement(srv):
    anon = srv.client()
    r = anon.get("/o/znwsj/d/6/05/21021/2018-76270")
    eq(r.status, 200)
    contains(r.text, 'data-banner="repealed"')
    contains(r.text, "本文件已废止（2019-06-28）")
    contains(r.text, "中宁县卫生健康局政务公开目录清单（2019年版）")
    contains(r.text, "<table>")          # the seed's catalogue table renders
    # Office changes the validity of a published seed document: banner + ledger.
    office = client(srv, "office")
    doc = doc_row_by_index(srv, "6/05/21021/2018-76258")
    r = office.post("/staff/docs/%d/validity" % doc, {"confirm": "1", "validity": "expired", "validity_date": "2019-12-31"})
    eq(r.status, 303)
    r = anon.get("/o/znwsj/d/6/05/21021/2018-76258")
    contains(r.text, 'data-banner="expired"')
    contains(r.text, "有效性变更")
    # Only the office may do it; a drafter may not.
    eq(client(srv, "drafter").post("/staff/docs/%d/validity" % doc,
                                   {"validity": "valid"}).status, 403)


def doc_row_by_index(srv, idx):
    """The id of a published document, from the API (by index number)."""
    r = srv.client().get("/api/v1/documents/" + idx)
    eq(r.status, 200, "document %s" % idx)
    return r.json()["id"]


def test_interpretation_links_both_ways(srv):
    anon = srv.client()
    policy = doc_row_by_index(srv, "6/05/21021/2018-76256")
    r = anon.get("/o/znwsj/d/%d" % policy)
    eq(r.status, 200)
    contains(r.text, "政策解读：<a href=")
    m = re.search(r'政策解读：<a href="(/o/znwsj/d/\d+)"', r.text)
    r2 = anon.get(m.group(1))
    contains(r2.text, "所解读的政策：<a href=\"/o/znwsj/d/%d\"" % policy)
    # A 解读 must name its policy before it is submitted.
    drafter = client(srv, "drafter")
    doc = new_doc(drafter, "未关联政策的解读", genre="解读")
    r = act(drafter, doc, "submit")
    eq(r.status, 422)
    contains(r.text, "政策解读必须关联")


def test_withdrawal_reason_stays_public(srv):
    office = client(srv, "office")
    doc = new_doc(client(srv, "drafter"), "将被撤回的通知", body="原文内容ABC")
    walk_to(srv, doc, "published")
    eq(act(office, doc, "withdraw").status, 422)
    eq(act(client(srv, "drafter"), doc, "withdraw", "x").status, 403)
    eq(act(office, doc, "withdraw", "发布时间有误，撤回后重新发布").status, 303)
    eq(state_of(srv, doc), "withdrawn")
    r = srv.client().get("/o/znwsj/d/%d" % doc)
    eq(r.status, 410)
    contains(r.text, "撤回理由：发布时间有误，撤回后重新发布")
    r = srv.client().get("/api/v1/documents/%d" % doc)
    eq(r.status, 410)
    contains(r.json()["error"]["message"], "撤回理由：发布时间有误")
    not_contains(r.text, "原文内容ABC")
    eq(act(office, doc, "withdraw", "again").status, 409)


def test_staff_home_lists_art26_and_awaiting(srv):
    r = client(srv, "drafter").get("/staff")
    eq(r.status, 200)
    contains(r.text, "中宁县2026年第三季度居民水龙头出水水质监测结果公示")
    contains(r.text, "已超期")
    r = client(srv, "depthead").get("/staff")
    contains(r.text, "关于公布2026年度家庭医生签约服务团队名单的公告")
    # Art. 26 binds proactive information only: a withheld document formed
    # long ago and still under review is not flagged.
    drafter = client(srv, "drafter")
    doc = new_doc(drafter, "不予公开的内部请示", mode="withheld", formed="2026-01-05",
                  withheld_ground="art16_internal")
    eq(act(drafter, doc, "submit").status, 303)
    art26 = re.search(r'<ul class="art26">(.*?)</ul>', drafter.get("/staff").text, re.S).group(1)
    not_contains(art26, "不予公开的内部请示")
    contains(art26, "中宁县2026年第三季度居民水龙头出水水质监测结果公示")


def test_channels_recorded(srv):
    office = client(srv, "office")
    doc = doc_row_by_index(srv, "6/05/21021/2018-76255")
    r = office.post("/staff/docs/%d/channels" % doc, {"confirm": "1", "channel": "微博", "day": "2018-09-08"})
    eq(r.status, 303)
    contains(office.get("/staff/docs/%d" % doc).text, "微博（2018-09-08）")
    eq(office.post("/staff/docs/%d/channels" % doc, {"confirm": "1", "channel": "微博", "day": "2018-9-8"}).status, 422)


def test_api_documents_and_ledger(srv):
    anon = srv.client()
    j = anon.get("/api/v1/documents?org=znwsj&per_page=200").json()
    n = srv.sql("SELECT count(*) FROM doc d JOIN org o ON o.id=d.org_id"
                " WHERE d.state='published' AND o.slug='znwsj'")[0][0]
    rc, out, err = srv.gongkai("ledger", "list", "--db", srv.db)
    eq(rc, 0, err)
    nl = len(out.splitlines())
    eq(j["total"], n)
    # The ledger pages by cursor, 1000 entries a page (the demo holds more).
    first = anon.get("/api/v1/ledger").json()["entries"]
    eq(len(first), min(nl, 1000))
    led = []
    while True:
        page = anon.get("/api/v1/ledger?after=%d&limit=1000"
                        % (led[-1]["seq"] if led else 0)).json()["entries"]
        led += page
        if len(page) < 1000:
            break
    eq(len(led), nl)
    eq([e["seq"] for e in led], list(range(1, nl + 1)))
    eq(led[0]["prev_hash"], "0" * 64)
    ok(all(led[i]["prev_hash"] == led[i - 1]["entry_hash"] for i in range(1, nl)))
    ok("content" not in led[0])
    eq(anon.get("/api/v1/ledger?content=1").status, 401)
    led2 = client(srv, "inspector").get("/api/v1/ledger?content=1&limit=1").json()["entries"]
    eq(len(led2), 1)
    ok(led2[0]["content"].startswith('{"attachments":['))
    # The newest version's content comes from the document: it hashes to
    # the entry's content hash all the same.
    eq(hashlib.sha256(led2[0]["content"].encode()).hexdigest(), led2[0]["content_hash"])
    eq(anon.get("/api/v1/ledger?limit=0").status, 400)


def test_citizen_verifies_ledger_and_current_content(srv):
    """What docs/api.md tells a citizen to do, with nothing but the public
    API and SHA-256: recompute every entry hash by the published rule, and
    check a published document's current content against its newest
    entry. A withdrawn document keeps its entries but gives no content."""
    anon = srv.client()
    led = []
    while True:
        page = anon.get("/api/v1/ledger?after=%d&limit=1000"
                        % (led[-1]["seq"] if led else 0)).json()["entries"]
        led += page
        if len(page) < 1000:
            break
    prev = "0" * 64
    for e in led:
        line = "%d\n%s\n%d\n%s\n%s\n%s" % (e["seq"], e["at"], e["doc_id"], e["event"],
                                           e["content_hash"], e["prev_hash"])
        eq(e["prev_hash"], prev, "seq %d" % e["seq"])
        eq(hashlib.sha256(line.encode()).hexdigest(), e["entry_hash"], "seq %d" % e["seq"])
        prev = e["entry_hash"]
    # A document whose validity changed: two entries, the newer one's hash
    # is that of the content the API hands out now.
    did = srv.sql("SELECT doc_id FROM doc_ledger WHERE event='validity'"
                  " ORDER BY seq LIMIT 1")[0][0]
    d = anon.get("/api/v1/documents/%d" % did).json()
    ok(len(d["versions"]) >= 2, "versions %r" % d["versions"])
    canon = d["canonical"]
    eq(hashlib.sha256(canon.encode()).hexdigest(), d["versions"][-1]["content_hash"])
    ok(d["versions"][0]["content_hash"] != d["versions"][-1]["content_hash"])
    # It is the document the citizen reads, not some other text.
    c = json.loads(canon)
    for k in ("title", "body", "index_number", "validity", "published_date"):
        eq(c[k], d[k], k)
    eq(c["id"], did)
    eq(sorted(c), list(c))            # keys in byte order, as documented
    ok(all("content" not in v for v in d["versions"]))
    # Withdrawn: the notice only; its entries stay in the public ledger,
    # hashes without content.
    wid = srv.sql("SELECT doc_id FROM doc_ledger WHERE event='withdraw' LIMIT 1")[0][0]
    r = anon.get("/api/v1/documents/%d" % wid)
    eq(r.status, 410)
    not_contains(r.text, "canonical")
    wl = anon.get("/api/v1/ledger?doc=%d" % wid).json()["entries"]
    eq(wl[-1]["event"], "withdraw")
    ok(all("content" not in e for e in wl))


def test_api_document_filters_refuse_unknown_values(srv):
    """An unknown filter value is a mistake to be told, not an empty list
    that reads as "no such documents"; a known one filters exactly."""
    anon = srv.client()
    for q, word in (("validity=bogus", "有效性"), ("report_kind=bogus", "类别")):
        r = anon.get("/api/v1/documents?" + q)
        eq(r.status, 400, q)
        eq(r.json()["error"]["code"], "bad_request")
        contains(r.json()["error"]["message"], word)
    n = srv.sql("SELECT count(*) FROM doc WHERE state='published' AND validity='repealed'")[0][0]
    ok(n > 0)
    eq(anon.get("/api/v1/documents?validity=repealed&per_page=1").json()["total"], n)
    n = srv.sql("SELECT count(*) FROM doc WHERE state='published' AND report_kind='normative'")[0][0]
    eq(anon.get("/api/v1/documents?report_kind=normative&per_page=1").json()["total"], n)


def test_api_numbers_are_digits_once(srv):
    """A number parameter is digits, given once: a repeated one with two
    values, leading blanks or a plus sign are refused (400, Chinese), not
    read as whichever the parser happens to keep."""
    anon = srv.client()
    for q in ("documents?page=1&page=2", "ledger?after=10&after=20",
              "ledger?after=%20%201", "ledger?after=%2B5", "documents?per_page=%0910",
              "search?q=%E6%B5%81&page=1&page=3"):
        r = anon.get("/api/v1/" + q)
        eq(r.status, 400, q)
        contains(r.json()["error"]["message"], "参数", q)
    # The same value twice is one value.
    eq(anon.get("/api/v1/documents?page=2&page=2&per_page=1").json()["page"], 2)
    eq(anon.get("/api/v1/ledger?after=7&limit=1").json()["entries"][0]["seq"], 8)


def new_catalogue_item(c, org, content, interp=False):
    """Adds a proactive catalogue item through the staff form; its id."""
    fields = {"list": "proactive", "level1": "价格收费", "content": content,
              "mode": "proactive"}
    if interp:
        fields["requires_interpretation"] = "1"
    r = c.post("/staff/catalogue/%d/new" % org, fields)
    eq(r.status, 303, "catalogue item: %s" % r.text[:300])
    m = re.search(r"#item-(\d+)$", r.headers["location"])
    ok(m, "redirect %r" % r.headers["location"])
    return int(m.group(1))


def test_item_requiring_interpretation_waits_for_it(srv):
    # Two catalogue items made by the office: one of its own whose policies
    # need a 解读, one of the hospital's.
    office = client(srv, "office")
    item = new_catalogue_item(office, org_id(srv, "znwsj"), "医疗服务价格", interp=True)
    other = new_catalogue_item(office, org_id(srv, "zn-hospital"), "医院公开事项")
    drafter = client(srv, "drafter")
    # Another organisation's catalogue item cannot be linked.
    r = drafter.post("/staff/docs/new", {"title": "错挂目录", "catalogue_item_id": str(other)})
    eq(r.status, 422)
    contains(r.text, "不属于本单位")
    policy = new_doc(drafter, "关于调整医疗服务价格的通知", catalogue_item_id=str(item),
                     report_kind="normative")
    walk_to(srv, policy, "approval")
    r = act(client(srv, "leader"), policy, "pass")
    eq(r.status, 409)
    contains(r.text, "同步审签")
    eq(state_of(srv, policy), "approval")
    interp = new_doc(drafter, "《关于调整医疗服务价格的通知》政策解读", genre="解读",
                     interprets_id=str(policy))
    walk_to(srv, interp, "secrecy_review")
    eq(act(client(srv, "leader"), policy, "pass").status, 409)   # not yet at 领导审批
    walk_to(srv, interp, "approval")
    eq(act(client(srv, "leader"), policy, "pass").status, 303)
    eq(state_of(srv, policy), "published")


def test_interpretation_not_published_before_its_policy(srv):
    """同步发布: a 解读 is published with its policy or after it.  Here the
    解读 reaches 领导审批 first; the leader cannot publish it while the
    policy is still in review (its public page would explain a policy
    nobody may read yet), and can once the policy is published."""
    drafter = client(srv, "drafter")
    policy = new_doc(drafter, "关于规范村卫生室药品采购的通知", report_kind="normative")
    interp = new_doc(drafter, "《关于规范村卫生室药品采购的通知》政策解读", genre="解读",
                     interprets_id=str(policy))
    walk_to(srv, interp, "approval")
    leader = client(srv, "leader")
    r = act(leader, interp, "pass")
    eq(r.status, 409)
    contains(r.text, "所解读的政策文件尚未发布")
    eq(state_of(srv, interp), "approval")
    walk_to(srv, policy, "approval")
    eq(act(leader, policy, "pass").status, 303)
    eq(state_of(srv, policy), "published")
    eq(act(leader, interp, "pass").status, 303)
    eq(state_of(srv, interp), "published")


def test_ledger_verify_detects_tampering(srv):
    rc, out, err = srv.gongkai("ledger", "verify", "--db", srv.db)
    eq(rc, 0, err)
    contains(out, "chain intact")
    # Tampering goes behind every interface: straight to the database.
    # The newest entry of a document holds only the hash (migration 0101):
    # tamper with an older version, which holds its content.
    old = srv.sql("SELECT min(seq) FROM doc_ledger WHERE content IS NOT NULL")[0][0]
    srv.sql("UPDATE doc_ledger SET content=replace(content,'\"valid\"','\"expired\"') WHERE seq=?", (old,))
    rc, out, err = srv.gongkai("ledger", "verify", "--db", srv.db)
    eq(rc, 1)
    contains(err, "entry %d" % old)
    srv.sql("UPDATE doc_ledger SET content=replace(content,'\"expired\"','\"valid\"') WHERE seq=?", (old,))
    eq(srv.gongkai("ledger", "verify", "--db", srv.db)[0], 0)
    # An older version's content removed.
    keep = srv.sql("SELECT content FROM doc_ledger WHERE seq=?", (old,))[0][0]
    srv.sql("UPDATE doc_ledger SET content=NULL WHERE seq=?", (old,))
    rc, out, err = srv.gongkai("ledger", "verify", "--db", srv.db)
    eq(rc, 1)
    contains(err, "内容缺失")
    srv.sql("UPDATE doc_ledger SET content=? WHERE seq=?", (keep, old))
    eq(srv.gongkai("ledger", "verify", "--db", srv.db)[0], 0)
    # A published document changed without a ledger entry.
    srv.sql("UPDATE doc SET title=title||'（改）' WHERE index_number='6/05/21021/2018-76263'")
    rc, out, err = srv.gongkai("ledger", "verify", "--db", srv.db)
    eq(rc, 1)
    contains(err, "未经台账的改动")


def test_publish_and_withdraw_ask_first_and_refusals_keep_the_opinion(srv):
    drafter = client(srv, "drafter")
    doc = new_doc(drafter, "关于确认发布的测试通知")
    walk_to(srv, doc, "approval")
    leader = client(srv, "leader")
    r = act(leader, doc, "pass", "同意", confirm="")
    eq(r.status, 200)
    contains(r.text, "确认发布")
    contains(r.text, '<input type="hidden" name="opinion" value="同意">')
    eq(state_of(srv, doc), "approval")
    eq(act(leader, doc, "pass", "同意").status, 303)
    eq(state_of(srv, doc), "published")
    office = client(srv, "office")
    r = act(office, doc, "withdraw", "内容有误", confirm="")
    eq(r.status, 200)
    contains(r.text, "确认撤回")
    eq(state_of(srv, doc), "published")
    # A refused action answers on the document page with the reason; the
    # opinion typed is kept in its field.  (The leader may post to the
    # approval step; the document is no longer at it.)
    r = act(leader, doc, "return", "请补充附件")
    eq(r.status, 409)
    contains(r.text, 'id="refusal"')
    contains(r.text, "<h1>关于确认发布的测试通知</h1>")


def test_secrecy_review_is_scanned_on_arrival(srv):
    drafter = client(srv, "drafter")
    body = "联系人：马某某，电话 %s。" % MOBILE
    doc = new_doc(drafter, "关于自动扫描的测试公示", body=body)
    walk_to(srv, doc, "secrecy_review")
    page = client(srv, "secrecy").get("/staff/docs/%d" % doc).text
    contains(page, 'data-kind="mobile"')          # found before anyone pressed 扫描
    r = act(client(srv, "secrecy"), doc, "pass", "经审查可以公开")
    eq(r.status, 409)
    contains(r.text, 'id="refusal"')
    # The comment typed is not lost: it is back in the review form's box.
    contains(r.text, 'name="opinion" rows="3" maxlength="2000">经审查可以公开</textarea>')
