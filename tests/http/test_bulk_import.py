"""test_bulk_import.py — issue 8 smoke test of the benchmark tools:
`gongkai bench-gen docs` and `gongkai docs import` on the demo database
while the server runs.  Bad lines and duplicate index numbers store
nothing; 200 generated documents become public pages with their imported
index numbers (the others get the organisation's next numbers), the API
counts them, the search table is filled by the import (every sampled query
finds exactly what a LIKE scan finds), `bench-search --compare` agrees with
itself on a copy, and the publication ledger verifies.
"""
import hashlib
import json
import os
import re
import urllib.parse

from harness import contains, eq, ok

DEMO = True
# The benchmark's FTS5 tables (bench-search) exist on SQLite only; on
# PostgreSQL the import feeds the portal's index alone (docs/search.md).
PG = bool(os.environ.get("GK_TEST_PG"))


def total(srv):
    r = srv.client().get("/api/v1/documents?org=znwsj&per_page=1")
    eq(r.status, 200)
    return r.json()["total"]


def gen(srv, n, seed):
    path = os.path.join(srv.dir, "gen-%d-%d.jsonl" % (n, seed))
    rc, out, err = srv.gongkai("bench-gen", "docs", "--n", str(n), "--seed", str(seed),
                               "--out", path)
    eq(rc, 0, err)
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    eq(len(lines), n)
    return path, lines


def write(srv, name, lines):
    path = os.path.join(srv.dir, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    return path


def test_bad_line_stores_nothing(srv):
    before = total(srv)
    _, lines = gen(srv, 5, 11)
    bad = list(lines)
    obj = json.loads(bad[2])
    del obj["published_date"]
    bad[2] = json.dumps(obj, ensure_ascii=False)
    rc, out, err = srv.gongkai("docs", "import", "--db", srv.db, "--org", "znwsj",
                               write(srv, "bad.jsonl", bad))
    eq(rc, 1)
    contains(err, "第 3 行：发布日期 published_date 无效，未导入任何文件")
    bad[2] = '{"title": "x", "published_date": "2020-01-01", "body": ["nested"]}'
    rc, out, err = srv.gongkai("docs", "import", "--db", srv.db, "--org", "znwsj",
                               write(srv, "bad2.jsonl", bad))
    eq(rc, 1)
    contains(err, "第 3 行：不支持嵌套的对象或数组")
    eq(total(srv), before)


def test_duplicate_index_number_stores_nothing(srv):
    before = total(srv)
    _, lines = gen(srv, 4, 12)
    dup = [lines[0], lines[1], lines[0].replace('"title":"', '"title":"另一')]
    rc, out, err = srv.gongkai("docs", "import", "--db", srv.db, "--org", "znwsj",
                               write(srv, "dup.jsonl", dup))
    eq(rc, 1)
    contains(err, "索引号“BENCH-2010-0”在文件中重复，未导入任何文件")
    eq(total(srv), before)


def test_import_200_generated_documents(srv):
    before = total(srv)
    # The search table of docs/search.md, as `make bench` creates it when the
    # schema has none; the import must fill it.
    if not PG:
        rc, out, err = srv.gongkai("bench-search", "--db", srv.db, "--create", "bench_fts",
                                   "--tokenizer", "gk")
        eq(rc, 0, err)
    path, lines = gen(srv, 200, 13)
    rc, out, err = srv.gongkai("docs", "import", "--db", srv.db, "--org", "znwsj",
                               "--batch", "64", path)
    eq(rc, 0, err)
    contains(out, "imported 200 documents")
    contains(out, "search tables updated: %d" % (0 if PG else 1))
    eq(total(srv), before + 200)

    # An imported index number names its document's public page.
    first = json.loads(lines[0])
    r = srv.client().get("/o/znwsj/d/BENCH-2010-0")
    eq(r.status, 200)
    contains(r.text, first["title"])
    contains(r.text, first["doc_number"])
    # The same number again is refused now that it is taken.
    rc, out, err = srv.gongkai("docs", "import", "--db", srv.db, "--org", "znwsj",
                               write(srv, "again.jsonl", [lines[0]]))
    eq(rc, 1)
    contains(err, "第 1 行：索引号已被使用")
    eq(total(srv), before + 200)

    # Odd lines had no number: they got the bureau's template numbers.
    nums = srv.sql("SELECT index_number FROM doc WHERE title=? AND doc_number=?",
                   (json.loads(lines[1])["title"], json.loads(lines[1])["doc_number"]))
    eq(len(nums), 1)
    ok(re.fullmatch(r"\d{8}[0-9X]/2010-\d{5}", nums[0][0]), nums[0][0])
    eq(srv.sql("SELECT count(*) FROM doc WHERE index_number LIKE 'BENCH-%'")[0][0], 100)

    # Search: 5 sampled queries per class, each count equal to a LIKE scan.
    if not PG:
        rc, out, err = srv.gongkai("bench-search", "--db", srv.db, "--table", "bench_fts",
                                   "--queries", "5", "--runs", "1", "--like", "5")
        eq(rc, 0, err)
        eq(out.count("| 5 / 5 exact |"), 4, out)
        eq(err, "")

    # The portal's index (search_doc/search_fts, kept by the store on
    # publication) has them too: the 文号 of the first line finds exactly it,
    # and bench-search on the portal table agrees with LIKE on search_doc.
    # On PostgreSQL the same for the 文号 of five imported lines.
    for line in [lines[0]] + (lines[2:10:2] if PG else []):
        number = json.loads(line)["doc_number"]
        r = srv.client().get("/api/v1/search?q=%s&org=znwsj" % urllib.parse.quote(number))
        eq(r.status, 200)
        like = "%" + number + "%"
        want = srv.sql("SELECT count(*) FROM doc WHERE state='published' AND (doc_number"
                       " LIKE ? OR title LIKE ? OR gk_text(body) LIKE ? OR keywords LIKE ?)",
                       (like,) * 4)[0][0]
        ok(want >= 1)
        eq(r.json()["total"], want, number)
    if not PG:
        rc, out, err = srv.gongkai("bench-search", "--db", srv.db, "--table", "search_fts",
                                   "--queries", "5", "--runs", "1", "--like", "5")
        eq(rc, 0, err)
        eq(out.count("| 5 / 5 exact |"), 4, out)

    # bench-search --compare (make bench section 9: SQLite against
    # PostgreSQL) runs the same queries through store_search() on two
    # databases; against a copy of this one (SQLite: `gongkai backup`)
    # every count agrees, and the four measures of each class have a row.
    if not PG:
        copy = os.path.join(srv.dir, "compare-copy.db")
        rc, out, err = srv.gongkai("backup", "--db", srv.db, "--to", copy)
        eq(rc, 0, err)
        rc, out, err = srv.gongkai("bench-search", "--db", srv.db, "--compare", copy,
                                   "--queries", "5", "--runs", "1")
        eq(rc, 0, err)
        eq(err, "")
        eq(out.count("the same count on both for 5 of 5 queries"), 4, out)
        for measure in ("newest 20", "relevance 20", "exact count", "portal page"):
            eq(out.count("| %s |" % measure), 4, out)
            eq(out.count("| **%s** |" % measure), 1, out)

    rc, out, err = srv.gongkai("ledger", "verify", "--db", srv.db)
    eq(rc, 0, err)
    contains(out, "verified")


def test_import_ledger_content_is_the_stored_document(srv):
    # Fields that need JSON escaping (quote, backslash, '<', newline, tab,
    # non-BMP; other control characters are refused at input, issue 12), empty and absent optional fields, null
    # members and each report kind: every imported document's ledger
    # content must be the canonical JSON of its row (what publishing it
    # through the review chain records), and the ledger must verify.
    odd = [
        {"title": "引号\"反斜杠\\尖括号<b>", "published_date": "2021-03-04",
         "body": "第一行\n\t第二行 😀 <script>", "doc_number": "",
         "keywords": None, "report_kind": "regulation", "signed_date": ""},
        {"title": "无可选字段", "published_date": "2021-03-05"},
        {"title": "带索引号", "published_date": "2021-03-06",
         "index_number": "ODD-2021-1", "report_kind": "normative",
         "signed_date": "2021-03-01", "publisher": "某局", "genre": "通知",
         "summary": "概述", "body": "正文" * 2000},
    ]
    path = write(srv, "odd.jsonl", [json.dumps(o, ensure_ascii=False) for o in odd])
    rc, out, err = srv.gongkai("docs", "import", "--db", srv.db, "--org", "znwsj", path)
    eq(rc, 0, err)
    contains(out, "imported 3 documents")
    rows = srv.sql(
        "SELECT d.id, d.title, gk_text(d.body), d.report_kind, d.state, d.index_number,"
        " d.index_imported, coalesce(d.signed_date,''), d.published_date,"
        " l.content IS NULL, l.content_hash"
        " FROM doc d JOIN doc_ledger l ON l.doc_id=d.id"
        " WHERE d.title IN (?,?,?) ORDER BY d.id",
        tuple(o["title"] for o in odd))
    eq(len(rows), 3)
    # The entry holds the hash only (the current text is stored once,
    # migration 0101); the content, taken from the document by the API,
    # must hash to it.
    staff = srv.client()
    staff.login("inspector")
    for i, r in enumerate(rows):
        eq(r[9], 1)
        e = staff.get("/api/v1/ledger?doc=%d&content=1" % r[0]).json()["entries"]
        eq(len(e), 1)
        eq(hashlib.sha256(e[0]["content"].encode()).hexdigest(), r[10])
        rows[i] = r[:9] + (e[0]["content"],)
    for o, r in zip(odd, rows):
        c = json.loads(r[9])
        eq(c["id"], r[0])
        eq(c["title"], o["title"])
        eq(c["body"], o.get("body") or "")
        eq(c["report_kind"], o.get("report_kind", "other"))
        eq(c["state"], "published")
        eq(r[4], "published")
        eq(c["index_number"], r[5])
        eq(c["signed_date"], o.get("signed_date", ""))
        eq(c["published_date"], o["published_date"])
        eq(c["validity"], "valid")
        eq(c["catalogue_item_id"], None)
        eq(c["attachments"], [])
    eq(rows[2][5], "ODD-2021-1")
    eq([r[6] for r in rows], [0, 0, 1])
    ok("\\u003cb>" in rows[0][9] and "\\t" in rows[0][9], rows[0][9][:200])
    rc, out, err = srv.gongkai("ledger", "verify", "--db", srv.db)
    eq(rc, 0, err)
    contains(out, "chain intact")
