"""test_open_data.py — the bulk open data (/api/v1/datasets) as an outside
user takes it: the manifest's sizes and SHA-256 match the files, the CSV
opens in Excel (BOM, CRLF, header = the manifest's fields) and says what
the JSONL says cell for cell, only published documents are in it, and the
files revalidate with their ETag."""
import csv
import hashlib
import io
import json

from harness import contains, eq, ok

DEMO = True


def manifest(c):
    r = c.get("/api/v1/datasets")
    eq(r.status, 200)
    return {d["id"]: d for d in r.json()["datasets"]}


def files_of(c, ds):
    """{format: bytes} of one dataset, each checked against the manifest."""
    out = {}
    for dist in ds["distributions"]:
        r = c.get(dist["url"])
        eq(r.status, 200, dist["url"])
        eq(len(r.body), dist["bytes"], dist["url"])
        eq(hashlib.sha256(r.body).hexdigest(), dist["sha256"], dist["url"])
        out[dist["format"]] = r.body
    return out


def csv_cell(v):
    """The documented CSV text of a JSON value: what the JSONL line says,
    strings without quotes, null empty, a list joined by '；'."""
    if v is None:
        return ""
    if isinstance(v, str):
        return v
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, list):
        return "；".join(csv_cell(e) for e in v)
    return json.dumps(v)          # numbers: as the JSON writes them


def test_csv_says_what_jsonl_says(srv):
    c = srv.client()
    m = manifest(c)
    for name in ("documents", "catalogue", "reports"):
        f = files_of(c, m[name])
        raw = f["csv"]
        ok(raw.startswith(b"\xef\xbb\xbf"), name + ": BOM")
        # Records end in CRLF (a body's own line breaks stay inside quotes).
        ok(raw.split(b"\n", 1)[0].endswith(b"\r") and raw.endswith(b"\r\n"), name + ": CRLF")
        rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
        header, rows = rows[0], rows[1:]
        eq(header, [fd["name"] for fd in m[name]["fields"]], name + ": header")
        lines = [json.loads(x) for x in f["jsonl"].decode("utf-8").splitlines()]
        eq(len(rows), len(lines), name + ": rows")
        ok(len(rows) > 0, name)
        for row, obj in zip(rows, lines):
            for k, cell in zip(header, row):
                eq(cell, csv_cell(obj.get(k)), "%s %s" % (name, k))


def test_only_published_documents_and_chinese_intact(srv):
    c = srv.client()
    f = files_of(c, manifest(c)["documents"])
    lines = [json.loads(x) for x in f["jsonl"].decode("utf-8").splitlines()]
    want = srv.sql("SELECT id FROM doc WHERE state='published' ORDER BY id")
    eq(sorted(x["id"] for x in lines), [w[0] for w in want])
    withdrawn = srv.sql("SELECT title FROM doc WHERE state='withdrawn'")
    ok(withdrawn)
    text = f["csv"].decode("utf-8-sig")
    for (t,) in withdrawn:
        ok(t not in text, "withdrawn document in the CSV: " + t)
    ok("关于做好2026年秋冬季流感疫苗接种工作的通知" in text)


def test_dataset_files_revalidate(srv):
    c = srv.client()
    url = manifest(c)["reports"]["distributions"][1]["url"]
    r = c.get(url)
    etag = r.headers.get("etag")
    ok(etag, "ETag")
    eq(c.get(url, headers={"If-None-Match": etag}).status, 304)
    eq(c.get("/api/v1/datasets/nope.csv").status, 404)
    eq(c.get("/api/v1/datasets/nope.csv").json()["error"]["message"], "没有这个数据文件")


def test_report_cells_carry_their_official_labels(srv):
    """A person opening reports.csv reads the official captions, not only
    the codes (t3, natural_person); expectations from the 2021 format."""
    c = srv.client()
    f = files_of(c, manifest(c)["reports"])
    rows = list(csv.DictReader(io.StringIO(f["csv"].decode("utf-8-sig"), newline="")))
    by = {(r["org"], r["year"], r["table"], r["row"], r["column"]): r for r in rows}
    r = by[("znwsj", "2024", "t2_art20_8", "admin_fees", "amount_wan_yuan")]
    eq((r["table_label"], r["row_label"], r["column_label"]),
       ("第二十条第（八）项", "行政事业性收费", "本年收费金额（单位：万元）"))
    r = by[("znwsj", "2024", "t3", "new", "natural_person")]
    eq((r["table_label"], r["row_label"], r["column_label"]),
       ("三、收到和处理政府信息公开申请情况", "一、本年新收政府信息公开申请数量", "自然人"))
    r = by[("znwsj", "2024", "t3", "new", "commercial")]
    eq(r["column_label"], "法人或其他组织·商业企业")
    ok(all(x["table_label"] and x["column_label"] for x in rows))
    # Only table 四 has a row without a heading of its own (one row).
    eq({x["table"] for x in rows if not x["row_label"]}, {"t4"})


def test_open_data_page_for_people(srv):
    """A person looking for the open data finds a page, linked from every
    page's footer, that lists each dataset of the manifest in Chinese with
    its files: format, size (1 KB = 1024 bytes), SHA-256 and link, the
    licence and when it was last built (Beijing time, 年月日)."""
    c = srv.client()
    home = c.get("/")
    contains(home.text, '<a href="/data">开放数据</a>')
    m = c.get("/api/v1/datasets").json()
    r = c.get("/data")
    eq(r.status, 200)
    contains(r.text, "<h1>开放数据</h1>")
    contains(r.text, 'href="https://creativecommons.org/licenses/by/4.0/"')
    contains(r.text, "知识共享署名 4.0 国际许可协议")
    contains(r.text, 'href="/api/v1/datasets"')
    for ds in m["datasets"]:
        contains(r.text, ">%s<" % ds["title"])
        y, mo, d = ds["modified"][:10].split("-")
        contains(r.text, "%d年%d月%d日" % (int(y), int(mo), int(d)))
        for dist in ds["distributions"]:
            n = dist["bytes"]
            size = ("%d字节" % n if n < 1024 else "%.1f KB" % (n / 1024) if n < 1 << 20
                    else "%.1f MB" % (n / (1 << 20)))
            label = {"csv": "CSV", "jsonl": "JSON"}[dist["format"]]
            contains(r.text, '<a href="%s" download>%s（%s）</a>' % (dist["url"], label, size))
            contains(r.text, dist["sha256"])


def test_static_export_links_the_live_open_data_page(srv):
    """The static export has the data files but no /data page: its footer
    links to the live server's page, like its search forms."""
    import os
    out = os.path.join(srv.dir, "site-data")
    rc, _, err = srv.gongkai("export-site", "--db", srv.db, "--out", out,
                             "--base-url", "https://gk.example.gov.cn")
    eq(rc, 0, err)
    with open(os.path.join(out, "index.html"), encoding="utf-8") as f:
        contains(f.read(), '<a href="https://gk.example.gov.cn/data">开放数据</a>')


def test_manifest_describes_every_field_written(srv):
    """Each key of every JSON Lines record is a field the manifest names
    and describes, and each field it names is written: the list of fields
    cannot drift from the rows again (three document fields once went
    undescribed)."""
    c = srv.client()
    m = manifest(c)
    ok(len(m) >= 3)
    for name, ds in m.items():
        fields = [fd["name"] for fd in ds["fields"]]
        eq(len(fields), len(set(fields)), name + ": a field named twice")
        for fd in ds["fields"]:
            ok(fd.get("description", "").strip(), "%s: %s has no description" % (name, fd["name"]))
        jl = files_of(c, ds)["jsonl"].decode("utf-8").splitlines()
        keys = set()
        for line in jl:
            keys |= set(json.loads(line))
        if not jl:
            continue
        eq(sorted(keys - set(fields)), [], name + ": written but not described")
        eq(sorted(set(fields) - keys), [], name + ": described but never written")


def staff(srv, login):
    c = srv.client()
    c.login(login)
    return c


def ledger_all(c, query):
    out = []
    while True:
        r = c.get("/api/v1/ledger?limit=1000&after=%d&%s" % (out[-1]["seq"] if out else 0, query))
        eq(r.status, 200)
        page = r.json()["entries"]
        out += page
        if len(page) < 1000:
            return out


def test_ledger_content_stays_within_the_organisations_a_user_may_see(srv):
    """content=1 gives the older and withdrawn versions of documents (a
    document may have been withdrawn for a reason): to staff who may see
    the document's organisation, never to another agency's staff."""
    wd = srv.sql("SELECT d.id FROM doc d JOIN org o ON o.id=d.org_id"
                 " WHERE d.state='withdrawn' AND o.slug='znwsj' ORDER BY d.id")[0][0]
    aq = staff(srv, "aq-office")          # 安泉县卫生健康局, another agency
    r = aq.get("/api/v1/ledger?doc=%d&content=1" % wd)
    eq(r.status, 403)
    ok("entries" not in r.json())
    contains(r.json()["error"]["message"], "其他单位")
    # The hash chain itself stays public (no content).
    eq(aq.get("/api/v1/ledger?doc=%d" % wd).status, 200)
    # The whole ledger: content with the agency's own entries only.
    org_of = dict(srv.sql("SELECT d.id, o.slug FROM doc d JOIN org o ON o.id=d.org_id"))
    led = ledger_all(aq, "content=1")
    mine = [e for e in led if org_of[e["doc_id"]] == "aqwsj"]
    others = [e for e in led if org_of[e["doc_id"]] != "aqwsj"]
    ok(mine and others)
    ok(all("content" in e for e in mine), "aq's own entries carry their content")
    eq([e["seq"] for e in others if "content" in e], [], "another agency's content given")
    # The bureau's own office reads its withdrawn document's versions.
    office = staff(srv, "office")
    e = office.get("/api/v1/ledger?doc=%d&content=1" % wd).json()["entries"]
    ok(len(e) >= 2)
    for x in e:
        eq(hashlib.sha256(x["content"].encode()).hexdigest(), x["content_hash"])


def test_people_page_does_not_wait_for_a_running_build(srv):
    """While another request (or another server on the same database)
    builds the files, /data shows the previous files with a notice instead
    of holding its worker thread until the build ends (a burst of visitors
    after a publication would hold every worker), and the files themselves
    answer 503 to a program.  The build lock is a file lock beside the
    files: the test holds it as a second server would."""
    import fcntl
    import os
    c = srv.client()
    eq(c.get("/data").status, 200)          # built once
    ddir = os.path.join(os.path.dirname(srv.db), "datasets")
    if not os.path.isdir(ddir):             # PostgreSQL: a private directory
        return
    old = os.path.getmtime(os.path.join(ddir, "manifest.json")) - 2 * 86400
    os.utime(os.path.join(ddir, "manifest.json"), (old, old))   # due again
    with open(os.path.join(ddir, "build.lock"), "a+") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        # (a publication would also empty the page cache; the age of the
        # files alone does not, so ask for an uncached variant)
        r = c.get("/data?after=build")
        eq(r.status, 200)
        contains(r.text, "数据文件正在按最新公开的信息更新")
        contains(r.text, "<caption>数据集</caption>")
        eq(r.headers.get("cache-control"), "no-store")
        eq(c.get("/api/v1/datasets?after=build").status, 503)
        fcntl.flock(lock, fcntl.LOCK_UN)
    r = c.get("/data?after=unlock")
    eq(r.status, 200)
    ok("正在按最新公开的信息更新" not in r.text, "notice after the build")
    ok(os.path.getmtime(os.path.join(ddir, "manifest.json")) > old + 86400, "not rebuilt")
