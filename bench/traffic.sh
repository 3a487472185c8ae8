# traffic.sh — sections 6 and 7 of `make bench`, sourced by run.sh after
# section 1 (it uses run.sh's serve, stop, wrk_run, stats, $WORK, $DB,
# $PAGE, $NGURL, $DUR, $RUNS, $WRITES, $CONNS, $CONN_RATE) while nginx
# still serves the exported site.  Writes $WORK/traffic.md.
#
#   6. The document page, gongkai vs nginx, while bench/writer.py sends
#      private writes (failed sign-ins, sign-in/out, applications through
#      the public form) to gongkai at ~$WRITES POSTs/s for the whole
#      section — during the nginx runs too, so both servers share the
#      machine with the same extra load; then the same with applications
#      only (writer.py apps), a control without the argon2id hashes of
#      sign-ins.  The public cache's hit rate on
#      the page comes from /metrics: hits / requests of the document route.
#   7. $CONNS keep-alive connections on the page: bench/connload.c (open
#      loop, $CONN_RATE requests/s, latency from when each request was
#      due) and wrk -c$CONNS (closed loop, throughput), gongkai vs nginx.
#      gongkai allows 32 connections per client address by default: the
#      load comes from one address, so the server gets
#      --max-conn-per-addr 1000 and --max-connections above $CONNS.

echo "== 6. page under private writes, 7. $CONNS connections"
cc -O2 -o "$WORK/connload" bench/connload.c
MAXC=$((CONNS + 100))
TPORT=$(serve "$DB" gkt --trusted-proxy 127.0.0.1/32 --max-conn-per-addr 1000 \
  --max-connections "$MAXC")
TURL="http://127.0.0.1:$TPORT$PAGE"
# snap FILE: one /metrics scrape, so that both counters are of one moment
# (requests still finishing after wrk stops would land between two scrapes).
snap() { curl -s "http://127.0.0.1:$TPORT/metrics" > "$1"; }
metric() {  # metric FILE NAME_REGEX -> value summed over matching lines
  awk -v re="$2" '$0 !~ /^#/ && $1 ~ re {s += $2} END {print s + 0}' "$1"
}
DOCRE='^gongkai_http_requests_total[{]route="/o/[{]org[}]/d/'
curl -s -o /dev/null "$TURL"   # rendered once, then cached
WSECS=$((RUNS * 2 * (DUR + 2) + 4))
W_ROWS=""
# Two phases: the full mix, then a control with the applications only (the
# same kind of writes without the argon2id hashes of the sign-ins).
for MIX in all apps; do
  python3 bench/writer.py "$TPORT" "$WRITES" "$WSECS" "$WORK/writer.txt" "$MIX" &
  WPID=$!
  sleep 2
  : > "$WORK/gkw.txt"; : > "$WORK/ngw.txt"; : > "$WORK/hit.txt"
  i=0
  while [ $i -lt "$RUNS" ]; do
    wrk_run "$NGURL" >> "$WORK/ngw.txt"
    snap "$WORK/m0.txt"
    wrk_run "$TURL" >> "$WORK/gkw.txt"
    sleep 1   # let the requests wrk left in flight finish
    snap "$WORK/m1.txt"
    h0=$(metric "$WORK/m0.txt" '^gongkai_cache_hits_total$'); d0=$(metric "$WORK/m0.txt" "$DOCRE")
    h1=$(metric "$WORK/m1.txt" '^gongkai_cache_hits_total$'); d1=$(metric "$WORK/m1.txt" "$DOCRE")
    echo "$h0 $h1 $d0 $d1" | awk '{printf "%.4f\n", ($2-$1)/($4-$3)}' >> "$WORK/hit.txt"
    i=$((i + 1))
  done
  wait $WPID || true
  read -r wn ws wrate wok wbad wgets wst < "$WORK/writer.txt"
  case $MIX in
    all) what="sign-in, sign-out, failed sign-in, 7 applications per cycle" ;;
    *) what="applications only (control)" ;;
  esac
  W_ROWS="$W_ROWS| $what | $(cut -d' ' -f1 "$WORK/ngw.txt" | stats) | $(cut -d' ' -f2 "$WORK/ngw.txt" | stats) | $(cut -d' ' -f1 "$WORK/gkw.txt" | stats) | $(cut -d' ' -f2 "$WORK/gkw.txt" | stats) | **$(paste -d' ' "$WORK/gkw.txt" "$WORK/ngw.txt" | awk '{print $1/$3}' | stats)** | $(stats < "$WORK/hit.txt") | $wn in $ws s = **$wrate/s**; $wok as expected, $wbad not ($wst) |
"
done
napps=$(sqlite3 "$DB" "SELECT count(*) FROM application")

# ---- 7. many connections ----
: > "$WORK/cl_gk.txt"; : > "$WORK/cl_ng.txt"; : > "$WORK/cw_gk.txt"; : > "$WORK/cw_ng.txt"
NGPORT_=$(echo "$NGURL" | sed 's|http://127.0.0.1:\([0-9]*\)/.*|\1|')
i=0
while [ $i -lt "$RUNS" ]; do
  "$WORK/connload" 127.0.0.1 "$NGPORT_" "$PAGE" "$CONNS" "$CONN_RATE" "$DUR" >> "$WORK/cl_ng.txt"
  "$WORK/connload" 127.0.0.1 "$TPORT" "$PAGE" "$CONNS" "$CONN_RATE" "$DUR" >> "$WORK/cl_gk.txt"
  WRK_CONNS=$CONNS wrk_run "$NGURL" >> "$WORK/cw_ng.txt"
  grep -h 'Socket errors\|Non-2xx' "$WORK/wrk.txt" | sed 's/^ */nginx: /' >> "$WORK/cw_err.txt" || true
  WRK_CONNS=$CONNS wrk_run "$TURL" >> "$WORK/cw_gk.txt"
  grep -h 'Socket errors\|Non-2xx' "$WORK/wrk.txt" | sed 's/^ */gongkai: /' >> "$WORK/cw_err.txt" || true
  i=$((i + 1))
done
trss=$(awk '/VmHWM/ {print int($2/1024)}' "/proc/$(cat "$WORK/gkt.pid")/status")
stop gkt
# connload columns: sent done p50 p99 max errors connect_errors late closed
cl() { cut -d' ' -f"$2" "$WORK/cl_$1.txt" | stats; }
clsum() { awk -v c="$2" '{s += $c} END {print s + 0}' "$WORK/cl_$1.txt"; }
{
  echo
  echo "## 6. Document page under private writes (sign-in, sign-out, failed sign-in, applications)"
  echo
  echo "As section 1 (\`$PAGE\`, \`wrk -t2 -c64 -d${DUR}s\`, $RUNS runs each, alternating), while"
  echo "\`bench/writer.py\` sends gongkai ~$WRITES POSTs/s for the whole section, nginx runs"
  echo "included: per cycle (a fresh client address each, via X-Forwarded-For from a trusted"
  echo "proxy) one failed sign-in, a sign-in and sign-out of \`office\`, seven applications"
  echo "through the public form with its CSRF and submission tokens; then again with a writer"
  echo "that sends only the applications (a control: writes without argon2id). gongkai runs with"
  echo "\`--trusted-proxy 127.0.0.1/32 --max-conn-per-addr 1000 --max-connections $MAXC\`."
  echo "Cache hit rate = hits / requests of the document route (\`/metrics\`) during each gongkai run."
  echo
  echo "| writes | nginx requests/s | nginx p99 ms | gongkai requests/s | gongkai p99 ms | ratio gongkai/nginx | cache hit rate | writer POSTs |"
  echo "|---|---|---|---|---|---|---|---|"
  printf "%s" "$W_ROWS"
  echo
  echo "Expected answers: 401 for the failed sign-in, 303 otherwise. $napps applications in the"
  echo "database after the section."
  echo "Target: ratio ≥ 0.9 with the writes going on; the writes must not empty the cache."
  echo
  echo "## 7. $CONNS concurrent keep-alive connections on the document page"
  echo
  echo "Open loop: \`bench/connload.c\` holds $CONNS connections from one address and sends"
  echo "$CONN_RATE requests/s for ${DUR} s, each on the connection idle longest (all of them take turns); latency from the moment the"
  echo "request was due (queueing included). Closed loop: \`wrk -t2 -c$CONNS -d${DUR}s\`."
  echo "min / median / max of $RUNS runs; the same server options as section 6, no writer."
  echo
  echo "| server | open loop p50 ms | open loop p99 ms | max ms | errors (sum) | connect errors | closed by server | wrk -c$CONNS requests/s | wrk p99 ms |"
  echo "|---|---|---|---|---|---|---|---|---|"
  echo "| nginx 2 workers | $(cl ng 3) | $(cl ng 4) | $(cl ng 5) | $(clsum ng 6) | $(clsum ng 7) | $(clsum ng 9) | $(cut -d' ' -f1 "$WORK/cw_ng.txt" | stats) | $(cut -d' ' -f2 "$WORK/cw_ng.txt" | stats) |"
  echo "| gongkai 2 threads | $(cl gk 3) | $(cl gk 4) | $(cl gk 5) | $(clsum gk 6) | $(clsum gk 7) | $(clsum gk 9) | $(cut -d' ' -f1 "$WORK/cw_gk.txt" | stats) | $(cut -d' ' -f2 "$WORK/cw_gk.txt" | stats) |"
  echo
  echo "wrk errors: $(sort -u "$WORK/cw_err.txt" 2>/dev/null | tr '\n' ';')none other. gongkai peak RSS $trss MiB."
  echo "Target: p99 ≤ 50 ms, no error."
} > "$WORK/traffic.md"
