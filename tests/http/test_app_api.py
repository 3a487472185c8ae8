"""test_app_api.py — the write API for applications and API tokens (issue 13 §7).

A token created by an administrator (page or CLI) is shown once and
stored only as its hash; with it a platform registers an application
(POST /api/v1/applications, 201) and runs actions (POST
/api/v1/applications/{id}/<action>) through the same functions as the
pages: the same refusals, nothing stored on a refusal.  A token is scoped
to its organisation and permissions, cannot take decisions (review,
approval, extension), works only on /api/, and stops when revoked.  The
CLI acts through the same functions.  The OpenAPI document lists the
write routes.
"""
import json
import re

from harness import contains, eq, not_contains, ok
from lookup import app_count, token_id
from test_applications import id_number

APPLICANT = {
    "applicant_type": "natural_person", "name": "陆转办", "id_kind": "resident_id",
    "id_number": id_number("64052119790202003"), "phone": "13995550001",
    "address": "宁夏中宁县宁安镇", "postcode": "755100",
    "info_title": "2025年中宁县基本公共卫生服务项目资金分配表",
    "form": "electronic", "delivery": "email", "email": "lu@example.com",
    "channel": "online", "event_day": "2026-03-02",
}


def token(srv, org="znwsj", perms="view_staff,app_handle", name="12345 热线"):
    rc, out, err = srv.gongkai("token", "add", "--org", org, "--name", name,
                               "--perms", perms, "--db", srv.db)
    eq(rc, 0, err)
    return re.search(r"(gk_[0-9a-f]{40})", out).group(1)


def api(srv, tok, path, body=None, method="POST"):
    c = srv.client()
    data = json.dumps(body).encode() if body is not None else None
    h = {"Authorization": "Bearer " + tok}
    if data is not None:
        h["Content-Type"] = "application/json"
    return c.request(method, path, body=data, headers=h)


def count(srv, sql, *args):
    return srv.sql(sql, args)[0][0]


def test_token_registers_and_handles_through_the_actions(srv):
    tok = token(srv)
    # Only the hash is stored (a stored column no interface shows).
    eq(count(srv, "SELECT count(*) FROM api_token WHERE token_hash LIKE ?", "%" + tok + "%"), 0)
    rc, out, err = srv.gongkai("token", "list", "--db", srv.db)
    eq(len(out.splitlines()), 1, out)
    n0 = app_count(srv)
    # Bad input: 422 with the field's message, nothing stored.
    r = api(srv, tok, "/api/v1/applications", dict(APPLICANT, info_title="", info_description=""))
    eq(r.status, 422)
    ok("info_title" in r.json()["error"]["fields"] or "info_description" in r.json()["error"]["fields"],
       r.text)
    r = api(srv, tok, "/api/v1/applications", dict(APPLICANT, id_number="640521197902020030"))
    eq(r.status, 422)
    eq(app_count(srv), n0)
    r = srv.client().request("POST", "/api/v1/applications", body=b"[1,2]",
                             headers={"Authorization": "Bearer " + tok,
                                      "Content-Type": "application/json"})
    eq(r.status, 400)
    # A good one: 201 with the registration number and the tracking code;
    # received (online) on the day both sides confirmed (Art. 31).
    r = api(srv, tok, "/api/v1/applications", APPLICANT)
    eq(r.status, 201, r.text)
    j = r.json()
    ok(j["reg_no"].startswith("znwsj-2026-"), j)
    ok(re.fullmatch(r"[0-9a-f]{20}", j["tracking_code"]), j)
    eq(j["received_on"], "2026-03-02")
    # Art. 33: 20 working days from the day after receipt; March 2026 has
    # no holiday: 03-03 … 03-06 (4), 03-09 … 03-13 (9), … 03-27 (19), 03-30.
    eq(j["due_on"], "2026-03-30")
    aid = j["id"]
    eq(r.headers.get("location"), "/api/v1/applications/%d" % aid)
    # The applicant can track it with the code.
    t = srv.client().post("/track", {"reg_no": j["reg_no"], "code": j["tracking_code"]},
                          csrf_from="/track")
    eq(t.status in (200, 303), True)
    # Actions: the same function and checks as the page.
    r = api(srv, tok, "/api/v1/applications/%d/event" % aid,
            {"kind": "correction_sent", "on_day": "2026-03-04", "limit_day": "2026-03-25",
             "text": "请说明所需资金分配表的年度和范围"})
    eq(r.status, 200, r.text)
    r = api(srv, tok, "/api/v1/applications/%d/draft" % aid,
            {"outcome": "results.denied.process_info", "decision_text": ""})
    eq(r.status, 422)
    contains(r.json()["error"]["message"], "予以公开以外的答复须写明理由")
    r = api(srv, tok, "/api/v1/applications/%d/draft" % aid,
            {"outcome": "results.granted", "decision_text": ""})
    eq(r.status, 200, r.text)
    eq(r.json()["state"], "awaiting_review")
    # A token takes no decisions: review, approval and extension are 403.
    for act in ("dept_review", "approve", "extend"):
        eq(api(srv, tok, "/api/v1/applications/%d/%s" % (aid, act), {}).status, 403, act)
    # Under review the facts are fixed: an event is refused (409), as on the page.
    r = api(srv, tok, "/api/v1/applications/%d/event" % aid,
            {"kind": "correction_received", "on_day": "2026-03-05"})
    eq(r.status, 409, r.text)
    contains(r.json()["error"]["message"], "答复已提交审核或审批")
    # The history names the token.
    office = srv.client()
    office.login("office")
    page = office.get("/staff/applications/%d" % aid)
    contains(page.text, "补正")
    contains(office.get("/staff/applications/%d?tab=history" % aid).text, "接口：12345 热线")


def test_token_scope_permissions_and_revocation(srv):
    bureau = token(srv)
    cdc = token(srv, org="zn-cdc", name="疾控热线")
    ro = token(srv, perms="view_staff", name="只读")
    r = api(srv, bureau, "/api/v1/applications", APPLICANT)
    eq(r.status, 201)
    aid = r.json()["id"]
    # Another organisation's token: 403 on the bureau's case, and its
    # registrations go to its own organisation.
    eq(api(srv, cdc, "/api/v1/applications/%d/assign" % aid, {}).status, 403)
    r = api(srv, cdc, "/api/v1/applications", dict(APPLICANT, org_id=1))
    eq(r.status, 422)
    r = api(srv, cdc, "/api/v1/applications", APPLICANT)
    eq(r.status, 201)
    ok(r.json()["reg_no"].startswith("zn-cdc-"), r.text)
    # Read-only: may read, may not write.
    eq(api(srv, ro, "/api/v1/applications/%d" % aid, method="GET").status, 200)
    eq(api(srv, ro, "/api/v1/applications", APPLICANT).status, 403)
    # Only under /api/: a staff page with a token is 401.
    eq(api(srv, bureau, "/staff/applications", method="GET").status, 401)
    # Bad and revoked tokens: 401.
    eq(api(srv, "gk_" + "0" * 40, "/api/v1/applications", APPLICANT).status, 401)
    tid = token_id(srv, "疾控热线")
    rc, out, err = srv.gongkai("token", "revoke", str(tid), "--db", srv.db)
    eq(rc, 0, err)
    eq(api(srv, cdc, "/api/v1/applications", APPLICANT).status, 401)
    # Tokens may not be granted decisions.
    rc, out, err = srv.gongkai("token", "add", "--org", "znwsj", "--name", "x",
                               "--perms", "app_approve", "--db", srv.db)
    eq(rc, 1)


def test_admin_creates_a_token_shown_once(srv):
    admin = srv.client()
    admin.login("sysadmin")
    page = admin.get("/admin/tokens")
    eq(page.status, 200)
    r = admin.post("/admin/tokens", {"name": "政务服务平台", "org_id": "1",
                                     "perm": "app_handle"}, csrf_from="/admin/tokens")
    eq(r.status, 303)
    page = admin.get("/admin/tokens?created=1")
    m = re.search(r'id="new-token">(gk_[0-9a-f]{40})<', page.text)
    ok(m, "token not shown")
    not_contains(admin.get("/admin/tokens").text, m.group(1))   # once
    contains(page.text, "政务服务平台")
    r = api(srv, m.group(1), "/api/v1/applications", APPLICANT)
    eq(r.status, 201, r.text)
    # No permission chosen: refused.
    r = admin.post("/admin/tokens", {"name": "空", "org_id": "1"}, csrf_from="/admin/tokens")
    eq(r.status, 422)
    # Office staff cannot manage tokens.
    office = srv.client()
    office.login("office")
    eq(office.get("/admin/tokens").status, 403)


def test_openapi_lists_the_write_api(srv):
    doc = srv.client().get("/api/v1/openapi.json").json()
    post = doc["paths"]["/api/v1/applications"]["post"]
    ok("requestBody" in post, post)
    ok("get" in doc["paths"]["/api/v1/applications"])
    for act in ("draft", "approve", "extend", "withdraw"):
        ok("post" in doc["paths"]["/api/v1/applications/{id}/%s" % act], act)
    eq(doc["components"]["securitySchemes"]["token"]["scheme"], "bearer")


def test_cli_acts_through_the_same_functions(srv):
    rc, out, err = srv.gongkai(
        "applications", "register", "--user", "office", "--db", srv.db,
        *["%s=%s" % kv for kv in dict(APPLICANT, channel="in_person").items()])
    eq(rc, 0, err)
    aid = re.search(r"\(id (\d+)\)", out).group(1)
    rc, out, err = srv.gongkai("applications", "act", aid, "extend", "--user", "office",
                               "--db", srv.db, "on_day=2026-03-03", "n_days=10",
                               "text=需协调", "notified=1")
    eq(rc, 1)
    contains(err, "政府信息公开工作机构负责人")
    rc, out, err = srv.gongkai("applications", "act", aid, "extend", "--user", "officehead",
                               "--db", srv.db, "on_day=2026-03-03", "n_days=10",
                               "text=需协调", "notified=1")
    eq(rc, 0, err)
    rc, out, err = srv.gongkai("applications", "act", aid, "draft", "--user", "office",
                               "--db", srv.db, "outcome=results.denied.internal_affairs",
                               "decision_text=属于内部人事管理信息")
    eq(rc, 0, err)
    rc, out, err = srv.gongkai("applications", "act", aid, "dept_review", "--user", "office",
                               "--db", srv.db)
    eq(rc, 1)
    contains(err, "拟定答复的人员不能审核自己拟定的答复")
