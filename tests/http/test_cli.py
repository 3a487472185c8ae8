"""test_cli.py — the CLI against a real database: init, backup, user, org."""
import re
import os
import subprocess

from harness import contains, eq, ok

PG = bool(os.environ.get("GK_TEST_PG"))

DEMO = True


def test_init_refuses_existing_database(srv):
    users = srv.gongkai("user", "list", "--db", srv.db)
    eq(users[0], 0, users[2])
    if not PG:
        before = os.path.getmtime(srv.db), os.path.getsize(srv.db)
    rc, out, err = srv.gongkai("init", "--db", srv.db)
    eq(rc, 1)
    contains(err, "已有 gongkai 数据（不会覆盖）" if PG else "数据库文件已存在")
    if not PG:
        eq((os.path.getmtime(srv.db), os.path.getsize(srv.db)), before)
    # No second administrator, nothing else touched.
    eq(srv.gongkai("user", "list", "--db", srv.db), users)


def test_unknown_option_and_command(srv):
    rc, out, err = srv.gongkai("user", "list", "--bogus")
    eq(rc, 2)
    contains(err, "unknown option --bogus")
    rc, out, err = srv.gongkai("frobnicate")
    eq(rc, 2)
    for cmd in ("init", "serve", "user", "org", "migrate", "backup", "demo", "version",
                "config", "export-site", "workdays"):
        rc, out, err = srv.gongkai(cmd, "--help")
        eq(rc, 0, cmd)
        contains(out, "usage: gongkai " + cmd)


def test_backup_while_serving_is_consistent(srv):
    to = os.path.join(srv.dir, "backup.dump" if PG else "backup.db")
    c = srv.client()
    c.get("/")
    rc, out, err = srv.gongkai("backup", "--db", srv.db, "--to", to)
    eq(rc, 0, err)
    if PG:
        # pg_dump's custom format, whole database: pg_restore reads its
        # table of contents, the organisations and the ledger included.
        with open(to, "rb") as f:
            eq(f.read(5), b"PGDMP")
        p = subprocess.run(["pg_restore", "--list", to], capture_output=True)
        eq(p.returncode, 0, p.stderr.decode(errors="replace"))
        toc = p.stdout.decode(errors="replace")
        for table in ("org", "doc", "doc_ledger"):
            ok(re.search(r"TABLE DATA \S+ %s " % table, toc), "no data of %s" % table)
    else:
        # restore checks integrity and the publication ledger of the copy.
        got = os.path.join(srv.dir, "restored.db")
        rc, out, err = srv.gongkai("restore", "--from", to, "--db", got)
        eq(rc, 0, err)
        rc, out, err = srv.gongkai("org", "list", "--db", got)
        eq(rc, 0, err)
        contains(out, "中宁县卫生健康局")
        contains(out, "中宁县人民医院")
    rc, out, err = srv.gongkai("backup", "--db", srv.db, "--to", to)
    eq(rc, 1, "backup over an existing file")


def test_org_and_user_commands(srv):
    rc, out, err = srv.gongkai("org", "add", "--db", srv.db, "--name", "中宁县妇幼保健院",
                               "--slug", "zn-mch", "--parent", "znwsj", "--uscc", "bad")
    eq(rc, 1)
    contains(err, "统一社会信用代码无效")
    rc, out, err = srv.gongkai("org", "add", "--db", srv.db, "--name", "中宁县妇幼保健院",
                               "--slug", "zn-mch", "--parent", "znwsj")
    eq(rc, 0, err)
    rc, out, err = srv.gongkai("org", "list", "--db", srv.db)
    ok(re.search(r"(^|\n)  \d+ zn-mch  中宁县妇幼保健院", out), out)
    rc, out, err = srv.gongkai("user", "add", "--db", srv.db, "--login", "mch1", "--name", "甲",
                               "--org", "zn-mch", "--roles", "drafter,nonsense")
    eq(rc, 2)
    rc, out, err = srv.gongkai("user", "add", "--db", srv.db, "--login", "mch1", "--name", "甲",
                               "--org", "zn-mch", "--roles", "drafter")
    eq(rc, 0, err)
    contains(out, "password: ")
    pw = out.split("password: ")[1].split()[0]
    srv.client().login("mch1", pw)
    rc, out, err = srv.gongkai("user", "passwd", "mch1", "--db", srv.db, "--password", "abc")
    eq(rc, 1)
    contains(err, "至少10个字符")


def test_migrate_is_idempotent(srv):
    rc, out, err = srv.gongkai("migrate", "--db", srv.db)
    eq(rc, 0, err)
    contains(out, "(0 migrations applied)")


def test_demo_refuses_second_load(srv):
    rc, out, err = srv.gongkai("demo", "--db", srv.db)
    eq(rc, 1)
    contains(err, "already loaded")


def test_graceful_stop(srv):
    eq(srv.stop(), 0)
    contains(srv.log_text(), "stopped")
    srv.start()
    eq(srv.client().get("/api/v1/health").status, 200)


def test_config_validates_and_persists(srv):
    rc, out, err = srv.gongkai("config", "set", "message_reply_workdays", "99", "--db", srv.db)
    eq(rc, 1)
    contains(err, "超出允许范围")
    rc, out, err = srv.gongkai("config", "set", "no_such_setting", "1", "--db", srv.db)
    eq(rc, 1)
    rc, out, err = srv.gongkai("config", "set", "message_reply_workdays", "7", "--db", srv.db)
    eq(rc, 0, err)
    rc, out, err = srv.gongkai("config", "get", "message_reply_workdays", "--db", srv.db)
    eq(out.strip(), "7")
    rc, out, err = srv.gongkai("config", "list", "--db", srv.db)
    contains(out, "attachment_max_mb")


def test_routes_reference_matches_the_route_table(srv):
    rc, out, err = srv.gongkai("routes")
    eq(rc, 0, err)
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                           "docs", "routes.md"), encoding="utf-8") as f:
        eq(f.read(), out, "docs/routes.md is stale: run ./gongkai routes > docs/routes.md")
