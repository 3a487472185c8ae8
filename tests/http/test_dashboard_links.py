"""test_dashboard_links.py — the statistics dashboard (issue 7) links each
publication figure to exactly its documents, and shows the annual report
status per organisation.

A figure's number equals the number of rows (and the count) of the staff
document list it links to: the year's total, each month's bar, each
catalogue category and each channel, for the bureau and for its subtree.
The document list's organisation filter is scope-checked.  The report
status per organisation equals the report table, with the days left to 31
January.
"""
import datetime
import html
import re
import sqlite3

from harness import contains, eq


def office(srv):
    c = srv.client()
    c.login("office")
    return c


def org_id(srv, slug):
    con = sqlite3.connect(srv.db)
    v = con.execute("SELECT id FROM org WHERE slug=?", (slug,)).fetchone()[0]
    con.close()
    return v


def doc_rows(c, href):
    """(count in the caption, rows listed) of a document list link."""
    r = c.get(html.unescape(href))
    eq(r.status, 200, href)
    n = int(re.search(r'id="n-docs">(\d+)<', r.text).group(1))
    rows = len(re.findall(r'<tr><td>[^<]*</td><td><a href="/staff/docs/\d+">',
                          r.text))
    return n, rows


def figures(text):
    """[(href, number)] of every figure linking to the document list."""
    out = [(m.group(1), int(m.group(2))) for m in re.finditer(
        r'<td class="num[^"]*"><a href="(/staff/docs[^"]*)">(\d+)</a>', text)]
    out += [(m.group(1), int(m.group(2))) for m in re.finditer(
        r'<a href="(/staff/docs[^"]*)"><rect [^>]*><title>[^<]*：(\d+)</title>',
        text)]
    return out


def check_dashboard(srv, c, query, year, want_total):
    r = c.get("/staff/dashboard" + query)
    eq(r.status, 200)
    figs = figures(r.text)
    # Total + 12 months + at least one category and the website channel.
    eq(len(figs) >= 15, True, "document figures found: %d" % len(figs))
    total = [f for f in figs if "month=" not in f[0]
             and "category=" not in f[0] and "channel=" not in f[0]]
    eq(len(total), 1)
    eq(total[0][1], want_total)
    months = [f for f in figs if "month=" in f[0]]
    eq(len(months), 12)
    eq(sum(v for _, v in months), want_total)
    for href, v in figs:
        n, rows = doc_rows(c, href)
        eq(n, v, href)
        eq(rows, v, href)
    return figs


def test_publication_figures_link_to_exactly_their_documents(srv):
    c = office(srv)
    bureau = org_id(srv, "znwsj")
    con = sqlite3.connect(srv.db)
    own = con.execute(
        "SELECT count(*) FROM doc WHERE org_id=? AND state='published'"
        " AND published_date LIKE '2018-%'", (bureau,)).fetchone()[0]
    tree = con.execute(
        "SELECT count(*) FROM doc d JOIN org o ON o.id=d.org_id WHERE"
        " (o.id=? OR o.parent_id=?) AND d.state='published'"
        " AND d.published_date LIKE '2018-%'", (bureau, bureau)).fetchone()[0]
    con.close()
    eq(own > 0, True, "demo documents published in 2018")
    figs = check_dashboard(srv, c, "?org=%d&year=2018" % bureau, 2018, own)
    # The figures carry the organisation and year, so they cannot count
    # another unit's or another year's documents.
    for href, _ in figs:
        contains(href, "org=%d" % bureau)
        contains(href, "year=2018")
    check_dashboard(srv, c, "?org=%d&subtree=1&year=2018" % bureau, 2018, tree)


def test_document_list_filters(srv):
    c = office(srv)
    bureau = org_id(srv, "znwsj")
    con = sqlite3.connect(srv.db)
    june = con.execute(
        "SELECT count(*) FROM doc WHERE org_id=? AND published_date LIKE"
        " '2019-06-%'", (bureau,)).fetchone()[0]
    wechat = con.execute(
        "SELECT count(DISTINCT doc_id) FROM doc_channel WHERE channel=?",
        ("微信公众号",)).fetchone()[0]
    item = con.execute(
        "SELECT catalogue_item_id,count(*) FROM doc WHERE org_id=? AND"
        " catalogue_item_id IS NOT NULL GROUP BY 1 ORDER BY 2 DESC LIMIT 1",
        (bureau,)).fetchone()
    con.close()
    eq(doc_rows(c, "/staff/docs?org=%d&year=2019&month=6" % bureau),
       (june, june))
    eq(doc_rows(c, "/staff/docs?channel=%E5%BE%AE%E4%BF%A1%E5%85%AC%E4%BC%97"
                   "%E5%8F%B7"), (wechat, wechat))
    eq(wechat, 1)
    eq(doc_rows(c, "/staff/docs?org=%d&item=%d" % (bureau, item[0])),
       (item[1], item[1]))
    eq(c.get("/staff/docs?month=6").status, 400)
    eq(c.get("/staff/docs?month=13&year=2019").status, 400)
    eq(c.get("/staff/docs?org=abc").status, 400)


def test_document_list_org_is_scope_checked(srv):
    bureau = org_id(srv, "znwsj")
    c = srv.client()
    c.login("hosp-drafter")
    eq(c.get("/staff/docs?org=%d" % bureau).status, 403)
    hospital = org_id(srv, "zn-hospital")
    eq(c.get("/staff/docs?org=%d" % hospital).status, 200)
    eq(c.get("/staff/docs?org=%d&subtree=1" % hospital).status, 403)


def test_report_status_per_organisation(srv):
    c = office(srv)
    bureau = org_id(srv, "znwsj")
    con = sqlite3.connect(srv.db)
    stored = dict(con.execute(
        "SELECT o.slug,r.status FROM report r JOIN org o ON o.id=r.org_id"
        " WHERE r.year=2024 AND r.scope='org'").fetchall())
    slugs = [s for (s,) in con.execute("SELECT slug FROM org")]
    con.close()
    eq(stored.get("znwsj") is not None, True, "demo report of 2024")
    labels = {"draft": "草稿", "submitted": "已提交", "published": "已发布"}
    r = c.get("/staff/dashboard?org=%d&subtree=1&year=2024" % bureau)
    eq(r.status, 200)
    table = re.search(r'<table class="grid" id="report-status">(.*?)</table>',
                      r.text, re.S).group(1)
    got = dict(re.findall(
        r'<tr data-org="([^"]+)">.*?<td class="status">([^<]*)</td>', table))
    eq(sorted(got), sorted(slugs))
    for slug in slugs:
        eq(got[slug], labels.get(stored.get(slug), "未开始"), slug)
    contains(table, 'href="/staff/reports/znwsj/2024"')
    # Days left to 31 January for this year's report of the bureau.
    today = (datetime.datetime.now(datetime.timezone.utc)
             + datetime.timedelta(hours=8)).date()
    year = today.year
    r = c.get("/staff/dashboard?org=%d&year=%d" % (bureau, year))
    table = re.search(r'id="report-status">(.*?)</table>', r.text, re.S).group(1)
    eq(len(re.findall(r"<tr data-org=", table)), 1, "own organisation only")
    left = re.search(r'<td class="left">([^<]*)</td>', table).group(1)
    eq(left, str((datetime.date(year + 1, 1, 31) - today).days))


REGISTER_LISTS = {
    "/staff/messages": ("message-list", r'href="/staff/messages/\d+"'),
    "/staff/opinion": ("opinion-list", r'href="/staff/opinion/\d+"'),
    "/staff/proposals": ("proposal-list", r'href="/staff/proposals/\d+"'),
    "/staff/activities": ("activity-list", r"<tr><td>"),
}


def register_figures(text):
    """[(label, href, number)] of the figures linking to register lists."""
    out = [(m.group(1), m.group(2), int(m.group(3))) for m in re.finditer(
        r'<tr><th scope="row">([^<]+)</th><td class="num[^"]*">'
        r'<a href="(/staff/(?:messages|opinion|proposals|activities)[^"]*)">'
        r"(\d+)</a>", text)]
    out += [(m.group(2), m.group(1), int(m.group(3))) for m in re.finditer(
        r'<a href="(/staff/(?:messages|opinion|proposals|activities)[^"]*)">'
        r"<rect [^>]*><title>([^<：]*)：(\d+)</title>", text)]
    return out


def test_register_figures_link_to_exactly_their_records(srv):
    c = office(srv)
    bureau = org_id(srv, "znwsj")
    today = (datetime.datetime.now(datetime.timezone.utc)
             + datetime.timedelta(hours=8)).date()
    nonzero = 0
    for year in (2018, today.year):
        for q in ("?org=%d&year=%d", "?org=%d&subtree=1&year=%d"):
            r = c.get("/staff/dashboard" + q % (bureau, year))
            eq(r.status, 200)
            figs = register_figures(r.text)
            eq(len(figs) >= 9 + 12 + 12 + 6, True, "figures: %d" % len(figs))
            for label, href, v in figs:
                path = href.split("?")[0]
                table_id, row_re = REGISTER_LISTS[path]
                p = c.get(html.unescape(href))
                eq(p.status, 200, href)
                body = re.search(r'id="%s">(.*?)</table>' % table_id, p.text,
                                 re.S).group(1)
                tbody = re.search(r"<tbody>(.*?)</tbody>", body, re.S).group(1)
                if label == "培训场次":
                    got = int(re.search(r'id="act-sessions">(\d+)<', body).group(1))
                elif label == "培训人次":
                    got = int(re.search(r'id="act-people">(\d+)<', body).group(1))
                else:
                    got = len(re.findall(row_re, tbody))
                eq(got, v, "%s %s" % (label, href))
                nonzero += v > 0
    eq(nonzero >= 10, True, "figures with records: %d" % nonzero)
    eq(c.get("/staff/activities?org=%d&kind=nonesuch" % bureau).status, 400)
    eq(c.get("/staff/messages?org=%d&month=3" % bureau).status, 400)
