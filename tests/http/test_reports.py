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
    r = c.get("/staff/reports/zn-hospital/2021")
    eq(r.status, 200)
    # A public hospital (Art. 55) publishes no report of its own.
    contains(r.text, "本单位为公共企事业单位（《条例》第五十五条），不单独编制政府信息公开工作年度报告")
    r = c.post(BASE + "/text", {"s1": "x"}, csrf_from="/staff/reports")
    eq(r.status, 403)


def test_changing_one_result_moves_the_cells(srv):
    c = office(srv)
    before = c.get(BASE + "/export/json").json()["tables"]["t3"]
    # The outcome column itself (a closed application's result has no
    # interface that changes it).
    rows = srv.sql(
        "SELECT id FROM application WHERE org_id=(SELECT id FROM org WHERE slug='znwsj')"
        " AND applicant_type='natural_person' AND outcome='results.granted'"
        " AND closed_on BETWEEN '2021-01-01' AND '2021-12-31' ORDER BY id LIMIT 1")
    ok(rows, "no granted 2021 application in the demo")
    row = rows[0]
    srv.sql("UPDATE application SET outcome='results.denied.state_secret' WHERE id=?", row)
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
    srv.sql("UPDATE application SET outcome='results.granted' WHERE id=?", row)
    eq(c.get(BASE + "/export/json").json()["tables"]["t3"], before)


# The bureau's reports only: the demo's second agency (安泉县卫生健康局) has
# hand-set cells of its own (src/cli/demo_seed_reports.c).
OWN = (" WHERE report_id IN (SELECT r.id FROM report r JOIN org o"
       " ON o.id=r.org_id WHERE o.slug='znwsj')")


def test_override_needs_a_reason_and_is_logged(srv):
    c = office(srv)
    r = c.post(BASE + "/override", {"cell": "t3[new][natural_person]", "value": "30",
                                    "reason": " "}, csrf_from=BASE)
    eq(r.status, 400)
    contains(r.text, "请填写修改理由")
    eq(srv.sql("SELECT count(*) FROM report_override" + OWN)[0][0], 0)
    eq(c.get("/api/v1/reports/znwsj/2021").json()["status"], "none", "no report stored")
    r = c.post(BASE + "/override", {"cell": "t3[nope][total]", "value": "1",
                                    "reason": "x"}, csrf_from=BASE)
    eq(r.status, 400)
    r = c.post(BASE + "/override", {"cell": "t3[new][natural_person]", "value": "abc",
                                    "reason": "x"}, csrf_from=BASE)
    eq(r.status, 400)
    eq(srv.sql("SELECT count(*) FROM report_override" + OWN)[0][0], 0)
    r = c.post(BASE + "/override", {"cell": "t3[new][natural_person]", "value": "30",
                                    "reason": "纸质登记簿补录两件"}, csrf_from=BASE)
    eq(r.status, 303)
    eq(srv.sql("SELECT cell, value, reason FROM report_override" + OWN),
       [("t3[new][natural_person]", 300000, "纸质登记簿补录两件")])
    r = c.get(BASE)
    contains(r.text, 'data-cell="t3[new][natural_person]" class="num ov"')
    contains(r.text, 'title="人工调整，原因：纸质登记簿补录两件"')
    contains(r.text, "单元格修改记录")
    # The column and the row no longer add up: both rules name their cells.
    keys = re.findall(r'<li class="broken" data-key="([^"]+)"', r.text)
    eq(sorted(keys), ["R1[natural_person]", "R2[new]"])
    contains(r.text, "自然人列：一(30) + 二(1) = 31，但 三（七）总计(22) + 四(0) = 22"
                     "（左边 31，右边 22）")
    contains(r.text, '涉及单元格：一·自然人（<a href="#ov-1">人工调整</a>）、二·自然人、'
                     "三（七）总计·自然人、四·自然人")
    j = c.get(BASE + "/export/json").json()
    eq(j["tables"]["t3"]["new"]["natural_person"], 30)
    eq(j["reasons"]["t3[new][natural_person]"], "纸质登记簿补录两件")


def approve(srv, base=BASE):
    """The leader (领导) approves the draft for submission."""
    leader = srv.client()
    leader.login("leader")
    r = leader.post(base + "/approve", {}, csrf_from=base)
    eq(r.status, 303, "approve")


def test_final_refused_until_accepted(srv):
    c = office(srv)
    eq(c.post(BASE + "/text", {"s1": "草稿。"}, csrf_from=BASE).status, 303)
    # Submission needs the leader's approval; the office cannot give it.
    r = c.post(BASE + "/status", {"to": "submitted"}, csrf_from=BASE)
    eq(r.status, 409)
    contains(r.text, "须经领导审批")
    eq(c.post(BASE + "/approve", {}, csrf_from=BASE).status, 403)
    approve(srv)
    contains(c.get(BASE).text, "领导审批：已审批（刘局长，")
    # Submitting asks first (issue 15, bug 7): without confirm=1 nothing changes.
    r = c.post(BASE + "/status", {"to": "submitted"}, csrf_from=BASE)
    eq(r.status, 200)
    contains(r.text, "确认提交")
    contains(c.get(BASE).text, 'id="status">草稿<')
    r = c.post(BASE + "/status", {"to": "submitted", "confirm": "1"}, csrf_from=BASE)
    eq(r.status, 303)
    r = c.get(BASE)
    contains(r.text, 'id="status">已提交<')
    # Editing is closed while submitted.
    r = c.post(BASE + "/text", {"s1": "x"}, csrf_from=BASE)
    eq(r.status, 409)
    # Publishing asks for confirmation first.
    r = c.get(BASE)
    contains(r.text, 'href="/staff/reports/znwsj/2021?confirm=publish#confirm-publish"')
    contains(c.get(BASE + "?confirm=publish").text, "确认发布 2021 年度报告？")
    # A report that breaks a rule cannot be published, confirmed or not.
    r = c.post(BASE + "/status", {"to": "published"}, csrf_from=BASE)
    eq(r.status, 409)
    contains(r.text, "不能发布")
    r = c.post(BASE + "/status", {"to": "published", "confirm": "1"}, csrf_from=BASE)
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
    # The draft changed after the approval (accepts, text): approve again.
    contains(c.get(BASE).text, "领导审批：未审批")
    eq(c.post(BASE + "/status", {"to": "submitted"}, csrf_from=BASE).status, 409)
    approve(srv)
    eq(c.post(BASE + "/status", {"to": "submitted", "confirm": "1"}, csrf_from=BASE).status, 303)
    eq(c.post(BASE + "/status", {"to": "published", "confirm": "1"}, csrf_from=BASE).status, 303)
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
    eq(srv.sql("SELECT state, withdraw_reason FROM doc WHERE title LIKE '%2021 年政府信息公开工作年度报告'"),
       [("withdrawn", "年度报告撤回修改，修改后将重新发布")])
    approve(srv)     # back to draft cleared the approval
    eq(c.post(BASE + "/status", {"to": "submitted", "confirm": "1"}, csrf_from=BASE).status, 303)
    eq(c.post(BASE + "/status", {"to": "published", "confirm": "1"}, csrf_from=BASE).status, 303)
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
    ok(re.search(r"中宁县疾病预防控制中心</a></td><td[^>]*>未编制</td><td[^>]*></td>"
                 r"<td[^>]*>2026-01-31</td><td[^>]*>逾期 3 天</td>", r.text), "CDC row")
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
    # A year that is not four digits names no year (atoi would read
    # "2023年" and "2023abc" as 2023); full-width digits typed by hand are
    # digits ("２０２３" is 2023, below).
    for bad in ("2023abc", "4294969319", "23"):
        csv = "org,year,kind,count,amount\nznwsj,%s,penalty,40,0\n" % bad
        r = c.post(base + "/register-csv", {"csv": csv}, csrf_from=base)
        eq(r.status, 400, bad)
        contains(r.text, "第 2 行第 2 列（年度）：年度应为四位数字")
    csv = "org,year,kind,count,amount\nznwsj,２０２３,penalty,40,0\nzn-cdc,2023,licensing,9,0\n"
    r = c.post(base + "/register-csv", {}, files={"file": ("reg.csv", csv.encode(), "text/csv")},
               csrf_from=base)
    eq(r.status, 303)
    eq(c.get(base + "/export/json").json()["tables"]["t2_art20_6"]["penalty"]["decisions"], 40)
    # A public hospital (Art. 55) issues no licences and imposes no penalties:
    # its register refuses those figures, by form and by CSV; zeros pass.
    csv = "org,year,kind,count,amount\nzn-hospital,2023,licensing,5,0\n"
    r = c.post(base + "/register-csv", {"csv": csv}, csrf_from=base)
    eq(r.status, 400)
    contains(r.text, "不是行政机关")
    csv = "org,year,kind,count,amount\nzn-hospital,2023,licensing,0,0\n"
    eq(c.post(base + "/register-csv", {"csv": csv}, csrf_from=base).status, 303)
    s = c.get(base + "/export/json?scope=subtree").json()["tables"]
    # Of the units only the CDC (u=3) records decisions (3+u+4 in 2023, the
    # hospitals and the 卫生监督所 none); the CSV makes it 9.
    eq(s["t2_art20_5"]["licensing"]["decisions"], 12 + 9)


def register_rows(srv, slug, year):
    """{kind: (count, amount in 万元 × 10000, items)} of one unit's register."""
    rows = srv.sql("SELECT r.kind,r.count,r.amount,r.items FROM report_register r"
                   " JOIN org o ON o.id=r.org_id WHERE o.slug=? AND r.year=?",
                   (slug, year))
    return {k: (n, a, i) for k, n, a, i in rows}


def test_register_csv_hint_and_template(srv):
    """The form shows a Chinese example and the categories by name; the
    template is the unit's register as CSV (BOM, Chinese header) that
    imports again unchanged."""
    c = office(srv)
    base = "/staff/reports/znwsj/2019"
    bureau = srv.sql("SELECT name FROM org WHERE slug='znwsj'")[0][0]
    page = c.get(base).text
    form = page[page.index('action="' + base + '/register-csv"'):]
    form = form[:form.index("</form>")]
    contains(form, "<code>%s,2019,行政许可,222,0</code>" % bureau)
    contains(form, "行政许可、其他对外管理服务事项、行政处罚、行政强制、行政事业性收费、"
                   "政府集中采购")
    for code in ("licensing", "penalty", "admin_fees", 'translate="no"', "znwsj,"):
        not_contains(form, code)
    contains(form, 'href="%s/export/register"' % base)
    # no Latin word on screen but the file formats and programs people know
    # (the browser crawl's rule, tests/browser/layout.mjs)
    shown = re.sub(r"<[^>]*>", " ", form[form.index(">") + 1:])
    words = set(re.findall(r"[A-Za-z][A-Za-z0-9_.-]*", shown))
    eq(sorted(w for w in words if not re.search(r"\d", w)), ["CSV", "Excel", "WPS"])
    r = c.get(base + "/export/register")
    eq(r.status, 200)
    ok(r.headers["content-type"].startswith("text/csv"))
    ok(r.body.startswith("\ufeff单位,年度,类别,件数,金额（万元）,年末事项数\r\n".encode()))
    text = r.body.decode("utf-8-sig")
    # 2019 is in the 2019 format: six categories; the bureau's register
    # of the demo (demo_reports.c): licensing 180 with 12 事项 at year end,
    # other services 60 / 30, penalty 25 / 40, coercion 0 / 3, fees 1.25
    # 万元 / 1, procurement 2 projects 18.5 万元 without 事项
    for line in ("行政许可,180,0,12", "其他对外管理服务事项,60,0,30", "行政处罚,25,0,40",
                 "行政强制,0,0,3", "行政事业性收费,0,1.25,1", "政府集中采购,2,18.5,"):
        contains(text, "%s,2019,%s\r\n" % (bureau, line))
    eq(len(text.strip().split("\r\n")), 7)
    before = register_rows(srv, "znwsj", 2019)
    r = c.post(base + "/register-csv", {}, files={"file": ("t.csv", r.body, "text/csv")},
               csrf_from=base)
    eq(r.status, 303, r.text)
    eq(register_rows(srv, "znwsj", 2019), before)


def test_register_csv_as_saved_by_excel(srv):
    """A clerk's file: GBK bytes (Excel's plain "CSV" on Chinese Windows) with
    a Chinese header, organisations by their Chinese names, Chinese
    categories; a UTF-8 file with a BOM, quotes, full-width commas and
    digits; and a bad line that stores nothing."""
    c = office(srv)
    base = "/staff/reports/znwsj/2019"
    cdc = srv.sql("SELECT name FROM org WHERE slug='zn-cdc'")[0][0]
    bureau = srv.sql("SELECT name FROM org WHERE slug='znwsj'")[0][0]
    gbk = ("单位,年度,类别,件数,金额（万元）,年末事项数\r\n"
           "%s,2019,行政处罚,41,0,\r\n"
           "%s,2019,行政许可,17,0,6\r\n" % (bureau, cdc)).encode("gb18030")
    ok(gbk.decode("latin-1").encode("latin-1") == gbk and b"\xef\xbb\xbf" not in gbk)
    r = c.post(base + "/register-csv", {}, files={"file": ("登记.csv", gbk, "text/csv")},
               csrf_from=base)
    eq(r.status, 303, r.text)
    eq(register_rows(srv, "znwsj", 2019)["penalty"][:2], (41, 0))
    eq(register_rows(srv, "zn-cdc", 2019)["licensing"], (17, 0, 6))
    contains(c.get(r.headers["location"]).text, "共 2 行")
    # UTF-8 with a BOM, Excel's quotes, "1,234.5", typed full-width commas
    # and digits, trailing empty columns and a trailing empty line.
    utf8 = ("\ufeff单位,年度,类别,件数,金额（万元）\r\n"
            "\"%s\",\"=\"\"2019\"\"\",行政事业性收费,0,\"1,234.5\",,,\r\n"
            "%s，２０１９，行政强制，５，０\r\n\r\n" % (bureau, bureau)).encode()
    r = c.post(base + "/register-csv", {}, files={"file": ("reg.csv", utf8, "text/csv")},
               csrf_from=base)
    eq(r.status, 303, r.text)
    reg = register_rows(srv, "znwsj", 2019)
    eq(reg["admin_fees"][:2], (0, 12345000))
    eq(reg["coercion"][:2], (5, 0))
    # A bad third line (an organisation that does not exist) rejects the
    # file: the good second line is not stored either.
    before = srv.sql("SELECT kind,org_id,year,count,amount,items FROM report_register"
                     " ORDER BY kind,org_id,year")
    bad = ("单位,年度,类别,件数,金额（万元）\n%s,2019,行政处罚,99,0\n"
           "宁县不存在局,2019,行政许可,1,0\n" % bureau).encode("gb18030")
    r = c.post(base + "/register-csv", {}, files={"file": ("reg.csv", bad, "text/csv")},
               csrf_from=base)
    eq(r.status, 400)
    contains(r.text, "第 3 行第 1 列（单位）")
    contains(r.text, "单位不存在")
    after = srv.sql("SELECT kind,org_id,year,count,amount,items FROM report_register"
                    " ORDER BY kind,org_id,year")
    eq(after, before)
    # an unknown category names the Chinese ones; a unit outside the
    # office's reach by its Chinese name is refused
    r = c.post(base + "/register-csv", {"csv": "%s,2019,罚款,1,0" % bureau}, csrf_from=base)
    eq(r.status, 400)
    contains(r.text, "第 1 行第 3 列（类别）：类别无法识别")
    contains(r.text, "行政许可")
    not_contains(r.text, "licensing")
    aq = srv.sql("SELECT name FROM org WHERE slug LIKE 'aq%' ORDER BY id")[0][0]
    r = c.post(base + "/register-csv", {"csv": "%s,2019,行政许可,1,0" % aq}, csrf_from=base)
    eq(r.status, 400)
    contains(r.text, "无权登记该单位")
    # bytes that are neither UTF-8 nor GB18030: save as "CSV UTF-8"
    r = c.post(base + "/register-csv", {}, files={"file": ("reg.csv", b"znwsj,2019,\xff\xff,1,0",
                                                            "text/csv")}, csrf_from=base)
    eq(r.status, 400)
    contains(r.text, "CSV UTF-8")
    eq(srv.sql("SELECT kind,org_id,year,count,amount,items FROM report_register"
               " ORDER BY kind,org_id,year"), before)


def test_register_csv_kinds_follow_the_format_of_the_year(srv):
    """其他对外管理服务事项 and 政府集中采购 are rows of the 2019 format only
    (reports for 2019 and 2020); a line for a year before 2019 or after
    2020 that names one is refused and stores nothing, and neither the
    hint nor the template of such a year offers them."""
    c = office(srv)
    bureau = srv.sql("SELECT name FROM org WHERE slug='znwsj'")[0][0]
    base = "/staff/reports/znwsj/2019"
    before = srv.sql("SELECT kind,org_id,year,count,amount,items FROM report_register"
                     " ORDER BY kind,org_id,year")
    for year, kind in ((2018, "其他对外管理服务事项"), (2021, "政府集中采购"),
                       (2025, "其他对外管理服务事项")):
        r = c.post(base + "/register-csv", {"csv": "%s,%d,%s,3,0" % (bureau, year, kind)},
                   csrf_from=base)
        eq(r.status, 400, (year, kind))
        contains(r.text, "第 1 行第 3 列（类别）：%d年度的年度报告格式没有“%s”一项"
                 % (year, kind))
    eq(srv.sql("SELECT kind,org_id,year,count,amount,items FROM report_register"
               " ORDER BY kind,org_id,year"), before)
    # 2020 is in the 2019 format (a unit and year no other test reads)
    cdc = srv.sql("SELECT name FROM org WHERE slug='zn-cdc'")[0][0]
    r = c.post(base + "/register-csv", {"csv": "%s,2020,其他对外管理服务事项,3,0" % cdc},
               csrf_from=base)
    eq(r.status, 303, r.text)
    eq(register_rows(srv, "zn-cdc", 2020)["other_services"][:2], (3, 0))
    for year in (2018, 2025):
        text = c.get("/staff/reports/znwsj/%d/export/register" % year).body.decode("utf-8-sig")
        not_contains(text, "其他对外管理服务事项")
        not_contains(text, "政府集中采购")
        contains(text, "%s,%d,行政许可," % (bureau, year))


def test_report_year_in_the_path_is_four_digits(srv):
    c = office(srv)
    eq(c.get("/staff/reports/znwsj/2023").status, 200)
    for bad in ("2023abc", "4294969319", "02023", "%EF%BC%92%EF%BC%90%EF%BC%92%EF%BC%93"):
        eq(c.get("/staff/reports/znwsj/" + bad).status, 404, bad)
        eq(srv.client().get("/api/v1/reports/znwsj/" + bad).status, 404, bad)


def test_2019_table2_from_the_register(srv):
    """The 2019 format's 上一年项目数量 and 本年增/减 come from the 事项 numbers
    registered at year end, last year's carried over.  Demo (worked by hand
    from demo_reports.c): 2019 licensing 12, other services 30, penalty 40,
    coercion 3, fees 1; 2020 licensing 13 only.  So 2020: licensing 12 / +1,
    the others their 2019 number / 0; procurement 3 projects, 19.5 万元."""
    c = office(srv)
    base = "/staff/reports/znwsj/2020"
    t = c.get(base + "/export/json").json()["tables"]
    eq(t["t2_art20_5"]["licensing"], {"prev_items": 12, "delta": 1, "decisions": 187})
    eq(t["t2_art20_5"]["other_services"], {"prev_items": 30, "delta": 0, "decisions": 61})
    eq(t["t2_art20_6"]["penalty"]["prev_items"], 40)
    eq(t["t2_art20_6"]["penalty"]["delta"], 0)
    eq(t["t2_art20_8"]["admin_fees"], {"prev_items": 1, "delta": 0})
    eq(t["t2_art20_9"]["central_procurement"], {"count": 3, "amount": 19.5})
    page = c.get(base).text
    contains(page, 'name="items_penalty"')
    contains(page, 'name="procurement_amount"')
    # 38 penalty items at the end of 2020: 40 last year, so -2.
    r = c.post(base + "/register", {"penalty": "26", "items_penalty": "38"}, csrf_from=base)
    eq(r.status, 303)
    t = c.get(base + "/export/json").json()["tables"]
    eq(t["t2_art20_6"]["penalty"], {"prev_items": 40, "delta": -2, "decisions": 26})
    # the CSV's sixth column is the 事项 number; 2021 has no such cells but
    # the 2021 number would feed a 2022 report in the old format
    csv = "org,year,kind,count,amount,items\nznwsj,2020,coercion,1,0,5\n"
    r = c.post(base + "/register-csv", {"csv": csv}, csrf_from=base)
    eq(r.status, 303)
    t = c.get(base + "/export/json").json()["tables"]
    eq(t["t2_art20_6"]["coercion"], {"prev_items": 3, "delta": 2, "decisions": 1})
    r = c.post(base + "/register", {"penalty": "26", "items_penalty": "x"}, csrf_from=base)
    eq(r.status, 400)
    # the 2021 format has no such cells and no such fields
    not_contains(c.get("/staff/reports/znwsj/2021").text, 'name="items_penalty"')


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


def test_published_chart_is_frozen(srv):
    """A published report's chart shows its snapshot: after one more 2024
    application is registered, the public 2024 page's chart still shows
    the number of its table (both from the snapshot)."""
    c = srv.client()
    page = "/o/znwsj/reports/2024"

    def chart_and_table():
        t = c.get(page).text
        m = re.search(r"<title>2024 年新收 (\d+) 件</title>", t)
        ok(m, "no 2024 bar in the chart")
        return int(m.group(1))

    before = chart_and_table()
    snap = cli_json(srv, "znwsj", 2024)["tables"]["t3"]["new"]["total"]
    eq(before, snap, "chart and snapshot")
    rows = srv.sql(
        "SELECT id, received_on FROM application WHERE org_id=(SELECT id FROM org WHERE slug='znwsj')"
        " AND received_on BETWEEN '2023-01-01' AND '2023-12-31' ORDER BY id LIMIT 1")
    ok(rows, "no 2023 application in the demo")
    row = rows[0]
    srv.sql("UPDATE application SET received_on='2024-03-01' WHERE id=?", (row[0],))
    try:
        eq(chart_and_table(), before, "chart of a published report moved")
    finally:
        srv.sql("UPDATE application SET received_on=? WHERE id=?", (row[1], row[0]))


def test_published_page_passes_the_checker(srv):
    """The public page of a published report, saved as a reviewer would
    save it, passes the checker: the tables' rules, the format fits the
    year, and every count its text states equals its table."""
    c = office(srv)
    token = c.csrf("/staff/report-check")
    for year in (2024,):
        html = srv.client().get("/o/znwsj/reports/%d" % year).body
        r = c.request("POST", "/api/v1/reports/check", body=html,
                      headers={"Content-Type": "text/html", "X-CSRF-Token": token,
                               "Origin": "http://127.0.0.1:%d" % srv.port})
        eq(r.status, 200, str(year))
        j = json.loads(r.text)
        eq(j["kind"], "html")
        eq(j["year"], year)
        eq([f for f in j["findings"] if f["severity"] == "violation"], [], str(year))
        eq(j["exit"], 0, str(year))


def test_draft_follows_30hao(srv):
    """The draft of 一 has the five parts of 国办公开办函〔2021〕30号 and 六 the
    fees (109号), the 工作要点, the 建议提案 and other work; its numbers are
    the tables'."""
    c = office(srv)
    t = c.get("/staff/reports/znwsj/2023").text    # no stored report: the draft
    for part in ("（一）主动公开。", "（二）依申请公开。", "（三）政府信息管理。",
                 "（四）政府信息公开平台建设。", "（五）监督保障。",
                 "（一）信息处理费收取情况。依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）",
                 "（二）年度政务公开工作要点落实情况。",
                 "（三）人大代表建议和政协委员提案办理情况。", "（四）其他工作。"):
        contains(t, part)
    j = cli_json(srv, "znwsj", 2023)
    t3 = j["tables"]["t3"]
    contains(t, "办结的申请中予以公开 %d 件，部分公开 %d 件" %
             (t3["results.granted"]["total"], t3["results.partial"]["total"]))


def test_check_upload_and_api(srv):
    """The staff check page takes an uploaded file of any kind (found from
    the content: an HTML page named .pdf is read as HTML) and gives the
    same lines as the CLI; POST /api/v1/reports/check gives the findings
    as JSON for the file as the body."""
    c = office(srv)
    real = os.path.join(FIX, "real")
    html = open(os.path.join(real, "sh_bgt_2019.html"), "rb").read()
    r = c.post("/staff/report-check", {"report": ""},
               files={"file": ("年报.pdf", html, "application/pdf")},
               csrf_from="/staff/report-check")
    eq(r.status, 200)
    contains(r.text, 'enctype="multipart/form-data"')
    contains(r.text, 'data-exit="0"')
    contains(r.text, "文件：网页（HTML）")
    contains(r.text, "格式：2019")
    seed = open(os.path.join(FIX, "seed001_yanchi_2020.txt"), "rb").read()
    token = c.csrf("/staff/report-check")
    r = c.request("POST", "/api/v1/reports/check", body=seed,
                  headers={"Content-Type": "text/plain; charset=utf-8",
                           "X-CSRF-Token": token,
                           "Origin": "http://127.0.0.1:%d" % srv.port})
    eq(r.status, 200)
    j = json.loads(r.text)
    eq(j["exit"], 1)
    eq(j["format"], "2019")
    eq(j["year"], 2020)
    f = [x for x in j["findings"] if x["key"] == "文字与表格"]
    eq(len(f), 1)
    contains(f[0]["message"], "行政许可处理决定数量 203 件")
    eq(j["summary"]["violations"], 1)
    xlsx = open(os.path.join(real, "sh_bgt_2019.xlsx"), "rb").read()
    r = c.request("POST", "/api/v1/reports/check", body=xlsx,
                  headers={"Content-Type": "application/octet-stream",
                           "X-CSRF-Token": token,
                           "Origin": "http://127.0.0.1:%d" % srv.port})
    eq(r.status, 200)
    eq(json.loads(r.text)["kind"], "xlsx")
    r = c.request("POST", "/api/v1/reports/check", body=b"\xd0\xcf\x11\xe0\x00\x00",
                  headers={"Content-Type": "application/octet-stream",
                           "X-CSRF-Token": token,
                           "Origin": "http://127.0.0.1:%d" % srv.port})
    eq(r.status, 422)
    eq(json.loads(r.text)["error"]["code"], "invalid")
    contains(json.loads(r.text)["error"]["message"], "旧版 Word/Excel")
    # anonymous: refused
    r = srv.client().request("POST", "/api/v1/reports/check", body=seed,
                             headers={"Content-Type": "text/plain"})
    ok(r.status in (401, 403), "anonymous check: %d" % r.status)


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


def test_adjust_cell_by_clicking_it(srv):
    """人工调整 (issue 14): every computed cell of a draft links to a small
    form (computed value, new value, mandatory reason); the adjustment is
    shown with its reason, who and when, survives a recomputation, is
    checked by the 勾稽关系 rules, is audited, can be removed; a published
    report is frozen and refuses it with a message."""
    c = office(srv)
    base = "/staff/reports/znwsj/2022"
    cell = "t3[new][natural_person]"
    enc = "t3%5Bnew%5D%5Bnatural_person%5D"
    computed = c.get(base + "/export/json").json()["tables"]["t3"]["new"]["natural_person"]
    r = c.get(base)
    contains(r.text, 'class="ov-edit" href="%s/override?c=%s"' % (base, enc))
    contains(r.text, 'aria-label="人工调整 表三 一·自然人"')
    contains(r.text, "全部勾稽关系成立")
    # The form: the computed value, a new value, the reason (原因).
    r = c.get(base + "/override?c=" + enc)
    eq(r.status, 200)
    contains(r.text, '<dd id="computed">%d</dd>' % computed)
    contains(r.text, "原因（必填）")
    eq(c.get(base + "/override?c=t3%5Bnope%5D%5Btotal%5D").status, 404)
    # Without a reason: the form again with the message, nothing stored.
    r = c.post(base + "/override", {"cell": cell, "value": str(computed + 5),
                                    "reason": ""}, csrf_from=base + "/override?c=" + enc)
    eq(r.status, 400)
    contains(r.text, "请填写修改理由")
    contains(r.text, 'value="%d"' % (computed + 5))
    eq(c.get("/api/v1/reports/znwsj/2022").json()["status"], "none", "no report stored")
    # With a reason: stored, back to the report with what happened and what next.
    r = c.post(base + "/override", {"cell": cell, "value": str(computed + 5),
                                    "reason": "纸质登记簿补录五件"},
               csrf_from=base + "/override?c=" + enc)
    eq(r.status, 303)
    eq(r.headers["location"], base + "#adjusted")
    r = c.get(base)
    contains(r.text, "已将“一·自然人”人工调整为%d，原因已记录。请查看勾稽关系检查" % (computed + 5))
    contains(r.text, 'data-cell="%s" class="num ov" title="人工调整，原因：纸质登记簿补录五件"' % cell)
    contains(r.text, '<sup class="ov-mark"><a href="#ov-1">调1</a></sup>')
    m = re.search(r'<li id="ov-1" data-cell="t3\[new\]\[natural_person\]">(.*?)</li>', r.text)
    ok(m, "no footnote of the adjusted cell")
    contains(m.group(1), "<strong>表三 一·自然人</strong>：计算值 %d，调整为 <strong>%d</strong>。"
                         "原因：纸质登记簿补录五件（" % (computed, computed + 5))
    ok(re.search(r"（[^，]+，20\d\d年\d+月\d+日 \d\d:\d\d）", m.group(1)),
       "who and when (Beijing time) in the footnote")
    contains(m.group(1), "<button>恢复计算值</button>")
    # The 勾稽关系 check reads the adjusted value: column and row break.
    keys = sorted(re.findall(r'<li class="broken" data-key="([^"]+)"', r.text))
    eq(keys, ["R1[natural_person]", "R2[new]"])
    contains(r.text, '一·自然人（<a href="#ov-1">人工调整</a>）')
    eq(srv.sql("SELECT action, detail LIKE '%' || ? || ' ' || ? || '：纸质登记簿补录五件'"
               " FROM audit_log WHERE action LIKE 'report.override%' ORDER BY id DESC LIMIT 1",
               (cell, str(computed + 5)))[0], ("report.override", 1))
    # Recomputed from changed records, the draft keeps the adjustment
    # while the cells it does not cover move.
    total = c.get(base + "/export/json").json()["tables"]["t3"]["new"]["total"]
    rows = srv.sql(
        "SELECT id, received_on FROM application WHERE org_id=(SELECT id FROM org WHERE slug='znwsj')"
        " AND applicant_type='natural_person' AND received_on BETWEEN '2023-01-01' AND '2023-12-31'"
        " ORDER BY id LIMIT 1")
    ok(rows, "no 2023 application of a natural person in the demo")
    row = rows[0]
    srv.sql("UPDATE application SET received_on='2022-06-01' WHERE id=?", (row[0],))
    try:
        j = c.get(base + "/export/json").json()
        eq(j["tables"]["t3"]["new"]["natural_person"], computed + 5)
        eq(j["tables"]["t3"]["new"]["total"], total + 1)
        contains(c.get(base + "/override?c=" + enc).text, '<dd id="computed">%d</dd>' % (computed + 1))
    finally:
        srv.sql("UPDATE application SET received_on=? WHERE id=?", (row[1], row[0]))
    # 恢复计算值: the footnote and the findings go, the log keeps both.
    r = c.post(base + "/override", {"cell": cell, "remove": "1"}, csrf_from=base)
    eq(r.status, 303)
    r = c.get(base)
    contains(r.text, "已恢复“一·自然人”的计算值")
    not_contains(r.text, 'id="adjusted"')
    not_contains(r.text, 'class="num ov"')
    contains(r.text, "全部勾稽关系成立")
    eq(c.get(base + "/export/json").json()["tables"]["t3"]["new"]["natural_person"], computed)
    eq(srv.sql("SELECT count(*) FROM audit_log WHERE action='report.override.remove'")[0][0], 1)
    r = c.post(base + "/override", {"cell": cell, "remove": "1"}, csrf_from=base)
    eq(r.status, 409)
    contains(r.text, "该单元格没有人工调整")
    # A published report is frozen: no links, the form says why, the POST is refused.
    pub = "/staff/reports/znwsj/2024"
    not_contains(c.get(pub).text, 'class="ov-edit"')
    r = c.get(pub + "/override?c=" + enc)
    contains(r.text, "报告已发布，发布时的数据已固定，不能人工调整单元格")
    not_contains(r.text, "保存调整")
    n = srv.sql("SELECT count(*) FROM report_override")[0][0]
    r = c.post(pub + "/override", {"cell": cell, "value": "1", "reason": "更正"}, csrf_from=base)
    eq(r.status, 409)
    contains(r.text, "报告已发布，发布时的数据已固定，不能人工调整单元格。如需更正，请先将报告退回草稿")
    eq(srv.sql("SELECT count(*) FROM report_override")[0][0], n)
    # Someone without the report permission cannot open the form.
    h = srv.client()
    h.login("hosp-admin")
    eq(h.get(base + "/override?c=" + enc).status, 403)


def test_adjust_cell_through_the_api(srv):
    """The API calls the same action: adjust, read back, restore; a
    published report refuses it (409), bad input is 400."""
    c = office(srv)
    token = c.csrf("/staff/reports/znwsj/2022")
    hdr = {"Content-Type": "application/json", "X-CSRF-Token": token,
           "Origin": "http://127.0.0.1:%d" % srv.port}

    def post(year, body):
        return c.request("POST", "/api/v1/reports/znwsj/%d/override" % year,
                         body=json.dumps(body).encode(), headers=hdr)

    r = post(2022, {"cell": "t4[cases][review.upheld]", "value": 3, "reason": "复议台账补录"})
    eq(r.status, 200, r.text)
    j = json.loads(r.text)
    contains(j["message"], "人工调整为3")
    eq(j["report"]["tables"]["t4"]["cases"]["review.upheld"], 3)
    eq(j["report"]["reasons"]["t4[cases][review.upheld]"], "复议台账补录")
    eq(j["report"]["status"], "draft")
    r = post(2022, {"cell": "t4[cases][review.upheld]", "remove": True})
    eq(r.status, 200, r.text)
    ok("t4[cases][review.upheld]" not in json.loads(r.text)["report"].get("reasons", {}))
    eq(post(2022, {"cell": "t4[cases][review.upheld]", "value": "x", "reason": "y"}).status, 400)
    eq(post(2022, {"cell": "t4[cases][review.upheld]", "value": 1}).status, 400)
    r = post(2024, {"cell": "t4[cases][review.upheld]", "value": 1, "reason": "更正"})
    eq(r.status, 409)
    contains(r.text, "报告已发布")


def _ooxml(parts):
    """A deflated ZIP of (name, bytes) pairs, as bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts:
            z.writestr(name, data)
    return out.getvalue()


def test_check_refuses_hostile_packages(srv):
    """POST /api/v1/reports/check answers 422 with the reader's Chinese
    reason, and the server goes on, for packages made to exhaust it: one
    600,000-byte shared string in 20 cells (12,000,000 bytes, over the 8 MiB
    a sheet may hold), overlapping merged ranges, a UTF-16 billion-laughs
    document.xml, and a cell reference of row 0 under a merged range
    (which once wrote before the grid)."""
    c = office(srv)
    token = c.csrf("/staff/report-check")
    S = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    wb = ("xl/workbook.xml", '<workbook %s><sheets><sheet name="a" sheetId="1"/>'
          "</sheets></workbook>" % S)
    sst = ("xl/sharedStrings.xml", "<sst %s><si><t>%s</t></si></sst>" % (S, "x" * 600000))
    cells = "".join('<c r="%s1" t="s"><v>0</v></c>' % chr(65 + i) for i in range(20))
    shared = _ooxml([wb, sst, ("xl/worksheets/sheet1.xml",
                               '<worksheet %s><sheetData><row r="1">%s</row></sheetData>'
                               "</worksheet>" % (S, cells))])
    merges = _ooxml([wb, ("xl/worksheets/sheet1.xml",
                          '<worksheet %s><sheetData><row r="1"><c r="A1"><v>1</v></c></row>'
                          "</sheetData><mergeCells>%s</mergeCells></worksheet>"
                          % (S, '<mergeCell ref="A1:BL20000"/>' * 100))])
    laughs = "".join('<!ENTITY a%d "%s">' % (i, "&a%d;" % (i - 1) * 10) for i in range(1, 10))
    bomb = ('<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE d [<!ENTITY a0 "lol">%s]>'
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            "<w:body><w:p><w:r><w:t>&a9;</w:t></w:r></w:p></w:body></w:document>" % laughs)
    docx = _ooxml([("word/document.xml", bomb.encode("utf-16"))])
    for body, reason in ((shared, "XLSX 工作表中的文字过多（超过 8 MB），拒绝读取"),
                         (merges, "XLSX 中的合并单元格相互重叠或过多，拒绝读取"),
                         (docx, "文件中的 XML 含有实体声明，拒绝读取：word/document.xml")):
        r = c.request("POST", "/api/v1/reports/check", body=body,
                      headers={"Content-Type": "application/octet-stream",
                               "X-CSRF-Token": token,
                               "Origin": "http://127.0.0.1:%d" % srv.port})
        eq(r.status, 422, reason)
        eq(json.loads(r.text)["error"]["message"], reason)
    row0 = _ooxml([wb, ("xl/worksheets/sheet1.xml",
                        '<worksheet %s><sheetData><row r="1"><c r="A0"><v>7</v></c>'
                        '<c r="A1"><v>1</v></c></row></sheetData><mergeCells>'
                        '<mergeCell ref="A0:BL3"/></mergeCells></worksheet>' % S)])
    r = c.request("POST", "/api/v1/reports/check", body=row0,
                  headers={"Content-Type": "application/octet-stream", "X-CSRF-Token": token,
                           "Origin": "http://127.0.0.1:%d" % srv.port})
    ok(r.status in (200, 422), "row 0: %d" % r.status)
    eq(srv.client().get("/healthz").status, 200)
