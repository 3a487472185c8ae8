#!/bin/sh
# test_ops.sh — what an operator relies on: the configuration file (keys,
# line numbers, precedence command line > environment > file), `config
# check`, `version`, `backup --keep` rotation and `restore` (into a new file
# only, verified first; a damaged backup is refused and leaves nothing).
# Ends with "cli-ops: N passed, N failed".
suite=ops; . tests/cli/common.inc
export GONGKAI_CONFIG=none

db=$dir/a.db
"$BIN" init --db "$db" >/dev/null 2>&1 && "$BIN" demo --db "$db" >"$dir/demo.out" 2>&1 ||
  { echo "FAIL setup: init/demo"; echo "cli-ops: 0 passed, 1 failed"; exit 1; }

# `make run` shows what demo prints: every user it made (all but init's
# administrator) must be named there with the password.
missing=$(python3 - "$db" "$dir/demo.out" <<'PY'
import re, sqlite3, sys
text = open(sys.argv[2], encoding="utf-8").read()
named = set(re.findall(r"(?<![\w-])([a-z][a-z-]*) [\u4e00-\u9fff]", text))
users = [r[0] for r in sqlite3.connect(sys.argv[1]).execute("SELECT login FROM user WHERE login <> 'admin'")]
print(" ".join(u for u in users if u not in named))
PY
)
ok "demo names every demo user it made (missing: ${missing:-none})" [ -z "$missing" ]
ok "demo prints the demo password" grep -q "password gongkai-demo-2026" "$dir/demo.out"

# --- configuration file -------------------------------------------------
cat > "$dir/good.conf" <<CONF
# comment
db = $db

listen = [::1]:8080
threads=8
trusted-proxy = 127.0.0.1, 10.0.0.0/8 ::1
base-url = https://gongkai.example.gov.cn
CONF
check "config check accepts a good file" 0 "ok" "$BIN" config check "$dir/good.conf"
printf 'db = x\nlisten = 127.0.0.1:8080\ncolour = blue\n' > "$dir/unknown.conf"
check "unknown key names file and line 3" 1 "unknown.conf:3: unknown key 'colour'" \
  "$BIN" config check "$dir/unknown.conf"
printf 'threads = 0\n' > "$dir/bad.conf"
check "bad value named with its line" 1 "bad.conf:1: threads must be 1..256" \
  "$BIN" config check "$dir/bad.conf"
printf 'listen = 8080\n' > "$dir/bad2.conf"
check "listen without host refused" 1 "bad2.conf:1: listen" "$BIN" config check "$dir/bad2.conf"
printf 'trusted-proxy = 10.0.0.0/33\n' > "$dir/bad3.conf"
check "bad network refused" 1 "bad3.conf:1: trusted-proxy" "$BIN" config check "$dir/bad3.conf"
printf 'db = a\ndb = b\n' > "$dir/twice.conf"
check "key set twice refused" 1 "twice.conf:2: 'db' is set twice" "$BIN" config check "$dir/twice.conf"
printf 'no equals sign\n' > "$dir/syntax.conf"
check "line without = refused" 1 "syntax.conf:1: expected key = value" \
  "$BIN" config check "$dir/syntax.conf"
printf 'threads = 8   # two per core\nlisten = 127.0.0.1:8080\t# loopback\n' > "$dir/inline.conf"
check "a comment after a value (space, then #) is a comment" 0 "ok" \
  "$BIN" config check "$dir/inline.conf"
printf 'db = "/var/lib/gongkai/gongkai.db"\n' > "$dir/quoted.conf"
check "a quoted value is refused, not taken as a file name with quotes" 1 \
  "quoted.conf:1: db is written without quotes" "$BIN" config check "$dir/quoted.conf"
check "a bad file stops every command" 2 "bad.conf:1" "$BIN" --config "$dir/bad.conf" version
check "missing file is an error" 2 "cannot read" "$BIN" --config "$dir/none.conf" version

# Precedence: the file's db is used; the environment beats the file; the
# command line beats both.
check "db from the file" 0 "backup written" "$BIN" backup --config "$dir/good.conf" --to "$dir/b1.db"
check "environment beats the file" 1 "$dir/nowhere.db" \
  env GONGKAI_DB="$dir/nowhere.db" "$BIN" backup --config "$dir/good.conf" --to "$dir/b2.db"
check "command line beats the environment" 0 "backup written" \
  env GONGKAI_DB="$dir/nowhere.db" "$BIN" backup --config="$dir/good.conf" --db "$db" --to "$dir/b3.db"
check "GONGKAI_CONFIG names the file" 0 "backup written" \
  env GONGKAI_CONFIG="$dir/good.conf" "$BIN" backup --to "$dir/b4.db"

# The configured key-file is the key of every command, as of the server:
# the packaged gongkai.conf names /etc/gongkai/gongkai.key, and `demo` or
# `applications register` run as the service user sealed identity numbers
# with a gongkai.key they made beside the database instead, which the
# server cannot open.
kd=$dir/keyed
mkdir -p "$kd"
python3 -c 'import os; print(os.urandom(32).hex(), end="")' > "$dir/conf.key"
printf 'db = %s/k.db\nkey-file = %s/conf.key\n' "$kd" "$dir" > "$dir/keyed.conf"
"$BIN" --config "$dir/keyed.conf" init >/dev/null 2>&1
"$BIN" --config "$dir/keyed.conf" demo >/dev/null 2>&1
ok "demo seals with the configured key-file (no key made beside the database)" \
  [ ! -e "$kd/gongkai.key" ]
check "applications register with the configured key-file" 0 "tracking code:" \
  "$BIN" --config "$dir/keyed.conf" applications register --user office \
  applicant_type=natural_person name=陆转办 id_kind=resident_id id_number=640521197902020036 \
  phone=13995550001 address=宁夏中宁县宁安镇 postcode=755100 info_title=资金分配表 \
  form=electronic delivery=email email=lu@example.com channel=in_person event_day=2026-03-02
opened=$(python3 - "$kd/k.db" "$dir/conf.key" <<'PY'
import base64, ctypes, ctypes.util, sqlite3, sys
na = ctypes.CDLL(ctypes.util.find_library("sodium"))
key = bytes.fromhex(open(sys.argv[2]).read().strip())
sealed = sqlite3.connect(sys.argv[1]).execute(
    "SELECT id_sealed FROM application ORDER BY id DESC LIMIT 1").fetchone()[0]
box = base64.b64decode(sealed)
nonce, c = box[:24], box[24:]
m = ctypes.create_string_buffer(len(c) - 16)
rc = na.crypto_secretbox_open_easy(m, c, ctypes.c_ulonglong(len(c)), nonce, key)
print(m.raw.decode() if rc == 0 else "unreadable")
PY
)
ok "the server's key opens the identity number the CLI sealed ($opened)" \
  [ "$opened" = 640521197902020036 ]

# A mistyped database path: a clear message and exit 1, and no key file
# made beside the path that is not there.
mkdir -p "$dir/typo"
check "serve on a database that is not there says so" 1 "数据库文件不存在" \
  "$BIN" serve --db "$dir/typo/gongaki.db" --listen 127.0.0.1:0
ok "and makes no key file beside it" [ ! -e "$dir/typo/gongkai.key" ]

check "version prints commit and build date" 0 "commit .*built [0-9]\{4\}-[0-9][0-9]-[0-9][0-9]" \
  "$BIN" version

# --- backup rotation ------------------------------------------------------
for i in 1 2 3; do
  "$BIN" backup --db "$db" --to "$dir/rot" --keep 2 >/dev/null 2>&1
  sleep 1.1
done
n=$(ls "$dir/rot" | grep -c '^gongkai-[0-9]\{8\}T[0-9]\{6\}Z\.db$')
ok "backup --keep 2 keeps the newest two of three" [ "$n" -eq 2 ]
ok "backups are readable by the owner only" [ "$(stat -c %a "$(ls -d "$dir"/rot/* | head -1)")" = 600 ]
check "--keep 0 refused" 2 "--keep must be" "$BIN" backup --db "$db" --to "$dir/rot" --keep 0
check "backup to an existing file refused" 1 "" "$BIN" backup --db "$db" --to "$dir/b1.db"

# --- backup while the server writes ---------------------------------------
# A database of ~5,000 pages and a writer committing every few milliseconds,
# as a busy server does.  The backup must finish and the copy be sound.
# (A backup that copied 256 pages per step restarted from the first page at
# every write between two steps: on a 122 MB database with 100 writes/s it
# had not finished after 100 s, where the copy in one step takes 1.6 s.  Whether it
# finishes here is a race, so this checks the result, not the old hang;
# `timeout` only bounds a hang.)
live=$dir/live.db
cp "$db" "$live"
python3 - "$live" <<'PY'
import sqlite3, sys
d = sqlite3.connect(sys.argv[1])
d.execute("CREATE TABLE zz_fill(b BLOB)")
for i in range(64):
    d.execute("INSERT INTO zz_fill VALUES (randomblob(1000000))")
d.commit()
PY
python3 - "$live" >/dev/null 2>&1 <<'PY' &
import sqlite3, sys, time
d = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=10)
d.execute("PRAGMA synchronous=OFF")
d.execute("CREATE TABLE zz_writer(id INTEGER PRIMARY KEY, t REAL)")
while True:
    d.execute("INSERT INTO zz_writer(t) VALUES (?)", (time.time(),))
    time.sleep(0.003)
PY
writer=$!
sleep 0.5
check "backup finishes while another process writes all the time" 0 "backup written" \
  timeout 120 "$BIN" backup --db "$live" --to "$dir/live-copy.db"
kill "$writer" 2>/dev/null
wait "$writer" 2>/dev/null
ok "the copy taken under writes passes integrity_check" \
  [ "$(sqlite3 "$dir/live-copy.db" 'PRAGMA integrity_check' 2>&1)" = ok ]
check "the copy taken under writes verifies its ledger" 0 "chain intact" \
  "$BIN" ledger verify --db "$dir/live-copy.db"

# --- restore --------------------------------------------------------------
newest=$(ls -d "$dir"/rot/* | tail -1)
check "restore into a new file verifies it" 0 "ledger: [0-9]* entries verified" \
  "$BIN" restore --from "$newest" --db "$dir/restored.db"
check "restored database verifies" 0 "chain intact" "$BIN" ledger verify --db "$dir/restored.db"
check "restore never overwrites" 1 "never overwrites" \
  "$BIN" restore --from "$newest" --db "$dir/restored.db"
check "restore onto the live database refused" 1 "never overwrites" \
  "$BIN" restore --from "$newest" --db "$db"
cp "$newest" "$dir/damaged.db"
# Overwrite pages in the middle of the file with garbage.
dd if=/dev/urandom of="$dir/damaged.db" bs=4096 seek=20 count=40 conv=notrunc 2>/dev/null
check "a damaged backup is refused" 1 "" "$BIN" restore --from "$dir/damaged.db" --db "$dir/r2.db"
ok "a refused restore leaves no file" [ ! -e "$dir/r2.db" ] && [ ! -e "$dir/r2.db.restoring" ]
check "restore needs --from and --db" 2 "required" "$BIN" restore --from "$newest"

# --- moving in from an old site (tests/fixtures/oldsite/README.md) --------
old=tests/fixtures/oldsite
idb=$dir/import.db
"$BIN" init --db "$idb" >/dev/null 2>&1
check "import-html reports the pages it could not read" 1 "3 pages imported, 2 not imported" \
  "$BIN" docs import-html --db "$idb" --org main "$old"/layout-table/20190312-1.html \
  "$old"/layout-list/t20200415_2088.html "$old"/layout-inline/art_1229.html \
  "$old"/broken/nobody.html "$old"/broken/missing-attachment.html
ok "the report names the missing attachment" grep -q "missing-attachment.html：附件“qingdan.pdf”没有保存在页面旁边" "$dir/err"
ok "the report names the page without title" grep -q "nobody.html：页面中没有找到标题" "$dir/err"
q() { python3 -c 'import sqlite3,sys; print("\n".join("|".join(map(str,r)) for r in sqlite3.connect(sys.argv[1]).execute(sys.argv[2])))' "$idb" "$1"; }
ok "table layout: index number, publisher, date, number kept" [ "$(q "select index_number||'|'||publisher||'|'||published_date||'|'||doc_number from doc where index_number like '11640521MB1594621N/%'")" = "11640521MB1594621N/2019-00012|中宁县卫生和计划生育局|2019-03-12|宁卫计发〔2019〕21号" ]
ok "GBK page (declared gb2312) read" [ "$(q "select title||'|'||signed_date from doc where index_number='640323000/2021-00003'")" = "盐池县2020年政府信息公开工作年度报告|2021-01-20" ]
ok "GBK page (undeclared) read" [ "$(q "select title||'|'||publisher from doc where index_number='002951712/2019-03812'")" = "鄞州区2018年政府信息公开工作年度报告|鄞州区人民政府办公室" ]
ok "attachments imported beside their pages" [ "$(q "select count(*) from doc_attachment")" = 2 ]
ok "a refused page leaves nothing" [ "$(q "select count(*) from doc where index_number='11640521MB1594621N/2019-00100'")" = 0 ]
check "imported pages are published and searchable" 0 "total 1" "$BIN" search query --db "$idb" 盐池县
check "imported pages enter the ledger" 0 "chain intact" "$BIN" ledger verify --db "$idb"
check "a page imported twice is refused" 1 "索引号已被使用" \
  "$BIN" docs import-html --db "$idb" --org main "$old"/layout-table/20190312-1.html

echo "cli-ops: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
