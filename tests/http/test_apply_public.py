"""test_apply_public.py — the public application form as applicants use it.

The confirmation page repeats what was received (identity number masked);
names with a middle dot, Latin names, a description with line breaks and
emoji, and identity documents other than the resident card go through.
(A form posted twice is answered by the single-use form tokens,
src/http/form_once.c, and tested with them.)
"""
import re

from harness import contains, eq, not_contains
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
