#!/bin/sh
# test_upgrade.sh — an installation made by an older version upgrades: the
# schema-7 database of tests/fixtures/upgrade (documents, ledger,
# applications, registers, reports) is migrated by the current binary;
# every row of every table that holds records is still there with the same
# content, the ledger verifies, the file is sound, and the records answer
# through the current commands.  Ends with "cli-upgrade: N passed, N failed".
suite=upgrade; . tests/cli/common.inc
db=$dir/old.db
export GONGKAI_CONFIG=none

gunzip -c tests/fixtures/upgrade/schema7-demo.db.gz > "$db"

# A digest of every record table: per table its row count and a hash of
# its rows in primary-key order (search tables, which migrations rebuild,
# and SQLite's own are left out; doc_ledger without its content column).
digest() {
  python3 - "$1" <<'PY'
import hashlib, sqlite3, sys
sys.path.insert(0, "tests/http")
from harness import gk_text
db = sqlite3.connect(sys.argv[1])
db.create_function("gk_text", 1, gk_text)
names = [r[0] for r in db.execute(
    "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
    "AND name NOT LIKE 'search%' AND name <> 'schema_migration' ORDER BY name")]
for t in names:
    cols = [r[1] for r in db.execute("PRAGMA table_info(%s)" % t)]
    # Migration 0101 leaves the newest version's content to the document
    # (the ledger verifies below); every other column stays as it was.
    if t == "doc_ledger": cols.remove("content")
    # Migration 0104 stores a long body packed: its text must be the same.
    if t == "doc": cols[cols.index("body")] = "gk_text(body)"
    h = hashlib.sha256()
    n = 0
    for row in db.execute("SELECT %s FROM %s ORDER BY rowid" % (",".join(cols), t)):
        h.update(repr(row).encode()); n += 1
    print(t, n, h.hexdigest()[:16], ",".join(cols))
PY
}
digest "$db" > "$dir/before"
ok "fixture is schema 7" [ "$(python3 -c 'import sqlite3,sys;print(sqlite3.connect(sys.argv[1]).execute("select max(version) from schema_migration").fetchone()[0])' "$db")" = 7 ]
ok "fixture holds documents, applications, registers and reports" \
  python3 -c 'import sqlite3,sys
d=sqlite3.connect(sys.argv[1])
assert all(d.execute("select count(*) from %s" % t).fetchone()[0] > 0 for t in ["doc","doc_ledger","application","application_event","message","proposal","report","catalogue_item"])' "$db"

"$BIN" migrate --db "$db" > "$dir/out" 2>&1
ok "migrate succeeds" grep -q "schema version 7 ->" "$dir/out"
digest "$db" > "$dir/after"
# Every table of before is in after with the same rows, unless a later
# migration added columns (then the count must still match).
python3 - "$dir/before" "$dir/after" > "$dir/cmp" <<'PY'
import sys
def load(p):
    return {l.split()[0]: l.split()[1:] for l in open(p)}
b, a = load(sys.argv[1]), load(sys.argv[2])
bad = 0
for t, (n, h, cols) in b.items():
    if t not in a:
        print("missing table", t); bad += 1; continue
    n2, h2, cols2 = a[t]
    if n2 != n:
        print("row count changed", t, n, n2); bad += 1
    elif cols2 == cols and h2 != h:
        print("rows changed", t); bad += 1
print("checked", len(b), "tables;", bad, "problems")
PY
ok "every record kept ($(tail -1 "$dir/cmp"))" grep -q " 0 problems" "$dir/cmp"
grep -v "problems" "$dir/cmp" | head -5
"$BIN" ledger verify --db "$db" > "$dir/out" 2>&1
ok "ledger verifies after the upgrade" grep -q "chain intact" "$dir/out"
"$BIN" backup --db "$db" --to "$dir/copy.db" > /dev/null 2>&1
"$BIN" restore --from "$dir/copy.db" --db "$dir/restored.db" > "$dir/out" 2>&1
ok "upgraded database passes integrity_check" grep -q "integrity_check ok" "$dir/out"
"$BIN" search query --db "$db" 政府信息公开 > "$dir/out" 2>&1
ok "search answers over the migrated documents" grep -q "^total [1-9]" "$dir/out"
"$BIN" migrate --db "$db" > "$dir/out" 2>&1
ok "a second migrate applies nothing" grep -q "(0 migrations applied)" "$dir/out"

echo "cli-upgrade: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
