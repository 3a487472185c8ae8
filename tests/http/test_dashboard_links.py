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

from harness import contains, eq, not_contains, ok
from lookup import org_id


def office(srv):
    c = srv.client()
    c.login("office")
    return c


def doc_rows(c, href):
    """(count in the caption, rows listed) of a document list link."""
    r = c.get(html.unescape(href))
    eq(r.status, 200, href)
    n = int(re.search(r'id="n-docs">(\d+)<', r.plain).group(1))
    rows = len(re.findall(r'<tr><td>[^<]*</td><td><a href="/staff/docs/\d+">',
                          r.plain))
    return n, rows


def figures(text):
    """[(href, number)] of every figure linking to the document list."""
    out = [(m.group(1), int(m.group(2))) for m in re.finditer(
        r'<td class="num[^"]*"><a href="(/staff/docs[^"]*)">(\d+)</a>', text)]
    out += [(m.group(1), int(m.group(2))) for m in re.finditer(
        r'<a href="(/staff/docs[^"]*)"[^>]*><rect [^>]*><title>[^<]*：(\d+)</title>',
        text)]
    return out


def check_dashboard(srv, c, query, year, want_total):
    r = c.get("/staff/dashboard" + query)
    eq(r.status, 200)
    figs = figures(r.plain)
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
    own = srv.sql(
        "SELECT count(*) FROM doc WHERE org_id=? AND state='published'"
        " AND published_date LIKE '2018-%'", (bureau,))[0][0]
    tree = srv.sql(
        "SELECT count(*) FROM doc d JOIN org o ON o.id=d.org_id WHERE"
        " (o.id=? OR o.parent_id=?) AND d.state='published'"
        " AND d.published_date LIKE '2018-%'", (bureau, bureau))[0][0]
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
    june = srv.sql(
        "SELECT count(*) FROM doc WHERE org_id=? AND published_date LIKE"
        " '2019-06-%'", (bureau,))[0][0]
    # In the office's reach: the bureau's tree (not the demo's second agency).
    wechat = srv.sql(
        "WITH RECURSIVE t(id) AS (SELECT ? UNION ALL SELECT o.id FROM org o"
        " JOIN t ON o.parent_id=t.id) SELECT count(DISTINCT c.doc_id)"
        " FROM doc_channel c JOIN doc d ON d.id=c.doc_id WHERE c.channel=?"
        " AND d.org_id IN (SELECT id FROM t)",
        (bureau, "微信公众号"))[0][0]
    item = srv.sql(
        "SELECT catalogue_item_id,count(*) FROM doc WHERE org_id=? AND"
        " catalogue_item_id IS NOT NULL GROUP BY 1 ORDER BY 2 DESC LIMIT 1",
        (bureau,))[0]
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
    stored = dict(srv.sql(
        "SELECT o.slug,r.status FROM report r JOIN org o ON o.id=r.org_id"
        " WHERE r.year=2024 AND r.scope='org'"))
    # The units of the bureau's tree that publish a report of their own
    # (core/org_kind.h: not Art. 55 units nor units acting in its name).
    slugs = [s for (s,) in srv.sql(
        "SELECT slug FROM org WHERE (id=? OR parent_id=?)"
        " AND kind IN ('government','department','authorised')", (bureau, bureau))]
    eq(stored.get("znwsj") is not None, True, "demo report of 2024")
    labels = {"draft": "草稿", "submitted": "已提交", "published": "已发布"}
    r = c.get("/staff/dashboard?org=%d&subtree=1&year=2024" % bureau)
    eq(r.status, 200)
    table = re.search(r'<table class="grid cards" id="report-status">(.*?)</table>',
                      r.plain, re.S).group(1)
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
    table = re.search(r'id="report-status">(.*?)</table>', r.plain, re.S).group(1)
    eq(len(re.findall(r"<tr data-org=", table)), 1, "own organisation only")
    left = re.search(r'<td class="left">([^<]*)</td>', table).group(1)
    eq(left, str((datetime.date(year + 1, 1, 31) - today).days))


# The rows of the dashboard's 登记簿汇总 table, in order: every one is
# followed below, none is exempt.
SUMMARY_ROWS = [
    "收到留言", "未答复留言", "超期未答复留言", "公开的留言答复", "舆情事件",
    "回应超时的舆情事件", "建议提案", "超期未答复建议提案", "公开答复全文的建议提案",
    "新闻发布会", "在线访谈", "政府开放日", "培训场次", "培训人次", "工作要点任务",
    "已完成任务", "逾期未完成任务", "接受督查", "按周期检查的目录事项",
    "目录事项逾期未更新", "目录事项即将到期", "发布文件",
]

# path -> (id of the list's table, pattern of one listed record).
REGISTER_LISTS = {
    "/staff/messages": ("message-list", r'href="/staff/messages/\d+"'),
    "/staff/opinion": ("opinion-list", r'href="/staff/opinion/\d+"'),
    "/staff/proposals": ("proposal-list", r'href="/staff/proposals/\d+"'),
    "/staff/activities": ("activity-list", r"<tr><td>"),
    "/staff/workplans": ("task-list", r'<td><a href="/staff/tasks/\d+">'),
    "/staff/inspections": ("inspection-list", r'href="/staff/inspections/\d+"'),
    "/staff/freshness": ("fresh-list", r"<tr><td>"),
}

# Lists whose filter must say so on the page (caption and 清除筛选).
FILTERED = ("/staff/workplans", "/staff/inspections", "/staff/freshness")


def summary_rows(text):
    """[(label, href, number)] of the 登记簿汇总 table, in order."""
    table = re.search(r"<caption>登记簿汇总</caption>(.*?)</table>", text,
                      re.S).group(1)
    return [(m.group(1), m.group(2), int(m.group(3))) for m in re.finditer(
        r'<tr><th scope="row">([^<]+)</th><td class="num[^"]*">'
        r'<a href="([^"]+)">(\d+)</a></td></tr>', table)]


def listed(c, label, href):
    """The number of records the list at href shows for the figure label."""
    path = href.split("?")[0]
    if path == "/staff/docs":
        n, rows = doc_rows(c, href)
        eq(n, rows, href)
        return rows
    table_id, row_re = REGISTER_LISTS[path]
    p = c.get(html.unescape(href))
    eq(p.status, 200, href)
    if path in FILTERED and "filter=" in href:
        contains(p.plain, 'id="filter">筛选：', href)
        contains(p.plain, "清除筛选", href)
    body = re.search(r'id="%s">(.*?)</table>' % table_id, p.plain,
                     re.S).group(1)
    if label == "培训场次":
        return int(re.search(r'id="act-sessions">(\d+)<', body).group(1))
    if label == "培训人次":
        return int(re.search(r'id="act-people">(\d+)<', body).group(1))
    tbody = re.search(r"<tbody>(.*?)</tbody>", body, re.S).group(1)
    return len(re.findall(row_re, tbody))


def register_figures(text):
    """[(label, href, number)] of the month bars linking to register lists."""
    return [(m.group(2), m.group(1), int(m.group(3))) for m in re.finditer(
        r'<a href="(/staff/(?:messages|opinion|proposals|activities)[^"]*)"[^>]*>'
        r"<rect [^>]*><title>([^<：]*)：(\d+)</title>", text)]


def days_to_period_end(frequency, today):
    """(days left in today's period, warning window) for a 更新频率, as
    core/freshness.c computes them; None for another frequency."""
    if frequency == "每月":
        months, window = 1, 7
    elif frequency == "每季度":
        months, window = 3, 15
    elif frequency == "每半年":
        months, window = 6, 20
    elif frequency == "每年":
        months, window = 12, 30
    else:
        return None
    m = (today.month - 1) // months * months + months  # last month, 1..12
    end = (datetime.date(today.year + 1, 1, 1) if m == 12
           else datetime.date(today.year, m + 1, 1)) - datetime.timedelta(1)
    return (end - today).days, window


def test_every_summary_figure_links_to_exactly_its_records(srv):
    """Every row of 登记簿汇总 and every register bar: the list the figure
    links to shows as many records as the figure says."""
    c = office(srv)
    bureau = org_id(srv, "znwsj")
    today = (datetime.datetime.now(datetime.timezone.utc)
             + datetime.timedelta(hours=8)).date()
    # Two tasks of the 2018 plan are reported done (the demo has none), so
    # done, overdue and all tasks are three different sets.
    tasks = [t for (t,) in srv.sql(
        "SELECT t.id FROM workplan_task t JOIN workplan w ON w.id=t.plan_id"
        " WHERE w.org_id=? AND w.year=2018 ORDER BY t.seq LIMIT 2", (bureau,))]
    eq(len(tasks), 2)
    for t in tasks:
        p = c.post("/staff/tasks/%d" % t, {"note": "已完成", "reported_on": "2018-06-30",
                                           "done": "1"}, csrf_from="/staff/tasks/%d" % t)
        eq(p.status, 303)
    # One overdue catalogue item gets its "本期无新增" statement for the
    # period that ended, so it is no longer overdue: due soon when today
    # is in its period's warning window (core/freshness.c), else pending.
    # Only then do 逾期未更新 and filter=late (逾期和即将到期) differ.
    p = c.get("/staff/freshness?org=%d&filter=overdue" % bureau)
    overdue = re.findall(r'name="item" value="(\d+)"', p.plain)
    ok(overdue, "no overdue catalogue item")
    item, soon = overdue[0], None
    freq = dict(srv.sql("SELECT id,frequency FROM catalogue_item"
                        " WHERE org_id=?", (bureau,)))
    for i in overdue:
        left = days_to_period_end(freq.get(int(i), ""), today)
        if left is not None and left[0] < left[1]:
            item, soon = i, freq[int(i)]
            break
    p = c.post("/staff/freshness", {"item": item, "org": str(bureau),
                                    "which": "previous"},
               csrf_from="/staff/freshness?org=%d" % bureau)
    eq(p.status, 303)
    seen = {}
    for year in (2017, 2018, today.year):
        for q in ("?org=%d&year=%d", "?org=%d&subtree=1&year=%d"):
            r = c.get("/staff/dashboard" + q % (bureau, year))
            eq(r.status, 200)
            rows = summary_rows(r.plain)
            eq([label for label, _, _ in rows], SUMMARY_ROWS, q % (bureau, year))
            bars = register_figures(r.plain)
            eq(len(bars), 12 + 12 + 6, "bars: %d" % len(bars))
            for label, href, v in rows + bars:
                # Same organisation and scope as the dashboard.
                contains(href, "org=%d" % bureau, href)
                eq("subtree=1" in href, "subtree=1" in q, href)
                eq(listed(c, label, href), v, "%s %s" % (label, href))
                seen.setdefault(label, []).append(v)
    # The figures are not all trivially zero: the filtered lists differ
    # from the unfiltered ones here, so a link without its filter fails.
    for label in ("工作要点任务", "已完成任务", "逾期未完成任务", "接受督查",
                  "按周期检查的目录事项", "目录事项逾期未更新", "收到留言",
                  "舆情事件", "建议提案", "培训人次", "发布文件"):
        ok(max(seen[label]) > 0, "no records behind %s: %r" % (label, seen[label]))
    ok(seen["已完成任务"] != seen["工作要点任务"], "done = all tasks")
    ok(seen["逾期未完成任务"] != seen["工作要点任务"], "overdue = all tasks")
    ok(seen["目录事项逾期未更新"] != seen["按周期检查的目录事项"],
       "overdue = every checked item")
    if soon:
        ok(max(seen["目录事项即将到期"]) > 0, "no due-soon item (%s)" % soon)


def test_task_figures_count_the_tasks_of_the_year(srv):
    """The task figures equal the stored tasks of the year's plans, counted
    here from the database, and the list says its filter."""
    c = office(srv)
    bureau = org_id(srv, "znwsj")
    today = (datetime.datetime.now(datetime.timezone.utc)
             + datetime.timedelta(hours=8)).date().isoformat()
    want = {}
    for year in (2017, 2018):
        q = ("SELECT count(*) FROM workplan_task t JOIN workplan w"
             " ON w.id=t.plan_id WHERE w.org_id=? AND w.year=?")
        want[year] = (
            srv.sql(q, (bureau, year))[0][0],
            srv.sql(q + " AND t.done_on IS NOT NULL", (bureau, year))[0][0],
            srv.sql(q + " AND t.done_on IS NULL AND t.due_on<?",
                    (bureau, year, today))[0][0])
    for year, (n_all, n_done, n_late) in want.items():
        ok(n_all > 0, "demo tasks of %d" % year)
        r = c.get("/staff/dashboard?org=%d&year=%d" % (bureau, year))
        got = {label: (href, v) for label, href, v in summary_rows(r.plain)}
        eq(got["工作要点任务"][1], n_all)
        eq(got["已完成任务"][1], n_done)
        eq(got["逾期未完成任务"][1], n_late)
        eq(html.unescape(got["逾期未完成任务"][0]),
           "/staff/workplans?org=%d&year=%d&filter=overdue" % (bureau, year))
        p = c.get("/staff/workplans?org=%d&year=%d&filter=done" % (bureau, year))
        contains(p.plain, "筛选：%d 年已完成的任务" % year)
        contains(p.plain, 'href="/staff/workplans?org=%d">清除筛选</a>' % bureau)


def test_inspection_and_freshness_links(srv):
    """接受督查 lists the inspections of the unit and year; a user who
    may not read the inspections gets the figure without a link; the
    catalogue figures link to their own filters."""
    c = office(srv)
    bureau = org_id(srv, "znwsj")
    n2018 = srv.sql(
        "SELECT count(*) FROM inspection i JOIN org o ON o.id=i.org_id WHERE"
        " (o.id=? OR o.parent_id=?) AND i.inspected_on LIKE '2018-%'",
        (bureau, bureau))[0][0]
    ok(n2018 > 0, "demo inspection of 2018")
    r = c.get("/staff/dashboard?org=%d&subtree=1&year=2018" % bureau)
    got = {label: (href, v) for label, href, v in summary_rows(r.plain)}
    eq(got["接受督查"][1], n2018)
    eq(html.unescape(got["接受督查"][0]),
       "/staff/inspections?org=%d&subtree=1&year=2018" % bureau)
    eq(html.unescape(got["目录事项即将到期"][0]),
       "/staff/freshness?org=%d&subtree=1&filter=due_soon" % bureau)
    # Another year lists none of them.
    p = c.get("/staff/inspections?org=%d&subtree=1&year=2017" % bureau)
    eq(listed(c, "接受督查", "/staff/inspections?org=%d&subtree=1&year=2017"
              % bureau), 0)
    contains(p.plain, "筛选：2017 年督查")
    # A drafter reads the dashboard but not the inspections.
    d = srv.client()
    d.login("drafter")
    r = d.get("/staff/dashboard?org=%d&year=2018" % bureau)
    eq(r.status, 200)
    contains(r.plain, '<tr><th scope="row">接受督查</th><td class="num">')
    not_contains(r.plain, 'href="/staff/inspections')
    # Bad filter values are refused with a message, not ignored.
    for path, msg in (
            ("/staff/workplans?org=%d&filter=nonesuch", "筛选参数无效"),
            ("/staff/freshness?org=%d&filter=nonesuch", "筛选参数无效"),
            ("/staff/inspections?org=%d&filter=closed", "筛选参数无效"),
            ("/staff/messages?org=%d&filter=late", "筛选参数无效"),
            ("/staff/opinion?org=%d&filter=overdue", "筛选参数无效"),
            ("/staff/proposals?org=%d&filter=missed", "筛选参数无效")):
        p = c.get(path % bureau)
        eq(p.status, 400, path)
        contains(p.plain, msg, path)


def test_supervise_figures_link_to_exactly_their_records(srv):
    """The supervisor's table: each figure of each unit (and of the totals
    row) lists as many records as it says."""
    c = srv.client()
    c.login("inspector")
    bureau = org_id(srv, "znwsj")
    heads = ["留言", "未答复", "超期留言", "舆情事件", "回应超时", "建议提案",
             "超期未答复", "活动", "培训人次", "要点任务", "逾期任务",
             "目录逾期未更新", "发布文件", "督查", "待整改"]
    total = 0
    for year in (2018, 2017):
        r = c.get("/staff/supervise?org=%d&year=%d" % (bureau, year))
        eq(r.status, 200)
        got = re.findall(r'<th scope="col">([^<]+)</th>', r.plain)
        eq(got, ["单位"] + heads)
        rows = re.findall(r"<tr><th scope=\"row\"[^>]*>.*?</tr>", r.plain, re.S)
        eq(len(rows) >= 2, True)
        for row in rows:
            cells = re.findall(r'<td class="num[^"]*"><a href="([^"]+)">(\d+)</a>',
                               row)
            eq(len(cells), len(heads), row[:80])
            for head, (href, v) in zip(heads, cells):
                label = "培训人次" if head == "培训人次" else head
                eq(listed(c, label, href), int(v), "%s %s" % (head, href))
                total += int(v)
    ok(total > 0, "supervise figures all zero")


def test_register_list_filters_refuse_bad_values(srv):
    c = office(srv)
    bureau = org_id(srv, "znwsj")
    eq(c.get("/staff/activities?org=%d&kind=nonesuch" % bureau).status, 400)
    eq(c.get("/staff/messages?org=%d&month=3" % bureau).status, 400)


# ---- 依申请公开 ------------------------------------------------------------

APP_ROWS = ["在办申请", "%d个工作日内到期", "超期未答复", "本年办结", "按时办结率"]


def app_figures(text):
    """[(label, href, text of the figure)] of the dashboard's 依申请公开
    table, in order."""
    table = re.search(r'<caption>依申请公开</caption>(.*?)</table>', text,
                      re.S).group(1)
    return [(m.group(1), html.unescape(m.group(2)), m.group(3))
            for m in re.finditer(
                r'<tr><th scope="row">([^<]+)</th><td class="num[^"]*">'
                r'<a href="([^"]+)">([^<]*)</a></td></tr>', table)]


def listed_apps(c, href):
    """The ids of the applications the list at href shows, following its
    pages; checks that the total it states (共 N 条) is their number."""
    ids, total, url = [], None, href
    while url:
        p = c.get(url)
        eq(p.status, 200, url)
        n = int(re.search(r'id="n-apps">(\d+)<', p.plain).group(1))
        eq(total is None or total == n, True, url)
        total = n
        body = re.search(r'<table class="grid cards" id="apps">.*?<tbody>(.*?)</tbody>',
                         p.plain, re.S).group(1)
        ids += [int(i) for i in re.findall(
            r'<tr><td><a href="/staff/applications/(\d+)">', body)]
        m = re.search(r'<a href="([^"]+)" rel="next">', p.plain)
        url = "/staff/applications" + html.unescape(m.group(1)) if m else None
    eq(len(ids), total, href)
    eq(len(set(ids)), len(ids), "an application listed twice: " + href)
    return ids


def app_ids(srv, orgs, where, args=()):
    """The ids of the applications of orgs matching the SQL condition."""
    q = ("SELECT id FROM application WHERE org_id IN (%s) AND %s"
         % (",".join("?" * len(orgs)), where))
    v = sorted(i for (i,) in srv.sql(q, tuple(orgs) + tuple(args)))
    return v


def test_application_figures_link_to_exactly_their_applications(srv):
    """Every figure of the dashboard's 依申请公开 table links to the
    application list of the same organisation and scope with the figure's
    filter, and that list shows exactly the applications counted: the same
    ids as the definition applied here to the database, for the bureau
    alone and with its subtree, in this year and past years."""
    c = office(srv)
    bureau = org_id(srv, "znwsj")
    subtree = [bureau] + [i for (i,) in srv.sql(
        "SELECT id FROM org WHERE parent_id=?", (bureau,))]
    ok(len(subtree) > 1, "the bureau has units below it")
    today = (datetime.datetime.now(datetime.timezone.utc)
             + datetime.timedelta(hours=8)).date().isoformat()
    # One open application of the bureau becomes due within the window and
    # one more becomes overdue, so open, due soon and overdue all differ
    # (the demo's due dates move with today's date).
    open_ids = [i for (i,) in srv.sql(
        "SELECT id FROM application WHERE org_id=? AND closed_on IS NULL"
        " ORDER BY id", (bureau,))]
    ok(len(open_ids) >= 4, "open demo applications: %r" % open_ids)
    srv.sql("UPDATE application SET due_on=? WHERE id=?", (today, open_ids[0]))
    srv.sql("UPDATE application SET due_on='2000-01-03' WHERE id=?", (open_ids[1],))
    # A closed application of a unit below closes this year, late.
    hosp = [o for o in subtree if o != bureau]
    srv.sql("UPDATE application SET closed_on=?, due_on='2000-01-03'"
            " WHERE id=(SELECT min(id) FROM application WHERE org_id=?"
            " AND closed_on IS NOT NULL)", (today, hosp[0]))
    this_year = int(today[:4])
    seen = {}
    for year in (this_year, 2024, 2019):
        for q, orgs in (("?org=%d" % bureau, [bureau]),
                        ("?org=%d&subtree=1" % bureau, subtree)):
            r = c.get("/staff/dashboard%s&year=%d" % (q, year))
            eq(r.status, 200)
            rows = app_figures(r.plain)
            soon = int(re.search(r"(\d+)个工作日内到期", rows[1][0]).group(1))
            eq([label for label, _, _ in rows],
               [l % soon if "%d" in l else l for l in APP_ROWS])
            base = "/staff/applications" + q
            closed_href = base + "&f=closed&year=%d" % year
            eq([href for _, href, _ in rows],
               [base + "&f=open", base + "&f=due_soon", base + "&f=overdue",
                closed_href, closed_href])
            # The window's last day, as the list says it.
            p = c.get(base + "&f=due_soon")
            until = re.search(r"个工作日内到期的在办申请（(\S+) 至 (\S+)）",
                              p.plain).group(2)
            want = {
                "open": app_ids(srv, orgs, "closed_on IS NULL"),
                "due_soon": app_ids(srv, orgs, "closed_on IS NULL AND"
                                    " due_on>=? AND due_on<=?", (today, until)),
                "overdue": app_ids(srv, orgs, "closed_on IS NULL AND due_on<?",
                                   (today,)),
                "closed": app_ids(srv, orgs, "closed_on LIKE ?", ("%d-%%" % year,)),
            }
            on_time = app_ids(srv, orgs, "closed_on LIKE ? AND due_on IS NOT NULL"
                              " AND closed_on<=due_on", ("%d-%%" % year,))
            for (label, href, v), key in zip(rows, ("open", "due_soon", "overdue",
                                                    "closed", "closed")):
                got = sorted(listed_apps(c, href))
                eq(got, want[key], "%s %s" % (label, href))
                if label == "按时办结率":
                    eq(v, "%.1f%%" % (100.0 * len(on_time) / len(got)) if got
                       else "—", label)
                else:
                    eq(int(v), len(got), "%s %s" % (label, href))
                seen.setdefault(key, []).append(len(got))
    # Not trivially empty, and the filters select different sets.
    for key in ("open", "due_soon", "overdue", "closed"):
        ok(max(seen[key]) > 0, "no applications behind %s" % key)
    ok(seen["open"] != seen["overdue"], "overdue = open")
    ok(seen["open"] != seen["due_soon"], "due soon = open")


def test_application_list_scope_paging_and_bad_filters(srv):
    """The list's organisation is scope-checked, it pages instead of
    cutting off, and bad parameters are refused with 400."""
    c = office(srv)
    bureau = org_id(srv, "znwsj")
    hospital = org_id(srv, "zn-hospital")
    n_all = srv.sql(
        "SELECT count(*) FROM application a JOIN org o ON o.id=a.org_id"
        " WHERE o.id=? OR o.parent_id=?", (bureau, bureau))[0][0]
    n_hosp = srv.sql("SELECT count(*) FROM application WHERE org_id=?",
                     (hospital,))[0][0]
    ok(n_all > 200, "enough demo applications to page: %d" % n_all)
    ids = listed_apps(c, "/staff/applications?org=%d&subtree=1&f=all" % bureau)
    eq(len(ids), n_all)
    p = c.get("/staff/applications?org=%d&subtree=1&f=all&p=2" % bureau)
    contains(p.plain, "第 2 / %d 页" % ((n_all + 99) // 100))
    # The hospital alone, from the bureau's office.
    eq(len(listed_apps(c, "/staff/applications?org=%d&f=" % hospital)), n_hosp)
    # A hospital user may not list the bureau's applications.
    h = srv.client()
    h.login("hosp-admin")
    eq(h.get("/staff/applications?org=%d&f=" % bureau).status, 403)
    eq(h.get("/staff/applications?org=%d&subtree=1&f=open" % bureau).status, 403)
    eq(h.get("/staff/applications?org=%d&f=" % hospital).status, 200)
    for q in ("f=nonesuch", "f=late", "f=20x4", "f=closed&year=abc",
              "f=open&p=0", "org=abc", "f=open&subtree=2"):
        p = c.get("/staff/applications?org=%d&%s" % (bureau, q)
                  if not q.startswith("org=") else "/staff/applications?" + q)
        eq(p.status, 400, q)
        ok(re.search(r"参数无效", p.plain), q)
    p = c.get("/staff/applications?org=%d&f=nonesuch" % bureau)
    contains(p.plain, "筛选参数无效")


def test_subtree_views_need_a_role_that_reaches_the_units_below(srv):
    # A drafter sees his own unit's registers and dashboard, but not the
    # figures of the units below it (his role's grant is own-organisation
    # only); the office does.
    bureau = org_id(srv, "znwsj")
    c = srv.client()
    c.login("drafter")
    for path in ("/staff/dashboard", "/staff/messages", "/staff/opinion",
                 "/staff/proposals", "/staff/activities", "/staff/workplans",
                 "/staff/applications"):
        eq(c.get("%s?org=%d" % (path, bureau)).status, 200, path)
        r = c.get("%s?org=%d&subtree=1" % (path, bureau))
        eq(r.status, 403, path + " with subtree=1")
        contains(r.plain, "无权")
    not_contains(c.get("/staff/dashboard?org=%d" % bureau).plain, "subtree=1")
    o = office(srv)
    for path in ("/staff/dashboard", "/staff/messages", "/staff/applications"):
        eq(o.get("%s?org=%d&subtree=1" % (path, bureau)).status, 200, path)
    contains(o.get("/staff/dashboard?org=%d" % bureau).plain, "subtree=1")
