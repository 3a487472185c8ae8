"""test_org_pages.py — an organisation's public home and its guide."""
import json
import os
import re
import urllib.parse

from harness import contains, eq, not_contains, ok


def test_org_home_by_slug_lists_units_and_contacts(srv):
    r = srv.client().get("/o/znwsj")
    eq(r.status, 200)
    contains(r.text, "<h1>中宁县卫生健康局</h1>")
    contains(r.text, "中宁县人民医院")
    contains(r.text, "0955-5021796")
    contains(r.text, 'href="/o/znwsj/guide"')


def test_guide_is_generated_from_the_org_record(srv):
    r = srv.client().get("/o/znwsj/guide")
    eq(r.status, 200)
    for s in ("政府信息公开指南", "正大北路", "755100", "znwsj@163.com", "20个工作日",
              "7个工作日", "第三十一条", "行政复议"):
        contains(r.text, s)
    # The guide follows the record: edit the phone, the guide changes.
    c = srv.client()
    c.login("sysadmin")
    form = {"name": "中宁县卫生健康局", "slug": "znwsj", "phone": "0955-1234567",
            "address": "中宁县正大北路", "postcode": "755100", "email": "znwsj@163.com"}
    eq(c.post("/admin/orgs/1", form, csrf_from="/admin/orgs/1").status, 303)
    contains(srv.client().get("/o/znwsj/guide").text, "0955-1234567")


def test_unknown_org_is_404(srv):
    r = srv.client().get("/o/no-such-org/guide")
    eq(r.status, 404)
    contains(r.text, "该单位不存在")


def test_cached_public_page_follows_writes_from_other_processes(srv):
    c = srv.client()
    first = c.get("/").text
    eq(c.get("/").text, first)  # served again (from the cache)
    rc, _, err = srv.gongkai("org", "add", "--db", srv.db, "--name", "中宁县血站",
                             "--slug", "zn-blood", "--parent", "znwsj")
    eq(rc, 0, err)
    contains(c.get("/").text, "中宁县血站")
    contains(c.get("/", headers={"Accept-Encoding": "gzip"}).text, "中宁县血站")


def test_cache_keys_include_the_query_string(srv):
    c = srv.client()
    a = c.get("/api/v1/orgs").text
    r = c.get("/search-does-not-exist?x=1")
    eq(r.status, 404)
    # Same path, different query: never the other's cached answer.
    r1 = c.get("/login?next=/a")
    r2 = c.get("/login?next=/b")
    contains(r1.text, 'value="/a"')
    contains(r2.text, 'value="/b"')
    eq(c.get("/api/v1/orgs").text, a)


def _org_form(c, oid):
    """The fields of the organisation's edit form as they stand."""
    page = c.get("/admin/orgs/%d" % oid).text
    form = dict(re.findall(r'<input[^>]* name="([a-z_]+)"[^>]* value="([^"]*)"', page))
    for k in ("_csrf", "_once", "dept_name", "review_organ", "notice_contact",
              "notice_prefix"):
        form.pop(k, None)
    return form


def _rename(c, oid, name):
    form = _org_form(c, oid)
    form["name"] = name
    eq(c.post("/admin/orgs/%d" % oid, form, csrf_from="/admin/orgs/%d" % oid).status, 303)


def test_renamed_org_keeps_the_issuer_of_what_it_published(srv):
    # 机构改革: the 疾控中心 is renamed.  A document it published in 2025
    # with no publisher of its own was issued by 中宁县疾病预防控制中心 and
    # must keep that name; the unit's own pages, and what it publishes
    # from now on, bear the new one; the index number does not change.
    oid = srv.sql("SELECT id FROM org WHERE slug='zn-cdc'")[0][0]
    # The demo made it today; a unit that existed before (a name given on
    # the day of creation is no former name).
    srv.sql("UPDATE org SET created_at='2018-05-02T01:00:00Z' WHERE id=?", (oid,))
    lines = [{"title": "关于做好2025年流感防控工作的通知", "published_date": "2025-03-01",
              "body": "正文", "index_number": "453629055/2025-09001"}]
    path = os.path.join(srv.dir, "cdc.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n")
    rc, _, err = srv.gongkai("docs", "import", "--org", "zn-cdc", "--db", srv.db, path)
    eq(rc, 0, err)
    c = srv.client()
    c.login("sysadmin")
    _rename(c, oid, "中宁县疾病预防控制中心（中宁县卫生监督所）")
    # A typo corrected the same day is no name of its own.
    _rename(c, oid, "中宁县疾病预防控制中心（县卫生监督所）")
    eq(srv.sql("SELECT name FROM org_former_name WHERE org_id=?", (oid,)),
       [("中宁县疾病预防控制中心",)])
    anon = srv.client()
    r = anon.get("/o/zn-cdc/d/453629055/2025-09001")
    eq(r.status, 200)
    contains(r.text, "<td>中宁县疾病预防控制中心</td>")
    api = anon.get("/api/v1/documents/453629055/2025-09001").json()
    eq(api["publisher"], "中宁县疾病预防控制中心")
    eq(api["index_number"], "453629055/2025-09001")
    contains(anon.get("/o/zn-cdc").text, "<h1>中宁县疾病预防控制中心（县卫生监督所）</h1>")
    feed = anon.get("/o/zn-cdc/feed.atom").text
    contains(feed, "<author><name>中宁县疾病预防控制中心</name></author>")
    not_contains(feed, "<author><name>中宁县疾病预防控制中心（")


def test_unit_moved_under_another_in_a_reform(srv):
    # 机构改革: the lab of the 疾控中心 is transferred to the hospital.  Its
    # documents and index numbers go with it; the hospital's administrator
    # manages it from then on; nobody moves a unit under its own subtree or
    # outside their own tree.
    rc, _, err = srv.gongkai("org", "add", "--db", srv.db, "--name", "中宁县检验中心",
                             "--slug", "zn-lab", "--parent", "zn-cdc")
    eq(rc, 0, err)
    lab, cdc, hosp, bureau = (srv.sql("SELECT id FROM org WHERE slug=?", (s,))[0][0]
                              for s in ("zn-lab", "zn-cdc", "zn-hospital", "znwsj"))
    h = srv.client()
    h.login("hosp-admin")
    eq(h.get("/admin/orgs/%d" % lab).status, 403)
    c = srv.client()
    c.login("sysadmin")
    page = c.get("/admin/orgs/%d" % lab).text
    contains(page, 'action="/admin/orgs/%d/move"' % lab)
    # The lab itself is no parent it could be moved under.
    not_contains(page.split('name="parent_id"')[1].split("</select>")[0],
                 'value="%d"' % lab)
    r = c.post("/admin/orgs/%d/move" % lab, {"parent_id": str(hosp)},
               csrf_from="/admin/orgs/%d" % lab)
    eq(r.status, 303)
    eq(srv.sql("SELECT parent_id FROM org WHERE id=?", (lab,)), [(hosp,)])
    eq(h.get("/admin/orgs/%d" % lab).status, 200)
    # Nobody moves their own unit: the administrator above does.
    r = h.post("/admin/orgs/%d/move" % hosp, {"parent_id": str(lab)},
               csrf_from="/admin/orgs/%d" % hosp)
    eq(r.status, 422)
    contains(r.text, "不能调整本单位的上级单位")
    # The hospital's administrator cannot take it back to the 疾控中心.
    r = h.post("/admin/orgs/%d/move" % lab, {"parent_id": str(cdc)},
               csrf_from="/admin/orgs/%d" % lab)
    eq(r.status, 403)
    # The bureau under its own hospital: a cycle, refused, nothing changed.
    r = c.post("/admin/orgs/%d/move" % hosp, {"parent_id": str(lab)},
               csrf_from="/admin/orgs/%d" % hosp)
    eq(r.status, 422)
    contains(r.text, "不能把单位调整到本单位或其下级单位之下")
    eq(srv.sql("SELECT parent_id FROM org WHERE id=?", (hosp,)), [(bureau,)])
    # The same from the command line.
    rc, _, err = srv.gongkai("org", "move", "zn-hospital", "--parent", "zn-lab", "--db", srv.db)
    eq(rc, 1)
    contains(err, "不能把单位调整到本单位或其下级单位之下")
    rc, out, err = srv.gongkai("org", "move", "zn-lab", "--parent", "zn-cdc", "--db", srv.db)
    eq(rc, 0, err)
    eq(srv.sql("SELECT parent_id FROM org WHERE id=?", (lab,)), [(cdc,)])


def test_portal_lists_one_level_of_units_per_page(srv):
    # A province's portal: the home page lists the top two levels, each
    # unit's page the units directly below it, so no page lists the whole
    # tree and every unit is reached level by level.
    rc, _, err = srv.gongkai("org", "add", "--db", srv.db, "--name", "中宁县疾控中心实验室",
                             "--slug", "zn-cdc-unit", "--parent", "zn-cdc")
    eq(rc, 0, err)
    rc, _, err = srv.gongkai("org", "add", "--db", srv.db, "--name", "中宁县疾控中心实验室一组",
                             "--slug", "zn-cdc-unit-1", "--parent", "zn-cdc-unit")
    eq(rc, 0, err)
    anon = srv.client()
    home = anon.get("/").text
    contains(home, '<a href="/o/znwsj">中宁县卫生健康局</a>')
    contains(home, '<a href="/o/zn-cdc">中宁县疾病预防控制中心')
    not_contains(home, "/o/zn-cdc-unit\"")
    bureau = anon.get("/o/znwsj").text
    contains(bureau, '<a href="/o/zn-cdc">')
    not_contains(bureau, "中宁县疾控中心实验室")
    cdc = anon.get("/o/zn-cdc").text
    contains(cdc, '<a href="/o/zn-cdc-unit">中宁县疾控中心实验室</a>')
    not_contains(cdc, "中宁县疾控中心实验室一组")
    contains(anon.get("/o/zn-cdc-unit").text,
             '<a href="/o/zn-cdc-unit-1">中宁县疾控中心实验室一组</a>')


def test_long_lists_of_organisations_can_be_searched(srv):
    # A province's tree: a select of hundreds of units gets a search box
    # (data-filter, site.js); the demo's few units stay a plain select.
    c = srv.client()
    c.login("sysadmin")
    ok('<select id="f-org" name="org_id">' in c.get("/admin/users/new").text)
    for i in range(31):  # with the bureau and its units: more than 30
        rc, _, err = srv.gongkai("org", "add", "--db", srv.db, "--name", "中宁县第%d卫生院" % (i + 1),
                                 "--slug", "zn-wsy-%d" % (i + 1), "--parent", "znwsj")
        eq(rc, 0, err)
    for path in ("/admin/users/new", "/admin/orgs/new", "/admin/tokens"):
        contains(c.get(path).text, ' data-filter', path)
    contains(c.get("/admin/users/new").text, "中宁县第31卫生院")
    off = srv.client()
    off.login("office")
    for path in ("/staff/applications/new", "/staff/docs/new", "/staff/registers"):
        contains(off.get(path).text, ' data-filter', path)
    ins = srv.client()
    ins.login("inspector")
    contains(ins.get("/staff/inspections").text, '<select id="f-target" name="target" data-filter>')
    contains(ins.get("/staff/inspections").text, "中宁县第31卫生院")
    contains(off.get("/staff/catalogue").text, "中宁县第31卫生院")
    contains(srv.client().get("/search").text, '<select id="f-org" name="org" data-filter>')
    # /admin/orgs of a tree above 100 units lists the top two levels and
    # finds the rest by name; each unit's page lists the units below it.
    for i in range(62):
        rc, _, err = srv.gongkai("org", "add", "--db", srv.db, "--name", "中宁县第1卫生院分院%d" % (i + 1),
                                 "--slug", "zn-wsy-1-%d" % (i + 1), "--parent", "zn-wsy-1")
        eq(rc, 0, err)
    # 5 demo units (the bureau and its 4), 4 added by the tests above (血站,
    # 检验中心, 实验室, 实验室一组), 31 卫生院, 62 分院: 102.
    page = c.get("/admin/orgs").text
    contains(page, "本单位及下级单位共 102 个，以下列出前两级")
    contains(page, "中宁县第1卫生院</a>")
    not_contains(page, "分院")
    found = c.get("/admin/orgs?q=" + urllib.parse.quote("分院7")).text
    contains(found, "中宁县第1卫生院分院7</a>")
    not_contains(found, "中宁县第1卫生院分院8</a>")
    wsy1 = srv.sql("SELECT id FROM org WHERE slug='zn-wsy-1'")[0][0]
    unit = c.get("/admin/orgs/%d" % wsy1).text
    contains(unit, "中宁县第1卫生院分院62</a>")
    contains(unit, 'href="/admin/orgs/new?parent=%d"' % wsy1)
    contains(c.get("/admin/orgs/new?parent=%d" % wsy1).text,
             '<option value="%d" selected>' % wsy1)
    contains(srv.client().get("/static/site.js").text, "select[data-filter]")
