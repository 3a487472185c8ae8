"""test_feedback.py — what the staff pages say after an action (issue 15):
the message after the redirect names the record, what happened to it and
what comes next or who acts next; it is shown once (a reload does not show
it again), and the old ?saved=1 no longer makes a page say "已保存".
Registers, messages, the catalogue, the annual report and user
administration (src/web/feedback.c)."""
import datetime
import re

from harness import contains, eq, not_contains, ok
from lookup import dept_ids, message_id, org_id

FLASH = re.compile(r'<p class="notice ok flash" role="status" id="flash">([^<]+)</p>')


def login(srv, who):
    c = srv.client()
    c.login(who)
    return c


def flash_after(c, r):
    """The message on the page r redirects to; asserts a reload has none."""
    eq(r.status, 303, r.text[:300])
    loc = r.headers["location"]
    not_contains(loc, "saved=")
    not_contains(loc, "done=")
    page = c.get(loc.split("#")[0])
    eq(page.status, 200)
    m = FLASH.search(page.text)
    ok(m, "flash after redirect to " + loc)
    again = c.get(loc.split("#")[0])
    not_contains(again.text, 'id="flash"', "shown once")
    return m.group(1)


def test_opinion_event_says_the_clocks_and_the_next_step(srv):
    c = login(srv, "office")
    bureau = org_id(srv, "znwsj")
    found = datetime.datetime.utcnow() + datetime.timedelta(hours=8) - datetime.timedelta(hours=1)
    due = found + datetime.timedelta(hours=48)
    r = c.post("/staff/opinion", {"org": str(bureau), "title": "反馈测试舆情", "level": "other",
                                  "found_at": found.strftime("%Y-%m-%d %H:%M")},
               csrf_from="/staff/opinion?org=%d" % bureau)
    msg = flash_after(c, r)
    # Other public opinion: answered within 48 hours of being found.
    eq(msg, "舆情事件“反馈测试舆情”已登记，回应时限已开始计算，回应社会关切须在 %d年%d月%d日 %02d:%02d 前。"
            "下一步：按时限发布权威信息或举行新闻发布会，并在本页登记回应情况。"
       % (due.year, due.month, due.day, due.hour, due.minute))
    page = r.headers["location"]
    at = (found + datetime.timedelta(minutes=30)).strftime("%Y-%m-%d %H:%M")
    r = c.post(page, {"kind": "online", "at": at, "note": ""}, csrf_from=page)
    contains(flash_after(c, r), "舆情事件“反馈测试舆情”的回应已登记，网上回应（")


def test_message_transfer_names_the_department_and_the_deadline(srv):
    c = login(srv, "office")
    mid = message_id(c, org_id(srv, "znwsj"), "乡镇卫生院夜间值班问题")
    dept = dept_ids(c, mid)["政策法规科"]
    page = "/staff/messages/%d" % mid
    r = c.post(page, {"action": "transfer", "dept_id": str(dept)}, csrf_from=page)
    msg = flash_after(c, r)
    ok(re.fullmatch(r"留言“乡镇卫生院夜间值班问题”已转办，承办科室：政策法规科，答复期限为\d{4}年\d+月\d+日。"
                    r"下一步：政策法规科拟写答复后，在本页登记答复。", msg), msg)


def test_catalogue_item_update_says_which_public_item_changed(srv):
    c = login(srv, "office")
    bureau = org_id(srv, "znwsj")
    first = min(srv.client().get("/api/v1/catalogue?org=znwsj&list=proactive").json()["items"],
                key=lambda i: i["seq"])
    item, seq = first["id"], first["seq"]
    path = "/staff/catalogue/%d/items/%d" % (bureau, item)
    r = c.post(path, {"level1": "机构信息", "content": "反馈测试内容", "mode": "proactive",
                      "channel": "website"}, csrf_from=path)
    eq(flash_after(c, r), "目录事项“反馈测试内容”已更新。公开页面的主动公开基本目录第 %d 项已同步更新。" % seq)


def test_new_user_says_what_to_tell_the_person(srv):
    c = login(srv, "sysadmin")
    r = c.post("/admin/users/new", {"login": "fankui", "password": "long-enough-pw", "name": "张三",
                                    "org_id": "2", "dept_id": "0", "role": "drafter"},
               csrf_from="/admin/users/new")
    eq(flash_after(c, r), "用户“张三”已创建，初始密码已设置，登录名 fankui。"
                          "请将登录名和初始密码当面告知本人，本人登录后可在“修改密码”中更改。")
    path = r.headers["location"].split("#")[0]     # the new user's page
    ok(re.fullmatch(r"/admin/users/\d+", path), path)
    r = c.post(path, {"action": "disable"}, csrf_from=path)
    eq(flash_after(c, r), "用户“张三”已停用，登录名 fankui。其登录已退出，不能再登录；需要时可重新启用。")


def test_report_draft_names_who_approves_next(srv):
    c = login(srv, "office")
    base = "/staff/reports/znwsj/2022"
    r = c.post(base + "/text", {"s1": "反馈测试。"}, csrf_from=base)
    msg = flash_after(c, r)
    ok(re.fullmatch(r"《中宁县卫生健康局2022年政府信息公开工作年度报告》的文字部分已保存。"
                    r"下一步：待[^，。]*刘局长[^，。]*审批同意（草稿修改后须重新审批），再提交主管部门。", msg), msg)
    leader = login(srv, "leader")
    r = leader.post(base + "/approve", {}, csrf_from=base)
    eq(flash_after(leader, r), "《中宁县卫生健康局2022年政府信息公开工作年度报告》已经领导审批同意。"
                               "下一步：提交主管部门。草稿再有修改须重新审批。")


def test_saved_parameter_is_gone(srv):
    c = login(srv, "office")
    bureau = org_id(srv, "znwsj")
    for path in ("/staff/opinion?org=%d&saved=1" % bureau, "/staff/messages?org=%d&saved=1" % bureau,
                 "/staff/catalogue/%d?list=proactive&saved=1" % bureau,
                 "/staff/reports/znwsj/2022?done=text"):
        r = c.get(path)
        eq(r.status, 200, path)
        not_contains(r.text, "已保存</p>", path)
        not_contains(r.text, 'id="flash"', path)
