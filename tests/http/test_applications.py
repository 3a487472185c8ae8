"""test_applications.py — applications for disclosure (依申请公开), issue 5.

The public form refuses bad input with a message and stores nothing; a
complete application goes from the public form to the answer letter (HTML
and DOCX, staff and applicant); a 县医院 user cannot see the bureau's
applications; a user without the handling permission sees masked identity
numbers only; staff registration by letter fixes the Art. 31 receipt date
and an approved extension moves the due date by exactly its working days;
the form is rate-limited per address.
"""
import io
import re
import zipfile

from harness import contains, eq, not_contains, ok

APPLY = "/o/znwsj/apply"


def id_number(body17):
    """A resident identity number with its GB 11643 check character."""
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    s = sum(int(c) * k for c, k in zip(body17, w))
    return body17 + "10X98765432"[s % 11]


def uscc(prefix8, org8):
    """A credit code: authority, type, region (8), GB 11714 org code, check."""
    v = lambda ch: int(ch) if ch.isdigit() else ord(ch) - 55
    s = sum(v(ch) * k for ch, k in zip(org8, [3, 7, 9, 10, 5, 8, 4, 2]))
    c = 11 - s % 11
    body = prefix8 + org8 + ("X" if c == 10 else "0" if c == 11 else str(c))
    cs = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    w = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
    t = sum(cs.index(ch) * k for ch, k in zip(body, w))
    return body + cs[(31 - t % 31) % 31]


GOOD_ID = id_number("64052119850312123")
BAD_ID = GOOD_ID[:-1] + ("0" if GOOD_ID[-1] != "0" else "1")


def form(**kw):
    f = {
        "applicant_type": "natural_person", "name": "马建国",
        "id_kind": "resident_id", "id_number": GOOD_ID,
        "phone": "13995551234", "email": "majg@example.com",
        "address": "宁夏中宁县宁安镇东街12号", "postcode": "755100",
        "info_title": "2024年中宁县基层医疗卫生机构基本药物采购目录",
        "info_doc_number": "", "info_description": "县卫健局制定的采购目录全文",
        "purpose": "了解政策", "form": "paper", "delivery": "post",
    }
    f.update(kw)
    return f


def count_apps(srv):
    c = srv.client()
    c.login("office")
    r = c.get("/api/v1/applications")
    eq(r.status, 200)
    return len(r.json()["applications"])


def follow(c, r):
    """A successful registration redirects (303) to the page that shows the
    registration number and code once; that page is what the tests read."""
    if r.status == 303:
        return c.get(r.headers["location"])
    return r


def submit(c, fields, files=None):
    return follow(c, c.post(APPLY, fields,
                            files=files or {"attachment": ("", b"", "application/octet-stream")},
                            csrf_from=APPLY))


def test_public_form_renders_without_script(srv):
    r = srv.client().get(APPLY)
    eq(r.status, 200)
    contains(r.plain, '<label for="f-id_number">')
    contains(r.plain, 'enctype="multipart/form-data"')
    contains(r.plain, "中宁县卫生健康局")


def test_bad_id_check_digit_refused_nothing_stored(srv):
    before = count_apps(srv)
    c = srv.client()
    r = submit(c, form(id_number=BAD_ID, name="刘错号"))
    eq(r.status, 422)
    contains(r.plain, "居民身份证号码有误")
    contains(r.plain, "校验码")
    contains(r.plain, 'value="刘错号"')        # input kept
    contains(r.plain, 'value="%s"' % BAD_ID)
    eq(count_apps(srv), before)


def test_empty_description_refused_nothing_stored(srv):
    before = count_apps(srv)
    r = submit(srv.client(), form(info_title="", info_doc_number="", info_description=""))
    eq(r.status, 422)
    contains(r.plain, "请填写所需政府信息的名称、文号或者便于查询的其他特征性描述")
    contains(r.plain, 'value="马建国"')
    eq(count_apps(srv), before)


def test_oversize_attachment_refused_nothing_stored(srv):
    before = count_apps(srv)
    c = srv.client()
    big = b"%PDF-1.4\n" + b"x" * (1536 * 1024)     # 1.5 MB: above 1 MB limit
    r = submit(c, form(), files={"attachment": ("身份证.pdf", big, "application/pdf")})
    eq(r.status, 422)
    contains(r.plain, "附件过大：附件不能超过1MB")
    contains(r.plain, 'value="马建国"')
    huge = b"y" * (3 * 1024 * 1024)                # above the 2 MB body limit
    r = submit(c, form(), files={"attachment": ("big.bin", huge, "application/octet-stream")})
    eq(r.status, 413)
    contains(r.plain, "提交的内容超过大小限制")
    eq(count_apps(srv), before)


def app_id(c, reg_no):
    r = c.get("/api/v1/applications?f=open")
    eq(r.status, 200)
    for a in r.json()["applications"]:
        if a["reg_no"] == reg_no:
            return a["id"]
    raise AssertionError("application %s not in the register" % reg_no)


STATE = {}


def test_complete_application_intake_to_answer_letter(srv):
    pub = srv.client()
    r = submit(pub, form(), files={"attachment": ("id.txt", b"copy of id", "text/plain")})
    eq(r.status, 200)
    reg = re.search(r'id="reg-no">([^<]+)<', r.plain).group(1)
    code = re.search(r'id="tracking-code"><strong>([0-9a-f]+)<', r.plain).group(1)
    ok(re.match(r"znwsj-\d{4}-\d{4}$", reg), reg)
    eq(len(code), 20)
    STATE.update(reg=reg, code=code)
    # Status page: received, due date shown; wrong code refused.
    r = pub.post("/track", {"reg_no": reg, "code": code}, csrf_from="/track")
    eq(r.status, 200)
    contains(r.plain, '<dd id="status">已收到</dd>')
    ok(re.search(r'<dd id="due">\d{4}年\d{1,2}月\d{1,2}日</dd>', r.plain), "due date on status page")
    r = pub.post("/track", {"reg_no": reg, "code": "0" * 20}, csrf_from="/track")
    eq(r.status, 404)
    contains(r.plain, "登记号或查询码不正确")

    office = srv.client()
    office.login("office")
    aid = app_id(office, reg)
    STATE["id"] = aid
    page = office.get("/staff/applications/%d" % aid)
    eq(page.status, 200)
    contains(page.plain, '<dd id="id-number">%s</dd>' % GOOD_ID)   # handler sees it
    contains(page.plain, "（第三十三条第二款）")                      # explained clock
    contains(page.plain, "id.txt")
    link = re.search(r'href="(/staff/applications/\d+/files/\d+)">id.txt<', page.plain).group(1)
    STATE["file"] = link
    r = office.get(link)
    eq(r.status, 200)
    eq(r.body, b"copy of id")
    contains(r.headers["content-disposition"], "attachment")
    # Assign to the drafter; the drafter drafts; the leader approves.
    users = re.findall(r'<option value="(\d+)"[^>]*>李承办</option>', page.plain)
    ok(users, "drafter offered as handler")
    r = office.post("/staff/applications/%d/assign" % aid, {"dept_id": "0", "handler_id": users[0]},
                    csrf_from="/staff/applications/%d" % aid)
    eq(r.status, 303)
    drafter = srv.client()
    drafter.login("drafter")
    r = drafter.post("/staff/applications/%d/draft" % aid,
                     {"outcome": "results.granted", "decision_text": "相关目录共3页。"},
                     csrf_from="/staff/applications/%d" % aid)
    eq(r.status, 303)
    r = drafter.post("/staff/applications/%d/approve" % aid, {"confirm": "1", "answer_day": "2000-01-01"},
                     csrf_from="/staff/applications/%d" % aid)
    eq(r.status, 403)                                              # drafter cannot approve
    leader = srv.client()
    leader.login("leader")
    page = leader.get("/staff/applications/%d" % aid)
    contains(page.plain, '<dd id="state">待科室审核</dd>')
    r = leader.post("/staff/applications/%d/approve" % aid, {"confirm": "1", "answer_day": "2026-01-05"},
                    csrf_from="/staff/applications/%d" % aid)
    eq(r.status, 422)                                              # not reviewed yet
    contains(r.plain, "该申请不在待审批状态")
    head = srv.client()
    head.login("depthead")
    r = head.post("/staff/applications/%d/approve" % aid, {"confirm": "1", "answer_day": "2026-01-05"},
                  csrf_from="/staff/applications/%d" % aid)
    eq(r.status, 403)                                              # a reviewer cannot approve
    r = head.post("/staff/applications/%d/dept_review" % aid, {"note": "同意"},
                  csrf_from="/staff/applications/%d" % aid)
    eq(r.status, 303)
    page = leader.get("/staff/applications/%d" % aid)
    contains(page.plain, '<dd id="state">待领导审批</dd>')
    day = re.search(r'name="answer_day" value="([0-9-]+)"', page.plain).group(1)
    r = leader.post("/staff/applications/%d/approve" % aid, {"confirm": "1", "answer_day": day},
                    csrf_from="/staff/applications/%d" % aid)
    eq(r.status, 303)
    page = office.get("/staff/applications/%d" % aid)
    contains(page.plain, '<dd id="state">已答复</dd>')
    contains(page.plain, '<dd id="outcome">（一）予以公开</dd>')
    # Letter, HTML.
    r = office.get("/staff/applications/%d/letter" % aid)
    eq(r.status, 200)
    for s in ["政府信息公开申请答复告知书", "马建国：", "登记号：" + reg,
              "您申请获取的政府信息属于公开范围，本机关予以公开。", "相关目录共3页。",
              # The information is sent: Art. 36(二); (一), already
              # disclosed, is an answer of its own (test_app_workflow).
              "依据：《条例》第三十六条第（二）项。",
              "六十日内依法向中宁县人民政府申请行政复议", "六个月内依法向人民法院提起行政诉讼",
              "中宁县卫生健康局"]:
        contains(r.plain, s)
    # Letter, DOCX.
    r = office.get("/staff/applications/%d/letter.docx" % aid)
    eq(r.status, 200)
    eq(r.headers["content-type"], "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    eq(r.body[:2], b"PK")
    z = zipfile.ZipFile(io.BytesIO(r.body))
    eq(sorted(z.namelist()), ["[Content_Types].xml", "_rels/.rels", "word/document.xml"])
    doc = z.read("word/document.xml").decode("utf-8")
    contains(doc, "马建国：")
    contains(doc, "登记号：" + reg)
    # The applicant sees "answered" and downloads the letter.
    r = pub.post("/track", {"reg_no": reg, "code": code}, csrf_from="/track")
    contains(r.plain, '<dd id="status">已答复</dd>')
    r = pub.post("/track/letter", {"reg_no": reg, "code": code, "format": "docx"}, csrf_from="/track")
    eq(r.status, 200)
    eq(r.body[:2], b"PK")
    r = pub.post("/track/letter", {"reg_no": reg, "code": code, "format": "html"}, csrf_from="/track")
    contains(r.plain, "您申请获取的政府信息属于公开范围")


def test_answer_template_is_editable_per_outcome(srv):
    aid = STATE["id"]
    c = srv.client()
    c.login("office")
    at = "/staff/answer-templates?outcome=results.granted"
    page = c.get(at)
    eq(page.status, 200)
    contains(page.plain, "{applicant}：")                  # the default shown for editing
    r = c.post(at, {"body": "{applicant}先生/女士：\n经审查，{decision}\n特此告知。\n{org}\n{date}"},
               csrf_from=at)
    eq(r.status, 303)
    letter = c.get("/staff/applications/%d/letter" % aid).plain
    contains(letter, "马建国先生/女士：")
    contains(letter, "特此告知。")
    not_contains(letter, "{decision}")
    r = c.post(at, {"body": ""}, csrf_from=at)           # empty: back to the default
    eq(r.status, 303)
    contains(c.get("/staff/applications/%d/letter" % aid).plain, "六十日内依法向中宁县人民政府申请行政复议")
    drafter = srv.client()
    drafter.login("drafter")
    eq(drafter.get(at).status, 403)                     # approvers edit templates


def test_hospital_user_cannot_see_bureau_application(srv):
    aid = STATE["id"]
    c = srv.client()
    c.login("hosp-admin")
    r = c.get("/staff/applications/%d" % aid)
    eq(r.status, 403)
    r = c.get("/staff/applications/%d/letter" % aid)
    eq(r.status, 403)
    r = c.get("/api/v1/applications/%d" % aid)
    eq(r.status, 403)
    r = c.get("/staff/applications?f=")
    eq(r.status, 200)
    not_contains(r.plain, STATE["reg"])
    not_contains(r.plain, "znwsj-")


def test_reconsideration_and_litigation_recorded(srv):
    aid = STATE["id"]
    c = srv.client()
    c.login("office")
    at = "/staff/applications/%d" % aid
    r = c.post(at + "/review", {"kind": "review", "result": "upheld", "filed_on": "2026-01-05"},
               csrf_from=at)
    eq(r.status, 422)                                 # decided without a date
    contains(r.plain, "已审结的案件须填写决定或判决日期")
    r = c.post(at + "/review", {"kind": "lit_after_review", "result": "pending",
                                "filed_on": "2026-01-05", "body": "中宁县人民法院",
                                "case_no": "（2026）宁0521行初1号"}, csrf_from=at)
    eq(r.status, 303)
    page = c.get(at)
    contains(page.plain, "<td>复议后起诉</td><td>尚未审结</td><td>2026-01-05</td>")
    rid = re.search(r'name="review_id" value="(\d+)"', page.plain).group(1)
    r = c.post(at + "/review_decide", {"review_id": rid, "result": "corrected",
                                       "decided_on": "2026-01-04"}, csrf_from=at)
    eq(r.status, 422)                                 # before filing
    r = c.post(at + "/review_decide", {"review_id": rid, "result": "corrected",
                                       "decided_on": "2026-03-02"}, csrf_from=at)
    eq(r.status, 303)
    contains(c.get(at).plain, "<td>复议后起诉</td><td>结果纠正</td><td>2026-01-05</td><td>2026-03-02</td>")


def test_masked_identity_without_handling_permission(srv):
    aid = STATE["id"]
    masked = GOOD_ID[:6] + "*" * 8 + GOOD_ID[-4:]
    c = srv.client()
    c.login("secrecy")
    r = c.get("/staff/applications/%d" % aid)
    eq(r.status, 200)
    contains(r.plain, '<dd id="id-number">%s</dd>' % masked)
    not_contains(r.plain, GOOD_ID)
    r = c.post("/staff/applications/%d/review" % aid,
               {"kind": "review", "result": "pending", "filed_on": "2025-01-02"},
               csrf_from="/staff/applications/%d" % aid)
    eq(r.status, 403)
    r = c.get(STATE["file"])                        # identity proof: handlers only
    eq(r.status, 403)
    r = c.get("/api/v1/applications/%d" % aid)
    not_contains(r.plain, GOOD_ID)
    contains(r.plain, masked)


def test_registration_by_letter_and_extension(srv):
    office = srv.client()
    office.login("office")
    f = form(name="宁夏某某律师事务所", applicant_type="legal_service", id_kind="uscc",
             id_number=uscc("31640521", "MD019150"), contact_person="周律师")
    f.update({"channel": "post_signed", "event_day": "2024-02-05"})
    r = follow(office, office.post("/staff/applications/new", f,
                                   files={"attachment": ("", b"", "application/octet-stream")},
                                   csrf_from="/staff/applications/new"))
    eq(r.status, 200, r.plain[-1500:])
    reg = re.search(r'id="reg-no">([^<]+)<', r.plain).group(1)
    ok(reg.startswith("znwsj-2024-"), reg)
    aid = app_id(office, reg)
    page = office.get("/staff/applications/%d" % aid)
    rc, out, err = srv.gongkai("workdays", "add", "2024-02-05", "20")
    eq(rc, 0, err)
    due = out.strip()
    eq(due, "2024-03-08")                         # counted by hand in test_deadline.c
    contains(page.plain, '<dd id="due">%s</dd>' % due)
    # Only the head of the disclosure office approves an extension (Art. 33
    # ¶2): not the drafter, not the office staff; nor as a plain event.
    drafter = srv.client()
    drafter.login("drafter")
    head = srv.client()
    head.login("officehead")
    ext = {"on_day": "2024-03-01", "n_days": "20", "text": "需调取档案", "notified": "1"}
    at = "/staff/applications/%d" % aid
    for who in (drafter, office):
        r = who.post(at + "/extend", ext, csrf_from=at)
        eq(r.status, 403)
    r = office.post(at + "/event", dict(ext, kind="extension"), csrf_from=at)
    eq(r.status, 422)
    contains(r.plain, "延期须经政府信息公开工作机构负责人批准")
    ok("批准延期" not in office.get(at).plain, "extension form offered to office staff")
    contains(head.get(at).plain, "批准延期（第三十三条第二款）")
    # Without notice, without reasons or over 20 days: refused; one valid
    # extension moves the date; a second one is refused.
    r = head.post(at + "/extend", dict(ext, notified=""), csrf_from=at)
    eq(r.status, 422)
    contains(r.plain, "延期须告知申请人")
    r = head.post(at + "/extend", dict(ext, text=""), csrf_from=at)
    eq(r.status, 422)
    r = head.post(at + "/extend", dict(ext, n_days="21"), csrf_from=at)
    eq(r.status, 422)
    r = head.post(at + "/extend", ext, csrf_from=at)
    eq(r.status, 303)
    rc, out, err = srv.gongkai("workdays", "add", "2024-02-05", "40")
    page = office.get(at)
    contains(page.plain, '<dd id="due">%s</dd>' % out.strip())
    contains(page.plain, "批准人：郑主任；已告知申请人；需调取档案")
    r = head.post(at + "/extend", dict(ext, n_days="5"), csrf_from=at)
    eq(r.status, 422)


def test_new_year_holidays_move_open_deadlines_and_are_logged(srv):
    # Received Mon 2026-11-23 in person: 20 WD -> 2026-12-21; a 20 WD
    # extension: 12-22..25 (4), 12-28..31 (8), Fri 2027-01-01 off (元旦 is
    # fixed by law even before the 2027 notice is loaded), 01-04..08 (13),
    # 01-11..15 (18), 01-18, 19 (20) -> 2027-01-19.  Loading a 2027 file that
    # makes Sat 2027-01-09 a working day moves it to Mon 2027-01-18: 01-04..08
    # (13), Sat 09 (14), 11..15 (19), 18 (20).  (Assumes the embedded
    # calendar ends with 2026, as data/holidays_cn.csv does now.)
    office = srv.client()
    office.login("office")
    f = form(name="赵新年", id_number=id_number("64052119900101002"))
    f.update({"channel": "in_person", "event_day": "2026-11-23"})
    r = follow(office, office.post("/staff/applications/new", f,
                                   files={"attachment": ("", b"", "application/octet-stream")},
                                   csrf_from="/staff/applications/new"))
    eq(r.status, 200)
    aid = app_id(office, re.search(r'id="reg-no">([^<]+)<', r.plain).group(1))
    at = "/staff/applications/%d" % aid
    head = srv.client()
    head.login("officehead")
    r = head.post(at + "/extend", {"on_day": "2026-11-23", "n_days": "20",
                                   "text": "需协调", "notified": "1"}, csrf_from=at)
    eq(r.status, 303)
    contains(office.get(at).plain, '<dd id="due">2027-01-19</dd>')
    path = srv.dir + "/holidays_2027.csv"
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("date,kind,name\n2027-01-01,holiday,元旦\n"
                 "2027-01-09,workday,元旦\n")
    rc, out, err = srv.gongkai("applications", "holidays", path, "--db", srv.db)
    eq(rc, 0, err)
    contains(out, "2 calendar override(s) loaded")
    page = office.get(at)
    contains(page.plain, '<dd id="due">2027-01-18</dd>')
    contains(page.plain, "<td>2027-01-19</td><td>2027-01-18</td><td>节假日安排更新后重新计算</td>")


def test_rate_limit_per_address(srv):
    c = srv.client()
    seen = None
    for i in range(30):
        r = submit(c, form(info_title="", info_doc_number="", info_description=""))
        if r.status == 429:
            seen = r
            break
        eq(r.status, 422)
    ok(seen is not None, "no 429 after 30 submissions")
    contains(seen.plain, "您提交申请过于频繁")


def test_demo_covers_every_outcome_channel_and_applicant_type(srv):
    c = srv.client()
    c.login("office")
    apps = c.get("/api/v1/applications").json()["applications"]
    years = {}
    for a in apps:
        years.setdefault(a["received_on"][:4], []).append(a)
    for y in range(2019, 2026):
        n = len(years.get(str(y), []))
        ok(20 <= n <= 80, "%d applications received in %d" % (n, y))
    eq(len({a["outcome"] for a in apps if a["outcome"]}), 21)
    eq({a["channel"] for a in apps},
       {"in_person", "oral", "post_signed", "post_ordinary", "online", "fax", "email"})
    eq({a["applicant_type"] for a in apps},
       {"natural_person", "commercial", "research", "public_welfare", "legal_service", "other_org"})
    fee_unpaid = [a for a in apps if a["outcome"] == "results.other.fee_unpaid"]
    ok(fee_unpaid and min(a["received_on"] for a in fee_unpaid) >= "2021-01-01",
       "fee-unpaid closures only under 国办函〔2020〕109号 (from 2021)")
    # Table 三 rule R1 per year and the carry-over chain R6.
    prev_out = 0
    for y in range(2019, 2026):
        rc, out, err = srv.gongkai("applications", "year", str(y), "--db", srv.db)
        eq(rc, 0, err)
        m = re.match(r"(\d+) 新收 (\d+) 上年结转 (\d+) 办结 (\d+) 结转下年度 (\d+)", out)
        ok(m, out)
        new, cin, closed, cout = (int(m.group(i)) for i in range(2, 6))
        eq(new + cin, closed + cout, "R1 %d" % y)
        eq(cin, prev_out, "carried in %d" % y)
        page = c.get("/staff/applications?f=%d" % y)
        contains(page.plain, '一、本年新收</th><td>%d</td>' % new)
        contains(page.plain, '四、结转下年度继续办理</th><td>%d</td>' % cout)
        contains(page.plain, "勾稽关系（一＋二＝三（七）＋四）：成立")
        ok(cout > 0, "something carried over across 31 December %d" % y)
        prev_out = cout


def test_staff_home_panel_and_demo_case_page(srv):
    c = srv.client()
    c.login("office")
    r = c.get("/staff")
    eq(r.status, 200)
    contains(r.plain, 'id="panel-applications"')
    contains(r.plain, "5个工作日内到期（")
    m = re.search(r"已超期（(\d+)）", r.plain)
    ok(m and int(m.group(1)) >= 1, "an overdue demo case")
    contains(r.plain, "按期答复率")
    contains(r.plain, "建议转为主动公开（《条例》第四十四条）")
    apps = c.get("/api/v1/applications").json()["applications"]
    for a in apps:
        j = c.get("/api/v1/applications/%d" % a["id"]).json()
        if any(e["kind"] == "extension" for e in j["events"]):
            page = c.get("/staff/applications/%d" % a["id"])
            eq(page.status, 200)
            contains(page.plain, "批准人：郑主任")
            contains(page.plain, "延长")
            break
    else:
        raise AssertionError("no demo case with an extension")
