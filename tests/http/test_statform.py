"""test_statform.py — the pre-2019 statistical form (政府信息公开情况统计表,
format stat2018) computed from the records (issue 6).

Every record-fed row of the form on the report page equals a count this
test makes itself from the database with srv.sql (the mapping of
docs/reports.md); the form's own rules pass; the format can be chosen on
the report page for a year after 2018 (so the applications rows are
exercised with the demo applications); a cell's drill-down lists as many
records as its number; an unknown format is refused.
"""
import calendar
import re

from harness import contains, eq, not_contains


def office(srv):
    c = srv.client()
    c.login("office")
    return c


def cells(html):
    """{row id: value text} of the stat table on a report page."""
    out = {}
    for m in re.finditer(
            r'data-cell="stat\[([a-z_.]+)\]\[value\]"[^>]*>'
            r'(?:<a [^>]*>)?([^<]*)', html):
        out[m.group(1)] = m.group(2)
    return out


def expected(srv, year, slug="znwsj"):
    """The record-fed rows counted independently from the database (SQL
    that SQLite and PostgreSQL run alike)."""
    q = lambda sql, *a: srv.sql(sql, a)[0][0] or 0
    org = q("SELECT id FROM org WHERE slug=?", slug)
    y = str(year)
    e = {}
    pub = ("FROM doc WHERE org_id=? AND state IN ('published','withdrawn')"
           " AND substr(published_date,1,4)=?")
    e["active.published"] = q("SELECT count(*) " + pub, org, y)
    e["active.channels.website"] = e["active.published"]
    e["active.published.normative"] = q(
        "SELECT count(*) " + pub + " AND report_kind='normative'", org, y)
    e["active.published.normative_made"] = q(
        "SELECT count(*) FROM doc WHERE org_id=? AND report_kind='normative'"
        " AND state IN ('published','withdrawn')"
        " AND substr(coalesce(signed_date,published_date),1,4)=?", org, y)
    chans = srv.sql(
        "SELECT DISTINCT c.doc_id,c.channel FROM doc_channel c JOIN doc d"
        " ON d.id=c.doc_id WHERE d.org_id=? AND d.state IN"
        " ('published','withdrawn') AND substr(c.day,1,4)=?",
        (org, y))
    kinds = {"gazette": set(), "weibo": set(), "wechat": set(), "other": set()}
    for doc_id, ch in chans:
        k = ("gazette" if "公报" in ch else "weibo" if "微博" in ch
             else "wechat" if "微信" in ch else "other")
        kinds[k].add(doc_id)
    for k, v in kinds.items():
        e["active.channels." + k] = len(v)
    # found_at is Unix seconds; the year is Beijing's (UTC+8).
    ev = ("FROM opinion_event e WHERE e.org_id=? AND"
          " e.found_at >= ? AND e.found_at < ?")
    span = tuple(calendar.timegm((yy, 1, 1, 0, 0, 0)) - 8 * 3600
                 for yy in (year, year + 1))
    resp = " AND e.id IN (SELECT event_id FROM opinion_response{})"
    e["response.hotspots"] = q("SELECT count(*) " + ev + resp.format(""),
                               org, *span)
    e["response.channels.weibo_wechat"] = q(
        "SELECT count(*) " + ev + resp.format(" WHERE kind='online'"), org, *span)
    e["response.channels.other"] = q(
        "SELECT count(*) " + ev + resp.format(" WHERE kind='release'"), org, *span)
    act = "FROM activity WHERE org_id=? AND substr(held_on,1,4)=? AND kind=?"
    for kind, row in (("press", "press"), ("interview", "interviews")):
        e["response.channels." + row] = q("SELECT count(*) " + act, org, y,
                                          kind)
        e["response.channels.%s.leader" % row] = q(
            "SELECT count(*) " + act + " AND leader_attended=1", org, y, kind)
    e["response.channels.interpretations"] = q(
        "SELECT count(*) " + pub + " AND (interprets_id IS NOT NULL"
        " OR genre LIKE '%解读%')", org, y)
    e["meetings.meetings"] = q("SELECT sum(sessions) " + act, org, y,
                               "meeting")
    e["meetings.trainings"] = q("SELECT sum(sessions) " + act, org, y,
                                "training")
    e["meetings.trainees"] = q("SELECT sum(people) " + act, org, y,
                               "training")
    # Applications.
    apps = srv.sql(
        "SELECT id,channel,received_on,closed_on,outcome,fee_status,fee_yuan"
        " FROM application WHERE org_id=?", (org,))
    ext = {r[0] for r in srv.sql(
        "SELECT application_id FROM application_event WHERE kind='extension'")}
    rec = [a for a in apps if a[2][:4] == y]
    e["apply.received"] = len(rec)
    chmap = {"in_person": "in_person", "oral": "in_person", "fax": "fax",
             "online": "online", "email": "online", "post_signed": "letter",
             "post_ordinary": "letter"}
    for k in ("in_person", "fax", "online", "letter"):
        e["apply.received." + k] = sum(1 for a in rec if chmap[a[1]] == k)
    closed = [a for a in apps if a[3] and a[3][:4] == y]
    e["apply.closed"] = e["apply.answered"] = len(closed)
    e["apply.closed.extended"] = sum(1 for a in closed if a[0] in ext)
    e["apply.closed.on_time"] = len(closed) - e["apply.closed.extended"]
    ans = {k: 0 for k in ("already_public", "granted", "partial", "denied",
                          "not_this_org", "not_exist", "to_amend",
                          "other_channel")}
    grounds = {k: 0 for k in ("state_secret", "commercial_secret", "privacy",
                              "security", "not_gov_info", "other_law")}
    for a in closed:
        o = a[4] or "results.other.other"
        if o == "results.granted":
            ans["granted"] += 1
        elif o == "results.partial":
            ans["partial"] += 1
        elif o.startswith("results.denied."):
            ans["denied"] += 1
            g = {"state_secret": "state_secret", "third_party": "privacy",
                 "three_security_one_stability": "security",
                 "internal_affairs": "not_gov_info",
                 "process_info": "not_gov_info"}.get(o[15:], "other_law")
            grounds[g] += 1
        elif o in ("results.cannot_provide.not_held",
                   "results.cannot_provide.needs_creation"):
            ans["not_exist"] += 1
        elif o in ("results.cannot_provide.still_unclear",
                   "results.other.no_correction"):
            ans["to_amend"] += 1
        else:
            ans["other_channel"] += 1
    for k, v in ans.items():
        e["apply.answered." + k] = v
    for k, v in grounds.items():
        e["apply.answered.denied." + k] = v
    # A fee counts in the year it was paid (its 缴费 event), whenever the
    # case closed; without the event, the year the case closed.
    paid = {r[0]: r[1] for r in srv.sql(
        "SELECT application_id,max(on_day) FROM application_event"
        " WHERE kind='fee_paid' GROUP BY application_id")}
    fee = sum(a[6] for a in apps if a[5] == "paid" and
              (paid.get(a[0]) or a[3] or "")[:4] == y)
    e["fees"] = fee
    # Reconsideration and litigation.
    revs = srv.sql(
        "SELECT v.kind,v.result,v.decided_on FROM application_review v JOIN"
        " application a ON a.id=v.application_id WHERE a.org_id=?"
        " AND substr(v.filed_on,1,4)=?", (org, y))
    for top in ("review", "litigation"):
        mine = [v for v in revs if (v[0] == "review") == (top == "review")]
        e[top] = len(mine)
        for res in ("upheld", "corrected"):
            e[top + "." + res] = sum(
                1 for v in mine if v[1] == res and v[2] and v[2] <= y + "-12-31")
        e[top + ".other"] = (len(mine) - e[top + ".upheld"]
                             - e[top + ".corrected"])
    return e


def fmt(row, n):
    """The page's text for a number (fees: 万元 from yuan)."""
    if row == "fees":
        s = "%.4f" % (n / 10000)
        s = s.rstrip("0").rstrip(".")
        return s
    return str(n)


def check_page(srv, c, path, year):
    r = c.get(path)
    eq(r.status, 200)
    contains(r.text, "政府信息公开情况统计表")
    contains(r.text, "全部勾稽关系成立")
    not_contains(r.text, 'class="broken"')
    got = cells(r.text)
    want = expected(srv, year)
    eq(len(want), 51, "every record-fed row is checked")
    for row, n in sorted(want.items()):
        eq(got.get(row), fmt(row, n), row)
    # Rows without a record source stay blank until entered.
    for row in ("complaints", "staffing.offices", "staffing.staff",
                "staffing.budget"):
        eq(got.get(row), "", row)
    return got, want


def test_stat_form_2018_from_the_records(srv):
    c = office(srv)
    got, want = check_page(srv, c, "/staff/reports/znwsj/2018", 2018)
    contains(c.get("/staff/reports/znwsj/2018").text, "stat2018")
    # The demo's 2018 records feed these rows (the test must be able to
    # fail: non-zero numbers).
    for row in ("active.published", "response.hotspots",
                "response.channels.press", "meetings.trainings",
                "meetings.trainees"):
        ok_nonzero = want[row] > 0
        eq(ok_nonzero, True, row)


def test_stat_form_chosen_for_a_later_year(srv):
    c = office(srv)
    r = c.get("/staff/reports/znwsj/2022")
    contains(r.text, 'id="format-choice"')
    contains(r.text, '<option value="stat2018">')
    got, want = check_page(srv, c,
                           "/staff/reports/znwsj/2022?form=stat2018", 2022)
    eq(want["apply.received"] > 0, True, "demo applications in 2022")
    eq(want["apply.closed"] > 0, True, "closed in 2022")
    # A cell's drill-down lists exactly its records.
    r = c.get("/staff/reports/znwsj/2022?form=stat2018")
    m = re.search(r'data-cell="stat\[apply\.received\]\[value\]"[^>]*>'
                  r'<a href="([^"]+)"', r.text)
    eq(m is not None, True, "apply.received links to its records")
    d = c.get(m.group(1).replace("&amp;", "&"))
    eq(d.status, 200)
    n = re.search(r'id="n-records">(\d+)<', d.text)
    eq(int(n.group(1)), want["apply.received"])
    eq(d.text.count('href="/staff/applications/'), want["apply.received"])


def test_unknown_format_refused(srv):
    c = office(srv)
    eq(c.get("/staff/reports/znwsj/2022?form=nonesuch").status, 400)
