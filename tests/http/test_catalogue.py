"""test_catalogue.py — issue 3, catalogue half: the public catalogue page and
JSON, CSV/XLSX export equal to seed 000's table, staff add/edit/move/delete
with organisation scope, import with its per-row report (nothing stored from
a bad file), and the CLI import/export."""
import csv
import io
import os
import re
import tempfile
import urllib.parse

from harness import contains, eq, not_contains, ok
from lookup import org_id

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
SEED = os.path.join(ROOT, "data", "seed000_catalogue.tsv")

# Seed header -> the export's header for the same field.
SEED_TO_EXPORT = {
    "序号": "序号", "类别": "一级事项", "公开内容": "公开内容（要素）",
    "公开形式": "公开方式", "公开时限": "公开时限", "公开渠道": "公开渠道",
    "更新频率": "更新频率", "负责科室": "公开主体/负责科室",
    "责任科室负责人": "责任人", "联系电话": "联系电话",
}


SEED_COLUMNS = "序号,类别,公开内容,公开形式,公开时限,公开渠道,更新频率,负责科室,责任科室负责人,联系电话"


def seed_rows():
    with open(SEED, encoding="utf-8") as f:
        return [line.rstrip("\n").split("\t") for line in f if line.strip()]


def items(srv, org, lst="proactive"):
    r = srv.client().get("/api/v1/catalogue?org=%s&list=%s" % (org, lst))
    eq(r.status, 200)
    return r.json()["items"]


def assert_export_equals_seed(text):
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert_rows_equal_seed(rows)


def assert_rows_equal_seed(rows, skip=()):
    seed = seed_rows()
    eq(len(rows), len(seed), "row count")
    hdr = rows[0]
    n = 0
    for c, name in enumerate(seed[0]):
        if name in skip:
            continue
        k = hdr.index(SEED_TO_EXPORT[name])
        for r in range(1, len(seed)):
            eq(rows[r][k], seed[r][c], "row %d column %s" % (r, name))
            n += 1
    eq(n, 50 - 5 * len(skip))


def test_public_catalogue_page_is_a_tree(srv):
    r = srv.client().get("/o/znwsj/catalogue")
    eq(r.status, 200)
    t = r.text
    contains(t, "<h1>中宁县卫生健康局 政府信息公开目录</h1>")
    contains(t, "<h3>政策解读</h3>")
    contains(t, "<h3>规范性文件</h3>")
    contains(t, "<h3>机构信息</h3>\n<h4>机构职能</h4>")
    contains(t, "本局政策文件的解读：文字解读、图表解读和新闻发布会解读")
    # Demo data at its best (issue 15): no row repeated.
    for content in ("本局制定的行政规范性文件", "规范性文件清理结果"):
        eq(t.count(content), 1)
    contains(t, "规范性文件 <small>（须同步政策解读）</small>")
    contains(t, "<h2>依申请公开目录</h2>")
    contains(t, "<h2>负面清单</h2>")
    contains(t, "第十四条：依法确定为国家秘密")
    proactive = t[t.index('id="proactive"'):t.index('id="on_request"')]
    eq(len(re.findall(r'<tr id="item-', proactive)), 8)
    # 规范性文件 rows sit under one heading, not four.
    eq(t.count("<h3>规范性文件</h3>"), 1)
    eq(srv.client().get("/o/no-such-org/catalogue").status, 404)


def test_catalogue_json(srv):
    its = items(srv, "znwsj")
    eq(len(its), 8)
    a = its[0]
    eq(a["seq"], 1)
    eq(a["level1"], "政策解读")
    eq(a["mode"], "proactive")
    eq(a["mode_label"], "主动公开")
    eq(a["channels"], ["website", "new_media"])
    eq(a["channel_labels"], ["政府网站", "两微一端"])
    eq(a["channel_text"], "县卫生计生局网站、县卫生计生局微信公众号、县卫生计生局政务微博")
    eq(a["responsible"], "孙立军 孙立军")
    eq(a["art20_item"], None)
    eq(its[1]["requires_interpretation"], True)
    eq(its[1]["art20_item"], 1)
    eq(its[1]["art20_label"], "（一）行政法规、规章和规范性文件")
    eq(its[2]["requires_interpretation"], False)
    bureau = org_id(srv, "znwsj")
    eq(len(items(srv, bureau)), 8)  # by id as well as by slug
    neg = items(srv, "znwsj", "negative")
    eq([i["legal_ground"] for i in neg],
       ["state_secret", "third_party", "internal", "process", "enforcement"])
    eq(len(items(srv, "znwsj", "on_request")), 2)
    c = srv.client()
    r = c.get("/api/v1/catalogue?org=znwsj&list=secret")
    eq(r.status, 400)
    eq(r.json()["error"]["code"], "bad_request")
    eq(c.get("/api/v1/catalogue").status, 400)
    r = c.get("/api/v1/catalogue?org=nowhere")
    eq(r.status, 404)
    eq(r.json()["error"]["message"], "单位不存在")


def test_csv_export_equals_seed_table(srv):
    # The demo's first five items are seed 000's table, imported as it stands
    # except their 公开内容, which the seed repeats (the demo gives each its own).
    r = srv.client().get("/o/znwsj/catalogue/export?format=csv")
    eq(r.status, 200)
    eq(r.headers["content-type"], "text/csv; charset=utf-8")
    eq(r.headers["content-disposition"], 'attachment; filename="catalogue-znwsj-proactive.csv"')
    rows = list(csv.reader(io.StringIO(r.text.lstrip("\ufeff"))))
    eq(len(rows), 9)
    assert_rows_equal_seed(rows[:6], skip=("公开内容",))
    r = srv.client().get("/o/znwsj/catalogue/export?format=pdf")
    eq(r.status, 400)


def test_staff_add_and_edit_item(srv):
    bureau = org_id(srv, "znwsj")
    c = srv.client()
    c.login("office")
    r = c.get("/staff/catalogue/%d" % bureau)
    eq(r.status, 200)
    contains(r.text, "主动公开基本目录")
    r = c.post("/staff/catalogue/%d/new" % bureau, {
        "list": "proactive", "level1": "人事信息", "level2": "公务员招考",
        "content": "招考职位、名额、报考条件和录用结果", "channel": ["website", "print"],
        "art20": "14", "mode": "proactive", "audience": "all", "frequency": "每年",
        "code": "RSXX", "seq": "", "review": "科室审核、保密审查、领导审批"})
    eq(r.status, 303)
    its = items(srv, "znwsj")
    eq(len(its), 9)
    new = its[-1]
    eq(new["seq"], 9)
    eq(new["level2"], "公务员招考")
    eq(new["channels"], ["website", "print"])
    eq(new["art20_item"], 14)
    eq(new["code"], "RSXX")
    eq(new["review"], "科室审核、保密审查、领导审批")
    r = c.post("/staff/catalogue/%d/items/%d" % (bureau, new["id"]), {
        "level1": "人事信息", "level2": "公务员招考", "content": "录用结果",
        "channel": "bulletin_board", "art20": "14", "mode": "proactive",
        "requires_interpretation": "1"})
    eq(r.status, 303)
    got = [i for i in items(srv, "znwsj") if i["id"] == new["id"]][0]
    eq(got["content"], "录用结果")
    eq(got["channels"], ["bulletin_board"])
    eq(got["requires_interpretation"], True)
    eq(got["seq"], 9)
    # Invalid input: 422 with the reason, nothing changed.
    r = c.post("/staff/catalogue/%d/items/%d" % (bureau, new["id"]), {
        "level1": "", "content": "", "mode": "proactive"})
    eq(r.status, 422)
    contains(r.text, "公开内容和一级事项不能都为空")
    r = c.post("/staff/catalogue/%d/new" % bureau, {
        "list": "negative", "content": "会议纪要", "legal_ground": ""})
    eq(r.status, 422)
    contains(r.text, "负面清单事项必须注明不予公开的法律依据")
    eq(len(items(srv, "znwsj", "negative")), 5)
    r = c.post("/staff/catalogue/%d/new" % bureau, {
        "list": "proactive", "content": "x", "art20": "16"})
    eq(r.status, 422)
    got = [i for i in items(srv, "znwsj") if i["id"] == new["id"]][0]
    eq(got["content"], "录用结果")


def test_scope_hospital_admin_cannot_edit_bureau_catalogue(srv):
    bureau = org_id(srv, "znwsj")
    hosp = org_id(srv, "zn-hospital")
    first = items(srv, "znwsj")[0]
    c = srv.client()
    c.login("hosp-admin")
    eq(c.get("/staff/catalogue/%d" % bureau).status, 403)
    r = c.post("/staff/catalogue/%d/items/%d" % (bureau, first["id"]),
               {"content": "篡改", "level1": "篡改"})
    eq(r.status, 403)
    r = c.post("/staff/catalogue/%d/new" % bureau, {"list": "proactive", "content": "篡改"})
    eq(r.status, 403)
    r = c.post("/staff/catalogue/%d/items/%d/delete" % (bureau, first["id"]), {})
    eq(r.status, 403)
    # The bureau's item through the hospital's URL is not found either.
    r = c.post("/staff/catalogue/%d/items/%d" % (hosp, first["id"]), {"content": "篡改"})
    eq(r.status, 404)
    eq(items(srv, "znwsj")[0]["content"], first["content"])
    # Their own unit is theirs to manage.
    eq(c.get("/staff/catalogue/%d" % hosp).status, 200)
    r = c.post("/staff/catalogue/%d/new" % hosp, {"list": "proactive", "content": "院务公开",
                                                  "level1": "院务公开"})
    eq(r.status, 303)
    eq(len(items(srv, "zn-hospital")), 1)
    # The bureau's office reaches the unit below; a drafter has no access.
    o = srv.client()
    o.login("office")
    eq(o.get("/staff/catalogue/%d" % hosp).status, 200)
    d = srv.client()
    d.login("drafter")
    eq(d.get("/staff/catalogue/%d" % bureau).status, 403)
    eq(d.get("/staff/catalogue").status, 403)
    eq(srv.client().get("/staff/catalogue/%d" % bureau).status, 303)


def test_move_and_delete(srv):
    bureau = org_id(srv, "znwsj")
    c = srv.client()
    c.login("office")
    before = items(srv, "znwsj", "on_request")
    eq([i["seq"] for i in before], [1, 2])
    r = c.post("/staff/catalogue/%d/items/%d/move" % (bureau, before[1]["id"]), {"dir": "up"})
    eq(r.status, 303)
    after = items(srv, "znwsj", "on_request")
    eq([i["id"] for i in after], [before[1]["id"], before[0]["id"]])
    eq([i["seq"] for i in after], [1, 2])
    r = c.post("/staff/catalogue/%d/items/%d/move" % (bureau, before[1]["id"]), {"dir": "sideways"})
    eq(r.status, 400)
    # Deleting asks first (issue 15, bug 7): without confirm=1 nothing happens.
    path = "/staff/catalogue/%d/items/%d/delete" % (bureau, before[1]["id"])   # now 序号 1
    r = c.post(path, {})
    eq(r.status, 200)
    contains(r.text, "删除后无法恢复")
    contains(r.text, '<input type="hidden" name="confirm" value="1">')
    eq(len(items(srv, "znwsj", "on_request")), 2)
    r = c.post(path, {"confirm": "1"})
    eq(r.status, 303)
    left = items(srv, "znwsj", "on_request")
    eq([i["id"] for i in left], [before[0]["id"]])
    eq([i["seq"] for i in left], [1])          # the public 序号 has no gap


BAD_CSV = ("序号,类别,公开内容,公开形式,页码\r\n"
           "1,卫生监督,公共场所监督检查结果,主动公开,\r\n"
           "2,医疗服务,医疗收费标准,部分公开,\r\n").encode("utf-8")


def test_bad_import_reports_and_stores_nothing(srv):
    cdc = org_id(srv, "zn-cdc")
    c = srv.client()
    c.login("office")
    eq(c.get("/staff/catalogue/%d/import" % cdc).status, 200)
    url = "/staff/catalogue/%d/import" % cdc
    r = c.post(url, {"list": "proactive"},
               files={"file": ("bad.csv", BAD_CSV, "text/csv")}, csrf_from=url)
    eq(r.status, 422)
    contains(r.text, "文件有错误，未导入任何内容")
    contains(r.text, "第E列表头“页码”无法识别")
    contains(r.text, "第3行第D列（公开方式）：“部分公开”无法识别")
    contains(r.text, "共2行数据，1行无误，1行有错误。")
    eq(len(items(srv, "zn-cdc")), 0)
    # Dry run with skipping: checks only.
    r = c.post(url, {"list": "proactive", "skip_bad_rows": "1", "dry_run": "1"},
               files={"file": ("bad.csv", BAD_CSV, "text/csv")}, csrf_from=url)
    eq(r.status, 200)
    contains(r.text, "检查完成：可导入1条（仅检查，未导入）。")
    eq(len(items(srv, "zn-cdc")), 0)
    # Not a catalogue at all.
    r = c.post(url, {"list": "proactive"},
               files={"file": ("x.csv", b"\x00\x01\x02", "text/csv")}, csrf_from=url)
    eq(r.status, 422)
    eq(len(items(srv, "zn-cdc")), 0)
    r = c.post(url, {"list": "proactive", "skip_bad_rows": "1"},
               files={"file": ("bad.csv", BAD_CSV, "text/csv")}, csrf_from=url)
    eq(r.status, 200)
    contains(r.text, "已导入1条到主动公开基本目录（有错误的行已跳过）。")
    got = items(srv, "zn-cdc")
    eq([(i["seq"], i["level1"], i["content"], i["mode"]) for i in got],
       [(1, "卫生监督", "公共场所监督检查结果", "proactive")])


def test_xlsx_export_import_round_trip(srv):
    tcm = org_id(srv, "zn-tcm")
    x = srv.client().get("/o/znwsj/catalogue/export?format=xlsx&list=negative")
    eq(x.status, 200)
    eq(x.body[:2], b"PK")
    c = srv.client()
    c.login("office")
    url = "/staff/catalogue/%d/import?list=negative" % tcm
    r = c.post(url, {"list": "negative"},
               files={"file": ("neg.xlsx", x.body,
                               "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")},
               csrf_from=url)
    eq(r.status, 200)
    contains(r.text, "已导入5条到负面清单。")
    keys = ["seq", "level1", "content", "basis", "legal_ground", "mode", "dept"]
    src = [{k: i[k] for k in keys} for i in items(srv, "znwsj", "negative")]
    got = [{k: i[k] for k in keys} for i in items(srv, "zn-tcm", "negative")]
    eq(got, src)


def test_cli_import_export_round_trip(srv):
    d = tempfile.mkdtemp(prefix="gk-cat-")
    out = os.path.join(d, "out.csv")
    rc, so, se = srv.gongkai("catalogue", "import", "--org", "zn-supervision", SEED,
                             "--db", srv.db)
    eq(rc, 0, se)
    contains(so, "imported 5 items")
    rc, so, se = srv.gongkai("catalogue", "export", "--org", "zn-supervision",
                             "--format", "csv", "--out", out, "--db", srv.db)
    eq(rc, 0, se)
    with open(out, encoding="utf-8") as f:
        assert_export_equals_seed(f.read())
    bad = os.path.join(d, "bad.csv")
    with open(bad, "wb") as f:
        f.write(BAD_CSV)
    rc, so, se = srv.gongkai("catalogue", "import", "--org", "zn-supervision", bad,
                             "--db", srv.db)
    eq(rc, 1)
    contains(se, "第3行第D列（公开方式）")
    contains(se, "未导入任何内容")
    eq(len(items(srv, "zn-supervision")), 5)
    rc, so, se = srv.gongkai("catalogue", "import", "--org", "zn-supervision", bad,
                             "--skip-bad-rows", "--db", srv.db)
    eq(rc, 0, se)
    # Appended after the five: the file's 序号 1 becomes 6.
    eq([(i["seq"], i["content"]) for i in items(srv, "zn-supervision")][5:],
       [(6, "公共场所监督检查结果")])
    # Seed 000's own layout: the export is the seed file byte for byte.
    rc, so, se = srv.gongkai("catalogue", "import", "--org", "zn-cdc", SEED,
                             "--list", "on_request", "--db", srv.db)
    eq(rc, 0, se)
    tsv = os.path.join(d, "seed.tsv")
    rc, so, se = srv.gongkai("catalogue", "export", "--org", "zn-cdc", "--list", "on_request",
                             "--format", "tsv", "--columns", SEED_COLUMNS, "--out", tsv,
                             "--db", srv.db)
    eq(rc, 0, se)
    with open(tsv, "rb") as f, open(SEED, "rb") as g:
        eq(f.read(), g.read())
    r = srv.client().get("/o/zn-cdc/catalogue/export?list=on_request&format=tsv&columns="
                         + urllib.parse.quote(SEED_COLUMNS))
    eq(r.status, 200)
    with open(SEED, "rb") as g:
        eq(r.body, g.read())
    r = srv.client().get("/o/zn-cdc/catalogue/export?format=tsv&columns="
                         + urllib.parse.quote("序号,页码"))
    eq(r.status, 400)
    contains(r.text, "无法识别的列名“页码”")
    xl = os.path.join(d, "out.xlsx")
    rc, so, se = srv.gongkai("catalogue", "export", "--org", "zn-supervision",
                             "--format", "xlsx", "--out", xl, "--db", srv.db)
    eq(rc, 0, se)
    rc, so, se = srv.gongkai("catalogue", "export", "--org", "zn-supervision",
                             "--format", "pdf", "--out", xl, "--db", srv.db)
    eq(rc, 2)
    rc, so, se = srv.gongkai("catalogue", "--help")
    eq(rc, 0)
    contains(so, "usage: gongkai catalogue")


def test_staff_home_panel(srv):
    c = srv.client()
    c.login("office")
    r = c.get("/staff")
    contains(r.text, "<h2>公开目录</h2>")
    contains(r.text, "依申请公开目录</a>（")
    d = srv.client()
    d.login("drafter")
    not_contains(d.get("/staff").text, "<h2>公开目录</h2>")
    ok(True)


def excel_style_xlsx():
    """A workbook shaped like Excel's: shared strings with rich-text runs and
    phonetic runs, sparse cells, an inline string, a formula with a cached
    string value, an empty row, entities and a numeric character ref."""
    import zipfile
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    sst = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<sst %s count="5" uniqueCount="5"><si><t>序号</t></si>'
           '<si><r><rPr><b/></rPr><t>类</t></r><r><t>别</t></r></si>'
           '<si><t xml:space="preserve"> 公开内容 </t><rPh sb="0" eb="1"><t>コウカイ</t></rPh></si>'
           '<si><t>公开形式</t></si><si><t>&#21355;生监督</t></si></sst>' % ns)
    sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             '<worksheet %s><dimension ref="A1:E3"/><sheetData>'
             '<row r="1" spans="1:5"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>'
             '<c r="C1" t="s"><v>2</v></c><c r="E1" t="s"><v>3</v></c></row>'
             '<row r="2"/>'
             '<row r="3"><c r="A3" s="1"><v>1</v></c><c r="B3" t="s"><v>4</v></c>'
             '<c r="C3" t="inlineStr"><is><t>内联 &amp; 文本</t></is></c>'
             '<c r="E3" t="str"><f>CONCAT("主动","公开")</f><v>主动公开</v></c></row>'
             '</sheetData></worksheet>' % ns)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        z.writestr("xl/workbook.xml", '<?xml version="1.0"?><workbook/>')
        z.writestr("xl/sharedStrings.xml", sst)
        z.writestr("xl/worksheets/sheet1.xml", sheet)
    return buf.getvalue()


def test_import_excel_style_xlsx(srv):
    d = tempfile.mkdtemp(prefix="gk-cat-")
    path = os.path.join(d, "excel.xlsx")
    with open(path, "wb") as f:
        f.write(excel_style_xlsx())
    rc, so, se = srv.gongkai("catalogue", "import", "--org", "zn-tcm", path, "--db", srv.db)
    eq(rc, 0, se)
    got = items(srv, "zn-tcm")
    eq([(i["seq"], i["level1"], i["content"], i["mode"]) for i in got],
       [(1, "卫生监督", "内联 & 文本", "proactive")])
    # An old binary .xls is refused with a clear message.
    xls = os.path.join(d, "old.xls")
    with open(xls, "wb") as f:
        f.write(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + b"\0" * 100)
    rc, so, se = srv.gongkai("catalogue", "import", "--org", "zn-tcm", xls, "--db", srv.db)
    eq(rc, 1)
    contains(se, "不支持旧版 Excel（.xls）文件")


def test_sitemap_lists_catalogue_pages(srv):
    r = srv.client().get("/sitemap.xml")
    eq(r.status, 200)
    contains(r.text, "/o/znwsj/catalogue</loc>")
    contains(r.text, "/o/zn-hospital/catalogue</loc>")


def test_document_form_offers_catalogue_items(srv):
    its = items(srv, "znwsj")
    jg = [i for i in its if i["level1"] == "机构信息"][0]
    c = srv.client()
    c.login("drafter")
    r = c.get("/staff/docs/new")
    eq(r.status, 200)
    contains(r.text, '<select id="f-catalogue_item_id" name="catalogue_item_id">'
                     '<option value="0">（无）</option><optgroup label="主动公开基本目录">')
    contains(r.text, '<option value="%d">2 规范性文件 · 本局制定的行政规范性文件</option>' % its[1]["id"])
    contains(r.text, '<optgroup label="负面清单">')
    r = c.post("/staff/docs/new", {"title": "机构职能调整的通知", "body": "正文",
                                   "mode": "proactive", "formed_date": "2026-11-20",
                                   "genre": "通知", "report_kind": "other",
                                   "catalogue_item_id": str(jg["id"])})
    eq(r.status, 303, r.text[:300])
    r = c.get(r.headers["location"])
    eq(r.status, 200)
    contains(r.text, "主动公开基本目录 · 机构信息 · 机构职能 · 机关职能、机构设置、办公地址、"
                     "办公时间、联系方式、负责人姓名")
