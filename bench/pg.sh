# pg.sh — section 9 of `make bench` (BENCH_PG=1): PostgreSQL against
# SQLite, each figure a ratio measured side by side in the same run (issues
# 16 and 18).  Sourced by run.sh (uses its serve, stop, timed, stats,
# free_port, $GK, $WORK, $RUNS, $DUR, $TMO); appends to $WORK/pg.md.
#
# For each N in BENCH_PG_SIZES (default 10000):
#   a throw-away PostgreSQL 15 cluster (tests/pg/pg.sh, as the tests start
#     it: Unix socket, fsync off; shared_buffers BENCH_PG_SHARED_BUFFERS,
#     default 256MB) and a new SQLite file;
#   9a. import: the same N generated documents (`bench-gen docs --seed 1`)
#     with `gongkai docs import --batch 5000` into each; wall seconds,
#     documents/s, documents per CPU-second (PostgreSQL: the client plus
#     the cluster's processes); then N applications (`bench-gen apps`),
#     and VACUUM ANALYZE on PostgreSQL;
#   9b. the annual report (`applications year 2024 --org ROOT`), $RUNS
#     runs on each, alternating;
#   9f. the FTS5 search replica filled once from scratch (`gongkai search
#     replica`, timed); each PostgreSQL server below gets a copy of its
#     own (--search-replica), so that no server fills one while measured;
#   9d. document pages: `gongkai serve --threads 2` on each database, wrk
#     on random document pages (as section 5), $RUNS runs alternating;
#   9e. two servers against one on the PostgreSQL database, behind nginx
#     (an upstream of one server, then of two; keep-alive to the
#     upstreams), the same random pages, $RUNS runs alternating;
#   9c. search, last (it is the slowest part on PostgreSQL today):
#     `gongkai bench-search --db SQLITE --compare PG` (newest 20, relevance
#     20, exact count, portal page; the query set of section 2,
#     BENCH_PG_QUERIES per class, default 20, BENCH_PG_SEARCH_RUNS timed
#     runs, default $RUNS; each query alternately on the two, CPU including
#     the PostgreSQL server's), once by pg_search.c and, unless
#     BENCH_PG_REPLICA=0, once through the FTS5 search replica
#     (BENCH_PG_DIRECT=0 skips the pg_search.c pass, the fallback, which
#     takes long at 1M).
# BENCH_PG_REUSE=DIR (a work directory kept with BENCH_KEEP=1, holding
# pgN/c, the cluster, and nN.db) skips the cluster's creation and 9a: the
# cluster is started again and migrated, and with BENCH_PG_REINDEX=1 its
# search index rebuilt (timed: for a branch that changes the PostgreSQL
# search); BENCH_PG_PARTS (default "import report search page servers")
# picks the parts.

PG_SIZES=${BENCH_PG_SIZES:-10000}
PG_Q=${BENCH_PG_QUERIES:-20}
PG_SRUNS=${BENCH_PG_SEARCH_RUNS:-$RUNS}
PG_PARTS=${BENCH_PG_PARTS:-"import report search page servers"}
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
pg_part() { case " $PG_PARTS " in *" $1 "*) return 0 ;; esac; return 1; }

# pg_down: stops the cluster of $WORK/pgcluster.dir; removes it unless it
# is kept (BENCH_KEEP=1) or reused (BENCH_PG_REUSE), and then the SQLite
# file of the same size too.
pg_down() {
  [ -f "$WORK/pgcluster.dir" ] || return 0
  c=$(cat "$WORK/pgcluster.dir")
  if [ "${BENCH_KEEP:-0}" = 1 ] || [ -n "${BENCH_PG_REUSE:-}" ]; then
    if [ "$(id -u)" -eq 0 ]; then
      runuser -u gongkai-test -- "$PGBIN/pg_ctl" -D "$c/data" -m fast -w -s stop || true
    else
      "$PGBIN/pg_ctl" -D "$c/data" -m fast -w -s stop || true
    fi
  else
    sh tests/pg/pg.sh stop "$c"
    rm -f "$SDB" "$SDB-wal" "$SDB-shm"
  fi
  rm -f "$WORK/pgcluster.dir"
}

# pg_cpu DIR -> CPU seconds used so far by the cluster in DIR: the
# postmaster, its live children and (cutime/cstime) those it has reaped,
# e.g. the backend of a client that disconnected.  Called between clients:
# it first waits (up to 5 s) until no backend of the test database is left,
# since a backend ends and is reaped a moment after its client.
pg_cpu() {
  pm=$(head -1 "$1/data/postmaster.pid")
  w=0
  # a backend, or one that has ended and is not yet reaped (zombie): its
  # CPU would be in neither the live children nor cutime
  while [ $w -lt 50 ] && ps -o stat=,args= --ppid "$pm" | grep -qE '^Z| gongkai_test '; do
    sleep 0.1; w=$((w + 1))
  done
  {
    sed 's/.*) //' "/proc/$pm/stat" | awk '{print $12 + $13 + $14 + $15}'
    for p in $(ps -o pid= --ppid "$pm"); do
      sed 's/.*) //' "/proc/$p/stat" 2>/dev/null | awk '{print $12 + $13}'
    done
  } | awk -v t="$(getconf CLK_TCK)" '{s += $1} END {printf "%.2f", s / t}'
}

# wrk3 URL SCRIPT -> "rps p50ms p99ms non2xx" (non-2xx/3xx responses and
# socket errors together)
wrk3() {
  wrk -t2 -c64 -d"${DUR}s" --latency -H 'Accept-Encoding: identity' -s "$2" "$1" > "$WORK/wrk3.txt" 2>&1
  awk '
    function ms(v) { if (v ~ /us$/) { sub(/us/, "", v); return v / 1000 }
                     if (v ~ /ms$/) { sub(/ms/, "", v); return v }
                     if (v ~ /s$/) { sub(/s/, "", v); return v * 1000 } return v }
    /Requests\/sec/ { rps = $2 }
    $1 == "50%" { p50 = ms($2) }
    $1 == "99%" { p99 = ms($2) }
    /Non-2xx or 3xx/ { bad += $NF }
    /Socket errors/ { for (i = 3; i <= NF; i++) { v = $i; sub(/,/, "", v); if (v ~ /^[0-9]+$/) bad += v } }
    END { printf "%s %s %s %d\n", rps, p50, p99, bad }' "$WORK/wrk3.txt"
}

# ratio_col FILE_A FILE_B FIELD -> "min / median / max" of B/A per pair
ratio_col() { paste -d' ' "$1" "$2" | awk -v f="$3" '{n = NF / 2; if ($f > 0) printf "%.2f\n", $(f + n) / $f}' | stats; }

for N in $PG_SIZES; do
  echo "== 9. PostgreSQL against SQLite, $N documents"
  PD=$WORK/pg$N
  PGC=$PD/c
  SDB=$WORK/n$N.db
  [ -z "${BENCH_PG_REUSE:-}" ] || { PD=$BENCH_PG_REUSE/pg$N; PGC=$PD/c; SDB=$BENCH_PG_REUSE/n$N.db; }
  mkdir -p "$PD"; chmod 755 "$PD"
  NORG=$(( N / 2000 )); [ $NORG -ge 20 ] || NORG=20; [ $NORG -le 500 ] || NORG=500
  if [ -z "${BENCH_PG_REUSE:-}" ]; then
    PGCONN=$(PG_SHARED_BUFFERS=${BENCH_PG_SHARED_BUFFERS:-256MB} sh tests/pg/pg.sh start "$PGC")
  elif ! { if [ "$(id -u)" -eq 0 ]; then runuser -u gongkai-test -- "$PGBIN/pg_ctl" -D "$PGC/data" status
           else "$PGBIN/pg_ctl" -D "$PGC/data" status; fi; } > /dev/null 2>&1; then
    # tests/pg/pg.sh's settings are options of its pg_ctl start, not in the
    # cluster's configuration: give them again (no TCP, socket in $PGC).
    o="-c listen_addresses='' -c unix_socket_directories='$PGC' -p 5432"
    o="$o -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    o="$o -c max_connections=50 -c shared_buffers=${BENCH_PG_SHARED_BUFFERS:-256MB}"
    if [ "$(id -u)" -eq 0 ]; then
      runuser -u gongkai-test -- "$PGBIN/pg_ctl" -D "$PGC/data" -l "$PGC/server.log" -w -s -o "$o" start
    else
      "$PGBIN/pg_ctl" -D "$PGC/data" -l "$PGC/server.log" -w -s -o "$o" start
    fi
  fi
  [ -z "${BENCH_PG_REUSE:-}" ] || PGCONN=$(sh tests/pg/pg.sh env "$PGC" | sed 's/^GK_TEST_PG=//')
  echo "$PGC" > "$WORK/pgcluster.dir"   # run.sh's cleanup calls pg_down
  export GONGKAI_KEY=$(printf '0f%.0s' $(seq 32))
  IMP_ROWS="" ; REINDEX=""
  if [ -z "${BENCH_PG_REUSE:-}" ]; then
    $GK init --db "$SDB" > /dev/null
    $GK init --db "$PGCONN" > /dev/null
    ROOT=$($GK bench-gen orgs --db "$SDB" --n $NORG --seed 1)
    ROOT2=$($GK bench-gen orgs --db "$PGCONN" --n $NORG --seed 1)
    [ "$ROOT" = "$ROOT2" ] || { echo "pg.sh: different organisation trees ($ROOT, $ROOT2)" >&2; exit 1; }
    $GK bench-gen docs --n "$N" --seed 1 --out "$PD/docs.jsonl"
    # 9a. import: SQLite, then PostgreSQL (one run each: at 100k the
    # PostgreSQL import takes tens of minutes on this machine).
    for B in sqlite pg; do
      echo "   import into $B ($(date -u +%T))"
      if [ $B = sqlite ]; then db=$SDB; else db=$PGCONN; fi
      c0=0; [ $B = sqlite ] || c0=$(pg_cpu "$PGC")
      /usr/bin/time -f '%e %U %S %M' -o "$PD/imp.time" \
        $GK docs import --db "$db" --org "$ROOT" --batch 5000 "$PD/docs.jsonl" > "$PD/imp.$B.out"
      c1=0; [ $B = sqlite ] || c1=$(pg_cpu "$PGC")
      cat "$PD/imp.$B.out"
      read -r wall u sy rss < "$PD/imp.time"
      echo "$B $wall $(echo "$u $sy $c0 $c1" | awk '{printf "%.1f", $1 + $2 + $4 - $3}') $(echo "$u $sy" | awk '{printf "%.1f", $1 + $2}') $((rss / 1024))" >> "$PD/imp.txt"
    done
    rm -f "$PD/docs.jsonl"
    for db in "$SDB" "$PGCONN"; do
      t=$(timed $GK bench-gen apps --db "$db" --org "$ROOT" --n "$N" --years 2019-2025 --seed 1)
      echo "   $N applications in $t s"
    done
    echo "$ROOT" > "$PD/root"
    # What an operator does after a bulk load, and what the planner needs to
    # choose the search index (docs/search.md, "PostgreSQL").
    t=$(timed psql -q "$PGCONN" -c 'VACUUM ANALYZE')
    echo "   VACUUM ANALYZE on PostgreSQL: $t s"
  else
    ROOT=$(cat "$PD/root")
    # A later binary may bring migrations: both databases are migrated; with
    # BENCH_PG_REINDEX=1 rebuild the search index.
    $GK migrate --db "$SDB" > /dev/null
    $GK migrate --db "$PGCONN" > /dev/null
  fi
  if [ -n "${BENCH_PG_REUSE:-}" ] && [ "${BENCH_PG_REINDEX:-0}" = 1 ]; then
    c0=$(pg_cpu "$PGC")
    t=$(timed $GK search reindex --db "$PGCONN")
    c1=$(pg_cpu "$PGC")
    REINDEX="PostgreSQL search index rebuilt from the stored documents (\`gongkai search reindex\`) before this run: $t s wall, $(echo "$(cat "$WORK/last.cpu") $c0 $c1" | awk '{printf "%.1f", $1 + $3 - $2}') CPU s."
    echo "   $REINDEX"
  fi
  {
    echo
    echo "## 9. PostgreSQL against SQLite, $N documents"
    echo
    echo "The same generated documents and applications in a new SQLite file and a throw-away"
    echo "PostgreSQL 15 cluster (tests/pg/pg.sh: Unix socket, fsync and synchronous_commit off,"
    echo "shared_buffers ${BENCH_PG_SHARED_BUFFERS:-256MB}; SQLite in WAL mode, synchronous=NORMAL),"
    echo "client and servers on this machine. Ratios are PostgreSQL / SQLite, measured in this run."
    [ -z "$REINDEX" ] || { echo; echo "$REINDEX"; }
  } >> "$WORK/pg.md"

  if [ -s "$PD/imp.txt" ] && pg_part import; then
    {
      echo
      echo "### 9a. Import (\`gongkai docs import --batch 5000\`, search index included)"
      echo
      echo "| database | seconds | documents/s (wall) | documents per CPU-second | CPU s (client + server) | client CPU s | client peak RSS MiB | size MB |"
      echo "|---|---|---|---|---|---|---|---|"
      while read -r B wall cpu ccpu rss; do
        if [ $B = sqlite ]; then name=SQLite; mb=$(du -m "$SDB" | cut -f1)
        else name=PostgreSQL; mb=$(du -sm "$PGC/data" | cut -f1); fi
        echo "| $name | $wall | $(echo "$N $wall" | awk '{printf "%.0f", $1 / $2}') | $(echo "$N $cpu" | awk '{printf "%.0f", $1 / $2}') | $cpu | $ccpu | $rss | $mb |"
      done < "$PD/imp.txt"
      awk -v n="$N" '{w[NR] = $2; c[NR] = $3} END {printf "| **ratio PostgreSQL/SQLite** | %.2f | **%.2f** | **%.2f** | | | | |\n", w[2] / w[1], w[1] / w[2], c[1] / c[2]}' "$PD/imp.txt"
      echo
      echo "Sizes after the import and the applications (SQLite: the file; PostgreSQL: the cluster's"
      echo "data directory, WAL included). Documents/s ratio > 1 means PostgreSQL is faster."
    } >> "$WORK/pg.md"
  fi

  if pg_part report; then
    echo "   annual report ($(date -u +%T))"
    : > "$PD/rep.sqlite"; : > "$PD/rep.pg"
    i=0
    while [ $i -lt "$RUNS" ]; do
      w=$(timed $GK applications year 2024 --db "$SDB" --org "$ROOT"); echo "$w $(cat "$WORK/last.cpu")" >> "$PD/rep.sqlite"
      napps=$(awk '$1=="t3" && $2=="new" {n+=$4} END {print n+0}' "$WORK/last.out")
      c0=$(pg_cpu "$PGC")
      w=$(timed $GK applications year 2024 --db "$PGCONN" --org "$ROOT")
      c1=$(pg_cpu "$PGC")
      echo "$w $(echo "$(cat "$WORK/last.cpu") $c0 $c1" | awk '{printf "%.2f", $1 + $3 - $2}')" >> "$PD/rep.pg"
      napps2=$(awk '$1=="t3" && $2=="new" {n+=$4} END {print n+0}' "$WORK/last.out")
      i=$((i + 1))
    done
    {
      echo
      echo "### 9b. Annual report (\`gongkai applications year 2024 --org ROOT\`, $N applications, $NORG organisations)"
      echo
      echo "min / median / max of $RUNS runs, alternating, process start included; CPU = client + server."
      echo "Received in 2024: $napps (SQLite), $napps2 (PostgreSQL)."
      echo
      echo "| database | wall s | CPU s |"
      echo "|---|---|---|"
      echo "| SQLite | $(cut -d' ' -f1 "$PD/rep.sqlite" | stats) | $(cut -d' ' -f2 "$PD/rep.sqlite" | stats) |"
      echo "| PostgreSQL | $(cut -d' ' -f1 "$PD/rep.pg" | stats) | $(cut -d' ' -f2 "$PD/rep.pg" | stats) |"
      echo "| **ratio PostgreSQL/SQLite** | **$(ratio_col "$PD/rep.sqlite" "$PD/rep.pg" 1)** | $(ratio_col "$PD/rep.sqlite" "$PD/rep.pg" 2) |"
    } >> "$WORK/pg.md"
  fi

  MAXID=$(sqlite3 "$SDB" "SELECT max(id) FROM doc")
  cat > "$PD/pages.lua" <<LUA
math.randomseed(42)
request = function()
  return wrk.format("GET", "/o/$ROOT/d/" .. math.random($MAXID))
end
LUA
  # The PostgreSQL servers below search (the related documents of a page)
  # through an FTS5 replica each, as `serve` does by default; a server fills
  # a new one in the background for minutes at 1M documents, which would
  # load the cores during the measurement.  So the replica is filled once
  # here (`gongkai search replica`, timed: what a server's start costs) and
  # each server gets a copy of its own, which it only catches up.
  if pg_part page || pg_part servers ||
     { pg_part search && [ "${BENCH_PG_REPLICA:-1}" = 1 ]; }; then
    rm -f "$PD"/replica*.db*
    echo "   search replica ($(date -u +%T))"
    c0=$(pg_cpu "$PGC")
    t=$(timed $GK search replica --db "$PGCONN" "$PD/replica_fill.db")
    c1=$(pg_cpu "$PGC")
    {
      echo
      echo "### 9f. The FTS5 search replica of the PostgreSQL database"
      echo
      echo "Filled from scratch (\`gongkai search replica --db PG FILE\`, what a new server does in"
      echo "the background at start): $t s wall, $(echo "$(cat "$WORK/last.cpu") $c0 $c1" | awk '{printf "%.1f", $1 + $3 - $2}') CPU s (client and cluster),"
      echo "$(du -m "$PD/replica_fill.db" | cut -f1) MB."
    } >> "$WORK/pg.md"
    for f in page a b; do cp "$PD/replica_fill.db" "$PD/replica_$f.db"; done
  fi
  if pg_part page; then
    echo "   document pages ($(date -u +%T))"
    # wrk's 64 connections come from one address (default cap 32)
    P1=$(serve "$SDB" pgs_sqlite --max-conn-per-addr 1000)
    P2=$(serve "$PGCONN" pgs_pg --max-conn-per-addr 1000 --search-replica "$PD/replica_page.db")
    for P in $P1 $P2; do
      code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$P/o/$ROOT/d/$MAXID")
      [ "$code" = 200 ] || echo "warning: /o/$ROOT/d/$MAXID answers $code on port $P" >&2
    done
    : > "$PD/page.sqlite"; : > "$PD/page.pg"
    i=0
    while [ $i -lt "$RUNS" ]; do
      wrk3 "http://127.0.0.1:$P1/" "$PD/pages.lua" >> "$PD/page.sqlite"
      wrk3 "http://127.0.0.1:$P2/" "$PD/pages.lua" >> "$PD/page.pg"
      i=$((i + 1))
    done
    stop pgs_sqlite; stop pgs_pg
    {
      echo
      echo "### 9d. Document pages: \`gongkai serve --threads 2\` on each database"
      echo
      echo "\`wrk -t2 -c64 -d${DUR}s --latency\` on random document pages (ids 1–$MAXID, the public cache"
      echo "holds 4,096 pages, so most requests read the database); min / median / max of $RUNS runs,"
      echo "alternating."
      echo
      echo "| database | requests/s | p50 ms | p99 ms | errors (non-2xx/3xx, socket) |"
      echo "|---|---|---|---|---|"
      for B in sqlite pg; do
        name=SQLite; [ $B = sqlite ] || name=PostgreSQL
        echo "| $name | $(cut -d' ' -f1 "$PD/page.$B" | stats) | $(cut -d' ' -f2 "$PD/page.$B" | stats) | $(cut -d' ' -f3 "$PD/page.$B" | stats) | $(cut -d' ' -f4 "$PD/page.$B" | awk '{s += $1} END {print s + 0}') |"
      done
      echo "| **ratio PostgreSQL/SQLite** | **$(ratio_col "$PD/page.sqlite" "$PD/page.pg" 1)** | $(ratio_col "$PD/page.sqlite" "$PD/page.pg" 2) | $(ratio_col "$PD/page.sqlite" "$PD/page.pg" 3) | |"
    } >> "$WORK/pg.md"
  fi

  if pg_part servers; then
    echo "   two servers against one ($(date -u +%T))"
    # The load comes through nginx from one address: lift the per-address cap.
    A1=$(serve "$PGCONN" pga --max-conn-per-addr 1000 --search-replica "$PD/replica_a.db")
    A2=$(serve "$PGCONN" pgb --max-conn-per-addr 1000 --search-replica "$PD/replica_b.db")
    for k in 1 2; do
      NP=$(free_port)
      if [ $k = 1 ]; then UP="server 127.0.0.1:$A1;"; else UP="server 127.0.0.1:$A1; server 127.0.0.1:$A2;"; fi
      cat > "$PD/nginx$k.conf" <<NGX
worker_processes 2;
pid $WORK/pgnginx$k.pid;
error_log $PD/nginx$k-error.log;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_requests 1000000;
  upstream gk { $UP keepalive 64; }
  server {
    listen 127.0.0.1:$NP;
    location / {
      proxy_pass http://gk;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
    }
  }
}
NGX
      nginx -c "$PD/nginx$k.conf" -p "$PD"
      echo "$NP" > "$PD/nginx$k.port"
    done
    sleep 1
    U1="http://127.0.0.1:$(cat "$PD/nginx1.port")/"
    U2="http://127.0.0.1:$(cat "$PD/nginx2.port")/"
    : > "$PD/srv1.txt"; : > "$PD/srv2.txt"
    i=0
    while [ $i -lt "$RUNS" ]; do
      wrk3 "$U1" "$PD/pages.lua" >> "$PD/srv1.txt"
      wrk3 "$U2" "$PD/pages.lua" >> "$PD/srv2.txt"
      i=$((i + 1))
    done
    for k in 1 2; do nginx -c "$PD/nginx$k.conf" -p "$PD" -s stop 2>/dev/null || true; done
    stop pga; stop pgb
    {
      echo
      echo "### 9e. Two gongkai servers on the one PostgreSQL database against one"
      echo
      echo "nginx (2 workers, keep-alive to the upstreams) in front of one \`gongkai serve --threads 2\`,"
      echo "then of two (round robin), both on the PostgreSQL database above; the same random document"
      echo "pages, \`wrk -t2 -c64 -d${DUR}s\`, $RUNS runs alternating. wrk, nginx, the servers and PostgreSQL share"
      echo "the machine's $(nproc) cores, so this measures what a second process costs or gains on one"
      echo "machine, not a second machine."
      echo
      echo "| upstream | requests/s | p50 ms | p99 ms | errors |"
      echo "|---|---|---|---|---|"
      echo "| one server | $(cut -d' ' -f1 "$PD/srv1.txt" | stats) | $(cut -d' ' -f2 "$PD/srv1.txt" | stats) | $(cut -d' ' -f3 "$PD/srv1.txt" | stats) | $(cut -d' ' -f4 "$PD/srv1.txt" | awk '{s += $1} END {print s + 0}') |"
      echo "| two servers | $(cut -d' ' -f1 "$PD/srv2.txt" | stats) | $(cut -d' ' -f2 "$PD/srv2.txt" | stats) | $(cut -d' ' -f3 "$PD/srv2.txt" | stats) | $(cut -d' ' -f4 "$PD/srv2.txt" | awk '{s += $1} END {print s + 0}') |"
      echo "| **ratio two/one** | **$(ratio_col "$PD/srv1.txt" "$PD/srv2.txt" 1)** | $(ratio_col "$PD/srv1.txt" "$PD/srv2.txt" 2) | $(ratio_col "$PD/srv1.txt" "$PD/srv2.txt" 3) | |"
    } >> "$WORK/pg.md"
  fi

  if pg_part search; then
    echo "   search ($(date -u +%T))"
    rm -f "$PD/search.md" "$PD/search_replica.md"
    [ "${BENCH_PG_DIRECT:-1}" = 0 ] ||
      $GK bench-search --db "$SDB" --compare "$PGCONN" --queries "$PG_Q" --runs "$PG_SRUNS" > "$PD/search.md"
    if [ "${BENCH_PG_REPLICA:-1}" = 1 ]; then
      # the FTS5 replica `serve` keeps on PostgreSQL (docs/search.md)
      rm -f "$PD/replica.db"*
      [ ! -f "$PD/replica_fill.db" ] || cp "$PD/replica_fill.db" "$PD/replica.db"
      $GK bench-search --db "$SDB" --compare "$PGCONN" --replica "$PD/replica.db" \
        --queries "$PG_Q" --runs "$PG_SRUNS" > "$PD/search_replica.md"
    fi
    {
      echo
      echo "### 9c. Search: the same queries through \`store_search()\` on both"
      echo
      echo "\`gongkai bench-search --db SQLITE --compare PG --queries $PG_Q --runs $PG_SRUNS\`: the query classes and"
      echo "vocabulary of section 2 (seed 7), $PG_Q queries per class; each query once on each database"
      echo "to warm up, then $PG_SRUNS times on each, alternating. newest 20 / relevance 20: the first page in"
      echo "that order (count capped at 1, so the order alone); exact count: every match counted;"
      echo "portal page: the search page's call (relevance, count up to 10,000). ms; CPU = this"
      echo "process's thread, for PostgreSQL plus the cluster's processes (/proc/PID/schedstat)."
      echo "Ratios: PostgreSQL / SQLite of the p50, the p99 and the summed CPU (> 1: PostgreSQL slower)."
      echo
      if [ -f "$PD/search.md" ]; then
        echo 'PostgreSQL searched by pg_search.c (`serve --search-replica off`):'
        echo
        cat "$PD/search.md"
      else
        echo 'PostgreSQL searched by pg_search.c (`serve --search-replica off`, the fallback): not run'
        echo '(BENCH_PG_DIRECT=0).'
      fi
      if [ -f "$PD/search_replica.md" ]; then
        echo
        echo 'PostgreSQL searched through the FTS5 search replica (the default of `serve` on PostgreSQL):'
        echo
        cat "$PD/search_replica.md"
      fi
    } >> "$WORK/pg.md"
  fi

  pg_down
  rm -f "$WORK/pgcluster.dir"
done
