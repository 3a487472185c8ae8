"""test_portal_sections.py — the 政府信息公开专栏 of an organisation and the
bugs of issue 15 seen on public pages: sections, breadcrumbs, Beijing
times, labels, 404 past the last page, the tracking code typed loosely,
withdrawn documents, the larger-text cookie, demo data."""
import html
import re

from harness import contains, eq, not_contains, ok
from test_applications import form, submit

SECTIONS = ["/guide", "/rules", "/art20", "/interpretations", "/catalogue", "/reports",
            "/apply", "/interact"]


def test_every_section_is_linked_from_the_home_and_answers(srv):
    c = srv.client()
    home = c.get("/o/znwsj").text
    for s in SECTIONS:
        contains(home, 'href="/o/znwsj%s"' % s)
        r = c.get("/o/znwsj" + s)
        eq(r.status, 200, s)
        # The band names the organisation and marks the current section.
        contains(r.text, 'aria-label="政府信息公开专栏"')
        contains(r.text, 'href="/o/znwsj%s" aria-current="page"' % s)
        # The footer carries the organisation's contact details.
        contains(r.text, "电话：0955-5021796")
    interact = c.get("/o/znwsj/interact").text
    for href in ("/o/znwsj/messages", "/o/znwsj/proposals", "/track"):
        contains(interact, 'href="%s"' % href)


def test_art20_index_lists_the_fifteen_items_with_their_documents(srv):
    t = srv.client().get("/o/znwsj/art20").text
    eq(len(re.findall(r'<li id="item-\d+">', t)), 15)
    contains(t, "（一）")
    contains(t, "（十五）")
    item1 = t[t.index('id="item-1"'):t.index('id="item-2"')]
    # The demo's normative documents (item 一) are listed with links.
    ok(re.search(r'href="/o/znwsj/d/\d+"', item1), "item 一 lists no document")


def test_interpretations_link_the_policy_and_the_item_lists_them(srv):
    c = srv.client()
    t = c.get("/o/znwsj/interpretations").text
    contains(t, "基本药物制度实施方案》政策解读")
    contains(t, "所解读的文件：<a href=")
    contains(t, "关于印发《2018年全县落实基层医疗卫生机构基本药物制度实施方案》的通知")
    cat = c.get("/o/znwsj/catalogue").text
    item = re.search(r'<a class="item-docs" href="(/o/znwsj/items/\d+)">', cat).group(1)
    eq(item, re.search(r'href="(/o/znwsj/items/\d+)"', cat).group(1))
    # The 政策解读 item lists its interpretation.
    contains(c.get(item).text, "《2018年全县落实基层医疗卫生机构基本药物制度实施方案》政策解读</a>")


def test_body_tables_scroll_in_a_focusable_region(srv):
    # A wide table in a document's body scrolls inside its own box on a
    # phone; the box is named and reachable with the keyboard (axe
    # scrollable-region-focusable), one name per table.
    did = srv.sql("SELECT d.id FROM doc d JOIN org o ON o.id=d.org_id WHERE o.slug='znwsj'"
                  " AND d.state='published' AND gk_text(d.body) LIKE '%|---%'"
                  " ORDER BY length(gk_text(d.body)) DESC, d.id LIMIT 1")[0][0]
    t = srv.client().get("/o/znwsj/d/%d" % did).text
    body = t[t.index('<div class="doc-body">'):]
    n = body.count("<table>")
    ok(n >= 2, "the document has %d tables" % n)
    for i in range(1, n + 1):
        contains(body, '<div class="table-scroll" role="region" tabindex="0" '
                       'aria-label="正文表格%d"><table>' % i)
    eq(body.count("</table></div>"), n)


def test_document_page_breadcrumb_related_and_times(srv):
    c = srv.client()
    docs = c.get("/o/znwsj/docs").text
    href = re.search(r'href="(/o/znwsj/d/[^"]+)">关于做好2026年秋冬季流感疫苗接种工作的通知', docs).group(1)
    t = c.get(href).text
    contains(t, '<nav class="crumbs" aria-label="位置"><ol><li><a href="/o/znwsj">')
    contains(t, '<a href="/o/znwsj/art20">法定主动公开内容</a>')
    ok(re.search(r"\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2} 发布", t), "version time not in Beijing form")
    not_contains(t, "Z（")
    ok(not re.search(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}", t), "raw timestamp on the page")


def test_no_truncated_titles_in_demo_documents(srv):
    c = srv.client()
    for path in ("/o/znwsj/docs", "/o/znwsj/docs/page/2"):
        r = c.get(path)
        if r.status == 404:
            continue
        for h in re.findall(r'href="(/o/znwsj/d/[^"]+)"', r.text):
            t = c.get(html.unescape(h)).text
            h1 = re.search(r"<h1>([^<]*)</h1>", t).group(1)
            ok("..." not in h1 and "…" not in h1, "truncated title %s" % h1)
    staff = srv.client()
    staff.login("office")
    not_contains(staff.get("/staff/docs").text, "（草稿）（草稿）")


def test_list_past_its_last_page_is_404(srv):
    c = srv.client()
    eq(c.get("/o/znwsj/docs/page/99").status, 404)
    eq(c.get("/o/znwsj/art20/1/page/99").status, 404)


def test_track_accepts_spaces_and_upper_case(srv):
    pub = srv.client()
    r = submit(pub, form(name="孙查询"))
    reg = re.search(r'id="reg-no">([^<]+)<', r.text).group(1)
    code = re.search(r'id="tracking-code"><strong>([0-9a-f]+)<', r.text).group(1)
    loose = " ".join(code[i:i + 4] for i in range(0, len(code), 4)).upper()
    r = pub.post("/track", {"reg_no": " " + reg.upper() + " ", "code": loose}, csrf_from="/track")
    eq(r.status, 200, r.text[-400:])
    contains(r.text, 'id="status"')


def test_withdrawn_document_is_not_shown_as_valid(srv):
    did, slug = srv.sql("SELECT d.id, o.slug FROM doc d JOIN org o ON o.id=d.org_id"
                        " WHERE d.state='withdrawn' ORDER BY d.id LIMIT 1")[0]
    t = srv.client().get("/o/%s/d/%d" % (slug, did)).text
    contains(t, "撤回理由")
    contains(t, '<th scope="row">有效性</th><td>已撤回（不再有效）</td>')
    ok(re.search(r"本信息已于\d{4}年\d{1,2}月\d{1,2}日撤回", t), "withdrawal date not in Chinese form")


def test_larger_text_is_a_cookie_set_by_a_link(srv):
    c = srv.client()
    page = c.get("/o/znwsj/guide").text
    contains(page, 'href="/textsize?size=large"')
    r = c.request("GET", "/textsize?size=large",
                  headers={"Referer": "http://127.0.0.1:%d/o/znwsj/guide" % srv.port})
    eq(r.status, 303)
    eq(r.headers["location"], "/o/znwsj/guide")
    contains(" ".join(r.headers["set-cookie"]), "gk_text=large")
    t = c.get("/o/znwsj/guide").text
    contains(t, '<html lang="zh-CN" class="large-text">')
    contains(t, 'href="/textsize?size=normal"')
    # Only this site's pages: an absolute URL goes home.
    r = c.request("GET", "/textsize?size=normal&next=//evil.example/")
    eq(r.headers["location"], "/")
    eq(c.get("/textsize?size=huge").status, 400)


def test_stylesheets_only_in_head(srv):
    c = srv.client()
    for path in ("/", "/o/znwsj", "/o/znwsj/docs", "/search?q=%E7%96%AB%E8%8B%97"):
        t = c.get(path).text
        body = t[t.index("<body>"):]
        not_contains(body, 'rel="stylesheet"')
