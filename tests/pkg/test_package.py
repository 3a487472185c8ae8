#!/usr/bin/env python3
"""test_package.py — the Debian package as an operator installs it.

Builds gongkai_*.deb (`make deb`), runs lintian (no error), checks the
systemd units with `systemd-analyze verify` (no complaint), unpacks the
package into a temporary root, and runs the PACKAGED binary with the
PACKAGED configuration (paths moved into the temporary directory through
GONGKAI_* variables, which also exercises their precedence over the file)
behind the packaged example nginx site with a self-signed certificate on
127.0.0.1.  Through nginx it signs in (the session cookie must be Secure
and the response carry HSTS), checks that the access log records the
client's address (the client connects from 127.0.0.2, nginx from
127.0.0.1), scrapes /metrics, takes a backup and restores it, and imports a
page saved from an old disclosure site.

Ends with "package: N passed, N failed".  Needs root only for nothing: it
runs as any user that can build packages.
"""
import http.client
import os
import re
import shutil
import socket
import ssl
import subprocess
import sys
import tempfile
import time
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
passed = failed = 0


def check(name, cond, detail=""):
    global passed, failed
    if cond:
        passed += 1
        print("PASS", name)
    else:
        failed += 1
        print("FAIL", name, detail[:600] if detail else "")


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, **kw)


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    p = s.getsockname()[1]
    s.close()
    return p


def wait_port(port, timeout=15):
    end = time.time() + timeout
    while time.time() < end:
        try:
            socket.create_connection(("127.0.0.1", port), 0.5).close()
            return True
        except OSError:
            time.sleep(0.1)
    return False


def wait_serving(log_path, timeout=15):
    """The port of the server logging to log_path once it says it serves
    ("gongkai: serving http://HOST:PORT/ with ..."); 0 on time-out."""
    end = time.time() + timeout
    while time.time() < end:
        with open(log_path, "rb") as f:
            m = re.search(rb"gongkai: serving http://[^ ]*:(\d+)/ with", f.read())
        if m:
            return int(m.group(1))
        time.sleep(0.1)
    return 0


class Client:
    """HTTPS through nginx, from a chosen source address, with cookies."""

    def __init__(self, port, source="127.0.0.2"):
        self.port, self.source, self.cookies = port, source, {}
        self.ctx = ssl._create_unverified_context()

    def request(self, method, path, body=None, headers=None):
        h = {"Host": "127.0.0.1:%d" % self.port}
        if self.cookies:
            h["Cookie"] = "; ".join("%s=%s" % kv for kv in self.cookies.items())
        h.update(headers or {})
        conn = http.client.HTTPSConnection("127.0.0.1", self.port, timeout=20, context=self.ctx,
                                           source_address=(self.source, 0))
        conn.request(method, path, body=body, headers=h)
        resp = conn.getresponse()
        data = resp.read()
        set_cookies = [v for k, v in resp.getheaders() if k.lower() == "set-cookie"]
        for v in set_cookies:
            name, _, value = v.split(";")[0].partition("=")
            self.cookies[name.strip()] = value.strip()
        hdrs = {k.lower(): v for k, v in resp.getheaders()}
        conn.close()
        return resp.status, hdrs, set_cookies, data.decode("utf-8", "replace")


NGINX_MAIN = """
daemon off;
pid {d}/nginx.pid;
error_log {d}/nginx-error.log;
events {{ worker_connections 64; }}
http {{
  access_log {d}/nginx-access.log;
  client_body_temp_path {d}/body;
  proxy_temp_path {d}/proxy;
  fastcgi_temp_path {d}/fcgi;
  uwsgi_temp_path {d}/uwsgi;
  scgi_temp_path {d}/scgi;
  include {d}/site.conf;
}}
"""


def site_conf(example, d, https_port, http_port, app_port):
    """The packaged example site with this test's ports and certificate."""
    s = open(example, encoding="utf-8").read()
    s = s.replace("server 127.0.0.1:8080;", "server 127.0.0.1:%d;" % app_port)
    s = s.replace("listen 443 ssl http2;", "listen 127.0.0.1:%d ssl http2;" % https_port)
    s = s.replace("listen 80;", "listen 127.0.0.1:%d;" % http_port)
    s = re.sub(r"\n\s*listen \[::\]:\d+[^;]*;", "", s)
    s = s.replace("/etc/ssl/certs/gongkai.pem", d + "/cert.pem")
    s = s.replace("/etc/ssl/private/gongkai.key", d + "/key.pem")
    return s


def main():
    d = tempfile.mkdtemp(prefix="gk-pkg-")
    procs = []
    try:
        body(d, procs)
    finally:
        for p in procs:
            p.terminate()
            try:
                p.wait(5)
            except subprocess.TimeoutExpired:
                p.kill()
        shutil.rmtree(d, ignore_errors=True)
    print("package: %d passed, %d failed" % (passed, failed))
    sys.exit(1 if failed else 0)


def body(d, procs):
    r = run(["make", "--no-print-directory", "deb"], cwd=ROOT)
    debs = sorted(f for f in os.listdir(ROOT) if re.match(r"gongkai_.*\.deb$", f))
    check("make deb builds the package", r.returncode == 0 and debs, r.stderr + r.stdout)
    if not debs:
        return
    deb = os.path.join(ROOT, debs[-1])
    r = run(["lintian", "--allow-root", "--no-tag-display-limit", deb])
    errors = [l for l in r.stdout.splitlines() if l.startswith("E:")]
    check("lintian reports no error", not errors, "\n".join(errors))

    root = os.path.join(d, "root")
    r = run(["dpkg-deb", "-x", deb, root])
    check("package unpacks", r.returncode == 0, r.stderr)
    for f in ["usr/bin/gongkai", "etc/gongkai/gongkai.conf", "lib/systemd/system/gongkai.service",
              "lib/systemd/system/gongkai-backup.timer", "usr/share/man/man1/gongkai.1.gz",
              "usr/share/man/man5/gongkai.conf.5.gz",
              "usr/share/doc/gongkai/examples/nginx-gongkai.conf"]:
        check("package ships " + f, os.path.exists(os.path.join(root, f)))
    # The maintainer scripts dh_installsystemd wrote: the backup timer is
    # started at install (and restarted after an upgrade), not only enabled
    # for the next boot, or no backup is taken until the machine reboots.
    ctrl = os.path.join(d, "control")
    run(["dpkg-deb", "-e", deb, ctrl])
    postinst = open(os.path.join(ctrl, "postinst")).read()
    def starts(unit):
        return re.search(r"deb-systemd-invoke (?!stop)\S+ '%s'" % re.escape(unit), postinst)
    check("postinst starts the service", starts("gongkai.service"))
    check("postinst starts the backup timer", starts("gongkai-backup.timer"), postinst[-1500:])
    r = run(["dpkg-deb", "-I", deb])
    check("conffile declared", "/etc/gongkai/gongkai.conf" in run(
        ["dpkg-deb", "--ctrl-tarfile", deb]).stdout or "conffiles" in r.stdout, r.stdout)

    # systemd-analyze verify needs the targets the units name: borrow the
    # host's unit directory into the unpacked root.
    unitdir = os.path.join(root, "lib/systemd/system")
    for f in os.listdir("/lib/systemd/system"):
        dst = os.path.join(unitdir, f)
        if not os.path.exists(dst):
            src = os.path.join("/lib/systemd/system", f)
            if os.path.isfile(src) and not os.path.islink(src):
                shutil.copy(src, dst)
    r = run(["systemd-analyze", "verify", "--man=no", "--root=" + root, "gongkai.service",
             "gongkai-backup.service", "gongkai-backup.timer"])
    check("systemd-analyze verify: no complaint", r.returncode == 0 and not r.stderr.strip(),
          r.stderr)
    unit = open(os.path.join(unitdir, "gongkai.service")).read()
    for opt in ["ProtectSystem=strict", "NoNewPrivileges=yes", "PrivateTmp=yes",
                "RestrictAddressFamilies=", "StateDirectory=gongkai", "User=gongkai"]:
        check("unit sets " + opt, opt in unit)

    binp = os.path.join(root, "usr/bin/gongkai")
    conf = os.path.join(root, "etc/gongkai/gongkai.conf")
    r = run([binp, "config", "check", conf])
    check("packaged configuration is valid", r.returncode == 0, r.stderr)
    r = run([binp, "version"])
    check("packaged binary knows its commit", "commit" in r.stdout and "unknown" not in r.stdout,
          r.stdout)

    # The server picks its own port (0) and prints it: a port picked here
    # could be taken by the suite run_all.sh runs beside this one.
    https_port, http_port = free_port(), free_port()
    env = dict(os.environ, GONGKAI_DB=d + "/gongkai.db", GONGKAI_KEY_FILE=d + "/gongkai.key",
               GONGKAI_LISTEN="127.0.0.1:0",
               GONGKAI_BASE_URL="https://127.0.0.1:%d" % https_port,
               GONGKAI_TRUSTED_PROXY="127.0.0.1", GONGKAI_METRICS_ALLOW="127.0.0.1")
    env.pop("GONGKAI_CONFIG", None)
    r = run([binp, "--config", conf, "init"], env=env)
    check("init with the packaged configuration", r.returncode == 0, r.stderr)
    m = re.search(r"password\S*\s*[:：]?\s*(\S+)", r.stdout)
    password = m.group(1) if m else ""
    with open(d + "/gongkai.key", "w") as f:
        f.write(os.urandom(32).hex())
    log = open(d + "/serve.log", "w")
    srv = subprocess.Popen([binp, "--config", conf, "serve"], env=env, stdout=log,
                           stderr=subprocess.STDOUT)
    procs.append(srv)
    app_port = wait_serving(d + "/serve.log")
    check("packaged server starts", app_port, open(d + "/serve.log").read())

    run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
         "-subj", "/CN=127.0.0.1", "-keyout", d + "/key.pem", "-out", d + "/cert.pem"])
    with open(d + "/site.conf", "w") as f:
        f.write(site_conf(os.path.join(root, "usr/share/doc/gongkai/examples/nginx-gongkai.conf"),
                          d, https_port, http_port, app_port))
    with open(d + "/nginx.conf", "w") as f:
        f.write(NGINX_MAIN.format(d=d))
    ng = subprocess.Popen(["nginx", "-p", d, "-c", d + "/nginx.conf"],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    procs.append(ng)
    check("nginx starts with the example site", wait_port(https_port),
          open(d + "/nginx-error.log").read() if os.path.exists(d + "/nginx-error.log") else "")

    c = Client(https_port)
    st, h, _, page = c.request("GET", "/login")
    check("login page through nginx", st == 200, page[:200])
    check("HSTS over https", "strict-transport-security" in h, str(h))
    m = re.search(r'name="_csrf" value="([^"]+)"', page)
    form = urllib.parse.urlencode({"_csrf": m.group(1) if m else "", "login": "admin",
                                   "password": password})
    st, h, cookies, _ = c.request("POST", "/login", form, {
        "Content-Type": "application/x-www-form-urlencoded",
        "Origin": "https://127.0.0.1:%d" % https_port})
    check("sign in through nginx", st == 303, "status %d" % st)
    sess = [v for v in cookies if "Max-Age=0" not in v and "HttpOnly" in v]
    check("session cookie is Secure", sess and all("Secure" in v for v in sess), str(cookies))
    time.sleep(0.3)
    logtext = open(d + "/serve.log").read()
    lines = [l for l in logtext.splitlines() if "/login" in l]
    check("access log records the client's address, not nginx's",
          lines and all("127.0.0.2" in l for l in lines), "\n".join(lines[-3:]))

    conn = http.client.HTTPConnection("127.0.0.1", app_port, timeout=10)
    conn.request("GET", "/metrics")
    resp = conn.getresponse()
    text = resp.read().decode()
    check("/metrics answers the allowed address", resp.status == 200, text[:200])
    check("/metrics is Prometheus text", "# TYPE gongkai_http_requests_total counter" in text,
          text[:300])
    st, _, _, _ = c.request("GET", "/metrics")
    check("/metrics refused through nginx", st in (403, 404), "status %d" % st)

    r = run([binp, "--config", conf, "backup", "--to", d + "/bk", "--keep", "3"], env=env)
    check("packaged backup", r.returncode == 0, r.stderr)
    bk = sorted(os.listdir(d + "/bk")) if os.path.isdir(d + "/bk") else []
    r = run([binp, "--config", conf, "restore", "--from", d + "/bk/" + (bk[-1] if bk else "x"),
             "--db", d + "/restored.db"], env=env)
    check("packaged restore verifies", r.returncode == 0 and "verified" in r.stdout, r.stderr)

    page = os.path.join(ROOT, "tests/fixtures/oldsite/layout-table/20190312-1.html")
    if os.path.exists(page):
        r = run([binp, "--config", conf, "docs", "import-html", "--org", "main", page], env=env)
        check("packaged binary imports an old-site page", r.returncode == 0, r.stderr + r.stdout)


if __name__ == "__main__":
    main()
