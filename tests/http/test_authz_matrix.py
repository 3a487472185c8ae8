"""test_authz_matrix.py — the authorisation matrix, generated from the route
table (`gongkai routes --json`): every route, GET and POST, as anonymous,
as each demo role and as users of another organisation, checked against
the route's declared permission and scope.

For every (route, method, principal) the expectation follows only from the
route table and the demo users' roles and units (src/core/perm.c rules as
`routes --json` states them), never from what the server answers:
  - anonymous on a route that is not public: a redirect to /login (303)
    or 401 for the API;
  - a signed-in user whose roles do not hold the permission: 403;
  - a user whose grant does not reach the organisation of the record in
    the path (another unit, or a unit above): 403 or 404;
  - otherwise allowed: not 401/403, not a redirect to /login, and no 500.
Path captures are filled with real records of the bureau (中宁县卫生和计划生
育局, org 1) from the demo data; the hospital (org 2) is a unit below it,
so hosp-admin and hosp-drafter are the "other organisation" users.

POSTs carry a valid CSRF token and a same-origin Origin, and no fields:
they must pass the permission check and then stop at validation or do
their (harmless) default.  Each principal gets its own server over a fresh
demo database, GETs run before POSTs and the deleting/sign-out routes run
last, so no row depends on what an earlier row changed.

Routes whose real permission the handler picks from a path capture are
listed in IMPRECISE: they are called and must still refuse anonymous and
other-organisation users, but the per-role outcome is only reported.
"""
import json
import os
import re
import sys

from harness import Server, eq, ok, TestFailure, DEMO_PASSWORD, pg_drop_db  # noqa: F401

ROLE_BITS = {"admin": 1, "office": 2, "drafter": 4, "dept_head": 8,
             "secrecy": 16, "approver": 32, "supervisor": 64, "office_head": 128}
USERS = ["office", "officehead", "drafter", "depthead", "secrecy", "leader", "inspector",
         "sysadmin", "hosp-admin", "hosp-drafter"]
HOME_ORG = 1  # the bureau whose records fill the path captures

# Routes that choose their real permission inside the handler from a path
# capture: none since the applications' actions were split into one route
# per action (each states its permission in the route table).  A route
# listed here would be called and reported but not asserted per role.
IMPRECISE = {}

# Routes the route table marks system-wide ("system": ROUTE_SYSTEM) act on
# the installation's first organisation, the demo's bureau: only an
# administrator there may use them.
SYSTEM_ORG = HOME_ORG

# Run last, in this order: they change what later rows would see.
LAST = [r"/delete$", r"^/logout$"]

STATS = {"checked": 0, "imprecise": 0, "failures": []}


def add_missing_records(srv):
    """The demo has no activity file, privacy finding or application file
    of the bureau, nor an API token; one of each is added so that those
    routes are called on a real record: the token with the CLI, the others
    directly as the upload and the scan would store them."""
    one = lambda q, *a: (srv.sql(q, a) or [(None,)])[0][0]  # noqa: E731
    o = HOME_ORG
    act = one("SELECT id FROM activity WHERE org_id=? ORDER BY id", o)
    if act and not one("SELECT 1 FROM activity_file"):
        srv.sql("INSERT INTO activity_file(activity_id, name, type, sha256, data) "
                "VALUES (?, '签到表.txt', 'text/plain', ?, ?)", (act, "0" * 64, b"x"))
    doc = one("SELECT id FROM doc WHERE org_id=? AND state='secrecy_review'", o)
    if doc and not one("SELECT 1 FROM doc_finding"):
        srv.sql("INSERT INTO doc_finding(doc_id, source, kind, match_text, context, mask, "
                "found_at) VALUES (?, 'body', 'phone', '13800000000', '电话13800000000', "
                "'138****0000', '2026-01-01 08:00:00')", (doc,))
    rc, out, err = srv.gongkai("token", "add", "--org", str(o), "--name", "矩阵测试",
                               "--perms", "view_staff", "--db", srv.db)
    eq(rc, 0, err)
    app = one("SELECT id FROM application WHERE org_id=? ORDER BY id", o)
    if app and not one("SELECT 1 FROM application_file"):
        srv.sql("INSERT INTO application_file(application_id, name, mime, data) "
                "VALUES (?, '身份证明.txt', 'text/plain', ?)", (app, b"x"))


class Fill:
    """Path captures for each route, from the demo database."""

    def __init__(self, srv):
        add_missing_records(srv)
        self.q = lambda q, *a: (srv.sql(q, a) or [None])[0]
        one = lambda sql, *a: (self.q(sql, *a) or (None,))[0]  # noqa: E731
        o = HOME_ORG
        self.slug = one("SELECT slug FROM org WHERE id=?", o)
        doc_pub = one("SELECT id FROM doc WHERE org_id=? AND state='published' "
                      "AND id IN (SELECT doc_id FROM doc_attachment) ORDER BY id", o) or \
            one("SELECT id FROM doc WHERE org_id=? AND state='published' ORDER BY id", o)
        self.v = {
            "org_id": o,
            "user": one("SELECT id FROM \"user\" WHERE org_id=? AND login='drafter'", o),
            "opinion": one("SELECT id FROM opinion_event WHERE org_id=? ORDER BY id", o),
            "message": one("SELECT id FROM message WHERE org_id=? ORDER BY id", o),
            "proposal": one("SELECT id FROM proposal WHERE org_id=? ORDER BY id", o),
            "activity": one("SELECT id FROM activity WHERE org_id=? ORDER BY id", o),
            "activity_file": one("SELECT f.id FROM activity_file f JOIN activity a "
                                 "ON a.id=f.activity_id WHERE a.org_id=? ORDER BY f.id", o),
            "workplan": one("SELECT id FROM workplan WHERE org_id=? ORDER BY id", o),
            "task": one("SELECT t.id FROM workplan_task t JOIN workplan w ON w.id=t.plan_id "
                        "WHERE w.org_id=? ORDER BY t.id", o),
            "cat_item": one("SELECT id FROM catalogue_item WHERE org_id=? ORDER BY id", o),
            "doc_draft": one("SELECT id FROM doc WHERE org_id=? AND state='draft' "
                             "ORDER BY id DESC", o),
            "doc_pub": doc_pub,
            "index_number": one("SELECT index_number FROM doc WHERE id=?", doc_pub),
            "doc_att": one("SELECT id FROM doc_attachment WHERE doc_id=? ORDER BY id", doc_pub),
            "finding": one("SELECT f.id FROM doc_finding f JOIN doc d ON d.id=f.doc_id "
                           "WHERE d.org_id=? ORDER BY f.id", o),
            "finding_doc": one("SELECT f.doc_id FROM doc_finding f JOIN doc d ON d.id=f.doc_id "
                               "WHERE d.org_id=? ORDER BY f.id", o),
            "app": one("SELECT a.id FROM application a WHERE a.org_id=? AND a.id IN "
                       "(SELECT application_id FROM application_file) ORDER BY a.id", o) or
            one("SELECT id FROM application WHERE org_id=? ORDER BY id", o),
            "report_year": one("SELECT year FROM report WHERE org_id=? ORDER BY year", o),
            "inspection": one("SELECT id FROM inspection ORDER BY id"),
            "inspection_org": one("SELECT org_id FROM inspection ORDER BY id"),
        }
        self.v["token"] = one("SELECT id FROM api_token WHERE org_id=? ORDER BY id", o)
        self.v["notice"] = self.q("SELECT application_id, id FROM app_notice WHERE org_id=? "
                                  "ORDER BY id", o) or (None, None)
        self.v["app_file"] = one("SELECT id FROM application_file WHERE application_id=? "
                                 "ORDER BY id", self.v["app"])
        self.v["doc_for_state"] = {
            st: one("SELECT id FROM doc WHERE org_id=? AND state=? ORDER BY id", o, st)
            for st in ("draft", "dept_review", "secrecy_review", "approval", "published")}

    # (pattern regex, function(v, slug) -> ({capture: value}, target org)).
    # The first matching rule wins; a route no rule fills fails the test.
    def rules(self):
        v, s, o = self.v, self.slug, HOME_ORG
        return [
            (r"^/static/", lambda: ({"name": "site.css"}, None)),
            (r"^/admin/orgs/", lambda: ({"id": o}, o)),
            (r"^/admin/users/", lambda: ({"id": v["user"]}, o)),
            (r"^/admin/tokens/", lambda: ({"id": v["token"]}, o)),
            (r"^/staff/opinion/", lambda: ({"id": v["opinion"]}, o)),
            (r"^/staff/messages/", lambda: ({"id": v["message"]}, o)),
            (r"^/staff/proposals/", lambda: ({"id": v["proposal"]}, o)),
            (r"^/staff/activity-files/", lambda: ({"id": v["activity_file"]}, o)),
            (r"^/staff/activities/", lambda: ({"id": v["activity"]}, o)),
            (r"^/staff/workplans/", lambda: ({"id": v["workplan"]}, o)),
            (r"^/staff/tasks/", lambda: ({"id": v["task"]}, o)),
            (r"^/staff/inspections/", lambda: ({"id": v["inspection"]}, v["inspection_org"])),
            (r"^/staff/catalogue/\{org\}", lambda: ({"org": o, "id": v["cat_item"]}, o)),
            (r"^/staff/docs/\{id\}/findings/", lambda: ({"id": v["finding_doc"],
                                                        "fid": v["finding"]}, o)),
            (r"^/staff/docs/\{id\}/attachments/\{aid\}", lambda: ({"id": v["doc_pub"],
                                                                  "aid": v["doc_att"]}, o)),
            (r"^/staff/docs/\{id\}/(edit|attachments|scan|submit)$",
             lambda: ({"id": v["doc_draft"]}, o)),
            (r"^/staff/docs/\{id\}/dept-review$",
             lambda: ({"id": v["doc_for_state"]["dept_review"]}, o)),
            (r"^/staff/docs/\{id\}/secrecy-review$",
             lambda: ({"id": v["doc_for_state"]["secrecy_review"]}, o)),
            (r"^/staff/docs/\{id\}/approval$",
             lambda: ({"id": v["doc_for_state"]["approval"]}, o)),
            (r"^/staff/docs/\{id\}", lambda: ({"id": v["doc_pub"]}, o)),
            (r"^/o/\{org\}/a/", lambda: ({"org": s, "aid": v["doc_att"]}, o)),
            (r"^/o/\{org\}/d/", lambda: ({"org": s, "*ref": v["index_number"]}, o)),
            (r"^/o/\{org\}/items/", lambda: ({"org": s, "id": v["cat_item"], "p": 1}, o)),
            (r"^/o/\{org\}/art20/", lambda: ({"org": s, "n": 1, "p": 1}, o)),
            (r"^/o/\{org\}/year/", lambda: ({"org": s, "y": 2018, "p": 1}, o)),
            (r"^/o/\{org\}/reports/", lambda: ({"org": s, "year": v["report_year"]}, o)),
            (r"^/o/\{org\}", lambda: ({"org": s, "p": 1}, o)),
            (r"^/api/v1/documents/", lambda: ({"id": v["doc_pub"], "*ref": v["doc_pub"]}, o)),
            (r"^/api/v1/datasets/", lambda: ({"file": v.get("dataset")}, None)),
            (r"^/staff/applications/\{id\}/files/", lambda: ({"id": v["app"],
                                                             "file": v["app_file"]}, o)),
            (r"^/staff/applications/\{id\}/notices/\{nid\}",
             lambda: ({"id": v["notice"][0], "nid": v["notice"][1]}, o)),
            (r"^/staff/applications/\{id\}/\{action\}$",
             lambda: ({"id": v["app"], "action": "assign"}, o)),
            (r"^/staff/applications/\{id\}", lambda: ({"id": v["app"]}, o)),
            (r"^/api/v1/applications/", lambda: ({"id": v["app"]}, o)),
            (r"^/staff/reports/\{org\}/\{year\}/export/", lambda: ({"org": o,
                                                                  "year": v["report_year"],
                                                                  "fmt": "csv"}, o)),
            (r"^/staff/reports/\{org\}/\{year\}/\{action\}$",
             lambda: ({"org": o, "year": v["report_year"], "action": "status"}, o)),
            (r"^/staff/reports/\{org\}", lambda: ({"org": o, "year": v["report_year"]}, o)),
            (r"^/api/v1/reports/", lambda: ({"org": s, "year": v["report_year"]}, o)),
        ]

    def path(self, pattern, system=False):
        """(concrete path, target org or None) for a route pattern."""
        if "{" not in pattern:
            return pattern, SYSTEM_ORG if system else None
        for rx, fn in self.rules():
            if re.search(rx, pattern):
                caps, org = fn()
                out = pattern
                for name in re.findall(r"\{([^}]+)\}", pattern):
                    ok(name in caps and caps[name] is not None,
                       "no demo value for {%s} in %s" % (name, pattern))
                    out = out.replace("{%s}" % name, str(caps[name]))
                return out, org
        raise TestFailure("no rule fills the captures of %s: add one to Fill.rules" % pattern)


def load_routes(srv):
    rc, out, err = srv.gongkai("routes", "--json")
    eq(rc, 0, "routes --json: " + err)
    return json.loads(out)


def principals(srv):
    rows = srv.sql('SELECT login, roles, org_id FROM "user"')
    return {login: (roles, org) for login, roles, org in rows}


def ancestors(srv, org):
    out = []
    while org:
        org = srv.sql("SELECT parent_id FROM org WHERE id=?", (org,))[0][0]
        if org:
            out.append(org)
    return out


def expect(route, who, target, srv):
    """'allowed', 'login', 'forbidden' or 'other-org' for one row."""
    perm = route["perm"]
    if perm == "public":
        return "allowed"
    if who is None:
        return "login"
    roles, org = who
    if perm == "login":
        return "allowed"
    grants = [g for name, g in route["grants"].items() if roles & ROLE_BITS[name]]
    if not grants:
        return "forbidden"
    if target is None or target == org:
        return "allowed"
    if "subtree" in grants and org in ancestors(srv, target):
        return "allowed"
    return "other-org"


def verdict(kind, route, r):
    """None when the answer r fits the expectation kind, else why not."""
    loc = r.headers.get("location", "")
    to_login = r.status in (302, 303) and loc.startswith("/login")
    if kind == "login":
        if to_login or (r.status == 401):
            return None
        return "anonymous got %d %s, want a login redirect or 401" % (r.status, loc)
    if kind == "forbidden":
        return None if r.status == 403 else "got %d, want 403" % r.status
    if kind == "other-org":
        return None if r.status in (403, 404) else "got %d, want 403 or 404" % r.status
    if r.status in (401, 403) or to_login:
        return "got %d %s, want access" % (r.status, loc)
    if r.status >= 500:
        return "got %d (server error)" % r.status
    return None


def ordered_rows(routes):
    rows = []
    for rt in routes:
        if "GET" in rt["methods"]:
            rows.append(("GET", rt))
    posts = [("POST", rt) for rt in routes if "POST" in rt["methods"]]

    def rank(row):
        for i, rx in enumerate(LAST):
            if re.search(rx, row[1]["pattern"]):
                return i + 1
        return 0
    return rows + sorted(posts, key=rank)


def run_principal(srv_routes, login):
    """All rows for one principal on a server of its own; returns failures."""
    routes = load_routes(srv_routes)
    own = Server()
    fails = []
    try:
        fill = Fill(own)
        # The open-data file names come from the public listing.
        m = re.search(r'/api/v1/datasets/([a-z0-9-]+\.(?:jsonl|csv))"',
                      own.client().get("/api/v1/datasets").text)
        fill.v["dataset"] = m.group(1) if m else None
        users = principals(own)
        who = users[login] if login else None
        c = own.client()
        if login:
            c.login(login)
        token = c.csrf("/staff" if login else "/login")
        for method, rt in ordered_rows(routes):
            path, target = fill.path(rt["pattern"], rt.get("system", False))
            kind = expect(rt, who, target, own)
            if method == "GET":
                r = c.get(path)
            else:
                r = c.post(path, {"_csrf": token})
            if login and not c.has_session():
                c.login(login)  # a sign-out row ended the session
                token = c.csrf("/staff")
            why = verdict(kind, rt, r)
            tag = "%s %s as %s" % (method, path, login or "anonymous")
            if rt["pattern"] in IMPRECISE and kind in ("allowed", "forbidden"):
                STATS["imprecise"] += 1
                continue
            STATS["checked"] += 1
            if why:
                fails.append("%s (%s, %s): %s" % (tag, rt["perm"], kind, why))
        ok(own.alive(), "server died:\n" + own.log_text()[-3000:])
    finally:
        rc = own.stop()
        pg_drop_db(own.db)
    log = own.log_text()
    for bad in ("ERROR: AddressSanitizer", "runtime error:", "LeakSanitizer"):
        ok(bad not in log, "sanitizer report in the server log:\n" + log[-4000:])
    eq(rc, 0, "server exit status after SIGTERM")
    return fails


def check(srv, login):
    fails = run_principal(srv, login)
    STATS["failures"] += fails
    if fails:
        raise TestFailure("%d rows wrong:\n  %s" % (len(fails), "\n  ".join(fails)))


def test_matrix_anonymous(srv):
    check(srv, None)


def test_matrix_office(srv):
    check(srv, "office")


def test_matrix_officehead(srv):
    check(srv, "officehead")


def test_matrix_drafter(srv):
    check(srv, "drafter")


def test_matrix_depthead(srv):
    check(srv, "depthead")


def test_matrix_secrecy(srv):
    check(srv, "secrecy")


def test_matrix_leader(srv):
    check(srv, "leader")


def test_matrix_inspector(srv):
    check(srv, "inspector")


def test_matrix_sysadmin(srv):
    check(srv, "sysadmin")


def test_matrix_other_org_admin(srv):
    check(srv, "hosp-admin")


def test_matrix_other_org_drafter(srv):
    check(srv, "hosp-drafter")


def test_matrix_covered_every_route(srv):
    """Every route and method was called for all eleven principals."""
    routes = load_routes(srv)
    rows = sum(len(rt["methods"]) for rt in routes)
    print("authz matrix: %d routes, %d route-method rows x 11 principals: %d checked, "
          "%d imprecise (not asserted per role), %d wrong"
          % (len(routes), rows, STATS["checked"], STATS["imprecise"], len(STATS["failures"])))
    eq(STATS["checked"] + STATS["imprecise"], rows * 11)
    sys.stdout.flush()
