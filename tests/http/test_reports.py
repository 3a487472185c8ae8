"""test_reports.py — the annual report pages (issue 6).

The demo report of the bureau and of its subtree passes every rule and its
numbers equal `gongkai report show`; every number links to its records;
overriding a cell needs a reason, is logged and shown, and a broken rule
refuses publication until it is accepted with a reason that is printed in
section 六; the supervisor sees the units that have not submitted with the
days left to 31 January; changing one application's result moves exactly
the cells it should; the paste checker prints the same findings as
`gongkai report check`; published reports are public, others are not.
"""
import io
import json
import os
import re
import sqlite3
import zipfile

from harness import contains, eq, not_contains, ok

BASE = "/staff/reports/znwsj/2021"
HERE = os.path.dirname(os.path.abspath(__file__))
FIX = os.path.join(HERE, "..", "fixtures", "report")


def office(srv):
    c = srv.client()
    c.login("office")
    return c


def cli_json(srv, org, year, subtree=False):
    args = ["report", "show", "--db", srv.db, "--org", org, "--year", str(year)]
    if subtree:
        args.append("--subtree")
    rc, out, err = srv.gongkai(*args)
    eq(rc, 0, err)
    return json.loads(out)


def test_demo_report_passes_every_rule(srv):
    c = office(srv)
    for q in ("", "?scope=subtree"):
        r = c.get(BASE + q)
        eq(r.status, 200)
        contains(r.text, "全部勾稽关系成立")
        not_contains(r.text, 'class="broken"')
        contains(r.text, "三、收到和处理政府信息公开申请情况")
        contains(r.text, "<svg")
        eq(re.findall(r"<script(?![^>]*\bsrc=)", r.text), [], "inline script")
    # The narrative starts from a draft of the facts.
    r = c.get(BASE)
    contains(r.text, "本年新收政府信息公开申请 30 件，上年结转 2 件，本年办结 31 件，"
                     "结转下年度继续办理 1 件")
    contains(r.text, "本年作出行政许可处理决定 194 件、行政处罚处理决定 27 件、"
                     "行政强制处理决定 2 件，收取行政事业性收费 1.35 万元")
    # The page's JSON export equals the CLI's computation.
    for sub in (False, True):
        q = "?scope=subtree" if sub else ""
        page = c.get(BASE + "/export/json" + q).json()
        eq(page, cli_json(srv, "znwsj", 2021, sub))
    j = cli_json(srv, "znwsj", 2021)
    t3 = j["tables"]["t3"]
    eq(t3["new"]["total"], 30)
    eq(t3["carried_in"]["total"], 2)
    eq(t3["results.total"]["total"], 31)
    eq(t3["carry_out"]["total"], 1)
    # Register numbers of the demo (bureau, 2021: 180 + 7*2, 25 + 2, 2 % 3).
    eq(j["tables"]["t2_art20_5"]["licensing"]["decisions"], 194)
    eq(j["tables"]["t2_art20_6"]["penalty"]["decisions"], 27)
    eq(j["tables"]["t2_art20_6"]["coercion"]["decisions"], 2)
    eq(j["tables"]["t2_art20_8"]["admin_fees"]["amount_wan_yuan"], 1.35)
    s = cli_json(srv, "znwsj", 2021, True)
    eq(s["tables"]["t3"]["new"]["total"], 38)
    # Subtree licensing = bureau + the 疾控中心 (3+u+2 for u = 3); the
    # hospitals (Art. 55) and the 卫生监督所 (acting in the bureau's name)
    # record no decisions of their own.
    eq(s["tables"]["t2_art20_5"]["licensing"]["decisions"], 194 + 8)


def test_every_year_passes_with_the_previous_year(srv):
    for sub in (False, True):
        prev = None
        for y in range(2019, 2026):
            j = cli_json(srv, "znwsj", y, sub)
            path = os.path.join(srv.dir, "r%d%s.json" % (y, "s" if sub else ""))
            with open(path, "w") as f:
                json.dump(j, f, ensure_ascii=False)
            args = ["report", "check", path]
            if prev:
                args += ["--prev", prev]
            rc, out, err = srv.gongkai(*args)
            eq(rc, 0, "%d %s: %s" % (y, sub, out))
            contains(out, "结果：违反 0 处，警告 0 处，空白无法核对 0 处")
            prev = path


def test_drilldown_lists_the_records(srv):
    c = office(srv)
    r = c.get(BASE)
    contains(r.text, 'href="/staff/reports/znwsj/2021/cell?c=t3%5Bnew%5D%5Btotal%5D"')
    r = c.get(BASE + "/cell?c=t3%5Bnew%5D%5Btotal%5D")
    eq(r.status, 200)
    eq(re.search(r'id="n-records">(\d+)<', r.text).group(1), "30")
    eq(len(re.findall(r'href="/staff/applications/\d+"', r.text)), 30)
    # Table 四: every non-zero cell lists as many cases as it counts, each
    # with its case number (the demo's 2021 cases are litigation).
    t4 = c.get(BASE + "/export/json").json()["tables"]["t4"]
    cells = [(row, col, v) for row, cols in t4.items() for col, v in cols.items()
             if isinstance(v, int) and v > 0]
    ok(cells, "no reconsideration or litigation in the demo's 2021")
    for row, col, v in cells:
        r = c.get(BASE + "/cell?c=t4%%5B%s%%5D%%5B%s%%5D" % (row, col))
        eq(int(re.search(r'id="n-records">(\d+)<', r.text).group(1)), v, (row, col))
    contains(r.text, "行初第")
    eq(c.get(BASE + "/cell?c=t9%5Bx%5D%5By%5D").status, 404)
    # The per-record computation behind the drill-down gives the same
    # numbers as the grouped one, for every row of table 三 (总计 column).
    j = c.get(BASE + "/export/json").json()["tables"]["t3"]
    for row, cols in j.items():
        r = c.get(BASE + "/cell?c=t3%5B" + row + "%5D%5Btotal%5D")
        eq(int(re.search(r'id="n-records">(\d+)<', r.text).group(1)), cols["total"], row)


def test_hospital_cannot_see_the_bureau_report(srv):
    c = srv.client()
    c.login("hosp-admin")
    eq(c.get(BASE).status, 403)
    eq(c.get(BASE + "/export/json").status, 403)
    eq(c.get("/staff/reports/zn-hospital/2021").status, 200)
    r = c.post(BASE + "/text", {"s1": "x"}, csrf_from="/staff/reports")
    eq(r.status, 403)


def test_changing_one_result_moves_the_cells(srv):
    c = office(srv)
    before = c.get(BASE + "/export/json").json()["tables"]["t3"]
    db = sqlite3.connect(srv.db)
    row = db.execute(
        "SELECT id FROM application WHERE org_id=(SELECT id FROM org WHERE slug='znwsj')"
        " AND applicant_type='natural_person' AND outcome='results.granted'"
        " AND closed_on BETWEEN '2021-01-01' AND '2021-12-31' ORDER BY id LIMIT 1").fetchone()
    ok(row, "no granted 2021 application in the demo")
    db.execute("UPDATE application SET outcome='results.denied.state_secret' WHERE id=?", row)
    db.commit()
    after = c.get(BASE + "/export/json").json()["tables"]["t3"]
    for col in ("natural_person", "total"):
        eq(after["results.granted"][col], before["results.granted"][col] - 1)
        eq(after["results.denied.state_secret"][col],
           before["results.denied.state_secret"][col] + 1)
    changed = sorted((r, k) for r in before for k in before[r] if before[r][k] != after[r][k])
    eq(changed, [("results.denied.state_secret", "natural_person"),
                 ("results.denied.state_secret", "total"),
                 ("results.granted", "natural_person"),
                 ("results.granted", "total")])
    db.execute("UPDATE application SET outcome='results.granted' WHERE id=?", row)
    db.commit()
    db.close()
    eq(c.get(BASE + "/export/json").json()["tables"]["t3"], before)


def test_override_needs_a_reason_and_is_logged(srv):
    c = office(srv)
    r = c.post(BASE + "/override", {"cell": "t3[new][natural_person]", "value": "30",
                                    "reason": " "}, csrf_from=BASE)
    eq(r.status, 400)
    contains(r.text, "请填写修改理由")
    db = sqlite3.connect(srv.db)
    eq(db.execute("SELECT count(*) FROM report_override").fetchone()[0], 0)
    eq(db.execute("SELECT count(*) FROM report WHERE year=2021").fetchone()[0], 0)
    r = c.post(BASE + "/override", {"cell": "t3[nope][total]", "value": "1",
                                    "reason": "x"}, csrf_from=BASE)
    eq(r.status, 400)
    r = c.post(BASE + "/override", {"cell": "t3[new][natural_person]", "value": "abc",
                                    "reason": "x"}, csrf_from=BASE)
    eq(r.status, 400)
    eq(db.execute("SELECT count(*) FROM report_override").fetchone()[0], 0)
    r = c.post(BASE + "/override", {"cell": "t3[new][natural_person]", "value": "30",
                                    "reason": "纸质登记簿补录两件"}, csrf_from=BASE)
    eq(r.status, 303)
    eq(db.execute("SELECT cell, value, reason FROM report_override").fetchall(),
       [("t3[new][natural_person]", 300000, "纸质登记簿补录两件")])
    db.close()
    r = c.get(BASE)
    contains(r.text, 'data-cell="t3[new][natural_person]" class="ov"')
    contains(r.text, 'title="纸质登记簿补录两件"')
    contains(r.text, "单元格修改记录")
    # The column and the row no longer add up: both rules name their cells.
    keys = re.findall(r'<li class="broken" data-key="([^"]+)"', r.text)
    eq(sorted(keys), ["R1[natural_person]", "R2[new]"])
    contains(r.text, "自然人列：一(30) + 二(1) = 31，但 三（七）总计(22) + 四(0) = 22"
                     "（左边 31，右边 22）")
    contains(r.text, "涉及单元格：一·自然人、二·自然人、三（七）总计·自然人、四·自然人")
    j = c.get(BASE + "/export/json").json()
    eq(j["tables"]["t3"]["new"]["natural_person"], 30)
    eq(j["reasons"]["t3[new][natural_person]"], "纸质登记簿补录两件")


def test_final_refused_until_accepted(srv):
    c = office(srv)
    r = c.post(BASE + "/status", {"to": "submitted"}, csrf_from=BASE)
    eq(r.status, 303)
    r = c.get(BASE)
    contains(r.text, 'id="status">已提交<')
    # Editing is closed while submitted.
    r = c.post(BASE + "/text", {"s1": "x"}, csrf_from=BASE)
    eq(r.status, 409)
    r = c.post(BASE + "/status", {"to": "published"}, csrf_from=BASE)
    eq(r.status, 409)
    contains(r.text, "不能发布")
    eq(c.get("/o/znwsj/reports/2021").status, 404)
    r = c.post(BASE + "/status", {"to": "draft"}, csrf_from=BASE)
    eq(r.status, 303)
    # Accepting needs a reason and a real violation.
    r = c.post(BASE + "/accept", {"key": "R1[natural_person]", "reason": ""},
               csrf_from=BASE)
    eq(r.status, 400)
    r = c.post(BASE + "/accept", {"key": "R9[x]", "reason": "y"}, csrf_from=BASE)
    eq(r.status, 400)
    for k in ("R1[natural_person]", "R2[new]"):
        r = c.post(BASE + "/accept", {"key": k, "reason": "登记簿与系统口径不同"},
                   csrf_from=BASE)
        eq(r.status, 303)
    r = c.get(BASE)
    eq(re.findall(r'<li class="broken"', r.text), [])
    eq(len(re.findall(r'<li class="accepted"', r.text)), 2)
    r = c.post(BASE + "/text", {"s1": "本年总体情况。", "s5": "问题与改进。", "s6": "无。"},
               csrf_from=BASE)
    eq(r.status, 303)
    eq(c.post(BASE + "/status", {"to": "submitted"}, csrf_from=BASE).status, 303)
    eq(c.post(BASE + "/status", {"to": "published"}, csrf_from=BASE).status, 303)
    r = c.get("/o/znwsj/reports/2021")
    eq(r.status, 200)
    contains(r.text, "本年总体情况。")
    contains(r.text, "关于统计表数据不一致的说明（R1[natural_person]）：登记簿与系统口径不同")
    contains(r.text, "（七）总计")
    # The published report is also a document on the portal.
    m = re.search(r'索引号：<a href="(/o/znwsj/d/[^"]+)">', r.text)
    ok(m, "no portal document link")
    d = c.get(m.group(1))
    eq(d.status, 200)
    contains(d.text, "中宁县卫生健康局 2021 年政府信息公开工作年度报告")
    contains(d.text, "关于统计表数据不一致的说明")
    contains(d.text, "<table")
    # Back to draft: the report leaves the public pages, its document is
    # withdrawn with a public reason.
    eq(c.post(BASE + "/status", {"to": "draft"}, csrf_from=BASE).status, 303)
    eq(c.get("/o/znwsj/reports/2021").status, 404)
    db = sqlite3.connect(srv.db)
    eq(db.execute("SELECT state, withdraw_reason FROM doc WHERE title LIKE '%2021 年政府信息公开工作年度报告'").fetchall(),
       [("withdrawn", "年度报告撤回修改，修改后将重新发布")])
    db.close()
    eq(c.post(BASE + "/status", {"to": "submitted"}, csrf_from=BASE).status, 303)
    eq(c.post(BASE + "/status", {"to": "published"}, csrf_from=BASE).status, 303)
    # Publication, withdrawal and republication are all in the ledger.
    rc, out, err = srv.gongkai("ledger", "verify", "--db", srv.db)
    eq(rc, 0, out + err)
    r = c.get("/o/znwsj/reports")
    contains(r.text, 'href="/o/znwsj/reports/2021"')
    contains(r.text, 'href="/o/znwsj/reports/2024"')


def test_api_report(srv):
    c = srv.client()
    j = c.get("/api/v1/reports/znwsj/2024").json()
    eq(j["status"], "published")
    eq(j["format"], "2021")
    eq(j["year"], 2024)
    eq(j["tables"]["t2_art20_5"]["licensing"]["decisions"], 180 + 7 * 5)
    eq(c.get("/api/v1/reports/znwsj/2023").status, 404)
    eq(c.get("/api/v1/reports/nowhere/2023").status, 404)
    s = office(srv)
    j = s.get("/api/v1/reports/znwsj/2023?scope=subtree").json()
    eq(j["status"], "none")
    eq(j["scope"], "subtree")
    eq(j["tables"], cli_json(srv, "znwsj", 2023, True)["tables"])


def test_supervisor_sees_units_not_submitted(srv):
    c = srv.client()
    c.login("inspector")
    r = c.get("/staff/reports?year=2025&asof=2026-01-20")
    eq(r.status, 200)
    eq(re.search(r'id="days-left">(\d+)<', r.text).group(1), "11")
    # Of the bureau's units only the 疾控中心 (Art. 54) publishes a report:
    # the hospitals (Art. 55) and the 卫生监督所 (acting in the bureau's
    # name) have none and are not listed.
    eq(re.search(r'id="n-missing">(\d+)<', r.text).group(1), "1")
    contains(r.text, "中宁县疾病预防控制中心")
    not_contains(r.text, "中宁县人民医院")
    r = c.get("/staff/reports?year=2025&asof=2026-02-03")
    contains(r.text, '已超过 1 月 31 日 <strong id="days-left">3</strong> 天')
    contains(r.text, "中宁县疾病预防控制中心</a></td><td>未编制</td><td></td>"
                     "<td>2026-01-31</td><td>逾期 3 天</td>")
    # The inspector reads reports but cannot change them.
    eq(c.get("/staff/reports/zn-cdc/2025").status, 200)
    r = c.post("/staff/reports/zn-cdc/2025/text", {"s1": "x"}, csrf_from="/staff/reports")
    eq(r.status, 403)


def test_register_form_and_csv(srv):
    c = office(srv)
    base = "/staff/reports/znwsj/2023"
    r = c.post(base + "/register", {"licensing": "12", "penalty": "3", "coercion": "0",
                                    "admin_fees": "2.5"}, csrf_from=base)
    eq(r.status, 303)
    j = c.get(base + "/export/json").json()["tables"]
    eq(j["t2_art20_5"]["licensing"]["decisions"], 12)
    eq(j["t2_art20_8"]["admin_fees"]["amount_wan_yuan"], 2.5)
    r = c.post(base + "/register", {"licensing": "1.5"}, csrf_from=base)
    eq(r.status, 400)
    # A bad line rejects the whole import.
    csv = "org,year,kind,count,amount\nznwsj,2023,penalty,40,0\nznwsj,2023,fines,1,0\n"
    r = c.post(base + "/register-csv", {"csv": csv}, csrf_from=base)
    eq(r.status, 400)
    contains(r.text, "第 3 行")
    eq(c.get(base + "/export/json").json()["tables"]["t2_art20_6"]["penalty"]["decisions"], 3)
    csv = "org,year,kind,count,amount\nznwsj,2023,penalty,40,0\nzn-cdc,2023,licensing,9,0\n"
    r = c.post(base + "/register-csv", {}, files={"file": ("reg.csv", csv.encode(), "text/csv")},
               csrf_from=base)
    eq(r.status, 303)
    eq(c.get(base + "/export/json").json()["tables"]["t2_art20_6"]["penalty"]["decisions"], 40)
    s = c.get(base + "/export/json?scope=subtree").json()["tables"]
    # Of the units only the CDC (u=3) records decisions (3+u+4 in 2023, the
    # hospitals and the 卫生监督所 none); the CSV makes it 9.
    eq(s["t2_art20_5"]["licensing"]["decisions"], 12 + 9)


def test_exports_open(srv):
    c = office(srv)
    r = c.get("/staff/reports/znwsj/2022/export/docx")
    eq(r.status, 200)
    z = zipfile.ZipFile(io.BytesIO(r.body))
    eq(z.testzip(), None)
    doc = z.read("word/document.xml").decode()
    for label in ("第二十条第（一）项", "一、本年新收政府信息公开申请数量", "（七）总计",
                  "四、结转下年度继续办理", "行政复议", "未经复议直接起诉"):
        contains(doc, label)
    ok(doc.count("<w:tbl>") == 6, "six tables")
    r = c.get("/staff/reports/znwsj/2022/export/xlsx")
    eq(r.status, 200)
    z = zipfile.ZipFile(io.BytesIO(r.body))
    eq(z.testzip(), None)
    strings = z.read("xl/sharedStrings.xml").decode()
    contains(strings, "三、本年度办理结果")
    r = c.get("/staff/reports/znwsj/2022/export/csv")
    lines = r.text.splitlines()
    eq(lines[0], "table,row,column,row_label,column_label,value")
    ok("t3,new,total,一、本年新收政府信息公开申请数量,总计,%d" %
       cli_json(srv, "znwsj", 2022)["tables"]["t3"]["new"]["total"] in lines)
    eq(c.get("/staff/reports/znwsj/2022/export/pdf").status, 404)


def test_paste_checker_matches_cli(srv):
    c = office(srv)
    for name in ("seed001_yanchi_2020.txt", "2021_runtogether.txt", "2021_other_single.txt"):
        path = os.path.join(FIX, name)
        text = open(path, encoding="utf-8").read()
        rc, out, err = srv.gongkai("report", "check", path)
        r = c.post("/staff/report-check", {"report": text}, csrf_from="/staff/report-check")
        m = re.search(r'data-exit="(\d)">[^<]*</p><pre id="check-output">(.*?)</pre>', r.text, re.S)
        ok(m, "no checker output for " + name)
        eq(int(m.group(1)), rc, name)
        got = m.group(2).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">") \
            .replace("&quot;", '"').replace("&#39;", "'")
        eq(got, out, name)
    broken = open(os.path.join(FIX, "2021_pass.json"), encoding="utf-8").read()
    j = json.loads(broken)
    j["tables"]["t3"]["new"]["natural_person"] += 1
    r = c.post("/staff/report-check", {"report": json.dumps(j, ensure_ascii=False)},
               csrf_from="/staff/report-check")
    contains(r.text, 'data-exit="1"')
    contains(r.text, "违反 R1[natural_person]")
    r = c.post("/staff/report-check", {"report": "随便一段文字"}, csrf_from="/staff/report-check")
    eq(r.status, 422)
    contains(r.text, 'data-exit="2"')


def test_public_pages(srv):
    c = srv.client()
    r = c.get("/o/znwsj/reports/2024")
    eq(r.status, 200)
    contains(r.text, "一、总体情况")
    contains(r.text, "2024 年，本局认真贯彻落实")
    contains(r.text, '索引号：<a href="/o/znwsj/d/453629012/2025-00001">')
    d = c.get("/o/znwsj/d/453629012/2025-00001")
    eq(d.status, 200)
    contains(d.text, "三、收到和处理政府信息公开申请情况")
    not_contains(r.text, "/cell?c=")
    not_contains(r.text, "_csrf")
    eq(c.get("/o/znwsj/reports/2025").status, 404)
    eq(c.get("/o/zn-hospital/reports/2025").status, 404)
    r = c.get("/o/znwsj/reports/2024?format=docx")
    eq(r.status, 200)
    eq(zipfile.ZipFile(io.BytesIO(r.body)).testzip(), None)
    eq(c.get(BASE).status in (302, 303, 401), True)
