"""test_staff_ui.py — the staff pages of issue 15: the persistent staff
menu (entries by role, counts of what waits for the user), the dashboard's
figure cards, the published document's confirmed action forms and the
flash message after a redirect, drafting (preview, Word import, choosing
referenced documents by search) and the applications register's bar."""
import re

from harness import contains, eq, not_contains, ok

MENU = re.compile(r'<nav class="staff-menu".*?</nav>', re.S)


def menu(c, path="/staff"):
    r = c.get(path)
    eq(r.status, 200, path)
    m = MENU.search(r.text)
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
            cur = re.search(r'<a href="([^"]+)" aria-current="page"', MENU.search(r.text).group(0))
            ok(cur and cur.group(1) == href, "%s current on %s" % (label, href))


def test_menu_only_on_staff_pages(srv):
    c = login(srv, "office")
    r = c.get("/o/znwsj")
    eq(r.status, 200)
    not_contains(r.text, 'class="staff-menu"')
    contains(r.text, 'href="/staff"')          # the way back to the staff pages
    r = srv.client().get("/")
    not_contains(r.text, 'class="staff-menu"')


def count(c, label):
    for lab, _, n in entries(menu(c)):
        if lab == label:
            return n
    raise AssertionError("no menu entry " + label)


def listed(c, state):
    r = c.get("/staff/docs?state=" + state)
    eq(r.status, 200)
    return int(re.search(r'id="n-docs">(\d+)<', r.text).group(1))


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
    r = drafter.post("/staff/docs/%s/action" % doc, {"action": "submit"},
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
        if re.search(r'<option value="\d+" selected>李承办</option>', page.text):
            aid = a["id"]
            break
    else:
        raise AssertionError("no open application of the drafter in the demo")
    uid = re.search(r'<option value="(\d+)"[^>]*>王公开</option>', page.text).group(1)
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
        t = r.text
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
    card = {m[1]: m for m in CARD.findall(r.text)}["report"]
    row = re.search(r'<tr data-org="znwsj">.*?<td class="status">([^<]+)</td>', r.text).group(1)
    eq(card[3], row)
    eq(card[4], "2025 年度报告")
    eq(card[2], "/staff/reports/znwsj/2025")
    eq(c.get(card[2]).status, 200)
    # With the subtree: submitted units out of all, linking to the table.
    r = c.get("/staff/dashboard?org=1&subtree=1&year=2025")
    card = {m[1]: m for m in CARD.findall(r.text)}["report"]
    rows = re.findall(r'<tr data-org="[^"]+">.*?<td class="status">([^<]+)</td>', r.text)
    done = sum(1 for s in rows if s in ("已提交", "已发布"))
    eq(card[3], "%d/%d 已提交" % (done, len(rows)))
    eq(card[2], "#report-status")
