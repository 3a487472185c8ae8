"""test_foundation.py — issue 2: sign-in, CSRF, scope, errors, limits, API."""
import os
import re

from harness import DEMO_PASSWORD, contains, eq, not_contains, ok

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")


def test_health_reports_schema_version(srv):
    r = srv.client().get("/api/v1/health")
    eq(r.status, 200)
    j = r.json()
    eq(j["status"], "ok")
    ok(isinstance(j["schema_version"], int) and j["schema_version"] >= 1)


def test_login_page_and_security_headers(srv):
    r = srv.client().get("/login")
    eq(r.status, 200)
    contains(r.text, "工作人员登录")
    contains(r.text, 'name="_csrf"')
    csp = r.headers.get("content-security-policy", "")
    contains(csp, "frame-ancestors 'none'")
    contains(csp, "script-src 'self'")
    eq(r.headers.get("x-content-type-options"), "nosniff")
    ok("referrer-policy" in r.headers)


def test_wrong_password_gives_error_and_no_session(srv):
    c = srv.client()
    r = c.post("/login", {"login": "office", "password": "not-the-password"})
    eq(r.status, 401)
    contains(r.text, "登录名或密码错误")
    ok(not c.has_session(), "a session cookie was set")
    eq(c.get("/staff").status, 303)


def test_post_without_csrf_token_is_403(srv):
    c = srv.client()
    c.get("/login")  # gets the anonymous CSRF cookie
    r = c.post("/login", {"login": "office", "password": DEMO_PASSWORD}, csrf=False)
    eq(r.status, 403)
    ok(not c.has_session())


def test_post_from_other_origin_is_403(srv):
    c = srv.client()
    tok = c.csrf("/login")
    r = c.post("/login", {"login": "office", "password": DEMO_PASSWORD, "_csrf": tok},
               origin=False, headers={"Origin": "http://evil.example"})
    eq(r.status, 403)
    contains(r.text, "跨站")
    r = c.post("/login", {"login": "office", "password": DEMO_PASSWORD, "_csrf": tok},
               origin=False)
    eq(r.status, 403, "no Origin and no Referer")


def test_login_then_staff_home_then_logout(srv):
    c = srv.client()
    c.login("office")
    r = c.get("/staff")
    eq(r.status, 200)
    contains(r.text, "王公开")
    contains(r.text, "公开办")
    eq(r.headers.get("cache-control"), "no-store")
    r = c.post("/logout", {}, csrf_from="/staff")
    eq(r.status, 303)
    ok(not c.has_session())
    eq(c.get("/staff").status, 303)


def test_session_cookie_flags(srv):
    c = srv.client()
    r = c.login("office")
    cookie = [v for v in r.headers["set-cookie"] if v.startswith("gk_session=")][0]
    contains(cookie, "HttpOnly")
    contains(cookie, "SameSite=Strict")


def test_hospital_user_cannot_open_bureau_admin_pages(srv):
    c = srv.client()
    c.login("hosp-admin")
    # Own organisation: allowed.
    eq(c.get("/admin/orgs").status, 200)
    r = c.get("/admin/orgs")
    not_contains(r.text, "中宁县卫生健康局</a>")
    # The bureau (id 1) is above the hospital: refused.
    r = c.get("/admin/orgs/1")
    eq(r.status, 403)
    contains(r.text, "禁止访问")
    r = c.post("/admin/orgs/1", {"name": "x", "slug": "znwsj"}, csrf_from="/admin/orgs")
    eq(r.status, 403)


def test_non_admin_cannot_open_admin_pages(srv):
    c = srv.client()
    c.login("drafter")
    eq(c.get("/admin/orgs").status, 403)
    eq(c.get("/admin/users").status, 403)


def test_bureau_admin_sees_subtree(srv):
    c = srv.client()
    c.login("sysadmin")
    r = c.get("/admin/orgs")
    eq(r.status, 200)
    contains(r.text, "中宁县人民医院")
    eq(c.get("/admin/orgs/2").status, 200)
    r = c.get("/admin/users")
    contains(r.text, "hosp-drafter")


def test_admin_org_validation_and_creation(srv):
    c = srv.client()
    c.login("sysadmin")
    bad = {"parent_id": "1", "name": "测试中心", "slug": "test-centre",
           "uscc": "12640521453629012B"}
    r = c.post("/admin/orgs/new", bad, csrf_from="/admin/orgs/new")
    eq(r.status, 422)
    contains(r.text, "统一社会信用代码无效")
    contains(r.text, 'value="测试中心"')  # the input is kept
    good = dict(bad, uscc="12640521453629012A".replace("12A", "12A"))
    good["uscc"] = ""
    r = c.post("/admin/orgs/new", good, csrf_from="/admin/orgs/new")
    eq(r.status, 303)
    contains(r.headers["location"], "/admin/orgs/")
    r = c.get("/api/v1/orgs")
    ok(any(o["slug"] == "test-centre" and o["parent_id"] == 1 for o in r.json()["orgs"]))


def test_unknown_path_is_404_in_chinese(srv):
    r = srv.client().get("/no/such/page")
    eq(r.status, 404)
    contains(r.text, "页面不存在")
    contains(r.text, 'lang="zh-CN"')


def test_unknown_api_path_is_json_404(srv):
    r = srv.client().get("/api/v1/no-such-thing")
    eq(r.status, 404)
    j = r.json()
    eq(j["error"]["code"], "not_found")
    ok(j["error"]["message"])


def test_wrong_method_is_405(srv):
    r = srv.client().request("DELETE", "/login")
    eq(r.status, 405)
    r = srv.client().get("/logout")
    eq(r.status, 405)


def test_oversize_body_is_413(srv):
    c = srv.client()
    tok = c.csrf("/login")
    big = "x" * (3 * 1024 * 1024)
    r = c.post("/login", {"login": big, "password": "p", "_csrf": tok})
    eq(r.status, 413)
    contains(r.text, "超过大小限制")


def test_empty_and_malformed_requests_do_not_crash(srv):
    srv.raw(b"")
    srv.raw(b"\r\n\r\n")
    srv.raw(b"GARBAGE / HTTP/9.9\r\n\r\n")
    srv.raw(b"GET /" + b"a" * 70000 + b" HTTP/1.1\r\nHost: x\r\n\r\n")
    srv.raw(b"POST /login HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999\r\n\r\n")
    srv.raw(b"POST /login HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")
    srv.raw(b"GET /login HTTP/1.1\r\nHost: x\r\nCookie: gk_session=" + b"A" * 43 + b"\r\n\r\n")
    srv.raw(b"POST /login HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=\r\n"
            b"Content-Length: 10\r\n\r\n0123456789")
    ok(srv.alive(), "server died")
    eq(srv.client().get("/api/v1/health").status, 200)


def test_etag_gives_304(srv):
    c = srv.client()
    r = c.get("/")
    eq(r.status, 200)
    etag = r.headers.get("etag")
    ok(etag, "no ETag")
    r2 = c.get("/", headers={"If-None-Match": etag})
    eq(r2.status, 304)
    eq(r2.body, b"")


def test_gzip_when_accepted(srv):
    c = srv.client()
    r = c.get("/static/site.css", headers={"Accept-Encoding": "gzip"})
    eq(r.status, 200)
    eq(r.headers.get("content-encoding"), "gzip")
    contains(r.text, "site.css")


def test_login_throttled_after_repeated_failures(srv):
    c = srv.client()
    for _ in range(5):
        r = c.post("/login", {"login": "leader", "password": "wrong-password-1"})
        eq(r.status, 401)
    r = c.post("/login", {"login": "leader", "password": DEMO_PASSWORD})
    eq(r.status, 401)
    contains(r.text, "次数过多")
    ok(not c.has_session())


def test_openapi_lists_every_api_route(srv):
    doc = srv.client().get("/api/v1/openapi.json").json()
    eq(doc["openapi"][:2], "3.")
    with open(os.path.join(ROOT, "src", "http", "routes.c"), encoding="utf-8") as f:
        src = f.read()
    api = set()
    for line in src.splitlines():
        m = re.search(r'"(/api/v1/[^"]*)"', line)
        if m and "ROUTE_API" in line and "ROUTE_HIDDEN" not in line:
            api.add(m.group(1).replace("{*", "{"))  # OpenAPI writes a rest capture {name}
    ok(api, "no API routes found in routes.c")
    eq(set(doc["paths"].keys()), api)
    for path in api:
        if "{" not in path:
            r = srv.client().get(path)
            ok(r.status != 404 and r.status != 405, "%s answers %d" % (path, r.status))


def test_user_admin_roles_and_password_reset(srv):
    c = srv.client()
    c.login("sysadmin")
    r = c.post("/admin/users/new", {"login": "newbie", "password": "short", "name": "新人",
                                    "org_id": "2", "dept_id": "0", "role": "drafter"},
               csrf_from="/admin/users/new")
    eq(r.status, 422)
    contains(r.text, "密码至少10个字符")
    r = c.post("/admin/users/new", {"login": "newbie", "password": "long-enough-pw", "name": "新人",
                                    "org_id": "2", "dept_id": "0", "role": ["drafter", "secrecy"]},
               csrf_from="/admin/users/new")
    eq(r.status, 303)
    c2 = srv.client()
    c2.login("newbie", "long-enough-pw")
    r = c2.get("/staff")
    contains(r.text, "中宁县人民医院")
    contains(r.text, "承办人")
    contains(r.text, "保密审查员")


def test_disabled_user_cannot_sign_in(srv):
    rc, out, err = srv.gongkai("user", "disable", "hosp-drafter", "--db", srv.db)
    eq(rc, 0, err)
    c = srv.client()
    r = c.post("/login", {"login": "hosp-drafter", "password": DEMO_PASSWORD})
    eq(r.status, 401)
    ok(not c.has_session())
