#!/bin/sh
# test_commands.sh — every command of issue 16 §2 on PostgreSQL: init,
# migrate, demo, serve, docs import / import-html, search (query, reindex,
# replica), archive export
# and verify, export-site (full, then incremental), report show / export /
# check, applications register / act / year / recalc / holidays, catalogue,
# config, org, user, token, workplan, ledger verify / list, and backup:
# pg_dump into a 0600 file checked by pg_restore --list, the connection in
# pg_dump's environment and not on its command line, failures (no pg_dump,
# pg_dump failing, a broken archive) leave no file and exit 1, --keep
# rotation; then the backup is restored with pg_restore into a NEW database
# where `ledger verify` passes and every table has as many rows as in the
# source; `gongkai restore` does the same (pg_restore, migrations, ledger
# verify), refuses a database with tables and leaves none after a damaged
# archive.
# Last, the SQLite demo copied into PostgreSQL (`gongkai db copy`) gives
# the same output of the reading commands, the same static export and the
# same archive on both backends.
#
# The installations are databases of their own (pg_dump dumps a whole
# database), created on the test cluster and dropped at the end.
# Needs GK_TEST_PG (tests/pg/pg.sh run) and GONGKAI_BIN.  Prints
# "pg-commands: N passed, N failed".  Port: 9105 (PORT= to change).
set -u
cd "$(dirname "$0")/../.."
: "${GK_TEST_PG:?run under tests/pg/pg.sh run}"
BIN=${GONGKAI_BIN:-./gongkai}
case "$BIN" in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
ROOT=$(pwd)
PORT=${PORT:-9105}
tmp=$(mktemp -d /tmp/gk-pgcmd-XXXXXX)
chmod 755 "$tmp"
srv=
src=gk_cmd_src_$$
dst=gk_cmd_restored_$$
cpy=gk_cmd_copy_$$
dst2=gk_cmd_restored2_$$
dst3=gk_cmd_restored3_$$
cleanup() {
  [ -n "$srv" ] && kill "$srv" 2>/dev/null
  wait 2>/dev/null
  command psql "$GK_TEST_PG" -X -q -c "DROP DATABASE IF EXISTS $src" \
    -c "DROP DATABASE IF EXISTS $dst" -c "DROP DATABASE IF EXISTS $cpy" \
    -c "DROP DATABASE IF EXISTS $dst2" -c "DROP DATABASE IF EXISTS $dst3" >/dev/null 2>&1
  rm -rf "$tmp"
}
trap cleanup EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); echo "ok $1"; }
bad() { fail=$((fail + 1)); echo "not ok $1"; }
# check NAME EXPECTED_STATUS NEEDLE COMMAND...: exit status and a line of
# the output (stdout and stderr) containing NEEDLE (fixed string).
check() {
  name=$1 want=$2 needle=$3
  shift 3
  "$@" >"$tmp/out" 2>"$tmp/err"
  got=$?
  if [ "$got" -eq "$want" ] && cat "$tmp/out" "$tmp/err" | grep -qF -- "$needle"; then
    ok "$name"
  else
    bad "$name: exit $got (want $want), output:"
    cat "$tmp/out" "$tmp/err" | head -5
  fi
}
GONGKAI_KEY=$(printf '0f%.0s' $(seq 32))
export GONGKAI_KEY
export GONGKAI_CONFIG=none

# A later keyword overrides an earlier one in a libpq keyword string.
command psql "$GK_TEST_PG" -X -q -v ON_ERROR_STOP=1 -c "CREATE DATABASE $src" -c "CREATE DATABASE $dst" \
  -c "CREATE DATABASE $cpy" -c "CREATE DATABASE $dst2" -c "CREATE DATABASE $dst3" ||
  { bad "create the databases"; echo "pg-commands: $pass passed, $fail failed"; exit 1; }
DB="$GK_TEST_PG dbname=$src"
RDB="$GK_TEST_PG dbname=$dst"
CDB="$GK_TEST_PG dbname=$cpy"
RDB2="$GK_TEST_PG dbname=$dst2"
RDB3="$GK_TEST_PG dbname=$dst3"
q() { command psql "$DB" -X -At -c "$1"; }

# --- init, migrate, demo -------------------------------------------------
check "init creates the tables and an administrator" 0 "administrator login: admin" \
  "$BIN" init --db "$DB"
check "init again is refused" 1 "已有 gongkai 数据" "$BIN" init --db "$DB"
check "migrate: nothing pending after init" 0 "(0 migrations applied)" "$BIN" migrate --db "$DB"
check "demo loads" 0 "demo data loaded" "$BIN" demo --db "$DB"
n=$(q "SELECT count(*) FROM doc WHERE state='published'")
[ "${n:-0}" -gt 100 ] && ok "demo: $n published documents" || bad "demo: ${n:-?} published documents"
check "ledger verify after demo" 0 "chain intact" "$BIN" ledger verify --db "$DB"

# --- serve ------------------------------------------------------------------
row=$(q "SELECT d.id||'|'||d.title FROM doc d JOIN org o ON o.id=d.org_id WHERE d.state='published' AND o.slug='znwsj' ORDER BY d.id LIMIT 1")
id=${row%%|*}; title=${row#*|}
"$BIN" serve --db "$DB" --listen 127.0.0.1:$PORT --threads 2 >"$tmp/serve.log" 2>&1 &
srv=$!
for i in $(seq 100); do
  curl -s -o /dev/null "http://127.0.0.1:$PORT/healthz" && break
  sleep 0.1
done
code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/")
[ "$code" = 200 ] && ok "serve: home page 200" || bad "serve: home page $code"
curl -s "http://127.0.0.1:$PORT/o/znwsj/d/$id" >"$tmp/page.html"
grep -qF "$title" "$tmp/page.html" && ok "serve: document $id shows its title" ||
  { bad "serve: document $id"; tail -3 "$tmp/serve.log"; }
kill "$srv"; wait "$srv" 2>/dev/null; srv=

# --- documents: bulk import, old-site pages, search --------------------------
"$BIN" bench-gen docs --n 30 --seed 5 --out "$tmp/docs.jsonl" >/dev/null 2>&1
before=$(q "SELECT count(*) FROM doc")
check "docs import: 30 documents" 0 "imported 30 documents" \
  "$BIN" docs import --db "$DB" --org znwsj "$tmp/docs.jsonl"
after=$(q "SELECT count(*) FROM doc")
[ "$after" -eq $((before + 30)) ] && ok "docs import: 30 more rows in doc" ||
  bad "docs import: $before -> $after rows"
check "docs import: the same file again is refused" 1 "索引号已被使用" \
  "$BIN" docs import --db "$DB" --org znwsj "$tmp/docs.jsonl"
[ "$(q "SELECT count(*) FROM doc")" -eq "$after" ] && ok "docs import: a refused file stores nothing" ||
  bad "docs import: a refused file stored rows"
old=tests/fixtures/oldsite
check "docs import-html: 2 pages imported, 1 not" 1 "2 pages imported, 1 not imported" \
  "$BIN" docs import-html --db "$DB" --org znwsj "$old/layout-table/20190312-1.html" \
  "$old/layout-list/t20200415_2088.html" "$old/broken/nobody.html"
[ "$(q "SELECT title FROM doc WHERE index_number='11640521MB1594621N/2019-00012'")" = \
  "中宁县卫生和计划生育局关于印发2019年政府信息公开工作要点的通知" ] &&
  ok "docs import-html: index number and title kept" || bad "docs import-html: page not stored"
t1=$(head -1 "$tmp/docs.jsonl" | python3 -c "import json,sys; print(json.loads(sys.stdin.read())['index_number'])")
idx=$(q "SELECT id FROM doc WHERE index_number='$t1'")
check "search query finds a document imported in bulk" 0 "$idx" \
  "$BIN" search query --db "$DB" "$(q "SELECT title FROM doc WHERE id=$idx")"
check "search query finds an imported page" 0 "total" "$BIN" search query --db "$DB" 盐池县
grep -q "^total [1-9]" "$tmp/out" && ok "search: 盐池县 found" || bad "search: 盐池县 not found"
check "search reindex" 0 "index rebuilt" "$BIN" search reindex --db "$DB"
check "search replica fills a replica file" 0 "up to date" \
  "$BIN" search replica --db "$DB" "$tmp/replica.db"
n=$(sqlite3 "$tmp/replica.db" "SELECT count(*) FROM search_doc" 2>/dev/null)
[ "$n" = "$(q "SELECT count(*) FROM search_doc WHERE indexed=1")" ] && [ "$n" -gt 0 ] &&
  ok "search replica: every indexed document ($n)" || bad "search replica holds $n rows"
check "search replica again: caught up" 0 "up to date" \
  "$BIN" search replica --db "$DB" "$tmp/replica.db"
check "search replica refuses a SQLite database" 2 "PostgreSQL" \
  "$BIN" search replica --db "$tmp/x.db" "$tmp/replica2.db"
check "ledger verify after the imports" 0 "chain intact" "$BIN" ledger verify --db "$DB"
check "ledger list of a document" 0 "publish" "$BIN" ledger list --db "$DB" --doc "$id"

# --- archive ----------------------------------------------------------------
year=$(q "SELECT substr(published_date,1,4) FROM doc d JOIN org o ON o.id=d.org_id WHERE o.slug='znwsj' AND d.state='published' GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1")
check "archive export of znwsj $year" 0 "archive of $year written" \
  "$BIN" archive export --db "$DB" --org znwsj --year "$year" --out "$tmp/arch"
nArch=$(sed -n 's/.*: \([0-9]*\) documents.*/\1/p' "$tmp/out")
[ "${nArch:-0}" -gt 0 ] && [ -s "$tmp/arch/manifest.csv" ] && [ -s "$tmp/arch/ledger.jsonl" ] &&
  ok "archive: $nArch documents, manifest and ledger segment" || bad "archive: ${nArch:-?} documents"
check "archive verify" 0 "archive verified: $nArch documents" "$BIN" archive verify "$tmp/arch"

# --- export-site, then incremental ----------------------------------------------
check "export-site writes the portal" 0 "open data written" \
  "$BIN" export-site --db "$DB" --out "$tmp/site"
grep -qF "$title" "$tmp/site/o/znwsj/d/$id/index.html" 2>/dev/null &&
  ok "export-site: document $id written" || bad "export-site: document $id not found in the export"
check "export-site again: nothing written" 0 " 0 written" \
  "$BIN" export-site --db "$DB" --out "$tmp/site"
"$BIN" org add --db "$DB" --name 中宁县急救中心 --slug zn-ems --parent znwsj >/dev/null 2>&1
check "export-site after a change: only what changed" 0 "export-site:" \
  "$BIN" export-site --db "$DB" --out "$tmp/site"
w=$(sed -n 's/.* \([0-9]*\) written, \([0-9]*\) unchanged.*/\1 \2/p' "$tmp/out")
[ -n "$w" ] && [ "${w% *}" -gt 0 ] && [ "${w#* }" -gt 0 ] &&
  ok "export-site incremental: ${w% *} written, ${w#* } unchanged" || bad "export-site incremental: '$w'"

# --- annual report --------------------------------------------------------------
check "report show" 0 '"org": "中宁县卫生健康局"' "$BIN" report show --db "$DB" --org znwsj --year 2025
check "report show --subtree csv" 0 "t2_art20_1,regulations,made" \
  "$BIN" report show --db "$DB" --org znwsj --year 2025 --subtree --format csv
for f in json xlsx docx csv; do
  "$BIN" report export --db "$DB" --org znwsj --year 2025 --format $f --out "$tmp/r.$f" \
    >"$tmp/out" 2>&1 && [ -s "$tmp/r.$f" ] && ok "report export $f" ||
    { bad "report export $f"; head -3 "$tmp/out"; }
done
check "report check of the exported report: consistent" 0 "违反 0 处" "$BIN" report check "$tmp/r.json"

# --- applications ---------------------------------------------------------------
nApp=$(q "SELECT count(*) FROM application")
check "applications register" 0 "tracking code:" \
  "$BIN" applications register --user office --db "$DB" applicant_type=natural_person \
  name=陆转办 id_kind=resident_id id_number=640521197902020036 phone=13995550001 \
  address=宁夏中宁县宁安镇 postcode=755100 info_title=2025年基本公共卫生服务项目资金分配表 \
  form=electronic delivery=email email=lu@example.com channel=in_person event_day=2026-03-02
aid=$(sed -n 's/.*(id \([0-9]*\)).*/\1/p' "$tmp/out")
[ "$(q "SELECT count(*) FROM application")" -eq $((nApp + 1)) ] && [ -n "$aid" ] &&
  ok "applications register: one more application ($aid)" || bad "applications register: no row"
[ "$(q "SELECT id_sealed<>'' AND position('640521197902020036' in id_sealed)=0 FROM application WHERE id=${aid:-0}")" = t ] &&
  ok "applications register: identity number sealed, not in clear" || bad "applications register: identity number"
check "applications act extend" 0 "extend done" \
  "$BIN" applications act "$aid" extend --user officehead --db "$DB" on_day=2026-03-03 \
  n_days=10 text=需协调 notified=1
check "applications act draft" 0 "draft done" \
  "$BIN" applications act "$aid" draft --user office --db "$DB" \
  outcome=results.denied.internal_affairs decision_text=属于内部人事管理信息
check "applications act: the drafter may not review" 1 "拟定答复的人员不能审核自己拟定的答复" \
  "$BIN" applications act "$aid" dept_review --user office --db "$DB"
check "applications act: no event while the answer awaits review" 1 "答复已提交审核或审批" \
  "$BIN" applications act "$aid" event --user office --db "$DB" kind=organ_start \
  on_day=2026-03-04 text=县医疗保障局
check "applications year 2025 balances" 0 "2025 新收" "$BIN" applications year 2025 --db "$DB"
check "applications recalc" 0 "got a new due date" "$BIN" applications recalc --db "$DB"
printf 'date,kind,name\n2026-03-04,holiday,测试假日\n' >"$tmp/hol.csv"
check "applications holidays" 0 "1 calendar override(s) loaded" \
  "$BIN" applications holidays "$tmp/hol.csv" --db "$DB"

# --- catalogue, config, org, user, token, workplan ------------------------------------
check "catalogue import" 0 "imported 5 items" \
  "$BIN" catalogue import --org zn-supervision data/seed000_catalogue.tsv --db "$DB"
check "catalogue export xlsx" 0 "exported 5 items" \
  "$BIN" catalogue export --org zn-supervision --format xlsx --out "$tmp/cat.xlsx" --db "$DB"
check "catalogue list" 0 "规范性文件" "$BIN" catalogue list --org zn-supervision --db "$DB"
"$BIN" config set site_name 测试平台 --db "$DB" >"$tmp/out" 2>&1 && ok "config set" ||
  { bad "config set"; head -3 "$tmp/out"; }
check "config get" 0 "测试平台" "$BIN" config get site_name --db "$DB"
check "config list" 0 "attachment_max_mb" "$BIN" config list --db "$DB"
check "org list shows the new unit under its parent" 0 "zn-ems  中宁县急救中心" "$BIN" org list --db "$DB"
check "org dept" 0 "department 办公室 added" "$BIN" org dept zn-ems 办公室 --db "$DB"
check "user add" 0 "user t1 added" \
  "$BIN" user add --login t1 --name 测试员 --org zn-ems --dept 办公室 --roles office --db "$DB"
check "user list" 0 "中宁县急救中心/办公室" "$BIN" user list --org zn-ems --db "$DB"
check "user passwd" 0 "password of t1 changed" \
  "$BIN" user passwd t1 --password abcdefgh12345 --db "$DB"
check "user disable" 0 "t1 disabled" "$BIN" user disable t1 --db "$DB"
check "token add" 0 "Authorization: Bearer gk_" \
  "$BIN" token add --org znwsj --name 热线 --perms view_staff,app_handle --db "$DB"
tid=$(sed -n 's/^token \([0-9]*\):.*/\1/p' "$tmp/out")
check "token list" 0 "热线" "$BIN" token list --db "$DB"
check "token revoke" 0 "token $tid revoked" "$BIN" token revoke "$tid" --db "$DB"
check "workplan import" 0 ": 8 tasks" \
  "$BIN" workplan import --org zn-ems --year 2018 data/workplan_demo_znwsj_2018.txt --db "$DB"
pid=$(sed -n 's/^work plan \([0-9]*\) .*/\1/p' "$tmp/out")
check "workplan list" 0 "8 tasks" "$BIN" workplan list --org zn-ems --db "$DB"
check "workplan tasks" 0 "政策法规科" "$BIN" workplan tasks "$pid" --db "$DB"

# --- backup -------------------------------------------------------------------------
check "backup runs pg_dump" 0 "backup written to $tmp/b.dump" "$BIN" backup --db "$DB" --to "$tmp/b.dump"
[ "$(stat -c %a "$tmp/b.dump" 2>/dev/null)" = 600 ] && ok "backup: mode 0600" || bad "backup: mode"
pg_restore --list "$tmp/b.dump" >"$tmp/list" 2>&1 && grep -q "TABLE DATA public doc_ledger " "$tmp/list" &&
  ok "backup: pg_restore --list reads it (custom format, doc_ledger data)" || bad "backup: pg_restore --list"
ls "$tmp" | grep -q partial && bad "backup: a temporary file is left" || ok "backup: no temporary file left"
check "backup to an existing file is refused" 1 "备份目标已存在" \
  "$BIN" backup --db "$DB" --to "$tmp/b.dump"
check "backup without pg_dump in PATH: exit 1, message" 1 "找不到 pg_dump" \
  env PATH=/nonexistent "$BIN" backup --db "$DB" --to "$tmp/none.dump"
[ ! -e "$tmp/none.dump" ] && ok "backup without pg_dump leaves no file" || bad "backup without pg_dump left a file"
# Stand-ins for pg_dump: one that records its arguments and environment and
# fails, one that writes something that is not an archive.
mkdir "$tmp/fake" "$tmp/fake2"
cat >"$tmp/fake/pg_dump" <<EOF
#!/bin/sh
printf '%s\n' "\$@" >"$tmp/fake.argv"
env >"$tmp/fake.env"
echo "pg_dump: error: simulated failure" >&2
exit 1
EOF
printf '#!/bin/sh\necho not-an-archive\n' >"$tmp/fake2/pg_dump"
chmod 755 "$tmp/fake/pg_dump" "$tmp/fake2/pg_dump"
check "backup: pg_dump failing is exit 1 with its message" 1 "simulated failure" \
  env PATH="$tmp/fake:$PATH" "$BIN" backup --db "$DB password=not-on-the-command-line" --to "$tmp/f.dump"
[ ! -e "$tmp/f.dump" ] && ! ls "$tmp" | grep -q partial &&
  ok "backup: a failed pg_dump leaves no file" || bad "backup: a failed pg_dump left a file"
grep -qx -- "--format=custom" "$tmp/fake.argv" && ! grep -q "dbname\|host\|$src\|not-on-the-command-line" "$tmp/fake.argv" &&
  ok "backup: pg_dump's arguments hold no connection string" || { bad "pg_dump arguments"; cat "$tmp/fake.argv"; }
grep -qx "PGDATABASE=$src" "$tmp/fake.env" && grep -qx "PGPASSWORD=not-on-the-command-line" "$tmp/fake.env" &&
  grep -q "^PGHOST=/" "$tmp/fake.env" &&
  ok "backup: the connection is in pg_dump's environment" || bad "backup: pg_dump's environment"
check "backup: an output that is not an archive is refused" 1 "pg_restore --list 失败" \
  env PATH="$tmp/fake2:$PATH" "$BIN" backup --db "$DB" --to "$tmp/g.dump"
[ ! -e "$tmp/g.dump" ] && ok "backup: a refused archive leaves no file" || bad "backup: refused archive left a file"
for i in 1 2 3; do
  "$BIN" backup --db "$DB" --to "$tmp/rot" --keep 2 >/dev/null 2>&1
  sleep 1.1
done
n=$(ls "$tmp/rot" | grep -c '^gongkai-[0-9]\{8\}T[0-9]\{6\}Z\.dump$')
[ "$n" -eq 2 ] && ok "backup --keep 2 keeps the newest two .dump files of three" || bad "backup --keep: $n files"

# --- restore into a new database --------------------------------------------------------
# By hand, as docs/deploy.md says:
if pg_restore --exit-on-error --single-transaction --no-owner -d "$RDB" "$tmp/b.dump" >"$tmp/restore.out" 2>&1; then
  ok "pg_restore into a new database"
else bad "pg_restore into a new database"; head -5 "$tmp/restore.out"; fi
check "ledger verify on the restored database" 0 "chain intact" "$BIN" ledger verify --db "$RDB"
# Row counts of every table, both databases (the backup was taken before
# the --keep runs, which change nothing).
counts() {
  command psql "$1" -X -At -F ' ' -c "SELECT table_name, (xpath('/row/c/text()',
    query_to_xml(format('SELECT count(*) AS c FROM %I', table_name), false, true, '')))[1]::text
    FROM information_schema.tables WHERE table_schema='public' AND table_type='BASE TABLE' ORDER BY 1"
}
counts "$DB" >"$tmp/c.src"; counts "$RDB" >"$tmp/c.dst"
nt=$(wc -l <"$tmp/c.src")
if [ "$nt" -gt 40 ] && cmp -s "$tmp/c.src" "$tmp/c.dst"; then
  ok "every table ($nt) has as many rows in the restored database"
else bad "row counts differ ($nt tables)"; diff "$tmp/c.src" "$tmp/c.dst" | head -5; fi
check "search on the restored database" 0 "total" "$BIN" search query --db "$RDB" 盐池县
grep -q "^total [1-9]" "$tmp/out" && ok "search on the restored database finds 盐池县" ||
  bad "search on the restored database"
check "new rows in the restored database get new ids" 0 "organisation zn-new added" \
  "$BIN" org add --db "$RDB" --name 新单位 --slug zn-new
# By gongkai restore: pg_restore, migrations, ledger verify.
nl=$(q "SELECT count(*) FROM doc_ledger")
check "gongkai restore into a new database verifies the ledger" 0 "ledger: $nl entries verified" \
  "$BIN" restore --from "$tmp/b.dump" --db "$RDB2"
counts "$RDB2" >"$tmp/c.dst2"
cmp -s "$tmp/c.src" "$tmp/c.dst2" && ok "gongkai restore: every table has as many rows" ||
  { bad "gongkai restore: row counts differ"; diff "$tmp/c.src" "$tmp/c.dst2" | head -5; }
n1=$(q "SELECT count(*) FROM doc")
check "gongkai restore into a database with tables is refused" 1 "已有数据表" \
  "$BIN" restore --from "$tmp/b.dump" --db "$DB"
[ "$(q "SELECT count(*) FROM doc")" = "$n1" ] && ok "a refused restore changed nothing" ||
  bad "a refused restore changed the database"
head -c 200000 "$tmp/b.dump" >"$tmp/cut.dump"
check "gongkai restore of a damaged archive: exit 1" 1 "pg_restore 失败" \
  "$BIN" restore --from "$tmp/cut.dump" --db "$RDB3"
[ "$(command psql "$RDB3" -X -At -c "SELECT count(*) FROM pg_tables WHERE schemaname='public'")" = 0 ] &&
  ok "a failed restore leaves no table (one transaction)" || bad "a failed restore left tables"

# --- the same answers on both backends ----------------------------------------------
# The demo on SQLite, copied into PostgreSQL (gongkai db copy): every
# command that reads prints the same on both, and the static export and the
# archive are the same files (but for the time they were made).
"$BIN" init --db "$tmp/lite.db" >/dev/null 2>&1 && "$BIN" demo --db "$tmp/lite.db" >/dev/null 2>&1 &&
  "$BIN" db copy --from "$tmp/lite.db" --to "$CDB" >"$tmp/copy.out" 2>&1 &&
  ok "the SQLite demo copied into PostgreSQL" || { bad "demo copy"; tail -3 "$tmp/copy.out"; }
same() {  # same NAME ARGS...: the command on both databases, outputs equal
  name=$1; shift
  "$BIN" "$@" --db "$tmp/lite.db" >"$tmp/a.out" 2>&1; ra=$?
  "$BIN" "$@" --db "$CDB" >"$tmp/b.out" 2>&1; rb=$?
  if [ "$ra" = "$rb" ] && [ -s "$tmp/a.out" ] && cmp -s "$tmp/a.out" "$tmp/b.out"; then
    ok "same on both: $name ($(wc -l <"$tmp/a.out") lines)"
  else bad "same on both: $name (exit $ra / $rb)"; diff "$tmp/a.out" "$tmp/b.out" | head -4; fi
}
same "report show" report show --org znwsj --year 2025
same "report show --subtree csv" report show --org znwsj --year 2024 --subtree --format csv
same "applications year" applications year 2025
same "applications year --org" applications year 2024 --org znwsj
same "ledger list" ledger list
same "org list" org list
same "user list" user list
same "catalogue list" catalogue list --org znwsj
same "workplan list" workplan list --org znwsj
same "search query" search query 卫生
"$BIN" export-site --db "$tmp/lite.db" --out "$tmp/s1" --base-url https://x.example >/dev/null 2>&1
"$BIN" export-site --db "$CDB" --out "$tmp/s2" --base-url https://x.example >/dev/null 2>&1
# The open-data manifest says when it was written.
for d in s1 s2; do
  sed -i 's/"modified": *"[^"]*"/"modified":""/g' "$tmp/$d/api/v1/datasets/manifest.json"
done
nf=$(find "$tmp/s1" -type f | wc -l)
[ "$nf" -gt 500 ] && diff -r "$tmp/s1" "$tmp/s2" >"$tmp/site.diff" 2>&1 &&
  ok "export-site: the same $nf files from both" || { bad "export-site differs ($nf files)"; head -4 "$tmp/site.diff"; }
"$BIN" archive export --db "$tmp/lite.db" --org znwsj --year 2018 --out "$tmp/a1" >/dev/null 2>&1
"$BIN" archive export --db "$CDB" --org znwsj --year 2018 --out "$tmp/a2" >/dev/null 2>&1
sed -i 's/"exported_at": *"[^"]*"/"exported_at":""/' "$tmp/a1/manifest.json" "$tmp/a2/manifest.json"
[ -s "$tmp/a1/manifest.csv" ] && diff -r "$tmp/a1" "$tmp/a2" >/dev/null 2>&1 &&
  ok "archive export: the same files from both" || bad "archive export differs"

echo "pg-commands: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
