#!/bin/sh
# test_schema.sh — the PostgreSQL migrations (src/store/schema/pg/) give the
# same tables and columns as the SQLite ones (src/store/schema/), with the
# same types (INTEGER ~ bigint, TEXT ~ text, BLOB ~ bytea) and NOT NULL,
# leaving out only the full-text indexes of each side (SQLite: FTS5
# search_fts, search_chr and their shadow tables; PostgreSQL: search_pg,
# migration pg/0091); every public table has its content-generation
# trigger and no private one has (migration 0040).
#
# Needs GK_TEST_PG (a database, e.g. from `tests/pg/pg.sh run`) and
# GONGKAI_BIN (to make the SQLite database).  Each migration is applied by
# psql in its own transaction, in number order, as the driver does.
# Prints "pg-schema: N passed, N failed".
set -u
cd "$(dirname "$0")/../.."
: "${GK_TEST_PG:?run under tests/pg/pg.sh run}"
BIN=${GONGKAI_BIN:-./gongkai}
tmp=$(mktemp -d /tmp/gk-pgschema-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); echo "ok $1"; }
bad() { fail=$((fail + 1)); echo "not ok $1"; }

psql() { command psql "$GK_TEST_PG" -X -q -v ON_ERROR_STOP=1 "$@"; }
PGOPTIONS="-c client_min_messages=warning"
export PGOPTIONS
psql -c "DROP SCHEMA IF EXISTS gk_schema_test CASCADE; CREATE SCHEMA gk_schema_test"
PGOPTIONS="$PGOPTIONS -c search_path=gk_schema_test"

# 1. Every migration applies, each in one transaction (schema_migration is
#    the driver's, created as store_pg.c does before the first migration).
psql -c "CREATE TABLE schema_migration (version bigint PRIMARY KEY,
           name TEXT NOT NULL, applied_at TEXT NOT NULL)"
applied=1
for f in src/store/schema/pg/[0-9]*.sql; do
  if ! psql -1 -f "$f" >"$tmp/out" 2>&1; then
    cat "$tmp/out"; bad "apply $f"; applied=0; break
  fi
done
[ $applied -eq 1 ] && ok "every PostgreSQL migration applies"
# As the driver after every migration run: triggers for tables added since
# 0040.
psql -q -c "SELECT gk_content_triggers()" >/dev/null

# 2. The same numbers on both sides.
ls src/store/schema/[0-9]*.sql | xargs -n1 basename > "$tmp/lite.n"
ls src/store/schema/pg/[0-9]*.sql | xargs -n1 basename > "$tmp/pg.n"
if diff "$tmp/lite.n" "$tmp/pg.n"; then ok "one PostgreSQL migration per SQLite migration, same names"
else bad "migration file names differ"; fi

# 3. Tables, columns, types and NOT NULL.
"$BIN" init --db "$tmp/a.db" >/dev/null 2>&1 || bad "gongkai init"
sqlite3 "$tmp/a.db" "SELECT m.name, p.name,
    CASE upper(p.type) WHEN 'INTEGER' THEN 'int' WHEN 'TEXT' THEN 'text'
                       WHEN 'BLOB' THEN 'blob' ELSE p.type END,
    p.\"notnull\" OR p.pk = 1
  FROM sqlite_master m, pragma_table_info(m.name) p
  WHERE m.type = 'table' AND m.sql NOT LIKE 'CREATE VIRTUAL%'
    AND m.name NOT LIKE 'search\_fts%' ESCAPE '\'
    AND m.name NOT LIKE 'search\_chr%' ESCAPE '\'
    AND m.name NOT LIKE 'sqlite\_%' ESCAPE '\'
  ORDER BY 1, 2" | sed 's/|0$/|f/; s/|1$/|t/' > "$tmp/lite.cols"
psql -At -c "SELECT table_name, column_name,
    CASE data_type WHEN 'bigint' THEN 'int' WHEN 'text' THEN 'text'
                   WHEN 'bytea' THEN 'blob' ELSE data_type END,
    CASE is_nullable WHEN 'NO' THEN 't' ELSE 'f' END
  FROM information_schema.columns WHERE table_schema = 'gk_schema_test'
    AND table_name <> 'search_pg'" \
  > "$tmp/pg.cols"
LC_ALL=C sort "$tmp/lite.cols" -o "$tmp/lite.cols"
LC_ALL=C sort "$tmp/pg.cols" -o "$tmp/pg.cols"
if [ -s "$tmp/lite.cols" ] && diff "$tmp/lite.cols" "$tmp/pg.cols"; then
  ok "same tables, columns, types and NOT NULL ($(wc -l < "$tmp/pg.cols") columns)"
else bad "tables or columns differ (< SQLite, > PostgreSQL)"; fi

# 4. Content-generation triggers: on every public table, on no private one.
psql -At -c "SELECT c.relname, EXISTS (SELECT 1 FROM pg_trigger g
               WHERE g.tgrelid = c.oid AND g.tgname = 'gk_content_gen'),
               gk_private_table(c.relname)
             FROM pg_class c WHERE c.relkind = 'r'
               AND c.relnamespace = 'gk_schema_test'::regnamespace" > "$tmp/trg"
wrong=$(grep -c -E '\|(t\|t|f\|f)$' "$tmp/trg")
if [ "$wrong" -eq 0 ] && grep -q '^doc|t|f$' "$tmp/trg" &&
   grep -q '^session|f|t$' "$tmp/trg"; then
  ok "content trigger on every public table, none on private ones"
else grep -E '\|(t\|t|f\|f)$' "$tmp/trg"; bad "content triggers"; fi

# 5. The trigger advances the generation in the writing transaction; a
#    private table leaves it alone.
gen() { psql -At -c "SELECT gen FROM content_generation"; }
g0=$(gen)
psql -c "INSERT INTO org(slug, name, created_at) VALUES ('a', '甲', 'x')"
g1=$(gen)
psql -c "INSERT INTO login_failure(key, at) VALUES ('k', 1)"
g2=$(gen)
psql -c "BEGIN; UPDATE org SET name = '乙'; ROLLBACK"
g3=$(gen)
if [ "$g1" -eq $((g0 + 1)) ] && [ "$g2" -eq "$g1" ] && [ "$g3" -eq "$g1" ]; then
  ok "a public write advances the generation, a private one or a rollback does not"
else bad "generation $g0 $g1 $g2 $g3"; fi

psql -c "DROP SCHEMA gk_schema_test CASCADE" >/dev/null 2>&1
echo "pg-schema: $pass passed, $fail failed"
[ $fail -eq 0 ]
