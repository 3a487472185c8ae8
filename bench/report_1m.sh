#!/bin/sh
# report_1m.sh — times `gongkai report show` for the bureau's subtree over
# one million applications (the demo database plus 1M generated rows spread
# over 2019-2025 and the five demo organisations), and checks that the
# computed report still passes every rule.  Run from the repository root;
# GONGKAI_BIN names the binary (default ./gongkai).  Needs python3.
GK=${GONGKAI_BIN:-./gongkai}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
export GONGKAI_KEY=0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f
"$GK" init --db "$TMP/gk.db" >/dev/null && "$GK" demo --db "$TMP/gk.db" >/dev/null || exit 1
python3 - "$TMP/gk.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("""
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i < 1000000)
INSERT INTO application(org_id, reg_no, tracking_hash, channel, applicant_type,
  applicant_name, id_kind, received_on, state, outcome, closed_on, created_at)
SELECT 1 + (i % 5), 'big-' || i, 'h' || i, 'online',
  CASE i % 6 WHEN 0 THEN 'natural_person' WHEN 1 THEN 'commercial'
    WHEN 2 THEN 'research' WHEN 3 THEN 'public_welfare'
    WHEN 4 THEN 'legal_service' ELSE 'other_org' END,
  'x', 'other', date('2019-01-01', '+' || (i % 2500) || ' days'), 'answered',
  CASE i % 4 WHEN 0 THEN 'results.granted' WHEN 1 THEN 'results.partial'
    WHEN 2 THEN 'results.denied.state_secret' ELSE 'results.other.other' END,
  date('2019-01-01', '+' || (i % 2500 + i % 40) || ' days'), '2020-01-01'
FROM n""")
db.commit()
db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
PY
for i in 1 2 3; do
  /usr/bin/time -f "report show --subtree 2022: %e s wall, %U s user, %S s sys" \
    "$GK" report show --db "$TMP/gk.db" --org znwsj --year 2022 --subtree >"$TMP/r.json"
done
"$GK" report check "$TMP/r.json" | tail -1
