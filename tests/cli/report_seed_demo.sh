#!/bin/sh
# report_seed_demo.sh — the demo's second agency (安泉县卫生健康局,
# src/cli/demo_seed_reports.c) regenerates two real published tables cell
# for cell: its 2020 report those of seed 001 (盐池县卫生健康局 2020, 2019
# format), its 2018 report the 统计表 of seed 004 (鄞州区卫生健康局 2018).
# The expected tables below are transcribed by hand from the seeds
# (/work/shared/seeds/001_*.txt and 004_*.txt), one line per row, the
# values in the format's column order, "-" for a cell the seed leaves blank
# or fills with "——".  Each report is compared twice: as published (its
# snapshot) and recomputed from the records (the report set back to
# 已提交); `report check` must find in its DOCX what it finds in the seed's
# own tables; then one record of each kind is removed from a copy of the
# database and the recomputed table must no longer match.
# Run from the repository root; GONGKAI_BIN names the binary.
suite=seeddemo
. tests/cli/common.inc
db="$dir/g.db"

"$BIN" init --db "$db" >/dev/null 2>&1
GONGKAI_KEY=$(printf '%064d' 7) "$BIN" demo --db "$db" >/dev/null 2>"$dir/demo.err"
ok "demo loads" [ $? -eq 0 ]

# One line per row: "table row v1 v2 …" in the JSON's (the format's) order.
flat() {  # flat DB YEAR > lines
  "$BIN" report show --db "$1" --org aqwsj --year "$2" --format json |
  python3 -c '
import json, sys
j = json.load(sys.stdin)
for t, rows in j["tables"].items():
    for r, cols in rows.items():
        vals = ["-" if v is None else ("%g" % v) for v in cols.values()]
        print(t, r, " ".join(vals))'
}

# Seed 001, 二、主动公开政府信息情况 and 三、四 (2019 format).  Table 二:
# 第二十条第（一）项 本年新制作/本年新公开/对外公开总数量; （五）（六） 上一年项目
# 数量/本年增减/处理决定数量; （八） 上一年项目数量/本年增减; （九） 采购项目数量/
# 采购总金额.  Table 三: the seed's rows are all 0 (some lines lost one cell
# in the seed's text; every row's 总计 is 0, so each cell is 0).  Table 四:
# 15 zeros.
cat >"$dir/want2020" <<'T'
t2_art20_1 regulations 0 0 0
t2_art20_1 normative_docs 0 0 0
t2_art20_5 licensing 0 0 0
t2_art20_5 other_services 44 0 73
t2_art20_6 penalty 160 5 27
t2_art20_6 coercion 8 0 0
t2_art20_8 admin_fees 0 0
t2_art20_9 central_procurement 0 0
t3 new 0 0 0 0 0 0 0
t3 carried_in 0 0 0 0 0 0 0
t3 results.granted 0 0 0 0 0 0 0
t3 results.partial 0 0 0 0 0 0 0
t3 results.denied.state_secret 0 0 0 0 0 0 0
t3 results.denied.law_forbidden 0 0 0 0 0 0 0
t3 results.denied.three_security_one_stability 0 0 0 0 0 0 0
t3 results.denied.third_party 0 0 0 0 0 0 0
t3 results.denied.internal_affairs 0 0 0 0 0 0 0
t3 results.denied.process_info 0 0 0 0 0 0 0
t3 results.denied.enforcement_file 0 0 0 0 0 0 0
t3 results.denied.admin_inquiry 0 0 0 0 0 0 0
t3 results.cannot_provide.not_held 0 0 0 0 0 0 0
t3 results.cannot_provide.needs_creation 0 0 0 0 0 0 0
t3 results.cannot_provide.still_unclear 0 0 0 0 0 0 0
t3 results.not_processed.petition_complaint 0 0 0 0 0 0 0
t3 results.not_processed.repeat 0 0 0 0 0 0 0
t3 results.not_processed.publication 0 0 0 0 0 0 0
t3 results.not_processed.mass_repeat 0 0 0 0 0 0 0
t3 results.not_processed.confirm_or_reissue 0 0 0 0 0 0 0
t3 results.other 0 0 0 0 0 0 0
t3 results.total 0 0 0 0 0 0 0
t3 carry_out 0 0 0 0 0 0 0
t4 cases 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0
T

# Seed 004, 附件2 政府信息公开情况统计表（2018年度）, row by row.
cat >"$dir/want2018" <<'T'
stat active.published 979
stat active.published.normative 33
stat active.published.normative_made 33
stat active.channels.gazette -
stat active.channels.website 979
stat active.channels.weibo 180
stat active.channels.wechat 639
stat active.channels.other -
stat response.hotspots 96
stat response.channels.press 1
stat response.channels.press.leader 0
stat response.channels.interviews 0
stat response.channels.interviews.leader 0
stat response.channels.interpretations 1
stat response.channels.weibo_wechat 1
stat response.channels.other 0
stat apply.received 2
stat apply.received.in_person 0
stat apply.received.fax 0
stat apply.received.online 2
stat apply.received.letter 0
stat apply.closed 2
stat apply.closed.on_time 2
stat apply.closed.extended 0
stat apply.answered -
stat apply.answered.already_public 0
stat apply.answered.granted 2
stat apply.answered.partial 0
stat apply.answered.denied 0
stat apply.answered.denied.state_secret 0
stat apply.answered.denied.commercial_secret 0
stat apply.answered.denied.privacy 0
stat apply.answered.denied.security 0
stat apply.answered.denied.not_gov_info 0
stat apply.answered.denied.other_law 0
stat apply.answered.not_this_org 0
stat apply.answered.not_exist 0
stat apply.answered.to_amend 0
stat apply.answered.other_channel 0
stat review 0
stat review.upheld 0
stat review.corrected 0
stat review.other 0
stat litigation 0
stat litigation.upheld 0
stat litigation.corrected 0
stat litigation.other 0
stat complaints 0
stat fees 0
stat staffing.offices 1
stat staffing.reading_points 1
stat staffing.staff 2
stat staffing.staff.full_time 0
stat staffing.staff.part_time 2
stat staffing.budget -
stat meetings.meetings 1
stat meetings.trainings 1
stat meetings.trainees 30
T

same() {  # same DB YEAR: the table equals want$YEAR
  flat "$1" "$2" >"$dir/got$2" 2>"$dir/err" && diff "$dir/want$2" "$dir/got$2" >"$dir/diff"
}
sql() {  # sql DB STATEMENT
  python3 -c 'import sqlite3, sys
c = sqlite3.connect(sys.argv[1]); c.execute(sys.argv[2]); c.commit()' "$1" "$2"
}

for y in 2020 2018; do
  same "$db" $y; r=$?
  [ $r -ne 0 ] && cat "$dir/diff" "$dir/err"
  ok "published $y report equals the seed's table" [ $r -eq 0 ]
  st=$(python3 -c 'import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
print(c.execute("SELECT r.status FROM report r JOIN org o ON o.id=r.org_id"
                " WHERE o.slug=\x27aqwsj\x27 AND r.year=" + sys.argv[2]).fetchone()[0])' "$db" $y)
  ok "$y report is published" [ "$st" = published ]
done

# The checker finds in the published reports what it finds in the seeds'
# own tables (tests/fixtures/report/seed00*.txt): seed 004's three blanks
# (S3, S10 gazette and other), nothing in seed 001's tables (its one
# violation is its text's 203 against table 二's 0, key 文字与表格).
findings() {  # findings FILE: "severity key" lines, sorted
  "$BIN" report check --json "$1" | python3 -c '
import json, sys
for f in json.load(sys.stdin)["findings"]:
    if f["key"] != "文字与表格":
        print(f["severity"], f["key"])' | sort
}
for y in 2020 2018; do
  "$BIN" report export --db "$db" --org aqwsj --year $y --format docx --out "$dir/r$y.docx"
  findings "$dir/r$y.docx" >"$dir/f$y"
done
findings tests/fixtures/report/seed001_yanchi_2020.txt >"$dir/s2020"
findings tests/fixtures/report/seed004_yinzhou_2018.txt >"$dir/s2018"
ok "checker: 2020 report as the seed 001 tables" cmp -s "$dir/f2020" "$dir/s2020"
n=$(wc -l <"$dir/s2018")
ok "checker: 2018 report as the seed 004 table (3 blanks)" \
  [ "$(cat "$dir/f2018")" = "$(cat "$dir/s2018")" -a "$n" -eq 3 ]

# From the records: the reports back to 已提交, so `report show` computes
# the numbers (with the hand-set cells) instead of reading the snapshot.
sql "$db" "UPDATE report SET status='submitted', snapshot=NULL WHERE org_id=(SELECT id FROM org WHERE slug='aqwsj')"
for y in 2020 2018; do
  same "$db" $y; r=$?
  [ $r -ne 0 ] && cat "$dir/diff" "$dir/err"
  ok "$y table recomputed from the records equals the seed's" [ $r -eq 0 ]
done

# One record fewer, one cell off.
AQ="(SELECT id FROM org WHERE slug='aqwsj')"
while IFS='|' read -r y what stmt; do
  cp "$db" "$dir/cut.db"
  sql "$dir/cut.db" "$stmt"
  same "$dir/cut.db" "$y"; r=$?
  ok "without $what the $y table differs" [ $r -ne 0 ]
done <<EOF2
2018|a 2018 document|DELETE FROM doc WHERE id=(SELECT max(id) FROM doc WHERE org_id=$AQ AND published_date LIKE '2018-%' AND report_kind='other')
2018|a normative document|DELETE FROM doc WHERE id=(SELECT max(id) FROM doc WHERE org_id=$AQ AND report_kind='normative')
2018|the interpretation|DELETE FROM doc WHERE org_id=$AQ AND genre='解读'
2018|a WeChat release|DELETE FROM doc_channel WHERE id=(SELECT max(c.id) FROM doc_channel c JOIN doc d ON d.id=c.doc_id WHERE d.org_id=$AQ AND c.channel LIKE '%微信%')
2018|a Weibo release|DELETE FROM doc_channel WHERE id=(SELECT max(c.id) FROM doc_channel c JOIN doc d ON d.id=c.doc_id WHERE d.org_id=$AQ AND c.channel LIKE '%微博%')
2018|an answered event|DELETE FROM opinion_response WHERE id=(SELECT max(r.id) FROM opinion_response r JOIN opinion_event e ON e.id=r.event_id WHERE e.org_id=$AQ)
2018|the online response|DELETE FROM opinion_response WHERE kind='online' AND event_id IN (SELECT id FROM opinion_event WHERE org_id=$AQ)
2018|the press briefing|DELETE FROM activity WHERE org_id=$AQ AND kind='press'
2018|the meeting|DELETE FROM activity WHERE org_id=$AQ AND kind='meeting'
2018|the training|DELETE FROM activity WHERE org_id=$AQ AND kind='training'
2018|an application|DELETE FROM application WHERE id=(SELECT max(id) FROM application WHERE org_id=$AQ)
2018|a hand-set cell|DELETE FROM report_override WHERE id=(SELECT max(id) FROM report_override WHERE cell='stat[staffing.offices][value]')
2018|a blank set by hand|DELETE FROM report_override WHERE cell='stat[apply.answered][value]'
2020|the 2020 penalty decisions|DELETE FROM report_register WHERE org_id=$AQ AND year=2020 AND kind='penalty' AND count>0
2020|the 2019 penalty items|DELETE FROM report_register WHERE org_id=$AQ AND year=2019 AND kind='penalty'
2020|the 2019 licensing items|DELETE FROM report_register WHERE org_id=$AQ AND year=2019 AND kind='licensing'
2020|the 2019 fee items|DELETE FROM report_register WHERE org_id=$AQ AND year=2019 AND kind='admin_fees'
2020|the 2019 coercion items|DELETE FROM report_register WHERE org_id=$AQ AND year=2019 AND kind='coercion'
2020|the 2019 other-services items|DELETE FROM report_register WHERE org_id=$AQ AND year=2019 AND kind='other_services'
2020|the other-services decisions|UPDATE report_register SET count=0 WHERE org_id=$AQ AND year=2020 AND kind='other_services'
2020|the expiry of a normative document|UPDATE doc SET validity='valid', validity_date=NULL WHERE id=(SELECT max(id) FROM doc WHERE org_id=$AQ AND report_kind='normative')
EOF2

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
