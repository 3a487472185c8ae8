"""test_attack3.py — what the third outside attacker's review found
(docs/security.md, "Third attacker's review"): each test failed on the
code before its fix.

- an API token kept working after the administrator who made it was
  disabled (a former administrator's integration kept reading and
  registering applications);
- a GET with `Authorization: Bearer` of a public page was answered from
  the anonymous cache once someone had fetched it: 200 where the route
  table answers 401 (a token works only on /api/), and the token's use
  went unrecorded;
- the same-origin check of every POST ignored the scheme: an `https://`
  page of the same host passed on a plain-http site (and the other way
  round behind a TLS proxy);
- the administrator of any top-level organisation sharing the
  installation (another county) could change the installation-wide
  message reply deadline of everyone.
"""
import json
import re

import harness
from harness import contains, eq, not_contains, ok


def admin_client(srv, login, org):
    """A new administrator of org (made with the CLI), signed in."""
    rc, out, err = srv.gongkai("user", "add", "--login", login, "--name", "新管理员",
                               "--org", org, "--roles", "admin",
                               "--password", harness.DEMO_PASSWORD, "--db", srv.db)
    eq(rc, 0, err)
    c = srv.client()
    c.login(login)
    return c


def bearer(srv, tok, path):
    return srv.client().get(path, headers={"Authorization": "Bearer " + tok})


# ---- (a) a disabled administrator's tokens -----------------------------------

def test_tokens_of_a_disabled_administrator_stop_working(srv):
    admin = admin_client(srv, "tok-admin", "znwsj")
    r = admin.post("/admin/tokens", {"name": "离职管理员的热线令牌", "org_id": "1",
                                     "perm": "view_staff"}, csrf_from="/admin/tokens")
    eq(r.status, 303, r.text[:300])
    m = re.search(r'id="new-token">(gk_[0-9a-f]{40})<', admin.get("/admin/tokens?created=1").text)
    ok(m, "token not shown")
    tok = m.group(1)
    eq(bearer(srv, tok, "/api/v1/applications").status, 200)
    # Another administrator disables the one who made it.
    sys = srv.client()
    sys.login("sysadmin")
    rc, out, err = srv.gongkai("user", "disable", "tok-admin", "--db", srv.db)
    eq(rc, 0, err)
    eq(bearer(srv, tok, "/api/v1/applications").status, 401)
    # The token page says why it no longer works.
    contains(sys.get("/admin/tokens").text, "已失效（创建它的管理员已停用）")
    rc, out, err = srv.gongkai("token", "list", "--db", srv.db)
    contains(out, "creator-disabled")
    # A token made on the command line (no creator) is unaffected.
    rc, out, err = srv.gongkai("token", "add", "--org", "znwsj", "--name", "命令行令牌",
                               "--perms", "view_staff", "--db", srv.db)
    eq(rc, 0, err)
    cli_tok = re.search(r"(gk_[0-9a-f]{40})", out).group(1)
    eq(bearer(srv, cli_tok, "/api/v1/applications").status, 200)


# ---- (b) a token request and the anonymous cache -----------------------------

def test_bearer_request_is_not_answered_from_the_anonymous_cache(srv):
    tok = srv.gongkai("token", "add", "--org", "znwsj", "--name", "缓存测试",
                      "--perms", "view_staff", "--db", srv.db)[1]
    tok = re.search(r"(gk_[0-9a-f]{40})", tok).group(1)
    anon = srv.client()
    for path in ("/", "/o/znwsj"):
        eq(anon.get(path).status, 200)
        eq(anon.get(path).headers.get("x-cache"), "hit", path)   # now cached
        r = bearer(srv, tok, path)
        # The route table's answer, as without the cache: tokens are for /api/.
        eq(r.status, 401, path)
        eq(r.headers.get("x-cache"), None, path)
    # A public API read with a token: answered by the route, never the
    # anonymous copy, and the token's use recorded.
    eq(anon.get("/api/v1/orgs").status, 200)
    eq(anon.get("/api/v1/orgs").headers.get("x-cache"), "hit")
    r = bearer(srv, tok, "/api/v1/orgs")
    eq(r.status, 200)
    eq(r.headers.get("x-cache"), None)
    not_contains(r.headers.get("cache-control", ""), "public")
    used = srv.sql("SELECT last_used_at FROM api_token WHERE name=?", ("缓存测试",))[0][0]
    ok(used, "token use not recorded")


# ---- (c) the scheme in the same-origin check ---------------------------------

def login_from(srv, origin, login="office", headers=None, c=None):
    c = c or srv.client()
    h = {"Origin": origin}
    h.update(headers or {})
    return c.post("/login", {"login": login, "password": harness.DEMO_PASSWORD},
                  headers=h)


def test_same_origin_compares_the_scheme(srv):
    here = "127.0.0.1:%d" % srv.port
    r = login_from(srv, "https://" + here)
    eq(r.status, 403, r.text[:200])
    contains(r.text, "跨站请求被拒绝")
    # Referer (no Origin) likewise.
    c = srv.client()
    tok = c.csrf("/login")
    r = c.post("/login", {"login": "office", "password": harness.DEMO_PASSWORD,
                          "_csrf": tok}, origin=False,
               headers={"Referer": "https://%s/login" % here})
    eq(r.status, 403)
    # Only a trusted proxy may say the browser used https: here it is not one.
    r = login_from(srv, "https://" + here, headers={"X-Forwarded-Proto": "https"})
    eq(r.status, 403)
    eq(login_from(srv, "http://" + here).status, 303)


def test_same_origin_behind_a_tls_proxy_follows_x_forwarded_proto(srv):
    proxied = harness.Server(demo=False, extra_args=["--trusted-proxy", "127.0.0.1"])
    try:
        # nginx passes the browser's Host (the site's public name).
        here = "gk.example.gov.cn"
        pw = proxied.admin_password
        ok(pw, "init printed no password")

        def login(origin, proto):
            c = proxied.client()
            h = {"Origin": origin, "Host": here}
            if proto:
                h["X-Forwarded-Proto"] = proto
            return c.post("/login", {"login": "admin", "password": pw}, headers=h)
        eq(login("http://" + here, "https").status, 403)   # the page was https
        eq(login("https://" + here, "https").status, 303)
        eq(login("http://" + here, "http").status, 303)
        eq(login("https://" + here, "http").status, 403)
        eq(login("http://" + here, None).status, 303)
    finally:
        proxied.stop()


# ---- (d) installation-wide settings ------------------------------------------

def setting(srv):
    rc, out, err = srv.gongkai("config", "get", "message_reply_workdays", "--db", srv.db)
    return out.strip()


def test_other_top_level_administrator_cannot_change_system_settings(srv):
    before = setting(srv)
    aq = admin_client(srv, "aq-admin", "aqwsj")   # 安泉县卫健局: a second root
    aq_org = srv.sql("SELECT id FROM org WHERE slug='aqwsj'")[0][0]
    page = aq.get("/staff/messages?org=%d" % aq_org)
    eq(page.status, 200)
    not_contains(page.text, "/staff/messages/settings")
    r = aq.post("/staff/messages/settings", {"reply_days": "60"},
                csrf_from="/staff/messages?org=%d" % aq_org)
    eq(r.status, 403, r.text[:200])
    eq(setting(srv), before)
    # The installation's own administrator still may.
    sys = srv.client()
    sys.login("sysadmin")
    bureau = srv.sql("SELECT id FROM org WHERE slug='znwsj'")[0][0]
    contains(sys.get("/staff/messages?org=%d" % bureau).text, "/staff/messages/settings")
    r = sys.post("/staff/messages/settings", {"reply_days": "6"},
                 csrf_from="/staff/messages?org=%d" % bureau)
    eq(r.status, 303)
    eq(setting(srv), "6")
    eq(sys.post("/staff/messages/settings", {"reply_days": "5"},
                csrf_from="/staff/messages?org=%d" % bureau).status, 303)


# ---- noncharacters and C1 controls in text -----------------------------------

def test_noncharacters_and_c1_controls_are_refused_at_the_edge(srv):
    """U+FFFE/U+FFFF are not XML 1.0 characters: one in an applicant's name
    made every Word notice of the application unreadable (Word: "unreadable
    content"), as it would an XLSX export or an Atom feed.  No text holds a
    noncharacter or a C1 control; they are refused like the C0 controls."""
    from test_applications import APPLY, form
    from test_apply_public import EMPTY_FILE
    before = srv.sql("SELECT count(*) FROM application")[0][0]
    c = srv.client()
    for name, why in (("马\uffff建国", "不是文字的字符"), ("马\ufffe建国", "不是文字的字符"),
                      ("马\ufdd0建国", "不是文字的字符"), ("马\U0010ffff建国", "不是文字的字符"),
                      ("马\u0085建国", "控制字符"), ("马\u009b建国", "控制字符")):
        r = c.post(APPLY, form(name=name), files=EMPTY_FILE, csrf_from=APPLY)
        eq(r.status, 400, repr(name))
        contains(r.text, why)
    eq(srv.sql("SELECT count(*) FROM application")[0][0], before)
    # The same check guards the staff forms and the command line.
    d = srv.client()
    d.login("drafter")
    r = d.post("/staff/docs/new", {"title": "通知\uffff", "body": "正文", "mode": "proactive",
                                   "formed_date": "2026-11-20", "genre": "通知",
                                   "report_kind": "other"})
    eq(r.status, 400)
    rc, out, err = srv.gongkai("org", "add", "--name", "测试\uffff单位", "--slug", "nonchar",
                               "--db", srv.db)
    ok(rc != 0, "CLI accepted U+FFFF")
    # Ordinary text around them still passes: a middle dot, NBSP, emoji, U+FFFD.
    r = c.post(APPLY, form(name="阿依古丽·买买提", info_description="见附件\u00a0第\ufffd页😀"),
               files=EMPTY_FILE, csrf_from=APPLY)
    eq(r.status, 303, r.text[:300])
