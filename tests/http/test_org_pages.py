"""test_org_pages.py — an organisation's public home and its guide."""
from harness import contains, eq


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
