#!/bin/sh
# run.sh — gongkai's benchmarks (`make bench`).  Each number is measured
# against a reference in the same run on this machine, over loopback, and
# the report is written to bench/RESULTS.md (see README.md "Benchmarks").
#
#   1. a public document page: gongkai serve vs nginx serving the same bytes
#      from `gongkai export-site` (wrk, keep-alive, 64 connections);
#   then for every size N in BENCH_SIZES (documents = applications = N):
#   3. bulk import of N generated documents (`gongkai docs import`), incl.
#      the search index, documents per second;
#   2. search (bench-search): gk vs a LIKE scan vs FTS5 trigram, index size;
#      the exact count read from the segments (fts_read.c) vs FTS5's;
#   4. the annual report (`gongkai applications year`) over the tree;
#   5. resident memory of `gongkai serve` under load on that database;
#   2b. relevance: the portal's order against BM25 with IDF over every
#      match (bench-search --overlap);
#   8. search latency while `gongkai docs import` adds N more documents,
#      against the same queries idle just before;
#   and after section 1, on its database:
#   6. the document page vs nginx while bench/writer.py signs in and out,
#      fails sign-ins and registers applications (~20 POSTs/s), with the
#      public cache's hit rate from /metrics;
#   7. 1,000 keep-alive connections (bench/connload.c, open loop at a
#      fixed rate; and wrk -c1000), gongkai vs nginx;
#   and with BENCH_PG=1, for every size in BENCH_PG_SIZES (default 10000):
#   9. PostgreSQL against SQLite (bench/pg.sh): import, annual report,
#      search (newest-first, relevance, exact count, portal page), document
#      pages, and two servers on one PostgreSQL against one, each as a
#      ratio measured in the same run.
#
# Environment: BENCH_DURATION (seconds per wrk run, default 10), BENCH_RUNS
# (repetitions for min/median/max, default 3), BENCH_SIZES (default
# "10000 100000 1000000"), BENCH_TRIGRAM (1: also build the trigram table,
# default 1) and BENCH_TRIGRAM_MAX (largest size that gets it, default
# 1000000), BENCH_LIKE (LIKE scans per query class, default 3),
# BENCH_TIMEOUT (seconds any one step may take, default 3600),
# BENCH_KEEP (1: keep the work directory), BENCH_SKIP_PAGE (1: skip
# sections 1, 6 and 7, e.g. for a run of one large size), BENCH_WRITES
# (POSTs per second of the writer in section 6, default 20), BENCH_CONNS
# (connections of section 7, default 1000) and BENCH_CONN_RATE (its
# requests per second, default 2000), BENCH_OVERLAP (queries per class of
# section 2b, default 20; 0 skips it), BENCH_PG (1: section 9) with
# BENCH_PG_SIZES, BENCH_PG_QUERIES, BENCH_PG_SHARED_BUFFERS, BENCH_PG_PARTS,
# BENCH_PG_DIRECT
# and BENCH_PG_REUSE (bench/pg.sh), BENCH_PORT_BASE (servers and nginx
# listen on BASE..BASE+9 instead of free ports the kernel picks),
# BENCH_GONGKAI (the binary, default ./gongkai).  An
# empty BENCH_SIZES skips sections 2–5 and 8 (e.g. BENCH_SKIP_PAGE=1
# BENCH_SIZES= BENCH_PG=1 for section 9 alone).  Every step runs under
# `timeout`, so the run stops by itself.
set -eu
cd "$(dirname "$0")/.."
DUR=${BENCH_DURATION:-10}
RUNS=${BENCH_RUNS:-3}
SIZES=${BENCH_SIZES-"10000 100000 1000000"}
TRIGRAM=${BENCH_TRIGRAM:-1}
TRIGRAM_MAX=${BENCH_TRIGRAM_MAX:-1000000}
LIKE=${BENCH_LIKE:-3}
WRITES=${BENCH_WRITES:-20}
CONNS=${BENCH_CONNS:-1000}
CONN_RATE=${BENCH_CONN_RATE:-2000}
OVERLAP=${BENCH_OVERLAP:-20}
TMO=${BENCH_TIMEOUT:-3600}
WORK=$(mktemp -d "${BENCH_TMP:-/tmp}/gk-bench.XXXXXX")
chmod 755 "$WORK"   # nginx workers run as another user
OUT=${BENCH_OUT:-bench/RESULTS.md}
GKBIN=${BENCH_GONGKAI:-./gongkai}
GK="timeout $TMO $GKBIN"
cleanup() {
  for p in "$WORK"/*.pid; do [ -f "$p" ] && kill "$(cat "$p")" 2>/dev/null; done
  ! command -v pg_down > /dev/null || pg_down
  [ "${BENCH_KEEP:-0}" = 1 ] || rm -rf "$WORK"
}
trap cleanup EXIT

free_port() {
  if [ -n "${BENCH_PORT_BASE:-}" ]; then
    # called in $(...): the next port is counted in a file
    n=$(cat "$WORK/port.n" 2>/dev/null || echo 0)
    echo $((n + 1)) > "$WORK/port.n"
    echo $((BENCH_PORT_BASE + n % 10))
  else
    python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'
  fi
}

# min/median/max of numbers on stdin -> "min / median / max"
stats() { sort -g | awk '{a[NR]=$1} END {printf "%s / %s / %s", a[1], a[int((NR+1)/2)], a[NR]}'; }

# wrk_run URL [lua script] -> "rps p99ms"
wrk_run() {
  if [ -n "${2:-}" ]; then set -- "$1" -s "$2"; fi
  wrk -t2 -c"${WRK_CONNS:-64}" -d"${DUR}s" --latency -H 'Accept-Encoding: identity' "$@" > "$WORK/wrk.txt" 2>&1
  rps=$(awk '/Requests\/sec/ {print $2}' "$WORK/wrk.txt")
  p99=$(awk '$1=="99%" {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v=v*1000}; print v}' "$WORK/wrk.txt")
  echo "$rps $p99"
}

# serve DB NAME [options] -> starts gongkai serve on a free port, echoes the port
serve() {
  port=$(free_port)
  db=$1 name=$2
  shift 2
  GONGKAI_KEY=$(printf '0f%.0s' $(seq 32)) "$GKBIN" serve --db "$db" \
    --listen "127.0.0.1:$port" --threads 2 "$@" > "$WORK/$name.out" 2> "$WORK/$name.log" &
  echo $! > "$WORK/$name.pid"
  i=0
  while ! curl -s -o /dev/null "http://127.0.0.1:$port/"; do
    i=$((i + 1)); [ $i -lt 100 ] || { echo "server $name did not start" >&2; exit 1; }
    sleep 0.1
  done
  echo "$port"
}
stop() { kill "$(cat "$WORK/$1.pid")" 2>/dev/null || true; rm -f "$WORK/$1.pid"; }

# wall-clock seconds of a command; its stdout goes to $WORK/last.out and
# its CPU seconds (user + system) to $WORK/last.cpu
timed() {
  /usr/bin/time -f '%e %U %S' -o "$WORK/time.txt" "$@" > "$WORK/last.out"
  awk '{printf "%.2f\n", $2 + $3}' "$WORK/time.txt" > "$WORK/last.cpu"
  awk '{printf "%.2f", $1}' "$WORK/time.txt"
}

load="load average $(cut -d' ' -f1-3 /proc/loadavg) at the start"
{
  echo "# gongkai benchmark results"
  echo
  echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores ($(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)),"
  echo "$(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr), SQLite $(sqlite3 --version | cut -d' ' -f1);"
  echo "client and servers share the machine (loopback); $load."
  echo "Command: \`make bench\` with BENCH_SIZES=\"$SIZES\" BENCH_DURATION=$DUR BENCH_RUNS=$RUNS BENCH_LIKE=$LIKE BENCH_TRIGRAM=$TRIGRAM BENCH_TRIGRAM_MAX=$TRIGRAM_MAX$( [ "${BENCH_PG:-0}" != 1 ] || echo " BENCH_PG=1 BENCH_PG_SIZES=\"${BENCH_PG_SIZES:-10000}\" BENCH_PG_QUERIES=${BENCH_PG_QUERIES:-20}")."
  echo "Targets (issue 8) are quoted under each table; see README.md \"Benchmarks\" for how to read them."
} > "$OUT.new"

# ---- 1. Document page vs nginx ---------------------------------------------
if [ "${BENCH_SKIP_PAGE:-0}" != 1 ]; then
echo "== 1. page benchmark (demo database + 300 generated documents)"
DB="$WORK/demo.db"
$GK init --db "$DB" > /dev/null
$GK demo --db "$DB" > /dev/null
$GK bench-gen docs --n 300 --seed 3 --out "$WORK/page.jsonl"
$GK docs import --db "$DB" --org znwsj "$WORK/page.jsonl" > /dev/null
PAGE=${BENCH_PAGE:-$(sh bench/pick_page.sh "$DB")}
$GK export-site --db "$DB" --out "$WORK/site" > /dev/null
GKPORT=$(serve "$DB" gk)
NGPORT=$(free_port)
cat > "$WORK/nginx.conf" <<NGX
worker_processes 2;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_requests 1000000;
  include /etc/nginx/mime.types;
  server {
    listen 127.0.0.1:$NGPORT;
    root $WORK/site;
    index index.html;
    location / { try_files \$uri \$uri/index.html =404; }
  }
}
NGX
nginx -c "$WORK/nginx.conf" -p "$WORK"
sleep 1
GKURL="http://127.0.0.1:$GKPORT$PAGE"
NGURL="http://127.0.0.1:$NGPORT$PAGE"
B1=$(curl -s "$GKURL" | wc -c)
B2=$(curl -s "$NGURL" | wc -c)
echo "   page $PAGE: gongkai $B1 bytes, nginx $B2 bytes"
[ "$B1" = "$B2" ] || { echo "the two servers send different bodies" >&2; exit 1; }
case "$PAGE" in */d/*) ;; *) echo "warning: $PAGE is not a document page" >&2 ;; esac

: > "$WORK/gk.txt"; : > "$WORK/ng.txt"
i=0
while [ $i -lt "$RUNS" ]; do
  wrk_run "$NGURL" >> "$WORK/ng.txt"
  wrk_run "$GKURL" >> "$WORK/gk.txt"
  i=$((i + 1))
done
ng_rps=$(cut -d' ' -f1 "$WORK/ng.txt" | stats)
gk_rps=$(cut -d' ' -f1 "$WORK/gk.txt" | stats)
ng_p99=$(cut -d' ' -f2 "$WORK/ng.txt" | stats)
gk_p99=$(cut -d' ' -f2 "$WORK/gk.txt" | stats)
ratio=$(paste -d' ' "$WORK/gk.txt" "$WORK/ng.txt" | awk '{print $1/$3}' | stats)
rss=$(awk '/VmHWM/ {print int($2/1024)}' "/proc/$(cat "$WORK/gk.pid")/status")
stop gk
# Sections 6 and 7 (writes $WORK/traffic.md, appended after section 5).
. bench/traffic.sh
nginx -c "$WORK/nginx.conf" -p "$WORK" -s stop 2>/dev/null || true
{
  echo
  echo "## 1. Document page: gongkai serve vs nginx serving the same bytes"
  echo
  echo "Page \`$PAGE\` ($B1 bytes; a published document of the demo database with 300 generated"
  echo "documents imported), \`wrk -t2 -c64 -d${DUR}s --latency\`, keep-alive, no gzip;"
  echo "nginx serves the file written by \`gongkai export-site\`. min / median / max of $RUNS runs,"
  echo "runs alternate between the servers."
  echo
  echo "| server | requests/s | p99 latency (ms) |"
  echo "|---|---|---|"
  echo "| nginx 2 workers | $ng_rps | $ng_p99 |"
  echo "| gongkai 2 threads | $gk_rps | $gk_p99 |"
  echo "| **ratio gongkai/nginx** | **$ratio** | |"
  echo
  echo "Target: ratio ≥ 0.9, gongkai p99 < 5 ms. Server peak resident memory: $rss MiB."
} >> "$OUT.new"
fi

# ---- Per size: import, search, annual report, memory -----------------------
IMPORT_ROWS=""
ANNUAL_ROWS=""
MEM_ROWS=""
DURING_ROWS=""
for N in $SIZES; do
  echo "== size $N"
  DB="$WORK/n$N.db"
  $GK init --db "$DB" > /dev/null
  # The portal's search table when the schema has one, else the one of
  # docs/search.md under the name bench_fts.
  HAS=$(sqlite3 "$DB" "SELECT count(*) FROM sqlite_master WHERE name='search_fts' OR sql LIKE 'CREATE VIRTUAL TABLE%fts5%content=''doc''%'")
  [ "$HAS" != 0 ] || $GK bench-search --db "$DB" --create bench_fts --tokenizer gk > /dev/null
  NORG=$(( N / 2000 )); [ $NORG -ge 20 ] || NORG=20; [ $NORG -le 500 ] || NORG=500
  ROOT=$($GK bench-gen orgs --db "$DB" --n $NORG --seed 1)
  gen_s=$(timed $GK bench-gen docs --n "$N" --seed 1 --out "$WORK/docs.jsonl")
  MB=$(du -m "$WORK/docs.jsonl" | cut -f1)
  echo "   generated $N documents ($MB MB) in $gen_s s; importing"
  /usr/bin/time -f '%U %S %M' -o "$WORK/import.time" \
    $GK docs import --db "$DB" --org "$ROOT" --batch 5000 "$WORK/docs.jsonl" > "$WORK/import.out"
  cat "$WORK/import.out"
  imp_s=$(sed -n 's/.* in \([0-9.]*\) s .*/\1/p' "$WORK/import.out")
  imp_rate=$(sed -n 's/.*(\([0-9]*\) documents\/s).*/\1/p' "$WORK/import.out")
  imp_cpu=$(awk '{printf "%.1f", $1+$2}' "$WORK/import.time")
  imp_rss=$(awk '{printf "%d", $3/1024}' "$WORK/import.time")
  rm -f "$WORK/docs.jsonl"
  dbmb=$(du -m "$DB" | cut -f1)
  IMPORT_ROWS="$IMPORT_ROWS| $N | $imp_s | **$imp_rate** | $(echo "$N $imp_cpu" | awk '{printf "%.0f", $1/$2}') | $imp_rss | $dbmb |
"
  apps_s=$(timed $GK bench-gen apps --db "$DB" --org "$ROOT" --n "$N" --years 2019-2025 --seed 1)
  echo "   $N applications in $apps_s s"

  echo "   search"
  TRI=""
  tri_s="—"
  if [ "$TRIGRAM" = 1 ] && [ "$N" -le "$TRIGRAM_MAX" ]; then
    tri_s=$($GK bench-search --db "$DB" --create bench_tri --tokenizer trigram)
    TRI="--trigram bench_tri"
  fi
  # shellcheck disable=SC2086
  $GK bench-search --db "$DB" $TRI --like "$LIKE" --overlap "$OVERLAP" > "$WORK/search.md"
  cat "$WORK/search.md" >> "$WORK/search.all"
  { echo; [ -z "$TRI" ] || echo "Trigram table built after the import in $tri_s s."; echo "Targets at 1M: newest-first p99 < 10 ms, relevance p99 < 50 ms, count < 50 ms, exact recall, index ≤ 1.2 × text."; } >> "$WORK/search.all"
  [ -z "$TRI" ] || $GK bench-search --db "$DB" --drop bench_tri > /dev/null
  # The exact count through store_search(): read from the segments
  # (fts_read.c, each count also checked against FTS5's: a difference
  # fails the run) against FTS5's own count, alternately, two rounds each;
  # per class the larger p50 and p99 of the rounds.
  : > "$WORK/exact.r"; : > "$WORK/exact.f"
  for k in 1 2; do
    $GK bench-search --db "$DB" --exact --queries 20 --runs 2 >> "$WORK/exact.r" || {
      echo "bench: the segment reader's count differs from FTS5's (N=$N)" >&2; exit 1; }
    $GK bench-search --db "$DB" --exact --fts5 --queries 20 --runs 2 >> "$WORK/exact.f"
  done
  {
    echo
    echo "Exact count through \`store_search()\` (\`bench-search --exact\`, 20 queries per class, 2 runs; two rounds alternating with \`--exact --fts5\`, the larger figure of the rounds; ms): read from FTS5's segments by \`fts_read.c\` against FTS5's own count."
    echo
    echo "| class | median matches | segments p50 / p99 (CPU p99) | FTS5 p50 / p99 (CPU p99) | p99 ratio (CPU) |"
    echo "|---|---|---|---|---|"
    awk -F '\t' 'FNR == NR { m[$1] = $3; if ($4 > rp50[$1]) rp50[$1] = $4; if ($5 > rp99[$1]) rp99[$1] = $5
                              if ($7 > rc99[$1]) rc99[$1] = $7; if (!($1 in seen)) { seen[$1] = 1; o[++n] = $1 }; next }
                  { if ($4 > fp50[$1]) fp50[$1] = $4; if ($5 > fp99[$1]) fp99[$1] = $5; if ($7 > fc99[$1]) fc99[$1] = $7 }
                  END { for (i = 1; i <= n; i++) { c = o[i]
                    printf "| %s | %s | %.2f / %.2f (%.2f) | %.2f / %.2f (%.2f) | %.2f (%.2f) |\n", c, m[c],
                      rp50[c], rp99[c], rc99[c], fp50[c], fp99[c], fc99[c],
                      (fp99[c] > 0 ? rp99[c] / fp99[c] : 0), (fc99[c] > 0 ? rc99[c] / fc99[c] : 0) } }' \
      "$WORK/exact.r" "$WORK/exact.f"
    echo
    echo "Target 5 at 1M: exact count p99 ≤ 50 ms."
  } >> "$WORK/search.all"

  echo "   annual report"
  : > "$WORK/annual.txt"; : > "$WORK/annual.cpu"
  i=0
  while [ $i -lt "$RUNS" ]; do
    timed $GK applications year 2024 --db "$DB" --org "$ROOT" >> "$WORK/annual.txt"; echo >> "$WORK/annual.txt"
    cat "$WORK/last.cpu" >> "$WORK/annual.cpu"
    i=$((i + 1))
  done
  napps=$(awk '$1=="t3" && $2=="new" {n+=$4} END {print n+0}' "$WORK/last.out")
  ANNUAL_ROWS="$ANNUAL_ROWS| $N | $NORG | $napps | $(stats < "$WORK/annual.txt") | $(stats < "$WORK/annual.cpu") |
"

  echo "   memory under load"
  MAXID=$(sqlite3 "$DB" "SELECT max(id) FROM doc")
  SLUG=$ROOT
  cat > "$WORK/pages.lua" <<LUA
math.randomseed(42)
request = function()
  local k = math.random(4)
  if k == 1 then return wrk.format("GET", "/o/$SLUG/guide") end
  return wrk.format("GET", "/o/$SLUG/d/" .. math.random($MAXID))
end
LUA
  PORT=$(serve "$DB" big)
  rss0=$(awk '/VmRSS/ {print int($2/1024)}' "/proc/$(cat "$WORK/big.pid")/status")
  res=$(wrk_run "http://127.0.0.1:$PORT/" "$WORK/pages.lua")
  hwm=$(awk '/VmHWM/ {print int($2/1024)}' "/proc/$(cat "$WORK/big.pid")/status")
  rss1=$(awk '/VmRSS/ {print int($2/1024)}' "/proc/$(cat "$WORK/big.pid")/status")
  stop big
  MEM_ROWS="$MEM_ROWS| $N | $rss0 | $rss1 | **$hwm** | $(echo "$res" | cut -d' ' -f1) | $(echo "$res" | cut -d' ' -f2) |
"
  echo "   search while importing"
  # 8. The same queries idle, then in rounds while `docs import` adds M
  # more documents (the tail of a corpus of N + M: new index numbers).
  M=$(( N / 10 )); [ $M -ge 5000 ] || M=5000
  $GK bench-gen docs --n $((N + M)) --seed 1 | tail -n "$M" > "$WORK/more.jsonl"
  idle=$($GK bench-search --db "$DB" --latency --queries 20 --runs 2)
  t0=$(date +%s.%N)
  $GK docs import --db "$DB" --org "$ROOT" --batch 5000 "$WORK/more.jsonl" > "$WORK/more.out" &
  IPID=$!
  : > "$WORK/busy.txt"
  rounds=0
  while kill -0 $IPID 2>/dev/null; do
    $GK bench-search --db "$DB" --latency --queries 20 --runs 2 > "$WORK/busy1.txt"
    # a round counts when the import was still running at its end
    if kill -0 $IPID 2>/dev/null; then cat "$WORK/busy1.txt" >> "$WORK/busy.txt"; rounds=$((rounds + 1)); fi
  done
  wait $IPID
  imp2_s=$(echo "$(date +%s.%N) $t0" | awk '{printf "%.1f", $1 - $2}')
  # busy.txt: one line of nine numbers per round (bench-search --latency:
  # wall p50, wall p99, CPU p99 for newest, relevance, portal page); the
  # median of the rounds' p50 and the largest of their p99s.
  fmt9='{printf "%.3f / %.3f (%.3f) | %.3f / %.3f (%.3f) | %.3f / %.3f (%.3f)", $1, $2, $3, $4, $5, $6, $7, $8, $9}'
  if [ -s "$WORK/busy.txt" ]; then
    busy=$(awk '{for (i = 1; i <= 9; i++) v[i, NR] = $i} END {
      for (i = 1; i <= 9; i++) { n = NR; for (k = 1; k <= n; k++) a[k] = v[i, k]
        for (x = 1; x <= n; x++) for (y = x + 1; y <= n; y++) if (a[y] < a[x]) { t = a[x]; a[x] = a[y]; a[y] = t }
        r[i] = (i % 3 == 1) ? a[int((n + 1) / 2)] : a[n] }
      print r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9] }' "$WORK/busy.txt" | awk "$fmt9")
  else
    busy="— (the import ended before one round of queries did) | | "
  fi
  DURING_ROWS="$DURING_ROWS| $N | idle | $(echo "$idle" | awk "$fmt9") | |
| $N | importing $M documents | $busy | $rounds rounds, import $imp2_s s: $(sed -n 's/.*(\([0-9]*\) documents\/s).*/\1/p' "$WORK/more.out") documents/s |
"
  rm -f "$WORK/more.jsonl"
  [ "${BENCH_KEEP:-0}" = 1 ] || rm -f "$DB" "$DB-wal" "$DB-shm"
done
{
  echo
  echo "## 8. Search while importing"
  echo
  echo "\`gongkai bench-search --latency --queries 20 --runs 2\` (the 4 query classes of section 2"
  echo "together, 80 queries, one warm-up and 2 timed runs each; wall ms p50 / p99 and, in"
  echo "parentheses, the p99 of the query process's CPU time): once idle, then"
  echo "in rounds while \`gongkai docs import --batch 5000\` adds M = max(N/10, 5000) documents to"
  echo "the same database (another process; WAL, each batch one transaction). Under import: the"
  echo "median of the rounds' p50 and the largest of their p99s; only rounds that ended while the"
  echo "import still ran count."
  echo
  echo "| documents | while | newest 20 p50 / p99 (CPU p99) | relevance p50 / p99 (CPU p99) | portal page p50 / p99 (CPU p99) | |"
  echo "|---|---|---|---|---|---|"
  printf "%s" "$DURING_ROWS"
  echo
  echo "Target: newest-first p99 < 10 ms and relevance p99 < 50 ms also while importing."
} > "$WORK/during.md"

# ---- 9. PostgreSQL against SQLite (BENCH_PG=1) -----------------------------
[ "${BENCH_PG:-0}" != 1 ] || . bench/pg.sh

[ -z "$SIZES" ] || {
  cat "$WORK/search.all"
  echo
  echo "## 3. Bulk import (\`gongkai docs import\`, search index included)"
  echo
  echo "Generated documents (\`gongkai bench-gen docs --seed 1\`, JSON lines) into an empty database"
  echo "with the search table; every line checked first, then batches of 5000 per transaction"
  echo "(document, index number, publication ledger entry, search index). One run per size."
  echo
  echo "| documents | seconds | documents/s (wall) | documents/s per CPU second | peak RSS MiB | database MB |"
  echo "|---|---|---|---|---|---|"
  printf "%s" "$IMPORT_ROWS"
  echo
  echo "Target: ≥ 10,000 documents/s including the search index."
  echo
  echo "## 4. Annual report over an organisation tree"
  echo
  echo "\`gongkai applications year 2024 --org ROOT\` (table 三 cells by SQL grouping over the"
  echo "subtree, with the carry-over reconciliation), N generated applications received 2019–2025"
  echo "over the tree; min / median / max of $RUNS runs (process start included), wall clock and"
  echo "CPU (user + system) seconds."
  echo
  echo "| applications | organisations | received in 2024 | wall s | CPU s |"
  echo "|---|---|---|---|---|"
  printf "%s" "$ANNUAL_ROWS"
  echo
  echo "Target: < 1 s at 1M applications."
  echo
  echo "## 5. Server memory under load"
  echo
  echo "\`gongkai serve --threads 2\` on the database of each size, \`wrk -t2 -c64 -d${DUR}s\` on random"
  echo "document pages (3 in 4) and the organisation guide; resident memory in MiB from /proc."
  echo
  echo "| documents | RSS idle | RSS after | peak RSS (VmHWM) | requests/s | p99 ms |"
  echo "|---|---|---|---|---|---|"
  printf "%s" "$MEM_ROWS"
  echo
  echo "Target: < 64 MB at 1M documents."
} >> "$OUT.new"
{
  [ ! -f "$WORK/traffic.md" ] || cat "$WORK/traffic.md"
  [ -z "$SIZES" ] || [ ! -f "$WORK/during.md" ] || cat "$WORK/during.md"
  [ ! -f "$WORK/pg.md" ] || cat "$WORK/pg.md"
} >> "$OUT.new"
# What limits each missed target, with profiles: written by hand after a
# run, kept in bench/analysis.md and appended to every report.
[ ! -f bench/analysis.md ] || { echo; cat bench/analysis.md; } >> "$OUT.new"
mv "$OUT.new" "$OUT"
cat "$OUT"
