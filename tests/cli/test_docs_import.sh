#!/bin/sh
# test_docs_import.sh — `gongkai docs import` with its reader thread
# (--import-threads 2, the default) stores what the single-threaded import
# (--import-threads 1) stores, byte for byte: the documents (every column but the
# two timestamps), the ledger (sequence, document, event, content hash and
# content), the index-number serials, the portal index rows and both FTS5
# tables' shadow tables, for 3,000 generated documents in batches of 500
# (the reader runs up to 1,024 documents ahead).  Both ledgers verify, and
# the content generation advanced with every batch.
# A line whose index number the import itself has given to an earlier
# line (found only when stored) stops the import after the last whole
# batch, with the same message and the same rows on both paths, while the
# reader is still ahead of the writer.
# The index the store writes (--fts-writer store) is the one FTS5's insert
# writes (--fts-writer fts5), byte for byte, and answers queries alike.
# Ends with "cli-docs_import: N passed, N failed".
suite=docs_import; . tests/cli/common.inc

dump() {  # the stored content of database $1, one line per table
  python3 - "$1" <<'PY'
import hashlib, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
def h(sql):
    m, n = hashlib.sha256(), 0
    for r in db.execute(sql):
        m.update(repr(r).encode())
        n += 1
    return "%d %s" % (n, m.hexdigest())
cols = [r[1] for r in db.execute("PRAGMA table_info(doc)")
        if r[1] not in ("created_at", "updated_at")]
print("doc", h("SELECT %s FROM doc ORDER BY id" % ",".join(cols)))
print("doc_ledger", h("SELECT seq,doc_id,event,content_hash,content"
                      " FROM doc_ledger ORDER BY seq"))
print("doc_serial", h("SELECT * FROM doc_serial ORDER BY 1,2"))
print("search_doc", h("SELECT * FROM search_doc ORDER BY id"))
print("search_meta", h("SELECT * FROM search_meta ORDER BY 1"))
for t in ("search_fts", "search_chr"):
    for s in ("data", "idx", "docsize", "config"):
        print(t + "_" + s, h("SELECT * FROM %s_%s ORDER BY 1,2" % (t, s)))
PY
}

fresh() {  # a new database $dir/$1.db with the benchmark's organisations
  "$BIN" init --db "$dir/$1.db" >/dev/null 2>&1 &&
    "$BIN" bench-gen orgs --db "$dir/$1.db" --n 20 --seed 1
}

"$BIN" bench-gen docs --n 6000 --seed 7 --out "$dir/gen.jsonl" >/dev/null 2>&1 &&
  head -n 3000 "$dir/gen.jsonl" >"$dir/docs.jsonl" ||
  { echo "FAIL setup: bench-gen"; echo "cli-docs_import: 0 passed, 1 failed"; exit 1; }

gen() {  # the content generation of database $1 (migration 0040)
  python3 -c 'import sqlite3, sys
print(sqlite3.connect(sys.argv[1]).execute(
    "SELECT gen FROM content_generation").fetchone()[0])' "$1"
}

for t in 1 2; do
  org=$(fresh "t$t")
  gen0=$(gen "$dir/t$t.db")
  check "import_threads_$t" 0 "imported 3000 documents" \
    "$BIN" docs import --db "$dir/t$t.db" --org "$org" --batch 500 \
    --import-threads "$t" "$dir/docs.jsonl"
  # Bulk mode advances the generation once per commit, not per row: at
  # least once for each of the 6 batches (servers' caches must see it).
  ok "generation_advanced_threads_$t" [ "$(gen "$dir/t$t.db")" -ge $((gen0 + 6)) ]
  check "ledger_verifies_threads_$t" 0 "3000 entries verified" \
    "$BIN" ledger verify --db "$dir/t$t.db"
  dump "$dir/t$t.db" >"$dir/t$t.txt"
done
ok same_content_both_paths cmp -s "$dir/t1.txt" "$dir/t2.txt"
ok all_3000_documents grep -q "^doc 3000 " "$dir/t2.txt"
ok all_3000_entries grep -q "^doc_ledger 3000 " "$dir/t2.txt"
ok all_3000_indexed grep -q "^search_fts_docsize 3000 " "$dir/t2.txt"

# The search index the store writes itself (--fts-writer store, the
# default) answers as the one FTS5's own insert writes: the same ids,
# newest first, and the same total for every query
# (tests/unit/test_fts_write.c compares the segments themselves).
org=$(fresh f5)
check import_fts5_writer 0 "imported 3000 documents" \
  "$BIN" docs import --db "$dir/f5.db" --org "$org" --batch 500 \
  --fts-writer fts5 "$dir/docs.jsonl"
# FTS5 flushes a batch of 500 as one segment too: the shadow tables are
# the same bytes, merges included.
dump "$dir/f5.db" >"$dir/f5.txt"
grep '^search_[a-z]*_' "$dir/t2.txt" >"$dir/t2_index.txt"
grep '^search_[a-z]*_' "$dir/f5.txt" >"$dir/f5_index.txt"
ok same_index_bytes_as_fts5 cmp -s "$dir/t2_index.txt" "$dir/f5_index.txt"
n=0
for q in 水 政府 信息公开 2019 "公开 工作" '"年度 报告"' 关于印发 卫健; do
  n=$((n + 1))
  "$BIN" search query --db "$dir/t2.db" "$q" >"$dir/q_store" 2>&1
  "$BIN" search query --db "$dir/f5.db" "$q" >"$dir/q_fts5" 2>&1
  ok "same_answers_$n" cmp -s "$dir/q_store" "$dir/q_fts5"
  grep -q "^total [1-9]" "$dir/q_store" && found=$n
done
ok queries_find_documents [ "${found:-0}" -gt 0 ]
check fts_writer_checked 2 "--fts-writer 应为 store 或 fts5" \
  "$BIN" docs import --db "$dir/t1.db" --org 2 --fts-writer x "$dir/docs.jsonl"

# Line 1 has no index number: the root organisation (id 2, code 300000002)
# gives it the first of 2010, 300000002/2010-00001.  Line 2501 brings that
# number itself: not used before the import nor twice in the file, so the
# first pass accepts it, and storing it conflicts.  Batches of 500: lines
# 1-2500 are stored, 3,500 lines are still to come.
python3 - "$dir/gen.jsonl" "$dir/clash.jsonl" <<'PY'
import json, sys
src = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
first = dict(src[0], published_date="2010-03-01")
first.pop("index_number", None)
clash = dict(src[1], title="重复的索引号", index_number="300000002/2010-00001")
out = [first] + src[1:2500] + [clash] + src[2500:]
with open(sys.argv[2], "w", encoding="utf-8") as f:
    for o in out:
        f.write(json.dumps(o, ensure_ascii=False) + "\n")
PY
for t in 1 2; do
  org=$(fresh "c$t")
  check "clash_stops_threads_$t" 1 \
    "索引号“300000002/2010-00001”已被使用（已导入 2500 个文件，至第 2500 行）" \
    "$BIN" docs import --db "$dir/c$t.db" --org "$org" --batch 500 \
    --import-threads "$t" "$dir/clash.jsonl"
  dump "$dir/c$t.db" >"$dir/c$t.txt"
done
ok clash_same_content cmp -s "$dir/c1.txt" "$dir/c2.txt"
ok clash_kept_2500 grep -q "^doc 2500 " "$dir/c2.txt"

check threads_checked 2 "--import-threads 应为 1 或 2" \
  "$BIN" docs import --db "$dir/t1.db" --org 2 --import-threads 3 "$dir/docs.jsonl"

# The server's `threads` (a configuration file's key, GONGKAI_THREADS) is
# not the import's: an installed system's gongkai.conf says threads = 4.
printf 'threads = 4\n' > "$dir/gongkai.conf"
org=$(fresh cf)
head -n 5 "$dir/docs.jsonl" > "$dir/five.jsonl"
tail -n 5 "$dir/docs.jsonl" > "$dir/five2.jsonl"
check config_threads_not_the_import_s 0 "imported 5 documents" \
  "$BIN" --config "$dir/gongkai.conf" docs import --db "$dir/cf.db" --org "$org" "$dir/five.jsonl"
check env_threads_not_the_import_s 0 "imported 5 documents" env GONGKAI_THREADS=4 \
  "$BIN" docs import --db "$dir/cf.db" --org "$org" "$dir/five2.jsonl"

echo "cli-docs_import: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
