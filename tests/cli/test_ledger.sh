#!/bin/sh
# test_ledger.sh — `gongkai ledger verify|list` on a fresh demo database:
# an intact chain passes; a tampered content, an older version's content
# removed, a content or another hash put into a newest entry (which holds
# only the hash: migration 0101), a broken link, a deleted entry and a
# document changed behind the ledger's back each make verify exit 1 and
# name the entry.  Tampering uses python3's sqlite3 module.
# Ends with "cli-ledger: N passed, N failed".
suite=ledger; . tests/cli/common.inc
db=$dir/t.db

sql() {  # with gk_text(), the store's unpacking of a packed body (0104)
  python3 - "$db" "$1" <<'PY'
import sqlite3, sys
sys.path.insert(0, "tests/http")
from harness import gk_text
db = sqlite3.connect(sys.argv[1])
db.create_function("gk_text", 1, gk_text)
db.executescript(sys.argv[2])
db.commit()
PY
}

"$BIN" init --db "$db" >/dev/null 2>&1 && "$BIN" demo --db "$db" >/dev/null 2>&1 ||
  { echo "FAIL setup: init/demo"; echo "cli-ledger: 0 passed, 1 failed"; exit 1; }

# 17 entries of the documents demo, 3 publications of the portal demo and
# the published 2024 annual report; the second agency's (demo_seed_reports.c)
# 979 + 26 publications, 33 expiries and its 2018 and 2020 reports.
check verify_intact 0 "1061 entries verified" "$BIN" ledger verify --db "$db"
check list_one_document 0 "validity" "$BIN" ledger list --db "$db" --doc 2
check usage_error 2 "usage: gongkai ledger" "$BIN" ledger frobnicate --db "$db"

# The current text is stored once (migration 0101): the newest entry of a
# document holds only its content hash, the older ones their content.
q() {
  python3 - "$db" "$1" <<'PY'
import sqlite3, sys
print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])
PY
}
ok newest_without_content [ "$(q "SELECT count(*) FROM doc_ledger l WHERE content IS NULL
  AND seq=(SELECT max(seq) FROM doc_ledger m WHERE m.doc_id=l.doc_id)")" = \
  "$(q "SELECT count(DISTINCT doc_id) FROM doc_ledger")" ]
ok older_with_content [ "$(q "SELECT count(*) FROM doc_ledger l WHERE content IS NULL
  AND seq<(SELECT max(seq) FROM doc_ledger m WHERE m.doc_id=l.doc_id)")" = 0 ]
old=$(q "SELECT min(seq) FROM doc_ledger WHERE content IS NOT NULL")
new=$(q "SELECT min(seq) FROM doc_ledger WHERE content IS NULL")

sql "UPDATE doc_ledger SET content=replace(content,'\"state\":\"published\"','\"state\":\"draft\"') WHERE seq=$old"
check tampered_content 1 "entry $old" "$BIN" ledger verify --db "$db"
sql "UPDATE doc_ledger SET content=replace(content,'\"state\":\"draft\"','\"state\":\"published\"') WHERE seq=$old"
check restored 0 "chain intact" "$BIN" ledger verify --db "$db"

sql "CREATE TABLE keep AS SELECT * FROM doc_ledger WHERE seq=$old; UPDATE doc_ledger SET content=NULL WHERE seq=$old"
check older_content_removed 1 "entry $old" "$BIN" ledger verify --db "$db"
sql "UPDATE doc_ledger SET content=(SELECT content FROM keep) WHERE seq=$old; DROP TABLE keep"

sql "UPDATE doc_ledger SET content='{}' WHERE seq=$new"
check newest_content_added 1 "entry $new" "$BIN" ledger verify --db "$db"
sql "UPDATE doc_ledger SET content=NULL WHERE seq=$new"

sql "CREATE TABLE keep AS SELECT * FROM doc_ledger WHERE seq=$new; UPDATE doc_ledger SET content_hash=(SELECT content_hash FROM doc_ledger WHERE seq=$old) WHERE seq=$new"
check newest_hash_swapped 1 "entry $new" "$BIN" ledger verify --db "$db"
sql "UPDATE doc_ledger SET content_hash=(SELECT content_hash FROM keep) WHERE seq=$new; DROP TABLE keep"
check restored_hash 0 "chain intact" "$BIN" ledger verify --db "$db"

sql "UPDATE doc_ledger SET prev_hash=entry_hash WHERE seq=5"
check broken_link 1 "entry 5" "$BIN" ledger verify --db "$db"
sql "UPDATE doc_ledger SET prev_hash=(SELECT entry_hash FROM doc_ledger WHERE seq=4) WHERE seq=5"

sql "CREATE TABLE keep AS SELECT * FROM doc_ledger WHERE seq=9; DELETE FROM doc_ledger WHERE seq=9"
check deleted_entry 1 "entry 10" "$BIN" ledger verify --db "$db"
sql "INSERT INTO doc_ledger SELECT * FROM keep; DROP TABLE keep"
check restored_again 0 "chain intact" "$BIN" ledger verify --db "$db"

sql "UPDATE doc SET body=gk_text(body)||'（未经审核的改动）' WHERE index_number='6/05/21021/2018-76263'"
check changed_behind_ledger 1 "未经台账的改动" "$BIN" ledger verify --db "$db"

echo "cli-ledger: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
