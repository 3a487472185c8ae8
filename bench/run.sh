#!/bin/sh
# run.sh — gongkai's benchmarks (`make bench`).  Each number is a ratio
# against a reference measured in the same run on this machine, over
# loopback.  Writes bench/RESULTS.md.  See bench/README.md.
#
# Environment: BENCH_DURATION (seconds per wrk run, default 10),
# BENCH_RUNS (repetitions for min/median/max, default 3),
# BENCH_SIZES (search corpus sizes, default "10000 100000 1000000").
set -eu
cd "$(dirname "$0")/.."
DUR=${BENCH_DURATION:-10}
RUNS=${BENCH_RUNS:-3}
WORK=$(mktemp -d /tmp/gk-bench.XXXXXX)
chmod 755 "$WORK"   # nginx workers run as another user
OUT=bench/RESULTS.md
GK=./gongkai
trap 'kill $(cat "$WORK"/*.pid 2>/dev/null) 2>/dev/null || true' EXIT

free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }

# median/min/max of numbers on stdin -> "min median max"
stats() { sort -g | awk '{a[NR]=$1} END {printf "%s %s %s", a[1], a[int((NR+1)/2)], a[NR]}'; }

# wrk_run URL -> "rps p99ms"
wrk_run() {
  wrk -t2 -c64 -d"${DUR}s" --latency -H 'Accept-Encoding: identity' "$1" > "$WORK/wrk.txt" 2>&1
  rps=$(awk '/Requests\/sec/ {print $2}' "$WORK/wrk.txt")
  p99=$(awk '$1=="99%" {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v=v*1000}; print v}' "$WORK/wrk.txt")
  echo "$rps $p99"
}

echo "== setting up in $WORK"
$GK init --db "$WORK/gk.db" > /dev/null
$GK demo --db "$WORK/gk.db" > /dev/null
PAGE=${BENCH_PAGE:-$(sh bench/pick_page.sh "$WORK/gk.db")}
$GK export-site --db "$WORK/gk.db" --out "$WORK/site" > /dev/null
GKPORT=$(free_port)
NGPORT=$(free_port)
GONGKAI_KEY=$(printf '0f%.0s' $(seq 32)) $GK serve --db "$WORK/gk.db" \
  --listen "127.0.0.1:$GKPORT" --threads 2 2> "$WORK/serve.log" &
echo $! > "$WORK/gk.pid"
cat > "$WORK/nginx.conf" <<NGX
worker_processes 2;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
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
echo "== page $PAGE: gongkai $B1 bytes, nginx $B2 bytes"
[ "$B1" = "$B2" ] || { echo "the two servers send different bodies" >&2; exit 1; }

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
rss=$(ps -o rss= -p "$(cat "$WORK/gk.pid")" | tr -d ' ')

{
  echo "# gongkai benchmark results"
  echo
  echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo),"
  echo "$(uname -sr); client and servers share the machine (loopback)."
  echo "Command: \`make bench\` (BENCH_DURATION=$DUR, BENCH_RUNS=$RUNS)."
  echo
  echo "## 1. Document page: gongkai serve vs nginx serving the same bytes"
  echo
  echo "Page \`$PAGE\` ($B1 bytes), \`wrk -t2 -c64 -d${DUR}s --latency\`, keep-alive, no gzip;"
  echo "nginx serves the file written by \`gongkai export-site\`. min / median / max of $RUNS runs."
  echo
  echo "| server | requests/s | p99 latency (ms) |"
  echo "|---|---|---|"
  echo "| nginx 2 workers | $ng_rps | $ng_p99 |"
  echo "| gongkai 2 threads | $gk_rps | $gk_p99 |"
  echo "| **ratio gongkai/nginx** | **$ratio** | |"
  echo
  echo "Server resident memory after the runs: $((rss / 1024)) MiB."
} > "$OUT"
if [ -f bench/search.sh ]; then sh bench/search.sh "$WORK" >> "$OUT"; fi
cat "$OUT"
nginx -c "$WORK/nginx.conf" -p "$WORK" -s stop 2>/dev/null || true
