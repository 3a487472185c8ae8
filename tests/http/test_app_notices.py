"""test_app_notices.py — the documents an office sends (issue 13 §6).

Each step of the procedure issues its notice with the next 文号 of the
organisation's series (登记回执 at registration, 补正告知书, 延期答复告知书,
征求第三方意见书, 收费通知书, the answer letter at approval), dated, with
its legal basis, the contact person and phone and the remedies; printable
HTML and DOCX; the templates are the organisation's to edit; the applicant
finds those addressed to him at /track, not the letters to third parties.
"""
import io
import re
import zipfile

from harness import contains, eq, not_contains, ok
from lookup import org_id
from test_applications import form, id_number


def notices(c, aid):
    """[(doc_no, title, nid)] from the case page's table of notices."""
    page = c.get("/staff/applications/%d" % aid).plain
    return [(no, title, int(nid)) for no, title, nid in re.findall(
        r'<tr><td>([^<]+)</td><td>([^<]+)</td><td>[^<]+</td><td><a href="/staff/'
        r'applications/\d+/notices/(\d+)"', page)]


def test_each_step_issues_its_numbered_notice(srv):
    office = srv.client()
    office.login("office")
    f = form(name="邹告知", id_number=id_number("64052119800106001"), delivery="pickup")
    f.update({"channel": "in_person", "event_day": "2026-03-02"})
    r = office.post("/staff/applications/new", f, csrf_from="/staff/applications/new")
    if r.status == 303:  # registration redirects to its result page
        r = office.get(r.headers["location"])
    eq(r.status, 200, r.plain[-600:])
    reg = re.search(r'id="reg-no">([^<]+)<', r.plain).group(1)
    code = re.search(r'id="tracking-code"><strong>([^<]+)<', r.plain).group(1)
    from test_applications import app_id
    aid = app_id(office, reg)
    at = "/staff/applications/%d" % aid
    # Registration: the Art. 31 receipt, numbered in the bureau's series.
    n = notices(office, aid)
    eq([t for _, t, _ in n], ["政府信息公开申请登记回执"])
    m = re.fullmatch(r"宁卫健依申〔2026〕(\d+)号", n[0][0])
    ok(m, n[0][0])
    first = int(m.group(1))
    page = office.get("%s/notices/%d" % (at, n[0][2])).plain
    for s in ("政府信息公开申请登记回执", n[0][0], "第三十一条", "2026年3月2日",
              "联系人：王公开", "0955-5021796", "行政复议", "中宁县卫生健康局"):
        contains(page, s)
    # A correction notice, the extension, a consultation: each the next number.
    eq(office.post(at + "/event", {"kind": "correction_sent", "on_day": "2026-03-04",
                                   "limit_day": "2026-03-25",
                                   "text": "请写明所需采购目录的年度"}, csrf_from=at).status, 303)
    eq(office.post(at + "/event", {"kind": "correction_received", "on_day": "2026-03-09",
                                   "text": ""}, csrf_from=at).status, 303)
    head = srv.client()
    head.login("officehead")
    eq(head.post(at + "/extend", {"on_day": "2026-04-01", "n_days": "15",
                                  "text": "需调取多个科室的档案", "notified": "1"},
                 csrf_from=at).status, 303)
    eq(office.post(at + "/event", {"kind": "third_party_start", "on_day": "2026-04-02",
                                   "text": "宁夏某某医药有限公司"}, csrf_from=at).status, 303)
    n = notices(office, aid)
    eq([t for _, t, _ in n], ["政府信息公开申请登记回执", "政府信息公开申请补正告知书",
                              "政府信息公开申请延期答复告知书", "政府信息公开征求第三方意见书"])
    eq([no for no, _, _ in n],
       ["宁卫健依申〔2026〕%d号" % (first + k) for k in range(4)])
    corr = office.get("%s/notices/%d" % (at, n[1][2])).plain
    for s in ("第三十条", "请写明所需采购目录的年度", "2026年3月25日", "视为您放弃申请"):
        contains(corr, s)
    ext = office.get("%s/notices/%d" % (at, n[2][2])).plain
    for s in ("第三十三条第二款", "政府信息公开工作机构负责人同意", "延长15个工作日",
              "需调取多个科室的档案"):
        contains(ext, s)
    tp = office.get("%s/notices/%d" % (at, n[3][2])).plain
    for s in ("宁夏某某医药有限公司：", "第三十二条", "15个工作日内提出意见"):
        contains(tp, s)
    # DOCX of the same notice.
    d = office.get("%s/notices/%d/docx" % (at, n[1][2]))
    eq(d.status, 200)
    xml = zipfile.ZipFile(io.BytesIO(d.body)).read("word/document.xml").decode()
    contains(xml, "补正告知书")
    contains(xml, n[1][0])
    # The answer: drafted, reviewed, approved: the answer letter's number.
    eq(office.post(at + "/event", {"kind": "third_party_end", "on_day": "2026-04-10",
                                   "text": "同意公开"}, csrf_from=at).status, 303)
    eq(office.post(at + "/draft", {"outcome": "results.granted"}, csrf_from=at).status, 303)
    dh = srv.client()
    dh.login("depthead")
    eq(dh.post(at + "/dept_review", {}, csrf_from=at).status, 303)
    leader = srv.client()
    leader.login("leader")
    eq(leader.post(at + "/approve", {"confirm": "1", "answer_day": "2026-04-14"}, csrf_from=at).status, 303)
    n = notices(office, aid)
    eq(n[-1][1], "政府信息公开申请答复告知书")
    eq(n[-1][0], "宁卫健依申〔2026〕%d号" % (first + 4))
    letter = office.get(at + "/letter").plain
    contains(letter, n[-1][0])
    contains(letter, "2026年4月14日")
    # The applicant sees his notices at /track, not the third party's.
    t = srv.client().post("/track", {"reg_no": reg, "code": code}, csrf_from="/track")
    eq(t.status, 200)
    for title in ("政府信息公开申请登记回执", "政府信息公开申请补正告知书",
                  "政府信息公开申请延期答复告知书", "政府信息公开申请答复告知书"):
        contains(t.plain, title)
    not_contains(t.plain, "征求第三方意见书")
    r = srv.client().post("/track/notice", {"reg_no": reg, "code": code, "nid": str(n[1][2]),
                                            "format": "html"}, csrf_from="/track")
    eq(r.status, 200)
    contains(r.plain, "请写明所需采购目录的年度")
    r = srv.client().post("/track/notice", {"reg_no": reg, "code": code, "nid": str(n[3][2]),
                                            "format": "html"}, csrf_from="/track")
    eq(r.status, 404)
    r = srv.client().post("/track/notice", {"reg_no": reg, "code": "0" * 20,
                                            "nid": str(n[1][2])}, csrf_from="/track")
    eq(r.status, 404)


def test_templates_are_the_organisations_and_series_are_per_organisation(srv):
    office = srv.client()
    office.login("office")
    page = office.get("/staff/answer-templates?outcome=notice.receipt")
    eq(page.status, 200)
    contains(page.plain, "{received_on}为本机关收到申请之日")      # the default
    r = office.post("/staff/answer-templates?outcome=notice.receipt",
                    {"body": "{applicant}：\n您的申请已于{received_on}登记（{reg_no}）。\n"
                             "联系人：{contact}，电话：{phone}。\n{org}\n{date}"},
                    csrf_from="/staff/answer-templates?outcome=notice.receipt")
    eq(r.status, 303)
    f = form(name="童模板", id_number=id_number("64052119800107001"))
    f.update({"channel": "in_person", "event_day": "2026-03-03"})
    r = office.post("/staff/applications/new", f, csrf_from="/staff/applications/new")
    if r.status == 303:  # registration redirects to its result page
        r = office.get(r.headers["location"])
    reg = re.search(r'id="reg-no">([^<]+)<', r.plain).group(1)
    from test_applications import app_id
    aid = app_id(office, reg)
    n = notices(office, aid)
    page = office.get("/staff/applications/%d/notices/%d" % (aid, n[0][2])).plain
    contains(page, "您的申请已于2026年3月3日登记（%s）" % reg)
    contains(page, "联系人：王公开，电话：0955-5021796")
    # The 疾控中心 has its own series (no prefix set: short name + 依申).
    f.update({"org_id": str(org_id(srv, "zn-cdc")), "name": "童疾控",
              "id_number": id_number("64052119800107002")})
    r = office.post("/staff/applications/new", f, csrf_from="/staff/applications/new")
    if r.status == 303:  # registration redirects to its result page
        r = office.get(r.headers["location"])
    eq(r.status, 200, r.plain[-500:])
    reg2 = re.search(r'id="reg-no">([^<]+)<', r.plain).group(1)
    aid2 = app_id(office, reg2)
    no = notices(office, aid2)[0][0]
    ok(re.fullmatch(r"疾控中心依申〔2026〕\d+号", no), no)
    # Unknown template keys are refused.
    eq(office.get("/staff/answer-templates?outcome=notice.nope").status, 422)


def test_admin_sets_contact_and_prefix(srv):
    admin = srv.client()
    admin.login("sysadmin")
    page = admin.get("/admin/orgs/1")
    contains(page.plain, "文号前缀")
    r = admin.post("/admin/orgs/1/notices", {"notice_contact": "李联系",
                                             "notice_prefix": "宁卫〔"},
                   csrf_from="/admin/orgs/1")
    eq(r.status, 422)
    r = admin.post("/admin/orgs/1/notices", {"notice_contact": "李联系",
                                             "notice_prefix": "宁卫健申"},
                   csrf_from="/admin/orgs/1")
    eq(r.status, 303)
    office = srv.client()
    office.login("office")
    f = form(name="卜前缀", id_number=id_number("64052119800108001"))
    f.update({"channel": "in_person", "event_day": "2026-03-04"})
    r = office.post("/staff/applications/new", f, csrf_from="/staff/applications/new")
    if r.status == 303:  # registration redirects to its result page
        r = office.get(r.headers["location"])
    from test_applications import app_id
    aid = app_id(office, re.search(r'id="reg-no">([^<]+)<', r.plain).group(1))
    no, _, nid = notices(office, aid)[0]
    ok(no.startswith("宁卫健申〔2026〕"), no)
    contains(office.get("/staff/applications/%d/notices/%d" % (aid, nid)).plain, "联系人：李联系")


def register(office, name, body17, day):
    """Registers an in-person application received on day; its id."""
    f = form(name=name, id_number=id_number(body17))
    f.update({"channel": "in_person", "event_day": day})
    r = office.post("/staff/applications/new", f, csrf_from="/staff/applications/new")
    if r.status == 303:  # registration redirects to its result page
        r = office.get(r.headers["location"])
    eq(r.status, 200, r.plain[-600:])
    from test_applications import app_id
    return app_id(office, re.search(r'id="reg-no">([^<]+)<', r.plain).group(1))


def test_a_reprinted_notice_states_the_due_date_it_stated_when_issued(srv):
    """A 登记回执 or 延期答复告知书 printed again later says what it said on
    its day, not the due date after later steps.  Worked by hand on the 2026
    calendar (清明 4/4-6 off, no make-up day; nothing else off in March or
    April):
      received Mon 2026-03-02 -> 20 WD (Art. 33 ¶2) from 03-03: 03-03..06 (4),
        09..13 (9), 16..20 (14), 23..27 (19), 03-30 (20): due 2026-03-30;
      extension of 10 WD on 03-20: 03-31, 04-01..03 (4), [04-04..06 off],
        04-07..10 (8), 04-13, 04-14 (10): due 2026-04-14;
      third party consulted 03-25 .. reply 04-01: the WD in (03-25, 04-01]
        are not counted (Art. 33 ¶3): 03-26, 27, 30, 31, 04-01 = 5 WD, so
        the due date becomes 04-15, 16, 17, 20, 21: 2026-04-21."""
    office = srv.client()
    office.login("office")
    # The default 登记回执 (an earlier test gave the bureau its own).
    eq(office.post("/staff/answer-templates?outcome=notice.receipt", {"body": ""},
                   csrf_from="/staff/answer-templates?outcome=notice.receipt").status, 303)
    aid = register(office, "甘重印", "64052119800109001", "2026-03-02")
    at = "/staff/applications/%d" % aid
    receipt = notices(office, aid)[0][2]
    contains(office.get("%s/notices/%d" % (at, receipt)).plain, "答复期限：2026年3月30日")
    head = srv.client()
    head.login("officehead")
    eq(head.post(at + "/extend", {"on_day": "2026-03-20", "n_days": "10",
                                  "text": "需调取多个科室的档案", "notified": "1"},
                 csrf_from=at).status, 303)
    ext = notices(office, aid)[1][2]
    contains(office.get("%s/notices/%d" % (at, ext)).plain, "至2026年4月14日")
    for kind, day, text in (("third_party_start", "2026-03-25", "宁夏某某药业有限公司"),
                            ("third_party_end", "2026-04-01", "不同意公开")):
        eq(office.post(at + "/event", {"kind": kind, "on_day": day, "text": text},
                       csrf_from=at).status, 303)
    eq(office.get("/api/v1/applications/%d" % aid).json()["due_on"], "2026-04-21")
    # Printed again (HTML and Word): the dates of their day.
    page = office.get("%s/notices/%d" % (at, receipt)).plain
    contains(page, "答复期限：2026年3月30日")
    not_contains(page, "2026年4月21日")
    page = office.get("%s/notices/%d" % (at, ext)).plain
    contains(page, "延长10个工作日，至2026年4月14日")
    not_contains(page, "2026年4月21日")
    ext_page = page
    d = office.get("%s/notices/%d/docx" % (at, ext))
    xml = zipfile.ZipFile(io.BytesIO(d.body)).read("word/document.xml").decode()
    contains(xml, "2026年4月14日")
    # A notice issued before due dates were kept (0108: due_kept 0) states
    # the due date of its day, worked out from the events up to it.
    # Issued from 2024 on, it names the reconsideration organ (行政复议法
    # 2023 Art. 20 ¶3, Art. 24: the county government for its bureau).
    contains(ext_page, "六十日内依法向中宁县人民政府申请行政复议")
    # A notice issued before 0108 (due date and organ not kept) states the
    # due date of its day, worked out from the events up to it, and the
    # remedy sentence it had then, which named no organ.
    srv.sql("UPDATE app_notice SET due_kept=0, due_on='', review_organ=NULL"
            " WHERE id IN (?, ?)", (receipt, ext))
    contains(office.get("%s/notices/%d" % (at, receipt)).plain, "答复期限：2026年3月30日")
    page = office.get("%s/notices/%d" % (at, ext)).plain
    contains(page, "至2026年4月14日")
    contains(page, "六十日内依法申请行政复议")


def test_every_answer_letter_renders_and_the_granted_template_stays_its_own(srv):
    """An office that edited its 予以公开 letter: Art. 36(二) answers use it;
    the Art. 36(一) answer (0106, also counted as 予以公开) keeps the default
    written from Art. 36(一) — a letter "provided herewith" would be wrong
    for information that is only pointed to — and its template page says
    so.  Every answer of the template list renders a letter without a
    placeholder left over, for the bureau (edited) and for the 疾控中心
    (defaults)."""
    office = srv.client()
    office.login("office")
    at_tpl = "/staff/answer-templates?outcome=results.granted"
    eq(office.post(at_tpl, {"body": "{applicant}：\n本局特制予以公开答复。{decision}\n"
                                    "{obtain}\n{remedy}\n{org}\n{date}"},
                   csrf_from=at_tpl).status, 303)
    contains(office.get(at_tpl).plain, "第三十六条第（一）项）另有模板")
    page = office.get("/staff/answer-templates?outcome=results.granted.already_public").plain
    contains(page, "本单位修改过“予以公开”的答复模板；该修改不适用于已主动公开的答复")
    answers = re.findall(r'<option value="(results\.[^"]+)"', page)
    ok(len(answers) > 20 and "results.granted.already_public" in answers, answers)
    cdc = org_id(srv, "zn-cdc")
    for n, org in enumerate((None, cdc)):
        aid = register(office, "石模板%d" % n, "6405211980011%d001" % n, "2026-06-01") \
            if org is None else None
        if org is not None:
            f = form(name="石疾控", id_number=id_number("64052119800112001"))
            f.update({"channel": "in_person", "event_day": "2026-06-01", "org_id": str(org)})
            r = office.post("/staff/applications/new", f, csrf_from="/staff/applications/new")
            if r.status == 303:
                r = office.get(r.headers["location"])
            from test_applications import app_id
            aid = app_id(office, re.search(r'id="reg-no">([^<]+)<', r.plain).group(1))
        at = "/staff/applications/%d" % aid
        for ans in answers:
            if ans in ("results.other.no_correction", "results.other.fee_unpaid"):
                continue  # closed by their events, never drafted
            r = office.post(at + "/draft", {"outcome": ans, "decision_text": "经核查所述理由。",
                                            "obtain_at": "本局门户网站政府信息公开专栏",
                                            "other_organ": "中宁县自然资源局"},
                            csrf_from=at)
            eq(r.status, 303, "%s: %s" % (ans, r.plain[-300:]))
            letter = office.get(at + "/letter")
            eq(letter.status, 200, ans)
            ok("{" not in re.sub(r"<[^>]*>|<script.*?</script>", "", letter.plain
                                 .split('<article class="letter">')[1].split("</article>")[0]),
               ans)
            mine = org is None and ans == "results.granted"
            (contains if mine else not_contains)(letter.plain, "本局特制予以公开答复", ans)
            if ans == "results.granted.already_public":
                contains(letter.plain, "第三十六条第（一）项", ans)
                contains(letter.plain, "获取：本局门户网站政府信息公开专栏", ans)
                not_contains(letter.plain, "随本告知书", ans)
            r = office.post(at + "/return", {"note": "换一种答复"}, csrf_from=at)
            eq(r.status, 303, ans + r.plain[-400:])
    eq(office.post(at_tpl, {"body": ""}, csrf_from=at_tpl).status, 303)
