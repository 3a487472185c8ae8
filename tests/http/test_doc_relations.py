"""test_doc_relations.py — issue 15, related documents (相关文件): the
picker on the staff document page (search by a fragment of the title and
by 文号, 添加 per result, no id typed or shown), the relation on the public
pages of both documents, removal (confirmed), who may change relations in
which state, and the scope of what the picker offers (a unit's drafter
never sees the drafts of the organisation above; naming one is refused).

Demo data used: the bureau's (znwsj) published 《关于做好2026年秋冬季流感疫苗
接种工作的通知》 宁卫发〔2026〕15号 and 《关于印发中宁县2018年免疫规划工作要点的通知》
宁卫发〔2018〕12号, its draft 《关于开展2026年冬季流感防控工作的通知》."""
import html
import re
from urllib.parse import quote

from harness import contains, eq, not_contains, ok
from test_documents import act, client, new_doc, walk_to

DEMO = True

VACCINE = "关于做好2026年秋冬季流感疫苗接种工作的通知"
PLAN = "关于印发中宁县2018年免疫规划工作要点的通知"
BUREAU_DRAFT = "关于开展2026年冬季流感防控工作的通知"


def doc_id(srv, title):
    """The id of the bureau's document with this title, found as staff find
    it (the office's /staff/docs/lookup)."""
    r = client(srv, "office").get("/staff/docs/lookup?q=" + quote(title))
    eq(r.status, 200)
    ids = [d["id"] for d in r.json()["documents"] if d["title"] == title]
    eq(len(ids), 1, "documents titled %s" % title)
    return ids[0]


def section(text, ident):
    """The HTML of <section id=ident> (up to its end)."""
    m = re.search(r'<section id="%s".*?</section>' % ident, text, re.S)
    ok(m, "section %s missing" % ident)
    return m.group(0)


def candidates(text):
    """(title, the fields of its 添加 form) of every search result."""
    out = []
    for li in re.findall(r'<ul class="rel-list rel-candidates".*?</ul>', text, re.S):
        for item in re.findall(r"<li>(.*?)</li>", li, re.S):
            title = html.unescape(re.search(r'<span class="rel-title">(.*?)</span>', item).group(1))
            # The form's own fields (the client adds CSRF and one-time tokens).
            fields = dict((k, html.unescape(v)) for k, v in
                          re.findall(r'<input type="hidden" name="([a-z][a-z_]*)" value="([^"]*)"',
                                     item))
            out.append((title, fields))
    return out


def search(c, doc, q, kind="related"):
    r = c.get("/staff/docs/%d?rel_q=%s&rel_kind=%s" % (doc, quote(q), kind))
    eq(r.status, 200)
    return candidates(r.text)


def pick(c, doc, q, title, kind="related"):
    """Searches, then presses 添加 beside title, as a clerk would."""
    found = search(c, doc, q, kind)
    match = [f for t, f in found if t == title]
    ok(match, "%s not among the results for %r: %r" % (title, q, [t for t, _ in found]))
    fields = dict(match[0])
    r = c.post("/staff/docs/%d/relations" % doc, fields)
    eq(r.status, 303, r.text[:300])
    eq(r.headers["location"], "/staff/docs/%d#relations" % doc)
    return fields


def test_picker_by_title_and_number_then_public_pages_and_removal(srv):
    drafter = client(srv, "drafter")
    doc = new_doc(drafter, "关于相关文件测试的流感防控实施方案", formed="2026-11-20")
    page = drafter.get("/staff/docs/%d" % doc).text
    rel = section(page, "relations")
    contains(rel, "尚未关联其他文件")
    contains(rel, 'name="rel_q"')           # the search box, a plain GET form
    not_contains(rel, "编号")

    # A fragment of the title: the published notice and the bureau's draft.
    found = [t for t, _ in search(drafter, doc, "流感")]
    ok(VACCINE in found and BUREAU_DRAFT in found, found)
    ok("关于相关文件测试的流感防控实施方案" not in found, "the document itself is offered")
    # 文号 fragment: only the 2018 plan has 〔2018〕12号.
    found = [t for t, _ in search(drafter, doc, "〔2018〕12号")]
    eq(found, [PLAN])
    # One character: through the character index, still title or 文号 only.
    found = [t for t, _ in search(drafter, doc, "苗")]
    eq(found, [VACCINE])

    fields = pick(drafter, doc, "疫苗接种", VACCINE)
    eq(set(fields), {"action", "related_id", "kind"})   # nothing typed but the search
    eq(fields["kind"], "related")
    pick(drafter, doc, "宁卫发〔2018〕12号", PLAN, kind="repeals")
    rel = section(drafter.get("/staff/docs/%d" % doc).text, "relations")
    contains(rel, VACCINE)
    contains(rel, PLAN)
    contains(rel, "废止")
    # Already related: no longer offered; adding it again is refused.
    eq([t for t, _ in search(drafter, doc, "疫苗接种")], [])
    r = drafter.post("/staff/docs/%d/relations" % doc, fields)
    eq(r.status, 409)
    contains(r.text, "已经关联")

    # Public pages once published: both documents, both directions.
    walk_to(srv, doc, "published")
    anon = srv.client()
    pub = anon.get("/o/znwsj/d/%d" % doc).text
    m = re.search(r"<section class=\"related\" data-relations>.*?</section>", pub, re.S)
    ok(m, "no related documents on the public page")
    contains(m.group(0), VACCINE)
    contains(m.group(0), PLAN)
    contains(m.group(0), "宁卫发〔2018〕12号")
    plan_pub = anon.get("/o/znwsj/d/%d" % doc_id(srv, PLAN)).text
    m = re.search(r"<section class=\"related\" data-relations>.*?</section>", plan_pub, re.S)
    ok(m, "the repealed document does not show what repeals it")
    # PLAN is still recorded 有效: the other document states the repeal
    # (test_repeal_relation_tag_follows_the_recorded_validity).
    contains(m.group(0), "载明废止本文件")
    contains(m.group(0), "关于相关文件测试的流感防控实施方案")

    # The public API says the same.
    rel = anon.get("/api/v1/documents/%d" % doc).json()["related"]
    eq([(x["title"], x["kind"], x["direction"]) for x in rel],
       [(VACCINE, "related", "names"), (PLAN, "repeals", "names")])
    eq(rel[1]["doc_number"], "宁卫发〔2018〕12号")
    rel = anon.get("/api/v1/documents/%d" % doc_id(srv, PLAN)).json()["related"]
    eq([(x["id"], x["kind"], x["direction"]) for x in rel], [(doc, "repeals", "named_by")])

    # A published document's relations are the office's (PERM_DOC_MANAGE).
    remove = dict(fields, action="remove")
    eq(drafter.post("/staff/docs/%d/relations" % doc, remove).status, 403)
    office = client(srv, "office")
    r = office.post("/staff/docs/%d/relations" % doc, remove)
    eq(r.status, 200)                        # asks first
    contains(r.text, "确认移除")
    r = office.post("/staff/docs/%d/relations" % doc, dict(remove, confirm="1"))
    eq(r.status, 303)
    pub = anon.get("/o/znwsj/d/%d" % doc).text
    m = re.search(r"<section class=\"related\" data-relations>.*?</section>", pub, re.S)
    ok(m and VACCINE not in m.group(0) and PLAN in m.group(0), "removal not on the public page")


def test_scope_of_the_picker_and_refusals(srv):
    hosp = client(srv, "hosp-drafter")
    doc = new_doc(hosp, "医院流感防控工作安排", formed="2026-11-20")
    found = [t for t, _ in search(hosp, doc, "流感")]
    ok(VACCINE in found, "published documents of the organisation above are offered")
    ok(BUREAU_DRAFT not in found, "a unit sees the drafts of the organisation above")
    # Naming that draft anyway (a forged form) is refused.
    draft = doc_id(srv, BUREAU_DRAFT)
    r = hosp.post("/staff/docs/%d/relations" % doc,
                  {"action": "add", "related_id": str(draft), "kind": "related"})
    eq(r.status, 404)
    # No self-relation, no unknown kind, no missing choice.
    r = hosp.post("/staff/docs/%d/relations" % doc,
                  {"action": "add", "related_id": str(doc), "kind": "related"})
    eq(r.status, 400)
    r = hosp.post("/staff/docs/%d/relations" % doc,
                  {"action": "add", "related_id": str(doc_id(srv, VACCINE)), "kind": "x"})
    eq(r.status, 400)
    eq(hosp.post("/staff/docs/%d/relations" % doc, {"action": "add"}).status, 400)
    # Another organisation's document cannot be changed.
    bureau_doc = doc_id(srv, BUREAU_DRAFT)
    r = hosp.post("/staff/docs/%d/relations" % bureau_doc,
                  {"action": "add", "related_id": str(doc_id(srv, VACCINE)), "kind": "related"})
    ok(r.status in (403, 404), r.status)
    # A document in review: not changed (409), and the page offers no picker.
    drafter = client(srv, "drafter")
    review = doc_id(srv, "关于公布2026年度家庭医生签约服务团队名单的公告")
    r = drafter.post("/staff/docs/%d/relations" % review,
                     {"action": "add", "related_id": str(doc_id(srv, VACCINE)), "kind": "related"})
    eq(r.status, 409)
    not_contains(section(drafter.get("/staff/docs/%d" % review).text, "relations"), "rel_q")


def test_lookup_json_offers_published_documents_by_number(srv):
    drafter = client(srv, "drafter")
    r = drafter.get("/staff/docs/lookup?q=%s" % quote("宁卫发〔2026〕15号"))
    eq(r.status, 200)
    titles = [d["title"] for d in r.json()["documents"]]
    eq(titles, [VACCINE])
    r = drafter.get("/staff/docs/lookup?q=%s" % quote(" "))
    eq(r.status, 400)


# ---- labels true for the states of both documents --------------------------

def published(srv, title):
    doc = new_doc(client(srv, "drafter"), title, formed="2026-11-02")
    walk_to(srv, doc, "published")
    return doc


def set_validity(srv, doc, validity, day, replaced_by=0):
    fields = {"confirm": "1", "validity": validity, "validity_date": day}
    if replaced_by:
        fields["replaced_by_id"] = str(replaced_by)
    r = client(srv, "office").post("/staff/docs/%d/validity" % doc, fields)
    eq(r.status, 303, "%s: %s" % (validity, re.findall(r'notice error"[^>]*>([^<]*)', r.text)))


def replacement_line(srv, doc, other):
    """The text (tags stripped) of the line on doc's public page whose link
    leads to other, the document recorded as replacing it; "" if none."""
    r = srv.client().get("/o/znwsj/d/%d" % doc)
    eq(r.status, 200)
    m = re.search(r'<p[^>]*>([^<]*<a href="/o/znwsj/d/%d">[^<]*</a>[^<]*)</p>' % other, r.text)
    return html.unescape(re.sub(r"<[^>]+>", "", m.group(1))) if m else ""


def test_replacement_label_true_in_every_state_of_both(srv):
    """A repealed document named its replacement "现行文件" whatever the
    replacement's own state.  现行 (in force) is only true of a published,
    valid document; otherwise it is the 替代文件 with its own state said."""
    old = published(srv, "被替代的旧办法")
    new = published(srv, "替代旧办法的新办法")
    set_validity(srv, old, "repealed", "2026-11-10", new)
    eq(replacement_line(srv, old, new), "现行文件：替代旧办法的新办法")
    set_validity(srv, new, "amended", "2026-11-20")
    eq(replacement_line(srv, old, new), "替代文件：替代旧办法的新办法（已于2026-11-20修订）")
    set_validity(srv, new, "expired", "2026-11-25")
    eq(replacement_line(srv, old, new), "替代文件：替代旧办法的新办法（已于2026-11-25失效）")
    set_validity(srv, new, "repealed", "2026-11-26")
    eq(replacement_line(srv, old, new), "替代文件：替代旧办法的新办法（已于2026-11-26废止）")
    staff = client(srv, "office").get("/staff/docs/%d" % old).text
    not_contains(staff, "现行文件")
    contains(staff, "替代文件：")
    # Withdrawn: its notice page remains, and the line says so.
    eq(act(client(srv, "office"), new, "withdraw", "内容有误").status, 303)
    eq(replacement_line(srv, old, new), "替代文件：替代旧办法的新办法（已撤回）")
    not_contains(srv.client().get("/o/znwsj/d/%d" % old).text, "现行文件")
    # An amended document stays in force: the other one amends it.
    base = published(srv, "被修订的实施细则")
    amending = published(srv, "关于修订实施细则的决定")
    set_validity(srv, base, "amended", "2026-11-12", amending)
    eq(replacement_line(srv, base, amending), "修改本文件的文件：关于修订实施细则的决定")
    # The banner of each state reads as a sentence (本文件已已修订 before).
    for doc, banner in ((base, "本文件已修订（2026-11-12）"), (old, "本文件已废止（2026-11-10）")):
        for page in (srv.client().get("/o/znwsj/d/%d" % doc).text,
                     client(srv, "office").get("/staff/docs/%d" % doc).text):
            contains(page, banner)
            not_contains(page, "已已")


def test_repeal_relation_tag_follows_the_recorded_validity(srv):
    """"被以下文件废止" on a document still recorded 有效 contradicted its
    own 有效性 row (a relation does not change validity): until the
    repeal is recorded the tag says the other document states it."""
    target = published(srv, "拟被废止的暂行规定")
    repealing = published(srv, "关于废止暂行规定的通知")
    pick(client(srv, "office"), repealing, "拟被废止的暂行规定", "拟被废止的暂行规定", "repeals")
    page = srv.client().get("/o/znwsj/d/%d" % target).text
    contains(page, "有效")
    contains(page, '<span class="tag">载明废止本文件</span>')
    not_contains(page, "被以下文件废止")
    contains(section(client(srv, "office").get("/staff/docs/%d" % target).text, "relations"),
             "载明废止本文件")
    set_validity(srv, target, "repealed", "2026-11-15", repealing)
    page = srv.client().get("/o/znwsj/d/%d" % target).text
    contains(page, '<span class="tag">被以下文件废止</span>')
    # The repealing document's own page: the repealed one, with its state.
    page = srv.client().get("/o/znwsj/d/%d" % repealing).text
    contains(page, '<span class="tag">废止</span>')
    contains(page, "拟被废止的暂行规定</a>（已于2026-11-15废止）")
