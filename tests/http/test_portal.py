"""test_portal.py — issue 4, the public portal: search equals a brute-force
substring scan (demo corpus and a generated one, hard cases included); a
draft or withdrawn document is never reachable publicly (page content,
search, feeds, lists, API, sitemap, static export); ETag/304 and
Last-Modified on document pages; search filters, sorting and paging; the
index follows publication, correction, validity changes and withdrawal;
portal lists, feeds and CSV."""
import csv
import io
import html
import os
import random
import re
import tempfile
import urllib.parse
import zipfile
import xml.etree.ElementTree as ET

from harness import contains, eq, not_contains, ok

import test_documents as td

DEMO = True

# Single-term queries drawn from the demo corpus, with the hard cases.
DEMO_TERMS = [
    "疫", "疫苗", "第3季度", "2023年", "合格率为9", "卫健发〔2019〕", "PDF", "pdf",
    "宁卫发〔2018〕12号", "2018", "水质", "通知", "中宁县", "的", "2026年", "6/05",
    "接种点名单.pdf", "〔", "90%", "第３季度", "ＰＤＦ", "医疗卫生监督执法", "公示",
    "免疫规划", "9", "a", "政务公开目录清单", "##", "季度", "解读",
    "Vaccination sites", "vaccination", "sites",
]

# Terms for the generated corpus (full-width forms, U+3000, case).
GEN_TERMS = [
    "疫", "疫苗", "第3季度", "2023年", "合格率为9", "卫健发〔2019〕", "PDF", "pdf",
    "宁卫发〔2018〕12号", "2018", "水质", "３", "ｐｄｆ", "Pdf", "率为", "12号",
    "〕1", "年第", "卫", "0", "监测 结果", "xlsx", "第", "发〔", "9%",
]


def fold(s):
    """The rule of textmatch_fold(): full-width ASCII to ASCII, U+3000 to a
    space, ASCII lower-cased, white-space runs to one space, trimmed."""
    out = []
    for ch in s:
        c = ord(ch)
        if 0xFF01 <= c <= 0xFF5E:
            c -= 0xFEE0
        elif c == 0x3000:
            c = 0x20
        if 0x41 <= c <= 0x5A:
            c += 32
        out.append(chr(c))
    t = "".join(out)
    spaces = " \t\n\r\f\v\u3000\u00a0\u2028\u2029\ufeff" + "".join(
        chr(c) for c in range(0x2000, 0x200C))
    t = re.sub("[" + re.escape(spaces) + "]+", " ", t)
    return t.strip(" ")


def published_texts(srv):
    """{doc id: [folded indexed columns]} of every published document, read
    from the database the way the index is built (body, title, 文号,
    keywords, and per attachment its file name, a line break and the text
    extracted at upload, attachments one a line)."""
    rows = srv.sql(
        "SELECT id, gk_text(body), title, doc_number, keywords FROM doc"
        " WHERE state='published'")
    att = {}
    for doc, name, text in srv.sql(
            "SELECT t.doc_id, t.filename, coalesce(b.text, '') FROM doc_attachment t"
            " JOIN attachment_blob b USING(sha256) ORDER BY t.id"):
        att.setdefault(doc, []).append(name + "\n" + text)
    return {r[0]: [fold(x or "") for x in r[1:]] + [fold("\n".join(att.get(r[0], [])))]
            for r in rows}


def scan(texts, term):
    t = fold(term)
    return {d for d, cols in texts.items() if any(t in c for c in cols)}


def api_ids(c, query, extra=""):
    """Every id /api/v1/search returns for query over all pages, and the
    reported total."""
    ids, page, total = [], 1, None
    while True:
        r = c.get("/api/v1/search?q=%s&per_page=100&page=%d%s"
                  % (urllib.parse.quote(query), page, extra))
        eq(r.status, 200, "search %r: %s" % (query, r.text[:200]))
        j = r.json()
        total = j["total"]
        eq(j["total_exact"], True, "total_exact for %r (far below the cap)" % query)
        ids += [x["id"] for x in j["results"]]
        if len(j["results"]) < 100:
            break
        page += 1
    eq(len(ids), len(set(ids)), "duplicates for %r" % query)
    eq(len(ids), total, "total for %r" % query)
    return set(ids)


def check_terms(srv, terms):
    c = srv.client()
    texts = published_texts(srv)
    for term in terms:
        want = scan(texts, term)
        # A term with white space is one term when quoted (a phrase).
        got = api_ids(c, '"%s"' % term if " " in term else term)
        eq(sorted(got), sorted(want), "query %r" % term)


def test_search_equals_substring_scan_on_demo_corpus(srv):
    texts = published_texts(srv)
    # The corpus holds the hard cases (else the test would prove little).
    for term in ["疫", "第3季度", "2023年", "合格率为9", "卫健发〔2019〕", "PDF",
                 "宁卫发〔2018〕12号", "2018"]:
        ok(scan(texts, term), "demo corpus lacks %r" % term)
    eq(len(scan(texts, "宁卫发〔2018〕12号")), 1)
    check_terms(srv, DEMO_TERMS)


def test_index_holds_exactly_the_published_documents(srv):
    pub = {r[0] for r in srv.sql("SELECT id FROM doc WHERE state='published'")}
    idx = {r[0] for r in srv.sql("SELECT doc_id FROM search_doc")}
    eq(idx, pub)


WORDS = ["疫苗", "接种", "水质", "监测", "结果", "第3季度", "第３季度", "2023年", "２０２３年",
         "合格率为96%", "合格率为９８％", "卫健发〔2019〕7号", "宁卫发〔2018〕12号",
         "PDF", "pdf", "ＰＤＦ", "Pdf", "xlsx", "的", "通知", "公示", "\u3000", " ", "\n",
         "疫", "情", "防控", "2018", "年", "卫", "〔", "〕", "12号", "附件", "率为", "0"]


def test_search_equals_substring_scan_on_generated_corpus(srv):
    rnd = random.Random(4)
    org = srv.sql("SELECT id FROM org WHERE slug='znwsj'")[0][0]
    user = srv.sql('SELECT id FROM "user" ORDER BY id LIMIT 1')[0][0]
    # Documents in every state at once, written as rows (the import makes
    # published ones only); `search reindex` then indexes them.
    rows = []
    for i in range(300):
        def text(n):
            return "".join(rnd.choice(WORDS) for _ in range(n))
        state = "published" if i % 5 else rnd.choice(["draft", "withdrawn", "approval"])
        rows.append((org, "生成" + text(4), text(1) if i % 3 == 0 else "", text(2), text(30),
                     state, "20%02d-%02d-%02d" % (10 + i % 15, 1 + i % 12, 1 + i % 28), user,
                     "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z"))
    for k in range(0, len(rows), 50):
        part = rows[k:k + 50]
        srv.sql("INSERT INTO doc(org_id,title,doc_number,keywords,body,state,published_date,"
                "created_by,created_at,updated_at) VALUES"
                + ",".join(["(?,?,?,?,?,?,?,?,?,?)"] * len(part)),
                [v for r in part for v in r])
    rc, out, err = srv.gongkai("search", "reindex", "--db", srv.db)
    eq(rc, 0, err)
    test_index_holds_exactly_the_published_documents(srv)
    check_terms(srv, GEN_TERMS)
    # The CLI gives the same set.
    rc, out, err = srv.gongkai("search", "query", "--db", srv.db, "第3季度")
    eq(rc, 0, err)
    lines = out.split()
    eq(lines[-2:-1], ["total"])
    eq(sorted(int(x) for x in lines[:-2]),
       sorted(scan(published_texts(srv), "第3季度")))


def doc_ids_by_state(srv, state):
    return [r for r in srv.sql(
        "SELECT d.id, d.title, o.slug, gk_text(d.body) FROM doc d JOIN org o ON o.id=d.org_id"
        " WHERE d.state=? AND d.title NOT LIKE '生成%'", (state,))]


def export(srv, out):
    rc, o, err = srv.gongkai("export-site", "--db", srv.db, "--out", out,
                             "--base-url", "https://gk.example")
    eq(rc, 0, err)


def exported_text(out):
    parts = []
    for root, _dirs, files in os.walk(out):
        for f in files:
            with open(os.path.join(root, f), "rb") as fh:
                parts.append(fh.read().decode("utf-8", "replace"))
    return "\n".join(parts)


def assert_not_public(srv, doc, title, slug, body, out, page_status):
    anon = srv.client()
    r = anon.get("/o/%s/d/%d" % (slug, doc))
    eq(r.status, page_status, "page of %d" % doc)
    if body.strip():
        not_contains(r.text, body.strip()[:20], "body of %d on its page" % doc)
    ok(doc not in api_ids(anon, title[:12]), "%d found by search" % doc)
    r = anon.get("/search?q=%s" % urllib.parse.quote(title[:12]))
    not_contains(r.text, 'data-doc-id="%d"' % doc)
    for feed in ["/o/%s/feed.atom" % slug, "/o/znwsj/feed.atom"]:
        not_contains(anon.get(feed).text, "/d/%d<" % doc, feed)
        not_contains(anon.get(feed).text, "/d/%d\"" % doc, feed)
    not_contains(anon.get("/o/%s/docs" % slug).text, "/d/%d\"" % doc)
    lst = anon.get("/api/v1/documents?per_page=200").json()["documents"]
    ok(doc not in [x["id"] for x in lst], "%d in /api/v1/documents" % doc)
    not_contains(anon.get("/o/%s/documents.csv" % slug).text, "/d/%d\r" % doc)
    not_contains(anon.get("/sitemap.xml").text, "/d/%d<" % doc)
    ok(not os.path.exists(os.path.join(out, "o", slug, "d", str(doc), "index.html")),
       "%d in the export" % doc)
    if body.strip():
        not_contains(exported_text(out), body.strip()[:20], "export")


def test_document_page_etag_304_and_last_modified(srv):
    anon = srv.client()
    doc = [d for d in doc_ids_by_state(srv, "published") if "免疫规划" in d[1]][0]
    path = "/o/znwsj/d/%d" % doc[0]
    r = anon.get(path)
    eq(r.status, 200)
    etag = r.headers.get("etag")
    ok(etag and etag.startswith('"'), "ETag %r" % etag)
    ok(re.match(r"^[A-Z][a-z]{2}, \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d GMT$",
                r.headers.get("last-modified", "")), r.headers.get("last-modified"))
    r2 = anon.get(path, headers={"If-None-Match": etag})
    eq(r2.status, 304)
    eq(r2.body, b"")
    eq(anon.get(path, headers={"If-None-Match": '"nope"'}).status, 200)
    # The metadata block as portals show it.
    for label in ["索引号", "文号", "发布机构", "生成日期", "发布日期", "公开方式", "主题分类", "有效性"]:
        contains(r.text, "<th scope=\"row\">%s</th>" % label)
    contains(r.text, "<td>宁卫发〔2018〕12号</td>")
    contains(r.text, "<td>主动公开</td>")
    contains(r.text, "data-content-hash")
    # The index-number URL is the same page.
    idx = re.search(r'data-index-number="([^"]+)"', r.text).group(1)
    eq(anon.get("/o/znwsj/d/" + idx).text, r.text)


def results(c, qs):
    r = c.get("/api/v1/search?" + urllib.parse.quote(qs, safe="=&+%"))
    eq(r.status, 200, qs + ": " + r.text[:200])
    return r.json()


def all_ids(c, qs):
    """The ids of every page of /api/v1/search?qs (100 a page)."""
    out, page = [], 1
    while True:
        j = results(c, "%s&per_page=100&page=%d" % (qs, page))
        out += [x["id"] for x in j["results"]]
        if len(j["results"]) < 100:
            eq(len(out), j["total"], qs)
            return set(out)
        page += 1


def test_search_filters_sort_and_paging(srv):
    c = srv.client()
    texts = published_texts(srv)
    meta = {r[0]: r[1:] for r in srv.sql(
        "SELECT d.id, o.slug, d.published_date, d.validity, d.genre, d.catalogue_item_id"
        " FROM doc d JOIN org o ON o.id=d.org_id WHERE d.state='published'")}
    hosp = srv.sql("SELECT slug FROM org WHERE name='中宁县人民医院'")[0][0]
    want = scan(texts, "季度")
    # Organisation: the bureau alone, with its subtree, the hospital.
    own = all_ids(c, "q=季度&org=znwsj")
    sub = all_ids(c, "q=季度&org=znwsj&sub=1")
    hos = all_ids(c, "q=季度&org=" + hosp)
    eq(own, {d for d in want if meta[d][0] == "znwsj"})
    eq(hos, {d for d in want if meta[d][0] == hosp})
    ok(hos, "the hospital has a 季度 document")
    eq(sub, own | hos)
    # Year.
    y = all_ids(c, "q=年&year=2018")
    eq(y, {d for d in scan(texts, "年") if meta[d][1].startswith("2018")})
    ok(y)
    # Validity and kind.
    rep = all_ids(c, "q=目录&validity=repealed")
    eq(rep, {d for d in scan(texts, "目录") if meta[d][2] == "repealed"})
    ok(rep)
    kind = all_ids(c, "q=公示&kind=公示")
    eq(kind, {d for d in scan(texts, "公示") if meta[d][3] == "公示"})
    # Catalogue item.
    item = [m[4] for d, m in meta.items() if m[4]][0]
    # /api/v1/documents takes the search API's filter names too.
    lst = c.get("/api/v1/documents?org=znwsj&sub=1&item=%d&kind=%s&per_page=200"
                % (item, urllib.parse.quote("通知"))).json()
    eq(sorted(x["id"] for x in lst["documents"]),
       sorted(d for d, m in meta.items() if m[4] == item and m[3] == "通知"))
    ok(lst["documents"])
    got = all_ids(c, "q=疫苗&org=znwsj&item=%d" % item)
    eq(got, {d for d in scan(texts, "疫苗") if meta[d][4] == item})
    # Date order is newest first; paging by 3 gives the same list.
    allj = results(c, "q=中宁县&sort=date&per_page=100")
    ok(6 < allj["total"] < 100, "total %d" % allj["total"])
    dates = [x["published"] for x in allj["results"]]
    eq(dates, sorted(dates, reverse=True))
    pages = []
    for p in range(1, (allj["total"] + 2) // 3 + 1):
        j = results(c, "q=中宁县&sort=date&per_page=3&page=%d" % p)
        eq(j["total"], allj["total"])
        pages += [x["id"] for x in j["results"]]
    eq(pages, [x["id"] for x in allj["results"]])
    # Relevance: same set, title matches first.
    rel = results(c, "q=疫苗&per_page=100")
    eq(all_ids(c, "q=疫苗"), scan(texts, "疫苗"))
    ok("疫苗" in rel["results"][0]["title"], rel["results"][0]["title"])
    contains(rel["results"][0]["snippet"], "<mark>疫苗</mark>")
    # Bad input is a 400 with a Chinese message.
    for qs in ["q=", "q=" + "+".join(["a"] * 17), "q=x&year=abc", "q=x&validity=bad",
               "q=x&sort=random", "q=x&org=nosuch", "q=x&page=0"]:
        r = c.get("/api/v1/search?" + urllib.parse.quote(qs, safe="=&+%"))
        ok(r.status in (400, 404), "%s → %d" % (qs, r.status))
        ok(re.search("[\u4e00-\u9fff]", r.json()["error"]["message"]
                     if isinstance(r.json().get("error"), dict) else str(r.json())), qs)


def test_search_page_html(srv):
    c = srv.client()
    r = c.get("/search?q=%E7%96%AB%E8%8B%97")
    eq(r.status, 200)
    contains(r.text, "<mark>疫苗</mark>")
    contains(r.text, 'role="search"')
    contains(r.text, 'name="q" value="疫苗"')
    total = int(re.search(r'data-total="(\d+)"', r.text).group(1))
    eq(total, len(scan(published_texts(srv), "疫苗")))
    # Paging: 10 a page, links keep the filters.
    r = c.get("/search?q=%E5%B9%B4&sort=date")
    n = int(re.search(r'data-total="(\d+)"', r.text).group(1))
    ok(n > 10, "enough results to page")
    eq(r.text.count('class="result"'), 10)
    contains(r.text, 'rel="next" href="/search?q=%E5%B9%B4&amp;sort=date&amp;page=2"')
    r2 = c.get("/search?q=%E5%B9%B4&sort=date&page=2")
    eq(r2.text.count('class="result"'), min(10, n - 10))
    contains(r2.text, 'rel="prev"')
    # A query error is shown on the page with status 400.
    r = c.get("/search?q=" + "+".join(["x"] * 17))
    eq(r.status, 400)
    contains(r.text, "检索词过多")
    # Query text is escaped.
    r = c.get("/search?q=%3Cscript%3E")
    not_contains(r.text, "<script>")


def test_search_page_states_its_order(srv):
    """The page says what 按相关度 means where it is chosen, and under the
    results when the order is not by relevance after all."""
    c = srv.client()
    r = c.get("/search?q=%E7%96%AB%E8%8B%97")
    contains(r.text, 'aria-describedby="sort-hint"')
    contains(r.text, "只对最新发布的 1000 条按相关度排列")
    contains(r.text, "近期发布的文件适当靠前")
    not_contains(r.text, "单字检索的结果按发布日期排列")
    r = c.get("/search?q=%E5%B9%B4")   # one character: filtered, by date
    contains(r.text, "单字检索的结果按发布日期排列")
    r = c.get("/search?q=%E5%B9%B4&sort=date")
    not_contains(r.text, "单字检索的结果按发布日期排列")


def test_recency_share_of_relevance_is_a_setting(srv):
    """search_recency_percent: two documents with the term only in the body,
    the same length; the older has it three times, this year's twice.
    Worked out from the formula (store_search.h): body tf-saturation 3→1.57,
    2→1.38 (k1 1.2, equal lengths); this year's boost 1 + p/100, ten years
    old about 1 + p/100/11.  p = 0: the older first; p = 50 (default): 1.38
    × 1.5 = 2.06 > 1.57 × 1.05, this year's first."""
    import datetime
    today = (datetime.datetime.utcnow() + datetime.timedelta(hours=8)).date()
    docs = [("鹬蚌旧文", "2016-03-01", "鹬蚌相争。鹬蚌相争。鹬蚌相争。其他文字。"),
            ("鹬蚌新文", (today - datetime.timedelta(days=1)).isoformat(),
             "鹬蚌相争。鹬蚌相争。其他文字其他文字。")]
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for t, d, b in docs:
            f.write('{"title": "%s", "published_date": "%s", "body": "%s"}\n' % (t, d, b))
        name = f.name
    try:
        code, _, err = srv.gongkai("docs", "import", "--org", "znwsj", "--db", srv.db, name)
        eq(code, 0, err)
    finally:
        os.unlink(name)
    c = srv.client()
    q = "/api/v1/search?q=" + urllib.parse.quote("鹬蚌相争")

    def titles():
        return [x["title"] for x in c.get(q).json()["results"]]
    eq(titles(), ["鹬蚌新文", "鹬蚌旧文"])
    code, _, err = srv.gongkai("config", "set", "search_recency_percent", "0", "--db", srv.db)
    eq(code, 0, err)
    eq(titles(), ["鹬蚌旧文", "鹬蚌新文"])
    # The page no longer says recent documents come first.
    not_contains(c.get("/search?q=" + urllib.parse.quote("鹬蚌相争")).text, "近期发布的文件适当靠前")
    code, _, err = srv.gongkai("config", "set", "search_recency_percent", "50", "--db", srv.db)
    eq(code, 0, err)


def test_index_follows_publication_correction_and_validity(srv):
    drafter = td.client(srv, "drafter")
    doc = td.new_doc(drafter, "关于开展碘缺乏病防治宣传周活动的通知", body="碘缺乏病防治知识进社区。")
    c = srv.client()
    eq(api_ids(c, "碘缺乏病"), set())
    td.walk_to(srv, doc, "published")
    eq(api_ids(c, "碘缺乏病"), {doc})
    office = td.client(srv, "office")
    r = office.post("/staff/docs/%d/correct" % doc,
                    {"keywords": "地方病 碘盐", "summary": "", "scope": "全社会", "confirm": "1"})
    eq(r.status, 303, r.text[:300])
    eq(api_ids(c, "碘盐"), {doc})
    r = office.post("/staff/docs/%d/validity" % doc, {"confirm": "1", "validity": "expired", "validity_date": "2026-11-01"})
    eq(r.status, 303, r.text[:300])
    eq({x["id"] for x in results(c, "q=碘缺乏病&validity=expired")["results"]}, {doc})
    eq(results(c, "q=碘缺乏病&validity=valid")["total"], 0)


def test_portal_lists_feeds_and_csv(srv):
    c = srv.client()
    # The bureau's tree (the demo's second agency, aqwsj, is another root).
    n_pub = srv.sql(
        "WITH RECURSIVE t(id) AS (SELECT id FROM org WHERE slug='znwsj' UNION ALL"
        " SELECT o.id FROM org o JOIN t ON o.parent_id=t.id)"
        " SELECT count(*) FROM doc WHERE state='published'"
        " AND org_id IN (SELECT id FROM t)")[0][0]
    item, n_item = srv.sql(
        "SELECT catalogue_item_id, count(*) FROM doc WHERE state='published'"
        " AND catalogue_item_id IS NOT NULL GROUP BY 1 ORDER BY 1 LIMIT 1")[0]
    home = c.get("/o/znwsj")
    eq(home.status, 200)
    contains(home.text, "最新公开")
    contains(home.text, "政府信息公开目录")
    contains(home.text, 'href="/o/znwsj/items/%d"' % item)
    contains(home.text, 'href="/o/znwsj/guide"')
    contains(home.text, 'href="/o/znwsj/year/2018"')
    r = c.get("/o/znwsj/docs")
    eq(int(re.search(r'data-total="(\d+)"', r.text).group(1)), n_pub)
    # The list's feed is announced in the head (feed readers look there).
    head = r.text.split("</head>")[0]
    contains(head, '<link rel="alternate" type="application/atom+xml" href="/o/znwsj/feed.atom"')
    r = c.get("/o/znwsj/items/%d" % item)
    eq(int(re.search(r'data-total="(\d+)"', r.text).group(1)), n_item)
    eq(c.get("/o/znwsj/items/999999").status, 404)
    # Atom: well-formed, newest first, absolute links.
    r = c.get("/o/znwsj/feed.atom")
    eq(r.status, 200)
    ok(r.headers["content-type"].startswith("application/atom+xml"))
    ns = {"a": "http://www.w3.org/2005/Atom"}
    root = ET.fromstring(r.body)
    entries = root.findall("a:entry", ns)
    ok(entries)
    pubs = [e.find("a:published", ns).text for e in entries]
    eq(pubs, sorted(pubs, reverse=True))
    ok(entries[0].find("a:link", ns).get("href").startswith("http"))
    root = ET.fromstring(c.get("/o/znwsj/items/%d/feed.atom" % item).body)
    eq(len(root.findall("a:entry", ns)), n_item)
    # CSV of a catalogue item's documents.
    r = c.get("/o/znwsj/documents.csv?item=%d" % item)
    eq(r.status, 200)
    rows = list(csv.reader(io.StringIO(r.text.lstrip("\ufeff"))))
    eq(rows[0], ["索引号", "标题", "文号", "发布机构", "生成日期", "发布日期", "主题分类", "有效性", "链接"])
    eq(len(rows) - 1, n_item)
    eq(c.get("/o/znwsj/documents.csv?item=abc").status, 400)
    # All in the sitemap.
    sm = c.get("/sitemap.xml").text
    for p in ["/o/znwsj/docs", "/o/znwsj/feed.atom", "/o/znwsj/documents.csv",
              "/o/znwsj/items/%d" % item, "/o/znwsj/year/2018"]:
        contains(sm, p + "<")


def test_static_export_search_form_points_to_live_server(srv):
    out = tempfile.mkdtemp(prefix="gk-export-")
    export(srv, out)
    with open(os.path.join(out, "o", "znwsj", "index.html"), encoding="utf-8") as f:
        html = f.read()
    contains(html, 'action="https://gk.example/search"')
    ok(os.path.exists(os.path.join(out, "o", "znwsj", "feed.atom")))
    ok(os.path.exists(os.path.join(out, "o", "znwsj", "documents.csv")))
    # The server's own page keeps a relative action.
    contains(srv.client().get("/o/znwsj").text, 'action="/search"')


# Terms that occur only inside attachments (a DOCX and a PDF).
ATT_TERM_DOCX = "麒麟湾取水点"
ATT_TERM_PDF = "Zyxwquartzfield"


def make_docx(text):
    doc = ('<?xml version="1.0"?><w:document xmlns:w="w"><w:body>'
           '<w:p><w:r><w:t>%s</w:t></w:r></w:p></w:body></w:document>' % text)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(zipfile.ZipInfo("[Content_Types].xml", date_time=(2026, 1, 1, 0, 0, 0)),
                   '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        z.writestr(zipfile.ZipInfo("word/document.xml", date_time=(2026, 1, 1, 0, 0, 0)), doc)
    return buf.getvalue()


def published_with_attachments(srv, title, files):
    """Creates a document through the staff pages, uploads files [(name,
    bytes)], walks it to published; returns its id."""
    drafter = td.client(srv, "drafter")
    doc = td.new_doc(drafter, title, body=title + "：本文正文不含附件中的词语。")
    for name, data in files:
        r = drafter.post("/staff/docs/%d/attachments" % doc, {},
                         files={"file": (name, data, "application/octet-stream")})
        eq(r.status, 303, "upload %s: %s" % (name, r.text[:300]))
    td.walk_to(srv, doc, "published")
    return doc


ATT_EXT = {"application/pdf": ".pdf",
           "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx"}


def attachment_paths(srv, doc):
    """The public URLs of doc's attachments: /o/{org}/a/{id}{extension}."""
    return ["/o/%s/a/%d%s" % (slug, aid, ATT_EXT[mime]) for slug, aid, mime in srv.sql(
        "SELECT o.slug, t.id, b.mime FROM doc_attachment t JOIN doc d ON d.id=t.doc_id"
        " JOIN org o ON o.id=d.org_id JOIN attachment_blob b ON b.sha256=t.sha256"
        " WHERE t.doc_id=? ORDER BY t.id", (doc,))]


def test_attachment_text_is_searched_and_exported(srv):
    docx = make_docx("取水点位于" + ATT_TERM_DOCX + "北侧")
    pdf = td.make_pdf("Sampling at " + ATT_TERM_PDF + " station")
    keep = published_with_attachments(srv, "附件检索测试甲", [("点位.docx", docx), ("采样.pdf", pdf)])
    gone = published_with_attachments(srv, "附件检索测试乙", [("点位.docx", docx)])
    anon = srv.client()
    # Found by text that is only inside the attachments.
    eq(api_ids(anon, ATT_TERM_DOCX), {keep, gone})
    eq(api_ids(anon, ATT_TERM_PDF.lower()), {keep})
    eq(api_ids(anon, "Zyxw"), {keep})
    # The brute-force reference agrees (it reads the stored text).
    texts = published_texts(srv)
    ok(fold(ATT_TERM_DOCX) in texts[keep][4], "docx text stored")
    ok(fold(ATT_TERM_PDF) in texts[keep][4], "pdf text stored via pdftotext")
    check_terms(srv, [ATT_TERM_DOCX, ATT_TERM_PDF, "取水点", "station", "点位.docx",
                      "docx 取水", "北侧", "采样"])
    # The snippet comes from the attachment, labelled 附件.
    r = anon.get("/api/v1/search?q=%s" % urllib.parse.quote(ATT_TERM_DOCX))
    hit = [x for x in r.json()["results"] if x["id"] == keep][0]
    eq(hit["snippet"].startswith('<span class="snippet-source">附件</span> '), True,
       hit["snippet"])
    contains(hit["snippet"], "<mark>%s</mark>" % ATT_TERM_DOCX)
    page = anon.get("/search?q=%s" % urllib.parse.quote(ATT_TERM_PDF)).text
    contains(page, '<span class="snippet-source">附件</span> ')
    contains(page, "<mark>%s</mark>" % ATT_TERM_PDF)
    # A body match keeps the body snippet, without the label.
    r = anon.get("/api/v1/search?q=%s" % urllib.parse.quote("不含附件中的词语"))
    hit = [x for x in r.json()["results"] if x["id"] == keep][0]
    not_contains(hit["snippet"], "snippet-source")

    # The static export holds the attachments as files with the server's bytes.
    out = tempfile.mkdtemp(prefix="gk-export-")
    export(srv, out)
    keep_att, gone_att = attachment_paths(srv, keep), attachment_paths(srv, gone)
    eq(len(keep_att), 2)
    eq(len(gone_att), 1)
    for path in keep_att + gone_att:
        r = anon.get(path)
        eq(r.status, 200, path)
        f = os.path.join(out, path.lstrip("/"))
        ok(os.path.isfile(f), "%s exported as a file" % path)
        with open(f, "rb") as fh:
            eq(fh.read(), r.body, path)
    with open(os.path.join(out, keep_att[1].lstrip("/")), "rb") as fh:
        eq(fh.read(), pdf)
    # The sitemap lists them too.
    sm = anon.get("/sitemap.xml").text
    for path in keep_att + gone_att:
        contains(sm, "%s</loc>" % path)

    # Withdrawn: no longer found, and its attachment leaves the export.
    r = td.act(td.client(srv, "office"), gone, "withdraw", "点位调整，撤回")
    eq(r.status, 303, r.text[:300])
    eq(td.state_of(srv, gone), "withdrawn")
    eq(api_ids(anon, ATT_TERM_DOCX), {keep})
    check_terms(srv, [ATT_TERM_DOCX, "取水点"])
    export(srv, out)
    ok(not os.path.exists(os.path.join(out, gone_att[0].lstrip("/"))), "withdrawn attachment exported")
    not_contains(anon.get("/sitemap.xml").text, "%s</loc>" % gone_att[0])
    eq(anon.get(gone_att[0]).status, 404)
    for path in keep_att:
        ok(os.path.isfile(os.path.join(out, path.lstrip("/"))), path)


# Last: it withdraws a demo document the other tests use.
def test_draft_and_withdrawn_never_public(srv):
    out = tempfile.mkdtemp(prefix="gk-export-")
    export(srv, out)
    drafts = [d for s in ["draft", "dept_review", "secrecy_review", "approval", "filed"]
              for d in doc_ids_by_state(srv, s)]
    ok(len(drafts) >= 5, "demo has unpublished documents")
    for doc, title, slug, body in drafts:
        assert_not_public(srv, doc, title, slug, body, out, 404)
        eq(srv.client().get("/api/v1/documents/%d" % doc).status, 404)
    withdrawn = doc_ids_by_state(srv, "withdrawn")
    ok(withdrawn)
    for doc, title, slug, body in withdrawn:
        assert_not_public(srv, doc, title, slug, body, out, 410)
        eq(srv.client().get("/api/v1/documents/%d" % doc).status, 410)

    # Withdraw a published document with an attachment: gone everywhere,
    # the attachment too, and the next export removes its page.
    pub = [d for d in doc_ids_by_state(srv, "published") if "流感疫苗" in d[1]][0]
    doc, title, slug, body = pub
    anon = srv.client()
    ok(doc in api_ids(anon, "流感疫苗"))
    ok(os.path.exists(os.path.join(out, "o", slug, "d", str(doc), "index.html")))
    page = anon.get("/o/%s/d/%d" % (slug, doc)).text
    att = re.search(r'href="(/o/%s/a/\d+\.\w+)" download=' % slug, page).group(1)
    eq(anon.get(att).status, 200)
    office = td.client(srv, "office")
    r = td.act(office, doc, "withdraw", "接种点调整，撤回后重新发布")
    eq(r.status, 303, r.text[:300])
    eq(td.state_of(srv, doc), "withdrawn")
    export(srv, out)
    assert_not_public(srv, doc, title, slug, body, out, 410)
    eq(api_ids(anon, "流感疫苗"), set())
    eq(anon.get(att).status, 404)


def test_document_page_is_served_from_the_public_cache(srv):
    # The busiest public page must come from the cache (issue 8's throughput
    # target depends on it), with its Last-Modified kept.
    c = srv.client()
    lst = c.get("/api/v1/documents?org=znwsj&per_page=1").json()["documents"]
    path = "/o/znwsj/d/%d" % lst[0]["id"]
    r1 = c.get(path)
    eq(r1.status, 200)
    ok("last-modified" in r1.headers, "no Last-Modified")
    r2 = c.get(path)
    eq(r2.headers.get("x-cache"), "hit")
    eq(r2.body, r1.body)
    eq(r2.headers.get("last-modified"), r1.headers.get("last-modified"))
    eq(r2.headers.get("etag"), r1.headers.get("etag"))


def test_search_page_without_a_term(srv):
    """A citizen who chooses only filters (an organisation, a year) and
    presses 检索 gets that organisation's documents of that year, newest
    first; one who presses it with nothing at all is told what to enter.
    Once results are shown the filters fold away (<details>, no script)
    under a summary naming what is chosen, so on a phone the results come
    first; before any search they stand open."""
    c = srv.client()
    date = dict(srv.sql("SELECT d.id, d.published_date FROM doc d JOIN org o"
                        " ON o.id = d.org_id WHERE d.state = 'published'"
                        " AND o.slug = 'aqwsj' AND d.published_date LIKE '2018-%'"))
    ok(len(date) > 10, "安泉县 has more than a page of 2018 documents")
    r = c.get("/search?q=&org=aqwsj&year=2018&kind=&validity=&sort=relevance")
    eq(r.status, 200)
    total = int(re.search(r'data-total="(\d+)"', r.text).group(1))
    eq(total, len(date))
    contains(r.text, '<details class="filters"><summary>筛选条件（已选：安泉县卫生健康局、2018年）</summary>')
    ids, page = [], 1
    while True:
        ids += [int(x) for x in re.findall(r'data-doc-id="(\d+)"', r.text)]
        m = re.search(r'rel="next" href="([^"]+)"', r.text)
        if not m:
            break
        page += 1
        eq(html.unescape(m.group(1)),
           "/search?org=aqwsj&year=2018&sort=relevance&page=%d" % page)
        r = c.get(html.unescape(m.group(1)))
    eq(sorted(ids), sorted(date))
    dates = [date[i] for i in ids]
    eq(dates, sorted(dates, reverse=True))
    # Nothing chosen: no results, a hint, the filters open.
    r = c.get("/search?q=&org=&year=&kind=&validity=&sort=relevance")
    eq(r.status, 200)
    not_contains(r.text, "data-total")
    contains(r.text, "请输入检索词，或选择发布单位、发布年份等筛选条件")
    contains(r.text, '<details class="filters" open><summary>筛选条件</summary>')
    # A term: results, the filters folded with nothing chosen.
    r = c.get("/search?q=%E7%96%AB%E8%8B%97")
    contains(r.text, '<details class="filters"><summary>筛选条件</summary>')
    not_contains(r.text, "请输入检索词")
    # The landing page: open, no hint.
    r = c.get("/search")
    contains(r.text, '<details class="filters" open>')
    not_contains(r.text, "请输入检索词")


def test_attachment_link_says_format_and_size(srv):
    """On a phone, data costs: beside each attachment the document page says
    what kind of file it is and how large, before it is downloaded
    (394 bytes → “394字节”, 4,406 → “4.3 KB”, 1 KB = 1024 bytes)."""
    c = srv.client()
    rows = srv.sql("SELECT d.id, o.slug, b.size, b.mime FROM doc_attachment a"
                   " JOIN attachment_blob b ON b.sha256 = a.sha256"
                   " JOIN doc d ON d.id = a.doc_id JOIN org o ON o.id = d.org_id"
                   " WHERE d.state = 'published'")
    seen = set()
    for doc, slug, size, mime in rows:
        kind = {"application/pdf": "PDF", "application/vnd.openxmlformats-"
                "officedocument.wordprocessingml.document": "Word"}.get(mime)
        if not kind or kind in seen:
            continue
        seen.add(kind)
        r = c.get("/o/%s/d/%d" % (slug, doc))
        eq(r.status, 200)
        words = ("%d字节" % size if size < 1024 else
                 "%.1f KB" % (size / 1024) if size < 1024 * 1024 else
                 "%.1f MB" % (size / 1024 / 1024))
        contains(r.text, "</a>（%s文件，%s，SHA-256 <code>" % (kind, words))
    eq(seen, {"PDF", "Word"})


def test_search_by_index_number_and_docno_brackets(srv):
    """A citizen copies a document's 索引号 from a list or a printed page
    into the search box (maybe typed with full-width digits on a phone):
    the document it names is shown first, though index numbers are not in
    the full text.  One who types a 文号 with [ ] or ( ) around the year,
    as a phone keyboard has them, and finds nothing is offered the same
    search with 〔 〕, which documents use (GB/T 9704); any search that finds
    nothing says what to try next."""
    c = srv.client()
    doc, slug, idx, title = srv.sql(
        "SELECT d.id, o.slug, d.index_number, d.title FROM doc d JOIN org o"
        " ON o.id = d.org_id WHERE d.state = 'published' AND d.index_number"
        " LIKE '%/%-%' ORDER BY d.id LIMIT 1")[0]
    wide = "".join(chr(ord(ch) + 0xFEE0) if "!" <= ch <= "~" else ch for ch in idx)
    for q in [idx, " %s " % idx, wide]:
        r = c.get("/search?q=" + urllib.parse.quote(q))
        eq(r.status, 200, q)
        m = re.search(r'<p class="index-hit"[^>]*>(.*?)</p>', r.text, re.S)
        ok(m, "no index-number hit for %r" % q)
        contains(m.group(1), '<a href="/o/%s/d/%d">%s</a>' % (slug, doc, html.escape(title, quote=False)))
    r = c.get("/search?q=" + urllib.parse.quote("99999/1900-00001"))
    not_contains(r.text, 'class="index-hit"')
    # 文号 with the wrong brackets.
    no = srv.sql("SELECT doc_number FROM doc WHERE state = 'published'"
                 " AND doc_number LIKE '%〔____〕%' ORDER BY id LIMIT 1")[0][0]
    for left, right in [("[", "]"), ("(", ")"), ("（", "）"), ("【", "】"), ("［", "］")]:
        typed = no.replace("〔", left).replace("〕", right)
        r = c.get("/search?q=" + urllib.parse.quote(typed))
        eq(int(re.search(r'data-total="(\d+)"', r.text).group(1)), 0, typed)
        m = re.search(r'<p class="hint docno-hint">(.*?)</p>', r.text, re.S)
        ok(m, "no bracket hint for %r" % typed)
        contains(r.text, "没有找到相关文件。可以换用更少或更短的检索词")
        contains(m.group(1), '<a href="/search?q=%s">%s</a>'
                 % (urllib.parse.quote(no, safe=""), html.escape(no)))
    # The right brackets: no hint.
    r = c.get("/search?q=" + urllib.parse.quote(no))
    not_contains(r.text, "docno-hint")
    not_contains(r.text, "没有找到相关文件")
    # Searched within one unit and year: the hint's search keeps them (the
    # same search, only the brackets changed), and it finds the document.
    slug, year = srv.sql("SELECT o.slug, substr(d.published_date, 1, 4) FROM doc d"
                         " JOIN org o ON o.id = d.org_id WHERE d.doc_number = ?"
                         " AND d.state = 'published' ORDER BY d.id LIMIT 1", (no,))[0]
    typed = no.replace("〔", "[").replace("〕", "]")
    r = c.get("/search?q=%s&org=%s&year=%s" % (urllib.parse.quote(typed), slug, year))
    m = re.search(r'<p class="hint docno-hint">(.*?)</p>', r.text, re.S)
    ok(m, "no bracket hint for %r within %s %s" % (typed, slug, year))
    contains(m.group(1), '<a href="/search?q=%s&amp;org=%s&amp;year=%s">'
             % (urllib.parse.quote(no, safe=""), slug, year))
    r = c.get(html.unescape(re.search(r'href="([^"]*)"', m.group(1)).group(1)))
    ok(int(re.search(r'data-total="(\d+)"', r.text).group(1)) >= 1, "the hint's search finds nothing")
    # A long query (four terms, 290 characters): the hint offers all of it,
    # not its first 256 characters.
    rest = " " + " ".join(["甲乙丙" * 30] * 3)
    r = c.get("/search?q=" + urllib.parse.quote(typed + rest))
    m = re.search(r'<p class="hint docno-hint">(.*?)</p>', r.text, re.S)
    ok(m, "no bracket hint for a long query")
    contains(m.group(1), '<a href="/search?q=%s">' % urllib.parse.quote(no + rest, safe=""))


def test_error_pages_offer_search_and_home(srv):
    """Someone who follows an old or mistyped link to a policy lands on a
    Chinese error page that offers the search (to find the policy) and the
    home page."""
    c = srv.client()
    for path, status in [("/o/znwsj/d/999999", 404), ("/no/such/page", 404),
                         ("/search?q=x&year=abc", 400), ("/o/nosuch", 404)]:
        r = c.get(path)
        eq(r.status, status, path)
        contains(r.text, '<a href="/search">检索政府信息</a>', path)
        contains(r.text, '<a href="/">返回首页</a>', path)


def test_public_catalogue_explains_itself_and_index_numbers(srv):
    """A citizen who opens the catalogue is told what it is and what an
    index number is, with a real one of this organisation as the example,
    and that the search finds a document by it (which it then does)."""
    c = srv.client()
    r = c.get("/o/znwsj/catalogue")
    eq(r.status, 200)
    m = re.search(r'<p class="lead">(.*?)</p>', r.text, re.S)
    ok(m, "no introduction")
    lead = m.group(1)
    contains(lead, "索引号")
    contains(lead, "主动公开基本目录")
    ex = re.search(r'<a href="/search\?q=([^"]+)">', lead)
    ok(ex, "no example index number linked to the search")
    idx = urllib.parse.unquote(ex.group(1))
    rows = srv.sql("SELECT d.id FROM doc d JOIN org o ON o.id = d.org_id WHERE"
                   " o.slug = 'znwsj' AND d.state = 'published' AND d.index_number = ?", (idx,))
    eq(len(rows), 1, idx)
    hit = c.get("/search?q=" + ex.group(1))
    contains(hit.text, '<a href="/o/znwsj/d/%d">' % rows[0][0])
