"""test_report_exports.py — the annual report's files say what its page
says: every number of every table, in the same cells, in the JSON, CSV,
XLSX and DOCX exports, for the unit and for its subtree, in the 2021, 2019
and statistical formats; and the organisation's name, which for a year
before a renaming is the name the organ bore then, on the page and in the
files alike, whether or not the report is stored.
"""
import io
import re
import zipfile

from harness import contains, eq, not_contains, ok


def office(srv):
    c = srv.client()
    c.login("office")
    return c


def page_cells(html):
    """[(cell id, text)] of the data cells of a report page, in order
    ("" for a blank)."""
    out = []
    for m in re.finditer(r'<td data-cell="([^"]+)" class="num[^"]*"[^>]*>'
                         r'(?:<a [^>]*>)?(<span class="blank">)?([^<]*)', html):
        out.append((m.group(1).replace("&#91;", "[").replace("&#93;", "]"),
                    "" if m.group(2) else m.group(3)))
    return out


def num(text):
    """A cell's text as a number for comparison (None when blank)."""
    if text in ("", None):
        return None
    v = float(text)
    return int(v) if v == int(v) else round(v, 4)


def xlsx_numbers(body):
    """The numeric cells of the workbook's first sheet, in sheet order."""
    z = zipfile.ZipFile(io.BytesIO(body))
    sheet = z.read("xl/worksheets/sheet1.xml").decode()
    out = []
    for m in re.finditer(r'<c r="[A-Z]+\d+"( s="\d+")?( t="(\w+)")?>'
                         r'(?:<v>([^<]*)</v>)?', sheet):
        if m.group(3) is None and m.group(4) is not None:
            out.append(num(m.group(4)))
    return out


def docx_numbers(body):
    """The table cells of the document whose text is a number, in order."""
    z = zipfile.ZipFile(io.BytesIO(body))
    doc = z.read("word/document.xml").decode()
    out = []
    for tc in re.findall(r"<w:tc>(.*?)</w:tc>", doc, re.S):
        text = "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", tc)).strip()
        if re.fullmatch(r"-?\d+(\.\d+)?", text):
            out.append(num(text))
    return out


def check_files(c, base, q=""):
    r = c.get(base + q)
    eq(r.status, 200)
    cells = page_cells(r.text)
    ok(len(cells) > 20, "%s: the page's data cells were not found" % base)
    values = [num(t) for _, t in cells]
    # JSON and CSV: the same value for the same cell id.
    j = c.get(base + "/export/json" + q).json()
    csv = {}
    for line in c.get(base + "/export/csv" + q).text.splitlines()[1:]:
        f = line.split(",")
        csv["%s[%s][%s]" % (f[0], f[1], f[2])] = num(f[-1])
    for cid, text in cells:
        m = re.fullmatch(r"(\w+)\[([^\]]+)\]\[([^\]]+)\]", cid)
        eq(j["tables"][m.group(1)][m.group(2)][m.group(3)], num(text),
           "%s: JSON %s" % (base, cid))
        eq(csv.get(cid, "absent"), num(text), "%s: CSV %s" % (base, cid))
    # XLSX and DOCX: the same numbers in the same order (blank cells hold
    # no number in either).
    eq(xlsx_numbers(c.get(base + "/export/xlsx" + q).body),
       [v for v in values if v is not None], "%s: XLSX" % base)
    eq(docx_numbers(c.get(base + "/export/docx" + q).body),
       [v for v in values if v is not None], "%s: DOCX" % base)


def test_exports_show_the_page_numbers(srv):
    c = office(srv)
    for base, q in (("/staff/reports/znwsj/2022", ""),
                    ("/staff/reports/znwsj/2022", "?scope=subtree"),
                    ("/staff/reports/znwsj/2020", ""),
                    ("/staff/reports/znwsj/2018", "")):
        check_files(c, base, q)
    # The second agency's published seeds (2019 format, stat form).
    c = srv.client()
    c.login("aq-office")
    for base in ("/staff/reports/aqwsj/2020", "/staff/reports/aqwsj/2018"):
        check_files(c, base)


def test_files_bear_the_name_of_the_report_year(srv):
    """The demo bureau was 中宁县卫生和计划生育局 until 31 March 2019: its
    2018 report bears that name on the page and in its files, also once
    the report is stored (a cell adjusted by hand)."""
    c = office(srv)
    base = "/staff/reports/znwsj/2018"
    old, new = "中宁县卫生和计划生育局", "中宁县卫生健康局"

    def titles():
        contains(c.get(base).text, "<h1>%s 2018 年政府信息公开工作年度报告" % old)
        doc = zipfile.ZipFile(io.BytesIO(c.get(base + "/export/docx").body)) \
            .read("word/document.xml").decode()
        contains(doc, "%s 2018 年政府信息公开工作年度报告" % old)
        not_contains(doc, "%s 2018 年" % new)
        strings = zipfile.ZipFile(io.BytesIO(c.get(base + "/export/xlsx").body)) \
            .read("xl/sharedStrings.xml").decode()
        contains(strings, "%s 2018 年政府信息公开工作年度报告" % old)
        eq(c.get(base + "/export/json").json()["org"], old)

    titles()
    cell = "stat[complaints][value]"
    enc = "stat%5Bcomplaints%5D%5Bvalue%5D"
    r = c.post(base + "/override", {"cell": cell, "value": "0",
                                    "reason": "本年未收到举报投诉"},
               csrf_from=base + "/override?c=" + enc)
    eq(r.status, 303)
    titles()
