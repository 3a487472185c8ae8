"""test_staff_ui.py — the staff pages of issue 15: the persistent staff
menu (entries by role, counts of what waits for the user), the dashboard's
figure cards, the published document's confirmed action forms and the
flash message after a redirect, drafting (preview, Word import, choosing
referenced documents by search) and the applications register's bar."""
import re
import urllib.parse

from harness import contains, eq, not_contains, ok
from lookup import org_id

MENU = re.compile(r'<nav class="staff-menu".*?</nav>', re.S)


def menu(c, path="/staff"):
    r = c.get(path)
    eq(r.status, 200, path)
    m = MENU.search(r.plain)
    ok(m, "staff menu on " + path)
    return m.group(0)


def entries(html):
    """[(label, href, count or 0)] of the menu."""
    out = []
    for href, inner in re.findall(r'<li><a href="([^"]+)"[^>]*>(.*?)</a></li>', html):
        label = re.sub(r"<.*", "", inner).strip()
        n = re.search(r'data-count="(\d+)"', inner)
        out.append((label, href, int(n.group(1)) if n else 0))
    return out


def login(srv, who):
    c = srv.client()
    c.login(who)
    return c


# Who sees which entry, from the roles (core/perm.h): the catalogue and a
# published document's withdrawal are the office's (PERM_DOC_MANAGE); the
# supervisor's view is the supervisor's and the office's; administration is
# the administrator's; every staff role reads documents, applications,
# registers and reports.
EXPECT = {
    "drafter": ["工作台", "文件", "申请", "登记簿", "报告"],
    "office": ["工作台", "文件", "目录", "申请", "登记簿", "报告", "督查"],
    "inspector": ["工作台", "文件", "申请", "登记簿", "报告", "督查"],
    "sysadmin": ["工作台", "文件", "申请", "登记簿", "报告", "管理"],
}


def test_menu_entries_follow_roles_and_every_entry_opens(srv):
    for who, want in EXPECT.items():
        c = login(srv, who)
        got = entries(menu(c))
        eq([e[0] for e in got], want, who)
        for label, href, _ in got:
            r = c.get(href.replace("&amp;", "&"))
            eq(r.status, 200, "%s opens %s" % (who, href))
            # The entry of the page shown is marked current.
            cur = re.search(r'<a href="([^"]+)" aria-current="page"', MENU.search(r.plain).group(0))
            ok(cur and cur.group(1) == href, "%s current on %s" % (label, href))


def test_menu_only_on_staff_pages(srv):
    c = login(srv, "office")
    r = c.get("/o/znwsj")
    eq(r.status, 200)
    not_contains(r.plain, 'class="staff-menu"')
    contains(r.plain, 'href="/staff"')          # the way back to the staff pages
    r = srv.client().get("/")
    not_contains(r.plain, 'class="staff-menu"')


def count(c, label):
    for lab, _, n in entries(menu(c)):
        if lab == label:
            return n
    raise AssertionError("no menu entry " + label)


def listed(c, state):
    r = c.get("/staff/docs?state=" + state)
    eq(r.status, 200)
    return int(re.search(r'id="n-docs">(\d+)<', r.plain).group(1))


def test_document_count_is_the_review_steps_of_the_user(srv):
    # The secrecy reviewer's step is 保密审查: every document of the bureau
    # in that state (none of them drafted by the reviewer) waits for them.
    sec = login(srv, "secrecy")
    eq(count(sec, "文件"), listed(sec, "secrecy_review"))
    ok(listed(sec, "secrecy_review") >= 1, "demo has a document in 保密审查")
    # A drafter reviews nothing.
    drafter = login(srv, "drafter")
    eq(count(drafter, "文件"), 0)
    # A new submission adds one to the department head's count, not to the
    # secrecy reviewer's.
    head = login(srv, "depthead")
    before_head, before_sec = count(head, "文件"), count(sec, "文件")
    r = drafter.post("/staff/docs/new", {"title": "菜单计数测试文件", "formed_date": "2026-11-02",
                                         "mode": "proactive"}, csrf_from="/staff/docs/new")
    eq(r.status, 303)
    doc = re.search(r"/staff/docs/(\d+)", r.headers["location"]).group(1)
    r = drafter.post("/staff/docs/%s/submit" % doc, {"action": "submit"},
                     csrf_from="/staff/docs/" + doc)
    eq(r.status, 303)
    eq(count(head, "文件"), before_head + 1)
    eq(count(sec, "文件"), before_sec)


def test_application_count_follows_assignment(srv):
    # Moving an open application (in 办理, not in a review step) from the
    # drafter to the office: one less for the drafter, one more for the office.
    office = login(srv, "office")
    drafter = login(srv, "drafter")
    r = office.get("/api/v1/applications?f=open")
    eq(r.status, 200)
    apps = [a for a in r.json()["applications"] if a["state"] in ("received", "in_progress")]
    for a in apps:
        page = office.get("/staff/applications/%d" % a["id"])
        if re.search(r'<option value="\d+" selected>李承办</option>', page.plain):
            aid = a["id"]
            break
    else:
        raise AssertionError("no open application of the drafter in the demo")
    uid = re.search(r'<option value="(\d+)"[^>]*>王公开</option>', page.plain).group(1)
    before_d, before_o = count(drafter, "申请"), count(office, "申请")
    r = office.post("/staff/applications/%d/assign" % aid, {"dept_id": "0", "handler_id": uid},
                    csrf_from="/staff/applications/%d" % aid)
    eq(r.status, 303)
    eq(count(drafter, "申请"), before_d - 1)
    eq(count(office, "申请"), before_o + 1)


CARD = re.compile(r'<li class="card( bad)?" id="card-([a-z-]+)"><a href="([^"]+)">'
                  r'<span class="fig">([^<]+)</span><span class="label">([^<]+)</span>')


def test_dashboard_leads_with_cards_that_link_to_their_records(srv):
    """The cards come before the tables and charts and repeat the figures of
    the tables below with the same links (the tables' links are checked
    record by record in test_dashboard_links.py)."""
    c = login(srv, "office")
    for q in ("?org=1", "?org=1&subtree=1"):
        r = c.get("/staff/dashboard%s&year=2026" % q)
        eq(r.status, 200)
        t = r.plain
        cards = {m[1]: (m[2].replace("&amp;", "&"), m[3], m[4], bool(m[0]))
                 for m in CARD.findall(t)}
        eq(sorted(cards), sorted(["open", "due-soon", "overdue", "on-time", "catalogue", "report"]))
        ok(t.index('class="cards"') < t.index("<caption>登记簿汇总</caption>") <
           t.index('<figure class="chart">'), "cards lead, charts follow")
        # The tables' figures: label -> (link, figure).
        app = {label: (href.replace("&amp;", "&"), v) for label, href, v in re.findall(
            r'<tr><th scope="row">([^<]+)</th><td class="num[^"]*"><a href="([^"]+)">([^<]+)</a>',
            t)}
        for key, label in (("open", "在办申请"), ("overdue", "超期未答复"),
                           ("on-time", "按时办结率"), ("catalogue", "目录事项逾期未更新")):
            eq((cards[key][0], cards[key][1]), app[label], key)
        soon = [l for l in app if l.endswith("个工作日内到期")][0]
        eq((cards["due-soon"][0], cards["due-soon"][1]), app[soon])
        eq(cards["due-soon"][2], soon)
        # A figure of overdue work is marked as such only when it is not 0.
        eq(cards["overdue"][3], cards["overdue"][1] != "0")
        for key in ("open", "due-soon", "overdue", "on-time", "catalogue"):
            eq(c.get(cards[key][0]).status, 200, cards[key][0])
    # The bureau's own report: its status as the status table says it, and
    # the link opens that report.
    r = c.get("/staff/dashboard?org=1&year=2025")
    card = {m[1]: m for m in CARD.findall(r.plain)}["report"]
    row = re.search(r'<tr data-org="znwsj">.*?<td class="status">([^<]+)</td>', r.plain).group(1)
    eq(card[3], row)
    eq(card[4], "2025 年度报告")
    eq(card[2], "/staff/reports/znwsj/2025")
    eq(c.get(card[2]).status, 200)
    # With the subtree: submitted units out of all, linking to the table.
    r = c.get("/staff/dashboard?org=1&subtree=1&year=2025")
    card = {m[1]: m for m in CARD.findall(r.plain)}["report"]
    rows = re.findall(r'<tr data-org="[^"]+">.*?<td class="status">([^<]+)</td>', r.plain)
    done = sum(1 for s in rows if s in ("已提交", "已发布"))
    eq(card[3], "%d/%d 已提交" % (done, len(rows)))
    eq(card[2], "#report-status")


def new_draft(c, title, **kw):
    f = {"title": title, "formed_date": "2026-11-02", "mode": "proactive"}
    f.update(kw)
    r = c.post("/staff/docs/new", f, csrf_from="/staff/docs/new")
    eq(r.status, 303, r.plain[:300])
    return int(re.search(r"/staff/docs/(\d+)", r.headers["location"]).group(1))


# Each review step has its own route (/staff/docs/{id}/{step}).
STEP_PATH = {"draft": "submit", "dept_review": "dept-review",
             "secrecy_review": "secrecy-review", "approval": "approval",
             "published": "withdraw"}


def step_path(c, doc):
    """The route of the document's current step, from the state badge of
    its staff page."""
    r = c.get("/staff/docs/%d" % doc)
    eq(r.status, 200, "staff page of document %d" % doc)
    m = re.search(r'class="badge state-[^"]*" data-state="(\w+)"', r.text)
    ok(m, "no state badge on /staff/docs/%d" % doc)
    return STEP_PATH[m.group(1)]


def step(c, doc, action, opinion="", follow=True):
    page = "/staff/docs/%d" % doc
    # confirm: publishing and withdrawing ask first (page_confirmed).
    r = c.post(page + "/" + step_path(c, doc), {"action": action, "opinion": opinion, "confirm": "1"},
               csrf_from=page)
    eq(r.status, 303, r.plain[:300])
    return flash(c, r.headers["location"])


def flash(c, location):
    """The feedback the page after a redirect shows, once."""
    r = c.get(location)
    eq(r.status, 200)
    m = re.search(r'<p class="notice ok flash" role="status" id="flash">([^<]+)</p>', r.plain)
    ok(m, "flash after redirect to " + location)
    again = c.get(location)
    not_contains(again.plain, 'id="flash"', "shown once")
    return m.group(1)


def test_feedback_says_what_happened_and_who_acts_next(srv):
    drafter = login(srv, "drafter")
    r = drafter.post("/staff/docs/new", {"title": "反馈测试文件", "formed_date": "2026-11-02",
                                         "mode": "proactive"}, csrf_from="/staff/docs/new")
    eq(r.status, 303)
    contains(flash(drafter, r.headers["location"]), "草稿已保存。下一步")
    doc = int(re.search(r"/staff/docs/(\d+)", r.headers["location"]).group(1))
    # The demo's bureau: 张科长 reviews, 赵保密 checks secrecy, 刘局长 approves.
    eq(step(drafter, doc, "submit"), "已提交科室审核，待张科长办理。")
    head = login(srv, "depthead")
    eq(step(head, doc, "return", "请补充依据"), "已退回起草人李承办修改；修改后须重新提交科室审核。")
    step(drafter, doc, "submit")
    eq(step(head, doc, "pass"), "科室审核已通过，已提交保密审查，待赵保密办理。")
    eq(step(login(srv, "secrecy"), doc, "pass"), "保密审查已通过，已提交领导审批，待刘局长办理。")
    msg = step(login(srv, "leader"), doc, "pass")
    ok(re.match(r"已审批通过并发布，索引号 \d{9}/2026-\d{5}；公开页面已可访问。$", msg), msg)
    # Another user's page does not show it; the cookie is the user's browser's.
    not_contains(login(srv, "leader").get("/staff/docs/%d" % doc).plain, 'id="flash"')


def published_doc(srv, c):
    r = c.get("/staff/docs?state=published")
    return int(re.search(r'<a href="/staff/docs/(\d+)">', r.plain).group(1))


def test_published_document_actions_are_separate_confirmed_forms(srv):
    office = login(srv, "office")
    doc = published_doc(srv, office)
    page = "/staff/docs/%d" % doc
    t = office.get(page).plain
    forms = re.findall(r'<form method="post" action="/staff/docs/%d/(\w+)" class="form manage" '
                       r'id="(\w+)"><fieldset><legend>([^<]+)</legend>(.*?)</form>' % doc, t, re.S)
    eq([(a, i, l) for a, i, l, _ in forms],
       [("withdraw", "withdraw", "撤回文件"), ("validity", "validity", "变更有效性"),
        ("channels", "channels", "登记其他发布渠道"), ("correct", "correct", "更正公开信息")])
    for _, fid, _, body in forms:
        contains(body, '<input type="checkbox" id="c-%s" name="confirm" value="1" required>' % fid)
        ok(re.search(r'<label for="c-%s">[^<]+</label>' % fid, body), "confirmation label")
    # Without the box ticked (a client that skips the browser's check) the
    # server asks on a confirmation page (page_confirmed) and changes nothing.
    for path, f in (("/withdraw", {"action": "withdraw", "opinion": "测试"}),
                    ("/validity", {"validity": "repealed", "validity_date": "2026-11-01"}),
                    ("/channels", {"channel": "微博", "day": "2026-11-01"}),
                    ("/correct", {"keywords": "改", "summary": "", "scope": ""})):
        r = office.post(page + path, f, csrf_from=page)
        eq(r.status, 200, path)
        contains(r.plain, "<h1>请确认</h1>")
        contains(r.plain, '<input type="hidden" name="confirm" value="1">')
    t = office.get(page).plain
    contains(t, 'data-state="published"')
    not_contains(t, "本文件已废止")
    not_contains(t, "微博（2026-11-01）")
    # With it: done, and the page says what happened.
    r = office.post(page + "/channels", {"channel": "微博", "day": "2026-11-01", "confirm": "1"},
                    csrf_from=page)
    eq(r.status, 303)
    eq(flash(office, r.headers["location"]), "已登记发布渠道：微博（2026-11-01）。")
    r = office.post(page + "/validity", {"validity": "repealed", "validity_date": "2026-11-01",
                                         "confirm": "1"}, csrf_from=page)
    eq(r.status, 303)
    eq(flash(office, r.headers["location"]), "有效性已变更为“废止”；公开页面和检索结果随之更新。")


def test_review_screen_has_one_comment_box(srv):
    drafter = login(srv, "drafter")
    doc = new_draft(drafter, "一个意见框测试")
    step(drafter, doc, "submit")
    t = login(srv, "depthead").get("/staff/docs/%d" % doc).plain
    eq(len(re.findall(r'name="opinion"', t)), 1)
    form = re.search(r'<form [^>]*id="review">.*?</form>', t, re.S).group(0)
    contains(form, "<legend>科室审核</legend>")
    contains(form, '<textarea id="f-opinion" name="opinion"')
    eq(re.findall(r'<button type="submit" name="action" value="(\w+)"', form), ["pass", "return"])
    # Returning needs the comment; passing does not.
    r = login(srv, "depthead").post("/staff/docs/%d/dept-review" % doc, {"action": "return", "opinion": ""},
                                    csrf_from="/staff/docs/%d" % doc)
    eq(r.status, 422)


POLICY_NO = "宁卫发〔2026〕15号"


def test_referenced_documents_are_found_by_title_or_number(srv):
    office = login(srv, "office")
    r = office.get("/staff/docs/lookup?q=" + urllib.parse.quote("流感疫苗接种"))
    eq(r.status, 200)
    docs = r.json()["documents"]
    ok(docs, "found by title")
    policy = [d for d in docs if d["doc_number"] == POLICY_NO]
    eq(len(policy), 1)
    pid = policy[0]["id"]
    r = office.get("/staff/docs/lookup?q=" + urllib.parse.quote(POLICY_NO))
    eq([d["id"] for d in r.json()["documents"]], [pid])
    # A drafter of the hospital finds the bureau's published documents (public
    # anyway; a unit may interpret or cite them), never its drafts.
    hosp = login(srv, "hosp-drafter")
    eq([d["id"] for d in hosp.get("/staff/docs/lookup?q=" + urllib.parse.quote(POLICY_NO)).json()["documents"]],
       [pid])
    eq(hosp.get("/staff/docs/lookup?q=" + urllib.parse.quote("冬季流感防控")).json()["documents"], [])
    eq(len(office.get("/staff/docs/lookup?q=" + urllib.parse.quote("冬季流感防控")).json()["documents"]), 1)
    # Without script: 查找 posts the form; the page comes back with the
    # results as choices and the input kept, nothing saved.
    drafter = login(srv, "drafter")
    before = drafter.get("/staff/docs").plain
    n_before = int(re.search(r'id="n-docs">(\d+)<', before).group(1))
    f = {"title": "关于流感疫苗接种工作的解读", "formed_date": "2026-11-03", "mode": "proactive",
         "genre": "解读", "interprets_id": "", "interprets_id_q": "15号", "lookup": "interprets_id"}
    r = drafter.post("/staff/docs/new", f, csrf_from="/staff/docs/new")
    eq(r.status, 200)
    contains(r.plain, 'value="关于流感疫苗接种工作的解读"')
    contains(r.plain, '<input type="radio" id="r-interprets_id-%d" name="interprets_id" value="%d">'
             % (pid, pid))
    n_after = int(re.search(r'id="n-docs">(\d+)<', drafter.get("/staff/docs").plain).group(1))
    eq(n_after, n_before)
    # Choosing it and saving links the interpretation to the policy.
    f.pop("lookup")
    f["interprets_id"] = str(pid)
    r = drafter.post("/staff/docs/new", f, csrf_from="/staff/docs/new")
    eq(r.status, 303)
    page = drafter.get(r.headers["location"]).plain
    contains(page, 'href="/staff/docs/%d"' % pid)
    # The replacing document of a validity change is chosen the same way.
    office_page = "/staff/docs/%d" % pid
    r = office.post(office_page + "/validity", {"validity": "amended", "validity_date": "2026-11-05",
                                                "replaced_by_id_q": "解读", "lookup": "replaced_by_id"},
                    csrf_from=office_page)
    eq(r.status, 200)
    contains(r.plain, 'name="replaced_by_id" value="')
    contains(r.plain, '<option value="amended" selected>')
    contains(office.get(office_page).plain, 'data-state="published"')
    not_contains(office.get(office_page).plain, "本文件已修订")


def test_preview_renders_the_body_beside_the_editor(srv):
    drafter = login(srv, "drafter")
    body = "## 一、接种对象\n\n- 老年人\n- 学生\n\n| 乡镇 | 点位 |\n|---|---|\n| 宁安镇 | 3 |\n"
    f = {"title": "预览测试", "formed_date": "2026-11-03", "mode": "proactive", "body": body,
         "preview": "1"}
    r = drafter.post("/staff/docs/new", f, csrf_from="/staff/docs/new")
    eq(r.status, 200)
    pv = re.search(r'<section class="preview doc-body" id="preview".*?</section>', r.plain, re.S).group(0)
    contains(pv, "<h2>一、接种对象</h2>")
    contains(pv, "<li>老年人</li>")
    contains(pv, "<td>宁安镇</td>")
    contains(r.plain, "## 一、接种对象")           # the editor keeps the text
    not_contains(r.plain, 'class="notice error"')
    # The form as a browser sends it: every field, the catalogue select's
    # （无） as 0, the document field's （无） empty — previewed and saved.
    f.update({"doc_number": "", "publisher": "", "dept_id": "", "signed_date": "",
              "withheld_ground": "", "scope": "", "genre": "", "report_kind": "other",
              "catalogue_item_id": "0", "interprets_id": "", "interprets_id_q": "",
              "keywords": "", "summary": ""})
    r = drafter.post("/staff/docs/new", f, csrf_from="/staff/docs/new")
    eq(r.status, 200)
    not_contains(r.plain, 'class="notice error"')
    f.pop("preview")
    r = drafter.post("/staff/docs/new", f, csrf_from="/staff/docs/new")
    eq(r.status, 303, r.plain[:300])


def fixture(name):
    with open("tests/fixtures/docx/" + name, "rb") as f:
        return f.read()


DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def test_word_import_fills_the_draft_form_without_saving(srv):
    drafter = login(srv, "drafter")
    n_before = int(re.search(r'id="n-docs">(\d+)<', drafter.get("/staff/docs").plain).group(1))
    r = drafter.post("/staff/docs/new", {"import": "1"},
                     files={"docx": ("供暖通知.docx", fixture("libreoffice.docx"), DOCX)},
                     csrf_from="/staff/docs/new")
    eq(r.status, 200, r.plain[:300])
    t = r.plain
    contains(t, 'value="关于做好2026年冬季供暖安全工作的通知"')        # title from the heading
    contains(t, "## 一、工作要求\n\n- 落实属地责任\n- 加强隐患排查")   # the editor's text
    pv = re.search(r'<section class="preview doc-body" id="preview".*?</section>', t, re.S).group(0)
    for frag in ("<h2>一、工作要求</h2>", "<li>落实属地责任</li>", "<ol>", "<th>乡镇</th>",
                 "<td>宁安镇</td>"):
        contains(pv, frag)
    contains(t, "已导入“供暖通知.docx”的正文")
    n_after = int(re.search(r'id="n-docs">(\d+)<', drafter.get("/staff/docs").plain).group(1))
    eq(n_after, n_before)
    # Into an existing draft: its title stays, the body is the file's.
    doc = new_draft(drafter, "已有草稿的标题")
    edit = "/staff/docs/%d/edit" % doc
    r = drafter.post(edit, {"import": "1"}, files={"docx": ("wps.docx", fixture("wps.docx"), DOCX)},
                     csrf_from=edit)
    eq(r.status, 200)
    contains(r.plain, 'value="已有草稿的标题"')
    contains(r.plain, "    - 第二十条")
    # Hostile or wrong files are refused with the reason; nothing changes.
    for name, why in (("bomb.docx", "过大"), ("entity.docx", "无法读取"),
                      ("libreoffice.html", "不是有效的 Word 文件")):
        r = drafter.post(edit, {"import": "1"}, files={"docx": (name, fixture(name), DOCX)},
                         csrf_from=edit)
        eq(r.status, 422, name)
        contains(r.plain, why)


def register_rows(c, query):
    """[(reg_no, applicant, due cell html)] of the register page for query."""
    r = c.get("/staff/applications" + query)
    eq(r.status, 200, query)
    rows = re.findall(r'<tr><td><a href="/staff/applications/\d+">([^<]+)</a></td>'
                      r'<td>[^<]*</td><td>([^<]*)</td><td>[^<]*</td><td>[^<]*</td>(<td.*?</td>)',
                      r.plain)
    total = int(re.search(r'id="n-apps">(\d+)<', r.plain).group(1))
    eq(len(rows), min(total, 100), "rows of the first page")
    return rows, r.plain


def test_register_filter_bar_search_and_due_marks(srv):
    import datetime
    office = login(srv, "office")
    rows, t = register_rows(office, "?org=1&subtree=0&f=open")
    bar = re.search(r'<form method="get" class="filterbar".*?</form>', t, re.S).group(0)
    for frag in ('name="q"', '<select id="fb-f" name="f">', '<select id="fb-year" name="year">',
                 '<select id="fb-sub" name="subtree">', "<button type=\"submit\">筛选</button>"):
        contains(bar, frag)
    ok(len(rows) >= 4, "demo applications of the bureau")
    # Search by a part of a name: exactly the applications whose applicant
    # has it, as the API lists them.
    apps = sorted((a for a in office.get("/api/v1/applications").json()["applications"]
                   if a["org_id"] == 1), key=lambda a: a["id"])
    name = apps[0]["applicant_name"]
    part = name[1:] if len(name) > 2 else name
    want = sorted(a["reg_no"] for a in apps if part in a["applicant_name"])
    got, t = register_rows(office, "?org=1&subtree=0&f=all&q=" + urllib.parse.quote(part))
    eq(sorted(r[0] for r in got), want)
    contains(t, "申请人或登记号含“%s”" % part)
    # By 登记号, in upper case too.
    reg = want[0]
    got, _ = register_rows(office, "?org=1&subtree=0&f=all&q=" + reg.upper())
    eq([r[0] for r in got], [reg])
    # The bar's 某年收到 is the same selection as f=YYYY.
    a, t = register_rows(office, "?org=1&subtree=0&f=received&year=2025")
    contains(t, "2025 年收到的申请")
    b, _ = register_rows(office, "?org=1&subtree=0&f=2025")
    eq(a, b)
    eq(office.get("/staff/applications?q=" + "x" * 200).status, 400)
    # Marks: an open application due today, one due three days ago.
    today = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=8)).date()
    # (The due dates are set behind the pages' back: no interface backdates.)
    open_ = [a["id"] for a in apps if a["closed_on"] is None]
    regs = {a["id"]: a["reg_no"] for a in apps}
    srv.sql("UPDATE application SET due_on=? WHERE id=?", (today.isoformat(), open_[0]))
    past = (today - datetime.timedelta(days=3)).isoformat()
    srv.sql("UPDATE application SET due_on=? WHERE id=?", (past, open_[1]))
    rows, _ = register_rows(office, "?org=1&subtree=0&f=open")
    cells = {r[0]: r[2] for r in rows}
    eq(cells[regs[open_[0]]],
       '<td class="due-today"><span class="tag">今日到期</span> %s</td>' % today.isoformat())
    # Overdue is counted in working days, as the law counts periods and
    # the case page says it (tests/http/workdays.py counts them here).
    eq(cells[regs[open_[1]]], '<td class="overdue"><span class="tag">%s</span> %s</td>'
       % (overdue_words(datetime.date.fromisoformat(past), today), past))
    # Every marked cell is due today or past due, and every such cell is marked.
    for c in cells.values():
        due = re.search(r"(\d{4}-\d{2}-\d{2})</td>$", c)
        if not due:
            continue
        d = datetime.date.fromisoformat(due.group(1))
        eq("今日到期" in c, d == today, c)
        eq(overdue_words(d, today) in c, d < today, c)


def overdue_words(due, today):
    """What the register and the case page say of an answer due on due."""
    from workdays import workdays_between
    n = workdays_between(due, today)
    return "已超期 %d 个工作日" % n if n else "已过答复期限"


def test_privacy_feedback_counts_what_is_left(srv):
    drafter = login(srv, "drafter")
    doc = new_draft(drafter, "隐私反馈测试", body="联系人电话 13995551234，身份证 11010519491231002X。")
    step(drafter, doc, "submit")
    step(login(srv, "depthead"), doc, "pass")
    sec = login(srv, "secrecy")
    page = "/staff/docs/%d" % doc
    r = sec.post(page + "/scan", {}, csrf_from=page)
    eq(r.status, 303)
    msg = flash(sec, r.headers["location"].split("#")[0])
    m = re.match(r"隐私扫描已完成；还有 (\d+) 项待处理，逐项遮盖或写明理由保留后才能通过保密审查。$", msg)
    ok(m, msg)
    n = int(m.group(1))
    ok(n >= 2, "phone and identity number found")
    t = sec.get(page).plain
    fids = re.findall(r'<tr data-finding="(\d+)" data-status="open"', t)
    eq(len(fids), n)
    for i, fid in enumerate(fids):
        r = sec.post(page + "/findings/" + fid, {"decision": "mask"}, csrf_from=page)
        eq(r.status, 303)
        msg = flash(sec, r.headers["location"].split("#")[0])
        ok(msg.startswith("已将“"), msg)
        left = n - i - 1
        if left:
            contains(msg, "还有 %d 项待处理" % left)
        else:
            ok(msg.endswith("没有待处理的内容，可以通过保密审查。"), msg)


def test_card_tables_label_each_cell_from_its_column(srv):
    """On a phone a staff list is one card per row: every cell of a table
    marked "cards" carries its column's heading (web/table_cards.c), a
    cell spanning the columns or heading its row does not, and a cell the
    page labelled itself keeps its one label."""
    office = login(srv, "office")
    bureau = org_id(srv, "znwsj")
    t = office.get("/staff/messages?org=%d&subtree=1" % bureau).text
    table = re.search(r'<table class="grid cards" id="message-list">.*?</table>', t, re.S).group(0)
    heads = re.findall(r'<th scope="col">([^<]+)</th>', table)
    eq(heads, ["收到日期", "类型", "标题", "单位", "转办部门", "答复期限", "状态", "公开"])
    rows = re.findall(r"<tr>(<td.*?)</tr>", table)
    ok(len(rows) >= 3, "message rows")
    for row in rows:
        eq(re.findall(r'<td data-label="([^"]+)"', row), heads, row)
    # "暂无记录" spans the columns: no label.
    t = office.get("/staff/opinion?org=%d&year=1999" % bureau).text
    contains(t, '<tr><td colspan="5">暂无记录</td></tr>')
    # The supervisor's table: the row heading is the card's title.
    sup = login(srv, "inspector")
    t = sup.get("/staff/supervise").text
    contains(t, '<tr><th scope="row" class="depth-0">')
    contains(t, '<td data-label="留言" class="num">')
    # The public catalogue labels its own cells: one label each.
    t = srv.client().get("/o/znwsj/catalogue").text
    contains(t, '<td data-label="序号">')
    not_contains(t, 'data-label="序号" data-label=')


def test_report_list_links_only_reports_the_user_may_open(srv):
    # Every staff user has 报告 (the report check); a secrecy reviewer may
    # not read reports in preparation, so the list names the units without
    # links to pages that would answer 403.
    sec = login(srv, "secrecy")
    t = sec.get("/staff/reports?year=2025").text
    not_contains(t, 'href="/staff/reports/znwsj/')
    contains(t, 'href="/staff/report-check"')
    contains(t, "中宁县疾病预防控制中心")
    eq(sec.get("/staff/reports/znwsj/2025").status, 403)
    # The leader approves his organisation's report, so he reads it (not
    # the units below: approval is not a subtree grant).
    lead = login(srv, "leader")
    t = lead.get("/staff/reports?year=2025").text
    contains(t, 'href="/staff/reports/znwsj/2025"')
    not_contains(t, 'href="/staff/reports/zn-cdc/2025"')
    eq(lead.get("/staff/reports/znwsj/2025").status, 200)
    eq(lead.get("/staff/reports/zn-cdc/2025").status, 403)
