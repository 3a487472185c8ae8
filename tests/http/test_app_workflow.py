"""test_app_workflow.py — the application workflow's duties and steps (issue 13 §4, §7).

One office user can register and draft, but can neither review nor approve
the answer he drafted; another person reviews, a third approves.  An answer
other than 予以公开 needs reasons and there is no default outcome.  Art.
36(四) and 36(五) are distinct answers with distinct letters, both counted
in row （四）1.  Withdrawal closes the case under （六）3; Art. 41 and Art.
43 steps are recorded in the history.  Every action has its own route with
its own permission.
"""
import re

from harness import contains, eq, not_contains, ok
from lookup import app_count, org_id
from test_applications import app_id, form, id_number


def register(c, name, id17, day="2026-03-02"):
    f = form(name=name, id_number=id_number(id17))
    f.update({"channel": "in_person", "event_day": day})
    r = c.post("/staff/applications/new", f, csrf_from="/staff/applications/new")
    if r.status == 303:  # registration redirects to its result page
        r = c.get(r.headers["location"])
    eq(r.status, 200, r.text[-800:])
    return app_id(c, re.search(r'id="reg-no">([^<]+)<', r.text).group(1))


def test_one_office_user_cannot_answer_alone(srv):
    office = srv.client()
    office.login("office")
    aid = register(office, "韩分权", "64052119800101001")
    at = "/staff/applications/%d" % aid
    # No default outcome: the select starts with an empty choice.
    page = office.get(at)
    contains(page.text, '<option value="">请选择</option>')
    r = office.post(at + "/draft", {"outcome": "", "decision_text": ""}, csrf_from=at)
    eq(r.status, 422)
    contains(r.text, "请选择办理结果")
    # A refusal answers with the case page itself, what was typed kept.
    r = office.post(at + "/draft", {"outcome": "", "decision_text": "拟答复：信息不存在",
                                    "other_organ": "县卫生健康局"}, csrf_from=at)
    eq(r.status, 422)
    contains(r.text, "未能保存：")
    contains(r.text, "申请 ")
    contains(r.text, ">拟答复：信息不存在</textarea>")
    contains(r.text, 'value="县卫生健康局"')
    # Reasons are required for anything but 予以公开.
    r = office.post(at + "/draft", {"outcome": "results.denied.process_info",
                                    "decision_text": ""}, csrf_from=at)
    eq(r.status, 422)
    contains(r.text, "予以公开以外的答复须写明理由")
    r = office.post(at + "/draft", {"outcome": "results.denied.process_info",
                                    "decision_text": "属于内部讨论记录"}, csrf_from=at)
    eq(r.status, 303)
    # The drafter (who holds the review and approval permissions) may not
    # review his own draft, and is not offered the form.
    page = office.get(at)
    not_contains(page.text, "/dept_review\"")
    contains(page.text, "须由其他人员审核、审批")
    r = office.post(at + "/dept_review", {"note": ""}, csrf_from=at)
    eq(r.status, 422)
    contains(r.text, "拟定答复的人员不能审核自己拟定的答复")
    # The department head reviews; the drafter still cannot approve.
    head = srv.client()
    head.login("depthead")
    # The review step is one form with one comment box and two buttons.
    page = head.get(at).text
    contains(page, 'action="/staff/applications/%d/dept_review"' % aid)
    contains(page, 'formaction="/staff/applications/%d/return"' % aid)
    eq(page.count('name="note"'), 1)
    r = head.post(at + "/dept_review", {"note": "同意"}, csrf_from=at)
    eq(r.status, 303)
    # The page says what happened and what comes next.
    contains(head.get(r.headers["location"]).text, "审核已通过。下一步：领导审批。")
    r = office.post(at + "/approve", {"confirm": "1", "answer_day": "2026-03-10"}, csrf_from=at)
    eq(r.status, 422)
    contains(r.text, "拟定答复的人员不能审批自己拟定的答复")
    # The drafter-role user has no approval permission at all (route: 403).
    drafter = srv.client()
    drafter.login("drafter")
    r = drafter.post(at + "/approve", {"confirm": "1", "answer_day": "2026-03-10"}, csrf_from=at)
    eq(r.status, 403)
    leader = srv.client()
    leader.login("leader")
    # 批准并答复 ends the case: the page asks first, naming the case and
    # the answer date, and nothing changes until the leader confirms.
    token = leader.csrf(at)
    r = leader.post(at + "/approve", {"_csrf": token, "answer_day": "2026-03-10"})
    eq(r.status, 200)
    contains(r.text, "请确认")
    contains(r.text, "2026年3月10日为答复日期")
    contains(r.text, "确认批准并答复")
    contains(r.text, 'name="answer_day" value="2026-03-10"')
    eq(srv.sql("SELECT state FROM application WHERE id=?", (aid,))[0][0], "awaiting_approval")
    r = leader.post(at + "/approve", {"confirm": "1", "answer_day": "2026-03-10"}, csrf_from=at)
    eq(r.status, 303)
    page = office.get(at)
    contains(page.text, '<dd id="state">已答复</dd>')
    contains(page.text, "刘局长")


def test_art36_4_and_36_5_are_distinct_answers(srv):
    office = srv.client()
    office.login("office")
    leader = srv.client()
    leader.login("leader")
    head = srv.client()
    head.login("depthead")
    ids = []
    for i, (choice, organ) in enumerate([
            ("results.cannot_provide.not_held", ""),
            ("results.cannot_provide.not_held.other_organ", "中宁县医疗保障局")]):
        aid = register(office, "钱不存%d" % i, "6405211980010200%d" % i)
        at = "/staff/applications/%d" % aid
        r = office.post(at + "/draft", {"outcome": choice, "decision_text": "经检索",
                                        "other_organ": organ,
                                        "other_organ_contact": "0955-5023456。"},
                        csrf_from=at)
        eq(r.status, 303, r.text[-600:])
        eq(head.post(at + "/dept_review", {}, csrf_from=at).status, 303)
        eq(leader.post(at + "/approve", {"confirm": "1", "answer_day": "2026-03-09"}, csrf_from=at).status, 303)
        ids.append(aid)
    l4 = office.get("/staff/applications/%d/letter" % ids[0]).text
    l5 = office.get("/staff/applications/%d/letter" % ids[1]).text
    contains(l4, "该政府信息不存在")
    contains(l4, "第三十六条第（四）项")
    not_contains(l4, "第（五）项")
    contains(l5, "不属于本机关负责公开")
    contains(l5, "中宁县医疗保障局")
    contains(l5, "负责公开该政府信息的机关为中宁县医疗保障局，联系方式：0955-5023456。")
    not_contains(l5, "。。")                          # the contact's own full stop dropped
    contains(l5, "第三十六条第（五）项")
    not_contains(l5, "该政府信息不存在")
    # Both count in row （四）1 of table 三.
    rc, out, err = srv.gongkai("applications", "year", "2026", "--org", "znwsj", "--db", srv.db)
    eq(rc, 0, err)
    m = re.search(r"t3 results\.cannot_provide\.not_held natural_person (\d+)", out)
    ok(m and int(m.group(1)) >= 2, out[-800:])


def test_art36_1_already_disclosed_is_its_own_answer_counted_as_granted(srv):
    # Art. 36(一): "所申请公开信息已经主动公开的，告知申请人获取该政府信息的
    # 方式、途径".  Its own answer, with the way and place the drafter gives;
    # the letter sends nothing and says where the information is; table 三
    # counts it in row （一）予以公开 (regulation.md §1.6: （一） ← Art.
    # 36(一)(二); the 2019 and 2021 formats have no row of their own for it).
    office = srv.client()
    office.login("office")
    head = srv.client()
    head.login("depthead")
    leader = srv.client()
    leader.login("leader")
    rc, out, err = srv.gongkai("applications", "year", "2026", "--org", "znwsj", "--db", srv.db)
    m = re.search(r"t3 results\.granted natural_person (\d+)", out)
    granted0 = int(m.group(1)) if m else 0
    aid = register(office, "孙已公开", "64052119800102011")
    at = "/staff/applications/%d" % aid
    page = office.get(at).text
    contains(page, '<option value="results.granted.already_public">'
                   '（一）予以公开（已主动公开，告知获取方式、途径）（《条例》第三十六条第（一）项）</option>')
    contains(page, '<option value="results.granted">（一）予以公开（《条例》第三十六条第（二）项）</option>')
    choice = {"outcome": "results.granted.already_public", "decision_text": ""}
    r = office.post(at + "/draft", choice, csrf_from=at)
    eq(r.status, 422)
    contains(r.text, "须写明获取该政府信息的方式、途径")
    # Typed as a sentence, with its full stop: the letter's sentence ends once.
    where = "中宁县卫生健康局门户网站“政府信息公开年报”栏目（http://www.example.gov.cn/xxgk/nb/）。"
    r = office.post(at + "/draft", dict(choice, obtain_at=where), csrf_from=at)
    eq(r.status, 303, r.text[-600:])
    eq(head.post(at + "/dept_review", {}, csrf_from=at).status, 303)
    eq(leader.post(at + "/approve", {"confirm": "1", "answer_day": "2026-03-09"}, csrf_from=at).status, 303)
    page = office.get(at).text
    contains(page, '<dd id="outcome">（一）予以公开（已主动公开，告知获取方式、途径）</dd>'
                   '<dt>法律依据</dt><dd>《条例》第三十六条第（一）项</dd>')
    contains(page, '<dd id="obtain-at">%s</dd>' % where)
    letter = office.get(at + "/letter").text
    contains(letter, "您申请获取的政府信息本机关已经主动公开。您可以通过以下方式、途径获取：%s。"
             % where[:-1])
    not_contains(letter, "。。")
    contains(letter, "依据：《条例》第三十六条第（一）项。")
    not_contains(letter, "随本告知书")
    not_contains(letter, "予以公开。")
    # The register and the API name the same answer as the case page.
    reg_no = re.search(r"<h1>申请 ([^<]+)</h1>", page).group(1)
    row = office.get("/staff/applications?f=all&q=" + reg_no).text
    contains(row, ">（一）予以公开（已主动公开，告知获取方式、途径）</td>")
    j = office.get("/api/v1/applications/%d" % aid).json()
    eq((j["outcome"], j["answer"], j["obtain_at"]),
       ("results.granted", "results.granted.already_public", where))
    # Counted once, in row （一）予以公开.
    rc, out, err = srv.gongkai("applications", "year", "2026", "--org", "znwsj", "--db", srv.db)
    eq(rc, 0, err)
    m = re.search(r"t3 results\.granted natural_person (\d+)", out)
    eq(int(m.group(1)), granted0 + 1, out[-800:])
    # An ordinary 予以公开 answer is Art. 36(二): the information is sent.
    aid2 = register(office, "孙提供", "64052119800102012")
    at2 = "/staff/applications/%d" % aid2
    eq(office.post(at2 + "/draft", {"outcome": "results.granted", "obtain_at": where},
                   csrf_from=at2).status, 303)
    eq(head.post(at2 + "/dept_review", {}, csrf_from=at2).status, 303)
    eq(leader.post(at2 + "/approve", {"confirm": "1", "answer_day": "2026-03-09"}, csrf_from=at2).status, 303)
    letter = office.get(at2 + "/letter").text
    contains(letter, "依据：《条例》第三十六条第（二）项。")
    not_contains(letter, where)                      # not an Art. 36(一) answer
    contains(letter, "随本告知书")


def test_demo_requests_for_the_bureaus_own_report(srv):
    # Seed 000, the bureau's own 2018 annual report, was proactively
    # disclosed: the bureau answers under Art. 36(一) (予以公开), never
    # "does not exist"; the other units refer the applicant to the bureau.
    office = srv.client()
    office.login("office")
    r = office.get("/api/v1/applications?f=")
    eq(r.status, 200)
    title = "2018年度中宁县卫生和计划生育局政府信息公开工作年度报告"
    seen = 0
    for a in r.json()["applications"]:
        if a["info_title"] != title or not a["outcome"] or a["closed_on"] is None:
            continue
        if a["outcome"].startswith("results.other."):
            continue
        seen += 1
        want = "results.granted" if a["org_name"].startswith("中宁县卫生") and \
            a["reg_no"].startswith("znwsj-") else "results.cannot_provide.not_held"
        eq(a["outcome"], want, a["reg_no"])
        if want == "results.granted":              # Art. 36(一), not (二)
            eq(a["answer"], "results.granted.already_public", a["reg_no"])
            contains(a["obtain_at"], "政府信息公开年报")
    ok(seen > 0, "no demo request for the 2018 report")


def app_id_any(c, reg_no):
    r = c.get("/api/v1/applications?f=")
    eq(r.status, 200)
    for a in r.json()["applications"]:
        if a["reg_no"] == reg_no:
            return a["id"]
    raise AssertionError("application %s not in the register" % reg_no)


def test_withdrawal_correction_request_and_assistance(srv):
    office = srv.client()
    office.login("office")
    aid = register(office, "孙撤回", "64052119800103001")
    at = "/staff/applications/%d" % aid
    r = office.post(at + "/assistance", {"on_day": "2026-03-02", "text": ""}, csrf_from=at)
    eq(r.status, 422)
    r = office.post(at + "/assistance", {"on_day": "2026-03-02",
                                         "text": "申请人视力障碍，工作人员代为填写并朗读申请内容"},
                    csrf_from=at)
    eq(r.status, 303)
    r = office.post(at + "/correction_request", {"on_day": "2026-03-03", "result": "corrected",
                                                 "text": "户籍信息中出生日期有误，提交了身份证"},
                    csrf_from=at)
    eq(r.status, 303)
    r = office.post(at + "/withdraw", {"confirm": "1", "on_day": "2026-03-04", "text": ""}, csrf_from=at)
    eq(r.status, 422)
    r = office.post(at + "/withdraw", {"confirm": "1", "on_day": "2026-03-04", "text": "申请人书面撤回"},
                    csrf_from=at)
    eq(r.status, 303)
    page = office.get(at + "?tab=history")
    contains(page.text, "提供必要帮助（第四十三条）")
    contains(page.text, "代为填写并朗读")
    contains(page.text, "更正请求（第四十一条）")
    contains(page.text, "审核属实，已予更正并告知申请人")
    contains(page.text, "申请人撤回申请")
    page = office.get(at)
    contains(page.text, "<dt>办结日期</dt><dd>2026-03-04</dd>")
    contains(page.text, "<dd id=\"outcome\">（六）3.其他</dd>")
    # A closed case takes no further draft.
    r = office.post(at + "/draft", {"outcome": "results.granted"}, csrf_from=at)
    eq(r.status, 422)
    contains(r.text, "该申请已办结")


def test_each_action_route_has_its_permission(srv):
    # A supervisor may view the register but takes no action: every action
    # route answers 403 before the handler runs.
    sup = srv.client()
    sup.login("inspector")
    office = srv.client()
    office.login("office")
    aid = register(office, "周路由", "64052119800104001")
    for act in ("assign", "event", "extend", "fee", "draft", "dept_review", "return",
                "approve", "withdraw", "correction_request", "assistance", "review",
                "review_decide", "recalc"):
        r = sup.post("/staff/applications/%d/%s" % (aid, act), {}, csrf_from="/staff")
        eq(r.status, 403, act)
    r = office.post("/staff/applications/%d/nonsense" % aid, {}, csrf_from="/staff")
    eq(r.status, 404)


def test_org_kind_decides_who_takes_applications(srv):
    # A public hospital (Art. 55) takes no Art. 33 applications: the form
    # explains why and points to the bureau; a posted form stores nothing.
    c = srv.client()
    r = c.get("/o/zn-hospital/apply")
    eq(r.status, 200)
    contains(r.text, "第五十五条")
    contains(r.text, 'href="/o/znwsj/apply"')
    not_contains(r.text, 'name="id_number"')
    r = c.post("/o/zn-hospital/apply", form(), csrf_from="/o/znwsj/apply")
    eq(r.status, 409)
    # The 卫生监督所 acts in the bureau's name: applications go to the bureau.
    r = c.get("/o/zn-supervision/apply")
    contains(r.text, "以其他行政机关的名义履行职能")
    # Staff registration for the hospital is refused by the action itself.
    office = srv.client()
    office.login("office")
    hosp = org_id(srv, "zn-hospital")
    n0 = app_count(srv, "znwsj"), app_count(srv, "zn-hospital")
    f = form(name="吴医院", id_number=id_number("64052119800105001"))
    f.update({"channel": "in_person", "event_day": "2026-03-02", "org_id": str(hosp)})
    r = office.post("/staff/applications/new", f, csrf_from="/staff/applications/new")
    if r.status == 303:  # registration redirects to its result page
        r = office.get(r.headers["location"])
    eq(r.status, 422)
    contains(r.text, "不受理政府信息公开申请")
    not_contains(office.get("/staff/applications/new").text, "中宁县人民医院</option>")
    eq((app_count(srv, "znwsj"), app_count(srv, "zn-hospital")), n0)
    # The administrator sets the kind; the 疾控中心 (Art. 54) takes them.
    admin = srv.client()
    admin.login("sysadmin")
    page = admin.get("/admin/orgs/%d" % hosp)
    contains(page.text, '<option value="public_enterprise" selected>公共企事业单位')
    contains(c.get("/o/zn-cdc/apply").text, 'name="id_number"')


def test_case_page_is_the_procedure(srv):
    # A stepper 登记 → 分办 → 办理 → 审核 → 答复 with the clock beside it, only
    # the next actions the procedure allows, the history in its own tab.
    office = srv.client()
    office.login("office")
    aid = register(office, "冯步骤", "64052119800109001")
    at = "/staff/applications/%d" % aid
    steps = lambda t: re.findall(r'<li class="(done|current|todo)"[^>]*>([^<]+)</li>',
                                 re.search(r'<ol class="stepper".*?</ol>', t, re.S).group(0))
    page = office.get(at).text
    eq(steps(page), [("done", "登记"), ("current", "分办"), ("todo", "办理"),
                     ("todo", "审核"), ("todo", "答复")])
    contains(page, '<p class="clock">期限：')
    contains(page, 'action="%s/draft"' % at)
    # The department as the assignment form offers it.
    dept = re.search(r'<option value="(\d+)"[^>]*>政策法规科</option>', page).group(1)
    eq(office.post(at + "/assign", {"dept_id": str(dept), "handler_id": "0"},
                   csrf_from=at).status, 303)
    eq([c for c, _ in steps(office.get(at).text)], ["done", "done", "current", "todo", "todo"])
    eq(office.post(at + "/draft", {"outcome": "results.granted"}, csrf_from=at).status, 303)
    head = srv.client()
    head.login("depthead")
    page = head.get(at).text
    eq([c for c, _ in steps(page)], ["done", "done", "done", "current", "todo"])
    # Under review: the decision is offered, no longer the draft or events.
    contains(page, 'action="%s/dept_review"' % at)
    not_contains(office.get(at).text, 'action="%s/draft"' % at)
    not_contains(office.get(at).text, 'action="%s/event"' % at)
    eq(head.post(at + "/dept_review", {}, csrf_from=at).status, 303)
    leader = srv.client()
    leader.login("leader")
    eq(leader.post(at + "/approve", {"confirm": "1", "answer_day": "2026-03-06"}, csrf_from=at).status, 303)
    page = office.get(at).text
    eq([c for c, _ in steps(page)], ["done"] * 5)
    # The history tab holds the history, the main tab does not.
    not_contains(page, 'id="history"')
    hist = office.get(at + "?tab=history").text
    contains(hist, 'id="history"')
    for s in ("拟定答复", "科室审核通过", "批准答复"):
        contains(hist, s)


def test_table_3_across_the_year_boundary(srv):
    # Table 三 of the 2019 format (国办公开办函〔2019〕60号, used for 2019
    # and 2020; report_formats.json): 一 本年新收 = received in the year;
    # 二 上年结转 = received earlier and not finished when the year began;
    # 三 本年度办理结果 = every case concluded in the year, whenever it was
    # received; 四 结转下年度继续办理 = not finished on 31 December; and
    # 一 + 二 = 三（七）+ 四.  A new unit with four cases, worked by hand:
    #   A received 2019-12-23, answered 2020-01-10 (予以公开)
    #   B received 2020-03-02, answered 2020-03-20 (予以公开, Art. 36(一))
    #   C received 2020-12-28, withdrawn 2021-01-05 (（六）其他处理)
    #   D received 2019-06-03, withdrawn 2019-06-10
    #   E received 2021-01-04, withdrawn 2021-01-06 (a withdrawal dated
    #     2020-12-30, before receipt, is refused: it would count E as
    #     concluded in 2020 and received in 2021, breaking both years)
    # 2019: 新收 2 (A, D), 上年结转 0, 其他处理 1 (D), 总计 1, 结转 1 (A).
    # 2020: 新收 2 (B, C), 上年结转 1 (A), 予以公开 2 (A, B), 总计 2, 结转 1 (C).
    # 2021 (2021 format): 新收 1 (E), 上年结转 1 (C), （六）3 其他 2 (C, E),
    #   总计 2, 结转 0.
    import json
    for args in (["org", "add", "--name", "中宁县跨年测试局", "--slug", "zn-kn",
                  "--kind", "department"],
                 ["user", "add", "--login", "kn_office", "--name", "跨年承办", "--org", "zn-kn",
                  "--roles", "office", "--password", "Kn-test-2026!"],
                 ["user", "add", "--login", "kn_head", "--name", "跨年审核", "--org", "zn-kn",
                  "--roles", "dept_head", "--password", "Kn-test-2026!"],
                 ["user", "add", "--login", "kn_leader", "--name", "跨年审批", "--org", "zn-kn",
                  "--roles", "approver", "--password", "Kn-test-2026!"]):
        rc, out, err = srv.gongkai(*args, "--db", srv.db)
        eq(rc, 0, err)

    def act(aid, action, user, *kv):
        rc, out, err = srv.gongkai("applications", "act", aid, action, "--user", user,
                                   "--db", srv.db, *kv)
        eq(rc, 0, "%s: %s" % (action, err))

    def new_case(name, id17, day):
        f = form(name=name, id_number=id_number(id17))
        f.update({"channel": "in_person", "event_day": day})
        rc, out, err = srv.gongkai("applications", "register", "--user", "kn_office",
                                   "--db", srv.db, *["%s=%s" % kv for kv in f.items()])
        eq(rc, 0, err)
        return re.search(r"\(id (\d+)\)", out).group(1)

    def answer(aid, choice, day, *kv):
        act(aid, "draft", "kn_office", "outcome=" + choice, *kv)
        act(aid, "dept_review", "kn_head")
        act(aid, "approve", "kn_leader", "answer_day=" + day)

    a = new_case("跨年甲", "64052119800103011", "2019-12-23")
    b = new_case("跨年乙", "64052119800103021", "2020-03-02")
    c = new_case("跨年丙", "64052119800103031", "2020-12-28")
    d = new_case("跨年丁", "64052119800103041", "2019-06-03")
    answer(a, "results.granted", "2020-01-10")
    answer(b, "results.granted.already_public", "2020-03-20", "obtain_at=本局门户网站")
    act(c, "withdraw", "kn_office", "on_day=2021-01-05", "text=书面撤回")
    act(d, "withdraw", "kn_office", "on_day=2019-06-10", "text=电话确认撤回")
    e = new_case("跨年戊", "64052119800103051", "2021-01-04")
    rc, out, err = srv.gongkai("applications", "act", e, "withdraw", "--user", "kn_office",
                               "--db", srv.db, "on_day=2020-12-30", "text=书面撤回")
    eq(rc, 1)
    contains(err, "撤回日期不能早于收到申请之日（2021-01-04）")
    act(e, "withdraw", "kn_office", "on_day=2021-01-06", "text=书面撤回")
    want = {
        2019: {"new": 1 + 1, "carried_in": 0, "results.other": 1, "results.total": 1,
               "carry_out": 1},
        2020: {"new": 2, "carried_in": 1, "results.granted": 2, "results.total": 2,
               "carry_out": 1},
        2021: {"new": 1, "carried_in": 1, "results.other.other": 2, "results.total": 2,
               "carry_out": 0},
    }
    s = srv.client()
    s.login("kn_office", "Kn-test-2026!")
    for year, rows in want.items():
        j = json.loads(s.get("/api/v1/reports/zn-kn/%d" % year).text)
        t3 = j["tables"]["t3"]
        for row, n in rows.items():
            eq(t3[row]["total"], n, "%d %s" % (year, row))
            eq(t3[row]["natural_person"], n, "%d %s" % (year, row))
        eq(sum(v["total"] for k, v in t3.items()
               if k.startswith("results.") and k != "results.total"), rows["results.total"],
           "%d: （七）总计 = the rows above it" % year)
        # The register's summary of the cases received in the year says the same.
        page = s.get("/staff/applications?f=%d" % year).text
        summary = page[page.find('id="year-summary"'):page.find("</table>", page.find('id="year-summary"'))]
        for label, row in (("一、本年新收", "new"), ("二、上年结转", "carried_in"),
                           ("三、（七）总计", "results.total"), ("四、结转下年度继续办理", "carry_out")):
            contains(summary, '<th scope="row">%s</th><td>%d</td>' % (label, rows[row]))
        rc, out, err = srv.gongkai("applications", "year", str(year), "--org", "zn-kn",
                                   "--db", srv.db)
        eq(rc, 0, err)
        contains(out, "%d 新收 %d 上年结转 %d 办结 %d 结转下年度 %d"
                 % (year, rows["new"], rows["carried_in"], rows["results.total"],
                    rows["carry_out"]))
