#!/bin/sh
# test_db_copy.sh — `gongkai db copy` (issue 16): the demo database (SQLite)
# is copied into a new, empty PostgreSQL schema; the command's own checks
# (row counts per table, ledger verify on the copy) pass, `gongkai ledger
# verify` on the copy passes, new rows get new ids, a server on the copy
# serves a published document (and refuses to start without a key), a
# second copy into the now non-empty schema is refused (exit 1, nothing
# changed), and a source table the target lacks stops the copy.
#
# Needs GK_TEST_PG (tests/pg/pg.sh run) and GONGKAI_BIN.  Prints
# "db-copy: N passed, N failed".  Port: 9101 (PORT= to change).
set -u
cd "$(dirname "$0")/../.."
: "${GK_TEST_PG:?run under tests/pg/pg.sh run}"
BIN=${GONGKAI_BIN:-./gongkai}
PORT=${PORT:-9101}
tmp=$(mktemp -d /tmp/gk-dbcopy-XXXXXX)
chmod 755 "$tmp"
srv=
cleanup() { [ -n "$srv" ] && kill "$srv" 2>/dev/null; wait 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); echo "ok $1"; }
bad() { fail=$((fail + 1)); echo "not ok $1"; }
GONGKAI_KEY=$(printf '0f%.0s' $(seq 32))
export GONGKAI_KEY

schema=gk_copy_$$
command psql "$GK_TEST_PG" -X -q -v ON_ERROR_STOP=1 -c "CREATE SCHEMA $schema"
to="$GK_TEST_PG options=-csearch_path=$schema"

"$BIN" init --db "$tmp/gk.db" >/dev/null 2>&1 && "$BIN" demo --db "$tmp/gk.db" >/dev/null 2>&1 ||
  { bad "demo database"; echo "db-copy: $pass passed, $((fail)) failed"; exit 1; }

# 1. The copy, with its own checks.
if "$BIN" db copy --from "$tmp/gk.db" --to "$to" >"$tmp/copy.out" 2>"$tmp/copy.err"; then
  ok "db copy exits 0"
else bad "db copy exits 0"; cat "$tmp/copy.err"; fi
grep -q "row counts equal, ledger:" "$tmp/copy.out" && ! grep -q DIFFERS "$tmp/copy.out" &&
  ok "every table's row count equal, ledger verified by the command" ||
  { bad "row counts / ledger"; cat "$tmp/copy.out"; }

# 2. The counts again, independently: SQLite's and PostgreSQL's own count
#    of three tables the demo fills.
for t in doc application doc_ledger; do
  a=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('SELECT count(*) FROM $t').fetchone()[0])" "$tmp/gk.db")
  b=$(command psql "$to" -X -At -c "SELECT count(*) FROM $t")
  [ "$a" = "$b" ] && [ "$a" -gt 0 ] && ok "$t: $a rows on both" || bad "$t: $a vs $b"
done

# 3. The ledger on the copy, by the ordinary command.
"$BIN" ledger verify --db "$to" >"$tmp/ledger.out" 2>&1 && ok "ledger verify on the copy" ||
  { bad "ledger verify on the copy"; cat "$tmp/ledger.out"; }

# 4. New rows get new ids (the sequences were reset past the copied ones).
maxid=$(command psql "$to" -X -At -c "SELECT max(id) FROM org")
"$BIN" org add --db "$to" --slug copytest --name "复制测试单位" >"$tmp/org.out" 2>&1 &&
  newid=$(command psql "$to" -X -At -c "SELECT id FROM org WHERE slug='copytest'") &&
  [ "$newid" -gt "$maxid" ] && ok "a new organisation gets id $newid > $maxid" ||
  { bad "new id after the copy"; cat "$tmp/org.out"; }

# 5. A server on the copy serves a published document.
row=$(python3 -c "import sqlite3,sys; r=sqlite3.connect(sys.argv[1]).execute(\"SELECT d.id,d.title FROM doc d JOIN org o ON o.id=d.org_id WHERE d.state='published' AND o.slug='znwsj' ORDER BY d.id LIMIT 1\").fetchone(); print('%d\t%s' % r)" "$tmp/gk.db")
id=$(echo "$row" | cut -f1); title=$(echo "$row" | cut -f2)
"$BIN" serve --db "$to" --listen 127.0.0.1:$PORT --threads 2 >"$tmp/serve.log" 2>&1 &
srv=$!
for i in $(seq 100); do
  curl -s -o /dev/null "http://127.0.0.1:$PORT/" && break
  sleep 0.1
done
if curl -s "http://127.0.0.1:$PORT/o/znwsj/d/$id" >"$tmp/page.html" && grep -qF "$title" "$tmp/page.html"; then
  ok "the copy serves document $id"
else bad "the copy serves document $id"; tail -5 "$tmp/serve.log"; fi
kill "$srv"; wait "$srv" 2>/dev/null; srv=

# 6. Without GONGKAI_KEY or --key-file a server on PostgreSQL refuses to
#    start (no directory shared by the servers to keep a generated key).
if env -u GONGKAI_KEY "$BIN" serve --db "$to" --listen 127.0.0.1:$PORT >"$tmp/nokey.out" 2>&1; then
  bad "serve on PostgreSQL without a key refuses"
else
  grep -q "secret key must be given" "$tmp/nokey.out" && ok "serve on PostgreSQL without a key refuses" ||
    { bad "serve without a key"; cat "$tmp/nokey.out"; }
fi

# 7. A second copy into the same schema is refused and changes nothing.
n1=$(command psql "$to" -X -At -c "SELECT count(*) FROM doc")
if "$BIN" db copy --from "$tmp/gk.db" --to "$to" >"$tmp/copy2.out" 2>"$tmp/copy2.err"; then
  bad "a copy into a database with gongkai data is refused"
else
  n2=$(command psql "$to" -X -At -c "SELECT count(*) FROM doc")
  grep -q "已有 gongkai 数据" "$tmp/copy2.err" && [ "$n1" = "$n2" ] &&
    ok "a copy into a database with gongkai data is refused, nothing changed" ||
    { bad "second copy"; cat "$tmp/copy2.err"; }
fi

# 8. A source table with rows that the target's schema lacks (migrations
#    that differ) stops the copy: exit 1, a message, no rows copied.
python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('CREATE TABLE gk_extra(a INTEGER)'); c.execute('INSERT INTO gk_extra VALUES(1)'); c.commit()" "$tmp/gk.db"
command psql "$GK_TEST_PG" -X -q -v ON_ERROR_STOP=1 -c "CREATE SCHEMA ${schema}_b"
to2="$GK_TEST_PG options=-csearch_path=${schema}_b"
if "$BIN" db copy --from "$tmp/gk.db" --to "$to2" >"$tmp/copy3.out" 2>"$tmp/copy3.err"; then
  bad "a source table missing on the target stops the copy"
else
  n=$(command psql "$to2" -X -At -c "SELECT count(*) FROM doc")
  grep -q "gk_extra 有 1 行" "$tmp/copy3.err" && [ "$n" = 0 ] &&
    ok "a source table missing on the target stops the copy, nothing copied" ||
    { bad "missing table"; cat "$tmp/copy3.err"; }
fi

command psql "$GK_TEST_PG" -X -q -c "DROP SCHEMA $schema CASCADE; DROP SCHEMA ${schema}_b CASCADE" >/dev/null 2>&1
echo "db-copy: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
