"""test_apply_public.py — the public application form as applicants use it.

The confirmation page repeats what was received (identity number masked);
names with a middle dot, Latin names, a description with line breaks and
emoji, and identity documents other than the resident card go through.
(A form posted twice is answered by the single-use form tokens,
src/http/form_once.c, and tested with them.)
"""
import re

from harness import contains, eq, not_contains, ok
from test_applications import APPLY, form

EMPTY_FILE = {"attachment": ("", b"", "application/octet-stream")}


def post(c, fields):
    return c.post(APPLY, fields, files=EMPTY_FILE, csrf_from=APPLY)


def done(c, r):
    eq(r.status, 303)
    p = c.get(r.headers["location"])
    eq(p.status, 200)
    no = re.search(r'id="reg-no">([^<]+)<', p.plain).group(1)
    code = re.search(r'id="tracking-code"><strong>([^<]+)<', p.plain).group(1)
    return p, no, code


def test_confirmation_shows_what_was_received(srv):
    c = srv.client()
    f = form(name="买买提・艾力", info_title="2025年城乡医疗救助资金分配表",
             info_description="第一行\r\n第二行😀")
    p, no, code = done(c, post(c, f))
    contains(p.plain, "买买提・艾力")
    contains(p.plain, "2025年城乡医疗救助资金分配表")
    contains(p.plain, "第二行😀")
    contains(p.plain, "纸质")
    contains(p.plain, "邮寄")
    # the identity number is not repeated in full
    not_contains(p.plain, form()["id_number"])


def test_confirmation_says_what_was_left_blank(srv):
    """A field left blank reads 未填写 on the confirmation, not an empty
    line a screen reader reads as nothing after its term."""
    c = srv.client()
    p, _, _ = done(c, post(c, form(info_doc_number="", info_description="")))
    contains(p.plain, "<dt>文号</dt><dd>未填写</dd>")
    contains(p.plain, '<dt>内容描述</dt><dd class="answer">未填写</dd>')
    contains(p.plain, "<dt>所需信息的名称</dt><dd>2024年中宁县基层医疗卫生机构基本药物采购目录</dd>")
    not_contains(p.plain, "<dd></dd>")


def test_other_identity_documents_accepted(srv):
    for kind, number in [("hk_macao_permit", "H12345678"),
                         ("taiwan_permit", "12345678"),
                         ("foreign_pr_id", "USA110085060512"),
                         ("passport", "E12345678")]:
        c = srv.client()
        r = post(c, form(id_kind=kind, id_number=number, name="Chan Tai Man"))
        eq(r.status, 303, kind)
    page = srv.client().get(APPLY).plain
    contains(page, "港澳居民来往内地通行证")
    contains(page, "台湾居民来往大陆通行证")
    contains(page, "外国人永久居留身份证")


def test_tracking_page_reads_like_the_confirmation(srv):
    """What the confirmation gave leads to the status: its link fills in the
    registration number, and the status page writes the dates as the
    confirmation did (年月日, Beijing), names the notices' section and says
    what each download button gives, also to a screen reader."""
    c = srv.client()
    p, no, code = done(c, post(c, form()))
    received = re.search(r"<dt>收到申请日期</dt><dd>([^<]+)<", p.plain).group(1)
    due = re.search(r"<dt>答复期限</dt><dd>([^<]+)<", p.plain).group(1)
    ok(re.match(r"^\d{4}年\d{1,2}月\d{1,2}日$", received), received)
    link = re.search(r'<a href="(/track[^"]*)">查询办理进度</a>', p.plain).group(1)
    eq(link, "/track?reg_no=" + no)
    form_page = srv.client().get(link)
    eq(form_page.status, 200)
    contains(form_page.plain, 'name="reg_no" value="%s"' % no)
    pub = srv.client()
    t = pub.post("/track", {"reg_no": no, "code": code}, csrf_from="/track")
    eq(t.status, 200)
    contains(t.plain, "<dt>收到申请日期</dt><dd>%s</dd>" % received)
    contains(t.plain, '<dd id="due">%s</dd>' % due)
    iso = re.search(r"\d{4}-\d{2}-\d{2}", t.plain)
    ok(not iso, "a date written %s" % (iso and iso.group(0)))
    contains(t.plain, "<h2>告知书</h2>")
    # The registration receipt: its viewing button and its Word button each
    # name the notice (WCAG 2.4.6); the Word one says it downloads Word.
    buttons = re.findall(r"<button[^>]*>[^<]*</button>", t.plain)
    word = [b for b in buttons if "Word" in b]
    eq(len(word), 1, buttons)
    contains(word[0], 'aria-label="下载Word版：政府信息公开申请登记回执')
    contains(word[0], ">下载Word版</button>")


def test_wrong_tracking_code_keeps_the_number_and_focuses_the_code(srv):
    """A wrong code: what was typed stays, and the code field has the cursor
    (autofocus, no script) to correct it."""
    c = srv.client()
    p, no, code = done(c, post(c, form()))
    t = srv.client().post("/track", {"reg_no": no, "code": "0" * 20}, csrf_from="/track")
    eq(t.status, 404)
    contains(t.plain, "登记号或查询码不正确")
    contains(t.plain, 'name="reg_no" value="%s"' % no)
    code_input = re.search(r'<input[^>]*name="code"[^>]*>', t.plain).group(0)
    contains(code_input, "autofocus")
    form_page = srv.client().get("/track")
    not_contains(form_page.plain, "autofocus")
