"""test_lawreview.py — an outside legal review of the letters (issue: letters
follow the law in force on the case's dates).

An application received before 2019-05-15 is handled under the 2007
Regulation (国务院令第492号; regulation.md §9): the letters of that case cite
its articles — extension under Art. 24 ¶2 (at most 15 working days), 更改、
补充 under Art. 21(四), third parties under Art. 23 (no 15-day limit), the
answer "不存在" under Art. 21(三) — never the 2019 numbering (Arts. 30–36).
Its answer of 2019-02 gives either remedy route, with six months to sue
(行政诉讼法 Art. 46, in force 2015-05-01), and no reconsideration first
(行政复议法 2023, from 2024-01-01 only).
"""
import re

from harness import contains, eq, not_contains
from test_app_notices import notices
from test_applications import app_id, form, id_number


def test_2007_regulation_case_letters_cite_its_articles(srv):
    office = srv.client()
    office.login("office")
    f = form(name="旧条例", id_number=id_number("64052119800106002"), delivery="pickup")
    # Received Mon 2019-01-07: 15 WD (old Art. 24 ¶2) -> 2019-01-28.
    f.update({"channel": "in_person", "event_day": "2019-01-07"})
    r = office.post("/staff/applications/new", f, csrf_from="/staff/applications/new")
    if r.status == 303:
        r = office.get(r.headers["location"])
    eq(r.status, 200, r.plain[-600:])
    reg = re.search(r'id="reg-no">([^<]+)<', r.plain).group(1)
    aid = app_id(office, reg)
    at = "/staff/applications/%d" % aid
    eq(office.post(at + "/event", {"kind": "correction_sent", "on_day": "2019-01-08",
                                   "limit_day": "2019-01-18",
                                   "text": "请写明文件年度"}, csrf_from=at).status, 303)
    eq(office.post(at + "/event", {"kind": "correction_received", "on_day": "2019-01-10",
                                   "text": ""}, csrf_from=at).status, 303)
    head = srv.client()
    head.login("officehead")
    eq(head.post(at + "/extend", {"on_day": "2019-01-30", "n_days": "15",
                                  "text": "需调取档案", "notified": "1"},
                 csrf_from=at).status, 303)
    eq(office.post(at + "/event", {"kind": "third_party_start", "on_day": "2019-02-01",
                                   "text": "某某公司"}, csrf_from=at).status, 303)
    eq(office.post(at + "/event", {"kind": "third_party_end", "on_day": "2019-02-12",
                                   "text": "不同意"}, csrf_from=at).status, 303)
    n = notices(office, aid)
    eq([t for _, t, _ in n], ["政府信息公开申请登记回执", "政府信息公开申请补正告知书",
                              "政府信息公开申请延期答复告知书", "政府信息公开征求第三方意见书"])
    receipt = office.get("%s/notices/%d" % (at, n[0][2])).plain
    not_contains(receipt, "第三十一条")
    corr = office.get("%s/notices/%d" % (at, n[1][2])).plain
    contains(corr, "国务院令第492号）第二十一条第（四）项")
    not_contains(corr, "第三十条")
    ext = office.get("%s/notices/%d" % (at, n[2][2])).plain
    contains(ext, "国务院令第492号）第二十四条第二款")
    contains(ext, "延长15个工作日")
    not_contains(ext, "第三十三条")
    tp = office.get("%s/notices/%d" % (at, n[3][2])).plain
    contains(tp, "国务院令第492号）第二十三条")
    not_contains(tp, "15个工作日")
    not_contains(tp, "第三十二条")
    # The answer: the information does not exist (old Art. 21(三)).
    eq(office.post(at + "/draft", {"outcome": "results.cannot_provide.not_held",
                                   "decision_text": "经检索未找到"}, csrf_from=at).status, 303)
    dh = srv.client()
    dh.login("depthead")
    eq(dh.post(at + "/dept_review", {}, csrf_from=at).status, 303)
    leader = srv.client()
    leader.login("leader")
    eq(leader.post(at + "/approve", {"confirm": "1", "answer_day": "2019-02-20"}, csrf_from=at).status, 303)
    letter = office.get(at + "/letter").plain
    contains(letter, "依据：《条例》（国务院令第492号）第二十一条第（三）项。")
    not_contains(letter, "第三十六条")
    contains(letter, "六个月内依法向人民法院提起行政诉讼")
    not_contains(letter, "先向")
    page = office.get(at).plain
    contains(page, "《条例》（国务院令第492号）第二十一条第（三）项")


def test_due_date_in_a_year_without_its_notice_is_qualified(srv):
    # Received Mon 2026-11-23: 20 WD -> Mon 2026-12-21 (covered: no caveat on
    # the receipt).  An extension of 20 WD: 12-22..25 (4), 12-28..31 (8),
    # [Fri 2027-01-01 元旦, fixed by law], 01-04..08 (13), 01-11..15 (18),
    # 01-18, 19 (20) -> 2027-01-19, a year whose holiday notice is not loaded:
    # the letter tells the applicant the date may move (春节 and 调休 unknown).
    office = srv.client()
    office.login("office")
    f = form(name="跨年度", id_number=id_number("64052119800106003"), delivery="pickup")
    f.update({"channel": "in_person", "event_day": "2026-11-23"})
    r = office.post("/staff/applications/new", f, csrf_from="/staff/applications/new")
    if r.status == 303:
        r = office.get(r.headers["location"])
    eq(r.status, 200, r.plain[-600:])
    aid = app_id(office, re.search(r'id="reg-no">([^<]+)<', r.plain).group(1))
    at = "/staff/applications/%d" % aid
    n = notices(office, aid)
    receipt = office.get("%s/notices/%d" % (at, n[0][2])).plain
    contains(receipt, "答复期限：2026年12月21日）")
    not_contains(receipt, "依法顺延")
    head = srv.client()
    head.login("officehead")
    eq(head.post(at + "/extend", {"on_day": "2026-12-01", "n_days": "20",
                                  "text": "需协调", "notified": "1"},
                 csrf_from=at).status, 303)
    n = notices(office, aid)
    ext = office.get("%s/notices/%d" % (at, n[-1][2])).plain
    contains(ext, "至2027年1月19日（如遇2027年法定节假日调整，依法顺延）。")
