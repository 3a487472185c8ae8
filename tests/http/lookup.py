"""lookup.py — state a test reads through the CLI and the API, on either
backend (issue 16): no test opens the database file for what a person or
a platform can see.

  org_id(srv, slug)           the organisation's id (`gongkai org list`)
  api_token(srv, org, perms)  a token made with `gongkai token add`
                              (one per server, organisation and permissions)
  applications(srv, org)      the organisation's register as the read API
                              gives it (GET /api/v1/applications)
  app_count(srv, org)         how many applications that register holds
  token_id(srv, name)         the id `gongkai token list` shows for a name
  message_id(c, org, subject) a message's id from the staff list
  dept_ids(c, mid)            {department name: id} of a message's transfer form
"""
import json
import re

from harness import eq, ok


def org_id(srv, slug):
    rc, out, err = srv.gongkai("org", "list", "--db", srv.db)
    eq(rc, 0, err)
    for line in out.splitlines():
        m = re.match(r"\s*(\d+)\s+(\S+)\s", line)
        if m and m.group(2) == slug:
            return int(m.group(1))
    raise AssertionError("no organisation %s in `org list`" % slug)


def api_token(srv, org="znwsj", perms="view_staff"):
    cache = srv.__dict__.setdefault("_lookup_tokens", {})
    if (org, perms) not in cache:
        rc, out, err = srv.gongkai("token", "add", "--org", org, "--name",
                                   "测试读取 %s" % perms, "--perms", perms, "--db", srv.db)
        eq(rc, 0, err)
        cache[(org, perms)] = re.search(r"(gk_[0-9a-f]{40})", out).group(1)
    return cache[(org, perms)]


def applications(srv, org="znwsj", f=""):
    path = "/api/v1/applications" + ("?f=" + f if f else "")
    r = srv.client().request("GET", path, headers={
        "Authorization": "Bearer " + api_token(srv, org)})
    eq(r.status, 200, r.text[:300])
    return json.loads(r.text)["applications"]


def app_count(srv, org="znwsj"):
    return len(applications(srv, org))


def token_id(srv, name):
    rc, out, err = srv.gongkai("token", "list", "--db", srv.db)
    eq(rc, 0, err)
    for line in out.splitlines():
        cols = line.split("\t")
        if len(cols) > 2 and cols[2] == name:
            return int(cols[0])
    raise AssertionError("no token named %s in `token list`" % name)


def message_id(c, org, subject):
    """The id of the message with this subject, from the staff list of the
    organisation and the units below it (c: a staff client)."""
    r = c.get("/staff/messages?org=%d&subtree=1" % org)
    eq(r.status, 200)
    m = re.search(r'<a href="/staff/messages/(\d+)">%s</a>' % re.escape(subject), r.text)
    ok(m, "no message %s" % subject)
    return int(m.group(1))


def dept_ids(c, mid):
    """{department name: id} offered by the transfer form of message mid
    (the departments of its organisation)."""
    r = c.get("/staff/messages/%d" % mid)
    eq(r.status, 200)
    return {name: int(v) for v, name in
            re.findall(r'<option value="(\d+)"[^>]*>([^<]+)</option>', r.text) if v != "0"}
